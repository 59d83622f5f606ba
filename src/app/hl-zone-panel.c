/* hl-zone-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-zone-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-a11y.h"
#include "hl-edit.h"
#include "hl-units.h"
#include "hl-measure.h"
#include "hl-pigment-palette.h"
#include "hl-tool-eyedropper.h"
#include "hl-session-plan.h"
#include "hl-settings.h"
#include "hl-zone-panel-private.h"
#include "hl-zone-stats-text.h"
#include "hl-zone-param.h"

/* Changes to one field less than this apart amend one undo step. */
#define BURST_USEC (1500 * G_TIME_SPAN_MILLISECOND)
#define MAX_PARAMS 16

struct _HlZonePanel
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *scroller;
  GtkListBox          *zone_list;
  GtkWidget           *up_button;
  GtkWidget           *down_button;
  GtkWidget           *remove_button;
  GtkWidget           *detail_box;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  GtkStringList       *kind_list;
  AdwActionRow        *stats_row;
  AdwPreferencesGroup *params_group;
  GtkSwitch           *follows_switch;
  GtkColorButton      *shade_button;
  AdwActionRow        *shade_row;
  AdwPreferencesGroup *sessions_group;
  GtkSpinButton       *sessions_spin;

  /* Borrowed: rows built from the parameter table and per session */
  GtkSpinButton       *param_spins[MAX_PARAMS];
  AdwActionRow        *param_rows[MAX_PARAMS];
  GtkWidget           *session_rows[HL_ZONE_MAX_SESSIONS];
  GtkSpinButton       *share_spins[HL_ZONE_MAX_SESSIONS];
  GtkColorButton      *session_shades[HL_ZONE_MAX_SESSIONS];
  GtkWidget           *palette;          /* the dilution chart's shades */
  GtkWidget           *session_palettes[HL_ZONE_MAX_SESSIONS];   /* the same, per session */
  AdwActionRow        *suggestion_row;   /* the eyedropper's nearest dilution */
  AdwActionRow        *head_row;         /* On the Whole Head */
  GtkSwitch           *head_switch;

  /* The eyedropper's last suggestion: for zone @suggested_zone of view
   * @suggested_view, session @suggested_session (−1: the zone's shade) */
  gboolean             has_suggestion;
  HlColor              suggested_shade;
  int                  suggested_zone;
  guint                suggested_view;
  int                  suggested_session;

  /* Owned */
  HlDocument          *document;
  char                *list_signature;   /* names and kinds the list shows */
  guint                stats_source;

  gboolean             updating;         /* widgets are being set from the model */
};

G_DEFINE_FINAL_TYPE (HlZonePanel, hl_zone_panel, GTK_TYPE_WIDGET)

enum { PICK_SHADE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const HlView *
current_view (HlZonePanel *self)
{
  HlDesign *design;
  guint index;

  if (self->document == NULL || (design = hl_document_get_design (self->document)) == NULL)
    return NULL;
  index = hl_document_get_view_index (self->document);
  return index < hl_design_get_n_views (design) ? hl_design_get_view (design, index) : NULL;
}

/* The document's selected zone: the one selection of the window. */
static int
selected (HlZonePanel *self)
{
  return self->document != NULL ? hl_document_get_selected_zone (self->document) : -1;
}

static const HlZone *
current_zone (HlZonePanel *self)
{
  const HlView *view = current_view (self);

  if (view == NULL || selected (self) < 0 || (guint) selected (self) >= hl_view_get_n_zones (view))
    return NULL;
  return hl_view_get_zone (view, (guint) selected (self));
}

/* Puts @next (transfer full) into the document as one undo step; with a
 * @key (a field of the selected zone), changes to that field in a burst
 * merge into one step. */
static void
apply (HlZonePanel *self,
       HlDesign    *next,
       const char  *label,
       const char  *key)
{
  g_autoptr(HlDesign) owned = next;
  g_autofree char *merge_key = key != NULL ? g_strdup_printf ("zone %d: %s", selected (self), key) : NULL;

  hl_document_commit (self->document, next, label, merge_key);
}

/* Applies @params to the selected zone. */
static void
apply_params (HlZonePanel        *self,
              const HlZoneParams *params,
              const char         *label,
              const char         *key)
{
  HlDesign *next;

  next = hl_edit_set_zone_params (hl_document_get_design (self->document),
                                  hl_document_get_view_index (self->document),
                                  (guint) selected (self), params);
  apply (self, next, label, key);
}

static void
set_rgba (GtkColorButton *button,
          HlColor         color)
{
  GdkRGBA rgba = { color.r / 255.0, color.g / 255.0, color.b / 255.0, 1.0 };

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
}

static HlColor
get_rgba (GtkColorButton *button)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  return (HlColor) { (guint8) CLAMP (rgba.red * 255.0 + 0.5, 0, 255),
                     (guint8) CLAMP (rgba.green * 255.0 + 0.5, 0, 255),
                     (guint8) CLAMP (rgba.blue * 255.0 + 0.5, 0, 255) };
}

static void show_units (HlZonePanel *self);

/* Whether table parameter @info is a length: those show in the unit
 * chosen in the preferences, and are stored in millimetres. */
static gboolean
is_length (const HlZoneParamInfo *info)
{
  return g_str_equal (info->unit, "mm");
}

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  if (gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
update_stats (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneStats stats;
  g_autofree char *text = NULL;

  if (zone == NULL || !hl_document_get_zone_stats (self->document, (guint) selected (self), &stats))
    {
      adw_action_row_set_subtitle (self->stats_row, "");
      return;
    }

  text = hl_zone_stats_text (zone, &stats);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stats_row),
                                 stats.too_large ? _("Area") : _("Area and density"));
  adw_action_row_set_subtitle (self->stats_row, text);
}

/* Zone rows: name, kind and area. Rebuilt only when names or kinds (or
 * their number) change, so that a drag does not rebuild the list. */
static void
update_list (HlZonePanel *self)
{
  const HlView *view = current_view (self);
  GString *signature = g_string_new (NULL);
  guint n = view != NULL ? hl_view_get_n_zones (view) : 0;
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    {
      const HlZone *zone = hl_view_get_zone (view, i);

      g_string_append_printf (signature, "%s\x1f%d\x1e", zone->name, zone->kind);
    }

  if (g_strcmp0 (signature->str, self->list_signature) != 0)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->zone_list))) != NULL &&
             GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->zone_list, child);

      for (guint i = 0; i < n; i++)
        {
          const HlZone *zone = hl_view_get_zone (view, i);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zone->name);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_list_box_append (self->zone_list, row);
        }
      g_free (self->list_signature);
      self->list_signature = g_string_free (signature, FALSE);
    }
  else
    g_string_free (signature, TRUE);

  /* Kind and area: areas follow every drag, so they are set each time. */
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->zone_list, (int) i);
      HlZoneStats stats;
      double area = hl_measure_zone_area_cm2 (view, i);
      g_autofree char *subtitle = NULL;

      /* On a view with a head model, the scalp's area as the engine last
       * measured it. */
      if (view->has_head && hl_document_get_zone_stats (self->document, i, &stats) && stats.on_scalp)
        area = stats.area_cm2;
      /* Translators: a zone's kind and its area. */
      subtitle = g_strdup_printf (_("%s · %.1f cm²"), hl_zone_kind_get_label (hl_view_get_zone (view, i)->kind),
                                  area);

      if (row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) != 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  gtk_list_box_select_row (self->zone_list,
                           selected (self) >= 0 ? gtk_list_box_get_row_at_index (self->zone_list, selected (self))
                                               : NULL);
}

/* "On the Whole Head": the zone's flag, offered only on a view with a
 * head model (the tooltip says why not). */
static void
update_head_row (HlZonePanel  *self,
                 const HlView *view,
                 const HlZone *zone)
{
  gboolean possible = view->has_head;

  if (gtk_switch_get_active (self->head_switch) != (zone->on_head && possible))
    gtk_switch_set_active (self->head_switch, zone->on_head && possible);
  gtk_widget_set_sensitive (GTK_WIDGET (self->head_row), possible);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->head_row), possible ? NULL
                               : _("This view has no head model: fit one (Adjust Head Model) to put its zones on the head"));
}

/* Every widget of the selected zone from the model. */
static void
update_detail (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  const HlView *view = current_view (self);
  guint n_table;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n_table);
  guint n_zones = view != NULL ? hl_view_get_n_zones (view) : 0;
  g_autoptr(HlDilutionChart) chart = NULL;

  gtk_widget_set_visible (self->detail_box, zone != NULL);
  gtk_widget_set_sensitive (self->remove_button, zone != NULL);
  gtk_widget_set_sensitive (self->up_button, zone != NULL && selected (self) > 0);
  gtk_widget_set_sensitive (self->down_button, zone != NULL && selected (self) + 1 < (int) n_zones);
  if (zone == NULL)
    return;

  {
    /* Names are stored without surrounding spaces: the space just typed
     * between two words stays in the entry. */
    g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

    if (g_strcmp0 (typed, zone->name) != 0)
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), zone->name);
  }
  if (adw_combo_row_get_selected (self->kind_row) != (guint) zone->kind)
    adw_combo_row_set_selected (self->kind_row, zone->kind);
  if (gtk_switch_get_active (self->follows_switch) != zone->params.follows_hairline)
    gtk_switch_set_active (self->follows_switch, zone->params.follows_hairline);
  update_head_row (self, view, zone);
  set_rgba (self->shade_button, zone->params.shade);
  chart = hl_settings_dup_dilution_chart ();
  {
    g_autofree char *named = hl_dilution_chart_name_shade (chart, zone->params.shade);
    HlDesign *design = hl_document_get_design (self->document);

    /* The pigment and dilution when the shade is one of the chart's. */
    adw_action_row_set_subtitle (self->shade_row, named != NULL ? named : _("Pigment shade of the zone"));
    hl_pigment_palette_set_skin_type (HL_PIGMENT_PALETTE (self->palette),
                                      design->client != NULL ? design->client->fitzpatrick : 0);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row),
                          self->has_suggestion && self->suggested_zone == selected (self) &&
                          self->suggested_view == hl_document_get_view_index (self->document));

  for (guint i = 0; i < n_table && i < MAX_PARAMS; i++)
    set_spin (self->param_spins[i], is_length (&table[i])
                                      ? hl_units_from_mm (hl_zone_param_get (&zone->params, &table[i]),
                                                          hl_settings_get_unit ())
                                      : hl_zone_param_get (&zone->params, &table[i]));

  set_spin (self->sessions_spin, zone->params.n_sessions);
  for (guint i = 0; i < HL_ZONE_MAX_SESSIONS; i++)
    {
      gboolean shown = i < zone->params.n_sessions;

      gtk_widget_set_visible (self->session_rows[i], shown);
      if (!shown)
        continue;
      set_spin (self->share_spins[i], zone->params.sessions[i].share * 100.0);
      set_rgba (self->session_shades[i], zone->params.sessions[i].shade);
      {
        g_autofree char *named = hl_dilution_chart_name_shade (chart, zone->params.sessions[i].shade);
        g_autofree char *subtitle = NULL;
        HlDesign *design = hl_document_get_design (self->document);

        /* The pigment and dilution when the session's shade is one of the
         * chart's. */
        if (named != NULL)
          /* Translators: not a format for “%”: the percent sign; %s is a
           * pigment and dilution, “Carbon Black 1:3”. */
          subtitle = g_strdup_printf (_("Share (%%) and shade: %s"), named);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->session_rows[i]),
                                     subtitle != NULL ? subtitle : _("Share (%) and shade"));
        hl_pigment_palette_set_skin_type (HL_PIGMENT_PALETTE (self->session_palettes[i]),
                                          design->client != NULL ? design->client->fitzpatrick : 0);
      }
      /* A single session holds every dot. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->share_spins[i]), zone->params.n_sessions > 1);
    }
}

static gboolean
stats_timeout (gpointer user_data)
{
  HlZonePanel *self = user_data;

  self->stats_source = 0;
  /* The list's areas on a view with a head model come with the stats. */
  self->updating = TRUE;
  update_list (self);
  self->updating = FALSE;
  update_stats (self);
  return G_SOURCE_REMOVE;
}

static void
refresh (HlZonePanel *self)
{
  self->updating = TRUE;
  update_list (self);
  update_detail (self);
  self->updating = FALSE;

  /* Statistics integrate densities: at most a few times a second. */
  if (self->stats_source == 0)
    self->stats_source = g_timeout_add (150, stats_timeout, self);
}

static void
on_document_changed (HlDocument  *document,
                     HlZonePanel *self)
{
  refresh (self);
}

void
hl_zone_panel_set_document (HlZonePanel *self,
                            HlDocument  *document)
{
  g_return_if_fail (HL_IS_ZONE_PANEL (self));
  g_return_if_fail (document == NULL || HL_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
      g_signal_connect_object (document, "notify::selected-zone", G_CALLBACK (refresh),
                               self, G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->list_signature, g_free);
  refresh (self);
}

const char *
hl_zone_panel_get_stats_text (HlZonePanel *self)
{
  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  return adw_action_row_get_subtitle (self->stats_row);
}

GtkSpinButton *
hl_zone_panel_get_param_spin (HlZonePanel *self,
                              const char  *key)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);

  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);

  for (guint i = 0; i < n && i < MAX_PARAMS; i++)
    if (g_strcmp0 (table[i].key, key) == 0)
      return self->param_spins[i];
  return NULL;
}

static void
on_row_selected (HlZonePanel   *self,
                 GtkListBoxRow *row)
{
  if (self->updating)
    return;

  if (self->document != NULL)
    hl_document_set_selected_zone (self->document, row != NULL ? gtk_list_box_row_get_index (row) : -1);
}

static void
on_param_changed (GtkSpinButton *spin,
                  HlZonePanel   *self)
{
  const HlZoneParamInfo *info = g_object_get_data (G_OBJECT (spin), "hl-param");
  const HlZone *zone = current_zone (self);
  HlZoneParams params;
  g_autofree char *label = NULL;

  if (self->updating || zone == NULL)
    return;

  params = zone->params;
  if (is_length (info))
    {
      HlUnit unit = hl_settings_get_unit ();
      double value = gtk_spin_button_get_value (spin);
      double half_step = 0.5 * pow (10.0, -(double) gtk_spin_button_get_digits (spin));

      /* The spin button reads back the rounded text it shows (on focus
       * out, on Enter): that is no change, and must not round the length. */
      if (fabs (value - hl_units_from_mm (hl_zone_param_get (&zone->params, info), unit)) < half_step)
        return;
      /* Rounding in inches may step just past the range kept in mm. */
      hl_zone_param_set (&params, info, CLAMP (hl_units_to_mm (value, unit), info->min, info->max));
    }
  else
    hl_zone_param_set (&params, info, gtk_spin_button_get_value (spin));
  if (hl_zone_param_get (&params, info) == hl_zone_param_get (&zone->params, info))
    return;
  /* Translators: an undo step; %s is a zone parameter, such as “Density”. */
  label = g_strdup_printf (_("Change %s"), hl_zone_param_info_get_label (info));
  apply_params (self, &params, label, info->key);
}

static void
on_follows_toggled (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneParams params;

  if (self->updating || zone == NULL)
    return;

  params = zone->params;
  params.follows_hairline = gtk_switch_get_active (self->follows_switch);
  if (params.follows_hairline != zone->params.follows_hairline)
    apply_params (self, &params, _("Follow the hairline"), "follows_hairline");
}

static void
on_head_toggled (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  const HlView *view = current_view (self);
  g_autoptr(HlZone) changed = NULL;
  gboolean on = gtk_switch_get_active (self->head_switch);

  if (self->updating || zone == NULL || view == NULL || !view->has_head || on == zone->on_head)
    return;
  changed = hl_zone_copy (zone);
  hl_zone_set_on_head (changed, on);
  apply (self, hl_edit_replace_zone (hl_document_get_design (self->document),
                                     hl_document_get_view_index (self->document),
                                     (guint) selected (self), changed),
         on ? _("Put the Zone on the Whole Head") : _("Keep the Zone in This View"), NULL);
}

static void
on_shade_set (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneParams params;
  HlColor old;

  if (self->updating || zone == NULL)
    return;

  params = zone->params;
  old = params.shade;
  hl_zone_params_set_shade (&params, get_rgba (self->shade_button));
  if (hl_color_equal (old, params.shade))
    return;
  apply_params (self, &params, _("Change shade"), "shade");
}

/* A shade from the dilution chart: as the colour button's, one undo step. */
static void
on_palette_chosen (HlPigmentPalette *palette,
                   guint             pigment,
                   guint             dilution,
                   HlZonePanel      *self)
{
  const HlZone *zone = current_zone (self);
  const HlDilutionChart *chart = hl_pigment_palette_get_chart (palette);
  const HlChartPigment *p;
  HlZoneParams params;

  if (zone == NULL || chart == NULL || pigment >= hl_dilution_chart_get_n_pigments (chart))
    return;
  p = hl_dilution_chart_get_pigment (chart, pigment);
  if (dilution >= p->dilutions->len)
    return;
  params = zone->params;
  hl_zone_params_set_shade (&params, hl_dilution_shade (p->colour, g_array_index (p->dilutions, HlDilution, dilution)));
  if (hl_color_equal (params.shade, zone->params.shade))
    return;
  apply_params (self, &params, _("Change shade"), NULL);
}

static void
on_use_suggestion_clicked (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneParams params;

  if (zone == NULL || !self->has_suggestion || self->suggested_zone != selected (self))
    return;
  params = zone->params;
  if (self->suggested_session >= 0 && (guint) self->suggested_session < params.n_sessions)
    params.sessions[self->suggested_session].shade = self->suggested_shade;
  else if (self->suggested_session < 0)
    hl_zone_params_set_shade (&params, self->suggested_shade);
  else
    return;
  self->has_suggestion = FALSE;
  if (memcmp (&params, &zone->params, sizeof params) == 0)
    {
      refresh (self);
      return;
    }
  apply_params (self, &params,
                self->suggested_session >= 0 ? _("Change session shade") : _("Change shade"), NULL);
}

static void
on_sessions_changed (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneParams params;
  guint n = (guint) gtk_spin_button_get_value_as_int (self->sessions_spin);

  if (self->updating || zone == NULL || n == zone->params.n_sessions)
    return;

  params = zone->params;
  hl_zone_params_set_n_sessions (&params, CLAMP (n, 1, HL_ZONE_MAX_SESSIONS));
  apply_params (self, &params, _("Change sessions"), "n_sessions");
}

static void
on_share_changed (GtkSpinButton *spin,
                  HlZonePanel   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "hl-session"));
  const HlZone *zone = current_zone (self);
  HlZoneParams params;
  static const char *keys[] = { "share-1", "share-2", "share-3", "share-4" };

  if (self->updating || zone == NULL || index >= zone->params.n_sessions)
    return;

  params = zone->params;
  hl_zone_params_set_session_share (&params, index, gtk_spin_button_get_value (spin) / 100.0);
  if (memcmp (params.sessions, zone->params.sessions, sizeof params.sessions) == 0)
    return;
  apply_params (self, &params, _("Change session share"), keys[index]);
}

static void
on_session_shade_set (GtkColorButton *button,
                      HlZonePanel    *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hl-session"));
  const HlZone *zone = current_zone (self);
  HlZoneParams params;
  static const char *keys[] = { "shade-1", "shade-2", "shade-3", "shade-4" };

  if (self->updating || zone == NULL || index >= zone->params.n_sessions)
    return;

  params = zone->params;
  params.sessions[index].shade = get_rgba (button);
  apply_params (self, &params, _("Change session shade"), keys[index]);
}

/* A session's shade from the dilution chart: as its colour button's, one
 * undo step. */
static void
on_session_palette_chosen (HlPigmentPalette *palette,
                           guint             pigment,
                           guint             dilution,
                           HlZonePanel      *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (palette), "hl-session"));
  const HlZone *zone = current_zone (self);
  const HlDilutionChart *chart = hl_pigment_palette_get_chart (palette);
  const HlChartPigment *p;
  HlZoneParams params;
  static const char *keys[] = { "shade-1", "shade-2", "shade-3", "shade-4" };

  if (zone == NULL || chart == NULL || index >= zone->params.n_sessions ||
      pigment >= hl_dilution_chart_get_n_pigments (chart))
    return;
  p = hl_dilution_chart_get_pigment (chart, pigment);
  if (dilution >= p->dilutions->len)
    return;
  params = zone->params;
  params.sessions[index].shade = hl_dilution_shade (p->colour, g_array_index (p->dilutions, HlDilution, dilution));
  if (hl_color_equal (params.sessions[index].shade, zone->params.sessions[index].shade))
    return;
  apply_params (self, &params, _("Change session shade"), keys[index]);
}

static void
on_pick_clicked (HlZonePanel *self)
{
  g_signal_emit (self, signals[PICK_SHADE], 0, -1);
}

static void
on_session_pick_clicked (GtkButton   *button,
                         HlZonePanel *self)
{
  g_signal_emit (self, signals[PICK_SHADE], 0,
                 (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "hl-session")));
}

static void
on_reseed_clicked (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  HlZoneParams params;

  if (zone == NULL)
    return;

  params = zone->params;
  do
    params.seed = g_random_int ();
  while (params.seed == zone->params.seed);
  apply_params (self, &params, _("Reshuffle dots"), NULL);
}

static void
on_name_changed (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (text));

  if (self->updating || zone == NULL || *name == '\0' || g_str_equal (name, zone->name))
    return;

  apply (self,
         hl_edit_set_zone_name (hl_document_get_design (self->document),
                                hl_document_get_view_index (self->document),
                                (guint) selected (self), name),
         _("Rename zone"), "name");
}

static void
on_kind_selected (HlZonePanel *self)
{
  const HlZone *zone = current_zone (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || zone == NULL || kind > HL_ZONE_CUSTOM || kind == (guint) zone->kind)
    return;

  apply (self,
         hl_edit_set_zone_kind (hl_document_get_design (self->document),
                                hl_document_get_view_index (self->document),
                                (guint) selected (self), (HlZoneKind) kind),
         _("Change zone kind"), NULL);
}

static void
move_selected (HlZonePanel *self,
               int          delta)
{
  const HlView *view = current_view (self);
  int to = selected (self) + delta;

  if (view == NULL || selected (self) < 0 || to < 0 || to >= (int) hl_view_get_n_zones (view))
    return;

  apply (self,
         hl_edit_move_zone (hl_document_get_design (self->document),
                            hl_document_get_view_index (self->document),
                            (guint) selected (self), (guint) to),
         _("Reorder zones"), NULL);
  hl_document_set_selected_zone (self->document, to);
}

static void
on_up_clicked (HlZonePanel *self)
{
  move_selected (self, -1);
}

static void
on_down_clicked (HlZonePanel *self)
{
  move_selected (self, +1);
}

static void
on_remove_clicked (HlZonePanel *self)
{
  HlDesign *next;

  if (current_zone (self) == NULL)
    return;

  next = hl_edit_remove_zone (hl_document_get_design (self->document),
                              hl_document_get_view_index (self->document),
                              (guint) selected (self));
  apply (self, next, _("Delete zone"), NULL);
}

/* A row with a spin button for every number of the parameter table. */
static void
build_param_rows (HlZonePanel *self)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);

  g_assert (n <= MAX_PARAMS);

  for (guint i = 0; i < n; i++)
    {
      const HlZoneParamInfo *info = &table[i];
      GtkWidget *row = adw_action_row_new ();
      GtkAdjustment *adjustment = gtk_adjustment_new (info->default_value, info->min, info->max,
                                                      info->step, info->step * 10, 0);
      GtkWidget *spin = gtk_spin_button_new (adjustment, info->step, info->digits);
      g_autofree char *subtitle = NULL;
      /* The table's texts are marked in the core; translated here, where
       * they are shown. */
      const char *label = hl_zone_param_info_get_label (info);

      if (info->unit[0] != '\0')
        subtitle = g_strdup_printf ("%s (%g–%g)", hl_zone_param_info_get_unit (info), info->min, info->max);
      else
        subtitle = g_strdup_printf ("%g–%g", info->min, info->max);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, hl_zone_param_info_get_description (info));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      /* Named by its row (adw_action_row_set_activatable_widget() labels
       * it by the row's title): a label of its own would say it twice. */
      g_object_set_data (G_OBJECT (spin), "hl-param", (gpointer) info);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_param_changed), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->params_group, row);
      self->param_spins[i] = GTK_SPIN_BUTTON (spin);
      self->param_rows[i] = ADW_ACTION_ROW (row);
    }
  show_units (self);
}

/* The length rows in the unit chosen in the preferences: range, steps,
 * decimals and the unit in the subtitle (values follow in update_detail). */
static void
show_units (HlZonePanel *self)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);
  HlUnit unit = hl_settings_get_unit ();
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  for (guint i = 0; i < n && i < MAX_PARAMS; i++)
    {
      const HlZoneParamInfo *info = &table[i];
      GtkSpinButton *spin = self->param_spins[i];
      g_autofree char *subtitle = NULL;
      g_autofree char *min = NULL, *max = NULL;

      if (!is_length (info))
        continue;
      gtk_spin_button_set_digits (spin, (guint) hl_units_decimals (unit, (int) info->digits));
      gtk_spin_button_set_range (spin, hl_units_from_mm (info->min, unit), hl_units_from_mm (info->max, unit));
      gtk_spin_button_set_increments (spin, hl_units_from_mm (info->step, unit),
                                      hl_units_from_mm (info->step, unit) * 10.0);
      min = g_strdup_printf ("%g", hl_units_from_mm (info->min, unit));
      max = g_strdup_printf ("%.*f", hl_units_decimals (unit, 0), hl_units_from_mm (info->max, unit));
      subtitle = g_strdup_printf ("%s (%s–%s)", hl_unit_get_symbol (unit), min, max);
      adw_action_row_set_subtitle (self->param_rows[i], subtitle);
    }
  self->updating = was_updating;
}

static void
on_unit_changed (HlZonePanel *self)
{
  show_units (self);
  refresh (self);
  update_stats (self);
}

/* Share and shade rows for every possible session. */
static void
build_session_rows (HlZonePanel *self)
{
  for (guint i = 0; i < HL_ZONE_MAX_SESSIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (1, 99, 1);
      GtkWidget *shade = gtk_color_button_new ();
      GtkWidget *pick = gtk_button_new_from_icon_name ("color-select-symbolic");
      g_autofree char *title = g_strdup_printf (_("Session %u"), i + 1);
      g_autofree char *share_name = g_strdup_printf (_("Session %u share"), i + 1);
      g_autofree char *shade_name = g_strdup_printf (_("Session %u shade"), i + 1);
      g_autofree char *pick_name = g_strdup_printf (_("Pick the Shade of Session %u From the Photo"), i + 1);
      g_autofree char *palette_name = g_strdup_printf (_("Session %u shade from the dilution chart"), i + 1);
      GtkWidget *palette, *ways;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Translators: not a format: “%” is the percent sign. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Share (%) and shade"));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (shade, GTK_ALIGN_CENTER);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (shade), FALSE);
      gtk_color_button_set_title (GTK_COLOR_BUTTON (shade), shade_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, share_name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (shade),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, shade_name, -1);
      g_object_set_data (G_OBJECT (spin), "hl-session", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (shade), "hl-session", GUINT_TO_POINTER (i));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_share_changed), self, 0);
      g_signal_connect_object (shade, "color-set", G_CALLBACK (on_session_shade_set), self, 0);
      gtk_widget_set_valign (pick, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (pick, "flat");
      gtk_widget_set_tooltip_text (pick, _("Pick this session's shade from the photo"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (pick), GTK_ACCESSIBLE_PROPERTY_LABEL, pick_name, -1);
      g_object_set_data (G_OBJECT (pick), "hl-session", GUINT_TO_POINTER (i));
      g_signal_connect_object (pick, "clicked", G_CALLBACK (on_session_pick_clicked), self, 0);
      /* The dilution chart's shades, as for the zone's shade. */
      palette = hl_pigment_palette_new_from_icon_name ("preferences-color-symbolic",
                                                       _("Choose this session's shade from the dilution chart"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (hl_pigment_palette_get_button (HL_PIGMENT_PALETTE (palette))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, palette_name, -1);
      g_object_set_data (G_OBJECT (palette), "hl-session", GUINT_TO_POINTER (i));
      g_signal_connect_object (palette, "chosen", G_CALLBACK (on_session_palette_chosen), self, 0);
      /* The two ways to a shade other than the colour button, one above
       * the other: the row keeps room for its title in a narrow panel. */
      ways = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_valign (ways, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (palette, GTK_ALIGN_FILL);
      gtk_widget_set_valign (hl_pigment_palette_get_button (HL_PIGMENT_PALETTE (palette)), GTK_ALIGN_FILL);
      gtk_box_append (GTK_BOX (ways), pick);
      gtk_box_append (GTK_BOX (ways), palette);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ways);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), shade);
      adw_preferences_group_add (self->sessions_group, row);
      self->session_rows[i] = row;
      self->share_spins[i] = GTK_SPIN_BUTTON (spin);
      self->session_shades[i] = GTK_COLOR_BUTTON (shade);
      self->session_palettes[i] = palette;
    }
}

static void
hl_zone_panel_dispose (GObject *object)
{
  HlZonePanel *self = HL_ZONE_PANEL (object);

  g_clear_handle_id (&self->stats_source, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->list_signature, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_ZONE_PANEL);

  G_OBJECT_CLASS (hl_zone_panel_parent_class)->dispose (object);
}

/* The dilution chart's button beside the shade, and the row the
 * eyedropper's suggestion shows in. */
static void
build_pigment_rows (HlZonePanel *self)
{
  GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use"));

  self->palette = hl_pigment_palette_new (_("_Pigment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (hl_pigment_palette_get_button (HL_PIGMENT_PALETTE (self->palette))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zone shade from the dilution chart"), -1);
  adw_action_row_add_suffix (self->shade_row, self->palette);
  g_signal_connect_object (self->palette, "chosen", G_CALLBACK (on_palette_chosen), self, 0);

  self->suggestion_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), _("Nearest Pigment"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->suggestion_row), FALSE);
  gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (use, _("Use this pigment and dilution as the shade"));
  adw_action_row_add_suffix (self->suggestion_row, use);
  g_signal_connect_object (use, "clicked", G_CALLBACK (on_use_suggestion_clicked), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_row), FALSE);
  /* Right under the shade it is about. */
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->shade_row))),
                       GTK_WIDGET (self->suggestion_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->shade_row)) + 1);
}

/* The "On the Whole Head" row, under "Follows the hairline". */
static void
build_head_row (HlZonePanel *self)
{
  GtkWidget *follows_row = gtk_widget_get_ancestor (GTK_WIDGET (self->follows_switch), ADW_TYPE_ACTION_ROW);

  self->head_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->head_row), _("On the Whole Head"));
  adw_action_row_set_subtitle (self->head_row, _("Shown, with the same dots, in every view of this head that sees it"));
  self->head_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->head_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->head_row, GTK_WIDGET (self->head_switch));
  adw_action_row_set_activatable_widget (self->head_row, GTK_WIDGET (self->head_switch));
  g_signal_connect_object (self->head_switch, "notify::active", G_CALLBACK (on_head_toggled), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (follows_row)), GTK_WIDGET (self->head_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (follows_row)) + 1);
}

static void
hl_zone_panel_class_init (HlZonePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_zone_panel_dispose;

  /**
   * HlZonePanel::pick-shade:
   * @session: the session whose shade to pick, -1 for the zone's
   *
   * The user asked to take a shade from the photo (the eyedropper).
   */
  signals[PICK_SHADE] = g_signal_new ("pick-shade", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hlzonepanel");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-zone-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, zone_list);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, up_button);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, down_button);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, remove_button);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, detail_box);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, kind_list);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, stats_row);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, params_group);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, follows_switch);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, shade_button);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, shade_row);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, HlZonePanel, sessions_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_follows_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_shade_set);
  gtk_widget_class_bind_template_callback (widget_class, on_sessions_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reseed_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
hl_zone_panel_init (HlZonePanel *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_a11y_name_entry_row (self->name_row);
  for (guint k = HL_ZONE_FRONTAL; k <= HL_ZONE_CUSTOM; k++)
    gtk_string_list_append (self->kind_list, hl_zone_kind_get_label ((HlZoneKind) k));
  build_param_rows (self);
  build_session_rows (self);
  build_pigment_rows (self);
  build_head_row (self);
  self->updating = FALSE;
  update_detail (self);
  /* Session times follow the rate set in the preferences. */
  if (hl_settings_get () != NULL)
    {
      g_signal_connect_object (hl_settings_get (), "changed::dots-per-minute",
                               G_CALLBACK (update_stats), self, G_CONNECT_SWAPPED);
      /* Lengths follow the unit chosen. */
      g_signal_connect_object (hl_settings_get (), "changed::length-unit",
                               G_CALLBACK (on_unit_changed), self, G_CONNECT_SWAPPED);
    }
}

GtkWidget *
hl_zone_panel_new (void)
{
  return g_object_new (HL_TYPE_ZONE_PANEL, NULL);
}

char *
hl_zone_panel_suggest_dilution (HlZonePanel *self,
                                HlTool      *tool,
                                int          session)
{
  g_autoptr(HlDilutionChart) chart = hl_settings_dup_dilution_chart ();
  HlDilutionMatch match;
  int type = 3;
  gboolean assumed = TRUE;
  char *text;

  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  g_return_val_if_fail (tool != NULL, NULL);

  if (self->document == NULL || selected (self) < 0 ||
      !hl_tool_eyedropper_suggest (tool, chart, &match, &type, &assumed))
    return NULL;
  text = hl_dilution_match_describe (chart, &match, type, assumed);
  self->has_suggestion = TRUE;
  self->suggested_shade = match.shade;
  self->suggested_zone = selected (self);
  self->suggested_view = hl_document_get_view_index (self->document);
  self->suggested_session = session;
  adw_action_row_set_subtitle (self->suggestion_row, text);
  refresh (self);
  return text;
}

GtkWidget *
hl_zone_panel_get_palette (HlZonePanel *self)
{
  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  return self->palette;
}

GtkWidget *
hl_zone_panel_get_session_palette (HlZonePanel *self,
                                   guint        session)
{
  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  g_return_val_if_fail (session < HL_ZONE_MAX_SESSIONS, NULL);
  return self->session_palettes[session];
}

GtkWidget *
hl_zone_panel_get_suggestion_row (HlZonePanel *self)
{
  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  return GTK_WIDGET (self->suggestion_row);
}

GtkSwitch *
hl_zone_panel_get_head_switch (HlZonePanel *self)
{
  g_return_val_if_fail (HL_IS_ZONE_PANEL (self), NULL);
  return self->head_switch;
}
