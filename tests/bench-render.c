/* bench-render.c: the renderer and the PNG writer against the obvious
 * alternatives, in one run. Prints numbers; asserts nothing about time.
 *
 *   - dots: stamp blending vs per-dot cairo_arc + fill with the multiply
 *     operator, 300k dots over a 12 MP surface;
 *   - export: a 12 MP (4000 × 3000) image through hl_png_write vs
 *     ImageMagick's convert writing the same pixels (time and size);
 *   - sample dots: the engine's own dots of the sample design
 *     (data/samples/front-consultation.json) drawn into a 1280 × 800 frame
 *     centred on the design at five zooms of the photo (0.5×, 1×, 4×,
 *     16×, 32× device px per photo px), stamps vs per-dot cairo_arc,
 *     p50/p95 of the dot pass per frame (fresh), then the healed and aged
 *     stages' stamps; the first frame of a process (stamps not yet built)
 *     apart (`--sample-dots [ZOOM]` runs this part alone, at one zoom if
 *     given);
 *   - fine dots: a zone's dots at a camera photo's scale (0.05 mm/px), at
 *     4×, 16× and 32×, where dots are 20–160 px wide, with the pixels
 *     the stamps change and a plain multiply fill of as many pixels, in
 *     ns per pixel (`--fine-dots` runs this part alone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "hl-photo.h"
#include "hl-png-writer.h"
#include "hl-render.h"
#include "hl-design-io.h"
#include "hl-zone.h"
#include "hl-rng.h"
#include "hl-stippler.h"
#include "hl-stamp-cache.h"
#include "hl-test-util.h"

#define W 4000
#define H 3000
#define N_DOTS 300000
#define MM_PER_PX 0.05

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* A photo-like surface: smooth gradients plus fine noise (noise is what
 * makes PNG files big and slow). */
static cairo_surface_t *
photo_like (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  HlRng rng;

  hl_rng_init (&rng, 11);
  for (int y = 0; y < H; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < W; x++)
        {
          int n = (int) (hl_rng_next (&rng) & 15) - 8;
          int r = CLAMP (200 - y / 40 + n, 0, 255);
          int g = CLAMP (170 - x / 60 + n, 0, 255);
          int b = CLAMP (150 + (x + y) / 200 + n, 0, 255);

          row[x] = 0xff000000u | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (s);
  return s;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const HlDot *da = a, *db = b;
  int ra = (int) (da->y / 32), rb = (int) (db->y / 32);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  return da->x < db->x ? -1 : da->x > db->x;
}

#define FRAME_W 1280
#define FRAME_H 800
#define SAMPLE_FRAMES 40

/* The sample design's own dots, drawn as an editor frame would draw them
 * over its cached photo layer: through the renderer's stamps, and through
 * one cairo_arc + fill per dot with the same shade, size and operator. */
static void
sample_dots (double only_zoom)
{
  static const double zooms[] = { 0.5, 1.0, 4.0, 16.0, 32.0 };
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *photo_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(HlStippler) stippler = hl_stippler_new ();
  cairo_surface_t *layer, *frame;
  const HlView *view;
  const HlDot *dots;
  HlRenderOptions opt;
  HlRect bounds;
  gsize n_dots;
  double m;

  if (design == NULL || (photo = hl_photo_load (photo_path, &error)) == NULL)
    {
      printf ("sample dots: cannot load the sample (%s)\n", error->message);
      return;
    }
  view = hl_design_get_view (design, 0);
  hl_stippler_update (stippler, view, design->seed);
  dots = hl_stippler_get_dots (stippler, &n_dots);
  m = hl_view_get_mm_per_px (view, NULL);
  bounds = hl_render_design_bounds (photo, view, 0.0);
  layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);

  printf ("sample dots: %" G_GSIZE_FORMAT " dots of the sample design (engine's own), %.2f mm/px photo, "
          "%d × %d frame centred on the design, fresh stage, dot pass only\n",
          n_dots, m, FRAME_W, FRAME_H);
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double zoom = zooms[z];
      double dx = FRAME_W / 2.0 - zoom * 0.5 * (bounds.x0 + bounds.x1);
      double dy = FRAME_H / 2.0 - zoom * 0.5 * (bounds.y0 + bounds.y1);
      double t_stamp[SAMPLE_FRAMES], t_arc[SAMPLE_FRAMES];
      gsize shown = 0;
      double mean_px = 0.0, first_fresh;
      cairo_t *cr;

      if (only_zoom > 0.0 && zoom != only_zoom)
        continue;
      hl_render_options_init (&opt);
      opt.show_dots = FALSE;
      hl_render_view (layer, zoom, dx, dy, photo, view, NULL, 0, &opt);
      opt.show_dots = TRUE;
      opt.show_photo = FALSE;

      for (gsize i = 0; i < n_dots; i++)
        {
          double x = dots[i].x * zoom + dx, y = dots[i].y * zoom + dy;

          if (x >= 0 && y >= 0 && x < FRAME_W && y < FRAME_H)
            {
              shown++;
              mean_px += dots[i].diameter_mm / m * zoom;
            }
        }

      for (guint f = 0; f < SAMPLE_FRAMES; f++)
        {
          double t0;

          cr = cairo_create (frame);
          cairo_set_source_surface (cr, layer, 0, 0);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_paint (cr);
          cairo_destroy (cr);
          t0 = now_s ();
          hl_render_view (frame, zoom, dx, dy, photo, view, dots, n_dots, &opt);
          t_stamp[f] = now_s () - t0;

          cr = cairo_create (frame);
          cairo_set_source_surface (cr, layer, 0, 0);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
          t0 = now_s ();
          for (gsize i = 0; i < n_dots; i++)
            {
              double x = dots[i].x * zoom + dx, y = dots[i].y * zoom + dy;
              double r = 0.5 * dots[i].diameter_mm / m * zoom;

              /* The same culling as the renderer's. */
              if (x + r + 2 < 0 || y + r + 2 < 0 || x - r - 2 > FRAME_W || y - r - 2 > FRAME_H)
                continue;
              cairo_arc (cr, x, y, r, 0, 2 * G_PI);
              cairo_set_source_rgba (cr, dots[i].shade.r / 255.0, dots[i].shade.g / 255.0,
                                     dots[i].shade.b / 255.0, 0.95);
              cairo_fill (cr);
            }
          cairo_surface_flush (frame);
          t_arc[f] = now_s () - t0;
          cairo_destroy (cr);
        }

      first_fresh = t_stamp[0];

      /* The other stages, through the same (process-wide) stamp cache. */
      for (int st = HL_STAGE_HEALED; st <= HL_STAGE_AGED; st++)
        {
          HlRenderOptions so = opt;
          double t_st[SAMPLE_FRAMES];

          so.stage = (HlStage) st;
          for (guint f = 0; f < SAMPLE_FRAMES; f++)
            {
              double t0;

              cr = cairo_create (frame);
              cairo_set_source_surface (cr, layer, 0, 0);
              cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
              cairo_paint (cr);
              cairo_destroy (cr);
              t0 = now_s ();
              hl_render_view (frame, zoom, dx, dy, photo, view, dots, n_dots, &so);
              t_st[f] = now_s () - t0;
            }
          printf ("sample dots at zoom %4.1f×, %s: stamps first frame %.3f ms, p50 %.3f ms, p95 %.3f ms\n",
                  zoom, hl_stage_to_string ((HlStage) st), t_st[0] * 1e3,
                  hl_test_percentile (t_st, SAMPLE_FRAMES, 0.5) * 1e3, hl_test_percentile (t_st, SAMPLE_FRAMES, 0.95) * 1e3);
        }

      printf ("sample dots at zoom %4.1f× (%" G_GSIZE_FORMAT " dots in the frame, mean %.2f px wide): "
              "fresh first frame %.3f ms; "
              "stamps p50 %.3f ms, p95 %.3f ms; cairo_arc p50 %.3f ms, p95 %.3f ms per frame; "
              "stamps %.1f× faster (p50)\n",
              zoom, shown, shown > 0 ? mean_px / shown : 0.0, first_fresh * 1e3,
              hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.5) * 1e3, hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.95) * 1e3,
              hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.5) * 1e3, hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.95) * 1e3,
              hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.5) / hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.5));
    }

  printf ("sample dots: stamp cache %.1f MB after all zooms and stages\n", hl_stamp_cache_bytes () / 1e6);
  cairo_surface_destroy (layer);
  cairo_surface_destroy (frame);
}

/* What the pixels alone cost: the pixels the stamps change in one frame
 * of @dots, and the same number of pixels multiplied by one colour
 * through cairo (a rectangle as large, cairo_fill with the multiply
 * operator: pixman's SIMD combiner, no coverage to work out), so that a
 * pass bounded by the pixels it must fill shows it: ns per pixel of the
 * stamps, of cairo_arc and of the plain fill. */
static void
fill_bound (cairo_surface_t       *frame,
            const HlView          *view,
            GArray                *dots,
            double                 zoom,
            double                 dx,
            double                 dy,
            const HlRenderOptions *opt,
            double                 t_stamp,
            double                 t_arc)
{
  cairo_surface_t *before = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  double t_fill[SAMPLE_FRAMES];
  gsize changed = 0;
  cairo_t *cr;
  int rows;

  cr = cairo_create (before);
  cairo_set_source_rgb (cr, 0.85, 0.75, 0.65);
  cairo_paint (cr);
  cairo_destroy (cr);
  cr = cairo_create (frame);
  cairo_set_source_surface (cr, before, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  hl_render_view (frame, zoom, dx, dy, NULL, view, (const HlDot *) (gconstpointer) dots->data, dots->len, opt);
  cairo_surface_flush (frame);
  cairo_surface_flush (before);
  for (int y = 0; y < FRAME_H; y++)
    for (int x = 0; x < FRAME_W; x++)
      changed += ((guint32 *) (gpointer) (cairo_image_surface_get_data (frame) + (gsize) y * cairo_image_surface_get_stride (frame)))[x] !=
                 ((guint32 *) (gpointer) (cairo_image_surface_get_data (before) + (gsize) y * cairo_image_surface_get_stride (before)))[x];
  if (changed == 0)
    {
      cairo_surface_destroy (before);
      return;
    }
  /* Whole rows of the frame, as many pixels as the stamps changed. */
  rows = (int) MAX (1, MIN (FRAME_H, (changed + FRAME_W / 2) / FRAME_W));
  for (guint f = 0; f < SAMPLE_FRAMES; f++)
    {
      double t0;

      cr = cairo_create (frame);
      cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
      cairo_set_source_rgba (cr, 0.3, 0.28, 0.26, 0.95);
      t0 = now_s ();
      cairo_rectangle (cr, 0, 0, FRAME_W, rows);
      cairo_fill (cr);
      cairo_surface_flush (frame);
      t_fill[f] = now_s () - t0;
      cairo_destroy (cr);
    }
  printf ("  pixels the stamps change: %" G_GSIZE_FORMAT "; per pixel: stamps %.2f ns, cairo_arc %.2f ns, "
          "a plain multiply fill of %d × %d px (cairo_fill of a rectangle) %.2f ns (p50)\n",
          changed, t_stamp * 1e9 / changed, t_arc * 1e9 / changed, FRAME_W, rows,
          hl_test_percentile (t_fill, SAMPLE_FRAMES, 0.5) * 1e9 / ((double) FRAME_W * rows));
  cairo_surface_destroy (before);
}

/* Dots of a camera photo's scale (0.05 mm/px: a head 300 mm across in a
 * 6000 px wide photo; fresh dots 0.25 mm, 5 px at 1×), drawn at 4×, 16×
 * and 32×, where each dot is 20–160 px wide: stamps (past
 * HL_STAMP_MAX_RADIUS each dot's own mask) against `cairo_arc`. */
static void
fine_dots (void)
{
  static const double zooms[] = { 4.0, 16.0, 32.0 };
  g_autoptr(HlView) view = hl_view_new ("fine");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.05, 0.0 };
  HlPoint box[] = { { 0, 0 }, { 600, 0 }, { 600, 600 }, { 0, 600 } };
  g_autoptr(HlCurve) outline = hl_curve_new (box, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(GArray) dots = NULL;
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_W, FRAME_H);
  HlRenderOptions opt;
  HlZoneParams zp;

  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = 60;
  zp.seed = 11;
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &zp);
  hl_view_append_zone (view, zone);
  dots = hl_stipple_view (view, 1);
  hl_render_options_init (&opt);
  opt.show_photo = FALSE;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double zoom = zooms[z], m = 0.05;
      double dx = FRAME_W / 2.0 - zoom * 300, dy = FRAME_H / 2.0 - zoom * 300;
      double t_stamp[SAMPLE_FRAMES], t_arc[SAMPLE_FRAMES], mean_px = 0.0;
      gsize shown = 0;

      for (guint i = 0; i < dots->len; i++)
        {
          const HlDot *d = &g_array_index (dots, HlDot, i);
          double x = d->x * zoom + dx, y = d->y * zoom + dy;

          if (x >= 0 && y >= 0 && x < FRAME_W && y < FRAME_H)
            {
              shown++;
              mean_px += d->diameter_mm / m * zoom;
            }
        }
      for (guint f = 0; f < SAMPLE_FRAMES; f++)
        {
          cairo_t *cr = cairo_create (frame);
          double t0;

          cairo_set_source_rgb (cr, 0.85, 0.75, 0.65);
          cairo_paint (cr);
          cairo_destroy (cr);
          t0 = now_s ();
          hl_render_view (frame, zoom, dx, dy, NULL, view, (const HlDot *) (gconstpointer) dots->data,
                          dots->len, &opt);
          t_stamp[f] = now_s () - t0;

          cr = cairo_create (frame);
          cairo_set_source_rgb (cr, 0.85, 0.75, 0.65);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
          t0 = now_s ();
          for (guint i = 0; i < dots->len; i++)
            {
              const HlDot *d = &g_array_index (dots, HlDot, i);
              double x = d->x * zoom + dx, y = d->y * zoom + dy, r = 0.5 * d->diameter_mm / m * zoom;

              if (x + r + 2 < 0 || y + r + 2 < 0 || x - r - 2 > FRAME_W || y - r - 2 > FRAME_H)
                continue;
              cairo_arc (cr, x, y, r, 0, 2 * G_PI);
              cairo_set_source_rgba (cr, d->shade.r / 255.0, d->shade.g / 255.0, d->shade.b / 255.0, 0.95);
              cairo_fill (cr);
            }
          cairo_surface_flush (frame);
          t_arc[f] = now_s () - t0;
          cairo_destroy (cr);
        }
      printf ("fine dots at zoom %4.1f× (0.05 mm/px; %" G_GSIZE_FORMAT " dots in the frame, mean %.1f px wide): "
              "stamps p50 %.3f ms, p95 %.3f ms; cairo_arc p50 %.3f ms, p95 %.3f ms per frame; stamps %.1f× faster (p50)\n",
              zoom, shown, shown > 0 ? mean_px / shown : 0.0,
              hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.5) * 1e3, hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.95) * 1e3,
              hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.5) * 1e3, hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.95) * 1e3,
              hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.5) / hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.5));
      fill_bound (frame, view, dots, zoom, dx, dy, &opt, hl_test_percentile (t_stamp, SAMPLE_FRAMES, 0.5),
                  hl_test_percentile (t_arc, SAMPLE_FRAMES, 0.5));
    }
  cairo_surface_destroy (frame);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlView) view = NULL;
  HlCalibration cal = { HL_CALIBRATION_MANUAL, MM_PER_PX, 0.0 };
  GArray *dots = NULL;
  cairo_surface_t *base = NULL;
  cairo_surface_t *target = NULL;
  HlRenderOptions opt;
  HlRng rng;
  double t0, t_stamp, t_arc;
  cairo_t *cr;

  if (argc > 1 && g_strcmp0 (argv[1], "--sample-dots") == 0)
    {
      /* The sample's dot pass alone (for profilers), at one zoom if a
       * second argument names it. */
      sample_dots (argc > 2 ? g_ascii_strtod (argv[2], NULL) : 0.0);
      return 0;
    }
  if (argc > 1 && g_strcmp0 (argv[1], "--fine-dots") == 0)
    {
      fine_dots ();
      return 0;
    }
  view = hl_view_new ("bench");
  dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  base = photo_like ();
  target = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);

  printf ("# Hairline Studio renderer benchmark\n");
  hl_view_set_calibration (view, &cal);
  hl_view_set_photo (view, "x", NULL, 1, 1);   /* background: just the 1 × 1 corner */
  hl_rng_init (&rng, 5);
  for (int i = 0; i < N_DOTS; i++)
    {
      HlDot d = { (float) (hl_rng_double (&rng) * W), (float) (hl_rng_double (&rng) * H),
                  (float) (0.2 + 0.1 * hl_rng_double (&rng)), { 0x3a, 0x36, 0x33 }, 0, 0 };

      g_array_append_val (dots, d);
    }
  /* The engine hands dots over in spatial order (zone by zone, row by row
   * of cells); do the same here so both paths see realistic locality. */
  g_array_sort (dots, compare_rows);
  hl_render_options_init (&opt);

  /* Stamps: the renderer's own dot path. */
  cr = cairo_create (target);
  cairo_set_source_surface (cr, base, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  t0 = now_s ();
  hl_render_view (target, 1.0, 0, 0, NULL, view, (HlDot *) (gpointer) dots->data, dots->len, &opt);
  t_stamp = now_s () - t0;

  /* The same dots with cairo_arc + fill, one by one, multiply operator. */
  cr = cairo_create (target);
  cairo_set_source_surface (cr, base, 0, 0);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  t0 = now_s ();
  for (guint i = 0; i < dots->len; i++)
    {
      const HlDot *d = &g_array_index (dots, HlDot, i);

      cairo_arc (cr, d->x, d->y, d->diameter_mm / MM_PER_PX / 2, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, d->shade.r / 255.0, d->shade.g / 255.0, d->shade.b / 255.0, 0.95);
      cairo_fill (cr);
    }
  cairo_surface_flush (target);
  t_arc = now_s () - t0;
  cairo_destroy (cr);

  printf ("synthetic dots: %d random dots of 4–6 px over a %d × %d surface\n", N_DOTS, W, H);
  printf ("synthetic dots: stamps %.3f µs/dot (%.0f ms), cairo_arc %.3f µs/dot (%.0f ms): %.1f× faster\n",
          t_stamp / N_DOTS * 1e6, t_stamp * 1e3, t_arc / N_DOTS * 1e6, t_arc * 1e3, t_arc / t_stamp);

  /* 12 MP export: libpng (ours) vs ImageMagick on the same pixels. */
  {
    g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
    g_autofree char *ours = g_build_filename (dir, "ours.png", NULL);
    g_autofree char *raw = g_build_filename (dir, "in.rgb", NULL);
    g_autofree char *theirs = g_build_filename (dir, "convert.png", NULL);
    g_autofree char *size_arg = g_strdup_printf ("%dx%d", W, H);
    g_autofree char *raw_arg = g_strdup_printf ("rgb:%s", raw);
    HlPngOptions po = { MM_PER_PX, "benchmark", -1 };
    guint8 *rgb = g_malloc ((gsize) W * H * 3);
    const guint8 *data;
    int stride, status;
    double t_ours, t_convert = -1;
    GStatBuf st_ours, st_theirs;
    const char *convert_argv[] = { "/usr/bin/convert", "-size", size_arg, "-depth", "8", raw_arg, theirs, NULL };

    /* The dots of the stamp path on the photo-like image. */
    cr = cairo_create (target);
    cairo_set_source_surface (cr, base, 0, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
    hl_render_view (target, 1.0, 0, 0, NULL, view, (HlDot *) (gpointer) dots->data, dots->len, &opt);

    t0 = now_s ();
    if (!hl_png_write (target, ours, &po, NULL))
      return 1;
    t_ours = now_s () - t0;

    data = cairo_image_surface_get_data (target);
    stride = cairo_image_surface_get_stride (target);
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++)
        {
          guint32 p = ((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x];
          guint8 *o = rgb + ((gsize) y * W + x) * 3;

          o[0] = (p >> 16) & 0xff;
          o[1] = (p >> 8) & 0xff;
          o[2] = p & 0xff;
        }
    g_file_set_contents (raw, (const char *) rgb, (gssize) W * H * 3, NULL);
    g_free (rgb);

    if (g_file_test (convert_argv[0], G_FILE_TEST_IS_EXECUTABLE))
      {
        t0 = now_s ();
        if (g_spawn_sync (NULL, (char **) convert_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL) &&
            status == 0)
          t_convert = now_s () - t0;
      }

    g_stat (ours, &st_ours);
    printf ("export 12 MP: hl_png_write %.2f s, %.1f MB\n", t_ours, st_ours.st_size / 1e6);
    if (t_convert >= 0 && g_stat (theirs, &st_theirs) == 0)
      printf ("export 12 MP: ImageMagick convert %.2f s, %.1f MB (including reading the raw input); ours %.1f× faster\n",
              t_convert, st_theirs.st_size / 1e6, t_convert / t_ours);
    else
      printf ("export 12 MP: ImageMagick convert not available\n");

    g_unlink (ours);
    g_unlink (raw);
    g_unlink (theirs);
    g_rmdir (dir);
  }

  /* An editor frame at 1100 × 700: the photo scaled every frame, against a
   * cached photo layer copied and the dots drawn over it. */
  {
    HlPhoto *photo = NULL;
    g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
    g_autofree char *png = g_build_filename (dir, "photo.png", NULL);
    HlPngOptions po = { 0, NULL, 1 };
    cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 700);
    cairo_surface_t *layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 700);
    double zoom = 700.0 / H, ox = (1100 - W * zoom) / 2, t_full, t_cached;
    HlRenderOptions no_photo = opt;
    guint frames = 10;
    /* The same number of dots an editor frame would show of a 50k design. */
    gsize n_frame = MIN (dots->len, 50000);

    hl_png_write (base, png, &po, NULL);
    photo = hl_photo_load (png, NULL);
    hl_view_set_photo (view, "photo.png", NULL, W, H);

    t0 = now_s ();
    for (guint f = 0; f < frames; f++)
      hl_render_view (frame, zoom, ox, 0, photo, view, (HlDot *) (gpointer) dots->data, n_frame, &opt);
    t_full = (now_s () - t0) / frames;

    no_photo.show_photo = FALSE;
    opt.show_dots = FALSE;
    hl_render_view (layer, zoom, ox, 0, photo, view, NULL, 0, &opt);
    opt.show_dots = TRUE;
    t0 = now_s ();
    for (guint f = 0; f < frames; f++)
      {
        cr = cairo_create (frame);
        cairo_set_source_surface (cr, layer, 0, 0);
        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_paint (cr);
        cairo_destroy (cr);
        hl_render_view (frame, zoom, ox, 0, photo, view, (HlDot *) (gpointer) dots->data, n_frame, &no_photo);
      }
    t_cached = (now_s () - t0) / frames;

    printf ("editor frame 1100 × 700, 12 MP photo, %" G_GSIZE_FORMAT " dots: photo scaled each frame %.1f ms, "
            "cached photo layer %.1f ms\n", n_frame, t_full * 1e3, t_cached * 1e3);

    hl_photo_unref (photo);
    cairo_surface_destroy (frame);
    cairo_surface_destroy (layer);
    g_unlink (png);
    g_rmdir (dir);
  }

  sample_dots (0.0);
  fine_dots ();

  g_array_unref (dots);
  cairo_surface_destroy (base);
  cairo_surface_destroy (target);
  return 0;
}
