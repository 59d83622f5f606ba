/* hl-stamp-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-stamp-cache.h"

#define SUBPIXELS 4            /* offsets per axis */
#define RADIUS_MIN 0.02        /* px; smaller dots are not drawn */
#define RADIUS_STEP 1.04       /* bucket ratio */
#define N_BUCKETS 200          /* up to ≈ 0.02 × 1.04^200 ≈ 50 px */
#define SUPERSAMPLE 8

struct _HlStampCache
{
  double   blur;
  double   log_step;
  HlStamp *stamps[N_BUCKETS][SUBPIXELS * SUBPIXELS];
};

HlStampCache *
hl_stamp_cache_new (double blur)
{
  HlStampCache *cache = g_new0 (HlStampCache, 1);

  cache->blur = MAX (blur, 0.0);
  cache->log_step = log (RADIUS_STEP);
  return cache;
}

void
hl_stamp_cache_free (HlStampCache *cache)
{
  if (cache == NULL)
    return;

  for (guint b = 0; b < N_BUCKETS; b++)
    for (guint s = 0; s < SUBPIXELS * SUBPIXELS; s++)
      if (cache->stamps[b][s] != NULL)
        {
          g_free (cache->stamps[b][s]->coverage);
          g_free (cache->stamps[b][s]);
        }
  g_free (cache);
}

/* Dots narrower than a pixel: their area, split bilinearly over the 2 × 2
 * pixels around the centre. */
static HlStamp *
make_splat (double radius,
            double fx,
            double fy)
{
  HlStamp *stamp = g_new0 (HlStamp, 1);
  double area = G_PI * radius * radius;
  /* The centre is at (fx, fy) inside pixel (0, 0); pixel centres at +0.5. */
  double ux = fx - 0.5, uy = fy - 0.5;
  int x0 = ux < 0 ? -1 : 0, y0 = uy < 0 ? -1 : 0;
  double tx = ux - x0, ty = uy - y0;
  double w[4] = { (1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty };

  stamp->x0 = x0;
  stamp->y0 = y0;
  stamp->width = 2;
  stamp->height = 2;
  stamp->coverage = g_new (guint8, 4);
  for (guint k = 0; k < 4; k++)
    stamp->coverage[k] = (guint8) MIN (255.0, floor (area * w[k] * 255.0 + 0.5));

  return stamp;
}

static HlStamp *
make_disc (double radius,
           double blur,
           double fx,
           double fy)
{
  HlStamp *stamp = g_new0 (HlStamp, 1);
  double reach = radius + blur;
  int x0 = (int) floor (fx - reach), y0 = (int) floor (fy - reach);
  int x1 = (int) floor (fx + reach), y1 = (int) floor (fy + reach);

  stamp->x0 = x0;
  stamp->y0 = y0;
  stamp->width = x1 - x0 + 1;
  stamp->height = y1 - y0 + 1;
  stamp->coverage = g_new0 (guint8, (gsize) stamp->width * stamp->height);

  for (int j = 0; j < stamp->height; j++)
    for (int i = 0; i < stamp->width; i++)
      {
        double sum = 0.0;

        for (int sy = 0; sy < SUPERSAMPLE; sy++)
          for (int sx = 0; sx < SUPERSAMPLE; sx++)
            {
              double px = x0 + i + (sx + 0.5) / SUPERSAMPLE - fx;
              double py = y0 + j + (sy + 0.5) / SUPERSAMPLE - fy;
              double d = sqrt (px * px + py * py);

              if (blur > 0.0)
                {
                  double u = CLAMP ((radius + blur - d) / (2.0 * blur), 0.0, 1.0);

                  sum += u * u * (3.0 - 2.0 * u);
                }
              else if (d <= radius)
                sum += 1.0;
            }

        stamp->coverage[j * stamp->width + i] =
          (guint8) floor (sum / (SUPERSAMPLE * SUPERSAMPLE) * 255.0 + 0.5);
      }

  return stamp;
}

const HlStamp *
hl_stamp_cache_get (HlStampCache *cache,
                    double        radius,
                    double        cx,
                    double        cy)
{
  int bucket;
  int sx, sy;
  double r, fx, fy;
  HlStamp **slot;

  if (!(radius >= RADIUS_MIN))
    return NULL;

  bucket = (int) floor (log (radius / RADIUS_MIN) / cache->log_step + 0.5);
  bucket = CLAMP (bucket, 0, N_BUCKETS - 1);
  sx = CLAMP ((int) ((cx - floor (cx)) * SUBPIXELS), 0, SUBPIXELS - 1);
  sy = CLAMP ((int) ((cy - floor (cy)) * SUBPIXELS), 0, SUBPIXELS - 1);
  slot = &cache->stamps[bucket][sy * SUBPIXELS + sx];

  if (*slot != NULL)
    return *slot;

  r = RADIUS_MIN * pow (RADIUS_STEP, bucket);
  fx = (sx + 0.5) / SUBPIXELS;
  fy = (sy + 0.5) / SUBPIXELS;
  if (r < 0.5 && cache->blur < 0.25)
    *slot = make_splat (r, fx, fy);
  else
    *slot = make_disc (r, cache->blur, fx, fy);

  return *slot;
}
