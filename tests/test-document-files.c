/* test-document-files.c: the document's files without any widget: saving
 * and reloading, edits and loads that overlap a save, the recovery copies
 * of unsaved changes (also of a pasted image, also when the process is
 * killed) and a file changed on disk by another session.
 *
 * Loads and saves run on a worker thread; each test runs a main loop until
 * the completion callback, as the window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>

#include "hl-design-io.h"
#include "hl-document.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-document-test-util.h"

static void
test_save_and_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) again = hl_document_new ();
  g_autoptr(HlDesign) edited = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  HlDocCounts counts;

  g_assert_true (hl_doc_test_load (doc, sample, &error));
  edited = hl_doc_test_reseeded (hl_document_get_design (doc), 4242);
  hl_document_commit (doc, edited, "Reseed", NULL);
  /* The engine's dots for the hl_doc_test_reseeded design may arrive late on a busy
   * machine: count only what the save itself emits. */
  hl_doc_test_wait_computed (doc);
  hl_doc_test_watch (doc, &counts);

  g_assert_true (hl_doc_test_save (doc, target, &error));
  g_assert_no_error (error);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_true (g_file_equal (hl_document_get_file (doc), target_file));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "saved.json");
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.file, ==, 1);
  g_assert_cmpuint (counts.title, ==, 1);
  /* Saving does not change what is shown. */
  g_assert_cmpuint (counts.changed, ==, 0);
  /* Undo stays available after a save. */
  g_assert_true (hl_document_can_undo (doc));

  /* The photo lies outside the folder: its path was written absolute. */
  g_assert_true (hl_doc_test_load (again, target, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hl_document_get_photo (again));
  json = hl_design_to_json (hl_document_get_design (doc), NULL);
  json_again = hl_design_to_json (hl_document_get_design (again), NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_cmpuint (hl_document_get_design (again)->seed, ==, 4242);

  /* Saving where it already lives notifies only what changed. */
  memset (&counts, 0, sizeof counts);
  g_assert_true (hl_doc_test_save (doc, target, &error));
  g_assert_cmpuint (counts.file + counts.title + counts.modified, ==, 0);

  /* A folder that does not exist: an error, still unmodified, same file. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder.json", NULL);
    g_autoptr(HlDesign) later = hl_doc_test_reseeded (edited, 7);

    hl_document_commit (doc, later, "Reseed", NULL);
    g_assert_false (hl_doc_test_save (doc, nowhere, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (hl_document_is_modified (doc));
    g_assert_true (g_file_equal (hl_document_get_file (doc), target_file));
  }

  g_unlink (target);
  g_rmdir (dir);
}

/* The user keeps editing while the file is written: the document stays
 * modified, and the file holds the design as it was when saving began. */
static void
test_edit_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (dir, "design.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDesign) written = NULL;
  g_autoptr(HlDesign) during = NULL;
  g_autoptr(HlDesign) on_disk = NULL;
  HlDocWait wait;

  g_assert_true (hl_doc_test_load (doc, sample, &error));
  written = hl_doc_test_reseeded (hl_document_get_design (doc), 1001);
  during = hl_doc_test_reseeded (written, 1002);
  hl_document_commit (doc, written, "Reseed", NULL);

  wait.loop = g_main_loop_new (NULL, FALSE);
  wait.result = NULL;
  hl_document_save_async (doc, file, NULL, hl_doc_test_on_done, &wait);
  /* The edit lands before the save's result is delivered. */
  hl_document_commit (doc, during, "Reseed again", NULL);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_save_finish (doc, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  g_assert_true (hl_document_is_modified (doc));
  g_assert_true (g_file_equal (hl_document_get_file (doc), file));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_disk->seed, ==, 1001);

  /* Undoing the later edit returns to what the file holds. */
  g_assert_true (hl_document_undo (doc));
  g_assert_false (hl_document_is_modified (doc));

  g_unlink (target);
  g_rmdir (dir);
}

/* A second load started before the first ends wins; the first reports
 * that it was cancelled and changes nothing. */
static void
test_newer_load_wins (void)
{
  g_autofree char *design_path = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *photo_path = hl_doc_test_sample_file ("astronaut.png");
  g_autoptr(GFile) first = g_file_new_for_path (design_path);
  g_autoptr(GFile) second = g_file_new_for_path (photo_path);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  HlDocWait a = { g_main_loop_new (NULL, FALSE), NULL };
  HlDocWait b = { g_main_loop_new (NULL, FALSE), NULL };

  hl_document_load_async (doc, first, NULL, hl_doc_test_on_done, &a);
  hl_document_load_async (doc, second, NULL, hl_doc_test_on_done, &b);
  while (a.result == NULL || b.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (hl_document_load_finish (doc, a.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (hl_document_load_finish (doc, b.result, NULL));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "astronaut.png");

  g_object_unref (a.result);
  g_object_unref (b.result);
  g_main_loop_unref (a.loop);
  g_main_loop_unref (b.loop);
}


static guint
n_files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Unsaved changes are kept after a moment of quiet, go once saved or
 * undone, and a restored copy is the original file's design, unsaved. */
static void
test_autosave_and_adopt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) restored = hl_document_new ();
  g_autoptr(HlDesign) moved = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(HlDesign) kept = NULL;
  HlRecoveryEntry *entry;

  g_assert_true (hl_doc_test_load (doc, path, &error));
  hl_document_set_autosave (doc, dir, 50);

  /* Nothing unsaved: nothing written. */
  hl_doc_test_spin_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 0);

  moved = hl_doc_test_hairline_moved (hl_document_get_design (doc), 4, 12, -3);
  g_assert_true (hl_document_commit (doc, moved, "Move", NULL));
  g_assert_cmpuint (n_files_in (dir), ==, 0);   /* not at once */
  hl_doc_test_spin_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 2);   /* design and info */
  g_assert_nonnull (hl_document_get_recovery_id (doc));

  /* Written by this process: not an orphan while it runs. */
  entries = hl_recovery_list_orphans (dir);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Back to the saved design: the copy goes. */
  g_assert_true (hl_document_undo (doc));
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_assert_true (hl_document_redo (doc));
  hl_doc_test_spin_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 2);

  /* The copy holds the unsaved design; restored, it belongs to the
   * sample's file again and is unsaved. */
  {
    g_autofree char *name = g_strconcat (hl_document_get_recovery_id (doc), ".json", NULL);
    g_autofree char *copy = g_build_filename (dir, name, NULL);
    HlRecoveryEntry fake = { (char *) hl_document_get_recovery_id (doc), copy, path,
                             (char *) "front-consultation.json", 0 };

    kept = hl_design_load_from_file (copy, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (hl_curve_get_points (hl_design_get_view (kept, 0)->hairline)[4].x, ==,
                       hl_curve_get_points (hl_design_get_view (moved, 0)->hairline)[4].x);

    g_assert_true (hl_doc_test_load (restored, copy, &error));
    entry = &fake;
    hl_document_adopt_recovery (restored, entry);
    g_assert_true (hl_document_is_modified (restored));
    g_assert_cmpstr (hl_document_get_title (restored), ==, "front-consultation.json");
    {
      g_autofree char *file = g_file_get_path (hl_document_get_file (restored));

      g_assert_cmpstr (file, ==, path);
    }
    g_assert_cmpstr (hl_document_get_recovery_id (restored), ==, hl_document_get_recovery_id (doc));
  }

  /* A document that ends normally leaves no copy. */
  g_clear_object (&doc);
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_clear_object (&restored);
  g_rmdir (dir);
  g_rmdir (tmp);
}

static gboolean
has_no_autosave_problem (gpointer doc)
{
  return hl_document_get_autosave_problem (doc) == NULL;
}

/* Runs the main loop until @condition holds; fails after @seconds. */
static void
wait_for (gboolean (*condition) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, hl_doc_test_on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A recovery folder that cannot be made (its parent is a regular file:
 * ENOTDIR, which stops root too): the document says so once, keeps
 * trying, and clears the problem when a copy is written once the folder
 * can be made, or when nothing is unsaved any more. */
static void
test_autosave_problem (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *blocker = g_build_filename (tmp, "blocker", NULL);
  g_autofree char *dir = g_build_filename (blocker, "recovery", NULL);
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (tmp, "saved.json", NULL);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDesign) moved = NULL;
  g_autoptr(HlDesign) again = NULL;
  g_autofree char *problem = NULL;
  HlDocCounts counts;

  g_assert_true (hl_doc_test_load (doc, path, &error));
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  hl_document_set_autosave (doc, dir, 50);
  hl_doc_test_watch (doc, &counts);
  g_assert_null (hl_document_get_autosave_problem (doc));

  moved = hl_doc_test_hairline_moved (hl_document_get_design (doc), 4, 12, -3);
  g_assert_true (hl_document_commit (doc, moved, "Move", NULL));
  hl_doc_test_spin_for (150);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_test_message ("autosave problem: %s", hl_document_get_autosave_problem (doc));
  g_assert_nonnull (strstr (hl_document_get_autosave_problem (doc), dir));
  g_object_get (doc, "autosave-problem", &problem, NULL);
  g_assert_cmpstr (problem, ==, hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 1);

  /* Retried meanwhile (50, 100, 200 ms...): the same problem is not
   * notified again. */
  hl_doc_test_spin_for (400);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 1);

  /* The folder can be made again: the next try writes the copy. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  wait_for (has_no_autosave_problem, doc, 20);
  g_assert_cmpuint (counts.autosave_problem, ==, 2);
  g_assert_cmpuint (n_files_in (dir), ==, 2);

  /* Broken again, then saved: nothing unsaved, nothing to warn about. */
  hl_document_set_autosave (doc, NULL, 50);
  g_assert_cmpuint (n_files_in (dir), ==, 2);   /* turned off: the copy stays */
  hl_recovery_remove (dir, hl_document_get_recovery_id (doc));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  hl_document_set_autosave (doc, dir, 50);
  again = hl_doc_test_hairline_moved (moved, 4, 1, 1);
  g_assert_true (hl_document_commit (doc, again, "Move", NULL));
  hl_doc_test_spin_for (150);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 3);
  g_assert_true (hl_doc_test_save (doc, target, &error));
  g_assert_no_error (error);
  g_assert_null (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 4);

  g_clear_object (&doc);
  g_unlink (target);
  g_unlink (blocker);
  g_rmdir (tmp);
}

static void
assert_same_pixels (HlPhoto *a,
                    HlPhoto *b)
{
  cairo_surface_t *sa = hl_photo_get_surface (a);
  cairo_surface_t *sb = hl_photo_get_surface (b);
  int height = cairo_image_surface_get_height (sa);
  int stride = cairo_image_surface_get_stride (sa);
  int row = cairo_image_surface_get_width (sa) * 4;

  g_assert_cmpint (cairo_image_surface_get_width (sa), ==, cairo_image_surface_get_width (sb));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (sb));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (sb));
  cairo_surface_flush (sa);
  cairo_surface_flush (sb);
  for (int y = 0; y < height; y++)
    g_assert_cmpmem (cairo_image_surface_get_data (sa) + (gsize) y * stride, row,
                     cairo_image_surface_get_data (sb) + (gsize) y * stride, row);
}

/* A design made from a pasted image: its recovery copy keeps the image
 * (0600, named by the recovery id) and refers to it; restored, the
 * document shows the same pixels and holds the image as a fresh paste
 * does, so that its first save writes NAME-photo.png. */
static void
test_recovery_keeps_pasted_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
  g_autofree char *src = hl_doc_test_sample_file ("astronaut.png");
  g_autofree char *target = g_build_filename (tmp, "R.json", NULL);
  g_autofree char *target_photo = g_build_filename (tmp, "R-photo.png", NULL);
  g_autofree char *png_data = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) restored = hl_document_new ();
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlDesign) kept = NULL;
  g_autoptr(HlDesign) saved = NULL;
  g_autofree char *photo_path = NULL;
  g_autofree char *json_name = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *kept_bytes = NULL;
  g_autofree char *written = NULL;
  const HlView *view;
  HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  GStatBuf st;
  gsize len, kept_len, written_len;

  g_assert_true (g_file_get_contents (src, &png_data, &len, &error));
  png = g_bytes_new (png_data, len);
  hl_document_load_pasted_async (doc, png, "Pasted photo", NULL, hl_doc_test_on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_load_finish (doc, wait.result, &error));
  g_clear_object (&wait.result);
  hl_document_set_autosave (doc, dir, 50);

  edited = hl_doc_test_reseeded (hl_document_get_design (doc), 77);
  g_assert_true (hl_document_commit (doc, edited, "Reseed", NULL));
  hl_doc_test_spin_for (200);
  g_assert_null (hl_document_get_autosave_problem (doc));
  g_assert_nonnull (hl_document_get_recovery_id (doc));
  g_assert_cmpuint (n_files_in (dir), ==, 3);   /* design, info, image */

  /* The image beside the copy: the pasted bytes, private. */
  photo_path = hl_recovery_photo_path (dir, hl_document_get_recovery_id (doc));
  g_assert_true (g_file_get_contents (photo_path, &kept_bytes, &kept_len, &error));
  g_assert_cmpmem (kept_bytes, kept_len, png_data, len);
  g_assert_cmpint (g_stat (photo_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* The copy refers to it by its path, with the image's hash. */
  json_name = g_strconcat (hl_document_get_recovery_id (doc), ".json", NULL);
  json_path = g_build_filename (dir, json_name, NULL);
  kept = hl_design_load_from_file (json_path, &error);
  g_assert_no_error (error);
  view = hl_design_get_view (kept, 0);
  g_assert_cmpstr (view->photo.path, ==, photo_path);
  g_assert_cmpstr (view->photo.sha256, ==, hl_photo_get_sha256 (hl_document_get_photo (doc)));
  g_assert_cmpuint (kept->seed, ==, 77);

  /* Another edit: the image is not written again. */
  g_assert_cmpint (g_chmod (photo_path, 0400), ==, 0);
  {
    g_autoptr(HlDesign) later = hl_doc_test_reseeded (edited, 78);

    g_assert_true (hl_document_commit (doc, later, "Reseed", NULL));
    hl_doc_test_spin_for (200);
    g_assert_null (hl_document_get_autosave_problem (doc));
    g_assert_cmpint (g_stat (photo_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0400);
    g_assert_cmpint (g_chmod (photo_path, 0600), ==, 0);
  }

  /* Restored as the next start would: the entry of this copy. */
  {
    HlRecoveryEntry entry = { (char *) hl_document_get_recovery_id (doc), json_path, NULL,
                              (char *) "Pasted photo", 0, photo_path };

    /* As a window's document: keeping its copies in the same folder. */
    hl_document_set_autosave (restored, dir, 50);
    hl_document_load_recovery_async (restored, &entry, NULL, hl_doc_test_on_done, &wait);
    g_main_loop_run (wait.loop);
    g_assert_true (hl_document_load_finish (restored, wait.result, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
  }
  g_assert_true (hl_document_is_modified (restored));
  g_assert_null (hl_document_get_file (restored));
  g_assert_cmpstr (hl_document_get_title (restored), ==, "Pasted photo");
  g_assert_cmpstr (hl_document_get_recovery_id (restored), ==, hl_document_get_recovery_id (doc));
  g_assert_cmpuint (hl_document_get_design (restored)->seed, ==, 78);
  g_assert_null (hl_document_get_photo_problem (restored));
  g_assert_nonnull (hl_document_get_photo (restored));
  g_assert_cmpstr (hl_photo_get_sha256 (hl_document_get_photo (restored)), ==,
                   hl_photo_get_sha256 (hl_document_get_photo (doc)));
  assert_same_pixels (hl_document_get_photo (restored), hl_document_get_photo (doc));
  /* No file of its own, as after a paste. */
  view = hl_design_get_view (hl_document_get_design (restored), 0);
  g_assert_null (view->photo.path);

  /* The first save writes the image beside the design. */
  g_assert_true (hl_doc_test_save (restored, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target_photo, &written, &written_len, &error));
  g_assert_cmpmem (written, written_len, png_data, len);
  saved = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_design_get_view (saved, 0)->photo.path, ==, "R-photo.png");
  /* Nothing unsaved: the copy and its image are gone. */
  g_assert_false (hl_document_is_modified (restored));
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (photo_path, G_FILE_TEST_EXISTS));

  g_clear_object (&restored);
  g_clear_object (&doc);
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_main_loop_unref (wait.loop);
  g_unlink (target);
  g_unlink (target_photo);
  g_rmdir (dir);
  g_rmdir (tmp);
}

/* The real thing: a process that pasted an image and edited is killed
 * (SIGKILL, nothing runs at exit); its copy is an orphan whose entry has
 * the image, and restoring it shows the same pixels. */
static void
test_pasted_photo_survives_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = hl_doc_test_sample_file ("astronaut.png");
  g_autofree char *png_data = NULL;
  g_autoptr(GBytes) png = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &png_data, &len, &error));
  png = g_bytes_new (png_data, len);

  if (g_test_subprocess ())
    {
      HlDocument *doc = hl_document_new ();
      g_autoptr(HlDesign) edited = NULL;
      HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };

      hl_document_set_autosave (doc, g_getenv ("HL_TEST_RECOVERY_DIR"), 50);
      hl_document_load_pasted_async (doc, png, "Pasted photo", NULL, hl_doc_test_on_done, &wait);
      g_main_loop_run (wait.loop);
      g_assert_true (hl_document_load_finish (doc, wait.result, &error));
      edited = hl_doc_test_reseeded (hl_document_get_design (doc), 99);
      g_assert_true (hl_document_commit (doc, edited, "Reseed", NULL));
      hl_doc_test_spin_for (300);
      g_assert_null (hl_document_get_autosave_problem (doc));
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
    g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(HlDocument) restored = hl_document_new ();
    g_autoptr(HlPhoto) pasted = hl_photo_load_bytes (png, "astronaut.png", &error);
    HlRecoveryEntry *entry;
    HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };

    g_setenv ("HL_TEST_RECOVERY_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();
    g_unsetenv ("HL_TEST_RECOVERY_DIR");

    entries = hl_recovery_list_orphans (dir);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_nonnull (entry->photo_path);
    g_assert_cmpstr (entry->title, ==, "Pasted photo");

    hl_document_set_autosave (restored, dir, 50);
    hl_document_load_recovery_async (restored, entry, NULL, hl_doc_test_on_done, &wait);
    g_main_loop_run (wait.loop);
    g_assert_true (hl_document_load_finish (restored, wait.result, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    g_main_loop_unref (wait.loop);
    g_assert_cmpuint (hl_document_get_design (restored)->seed, ==, 99);
    g_assert_nonnull (hl_document_get_photo (restored));
    assert_same_pixels (hl_document_get_photo (restored), pasted);

    /* Discarded (the window closes unsaved): nothing is left. */
    g_clear_object (&restored);
    g_assert_cmpuint (n_files_in (dir), ==, 0);
    g_rmdir (dir);
    g_rmdir (tmp);
  }
}

/* Two sessions on one file: the second save does not silently discard
 * the first's; it fails with G_IO_ERROR_WRONG_ETAG, writes nothing, and
 * writes when forced. A file another program replaced is seen too; a
 * file that is gone is written again. */
static void
test_save_changed_on_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (tmp, "design.json", NULL);
  g_autofree char *other_target = g_build_filename (tmp, "elsewhere.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(HlDocument) first = hl_document_new ();
  g_autoptr(HlDocument) second = hl_document_new ();
  g_autoptr(HlDesign) first_edit = NULL;
  g_autoptr(HlDesign) second_edit = NULL;
  g_autoptr(HlDesign) on_disk = NULL;
  g_autofree char *text = NULL;
  HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };

  g_assert_true (hl_doc_test_load (first, sample, &error));
  g_assert_true (hl_doc_test_save (first, target, &error));
  g_assert_true (hl_doc_test_load (second, target, &error));

  /* Both edit; the second saves first, then the first tries. */
  second_edit = hl_doc_test_reseeded (hl_document_get_design (second), 2002);
  g_assert_true (hl_document_commit (second, second_edit, "Reseed", NULL));
  first_edit = hl_doc_test_reseeded (hl_document_get_design (first), 1001);
  g_assert_true (hl_document_commit (first, first_edit, "Reseed", NULL));
  g_assert_true (hl_doc_test_save (second, target, &error));
  g_assert_no_error (error);

  g_assert_false (hl_doc_test_save (first, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "design.json"));
  g_clear_error (&error);
  g_assert_true (hl_document_is_modified (first));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_disk->seed, ==, 2002);
  g_clear_pointer (&on_disk, hl_design_unref);

  /* Asked, the user overwrites. */
  hl_document_save_full_async (first, file, HL_DOCUMENT_SAVE_FORCE, NULL, hl_doc_test_on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_save_finish (first, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_false (hl_document_is_modified (first));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_cmpuint (on_disk->seed, ==, 1001);
  g_clear_pointer (&on_disk, hl_design_unref);

  /* Its own saves are not changes from elsewhere. */
  {
    g_autoptr(HlDesign) next = hl_doc_test_reseeded (first_edit, 1003);

    g_assert_true (hl_document_commit (first, next, "Reseed", NULL));
    g_assert_true (hl_doc_test_save (first, target, &error));
    g_assert_no_error (error);
  }

  /* Another program replaces the file (as editors do: a new inode). */
  g_assert_true (g_file_get_contents (target, &text, NULL, &error));
  g_assert_true (g_file_set_contents (target, text, -1, &error));
  {
    g_autoptr(HlDesign) next = hl_doc_test_reseeded (first_edit, 1004);

    g_assert_true (hl_document_commit (first, next, "Reseed", NULL));
    g_assert_false (hl_doc_test_save (first, target, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
    g_clear_error (&error);

    /* Saving elsewhere is not checked. */
    g_assert_true (hl_doc_test_save (first, other_target, &error));
    g_assert_no_error (error);
  }

  /* The file is gone: written again. */
  {
    g_autoptr(HlDesign) next = hl_doc_test_reseeded (first_edit, 1005);

    g_assert_true (hl_doc_test_load (second, target, &error));
    g_assert_cmpint (g_unlink (target), ==, 0);
    g_assert_true (hl_document_commit (second, next, "Reseed", NULL));
    g_assert_true (hl_doc_test_save (second, target, &error));
    g_assert_no_error (error);
    on_disk = hl_design_load_from_file (target, &error);
    g_assert_cmpuint (on_disk->seed, ==, 1005);
  }

  g_main_loop_unref (wait.loop);
  g_unlink (target);
  g_unlink (other_target);
  g_rmdir (tmp);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/save-and-reload", test_save_and_reload);
  g_test_add_func ("/document/edit-during-save", test_edit_during_save);
  g_test_add_func ("/document/newer-load-wins", test_newer_load_wins);
  g_test_add_func ("/document/autosave-and-adopt", test_autosave_and_adopt);
  g_test_add_func ("/document/autosave-problem", test_autosave_problem);
  g_test_add_func ("/document/recovery-keeps-pasted-photo", test_recovery_keeps_pasted_photo);
  g_test_add_func ("/document/pasted-photo-survives-kill", test_pasted_photo_survives_kill);
  g_test_add_func ("/document/save-changed-on-disk", test_save_changed_on_disk);

  return g_test_run ();
}
