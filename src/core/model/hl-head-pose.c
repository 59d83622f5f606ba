/* hl-head-pose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-head-pose.h"

#define DEG (G_PI / 180.0)

static void
mat_mul (double a[3][3],
         double b[3][3],
         double out[3][3])
{
  double r[3][3];

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      out[i][j] = r[i][j];
}

void
hl_head_pose_get_matrix (const HlHeadPose *pose,
                         double            m[3][3])
{
  double cy, sy, cp, sp, cr, sr;

  g_return_if_fail (pose != NULL);

  cy = cos (pose->yaw_deg * DEG);
  sy = sin (pose->yaw_deg * DEG);
  cp = cos (pose->pitch_deg * DEG);
  sp = sin (pose->pitch_deg * DEG);
  cr = cos (pose->roll_deg * DEG);
  sr = sin (pose->roll_deg * DEG);

  {
    double rz[3][3] = { { cy, -sy, 0 }, { sy, cy, 0 }, { 0, 0, 1 } };
    double rx[3][3] = { { 1, 0, 0 }, { 0, cp, -sp }, { 0, sp, cp } };
    double front[3][3] = { { 1, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } };
    double roll[3][3] = { { cr, -sr, 0 }, { sr, cr, 0 }, { 0, 0, 1 } };

    mat_mul (rx, rz, m);
    mat_mul (front, m, m);
    mat_mul (roll, m, m);
  }
  /* Exact zeros and ones for the charts' right angles. */
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      if (fabs (m[i][j]) < 1e-12)
        m[i][j] = 0.0;
}

void
hl_head_pose_get_view_dir (const HlHeadPose *pose,
                           double            dir[3])
{
  double m[3][3];

  hl_head_pose_get_matrix (pose, m);
  for (int i = 0; i < 3; i++)
    dir[i] = m[2][i];
}

HlPoint
hl_head_pose_project (const HlHeadPose *pose,
                      const double      x[3],
                      double           *depth)
{
  double m[3][3], u, v;

  g_return_val_if_fail (pose != NULL, ((HlPoint) { 0, 0 }));

  hl_head_pose_get_matrix (pose, m);
  u = m[0][0] * x[0] + m[0][1] * x[1] + m[0][2] * x[2];
  v = m[1][0] * x[0] + m[1][1] * x[1] + m[1][2] * x[2];
  if (depth != NULL)
    *depth = m[2][0] * x[0] + m[2][1] * x[1] + m[2][2] * x[2];
  return (HlPoint) { pose->centre_x + pose->scale * u, pose->centre_y + pose->scale * v };
}

void
hl_head_pose_unproject (const HlHeadPose *pose,
                        HlPoint           p,
                        double            w,
                        double            x[3])
{
  double m[3][3], c[3];

  g_return_if_fail (pose != NULL && pose->scale > 0.0);

  hl_head_pose_get_matrix (pose, m);
  c[0] = (p.x - pose->centre_x) / pose->scale;
  c[1] = (p.y - pose->centre_y) / pose->scale;
  c[2] = w;
  /* The transpose inverts a rotation. */
  for (int i = 0; i < 3; i++)
    x[i] = m[0][i] * c[0] + m[1][i] * c[1] + m[2][i] * c[2];
}

static gboolean
in_range (double v,
          double lo,
          double hi)
{
  return isfinite (v) && v >= lo && v <= hi;
}

gboolean
hl_head_pose_check (const HlHeadPose *pose,
                    const char      **field,
                    double           *lo,
                    double           *hi)
{
  struct { const char *name; double v, lo, hi; } rules[] = {
    { "yaw_deg", pose->yaw_deg, -180.0, 180.0 },
    { "pitch_deg", pose->pitch_deg, -90.0, 90.0 },
    { "roll_deg", pose->roll_deg, -180.0, 180.0 },
    { "scale", pose->scale, HL_HEAD_POSE_MIN_SCALE, HL_HEAD_POSE_MAX_SCALE },
    { "centre_x", pose->centre_x, -HL_HEAD_POSE_MAX_CENTRE, HL_HEAD_POSE_MAX_CENTRE },
    { "centre_y", pose->centre_y, -HL_HEAD_POSE_MAX_CENTRE, HL_HEAD_POSE_MAX_CENTRE },
  };

  g_return_val_if_fail (pose != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!in_range (rules[i].v, rules[i].lo, rules[i].hi))
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
