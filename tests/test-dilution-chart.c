/* test-dilution-chart.c: pigments, dilutions, their healed colours on
 * skin types I–VI, the nearest dilution to a colour, and the chart's
 * form in the preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-color.h"
#include "hl-dilution-chart.h"
#include "hl-error.h"

static HlColor
rgb (const char *text)
{
  HlColor c = { 0, 0, 0 };

  g_assert_true (hl_color_parse (text, &c));
  return c;
}

static void
test_lab (void)
{
  double lab[3];
  static const char *samples[] = { "#000000", "#ffffff", "#3a3633", "#2a1e17", "#d9a07c", "#12ab9f", "#808080" };

  /* Reference values of CIE 15 / IEC 61966-2-1 for sRGB red and white. */
  hl_color_to_lab (rgb ("#ff0000"), lab);
  g_assert_cmpfloat_with_epsilon (lab[0], 53.24, 0.02);
  g_assert_cmpfloat_with_epsilon (lab[1], 80.09, 0.05);
  g_assert_cmpfloat_with_epsilon (lab[2], 67.20, 0.05);
  hl_color_to_lab (rgb ("#ffffff"), lab);
  g_assert_cmpfloat_with_epsilon (lab[0], 100.0, 0.01);
  g_assert_cmpfloat_with_epsilon (lab[1], 0.0, 0.01);
  g_assert_cmpfloat_with_epsilon (lab[2], 0.0, 0.01);
  g_assert_cmpfloat_with_epsilon (hl_color_delta_e (rgb ("#000000"), rgb ("#ffffff")), 100.0, 0.01);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      HlColor c = rgb (samples[i]);

      hl_color_to_lab (c, lab);
      g_assert_true (hl_color_equal (hl_color_from_lab (lab), c));
    }
}

static void
test_shade (void)
{
  HlColor black = rgb ("#000000");
  char buf[8];
  int last = -1;
  static const double waters[] = { 1, 2, 3, 6, 10, 20 };

  /* 1:1 holds half the particles: optical density 2 → 1, 10 % in linear
   * light, sRGB 89. */
  g_assert_cmpstr (hl_color_format (hl_dilution_shade (black, (HlDilution) { 1, 1 }), buf), ==, "#595959");
  /* More water, lighter, and never white. */
  for (guint i = 0; i < G_N_ELEMENTS (waters); i++)
    {
      HlColor s = hl_dilution_shade (black, (HlDilution) { 1, waters[i] });

      g_assert_cmpint (s.r, >, last);
      g_assert_cmpint (s.r, <, 255);
      last = s.r;
    }
  /* Only the ratio counts. */
  g_assert_true (hl_color_equal (hl_dilution_shade (rgb ("#2a1e17"), (HlDilution) { 1, 3 }),
                                 hl_dilution_shade (rgb ("#2a1e17"), (HlDilution) { 2, 6 })));
}

static void
test_skin (void)
{
  static const double ita_min[6] = { 55, 41, 28, 10, -30, -90 };
  static const double ita_max[6] = { 90, 55, 41, 28, 10, -30 };
  double last_l = 101.0;

  for (int type = 1; type <= 6; type++)
    {
      HlColor skin = hl_dilution_skin_colour (type);
      double lab[3], ita;

      hl_color_to_lab (skin, lab);
      ita = atan ((lab[0] - 50.0) / lab[2]) * 180.0 / G_PI;
      /* Each type inside its ITA group (Chardon 1991), darker in order. */
      g_assert_cmpfloat (ita, >, ita_min[type - 1]);
      g_assert_cmpfloat (ita, <, ita_max[type - 1]);
      g_assert_cmpfloat (lab[0], <, last_l);
      last_l = lab[0];
    }
  g_assert_true (hl_color_equal (hl_dilution_skin_colour (0), hl_dilution_skin_colour (3)));

  /* A healed dot darkens its skin and lets it show through: a lighter
   * shade heals lighter, and on darker skin darker. */
  for (int type = 1; type <= 6; type++)
    {
      HlColor skin = hl_dilution_skin_colour (type);
      HlColor dark = hl_dilution_healed_on_skin (rgb ("#595959"), type);
      HlColor light = hl_dilution_healed_on_skin (rgb ("#c0c0c0"), type);

      g_assert_cmpint (dark.r, <, light.r);
      g_assert_cmpint (light.r, <, skin.r);
      if (type > 1)
        g_assert_cmpint (hl_dilution_healed_on_skin (rgb ("#595959"), type - 1).r, >, dark.r);
    }
}

static void
test_nearest (void)
{
  g_autoptr(HlDilutionChart) chart = hl_dilution_chart_new_default ();
  HlDilutionMatch m, dark, light;

  /* Every entry's own healed colour finds that entry, ΔE 0. */
  for (int type = 1; type <= 6; type++)
    for (guint i = 0; i < hl_dilution_chart_get_n_pigments (chart); i++)
      {
        const HlChartPigment *p = hl_dilution_chart_get_pigment (chart, i);

        for (guint k = 0; k < p->dilutions->len; k++)
          {
            HlColor shade = hl_dilution_shade (p->colour, g_array_index (p->dilutions, HlDilution, k));
            HlColor healed = hl_dilution_healed_on_skin (shade, type);

            g_assert_true (hl_dilution_chart_nearest (chart, healed, type, &m));
            g_assert_cmpfloat (m.delta_e, <, 1e-9);
            g_assert_true (hl_color_equal (m.healed, healed));
            /* Two entries may heal alike on dark skin; then the same colour. */
            if (m.pigment != i || m.dilution != k)
              g_assert_true (hl_color_equal (m.shade, shade) || hl_color_equal (m.healed, healed));
          }
      }

  /* Near-black hair on light skin takes the least water of carbon black;
   * ash-blond hair much more. */
  g_assert_true (hl_dilution_chart_nearest (chart, rgb ("#1c1a19"), 2, &dark));
  g_assert_true (hl_dilution_chart_nearest (chart, rgb ("#a89c90"), 2, &light));
  g_assert_cmpuint (dark.pigment, ==, 0);
  g_assert_cmpuint (dark.dilution, ==, 0);
  g_assert_cmpfloat (g_array_index (hl_dilution_chart_get_pigment (chart, light.pigment)->dilutions,
                                    HlDilution, light.dilution).water,
                     >=, 6.0);
  g_assert_cmpfloat (light.delta_e, >, 0.0);
  g_assert_cmpfloat (fabs (light.delta_e - hl_color_delta_e (light.healed, rgb ("#a89c90"))), <, 1e-9);

  /* An empty chart finds nothing. */
  {
    g_autoptr(HlDilutionChart) empty = hl_dilution_chart_new ();

    g_assert_false (hl_dilution_chart_nearest (empty, rgb ("#000000"), 3, &m));
    g_assert_cmpint (hl_dilution_chart_add_pigment (empty, "Jet", rgb ("#000000")), ==, 0);
    g_assert_false (hl_dilution_chart_nearest (empty, rgb ("#000000"), 3, &m));
  }
}

static void
test_edit (void)
{
  g_autoptr(HlDilutionChart) chart = hl_dilution_chart_new_default ();
  g_autoptr(HlDilutionChart) copy = hl_dilution_chart_copy (chart);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *named = NULL;
  int index;

  g_assert_true (hl_dilution_chart_equal (chart, copy));
  index = hl_dilution_chart_add_pigment (copy, "  Graphite\tGrey ", rgb ("#3c3f44"));
  g_assert_cmpint (index, ==, 2);
  g_assert_cmpstr (hl_dilution_chart_get_pigment (copy, 2)->name, ==, "Graphite Grey");
  g_assert_false (hl_dilution_chart_equal (chart, copy));
  g_assert_cmpint (hl_dilution_chart_add_pigment (copy, "   ", rgb ("#3c3f44")), ==, -1);
  g_assert_false (hl_dilution_chart_set_name (copy, 2, ""));
  g_assert_true (hl_dilution_chart_set_name (copy, 2, "Slate"));

  g_assert_true (hl_dilution_chart_set_dilutions (copy, 2, "1:1, 1:2.5;2:9  1:12", &error));
  g_assert_no_error (error);
  text = hl_dilution_chart_format_dilutions (copy, 2);
  g_assert_cmpstr (text, ==, "1:1, 1:2.5, 2:9, 1:12");

  /* A bad item is named, and nothing changes. */
  g_assert_false (hl_dilution_chart_set_dilutions (copy, 2, "1:1, 1:-3", &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dilutions[1]"));
  g_assert_nonnull (strstr (error->message, "1:-3"));
  g_clear_error (&error);
  g_assert_cmpuint (hl_dilution_chart_get_pigment (copy, 2)->dilutions->len, ==, 4);

  hl_dilution_chart_set_colour (copy, 0, rgb ("#101010"));
  g_assert_true (hl_color_equal (hl_dilution_chart_get_pigment (copy, 0)->colour, rgb ("#101010")));
  hl_dilution_chart_remove_pigment (copy, 0);
  g_assert_cmpuint (hl_dilution_chart_get_n_pigments (copy), ==, 2);
  g_assert_cmpstr (hl_dilution_chart_get_pigment (copy, 0)->name, ==, "Dark Brown");

  named = hl_dilution_chart_name_shade (chart, hl_dilution_shade (rgb ("#000000"), (HlDilution) { 1, 3 }));
  g_assert_cmpstr (named, ==, "Carbon Black 1:3");
  g_assert_null (hl_dilution_chart_name_shade (chart, rgb ("#123456")));
}

static void
test_variant (void)
{
  g_autoptr(HlDilutionChart) chart = hl_dilution_chart_new_default ();
  g_autoptr(GVariant) v = g_variant_ref_sink (hl_dilution_chart_to_variant (chart));
  g_autoptr(HlDilutionChart) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = g_variant_print (v, FALSE);
  static const struct { const char *text; const char *path; } bad[] = {
    { "[('Jet', '#00000', ['1:1'])]", "dilution-chart[0].colour" },
    { "[('Jet', '#000000', ['1:1']), ('Ash', '#444444', ['1:1', '1:2', 'one to three'])]",
      "dilution-chart[1].dilutions[2]" },
    { "[('Jet', '#000000', ['1:1, 1:2'])]", "dilution-chart[0].dilutions[0]" },
    { "[('', '#000000', ['1:1'])]", "dilution-chart[0].name" },
    { "[('Jet', '#000000', ['0:1'])]", "dilution-chart[0].dilutions[0]" },
  };

  g_assert_cmpstr (printed, ==,
                   "[('Carbon Black', '#000000', ['1:1', '1:3', '1:6', '1:10', '1:20']), "
                   "('Dark Brown', '#2a1e17', ['1:1', '1:2', '1:4', '1:8'])]");
  back = hl_dilution_chart_from_variant (v, &error);
  g_assert_no_error (error);
  g_assert_true (hl_dilution_chart_equal (chart, back));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GVariant) b = g_variant_parse (G_VARIANT_TYPE (HL_DILUTION_CHART_VARIANT_TYPE),
                                               bad[i].text, NULL, NULL, NULL);
      g_autoptr(HlDilutionChart) none = NULL;

      g_assert_nonnull (b);
      none = hl_dilution_chart_from_variant (b, &error);
      g_assert_null (none);
      g_assert_nonnull (error);
      g_test_message ("%s → %s", bad[i].text, error->message);
      g_assert_true (g_str_has_prefix (error->message, bad[i].path));
      g_clear_error (&error);
    }

  {
    g_autoptr(GVariant) wrong = g_variant_ref_sink (g_variant_new_string ("black"));
    g_autoptr(HlDilutionChart) none = hl_dilution_chart_from_variant (wrong, &error);

    g_assert_null (none);
    g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
    g_clear_error (&error);
  }
}

/* The schema's default is the built-in chart. */
static void
test_schema_default (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SOURCE_DIR"), "data",
                                            "org.hairlinestudio.HairlineStudio.gschema.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GRegex) re = g_regex_new ("<key name=\"dilution-chart\" type=\"a\\(ssas\\)\">\\s*<default>([^<]*)</default>",
                                      0, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(HlDilutionChart) chart = NULL;
  g_autoptr(HlDilutionChart) builtin = hl_dilution_chart_new_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_true (g_regex_match (re, xml, 0, &info));
  text = g_match_info_fetch (info, 1);
  v = g_variant_parse (G_VARIANT_TYPE (HL_DILUTION_CHART_VARIANT_TYPE), text, NULL, NULL, &error);
  g_assert_no_error (error);
  chart = hl_dilution_chart_from_variant (v, &error);
  g_assert_no_error (error);
  g_assert_true (hl_dilution_chart_equal (chart, builtin));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dilution-chart/lab", test_lab);
  g_test_add_func ("/dilution-chart/shade", test_shade);
  g_test_add_func ("/dilution-chart/skin", test_skin);
  g_test_add_func ("/dilution-chart/nearest", test_nearest);
  g_test_add_func ("/dilution-chart/edit", test_edit);
  g_test_add_func ("/dilution-chart/variant", test_variant);
  g_test_add_func ("/dilution-chart/schema-default", test_schema_default);

  return g_test_run ();
}
