/* test-gui.c: real windows under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-design-io.h"
#include "hl-measure.h"
#include "hl-photo.h"
#include "hl-stippler.h"
#include "hl-tool-brush.h"
#include "hl-tool-landmark.h"
#include "hl-window.h"
#include "hl-window-private.h"
#include "hl-zone-panel.h"
#include "hl-zone-panel-private.h"

static HlApplication *app;

/* Warnings and criticals logged so far (G_DEBUG=fatal-warnings also
 * aborts on the first one; this makes "none" an explicit assertion). */
static guint n_warnings;

static GLogWriterOutput
count_warnings (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    n_warnings++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window);
}

static gboolean
is_unmodified (gpointer window)
{
  return !hl_window_is_modified (window);
}

static gboolean
has_no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static HlWindow *
open_window (const char *path)
{
  /* The window's default width: the zone panel beside the canvas. */
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 700);

  return window;
}

static char *
copy_sample (const char  *name,
             char       **path)
{
  return hl_gui_copy_sample ("hl-gui", name, path);
}

/* Runs whatever the main loop has ready (results delivered in an idle). */
static void
flush_main_loop (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_no_dialog (gpointer data)
{
  return hl_gui_find_dialog () == NULL;
}

/* Asserts the title and subtitle shown in the header bar. */
static void
assert_title (HlWindow   *window,
              const char *title,
              const char *subtitle)
{
  GtkWidget *shown = hl_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (shown);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (shown)), ==, title);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (shown)), ==, subtitle);
}

/* Mean absolute difference per channel between the canvas and the photo
 * (read independently by gdk-pixbuf) over photo pixels [x0, x1) × [y0, y1),
 * and in *@max_diff the largest one. */
static double
compare_region (HlCanvas   *canvas,
                const char *photo_path,
                int         x0,
                int         y0,
                int         x1,
                int         y1,
                double     *max_diff)
{
  g_autoptr(GdkPixbuf) raw = gdk_pixbuf_new_from_file (photo_path, NULL);
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_apply_embedded_orientation (raw);
  g_autoptr(GdkTexture) shown = hl_gui_render_widget (GTK_WIDGET (canvas));
  int w = gdk_texture_get_width (shown), h = gdk_texture_get_height (shown);
  g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);
  const guchar *ppix = gdk_pixbuf_read_pixels (photo);
  int prow = gdk_pixbuf_get_rowstride (photo), pch = gdk_pixbuf_get_n_channels (photo);
  double zoom = hl_canvas_get_zoom (canvas);
  HlPoint origin = hl_canvas_widget_to_image (canvas, 0, 0);
  double total = 0, worst = 0;
  guint n = 0;

  gdk_texture_download (shown, pixels, (gsize) w * 4);

  for (int py = y0; py < y1; py += 2)
    for (int px = x0; px < x1; px += 2)
      {
        int sx = (int) ((px + 0.5 - origin.x) * zoom), sy = (int) ((py + 0.5 - origin.y) * zoom);
        const guchar *a = ppix + py * prow + px * pch;
        const guchar *b = pixels + (gsize) sy * w * 4 + sx * 4;   /* BGRA, opaque */
        double d = (fabs ((double) a[0] - b[2]) + fabs ((double) a[1] - b[1]) + fabs ((double) a[2] - b[0])) / 3;

        g_assert_true (sx >= 0 && sy >= 0 && sx < w && sy < h);
        total += d;
        worst = MAX (worst, d);
        n++;
      }

  if (max_diff != NULL)
    *max_diff = worst;
  return total / n;
}

static void
test_opens_sample_design (void)
{
  g_autofree char *design_path = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = open_window (design_path);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlDesign *design = hl_window_get_design (window);
  g_autoptr(GArray) dots = NULL;
  double face, near_line, worst;

  g_assert_null (hl_window_get_problem (window));
  g_assert_nonnull (design);
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_false (hl_window_is_modified (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (canvas)));
  g_assert_nonnull (design->client_label);
  assert_title (window, "front-consultation.json", design->client_label);
  g_assert_cmpfloat (hl_canvas_get_zoom (canvas), >, 1.0);

  /* The canvas stippled the view: the same dots as the engine alone. */
  dots = hl_stipple_view (hl_design_get_view (design, 0), design->seed);
  g_assert_cmpuint (hl_canvas_get_n_dots (canvas), ==, dots->len);

  /* The photo, where nothing is drawn over it (the face)... */
  face = compare_region (canvas, photo, 190, 120, 260, 180, NULL);
  g_test_message ("face: mean difference from the photo %.2f / 255", face);
  g_assert_cmpfloat (face, <, 8.0);

  /* ...and the hairline, handles and zone outlines over the forehead. */
  near_line = compare_region (canvas, photo, 165, 50, 285, 100, &worst);
  g_test_message ("hairline band: mean difference %.2f, largest %.0f", near_line, worst);
  g_assert_cmpfloat (worst, >, 80.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_opens_photo (void)
{
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = open_window (photo);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlDesign *design = hl_window_get_design (window);

  g_assert_null (hl_window_get_problem (window));
  g_assert_nonnull (design);
  /* In memory the photo path is absolute; saving makes it relative. */
  g_assert_cmpstr (hl_design_get_view (design, 0)->photo.path, ==, photo);
  g_assert_cmpuint (strlen (hl_design_get_view (design, 0)->photo.sha256), ==, 64);
  g_assert_cmpfloat (compare_region (canvas, photo, 0, 0, 512, 512, NULL), <, 8.0);
  assert_title (window, "astronaut.png", "");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_files_show_a_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *orphan = g_build_filename (dir, "orphan.json", NULL);
  g_autofree char *sample = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *text = NULL;
  HlWindow *window;

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"hairline-studio-design\", \"version\": ", -1, NULL));
  /* A valid design whose photo is not next to it. */
  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (orphan, text, -1, NULL));

  window = open_window (broken);
  g_assert_nonnull (hl_window_get_problem (window));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "broken.json: not valid JSON"));
  g_assert_null (hl_window_get_design (window));
  assert_title (window, "broken.json", "");
  /* The message is on screen, in place of the canvas. */
  {
    GtkWidget *page = hl_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);

    g_assert_nonnull (page);
    g_assert_false (gtk_widget_get_mapped (hl_window_get_canvas (window)));
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                              "broken.json: not valid JSON"));
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* The design still opens and shows its dots without the photo. */
  window = open_window (orphan);
  g_assert_nonnull (hl_window_get_design (window));
  g_assert_null (hl_window_get_photo (window));
  g_assert_nonnull (strstr (hl_window_get_problem (window), "photo not found"));
  g_assert_cmpuint (hl_canvas_get_n_dots (HL_CANVAS (hl_window_get_canvas (window))), >, 1000);
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (broken);
  g_unlink (orphan);
  g_rmdir (dir);
}

static HlPoint
hairline_point (HlDesign *design,
                guint     i)
{
  return hl_curve_get_points (hl_design_get_view (design, 0)->hairline)[i];
}

/* Drag a hairline handle through the canvas, undo, redo, save, reload. */
static void
test_edit_undo_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *src = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *src_photo = hl_gui_sample_file ("astronaut.png");
  g_autofree char *path = g_build_filename (dir, "design.json", NULL);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(HlDesign) saved = NULL;
  HlWindow *window;
  HlCanvas *canvas;
  HlPoint p, moved;
  HlToolEvent event = { HL_TOOL_PRESS, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
  gsize len;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (g_file_get_contents (src_photo, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (photo, bytes, (gssize) len, NULL));

  window = open_window (path);
  canvas = HL_CANVAS (hl_window_get_canvas (window));
  p = hairline_point (hl_window_get_design (window), 4);

  /* Nothing to undo yet: undo changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (hl_window_is_modified (window));
  g_assert_cmpfloat (hairline_point (hl_window_get_design (window), 4).x, ==, p.x);

  event.p = p;
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_REDRAW);
  event.type = HL_TOOL_MOTION;
  event.p = (HlPoint) { p.x + 10, p.y - 6 };
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_PREVIEW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (canvas));
  event.type = HL_TOOL_RELEASE;
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_COMMITTED);
  g_assert_true (hl_window_is_modified (window));
  assert_title (window, "• design.json", hl_window_get_design (window)->client_label);
  moved = hairline_point (hl_window_get_design (window), 4);
  g_assert_cmpfloat (moved.x, ==, p.x + 10);
  g_assert_cmpfloat (moved.y, ==, p.y - 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (hl_window_is_modified (window));
  g_assert_cmpfloat (hairline_point (hl_window_get_design (window), 4).x, ==, p.x);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (hl_window_is_modified (window));

  /* An arrow key nudges the selected point by one screen pixel. */
  event.type = HL_TOOL_KEY;
  event.key = HL_TOOL_KEY_RIGHT;
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_COMMITTED);
  g_assert_cmpfloat (fabs (hairline_point (hl_window_get_design (window), 4).x -
                           (p.x + 10 + 1.0 / hl_canvas_get_zoom (canvas))), <, 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  g_assert_null (hl_window_get_problem (window));
  assert_title (window, "design.json", hl_window_get_design (window)->client_label);

  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (fabs (hairline_point (saved, 4).x - (p.x + 10 + 1.0 / hl_canvas_get_zoom (canvas))), <, 1e-3);
  g_assert_cmpfloat (hairline_point (saved, 4).y, ==, p.y - 6);
  g_assert_cmpstr (hl_design_get_view (saved, 0)->photo.path, ==, "astronaut.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (photo);
  g_rmdir (dir);
}

/* The shortcuts window comes from the GResource and lists the keys. */
static void
test_shortcuts_window (void)
{
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = open_window (photo);
  GtkShortcutsWindow *overlay;

  /* The app's and the tools' icons come with the program, so they show
   * when it runs from the build directory too. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

    g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
    g_assert_true (gtk_icon_theme_has_icon (theme, "hl-tool-hairline-symbolic"));
    g_assert_true (gtk_icon_theme_has_icon (theme, "hl-tool-zone-symbolic"));
  }

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  g_assert_nonnull (hl_gui_find_widget (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT));
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_file (gpointer document)
{
  return hl_document_get_file (document) != NULL;
}

/* A design started from a photo alone: edit, save where asked, reload. */
static void
test_photo_then_save_as (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *src_photo = hl_gui_sample_file ("astronaut.png");
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *path = g_build_filename (dir, "client.json", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HlDesign) saved = NULL;
  HlWindow *window;
  gsize len;

  g_assert_true (g_file_get_contents (src_photo, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (photo, bytes, (gssize) len, NULL));

  window = open_window (photo);
  g_assert_nonnull (hl_window_get_design (window));
  g_assert_null (hl_document_get_file (hl_window_get_document (window)));
  hl_document_save_async (hl_window_get_document (window), file, NULL, NULL, NULL);
  hl_gui_wait_until (has_file, hl_window_get_document (window));
  g_assert_false (hl_window_is_modified (window));
  assert_title (window, "client.json", "");

  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_design_get_view (saved, 0)->photo.path, ==, "astronaut.png");
  g_assert_cmpuint (strlen (hl_design_get_view (saved, 0)->photo.sha256), ==, 64);
  g_assert_cmpint (hl_design_get_view (saved, 0)->photo.width, ==, 512);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (photo);
  g_rmdir (dir);
}

/* One click of the primary button at image point (@x, @y). */
static HlToolResult
click (HlCanvas *canvas,
       double    x,
       double    y)
{
  HlToolEvent event = { HL_TOOL_PRESS, { x, y }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1 };
  HlToolResult result = hl_canvas_handle_event (canvas, &event);

  event.type = HL_TOOL_RELEASE;
  return result | hl_canvas_handle_event (canvas, &event);
}

static HlToolResult
press_key (HlCanvas  *canvas,
           HlToolKey  key)
{
  HlToolEvent event = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, key, FALSE };

  return hl_canvas_handle_event (canvas, &event);
}

static void
use_tool (HlWindow   *window,
          const char *name)
{
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", name));
  g_assert_cmpstr (hl_tool_get_name (hl_canvas_get_tool (canvas)), ==, name);
}

static gboolean
has_popover (gpointer canvas)
{
  return hl_gui_find_widget (canvas, GTK_TYPE_POPOVER) != NULL;
}

static const HlView *
shown_view (HlWindow *window)
{
  return hl_design_get_view (hl_window_get_design (window), 0);
}

static gboolean
is_computed (gpointer window)
{
  return !hl_document_is_computing (hl_window_get_document (window));
}

/* Dots of zone 0 and the mean red channel of its last session's dots, once
 * the engine caught up with the design shown. */
static gsize
zone_dots (HlWindow *window,
           double   *mean_red)
{
  gsize n = 0, count = 0, last = 0;
  const HlDot *dots;
  double red = 0;
  guint n_sessions = hl_view_get_zone (shown_view (window), 0)->params.n_sessions;

  hl_gui_wait_until (is_computed, window);
  g_assert_true (hl_document_get_dots_design (hl_window_get_document (window)) ==
                 hl_window_get_design (window));
  dots = hl_document_get_dots (hl_window_get_document (window), &n);

  for (gsize i = 0; i < n; i++)
    if (dots[i].zone == 0)
      {
        count++;
        if (dots[i].session + 1u == n_sessions)
          {
            red += dots[i].shade.r;
            last++;
          }
      }
  if (mean_red != NULL)
    *mean_red = last > 0 ? red / last : 0;
  return count;
}

/* A new client from the photo alone, through the canvas's event path and
 * the panel's widgets: calibrate, glabella, hairline, zone, density and
 * shade; undo and redo; save; the file holds exactly what was shown. */
static void
test_design_from_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *src_photo = hl_gui_sample_file ("astronaut.png");
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *path = g_build_filename (dir, "client.json", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *shown_json = NULL;
  g_autofree char *saved_json = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(HlDesign) relative = NULL;
  HlPoint hair[] = { { 168, 98 }, { 176, 61 }, { 225, 47 }, { 274, 61 }, { 281, 98 } };
  HlPoint box[] = { { 170, 101 }, { 172, 22 }, { 280, 22 }, { 280, 101 } };
  HlWindow *window;
  HlCanvas *canvas;
  HlZonePanel *panel;
  GtkWidget *popover, *spin, *shade;
  HlToolEvent event = { HL_TOOL_PRESS, { 202.5, 101.2 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1 };
  const HlView *view;
  const HlZone *zone;
  GdkRGBA brown = { 0x50 / 255.0, 0x3c / 255.0, 0x28 / 255.0, 1 };
  gsize len, dots_60, dots_70;
  double red_before, red_after;
  HlZoneStats stats;

  g_assert_true (g_file_get_contents (src_photo, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (photo, bytes, (gssize) len, NULL));
  window = open_window (photo);
  canvas = HL_CANVAS (hl_window_get_canvas (window));
  panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  g_assert_cmpstr (hl_tool_get_name (hl_canvas_get_tool (canvas)), ==, "select");

  /* Calibrate: drag the ruler from pupil to pupil; a popover asks the
   * length, its entry focused. */
  use_tool (window, "ruler");
  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_MOTION;
  event.p = (HlPoint) { 247.5, 103.0 };
  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_RELEASE;
  hl_canvas_handle_event (canvas, &event);
  hl_gui_wait_until (has_popover, canvas);
  popover = hl_gui_find_widget (GTK_WIDGET (canvas), GTK_TYPE_POPOVER);
  spin = hl_gui_find_widget (popover, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (spin)) ||
                 gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)))));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 63.0);
  g_signal_emit_by_name (hl_gui_find_button (popover, "_Calibrate"), "clicked");
  view = shown_view (window);
  g_assert_cmpint (view->calibration.source, ==, HL_CALIBRATION_RULER);
  g_assert_cmpfloat (fabs (view->calibration.mm_per_px - 63.0 / hypot (45.0, 1.8)), <, 1e-6);

  /* Glabella. */
  use_tool (window, "landmark");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.landmark", "s", "glabella"));
  g_assert_true (click (canvas, 225, 92.5) & HL_TOOL_COMMITTED);
  g_assert_true (shown_view (window)->landmarks[HL_LANDMARK_GLABELLA].set);

  /* The hairline: five clicks and Enter, one undo step. */
  use_tool (window, "hairline");
  for (guint i = 0; i < G_N_ELEMENTS (hair); i++)
    g_assert_false (click (canvas, hair[i].x, hair[i].y) & HL_TOOL_COMMITTED);
  g_assert_null (shown_view (window)->hairline);
  g_assert_true (press_key (canvas, HL_TOOL_KEY_ENTER) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_curve_get_n_points (shown_view (window)->hairline), ==, 5);

  /* A zone: four clicks and Enter; it is selected in the panel. */
  use_tool (window, "zone");
  for (guint i = 0; i < G_N_ELEMENTS (box); i++)
    click (canvas, box[i].x, box[i].y);
  g_assert_true (press_key (canvas, HL_TOOL_KEY_ENTER) & HL_TOOL_COMMITTED);
  zone = hl_view_get_zone (shown_view (window), 0);
  g_assert_nonnull (zone);
  g_assert_cmpuint (hl_curve_get_n_points (zone->boundary), ==, 4);
  g_assert_cmpint (zone->kind, ==, HL_ZONE_FRONTAL);
  g_assert_true (zone->params.follows_hairline);
  g_assert_cmpint (hl_document_get_selected_zone (hl_window_get_document (window)), ==, 0);
  {
    /* The list names the zone with its kind and area. */
    GtkWidget *row = hl_gui_find_widget (GTK_WIDGET (panel), ADW_TYPE_ACTION_ROW);
    g_autofree char *expected = g_strdup_printf ("Frontal band · %.1f cm²",
                                                 hl_measure_zone_area_cm2 (shown_view (window), 0));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Frontal band");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
    g_assert_cmpfloat (hl_measure_zone_area_cm2 (shown_view (window), 0), >, 100.0);
  }
  dots_60 = zone_dots (window, &red_before);
  g_assert_cmpuint (dots_60, >, 1000);

  /* 70 dots/cm² in the panel, typed as 65 then 70: one undo step, and
   * the engine places 70/60 as many dots. */
  spin = GTK_WIDGET (hl_zone_panel_get_param_spin (panel, "density"));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 65);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 70);
  g_assert_cmpfloat (hl_view_get_zone (shown_view (window), 0)->params.density, ==, 70);
  dots_70 = zone_dots (window, NULL);
  g_assert_cmpfloat (fabs ((double) dots_70 / dots_60 - 70.0 / 60.0), <, 0.03);
  g_assert_true (hl_document_get_zone_stats (hl_window_get_document (window), 0, &stats));
  g_assert_cmpuint (stats.dots, ==, dots_70);
  {
    /* The document counts; the integral comes from an engine of our own. */
    g_autoptr(HlStippler) engine = hl_stippler_new ();
    HlZoneStats full;

    hl_stippler_update (engine, shown_view (window), hl_window_get_design (window)->seed);
    g_assert_true (hl_stippler_get_zone_stats (engine, 0, &full));
    g_assert_cmpuint (full.dots, ==, stats.dots);
    g_assert_cmpfloat (fabs (stats.dots - full.expected_dots), <=, 0.03 * full.expected_dots);
  }

  /* A brown shade from the colour button: the sessions follow it. */
  shade = hl_gui_find_widget (GTK_WIDGET (panel), GTK_TYPE_COLOR_BUTTON);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (shade), &brown);
  g_signal_emit_by_name (shade, "color-set");
  zone = hl_view_get_zone (shown_view (window), 0);
  g_assert_cmpint (zone->params.shade.r, ==, 0x50);
  g_assert_cmpint (zone->params.sessions[zone->params.n_sessions - 1].shade.r, ==, 0x50);
  zone_dots (window, &red_after);
  g_assert_cmpfloat (red_after, >, red_before + 10);   /* #3a3633 → #503c28 */

  /* Undo: the shade, then the density burst in one step; redo both. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (hl_view_get_zone (shown_view (window), 0)->params.shade.r, ==, 0x3a);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (hl_view_get_zone (shown_view (window), 0)->params.density, ==, 60);
  g_assert_cmpuint (zone_dots (window, NULL), ==, dots_60);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 60);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  zone = hl_view_get_zone (shown_view (window), 0);
  g_assert_cmpfloat (zone->params.density, ==, 70);
  g_assert_cmpint (zone->params.shade.r, ==, 0x50);
  g_assert_cmpuint (zone_dots (window, NULL), ==, dots_70);

  /* Save, read the file back: the same design as shown. */
  hl_document_save_async (hl_window_get_document (window), file, NULL, NULL, NULL);
  hl_gui_wait_until (has_file, hl_window_get_document (window));
  hl_gui_wait_until (is_unmodified, window);
  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  relative = hl_design_rebase_photos (hl_window_get_design (window), NULL, path);
  shown_json = hl_design_to_json (relative, NULL);
  saved_json = hl_design_to_json (saved, NULL);
  g_assert_cmpstr (saved_json, ==, shown_json);
  g_assert_nonnull (strstr (saved_json, "\"density\":\t70"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_unlink (photo);
  g_rmdir (dir);
}

static gboolean
has_dialog (gpointer data)
{
  return hl_gui_find_dialog () != NULL;
}

/* "Frontal band from hairline": the sample's hairline, a depth asked in a
 * dialog (4 cm by default), one new frontal zone selected in the panel. */
static void
test_frontal_band (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  HlWindow *window;
  HlZonePanel *panel;
  const HlView *view;
  const HlZone *band;
  GtkWidget *spin;
  guint n_zones;
  double expected;

  dir = copy_sample ("design.json", &path);
  window = open_window (path);
  panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  n_zones = hl_view_get_n_zones (shown_view (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.frontal-band", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  spin = hl_gui_find_widget (GTK_WIDGET (hl_gui_find_dialog ()), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 40.0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30.0);
  hl_gui_answer_dialog ("_Add Zone");
  hl_gui_wait_until (has_no_dialog, NULL);

  view = shown_view (window);
  g_assert_cmpuint (hl_view_get_n_zones (view), ==, n_zones + 1);
  band = hl_view_get_zone (view, n_zones);
  g_assert_cmpint (band->kind, ==, HL_ZONE_FRONTAL);
  g_assert_true (band->params.follows_hairline);
  g_assert_cmpint (hl_document_get_selected_zone (hl_window_get_document (window)), ==, (int) n_zones);
  /* About the hairline's length times the depth. */
  expected = hl_curve_length (view->hairline) * view->calibration.mm_per_px / 10.0 * 3.0;
  g_assert_cmpfloat (fabs (hl_measure_zone_area_cm2 (view, n_zones) / expected - 1.0), <, 0.15);

  /* Renamed letter by letter: the entry keeps what was typed and the
   * whole name is one undo step. */
  {
    GtkWidget *entry = hl_gui_find_widget (GTK_WIDGET (panel), ADW_TYPE_ENTRY_ROW);
    const char *typed[] = { "F", "Fr", "Front", "Front ", "Front b", "Front band" };
    g_autofree char *before = g_strdup (hl_view_get_zone (shown_view (window), n_zones)->name);

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, typed[i]);
      }
    g_assert_cmpstr (hl_view_get_zone (shown_view (window), n_zones)->name, ==, "Front band");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpstr (hl_view_get_zone (shown_view (window), n_zones)->name, ==, before);
    g_assert_cmpstr (before, ==, "Frontal band 2");   /* the sample has a "Frontal band" */
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (hl_view_get_n_zones (shown_view (window)), ==, n_zones);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static void
quit (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* Ctrl+Q on unsaved work asks first; Discard then closes everything
 * without a warning. */
static void
test_quit_asks_then_discard (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_sample ("design.json", &path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  HlWindow *window = open_window (path);
  AdwMessageDialog *dialog;
  guint warnings = n_warnings;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  hl_gui_drag_hairline_point (window, 4, 8, -5);
  g_assert_true (hl_window_is_modified (window));

  quit ();
  dialog = hl_gui_find_dialog ();
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“design.json”"));
  g_assert_nonnull (hl_gui_find_button (GTK_WIDGET (dialog), "Save _All"));
  /* Nothing went yet. */
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  g_assert_true (hl_window_is_modified (window));

  /* Asking again while the question is up does not stack another one. */
  quit ();

  hl_gui_answer_dialog ("_Discard");
  hl_gui_wait_until (has_no_windows, NULL);
  hl_gui_wait_until (has_no_dialog, NULL);
  g_assert_cmpuint (n_warnings, ==, warnings);

  /* Discarded: the file is as it was. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  hl_gui_remove_dir (dir);
}

/* Cancel keeps every window and its changes; asking again works. */
static void
test_quit_cancel (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_sample ("design.json", &path);
  HlWindow *window = open_window (path);
  HlWindow *other;
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  guint warnings = n_warnings;

  other = open_window (photo);
  hl_gui_drag_hairline_point (window, 4, -4, 3);

  for (int round = 0; round < 2; round++)
    {
      quit ();
      g_assert_nonnull (hl_gui_find_dialog ());
      /* Only the modified design is listed. */
      g_assert_null (strstr (adw_message_dialog_get_body (hl_gui_find_dialog ()), "astronaut.png"));
      hl_gui_answer_dialog ("_Cancel");
      hl_gui_wait_until (has_no_dialog, NULL);
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);
      g_assert_true (hl_window_is_modified (window));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (other)));
    }
  g_assert_cmpuint (n_warnings, ==, warnings);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (other));
  hl_gui_remove_dir (dir);
}

/* Nothing unsaved: quitting closes every window at once. */
static void
test_quit_unmodified (void)
{
  g_autofree char *design = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");

  open_window (design);
  open_window (photo);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  quit ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (hl_gui_find_dialog ());
}

/* Save All writes every modified design, then quits. */
static void
test_quit_save_all (void)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *dir_a = copy_sample ("first.json", &path_a);
  g_autofree char *dir_b = copy_sample ("second.json", &path_b);
  HlWindow *a = open_window (path_a);
  HlWindow *b = open_window (path_b);
  HlPoint pa = hairline_point (hl_window_get_design (a), 4);
  HlPoint pb = hairline_point (hl_window_get_design (b), 4);
  g_autoptr(HlDesign) saved_a = NULL;
  g_autoptr(HlDesign) saved_b = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;
  guint warnings = n_warnings;

  hl_gui_drag_hairline_point (a, 4, 10, 0);
  hl_gui_drag_hairline_point (b, 4, 0, 10);

  quit ();
  g_assert_nonnull (hl_gui_find_dialog ());
  body = adw_message_dialog_get_body (hl_gui_find_dialog ());
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "“first.json”"));
  g_assert_nonnull (strstr (body, "“second.json”"));

  hl_gui_answer_dialog ("Save _All");
  hl_gui_wait_until (has_no_windows, NULL);
  g_assert_cmpuint (n_warnings, ==, warnings);

  saved_a = hl_design_load_from_file (path_a, &error);
  g_assert_no_error (error);
  saved_b = hl_design_load_from_file (path_b, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hairline_point (saved_a, 4).x, ==, pa.x + 10);
  g_assert_cmpfloat (hairline_point (saved_b, 4).y, ==, pb.y + 10);
  hl_gui_remove_dir (dir_a);
  hl_gui_remove_dir (dir_b);
}

static gboolean
has_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* Save All on a design that has no file yet asks where; cancelling that
 * cancels the quit. */
static void
test_quit_save_all_cancelled (void)
{
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = open_window (photo);
  GtkWidget *chooser = NULL;
  g_autoptr(HlDesign) edited = hl_design_copy (hl_window_get_design (window));
  guint warnings = n_warnings;

  hl_design_set_seed (edited, 77);
  g_assert_true (hl_document_commit (hl_window_get_document (window), edited, "Reseed", NULL));
  g_assert_true (hl_window_is_modified (window));
  assert_title (window, "• astronaut.png", "");

  quit ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (hl_gui_find_dialog ()), "“astronaut.png”"));
  hl_gui_answer_dialog ("Save _All");
  hl_gui_wait_until (has_chooser, &chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  flush_main_loop ();
  g_assert_null (hl_gui_find_dialog ());

  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  g_assert_true (hl_window_is_modified (window));
  g_assert_cmpuint (n_warnings, ==, warnings);

  /* The quit is over: asking again asks again. */
  quit ();
  g_assert_nonnull (hl_gui_find_dialog ());
  hl_gui_answer_dialog ("_Cancel");
  hl_gui_wait_until (has_no_dialog, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing one window with unsaved work: Discard closes it quietly, Save
 * writes the file first. */
static void
test_close_discard_and_save (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_sample ("design.json", &path);
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(GError) error = NULL;
  HlWindow *window = open_window (path);
  gpointer weak = window;
  HlPoint p = hairline_point (hl_window_get_design (window), 4);
  guint warnings = n_warnings;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  hl_gui_drag_hairline_point (window, 4, 6, 6);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (hl_gui_find_dialog ());
  g_assert_nonnull (weak);
  hl_gui_answer_dialog ("_Discard");
  hl_gui_wait_until (is_gone, &weak);
  g_assert_cmpuint (n_warnings, ==, warnings);

  window = open_window (path);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  hl_gui_drag_hairline_point (window, 4, 6, 6);
  gtk_window_close (GTK_WINDOW (window));
  hl_gui_answer_dialog ("_Save");
  hl_gui_wait_until (is_gone, &weak);
  g_assert_cmpuint (n_warnings, ==, warnings);

  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hairline_point (saved, 4).x, ==, p.x + 6);
  hl_gui_remove_dir (dir);
}

/* A window closed while its file is still loading goes away quietly when
 * the load ends. */
static void
test_close_while_opening (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (app);
  gpointer weak = window;
  guint warnings = n_warnings;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_present (GTK_WINDOW (window));
  hl_window_open (window, file);
  g_assert_true (hl_window_is_loading (window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window));
  /* The load still holds the window until it ends. */
  hl_gui_wait_until (is_gone, &weak);
  g_assert_cmpuint (n_warnings, ==, warnings);
}

/* A 48 MP photo decodes on a worker: the window shows that it is opening
 * and keeps handling events until the photo is there. */
static void
test_large_photo_in_background (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 8000, 6000);
  HlWindow *window = hl_window_new (app);
  GtkWidget *page;
  guint ticks = 0, id;
  gint64 start, returned;

  gdk_pixbuf_fill (pixbuf, 0xb08870ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL));
  g_assert_no_error (error);
  g_clear_object (&pixbuf);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  start = g_get_monotonic_time ();
  hl_window_open (window, file);
  returned = g_get_monotonic_time ();
  g_test_message ("hl_window_open returned after %.1f ms", (returned - start) / 1000.0);
  g_assert_cmpint (returned - start, <, 100 * 1000);
  g_assert_true (hl_window_is_loading (window));
  g_assert_null (hl_window_get_photo (window));

  /* The loading page is what the window shows... */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (hl_window_is_loading (window));
  page = hl_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Opening…");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, "large.png");
  g_assert_nonnull (hl_gui_find_widget (page, GTK_TYPE_SPINNER));
  assert_title (window, "large.png", "");
  g_assert_false (gtk_widget_get_mapped (hl_window_get_canvas (window)));

  /* ...and the main loop keeps turning while the photo decodes. */
  id = g_timeout_add (5, hl_gui_count_tick, &ticks);
  hl_gui_wait_until (is_loaded, window);
  g_source_remove (id);
  g_test_message ("%u ticks of 5 ms while loading, %.0f ms in all", ticks,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (ticks, >=, 3);

  g_assert_null (hl_window_get_problem (window));
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_cmpint (hl_photo_get_width (hl_window_get_photo (window)), ==, 8000);
  g_assert_cmpint (hl_photo_get_height (hl_window_get_photo (window)), ==, 6000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (hl_window_get_canvas (window)));
  assert_title (window, "large.png", "");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}


/* Measures the ruler from pupil to pupil of the sample photo and asks
 * @mm for it. */
static void
ruler_pupils (HlWindow *window,
              double    mm)
{
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlToolEvent event = { HL_TOOL_PRESS, { 202.5, 101.2 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1 };
  GtkWidget *popover, *spin;

  use_tool (window, "ruler");
  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_MOTION;
  event.p = (HlPoint) { 247.5, 103.0 };
  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_RELEASE;
  hl_canvas_handle_event (canvas, &event);
  hl_gui_wait_until (has_popover, canvas);
  popover = hl_gui_find_widget (GTK_WIDGET (canvas), GTK_TYPE_POPOVER);
  spin = hl_gui_find_widget (popover, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), mm);
  g_signal_emit_by_name (hl_gui_find_button (popover, "_Calibrate"), "clicked");
}

/* A second calibration 43 % off the first is not taken silently: a
 * dialog names both, and "Keep the Earlier One" puts the first back; one
 * within their uncertainties asks nothing. */
static void
test_calibrations_disagree (void)
{
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = open_window (photo);
  AdwMessageDialog *dialog;
  double first;

  ruler_pupils (window, 63.0);
  first = shown_view (window)->calibration.mm_per_px;
  g_assert_null (hl_gui_find_dialog ());

  ruler_pupils (window, 64.0);
  g_assert_null (hl_gui_find_dialog ());
  first = shown_view (window)->calibration.mm_per_px;

  ruler_pupils (window, 90.0);
  dialog = hl_gui_find_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "more than their uncertainties allow"));
  g_assert_cmpfloat (fabs (shown_view (window)->calibration.mm_per_px / first - 90.0 / 64.0), <, 1e-6);
  adw_message_dialog_response (dialog, "keep");
  g_assert_cmpfloat (fabs (shown_view (window)->calibration.mm_per_px - first), <, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_log_set_writer_func (count_warnings, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/gui/opens-sample-design", test_opens_sample_design);
  g_test_add_func ("/gui/opens-photo", test_opens_photo);
  g_test_add_func ("/gui/bad-files", test_bad_files_show_a_message);
  g_test_add_func ("/gui/edit-undo-save", test_edit_undo_save);
  g_test_add_func ("/gui/photo-then-save-as", test_photo_then_save_as);
  g_test_add_func ("/gui/design-from-photo", test_design_from_photo);
  g_test_add_func ("/gui/frontal-band", test_frontal_band);
  g_test_add_func ("/gui/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/gui/large-photo-in-background", test_large_photo_in_background);
  g_test_add_func ("/gui/close-discard-and-save", test_close_discard_and_save);
  g_test_add_func ("/gui/close-while-opening", test_close_while_opening);
  g_test_add_func ("/gui/quit-asks-then-discard", test_quit_asks_then_discard);
  g_test_add_func ("/gui/quit-cancel", test_quit_cancel);
  g_test_add_func ("/gui/quit-unmodified", test_quit_unmodified);
  g_test_add_func ("/gui/quit-save-all", test_quit_save_all);
  g_test_add_func ("/gui/quit-save-all-cancelled", test_quit_save_all_cancelled);
  g_test_add_func ("/gui/calibrations-disagree", test_calibrations_disagree);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
