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
hl_dot_style (const HlZoneParams *zp,
              guint               session,
              double              f,
              guint64             key,
              double             *diameter_mm,
              HlColor            *shade)
{
  HlColor base;
  double j1, j2;

  g_return_if_fail (zp != NULL && diameter_mm != NULL && shade != NULL);

  f = CLAMP (f, 0.0, 1.0);
  hl_dot_jitter (key, &j1, &j2);
  if (zp->n_sessions > 0)
    base = zp->sessions[MIN (session, MIN (zp->n_sessions, HL_ZONE_MAX_SESSIONS) - 1)].shade;
  else
    base = zp->shade;

  /* Smaller and lighter toward the front edge. */
  *diameter_mm = zp->dot_mm * (1.0 + zp->dot_spread * j1) * (0.75 + 0.25 * f);
  *shade = hl_color_lighten (base, 0.25 * (1.0 - f) + zp->shade_spread * j2);
}
