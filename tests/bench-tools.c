/* bench-tools.c: what a canvas frame costs while the pointer moves, per
 * tool, on the sample design at the editor's default size. Prints p50 and
 * p95; asserts nothing about time.
 *
 *   - "hover event": one MOTION event through the tool (no button down),
 *     timed in batches of 50;
 *   - "overlay pass": the tool's feedback drawn over a 1100 × 656 frame
 *     (what the canvas redraws on hover), with the placement guides;
 *   - "design layer": photo, dots, hairline and zones rendered again at the
 *     same size (what the canvas would redraw per frame without its cache).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hl-design-io.h"
#include "hl-measure.h"
#include "hl-photo.h"
#include "hl-render.h"
#include "hl-stippler.h"
#include "hl-tool-test-util.h"
#include "hl-tools.h"
#include "hl-test-util.h"

#define WIDTH 1100
#define HEIGHT 656
#define FRAMES 400
#define HOVER_BATCH 50

static void
report (const char *what,
        double     *us,
        guint       n)
{
  printf ("  %-34s p50 %8.2f µs   p95 %8.2f µs\n", what, hl_test_percentile (us, n, 0.5),
          hl_test_percentile (us, n, 0.95));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *photo_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(HlPhoto) photo = hl_photo_load (photo_path, &error);
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  const HlView *view;
  guint n_tools;
  const HlToolInfo *infos = hl_tools_get_all (&n_tools);
  double zoom = (double) HEIGHT / 512, dx = (WIDTH - 512 * zoom) / 2, dy = 0;
  double *us = g_new (double, FRAMES);
  cairo_surface_t *frame = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  const HlDot *dots;
  gsize n_dots;

  if (design == NULL || photo == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  history = hl_history_new (design, 10);
  view = hl_design_get_view (design, 0);
  hl_stippler_update (engine, view, design->seed);
  dots = hl_stippler_get_dots (engine, &n_dots);

  printf ("sample design, %" G_GSIZE_FORMAT " dots, frame %d × %d at %.2f screen px per image px\n",
          n_dots, WIDTH, HEIGHT, zoom);

  for (guint t = 0; t < n_tools; t++)
    {
      g_autoptr(HlTool) tool = hl_tool_new_by_name (infos[t].name, hl_test_host (history), NULL, 0);
      g_autofree char *label = NULL;

      hl_tool_set_photo (tool, photo);
      hl_tool_set_selected_zone (tool, 0);
      printf ("%s\n", infos[t].name);

      /* The pointer sweeps across the forehead, over the handles; an
       * event takes less than the clock's microsecond, so each sample is
       * the mean of a batch of them. */
      for (guint i = 0; i < FRAMES; i++)
        {
          gint64 start = g_get_monotonic_time ();

          for (guint k = 0; k < HOVER_BATCH; k++)
            {
              guint step = i * HOVER_BATCH + k;
              HlToolEvent event = { HL_TOOL_MOTION, { 160 + (step % 140), 40 + (step % 70) }, zoom,
                                    1.0, HL_TOOL_KEY_NONE, FALSE };

              hl_tool_event (tool, &event);
            }
          us[i] = (double) (g_get_monotonic_time () - start) / HOVER_BATCH;
        }
      report ("hover event (mean of 50)", us, FRAMES);

      for (guint i = 0; i < FRAMES; i++)
        {
          HlToolEvent event = { HL_TOOL_MOTION, { 160 + (i % 140), 40 + (i % 70) }, zoom, 1.0,
                                HL_TOOL_KEY_NONE, FALSE };
          gint64 start;
          cairo_t *cr;

          hl_tool_event (tool, &event);
          start = g_get_monotonic_time ();
          cr = cairo_create (frame);
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          cairo_translate (cr, dx, dy);
          cairo_scale (cr, zoom, zoom);
          hl_measure_draw_guides (view, cr, zoom, HL_UNIT_MM);
          hl_tool_draw_overlay (tool, cr, zoom);
          cairo_destroy (cr);
          us[i] = g_get_monotonic_time () - start;
        }
      label = g_strdup_printf ("overlay pass (%d × %d)", WIDTH, HEIGHT);
      report (label, us, FRAMES);
    }

  for (guint i = 0; i < FRAMES / 4; i++)
    {
      HlRenderOptions options;
      gint64 start = g_get_monotonic_time ();

      hl_render_options_init (&options);
      options.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
      hl_render_view (frame, zoom, dx, dy, photo, view, dots, n_dots, &options);
      us[i] = g_get_monotonic_time () - start;
    }
  printf ("without the canvas's cache\n");
  report ("design layer (photo, dots, lines)", us, FRAMES / 4);

  cairo_surface_destroy (frame);
  g_free (us);
  return 0;
}
