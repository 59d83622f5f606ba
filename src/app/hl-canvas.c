/* hl-canvas.c
 *
 * Frames are built from two cached layers and one live pass:
 *
 *   photo layer   background and scaled photo }  hl-design-layer.c
 *   design layer  photo, dots, hairline, zones }
 *   tool pass     the tool's own feedback (handles, rubber band, ruler,
 *                 brush) and the placement guides: drawn every frame over
 *                 the design layer in cells (hl-cell-layer.h), as large as
 *                 what it draws
 *
 * This file holds the widget: its document, tool, transform, preview and
 * accessible description, and the frame. Pointer and keys are in
 * hl-canvas-input.c, the tool pass in hl-canvas-tool.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-canvas-private.h"
#include "hl-density-map.h"
#include "hl-label.h"
#include "hl-render.h"
#include "hl-tool-landmark.h"
#include "hl-tool-select.h"
#include "hl-tools.h"

/* Presenting, the view is fitted to what is drawn and this much around
 * it (a fraction of its size). */
#define PRESENT_MARGIN 0.6

/* Opacity of the density map's cells over the design. */
#define DENSITY_ALPHA 0.55

G_DEFINE_FINAL_TYPE (HlCanvas, hl_canvas, GTK_TYPE_WIDGET)

enum { TOOL_RESULT, N_SIGNALS };
static guint signals[N_SIGNALS];

const HlView *
_hl_canvas_shown_view (HlCanvas *self)
{
  HlDesign *design;
  guint index;

  if (self->document == NULL || (design = hl_document_get_shown (self->document)) == NULL)
    return NULL;
  index = hl_document_get_view_index (self->document);
  if (index >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, index);
}

static HlPhoto *
shown_photo (HlCanvas *self)
{
  return self->document != NULL ? hl_document_get_photo (self->document) : NULL;
}

/* Tools work in the plain view; comparisons and presentation are for
 * looking (the pointer moves the split line or pans). */
gboolean
_hl_canvas_tools_active (HlCanvas *self)
{
  return !self->preview.presentation && self->preview.compare == HL_COMPARE_OFF;
}

/* Width of the pane the view is fitted to: half the widget side by side. */
static int
pane_width (HlCanvas *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));

  return self->preview.compare == HL_COMPARE_SIDE_BY_SIDE ? w / 2 : w;
}

/* A widget x in the (after) pane's own unmirrored frame, and back: the
 * mirror flips each pane about its middle. */
double
_hl_canvas_pane_x (HlCanvas *self,
                   double    x)
{
  int pw = pane_width (self);

  if (self->preview.compare == HL_COMPARE_SIDE_BY_SIDE)
    x -= pw;
  return self->preview.mirror ? pw - x : x;
}

static double
widget_x (HlCanvas *self,
          double    x)
{
  int pw = pane_width (self);

  x = self->preview.mirror ? pw - x : x;
  return self->preview.compare == HL_COMPARE_SIDE_BY_SIDE ? x + pw : x;
}

/* The transform from image px to (unmirrored) pane px: zoom and offset. */
void
_hl_canvas_get_transform (HlCanvas *self,
                          double   *zoom,
                          double   *dx,
                          double   *dy)
{
  const HlView *view = _hl_canvas_shown_view (self);
  int w = pane_width (self);
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int iw = 1, ih = 1;
  HlRect fitted = { 0, 0, 1, 1 };
  double fit;

  if (view != NULL)
    {
      hl_render_view_size (shown_photo (self), view, &iw, &ih);
      fitted = (HlRect) { 0, 0, iw, ih };
      /* Presenting, the design fills the screen (as the exports crop). */
      if (self->preview.presentation)
        {
          HlRect design = hl_render_design_bounds (shown_photo (self), view, PRESENT_MARGIN);

          if (!hl_rect_is_empty (design))
            fitted = design;
        }
    }
  fit = MIN (MAX (w, 1) / (fitted.x1 - fitted.x0), MAX (h, 1) / (fitted.y1 - fitted.y0));
  *zoom = fit * self->user_zoom;
  *dx = (w - (fitted.x1 + fitted.x0) * *zoom) / 2.0 + self->pan_x;
  *dy = (h - (fitted.y1 + fitted.y0) * *zoom) / 2.0 + self->pan_y;
}

double
hl_canvas_get_zoom (HlCanvas *self)
{
  double zoom, dx, dy;

  g_return_val_if_fail (HL_IS_CANVAS (self), 1.0);
  _hl_canvas_get_transform (self, &zoom, &dx, &dy);
  return zoom;
}

HlPoint
hl_canvas_widget_to_image (HlCanvas *self,
                           double    x,
                           double    y)
{
  HlPoint none = { 0, 0 };
  double zoom, dx, dy;

  g_return_val_if_fail (HL_IS_CANVAS (self), none);
  _hl_canvas_get_transform (self, &zoom, &dx, &dy);
  return (HlPoint) { (_hl_canvas_pane_x (self, x) - dx) / zoom, (y - dy) / zoom };
}

HlPoint
hl_canvas_image_to_widget (HlCanvas *self,
                           HlPoint   p)
{
  HlPoint none = { 0, 0 };
  double zoom, dx, dy;

  g_return_val_if_fail (HL_IS_CANVAS (self), none);
  _hl_canvas_get_transform (self, &zoom, &dx, &dy);
  return (HlPoint) { widget_x (self, p.x * zoom + dx), p.y * zoom + dy };
}

gsize
hl_canvas_get_n_dots (HlCanvas *self)
{
  gsize n = 0;

  g_return_val_if_fail (HL_IS_CANVAS (self), 0);
  if (self->document != NULL)
    hl_document_get_dots (self->document, &n);
  return n;
}

guint
hl_canvas_get_design_renders (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), 0);
  return hl_design_layer_get_renders (self->layer);
}

void
hl_canvas_get_last_redraw (HlCanvas     *self,
                           GdkRectangle *part,
                           int          *width,
                           int          *height)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  hl_design_layer_get_last_redraw (self->layer, part, width, height);
}

void
hl_canvas_get_redrawn_tiles (HlCanvas *self,
                             GArray   *tiles)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (tiles != NULL);
  hl_design_layer_get_redrawn_tiles (self->layer, tiles);
}

void
hl_canvas_get_tool_cells (HlCanvas *self,
                          guint    *remade,
                          guint    *shown)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  *remade = hl_cell_layer_get_remade (self->tool_cells);
  *shown = hl_cell_layer_get_shown (self->tool_cells);
}

static void
drop_layers (HlCanvas *self)
{
  hl_design_layer_drop (self->layer);
  if (self->tool_cells != NULL)
    hl_cell_layer_reset (self->tool_cells);
  g_clear_pointer (&self->density_map, hl_density_map_free);
}

/* A layer into pane @index (0: left or only, 1: right), mirrored about
 * the pane's middle when the preview says so: @surface (device px) when
 * not NULL ("seen from" a distance), else @texture, or when both are
 * NULL, the design layer. */
static void
append_pane (HlCanvas        *self,
             GtkSnapshot     *snapshot,
             GdkTexture      *texture,
             cairo_surface_t *surface,
             int              index,
             int              pw,
             int              h)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (index * pw, 0));
  if (self->preview.mirror)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pw, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  if (surface != NULL)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, pw, h));
      double scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

      cairo_scale (cr, 1 / scale, 1 / scale);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else if (texture == NULL)
    {
      /* The same nodes as in the last frame where nothing changed: GSK
       * repaints only the tiles made again. */
      hl_design_layer_append (self->layer, snapshot, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                              _hl_canvas_draws_with_cairo (self));
    }
  else
    gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, pw, h));
  gtk_snapshot_restore (snapshot);
}

/* The density map over pane @index, clipped to [@clip_x, end of pane). */
static void
snapshot_density (HlCanvas     *self,
                  GtkSnapshot  *snapshot,
                  const HlView *view,
                  int           index,
                  int           pw,
                  int           h,
                  double        clip_x,
                  double        zoom,
                  double        dx,
                  double        dy)
{
  cairo_t *cr;

  if (self->density_map == NULL)
    {
      const HlDot *dots;
      gsize n_dots = 0;

      dots = hl_document_get_dots (self->document, &n_dots);
      self->density_map = hl_density_map_new (view, dots, n_dots, self->preview.sessions, 0);
      if (self->density_map == NULL)
        return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (index * pw, 0, pw, h));
  cairo_rectangle (cr, MAX (clip_x, index * pw), 0, (index + 1) * pw - MAX (clip_x, index * pw), h);
  cairo_clip (cr);
  cairo_translate (cr, index * pw, 0);
  if (self->preview.mirror)
    {
      cairo_translate (cr, pw, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, zoom, zoom);
  hl_density_map_draw (self->density_map, view, cr, DENSITY_ALPHA);
  cairo_destroy (cr);
}

/* The layers as the preview asks: plain (with the tool's pass), split or
 * side by side; then the density map, its legend, the labels and, in
 * presentation, the simulation mark. */
static void
snapshot_preview (HlCanvas     *self,
                  GtkSnapshot  *snapshot,
                  const HlView *view,
                  int           pw,
                  int           h,
                  double        zoom,
                  double        dx,
                  double        dy)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  g_autofree char *caption = hl_preview_describe (&self->preview);
  g_autofree char *after = NULL;
  double split_x = round (self->split * w);
  cairo_surface_t *seen_after = _hl_canvas_seen_surface (self, view, TRUE, zoom, dx, dy);
  cairo_surface_t *seen_before = self->preview.compare != HL_COMPARE_OFF ?
                                 _hl_canvas_seen_surface (self, view, FALSE, zoom, dx, dy) : NULL;
  const char *seen = seen_after != NULL ? hl_seen_from_describe (self->seen_from) : NULL;
  cairo_t *cr;

  if (seen != NULL)
    {
      char *both = g_strdup_printf ("%s · %s", caption, seen);

      g_free (caption);
      caption = both;
    }

  switch (self->preview.compare)
    {
    case HL_COMPARE_SIDE_BY_SIDE:
      append_pane (self, snapshot, hl_design_layer_get_photo_texture (self->layer), seen_before, 0, pw, h);
      append_pane (self, snapshot, NULL, seen_after, 1, pw, h);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 1, pw, h, 0, zoom, dx, dy);
      break;

    case HL_COMPARE_SPLIT:
      append_pane (self, snapshot, NULL, seen_after, 0, pw, h);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, split_x, h));
      append_pane (self, snapshot, hl_design_layer_get_photo_texture (self->layer), seen_before, 0, pw, h);
      gtk_snapshot_pop (snapshot);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 0, pw, h, split_x, zoom, dx, dy);
      break;

    case HL_COMPARE_OFF:
    default:
      append_pane (self, snapshot, NULL, seen_after, 0, pw, h);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 0, pw, h, 0, zoom, dx, dy);
      if (_hl_canvas_tools_active (self))
        _hl_canvas_snapshot_tool (self, snapshot, view, zoom, dx, dy);
      break;
    }

  /* Nothing to label: no node (a whole-canvas node costs a frame as much
   * as the layers). */
  if (self->preview.compare == HL_COMPARE_OFF && !self->preview.presentation &&
      self->preview.stage == HL_STAGE_FRESH && self->preview.sessions == 0 && !self->preview.mirror &&
      seen == NULL && !(self->preview.density_map && self->density_map != NULL))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* Translators: over the simulated side of a before/after comparison;
   * %s is what it shows, such as “Healed · after session 1”. */
  after = g_strdup_printf (_("After · %s"), caption);
  if (self->preview.compare == HL_COMPARE_SIDE_BY_SIDE)
    {
      hl_preview_draw_chip (cr, pw / 2.0, 12, 0.5, _("Before"));
      hl_preview_draw_chip (cr, pw + pw / 2.0, 12, 0.5, after);
      cairo_rectangle (cr, pw - 1, 0, 2, h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill (cr);
    }
  else if (self->preview.compare == HL_COMPARE_SPLIT)
    {
      hl_preview_draw_split (cr, split_x, h);
      hl_preview_draw_chip (cr, split_x - 24, 12, 1.0, _("Before"));
      hl_preview_draw_chip (cr, split_x + 24, 12, 0.0, after);
    }
  else if (self->preview.presentation || self->preview.stage != HL_STAGE_FRESH ||
           self->preview.sessions > 0 || self->preview.mirror || seen != NULL)
    hl_preview_draw_chip (cr, 12, 12, 0.0, caption);

  /* The legend in the top-right corner, clear of the labels. */
  if (self->preview.density_map && self->density_map != NULL)
    hl_density_map_draw_legend (self->density_map, cr, w - HL_DENSITY_LEGEND_WIDTH - 12,
                                self->preview.compare != HL_COMPARE_OFF ? 48 : 12);

  /* In front of the client, the honesty mark is always on screen. */
  if (self->preview.presentation)
    hl_preview_draw_chip (cr, w - 12, h - 38, 1.0, hl_render_get_simulation_mark ());
  cairo_destroy (cr);
}

static void
hl_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlCanvas *self = HL_CANVAS (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const HlView *view = _hl_canvas_shown_view (self);
  double zoom, dx, dy;

  if (view == NULL || w <= 0 || h <= 0)
    return;

  _hl_canvas_get_transform (self, &zoom, &dx, &dy);
  /* Side by side, the layers are one pane wide. */
  w = pane_width (self);
  if (w <= 0)
    return;
  {
    g_autoptr(GArray) dots = hl_document_ref_dots_array (self->document);

    /* Outlines of zones on the head drawn on other views. */
    hl_design_layer_set_carried (self->layer, hl_document_get_shown (self->document),
                                 hl_document_get_view_index (self->document));
    hl_design_layer_update (self->layer, shown_photo (self), view, dots, &self->preview,
                            w * scale, h * scale, zoom * scale, dx * scale, dy * scale);
  }

  snapshot_preview (self, snapshot, view, w, h, zoom, dx, dy);
  _hl_canvas_snapshot_loupe (self, snapshot, view, zoom, dx, dy);
}

/* The tool's name for people (static, translated). */
static const char *
tool_title (const char *name)
{
  const HlToolInfo *info = name != NULL ? hl_tools_lookup (name) : NULL;

  return info != NULL ? _(info->title) : name != NULL ? name : "";
}

/* The select tool's point in words: "hairline point 3 of 5", or NULL
 * (transfer full). */
static char *
describe_handle (HlTool       *tool,
                 const HlView *view)
{
  HlHandle h;

  if (tool == NULL || view == NULL || !g_str_equal (hl_tool_get_name (tool), "select"))
    return NULL;
  h = hl_tool_select_get_selected (tool);
  switch (h.kind)
    {
    case HL_HANDLE_HAIRLINE:
      if (view->hairline != NULL && h.point < hl_curve_get_n_points (view->hairline))
        return g_strdup_printf (_("hairline point %u of %u"), h.point + 1,
                                hl_curve_get_n_points (view->hairline));
      return NULL;
    case HL_HANDLE_ZONE:
      if (h.zone < hl_view_get_n_zones (view))
        {
          const HlZone *zone = hl_view_get_zone (view, h.zone);

          if (h.point < hl_curve_get_n_points (zone->boundary))
            return g_strdup_printf (_("point %u of %u of zone “%s”"), h.point + 1,
                                    hl_curve_get_n_points (zone->boundary), zone->name);
        }
      return NULL;
    case HL_HANDLE_LANDMARK:
      if (h.point < HL_N_LANDMARKS && view->landmarks[h.point].set)
        return g_strdup_printf (_("landmark %s"), hl_landmark_get_title (h.point));
      return NULL;
    case HL_HANDLE_OUTLINE:
      if (view->scalp_outline != NULL && h.point < hl_curve_get_n_points (view->scalp_outline))
        return g_strdup_printf (_("scalp outline point %u of %u"), h.point + 1,
                                hl_curve_get_n_points (view->scalp_outline));
      return NULL;
    case HL_HANDLE_NONE:
    default:
      return NULL;
    }
}

/* What the canvas shows and does, for assistive technologies: the tool,
 * the selected point and zone, and the preview (transfer full). */
static char *
describe (HlCanvas *self)
{
  const HlView *view = _hl_canvas_shown_view (self);
  GString *text;
  g_autofree char *preview = NULL;
  g_autofree char *handle = NULL;
  int zone;

  if (view == NULL)
    return g_strdup (_("No design open"));

  text = g_string_new (NULL);
  if (self->preview.presentation)
    g_string_append (text, _("Presenting to the client"));
  else if (self->preview.compare != HL_COMPARE_OFF)
    g_string_append (text, _("Comparing before and after"));
  else
    g_string_append (text, tool_title (self->tool_name));

  handle = describe_handle (self->tool, view);
  if (handle != NULL && _hl_canvas_tools_active (self))
    g_string_append_printf (text, _(" · selected: %s"), handle);
  if (_hl_canvas_tools_active (self))
    _hl_canvas_describe_key_cursor (self, text);
  zone = self->document != NULL ? hl_document_get_selected_zone (self->document) : -1;
  if (zone >= 0 && (guint) zone < hl_view_get_n_zones (view))
    g_string_append_printf (text, _(" · zone: %s"), hl_view_get_zone (view, (guint) zone)->name);
  preview = hl_preview_describe (&self->preview);
  g_string_append_printf (text, _(" · stage: %s"), preview);
  if (self->preview.density_map)
    g_string_append (text, _(" · density map"));
  if (self->seen_from != HL_SEEN_FROM_OFF)
    g_string_append_printf (text, " · %s", hl_seen_from_describe (self->seen_from));
  if (self->loupe_on)
    g_string_append (text, _(" · loupe"));
  return g_string_free (text, FALSE);
}

/* Sets the accessible description when what it says changed. */
void
_hl_canvas_update_description (HlCanvas *self)
{
  g_autofree char *text = describe (self);

  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

/* The document's selected zone changed: drawn, and said. */
static void
on_selection_changed (HlCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _hl_canvas_update_description (self);
}

const char *
hl_canvas_get_description (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return self->description;
}

static gboolean
emit_pending (gpointer data)
{
  HlCanvas *self = data;
  guint pending = self->pending;

  self->pending_source = 0;
  self->pending = 0;
  if (pending != 0)
    g_signal_emit (self, signals[TOOL_RESULT], 0, pending, (guint) HL_TOOL_RELEASE);
  return G_SOURCE_REMOVE;
}

void
_hl_canvas_queue_pending (HlCanvas *self)
{
  g_assert (HL_IS_CANVAS (self));

  if (self->pending != 0 && self->pending_source == 0)
    self->pending_source = g_idle_add (emit_pending, self);
}


HlToolResult
hl_canvas_handle_event (HlCanvas    *self,
                        HlToolEvent *event)
{
  HlToolResult result;

  g_return_val_if_fail (HL_IS_CANVAS (self), HL_TOOL_NOTHING);
  g_return_val_if_fail (event != NULL, HL_TOOL_NOTHING);

  if (self->tool == NULL)
    return HL_TOOL_NOTHING;

  event->zoom = hl_canvas_get_zoom (self);
  result = hl_tool_event (self->tool, event);

  if (result & HL_TOOL_CURSOR)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hl_tool_get_cursor (self->tool));
  /* The overlay only: the layers are redrawn when the document says the
   * design changed. */
  if (result & HL_TOOL_REDRAW)
    gtk_widget_queue_draw (GTK_WIDGET (self));

  /* The preview during a gesture, the history's design otherwise (a commit
   * pushed into the history the document lends the tool). */
  hl_document_show (self->document, hl_tool_get_design (self->tool));

  /* A question (the ruler's length) waits until the gesture is over: a
   * popover grabbing the pointer would cancel it. */
  if (result & HL_TOOL_ASK_LENGTH)
    {
      self->pending |= HL_TOOL_ASK_LENGTH;
      result &= ~HL_TOOL_ASK_LENGTH;
    }
  if (self->pending != 0 && self->pending_source == 0 &&
      (event->type == HL_TOOL_RELEASE || !self->captured))
    self->pending_source = g_idle_add (emit_pending, self);
  /* Every press and key is reported (a tool may have declined it for a
   * reason worth saying, as the eyedropper does). */
  if ((result & (HL_TOOL_COMMITTED | HL_TOOL_SELECTION)) ||
      event->type == HL_TOOL_PRESS || event->type == HL_TOOL_KEY)
    g_signal_emit (self, signals[TOOL_RESULT], 0, (guint) result, (guint) event->type);
  /* The selected point or zone may have changed. */
  if (event->type != HL_TOOL_MOTION)
    _hl_canvas_update_description (self);

  return result;
}

/* A new design, view or tool: a new tool for the document. */
static void
make_tool (HlCanvas *self)
{
  g_clear_pointer (&self->tool, hl_tool_free);
  self->captured = FALSE;
  if (self->document == NULL || hl_document_get_design (self->document) == NULL)
    {
      _hl_canvas_update_description (self);
      return;
    }

  self->tool = hl_tool_new_by_name (self->tool_name, hl_document_get_tool_host (self->document),
                                    self->tool_options, hl_document_get_view_index (self->document));
  hl_tool_set_photo (self->tool, hl_document_get_photo (self->document));
  g_clear_pointer (&self->layer_photo, hl_photo_unref);
  if (hl_document_get_photo (self->document) != NULL)
    self->layer_photo = hl_photo_ref (hl_document_get_photo (self->document));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hl_tool_get_cursor (self->tool));
  _hl_canvas_update_description (self);
}

static void
reset (HlCanvas *self)
{
  make_tool (self);
  drop_layers (self);
  self->user_zoom = 1.0;
  self->pan_x = self->pan_y = 0;
  self->loupe_placed = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  _hl_canvas_loupe_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_loaded (HlDocument *document,
                    HlCanvas   *self)
{
  reset (self);
}

/* Another view of the design: its own tool, photo and fit. */
static void
on_document_view_changed (HlDocument *document,
                          GParamSpec *pspec,
                          HlCanvas   *self)
{
  reset (self);
}

static void
on_document_changed (HlDocument *document,
                     HlCanvas   *self)
{
  /* The document moved away from a gesture in progress (undo during a
   * drag): the tool lets go of it. */
  if (self->tool != NULL && hl_document_get_shown (document) != hl_tool_get_design (self->tool))
    {
      hl_tool_cancel (self->tool);
      self->captured = FALSE;
    }

  /* Another photo for the same design (relinked): layers and tool follow. */
  if (hl_document_get_photo (document) != self->layer_photo)
    {
      g_clear_pointer (&self->layer_photo, hl_photo_unref);
      if (hl_document_get_photo (document) != NULL)
        self->layer_photo = hl_photo_ref (hl_document_get_photo (document));
      drop_layers (self);
      if (self->tool != NULL)
        hl_tool_set_photo (self->tool, self->layer_photo);
    }

  hl_design_layer_mark_stale (self->layer);
  g_clear_pointer (&self->density_map, hl_density_map_free);
  _hl_canvas_loupe_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Undo may take the selected point away, or rename the zone. */
  _hl_canvas_update_description (self);
}

void
hl_canvas_set_document (HlCanvas   *self,
                        HlDocument *document)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (document == NULL || HL_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->tool, hl_tool_free);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "loaded", G_CALLBACK (on_document_loaded), self, 0);
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
      g_signal_connect_object (document, "notify::view-index", G_CALLBACK (on_document_view_changed), self, 0);
      g_signal_connect_object (document, "notify::selected-zone", G_CALLBACK (on_selection_changed),
                               self, G_CONNECT_SWAPPED);
    }
  reset (self);
}

void
hl_canvas_set_tool (HlCanvas   *self,
                    const char *name)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (name != NULL && hl_tools_lookup (name) != NULL);

  if (g_strcmp0 (self->tool_name, name) == 0)
    return;

  g_free (self->tool_name);
  self->tool_name = g_strdup (name);
  if (self->tool != NULL)
    {
      /* A gesture in progress is abandoned, as Escape would. */
      hl_tool_cancel (self->tool);
    }
  make_tool (self);
  if (self->document != NULL)
    hl_document_show (self->document, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hl_canvas_set_tool_options (HlCanvas      *self,
                            HlToolOptions *options)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  self->tool_options = options;
  make_tool (self);
}

HlTool *
hl_canvas_get_tool (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return self->tool;
}

HlDocument *
hl_canvas_get_document (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return self->document;
}

void
hl_canvas_set_preview (HlCanvas        *self,
                       const HlPreview *preview)
{
  HlPreview old;

  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (preview != NULL);

  if (hl_preview_equal (&self->preview, preview))
    return;
  old = self->preview;
  self->preview = *preview;

  /* Dots and overlays change with the stage, sessions and presentation;
   * the layers' size with side by side. */
  if (old.stage != preview->stage || old.sessions != preview->sessions ||
      !old.presentation != !preview->presentation || old.compare != preview->compare)
    hl_design_layer_invalidate (self->layer);
  if (old.sessions != preview->sessions || !preview->density_map)
    g_clear_pointer (&self->density_map, hl_density_map_free);

  /* Presenting starts from the whole design on screen, and editing again
   * from the whole view. */
  if (!old.presentation != !preview->presentation)
    {
      self->user_zoom = 1.0;
      self->pan_x = self->pan_y = 0;
      /* The loupe goes back over the design, wherever that now is. */
      self->loupe_placed = FALSE;
    }

  /* A gesture in progress is abandoned when the tools stop listening. */
  if (!_hl_canvas_tools_active (self) && self->tool != NULL)
    {
      hl_tool_cancel (self->tool);
      self->captured = FALSE;
      if (self->document != NULL)
        hl_document_show (self->document, NULL);
    }
  self->splitting = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   _hl_canvas_tools_active (self) && self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _hl_canvas_update_description (self);
}

void
hl_canvas_get_preview (HlCanvas  *self,
                       HlPreview *preview)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (preview != NULL);
  *preview = self->preview;
}

double
hl_canvas_get_split (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), 0.5);
  return self->split;
}

void
hl_canvas_set_split (HlCanvas *self,
                     double    split)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  split = isfinite (split) ? CLAMP (split, 0.0, 1.0) : 0.5;
  if (split == self->split)
    return;
  self->split = split;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const HlDensityMap *
hl_canvas_get_density_map (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return self->preview.density_map ? self->density_map : NULL;
}

/* Popovers the window points at the canvas (the ruler's question) are
 * its children: they are placed with it. */
static void
hl_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
hl_canvas_dispose (GObject *object)
{
  HlCanvas *self = HL_CANVAS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  hl_canvas_set_overlay (self, NULL, NULL, NULL);
  /* The tool borrows the document's history: it goes first. */
  g_clear_pointer (&self->tool, hl_tool_free);
  g_clear_pointer (&self->tool_name, g_free);
  g_clear_pointer (&self->before_eraser, g_free);
  g_clear_pointer (&self->layer_photo, hl_photo_unref);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  drop_layers (self);
  g_clear_pointer (&self->layer, hl_design_layer_free);
  g_clear_pointer (&self->tool_cells, hl_cell_layer_free);
  g_clear_pointer (&self->description, g_free);
  _hl_canvas_dispose_loupe (self);

  G_OBJECT_CLASS (hl_canvas_parent_class)->dispose (object);
}

static void hl_canvas_realize (GtkWidget *widget);

static void
hl_canvas_class_init (HlCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_canvas_dispose;
  widget_class->snapshot = hl_canvas_snapshot;
  widget_class->realize = hl_canvas_realize;
  widget_class->size_allocate = hl_canvas_size_allocate;

  /**
   * HlCanvas::tool-result:
   * @result: the HlToolResult flags
   * @event_type: the HlToolEventType the tool was given
   *
   * A press or a key went to the tool, or a tool event committed a
   * design, changed the selected zone or asks for a length (the ruler,
   * once its gesture is over).
   */
  signals[TOOL_RESULT] = g_signal_new ("tool-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "hlcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hl_canvas_init (HlCanvas *self)
{
  self->user_zoom = 1.0;
  self->tool_name = g_strdup ("select");
  self->layer = hl_design_layer_new ();
  self->tool_cells = hl_cell_layer_new ();
  hl_preview_init (&self->preview);
  self->split = 0.5;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Design canvas"), -1);
  _hl_canvas_update_description (self);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  _hl_canvas_init_input (self);
  _hl_canvas_init_loupe (self);
}

/* Labels on the canvas follow the desktop's text scale (GTK's font
 * resolution over its default of 96 dpi). */
static void
on_text_scale_changed (GtkSettings *settings,
                       GParamSpec  *pspec,
                       HlCanvas    *self)
{
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  hl_label_set_ui_scale (dpi > 0 ? dpi / (96.0 * 1024.0) : 1.0);
  if (self->tool_cells != NULL)
    hl_cell_layer_reset (self->tool_cells);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hl_canvas_realize (GtkWidget *widget)
{
  HlCanvas *self = HL_CANVAS (widget);
  GtkSettings *settings = gtk_widget_get_settings (widget);

  GTK_WIDGET_CLASS (hl_canvas_parent_class)->realize (widget);
  g_signal_connect_object (settings, "notify::gtk-xft-dpi", G_CALLBACK (on_text_scale_changed), self, 0);
  on_text_scale_changed (settings, NULL, self);
}

GtkWidget *
hl_canvas_new (void)
{
  return g_object_new (HL_TYPE_CANVAS, NULL);
}
