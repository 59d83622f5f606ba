/* hl-canvas.c
 *
 * Frames are built from two cached layers and one live pass:
 *
 *   photo layer   background and scaled photo; key: size, zoom and pan
 *   design layer  a copy of the photo layer with dots, hairline and zones;
 *                 key: the photo layer's, and dropped on "changed"
 *   tool pass     control points, hovered and selected: a small cairo node
 *                 drawn every frame over the design layer's texture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-canvas.h"
#include "hl-render.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 64.0

/* Control points in screen px. */
#define HANDLE_HAIRLINE_RADIUS 5.0
#define HANDLE_ZONE_RADIUS     4.0
#define HANDLE_HOVER_GROWTH    2.0

struct _HlCanvas
{
  GtkWidget        parent_instance;

  /* Owned references */
  HlDocument      *document;
  HlToolHandles   *tool;          /* edits the document's history; NULL when empty */
  cairo_surface_t *photo_layer;   /* at layer_key */
  GdkTexture      *design_layer;  /* at layer_key, NULL when stale */

  double           layer_key[5];  /* width, height, zoom, dx, dy in device px */
  guint            design_renders;

  double           user_zoom;     /* 1 = fit the widget */
  double           pan_x, pan_y;  /* screen px */
  HlPoint          drag_start;    /* widget px */
  HlPoint          drag_last;     /* last drag offset, for panning */
  HlPoint          pointer;       /* last pointer position, widget px */
  gboolean         has_pointer;
};

G_DEFINE_FINAL_TYPE (HlCanvas, hl_canvas, GTK_TYPE_WIDGET)

static const HlView *
shown_view (HlCanvas *self)
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

/* The transform from image px to widget px: zoom and offset. */
static void
get_transform (HlCanvas *self,
               double   *zoom,
               double   *dx,
               double   *dy)
{
  const HlView *view = shown_view (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int iw = 1, ih = 1;
  double fit;

  if (view != NULL)
    hl_render_view_size (shown_photo (self), view, &iw, &ih);
  fit = MIN ((double) MAX (w, 1) / iw, (double) MAX (h, 1) / ih);
  *zoom = fit * self->user_zoom;
  *dx = (w - iw * *zoom) / 2.0 + self->pan_x;
  *dy = (h - ih * *zoom) / 2.0 + self->pan_y;
}

double
hl_canvas_get_zoom (HlCanvas *self)
{
  double zoom, dx, dy;

  g_return_val_if_fail (HL_IS_CANVAS (self), 1.0);
  get_transform (self, &zoom, &dx, &dy);
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
  get_transform (self, &zoom, &dx, &dy);
  return (HlPoint) { (x - dx) / zoom, (y - dy) / zoom };
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
  return self->design_renders;
}

static void
drop_layers (HlCanvas *self)
{
  g_clear_pointer (&self->photo_layer, cairo_surface_destroy);
  g_clear_object (&self->design_layer);
}

/* Background and photo: scaling a large photo costs tens of ms, so this is
 * only redone when the size, zoom or pan changed. */
static void
render_photo_layer (HlCanvas     *self,
                    const HlView *view,
                    int           width,
                    int           height,
                    double        zoom,
                    double        dx,
                    double        dy)
{
  HlRenderOptions options;
  cairo_t *cr;

  g_clear_pointer (&self->photo_layer, cairo_surface_destroy);
  self->photo_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (self->photo_layer);
  cairo_set_source_rgb (cr, 0.17, 0.17, 0.17);
  cairo_paint (cr);
  cairo_destroy (cr);

  hl_render_options_init (&options);
  options.show_dots = FALSE;
  hl_render_view (self->photo_layer, zoom, dx, dy, shown_photo (self), view, NULL, 0, &options);
}

/* The photo layer with the dots, hairline and zones of the design shown,
 * as a texture that frames reuse until the design or the transform
 * changes. */
static void
render_design_layer (HlCanvas     *self,
                     const HlView *view,
                     int           width,
                     int           height,
                     double        zoom,
                     double        dx,
                     double        dy)
{
  HlRenderOptions options;
  cairo_surface_t *surface;
  const HlDot *dots;
  gsize n_dots = 0;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, self->photo_layer, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);

  dots = hl_document_get_dots (self->document, &n_dots);
  hl_render_options_init (&options);
  options.show_photo = FALSE;
  options.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  hl_render_view (surface, zoom, dx, dy, shown_photo (self), view, dots, n_dots, &options);
  cairo_surface_flush (surface);

  /* The texture keeps the surface's pixels: no copy. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->design_layer);
  self->design_layer = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  self->design_renders++;
}

static void
draw_handle (cairo_t  *cr,
             HlPoint   p,
             double    radius,
             gboolean  hairline,
             gboolean  hover,
             gboolean  selected)
{
  double r = radius + (hover ? HANDLE_HOVER_GROWTH : 0);

  cairo_new_path (cr);
  cairo_arc (cr, p.x, p.y, r, 0, 2 * G_PI);
  if (selected)
    cairo_set_source_rgb (cr, hairline ? 0.85 : 0.1, hairline ? 0.15 : 0.55, hairline ? 0.1 : 0.95);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, hover ? 2.0 : 1.5);
  if (selected)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else if (hairline)
    cairo_set_source_rgb (cr, 0.85, 0.15, 0.1);
  else
    cairo_set_source_rgb (cr, 0.1, 0.55, 0.95);
  cairo_stroke (cr);
}

static gboolean
handle_equal (HlHandle a,
              HlHandle b)
{
  return a.kind == b.kind && a.zone == b.zone && a.point == b.point;
}

/* Calls @func on every control point of @view in widget px. */
typedef void (*HandleFunc) (HlHandle h, HlPoint p, gpointer data);

static void
foreach_handle (const HlView *view,
                double        zoom,
                double        dx,
                double        dy,
                HandleFunc    func,
                gpointer      data)
{
  for (guint z = 0; z < view->zones->len; z++)
    {
      const HlCurve *outline = ((HlZone *) g_ptr_array_index (view->zones, z))->boundary;
      const HlPoint *pts = hl_curve_get_points (outline);

      for (guint i = 0; i < hl_curve_get_n_points (outline); i++)
        func ((HlHandle) { HL_HANDLE_ZONE, z, i },
              (HlPoint) { pts[i].x * zoom + dx, pts[i].y * zoom + dy }, data);
    }

  /* The hairline's points last: on top, as the tool prefers them. */
  if (view->hairline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->hairline);

      for (guint i = 0; i < hl_curve_get_n_points (view->hairline); i++)
        func ((HlHandle) { HL_HANDLE_HAIRLINE, 0, i },
              (HlPoint) { pts[i].x * zoom + dx, pts[i].y * zoom + dy }, data);
    }
}

static void
grow_bounds (HlHandle  h,
             HlPoint   p,
             gpointer  data)
{
  double *b = data;

  b[0] = MIN (b[0], p.x);
  b[1] = MIN (b[1], p.y);
  b[2] = MAX (b[2], p.x);
  b[3] = MAX (b[3], p.y);
}

typedef struct
{
  cairo_t  *cr;
  HlHandle  hover;
  HlHandle  selected;
} HandleDraw;

static void
draw_one_handle (HlHandle  h,
                 HlPoint   p,
                 gpointer  data)
{
  HandleDraw *d = data;
  gboolean hairline = h.kind == HL_HANDLE_HAIRLINE;

  draw_handle (d->cr, p, hairline ? HANDLE_HAIRLINE_RADIUS : HANDLE_ZONE_RADIUS, hairline,
               handle_equal (h, d->hover), handle_equal (h, d->selected));
}

/* The tool's feedback, over the cached layers: only the rectangle around
 * the control points is drawn, every frame. */
static void
snapshot_tool (HlCanvas     *self,
               GtkSnapshot  *snapshot,
               const HlView *view,
               double        zoom,
               double        dx,
               double        dy)
{
  double bounds[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double margin = HANDLE_HAIRLINE_RADIUS + HANDLE_HOVER_GROWTH + 2;
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t area;
  HandleDraw draw;
  double x0, y0, x1, y1;

  if (self->tool == NULL)
    return;

  foreach_handle (view, zoom, dx, dy, grow_bounds, bounds);
  x0 = MAX (floor (bounds[0] - margin), 0);
  y0 = MAX (floor (bounds[1] - margin), 0);
  x1 = MIN (ceil (bounds[2] + margin), w);
  y1 = MIN (ceil (bounds[3] + margin), h);
  if (x1 <= x0 || y1 <= y0)
    return;

  graphene_rect_init (&area, x0, y0, x1 - x0, y1 - y0);
  draw.cr = gtk_snapshot_append_cairo (snapshot, &area);
  draw.hover = hl_tool_handles_get_hover (self->tool);
  draw.selected = hl_tool_handles_get_selected (self->tool);
  foreach_handle (view, zoom, dx, dy, draw_one_handle, &draw);
  cairo_destroy (draw.cr);
}

static void
hl_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlCanvas *self = HL_CANVAS (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  const HlView *view = shown_view (self);
  double zoom, dx, dy;
  double key[5];

  if (view == NULL || w <= 0 || h <= 0)
    return;

  get_transform (self, &zoom, &dx, &dy);
  key[0] = w * scale;
  key[1] = h * scale;
  key[2] = zoom * scale;
  key[3] = dx * scale;
  key[4] = dy * scale;

  if (self->photo_layer == NULL || memcmp (key, self->layer_key, sizeof key) != 0)
    {
      g_clear_object (&self->design_layer);
      render_photo_layer (self, view, w * scale, h * scale, zoom * scale, dx * scale, dy * scale);
      memcpy (self->layer_key, key, sizeof key);
    }
  if (self->design_layer == NULL)
    render_design_layer (self, view, w * scale, h * scale, zoom * scale, dx * scale, dy * scale);

  gtk_snapshot_append_texture (snapshot, self->design_layer, &GRAPHENE_RECT_INIT (0, 0, w, h));
  snapshot_tool (self, snapshot, view, zoom, dx, dy);
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
  result = hl_tool_handles_event (self->tool, event);

  if (result & HL_TOOL_CURSOR)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     hl_tool_handles_get_hover (self->tool).kind != HL_HANDLE_NONE
                                     ? "grab" : NULL);
  /* The overlay only: the layers are redrawn when the document says the
   * design changed. */
  if (result & HL_TOOL_REDRAW)
    gtk_widget_queue_draw (GTK_WIDGET (self));

  /* The preview during a drag, the history's design otherwise (a commit
   * pushed into the history the document lends the tool). */
  hl_document_show (self->document, hl_tool_handles_get_design (self->tool));

  return result;
}

static void
pointer_event (HlCanvas        *self,
               HlToolEventType  type,
               double           x,
               double           y)
{
  HlToolEvent event = { type, hl_canvas_widget_to_image (self, x, y), 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  hl_canvas_handle_event (self, &event);
}

static gboolean
is_dragging (HlCanvas *self)
{
  return self->tool != NULL && hl_tool_handles_is_dragging (self->tool);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HlCanvas       *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start = (HlPoint) { x, y };
  self->drag_last = (HlPoint) { 0, 0 };
  pointer_event (self, HL_TOOL_PRESS, x, y);
  if (is_dragging (self))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          off_x,
                double          off_y,
                HlCanvas       *self)
{
  if (is_dragging (self))
    pointer_event (self, HL_TOOL_MOTION, self->drag_start.x + off_x, self->drag_start.y + off_y);
  else
    {
      /* Dragging the background pans. */
      self->pan_x += off_x - self->drag_last.x;
      self->pan_y += off_y - self->drag_last.y;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  self->drag_last = (HlPoint) { off_x, off_y };
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          off_x,
             double          off_y,
             HlCanvas       *self)
{
  pointer_event (self, HL_TOOL_RELEASE, self->drag_start.x + off_x, self->drag_start.y + off_y);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HlCanvas         *self)
{
  HlToolEvent event = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  hl_canvas_handle_event (self, &event);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HlCanvas                 *self)
{
  self->pointer = (HlPoint) { x, y };
  self->has_pointer = TRUE;
  if (self->tool != NULL && !is_dragging (self))
    pointer_event (self, HL_TOOL_MOTION, x, y);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        HlCanvas              *self)
{
  HlToolEvent event = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, (state & GDK_ALT_MASK) != 0 };

  switch (keyval)
    {
    case GDK_KEY_Escape: event.key = HL_TOOL_KEY_ESCAPE; break;
    case GDK_KEY_Left: event.key = HL_TOOL_KEY_LEFT; break;
    case GDK_KEY_Right: event.key = HL_TOOL_KEY_RIGHT; break;
    case GDK_KEY_Up: event.key = HL_TOOL_KEY_UP; break;
    case GDK_KEY_Down: event.key = HL_TOOL_KEY_DOWN; break;
    default: return FALSE;
    }

  return hl_canvas_handle_event (self, &event) != HL_TOOL_NOTHING;
}

/* Multiplies the zoom by @factor keeping the image point under widget
 * point (@x, @y) in place. */
static void
zoom_at (HlCanvas *self,
         double    factor,
         double    x,
         double    y)
{
  HlPoint at = hl_canvas_widget_to_image (self, x, y);
  double zoom, dx, dy;

  self->user_zoom = CLAMP (self->user_zoom * factor, ZOOM_MIN, ZOOM_MAX);
  get_transform (self, &zoom, &dx, &dy);
  self->pan_x += x - (at.x * zoom + dx);
  self->pan_y += y - (at.y * zoom + dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    sx,
           double                    sy,
           HlCanvas                 *self)
{
  if (sy == 0)
    return FALSE;

  /* Zoom around the pointer, or the centre before it was seen. */
  if (self->has_pointer)
    zoom_at (self, sy < 0 ? 1.25 : 1.0 / 1.25, self->pointer.x, self->pointer.y);
  else
    zoom_at (self, sy < 0 ? 1.25 : 1.0 / 1.25,
             gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
             gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
  return TRUE;
}

void
hl_canvas_zoom (HlCanvas *self,
                double    factor)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  if (factor <= 0)
    {
      self->user_zoom = 1.0;
      self->pan_x = self->pan_y = 0;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  zoom_at (self, factor,
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* A new design, history and photo: a new tool, the whole view again. */
static void
reset (HlCanvas *self)
{
  HlHistory *history = self->document != NULL ? hl_document_get_history (self->document) : NULL;

  g_clear_pointer (&self->tool, hl_tool_handles_free);
  if (history != NULL)
    self->tool = hl_tool_handles_new (history, hl_document_get_view_index (self->document));
  drop_layers (self);
  self->user_zoom = 1.0;
  self->pan_x = self->pan_y = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_document_loaded (HlDocument *document,
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
  if (is_dragging (self) && hl_document_get_shown (document) != hl_tool_handles_get_design (self->tool))
    {
      HlToolEvent event = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

      hl_tool_handles_event (self->tool, &event);
    }

  g_clear_object (&self->design_layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  g_clear_pointer (&self->tool, hl_tool_handles_free);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "loaded", G_CALLBACK (on_document_loaded), self, 0);
      g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
    }
  reset (self);
}

HlDocument *
hl_canvas_get_document (HlCanvas *self)
{
  g_return_val_if_fail (HL_IS_CANVAS (self), NULL);
  return self->document;
}

static void
hl_canvas_dispose (GObject *object)
{
  HlCanvas *self = HL_CANVAS (object);

  /* The tool borrows the document's history: it goes first. */
  g_clear_pointer (&self->tool, hl_tool_handles_free);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  drop_layers (self);

  G_OBJECT_CLASS (hl_canvas_parent_class)->dispose (object);
}

static void
hl_canvas_class_init (HlCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_canvas_dispose;
  widget_class->snapshot = hl_canvas_snapshot;

  gtk_widget_class_set_css_name (widget_class, "hlcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hl_canvas_init (HlCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->user_zoom = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
hl_canvas_new (void)
{
  return g_object_new (HL_TYPE_CANVAS, NULL);
}
