/* test-gui-units.c: lengths in the window follow the unit chosen in the
 * preferences: the zone panel's length rows (shown, typed and stored in
 * millimetres), its statistics, and the hairline's height on the canvas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-gui-test-util.h"
#include "hl-measure.h"
#include "hl-settings.h"
#include "hl-window.h"
#include "hl-window-private.h"
#include "hl-zone-panel-private.h"

static HlApplication *app;

static guchar *
pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  guchar *data = g_malloc ((gsize) w * (gsize) h * 4);

  gdk_texture_download (texture, data, (gsize) w * 4);
  return data;
}

static gboolean
has_stats (gpointer panel)
{
  const char *text = hl_zone_panel_get_stats_text (panel);

  return text != NULL && text[0] != '\0';
}

static const HlZone *
zone0 (HlWindow *window)
{
  return hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 0);
}

static void
test_units (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-units", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1200, 800);
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  GtkSpinButton *transition = hl_zone_panel_get_param_spin (panel, "transition_mm");
  GtkSpinButton *density = hl_zone_panel_get_param_spin (panel, "density");
  GSettings *settings = hl_settings_get ();
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree guchar *a = NULL, *b = NULL;
  const HlView *view = hl_design_get_view (hl_window_get_design (window), 0);
  GtkWidget *row;
  double mm, density_before;
  HlPoint at, w_at;
  int width, height;
  guint changed = 0, far = 0;

  g_assert_nonnull (settings);
  g_settings_set_string (settings, "length-unit", "mm");
  hl_document_set_selected_zone (hl_window_get_document (window), 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (hl_measure_hairline_height_mm (view, &mm, &at));

  mm = zone0 (window)->params.transition_mm;
  g_assert_cmpfloat (gtk_spin_button_get_value (transition), ==, mm);
  density_before = gtk_spin_button_get_value (density);
  row = gtk_widget_get_ancestor (GTK_WIDGET (transition), ADW_TYPE_ACTION_ROW);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "mm ("));
  before = hl_gui_render_widget (GTK_WIDGET (canvas));

  /* Inches: the rows, the statistics and the canvas's height label. */
  g_settings_set_string (settings, "length-unit", "in");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("transition %g mm shown as %s %s", mm, gtk_editable_get_text (GTK_EDITABLE (transition)),
                  adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (transition) - mm / 25.4), <, 0.006);
  g_assert_cmpuint (gtk_spin_button_get_digits (transition), ==, 2);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "in ("));
  /* Not a length: unchanged. */
  g_assert_cmpfloat (gtk_spin_button_get_value (density), ==, density_before);
  /* Switching the unit changed nothing in the design. */
  g_assert_false (hl_window_is_modified (window));
  hl_gui_wait_until (has_stats, panel);
  g_test_message ("%s", hl_zone_panel_get_stats_text (panel));
  /* The sample's frontal zone explains its average with its transition. */
  g_assert_nonnull (strstr (hl_zone_panel_get_stats_text (panel), "the 0.3 in transition"));
  g_assert_null (strstr (hl_zone_panel_get_stats_text (panel), " mm "));

  after = hl_gui_render_widget (GTK_WIDGET (canvas));
  width = gdk_texture_get_width (after);
  height = gdk_texture_get_height (after);
  g_assert_cmpint (gdk_texture_get_width (before), ==, width);
  a = pixels (before);
  b = pixels (after);
  w_at = hl_canvas_image_to_widget (canvas, at);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (memcmp (a + ((gsize) y * width + x) * 4, b + ((gsize) y * width + x) * 4, 4) != 0)
        {
          changed++;
          /* The label sits left of the height's ring. */
          if (x > w_at.x + 20 || x < w_at.x - 200 || fabs (y - w_at.y) > 60)
            far++;
        }
  g_test_message ("%u pixels changed around the height label at %.0f,%.0f, %u elsewhere", changed, w_at.x,
                  w_at.y, far);
  g_assert_cmpuint (changed, >, 20);
  g_assert_cmpuint (far, ==, 0);

  /* Typed in inches, stored in millimetres, one undo step. */
  gtk_spin_button_set_value (transition, 0.5);
  g_assert_cmpfloat (fabs (zone0 (window)->params.transition_mm - 12.7), <, 1e-9);
  /* Reading back the rounded text shown changes nothing. */
  gtk_spin_button_update (transition);
  g_assert_cmpfloat (fabs (zone0 (window)->params.transition_mm - 12.7), <, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (zone0 (window)->params.transition_mm, ==, mm);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (transition) - mm / 25.4), <, 0.006);

  /* Back to millimetres. */
  g_settings_set_string (settings, "length-unit", "mm");
  g_assert_cmpfloat (gtk_spin_button_get_value (transition), ==, mm);
  g_assert_cmpuint (gtk_spin_button_get_digits (transition), ==, 1);

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

  g_test_add_func ("/gui-units/lengths", test_units);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
