/* test-head-model.c: the head model's rays, areas, distances and
 * silhouette, checked against independent computations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-head-chart.h"
#include "hl-head-model.h"

static HlHeadPose
pose_at (double yaw,
         double pitch,
         double roll)
{
  return (HlHeadPose) { yaw, pitch, roll, 10.0, 1200.0, 1250.0 };
}

static void
test_round_trip (void)
{
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose poses[] = {
    pose_at (0, 0, 0), pose_at (90, 0, 0), pose_at (-90, 0, 0), pose_at (180, -90, 0),
    pose_at (25, -12, 7), pose_at (-140, 30, -20),
  };

  for (guint k = 0; k < G_N_ELEMENTS (poses); k++)
    for (int i = -6; i <= 6; i++)
      for (int j = -6; j <= 6; j++)
        {
          HlPoint p = { 1200.0 + i * 110.0, 1250.0 + j * 110.0 }, q;
          double x[3], abc[3], r = 0.0;

          if (!hl_head_model_image_to_scalp (&m, &poses[k], p, x))
            continue;
          hl_head_model_get_semi_axes (&m, abc);
          for (int c = 0; c < 3; c++)
            r += (x[c] / abc[c]) * (x[c] / abc[c]);
          g_assert_cmpfloat_with_epsilon (r, 1.0, 1e-9);
          g_assert_true (hl_head_model_scalp_to_image (&m, &poses[k], x, &q));
          g_assert_cmpfloat_with_epsilon (q.x, p.x, 1e-6);
          g_assert_cmpfloat_with_epsilon (q.y, p.y, 1e-6);
          /* The opposite point of the head is hidden. */
          {
            double back[3] = { -x[0], -x[1], -x[2] };

            g_assert_false (hl_head_model_scalp_to_image (&m, &poses[k], back, &q));
          }
        }
}

static void
test_frame (void)
{
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose front = pose_at (0, 0, 0), left = pose_at (90, 0, 0), top = pose_at (180, -90, 0);
  double x[3], g[3];
  HlPoint p;

  /* Front: the face at the centre, the client's left image-right, up
   * image-up. */
  g_assert_true (hl_head_model_image_to_scalp (&m, &front, (HlPoint) { 1200, 1250 }, x));
  g_assert_cmpfloat_with_epsilon (x[1], 100.0, 1e-9);
  p = hl_head_pose_project (&front, (double[3]) { 10, 0, 20 }, NULL);
  g_assert_cmpfloat (p.x, >, 1200.0);
  g_assert_cmpfloat (p.y, <, 1250.0);
  /* Left side: the face toward image-left. */
  p = hl_head_pose_project (&left, (double[3]) { 0, 50, 0 }, NULL);
  g_assert_cmpfloat (p.x, <, 1200.0);
  g_assert_true (hl_head_model_image_to_scalp (&m, &left, (HlPoint) { 1200, 1250 }, x));
  g_assert_cmpfloat_with_epsilon (x[0], 76.0, 1e-9);
  /* Top: the vertex at the centre, the front at image-top, the client's
   * right image-right. */
  g_assert_true (hl_head_model_image_to_scalp (&m, &top, (HlPoint) { 1200, 1250 }, x));
  g_assert_cmpfloat_with_epsilon (x[2], 105.0, 1e-9);
  p = hl_head_pose_project (&top, (double[3]) { 0, 50, 0 }, NULL);
  g_assert_cmpfloat (p.y, <, 1250.0);
  p = hl_head_pose_project (&top, (double[3]) { -30, 0, 0 }, NULL);
  g_assert_cmpfloat (p.x, >, 1200.0);
  /* The glabella 20 mm below the centre, on the face. */
  hl_head_model_get_glabella (&m, g);
  g_assert_cmpfloat_with_epsilon (g[2], -20.0, 1e-9);
  g_assert_true (hl_head_model_scalp_to_image (&m, &front, g, &p));
  g_assert_cmpfloat_with_epsilon (p.y, 1250.0 + 200.0, 1e-9);
}

/* Area of the scalp over an image square, from 3-D triangles of the rays
 * through a fine grid: independent of the normal's formula. */
static double
scalp_area (const HlHeadModel *m,
            const HlHeadPose  *pose,
            HlPoint            p,
            double             side_px)
{
  const int n = 40;
  double area = 0.0;

  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++)
      {
        double c[4][3], u[3], v[3], w[3];
        gboolean ok = TRUE;

        for (int k = 0; k < 4; k++)
          {
            HlPoint q = { p.x + side_px * ((i + (k & 1)) / (double) n - 0.5),
                          p.y + side_px * ((j + (k >> 1)) / (double) n - 0.5) };

            ok = ok && hl_head_model_image_to_scalp (m, pose, q, c[k]);
          }
        g_assert_true (ok);
        for (int t = 0; t < 2; t++)
          {
            const double *a = c[t == 0 ? 0 : 3], *b = c[1], *d = c[2];

            for (int k = 0; k < 3; k++)
              {
                u[k] = b[k] - a[k];
                v[k] = d[k] - a[k];
              }
            w[0] = u[1] * v[2] - u[2] * v[1];
            w[1] = u[2] * v[0] - u[0] * v[2];
            w[2] = u[0] * v[1] - u[1] * v[0];
            area += 0.5 * sqrt (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
          }
      }
  return area;
}

static void
test_area_ratio (void)
{
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose poses[] = { pose_at (0, 0, 0), pose_at (180, -90, 0), pose_at (30, -20, 10) };
  HlPoint spots[] = { { 1200, 1250 }, { 1200 + 450, 1250 }, { 1200, 1250 - 700 }, { 1200 - 300, 1250 - 400 } };

  for (guint k = 0; k < G_N_ELEMENTS (poses); k++)
    for (guint s = 0; s < G_N_ELEMENTS (spots); s++)
      {
        double side = 20.0;    /* px: 2 mm */
        double ratio = hl_head_model_area_ratio (&m, &poses[k], spots[s]);
        double measured;

        if (ratio >= HL_HEAD_MAX_AREA_RATIO || ratio == 0.0)
          continue;
        measured = scalp_area (&m, &poses[k], spots[s], side) / (side / 10.0 * side / 10.0);
        g_assert_cmpfloat (fabs (measured / ratio - 1.0), <, 0.01);
      }
  /* 1 facing the camera, the cap near the rim, 0 off the head. */
  g_assert_cmpfloat_with_epsilon (hl_head_model_area_ratio (&m, &poses[0], spots[0]), 1.0, 1e-9);
  g_assert_cmpfloat (hl_head_model_area_ratio (&m, &poses[0], (HlPoint) { 1200 + 759, 1250 }), ==,
                     HL_HEAD_MAX_AREA_RATIO);
  g_assert_cmpfloat (hl_head_model_area_ratio (&m, &poses[0], (HlPoint) { 1200 + 770, 1250 }), ==, 0.0);
}

static void
test_distance (void)
{
  /* A sphere of radius 84 mm: great circles. */
  HlHeadModel sphere = { 168.0, 168.0, 100.0 };
  HlHeadModel m = hl_head_model_default ();
  double a[3] = { 0, 84, 0 }, b[3] = { 0, 0, 84 }, c[3] = { 84 * cos (0.3), 0, 84 * sin (0.3) };
  double arc = 0.0, prev[2] = { 100.0, 0.0 };

  g_assert_true (hl_head_model_check (&sphere, NULL, NULL, NULL));
  g_assert_cmpfloat (fabs (hl_head_model_surface_distance (&sphere, a, b) - 84 * G_PI / 2), <, 0.05);
  g_assert_cmpfloat (fabs (hl_head_model_surface_distance (&sphere, b, c) - 84 * (G_PI / 2 - 0.3)), <, 0.05);
  g_assert_cmpfloat (hl_head_model_surface_distance (&sphere, a, a), ==, 0.0);

  /* The midline of the default head from the forehead to the vertex is a
   * quarter of the y-z ellipse: its length summed over a fine polygon. */
  for (int k = 1; k <= 100000; k++)
    {
      double t = G_PI / 2 * k / 100000, q[2] = { 100.0 * cos (t), 105.0 * sin (t) };

      arc += hypot (q[0] - prev[0], q[1] - prev[1]);
      prev[0] = q[0];
      prev[1] = q[1];
    }
  {
    double f[3] = { 0, 100, 0 }, v[3] = { 0, 0, 105 };

    g_assert_cmpfloat (fabs (hl_head_model_surface_distance (&m, f, v) / arc - 1.0), <, 0.001);
  }
}

static void
test_silhouette (void)
{
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose front = pose_at (0, 0, 0), tilted = pose_at (35, -25, 12);
  g_autoptr(GArray) rim = hl_head_model_silhouette (&m, &front, 64, 0.0);
  g_autoptr(GArray) rim2 = hl_head_model_silhouette (&m, &tilted, 64, 0.0);
  g_autoptr(GArray) inset = hl_head_model_silhouette (&m, &front, 64, 1.0);
  double area = 0.0;

  g_assert_cmpuint (rim->len, ==, 64);
  /* Front: the ellipse of half-breadth 76 mm and height 105 mm. */
  for (guint k = 0; k < rim->len; k++)
    {
      HlPoint p = g_array_index (rim, HlPoint, k);
      double ex = (p.x - 1200) / 760.0, ey = (p.y - 1250) / 1050.0;

      g_assert_cmpfloat_with_epsilon (ex * ex + ey * ey, 1.0, 1e-9);
    }
  /* Starts at the top. */
  g_assert_cmpfloat_with_epsilon (g_array_index (rim, HlPoint, 0).y, 1250 - 1050, 1e-6);
  /* Clockwise on screen (y down: positive shoelace). */
  for (guint k = 0; k < rim->len; k++)
    {
      HlPoint a = g_array_index (rim, HlPoint, k), b = g_array_index (rim, HlPoint, (k + 1) % rim->len);

      area += a.x * b.y - b.x * a.y;
    }
  g_assert_cmpfloat (area, >, 0.0);
  /* Any pose: just inside the rim the ray hits the head, just outside it
   * misses. */
  for (guint k = 0; k < rim2->len; k++)
    {
      HlPoint p = g_array_index (rim2, HlPoint, k), c = { 1200, 1250 };
      double dx = p.x - c.x, dy = p.y - c.y, r = hypot (dx, dy), x[3];

      g_assert_true (hl_head_model_image_to_scalp (&m, &tilted,
                                                   (HlPoint) { c.x + dx * (r - 0.5) / r, c.y + dy * (r - 0.5) / r }, x));
      g_assert_false (hl_head_model_image_to_scalp (&m, &tilted,
                                                    (HlPoint) { c.x + dx * (r + 0.5) / r, c.y + dy * (r + 0.5) / r }, x));
    }
  /* The inset keeps 1 mm (10 px) inside. */
  for (guint k = 0; k < inset->len; k++)
    {
      HlPoint p = g_array_index (inset, HlPoint, k), q = g_array_index (rim, HlPoint, k);

      g_assert_cmpfloat_with_epsilon (hypot (p.x - q.x, p.y - q.y), 10.0, 1e-6);
    }
}

static void
test_ranges (void)
{
  HlHeadModel m = hl_head_model_default ();
  HlHeadPose p = pose_at (0, 0, 0);
  const char *field = NULL;
  double lo = 0, hi = 0;

  g_assert_true (hl_head_model_check (&m, NULL, NULL, NULL));
  m.breadth_mm = 300.0;
  g_assert_false (hl_head_model_check (&m, &field, &lo, &hi));
  g_assert_cmpstr (field, ==, "breadth_mm");
  g_assert_cmpfloat (hi, ==, HL_HEAD_MAX_BREADTH_MM);
  m = hl_head_model_default ();
  m.height_mm = NAN;
  g_assert_false (hl_head_model_check (&m, &field, NULL, NULL));
  g_assert_cmpstr (field, ==, "height_mm");

  g_assert_true (hl_head_pose_check (&p, NULL, NULL, NULL));
  p.pitch_deg = 120.0;
  g_assert_false (hl_head_pose_check (&p, &field, &lo, &hi));
  g_assert_cmpstr (field, ==, "pitch_deg");
  g_assert_cmpfloat (lo, ==, -90.0);
  p = pose_at (0, 0, 0);
  p.scale = 0.0;
  g_assert_false (hl_head_pose_check (&p, &field, NULL, NULL));
  g_assert_cmpstr (field, ==, "scale");
}

/* The five charts show one head: the drawn cranium is the model's
 * silhouette at each chart's pose, the chart views carry that pose, their
 * scalp outlines lie on the model's head, and the front chart's glabella
 * is the model's. */
static void
test_charts (void)
{
  HlHeadModel m = hl_head_model_default ();

  for (HlHeadChart chart = 0; chart < HL_N_HEAD_CHARTS; chart++)
    {
      g_autoptr(HlView) view = hl_head_chart_new_view (chart, NULL);
      HlHeadPose pose;
      g_autoptr(GArray) rim = NULL;
      const HlPoint *outline;
      guint n, checked = 0;

      hl_head_chart_get_pose (chart, &pose);
      g_assert_true (view->has_head);
      g_assert_cmpmem (&view->pose, sizeof pose, &pose, sizeof pose);
      g_assert_cmpfloat (pose.scale * HL_HEAD_CHART_MM_PER_PX, ==, 1.0);
      g_assert_cmpfloat_with_epsilon (hl_view_get_area_factor (view, (HlPoint) { pose.centre_x, pose.centre_y }),
                                      1.0, 1e-9);

      rim = hl_head_model_silhouette (&m, &pose, 256, 0.0);
      for (guint k = 0; k < rim->len; k++)
        {
          HlPoint p = g_array_index (rim, HlPoint, k);
          double dx = p.x - pose.centre_x, dy = p.y - pose.centre_y, r = hypot (dx, dy);
          HlPoint in = { pose.centre_x + dx * (r - 5.0) / r, pose.centre_y + dy * (r - 5.0) / r };
          HlPoint out = { pose.centre_x + dx * (r + 5.0) / r, pose.centre_y + dy * (r + 5.0) / r };

          /* The cranium's free edge: above the centre on the front, back
           * and sides (the face, ears and neck below), the back half seen
           * from the top (ears and nose ahead). */
          if (chart == HL_HEAD_CHART_TOP ? dy < 350.0 : dy > -50.0)
            continue;
          if ((chart == HL_HEAD_CHART_LEFT && dx < 0.0 && dy > -700.0) ||
              (chart == HL_HEAD_CHART_RIGHT && dx > 0.0 && dy > -700.0))
            continue;   /* the forehead's profile */
          g_assert_true (hl_head_chart_contains (chart, in));
          g_assert_false (hl_head_chart_contains (chart, out));
          checked++;
        }
      g_assert_cmpuint (checked, >, 40);

      outline = hl_curve_get_polyline (hl_view_get_scalp_outline (view), &n);
      for (guint k = 0; k < n; k++)
        {
          double x[3];

          /* All on the cranium but the back's nape, below it, where the
           * photo plane applies (the neck faces that camera). */
          if (!hl_head_model_image_to_scalp (&m, &pose, outline[k], x))
            {
              g_assert_cmpint (chart, ==, HL_HEAD_CHART_BACK);
              g_assert_cmpfloat (outline[k].y, >, 1600.0);
              g_assert_cmpfloat (hl_view_get_area_factor (view, outline[k]), ==, 1.0);
            }
        }
    }

  {
    g_autoptr(HlView) front = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
    double g[3];
    HlPoint p;

    hl_head_model_get_glabella (&m, g);
    g_assert_true (hl_head_model_scalp_to_image (&m, &front->pose, g, &p));
    g_assert_cmpfloat_with_epsilon (p.x, front->landmarks[HL_LANDMARK_GLABELLA].p.x, 1e-6);
    g_assert_cmpfloat_with_epsilon (p.y, front->landmarks[HL_LANDMARK_GLABELLA].p.y, 1e-6);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-model/round-trip", test_round_trip);
  g_test_add_func ("/head-model/frame", test_frame);
  g_test_add_func ("/head-model/area-ratio", test_area_ratio);
  g_test_add_func ("/head-model/distance", test_distance);
  g_test_add_func ("/head-model/silhouette", test_silhouette);
  g_test_add_func ("/head-model/ranges", test_ranges);
  g_test_add_func ("/head-model/charts", test_charts);
  return g_test_run ();
}
