/* hl-tool-select.c: select, move, nudge, insert, remove and toggle points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-edit.h"
#include "hl-tool-select.h"

typedef struct
{
  HlTool    parent;

  HlHandle  hover;
  HlHandle  selected;

  gboolean  dragging;
  HlPoint   press;       /* where the drag started, image px */
  HlPoint   origin;      /* the point's position then */
  HlDesign *preview;     /* owned ref while dragging and moved, else NULL */
} HlToolSelect;

static const HlToolClass select_class;

#define SELECT(tool) ((HlToolSelect *) (tool))
#define IS_SELECT(tool) ((tool) != NULL && (tool)->klass == &select_class)

static const HlHandle no_handle = { HL_HANDLE_NONE, 0, 0 };

gboolean
hl_handle_equal (HlHandle a,
                 HlHandle b)
{
  return a.kind == b.kind && a.zone == b.zone && a.point == b.point;
}

/* Keeps @p as the best candidate when strictly nearer, or as near when
 * nothing was found yet (so earlier candidates win ties). */
static void
consider (HlHandle *best,
          double   *best_d,
          HlHandle  candidate,
          double    d)
{
  if (d < *best_d || (best->kind == HL_HANDLE_NONE && d <= *best_d))
    {
      *best = candidate;
      *best_d = d;
    }
}

HlHandle
hl_handle_find (const HlView *view,
                HlPoint       p,
                double        radius)
{
  HlHandle best = no_handle;
  double best_d = radius;

  g_return_val_if_fail (view != NULL, best);

  if (!hl_point_is_finite (p) || !(radius >= 0.0))
    return best;

  if (view->hairline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->hairline);

      for (guint i = 0; i < hl_curve_get_n_points (view->hairline); i++)
        consider (&best, &best_d, (HlHandle) { HL_HANDLE_HAIRLINE, 0, i },
                  hl_point_distance (p, pts[i]));
    }

  for (guint z = 0; z < view->zones->len; z++)
    {
      const HlCurve *outline = hl_view_get_zone (view, z)->boundary;
      const HlPoint *pts = hl_curve_get_points (outline);

      for (guint i = 0; i < hl_curve_get_n_points (outline); i++)
        consider (&best, &best_d, (HlHandle) { HL_HANDLE_ZONE, z, i },
                  hl_point_distance (p, pts[i]));
    }

  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (view->landmarks[l].set)
      consider (&best, &best_d, (HlHandle) { HL_HANDLE_LANDMARK, 0, l },
                hl_point_distance (p, view->landmarks[l].p));

  if (view->scalp_outline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->scalp_outline);

      for (guint i = 0; i < hl_curve_get_n_points (view->scalp_outline); i++)
        consider (&best, &best_d, (HlHandle) { HL_HANDLE_OUTLINE, 0, i },
                  hl_point_distance (p, pts[i]));
    }

  return best;
}

/* Handles of @view in the keyboard's order (see hl_handle_step): how many
 * there are, and the position of @h among them (-1 when @view lacks it). */
static guint
handle_count (const HlView *view,
              HlHandle      h,
              int          *index)
{
  guint n = 0;

  *index = -1;
  if (view->hairline != NULL)
    {
      guint len = hl_curve_get_n_points (view->hairline);

      if (h.kind == HL_HANDLE_HAIRLINE && h.point < len)
        *index = (int) h.point;
      n += len;
    }
  for (guint z = 0; z < view->zones->len; z++)
    {
      guint len = hl_curve_get_n_points (hl_view_get_zone (view, z)->boundary);

      if (h.kind == HL_HANDLE_ZONE && h.zone == z && h.point < len)
        *index = (int) (n + h.point);
      n += len;
    }
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (view->landmarks[l].set)
      {
        if (h.kind == HL_HANDLE_LANDMARK && h.point == l)
          *index = (int) n;
        n++;
      }
  if (view->scalp_outline != NULL)
    {
      guint len = hl_curve_get_n_points (view->scalp_outline);

      if (h.kind == HL_HANDLE_OUTLINE && h.point < len)
        *index = (int) (n + h.point);
      n += len;
    }
  return n;
}

/* The handle at position @index (< handle_count) in the keyboard's order. */
static HlHandle
handle_at (const HlView *view,
           guint         index)
{
  if (view->hairline != NULL)
    {
      guint len = hl_curve_get_n_points (view->hairline);

      if (index < len)
        return (HlHandle) { HL_HANDLE_HAIRLINE, 0, index };
      index -= len;
    }
  for (guint z = 0; z < view->zones->len; z++)
    {
      guint len = hl_curve_get_n_points (hl_view_get_zone (view, z)->boundary);

      if (index < len)
        return (HlHandle) { HL_HANDLE_ZONE, z, index };
      index -= len;
    }
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (view->landmarks[l].set && index-- == 0)
      return (HlHandle) { HL_HANDLE_LANDMARK, 0, l };
  if (view->scalp_outline != NULL && index < hl_curve_get_n_points (view->scalp_outline))
    return (HlHandle) { HL_HANDLE_OUTLINE, 0, index };
  return no_handle;
}

HlHandle
hl_handle_step (const HlView *view,
                HlHandle      from,
                gboolean      forward)
{
  guint n;
  int index;

  g_return_val_if_fail (view != NULL, no_handle);

  n = handle_count (view, from, &index);
  if (n == 0)
    return no_handle;
  if (index < 0)
    return handle_at (view, forward ? 0 : n - 1);
  return handle_at (view, forward ? ((guint) index + 1) % n : ((guint) index + n - 1) % n);
}

/* The curve a handle belongs to, or NULL (landmarks, stale handles). */
static const HlCurve *
handle_curve (const HlView *view,
              HlHandle      h)
{
  const HlCurve *curve = NULL;

  g_assert (view != NULL);

  if (h.kind == HL_HANDLE_HAIRLINE)
    curve = view->hairline;
  else if (h.kind == HL_HANDLE_ZONE && h.zone < view->zones->len)
    curve = hl_view_get_zone (view, h.zone)->boundary;
  else if (h.kind == HL_HANDLE_OUTLINE)
    curve = view->scalp_outline;

  if (curve == NULL || h.point >= hl_curve_get_n_points (curve))
    return NULL;
  return curve;
}

/* The handle's position; FALSE when @h does not exist in @view. */
static gboolean
handle_position (const HlView *view,
                 HlHandle      h,
                 HlPoint      *p)
{
  const HlCurve *curve;

  g_assert (view != NULL && p != NULL);

  if (h.kind == HL_HANDLE_LANDMARK)
    {
      if (h.point >= HL_N_LANDMARKS || !view->landmarks[h.point].set)
        return FALSE;
      *p = view->landmarks[h.point].p;
      return TRUE;
    }

  curve = handle_curve (view, h);
  if (curve == NULL)
    return FALSE;
  *p = hl_curve_get_points (curve)[h.point];
  return TRUE;
}

gboolean
hl_handle_get_position (const HlView *view,
                        HlHandle      h,
                        HlPoint      *p)
{
  HlPoint unused;

  g_return_val_if_fail (view != NULL, FALSE);

  return handle_position (view, h, p != NULL ? p : &unused);
}

static gboolean
handle_exists (const HlView *view,
               HlHandle      h)
{
  HlPoint p;

  return h.kind != HL_HANDLE_NONE && handle_position (view, h, &p);
}

/* @base with the curve of @h replaced by @curve (transfer full). A scalp
 * outline that would cross itself is refused: @base, unchanged. */
static HlDesign *
design_with_curve (HlDesign *base,
                   guint     view,
                   HlHandle  h,
                   HlCurve  *curve)
{
  g_assert (h.kind == HL_HANDLE_HAIRLINE || h.kind == HL_HANDLE_ZONE || h.kind == HL_HANDLE_OUTLINE);

  if (h.kind == HL_HANDLE_HAIRLINE)
    return hl_edit_set_hairline (base, view, curve);
  if (h.kind == HL_HANDLE_OUTLINE)
    return hl_scalp_outline_check (curve, NULL) ? hl_edit_set_scalp_outline (base, view, curve)
                                                : hl_design_ref (base);
  return hl_edit_set_zone_boundary (base, view, h.zone, curve);
}

/* @base with handle @h (which exists in it) at @p (transfer full). */
static HlDesign *
design_with_handle_at (HlDesign *base,
                       guint     view_index,
                       HlHandle  h,
                       HlPoint   p)
{
  const HlView *view = hl_design_get_view (base, view_index);
  g_autoptr(HlCurve) curve = NULL;

  if (h.kind == HL_HANDLE_LANDMARK)
    return hl_edit_set_landmark (base, view_index, h.point, TRUE, p);

  curve = hl_curve_with_point (handle_curve (view, h), h.point, p);
  return design_with_curve (base, view_index, h, curve);
}

static const char *
move_label (HlHandle h)
{
  switch (h.kind)
    {
    case HL_HANDLE_HAIRLINE: return _("Move hairline point");
    case HL_HANDLE_ZONE: return _("Move zone point");
    case HL_HANDLE_LANDMARK: return _("Move landmark");
    case HL_HANDLE_OUTLINE: return _("Move scalp outline point");
    case HL_HANDLE_NONE:
    default: return _("Move point");
    }
}

/* Forgets handles that the current design no longer has (after undo). */
static void
validate_handles (HlToolSelect *self,
                  const HlView *view)
{
  g_assert (view != NULL);

  if (!handle_exists (view, self->hover))
    self->hover = no_handle;
  if (!handle_exists (view, self->selected))
    self->selected = no_handle;
}

static HlToolResult
end_drag (HlToolSelect *self,
          gboolean      commit)
{
  HlToolResult result = HL_TOOL_NOTHING;
  const HlView *view;
  HlPoint p;

  if (!self->dragging)
    return result;

  self->dragging = FALSE;
  result |= HL_TOOL_REDRAW | HL_TOOL_CURSOR;
  if (self->preview == NULL)
    return result;

  /* A drag back to where it started changes nothing worth an undo step. */
  view = hl_design_get_view (self->preview, self->parent.view);
  if (commit && handle_position (view, self->selected, &p) &&
      (p.x != self->origin.x || p.y != self->origin.y))
    result |= hl_tool_commit (&self->parent, self->preview, move_label (self->selected));
  else
    result |= HL_TOOL_PREVIEW;
  g_clear_pointer (&self->preview, hl_design_unref);

  return result;
}

static HlToolResult
drag_to (HlToolSelect      *self,
         const HlToolEvent *event)
{
  HlDesign *base = hl_tool_get_current_design (&self->parent);
  HlPoint p = { self->origin.x + event->p.x - self->press.x,
                self->origin.y + event->p.y - self->press.y };

  if (!handle_exists (hl_design_get_view (base, self->parent.view), self->selected))
    return end_drag (self, FALSE);

  g_clear_pointer (&self->preview, hl_design_unref);
  self->preview = design_with_handle_at (base, self->parent.view, self->selected, p);
  return HL_TOOL_REDRAW | HL_TOOL_PREVIEW;
}

/* A double click on an outline: a new point there, selected. */
static HlToolResult
insert_point (HlToolSelect      *self,
              const HlView      *view,
              const HlToolEvent *event)
{
  double radius = HL_HANDLE_RADIUS / event->zoom;
  HlHandle best = no_handle;
  HlPoint best_at = { 0, 0 };
  double best_d = G_MAXDOUBLE;
  guint segment;
  HlPoint at;
  const HlCurve *curve;
  g_autoptr(HlCurve) inserted = NULL;
  g_autoptr(HlDesign) design = NULL;
  HlToolResult result;

  if (view->hairline != NULL &&
      hl_curve_find_segment (view->hairline, event->p, radius, &segment, &at))
    {
      best = (HlHandle) { HL_HANDLE_HAIRLINE, 0, segment + 1 };
      best_at = at;
      best_d = hl_point_distance (at, event->p);
    }

  /* Topmost zones first; the hairline wins ties. */
  for (guint z = view->zones->len; z-- > 0;)
    if (hl_curve_find_segment (hl_view_get_zone (view, z)->boundary, event->p, radius, &segment, &at) &&
        hl_point_distance (at, event->p) < best_d)
      {
        best = (HlHandle) { HL_HANDLE_ZONE, z, segment + 1 };
        best_at = at;
        best_d = hl_point_distance (at, event->p);
      }

  /* The view's own scalp outline last: the design's lines win ties. */
  if (view->scalp_outline != NULL &&
      hl_curve_find_segment (view->scalp_outline, event->p, radius, &segment, &at) &&
      hl_point_distance (at, event->p) < best_d)
    {
      best = (HlHandle) { HL_HANDLE_OUTLINE, 0, segment + 1 };
      best_at = at;
    }

  if (best.kind == HL_HANDLE_NONE)
    return HL_TOOL_NOTHING;

  curve = handle_curve (view, (HlHandle) { best.kind, best.zone, 0 });
  if (hl_curve_get_n_points (curve) >= HL_CURVE_MAX_POINTS)
    return HL_TOOL_CAPTURED;

  inserted = hl_curve_with_inserted_point (curve, best.point, best_at);
  design = design_with_curve (hl_tool_get_current_design (&self->parent), self->parent.view, best, inserted);
  result = hl_tool_commit (&self->parent, design,
                           best.kind == HL_HANDLE_HAIRLINE ? _("Add hairline point") :
                           best.kind == HL_HANDLE_OUTLINE ? _("Add scalp outline point") : _("Add zone point"));
  self->selected = best;
  self->hover = best;
  if (best.kind == HL_HANDLE_ZONE && hl_tool_get_selected_zone (&self->parent) != (int) best.zone)
    {
      hl_tool_set_selected_zone (&self->parent, (int) best.zone);
      result |= HL_TOOL_SELECTION;
    }
  return result | HL_TOOL_CAPTURED | HL_TOOL_CURSOR;
}

static HlToolResult
press (HlToolSelect      *self,
       const HlView      *view,
       const HlToolEvent *event)
{
  HlToolResult result = end_drag (self, FALSE);
  HlHandle hit = hl_handle_find (view, event->p, HL_HANDLE_RADIUS / event->zoom);
  int zone;

  if (hit.kind != HL_HANDLE_NONE)
    {
      self->selected = hit;
      self->hover = hit;
      self->dragging = TRUE;
      self->press = event->p;
      handle_position (view, hit, &self->origin);
      result |= HL_TOOL_CAPTURED | HL_TOOL_REDRAW | HL_TOOL_CURSOR;
      if (hit.kind == HL_HANDLE_ZONE && hl_tool_get_selected_zone (&self->parent) != (int) hit.zone)
        {
          hl_tool_set_selected_zone (&self->parent, (int) hit.zone);
          result |= HL_TOOL_SELECTION;
        }
      return result;
    }

  if (event->n_press >= 2)
    {
      HlToolResult inserted = insert_point (self, view, event);

      if (inserted != HL_TOOL_NOTHING)
        return result | inserted;
    }

  /* Not captured: the canvas pans. The point selection goes; a zone under
   * the pointer becomes the selected zone. */
  if (self->selected.kind != HL_HANDLE_NONE)
    {
      self->selected = no_handle;
      result |= HL_TOOL_REDRAW;
    }
  zone = hl_tool_zone_at (view, event->p);
  if (zone >= 0 && zone != hl_tool_get_selected_zone (&self->parent))
    {
      hl_tool_set_selected_zone (&self->parent, zone);
      result |= HL_TOOL_SELECTION | HL_TOOL_REDRAW;
    }
  return result;
}

static HlToolResult
hover (HlToolSelect      *self,
       const HlView      *view,
       const HlToolEvent *event)
{
  HlHandle hit = hl_handle_find (view, event->p, HL_HANDLE_RADIUS / event->zoom);

  if (hl_handle_equal (hit, self->hover))
    return HL_TOOL_NOTHING;
  self->hover = hit;
  return HL_TOOL_CURSOR | HL_TOOL_REDRAW;
}

static HlToolResult
nudge (HlToolSelect      *self,
       const HlView      *view,
       const HlToolEvent *event)
{
  double step = (event->fine ? 0.1 : 1.0) / event->zoom;
  g_autoptr(HlDesign) moved = NULL;
  HlPoint p;

  if (!handle_position (view, self->selected, &p))
    return HL_TOOL_NOTHING;

  switch (event->key)
    {
    case HL_TOOL_KEY_LEFT: p.x -= step; break;
    case HL_TOOL_KEY_RIGHT: p.x += step; break;
    case HL_TOOL_KEY_UP: p.y -= step; break;
    case HL_TOOL_KEY_DOWN: p.y += step; break;
    default: return HL_TOOL_NOTHING;
    }

  moved = design_with_handle_at (hl_tool_get_current_design (&self->parent),
                                 self->parent.view, self->selected, p);
  return hl_tool_commit (&self->parent, moved, move_label (self->selected));
}

static HlToolResult
remove_selected (HlToolSelect *self,
                 const HlView *view)
{
  HlDesign *base = hl_tool_get_current_design (&self->parent);
  g_autoptr(HlDesign) design = NULL;
  HlHandle h = self->selected;
  const char *label;

  switch (h.kind)
    {
    case HL_HANDLE_LANDMARK:
      design = hl_edit_set_landmark (base, self->parent.view, h.point, FALSE, (HlPoint) { 0, 0 });
      label = _("Remove landmark");
      break;

    case HL_HANDLE_HAIRLINE:
    case HL_HANDLE_ZONE:
    case HL_HANDLE_OUTLINE:
      {
        const HlCurve *curve = handle_curve (view, h);
        g_autoptr(HlCurve) shorter = NULL;

        if (hl_curve_get_n_points (curve) <= (h.kind == HL_HANDLE_HAIRLINE ? 2u : 3u))
          return HL_TOOL_NOTHING;
        shorter = hl_curve_without_point (curve, h.point);
        design = design_with_curve (base, self->parent.view, h, shorter);
        label = h.kind == HL_HANDLE_HAIRLINE ? _("Remove hairline point") :
                h.kind == HL_HANDLE_OUTLINE ? _("Remove scalp outline point") : _("Remove zone point");
      }
      break;

    case HL_HANDLE_NONE:
    default:
      return HL_TOOL_NOTHING;
    }

  self->selected = no_handle;
  self->hover = no_handle;
  return hl_tool_commit (&self->parent, design, label) | HL_TOOL_CURSOR;
}

static HlToolResult
toggle_corner (HlToolSelect *self,
               const HlView *view)
{
  const HlCurve *curve = handle_curve (view, self->selected);
  g_autoptr(HlCurve) toggled = NULL;
  g_autoptr(HlDesign) design = NULL;
  gboolean corner;

  if (curve == NULL)
    return HL_TOOL_NOTHING;

  corner = !hl_curve_is_corner (curve, self->selected.point);
  toggled = hl_curve_with_corner (curve, self->selected.point, corner);
  design = design_with_curve (hl_tool_get_current_design (&self->parent),
                              self->parent.view, self->selected, toggled);
  return hl_tool_commit (&self->parent, design, corner ? _("Make corner") : _("Make smooth"));
}

/* Tab, Shift+Tab: the next or previous point becomes the selected one. */
static HlToolResult
step_selection (HlToolSelect      *self,
                const HlView      *view,
                const HlToolEvent *event)
{
  HlHandle next = hl_handle_step (view, self->selected, event->key == HL_TOOL_KEY_NEXT);
  HlToolResult result = HL_TOOL_REDRAW;

  if (next.kind == HL_HANDLE_NONE)
    return HL_TOOL_NOTHING;
  self->selected = next;
  if (next.kind == HL_HANDLE_ZONE && hl_tool_get_selected_zone (&self->parent) != (int) next.zone)
    {
      hl_tool_set_selected_zone (&self->parent, (int) next.zone);
      result |= HL_TOOL_SELECTION;
    }
  return result;
}

static HlToolResult
key (HlToolSelect      *self,
     const HlView      *view,
     const HlToolEvent *event)
{
  if (event->key == HL_TOOL_KEY_ESCAPE)
    {
      if (self->dragging)
        return end_drag (self, FALSE);
      if (self->selected.kind != HL_HANDLE_NONE)
        {
          self->selected = no_handle;
          return HL_TOOL_REDRAW;
        }
      return HL_TOOL_NOTHING;
    }

  /* Other keys wait for the drag to end. */
  if (self->dragging)
    return HL_TOOL_NOTHING;

  switch (event->key)
    {
    case HL_TOOL_KEY_LEFT:
    case HL_TOOL_KEY_RIGHT:
    case HL_TOOL_KEY_UP:
    case HL_TOOL_KEY_DOWN:
      return nudge (self, view, event);
    case HL_TOOL_KEY_DELETE:
    case HL_TOOL_KEY_BACKSPACE:
      return remove_selected (self, view);
    case HL_TOOL_KEY_TOGGLE_CORNER:
      return toggle_corner (self, view);
    case HL_TOOL_KEY_NEXT:
    case HL_TOOL_KEY_PREVIOUS:
      return step_selection (self, view, event);
    default:
      return HL_TOOL_NOTHING;
    }
}

static HlToolResult
select_event (HlTool            *tool,
              const HlToolEvent *event)
{
  HlToolSelect *self = SELECT (tool);
  const HlView *view = hl_tool_get_current_view (tool);

  if (event->type == HL_TOOL_CANCEL || view == NULL)
    return end_drag (self, FALSE);

  validate_handles (self, view);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      return press (self, view, event);
    case HL_TOOL_MOTION:
      return self->dragging ? drag_to (self, event) : hover (self, view, event);
    case HL_TOOL_RELEASE:
      return end_drag (self, TRUE);
    case HL_TOOL_KEY:
      return key (self, view, event);
    case HL_TOOL_CANCEL:
    default:
      return HL_TOOL_NOTHING;
    }
}

static int
state_of (HlToolSelect *self,
          HlHandle      h)
{
  if (hl_handle_equal (h, self->selected))
    return 2;
  if (hl_handle_equal (h, self->hover))
    return 1;
  return 0;
}

static void
select_draw_overlay (HlTool  *tool,
                     cairo_t *cr,
                     double   zoom)
{
  HlToolSelect *self = SELECT (tool);
  const HlView *view = hl_tool_get_view (tool);
  int zone = hl_tool_get_selected_zone (tool);

  if (zone >= 0 && (guint) zone < view->zones->len)
    {
      hl_tool_path_curve (cr, hl_view_get_zone (view, (guint) zone)->boundary);
      cairo_set_source_rgba (cr, 1.0, 0.85, 0.2, 0.12);
      cairo_fill_preserve (cr);
      /* Yellow on a dark edge: seen on light skin and on dark hair. */
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (cr, 5.0 / zoom);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
      cairo_set_line_width (cr, 3.0 / zoom);
      cairo_stroke (cr);
    }

  for (guint z = 0; z < view->zones->len; z++)
    {
      const HlCurve *outline = hl_view_get_zone (view, z)->boundary;
      const HlPoint *pts = hl_curve_get_points (outline);

      for (guint i = 0; i < hl_curve_get_n_points (outline); i++)
        hl_tool_draw_handle (cr, zoom, pts[i], state_of (self, (HlHandle) { HL_HANDLE_ZONE, z, i }),
                             hl_curve_is_corner (outline, i));
    }

  if (view->scalp_outline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->scalp_outline);

      for (guint i = 0; i < hl_curve_get_n_points (view->scalp_outline); i++)
        hl_tool_draw_handle (cr, zoom, pts[i], state_of (self, (HlHandle) { HL_HANDLE_OUTLINE, 0, i }),
                             hl_curve_is_corner (view->scalp_outline, i));
    }

  if (view->hairline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->hairline);

      for (guint i = 0; i < hl_curve_get_n_points (view->hairline); i++)
        hl_tool_draw_handle (cr, zoom, pts[i], state_of (self, (HlHandle) { HL_HANDLE_HAIRLINE, 0, i }),
                             hl_curve_is_corner (view->hairline, i));
    }

  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    {
      HlPoint p = view->landmarks[l].p;
      int state = state_of (self, (HlHandle) { HL_HANDLE_LANDMARK, 0, l });

      if (!view->landmarks[l].set)
        continue;
      /* Landmarks: a small cross-hair handle, distinct from curve points. */
      cairo_new_path (cr);
      cairo_arc (cr, p.x, p.y, (state == 0 ? 3.5 : 5.0) / zoom, 0, 2 * G_PI);
      if (state == 2)
        cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
      else if (state == 1)
        cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
      else
        cairo_set_source_rgba (cr, 1.0, 0.8, 0.1, 0.9);
      cairo_fill (cr);
      cairo_move_to (cr, p.x - 7 / zoom, p.y);
      cairo_line_to (cr, p.x + 7 / zoom, p.y);
      cairo_move_to (cr, p.x, p.y - 7 / zoom);
      cairo_line_to (cr, p.x, p.y + 7 / zoom);
      cairo_set_line_width (cr, 1.2 / zoom);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
      cairo_stroke (cr);
    }
}

/* The handles of @curve's points, grown by their reach. */
static HlRect
handles_box (const HlCurve *curve,
             double         reach)
{
  return hl_rect_inflate (hl_rect_from_points (hl_curve_get_points (curve), hl_curve_get_n_points (curve)),
                          reach);
}

/* What select_draw_overlay() draws, without drawing it: the canvas used to
 * draw the overlay twice a frame (once to a recording surface for its
 * extents), a quarter of a frame's work with a hundred handles. */
static gboolean
select_overlay_extents (HlTool *tool,
                        double  zoom,
                        HlRect *extents)
{
  const HlView *view = hl_tool_get_view (tool);
  int zone = hl_tool_get_selected_zone (tool);
  double reach = hl_tool_handle_reach (zoom);
  HlRect r = hl_rect_from_points (NULL, 0);

  if (zone >= 0 && (guint) zone < view->zones->len)
    /* The 5 px edge, mitred (cairo's default limit, 10 half-widths), and
     * a pixel of antialiasing. */
    r = hl_rect_inflate (hl_curve_bounds (hl_view_get_zone (view, (guint) zone)->boundary),
                         (10.0 * 2.5 + 1.0) / zoom);
  for (guint z = 0; z < view->zones->len; z++)
    r = hl_rect_union (r, handles_box (hl_view_get_zone (view, z)->boundary, reach));
  if (view->scalp_outline != NULL)
    r = hl_rect_union (r, handles_box (view->scalp_outline, reach));
  if (view->hairline != NULL)
    r = hl_rect_union (r, handles_box (view->hairline, reach));
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (view->landmarks[l].set)
      /* The cross-hair's arms, 7 px, butt-ended, 1.2 px wide; its disc
       * at most 5 px; and a pixel of antialiasing. */
      r = hl_rect_union (r, hl_rect_inflate (hl_rect_from_points (&view->landmarks[l].p, 1),
                                             (7.0 + 1.0 + 1.0) / zoom));
  *extents = r;
  return TRUE;
}

/* Each handle's box, grown by its reach. */
static void
append_handle_boxes (GArray        *boxes,
                     const HlCurve *curve,
                     double         reach)
{
  const HlPoint *pts = hl_curve_get_points (curve);

  for (guint i = 0; i < hl_curve_get_n_points (curve); i++)
    {
      HlRect box = hl_rect_inflate (hl_rect_from_points (&pts[i], 1), reach);

      g_array_append_val (boxes, box);
    }
}

/* What select_overlay_extents() says, thing by thing: the selected zone,
 * each handle, each landmark. */
static gboolean
select_overlay_boxes (HlTool *tool,
                      double  zoom,
                      GArray *boxes)
{
  const HlView *view = hl_tool_get_view (tool);
  int zone = hl_tool_get_selected_zone (tool);
  double reach = hl_tool_handle_reach (zoom);

  if (zone >= 0 && (guint) zone < view->zones->len)
    {
      HlRect box = hl_rect_inflate (hl_curve_bounds (hl_view_get_zone (view, (guint) zone)->boundary),
                                    (10.0 * 2.5 + 1.0) / zoom);

      g_array_append_val (boxes, box);
    }
  for (guint z = 0; z < view->zones->len; z++)
    append_handle_boxes (boxes, hl_view_get_zone (view, z)->boundary, reach);
  if (view->scalp_outline != NULL)
    append_handle_boxes (boxes, view->scalp_outline, reach);
  if (view->hairline != NULL)
    append_handle_boxes (boxes, view->hairline, reach);
  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    if (view->landmarks[l].set)
      {
        HlRect box = hl_rect_inflate (hl_rect_from_points (&view->landmarks[l].p, 1), (7.0 + 1.0 + 1.0) / zoom);

        g_array_append_val (boxes, box);
      }
  return TRUE;
}

static const char *
select_get_cursor (HlTool *tool)
{
  HlToolSelect *self = SELECT (tool);

  if (self->dragging)
    return "grabbing";
  if (self->hover.kind != HL_HANDLE_NONE)
    return "grab";
  return NULL;
}

static HlDesign *
select_get_preview (HlTool *tool)
{
  return SELECT (tool)->preview;
}

static void
select_finalize (HlTool *tool)
{
  g_clear_pointer (&SELECT (tool)->preview, hl_design_unref);
}

static void
select_init (HlTool *tool)
{
  HlToolSelect *self = SELECT (tool);

  self->hover = no_handle;
  self->selected = no_handle;
}

static const HlToolClass select_class = {
  .name = "select",
  .instance_size = sizeof (HlToolSelect),
  .event = select_event,
  .draw_overlay = select_draw_overlay,
  .overlay_extents = select_overlay_extents,
  .overlay_boxes = select_overlay_boxes,
  .get_cursor = select_get_cursor,
  .get_preview = select_get_preview,
  .finalize = select_finalize,
  .init = select_init,
};

const HlToolClass *
hl_tool_select_class (void)
{
  return &select_class;
}

HlHandle
hl_tool_select_get_hover (HlTool *tool)
{
  g_return_val_if_fail (IS_SELECT (tool), no_handle);
  return SELECT (tool)->hover;
}

HlHandle
hl_tool_select_get_selected (HlTool *tool)
{
  g_return_val_if_fail (IS_SELECT (tool), no_handle);
  return SELECT (tool)->selected;
}

gboolean
hl_tool_select_is_dragging (HlTool *tool)
{
  g_return_val_if_fail (IS_SELECT (tool), FALSE);
  return SELECT (tool)->dragging;
}
