/* hl-zone-param.c: the table of a zone's numeric parameters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "hl-zone-param.h"

/* Ranges and error units are the ones design files have always been
 * validated with; changing one changes which files load. The order is the
 * order of the members in a saved file. */
static const HlZoneParamInfo params[] = {
  {
    "density", NC_("zone parameter", "Density"),
    /* Translators: units follow values, as in "60 dots/cm²". */
    N_("dots/cm²"),
    /* Translators: with a leading space, units follow a range in a design
     * file's error, as in "must be 1–400 dots/cm²". */
    N_(" dots/cm²"),
    N_("Dots per cm² on the skin where the zone is at full density."),
    HL_DENSITY_MIN, HL_DENSITY_MAX, HL_DENSITY_DEFAULT, 1.0, 0, TRUE,
    offsetof (HlZoneParams, density),
  },
  {
    "transition_mm", NC_("zone parameter", "Transition width"), N_("mm"), N_(" mm"),
    N_("Width in mm of the soft ramp behind the hairline over which density rises to full."),
    0.0, 40.0, 8.0, 0.5, 1, FALSE,
    offsetof (HlZoneParams, transition_mm),
  },
  {
    "macro_amplitude_mm", NC_("zone parameter", "Wave amplitude"), N_("mm"), N_(" mm"),
    N_("How far in mm the gently wavy effective edge strays in front of and behind the drawn hairline."),
    0.0, 10.0, 1.5, 0.1, 1, FALSE,
    offsetof (HlZoneParams, macro_amplitude_mm),
  },
  {
    "macro_wavelength_mm", NC_("zone parameter", "Wave length"), N_("mm"), N_(" mm"),
    N_("Distance in mm along the hairline between two crests of the wavy edge."),
    2.0, 200.0, 25.0, 1.0, 0, FALSE,
    offsetof (HlZoneParams, macro_wavelength_mm),
  },
  {
    "micro_irregularity", NC_("zone parameter", "Micro irregularity"), "", "",
    N_("How strongly density alternates from place to place near the edge, from 0 (even) to 1."),
    0.0, 1.0, 0.35, 0.05, 2, FALSE,
    offsetof (HlZoneParams, micro_irregularity),
  },
  {
    "sentinels_per_cm", NC_("zone parameter", "Sentinel dots"), N_("per cm"), N_(" per cm"),
    N_("Isolated dots placed just in front of the hairline, per cm of hairline."),
    0.0, 20.0, 1.0, 0.1, 1, FALSE,
    offsetof (HlZoneParams, sentinels_per_cm),
  },
  {
    "edge_blend_mm", NC_("zone parameter", "Edge blend"), N_("mm"), N_(" mm"),
    N_("Width in mm of the ramp inside the zone's edges that touch neither the hairline nor another zone."),
    0.0, 40.0, 4.0, 0.5, 1, FALSE,
    offsetof (HlZoneParams, edge_blend_mm),
  },
  {
    "dot_mm", NC_("zone parameter", "Dot size"), N_("mm"), N_(" mm"),
    N_("Mean diameter in mm of a fresh dot on the skin."),
    0.05, 1.5, 0.25, 0.01, 2, FALSE,
    offsetof (HlZoneParams, dot_mm),
  },
  {
    "dot_spread", NC_("zone parameter", "Dot size spread"), "", "",
    N_("Relative spread of dot diameters around the mean, from 0 (all alike) to 0.5."),
    0.0, 0.5, 0.15, 0.01, 2, FALSE,
    offsetof (HlZoneParams, dot_spread),
  },
  {
    "shade_spread", NC_("zone parameter", "Shade spread"), "", "",
    N_("Spread of dot lightness around the shade, from 0 (all alike) to 0.5."),
    0.0, 0.5, 0.12, 0.01, 2, FALSE,
    offsetof (HlZoneParams, shade_spread),
  },
};

const HlZoneParamInfo *
hl_zone_params_get_table (guint *n_params)
{
  g_return_val_if_fail (n_params != NULL, NULL);

  *n_params = G_N_ELEMENTS (params);
  return params;
}

const HlZoneParamInfo *
hl_zone_param_find (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    if (strcmp (params[i].key, key) == 0)
      return &params[i];
  return NULL;
}

static double *
slot (HlZoneParams          *zp,
      const HlZoneParamInfo *info)
{
  return (double *) (gpointer) ((char *) zp + info->offset);
}

double
hl_zone_param_get (const HlZoneParams    *zp,
                   const HlZoneParamInfo *info)
{
  g_return_val_if_fail (zp != NULL, 0.0);
  g_return_val_if_fail (info != NULL, 0.0);

  return *slot ((HlZoneParams *) zp, info);
}

void
hl_zone_param_set (HlZoneParams          *zp,
                   const HlZoneParamInfo *info,
                   double                 value)
{
  g_return_if_fail (zp != NULL);
  g_return_if_fail (info != NULL);
  g_return_if_fail (!isnan (value));

  *slot (zp, info) = CLAMP (value, info->min, info->max);
}

const char *
hl_zone_param_info_get_label (const HlZoneParamInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "zone parameter", info->label);
}

const char *
hl_zone_param_info_get_unit (const HlZoneParamInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return info->unit[0] != '\0' ? _(info->unit) : "";
}

const char *
hl_zone_param_info_get_description (const HlZoneParamInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return _(info->description);
}
