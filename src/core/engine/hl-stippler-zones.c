/* hl-stippler-zones.c: zone preparation: the view's reference density and plane,
 * each zone's candidates inside its outline sorted into world cells, and
 * the free edges of the zones together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-candidates.h"
#include "hl-rng.h"
#include "hl-stippler-private.h"

/* --- zones together ------------------------------------------------------- */

/* The largest area factor over the zones' boxes (sampled on a 17 × 17
 * grid each, plus 5 %), rounded up to a half: a zone's dots need a plane
 * that dense where its scalp turns away most. 1 without a head model.
 * The pose's matrix is made once: this runs at every update. */
static double
reference_factor (const HlView *view)
{
  double top = 1.0, m, k2, mat[3][3];

  if (!view->has_head)
    return 1.0;
  m = hl_view_get_mm_per_px (view, NULL);
  k2 = 1.0 / (view->pose.scale * m * view->pose.scale * m);
  hl_head_pose_get_matrix (&view->pose, mat);
  for (guint i = 0; i < view->zones->len; i++)
    {
      const HlZone *z = g_ptr_array_index (view->zones, i);
      HlRect box = hl_curve_bounds (z->boundary);

      if (hl_rect_is_empty (box) || !(z->params.density > 0.0))
        continue;
      for (int gy = 0; gy <= 16; gy++)
        for (int gx = 0; gx <= 16; gx++)
          {
            HlPoint p = { box.x0 + (box.x1 - box.x0) * gx / 16.0, box.y0 + (box.y1 - box.y0) * gy / 16.0 };
            double r = hl_head_model_area_ratio_fast (&view->head, &view->pose, (const double (*)[3]) mat, p);

            top = MAX (top, (r == 0.0 ? 1.0 : r) * k2);
          }
    }
  top = MIN (top * 1.05, HL_HEAD_MAX_AREA_RATIO * MAX (k2, 1.0));
  return MAX (1.0, ceil (top * 2.0) / 2.0);
}

/* The view's reference density: the largest zone density rounded up to a
 * step (1 up to 10 dots/cm², 2 up to 20, 5 up to 100, 10 up to 200, then
 * 20), so that a small density change keeps the plane, and every dot of
 * the other zones, where it was; and a zone at a round density uses the
 * whole plane. */
double
hl_stippler_reference_density (const HlView *view)
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
  return ceil (top / step) * step * reference_factor (view);
}

/* The plane's seed: the design seed and every zone's seed, so that
 * reshuffling any zone draws the view a new plane. */
guint64
hl_stippler_plane_seed (const HlView *view,
                        guint32       design_seed)
{
  guint32 sum = 0;

  for (guint i = 0; i < view->zones->len; i++)
    sum += ((const HlZone *) g_ptr_array_index (view->zones, i))->params.seed;
  return hl_rng_mix (design_seed, sum);
}

double
hl_stippler_area_factor (const HlStippler *self,
                         HlPoint           p)
{
  double ratio;

  if (!self->has_head)
    return 1.0;
  ratio = hl_head_model_area_ratio_fast (&self->head, &self->pose, self->head_m, p);
  /* Off the cranium (the nape seen from behind): the photo plane, as
   * hl_view_get_area_factor(). */
  return (ratio == 0.0 ? 1.0 : ratio) * self->head_k2;
}

double
hl_stippler_index_field (gconstpointer data,
                         HlPoint       p)
{
  return hl_segment_index_signed_distance (data, p);
}

/* The central differences' half step (px). */
#define FIELD_STEP 0.25

/* The scalp's length (mm) per image pixel at @p across a line of image
 * normal (@nx, @ny): 1 / √(nᵀ G⁻¹ n), G = JᵀJ the scalp's metric there
 * (J: the model's image-to-scalp map differentiated a pixel wide), the
 * shortest way across on the scalp rather than the way across in the
 * image. 0 where the model cannot say (off the head, degenerate). */
static double
scalp_per_px (const HlStippler *self,
              HlPoint           p,
              double            nx,
              double            ny)
{
  double x[4][3], jx[3], jy[3], g11, g12, g22, det, inv;

  const HlHeadModel *h = &self->head;
  const HlHeadPose *pose = &self->pose;
  const double (*m)[3] = (const double (*)[3]) self->head_m;

  if (!hl_head_model_image_to_scalp_fast (h, pose, m, (HlPoint) { p.x + 0.5, p.y }, x[0]) ||
      !hl_head_model_image_to_scalp_fast (h, pose, m, (HlPoint) { p.x - 0.5, p.y }, x[1]) ||
      !hl_head_model_image_to_scalp_fast (h, pose, m, (HlPoint) { p.x, p.y + 0.5 }, x[2]) ||
      !hl_head_model_image_to_scalp_fast (h, pose, m, (HlPoint) { p.x, p.y - 0.5 }, x[3]))
    return 0.0;
  for (guint k = 0; k < 3; k++)
    {
      jx[k] = x[0][k] - x[1][k];
      jy[k] = x[2][k] - x[3][k];
    }
  g11 = jx[0] * jx[0] + jx[1] * jx[1] + jx[2] * jx[2];
  g12 = jx[0] * jy[0] + jx[1] * jy[1] + jx[2] * jy[2];
  g22 = jy[0] * jy[0] + jy[1] * jy[1] + jy[2] * jy[2];
  det = g11 * g22 - g12 * g12;
  if (!(det > 0.0))
    return 0.0;
  /* nᵀ G⁻¹ n with G⁻¹ = adj (G) / det. */
  inv = (g22 * nx * nx - 2.0 * g12 * nx * ny + g11 * ny * ny) / det;
  return inv > 0.0 ? 1.0 / sqrt (inv) : 0.0;
}

double
hl_stippler_scalp_px (const HlStippler *self,
                      HlStipplerField   field,
                      gconstpointer     data,
                      HlPoint           p,
                      double            d_px)
{
  double f[4], gx, gy, len, k0, k1, k2;

  if (!self->has_head || d_px == 0.0 || !(fabs (d_px) < G_MAXDOUBLE))
    return d_px;
  f[0] = field (data, (HlPoint) { p.x + FIELD_STEP, p.y });
  f[1] = field (data, (HlPoint) { p.x - FIELD_STEP, p.y });
  f[2] = field (data, (HlPoint) { p.x, p.y + FIELD_STEP });
  f[3] = field (data, (HlPoint) { p.x, p.y - FIELD_STEP });
  for (guint k = 0; k < 4; k++)
    if (!(fabs (f[k]) < G_MAXDOUBLE))
      return d_px;
  gx = (f[0] - f[1]) / (2.0 * FIELD_STEP);
  gy = (f[2] - f[3]) / (2.0 * FIELD_STEP);
  len = hypot (gx, gy);
  if (!(len > 1e-3))
    return d_px;
  gx /= len;
  gy /= len;

  /* The line lies d back along the field's gradient; the scalp's length
   * per pixel across it, at @p, half-way and at the line, integrated by
   * Simpson's rule (the scalp turns away faster toward a silhouette). */
  k0 = scalp_per_px (self, p, gx, gy);
  k1 = scalp_per_px (self, (HlPoint) { p.x - 0.5 * d_px * gx, p.y - 0.5 * d_px * gy }, gx, gy);
  k2 = scalp_per_px (self, (HlPoint) { p.x - d_px * gx, p.y - d_px * gy }, gx, gy);
  if (!(k0 > 0.0 && k1 > 0.0 && k2 > 0.0))
    return d_px;
  return d_px * (k0 + 4.0 * k1 + k2) / 6.0 / self->mm_per_px;
}

gboolean
hl_stippler_update_head (HlStippler   *self,
                         const HlView *view)
{
  double k;

  if (!view->has_head && !self->has_head)
    return FALSE;
  if (view->has_head && self->has_head &&
      memcmp (&view->head, &self->head, sizeof self->head) == 0 &&
      memcmp (&view->pose, &self->pose, sizeof self->pose) == 0)
    return FALSE;

  self->has_head = view->has_head;
  self->head = view->head;
  self->pose = view->pose;
  if (self->scalp_areas != NULL)
    g_hash_table_remove_all (self->scalp_areas);
  self->head_stretch = 1.0;
  if (view->has_head)
    {
      hl_head_pose_get_matrix (&self->pose, self->head_m);
      k = 1.0 / (self->pose.scale * hl_view_get_mm_per_px (view, NULL));
      self->head_k2 = k * k;
      self->head_stretch = MAX (1.0, 1.0 / k);
    }
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y);
}

static double
zone_scalp_px2 (const HlStippler *self,
                const HlZone     *zone)
{
  guint n;
  const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n);
  HlRect box = hl_rect_from_points (poly, n);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double step, sum = 0.0;

  if (n < 3 || hl_rect_is_empty (box))
    return 0.0;
  step = MAX (box.x1 - box.x0, box.y1 - box.y0) / 200.0;
  if (!(step > 0.0))
    return 0.0;
  /* Row by row: each row's crossings of the outline say which samples are
   * in the zone (even-odd, as the engine's outline index). */
  for (double y = box.y0 + step * 0.5; y < box.y1; y += step)
    {
      guint k = 0;

      g_array_set_size (xs, 0);
      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          HlPoint a = poly[i], b = poly[j];

          if ((a.y > y) != (b.y > y))
            {
              double x = (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x;

              g_array_append_val (xs, x);
            }
        }
      g_array_sort (xs, compare_doubles);
      for (double x = box.x0 + step * 0.5; x < box.x1; x += step)
        {
          while (k < xs->len && g_array_index (xs, double, k) <= x)
            k++;
          if (k % 2 == 1)
            sum += hl_stippler_area_factor (self, (HlPoint) { x, y });
        }
    }
  return sum * step * step;
}

double
hl_stippler_zone_scalp_px2 (HlStippler *self,
                            HlZone     *zone)
{
  double *area;

  if (!self->has_head)
    return hl_curve_area (zone->boundary);
  if (self->scalp_areas == NULL)
    self->scalp_areas = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                               (GDestroyNotify) hl_zone_unref, g_free);
  area = g_hash_table_lookup (self->scalp_areas, zone);
  if (area != NULL)
    return *area;
  /* Zones edited away leave their entries: start over now and then. */
  if (g_hash_table_size (self->scalp_areas) > 4 * HL_VIEW_MAX_ZONES)
    g_hash_table_remove_all (self->scalp_areas);
  area = g_new (double, 1);
  *area = zone_scalp_px2 (self, zone);
  g_hash_table_insert (self->scalp_areas, hl_zone_ref (zone), area);
  return *area;
}

void
hl_stippler_free_edges_clear (FreeEdges *fe)
{
  g_clear_pointer (&fe->start, g_free);
  g_clear_pointer (&fe->segs, g_free);
  fe->nx = fe->ny = 0;
}

/* Collects the outline segments of the active zones that touch no other
 * zone (their midpoint is farther than touch_px outside every other one)
 * and buckets them. Segments whose midpoint lies in @changed (their
 * freedom may have changed) grow *@reach to cover them. */
void
hl_stippler_free_edges_build (HlStippler *self,
                              HlRect      changed,
                              HlRect     *reach)
{
  FreeEdges *fe = &self->free_edges;
  g_autoptr(GArray) segs = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  HlRect area = hl_rect_from_points (NULL, 0);
  double cell = 1.0;
  g_autofree guint *fill = NULL;

  hl_stippler_free_edges_clear (fe);
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

/* --- zone caches ---------------------------------------------------------- */

void
hl_stippler_zone_cache_free (gpointer data)
{
  ZoneCache *zc = data;

  if (zc == NULL)
    return;
  hl_zone_unref (zc->zone);
  g_free (zc->cell_start);
  g_free (zc->cell_out);
  g_free (zc->area_samples);
  g_free (zc->area_xs);
  g_free (zc->area_ys);
  g_clear_pointer (&zc->cands, g_array_unref);
  g_clear_pointer (&zc->near, g_array_unref);
  hl_segment_index_free (zc->outline);
  g_free (zc);
}

/* Candidates in the zone's bounding box clipped to @clip (empty: none) at
 * the view's reference density @ref: an upper bound of what
 * zone_cache_new() stores, and of its work. */
double
hl_stippler_zone_estimate (const HlZone *zone,
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

HlRect
hl_stippler_view_clip (const HlView *view)
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

ZoneCache *
hl_stippler_zone_cache_new (HlStippler *self,
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
  zc->dirty_r0 = zc->dirty_c0 = 1;
  zc->dirty_r1 = zc->dirty_c1 = 0;
  /* Exact within the edge blend, and far enough to see touching zones. */
  reach = MAX (MAX (zp->edge_blend_mm / m * self->head_stretch, self->touch_px), 1.0);
  zc->outline = hl_segment_index_new (poly, n_poly, TRUE, reach, box);
  zc->reach_box = hl_rect_inflate (box, reach);

  if (!hl_rect_is_empty (self->clip))
    box = hl_rect_intersect (box, self->clip);

  estimate = hl_stippler_zone_estimate (zone, m, self->clip, self->ref_density);
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
              hl_stippler_zone_cache_free (zc);
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

void
hl_stippler_zone_cache_mark_cells (ZoneCache *zc,
                                   int        c0,
                                   int        r0,
                                   int        c1,
                                   int        r1)
{
  c0 = MAX (c0, 0);
  c1 = MIN (c1, zc->gnx - 1);
  r0 = MAX (r0, 0);
  r1 = MIN (r1, zc->gny - 1);
  if (r0 > r1 || c0 > c1)
    return;

  if (zc->dirty_r0 > zc->dirty_r1 || zc->dirty_c0 > zc->dirty_c1)
    {
      zc->dirty_r0 = r0;
      zc->dirty_r1 = r1;
      zc->dirty_c0 = c0;
      zc->dirty_c1 = c1;
    }
  else
    {
      zc->dirty_r0 = MIN (zc->dirty_r0, r0);
      zc->dirty_r1 = MAX (zc->dirty_r1, r1);
      zc->dirty_c0 = MIN (zc->dirty_c0, c0);
      zc->dirty_c1 = MAX (zc->dirty_c1, c1);
    }
}

void
hl_stippler_zone_cache_mark_rect (ZoneCache *zc,
                                  HlRect     area)
{
  if (zc->gny == 0 || hl_rect_is_empty (area))
    return;

  hl_stippler_zone_cache_mark_cells (zc, (int) floor (area.x0 / zc->cell_px) - zc->gx0,
                                     (int) floor (area.y0 / zc->cell_px) - zc->gy0,
                                     (int) floor (area.x1 / zc->cell_px) - zc->gx0,
                                     (int) floor (area.y1 / zc->cell_px) - zc->gy0);
}
