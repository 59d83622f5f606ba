/* hl-canvas-loupe.c: the loupe and "seen from" on the canvas.
 *
 * The loupe (hl-loupe.h) is drawn last, over the layers, the tool's pass
 * and the labels, in a node no larger than its circle. Over the "before"
 * side of a comparison it shows the photo alone; it always shows pixels
 * as they are (seen from close up through a magnifier), whatever "seen
 * from" says.
 *
 * "Seen from" (hl-acuity.h for the model and its sources) blurs the photo
 * and the dots by what the eye does not resolve at that distance: σ =
 * d · tan(1′) / 2.355 mm on the scalp (a Gaussian whose FWHM is the
 * smallest detail resolved), in image px through the view's calibration
 * and in device px through the zoom. The design layer's photo-and-dots
 * surface is copied, blurred and the lines drawn again over it, sharp
 * (they are the practitioner's marks, not the client's scalp); the copy
 * is kept until the design layer is drawn again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-acuity.h"
#include "hl-canvas-private.h"

/* Ctrl+arrows move the loupe this many widget px (Shift: five times). */
#define LOUPE_STEP 20.0

/* Under this σ (device px) the blur changes no pixel worth seeing. */
#define MIN_SIGMA 0.25

static HlPhoto *
shown_photo (HlCanvas *self)
{
  return self->document != NULL ? hl_document_get_photo (self->document) : NULL;
}

/* The shown view's mm per image px, 0 without a calibration. */
static double
calibrated_mm_per_px (HlCanvas *self)
{
  const HlView *view = _hl_canvas_shown_view (self);
  gboolean calibrated = FALSE;
  double mm;

  if (view == NULL)
    return 0;
  mm = hl_view_get_mm_per_px (view, &calibrated);
  return calibrated ? mm : 0;
}

double
_hl_canvas_loupe_radius (HlCanvas *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  return MAX (16.0, MIN (HL_LOUPE_RADIUS, MIN (w, h) / 3.0));
}

/* Inside the widget, centre and all. */
static HlPoint
clamp_center (HlCanvas *self,
              HlPoint   p)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  p.x = CLAMP (isfinite (p.x) ? p.x : 0, 0, MAX (w, 0));
  p.y = CLAMP (isfinite (p.y) ? p.y : 0, 0, MAX (h, 0));
  return p;
}

/* Where the loupe goes when it was not put anywhere: over the middle of
 * the hairline, where the soft front edge shows (the middle of a curved
 * band's box can fall on bare skin), else over the middle of what is drawn
 * (the zones), else of the widget. */
static HlPoint
default_center (HlCanvas *self)
{
  const HlView *view = _hl_canvas_shown_view (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  HlPoint p = { w / 2.0, h / 2.0 };
  guint n = 0;
  const HlPoint *line = view != NULL && view->hairline != NULL ? hl_curve_get_polyline (view->hairline, &n) : NULL;

  if (n > 0)
    p = hl_canvas_image_to_widget (self, line[n / 2]);
  else if (view != NULL)
    {
      HlRect bounds = hl_render_design_bounds (shown_photo (self), view, 0);

      if (!hl_rect_is_empty (bounds))
        p = hl_canvas_image_to_widget (self, (HlPoint) { (bounds.x0 + bounds.x1) / 2, (bounds.y0 + bounds.y1) / 2 });
    }
  return clamp_center (self, p);
}

static HlPoint
loupe_center (HlCanvas *self)
{
  return self->loupe_placed ? clamp_center (self, self->loupe_at) : default_center (self);
}

gboolean
_hl_canvas_on_loupe (HlCanvas *self,
                     double    x,
                     double    y)
{
  HlPoint c;

  if (!self->loupe_on || _hl_canvas_shown_view (self) == NULL)
    return FALSE;
  c = loupe_center (self);
  return hypot (x - c.x, y - c.y) <= _hl_canvas_loupe_radius (self);
}

/* Actions and menu */

static void
set_action_state (HlCanvas   *self,
                  const char *name,
                  GVariant   *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
}

static void
on_loupe_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       data)
{
  hl_canvas_set_loupe (HL_CANVAS (data), g_variant_get_boolean (value));
}

static void
on_seen_from_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       data)
{
  HlSeenFrom seen_from;

  if (hl_seen_from_from_string (g_variant_get_string (value, NULL), &seen_from))
    hl_canvas_set_seen_from (HL_CANVAS (data), seen_from);
}

/* The "seen from" section, titled by whether it can be used. */
static void
update_menu (HlCanvas *self,
             gboolean  calibrated)
{
  if (self->menu_calibrated == calibrated)
    return;
  if (self->menu_calibrated >= 0)
    g_menu_remove (self->menu, 1);
  g_menu_insert_section (self->menu, 1,
                         calibrated ? _("Seen From") :
                         /* Translators: a menu section's title; its choices are disabled. */
                         _("Seen From (needs calibration)"),
                         G_MENU_MODEL (self->seen_from_section));
  self->menu_calibrated = calibrated;
}

static void
build_menu (HlCanvas *self)
{
  static const char * const labels[] = {
    [HL_SEEN_FROM_OFF] = N_("Pi_xel-Exact (Off)"),
    [HL_SEEN_FROM_CLOSE_UP] = N_("Close-_Up (30 cm)"),
    [HL_SEEN_FROM_CONVERSATION] = N_("_Conversation (1 m)"),
    [HL_SEEN_FROM_ROOM] = N_("Across a _Room (3 m)"),
  };
  g_autoptr(GMenu) loupe = g_menu_new ();

  self->menu = g_menu_new ();
  self->seen_from_section = g_menu_new ();
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Loupe"), "canvas.loupe");

    /* The menu shows the key of the shortcut controller's trigger. */
    g_menu_item_set_attribute (item, "accel", "s", "<Control>l");
    g_menu_append_item (loupe, item);
  }
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (loupe));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(labels[i]), NULL);

      g_menu_item_set_action_and_target (item, "canvas.seen-from", "s", hl_seen_from_to_string ((HlSeenFrom) i));
      g_menu_append_item (self->seen_from_section, item);
    }
  self->menu_calibrated = -1;
  update_menu (self, FALSE);
}

void
_hl_canvas_loupe_update (HlCanvas *self)
{
  gboolean calibrated = calibrated_mm_per_px (self) > 0;
  GAction *seen = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "seen-from");
  GAction *loupe = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "loupe");

  g_clear_pointer (&self->seen_after, cairo_surface_destroy);
  g_clear_pointer (&self->seen_before, cairo_surface_destroy);
  g_clear_pointer (&self->seen_after_src, cairo_surface_destroy);
  g_clear_pointer (&self->seen_before_src, cairo_surface_destroy);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (loupe), _hl_canvas_shown_view (self) != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (seen), calibrated);
  update_menu (self, calibrated);
  if (!calibrated && self->seen_from != HL_SEEN_FROM_OFF)
    hl_canvas_set_seen_from (self, HL_SEEN_FROM_OFF);
}

GActionGroup *
hl_canvas_get_actions (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

GMenuModel *
hl_canvas_get_preview_menu (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return G_MENU_MODEL (self->menu);
}

/* State */

void
hl_canvas_set_loupe (HlCanvas *self,
                     gboolean  shown)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  shown = !!shown;
  if (shown == self->loupe_on)
    return;
  self->loupe_on = shown;
  self->loupe_placed = FALSE;
  self->loupe_dragging = FALSE;
  if (!shown)
    hl_loupe_drop (self->loupe);
  set_action_state (self, "loupe", g_variant_new_boolean (shown));
  _hl_canvas_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
hl_canvas_get_loupe (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), FALSE);
  return self->loupe_on;
}

void
hl_canvas_move_loupe (HlCanvas *self,
                      double    x,
                      double    y)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  self->loupe_at = clamp_center (self, (HlPoint) { x, y });
  self->loupe_placed = TRUE;
  if (self->loupe_on)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hl_canvas_get_loupe_center (HlCanvas *self,
                            double   *x,
                            double   *y)
{
  HlPoint c;

  g_return_if_fail (HL_IS_CANVAS (self));
  c = loupe_center (self);
  if (x != NULL)
    *x = c.x;
  if (y != NULL)
    *y = c.y;
}

void
hl_canvas_set_seen_from (HlCanvas   *self,
                         HlSeenFrom  seen_from)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (seen_from <= HL_SEEN_FROM_ROOM);

  /* Only with a calibration: the distance means nothing without mm. */
  if (seen_from != HL_SEEN_FROM_OFF && calibrated_mm_per_px (self) <= 0)
    seen_from = HL_SEEN_FROM_OFF;
  if (seen_from == self->seen_from)
    return;
  self->seen_from = seen_from;
  g_clear_pointer (&self->seen_after, cairo_surface_destroy);
  g_clear_pointer (&self->seen_before, cairo_surface_destroy);
  set_action_state (self, "seen-from", g_variant_new_string (hl_seen_from_to_string (seen_from)));
  _hl_canvas_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

HlSeenFrom
hl_canvas_get_seen_from (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), HL_SEEN_FROM_OFF);
  return self->seen_from;
}

/* Seen from a distance */

/* A blurred copy of @source (transfer full). */
static cairo_surface_t *
blurred_copy (cairo_surface_t *source,
              double           sigma)
{
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      cairo_image_surface_get_width (source),
                                                      cairo_image_surface_get_height (source));
  cairo_t *cr = cairo_create (copy);

  cairo_set_source_surface (cr, source, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  hl_acuity_blur_surface (copy, sigma);
  return copy;
}

cairo_surface_t *
_hl_canvas_seen_surface (HlCanvas     *self,
                         const HlView *view,
                         gboolean      after,
                         double        zoom,
                         double        dx,
                         double        dy)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double mm_per_px = calibrated_mm_per_px (self);
  double sigma;
  cairo_surface_t *source;

  if (self->seen_from == HL_SEEN_FROM_OFF || mm_per_px <= 0)
    return NULL;
  sigma = hl_acuity_sigma_px (hl_seen_from_distance_mm (self->seen_from), mm_per_px, zoom * scale);
  if (sigma < MIN_SIGMA)
    return NULL;
  if (sigma != self->seen_sigma)
    {
      g_clear_pointer (&self->seen_after, cairo_surface_destroy);
      g_clear_pointer (&self->seen_before, cairo_surface_destroy);
      self->seen_sigma = sigma;
    }

  if (!after)
    {
      source = hl_design_layer_get_photo_surface (self->layer);
      if (source == NULL)
        return NULL;
      if (self->seen_before == NULL || self->seen_before_src != source)
        {
          g_clear_pointer (&self->seen_before, cairo_surface_destroy);
          g_clear_pointer (&self->seen_before_src, cairo_surface_destroy);
          self->seen_before = blurred_copy (source, sigma);
          self->seen_before_src = cairo_surface_reference (source);
        }
      return self->seen_before;
    }

  source = hl_design_layer_get_dots_surface (self->layer);
  if (source == NULL)
    return NULL;
  if (self->seen_after == NULL || self->seen_after_src != source ||
      self->seen_after_renders != hl_design_layer_get_renders (self->layer))
    {
      HlRenderOptions options;

      g_clear_pointer (&self->seen_after, cairo_surface_destroy);
      g_clear_pointer (&self->seen_after_src, cairo_surface_destroy);
      self->seen_after = blurred_copy (source, sigma);
      self->seen_after_src = cairo_surface_reference (source);
      self->seen_after_renders = hl_design_layer_get_renders (self->layer);

      /* The lines over it, sharp, as the design layer draws them. */
      if (!self->preview.presentation)
        {
          hl_render_options_init (&options);
          options.show_photo = FALSE;
          options.show_dots = FALSE;
          options.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
          hl_render_view (self->seen_after, zoom * scale, dx * scale, dy * scale, shown_photo (self), view,
                          NULL, 0, &options);
        }
    }
  return self->seen_after;
}

/* The loupe */

void
_hl_canvas_snapshot_loupe (HlCanvas     *self,
                           GtkSnapshot  *snapshot,
                           const HlView *view,
                           double        zoom,
                           double        dx,
                           double        dy)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int pw = self->preview.compare == HL_COMPARE_SIDE_BY_SIDE ? w / 2 : w;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double radius = _hl_canvas_loupe_radius (self);
  HlPoint c = loupe_center (self);
  gboolean before;
  HlRenderOptions options;
  HlPoint at;
  double x;
  g_autoptr(GArray) dots = NULL;
  cairo_t *cr;

  if (!self->loupe_on || view == NULL)
    return;

  /* The side of a comparison under the loupe, and the image point there
   * in that pane's unmirrored frame. */
  before = (self->preview.compare == HL_COMPARE_SIDE_BY_SIDE && c.x < pw) ||
           (self->preview.compare == HL_COMPARE_SPLIT && c.x < round (self->split * w));
  x = self->preview.compare == HL_COMPARE_SIDE_BY_SIDE && c.x >= pw ? c.x - pw : c.x;
  if (self->preview.mirror)
    x = pw - x;
  at = (HlPoint) { (x - dx) / zoom, (c.y - dy) / zoom };

  hl_render_options_init (&options);
  options.stage = self->preview.stage;
  options.sessions = self->preview.sessions;
  options.show_dots = !before;
  options.overlays = before || self->preview.presentation ? HL_OVERLAY_NONE : HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  options.mark = NULL;
  if (!before)
    dots = hl_document_ref_dots_array (self->document);

  /* Only the circle (and its rim and shadow) is painted. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (c.x - radius - 6, c.y - radius - 6,
                                                                 2 * radius + 12, 2 * radius + 14));
  hl_loupe_draw (self->loupe, cr, c.x, c.y, radius, scale, at, hl_loupe_zoom_for (zoom, scale),
                 self->preview.mirror, shown_photo (self), view, dots, &options);
  cairo_destroy (cr);
}

/* Keys */

/* Ctrl+arrows move the loupe when it is shown (the arrows alone move the
 * selected point, or step through the stages when presenting). */
gboolean
_hl_canvas_loupe_key (HlCanvas        *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  double step = (state & GDK_SHIFT_MASK) ? 5 * LOUPE_STEP : LOUPE_STEP;
  double ddx = 0, ddy = 0;
  HlPoint c;

  if (!self->loupe_on || !(state & GDK_CONTROL_MASK) || (state & GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: ddx = -step; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: ddx = step; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: ddy = -step; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: ddy = step; break;
    default: return FALSE;
    }
  c = loupe_center (self);
  hl_canvas_move_loupe (self, c.x + ddx, c.y + ddy);
  return TRUE;
}

void
_hl_canvas_init_loupe (HlCanvas *self)
{
  const GActionEntry entries[] = {
    { "loupe", NULL, NULL, "false", on_loupe_change_state, { 0 } },
    { "seen-from", NULL, "s", "'off'", on_seen_from_change_state, { 0 } },
  };
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->loupe = hl_loupe_new ();
  self->seen_from = HL_SEEN_FROM_OFF;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  build_menu (self);
  /* The window inserts them too, for its menus; here they serve the
   * canvas's own shortcut. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "canvas", G_ACTION_GROUP (self->actions));

  /* Ctrl+L wherever the focus is in the window. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_l, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("canvas.loupe")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _hl_canvas_loupe_update (self);
}

void
_hl_canvas_dispose_loupe (HlCanvas *self)
{
  g_clear_pointer (&self->loupe, hl_loupe_free);
  g_clear_pointer (&self->seen_after, cairo_surface_destroy);
  g_clear_pointer (&self->seen_before, cairo_surface_destroy);
  g_clear_pointer (&self->seen_after_src, cairo_surface_destroy);
  g_clear_pointer (&self->seen_before_src, cairo_surface_destroy);
  g_clear_object (&self->menu);
  g_clear_object (&self->seen_from_section);
  g_clear_object (&self->actions);
}
