/* hl-curve.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-curve.h"

struct _HlCurve
{
  gatomicrefcount ref_count;
  gboolean closed;
  guint n_points;
  HlPoint *points;
  gboolean *corners;   /* n_points flags, NULL when every point is smooth */
  guint n_poly;
  HlPoint *poly;
  /* seg_start[i] is the polyline index where segment i starts; one entry
   * more than there are segments. */
  guint *seg_start;
  guint n_segments;
};

/* Polyline points per segment: about one every 10 px, within [4, 64]. On a
 * curve of 200 px radius a 10 px chord strays 0.06 px from the arc. */
static guint
steps_for_chord (double chord)
{
  double steps = ceil (chord / 10.0);

  return (guint) CLAMP (steps, 4.0, 64.0);
}

static double
knot_interval (HlPoint a,
               HlPoint b)
{
  /* Centripetal parametrisation: |b - a|^0.5, kept away from 0 so that
   * repeated points do not divide by zero. */
  return MAX (sqrt (hl_point_distance (a, b)), 1e-6);
}

static HlPoint
lerp_knots (HlPoint a,
            HlPoint b,
            double  ta,
            double  tb,
            double  t)
{
  double wa = (tb - t) / (tb - ta);
  double wb = (t - ta) / (tb - ta);

  return (HlPoint) { wa * a.x + wb * b.x, wa * a.y + wb * b.y };
}

/* Barry–Goldman evaluation of the centripetal Catmull-Rom segment p1→p2. */
static HlPoint
catmull_rom (HlPoint p0,
             HlPoint p1,
             HlPoint p2,
             HlPoint p3,
             double  u)
{
  double t0 = 0.0;
  double t1 = t0 + knot_interval (p0, p1);
  double t2 = t1 + knot_interval (p1, p2);
  double t3 = t2 + knot_interval (p2, p3);
  double t = t1 + u * (t2 - t1);
  HlPoint a1 = lerp_knots (p0, p1, t0, t1, t);
  HlPoint a2 = lerp_knots (p1, p2, t1, t2, t);
  HlPoint a3 = lerp_knots (p2, p3, t2, t3, t);
  HlPoint b1 = lerp_knots (a1, a2, t0, t2, t);
  HlPoint b2 = lerp_knots (a2, a3, t1, t3, t);

  return lerp_knots (b1, b2, t1, t2, t);
}

static HlPoint
control_point (const HlCurve *self,
               int            i)
{
  int n = (int) self->n_points;

  if (self->closed)
    return self->points[((i % n) + n) % n];

  /* Open curves get phantom end points by reflection. */
  if (i < 0)
    return (HlPoint) { 2 * self->points[0].x - self->points[1].x,
                       2 * self->points[0].y - self->points[1].y };
  if (i >= n)
    return (HlPoint) { 2 * self->points[n - 1].x - self->points[n - 2].x,
                       2 * self->points[n - 1].y - self->points[n - 2].y };
  return self->points[i];
}

static gboolean
is_corner (const HlCurve *self,
           int            i)
{
  int n = (int) self->n_points;

  if (self->corners == NULL)
    return FALSE;
  if (self->closed)
    return self->corners[((i % n) + n) % n];
  return i >= 0 && i < n && self->corners[i];
}

/* Reflection of @q through @p: a phantom neighbour that makes the curve
 * leave @p straight toward @q, as at an open end or a corner. */
static HlPoint
reflect (HlPoint p,
         HlPoint q)
{
  return (HlPoint) { 2 * p.x - q.x, 2 * p.y - q.y };
}

static void
flatten (HlCurve *self)
{
  GArray *poly = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  guint n = self->n_points;

  if (n < 2 || (self->closed && n < 3))
    {
      g_array_append_vals (poly, self->points, n);
      self->n_segments = 0;
      self->seg_start = g_new0 (guint, 1);
    }
  else
    {
      self->n_segments = self->closed ? n : n - 1;
      self->seg_start = g_new0 (guint, self->n_segments + 1);

      for (guint s = 0; s < self->n_segments; s++)
        {
          HlPoint p0 = control_point (self, (int) s - 1);
          HlPoint p1 = control_point (self, (int) s);
          HlPoint p2 = control_point (self, (int) s + 1);
          HlPoint p3 = control_point (self, (int) s + 2);
          guint steps;

          /* A corner cuts the curve: the segments on both of its sides
           * leave it straight toward their other end. */
          if (is_corner (self, (int) s))
            p0 = reflect (p1, p2);
          if (is_corner (self, (int) s + 1))
            p3 = reflect (p2, p1);
          steps = steps_for_chord (hl_point_distance (p1, p2));

          self->seg_start[s] = poly->len;
          g_array_append_val (poly, p1);
          for (guint k = 1; k < steps; k++)
            {
              HlPoint q = catmull_rom (p0, p1, p2, p3, (double) k / steps);
              g_array_append_val (poly, q);
            }
        }

      if (!self->closed)
        g_array_append_val (poly, self->points[n - 1]);
      self->seg_start[self->n_segments] = poly->len;
    }

  self->n_poly = poly->len;
  self->poly = (HlPoint *) (gpointer) g_array_free (poly, FALSE);
}

HlCurve *
hl_curve_new (const HlPoint *points,
              guint          n_points,
              gboolean       closed)
{
  return hl_curve_new_full (points, NULL, n_points, closed);
}

HlCurve *
hl_curve_new_full (const HlPoint  *points,
                   const gboolean *corners,
                   guint           n_points,
                   gboolean        closed)
{
  HlCurve *self;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_points <= HL_CURVE_MAX_POINTS, NULL);

  for (guint i = 0; i < n_points; i++)
    g_return_val_if_fail (hl_point_is_finite (points[i]), NULL);

  self = g_new0 (HlCurve, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->closed = !!closed;
  self->n_points = n_points;
  self->points = g_memdup2 (points, sizeof (HlPoint) * n_points);
  for (guint i = 0; corners != NULL && i < n_points; i++)
    if (corners[i])
      {
        self->corners = g_new (gboolean, n_points);
        for (guint k = 0; k < n_points; k++)
          self->corners[k] = !!corners[k];
        break;
      }
  flatten (self);

  return self;
}

HlCurve *
hl_curve_ref (HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);

  g_atomic_ref_count_inc (&curve->ref_count);
  return curve;
}

void
hl_curve_unref (HlCurve *curve)
{
  g_return_if_fail (curve != NULL);

  if (g_atomic_ref_count_dec (&curve->ref_count))
    {
      g_free (curve->points);
      g_free (curve->corners);
      g_free (curve->poly);
      g_free (curve->seg_start);
      g_free (curve);
    }
}

guint
hl_curve_get_n_points (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0);
  return curve->n_points;
}

const HlPoint *
hl_curve_get_points (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, NULL);
  return curve->points;
}

gboolean
hl_curve_is_closed (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, FALSE);
  return curve->closed;
}

gboolean
hl_curve_is_corner (const HlCurve *curve,
                    guint          index)
{
  g_return_val_if_fail (curve != NULL, FALSE);
  return index < curve->n_points && curve->corners != NULL && curve->corners[index];
}

gboolean
hl_curve_has_corners (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, FALSE);
  return curve->corners != NULL;
}

/* The corner flags of @curve as a new array of @n_points (transfer full). */
static gboolean *
copy_corners (const HlCurve *curve)
{
  gboolean *corners = g_new0 (gboolean, curve->n_points + 1);

  if (curve->corners != NULL)
    memcpy (corners, curve->corners, sizeof (gboolean) * curve->n_points);
  return corners;
}

const HlPoint *
hl_curve_get_polyline (const HlCurve *curve,
                       guint         *n_points)
{
  g_return_val_if_fail (curve != NULL, NULL);

  if (n_points != NULL)
    *n_points = curve->n_poly;
  return curve->poly;
}

void
hl_curve_get_affected_range (const HlCurve *curve,
                             guint          index,
                             guint         *first,
                             guint         *last)
{
  int lo, hi;

  g_return_if_fail (curve != NULL);
  g_return_if_fail (first != NULL && last != NULL);

  if (curve->n_segments == 0 || curve->n_poly == 0)
    {
      *first = 0;
      *last = curve->n_poly > 0 ? curve->n_poly - 1 : 0;
      return;
    }

  /* Segments index-2 .. index+1 use control point @index. */
  lo = (int) index - 2;
  hi = (int) index + 1;

  if (curve->closed && (hi - lo + 1) >= (int) curve->n_segments)
    {
      *first = 0;
      *last = curve->n_poly - 1;
      return;
    }

  if (curve->closed && (lo < 0 || hi >= (int) curve->n_segments))
    {
      /* The range wraps around the seam: report the whole polyline, the
       * caller only uses it to bound an area. */
      *first = 0;
      *last = curve->n_poly - 1;
      return;
    }

  lo = MAX (lo, 0);
  hi = MIN (hi, (int) curve->n_segments - 1);
  *first = curve->seg_start[lo];
  *last = MIN (curve->seg_start[hi + 1], curve->n_poly - 1);
}

HlCurve *
hl_curve_with_point (const HlCurve *curve,
                     guint          index,
                     HlPoint        p)
{
  g_autofree HlPoint *points = NULL;

  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (index < curve->n_points, NULL);
  g_return_val_if_fail (hl_point_is_finite (p), NULL);

  points = g_memdup2 (curve->points, sizeof (HlPoint) * curve->n_points);
  points[index] = p;
  return hl_curve_new_full (points, curve->corners, curve->n_points, curve->closed);
}

HlCurve *
hl_curve_with_corner (const HlCurve *curve,
                      guint          index,
                      gboolean       corner)
{
  g_autofree gboolean *corners = NULL;

  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (index < curve->n_points, NULL);

  corners = copy_corners (curve);
  corners[index] = !!corner;
  return hl_curve_new_full (curve->points, corners, curve->n_points, curve->closed);
}

HlCurve *
hl_curve_with_inserted_point (const HlCurve *curve,
                              guint          index,
                              HlPoint        p)
{
  guint n;
  g_autofree HlPoint *points = NULL;
  g_autofree gboolean *corners = NULL;

  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (index <= curve->n_points, NULL);
  g_return_val_if_fail (curve->n_points < HL_CURVE_MAX_POINTS, NULL);
  g_return_val_if_fail (hl_point_is_finite (p), NULL);

  n = curve->n_points;
  points = g_new (HlPoint, n + 1);
  corners = g_new0 (gboolean, n + 1);
  memcpy (points, curve->points, sizeof (HlPoint) * index);
  memcpy (points + index + 1, curve->points + index, sizeof (HlPoint) * (n - index));
  points[index] = p;
  if (curve->corners != NULL)
    {
      memcpy (corners, curve->corners, sizeof (gboolean) * index);
      memcpy (corners + index + 1, curve->corners + index, sizeof (gboolean) * (n - index));
    }
  return hl_curve_new_full (points, corners, n + 1, curve->closed);
}

HlCurve *
hl_curve_without_point (const HlCurve *curve,
                        guint          index)
{
  guint n;
  g_autofree HlPoint *points = NULL;
  g_autofree gboolean *corners = NULL;

  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (index < curve->n_points, NULL);

  n = curve->n_points;
  points = g_new (HlPoint, n);
  corners = copy_corners (curve);
  memcpy (points, curve->points, sizeof (HlPoint) * n);
  memmove (points + index, points + index + 1, sizeof (HlPoint) * (n - index - 1));
  memmove (corners + index, corners + index + 1, sizeof (gboolean) * (n - index - 1));
  return hl_curve_new_full (points, corners, n - 1, curve->closed);
}

gboolean
hl_curve_find_segment (const HlCurve *curve,
                       HlPoint        p,
                       double         radius,
                       guint         *segment,
                       HlPoint       *at)
{
  double best = radius;
  gboolean found = FALSE;

  g_return_val_if_fail (curve != NULL, FALSE);

  for (guint s = 0; s < curve->n_segments; s++)
    for (guint k = curve->seg_start[s]; k < curve->seg_start[s + 1]; k++)
      {
        HlPoint a = curve->poly[k];
        HlPoint b = curve->poly[(k + 1) % curve->n_poly];
        double t;
        double d = sqrt (hl_segment_distance2 (p, a, b, &t));
        HlPoint q = { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };

        if (d <= best)
          {
            best = d;
            found = TRUE;
            if (segment != NULL)
              *segment = s;
            if (at != NULL)
              *at = q;
          }
      }
  return found;
}

double
hl_curve_length (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0.0);
  return hl_polyline_length (curve->poly, curve->n_poly, curve->closed);
}

double
hl_curve_area (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, 0.0);

  if (!curve->closed)
    return 0.0;
  return hl_polygon_area (curve->poly, curve->n_poly);
}

HlRect
hl_curve_bounds (const HlCurve *curve)
{
  g_return_val_if_fail (curve != NULL, hl_rect_from_points (NULL, 0));
  return hl_rect_from_points (curve->poly, curve->n_poly);
}

gboolean
hl_curve_equal (const HlCurve *a,
                const HlCurve *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->closed == b->closed &&
         a->n_points == b->n_points &&
         (a->n_points == 0 || memcmp (a->points, b->points, sizeof (HlPoint) * a->n_points) == 0) &&
         hl_curve_same_corners (a, b);
}

gboolean
hl_curve_same_corners (const HlCurve *a,
                       const HlCurve *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->n_points != b->n_points)
    return FALSE;
  for (guint i = 0; i < a->n_points; i++)
    if (hl_curve_is_corner (a, i) != hl_curve_is_corner (b, i))
      return FALSE;
  return TRUE;
}
