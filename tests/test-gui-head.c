/* test-gui-head.c: the zone panel on a view with a head model, in a real
 * window under Xvfb: the zone's area and density on the scalp, its area in
 * the photo beside them; on a photo without a model, as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-document.h"
#include "hl-edit.h"
#include "hl-gui-test-util.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window) && hl_window_get_design (window) != NULL;
}

static gboolean
is_idle (gpointer window)
{
  return !hl_document_is_computing (hl_window_get_document (window));
}

/* The subtitle of the first action row in @root whose subtitle holds
 * @needle, or NULL. */
static const char *
row_subtitle (GtkWidget  *root,
              const char *needle)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      const char *s = adw_action_row_get_subtitle (ADW_ACTION_ROW (root));

      if (s != NULL && strstr (s, needle) != NULL)
        return s;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_subtitle (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *panel;
  const char *needle;
} RowWait;

static gboolean
has_row (gpointer data)
{
  RowWait *w = data;

  return row_subtitle (w->panel, w->needle) != NULL;
}

static void
test_panel_scalp_figures (void)
{
  HlWindow *window = hl_window_new (app);
  HlDocument *document;
  GtkWidget *panel;
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlView) view = NULL;
  HlPoint pts[] = { { 1740, 1350 }, { 1940, 1350 }, { 1940, 1550 }, { 1740, 1550 } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (pts, corners, 4, TRUE);
  HlZoneParams zp;
  HlZoneStats stats;
  RowWait w;
  const char *text;
  g_autofree char *expected = NULL, *list = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* The empty state has nothing to preview; a chart has. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->preview_button)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-chart", "s", "top"));
  hl_gui_wait_until (is_loaded, window);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->preview_button)));
  document = hl_window_get_document (window);
  panel = hl_window_get_zone_panel (window);

  /* A 20 × 20 mm square just inside the edge of the top chart's head. */
  hl_zone_params_init (&zp);
  zp.density = 60.0;
  zp.seed = 3;
  zone = hl_zone_new ("Edge", HL_ZONE_CUSTOM, outline, &zp);
  view = hl_view_copy (hl_design_get_view (hl_window_get_design (window), 0));
  g_assert_true (view->has_head);
  hl_view_append_zone (view, zone);
  edited = hl_design_copy (hl_window_get_design (window));
  hl_design_replace_view (edited, 0, view);
  g_assert_true (hl_document_commit (document, edited, "Add a zone", NULL));
  hl_document_set_selected_zone (document, 0);
  hl_gui_wait_until (is_idle, window);

  w = (RowWait) { panel, "of scalp" };
  hl_gui_wait_until (has_row, &w);
  text = row_subtitle (panel, "of scalp");
  g_assert_true (hl_document_get_zone_stats (document, 0, &stats));
  g_assert_true (stats.on_scalp);
  g_assert_cmpfloat (stats.area_cm2, >, 1.5 * stats.image_area_cm2);
  expected = g_strdup_printf ("%.1f cm² of scalp (%.1f cm² in the photo)", stats.area_cm2, stats.image_area_cm2);
  g_test_message ("panel: %s", text);
  g_assert_nonnull (strstr (text, expected));
  /* The zone list gives the scalp's area too. */
  list = g_strdup_printf ("%s · %.1f cm²", hl_zone_kind_get_label (HL_ZONE_CUSTOM), stats.area_cm2);
  w = (RowWait) { panel, list };
  hl_gui_wait_until (has_row, &w);

  /* The status bar says what the view is measured on. */
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_label), "on the scalp"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A photo without a head model: the photo plane, and the tooltip says
 * why (here: the fit is possible but not made). */
static void
test_status_photo_plane (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-head", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  const char *tooltip;

  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_label), "photo plane"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (window->scale_label));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "not fitted"));

  /* Fit Head Model: one undo step; the view measures on the scalp. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-head", NULL));
  g_assert_true (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  g_assert_cmpfloat (hl_window_get_design (window)->head.breadth_mm, >=, 135.0);
  g_assert_cmpfloat (hl_window_get_design (window)->head.breadth_mm, <=, 165.0);
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_label), "on the scalp"));
  g_assert_true (hl_document_undo (hl_window_get_document (window)));
  g_assert_false (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_label), "photo plane"));

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

  g_test_add_func ("/gui-head/panel-scalp-figures", test_panel_scalp_figures);
  g_test_add_func ("/gui-head/status-photo-plane", test_status_photo_plane);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
