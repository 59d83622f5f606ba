/* test-head-chart.c: head charts drawn to scale, the same every time, and
 * kept by a design file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-photo.h"

/* Red of pixel (x, y) of an RGB24 surface. */
static guint
red_at (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (gconstpointer) (data + (gsize) y * stride + (gsize) x * 4);

  return (px >> 16) & 0xff;
}

/* The dark runs (iris and pupil: red < 150) along row @y: their centres
 * and lengths. */
static guint
dark_runs (cairo_surface_t *surface,
           int              y,
           double          *centres,
           int             *lengths,
           guint            max)
{
  int w = cairo_image_surface_get_width (surface);
  guint n = 0;
  int start = -1;

  for (int x = 0; x <= w; x++)
    {
      gboolean dark = x < w && red_at (surface, x, y) < 150;

      if (dark && start < 0)
        start = x;
      else if (!dark && start >= 0)
        {
          if (n < max && x - start > 20)
            {
              centres[n] = (start + x - 1) / 2.0;
              lengths[n] = x - start;
              n++;
            }
          start = -1;
        }
    }
  return n;
}

static void
test_scale (void)
{
  cairo_surface_t *surface = hl_head_chart_render (HL_HEAD_CHART_FRONT, 1.0);
  HlPoint left, right;
  double centres[8];
  int lengths[8];
  guint n;
  double ipd_mm, iris_mm;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_LEFT_PUPIL, &left));
  g_assert_true (hl_head_chart_get_landmark (HL_HEAD_CHART_FRONT, HL_LANDMARK_RIGHT_PUPIL, &right));

  /* Measured on the pixels, along the pupils' row: two irises, 11.7 mm
   * across and 63 mm apart at 0.1 mm per pixel. */
  n = dark_runs (surface, (int) left.y, centres, lengths, G_N_ELEMENTS (centres));
  g_assert_cmpuint (n, ==, 2);
  ipd_mm = (centres[1] - centres[0]) * HL_HEAD_CHART_MM_PER_PX;
  iris_mm = (lengths[0] + lengths[1]) / 2.0 * HL_HEAD_CHART_MM_PER_PX;
  g_test_message ("front chart: pupils %.1f mm apart, iris %.2f mm across", ipd_mm, iris_mm);
  g_assert_cmpfloat_with_epsilon (ipd_mm, HL_IPD_MM, 0.3);
  g_assert_cmpfloat_with_epsilon (iris_mm, HL_IRIS_MM, 0.3);
  /* And where the landmarks say. */
  g_assert_cmpfloat_with_epsilon (centres[0], MIN (left.x, right.x), 2.0);
  g_assert_cmpfloat_with_epsilon (centres[1], MAX (left.x, right.x), 2.0);

  cairo_surface_destroy (surface);
}

static void
test_deterministic (void)
{
  for (guint c = 0; c < HL_N_HEAD_CHARTS; c++)
    {
      const char *name = hl_head_chart_to_string (c);
      g_autoptr(HlPhoto) a = hl_photo_new_for_chart (name, NULL);
      g_autoptr(HlPhoto) b = hl_photo_new_for_chart (name, NULL);
      cairo_surface_t *sa = hl_photo_get_surface (a), *sb = hl_photo_get_surface (b);
      int w, h, stride = cairo_image_surface_get_stride (sa);
      HlHeadChart back;
      guint skin = 0, total = 0;

      hl_head_chart_get_size (c, &w, &h);
      g_assert_cmpint (hl_photo_get_width (a), ==, w);
      g_assert_cmpint (hl_photo_get_height (a), ==, h);
      g_assert_cmpstr (hl_photo_get_sha256 (a), ==, hl_photo_get_sha256 (b));
      g_assert_cmpint (memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb),
                               (gsize) stride * h), ==, 0);
      g_assert_true (hl_head_chart_from_string (name, &back));
      g_assert_cmpint (back, ==, c);

      /* The silhouette test agrees with the pixels: inside is never the
       * grey background; outside is the background or the neck's skin. */
      for (int y = 5; y < h; y += 163)
        for (int x = 5; x < w; x += 151)
          {
            const guchar *p = cairo_image_surface_get_data (sa) + (gsize) y * stride + (gsize) x * 4;
            /* B G R X in memory; the background is (236, 238, 241). */
            gboolean warm = p[2] > p[0] + 30;
            gboolean bg = abs ((int) p[2] - 236) <= 2 && abs ((int) p[0] - 241) <= 2;
            gboolean inside = hl_head_chart_contains (c, (HlPoint) { x, y });

            /* Pixels within 1 mm of the outline are left out. */
            if (inside != hl_head_chart_contains (c, (HlPoint) { x - 10, y }) ||
                inside != hl_head_chart_contains (c, (HlPoint) { x + 10, y }) ||
                inside != hl_head_chart_contains (c, (HlPoint) { x, y - 10 }) ||
                inside != hl_head_chart_contains (c, (HlPoint) { x, y + 10 }))
              continue;
            total++;
            skin += inside;
            if (inside)
              g_assert_false (bg);
            else
              g_assert_true (bg || warm);   /* the neck is skin too */
          }
      g_test_message ("%s chart %d × %d: %u of %u sampled pixels on the head", name, w, h, skin, total);
      g_assert_cmpuint (skin, >, total / 5);
      g_assert_false (hl_head_chart_contains (c, (HlPoint) { 1, 1 }));
      g_assert_true (hl_head_chart_contains (c, (HlPoint) { w / 2.0, 1300 }));
    }
  g_assert_false (hl_head_chart_from_string ("side", NULL));
}

static void
test_round_trip (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlDesign) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-chart-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  for (guint c = 0; c < HL_N_HEAD_CHARTS; c++)
    {
      g_autoptr(HlView) view = hl_head_chart_new_view (c, NULL);

      hl_design_append_view (design, view);
    }

  g_assert_true (hl_design_save_to_file (design, path, &error));
  g_assert_no_error (error);
  loaded = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_design_get_n_views (loaded), ==, HL_N_HEAD_CHARTS);

  for (guint c = 0; c < HL_N_HEAD_CHARTS; c++)
    {
      const HlView *view = hl_design_get_view (loaded, c);
      g_autoptr(GError) warning = NULL;
      g_autoptr(HlPhoto) photo = NULL;
      gboolean calibrated;
      int w, h;

      hl_head_chart_get_size (c, &w, &h);
      g_assert_cmpstr (view->photo.chart, ==, hl_head_chart_to_string (c));
      g_assert_null (view->photo.path);
      g_assert_cmpint (view->photo.width, ==, w);
      g_assert_cmpint (view->photo.height, ==, h);
      g_assert_cmpfloat (hl_view_get_mm_per_px (view, &calibrated), ==, HL_HEAD_CHART_MM_PER_PX);
      g_assert_true (calibrated);
      g_assert_cmpint (view->landmarks[HL_LANDMARK_GLABELLA].set, ==, c == HL_HEAD_CHART_FRONT);

      /* Every command loads a view's photo through this. */
      photo = hl_design_load_view_photo (loaded, c, path, &warning, &error);
      g_assert_no_error (error);
      g_assert_no_error (warning);
      g_assert_cmpint (hl_photo_get_width (photo), ==, w);
    }

  json = hl_design_to_json (design, NULL);
  again = hl_design_to_json (loaded, NULL);
  g_assert_cmpstr (json, ==, again);
  g_assert_nonnull (strstr (json, "\"chart\""));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_refused (void)
{
  static const struct { const char *photo; const char *message; } cases[] = {
    { "{\"chart\": \"side\", \"width\": 2400, \"height\": 3000}",
      "views[0].photo.chart: must be front, top, left, right or back" },
    { "{\"chart\": \"front\", \"width\": 2000, \"height\": 3000}",
      "views[0].photo.width: the front chart is 2400 × 3000 px" },
    { "{\"chart\": \"front\", \"path\": \"a.png\", \"width\": 2400, \"height\": 3000}",
      "views[0].photo: a head chart has no path or sha256" },
    { "{\"chart\": 3, \"width\": 2400, \"height\": 3000}", "views[0].photo.chart" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"hairline-studio-design\", \"version\": 2, "
                                               "\"engine_version\": 1, \"seed\": 1, \"views\": [{\"name\": \"front\", "
                                               "\"photo\": %s}]}", cases[i].photo);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);

      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (hl_photo_new_for_chart ("side", &error));
    g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-chart/scale", test_scale);
  g_test_add_func ("/head-chart/deterministic", test_deterministic);
  g_test_add_func ("/head-chart/round-trip", test_round_trip);
  g_test_add_func ("/head-chart/refused", test_refused);
  return g_test_run ();
}
