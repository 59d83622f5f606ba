/* test-gui-first-paint.c: the frame that first paints a newly opened photo
 * in a window already showing a design copies the photo the loader's
 * worker prepared for the canvas's fit (hl_photo_prepare_view()): the
 * main thread scales no photo for it (counted by hl-render-photo.c's
 * hook), and what the canvas shows is what scaling would have shown,
 * within rounding. After a resize the fit differs: the photo is scaled
 * again, as before. While the photo opens, the design shown stays on its
 * page (laid out as it was), takes no input, and a card naming what opens
 * shows over it if the opening lasts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>

#include "hl-application.h"
#include "hl-canvas-private.h"
#include "hl-document.h"
#include "hl-gui-test-util.h"
#include "hl-render-private.h"
#include "hl-window.h"
#include "hl-window-private.h"

static GtkApplication *app;

/* A photo large enough to be drawn from a halved copy: gradients and a
 * few levels of noise, as a JPEG. */
static void
write_photo (const char *path,
             int         width,
             int         height,
             guint32     seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint32 state = seed;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *px = pixels + (gsize) y * stride + x * 3;

        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        px[0] = (guint8) (40 + x * 160 / width + state % 9);
        px[1] = (guint8) (30 + y * 180 / height + (state >> 8) % 9);
        px[2] = (guint8) ((x / 50 + y / 50) % 2 ? 200 : 60);
      }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "90", NULL));
  g_assert_no_error (error);
}

typedef struct
{
  HlWindow *window;
  HlCanvas *canvas;
  guint     renders;   /* the design layer's renders before the open */
} Wait;

/* The document took the new photo and the canvas drew it since. */
static gboolean
painted (gpointer data)
{
  Wait *wait = data;

  return !hl_window_is_loading (wait->window) &&
         hl_design_layer_get_renders (wait->canvas->layer) > wait->renders &&
         hl_design_layer_get_photo_surface (wait->canvas->layer) != NULL;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  return ((guint32 *) (gpointer) (cairo_image_surface_get_data (s) + (gsize) y * cairo_image_surface_get_stride (s)))[x];
}

/* Opens @path in @window and waits for the frame that paints it; the
 * photo hook's counts before and after go to @copied and @scaled. */
static void
open_and_paint (HlWindow   *window,
                const char *path,
                guint       copied[2],
                guint       scaled[2])
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { window, HL_CANVAS (hl_window_get_canvas (window)), 0 };

  wait.renders = hl_design_layer_get_renders (wait.canvas->layer);
  hl_render_photo_get_counts (&copied[0], &scaled[0]);
  hl_window_open (window, file);
  g_assert_true (hl_window_is_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "photo");
  /* The card shows if the opening lasts (most photos open sooner). */
  g_assert_true (window->opening_timer != 0 || gtk_widget_get_visible (window->opening_box));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (window->opening_label), "…"));
  g_assert_false (gtk_widget_get_can_target (gtk_stack_get_visible_child (window->stack)));
  g_assert_null (gtk_window_get_focus (GTK_WINDOW (window)));
  hl_gui_wait_until (painted, &wait);
  hl_render_photo_get_counts (&copied[1], &scaled[1]);
  g_assert_false (gtk_widget_get_visible (window->opening_box));
  g_assert_cmpuint (window->opening_timer, ==, 0);
  g_assert_true (gtk_widget_get_can_target (gtk_stack_get_visible_child (window->stack)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->canvas)));
}

static void
test_first_paint_copies (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-first-paint-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "first.jpg", NULL);
  g_autofree char *second = g_build_filename (dir, "second.jpg", NULL);
  g_autofree char *third = g_build_filename (dir, "third.jpg", NULL);
  g_autoptr(HlPhoto) fresh = NULL;
  g_autoptr(GError) error = NULL;
  HlWindow *window;
  HlCanvas *canvas;
  cairo_surface_t *shown, *expected;
  HlRenderOptions options;
  guint copied[2], scaled[2], differ = 0;
  double zoom, dx, dy;
  int worst = 0;

  write_photo (first, 2400, 1600, 0x1234567u);
  write_photo (second, 3000, 2000, 0x89abcdeu);
  write_photo (third, 1600, 2400, 0x2468aceu);

  /* A window that shows a design: its canvas is laid out. */
  window = hl_gui_open_window (app, first, 1000, 700);
  canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >, 0);

  open_and_paint (window, second, copied, scaled);
  g_assert_cmpint (hl_photo_get_width (hl_document_get_photo (hl_window_get_document (window))), ==, 3000);
  g_assert_cmpuint (copied[1], ==, copied[0] + 1);
  g_assert_cmpuint (scaled[1], ==, scaled[0]);

  /* What the canvas shows is the photo scaled to its fit, from a photo
   * loaded afresh (nothing prepared), within rounding. */
  shown = hl_design_layer_get_photo_surface (canvas->layer);
  _hl_canvas_get_transform (canvas, &zoom, &dx, &dy);
  g_assert_cmpfloat (zoom, <, 0.5);
  fresh = hl_photo_load (second, &error);
  g_assert_no_error (error);
  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (shown),
                                         cairo_image_surface_get_height (shown));
  {
    cairo_t *cr = cairo_create (expected);
    g_autoptr(HlView) view = hl_view_new ("front");
    int scale = gtk_widget_get_scale_factor (GTK_WIDGET (canvas));

    cairo_set_source_rgb (cr, 0.17, 0.17, 0.17);
    cairo_paint (cr);
    cairo_destroy (cr);
    hl_render_options_init (&options);
    options.show_dots = FALSE;
    hl_render_view (expected, zoom * scale, dx * scale, dy * scale, fresh, view, NULL, 0, &options);
  }
  cairo_surface_flush (shown);
  cairo_surface_flush (expected);
  for (int y = 0; y < cairo_image_surface_get_height (shown); y++)
    for (int x = 0; x < cairo_image_surface_get_width (shown); x++)
      {
        guint32 p = pixel (shown, x, y), q = pixel (expected, x, y);

        for (int c = 0; c < 32; c += 8)
          worst = MAX (worst, ABS ((int) ((p >> c) & 0xff) - (int) ((q >> c) & 0xff)));
        differ += p != q;
      }
  g_test_message ("first paint against the photo scaled: %u pixels differ, by at most %d levels", differ, worst);
  /* Rounding of the photo's antialiased edges (test-render-photo). */
  g_assert_cmpint (worst, <=, 2);
  cairo_surface_destroy (expected);

  /* A portrait photo: another fit, prepared as well. */
  open_and_paint (window, third, copied, scaled);
  g_assert_cmpuint (copied[1], ==, copied[0] + 1);
  g_assert_cmpuint (scaled[1], ==, scaled[0]);

  /* The window made smaller: the prepared photo no longer fits, the
   * canvas scales it. */
  hl_render_photo_get_counts (&copied[0], &scaled[0]);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  hl_gui_run_for (200);
  hl_render_photo_get_counts (&copied[1], &scaled[1]);
  g_assert_cmpuint (scaled[1], >, scaled[0]);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (first);
  g_unlink (second);
  g_unlink (third);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = GTK_APPLICATION (hl_application_new ());
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/gui-first-paint/copies-prepared-photo", test_first_paint_copies);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
