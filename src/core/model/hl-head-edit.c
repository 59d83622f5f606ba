/* hl-head-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-error.h"
#include "hl-head-edit.h"
#include "hl-head-fit.h"

/* The unit each field's range is given in, as the file's reader says it. */
static const char *
unit_of (const char *field)
{
  if (g_str_has_suffix (field, "_deg"))
    return _("°");
  if (g_str_has_suffix (field, "_mm"))
    return _(" mm");
  if (g_str_equal (field, "scale"))
    return _(" px/mm");
  return _(" px");
}

HlDesign *
hl_head_edit_set (const HlDesign     *design,
                  guint               view,
                  const HlHeadModel  *model,
                  const HlHeadPose   *pose,
                  GError            **error)
{
  g_autoptr(HlDesign) out = NULL;
  const HlView *v;
  const char *field = NULL;
  double lo = 0.0, hi = 0.0;
  gboolean chart;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (model != NULL && pose != NULL, NULL);

  if (view >= hl_design_get_n_views (design))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID, _("views[%u]: no such view"), view);
      return NULL;
    }
  v = hl_design_get_view (design, view);
  chart = v->photo.chart != NULL;
  if (!hl_head_model_check (model, &field, &lo, &hi))
    {
      /* Translators: a JSON path, then the range a value must lie in. */
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID, _("head.%s: must be %g–%g%s"), field, lo, hi, unit_of (field));
      return NULL;
    }
  if (!hl_head_pose_check (pose, &field, &lo, &hi))
    {
      /* Translators: a JSON path, then the range a value must lie in. */
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID, _("views[%u].pose.%s: must be %g–%g%s"), view, field, lo, hi,
                   unit_of (field));
      return NULL;
    }
  /* A chart is drawn from its own head: only its pose may change. */
  if (chart && v->has_head && memcmp (model, &v->head, sizeof *model) != 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_INVALID,
                   _("views[%u]: a head chart is drawn from its own head; only its pose can change"), view);
      return NULL;
    }

  out = hl_design_copy (design);
  if (!chart)
    {
      out->has_head = TRUE;
      out->head = *model;
    }
  for (guint i = 0; i < hl_design_get_n_views (out); i++)
    {
      const HlView *vi = hl_design_get_view (out, i);
      g_autoptr(HlView) copy = NULL;

      if (i == view)
        {
          copy = hl_view_copy (vi);
          hl_view_set_head (copy, model, pose);
          hl_view_set_head_reason (copy, NULL);
        }
      else if (!chart && vi->has_head && vi->photo.chart == NULL)
        {
          /* The design's other posed photos see the new head. */
          copy = hl_view_copy (vi);
          hl_view_set_head (copy, model, &vi->pose);
        }
      if (copy != NULL)
        hl_design_replace_view (out, i, copy);
    }
  return g_steal_pointer (&out);
}

void
hl_head_edit_initial (const HlDesign *design,
                      guint           view,
                      HlHeadModel    *model,
                      HlHeadPose     *pose)
{
  const HlView *v;
  double m;

  g_return_if_fail (design != NULL && view < hl_design_get_n_views (design));
  g_return_if_fail (model != NULL && pose != NULL);

  v = hl_design_get_view (design, view);
  if (v->has_head)
    {
      *model = v->head;
      *pose = v->pose;
      return;
    }
  if (hl_head_fit_view (v, model, pose, NULL))
    return;
  *model = design->has_head ? design->head : hl_head_model_default ();
  m = hl_view_get_mm_per_px (v, NULL);
  *pose = (HlHeadPose) { 0.0, 0.0, 0.0, CLAMP (1.0 / m, HL_HEAD_POSE_MIN_SCALE, HL_HEAD_POSE_MAX_SCALE),
                         v->photo.width > 0 ? v->photo.width / 2.0 : 0.0,
                         v->photo.height > 0 ? v->photo.height / 2.0 : 0.0 };
}
