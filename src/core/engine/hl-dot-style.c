/* hl-dot-style.c: the size and shade the engine gives one dot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-dot-style.h"

void
hl_dot_jitter (guint64  key,
               double  *j1,
               double  *j2)
{
  /* Differences of two uniform 16-bit draws: triangular, exact. */
  *j1 = ((double) (key & 0xffff) - (double) ((key >> 16) & 0xffff)) / 65536.0;
  *j2 = ((double) ((key >> 32) & 0xffff) - (double) ((key >> 48) & 0xffff)) / 65536.0;
}

void
hl_dot_styler_init (HlDotStyler        *styler,
                    const HlZoneParams *zp)
{
  guint n;

  g_return_if_fail (styler != NULL && zp != NULL);

  n = zp->n_sessions > 0 ? MIN (zp->n_sessions, HL_ZONE_MAX_SESSIONS) : 1;
  styler->dot_mm = zp->dot_mm;
  styler->dot_spread = zp->dot_spread;
  styler->shade_spread = zp->shade_spread;
  styler->n_shades = n;
  for (guint s = 0; s < n; s++)
    {
      HlColor c = zp->n_sessions > 0 ? zp->sessions[s].shade : zp->shade;

      styler->base[s][0] = c.r;
      styler->base[s][1] = c.g;
      styler->base[s][2] = c.b;
    }
}

void
hl_dot_style (const HlZoneParams *zp,
              guint               session,
              double              f,
              guint64             key,
              double             *diameter_mm,
              HlColor            *shade)
{
  HlDotStyler styler;

  g_return_if_fail (zp != NULL && diameter_mm != NULL && shade != NULL);

  hl_dot_styler_init (&styler, zp);
  hl_dot_styler_style (&styler, session, f, key, diameter_mm, shade);
}
