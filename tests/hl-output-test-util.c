/* hl-output-test-util.c: what the output tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hl-output-test-util.h"

char *
hl_out_test_read_file (const char *path,
           gsize      *length)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, length, NULL))
    return NULL;
  return data;
}

gboolean
hl_out_test_same_bytes (const char *path,
            const char *data,
            gsize       length)
{
  gsize n;
  g_autofree char *now = hl_out_test_read_file (path, &n);

  return now != NULL && n == length && memcmp (now, data, n) == 0;
}

void
hl_out_test_copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (from, &data, &n, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) n, NULL));
}

/* A temporary folder holding D.json and its photo. */
char *
hl_out_test_make_workdir (void)
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
  hl_out_test_copy_file (src_json, json);
  hl_out_test_copy_file (src_png, png);
  return dir;
}

void
hl_out_test_remove_tree (const char *path)
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

          hl_out_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Temporary files of the atomic writer in @dir. */
guint
hl_out_test_count_temp_files (const char *dir)
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
guint
hl_out_test_count_open_temp_files (const char *dir)
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
