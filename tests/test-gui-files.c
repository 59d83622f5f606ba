/* test-gui-files.c: Save As, Save a Copy, Next Session from This Design and
 * Close Window in a real window under Xvfb; the keys are pressed as X key
 * events (xdotool) when xdotool is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include <gdk/x11/gdkx.h>

#include "hl-application.h"
#include "hl-design-io.h"
#include "hl-gui-test-util.h"
#include "hl-window.h"
#include "hl-window-io.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
is_unmodified (gpointer window)
{
  return !hl_window_is_modified (window);
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

static gboolean
has_dialog (gpointer data)
{
  return hl_gui_find_dialog () != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
window_gone (gpointer window)
{
  return g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) == NULL;
}

typedef struct
{
  HlWindow   *window;
  const char *path;
} FileWait;

static gboolean
window_edits (gpointer data)
{
  FileWait *w = data;
  GFile *file = hl_document_get_file (hl_window_get_document (w->window));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  return !hl_window_is_loading (w->window) && g_strcmp0 (path, w->path) == 0;
}

/* Presses @keys (xdotool's names) as X key events to the window, or, with
 * no xdotool, activates @action as the key binding would. */
static void
press (HlWindow   *window,
       const char *keys,
       const char *action)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (xdotool != NULL && GDK_IS_X11_SURFACE (surface))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
      /* No window manager gives the window the focus back once a dialog
       * went: focus it, then type to it as a keyboard does (XTEST). */
      const char *argv[] = { xdotool, "windowfocus", "--sync", xid, "key", "--clearmodifiers", keys, NULL };

      g_test_message ("xdotool windowfocus %s key %s", xid, keys);
      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

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

static HlDesign *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The file chooser on screen has suggested @name: it is dismissed, and
 * @path given as its answer would give it (hl_window_save_to_async() is
 * what the chooser's answer calls). GTK's fallback dialog reads its folder
 * in the background and cannot be answered reliably from a test. */
static void
choose (HlWindow         *window,
        HlWindowSaveMode  mode,
        const char       *name,
        const char       *path)
{
  GtkWidget *chooser = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  hl_gui_wait_until (has_chooser, &chooser);
  g_test_message ("chooser: %s, suggesting %s", gtk_window_get_title (GTK_WINDOW (chooser)),
                  gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)));
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==, name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  hl_window_save_to_async (window, file, mode, NULL, NULL);
}

/* Ctrl+W asks about unsaved changes; Shift+Ctrl+S: the design goes to a
 * new, private file, which the window edits from then on; the old file
 * keeps what it had. The keys are X key events: this test runs first,
 * because keys typed after a file chooser went do not reach the windows
 * of this process under Xvfb without a window manager; the later tests
 * run the actions the keys are bound to. */
static void
test_save_as (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-files", "design.json", &path);
  g_autofree char *target = g_build_filename (dir, "renamed.json", NULL);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  g_autoptr(HlDesign) old = load (path);
  g_autoptr(HlDesign) saved = NULL;
  FileWait w = { window, target };

  reseed (window, 4242);
  /* Ctrl+W on unsaved changes asks first; Cancel keeps the window. */
  press (window, "ctrl+w", "win.close");
  hl_gui_wait_until (has_dialog, NULL);
  hl_gui_answer_dialog ("_Cancel");
  g_assert_false (window_gone (window));
  press (window, "ctrl+shift+s", "win.save-as");
  /* Suggested: the design's own name, in its folder. */
  choose (window, HL_WINDOW_SAVE_AS, "design.json", target);
  hl_gui_wait_until (is_unmodified, window);
  hl_gui_wait_until (window_edits, &w);

  saved = load (target);
  g_assert_cmpuint (saved->seed, ==, 4242);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  {
    g_autoptr(HlDesign) untouched = load (path);

    g_assert_cmpuint (untouched->seed, ==, old->seed);
  }
  /* The photo is referred to from the new file's folder. */
  g_assert_cmpstr (hl_design_get_view (saved, 0)->photo.path, ==, "astronaut.png");

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* Save a Copy: written, private; the window keeps its file and its
 * unsaved changes. */
static void
test_save_copy (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-files", "design.json", &path);
  g_autofree char *target = g_build_filename (dir, "design copy.json", NULL);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  g_autoptr(HlDesign) copy = NULL;
  g_autofree char *still = NULL;

  reseed (window, 777);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL));
  choose (window, HL_WINDOW_SAVE_COPY, "design copy.json", target);
  hl_gui_wait_until (file_exists, target);

  copy = load (target);
  g_assert_cmpuint (copy->seed, ==, 777);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_true (hl_window_is_modified (window));
  still = g_file_get_path (hl_document_get_file (hl_window_get_document (window)));
  g_assert_cmpstr (still, ==, path);

  /* Closing asks about the changes the copy did not save: Discard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  hl_gui_answer_dialog ("_Discard");
  hl_gui_wait_until (window_gone, window);
  hl_gui_remove_dir (dir);
}

/* Next Session from This Design: a new file in another folder with copies
 * of the photos beside it (private), the plan and the records kept; the
 * window goes on in it. */
static void
test_next_session (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-files", "client-session-1.json", &path);
  g_autofree char *other = g_build_filename (dir, "next", NULL);
  g_autofree char *target = g_build_filename (other, "client-session-2.json", NULL);
  g_autofree char *photo_copy = g_build_filename (other, "astronaut.png", NULL);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlDocument *document = hl_window_get_document (window);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlDesign) recorded = hl_design_copy (hl_document_get_design (document));
  g_autoptr(HlSessionRecord) record = hl_session_record_new (1);
  FileWait w = { window, target };
  g_autofree char *original_photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *a = NULL, *b = NULL;
  gsize la, lb;

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  hl_session_record_set_date (record, "2026-11-02");
  hl_session_record_set_needle (record, "3RL");
  hl_design_set_record (recorded, record);
  g_assert_true (hl_document_commit (document, recorded, "Record session", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-session", NULL));
  /* One after the last session recorded. */
  choose (window, HL_WINDOW_SAVE_NEXT_SESSION, "client-session-2.json", target);
  hl_gui_wait_until (window_edits, &w);

  next = load (target);
  g_assert_cmpuint (file_mode (target), ==, 0600);
  g_assert_cmpstr (hl_design_get_view (next, 0)->photo.path, ==, "astronaut.png");
  g_assert_true (g_file_test (photo_copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (photo_copy), ==, 0600);
  g_assert_true (g_file_get_contents (photo_copy, &a, &la, NULL));
  g_assert_true (g_file_get_contents (original_photo, &b, &lb, NULL));
  g_assert_cmpmem (a, la, b, lb);
  g_assert_nonnull (hl_design_get_record (next, 1));
  g_assert_cmpstr (hl_design_get_record (next, 1)->needle, ==, "3RL");
  g_assert_cmpuint (hl_view_get_n_zones (hl_design_get_view (next, 0)), >=, 2);
  g_assert_false (hl_window_is_modified (window));
  /* The photo the window shows is the copy, found and matching. */
  g_assert_null (hl_window_get_problem (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL));
  hl_gui_wait_until (window_gone, window);
  g_unlink (target);
  g_unlink (photo_copy);
  g_rmdir (other);
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

  g_test_add_func ("/gui-files/save-as", test_save_as);
  g_test_add_func ("/gui-files/save-copy", test_save_copy);
  g_test_add_func ("/gui-files/next-session", test_next_session);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
