/* fuzz-main.c: a standalone main for the fuzz targets, used when the build
 * has no libFuzzer (the default). Each argument is a file or a folder of
 * files; every file is fed once to LLVMFuzzerTestOneInput(), so the corpus
 * and every past finding are replayed by the ordinary test suite. Speaks
 * TAP: one line per input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README.md") != 0)
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    collect (g_ptr_array_index (names, i), files);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);

  if (files->len == 0)
    {
      printf ("1..0 # SKIP no inputs given\n");
      return 0;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, &error))
        {
          printf ("not ok %u %s: %s\n", i + 1, path, error->message);
          continue;
        }
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const guint8 *) data, length);
      printf ("ok %u %s\n", i + 1, path);
    }

  return 0;
}
