/* hl-dilution-chart-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-dilution-chart-group"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-a11y.h"
#include "hl-dilution-chart-group.h"
#include "hl-dilution-chart.h"
#include "hl-settings.h"

#define N_SKIN_TYPES 6

struct _HlDilutionChartGroup
{
  AdwPreferencesGroup parent_instance;

  /* Borrowed: children of the group */
  GtkWidget       *add_button;
  GtkWidget       *restore_button;
  GtkLabel        *message;
  GPtrArray       *rows;        /* owned array of borrowed AdwExpanderRow, one a pigment */

  /* Owned: the chart shown (and stored) */
  HlDilutionChart *chart;
  GSettings       *settings;    /* borrowed, may be NULL */
};

G_DEFINE_FINAL_TYPE (HlDilutionChartGroup, hl_dilution_chart_group, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild (HlDilutionChartGroup *self);

static void
set_message (HlDilutionChartGroup *self,
             const char           *text)
{
  gtk_label_set_text (self->message, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && text[0] != '\0');
}

/* Stores the chart shown; the settings' "changed" then finds it the same. */
static void
store (HlDilutionChartGroup *self)
{
  hl_settings_set_dilution_chart (self->chart);
}

static guint
pigment_of (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "hl-pigment"));
}

static void
on_name_apply (AdwEntryRow          *row,
               HlDilutionChartGroup *self)
{
  guint i = pigment_of (row);

  if (i >= hl_dilution_chart_get_n_pigments (self->chart))
    return;
  if (!hl_dilution_chart_set_name (self->chart, i, gtk_editable_get_text (GTK_EDITABLE (row))))
    {
      g_autofree char *text = g_strdup_printf (_("Pigment %u, name: must be 1–%d characters"), i + 1,
                                               HL_DILUTION_CHART_MAX_NAME);

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      set_message (self, text);
      return;
    }
  set_message (self, NULL);
  store (self);
  rebuild (self);
}

static void
on_dilutions_apply (AdwEntryRow          *row,
                    HlDilutionChartGroup *self)
{
  guint i = pigment_of (row);
  g_autoptr(GError) error = NULL;

  if (i >= hl_dilution_chart_get_n_pigments (self->chart))
    return;
  if (!hl_dilution_chart_set_dilutions (self->chart, i, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      g_autofree char *text = g_strdup_printf (_("Pigment %u, %s"), i + 1, error->message);

      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      set_message (self, text);
      return;
    }
  set_message (self, NULL);
  store (self);
  rebuild (self);
}

static void
on_colour_set (GtkColorButton       *button,
               HlDilutionChartGroup *self)
{
  guint i = pigment_of (button);
  GdkRGBA rgba;

  if (i >= hl_dilution_chart_get_n_pigments (self->chart))
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hl_dilution_chart_set_colour (self->chart, i, (HlColor) {
    (guint8) CLAMP (rgba.red * 255.0 + 0.5, 0, 255),
    (guint8) CLAMP (rgba.green * 255.0 + 0.5, 0, 255),
    (guint8) CLAMP (rgba.blue * 255.0 + 0.5, 0, 255) });
  set_message (self, NULL);
  store (self);
  rebuild (self);
}

static void
on_remove_clicked (GtkButton            *button,
                   HlDilutionChartGroup *self)
{
  guint i = pigment_of (button);

  if (i >= hl_dilution_chart_get_n_pigments (self->chart))
    return;
  hl_dilution_chart_remove_pigment (self->chart, i);
  set_message (self, NULL);
  store (self);
  rebuild (self);
}

static void
on_add_clicked (HlDilutionChartGroup *self)
{
  g_autofree char *name = NULL;
  int index;

  if (hl_dilution_chart_get_n_pigments (self->chart) >= HL_DILUTION_CHART_MAX_PIGMENTS)
    {
      g_autofree char *text = g_strdup_printf (_("The chart holds at most %d pigments"),
                                               HL_DILUTION_CHART_MAX_PIGMENTS);

      set_message (self, text);
      return;
    }
  name = g_strdup_printf (_("Pigment %u"), hl_dilution_chart_get_n_pigments (self->chart) + 1);
  index = hl_dilution_chart_add_pigment (self->chart, name, (HlColor) { 0, 0, 0 });
  g_assert (index >= 0);
  /* Two dilutions to start from, as the built-in black has. */
  hl_dilution_chart_set_dilutions (self->chart, (guint) index, "1:1, 1:3", NULL);
  set_message (self, NULL);
  store (self);
  rebuild (self);
  adw_expander_row_set_expanded (g_ptr_array_index (self->rows, index), TRUE);
}

static void
on_restore_clicked (HlDilutionChartGroup *self)
{
  hl_dilution_chart_free (self->chart);
  self->chart = hl_dilution_chart_new_default ();
  set_message (self, NULL);
  if (self->settings != NULL)
    g_settings_reset (self->settings, "dilution-chart");
  rebuild (self);
}

static void
draw_skins (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  const HlColor *shade = data;
  double w = (double) width / (N_SKIN_TYPES + 1);

  for (int k = 0; k <= N_SKIN_TYPES; k++)
    {
      HlColor c = k == 0 ? *shade : hl_dilution_healed_on_skin (*shade, k);

      cairo_rectangle (cr, k * w + 1, 1, w - 2, height - 2);
      cairo_set_source_rgb (cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.8);
      cairo_stroke (cr);
    }
}

static GtkWidget *
pigment_row (HlDilutionChartGroup *self,
             guint                 i)
{
  const HlChartPigment *p = hl_dilution_chart_get_pigment (self->chart, i);
  g_autofree char *dilutions = hl_dilution_chart_format_dilutions (self->chart, i);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *list = adw_entry_row_new ();
  GtkWidget *colour = gtk_color_button_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Pigment"));
  GdkRGBA rgba = { p->colour.r / 255.0f, p->colour.g / 255.0f, p->colour.b / 255.0f, 1.0f };
  g_autofree char *colour_name = g_strdup_printf (_("Colour of %s, undiluted"), p->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dilutions[0] != '\0' ? dilutions : _("No dilutions"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (colour), FALSE);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (colour), &rgba);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (colour), colour_name);
  gtk_widget_set_valign (colour, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (colour), GTK_ACCESSIBLE_PROPERTY_LABEL, colour_name, -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), colour);
  g_signal_connect_object (colour, "color-set", G_CALLBACK (on_colour_set), self, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name), p->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name), TRUE);
  hl_a11y_name_entry_row (ADW_ENTRY_ROW (name));
  g_signal_connect_object (name, "apply", G_CALLBACK (on_name_apply), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list), _("Dilutions (pigment:water), e.g. 1:1, 1:3"));
  gtk_editable_set_text (GTK_EDITABLE (list), dilutions);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (list), TRUE);
  hl_a11y_name_entry_row (ADW_ENTRY_ROW (list));
  g_signal_connect_object (list, "apply", G_CALLBACK (on_dilutions_apply), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), list);

  for (guint k = 0; k < p->dilutions->len; k++)
    {
      GtkWidget *d = adw_action_row_new ();
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *ratio = hl_dilution_format (g_array_index (p->dilutions, HlDilution, k));
      HlColor *shade = g_new (HlColor, 1);
      char hex[8];
      g_autofree char *subtitle = NULL;

      *shade = hl_dilution_shade (p->colour, g_array_index (p->dilutions, HlDilution, k));
      subtitle = g_strdup_printf (_("%s; then healed on skin types I to VI"), hl_color_format (*shade, hex));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d), ratio);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (d), subtitle);
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 7 * 22);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 22);
      gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_skins, shade, g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (d), area);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), d);
    }

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);

  g_object_set_data (G_OBJECT (name), "hl-pigment", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (list), "hl-pigment", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (colour), "hl-pigment", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (remove), "hl-pigment", GUINT_TO_POINTER (i));
  g_object_set_data (G_OBJECT (row), "hl-name", name);
  g_object_set_data (G_OBJECT (row), "hl-dilutions", list);
  g_object_set_data (G_OBJECT (row), "hl-colour", colour);
  g_object_set_data (G_OBJECT (row), "hl-remove", remove);
  return row;
}

/* The rows from the chart shown, keeping which were expanded. */
static void
rebuild (HlDilutionChartGroup *self)
{
  g_autoptr(GArray) expanded = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < self->rows->len; i++)
    {
      gboolean e = adw_expander_row_get_expanded (g_ptr_array_index (self->rows, i));

      g_array_append_val (expanded, e);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < hl_dilution_chart_get_n_pigments (self->chart); i++)
    {
      GtkWidget *row = pigment_row (self, i);

      if (i < expanded->len && g_array_index (expanded, gboolean, i))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_settings_changed (HlDilutionChartGroup *self,
                     const char           *key)
{
  g_autoptr(HlDilutionChart) stored = NULL;

  if (!g_str_equal (key, "dilution-chart"))
    return;
  stored = hl_settings_dup_dilution_chart ();
  if (hl_dilution_chart_equal (stored, self->chart))
    return;
  hl_dilution_chart_free (self->chart);
  self->chart = g_steal_pointer (&stored);
  rebuild (self);
}

static void
hl_dilution_chart_group_finalize (GObject *object)
{
  HlDilutionChartGroup *self = HL_DILUTION_CHART_GROUP (object);

  g_ptr_array_unref (self->rows);
  hl_dilution_chart_free (self->chart);
  G_OBJECT_CLASS (hl_dilution_chart_group_parent_class)->finalize (object);
}

static void
hl_dilution_chart_group_class_init (HlDilutionChartGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hl_dilution_chart_group_finalize;
}

static void
hl_dilution_chart_group_init (HlDilutionChartGroup *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Dilution Chart"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
    _("Pigments diluted with distilled water, offered for zone and session shades. "
      "The colours are computed from the pigment model, not measured: each mix as a dot's shade, "
      "then healed on skin types I to VI."));

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Pigment"));
  self->restore_button = gtk_button_new_with_mnemonic (_("Restore _Built-in Chart"));
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_add_css_class (self->restore_button, "flat");
  gtk_box_append (GTK_BOX (header), self->restore_button);
  gtk_box_append (GTK_BOX (header), self->add_button);
  gtk_widget_set_halign (header, GTK_ALIGN_END);
  gtk_widget_set_margin_top (header, 6);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->restore_button, "clicked", G_CALLBACK (on_restore_clicked), self,
                           G_CONNECT_SWAPPED);

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->message));
  /* Under the rows, so that the description keeps the group's width. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), header);

  self->rows = g_ptr_array_new ();
  self->chart = hl_settings_dup_dilution_chart ();
  self->settings = hl_settings_get ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

GtkWidget *
hl_dilution_chart_group_new (void)
{
  return g_object_new (HL_TYPE_DILUTION_CHART_GROUP, NULL);
}

GtkWidget *
hl_dilution_chart_group_get_widget (HlDilutionChartGroup *self,
                                    guint                 pigment,
                                    const char           *what)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HL_IS_DILUTION_CHART_GROUP (self), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  if (g_str_equal (what, "add"))
    return self->add_button;
  if (g_str_equal (what, "restore"))
    return self->restore_button;
  if (pigment >= self->rows->len)
    return NULL;
  key = g_strconcat ("hl-", what, NULL);
  return g_object_get_data (g_ptr_array_index (self->rows, pigment), key);
}

const char *
hl_dilution_chart_group_get_message (HlDilutionChartGroup *self)
{
  g_return_val_if_fail (HL_IS_DILUTION_CHART_GROUP (self), NULL);
  return gtk_label_get_text (self->message);
}
