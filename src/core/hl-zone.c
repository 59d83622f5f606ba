/* hl-zone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "hl-zone.h"

static const char * const kind_names[] = {
  [HL_ZONE_FRONTAL] = "frontal",
  [HL_ZONE_TEMPLE] = "temple",
  [HL_ZONE_MID_SCALP] = "mid_scalp",
  [HL_ZONE_CROWN] = "crown",
  [HL_ZONE_SCAR] = "scar",
  [HL_ZONE_CUSTOM] = "custom",
};

void
hl_zone_params_init (HlZoneParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  params->density = HL_DENSITY_DEFAULT;
  params->follows_hairline = FALSE;
  params->transition_mm = 8.0;
  params->macro_amplitude_mm = 1.5;
  params->macro_wavelength_mm = 25.0;
  params->micro_irregularity = 0.35;
  params->sentinels_per_cm = 1.0;
  params->edge_blend_mm = 4.0;
  params->dot_mm = 0.25;
  params->dot_spread = 0.15;
  params->shade = (HlColor) { 0x3a, 0x36, 0x33 };
  params->shade_spread = 0.12;
  params->n_sessions = 3;
  params->sessions[0] = (HlSession) { 0.30, { 0x6e, 0x69, 0x65 } };
  params->sessions[1] = (HlSession) { 0.35, { 0x4d, 0x48, 0x44 } };
  params->sessions[2] = (HlSession) { 0.35, { 0x3a, 0x36, 0x33 } };
  params->seed = 1;
}

void
hl_zone_params_init_for_kind (HlZoneParams *params,
                              HlZoneKind    kind)
{
  g_return_if_fail (params != NULL);

  hl_zone_params_init (params);
  switch (kind)
    {
    case HL_ZONE_FRONTAL:
      params->follows_hairline = TRUE;
      params->macro_amplitude_mm = 2.0;
      params->macro_wavelength_mm = 30.0;
      params->micro_irregularity = 0.4;
      params->sentinels_per_cm = 1.5;
      break;
    case HL_ZONE_TEMPLE:
      params->follows_hairline = TRUE;
      params->density = 50.0;
      params->transition_mm = 6.0;
      break;
    case HL_ZONE_MID_SCALP:
    case HL_ZONE_CROWN:
      params->density = 55.0;
      params->sentinels_per_cm = 0.0;
      break;
    case HL_ZONE_SCAR:
      /* Scars take pigment unpredictably: lower density, wide blend. */
      params->density = 40.0;
      params->sentinels_per_cm = 0.0;
      params->edge_blend_mm = 10.0;
      break;
    case HL_ZONE_CUSTOM:
    default:
      params->sentinels_per_cm = 0.0;
      break;
    }
}

HlZone *
hl_zone_new (const char         *name,
             HlZoneKind          kind,
             HlCurve            *boundary,
             const HlZoneParams *params)
{
  HlZone *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (boundary != NULL, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  self = g_new0 (HlZone, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->kind = kind;
  self->boundary = hl_curve_ref (boundary);
  self->params = *params;

  return self;
}

HlZone *
hl_zone_copy (const HlZone *zone)
{
  HlZone *self;

  g_return_val_if_fail (zone != NULL, NULL);

  self = hl_zone_new (zone->name, zone->kind, zone->boundary, &zone->params);
  if (zone->extra != NULL)
    self->extra = cJSON_Duplicate (zone->extra, TRUE);

  return self;
}

HlZone *
hl_zone_ref (HlZone *zone)
{
  g_return_val_if_fail (zone != NULL, NULL);

  g_atomic_ref_count_inc (&zone->ref_count);
  return zone;
}

void
hl_zone_unref (HlZone *zone)
{
  g_return_if_fail (zone != NULL);

  if (g_atomic_ref_count_dec (&zone->ref_count))
    {
      g_free (zone->name);
      hl_curve_unref (zone->boundary);
      if (zone->extra != NULL)
        cJSON_Delete (zone->extra);
      g_free (zone);
    }
}

void
hl_zone_set_name (HlZone     *zone,
                  const char *name)
{
  g_return_if_fail (zone != NULL && name != NULL);
  g_return_if_fail (g_atomic_ref_count_compare (&zone->ref_count, 1));

  g_free (zone->name);
  zone->name = g_strdup (name);
}

void
hl_zone_set_boundary (HlZone  *zone,
                      HlCurve *boundary)
{
  g_return_if_fail (zone != NULL && boundary != NULL);
  g_return_if_fail (g_atomic_ref_count_compare (&zone->ref_count, 1));

  hl_curve_ref (boundary);
  hl_curve_unref (zone->boundary);
  zone->boundary = boundary;
}

void
hl_zone_set_params (HlZone             *zone,
                    const HlZoneParams *params)
{
  g_return_if_fail (zone != NULL && params != NULL);
  g_return_if_fail (g_atomic_ref_count_compare (&zone->ref_count, 1));

  zone->params = *params;
}

void
hl_zone_set_kind (HlZone     *zone,
                  HlZoneKind  kind)
{
  g_return_if_fail (zone != NULL);
  g_return_if_fail (kind <= HL_ZONE_CUSTOM);
  g_return_if_fail (g_atomic_ref_count_compare (&zone->ref_count, 1));

  zone->kind = kind;
}

const char *
hl_zone_kind_to_string (HlZoneKind kind)
{
  g_return_val_if_fail (kind <= HL_ZONE_CUSTOM, "custom");
  return kind_names[kind];
}

gboolean
hl_zone_kind_from_string (const char *text,
                          HlZoneKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (text, kind_names[i]) == 0)
        {
          if (kind != NULL)
            *kind = (HlZoneKind) i;
          return TRUE;
        }
    }

  return FALSE;
}
