/* bench-head-zones.c: what zones on the head cost. Prints numbers;
 * asserts only that each run did its work.
 *
 * On the head-chart sample with the top view's "Mid-scalp and sides" on the
 * head, the dots carried into the front view (hl_head_zones_carry()):
 *   - "cold": a new carrier each run (the top view stippled, its dots
 *     carried, the front's own zones tested), p50 of 9 runs;
 *   - "front edited": one carrier, the front view changed between runs
 *     (the top's dots kept, carried again), p50 of 9 runs;
 *   - "unchanged": one carrier, the same design (the cached result),
 *     p50 of 1000 runs;
 * beside the front view's own stippling from scratch (hl_stipple_view()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-head-zones.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

#define RUNS 9
#define CACHED_RUNS 1000

/* The head-chart sample with the top's mid-scalp on the head. */
static HlDesign *
marked_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "head-chart-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  int top;

  g_assert_no_error (error);
  top = hl_design_find_view (design, "top");
  g_assert_cmpint (top, >=, 0);
  for (guint z = 0; z < hl_view_get_n_zones (hl_design_get_view (design, (guint) top)); z++)
    {
      const HlZone *zone = hl_view_get_zone (hl_design_get_view (design, (guint) top), z);

      if (strcmp (zone->name, "Mid-scalp and sides") == 0)
        {
          g_autoptr(HlZone) on_head = hl_zone_copy (zone);

          hl_zone_set_on_head (on_head, TRUE);
          return hl_edit_replace_zone (design, (guint) top, z, on_head);
        }
    }
  g_assert_not_reached ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlHeadZones) carrier = NULL;
  double cold[RUNS], edit[RUNS], own[RUNS], cached[CACHED_RUNS];
  guint n_carried = 0, n_own = 0;
  int front;

  g_test_init (&argc, &argv, NULL);
  design = marked_sample ();
  front = hl_design_find_view (design, "front");
  g_assert_cmpint (front, >=, 0);
  /* The front view with its first zone's seed changed: a new view. */
  {
    HlZoneParams zp = hl_view_get_zone (hl_design_get_view (design, (guint) front), 0)->params;

    zp.seed++;
    edited = hl_edit_set_zone_params (design, (guint) front, 0, &zp);
  }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(HlHeadZones) fresh = hl_head_zones_new ();
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) dots = hl_head_zones_carry (fresh, design, (guint) front);

      cold[i] = (g_get_monotonic_time () - t0) / 1000.0;
      n_carried = dots->len;
    }
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) dots = hl_stipple_view (hl_design_get_view (design, (guint) front), design->seed);

      own[i] = (g_get_monotonic_time () - t0) / 1000.0;
      n_own = dots->len;
    }

  carrier = hl_head_zones_new ();
  g_array_unref (hl_head_zones_carry (carrier, design, (guint) front));
  for (guint i = 0; i < RUNS; i++)
    {
      HlDesign *d = i % 2 == 0 ? edited : design;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) dots = hl_head_zones_carry (carrier, d, (guint) front);

      edit[i] = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (dots->len, >, 0);
    }
  for (guint i = 0; i < CACHED_RUNS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GArray) dots = hl_head_zones_carry (carrier, design, (guint) front);

      cached[i] = (double) (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (dots->len, ==, n_carried);
    }

  g_assert_cmpuint (n_carried, >, 0);
  printf ("# head-chart sample, top \"Mid-scalp and sides\" on the head, carried into the front view\n");
  printf ("carried dots: %u (front's own: %u)\n", n_carried, n_own);
  printf ("cold (top stippled and carried): p50 %.2f ms\n", hl_test_percentile (cold, RUNS, 0.5));
  printf ("front edited (top cached, carried again): p50 %.2f ms\n", hl_test_percentile (edit, RUNS, 0.5));
  printf ("unchanged (cached result): p50 %.1f µs\n", hl_test_percentile (cached, CACHED_RUNS, 0.5) * 1000.0);
  printf ("front's own dots from scratch (hl_stipple_view): p50 %.2f ms\n", hl_test_percentile (own, RUNS, 0.5));
  return 0;
}
