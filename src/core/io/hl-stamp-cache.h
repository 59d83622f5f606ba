/* hl-stamp-cache.h: pre-rendered dot masks, shared by every render.
 *
 * One mask per (stage, radius bucket, outline shape, sub-pixel offset),
 * filled with the pigment profile of hl-pigment.h: drawing a dot is then a
 * lookup and a small blend loop instead of a path fill. Radii step by 4 %;
 * offsets by a quarter pixel for dots under 4 px in radius, by half a
 * pixel under 12 px, none above (a shift under half a pixel of a dot that
 * wide does not show). Masks of dots under 3 px in radius are scaled so
 * that they darken by the dot's true integral: a dot under a pixel wide
 * darkens in proportion instead of vanishing or growing.
 *
 * The cache lives for the process: masks are built once, on first use,
 * and are immutable; lookups take no lock and any thread may draw. Its
 * size is bounded (HL_STAMP_CACHE_BUDGET): past it, and for dots wider
 * than HL_STAMP_MAX_RADIUS, masks are built for the caller alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-pigment.h"

G_BEGIN_DECLS

/* Dots wider than this (core radius, px) are not cached. */
#define HL_STAMP_MAX_RADIUS 40.0
/* Bytes of masks the cache keeps at most. */
#define HL_STAMP_CACHE_BUDGET (48u << 20)

typedef struct
{
  int     x0, y0;       /* top-left relative to floor (centre) */
  int     width, height;
  guint8 *coverage;     /* width × height, darkening 0–255 */
} HlStamp;

/* The mask for a dot of core radius @radius px at stage @stage (an
 * HlStage) with outline @shape, centred at (@cx, @cy) (only the
 * fractional parts matter). NULL for dots too small to draw. The mask is
 * borrowed from the cache, except when *@owned is set on return: then the
 * caller frees it with hl_stamp_free(). */
const HlStamp *hl_stamp_cache_get   (guint     stage,
                                     guint     shape,
                                     double    radius,
                                     double    cx,
                                     double    cy,
                                     gboolean *owned);
/* As hl_stamp_cache_get() for @radius ≤ HL_STAMP_MAX_RADIUS, with the
 * stage's @look (hl_pigment_look (@stage)) and the centre's fractional
 * parts @fx, @fy (0 ≤ … < 1) given: the dot pass's per-dot call, without
 * the work its caller has done already. */
const HlStamp *hl_stamp_cache_get_at (const HlPigmentLook *look,
                                      guint                stage,
                                      guint                shape,
                                      double               radius,
                                      double               fx,
                                      double               fy,
                                      gboolean            *owned);
void           hl_stamp_free        (HlStamp  *stamp);
/* Bytes of masks in the cache now. */
gsize          hl_stamp_cache_bytes (void);

G_END_DECLS
