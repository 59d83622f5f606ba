/* test-gui-head-zones.c: "On the Whole Head" in a real window under Xvfb.
 * On the head-chart sample, the top view's "Mid-scalp and sides" is put on
 * the head from the zone panel (one undo step); the front view then shows
 * its dots at the top of the head: more dots, and canvas pixels darker
 * where they are (the canvas rendered by the window's renderer). On a
 * photo without a head model the switch is off limits and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-document.h"
#include "hl-gui-test-util.h"
#include "hl-head-zones.h"
#include "hl-window-private.h"
#include "hl-zone-panel-private.h"

static HlApplication *app;

static gboolean
is_idle (gpointer window)
{
  return !hl_window_is_loading (window) && hl_window_get_design (window) != NULL &&
         !hl_document_is_computing (hl_window_get_document (window));
}

typedef struct
{
  HlWindow *window;
  guint     view;
} ViewWait;

/* The document shows view @view and its dots are those of its design. */
static gboolean
shows_view (gpointer data)
{
  ViewWait *w = data;
  HlDocument *document = hl_window_get_document (w->window);

  return is_idle (w->window) && hl_document_get_view_index (document) == w->view &&
         hl_document_get_dots_design (document) == hl_window_get_design (w->window);
}

static void
show_view (HlWindow *window,
           guint     view)
{
  ViewWait w = { window, view };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", (int) view));
  hl_gui_wait_until (shows_view, &w);
  gtk_test_widget_wait_for_draw (hl_window_get_canvas (window));
}

/* The canvas as the window's renderer draws it, as bytes (B, G, R, A per
 * pixel; transfer full), @w × @h. */
static guchar *
canvas_pixels (GtkWidget *canvas,
               int       *w,
               int       *h)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *data;

  *w = gtk_widget_get_width (canvas);
  *h = gtk_widget_get_height (canvas);
  gdk_paintable_snapshot (paintable, snapshot, *w, *h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (canvas)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *w, *h));
  data = g_malloc ((gsize) *w * *h * 4);
  gdk_texture_download (texture, data, (gsize) *w * 4);
  return data;
}

/* How many of the document's dots are carried from other views. */
static guint
carried_dots (HlDocument *document)
{
  gsize n;
  const HlDot *dots = hl_document_get_dots (document, &n);
  g_autoptr(GArray) counts = hl_head_zones_count (dots, n);
  guint total = 0;

  for (guint i = 0; i < counts->len; i++)
    total += g_array_index (counts, HlCarriedZone, i).dots;
  return total;
}

static void
test_toggle_shows_in_front (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-head-zones-XXXXXX", NULL);
  g_autofree char *sample = hl_gui_sample_file ("head-chart-consultation.json");
  g_autofree char *path = g_build_filename (dir, "design.json", NULL);
  g_autofree char *text = NULL;
  HlWindow *window;
  HlDocument *document;
  GtkWidget *canvas;
  GtkSwitch *head_switch;
  g_autofree guchar *before = NULL, *after = NULL, *undone = NULL;
  gsize n_before, n_after, n_undone;
  int w, h, w2, h2;
  guint darker = 0, lighter = 0, top_half = 0;
  int zone = -1;
  const HlView *top;

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  document = hl_window_get_document (window);
  canvas = hl_window_get_canvas (window);

  /* The front chart as it is: no carried dot. */
  show_view (window, 0);
  g_assert_cmpuint (carried_dots (document), ==, 0);
  hl_document_get_dots (document, &n_before);
  before = canvas_pixels (canvas, &w, &h);

  /* On the top chart, the mid-scalp zone goes on the head. */
  show_view (window, 1);
  top = hl_design_get_view (hl_window_get_design (window), 1);
  for (guint z = 0; z < hl_view_get_n_zones (top); z++)
    if (strcmp (hl_view_get_zone (top, z)->name, "Mid-scalp and sides") == 0)
      zone = (int) z;
  g_assert_cmpint (zone, >=, 0);
  hl_document_set_selected_zone (document, zone);
  head_switch = hl_zone_panel_get_head_switch (HL_ZONE_PANEL (hl_window_get_zone_panel (window)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (head_switch)));
  g_assert_false (gtk_switch_get_active (head_switch));
  gtk_switch_set_active (head_switch, TRUE);
  g_assert_true (hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 1), (guint) zone)->on_head);
  /* The home view shows its zone as before: nothing carried into it. */
  show_view (window, 1);
  g_assert_cmpuint (carried_dots (document), ==, 0);

  /* The front chart shows its dots at the top of the head. */
  show_view (window, 0);
  hl_document_get_dots (document, &n_after);
  g_test_message ("front: %zu dots before, %zu after, %u carried", n_before, n_after, carried_dots (document));
  g_assert_cmpuint (carried_dots (document), >, 500);
  g_assert_cmpuint (n_after, ==, n_before + carried_dots (document));
  after = canvas_pixels (canvas, &w2, &h2);
  g_assert_cmpint (w, ==, w2);
  g_assert_cmpint (h, ==, h2);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      int a = before[4 * i] + before[4 * i + 1] + before[4 * i + 2];
      int b = after[4 * i] + after[4 * i + 1] + after[4 * i + 2];

      if (b < a)
        {
          darker++;
          if ((int) (i / (gsize) w) < h / 2)
            top_half++;
        }
      else if (b > a)
        lighter++;
    }
  g_test_message ("canvas: %u pixels darker (%u in the top half), %u lighter", darker, top_half, lighter);
  g_assert_cmpuint (darker, >, 200);
  /* The dots are at the top of the head; the only lighter pixels are the
   * white edge under the carried outline. */
  g_assert_cmpuint (top_half, >, darker * 9 / 10);

  /* One undo step takes the zone back to its view. */
  g_assert_true (hl_document_undo (document));
  g_assert_false (hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 1), (guint) zone)->on_head);
  show_view (window, 0);
  hl_document_get_dots (document, &n_undone);
  g_assert_cmpuint (n_undone, ==, n_before);
  g_assert_cmpuint (carried_dots (document), ==, 0);
  undone = canvas_pixels (canvas, &w2, &h2);
  g_assert_cmpmem (undone, (gsize) w * h * 4, before, (gsize) w * h * 4);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* A photo without a head model: the switch is off limits and says why. */
static void
test_no_model_switch_off (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-head-zones", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlDocument *document = hl_window_get_document (window);
  GtkSwitch *head_switch;
  GtkWidget *row;
  const char *tooltip;

  hl_gui_wait_until (is_idle, window);
  g_assert_false (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  hl_document_set_selected_zone (document, 0);
  head_switch = hl_zone_panel_get_head_switch (HL_ZONE_PANEL (hl_window_get_zone_panel (window)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (head_switch)));
  g_assert_false (gtk_switch_get_active (head_switch));
  row = gtk_widget_get_ancestor (GTK_WIDGET (head_switch), ADW_TYPE_ACTION_ROW);
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "no head model"));

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
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

  g_test_add_func ("/gui-head-zones/toggle-shows-in-front", test_toggle_shows_in_front);
  g_test_add_func ("/gui-head-zones/no-model-switch-off", test_no_model_switch_off);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
