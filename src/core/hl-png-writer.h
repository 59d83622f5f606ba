/* hl-png-writer.h: PNG files through libpng.
 *
 * RGB, 8 bits per channel, an sRGB chunk, pHYs when the physical pixel size
 * is known, tEXt Software and Description, and nothing else: no metadata of
 * the source photo ever reaches an export. Written to a temporary file in
 * the same folder and renamed over the target, so a failed export leaves no
 * half-written file. Compression favours speed (level 1, one filter).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double      mm_per_px;     /* physical size of one output pixel; ≤ 0 = unknown */
  const char *description;   /* tEXt Description, may be NULL */
  int         level;         /* zlib level 0–9; < 0 = default (1) */
} HlPngOptions;

/* Writes the RGB24/ARGB32 image surface @image to @path. */
gboolean hl_png_write (cairo_surface_t     *image,
                       const char          *path,
                       const HlPngOptions  *options,
                       GError             **error);

G_END_DECLS
