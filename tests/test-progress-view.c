/* test-progress-view.c: a progress photo over the plan. On the photo
 * sample, session 1's progress photo (the portrait turned, scaled and
 * shifted) carried by its stored alignment lands on the view's own photo:
 * laid over it at full opacity, the image barely changes where both show
 * the head, while the photo as taken, unaligned, changes it a lot. The
 * projective path (pixel by pixel) gives the affine path's image. A split
 * keeps the view's photo left of the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-design-io.h"
#include "hl-progress-view.h"
#include "hl-session-record.h"

/* Mean absolute difference (0–255, mean of the channels) of @a and @b
 * over the box (@x0, @y0, @x1, @y1). */
static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              x0,
                 int              y0,
                 int              x1,
                 int              y1)
{
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  double sum = 0;
  guint n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pa + (gsize) y * sa + 4 * x, *q = pb + (gsize) y * sb + 4 * x;

        for (int c = 0; c < 3; c++)
          sum += abs (p[c] - q[c]);
        n += 3;
      }
  return sum / n;
}

static void
test_over_the_plan (void)
{
  const char *dir = g_getenv ("HL_SAMPLES_DIR");
  g_autofree char *path = g_build_filename (dir, "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  const HlSessionRecord *record;
  const HlProgressPhoto *progress;
  g_autoptr(HlProgressPhoto) unaligned = NULL;
  g_autoptr(HlProgressPhoto) projective = NULL;
  g_autoptr(HlPhoto) pixels = NULL;
  g_autoptr(HlPhoto) view_photo = NULL;
  g_autofree char *progress_path = NULL;
  cairo_surface_t *plain, *over, *over_unaligned, *over_projective, *split;
  const HlView *view;
  const double identity[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
  double m[9], aligned_diff, unaligned_diff, paths_diff, left_diff, right_diff;
  /* The face and hair of the 512 px portrait at scale 1. */
  const int x0 = 170, y0 = 60, x1 = 290, y1 = 200;

  g_assert_no_error (error);
  view = hl_design_get_view (design, 0);
  view_photo = hl_design_load_view_photo (design, 0, path, NULL, &error);
  g_assert_no_error (error);
  record = hl_design_get_record (design, 1);
  g_assert_nonnull (record);
  g_assert_cmpuint (record->photos->len, >=, 1);
  progress = g_ptr_array_index (record->photos, 0);
  g_assert_true (progress->aligned);
  progress_path = g_build_filename (dir, progress->path, NULL);
  pixels = hl_photo_load (progress_path, &error);
  g_assert_no_error (error);

  plain = hl_progress_view_render (progress, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 0.0, 0.0);
  over = hl_progress_view_render (progress, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 1.0, 0.0);
  g_assert_nonnull (plain);
  g_assert_nonnull (over);

  unaligned = hl_progress_photo_copy (progress);
  hl_progress_photo_set_transform (unaligned, identity, NULL, 0);
  over_unaligned = hl_progress_view_render (unaligned, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 1.0, 0.0);

  /* The same map as a projective one (a negligible perspective term):
   * the pixel-by-pixel path. */
  memcpy (m, progress->transform, sizeof m);
  m[6] = 1e-11;
  projective = hl_progress_photo_copy (progress);
  hl_progress_photo_set_transform (projective, m, NULL, 0);
  over_projective = hl_progress_view_render (projective, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 1.0, 0.0);

  aligned_diff = mean_difference (plain, over, x0, y0, x1, y1);
  unaligned_diff = mean_difference (plain, over_unaligned, x0, y0, x1, y1);
  paths_diff = mean_difference (over, over_projective, x0, y0, x1, y1);
  g_test_message ("over the view's photo, face and hair: aligned %.1f, as taken %.1f levels; "
                  "affine vs projective path %.2f", aligned_diff, unaligned_diff, paths_diff);
  g_assert_cmpfloat (aligned_diff, <, 12.0);
  g_assert_cmpfloat (unaligned_diff, >, 3.0 * aligned_diff);
  g_assert_cmpfloat (paths_diff, <, 2.0);

  /* Split at the middle, the photo as taken: left the view's own photo,
   * right the other. */
  split = hl_progress_view_render (unaligned, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 1.0, 0.5);
  left_diff = mean_difference (plain, split, x0, y0, 250, y1);
  right_diff = mean_difference (over_unaligned, split, 262, y0, x1, y1);
  g_assert_cmpfloat (left_diff, <, 0.01);
  g_assert_cmpfloat (right_diff, <, 0.01);

  /* Not aligned: nothing to show. */
  {
    g_autoptr(HlProgressPhoto) bare = hl_progress_photo_new (progress->path, NULL, progress->width,
                                                             progress->height, view->name);

    g_assert_null (hl_progress_view_render (bare, pixels, view_photo, view, NULL, 0, hl_rect_from_points (NULL, 0), 1.0, 1.0, 0.0));
  }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (over);
  cairo_surface_destroy (over_unaligned);
  cairo_surface_destroy (over_projective);
  cairo_surface_destroy (split);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress-view/over-the-plan", test_over_the_plan);
  return g_test_run ();
}
