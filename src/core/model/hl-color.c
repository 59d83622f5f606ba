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
