/* bench-export.c: PNG export of real images, ours against ImageMagick.
 * Prints numbers; asserts nothing about time.
 *
 *   - "mockup 12 MP": the sample design (a real portrait with the engine's
 *     own dots) exported at the scale that makes about 12 MP, as a
 *     practitioner's large export is: an enlarged photo with dots;
 *   - "photo": the camera photo named by HL_BENCH_PHOTO (any JPEG or PNG),
 *     exported at its own size without a design, when that variable is set;
 *   - "render 1M-dot design, peak RSS": `hairline render` of a design made
 *     here (one 129 × 129 cm zone at 60 dots/cm² and 0.1 mm/px, as the
 *     engine benchmark's million dots: a 12,930 × 12,930 px mockup without
 *     a photo) in a child process, its peak resident memory read with
 *     getrusage (RUSAGE_CHILDREN) before any other child runs.
 *
 * Each image is written by hl_png_write (the exporters' writer) and by
 * ImageMagick's `convert` from the same pixels (its time includes reading
 * the raw input, about 0.05 s per 12 MP here); the figures are wall time and
 * file size, measured in one run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "hl-design-io.h"
#include "hl-photo.h"
#include "hl-png-writer.h"
#include "hl-render.h"
#include "hl-stippler.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The RGB bytes of an RGB24 surface, for convert (transfer full). */
static guint8 *
surface_to_rgb (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image);
  int h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint8 *rgb = g_malloc ((gsize) w * h * 3);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x];
        guint8 *o = rgb + ((gsize) y * w + x) * 3;

        o[0] = (p >> 16) & 0xff;
        o[1] = (p >> 8) & 0xff;
        o[2] = p & 0xff;
      }
  return rgb;
}

static void
compare (const char      *name,
         cairo_surface_t *image)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
  g_autofree char *ours = g_build_filename (dir, "ours.png", NULL);
  g_autofree char *raw = g_build_filename (dir, "in.rgb", NULL);
  g_autofree char *theirs = g_build_filename (dir, "convert.png", NULL);
  int w = cairo_image_surface_get_width (image);
  int h = cairo_image_surface_get_height (image);
  g_autofree char *size_arg = g_strdup_printf ("%dx%d", w, h);
  g_autofree char *raw_arg = g_strdup_printf ("rgb:%s", raw);
  const char *convert_argv[] = { "/usr/bin/convert", "-size", size_arg, "-depth", "8", raw_arg, theirs, NULL };
  HlPngOptions po = { 0.1, "benchmark", -1, NULL };
  g_autofree guint8 *rgb = NULL;
  GStatBuf st_ours, st_theirs;
  double t0, t_ours, t_convert = -1;
  int status;

  t0 = now_s ();
  if (!hl_png_write (image, ours, &po, NULL))
    g_error ("%s: hl_png_write failed", name);
  t_ours = now_s () - t0;
  g_stat (ours, &st_ours);
  printf ("%s, %d × %d (%.1f MP): hl_png_write %.2f s, %.2f MB\n",
          name, w, h, w * (double) h / 1e6, t_ours, st_ours.st_size / 1e6);

  rgb = surface_to_rgb (image);
  g_file_set_contents (raw, (const char *) rgb, (gssize) w * h * 3, NULL);
  if (g_file_test (convert_argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      t0 = now_s ();
      if (g_spawn_sync (NULL, (char **) convert_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL) &&
          status == 0)
        t_convert = now_s () - t0;
    }
  if (t_convert >= 0 && g_stat (theirs, &st_theirs) == 0)
    printf ("%s: ImageMagick convert %.2f s, %.2f MB; ours: %.2f× its size in %.2f× its time\n",
            name, t_convert, st_theirs.st_size / 1e6,
            st_ours.st_size / (double) st_theirs.st_size, t_ours / t_convert);
  else
    printf ("%s: ImageMagick convert not available\n", name);

  g_unlink (ours);
  g_unlink (raw);
  g_unlink (theirs);
  g_rmdir (dir);
}

/* --- the million-dot design --------------------------------------------- */

#define MILLION_MM_PER_PX 0.1
#define MILLION_DENSITY 60.0

static HlCurve *
rect_curve (double w,
            double h)
{
  HlPoint c[] = { { 0, 0 }, { w, 0 }, { w, h }, { 0, h } };
  HlPoint pts[80];

  for (guint s = 0; s < 4; s++)
    for (guint k = 0; k < 20; k++)
      pts[s * 20 + k] = (HlPoint) { c[s].x + (c[(s + 1) % 4].x - c[s].x) * k / 20.0,
                                    c[s].y + (c[(s + 1) % 4].y - c[s].y) * k / 20.0 };
  return hl_curve_new (pts, 80, TRUE);
}

/* The engine benchmark's million-dot view (bench-engine.c, make_view):
 * one frontal zone of @side × @side px at 60/cm² and 0.1 mm/px with an
 * 8 mm transition behind a wavy hairline, saved as a design at @path. */
static void
write_million_design (const char *path,
                      double      side)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, MILLION_MM_PER_PX, 0.02 };
  g_autoptr(HlCurve) outline = rect_curve (side, side);
  g_autoptr(HlCurve) hair = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  HlPoint h[9];
  HlZoneParams zp;

  for (guint i = 0; i < 9; i++)
    h[i] = (HlPoint) { -100 + i * (side + 200) / 8.0, side - 150 + ((int) (i % 3) - 1) * 40.0 };
  hair = hl_curve_new (h, 9, FALSE);
  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = MILLION_DENSITY;
  zp.transition_mm = 8.0;
  zp.follows_hairline = TRUE;
  zp.seed = 3;
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_view_set_hairline (view, hair);
  hl_design_append_view (design, view);
  if (!hl_design_save_to_file (design, path, &error))
    g_error ("%s", error->message);
}

/* `hairline render` of the million-dot design in a child process: its
 * wall time and peak RSS (getrusage of the waited-for children: run it
 * before any other child). */
static void
million_dot_rss (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
  g_autofree char *design = g_build_filename (dir, "million.json", NULL);
  g_autofree char *png = g_build_filename (dir, "million.png", NULL);
  const char *hairline = g_getenv ("HAIRLINE");
  const char *argv[] = { hairline, "render", design, "-o", png, NULL };
  double side = sqrt (1.0e6 / MILLION_DENSITY) * 10.0 / MILLION_MM_PER_PX;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GStatBuf st;
  double t0, wall;
  int status, w = 0, h = 0;

  if (hairline == NULL)
    {
      printf ("render 1M-dot design, peak RSS: set HAIRLINE to the hairline command\n");
      return;
    }
  write_million_design (design, side);
  t0 = now_s ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("hairline render: %s\n%s", error->message, err != NULL ? err : "");
  wall = now_s () - t0;
  getrusage (RUSAGE_CHILDREN, &usage);
  g_stat (png, &st);
  gdk_pixbuf_get_file_info (png, &w, &h);
  printf ("render 1M-dot design, peak RSS: %.0f MB (%d × %d px mockup, %.1f MB file, wall %.1f s, "
          "cpu %.1f s)\n",
          usage.ru_maxrss / 1024.0, w, h, st.st_size / 1e6, wall,
          usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);

  g_unlink (design);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *photo_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(HlStippler) stippler = hl_stippler_new ();
  const char *camera = g_getenv ("HL_BENCH_PHOTO");
  const HlView *view;
  const HlDot *dots;
  HlRenderOptions opt;
  cairo_surface_t *image;
  gsize n_dots;
  int w, h;

  /* First: no other child has run yet. */
  million_dot_rss ();

  if (design == NULL)
    g_error ("%s", error->message);
  view = hl_design_get_view (design, 0);
  photo = hl_photo_load (photo_path, &error);
  if (photo == NULL)
    g_error ("%s", error->message);
  hl_stippler_update (stippler, view, design->seed);
  dots = hl_stippler_get_dots (stippler, &n_dots);

  hl_render_view_size (photo, view, &w, &h);
  hl_render_options_init (&opt);
  opt.scale = sqrt (12e6 / ((double) w * h));
  image = hl_render_export (photo, view, dots, n_dots, &opt);
  compare ("mockup 12 MP (sample portrait and its dots, enlarged)", image);
  cairo_surface_destroy (image);

  if (camera != NULL)
    {
      g_autoptr(HlPhoto) own = hl_photo_load (camera, &error);
      g_autoptr(HlView) bare = hl_view_new ("photo");

      if (own == NULL)
        g_error ("%s", error->message);
      hl_render_options_init (&opt);
      opt.mark = NULL;
      image = hl_render_export (own, bare, NULL, 0, &opt);
      compare ("photo (HL_BENCH_PHOTO)", image);
      cairo_surface_destroy (image);
    }
  else
    printf ("photo: set HL_BENCH_PHOTO to a camera JPEG to measure one\n");

  return 0;
}
