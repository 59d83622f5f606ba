/* hl-segment-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hl-segment-index.h"

/* At most this many cells per side, whatever the area. */
#define MAX_GRID_SIDE 1024
/* Cell side per reach. Smaller cells give shorter lists (a query scans
 * fewer segments) but cost more to build: an open line (the hairline) is
 * queried densely along its whole length; an outline mostly far inside. */
#define OPEN_CELL_PER_REACH 0.5
#define CLOSED_CELL_PER_REACH 1.0
/* Columns of the crossing lists (open_parity()) per grid cell: a hairline
 * is drawn in pieces of about 10 px (hl-curve.c), so columns a quarter of
 * a cell (about 11 px at the usual reach) meet one or two of them where
 * a whole cell's column meets five or six. */
#define COLS_PER_CELL 4

/* A segment as hl_segment_distance2() computes from its ends, made once:
 * the same operations, so the same results. */
typedef struct
{
  double ax, ay, dx, dy, len2;
  HlPoint u;      /* unit (a, b): the direction side_of() needs */
} SegGeom;

struct _HlSegmentIndex
{
  SegGeom  *geom;         /* n_segments */
  HlPoint  *points;       /* polyline, open ends already extended */
  guint     n_points;
  guint     n_segments;
  gboolean  closed;
  double    orientation;  /* multiplies cross products into "positive side" */
  double    reach;

  double    x0, y0, cell;
  guint     nx, ny;
  guint    *cell_start;   /* nx*ny+1 offsets into cell_segs */
  guint    *cell_segs;    /* per cell, by rising distance from its centre */
  float    *cell_dist;    /* that distance, rounded down to a bucket */
  double    half_diag;
  double    bucket;       /* bucket width of cell_dist */
  gint8    *cell_side;    /* far cells: +1 / -1; near cells: 0 */
  guint     n_cols;       /* open polylines: columns of col_w */
  double    col_w;        /* COLS_PER_CELL columns a grid cell */
  guint    *col_start;    /* open polylines: n_cols+1 offsets into col_segs */
  guint    *col_segs;     /* per column, the drawn segments whose x span
                           * meets it (for open_parity) */
  guint     ref_parity;   /* open polylines: see open_far_side() */
  HlPoint   ray_end[2];
  gboolean  simple;       /* open: no crossing of line and rays */
  gboolean  parity_sides; /* see hl_segment_index_sides_by_parity() */
  double    ref_side;
};

static inline HlPoint
seg_a (const HlSegmentIndex *self,
       guint                 s)
{
  return self->points[s];
}

static inline HlPoint
seg_b (const HlSegmentIndex *self,
       guint                 s)
{
  return self->points[s + 1 < self->n_points ? s + 1 : 0];
}

static inline double
cross (HlPoint d,
       HlPoint v)
{
  return d.x * v.y - d.y * v.x;
}

static HlPoint
unit (HlPoint a,
      HlPoint b)
{
  double dx = b.x - a.x, dy = b.y - a.y;
  double len = sqrt (dx * dx + dy * dy);

  if (len <= 0.0)
    return (HlPoint) { 0, 0 };
  return (HlPoint) { dx / len, dy / len };
}

/* Sign (+1/-1) of @p relative to segment @s whose nearest point has
 * parameter @t, using the bisector at shared vertices. */
static double
side_of (const HlSegmentIndex *self,
         guint                 s,
         double                t,
         HlPoint               p)
{
  HlPoint a = seg_a (self, s);
  HlPoint b = seg_b (self, s);
  HlPoint dir = self->geom[s].u;
  HlPoint v = t <= 0.0 ? a : b;
  double c;

  if (t <= 0.0 && (self->closed || s > 0))
    {
      guint prev = s > 0 ? s - 1 : self->n_segments - 1;
      HlPoint din = self->geom[prev].u;

      dir = (HlPoint) { dir.x + din.x, dir.y + din.y };
    }
  else if (t >= 1.0 && (self->closed || s + 1 < self->n_segments))
    {
      guint next = (s + 1) % self->n_segments;
      HlPoint dout = self->geom[next].u;

      dir = (HlPoint) { dir.x + dout.x, dir.y + dout.y };
    }
  else
    v = a;

  c = cross (dir, (HlPoint) { p.x - v.x, p.y - v.y }) * self->orientation;
  return c >= 0.0 ? 1.0 : -1.0;
}

/* Crossings of the upward vertical ray from @p with segment a–b
 * (half-open in x, so a vertex is counted once). */
static inline guint
ray_crossings (HlPoint p,
               HlPoint a,
               HlPoint b)
{
  double y;

  if ((a.x <= p.x) == (b.x <= p.x))
    return 0;
  y = a.y + (p.x - a.x) * (b.y - a.y) / (b.x - a.x);
  return y < p.y ? 1 : 0;
}

/* Parity of the crossings of the upward ray from @p with the open
 * polyline and its two end rays. The index stores the polyline with its
 * ends already extended (segments 0 and n - 1): the rays start at the
 * original ends; when they meet, both stop where they meet, so the line
 * and the rays close a loop whose inside is one side. */
static guint
open_parity (const HlSegmentIndex *self,
             HlPoint               p)
{
  const HlPoint *pts = self->points;
  double fx = self->col_start != NULL ? (p.x - self->x0) / self->col_w : -1.0;
  guint count = 0;

  if (fx >= 0.0 && fx < self->n_cols)
    {
      /* Only segments whose x span meets p's column can cross its
       * vertical ray. */
      guint col = (guint) fx;

      for (guint k = self->col_start[col]; k < self->col_start[col + 1]; k++)
        {
          guint s = self->col_segs[k];

          count += ray_crossings (p, pts[s], pts[s + 1]);
        }
    }
  else
    for (guint s = 1; s + 1 < self->n_segments; s++)
      count += ray_crossings (p, pts[s], pts[s + 1]);
  count += ray_crossings (p, self->points[1], self->ray_end[0]);
  count += ray_crossings (p, self->points[self->n_points - 2], self->ray_end[1]);
  return count & 1;
}

/* The side of a point far from an open polyline: the parity of crossings
 * with the line and its end rays, named by a reference point just beside
 * the first drawn segment. Unlike the side of the nearest segment, it only
 * changes where the line passes, so moving one piece of the line changes
 * the side of the points between its old and new place and of no other. */
static gboolean open_is_simple (const HlSegmentIndex *self);

static void
open_far_side_init (HlSegmentIndex *self)
{
  const HlPoint *pts = self->points;
  guint n = self->n_points;
  HlPoint a = pts[1], b = pts[n - 2];
  HlPoint da = unit (pts[1], pts[0]), db = unit (pts[n - 2], pts[n - 1]);
  double den = cross (da, db);
  const double far = 1e9;
  HlPoint m, dir, ref;
  guint s0 = n > 3 ? 1 : 0;

  self->ray_end[0] = (HlPoint) { a.x + far * da.x, a.y + far * da.y };
  self->ray_end[1] = (HlPoint) { b.x + far * db.x, b.y + far * db.y };
  if (den != 0.0)
    {
      /* a + s da = b + t db */
      HlPoint ab = { b.x - a.x, b.y - a.y };
      double sa = cross (ab, db) / den;
      double tb = cross (ab, da) / den;

      if (sa > 0.0 && tb > 0.0 && sa < far && tb < far)
        self->ray_end[0] = self->ray_end[1] = (HlPoint) { a.x + sa * da.x, a.y + sa * da.y };
    }

  m = (HlPoint) { 0.5 * (seg_a (self, s0).x + seg_b (self, s0).x), 0.5 * (seg_a (self, s0).y + seg_b (self, s0).y) };
  dir = unit (seg_a (self, s0), seg_b (self, s0));
  ref = (HlPoint) { m.x + 1e-3 * dir.y, m.y - 1e-3 * dir.x };
  self->ref_side = side_of (self, s0, 0.5, ref);
  self->ref_parity = open_parity (self, ref);
  self->simple = open_is_simple (self);
  /* A simple open line whose end rays do not meet divides the plane in
   * two, and the parity of crossings names the side of every point as the
   * nearest segment does. */
  self->parity_sides = n >= 4 && self->simple &&
                       (self->ray_end[0].x != self->ray_end[1].x || self->ray_end[0].y != self->ray_end[1].y);
}

static gboolean
segments_cross (HlPoint a,
                HlPoint b,
                HlPoint c,
                HlPoint d)
{
  HlPoint ab = { b.x - a.x, b.y - a.y }, cd = { d.x - c.x, d.y - c.y };
  double d1, d2, d3, d4;

  /* Segments whose boxes do not meet cannot cross. Tested first, since
   * the signs below are noise for nearly collinear pieces (an end ray
   * along the straight stretch it starts from looked crossed, which made
   * every drag of such a line re-evaluate all candidates). */
  if (MAX (c.x, d.x) < MIN (a.x, b.x) || MIN (c.x, d.x) > MAX (a.x, b.x) ||
      MAX (c.y, d.y) < MIN (a.y, b.y) || MIN (c.y, d.y) > MAX (a.y, b.y))
    return FALSE;
  d1 = cross (ab, (HlPoint) { c.x - a.x, c.y - a.y });
  d2 = cross (ab, (HlPoint) { d.x - a.x, d.y - a.y });
  d3 = cross (cd, (HlPoint) { a.x - c.x, a.y - c.y });
  d4 = cross (cd, (HlPoint) { b.x - c.x, b.y - c.y });

  if (d1 == 0.0 && d2 == 0.0)
    {
      /* Collinear: they cross only where they overlap. */
      return MAX (MIN (a.x, b.x), MIN (c.x, d.x)) <= MIN (MAX (a.x, b.x), MAX (c.x, d.x)) &&
             MAX (MIN (a.y, b.y), MIN (c.y, d.y)) <= MIN (MAX (a.y, b.y), MAX (c.y, d.y));
    }
  return ((d1 <= 0.0 && d2 >= 0.0) || (d1 >= 0.0 && d2 <= 0.0)) &&
         ((d3 <= 0.0 && d4 >= 0.0) || (d3 >= 0.0 && d4 <= 0.0));
}

typedef struct
{
  double x0, x1, y0, y1;
  guint  s;
} SegBox;

static int
compare_seg_boxes (const void *a,
                   const void *b)
{
  const SegBox *x = a, *y = b;

  if (x->x0 != y->x0)
    return x->x0 < y->x0 ? -1 : 1;
  return x->s < y->s ? -1 : (x->s > y->s);
}

/* TRUE when the drawn line and its rays do not cross themselves (rays may
 * meet each other): then moving a piece of the line changes the side of
 * far points only between the piece's old and new place. */
static gboolean
open_is_simple (const HlSegmentIndex *self)
{
  guint first = 1, last = self->n_segments - 2;   /* drawn segments */
  HlPoint r0a = self->points[1], r1a = self->points[self->n_points - 2];

  gboolean meet = self->ray_end[0].x == self->ray_end[1].x && self->ray_end[0].y == self->ray_end[1].y;
  gboolean simple = TRUE;
  SegBox *boxes;
  guint n;

  /* Rays that meet beyond the index's own extension of the ends bound a
   * side that the index's far regions cannot follow. */
  if (meet && (hl_point_distance (r0a, self->ray_end[0]) > hl_point_distance (r0a, self->points[0]) ||
               hl_point_distance (r1a, self->ray_end[1]) > hl_point_distance (r1a, self->points[self->n_points - 1])))
    return FALSE;
  if (last < first)
    return meet || !segments_cross (r0a, self->ray_end[0], r1a, self->ray_end[1]);

  /* Pairs of segments two or more apart whose boxes meet, found by
   * sweeping their boxes sorted by left edge: O(n log n + pairs), where
   * testing every pair cost a quarter of a drag's update. */
  n = last - first + 1;
  boxes = g_new (SegBox, n);
  for (guint i = first; i <= last; i++)
    {
      HlPoint a = seg_a (self, i), b = seg_b (self, i);

      boxes[i - first] = (SegBox) { MIN (a.x, b.x), MAX (a.x, b.x), MIN (a.y, b.y), MAX (a.y, b.y), i };
    }
  {
    /* A hairline mostly runs one way across: its boxes come sorted, or
     * sorted backwards (any order by left edge will do). */
    gboolean up = TRUE, down = TRUE;

    for (guint k = 1; k < n && (up || down); k++)
      {
        up = up && boxes[k].x0 >= boxes[k - 1].x0;
        down = down && boxes[k].x0 <= boxes[k - 1].x0;
      }
    if (down && !up)
      for (guint k = 0; k < n / 2; k++)
        {
          SegBox t = boxes[k];

          boxes[k] = boxes[n - 1 - k];
          boxes[n - 1 - k] = t;
        }
    else if (!up)
      qsort (boxes, n, sizeof *boxes, compare_seg_boxes);
  }
  for (guint k = 0; k < n && simple; k++)
    {
      const SegBox *bi = &boxes[k];

      for (guint l = k + 1; l < n && boxes[l].x0 <= bi->x1 && simple; l++)
        {
          const SegBox *bj = &boxes[l];
          guint i = MIN (bi->s, bj->s), j = MAX (bi->s, bj->s);

          if (j < i + 2 || bj->y1 < bi->y0 || bj->y0 > bi->y1)
            continue;
          if (segments_cross (seg_a (self, i), seg_b (self, i), seg_a (self, j), seg_b (self, j)))
            simple = FALSE;
        }
    }
  g_free (boxes);
  if (!simple)
    return FALSE;

  for (guint i = first; i <= last; i++)
    {
      if (i > first && segments_cross (r0a, self->ray_end[0], seg_a (self, i), seg_b (self, i)))
        return FALSE;
      if (i < last && segments_cross (r1a, self->ray_end[1], seg_a (self, i), seg_b (self, i)))
        return FALSE;
    }
  /* Rays that meet close the loop where they meet, and cross nowhere. */
  return meet || !segments_cross (r0a, self->ray_end[0], r1a, self->ray_end[1]);
}

gboolean
hl_segment_index_is_simple (const HlSegmentIndex *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->closed || self->n_points < 2 || self->simple;
}

static double
open_far_side (const HlSegmentIndex *self,
               HlPoint               p)
{
  return open_parity (self, p) == self->ref_parity ? self->ref_side : -self->ref_side;
}

double
hl_segment_index_signed_distance_exact (const HlSegmentIndex *self,
                                        HlPoint               p)
{
  double best = INFINITY, best_t = 0.0;
  guint best_s = 0;
  double sign;

  g_return_val_if_fail (self != NULL, 0.0);

  if (self->n_segments == 0)
    return -G_MAXDOUBLE;

  for (guint s = 0; s < self->n_segments; s++)
    {
      double t;
      double d2 = hl_segment_distance2 (p, seg_a (self, s), seg_b (self, s), &t);

      if (d2 < best)
        {
          best = d2;
          best_s = s;
          best_t = t;
        }
    }

  if (self->closed)
    sign = hl_polygon_contains (self->points, self->n_points, p) ? 1.0 : -1.0;
  else
    sign = side_of (self, best_s, best_t, p);

  return sign * sqrt (best);
}

static void
cell_center (const HlSegmentIndex *self,
             guint                 cx,
             guint                 cy,
             HlPoint              *p)
{
  p->x = self->x0 + (cx + 0.5) * self->cell;
  p->y = self->y0 + (cy + 0.5) * self->cell;
}

/* @margin: how far past @area the grid reaches. */
static void
build_grid (HlSegmentIndex *self,
            HlRect          area,
            double          margin)
{
  double half_diag;
  double list_reach, near_reach;
  guint *lists;             /* (cell, seg, bucket) triples */
  gsize n_lists = 0, lists_cap;
  guint n_cells;
  guint *queue;
  gboolean *near;
  double *xs, *ys;

  area = hl_rect_inflate (area, margin);
  self->cell = MAX (self->reach * (self->closed ? CLOSED_CELL_PER_REACH : OPEN_CELL_PER_REACH),
                    MAX (area.x1 - area.x0, area.y1 - area.y0) / MAX_GRID_SIDE);
  if (!(self->cell > 0.0))
    self->cell = 1.0;
  self->x0 = area.x0;
  self->y0 = area.y0;
  self->nx = MIN (MAX_GRID_SIDE, (guint) ceil ((area.x1 - area.x0) / self->cell) + 1);
  self->ny = MIN (MAX_GRID_SIDE, (guint) ceil ((area.y1 - area.y0) / self->cell) + 1);
  n_cells = self->nx * self->ny;
  half_diag = self->cell * G_SQRT2 * 0.5;
  near_reach = self->reach + half_diag;
  /* A point of a cell lies within half_diag of its centre, so a segment
   * within reach of the point lies within reach + half_diag of the
   * centre: an open line's queries, exact only within reach, need no
   * more (a margin covers rounding). A closed outline's near cells answer
   * with exact distances somewhat past the reach: their lists reach
   * farther. */
  if (self->closed)
    list_reach = self->reach + 3.0 * half_diag;
  else
    list_reach = (self->reach + half_diag) * (1.0 + 1e-9) + 1e-6;

  /* Pass 1: per cell, the segments within list_reach of its centre, with
   * that distance in one of N_BUCKETS buckets. */
#define N_BUCKETS 32
  self->half_diag = half_diag;
  self->bucket = list_reach / N_BUCKETS;
  lists_cap = 64 + 16 * (gsize) self->n_segments;
  lists = g_new (guint, 3 * lists_cap);
  near = g_new0 (gboolean, n_cells);
  /* The cells' centres, as cell_center() makes them. */
  xs = g_new (double, self->nx);
  ys = g_new (double, self->ny);
  for (guint cx = 0; cx < self->nx; cx++)
    xs[cx] = self->x0 + (cx + 0.5) * self->cell;
  for (guint cy = 0; cy < self->ny; cy++)
    ys[cy] = self->y0 + (cy + 0.5) * self->cell;
  for (guint s = 0; s < self->n_segments; s++)
    {
      HlPoint a = seg_a (self, s), b = seg_b (self, s);
      const SegGeom *g = &self->geom[s];
      HlRect box = hl_rect_inflate (hl_rect_from_points ((HlPoint[]) { a, b }, 2), list_reach);
      int cx0 = (int) floor ((box.x0 - self->x0) / self->cell);
      int cy0 = (int) floor ((box.y0 - self->y0) / self->cell);
      int cx1 = (int) floor ((box.x1 - self->x0) / self->cell);
      int cy1 = (int) floor ((box.y1 - self->y0) / self->cell);

      cx0 = MAX (cx0, 0);
      cy0 = MAX (cy0, 0);
      cx1 = MIN (cx1, (int) self->nx - 1);
      cy1 = MIN (cy1, (int) self->ny - 1);

      for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++)
          {
            double px = xs[cx], py = ys[cy];
            double t = 0.0, ex, ey, d2;

            /* hl_segment_distance2 (centre, a, b, NULL) from the segment's
             * stored terms, dividing only when the foot falls inside it,
             * as hl_segment_index_signed_distance() does: the same d2. */
            if (g->len2 > 0.0)
              {
                double num = (px - g->ax) * g->dx + (py - g->ay) * g->dy;

                if (num >= g->len2)
                  t = 1.0;
                else if (num > 0.0)
                  t = MIN (num / g->len2, 1.0);
              }
            ex = g->ax + t * g->dx - px;
            ey = g->ay + t * g->dy - py;
            d2 = ex * ex + ey * ey;
            if (d2 <= list_reach * list_reach)
              {
                guint triple[3] = { (guint) cy * self->nx + (guint) cx, s,
                                    MIN ((guint) (sqrt (d2) / self->bucket), N_BUCKETS - 1) };

                if (n_lists == lists_cap)
                  {
                    lists_cap *= 2;
                    lists = g_renew (guint, lists, 3 * lists_cap);
                  }
                memcpy (lists + 3 * n_lists++, triple, sizeof triple);
                if (d2 <= near_reach * near_reach)
                  near[triple[0]] = TRUE;
              }
          }
    }
  g_free (xs);
  g_free (ys);

  /* Two stable counting sorts, by bucket then by cell, give per-cell lists
   * in rising distance (to bucket precision) in linear time. Far cells need
   * no list. */
  {
    guint n = (guint) n_lists;
    guint *by_bucket = g_new (guint, MAX (n, 1));
    guint counts[N_BUCKETS + 1] = { 0 };
    guint *fill;
    guint at = 0;

    for (guint i = 0; i < n; i++)
      counts[lists[3 * i + 2] + 1]++;
    for (guint k = 0; k < N_BUCKETS; k++)
      counts[k + 1] += counts[k];
    for (guint i = 0; i < n; i++)
      by_bucket[counts[lists[3 * i + 2]]++] = i;

    self->cell_start = g_new0 (guint, n_cells + 1);
    for (guint i = 0; i < n; i++)
      {
        guint cell = lists[3 * i];

        if (near[cell])
          self->cell_start[cell + 1]++;
      }
    for (guint c = 0; c < n_cells; c++)
      self->cell_start[c + 1] += self->cell_start[c];
    self->cell_segs = g_new (guint, MAX (1, self->cell_start[n_cells]));
    self->cell_dist = g_new (float, MAX (1, self->cell_start[n_cells]));
    fill = g_memdup2 (self->cell_start, sizeof (guint) * n_cells);
    for (guint k = 0; k < n; k++)
      {
        const guint *t = lists + 3 * (gsize) by_bucket[k];

        if (!near[t[0]])
          continue;
        at = fill[t[0]]++;
        self->cell_segs[at] = t[1];
        self->cell_dist[at] = (float) (t[2] * self->bucket);
      }
    g_free (fill);
    g_free (by_bucket);
  }
  g_free (lists);
#undef N_BUCKETS

  /* Open polylines: per column, the drawn segments whose x span
   * meets it (open_parity() counts crossings with those alone). */
  if (!self->closed && self->n_points >= 4)
    {
      guint first = 1, last = self->n_segments - 2;
      guint *fill;

      self->n_cols = self->nx * COLS_PER_CELL;
      self->col_w = self->cell / COLS_PER_CELL;
      self->col_start = g_new0 (guint, self->n_cols + 1);
      for (int pass = 0; pass < 2; pass++)
        {
          for (guint s = first; s <= last; s++)
            {
              HlPoint a = self->points[s], b = self->points[s + 1];
              double c0 = (MIN (a.x, b.x) - self->x0) / self->col_w;
              double c1 = (MAX (a.x, b.x) - self->x0) / self->col_w;
              guint k0, k1;

              if (c1 < 0.0 || c0 >= self->n_cols || !(c0 == c0) || !(c1 == c1))
                continue;
              k0 = c0 < 0.0 ? 0 : (guint) c0;
              k1 = c1 >= self->n_cols ? self->n_cols - 1 : (guint) c1;
              for (guint k = k0; k <= k1; k++)
                {
                  if (pass == 0)
                    self->col_start[k + 1]++;
                  else
                    self->col_segs[fill[k]++] = s;
                }
            }
          if (pass == 0)
            {
              for (guint k = 0; k < self->n_cols; k++)
                self->col_start[k + 1] += self->col_start[k];
              self->col_segs = g_new (guint, MAX (1, self->col_start[self->n_cols]));
              fill = g_memdup2 (self->col_start, sizeof (guint) * self->n_cols);
            }
        }
      g_free (fill);
    }

  /* Flood fill the far cells: one exact side test per connected region. */
  self->cell_side = g_new0 (gint8, n_cells);
  queue = g_new (guint, n_cells);
  for (guint start = 0; start < n_cells; start++)
    {
      guint head = 0, tail = 0;
      HlPoint c;
      gint8 side;

      if (near[start] || self->cell_side[start] != 0)
        continue;

      cell_center (self, start % self->nx, start / self->nx, &c);
      if (self->closed || self->n_points < 2)
        side = hl_segment_index_signed_distance_exact (self, c) >= 0.0 ? 1 : -1;
      else
        side = open_far_side (self, c) >= 0.0 ? 1 : -1;
      self->cell_side[start] = side;
      queue[tail++] = start;

      while (head < tail)
        {
          guint cur = queue[head++];
          guint cx = cur % self->nx, cy = cur / self->nx;
          guint nbr[4];
          guint n_nbr = 0;

          if (cx > 0) nbr[n_nbr++] = cur - 1;
          if (cx + 1 < self->nx) nbr[n_nbr++] = cur + 1;
          if (cy > 0) nbr[n_nbr++] = cur - self->nx;
          if (cy + 1 < self->ny) nbr[n_nbr++] = cur + self->nx;

          for (guint k = 0; k < n_nbr; k++)
            {
              if (near[nbr[k]] || self->cell_side[nbr[k]] != 0)
                continue;
              self->cell_side[nbr[k]] = side;
              queue[tail++] = nbr[k];
            }
        }
    }

  g_free (queue);
  g_free (near);
}

/* @grid: where the grid goes (NULL: over @area). */
static HlSegmentIndex *
index_new (const HlPoint *points,
           guint          n_points,
           gboolean       closed,
           double         reach,
           HlRect         area,
           const HlRect  *grid)
{
  HlSegmentIndex *self;

  self = g_new0 (HlSegmentIndex, 1);
  self->closed = !!closed;
  self->reach = reach;

  if (!closed && n_points >= 2)
    {
      /* Extend the ends as rays well past the area. */
      HlRect all = hl_rect_union (area, hl_rect_from_points (points, n_points));
      double far = 4.0 * (all.x1 - all.x0 + all.y1 - all.y0) + 4.0 * reach + 1.0;
      HlPoint d0 = unit (points[1], points[0]);
      HlPoint d1 = unit (points[n_points - 2], points[n_points - 1]);

      self->n_points = n_points + 2;
      self->points = g_new (HlPoint, self->n_points);
      self->points[0] = (HlPoint) { points[0].x + far * d0.x, points[0].y + far * d0.y };
      memcpy (self->points + 1, points, sizeof (HlPoint) * n_points);
      self->points[n_points + 1] = (HlPoint) { points[n_points - 1].x + far * d1.x,
                                               points[n_points - 1].y + far * d1.y };
      self->n_segments = self->n_points - 1;
      self->orientation = -1.0;
    }
  else
    {
      double area2 = 0.0;

      self->n_points = n_points;
      self->points = g_memdup2 (points, sizeof (HlPoint) * n_points);
      if (closed && n_points >= 3)
        self->n_segments = n_points;
      else if (n_points >= 2)
        self->n_segments = n_points - 1;

      for (guint i = 0; i < n_points; i++)
        {
          HlPoint a = points[i], b = points[(i + 1) % n_points];

          area2 += (a.x - points[0].x) * (b.y - points[0].y) - (b.x - points[0].x) * (a.y - points[0].y);
        }
      self->orientation = area2 >= 0.0 ? 1.0 : -1.0;
      if (!closed)
        self->orientation = -1.0;
    }

  if (hl_rect_is_empty (area))
    area = hl_rect_from_points (self->points, self->n_points);
  if (hl_rect_is_empty (area))
    area = (HlRect) { 0, 0, 1, 1 };
  self->geom = g_new (SegGeom, MAX (self->n_segments, 1));
  for (guint k = 0; k < self->n_segments; k++)
    {
      HlPoint a = seg_a (self, k), b = seg_b (self, k);
      double dx = b.x - a.x, dy = b.y - a.y;

      self->geom[k] = (SegGeom) { a.x, a.y, dx, dy, dx * dx + dy * dy, unit (a, b) };
    }
  if (!self->closed && self->n_points >= 2)
    open_far_side_init (self);
  /* A whole index's grid reaches past its area by the reach; a local one
   * covers just the area it is asked about (a drag's, whose queries all
   * fall inside), with a pixel to spare: beyond it queries are exact
   * scans. */
  if (grid != NULL && !hl_rect_is_empty (*grid))
    build_grid (self, *grid, 1.0);
  else
    build_grid (self, area, reach);

  return self;
}

HlSegmentIndex *
hl_segment_index_new (const HlPoint *points,
                      guint          n_points,
                      gboolean       closed,
                      double         reach,
                      HlRect         area)
{
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (reach >= 0.0, NULL);

  return index_new (points, n_points, closed, reach, area, NULL);
}

HlSegmentIndex *
hl_segment_index_new_local (const HlPoint *points,
                            guint          n_points,
                            double         reach,
                            HlRect         area,
                            HlRect         grid)
{
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (reach >= 0.0, NULL);

  return index_new (points, n_points, FALSE, reach, area, &grid);
}

void
hl_segment_index_free (HlSegmentIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->points);
  g_free (self->geom);
  g_free (self->cell_start);
  g_free (self->cell_segs);
  g_free (self->cell_dist);
  g_free (self->cell_side);
  g_free (self->col_start);
  g_free (self->col_segs);
  g_free (self);
}

double
hl_segment_index_get_reach (const HlSegmentIndex *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->reach;
}

double
hl_segment_index_signed_distance (const HlSegmentIndex *self,
                                  HlPoint               p)
{
  double fx = (p.x - self->x0) / self->cell;
  double fy = (p.y - self->y0) / self->cell;
  guint c, first, last;
  double best = INFINITY, best_t = 0.0, off;
  guint best_s = 0;

  if (!(fx >= 0.0 && fy >= 0.0 && fx < self->nx && fy < self->ny))
    {
      double d = hl_segment_index_signed_distance_exact (self, p);

      /* Beyond reach only the side counts: the same rule as far cells. */
      if (!self->closed && self->n_points >= 2 && fabs (d) > self->reach)
        return open_far_side (self, p) * G_MAXDOUBLE;
      return d;
    }

  c = (guint) fy * self->nx + (guint) fx;
  if (self->cell_side[c] != 0)
    return self->cell_side[c] * G_MAXDOUBLE;

  first = self->cell_start[c];
  last = self->cell_start[c + 1];
  {
    /* How far @p is from its cell's centre (at most half_diag), a little
     * over (rounding): a segment is at least its distance from the centre
     * less this from @p. */
    double cx = self->x0 + ((guint) fx + 0.5) * self->cell;
    double cy = self->y0 + ((guint) fy + 0.5) * self->cell;

    off = sqrt ((p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)) * (1.0 + 1e-9) + 1e-6;
  }
  for (guint k = first; k < last; k++)
    {
      guint s = self->cell_segs[k];
      double t, d2, lower;

      /* Lists rise in distance from the cell centre (to a bucket): once
       * even the nearest possible point of the rest is farther, stop. */
      lower = self->cell_dist[k] - off;
      if (lower > 0.0 && lower * lower > best)
        break;

      /* hl_segment_distance2 (p, seg_a (self, s), seg_b (self, s), &t),
       * from the segment's stored terms. */
      {
        const SegGeom *g = &self->geom[s];
        double ex, ey;

        t = 0.0;
        if (g->len2 > 0.0)
          {
            /* CLAMP (num / len2, 0, 1), dividing only when the foot
             * falls inside the segment (the quotient of a num outside
             * (0, len2) clamps to the same end): most segments a query
             * scans lie along the line to either side of @p. */
            double num = (p.x - g->ax) * g->dx + (p.y - g->ay) * g->dy;

            if (num >= g->len2)
              t = 1.0;
            else if (num > 0.0)
              t = MIN (num / g->len2, 1.0);
          }
        ex = g->ax + t * g->dx - p.x;
        ey = g->ay + t * g->dy - p.y;
        d2 = ex * ex + ey * ey;
      }

      if (d2 < best)
        {
          best = d2;
          best_s = s;
          best_t = t;
        }
    }

  if (last == first)
    return hl_segment_index_signed_distance_exact (self, p);

  /* Beyond reach only the side counts, by the rule of far cells: which
   * cells are far depends on the grid, the answer must not. */
  if (!self->closed && best > self->reach * self->reach)
    return open_far_side (self, p) * G_MAXDOUBLE;

  /* Near the line the bisector rule gives the side in O(1); for a closed
   * outline it matches the even-odd rule of simple polygons. */
  return side_of (self, best_s, best_t, p) * sqrt (best);
}

gboolean
hl_segment_index_sides_by_parity (const HlSegmentIndex *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->parity_sides;
}

gboolean
hl_segment_index_in_front (const HlSegmentIndex *self,
                           HlPoint               p)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* Otherwise ask the distance. */
  if (self->parity_sides)
    return open_far_side (self, p) < 0.0;
  return hl_segment_index_signed_distance (self, p) < 0.0;
}
