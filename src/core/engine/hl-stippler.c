/* hl-stippler.c: the stippling engine.
 *
 * Per zone, a ranked blue-noise tile (hl-blue-noise.c) is laid over the
 * zone's bounding box at the zone's density: these are the candidates. Each
 * candidate keeps two factors in [0, 1]: the zone-edge factor (0 outside,
 * ramping up over edge_blend_mm inside the outline) and the hairline factor
 * (0 on the face side, ramping up over transition_mm behind a wavy,
 * irregular effective edge). A candidate becomes a dot when its rank is
 * below the combined factor; its session is where rank / factor falls among
 * the cumulative session shares, so sessions 1..k are always a rank prefix
 * and stay evenly spaced.
 *
 * Caches are keyed by the identity of immutable model values: an update
 * whose zone objects are the same reuses their candidates; a changed
 * hairline re-evaluates only the candidates near the part that moved; then
 * every zone is re-filtered, which is a compare and a small computation per
 * candidate.
 *
 * Only correctly rounded operations (+ − × ÷ sqrt, floor) touch the numbers
 * that decide positions and counts, so results are the same everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-candidates.h"
#include "hl-design.h"
#include "hl-error.h"
#include "hl-rng.h"
#include "hl-segment-index.h"
#include "hl-stippler.h"

/* Sentinel dots live this far behind the drawn line at the least (mm), so
 * that none sits on it. */
#define SENTINEL_MIN_MM 0.3
/* Wavelength of the micro-irregularity (alternating density), mm. */
#define MICRO_WAVELENGTH_MM 3.0

typedef struct
{
  float   x, y;     /* image px */
  float   rank;     /* [0, 1) */
  float   dist;     /* distance to the zone's own outline (> 0: inside),
                       capped at the outline index's reach */
  float   edge;     /* free-edge factor, [0, 1]; 0 where another zone owns
                       the point */
  float   blend;    /* density blended over the zones here, / ref density */
  float   hair;     /* hairline factor, [0, 1] */
  guint32 id;       /* stable per tile point: drives size and shade jitter */
} Candidate;

typedef struct
{
  /* What the candidates were built for. */
  HlZone         *zone;          /* owned ref */
  double          mm_per_px;
  guint64         seed;

  double          cell_px;       /* world cell side */
  int             gx0, gy0;      /* first world cell */
  int             gnx, gny;      /* cells in the box */
  guint          *cell_start;    /* gnx*gny+1 offsets into cands */
  GArray         *cands;         /* of Candidate */
  HlSegmentIndex *outline;       /* zone outline, reach = edge blend */
  HlRect          reach_box;     /* bounds inflated by the outline's reach */
  HlRect          clip;          /* photo rectangle, empty = none */
  gboolean        too_large;
  gboolean        over_budget;   /* left empty for the view's budget */

  /* Output of the last filter: the zone's dots sit in the stippler's array
   * from @offset, row by row of world cells (row_start is relative). */
  guint           index;         /* zone index the dots were labelled with */
  guint           blend_index;   /* zone index edge and blend were made for */
  GArray         *near;          /* of guint: the active zones whose reach
                                    box meets this one's, in list order */
  guint          *row_start;     /* gny+1 entries; NULL before the first filter */
  guint           offset;
  double          expected;      /* < 0: not computed yet */

  /* Rows to re-filter at the next update. */
  gboolean        blend_all;     /* edge and blend not computed yet */
  gboolean        dirty_all;
  int             dirty_r0, dirty_r1;   /* empty when r0 > r1 */
} ZoneCache;

typedef struct
{
  double      cell;
  GHashTable *buckets;           /* gint64 cell key → GArray of HlDotEdit* */
} Eraser;

/* What the zones of a view look like to each other: what decides who owns
 * a point, the blended density and which edges are free. */
typedef struct
{
  HlCurve  *boundary;            /* owned ref */
  double    density;
  double    edge_blend_mm;
  gboolean  active;              /* has candidates */
  HlRect    box;                 /* bounds inflated by the outline's reach */
} ZoneLayout;

/* The edges of the union of the view's zones: outline segments that do not
 * touch another zone, bucketed on a grid. */
typedef struct
{
  double   x0, y0, cell;
  int      nx, ny;
  guint   *start;                /* nx*ny+1 offsets into segs */
  HlPoint *segs;                 /* two points a segment */
} FreeEdges;

struct _HlStippler
{
  double          mm_per_px;
  gboolean        calibrated;
  guint32         design_seed;
  HlRect          clip;

  /* The view's one plane of candidates. */
  double          ref_density;   /* dots/cm², a step at or above every zone's */
  guint64         plane_seed;
  double          tile_px;
  double          touch_px;      /* edges closer than this to a zone touch it */
  GArray         *layout;        /* of ZoneLayout, of the last update */
  FreeEdges       free_edges;

  GPtrArray      *zones;         /* of ZoneCache*, in view order */

  HlCurve        *hairline;      /* owned ref, NULL when none */
  HlSegmentIndex *hair_index;
  HlRect          hair_area;     /* area the index covers */
  double          hair_reach_px;
  gboolean        hair_simple;   /* hl_segment_index_is_simple() of it */

  GArray         *dots;          /* of HlDot: zones in order, then hand-placed */
  GArray         *edits;         /* copy of the edits the dots honour */
  Eraser          eraser;        /* the REMOVE edits, bucketed */

  /* During hl_stippler_update_full() only. */
  GCancellable       *cancellable;
  HlStipplerProgress  progress;
  gpointer            progress_data;
  double              work_done, work_total;   /* in candidates */
};

/* --- small numeric helpers ------------------------------------------------ */

static inline double
smoothstep01 (double u)
{
  u = CLAMP (u, 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
}

static inline guint32
hash32 (guint64 a,
        guint64 b)
{
  return (guint32) (hl_rng_mix (a, b) >> 32);
}

/* Value noise in [-1, 1] on an integer lattice, smoothly interpolated. */
static double
value_noise (guint64 seed,
             double  x,
             double  y)
{
  double fx = floor (x), fy = floor (y);
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

static double
hair_factor (const HlStippler *self,
             const ZoneCache  *zc,
             HlPoint           p)
{
  const HlZoneParams *zp = &zc->zone->params;
  double d_px, d, pmx, pmy, offset, u, h;

  if (self->hair_index == NULL)
    return 1.0;

  d_px = hl_segment_index_signed_distance (self->hair_index, p);
  if (d_px < 0.0)
    return 0.0;       /* face side of the hairline: never a dot */
  if (!zp->follows_hairline)
    return 1.0;
  if (d_px >= G_MAXDOUBLE)
    return 1.0;       /* far behind the line */

  d = d_px * self->mm_per_px;
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

/* The view's reference density: the largest zone density rounded up to a
 * step (1 up to 10 dots/cm², 2 up to 20, 5 up to 100, 10 up to 200, then
 * 20), so that a small density change keeps the plane, and every dot of
 * the other zones, where it was; and a zone at a round density uses the
 * whole plane. */
static double
reference_density (const HlView *view)
{
  double top = 0.0, step;

  for (guint i = 0; i < view->zones->len; i++)
    {
      const HlZone *z = g_ptr_array_index (view->zones, i);

      if (z->params.density > top)
        top = z->params.density;
    }
  if (!(top > 0.0) || !isfinite (top))
    return 0.0;
  step = top <= 10.0 ? 1.0 : top <= 20.0 ? 2.0 : top <= 100.0 ? 5.0 : top <= 200.0 ? 10.0 : 20.0;
  return ceil (top / step) * step;
}

/* The plane's seed: the design seed and every zone's seed, so that
 * reshuffling any zone draws the view a new plane. */
static guint64
plane_seed (const HlView *view,
            guint32       design_seed)
{
  guint32 sum = 0;

  for (guint i = 0; i < view->zones->len; i++)
    sum += ((const HlZone *) g_ptr_array_index (view->zones, i))->params.seed;
  return hl_rng_mix (design_seed, sum);
}

static inline gboolean
zone_cache_active (const ZoneCache *zc)
{
  return zc->gnx > 0 && !zc->too_large;
}

/* Weight of a zone at signed distance @s from its outline (> 0 inside):
 * ½ on the outline, ramping over the edge blend width @w centred on it. */
static inline double
cover (double s,
       double w)
{
  if (w <= 0.0)
    return s > 0.0 ? 1.0 : 0.0;
  return smoothstep01 (0.5 + s / w);
}

static void
free_edges_clear (FreeEdges *fe)
{
  g_clear_pointer (&fe->start, g_free);
  g_clear_pointer (&fe->segs, g_free);
  fe->nx = fe->ny = 0;
}

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

/* Collects the outline segments of the active zones that touch no other
 * zone (their midpoint is farther than touch_px outside every other one)
 * and buckets them. Segments whose midpoint lies in @changed (their
 * freedom may have changed) grow *@reach to cover them. */
static void
free_edges_build (HlStippler *self,
                  HlRect      changed,
                  HlRect     *reach)
{
  FreeEdges *fe = &self->free_edges;
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  HlRect area = hl_rect_from_points (NULL, 0);
  double cell = 1.0;
  g_autofree guint *fill = NULL;

  free_edges_clear (fe);
  for (guint i = 0; i < self->zones->len; i++)
    {
      const ZoneCache *zi = g_ptr_array_index (self->zones, i);
      guint n;
      const HlPoint *poly;

      if (!zone_cache_active (zi))
        continue;
      poly = hl_curve_get_polyline (zi->zone->boundary, &n);
      cell = MAX (cell, zi->zone->params.edge_blend_mm / self->mm_per_px);
      for (guint k = 0; k < n; k++)
        {
          HlPoint ab[2] = { poly[k], poly[(k + 1) % n] };
          HlPoint mid = { (ab[0].x + ab[1].x) * 0.5, (ab[0].y + ab[1].y) * 0.5 };
          gboolean touching = FALSE;

          if (!hl_rect_is_empty (changed) && hl_rect_contains (changed, mid))
            *reach = hl_rect_union (*reach, hl_rect_from_points (ab, 2));
          for (guint j = 0; j < self->zones->len && !touching; j++)
            {
              const ZoneCache *zj = g_ptr_array_index (self->zones, j);

              touching = j != i && zone_cache_active (zj) && hl_rect_contains (zj->reach_box, mid) &&
                         hl_segment_index_signed_distance (zj->outline, mid) > -self->touch_px;
            }
          if (touching)
            continue;
          g_array_append_vals (segs, ab, 2);
          area = hl_rect_union (area, hl_rect_from_points (ab, 2));
        }
    }
  if (segs->len == 0)
    return;

  /* A grid of at most 512 × 512 cells of at least the widest blend. */
  fe->cell = MAX (cell, MAX (area.x1 - area.x0, area.y1 - area.y0) / 512.0);
  fe->x0 = area.x0;
  fe->y0 = area.y0;
  fe->nx = (int) floor ((area.x1 - area.x0) / fe->cell) + 1;
  fe->ny = (int) floor ((area.y1 - area.y0) / fe->cell) + 1;
  fe->start = g_new0 (guint, (gsize) fe->nx * fe->ny + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < segs->len / 2; k++)
        {
          HlRect r = hl_rect_from_points (&g_array_index (segs, HlPoint, 2 * k), 2);
          int cx0 = (int) floor ((r.x0 - fe->x0) / fe->cell), cx1 = (int) floor ((r.x1 - fe->x0) / fe->cell);
          int cy0 = (int) floor ((r.y0 - fe->y0) / fe->cell), cy1 = (int) floor ((r.y1 - fe->y0) / fe->cell);

          for (int cy = MAX (cy0, 0); cy <= MIN (cy1, fe->ny - 1); cy++)
            for (int cx = MAX (cx0, 0); cx <= MIN (cx1, fe->nx - 1); cx++)
              {
                gsize c = (gsize) cy * fe->nx + cx;

                if (pass == 0)
                  fe->start[c + 1]++;
                else
                  {
                    fe->segs[2 * fill[c]] = g_array_index (segs, HlPoint, 2 * k);
                    fe->segs[2 * fill[c] + 1] = g_array_index (segs, HlPoint, 2 * k + 1);
                    fill[c]++;
                  }
              }
        }
      if (pass == 0)
        {
          for (gsize c = 0; c < (gsize) fe->nx * fe->ny; c++)
            fe->start[c + 1] += fe->start[c];
          fe->segs = g_new (HlPoint, 2 * (gsize) fe->start[(gsize) fe->nx * fe->ny] + 2);
          fill = g_memdup2 (fe->start, sizeof (guint) * (gsize) fe->nx * fe->ny);
        }
    }
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
  if (zo->near->len == 1 && dist > 0.0 && dist >= w)
    {
      /* Alone and past its edge blend: what the loop below gives. */
      *edge = 1.0;
      *blend = zo->zone->params.density / self->ref_density;
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
        }
      c = cover (s, zj->zone->params.edge_blend_mm / self->mm_per_px);
      if (c <= 0.0)
        continue;
      num += rest * c * zj->zone->params.density;
      den += rest * c;
      rest *= 1.0 - c;
    }
  *blend = den > 0.0 ? num / den / self->ref_density : 0.0;

  /* The edge blend, only along edges that touch no other zone. */
  if (w <= 0.0 || dist >= w)
    *edge = 1.0;
  else
    *edge = smoothstep01 (free_edges_distance (&self->free_edges, p, w) / w);
}

/* --- zone caches ---------------------------------------------------------- */

static void
zone_cache_free (gpointer data)
{
  ZoneCache *zc = data;

  if (zc == NULL)
    return;
  hl_zone_unref (zc->zone);
  g_free (zc->cell_start);
  g_free (zc->row_start);
  g_clear_pointer (&zc->cands, g_array_unref);
  g_clear_pointer (&zc->near, g_array_unref);
  hl_segment_index_free (zc->outline);
  g_free (zc);
}

/* Candidates in the zone's bounding box clipped to @clip (empty: none) at
 * the view's reference density @ref: an upper bound of what
 * zone_cache_new() stores, and of its work. */
static double
zone_estimate (const HlZone *zone,
               double        m,
               HlRect        clip,
               double        ref)
{
  HlRect box = hl_curve_bounds (zone->boundary);
  double density_mm2 = ref / 100.0;
  double estimate;

  if (!hl_rect_is_empty (clip))
    box = hl_rect_intersect (box, clip);
  if (hl_rect_is_empty (box) || !(density_mm2 > 0.0) || !(zone->params.density > 0.0))
    return 0.0;
  estimate = (box.x1 - box.x0) * (box.y1 - box.y0) * m * m * density_mm2;
  return isfinite (estimate) ? estimate : G_MAXDOUBLE;
}

static HlRect
view_clip (const HlView *view)
{
  if (view->photo.width > 0 && view->photo.height > 0)
    return (HlRect) { 0, 0, view->photo.width, view->photo.height };
  return hl_rect_from_points (NULL, 0);
}

/* A candidate inside the outline while they are sorted into cells: no
 * larger than an HlCandidate, so that they compact in place. */
typedef struct
{
  float   x, y, rank, dist;
  guint32 id;
} Kept;

G_STATIC_ASSERT (sizeof (Kept) <= sizeof (HlCandidate));

static ZoneCache *
zone_cache_new (HlStippler *self,
                HlZone     *zone,
                gboolean    within_budget)
{
  const HlZoneParams *zp = &zone->params;
  ZoneCache *zc = g_new0 (ZoneCache, 1);
  guint n_poly;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n_poly);
  HlRect box = hl_curve_bounds (zone->boundary);
  double m = self->mm_per_px;
  double density_mm2 = zp->density / 100.0;
  double ref_mm2 = self->ref_density / 100.0;
  double tile_px, estimate, reach;
  GArray *points;
  guint *cell_of;
  guint n_kept, block;

  zc->zone = hl_zone_ref (zone);
  zc->mm_per_px = m;
  zc->seed = hl_rng_mix (self->design_seed, zp->seed);
  zc->clip = self->clip;
  zc->expected = -1.0;
  zc->blend_all = TRUE;
  zc->dirty_all = TRUE;
  zc->dirty_r0 = 1;
  zc->dirty_r1 = 0;
  /* Exact within the edge blend, and far enough to see touching zones. */
  reach = MAX (MAX (zp->edge_blend_mm / m, self->touch_px), 1.0);
  zc->outline = hl_segment_index_new (poly, n_poly, TRUE, reach, box);
  zc->reach_box = hl_rect_inflate (box, reach);

  if (!hl_rect_is_empty (self->clip))
    box = hl_rect_intersect (box, self->clip);

  estimate = zone_estimate (zone, m, self->clip, self->ref_density);
  zc->over_budget = !within_budget && estimate <= HL_STIPPLE_MAX_CANDIDATES;
  if (n_poly < 3 || hl_rect_is_empty (box) || !(density_mm2 > 0.0) ||
      estimate > HL_STIPPLE_MAX_CANDIDATES || zc->over_budget)
    zc->cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  else
    zc->cands = g_array_sized_new (FALSE, FALSE, sizeof (Candidate),
                                   (guint) (MIN (estimate, hl_curve_area (zone->boundary) * m * m * ref_mm2) * 1.05) + 16);

  if (n_poly < 3 || hl_rect_is_empty (box) || !(density_mm2 > 0.0))
    {
      zc->cell_start = g_new0 (guint, 1);
      return zc;
    }
  if (estimate > HL_STIPPLE_MAX_CANDIDATES || zc->over_budget)
    {
      zc->too_large = TRUE;
      zc->cell_start = g_new0 (guint, 1);
      return zc;
    }

  /* The view's one plane: about 16 candidates a world cell. */
  tile_px = self->tile_px;
  zc->cell_px = tile_px / 4.0;
  zc->gx0 = (int) floor (box.x0 / zc->cell_px);
  zc->gy0 = (int) floor (box.y0 / zc->cell_px);
  zc->gnx = (int) floor (box.x1 / zc->cell_px) - zc->gx0 + 1;
  zc->gny = (int) floor (box.y1 / zc->cell_px) - zc->gy0 + 1;
  /* Bounded by the candidate cap, but still sized by the input: a failed
   * allocation leaves the zone empty rather than aborting. */
  zc->cell_start = g_try_new0 (guint, (gsize) zc->gnx * zc->gny + 1);
  points = zc->cell_start != NULL ? hl_candidates_in_box (self->plane_seed, tile_px, box, NULL) : NULL;
  cell_of = points != NULL ? g_try_new (guint, points->len + 1) : NULL;
  if (cell_of == NULL)
    {
      g_clear_pointer (&points, g_array_unref);
      g_clear_pointer (&zc->cell_start, g_free);
      zc->gnx = zc->gny = 0;
      zc->too_large = TRUE;
      zc->cell_start = g_new0 (guint, 1);
      return zc;
    }

  /* Keep the candidates inside the outline, counting them per world cell,
   * then place them cell by cell (row-major). */
  n_kept = 0;
  block = MAX (points->len / 64, 1);
  for (guint i = 0; i < points->len; i++)
    {
      HlCandidate pc = g_array_index (points, HlCandidate, i);
      /* Every zone sees the point as the dots store it. */
      HlPoint p = { (float) pc.x, (float) pc.y };
      double e = -1.0;
      Kept *c;
      gsize cell;

      /* A large zone takes most of a second: look up every 1/64 of it. */
      if (i % block == block - 1)
        {
          if (g_cancellable_is_cancelled (self->cancellable))
            {
              g_array_unref (points);
              g_free (cell_of);
              zone_cache_free (zc);
              return NULL;
            }
          if (self->progress != NULL)
            self->progress (0.9 * (self->work_done + estimate * i / points->len) / self->work_total,
                            self->progress_data);
        }
      if (hl_rect_is_empty (zc->clip) || hl_rect_contains (zc->clip, p))
        e = hl_segment_index_signed_distance (zc->outline, p);
      if (e <= 0.0)
        continue;
      cell = (gsize) (CLAMP ((int) floor (p.y / zc->cell_px) - zc->gy0, 0, zc->gny - 1)) * zc->gnx +
             (gsize) CLAMP ((int) floor (p.x / zc->cell_px) - zc->gx0, 0, zc->gnx - 1);
      cell_of[n_kept] = (guint) cell;
      zc->cell_start[cell + 1]++;
      c = &g_array_index (points, Kept, n_kept);   /* compacts in place */
      c->x = (float) p.x;
      c->y = (float) p.y;
      c->rank = pc.rank;
      c->dist = (float) MIN (e, 1e30);
      c->id = pc.id;
      n_kept++;
    }
  for (gsize c = 0; c < (gsize) zc->gnx * zc->gny; c++)
    zc->cell_start[c + 1] += zc->cell_start[c];

  g_array_set_size (zc->cands, n_kept);
  {
    guint *fill = g_try_new (guint, (gsize) zc->gnx * zc->gny);

    if (fill == NULL)
      {
        g_array_unref (points);
        g_free (cell_of);
        g_array_set_size (zc->cands, 0);
        memset (zc->cell_start, 0, sizeof (guint) * ((gsize) zc->gnx * zc->gny + 1));
        zc->too_large = TRUE;
        return zc;
      }
    memcpy (fill, zc->cell_start, sizeof (guint) * (gsize) zc->gnx * zc->gny);
    for (guint i = 0; i < n_kept; i++)
      {
        const Kept *k = &((const Kept *) (gconstpointer) points->data)[i];

        g_array_index (zc->cands, Candidate, fill[cell_of[i]]++) =
          (Candidate) { k->x, k->y, k->rank, k->dist, 0.0f, 0.0f, 1.0f, k->id };
      }
    g_free (fill);
  }
  g_array_unref (points);
  g_free (cell_of);
  zc->cell_start[(gsize) zc->gnx * zc->gny] = zc->cands->len;

  return zc;
}

static void
zone_cache_mark_rows (ZoneCache *zc,
                      int        r0,
                      int        r1)
{
  r0 = MAX (r0, 0);
  r1 = MIN (r1, zc->gny - 1);
  if (r0 > r1)
    return;

  if (zc->dirty_r0 > zc->dirty_r1)
    {
      zc->dirty_r0 = r0;
      zc->dirty_r1 = r1;
    }
  else
    {
      zc->dirty_r0 = MIN (zc->dirty_r0, r0);
      zc->dirty_r1 = MAX (zc->dirty_r1, r1);
    }
}

static void
zone_cache_mark_rect (ZoneCache *zc,
                      HlRect     area)
{
  if (zc->gny == 0 || hl_rect_is_empty (area))
    return;

  zone_cache_mark_rows (zc, (int) floor (area.y0 / zc->cell_px) - zc->gy0,
                        (int) floor (area.y1 / zc->cell_px) - zc->gy0);
}

/* --- erased discs --------------------------------------------------------- */

static inline gint64
eraser_key (gint64 cx,
            gint64 cy)
{
  return cy * G_GINT64_CONSTANT (4294967296) + cx;
}

static void
eraser_clear (Eraser *er)
{
  g_clear_pointer (&er->buckets, g_hash_table_unref);
  er->cell = 0.0;
}

/* Buckets the REMOVE edits of @edits (borrowed: must outlive the eraser's
 * use) on a grid so that each candidate checks only a few discs. */
static void
eraser_build (Eraser *er,
              GArray *edits)
{
  eraser_clear (er);

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

/* Re-evaluates the hairline factor of the candidates in @area (all of them
 * when @area is NULL). */
/* The cells of @zc that @area (all of them when NULL) covers, marked for
 * re-filtering; FALSE when it covers none. */
static gboolean
zone_cache_dirty_cells (ZoneCache    *zc,
                        const HlRect *area,
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
  zone_cache_mark_rows (zc, *cy0, *cy1);
  return TRUE;
}

static void
zone_cache_update_hair (HlStippler   *self,
                        ZoneCache    *zc,
                        const HlRect *area)
{
  int cx0, cy0, cx1, cy1;

  if (zc->cands->len == 0)
    return;

  if (!zone_cache_dirty_cells (zc, area, &cx0, &cy0, &cx1, &cy1))
    return;

  for (int cy = cy0; cy <= cy1; cy++)
    {
      guint first = zc->cell_start[cy * zc->gnx + cx0];
      guint last = zc->cell_start[cy * zc->gnx + cx1 + 1];

      for (guint i = first; i < last; i++)
        {
          Candidate *c = &g_array_index (zc->cands, Candidate, i);

          c->hair = (float) hair_factor (self, zc, (HlPoint) { c->x, c->y });
        }
    }

  zc->expected = -1.0;
}

/* Re-evaluates who owns the candidates of @zc (zone @o of the view) and
 * their blended density and free-edge factor, in @area (all of them when
 * @area is NULL). */
static void
zone_cache_update_blend (HlStippler   *self,
                         ZoneCache    *zc,
                         guint         o,
                         const HlRect *area)
{
  int cx0, cy0, cx1, cy1;

  zc->blend_index = o;
  if (zc->cands->len == 0)
    return;

  if (!zone_cache_dirty_cells (zc, area, &cx0, &cy0, &cx1, &cy1))
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

/* Appends the dots of world-cell rows [@r0, @r1] of @zc to @out. */
static void
zone_cache_filter_rows (const HlStippler *self,
                        const ZoneCache  *zc,
                        guint             zone_index,
                        int               r0,
                        int               r1,
                        GArray           *out)
{
  const HlZoneParams *zp = &zc->zone->params;
  double cum[HL_ZONE_MAX_SESSIONS];
  guint n_sessions = CLAMP (zp->n_sessions, 1, HL_ZONE_MAX_SESSIONS);
  double acc = 0.0;
  guint first, last;

  if (r0 > r1 || zc->cands->len == 0)
    return;

  for (guint s = 0; s < n_sessions; s++)
    {
      acc += zp->sessions[s].share;
      cum[s] = acc;
    }
  /* Shares are validated to sum to 1; make the last bound exact anyway. */
  cum[n_sessions - 1] = 1.0;

  first = zc->cell_start[(gsize) r0 * zc->gnx];
  last = zc->cell_start[(gsize) (r1 + 1) * zc->gnx];

  for (guint i = first; i < last; i++)
    {
      const Candidate *c = &g_array_index (zc->cands, Candidate, i);
      double f = combine (zc, c->edge, c->hair);
      double t = f * c->blend;
      double x;
      guint s = 0;
      guint64 r;
      double j1, j2;
      HlDot dot;
      HlColor shade;

      if (!(c->rank < t))
        continue;
      if (eraser_hits (&self->eraser, c->x, c->y))
        continue;

      x = c->rank / t;
      while (s + 1 < n_sessions && x >= cum[s])
        s++;

      /* Two triangular jitters from the candidate's stable id. */
      r = hl_rng_mix (zc->seed, c->id);
      j1 = ((double) (r & 0xffff) - (double) ((r >> 16) & 0xffff)) / 65536.0;
      j2 = ((double) ((r >> 32) & 0xffff) - (double) ((r >> 48) & 0xffff)) / 65536.0;

      shade = zp->n_sessions > 0 ? zp->sessions[s].shade : zp->shade;

      dot.x = c->x;
      dot.y = c->y;
      /* Smaller and lighter toward the front edge. */
      dot.diameter_mm = (float) (zp->dot_mm * (1.0 + zp->dot_spread * j1) * (0.75 + 0.25 * f));
      dot.shade = hl_color_lighten (shade, 0.25 * (1.0 - f) + zp->shade_spread * j2);
      dot.session = (guint8) s;
      dot.zone = zone_index;
      g_array_append_val (out, dot);
    }
}

/* Appends the zone's dots to @out: re-filters its dirty rows and copies the
 * others from @old (the previous output array). */
static void
zone_cache_emit (HlStippler *self,
                 ZoneCache  *zc,
                 guint       zone_index,
                 GArray     *old,
                 GArray     *out)
{
  guint *rows = g_new (guint, (gsize) zc->gny + 1);
  guint base = out->len;
  gboolean all = zc->dirty_all || zc->row_start == NULL || zc->index != zone_index;

  for (int r = 0; r < zc->gny; r++)
    {
      rows[r] = out->len - base;

      if (all || (r >= zc->dirty_r0 && r <= zc->dirty_r1))
        {
          int r1 = all ? zc->gny - 1 : zc->dirty_r1;

          /* Filter the whole dirty run at once, recording row starts. */
          for (; r <= r1; r++)
            {
              rows[r] = out->len - base;
              zone_cache_filter_rows (self, zc, zone_index, r, r, out);
            }
          r--;
        }
      else
        {
          guint from = zc->offset + zc->row_start[r];
          guint n = zc->row_start[r + 1] - zc->row_start[r];
          int r1 = r;

          /* Copy the clean run in one go. */
          while (r1 + 1 < zc->gny && !(r1 + 1 >= zc->dirty_r0 && r1 + 1 <= zc->dirty_r1))
            {
              r1++;
              rows[r1] = rows[r] + (zc->row_start[r1] - zc->row_start[r]);
            }
          n = zc->row_start[r1 + 1] - zc->row_start[r];
          g_array_append_vals (out, &g_array_index (old, HlDot, from), n);
          r = r1;
        }
    }
  rows[zc->gny] = out->len - base;

  g_free (zc->row_start);
  zc->row_start = rows;
  zc->offset = base;
  zc->index = zone_index;
  zc->dirty_all = FALSE;
  zc->dirty_r0 = 1;
  zc->dirty_r1 = 0;
}

/* ∫ density over the zone, in dots: the same factor function sampled on a
 * grid four times finer (in area) than the dot spacing. */
static double
zone_cache_expected (HlStippler *self,
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
          sum += combine (zc, e, hair_factor (self, zc, p)) * b;
      }

  zc->expected = sum * (step * m) * (step * m) / 100.0 * self->ref_density;
  return zc->expected;
}

/* --- hairline ------------------------------------------------------------- */

static double
hair_reach_px (const HlStippler *self,
               const HlView     *view)
{
  double reach_mm = 1.0;

  for (guint i = 0; i < view->zones->len; i++)
    {
      const HlZone *z = g_ptr_array_index (view->zones, i);

      if (z->params.follows_hairline)
        reach_mm = MAX (reach_mm, z->params.transition_mm +
                                  2.0 * z->params.macro_amplitude_mm + 1.0);
    }

  return reach_mm / self->mm_per_px;
}

static HlRect
zones_area (const HlView *view)
{
  HlRect area = hl_rect_from_points (NULL, 0);

  for (guint i = 0; i < view->zones->len; i++)
    {
      const HlZone *z = g_ptr_array_index (view->zones, i);

      area = hl_rect_union (area, hl_curve_bounds (z->boundary));
    }

  return area;
}

static gboolean
rect_covers (HlRect outer,
             HlRect inner)
{
  if (hl_rect_is_empty (inner))
    return TRUE;
  return !hl_rect_is_empty (outer) &&
         outer.x0 <= inner.x0 && outer.y0 <= inner.y0 &&
         outer.x1 >= inner.x1 && outer.y1 >= inner.y1;
}

/* Rebuilds the hairline index if the hairline changed. Returns TRUE when
 * candidates must be re-evaluated; *@area is where (empty rect: nowhere,
 * NULL-like full flag through @all). */
static gboolean
update_hairline (HlStippler   *self,
                 const HlView *view,
                 HlRect       *area,
                 gboolean     *all)
{
  HlCurve *old = self->hairline;
  HlCurve *cur = view->hairline;
  double reach = hair_reach_px (self, view);
  HlRect need = zones_area (view);
  gboolean rebuild;

  *all = FALSE;
  *area = hl_rect_from_points (NULL, 0);

  if (cur != NULL && hl_curve_get_n_points (cur) < 2)
    cur = NULL;

  rebuild = !hl_curve_equal (old, cur) ||
            reach != self->hair_reach_px ||
            (cur != NULL && !rect_covers (self->hair_area, need));
  if (!rebuild)
    return FALSE;

  if (old != NULL && cur != NULL && reach == self->hair_reach_px &&
      rect_covers (self->hair_area, need) &&
      hl_curve_same_corners (old, cur))
    {
      /* Same shape of curve: the polyline segments that changed, before
       * and after. Points farther than the reach only take the side of the
       * line, which changes only between a moved piece's old and new
       * place, so their bounding box (inflated by the reach) is all that
       * needs re-evaluating. */
      guint n_old, n_cur;
      const HlPoint *lo = hl_curve_get_polyline (old, &n_old);
      const HlPoint *lc = hl_curve_get_polyline (cur, &n_cur);

      guint n_min = MIN (n_old, n_cur), pre = 0, suf = 0;

      /* The polyline's point count can change with the shape: what lies
       * between the common start and the common end changed. */
      while (pre < n_min && memcmp (lo + pre, lc + pre, sizeof (HlPoint)) == 0)
        pre++;
      while (suf < n_min - pre &&
             memcmp (lo + n_old - 1 - suf, lc + n_cur - 1 - suf, sizeof (HlPoint)) == 0)
        suf++;
      if (pre < n_min || n_old != n_cur)
        {
          guint a = pre > 0 ? pre - 1 : 0;

          /* With their neighbours: the segments on either side changed. */
          *area = hl_rect_union (*area, hl_rect_from_points (lo + a, MIN (n_old, n_old - suf + 1) - a));
          *area = hl_rect_union (*area, hl_rect_from_points (lc + a, MIN (n_cur, n_cur - suf + 1) - a));
        }
      /* Ends extend as rays, and the side of far points can flip across
       * the whole region a ray sweeps: if an end piece of the polyline
       * moved, everything is re-evaluated. */
      if (!*all && (memcmp (lo, lc, 2 * sizeof (HlPoint)) != 0 ||
                    memcmp (lo + n_old - 2, lc + n_cur - 2, 2 * sizeof (HlPoint)) != 0))
        *all = TRUE;
      *area = hl_rect_inflate (*area, reach + 1.0);
    }
  else
    *all = TRUE;

  g_clear_pointer (&self->hair_index, hl_segment_index_free);
  g_clear_pointer (&self->hairline, hl_curve_unref);
  self->hair_reach_px = reach;

  if (cur != NULL)
    {
      guint n;
      const HlPoint *poly = hl_curve_get_polyline (cur, &n);
      HlRect grown = need;

      if (!rect_covers (self->hair_area, need))
        {
          /* Leave room for zones that grow a little while being edited. */
          double mx = 0.25 * (need.x1 - need.x0), my = 0.25 * (need.y1 - need.y0);

          grown.x0 -= mx;
          grown.x1 += mx;
          grown.y0 -= my;
          grown.y1 += my;
          self->hair_area = grown;
        }
      self->hairline = hl_curve_ref (cur);
      self->hair_index = hl_segment_index_new (poly, n, FALSE, reach, self->hair_area);
      /* A looping line: the side of far points is not local to the edit. */
      if (!hl_segment_index_is_simple (self->hair_index) || !self->hair_simple)
        *all = TRUE;
      self->hair_simple = hl_segment_index_is_simple (self->hair_index);
    }
  else
    self->hair_area = hl_rect_from_points (NULL, 0);

  return TRUE;
}

/* --- manual edits --------------------------------------------------------- */

/* Takes the view's edits; returns TRUE if they changed. Zones get the rows
 * of new erased discs marked dirty (all rows if earlier edits changed). */
static void
update_edits (HlStippler   *self,
              const HlView *view)
{
  GArray *cur = view->edits;
  GArray *old = self->edits;
  gboolean appended;

  if (old != NULL && old->len == cur->len &&
      (cur->len == 0 || memcmp (old->data, cur->data, sizeof (HlDotEdit) * cur->len) == 0))
    return;

  appended = old != NULL && cur->len >= old->len &&
             (old->len == 0 || memcmp (old->data, cur->data, sizeof (HlDotEdit) * old->len) == 0);

  for (guint z = 0; z < self->zones->len; z++)
    {
      ZoneCache *zc = g_ptr_array_index (self->zones, z);

      if (!appended)
        {
          zc->dirty_all = TRUE;
          continue;
        }

      for (guint i = old->len; i < cur->len; i++)
        {
          const HlDotEdit *e = &g_array_index (cur, HlDotEdit, i);

          if (e->kind == HL_EDIT_REMOVE)
            zone_cache_mark_rect (zc, hl_rect_inflate (hl_rect_from_points (&e->p, 1),
                                                       e->radius_px + 1.0));
        }
    }

  if (self->edits == NULL)
    self->edits = g_array_new (FALSE, FALSE, sizeof (HlDotEdit));
  g_array_set_size (self->edits, 0);
  g_array_append_vals (self->edits, cur->data, cur->len);
  eraser_build (&self->eraser, self->edits);
}

static void
append_manual_dots (HlStippler *self,
                    GArray     *out)
{
  for (guint i = 0; self->edits != NULL && i < self->edits->len; i++)
    {
      const HlDotEdit *e = &g_array_index (self->edits, HlDotEdit, i);
      HlDot dot;

      if (e->kind != HL_EDIT_ADD)
        continue;
      dot.x = (float) e->p.x;
      dot.y = (float) e->p.y;
      dot.diameter_mm = (float) e->diameter_mm;
      dot.shade = e->shade;
      dot.session = (guint8) MIN (e->session, HL_ZONE_MAX_SESSIONS - 1);
      dot.zone = HL_DOT_MANUAL;
      g_array_append_val (out, dot);
    }
}

/* --- zones together, incrementally ----------------------------------------- */

static void
layout_clear (gpointer data)
{
  ZoneLayout *l = data;

  g_clear_pointer (&l->boundary, hl_curve_unref);
}

static gboolean
layout_equal (const ZoneLayout *a,
              const ZoneLayout *b)
{
  return a->boundary == b->boundary && a->density == b->density &&
         a->edge_blend_mm == b->edge_blend_mm && a->active == b->active;
}

/* Brings every zone's ownership, blended density and free-edge factor up
 * to date with the zones of the view: where the zones (their outline,
 * density, edge blend or place in the list) are as at the last update,
 * nothing is re-evaluated; otherwise the candidates of every zone near a
 * zone that changed, or near an edge whose freedom changed, are. */
static void
update_layout (HlStippler *self)
{
  GArray *lay = g_array_sized_new (FALSE, TRUE, sizeof (ZoneLayout), self->zones->len);
  GArray *old = self->layout;
  gboolean same;
  HlRect changed = hl_rect_from_points (NULL, 0);
  double grow = 1.0;

  g_array_set_clear_func (lay, layout_clear);
  for (guint i = 0; i < self->zones->len; i++)
    {
      const ZoneCache *zc = g_ptr_array_index (self->zones, i);
      ZoneLayout l = { hl_curve_ref (zc->zone->boundary), zc->zone->params.density,
                       zc->zone->params.edge_blend_mm, zone_cache_active (zc), zc->reach_box };

      g_array_append_val (lay, l);
      grow = MAX (grow, zc->zone->params.edge_blend_mm / self->mm_per_px + 1.0);
    }

  same = old != NULL && old->len == lay->len;
  for (guint i = 0; old != NULL && i < MAX (old->len, lay->len); i++)
    {
      const ZoneLayout *a = i < old->len ? &g_array_index (old, ZoneLayout, i) : NULL;
      const ZoneLayout *b = i < lay->len ? &g_array_index (lay, ZoneLayout, i) : NULL;

      if (a != NULL && b != NULL && layout_equal (a, b))
        continue;
      same = FALSE;
      if (a != NULL)
        changed = hl_rect_union (changed, a->box);
      if (b != NULL)
        changed = hl_rect_union (changed, b->box);
    }

  if (!same)
    {
      HlRect reach = changed;

      free_edges_build (self, changed, &reach);
      /* The free-edge factor reaches one edge blend from an edge. */
      changed = hl_rect_inflate (reach, grow);
    }

  /* Which zones can matter to each zone's candidates. */
  for (guint o = 0; o < self->zones->len; o++)
    {
      ZoneCache *zc = g_ptr_array_index (self->zones, o);

      if (zc->near == NULL)
        zc->near = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_set_size (zc->near, 0);
      for (guint j = 0; j < self->zones->len && zone_cache_active (zc); j++)
        {
          const ZoneCache *zj = g_ptr_array_index (self->zones, j);

          if (j == o || (zone_cache_active (zj) && hl_rect_intersects (zj->reach_box, zc->reach_box)))
            g_array_append_val (zc->near, j);
        }
    }

  for (guint o = 0; o < self->zones->len; o++)
    {
      ZoneCache *zc = g_ptr_array_index (self->zones, o);

      if (zc->blend_all || zc->blend_index != o || old == NULL)
        {
          zone_cache_update_blend (self, zc, o, NULL);
          zc->blend_all = FALSE;
        }
      else if (!same)
        zone_cache_update_blend (self, zc, o, &changed);
    }

  g_clear_pointer (&self->layout, g_array_unref);
  self->layout = lay;
}

/* --- public API ----------------------------------------------------------- */

HlStippler *
hl_stippler_new (void)
{
  HlStippler *self = g_new0 (HlStippler, 1);

  self->zones = g_ptr_array_new_with_free_func (zone_cache_free);
  self->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  self->hair_area = hl_rect_from_points (NULL, 0);
  self->clip = hl_rect_from_points (NULL, 0);

  return self;
}

void
hl_stippler_free (HlStippler *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->zones);
  g_clear_pointer (&self->layout, g_array_unref);
  free_edges_clear (&self->free_edges);
  g_clear_pointer (&self->hairline, hl_curve_unref);
  hl_segment_index_free (self->hair_index);
  g_array_unref (self->dots);
  g_clear_pointer (&self->edits, g_array_unref);
  eraser_clear (&self->eraser);
  g_free (self);
}

static gboolean
same_candidates (const ZoneCache *zc,
                 const HlZone    *zone)
{
  const HlZoneParams *a = &zc->zone->params;
  const HlZoneParams *b = &zone->params;

  /* The plane is the view's: only the outline and its reach matter. */
  return zc->zone->boundary == zone->boundary &&
         a->edge_blend_mm == b->edge_blend_mm;
}

static gboolean
same_hair_params (const HlZone *x,
                  const HlZone *y)
{
  const HlZoneParams *a = &x->params;
  const HlZoneParams *b = &y->params;

  return a->follows_hairline == b->follows_hairline &&
         a->transition_mm == b->transition_mm &&
         a->macro_amplitude_mm == b->macro_amplitude_mm &&
         a->macro_wavelength_mm == b->macro_wavelength_mm &&
         a->micro_irregularity == b->micro_irregularity &&
         a->sentinels_per_cm == b->sentinels_per_cm &&
         a->density == b->density;
}

void
hl_stippler_update (HlStippler   *self,
                    const HlView *view,
                    guint32       design_seed)
{
  hl_stippler_update_full (self, view, design_seed, NULL, NULL, NULL);
}

/* A cancelled update keeps the caches it built or brought up to date;
 * caches not reached keep their hairline factors only if the hairline did
 * not change (else they would disagree with the new hairline index). The
 * edits and the dots stay those of the last finished update. */
static void
keep_partial (HlStippler *self,
              GPtrArray  *old,
              GPtrArray  *fresh,
              gboolean    hair_changed)
{
  for (guint k = 0; k < old->len && !hair_changed; k++)
    if (g_ptr_array_index (old, k) != NULL)
      {
        g_ptr_array_add (fresh, g_ptr_array_index (old, k));
        g_ptr_array_index (old, k) = NULL;
      }
  g_ptr_array_unref (old);
  self->zones = fresh;
  self->cancellable = NULL;
  self->progress = NULL;
}

gboolean
hl_stippler_update_full (HlStippler         *self,
                         const HlView       *view,
                         guint32             design_seed,
                         GCancellable       *cancellable,
                         HlStipplerProgress  progress,
                         gpointer            user_data)
{
  gboolean calibrated;
  double m;
  HlRect clip = hl_rect_from_points (NULL, 0);
  HlRect hair_area;
  gboolean hair_all, hair_changed;
  GPtrArray *old, *fresh;
  double budget_used = 0.0;
  double ref;
  guint64 pseed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  m = hl_view_get_mm_per_px (view, &calibrated);
  clip = view_clip (view);
  ref = reference_density (view);
  pseed = plane_seed (view, design_seed);

  if (ref != self->ref_density || pseed != self->plane_seed)
    {
      /* Another plane: every candidate moves. */
      g_ptr_array_set_size (self->zones, 0);
      g_clear_pointer (&self->layout, g_array_unref);
      self->ref_density = ref;
      self->plane_seed = pseed;
      self->mm_per_px = 0.0;
    }
  if (m != self->mm_per_px || design_seed != self->design_seed ||
      memcmp (&clip, &self->clip, sizeof clip) != 0)
    {
      /* Everything is measured in these: start afresh. */
      g_ptr_array_set_size (self->zones, 0);
      g_clear_pointer (&self->layout, g_array_unref);
      self->tile_px = ref > 0.0 ? sqrt (hl_candidates_per_tile () / (ref / 100.0)) / m : 1.0;
      /* Half the hexagonal spacing at the reference density. */
      self->touch_px = ref > 0.0 ? 0.5 * sqrt (2.0 / (sqrt (3.0) * (ref / 100.0))) / m : 1.0;
      g_clear_pointer (&self->hair_index, hl_segment_index_free);
      g_clear_pointer (&self->hairline, hl_curve_unref);
      self->hair_area = hl_rect_from_points (NULL, 0);
      self->hair_reach_px = 0.0;
      self->mm_per_px = m;
      self->design_seed = design_seed;
      self->clip = clip;
    }
  self->calibrated = calibrated;

  hair_changed = update_hairline (self, view, &hair_area, &hair_all);

  /* Match the view's zones with cached ones. */
  old = self->zones;
  fresh = g_ptr_array_new_with_free_func (zone_cache_free);

  /* Progress counts candidates, the measure of the work (capped as the
   * engine caps it); the final filtering takes the last tenth. */
  self->cancellable = cancellable;
  self->progress = progress;
  self->progress_data = user_data;
  self->work_done = 0.0;
  self->work_total = 0.0;
  for (guint i = 0; progress != NULL && i < view->zones->len; i++)
    self->work_total += MIN (zone_estimate (g_ptr_array_index (view->zones, i), m, clip, ref),
                             (double) HL_STIPPLE_MAX_CANDIDATES) + 1.0;

  for (guint i = 0; i < view->zones->len; i++)
    {
      HlZone *zone = g_ptr_array_index (view->zones, i);
      ZoneCache *zc = NULL;
      gboolean need_hair = FALSE;
      double estimate = zone_estimate (zone, m, clip, ref);
      gboolean within_budget = TRUE;

      if (g_cancellable_is_cancelled (cancellable))
        {
          keep_partial (self, old, fresh, hair_changed);
          return FALSE;
        }
      if (progress != NULL)
        progress (0.9 * self->work_done / self->work_total, user_data);

      /* Zones too large on their own stay empty and cost nothing; the
       * others share the budget in view order. */
      if (estimate <= HL_STIPPLE_MAX_CANDIDATES)
        {
          within_budget = budget_used + estimate <= HL_STIPPLE_MAX_DESIGN_CANDIDATES;
          if (within_budget)
            budget_used += estimate;
        }

      for (guint k = 0; k < old->len && zc == NULL; k++)
        {
          ZoneCache *cand = g_ptr_array_index (old, k);

          if (cand != NULL && cand->zone == zone &&
              cand->over_budget == (!within_budget && estimate <= HL_STIPPLE_MAX_CANDIDATES))
            {
              zc = cand;
              g_ptr_array_index (old, k) = NULL;
            }
        }

      if (zc == NULL && i < old->len)
        {
          /* Same outline, density and seed: only filter parameters changed. */
          ZoneCache *cand = g_ptr_array_index (old, i);

          if (cand != NULL && same_candidates (cand, zone) &&
              cand->over_budget == (!within_budget && estimate <= HL_STIPPLE_MAX_CANDIDATES))
            {
              need_hair = !same_hair_params (cand->zone, zone);
              zc = cand;
              g_ptr_array_index (old, i) = NULL;
              hl_zone_ref (zone);
              hl_zone_unref (zc->zone);
              zc->zone = zone;
              zc->expected = -1.0;
              zc->dirty_all = TRUE;
            }
        }

      if (zc == NULL)
        {
          zc = zone_cache_new (self, zone, within_budget);
          need_hair = TRUE;
        }
      if (zc == NULL)
        {
          /* Cancelled while making the zone's candidates. */
          keep_partial (self, old, fresh, hair_changed);
          return FALSE;
        }

      if (need_hair || (hair_changed && hair_all))
        zone_cache_update_hair (self, zc, NULL);
      else if (hair_changed)
        zone_cache_update_hair (self, zc, &hair_area);

      g_ptr_array_add (fresh, zc);
      self->work_done += MIN (estimate, (double) HL_STIPPLE_MAX_CANDIDATES) + 1.0;
    }
  g_ptr_array_unref (old);
  self->zones = fresh;

  update_layout (self);
  update_edits (self, view);

  /* Assemble the output: clean rows are copied, dirty rows re-filtered. */
  {
    /* At most every candidate and every added dot: reserved, not touched,
     * so the array is never copied as it grows. */
    gsize bound = self->edits != NULL ? self->edits->len : 0;
    GArray *out;

    for (guint i = 0; i < self->zones->len; i++)
      bound += ((ZoneCache *) g_ptr_array_index (self->zones, i))->cands->len;
    out = g_array_sized_new (FALSE, FALSE, sizeof (HlDot), (guint) MIN (bound, G_MAXUINT / 2));

    for (guint i = 0; i < self->zones->len; i++)
      zone_cache_emit (self, g_ptr_array_index (self->zones, i), i, self->dots, out);
    append_manual_dots (self, out);

    g_array_unref (self->dots);
    self->dots = out;
  }
  self->cancellable = NULL;
  self->progress = NULL;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}

GArray *
hl_stippler_ref_dots (HlStippler *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_array_ref (self->dots);
}

const HlDot *
hl_stippler_get_dots (HlStippler *self,
                      gsize      *n_dots)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_dots != NULL)
    *n_dots = self->dots->len;
  return (const HlDot *) (gconstpointer) self->dots->data;
}

static gboolean
zone_stats (HlStippler  *self,
            guint        index,
            gboolean     expected,
            HlZoneStats *stats)
{
  ZoneCache *zc;

  if (index >= self->zones->len)
    return FALSE;

  zc = g_ptr_array_index (self->zones, index);
  memset (stats, 0, sizeof *stats);
  stats->area_cm2 = hl_curve_area (zc->zone->boundary) * self->mm_per_px * self->mm_per_px / 100.0;
  stats->expected_dots = expected ? zone_cache_expected (self, zc, index) : -1.0;
  if (zc->row_start != NULL)
    {
      const HlDot *dots = &g_array_index (self->dots, HlDot, zc->offset);

      stats->dots = zc->row_start[zc->gny];
      for (guint i = 0; i < stats->dots; i++)
        stats->session_dots[MIN (dots[i].session, HL_ZONE_MAX_SESSIONS - 1)]++;
    }
  stats->mm_per_px = self->mm_per_px;
  stats->calibrated = self->calibrated;
  stats->too_large = zc->too_large;

  return TRUE;
}

gboolean
hl_stippler_get_zone_stats (HlStippler  *self,
                            guint        index,
                            HlZoneStats *stats)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  return zone_stats (self, index, TRUE, stats);
}

gboolean
hl_stippler_get_zone_counts (HlStippler  *self,
                             guint        index,
                             HlZoneStats *stats)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  return zone_stats (self, index, FALSE, stats);
}

double
hl_stipple_zone_estimate (const HlView *view,
                          const HlZone *zone)
{
  g_return_val_if_fail (view != NULL, 0.0);
  g_return_val_if_fail (zone != NULL, 0.0);

  return zone_estimate (zone, hl_view_get_mm_per_px (view, NULL), view_clip (view),
                        reference_density (view));
}

gboolean
hl_design_check_budget (const HlDesign  *design,
                        GError         **error)
{
  double used = 0.0;

  g_return_val_if_fail (design != NULL, FALSE);

  for (guint v = 0; v < design->views->len; v++)
    {
      const HlView *view = g_ptr_array_index (design->views, v);

      for (guint z = 0; z < view->zones->len; z++)
        {
          double estimate = hl_stipple_zone_estimate (view, g_ptr_array_index (view->zones, z));

          /* Left empty by the engine: costs nothing. */
          if (estimate > HL_STIPPLE_MAX_CANDIDATES)
            continue;
          used += estimate;
          if (used > HL_STIPPLE_MAX_DESIGN_CANDIDATES)
            {
              g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                           _("views[%u].zones[%u]: the design would need %.1f million dots; "
                           "the limit is %d million over all views"),
                           v, z, floor (used / 1e5) / 10.0,
                           HL_STIPPLE_MAX_DESIGN_CANDIDATES / 1000000);
              return FALSE;
            }
        }
    }
  return TRUE;
}

GArray *
hl_stipple_view (const HlView *view,
                 guint32       design_seed)
{
  g_autoptr(HlStippler) stippler = NULL;
  GArray *out;

  g_return_val_if_fail (view != NULL, NULL);

  stippler = hl_stippler_new ();
  hl_stippler_update (stippler, view, design_seed);
  out = stippler->dots;
  stippler->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));

  return out;
}
