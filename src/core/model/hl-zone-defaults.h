/* hl-zone-defaults.h: a practitioner's own defaults for new zones.
 *
 * Density, transition width, dot size and shade that a new zone starts
 * with instead of the built-in ones. Density and transition are given for
 * a frontal zone; the other kinds keep their built-in proportion to it (a
 * scar at 40 of 60 dots/cm² stays at two thirds of the chosen density).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-zone.h"

G_BEGIN_DECLS

typedef struct
{
  double  density;        /* dots/cm² of a new frontal zone, 1–400 */
  double  transition_mm;  /* its hairline ramp width, 0–40 mm */
  double  dot_mm;         /* mean dot diameter of any new zone, 0.05–1.5 mm */
  HlColor shade;          /* shade of any new zone */
} HlZoneDefaults;

/* Fills @defaults with the built-in values (those of a new frontal zone). */
void hl_zone_defaults_init  (HlZoneDefaults       *defaults);
/* Fills @params as hl_zone_params_init_for_kind (@params, @kind) and then
 * applies @defaults (NULL: the built-in ones, which change nothing). Values
 * out of range are clamped to the ranges of hl-zone-param.h. */
void hl_zone_defaults_apply (const HlZoneDefaults *defaults,
                             HlZoneKind            kind,
                             HlZoneParams         *params);

G_END_DECLS
