/* test-render-photo.c: a large photo drawn small by area
 * (hl-render-photo.c) against the same copy drawn through cairo's "good"
 * filter, the way hl_render_view() drew it before; a view of the photo
 * prepared ahead (hl_photo_prepare_view()) copied instead of scaled, with
 * the same pixels; and the SHA-256 of a photo file large enough to be
 * hashed while it decodes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>

#include "hl-photo.h"
#include "hl-render.h"
#include "hl-render-private.h"
#include "hl-rng.h"

#define PW 1800
#define PH 1200
#define TW 640
#define TH 480
#define GREY 0xff2b2b2bu

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  return ((guint32 *) (gpointer) (cairo_image_surface_get_data (s) + (gsize) y * cairo_image_surface_get_stride (s)))[x];
}

/* A photo-like picture: gradients, noise of ±24 levels, 1 px stripes in a
 * band (what a filter must average, not skip) and a sharp dark disc. */
static HlPhoto *
make_photo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "photo.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PW, PH);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  HlPhoto *photo;
  HlRng rng;

  hl_rng_init (&rng, 3);
  for (int y = 0; y < PH; y++)
    for (int x = 0; x < PW; x++)
      {
        guint8 *px = pixels + (gsize) y * stride + x * 3;
        int n = (int) (hl_rng_next (&rng) % 49) - 24;
        double d = hypot (x - 1200.0, y - 500.0);

        px[0] = (guint8) CLAMP (60 + x * 150 / PW + n, 0, 255);
        px[1] = (guint8) CLAMP (40 + y * 180 / PH + n, 0, 255);
        px[2] = (guint8) CLAMP (120 + n, 0, 255);
        if (y > 300 && y < 500)
          px[2] = (x & 1) ? 250 : 10;
        if (d < 150)
          px[0] = px[1] = px[2] = 20;
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  photo = hl_photo_load (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return photo;
}

static cairo_surface_t *
grey_target (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TW, TH);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 0x2b / 255.0, 0x2b / 255.0, 0x2b / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

/* The photo at @scale, offset (@dx, @dy), as hl_render_view() drew it
 * through cairo: the same halved copy, the "good" filter, padded, the
 * photo's rectangle filled. */
static cairo_surface_t *
through_cairo (HlPhoto *photo,
               double   scale,
               double   dx,
               double   dy)
{
  cairo_surface_t *s = grey_target ();
  double level_scale;
  cairo_surface_t *source = hl_photo_get_surface_for_scale (photo, scale, &level_scale);
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (source);
  cairo_matrix_t to_level;
  cairo_t *cr = cairo_create (s);

  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  cairo_matrix_init_scale (&to_level, level_scale, level_scale);
  cairo_pattern_set_matrix (pattern, &to_level);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_rectangle (cr, 0, 0, PW, PH);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static cairo_surface_t *
through_renderer (HlPhoto *photo,
                  double   scale,
                  double   dx,
                  double   dy)
{
  cairo_surface_t *s = grey_target ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlRenderOptions options;

  hl_render_options_init (&options);
  options.show_dots = FALSE;
  hl_render_view (s, scale, dx, dy, photo, view, NULL, 0, &options);
  cairo_surface_flush (s);
  return s;
}

/* Largest and mean channel difference of @a and @b over all pixels, and
 * over the pixels inside the photo's rectangle shrunk by 2 px. */
static void
compare (cairo_surface_t *a,
         cairo_surface_t *b,
         double           scale,
         double           dx,
         double           dy,
         double          *worst,
         double          *mean,
         double          *worst_edge)
{
  double sum = 0;
  gsize n = 0;

  *worst = *worst_edge = 0;
  for (int y = 0; y < TH; y++)
    for (int x = 0; x < TW; x++)
      {
        guint32 p = pixel (a, x, y), q = pixel (b, x, y);
        gboolean inside = x >= dx + 2 && x < dx + PW * scale - 2 && y >= dy + 2 && y < dy + PH * scale - 2;

        for (int c = 0; c < 4; c++)
          {
            double d = fabs ((double) ((p >> (8 * c)) & 0xff) - (double) ((q >> (8 * c)) & 0xff));

            if (inside)
              *worst = MAX (*worst, d);
            else
              *worst_edge = MAX (*worst_edge, d);
            sum += d;
            n++;
          }
      }
  *mean = sum / n;
}

/* Scales where the copy is drawn at 1/2 to 3/4 of its size (the case
 * drawn by area), with fractional offsets that put the photo's edges
 * inside the target and past it, on noise of ±24 levels and 1 px stripes:
 * the picture is cairo's within rounding. */
static void
test_by_area_matches_cairo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-render-photo-XXXXXX", NULL);
  g_autoptr(HlPhoto) photo = make_photo (dir);
  static const struct { double scale, dx, dy; } cases[] = {
    { 0.30, 20.25, 10.5 },    /* copy 1/2, drawn at 0.60 */
    { 0.26, 100.7, 33.3 },    /* 0.52 */
    { 0.37, -40.4, -20.6 },   /* 0.74: edges past the target */
    { 0.14, 300.5, 200.125 }, /* copy 1/4, drawn at 0.56 */
    { 0.09, 0.0, 0.0 },       /* copy 1/8, drawn at 0.72 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double scale = cases[i].scale, dx = cases[i].dx, dy = cases[i].dy;
      cairo_surface_t *old = through_cairo (photo, scale, dx, dy);
      cairo_surface_t *now = through_renderer (photo, scale, dx, dy);
      double worst, mean, worst_edge;

      compare (old, now, scale, dx, dy, &worst, &mean, &worst_edge);
      g_test_message ("scale %.2f: largest channel difference %.0f inside, %.0f at the edges; mean %.3f",
                      scale, worst, worst_edge, mean);
      /* Tolerance: rounding. Measured: at most 1 level inside and 2 at
       * the photo's antialiased edges, a mean under 0.01. */
      g_assert_cmpfloat (mean, <=, 0.05);
      g_assert_cmpfloat (worst, <=, 2.0);
      g_assert_cmpfloat (worst_edge, <=, 3.0);
      cairo_surface_destroy (old);
      cairo_surface_destroy (now);
    }

  /* Beyond the photo, the target is untouched. */
  {
    cairo_surface_t *now = through_renderer (photo, 0.3, 100.5, 50.5);

    g_assert_cmphex (pixel (now, 50, 20), ==, GREY);
    g_assert_cmphex (pixel (now, 99, 300), ==, GREY);
    g_assert_cmphex (pixel (now, 100 + (int) (PW * 0.3) + 2, 300), ==, GREY);
    /* The dark disc is dark, the stripes average to mid-blue. */
    g_assert_cmpuint (pixel (now, 100 + 360, 50 + 150) & 0xff, <, 40);
    g_assert_cmpuint (pixel (now, 100 + 100, 50 + 120) & 0xff, >, 100);
    g_assert_cmpuint (pixel (now, 100 + 100, 50 + 120) & 0xff, <, 160);
    cairo_surface_destroy (now);
  }
  g_rmdir (dir);
}

/* A photo wholly outside the target leaves it as it was. */
static void
test_by_area_outside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-render-photo-XXXXXX", NULL);
  g_autoptr(HlPhoto) photo = make_photo (dir);
  cairo_surface_t *now = through_renderer (photo, 0.3, TW + 10.5, 0);

  for (int y = 0; y < TH; y += 7)
    for (int x = 0; x < TW; x += 7)
      g_assert_cmphex (pixel (now, x, y), ==, GREY);
  cairo_surface_destroy (now);
  g_rmdir (dir);
}

/* A view prepared for a scale and an offset: hl_render_view() at that
 * scale, at offsets with the same fractions of a pixel (the whole pixels
 * may differ), copies it instead of scaling the photo, and draws what
 * scaling would have drawn within rounding (the photo's antialiased
 * edges blended once ahead and once over the target); at another scale
 * or another fraction it scales as before. Cases: the copy drawn by area
 * (scale 0.30 and 0.14), through cairo's bilinear filter (0.45), edges
 * past the target. */
static void
test_prepared_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-render-photo-XXXXXX", NULL);
  static const struct { double scale, dx, dy, at_dx, at_dy; } cases[] = {
    { 0.30, 20.25, 10.5, 20.25, 10.5 },
    { 0.30, 20.25, 10.5, 57.25, -3.5 },      /* moved by whole pixels */
    { 0.14, 300.5, 200.125, 300.5, 200.125 },
    { 0.45, 0.75, 0.375, -90.25, -60.625 },  /* edges past the target */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlPhoto) photo = make_photo (dir);
      double scale = cases[i].scale, dx = cases[i].at_dx, dy = cases[i].at_dy;
      cairo_surface_t *scaled = through_renderer (photo, scale, dx, dy);
      cairo_surface_t *copied;
      guint copies, scalings, copies_after, scalings_after;
      double worst, mean, worst_edge;

      hl_photo_prepare_view (photo, scale, cases[i].dx, cases[i].dy);
      hl_render_photo_get_counts (&copies, &scalings);
      copied = through_renderer (photo, scale, dx, dy);
      hl_render_photo_get_counts (&copies_after, &scalings_after);
      g_assert_cmpuint (copies_after, ==, copies + 1);
      g_assert_cmpuint (scalings_after, ==, scalings);

      compare (scaled, copied, scale, dx, dy, &worst, &mean, &worst_edge);
      g_test_message ("scale %.2f at %.2f, %.2f: largest channel difference %.0f inside, %.0f at the edges; "
                      "mean %.4f", scale, dx, dy, worst, worst_edge, mean);
      /* Inside the photo, by area, the very pixels; through cairo's
       * bilinear filter, whose fixed-point sample positions depend on
       * the whole offset too, at most 1 level apart. At its edges, a
       * second rounding of the coverage: measured at most 1 level. */
      g_assert_cmpfloat (worst, <=, scale < 0.375 ? 0.0 : 1.0);
      g_assert_cmpfloat (worst_edge, <=, 2.0);
      g_assert_cmpfloat (mean, <=, 0.01);
      /* Beyond the photo, the target is untouched. */
      if (dx >= 1)
        g_assert_cmphex (pixel (copied, (int) dx - 1, TH / 2), ==, GREY);
      cairo_surface_destroy (scaled);
      cairo_surface_destroy (copied);

      /* Another fraction of a pixel, or another scale: scaled. */
      scaled = through_renderer (photo, scale, dx + 0.5, dy);
      cairo_surface_destroy (scaled);
      scaled = through_renderer (photo, scale * 1.01, dx, dy);
      cairo_surface_destroy (scaled);
      hl_render_photo_get_counts (&copies, &scalings);
      g_assert_cmpuint (copies, ==, copies_after);
      g_assert_cmpuint (scalings, ==, scalings_after + 2);
    }

  /* Nothing is prepared at full size or above, nor larger than a window
   * can be. */
  {
    g_autoptr(HlPhoto) photo = make_photo (dir);
    cairo_surface_t *view;
    int x, y;

    hl_photo_prepare_view (photo, 1.0, 0, 0);
    g_assert_null (hl_photo_ref_view (photo, 1.0, 0, 0, &x, &y));
    hl_photo_prepare_view (photo, 0.5, 3.25, 4.5);
    view = hl_photo_ref_view (photo, 0.5, 10.25, -1.5, &x, &y);
    g_assert_nonnull (view);
    g_assert_cmpint (x, ==, 10);
    g_assert_cmpint (y, ==, -2);
    g_assert_cmpint (cairo_image_surface_get_width (view), ==, (int) ceil (0.25 + PW * 0.5));
    g_assert_cmpint (cairo_image_surface_get_height (view), ==, (int) ceil (0.5 + PH * 0.5));
    cairo_surface_destroy (view);
  }
  g_rmdir (dir);
}

/* A file over 1 MB is hashed on a thread of its own while it decodes:
 * the photo's SHA-256 is still that of the file's bytes, loaded from the
 * file and from memory. */
static void
test_hash_of_large_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-render-photo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 900);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(HlPhoto) from_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  gsize length;
  HlRng rng;

  /* Noise: deflate keeps it near 3 bytes a pixel. */
  hl_rng_init (&rng, 9);
  for (gsize i = 0; i < (gsize) gdk_pixbuf_get_rowstride (pixbuf) * 900; i++)
    pixels[i] = (guint8) hl_rng_next (&rng);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1u << 20);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  photo = hl_photo_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_photo_get_sha256 (photo), ==, sha);
  bytes = g_bytes_new (contents, length);
  from_bytes = hl_photo_load_bytes (bytes, "large.png", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_photo_get_sha256 (from_bytes), ==, sha);

  /* A broken file of that size: refused, the hash's thread joined. */
  contents[length / 2] ^= 0xff;
  contents[length / 2 + 1] ^= 0xff;
  g_assert_true (g_file_set_contents (path, contents, (gssize) (length - length / 3), &error));
  g_clear_pointer (&photo, hl_photo_unref);
  photo = hl_photo_load (path, &error);
  g_assert_null (photo);
  g_assert_nonnull (error);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render-photo/by-area-matches-cairo", test_by_area_matches_cairo);
  g_test_add_func ("/render-photo/by-area-outside", test_by_area_outside);
  g_test_add_func ("/render-photo/prepared-view", test_prepared_view);
  g_test_add_func ("/render-photo/hash-of-large-file", test_hash_of_large_file);
  return g_test_run ();
}
