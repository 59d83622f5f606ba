/* test-head-cli.c: the head model in design files and through the hairline
 * command: `hairline stats --json` on the top chart (the first
 * check, read back from the command's JSON), the format's "head" and
 * "pose", older files opening in the photo's plane, values out of range
 * refused with their JSON path and range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-head-chart.h"
#include "hl-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

#define PX_PER_MM 10.0

static void
add_square (HlView     *view,
            double      cx,
            double      cy,
            guint32     seed,
            const char *name)
{
  double h = 10.0 * PX_PER_MM;
  HlPoint pts[] = { { cx * PX_PER_MM - h, cy * PX_PER_MM - h }, { cx * PX_PER_MM + h, cy * PX_PER_MM - h },
                    { cx * PX_PER_MM + h, cy * PX_PER_MM + h }, { cx * PX_PER_MM - h, cy * PX_PER_MM + h } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (pts, corners, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zp.density = 60.0;
  zp.seed = seed;
  zone = hl_zone_new (name, HL_ZONE_CUSTOM, outline, &zp);
  hl_view_append_zone (view, zone);
}

/* A design of the top chart with a 20 × 20 mm square at the centre of the
 * head's outline and one just inside its edge, saved in @dir. */
static char *
write_top_design (const char *dir)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "top.json", NULL);

  add_square (view, 120.0, 145.0, 1, "Centre");
  add_square (view, 120.0 + 76.0 - 12.0, 145.0, 2, "Edge");
  hl_design_append_view (design, view);
  g_assert_true (hl_design_save_to_file (design, path, &error));
  g_assert_no_error (error);
  return path;
}

static const cJSON *
get (const cJSON *o,
     const char  *key)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (o, key);

  g_assert_nonnull (v);
  return v;
}

static double
num (const cJSON *o,
     const char  *key)
{
  const cJSON *v = get (o, key);

  g_assert_true (cJSON_IsNumber (v));
  return v->valuedouble;
}

/* Must show 1, as the issue checks it: from `hairline stats --json`. */
static void
test_stats_top_squares (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-head-XXXXXX", NULL);
  g_autofree char *path = write_top_design (dir);
  HlRun r = hl_test_run_hairline (NULL, "stats", "--json", path, NULL);
  g_autoptr(cJSON) root = NULL;
  const cJSON *view, *zones, *centre, *edge;
  double ratio_c, ratio_e, per_c, per_e;

  g_assert_cmpint (r.status, ==, 0);
  root = cJSON_Parse (r.out);
  g_assert_nonnull (root);
  view = cJSON_GetArrayItem (get (root, "views"), 0);
  g_assert_cmpstr (get (view, "measured_on")->valuestring, ==, "scalp");
  g_assert_cmpfloat (num (get (view, "head"), "breadth_mm"), ==, HL_HEAD_DEFAULT_BREADTH_MM);
  zones = get (view, "zones");
  centre = cJSON_GetArrayItem (zones, 0);
  edge = cJSON_GetArrayItem (zones, 1);
  ratio_c = num (centre, "area_cm2") / num (centre, "image_area_cm2");
  ratio_e = num (edge, "area_cm2") / num (edge, "image_area_cm2");
  per_c = num (centre, "dots") / num (centre, "image_area_cm2");
  per_e = num (edge, "dots") / num (edge, "image_area_cm2");
  g_test_message ("scalp/image area: centre %.3f, edge %.3f (× %.2f); dots per image cm²: %.1f, %.1f (× %.2f)",
                  ratio_c, ratio_e, ratio_e / ratio_c, per_c, per_e, per_e / per_c);
  g_assert_cmpfloat (num (centre, "image_area_cm2"), ==, 4.0);
  g_assert_cmpfloat (ratio_e, >=, 1.3 * ratio_c);
  g_assert_cmpfloat (per_e, >=, 1.25 * per_c);
  g_assert_cmpfloat (fabs (num (edge, "image_per_cm2") - per_e), <, 0.01);
  hl_test_run_clear (&r);

  /* The text says so too. */
  r = hl_test_run_hairline (NULL, "stats", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "measured on the scalp"));
  g_assert_nonnull (strstr (r.out, "in the photo"));
  hl_test_run_clear (&r);

  g_remove (path);
  g_rmdir (dir);
}

/* Format 3 keeps the head and the poses; a file without them (every file
 * before version 3) opens in the photo's plane, nothing else lost. */
static void
test_round_trip (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) photo = hl_view_new ("photo");
  g_autoptr(HlView) left = hl_head_chart_new_view (HL_HEAD_CHART_LEFT, NULL);
  g_autoptr(HlDesign) loaded = NULL, old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *json2 = NULL, *v2 = NULL;
  g_autoptr(cJSON) tree = NULL;
  cJSON *views;
  HlHeadModel big = { 170.0, 210.0, 135.0 }, standard = hl_head_model_default ();
  HlHeadPose pose = { 8.5, -4.25, 2.0, 3.5, 2010.125, 1480.5 };
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 1.0 / 3.5, 0.05, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  gsize len;

  hl_view_set_photo (photo, "photo.jpg", NULL, 4000, 3000);
  hl_view_set_calibration (photo, &cal);
  hl_view_set_head (photo, &big, &pose);
  design->has_head = TRUE;
  design->head = big;
  hl_design_append_view (design, photo);
  hl_design_append_view (design, left);
  json = hl_design_to_json (design, &len);
  g_assert_nonnull (strstr (json, "\"version\":\t4"));
  g_assert_nonnull (strstr (json, "\"head\""));
  g_assert_nonnull (strstr (json, "\"pose\""));
  loaded = hl_design_load_from_data (json, len, &error);
  g_assert_no_error (error);
  g_assert_true (loaded->has_head);
  g_assert_cmpfloat (loaded->head.breadth_mm, ==, 170.0);
  for (guint i = 0; i < 2; i++)
    {
      const HlView *a = hl_design_get_view (design, i), *b = hl_design_get_view (loaded, i);

      g_assert_true (b->has_head);
      g_assert_cmpmem (&b->pose, sizeof b->pose, &a->pose, sizeof a->pose);
    }
  /* The photo sees the client's head; the chart the default head it is
   * drawn from. */
  g_assert_cmpmem (&hl_design_get_view (loaded, 0)->head, sizeof big, &big, sizeof big);
  g_assert_cmpmem (&hl_design_get_view (loaded, 1)->head, sizeof standard, &standard, sizeof standard);
  json2 = hl_design_to_json (loaded, NULL);
  g_assert_cmpstr (json, ==, json2);

  /* The same file as version 2 wrote it: no head, no poses. */
  tree = cJSON_Parse (json);
  cJSON_DeleteItemFromObjectCaseSensitive (tree, "head");
  cJSON_ReplaceItemInObjectCaseSensitive (tree, "version", cJSON_CreateNumber (2));
  views = cJSON_GetObjectItemCaseSensitive (tree, "views");
  for (int i = 0; i < cJSON_GetArraySize (views); i++)
    cJSON_DeleteItemFromObjectCaseSensitive (cJSON_GetArrayItem (views, i), "pose");
  v2 = cJSON_Print (tree);
  old = hl_design_load_from_data (v2, strlen (v2), &error);
  g_assert_no_error (error);
  g_assert_false (old->has_head);
  for (guint i = 0; i < 2; i++)
    {
      const HlView *b = hl_design_get_view (old, i);

      g_assert_false (b->has_head);
      g_assert_cmpfloat (hl_view_get_area_factor (b, (HlPoint) { 1200, 1000 }), ==, 1.0);
      g_assert_cmpstr (b->photo.chart, ==, hl_design_get_view (design, i)->photo.chart);
    }
}

/* The photo sample's view has no pose (its head is not fitted): it is
 * measured in the photo plane and says so. */
static void
test_old_sample_photo_plane (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  HlRun r = hl_test_run_hairline (NULL, "stats", "--json", path, NULL);
  g_autoptr(cJSON) root = NULL;
  const cJSON *view, *zone;

  g_assert_cmpint (r.status, ==, 0);
  root = cJSON_Parse (r.out);
  view = cJSON_GetArrayItem (get (root, "views"), 0);
  g_assert_cmpstr (get (view, "measured_on")->valuestring, ==, "photo plane");
  g_assert_true (cJSON_IsNull (get (view, "head")));
  g_assert_true (cJSON_IsString (get (view, "head_reason")));
  zone = cJSON_GetArrayItem (get (view, "zones"), 0);
  g_assert_cmpfloat (num (zone, "area_cm2"), ==, num (zone, "image_area_cm2"));
  g_assert_nonnull (strstr (get (view, "head_reason")->valuestring, "not fitted"));
  hl_test_run_clear (&r);

  /* --fit measures it on the fitted head: an adult breadth, scalp areas
   * larger than the image's toward the top of the head. */
  r = hl_test_run_hairline (NULL, "stats", "--json", "--fit", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&root, cJSON_Delete);
  root = cJSON_Parse (r.out);
  view = cJSON_GetArrayItem (get (root, "views"), 0);
  g_assert_cmpstr (get (view, "measured_on")->valuestring, ==, "scalp");
  g_assert_cmpfloat (num (get (view, "head"), "breadth_mm"), >=, 135.0);
  g_assert_cmpfloat (num (get (view, "head"), "breadth_mm"), <=, 165.0);
  zone = cJSON_GetArrayItem (get (view, "zones"), 1);
  g_assert_cmpfloat (num (zone, "area_cm2"), >, 1.2 * num (zone, "image_area_cm2"));
  hl_test_run_clear (&r);
}

/* A photo that cannot be fitted keeps the photo plane and says why, with
 * and without --fit. */
static void
test_cannot_fit_says_why (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-head-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *path = g_build_filename (dir, "no-peaks.json", NULL);
  HlRun r;

  /* The sample without its left temporal peak. */
  {
    g_autoptr(HlDesign) design = hl_design_load_from_file (src, NULL);
    g_autoptr(HlDesign) edited = hl_edit_set_landmark (design, 0, HL_LANDMARK_LEFT_TEMPORAL_PEAK, FALSE,
                                                       (HlPoint) { 0, 0 });

    g_assert_true (hl_design_save_to_file (edited, path, NULL));
  }
  for (guint k = 0; k < 2; k++)
    {
      r = hl_test_run_hairline (NULL, "stats", k == 0 ? "--json" : "--fit", path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "left_temporal_peak"));
      if (k == 1)
        g_assert_nonnull (strstr (r.out, "measured in the photo plane"));
      hl_test_run_clear (&r);
    }
  g_remove (path);
  g_rmdir (dir);
}

static void
expect_refused (const char *dir,
                const char *json,
                const char *from,
                const char *to,
                const char *path_text,
                const char *range_text)
{
  g_autofree char *file = g_build_filename (dir, "bad.json", NULL);
  const char *at = strstr (json, from);
  g_autoptr(GString) s = NULL;
  HlRun r;

  g_assert_nonnull (at);
  s = g_string_new_len (json, at - json);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  g_assert_true (g_file_set_contents (file, s->str, -1, NULL));
  r = hl_test_run_hairline (NULL, "validate", file, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, path_text));
  g_assert_nonnull (strstr (r.err, range_text));
  hl_test_run_clear (&r);
  g_remove (file);
}

static void
test_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-head-XXXXXX", NULL);
  g_autofree char *path = write_top_design (dir);
  g_autofree char *json = NULL;

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  expect_refused (dir, json, "\"pitch_deg\":\t-90", "\"pitch_deg\":\t-120", "views[0].pose.pitch_deg", "-90–90");
  expect_refused (dir, json, "\"scale\":\t10", "\"scale\":\t0", "views[0].pose.scale", "0.5–200");
  expect_refused (dir, json, "\"breadth_mm\":\t152", "\"breadth_mm\":\t300", "head.breadth_mm", "110–200");
  expect_refused (dir, json, "\"height_mm\":\t125", "\"height_mm\":\t\"tall\"", "head.height_mm", "number");
  expect_refused (dir, json, "\"yaw_deg\":\t180", "\"yaw_deg\":\t180, \"tilt\": 1", "views[0].pose", "tilt");
  g_remove (path);
  g_rmdir (dir);
}

/* `hairline dots --coords scalp`: each dot's scalp point lies on the head
 * model and projects back onto the dot through the view's pose; a view
 * without a model is refused with the reason. */
static void
test_dots_scalp (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-head-XXXXXX", NULL);
  g_autofree char *path = write_top_design (dir);
  g_autofree char *photo = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  HlRun r = hl_test_run_hairline (NULL, "dots", "--coords", "scalp", path, NULL);
  g_auto(GStrv) lines = NULL;
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose pose;
  guint n = 0;

  hl_head_chart_get_pose (HL_HEAD_CHART_TOP, &pose);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "x,y,diameter_mm,shade,session,zone,scalp_x_mm,scalp_y_mm,scalp_z_mm");
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], ",", -1);
      double x[3] = { g_ascii_strtod (f[6], NULL), g_ascii_strtod (f[7], NULL), g_ascii_strtod (f[8], NULL) };
      double abc[3], e = 0.0;
      HlPoint p;

      g_assert_cmpuint (g_strv_length (f), ==, 9);
      hl_head_model_get_semi_axes (&m, abc);
      for (guint k = 0; k < 3; k++)
        e += (x[k] / abc[k]) * (x[k] / abc[k]);
      g_assert_cmpfloat (fabs (e - 1.0), <, 1e-4);
      g_assert_true (hl_head_model_scalp_to_image (&m, &pose, x, &p));
      g_assert_cmpfloat (fabs (p.x - g_ascii_strtod (f[0], NULL)), <, 0.02);
      g_assert_cmpfloat (fabs (p.y - g_ascii_strtod (f[1], NULL)), <, 0.02);
      n++;
    }
  g_assert_cmpuint (n, >, 100);
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "dots", "--coords", "scalp", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr(cJSON) root = cJSON_Parse (r.out);

    g_assert_cmpint (cJSON_GetArraySize (root), ==, (int) n);
    g_assert_cmpint (cJSON_GetArraySize (get (cJSON_GetArrayItem (root, 0), "scalp_mm")), ==, 3);
  }
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "dots", "--coords", "scalp", photo, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no head model"));
  hl_test_run_clear (&r);
  r = hl_test_run_hairline (NULL, "dots", "--coords", "sphere", path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  hl_test_run_clear (&r);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-cli/stats-top-squares", test_stats_top_squares);
  g_test_add_func ("/head-cli/round-trip", test_round_trip);
  g_test_add_func ("/head-cli/old-sample-photo-plane", test_old_sample_photo_plane);
  g_test_add_func ("/head-cli/refused", test_refused);
  g_test_add_func ("/head-cli/dots-scalp", test_dots_scalp);
  g_test_add_func ("/head-cli/cannot-fit-says-why", test_cannot_fit_says_why);
  return g_test_run ();
}
