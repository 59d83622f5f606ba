/* test-gui.c: real windows under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-window.h"

static HlApplication *app;

static char *
sample_file (const char *name)
{
  return g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
}

static HlWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (app);

  hl_window_open (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* What @widget shows, rendered by its window's renderer (transfer full). */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* Compares the widget's pixels with the photo's, read independently by
 * gdk-pixbuf, on a grid of points: mean absolute difference per channel. */
static double
compare_with_photo (GtkWidget  *picture,
                    const char *photo_path)
{
  g_autoptr(GdkPixbuf) raw = gdk_pixbuf_new_from_file (photo_path, NULL);
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_apply_embedded_orientation (raw);
  g_autoptr(GdkTexture) shown = render_widget (picture);
  int w = gdk_texture_get_width (shown), h = gdk_texture_get_height (shown);
  int pw = gdk_pixbuf_get_width (photo), ph = gdk_pixbuf_get_height (photo);
  g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);
  const guchar *ppix = gdk_pixbuf_read_pixels (photo);
  int prow = gdk_pixbuf_get_rowstride (photo), pch = gdk_pixbuf_get_n_channels (photo);
  double scale = MIN ((double) w / pw, (double) h / ph);
  double ox = (w - pw * scale) / 2, oy = (h - ph * scale) / 2;
  double total = 0;
  guint n = 0;

  gdk_texture_download (shown, pixels, (gsize) w * 4);

  /* Sample the photo's interior on a 12 × 12 grid. */
  for (int gy = 1; gy < 12; gy++)
    for (int gx = 1; gx < 12; gx++)
      {
        int px = pw * gx / 12, py = ph * gy / 12;
        int sx = (int) (ox + (px + 0.5) * scale), sy = (int) (oy + (py + 0.5) * scale);
        const guchar *a = ppix + py * prow + px * pch;
        const guchar *b = pixels + (gsize) sy * w * 4 + sx * 4;   /* BGRA premultiplied, opaque */

        total += fabs ((double) a[0] - b[2]) + fabs ((double) a[1] - b[1]) + fabs ((double) a[2] - b[0]);
        n += 3;
      }

  return total / n;
}

/* How much darker the shown image is than the photo over a rectangle of
 * photo pixels (the image is shown at a whole multiple of the photo). */
static double
mean_darkening (GdkTexture *shown,
                const char *photo_path,
                int         x0,
                int         y0,
                int         x1,
                int         y1)
{
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new_from_file (photo_path, NULL);
  int w = gdk_texture_get_width (shown), h = gdk_texture_get_height (shown);
  int k = w / gdk_pixbuf_get_width (photo);
  g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);
  const guchar *ppix = gdk_pixbuf_read_pixels (photo);
  int prow = gdk_pixbuf_get_rowstride (photo), pch = gdk_pixbuf_get_n_channels (photo);
  double sum = 0;
  guint n = 0;

  gdk_texture_download (shown, pixels, (gsize) w * 4);
  for (int y = y0 * k; y < y1 * k; y++)
    for (int x = x0 * k; x < x1 * k; x++)
      {
        const guchar *a = ppix + (y / k) * prow + (x / k) * pch;
        const guchar *b = pixels + (gsize) y * w * 4 + x * 4;

        sum += ((double) a[0] + a[1] + a[2] - b[0] - b[1] - b[2]) / 3;
        n++;
      }

  return sum / n;
}

static void
test_opens_sample_design (void)
{
  g_autofree char *design = sample_file ("front-consultation.json");
  g_autofree char *photo = sample_file ("astronaut.png");
  HlWindow *window = open_window (design);
  GtkWidget *picture = hl_window_get_picture (window);
  double diff;

  g_assert_null (hl_window_get_problem (window));
  g_assert_nonnull (hl_window_get_design (window));
  g_assert_nonnull (hl_window_get_photo (window));
  /* Shown at twice the photo's size, through the export renderer. */
  g_assert_cmpint (gdk_texture_get_width (hl_window_get_photo (window)), ==, 1024);
  g_assert_cmpint (gdk_texture_get_height (hl_window_get_photo (window)), ==, 1024);
  g_assert_true (gtk_widget_get_mapped (picture));
  g_assert_cmpint (gtk_widget_get_width (picture), >, 100);

  diff = compare_with_photo (picture, photo);
  g_test_message ("mean difference between window and photo: %.2f / 255", diff);
  g_assert_cmpfloat (diff, <, 12.0);

  /* The design's dots darken the treated area, and only there. */
  {
    double zone = mean_darkening (hl_window_get_photo (window), photo, 175, 14, 275, 30);
    double face = mean_darkening (hl_window_get_photo (window), photo, 200, 130, 250, 170);

    g_test_message ("darkening by the dots: zone %.2f, face %.2f (of 255)", zone, face);
    g_assert_cmpfloat (zone, >, 1.0);
    g_assert_cmpfloat (zone, >, 3.0 * fabs (face));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_opens_photo (void)
{
  g_autofree char *photo = sample_file ("astronaut.png");
  HlWindow *window = open_window (photo);

  g_assert_null (hl_window_get_problem (window));
  g_assert_null (hl_window_get_design (window));
  g_assert_cmpfloat (compare_with_photo (hl_window_get_picture (window), photo), <, 12.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_files_show_a_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *orphan = g_build_filename (dir, "orphan.json", NULL);
  g_autofree char *sample = sample_file ("front-consultation.json");
  g_autofree char *text = NULL;
  HlWindow *window;

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"hairline-studio-design\", \"version\": ", -1, NULL));
  /* A valid design whose photo is not next to it. */
  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (orphan, text, -1, NULL));

  window = open_window (broken);
  g_assert_nonnull (hl_window_get_problem (window));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "broken.json: not valid JSON"));
  g_assert_null (hl_window_get_photo (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The design still opens and shows its dots without the photo. */
  window = open_window (orphan);
  g_assert_nonnull (hl_window_get_design (window));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "photo not found"));
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_true (gtk_widget_get_mapped (hl_window_get_picture (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (broken);
  g_unlink (orphan);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/gui/opens-sample-design", test_opens_sample_design);
  g_test_add_func ("/gui/opens-photo", test_opens_photo);
  g_test_add_func ("/gui/bad-files", test_bad_files_show_a_message);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
