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

G_END_DECLS
