/* test-gui-frame.c: the frame of the real window while a handle is
 * dragged, under Xvfb: what the canvas keeps from frame to frame (the
 * design layer's tiles, the tool's cells) shows what drawing it all anew
 * shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-gui-test-util.h"
#include "hl-window.h"

static HlApplication *app;

static gboolean
is_computed (gpointer window)
{
  return !hl_document_is_computing (hl_window_get_document (window));
}

static HlPoint
hairline_point (HlDesign *design,
                guint     i)
{
  return hl_curve_get_points (hl_design_get_view (design, 0)->hairline)[i];
}

/* Dragged in steps over the sample (its hairline, zones and landmarks:
 * handles and guides across the canvas), the tool's feedback, kept cell
 * by cell and compared only where something is drawn, shows what cells
 * all made anew show, pixel for pixel; and so does the whole canvas with
 * the design layer drawn again whole. */
static void
test_drag_cells_match_full (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 700);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint p = hairline_point (hl_window_get_design (window), 4);
  HlToolEvent event = { HL_TOOL_PRESS, p, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) kept = NULL;
  g_autoptr(GdkTexture) remade = NULL;
  g_autoptr(GdkTexture) full = NULL;
  guint n_remade, shown;

  hl_canvas_set_tool (canvas, "select");
  hl_canvas_handle_event (canvas, &event);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  first = hl_gui_render_widget (GTK_WIDGET (canvas));
  event.type = HL_TOOL_MOTION;
  for (int step = 1; step <= 12; step++)
    {
      event.p = (HlPoint) { p.x + 7 * step, p.y - 4 * step + (step % 3) * 5 };
      hl_canvas_handle_event (canvas, &event);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
      hl_gui_wait_until (is_computed, window);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
    }
  hl_canvas_get_tool_cells (canvas, &n_remade, &shown);
  g_assert_cmpuint (shown, >=, 8);
  kept = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_gui_count_differences (first, kept), >, 100);

  hl_canvas_reset_tool_cells (canvas);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_canvas_get_tool_cells (canvas, &n_remade, &shown);
  g_assert_cmpuint (n_remade, ==, shown);
  remade = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_gui_count_differences (kept, remade), ==, 0);

  /* Healed and back to fresh: the design layer drawn whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "healed"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "fresh"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  full = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_gui_count_differences (kept, full), ==, 0);

  event.type = HL_TOOL_RELEASE;
  hl_canvas_handle_event (canvas, &event);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/gui-frame/drag-cells-match-full", test_drag_cells_match_full);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
