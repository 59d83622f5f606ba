/* test-gui-open.c: what the application does with files handed to it (a
 * launch, the launcher, a second launch forwarded to the running
 * process): a .hairline design opens as a design; a design already open,
 * by the same path or another (a link), brings its window forward rather
 * than opening a second window on it; a file that failed to open is
 * tried again in a new window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "hl-application.h"
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

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
