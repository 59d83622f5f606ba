/* hl-zone-defaults.c: a practitioner's own defaults for new zones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-zone-defaults.h"
#include "hl-zone-param.h"

void
hl_zone_defaults_init (HlZoneDefaults *defaults)
{
  HlZoneParams frontal;

  g_return_if_fail (defaults != NULL);

  hl_zone_params_init_for_kind (&frontal, HL_ZONE_FRONTAL);
  defaults->density = frontal.density;
  defaults->transition_mm = frontal.transition_mm;
  defaults->dot_mm = frontal.dot_mm;
  defaults->shade = frontal.shade;
}

/* @value scaled by @wanted / @builtin, or @wanted when the built-in value
 * is 0 (nothing to keep a proportion to). */
static double
in_proportion (double value,
               double builtin,
               double wanted)
{
  return builtin > 0.0 ? value * (wanted / builtin) : wanted;
}

static void
set_param (HlZoneParams *params,
           const char   *key,
           double        value)
{
  const HlZoneParamInfo *info = hl_zone_param_find (key);

  g_assert (info != NULL);
  if (isfinite (value))
    hl_zone_param_set (params, info, value);
}

void
hl_zone_defaults_apply (const HlZoneDefaults *defaults,
                        HlZoneKind            kind,
                        HlZoneParams         *params)
{
  HlZoneDefaults builtin;

  g_return_if_fail (params != NULL);

  hl_zone_params_init_for_kind (params, kind);
  if (defaults == NULL)
    return;

  hl_zone_defaults_init (&builtin);
  set_param (params, "density", in_proportion (params->density, builtin.density, defaults->density));
  set_param (params, "transition_mm",
             in_proportion (params->transition_mm, builtin.transition_mm, defaults->transition_mm));
  set_param (params, "dot_mm", defaults->dot_mm);
  if (!hl_color_equal (defaults->shade, params->shade))
    hl_zone_params_set_shade (params, defaults->shade);
}
