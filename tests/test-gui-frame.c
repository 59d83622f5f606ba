/* test-gui-frame.c: the canvas's frames in the real window, under Xvfb:
 * what it keeps from frame to frame (the design layer's tiles, the tool's
 * cells) shows what drawing it all anew shows, a drag or a hover draws
 * again only what changed, the dot count follows a drag, the window
 * answers while dots are computed, and scrolling and pinching zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-design-io.h"
#include "hl-gui-test-util.h"
#include "hl-tool-brush.h"
#include "hl-window.h"
#include "hl-window-private.h"

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

static HlWindow *
open_window (const char *path)
{
  /* The window's default width: the zone panel beside the canvas. */
  return hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 700);
}

/* Hovering changes only the tool's pass: the design layer with its dots
 * is drawn again only when the design or the zoom changes. */
static void
test_hover_keeps_layers (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint p = hairline_point (hl_window_get_design (window), 2);
  HlToolEvent event = { HL_TOOL_MOTION, p, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  guint renders = hl_canvas_get_design_renders (canvas);

  g_assert_cmpuint (renders, >=, 1);

  /* Onto a handle and off it again: the overlay changes, not the layer. */
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_REDRAW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  event.p = (HlPoint) { p.x + 60, p.y + 60 };
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_REDRAW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_canvas_get_design_renders (canvas), ==, renders);

  /* A drag changes the design: drawn again. */
  hl_gui_drag_hairline_point (window, 4, 5, 5);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_canvas_get_design_renders (canvas), ==, renders + 1);

  /* So does a zoom. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom", "d", 1.25);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_canvas_get_design_renders (canvas), ==, renders + 2);

  /* Undo while the document is shown: it follows, and so do the dots. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_canvas_get_design_renders (canvas), ==, renders + 3);
  g_assert_false (hl_window_is_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label shown under @root whose text holds @text, or NULL (borrowed). */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One view without a photo: a square zone of @side px at 400 dots/cm²
 * (@n_zones of them), transfer full. */
static HlDesign *
large_design (double side,
              guint  n_zones)
{
  g_autoptr(GString) s = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 2,"
                                       " \"engine_version\": 1, \"seed\": 3, \"views\": [{\"name\": \"front\", \"zones\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlView) view = NULL;

  g_string_append_printf (s, "{\"name\": \"big\", \"kind\": \"custom\", \"density\": 400,"
                          " \"boundary\": [[0, 0], [%g, 0], [%g, %g], [0, %g]]}]}]}",
                          side, side, side, side);
  design = hl_design_load_from_data (s->str, s->len, &error);
  g_assert_no_error (error);
  if (n_zones == 1)
    return g_steal_pointer (&design);

  /* More zones than loading would accept: built in memory. */
  view = hl_view_new ("front");
  for (guint i = 0; i < n_zones; i++)
    hl_view_append_zone (view, hl_view_get_zone (hl_design_get_view (design, 0), 0));
  {
    HlDesign *many = hl_design_new ();

    hl_design_append_view (many, view);
    return many;
  }
}

static gboolean
on_spin_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_spin_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_not_computing (gpointer window)
{
  return !hl_document_is_computing (hl_window_get_document (window));
}

static gboolean
compute_box_mapped (gpointer data)
{
  return gtk_widget_get_mapped (((HlWindow *) data)->compute_box);
}

/* While a large edit computes, the window shows how far it is and keeps
 * working: the main loop turns, actions run (tool, zoom, undo), Stop
 * stops it. An edit past the dot budget is refused with a toast. */
static void
test_computing_keeps_window_responsive (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlDocument *doc = hl_window_get_document (window);
  HlDesign *sample = hl_window_get_design (window);
  g_autoptr(HlDesign) big = large_design (5000, 1);
  g_autoptr(HlDesign) denser = large_design (5100, 1);
  g_autoptr(HlDesign) too_big = large_design (5200, 3);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autofree char *tool = NULL;
  GtkWidget *bar;
  guint ticks = 0, id;
  gint64 t0;
  double seen = 0.0, zoom;

  t0 = g_get_monotonic_time ();
  g_assert_true (hl_document_commit (doc, big, "Add a large zone", NULL));
  g_test_message ("push returned after %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_true (hl_document_is_computing (doc));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Progress shows over the canvas once the dots take a while, with Stop. */
  hl_gui_wait_until (compute_box_mapped, window);
  g_test_message ("progress shown %.0f ms after the push", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_true (hl_document_is_computing (doc));
  bar = hl_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (bar);
  g_assert_nonnull (gtk_widget_get_ancestor (bar, GTK_TYPE_OVERLAY));
  {
    GtkWidget *stop = gtk_widget_get_last_child (window->compute_box);

    g_assert_true (GTK_IS_BUTTON (stop) && gtk_widget_get_mapped (stop));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (stop)), ==, "win.stop-computing");
  }
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Computing dots…"));

  /* The window keeps working meanwhile. */
  id = g_timeout_add (5, hl_gui_count_tick, &ticks);
  zoom = hl_canvas_get_zoom (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", "ruler"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom", "d", 1.25));
  g_object_get (window, "tool", &tool, NULL);
  g_assert_cmpstr (tool, ==, "ruler");
  g_assert_cmpfloat (fabs (hl_canvas_get_zoom (canvas) / zoom - 1.25), <, 1e-9);
  /* Until the bar moved and 40 ticks passed, or the dots came. */
  while (hl_document_is_computing (doc) && (ticks < 40 || seen == 0.0))
    {
      g_main_context_iteration (NULL, TRUE);
      seen = MAX (seen, gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)));
    }
  g_source_remove (id);
  g_test_message ("%u ticks of 5 ms while computing, progress bar up to %.0f %%", ticks, 100 * seen);
  g_assert_cmpuint (ticks, >=, 3);
  g_assert_cmpfloat (seen, >, 0.0);

  /* Another large edit, then Stop (what Escape does once no gesture is
   * left to cancel): earlier dots stay, and the label says they are not
   * up to date. */
  g_assert_true (hl_document_commit (doc, denser, "Density", NULL));
  g_assert_true (hl_document_is_computing (doc));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-computing", NULL));
  g_assert_false (hl_document_is_computing (doc));
  spin_for (200);
  g_assert_false (hl_document_is_computing (doc));
  g_assert_true (hl_document_get_dots_design (doc) == sample || hl_document_get_dots_design (doc) == big);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "dots (stopped: not up to date)"));

  /* Undo twice: the sample and its own dots. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  hl_gui_wait_until (is_not_computing, window);
  g_assert_true (hl_document_get_dots_design (doc) == sample);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (hl_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR));

  /* Past the budget: a toast, and the design as it was. */
  g_assert_false (hl_document_commit (doc, too_big, "Add zones", NULL));
  g_assert_true (hl_window_get_design (window) == sample);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Edit not applied: views[0].zones[2]: the design would need"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit redraws only the part of the design layer it changed: after
 * drags far and near, and an undo, what the canvas shows equals the layer
 * drawn again whole, pixel for pixel. */
static void
test_partial_redraw_matches_full (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autoptr(GdkTexture) partial = NULL;
  g_autoptr(GdkTexture) full = NULL;
  g_autoptr(GdkTexture) before = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_autoptr(GdkTexture) edited = NULL;

  hl_gui_drag_hairline_point (window, 4, 30, -25);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_gui_drag_hairline_point (window, 4, -4, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));

  /* One dab of the smallest dot brush inside the frontal band: a small
   * part. */
  {
    const HlZone *zone = g_ptr_array_index (hl_design_get_view (hl_window_get_design (window), 0)->zones, 0);
    HlRect box = hl_curve_bounds (zone->boundary);
    HlToolEvent dab = { HL_TOOL_PRESS, { (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 }, 1.0, 1.0,
                        HL_TOOL_KEY_NONE, FALSE };
    GdkRectangle part;
    int lw, lh;

    hl_canvas_set_tool (canvas, "brush");
    hl_tool_brush_set_radius (hl_canvas_get_tool (canvas), HL_BRUSH_MIN_RADIUS);
    hl_canvas_handle_event (canvas, &dab);
    dab.type = HL_TOOL_RELEASE;
    g_assert_true (hl_canvas_handle_event (canvas, &dab) & HL_TOOL_COMMITTED);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
    hl_canvas_get_last_redraw (canvas, &part, &lw, &lh);
    g_assert_cmpint (part.width * part.height, >, 0);
    g_assert_cmpint (part.width * part.height, <, lw * lh / 20);
  }
  partial = hl_gui_render_widget (GTK_WIDGET (canvas));
  /* The edits changed what is shown. */
  edited = g_object_ref (partial);
  g_assert_cmpuint (hl_gui_count_differences (before, edited), >, 100);

  /* Healed and back to fresh: the whole layer is drawn again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "healed"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "fresh"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  full = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_gui_count_differences (partial, full), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Device px box of image px box [@x0, @x1] × [@y0, @y1], @pad px wider. */
static GdkRectangle
device_box (HlCanvas *canvas,
            double    x0,
            double    y0,
            double    x1,
            double    y1,
            double    pad)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (canvas));
  HlPoint a = hl_canvas_image_to_widget (canvas, (HlPoint) { x0, y0 });
  HlPoint b = hl_canvas_image_to_widget (canvas, (HlPoint) { x1, y1 });
  int ax = (int) floor (MIN (a.x, b.x) * scale - pad), ay = (int) floor (MIN (a.y, b.y) * scale - pad);

  return (GdkRectangle) { ax, ay, (int) ceil (MAX (a.x, b.x) * scale + pad) - ax,
                          (int) ceil (MAX (a.y, b.y) * scale + pad) - ay };
}

/* The dots of @a that are not in @b (as many times as they are more
 * often in @a), each as its device px box @pad px wider, into @boxes. */
static void
missing_dot_boxes (HlCanvas    *canvas,
                   const HlDot *a,
                   gsize        n_a,
                   const HlDot *b,
                   gsize        n_b,
                   double       mm_per_px,
                   double       pad,
                   GArray      *boxes)
{
  g_autoptr(GHashTable) count = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                       (GDestroyNotify) g_bytes_unref, NULL);

  for (gsize i = 0; i < n_b; i++)
    {
      GBytes *key = g_bytes_new (&b[i], sizeof b[i]);

      g_hash_table_insert (count, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, key)) + 1));
    }
  for (gsize i = 0; i < n_a; i++)
    {
      g_autoptr(GBytes) key = g_bytes_new (&a[i], sizeof a[i]);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (count, key));
      double r = 0.5 * a[i].diameter_mm / mm_per_px;

      if (n > 0)
        {
          g_hash_table_insert (count, g_bytes_ref (key), GUINT_TO_POINTER (n - 1));
          continue;
        }
      {
        GdkRectangle box = device_box (canvas, a[i].x - r, a[i].y - r, a[i].x + r, a[i].y + r, pad);

        g_array_append_val (boxes, box);
      }
    }
}

static gboolean
meets_any (const GdkRectangle *r,
           GArray             *boxes)
{
  for (guint i = 0; i < boxes->len; i++)
    if (gdk_rectangle_intersect (r, &g_array_index (boxes, GdkRectangle, i), NULL))
      return TRUE;
  return FALSE;
}

/* A hairline drag makes again only the tiles of the design layer where
 * dots changed or the line moved, every tile with a changed dot among
 * them, far fewer than all; a dab of the brush only the tiles under its
 * dot; and what the canvas then shows equals the layer drawn whole, pixel
 * for pixel. */
static void
test_drag_redraws_changed_tiles (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlDocument *doc = hl_canvas_get_document (canvas);
  g_autoptr(GArray) tiles = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_autoptr(GArray) line = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (HlDot));
  g_autoptr(GdkTexture) partial = NULL;
  g_autoptr(GdkTexture) full = NULL;
  g_autoptr(HlCurve) old_line = NULL;
  const HlView *view = hl_design_get_view (hl_window_get_design (window), 0);
  double mm_per_px = hl_view_get_mm_per_px (view, NULL);
  const HlDot *dots;
  gsize n_dots;
  guint tiles_area = 0;
  GdkRectangle part;
  int lw, lh;

  dots = hl_document_get_dots (doc, &n_dots);
  g_array_append_vals (before, dots, n_dots);
  old_line = hl_curve_ref (view->hairline);

  hl_gui_drag_hairline_point (window, 4, 14, -9);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_canvas_get_redrawn_tiles (canvas, tiles);
  hl_canvas_get_last_redraw (canvas, &part, &lw, &lh);

  /* What changed: dots gone or new, and the stretches of the line that
   * moved (6 device px of antialiasing and line width around them). */
  dots = hl_document_get_dots (doc, &n_dots);
  missing_dot_boxes (canvas, (const HlDot *) (gconstpointer) before->data, before->len, dots, n_dots,
                     mm_per_px, 0, changed);
  missing_dot_boxes (canvas, dots, n_dots, (const HlDot *) (gconstpointer) before->data, before->len,
                     mm_per_px, 0, changed);
  g_assert_cmpuint (changed->len, >, 0);
  /* The line's stretch that moved: its polyline between the common head
   * and tail, with the pieces joining them. */
  {
    const HlCurve *now = hl_design_get_view (hl_window_get_design (window), 0)->hairline;
    guint na, nb, head = 0, tail = 0;
    const HlPoint *a = hl_curve_get_polyline (old_line, &na);
    const HlPoint *b = hl_curve_get_polyline (now, &nb);

    while (head < MIN (na, nb) && memcmp (&a[head], &b[head], sizeof *a) == 0)
      head++;
    while (tail < MIN (na, nb) - head && memcmp (&a[na - 1 - tail], &b[nb - 1 - tail], sizeof *a) == 0)
      tail++;
    g_assert_cmpuint (head + tail, <, MIN (na, nb));
    for (guint k = 0; k < 2; k++)
      {
        const HlPoint *p = k == 0 ? a : b;
        guint n = k == 0 ? na : nb;

        for (guint i = head > 0 ? head - 1 : 0; i <= MIN (n - 1, n - tail); i++)
          {
            HlPoint q = p[MIN (i + 1, n - 1)];
            GdkRectangle r = device_box (canvas, MIN (p[i].x, q.x), MIN (p[i].y, q.y),
                                         MAX (p[i].x, q.x), MAX (p[i].y, q.y), 6);

            g_array_append_val (line, r);
          }
      }
    /* The line moved over a part of its length only. */
    g_assert_cmpuint (line->len, <, na + nb);
  }
  g_assert_cmpuint (line->len, >, 0);

  /* Every changed dot on the layer is in a tile made again... */
  for (guint i = 0; i < changed->len; i++)
    {
      GdkRectangle d = g_array_index (changed, GdkRectangle, i);
      GdkRectangle layer = { 0, 0, lw, lh };

      if (gdk_rectangle_intersect (&d, &layer, &d))
        g_assert_true (meets_any (&d, tiles));
    }
  /* ...and every tile made again holds a changed dot or a moved stretch
   * of the line (6 px of antialiasing around the dots). */
  for (guint i = 0; i < changed->len; i++)
    {
      GdkRectangle *d = &g_array_index (changed, GdkRectangle, i);

      *d = (GdkRectangle) { d->x - 6, d->y - 6, d->width + 12, d->height + 12 };
    }
  for (guint i = 0; i < tiles->len; i++)
    {
      const GdkRectangle *t = &g_array_index (tiles, GdkRectangle, i);

      g_assert_true (meets_any (t, changed) || meets_any (t, line));
      tiles_area += t->width * t->height;
    }
  g_assert_cmpuint (tiles->len, >, 0);
  g_assert_cmpuint (tiles_area, <, (guint) (lw * lh) / 2);

  /* One dab of the smallest dot brush: the tiles under its few dots
   * alone. */
  {
    const HlZone *zone = g_ptr_array_index (hl_design_get_view (hl_window_get_design (window), 0)->zones, 0);
    HlRect box = hl_curve_bounds (zone->boundary);
    HlToolEvent dab = { HL_TOOL_PRESS, { (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 }, 1.0, 1.0,
                        HL_TOOL_KEY_NONE, FALSE };

    g_array_set_size (before, 0);
    dots = hl_document_get_dots (doc, &n_dots);
    g_array_append_vals (before, dots, n_dots);
    hl_canvas_set_tool (canvas, "brush");
    hl_tool_brush_set_radius (hl_canvas_get_tool (canvas), HL_BRUSH_MIN_RADIUS);
    hl_canvas_handle_event (canvas, &dab);
    dab.type = HL_TOOL_RELEASE;
    g_assert_true (hl_canvas_handle_event (canvas, &dab) & HL_TOOL_COMMITTED);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
    hl_canvas_get_redrawn_tiles (canvas, tiles);
    g_array_set_size (changed, 0);
    dots = hl_document_get_dots (doc, &n_dots);
    missing_dot_boxes (canvas, dots, n_dots, (const HlDot *) (gconstpointer) before->data, before->len,
                       mm_per_px, 6, changed);
    g_assert_cmpuint (changed->len, >=, 1);
    g_assert_cmpuint (tiles->len, >=, 1);
    g_assert_cmpuint (tiles->len, <=, 4);
    for (guint i = 0; i < tiles->len; i++)
      g_assert_true (meets_any (&g_array_index (tiles, GdkRectangle, i), changed));
  }

  /* Composed from tiles made at three times, the canvas shows what the
   * layer drawn whole does (healed and back to fresh draws all of it). */
  partial = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "healed"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "fresh"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_canvas_get_redrawn_tiles (canvas, tiles);
  tiles_area = 0;
  for (guint i = 0; i < tiles->len; i++)
    tiles_area += g_array_index (tiles, GdkRectangle, i).width * g_array_index (tiles, GdkRectangle, i).height;
  g_assert_cmpuint (tiles_area, ==, (guint) (lw * lh));
  full = hl_gui_render_widget (GTK_WIDGET (canvas));
  g_assert_cmpuint (hl_gui_count_differences (partial, full), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}


static void
on_label_notify (GObject    *label,
                 GParamSpec *pspec,
                 guint      *changes)
{
  (*changes)++;
}

typedef struct
{
  HlWindow   *window;
  const char *expected;
} LabelWait;

static gboolean
label_reads (gpointer data)
{
  LabelWait *w = data;

  return g_strcmp0 (gtk_label_get_text (w->window->dots_label), w->expected) == 0;
}

/* While a handle is dragged the dot count changes at every step, and every
 * change of the label lays the window out again: the status bar shows a
 * new count at most every 200 ms, and the exact one once the drag rests;
 * the progress box does not show for updates that short. */
static void
test_dot_count_follows_drag (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlDocument *doc = hl_canvas_get_document (canvas);
  HlPoint p = hairline_point (hl_window_get_design (window), 4);
  HlToolEvent event = { HL_TOOL_PRESS, p, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint changes = 0, box_changes = 0;
  gint64 start;
  double burst_ms;
  gsize n_dots = 0;
  LabelWait wait = { window, NULL };

  /* Past the interval since the count was shown on opening. */
  g_usleep (250 * 1000);
  g_signal_connect (window->dots_label, "notify::label", G_CALLBACK (on_label_notify), &changes);
  /* Nor does the progress box over the canvas come and go at each step. */
  g_signal_connect (window->compute_box, "notify::visible", G_CALLBACK (on_label_notify), &box_changes);
  hl_canvas_handle_event (canvas, &event);
  start = g_get_monotonic_time ();
  event.type = HL_TOOL_MOTION;
  for (int i = 1; i <= 16; i++)
    {
      event.p = (HlPoint) { p.x + 4.0 * i, p.y - 3.0 * i };
      hl_canvas_handle_event (canvas, &event);
      hl_document_get_dots (doc, &n_dots);
      g_hash_table_add (counts, GSIZE_TO_POINTER (n_dots));
    }
  burst_ms = (g_get_monotonic_time () - start) / 1e3;
  g_test_message ("16 steps in %.1f ms, %u distinct counts, %u label changes",
                  burst_ms, g_hash_table_size (counts), changes);
  /* The count changed at most steps, the label far less often. */
  g_assert_cmpuint (g_hash_table_size (counts), >=, 4);
  g_assert_cmpuint (changes, <=, 1 + (guint) (burst_ms / 200.0) + 1);
  g_assert_cmpuint (changes, <, g_hash_table_size (counts));
  g_assert_cmpuint (box_changes, ==, 0);
  g_assert_false (gtk_widget_get_visible (window->compute_box));
  g_signal_handlers_disconnect_by_data (window->compute_box, &box_changes);

  /* At rest, the exact count. */
  expected = g_strdup_printf ("%" G_GSIZE_FORMAT " dots", n_dots);   /* no digit groups in C.UTF-8 */
  wait.expected = expected;
  hl_gui_wait_until (label_reads, &wait);
  event.type = HL_TOOL_RELEASE;
  hl_canvas_handle_event (canvas, &event);
  hl_document_get_dots (doc, &n_dots);
  g_free (expected);
  expected = g_strdup_printf ("%" G_GSIZE_FORMAT " dots", n_dots);   /* no digit groups in C.UTF-8 */
  wait.expected = expected;
  hl_gui_wait_until (label_reads, &wait);
  g_signal_handlers_disconnect_by_data (window->dots_label, &changes);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pixel of @texture at @p (widget px). */
static guint32
texture_pixel (GdkTexture *texture,
               HlPoint     p)
{
  guint32 px = 0;
  int w = gdk_texture_get_width (texture);
  g_autofree guchar *data = g_malloc ((gsize) w * 4 * gdk_texture_get_height (texture));

  gdk_texture_download (texture, data, (gsize) w * 4);
  memcpy (&px, data + ((gsize) floor (p.y) * w + (gsize) floor (p.x)) * 4, 4);
  return px;
}

/* A dragged handle makes again only the cells of the tool's feedback it
 * leaves and enters, while the feedback spans the canvas; the canvas
 * shows the handle where it went and nothing of it where it was. */
static void
test_drag_remakes_changed_cells (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint p = hairline_point (hl_window_get_design (window), 4);
  HlToolEvent event = { HL_TOOL_PRESS, p, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  HlPoint old_w, new_w;
  guint remade, shown;

  hl_canvas_set_tool (canvas, "select");
  hl_canvas_handle_event (canvas, &event);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  before = hl_gui_render_widget (GTK_WIDGET (canvas));
  old_w = hl_canvas_image_to_widget (canvas, p);

  event.type = HL_TOOL_MOTION;
  event.p = (HlPoint) { p.x + 40, p.y - 30 };
  hl_canvas_handle_event (canvas, &event);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  hl_canvas_get_tool_cells (canvas, &remade, &shown);
  g_test_message ("drag step: %u cells made again, %u shown", remade, shown);
  /* The handles span the canvas; one moved. */
  g_assert_cmpuint (shown, >=, 8);
  g_assert_cmpuint (remade, >=, 1);
  g_assert_cmpuint (remade, <=, 8);
  g_assert_cmpuint (remade, <, shown);

  after = hl_gui_render_widget (GTK_WIDGET (canvas));
  new_w = hl_canvas_image_to_widget (canvas, event.p);
  /* Well apart on screen, so neither handle covers the other's place. */
  g_assert_cmpfloat (hypot (new_w.x - old_w.x, new_w.y - old_w.y), >, 20.0);
  /* The dragged handle is filled with the hairline's red (0.75, 0.12,
   * 0.08): there where it went, not before, and no longer where it was. */
  g_assert_cmphex (texture_pixel (after, new_w), ==, 0xffbf1e14);
  g_assert_cmphex (texture_pixel (before, new_w), !=, 0xffbf1e14);
  g_assert_cmphex (texture_pixel (after, old_w), !=, 0xffbf1e14);

  event.type = HL_TOOL_RELEASE;
  hl_canvas_handle_event (canvas, &event);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A mouse wheel zooms around the pointer, a touchpad's two fingers pan
 * (the zoom stays), Ctrl with them zooms, a pinch zooms around its
 * centre: what the canvas's scroll and zoom controllers hand it. */
static void
test_scroll_and_pinch (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint image = { 225, 100 }, before, after;
  double zoom;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  zoom = hl_canvas_get_zoom (canvas);

  g_assert_true (_hl_canvas_scroll (canvas, 0, -1, GDK_SCROLL_UNIT_WHEEL, 0));
  g_assert_cmpfloat (fabs (hl_canvas_get_zoom (canvas) / zoom - 1.25), <, 1e-9);
  zoom = hl_canvas_get_zoom (canvas);

  before = hl_canvas_image_to_widget (canvas, image);
  g_assert_true (_hl_canvas_scroll (canvas, 10, 20, GDK_SCROLL_UNIT_SURFACE, 0));
  after = hl_canvas_image_to_widget (canvas, image);
  g_assert_cmpfloat (hl_canvas_get_zoom (canvas), ==, zoom);
  g_assert_cmpfloat (fabs (after.x - (before.x - 10)), <, 1e-9);
  g_assert_cmpfloat (fabs (after.y - (before.y - 20)), <, 1e-9);

  g_assert_true (_hl_canvas_scroll (canvas, 0, -40, GDK_SCROLL_UNIT_SURFACE, GDK_CONTROL_MASK));
  g_assert_cmpfloat (fabs (hl_canvas_get_zoom (canvas) / zoom - 1.25), <, 1e-9);
  zoom = hl_canvas_get_zoom (canvas);

  /* A pinch to twice the size around a point keeps that point. */
  before = hl_canvas_image_to_widget (canvas, image);
  _hl_canvas_pinch (canvas, TRUE, 1.0, before.x, before.y);
  _hl_canvas_pinch (canvas, FALSE, 1.5, before.x, before.y);
  _hl_canvas_pinch (canvas, FALSE, 2.0, before.x, before.y);
  after = hl_canvas_image_to_widget (canvas, image);
  g_assert_cmpfloat (fabs (hl_canvas_get_zoom (canvas) / zoom - 2.0), <, 1e-9);
  g_assert_cmpfloat (fabs (after.x - before.x), <, 1e-6);
  g_assert_cmpfloat (fabs (after.y - before.y), <, 1e-6);

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

  g_test_add_func ("/gui-frame/hover-keeps-layers", test_hover_keeps_layers);
  g_test_add_func ("/gui-frame/partial-redraw-matches-full", test_partial_redraw_matches_full);
  g_test_add_func ("/gui-frame/drag-redraws-changed-tiles", test_drag_redraws_changed_tiles);
  g_test_add_func ("/gui-frame/dot-count-follows-drag", test_dot_count_follows_drag);
  g_test_add_func ("/gui-frame/drag-remakes-changed-cells", test_drag_remakes_changed_cells);
  g_test_add_func ("/gui-frame/computing-keeps-window-responsive", test_computing_keeps_window_responsive);
  g_test_add_func ("/gui-frame/scroll-and-pinch", test_scroll_and_pinch);
  g_test_add_func ("/gui-frame/drag-cells-match-full", test_drag_cells_match_full);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
