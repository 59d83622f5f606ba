/* hl-dot-style.h: the size and shade the engine gives one dot.
 *
 * A zone's dot takes the zone's mean diameter and its session's shade,
 * varied by two triangular jitters in (-1, 1) drawn from a stable 64-bit
 * @key (the stippler mixes its plane seed with the candidate's id, so a
 * dot keeps its look while the design is edited around it), scaled by the
 * zone's dot_spread and shade_spread. The factor @f in [0, 1] is 1 deep in
 * the zone; toward 0 (the front edge's ramp) a dot is up to a quarter
 * smaller and lighter. Deterministic on every platform.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-zone.h"

G_BEGIN_DECLS

/* The two jitters of @key, each in (-1, 1). */
void hl_dot_jitter (guint64  key,
                    double  *j1,
                    double  *j2);

/* The diameter (mm) and shade of a dot of @zp in session @session (the
 * zone's own shade when it has no sessions; clamped to its last session)
 * at factor @f, varied by @key. The diameter is not clamped to the file
 * format's limits. */
void hl_dot_style  (const HlZoneParams *zp,
                    guint               session,
                    double              f,
                    guint64             key,
                    double             *diameter_mm,
                    HlColor            *shade);

/* What hl_dot_style() reads of a zone, prepared once for many dots (the
 * engine styles every dot it filters): the same results, without a call
 * and a floor() per channel. Holds no reference: a plain value. */
typedef struct
{
  double dot_mm, dot_spread, shade_spread;
  guint  n_shades;
  double base[HL_ZONE_MAX_SESSIONS][3];   /* the shades' channels */
} HlDotStyler;

void hl_dot_styler_init (HlDotStyler        *styler,
                         const HlZoneParams *zp);

/* hl_color_lighten() of one channel: mixed toward white (@amount > 0) or
 * black, rounded to nearest (v + ½ truncated is its floor when positive). */
static inline guint8
hl_dot_styler_channel (double v,
                       double amount)
{
  v = amount >= 0.0 ? v + (255.0 - v) * amount : v * (1.0 + amount);
  v += 0.5;
  if (!(v > 0.0))
    return 0;
  if (v >= 255.0)
    return 255;
  return (guint8) v;
}

/* As hl_dot_style() for the zone @styler was prepared from. */
static inline void
hl_dot_styler_style (const HlDotStyler *styler,
                     guint              session,
                     double             f,
                     guint64            key,
                     double            *diameter_mm,
                     HlColor           *shade)
{
  const double *base = styler->base[MIN (session, styler->n_shades - 1)];
  double j1, j2, amount;

  f = CLAMP (f, 0.0, 1.0);
  /* hl_dot_jitter(), inline. */
  j1 = ((double) (key & 0xffff) - (double) ((key >> 16) & 0xffff)) / 65536.0;
  j2 = ((double) ((key >> 32) & 0xffff) - (double) ((key >> 48) & 0xffff)) / 65536.0;

  /* Smaller and lighter toward the front edge. */
  *diameter_mm = styler->dot_mm * (1.0 + styler->dot_spread * j1) * (0.75 + 0.25 * f);
  amount = 0.25 * (1.0 - f) + styler->shade_spread * j2;
  shade->r = hl_dot_styler_channel (base[0], amount);
  shade->g = hl_dot_styler_channel (base[1], amount);
  shade->b = hl_dot_styler_channel (base[2], amount);
}

G_END_DECLS
