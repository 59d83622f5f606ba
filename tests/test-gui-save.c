/* test-gui-save.c: saving and keeping unsaved work in a real window under
 * Xvfb: the lasting notice while unsaved changes cannot be kept for
 * recovery, the question when the design's file changed on disk, and a
 * read-only design refused by Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-application.h"
#include "hl-design-io.h"
#include "hl-gui-test-util.h"
#include "hl-window.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
has_notice (gpointer window)
{
  return hl_window_get_notice (window) != NULL;
}

static gboolean
notice_revealed (gpointer window)
{
  return gtk_revealer_get_child_revealed (HL_WINDOW (window)->notice);
}

static gboolean
has_no_notice (gpointer window)
{
  return hl_window_get_notice (window) == NULL;
}

static gboolean
is_unmodified (gpointer window)
{
  return !hl_window_is_modified (window);
}

static gboolean
has_dialog (gpointer data)
{
  return hl_gui_find_dialog () != NULL;
}

static gboolean
has_problem (gpointer window)
{
  return hl_window_get_problem (window) != NULL;
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

/* An edit as a tool makes it: a new seed (every dot moves). */
static void
reseed (HlWindow *window,
        guint32   seed)
{
  HlDocument *document = hl_window_get_document (window);
  g_autoptr(HlDesign) next = hl_design_copy (hl_document_get_design (document));

  hl_design_set_seed (next, seed);
  g_assert_true (hl_document_commit (document, next, "Reseed", NULL));
  g_assert_true (hl_window_is_modified (window));
}

static guint32
seed_on_disk (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design->seed;
}

/* The recovery folder cannot be made (its parent is a regular file): a
 * notice stays above the design, naming why and offering Save; it goes
 * when the folder can be made again and the copy is written. */
static void
test_autosave_notice (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-save", "design.json", &path);
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *recovery = g_build_filename (blocker, "recovery", NULL);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlDocument *document = hl_window_get_document (window);
  GtkWidget *save_button;

  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  hl_document_set_autosave (document, recovery, 50);
  g_assert_null (hl_window_get_notice (window));

  reseed (window, 31);
  hl_gui_wait_until (has_notice, window);
  g_test_message ("notice: %s", hl_window_get_notice (window));
  g_assert_nonnull (strstr (hl_window_get_notice (window), "Unsaved changes cannot be kept for recovery"));
  g_assert_nonnull (strstr (hl_window_get_notice (window), "Not a directory"));
  g_assert_nonnull (strstr (hl_window_get_notice (window), "Save the design"));
  /* On screen, once slid in. */
  hl_gui_wait_until (notice_revealed, window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->notice_label)));
  save_button = hl_gui_find_button (GTK_WIDGET (window->notice), "_Save");
  g_assert_nonnull (save_button);
  g_assert_true (gtk_widget_is_sensitive (save_button));

  /* It stays while the copies keep failing. */
  {
    gboolean waited = FALSE;

    g_timeout_add (500, set_flag, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (hl_window_get_notice (window));

  /* Mended: the next try keeps the copy, and the notice goes. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  hl_gui_wait_until (has_no_notice, window);
  g_assert_true (hl_window_is_modified (window));
  {
    g_autoptr(GDir) d = g_dir_open (recovery, 0, NULL);
    guint n = 0;

    while (d != NULL && g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }

  /* Broken again, then saved with the notice's button: nothing unsaved,
   * no notice. */
  hl_document_set_autosave (document, NULL, 50);
  hl_gui_remove_dir (recovery);
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, NULL));
  hl_document_set_autosave (document, recovery, 50);
  reseed (window, 32);
  hl_gui_wait_until (has_notice, window);
  g_signal_emit_by_name (save_button, "clicked");
  hl_gui_wait_until (is_unmodified, window);
  g_assert_null (hl_window_get_notice (window));
  g_assert_cmpuint (seed_on_disk (path), ==, 32);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (blocker);
  hl_gui_remove_dir (dir);
}

/* Two windows on one file: the second to save is asked before it
 * overwrites the first's work; Cancel leaves the file and the edit as
 * they are, Overwrite writes. */
static void
test_changed_on_disk (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-save", "design.json", &path);
  HlWindow *first = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlWindow *second = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  AdwMessageDialog *dialog;

  reseed (first, 101);
  reseed (second, 202);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, first);
  g_assert_null (hl_gui_find_dialog ());
  g_assert_cmpuint (seed_on_disk (path), ==, 101);

  /* The second window asks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  dialog = hl_gui_find_dialog ();
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "design.json"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (second));
  /* No second save while it asks. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL) &&
                  hl_gui_find_dialog () != dialog);
  hl_gui_answer_dialog ("_Cancel");
  g_assert_true (hl_window_is_modified (second));
  g_assert_cmpuint (seed_on_disk (path), ==, 101);
  g_assert_null (hl_window_get_problem (second));

  /* Asked again, the user overwrites. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  hl_gui_answer_dialog ("_Overwrite");
  hl_gui_wait_until (is_unmodified, second);
  g_assert_cmpuint (seed_on_disk (path), ==, 202);

  /* Its own save is not a change from elsewhere; the first window's
   * next save asks in turn. */
  reseed (second, 203);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, second);
  g_assert_null (hl_gui_find_dialog ());
  reseed (first, 102);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.save", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (hl_gui_find_dialog ())) == GTK_WINDOW (first));
  hl_gui_answer_dialog ("_Cancel");
  g_assert_cmpuint (seed_on_disk (path), ==, 203);

  gtk_window_destroy (GTK_WINDOW (first));
  gtk_window_destroy (GTK_WINDOW (second));
  hl_gui_remove_dir (dir);
}

/* A design whose file is read-only (0444): Save refuses it with a message
 * in the window, the design stays unsaved and the file as it was. */
static void
test_read_only_design (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-save", "design.json", &path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  reseed (window, 55);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (has_problem, window);
  g_test_message ("problem: %s", hl_window_get_problem (window));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "The design was not saved"));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "read-only"));
  g_assert_null (hl_gui_find_dialog ());
  g_assert_true (hl_window_is_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* Save stays available, to try again once the file is writable. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  g_assert_cmpuint (seed_on_disk (path), ==, 55);

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

  g_test_add_func ("/gui-save/autosave-notice", test_autosave_notice);
  g_test_add_func ("/gui-save/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gui-save/read-only-design", test_read_only_design);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
