/* hl-stippler.h: the stippling engine.
 *
 * Turns a view (zones, hairline, calibration, edits) and the design seed into
 * pigment dots. An HlStippler keeps per-zone caches (the zone's part of the
 * view's ranked blue-noise candidates, and each candidate's density factor),
 * so hl_stippler_update() with a view that differs from the previous one by
 * one dragged handle or one changed density only re-filters what changed.
 * Output is deterministic for a given view, seed and HL_ENGINE_VERSION.
 *
 * How zones combine (engine 3):
 * - All zones of a view take their candidates from one plane: one seed (the
 *   design seed with the sum of the zones' seeds, so Reshuffle on any zone
 *   gives the view new dots) and one tile size, made for the view's
 *   reference density: the largest zone density rounded up to a step (1 up
 *   to 10 dots/cm², 2 up to 20, 5 up to 100, 10 up to 200, then 20). A
 *   candidate survives where its rank is below density(x) / reference, so
 *   dots on both sides of a border come from one evenly spaced set, and
 *   sessions stay nested rank intervals.
 * - Overlap rule: a point belongs to the first zone in the view's list (the
 *   zone higher in the zone panel's list) whose outline holds it; only that
 *   zone can put a dot there, never two.
 * - Density at a point: each zone weighs smoothstep (½ + d / blend) at
 *   signed distance d from its outline (½ on the outline, 1 half its edge
 *   blend inside, 0 half of it outside); a zone covers the zones below it
 *   in the list as a layer does, so a zone weighs w × (1 − the weights of
 *   the zones above it), and density(x) is the weighted mean of the zones'
 *   densities. Deep in an overlap the higher zone's density holds; across a
 *   shared border the density blends from one zone's value to the other's
 *   over the edge blend width, continuously.
 * - The edge blend (density falling to 0 at the outline) applies only to
 *   edges that touch no other zone: an outline segment whose midpoint is
 *   within half the reference spacing of another zone touches it.
 * - The scalp outline (engine 5): no candidate outside the view's
 *   outline (hl_view_get_scalp_outline()) becomes a dot, whatever zone it
 *   is in.
 * - Zones that do not follow the hairline are filled on both sides of it
 *   (engine 5; before, nothing went on the face side of the hairline).
 * - The head model (engine 6): on a view with one (HlView.has_head: the
 *   head charts' views, fitted photos), a zone's density is per cm² of
 *   scalp, and the image density at a point is that density times the
 *   scalp's area per image area there (hl_view_get_area_factor(), capped at
 *   HL_HEAD_MAX_AREA_RATIO), so the dots lie evenly on the scalp and
 *   crowd in the image where it turns away. The factor multiplies the
 *   blended density of each candidate; the reference density is raised by
 *   the largest factor over the zones' boxes (rounded up to a half) so the
 *   rank filter still has the candidates: a zone moved where the scalp
 *   turns away further than the last half step draws the view a new
 *   plane, as a density past its step does. Views without a model keep
 *   their dots exactly.
 * - The hairline ramp is the owning zone's, as before; per-zone statistics
 *   count the dots a zone owns, and expected_dots integrates the density
 *   above over the part of the zone it owns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hl-design.h"
#include "hl-dot.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef struct _HlStippler HlStippler;

typedef struct
{
  double area_cm2;          /* zone area on the skin: on the scalp when
                               on_scalp (measured once per zone and
                               head), else in the photo's plane */
  double image_area_cm2;    /* zone area in the photo's plane */
  gboolean on_scalp;        /* the view has a head model (engine 6): areas
                               and densities are the scalp's */
  double expected_dots;     /* ∫ density over the zone (ramps included) */
  guint  dots;              /* dots the engine placed (before manual edits) */
  guint  session_dots[4];   /* of which per session */
  double mm_per_px;         /* calibration used (the default when uncalibrated) */
  gboolean calibrated;      /* FALSE: mm_per_px is HL_DEFAULT_MM_PER_PX */
  gboolean too_large;       /* the zone would need more than
                               HL_STIPPLE_MAX_CANDIDATES dots, or the
                               view's zones together more than
                               HL_STIPPLE_MAX_DESIGN_CANDIDATES: left empty */
  gboolean over_budget;     /* too_large because of the view's budget (the
                               zones above it took it), not its own size */
  /* Why a zone may get fewer dots than area × density asks, by area (cm²
   * in the photo's plane, a share of image_area_cm2; measured on a grid of about 200 × 200 samples over the
   * zone's box, so within about 1 %, once per zone until its outline, the
   * hairline or the scalp outline changes): */
  double outside_scalp_cm2;       /* outside the view's scalp outline
                                     (hl_view_get_scalp_outline()): no dot */
  double in_front_of_hairline_cm2; /* on the scalp but on the face side of
                                      the hairline, for a zone that follows
                                      it: no dot but sentinels */
} HlZoneStats;

/* A zone whose bounding box would hold more candidates than this is left
 * empty (and says so in its stats) rather than exhausting memory. */
#define HL_STIPPLE_MAX_CANDIDATES 4000000

/* The candidates of all zones of a design together (zones left empty for
 * HL_STIPPLE_MAX_CANDIDATES do not count). Loading refuses a design above
 * it; the engine, which sees one view at a time, leaves empty the zones of
 * a view (in view order) that would take it past this, so one engine never
 * holds more candidates than this whatever the caller built in memory.
 * Stippling keeps about 48 bytes a candidate (candidate, dot, grid and row
 * tables); making the candidates (tiles and their seams) peaks at about
 * 130 bytes a dot (bench-engine: 127 MB for a million dots), so expect
 * about 1 GB at the budget before rendering (tests/bench-budget.c). */
#define HL_STIPPLE_MAX_DESIGN_CANDIDATES 8000000

/* A new engine with empty caches (transfer full; free with hl_stippler_free). */
HlStippler  *hl_stippler_new            (void);
void         hl_stippler_free           (HlStippler   *stippler);

/* Brings the dots up to date with @view (borrowed; the engine takes its own
 * references on what it caches). */
void         hl_stippler_update         (HlStippler   *stippler,
                                         const HlView *view,
                                         guint32       design_seed);
/* Progress of an update, a fraction in [0, 1], called on the thread that
 * updates. */
typedef void (*HlStipplerProgress) (double   fraction,
                                    gpointer user_data);

/* As hl_stippler_update(), calling @progress (may be NULL) as the work goes
 * and checking @cancellable (may be NULL) before each zone and every 1/64
 * of a zone's candidates while they are made. TRUE when
 * the dots are up to date with @view; FALSE when cancelled: the dots stay
 * those of the last finished update (the caches keep what was built, so a
 * later update resumes rather than restarts). */
gboolean     hl_stippler_update_full    (HlStippler         *stippler,
                                         const HlView       *view,
                                         guint32             design_seed,
                                         GCancellable       *cancellable,
                                         HlStipplerProgress  progress,
                                         gpointer            user_data);
/* A reference on the dots of the last update (transfer full; GArray of
 * HlDot). The engine never changes that array again (an update makes a new
 * one), so it may be read on another thread while the engine works. */
GArray      *hl_stippler_ref_dots       (HlStippler   *stippler);
/* The dots of the last update, borrowed until the next update or free.
 * Ordered by zone, then spatially; hand-placed dots last. */
const HlDot *hl_stippler_get_dots       (HlStippler   *stippler,
                                         gsize        *n_dots);
/* Statistics of zone @index of the last update (FALSE if out of range).
 * expected_dots is integrated on demand (a few ms per zone). */
gboolean     hl_stippler_get_zone_stats (HlStippler   *stippler,
                                         guint         index,
                                         HlZoneStats  *stats);

/* As hl_stippler_get_zone_stats() without integrating expected_dots (set
 * to -1): a count, cheap enough to take after every update. */
gboolean     hl_stippler_get_zone_counts (HlStippler  *stippler,
                                          guint        index,
                                          HlZoneStats *stats);

/* Why a zone gets fewer dots than area × density asks, as flags. */
typedef enum
{
  HL_ZONE_SHORT_NONE            = 0,
  HL_ZONE_SHORT_OUTSIDE_SCALP   = 1 << 0,  /* part of it off the scalp outline */
  HL_ZONE_SHORT_FRONT_OF_HAIRLINE = 1 << 1, /* part of it in front of the hairline it follows */
  HL_ZONE_SHORT_TOO_LARGE       = 1 << 2,  /* left empty: too large on its own */
  HL_ZONE_SHORT_OVER_BUDGET     = 1 << 3,  /* left empty: the view's budget is used up */
} HlZoneShortfall;

/* The reasons @stats (from hl_stippler_get_zone_stats()) gives: a part
 * counts from 1 % of the zone's area. */
HlZoneShortfall hl_zone_stats_get_shortfall (const HlZoneStats *stats);
/* The names files and `hairline stats --json` use: "outside_scalp",
 * "in_front_of_hairline", "too_large", "over_budget" (static; one flag). */
const char  *hl_zone_shortfall_to_string (HlZoneShortfall reason);
/* The reasons in words for people, one sentence each, in the user's
 * language ("38 % of the zone lies outside the scalp outline: no dots
 * there."); NULL when there is none. Caller frees. */
char        *hl_zone_stats_explain      (const HlZoneStats *stats);

/* The candidates zone @zone of @view needs: its bounding box (clipped to
 * the photo) times its density, in dots. Cheap: no candidate is made. */
double       hl_stipple_zone_estimate   (const HlView *view,
                                         const HlZone *zone);

/* FALSE with HL_ERROR_TOO_LARGE, naming the first zone as
 * "views[V].zones[Z]", when the zones of all views of @design together
 * would need more than HL_STIPPLE_MAX_DESIGN_CANDIDATES candidates. */
gboolean     hl_design_check_budget     (const HlDesign *design,
                                         GError        **error);

/* One-shot convenience: the dots of @view (transfer full, GArray of HlDot). */
GArray      *hl_stipple_view            (const HlView *view,
                                         guint32       design_seed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlStippler, hl_stippler_free)

G_END_DECLS
