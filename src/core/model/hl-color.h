/* hl-color.h: an sRGB pigment shade, written "#rrggbb" in files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint8 r, g, b;
} HlColor;

/* Parses exactly "#rrggbb" (either case). FALSE on anything else. */
gboolean hl_color_parse  (const char *text,
                          HlColor    *out);
/* Writes "#rrggbb" and a NUL into @buf (8 bytes). Returns @buf. */
char    *hl_color_format (HlColor     color,
                          char        buf[8]);
gboolean hl_color_equal  (HlColor     a,
                          HlColor     b);
/* @amount > 0 mixes toward white, < 0 toward black (−1 … 1); each channel
 * rounded to nearest. */
HlColor  hl_color_lighten (HlColor    color,
                           double     amount);

G_END_DECLS
