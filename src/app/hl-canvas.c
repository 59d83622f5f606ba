/* hl-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-canvas.h"
#include "hl-render.h"
#include "hl-stippler.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 64.0

struct _HlCanvas
{
  GtkWidget       parent_instance;

  /* Borrowed */
  HlHistory      *history;

  /* Owned */
  HlPhoto        *photo;
  HlTool         *tool;
  HlStippler     *engine;
  HlDesign       *stippled;     /* the design the engine last saw */
  cairo_surface_t *base;        /* the photo as last drawn at base_key */
  double          base_key[5];  /* width, height, zoom, dx, dy in device px */

  guint           view;
  double          user_zoom;    /* 1 = fit the widget */
  double          pan_x, pan_y; /* screen px */
  HlPoint         drag_start;   /* widget px */
  HlPoint         drag_last;    /* last drag offset, for panning */
  HlPoint         pointer;      /* last pointer position, widget px */
  gboolean        has_pointer;
  gboolean        captured;     /* the tool owns the current drag */
};

G_DEFINE_FINAL_TYPE (HlCanvas, hl_canvas, GTK_TYPE_WIDGET)

enum { COMMITTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const HlView *
shown_view (HlCanvas  *self,
            HlDesign **design_out)
{
  HlDesign *design;

  if (self->history == NULL)
    return NULL;

  design = self->tool != NULL ? hl_tool_get_design (self->tool)
                              : hl_history_get_current (self->history);
  if (design_out != NULL)
    *design_out = design;
  if (self->view >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, self->view);
}

/* The transform from image px to widget px: zoom and offset. */
static void
get_transform (HlCanvas *self,
               double   *zoom,
               double   *dx,
               double   *dy)
{
  const HlView *view = shown_view (self, NULL);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  int iw = 1, ih = 1;
  double fit;

  if (view != NULL)
    hl_render_view_size (self->photo, view, &iw, &ih);
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
  if (self->stippled != NULL)
    hl_stippler_get_dots (self->engine, &n);
  return n;
}

static void
hl_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  HlCanvas *self = HL_CANVAS (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  HlDesign *design = NULL;
  const HlView *view = shown_view (self, &design);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  HlRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double zoom, dx, dy;
  const HlDot *dots = NULL;
  gsize n_dots = 0;

  if (view == NULL || w <= 0 || h <= 0)
    return;

  /* Dots follow every edit: the engine only redoes what changed. */
  if (design != self->stippled)
    {
      hl_stippler_update (self->engine, view, design->seed);
      g_clear_pointer (&self->stippled, hl_design_unref);
      self->stippled = hl_design_ref (design);
    }
  dots = hl_stippler_get_dots (self->engine, &n_dots);

  get_transform (self, &zoom, &dx, &dy);

  /* The photo layer only changes with the size, zoom and pan: scaling a
   * large photo costs tens of ms, so it is drawn once and copied. */
  {
    double key[5] = { w * scale, h * scale, zoom * scale, dx * scale, dy * scale };

    if (self->base == NULL || self->photo == NULL || memcmp (key, self->base_key, sizeof key) != 0)
      {
        g_clear_pointer (&self->base, cairo_surface_destroy);
        self->base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
        cr = cairo_create (self->base);
        cairo_set_source_rgb (cr, 0.17, 0.17, 0.17);
        cairo_paint (cr);
        cairo_destroy (cr);
        hl_render_options_init (&options);
        options.show_dots = FALSE;
        hl_render_view (self->base, zoom * scale, dx * scale, dy * scale, self->photo, view,
                        NULL, 0, &options);
        memcpy (self->base_key, key, sizeof key);
      }
  }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale, h * scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, self->base, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);

  hl_render_options_init (&options);
  options.show_photo = FALSE;
  options.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  hl_render_view (surface, zoom * scale, dx * scale, dy * scale, self->photo, view,
                  dots, n_dots, &options);

  /* The tool's own pass on top: handles, rubber bands, guides. */
  if (self->tool != NULL)
    {
      cr = cairo_create (surface);
      cairo_translate (cr, dx * scale, dy * scale);
      cairo_scale (cr, zoom * scale, zoom * scale);
      hl_tool_draw_overlay (self->tool, cr, zoom * scale);
      cairo_destroy (cr);
    }

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * h * scale);
  texture = gdk_memory_texture_new (w * scale, h * scale, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, w, h));
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
  if (result & HL_TOOL_REDRAW)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (result & HL_TOOL_COMMITTED)
    g_signal_emit (self, signals[COMMITTED], 0);

  return result;
}

static HlToolResult
pointer_event (HlCanvas        *self,
               HlToolEventType  type,
               double           x,
               double           y)
{
  HlToolEvent event = { type, hl_canvas_widget_to_image (self, x, y), 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1, FALSE };

  return hl_canvas_handle_event (self, &event);
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
  self->captured = (pointer_event (self, HL_TOOL_PRESS, x, y) & HL_TOOL_CAPTURED) != 0;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          off_x,
                double          off_y,
                HlCanvas       *self)
{
  if (self->tool != NULL && self->captured)
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
  self->captured = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HlCanvas         *self)
{
  HlToolEvent event = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1, FALSE };

  self->captured = FALSE;
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
  if (self->tool != NULL && !self->captured)
    pointer_event (self, HL_TOOL_MOTION, x, y);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        HlCanvas              *self)
{
  HlToolEvent event = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, (state & GDK_ALT_MASK) != 0, 1, FALSE };

  switch (keyval)
    {
    case GDK_KEY_Escape: event.key = HL_TOOL_KEY_ESCAPE; break;
    case GDK_KEY_Left: event.key = HL_TOOL_KEY_LEFT; break;
    case GDK_KEY_Right: event.key = HL_TOOL_KEY_RIGHT; break;
    case GDK_KEY_Up: event.key = HL_TOOL_KEY_UP; break;
    case GDK_KEY_Down: event.key = HL_TOOL_KEY_DOWN; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: event.key = HL_TOOL_KEY_ENTER; break;
    case GDK_KEY_BackSpace: event.key = HL_TOOL_KEY_BACKSPACE; break;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: event.key = HL_TOOL_KEY_DELETE; break;
    case GDK_KEY_c: event.key = HL_TOOL_KEY_TOGGLE_CORNER; break;
    case GDK_KEY_bracketright: event.key = HL_TOOL_KEY_GROW; break;
    case GDK_KEY_bracketleft: event.key = HL_TOOL_KEY_SHRINK; break;
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

void
hl_canvas_set_document (HlCanvas  *self,
                        HlHistory *history,
                        HlPhoto   *photo,
                        guint      view)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  g_clear_pointer (&self->tool, hl_tool_free);
  g_clear_pointer (&self->stippled, hl_design_unref);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  hl_stippler_free (self->engine);
  self->engine = hl_stippler_new ();

  self->history = history;
  self->photo = photo != NULL ? hl_photo_ref (photo) : NULL;
  self->view = view;
  self->user_zoom = 1.0;
  self->pan_x = self->pan_y = 0;
  self->captured = FALSE;
  if (history != NULL)
    {
      self->tool = hl_tool_new_by_name ("select", history, view);
      hl_tool_set_photo (self->tool, photo);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hl_canvas_refresh (HlCanvas *self)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hl_canvas_dispose (GObject *object)
{
  HlCanvas *self = HL_CANVAS (object);

  g_clear_pointer (&self->tool, hl_tool_free);
  g_clear_pointer (&self->stippled, hl_design_unref);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_clear_pointer (&self->engine, hl_stippler_free);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  self->history = NULL;

  G_OBJECT_CLASS (hl_canvas_parent_class)->dispose (object);
}

static void
hl_canvas_class_init (HlCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_canvas_dispose;
  widget_class->snapshot = hl_canvas_snapshot;

  /**
   * HlCanvas::committed:
   *
   * A tool put a new design into the history.
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

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

  self->engine = hl_stippler_new ();
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
