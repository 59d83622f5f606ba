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

/* What @widget shows, rendered by its window's renderer (transfer full). */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* Pixels of two textures of the same size that differ. */
static guint
count_differences (GdkTexture *a,
                   GdkTexture *b)
{
  int w = gdk_texture_get_width (a), h = gdk_texture_get_height (a);
  g_autofree guint8 *pa = g_malloc ((gsize) w * h * 4);
  g_autofree guint8 *pb = g_malloc ((gsize) w * h * 4);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, w);
  g_assert_cmpint (gdk_texture_get_height (b), ==, h);
  gdk_texture_download (a, pa, (gsize) w * 4);
  gdk_texture_download (b, pb, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    n += memcmp (pa + i * 4, pb + i * 4, 4) != 0;
  return n;
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
  first = render_widget (GTK_WIDGET (canvas));
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
  kept = render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (count_differences (first, kept), >, 100);

  hl_canvas_reset_tool_cells (canvas);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_canvas_get_tool_cells (canvas, &n_remade, &shown);
  g_assert_cmpuint (n_remade, ==, shown);
  remade = render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (count_differences (kept, remade), ==, 0);

  /* Healed and back to fresh: the design layer drawn whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "healed"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "fresh"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  full = render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (count_differences (kept, full), ==, 0);

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
