/* hl-candidates.c: ranked candidates over the plane from tile variants.
 *
 * Only correctly rounded operations decide positions and ranks, so every
 * platform gets the same points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-blue-noise.h"
#include "hl-candidates.h"
#include "hl-error.h"
#include "hl-rng.h"

/* Width of the band each tile also covers on its neighbours' side, in final
 * dart radii. Points there are guests: they are reconciled after every
 * point at home in its own tile, and fill what the reconciliation of the
 * home points left empty along the seam. */
#define OVERLAP_RADII 1.5
/* Darts thrown along each tile edge after the reconciliation, per disk of
 * the last step's radius in the strip: they fill what conflicts between
 * two tiles' points left empty. */
#define REFILL_DARTS 12.0
/* More tiles than this around one box is refused (the candidate budget
 * allows about 16k of them). */
#define MAX_TILES 1000000.0

/* Reconciling the seams drops a few points and moves others to higher
 * ranks (those that stand back), more of the low ranks (their radius is
 * larger). Measured over 3600 tiles (the candidates of the box of
 * 60 × 60 tile sides from the origin for seed 12345, ranks not mapped): the
 * fraction of the points kept and, at ranks k/32, the fraction of the kept
 * points with a lower rank. Kept ranks are mapped through this curve, so
 * that "rank < t" keeps t of the points again; tests/test-stippler.c checks
 * the counts and session shares it gives with the compiled-in tiles, so a
 * change of the tiles needs it measured again. */
#define KEPT_FRACTION 0.98682
static const double rank_curve[33] = {
  0.00000, 0.02499, 0.05480, 0.08274, 0.11342, 0.14278, 0.17432, 0.20316,
  0.23426, 0.26388, 0.29366, 0.32537, 0.35588, 0.38608, 0.41821, 0.44786,
  0.48036, 0.51120, 0.54143, 0.57331, 0.60402, 0.63562, 0.66640, 0.69746,
  0.72953, 0.76126, 0.79329, 0.82414, 0.85633, 0.88846, 0.92123, 0.95473,
  1.00000,
};

typedef struct
{
  double  x, y;       /* world px */
  float   rank;
  float   radius;     /* dart radius, world px */
  guint32 guest;      /* 1 outside its tile's square: yields to the others;
                         2 for refill darts */
  guint32 tile;       /* tile instance, for "another tile" */
  guint32 id;
  gint32  next;       /* next kept point in the same grid cell */
} SeamPoint;

/* Sort key of seam point @i: home points, then guests, then refill darts;
 * each by rank, ties in the order the points were made (tile by tile,
 * point by point), which does not depend on the box. */
static inline guint64
seam_key (const SeamPoint *p,
          gsize            i)
{
  guint32 bits;

  /* Ranks in [0, 1): their bits sort as the numbers and fit in 30 bits. */
  memcpy (&bits, &p->rank, sizeof bits);
  return ((guint64) p->guest << 62) | ((guint64) bits << 31) | (guint64) i;
}

/* LSD radix sort of seam keys (n of them) using @tmp (n). The keys come in
 * increasing order of their low 31 bits (the point's index), and each pass
 * is stable, so passes over bits holding nothing but the index would only
 * restore that order: the sort covers bits 31 to 63, in digits of 11 bits
 * for many keys and of 8 bits (from bit 24) for a few, where clearing and
 * summing 2048 counts would cost more than the two extra passes. */
static void
radix_sort (guint64 *keys,
            guint64 *tmp,
            gsize    n)
{
  guint bits = n > 4096 ? 11 : 8;
  guint first = bits == 11 ? 31 : 24;
  gsize mask = ((gsize) 1 << bits) - 1;

  for (guint shift = first; shift < 64; shift += bits)
    {
      gsize count[2049];

      memset (count, 0, (mask + 2) * sizeof (gsize));
      for (gsize i = 0; i < n; i++)
        count[((keys[i] >> shift) & mask) + 1]++;
      if (count[((keys[0] >> shift) & mask) + 1] == n)
        continue;   /* all equal in this digit */
      for (gsize b = 0; b < mask + 1; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n; i++)
        tmp[count[(keys[i] >> shift) & mask]++] = keys[i];
      memcpy (keys, tmp, n * sizeof (guint64));
    }
}

double
hl_candidates_per_tile (void)
{
  return hl_blue_noise_variant_mean () * KEPT_FRACTION;
}

static float
map_rank (float rank)
{
  double t = rank * 32.0;
  int k = CLAMP ((int) floor (t), 0, 31);
  double r = rank_curve[k] + (rank_curve[k + 1] - rank_curve[k]) * (t - k);

  return (float) MIN (r, 0.99999994);
}

static gboolean
too_large (GError **error)
{
  g_set_error_literal (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                       _("not enough memory for the zone's candidate dots"));
  return FALSE;
}

/* Sorts seam points [@from, @to) into *@keys (new, indices in the low 31
 * bits); FALSE when out of memory. */
static gboolean
sort_seam (const SeamPoint *seam,
           gsize            from,
           gsize            to,
           guint64        **keys,
           guint64        **tmp)
{
  gsize n = to - from;

  *keys = g_try_new (guint64, n + 1);
  *tmp = g_try_new (guint64, n + 1);
  if (*keys == NULL || *tmp == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    (*keys)[i] = seam_key (&seam[from + i], from + i);
  if (n > 0)
    radix_sort (*keys, *tmp, n);
  return TRUE;
}

/* Keeps @cand as seam point @i unless a kept point of another tile lies
 * within the smaller of their radii; kept points go on the grid, and to
 * @out when inside @box. When it is not kept and @conflict is not NULL,
 * sets *@conflict to the distance of the first such point found (the
 * caller tries the point again at the rank that distance allows; a nearer
 * one still in reach sends it back again, to the rank the nearest one
 * would have given: the kept points only grow meanwhile). */
static gboolean
keep_if_apart (SeamPoint       *seam,
               const SeamPoint *cand,
               gsize            i,
               gint32          *heads,
               double     gx0,
               double     gy0,
               double     cell,
               gint64     gnx,
               gint64     gny,
               HlRect     box,
               GArray    *out,
               double    *conflict)
{
  const SeamPoint *p = cand;
  /* The point is on the grid, so truncation is floor here; below, it
   * differs from floor only for cells past the grid's left or top edge. */
  gint64 cx = (gint64) ((p->x - gx0) / cell);
  gint64 cy = (gint64) ((p->y - gy0) / cell);
  /* The cells the disk of the point's radius touches. */
  gint64 x0 = MAX (0, (gint64) ((p->x - p->radius - gx0) / cell));
  gint64 x1 = MIN (gnx - 1, (gint64) ((p->x + p->radius - gx0) / cell));
  gint64 y0 = MAX (0, (gint64) ((p->y - p->radius - gy0) / cell));
  gint64 y1 = MIN (gny - 1, (gint64) ((p->y + p->radius - gy0) / cell));

  for (gint64 yy = y0; yy <= y1; yy++)
    for (gint64 xx = x0; xx <= x1; xx++)
      for (gint32 j = heads[yy * gnx + xx]; j >= 0; j = seam[j].next)
        {
          const SeamPoint *q = &seam[j];
          double dx, dy, rq, d2;

          if (q->tile == p->tile)
            continue;
          dx = q->x - p->x;
          dy = q->y - p->y;
          /* Kept pairs stay the later one's radius apart (the radius
           * shrinks with rank), as within a tile. */
          rq = MIN (p->radius, q->radius);
          d2 = dx * dx + dy * dy;
          if (d2 < rq * rq)
            {
              if (conflict != NULL)
                *conflict = sqrt (d2);
              return FALSE;
            }
        }

  if (&seam[i] != cand)
    seam[i] = *cand;
  seam[i].next = heads[cy * gnx + cx];
  heads[cy * gnx + cx] = (gint32) i;
  if (hl_rect_contains (box, (HlPoint) { p->x, p->y }))
    {
      HlCandidate c = { p->x, p->y, map_rank (p->rank), p->id };

      g_array_append_val (out, c);
    }
  return TRUE;
}

/* A binary min-heap of seam keys: the points that stood back, by their
 * new rank. */
typedef struct
{
  guint64 *keys;
  gsize    n, size;
} KeyHeap;

static gboolean
key_heap_push (KeyHeap *h,
               guint64  key)
{
  gsize i;

  if (h->n == h->size)
    {
      gsize size = MAX (64, 2 * h->size);
      guint64 *keys = g_try_renew (guint64, h->keys, size);

      if (keys == NULL)
        return FALSE;
      h->keys = keys;
      h->size = size;
    }
  for (i = h->n++; i > 0 && h->keys[(i - 1) / 2] > key; i = (i - 1) / 2)
    h->keys[i] = h->keys[(i - 1) / 2];
  h->keys[i] = key;
  return TRUE;
}

static guint64
key_heap_pop (KeyHeap *h)
{
  guint64 top = h->keys[0], last = h->keys[--h->n];
  gsize i = 0;

  for (;;)
    {
      gsize c = 2 * i + 1;

      if (c >= h->n)
        break;
      if (c + 1 < h->n && h->keys[c + 1] < h->keys[c])
        c++;
      if (h->keys[c] >= last)
        break;
      h->keys[i] = h->keys[c];
      i = c;
    }
  if (h->n > 0)
    h->keys[i] = last;
  return top;
}

GArray *
hl_candidates_in_box (guint64   seed,
                      double    tile_px,
                      HlRect    box,
                      GError  **error)
{
  double ov = OVERLAP_RADII * hl_blue_noise_final_radius ();
  double reach = (hl_blue_noise_first_radius () + 2.0 * ov) * tile_px;
  HlRect near = hl_rect_inflate (box, reach);
  gint64 tx0, ty0, tx1, ty1, ntx, nty;
  double n_tiles;
  gsize max_seam, n_seam = 0;
  g_autofree SeamPoint *seam = NULL;
  g_autofree gint32 *heads = NULL;
  GArray *out = NULL;
  double cell, gx0, gy0;
  gint64 gnx, gny;
  double r_final = hl_blue_noise_final_radius ();
  guint darts_per_edge;
  g_autofree SeamPoint *darts = NULL;
  g_autofree guint64 *keys = NULL;
  g_autofree guint64 *tmp = NULL;

  g_return_val_if_fail (tile_px > 0.0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (hl_rect_is_empty (box))
    return g_array_new (FALSE, FALSE, sizeof (HlCandidate));

  /* The tiles whose points can be in the box, and one more ring whose
   * seam points decide the fate of theirs. */
  tx0 = (gint64) floor (box.x0 / tile_px) - 1;
  ty0 = (gint64) floor (box.y0 / tile_px) - 1;
  tx1 = (gint64) floor (box.x1 / tile_px) + 1;
  ty1 = (gint64) floor (box.y1 / tile_px) + 1;
  ntx = tx1 - tx0 + 1;
  nty = ty1 - ty0 + 1;
  n_tiles = (double) ntx * (double) nty;
  if (!(n_tiles <= MAX_TILES))
    {
      too_large (error);
      return NULL;
    }

  /* Each tile with its bands holds at most (1 + 2 ov)² of its points. */
  /* The refill strip is the overlap band on both sides of an edge. */
  darts_per_edge = (guint) (REFILL_DARTS * (2.0 * ov) / (G_PI * r_final * r_final));
  max_seam = (gsize) (n_tiles * (HL_BLUE_NOISE_TILE_POINTS * 1.25) * (1.0 + 2.0 * ov) * (1.0 + 2.0 * ov) +
                      n_tiles * 2.0 * darts_per_edge) + 64;
  seam = g_try_new (SeamPoint, max_seam);
  if (seam != NULL)
    {
      /* Sized for the box's expected count and a little more, so that it
       * is not copied as it grows. */
      double expected = (box.x1 - box.x0) * (box.y1 - box.y0) / (tile_px * tile_px) *
                        hl_candidates_per_tile () * 1.05 + 64.0;

      out = g_array_sized_new (FALSE, FALSE, sizeof (HlCandidate),
                               (guint) MIN (expected, n_tiles * HL_BLUE_NOISE_TILE_POINTS * 1.25));
    }
  if (seam == NULL)
    {
      too_large (error);
      return NULL;
    }

  for (gint64 ty = ty0; ty <= ty1; ty++)
    for (gint64 tx = tx0; tx <= tx1; tx++)
      {
        guint64 key = hl_rng_mix (seed, hl_rng_mix ((guint64) tx, (guint64) ty));
        guint variant = (guint) (key % HL_BLUE_NOISE_N_VARIANTS);
        guint sym = (guint) ((key >> 16) & 7);
        double sx = (double) ((key >> 24) & 0xffff) / 65536.0;
        double sy = (double) ((key >> 40) & 0xffff) / 65536.0;
        guint32 tile = (guint32) ((ty - ty0) * ntx + (tx - tx0));
        guint n;
        const HlBlueNoisePoint *pts = hl_blue_noise_variant (variant, &n);
        HlRect square = { (tx - ov) * tile_px, (ty - ov) * tile_px,
                          (tx + 1 + ov) * tile_px, (ty + 1 + ov) * tile_px };

        if (!hl_rect_intersects (square, near))
          continue;

        for (guint k = 0; k < n; k++)
          {
            double x = pts[k].x, y = pts[k].y;

            /* One of the eight symmetries of the unit torus, then a shift. */
            if (sym & 1)
              x = x > 0.0 ? 1.0 - x : 0.0;
            if (sym & 2)
              y = y > 0.0 ? 1.0 - y : 0.0;
            if (sym & 4)
              {
                double t = x;

                x = y;
                y = t;
              }
            x += sx;
            if (x >= 1.0)
              x -= 1.0;
            y += sy;
            if (y >= 1.0)
              y -= 1.0;

            for (int dv = -1; dv <= 1; dv++)
              for (int du = -1; du <= 1; du++)
                {
                  double u = x + du, v = y + dv;
                  double border;
                  HlPoint w;
                  guint32 order = k * 9 + (guint32) ((dv + 1) * 3 + du + 1);

                  if (u < -ov || u >= 1.0 + ov || v < -ov || v >= 1.0 + ov)
                    continue;
                  w.x = (tx + u) * tile_px;
                  w.y = (ty + v) * tile_px;
                  border = MIN (MIN (u, 1.0 - u), MIN (v, 1.0 - v));

                  if (border >= pts[k].radius + ov)
                    {
                      /* No point of another tile comes this close. */
                      if (hl_rect_contains (box, w))
                        {
                          HlCandidate c = { w.x, w.y, map_rank (pts[k].rank),
                                            (guint32) (hl_rng_mix (key, order) >> 32) };

                          g_array_append_val (out, c);
                        }
                      continue;
                    }
                  if (!hl_rect_contains (near, w))
                    continue;
                  if (n_seam == max_seam)
                    {
                      g_array_unref (out);
                      too_large (error);
                      return NULL;
                    }
                  seam[n_seam++] = (SeamPoint) { w.x, w.y, pts[k].rank,
                                                 (float) (pts[k].radius * tile_px),
                                                 border < 0.0, tile,
                                                 (guint32) (hl_rng_mix (key, order) >> 32), -1 };
                }
          }
      }

  /* Reconcile the seams in rank order on a grid of kept points. */

  cell = hl_blue_noise_final_radius () * tile_px;
  gx0 = near.x0;
  gy0 = near.y0;
  gnx = (gint64) floor ((near.x1 - near.x0) / cell) + 1;
  gny = (gint64) floor ((near.y1 - near.y0) / cell) + 1;
  if ((double) gnx * (double) gny < (double) G_MAXSIZE / sizeof (gint32))
    heads = g_try_new (gint32, (gsize) gnx * (gsize) gny);
  if (heads == NULL || max_seam >= G_MAXINT32)
    {
      g_array_unref (out);
      too_large (error);
      return NULL;
    }
  for (gsize c = 0; c < (gsize) gnx * (gsize) gny; c++)
    heads[c] = -1;

  if (!sort_seam (seam, 0, n_seam, &keys, &tmp))
    {
      g_array_unref (out);
      too_large (error);
      return NULL;
    }
  /* A point that comes within a kept point's reach stands back: it takes
   * the rank from which the dart radius no longer reaches that point (its
   * place within its step carried to a later step) and is tried again
   * there, so that the seams lose few points at any rank. Measured on the
   * 3600 tiles above, in bands one final radius wide from the tile edges:
   * when such points were dropped, the prefixes rank < 0.3, 0.6 and 0.9
   * held 63–85 %, 67–92 % and 70–95 % of a tile's inside density in the
   * first five bands (the whole set 76–96 %), which the plane's ρ shows;
   * standing back, 96–101 % from the second band on, 71–94 % in the
   * first. */
  {
    KeyHeap later = { NULL, 0, 0 };
    gsize i = 0;

    while (i < n_seam || later.n > 0)
      {
        guint64 key;
        gsize at;
        double d;
        float rank;

        if (later.n > 0 && (i == n_seam || later.keys[0] < keys[i]))
          key = key_heap_pop (&later);
        else
          key = keys[i++];
        at = (gsize) (key & 0x7fffffff);
        if (keep_if_apart (seam, &seam[at], at, heads, gx0, gy0, cell, gnx, gny, box, out, &d))
          continue;
        rank = hl_blue_noise_defer_rank (seam[at].rank, d / tile_px);
        if (!(rank < 1.0f) || rank <= seam[at].rank)
          continue;
        seam[at].rank = rank;
        seam[at].radius = (float) (hl_blue_noise_radius_at (rank) * tile_px);
        if (!key_heap_push (&later, seam_key (&seam[at], at)))
          {
            g_free (later.keys);
            g_array_unref (out);
            too_large (error);
            return NULL;
          }
      }
    g_free (later.keys);
  }

  /* Refill: darts along the left and top edge of every tile, with the last
   * step's radius and ranks among the last step's, so every rank prefix
   * keeps its spacing. Tile by tile (in rank order within a tile), so that
   * only the kept ones are stored. */
  g_clear_pointer (&keys, g_free);
  g_clear_pointer (&tmp, g_free);
  darts = g_try_new (SeamPoint, 2 * (gsize) darts_per_edge + 1);
  if (darts == NULL)
    {
      g_array_unref (out);
      too_large (error);
      return NULL;
    }
  for (gint64 ty = ty0; ty <= ty1; ty++)
    for (gint64 tx = tx0; tx <= tx1; tx++)
      {
        guint64 key = hl_rng_mix (seed ^ G_GUINT64_CONSTANT (0xd1a7), hl_rng_mix ((guint64) tx, (guint64) ty));
        guint32 tile = (guint32) ((ty - ty0) * ntx + (tx - tx0));
        double last = hl_blue_noise_last_step_rank ();
        gsize n_darts = 0;

        for (guint edge = 0; edge < 2; edge++)
          for (guint i = 0; i < darts_per_edge; i++)
            {
              guint64 h = hl_rng_mix (key, edge * darts_per_edge + i);
              double along = (double) (h & 0xfffff) / 1048576.0;
              double across = ((double) ((h >> 20) & 0xfffff) / 1048576.0 * 2.0 - 1.0) * ov;
              double u = edge == 0 ? across : along;
              double v = edge == 0 ? along : across;
              double rank = last + (1.0 - last) * ((double) (h >> 40) / 16777216.0);
              HlPoint w = { (tx + u) * tile_px, (ty + v) * tile_px };
              guint32 dart = (tile * 2 + edge) * darts_per_edge + i;

              if (!hl_rect_contains (near, w))
                continue;
              darts[n_darts++] = (SeamPoint) { w.x, w.y, (float) MIN (rank, 0.99999994),
                                               (float) (r_final * tile_px), 2,
                                               0x80000000u | dart,
                                               (guint32) (hl_rng_mix (h, 0xd0) >> 32), -1 };
            }
        if (n_darts == 0)
          continue;
        g_clear_pointer (&keys, g_free);
        g_clear_pointer (&tmp, g_free);
        if (!sort_seam (darts, 0, n_darts, &keys, &tmp))
          {
            g_array_unref (out);
            too_large (error);
            return NULL;
          }
        for (gsize i = 0; i < n_darts; i++)
          if (n_seam < max_seam &&
              keep_if_apart (seam, &darts[keys[i] & 0x7fffffff], n_seam, heads, gx0, gy0, cell, gnx, gny, box, out, NULL))
            n_seam++;
      }

  return out;
}
