/* test-enums.c: the words of the core's enums, now GEnum nicks, are the
 * words files and options used before, and every to/from_string pair
 * goes both ways.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-enums.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-render.h"
#include "hl-units.h"
#include "hl-view.h"
#include "hl-zone.h"

/* The words of each type in value order, as files written by earlier
 * versions spell them (copied from the tables the nicks replaced). */
typedef struct
{
  const char         *name;
  GType             (*get_type) (void);
  const char * const  words[16];
} Words;

static const Words words[] = {
  { "HlZoneKind", hl_zone_kind_get_type,
    { "frontal", "temple", "mid_scalp", "crown", "scar", "custom" } },
  { "HlCalibrationSource", hl_calibration_source_get_type,
    { "none", "ruler", "iris", "ipd", "manual" } },
  { "HlLandmark", hl_landmark_get_type,
    { "glabella", "nasion", "left_pupil", "right_pupil", "left_canthus", "right_canthus",
      "left_iris_edge_a", "left_iris_edge_b", "right_iris_edge_a", "right_iris_edge_b",
      "mid_frontal_point", "left_frontotemporal", "right_frontotemporal",
      "left_temporal_peak", "right_temporal_peak" } },
  { "HlDotEditKind", hl_dot_edit_kind_get_type, { "add", "remove" } },
  { "HlHeadChart", hl_head_chart_get_type, { "front", "top", "left", "right", "back" } },
  { "HlUnit", hl_unit_get_type, { "mm", "in" } },
  { "HlStage", hl_stage_get_type, { "fresh", "healed", "aged" } },
  { "HlLayout", hl_layout_get_type, { "after", "before-after", "split" } },
  { "HlHairlineStyle", hl_hairline_style_get_type,
    { "natural", "soft", "straight", "widows-peak", "mature" } },
};

static void
test_words_unchanged (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (words); t++)
    {
      GType type = words[t].get_type ();
      guint n = 0;

      g_assert_cmpstr (g_type_name (type), ==, words[t].name);
      while (n < G_N_ELEMENTS (words[t].words) && words[t].words[n] != NULL)
        n++;
      /* No value more, none less, none renamed (a sentinel like
       * HL_N_LANDMARKS is not a value). */
      g_assert_cmpuint (hl_enum_get_n_values (type), ==, n);
      for (guint i = 0; i < n; i++)
        {
          int value = -1;

          g_assert_cmpstr (hl_enum_to_nick (type, (int) i), ==, words[t].words[i]);
          g_assert_true (hl_enum_from_nick (type, words[t].words[i], &value));
          g_assert_cmpint (value, ==, (int) i);
        }
      g_assert_null (hl_enum_to_nick (type, (int) n));
    }
}

static void
test_lookups_refuse (void)
{
  int value = 42;

  /* Exact words only: no case folding, no GLib value names, no NULL. */
  g_assert_false (hl_enum_from_nick (HL_TYPE_ZONE_KIND, "Frontal", &value));
  g_assert_false (hl_enum_from_nick (HL_TYPE_ZONE_KIND, "mid-scalp", &value));
  g_assert_false (hl_enum_from_nick (HL_TYPE_ZONE_KIND, "HL_ZONE_FRONTAL", &value));
  g_assert_false (hl_enum_from_nick (HL_TYPE_ZONE_KIND, "", &value));
  g_assert_false (hl_enum_from_nick (HL_TYPE_ZONE_KIND, NULL, &value));
  g_assert_false (hl_enum_from_nick (HL_TYPE_LAYOUT, "before_after", &value));
  g_assert_cmpint (value, ==, 42);
  g_assert_null (hl_enum_to_nick (HL_TYPE_UNIT, -1));
}

/* Messages list a type's words from the type. */
static void
test_nick_lists (void)
{
  g_autofree char *kinds = hl_enum_dup_nicks (HL_TYPE_ZONE_KIND, ", ");
  g_autofree char *layouts = hl_enum_dup_nicks (HL_TYPE_LAYOUT, "|");

  g_assert_cmpstr (kinds, ==, "frontal, temple, mid_scalp, crown, scar, custom");
  g_assert_cmpstr (layouts, ==, "after|before-after|split");
}

/* The public to/from_string functions over every value. */
static void
test_public_functions (void)
{
  for (int i = 0; i <= HL_ZONE_CUSTOM; i++)
    {
      HlZoneKind k;

      g_assert_true (hl_zone_kind_from_string (hl_zone_kind_to_string ((HlZoneKind) i), &k));
      g_assert_cmpint (k, ==, i);
    }
  for (int i = 0; i <= HL_CALIBRATION_MANUAL; i++)
    {
      HlCalibrationSource s;

      g_assert_true (hl_calibration_source_from_string (hl_calibration_source_to_string ((HlCalibrationSource) i), &s));
      g_assert_cmpint (s, ==, i);
    }
  for (int i = 0; i < HL_N_LANDMARKS; i++)
    {
      HlLandmark l;

      g_assert_true (hl_landmark_from_string (hl_landmark_to_string ((HlLandmark) i), &l));
      g_assert_cmpint (l, ==, i);
    }
  for (int i = 0; i < HL_N_HEAD_CHARTS; i++)
    {
      HlHeadChart c;

      g_assert_true (hl_head_chart_from_string (hl_head_chart_to_string ((HlHeadChart) i), &c));
      g_assert_cmpint (c, ==, i);
    }
  for (int i = 0; i < HL_N_HAIRLINE_STYLES; i++)
    {
      HlHairlineStyle s;

      g_assert_true (hl_hairline_style_from_string (hl_hairline_style_to_string ((HlHairlineStyle) i), &s));
      g_assert_cmpint (s, ==, i);
    }
  for (int i = 0; i <= HL_STAGE_AGED; i++)
    {
      HlStage s;

      g_assert_true (hl_stage_from_string (hl_stage_to_string ((HlStage) i), &s));
      g_assert_cmpint (s, ==, i);
    }
  for (int i = 0; i <= HL_UNIT_IN; i++)
    {
      HlUnit u;

      g_assert_true (hl_unit_from_string (hl_unit_to_string ((HlUnit) i), &u));
      g_assert_cmpint (u, ==, i);
    }
  g_assert_false (hl_zone_kind_from_string ("mid-scalp", NULL));
  g_assert_false (hl_stage_from_string ("Fresh", NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/words-unchanged", test_words_unchanged);
  g_test_add_func ("/enums/lookups-refuse", test_lookups_refuse);
  g_test_add_func ("/enums/public-functions", test_public_functions);
  g_test_add_func ("/enums/nick-lists", test_nick_lists);

  return g_test_run ();
}
