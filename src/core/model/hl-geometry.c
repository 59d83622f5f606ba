/* hl-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hl-geometry.h"

gboolean
hl_point_is_finite (HlPoint p)
{
  return isfinite (p.x) && isfinite (p.y);
}

double
hl_point_distance (HlPoint a,
                   HlPoint b)
{
  double dx = a.x - b.x;
  double dy = a.y - b.y;

  return sqrt (dx * dx + dy * dy);
}

HlRect
hl_rect_from_points (const HlPoint *points,
                     gsize          n)
{
  HlRect r = { INFINITY, INFINITY, -INFINITY, -INFINITY };

  for (gsize i = 0; i < n; i++)
    {
      r.x0 = MIN (r.x0, points[i].x);
      r.y0 = MIN (r.y0, points[i].y);
      r.x1 = MAX (r.x1, points[i].x);
      r.y1 = MAX (r.y1, points[i].y);
    }

  return r;
}

HlRect
hl_rect_inflate (HlRect r,
                 double margin)
{
  if (hl_rect_is_empty (r))
    return r;

  r.x0 -= margin;
  r.y0 -= margin;
  r.x1 += margin;
  r.y1 += margin;
  return r;
}

HlRect
hl_rect_union (HlRect a,
               HlRect b)
{
  if (hl_rect_is_empty (a))
    return b;
  if (hl_rect_is_empty (b))
    return a;

  a.x0 = MIN (a.x0, b.x0);
  a.y0 = MIN (a.y0, b.y0);
  a.x1 = MAX (a.x1, b.x1);
  a.y1 = MAX (a.y1, b.y1);
  return a;
}

HlRect
hl_rect_intersect (HlRect a,
                   HlRect b)
{
  a.x0 = MAX (a.x0, b.x0);
  a.y0 = MAX (a.y0, b.y0);
  a.x1 = MIN (a.x1, b.x1);
  a.y1 = MIN (a.y1, b.y1);
  return a;
}

gboolean
hl_rect_is_empty (HlRect r)
{
  return !(r.x0 <= r.x1 && r.y0 <= r.y1);
}

gboolean
hl_rect_intersects (HlRect a,
                    HlRect b)
{
  if (hl_rect_is_empty (a) || hl_rect_is_empty (b))
    return FALSE;

  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

double
hl_polygon_area (const HlPoint *points,
                 gsize          n)
{
  double sum = 0.0;

  if (n < 3)
    return 0.0;

  for (gsize i = 0, j = n - 1; i < n; j = i++)
    sum += (points[j].x - points[0].x) * (points[i].y - points[0].y)
         - (points[i].x - points[0].x) * (points[j].y - points[0].y);

  return fabs (sum) * 0.5;
}

gboolean
hl_polygon_contains (const HlPoint *points,
                     gsize          n,
                     HlPoint        p)
{
  gboolean inside = FALSE;

  for (gsize i = 0, j = n - 1; i < n; j = i++)
    {
      const HlPoint a = points[i];
      const HlPoint b = points[j];

      if ((a.y > p.y) != (b.y > p.y) &&
          p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
        inside = !inside;
    }

  return inside;
}

static double
orient (HlPoint a,
        HlPoint b,
        HlPoint c)
{
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

static gboolean
on_segment (HlPoint a,
            HlPoint b,
            HlPoint p)
{
  return MIN (a.x, b.x) <= p.x && p.x <= MAX (a.x, b.x) &&
         MIN (a.y, b.y) <= p.y && p.y <= MAX (a.y, b.y);
}

/* Whether segments ab and cd share a point (touching counts). */
static gboolean
segments_meet (HlPoint a,
               HlPoint b,
               HlPoint c,
               HlPoint d)
{
  double d1 = orient (c, d, a), d2 = orient (c, d, b);
  double d3 = orient (a, b, c), d4 = orient (a, b, d);

  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
      ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return TRUE;
  return (d1 == 0 && on_segment (c, d, a)) || (d2 == 0 && on_segment (c, d, b)) ||
         (d3 == 0 && on_segment (a, b, c)) || (d4 == 0 && on_segment (a, b, d));
}

typedef struct
{
  double x0, x1;
  gsize  i;
} EdgeSpan;

static int
edge_span_compare (gconstpointer a,
                   gconstpointer b)
{
  const EdgeSpan *ea = a, *eb = b;

  if (ea->x0 != eb->x0)
    return ea->x0 < eb->x0 ? -1 : 1;
  return ea->i < eb->i ? -1 : (ea->i > eb->i);
}

gboolean
hl_polygon_is_simple (const HlPoint *points,
                      gsize          n)
{
  EdgeSpan *spans;
  gboolean simple = TRUE;

  if (n < 3)
    return FALSE;

  spans = g_new (EdgeSpan, n);
  for (gsize i = 0; i < n; i++)
    {
      HlPoint a = points[i], b = points[(i + 1) % n];

      if (a.x == b.x && a.y == b.y)
        {
          /* A repeated point: an edge of no length. */
          g_free (spans);
          return FALSE;
        }
      spans[i] = (EdgeSpan) { MIN (a.x, b.x), MAX (a.x, b.x), i };
    }
  qsort (spans, n, sizeof *spans, edge_span_compare);

  for (gsize s = 0; s < n && simple; s++)
    {
      gsize i = spans[s].i;
      HlPoint a = points[i], b = points[(i + 1) % n];
      double y0 = MIN (a.y, b.y), y1 = MAX (a.y, b.y);

      for (gsize t = s + 1; t < n && spans[t].x0 <= spans[s].x1; t++)
        {
          gsize j = spans[t].i;
          HlPoint c = points[j], d = points[(j + 1) % n];
          gsize lo = MIN (i, j), hi = MAX (i, j);

          if (MAX (c.y, d.y) < y0 || MIN (c.y, d.y) > y1)
            continue;
          if (hi == lo + 1 || (lo == 0 && hi == n - 1))
            {
              /* Neighbours share one point; they must not run back over
               * each other. */
              HlPoint shared = hi == lo + 1 ? points[hi] : points[0];
              HlPoint other1 = hi == lo + 1 ? points[lo] : points[n - 1];
              HlPoint other2 = hi == lo + 1 ? points[(hi + 1) % n] : points[1];

              if (orient (other1, shared, other2) == 0 &&
                  (other2.x - shared.x) * (other1.x - shared.x) +
                  (other2.y - shared.y) * (other1.y - shared.y) > 0)
                simple = FALSE;
              continue;
            }
          if (segments_meet (a, b, c, d))
            {
              simple = FALSE;
              break;
            }
        }
    }

  g_free (spans);
  return simple;
}

HlPoint
hl_polygon_nearest_point (const HlPoint *points,
                          gsize          n,
                          HlPoint        p)
{
  double best = INFINITY;
  HlPoint at = p;

  for (gsize i = 0; i < n; i++)
    {
      HlPoint a = points[i], b = points[(i + 1) % n];
      double t, d2 = hl_segment_distance2 (p, a, b, &t);

      if (d2 < best)
        {
          best = d2;
          at = (HlPoint) { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };
        }
    }
  return at;
}

HlPoint *
hl_polyline_simplify (const HlPoint *points,
                      gsize          n,
                      double         tolerance,
                      double         max_length,
                      gsize         *n_out)
{
  g_autofree guint8 *keep = NULL;
  g_autoptr(GArray) stack = NULL;
  HlPoint *out;
  gsize m = 0;
  double tol2 = tolerance * tolerance;

  g_return_val_if_fail (n_out != NULL, NULL);

  if (n <= 2)
    {
      *n_out = n;
      return n > 0 ? g_memdup2 (points, n * sizeof *points) : NULL;
    }
  keep = g_new0 (guint8, n);
  keep[0] = keep[n - 1] = 1;
  /* Stretches [a, b] whose ends are kept, as pairs of indexes. */
  stack = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (stack, (gsize) { 0 });
  g_array_append_val (stack, (gsize) { n - 1 });
  while (stack->len > 0)
    {
      gsize b = g_array_index (stack, gsize, stack->len - 1);
      gsize a = g_array_index (stack, gsize, stack->len - 2);
      gsize far = a;
      double far2 = tol2;

      g_array_set_size (stack, stack->len - 2);
      for (gsize i = a + 1; i < b; i++)
        {
          double d2 = hl_segment_distance2 (points[i], points[a], points[b], NULL);

          if (d2 > far2)
            {
              far2 = d2;
              far = i;
            }
        }
      /* A stretch too long to stand for one segment splits in the
       * middle. */
      if (far == a && b - a > 1 && max_length > 0.0 && hl_point_distance (points[a], points[b]) > max_length)
        far = a + (b - a) / 2;
      if (far == a)
        continue;
      keep[far] = 1;
      g_array_append_val (stack, a);
      g_array_append_val (stack, far);
      g_array_append_val (stack, far);
      g_array_append_val (stack, b);
    }

  out = g_new (HlPoint, n);
  for (gsize i = 0; i < n; i++)
    if (keep[i])
      out[m++] = points[i];
  *n_out = m;
  return out;
}

double
hl_polyline_length (const HlPoint *points,
                    gsize          n,
                    gboolean       closed)
{
  double len = 0.0;

  for (gsize i = 1; i < n; i++)
    len += hl_point_distance (points[i - 1], points[i]);

  if (closed && n > 2)
    len += hl_point_distance (points[n - 1], points[0]);

  return len;
}

