/* test-edit.c: "design with X changed" builders share what they do not
 * change and leave their input as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-measure.h"
#include "hl-tool-test-util.h"

static HlZone *
square_zone (const char *name,
             double      x,
             guint32     seed)
{
  HlPoint pts[] = { { x, 0 }, { x + 10, 0 }, { x + 10, 10 }, { x, 10 } };
  g_autoptr(HlCurve) outline = hl_curve_new (pts, 4, TRUE);
  HlZoneParams params;

  hl_zone_params_init (&params);
  params.seed = seed;
  return hl_zone_new (name, HL_ZONE_CUSTOM, outline, &params);
}

/* A design of one view with zones "A", "B", "C" (transfer full). */
static HlDesign *
three_zones (void)
{
  HlDesign *design = hl_test_simple_design ();
  const char *names[] = { "A", "B", "C" };

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HlZone) zone = square_zone (names[i], 20.0 * i, 100 + i);
      HlDesign *next = hl_edit_add_zone (design, 0, zone);

      hl_design_unref (design);
      design = next;
    }
  return design;
}

static const char *
zone_name (HlDesign *design,
           guint     i)
{
  return hl_view_get_zone (hl_test_view (design), i)->name;
}

static void
test_hairline (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  HlPoint pts[] = { { 1, 2 }, { 3, 4 } };
  g_autoptr(HlCurve) line = hl_curve_new (pts, 2, FALSE);
  g_autoptr(HlDesign) changed = hl_edit_set_hairline (start, 0, line);
  g_autoptr(HlDesign) removed = hl_edit_set_hairline (changed, 0, NULL);
  const HlCurve *old = hl_test_view (start)->hairline;

  g_assert_true (hl_test_view (changed)->hairline == line);
  g_assert_true (hl_test_view (start)->hairline == old);
  g_assert_cmpuint (hl_curve_get_n_points (old), ==, 5);
  g_assert_true (hl_view_get_zone (hl_test_view (changed), 0) == hl_view_get_zone (hl_test_view (start), 0));
  g_assert_true (changed->seed == start->seed);
  g_assert_null (hl_test_view (removed)->hairline);
  g_assert_true (hl_test_view (changed)->hairline == line);
}

static void
test_zones (void)
{
  g_autoptr(HlDesign) design = three_zones ();
  g_autoptr(HlZone) d = square_zone ("D", 100, 7);
  g_autoptr(HlDesign) replaced = hl_edit_replace_zone (design, 0, 2, d);
  g_autoptr(HlDesign) removed = hl_edit_remove_zone (design, 0, 0);
  g_autoptr(HlDesign) to_end = hl_edit_move_zone (design, 0, 1, 3);
  g_autoptr(HlDesign) to_front = hl_edit_move_zone (design, 0, 3, 0);
  g_autoptr(HlDesign) in_place = hl_edit_move_zone (design, 0, 2, 2);
  const char *expect_end[] = { "Frontal", "B", "C", "A" };
  const char *expect_front[] = { "C", "Frontal", "A", "B" };

  g_assert_cmpuint (hl_view_get_n_zones (hl_test_view (design)), ==, 4);
  g_assert_cmpstr (zone_name (replaced, 2), ==, "D");
  g_assert_cmpstr (zone_name (design, 2), ==, "B");
  g_assert_true (hl_view_get_zone (hl_test_view (replaced), 1) == hl_view_get_zone (hl_test_view (design), 1));

  g_assert_cmpuint (hl_view_get_n_zones (hl_test_view (removed)), ==, 3);
  g_assert_cmpstr (zone_name (removed, 0), ==, "A");
  g_assert_cmpuint (hl_view_get_n_zones (hl_test_view (design)), ==, 4);

  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (zone_name (to_end, i), ==, expect_end[i]);
      g_assert_cmpstr (zone_name (to_front, i), ==, expect_front[i]);
      g_assert_true (hl_view_get_zone (hl_test_view (in_place), i) == hl_view_get_zone (hl_test_view (design), i));
    }
  /* Moved zones are the same values, shared. */
  g_assert_true (hl_view_get_zone (hl_test_view (to_end), 3) == hl_view_get_zone (hl_test_view (design), 1));
}

static void
test_zone_fields (void)
{
  g_autoptr(HlDesign) design = three_zones ();
  HlPoint tri[] = { { 0, 0 }, { 5, 0 }, { 0, 5 } };
  g_autoptr(HlCurve) outline = hl_curve_new (tri, 3, TRUE);
  HlZoneParams params = hl_view_get_zone (hl_test_view (design), 1)->params;
  g_autoptr(HlDesign) with_outline = NULL;
  g_autoptr(HlDesign) with_params = NULL;
  g_autoptr(HlDesign) with_name = NULL;
  g_autoptr(HlDesign) with_kind = NULL;
  const HlZone *old = hl_view_get_zone (hl_test_view (design), 1);
  const HlZone *z;

  with_outline = hl_edit_set_zone_boundary (design, 0, 1, outline);
  params.density = 123;
  with_params = hl_edit_set_zone_params (design, 0, 1, &params);
  with_name = hl_edit_set_zone_name (design, 0, 1, "Temple (left)");
  with_kind = hl_edit_set_zone_kind (design, 0, 1, HL_ZONE_TEMPLE);

  z = hl_view_get_zone (hl_test_view (with_outline), 1);
  g_assert_true (z->boundary == outline);
  g_assert_cmpstr (z->name, ==, "A");
  g_assert_cmpfloat (hl_view_get_zone (hl_test_view (with_params), 1)->params.density, ==, 123);
  g_assert_true (hl_view_get_zone (hl_test_view (with_params), 1)->boundary == old->boundary);
  g_assert_cmpstr (zone_name (with_name, 1), ==, "Temple (left)");
  g_assert_cmpint (hl_view_get_zone (hl_test_view (with_kind), 1)->kind, ==, HL_ZONE_TEMPLE);
  /* Kind alone: the numbers stay. */
  g_assert_cmpfloat (hl_view_get_zone (hl_test_view (with_kind), 1)->params.density, ==, old->params.density);

  /* The input is untouched; the other zones are shared. */
  g_assert_cmpint (old->kind, ==, HL_ZONE_CUSTOM);
  g_assert_cmpfloat (old->params.density, ==, HL_DENSITY_DEFAULT);
  g_assert_cmpstr (old->name, ==, "A");
  for (guint i = 0; i < 4; i++)
    if (i != 1)
      {
        g_assert_true (hl_view_get_zone (hl_test_view (with_kind), i) == hl_view_get_zone (hl_test_view (design), i));
        g_assert_true (hl_view_get_zone (hl_test_view (with_params), i) == hl_view_get_zone (hl_test_view (design), i));
      }
}

static void
test_view_fields (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  HlCalibration cal = { HL_CALIBRATION_RULER, 0.2, 0.02, TRUE, { 1, 1 }, { 51, 1 }, 10 };
  g_autoptr(HlDesign) with_landmark = hl_edit_set_landmark (start, 0, HL_LANDMARK_GLABELLA, TRUE, (HlPoint) { 5, 6 });
  g_autoptr(HlDesign) unset = hl_edit_set_landmark (with_landmark, 0, HL_LANDMARK_GLABELLA, FALSE, (HlPoint) { 0, 0 });
  g_autoptr(HlDesign) calibrated = hl_edit_set_calibration (start, 0, &cal);
  HlDotEdit edits[2];
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlDesign) edited_twice = NULL;
  g_autoptr(HlDesign) nothing = NULL;

  /* Padding included, so that the copies compare byte for byte. */
  memset (edits, 0, sizeof edits);
  edits[0] = (HlDotEdit) { HL_EDIT_ADD, { 10, 10 }, 0, 0.25, { 1, 2, 3 }, 1 };
  edits[1] = (HlDotEdit) { HL_EDIT_REMOVE, { 20, 20 }, 5, 0, { 0, 0, 0 }, 0 };
  edited = hl_edit_append_edits (start, 0, edits, 2);
  edited_twice = hl_edit_append_edits (edited, 0, edits, 1);
  nothing = hl_edit_append_edits (start, 0, NULL, 0);

  g_assert_true (hl_test_view (with_landmark)->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_cmpfloat (hl_test_view (with_landmark)->landmarks[HL_LANDMARK_GLABELLA].p.y, ==, 6);
  g_assert_false (hl_test_view (start)->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_false (hl_test_view (unset)->landmarks[HL_LANDMARK_GLABELLA].set);

  g_assert_cmpint (hl_test_view (calibrated)->calibration.source, ==, HL_CALIBRATION_RULER);
  g_assert_cmpfloat (hl_view_get_mm_per_px (hl_test_view (calibrated), NULL), ==, 0.2);
  g_assert_cmpint (hl_test_view (start)->calibration.source, ==, HL_CALIBRATION_NONE);

  g_assert_cmpuint (hl_test_view (edited)->edits->len, ==, 2);
  g_assert_cmpmem (hl_test_view (edited)->edits->data, sizeof edits, edits, sizeof edits);
  g_assert_cmpuint (hl_test_view (edited_twice)->edits->len, ==, 3);
  g_assert_cmpuint (hl_test_view (start)->edits->len, ==, 0);
  g_assert_cmpuint (hl_test_view (nothing)->edits->len, ==, 0);
  g_assert_true (hl_test_view (edited)->hairline == hl_test_view (start)->hairline);
}

static void
test_names_and_seeds (void)
{
  g_autoptr(HlDesign) design = hl_test_empty_design (0);
  g_autofree char *first = hl_edit_new_zone_name (hl_test_view (design), HL_ZONE_MID_SCALP);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *custom = hl_edit_new_zone_name (hl_test_view (design), HL_ZONE_CUSTOM);
  g_autoptr(HlZone) a = square_zone ("Mid-scalp", 0, 0);
  g_autoptr(HlZone) b = square_zone ("Mid-scalp 2", 0, 0);
  g_autoptr(HlDesign) one = NULL;
  g_autoptr(HlDesign) two = NULL;
  guint32 s0, s1;

  g_assert_cmpstr (first, ==, "Mid-scalp");
  g_assert_cmpstr (hl_zone_kind_get_label (HL_ZONE_FRONTAL), ==, "Frontal band");
  g_assert_cmpstr (hl_zone_kind_get_label (HL_ZONE_CUSTOM), ==, "Custom");
  g_assert_cmpstr (custom, ==, "Zone");

  s0 = hl_edit_new_zone_seed (hl_test_view (design));
  /* A zone that happens to use that very seed: the next one differs. */
  hl_zone_unref (a);
  a = square_zone ("Mid-scalp", 0, s0);
  one = hl_edit_add_zone (design, 0, a);
  second = hl_edit_new_zone_name (hl_test_view (one), HL_ZONE_MID_SCALP);
  g_assert_cmpstr (second, ==, "Mid-scalp 2");
  s1 = hl_edit_new_zone_seed (hl_test_view (one));
  g_assert_cmpuint (s1, !=, s0);
  two = hl_edit_add_zone (one, 0, b);
  third = hl_edit_new_zone_name (hl_test_view (two), HL_ZONE_MID_SCALP);
  g_assert_cmpstr (third, ==, "Mid-scalp 3");
  /* Deterministic. */
  g_assert_cmpuint (hl_edit_new_zone_seed (hl_test_view (design)), ==, s0);
}

static void
test_frontal_band (void)
{
  /* The sample without its scalp outline: the band is the hairline moved
   * back, unclipped (the outline's clipping is test-outline's). */
  g_autoptr(HlDesign) with_outline = hl_test_load_sample ();
  g_autoptr(HlDesign) sample = hl_edit_set_scalp_outline (with_outline, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) banded = hl_edit_add_frontal_band (sample, 0, HL_FRONTAL_BAND_DEFAULT_MM, &error);
  const HlView *view;
  const HlZone *band;
  HlZoneParams expect, got;
  guint n_hair, n;
  double length_mm, area_cm2;

  g_assert_no_error (error);
  view = hl_test_view (banded);
  n = hl_view_get_n_zones (view);
  g_assert_cmpuint (n, ==, hl_view_get_n_zones (hl_test_view (sample)) + 1);
  band = hl_view_get_zone (view, n - 1);
  /* The sample has a "Frontal band" already. */
  g_assert_cmpstr (band->name, ==, "Frontal band 2");
  g_assert_cmpint (band->kind, ==, HL_ZONE_FRONTAL);
  hl_zone_params_init_for_kind (&expect, HL_ZONE_FRONTAL);
  got = band->params;
  got.seed = expect.seed;
  g_assert_cmpmem (&got, sizeof got, &expect, sizeof expect);
  for (guint i = 0; i + 1 < n; i++)
    g_assert_cmpuint (band->params.seed, !=, hl_view_get_zone (view, i)->params.seed);

  /* Its front edge is the hairline: same points, corners at the ends. */
  n_hair = hl_curve_get_n_points (view->hairline);
  g_assert_cmpuint (hl_curve_get_n_points (band->boundary), ==, 2 * n_hair);
  g_assert_cmpmem (hl_curve_get_points (band->boundary), n_hair * sizeof (HlPoint),
                   hl_curve_get_points (view->hairline), n_hair * sizeof (HlPoint));
  for (guint i = 0; i < 2 * n_hair; i++)
    g_assert_cmpint (hl_curve_is_corner (band->boundary, i), ==,
                     i == 0 || i == n_hair - 1 || i == n_hair || i == 2 * n_hair - 1);

  length_mm = hl_curve_length (view->hairline) * hl_view_get_mm_per_px (view, NULL);
  area_cm2 = hl_measure_zone_area_cm2 (view, n - 1);
  g_test_message ("band: %.1f cm² for a %.1f mm hairline × 40 mm (%.1f cm²)",
                  area_cm2, length_mm, length_mm * 40.0 / 100.0);
  g_assert_cmpfloat (fabs (area_cm2 / (length_mm * 40.0 / 100.0) - 1.0), <, 0.15);

  /* The rest is shared. */
  for (guint i = 0; i + 1 < n; i++)
    g_assert_true (hl_view_get_zone (view, i) == hl_view_get_zone (hl_test_view (sample), i));
}

static void
test_frontal_band_errors (void)
{
  g_autoptr(HlDesign) empty = hl_test_empty_design (0.3);
  g_autoptr(HlDesign) simple = hl_test_simple_design ();
  const double bad[] = { 0, -1, NAN, INFINITY, 1001 };
  g_autoptr(GError) error = NULL;

  g_assert_null (hl_edit_add_frontal_band (empty, 0, 40, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_null (hl_edit_add_frontal_band (simple, 0, bad[i], &error));
      g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
    }
}

/* Indexes out of range are programming errors: a critical and NULL. */
static void
test_out_of_range (void)
{
  g_autoptr(HlDesign) start = hl_test_simple_design ();
  HlZoneParams params;

  hl_zone_params_init (&params);
  g_test_expect_message ("hairline", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (hl_edit_set_hairline (start, 1, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message ("hairline", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (hl_edit_set_zone_params (start, 0, 1, &params));
  g_test_assert_expected_messages ();
  g_test_expect_message ("hairline", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (hl_edit_move_zone (start, 0, 0, 1));
  g_test_assert_expected_messages ();
  g_test_expect_message ("hairline", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (hl_edit_set_landmark (start, 0, HL_N_LANDMARKS, TRUE, (HlPoint) { 0, 0 }));
  g_test_assert_expected_messages ();
}

/* A zone mirrored across the face's midline: on the front chart, x
 * becomes the chart's width less x; on the sample photo, every point is
 * as far from the midline on the other side, and mirroring twice gives
 * the zone back. Side charts and photos without pupils or glabella say
 * why they cannot. */
static void
test_mirror_zone (void)
{
  static const HlPoint temple[] = { { 1650, 560 }, { 1780, 600 }, { 1760, 800 }, { 1660, 760 } };
  static const gboolean corners[] = { TRUE, FALSE, TRUE, FALSE };
  g_autoptr(HlView) front = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, "front");
  g_autoptr(HlView) left = hl_head_chart_new_view (HL_HEAD_CHART_LEFT, "left");
  g_autoptr(HlDesign) charts = hl_design_new ();
  g_autoptr(HlCurve) outline = hl_curve_new_full (temple, corners, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) one = NULL;
  g_autoptr(HlDesign) two = NULL;
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  g_autoptr(HlDesign) sample2 = NULL;
  g_autoptr(HlDesign) sample3 = NULL;
  g_autoptr(HlDesign) bare = hl_test_empty_design (0.2);
  g_autoptr(HlDesign) bare2 = NULL;
  g_autoptr(HlDesign) side = NULL;
  g_autoptr(GError) error = NULL;
  HlZoneParams params;
  const HlZone *a, *b;
  int width, height;

  hl_design_append_view (charts, front);
  hl_design_append_view (charts, left);
  hl_head_chart_get_size (HL_HEAD_CHART_FRONT, &width, &height);
  hl_zone_params_init_for_kind (&params, HL_ZONE_TEMPLE);
  zone = hl_zone_new ("Temple", HL_ZONE_TEMPLE, outline, &params);
  one = hl_edit_add_zone (charts, 0, zone);
  two = hl_edit_mirror_zone (one, 0, 0, &error);
  g_assert_no_error (error);
  a = hl_view_get_zone (hl_design_get_view (two, 0), 0);
  b = hl_view_get_zone (hl_design_get_view (two, 0), 1);
  g_assert_cmpstr (b->name, ==, "Temple 2");
  g_assert_cmpint (b->kind, ==, HL_ZONE_TEMPLE);
  g_assert_cmpfloat (b->params.density, ==, a->params.density);
  g_assert_cmpuint (b->params.seed, !=, a->params.seed);
  for (guint i = 0; i < 4; i++)
    {
      HlPoint p = hl_curve_get_points (b->boundary)[i];

      g_assert_cmpfloat_with_epsilon (p.x, width - temple[3 - i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (p.y, temple[3 - i].y, 1e-9);
      g_assert_cmpint (hl_curve_is_corner (b->boundary, i), ==, corners[3 - i]);
    }
  g_assert_cmpfloat_with_epsilon (hl_measure_zone_area_cm2 (hl_design_get_view (two, 0), 1),
                                  hl_measure_zone_area_cm2 (hl_design_get_view (two, 0), 0), 1e-9);

  /* The side chart has no other side. */
  side = hl_edit_add_zone (charts, 1, zone);
  g_assert_null (hl_edit_mirror_zone (side, 1, 0, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
  g_clear_error (&error);

  /* The photo: twice across its tilted midline is the zone again. */
  sample2 = hl_edit_mirror_zone (sample, 0, 1, &error);
  g_assert_no_error (error);
  sample3 = hl_edit_mirror_zone (sample2, 0, hl_view_get_n_zones (hl_test_view (sample2)) - 1, &error);
  g_assert_no_error (error);
  a = hl_view_get_zone (hl_test_view (sample), 1);
  b = hl_view_get_zone (hl_test_view (sample3), hl_view_get_n_zones (hl_test_view (sample3)) - 1);
  g_assert_cmpuint (hl_curve_get_n_points (b->boundary), ==, hl_curve_get_n_points (a->boundary));
  for (guint i = 0; i < hl_curve_get_n_points (a->boundary); i++)
    {
      g_assert_cmpfloat_with_epsilon (hl_curve_get_points (b->boundary)[i].x, hl_curve_get_points (a->boundary)[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (hl_curve_get_points (b->boundary)[i].y, hl_curve_get_points (a->boundary)[i].y, 1e-9);
    }

  /* A photo without pupils or glabella. */
  bare2 = hl_edit_add_zone (bare, 0, zone);
  g_assert_null (hl_edit_mirror_zone (bare2, 0, 0, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_ARGUMENT);
  g_test_message ("%s", error->message);
}

/* A kind change renames a zone still named after its kind, never one
 * named by hand. */
static void
test_kind_renames (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  g_autoptr(HlDesign) temple = NULL;
  g_autoptr(HlDesign) named = NULL;
  g_autoptr(HlDesign) named_crown = NULL;

  g_assert_cmpstr (hl_view_get_zone (hl_test_view (sample), 0)->name, ==, "Frontal band");
  temple = hl_edit_set_zone_kind (sample, 0, 0, HL_ZONE_TEMPLE);
  g_assert_cmpint (hl_view_get_zone (hl_test_view (temple), 0)->kind, ==, HL_ZONE_TEMPLE);
  g_assert_cmpstr (hl_view_get_zone (hl_test_view (temple), 0)->name, ==, "Temple");

  named = hl_edit_set_zone_name (sample, 0, 0, "Front, soft");
  named_crown = hl_edit_set_zone_kind (named, 0, 0, HL_ZONE_CROWN);
  g_assert_cmpstr (hl_view_get_zone (hl_test_view (named_crown), 0)->name, ==, "Front, soft");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/hairline", test_hairline);
  g_test_add_func ("/edit/zones", test_zones);
  g_test_add_func ("/edit/zone-fields", test_zone_fields);
  g_test_add_func ("/edit/view-fields", test_view_fields);
  g_test_add_func ("/edit/names-and-seeds", test_names_and_seeds);
  g_test_add_func ("/edit/frontal-band", test_frontal_band);
  g_test_add_func ("/edit/frontal-band-errors", test_frontal_band_errors);
  g_test_add_func ("/edit/out-of-range", test_out_of_range);
  g_test_add_func ("/edit/mirror-zone", test_mirror_zone);
  g_test_add_func ("/edit/kind-renames", test_kind_renames);

  return g_test_run ();
}
