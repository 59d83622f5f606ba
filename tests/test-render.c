/* test-render.c: photos in, pixels and files out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "hl-error.h"
#include "hl-photo.h"
#include "hl-png-writer.h"
#include "hl-render.h"
#include "hl-test-util.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("HL_TEST_DATA_DIR"), name, NULL);
}

static char *tmpdir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  cairo_surface_flush (s);
  return ((guint32 *) (gpointer) (cairo_image_surface_get_data (s) + (gsize) y * cairo_image_surface_get_stride (s)))[x];
}

#define R(p) (((p) >> 16) & 0xff)
#define G(p) (((p) >> 8) & 0xff)
#define B(p) ((p) & 0xff)

static void
test_photo_orientation (void)
{
  g_autofree char *path = fixture ("orient6.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = hl_photo_load (path, &error);
  guint32 top, bottom;

  g_assert_no_error (error);
  /* Stored 40 × 20; upright 20 × 40, red on top, blue below. */
  g_assert_cmpint (hl_photo_get_width (photo), ==, 20);
  g_assert_cmpint (hl_photo_get_height (photo), ==, 40);
  top = pixel (hl_photo_get_surface (photo), 10, 5);
  bottom = pixel (hl_photo_get_surface (photo), 10, 34);
  g_assert_cmpuint (R (top), >, 200);
  g_assert_cmpuint (B (top), <, 60);
  g_assert_cmpuint (B (bottom), >, 200);
  g_assert_cmpuint (R (bottom), <, 60);
  g_assert_cmpuint (strlen (hl_photo_get_sha256 (photo)), ==, 64);
}

static void
test_photo_webp (void)
{
  g_autofree char *path = fixture ("green.webp");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  gboolean have_loader = FALSE;
  GSList *formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *format = gdk_pixbuf_format_get_name (l->data);

      have_loader |= g_strcmp0 (format, "webp") == 0;
    }
  g_slist_free (formats);
  if (!have_loader)
    {
      g_test_skip ("no WebP loader for gdk-pixbuf is installed");
      return;
    }

  photo = hl_photo_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_photo_get_width (photo), ==, 24);
  g_assert_cmpint (hl_photo_get_height (photo), ==, 16);
  g_assert_cmpuint (G (pixel (hl_photo_get_surface (photo), 12, 8)), >, 100);
  g_assert_cmpuint (R (pixel (hl_photo_get_surface (photo), 12, 8)), <, 40);
}

static void
test_photo_refusals (void)
{
  struct { const char *name; const char *message; } cases[] = {
    { "huge-header.png", "the limit is 100 MP" },
    { "truncated.jpg", "cannot be read as a photo" },
    { "notaphoto.jpg", "not a photo this system can read" },
    { "missing.jpg", "photo not found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlPhoto) photo = hl_photo_load (path, &error);

      g_test_message ("%s: %s", cases[i].name, error != NULL ? error->message : "(loaded)");
      g_assert_null (photo);
      g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_photo_paths (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  g_autoptr(HlDesign) absolute = NULL;
  g_autoptr(HlDesign) moved = NULL;
  g_autoptr(HlDesign) beside = NULL;
  g_autofree char *rel = hl_photo_relative_path ("/a/b/design.json", "/a/b/photos/front.jpg");
  g_autofree char *outside = hl_photo_relative_path ("/a/b/design.json", "/c/front.jpg");

  g_assert_cmpstr (rel, ==, "photos/front.jpg");
  g_assert_cmpstr (outside, ==, "/c/front.jpg");

  hl_view_set_photo (view, "photos/front.jpg", NULL, 10, 10);
  hl_design_append_view (design, view);

  absolute = hl_design_rebase_photos (design, "/a/b/design.json", NULL);
  g_assert_cmpstr (hl_design_get_view (absolute, 0)->photo.path, ==, "/a/b/photos/front.jpg");
  moved = hl_design_rebase_photos (design, "/a/b/design.json", "/a/other/design.json");
  g_assert_cmpstr (hl_design_get_view (moved, 0)->photo.path, ==, "/a/b/photos/front.jpg");
  beside = hl_design_rebase_photos (absolute, NULL, "/a/b/photos/d.json");
  g_assert_cmpstr (hl_design_get_view (beside, 0)->photo.path, ==, "front.jpg");
  /* The original is untouched (designs are immutable values). */
  g_assert_cmpstr (hl_design_get_view (design, 0)->photo.path, ==, "photos/front.jpg");
}

static void
test_photo_changed (void)
{
  g_autofree char *path = fixture ("gps.jpg");
  g_autoptr(HlPhoto) photo = hl_photo_load (path, NULL);
  HlPhotoRef same = { NULL, NULL, 32, 24 };
  HlPhotoRef other = { NULL, (char *) "0000000000000000000000000000000000000000000000000000000000000000", 32, 24 };
  HlPhotoRef resized = { NULL, NULL, 64, 48 };
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = hl_photo_resolve_path ("/a/b/design.json", "photos/front.jpg");

  g_assert_nonnull (photo);
  same.sha256 = (char *) hl_photo_get_sha256 (photo);
  g_assert_true (hl_photo_matches (photo, &same, NULL));
  g_assert_false (hl_photo_matches (photo, &other, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_clear_error (&error);
  g_assert_false (hl_photo_matches (photo, &resized, &error));
  g_assert_cmpstr (resolved, ==, "/a/b/photos/front.jpg");
}

/* A view 200 × 100 px at 0.1 mm/px with no photo, no zones. */
static HlView *
bare_view (void)
{
  HlView *view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.1, 0.0 };

  hl_view_set_calibration (view, &cal);
  hl_view_set_photo (view, "none.jpg", NULL, 200, 100);
  return view;
}

static cairo_surface_t *
solid (int     w,
       int     h,
       double  grey)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

static void
test_multiply_blend (void)
{
  g_autoptr(HlView) view = bare_view ();
  HlRenderOptions opt;
  /* A 1 mm dot: 10 px wide at scale 1. */
  HlDot dot = { 50.5f, 50.5f, 1.0f, { 0x40, 0x20, 0x10 }, 0, 0 };
  cairo_surface_t *white, *black;
  guint32 p;

  hl_render_options_init (&opt);

  /* Over white, the dot's own shade (opacity 0.95). The photo is drawn
   * first, so a missing photo paints the neutral background: render dots
   * on a prepared surface by skipping the background. */
  white = solid (100, 100, 1.0);
  black = solid (100, 100, 0.0);
  {
    /* hl_render_view paints the background; use a photo-less view whose
     * size is 0 × 0 so only the dots are drawn. */
    g_autoptr(HlView) tiny = hl_view_new ("t");
    HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.1, 0.0 };

    hl_view_set_calibration (tiny, &cal);
    hl_view_set_photo (tiny, "x", NULL, 1, 1);
    hl_render_view (white, 1.0, 0, 0, NULL, tiny, &dot, 1, &opt);
    hl_render_view (black, 1.0, 0, 0, NULL, tiny, &dot, 1, &opt);
  }

  p = pixel (white, 50, 50);
  g_test_message ("dot over white: %02x %02x %02x", R (p), G (p), B (p));
  g_assert_cmpint (abs ((int) R (p) - (0x40 + (int) (0.05 * (255 - 0x40)))), <=, 2);
  g_assert_cmpint (abs ((int) G (p) - (0x20 + (int) (0.05 * (255 - 0x20)))), <=, 2);
  g_assert_cmpint (abs ((int) B (p) - (0x10 + (int) (0.05 * (255 - 0x10)))), <=, 2);
  /* Outside the dot, untouched. */
  g_assert_cmpuint (pixel (white, 80, 80) & 0xffffff, ==, 0xffffff);
  /* Over black, multiply keeps black. */
  g_assert_cmpuint (pixel (black, 50, 50) & 0xffffff, ==, 0);

  cairo_surface_destroy (white);
  cairo_surface_destroy (black);
}

/* Mean darkness (255 − grey) the dots add over a white surface. */
static double
darkness (HlStage  stage,
          double  *blue_minus_red)
{
  g_autoptr(HlView) view = hl_view_new ("t");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.05, 0.0 };
  HlRenderOptions opt;
  cairo_surface_t *s = solid (200, 200, 1.0);
  GArray *dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  double sum = 0, bmr = 0;

  hl_view_set_calibration (view, &cal);
  hl_view_set_photo (view, "x", NULL, 1, 1);
  for (int y = 10; y < 200; y += 12)
    for (int x = 10; x < 200; x += 12)
      {
        HlDot d = { x + 0.3f, y + 0.7f, 0.25f, { 0x30, 0x30, 0x30 }, 0, 0 };

        g_array_append_val (dots, d);
      }
  hl_render_options_init (&opt);
  opt.stage = stage;
  hl_render_view (s, 1.0, 0, 0, NULL, view, (HlDot *) (gpointer) dots->data, dots->len, &opt);

  for (int y = 2; y < 200; y++)
    for (int x = 0; x < 200; x++)
      {
        guint32 p = pixel (s, x, y);

        sum += 765 - (R (p) + G (p) + B (p));
        bmr += (double) B (p) - R (p);
      }

  g_array_unref (dots);
  cairo_surface_destroy (s);
  *blue_minus_red = bmr;
  return sum / 3;
}

static void
test_stages (void)
{
  double bmr_fresh, bmr_healed, bmr_aged;
  double fresh = darkness (HL_STAGE_FRESH, &bmr_fresh);
  double healed = darkness (HL_STAGE_HEALED, &bmr_healed);
  double aged = darkness (HL_STAGE_AGED, &bmr_aged);

  g_test_message ("darkness fresh %.0f, healed %.0f, aged %.0f; blue − red: %.0f, %.0f, %.0f",
                  fresh, healed, aged, bmr_fresh, bmr_healed, bmr_aged);
  g_assert_cmpfloat (fresh, >, 0);
  /* Healed: half the diameter (a quarter of the area) and lighter. */
  g_assert_cmpfloat (healed, <, fresh * 0.4);
  g_assert_cmpfloat (aged, <, fresh * 0.5);
  /* Aged: a faint blue-grey cast; fresh and healed are neutral. */
  g_assert_cmpfloat (fabs (bmr_fresh), <, 1);
  g_assert_cmpfloat (bmr_aged, >, 50);
}

/* One hand-placed dot of @diameter_mm on white, drawn at @scale on a view
 * of 0.1 mm/px (a head chart's): the surface (transfer full). */
static cairo_surface_t *
one_dot (HlStage stage,
         double  diameter_mm,
         double  scale,
         float   x,
         float   y,
         int     size)
{
  g_autoptr(HlView) view = bare_view ();
  HlDot dot = { x, y, (float) diameter_mm, { 0x30, 0x30, 0x30 }, 0, HL_DOT_MANUAL };
  cairo_surface_t *s = solid (size, size, 1.0);
  HlRenderOptions opt;

  hl_render_options_init (&opt);
  opt.stage = stage;
  opt.show_photo = FALSE;
  hl_render_view (s, scale, 0, 0, NULL, view, &dot, 1, &opt);
  return s;
}

typedef struct
{
  double peak;    /* largest darkening, 0–255 */
  double total;   /* sum of darkening over the image */
  guint  core;    /* pixels darkened by ≥ 90 % of the peak */
  guint  band;    /* pixels darkened by 10–90 % of the peak */
  double bmr;     /* Σ (blue − red) */
} Profile;

static Profile
measure (cairo_surface_t *s)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  Profile p = { 0 };

  for (int pass = 0; pass < 2; pass++)
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        {
          guint32 q = pixel (s, x, y);
          double d = 255.0 - (R (q) + G (q) + B (q)) / 3.0;

          if (pass == 0)
            {
              p.peak = MAX (p.peak, d);
              p.total += d;
              p.bmr += (double) B (q) - R (q);
            }
          else if (d >= 0.9 * p.peak)
            p.core++;
          else if (d >= 0.1 * p.peak)
            p.band++;
        }
  return p;
}

static void
save_png (cairo_surface_t *s,
          const char      *name)
{
  const char *dir = g_getenv ("HL_TEST_PNG_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (hl_png_write (s, path, NULL, NULL));
    }
}

/* A 0.15 mm dot at scale 16 (0.1 mm/px): a healed dot is soft-edged, not a
 * disc with a one-pixel rim; an aged one softer still; a fresh one is the
 * darkest and the most compact. */
static void
test_pigment_profile (void)
{
  Profile p[3];

  for (int st = HL_STAGE_FRESH; st <= HL_STAGE_AGED; st++)
    {
      cairo_surface_t *s = one_dot ((HlStage) st, 0.15, 16.0, 10.3f, 10.6f, 330);
      g_autofree char *name = g_strdup_printf ("dot-%s-16x.png", hl_stage_to_string ((HlStage) st));

      save_png (s, name);
      p[st] = measure (s);
      g_test_message ("%s: peak %.0f, core %u px, band %u px (%.2f× the core), total %.0f, blue − red %.0f",
                      hl_stage_to_string ((HlStage) st), p[st].peak, p[st].core, p[st].band,
                      (double) p[st].band / MAX (1, p[st].core), p[st].total, p[st].bmr);
      cairo_surface_destroy (s);
    }

  g_assert_cmpuint (p[HL_STAGE_HEALED].core, >, 0);
  g_assert_cmpfloat ((double) p[HL_STAGE_HEALED].band, >=, 0.6 * p[HL_STAGE_HEALED].core);
  g_assert_cmpuint (p[HL_STAGE_AGED].core, >, 0);
  g_assert_cmpfloat ((double) p[HL_STAGE_AGED].band, >=, 1.0 * p[HL_STAGE_AGED].core);
  /* Fresh: the darkest, and the sharpest edge. */
  g_assert_cmpfloat (p[HL_STAGE_FRESH].peak, >, p[HL_STAGE_HEALED].peak);
  g_assert_cmpfloat (p[HL_STAGE_FRESH].peak, >, p[HL_STAGE_AGED].peak);
  g_assert_cmpfloat ((double) p[HL_STAGE_FRESH].band / p[HL_STAGE_FRESH].core, <,
                     (double) p[HL_STAGE_HEALED].band / p[HL_STAGE_HEALED].core);
  g_assert_cmpfloat ((double) p[HL_STAGE_HEALED].band / p[HL_STAGE_HEALED].core, <,
                     (double) p[HL_STAGE_AGED].band / p[HL_STAGE_AGED].core);
  /* Aged pigment takes a blue-grey cast; fresh and healed stay neutral. */
  g_assert_cmpfloat (fabs (p[HL_STAGE_FRESH].bmr), <, 1);
  g_assert_cmpfloat (fabs (p[HL_STAGE_HEALED].bmr), <, 1);
  g_assert_cmpfloat (p[HL_STAGE_AGED].bmr, >, 100);
}

/* Dots are irregular in size and outline, but each dot is always the same:
 * rendering twice gives the same pixels, and the irregularity comes from
 * the dot's position, not from a random generator. */
static void
test_pigment_irregular (void)
{
  double totals[12];
  double mean = 0, var = 0;
  guint differ = 0;

  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    {
      float x = 10.0f + k * 0.173f, y = 10.0f + k * 0.291f;
      cairo_surface_t *a = one_dot (HL_STAGE_HEALED, 0.25, 16.0, x, y, 330);
      cairo_surface_t *b = one_dot (HL_STAGE_HEALED, 0.25, 16.0, x, y, 330);
      cairo_surface_t *c = k > 0 ? one_dot (HL_STAGE_HEALED, 0.25, 16.0, 10.0f, 10.0f, 330) : NULL;

      g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                               (gsize) cairo_image_surface_get_stride (a) * 330), ==, 0);
      totals[k] = measure (a).total;
      mean += totals[k] / G_N_ELEMENTS (totals);
      if (c != NULL)
        {
          /* Shift by the whole-pixel part: the same dot elsewhere differs
           * in outline or size. */
          differ += totals[k] != measure (c).total;
          cairo_surface_destroy (c);
        }
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  for (guint k = 0; k < G_N_ELEMENTS (totals); k++)
    var += (totals[k] - mean) * (totals[k] - mean) / G_N_ELEMENTS (totals);
  g_test_message ("healed 0.25 mm dots: total darkening mean %.0f, sd %.1f %%", mean, 100 * sqrt (var) / mean);
  /* Sizes vary by a few per cent (±7 % in diameter), no more. */
  g_assert_cmpfloat (sqrt (var) / mean, >, 0.02);
  g_assert_cmpfloat (sqrt (var) / mean, <, 0.15);
  g_assert_cmpuint (differ, >=, 8);
}

/* A dot darkens the skin by the same total at every zoom, from well under a
 * pixel wide to 64 px wide, so a mockup's overall shade does not depend on
 * its scale. */
static void
test_pigment_zoom (void)
{
  static const double scales[] = { 16.0, 4.0, 2.0, 1.0, 0.5, 0.25 };

  for (int st = HL_STAGE_FRESH; st <= HL_STAGE_AGED; st++)
    {
      double ref = 0;

      for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
        {
          double sc = scales[k];
          int size = (int) ceil (20 * sc) + 4;
          cairo_surface_t *s = one_dot ((HlStage) st, 0.25, sc, 10.37f, 10.61f, size);
          double t = measure (s).total / (sc * sc);

          if (k == 0)
            ref = t;
          g_test_message ("%s at %.2f×: %.1f per image px² (%.3f of 16×)", hl_stage_to_string ((HlStage) st),
                          sc, t, t / ref);
          g_assert_cmpfloat (fabs (t / ref - 1.0), <, 0.08);
          cairo_surface_destroy (s);
        }
    }
}

/* A fixed synthetic scene, rendered and compared with the stored image. */
static cairo_surface_t *
golden_scene_with (guint    sessions,
                   gboolean mirror)
{
  g_autoptr(HlView) view = bare_view ();
  HlPoint h[] = { { 20, 70 }, { 100, 40 }, { 180, 70 } };
  HlPoint z[] = { { 10, 10 }, { 190, 10 }, { 190, 80 }, { 10, 80 } };
  g_autoptr(HlCurve) hair = hl_curve_new (h, 3, FALSE);
  g_autoptr(HlCurve) outline = hl_curve_new (z, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  GArray *dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  HlRenderOptions opt;
  HlZoneParams zp;
  cairo_surface_t *out;

  hl_zone_params_init (&zp);
  zone = hl_zone_new ("z", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_view_set_hairline (view, hair);
  for (int i = 0; i < 400; i++)
    {
      HlDot d = { (float) (10 + (i * 37) % 180 + (i % 7) * 0.13), (float) (8 + (i * 53) % 60 + (i % 5) * 0.21),
                  (float) (0.1 + (i % 9) * 0.08), { (guint8) (0x20 + i % 40), 0x30, 0x28 }, (guint8) (i % 3), 0 };

      g_array_append_val (dots, d);
    }

  hl_render_options_init (&opt);
  opt.scale = 2.0;
  opt.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_HANDLES | HL_OVERLAY_ZONES;
  opt.mark = NULL;
  opt.sessions = sessions;
  opt.mirror = mirror;
  out = hl_render_export (NULL, view, (HlDot *) (gpointer) dots->data, dots->len, &opt);
  g_array_unref (dots);
  return out;
}

static cairo_surface_t *
golden_scene (void)
{
  return golden_scene_with (0, FALSE);
}

/* Sum of (255 - green) over the image: how much ink it shows. */
static double
ink (cairo_surface_t *img)
{
  int w = cairo_image_surface_get_width (img);
  int h = cairo_image_surface_get_height (img);
  int stride = cairo_image_surface_get_stride (img);
  const guint8 *data = cairo_image_surface_get_data (img);
  double sum = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      sum += 255 - ((((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x] >> 8) & 0xff);
  return sum;
}

/* "After session k" shows the dots of sessions 1..k only; a mirrored image
 * is the plain one flipped left to right, pixel for pixel. */
static void
test_sessions_and_mirror (void)
{
  cairo_surface_t *all = golden_scene_with (0, FALSE);
  cairo_surface_t *first = golden_scene_with (1, FALSE);
  cairo_surface_t *two = golden_scene_with (2, FALSE);
  cairo_surface_t *three = golden_scene_with (3, FALSE);
  cairo_surface_t *mirrored = golden_scene_with (0, TRUE);
  int w = cairo_image_surface_get_width (all);
  int h = cairo_image_surface_get_height (all);
  int stride = cairo_image_surface_get_stride (all);
  const guint8 *a = cairo_image_surface_get_data (all);
  const guint8 *m = cairo_image_surface_get_data (mirrored);
  guint differ = 0;

  g_assert_cmpfloat (ink (first), <, ink (two));
  g_assert_cmpfloat (ink (two), <, ink (all));
  /* Three sessions hold every dot of the scene. */
  g_assert_cmpfloat (ink (three), ==, ink (all));

  g_assert_cmpint (cairo_image_surface_get_width (mirrored), ==, w);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (a + (gsize) y * stride))[x] & 0xffffff;
        guint32 q = ((const guint32 *) (gconstpointer) (m + (gsize) y * stride))[w - 1 - x] & 0xffffff;

        differ += p != q;
      }
  g_assert_cmpuint (differ, ==, 0);

  cairo_surface_destroy (all);
  cairo_surface_destroy (first);
  cairo_surface_destroy (two);
  cairo_surface_destroy (three);
  cairo_surface_destroy (mirrored);
}

static void
test_golden_image (void)
{
  cairo_surface_t *img = golden_scene ();
  g_autofree char *golden = fixture ("golden-render.png");
  g_autoptr(GdkPixbuf) expected = NULL;
  g_autoptr(GError) error = NULL;
  double total = 0;
  int worst = 0, w, h;

  if (g_getenv ("HL_UPDATE_GOLDEN") != NULL)
    {
      HlPngOptions po = { 0, NULL, 9 };

      g_assert_true (hl_png_write (img, golden, &po, NULL));
    }

  /* Read back by gdk-pixbuf, not by our writer's code. */
  expected = gdk_pixbuf_new_from_file (golden, &error);
  g_assert_no_error (error);
  w = cairo_image_surface_get_width (img);
  h = cairo_image_surface_get_height (img);
  g_assert_cmpint (gdk_pixbuf_get_width (expected), ==, w);
  g_assert_cmpint (gdk_pixbuf_get_height (expected), ==, h);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = pixel (img, x, y);
        const guint8 *e = gdk_pixbuf_read_pixels (expected) + y * gdk_pixbuf_get_rowstride (expected)
                          + x * gdk_pixbuf_get_n_channels (expected);
        int d = MAX (abs ((int) R (p) - e[0]), MAX (abs ((int) G (p) - e[1]), abs ((int) B (p) - e[2])));

        total += d;
        worst = MAX (worst, d);
      }

  g_test_message ("golden: mean difference %.4f, worst %d", total / (w * h), worst);
  /* Tolerance for font hinting and anti-aliasing differences across
   * Cairo versions: the dots themselves are our own integer code. */
  g_assert_cmpfloat (total / (w * h), <, 0.5);
  g_assert_cmpint (worst, <=, 64);
  cairo_surface_destroy (img);
}

static void
test_png_file (void)
{
  cairo_surface_t *img = golden_scene ();
  g_autofree char *path = tmp_path ("out.png");
  g_autofree char *missing = tmp_path ("no-dir/out.png");
  g_autofree char *check = NULL;
  g_autofree char *ident = NULL;
  HlPngOptions po = { 0.05, "Test — mockup", -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  g_assert_true (hl_png_write (img, path, &po, &error));
  g_assert_no_error (error);

  if (hl_test_spawn (&check, "pngcheck", "-v", path, NULL) < 0)
    {
      g_test_skip ("pngcheck is not installed");
      cairo_surface_destroy (img);
      return;
    }
  g_test_message ("%s", check);
  g_assert_nonnull (strstr (check, "No errors detected"));
  g_assert_nonnull (strstr (check, "chunk sRGB"));
  g_assert_nonnull (strstr (check, "chunk pHYs"));
  g_assert_nonnull (strstr (check, "20000x20000 pixels/meter"));   /* 0.05 mm per pixel */
  g_assert_nonnull (strstr (check, "keyword: Software"));
  g_assert_nonnull (strstr (check, "keyword: Description"));
  g_assert_null (strstr (check, "eXIf"));
  g_assert_null (strstr (check, "zTXt"));
  /* "—" has no Latin-1 form: UTF-8 in iTXt. */
  g_assert_nonnull (strstr (check, "iTXt"));

  g_assert_cmpint (hl_test_spawn (&ident, "/usr/bin/identify", "-format", "%w %h", path, NULL), ==, 0);
  g_assert_cmpstr (ident, ==, "400 200");

  /* Into a missing folder: an error, and nothing left behind. */
  g_assert_false (hl_png_write (img, missing, &po, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  dir = g_dir_open (tmpdir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 1);

  g_unlink (path);
  cairo_surface_destroy (img);
}

/* Whether @n bytes of @needle occur in @len bytes of @data. */
static gboolean
find_bytes (const char *data,
            gsize       len,
            const char *needle,
            gsize       n)
{
  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The text chunks of the PNG at @path: key → "tEXt:text" or "iTXt:text". */
static GHashTable *
png_texts (const char *path)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  FILE *file = fopen (path, "rb");
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png_create_info_struct (png);
  png_textp text = NULL;
  int n = 0;

  g_assert_nonnull (file);
  if (setjmp (png_jmpbuf (png)))
    g_assert_not_reached ();
  png_init_io (png, file);
  png_read_info (png, info);
  png_get_text (png, info, &text, &n);
  for (int i = 0; i < n; i++)
    {
      /* tEXt is Latin-1: back to UTF-8 for comparison. */
      g_autofree char *utf8 = text[i].compression == PNG_TEXT_COMPRESSION_NONE
        ? g_convert (text[i].text, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL)
        : g_strdup (text[i].text);

      g_hash_table_insert (texts, g_strdup (text[i].key),
                           g_strdup_printf ("%s:%s",
                                            text[i].compression == PNG_TEXT_COMPRESSION_NONE ? "tEXt"
                                            : text[i].compression == PNG_ITXT_COMPRESSION_NONE ? "iTXt"
                                            : "other",
                                            utf8));
    }
  png_destroy_read_struct (&png, &info, NULL);
  fclose (file);
  return texts;
}

/* Latin-1 text stays tEXt (converted, no '?'), anything else is iTXt in
 * UTF-8, and a writer given no text writes only Software. */
static void
test_png_text_chunks (void)
{
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
  g_autofree char *path = tmp_path ("text.png");
  HlPngOptions latin = { 0, "Café crème, 2-3 sessions", -1, "Notes: ça va" };
  HlPngOptions wide = { 0, "Đặng — front view", -1, "日本語のメモ" };
  HlPngOptions none = { 0, NULL, -1, NULL };
  g_autoptr(GHashTable) t1 = NULL;
  g_autoptr(GHashTable) t2 = NULL;
  g_autoptr(GHashTable) t3 = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_true (hl_png_write (img, path, &latin, NULL));
  t1 = png_texts (path);
  g_assert_cmpstr (g_hash_table_lookup (t1, "Description"), ==, "tEXt:Café crème, 2-3 sessions");
  g_assert_cmpstr (g_hash_table_lookup (t1, "Comment"), ==, "tEXt:Notes: ça va");
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (find_bytes (bytes, len, "Caf\xe9 cr", 6));   /* Latin-1 in the file */
  g_clear_pointer (&bytes, g_free);

  g_assert_true (hl_png_write (img, path, &wide, NULL));
  t2 = png_texts (path);
  g_assert_cmpstr (g_hash_table_lookup (t2, "Description"), ==, "iTXt:Đặng — front view");
  g_assert_cmpstr (g_hash_table_lookup (t2, "Comment"), ==, "iTXt:日本語のメモ");
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_false (find_bytes (bytes, len, "D?ng", 4));

  g_assert_true (hl_png_write (img, path, &none, NULL));
  t3 = png_texts (path);
  g_assert_cmpuint (g_hash_table_size (t3), ==, 1);
  g_assert_nonnull (g_hash_table_lookup (t3, "Software"));

  g_unlink (path);
  cairo_surface_destroy (img);
}

/* The view-level loader names the JSON path of the photo in every message,
 * and tells a symbolic link loop from a missing file. */
static void
test_view_photo_messages (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) front = hl_view_new ("front");
  g_autoptr(HlView) side = hl_view_new ("side");
  g_autoptr(HlView) loop = hl_view_new ("loop");
  g_autoptr(HlView) changed = hl_view_new ("changed");
  g_autofree char *gps = fixture ("gps.jpg");
  g_autofree char *design_path = tmp_path ("d.json");
  g_autofree char *link_a = tmp_path ("loop-a.jpg");
  g_autofree char *link_b = tmp_path ("loop-b.jpg");
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) warning = NULL;

  g_assert_cmpint (symlink ("loop-b.jpg", link_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a.jpg", link_b), ==, 0);

  hl_view_set_photo (front, gps, NULL, 32, 24);
  hl_view_set_photo (side, "missing.jpg", NULL, 32, 24);
  hl_view_set_photo (loop, "loop-a.jpg", NULL, 32, 24);
  hl_view_set_photo (changed, gps, NULL, 64, 48);
  hl_design_append_view (design, front);
  hl_design_append_view (design, side);
  hl_design_append_view (design, loop);
  hl_design_append_view (design, changed);

  photo = hl_design_load_view_photo (design, 0, design_path, &warning, &error);
  g_assert_no_error (error);
  g_assert_no_error (warning);
  g_assert_nonnull (photo);
  g_clear_pointer (&photo, hl_photo_unref);

  photo = hl_design_load_view_photo (design, 1, design_path, &warning, &error);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "views[1].photo.path: photo not found: "));
  g_clear_error (&error);

  photo = hl_design_load_view_photo (design, 2, design_path, &warning, &error);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "views[2].photo.path: cannot open the photo "));
  g_assert_nonnull (strstr (error->message, "symbolic links form a loop"));
  g_assert_null (strstr (error->message, "not found"));
  g_clear_error (&error);

  /* Loads, but is not the photo the design was made on: a warning. */
  photo = hl_design_load_view_photo (design, 3, design_path, &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);
  g_assert_error (warning, HL_ERROR, HL_ERROR_PHOTO);
  g_test_message ("%s", warning->message);
  g_assert_true (g_str_has_prefix (warning->message, "views[3].photo.path: "));
  g_assert_nonnull (strstr (warning->message, "the photo changed since the design was made"));

  g_unlink (link_a);
  g_unlink (link_b);
}

static void
test_no_metadata_from_photo (void)
{
  g_autofree char *src = fixture ("gps.jpg");
  g_autofree char *out = tmp_path ("gps-export.png");
  g_autoptr(HlPhoto) photo = hl_photo_load (src, NULL);
  g_autoptr(HlView) view = hl_view_new ("front");
  g_autofree char *bytes = NULL;
  g_autofree char *exif = NULL;
  HlRenderOptions opt;
  HlPngOptions po = { 0.1, "export", -1 };
  cairo_surface_t *img;
  gsize len;

  g_assert_nonnull (photo);
  hl_render_options_init (&opt);
  img = hl_render_export (photo, view, NULL, 0, &opt);
  g_assert_true (hl_png_write (img, out, &po, NULL));
  cairo_surface_destroy (img);

  g_assert_true (g_file_get_contents (out, &bytes, &len, NULL));
  g_assert_null (g_strstr_len (bytes, len, "GPS"));
  g_assert_null (g_strstr_len (bytes, len, "SecretPhone"));
  g_assert_null (g_strstr_len (bytes, len, "Exif"));

  if (hl_test_spawn (&exif, "exiftool", "-s", "-GPS:all", "-EXIF:all", out, NULL) < 0)
    g_test_message ("exiftool is not installed: byte checks only");
  else
    g_assert_cmpstr (exif, ==, "");
  g_unlink (out);
}


static gpointer
level_in_thread (gpointer photo)
{
  double level_scale;

  return hl_photo_get_surface_for_scale (photo, 0.1, &level_scale);
}

/* Drawn small, a large photo comes from halved copies: the same picture
 * as scaling the whole photo, made once, from any thread. */
static void
test_photo_levels (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-render-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(HlView) view = hl_view_new ("front");
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  cairo_surface_t *small, *reference, *level;
  GThread *a, *b;
  HlRenderOptions options;
  double level_scale, worst = 0;
  cairo_t *cr;

  /* Stripes 1 px wide: what halving must average, not skip. */
  for (int y = 0; y < 2000; y++)
    for (int x = 0; x < 3000; x++)
      {
        guint8 *px = pixels + y * stride + x * 3;

        px[0] = (x & 1) ? 250 : 10;
        px[1] = (guint8) (y * 255 / 1999);
        px[2] = (guint8) (x * 255 / 2999);
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  photo = hl_photo_load (path, &error);
  g_assert_no_error (error);

  /* Levels: full size above 1/2, then the smallest copy at least as large
   * as the output. */
  g_assert_true (hl_photo_get_surface_for_scale (photo, 0.6, &level_scale) == hl_photo_get_surface (photo));
  g_assert_cmpfloat (level_scale, ==, 1.0);
  a = g_thread_new ("level-a", level_in_thread, photo);
  b = g_thread_new ("level-b", level_in_thread, photo);
  level = g_thread_join (a);
  g_assert_true (g_thread_join (b) == level);
  g_assert_true (hl_photo_get_surface_for_scale (photo, 0.1, &level_scale) == level);
  g_assert_cmpfloat (level_scale, ==, 0.125);
  g_assert_cmpint (cairo_image_surface_get_width (level), ==, 375);
  g_assert_cmpint (cairo_image_surface_get_height (level), ==, 250);
  hl_photo_get_surface_for_scale (photo, 0.5, &level_scale);
  g_assert_cmpfloat (level_scale, ==, 0.5);

  /* The renderer at 1/10 against cairo scaling the whole photo. */
  small = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  reference = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 200);
  hl_render_options_init (&options);
  options.show_dots = FALSE;
  hl_render_view (small, 0.1, 0, 0, photo, view, NULL, 0, &options);
  cr = cairo_create (reference);
  cairo_scale (cr, 0.1, 0.1);
  cairo_set_source_surface (cr, hl_photo_get_surface (photo), 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (small);
  cairo_surface_flush (reference);
  for (int y = 2; y < 198; y++)
    for (int x = 2; x < 298; x++)
      for (int c = 0; c < 3; c++)
        {
          double d = fabs ((double) ((pixel (small, x, y) >> (8 * c)) & 0xff) -
                           (double) ((pixel (reference, x, y) >> (8 * c)) & 0xff));

          worst = MAX (worst, d);
        }
  g_test_message ("largest channel difference from scaling the whole photo: %.0f", worst);
  /* The red stripes average to ~130 either way, never 10 or 250. */
  g_assert_cmpuint ((pixel (small, 150, 100) >> 16) & 0xff, >, 100);
  g_assert_cmpuint ((pixel (small, 150, 100) >> 16) & 0xff, <, 160);
  g_assert_cmpfloat (worst, <=, 12);

  cairo_surface_destroy (small);
  cairo_surface_destroy (reference);
  g_unlink (path);
  g_rmdir (dir);
}


/* Lines drawn into a part of the view, as the canvas redraws a changed
 * part, equal the same pixels of the whole view drawn at once: the part
 * traces only the stretches of a long line that can reach it, and must
 * still put every dash and edge where the whole line puts them (give or
 * take what cairo's antialiasing does near a part's edge: see below). */
static void
test_lines_in_parts (void)
{
  g_autoptr(HlView) view = bare_view ();
  HlPoint h[12];
  HlPoint z[] = { { 15, 12 }, { 160, 8 }, { 230, 60 }, { 190, 150 }, { 60, 170 }, { 8, 90 } };
  g_autoptr(HlCurve) hair = NULL;
  g_autoptr(HlCurve) outline = hl_curve_new (z, G_N_ELEMENTS (z), TRUE);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;
  HlRenderOptions opt;
  const double scales[] = { 0.7, 2.0, 5.0 };
  guint compared = 0, inked = 0, differ = 0;
  int worst = 0;

  for (guint i = 0; i < G_N_ELEMENTS (h); i++)
    h[i] = (HlPoint) { 5 + i * 21.0, 100 + 30 * sin (i * 1.3) };
  hair = hl_curve_new (h, G_N_ELEMENTS (h), FALSE);
  hl_zone_params_init (&zp);
  zone = hl_zone_new ("z", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_view_set_hairline (view, hair);
  hl_render_options_init (&opt);
  opt.show_photo = FALSE;
  opt.show_dots = FALSE;
  opt.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      double sc = scales[k];
      int w = (int) ceil (250 * sc), hh = (int) ceil (190 * sc);
      cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, hh);
      /* Parts of several sizes at several places, each drawn with a
       * margin of 64 px as the canvas does, its middle compared. */
      const int sizes[][2] = { { 32, 32 }, { 96, 64 }, { 256, 160 } };

      hl_render_view (whole, sc, 0, 0, NULL, view, NULL, 0, &opt);
      cairo_surface_flush (whole);
      for (guint q = 0; q < G_N_ELEMENTS (sizes); q++)
        for (int y = 0; y < hh; y += sizes[q][1] + 13)
          for (int x = 0; x < w; x += sizes[q][0] + 29)
            {
              int pw = MIN (sizes[q][0], w - x), ph = MIN (sizes[q][1], hh - y);
              int lx0 = MAX (0, x - 64), ly0 = MAX (0, y - 64);
              int lx1 = MIN (w, x + pw + 64), ly1 = MIN (hh, y + ph + 64);
              cairo_surface_t *part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, lx1 - lx0, ly1 - ly0);

              hl_render_view (part, sc, -lx0, -ly0, NULL, view, NULL, 0, &opt);
              cairo_surface_flush (part);
              for (int yy = y; yy < y + ph; yy++)
                for (int xx = x; xx < x + pw; xx++)
                  {
                    guint32 a = pixel (whole, xx, yy), b = pixel (part, xx - lx0, yy - ly0);
                    int d = 0;

                    for (int c = 0; c < 32; c += 8)
                      d = MAX (d, abs ((int) ((a >> c) & 0xff) - (int) ((b >> c) & 0xff)));
                    if (d > 24)
                      g_error ("scale %g, part %d,%d %dx%d: pixel %d,%d is %08x, whole view %08x",
                               sc, x, y, pw, ph, xx, yy, b, a);
                    worst = MAX (worst, d);
                    differ += d > 0;
                    compared++;
                    inked += a != 0;
                  }
              cairo_surface_destroy (part);
            }
      cairo_surface_destroy (whole);
    }
  /* Cairo itself draws the edges of a line into a part of a surface up
   * to 15 levels otherwise than into the whole, even with a wide margin
   * (measured here without tracing stretches: 2,920 pixels); a dash or an
   * edge out of place differs by far more. */
  g_test_message ("%u pixels compared, %u of them inked, %u differ, by %d at most",
                  compared, inked, differ, worst);
  g_assert_cmpuint (inked, >, 5000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("hl-render-XXXXXX", NULL);

  g_test_add_func ("/render/photo-orientation", test_photo_orientation);
  g_test_add_func ("/render/photo-webp", test_photo_webp);
  g_test_add_func ("/render/photo-refusals", test_photo_refusals);
  g_test_add_func ("/render/photo-changed", test_photo_changed);
  g_test_add_func ("/render/photo-paths", test_photo_paths);
  g_test_add_func ("/render/photo-levels", test_photo_levels);
  g_test_add_func ("/render/multiply-blend", test_multiply_blend);
  g_test_add_func ("/render/stages", test_stages);
  g_test_add_func ("/render/pigment-profile", test_pigment_profile);
  g_test_add_func ("/render/pigment-irregular", test_pigment_irregular);
  g_test_add_func ("/render/pigment-zoom", test_pigment_zoom);
  g_test_add_func ("/render/golden-image", test_golden_image);
  g_test_add_func ("/render/lines-in-parts", test_lines_in_parts);
  g_test_add_func ("/render/sessions-and-mirror", test_sessions_and_mirror);
  g_test_add_func ("/render/png-file", test_png_file);
  g_test_add_func ("/render/no-metadata-from-photo", test_no_metadata_from_photo);
  g_test_add_func ("/render/png-text-chunks", test_png_text_chunks);
  g_test_add_func ("/render/view-photo-messages", test_view_photo_messages);

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  return status;
}
