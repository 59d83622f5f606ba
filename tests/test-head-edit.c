/* test-head-edit.c: the head model and a view's pose set by hand
 * (hl-head-edit.h): the design's head and the view's pose change, the
 * other posed photos see the new head, head charts keep theirs, values
 * outside the format's ranges are refused with its JSON path and range,
 * and the result saves and loads back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-edit.h"
#include "hl-head-fit.h"

static HlDesign *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design;
}

/* The photo sample's view starts from its landmarks' fit; set by hand it
 * is measured on the scalp with exactly the values given, and a save and
 * load keeps them. The input design is unchanged. */
static void
test_set_photo (void)
{
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json");
  g_autoptr(HlDesign) edited = NULL, loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-head-edit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "design.json", NULL);
  HlHeadModel model, fit;
  HlHeadPose pose, fit_pose;
  const HlView *v;

  g_assert_false (hl_design_get_view (design, 0)->has_head);
  hl_head_edit_initial (design, 0, &model, &pose);
  g_assert_true (hl_head_fit_view (hl_design_get_view (design, 0), &fit, &fit_pose, NULL));
  g_assert_cmpmem (&model, sizeof model, &fit, sizeof fit);
  g_assert_cmpmem (&pose, sizeof pose, &fit_pose, sizeof fit_pose);

  model.breadth_mm = 158.0;
  pose.yaw_deg = 12.0;
  pose.centre_x += 15.0;
  edited = hl_head_edit_set (design, 0, &model, &pose, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edited);
  g_assert_false (hl_design_get_view (design, 0)->has_head);
  v = hl_design_get_view (edited, 0);
  g_assert_true (v->has_head);
  g_assert_true (edited->has_head);
  g_assert_cmpfloat (edited->head.breadth_mm, ==, 158.0);
  g_assert_cmpfloat (v->pose.yaw_deg, ==, 12.0);
  g_assert_cmpfloat (v->pose.centre_x, ==, fit_pose.centre_x + 15.0);

  g_assert_true (hl_design_save_to_file (edited, path, &error));
  g_assert_no_error (error);
  loaded = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hl_design_get_view (loaded, 0)->head.breadth_mm, ==, 158.0);
  g_assert_cmpfloat (hl_design_get_view (loaded, 0)->pose.yaw_deg, ==, 12.0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Out of range: refused with the JSON path and the range, as the file
 * reader refuses them; nothing returned. */
static void
test_refused (void)
{
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json");
  struct
  {
    guint       field;
    double      value;
    const char *message;
  } cases[] = {
    { 0, 230.0, "head.breadth_mm: must be 110–200 mm" },
    { 1, 100.0, "head.length_mm: must be 140–240 mm" },
    { 2, 200.0, "head.height_mm: must be 90–170 mm" },
    { 3, 200.0, "views[0].pose.yaw_deg: must be -180–180°" },
    { 4, -95.0, "views[0].pose.pitch_deg: must be -90–90°" },
    { 6, 0.1, "views[0].pose.scale: must be 0.5–200 px/mm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HlHeadModel model;
      HlHeadPose pose;
      HlDesign *out;

      hl_head_edit_initial (design, 0, &model, &pose);
      switch (cases[i].field)
        {
        case 0: model.breadth_mm = cases[i].value; break;
        case 1: model.length_mm = cases[i].value; break;
        case 2: model.height_mm = cases[i].value; break;
        case 3: pose.yaw_deg = cases[i].value; break;
        case 4: pose.pitch_deg = cases[i].value; break;
        default: pose.scale = cases[i].value; break;
        }
      out = hl_head_edit_set (design, 0, &model, &pose, &error);
      g_assert_null (out);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  {
    g_autoptr(GError) error = NULL;
    HlHeadModel model = hl_head_model_default ();
    HlHeadPose pose = { 0, 0, 0, 10, 0, 0 };

    g_assert_null (hl_head_edit_set (design, 3, &model, &pose, &error));
    g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  }
}

/* The head-chart sample: a chart's view turns (its pose changes, one
 * view only) but keeps its own head; another head is refused. */
static void
test_chart (void)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json");
  g_autoptr(HlDesign) turned = NULL;
  g_autoptr(GError) error = NULL;
  HlHeadModel model;
  HlHeadPose pose;

  hl_head_edit_initial (design, 0, &model, &pose);
  g_assert_cmpmem (&pose, sizeof pose, &hl_design_get_view (design, 0)->pose, sizeof pose);
  pose.roll_deg = 5.0;
  turned = hl_head_edit_set (design, 0, &model, &pose, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hl_design_get_view (turned, 0)->pose.roll_deg, ==, 5.0);
  g_assert_cmpmem (&hl_design_get_view (turned, 1)->pose, sizeof pose, &hl_design_get_view (design, 1)->pose,
                   sizeof pose);

  model.breadth_mm += 10.0;
  g_assert_null (hl_head_edit_set (design, 0, &model, &pose, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
}

/* Two fitted photos: a new head set on one is the head the other sees,
 * its pose unchanged. */
static void
test_other_views (void)
{
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json");
  g_autoptr(HlDesign) two = hl_design_copy (design);
  g_autoptr(HlDesign) fitted = NULL, edited = NULL;
  g_autoptr(HlView) second = hl_view_copy (hl_design_get_view (design, 0));
  g_autoptr(GError) error = NULL;
  HlHeadModel model;
  HlHeadPose pose;

  hl_view_set_name (second, "front 2");
  hl_design_append_view (two, second);
  fitted = hl_edit_fit_head (two, 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&two, hl_design_unref);
  two = hl_edit_fit_head (fitted, 1, &error);
  g_assert_no_error (error);
  hl_head_edit_initial (two, 1, &model, &pose);
  model.height_mm = 130.0;
  edited = hl_head_edit_set (two, 1, &model, &pose, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hl_design_get_view (edited, 0)->head.height_mm, ==, 130.0);
  g_assert_cmpmem (&hl_design_get_view (edited, 0)->pose, sizeof pose, &hl_design_get_view (two, 0)->pose,
                   sizeof pose);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/head-edit/set-photo", test_set_photo);
  g_test_add_func ("/head-edit/refused", test_refused);
  g_test_add_func ("/head-edit/chart", test_chart);
  g_test_add_func ("/head-edit/other-views", test_other_views);
  return g_test_run ();
}
