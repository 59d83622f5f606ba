/* hl-color.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-color.h"

gboolean
hl_color_parse (const char *text,
                HlColor    *out)
{
  guint8 v[3];

  if (text == NULL || strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int hi = g_ascii_xdigit_value (text[1 + 2 * i]);
      int lo = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (guint8) (hi * 16 + lo);
    }

  if (out != NULL)
    *out = (HlColor) { v[0], v[1], v[2] };
  return TRUE;
}

char *
hl_color_format (HlColor color,
                 char    buf[8])
{
  g_snprintf (buf, 8, "#%02x%02x%02x", color.r, color.g, color.b);
  return buf;
}

gboolean
hl_color_equal (HlColor a,
                HlColor b)
{
  return a.r == b.r && a.g == b.g && a.b == b.b;
}

HlColor
hl_color_lighten (HlColor color,
                  double  amount)
{
  const guint8 *in = &color.r;
  HlColor out;
  guint8 *o = &out.r;

  for (guint k = 0; k < 3; k++)
    {
      double v = in[k];

      v = amount >= 0.0 ? v + (255.0 - v) * amount : v * (1.0 + amount);
      o[k] = (guint8) CLAMP (floor (v + 0.5), 0.0, 255.0);
    }

  return out;
}

/* sRGB ↔ CIELAB. The sRGB transfer curve and primaries (IEC 61966-2-1,
 * 1999), the XYZ → L*a*b* formulas and D65 white (CIE 15:2004,
 * "Colorimetry", 3rd ed.). */

static const double d65[3] = { 0.95047, 1.00000, 1.08883 };

static double
srgb_to_linear (double v)
{
  return v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
}

static double
linear_to_srgb (double v)
{
  return v <= 0.0031308 ? v * 12.92 : 1.055 * pow (v, 1.0 / 2.4) - 0.055;
}

static double
lab_f (double t)
{
  const double e = 216.0 / 24389.0, k = 24389.0 / 27.0;

  return t > e ? cbrt (t) : (k * t + 16.0) / 116.0;
}

static double
lab_f_inv (double f)
{
  const double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
  double t = f * f * f;

  return t > e ? t : (116.0 * f - 16.0) / k;
}

void
hl_color_to_lab (HlColor color,
                 double  lab[3])
{
  double r = srgb_to_linear (color.r / 255.0);
  double g = srgb_to_linear (color.g / 255.0);
  double b = srgb_to_linear (color.b / 255.0);
  double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  double fx = lab_f (x / d65[0]), fy = lab_f (y / d65[1]), fz = lab_f (z / d65[2]);

  lab[0] = 116.0 * fy - 16.0;
  lab[1] = 500.0 * (fx - fy);
  lab[2] = 200.0 * (fy - fz);
}

HlColor
hl_color_from_lab (const double lab[3])
{
  double fy = (lab[0] + 16.0) / 116.0;
  double fx = fy + lab[1] / 500.0;
  double fz = fy - lab[2] / 200.0;
  double x = lab_f_inv (fx) * d65[0], y = lab_f_inv (fy) * d65[1], z = lab_f_inv (fz) * d65[2];
  double rgb[3] = {
     3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
    -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
     0.0556434 * x - 0.2040259 * y + 1.0572252 * z,
  };
  guint8 out[3];

  for (guint k = 0; k < 3; k++)
    out[k] = (guint8) CLAMP (floor (linear_to_srgb (CLAMP (rgb[k], 0.0, 1.0)) * 255.0 + 0.5), 0.0, 255.0);
  return (HlColor) { out[0], out[1], out[2] };
}

double
hl_color_delta_e (HlColor a,
                  HlColor b)
{
  double la[3], lb[3];

  hl_color_to_lab (a, la);
  hl_color_to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
               (la[2] - lb[2]) * (la[2] - lb[2]));
}
