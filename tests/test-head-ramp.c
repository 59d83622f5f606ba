/* test-head-ramp.c: the hairline's transition ramp and the zones' edge
 * blends measured along the scalp on views with a head model (engine 7),
 * and views without one placing the same dots as before.
 *
 * The ramp is read from the dots: on the front chart a band 40 mm deep
 * behind the template hairline, its ramp alone (no macro or micro
 * irregularity, no sentinels, no edge blend), filled at 400 dots/cm² of
 * scalp with four seeds. Each dot's distance from the hairline along the
 * scalp is measured here from the model (the chord to the nearest of the
 * hairline's scalp points, about every 0.1 mm), and so is the scalp area
 * of each half-millimetre band of distance (a 0.2 mm grid, each sample
 * its image area times the area factor): their ratio over the density
 * asked is the ramp h(s). The engine's ramp is a smoothstep over the
 * transition width W, so ∫₀^T' h = T' − W/2 for T' ≥ W: W = 2 (T' − ∫₀^T' h),
 * and its 10 %–90 % width is 0.61 W.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-head-chart.h"
#include "hl-measure.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define TRANSITION_MM 10.0
#define EDGE_BLEND_MM 6.0

static HlDesign *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design;
}

/* The photo sample (no head model: the photo plane) places exactly the
 * dots the engine places without the scalp distances: its hairline ramp,
 * sentinels, irregularity and edge blends are still measured in the
 * image. Pinned from engine 7's blue noise alone, before the scalp
 * distances were added (engine 6 gave 99d65246…, before the blue-noise
 * change of engine 7), as 3ce5a58f…; pinned again when the sample's
 * scalp outline was pulled in over the hair at its upper left, where it
 * put dots on the background. */
#define PHOTO_PLANE_DIGEST "26029543a8caa06c86eb7699de476502cccc52a1c33142f026e581eb509287a7"

static void
test_photo_plane_unchanged (void)
{
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json");
  const HlView *view = hl_design_get_view (design, 0);
  g_autoptr(GArray) dots = NULL;
  g_autofree char *digest = NULL;

  g_assert_false (view->has_head);
  dots = hl_stipple_view (view, design->seed);
  digest = hl_test_dots_digest ((const HlDot *) (gconstpointer) dots->data, dots->len);
  g_test_message ("photo sample, photo plane: digest %s (%u dots)", digest, dots->len);
  g_assert_cmpuint (dots->len, >, 1000);
  g_assert_cmpstr (digest, ==, PHOTO_PLANE_DIGEST);
}

/* --- the ramp read from the dots ----------------------------------------- */

typedef struct
{
  HlPoint p;          /* image px */
  double  x[3];       /* on the scalp */
  double  station;    /* 0–1 along the hairline's image length */
} LinePoint;

/* The hairline's points about every image pixel, with their scalp points
 * (those on the head only). */
static GArray *
line_points (const HlView *view)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (LinePoint));
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (view->hairline, &n);
  double total = 0.0, along = 0.0;

  for (guint i = 0; i + 1 < n; i++)
    total += hl_point_distance (poly[i], poly[i + 1]);
  for (guint i = 0; i + 1 < n; i++)
    {
      double len = hl_point_distance (poly[i], poly[i + 1]);
      guint steps = MAX (1u, (guint) ceil (len));

      for (guint k = 0; k < steps; k++)
        {
          LinePoint lp;
          double t = (double) k / steps;

          lp.p = (HlPoint) { poly[i].x + t * (poly[i + 1].x - poly[i].x), poly[i].y + t * (poly[i + 1].y - poly[i].y) };
          lp.station = (along + t * len) / total;
          if (hl_head_model_image_to_scalp (&view->head, &view->pose, lp.p, lp.x))
            g_array_append_val (out, lp);
        }
      along += len;
    }
  return out;
}

/* @p's distance from the hairline along the scalp (mm: the chord to the
 * nearest of @line's scalp points), in the image (mm through the
 * calibration: the nearest in the image), and the scalp-nearest point's
 * station. FALSE off the head. */
static gboolean
distances (const HlView *view,
           GArray       *line,
           HlPoint       p,
           double       *scalp_mm,
           double       *image_mm,
           double       *station)
{
  double x[3], best = G_MAXDOUBLE, best_img = G_MAXDOUBLE;

  if (!hl_head_model_image_to_scalp (&view->head, &view->pose, p, x))
    return FALSE;
  for (guint i = 0; i < line->len; i++)
    {
      const LinePoint *lp = &g_array_index (line, LinePoint, i);
      double d2 = (x[0] - lp->x[0]) * (x[0] - lp->x[0]) + (x[1] - lp->x[1]) * (x[1] - lp->x[1]) +
                  (x[2] - lp->x[2]) * (x[2] - lp->x[2]);
      double i2 = (p.x - lp->p.x) * (p.x - lp->p.x) + (p.y - lp->p.y) * (p.y - lp->p.y);

      if (d2 < best)
        {
          best = d2;
          *station = lp->station;
        }
      best_img = MIN (best_img, i2);
    }
  *scalp_mm = sqrt (best);
  *image_mm = sqrt (best_img) * hl_view_get_mm_per_px (view, NULL);
  return TRUE;
}

static gboolean
inside (const HlPoint *poly,
        guint          n,
        HlPoint        p)
{
  gboolean in = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    if ((poly[i].y > p.y) != (poly[j].y > p.y) &&
        p.x < (poly[j].x - poly[i].x) * (p.y - poly[i].y) / (poly[j].y - poly[i].y) + poly[i].x)
      in = !in;
  return in;
}

#define BIN_MM   0.5
#define N_BINS   48          /* 0–24 mm */
#define T_PRIME  14.0        /* past the ramp */
#define EDGE_T_PRIME 8.0     /* past the edge blend */
#define DENSITY  400.0       /* dots/cm² of scalp */
#define N_SEEDS  4           /* stippled with this many seeds, counted together */

typedef struct
{
  double lo, hi;             /* stations */
  double lo2, hi2;           /* a second range (the other temple), or empty */
  double scalp_area[N_BINS], image_area[N_BINS];   /* mm² of scalp per bin */
  double scalp_dots[N_BINS], image_dots[N_BINS];
} Section;

static gboolean
in_section (const Section *s,
            double         station)
{
  return (station >= s->lo && station < s->hi) || (station >= s->lo2 && station < s->hi2);
}

/* The ramp's width W from the binned density h (dots over scalp area and
 * the density asked): W = 2 (T' − ∫₀^T' h). Also the plateau's h, over
 * the 10 mm past T'. */
static double
ramp_width_to (const double *area,
               const double *dots,
               double        t_prime,
               double       *plateau)
{
  double integral = 0.0, pd = 0.0, pa = 0.0;

  for (guint b = 0; b < N_BINS; b++)
    {
      double h = area[b] > 0.0 ? dots[b] / (area[b] * DENSITY / 100.0) : 0.0;

      if ((b + 1) * BIN_MM <= t_prime)
        integral += h * BIN_MM;
      else if (b * BIN_MM < t_prime + 10.0)
        {
          pd += dots[b];
          pa += area[b];
        }
    }
  *plateau = pa > 0.0 ? pd / (pa * DENSITY / 100.0) : 0.0;
  return 2.0 * (t_prime - integral);
}

static double
ramp_width (const double *area,
            const double *dots,
            double       *plateau)
{
  return ramp_width_to (area, dots, T_PRIME, plateau);
}

/* On the front chart, a band 40 mm deep behind the template hairline,
 * its ramp alone, 10 mm wide: read from its dots, the ramp measured
 * along the scalp is 10 mm wide within 10 %, both in the middle and near
 * the temples, where the scalp turns away and the same ramp is narrower
 * in the image. */
static void
test_ramp_along_scalp (void)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json");
  g_autoptr(HlView) view = hl_view_copy (hl_design_get_view (design, 0));
  g_autoptr(HlCurve) band = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(GArray) line = NULL;
  HlCurve *outline;
  const HlPoint *zpoly, *spoly;
  guint zn, sn;
  double m = hl_view_get_mm_per_px (view, NULL);
  HlZoneParams zp;
  HlRect box;
  Section sections[2] = {
    { .lo = 0.3, .hi = 0.7, .lo2 = 2, .hi2 = 2 },
    { .lo = 0.04, .hi = 0.2, .lo2 = 0.8, .hi2 = 0.96 },
  };
  const char *names[2] = { "middle", "temples" };
  double w[2], w_img[2];

  g_assert_true (view->has_head);
  g_assert_nonnull (view->hairline);
  while (hl_view_get_n_zones (view) > 0)
    hl_view_remove_zone (view, 0);
  band = hl_measure_band_behind_hairline (view, 40.0);
  g_assert_nonnull (band);
  hl_zone_params_init (&zp);
  zp.density = DENSITY;
  zp.follows_hairline = TRUE;
  zp.transition_mm = TRANSITION_MM;
  zp.macro_amplitude_mm = 0.0;
  zp.micro_irregularity = 0.0;
  zp.sentinels_per_cm = 0.0;
  zp.edge_blend_mm = 0.0;
  zone = hl_zone_new ("Band", HL_ZONE_FRONTAL, band, &zp);
  hl_view_append_zone (view, zone);
  line = line_points (view);
  zpoly = hl_curve_get_polyline (band, &zn);
  outline = hl_view_get_scalp_outline (view);
  g_assert_nonnull (outline);
  spoly = hl_curve_get_polyline (outline, &sn);

  /* The scalp area of each distance bin: the band on a grid of 2 px
   * (0.2 mm), each sample its image area times the area factor, where
   * the engine may place dots (inside the band and the scalp outline). */
  box = hl_rect_from_points (zpoly, zn);
  for (double y = box.y0 + 1.0; y < box.y1; y += 2.0)
    for (double x = box.x0 + 1.0; x < box.x1; x += 2.0)
      {
        HlPoint p = { x, y };
        double ds, di, st, a;

        if (!inside (zpoly, zn, p) || !inside (spoly, sn, p) || !distances (view, line, p, &ds, &di, &st))
          continue;
        if (st < 0.02 || st > 0.98)
          continue;
        a = 4.0 * m * m * hl_view_get_area_factor (view, p);
        for (guint k = 0; k < 2; k++)
          if (in_section (&sections[k], st))
            {
              if (ds < N_BINS * BIN_MM)
                sections[k].scalp_area[(guint) (ds / BIN_MM)] += a;
              if (di < N_BINS * BIN_MM)
                sections[k].image_area[(guint) (di / BIN_MM)] += a;
            }
      }
  /* The same band stippled with N_SEEDS seeds: the dots counted
   * together, the areas as many times. */
  for (guint seed = 0; seed < N_SEEDS; seed++)
    {
      g_autoptr(GArray) dots = hl_stipple_view (view, 11 + seed);

      g_assert_cmpuint (dots->len, >, 10000);
      for (guint i = 0; i < dots->len; i++)
        {
          const HlDot *d = &g_array_index (dots, HlDot, i);
          double ds, di, st;

          if (!distances (view, line, (HlPoint) { d->x, d->y }, &ds, &di, &st) || st < 0.02 || st > 0.98)
            continue;
          for (guint k = 0; k < 2; k++)
            if (in_section (&sections[k], st))
              {
                if (ds < N_BINS * BIN_MM)
                  sections[k].scalp_dots[(guint) (ds / BIN_MM)] += 1.0 / N_SEEDS;
                if (di < N_BINS * BIN_MM)
                  sections[k].image_dots[(guint) (di / BIN_MM)] += 1.0 / N_SEEDS;
              }
        }
    }

  for (guint k = 0; k < 2; k++)
    {
      double plateau, plateau_img;

      w[k] = ramp_width (sections[k].scalp_area, sections[k].scalp_dots, &plateau);
      w_img[k] = ramp_width (sections[k].image_area, sections[k].image_dots, &plateau_img);
      g_test_message ("%s: ramp %.2f mm along the scalp (10–90 %% %.2f mm), %.2f mm in the image; "
                      "plateau %.3f of the density asked", names[k], w[k], 0.608 * w[k], w_img[k], plateau);
      g_assert_cmpfloat (fabs (w[k] / TRANSITION_MM - 1.0), <=, 0.10);
      g_assert_cmpfloat (fabs (plateau - 1.0), <=, 0.05);
      /* The image sees the same ramp narrower: the scalp turns away. */
      g_assert_cmpfloat (w_img[k], <, 0.95 * w[k]);
    }
}

/* A zone's edge blend measured along the scalp: on the top chart a
 * 20 × 40 mm (image) rectangle whose outer side lies 65 mm from the head's
 * centre, where the scalp turns away across that side (about 2.5 × the
 * scalp per image mm), blended over 6 mm at 400 dots/cm² with four seeds.
 * Behind the outer side, the dots' density against the distance from it
 * along the scalp (the chord to the nearest of the outline's scalp
 * points) rises over 6 mm within 10 %; in the image it rises over far
 * less. */
static void
test_blend_along_scalp (void)
{
  g_autoptr(HlView) view = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  const double s = 10.0;   /* px per mm on the charts */
  const double cx = 120.0 + 55.0, cy = 145.0, half = 10.0, tall = 20.0;
  HlPoint corners[4] = { { (cx - half) * s, (cy - tall) * s }, { (cx + half) * s, (cy - tall) * s },
                         { (cx + half) * s, (cy + tall) * s }, { (cx - half) * s, (cy + tall) * s } };
  gboolean sharp[4] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) square = hl_curve_new_full (corners, sharp, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(GArray) outline = g_array_new (FALSE, FALSE, sizeof (LinePoint));
  double scalp_area[N_BINS] = { 0 }, image_area[N_BINS] = { 0 };
  double scalp_dots[N_BINS] = { 0 }, image_dots[N_BINS] = { 0 };
  double w, w_img, plateau, plateau_img;
  HlZoneParams zp;

  g_assert_true (view->has_head);
  hl_zone_params_init (&zp);
  zp.density = DENSITY;
  zp.follows_hairline = FALSE;
  zp.edge_blend_mm = EDGE_BLEND_MM;
  zone = hl_zone_new ("Square", HL_ZONE_CUSTOM, square, &zp);
  hl_view_append_zone (view, zone);

  /* The outer side's points every image pixel, on the scalp. */
  for (guint i = 1; i < 2; i++)
    for (guint k = 0; k <= 400; k++)
      {
        LinePoint lp;
        HlPoint a = corners[i], b = corners[(i + 1) % 4];

        lp.p = (HlPoint) { a.x + (b.x - a.x) * k / 400.0, a.y + (b.y - a.y) * k / 400.0 };
        lp.station = 0.0;
        g_assert_true (hl_head_model_image_to_scalp (&view->head, &view->pose, lp.p, lp.x));
        g_array_append_val (outline, lp);
      }

  /* Area (on a 0.05 mm grid) and dots by distance from the outer side,
   * on a strip 26 mm tall across the zone's middle: the other sides lie
   * 7 mm or more away, past their blend. */
  for (guint pass = 0; pass <= N_SEEDS; pass++)
    {
      g_autoptr(GArray) dots = pass > 0 ? hl_stipple_view (view, 20 + pass) : NULL;
      guint n = pass > 0 ? dots->len : 400 * 800;

      for (guint i = 0; i < n; i++)
        {
          HlPoint p = pass > 0 ? (HlPoint) { g_array_index (dots, HlDot, i).x, g_array_index (dots, HlDot, i).y }
                               : (HlPoint) { corners[0].x + (i % 400 + 0.5) * 0.5, corners[0].y + (i / 400 + 0.5) * 0.5 };
          double x[3], best = G_MAXDOUBLE, best_img, ds;

          if (fabs (p.y - cy * s) > 13.0 * s || !hl_head_model_image_to_scalp (&view->head, &view->pose, p, x))
            continue;
          for (guint k = 0; k < outline->len; k++)
            {
              const LinePoint *lp = &g_array_index (outline, LinePoint, k);
              double d2 = (x[0] - lp->x[0]) * (x[0] - lp->x[0]) + (x[1] - lp->x[1]) * (x[1] - lp->x[1]) +
                          (x[2] - lp->x[2]) * (x[2] - lp->x[2]);

              best = MIN (best, d2);
            }
          ds = sqrt (best);
          best_img = (corners[1].x - p.x) / s;
          if (pass == 0)
            {
              double a = 0.25 / (s * s) * hl_view_get_area_factor (view, p);

              if (ds < N_BINS * BIN_MM)
                scalp_area[(guint) (ds / BIN_MM)] += a;
              if (best_img < N_BINS * BIN_MM)
                image_area[(guint) (best_img / BIN_MM)] += a;
            }
          else
            {
              if (ds < N_BINS * BIN_MM)
                scalp_dots[(guint) (ds / BIN_MM)] += 1.0 / N_SEEDS;
              if (best_img < N_BINS * BIN_MM)
                image_dots[(guint) (best_img / BIN_MM)] += 1.0 / N_SEEDS;
            }
        }
    }
  w = ramp_width_to (scalp_area, scalp_dots, EDGE_T_PRIME, &plateau);
  w_img = ramp_width_to (image_area, image_dots, EDGE_T_PRIME, &plateau_img);
  g_test_message ("outer side: blend %.2f mm along the scalp, %.2f mm in the image; plateau %.3f", w, w_img, plateau);
  g_assert_cmpfloat (fabs (w / EDGE_BLEND_MM - 1.0), <=, 0.10);
  g_assert_cmpfloat (fabs (plateau - 1.0), <=, 0.05);
  g_assert_cmpfloat (w_img, <, 0.75 * w);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/head-ramp/photo-plane-unchanged", test_photo_plane_unchanged);
  g_test_add_func ("/head-ramp/ramp-along-scalp", test_ramp_along_scalp);
  g_test_add_func ("/head-ramp/blend-along-scalp", test_blend_along_scalp);
  return g_test_run ();
}
