/* test-gui-open.c: what the application does with files handed to it (a
 * launch, the launcher, a second launch forwarded to the running
 * process): a .hairline design opens as a design; a design already open,
 * by the same path or another (a link), brings its window forward rather
 * than opening a second window on it; a file that failed to open is
 * tried again in a new window. The window's own Open dialog does the
 * same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "hl-application.h"
#include "hl-design.h"
#include "hl-document.h"
#include "hl-gui-test-util.h"
#include "hl-window.h"

static GtkApplication *app;

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    n += HL_IS_WINDOW (l->data);
  return n;
}

static gboolean
settled (gpointer data)
{
  HlWindow *window = data;

  return !hl_window_is_loading (window);
}

/* Hands @path to the application as a launch does; returns the window
 * that shows it once it settled. */
static HlWindow *
open_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = hl_application_find_window (HL_APPLICATION (app), file);
  if (window == NULL)
    {
      /* A file that failed at once: the newest window. */
      window = HL_WINDOW (gtk_application_get_windows (app)->data);
    }
  hl_gui_wait_until (settled, window);
  return window;
}

static void
close_all (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_hairline_extension (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-open", "client.hairline", &path);
  HlWindow *window = open_path (path);

  g_assert_nonnull (hl_window_get_design (window));
  g_assert_cmpuint (hl_design_get_n_views (hl_window_get_design (window)), ==, 1);
  g_assert_cmpstr (hl_window_get_name (window), ==, "client.hairline");
  close_all ();
  hl_gui_remove_dir (dir);
}

static void
test_same_file_one_window (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-open", "client.json", &path);
  g_autofree char *other = NULL;
  g_autofree char *other_dir = hl_gui_copy_sample ("hl-open", "other.json", &other);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  HlWindow *first, *again, *second;

  first = open_path (path);
  g_assert_nonnull (hl_window_get_design (first));
  g_assert_cmpuint (n_windows (), ==, 1);

  /* The same path: the same window. */
  again = open_path (path);
  g_assert_true (again == first);
  g_assert_cmpuint (n_windows (), ==, 1);

  /* The same file by a link. */
  g_assert_cmpint (symlink ("client.json", link), ==, 0);
  again = open_path (link);
  g_assert_true (again == first);
  g_assert_cmpuint (n_windows (), ==, 1);

  /* Another design: a window of its own. */
  second = open_path (other);
  g_assert_true (second != first);
  g_assert_nonnull (hl_window_get_design (second));
  g_assert_cmpuint (n_windows (), ==, 2);

  close_all ();
  hl_gui_remove_dir (dir);
  hl_gui_remove_dir (other_dir);
}

static void
test_failed_file_retried (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-open-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.hairline", NULL);
  g_autofree char *sample = hl_gui_sample_file ("head-chart-consultation.json");
  g_autofree char *text = NULL;
  HlWindow *failed, *retried;

  g_assert_true (g_file_set_contents (path, "{ not a design", -1, NULL));
  failed = open_path (path);
  g_assert_null (hl_window_get_design (failed));
  g_assert_cmpuint (n_windows (), ==, 1);

  /* Mended, and opened again: tried again, in a new window. */
  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  retried = open_path (path);
  g_assert_true (retried != failed);
  g_assert_nonnull (hl_window_get_design (retried));
  g_assert_cmpuint (n_windows (), ==, 2);

  close_all ();
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
has_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GtkFileChooser *chooser;
  const char     *path;
} Picked;

static gboolean
has_picked (gpointer data)
{
  Picked *picked = data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (picked->chooser);
  g_autofree char *base = NULL;
  g_autofree char *want = g_path_get_basename (picked->path);

  if (file == NULL)
    return FALSE;
  base = g_file_get_basename (file);
  return g_strcmp0 (base, want) == 0;
}

/* Picks @path in @window's Open dialog, as the user would. */
static void
open_from_dialog (HlWindow   *window,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  hl_gui_wait_until (has_chooser, &chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The dialog reads its folder in the background: the answer must be
   * the file picked, not nothing. */
  {
    Picked picked = { GTK_FILE_CHOOSER (chooser), path };

    hl_gui_wait_until (has_picked, &picked);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The window's own Open dialog finds a design open in another window (by
 * a link: same device and inode) and brings that window forward instead
 * of opening the design a second time; another design still opens. */
static void
test_open_dialog_one_window (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-open", "client.json", &path);
  g_autofree char *other = NULL;
  g_autofree char *other_dir = hl_gui_copy_sample ("hl-open", "other.json", &other);
  g_autofree char *link = g_build_filename (other_dir, "link.json", NULL);
  HlWindow *first, *empty;

  first = open_path (path);
  g_assert_nonnull (hl_window_get_design (first));
  empty = hl_window_new (HL_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (empty));
  g_assert_cmpuint (n_windows (), ==, 2);

  /* From the empty window, the open design by a link: the empty window
   * stays empty, no third window. */
  g_assert_cmpint (symlink (path, link), ==, 0);
  open_from_dialog (empty, link);
  g_assert_false (hl_window_is_loading (empty));
  g_assert_null (hl_window_get_design (empty));
  g_assert_cmpuint (n_windows (), ==, 2);

  /* From the design's own window, with unsaved changes: nothing reloads,
   * nothing is lost, no new window. */
  {
    g_autoptr(HlDesign) edited = hl_design_copy (hl_window_get_design (first));

    hl_design_set_seed (edited, 77);
    g_assert_true (hl_document_commit (hl_window_get_document (first), edited, "Reseed", NULL));
  }
  open_from_dialog (first, path);
  g_assert_false (hl_window_is_loading (first));
  g_assert_true (hl_window_is_modified (first));
  g_assert_cmpuint (n_windows (), ==, 2);

  /* Another design opens in the empty window. */
  open_from_dialog (empty, other);
  hl_gui_wait_until (settled, empty);
  g_assert_nonnull (hl_window_get_design (empty));
  g_assert_cmpstr (hl_window_get_name (empty), ==, "other.json");
  g_assert_cmpuint (n_windows (), ==, 2);

  /* Asked again while nothing changed: still two windows. */
  open_from_dialog (first, other);
  g_assert_cmpuint (n_windows (), ==, 2);
  g_assert_true (hl_window_is_modified (first));

  close_all ();
  hl_gui_remove_dir (dir);
  hl_gui_remove_dir (other_dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = GTK_APPLICATION (hl_application_new ());
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Windows stay while the tests run between them. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/gui-open/hairline-extension", test_hairline_extension);
  g_test_add_func ("/gui-open/same-file-one-window", test_same_file_one_window);
  g_test_add_func ("/gui-open/failed-file-retried", test_failed_file_retried);
  g_test_add_func ("/gui-open/open-dialog-one-window", test_open_dialog_one_window);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
