/* hl-progress-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "hl-progress-photo.h"
#include "hl-text.h"

#define ASSERT_UNSHARED(p) \
  g_return_if_fail (g_atomic_ref_count_compare (&(p)->ref_count, 1))

HlProgressPhoto *
hl_progress_photo_new (const char *path,
                       const char *sha256,
                       int         width,
                       int         height,
                       const char *view)
{
  HlProgressPhoto *self;

  g_return_val_if_fail (path != NULL && view != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (HlProgressPhoto, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->path = hl_text_clean (path, FALSE);
  self->sha256 = g_strdup (sha256);
  self->width = width;
  self->height = height;
  self->view = hl_text_clean (view, FALSE);
  return self;
}

HlProgressPhoto *
hl_progress_photo_copy (const HlProgressPhoto *photo)
{
  HlProgressPhoto *self;

  g_return_val_if_fail (photo != NULL, NULL);

  self = hl_progress_photo_new (photo->path, photo->sha256, photo->width, photo->height, photo->view);
  self->n_pairs = photo->n_pairs;
  memcpy (self->pairs, photo->pairs, sizeof self->pairs);
  self->aligned = photo->aligned;
  memcpy (self->transform, photo->transform, sizeof self->transform);
  if (photo->extra != NULL)
    self->extra = cJSON_Duplicate (photo->extra, TRUE);
  return self;
}

HlProgressPhoto *
hl_progress_photo_ref (HlProgressPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, NULL);
  g_atomic_ref_count_inc (&photo->ref_count);
  return photo;
}

void
hl_progress_photo_unref (HlProgressPhoto *photo)
{
  g_return_if_fail (photo != NULL);

  if (g_atomic_ref_count_dec (&photo->ref_count))
    {
      g_free (photo->path);
      g_free (photo->sha256);
      g_free (photo->view);
      g_clear_pointer (&photo->extra, cJSON_Delete);
      g_free (photo);
    }
}

gboolean
hl_progress_photo_equal (const HlProgressPhoto *a,
                         const HlProgressPhoto *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->path, b->path) != 0 || g_strcmp0 (a->sha256, b->sha256) != 0 ||
      a->width != b->width || a->height != b->height || g_strcmp0 (a->view, b->view) != 0 ||
      a->n_pairs != b->n_pairs || a->aligned != b->aligned)
    return FALSE;
  for (guint i = 0; i < a->n_pairs; i++)
    if (a->pairs[i].photo.x != b->pairs[i].photo.x || a->pairs[i].photo.y != b->pairs[i].photo.y ||
        a->pairs[i].view.x != b->pairs[i].view.x || a->pairs[i].view.y != b->pairs[i].view.y)
      return FALSE;
  for (guint i = 0; a->aligned && i < 9; i++)
    if (a->transform[i] != b->transform[i])
      return FALSE;
  if ((a->extra == NULL) != (b->extra == NULL))
    return FALSE;
  return a->extra == NULL || cJSON_Compare (a->extra, b->extra, TRUE);
}

/* Solves the @n × @n system @a x = @b in place (row-major @a), with partial
 * pivoting; FALSE when it is singular relative to its scale. */
static gboolean
solve (double *a,
       double *b,
       int     n)
{
  double scale = 0.0;

  for (int i = 0; i < n * n; i++)
    scale = MAX (scale, fabs (a[i]));
  if (scale == 0.0 || !isfinite (scale))
    return FALSE;

  for (int col = 0; col < n; col++)
    {
      int pivot = col;

      for (int r = col + 1; r < n; r++)
        if (fabs (a[r * n + col]) > fabs (a[pivot * n + col]))
          pivot = r;
      if (fabs (a[pivot * n + col]) < 1e-10 * scale)
        return FALSE;
      if (pivot != col)
        {
          for (int k = 0; k < n; k++)
            {
              double t = a[col * n + k];

              a[col * n + k] = a[pivot * n + k];
              a[pivot * n + k] = t;
            }
          {
            double t = b[col];

            b[col] = b[pivot];
            b[pivot] = t;
          }
        }
      for (int r = col + 1; r < n; r++)
        {
          double f = a[r * n + col] / a[col * n + col];

          for (int k = col; k < n; k++)
            a[r * n + k] -= f * a[col * n + k];
          b[r] -= f * b[col];
        }
    }
  for (int r = n - 1; r >= 0; r--)
    {
      double s = b[r];

      for (int k = r + 1; k < n; k++)
        s -= a[r * n + k] * b[k];
      b[r] = s / a[r * n + r];
    }
  for (int r = 0; r < n; r++)
    if (!isfinite (b[r]))
      return FALSE;
  return TRUE;
}

/* Twice the signed area of the triangle @a @b @c, against the square of
 * its longest side: near 0 when the three are on a line. */
static double
flatness (HlPoint a,
          HlPoint b,
          HlPoint c)
{
  double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  double l = MAX (MAX (hl_point_distance (a, b), hl_point_distance (b, c)), hl_point_distance (a, c));

  return l > 0 ? fabs (cross) / (l * l) : 0.0;
}

static gboolean
pairs_usable (const HlAlignPair *pairs,
              guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!hl_point_is_finite (pairs[i].photo) || !hl_point_is_finite (pairs[i].view))
        return FALSE;
      for (guint j = i + 1; j < n; j++)
        if (hl_point_distance (pairs[i].photo, pairs[j].photo) < 1.0 ||
            hl_point_distance (pairs[i].view, pairs[j].view) < 1.0)
          return FALSE;
    }
  /* Three points on a line fix no affine or projective map. */
  for (guint i = 0; n >= 3 && i < n; i++)
    for (guint j = i + 1; j < n; j++)
      for (guint k = j + 1; k < n; k++)
        if (flatness (pairs[i].photo, pairs[j].photo, pairs[k].photo) < 1e-3 ||
            flatness (pairs[i].view, pairs[j].view, pairs[k].view) < 1e-3)
          return FALSE;
  return TRUE;
}

gboolean
hl_align_fit (const HlAlignPair *pairs,
              guint              n,
              double             m[9])
{
  double out[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };

  g_return_val_if_fail (pairs != NULL && m != NULL, FALSE);

  if (n < 2 || n > HL_PROGRESS_PHOTO_MAX_PAIRS || !pairs_usable (pairs, n))
    return FALSE;

  if (n == 2)
    {
      /* As complex numbers: v = a p + b. */
      double px = pairs[1].photo.x - pairs[0].photo.x, py = pairs[1].photo.y - pairs[0].photo.y;
      double vx = pairs[1].view.x - pairs[0].view.x, vy = pairs[1].view.y - pairs[0].view.y;
      double d = px * px + py * py;
      double ar = (vx * px + vy * py) / d, ai = (vy * px - vx * py) / d;

      out[0] = ar; out[1] = -ai;
      out[3] = ai; out[4] = ar;
      out[2] = pairs[0].view.x - (ar * pairs[0].photo.x - ai * pairs[0].photo.y);
      out[5] = pairs[0].view.y - (ai * pairs[0].photo.x + ar * pairs[0].photo.y);
    }
  else if (n == 3)
    {
      for (int row = 0; row < 2; row++)
        {
          double a[9], b[3];

          for (int i = 0; i < 3; i++)
            {
              a[i * 3 + 0] = pairs[i].photo.x;
              a[i * 3 + 1] = pairs[i].photo.y;
              a[i * 3 + 2] = 1.0;
              b[i] = row == 0 ? pairs[i].view.x : pairs[i].view.y;
            }
          if (!solve (a, b, 3))
            return FALSE;
          memcpy (out + row * 3, b, sizeof b);
        }
    }
  else
    {
      /* Homography with h33 = 1: two equations a pair. */
      double a[64], b[8];

      for (int i = 0; i < 4; i++)
        {
          double x = pairs[i].photo.x, y = pairs[i].photo.y;
          double u = pairs[i].view.x, v = pairs[i].view.y;
          double r0[8] = { x, y, 1, 0, 0, 0, -u * x, -u * y };
          double r1[8] = { 0, 0, 0, x, y, 1, -v * x, -v * y };

          memcpy (a + (2 * i) * 8, r0, sizeof r0);
          memcpy (a + (2 * i + 1) * 8, r1, sizeof r1);
          b[2 * i] = u;
          b[2 * i + 1] = v;
        }
      if (!solve (a, b, 8))
        return FALSE;
      memcpy (out, b, sizeof b);
      out[8] = 1.0;
    }

  for (int i = 0; i < 9; i++)
    if (!isfinite (out[i]))
      return FALSE;
  memcpy (m, out, sizeof out);
  return TRUE;
}

gboolean
hl_align_apply (const double m[9],
                HlPoint      p,
                HlPoint     *out)
{
  double w = m[6] * p.x + m[7] * p.y + m[8];

  g_return_val_if_fail (out != NULL, FALSE);

  if (fabs (w) < 1e-12)
    return FALSE;
  out->x = (m[0] * p.x + m[1] * p.y + m[2]) / w;
  out->y = (m[3] * p.x + m[4] * p.y + m[5]) / w;
  return isfinite (out->x) && isfinite (out->y);
}

gboolean
hl_progress_photo_align (HlProgressPhoto   *photo,
                         const HlAlignPair *pairs,
                         guint              n)
{
  double m[9];

  g_return_val_if_fail (photo != NULL, FALSE);
  g_return_val_if_fail (g_atomic_ref_count_compare (&photo->ref_count, 1), FALSE);

  if (!hl_align_fit (pairs, n, m))
    return FALSE;
  hl_progress_photo_set_transform (photo, m, pairs, n);
  return TRUE;
}

void
hl_progress_photo_set_transform (HlProgressPhoto   *photo,
                                 const double      *m,
                                 const HlAlignPair *pairs,
                                 guint              n)
{
  g_return_if_fail (photo != NULL && m != NULL);
  g_return_if_fail (n <= HL_PROGRESS_PHOTO_MAX_PAIRS && (n == 0 || pairs != NULL));
  ASSERT_UNSHARED (photo);

  memcpy (photo->transform, m, sizeof photo->transform);
  photo->aligned = TRUE;
  photo->n_pairs = n;
  memset (photo->pairs, 0, sizeof photo->pairs);
  if (n > 0)
    memcpy (photo->pairs, pairs, n * sizeof *pairs);
}
