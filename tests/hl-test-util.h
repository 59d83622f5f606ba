/* hl-test-util.h: measures shared by the engine's tests and benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-dot.h"
#include "hl-geometry.h"

G_BEGIN_DECLS

/* Smallest distance between two of the @n points (grid accelerated). */
double hl_test_min_distance      (const HlPoint *points,
                                  gsize          n);
/* ρ = d_min / d_max, d_max = sqrt (2 / (√3 · N / area)): 1 for a perfect
 * hexagonal packing, ≈ 0.65–0.85 for good blue noise. */
double hl_test_rho               (const HlPoint *points,
                                  gsize          n,
                                  double         area);
/* Radius of the largest disc centred in @rect (sampled on a grid of
 * @step) that holds none of the points. */
double hl_test_largest_empty     (const HlPoint *points,
                                  gsize          n,
                                  HlRect         rect,
                                  double         step);
/* Points of @dots inside @rect (and of session < @max_session, if not -1):
 * transfer full, GArray of HlPoint. */
GArray *hl_test_dots_in_rect     (const HlDot   *dots,
                                  gsize          n,
                                  HlRect         rect,
                                  int            max_session);

G_END_DECLS

G_BEGIN_DECLS

/* Radial power spectrum of the points inside the square @window:
 * P(k) = |Σ exp(−2πi k·x / L)|² / N for integer wave vectors k, averaged in
 * rings. Returns in *@low the mean power for 1 ≤ |k| ≤ √N / 4 (half the
 * blue-noise peak at ≈ √N: white noise ≈ 1, good blue noise < 0.15), and in
 * *@anisotropy the largest relative deviation of 8 angular sectors' mean
 * power in the ring √N / 2 ≤ |k| ≤ 1.5 √N from their overall mean. */
/* Runs a program found on PATH with the NULL-terminated arguments; returns
 * its exit status (-1 if it could not run) and its stdout in *@out (caller
 * frees; may be NULL). Its stderr is discarded. */
int  hl_test_spawn    (char         **out,
                       const char    *first,
                       ...) G_GNUC_NULL_TERMINATED;

/* What a run of the hairline command gave: exit status (128 + signal when
 * killed), stdout and stderr (owned; free with hl_test_run_clear). */
typedef struct
{
  int   status;
  char *out;
  char *err;
} HlRun;

/* Runs the hairline command ($HAIRLINE) in @dir (NULL: the current
 * folder) with the NULL-terminated arguments; logs the command line and
 * how long it took (nothing is asserted about time). */
HlRun hl_test_run_hairline (const char *dir,
                            const char *first,
                            ...) G_GNUC_NULL_TERMINATED;
void  hl_test_run_clear    (HlRun      *run);

/* The SHA-256 of @n dots, field by field and little-endian, so that it is
 * the same on every platform when the values are (transfer full: hex, free
 * with g_free). Pins an engine's output in the tests. */
char   *hl_test_dots_digest (const HlDot *dots,
                             gsize        n);

/* Orders doubles for qsort(), ascending. */
int     hl_test_compare_doubles (const void *a,
                                 const void *b);
/* The @p-th fraction (0–1) of the @n values of @v by nearest rank,
 * v[round (p · (n − 1))] once sorted: @v is sorted in place. 0 for none.
 * The benchmarks' p50 and p95. */
double  hl_test_percentile  (double *v,
                             gsize   n,
                             double  p);

/* The CRC-32 of @n bytes at @p, as PNG chunks carry it. */
guint32 hl_test_crc32 (const guchar *p,
                       gsize         n);

void hl_test_spectrum (const HlPoint *points,
                       gsize          n,
                       HlRect         window,
                       double        *low,
                       double        *anisotropy);

G_END_DECLS
