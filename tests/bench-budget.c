/* bench-budget.c: time and peak memory (maximum resident set) of the
 * `hairline` command on the largest design the budget accepts, and on
 * designs past the budget (refused). Prints numbers; asserts only that
 * each command ends as it should.
 *
 * The largest accepted design: one view with a 10000 × 10000 photo (the
 * 100 MP limit) and two zones whose candidates together just fit the
 * 8 million budget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define PHOTO_SIDE 10000
#define SIDE_PX 5200

/* Runs `hairline` with the NULL-terminated arguments, prints its wall time
 * and peak RSS, returns its exit status. */
static int
measure (const char *label,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("HAIRLINE");
  struct rusage ru;
  GPid pid;
  int status = 0;
  gint64 t0;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  t0 = g_get_monotonic_time ();
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &ru), ==, pid);
  g_spawn_close_pid (pid);
  printf ("%-44s %7.2f s  peak %6.0f MB  exit %d\n", label,
          (g_get_monotonic_time () - t0) / 1e6, ru.ru_maxrss / 1024.0,
          WIFEXITED (status) ? WEXITSTATUS (status) : -WTERMSIG (status));
  fflush (stdout);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}

static void
write_design (const char *path,
              guint       n_views,
              guint       n_zones,
              gboolean    photo)
{
  GString *s = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 2,"
                             " \"engine_version\": 1, \"seed\": 1, \"views\": [");

  for (guint v = 0; v < n_views; v++)
    {
      g_string_append_printf (s, "%s{\"name\": \"v%u\", ", v > 0 ? ", " : "", v);
      if (photo)
        g_string_append_printf (s, "\"photo\": {\"path\": \"photo.png\", \"width\": %d, \"height\": %d}, ",
                                PHOTO_SIDE, PHOTO_SIDE);
      g_string_append (s, "\"zones\": [");
      for (guint z = 0; z < n_zones; z++)
        {
          /* Side by side inside the photo (the budget counts them whole). */
          double x0 = 800 + (z % 2) * 3000, y0 = 800;

          g_string_append_printf (s, "%s{\"name\": \"Z%u\", \"kind\": \"custom\", \"density\": 400,"
                                  " \"boundary\": [[%g, %g], [%g, %g], [%g, %g], [%g, %g]]}",
                                  z > 0 ? ", " : "", z, x0, y0, x0 + SIDE_PX, y0,
                                  x0 + SIDE_PX, y0 + SIDE_PX, x0, y0 + SIDE_PX);
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  g_assert_true (g_file_set_contents (path, s->str, (gssize) s->len, NULL));
  g_string_free (s, TRUE);
}

static void
write_photo (const char *path)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_SIDE, PHOTO_SIDE);
  g_autoptr(GError) error = NULL;
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *px = gdk_pixbuf_get_pixels (pixbuf);

  for (int y = 0; y < PHOTO_SIDE; y++)
    for (int x = 0; x < PHOTO_SIDE; x++)
      {
        guchar *p = px + (gsize) y * stride + (gsize) x * 3;

        p[0] = (guchar) (150 + (x >> 7) % 60);
        p[1] = (guchar) (110 + (y >> 7) % 50);
        p[2] = (guchar) (90 + ((x + y) >> 8) % 40);
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  g_assert_no_error (error);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-budget-XXXXXX", &error);
  g_autofree char *photo = g_build_filename (dir, "photo.png", NULL);
  g_autofree char *largest = g_build_filename (dir, "largest.json", NULL);
  g_autofree char *zones = g_build_filename (dir, "zones.json", NULL);
  g_autofree char *views = g_build_filename (dir, "views.json", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  const char *files[] = { "photo.png", "largest.json", "zones.json", "views.json",
                          "out.png", "out.pdf", "out.csv" };

  g_assert_no_error (error);
  write_photo (photo);
  write_design (largest, 1, 2, TRUE);
  write_design (zones, 1, 64, FALSE);
  write_design (views, 16, 1, FALSE);

  printf ("Largest accepted design: a 100 MP photo, two zones at the 8 million dot budget\n");
  g_assert_cmpint (measure ("stats", "stats", largest, NULL), ==, 0);
  g_assert_cmpint (measure ("dots -o out.csv", "dots", largest, "-o", csv, NULL), ==, 0);
  g_assert_cmpint (measure ("render -o out.png", "render", largest, "-o", png, NULL), ==, 0);
  g_assert_cmpint (measure ("report -o out.pdf", "report", largest, "-o", pdf, NULL), ==, 0);

  printf ("Past the budget (refused)\n");
  g_assert_cmpint (measure ("stats: 64 zones in one view", "stats", zones, NULL), ==, 1);
  g_assert_cmpint (measure ("render: 64 zones in one view", "render", zones, "-o", png, NULL), ==, 1);
  g_assert_cmpint (measure ("stats: 16 views of one zone", "stats", views, NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (dir, files[i], NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
  return 0;
}
