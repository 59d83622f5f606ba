/* hl-zone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include <cjson/cJSON.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-text.h"
#include "hl-zone.h"
#include "hl-zone-param.h"

void
hl_zone_params_init (HlZoneParams *params)
{
  const HlZoneParamInfo *table;
  guint n;

  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  /* The numbers come from the parameter table, which the file format and
   * the panel share. */
  table = hl_zone_params_get_table (&n);
  for (guint i = 0; i < n; i++)
    hl_zone_param_set (params, &table[i], table[i].default_value);
  params->follows_hairline = FALSE;
  params->shade = (HlColor) { 0x3a, 0x36, 0x33 };
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
      /* Temples are narrow (a 12 mm wide recession): the table's 4 mm
       * ramp inside each free edge would leave half the zone's dots out
       * (0.63 of area × density for a 12 × 20 mm temple on the front
       * chart, `hairline stats`); 1 mm keeps 0.87 and still leaves a
       * soft edge. */
      params->edge_blend_mm = 1.0;
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

/* Rounds shares to 4 decimals, the last one taking the remainder, so that
 * they sum to 1 exactly as the file format asks. */
static void
normalize_shares (HlZoneParams *params)
{
  double sum = 0.0, rest = 1.0;

  for (guint i = 0; i < params->n_sessions; i++)
    sum += MAX (params->sessions[i].share, 0.0);
  for (guint i = 0; i + 1 < params->n_sessions; i++)
    {
      double share = sum > 0 ? params->sessions[i].share / sum : 1.0 / params->n_sessions;

      share = MAX (round (share * 1e4) / 1e4, 1e-4);
      params->sessions[i].share = share;
      rest -= share;
    }
  params->sessions[params->n_sessions - 1].share = round (rest * 1e4) / 1e4;
}

void
hl_zone_params_set_n_sessions (HlZoneParams *params,
                               guint         n)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (n >= 1 && n <= HL_ZONE_MAX_SESSIONS);

  for (guint i = params->n_sessions; i < n; i++)
    {
      /* The newcomer takes 1/n; the others keep their proportions. */
      for (guint k = 0; k < i; k++)
        params->sessions[k].share *= 1.0 - 1.0 / n;
      params->sessions[i].share = 1.0 / n;
      params->sessions[i].shade = params->shade;
    }
  params->n_sessions = n;
  normalize_shares (params);
}

void
hl_zone_params_set_session_share (HlZoneParams *params,
                                  guint         index,
                                  double        share)
{
  double others = 0.0;

  g_return_if_fail (params != NULL);
  g_return_if_fail (index < params->n_sessions);

  if (params->n_sessions == 1 || !isfinite (share))
    {
      normalize_shares (params);
      return;
    }
  share = CLAMP (share, 0.01, 0.99);
  for (guint i = 0; i < params->n_sessions; i++)
    if (i != index)
      others += params->sessions[i].share;
  for (guint i = 0; i < params->n_sessions; i++)
    {
      if (i == index)
        params->sessions[i].share = share;
      else
        params->sessions[i].share = others > 0 ? params->sessions[i].share / others * (1.0 - share)
                                               : (1.0 - share) / (params->n_sessions - 1);
    }
  /* Round the others and give the remainder to the one that was set. */
  {
    double rest = 1.0;

    for (guint i = 0; i < params->n_sessions; i++)
      if (i != index)
        {
          params->sessions[i].share = MAX (round (params->sessions[i].share * 1e4) / 1e4, 1e-4);
          rest -= params->sessions[i].share;
        }
    params->sessions[index].share = round (rest * 1e4) / 1e4;
  }
}

static double
mean_level (HlColor c)
{
  return (c.r + c.g + c.b) / 3.0;
}

void
hl_zone_params_set_shade (HlZoneParams *params,
                          HlColor       shade)
{
  double old;

  g_return_if_fail (params != NULL);

  old = mean_level (params->shade);
  for (guint i = 0; i < params->n_sessions; i++)
    {
      double level = mean_level (params->sessions[i].shade);
      double amount;

      /* How far toward white (> 0) or black (< 0) the session was. */
      if (level >= old)
        amount = old < 255.0 ? (level - old) / (255.0 - old) : 0.0;
      else
        amount = old > 0.0 ? level / old - 1.0 : 0.0;
      params->sessions[i].shade = hl_color_lighten (shade, CLAMP (amount, -1.0, 1.0));
    }
  params->shade = shade;
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
  self->on_head = zone->on_head;
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
  zone->name = hl_text_clean (name, FALSE);   /* always loads again */
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
  const char *nick = hl_enum_to_nick (HL_TYPE_ZONE_KIND, (int) kind);

  g_return_val_if_fail (nick != NULL, "custom");
  return nick;
}

const char *
hl_zone_kind_get_label (HlZoneKind kind)
{
  static const char * const labels[] = {
    [HL_ZONE_FRONTAL] = NC_("zone kind", "Frontal band"),
    [HL_ZONE_TEMPLE] = NC_("zone kind", "Temple"),
    [HL_ZONE_MID_SCALP] = NC_("zone kind", "Mid-scalp"),
    [HL_ZONE_CROWN] = NC_("zone kind", "Crown"),
    [HL_ZONE_SCAR] = NC_("zone kind", "Scar"),
    [HL_ZONE_CUSTOM] = NC_("zone kind", "Custom"),
  };

  g_return_val_if_fail (kind <= HL_ZONE_CUSTOM, "Custom");
  return g_dpgettext2 (GETTEXT_PACKAGE, "zone kind", labels[kind]);
}

gboolean
hl_zone_kind_from_string (const char *text,
                          HlZoneKind *kind)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_ZONE_KIND, text, &value))
    return FALSE;
  if (kind != NULL)
    *kind = (HlZoneKind) value;
  return TRUE;
}

void
hl_zone_set_on_head (HlZone   *zone,
                     gboolean  on_head)
{
  g_return_if_fail (zone != NULL);
  g_return_if_fail (g_atomic_ref_count_compare (&zone->ref_count, 1));

  zone->on_head = on_head != FALSE;
}
