/* test-outputs-kill.c: a kill at any moment (SIGKILL, SIGTERM, SIGHUP) of
 * `hairline` or of the atomic writer leaves the old file or a complete new
 * one, and no temporary file anybody else may read.
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

/* --- kills ----------------------------------------------------------------------- */

typedef gboolean (*CompleteFunc) (const char *path);

static gboolean
png_complete (const char *path)
{
  g_autoptr(GdkPixbuf) pb = NULL;
  g_autofree char *data = NULL;
  gsize n;

  /* gdk-pixbuf also takes a cut PNG: require the IEND chunk at the end. */
  data = hl_out_test_read_file (path, &n);
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

  data = hl_out_test_read_file (path, &n);
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

  data = hl_out_test_read_file (path, &n);
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
  g_autofree char *dir = hl_out_test_make_workdir ();
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
  old = hl_out_test_read_file (target, &old_len);
  g_assert_nonnull (old);
  g_assert_true (kc->complete (target));

  /* How long an uninterrupted run takes. */
  t0 = g_get_monotonic_time ();
  pid = spawn_case (dir, kc);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  run_time = (double) (g_get_monotonic_time () - t0);
  g_assert_true (kc->complete (target));
  g_assert_false (hl_out_test_same_bytes (target, old, old_len));
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

      if (hl_out_test_same_bytes (target, old, old_len))
        n_old++;
      else if (kc->complete (target))
        n_new++;
      else
        g_error ("%s: trial %u (killed after %lu µs): the target is neither the old file nor a complete new one",
                 kc->name, trial, delay);
      n_debris += hl_out_test_count_temp_files (dir);
      /* What a kill -9 leaves is private to its owner, as the target is. */
      g_assert_cmpuint (hl_out_test_count_open_temp_files (dir), ==, 0);

      /* Start the next trial from the old file again. */
      g_assert_true (g_file_set_contents (target, old, (gssize) old_len, NULL));
      g_assert_cmpint (g_chmod (target, 0600), ==, 0);
    }

  /* The next successful run removes what the kills left. */
  pid = spawn_case (dir, kc);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (kc->complete (target));
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
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
  hl_out_test_remove_tree (dir);
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
  g_autofree char *dir = hl_out_test_make_workdir ();
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
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 1);
  g_assert_cmpuint (hl_out_test_count_open_temp_files (dir), ==, 0);

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
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  g_assert_true (hl_out_test_same_bytes (target, "old", 3));

  hl_out_test_remove_tree (dir);
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
  g_autofree char *dir = hl_out_test_make_workdir ();
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
          if (hl_out_test_count_temp_files (dir) > 0)
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
      left_now = hl_out_test_count_temp_files (dir);
      g_assert_cmpuint (left_now, <=, 1);
      left += left_now;
      g_assert_cmpuint (hl_out_test_count_open_temp_files (dir), ==, 0);
      g_assert_true (hl_out_test_same_bytes (target, "old", 3) || png_complete (target));
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
      hl_out_test_remove_tree (dir);
      g_test_skip ("the render never showed its temporary file before finishing");
      return;
    }
  g_assert_cmpuint (left, >, 0);
  if (left_now == 0)
    {
      hl_out_test_remove_tree (dir);
      g_test_skip ("the last kill came after the rename: nothing left to sweep");
      return;
    }

  /* A run that fails (wrong extension) still sweeps the folder first. */
  r = hl_test_run_hairline (dir, "render", "D.json", "-o", "other.jpg", "--scale", "0.5", NULL);
  g_assert_cmpint (r.status, ==, 2);
  hl_test_run_clear (&r);
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);

  hl_out_test_remove_tree (dir);
}

/* The same with the real command, caught while it writes a large PNG. */
static void
test_sigterm_render (void)
{
  g_autofree char *dir = hl_out_test_make_workdir ();
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
          if (hl_out_test_count_temp_files (dir) > 0)
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
          g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
          g_assert_true (hl_out_test_same_bytes (target, "old", 3) || png_complete (target));
          if (WIFSIGNALED (status))
            g_assert_cmpint (WTERMSIG (status), ==, SIGTERM);
        }
    }
  if (caught == 0)
    g_test_skip ("the render never showed its temporary file before finishing");

  hl_out_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kill_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/outputs/kill/%s", kill_cases[i].name);

      g_test_add_data_func (name, &kill_cases[i], test_kill);
    }

  g_test_add_func ("/outputs/sigterm-helper", test_sigterm_helper);
  g_test_add_func ("/outputs/sighup-helper", test_sighup_helper);
  g_test_add_func ("/outputs/sighup-ignored-helper", test_sighup_ignored_helper);
  g_test_add_func ("/outputs/kill9-render", test_kill9_render);
  g_test_add_func ("/outputs/sigterm-render", test_sigterm_render);

  return g_test_run ();
}
