/* hl-settings.c: the application's preferences, read from GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-settings"

#include "config.h"

#include "hl-session-plan.h"
#include "hl-settings.h"

/* Owned for the process's life. */
static GSettings      *settings;
static HlZoneDefaults  zone_defaults;
static gboolean        follow_color_scheme;

static void
read_zone_defaults (void)
{
  g_autofree char *shade = NULL;
  HlColor color;

  hl_zone_defaults_init (&zone_defaults);
  if (settings == NULL)
    return;

  zone_defaults.density = g_settings_get_double (settings, "new-zone-density");
  zone_defaults.transition_mm = g_settings_get_double (settings, "new-zone-transition");
  zone_defaults.dot_mm = g_settings_get_double (settings, "new-zone-dot-size");
  shade = g_settings_get_string (settings, "new-zone-shade");
  /* A malformed shade (written by hand) keeps the built-in one. */
  if (hl_color_parse (shade, &color))
    zone_defaults.shade = color;
}

static void
on_changed (GSettings  *changed,
            const char *key,
            gpointer    user_data)
{
  if (g_str_has_prefix (key, "new-zone-"))
    read_zone_defaults ();
  if (follow_color_scheme && g_str_equal (key, "color-scheme"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), hl_settings_get_color_scheme ());
}

/* The schema from the system's schema path (and GSETTINGS_SCHEMA_DIR),
 * else, for a run from the build directory, from the build's data folder
 * found next to the executable (build/src/app/ or build/tests/), so that
 * no path of the build is compiled into the program (transfer full, NULL
 * if none has it). */
static GSettingsSchema *
find_schema (void)
{
  static const char *const build_data[] = { "../../data", "../data" };
  GSettingsSchemaSource *system = g_settings_schema_source_get_default ();
  g_autofree char *exe = NULL;
  g_autofree char *exe_dir = NULL;
  GSettingsSchema *schema = NULL;

  if (system != NULL)
    schema = g_settings_schema_source_lookup (system, APP_ID, TRUE);
  if (schema != NULL)
    return schema;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return NULL;
  exe_dir = g_path_get_dirname (exe);
  for (guint i = 0; i < G_N_ELEMENTS (build_data) && schema == NULL; i++)
    {
      g_autofree char *dir = g_build_filename (exe_dir, build_data[i], NULL);
      g_autofree char *compiled = g_build_filename (dir, "gschemas.compiled", NULL);
      g_autoptr(GSettingsSchemaSource) build = NULL;

      if (!g_file_test (compiled, G_FILE_TEST_IS_REGULAR))
        continue;
      build = g_settings_schema_source_new_from_directory (dir, system, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }
  return schema;
}

GSettings *
hl_settings_get (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GSettingsSchema) schema = find_schema ();

      if (schema != NULL)
        {
          settings = g_settings_new_full (schema, NULL, NULL);
          g_signal_connect (settings, "changed", G_CALLBACK (on_changed), NULL);
        }
      else
        g_message ("The settings schema %s is not installed: preferences are not kept", APP_ID);
      read_zone_defaults ();
      g_once_init_leave (&initialized, 1);
    }
  return settings;
}

AdwColorScheme
hl_settings_get_color_scheme (void)
{
  g_autofree char *text = NULL;

  if (hl_settings_get () == NULL)
    return ADW_COLOR_SCHEME_DEFAULT;
  text = g_settings_get_string (settings, "color-scheme");
  if (g_str_equal (text, "light"))
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_str_equal (text, "dark"))
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

void
hl_settings_follow_color_scheme (void)
{
  follow_color_scheme = TRUE;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), hl_settings_get_color_scheme ());
}

HlUnit
hl_settings_get_unit (void)
{
  /* An enum key (HL_TYPE_UNIT's nicks): the schema accepts no other word. */
  if (hl_settings_get () == NULL)
    return HL_UNIT_MM;
  return (HlUnit) g_settings_get_enum (settings, "length-unit");
}

char *
hl_settings_format_length (double mm,
                           int    mm_decimals)
{
  return hl_units_format_length (mm, hl_settings_get_unit (), mm_decimals);
}

char *
hl_settings_format_per (double      mm,
                        int         mm_decimals,
                        const char *per)
{
  return hl_units_format_per (mm, hl_settings_get_unit (), mm_decimals, per);
}

const HlZoneDefaults *
hl_settings_get_zone_defaults (void)
{
  hl_settings_get ();
  return &zone_defaults;
}

char *
hl_settings_dup_simulation_mark (void)
{
  g_autofree char *mark = NULL;

  if (hl_settings_get () != NULL)
    mark = g_strstrip (g_settings_get_string (settings, "simulation-mark"));
  if (mark == NULL || *mark == '\0')
    return g_strdup (hl_render_get_simulation_mark ());
  return g_steal_pointer (&mark);
}

char *
hl_settings_dup_clinic_name (void)
{
  if (hl_settings_get () == NULL)
    return g_strdup ("");
  return g_strstrip (g_settings_get_string (settings, "clinic-name"));
}

double
hl_settings_get_dots_per_minute (void)
{
  double rate = hl_settings_get () != NULL ? g_settings_get_double (settings, "dots-per-minute")
                                           : HL_DOTS_PER_MINUTE_DEFAULT;

  return rate > 0 ? rate : HL_DOTS_PER_MINUTE_DEFAULT;
}

HlDilutionChart *
hl_settings_dup_dilution_chart (void)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  HlDilutionChart *chart;

  if (hl_settings_get () == NULL)
    return hl_dilution_chart_new_default ();
  value = g_settings_get_value (settings, "dilution-chart");
  if ((chart = hl_dilution_chart_from_variant (value, &error)) == NULL)
    {
      /* Written by hand (dconf): keep working with the built-in chart. */
      g_message ("Preferences: %s; the built-in dilution chart is used", error->message);
      return hl_dilution_chart_new_default ();
    }
  return chart;
}

void
hl_settings_set_dilution_chart (const HlDilutionChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (hl_settings_get () != NULL)
    g_settings_set_value (settings, "dilution-chart", hl_dilution_chart_to_variant (chart));
}

HlLayout
hl_settings_get_export_layout (void)
{
  /* An enum key (HL_TYPE_LAYOUT's nicks). */
  if (hl_settings_get () == NULL)
    return HL_LAYOUT_AFTER;
  return (HlLayout) g_settings_get_enum (settings, "export-layout");
}

double
hl_settings_get_export_scale (void)
{
  return hl_settings_get () != NULL ? g_settings_get_double (settings, "export-scale") : 1.0;
}

gboolean
hl_settings_get_export_crop (void)
{
  return hl_settings_get () != NULL ? g_settings_get_boolean (settings, "export-crop-to-head") : TRUE;
}

void
hl_settings_set_export_crop (gboolean crop)
{
  if (hl_settings_get () != NULL && g_settings_get_boolean (settings, "export-crop-to-head") != !!crop)
    g_settings_set_boolean (settings, "export-crop-to-head", crop);
}

void
hl_settings_restore_window (GtkWindow *window)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (hl_settings_get () == NULL)
    return;
  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  /* Sizes a hand-edited setting or another screen left: at least usable. */
  if (width >= 360 && height >= 294)
    gtk_window_set_default_size (window, width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

void
hl_settings_save_window (GtkWindow *window)
{
  int width, height;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (hl_settings_get () == NULL)
    return;
  /* The default size follows the user's resizing, but not maximizing. */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
}
