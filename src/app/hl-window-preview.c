/* hl-window-preview.c: showing the design to the client.
 *
 * Stateful window actions drive the canvas's preview (hl-canvas-preview.h):
 *
 *   win.stage         'fresh' | 'healed' | 'aged'        S steps through
 *   win.session       0 (all) or k: after session k       N steps through
 *   win.compare       'off' | 'split' | 'side-by-side'    Ctrl+B steps through
 *   win.mirror        flipped left-right                  M
 *   win.density-map   the achieved density and a legend   D
 *   win.presentation  full screen for the client          F11
 *
 * They show in the header bar's Preview menu. Presenting hides the header
 * bar, the status bar, the zone panel and the hints; Left and Right step
 * through the sessions and stages, Up and Down through the views (through
 * win.view, when the window has it), Escape restores what was shown before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-window-private.h"

/* Sessions of the shown view: the most any of its zones has (1 without
 * zones). */
static guint
shown_n_sessions (HlWindow *self)
{
  HlDesign *design = self->loading ? NULL : hl_document_get_design (self->document);
  guint index = hl_document_get_view_index (self->document);
  const HlView *view;
  guint n = 1;

  if (design == NULL || index >= hl_design_get_n_views (design))
    return 1;
  view = hl_design_get_view (design, index);
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    n = MAX (n, hl_view_get_zone (view, z)->params.n_sessions);
  return n;
}

/* Presenting, nothing but the design; comparing, no tool hint (the
 * tools rest). The tools' update shows them again. */
static void
hide_hints (HlWindow *self)
{
  if (self->preview.presentation || self->preview.compare != HL_COMPARE_OFF)
    gtk_widget_set_visible (GTK_WIDGET (self->tool_hint), FALSE);
  if (self->preview.presentation)
    gtk_widget_set_visible (self->hint_card, FALSE);
}

static void
apply_preview (HlWindow *self)
{
  hl_canvas_set_preview (self->canvas, &self->preview);
  _hl_window_tools_update (self);
  hide_hints (self);
}

/* The Preview menu; the sessions part follows the shown design. */
static void
build_preview_menu (HlWindow *self,
                    guint     n_sessions)
{
  /* Labels by value; each item's target is the value's nick. */
  static const char * const stages[] = {
    [HL_STAGE_FRESH] = N_("_Fresh"), [HL_STAGE_HEALED] = N_("_Healed"),
    [HL_STAGE_AGED] = N_("_Aged (years later)"),
  };
  static const char * const compares[] = {
    [HL_COMPARE_OFF] = N_("_Design Only"), [HL_COMPARE_SPLIT] = N_("_Before | After Split"),
    [HL_COMPARE_SIDE_BY_SIDE] = N_("Before and After _Side by Side"),
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) stage = g_menu_new ();
  g_autoptr(GMenu) sessions = g_menu_new ();
  g_autoptr(GMenu) compare = g_menu_new ();
  g_autoptr(GMenu) toggles = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(stages[i]), NULL);

      g_menu_item_set_action_and_target (item, "win.stage", "s", hl_stage_to_string ((HlStage) i));
      g_menu_append_item (stage, item);
    }
  {
    g_autoptr(GMenuItem) all = g_menu_item_new (_("All _Sessions"), NULL);

    g_menu_item_set_action_and_target (all, "win.session", "i", 0);
    g_menu_append_item (sessions, all);
  }
  for (guint k = 1; k < n_sessions; k++)
    {
      /* Translators: a menu item; the underscore marks the access key. */
      g_autofree char *label = g_strdup_printf (_("After Session _%u of %u"), k, n_sessions);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.session", "i", (gint32) k);
      g_menu_append_item (sessions, item);
    }
  for (guint i = 0; i < G_N_ELEMENTS (compares); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(compares[i]), NULL);

      g_menu_item_set_action_and_target (item, "win.compare", "s", hl_compare_to_string ((HlCompare) i));
      g_menu_append_item (compare, item);
    }
  g_menu_append (toggles, _("_Mirror"), "win.mirror");
  g_menu_append (toggles, _("Density _Map"), "win.density-map");
  g_menu_append (toggles, _("_Present Full Screen"), "win.presentation");

  g_menu_append_section (menu, _("Stage"), G_MENU_MODEL (stage));
  g_menu_append_section (menu, _("Sessions"), G_MENU_MODEL (sessions));
  g_menu_append_section (menu, _("Compare"), G_MENU_MODEL (compare));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (toggles));
  /* The canvas's loupe and "seen from" (canvas.loupe, canvas.seen-from). */
  g_menu_append_section (menu, NULL, hl_canvas_get_preview_menu (self->canvas));
  gtk_menu_button_set_menu_model (self->preview_button, G_MENU_MODEL (menu));
  self->preview_menu_sessions = n_sessions;
}

void
_hl_window_preview_update (HlWindow *self)
{
  HlDesign *design = self->loading ? NULL : hl_document_get_design (self->document);
  guint n = shown_n_sessions (self);
  const char * const actions[] = {
    "win.stage", "win.session", "win.compare", "win.mirror", "win.density-map", "win.presentation",
  };

  if (n != self->preview_menu_sessions)
    build_preview_menu (self, n);
  /* "After session k" of a design with fewer sessions shows them all. */
  if (self->preview.sessions >= n && self->preview.sessions != 0)
    {
      self->preview.sessions = 0;
      apply_preview (self);
      g_object_notify (G_OBJECT (self), "session");
    }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    _hl_window_set_action_enabled (self, actions[i], design != NULL);

  hide_hints (self);
}

/* Presentation */

static void
set_presentation (HlWindow *self,
                  gboolean  on)
{
  if (!self->preview.presentation == !on)
    return;

  if (on)
    {
      self->before_presenting = self->preview;
      self->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->panel_before = self->show_panel;
      if (self->length_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->length_popover));
      self->preview.presentation = TRUE;
      gtk_widget_set_visible (self->header_bar, FALSE);
      gtk_widget_set_visible (self->status_bar, FALSE);
      g_object_set (self, "show-panel", FALSE, NULL);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    {
      /* Back to what was shown before: the steps taken while presenting
       * were for the client. */
      self->preview.stage = self->before_presenting.stage;
      self->preview.sessions = self->before_presenting.sessions;
      self->preview.presentation = FALSE;
      gtk_widget_set_visible (self->header_bar, TRUE);
      gtk_widget_set_visible (self->status_bar, TRUE);
      g_object_set (self, "show-panel", self->panel_before, NULL);
      if (!self->was_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      g_object_notify (G_OBJECT (self), "stage");
      g_object_notify (G_OBJECT (self), "session");
    }

  apply_preview (self);
  _hl_window_preview_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  g_object_notify (G_OBJECT (self), "presentation");
}

/* Left and Right: session 1, 2, …, all (fresh), then healed and aged. */
static void
step_stage (HlWindow *self,
            int       direction)
{
  guint n = shown_n_sessions (self);
  int last = (int) n + 1;   /* steps 0 … n − 2: sessions; n − 1: all fresh; n, n + 1: healed, aged */
  int index;

  if (self->preview.stage != HL_STAGE_FRESH)
    index = (int) n - 1 + (int) self->preview.stage;
  else if (self->preview.sessions > 0 && self->preview.sessions < n)
    index = (int) self->preview.sessions - 1;
  else
    index = (int) n - 1;

  index = CLAMP (index + direction, 0, last);
  if (index < (int) n - 1)
    g_object_set (self, "stage", hl_stage_to_string (HL_STAGE_FRESH), "session", index + 1, NULL);
  else
    g_object_set (self, "stage", hl_stage_to_string ((HlStage) (index - ((int) n - 1))), "session", 0, NULL);
}

/* Up and Down: the next view, through win.view when the window has it
 * (its target the view's index, as an integer or a string). */
static void
step_view (HlWindow *self,
           int       direction)
{
  HlDesign *design = hl_document_get_design (self->document);
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  const GVariantType *type = NULL;
  const char *name, *property;
  GType owner;
  gboolean found = FALSE;
  guint n, next;
  GVariant *target;

  if (design == NULL || (n = hl_design_get_n_views (design)) < 2)
    return;
  for (guint i = 0; !found && gtk_widget_class_query_action (klass, i, &owner, &name, &type, &property); i++)
    found = g_str_equal (name, "win.view");
  if (!found || type == NULL)
    return;

  next = (hl_document_get_view_index (self->document) + n + (guint) (direction + (int) n)) % n;
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    target = g_variant_new_uint32 (next);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    target = g_variant_new_int32 ((gint32) next);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *text = g_strdup_printf ("%u", next);

      target = g_variant_new_string (text);
    }
  else
    return;
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.view", target);
}

static gboolean
on_presentation_key (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     HlWindow              *self)
{
  if (!self->preview.presentation || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      set_presentation (self, FALSE);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step_stage (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_space:
      step_stage (self, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step_view (self, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step_view (self, 1);
      return TRUE;
    /* The preview's own keys still work. */
    case GDK_KEY_F11:
    case GDK_KEY_s:
    case GDK_KEY_n:
    case GDK_KEY_m:
    case GDK_KEY_d:
      return FALSE;
    default:
      /* Editing keys (the tools') do nothing in front of the client. */
      return TRUE;
    }
}

/* Keys that step through a stateful action's values. */

static gboolean
next_stage (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  HlWindow *self = HL_WINDOW (widget);

  if (hl_window_get_design (self) == NULL)
    return FALSE;
  g_object_set (self, "stage", hl_stage_to_string ((HlStage) ((self->preview.stage + 1) % 3)), NULL);
  return TRUE;
}

static gboolean
next_session (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  HlWindow *self = HL_WINDOW (widget);
  guint n = shown_n_sessions (self);

  if (hl_window_get_design (self) == NULL)
    return FALSE;
  /* 1, 2, …, n − 1, then all. */
  g_object_set (self, "session", (int) ((self->preview.sessions + 1) % n), NULL);
  return TRUE;
}

static gboolean
next_compare (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  HlWindow *self = HL_WINDOW (widget);

  if (hl_window_get_design (self) == NULL)
    return FALSE;
  g_object_set (self, "compare", hl_compare_to_string ((HlCompare) ((self->preview.compare + 1) % 3)), NULL);
  return TRUE;
}

/* Properties behind the actions */

gboolean
_hl_window_preview_set_property (HlWindow     *self,
                                 guint         prop_id,
                                 const GValue *value)
{
  switch (prop_id)
    {
    case PROP_STAGE:
      {
        HlStage stage;

        if (!hl_stage_from_string (g_value_get_string (value), &stage))
          return TRUE;
        if (stage != self->preview.stage)
          {
            self->preview.stage = stage;
            apply_preview (self);
            g_object_notify (G_OBJECT (self), "stage");
          }
        return TRUE;
      }

    case PROP_SESSION:
      {
        int session = g_value_get_int (value);

        /* Only sessions the shown design has; its last is all of them. */
        if (session < 0 || (guint) session >= shown_n_sessions (self))
          session = 0;
        if ((guint) session != self->preview.sessions)
          {
            self->preview.sessions = (guint) session;
            apply_preview (self);
            g_object_notify (G_OBJECT (self), "session");
          }
        return TRUE;
      }

    case PROP_COMPARE:
      {
        HlCompare compare;

        if (!hl_compare_from_string (g_value_get_string (value), &compare))
          return TRUE;
        if (compare != self->preview.compare)
          {
            self->preview.compare = compare;
            apply_preview (self);
            g_object_notify (G_OBJECT (self), "compare");
          }
        return TRUE;
      }

    case PROP_MIRROR:
      if (!self->preview.mirror != !g_value_get_boolean (value))
        {
          self->preview.mirror = g_value_get_boolean (value);
          apply_preview (self);
          g_object_notify (G_OBJECT (self), "mirror");
        }
      return TRUE;

    case PROP_DENSITY_MAP:
      if (!self->preview.density_map != !g_value_get_boolean (value))
        {
          self->preview.density_map = g_value_get_boolean (value);
          apply_preview (self);
          g_object_notify (G_OBJECT (self), "density-map");
        }
      return TRUE;

    case PROP_PRESENTATION:
      set_presentation (self, g_value_get_boolean (value));
      return TRUE;

    default:
      return FALSE;
    }
}

gboolean
_hl_window_preview_get_property (HlWindow *self,
                                 guint     prop_id,
                                 GValue   *value)
{
  switch (prop_id)
    {
    case PROP_STAGE: g_value_set_string (value, hl_stage_to_string (self->preview.stage)); return TRUE;
    case PROP_SESSION: g_value_set_int (value, (int) self->preview.sessions); return TRUE;
    case PROP_COMPARE: g_value_set_string (value, hl_compare_to_string (self->preview.compare)); return TRUE;
    case PROP_MIRROR: g_value_set_boolean (value, self->preview.mirror); return TRUE;
    case PROP_DENSITY_MAP: g_value_set_boolean (value, self->preview.density_map); return TRUE;
    case PROP_PRESENTATION: g_value_set_boolean (value, self->preview.presentation); return TRUE;
    default: return FALSE;
    }
}

void
_hl_window_preview_class_init (GtkWidgetClass  *widget_class,
                               GParamSpec     **properties)
{
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, "How the dots look: fresh, healed or aged",
                         hl_stage_to_string (HL_STAGE_FRESH),
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_int ("session", NULL, "Show the result after this session (0: all sessions)",
                      0, HL_ZONE_MAX_SESSIONS, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_string ("compare", NULL, "Before and after: off, split or side-by-side",
                         hl_compare_to_string (HL_COMPARE_OFF),
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIRROR] =
    g_param_spec_boolean ("mirror", NULL, "Whether the view is flipped as in a mirror", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DENSITY_MAP] =
    g_param_spec_boolean ("density-map", NULL, "Whether the achieved density is coloured", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTATION] =
    g_param_spec_boolean ("presentation", NULL, "Whether the design is presented full screen", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
_hl_window_preview_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "win.stage", "stage");
  gtk_widget_class_install_property_action (widget_class, "win.session", "session");
  gtk_widget_class_install_property_action (widget_class, "win.compare", "compare");
  gtk_widget_class_install_property_action (widget_class, "win.mirror", "mirror");
  gtk_widget_class_install_property_action (widget_class, "win.density-map", "density-map");
  gtk_widget_class_install_property_action (widget_class, "win.presentation", "presentation");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, 0, next_stage, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, 0, next_session, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, next_compare, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "win.mirror", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, 0, "win.density-map", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.presentation", NULL);
}

void
_hl_window_preview_bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, preview_button);
}

void
_hl_window_preview_init (HlWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  hl_preview_init (&self->preview);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", hl_canvas_get_actions (self->canvas));
  /* Before the canvas sees them: arrows step, Escape leaves. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_presentation_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  build_preview_menu (self, shown_n_sessions (self));
}
