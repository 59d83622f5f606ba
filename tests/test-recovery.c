/* test-recovery.c: unsaved work kept on disk, found again after a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
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

static mode_t
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Recovery copies hold clients' names and notes: whatever the umask, the
 * folder is 0700 (made so, or tightened when found looser) and the files
 * 0600, even one an older version left readable. */
static void
test_private (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-recovery-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "new", NULL);
  g_autofree char *loose = g_build_filename (dir, "loose", NULL);
  g_autoptr(HlDesign) design = labelled_design ("A client");
  g_autofree char *id = hl_recovery_new_id ();
  g_autofree char *json_name = g_strconcat (id, ".json", NULL);
  g_autofree char *info_name = g_strconcat (id, ".info", NULL);
  g_autofree char *json = g_build_filename (loose, json_name, NULL);
  g_autofree char *info = g_build_filename (loose, info_name, NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  g_assert_true (hl_recovery_write (sub, id, design, NULL, "t", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (sub), ==, 0700);
  {
    g_autofree char *made_json = g_build_filename (sub, json_name, NULL);
    g_autofree char *made_info = g_build_filename (sub, info_name, NULL);

    g_assert_cmpint (mode_of (made_json), ==, 0600);
    g_assert_cmpint (mode_of (made_info), ==, 0600);
  }
  hl_recovery_remove (sub, id);

  /* A folder and a copy made readable by others are tightened. */
  g_assert_cmpint (g_mkdir (loose, 0755), ==, 0);
  g_assert_cmpint (g_chmod (loose, 0755), ==, 0);
  g_assert_true (g_file_set_contents (json, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (json, 0644), ==, 0);
  g_assert_true (hl_recovery_write (loose, id, design, NULL, "t", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mode_of (loose), ==, 0700);
  g_assert_cmpint (mode_of (json), ==, 0600);
  g_assert_cmpint (mode_of (info), ==, 0600);
  umask (old_umask);

  hl_recovery_remove (loose, id);
  g_assert_cmpint (g_rmdir (loose), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A pasted image kept beside a copy: <id>.png, 0600 whatever the umask,
 * listed with its entry, removed with it. */
static void
test_photo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-recovery-XXXXXX", NULL);
  g_autofree char *sub = g_build_filename (dir, "made", NULL);
  g_autoptr(HlDesign) design = labelled_design ("Pasted");
  g_autofree char *id = hl_recovery_new_id ();
  g_autofree char *other = hl_recovery_new_id ();
  g_autofree char *photo = hl_recovery_photo_path (sub, id);
  g_autofree char *name = g_strconcat (id, ".png", NULL);
  g_autofree char *expected = g_build_filename (sub, name, NULL);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG not really", 15);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *back = NULL;
  gsize len;
  mode_t old_umask = umask (022);

  g_assert_cmpstr (photo, ==, expected);
  g_assert_true (hl_recovery_write_photo (sub, id, png, &error));
  g_assert_no_error (error);
  umask (old_umask);
  g_assert_cmpint (mode_of (sub), ==, 0700);
  g_assert_cmpint (mode_of (photo), ==, 0600);
  g_assert_true (g_file_get_contents (photo, &back, &len, NULL));
  g_assert_cmpmem (back, len, "\x89PNG not really", 15);

  g_assert_true (hl_recovery_write (sub, id, design, NULL, "Pasted photo", &error));
  g_assert_true (hl_recovery_write (sub, other, design, NULL, "Other", &error));
  orphan (sub, id);
  orphan (sub, other);
  entries = hl_recovery_list_orphans (sub);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      HlRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(HlRecoveryEntry) copy = hl_recovery_entry_copy (entry);

      if (g_str_equal (entry->id, id))
        g_assert_cmpstr (copy->photo_path, ==, photo);
      else
        g_assert_null (copy->photo_path);
    }

  hl_recovery_remove (sub, id);
  hl_recovery_remove (sub, other);
  g_assert_false (g_file_test (photo, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (sub), ==, 0);   /* empty: everything went */
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recovery/write-list-remove", test_write_list_remove);
  g_test_add_func ("/recovery/private", test_private);
  g_test_add_func ("/recovery/photo", test_photo);
  return g_test_run ();
}
