/* test-units.c: lengths in mm and inches, and the practitioner's defaults
 * for new zones (applied to each kind, and by the zone pen).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "hl-tool-test-util.h"
#include "hl-tool-zone.h"
#include "hl-units.h"
#include "hl-zone-defaults.h"
#include "hl-zone-param.h"

static void
test_units_strings (void)
{
  HlUnit unit = HL_UNIT_IN;

  g_assert_true (hl_unit_from_string ("mm", &unit));
  g_assert_cmpint (unit, ==, HL_UNIT_MM);
  g_assert_true (hl_unit_from_string ("in", &unit));
  g_assert_cmpint (unit, ==, HL_UNIT_IN);
  /* Anything else leaves the unit alone. */
  g_assert_false (hl_unit_from_string ("inch", &unit));
  g_assert_false (hl_unit_from_string ("", &unit));
  g_assert_false (hl_unit_from_string (NULL, &unit));
  g_assert_cmpint (unit, ==, HL_UNIT_IN);
  g_assert_cmpstr (hl_unit_to_string (HL_UNIT_MM), ==, "mm");
  g_assert_cmpstr (hl_unit_to_string (HL_UNIT_IN), ==, "in");
}

static void
test_units_format (void)
{
  g_autofree char *mm = hl_units_format_length (12.5, HL_UNIT_MM, 1);
  g_autofree char *in = hl_units_format_length (12.5, HL_UNIT_IN, 1);
  g_autofree char *inch = hl_units_format_length (25.4, HL_UNIT_IN, 0);
  g_autofree char *per_mm = hl_units_format_per (0.15, HL_UNIT_MM, 3, "px");
  g_autofree char *per_in = hl_units_format_per (0.15, HL_UNIT_IN, 3, "px");

  g_assert_cmpstr (mm, ==, "12.5 mm");
  /* 12.5 / 25.4 = 0.4921…, one decimal more in inches. */
  g_assert_cmpstr (in, ==, "0.49 in");
  g_assert_cmpstr (inch, ==, "1.0 in");
  g_assert_cmpstr (per_mm, ==, "0.150 mm/px");
  g_assert_cmpstr (per_in, ==, "0.0059 in/px");
  g_assert_cmpfloat_with_epsilon (hl_units_to_mm (hl_units_from_mm (7.3, HL_UNIT_IN), HL_UNIT_IN),
                                  7.3, 1e-12);
  g_assert_cmpfloat (hl_units_from_mm (7.3, HL_UNIT_MM), ==, 7.3);
  g_assert_cmpint (hl_units_decimals (HL_UNIT_IN, 9), ==, 6);
}

/* Numbers follow the locale's decimal separator. */
static void
test_units_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *text = NULL;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL &&
      setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma installed");
      return;
    }
  text = hl_units_format_length (12.5, HL_UNIT_MM, 1);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (text, ==, "12,5 mm");
}

static void
test_defaults_builtin (void)
{
  HlZoneDefaults defaults;

  hl_zone_defaults_init (&defaults);
  g_assert_cmpfloat (defaults.density, ==, HL_DENSITY_DEFAULT);
  g_assert_cmpfloat (defaults.transition_mm, ==, 8.0);
  g_assert_cmpfloat (defaults.dot_mm, ==, 0.25);

  /* The built-in defaults change nothing, for every kind. */
  for (HlZoneKind kind = HL_ZONE_FRONTAL; kind <= HL_ZONE_CUSTOM; kind++)
    {
      HlZoneParams expect, got;

      hl_zone_params_init_for_kind (&expect, kind);
      hl_zone_defaults_apply (&defaults, kind, &got);
      g_assert_cmpmem (&got, sizeof got, &expect, sizeof expect);
      hl_zone_defaults_apply (NULL, kind, &got);
      g_assert_cmpmem (&got, sizeof got, &expect, sizeof expect);
    }
}

static void
test_defaults_applied (void)
{
  HlZoneDefaults defaults = { 90.0, 12.0, 0.4, { 0x20, 0x10, 0x08 } };
  HlZoneParams frontal, scar, builtin_scar;

  hl_zone_defaults_apply (&defaults, HL_ZONE_FRONTAL, &frontal);
  g_assert_cmpfloat (frontal.density, ==, 90.0);
  g_assert_cmpfloat (frontal.transition_mm, ==, 12.0);
  g_assert_cmpfloat (frontal.dot_mm, ==, 0.4);
  g_assert_true (hl_color_equal (frontal.shade, defaults.shade));
  /* Session shades follow the zone's shade; the last one is the shade. */
  g_assert_true (hl_color_equal (frontal.sessions[frontal.n_sessions - 1].shade, defaults.shade));
  g_assert_true (frontal.follows_hairline);

  /* A scar keeps its proportion to the frontal density (40 of 60). */
  hl_zone_params_init_for_kind (&builtin_scar, HL_ZONE_SCAR);
  hl_zone_defaults_apply (&defaults, HL_ZONE_SCAR, &scar);
  g_assert_cmpfloat_with_epsilon (scar.density, builtin_scar.density * 90.0 / 60.0, 1e-9);
  g_assert_cmpfloat (scar.edge_blend_mm, ==, builtin_scar.edge_blend_mm);

  /* Out of range: clamped to the parameter table's range. */
  defaults.density = 1000.0;
  defaults.dot_mm = 0.0;
  defaults.transition_mm = NAN;
  hl_zone_defaults_apply (&defaults, HL_ZONE_FRONTAL, &frontal);
  g_assert_cmpfloat (frontal.density, ==, hl_zone_param_find ("density")->max);
  g_assert_cmpfloat (frontal.dot_mm, ==, hl_zone_param_find ("dot_mm")->min);
  g_assert_cmpfloat (frontal.transition_mm, ==, 8.0);
}

/* The zone pen: a zone closed after hl_tool_zone_set_defaults() gets them,
 * read when it closes (a change meanwhile counts). */
static void
test_pen_uses_defaults (void)
{
  g_autoptr(HlDesign) start = hl_test_empty_design (0.2);
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("zone", hl_test_host (history), NULL, 0);
  HlZoneDefaults defaults;
  const HlZone *zone;

  hl_zone_defaults_init (&defaults);
  hl_tool_zone_set_defaults (tool, &defaults);
  hl_test_click (tool, 100, 50, 1.0);
  hl_test_click (tool, 300, 50, 1.0);
  hl_test_click (tool, 300, 150, 1.0);
  defaults.density = 75.0;
  defaults.dot_mm = 0.3;
  hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0);

  zone = hl_view_get_zone (hl_test_view (hl_history_get_current (history)), 0);
  g_assert_nonnull (zone);
  g_assert_cmpfloat (zone->params.density, ==, 75.0);
  g_assert_cmpfloat (zone->params.dot_mm, ==, 0.3);

  /* Back to the built-in ones. */
  hl_tool_zone_set_defaults (tool, NULL);
  hl_test_click (tool, 100, 200, 1.0);
  hl_test_click (tool, 300, 200, 1.0);
  hl_test_click (tool, 300, 280, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_ENTER, 1.0);
  zone = hl_view_get_zone (hl_test_view (hl_history_get_current (history)), 1);
  g_assert_nonnull (zone);
  g_assert_cmpfloat (zone->params.density, ==, HL_DENSITY_DEFAULT);
}

/* Counts as the C locale writes them: no digit groups. (The French
 * groups are checked in the window by gui-i18n.) */
static void
test_count_digit_groups (void)
{
  const struct { guint64 n; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1000" }, { 1234567, "1234567" },
    { G_MAXUINT64, "18446744073709551615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hl_units_format_count (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units/strings", test_units_strings);
  g_test_add_func ("/units/format", test_units_format);
  g_test_add_func ("/units/locale", test_units_locale);
  g_test_add_func ("/zone-defaults/builtin", test_defaults_builtin);
  g_test_add_func ("/units/count-digit-groups", test_count_digit_groups);
  g_test_add_func ("/zone-defaults/applied", test_defaults_applied);
  g_test_add_func ("/zone-defaults/zone-pen", test_pen_uses_defaults);
  return g_test_run ();
}
