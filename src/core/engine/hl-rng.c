/* hl-rng.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-rng.h"

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

void
hl_rng_init (HlRng   *rng,
             guint64  seed)
{
  guint64 state = seed;

  g_return_if_fail (rng != NULL);

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

guint64
hl_rng_next (HlRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

double
hl_rng_double (HlRng *rng)
{
  return (double) (hl_rng_next (rng) >> 11) * 0x1.0p-53;
}

guint32
hl_rng_below (HlRng   *rng,
              guint32  bound)
{
  /* Lemire's multiply-and-reject method. */
  guint64 m = (guint64) (guint32) (hl_rng_next (rng) >> 32) * bound;
  guint32 low = (guint32) m;

  g_assert (bound > 0);

  if (low < bound)
    {
      guint32 threshold = -bound % bound;

      while (low < threshold)
        {
          m = (guint64) (guint32) (hl_rng_next (rng) >> 32) * bound;
          low = (guint32) m;
        }
    }

  return (guint32) (m >> 32);
}

double
hl_rng_triangular (HlRng *rng)
{
  return hl_rng_double (rng) - hl_rng_double (rng);
}
