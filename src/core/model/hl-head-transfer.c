/* hl-head-transfer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-head-transfer.h"

gboolean
hl_head_transfer_possible (const HlView *from,
                           const HlView *to)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  return from->has_head && to->has_head && memcmp (&from->head, &to->head, sizeof from->head) == 0;
}

gboolean
hl_head_transfer_point (const HlView *from,
                        HlPoint       p,
                        const HlView *to,
                        HlPoint      *q)
{
  double x[3];

  g_return_val_if_fail (q != NULL, FALSE);

  if (!hl_head_transfer_possible (from, to) ||
      !hl_head_model_image_to_scalp (&from->head, &from->pose, p, x))
    return FALSE;
  return hl_head_model_scalp_to_image (&to->head, &to->pose, x, q);
}

GArray *
hl_head_transfer_dots (const HlView *from,
                       const HlDot  *dots,
                       gsize         n,
                       const HlView *to)
{
  GArray *out;

  g_return_val_if_fail (dots != NULL || n == 0, NULL);

  if (!hl_head_transfer_possible (from, to))
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (HlDot));
  for (gsize i = 0; i < n; i++)
    {
      HlPoint q;

      if (hl_head_transfer_point (from, (HlPoint) { dots[i].x, dots[i].y }, to, &q))
        {
          HlDot d = dots[i];

          d.x = (float) q.x;
          d.y = (float) q.y;
          g_array_append_val (out, d);
        }
    }
  return out;
}

HlCurve *
hl_head_transfer_curve (const HlView  *from,
                        const HlCurve *curve,
                        const HlView  *to)
{
  g_autoptr(GArray) points = NULL;
  const HlPoint *poly;
  double step;
  guint n;

  g_return_val_if_fail (curve != NULL, NULL);

  if (!hl_head_transfer_possible (from, to))
    return NULL;
  poly = hl_curve_get_polyline (curve, &n);
  step = 0.5 / hl_view_get_mm_per_px (from, NULL);
  points = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  for (guint i = 0; i < n; i++)
    {
      HlPoint a = poly[i], b = poly[(i + 1) % n];
      guint k_max = MAX (1u, (guint) ceil (hl_point_distance (a, b) / step));

      for (guint k = 0; k < k_max && points->len < HL_CURVE_MAX_POINTS; k++)
        {
          double t = (double) k / k_max;
          HlPoint q;

          if (hl_head_transfer_point (from, (HlPoint) { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) }, to, &q))
            g_array_append_val (points, q);
        }
    }
  if (points->len < 3)
    return NULL;
  return hl_curve_new_full ((const HlPoint *) (gconstpointer) points->data, NULL, points->len, TRUE);
}
