/* bench-budget.c: time and peak memory (maximum resident set) of the
 * `hairline` command on the largest design the budget accepts, and on
 * designs past the budget (refused). Prints numbers; asserts only that
 * each command ends as it should.
 *
 * The largest accepted design: one view with a 10000 × 10000 photo (the
 * 100 MP limit) and two zones whose candidates together just fit the
 * 8 million budget.
 *
 * Then the window's document (engine on its worker): a handle drag on the
 * sample design, step by step, and one edit at the budget's edge: how long
 * the main thread is held and when the dots arrive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#ifdef HL_BENCH_DOCUMENT
#include "hl-design-io.h"
#include "hl-document.h"
#include "hl-edit.h"
#endif

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

#ifdef HL_BENCH_DOCUMENT
static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_document_load_finish (HL_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

static void
load (HlDocument *doc,
      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  hl_document_load_async (doc, file, NULL, on_loaded, loop);
  g_main_loop_run (loop);
}

static double
wait_computed (HlDocument *doc)
{
  gint64 t0 = g_get_monotonic_time ();

  while (hl_document_is_computing (doc))
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - t0) / 1e3;
}

/* A drag of hairline point 2 of the sample, 200 steps of half a pixel:
 * hl_document_show (what the canvas calls per motion event) per step, and
 * how many steps left the previous dots shown. */
static void
bench_document_drag (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(HlDocument) doc = hl_document_new ();
  HlDesign *design;
  const HlCurve *hairline;
  HlPoint p;
  double total = 0, worst = 0;
  guint stale = 0, steps = 200;

  load (doc, sample);
  design = hl_document_get_design (doc);
  hairline = hl_design_get_view (design, 0)->hairline;
  p = hl_curve_get_points (hairline)[2];
  for (guint i = 1; i <= steps; i++)
    {
      g_autoptr(HlCurve) moved = hl_curve_with_point (hairline, 2, (HlPoint) { p.x + 0.5 * i, p.y - 0.25 * i });
      g_autoptr(HlDesign) preview = hl_edit_set_hairline (design, 0, moved);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      hl_document_show (doc, preview);
      ms = (g_get_monotonic_time () - t0) / 1e3;
      total += ms;
      worst = MAX (worst, ms);
      if (hl_document_get_dots_design (doc) != preview)
        stale++;
      wait_computed (doc);
    }
  hl_document_show (doc, NULL);
  wait_computed (doc);
  printf ("document, handle drag on the sample: mean %.2f ms, worst %.2f ms per step; "
          "%u of %u steps showed the previous dots\n", total / steps, worst, stale, steps);
}

/* One edit that adds a zone of 3.95 M candidates next to one of the same
 * size: how long the push holds the main thread, when the dots arrive. */
static void
bench_document_large_edit (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "one.json", NULL);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDesign) two = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 1, \"seed\": 1,"
    " \"views\": [{\"name\": \"v\", \"zones\": ["
    "{\"name\": \"A\", \"kind\": \"custom\", \"density\": 400, \"boundary\": [[0, 0], [5200, 0], [5200, 5200], [0, 5200]]},"
    "{\"name\": \"B\", \"kind\": \"custom\", \"density\": 400, \"boundary\": [[3000, 0], [8200, 0], [8200, 5200], [3000, 5200]]}]}]}";
  gint64 t0;
  double held, arrived;

  /* The document opens on zone A alone, then B is added. */
  two = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  {
    g_autoptr(HlDesign) one = hl_edit_remove_zone (two, 0, 1);

    g_assert_true (hl_design_save_to_file (one, path, &error));
  }
  t0 = g_get_monotonic_time ();
  load (doc, path);
  printf ("document, open a 3.95 M-candidate zone: %.2f s (on the load worker)\n",
          (g_get_monotonic_time () - t0) / 1e6);

  t0 = g_get_monotonic_time ();
  g_assert_true (hl_document_commit (doc, two, "Add zone B", NULL));
  held = (g_get_monotonic_time () - t0) / 1e3;
  g_assert_true (hl_document_is_computing (doc));
  arrived = held + wait_computed (doc);
  printf ("document, add a second such zone: main thread held %.1f ms, dots after %.2f s\n",
          held, arrived / 1e3);
  g_unlink (path);
}
#endif

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

#ifdef HL_BENCH_DOCUMENT
  bench_document_drag ();
  bench_document_large_edit (dir);
#endif

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *p = g_build_filename (dir, files[i], NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
  return 0;
}
