/* hl-canvas-input.c: the canvas's pointer, keys and scroll.
 *
 * Each concern has its controller, made in _hl_canvas_init_input(): the
 * primary button's drag goes to the tool (or pans, or moves the split
 * line; with Space held it pans), the middle button's drag pans, motion
 * hovers, keys go to the tool, a mouse wheel (or Ctrl with any scroll)
 * zooms around the pointer while a touchpad's two fingers pan, a pinch
 * zooms. Pen pressure and double clicks are read here, and a stylus's
 * eraser end picks the eraser until the pen end comes back; the tool gets
 * HlToolEvents through hl_canvas_handle_event().
 *
 * Without a pointer: with a tool that places points (the pens, the ruler,
 * the landmarks, the outline, the eyedropper) the arrows move a keyboard
 * cursor over the photo (Shift: ten times further) and Enter places there
 * what a click would; Enter again without moving finishes, as the tool's
 * own Enter does. The ruler's drag is Enter at one end, the arrows, Enter
 * at the other. The accessible description says where the cursor is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-canvas-private.h"
#include "hl-tool-select.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 64.0

/* Two presses closer than this in screen px (and in time than GTK's
 * double-click time) make a double click. */
#define DOUBLE_CLICK_DISTANCE 6.0

/* Pressure of the event being handled, when its device has one. */
static gboolean
event_pressure (GtkEventController *controller,
                double             *pressure)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GdkEventType type;
  GdkDevice *device;

  /* Motion can come from a synthetic crossing or a key: only a pen's own
   * pointer events carry a pressure. */
  if (event == NULL)
    return FALSE;
  type = gdk_event_get_event_type (event);
  if (type != GDK_MOTION_NOTIFY && type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return FALSE;
  device = gdk_event_get_device (event);
  if (device == NULL || gdk_device_get_source (device) != GDK_SOURCE_PEN)
    return FALSE;
  return gdk_event_get_axis (event, GDK_AXIS_PRESSURE, pressure);
}

static void key_cursor_changed (HlCanvas *self);

static HlToolResult
pointer_event (HlCanvas           *self,
               GtkEventController *controller,
               HlToolEventType     type,
               double              x,
               double              y)
{
  HlToolEvent event = { type, hl_canvas_widget_to_image (self, x, y), 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  if (controller != NULL && event_pressure (controller, &event.pressure))
    {
      event.pressure = CLAMP (event.pressure, 0.0, 1.0);
      event.has_pressure = TRUE;
    }
  if (type == HL_TOOL_PRESS)
    {
      event.n_press = self->n_press;
      /* Shift places a corner (the pens). */
      event.corner = controller != NULL &&
                     (gtk_event_controller_get_current_event_state (controller) & GDK_SHIFT_MASK) != 0;
    }
  return hl_canvas_handle_event (self, &event);
}

/* Counts presses: a second press soon after and near the first is a
 * double click. */
static void
count_press (HlCanvas           *self,
             GtkEventController *controller,
             double              x,
             double              y)
{
  guint32 time = gtk_event_controller_get_current_event_time (controller);
  int double_click_ms = 400;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-double-click-time", &double_click_ms, NULL);
  if (self->n_press >= 1 && time - self->last_press_time <= (guint32) double_click_ms &&
      hl_point_distance (self->last_press, (HlPoint) { x, y }) <= DOUBLE_CLICK_DISTANCE)
    self->n_press++;
  else
    self->n_press = 1;
  self->last_press = (HlPoint) { x, y };
  self->last_press_time = time;
}

static void
pan_by (HlCanvas *self,
        double    off_x,
        double    off_y)
{
  /* Mirrored, the view moves the other way under the same drag. */
  self->pan_x += (self->preview.mirror ? -1 : 1) * (off_x - self->drag_last.x);
  self->pan_y += off_y - self->drag_last.y;
  self->drag_last = (HlPoint) { off_x, off_y };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The eraser end of a stylus picks the eraser (win.tool); the pen end,
 * back, the tool it replaced. */
static void
follow_stylus_end (HlCanvas           *self,
                   GtkEventController *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GdkDeviceTool *device_tool = event != NULL ? gdk_event_get_device_tool (event) : NULL;
  GdkDeviceToolType type;

  if (device_tool == NULL || !_hl_canvas_tools_active (self))
    return;
  type = gdk_device_tool_get_tool_type (device_tool);
  if (type == GDK_DEVICE_TOOL_TYPE_ERASER && self->before_eraser == NULL &&
      g_strcmp0 (self->tool_name, "eraser") != 0)
    {
      self->before_eraser = g_strdup (self->tool_name);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.tool", "s", "eraser");
    }
  else if (type != GDK_DEVICE_TOOL_TYPE_ERASER && self->before_eraser != NULL)
    {
      g_autofree char *back = g_steal_pointer (&self->before_eraser);

      if (g_strcmp0 (self->tool_name, "eraser") == 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.tool", "s", back);
    }
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               HlCanvas       *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start = (HlPoint) { x, y };
  self->drag_last = (HlPoint) { 0, 0 };
  count_press (self, controller, x, y);
  /* The loupe is dragged wherever it is, before anything under it. */
  if (_hl_canvas_on_loupe (self, x, y))
    {
      double cx, cy;

      hl_canvas_get_loupe_center (self, &cx, &cy);
      self->loupe_dragging = TRUE;
      self->loupe_grab = (HlPoint) { x - cx, y - cy };
      self->captured = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }
  self->loupe_dragging = FALSE;
  self->space_drag = FALSE;
  /* Space held: the drag pans, whatever the tool. */
  if (self->space_held)
    {
      self->captured = FALSE;
      self->space_drag = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }
  follow_stylus_end (self, controller);
  /* The overlay's handles (a dialog's) come before the tool's. */
  self->overlay_dragging = self->overlay_input != NULL && _hl_canvas_tools_active (self) &&
                           self->overlay_input (HL_CANVAS_OVERLAY_PRESS, hl_canvas_widget_to_image (self, x, y),
                                                hl_canvas_get_zoom (self), self->overlay_data);
  if (self->overlay_dragging)
    {
      self->captured = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      return;
    }
  /* Comparing, the primary button moves the split line (there is no tool
   * to give it to); presenting or side by side, it pans. */
  if (!_hl_canvas_tools_active (self))
    {
      self->captured = FALSE;
      self->splitting = self->preview.compare == HL_COMPARE_SPLIT;
      if (self->splitting)
        hl_canvas_set_split (self, x / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1));
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->splitting ? "col-resize" : "grabbing");
      return;
    }
  /* A press the tool does not take (the select tool off any handle)
   * pans. */
  self->captured = (pointer_event (self, controller, HL_TOOL_PRESS, x, y) & HL_TOOL_CAPTURED) != 0;
  if (!self->captured)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          off_x,
                double          off_y,
                HlCanvas       *self)
{
  if (self->loupe_dragging)
    hl_canvas_move_loupe (self, self->drag_start.x + off_x - self->loupe_grab.x,
                          self->drag_start.y + off_y - self->loupe_grab.y);
  else if (self->overlay_dragging)
    {
      if (self->overlay_input != NULL)
        self->overlay_input (HL_CANVAS_OVERLAY_MOTION,
                             hl_canvas_widget_to_image (self, self->drag_start.x + off_x, self->drag_start.y + off_y),
                             hl_canvas_get_zoom (self), self->overlay_data);
    }
  else if (self->splitting)
    hl_canvas_set_split (self, (self->drag_start.x + off_x) / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1));
  else if (self->captured && !self->space_drag)
    pointer_event (self, GTK_EVENT_CONTROLLER (gesture), HL_TOOL_MOTION,
                   self->drag_start.x + off_x, self->drag_start.y + off_y);
  else
    pan_by (self, off_x, off_y);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          off_x,
             double          off_y,
             HlCanvas       *self)
{
  if (self->loupe_dragging)
    {
      self->loupe_dragging = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       _hl_canvas_tools_active (self) && self->tool != NULL ?
                                       hl_tool_get_cursor (self->tool) : NULL);
      return;
    }
  if (self->overlay_dragging)
    {
      self->overlay_dragging = FALSE;
      if (self->overlay_input != NULL)
        self->overlay_input (HL_CANVAS_OVERLAY_RELEASE,
                             hl_canvas_widget_to_image (self, self->drag_start.x + off_x, self->drag_start.y + off_y),
                             hl_canvas_get_zoom (self), self->overlay_data);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
      return;
    }
  if (self->space_drag)
    {
      self->space_drag = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->space_held ? "grab" : NULL);
      return;
    }
  if (!_hl_canvas_tools_active (self))
    {
      self->splitting = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      return;
    }
  pointer_event (self, GTK_EVENT_CONTROLLER (gesture), HL_TOOL_RELEASE,
                 self->drag_start.x + off_x, self->drag_start.y + off_y);
  self->captured = FALSE;
  _hl_canvas_queue_pending (self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HlCanvas         *self)
{
  HlToolEvent event = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  if (self->overlay_dragging)
    {
      self->overlay_dragging = FALSE;
      if (self->overlay_input != NULL)
        self->overlay_input (HL_CANVAS_OVERLAY_CANCEL, (HlPoint) { 0, 0 }, hl_canvas_get_zoom (self),
                             self->overlay_data);
      return;
    }
  /* After the release (a popover taking the pointer) there is nothing
   * left to cancel. */
  if (!self->captured)
    return;
  self->captured = FALSE;
  hl_canvas_handle_event (self, &event);
}

/* The middle button pans whatever the tool. */
static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              HlCanvas       *self)
{
  self->drag_last = (HlPoint) { 0, 0 };
  self->panning = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          off_x,
               double          off_y,
               HlCanvas       *self)
{
  pan_by (self, off_x, off_y);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          off_x,
            double          off_y,
            HlCanvas       *self)
{
  self->panning = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HlCanvas                 *self)
{
  self->pointer = (HlPoint) { x, y };
  self->has_pointer = TRUE;
  /* The pointer is back: the keyboard cursor goes (not during its drag). */
  if (self->key_cursor_on && !self->key_dragging &&
      gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)) != NULL &&
      gdk_event_get_event_type (gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)))
        == GDK_MOTION_NOTIFY)
    {
      self->key_cursor_on = FALSE;
      key_cursor_changed (self);
    }
  /* While a button is down the drag gesture reports the motion. */
  if (self->tool != NULL && !gtk_gesture_is_active (self->primary_drag) && !self->panning && _hl_canvas_tools_active (self))
    pointer_event (self, GTK_EVENT_CONTROLLER (controller), HL_TOOL_MOTION, x, y);
}

static void reveal_selected (HlCanvas *self);

/* The keyboard cursor's step, in screen px: 2, and 20 with Shift (the
 * steps Inkscape's arrows take by default). */
#define KEY_STEP 2.0
#define KEY_STEP_BIG 20.0

/* Whether the tool in use places points where it is clicked. */
static gboolean
places_points (HlCanvas *self)
{
  static const char *const placing[] = { "hairline", "zone", "ruler", "landmark", "outline", "eyedropper" };
  const char *name;

  if (self->tool == NULL || !_hl_canvas_tools_active (self))
    return FALSE;
  name = hl_tool_get_name (self->tool);
  for (guint i = 0; i < G_N_ELEMENTS (placing); i++)
    if (g_str_equal (name, placing[i]))
      return TRUE;
  return FALSE;
}

/* An event at the keyboard cursor, as the pointer would send it there. */
static HlToolResult
key_cursor_event (HlCanvas        *self,
                  HlToolEventType  type)
{
  HlToolEvent event = { type, self->key_cursor, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  if (type == HL_TOOL_PRESS)
    event.n_press = 1;
  return hl_canvas_handle_event (self, &event);
}

static void
key_cursor_changed (HlCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _hl_canvas_update_description (self);
}

/* The arrows: the keyboard cursor moves (it starts under the pointer, or
 * at the canvas's middle), and the tool hovers (or drags) there. */
static void
move_key_cursor (HlCanvas *self,
                 guint     keyval,
                 gboolean  big)
{
  double step = (big ? KEY_STEP_BIG : KEY_STEP) / MAX (hl_canvas_get_zoom (self), 1e-6);
  HlPhoto *photo = self->layer_photo;

  if (!self->key_cursor_on)
    {
      self->key_cursor = self->has_pointer ? hl_canvas_widget_to_image (self, self->pointer.x, self->pointer.y)
                                           : hl_canvas_widget_to_image (self,
                                                                        gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                                                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
      self->key_cursor_on = TRUE;
    }
  else
    {
      /* Mirrored, left and right on screen are the other way in the photo. */
      double sx = self->preview.mirror ? -step : step;

      switch (keyval)
        {
        case GDK_KEY_Left: case GDK_KEY_KP_Left: self->key_cursor.x -= sx; break;
        case GDK_KEY_Right: case GDK_KEY_KP_Right: self->key_cursor.x += sx; break;
        case GDK_KEY_Up: case GDK_KEY_KP_Up: self->key_cursor.y -= step; break;
        case GDK_KEY_Down: case GDK_KEY_KP_Down: self->key_cursor.y += step; break;
        default: break;
        }
    }
  if (photo != NULL)
    {
      self->key_cursor.x = CLAMP (self->key_cursor.x, 0, hl_photo_get_width (photo));
      self->key_cursor.y = CLAMP (self->key_cursor.y, 0, hl_photo_get_height (photo));
    }
  self->key_cursor_moved = TRUE;
  key_cursor_event (self, HL_TOOL_MOTION);
  key_cursor_changed (self);
}

/* Enter with the keyboard cursor moved: a click there (the ruler's drag:
 * a press, then at the next Enter a release). FALSE: Enter is the tool's. */
static gboolean
place_at_key_cursor (HlCanvas *self)
{
  gboolean drag = g_str_equal (hl_tool_get_name (self->tool), "ruler") &&
                  hl_tool_get_options (self->tool)->ruler_mode == HL_RULER_DRAG;

  if (self->key_dragging)
    {
      self->key_dragging = FALSE;
      self->key_cursor_moved = FALSE;
      key_cursor_event (self, HL_TOOL_RELEASE);
      key_cursor_changed (self);
      return TRUE;
    }
  if (!self->key_cursor_on || !self->key_cursor_moved)
    return FALSE;
  self->key_cursor_moved = FALSE;
  key_cursor_event (self, HL_TOOL_PRESS);
  if (drag)
    self->key_dragging = TRUE;
  else
    key_cursor_event (self, HL_TOOL_RELEASE);
  key_cursor_changed (self);
  return TRUE;
}

void
_hl_canvas_draw_key_cursor (HlCanvas *self,
                            cairo_t  *cr,
                            double    zoom)
{
  const double r = 9.0 / zoom, gap = 3.0 / zoom;
  HlPoint p = self->key_cursor;

  if (!self->key_cursor_on || !places_points (self))
    return;
  /* A cross with a gap at its centre, light on a dark edge (it shows on
   * skin and on hair), and a ring. */
  cairo_save (cr);
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, p.x - r, p.y);
      cairo_line_to (cr, p.x - gap, p.y);
      cairo_move_to (cr, p.x + gap, p.y);
      cairo_line_to (cr, p.x + r, p.y);
      cairo_move_to (cr, p.x, p.y - r);
      cairo_line_to (cr, p.x, p.y - gap);
      cairo_move_to (cr, p.x, p.y + gap);
      cairo_line_to (cr, p.x, p.y + r);
      cairo_new_sub_path (cr);
      cairo_arc (cr, p.x, p.y, r * 0.75, 0, 2 * G_PI);
      if (pass == 0)
        {
          cairo_set_line_width (cr, 3.5 / zoom);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
        }
      else
        {
          cairo_set_line_width (cr, 1.5 / zoom);
          cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_hl_canvas_describe_key_cursor (HlCanvas *self,
                                GString  *text)
{
  if (!self->key_cursor_on || !places_points (self))
    return;
  if (self->key_dragging)
    /* Translators: in the canvas's accessible description; the keyboard
     * cursor's place in photo pixels. */
    g_string_append_printf (text, _(" · keyboard cursor at %.0f, %.0f px of the photo, measuring (Enter ends)"),
                            self->key_cursor.x, self->key_cursor.y);
  else
    g_string_append_printf (text, _(" · keyboard cursor at %.0f, %.0f px of the photo (Enter places)"),
                            self->key_cursor.x, self->key_cursor.y);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        HlCanvas              *self)
{
  HlToolEvent event = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, (state & GDK_ALT_MASK) != 0 };

  /* Ctrl+arrows move the loupe, when it is shown. */
  if (_hl_canvas_loupe_key (self, keyval, state))
    return TRUE;
  /* Space held: drags pan (a drawing program's habit). */
  if (keyval == GDK_KEY_space && !(state & GDK_CONTROL_MASK))
    {
      if (!self->space_held)
        {
          self->space_held = TRUE;
          if (!gtk_gesture_is_active (self->primary_drag))
            gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
        }
      return TRUE;
    }
  /* Keys with Control belong to the window's shortcuts; without a tool
   * at work (comparing, presenting), all of them do. */
  if ((state & GDK_CONTROL_MASK) || !_hl_canvas_tools_active (self))
    return FALSE;

  /* The keyboard cursor, with a tool that places points. */
  if (places_points (self) && !(state & GDK_ALT_MASK))
    switch (keyval)
      {
      case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Up: case GDK_KEY_Down:
      case GDK_KEY_KP_Left: case GDK_KEY_KP_Right: case GDK_KEY_KP_Up: case GDK_KEY_KP_Down:
        move_key_cursor (self, keyval, (state & GDK_SHIFT_MASK) != 0);
        return TRUE;
      case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
        if (place_at_key_cursor (self))
          return TRUE;
        break;
      case GDK_KEY_Escape:
        self->key_dragging = FALSE;
        break;
      default:
        break;
      }

  switch (keyval)
    {
    case GDK_KEY_Escape: event.key = HL_TOOL_KEY_ESCAPE; break;
    case GDK_KEY_Left: event.key = HL_TOOL_KEY_LEFT; break;
    case GDK_KEY_Right: event.key = HL_TOOL_KEY_RIGHT; break;
    case GDK_KEY_Up: event.key = HL_TOOL_KEY_UP; break;
    case GDK_KEY_Down: event.key = HL_TOOL_KEY_DOWN; break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter: event.key = HL_TOOL_KEY_ENTER; break;
    case GDK_KEY_BackSpace: event.key = HL_TOOL_KEY_BACKSPACE; break;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete: event.key = HL_TOOL_KEY_DELETE; break;
    case GDK_KEY_c:
    case GDK_KEY_C: event.key = HL_TOOL_KEY_TOGGLE_CORNER; break;
    case GDK_KEY_bracketright: event.key = HL_TOOL_KEY_GROW; break;
    case GDK_KEY_bracketleft: event.key = HL_TOOL_KEY_SHRINK; break;
    /* The select tool's points; a tool without points lets the focus
     * move on (and Ctrl+Tab always leaves the canvas). */
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab: event.key = (state & GDK_SHIFT_MASK) ? HL_TOOL_KEY_PREVIOUS : HL_TOOL_KEY_NEXT; break;
    case GDK_KEY_ISO_Left_Tab: event.key = HL_TOOL_KEY_PREVIOUS; break;
    default: return FALSE;
    }

  if (hl_canvas_handle_event (self, &event) == HL_TOOL_NOTHING)
    return FALSE;
  if (event.key == HL_TOOL_KEY_NEXT || event.key == HL_TOOL_KEY_PREVIOUS)
    reveal_selected (self);
  return TRUE;
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 HlCanvas              *self)
{
  if (keyval != GDK_KEY_space || !self->space_held)
    return;
  self->space_held = FALSE;
  if (!self->space_drag)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     self->tool != NULL && _hl_canvas_tools_active (self) ?
                                     hl_tool_get_cursor (self->tool) : NULL);
}

/* After Tab or Shift+Tab: a selected point outside the widget (zoomed in)
 * is brought to its middle. */
static void
reveal_selected (HlCanvas *self)
{
  const HlView *view = _hl_canvas_shown_view (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  const double margin = 2 * HL_HANDLE_RADIUS;
  HlPoint p, at;

  if (view == NULL || self->tool == NULL || !g_str_equal (hl_tool_get_name (self->tool), "select") ||
      !hl_handle_get_position (view, hl_tool_select_get_selected (self->tool), &p))
    return;
  at = hl_canvas_image_to_widget (self, p);
  if (at.x >= margin && at.x <= w - margin && at.y >= margin && at.y <= h - margin)
    return;
  /* Mirrored, the view moves the other way. */
  self->pan_x += (self->preview.mirror ? -1 : 1) * (w / 2.0 - at.x);
  self->pan_y += h / 2.0 - at.y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  _hl_canvas_get_transform (self, &zoom, &dx, &dy);
  self->pan_x += _hl_canvas_pane_x (self, x) - (at.x * zoom + dx);
  self->pan_y += y - (at.y * zoom + dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_hl_canvas_scroll (HlCanvas        *self,
                   double           dx,
                   double           dy,
                   GdkScrollUnit    unit,
                   GdkModifierType  state)
{
  double x, y;

  g_return_val_if_fail (HL_IS_CANVAS (self), FALSE);

  /* Zoom around the pointer, or the centre before it was seen. */
  x = self->has_pointer ? self->pointer.x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  y = self->has_pointer ? self->pointer.y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (unit == GDK_SCROLL_UNIT_WHEEL || (state & GDK_CONTROL_MASK))
    {
      if (dy == 0)
        return FALSE;
      /* A touchpad's Ctrl+scroll comes in small steps: 1.25× a wheel
       * notch, and as much per 40 px of fingers. */
      zoom_at (self, pow (1.25, unit == GDK_SCROLL_UNIT_WHEEL ? -dy : -dy / 40.0), x, y);
      return TRUE;
    }

  if (dx == 0 && dy == 0)
    return FALSE;
  /* Two fingers move the picture under them, as a drag would. */
  self->pan_x -= (self->preview.mirror ? -1 : 1) * dx;
  self->pan_y -= dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HlCanvas                 *self)
{
  return _hl_canvas_scroll (self, dx, dy, gtk_event_controller_scroll_get_unit (controller),
                            gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller)));
}

void
_hl_canvas_pinch (HlCanvas *self,
                  gboolean  begin,
                  double    scale,
                  double    x,
                  double    y)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  if (begin)
    self->pinch_zoom = self->user_zoom;
  if (!(isfinite (scale) && scale > 0.0) || !(self->pinch_zoom > 0.0))
    return;
  zoom_at (self, self->pinch_zoom * scale / self->user_zoom, x, y);
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HlCanvas         *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    _hl_canvas_pinch (self, TRUE, 1.0, x, y);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        HlCanvas       *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    _hl_canvas_pinch (self, FALSE, scale, x, y);
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
_hl_canvas_init_input (HlCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pan = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  g_assert (HL_IS_CANVAS (self));

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  self->primary_drag = drag;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_object (pan, "drag-begin", G_CALLBACK (on_pan_begin), self, 0);
  g_signal_connect_object (pan, "drag-update", G_CALLBACK (on_pan_update), self, 0);
  g_signal_connect_object (pan, "drag-end", G_CALLBACK (on_pan_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key), self, 0);
  g_signal_connect_object (key, "key-released", G_CALLBACK (on_key_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  /* Two fingers on a touchscreen: the pinch zooms, and owns them. */
  g_signal_connect_object (pinch, "begin", G_CALLBACK (on_pinch_begin), self, 0);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}

/* A dialog's drawing over the tool layer and its pointer input (the head
 * model's adjustment). */
void
hl_canvas_set_overlay (HlCanvas            *self,
                       HlCanvasOverlayFunc  func,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  if (self->overlay_destroy != NULL)
    self->overlay_destroy (self->overlay_data);
  self->overlay_func = func;
  self->overlay_data = user_data;
  self->overlay_destroy = destroy;
  self->overlay_input = NULL;
  self->overlay_dragging = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
hl_canvas_set_overlay_input (HlCanvas            *self,
                             HlCanvasOverlayInput input)
{
  g_return_if_fail (HL_IS_CANVAS (self));

  self->overlay_input = input;
}
