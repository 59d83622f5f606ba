/* test-render-large-dots.c: dots too large for the stamp cache (a finely
 * calibrated photo seen at high zoom) are drawn row by row, with solid
 * spans, and come out as the exact mask the stamp cache makes for them
 * would have made them.
 *
 * The expected image is made here without the renderer's dot code: each
 * dot's mask from hl_stamp_cache_get() (past HL_STAMP_MAX_RADIUS, a mask
 * of its own), multiplied into a copy of the background by the blend
 * written out below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-pigment.h"
#include "hl-render.h"
#include "hl-stamp-cache.h"
#include "hl-stippler.h"

#define W 640
#define H 400
#define MM_PER_PX 0.05

static HlView *
fine_view (void)
{
  HlView *view = hl_view_new ("fine");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, MM_PER_PX, 0.0 };
  HlPoint box[] = { { 0, 0 }, { 200, 0 }, { 200, 200 }, { 0, 200 } };
  g_autoptr(HlCurve) outline = hl_curve_new (box, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = 60;
  zp.seed = 5;
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &zp);
  hl_view_append_zone (view, zone);
  return view;
}

static HlColor
stage_shade (HlColor              shade,
             const HlPigmentLook *look)
{
  HlColor cast = {
    (guint8) floor (shade.r + (look->cast.r - shade.r) * look->cast_amount + 0.5),
    (guint8) floor (shade.g + (look->cast.g - shade.g) * look->cast_amount + 0.5),
    (guint8) floor (shade.b + (look->cast.b - shade.b) * look->cast_amount + 0.5),
  };

  return hl_color_lighten (cast, look->lighten);
}

static void
fill_skin (cairo_surface_t *s)
{
  cairo_t *cr = cairo_create (s);

  /* A gradient, so that every value of a channel is blended somewhere. */
  cairo_pattern_t *g = cairo_pattern_create_linear (0, 0, W, H);

  cairo_pattern_add_color_stop_rgb (g, 0, 0.95, 0.85, 0.75);
  cairo_pattern_add_color_stop_rgb (g, 1, 0.35, 0.25, 0.2);
  cairo_set_source (cr, g);
  cairo_paint (cr);
  cairo_pattern_destroy (g);
  cairo_destroy (cr);
  cairo_surface_flush (s);
}

/* Each dot's own mask, blended by hand. Returns how many dots were past
 * the stamp cache's radius. */
static guint
expected_image (cairo_surface_t *s,
                const HlView    *view,
                const HlDot     *dots,
                gsize            n_dots,
                double           zoom,
                double           dx,
                double           dy,
                HlStage          stage)
{
  const HlPigmentLook *look = hl_pigment_look (stage);
  double px_per_mm = zoom / hl_view_get_mm_per_px (view, NULL);
  guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint opacity = (guint) (look->opacity * 256.0);
  guint large = 0;

  for (gsize k = 0; k < n_dots; k++)
    {
      guint32 hash = hl_pigment_dot_hash (dots[k].x, dots[k].y);
      double cx = dots[k].x * zoom + dx, cy = dots[k].y * zoom + dy;
      double r = 0.5 * dots[k].diameter_mm * look->size * px_per_mm * hl_pigment_size_jitter (hash);
      HlColor shade = stage == HL_STAGE_FRESH ? dots[k].shade : stage_shade (dots[k].shade, look);
      gboolean owned;
      const HlStamp *stamp = hl_stamp_cache_get (stage, hl_pigment_shape (hash), r, cx, cy, &owned);
      int x0, y0;

      if (stamp == NULL)
        continue;
      if (r > HL_STAMP_MAX_RADIUS)
        large++;
      x0 = (int) floor (cx) + stamp->x0;
      y0 = (int) floor (cy) + stamp->y0;
      for (int j = 0; j < stamp->height; j++)
        for (int i = 0; i < stamp->width; i++)
          {
            int x = x0 + i, y = y0 + j;
            guint a = (stamp->coverage[j * stamp->width + i] * opacity) >> 8;
            guint32 *p;
            guint c[3], sh[3] = { shade.b, shade.g, shade.r };

            if (x < 0 || y < 0 || x >= W || y >= H || a == 0)
              continue;
            p = (guint32 *) (gpointer) (data + (gsize) y * stride) + x;
            for (guint ch = 0; ch < 3; ch++)
              {
                c[ch] = (*p >> (8 * ch)) & 0xff;
                c[ch] = (c[ch] * (65025 - a * (255 - sh[ch])) + 32512) / 65025;
              }
            *p = (*p & 0xff000000u) | c[2] << 16 | c[1] << 8 | c[0];
          }
      if (owned)
        hl_stamp_free ((HlStamp *) stamp);
    }
  cairo_surface_mark_dirty (s);
  return large;
}

static void
test_large_dots_as_mask (void)
{
  g_autoptr(HlView) view = fine_view ();
  g_autoptr(GArray) dots = hl_stipple_view (view, 1);
  struct { double zoom; HlStage stage; } cases[] = {
    { 18.0, HL_STAGE_FRESH },   /* radius ≈ 45 px: some dots each side of 40 */
    { 40.0, HL_STAGE_FRESH },   /* ≈ 100 px, a few in view, cut by the edges */
    { 40.0, HL_STAGE_HEALED },  /* a halo, a softer edge */
    { 60.0, HL_STAGE_AGED },
  };

  HlPoint centre = { 100, 100 };
  double best = G_MAXDOUBLE;

  g_assert_cmpuint (dots->len, >, 10);
  /* The dot nearest the middle of the zone goes to the frame's centre
   * (a little off, so its neighbours are cut by the edges). */
  for (guint i = 0; i < dots->len; i++)
    {
      const HlDot *d = &g_array_index (dots, HlDot, i);
      double e = hypot (d->x - 100.0, d->y - 100.0);

      if (e < best)
        {
          best = e;
          centre = (HlPoint) { d->x, d->y };
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      double zoom = cases[c].zoom;
      double dx = W / 2.0 + 0.3 - zoom * centre.x, dy = H / 2.0 - 0.2 - zoom * centre.y;
      cairo_surface_t *got = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
      cairo_surface_t *want = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
      HlRenderOptions opt;
      guint large, differ = 0, darkened = 0;
      guint8 *a, *b;

      fill_skin (got);
      fill_skin (want);
      hl_render_options_init (&opt);
      opt.show_photo = FALSE;
      opt.stage = cases[c].stage;
      hl_render_view (got, zoom, dx, dy, NULL, view, (const HlDot *) (gconstpointer) dots->data, dots->len, &opt);
      large = expected_image (want, view, (const HlDot *) (gconstpointer) dots->data, dots->len, zoom, dx, dy,
                              cases[c].stage);
      cairo_surface_flush (got);
      a = cairo_image_surface_get_data (got);
      b = cairo_image_surface_get_data (want);
      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          {
            guint32 p = ((guint32 *) (gpointer) (a + (gsize) y * cairo_image_surface_get_stride (got)))[x];
            guint32 q = ((guint32 *) (gpointer) (b + (gsize) y * cairo_image_surface_get_stride (want)))[x];

            differ += (p & 0xffffff) != (q & 0xffffff);
          }
      fill_skin (want);
      for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
          darkened += ((guint32 *) (gpointer) (a + (gsize) y * cairo_image_surface_get_stride (got)))[x] !=
                      ((guint32 *) (gpointer) (b + (gsize) y * cairo_image_surface_get_stride (want)))[x];
      g_test_message ("zoom %g, stage %d: %u dots past the stamp cache, %u pixels darkened, %u differ",
                      zoom, cases[c].stage, large, darkened, differ);
      /* The large-dot path was taken, and drew something. */
      g_assert_cmpuint (large, >, 0);
      g_assert_cmpuint (darkened, >, 5000);
      g_assert_cmpuint (differ, ==, 0);
      cairo_surface_destroy (got);
      cairo_surface_destroy (want);
    }
}

/* Inside the solid radius the profile is full coverage in 8 bits, for
 * every stage, outline and a range of radii, and the radius is not
 * trivially small for the crisp fresh dot. */
static void
test_solid_radius (void)
{
  for (guint stage = 0; stage < HL_PIGMENT_N_STAGES; stage++)
    for (guint shape = 0; shape < HL_PIGMENT_N_SHAPES; shape++)
      for (double radius = 3.0; radius < 200.0; radius *= 1.37)
        {
          const HlPigmentLook *look = hl_pigment_look (stage);
          double solid = hl_pigment_solid_radius (look, shape, radius);

          if (stage == 0 && radius > 40.0)
            g_assert_cmpfloat (solid, >, 0.6 * radius);
          for (int k = 0; k < 720; k++)
            for (double f = 0.0; f <= 1.0; f += 0.125)
              {
                double t = k * G_PI / 360.0, d = solid * f;
                float v = (float) hl_pigment_coverage (look, shape, radius, d * cos (t), d * sin (t));

                if (solid > 0.0)
                  g_assert_cmpfloat (floor (v * 255.0 + 0.5), >=, 255.0);
              }
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-large-dots/as-mask", test_large_dots_as_mask);
  g_test_add_func ("/render-large-dots/solid-radius", test_solid_radius);

  return g_test_run ();
}
