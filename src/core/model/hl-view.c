/* hl-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <cjson/cJSON.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-view.h"

#define ASSERT_UNSHARED(v) \
  g_return_if_fail (g_atomic_ref_count_compare (&(v)->ref_count, 1))

static cJSON *
dup_json (const cJSON *json)
{
  return json != NULL ? cJSON_Duplicate (json, TRUE) : NULL;
}

HlView *
hl_view_new (const char *name)
{
  HlView *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_new0 (HlView, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_zone_unref);
  self->edits = g_array_new (FALSE, FALSE, sizeof (HlDotEdit));

  return self;
}

HlView *
hl_view_copy (const HlView *view)
{
  HlView *self;

  g_return_val_if_fail (view != NULL, NULL);

  self = hl_view_new (view->name);
  hl_view_set_photo (self, view->photo.path, view->photo.sha256,
                     view->photo.width, view->photo.height);
  if (view->photo.chart != NULL)
    hl_view_set_chart (self, view->photo.chart, view->photo.width, view->photo.height);
  self->calibration = view->calibration;
  memcpy (self->landmarks, view->landmarks, sizeof self->landmarks);
  if (view->hairline != NULL)
    self->hairline = hl_curve_ref (view->hairline);
  if (view->scalp_outline != NULL)
    self->scalp_outline = hl_curve_ref (view->scalp_outline);
  self->has_head = view->has_head;
  self->head = view->head;
  self->pose = view->pose;
  self->head_reason = g_strdup (view->head_reason);
  for (guint i = 0; i < view->zones->len; i++)
    g_ptr_array_add (self->zones, hl_zone_ref (g_ptr_array_index (view->zones, i)));
  g_array_append_vals (self->edits, view->edits->data, view->edits->len);
  self->extra = dup_json (view->extra);
  self->photo_extra = dup_json (view->photo_extra);
  self->calibration_extra = dup_json (view->calibration_extra);

  return self;
}

HlView *
hl_view_ref (HlView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  g_atomic_ref_count_inc (&view->ref_count);
  return view;
}

void
hl_view_unref (HlView *view)
{
  g_return_if_fail (view != NULL);

  if (g_atomic_ref_count_dec (&view->ref_count))
    {
      g_free (view->name);
      g_free (view->photo.path);
      g_free (view->photo.sha256);
      g_free (view->photo.chart);
      g_clear_pointer (&view->hairline, hl_curve_unref);
      g_clear_pointer (&view->scalp_outline, hl_curve_unref);
      g_free (view->head_reason);
      g_ptr_array_unref (view->zones);
      g_array_unref (view->edits);
      g_clear_pointer (&view->extra, cJSON_Delete);
      g_clear_pointer (&view->photo_extra, cJSON_Delete);
      g_clear_pointer (&view->calibration_extra, cJSON_Delete);
      g_free (view);
    }
}

double
hl_view_get_mm_per_px (const HlView *view,
                       gboolean     *calibrated)
{
  gboolean ok;

  g_return_val_if_fail (view != NULL, HL_DEFAULT_MM_PER_PX);

  ok = view->calibration.source != HL_CALIBRATION_NONE &&
       view->calibration.mm_per_px > 0.0;
  if (calibrated != NULL)
    *calibrated = ok;

  return ok ? view->calibration.mm_per_px : HL_DEFAULT_MM_PER_PX;
}

guint
hl_view_get_n_zones (const HlView *view)
{
  g_return_val_if_fail (view != NULL, 0);
  return view->zones->len;
}

HlZone *
hl_view_get_zone (const HlView *view,
                  guint         index)
{
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (index < view->zones->len, NULL);
  return g_ptr_array_index (view->zones, index);
}

void
hl_view_set_name (HlView     *view,
                  const char *name)
{
  g_return_if_fail (view != NULL && name != NULL);
  ASSERT_UNSHARED (view);

  g_free (view->name);
  view->name = g_strdup (name);
}

void
hl_view_set_photo (HlView     *view,
                   const char *path,
                   const char *sha256,
                   int         width,
                   int         height)
{
  char *new_path, *new_sha;

  g_return_if_fail (view != NULL);
  g_return_if_fail (width >= 0 && height >= 0);
  ASSERT_UNSHARED (view);

  new_path = g_strdup (path);
  new_sha = g_strdup (sha256);
  g_free (view->photo.path);
  g_free (view->photo.sha256);
  view->photo.path = new_path;
  view->photo.sha256 = new_sha;
  view->photo.width = width;
  view->photo.height = height;
  g_clear_pointer (&view->photo.chart, g_free);
}

void
hl_view_set_chart (HlView     *view,
                   const char *chart,
                   int         width,
                   int         height)
{
  char *new_chart;

  g_return_if_fail (view != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (width >= 0 && height >= 0);
  ASSERT_UNSHARED (view);

  new_chart = g_strdup (chart);
  g_clear_pointer (&view->photo.path, g_free);
  g_clear_pointer (&view->photo.sha256, g_free);
  g_free (view->photo.chart);
  view->photo.chart = new_chart;
  view->photo.width = width;
  view->photo.height = height;
}

void
hl_view_set_calibration (HlView              *view,
                         const HlCalibration *calibration)
{
  g_return_if_fail (view != NULL && calibration != NULL);
  ASSERT_UNSHARED (view);

  view->calibration = *calibration;
}

void
hl_view_set_landmark (HlView     *view,
                      HlLandmark  landmark,
                      gboolean    set,
                      HlPoint     p)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (landmark < HL_N_LANDMARKS);
  g_return_if_fail (!set || hl_point_is_finite (p));
  ASSERT_UNSHARED (view);

  view->landmarks[landmark].set = !!set;
  view->landmarks[landmark].p = set ? p : (HlPoint) { 0, 0 };
}

void
hl_view_set_hairline (HlView  *view,
                      HlCurve *hairline)
{
  g_return_if_fail (view != NULL);
  ASSERT_UNSHARED (view);

  if (hairline != NULL)
    hl_curve_ref (hairline);
  g_clear_pointer (&view->hairline, hl_curve_unref);
  view->hairline = hairline;
}

void
hl_view_set_scalp_outline (HlView  *view,
                           HlCurve *outline)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (outline == NULL || hl_curve_is_closed (outline));
  ASSERT_UNSHARED (view);

  if (outline != NULL)
    hl_curve_ref (outline);
  g_clear_pointer (&view->scalp_outline, hl_curve_unref);
  view->scalp_outline = outline;
}

HlCurve *
hl_view_get_scalp_outline (const HlView *view)
{
  HlHeadChart chart;

  g_return_val_if_fail (view != NULL, NULL);

  if (view->scalp_outline != NULL)
    return view->scalp_outline;
  if (view->photo.chart != NULL && hl_head_chart_from_string (view->photo.chart, &chart))
    return hl_head_chart_get_scalp_outline (chart);
  return NULL;
}

gboolean
hl_scalp_outline_check (const HlCurve  *outline,
                        GError        **error)
{
  const HlPoint *poly;
  guint n;

  g_return_val_if_fail (outline != NULL, FALSE);

  if (!hl_curve_is_closed (outline) || hl_curve_get_n_points (outline) < 3)
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID, _("needs at least 3 points"));
      return FALSE;
    }
  poly = hl_curve_get_polyline (outline, &n);
  if (!hl_polygon_is_simple (poly, n))
    {
      g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID, _("crosses itself"));
      return FALSE;
    }
  return TRUE;
}

void
hl_view_append_zone (HlView *view,
                     HlZone *zone)
{
  g_return_if_fail (view != NULL && zone != NULL);
  g_return_if_fail (view->zones->len < HL_VIEW_MAX_ZONES);
  ASSERT_UNSHARED (view);

  g_ptr_array_add (view->zones, hl_zone_ref (zone));
}

void
hl_view_replace_zone (HlView *view,
                      guint   index,
                      HlZone *zone)
{
  g_return_if_fail (view != NULL && zone != NULL);
  g_return_if_fail (index < view->zones->len);
  ASSERT_UNSHARED (view);

  hl_zone_ref (zone);
  hl_zone_unref (g_ptr_array_index (view->zones, index));
  g_ptr_array_index (view->zones, index) = zone;
}

void
hl_view_remove_zone (HlView *view,
                     guint   index)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (index < view->zones->len);
  ASSERT_UNSHARED (view);

  g_ptr_array_remove_index (view->zones, index);
}

void
hl_view_append_edit (HlView          *view,
                     const HlDotEdit *edit)
{
  g_return_if_fail (view != NULL && edit != NULL);
  g_return_if_fail (hl_point_is_finite (edit->p));
  g_return_if_fail (view->edits->len < HL_VIEW_MAX_EDITS);
  ASSERT_UNSHARED (view);

  g_array_append_vals (view->edits, edit, 1);
}

const char *
hl_landmark_to_string (HlLandmark landmark)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_LANDMARK, (int) landmark);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
hl_landmark_from_string (const char *text,
                         HlLandmark *landmark)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_LANDMARK, text, &value))
    return FALSE;
  if (landmark != NULL)
    *landmark = (HlLandmark) value;
  return TRUE;
}

const char *
hl_calibration_source_to_string (HlCalibrationSource source)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_CALIBRATION_SOURCE, (int) source);

  g_return_val_if_fail (nick != NULL, "none");
  return nick;
}

const char *
hl_calibration_source_get_label (HlCalibrationSource source)
{
  static const char * const labels[] = {
    [HL_CALIBRATION_NONE] = NC_("calibration source", "none"),
    [HL_CALIBRATION_RULER] = NC_("calibration source", "ruler"),
    [HL_CALIBRATION_IRIS] = NC_("calibration source", "iris"),
    /* Translators: the interpupillary distance. */
    [HL_CALIBRATION_IPD] = NC_("calibration source", "ipd"),
    [HL_CALIBRATION_MANUAL] = NC_("calibration source", "manual"),
  };

  g_return_val_if_fail (source <= HL_CALIBRATION_MANUAL, "none");
  return g_dpgettext2 (GETTEXT_PACKAGE, "calibration source", labels[source]);
}

gboolean
hl_calibration_source_from_string (const char          *text,
                                   HlCalibrationSource *source)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_CALIBRATION_SOURCE, text, &value))
    return FALSE;
  if (source != NULL)
    *source = (HlCalibrationSource) value;
  return TRUE;
}

void
hl_view_set_head (HlView            *view,
                  const HlHeadModel *head,
                  const HlHeadPose  *pose)
{
  g_return_if_fail (view != NULL);
  g_return_if_fail (head == NULL || pose != NULL);
  ASSERT_UNSHARED (view);

  view->has_head = head != NULL;
  if (head != NULL)
    {
      view->head = *head;
      view->pose = *pose;
      g_clear_pointer (&view->head_reason, g_free);
    }
}

void
hl_view_set_head_reason (HlView     *view,
                         const char *reason)
{
  char *copy;

  g_return_if_fail (view != NULL);
  ASSERT_UNSHARED (view);

  copy = g_strdup (reason);
  g_free (view->head_reason);
  view->head_reason = copy;
}

double
hl_view_get_area_factor (const HlView *view,
                         HlPoint       p)
{
  double ratio, k;

  g_return_val_if_fail (view != NULL, 1.0);

  if (!view->has_head)
    return 1.0;
  ratio = hl_head_model_area_ratio (&view->head, &view->pose, p);
  /* Off the cranium (the nape below it, seen from behind, faces the
   * camera): the photo plane. */
  if (ratio == 0.0)
    ratio = 1.0;
  /* The ratio counts the image in mm at the pose's scale; the engine
   * counts it at the calibration's. */
  k = 1.0 / (view->pose.scale * hl_view_get_mm_per_px (view, NULL));
  return ratio * k * k;
}
