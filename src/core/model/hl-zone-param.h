/* hl-zone-param.h: the one table of a zone's numeric parameters.
 *
 * Key (the JSON member), label and unit for people, range, default and
 * display precision, and where the value lives in HlZoneParams. The JSON
 * reader and writer, the zone panel and the schema-agreement test all
 * iterate this table, so a parameter is named, bounded and defaulted in
 * one place. Shades, sessions, the seed and follows_hairline are not plain
 * numbers and are handled by each of them separately.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-zone.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;           /* JSON member, e.g. "density" */
  /* In English, untranslated: people read them through the
   * hl_zone_param_info_get_*() functions below. */
  const char *label;         /* for people, e.g. "Density" */
  const char *unit;          /* shown after values: "dots/cm²", "mm", "" */
  const char *error_unit;    /* in range messages: " dots/cm²", " mm", "" */
  const char *description;   /* one sentence for tooltips and the schema */
  double      min, max;      /* inclusive range the reader enforces */
  double      default_value; /* HlZoneParams default (before the kind's own) */
  double      step;          /* panel step */
  guint       digits;        /* panel decimals */
  gboolean    required;      /* must be present in a file */
  gsize       offset;        /* of the double in HlZoneParams */
} HlZoneParamInfo;

/* The table (static, never freed), @n_params set to its length. Entries
 * are in the order a saved file lists the members. */
const HlZoneParamInfo *hl_zone_params_get_table (guint                 *n_params);
/* The entry for JSON key @key (case-sensitive), or NULL (static). */
const HlZoneParamInfo *hl_zone_param_find       (const char            *key);
/* The value @info (an entry of the table) describes in @params. */
double                 hl_zone_param_get        (const HlZoneParams    *params,
                                                 const HlZoneParamInfo *info);
/* Sets the value, clamped to [min, max] (infinities to the nearer end;
 * NaN is a programming error and changes nothing). */
void                   hl_zone_param_set        (HlZoneParams          *params,
                                                 const HlZoneParamInfo *info,
                                                 double                 value);

/* @info's label, unit and description in the user's language (static). */
const char *hl_zone_param_info_get_label       (const HlZoneParamInfo *info);
const char *hl_zone_param_info_get_unit        (const HlZoneParamInfo *info);
const char *hl_zone_param_info_get_description (const HlZoneParamInfo *info);

G_END_DECLS
