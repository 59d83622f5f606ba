/* test-gui-progress.c: Progress Over the Plan decodes the picked progress
 * photo on a worker thread: the window is there, with a spinner, before a
 * large photo has decoded; a missing or broken file is said in the window,
 * naming the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-progress-window.h"
#include "hl-window.h"

static HlApplication *app;

static gboolean
is_not_loading (gpointer progress)
{
  return !hl_progress_window_is_loading (progress);
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

static HlProgressWindow *
open_progress (HlWindow *window)
{
  HlProgressWindow *progress = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.progress", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HL_IS_PROGRESS_WINDOW (l->data))
      progress = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (progress);
  return progress;
}

/* The sample's design in a folder of its own, its session-1 progress photo
 * replaced by @make (NULL: no file at all). Returns the folder. */
static char *
copy_with_progress_photo (const char *prefix,
                          void      (*make) (const char *path),
                          char      **path)
{
  char *dir = hl_gui_copy_sample (prefix, "design.json", path);
  g_autofree char *photo = g_build_filename (dir, "astronaut-session-1.jpg", NULL);

  if (make != NULL)
    make (photo);
  return dir;
}

/* The sample's progress photo scaled to 5000 × 5000 (25 megapixels). */
static void
make_large (const char *path)
{
  g_autofree char *src = hl_gui_sample_file ("astronaut-session-1.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) small = gdk_pixbuf_new_from_file (src, &error);
  g_autoptr(GdkPixbuf) large = NULL;

  g_assert_no_error (error);
  large = gdk_pixbuf_scale_simple (small, 5000, 5000, GDK_INTERP_BILINEAR);
  g_assert_true (gdk_pixbuf_save (large, path, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
}

static void
make_broken (const char *path)
{
  /* A JPEG's start, then nothing that decodes. */
  static const char bytes[] = "\xff\xd8\xff\xe0\x00\x10JFIF\x00 not a photo at all";

  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes, NULL));
}

static void
test_large (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_with_progress_photo ("hl-gui-progress", make_large, &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlProgressWindow *progress;
  gint64 t0, t_open, t_done;

  t0 = g_get_monotonic_time ();
  progress = open_progress (window);
  t_open = g_get_monotonic_time ();
  /* The window exists and the photo is not decoded yet: its decoding
   * cannot end before the main loop runs again, whatever the machine. */
  g_assert_true (hl_progress_window_is_loading (progress));
  g_assert_null (hl_progress_window_get_image (progress));
  g_assert_null (hl_progress_window_get_problem (progress));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (progress));
  g_assert_nonnull (hl_gui_find_widget (GTK_WIDGET (progress), GTK_TYPE_SPINNER));

  hl_gui_wait_until (is_not_loading, progress);
  t_done = g_get_monotonic_time ();
  g_test_message ("window in %.0f ms, 5000 × 5000 photo shown %.0f ms later", (t_open - t0) / 1000.0,
                  (t_done - t_open) / 1000.0);
  g_assert_false (hl_progress_window_decoded_on_main (progress));
  g_assert_null (hl_progress_window_get_problem (progress));
  g_assert_nonnull (hl_progress_window_get_image (progress));
  g_assert_null (hl_gui_find_widget (GTK_WIDGET (progress), GTK_TYPE_SPINNER));

  gtk_window_destroy (GTK_WINDOW (progress));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* Closed while its photo decodes: nothing happens afterwards. */
static void
test_close_while_loading (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_with_progress_photo ("hl-gui-progress", make_large, &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlProgressWindow *progress = open_progress (window);
  gboolean done = FALSE;

  g_assert_true (hl_progress_window_is_loading (progress));
  gtk_window_destroy (GTK_WINDOW (progress));
  /* Long enough for the worker to end and its callback to be dropped. */
  g_timeout_add (3000, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static void
check_problem (void (*make) (const char *path))
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_with_progress_photo ("hl-gui-progress", make, &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlProgressWindow *progress = open_progress (window);
  const char *problem;

  hl_gui_wait_until (is_not_loading, progress);
  problem = hl_progress_window_get_problem (progress);
  g_assert_nonnull (problem);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "Session 1, progress photo: "));
  g_assert_nonnull (strstr (problem, "astronaut-session-1.jpg"));
  g_assert_null (hl_progress_window_get_image (progress));
  /* The editor's design is untouched. */
  g_assert_false (hl_window_is_modified (window));

  gtk_window_destroy (GTK_WINDOW (progress));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static void
test_missing (void)
{
  check_problem (NULL);
}

static void
test_broken (void)
{
  check_problem (make_broken);
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

  g_test_add_func ("/gui-progress/large", test_large);
  g_test_add_func ("/gui-progress/close-while-loading", test_close_while_loading);
  g_test_add_func ("/gui-progress/missing", test_missing);
  g_test_add_func ("/gui-progress/broken", test_broken);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
