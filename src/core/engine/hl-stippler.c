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
#include "hl-stippler-private.h"

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

  /* Measured along the scalp (engine 7), a distance may reach farther in
   * the image than its mm at the calibration's scale when the pose's
   * scale is the larger. */
  if (view->has_head)
    reach_mm *= MAX (1.0, view->pose.scale * self->mm_per_px);
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
      /* A local edit (a handle dragged) is evaluated inside *@area alone:
       * an index over that part answers there as the whole one would, for
       * a fraction of the cells; the whole one is made when something asks
       * about the rest (hl_stippler_hair_index_whole()). */
      self->hair_local = !*all && !hl_rect_is_empty (*area);
      if (self->hair_local)
        self->hair_index = hl_segment_index_new_local (poly, n, reach, self->hair_area,
                                                       hl_rect_intersect (*area, self->hair_area));
      else
        self->hair_index = hl_segment_index_new (poly, n, FALSE, reach, self->hair_area);
      /* A looping line: the side of far points is not local to the edit. */
      if (!hl_segment_index_is_simple (self->hair_index) || !self->hair_simple)
        {
          *all = TRUE;
          hl_stippler_hair_index_whole (self);
        }
      self->hair_simple = hl_segment_index_is_simple (self->hair_index);
    }
  else
    self->hair_area = hl_rect_from_points (NULL, 0);

  return TRUE;
}

void
hl_stippler_hair_index_whole (HlStippler *self)
{
  const HlPoint *poly;
  guint n;

  if (!self->hair_local || self->hairline == NULL)
    return;
  poly = hl_curve_get_polyline (self->hairline, &n);
  hl_segment_index_free (self->hair_index);
  self->hair_index = hl_segment_index_new (poly, n, FALSE, self->hair_reach_px, self->hair_area);
  self->hair_local = FALSE;
}

/* --- scalp outline -------------------------------------------------------- */

/* Takes the view's scalp outline; TRUE when it changed (then every
 * candidate's hairline factor, which holds the outline's verdict, must be
 * evaluated again). */
static gboolean
update_scalp (HlStippler   *self,
              const HlView *view)
{
  HlCurve *cur = hl_view_get_scalp_outline (view);
  const HlPoint *poly;
  guint n;

  if (cur != NULL && hl_curve_get_n_points (cur) < 3)
    cur = NULL;
  if (cur == self->scalp || (cur != NULL && self->scalp != NULL && hl_curve_equal (cur, self->scalp)))
    return FALSE;

  g_clear_pointer (&self->scalp_index, hl_segment_index_free);
  g_clear_pointer (&self->scalp, hl_curve_unref);
  if (cur != NULL)
    {
      poly = hl_curve_get_polyline (cur, &n);
      self->scalp = hl_curve_ref (cur);
      self->scalp_box = hl_rect_from_points (poly, n);
      self->scalp_index = hl_segment_index_new (poly, n, TRUE, 10.0,
                                                hl_rect_inflate (self->scalp_box, 2.0));
    }
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
            hl_stippler_zone_cache_mark_rect (zc, hl_rect_inflate (hl_rect_from_points (&e->p, 1),
                                                       e->radius_px + 1.0));
        }
    }

  if (self->edits == NULL)
    self->edits = g_array_new (FALSE, FALSE, sizeof (HlDotEdit));
  g_array_set_size (self->edits, 0);
  g_array_append_vals (self->edits, cur->data, cur->len);
  hl_stippler_eraser_build (&self->eraser, self->edits);
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
      grow = MAX (grow, zc->zone->params.edge_blend_mm / self->mm_per_px * self->head_stretch + 1.0);
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

      hl_stippler_free_edges_build (self, changed, &reach);
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
          hl_stippler_zone_cache_update_blend (self, zc, o, NULL);
          zc->blend_all = FALSE;
        }
      else if (!same)
        hl_stippler_zone_cache_update_blend (self, zc, o, &changed);
    }

  g_clear_pointer (&self->layout, g_array_unref);
  self->layout = lay;
}

/* --- public API ----------------------------------------------------------- */

HlStippler *
hl_stippler_new (void)
{
  HlStippler *self = g_new0 (HlStippler, 1);

  self->zones = g_ptr_array_new_with_free_func (hl_stippler_zone_cache_free);
  self->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  self->hair_area = hl_rect_from_points (NULL, 0);
  self->clip = hl_rect_from_points (NULL, 0);
  self->head_stretch = 1.0;

  return self;
}

void
hl_stippler_free (HlStippler *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->zones);
  g_clear_pointer (&self->layout, g_array_unref);
  hl_stippler_free_edges_clear (&self->free_edges);
  g_clear_pointer (&self->hairline, hl_curve_unref);
  hl_segment_index_free (self->hair_index);
  g_clear_pointer (&self->scalp, hl_curve_unref);
  hl_segment_index_free (self->scalp_index);
  g_array_unref (self->dots);
  g_clear_pointer (&self->edits, g_array_unref);
  hl_stippler_eraser_clear (&self->eraser);
  g_clear_pointer (&self->scalp_areas, g_hash_table_unref);
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
  clip = hl_stippler_view_clip (view);
  ref = hl_stippler_reference_density (view);
  pseed = hl_stippler_plane_seed (view, design_seed);

  if (hl_stippler_update_head (self, view) || ref != self->ref_density || pseed != self->plane_seed)
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
  if (update_scalp (self, view))
    {
      hair_changed = TRUE;
      hair_all = TRUE;
    }

  /* Match the view's zones with cached ones. */
  old = self->zones;
  fresh = g_ptr_array_new_with_free_func (hl_stippler_zone_cache_free);

  /* Progress counts candidates, the measure of the work (capped as the
   * engine caps it); the final filtering takes the last tenth. */
  self->cancellable = cancellable;
  self->progress = progress;
  self->progress_data = user_data;
  self->work_done = 0.0;
  self->work_total = 0.0;
  for (guint i = 0; progress != NULL && i < view->zones->len; i++)
    self->work_total += MIN (hl_stippler_zone_estimate (g_ptr_array_index (view->zones, i), m, clip, ref),
                             (double) HL_STIPPLE_MAX_CANDIDATES) + 1.0;

  for (guint i = 0; i < view->zones->len; i++)
    {
      HlZone *zone = g_ptr_array_index (view->zones, i);
      ZoneCache *zc = NULL;
      gboolean need_hair = FALSE;
      double estimate = hl_stippler_zone_estimate (zone, m, clip, ref);
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
          zc = hl_stippler_zone_cache_new (self, zone, within_budget);
          need_hair = TRUE;
        }
      if (zc == NULL)
        {
          /* Cancelled while making the zone's candidates. */
          keep_partial (self, old, fresh, hair_changed);
          return FALSE;
        }

      if (need_hair || (hair_changed && hair_all))
        hl_stippler_zone_cache_update_hair (self, zc, NULL);
      else if (hair_changed)
        hl_stippler_zone_cache_update_hair (self, zc, &hair_area);

      g_ptr_array_add (fresh, zc);
      self->work_done += MIN (estimate, (double) HL_STIPPLE_MAX_CANDIDATES) + 1.0;
    }
  g_ptr_array_unref (old);
  self->zones = fresh;

  update_layout (self);
  update_edits (self, view);

  /* Assemble the output: clean cells are copied, dirty cells re-filtered. */
  {
    /* At most every candidate and every added dot: reserved, not touched,
     * so the array is never copied as it grows. */
    gsize bound = self->edits != NULL ? self->edits->len : 0;
    GArray *out;

    for (guint i = 0; i < self->zones->len; i++)
      bound += ((ZoneCache *) g_ptr_array_index (self->zones, i))->cands->len;
    out = g_array_sized_new (FALSE, FALSE, sizeof (HlDot), (guint) MIN (bound, G_MAXUINT / 2));

    for (guint i = 0; i < self->zones->len; i++)
      hl_stippler_zone_cache_emit (self, g_ptr_array_index (self->zones, i), i, self->dots, out);
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y);
}

/* How much of @zone lies outside the scalp outline, and, of a zone that
 * follows the hairline, on the scalp in front of the hairline (px²),
 * sampled row by row: each row's crossings of the zone's outline say which
 * samples are in the zone (even-odd, as the engine's outline index). */
enum { AREA_OUTSIDE, AREA_OFF_SCALP, AREA_BEHIND, AREA_FRONT };

/* Whether sample @p (on the scalp, in @zc's zone) lies in front of the
 * hairline. */
static gboolean
area_in_front (HlStippler      *self,
               const ZoneCache *zc,
               HlPoint          p)
{
  return zc->zone->params.follows_hairline && self->hair_index != NULL &&
         hl_segment_index_in_front (self->hair_index, p);
}

/* Measures again the samples of @zc in area_dirty (the hairline moved
 * there alone: which samples are in the zone and on the scalp has not
 * changed), as a whole measure would. */
static void
zone_areas_update (HlStippler *self,
                   ZoneCache  *zc)
{
  HlRect d = zc->area_dirty;

  for (guint j = 0; j < zc->area_ny; j++)
    {
      if (zc->area_ys[j] < d.y0 || zc->area_ys[j] > d.y1)
        continue;
      for (guint i = 0; i < zc->area_nx; i++)
        {
          guint8 *v = &zc->area_samples[(gsize) j * zc->area_nx + i];
          HlPoint p = { zc->area_xs[i], zc->area_ys[j] };
          guint8 now;

          if (*v < AREA_BEHIND || p.x < d.x0 || p.x > d.x1)
            continue;
          now = area_in_front (self, zc, p) ? AREA_FRONT : AREA_BEHIND;
          if (now == *v)
            continue;
          if (now == AREA_FRONT)
            zc->area_n_front++;
          else
            zc->area_n_front--;
          *v = now;
        }
    }
  zc->area_dirty = hl_rect_from_points (NULL, 0);
}

/* How much of @zc's zone lies outside the scalp outline, and, of a zone
 * that follows the hairline, on the scalp in front of the hairline (px²),
 * sampled row by row: each row's crossings of the zone's outline say which
 * samples are in the zone (even-odd, as the engine's outline index). The
 * samples are kept (zone_areas_update()). */
static void
zone_areas (HlStippler *self,
            ZoneCache  *zc)
{
  const HlZone *zone = zc->zone;
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n);
  HlRect box = hl_rect_from_points (poly, n);
  gboolean front = zone->params.follows_hairline && self->hair_index != NULL;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double step;

  g_clear_pointer (&zc->area_samples, g_free);
  g_clear_pointer (&zc->area_xs, g_free);
  g_clear_pointer (&zc->area_ys, g_free);
  zc->area_nx = zc->area_ny = 0;
  zc->area_n_out = zc->area_n_front = 0;
  zc->area_step = 0.0;
  zc->area_dirty = hl_rect_from_points (NULL, 0);
  if (n < 3 || hl_rect_is_empty (box) || (self->scalp_index == NULL && !front))
    return;
  hl_stippler_hair_index_whole (self);

  step = MAX (box.x1 - box.x0, box.y1 - box.y0) / 200.0;
  if (!(step > 0.0))
    return;
  zc->area_step = step;
  /* The samples' places, stepped as they always were. */
  for (double x = box.x0 + step * 0.5; x < box.x1; x += step)
    zc->area_nx++;
  for (double y = box.y0 + step * 0.5; y < box.y1; y += step)
    zc->area_ny++;
  zc->area_xs = g_new (double, MAX (zc->area_nx, 1));
  zc->area_ys = g_new (double, MAX (zc->area_ny, 1));
  zc->area_samples = g_new0 (guint8, MAX ((gsize) zc->area_nx * zc->area_ny, 1));
  {
    guint i = 0;

    for (double x = box.x0 + step * 0.5; x < box.x1 && i < zc->area_nx; x += step)
      zc->area_xs[i++] = x;
    i = 0;
    for (double y = box.y0 + step * 0.5; y < box.y1 && i < zc->area_ny; y += step)
      zc->area_ys[i++] = y;
  }

  for (guint j = 0; j < zc->area_ny; j++)
    {
      double y = zc->area_ys[j];
      guint k = 0;

      g_array_set_size (xs, 0);
      for (guint i = 0, l = n - 1; i < n; l = i++)
        {
          HlPoint a = poly[i], b = poly[l];

          if ((a.y > y) != (b.y > y))
            {
              double x = (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x;

              g_array_append_val (xs, x);
            }
        }
      g_array_sort (xs, compare_doubles);

      for (guint i = 0; i < zc->area_nx; i++)
        {
          HlPoint p = { zc->area_xs[i], y };
          guint8 *v = &zc->area_samples[(gsize) j * zc->area_nx + i];

          while (k < xs->len && g_array_index (xs, double, k) <= p.x)
            k++;
          if (k % 2 == 0)
            *v = AREA_OUTSIDE;
          else if (!hl_stippler_on_scalp (self, p))
            {
              *v = AREA_OFF_SCALP;
              zc->area_n_out++;
            }
          else if (front && area_in_front (self, zc, p))
            {
              *v = AREA_FRONT;
              zc->area_n_front++;
            }
          else
            *v = AREA_BEHIND;
        }
    }
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
  stats->image_area_cm2 = hl_curve_area (zc->zone->boundary) * self->mm_per_px * self->mm_per_px / 100.0;
  stats->on_scalp = self->has_head;
  stats->area_cm2 = stats->image_area_cm2;
  if (self->has_head)
    stats->area_cm2 = hl_stippler_zone_scalp_px2 (self, zc->zone) * self->mm_per_px * self->mm_per_px / 100.0;
  stats->expected_dots = expected ? hl_stippler_zone_cache_expected (self, zc, index) : -1.0;
  if (zc->cell_out != NULL)
    {
      G_STATIC_ASSERT (sizeof stats->session_dots == sizeof zc->session_dots);

      stats->dots = zc->cell_out[(gsize) zc->gnx * zc->gny];
      memcpy (stats->session_dots, zc->session_dots, sizeof stats->session_dots);
    }
  stats->mm_per_px = self->mm_per_px;
  stats->calibrated = self->calibrated;
  stats->too_large = zc->too_large;
  stats->over_budget = zc->over_budget;
  if (!zc->areas_valid)
    {
      zone_areas (self, zc);
      zc->areas_valid = TRUE;
    }
  else if (!hl_rect_is_empty (zc->area_dirty))
    zone_areas_update (self, zc);
  zc->outside_px2 = zc->area_n_out * zc->area_step * zc->area_step;
  zc->front_px2 = zc->area_n_front * zc->area_step * zc->area_step;
  stats->outside_scalp_cm2 = zc->outside_px2 * self->mm_per_px * self->mm_per_px / 100.0;
  stats->in_front_of_hairline_cm2 = zc->front_px2 * self->mm_per_px * self->mm_per_px / 100.0;

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

/* The zone's area in the photo's plane, which the parts off the scalp
 * and in front of the hairline are measured in. */
static double
plane_area (const HlZoneStats *stats)
{
  return stats->image_area_cm2 > 0.0 ? stats->image_area_cm2 : stats->area_cm2;
}

HlZoneShortfall
hl_zone_stats_get_shortfall (const HlZoneStats *stats)
{
  HlZoneShortfall r = HL_ZONE_SHORT_NONE;
  double area;

  g_return_val_if_fail (stats != NULL, HL_ZONE_SHORT_NONE);

  area = plane_area (stats);
  if (stats->too_large)
    r |= stats->over_budget ? HL_ZONE_SHORT_OVER_BUDGET : HL_ZONE_SHORT_TOO_LARGE;
  if (area > 0.0 && stats->outside_scalp_cm2 >= 0.01 * area)
    r |= HL_ZONE_SHORT_OUTSIDE_SCALP;
  if (area > 0.0 && stats->in_front_of_hairline_cm2 >= 0.01 * area)
    r |= HL_ZONE_SHORT_FRONT_OF_HAIRLINE;
  return r;
}

const char *
hl_zone_shortfall_to_string (HlZoneShortfall reason)
{
  switch (reason)
    {
    case HL_ZONE_SHORT_OUTSIDE_SCALP:
      return "outside_scalp";
    case HL_ZONE_SHORT_FRONT_OF_HAIRLINE:
      return "in_front_of_hairline";
    case HL_ZONE_SHORT_TOO_LARGE:
      return "too_large";
    case HL_ZONE_SHORT_OVER_BUDGET:
      return "over_budget";
    case HL_ZONE_SHORT_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
hl_zone_stats_explain (const HlZoneStats *stats)
{
  HlZoneShortfall r;
  GString *s;

  g_return_val_if_fail (stats != NULL, NULL);

  r = hl_zone_stats_get_shortfall (stats);
  if (r == HL_ZONE_SHORT_NONE)
    return NULL;

  s = g_string_new (NULL);
  if (r & HL_ZONE_SHORT_TOO_LARGE)
    g_string_append (s, _("Left empty: the zone would need too many dots."));
  if (r & HL_ZONE_SHORT_OVER_BUDGET)
    g_string_append (s, _("Left empty: the zones above it use the view's whole dot budget."));
  if (r & HL_ZONE_SHORT_OUTSIDE_SCALP)
    {
      double pc = 100.0 * MIN (stats->outside_scalp_cm2 / plane_area (stats), 1.0);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      if (pc >= 99.5)
        g_string_append (s, _("The zone lies outside the scalp outline: no dots there."));
      else
        /* Translators: a percentage of the zone's area. */
        g_string_append_printf (s, _("%.0f %% of the zone lies outside the scalp outline: no dots there."), pc);
    }
  if (r & HL_ZONE_SHORT_FRONT_OF_HAIRLINE)
    {
      double pc = 100.0 * MIN (stats->in_front_of_hairline_cm2 / plane_area (stats), 1.0);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      /* Translators: a percentage of the zone's area; sentinels are the few
       * isolated dots placed ahead of the hairline. */
      g_string_append_printf (s, _("%.0f %% of the zone lies in front of the hairline it follows: "
                                   "only sentinel dots there."), pc);
    }
  return g_string_free (s, FALSE);
}

double
hl_stipple_zone_estimate (const HlView *view,
                          const HlZone *zone)
{
  g_return_val_if_fail (view != NULL, 0.0);
  g_return_val_if_fail (zone != NULL, 0.0);

  return hl_stippler_zone_estimate (zone, hl_view_get_mm_per_px (view, NULL), hl_stippler_view_clip (view),
                        hl_stippler_reference_density (view));
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

