/* hl-preferences-window.c: the Preferences window.
 *
 * Most rows are bound to their key. The transition and dot size are kept
 * in millimetres but shown in the chosen unit, so their spin buttons are
 * converted by hand, both ways, whenever the key or the unit changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-a11y.h"
#include "hl-dilution-chart-group.h"
#include "hl-enums.h"
#include "hl-preferences-window.h"
#include "hl-settings.h"
#include "hl-zone-param.h"

struct _HlPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow    *style_row;
  AdwComboRow    *unit_row;
  GtkSpinButton  *density_spin;
  AdwActionRow   *transition_row;
  GtkSpinButton  *transition_spin;
  AdwActionRow   *dot_size_row;
  GtkSpinButton  *dot_size_spin;
  GtkColorButton *shade_button;
  AdwEntryRow    *mark_row;
  AdwEntryRow    *clinic_row;
  GtkSpinButton  *rate_spin;
  AdwComboRow    *layout_row;
  GtkSpinButton  *scale_spin;
  HlDilutionChartGroup *chart_group;

  /* Borrowed: the process's settings, may be NULL */
  GSettings      *settings;

  gboolean        updating;   /* a spin button is set from its key */
};

G_DEFINE_FINAL_TYPE (HlPreferencesWindow, hl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Choices of the string key, in the order of its combo row. */
static const char *const styles[] = { "default", "light", "dark", NULL };

static gboolean
choice_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  choices)
{
  const char *const *strv = choices;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; strv[i] != NULL; i++)
    if (g_str_equal (strv[i], text))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_choice (const GValue       *value,
                 const GVariantType *type,
                 gpointer            choices)
{
  const char *const *strv = choices;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) strv))
    return NULL;
  return g_variant_new_string (strv[index]);
}

/* Enum keys (length-unit, export-layout): their combo rows list the
 * values in order, so a row's index is the value, and the key's word is
 * its GEnum nick (@type, the enum's GType). */
static gboolean
enum_to_index (GValue   *value,
               GVariant *variant,
               gpointer  type)
{
  int v;

  if (!hl_enum_from_nick ((GType) GPOINTER_TO_SIZE (type), g_variant_get_string (variant, NULL), &v) || v < 0)
    return FALSE;
  g_value_set_uint (value, (guint) v);
  return TRUE;
}

static GVariant *
index_to_enum (const GValue       *value,
               const GVariantType *variant_type,
               gpointer            type)
{
  const char *nick = hl_enum_to_nick ((GType) GPOINTER_TO_SIZE (type), (int) g_value_get_uint (value));

  return nick != NULL ? g_variant_new_string (nick) : NULL;
}

static gboolean
shade_to_rgba (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  HlColor color;
  GdkRGBA rgba;

  if (!hl_color_parse (g_variant_get_string (variant, NULL), &color))
    return FALSE;
  rgba = (GdkRGBA) { color.r / 255.0f, color.g / 255.0f, color.b / 255.0f, 1.0f };
  g_value_set_boxed (value, &rgba);
  return TRUE;
}

static GVariant *
rgba_to_shade (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  const GdkRGBA *rgba = g_value_get_boxed (value);
  HlColor color;
  char text[8];

  if (rgba == NULL)
    return NULL;
  color = (HlColor) { (guint8) CLAMP (rgba->red * 255.0 + 0.5, 0, 255),
                      (guint8) CLAMP (rgba->green * 255.0 + 0.5, 0, 255),
                      (guint8) CLAMP (rgba->blue * 255.0 + 0.5, 0, 255) };
  return g_variant_new_string (hl_color_format (color, text));
}

/* The spin button of a length key, shown in the chosen unit. */
typedef struct
{
  const char *key;         /* GSettings key, in mm */
  const char *param;       /* hl-zone-param.h entry with its range */
  const char *subtitle;    /* to translate; the unit follows */
} LengthRow;

static const LengthRow transition_row = {
  "new-zone-transition", "transition_mm", N_("Ramp width behind the hairline"),
};
static const LengthRow dot_size_row = {
  "new-zone-dot-size", "dot_mm", N_("Mean diameter of a fresh dot"),
};

static void
show_length (HlPreferencesWindow *self,
             const LengthRow     *row,
             GtkSpinButton       *spin,
             AdwActionRow        *action_row)
{
  const HlZoneParamInfo *info = hl_zone_param_find (row->param);
  HlUnit unit = hl_settings_get_unit ();
  int digits = hl_units_decimals (unit, (int) info->digits);
  g_autofree char *subtitle = g_strdup_printf ("%s (%s)", _(row->subtitle),
                                                    hl_unit_to_string (unit));
  double mm = self->settings != NULL ? g_settings_get_double (self->settings, row->key) : info->default_value;

  self->updating = TRUE;
  gtk_spin_button_set_digits (spin, (guint) digits);
  gtk_spin_button_set_range (spin, hl_units_from_mm (info->min, unit), hl_units_from_mm (info->max, unit));
  gtk_spin_button_set_increments (spin, hl_units_from_mm (info->step, unit),
                                  hl_units_from_mm (info->step, unit) * 10.0);
  gtk_spin_button_set_value (spin, hl_units_from_mm (mm, unit));
  self->updating = FALSE;
  adw_action_row_set_subtitle (action_row, subtitle);
}

static void
show_lengths (HlPreferencesWindow *self)
{
  show_length (self, &transition_row, self->transition_spin, self->transition_row);
  show_length (self, &dot_size_row, self->dot_size_spin, self->dot_size_row);
}

static void
store_length (HlPreferencesWindow *self,
              const LengthRow     *row,
              GtkSpinButton       *spin)
{
  const HlZoneParamInfo *info = hl_zone_param_find (row->param);
  HlUnit unit = hl_settings_get_unit ();
  double value = gtk_spin_button_get_value (spin);
  double half_step = 0.5 * pow (10.0, -(double) gtk_spin_button_get_digits (spin));
  double mm;

  if (self->updating || self->settings == NULL)
    return;
  /* The spin button reads back the rounded text it shows (on focus out,
   * on Enter): that is not a change, and must not round the key. */
  mm = g_settings_get_double (self->settings, row->key);
  if (fabs (value - hl_units_from_mm (mm, unit)) < half_step)
    return;
  /* Rounding in inches may step just past the range kept in mm. */
  mm = hl_units_to_mm (value, unit);
  g_settings_set_double (self->settings, row->key, CLAMP (mm, info->min, info->max));
}

static void
on_transition_changed (HlPreferencesWindow *self)
{
  store_length (self, &transition_row, self->transition_spin);
}

static void
on_dot_size_changed (HlPreferencesWindow *self)
{
  store_length (self, &dot_size_row, self->dot_size_spin);
}

static void
on_settings_changed (HlPreferencesWindow *self,
                     const char          *key)
{
  if (g_str_equal (key, "length-unit") || g_str_equal (key, transition_row.key) ||
      g_str_equal (key, dot_size_row.key))
    show_lengths (self);
}

static void
on_reset_clicked (HlPreferencesWindow *self)
{
  static const char *const keys[] = {
    "new-zone-density", "new-zone-transition", "new-zone-dot-size", "new-zone-shade",
  };

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (self->settings, keys[i]);
}

static void
hl_preferences_window_class_init (HlPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (HL_TYPE_DILUTION_CHART_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, density_spin);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, transition_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, transition_spin);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, dot_size_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, dot_size_spin);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, shade_button);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, mark_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, HlPreferencesWindow, chart_group);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
hl_preferences_window_init (HlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = hl_settings_get ();
  hl_a11y_name_entry_row (self->mark_row);
  hl_a11y_name_entry_row (self->clinic_row);
  show_lengths (self);
  g_signal_connect_object (self->transition_spin, "value-changed",
                           G_CALLBACK (on_transition_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dot_size_spin, "value-changed",
                           G_CALLBACK (on_dot_size_changed), self, G_CONNECT_SWAPPED);
  if (self->settings == NULL)
    {
      /* Nothing would be kept: say so rather than pretend. */
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_index, index_to_choice,
                                (gpointer) styles, NULL);
  g_settings_bind_with_mapping (self->settings, "length-unit", self->unit_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum,
                                GSIZE_TO_POINTER (HL_TYPE_UNIT), NULL);
  g_settings_bind (self->settings, "new-zone-density", self->density_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "new-zone-shade", self->shade_button, "rgba",
                                G_SETTINGS_BIND_DEFAULT, shade_to_rgba, rgba_to_shade, NULL, NULL);
  g_settings_bind (self->settings, "simulation-mark", self->mark_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "clinic-name", self->clinic_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "dots-per-minute", self->rate_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "export-layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_index, index_to_enum,
                                GSIZE_TO_POINTER (HL_TYPE_LAYOUT), NULL);
  g_settings_bind (self->settings, "export-scale", self->scale_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

HlPreferencesWindow *
hl_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (HL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

HlDilutionChartGroup *
hl_preferences_window_get_chart_group (HlPreferencesWindow *self)
{
  g_return_val_if_fail (HL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->chart_group;
}
