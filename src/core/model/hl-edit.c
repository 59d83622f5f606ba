/* hl-edit.c: pure "design with X changed" builders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-edit.h"
#include "hl-head-fit.h"
#include "hl-error.h"
#include "hl-measure.h"

#define VIEW_OK(design, view) \
  ((design) != NULL && (view) < hl_design_get_n_views (design))

/* A new design: @design with view @index replaced by @view (transfer
 * full). */
static HlDesign *
with_view (const HlDesign *design,
           guint           index,
           HlView         *view)
{
  HlDesign *copy;

  g_assert (design != NULL && view != NULL);
  g_assert (index < hl_design_get_n_views (design));

  copy = hl_design_copy (design);
  hl_design_replace_view (copy, index, view);
  return copy;
}

/* An unshared copy of view @index (transfer full). */
static HlView *
copy_view (const HlDesign *design,
           guint           index)
{
  g_assert (VIEW_OK (design, index));
  return hl_view_copy (hl_design_get_view (design, index));
}

HlDesign *
hl_edit_set_hairline (const HlDesign *design,
                      guint           view,
                      HlCurve        *hairline)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (hairline == NULL || !hl_curve_is_closed (hairline), NULL);

  v = copy_view (design, view);
  hl_view_set_hairline (v, hairline);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_set_scalp_outline (const HlDesign *design,
                           guint           view,
                           HlCurve        *outline)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (outline == NULL || hl_scalp_outline_check (outline, NULL), NULL);

  v = copy_view (design, view);
  hl_view_set_scalp_outline (v, outline);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_add_zone (const HlDesign *design,
                  guint           view,
                  HlZone         *zone)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (hl_view_get_n_zones (hl_design_get_view (design, view)) < HL_VIEW_MAX_ZONES, NULL);

  v = copy_view (design, view);
  hl_view_append_zone (v, zone);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_replace_zone (const HlDesign *design,
                      guint           view,
                      guint           index,
                      HlZone         *zone)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (index < hl_view_get_n_zones (hl_design_get_view (design, view)), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  v = copy_view (design, view);
  hl_view_replace_zone (v, index, zone);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_remove_zone (const HlDesign *design,
                     guint           view,
                     guint           index)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (index < hl_view_get_n_zones (hl_design_get_view (design, view)), NULL);

  v = copy_view (design, view);
  hl_view_remove_zone (v, index);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_move_zone (const HlDesign *design,
                   guint           view,
                   guint           from,
                   guint           to)
{
  const HlView *old;
  g_autoptr(HlView) v = NULL;
  g_autoptr(GPtrArray) order = NULL;
  guint n;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  old = hl_design_get_view (design, view);
  n = hl_view_get_n_zones (old);
  g_return_val_if_fail (from < n && to < n, NULL);

  /* The zones in their new order (borrowed from @old, which outlives
   * this), then the copy's list rebuilt from it. */
  order = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (i != from)
      g_ptr_array_add (order, hl_view_get_zone (old, i));
  g_ptr_array_insert (order, (int) to, hl_view_get_zone (old, from));

  v = copy_view (design, view);
  while (hl_view_get_n_zones (v) > 0)
    hl_view_remove_zone (v, hl_view_get_n_zones (v) - 1);
  for (guint i = 0; i < n; i++)
    hl_view_append_zone (v, g_ptr_array_index (order, i));
  return with_view (design, view, v);
}

/* A new design where zone @index of view @view is a copy that @change
 * edited (transfer full). */
typedef void (*ZoneChange) (HlZone *zone, gconstpointer data);

static HlDesign *
change_zone (const HlDesign *design,
             guint           view,
             guint           index,
             ZoneChange      change,
             gconstpointer   data)
{
  g_autoptr(HlZone) zone = NULL;

  g_assert (VIEW_OK (design, view));
  g_assert (index < hl_view_get_n_zones (hl_design_get_view (design, view)));

  zone = hl_zone_copy (hl_view_get_zone (hl_design_get_view (design, view), index));
  change (zone, data);
  return hl_edit_replace_zone (design, view, index, zone);
}

static void
change_boundary (HlZone        *zone,
                 gconstpointer  data)
{
  hl_zone_set_boundary (zone, (HlCurve *) data);
}

static void
change_params (HlZone        *zone,
               gconstpointer  data)
{
  hl_zone_set_params (zone, data);
}

static void
change_name (HlZone        *zone,
             gconstpointer  data)
{
  hl_zone_set_name (zone, data);
}

static void
change_kind (HlZone        *zone,
             gconstpointer  data)
{
  hl_zone_set_kind (zone, *(const HlZoneKind *) data);
}

#define ZONE_OK(design, view, index) \
  (VIEW_OK (design, view) && (index) < hl_view_get_n_zones (hl_design_get_view (design, view)))

HlDesign *
hl_edit_set_zone_boundary (const HlDesign *design,
                           guint           view,
                           guint           index,
                           HlCurve        *boundary)
{
  g_return_val_if_fail (ZONE_OK (design, view, index), NULL);
  g_return_val_if_fail (boundary != NULL && hl_curve_is_closed (boundary), NULL);

  return change_zone (design, view, index, change_boundary, boundary);
}

HlDesign *
hl_edit_set_zone_params (const HlDesign     *design,
                         guint               view,
                         guint               index,
                         const HlZoneParams *params)
{
  g_return_val_if_fail (ZONE_OK (design, view, index), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  return change_zone (design, view, index, change_params, params);
}

HlDesign *
hl_edit_set_zone_name (const HlDesign *design,
                       guint           view,
                       guint           index,
                       const char     *name)
{
  g_return_val_if_fail (ZONE_OK (design, view, index), NULL);
  g_return_val_if_fail (name != NULL && g_utf8_validate (name, -1, NULL), NULL);

  return change_zone (design, view, index, change_name, name);
}

/* Whether @name is one hl_edit_new_zone_name() gives zones of @kind:
 * the kind's title, or the title and a number from 2. */
static gboolean
is_default_name (const char *name,
                 HlZoneKind  kind)
{
  const char *title = kind == HL_ZONE_CUSTOM ? C_("zone name", "Zone") : hl_zone_kind_get_label (kind);

  if (g_strcmp0 (name, title) == 0)
    return TRUE;
  for (guint k = 2; k <= HL_VIEW_MAX_ZONES + 1; k++)
    {
      g_autofree char *numbered = g_strdup_printf (C_("zone name", "%s %u"), title, k);

      if (g_strcmp0 (name, numbered) == 0)
        return TRUE;
    }
  return FALSE;
}

HlDesign *
hl_edit_set_zone_kind (const HlDesign *design,
                       guint           view,
                       guint           index,
                       HlZoneKind      kind)
{
  const HlView *v;
  const HlZone *zone;
  g_autoptr(HlDesign) changed = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZONE_OK (design, view, index), NULL);
  g_return_val_if_fail (kind <= HL_ZONE_CUSTOM, NULL);

  /* A zone still called by its kind ("Frontal band", "Temple 2") takes
   * its new kind's name; a name given by hand stays. */
  v = hl_design_get_view (design, view);
  zone = hl_view_get_zone (v, index);
  changed = change_zone (design, view, index, change_kind, &kind);
  if (zone->kind == kind || !is_default_name (zone->name, zone->kind))
    return g_steal_pointer (&changed);
  name = hl_edit_new_zone_name (v, kind);
  return hl_edit_set_zone_name (changed, view, index, name);
}

HlDesign *
hl_edit_set_landmark (const HlDesign *design,
                      guint           view,
                      HlLandmark      landmark,
                      gboolean        set,
                      HlPoint         p)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (landmark < HL_N_LANDMARKS, NULL);
  g_return_val_if_fail (!set || hl_point_is_finite (p), NULL);

  v = copy_view (design, view);
  hl_view_set_landmark (v, landmark, set, set ? p : (HlPoint) { 0, 0 });
  return with_view (design, view, v);
}

HlDesign *
hl_edit_set_calibration (const HlDesign      *design,
                         guint                view,
                         const HlCalibration *calibration)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (calibration != NULL, NULL);
  g_return_val_if_fail (calibration->source == HL_CALIBRATION_NONE ||
                        (isfinite (calibration->mm_per_px) && calibration->mm_per_px > 0.0), NULL);

  v = copy_view (design, view);
  hl_view_set_calibration (v, calibration);
  return with_view (design, view, v);
}

HlDesign *
hl_edit_append_edits (const HlDesign  *design,
                      guint            view,
                      const HlDotEdit *edits,
                      guint            n_edits)
{
  g_autoptr(HlView) v = NULL;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (edits != NULL || n_edits == 0, NULL);
  g_return_val_if_fail (hl_design_get_view (design, view)->edits->len + (gsize) n_edits <= HL_VIEW_MAX_EDITS, NULL);
  for (guint i = 0; i < n_edits; i++)
    g_return_val_if_fail (hl_point_is_finite (edits[i].p), NULL);

  v = copy_view (design, view);
  for (guint i = 0; i < n_edits; i++)
    hl_view_append_edit (v, &edits[i]);
  return with_view (design, view, v);
}

static gboolean
has_zone_named (const HlView *view,
                const char   *name)
{
  for (guint i = 0; i < hl_view_get_n_zones (view); i++)
    if (g_strcmp0 (hl_view_get_zone (view, i)->name, name) == 0)
      return TRUE;
  return FALSE;
}

char *
hl_edit_new_zone_name (const HlView *view,
                       HlZoneKind    kind)
{
  /* "Custom" names a kind in lists; a zone of it is just a zone. */
  const char *title = kind == HL_ZONE_CUSTOM ? C_("zone name", "Zone") : hl_zone_kind_get_label (kind);

  g_return_val_if_fail (view != NULL, NULL);

  if (!has_zone_named (view, title))
    return g_strdup (title);

  for (guint k = 2;; k++)
    {
      /* Translators: a new zone's name when its kind's title is taken, e.g. "Temple 2". */
      g_autofree char *name = g_strdup_printf (C_("zone name", "%s %u"), title, k);

      if (!has_zone_named (view, name))
        return g_steal_pointer (&name);
    }
}

/* MurmurHash3's finaliser: spreads consecutive numbers over 32 bits. */
static guint32
mix32 (guint32 h)
{
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

guint32
hl_edit_new_zone_seed (const HlView *view)
{
  g_return_val_if_fail (view != NULL, 1);

  for (guint32 k = hl_view_get_n_zones (view) + 1;; k++)
    {
      guint32 seed = mix32 (k * 0x9e3779b9u);
      gboolean used = FALSE;

      for (guint i = 0; i < hl_view_get_n_zones (view) && !used; i++)
        used = hl_view_get_zone (view, i)->params.seed == seed;
      if (!used)
        return seed;
    }
}

/* @band (transfer full) brought inside @outline: each control point off
 * the scalp moves onto the outline, half a millimetre inside it, and
 * points that fall together merge. When that does not give a band of 3
 * points or more whose line does not cross itself, @band is returned as it
 * was (the engine still places no dot off the scalp). Transfer full. */
static HlCurve *
clip_band_to_outline (HlCurve      *band,
                      const HlCurve *outline,
                      double         margin_px)
{
  guint n_out, n = hl_curve_get_n_points (band);
  const HlPoint *ring = hl_curve_get_polyline (outline, &n_out);
  const HlPoint *pts = hl_curve_get_points (band);
  g_autoptr(GArray) np = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  g_autoptr(GArray) nc = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gboolean moved = FALSE;
  HlCurve *clipped;
  const HlPoint *poly;
  guint n_poly;

  for (guint i = 0; i < n; i++)
    {
      HlPoint p = pts[i];
      gboolean corner = hl_curve_is_corner (band, i);

      if (!hl_polygon_contains (ring, n_out, p))
        {
          HlPoint q = hl_polygon_nearest_point (ring, n_out, p);
          double d = hl_point_distance (p, q);
          HlPoint in = q;

          if (d > 0.0)
            in = (HlPoint) { q.x + (q.x - p.x) / d * margin_px, q.y + (q.y - p.y) / d * margin_px };
          p = hl_polygon_contains (ring, n_out, in) ? in : q;
          moved = TRUE;
        }
      if (np->len > 0 && hl_point_distance (p, g_array_index (np, HlPoint, np->len - 1)) < 1.0)
        {
          g_array_index (nc, gboolean, nc->len - 1) |= corner;
          continue;
        }
      g_array_append_val (np, p);
      g_array_append_val (nc, corner);
    }
  while (np->len > 1 && hl_point_distance (g_array_index (np, HlPoint, 0),
                                           g_array_index (np, HlPoint, np->len - 1)) < 1.0)
    {
      g_array_set_size (np, np->len - 1);
      g_array_set_size (nc, nc->len - 1);
    }

  if (!moved || np->len < 3)
    return band;
  clipped = hl_curve_new_full ((const HlPoint *) (gconstpointer) np->data,
                               (const gboolean *) (gconstpointer) nc->data, np->len, TRUE);
  poly = hl_curve_get_polyline (clipped, &n_poly);
  if (!hl_polygon_is_simple (poly, n_poly))
    {
      hl_curve_unref (clipped);
      return band;
    }
  hl_curve_unref (band);
  return clipped;
}

HlDesign *
hl_edit_add_frontal_band (const HlDesign *design,
                          guint           view,
                          double          depth_mm,
                          GError        **error)
{
  const HlView *v;
  g_autoptr(HlCurve) band = NULL;
  g_autoptr(HlZone) zone = NULL;
  g_autofree char *name = NULL;
  HlZoneParams params;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  v = hl_design_get_view (design, view);
  if (!(isfinite (depth_mm) && depth_mm > 0.0 && depth_mm <= 1000.0))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   _("The band's depth must be more than 0 and at most 1000 mm"));
      return NULL;
    }
  if (hl_view_get_n_zones (v) >= HL_VIEW_MAX_ZONES)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE, "The view already has %d zone", "The view already has %d zones",
                                HL_VIEW_MAX_ZONES), HL_VIEW_MAX_ZONES);
      return NULL;
    }

  band = hl_measure_band_behind_hairline (v, depth_mm);
  if (band == NULL)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID,
                           _("Draw the hairline first: the band follows it"));
      return NULL;
    }

  if (hl_view_get_scalp_outline (v) != NULL)
    band = clip_band_to_outline (g_steal_pointer (&band), hl_view_get_scalp_outline (v),
                                 0.5 / hl_view_get_mm_per_px (v, NULL));

  hl_zone_params_init_for_kind (&params, HL_ZONE_FRONTAL);
  params.seed = hl_edit_new_zone_seed (v);
  name = hl_edit_new_zone_name (v, HL_ZONE_FRONTAL);
  zone = hl_zone_new (name, HL_ZONE_FRONTAL, band, &params);
  return hl_edit_add_zone (design, view, zone);
}

/* The face's midline in @v: a point on it and its direction (unit). */
static gboolean
face_midline (const HlView  *v,
              HlPoint       *at,
              HlPoint       *along,
              GError       **error)
{
  const HlLandmarkPoint *left = &v->landmarks[HL_LANDMARK_LEFT_PUPIL];
  const HlLandmarkPoint *right = &v->landmarks[HL_LANDMARK_RIGHT_PUPIL];

  if (hl_measure_midline (v, at, along))
    return TRUE;
  /* Without the glabella: through the middle of the pupils, square to
   * their line. */
  *along = (HlPoint) { 0.0, 1.0 };
  if (left->set && right->set && hl_point_distance (left->p, right->p) >= 1.0)
    {
      double d = hl_point_distance (left->p, right->p);

      *along = (HlPoint) { -(left->p.y - right->p.y) / d, (left->p.x - right->p.x) / d };
      *at = (HlPoint) { (left->p.x + right->p.x) / 2.0, (left->p.y + right->p.y) / 2.0 };
      return TRUE;
    }
  /* The front, top and back charts are drawn symmetric about their
   * middle; a side chart has no other side in it. */
  if (v->photo.chart != NULL && v->photo.width > 0 &&
      (g_str_equal (v->photo.chart, "front") || g_str_equal (v->photo.chart, "top") ||
       g_str_equal (v->photo.chart, "back")))
    {
      *at = (HlPoint) { v->photo.width / 2.0, 0.0 };
      return TRUE;
    }
  if (v->photo.chart != NULL)
    g_set_error_literal (error, HL_ERROR, HL_ERROR_ARGUMENT,
                         _("A side view does not show the other side: draw the zone on the other side's view"));
  else
    g_set_error_literal (error, HL_ERROR, HL_ERROR_ARGUMENT,
                         _("Place the pupils or the glabella first: the zone is mirrored across the face's midline"));
  return FALSE;
}

HlDesign *
hl_edit_mirror_zone (const HlDesign  *design,
                     guint            view,
                     guint            index,
                     GError         **error)
{
  const HlView *v;
  const HlZone *zone;
  const HlCurve *boundary;
  g_autoptr(HlCurve) mirrored = NULL;
  g_autoptr(HlZone) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree HlPoint *points = NULL;
  g_autofree gboolean *corners = NULL;
  HlZoneParams params;
  HlPoint at, along;
  guint n;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);
  v = hl_design_get_view (design, view);
  g_return_val_if_fail (index < hl_view_get_n_zones (v), NULL);

  if (hl_view_get_n_zones (v) >= HL_VIEW_MAX_ZONES)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   g_dngettext (GETTEXT_PACKAGE, "The view already has %d zone", "The view already has %d zones",
                                HL_VIEW_MAX_ZONES), HL_VIEW_MAX_ZONES);
      return NULL;
    }
  if (!face_midline (v, &at, &along, error))
    return NULL;

  /* Reflected across the midline, the points in reverse order so that
   * the outline keeps its turning sense. */
  zone = hl_view_get_zone (v, index);
  boundary = zone->boundary;
  n = hl_curve_get_n_points (boundary);
  points = g_new (HlPoint, n);
  corners = g_new (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      HlPoint p = hl_curve_get_points (boundary)[n - 1 - i];
      double t = (p.x - at.x) * along.x + (p.y - at.y) * along.y;
      HlPoint foot = { at.x + t * along.x, at.y + t * along.y };

      points[i] = (HlPoint) { 2.0 * foot.x - p.x, 2.0 * foot.y - p.y };
      corners[i] = hl_curve_is_corner (boundary, n - 1 - i);
    }
  mirrored = hl_curve_new_full (points, corners, n, TRUE);

  params = zone->params;
  params.seed = hl_edit_new_zone_seed (v);
  name = hl_edit_new_zone_name (v, zone->kind);
  copy = hl_zone_new (name, zone->kind, mirrored, &params);
  return hl_edit_add_zone (design, view, copy);
}

HlDesign *
hl_edit_fit_head (const HlDesign  *design,
                  guint            view,
                  GError         **error)
{
  g_autoptr(HlDesign) out = NULL;
  HlHeadModel model;
  HlHeadPose pose;

  g_return_val_if_fail (VIEW_OK (design, view), NULL);

  if (!hl_head_fit_view (hl_design_get_view (design, view), &model, &pose, error))
    return NULL;

  out = hl_design_copy (design);
  out->has_head = TRUE;
  out->head = model;
  for (guint i = 0; i < hl_design_get_n_views (out); i++)
    {
      const HlView *v = hl_design_get_view (out, i);
      g_autoptr(HlView) copy = NULL;

      /* Head charts keep the default head they are drawn from. */
      if (i != view && (!v->has_head || v->photo.chart != NULL))
        continue;
      copy = hl_view_copy (v);
      hl_view_set_head (copy, &model, i == view ? &pose : &v->pose);
      hl_design_replace_view (out, i, copy);
    }
  return g_steal_pointer (&out);
}
