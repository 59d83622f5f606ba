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

/* CIELAB (D65 white, sRGB primaries and transfer curve; IEC 61966-2-1
 * and CIE 15:2004): @lab gets L*, a*, b*. */
void     hl_color_to_lab  (HlColor    color,
                           double     lab[3]);
/* The sRGB colour nearest @lab (out-of-gamut channels clamp). */
HlColor  hl_color_from_lab (const double lab[3]);
/* CIE 1976 colour difference ΔE*ab between @a and @b. */
double   hl_color_delta_e (HlColor    a,
                           HlColor    b);

G_END_DECLS
