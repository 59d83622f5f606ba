/* hl-stippler-private.h: what the stippler's files share.
 *
 * hl-stippler-zones.c prepares a zone's candidates (the view's plane cut
 * to the zone's outline, sorted into world cells) and the free edges of
 * the zones together; hl-stippler-filter.c evaluates the candidates'
 * factors (hairline ramp, ownership and blended density, erased discs) and
 * filters them into dots; hl-stippler.c holds the public API and the
 * incremental update that decides what must be evaluated again. Nothing
 * here is public API.
 *
 * Ownership: a ZoneCache owns its candidates, cell and row offsets, outline
 * index and a reference on its zone; the stippler owns its ZoneCaches (in
 * view order), layout, free edges, hairline index, dots and eraser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-segment-index.h"
#include "hl-stippler.h"

G_BEGIN_DECLS

typedef struct
{
  float   x, y;     /* image px */
  float   rank;     /* [0, 1) */
  float   dist;     /* distance to the zone's own outline (> 0: inside),
                       capped at the outline index's reach */
  float   edge;     /* free-edge factor, [0, 1]; 0 where another zone owns
                       the point */
  float   blend;    /* density blended over the zones here, / ref density */
  float   hair;     /* hairline factor, [0, 1]; 0 outside the scalp
                       outline */
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
   * from @offset, world cell by world cell in row-major order (cell_out is
   * relative). */
  guint           index;         /* zone index the dots were labelled with */
  guint           blend_index;   /* zone index edge and blend were made for */
  GArray         *near;          /* of guint: the active zones whose reach
                                    box meets this one's, in list order */
  guint          *cell_out;      /* gnx*gny+1 entries; NULL before the first
                                    filter */
  guint           offset;
  guint           session_dots[HL_ZONE_MAX_SESSIONS];   /* the output's
                                    dots per session */
  double          expected;      /* < 0: not computed yet */
  /* The zone's area off the scalp and in front of the hairline (px²),
   * valid when areas_valid; made again after the hairline factors are. */
  gboolean        areas_valid;
  double          outside_px2, front_px2;
  /* The samples those areas count (about 200 × 200 over the zone's box, at
   * area_xs × area_ys), each AREA_*: kept so that after a local hairline
   * edit only the samples in area_dirty are measured again. */
  guint8         *area_samples;
  double         *area_xs, *area_ys;
  guint           area_nx, area_ny;
  double          area_step;
  guint           area_n_out, area_n_front;
  HlRect          area_dirty;    /* empty: none */

  /* Cells to re-filter at the next update: rows r0..r1 of columns
   * c0..c1. */
  gboolean        blend_all;     /* edge and blend not computed yet */
  gboolean        dirty_all;
  int             dirty_r0, dirty_r1;   /* empty when r0 > r1 */
  int             dirty_c0, dirty_c1;
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
  gboolean        hair_local;    /* its grid covers only the last edit's
                                    area (hl_segment_index_new_local()) */

  HlCurve        *scalp;         /* owned ref: the view's scalp outline,
                                    NULL when none */
  HlSegmentIndex *scalp_index;   /* over the outline's bounds */
  HlRect          scalp_box;     /* the outline's bounds */

  /* The view's head model (engine 6): the image density at a point is
   * the zone's scalp density times the area factor there
   * (hl_stippler_area_factor()). */
  gboolean        has_head;
  HlHeadModel     head;
  HlHeadPose      pose;
  double          head_m[3][3];  /* the pose's matrix */
  double          head_k2;       /* (1 / (pose scale × mm per px))² */
  double          head_stretch;  /* MAX (1, pose scale × mm per px): how
                                    much farther in the image than its mm
                                    say a distance on the scalp may reach
                                    (engine 7); 1 without a head model */
  GHashTable     *scalp_areas;   /* HlZone* (a ref) → double px²: the
                                    zones' scalp areas for this head,
                                    hl_stippler_zone_scalp_px2() */

  GArray         *dots;          /* of HlDot: zones in order, then hand-placed */
  GArray         *edits;         /* copy of the edits the dots honour */
  Eraser          eraser;        /* the REMOVE edits, bucketed */

  /* During hl_stippler_update_full() only. */
  GCancellable       *cancellable;
  HlStipplerProgress  progress;
  gpointer            progress_data;
  double              work_done, work_total;   /* in candidates */
};

static inline double
smoothstep01 (double u)
{
  u = CLAMP (u, 0.0, 1.0);
  return u * u * (3.0 - 2.0 * u);
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

/* hl-stippler.c */

/* Makes the hairline index fast everywhere (after a local edit its grid
 * covers only the edit's area; its answers are the same either way). */
void hl_stippler_hair_index_whole (HlStippler *self);

/* hl-stippler-zones.c */

/* The view's reference density: the largest zone density rounded up to a
 * step (1 up to 10 dots/cm², 2 up to 20, 5 up to 100, 10 up to 200, then
 * 20), so that a small density change keeps the plane, and every dot of
 * the other zones, where it was; and a zone at a round density uses the
 * whole plane. With a head model, times the largest area factor over the
 * zones' boxes rounded up to a half (at most HL_HEAD_MAX_AREA_RATIO). */
double hl_stippler_reference_density (const HlView *view);

/* The density factor at image point @p: scalp area per image area
 * (hl_view_get_area_factor() of the view the engine holds), 1 without a
 * head model. The candidates' blended density (zone_share() in
 * hl-stippler-filter.c) is multiplied by it: the one place the head model
 * enters the filtering. */
double hl_stippler_area_factor (const HlStippler *self,
                                HlPoint           p);

/* A distance field over the image: the signed or unsigned distance (px)
 * from @p to a line, ±G_MAXDOUBLE when farther than the field knows. */
typedef double (*HlStipplerField) (gconstpointer data,
                                   HlPoint       p);

/* hl_segment_index_signed_distance() as an HlStipplerField (@data: the
 * HlSegmentIndex). */
double hl_stippler_index_field (gconstpointer data,
                                HlPoint       p);

/* Engine 7: the image distance @d_px (signed, px) from @p to the line of
 * @field as a distance along the scalp, in px at the calibration's scale
 * (the head model's mm over mm per px, so that × mm_per_px gives mm of
 * scalp). The line is taken as straight across the gap, its normal the
 * field's gradient (central differences a quarter pixel apart), and the
 * scalp's metric as that half-way across (the model's image-to-scalp map
 * differentiated there): the distance is the shortest way to the line on
 * the scalp, d / √(nᵀ G⁻¹ n). Returns @d_px itself, bit for bit, on a
 * view without a head model, and where the model cannot say (a point off
 * the head, a far or flat field): those stay in the photo's plane as
 * before. Transition widths (the hairline's ramp, its irregularities and
 * sentinels) and edge blends measure through it, as "Frontal band from
 * hairline" measures its depth (hl_measure_band_behind_hairline()). */
double hl_stippler_scalp_px (const HlStippler *self,
                             HlStipplerField   field,
                             gconstpointer     data,
                             HlPoint           p,
                             double            d_px);

/* Takes the head model and pose of @view; TRUE when they changed (every
 * candidate's density must be evaluated again). */
gboolean hl_stippler_update_head (HlStippler   *self,
                                  const HlView *view);

/* The scalp area of @zone (px² of image times the area factor, summed on
 * a grid of about 200 × 200 samples over its box), in px² at the
 * calibration's scale; kept per zone until the head changes. The image
 * area when the view has no head model. */
double hl_stippler_zone_scalp_px2 (HlStippler *self,
                                   HlZone     *zone);

/* The plane's seed: the design seed and every zone's seed, so that
 * reshuffling any zone draws the view a new plane. */
guint64 hl_stippler_plane_seed (const HlView *view,
                                guint32       design_seed);

void hl_stippler_free_edges_clear (FreeEdges *fe);

/* Collects the outline segments of the active zones that touch no other
 * zone (their midpoint is farther than touch_px outside every other one)
 * and buckets them. Segments whose midpoint lies in @changed (their
 * freedom may have changed) grow *@reach to cover them. */
void hl_stippler_free_edges_build (HlStippler *self,
                                   HlRect      changed,
                                   HlRect     *reach);

/* Frees a ZoneCache (may be NULL); a GDestroyNotify. */
void hl_stippler_zone_cache_free (gpointer data);

/* Candidates in the zone's bounding box clipped to @clip (empty: none) at
 * the view's reference density @ref: an upper bound of what
 * hl_stippler_zone_cache_new() stores, and of its work. */
double hl_stippler_zone_estimate (const HlZone *zone,
                                  double        m,
                                  HlRect        clip,
                                  double        ref);

HlRect hl_stippler_view_clip (const HlView *view);

/* The candidates of @zone (transfer full); NULL when the update was
 * cancelled. */
ZoneCache *hl_stippler_zone_cache_new (HlStippler *self,
                                       HlZone     *zone,
                                       gboolean    within_budget);

/* Marks cells [@c0, @c1] × [@r0, @r1] (clipped to the zone's) for
 * re-filtering: with those marked before, their bounding rectangle. */
void hl_stippler_zone_cache_mark_cells (ZoneCache *zc,
                                        int        c0,
                                        int        r0,
                                        int        c1,
                                        int        r1);

void hl_stippler_zone_cache_mark_rect (ZoneCache *zc,
                                       HlRect     area);

/* hl-stippler-filter.c */

void hl_stippler_eraser_clear (Eraser *er);

/* Buckets the REMOVE edits of @edits (borrowed: must outlive the eraser's
 * use) on a grid so that each candidate checks only a few discs. */
void hl_stippler_eraser_build (Eraser *er,
                               GArray *edits);

/* Whether @p lies inside the view's scalp outline (TRUE when it has
 * none). */
static inline gboolean
hl_stippler_on_scalp (const HlStippler *self,
                      HlPoint           p)
{
  if (self->scalp_index == NULL)
    return TRUE;
  return hl_rect_contains (self->scalp_box, p) &&
         hl_segment_index_signed_distance (self->scalp_index, p) > 0.0;
}

/* Re-evaluates the hairline factor of the candidates of @zc in @area (all
 * of them when @area is NULL); with an area, marks for re-filtering only
 * the cells where a factor changed. */
void hl_stippler_zone_cache_update_hair (HlStippler   *self,
                                         ZoneCache    *zc,
                                         const HlRect *area);

/* Re-evaluates who owns the candidates of @zc (zone @o of the view) and
 * their blended density and free-edge factor, in @area (all of them when
 * @area is NULL). */
void hl_stippler_zone_cache_update_blend (HlStippler   *self,
                                          ZoneCache    *zc,
                                          guint         o,
                                          const HlRect *area);

/* Appends the zone's dots to @out: re-filters its dirty cells and copies
 * the others from @old (the previous output array); keeps the zone's dots
 * per session up to date. */
void hl_stippler_zone_cache_emit (HlStippler *self,
                                  ZoneCache  *zc,
                                  guint       zone_index,
                                  GArray     *old,
                                  GArray     *out);

/* ∫ density over the zone, in dots: the same factor function sampled on a
 * grid four times finer (in area) than the dot spacing. */
double hl_stippler_zone_cache_expected (HlStippler *self,
                                        ZoneCache  *zc,
                                        guint       o);

G_END_DECLS
