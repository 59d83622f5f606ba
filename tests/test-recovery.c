/* test-recovery.c: unsaved work kept on disk, found again after a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-design-io.h"
#include "hl-recovery.h"

static HlDesign *
labelled_design (const char *label)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");

  hl_design_set_client_label (design, label);
  hl_design_append_view (design, view);
  return design;
}

/* Rewrites @id's info file as if a process that has ended wrote it. */
static void
orphan (const char *dir,
        const char *id)
{
  g_autofree char *name = g_strconcat (id, ".info", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  pid_t child = fork ();
  int status;

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);

  g_assert_true (g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error));
  g_key_file_set_int64 (keys, "Recovery", "pid", child);
  g_assert_true (g_key_file_save_to_file (keys, path, &error));
}

static void
test_write_list_remove (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-recovery-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "made", "by", "write", NULL);
  g_autoptr(HlDesign) first = labelled_design ("First client");
  g_autoptr(HlDesign) second = labelled_design ("Second client");
  g_autofree char *id1 = hl_recovery_new_id ();
  g_autofree char *id2 = hl_recovery_new_id ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(HlDesign) back = NULL;
  HlRecoveryEntry *entry;

  g_assert_cmpstr (id1, !=, id2);
  g_assert_true (hl_recovery_write (sub, id1, first, "/clinic/first.json", "first.json", &error));
  g_assert_no_error (error);
  g_usleep (2000);
  g_assert_true (hl_recovery_write (sub, id2, second, NULL, "photo.jpg", &error));
  g_assert_no_error (error);

  /* This process still runs: nothing is an orphan yet. */
  entries = hl_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* After their writer ended, both are found, oldest first. */
  orphan (sub, id1);
  orphan (sub, id2);
  entries = hl_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, id1);
  g_assert_cmpstr (entry->original_path, ==, "/clinic/first.json");
  g_assert_cmpstr (entry->title, ==, "first.json");
  back = hl_design_load_from_file (entry->design_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->client_label, ==, "First client");
  entry = g_ptr_array_index (entries, 1);
  g_assert_null (entry->original_path);
  g_assert_cmpint (entry->written, >=, ((HlRecoveryEntry *) g_ptr_array_index (entries, 0))->written);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* An info file without its design is skipped; removal takes both. */
  hl_recovery_remove (sub, id1);
  {
    g_autofree char *json = g_strconcat (id2, ".json", NULL);
    g_autofree char *path = g_build_filename (sub, json, NULL);

    g_unlink (path);
  }
  entries = hl_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 0);
  hl_recovery_remove (sub, id2);
  g_assert_cmpint (g_rmdir (sub), ==, 0);   /* empty: everything went */

  /* A folder that does not exist lists nothing. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = hl_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 0);

  {
    g_autofree char *by = g_path_get_dirname (sub);
    g_autofree char *made = g_path_get_dirname (by);

    g_rmdir (by);
    g_rmdir (made);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recovery/write-list-remove", test_write_list_remove);
  return g_test_run ();
}
