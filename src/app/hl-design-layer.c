/* hl-design-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-design-layer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-cell-layer.h"
#include "hl-design-layer.h"
#include "hl-head-zones.h"
#include "hl-render.h"
#include "hl-render-private.h"

/* The design layer goes to GSK as squares of this many device px, each a
 * node kept from frame to frame until its pixels change: GSK's node diff
 * then repaints only the squares an edit touched, and its cairo renderer
 * clears, paints and sends to the X server the box around them. Squares
 * of 256 px made a dragged handle repaint three times the area its dots
 * and line changed; squares of 64 px cost GSK a few hundred nodes to
 * pass over, which is little beside. */
#define TILE_SIZE 64
/* Changes are found on a finer grid of cells of this many device px (a
 * divisor of TILE_SIZE); only the changed cells of a square are drawn. */
#define CELL_SIZE 32
/* The changed cells are drawn band by band, this many device px high (a
 * multiple of TILE_SIZE): each band's box of changed cells in one pass
 * over the dots. */
#define BAND_SIZE 256
/* Dots and lines reach a few device px past their image px bounds
 * (antialiasing, line widths, the aged stage's blur). */
#define DRAW_PAD 6
/* Lines are drawn this many device px past the part kept: cairo clips
 * a stroke's polygon to its target, and the coverage of a few pixels near
 * where it cut an edge can come out a level apart from the whole line's.
 * The GUI tests that compare what is kept with all of it drawn anew find
 * such pixels with 24 px (gui-head-zones, a carried outline undone) and
 * 12 px (gui-frame, a dragged handle), none with 32. Against 64 px, the
 * strokes of a dragged handle's frame took 14 % (13 handles) to 31 %
 * (121 handles) fewer instructions with 24 px, 17 % to 37 % with 16
 * (bench-frame under callgrind; 32 was not measured alone). */
#define LINE_MARGIN 32

struct _HlDesignLayer
{
  /* Owned references */
  cairo_surface_t *photo_layer;   /* at key */
  GdkTexture      *photo_texture; /* the photo layer, for the before side */
  cairo_surface_t *design_layer;  /* photo, dots and lines at key */
  GskRenderNode  **tiles;         /* the design layer in TILE_SIZE squares, row by row,
                                     as nodes GSK can tell apart; NULL: to make */
  int              n_tiles_x, n_tiles_y;
  GskRenderNode  **groups;        /* BAND_SIZE squares of tiles, each clipped to its
                                     square, row by row; NULL: to make */
  int              n_groups_x, n_groups_y;
  gboolean         tiles_cairo;   /* made for GSK's cairo renderer (else textures) */
  GArray          *redrawn_tiles; /* GdkRectangle: tiles the last drawing made again */
  GArray          *layer_dots;    /* the dots drawn in it (the document's,
                                     which never change: a reference) */
  GArray         **row_dots;      /* per TILE_SIZE rows of the layer, the dots of layer_dots
                                     that can draw there (guint32 indexes, ascending);
                                     NULL: to make */
  int              n_rows;
  cairo_surface_t *dots_layer;    /* the design layer under its lines: photo and dots */
  cairo_surface_t *lines_scratch; /* as large: where a part's lines are drawn */
  HlView          *layer_view;    /* the view drawn in it */
  HlDesign        *carried_design; /* the design and view index the */
  guint            carried_index;  /* carried outlines are of */
  GPtrArray       *carried;        /* of HlCurve: zones on the head drawn on
                                      other views, as this view sees them */

  gboolean         layer_full;    /* all of it is to draw again */
  gboolean         layer_stale;   /* the design changed since it was drawn */
  GdkRectangle     last_redraw;   /* device px of the layer's last drawing */
  double           key[5];        /* width, height, zoom, dx, dy in device px */
  guint            design_renders;
};

HlDesignLayer *
hl_design_layer_new (void)
{
  return g_new0 (HlDesignLayer, 1);
}

static void
drop_rows (HlDesignLayer *self)
{
  for (int i = 0; self->row_dots != NULL && i < self->n_rows; i++)
    g_array_unref (self->row_dots[i]);
  g_clear_pointer (&self->row_dots, g_free);
  self->n_rows = 0;
}

static void
drop_tiles (HlDesignLayer *self)
{
  for (int i = 0; self->tiles != NULL && i < self->n_tiles_x * self->n_tiles_y; i++)
    g_clear_pointer (&self->tiles[i], gsk_render_node_unref);
  g_clear_pointer (&self->tiles, g_free);
  self->n_tiles_x = self->n_tiles_y = 0;
  for (int i = 0; self->groups != NULL && i < self->n_groups_x * self->n_groups_y; i++)
    g_clear_pointer (&self->groups[i], gsk_render_node_unref);
  g_clear_pointer (&self->groups, g_free);
  self->n_groups_x = self->n_groups_y = 0;
}

void
hl_design_layer_drop (HlDesignLayer *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->photo_layer, cairo_surface_destroy);
  g_clear_object (&self->photo_texture);
  g_clear_pointer (&self->design_layer, cairo_surface_destroy);
  drop_tiles (self);
  g_clear_pointer (&self->redrawn_tiles, g_array_unref);
  g_clear_pointer (&self->layer_dots, g_array_unref);
  drop_rows (self);
  g_clear_pointer (&self->dots_layer, cairo_surface_destroy);
  g_clear_pointer (&self->lines_scratch, cairo_surface_destroy);
  g_clear_pointer (&self->layer_view, hl_view_unref);
  g_clear_pointer (&self->carried_design, hl_design_unref);
  g_clear_pointer (&self->carried, g_ptr_array_unref);
}

void
hl_design_layer_free (HlDesignLayer *self)
{
  if (self == NULL)
    return;
  hl_design_layer_drop (self);
  g_free (self);
}

void
hl_design_layer_invalidate (HlDesignLayer *self)
{
  g_return_if_fail (self != NULL);
  self->layer_full = TRUE;
}

/* TRUE when the two lists of outlines (may be NULL: none) draw alike. */
static gboolean
same_outlines (GPtrArray *a,
               GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0, nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      guint n1, n2;
      const HlPoint *p1 = hl_curve_get_polyline (g_ptr_array_index (a, i), &n1);
      const HlPoint *p2 = hl_curve_get_polyline (g_ptr_array_index (b, i), &n2);

      if (n1 != n2 || memcmp (p1, p2, n1 * sizeof *p1) != 0)
        return FALSE;
    }
  return TRUE;
}

void
hl_design_layer_set_carried (HlDesignLayer  *self,
                             HlDesign       *design,
                             guint           index)
{
  g_autoptr(GPtrArray) outlines = NULL;

  g_return_if_fail (self != NULL);

  if (design == self->carried_design && index == self->carried_index)
    return;
  if (design != NULL && index < hl_design_get_n_views (design) && hl_head_zones_view_receives (design, index))
    outlines = hl_head_zones_outlines (design, index, NULL);
  g_clear_pointer (&self->carried_design, hl_design_unref);
  self->carried_design = design != NULL ? hl_design_ref (design) : NULL;
  self->carried_index = index;
  if (same_outlines (outlines, self->carried))
    return;
  g_clear_pointer (&self->carried, g_ptr_array_unref);
  self->carried = g_steal_pointer (&outlines);
  self->layer_full = TRUE;
}

guint
hl_design_layer_get_n_carried (HlDesignLayer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->carried != NULL ? self->carried->len : 0;
}

/* The outlines of zones on the head drawn on other views: dotted, grey
 * over white, apart from the view's own dashed blue ones; read-only (no
 * handles), @zoom device px per image px, offset by @dx, @dy. */
static void
draw_carried (HlDesignLayer *self,
              cairo_t       *cr,
              double         zoom,
              double         dx,
              double         dy)
{
  double dash[] = { 2.0, 4.0 };

  if (self->carried == NULL)
    return;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* As the view's own lines (draw_design_part()). */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint i = 0; i < self->carried->len; i++)
    {
      guint n;
      const HlPoint *pts = hl_curve_get_polyline (g_ptr_array_index (self->carried, i), &n);

      cairo_new_path (cr);
      for (guint k = 0; k < n; k++)
        cairo_line_to (cr, pts[k].x * zoom + dx, pts[k].y * zoom + dy);
      cairo_close_path (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke_preserve (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.35);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
hl_design_layer_mark_stale (HlDesignLayer *self)
{
  g_return_if_fail (self != NULL);
  self->layer_stale = TRUE;
}

/* Background and photo: scaling a large photo costs tens of ms, so this is
 * only redone when the size, zoom or pan changed. */
static void
render_photo_layer (HlDesignLayer *self,
                    HlPhoto       *photo,
                    const HlView  *view,
                    int            width,
                    int            height,
                    double         zoom,
                    double         dx,
                    double         dy)
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
  hl_render_view (self->photo_layer, zoom, dx, dy, photo, view, NULL, 0, &options);
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
  gsize    head, tail;  /* dots the same at the start and end of both
                           arrays (set by changed_cells()) */
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

/* How many of the first (or, @backwards, the last) of the @n dots of @a
 * and @b are the same: compared a block at a time, then one by one in the
 * first block that differs (a drag changes a stretch of tens of thousands
 * of dots; a comparison per dot was 0.7 M instructions a frame). */
static gsize
same_dots (const HlDot *a,
           const HlDot *b,
           gsize        n,
           gboolean     backwards)
{
  enum { BLOCK = 256 };
  gsize k = 0;

  while (k + BLOCK <= n &&
         memcmp (backwards ? a + n - k - BLOCK : a + k, backwards ? b + n - k - BLOCK : b + k,
                 BLOCK * sizeof *a) == 0)
    k += BLOCK;
  while (k < n && memcmp (backwards ? a + n - 1 - k : a + k, backwards ? b + n - 1 - k : b + k, sizeof *a) == 0)
    k++;
  return k;
}

/* Marks the cells whose pixels differ between the layer and the design
 * shown: those where the sequence of dots drawn differs (the engine keeps
 * unchanged dots in order, so only the stretch between a common head and
 * tail is compared; blending makes the order count) and those the lines
 * that are no longer the same values cross. FALSE when all of it changed. */
static gboolean
changed_cells (HlDesignLayer *self,
               const HlView  *view,
               const HlDot   *dots,
               gsize          n_dots,
               CellGrid      *g)
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
  else
    head = same_dots (was, dots, MIN (n_was, n_dots), FALSE);
  {
    /* The ends of both arrays, after the common head. */
    gsize m = MIN (n_was, n_dots) - head;

    tail = same_dots (was + n_was - m, dots + n_dots - m, m, TRUE);
  }
  g->px_per_mm = 1.0 / mm_per_px;
  g->head = head;
  g->tail = tail;
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

/* The dots each band of TILE_SIZE rows can draw: the dot pass of a part
 * looks at those of its rows only, not at every dot of the design (tens of
 * thousands, of which a dragged handle's part shows a few hundred). The
 * index follows the dots as the cells do: after an edit, the dots the
 * same at the start and end of the array keep their rows (those at the
 * end shifted), and only the changed stretch between is placed again.
 *
 * A dot's rows are those its reach (hl_render_dot_reach(), as the dot
 * pass culls) meets, and a pixel more: a superset of the dots the pass
 * would draw there, in their order, so the part is drawn as with all of
 * them. */
typedef struct
{
  double zoom, dy, factor, pad;
  int    n_rows;
} RowPlace;

static void
row_place_init (RowPlace        *place,
                const HlView    *view,
                const HlPreview *preview,
                double           zoom,
                double           dy,
                int              height)
{
  HlRenderOptions options;

  hl_render_options_init (&options);
  options.stage = preview->stage;
  hl_render_dot_reach (view, zoom, &options, &place->factor, &place->pad);
  place->zoom = zoom;
  place->dy = dy;
  place->n_rows = (height + TILE_SIZE - 1) / TILE_SIZE;
}

/* Appends dots [@from, @to) of @dots to the rows they can draw on. */
static void
place_dots (const RowPlace *place,
            GArray        **rows,
            const HlDot    *dots,
            gsize           from,
            gsize           to)
{
  for (gsize i = from; i < to; i++)
    {
      double cy = dots[i].y * place->zoom + place->dy;
      double reach = place->factor * dots[i].diameter_mm + place->pad + 1.0;
      guint32 k = (guint32) i;
      int r0, r1;

      if (!(cy + reach >= 0 && cy - reach < (double) place->n_rows * TILE_SIZE))
        continue;
      r0 = MAX (0, (int) floor ((cy - reach) / TILE_SIZE));
      r1 = MIN (place->n_rows - 1, (int) floor ((cy + reach) / TILE_SIZE));
      for (int r = r0; r <= r1; r++)
        g_array_append_val (rows[r], k);
    }
}

static GArray **
new_rows (int n_rows)
{
  GArray **rows = g_new (GArray *, n_rows);

  for (int r = 0; r < n_rows; r++)
    rows[r] = g_array_new (FALSE, FALSE, sizeof (guint32));
  return rows;
}

/* The first of @n ascending @v not below @key. */
static guint
lower_bound (const guint32 *v,
             guint          n,
             guint32        key)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (v[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Brings the index up to date with @dots: placed again whole unless
 * @known, else only dots [@head, @n_dots - @tail) of an array whose
 * first @head and last @tail dots are those of the @n_was indexed. */
static void
update_rows (HlDesignLayer  *self,
             const RowPlace *place,
             const HlDot    *dots,
             gsize           n_dots,
             gboolean        known,
             gsize           n_was,
             gsize           head,
             gsize           tail)
{
  GArray **middle;

  if (!known || self->row_dots == NULL || self->n_rows != place->n_rows)
    {
      drop_rows (self);
      self->n_rows = place->n_rows;
      self->row_dots = new_rows (self->n_rows);
      place_dots (place, self->row_dots, dots, 0, n_dots);
      return;
    }
  if (head == n_was && n_was == n_dots)
    return;

  middle = new_rows (self->n_rows);
  place_dots (place, middle, dots, head, n_dots - tail);
  for (int r = 0; r < self->n_rows; r++)
    {
      GArray *old = self->row_dots[r];
      const guint32 *v = (const guint32 *) (gconstpointer) old->data;
      guint p_head = lower_bound (v, old->len, (guint32) head);
      guint p_tail = lower_bound (v, old->len, (guint32) (n_was - tail));
      guint n_mid = middle[r]->len;
      GArray *now = g_array_sized_new (FALSE, FALSE, sizeof (guint32), p_head + n_mid + (old->len - p_tail));
      guint32 shift = (guint32) n_dots - (guint32) n_was;
      guint32 *w;

      g_array_set_size (now, p_head + n_mid + (old->len - p_tail));
      w = (guint32 *) (gpointer) now->data;
      memcpy (w, v, p_head * sizeof *w);
      memcpy (w + p_head, middle[r]->data, n_mid * sizeof *w);
      w += p_head + n_mid;
      for (guint k = p_tail; k < old->len; k++)
        *w++ = v[k] + shift;
      g_array_unref (old);
      g_array_unref (middle[r]);
      self->row_dots[r] = now;
    }
  g_free (middle);
}

/* The dots of rows [@y, @y + @h) of the layer, ascending and each once,
 * into @out. */
static void
dots_of_rows (HlDesignLayer *self,
              int            y,
              int            h,
              GArray        *out)
{
  int r0 = y / TILE_SIZE, r1 = MIN (self->n_rows - 1, (y + h - 1) / TILE_SIZE);
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (int r = r0; r <= r1; r++)
    {
      const guint32 *a = (const guint32 *) (gconstpointer) order->data;
      const guint32 *b = (const guint32 *) (gconstpointer) self->row_dots[r]->data;
      guint na = order->len, nb = self->row_dots[r]->len, i = 0, j = 0;
      guint32 *m;
      GArray *swap;

      /* Merged with what the rows above gave, each dot once. */
      g_array_set_size (merged, na + nb);
      m = (guint32 *) (gpointer) merged->data;
      while (i < na || j < nb)
        {
          if (j >= nb || (i < na && a[i] < b[j]))
            *m++ = a[i++];
          else if (i >= na || b[j] < a[i])
            *m++ = b[j++];
          else
            {
              *m++ = a[i++];
              j++;
            }
        }
      g_array_set_size (merged, (guint) (m - (guint32 *) (gpointer) merged->data));
      swap = merged;
      merged = order;
      order = swap;
    }
  g_array_set_size (out, 0);
  g_array_append_vals (out, order->data, order->len);
  g_array_unref (order);
  g_array_unref (merged);
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
draw_design_part (HlDesignLayer   *self,
                  HlPhoto         *photo,
                  const HlPreview *preview,
                  const HlView    *view,
                  const HlDot     *dots,
                  gsize            n_dots,
                  gboolean         dots_current,
                  int              x,
                  int              y,
                  int              w,
                  int              h,
                  double           zoom,
                  double           dx,
                  double           dy)
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
  options.stage = preview->stage;
  options.sessions = preview->sessions;

  if (!dots_current)
    {
      cairo_surface_flush (self->dots_layer);
      part = surface_part (self->dots_layer, x, y, w, h);
      cr = cairo_create (part);
      cairo_set_source_surface (cr, self->photo_layer, -x, -y);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
      if (self->row_dots != NULL && n_dots > 0)
        {
          g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint32));

          /* As hl_render_view() draws them, looking at these alone. */
          dots_of_rows (self, y, h, order);
          if (options.show_dots && order->len > 0)
            hl_render_draw_dots (part, 0, zoom, dx - x, dy - y, view, dots, n_dots,
                                 (const guint32 *) (gconstpointer) order->data, order->len, &options);
        }
      else
        hl_render_view (part, zoom, dx - x, dy - y, photo, view, dots, n_dots, &options);
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
  options.overlays = preview->presentation ? HL_OVERLAY_NONE : HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  /* The design's lines by cairo's coarser coverage: the strokes of a frame while a handle is dragged were the
   * largest part of its drawing (bench-frame: 4.6 M of 19.8 M
   * instructions), and the 4 × 4 grid takes 40 % of that off; 1:1 beside
   * the finer one on a red line and a dashed edge the two cannot be told
   * apart (a mean difference of half a level). Exports keep the finer. */
  options.line_antialias = CAIRO_ANTIALIAS_FAST;
  /* And the hairline, redrawn at every step of its drag, through fewer
   * points: within a tenth of a device px (cairo's own tolerance for
   * curves) of its polyline. 31 % fewer instructions for the lines of the
   * 13-handle drag; the zones' edges, whose points would cost more to
   * choose at each frame than they save, keep theirs. */
  options.line_tolerance = 0.1;
  hl_render_view (part, zoom, dx - lx0, dy - ly0, photo, view, NULL, 0, &options);
  if (!preview->presentation)
    {
      cr = cairo_create (part);
      draw_carried (self, cr, zoom, dx - lx0, dy - ly0);
      cairo_destroy (cr);
    }

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
 * the design changed, all of it when the transform or the preview did.
 * The tiles over redrawn cells are made again at the next snapshot. */
static void
render_design_layer (HlDesignLayer   *self,
                     HlPhoto         *photo,
                     const HlView    *view,
                     GArray          *dots_array,
                     const HlPreview *preview,
                     int              width,
                     int              height,
                     double           zoom,
                     double           dx,
                     double           dy)
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
      self->n_groups_x = (width + BAND_SIZE - 1) / BAND_SIZE;
      self->n_groups_y = (height + BAND_SIZE - 1) / BAND_SIZE;
      self->groups = g_new0 (GskRenderNode *, (gsize) self->n_groups_x * self->n_groups_y);
      self->layer_full = TRUE;
    }
  if (!self->layer_full && !self->layer_stale)
    return;
  if (self->redrawn_tiles == NULL)
    self->redrawn_tiles = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  g_array_set_size (self->redrawn_tiles, 0);

  dots = dots_array != NULL ? (const HlDot *) (gconstpointer) dots_array->data : NULL;
  n_dots = dots_array != NULL ? dots_array->len : 0;
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
  if (!dots_current)
    {
      RowPlace place;

      row_place_init (&place, view, preview, zoom, dy, height);
      update_rows (self, &place, dots, n_dots, !full, self->layer_dots != NULL ? self->layer_dots->len : 0,
                   g.head, g.tail);
    }

  /* Band by band, the box of its changed cells is drawn again (one pass
   * over the dots each), and its tiles with a changed cell are to be made
   * again. */
  for (int band = 0; band * BAND_SIZE < height; band++)
    {
      int x0 = width, y0 = height, x1 = 0, y1 = 0;
      int ty_end = MIN (self->n_tiles_y, (band + 1) * (BAND_SIZE / TILE_SIZE));

      for (int ty = band * (BAND_SIZE / TILE_SIZE); ty < ty_end; ty++)
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
          draw_design_part (self, photo, preview, view, dots, n_dots, dots_current, x0, y0, x1 - x0, y1 - y0, zoom, dx, dy);
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
  self->layer_dots = dots_array != NULL ? g_array_ref (dots_array)
                                         : g_array_new (FALSE, FALSE, sizeof (HlDot));
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
tile_node (HlDesignLayer *self,
           int            tx,
           int            ty,
           int            scale,
           gboolean       with_cairo)
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

void
hl_design_layer_update (HlDesignLayer   *self,
                        HlPhoto         *photo,
                        const HlView    *view,
                        GArray          *dots,
                        const HlPreview *preview,
                        int              width,
                        int              height,
                        double           zoom,
                        double           dx,
                        double           dy)
{
  double key[5] = { width, height, zoom, dx, dy };

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (preview != NULL);
  g_return_if_fail (width > 0 && height > 0);

  if (self->photo_layer == NULL || memcmp (key, self->key, sizeof key) != 0)
    {
      self->layer_full = TRUE;
      render_photo_layer (self, photo, view, width, height, zoom, dx, dy);
      memcpy (self->key, key, sizeof key);
    }
  render_design_layer (self, photo, view, dots, preview, width, height, zoom, dx, dy);
}

/* The node of the BAND_SIZE square @gx, @gy of tiles: their nodes in a
 * container clipped to the square (transfer none), made again when one of
 * them was. GSK's cairo renderer draws every node of a frame, each clipped
 * to what the frame repaints, at a cost per node even when none of it is
 * repainted; a square's clip, once it misses what is repainted, makes its
 * sixteen tiles cost next to nothing. (A clip GtkSnapshot would leave out,
 * as it holds its child whole: made here.) */
static GskRenderNode *
group_node (HlDesignLayer *self,
            int            gx,
            int            gy,
            int            scale,
            gboolean       with_cairo)
{
  GskRenderNode **group = &self->groups[gy * self->n_groups_x + gx];
  int per = BAND_SIZE / TILE_SIZE;
  int tx1 = MIN (self->n_tiles_x, (gx + 1) * per), ty1 = MIN (self->n_tiles_y, (gy + 1) * per);
  GskRenderNode *children[(BAND_SIZE / TILE_SIZE) * (BAND_SIZE / TILE_SIZE)];
  guint n = 0;
  gboolean stale = *group == NULL || with_cairo != self->tiles_cairo;

  for (int ty = gy * per; ty < ty1 && !stale; ty++)
    for (int tx = gx * per; tx < tx1; tx++)
      stale |= self->tiles[ty * self->n_tiles_x + tx] == NULL;
  if (!stale)
    return *group;

  for (int ty = gy * per; ty < ty1; ty++)
    for (int tx = gx * per; tx < tx1; tx++)
      children[n++] = tile_node (self, tx, ty, scale, with_cairo);
  {
    int x = gx * BAND_SIZE, y = gy * BAND_SIZE;
    int w = MIN (BAND_SIZE, cairo_image_surface_get_width (self->design_layer) - x);
    int h = MIN (BAND_SIZE, cairo_image_surface_get_height (self->design_layer) - y);
    GskRenderNode *container = gsk_container_node_new (children, n);

    g_clear_pointer (group, gsk_render_node_unref);
    *group = gsk_clip_node_new (container, &GRAPHENE_RECT_INIT ((float) x / scale, (float) y / scale,
                                                               (float) w / scale, (float) h / scale));
    gsk_render_node_unref (container);
  }
  return *group;
}

void
hl_design_layer_append (HlDesignLayer *self,
                        GtkSnapshot   *snapshot,
                        int            scale,
                        gboolean       with_cairo)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (snapshot != NULL);

  for (int gy = 0; gy < self->n_groups_y; gy++)
    for (int gx = 0; gx < self->n_groups_x; gx++)
      gtk_snapshot_append_node (snapshot, group_node (self, gx, gy, scale, with_cairo));
}

GdkTexture *
hl_design_layer_get_photo_texture (HlDesignLayer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->photo_texture == NULL && self->photo_layer != NULL)
    self->photo_texture = texture_of (self->photo_layer);
  return self->photo_texture;
}

guint
hl_design_layer_get_renders (HlDesignLayer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->design_renders;
}

void
hl_design_layer_get_last_redraw (HlDesignLayer *self,
                                 GdkRectangle  *part,
                                 int           *width,
                                 int           *height)
{
  g_return_if_fail (self != NULL);
  *part = self->last_redraw;
  *width = self->design_layer != NULL ? cairo_image_surface_get_width (self->design_layer) : 0;
  *height = self->design_layer != NULL ? cairo_image_surface_get_height (self->design_layer) : 0;
}

void
hl_design_layer_get_redrawn_tiles (HlDesignLayer *self,
                                   GArray        *tiles)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tiles != NULL);
  g_array_set_size (tiles, 0);
  if (self->redrawn_tiles != NULL)
    g_array_append_vals (tiles, self->redrawn_tiles->data, self->redrawn_tiles->len);
}

cairo_surface_t *
hl_design_layer_get_photo_surface (HlDesignLayer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->photo_layer;
}

cairo_surface_t *
hl_design_layer_get_dots_surface (HlDesignLayer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dots_layer;
}
