/* test-gui-lengths.c: the dialogs and popovers that ask a length ask it in
 * the unit chosen in the preferences, and the design keeps millimetres:
 * the ruler's known length (a drag and two clicks with X pointer events,
 * the length typed with X key events), the frontal band's depth and the
 * hairline template's height (typed with X key events), in inches; the
 * ruler's modes name their length in inches too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-edit.h"
#include "hl-gui-test-util.h"
#include "hl-hairline-template.h"
#include "hl-head-dialog.h"
#include "hl-settings.h"
#include "hl-tool-ruler.h"
#include "hl-window.h"
#include "hl-window-private.h"

static HlApplication *app;

/* @widget's point (@x, @y) in the X window of the surface that shows it
 * (a window, a dialog or a popover): its id and coordinates. */
static void
surface_point (GtkWidget *widget,
               double     x,
               double     y,
               char       xid[32],
               char       xs[16],
               char       ys[16])
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_snprintf (xid, 32, "%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_snprintf (xs, 16, "%.0f", out.x + sx);
  g_snprintf (ys, 16, "%.0f", out.y + sy);
}

static void
click_widget (GtkWidget *widget)
{
  char xid[32], xs[16], ys[16];

  g_assert_true (gtk_widget_get_mapped (widget));
  surface_point (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, xid, xs, ys);
  hl_gui_xdotool (NULL, "mousemove", "--window", xid, xs, ys, "sleep", "0.1", "click", "1", NULL);
}

/* A click at image point @p of the canvas. */
static void
click_image (HlCanvas *canvas,
             HlPoint   p)
{
  HlPoint w = hl_canvas_image_to_widget (canvas, p);
  char xid[32], xs[16], ys[16];

  surface_point (GTK_WIDGET (canvas), w.x, w.y, xid, xs, ys);
  hl_gui_xdotool (NULL, "mousemove", "--window", xid, xs, ys, "sleep", "0.1", "click", "1", NULL);
}

/* Replaces the text of the spin button that has the focus with @text and
 * presses Enter, with X key events. */
static void
type_length (GtkWidget  *spin,
             const char *text)
{
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)))));
  hl_gui_xdotool (NULL, "key", "ctrl+a", "BackSpace", NULL);
  hl_gui_xdotool (NULL, "type", "--delay", "60", text, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, text);
  hl_gui_xdotool (NULL, "key", "Return", NULL);
}

static gboolean
has_popover (gpointer canvas)
{
  GtkWidget *popover = hl_gui_find_widget (canvas, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
has_no_popover (gpointer canvas)
{
  return hl_gui_find_widget (canvas, GTK_TYPE_POPOVER) == NULL;
}

static gboolean
has_dialog (gpointer data)
{
  AdwMessageDialog *dialog = hl_gui_find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
has_no_dialog (gpointer data)
{
  return hl_gui_find_dialog () == NULL;
}

static void
assert_same_curve (const HlCurve *got,
                   const HlCurve *want)
{
  const HlPoint *p = hl_curve_get_points (got), *q = hl_curve_get_points (want);

  g_assert_cmpuint (hl_curve_get_n_points (got), ==, hl_curve_get_n_points (want));
  for (guint i = 0; i < hl_curve_get_n_points (want); i++)
    g_assert_cmpfloat (hypot (p[i].x - q[i].x, p[i].y - q[i].y), <, 1e-9);
}

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window) && hl_window_get_design (window) != NULL;
}

static const HlView *
view0 (HlWindow *window)
{
  return hl_design_get_view (hl_window_get_design (window), 0);
}

/* The label of the toggle button of ruler mode @mode (borrowed). */
static const char *
ruler_mode_label (HlWindow   *window,
                  const char *mode)
{
  GtkWidget *page = gtk_stack_get_child_by_name (window->options_stack, "ruler");

  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child));

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), mode))
        return gtk_button_get_label (GTK_BUTTON (child));
    }
  g_assert_not_reached ();
}

/* The ruler in inches: its modes say "2.5 in" and "0.46 in"; a segment
 * dragged on the photo is asked "in inches", 2.50 typed is 63.5 mm; the
 * pupils clicked offer 2.48 in, and Enter keeps exactly 63 mm. Back in
 * millimetres, the question says so. */
static void
test_ruler (void)
{
  g_autofree char *photo = hl_gui_sample_file ("astronaut.png");
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), photo, 1100, 700);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  GSettings *settings = hl_settings_get ();
  GtkWidget *popover, *spin, *label;
  HlPoint a, b, wa, wb;
  char xid[32], xa[16], ya[16], xb[16], yb[16];
  double mm_per_px;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "length-unit", "in");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", "ruler"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (ruler_mode_label (window, "ipd"), ==, "Pupils · 2.5 in");
  g_assert_cmpstr (ruler_mode_label (window, "iris"), ==, "Iris · 0.46 in");

  /* A real drag from pupil to pupil. */
  wa = hl_canvas_image_to_widget (canvas, (HlPoint) { 202.5, 101.2 });
  wb = hl_canvas_image_to_widget (canvas, (HlPoint) { 247.5, 103.0 });
  surface_point (GTK_WIDGET (canvas), wa.x, wa.y, xid, xa, ya);
  surface_point (GTK_WIDGET (canvas), wb.x, wb.y, xid, xb, yb);
  hl_gui_xdotool (NULL, "mousemove", "--window", xid, xa, ya, "sleep", "0.1", "mousedown", "1", "sleep", "0.1",
           "mousemove", "--window", xid, xb, ya, "sleep", "0.1", "mousemove", "--window", xid, xb, yb,
           "sleep", "0.1", "mouseup", "1", NULL);
  hl_gui_wait_until (has_popover, canvas);
  popover = hl_gui_find_widget (GTK_WIDGET (canvas), GTK_TYPE_POPOVER);
  spin = hl_gui_find_widget (popover, GTK_TYPE_SPIN_BUTTON);
  label = hl_gui_find_widget (popover, GTK_TYPE_LABEL);
  g_test_message ("asked: %s (%s)", gtk_label_get_text (GTK_LABEL (label)),
                  gtk_editable_get_text (GTK_EDITABLE (spin)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Length of the line you drew, in inches");
  g_assert_cmpuint (gtk_spin_button_get_digits (GTK_SPIN_BUTTON (spin)), ==, 2);
  g_assert_true (hl_tool_ruler_get_segment (hl_canvas_get_tool (canvas), &a, &b));
  type_length (spin, "2.50");
  hl_gui_wait_until (has_no_popover, canvas);
  g_assert_cmpint (view0 (window)->calibration.source, ==, HL_CALIBRATION_RULER);
  mm_per_px = view0 (window)->calibration.mm_per_px;
  g_test_message ("2.50 in over %.2f px: %.5f mm/px", hypot (b.x - a.x, b.y - a.y), mm_per_px);
  g_assert_cmpfloat (fabs (mm_per_px - 63.5 / hypot (b.x - a.x, b.y - a.y)), <, 1e-9);
  /* The status bar's scale in inches too. */
  g_assert_nonnull (strstr (gtk_label_get_text (window->scale_label), " in/px"));

  /* Pupils: two clicks, the length offered in inches, accepted as is. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.ruler-mode", "s", "ipd"));
  click_image (canvas, (HlPoint) { 202.5, 101.2 });
  click_image (canvas, (HlPoint) { 247.5, 103.0 });
  hl_gui_wait_until (has_popover, canvas);
  popover = hl_gui_find_widget (GTK_WIDGET (canvas), GTK_TYPE_POPOVER);
  spin = hl_gui_find_widget (popover, GTK_TYPE_SPIN_BUTTON);
  label = hl_gui_find_widget (popover, GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Distance between the pupils, in inches");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "2.48");
  g_assert_true (hl_tool_ruler_get_segment (hl_canvas_get_tool (canvas), &a, &b));
  hl_gui_xdotool (NULL, "key", "Return", NULL);
  hl_gui_wait_until (has_no_popover, canvas);
  /* Within the two calibrations' uncertainties: no question. */
  g_assert_null (hl_gui_find_dialog ());
  g_assert_cmpint (view0 (window)->calibration.source, ==, HL_CALIBRATION_IPD);
  g_assert_cmpfloat (fabs (view0 (window)->calibration.mm_per_px - 63.0 / hypot (b.x - a.x, b.y - a.y)), <, 1e-9);

  /* In millimetres, the question says millimetres. */
  g_settings_set_string (settings, "length-unit", "mm");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (ruler_mode_label (window, "ipd"), ==, "Pupils · 63 mm");
  click_image (canvas, (HlPoint) { 202.5, 101.2 });
  click_image (canvas, (HlPoint) { 247.5, 103.0 });
  hl_gui_wait_until (has_popover, canvas);
  popover = hl_gui_find_widget (GTK_WIDGET (canvas), GTK_TYPE_POPOVER);
  label = hl_gui_find_widget (popover, GTK_TYPE_LABEL);
  spin = hl_gui_find_widget (popover, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Distance between the pupils, in millimetres");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "63.0");
  gtk_popover_popdown (GTK_POPOVER (popover));
  hl_gui_wait_until (has_no_popover, canvas);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Frontal Band from Hairline in inches: asked in inches, 1.6 in offered
 * (40 mm), 2 typed makes the band of 50.8 mm. */
static void
test_frontal_band (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-lengths", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 700);
  g_autoptr(HlDesign) expected = NULL;
  g_autoptr(GError) error = NULL;
  HlDesign *before = hl_design_ref (hl_window_get_design (window));
  AdwMessageDialog *dialog;
  GtkWidget *spin;
  guint n_zones = hl_view_get_n_zones (view0 (window));
  const HlZone *band, *want;

  g_settings_set_string (hl_settings_get (), "length-unit", "in");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.frontal-band", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  dialog = hl_gui_find_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "behind it, in inches:"));
  spin = hl_gui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1.6");
  click_widget (spin);
  type_length (spin, "2.0");
  hl_gui_wait_until (has_no_dialog, NULL);

  g_assert_cmpuint (hl_view_get_n_zones (view0 (window)), ==, n_zones + 1);
  expected = hl_edit_add_frontal_band (before, 0, 2.0 * 25.4, &error);
  g_assert_no_error (error);
  band = hl_view_get_zone (view0 (window), n_zones);
  want = hl_view_get_zone (hl_design_get_view (expected, 0), n_zones);
  assert_same_curve (band->boundary, want->boundary);

  hl_design_unref (before);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The hairline template on the front chart in inches: the height offered
 * as 3.15 in (80 mm) and labelled "(in)"; 3.50 typed and Enter proposes the
 * line 88.9 mm above the glabella. */
static void
test_template (void)
{
  HlWindow *window = hl_window_new (app);
  g_autoptr(HlCurve) expected = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *spin, *label;
  const HlCurve *got;

  g_settings_set_string (hl_settings_get (), "length-unit", "in");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-chart", "s", "front"));
  hl_gui_wait_until (is_loaded, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (view0 (window)->hairline);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-hairline", NULL));
  hl_gui_wait_until (has_dialog, NULL);
  dialog = hl_gui_find_dialog ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  spin = hl_gui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  label = gtk_widget_get_prev_sibling (spin);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Mid-frontal point above the glabella (in)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "3.15");
  click_widget (spin);
  type_length (spin, "3.50");
  hl_gui_wait_until (has_no_dialog, NULL);

  got = view0 (window)->hairline;
  g_assert_nonnull (got);
  expected = hl_hairline_template_propose (view0 (window), HL_HAIRLINE_STYLE_NATURAL, 3.5 * 25.4, &error);
  g_assert_no_error (error);
  assert_same_curve (got, expected);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
find_head_dialog (gpointer data)
{
  *(HlHeadDialog **) data = (HlHeadDialog *) hl_gui_find_toplevel (HL_TYPE_HEAD_DIALOG, TRUE);
  return *(HlHeadDialog **) data != NULL;
}

/* Adjust Head Model in inches: the head's breadth, length and height are
 * shown in inches ("in, euryon to euryon"), 6.0 typed is 152.4 mm; the
 * turn stays in degrees; a value beyond the format's range names it in
 * millimetres. */
static void
test_head_dialog (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-lengths", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 800);
  HlHeadDialog *dialog = NULL;
  GtkWidget *breadth, *yaw, *row;
  double yaw0;

  g_settings_set_string (hl_settings_get (), "length-unit", "in");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.adjust-head", NULL));
  hl_gui_wait_until (find_head_dialog, &dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  breadth = hl_head_dialog_get_spin (dialog, "breadth_mm");
  yaw = hl_head_dialog_get_spin (dialog, "yaw_deg");
  row = gtk_widget_get_ancestor (breadth, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "in, euryon to euryon");
  g_assert_cmpuint (gtk_spin_button_get_digits (GTK_SPIN_BUTTON (breadth)), ==, 1);
  /* An adult breadth, 135–165 mm, in inches. */
  g_test_message ("breadth shown %s", gtk_editable_get_text (GTK_EDITABLE (breadth)));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (breadth)), >=, 135.0 / 25.4 - 0.05);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (breadth)), <=, 165.0 / 25.4 + 0.05);
  yaw0 = gtk_spin_button_get_value (GTK_SPIN_BUTTON (yaw));
  g_assert_cmpfloat (fabs (yaw0), <, 90.0);

  g_assert_true (gtk_widget_grab_focus (breadth));
  hl_gui_run_for (50);
  type_length (breadth, "6.0");
  g_assert_true (view0 (window)->has_head);
  g_assert_cmpfloat (fabs (hl_window_get_design (window)->head.breadth_mm - 6.0 * 25.4), <, 1e-9);
  g_assert_cmpstr (hl_head_dialog_get_message (dialog), ==, "");
  /* Degrees stay degrees. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (yaw)), ==, yaw0);

  /* 300 mm is no head: refused, named as the file names it. */
  type_length (breadth, "11.8");
  g_assert_cmpstr (hl_head_dialog_get_message (dialog), ==, "head.breadth_mm: must be 110–200 mm");
  g_assert_cmpfloat (fabs (hl_window_get_design (window)->head.breadth_mm - 6.0 * 25.4), <, 1e-9);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
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

  g_test_add_func ("/gui-lengths/ruler", test_ruler);
  g_test_add_func ("/gui-lengths/frontal-band", test_frontal_band);
  g_test_add_func ("/gui-lengths/template", test_template);
  g_test_add_func ("/gui-lengths/head-dialog", test_head_dialog);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
