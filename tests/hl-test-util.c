/* hl-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "hl-test-util.h"

typedef struct
{
  double x0, y0, cell;
  int    nx, ny;
  guint *start;
  guint *items;
} Grid;

static void
grid_build (Grid          *g,
            const HlPoint *pts,
            gsize          n,
            double         cell)
{
  HlRect r = hl_rect_from_points (pts, n);
  guint *fill;

  g->cell = cell;
  g->x0 = r.x0;
  g->y0 = r.y0;
  g->nx = (int) ((r.x1 - r.x0) / cell) + 1;
  g->ny = (int) ((r.y1 - r.y0) / cell) + 1;
  g->start = g_new0 (guint, (gsize) g->nx * g->ny + 1);
  g->items = g_new (guint, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g->x0) / cell), cy = (int) ((pts[i].y - g->y0) / cell);

      g->start[cy * g->nx + cx + 1]++;
    }
  for (int c = 0; c < g->nx * g->ny; c++)
    g->start[c + 1] += g->start[c];
  fill = g_memdup2 (g->start, sizeof (guint) * ((gsize) g->nx * g->ny));
  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g->x0) / cell), cy = (int) ((pts[i].y - g->y0) / cell);

      g->items[fill[cy * g->nx + cx]++] = (guint) i;
    }
  g_free (fill);
}

static void
grid_clear (Grid *g)
{
  g_free (g->start);
  g_free (g->items);
}

double
hl_test_min_distance (const HlPoint *pts,
                      gsize          n)
{
  HlRect r = hl_rect_from_points (pts, n);
  double cell, best = INFINITY;
  Grid g;

  if (n < 2)
    return INFINITY;

  cell = sqrt ((r.x1 - r.x0 + 1e-9) * (r.y1 - r.y0 + 1e-9) / n) + 1e-9;
  grid_build (&g, pts, n, cell);

  for (gsize i = 0; i < n; i++)
    {
      int cx = (int) ((pts[i].x - g.x0) / cell), cy = (int) ((pts[i].y - g.y0) / cell);
      int reach = (int) ceil (MIN (best, 3 * cell) / cell);

      for (int y = MAX (0, cy - reach); y <= MIN (g.ny - 1, cy + reach); y++)
        for (int x = MAX (0, cx - reach); x <= MIN (g.nx - 1, cx + reach); x++)
          for (guint k = g.start[y * g.nx + x]; k < g.start[y * g.nx + x + 1]; k++)
            if (g.items[k] != i)
              best = MIN (best, hl_point_distance (pts[i], pts[g.items[k]]));
    }

  if (!isfinite (best))
    {
      /* Points farther apart than three cells: fall back to all pairs. */
      for (gsize i = 0; i < n; i++)
        for (gsize j = i + 1; j < n; j++)
          best = MIN (best, hl_point_distance (pts[i], pts[j]));
    }

  grid_clear (&g);
  return best;
}

double
hl_test_rho (const HlPoint *pts,
             gsize          n,
             double         area)
{
  double d_max;

  if (n < 2 || area <= 0.0)
    return 0.0;

  d_max = sqrt (2.0 / (sqrt (3.0) * (n / area)));
  return hl_test_min_distance (pts, n) / d_max;
}

double
hl_test_largest_empty (const HlPoint *pts,
                       gsize          n,
                       HlRect         rect,
                       double         step)
{
  double worst = 0.0;
  double cell;
  Grid g;

  if (n == 0)
    return INFINITY;

  cell = MAX (step * 4.0, 1e-6);
  grid_build (&g, pts, n, cell);

  for (double y = rect.y0; y <= rect.y1; y += step)
    for (double x = rect.x0; x <= rect.x1; x += step)
      {
        HlPoint p = { x, y };
        double best = INFINITY;
        int cx = (int) floor ((x - g.x0) / cell), cy = (int) floor ((y - g.y0) / cell);

        for (int reach = 1; reach < 64 && !(best <= (reach - 1) * cell); reach++)
          {
            best = INFINITY;
            for (int yy = MAX (0, cy - reach); yy <= MIN (g.ny - 1, cy + reach); yy++)
              for (int xx = MAX (0, cx - reach); xx <= MIN (g.nx - 1, cx + reach); xx++)
                for (guint k = g.start[yy * g.nx + xx]; k < g.start[yy * g.nx + xx + 1]; k++)
                  best = MIN (best, hl_point_distance (p, pts[g.items[k]]));
          }
        worst = MAX (worst, best);
      }

  grid_clear (&g);
  return worst;
}

GArray *
hl_test_dots_in_rect (const HlDot *dots,
                      gsize        n,
                      HlRect       rect,
                      int          max_session)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HlPoint));

  for (gsize i = 0; i < n; i++)
    {
      HlPoint p = { dots[i].x, dots[i].y };

      if (max_session >= 0 && dots[i].session >= max_session)
        continue;
      if (hl_rect_contains (rect, p))
        g_array_append_val (out, p);
    }

  return out;
}

void
hl_test_spectrum (const HlPoint *points,
                  gsize          n,
                  HlRect         window,
                  double        *low,
                  double        *anisotropy)
{
  double side = MIN (window.x1 - window.x0, window.y1 - window.y0);
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  double sqrt_n, low_sum = 0.0, sector[8] = { 0 }, mean = 0.0, worst = 0.0;
  guint low_count = 0, sector_count[8] = { 0 };
  int k_max;

  for (gsize i = 0; i < n; i++)
    if (points[i].x >= window.x0 && points[i].x < window.x0 + side &&
        points[i].y >= window.y0 && points[i].y < window.y0 + side)
      g_array_append_val (inside, points[i]);

  sqrt_n = sqrt ((double) inside->len);
  k_max = (int) ceil (1.5 * sqrt_n);

  for (int ky = 0; ky <= k_max; ky++)
    for (int kx = -k_max; kx <= k_max; kx++)
      {
        double radius = sqrt ((double) (kx * kx + ky * ky));
        double re = 0.0, im = 0.0, power;
        gboolean in_low = radius >= 1.0 && radius <= sqrt_n / 4.0;
        gboolean in_ring = radius >= sqrt_n / 2.0 && radius <= 1.5 * sqrt_n;

        /* Half plane: P(k) = P(−k). */
        if (ky == 0 && kx <= 0)
          continue;
        if (!in_low && !in_ring)
          continue;

        for (guint i = 0; i < inside->len; i++)
          {
            const HlPoint *p = &g_array_index (inside, HlPoint, i);
            double phase = -2.0 * G_PI * (kx * (p->x - window.x0) + ky * (p->y - window.y0)) / side;

            re += cos (phase);
            im += sin (phase);
          }
        power = (re * re + im * im) / inside->len;

        if (in_low)
          {
            low_sum += power;
            low_count++;
          }
        if (in_ring)
          {
            double angle = atan2 ((double) ky, (double) kx);   /* [0, π] */
            guint s = MIN ((guint) (angle / G_PI * 8.0), 7);

            sector[s] += power;
            sector_count[s]++;
          }
      }

  for (guint s = 0; s < 8; s++)
    {
      sector[s] /= MAX (sector_count[s], 1);
      mean += sector[s] / 8.0;
    }
  for (guint s = 0; s < 8; s++)
    worst = MAX (worst, fabs (sector[s] - mean) / mean);

  *low = low_count > 0 ? low_sum / low_count : 0.0;
  *anisotropy = worst;
}

int
hl_test_spawn (char       **out,
               const char  *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, out, NULL, &status, &error))
    {
      g_test_message ("cannot run %s: %s", first, error->message);
      return -1;
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

HlRun
hl_test_run_hairline (const char *dir,
                      const char *first,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new ("hairline");
  const char *bin = g_getenv ("HAIRLINE");
  HlRun r = { 0 };
  int wait_status;
  gint64 t0;
  va_list args;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    {
      g_autofree char *base = g_path_get_basename (a);

      g_ptr_array_add (argv, (gpointer) a);
      g_string_append_printf (line, " %s", base);
    }
  va_end (args);
  g_ptr_array_add (argv, NULL);

  t0 = g_get_monotonic_time ();
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("%s: %.3f s", line->str, (g_get_monotonic_time () - t0) / 1e6);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
  return r;
}

void
hl_test_run_clear (HlRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

guint32
hl_test_crc32 (const guchar *p,
               gsize         n)
{
  guint32 c = 0xffffffffu;

  for (gsize i = 0; i < n; i++)
    {
      c ^= p[i];
      for (int k = 0; k < 8; k++)
        c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
  return c ^ 0xffffffffu;
}

char *
hl_test_dots_digest (const HlDot *dots,
                     gsize        n)
{
  GChecksum *sum = g_checksum_new (G_CHECKSUM_SHA256);
  char *out;

  for (gsize i = 0; i < n; i++)
    {
      guint32 w[3];
      guint8 b[8] = { dots[i].shade.r, dots[i].shade.g, dots[i].shade.b, dots[i].session,
                      dots[i].zone & 0xff, (dots[i].zone >> 8) & 0xff, (dots[i].zone >> 16) & 0xff,
                      (dots[i].zone >> 24) & 0xff };

      memcpy (&w[0], &dots[i].x, 4);
      memcpy (&w[1], &dots[i].y, 4);
      memcpy (&w[2], &dots[i].diameter_mm, 4);
      for (guint k = 0; k < 3; k++)
        {
          guint32 le = GUINT32_TO_LE (w[k]);

          g_checksum_update (sum, (const guchar *) &le, 4);
        }
      g_checksum_update (sum, b, 8);
    }
  out = g_strdup (g_checksum_get_string (sum));
  g_checksum_free (sum);
  return out;
}

int
hl_test_compare_doubles (const void *a,
                         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
hl_test_percentile (double *v,
                    gsize   n,
                    double  p)
{
  if (n == 0)
    return 0.0;
  qsort (v, n, sizeof *v, hl_test_compare_doubles);
  return v[MIN (n - 1, (gsize) (p * (n - 1) + 0.5))];
}
