/* bench-head.c: what the head model costs. Prints numbers; asserts only
 * that each run did its work.
 *
 *   - "fit": hl_head_fit_view() on the sample photo's view (the issue asks
 *     under 50 ms), p50 and p95 of 2000 runs;
 *   - "stipple": every view of the head-chart sample made from scratch,
 *     with its head model (engine 6: a density factor per candidate and a
 *     plane as dense as the largest factor asks) and with the model removed
 *     (the photo plane), p50 of 9 runs each, with the dots each gives;
 *   - "stats": the zones' statistics after that (the scalp areas, measured
 *     once per zone and head).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hl-design-io.h"
#include "hl-head-fit.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define FIT_RUNS 2000
#define STIPPLE_RUNS 9

static HlDesign *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design;
}

static void
bench_fit (void)
{
  g_autoptr(HlDesign) design = load_sample ("front-consultation.json");
  const HlView *view = hl_design_get_view (design, 0);
  double us[FIT_RUNS];
  HlHeadModel model;
  HlHeadPose pose;

  for (guint i = 0; i < FIT_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_assert_true (hl_head_fit_view (view, &model, &pose, NULL));
      us[i] = (double) (g_get_monotonic_time () - t0);
    }
  printf ("  fit, sample photo (head %.0f mm broad)   p50 %8.2f µs   p95 %8.2f µs\n", model.breadth_mm,
          hl_test_percentile (us, FIT_RUNS, 0.5), hl_test_percentile (us, FIT_RUNS, 0.95));
}

static void
bench_stipple (gboolean with_head)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json");

  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      g_autoptr(HlView) view = hl_view_copy (hl_design_get_view (design, v));
      double ms[STIPPLE_RUNS], stats_ms = 0.0;
      gsize n = 0;

      g_assert_true (view->has_head);
      if (!with_head)
        hl_view_set_head (view, NULL, NULL);
      for (guint r = 0; r < STIPPLE_RUNS; r++)
        {
          g_autoptr(HlStippler) engine = hl_stippler_new ();
          gint64 t0 = g_get_monotonic_time (), t1;

          hl_stippler_update (engine, view, design->seed);
          t1 = g_get_monotonic_time ();
          ms[r] = (double) (t1 - t0) / 1000.0;
          hl_stippler_get_dots (engine, &n);
          for (guint z = 0; z < hl_view_get_n_zones (view); z++)
            {
              HlZoneStats st;

              g_assert_true (hl_stippler_get_zone_counts (engine, z, &st));
            }
          stats_ms += (double) (g_get_monotonic_time () - t1) / 1000.0 / STIPPLE_RUNS;
        }
      g_assert_cmpuint (n, >, 0);
      printf ("  stipple %-5s %-11s %7" G_GSIZE_FORMAT " dots   p50 %8.2f ms   stats %6.2f ms\n", view->name,
              with_head ? "head model" : "photo plane", n, hl_test_percentile (ms, STIPPLE_RUNS, 0.5), stats_ms);
    }
}

int
main (int    argc,
      char **argv)
{
  (void) argc;
  (void) argv;
  printf ("head model\n");
  bench_fit ();
  bench_stipple (TRUE);
  bench_stipple (FALSE);
  return 0;
}
