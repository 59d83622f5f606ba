/* test-outputs.c: outputs never clobber and photos that cannot be used
 * fail (a kill at any moment: test-outputs-kill.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-output-test-util.h"
#include "hl-test-util.h"


/* --- refusals ------------------------------------------------------------------ */

static void
test_refuse_inputs (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *json = g_build_filename (dir, "D.json", NULL);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.json", NULL);
  g_autofree char *json_before = NULL, *photo_before = NULL;
  gsize json_len, photo_len;
  HlRun r;

  json_before = hl_out_test_read_file (json, &json_len);
  photo_before = hl_out_test_read_file (photo, &photo_len);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "D.json", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "D.json: is an input of this command"));
  g_assert_true (hl_out_test_same_bytes (json, json_before, json_len));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "astronaut.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "astronaut.png: is an input of this command"));
  g_assert_true (hl_out_test_same_bytes (photo, photo_before, photo_len));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "./astronaut.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (hl_out_test_same_bytes (photo, photo_before, photo_len));
  hl_test_run_clear (&r);

  /* Another name for the same file is the same file. */
  g_assert_cmpint (link (json, hard), ==, 0);
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "hard.json", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (hl_out_test_same_bytes (json, json_before, json_len));
  hl_test_run_clear (&r);

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

static void
test_refuse_non_regular (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  struct stat st;
  HlRun r;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "fifo", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "fifo: is a FIFO; refusing to replace it"));
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "folder", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "folder: is a folder"));
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat (folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "folder", NULL);
  g_assert_cmpint (r.status, ==, 1);
  hl_test_run_clear (&r);

  /* As root this replaced the device node with a file. */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "/dev/null", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/dev/null: is a device"));
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* /dev/stdout is a link: refused as one (it replaced the link). */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "/dev/stdout", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/dev/stdout: is a symbolic link"));
  hl_test_run_clear (&r);

  /* Disk full the cheap way: /dev/full is no regular file. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "/dev/full", NULL);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, "/dev/full: is a device"));
      hl_test_run_clear (&r);
    }

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

static void
test_symlinks (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *link_path = g_build_filename (dir, "link.png", NULL);
  g_autofree char *real = g_build_filename (dir, "real.png", NULL);
  g_autoptr(GdkPixbuf) pb = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;
  HlRun r;

  g_assert_true (g_file_set_contents (real, "old", 3, NULL));
  g_assert_cmpint (symlink ("real.png", link_path), ==, 0);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "link.png", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "link.png: is a symbolic link"));
  g_assert_nonnull (strstr (r.err, "--follow-symlinks"));
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (hl_out_test_same_bytes (real, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "link.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (real, "old", 3));

  /* Asked for: the file the link points to is replaced, the link kept. */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "link.png", "--follow-symlinks", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  pb = gdk_pixbuf_new_from_file (real, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

static void
test_permissions (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *png = g_build_filename (dir, "m.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "d.csv", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.pdf", NULL);
  g_autofree char *fresh_png = g_build_filename (dir, "new.png", NULL);
  g_autofree char *fresh_csv = g_build_filename (dir, "new.csv", NULL);
  g_autofree char *fresh_json = g_build_filename (dir, "new.json", NULL);
  struct stat st;
  mode_t old_umask;
  HlRun r;

  g_assert_true (g_file_set_contents (png, "old", 3, NULL));
  g_assert_cmpint (g_chmod (png, 0600), ==, 0);
  g_assert_true (g_file_set_contents (pdf, "old", 3, NULL));
  g_assert_cmpint (g_chmod (pdf, 0644), ==, 0);
  g_assert_true (g_file_set_contents (csv, "old", 3, NULL));
  g_assert_cmpint (g_chmod (csv, 0640), ==, 0);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "m.png", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "r.pdf", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "d.csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* A new file is private whatever the umask (the child inherits ours):
   * mockups and sheets show a client's head, the dots belong to them. */
  old_umask = umask (022);
  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "new.pdf", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "new.png", "--scale", "0.5", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (fresh_png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "new.csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (stat (fresh_csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A design saved to a new file (what the window's Save does). */
  {
    g_autofree char *json = g_build_filename (dir, "D.json", NULL);
    g_autoptr(HlDesign) design = hl_design_load_from_file (json, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (design);
    g_assert_true (hl_design_save_to_file (design, fresh_json, &error));
    g_assert_no_error (error);
    g_assert_cmpint (stat (fresh_json, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  }
  umask (old_umask);

  hl_out_test_remove_tree (dir);
}

/* A file made read-only is not replaced, although renaming over it needs
 * only the folder's permission. The tests run as root in CI, where every
 * access() check passes: the rule is the file's mode, no write bit for
 * anybody. */
static void
test_read_only (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *png = g_build_filename (dir, "m.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "d.csv", NULL);
  g_autofree char *design_copy = g_build_filename (dir, "kept.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autofree char *json = g_build_filename (dir, "D.json", NULL);
  g_autofree char *kept = NULL;
  gsize kept_len;
  struct stat st;
  HlRun r;

  g_assert_true (g_file_set_contents (png, "old", 3, NULL));
  g_assert_cmpint (g_chmod (png, 0444), ==, 0);
  g_assert_true (g_file_set_contents (pdf, "old", 3, NULL));
  g_assert_cmpint (g_chmod (pdf, 0400), ==, 0);
  g_assert_true (g_file_set_contents (csv, "old", 3, NULL));
  g_assert_cmpint (g_chmod (csv, 0444), ==, 0);
  g_assert_cmpint (symlink ("m.png", link_path), ==, 0);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "m.png", "--scale", "0.5", NULL);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "hairline render: m.png: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (png, "old", 3));
  g_assert_cmpint (stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "link.png", "--follow-symlinks", "--scale", "0.5", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "link.png: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (png, "old", 3));

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "r.pdf", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "r.pdf: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (pdf, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "d.csv", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "d.csv: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (csv, "old", 3));

  /* The core refuses too: a design saved over a read-only copy (the
   * window's Ctrl+S), and the writer itself. */
  design = hl_design_load_from_file (json, &error);
  g_assert_no_error (error);
  hl_out_test_copy_file (json, design_copy);
  g_assert_cmpint (g_chmod (design_copy, 0444), ==, 0);
  kept = hl_out_test_read_file (design_copy, &kept_len);
  g_assert_false (hl_design_save_to_file (design, design_copy, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "kept.json: permission denied: the file is read-only"));
  g_clear_error (&error);
  g_assert_true (hl_out_test_same_bytes (design_copy, kept, kept_len));

  g_assert_false (hl_atomic_file_set_contents (csv, "new", 3, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, csv));
  g_clear_error (&error);
  g_assert_false (hl_atomic_file_check_target (csv, NULL, HL_ATOMIC_FILE_DEFAULT, NULL, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (hl_out_test_same_bytes (csv, "old", 3));

  /* Writable again by its owner: replaced, keeping its mode. */
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  g_assert_true (hl_atomic_file_set_contents (csv, "new", 3, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (hl_out_test_same_bytes (csv, "new", 3));
  g_assert_cmpint (stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

/* Temporary files of a dead process are removed; a live one's are kept. */
static void
test_stale_temp_files (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *dead_name = NULL;
  g_autofree char *live_name = NULL;
  g_autofree char *other_name = g_build_filename (dir, ".other.png.hl-tmp-1-abcdef", NULL);
  GPid dead_pid;
  int status;
  HlRun r;

  /* A PID that surely ended: a child we started and reaped. */
  dead_pid = fork ();
  if (dead_pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead_pid, &status, 0), ==, dead_pid);

  dead_name = g_strdup_printf ("%s/.out.png.hl-tmp-%d-Ab12Cd", dir, (int) dead_pid);
  live_name = g_strdup_printf ("%s/.out.png.hl-tmp-%d-Ef34Gh", dir, (int) getpid ());
  g_assert_true (g_file_set_contents (dead_name, "debris", -1, NULL));
  g_assert_true (g_file_set_contents (live_name, "in progress", -1, NULL));
  g_assert_true (g_file_set_contents (other_name, "another target's", -1, NULL));

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "out.png", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);

  g_assert_false (g_file_test (dead_name, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_name, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_name, G_FILE_TEST_EXISTS));

  hl_out_test_remove_tree (dir);
}

/* The sweep takes any target's debris in the folder: a dead PID's, or one
 * unchanged for over an hour; it keeps running processes' files (ours
 * too), names that only look alike, and anything but regular files. */
static void
test_sweep_stale (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *dead = NULL, *dead2 = NULL, *live = NULL, *own = NULL, *old = NULL;
  g_autofree char *not_ours = g_build_filename (dir, "out.png.hl-tmp-1-abcdef", NULL);
  g_autofree char *short_suffix = g_build_filename (dir, ".out.png.hl-tmp-1-abc", NULL);
  g_autofree char *link_name = NULL;
  GPid dead_pid;
  int status;

  dead_pid = fork ();
  if (dead_pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (dead_pid, &status, 0), ==, dead_pid);

  dead = g_strdup_printf ("%s/.a.png.hl-tmp-%d-Ab12Cd", dir, (int) dead_pid);
  dead2 = g_strdup_printf ("%s/.D.json.hl-tmp-%d-zz99zz", dir, (int) dead_pid);
  live = g_build_filename (dir, ".b.pdf.hl-tmp-1-Ef34Gh", NULL);          /* PID 1 runs */
  own = g_strdup_printf ("%s/.c.csv.hl-tmp-%d-Ij56Kl", dir, (int) getpid ());
  old = g_build_filename (dir, ".d.png.hl-tmp-1-Mn78Op", NULL);
  link_name = g_strdup_printf ("%s/.e.png.hl-tmp-%d-Qr90St", dir, (int) dead_pid);
  for (const char *const *p = (const char *const[]) { dead, dead2, live, own, old, not_ours, short_suffix, NULL };
       *p != NULL; p++)
    g_assert_true (g_file_set_contents (*p, "part of a client's mockup", -1, NULL));
  g_assert_cmpint (symlink ("D.json", link_name), ==, 0);
  {
    /* Two hours unchanged: a killed run whose PID was reused. */
    struct timeval tv[2] = { { time (NULL) - 7200, 0 }, { time (NULL) - 7200, 0 } };

    g_assert_cmpint (utimes (old, tv), ==, 0);
  }

  g_assert_cmpuint (hl_atomic_file_sweep_stale (dir), ==, 3);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead2, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (not_ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (short_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link_name, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (hl_atomic_file_sweep_stale (dir), ==, 0);
  /* A folder that is not there sweeps nothing. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);

    g_assert_cmpuint (hl_atomic_file_sweep_stale (missing), ==, 0);
  }

  hl_out_test_remove_tree (dir);
}

/* --- photos -------------------------------------------------------------------- */

static void
write_design_with_photo (const char *dir,
                         const char *name,
                         const char *photo)
{
  g_autofree char *src = g_build_filename (dir, "D.json", NULL);
  g_autofree char *dst = g_build_filename (dir, name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", photo);
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  parts = g_strsplit (text, "\"astronaut.png\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (quoted, parts);
  g_assert_true (g_file_set_contents (dst, joined, -1, NULL));
}

static void
test_unusable_photo (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;
  const char *cases[] = { "missing.png", "cut.png", "corrupt.png", "fifo.png", "folder.png" };

  g_assert_true (g_file_get_contents (photo, &data, &length, NULL));
  path = g_build_filename (dir, "cut.png", NULL);
  g_assert_true (g_file_set_contents (path, data, (gssize) (length / 2), NULL));
  g_free (path);
  path = g_build_filename (dir, "corrupt.png", NULL);
  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n not really", -1, NULL));
  g_free (path);
  path = g_build_filename (dir, "fifo.png", NULL);
  g_assert_cmpint (mkfifo (path, 0644), ==, 0);
  g_free (path);
  path = g_build_filename (dir, "folder.png", NULL);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *design = g_strdup_printf ("P%u.json", i);
      g_autofree char *out_png = g_build_filename (dir, "p.png", NULL);
      g_autofree char *out_pdf = g_build_filename (dir, "p.pdf", NULL);
      HlRun r;

      write_design_with_photo (dir, design, cases[i]);

      r = hl_test_run_hairline (dir, "render", design, "-o", "p.png", "--scale", "1", NULL);
      g_test_message ("render with %s: exit %d: %s", cases[i], r.status, r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, "views[0].photo.path: "));
      g_assert_nonnull (strstr (r.err, "--without-photo"));
      hl_test_run_clear (&r);
      g_assert_false (g_file_test (out_png, G_FILE_TEST_EXISTS));

      r = hl_test_run_hairline (dir, "report", design, "-o", "p.pdf", NULL);
      g_test_message ("report with %s: exit %d: %s", cases[i], r.status, r.err);
      g_assert_cmpint (r.status, ==, 1);
      g_assert_nonnull (strstr (r.err, "views[0].photo.path: "));
      hl_test_run_clear (&r);
      g_assert_false (g_file_test (out_pdf, G_FILE_TEST_EXISTS));

      r = hl_test_run_hairline (dir, "render", design, "-o", "p.png", "--without-photo", "--scale", "1", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.err, "--without-photo"));
      hl_test_run_clear (&r);
      g_assert_true (g_file_test (out_png, G_FILE_TEST_IS_REGULAR));

      r = hl_test_run_hairline (dir, "report", design, "-o", "p.pdf", "--without-photo", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.err, "--without-photo"));
      hl_test_run_clear (&r);
      g_assert_true (g_file_test (out_pdf, G_FILE_TEST_IS_REGULAR));

      g_unlink (out_png);
      g_unlink (out_pdf);
    }

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

/* --- the helper in process ----------------------------------------------------- */

static void
test_api (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *target = g_build_filename (dir, "t.txt", NULL);
  g_autoptr(GError) error = NULL;
  HlAtomicFile *file;
  struct stat st;

  g_assert_true (hl_atomic_file_set_contents (target, "one", 3, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);

  /* Discarded: the target stays as it was, no temporary file. */
  file = hl_atomic_file_new (target, NULL, HL_ATOMIC_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (hl_atomic_file_get_temp_path (file), G_FILE_TEST_EXISTS));
  g_assert_true (hl_atomic_file_write (file, "two", 3));
  hl_atomic_file_discard (file, "the encoder failed", &error);
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_true (g_str_has_suffix (error->message, "t.txt: cannot write: the encoder failed"));
  g_clear_error (&error);
  g_assert_true (hl_out_test_same_bytes (target, "one", 3));
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);

  /* Committed: replaced, mode kept. */
  file = hl_atomic_file_new (target, NULL, HL_ATOMIC_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  fputs ("three", hl_atomic_file_get_stream (file));
  g_assert_true (hl_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  g_assert_true (hl_out_test_same_bytes (target, "three", 5));
  g_assert_cmpint (stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* A folder that does not exist: the path and the reason. */
  g_assert_false (hl_atomic_file_set_contents ("/nonexistent-hl/x.png", "x", 1, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "/nonexistent-hl/x.png: cannot write: No such file or directory");
  g_clear_error (&error);

  /* Design save writes through a link and keeps it. */
  {
    g_autofree char *json = g_build_filename (dir, "D.json", NULL);
    g_autofree char *link_path = g_build_filename (dir, "L.json", NULL);
    g_autoptr(HlDesign) design = hl_design_load_from_file (json, &error);

    g_assert_no_error (error);
    g_assert_cmpint (symlink ("D.json", link_path), ==, 0);
    g_assert_true (hl_design_save_to_file (design, link_path, &error));
    g_assert_no_error (error);
    g_assert_cmpint (lstat (link_path, &st), ==, 0);
    g_assert_true (S_ISLNK (st.st_mode));
  }

  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  hl_out_test_remove_tree (dir);
}

/* --- disk full ----------------------------------------------------------------- */

static void
test_disk_full (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
  g_autofree char *mnt = g_build_filename (dir, "small", NULL);
  g_autofree char *out = g_build_filename (mnt, "out.png", NULL);
  g_autofree char *out_pdf = g_build_filename (mnt, "out.pdf", NULL);
  g_autofree char *csv = g_build_filename (mnt, "d.csv", NULL);
  g_autofree char *errors = NULL;
  int status = 0;
  HlRun r;

  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!g_spawn_sync (NULL, (char *[]) { (char *) "mount", (char *) "-t", (char *) "tmpfs",
                                        (char *) "-o", (char *) "size=64k", (char *) "tmpfs", mnt, NULL },
                     NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &errors, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs here (%s)",
                                              errors != NULL ? g_strstrip (errors) : "mount did not run");
      hl_out_test_remove_tree (dir);
      g_test_skip (why);
      return;
    }

  /* Old files that must survive the failed writes. */
  g_assert_true (g_file_set_contents (out, "old", 3, NULL));
  g_assert_true (g_file_set_contents (out_pdf, "old", 3, NULL));

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", out, "--scale", "1", "--crop", "none", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_test_message ("%s", r.err);
  g_assert_nonnull (strstr (r.err, "out.png: cannot write: No space left on device"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (out, "old", 3));

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", out_pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "out.pdf: cannot write: No space left on device"));
  hl_test_run_clear (&r);
  g_assert_true (hl_out_test_same_bytes (out_pdf, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "d.csv: cannot write: No space left on device"));
  hl_test_run_clear (&r);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (hl_out_test_count_temp_files (mnt), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "umount", mnt, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  hl_out_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outputs/refuse-inputs", test_refuse_inputs);
  g_test_add_func ("/outputs/refuse-non-regular", test_refuse_non_regular);
  g_test_add_func ("/outputs/symlinks", test_symlinks);
  g_test_add_func ("/outputs/permissions", test_permissions);
  g_test_add_func ("/outputs/stale-temp-files", test_stale_temp_files);
  g_test_add_func ("/outputs/unusable-photo", test_unusable_photo);
  g_test_add_func ("/outputs/api", test_api);
  g_test_add_func ("/outputs/disk-full", test_disk_full);
  g_test_add_func ("/outputs/read-only", test_read_only);
  g_test_add_func ("/outputs/sweep-stale", test_sweep_stale);

  return g_test_run ();
}
