/* test-head-fit.c: the head model fitted to a photo's landmarks: a head
 * placed by the model is found again, the sample photo gives an adult
 * head breadth, views that cannot be fitted say why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-head-fit.h"

/* A photo view whose landmarks are the model's points seen at @pose:
 * glabella, pupils 63 mm apart 7 mm below it, temporal peaks on the head's
 * outline 5 mm below it. */
static HlView *
synthetic_view (const HlHeadModel *model,
                const HlHeadPose  *pose)
{
  HlView *view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 1.0 / pose->scale, 0.02, FALSE, { 0, 0 }, { 0, 0 }, 0 };
  double g[3], abc[3], z;

  hl_view_set_photo (view, "photo.jpg", NULL, 4000, 3000);
  hl_view_set_calibration (view, &cal);
  hl_head_model_get_glabella (model, g);
  hl_head_model_get_semi_axes (model, abc);
  hl_view_set_landmark (view, HL_LANDMARK_GLABELLA, TRUE, hl_head_pose_project (pose, g, NULL));
  for (int side = -1; side <= 1; side += 2)
    {
      double eye[3] = { side * 31.5, g[1] - 12.0, g[2] - 7.0 }, peak[3];

      hl_view_set_landmark (view, side > 0 ? HL_LANDMARK_LEFT_PUPIL : HL_LANDMARK_RIGHT_PUPIL, TRUE,
                            hl_head_pose_project (pose, eye, NULL));
      z = g[2] - 5.0;
      peak[0] = side * abc[0] * sqrt (1.0 - (z / abc[2]) * (z / abc[2]));
      peak[1] = 0.0;
      peak[2] = z;
      hl_view_set_landmark (view, side > 0 ? HL_LANDMARK_LEFT_TEMPORAL_PEAK : HL_LANDMARK_RIGHT_TEMPORAL_PEAK,
                            TRUE, hl_head_pose_project (pose, peak, NULL));
    }
  return view;
}

static void
test_recovers (void)
{
  double breadths[] = { 140.0, 152.0, 168.0 };
  double rolls[] = { 0.0, 6.0, -11.0 };

  for (guint i = 0; i < G_N_ELEMENTS (breadths); i++)
    for (guint j = 0; j < G_N_ELEMENTS (rolls); j++)
      {
        HlHeadModel truth = hl_head_model_default (), fit;
        HlHeadPose pose = { 0.0, 0.0, rolls[j], 3.5, 2010.0, 1480.0 }, got;
        g_autoptr(HlView) view = NULL;
        g_autoptr(GError) error = NULL;
        double k = breadths[i] / truth.breadth_mm;

        truth = (HlHeadModel) { breadths[i], truth.length_mm * k, truth.height_mm * k };
        view = synthetic_view (&truth, &pose);
        g_assert_true (hl_head_fit_view (view, &fit, &got, &error));
        g_assert_no_error (error);
        g_assert_cmpfloat (fabs (fit.breadth_mm - truth.breadth_mm), <, 0.01);
        g_assert_cmpfloat (fabs (fit.height_mm - truth.height_mm), <, 0.01);
        g_assert_cmpfloat (fabs (got.roll_deg - pose.roll_deg), <, 1e-6);
        g_assert_cmpfloat (fabs (got.yaw_deg), <, 1e-6);
        g_assert_cmpfloat (fabs (got.centre_x - pose.centre_x), <, 0.01);
        g_assert_cmpfloat (fabs (got.centre_y - pose.centre_y), <, 0.01);
        g_assert_cmpfloat (got.scale, ==, pose.scale);
      }

  /* Turned 12°: the yaw comes back within a degree, the breadth within
   * 3 % (the outline's width changes a little with the turn). */
  {
    HlHeadModel truth = hl_head_model_default (), fit;
    HlHeadPose pose = { 12.0, 0.0, 3.0, 3.5, 2010.0, 1480.0 }, got;
    g_autoptr(HlView) view = synthetic_view (&truth, &pose);

    g_assert_true (hl_head_fit_view (view, &fit, &got, NULL));
    g_assert_cmpfloat (fabs (got.yaw_deg - 12.0), <, 1.0);
    g_assert_cmpfloat (fabs (fit.breadth_mm / truth.breadth_mm - 1.0), <, 0.03);
  }
}

/* The sample photo: a head breadth inside the published adult 5th–95th
 * percentiles (British women 135 mm to men 165 mm: Chan, "Online
 * anthropometry", after Pheasant). */
static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(HlDesign) fitted = NULL;
  HlHeadModel model;
  HlHeadPose pose;
  const HlView *view;

  g_assert_no_error (error);
  view = hl_design_get_view (design, 0);
  g_assert_true (hl_head_fit_view (view, &model, &pose, &error));
  g_assert_no_error (error);
  g_test_message ("sample photo: head %.1f × %.1f × %.1f mm, yaw %.1f°, roll %.1f°, %.3f px/mm",
                  model.breadth_mm, model.length_mm, model.height_mm, pose.yaw_deg, pose.roll_deg, pose.scale);
  g_assert_cmpfloat (model.breadth_mm, >=, 135.0);
  g_assert_cmpfloat (model.breadth_mm, <=, 165.0);
  g_assert_cmpfloat (fabs (pose.yaw_deg), <, 10.0);

  /* Fitted, the view measures on the scalp: the mid-scalp zone near the
   * top of the head covers more scalp than image. */
  fitted = hl_edit_fit_head (design, 0, &error);
  g_assert_no_error (error);
  view = hl_design_get_view (fitted, 0);
  g_assert_true (view->has_head);
  g_assert_true (fitted->has_head);
  g_assert_cmpfloat (fitted->head.breadth_mm, ==, model.breadth_mm);
  g_assert_cmpfloat (hl_view_get_area_factor (view, view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].p), >, 1.0);

  /* A head chart in the same design keeps the default head it is drawn
   * from. */
  {
    g_autoptr(HlDesign) with_chart = hl_design_copy (design);
    g_autoptr(HlView) chart = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
    g_autoptr(HlDesign) both = NULL;
    HlHeadModel standard = hl_head_model_default ();

    hl_design_append_view (with_chart, chart);
    both = hl_edit_fit_head (with_chart, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (both->head.breadth_mm, ==, model.breadth_mm);
    g_assert_cmpmem (&hl_design_get_view (both, 1)->head, sizeof standard, &standard, sizeof standard);
  }
}

static void
expect_failure (HlView     *view,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  HlHeadModel model;
  HlHeadPose pose;

  g_assert_false (hl_head_fit_view (view, &model, &pose, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
test_cannot_fit (void)
{
  HlHeadModel truth = hl_head_model_default ();
  HlHeadPose pose = { 0.0, 0.0, 0.0, 3.5, 2010.0, 1480.0 };
  g_autoptr(HlView) view = synthetic_view (&truth, &pose);
  HlCalibration none = { 0 }, wrong = view->calibration;
  g_autoptr(HlView) a = hl_view_copy (view);
  g_autoptr(HlView) b = hl_view_copy (view);
  g_autoptr(HlView) c = hl_view_copy (view);
  g_autoptr(HlView) d = hl_view_copy (view);

  hl_view_set_calibration (a, &none);
  expect_failure (a, "Calibrate");
  hl_view_set_landmark (b, HL_LANDMARK_LEFT_TEMPORAL_PEAK, FALSE, (HlPoint) { 0, 0 });
  hl_view_set_landmark (b, HL_LANDMARK_GLABELLA, FALSE, (HlPoint) { 0, 0 });
  expect_failure (b, "missing: glabella, left_temporal_peak");
  wrong.mm_per_px *= 2.0;
  hl_view_set_calibration (c, &wrong);
  expect_failure (c, "outside the plausible");
  /* The glabella far to one side of the temples. */
  hl_view_set_landmark (d, HL_LANDMARK_GLABELLA, TRUE,
                        (HlPoint) { view->landmarks[HL_LANDMARK_GLABELLA].p.x + 3.5 * 90.0,
                                    view->landmarks[HL_LANDMARK_GLABELLA].p.y });
  expect_failure (d, "turns more than");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-fit/recovers", test_recovers);
  g_test_add_func ("/head-fit/sample", test_sample);
  g_test_add_func ("/head-fit/cannot-fit", test_cannot_fit);
  return g_test_run ();
}
