/* test-gui-views.c: views, head charts and hairline templates in real
 * windows under Xvfb, driven through the window's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-document.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-measure.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window) && hl_window_get_design (window) != NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        found = ADW_MESSAGE_DIALOG (window);
    }
  return found;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
has_no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* Clicks @label in the dialog on screen, as the user would. */
static void
answer_dialog (const char *label)
{
  AdwMessageDialog *dialog = find_dialog ();
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = hl_gui_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

typedef struct
{
  HlWindow *window;
  guint     index;
  guint     n_views;
} ViewWait;

/* The window shows view @index of a design of @n_views views, its photo
 * loaded. */
static gboolean
shows_view (gpointer data)
{
  ViewWait *w = data;
  HlDocument *document = hl_window_get_document (w->window);
  HlDesign *design = hl_document_get_design (document);

  return design != NULL && hl_design_get_n_views (design) == w->n_views &&
         hl_document_get_view_index (document) == w->index && hl_window_get_photo (w->window) != NULL &&
         hl_design_get_view (design, w->index)->photo.width == hl_photo_get_width (hl_window_get_photo (w->window));
}

static void
wait_view (HlWindow *window,
           guint     index,
           guint     n_views)
{
  ViewWait w = { window, index, n_views };

  hl_gui_wait_until (shows_view, &w);
}

static HlWindow *
new_chart_window (const char *chart)
{
  HlWindow *window = hl_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-chart", "s", chart));
  hl_gui_wait_until (is_loaded, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static const HlView *
view_at (HlWindow *window,
         guint     index)
{
  return hl_design_get_view (hl_window_get_design (window), index);
}

/* New from Head Chart: a design of one view on the chart, calibrated, with
 * the chart's landmarks, its pixels those of the chart. */
static void
test_new_chart (void)
{
  HlWindow *window = new_chart_window ("front");
  g_autoptr(HlPhoto) chart = hl_photo_new_for_chart ("front", NULL);
  const HlView *view = view_at (window, 0);
  gboolean calibrated;

  g_assert_cmpuint (hl_design_get_n_views (hl_window_get_design (window)), ==, 1);
  g_assert_cmpstr (view->photo.chart, ==, "front");
  g_assert_cmpfloat (hl_view_get_mm_per_px (view, &calibrated), ==, HL_HEAD_CHART_MM_PER_PX);
  g_assert_true (calibrated);
  g_assert_true (view->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_cmpstr (hl_photo_get_sha256 (hl_window_get_photo (window)), ==, hl_photo_get_sha256 (chart));
  g_assert_false (hl_window_is_modified (window));
  g_assert_null (hl_window_get_problem (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The template dialog previews on the canvas and applies in one undo
 * step, at the height asked. */
static void
test_template_dialog (void)
{
  HlWindow *window = new_chart_window ("front");
  HlDocument *document = hl_window_get_document (window);
  GtkWidget *dialog;
  GtkSpinButton *spin;
  GtkDropDown *style;
  HlDesign *before = hl_window_get_design (window);
  double mm;

  g_assert_null (view_at (window, 0)->hairline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-hairline", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  dialog = GTK_WIDGET (find_dialog ());
  spin = GTK_SPIN_BUTTON (find_widget (dialog, GTK_TYPE_SPIN_BUTTON));
  style = GTK_DROP_DOWN (find_widget (dialog, GTK_TYPE_DROP_DOWN));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 80.0);

  /* Previewed while the dialog is open, nothing pushed yet. */
  g_assert_true (hl_document_get_shown (document) != hl_document_get_design (document));
  g_assert_true (hl_measure_hairline_height_mm (hl_design_get_view (hl_document_get_shown (document), 0),
                                                &mm, NULL));
  g_assert_cmpfloat_with_epsilon (mm, 80.0, 0.5);
  gtk_spin_button_set_value (spin, 90.0);
  hl_measure_hairline_height_mm (hl_design_get_view (hl_document_get_shown (document), 0), &mm, NULL);
  g_assert_cmpfloat_with_epsilon (mm, 90.0, 0.5);
  g_assert_false (hl_document_can_undo (document));

  /* Mature starts higher. */
  gtk_drop_down_set_selected (style, HL_HAIRLINE_STYLE_MATURE);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 97.5);
  answer_dialog ("_Apply");
  hl_gui_wait_until (has_no_dialog, NULL);

  g_assert_true (hl_document_get_shown (document) == hl_document_get_design (document));
  g_assert_true (hl_measure_hairline_height_mm (view_at (window, 0), &mm, NULL));
  g_test_message ("mature proposal applied: mid-frontal point %.2f mm above the glabella", mm);
  g_assert_cmpfloat_with_epsilon (mm, 97.5, 0.5);
  g_assert_true (hl_window_is_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (hl_window_get_design (window) == before);
  g_assert_null (view_at (window, 0)->hairline);

  /* Cancel leaves the design as it was, preview gone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-hairline", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  answer_dialog ("_Cancel");
  hl_gui_wait_until (has_no_dialog, NULL);
  g_assert_true (hl_document_get_shown (document) == before);
  g_assert_false (hl_document_can_undo (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
list_rows (HlWindow *window)
{
  return count_widgets (GTK_WIDGET (window->view_list), GTK_TYPE_LIST_BOX_ROW);
}

typedef struct
{
  HlWindow *window;
  guint     n;
} ThumbWait;

static gboolean
has_thumbnails (gpointer data)
{
  ThumbWait *w = data;

  return count_widgets (GTK_WIDGET (w->window->view_list), GTK_TYPE_PICTURE) == w->n;
}

/* Views added from a chart and a photo, switched with win.view, undone;
 * the switcher lists them with thumbnails; the template says what is
 * missing on a view without landmarks. */
static void
test_views (void)
{
  HlWindow *window = new_chart_window ("front");
  g_autofree char *photo_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo_path);
  g_autoptr(HlPhoto) astronaut = hl_photo_load (photo_path, NULL);
  ThumbWait thumbs = { window, 3 };
  int shown = -1;

  g_assert_cmpuint (list_rows (window), ==, 1);

  /* A top chart: one undo step, shown at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-view-chart", "s", "top"));
  wait_view (window, 1, 2);
  g_assert_cmpstr (view_at (window, 1)->photo.chart, ==, "top");
  g_assert_cmpint (hl_photo_get_height (hl_window_get_photo (window)), ==, 2800);
  /* win.view's state is the window's "view". */
  g_object_get (window, "view", &shown, NULL);
  g_assert_cmpint (shown, ==, 1);

  /* The top chart has no face: the template names what is missing and
   * opens no dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-hairline", NULL));
  g_assert_null (find_dialog ());

  /* A photo view (read on a worker). */
  _hl_window_views_add_photo (window, photo_file);
  wait_view (window, 2, 3);
  g_assert_cmpstr (view_at (window, 2)->name, ==, "astronaut");
  g_assert_cmpstr (view_at (window, 2)->photo.path, ==, photo_path);
  g_assert_cmpstr (view_at (window, 2)->photo.sha256, ==, hl_photo_get_sha256 (astronaut));
  g_assert_cmpint (hl_photo_get_width (hl_window_get_photo (window)), ==, hl_photo_get_width (astronaut));

  /* The switcher: a row per view, each with its thumbnail. */
  thumbs.n = 3;
  hl_gui_wait_until (has_thumbnails, &thumbs);
  g_assert_cmpuint (list_rows (window), ==, 3);

  /* win.view, as Alt+1 and a presentation's arrow keys call it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 0));
  wait_view (window, 0, 3);
  g_assert_cmpint (hl_photo_get_width (hl_window_get_photo (window)), ==, 2400);
  /* Out of range: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 9));
  g_assert_cmpuint (hl_document_get_view_index (hl_window_get_document (window)), ==, 0);

  /* Undoing the added views: the window falls back to a view that
   * exists. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "i", 2));
  wait_view (window, 2, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_view (window, 1, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_view (window, 0, 1);
  g_assert_false (hl_window_is_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (hl_design_get_n_views (hl_window_get_design (window)), ==, 2);

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

  g_test_add_func ("/gui-views/new-chart", test_new_chart);
  g_test_add_func ("/gui-views/template-dialog", test_template_dialog);
  g_test_add_func ("/gui-views/views", test_views);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
