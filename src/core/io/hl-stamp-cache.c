/* hl-stamp-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-pigment.h"
#include "hl-stamp-cache.h"
#include "hl-stamp-cache-private.h"

#define SUBPIXELS HL_STAMP_SUBPIXELS
#define RADIUS_MIN HL_STAMP_RADIUS_MIN
#define RADIUS_STEP 1.04       /* bucket ratio */
#define N_BUCKETS HL_STAMP_N_BUCKETS   /* up to ≈ 0.02 × 1.04^200 ≈ 50 px */
#define NORMALISE_BELOW 3.0    /* px: masks scaled to the dot's integral */

HlStamp *hl_stamp_slots[HL_PIGMENT_N_STAGES][N_BUCKETS][HL_PIGMENT_N_SHAPES][SUBPIXELS * SUBPIXELS];
#define slots hl_stamp_slots
static gsize cached_bytes;
G_LOCK_DEFINE_STATIC (insert);

void
hl_stamp_free (HlStamp *stamp)
{
  if (stamp == NULL)
    return;
  g_free (stamp->coverage);
  g_free (stamp);
}

gsize
hl_stamp_cache_bytes (void)
{
  gsize bytes;

  G_LOCK (insert);
  bytes = cached_bytes;
  G_UNLOCK (insert);
  return bytes;
}

/* Offsets per axis for a dot of radius @r px. */
static int
subpixels_for (double r)
{
  return r < 4.0 ? 4 : r < 12.0 ? 2 : 1;
}

/* The profile of a dot of radius @radius centred at (@fx, @fy) inside
 * pixel (0, 0), one sample per pixel centre (the pixel's area is folded
 * into the profile's widths, hl_pigment_coverage()). */
static HlStamp *
make_stamp (const HlPigmentLook *look,
            guint                shape,
            double               radius,
            double               fx,
            double               fy)
{
  HlStamp *stamp = g_new0 (HlStamp, 1);
  double reach = hl_pigment_reach (look, shape, radius);
  int x0 = (int) floor (fx - reach), y0 = (int) floor (fy - reach);
  int x1 = (int) floor (fx + reach), y1 = (int) floor (fy + reach);
  gsize n;
  float *v;
  double sum = 0.0, gain = 1.0;

  stamp->x0 = x0;
  stamp->y0 = y0;
  stamp->width = x1 - x0 + 1;
  stamp->height = y1 - y0 + 1;
  n = (gsize) stamp->width * stamp->height;
  stamp->coverage = g_new (guint8, n);
  v = g_new (float, n);

  for (int j = 0; j < stamp->height; j++)
    for (int i = 0; i < stamp->width; i++)
      {
        double a = hl_pigment_coverage (look, shape, radius, x0 + i + 0.5 - fx, y0 + j + 0.5 - fy);

        v[j * stamp->width + i] = (float) a;
        sum += a;
      }

  if (radius < NORMALISE_BELOW && sum > 0.0)
    gain = hl_pigment_integral (look, shape, radius) / sum;

  for (gsize k = 0; k < n; k++)
    stamp->coverage[k] = (guint8) MIN (255.0, floor (v[k] * gain * 255.0 + 0.5));
  g_free (v);

  /* Trim rows and columns that round to nothing: fewer pixels to blend. */
  {
    int i0 = stamp->width, i1 = -1, j0 = stamp->height, j1 = -1;

    for (int j = 0; j < stamp->height; j++)
      for (int i = 0; i < stamp->width; i++)
        if (stamp->coverage[j * stamp->width + i] != 0)
          {
            i0 = MIN (i0, i);
            i1 = MAX (i1, i);
            j0 = MIN (j0, j);
            j1 = MAX (j1, j);
          }
    if (i1 >= 0 && (i0 > 0 || j0 > 0 || i1 < stamp->width - 1 || j1 < stamp->height - 1))
      {
        int w = i1 - i0 + 1, h = j1 - j0 + 1;
        guint8 *c = g_new (guint8, (gsize) w * h);

        for (int j = 0; j < h; j++)
          memcpy (c + (gsize) j * w, stamp->coverage + (gsize) (j0 + j) * stamp->width + i0, w);
        g_free (stamp->coverage);
        stamp->coverage = c;
        stamp->x0 += i0;
        stamp->y0 += j0;
        stamp->width = w;
        stamp->height = h;
      }
  }

  return stamp;
}

/* Bucket radii, and the radii halfway (in ratio) between buckets: made
 * once with the formulas below, so that a lookup needs no log() or pow()
 * per dot (they were half the cost of drawing a small dot). */
static double bucket_radius[N_BUCKETS];
static double bucket_bound[N_BUCKETS];   /* [b]: between b − 1 and b */
static gsize buckets_ready;

static int
bucket_by_log (double radius)
{
  int bucket = (int) floor (log (radius / RADIUS_MIN) / log (RADIUS_STEP) + 0.5);

  return CLAMP (bucket, 0, N_BUCKETS - 1);
}

/* The last bucket whose lower bound is at most @radius, by bisection. */
static int
bucket_bisect (double radius)
{
  int lo = 0, hi = N_BUCKETS - 1;

  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (bucket_bound[mid] <= radius)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* Radii from 2^OCT_MIN px up to 2^(OCT_MIN + N_OCTAVES) px, each octave
 * cut in 1024 steps by the top bits of the radius's mantissa: a step is
 * far narrower than a bucket (0.14 % against 4 %), so the bucket of a
 * step's lower end is the radius's bucket or the one before. */
#define OCT_MIN HL_STAMP_OCT_MIN         /* 2^-6 < RADIUS_MIN */
#define N_OCTAVES HL_STAMP_N_OCTAVES     /* up to 64 px > HL_STAMP_MAX_RADIUS */
/* Marks a step that no bucket bound comes near (within 2·10⁻⁹ of its
 * ends): every radius in it has the step's bucket, as the checks below
 * would find. Most steps (all but the 1–2 % that hold a bound). */
#define STEP_SURE HL_STAMP_STEP_SURE
guint16 hl_stamp_step_bucket[N_OCTAVES * 1024];
#define step_bucket hl_stamp_step_bucket
/* The number of sub-pixel offsets per axis of each bucket's stamps. */
guint8 hl_stamp_bucket_sub[N_BUCKETS];
#define bucket_sub hl_stamp_bucket_sub
/* Set once the tables above are made (hl_stamp_cache_find() reads them). */
gint hl_stamp_tables_ready;

static void
buckets_init (void)
{
  for (int b = 0; b < N_BUCKETS; b++)
    {
      bucket_radius[b] = RADIUS_MIN * pow (RADIUS_STEP, b);
      bucket_bound[b] = RADIUS_MIN * pow (RADIUS_STEP, b - 0.5);
    }
  for (int k = 0; k < N_OCTAVES * 1024; k++)
    {
      double lo = ldexp (1.0 + (k % 1024) / 1024.0, OCT_MIN + k / 1024);
      double hi = ldexp (1.0 + (k % 1024 + 1) / 1024.0, OCT_MIN + k / 1024);
      int b = bucket_bisect (lo);

      step_bucket[k] = (guint16) b;
      if ((b == 0 || bucket_bound[b] < lo * (1.0 - 2e-9)) &&
          (b + 1 >= N_BUCKETS || bucket_bound[b + 1] > hi * (1.0 + 2e-9)))
        step_bucket[k] |= STEP_SURE;
    }
  for (int b = 0; b < N_BUCKETS; b++)
    bucket_sub[b] = (guint8) subpixels_for (bucket_radius[b]);
}

/* The bucket of @radius (RADIUS_MIN ≤ @radius ≤ HL_STAMP_MAX_RADIUS): from
 * the table, the log formula deciding radii within rounding of a bound,
 * so the answer is always the formula's. No log(), pow() or bisection per
 * dot: they were most of the cost of drawing a small dot. */
static int
bucket_of (double radius)
{
  guint64 bits;
  int octave, b;

  if (g_once_init_enter (&buckets_ready))
    {
      buckets_init ();
      g_atomic_int_set (&hl_stamp_tables_ready, 1);
      g_once_init_leave (&buckets_ready, 1);
    }

  memcpy (&bits, &radius, sizeof bits);
  octave = (int) ((bits >> 52) & 0x7ff) - 1023 - OCT_MIN;
  if (octave < 0 || octave >= N_OCTAVES)
    b = bucket_bisect (radius);
  else
    {
      guint step = step_bucket[octave * 1024 + (int) ((bits >> 42) & 1023)];

      if (step & STEP_SURE)
        return (int) (step & ~STEP_SURE);
      b = (int) step;
      while (b + 1 < N_BUCKETS && bucket_bound[b + 1] <= radius)
        b++;
    }
  if ((b > 0 && radius - bucket_bound[b] <= 1e-9 * radius) ||
      (b + 1 < N_BUCKETS && bucket_bound[b + 1] - radius <= 1e-9 * radius))
    return bucket_by_log (radius);
  return b;
}

const HlStamp *
hl_stamp_cache_get (guint     stage,
                    guint     shape,
                    double    radius,
                    double    cx,
                    double    cy,
                    gboolean *owned)
{
  *owned = FALSE;
  if (!(radius >= RADIUS_MIN))
    return NULL;

  stage = MIN (stage, HL_PIGMENT_N_STAGES - 1);
  if (radius > HL_STAMP_MAX_RADIUS)
    {
      /* Extreme zoom: few dots, each its own exact mask. */
      *owned = TRUE;
      return make_stamp (hl_pigment_look (stage), shape % HL_PIGMENT_N_SHAPES, radius,
                         cx - floor (cx), cy - floor (cy));
    }
  return hl_stamp_cache_get_at (hl_pigment_look (stage), stage, shape, radius,
                                cx - floor (cx), cy - floor (cy), owned);
}

const HlStamp *
hl_stamp_cache_get_at (const HlPigmentLook *look,
                       guint                stage,
                       guint                shape,
                       double               radius,
                       double               fx,
                       double               fy,
                       gboolean            *owned)
{
  int bucket, sub, sx, sy;
  double r;
  HlStamp **slot, *stamp;

  *owned = FALSE;
  if (!(radius >= RADIUS_MIN))
    return NULL;
  g_assert (radius <= HL_STAMP_MAX_RADIUS);

  stage = MIN (stage, HL_PIGMENT_N_STAGES - 1);
  shape %= HL_PIGMENT_N_SHAPES;
  bucket = bucket_of (radius);
  r = bucket_radius[bucket];
  sub = bucket_sub[bucket];
  sx = CLAMP ((int) (fx * sub), 0, sub - 1);
  sy = CLAMP ((int) (fy * sub), 0, sub - 1);
  slot = &slots[stage][bucket][shape][sy * SUBPIXELS + sx];

  stamp = g_atomic_pointer_get (slot);
  if (stamp != NULL)
    return stamp;

  stamp = make_stamp (look, shape, r, (sx + 0.5) / sub, (sy + 0.5) / sub);

  G_LOCK (insert);
  if (g_atomic_pointer_get (slot) != NULL)
    {
      /* Another thread built it meanwhile: use theirs. */
      hl_stamp_free (stamp);
      stamp = g_atomic_pointer_get (slot);
    }
  else if (cached_bytes + (gsize) stamp->width * stamp->height > HL_STAMP_CACHE_BUDGET)
    *owned = TRUE;
  else
    {
      cached_bytes += (gsize) stamp->width * stamp->height + sizeof *stamp;
      g_atomic_pointer_set (slot, stamp);
    }
  G_UNLOCK (insert);

  return stamp;
}
