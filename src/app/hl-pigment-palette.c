/* hl-pigment-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-pigment-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-client.h"
#include "hl-pigment-palette.h"
#include "hl-settings.h"

struct _HlPigmentPalette
{
  GtkWidget        parent_instance;

  /* Owned (the only child) */
  GtkWidget       *button;
  /* Owned: the chart the popover shows */
  HlDilutionChart *chart;
  int              skin_type;
};

G_DEFINE_FINAL_TYPE (HlPigmentPalette, hl_pigment_palette, GTK_TYPE_WIDGET)

enum { CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  HlColor shade;
  HlColor healed;
} Swatch;

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const Swatch *s = data;

  cairo_rectangle (cr, 0.5, 0.5, width / 2.0 - 0.5, height - 1);
  cairo_set_source_rgb (cr, s->shade.r / 255.0, s->shade.g / 255.0, s->shade.b / 255.0);
  cairo_fill (cr);
  cairo_rectangle (cr, width / 2.0, 0.5, width / 2.0 - 0.5, height - 1);
  cairo_set_source_rgb (cr, s->healed.r / 255.0, s->healed.g / 255.0, s->healed.b / 255.0);
  cairo_fill (cr);
  /* An edge that shows on light and dark panels alike. */
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.8);
  cairo_stroke (cr);
}

static void
on_item_clicked (GtkButton        *button,
                 HlPigmentPalette *self)
{
  guint pigment = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hl-pigment"));
  guint dilution = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hl-dilution"));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  g_signal_emit (self, signals[CHOSEN], 0, pigment, dilution);
}

/* The popover's contents, from the chart in the preferences now. */
static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  HlPigmentPalette *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *popover = gtk_popover_new ();
  const char *roman = hl_fitzpatrick_to_roman (self->skin_type);
  g_autofree char *legend = g_strdup_printf (_("Each swatch: the mix, then healed on skin type %s"),
                                             roman != NULL ? roman : "III");
  GtkWidget *caption = gtk_label_new (legend);

  g_clear_pointer (&self->chart, hl_dilution_chart_free);
  self->chart = hl_settings_dup_dilution_chart ();

  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 30);
  gtk_box_append (GTK_BOX (box), caption);
  if (hl_dilution_chart_get_n_pigments (self->chart) == 0)
    gtk_box_append (GTK_BOX (box), gtk_label_new (_("The dilution chart is empty: add pigments in Preferences")));

  for (guint i = 0; i < hl_dilution_chart_get_n_pigments (self->chart); i++)
    {
      const HlChartPigment *p = hl_dilution_chart_get_pigment (self->chart, i);
      GtkWidget *heading = gtk_label_new (p->name);

      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (GTK_BOX (box), heading);
      for (guint k = 0; k < p->dilutions->len; k++)
        {
          HlDilution d = g_array_index (p->dilutions, HlDilution, k);
          g_autofree char *ratio = hl_dilution_format (d);
          g_autofree char *label = g_strdup_printf ("%s %s", p->name, ratio);
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *area = gtk_drawing_area_new ();
          GtkWidget *item = gtk_button_new_with_label (label);
          Swatch *s = g_new (Swatch, 1);

          s->shade = hl_dilution_shade (p->colour, d);
          s->healed = hl_dilution_healed_on_skin (s->shade, self->skin_type);
          gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 40);
          gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 20);
          gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
          gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, s, g_free);
          gtk_widget_add_css_class (item, "flat");
          gtk_widget_set_hexpand (item, TRUE);
          gtk_widget_set_halign (item, GTK_ALIGN_FILL);
          gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (item))), 0);
          g_object_set_data (G_OBJECT (item), "hl-pigment", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (item), "hl-dilution", GUINT_TO_POINTER (k));
          g_signal_connect_object (item, "clicked", G_CALLBACK (on_item_clicked), self, 0);
          gtk_box_append (GTK_BOX (row), area);
          gtk_box_append (GTK_BOX (row), item);
          gtk_box_append (GTK_BOX (box), row);
        }
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_menu_button_set_popover (button, popover);
}

static void
hl_pigment_palette_dispose (GObject *object)
{
  HlPigmentPalette *self = HL_PIGMENT_PALETTE (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->chart, hl_dilution_chart_free);
  G_OBJECT_CLASS (hl_pigment_palette_parent_class)->dispose (object);
}

static void
hl_pigment_palette_class_init (HlPigmentPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hl_pigment_palette_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);

  /**
   * HlPigmentPalette::chosen:
   * @pigment: index of the pigment in hl_pigment_palette_get_chart()
   * @dilution: index of its dilution
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
hl_pigment_palette_init (HlPigmentPalette *self)
{
  self->skin_type = 3;
  self->button = gtk_menu_button_new ();
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup, self, NULL);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
}

GtkWidget *
hl_pigment_palette_new (const char *label)
{
  HlPigmentPalette *self = g_object_new (HL_TYPE_PIGMENT_PALETTE, NULL);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), label);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->button), TRUE);
  gtk_widget_set_tooltip_text (self->button, _("Choose a pigment and dilution from the dilution chart"));
  return GTK_WIDGET (self);
}

GtkWidget *
hl_pigment_palette_new_from_icon_name (const char *icon_name,
                                       const char *tooltip)
{
  HlPigmentPalette *self = g_object_new (HL_TYPE_PIGMENT_PALETTE, NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), icon_name);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, tooltip);
  return GTK_WIDGET (self);
}

void
hl_pigment_palette_set_skin_type (HlPigmentPalette *self,
                                  int               type)
{
  g_return_if_fail (HL_IS_PIGMENT_PALETTE (self));
  self->skin_type = type >= 1 && type <= 6 ? type : 3;
}

const HlDilutionChart *
hl_pigment_palette_get_chart (HlPigmentPalette *self)
{
  g_return_val_if_fail (HL_IS_PIGMENT_PALETTE (self), NULL);
  return self->chart;
}

void
hl_pigment_palette_popup (HlPigmentPalette *self)
{
  g_return_if_fail (HL_IS_PIGMENT_PALETTE (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}

GtkWidget *
hl_pigment_palette_get_button (HlPigmentPalette *self)
{
  g_return_val_if_fail (HL_IS_PIGMENT_PALETTE (self), NULL);
  return self->button;
}
