/* hl-design-io-head.c: the head model and the views' poses in design files
 * (format 3).
 *
 *   "head": { "breadth_mm": 152, "length_mm": 200, "height_mm": 125 }
 *   "views": [ { ..., "pose": { "yaw_deg": 0, "pitch_deg": 0, "roll_deg": 0,
 *                              "scale": 10, "centre_x": 1200, "centre_y": 1250 } } ]
 *
 * A view with a pose sees the design's head (the default head when the
 * file names none, and always on a head chart, which is drawn from the
 * default head) and is measured on the scalp; a view without one, and
 * every view of a file before version 3, in the photo's plane. Values
 * outside their plausible ranges (hl-head-model.h, hl-head-pose.h) are
 * refused with their JSON path and range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-design-io-private.h"

static const char * const head_keys[] = { "breadth_mm", "length_mm", "height_mm", NULL };
static const char * const pose_keys[] = {
  "yaw_deg", "pitch_deg", "roll_deg", "scale", "centre_x", "centre_y", NULL
};

static gboolean
read_object (HlReadCtx          *c,
             const cJSON        *parent,
             const char         *key,
             const char * const *keys,
             const cJSON       **item)
{
  gsize mark;
  gboolean ok = TRUE;

  *item = NULL;
  if (!hl_design_io_lookup (c, parent, key, FALSE, item))
    return FALSE;
  if (*item == NULL)
    return TRUE;
  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsObject (*item))
    ok = hl_design_io_invalid (c, _("must be an object"));
  else
    ok = hl_design_io_check_members (c, *item, keys, NULL);
  hl_design_io_pop (c, mark);
  return ok;
}

gboolean
hl_design_io_read_head (HlReadCtx   *c,
                        const cJSON *root,
                        HlDesign    *design)
{
  const cJSON *item = NULL;
  HlHeadModel head = hl_head_model_default ();
  gsize mark;
  gboolean ok;

  if (!read_object (c, root, "head", head_keys, &item))
    return FALSE;
  if (item == NULL)
    return TRUE;
  mark = hl_design_io_push_key (c, "head");
  ok = hl_design_io_read_number (c, item, "breadth_mm", TRUE, HL_HEAD_MIN_BREADTH_MM,
                                 HL_HEAD_MAX_BREADTH_MM, N_(" mm"), &head.breadth_mm) &&
       hl_design_io_read_number (c, item, "length_mm", TRUE, HL_HEAD_MIN_LENGTH_MM,
                                 HL_HEAD_MAX_LENGTH_MM, N_(" mm"), &head.length_mm) &&
       hl_design_io_read_number (c, item, "height_mm", TRUE, HL_HEAD_MIN_HEIGHT_MM,
                                 HL_HEAD_MAX_HEIGHT_MM, N_(" mm"), &head.height_mm);
  hl_design_io_pop (c, mark);
  if (!ok)
    return FALSE;
  design->has_head = TRUE;
  design->head = head;
  return TRUE;
}

gboolean
hl_design_io_read_pose (HlReadCtx      *c,
                        const cJSON    *view_item,
                        const HlDesign *design,
                        HlView         *view)
{
  const cJSON *item = NULL;
  HlHeadPose pose = { 0 };
  /* A head chart is drawn from the default head, whatever the client's. */
  HlHeadModel head = design->has_head && view->photo.chart == NULL ? design->head : hl_head_model_default ();
  gsize mark;
  gboolean ok;

  if (!read_object (c, view_item, "pose", pose_keys, &item))
    return FALSE;
  if (item == NULL)
    return TRUE;
  mark = hl_design_io_push_key (c, "pose");
  ok = hl_design_io_read_number (c, item, "yaw_deg", TRUE, -180.0, 180.0, N_("°"), &pose.yaw_deg) &&
       hl_design_io_read_number (c, item, "pitch_deg", TRUE, -90.0, 90.0, N_("°"), &pose.pitch_deg) &&
       hl_design_io_read_number (c, item, "roll_deg", FALSE, -180.0, 180.0, N_("°"), &pose.roll_deg) &&
       hl_design_io_read_number (c, item, "scale", TRUE, HL_HEAD_POSE_MIN_SCALE, HL_HEAD_POSE_MAX_SCALE,
                                 N_(" px/mm"), &pose.scale) &&
       hl_design_io_read_number (c, item, "centre_x", TRUE, -HL_HEAD_POSE_MAX_CENTRE,
                                 HL_HEAD_POSE_MAX_CENTRE, N_(" px"), &pose.centre_x) &&
       hl_design_io_read_number (c, item, "centre_y", TRUE, -HL_HEAD_POSE_MAX_CENTRE,
                                 HL_HEAD_POSE_MAX_CENTRE, N_(" px"), &pose.centre_y);
  hl_design_io_pop (c, mark);
  if (!ok)
    return FALSE;
  g_assert (hl_head_pose_check (&pose, NULL, NULL, NULL));
  hl_view_set_head (view, &head, &pose);
  return TRUE;
}

static void
add_number (cJSON      *o,
            const char *key,
            double      v)
{
  /* A micrometre, a millidegree: stable files. */
  cJSON_AddNumberToObject (o, key, round (v * 1e6) / 1e6);
}

void
hl_design_io_write_head (cJSON          *root,
                         const HlDesign *design)
{
  const HlHeadModel *head = design->has_head ? &design->head : NULL;
  cJSON *o;

  /* Else the head of a posed photo, else of a chart (the default). */
  for (guint pass = 0; pass < 2 && head == NULL; pass++)
    for (guint i = 0; head == NULL && i < design->views->len; i++)
      {
        const HlView *view = g_ptr_array_index (design->views, i);

        if (view->has_head && (pass == 1 || view->photo.chart == NULL))
          head = &view->head;
      }
  if (head == NULL)
    return;
  o = cJSON_AddObjectToObject (root, "head");
  add_number (o, "breadth_mm", head->breadth_mm);
  add_number (o, "length_mm", head->length_mm);
  add_number (o, "height_mm", head->height_mm);
}

void
hl_design_io_write_pose (cJSON        *view_json,
                         const HlView *view)
{
  cJSON *o;

  if (!view->has_head)
    return;
  o = cJSON_AddObjectToObject (view_json, "pose");
  add_number (o, "yaw_deg", view->pose.yaw_deg);
  add_number (o, "pitch_deg", view->pose.pitch_deg);
  add_number (o, "roll_deg", view->pose.roll_deg);
  add_number (o, "scale", view->pose.scale);
  add_number (o, "centre_x", view->pose.centre_x);
  add_number (o, "centre_y", view->pose.centre_y);
}
