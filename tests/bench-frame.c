/* bench-frame.c: what a frame of the real editor window costs while a
 * hairline handle is dragged, measured in-process over GTK's frame clock.
 * Prints p50 and p95; asserts nothing about time.
 *
 * The window (1280 × 800, the cairo renderer under Xvfb) shows a design of
 * about 50k dots: one zone of 300 × 300 mm at 60 dots/cm² behind a wavy
 * hairline, 0.1 mm/px, without a photo. Each frame's tick moves the
 * hairline's middle handle by a few pixels through the canvas (as a
 * pointer motion does), and the frame's cost is the time from that tick to
 * the end of the frame's paint phase: the engine's update, the canvas's
 * snapshot and GSK's render. The motion event alone (tool and engine) is
 * timed too.
 *
 * Two designs: the hairline of 9 points over a square zone (13 handles),
 * and a practitioner's detailed one, over 100 handles on screen (the
 * select tool draws them all each frame): a hairline of 33 points, the
 * square zone's edges with 48 vertices and a round crown zone of 40.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* Under `valgrind --tool=callgrind --instr-atstart=no`, the drags alone
 * are counted, one dump each (the window's start and the first stipple
 * are not). */
#if defined __has_include
# if __has_include (<valgrind/callgrind.h>)
#  include <valgrind/callgrind.h>
#  define HAVE_CALLGRIND 1
# endif
#endif

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-design-io.h"
#include "hl-window.h"
#include "hl-test-util.h"

#define WIDTH 1280
#define HEIGHT 800
#define FRAMES 240

typedef struct
{
  HlCanvas *canvas;
  HlPoint   start;
  gint64    tick_at;
  double    cpu_at;         /* process CPU time at the tick, s */
  guint     frame;
  double    ms[FRAMES];
  double    cpu_ms[FRAMES]; /* process CPU time, tick to end of paint (all threads) */
  double    event_ms[FRAMES];
  double    faults[FRAMES];   /* minor page faults, tick to end of paint */
  long      faults_at;
  guint     n;
  guint     n_events;
  gboolean  done;
} Drag;

/* The square zone and wavy hairline; with @detailed, many more points
 * (see above). */
static HlDesign *
make_design (gboolean detailed)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.1, 0.02 };
  HlPoint c[] = { { 0, 0 }, { 3000, 0 }, { 3000, 3000 }, { 0, 3000 } };
  guint per_edge = detailed ? 12 : 1, n_hair = detailed ? 33 : 9;
  g_autofree HlPoint *z = g_new (HlPoint, 4 * per_edge);
  g_autofree gboolean *corners = g_new (gboolean, 4 * per_edge);
  g_autofree HlPoint *h = g_new (HlPoint, n_hair);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlCurve) hair = NULL;
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  for (guint e = 0; e < 4; e++)
    for (guint k = 0; k < per_edge; k++)
      {
        z[e * per_edge + k] = (HlPoint) { c[e].x + (c[(e + 1) % 4].x - c[e].x) * k / per_edge,
                                          c[e].y + (c[(e + 1) % 4].y - c[e].y) * k / per_edge };
        corners[e * per_edge + k] = k == 0;
      }
  outline = hl_curve_new_full (z, corners, 4 * per_edge, TRUE);
  for (guint i = 0; i < n_hair; i++)
    h[i] = (HlPoint) { -100 + i * 3200.0 / (n_hair - 1), 2850 + ((int) (i % 3) - 1) * 40.0 };
  hair = hl_curve_new (h, n_hair, FALSE);
  hl_view_set_calibration (view, &cal);
  hl_zone_params_init (&zp);
  zp.density = 60;
  zp.transition_mm = 8;
  zp.follows_hairline = TRUE;
  zp.seed = 7;
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &zp);
  hl_view_append_zone (view, zone);
  if (detailed)
    {
      HlPoint round[40];
      g_autoptr(HlCurve) crown_outline = NULL;
      g_autoptr(HlZone) crown = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (round); i++)
        round[i] = (HlPoint) { 1500 + 700 * cos (2 * G_PI * i / G_N_ELEMENTS (round)),
                               1000 + 700 * sin (2 * G_PI * i / G_N_ELEMENTS (round)) };
      crown_outline = hl_curve_new (round, G_N_ELEMENTS (round), TRUE);
      zp.seed = 8;
      zp.follows_hairline = FALSE;
      crown = hl_zone_new ("Crown", HL_ZONE_CROWN, crown_outline, &zp);
      hl_view_append_zone (view, crown);
    }
  hl_view_set_hairline (view, hair);
  hl_design_append_view (design, view);
  return design;
}

static double
cpu_s (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static long
minor_faults (void)
{
  struct rusage r;

  getrusage (RUSAGE_SELF, &r);
  return r.ru_minflt;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  Drag *drag = data;
  HlToolEvent event = { HL_TOOL_MOTION, drag->start, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  if (drag->frame >= FRAMES)
    {
      event.type = HL_TOOL_RELEASE;
      hl_canvas_handle_event (drag->canvas, &event);
      drag->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  /* Back and forth across 60 image px, 6 px per frame. */
  event.p.x = drag->start.x + 6.0 * ((drag->frame % 20) < 10 ? drag->frame % 10 : 10 - drag->frame % 10);
  event.p.y = drag->start.y - 3.0 * (drag->frame % 7);
  drag->faults_at = minor_faults ();
  drag->cpu_at = cpu_s ();
  drag->tick_at = g_get_monotonic_time ();
  hl_canvas_handle_event (drag->canvas, &event);
  drag->event_ms[drag->n_events++] = (g_get_monotonic_time () - drag->tick_at) / 1e3;
  gtk_widget_queue_draw (widget);
  drag->frame++;
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  Drag *drag = data;

  if (drag->tick_at != 0 && drag->n < FRAMES)
    {
      drag->ms[drag->n] = (g_get_monotonic_time () - drag->tick_at) / 1e3;
      drag->cpu_ms[drag->n] = (cpu_s () - drag->cpu_at) * 1e3;
      drag->faults[drag->n++] = minor_faults () - drag->faults_at;
    }
  drag->tick_at = 0;
}

/* Drags the middle hairline handle of @design in a new window and prints
 * the figures. */
static void
run (HlApplication *app,
     const char    *dir,
     gboolean       detailed)
{
  g_autoptr(HlDesign) design = make_design (detailed);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "drag.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlToolEvent press = { HL_TOOL_PRESS, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  const HlView *view;
  GdkFrameClock *clock;
  HlWindow *window;
  Drag drag = { 0 };
  guint n_handles;

  if (!hl_design_save_to_file (design, path, &error))
    g_error ("%s", error->message);

  window = hl_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  hl_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (hl_window_get_design (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  drag.canvas = HL_CANVAS (hl_window_get_canvas (window));
  hl_canvas_set_tool (drag.canvas, "select");
  view = hl_design_get_view (hl_document_get_design (hl_canvas_get_document (drag.canvas)), 0);
  n_handles = hl_curve_get_n_points (view->hairline);
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    n_handles += hl_curve_get_n_points (hl_view_get_zone (view, z)->boundary);
  drag.start = hl_curve_get_points (view->hairline)[hl_curve_get_n_points (view->hairline) / 2];
  press.p = drag.start;
  hl_canvas_handle_event (drag.canvas, &press);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (drag.canvas));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &drag);
#ifdef HAVE_CALLGRIND
  CALLGRIND_ZERO_STATS;
  CALLGRIND_START_INSTRUMENTATION;
#endif
  /* For `perf record -k CLOCK_MONOTONIC` and `perf report --time`. */
  if (g_getenv ("HL_BENCH_FRAME_TIMES") != NULL)
    printf ("drag starts at %.6f s (CLOCK_MONOTONIC)\n", g_get_monotonic_time () / 1e6);
  gtk_widget_add_tick_callback (GTK_WIDGET (drag.canvas), on_tick, &drag, NULL);
  while (!drag.done || drag.tick_at != 0)
    g_main_context_iteration (NULL, TRUE);
  if (g_getenv ("HL_BENCH_FRAME_TIMES") != NULL)
    printf ("drag ends at %.6f s (CLOCK_MONOTONIC)\n", g_get_monotonic_time () / 1e6);
#ifdef HAVE_CALLGRIND
  CALLGRIND_STOP_INSTRUMENTATION;
  CALLGRIND_DUMP_STATS_AT (detailed ? "drag, 121 handles" : "drag, 13 handles");
#endif
  g_signal_handlers_disconnect_by_data (clock, &drag);

  qsort (drag.ms, drag.n, sizeof drag.ms[0], hl_test_compare_doubles);
  qsort (drag.cpu_ms, drag.n, sizeof drag.cpu_ms[0], hl_test_compare_doubles);
  qsort (drag.event_ms, drag.n_events, sizeof drag.event_ms[0], hl_test_compare_doubles);
  qsort (drag.faults, drag.n, sizeof drag.faults[0], hl_test_compare_doubles);
  printf ("window %d × %d, %" G_GSIZE_FORMAT " dots, %u handles on screen, GSK renderer %s\n", WIDTH, HEIGHT,
          hl_canvas_get_n_dots (drag.canvas), n_handles,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("frame while dragging a hairline handle, %u handles (tick to end of paint): p50 %.2f ms, p95 %.2f ms over %u frames\n",
          n_handles, hl_test_percentile (drag.ms, drag.n, 0.5), hl_test_percentile (drag.ms, drag.n, 0.95), drag.n);
  printf ("  CPU time of that frame (all threads; the wall time's part that load does not add): p50 %.2f ms, p95 %.2f ms\n",
          hl_test_percentile (drag.cpu_ms, drag.n, 0.5), hl_test_percentile (drag.cpu_ms, drag.n, 0.95));
  printf ("  of which the motion event (tool and engine update): p50 %.2f ms, p95 %.2f ms\n",
          hl_test_percentile (drag.event_ms, drag.n_events, 0.5), hl_test_percentile (drag.event_ms, drag.n_events, 0.95));
  printf ("  page faults per frame (first touch of memory): p50 %.0f, p95 %.0f\n",
          hl_test_percentile (drag.faults, drag.n, 0.5), hl_test_percentile (drag.faults, drag.n, 0.95));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlApplication) app = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
  double load[3] = { 0 };

  g_set_prgname ("hairline-studio");
  gtk_init ();
  adw_init ();
  if (gdk_display_get_default () == NULL)
    {
      printf ("no display: run under xvfb-run\n");
      return 77;
    }

  app = hl_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  if (getloadavg (load, 3) > 0)
    printf ("load average at start: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  run (app, dir, FALSE);
  run (app, dir, TRUE);
  if (getloadavg (load, 3) > 0)
    printf ("load average at end: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  g_rmdir (dir);
  return 0;
}
