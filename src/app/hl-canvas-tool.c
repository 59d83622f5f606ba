/* hl-canvas-tool.c: the canvas's tool pass, drawn every frame over the
 * cached layers: the tool's feedback (handles, rubber band, ruler,
 * brush), the scalp outline and the placement guides, handed to GSK in
 * cells (hl-cell-layer.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <math.h>

#include "hl-canvas-private.h"
#include "hl-measure.h"
#include "hl-tool-landmark.h"

/* TRUE when the window draws with GSK's cairo renderer: it paints a
 * cairo surface as it is, while a new texture costs it an upload per
 * change (on X11, about four times the whole frame). */
gboolean
_hl_canvas_draws_with_cairo (HlCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

/* What snapshot_tool() draws, and where. */
typedef struct
{
  HlCanvas     *canvas;
  const HlView *view;
  double        zoom, dx, dy;
  int           width;
} ToolDrawing;

/* Where pigment may go (hl_view_get_scalp_outline()): a dashed line,
 * light on a dark edge so that it shows on skin and on hair. */
static void
draw_scalp_outline (cairo_t      *cr,
                    const HlView *view,
                    double        zoom)
{
  const HlCurve *outline = hl_view_get_scalp_outline (view);
  const double dash[] = { 6.0 / zoom, 4.0 / zoom };

  if (outline == NULL)
    return;
  cairo_save (cr);
  hl_tool_path_curve (cr, outline);
  cairo_set_line_width (cr, 2.5 / zoom);
  cairo_set_source_rgba (cr, 0.0, 0.0, 0.0, 0.45);
  cairo_stroke_preserve (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0.0);
  cairo_set_line_width (cr, 1.2 / zoom);
  cairo_set_source_rgba (cr, 0.55, 0.95, 0.75, 0.95);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The tool's feedback, the scalp outline and the placement guides, in
 * widget px. */
static void
draw_tool (cairo_t  *cr,
           gpointer  data)
{
  const ToolDrawing *d = data;
  HlCanvas *self = d->canvas;

  if (self->preview.mirror)
    {
      cairo_translate (cr, d->width, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_translate (cr, d->dx, d->dy);
  cairo_scale (cr, d->zoom, d->zoom);
  draw_scalp_outline (cr, d->view, d->zoom);
  /* The landmark tool draws the guides with its own feedback. */
  if (!g_str_equal (hl_tool_get_name (self->tool), "landmark"))
    {
      cairo_save (cr);
      hl_measure_draw_guides (d->view, cr, d->zoom,
                              self->tool_options != NULL ? self->tool_options->unit : HL_UNIT_MM);
      cairo_restore (cr);
    }
  hl_tool_draw_overlay (self->tool, cr, d->zoom);
  _hl_canvas_draw_key_cursor (self, cr, d->zoom);
  if (self->overlay_func != NULL)
    {
      cairo_save (cr);
      self->overlay_func (cr, d->view, d->zoom, self->overlay_data);
      cairo_restore (cr);
    }
}

/* The placement guides alone, in widget px, for their extents. */
static void
draw_guides (cairo_t  *cr,
             gpointer  data)
{
  const ToolDrawing *d = data;

  if (d->canvas->preview.mirror)
    {
      cairo_translate (cr, d->width, 0);
      cairo_scale (cr, -1, 1);
    }
  cairo_translate (cr, d->dx, d->dy);
  cairo_scale (cr, d->zoom, d->zoom);
  hl_measure_draw_guides (d->view, cr, d->zoom,
                          d->canvas->tool_options != NULL ? d->canvas->tool_options->unit : HL_UNIT_MM);
}

/* The ink of @draw in widget px (recorded: drawn once more, off screen). */
static HlRect
recorded_ink (void (*draw) (cairo_t *, gpointer),
              ToolDrawing *drawing)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double ix, iy, iw, ih;

  draw (cr, drawing);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (recording);
  if (!(iw > 0 && ih > 0))
    return hl_rect_from_points (NULL, 0);
  return (HlRect) { ix, iy, ix + iw, iy + ih };
}

/* @box (image px) in widget px. */
static HlRect
widget_box (HlCanvas          *self,
            const ToolDrawing *d,
            HlRect             box)
{
  HlRect r = { d->dx + d->zoom * box.x0, d->dy + d->zoom * box.y0,
               d->dx + d->zoom * box.x1, d->dy + d->zoom * box.y1 };

  if (self->preview.mirror)
    r = (HlRect) { d->width - r.x1, r.y0, d->width - r.x0, r.y1 };
  return r;
}

/* Where the tool layer draws, in widget px: worked out from the geometry
 * (the tool's extents, the scalp outline's bounds) when the tool can say,
 * so that only the guides, a few lines and a label, are recorded; else
 * the whole layer recorded. When the tool says where each thing it draws
 * goes (hl_tool_get_overlay_boxes()), @parts (HlRect, widget px) gets
 * those places, the outline's, the keyboard cursor's and the guides';
 * else it is emptied and *@have_parts FALSE. */
static HlRect
tool_layer_ink (HlCanvas    *self,
                ToolDrawing *d,
                GArray      *parts,
                gboolean    *have_parts)
{
  HlRect box, ink, r;
  const HlCurve *outline = hl_view_get_scalp_outline (d->view);

  g_array_set_size (parts, 0);
  *have_parts = FALSE;
  /* A dialog's overlay (the head model) is drawn by its owner: recorded. */
  if (self->overlay_func != NULL || !hl_tool_get_overlay_extents (self->tool, d->zoom, &box))
    return recorded_ink (draw_tool, d);
  *have_parts = hl_tool_get_overlay_boxes (self->tool, d->zoom, parts);
  /* The keyboard cursor: a 9 px cross and ring on a 3.5 px dark edge. */
  if (self->key_cursor_on)
    {
      HlPoint c = self->key_cursor;
      HlRect cursor = hl_rect_inflate ((HlRect) { c.x, c.y, c.x, c.y }, (9.0 + 1.75 + 1.0) / d->zoom);

      box = hl_rect_union (box, cursor);
      g_array_append_val (parts, cursor);
    }

  /* The outline's 2.5 px edge, mitred (cairo's limit, 10 half-widths),
   * and a pixel of antialiasing (draw_scalp_outline()). */
  if (outline != NULL)
    {
      r = hl_rect_inflate (hl_curve_bounds (outline), (10.0 * 1.25 + 1.0) / d->zoom);
      box = hl_rect_union (box, r);
      g_array_append_val (parts, r);
    }
  ink = hl_rect_from_points (NULL, 0);
  if (!hl_rect_is_empty (box))
    ink = widget_box (self, d, box);
  for (guint i = 0; i < parts->len; i++)
    g_array_index (parts, HlRect, i) = widget_box (self, d, g_array_index (parts, HlRect, i));
  /* The landmark tool draws the guides with its own feedback. */
  if (!g_str_equal (hl_tool_get_name (self->tool), "landmark"))
    {
      r = recorded_ink (draw_guides, d);
      ink = hl_rect_union (ink, r);
      if (!hl_rect_is_empty (r))
        g_array_append_val (parts, r);
    }
  if (!*have_parts)
    g_array_set_size (parts, 0);
  return ink;
}

/* @box (widget px) as whole pixels around it, within @w × @h; FALSE when
 * nothing is left. */
static gboolean
pixel_box (HlRect                 box,
           int                    w,
           int                    h,
           cairo_rectangle_int_t *out)
{
  int x0, y0, x1, y1;

  if (hl_rect_is_empty (box))
    return FALSE;
  x0 = (int) MAX (0.0, floor (box.x0) - 1);
  y0 = (int) MAX (0.0, floor (box.y0) - 1);
  x1 = (int) MIN ((double) w, ceil (box.x1) + 1);
  y1 = (int) MIN ((double) h, ceil (box.y1) + 1);
  if (!(x1 > x0 && y1 > y0))
    return FALSE;
  *out = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* The tool's feedback and the placement guides, over the cached layers,
 * in cells (hl-cell-layer.h): only the cells that changed are new nodes,
 * and GSK repaints those alone. One node for all of it spans the canvas
 * when the zones' corners do, and GSK repainted the whole canvas at every
 * step of a drag. With the places of what is drawn, only those are
 * compared with the last frame (a handle's few cells, not the canvas). */
void
_hl_canvas_snapshot_tool (HlCanvas     *self,
                          GtkSnapshot  *snapshot,
                          const HlView *view,
                          double        zoom,
                          double        dx,
                          double        dy)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  ToolDrawing drawing = { self, view, zoom, dx, dy, w };
  cairo_rectangle_int_t ink = { 0, 0, 0, 0 };
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (HlRect));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
  gboolean have_parts;
  HlRect box;

  if (self->tool == NULL)
    return;

  box = tool_layer_ink (self, &drawing, parts, &have_parts);
  if (!pixel_box (box, w, h, &ink))
    ink = (cairo_rectangle_int_t) { 0, 0, 0, 0 };
  for (guint i = 0; i < parts->len; i++)
    {
      cairo_rectangle_int_t r;

      if (pixel_box (g_array_index (parts, HlRect, i), w, h, &r))
        g_array_append_val (boxes, r);
    }
  hl_cell_layer_snapshot (self->tool_cells, snapshot, draw_tool, &drawing, &ink, have_parts ? boxes : NULL,
                          w, h, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                          _hl_canvas_draws_with_cairo (self));
}

void
hl_canvas_reset_tool_cells (HlCanvas *self)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  hl_cell_layer_reset (self->tool_cells);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
