/* bench-photo-open.c: how long the main thread is held while the real
 * editor window opens a 24 MP photo, measured in-process. Prints the
 * figures; asserts nothing about time.
 *
 * The photo is made at run time: 6000 × 4000 px (a 24 MP camera's frame),
 * smooth gradients with a few soft blobs and per-pixel noise, saved as a
 * JPEG at quality 90 by gdk-pixbuf, so that it compresses about as a
 * photo does (several MB). HL_BENCH_PHOTO may name a real camera photo
 * to open as well.
 *
 * The window (1280 × 800, GSK's cairo renderer under Xvfb) opens the photo
 * as a user does: hl_window_open(), which makes a new design around it.
 * From that request on, a G_PRIORITY_HIGH 1 ms timeout records the gap
 * between its calls (a gap is the time the main loop could not run it:
 * whatever held the main thread, a frame's paint or anything else), and
 * the frame clock's phases give each frame's length. Measured up to the
 * first frame that paints the photo (the document said "loaded" and the
 * canvas drew its layers after that), then for another second (what the
 * window does after showing the photo: thumbnails, recent files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#include "config.h"

#include <adwaita.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-window.h"
#include "hl-test-util.h"

/* Under callgrind (valgrind --tool=callgrind --collect-atstart=no),
 * instructions are collected only from the document's "loaded" to the end
 * of the frame that first paints the photo, for the opens HL_BENCH_COLLECT
 * names ("new": the small photo's open in a new window; "photo": opens 2–5
 * of the large photo, in a window that already shows a design). */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HAVE_CALLGRIND 1
#endif
#endif
#ifndef HAVE_CALLGRIND
#define CALLGRIND_TOGGLE_COLLECT
#endif

#define WIDTH 1280
#define HEIGHT 800
#define PHOTO_W 6000
#define PHOTO_H 4000
#define OPENS 5
#define SETTLE_US (1000 * 1000)
/* How long a new window is shown before a file is opened in it. */
#define SHOWN_US (500 * 1000)
/* Gaps above this are kept for the percentiles. */
#define GAP_MIN_MS 5.0
#define MAX_GAPS 4096

typedef struct
{
  HlCanvas  *canvas;
  gint64     requested_at;
  gint64     loaded_at;       /* the document's "loaded", 0 before */
  gint64     painted_at;      /* the first paint after it, 0 before */
  guint      renders_at_load;
  gint64     last_tick;       /* the 1 ms timeout's last call */
  gint64     frame_at;        /* before-paint of the frame in progress, 0 outside */
  gint64     layout_at;       /* the ends of its layout and paint phases */
  gint64     paint_at;
  double     first_layout_ms; /* the first paint's frame: its paint phase */
  double     first_frame_ms;
  double     frame_cpu_at;    /* the main thread's CPU time at before-paint, ms */
  long       frame_faults_at; /* its page faults then */
  long       first_frame_faults;
  double     first_frame_cpu_ms;
  double     last_tick_cpu;   /* the main thread's CPU time at the last call, ms */
  double     longest_cpu[2];  /* the CPU time the main thread spent in the longest gap */
  gboolean   after;           /* past the first paint: the settle second */
  gboolean   collect;         /* toggle callgrind's collection around the paint */
  gboolean   collecting;
  /* Up to the first paint of the photo, and in the second after it. */
  double     gaps[2][MAX_GAPS];
  guint      n_gaps[2];
  double     longest[2];
  double     longest_frame[2];
  guint      frames[2];
} Open;

/* A camera-like frame: a few wide gradients and soft blobs (skin, hair,
 * background) with noise of a few levels per pixel, as a sensor gives. */
static void
write_photo (const char *path,
             int         width,
             int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 state = 0x9e3779b9u;

  for (int y = 0; y < height; y++)
    {
      guchar *row = pixels + (gsize) y * stride;
      double v = (double) y / height;

      for (int x = 0; x < width; x++)
        {
          double u = (double) x / width;
          double dx = u - 0.5, dy = v - 0.45;
          double face = exp (-(dx * dx * 9 + dy * dy * 6));
          double hair = 0.5 + 0.5 * sin (u * 40 + sin (v * 23) * 3) * cos (v * 31);
          double base[3] = {
            60 + 150 * face + 20 * u,
            70 + 110 * face + 30 * v,
            90 + 80 * face - 25 * hair * (1 - face),
          };

          for (int c = 0; c < 3; c++)
            {
              int noise;

              /* xorshift32: noise of up to ±12 levels */
              state ^= state << 13;
              state ^= state >> 17;
              state ^= state << 5;
              noise = (int) (state % 25) - 12;
              row[x * 3 + c] = (guchar) CLAMP ((int) base[c] + noise, 0, 255);
            }
        }
    }
  if (!gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL))
    g_error ("cannot write the photo: %s", error->message);
}

/* The calling thread's CPU time, ms: what a gap cost the main thread
 * itself, apart from waiting for a core on a loaded machine. */
static double
thread_cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* The calling thread's page faults so far (minor: pages the kernel maps
 * and zeroes on first touch, which count in its CPU time). */
static long
thread_faults (void)
{
#ifdef RUSAGE_THREAD
  struct rusage usage;

  if (getrusage (RUSAGE_THREAD, &usage) == 0)
    return usage.ru_minflt + usage.ru_majflt;
#endif
  return 0;
}

static gboolean
on_timeout (gpointer data)
{
  Open *open = data;
  gint64 now = g_get_monotonic_time ();
  double gap = (now - open->last_tick) / 1e3;
  /* A gap that began before the first paint belongs to it (the frame
   * that paints the photo ends before the next call). */
  int part = open->painted_at != 0 && open->last_tick >= open->painted_at ? 1 : 0;

  double cpu = thread_cpu_ms ();

  open->last_tick = now;
  if (gap > open->longest[part])
    {
      open->longest[part] = gap;
      open->longest_cpu[part] = cpu - open->last_tick_cpu;
    }
  open->last_tick_cpu = cpu;
  if (gap > GAP_MIN_MS && open->n_gaps[part] < MAX_GAPS)
    open->gaps[part][open->n_gaps[part]++] = gap;
  return G_SOURCE_CONTINUE;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       data)
{
  Open *open = data;

  open->frame_at = g_get_monotonic_time ();
  open->frame_cpu_at = thread_cpu_ms ();
  open->frame_faults_at = thread_faults ();
}

static void
on_layout (GdkFrameClock *clock,
           gpointer       data)
{
  ((Open *) data)->layout_at = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          gpointer       data)
{
  ((Open *) data)->paint_at = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  Open *open = data;
  gint64 now = g_get_monotonic_time ();
  int part = open->after ? 1 : 0;

  if (open->frame_at != 0)
    {
      double ms = (now - open->frame_at) / 1e3;

      if (ms > open->longest_frame[part])
        open->longest_frame[part] = ms;
      open->frames[part]++;
    }
  if (open->loaded_at != 0 && open->painted_at == 0 &&
      hl_design_layer_get_renders (open->canvas->layer) > open->renders_at_load &&
      hl_design_layer_get_photo_surface (open->canvas->layer) != NULL)
    {
      open->painted_at = now;
      open->first_frame_ms = (now - open->frame_at) / 1e3;
      open->first_frame_cpu_ms = thread_cpu_ms () - open->frame_cpu_at;
      open->first_frame_faults = thread_faults () - open->frame_faults_at;
      /* GTK's own handlers of a phase run before these: from the end
       * of layout to the end of paint is the paint phase (the widgets'
       * snapshots and GSK's render). */
      open->first_layout_ms = (open->paint_at - open->layout_at) / 1e3;
      if (open->collecting)
        {
          CALLGRIND_TOGGLE_COLLECT;
          open->collecting = FALSE;
        }
    }
  open->frame_at = 0;
}

static void
on_loaded (HlDocument *document,
           gpointer    data)
{
  Open *open = data;

  open->loaded_at = g_get_monotonic_time ();
  open->renders_at_load = hl_design_layer_get_renders (open->canvas->layer);
  if (open->collect)
    {
      CALLGRIND_TOGGLE_COLLECT;
      open->collecting = TRUE;
    }
}

/* Opens @path in @window @n times; prints each open and the summary. */
static void
run (HlWindow   *window,
     const char *path,
     const char *label,
     guint       n,
     const char *collect)   /* HL_BENCH_COLLECT's name of these opens */
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlDocument *document = hl_window_get_document (window);
  /* The window's clock: the canvas has none until a design shows it. */
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree double *all = g_new (double, (gsize) n * MAX_GAPS);
  double paint[OPENS * 4], longest = 0, longest_after = 0, longest_frame = 0;
  guint n_all = 0;

  g_assert (n <= G_N_ELEMENTS (paint));
  for (guint i = 0; i < n; i++)
    {
      g_autofree Open *open = g_new0 (Open, 1);
      gulong loaded_id;
      guint timeout;
      GSource *source;

      open->canvas = canvas;
      open->collect = g_strcmp0 (g_getenv ("HL_BENCH_COLLECT"), collect) == 0 &&
                      (n == 1 || i > 0);
      loaded_id = g_signal_connect (document, "loaded", G_CALLBACK (on_loaded), open);
      g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), open);
      g_signal_connect (clock, "layout", G_CALLBACK (on_layout), open);
      g_signal_connect (clock, "paint", G_CALLBACK (on_paint), open);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), open);

      source = g_timeout_source_new (1);
      g_source_set_priority (source, G_PRIORITY_HIGH);
      g_source_set_callback (source, on_timeout, open, NULL);
      timeout = g_source_attach (source, NULL);
      g_source_unref (source);

      open->requested_at = open->last_tick = g_get_monotonic_time ();
      open->last_tick_cpu = thread_cpu_ms ();
      hl_window_open (window, file);
      while (open->painted_at == 0)
        {
          g_main_context_iteration (NULL, TRUE);
          if (g_get_monotonic_time () > open->requested_at + 120 * G_USEC_PER_SEC)
            g_error ("%s: no paint of the photo two minutes after the request", path);
        }
      open->after = TRUE;
      while (g_get_monotonic_time () < open->painted_at + SETTLE_US)
        g_main_context_iteration (NULL, TRUE);

      g_source_remove (timeout);
      g_signal_handlers_disconnect_by_data (clock, open);
      g_signal_handler_disconnect (document, loaded_id);

      paint[i] = (open->painted_at - open->requested_at) / 1e3;
      longest = MAX (longest, open->longest[0]);
      longest_after = MAX (longest_after, open->longest[1]);
      longest_frame = MAX (longest_frame, open->longest_frame[0]);
      memcpy (all + n_all, open->gaps[0], open->n_gaps[0] * sizeof (double));
      n_all += open->n_gaps[0];
      qsort (open->gaps[0], open->n_gaps[0], sizeof (double), hl_test_compare_doubles);
      printf ("  open %u: first paint %.1f ms (worker done at %.1f ms; that frame %.1f ms, %.1f ms of them "
              "the main thread's CPU, %ld page faults; its paint phase %.1f ms), longest main-thread gap %.1f ms (its CPU %.1f ms; "
              "%u gaps > %.0f ms, longest frame %.1f ms over %u "
              "frames); the second after: longest gap %.1f ms, longest frame %.1f ms\n",
              i + 1, paint[i], (open->loaded_at - open->requested_at) / 1e3, open->first_frame_ms,
              open->first_frame_cpu_ms, open->first_frame_faults, open->first_layout_ms, open->longest[0],
              open->longest_cpu[0],
              open->n_gaps[0], GAP_MIN_MS, open->longest_frame[0], open->frames[0], open->longest[1],
              open->longest_frame[1]);
    }

  qsort (paint, n, sizeof paint[0], hl_test_compare_doubles);
  qsort (all, n_all, sizeof all[0], hl_test_compare_doubles);
  printf ("%s: %d × %d, %u opens: first paint p50 %.1f ms, max %.1f ms; longest main-thread gap %.1f ms "
          "(longest frame %.1f ms); gaps over %.0f ms: %u, p50 %.1f ms, p95 %.1f ms; "
          "the second after the first paint: longest gap %.1f ms\n",
          label, hl_photo_get_width (hl_document_get_photo (document)),
          hl_photo_get_height (hl_document_get_photo (document)), n,
          hl_test_percentile (paint, n, 0.5), paint[n - 1], longest, longest_frame, GAP_MIN_MS, n_all,
          hl_test_percentile (all, n_all, 0.5), hl_test_percentile (all, n_all, 0.95), longest_after);
}

static HlWindow *
new_window (HlApplication *app)
{
  HlWindow *window = hl_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* A user opens a file a moment after the window shows, not within
   * its first frame: what the window does meanwhile is its own. */
  {
    /* HL_BENCH_SHOWN_MS: longer under callgrind, where everything is. */
    const char *shown = g_getenv ("HL_BENCH_SHOWN_MS");
    gint64 until = g_get_monotonic_time () + (shown != NULL ? g_ascii_strtoll (shown, NULL, 10) * 1000 : SHOWN_US);

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  }
  return window;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlApplication) app = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "camera.jpg", NULL);
  g_autofree char *small = g_build_filename (dir, "small.jpg", NULL);
  const char *real = g_getenv ("HL_BENCH_PHOTO");
  gboolean only_small;
  double load[3] = { 0 };
  HlWindow *window;
  GStatBuf st;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_set_prgname ("hairline-studio");
  gtk_init ();
  adw_init ();
  if (gdk_display_get_default () == NULL)
    {
      printf ("no display: run under xvfb-run\n");
      return 77;
    }

  /* Collecting the new window's first design alone, the large photo
   * (a long while under callgrind) is left out. */
  only_small = g_strcmp0 (g_getenv ("HL_BENCH_COLLECT"), "new") == 0;
  if (!only_small)
    write_photo (path, PHOTO_W, PHOTO_H);
  write_photo (small, 640, 427);
  if (g_stat (path, &st) == 0)
    printf ("photo: %d × %d JPEG made at run time, %.1f MB\n", PHOTO_W, PHOTO_H, st.st_size / 1e6);

  app = hl_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  if (getloadavg (load, 3) > 0)
    printf ("load average at start: %.2f %.2f %.2f\n", load[0], load[1], load[2]);

  printf ("window %d × %d, GSK renderer %s\n", WIDTH, HEIGHT,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");

  /* What the editor's page costs when a window first shows it, whatever
   * the photo: a small one opened in a window of its own. */
  window = new_window (app);
  run (window, small, "small photo (first design shown in a new window)", 1, "new");
  gtk_window_destroy (GTK_WINDOW (window));

  if (only_small)
    {
      g_unlink (small);
      g_rmdir (dir);
      return 0;
    }
  window = new_window (app);
  run (window, path, "photo opened (the first open shows a new window's editor page)", OPENS, "photo");
  if (real != NULL && *real != '\0')
    {
      if (g_file_test (real, G_FILE_TEST_IS_REGULAR))
        run (window, real, real, OPENS, "real");
      else
        printf ("HL_BENCH_PHOTO=%s: no such file\n", real);
    }

  if (getloadavg (load, 3) > 0)
    printf ("load average at end: %.2f %.2f %.2f\n", load[0], load[1], load[2]);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (small);
  g_rmdir (dir);
  return 0;
}
