/* bench-engine.c: the stippling engine's speed, quality and memory.
 *
 * Prints numbers, asserts nothing about time: run it with
 * `meson test -C build --benchmark --suite bench -v` (or directly). Each
 * line says what it measured: full generation (first stipple in a fresh
 * process, and warm) against a Bridson baseline in the same run, and the
 * update after one hairline handle moved (p50, p95).
 * The baseline is plain Bridson Poisson-disk sampling, regenerated for
 * every update and thinned to the same density ramp, as an engine
 * without precomputed ranks would have to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

#include "hl-design.h"
#include "hl-rng.h"
#include "hl-segment-index.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define MM_PER_PX 0.1
#define DENSITY 60.0
#define TRANSITION_MM 8.0

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

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

static HlCurve *
hairline_across (double w,
                 double y)
{
  HlPoint h[9];

  for (guint i = 0; i < 9; i++)
    h[i] = (HlPoint) { -100 + i * (w + 200) / 8.0, y + ((int) (i % 3) - 1) * 40.0 };
  return hl_curve_new (h, 9, FALSE);
}

/* A view with one hairline zone of @w × @h px at 0.1 mm/px. */
static HlView *
make_view (double w,
           double h,
           guint32 seed)
{
  HlView *view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, MM_PER_PX, 0.02 };
  g_autoptr(HlCurve) outline = rect_curve (w, h);
  g_autoptr(HlCurve) hair = hairline_across (w, h - 150);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = DENSITY;
  zp.transition_mm = TRANSITION_MM;
  zp.follows_hairline = TRUE;
  zp.seed = seed;
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_view_set_hairline (view, hair);
  return view;
}

/* --- Bridson baseline ----------------------------------------------------- */

typedef struct
{
  double r, cell;
  int nx, ny;
  int *grid;
  GArray *pts;
} Bridson;

static gboolean
bridson_fits (Bridson *b,
              HlPoint  p)
{
  int cx = (int) (p.x / b->cell), cy = (int) (p.y / b->cell);

  for (int y = MAX (0, cy - 2); y <= MIN (b->ny - 1, cy + 2); y++)
    for (int x = MAX (0, cx - 2); x <= MIN (b->nx - 1, cx + 2); x++)
      {
        int k = b->grid[y * b->nx + x];

        if (k >= 0 && hl_point_distance (p, g_array_index (b->pts, HlPoint, k)) < b->r)
          return FALSE;
      }
  return TRUE;
}

/* Bridson (2007) over [0,w)×[0,h) with radius r, k = 30. */
static GArray *
bridson (double w,
         double h,
         double r,
         guint64 seed)
{
  Bridson b = { r, r / G_SQRT2, 0, 0, NULL, NULL };
  GArray *active = g_array_new (FALSE, FALSE, sizeof (guint));
  HlRng rng;
  HlPoint first;
  guint idx;

  hl_rng_init (&rng, seed);
  b.nx = (int) (w / b.cell) + 1;
  b.ny = (int) (h / b.cell) + 1;
  b.grid = g_new (int, (gsize) b.nx * b.ny);
  memset (b.grid, 0xff, sizeof (int) * b.nx * b.ny);
  b.pts = g_array_new (FALSE, FALSE, sizeof (HlPoint));

  first = (HlPoint) { w * hl_rng_double (&rng), h * hl_rng_double (&rng) };
  g_array_append_val (b.pts, first);
  b.grid[(int) (first.y / b.cell) * b.nx + (int) (first.x / b.cell)] = 0;
  idx = 0;
  g_array_append_val (active, idx);

  while (active->len > 0)
    {
      guint a = hl_rng_below (&rng, active->len);
      HlPoint base = g_array_index (b.pts, HlPoint, g_array_index (active, guint, a));
      gboolean found = FALSE;

      for (guint k = 0; k < 30 && !found; k++)
        {
          double ang = 2 * G_PI * hl_rng_double (&rng);
          double rad = r * (1 + hl_rng_double (&rng));
          HlPoint p = { base.x + rad * cos (ang), base.y + rad * sin (ang) };

          if (p.x < 0 || p.y < 0 || p.x >= w || p.y >= h || !bridson_fits (&b, p))
            continue;
          idx = b.pts->len;
          g_array_append_val (b.pts, p);
          b.grid[(int) (p.y / b.cell) * b.nx + (int) (p.x / b.cell)] = (int) idx;
          g_array_append_val (active, idx);
          found = TRUE;
        }
      if (!found)
        g_array_remove_index_fast (active, a);
    }

  g_free (b.grid);
  g_array_unref (active);
  return b.pts;
}

/* The baseline's whole update: sample, then thin by the hairline ramp. */
static guint
bridson_update (const HlView *view,
                double        w,
                double        h,
                double        r,
                guint64       seed,
                GArray      **kept_out)
{
  guint n_poly;
  const HlPoint *poly = hl_curve_get_polyline (view->hairline, &n_poly);
  double reach = TRANSITION_MM / MM_PER_PX;
  g_autoptr(HlSegmentIndex) index = hl_segment_index_new (poly, n_poly, FALSE, reach,
                                                          (HlRect) { 0, 0, w, h });
  GArray *pts = bridson (w, h, r, seed);
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  HlRng rng;

  hl_rng_init (&rng, seed + 1);
  for (guint i = 0; i < pts->len; i++)
    {
      HlPoint p = g_array_index (pts, HlPoint, i);
      double d = hl_segment_index_signed_distance (index, p);
      double u = CLAMP (d / reach, 0.0, 1.0);

      if (hl_rng_double (&rng) < u * u * (3 - 2 * u))
        g_array_append_val (kept, p);
    }
  g_array_unref (pts);

  if (kept_out != NULL)
    *kept_out = kept;
  else
    {
      guint n = kept->len;

      g_array_unref (kept);
      return n;
    }
  return kept->len;
}

/* --- memory --------------------------------------------------------------- */

static long
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  at = strstr (text, key);
  return at != NULL ? atol (at + strlen (key)) : -1;
}

static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Child mode: the first stipple of a 100 cm² zone in this fresh process. */
static int
first_stipple (void)
{
  g_autoptr(HlView) view = make_view (1000, 1000, 101);
  g_autoptr(GArray) dots = NULL;
  struct rusage r0, r1;
  double t0, c0;

  getrusage (RUSAGE_SELF, &r0);
  t0 = now_s ();
  c0 = cpu_s ();
  dots = hl_stipple_view (view, 1);
  printf ("%u %.6f %.6f", dots->len, now_s () - t0, cpu_s () - c0);
  getrusage (RUSAGE_SELF, &r1);
  printf (" %ld\n", r1.ru_minflt - r0.ru_minflt);
  return 0;
}

/* The timed part of one drag event: the engine's update, and the zone
 * counts when @counts. Not inlined, so that a profiler can count it alone
 * (valgrind --tool=callgrind --toggle-collect=drag_update). */
static G_GNUC_NO_INLINE void
drag_update (HlStippler   *st,
             const HlView *view,
             gboolean      counts)
{
  hl_stippler_update (st, view, 1);
  if (counts)
    for (guint z = 0; z < view->zones->len; z++)
      {
        HlZoneStats stats;

        hl_stippler_get_zone_counts (st, z, &stats);
      }
}

/* One drag of hairline handle 4 per speed (only speed @only when it is
 * not -1); see main(). */
static void
drag_benchmark (int only)
{
  static const struct { const char *name; double step; gboolean jitter, counts; } speeds[] = {
    { "jitter ±3 px", 3.0, TRUE, FALSE },
    { "drift 2 px", 2.0, FALSE, FALSE },
    { "drift 20 px", 20.0, FALSE, FALSE },
    { "drift 100 px", 100.0, FALSE, FALSE },
    /* As the editor's engine worker does: the zone counts after each
     * update (hl_stippler_get_zone_counts()). */
    { "drift 20 px, with the zone counts,", 20.0, FALSE, TRUE },
  };

  for (guint sp = 0; sp < G_N_ELEMENTS (speeds); sp++)
    {
      double w = 3000, h = 3000;
      g_autoptr(HlView) view = make_view (w, h, 7);
      g_autoptr(HlStippler) st = hl_stippler_new ();
      g_autoptr(GArray) fresh = NULL;
      HlView *cur = hl_view_ref (view);
      guint iters = 200;
      double times[200];
      double step = speeds[sp].step;
      guint turn = MAX (1, (guint) (600.0 / step));
      gsize n;
      const HlDot *dots;
      HlRect interior = { 300, 300, 2700, 2000 };

      if (only >= 0 && (guint) only != sp)
        {
          hl_view_unref (cur);
          continue;
        }
      hl_stippler_update (st, cur, 1);
      for (guint it = 0; it < iters; it++)
        {
          HlView *next = hl_view_copy (cur);
          HlPoint p = hl_curve_get_points (cur->hairline)[4];
          double sx, sy;
          g_autoptr(HlCurve) moved = NULL;
          double c0;

          if (speeds[sp].jitter)
            {
              sx = (it % 2) ? step : -step;
              sy = ((it % 4) < 2 ? step : -step) * 0.7;
            }
          else
            {
              /* Out for `turn` events, back for as many. */
              double dir = (it / turn) % 2 == 0 ? 1.0 : -1.0;

              sx = dir * step;
              sy = dir * step * 0.7;
            }
          moved = hl_curve_with_point (cur->hairline, 4, (HlPoint) { p.x + sx, p.y + sy });
          hl_view_set_hairline (next, moved);
          hl_view_unref (cur);
          cur = next;
          c0 = cpu_s ();
          drag_update (st, cur, speeds[sp].counts);
          times[it] = cpu_s () - c0;
        }
      dots = hl_stippler_get_dots (st, &n);
      fresh = hl_stipple_view (cur, 1);
      printf ("drag update, handle %s per event: %" G_GSIZE_FORMAT " dots, "
              "cpu p50 %.3f ms, p95 %.3f ms (%u updates); dots %s a fresh stipple\n",
              speeds[sp].name, n, hl_test_percentile (times, iters, 0.5) * 1e3,
              hl_test_percentile (times, iters, 0.95) * 1e3, iters,
              fresh->len == n && memcmp (fresh->data, dots, n * sizeof (HlDot)) == 0 ? "equal" : "DIFFER FROM");

      if (sp == 0)
        {
          g_autoptr(GArray) pts = hl_test_dots_in_rect (dots, n, interior, -1);

          printf ("engine rho (full-density interior): %.3f over %u dots\n",
                  hl_test_rho ((HlPoint *) (gpointer) pts->data, pts->len,
                               (interior.x1 - interior.x0) * (interior.y1 - interior.y0)), pts->len);
        }
      hl_view_unref (cur);
    }
}

int
main (int    argc,
      char **argv)
{
  double t0, t1;

  if (argc > 1 && strcmp (argv[1], "--drag") == 0)
    {
      /* The drag alone (for profilers), at every speed or at the one
       * numbered (0 jitter, 1 2 px, 2 20 px, 3 100 px, 4 20 px with the
       * zone counts). */
      drag_benchmark (argc > 2 ? atoi (argv[2]) : -1);
      return 0;
    }
  if (argc > 1 && strcmp (argv[1], "--first-stipple") == 0)
    return first_stipple ();

  printf ("# Hairline Studio engine benchmark (engine version %d)\n", HL_ENGINE_VERSION);
  printf ("# wall = elapsed time, cpu = this process's CPU time (the difference is other load)\n");

  /* 1. Full generation of a 100 cm² zone at 60/cm² with an 8 mm transition:
   *    the first stipple in a fresh process, then warm, then a Bridson
   *    baseline generating as many points in the same run. */
  {
    g_autoptr(HlView) view = make_view (1000, 1000, 101);
    double wall[11], cpu[11], faults[11], warm_wall[10], warm_cpu[10], bw[5];
    guint n = 0, nb = 0;
    double r;

    for (guint k = 0; k < G_N_ELEMENTS (wall); k++)
      {
        const char *child[] = { argv[0], "--first-stipple", NULL };
        g_autofree char *out = NULL;
        g_autoptr(GError) error = NULL;
        int status;

        if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                           &out, NULL, &status, &error) ||
            sscanf (out, "%u %lf %lf %lf", &n, &wall[k], &cpu[k], &faults[k]) != 4)
          {
            printf ("first stipple in a fresh process: could not run (%s)\n",
                    error != NULL ? error->message : "no output");
            wall[k] = cpu[k] = faults[k] = 0.0;
          }
      }
    printf ("full generation, first stipple in a fresh process (100 cm², 60/cm², median of %u processes): "
            "%u dots, wall %.2f ms, cpu %.2f ms = %.2f M points/s (cpu), %.0f page faults\n",
            (guint) G_N_ELEMENTS (wall), n, hl_test_percentile (wall, G_N_ELEMENTS (wall), 0.5) * 1e3,
            hl_test_percentile (cpu, G_N_ELEMENTS (cpu), 0.5) * 1e3,
            n / hl_test_percentile (cpu, G_N_ELEMENTS (cpu), 0.5) / 1e6,
            hl_test_percentile (faults, G_N_ELEMENTS (faults), 0.5));

    for (guint rep = 0; rep < G_N_ELEMENTS (warm_wall); rep++)
      {
        g_autoptr(GArray) dots = NULL;
        double c0 = cpu_s ();

        t0 = now_s ();
        dots = hl_stipple_view (view, 1);
        warm_wall[rep] = now_s () - t0;
        warm_cpu[rep] = cpu_s () - c0;
        n = dots->len;
      }
    printf ("full generation, warm (new engine each time, median of 10): %u dots, wall %.2f ms, cpu %.2f ms = %.2f M points/s (cpu)\n",
            n, hl_test_percentile (warm_wall, 10, 0.5) * 1e3, hl_test_percentile (warm_cpu, 10, 0.5) * 1e3,
            n / hl_test_percentile (warm_cpu, 10, 0.5) / 1e6);

    /* Bridson over the same box, radius calibrated to the same count
     * (outside the timing). */
    r = 0.8 * sqrt (2.0 / (sqrt (3.0) * (DENSITY / 100.0))) / MM_PER_PX;
    for (guint k = 0; k < 2; k++)
      {
        guint got = bridson_update (view, 1000, 1000, r, 99, NULL);

        r *= sqrt (got / (double) n);
      }
    for (guint rep = 0; rep < G_N_ELEMENTS (bw); rep++)
      {
        double c0 = cpu_s ();

        nb = bridson_update (view, 1000, 1000, r, 500 + rep, NULL);
        bw[rep] = cpu_s () - c0;
      }
    printf ("full generation, Bridson baseline (same zone and ramp, median of 5): %u points, cpu %.2f ms = %.2f M points/s (cpu)\n",
            nb, hl_test_percentile (bw, 5, 0.5) * 1e3, nb / hl_test_percentile (bw, 5, 0.5) / 1e6);
  }

  /* 2. Moving one hairline handle on a ≈ 50k-dot design: the engine's
   *    update after each move, p50 and p95, for a jittering hand (±3 px
   *    back and forth) and for handles drifting 2, 20 and 100 px per event
   *    (turning back after 600 px, so they stay over the zone); then the
   *    dots are checked against a fresh stipple of the last view. */
  drag_benchmark (-1);

  /* 3. Peak memory for a million dots (a 129 × 129 cm zone at 60/cm²). */
  {
    long before, peak;
    double side = sqrt (1.0e6 / DENSITY) * 10.0 / MM_PER_PX;   /* px */
    g_autoptr(HlView) view = make_view (side, side, 3);
    g_autoptr(HlStippler) st = hl_stippler_new ();
    gsize n;
    double c0;

    /* Reset the peak counter (Linux ≥ 4.0), then measure. */
    g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
    before = status_kb ("VmRSS:");
    c0 = cpu_s ();
    t0 = now_s ();
    hl_stippler_update (st, view, 1);
    t1 = now_s ();
    peak = status_kb ("VmHWM:");
    hl_stippler_get_dots (st, &n);
    printf ("full generation, 1M-dot design: %" G_GSIZE_FORMAT " dots, wall %.2f s, cpu %.2f s (%.2f M points/s cpu), "
            "peak memory %.1f MB above the %.1f MB before\n",
            n, t1 - t0, cpu_s () - c0, n / (cpu_s () - c0) / 1e6, (peak - before) / 1024.0, before / 1024.0);
  }

  return 0;
}
