/* hl-rng.h: the engine's own pseudo-random generator.
 *
 * xoshiro256** seeded through splitmix64. Results are identical on every
 * platform: only integer arithmetic and exact conversions to double are used.
 * Never use rand() or g_random_*() where results must be reproducible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} HlRng;

/* Initialises @rng (caller-allocated, plain value) from a 64-bit seed. */
void    hl_rng_init        (HlRng   *rng,
                            guint64  seed);
guint64 hl_rng_next        (HlRng   *rng);
/* Uniform in [0, 1), 53 random bits. */
double  hl_rng_double      (HlRng   *rng);
/* Uniform integer in [0, bound), bound > 0, without modulo bias. */
guint32 hl_rng_below       (HlRng   *rng,
                            guint32  bound);
/* Symmetric triangular distribution on (-1, 1), mean 0: a bell-like spread
 * that needs no transcendental functions (which differ between libms). */
double  hl_rng_triangular  (HlRng   *rng);
/* Mixes several values into one seed (splitmix64 finaliser). Inline: the
 * engine mixes a few for every candidate it evaluates (noise lattice
 * corners, dot styles). */
static inline guint64
hl_rng_mix (guint64 a,
            guint64 b)
{
  guint64 z = a ^ ((b << 32) | (b >> 32)) ^ G_GUINT64_CONSTANT (0x5851f42d4c957f2d);

  /* splitmix64 (hl-rng.c) of that state. */
  z += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

G_END_DECLS
