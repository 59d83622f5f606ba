/* fuzz-engine.c: designs that load, through the stippler.
 *
 * A design whose zones could hold more than MAX_CANDIDATES candidate dots
 * (bounding box × density, over every zone of every view) is skipped, so
 * each input stays cheap and the fuzzer explores shapes, parameters,
 * sessions and edits rather than spending its time placing dots.
 *
 * Every zone is stippled with one fixed seed: a new seed means a new
 * blue-noise tile, whose making took 88% of the time when the seeds came
 * from the input (the tile itself is input-independent and tested on its
 * own), so this keeps the engine's input-dependent work in focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-stippler.h"

#define MAX_CANDIDATES 20000.0

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static double
candidates (const HlView *view)
{
  double m = hl_view_get_mm_per_px (view, NULL);
  double sum = 0.0;

  for (guint i = 0; i < hl_view_get_n_zones (view); i++)
    {
      const HlZone *zone = hl_view_get_zone (view, i);
      HlRect box = hl_curve_bounds (zone->boundary);

      if (hl_rect_is_empty (box))
        continue;
      sum += (box.x1 - box.x0) * (box.y1 - box.y0) * m * m * zone->params.density / 100.0;
    }
  return sum;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data ((const char *) data, size, &error);
  double total = 0.0;

  if (design == NULL)
    return 0;

  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    total += candidates (hl_design_get_view (design, v));
  if (!(total <= MAX_CANDIDATES))
    return 0;

  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      g_autoptr(HlView) view = hl_view_copy (hl_design_get_view (design, v));
      g_autoptr(GArray) dots = NULL;

      for (guint i = 0; i < hl_view_get_n_zones (view); i++)
        {
          g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (view, i));
          HlZoneParams params = zone->params;

          params.seed = 0;
          hl_zone_set_params (zone, &params);
          hl_view_replace_zone (view, i, zone);
        }
      dots = hl_stipple_view (view, 1);

      g_assert_nonnull (dots);
      g_assert_cmpfloat (dots->len, <=, 1.1 * total + 16);
    }

  return 0;
}
