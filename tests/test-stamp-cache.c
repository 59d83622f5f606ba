/* test-stamp-cache.c: the stamp cache's lookups take each radius to the
 * bucket the formula gives (radius 0.02 px × 1.04^b, hl-stamp-cache.h),
 * however the lookup finds it, at and around every bound between two
 * buckets and at random radii; and the lookup for a given centre's
 * fractional parts, and the inline one's, is the one for that centre.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-rng.h"
#include "hl-stamp-cache.h"
#include "hl-stamp-cache-private.h"

#define RADIUS_MIN 0.02
#define RADIUS_STEP 1.04
#define N_BUCKETS 200

/* The formula's bucket of @radius, and a radius in its middle. */
static double
formula_bucket_radius (double radius)
{
  int b = (int) floor (log (radius / RADIUS_MIN) / log (RADIUS_STEP) + 0.5);

  b = CLAMP (b, 0, N_BUCKETS - 1);
  return RADIUS_MIN * pow (RADIUS_STEP, b);
}

static void
check_radius (double radius)
{
  gboolean owned_a, owned_b;
  const HlStamp *a, *b;

  if (radius > HL_STAMP_MAX_RADIUS || radius < RADIUS_MIN || formula_bucket_radius (radius) > HL_STAMP_MAX_RADIUS)
    return;
  a = hl_stamp_cache_get (0, 3, radius, 10.3, 20.6, &owned_a);
  b = hl_stamp_cache_get (0, 3, formula_bucket_radius (radius), 10.3, 20.6, &owned_b);
  if (owned_a || owned_b)
    g_error ("radius %.17g: a stamp of its own (%d, %d)", radius, owned_a, owned_b);
  if (a != b)
    g_error ("radius %.17g: not the stamp of the formula's bucket (%.17g)", radius,
             formula_bucket_radius (radius));
}

static void
test_buckets (void)
{
  static const double offsets[] = { 0.0, 1e-15, -1e-15, 1e-12, -1e-12, 5e-10, -5e-10, 1.5e-9, -1.5e-9,
                                    3e-9, -3e-9, 1e-7, -1e-7, 1e-4, -1e-4 };
  HlRng rng;

  for (int k = 1; k < N_BUCKETS; k++)
    {
      double bound = RADIUS_MIN * pow (RADIUS_STEP, k - 0.5);

      for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
        check_radius (bound * (1.0 + offsets[i]));
      check_radius (nextafter (bound, 0.0));
      check_radius (nextafter (bound, 1e9));
    }
  hl_rng_init (&rng, 17);
  for (int i = 0; i < 200000; i++)
    check_radius (RADIUS_MIN * exp (hl_rng_double (&rng) * log (HL_STAMP_MAX_RADIUS / RADIUS_MIN)));
}

/* hl_stamp_cache_get_at() with a centre's fractional parts is
 * hl_stamp_cache_get() with that centre; hl_stamp_cache_find() gives the
 * same stamp or none (most often the same), and none where the others
 * give none (radii under the smallest drawn). */
static void
test_get_at (void)
{
  const HlPigmentLook *look = hl_pigment_look (1);
  guint found = 0, n = 20000;
  HlRng rng;

  hl_rng_init (&rng, 5);
  for (guint i = 0; i < n; i++)
    {
      double radius = RADIUS_MIN * 0.7 * exp (hl_rng_double (&rng) * log (HL_STAMP_MAX_RADIUS / RADIUS_MIN / 0.7));
      double cx = hl_rng_double (&rng) * 2000 - 500, cy = hl_rng_double (&rng) * 2000 - 500;
      guint shape = (guint) (hl_rng_next (&rng) % 8);
      gboolean owned_a, owned_b;
      const HlStamp *a = hl_stamp_cache_get (1, shape, radius, cx, cy, &owned_a);
      const HlStamp *b = hl_stamp_cache_get_at (look, 1, shape, radius, cx - floor (cx), cy - floor (cy),
                                                &owned_b);

      const HlStamp *c = hl_stamp_cache_find (1, shape, radius, cx - floor (cx), cy - floor (cy));

      g_assert_false (owned_a);
      g_assert_false (owned_b);
      g_assert_true (a == b);
      g_assert_true (c == NULL || c == b);
      g_assert_true (radius >= RADIUS_MIN || c == NULL);
      found += c != NULL;
    }
  g_test_message ("the inline lookup answered %u of %u", found, n);
  g_assert_cmpuint (found, >, n * 9 / 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stamp-cache/buckets", test_buckets);
  g_test_add_func ("/stamp-cache/get-at", test_get_at);
  return g_test_run ();
}
