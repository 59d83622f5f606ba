/* hl-canvas.c
 *
 * Frames are built from two cached layers and one live pass:
 *
 *   photo layer   background and scaled photo; key: size, zoom and pan
 *   design layer  a copy of the photo layer with dots, hairline and zones;
 *                 key: the photo layer's; on "changed" only the cells whose
 *                 dots or lines changed are drawn again, and it reaches GSK
 *                 as tiles kept from frame to frame, so that only the
 *                 tiles an edit touched are painted again
 *   tool pass     the tool's own feedback (handles, rubber band, ruler,
 *                 brush) and the placement guides: a cairo node drawn every
 *                 frame over the design layer, as large as what it draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hl-canvas.h"
#include "hl-cell-layer.h"
#include "hl-density-map.h"
#include "hl-measure.h"
#include "hl-render.h"
#include "hl-tool-landmark.h"
#include "hl-tool-select.h"
#include "hl-tools.h"

#define ZOOM_MIN 0.25
#define ZOOM_MAX 64.0

/* Presenting, the view is fitted to what is drawn and this much around
 * it (a fraction of its size). */
#define PRESENT_MARGIN 0.6

/* Opacity of the density map's cells over the design. */
#define DENSITY_ALPHA 0.55

/* Two presses closer than this in screen px (and in time than GTK's
 * double-click time) make a double click. */
#define DOUBLE_CLICK_DISTANCE 6.0

/* The design layer goes to GSK as squares of this many device px, each a
 * node kept from frame to frame until its pixels change: GSK's node diff
 * then repaints only the squares an edit touched. */
#define TILE_SIZE 256
/* Changes are found on a finer grid of cells of this many device px (a
 * divisor of TILE_SIZE); only the changed cells of a square are drawn. */
#define CELL_SIZE 32
/* Dots and lines reach a few device px past their image px bounds
 * (antialiasing, line widths, the aged stage's blur). */
#define DRAW_PAD 6
/* Lines are drawn this many device px past the part kept. */
#define LINE_MARGIN 64

struct _HlCanvas
{
  GtkWidget        parent_instance;

  /* Owned references */
  HlDocument      *document;
  HlTool          *tool;          /* edits the document; NULL when empty */
  char            *tool_name;     /* the tool to make for each document */
  HlToolOptions   *tool_options;  /* borrowed from the window, or NULL */
  cairo_surface_t *photo_layer;   /* at layer_key */
  HlPhoto         *layer_photo;   /* the photo the layer and the tool were given */
  cairo_surface_t *design_layer;  /* photo, dots and lines at layer_key */
  GskRenderNode  **tiles;         /* the design layer in TILE_SIZE squares, row by row,
                                     as nodes GSK can tell apart; NULL: to make */
  int              n_tiles_x, n_tiles_y;
  gboolean         tiles_cairo;   /* made for GSK's cairo renderer (else textures) */
  GArray          *redrawn_tiles; /* GdkRectangle: tiles the last drawing made again */
  HlCellLayer     *tool_cells;    /* the tool's feedback, as GSK last saw it */
  GArray          *layer_dots;    /* the dots drawn in it (the document's,
                                     which never change: a reference) */
  cairo_surface_t *dots_layer;    /* the design layer under its lines: photo and dots */
  cairo_surface_t *lines_scratch; /* as large: where a part's lines are drawn */
  HlView          *layer_view;    /* the view drawn in it */
  gboolean         layer_full;    /* all of it is to draw again */
  gboolean         layer_stale;   /* the document changed since it was drawn */
  GdkRectangle     last_redraw;   /* device px of the layer's last drawing */

  double           layer_key[5];  /* width, height, zoom, dx, dy in device px */
  guint            design_renders;

  double           user_zoom;     /* 1 = fit the widget */
  double           pan_x, pan_y;  /* screen px */
  HlPoint          drag_start;    /* widget px */
  HlPoint          drag_last;     /* last drag offset, for panning */
  HlPoint          pointer;       /* last pointer position, widget px */
  gboolean         has_pointer;
  gboolean         captured;      /* the tool owns the current primary drag */
  gboolean         panning;       /* the current drag pans */
  HlPoint          last_press;    /* widget px, for double clicks */
  guint32          last_press_time;
  guint            n_press;
  guint            pending;       /* results to report once the gesture is over */
  guint            pending_source;

  /* The client preview (hl-canvas-preview.h) */
  HlPreview        preview;
  double           split;         /* HL_COMPARE_SPLIT: the line, 0–1 of the width */
  gboolean         splitting;     /* the current drag moves the line */
  GdkTexture      *photo_texture; /* the photo layer, for the before side */
  HlDensityMap    *density_map;   /* of the shown dots; NULL when off or stale */

  char            *description;   /* the accessible description last set */
};

G_DEFINE_FINAL_TYPE (HlCanvas, hl_canvas, GTK_TYPE_WIDGET)

enum { TOOL_RESULT, N_SIGNALS };
static guint signals[N_SIGNALS];

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

/* Tools work in the plain view; comparisons and presentation are for
 * looking (the pointer moves the split line or pans). */
static gboolean
tools_active (HlCanvas *self)
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
static double
pane_x (HlCanvas *self,
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
static void
get_transform (HlCanvas *self,
               double   *zoom,
               double   *dx,
               double   *dy)
{
  const HlView *view = shown_view (self);
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
  return (HlPoint) { (pane_x (self, x) - dx) / zoom, (y - dy) / zoom };
}

HlPoint
hl_canvas_image_to_widget (HlCanvas *self,
                           HlPoint   p)
{
  HlPoint none = { 0, 0 };
  double zoom, dx, dy;

  g_return_val_if_fail (HL_IS_CANVAS (self), none);
  get_transform (self, &zoom, &dx, &dy);
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
  return self->design_renders;
}

void
hl_canvas_get_last_redraw (HlCanvas     *self,
                           GdkRectangle *part,
                           int          *width,
                           int          *height)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  *part = self->last_redraw;
  *width = self->design_layer != NULL ? cairo_image_surface_get_width (self->design_layer) : 0;
  *height = self->design_layer != NULL ? cairo_image_surface_get_height (self->design_layer) : 0;
}

void
hl_canvas_get_redrawn_tiles (HlCanvas *self,
                             GArray   *tiles)
{
  g_return_if_fail (HL_IS_CANVAS (self));
  g_return_if_fail (tiles != NULL);
  g_array_set_size (tiles, 0);
  if (self->redrawn_tiles != NULL)
    g_array_append_vals (tiles, self->redrawn_tiles->data, self->redrawn_tiles->len);
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
drop_tiles (HlCanvas *self)
{
  for (int i = 0; self->tiles != NULL && i < self->n_tiles_x * self->n_tiles_y; i++)
    g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
  g_clear_pointer (&self->tiles, g_free);
  self->n_tiles_x = self->n_tiles_y = 0;
}

static void
drop_layers (HlCanvas *self)
{
  g_clear_pointer (&self->photo_layer, cairo_surface_destroy);
  g_clear_object (&self->photo_texture);
  g_clear_pointer (&self->design_layer, cairo_surface_destroy);
  drop_tiles (self);
  if (self->tool_cells != NULL)
    hl_cell_layer_reset (self->tool_cells);
  g_clear_pointer (&self->redrawn_tiles, g_array_unref);
  g_clear_pointer (&self->layer_dots, g_array_unref);
  g_clear_pointer (&self->dots_layer, cairo_surface_destroy);
  g_clear_pointer (&self->lines_scratch, cairo_surface_destroy);
  g_clear_pointer (&self->layer_view, hl_view_unref);
  g_clear_pointer (&self->density_map, hl_density_map_free);
}

/* The design layer is to be drawn again whole (the transform, the stage or
 * the sessions changed). */
static void
invalidate_design (HlCanvas *self)
{
  self->layer_full = TRUE;
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
  g_clear_object (&self->photo_texture);
  self->photo_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (self->photo_layer);
  cairo_set_source_rgb (cr, 0.17, 0.17, 0.17);
  cairo_paint (cr);
  cairo_destroy (cr);

  hl_render_options_init (&options);
  options.show_dots = FALSE;
  hl_render_view (self->photo_layer, zoom, dx, dy, shown_photo (self), view, NULL, 0, &options);
}

/* A hash of everything a dot draws with. */
static inline guint64
dot_hash (const HlDot *dot)
{
  guint64 a, b;
  guint32 c;

  G_STATIC_ASSERT (sizeof (HlDot) == 2 * sizeof (guint64) + sizeof (guint32));
  memcpy (&a, dot, sizeof a);
  memcpy (&b, (const guint8 *) dot + sizeof a, sizeof b);
  memcpy (&c, (const guint8 *) dot + 2 * sizeof a, sizeof c);
  a = (a ^ (b * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) ^ ((guint64) c << 17)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  return a ^ (a >> 31);
}

/* The grid of cells (CELL_SIZE device px) over a layer of @width × @height
 * and the transform from image px to it. */
typedef struct
{
  int      nx, ny;
  double   zoom, dx, dy;
  double   px_per_mm;   /* image px per mm */
  guint64 *was;         /* per cell, the dots drawn there before, in order */
  guint64 *now;         /* the same for the dots to draw */
  guint8  *dirty;       /* cells to draw again */
} CellGrid;

/* Cells [@cx0, @cx1] × [@cy0, @cy1] covering the device px box around
 * image px (@x, @y) with radius @r device px; FALSE when off the layer. */
static inline gboolean
cell_range (const CellGrid *g,
            double          x0,
            double          y0,
            double          x1,
            double          y1,
            int            *cx0,
            int            *cy0,
            int            *cx1,
            int            *cy1)
{
  double ax = x0 * g->zoom + g->dx - DRAW_PAD, ay = y0 * g->zoom + g->dy - DRAW_PAD;
  double bx = x1 * g->zoom + g->dx + DRAW_PAD, by = y1 * g->zoom + g->dy + DRAW_PAD;

  if (!(bx >= 0 && by >= 0 && ax < (double) g->nx * CELL_SIZE && ay < (double) g->ny * CELL_SIZE))
    return FALSE;
  *cx0 = MAX (0, (int) floor (ax / CELL_SIZE));
  *cy0 = MAX (0, (int) floor (ay / CELL_SIZE));
  *cx1 = MIN (g->nx - 1, (int) floor (bx / CELL_SIZE));
  *cy1 = MIN (g->ny - 1, (int) floor (by / CELL_SIZE));
  return TRUE;
}

/* Folds dots [@from, @to) into the cells they draw on, in order. */
static void
hash_dots (const CellGrid *g,
           guint64        *cells,
           const HlDot    *dots,
           gsize           from,
           gsize           to)
{
  for (gsize i = from; i < to; i++)
    {
      double r = 0.5 * dots[i].diameter_mm * g->px_per_mm;
      guint64 h = dot_hash (&dots[i]);
      int cx0, cy0, cx1, cy1;

      if (!cell_range (g, dots[i].x - r, dots[i].y - r, dots[i].x + r, dots[i].y + r, &cx0, &cy0, &cx1, &cy1))
        continue;
      for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++)
          {
            guint64 *c = &cells[cy * g->nx + cx];

            *c = (*c ^ h) * G_GUINT64_CONSTANT (0x94d049bb133111eb) + 1;
          }
    }
}

static void
mark_box (CellGrid *g,
          double    x0,
          double    y0,
          double    x1,
          double    y1)
{
  int cx0, cy0, cx1, cy1;

  if (x1 < x0 || !cell_range (g, x0, y0, x1, y1, &cx0, &cy0, &cx1, &cy1))
    return;
  for (int cy = cy0; cy <= cy1; cy++)
    memset (&g->dirty[cy * g->nx + cx0], 1, cx1 - cx0 + 1);
}

static void
mark_curve (CellGrid      *g,
            const HlCurve *curve)
{
  HlRect r;

  if (curve == NULL)
    return;
  r = hl_curve_bounds (curve);
  if (!hl_rect_is_empty (r))
    mark_box (g, r.x0, r.y0, r.x1, r.y1);
}

/* Marks the polyline's points [@from, @to] and the pieces between them. */
static void
mark_stretch (CellGrid      *g,
              const HlPoint *pts,
              guint          from,
              guint          to)
{
  for (guint j = from; j <= to; j++)
    {
      HlPoint p = pts[j], q = pts[j < to ? j + 1 : j];

      mark_box (g, MIN (p.x, q.x), MIN (p.y, q.y), MAX (p.x, q.x), MAX (p.y, q.y));
    }
}

/* The hairline is drawn solid: only the stretch of its polyline between
 * a common head and tail changes pixels. */
static void
mark_hairline (CellGrid      *g,
               const HlCurve *old,
               const HlCurve *now)
{
  const HlPoint *a = NULL, *b = NULL;
  guint na = 0, nb = 0, head = 0, tail = 0;

  if (old != NULL)
    a = hl_curve_get_polyline (old, &na);
  if (now != NULL)
    b = hl_curve_get_polyline (now, &nb);
  if (na == 0 || nb == 0)
    {
      mark_curve (g, old);
      mark_curve (g, now);
      return;
    }
  while (head < na && head < nb && a[head].x == b[head].x && a[head].y == b[head].y)
    head++;
  while (tail < na - head && tail < nb - head &&
         a[na - 1 - tail].x == b[nb - 1 - tail].x && a[na - 1 - tail].y == b[nb - 1 - tail].y)
    tail++;
  if (head == na && head == nb)
    return;
  /* The pieces joining the stretch to the head and tail changed too. */
  mark_stretch (g, a, head > 0 ? head - 1 : 0, MIN (na - 1, na - tail));
  mark_stretch (g, b, head > 0 ? head - 1 : 0, MIN (nb - 1, nb - tail));
}

/* Marks the cells whose pixels differ between the layer and the design
 * shown: those where the sequence of dots drawn differs (the engine keeps
 * unchanged dots in order, so only the stretch between a common head and
 * tail is compared; blending makes the order count) and those the lines
 * that are no longer the same values cross. FALSE when all of it changed. */
static gboolean
changed_cells (HlCanvas     *self,
               const HlView *view,
               const HlDot  *dots,
               gsize         n_dots,
               CellGrid     *g)
{
  const HlView *old = self->layer_view;
  const HlDot *was;
  gsize n_was, head = 0, tail = 0;
  double mm_per_px = hl_view_get_mm_per_px (view, NULL);

  if (old == NULL || self->layer_dots == NULL ||
      hl_view_get_mm_per_px (old, NULL) != mm_per_px || old->zones->len != view->zones->len)
    return FALSE;

  was = (const HlDot *) (gconstpointer) self->layer_dots->data;
  n_was = self->layer_dots->len;
  if (was == dots)
    head = n_was;   /* the same array: no dot changed */
  while (head < n_was && head < n_dots && memcmp (&was[head], &dots[head], sizeof *dots) == 0)
    head++;
  while (tail < n_was - head && tail < n_dots - head &&
         memcmp (&was[n_was - 1 - tail], &dots[n_dots - 1 - tail], sizeof *dots) == 0)
    tail++;
  g->px_per_mm = 1.0 / mm_per_px;
  hash_dots (g, g->was, was, head, n_was - tail);
  hash_dots (g, g->now, dots, head, n_dots - tail);
  for (int c = 0; c < g->nx * g->ny; c++)
    g->dirty[c] |= g->was[c] != g->now[c];

  if (old->hairline != view->hairline)
    mark_hairline (g, old->hairline, view->hairline);
  for (guint i = 0; i < view->zones->len; i++)
    {
      const HlZone *a = g_ptr_array_index (old->zones, i);
      const HlZone *b = g_ptr_array_index (view->zones, i);

      if (a->boundary != b->boundary)
        {
          mark_curve (g, a->boundary);
          mark_curve (g, b->boundary);
        }
    }
  return TRUE;
}

/* Photo, dots and lines of the design shown into the part @x, @y, @w × @h
 * (device px) of the design layer. The photo with the dots is kept apart
 * (dots_layer): when @dots_current, only the lines are drawn again over
 * it, as while the engine computes the dots of a dragged outline (millions
 * of dots take seconds to draw). */
/* An image surface of the @w × @h pixels of @surface at @x, @y (transfer
 * full): drawn into, it draws into them, as a surface of its own size
 * would, without a new one to clear and copy. Flush @surface before and
 * mark the pixels dirty after. */
static cairo_surface_t *
surface_part (cairo_surface_t *surface,
              int              x,
              int              y,
              int              w,
              int              h)
{
  int stride = cairo_image_surface_get_stride (surface);

  return cairo_image_surface_create_for_data (cairo_image_surface_get_data (surface) + (gsize) y * stride + (gsize) x * 4,
                                              CAIRO_FORMAT_ARGB32, w, h, stride);
}

static void
draw_design_part (HlCanvas     *self,
                  const HlView *view,
                  const HlDot  *dots,
                  gsize         n_dots,
                  gboolean      dots_current,
                  int           x,
                  int           y,
                  int           w,
                  int           h,
                  double        zoom,
                  double        dx,
                  double        dy)
{
  HlRenderOptions options;
  cairo_surface_t *part;
  cairo_t *cr;
  int width = cairo_image_surface_get_width (self->design_layer);
  int height = cairo_image_surface_get_height (self->design_layer);
  int lx0, ly0, lx1, ly1;

  if (self->dots_layer == NULL ||
      cairo_image_surface_get_width (self->dots_layer) != width ||
      cairo_image_surface_get_height (self->dots_layer) != height)
    {
      g_clear_pointer (&self->dots_layer, cairo_surface_destroy);
      g_clear_pointer (&self->lines_scratch, cairo_surface_destroy);
      self->dots_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      self->lines_scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      dots_current = FALSE;
      x = y = 0;
      w = width;
      h = height;
    }

  hl_render_options_init (&options);
  options.show_photo = FALSE;
  options.stage = self->preview.stage;
  options.sessions = self->preview.sessions;

  if (!dots_current)
    {
      cairo_surface_flush (self->dots_layer);
      part = surface_part (self->dots_layer, x, y, w, h);
      cr = cairo_create (part);
      cairo_set_source_surface (cr, self->photo_layer, -x, -y);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
      hl_render_view (part, zoom, dx - x, dy - y, shown_photo (self), view, dots, n_dots, &options);
      cairo_surface_destroy (part);
      cairo_surface_mark_dirty_rectangle (self->dots_layer, x, y, w, h);
    }

  /* The lines over a wider part than is kept: cairo strokes a dashed or
   * antialiased path near the target's edges otherwise than inside it. */
  lx0 = MAX (0, x - LINE_MARGIN);
  ly0 = MAX (0, y - LINE_MARGIN);
  lx1 = MIN (width, x + w + LINE_MARGIN);
  ly1 = MIN (height, y + h + LINE_MARGIN);
  cairo_surface_flush (self->lines_scratch);
  part = surface_part (self->lines_scratch, 0, 0, lx1 - lx0, ly1 - ly0);
  cr = cairo_create (part);
  cairo_set_source_surface (cr, self->dots_layer, -lx0, -ly0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);

  options.show_dots = FALSE;
  options.overlays = self->preview.presentation ? HL_OVERLAY_NONE : HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  hl_render_view (part, zoom, dx - lx0, dy - ly0, shown_photo (self), view, NULL, 0, &options);

  cr = cairo_create (self->design_layer);
  cairo_set_source_surface (cr, part, lx0, ly0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (part);
}

/* Brings the design layer (the photo layer with the dots, hairline and
 * zones of the design shown) up to date: only the cells that changed when
 * the document changed, all of it when the transform or the preview did.
 * The tiles over redrawn cells are made again at the next snapshot. */
static void
render_design_layer (HlCanvas     *self,
                     const HlView *view,
                     int           width,
                     int           height,
                     double        zoom,
                     double        dx,
                     double        dy)
{
  const HlDot *dots;
  gsize n_dots = 0;
  gboolean dots_current, full;
  CellGrid g = { 0 };
  int n_cells, rx0 = width, ry0 = height, rx1 = 0, ry1 = 0;
  int cells_per_tile = TILE_SIZE / CELL_SIZE;

  if (self->design_layer == NULL ||
      cairo_image_surface_get_width (self->design_layer) != width ||
      cairo_image_surface_get_height (self->design_layer) != height)
    {
      g_clear_pointer (&self->design_layer, cairo_surface_destroy);
      self->design_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      drop_tiles (self);
      self->n_tiles_x = (width + TILE_SIZE - 1) / TILE_SIZE;
      self->n_tiles_y = (height + TILE_SIZE - 1) / TILE_SIZE;
      self->tiles = g_new0 (GskRenderNode *, (gsize) self->n_tiles_x * self->n_tiles_y);
      self->layer_full = TRUE;
    }
  if (!self->layer_full && !self->layer_stale)
    return;
  if (self->redrawn_tiles == NULL)
    self->redrawn_tiles = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_array_set_size (self->redrawn_tiles, 0);

  dots = hl_document_get_dots (self->document, &n_dots);
  /* The same dots as drawn (only the lines moved): the dots layer holds. */
  dots_current = !self->layer_full && self->layer_dots != NULL && self->layer_dots->len == n_dots &&
                 self->layer_view != NULL &&
                 hl_view_get_mm_per_px (self->layer_view, NULL) == hl_view_get_mm_per_px (view, NULL) &&
                 (n_dots == 0 || (gconstpointer) self->layer_dots->data == (gconstpointer) dots ||
                  memcmp (self->layer_dots->data, dots, n_dots * sizeof *dots) == 0);

  g.nx = self->n_tiles_x * cells_per_tile;
  g.ny = self->n_tiles_y * cells_per_tile;
  g.zoom = zoom;
  g.dx = dx;
  g.dy = dy;
  n_cells = g.nx * g.ny;
  g.was = g_new0 (guint64, n_cells);
  g.now = g_new0 (guint64, n_cells);
  g.dirty = g_new0 (guint8, n_cells);
  full = self->layer_full || !changed_cells (self, view, dots, n_dots, &g);
  if (full)
    memset (g.dirty, 1, n_cells);

  /* Tile row by tile row, the box of its changed cells is drawn again
   * (one pass over the dots each), and its tiles with a changed cell are
   * to be made again. */
  for (int ty = 0; ty < self->n_tiles_y; ty++)
    {
      int x0 = width, y0 = height, x1 = 0, y1 = 0;

      for (int tx = 0; tx < self->n_tiles_x; tx++)
        {
          gboolean changed = FALSE;

          for (int cy = ty * cells_per_tile; cy < (ty + 1) * cells_per_tile; cy++)
            for (int cx = tx * cells_per_tile; cx < (tx + 1) * cells_per_tile; cx++)
              if (g.dirty[cy * g.nx + cx])
                {
                  changed = TRUE;
                  x0 = MIN (x0, cx * CELL_SIZE);
                  y0 = MIN (y0, cy * CELL_SIZE);
                  x1 = MAX (x1, MIN (width, (cx + 1) * CELL_SIZE));
                  y1 = MAX (y1, MIN (height, (cy + 1) * CELL_SIZE));
                }
          if (changed)
            {
              GdkRectangle tile = { tx * TILE_SIZE, ty * TILE_SIZE,
                                    MIN (TILE_SIZE, width - tx * TILE_SIZE),
                                    MIN (TILE_SIZE, height - ty * TILE_SIZE) };

              g_clear_pointer (&self->tiles[ty * self->n_tiles_x + tx], gsk_render_node_unref);
              g_array_append_val (self->redrawn_tiles, tile);
            }
        }
      if (x1 > x0 && y1 > y0)
        {
          draw_design_part (self, view, dots, n_dots, dots_current, x0, y0, x1 - x0, y1 - y0, zoom, dx, dy);
          rx0 = MIN (rx0, x0);
          ry0 = MIN (ry0, y0);
          rx1 = MAX (rx1, x1);
          ry1 = MAX (ry1, y1);
        }
    }
  g_free (g.was);
  g_free (g.now);
  g_free (g.dirty);

  if (rx1 > rx0 && ry1 > ry0)
    {
      self->last_redraw = (GdkRectangle) { rx0, ry0, rx1 - rx0, ry1 - ry0 };
      self->design_renders++;
    }

  g_clear_pointer (&self->layer_dots, g_array_unref);
  self->layer_dots = hl_document_ref_dots_array (self->document);
  if (self->layer_dots == NULL)
    self->layer_dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  g_clear_pointer (&self->layer_view, hl_view_unref);
  self->layer_view = hl_view_ref ((HlView *) view);
  self->layer_full = FALSE;
  self->layer_stale = FALSE;
}

/* A texture holding a copy of the pixels of the image surface @surface
 * (transfer full). */
static GdkTexture *
texture_of (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The node of tile @tx, @ty of the design layer, in widget px (@scale
 * device px each): a copy of its pixels, so that later drawing into the
 * layer leaves it as GSK last saw it (transfer none). With the cairo
 * renderer a cairo node, which it paints as it is; with others a texture,
 * uploaded once. */
static GskRenderNode *
tile_node (HlCanvas *self,
           int       tx,
           int       ty,
           int       scale,
           gboolean  with_cairo)
{
  GskRenderNode **node;
  int x = tx * TILE_SIZE, y = ty * TILE_SIZE;
  int w = MIN (TILE_SIZE, cairo_image_surface_get_width (self->design_layer) - x);
  int h = MIN (TILE_SIZE, cairo_image_surface_get_height (self->design_layer) - y);

  if (with_cairo != self->tiles_cairo)
    {
      for (int i = 0; i < self->n_tiles_x * self->n_tiles_y; i++)
        g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
      self->tiles_cairo = with_cairo;
    }
  node = &self->tiles[ty * self->n_tiles_x + tx];
  if (*node == NULL)
    *node = hl_cell_layer_node_of (self->design_layer, x, y, w, h, scale, with_cairo);
  return *node;
}

/* TRUE when the window draws with GSK's cairo renderer: it paints a
 * cairo surface as it is, while a new texture costs it an upload per
 * change (on X11, about four times the whole frame). */
static gboolean
draws_with_cairo (HlCanvas *self)
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

/* The tool's feedback and the placement guides, in widget px. */
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
  /* The landmark tool draws the guides with its own feedback. */
  if (!g_str_equal (hl_tool_get_name (self->tool), "landmark"))
    {
      cairo_save (cr);
      hl_measure_draw_guides (d->view, cr, d->zoom);
      cairo_restore (cr);
    }
  hl_tool_draw_overlay (self->tool, cr, d->zoom);
}

/* The tool's feedback and the placement guides, over the cached layers,
 * in cells (hl-cell-layer.h): only the cells that changed are new nodes,
 * and GSK repaints those alone. One node for all of it spans the canvas
 * when the zones' corners do, and GSK repainted the whole canvas at every
 * step of a drag. */
static void
snapshot_tool (HlCanvas     *self,
               GtkSnapshot  *snapshot,
               const HlView *view,
               double        zoom,
               double        dx,
               double        dy)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  ToolDrawing drawing = { self, view, zoom, dx, dy, w };
  cairo_surface_t *recording;
  cairo_rectangle_int_t ink = { 0, 0, 0, 0 };
  double ix, iy, iw, ih;
  cairo_t *cr;

  if (self->tool == NULL)
    return;

  /* Recorded first, for the extents of what it draws. */
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  draw_tool (cr, &drawing);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &ix, &iy, &iw, &ih);
  cairo_surface_destroy (recording);
  if (iw > 0 && ih > 0)
    {
      int x0 = (int) MAX (0.0, floor (ix) - 1), y0 = (int) MAX (0.0, floor (iy) - 1);
      int x1 = (int) MIN ((double) w, ceil (ix + iw) + 1), y1 = (int) MIN ((double) h, ceil (iy + ih) + 1);

      if (x1 > x0 && y1 > y0)
        ink = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
    }
  hl_cell_layer_snapshot (self->tool_cells, snapshot, draw_tool, &drawing, &ink, w, h,
                          gtk_widget_get_scale_factor (GTK_WIDGET (self)), draws_with_cairo (self));
}

/* A layer into pane @index (0: left or only, 1: right), mirrored about
 * the pane's middle when the preview says so: @texture, or when it is
 * NULL, the design layer. */
static void
append_pane (HlCanvas    *self,
             GtkSnapshot *snapshot,
             GdkTexture  *texture,
             int          index,
             int          pw,
             int          h)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (index * pw, 0));
  if (self->preview.mirror)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pw, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  if (texture == NULL)
    {
      /* The same nodes as in the last frame where nothing changed: GSK
       * repaints only the tiles made again. */
      int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
      gboolean with_cairo = draws_with_cairo (self);

      for (int ty = 0; ty < self->n_tiles_y; ty++)
        for (int tx = 0; tx < self->n_tiles_x; tx++)
          gtk_snapshot_append_node (snapshot, tile_node (self, tx, ty, scale, with_cairo));
    }
  else
    gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, pw, h));
  gtk_snapshot_restore (snapshot);
}

/* The photo layer (what the client looks like today) as a texture. */
static GdkTexture *
photo_texture (HlCanvas *self)
{
  if (self->photo_texture == NULL)
    self->photo_texture = texture_of (self->photo_layer);
  return self->photo_texture;
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
  cairo_t *cr;

  switch (self->preview.compare)
    {
    case HL_COMPARE_SIDE_BY_SIDE:
      append_pane (self, snapshot, photo_texture (self), 0, pw, h);
      append_pane (self, snapshot, NULL, 1, pw, h);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 1, pw, h, 0, zoom, dx, dy);
      break;

    case HL_COMPARE_SPLIT:
      append_pane (self, snapshot, NULL, 0, pw, h);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, split_x, h));
      append_pane (self, snapshot, photo_texture (self), 0, pw, h);
      gtk_snapshot_pop (snapshot);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 0, pw, h, split_x, zoom, dx, dy);
      break;

    case HL_COMPARE_OFF:
    default:
      append_pane (self, snapshot, NULL, 0, pw, h);
      if (self->preview.density_map)
        snapshot_density (self, snapshot, view, 0, pw, h, 0, zoom, dx, dy);
      if (tools_active (self))
        snapshot_tool (self, snapshot, view, zoom, dx, dy);
      break;
    }

  /* Nothing to label: no node (a whole-canvas node costs a frame as much
   * as the layers). */
  if (self->preview.compare == HL_COMPARE_OFF && !self->preview.presentation &&
      self->preview.stage == HL_STAGE_FRESH && self->preview.sessions == 0 && !self->preview.mirror &&
      !(self->preview.density_map && self->density_map != NULL))
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
           self->preview.sessions > 0 || self->preview.mirror)
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
  const HlView *view = shown_view (self);
  double zoom, dx, dy;
  double key[5];

  if (view == NULL || w <= 0 || h <= 0)
    return;

  get_transform (self, &zoom, &dx, &dy);
  /* Side by side, the layers are one pane wide. */
  w = pane_width (self);
  if (w <= 0)
    return;
  key[0] = w * scale;
  key[1] = h * scale;
  key[2] = zoom * scale;
  key[3] = dx * scale;
  key[4] = dy * scale;

  if (self->photo_layer == NULL || memcmp (key, self->layer_key, sizeof key) != 0)
    {
      invalidate_design (self);
      render_photo_layer (self, view, w * scale, h * scale, zoom * scale, dx * scale, dy * scale);
      memcpy (self->layer_key, key, sizeof key);
    }
  render_design_layer (self, view, w * scale, h * scale, zoom * scale, dx * scale, dy * scale);

  snapshot_preview (self, snapshot, view, w, h, zoom, dx, dy);
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
  const HlView *view = shown_view (self);
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
  if (handle != NULL && tools_active (self))
    g_string_append_printf (text, _(" · selected: %s"), handle);
  zone = self->document != NULL ? hl_document_get_selected_zone (self->document) : -1;
  if (zone >= 0 && (guint) zone < hl_view_get_n_zones (view))
    g_string_append_printf (text, _(" · zone: %s"), hl_view_get_zone (view, (guint) zone)->name);
  preview = hl_preview_describe (&self->preview);
  g_string_append_printf (text, _(" · stage: %s"), preview);
  if (self->preview.density_map)
    g_string_append (text, _(" · density map"));
  return g_string_free (text, FALSE);
}

/* Sets the accessible description when what it says changed. */
static void
update_description (HlCanvas *self)
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
  update_description (self);
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
    update_description (self);

  return result;
}

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
  /* Comparing, the primary button moves the split line (there is no tool
   * to give it to); presenting or side by side, it pans. */
  if (!tools_active (self))
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
  if (self->splitting)
    hl_canvas_set_split (self, (self->drag_start.x + off_x) / MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1));
  else if (self->captured)
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
  if (!tools_active (self))
    {
      self->splitting = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      return;
    }
  pointer_event (self, GTK_EVENT_CONTROLLER (gesture), HL_TOOL_RELEASE,
                 self->drag_start.x + off_x, self->drag_start.y + off_y);
  self->captured = FALSE;
  if (self->pending != 0 && self->pending_source == 0)
    self->pending_source = g_idle_add (emit_pending, self);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                HlCanvas         *self)
{
  HlToolEvent event = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

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
  GtkGesture *drag = g_object_get_data (G_OBJECT (self), "hl-primary-drag");

  self->pointer = (HlPoint) { x, y };
  self->has_pointer = TRUE;
  /* While a button is down the drag gesture reports the motion. */
  if (self->tool != NULL && !gtk_gesture_is_active (drag) && !self->panning && tools_active (self))
    pointer_event (self, GTK_EVENT_CONTROLLER (controller), HL_TOOL_MOTION, x, y);
}

static void reveal_selected (HlCanvas *self);

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        HlCanvas              *self)
{
  HlToolEvent event = { HL_TOOL_KEY, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, (state & GDK_ALT_MASK) != 0 };

  /* Keys with Control belong to the window's shortcuts; without a tool
   * at work (comparing, presenting), all of them do. */
  if ((state & GDK_CONTROL_MASK) || !tools_active (self))
    return FALSE;

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

/* After Tab or Shift+Tab: a selected point outside the widget (zoomed in)
 * is brought to its middle. */
static void
reveal_selected (HlCanvas *self)
{
  const HlView *view = shown_view (self);
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
  get_transform (self, &zoom, &dx, &dy);
  self->pan_x += pane_x (self, x) - (at.x * zoom + dx);
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

/* A new design, view or tool: a new tool for the document. */
static void
make_tool (HlCanvas *self)
{
  g_clear_pointer (&self->tool, hl_tool_free);
  self->captured = FALSE;
  if (self->document == NULL || hl_document_get_design (self->document) == NULL)
    {
      update_description (self);
      return;
    }

  self->tool = hl_tool_new_by_name (self->tool_name, hl_document_get_tool_host (self->document),
                                    self->tool_options, hl_document_get_view_index (self->document));
  hl_tool_set_photo (self->tool, hl_document_get_photo (self->document));
  g_clear_pointer (&self->layer_photo, hl_photo_unref);
  if (hl_document_get_photo (self->document) != NULL)
    self->layer_photo = hl_photo_ref (hl_document_get_photo (self->document));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hl_tool_get_cursor (self->tool));
  update_description (self);
}

static void
reset (HlCanvas *self)
{
  make_tool (self);
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

  self->layer_stale = TRUE;
  g_clear_pointer (&self->density_map, hl_density_map_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Undo may take the selected point away, or rename the zone. */
  update_description (self);
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
    invalidate_design (self);
  if (old.sessions != preview->sessions || !preview->density_map)
    g_clear_pointer (&self->density_map, hl_density_map_free);

  /* Presenting starts from the whole design on screen, and editing again
   * from the whole view. */
  if (!old.presentation != !preview->presentation)
    {
      self->user_zoom = 1.0;
      self->pan_x = self->pan_y = 0;
    }

  /* A gesture in progress is abandoned when the tools stop listening. */
  if (!tools_active (self) && self->tool != NULL)
    {
      hl_tool_cancel (self->tool);
      self->captured = FALSE;
      if (self->document != NULL)
        hl_document_show (self->document, NULL);
    }
  self->splitting = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   tools_active (self) && self->tool != NULL ? hl_tool_get_cursor (self->tool) : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_description (self);
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
  /* The tool borrows the document's history: it goes first. */
  g_clear_pointer (&self->tool, hl_tool_free);
  g_clear_pointer (&self->tool_name, g_free);
  g_clear_pointer (&self->layer_photo, hl_photo_unref);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  drop_layers (self);
  g_clear_pointer (&self->tool_cells, hl_cell_layer_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (hl_canvas_parent_class)->dispose (object);
}

static void
hl_canvas_class_init (HlCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_canvas_dispose;
  widget_class->snapshot = hl_canvas_snapshot;
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
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pan = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->user_zoom = 1.0;
  self->tool_name = g_strdup ("select");
  self->tool_cells = hl_cell_layer_new ();
  hl_preview_init (&self->preview);
  self->split = 0.5;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Design canvas"), -1);
  update_description (self);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (on_drag_cancel), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_object_set_data (G_OBJECT (self), "hl-primary-drag", drag);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect_object (pan, "drag-begin", G_CALLBACK (on_pan_begin), self, 0);
  g_signal_connect_object (pan, "drag-update", G_CALLBACK (on_pan_update), self, 0);
  g_signal_connect_object (pan, "drag-end", G_CALLBACK (on_pan_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

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
