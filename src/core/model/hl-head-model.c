/* hl-head-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-head-model.h"

#define GEODESIC_STEPS 64

HlHeadModel
hl_head_model_default (void)
{
  return (HlHeadModel) { HL_HEAD_DEFAULT_BREADTH_MM, HL_HEAD_DEFAULT_LENGTH_MM,
                         HL_HEAD_DEFAULT_HEIGHT_MM };
}

gboolean
hl_head_model_check (const HlHeadModel *model,
                     const char       **field,
                     double            *lo,
                     double            *hi)
{
  struct { const char *name; double v, lo, hi; } rules[] = {
    { "breadth_mm", model->breadth_mm, HL_HEAD_MIN_BREADTH_MM, HL_HEAD_MAX_BREADTH_MM },
    { "length_mm", model->length_mm, HL_HEAD_MIN_LENGTH_MM, HL_HEAD_MAX_LENGTH_MM },
    { "height_mm", model->height_mm, HL_HEAD_MIN_HEIGHT_MM, HL_HEAD_MAX_HEIGHT_MM },
  };

  g_return_val_if_fail (model != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!(isfinite (rules[i].v) && rules[i].v >= rules[i].lo && rules[i].v <= rules[i].hi))
      {
        if (field != NULL)
          *field = rules[i].name;
        if (lo != NULL)
          *lo = rules[i].lo;
        if (hi != NULL)
          *hi = rules[i].hi;
        return FALSE;
      }
  return TRUE;
}

void
hl_head_model_get_semi_axes (const HlHeadModel *model,
                             double             abc[3])
{
  g_return_if_fail (model != NULL);

  abc[0] = model->breadth_mm / 2.0;
  abc[1] = model->length_mm / 2.0;
  abc[2] = model->height_mm * (1.0 - HL_HEAD_GLABELLA_FRACTION);
}

void
hl_head_model_get_glabella (const HlHeadModel *model,
                            double             x[3])
{
  double abc[3], z;

  hl_head_model_get_semi_axes (model, abc);
  z = -model->height_mm * HL_HEAD_GLABELLA_FRACTION;
  x[0] = 0.0;
  x[1] = abc[1] * sqrt (MAX (0.0, 1.0 - (z / abc[2]) * (z / abc[2])));
  x[2] = z;
}

void
hl_head_model_get_normal (const HlHeadModel *model,
                          const double       x[3],
                          double             n[3])
{
  double abc[3], len = 0.0;

  hl_head_model_get_semi_axes (model, abc);
  for (int i = 0; i < 3; i++)
    {
      n[i] = x[i] / (abc[i] * abc[i]);
      len += n[i] * n[i];
    }
  len = sqrt (len);
  if (len > 0.0)
    for (int i = 0; i < 3; i++)
      n[i] /= len;
}

void
hl_head_model_to_surface (const HlHeadModel *model,
                          const double       x[3],
                          double             out[3])
{
  double abc[3], r = 0.0;

  hl_head_model_get_semi_axes (model, abc);
  for (int i = 0; i < 3; i++)
    r += (x[i] / abc[i]) * (x[i] / abc[i]);
  r = sqrt (r);
  for (int i = 0; i < 3; i++)
    out[i] = r > 0.0 ? x[i] / r : (i == 2 ? abc[2] : 0.0);
}

/* The ray through @p toward the camera (rows of @m: the camera frame). */
static gboolean
ray_cast (const double       abc[3],
          const HlHeadPose  *pose,
          const double       m[3][3],
          HlPoint            p,
          double             x[3])
{
  double u, v, o[3], d[3], qa = 0.0, qb = 0.0, qc = -1.0, disc, t;

  if (!hl_point_is_finite (p) || !(pose->scale > 0.0))
    return FALSE;

  /* Origin on the image plane (w = 0), direction toward the camera: the
   * visible point has the largest t. */
  u = (p.x - pose->centre_x) / pose->scale;
  v = (p.y - pose->centre_y) / pose->scale;
  for (int i = 0; i < 3; i++)
    {
      double os, ds;

      o[i] = m[0][i] * u + m[1][i] * v;
      d[i] = m[2][i];
      os = o[i] / abc[i];
      ds = d[i] / abc[i];
      qa += ds * ds;
      qb += 2.0 * os * ds;
      qc += os * os;
    }
  disc = qb * qb - 4.0 * qa * qc;
  if (disc < 0.0)
    return FALSE;
  t = (-qb + sqrt (disc)) / (2.0 * qa);
  for (int i = 0; i < 3; i++)
    x[i] = o[i] + t * d[i];
  return TRUE;
}

gboolean
hl_head_model_image_to_scalp (const HlHeadModel *model,
                              const HlHeadPose  *pose,
                              HlPoint            p,
                              double             x[3])
{
  double abc[3], m[3][3];

  g_return_val_if_fail (model != NULL && pose != NULL, FALSE);

  hl_head_model_get_semi_axes (model, abc);
  hl_head_pose_get_matrix (pose, m);
  return ray_cast (abc, pose, (const double (*)[3]) m, p, x);
}

gboolean
hl_head_model_scalp_to_image (const HlHeadModel *model,
                              const HlHeadPose  *pose,
                              const double       x[3],
                              HlPoint           *p)
{
  double n[3], d[3];

  g_return_val_if_fail (model != NULL && pose != NULL && p != NULL, FALSE);

  *p = hl_head_pose_project (pose, x, NULL);
  hl_head_model_get_normal (model, x, n);
  hl_head_pose_get_view_dir (pose, d);
  return n[0] * d[0] + n[1] * d[1] + n[2] * d[2] > 0.0;
}

gboolean
hl_head_model_image_to_scalp_fast (const HlHeadModel *model,
                                   const HlHeadPose  *pose,
                                   const double       m[3][3],
                                   HlPoint            p,
                                   double             x[3])
{
  double abc[3];

  hl_head_model_get_semi_axes (model, abc);
  return ray_cast (abc, pose, m, p, x);
}

double
hl_head_model_area_ratio_fast (const HlHeadModel *model,
                               const HlHeadPose  *pose,
                               const double       m[3][3],
                               HlPoint            p)
{
  double abc[3], x[3], n[3], c;

  hl_head_model_get_semi_axes (model, abc);
  if (!ray_cast (abc, pose, m, p, x))
    return 0.0;
  hl_head_model_get_normal (model, x, n);
  c = fabs (n[0] * m[2][0] + n[1] * m[2][1] + n[2] * m[2][2]);
  if (c * HL_HEAD_MAX_AREA_RATIO <= 1.0)
    return HL_HEAD_MAX_AREA_RATIO;
  return 1.0 / c;
}

double
hl_head_model_area_ratio (const HlHeadModel *model,
                          const HlHeadPose  *pose,
                          HlPoint            p)
{
  double m[3][3];

  g_return_val_if_fail (model != NULL && pose != NULL, 0.0);

  hl_head_pose_get_matrix (pose, m);
  return hl_head_model_area_ratio_fast (model, pose, (const double (*)[3]) m, p);
}

double
hl_head_model_surface_distance (const HlHeadModel *model,
                                const double       a[3],
                                const double       b[3])
{
  double abc[3], ua[3], ub[3], la = 0.0, lb = 0.0, dot = 0.0, omega, prev[3], len = 0.0;

  g_return_val_if_fail (model != NULL, 0.0);

  hl_head_model_get_semi_axes (model, abc);
  for (int i = 0; i < 3; i++)
    {
      ua[i] = a[i] / abc[i];
      ub[i] = b[i] / abc[i];
      la += ua[i] * ua[i];
      lb += ub[i] * ub[i];
    }
  la = sqrt (la);
  lb = sqrt (lb);
  if (!(la > 0.0) || !(lb > 0.0))
    return 0.0;
  for (int i = 0; i < 3; i++)
    {
      ua[i] /= la;
      ub[i] /= lb;
      dot += ua[i] * ub[i];
    }
  omega = acos (CLAMP (dot, -1.0, 1.0));
  if (omega < 1e-12)
    return 0.0;

  for (int i = 0; i < 3; i++)
    prev[i] = ua[i] * abc[i];
  for (guint k = 1; k <= GEODESIC_STEPS; k++)
    {
      double t = (double) k / GEODESIC_STEPS, q[3], seg = 0.0;
      double wa = sin ((1.0 - t) * omega) / sin (omega), wb = sin (t * omega) / sin (omega);

      for (int i = 0; i < 3; i++)
        {
          q[i] = (wa * ua[i] + wb * ub[i]) * abc[i];
          seg += (q[i] - prev[i]) * (q[i] - prev[i]);
          prev[i] = q[i];
        }
      len += sqrt (seg);
    }
  return len;
}

gboolean
hl_head_model_image_distance (const HlHeadModel *model,
                              const HlHeadPose  *pose,
                              HlPoint            a,
                              HlPoint            b,
                              double            *mm)
{
  double xa[3], xb[3];

  if (!hl_head_model_image_to_scalp (model, pose, a, xa) ||
      !hl_head_model_image_to_scalp (model, pose, b, xb))
    return FALSE;
  if (mm != NULL)
    *mm = hl_head_model_surface_distance (model, xa, xb);
  return TRUE;
}

static void
normalize (double v[3])
{
  double l = sqrt (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);

  if (l > 0.0)
    for (int i = 0; i < 3; i++)
      v[i] /= l;
}

static void
cross (const double a[3],
       const double b[3],
       double       out[3])
{
  out[0] = a[1] * b[2] - a[2] * b[1];
  out[1] = a[2] * b[0] - a[0] * b[2];
  out[2] = a[0] * b[1] - a[1] * b[0];
}

GArray *
hl_head_model_silhouette (const HlHeadModel *model,
                          const HlHeadPose  *pose,
                          guint              n,
                          double             inset_mm)
{
  GArray *points;
  double abc[3], d[3], e[3], e1[3], e2[3], helper[3] = { 0.0, 0.0, 1.0 };
  HlPoint centre, top = { 0, G_MAXDOUBLE };
  double top_t = 0.0, area2 = 0.0, sign;
  HlPoint *tmp;

  g_return_val_if_fail (model != NULL && pose != NULL && n >= 8, NULL);

  /* On the unit sphere u (x = abc·u) the rim is where the normal, ∝ u/abc,
   * is at right angles to the view: the great circle orthogonal to
   * e = d/abc. */
  hl_head_model_get_semi_axes (model, abc);
  hl_head_pose_get_view_dir (pose, d);
  for (int i = 0; i < 3; i++)
    e[i] = d[i] / abc[i];
  normalize (e);
  if (fabs (e[2]) > 0.9)
    helper[0] = 1.0, helper[2] = 0.0;
  cross (e, helper, e1);
  normalize (e1);
  cross (e, e1, e2);

  centre = hl_head_pose_project (pose, (double[3]) { 0, 0, 0 }, NULL);
  tmp = g_new (HlPoint, n);
  for (guint k = 0; k < n; k++)
    {
      double t = 2.0 * G_PI * k / n, x[3];
      HlPoint q;
      double dx, dy, r;

      for (int i = 0; i < 3; i++)
        x[i] = (cos (t) * e1[i] + sin (t) * e2[i]) * abc[i];
      q = hl_head_pose_project (pose, x, NULL);
      dx = q.x - centre.x;
      dy = q.y - centre.y;
      r = hypot (dx, dy);
      if (r > 0.0 && inset_mm > 0.0)
        {
          double f = MAX (0.0, r - inset_mm * pose->scale) / r;

          q.x = centre.x + dx * f;
          q.y = centre.y + dy * f;
        }
      tmp[k] = q;
      if (q.y < top.y - 1e-9)
        {
          top = q;
          top_t = k;
        }
    }
  for (guint k = 0; k < n; k++)
    {
      HlPoint a = tmp[k], b = tmp[(k + 1) % n];

      area2 += a.x * b.y - b.x * a.y;
    }
  /* y points down: a positive shoelace sum turns clockwise on screen. */
  sign = area2 >= 0.0 ? 1.0 : -1.0;
  points = g_array_sized_new (FALSE, FALSE, sizeof (HlPoint), n);
  for (guint k = 0; k < n; k++)
    {
      long idx = (long) top_t + (sign > 0 ? (long) k : -(long) k);

      idx = ((idx % (long) n) + (long) n) % (long) n;
      g_array_append_val (points, tmp[idx]);
    }
  g_free (tmp);
  return points;
}
