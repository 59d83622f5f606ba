/* test-gui-pigment.c: shades as pigment and dilution, in a real window
 * under Xvfb, clicked with X pointer events (xdotool): a zone's shade
 * chosen from the dilution chart, a session's shade from it, the eyedropper's nearest dilution on the
 * client's skin type and its Use button, a session record's pigment and
 * dilution from the chart, and the chart edited in Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-dilution-chart-group.h"
#include "hl-dilution-chart.h"
#include "hl-gui-test-util.h"
#include "hl-pigment-palette.h"
#include "hl-preferences-window.h"
#include "hl-record-dialog.h"
#include "hl-settings.h"
#include "hl-tool-eyedropper.h"
#include "hl-window.h"
#include "hl-window-private.h"
#include "hl-zone-panel-private.h"

static HlApplication *app;

static gulong
xid_of (GtkWidget *widget)
{
  return (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));
}

/* A real click (X pointer events) at widget point (@x, @y) of @widget,
 * in whatever surface shows it (a window or a popover). */
static void
click_widget_at (GtkWidget *widget,
                 double     x,
                 double     y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double sx, sy;
  g_autofree char *xid = g_strdup_printf ("%lu", xid_of (widget));
  g_autofree char *xs = NULL, *ys = NULL;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);
  xs = g_strdup_printf ("%.0f", out.x + sx);
  ys = g_strdup_printf ("%.0f", out.y + sy);
  g_test_message ("click %s at %s,%s of window %s", G_OBJECT_TYPE_NAME (widget), xs, ys, xid);
  hl_gui_xdotool (NULL, "mousemove", "--window", xid, xs, ys, "click", "1", NULL);
}

/* Scrolls the scrolled window around @widget so that @widget shows near
 * its top. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *sw = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t in = GRAPHENE_POINT_INIT (0, 0), out;
  GtkAdjustment *adj;

  if (sw == NULL)
    return;
  g_assert_true (gtk_widget_compute_point (widget, sw, &in, &out));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + out.y - 40);
  gtk_test_widget_wait_for_draw (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
  hl_gui_run_for (100);
}

static void
click_widget (GtkWidget *widget)
{
  click_widget_at (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* Opens @palette's popover with a real click and clicks its item
 * @label. */
static void
choose_from_palette (HlPigmentPalette *palette,
                     const char       *label)
{
  GtkWidget *button = hl_pigment_palette_get_button (palette);
  GtkWidget *popover, *item;

  scroll_into_view (button);
  click_widget (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_nonnull (popover);
  hl_gui_wait_until (is_mapped, popover);
  gtk_test_widget_wait_for_draw (popover);
  item = hl_gui_find_button (popover, label);
  g_assert_nonnull (item);
  click_widget (item);
  hl_gui_wait_until (is_unmapped, popover);
}

static HlColor
chart_shade (const char *pigment,
             double      water)
{
  g_autoptr(HlDilutionChart) chart = hl_settings_dup_dilution_chart ();

  for (guint i = 0; i < hl_dilution_chart_get_n_pigments (chart); i++)
    if (g_str_equal (hl_dilution_chart_get_pigment (chart, i)->name, pigment))
      return hl_dilution_shade (hl_dilution_chart_get_pigment (chart, i)->colour, (HlDilution) { 1, water });
  g_assert_not_reached ();
}

static const HlZone *
zone0 (HlWindow *window)
{
  return hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 0);
}

/* The client's Fitzpatrick type, as one undo step. */
static void
set_skin_type (HlWindow *window,
               int       type)
{
  HlDocument *document = hl_window_get_document (window);
  g_autoptr(HlDesign) next = hl_design_copy (hl_window_get_design (window));
  g_autoptr(HlClient) client = next->client != NULL ? hl_client_copy (next->client) : hl_client_new ();

  hl_client_set_fitzpatrick (client, type);
  hl_design_set_client (next, client);
  g_assert_true (hl_document_commit (document, next, "Client", NULL));
}

/* The zone's shade from the chart: a real click on Pigment, then on
 * "Carbon Black 1:3"; one undo step; the shade row names it. */
static void
test_zone_palette (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-pigment", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1200, 800);
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  HlDocument *document = hl_window_get_document (window);
  HlPigmentPalette *palette;
  HlColor expected = chart_shade ("Carbon Black", 3);
  HlZoneParams want;
  GtkWidget *shade_row;

  hl_document_set_selected_zone (document, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  palette = HL_PIGMENT_PALETTE (hl_zone_panel_get_palette (panel));
  g_assert_false (hl_color_equal (zone0 (window)->params.shade, expected));
  want = zone0 (window)->params;
  hl_zone_params_set_shade (&want, expected);

  choose_from_palette (palette, "Carbon Black 1:3");
  g_assert_true (hl_color_equal (zone0 (window)->params.shade, expected));
  /* The sessions follow the zone's shade as with the colour button. */
  for (guint i = 0; i < want.n_sessions; i++)
    g_assert_true (hl_color_equal (zone0 (window)->params.sessions[i].shade, want.sessions[i].shade));
  shade_row = gtk_widget_get_ancestor (GTK_WIDGET (palette), ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (shade_row)), ==, "Carbon Black 1:3");
  g_assert_true (hl_window_is_modified (window));

  /* One undo step brings the old shade back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (hl_color_equal (zone0 (window)->params.shade, expected));

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* A session's shade from the chart: a real click on session 2's chart
 * button, then on "Carbon Black 1:6"; only that session changes, in one
 * undo step, and its row names the pigment and dilution. */
static void
test_session_palette (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-pigment", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1200, 800);
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  HlDocument *document = hl_window_get_document (window);
  HlColor expected = chart_shade ("Carbon Black", 6);
  HlZoneParams before;
  GtkWidget *palette, *row;

  hl_document_set_selected_zone (document, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  before = zone0 (window)->params;
  g_assert_cmpuint (before.n_sessions, >=, 2);
  g_assert_false (hl_color_equal (before.sessions[1].shade, expected));
  palette = hl_zone_panel_get_session_palette (panel, 1);
  row = gtk_widget_get_ancestor (palette, ADW_TYPE_ACTION_ROW);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Carbon Black 1:6"));

  choose_from_palette (HL_PIGMENT_PALETTE (palette), "Carbon Black 1:6");
  g_assert_true (hl_color_equal (zone0 (window)->params.sessions[1].shade, expected));
  /* The zone's shade and the other sessions' stay. */
  g_assert_true (hl_color_equal (zone0 (window)->params.shade, before.shade));
  for (guint i = 0; i < before.n_sessions; i++)
    if (i != 1)
      g_assert_true (hl_color_equal (zone0 (window)->params.sessions[i].shade, before.sessions[i].shade));
  g_test_message ("session 2: %s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Carbon Black 1:6"));
  g_assert_true (hl_window_is_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (hl_color_equal (zone0 (window)->params.sessions[1].shade, before.sessions[1].shade));
  g_assert_false (hl_window_is_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The eyedropper clicked on the photo: the zone takes the colour, and the
 * panel shows the chart's nearest dilution on the client's skin type II,
 * with its ΔE; Use makes it the shade. */
static void
test_eyedropper_suggestion (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-pigment", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1200, 800);
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  HlDocument *document = hl_window_get_document (window);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  GtkWidget *row = hl_zone_panel_get_suggestion_row (panel);
  g_autoptr(HlDilutionChart) chart = hl_settings_dup_dilution_chart ();
  HlDilutionMatch match;
  HlPoint at;
  HlColor taken;
  const char *subtitle;
  char de[32];

  set_skin_type (window, 2);
  hl_document_set_selected_zone (document, 0);
  g_object_set (window, "tool", "eyedropper", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (row));

  /* The astronaut's hair, left of the parting. */
  at = hl_canvas_image_to_widget (canvas, (HlPoint) { 215, 75 });
  click_widget_at (GTK_WIDGET (canvas), at.x, at.y);

  g_assert_true (hl_tool_eyedropper_get_color (hl_canvas_get_tool (canvas), &taken));
  g_assert_true (hl_color_equal (zone0 (window)->params.shade, taken));
  g_assert_true (gtk_widget_get_visible (row));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_test_message ("taken %02x%02x%02x: %s", taken.r, taken.g, taken.b, subtitle);
  g_assert_true (hl_dilution_chart_nearest (chart, taken, 2, &match));
  g_assert_nonnull (strstr (subtitle, "skin type II"));
  g_assert_null (strstr (subtitle, "assumed"));
  g_snprintf (de, sizeof de, "ΔE %.1f", match.delta_e);
  g_assert_nonnull (strstr (subtitle, de));
  {
    const HlChartPigment *p = hl_dilution_chart_get_pigment (chart, match.pigment);
    g_autofree char *ratio = hl_dilution_format (g_array_index (p->dilutions, HlDilution, match.dilution));
    g_autofree char *name = g_strdup_printf ("%s %s", p->name, ratio);

    g_assert_nonnull (strstr (subtitle, name));
  }

  /* Use: the chart's shade, as one undo step. */
  scroll_into_view (row);
  click_widget (hl_gui_find_button (row, "_Use"));
  g_assert_true (hl_color_equal (zone0 (window)->params.shade, match.shade));
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (hl_color_equal (zone0 (window)->params.shade, taken));

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static gboolean
find_record_dialog (gpointer data)
{
  *(HlRecordDialog **) data = (HlRecordDialog *) hl_gui_find_toplevel (HL_TYPE_RECORD_DIALOG, FALSE);
  return *(HlRecordDialog **) data != NULL;
}

/* A session record's pigment and dilution from the chart: both fields, one
 * undo step. */
static void
test_record_palette (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-pigment", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1000, 760);
  HlRecordDialog *dialog = NULL;
  const HlSessionRecord *r;
  GtkWidget *palette;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record", NULL));
  hl_gui_wait_until (find_record_dialog, &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  palette = hl_record_dialog_get_row (dialog, 2, "palette");
  g_assert_nonnull (palette);
  choose_from_palette (HL_PIGMENT_PALETTE (palette), "Dark Brown 1:2");

  r = hl_design_get_record (hl_window_get_design (window), 2);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->pigment, ==, "Dark Brown");
  g_assert_cmpfloat (r->dilution_pigment, ==, 1);
  g_assert_cmpfloat (r->dilution_water, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hl_record_dialog_get_row (dialog, 2, "dilution"))), ==,
                   "1:2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  r = hl_design_get_record (hl_window_get_design (window), 2);
  g_assert_true (r == NULL || g_strcmp0 (r->pigment, "Dark Brown") != 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The chart in Preferences: dilutions typed are stored; a bad one is
 * refused naming it, nothing stored; a pigment added, renamed, removed;
 * the built-in chart restored. */
static void
test_preferences_chart (void)
{
  HlPreferencesWindow *prefs = hl_preferences_window_new (NULL);
  HlDilutionChartGroup *group = hl_preferences_window_get_chart_group (prefs);
  g_autoptr(HlDilutionChart) builtin = hl_dilution_chart_new_default ();
  g_autoptr(HlDilutionChart) stored = NULL;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));

  apply_entry (hl_dilution_chart_group_get_widget (group, 0, "dilutions"), "1:2, 1:5 1:15");
  stored = hl_settings_dup_dilution_chart ();
  text = hl_dilution_chart_format_dilutions (stored, 0);
  g_assert_cmpstr (text, ==, "1:2, 1:5, 1:15");
  g_assert_cmpstr (hl_dilution_chart_group_get_message (group), ==, "");

  apply_entry (hl_dilution_chart_group_get_widget (group, 1, "dilutions"), "1:1, 1:x");
  g_test_message ("%s", hl_dilution_chart_group_get_message (group));
  g_assert_nonnull (strstr (hl_dilution_chart_group_get_message (group), "Pigment 2, dilutions[1]"));
  g_assert_nonnull (strstr (hl_dilution_chart_group_get_message (group), "1:x"));
  g_clear_pointer (&stored, hl_dilution_chart_free);
  stored = hl_settings_dup_dilution_chart ();
  g_assert_cmpuint (hl_dilution_chart_get_pigment (stored, 1)->dilutions->len, ==, 4);

  g_signal_emit_by_name (hl_dilution_chart_group_get_widget (group, 0, "add"), "clicked");
  apply_entry (hl_dilution_chart_group_get_widget (group, 2, "name"), "Graphite");
  g_clear_pointer (&stored, hl_dilution_chart_free);
  stored = hl_settings_dup_dilution_chart ();
  g_assert_cmpuint (hl_dilution_chart_get_n_pigments (stored), ==, 3);
  g_assert_cmpstr (hl_dilution_chart_get_pigment (stored, 2)->name, ==, "Graphite");
  g_assert_cmpuint (hl_dilution_chart_get_pigment (stored, 2)->dilutions->len, ==, 2);

  apply_entry (hl_dilution_chart_group_get_widget (group, 2, "name"), "   ");
  g_assert_nonnull (strstr (hl_dilution_chart_group_get_message (group), "Pigment 3, name"));

  g_signal_emit_by_name (hl_dilution_chart_group_get_widget (group, 0, "remove"), "clicked");
  g_clear_pointer (&stored, hl_dilution_chart_free);
  stored = hl_settings_dup_dilution_chart ();
  g_assert_cmpuint (hl_dilution_chart_get_n_pigments (stored), ==, 2);
  g_assert_cmpstr (hl_dilution_chart_get_pigment (stored, 0)->name, ==, "Dark Brown");

  g_signal_emit_by_name (hl_dilution_chart_group_get_widget (group, 0, "restore"), "clicked");
  g_clear_pointer (&stored, hl_dilution_chart_free);
  stored = hl_settings_dup_dilution_chart ();
  g_assert_true (hl_dilution_chart_equal (stored, builtin));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (hl_dilution_chart_group_get_widget (group, 0, "name"),
                                              ADW_TYPE_EXPANDER_ROW))), ==, "Carbon Black");

  gtk_window_destroy (GTK_WINDOW (prefs));
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

  g_test_add_func ("/gui-pigment/zone-palette", test_zone_palette);
  g_test_add_func ("/gui-pigment/session-palette", test_session_palette);
  g_test_add_func ("/gui-pigment/eyedropper-suggestion", test_eyedropper_suggestion);
  g_test_add_func ("/gui-pigment/record-palette", test_record_palette);
  g_test_add_func ("/gui-pigment/preferences-chart", test_preferences_chart);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
