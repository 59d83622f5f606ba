/* hl-pigment.h: how a dot of pigment in the dermis looks through skin.
 *
 * A dot is not an opaque disc on the skin: it is carbon pigment under the
 * epidermis, seen through tissue that scatters light. Its appearance is a
 * radial profile of darkening, 0–1 (1 at the core: there the skin shows
 * the pigment's shade), made of
 *
 *   - a core: the deposit, a disc with a soft edge (a logistic step whose
 *     width grows as the pigment sits deeper and spreads), its outline
 *     slightly irregular (two- and three-fold waves, one of a few shapes
 *     per dot);
 *   - a halo: a faint Gaussian around it, from light scattered in the
 *     dermis and the epidermis over the pigment.
 *
 * The two combine as transmittances: (1 − a) = (1 − core)(1 − halo), so the
 * darkening never exceeds the shade. The renderer multiplies the photo by
 * 1 − a·opacity·(1 − shade), i.e. the skin seen through a filter of the
 * pigment's colour.
 *
 * Stages (fresh, healed, aged) differ in size, edge, halo, lightness and
 * colour cast; the numbers and their sources are in hl-pigment.c and in
 * the README ("How dots look").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-color.h"

G_BEGIN_DECLS

#define HL_PIGMENT_N_STAGES 3   /* HlStage: fresh, healed, aged */
#define HL_PIGMENT_N_SHAPES 8   /* outline variants */

typedef struct
{
  double  size;          /* diameter over the dot's fresh diameter */
  double  edge;          /* core edge width (logistic scale) / radius */
  double  halo_sigma;    /* halo's Gaussian σ / radius */
  double  halo;          /* halo's darkening at its centre, 0–1 */
  double  lighten;       /* shade mixed toward white */
  double  opacity;       /* darkening at the core, 0–1 */
  HlColor cast;          /* colour the shade drifts toward */
  double  cast_amount;
} HlPigmentLook;

/* The look of stage @stage (an HlStage; out-of-range values clamp).
 * Static. */
const HlPigmentLook *hl_pigment_look          (guint                stage);

/* A hash of a dot's position (image px): the same dot always gets the same
 * size and outline, at every zoom and in every export. */
guint32              hl_pigment_dot_hash      (float                x,
                                               float                y);
/* Size factor of the dot with hash @hash, 0.93–1.07. */
double               hl_pigment_size_jitter   (guint32              hash);
/* Outline variant, 0 … HL_PIGMENT_N_SHAPES − 1. */
guint                hl_pigment_shape         (guint32              hash);

/* Darkening, 0–1, at offset (@x, @y) px from the centre of a dot of mean
 * core radius @radius px, outline @shape, stage look @look, for a pixel
 * sampled at its centre (the pixel's own area is folded into the widths). */
double               hl_pigment_coverage      (const HlPigmentLook *look,
                                               guint                shape,
                                               double               radius,
                                               double               x,
                                               double               y);
/* The integral of the darkening over the plane, px², without the pixel's
 * area folded in: what a dot darkens in total at any zoom. */
double               hl_pigment_integral      (const HlPigmentLook *look,
                                               guint                shape,
                                               double               radius);
/* Distance from the centre, px, within which the darkening (as
 * hl_pigment_coverage() gives it for a pixel centre) is over 1 − 1/700:
 * full coverage in 8 bits (255), whatever the outline. 0 when none. */
double               hl_pigment_solid_radius  (const HlPigmentLook *look,
                                               guint                shape,
                                               double               radius);
/* Distance from the centre, px, beyond which the darkening is under 1/512. */
double               hl_pigment_reach         (const HlPigmentLook *look,
                                               guint                shape,
                                               double               radius);

G_END_DECLS
