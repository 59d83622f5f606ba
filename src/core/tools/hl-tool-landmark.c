/* hl-tool-landmark.c: placing and moving facial landmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hl-edit.h"
#include "hl-measure.h"
#include "hl-tool-landmark.h"

typedef struct
{
  HlTool      parent;

  HlLandmark  dragged;      /* HL_N_LANDMARKS: none */
  HlLandmark  hover;        /* HL_N_LANDMARKS: none */
  HlPoint     press;        /* where the drag started */
  HlPoint     origin;       /* the landmark's position then */
  HlDesign   *preview;      /* owned ref while dragging and moved */
} HlToolLandmark;

static const HlToolClass landmark_class;

#define LANDMARK(tool) ((HlToolLandmark *) (tool))
#define IS_LANDMARK(tool) ((tool) != NULL && (tool)->klass == &landmark_class)

static const struct
{
  const char *title;
  const char *short_label;
} landmark_text[HL_N_LANDMARKS] = {
  /* Translators: left and right are the client's own; the abbreviations
   * label the landmarks on the photo, so keep them to 1–3 letters. */
  [HL_LANDMARK_GLABELLA] = { NC_("landmark", "Glabella"), NC_("landmark abbreviation", "G") },
  [HL_LANDMARK_NASION] = { NC_("landmark", "Nasion"), NC_("landmark abbreviation", "N") },
  [HL_LANDMARK_LEFT_PUPIL] = { NC_("landmark", "Left pupil"), NC_("landmark abbreviation", "LP") },
  [HL_LANDMARK_RIGHT_PUPIL] = { NC_("landmark", "Right pupil"), NC_("landmark abbreviation", "RP") },
  [HL_LANDMARK_LEFT_CANTHUS] = { NC_("landmark", "Left lateral canthus"), NC_("landmark abbreviation", "LC") },
  [HL_LANDMARK_RIGHT_CANTHUS] = { NC_("landmark", "Right lateral canthus"), NC_("landmark abbreviation", "RC") },
  [HL_LANDMARK_LEFT_IRIS_EDGE_A] = { NC_("landmark", "Left iris, first edge"), NC_("landmark abbreviation", "LI") },
  [HL_LANDMARK_LEFT_IRIS_EDGE_B] = { NC_("landmark", "Left iris, second edge"), NC_("landmark abbreviation", "LI") },
  [HL_LANDMARK_RIGHT_IRIS_EDGE_A] = { NC_("landmark", "Right iris, first edge"), NC_("landmark abbreviation", "RI") },
  [HL_LANDMARK_RIGHT_IRIS_EDGE_B] = { NC_("landmark", "Right iris, second edge"), NC_("landmark abbreviation", "RI") },
  [HL_LANDMARK_MID_FRONTAL_POINT] = { NC_("landmark", "Mid-frontal point"), NC_("landmark abbreviation", "MFP") },
  [HL_LANDMARK_LEFT_FRONTOTEMPORAL] = { NC_("landmark", "Left frontotemporal point"), NC_("landmark abbreviation", "LFT") },
  [HL_LANDMARK_RIGHT_FRONTOTEMPORAL] = { NC_("landmark", "Right frontotemporal point"), NC_("landmark abbreviation", "RFT") },
  [HL_LANDMARK_LEFT_TEMPORAL_PEAK] = { NC_("landmark", "Left temporal peak"), NC_("landmark abbreviation", "LTP") },
  [HL_LANDMARK_RIGHT_TEMPORAL_PEAK] = { NC_("landmark", "Right temporal peak"), NC_("landmark abbreviation", "RTP") },
};

const char *
hl_landmark_get_title (HlLandmark landmark)
{
  g_return_val_if_fail (landmark < HL_N_LANDMARKS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "landmark", landmark_text[landmark].title);
}

const char *
hl_landmark_get_short_label (HlLandmark landmark)
{
  g_return_val_if_fail (landmark < HL_N_LANDMARKS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "landmark abbreviation", landmark_text[landmark].short_label);
}

/* The placed landmark nearest @p within @radius, or HL_N_LANDMARKS. */
static HlLandmark
find_landmark (const HlView *view,
               HlPoint       p,
               double        radius)
{
  HlLandmark best = HL_N_LANDMARKS;
  double best_d = radius;

  g_assert (view != NULL);

  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    {
      double d;

      if (!view->landmarks[l].set)
        continue;
      d = hl_point_distance (p, view->landmarks[l].p);
      if (d < best_d || (best == HL_N_LANDMARKS && d <= best_d))
        {
          best = l;
          best_d = d;
        }
    }
  return best;
}

static HlToolResult
end_drag (HlToolLandmark *self,
          gboolean        commit)
{
  HlToolResult result;
  HlLandmark dragged = self->dragged;

  if (dragged == HL_N_LANDMARKS)
    return HL_TOOL_NOTHING;

  self->dragged = HL_N_LANDMARKS;
  result = HL_TOOL_REDRAW | HL_TOOL_CURSOR;
  if (self->preview == NULL)
    return result;

  /* A drag back to where it started is no change worth an undo step. */
  if (commit)
    {
      const HlView *view = hl_design_get_view (self->preview, self->parent.view);
      HlPoint p = view->landmarks[dragged].p;

      commit = p.x != self->origin.x || p.y != self->origin.y;
    }
  if (commit)
    {
      g_autofree char *label = g_strdup_printf (_("Move %s"), hl_landmark_get_title (dragged));

      result |= hl_tool_commit (&self->parent, self->preview, label);
    }
  else
    result |= HL_TOOL_PREVIEW;
  g_clear_pointer (&self->preview, hl_design_unref);
  return result;
}

/* The first landmark after @from (cyclically) that @view has not placed,
 * or @from when every one is. */
static HlLandmark
next_unset (const HlView *view,
            HlLandmark    from)
{
  for (guint k = 1; k < HL_N_LANDMARKS; k++)
    {
      HlLandmark l = (from + k) % HL_N_LANDMARKS;

      if (!view->landmarks[l].set)
        return l;
    }
  return from;
}

static HlToolResult
press (HlToolLandmark    *self,
       const HlView      *view,
       const HlToolEvent *event)
{
  HlToolResult result = end_drag (self, FALSE);
  HlLandmark hit = find_landmark (view, event->p, HL_HANDLE_RADIUS / event->zoom);
  g_autoptr(HlDesign) design = NULL;
  g_autofree char *label = NULL;
  const HlView *placed;

  if (hit != HL_N_LANDMARKS)
    {
      self->dragged = hit;
      self->hover = hit;
      self->press = event->p;
      self->origin = view->landmarks[hit].p;
      return result | HL_TOOL_CAPTURED | HL_TOOL_REDRAW | HL_TOOL_CURSOR;
    }

  design = hl_edit_set_landmark (hl_tool_get_current_design (&self->parent), self->parent.view,
                                 self->parent.options->landmark, TRUE, event->p);
  /* Translators: %s is a landmark, e.g. "Left pupil". */
  label = g_strdup_printf (_("Place %s"), hl_landmark_get_title (self->parent.options->landmark));
  result |= hl_tool_commit (&self->parent, design, label) | HL_TOOL_CAPTURED | HL_TOOL_CURSOR;

  placed = hl_tool_get_current_view (&self->parent);
  self->hover = self->parent.options->landmark;
  self->parent.options->landmark = next_unset (placed, self->parent.options->landmark);
  return result;
}

static HlToolResult
landmark_event (HlTool            *tool,
                const HlToolEvent *event)
{
  HlToolLandmark *self = LANDMARK (tool);
  const HlView *view = hl_tool_get_current_view (tool);

  if (event->type == HL_TOOL_CANCEL || view == NULL)
    return end_drag (self, FALSE);

  /* The landmark being dragged was unset meanwhile (undo): stop. */
  if (self->dragged != HL_N_LANDMARKS && !view->landmarks[self->dragged].set)
    end_drag (self, FALSE);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      return press (self, view, event);

    case HL_TOOL_MOTION:
      if (self->dragged != HL_N_LANDMARKS)
        {
          HlPoint p = { self->origin.x + event->p.x - self->press.x,
                        self->origin.y + event->p.y - self->press.y };

          g_clear_pointer (&self->preview, hl_design_unref);
          self->preview = hl_edit_set_landmark (hl_tool_get_current_design (tool), tool->view,
                                                self->dragged, TRUE, p);
          return HL_TOOL_REDRAW | HL_TOOL_PREVIEW;
        }
      else
        {
          HlLandmark hit = find_landmark (view, event->p, HL_HANDLE_RADIUS / event->zoom);
          HlToolResult result = HL_TOOL_REDRAW;  /* the name follows the pointer */

          if (hit != self->hover)
            result |= HL_TOOL_CURSOR;
          self->hover = hit;
          return result;
        }

    case HL_TOOL_RELEASE:
      return end_drag (self, TRUE);

    case HL_TOOL_KEY:
      return event->key == HL_TOOL_KEY_ESCAPE ? end_drag (self, FALSE) : HL_TOOL_NOTHING;

    case HL_TOOL_CANCEL:
    default:
      return HL_TOOL_NOTHING;
    }
}

static void
outlined_text (cairo_t    *cr,
               double      zoom,
               HlPoint     at,
               double      size,
               const char *text)
{
  hl_measure_draw_chip_label (cr, zoom, at, 0.0, size, text);
}

static void
landmark_draw_overlay (HlTool  *tool,
                       cairo_t *cr,
                       double   zoom)
{
  HlToolLandmark *self = LANDMARK (tool);
  const HlView *view = hl_tool_get_view (tool);

  hl_measure_draw_guides (view, cr, zoom, tool->options->unit);

  for (guint l = 0; l < HL_N_LANDMARKS; l++)
    {
      HlPoint p = view->landmarks[l].p;
      gboolean lit = l == self->hover || l == self->dragged;

      if (!view->landmarks[l].set)
        continue;

      cairo_new_path (cr);
      cairo_move_to (cr, p.x - 6 / zoom, p.y);
      cairo_line_to (cr, p.x + 6 / zoom, p.y);
      cairo_move_to (cr, p.x, p.y - 6 / zoom);
      cairo_line_to (cr, p.x, p.y + 6 / zoom);
      cairo_set_line_width (cr, 3.0 / zoom);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 1.5 / zoom);
      if (lit)
        cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
      else if (l == self->parent.options->landmark)
        cairo_set_source_rgb (cr, 0.2, 0.9, 0.4);
      else
        cairo_set_source_rgba (cr, 1.0, 0.8, 0.1, 0.95);
      cairo_stroke (cr);

      outlined_text (cr, zoom, (HlPoint) { p.x + 7 / zoom, p.y - 5 / zoom }, 10.0,
                     hl_landmark_get_short_label (l));
    }

  /* What the next press places, by the pointer. */
  if (tool->has_pointer && self->dragged == HL_N_LANDMARKS && self->hover == HL_N_LANDMARKS)
    outlined_text (cr, zoom, (HlPoint) { tool->pointer.x + 14 / zoom, tool->pointer.y + 20 / zoom }, 12.0,
                   hl_landmark_get_title (self->parent.options->landmark));
}

static const char *
landmark_get_cursor (HlTool *tool)
{
  HlToolLandmark *self = LANDMARK (tool);

  if (self->dragged != HL_N_LANDMARKS)
    return "grabbing";
  if (self->hover != HL_N_LANDMARKS)
    return "grab";
  return "crosshair";
}

static HlDesign *
landmark_get_preview (HlTool *tool)
{
  return LANDMARK (tool)->preview;
}

static void
landmark_finalize (HlTool *tool)
{
  g_clear_pointer (&LANDMARK (tool)->preview, hl_design_unref);
}

static void
landmark_init (HlTool *tool)
{
  HlToolLandmark *self = LANDMARK (tool);

  self->dragged = HL_N_LANDMARKS;
  self->hover = HL_N_LANDMARKS;
}

static const HlToolClass landmark_class = {
  .name = "landmark",
  .instance_size = sizeof (HlToolLandmark),
  .event = landmark_event,
  .draw_overlay = landmark_draw_overlay,
  .get_cursor = landmark_get_cursor,
  .get_preview = landmark_get_preview,
  .finalize = landmark_finalize,
  .init = landmark_init,
};

const HlToolClass *
hl_tool_landmark_class (void)
{
  return &landmark_class;
}

void
hl_tool_landmark_set_current (HlTool     *tool,
                              HlLandmark  landmark)
{
  g_return_if_fail (IS_LANDMARK (tool));
  g_return_if_fail (landmark < HL_N_LANDMARKS);

  tool->options->landmark = landmark;
}

HlLandmark
hl_tool_landmark_get_current (HlTool *tool)
{
  g_return_val_if_fail (IS_LANDMARK (tool), HL_LANDMARK_GLABELLA);
  return tool->options->landmark;
}

HlLandmark
hl_tool_landmark_get_dragged (HlTool *tool)
{
  g_return_val_if_fail (IS_LANDMARK (tool), HL_N_LANDMARKS);
  return LANDMARK (tool)->dragged;
}
