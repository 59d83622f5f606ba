/* hl-stamp-cache.h: pre-rendered anti-aliased dot coverage masks.
 *
 * One mask per (radius bucket, sub-pixel offset): drawing a dot is then a
 * lookup and a small blend loop instead of a path fill. Radii step by 4 %,
 * offsets by a quarter pixel. Dots under half a pixel wide become a
 * bilinear splat of their exact area, so they darken in proportion instead
 * of vanishing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dots wider than this (radius, px) are not stamped: draw them as paths. */
#define HL_STAMP_MAX_RADIUS 40.0

typedef struct
{
  int     x0, y0;       /* top-left relative to floor (centre) */
  int     width, height;
  guint8 *coverage;     /* width × height, 0–255 */
} HlStamp;

typedef struct _HlStampCache HlStampCache;

/* @blur widens every edge by that many pixels (soft, aged dots).
 * Returns a new cache (transfer full). */
HlStampCache  *hl_stamp_cache_new  (double        blur);
void           hl_stamp_cache_free (HlStampCache *cache);
/* The mask for a dot of radius @radius px (≤ HL_STAMP_MAX_RADIUS) centred
 * at (@cx, @cy) (only the fractional parts matter). Borrowed: owned by the
 * cache. NULL for dots too small to draw. */
const HlStamp *hl_stamp_cache_get  (HlStampCache *cache,
                                    double        radius,
                                    double        cx,
                                    double        cy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlStampCache, hl_stamp_cache_free)

G_END_DECLS
