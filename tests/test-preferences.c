/* test-preferences.c: the Preferences window and what the preferences
 * change, in real windows under Xvfb (GSETTINGS_BACKEND=memory).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-preferences-window.h"
#include "hl-session-plan.h"
#include "hl-window-private.h"
#include "hl-zone-panel-private.h"
#include "hl-settings.h"
#include "hl-window.h"

static HlApplication *app;

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_loaded (HlWindow *window)
{
  return !hl_window_is_loading (window);
}

/* Runs the main loop until @window has loaded (fails after 30 s). */
static void
wait_loaded (HlWindow *window)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_wait_timeout, &timed_out);

  while (!is_loaded (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static HlWindow *
open_window (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (app);

  hl_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Descendants of @root of @type, in the order of the widget tree
 * (transfer container). */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

/* The preferences windows on screen. */
static GPtrArray *
preferences_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HL_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (found, window);
    }
  return found;
}

static void
reset_settings (void)
{
  GSettings *settings = hl_settings_get ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_nonnull (settings);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* app.preferences (Ctrl+comma) opens one window whose rows change the
 * settings, lengths in the chosen unit. */
static void
test_window_opens (void)
{
  GSettings *settings = hl_settings_get ();
  g_autoptr(GPtrArray) windows = NULL;
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) combos = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *mark = NULL;
  GtkWidget *prefs;
  GtkSpinButton *density, *transition, *dot_size, *rate, *scale;
  HlWindow *window;

  reset_settings ();
  window = hl_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  windows = preferences_windows ();
  /* Asked twice, shown once. */
  g_assert_cmpuint (windows->len, ==, 1);
  prefs = windows->pdata[0];
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (prefs);

  spins = find_all (prefs, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 5);
  density = spins->pdata[0];
  transition = spins->pdata[1];
  dot_size = spins->pdata[2];
  rate = spins->pdata[3];
  scale = spins->pdata[4];
  /* The published rate (hl-session-plan.h) until changed. */
  g_assert_cmpfloat (gtk_spin_button_get_value (rate), ==, 78.0);
  g_assert_cmpfloat (hl_settings_get_dots_per_minute (), ==, HL_DOTS_PER_MINUTE_DEFAULT);
  gtk_spin_button_set_value (rate, 40.0);
  g_assert_cmpfloat (hl_settings_get_dots_per_minute (), ==, 40.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (density), ==, 60.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (transition), ==, 8.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (dot_size), ==, 0.25);
  g_assert_cmpfloat (gtk_spin_button_get_value (scale), ==, 1.0);

  gtk_spin_button_set_value (density, 85.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "new-zone-density"), ==, 85.0);
  g_assert_cmpfloat (hl_settings_get_zone_defaults ()->density, ==, 85.0);
  gtk_spin_button_set_value (scale, 2.0);
  g_assert_cmpfloat (hl_settings_get_export_scale (), ==, 2.0);

  /* Inches: the length rows convert, the settings keep millimetres. */
  combos = find_all (prefs, ADW_TYPE_COMBO_ROW);
  /* Style (see /preferences/style), unit, layout. */
  g_assert_cmpuint (combos->len, ==, 3);
  adw_combo_row_set_selected (combos->pdata[1], 1);
  g_assert_cmpint (hl_settings_get_unit (), ==, HL_UNIT_IN);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (transition) - 8.0 / 25.4), <, 1e-9);
  g_assert_cmpuint (gtk_spin_button_get_digits (transition), ==, 2);
  /* Reading back the rounded text shown (as on focus out) changes nothing. */
  gtk_spin_button_update (transition);
  gtk_spin_button_update (dot_size);
  g_assert_cmpfloat (g_settings_get_double (settings, "new-zone-transition"), ==, 8.0);
  g_assert_cmpfloat (g_settings_get_double (settings, "new-zone-dot-size"), ==, 0.25);
  gtk_spin_button_set_value (transition, 0.5);
  g_assert_cmpfloat (fabs (g_settings_get_double (settings, "new-zone-transition") - 12.7), <, 1e-9);
  /* A change of the key shows in the row, in inches. */
  g_settings_set_double (settings, "new-zone-dot-size", 0.508);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (dot_size) - 0.02), <, 1e-9);

  adw_combo_row_set_selected (combos->pdata[2], 2);
  g_assert_cmpint (hl_settings_get_export_layout (), ==, HL_LAYOUT_SPLIT);

  /* The mark and the clinic: an empty mark is the built-in one. */
  entries = find_all (prefs, ADW_TYPE_ENTRY_ROW);
  /* Those of the dilution chart (test-gui-pigment) aside. */
  for (guint i = entries->len; i-- > 0;)
    if (gtk_widget_get_ancestor (entries->pdata[i], HL_TYPE_DILUTION_CHART_GROUP) != NULL)
      g_ptr_array_remove_index (entries, i);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Mock-up only");
  mark = hl_settings_dup_simulation_mark ();
  g_assert_cmpstr (mark, ==, "Mock-up only");
  g_clear_pointer (&mark, g_free);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "  ");
  mark = hl_settings_dup_simulation_mark ();
  g_assert_cmpstr (mark, ==, HL_SIMULATION_MARK);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[1]), "Studio North");
  g_clear_pointer (&mark, g_free);
  mark = hl_settings_dup_clinic_name ();
  g_assert_cmpstr (mark, ==, "Studio North");

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* Runs the main loop until the panel's statistics hold @text (fails
 * after 30 s): they follow the engine's worker. */
static void
wait_stats_text (HlZonePanel *panel,
                 const char  *text)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_wait_timeout, &timed_out);

  while (strstr (hl_zone_panel_get_stats_text (panel), text) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  if (timed_out)
    g_error ("\"%s\" never showed in \"%s\"", text, hl_zone_panel_get_stats_text (panel));
}

/* The zone panel gives each session's time at the rate of the
 * preferences, and follows a change of the rate. */
static void
test_session_minutes (void)
{
  GSettings *settings = hl_settings_get ();
  HlWindow *window;
  HlZonePanel *panel;
  HlZoneStats stats;
  g_autofree char *at_78 = NULL, *at_10 = NULL, *expect_78 = NULL, *expect_10 = NULL;

  reset_settings ();
  window = open_window ("front-consultation.json");
  panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  hl_document_set_selected_zone (hl_window_get_document (window), 0);
  g_assert_true (hl_document_get_zone_stats (hl_window_get_document (window), 0, &stats));
  g_assert_cmpuint (stats.session_dots[0], >, 0);

  expect_78 = hl_session_plan_format_minutes (stats.session_dots[0] / 78.0);
  wait_stats_text (panel, expect_78);
  at_78 = g_strdup (hl_zone_panel_get_stats_text (panel));
  g_test_message ("%s", at_78);
  /* The sample's frontal band averages less than it asks: the panel says
   * it is full inside and why the edges thin it. */
  g_assert_nonnull (strstr (at_78, "80 dots/cm² inside; the 8 mm transition behind the hairline"));

  g_settings_set_double (settings, "dots-per-minute", 10.0);
  expect_10 = hl_session_plan_format_minutes (stats.session_dots[0] / 10.0);
  /* At once: no engine run is needed for a new rate. */
  at_10 = g_strdup (hl_zone_panel_get_stats_text (panel));
  g_test_message ("%s", at_10);
  g_assert_nonnull (strstr (at_10, expect_10));
  g_assert_cmpstr (at_10, !=, at_78);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* A zone drawn after the default density changed gets that density,
 * and the default shade; the other values are the frontal zone's. */
static void
test_new_zone_density (void)
{
  GSettings *settings = hl_settings_get ();
  HlZoneParams builtin;
  HlPoint box[] = { { 170, 101 }, { 172, 22 }, { 280, 22 }, { 280, 101 } };
  HlToolEvent key = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_ENTER, FALSE, 0 };
  const HlZone *zone;
  HlWindow *window;
  HlCanvas *canvas;

  reset_settings ();
  g_settings_set_double (settings, "new-zone-density", 85.0);
  g_settings_set_string (settings, "new-zone-shade", "#503c28");

  window = open_window ("astronaut.png");
  canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", "zone"));
  g_assert_cmpstr (hl_tool_get_name (hl_canvas_get_tool (canvas)), ==, "zone");
  for (guint i = 0; i < G_N_ELEMENTS (box); i++)
    {
      HlToolEvent event = { HL_TOOL_PRESS, box[i], 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1 };

      hl_canvas_handle_event (canvas, &event);
      event.type = HL_TOOL_RELEASE;
      hl_canvas_handle_event (canvas, &event);
    }
  g_assert_true (hl_canvas_handle_event (canvas, &key) & HL_TOOL_COMMITTED);

  zone = hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 0);
  g_assert_nonnull (zone);
  g_assert_cmpint (zone->kind, ==, HL_ZONE_FRONTAL);
  g_assert_cmpfloat (zone->params.density, ==, 85.0);
  g_assert_cmpint (zone->params.shade.r, ==, 0x50);
  g_assert_cmpint (zone->params.shade.g, ==, 0x3c);
  g_assert_cmpint (zone->params.shade.b, ==, 0x28);
  hl_zone_params_init_for_kind (&builtin, HL_ZONE_FRONTAL);
  g_assert_cmpfloat (zone->params.transition_mm, ==, builtin.transition_mm);
  g_assert_cmpfloat (zone->params.dot_mm, ==, builtin.dot_mm);

  /* Changed while the pen is in use: the next zone follows. */
  g_settings_set_double (settings, "new-zone-density", 42.0);
  for (guint i = 0; i < G_N_ELEMENTS (box); i++)
    {
      HlToolEvent event = { HL_TOOL_PRESS, { box[i].x + 150, box[i].y + 200 }, 1.0, 1.0,
                            HL_TOOL_KEY_NONE, FALSE, 1 };

      hl_canvas_handle_event (canvas, &event);
      event.type = HL_TOOL_RELEASE;
      hl_canvas_handle_event (canvas, &event);
    }
  g_assert_true (hl_canvas_handle_event (canvas, &key) & HL_TOOL_COMMITTED);
  zone = hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 1);
  g_assert_nonnull (zone);
  g_assert_cmpfloat (zone->params.density, ==, 42.0);

  /* Nothing to save: the test must not leave a question behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* A window opens at the size the last one closed had. */
static void
test_window_size_restored (void)
{
  GSettings *settings = hl_settings_get ();
  HlWindow *window;
  int width, height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = hl_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The surface: the window widget leaves out the client-side shadow. */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), >=, 777);

  /* Resized, then closed: the next one takes the new size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  /* Later changes are written through, not held back for an apply. */
  g_settings_set_string (settings, "clinic-name", "Studio North");
  g_assert_false (g_settings_get_has_unapplied (settings));

  window = hl_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A size too small to use (a hand-edited key) is not applied. */
  g_settings_set_int (settings, "window-width", 10);
  window = hl_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

static gboolean
find_scale_text (GtkWidget  *root,
                 const char *needle)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The scale label follows the unit, at once. */
static void
test_scale_label_unit (void)
{
  GSettings *settings = hl_settings_get ();
  HlWindow *window;

  reset_settings ();
  window = open_window ("front-consultation.json");
  g_assert_true (find_scale_text (GTK_WIDGET (window), " mm/px"));
  g_assert_false (find_scale_text (GTK_WIDGET (window), " in/px"));

  g_settings_set_string (settings, "length-unit", "in");
  g_assert_true (find_scale_text (GTK_WIDGET (window), " in/px"));
  g_assert_false (find_scale_text (GTK_WIDGET (window), " mm/px"));

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

/* About shows the application's own icon, found in the resources when
 * nothing is installed, and no credits line for an untranslated run. */
static void
test_about_icon (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */
  AdwAboutWindow *about = NULL;
  GtkIconTheme *theme;
  HlWindow *window = hl_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        about = ADW_ABOUT_WINDOW (item);
    }
  g_assert_nonnull (about);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (about));
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_null (adw_about_window_get_translator_credits (about));
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about)));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Appearance row: follow the system (libadwaita's default scheme),
 * light or dark, applied to the style manager at once and kept. */
static void
test_style (void)
{
  GSettings *settings = hl_settings_get ();
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GPtrArray) combos = NULL;
  g_autofree char *value = NULL;
  AdwComboRow *style = NULL;
  GtkWidget *prefs;

  reset_settings ();
  /* The application follows the preference from its start. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  prefs = GTK_WIDGET (hl_preferences_window_new (NULL));
  gtk_window_present (GTK_WINDOW (prefs));
  combos = find_all (prefs, ADW_TYPE_COMBO_ROW);
  for (guint i = 0; i < combos->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (combos->pdata[i]), "S_tyle") == 0)
      style = combos->pdata[i];
  g_assert_nonnull (style);
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);

  adw_combo_row_set_selected (style, 2);
  value = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (value, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  adw_combo_row_set_selected (style, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  /* A change of the key (another window, dconf) moves the row too. */
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpuint (adw_combo_row_get_selected (style), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (prefs));
  reset_settings ();
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
  /* The build's schema, under the memory backend the test runs with. */
  g_assert_nonnull (hl_settings_get ());

  g_test_add_func ("/preferences/window-opens", test_window_opens);
  g_test_add_func ("/preferences/new-zone-density", test_new_zone_density);
  g_test_add_func ("/preferences/session-minutes", test_session_minutes);
  g_test_add_func ("/preferences/window-size-restored", test_window_size_restored);
  g_test_add_func ("/preferences/scale-label-unit", test_scale_label_unit);
  g_test_add_func ("/preferences/style", test_style);
  g_test_add_func ("/about/icon", test_about_icon);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
