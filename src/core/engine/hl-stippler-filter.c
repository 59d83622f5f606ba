/* hl-stippler-filter.c: filtering: the candidates' factors (hairline ramp and its
 * irregularity, ownership and blended density, erased discs) and the dots
 * they give, cell row by cell row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-rng.h"
#include "hl-dot-style.h"
#include "hl-stippler-private.h"

/* Sentinel dots live this far behind the drawn line at the least (mm), so
 * that none sits on it. */
#define SENTINEL_MIN_MM 0.3
/* Wavelength of the micro-irregularity (alternating density), mm. */
#define MICRO_WAVELENGTH_MM 3.0

/* --- small numeric helpers ------------------------------------------------ */

static inline guint32
hash32 (guint64 a,
        guint64 b)
{
  return (guint32) (hl_rng_mix (a, b) >> 32);
}

/* floor (@x), exactly, without a call: truncation toward zero is exact
 * below 2^52, where every larger double is an integer already. */
static inline double
floor_exact (double x)
{
  double t;

  if (!(fabs (x) < 4503599627370496.0))
    return floor (x);
  t = (double) (gint64) x;
  return t > x ? t - 1.0 : t;
}

/* Value noise in [-1, 1] on an integer lattice, smoothly interpolated. */
static double
value_noise (guint64 seed,
             double  x,
             double  y)
{
  double fx = floor_exact (x), fy = floor_exact (y);
  gint64 ix = (gint64) fx, iy = (gint64) fy;
  double u = smoothstep01 (x - fx), v = smoothstep01 (y - fy);
  double c[4];

  for (guint k = 0; k < 4; k++)
    {
      guint64 key = ((guint64) (ix + (k & 1)) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) ^
                    ((guint64) (iy + (k >> 1)) * G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f));

      c[k] = (double) (hl_rng_mix (seed, key) >> 11) * 0x1.0p-52 - 1.0;
    }

  return (c[0] * (1 - u) + c[1] * u) * (1 - v) + (c[2] * (1 - u) + c[3] * u) * v;
}

/* --- factors -------------------------------------------------------------- */

/* Closer than this (px) to the line, the crossings and the nearest
 * segment might name different sides by rounding (both are exact to about
 * 1e-9 px at image scale); farther, they agree. */
#define SIDES_AGREE_PX 1e-3

/* @behind: a guess that @p lies behind the line (its factor was above 0
 * before a drag): then the distance is asked first and names the side
 * itself, the crossings asked only where the two rules could disagree.
 * The answer is the same either way. */
static double
hair_factor (const HlStippler *self,
             const ZoneCache  *zc,
             gboolean          behind,
             HlPoint           p)
{
  const HlZoneParams *zp = &zc->zone->params;
  double d_px, d, pmx, pmy, offset, u, h;

  if (!hl_stippler_on_scalp (self, p))
    return 0.0;       /* off the scalp: never a dot */
  /* A zone that does not follow the hairline is filled wherever it lies
   * (temples, recessions, sideburns, scars): the hairline is not its edge. */
  if (self->hair_index == NULL || !zp->follows_hairline)
    return 1.0;

  /* Face side of the hairline: never a dot. Named by the crossings when
   * they name it (hl_segment_index_sides_by_parity()): the distance costs
   * several times more and is only needed behind the line. */
  if (!hl_segment_index_sides_by_parity (self->hair_index))
    d_px = hl_segment_index_signed_distance (self->hair_index, p);
  else if (!behind)
    {
      if (hl_segment_index_in_front (self->hair_index, p))
        return 0.0;
      d_px = hl_segment_index_signed_distance (self->hair_index, p);
    }
  else
    {
      d_px = hl_segment_index_signed_distance (self->hair_index, p);
      if (d_px >= 0.0 && d_px < SIDES_AGREE_PX && hl_segment_index_in_front (self->hair_index, p))
        return 0.0;
    }
  if (d_px < 0.0)
    return 0.0;
  if (d_px >= G_MAXDOUBLE)
    return 1.0;       /* far behind the line */

  /* Along the scalp with a head model (engine 7). */
  d = hl_stippler_scalp_px (self, hl_stippler_index_field, self->hair_index, p, d_px) * self->mm_per_px;
  pmx = p.x * self->mm_per_px;
  pmy = p.y * self->mm_per_px;

  /* Macro-irregularity: the effective edge wanders 0..2A behind the line. */
  offset = 0.0;
  if (zp->macro_amplitude_mm > 0.0)
    offset = zp->macro_amplitude_mm *
             (1.0 + value_noise (zc->seed ^ 0x3ac70, pmx / zp->macro_wavelength_mm,
                                 pmy / zp->macro_wavelength_mm));

  if (zp->transition_mm > 0.0)
    u = (d - offset) / zp->transition_mm;
  else
    u = d >= offset ? 1.0 : 0.0;
  u = CLAMP (u, 0.0, 1.0);
  h = smoothstep01 (u);

  /* Micro-irregularity: alternating local density, fading out at full. */
  if (zp->micro_irregularity > 0.0 && u < 1.0)
    {
      double n = value_noise (zc->seed ^ 0x31c80, pmx / MICRO_WAVELENGTH_MM,
                              pmy / MICRO_WAVELENGTH_MM);

      h *= 1.0 + 1.5 * zp->micro_irregularity * n * (1.0 - u);
      h = CLAMP (h, 0.0, 1.0);
    }

  /* Sentinels: a few isolated dots ahead of the effective edge. Low ranks
   * are the most widely spaced, so a small constant factor picks isolated
   * candidates. */
  if (zp->sentinels_per_cm > 0.0 && d >= SENTINEL_MIN_MM)
    {
      double band_mm = zp->macro_amplitude_mm + 0.3 * zp->transition_mm;

      if (band_mm > SENTINEL_MIN_MM && d < offset + 0.3 * zp->transition_mm)
        {
          double per_cm2 = zp->sentinels_per_cm / ((band_mm - SENTINEL_MIN_MM) / 10.0);
          double frac = MIN (per_cm2 / zp->density, 0.5);

          h = MAX (h, frac);
        }
    }

  return h;
}

static inline double
combine (const ZoneCache *zc,
         double           edge,
         double           hair)
{
  /* Where the outline runs along the hairline both ramps start at the same
   * line: the smaller one wins instead of multiplying them twice. */
  if (zc->zone->params.follows_hairline)
    return MIN (edge, hair);
  return edge * hair;
}

/* --- zones together ------------------------------------------------------- */

/* Distance from @p to the nearest free edge, or @limit when none is nearer. */
static double
free_edges_distance (const FreeEdges *fe,
                     HlPoint          p,
                     double           limit)
{
  double best = limit * limit;
  int cx0, cy0, cx1, cy1;

  if (fe->start == NULL)
    return limit;
  cx0 = MAX ((int) floor ((p.x - limit - fe->x0) / fe->cell), 0);
  cy0 = MAX ((int) floor ((p.y - limit - fe->y0) / fe->cell), 0);
  cx1 = MIN ((int) floor ((p.x + limit - fe->x0) / fe->cell), fe->nx - 1);
  cy1 = MIN ((int) floor ((p.y + limit - fe->y0) / fe->cell), fe->ny - 1);
  for (int cy = cy0; cy <= cy1; cy++)
    for (int cx = cx0; cx <= cx1; cx++)
      for (guint k = fe->start[cy * fe->nx + cx]; k < fe->start[cy * fe->nx + cx + 1]; k++)
        {
          double t, d2 = hl_segment_distance2 (p, fe->segs[2 * k], fe->segs[2 * k + 1], &t);

          if (d2 < best)
            best = d2;
        }
  return sqrt (best);
}

/* The free edges' distance as an HlStipplerField (unsigned, searched up
 * to @limit). */
typedef struct
{
  const FreeEdges *fe;
  double           limit;
} FreeEdgesField;

static double
free_edges_field (gconstpointer data,
                  HlPoint       p)
{
  const FreeEdgesField *f = data;

  return free_edges_distance (f->fe, p, f->limit);
}

/* Zone @o holds @p at distance @dist inside its outline. Sets *@edge to
 * the free-edge factor (0 when a zone higher in the list holds @p: that
 * zone owns it) and *@blend to the density there over the reference
 * density: the zones' densities weighted as layers, each zone covering
 * what is below it in the list with its cover() weight. */
static void
zone_share (const HlStippler *self,
            guint             o,
            HlPoint           p,
            double            dist,
            double           *edge,
            double           *blend)
{
  const ZoneCache *zo = g_ptr_array_index (self->zones, o);
  double rest = 1.0, num = 0.0, den = 0.0, w;

  w = zo->zone->params.edge_blend_mm / self->mm_per_px;
  /* Blends measured along the scalp with a head model (engine 7). */
  if (dist > 0.0 && dist < w * self->head_stretch)
    dist = hl_stippler_scalp_px (self, hl_stippler_index_field, zo->outline, p, dist);
  if (zo->near->len == 1 && dist > 0.0 && dist >= w)
    {
      /* Alone and past its edge blend: what the loop below gives. */
      *edge = 1.0;
      *blend = zo->zone->params.density / self->ref_density * hl_stippler_area_factor (self, p);
      return;
    }

  for (guint k = 0; k < zo->near->len && rest > 0.0; k++)
    {
      guint j = g_array_index (zo->near, guint, k);
      const ZoneCache *zj = g_ptr_array_index (self->zones, j);
      double s, c;

      if (j == o)
        s = dist;
      else
        {
          if (!hl_rect_contains (zj->reach_box, p))
            continue;
          s = hl_segment_index_signed_distance (zj->outline, p);
          if (j < o && s > 0.0)
            {
              *edge = 0.0;
              *blend = 0.0;
              return;
            }
          if (fabs (s) < 0.5 * zj->zone->params.edge_blend_mm / self->mm_per_px * self->head_stretch)
            s = hl_stippler_scalp_px (self, hl_stippler_index_field, zj->outline, p, s);
        }
      c = cover (s, zj->zone->params.edge_blend_mm / self->mm_per_px);
      if (c <= 0.0)
        continue;
      num += rest * c * zj->zone->params.density;
      den += rest * c;
      rest *= 1.0 - c;
    }
  *blend = den > 0.0 ? num / den / self->ref_density * hl_stippler_area_factor (self, p) : 0.0;

  /* The edge blend, only along edges that touch no other zone. */
  if (w <= 0.0 || dist >= w)
    *edge = 1.0;
  else if (!self->has_head)
    *edge = smoothstep01 (free_edges_distance (&self->free_edges, p, w) / w);
  else
    {
      FreeEdgesField fef = { &self->free_edges, w * self->head_stretch };
      double fd = free_edges_field (&fef, p);

      if (fd < fef.limit)
        fd = hl_stippler_scalp_px (self, free_edges_field, &fef, p, fd);
      *edge = smoothstep01 (MIN (fd, w) / w);
    }
}

/* --- erased discs --------------------------------------------------------- */

static inline gint64
eraser_key (gint64 cx,
            gint64 cy)
{
  return cy * G_GINT64_CONSTANT (4294967296) + cx;
}

void
hl_stippler_eraser_clear (Eraser *er)
{
  g_clear_pointer (&er->buckets, g_hash_table_unref);
  er->cell = 0.0;
}

/* Buckets the REMOVE edits of @edits (borrowed: must outlive the eraser's
 * use) on a grid so that each candidate checks only a few discs. */
void
hl_stippler_eraser_build (Eraser *er,
                          GArray *edits)
{
  hl_stippler_eraser_clear (er);

  for (guint i = 0; i < edits->len; i++)
    {
      const HlDotEdit *e = &g_array_index (edits, HlDotEdit, i);

      if (e->kind == HL_EDIT_REMOVE)
        er->cell = MAX (er->cell, 2.0 * e->radius_px);
    }
  if (er->cell <= 0.0)
    return;

  er->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < edits->len; i++)
    {
      HlDotEdit *e = &g_array_index (edits, HlDotEdit, i);
      gint64 cx0, cx1, cy0, cy1;

      if (e->kind != HL_EDIT_REMOVE)
        continue;
      cx0 = (gint64) floor ((e->p.x - e->radius_px) / er->cell);
      cx1 = (gint64) floor ((e->p.x + e->radius_px) / er->cell);
      cy0 = (gint64) floor ((e->p.y - e->radius_px) / er->cell);
      cy1 = (gint64) floor ((e->p.y + e->radius_px) / er->cell);
      for (gint64 cy = cy0; cy <= cy1; cy++)
        for (gint64 cx = cx0; cx <= cx1; cx++)
          {
            gint64 key = eraser_key (cx, cy);
            GPtrArray *list = g_hash_table_lookup (er->buckets, &key);

            if (list == NULL)
              {
                list = g_ptr_array_new ();
                g_hash_table_insert (er->buckets, g_memdup2 (&key, sizeof key), list);
              }
            g_ptr_array_add (list, e);
          }
    }
}

static gboolean
eraser_hits (const Eraser *er,
             double        x,
             double        y)
{
  gint64 key;
  GPtrArray *list;

  if (er->buckets == NULL)
    return FALSE;

  key = eraser_key ((gint64) floor (x / er->cell), (gint64) floor (y / er->cell));
  list = g_hash_table_lookup (er->buckets, &key);
  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      const HlDotEdit *e = g_ptr_array_index (list, k);
      double dx = x - e->p.x, dy = y - e->p.y;

      if (dx * dx + dy * dy <= e->radius_px * e->radius_px)
        return TRUE;
    }

  return FALSE;
}

/* The cells of @zc that @area (all of them when NULL) covers, marked for
 * re-filtering when @mark; FALSE when it covers none. */
static gboolean
zone_cache_dirty_cells (ZoneCache    *zc,
                        const HlRect *area,
                        gboolean      mark,
                        int          *cx0,
                        int          *cy0,
                        int          *cx1,
                        int          *cy1)
{
  *cx0 = 0;
  *cy0 = 0;
  *cx1 = zc->gnx - 1;
  *cy1 = zc->gny - 1;
  if (area == NULL)
    {
      zc->dirty_all = TRUE;
      return TRUE;
    }
  if (hl_rect_is_empty (*area))
    return FALSE;
  *cx0 = MAX (*cx0, (int) floor (area->x0 / zc->cell_px) - zc->gx0);
  *cy0 = MAX (*cy0, (int) floor (area->y0 / zc->cell_px) - zc->gy0);
  *cx1 = MIN (*cx1, (int) floor (area->x1 / zc->cell_px) - zc->gx0);
  *cy1 = MIN (*cy1, (int) floor (area->y1 / zc->cell_px) - zc->gy0);
  if (*cx0 > *cx1 || *cy0 > *cy1)
    return FALSE;   /* the area misses the zone */
  if (mark)
    hl_stippler_zone_cache_mark_cells (zc, *cx0, *cy0, *cx1, *cy1);
  return TRUE;
}

void
hl_stippler_zone_cache_update_hair (HlStippler   *self,
                                    ZoneCache    *zc,
                                    const HlRect *area)
{
  int cx0, cy0, cx1, cy1;

  /* The zone's areas: measured again where the hairline moved, or all of
   * them. */
  if (area == NULL)
    zc->areas_valid = FALSE;
  else if (zc->areas_valid)
    zc->area_dirty = hl_rect_union (zc->area_dirty, *area);
  if (zc->cands->len == 0)
    return;
  if (area == NULL)
    hl_stippler_hair_index_whole (self);

  /* After a local edit, only the cells where a factor changed are
   * re-filtered: a candidate whose factors are the same gives the same
   * dot (the face side and far behind the line keep theirs). */
  if (!zone_cache_dirty_cells (zc, area, area == NULL, &cx0, &cy0, &cx1, &cy1))
    return;

  for (int cy = cy0; cy <= cy1; cy++)
    for (int cx = cx0; cx <= cx1; cx++)
      {
        guint first = zc->cell_start[cy * zc->gnx + cx];
        guint last = zc->cell_start[cy * zc->gnx + cx + 1];
        gboolean changed = FALSE;

        for (guint i = first; i < last; i++)
          {
            Candidate *c = &g_array_index (zc->cands, Candidate, i);
            HlPoint p = { c->x, c->y };
            float h;

            /* After a local edit, only the candidates in its area: the
             * rest of the cells it meets keep their factors. */
            if (area != NULL && !hl_rect_contains (*area, p))
              continue;
            h = (float) hair_factor (self, zc, c->hair > 0.0f, p);
            changed = changed || h != c->hair;
            c->hair = h;
          }
        if (changed && area != NULL)
          hl_stippler_zone_cache_mark_cells (zc, cx, cy, cx, cy);
      }

  zc->expected = -1.0;
}

/* Re-evaluates who owns the candidates of @zc (zone @o of the view) and
 * their blended density and free-edge factor, in @area (all of them when
 * @area is NULL). */
void
hl_stippler_zone_cache_update_blend (HlStippler   *self,
                                     ZoneCache    *zc,
                                     guint         o,
                                     const HlRect *area)
{
  int cx0, cy0, cx1, cy1;

  zc->blend_index = o;
  if (zc->cands->len == 0)
    return;

  if (!zone_cache_dirty_cells (zc, area, TRUE, &cx0, &cy0, &cx1, &cy1))
    return;

  for (int cy = cy0; cy <= cy1; cy++)
    {
      guint first = zc->cell_start[cy * zc->gnx + cx0];
      guint last = zc->cell_start[cy * zc->gnx + cx1 + 1];

      for (guint i = first; i < last; i++)
        {
          Candidate *c = &g_array_index (zc->cands, Candidate, i);
          double e, b;

          zone_share (self, o, (HlPoint) { c->x, c->y }, c->dist, &e, &b);
          c->edge = (float) e;
          c->blend = (float) b;
        }
    }

  zc->expected = -1.0;
}

/* Appends the dots of world cells [@k0, @k1] (row-major indices) of @zc
 * to @out. */
static void
zone_cache_filter_cells (const HlStippler *self,
                         const ZoneCache  *zc,
                         guint             zone_index,
                         gsize             k0,
                         gsize             k1,
                         GArray           *out)
{
  const HlZoneParams *zp = &zc->zone->params;
  double cum[HL_ZONE_MAX_SESSIONS];
  guint n_sessions = CLAMP (zp->n_sessions, 1, HL_ZONE_MAX_SESSIONS);
  double acc = 0.0;
  guint first, last, at;
  HlDotStyler styler;
  HlDot *dots;

  if (k0 > k1 || zc->cands->len == 0)
    return;
  hl_dot_styler_init (&styler, zp);

  for (guint s = 0; s < n_sessions; s++)
    {
      acc += zp->sessions[s].share;
      cum[s] = acc;
    }
  /* Shares are validated to sum to 1; make the last bound exact anyway. */
  cum[n_sessions - 1] = 1.0;

  first = zc->cell_start[k0];
  last = zc->cell_start[k1 + 1];

  /* Room for every candidate of the cells, written in place (the output
   * was reserved for all candidates: this does not move it). */
  at = out->len;
  g_array_set_size (out, at + (last - first));
  dots = &g_array_index (out, HlDot, 0);

  for (guint i = first; i < last; i++)
    {
      const Candidate *c = &g_array_index (zc->cands, Candidate, i);
      double f = combine (zc, c->edge, c->hair);
      double t = f * c->blend;
      double x;
      guint s = 0;
      double diameter;
      HlDot dot;

      if (!(c->rank < t))
        continue;
      if (eraser_hits (&self->eraser, c->x, c->y))
        continue;

      x = c->rank / t;
      while (s + 1 < n_sessions && x >= cum[s])
        s++;

      /* Size and shade jittered from the candidate's stable id, smaller
       * and lighter toward the front edge (the dot brush styles its dots
       * the same way). */
      hl_dot_styler_style (&styler, s, f, hl_rng_mix (zc->seed, c->id), &diameter, &dot.shade);
      dot.x = c->x;
      dot.y = c->y;
      dot.diameter_mm = (float) diameter;
      dot.session = (guint8) s;
      dot.zone = zone_index;
      dots[at++] = dot;
    }
  g_array_set_size (out, at);
}

/* Adds @sign (±1) to @counts per session of @n dots. */
static void
count_sessions (guint        *counts,
                const HlDot  *dots,
                guint         n,
                int           sign)
{
  for (guint i = 0; i < n; i++)
    counts[MIN (dots[i].session, HL_ZONE_MAX_SESSIONS - 1)] += (guint) sign;
}

static inline gboolean
zone_cache_cell_dirty (const ZoneCache *zc,
                       gsize            k)
{
  int r = (int) (k / (gsize) zc->gnx), c = (int) (k % (gsize) zc->gnx);

  return r >= zc->dirty_r0 && r <= zc->dirty_r1 && c >= zc->dirty_c0 && c <= zc->dirty_c1;
}

/* Appends the zone's dots to @out: re-filters its dirty cells and copies
 * the others from @old (the previous output array). */
void
hl_stippler_zone_cache_emit (HlStippler *self,
                             ZoneCache  *zc,
                             guint       zone_index,
                             GArray     *old,
                             GArray     *out)
{
  gsize n_cells = (gsize) zc->gnx * zc->gny;
  guint *cells = g_new (guint, n_cells + 1);
  guint base = out->len;
  gboolean all = zc->dirty_all || zc->cell_out == NULL || zc->index != zone_index;

  if (all)
    memset (zc->session_dots, 0, sizeof zc->session_dots);
  for (gsize k = 0; k < n_cells;)
    {
      if (all || zone_cache_cell_dirty (zc, k))
        {
          /* The zone's dots per session: the cell's old dots out, its new
           * ones in. */
          if (!all)
            count_sessions (zc->session_dots, &g_array_index (old, HlDot, zc->offset + zc->cell_out[k]),
                            zc->cell_out[k + 1] - zc->cell_out[k], -1);
          cells[k] = out->len - base;
          zone_cache_filter_cells (self, zc, zone_index, k, k, out);
          count_sessions (zc->session_dots, &g_array_index (out, HlDot, base + cells[k]),
                          out->len - base - cells[k], 1);
          k++;
        }
      else
        {
          /* Copy the clean run in one go. */
          gsize k1 = k + 1;

          while (k1 < n_cells && !zone_cache_cell_dirty (zc, k1))
            k1++;
          for (gsize j = k; j < k1; j++)
            cells[j] = out->len - base + (zc->cell_out[j] - zc->cell_out[k]);
          g_array_append_vals (out, &g_array_index (old, HlDot, zc->offset + zc->cell_out[k]),
                               zc->cell_out[k1] - zc->cell_out[k]);
          k = k1;
        }
    }
  cells[n_cells] = out->len - base;

  g_free (zc->cell_out);
  zc->cell_out = cells;
  zc->offset = base;
  zc->index = zone_index;
  zc->dirty_all = FALSE;
  zc->dirty_r0 = zc->dirty_c0 = 1;
  zc->dirty_r1 = zc->dirty_c1 = 0;
}

/* ∫ density over the zone, in dots: the same factor function sampled on a
 * grid four times finer (in area) than the dot spacing. */
double
hl_stippler_zone_cache_expected (HlStippler *self,
                                 ZoneCache  *zc,
                                 guint       o)
{
  const HlZoneParams *zp = &zc->zone->params;
  HlRect box = hl_curve_bounds (zc->zone->boundary);
  double step, sum = 0.0;
  double m = self->mm_per_px;

  if (zc->expected >= 0.0)
    return zc->expected;
  if (!hl_rect_is_empty (zc->clip))
    box = hl_rect_intersect (box, zc->clip);
  if (!zone_cache_active (zc) || hl_rect_is_empty (box) || zp->density <= 0.0)
    return zc->expected = 0.0;
  if (zc->near == NULL || zc->blend_all)
    return 0.0;   /* made by an update that was cancelled: not placed yet */
  hl_stippler_hair_index_whole (self);

  /* Over the part of the zone it owns, with its neighbours' blend. */
  step = sqrt (100.0 / zp->density) / m * 0.5;
  for (double y = box.y0 + step * 0.5; y < box.y1; y += step)
    for (double x = box.x0 + step * 0.5; x < box.x1; x += step)
      {
        HlPoint p = { x, y };
        double d = -1.0, e, b;

        if (hl_rect_is_empty (zc->clip) || hl_rect_contains (zc->clip, p))
          d = hl_segment_index_signed_distance (zc->outline, p);
        if (d <= 0.0)
          continue;
        zone_share (self, o, p, d, &e, &b);
        if (e > 0.0)
          sum += combine (zc, e, hair_factor (self, zc, FALSE, p)) * b;
      }

  zc->expected = sum * (step * m) * (step * m) / 100.0 * self->ref_density;
  return zc->expected;
}
