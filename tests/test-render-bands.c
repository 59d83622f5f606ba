/* test-render-bands.c: mockups drawn in bands of rows are the whole image,
 * pixel for pixel.
 *
 * Each case draws the sample design (its real portrait and the engine's
 * dots) once whole (hl_render_export()) and once band by band
 * (hl_render_export_rows()) with band heights that cut through dots, and
 * compares every pixel; the export path (hl_export_write(), streaming the
 * bands to libpng) is read back by gdk-pixbuf and compared with the whole
 * image too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-export.h"
#include "hl-render.h"
#include "hl-stippler.h"

typedef struct
{
  guint8 *data;       /* the rows gathered, 4 bytes a pixel */
  int     stride;
  int     height;
  int     next_row;   /* the row the next band must start at */
  guint   n_bands;
  gboolean in_order;
} Gathered;

static gboolean
gather (const guint8 *data,
        int           stride,
        int           row0,
        int           n_rows,
        gpointer      user_data)
{
  Gathered *g = user_data;

  if (row0 != g->next_row || row0 + n_rows > g->height)
    g->in_order = FALSE;
  else
    for (int y = 0; y < n_rows; y++)
      memcpy (g->data + (gsize) (row0 + y) * g->stride, data + (gsize) y * stride, (gsize) g->stride);
  g->next_row = row0 + n_rows;
  g->n_bands++;
  return TRUE;
}

typedef struct
{
  HlDesign *design;
  char     *path;
  HlPhoto  *photo;
  GArray   *dots;
} Sample;

static void
sample_load (Sample *s)
{
  g_autoptr(GError) error = NULL;

  s->path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  s->design = hl_design_load_from_file (s->path, &error);
  g_assert_no_error (error);
  s->photo = hl_export_load_view_photo (s->design, 0, s->path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  s->dots = hl_stipple_view (hl_design_get_view (s->design, 0), s->design->seed);
  g_assert_cmpuint (s->dots->len, >, 1000);
}

static void
sample_clear (Sample *s)
{
  g_clear_pointer (&s->design, hl_design_unref);
  g_clear_pointer (&s->photo, hl_photo_unref);
  g_clear_pointer (&s->dots, g_array_unref);
  g_clear_pointer (&s->path, g_free);
}

/* Pixels of @a and @b (RGB24, same size and stride) that differ. */
static gsize
count_differences (const guint8 *a,
                   const guint8 *b,
                   int           width,
                   int           height,
                   int           stride)
{
  gsize n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (a + (gsize) y * stride))[x] & 0xffffff;
        guint32 q = ((const guint32 *) (gconstpointer) (b + (gsize) y * stride))[x] & 0xffffff;

        if (p != q && n < 5)
          g_test_message ("pixel %d, %d: %06x, %06x", x, y, p, q);
        n += p != q;
      }
  return n;
}

/* How many of @dots, drawn at @scale, reach across a boundary between two
 * bands of @band_rows rows (their core radius alone, so surely). */
static guint
dots_across_bands (const Sample          *s,
                   const HlRenderOptions *options,
                   int                    band_rows)
{
  const HlView *view = hl_design_get_view (s->design, 0);
  double px_per_mm = options->scale / hl_view_get_mm_per_px (view, NULL);
  double oy = hl_rect_is_empty (options->crop) ? 0.0 : -floor (options->crop.y0) * options->scale;
  guint n = 0;

  for (guint i = 0; i < s->dots->len; i++)
    {
      const HlDot *d = &g_array_index (s->dots, HlDot, i);
      double cy = d->y * options->scale + oy, r = 0.5 * d->diameter_mm * px_per_mm;

      if (r >= 0.5 && floor ((cy - r) / band_rows) != floor ((cy + r) / band_rows))
        n++;
    }
  return n;
}

/* The whole image and the bands of @band_rows rows, compared. */
static void
check_bands (const Sample          *s,
             const HlRenderOptions *options,
             int                    band_rows,
             const char            *what)
{
  const HlView *view = hl_design_get_view (s->design, 0);
  cairo_surface_t *whole = hl_render_export (s->photo, view, (const HlDot *) (gconstpointer) s->dots->data,
                                             s->dots->len, options);
  int w = cairo_image_surface_get_width (whole), h = cairo_image_surface_get_height (whole);
  int stride = cairo_image_surface_get_stride (whole);
  Gathered g = { g_malloc0 ((gsize) stride * h), stride, h, 0, 0, TRUE };
  int ew, eh;
  gsize differ;

  g_assert_cmpint (cairo_surface_status (whole), ==, CAIRO_STATUS_SUCCESS);
  hl_render_export_size (s->photo, view, options, &ew, &eh);
  g_assert_cmpint (ew, ==, w);
  g_assert_cmpint (eh, ==, h);

  g_assert_true (hl_render_export_rows (s->photo, view, (const HlDot *) (gconstpointer) s->dots->data,
                                        s->dots->len, options, band_rows, gather, &g));
  g_assert_true (g.in_order);
  g_assert_cmpint (g.next_row, ==, h);
  if (band_rows > 0)
    g_assert_cmpuint (g.n_bands, ==, (guint) ((h + band_rows - 1) / band_rows));

  cairo_surface_flush (whole);
  differ = count_differences (cairo_image_surface_get_data (whole), g.data, w, h, stride);
  g_test_message ("%s, bands of %d rows: %d × %d, %u bands, %" G_GSIZE_FORMAT " pixels differ",
                  what, band_rows, w, h, g.n_bands, differ);
  g_assert_cmpuint (differ, ==, 0);

  g_free (g.data);
  cairo_surface_destroy (whole);
}

/* Every layout, stage, scale (below, at and above 1, whole and fractional),
 * mirror, crop and overlays: the same pixels in bands of 1, 7 and 64 rows
 * and in the export's own bands. */
static void
test_bands_equal_whole (void)
{
  Sample s = { 0 };
  const HlView *view;
  struct { HlLayout layout; HlStage stage; double scale; gboolean mirror, crop; HlOverlays overlays; } cases[] = {
    { HL_LAYOUT_AFTER, HL_STAGE_FRESH, 1.0, FALSE, FALSE, HL_OVERLAY_NONE },
    { HL_LAYOUT_AFTER, HL_STAGE_FRESH, 1.5, FALSE, FALSE, HL_OVERLAY_NONE },
    { HL_LAYOUT_AFTER, HL_STAGE_HEALED, 2.5, TRUE, TRUE, HL_OVERLAY_NONE },
    { HL_LAYOUT_AFTER, HL_STAGE_AGED, 0.6, FALSE, FALSE, HL_OVERLAY_ALL },
    { HL_LAYOUT_AFTER, HL_STAGE_FRESH, 0.3, FALSE, FALSE, HL_OVERLAY_NONE },
    { HL_LAYOUT_BEFORE_AFTER, HL_STAGE_FRESH, 1.7, TRUE, FALSE, HL_OVERLAY_NONE },
    { HL_LAYOUT_SPLIT, HL_STAGE_AGED, 2.0, FALSE, TRUE, HL_OVERLAY_ALL },
    { HL_LAYOUT_SPLIT, HL_STAGE_FRESH, 3.3, TRUE, FALSE, HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES },
  };
  int bands[] = { 7, 64, 0 };

  sample_load (&s);
  view = hl_design_get_view (s.design, 0);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
      {
        HlRenderOptions options;
        g_autofree char *what = g_strdup_printf ("case %u (layout %d, stage %d, scale %g)", c,
                                                 cases[c].layout, cases[c].stage, cases[c].scale);

        hl_render_options_init (&options);
        options.layout = cases[c].layout;
        options.stage = cases[c].stage;
        options.scale = cases[c].scale;
        options.mirror = cases[c].mirror;
        options.overlays = cases[c].overlays;
        options.split = 0.37;
        if (cases[c].crop)
          options.crop = hl_export_head_crop (view, s.photo, HL_EXPORT_CROP_MARGIN);
        check_bands (&s, &options, bands[b], what);
      }

  /* One row a band, where every dot crosses bands. */
  {
    HlRenderOptions options;

    hl_render_options_init (&options);
    options.scale = 1.25;
    check_bands (&s, &options, 1, "one row a band");
  }
  sample_clear (&s);
}

/* Large dots (scale 16, the largest: the sample's fresh dots are about
 * 3 px across, their halo more) in bands of 3 rows: most dots straddle a
 * band edge, and are drawn once, whole. The test would notice: the dots
 * change the image, and they do cross. */
static void
test_dots_across_bands (void)
{
  Sample s = { 0 };
  const HlView *view;
  HlRenderOptions options, bare;
  cairo_surface_t *with, *without;
  gsize changed;

  sample_load (&s);
  view = hl_design_get_view (s.design, 0);
  hl_render_options_init (&options);
  options.scale = 16.0;
  options.crop = hl_export_head_crop (view, s.photo, 0.0);
  options.crop.y1 = options.crop.y0 + 0.3 * (options.crop.y1 - options.crop.y0);
  options.mark = NULL;
  g_assert_cmpuint (dots_across_bands (&s, &options, 3), >, 500);
  check_bands (&s, &options, 3, "scale 16");

  /* The dots show: without them, many pixels change. */
  bare = options;
  bare.show_dots = FALSE;
  with = hl_render_export (s.photo, view, (const HlDot *) (gconstpointer) s.dots->data, s.dots->len, &options);
  without = hl_render_export (s.photo, view, NULL, 0, &bare);
  cairo_surface_flush (with);
  cairo_surface_flush (without);
  changed = count_differences (cairo_image_surface_get_data (with), cairo_image_surface_get_data (without),
                               cairo_image_surface_get_width (with), cairo_image_surface_get_height (with),
                               cairo_image_surface_get_stride (with));
  g_test_message ("dots change %" G_GSIZE_FORMAT " pixels", changed);
  g_assert_cmpuint (changed, >, 10000);
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  sample_clear (&s);
}

typedef struct
{
  guint writing;      /* progress calls while the PNG is written */
  double last;
} Progress;

static void
on_progress (double      fraction,
             const char *step,
             gpointer    user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  if (g_str_equal (step, "Writing the PNG file"))
    p->writing++;
}

/* hl_export_write() streams bands to libpng: the file, read back by
 * gdk-pixbuf, is the whole image; progress comes once per band. */
static void
test_export_file_equals_whole (void)
{
  Sample s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-bands-XXXXXX", &error);
  struct { HlLayout layout; double scale; } cases[] = {
    { HL_LAYOUT_AFTER, 6.0 },
    { HL_LAYOUT_BEFORE_AFTER, 2.5 },
    { HL_LAYOUT_SPLIT, 1.0 },
  };

  g_assert_no_error (error);
  sample_load (&s);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *png = g_strdup_printf ("%s/m%u.png", dir, c);
      g_autoptr(GdkPixbuf) pb = NULL;
      Progress progress = { 0, 0.0 };
      HlExportOptions options;
      cairo_surface_t *whole;
      const guint8 *data, *pixels;
      int w, h, stride, rowstride, channels;
      gsize differ = 0;

      hl_export_options_init (&options, HL_EXPORT_MOCKUP);
      options.render.layout = cases[c].layout;
      options.render.scale = cases[c].scale;
      g_assert_true (hl_export_write (s.design, s.path, png, &options, NULL, on_progress, &progress, NULL, &error));
      g_assert_no_error (error);

      whole = hl_render_export (s.photo, hl_design_get_view (s.design, 0),
                                (const HlDot *) (gconstpointer) s.dots->data, s.dots->len, &options.render);
      cairo_surface_flush (whole);
      w = cairo_image_surface_get_width (whole);
      h = cairo_image_surface_get_height (whole);
      stride = cairo_image_surface_get_stride (whole);
      data = cairo_image_surface_get_data (whole);

      /* Read back by gdk-pixbuf, not by our writer's code. */
      pb = gdk_pixbuf_new_from_file (png, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pb), ==, w);
      g_assert_cmpint (gdk_pixbuf_get_height (pb), ==, h);
      pixels = gdk_pixbuf_read_pixels (pb);
      rowstride = gdk_pixbuf_get_rowstride (pb);
      channels = gdk_pixbuf_get_n_channels (pb);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 p = ((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x];
            const guint8 *q = pixels + (gsize) y * rowstride + (gsize) x * channels;

            differ += q[0] != ((p >> 16) & 0xff) || q[1] != ((p >> 8) & 0xff) || q[2] != (p & 0xff);
          }
      g_test_message ("export %u: %d × %d, %u bands written, %" G_GSIZE_FORMAT " pixels differ",
                      c, w, h, progress.writing, differ);
      g_assert_cmpuint (differ, ==, 0);
      /* 16 MB bands: a 2970 px wide image takes three. */
      if (c == 0)
        g_assert_cmpuint (progress.writing, >=, 2);
      g_assert_cmpuint (progress.writing, >=, 1);

      cairo_surface_destroy (whole);
      g_unlink (png);
    }
  g_rmdir (dir);
  sample_clear (&s);
}

typedef struct
{
  GCancellable *cancellable;
  guint         writing;
  char         *dir;
  gboolean      temp_seen;   /* a temporary file was there when stopped */
} StopAt;

static void
stop_at_second_band (double      fraction,
                     const char *step,
                     gpointer    user_data)
{
  StopAt *stop = user_data;

  if (g_str_equal (step, "Writing the PNG file") && ++stop->writing == 2)
    {
      g_autoptr(GDir) d = g_dir_open (stop->dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (d)) != NULL)
        stop->temp_seen |= strstr (name, ".hl-tmp-") != NULL;
      g_cancellable_cancel (stop->cancellable);
    }
}

/* Stop between bands: nothing written, no temporary file left, the old
 * file untouched. */
static void
test_stop_between_bands (void)
{
  Sample s = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-bands-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "m.png", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GDir) d = NULL;
  StopAt stop = { g_cancellable_new (), 0, dir, FALSE };
  HlExportOptions options;

  sample_load (&s);
  g_assert_true (g_file_set_contents (png, "old", 3, NULL));
  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  options.render.scale = 6.0;
  g_assert_false (hl_export_write (s.design, s.path, png, &options, NULL, stop_at_second_band, &stop,
                                   stop.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (stop.writing, ==, 2);
  g_assert_true (stop.temp_seen);
  g_assert_true (g_file_get_contents (png, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old");
  d = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "m.png");
  g_assert_null (g_dir_read_name (d));

  g_object_unref (stop.cancellable);
  g_unlink (png);
  g_rmdir (dir);
  sample_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-bands/bands-equal-whole", test_bands_equal_whole);
  g_test_add_func ("/render-bands/dots-across-bands", test_dots_across_bands);
  g_test_add_func ("/render-bands/export-file-equals-whole", test_export_file_equals_whole);
  g_test_add_func ("/render-bands/stop-between-bands", test_stop_between_bands);

  return g_test_run ();
}
