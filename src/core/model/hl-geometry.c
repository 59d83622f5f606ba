/* hl-geometry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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

