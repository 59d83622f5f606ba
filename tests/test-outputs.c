/* test-outputs.c: outputs never clobber, photos that cannot be used fail,
 * and a kill at any moment leaves the old file or a complete new one.
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
#include "hl-test-util.h"

static char *
read_file (const char *path,
           gsize      *length)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, length, NULL))
    return NULL;
  return data;
}

static gboolean
same_bytes (const char *path,
            const char *data,
            gsize       length)
{
  gsize n;
  g_autofree char *now = read_file (path, &n);

  return now != NULL && n == length && memcmp (now, data, n) == 0;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (from, &data, &n, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) n, NULL));
}

/* A temporary folder holding D.json and its photo. */
static char *
make_workdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hl-outputs-XXXXXX", &error);
  g_autofree char *src_json = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *src_png = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autofree char *json = NULL;
  g_autofree char *png = NULL;

  g_assert_no_error (error);
  json = g_build_filename (dir, "D.json", NULL);
  png = g_build_filename (dir, "astronaut.png", NULL);
  copy_file (src_json, json);
  copy_file (src_png, png);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Temporary files of the atomic writer in @dir. */
static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".hl-tmp-") != NULL)
      n++;
  return n;
}

/* Temporary files of the atomic writer in @dir that anybody but their
 * owner may read or write. */
static guint
count_open_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *full = NULL;
      struct stat st;

      if (strstr (name, ".hl-tmp-") == NULL)
        continue;
      full = g_build_filename (dir, name, NULL);
      if (lstat (full, &st) == 0 && (st.st_mode & 077) != 0)
        {
          g_test_message ("%s: mode %04o", name, (unsigned) (st.st_mode & 07777));
          n++;
        }
    }
  return n;
}

/* --- refusals ------------------------------------------------------------------ */

static void
test_refuse_inputs (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *json = g_build_filename (dir, "D.json", NULL);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.json", NULL);
  g_autofree char *json_before = NULL, *photo_before = NULL;
  gsize json_len, photo_len;
  HlRun r;

  json_before = read_file (json, &json_len);
  photo_before = read_file (photo, &photo_len);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "D.json", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "D.json: is an input of this command"));
  g_assert_true (same_bytes (json, json_before, json_len));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "astronaut.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "astronaut.png: is an input of this command"));
  g_assert_true (same_bytes (photo, photo_before, photo_len));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "./astronaut.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (same_bytes (photo, photo_before, photo_len));
  hl_test_run_clear (&r);

  /* Another name for the same file is the same file. */
  g_assert_cmpint (link (json, hard), ==, 0);
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "hard.json", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (same_bytes (json, json_before, json_len));
  hl_test_run_clear (&r);

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

static void
test_refuse_non_regular (void)
{
  g_autofree char *dir = make_workdir ();
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

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

static void
test_symlinks (void)
{
  g_autofree char *dir = make_workdir ();
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
  g_assert_true (same_bytes (real, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "link.png", NULL);
  g_assert_cmpint (r.status, ==, 1);
  hl_test_run_clear (&r);
  g_assert_true (same_bytes (real, "old", 3));

  /* Asked for: the file the link points to is replaced, the link kept. */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "link.png", "--follow-symlinks", "--scale", "1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  g_assert_cmpint (lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  pb = gdk_pixbuf_new_from_file (real, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

static void
test_permissions (void)
{
  g_autofree char *dir = make_workdir ();
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

  remove_tree (dir);
}

/* A file made read-only is not replaced, although renaming over it needs
 * only the folder's permission. The tests run as root in CI, where every
 * access() check passes: the rule is the file's mode, no write bit for
 * anybody. */
static void
test_read_only (void)
{
  g_autofree char *dir = make_workdir ();
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
  g_assert_true (same_bytes (png, "old", 3));
  g_assert_cmpint (stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);

  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "link.png", "--follow-symlinks", "--scale", "0.5", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "link.png: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (same_bytes (png, "old", 3));

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", "r.pdf", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "r.pdf: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (same_bytes (pdf, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", "d.csv", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "d.csv: permission denied: the file is read-only"));
  hl_test_run_clear (&r);
  g_assert_true (same_bytes (csv, "old", 3));

  /* The core refuses too: a design saved over a read-only copy (the
   * window's Ctrl+S), and the writer itself. */
  design = hl_design_load_from_file (json, &error);
  g_assert_no_error (error);
  copy_file (json, design_copy);
  g_assert_cmpint (g_chmod (design_copy, 0444), ==, 0);
  kept = read_file (design_copy, &kept_len);
  g_assert_false (hl_design_save_to_file (design, design_copy, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "kept.json: permission denied: the file is read-only"));
  g_clear_error (&error);
  g_assert_true (same_bytes (design_copy, kept, kept_len));

  g_assert_false (hl_atomic_file_set_contents (csv, "new", 3, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, csv));
  g_clear_error (&error);
  g_assert_false (hl_atomic_file_check_target (csv, NULL, HL_ATOMIC_FILE_DEFAULT, NULL, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (same_bytes (csv, "old", 3));

  /* Writable again by its owner: replaced, keeping its mode. */
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  g_assert_true (hl_atomic_file_set_contents (csv, "new", 3, NULL, HL_ATOMIC_FILE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (same_bytes (csv, "new", 3));
  g_assert_cmpint (stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

/* Temporary files of a dead process are removed; a live one's are kept. */
static void
test_stale_temp_files (void)
{
  g_autofree char *dir = make_workdir ();
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

  remove_tree (dir);
}

/* The sweep takes any target's debris in the folder: a dead PID's, or one
 * unchanged for over an hour; it keeps running processes' files (ours
 * too), names that only look alike, and anything but regular files. */
static void
test_sweep_stale (void)
{
  g_autofree char *dir = make_workdir ();
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

  remove_tree (dir);
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
  g_autofree char *dir = make_workdir ();
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

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

/* --- the helper in process ----------------------------------------------------- */

static void
test_api (void)
{
  g_autofree char *dir = make_workdir ();
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
  g_assert_true (same_bytes (target, "one", 3));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  /* Committed: replaced, mode kept. */
  file = hl_atomic_file_new (target, NULL, HL_ATOMIC_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  fputs ("three", hl_atomic_file_get_stream (file));
  g_assert_true (hl_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  g_assert_true (same_bytes (target, "three", 5));
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

  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  remove_tree (dir);
}

/* --- disk full ----------------------------------------------------------------- */

static void
test_disk_full (void)
{
  g_autofree char *dir = make_workdir ();
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
      remove_tree (dir);
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
  g_assert_true (same_bytes (out, "old", 3));

  r = hl_test_run_hairline (dir, "report", "D.json", "-o", out_pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "out.pdf: cannot write: No space left on device"));
  hl_test_run_clear (&r);
  g_assert_true (same_bytes (out_pdf, "old", 3));

  r = hl_test_run_hairline (dir, "dots", "D.json", "-o", csv, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "d.csv: cannot write: No space left on device"));
  hl_test_run_clear (&r);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (count_temp_files (mnt), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) "umount", mnt, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  remove_tree (dir);
}

/* --- kills ----------------------------------------------------------------------- */

typedef gboolean (*CompleteFunc) (const char *path);

static gboolean
png_complete (const char *path)
{
  g_autoptr(GdkPixbuf) pb = NULL;
  g_autofree char *data = NULL;
  gsize n;

  /* gdk-pixbuf also takes a cut PNG: require the IEND chunk at the end. */
  data = read_file (path, &n);
  if (data == NULL || n < 12 || memcmp (data + n - 8, "IEND", 4) != 0)
    return FALSE;
  pb = gdk_pixbuf_new_from_file (path, NULL);
  return pb != NULL;
}

static gboolean
pdf_complete (const char *path)
{
  g_autofree char *data = NULL;
  gsize n;

  data = read_file (path, &n);
  return data != NULL && n > 16 && memcmp (data, "%PDF-", 5) == 0 &&
         g_strstr_len (data + n - 8, 8, "%%EOF") != NULL;
}

static gboolean
csv_complete (const char *path)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  guint n_lines;
  gsize n;

  data = read_file (path, &n);
  if (data == NULL || n == 0 || data[n - 1] != '\n' ||
      !g_str_has_prefix (data, "x,y,diameter_mm,shade,session,zone\n"))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines < 3)
    return FALSE;
  fields = g_strsplit (lines[n_lines - 2], ",", -1);
  return g_strv_length (fields) == 6;
}

static gboolean
json_complete (const char *path)
{
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, NULL);

  return design != NULL;
}

typedef struct
{
  const char   *name;
  const char   *target;      /* in the work folder */
  const char   *old_args[8]; /* hairline arguments writing a different old file */
  const char   *old_text;    /* or the old file's text */
  const char   *args[8];     /* the command killed */
  gboolean      helper;      /* args are for the write helper, not hairline */
  CompleteFunc  complete;
} KillCase;

static GPid
spawn_case (const char     *dir,
            const KillCase *kc)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv (kc->helper ? "HL_WRITE_HELPER" : "HAIRLINE"));
  for (guint i = 0; kc->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) kc->args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_async (dir, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

#define KILL_TRIALS 30

static void
test_kill (gconstpointer data)
{
  const KillCase *kc = data;
  g_autofree char *dir = make_workdir ();
  g_autofree char *target = g_build_filename (dir, kc->target, NULL);
  g_autofree char *old = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  gsize old_len;
  gint64 t0;
  double run_time;
  guint n_old = 0, n_new = 0, n_debris = 0, n_finished = 0;
  int status;
  GPid pid;

  /* The old file: a different, complete output. */
  if (kc->old_text != NULL)
    g_assert_true (g_file_set_contents (target, kc->old_text, -1, NULL));
  else
  {
    g_autoptr(GPtrArray) argv = g_ptr_array_new ();

    g_ptr_array_add (argv, (gpointer) g_getenv ("HAIRLINE"));
    for (guint i = 0; kc->old_args[i] != NULL; i++)
      g_ptr_array_add (argv, (gpointer) kc->old_args[i]);
    g_ptr_array_add (argv, NULL);
    g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  old = read_file (target, &old_len);
  g_assert_nonnull (old);
  g_assert_true (kc->complete (target));

  /* How long an uninterrupted run takes. */
  t0 = g_get_monotonic_time ();
  pid = spawn_case (dir, kc);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  run_time = (double) (g_get_monotonic_time () - t0);
  g_assert_true (kc->complete (target));
  g_assert_false (same_bytes (target, old, old_len));
  /* A private target, as a client's file is: what a kill leaves beside it
   * must be no more readable than it (it was 0644 beside a 0600 file). */
  g_assert_true (g_file_set_contents (target, old, (gssize) old_len, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);

  for (guint trial = 0; trial < KILL_TRIALS; trial++)
    {
      gulong delay = (gulong) g_rand_double_range (rand, 0.0, 1.1 * run_time);

      pid = spawn_case (dir, kc);
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        n_finished++;

      if (same_bytes (target, old, old_len))
        n_old++;
      else if (kc->complete (target))
        n_new++;
      else
        g_error ("%s: trial %u (killed after %lu µs): the target is neither the old file nor a complete new one",
                 kc->name, trial, delay);
      n_debris += count_temp_files (dir);
      /* What a kill -9 leaves is private to its owner, as the target is. */
      g_assert_cmpuint (count_open_temp_files (dir), ==, 0);

      /* Start the next trial from the old file again. */
      g_assert_true (g_file_set_contents (target, old, (gssize) old_len, NULL));
      g_assert_cmpint (g_chmod (target, 0600), ==, 0);
    }

  /* The next successful run removes what the kills left. */
  pid = spawn_case (dir, kc);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (kc->complete (target));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  {
    struct stat st;

    g_assert_cmpint (stat (target, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  }

  g_test_message ("%s: %d kills over 0-%.0f ms (run %.0f ms): %u old file, %u complete new file "
                  "(%u runs finished before the kill), %u temporary files left by kills, "
                  "0 after the next run",
                  kc->name, KILL_TRIALS, 1.1 * run_time / 1000, run_time / 1000,
                  n_old, n_new, n_finished, n_debris);
  remove_tree (dir);
}

static const KillCase kill_cases[] = {
  { "render", "out.png",
    { "render", "D.json", "-o", "out.png", "--scale", "0.5", NULL }, NULL,
    { "render", "D.json", "-o", "out.png", "--scale", "1", NULL }, FALSE, png_complete },
  { "report", "out.pdf",
    { "report", "D.json", "-o", "out.pdf", "--without-photo", NULL }, NULL,
    { "report", "D.json", "-o", "out.pdf", NULL }, FALSE, pdf_complete },
  { "dots", "out.csv",
    { NULL }, "x,y,diameter_mm,shade,session,zone\n1.000,2.000,0.2000,#000000,1,0\n",
    { "dots", "--format", "csv", "D.json", "-o", "out.csv", NULL }, FALSE, csv_complete },
  { "save", "D.json",
    { "validate", "D.json", NULL }, NULL,
    { "save", "D.json", "D.json", "40", NULL }, TRUE, json_complete },
};

/* A signal while the temporary file is open: removed at once, target
 * kept, the process ended by that signal. SIGHUP (the terminal closed)
 * as SIGTERM; under nohup (SIGHUP ignored from the start) the write goes
 * on. */
static void
ignore_sighup (gpointer user_data)
{
  signal (SIGHUP, SIG_IGN);
}

static void
signal_helper (int      sig,
               gboolean ignored)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *target = g_build_filename (dir, "held.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { g_getenv ("HL_WRITE_HELPER"), "hold", "held.txt", NULL };
  GIOChannel *channel;
  GPid pid;
  int out_fd, status;

  g_assert_true (g_file_set_contents (target, "old", 3, NULL));
  g_assert_true (g_spawn_async_with_pipes (dir, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           ignored ? ignore_sighup : NULL, NULL, &pid, NULL, &out_fd,
                                           NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_io_channel_unref (channel);
  g_strchomp (line);
  if (!g_path_is_absolute (line))
    {
      char *full = g_build_filename (dir, line, NULL);

      g_free (line);
      line = full;
    }
  g_assert_true (g_file_test (line, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_temp_files (dir), ==, 1);
  g_assert_cmpuint (count_open_temp_files (dir), ==, 0);

  kill (pid, sig);
  if (ignored)
    {
      /* Still running, its file still there: then a TERM ends it. */
      g_usleep (200 * 1000);
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_assert_true (g_file_test (line, G_FILE_TEST_IS_REGULAR));
      sig = SIGTERM;
      kill (pid, sig);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, sig);
  g_assert_false (g_file_test (line, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  g_assert_true (same_bytes (target, "old", 3));

  remove_tree (dir);
}

static void
test_sigterm_helper (void)
{
  signal_helper (SIGTERM, FALSE);
}

static void
test_sighup_helper (void)
{
  signal_helper (SIGHUP, FALSE);
}

static void
test_sighup_ignored_helper (void)
{
  signal_helper (SIGHUP, TRUE);
}

/* kill -9 of `hairline render` while it writes a large PNG: the temporary
 * file it leaves is 0600 (it was 0644 beside a 0600 target), and the next
 * writing command in that folder removes it, even one writing another
 * file, even one that fails. */
static void
test_kill9_render (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *target = g_build_filename (dir, "big.png", NULL);
  const KillCase kc = { "render", "big.png", { NULL }, NULL,
                        { "render", "D.json", "-o", "big.png", "--scale", "4", NULL }, FALSE, png_complete };
  guint caught = 0, left = 0, left_now = 0;
  mode_t old_umask = umask (022);
  HlRun r;

  g_assert_true (g_file_set_contents (target, "old", 3, NULL));
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);

  /* Until three kills landed while it wrote; the last one's debris stays
   * for the sweep below. */
  for (guint attempt = 0; attempt < 12 && (caught < 3 || left_now == 0); attempt++)
    {
      GPid pid = spawn_case (dir, &kc);
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      int status;

      while (g_get_monotonic_time () < deadline)
        {
          if (count_temp_files (dir) > 0)
            {
              /* Let it write part of the image first. */
              g_usleep (g_random_int_range (0, 50) * 1000);
              kill (pid, SIGKILL);
              caught++;
              break;
            }
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              pid = 0;
              break;
            }
          g_usleep (500);
        }
      if (pid != 0)
        g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* Each run swept the previous one's debris as it started. */
      left_now = count_temp_files (dir);
      g_assert_cmpuint (left_now, <=, 1);
      left += left_now;
      g_assert_cmpuint (count_open_temp_files (dir), ==, 0);
      g_assert_true (same_bytes (target, "old", 3) || png_complete (target));
      /* The old file again, private again (g_file_set_contents makes a
       * new file of the umask's mode, which a temporary file takes just
       * before it replaces the target). */
      g_assert_true (g_file_set_contents (target, "old", 3, NULL));
      g_assert_cmpint (g_chmod (target, 0600), ==, 0);
    }
  umask (old_umask);
  g_test_message ("%u renders killed while writing, %u temporary files left (all 0600)", caught, left);
  if (caught == 0)
    {
      remove_tree (dir);
      g_test_skip ("the render never showed its temporary file before finishing");
      return;
    }
  g_assert_cmpuint (left, >, 0);
  if (left_now == 0)
    {
      remove_tree (dir);
      g_test_skip ("the last kill came after the rename: nothing left to sweep");
      return;
    }

  /* A run that fails (wrong extension) still sweeps the folder first. */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "other.jpg", "--scale", "0.5", NULL);
  g_assert_cmpint (r.status, ==, 2);
  hl_test_run_clear (&r);
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  remove_tree (dir);
}

/* The same with the real command, caught while it writes a large PNG. */
static void
test_sigterm_render (void)
{
  g_autofree char *dir = make_workdir ();
  g_autofree char *target = g_build_filename (dir, "big.png", NULL);
  const KillCase kc = { "render", "big.png", { NULL }, NULL,
                        { "render", "D.json", "-o", "big.png", "--scale", "4", NULL }, FALSE, png_complete };
  guint caught = 0;

  g_assert_true (g_file_set_contents (target, "old", 3, NULL));

  for (guint attempt = 0; attempt < 5 && caught == 0; attempt++)
    {
      GPid pid = spawn_case (dir, &kc);
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      int status;

      while (g_get_monotonic_time () < deadline)
        {
          if (count_temp_files (dir) > 0)
            {
              kill (pid, SIGTERM);
              caught++;
              break;
            }
          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              pid = 0;
              break;
            }
          g_usleep (500);
        }
      if (pid == 0)
        {
          g_assert_true (g_file_set_contents (target, "old", 3, NULL));
          continue;
        }
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (caught > 0)
        {
          /* Killed while writing, or finished just before the signal. */
          g_assert_cmpuint (count_temp_files (dir), ==, 0);
          g_assert_true (same_bytes (target, "old", 3) || png_complete (target));
          if (WIFSIGNALED (status))
            g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
        }
    }
  if (caught == 0)
    g_test_skip ("the render never showed its temporary file before finishing");

  remove_tree (dir);
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
  g_test_add_func ("/outputs/sigterm-helper", test_sigterm_helper);
  g_test_add_func ("/outputs/sighup-helper", test_sighup_helper);
  g_test_add_func ("/outputs/sighup-ignored-helper", test_sighup_ignored_helper);
  g_test_add_func ("/outputs/kill9-render", test_kill9_render);
  g_test_add_func ("/outputs/sigterm-render", test_sigterm_render);
  for (guint i = 0; i < G_N_ELEMENTS (kill_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/outputs/kill/%s", kill_cases[i].name);

      g_test_add_data_func (name, &kill_cases[i], test_kill);
    }

  return g_test_run ();
}
