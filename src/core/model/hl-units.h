/* hl-units.h: lengths shown to people, in millimetres or inches.
 *
 * Designs store millimetres; only what is shown changes. Numbers follow
 * the locale's decimal separator (LC_NUMERIC), so call these from the
 * application, not where a file or a command's output needs a fixed form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HL_UNIT_MM,   /*< nick=mm >*/
  HL_UNIT_IN,   /*< nick=in >*/
} HlUnit;

#define HL_MM_PER_INCH 25.4

/* "mm" → HL_UNIT_MM, "in" → HL_UNIT_IN; FALSE (and *@unit unchanged) on
 * anything else. */
gboolean    hl_unit_from_string      (const char *text,
                                      HlUnit     *unit);
/* "mm" or "in" (static), as settings and files name the unit. */
const char *hl_unit_to_string        (HlUnit      unit);
/* The unit's symbol for people, in their language: "mm", "in" (static). */
const char *hl_unit_get_symbol       (HlUnit      unit);
/* @mm in @unit. */
double      hl_units_from_mm         (double      mm,
                                      HlUnit      unit);
/* A length in @unit back to millimetres. */
double      hl_units_to_mm           (double      value,
                                      HlUnit      unit);
/* Decimals to show in @unit for a value shown with @mm_decimals in mm: an
 * inch is 25.4 mm, so inches get one more. */
int         hl_units_decimals        (HlUnit      unit,
                                      int         mm_decimals);
/* "12.5 mm" or "0.49 in" (transfer full), with the locale's decimal
 * separator and the unit's symbol in the user's language: @mm in @unit, with
 * hl_units_decimals (@unit, @mm_decimals) decimals (0–6). */
char       *hl_units_format_length   (double      mm,
                                      HlUnit      unit,
                                      int         mm_decimals);
/* The same with a unit "per" something: "0.150 mm/px" (transfer full). */
char       *hl_units_format_per      (double      mm,
                                      HlUnit      unit,
                                      int         mm_decimals,
                                      const char *per);

/* @count with the locale's thousands separator ("12,345" in English,
 * "12 345" in French, "12345" in the C locale), as printf's ' flag would
 * write it (a glibc extension ISO C lacks). Transfer full. */
char       *hl_units_format_count    (guint64     count);

G_END_DECLS
