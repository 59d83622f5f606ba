/* hl-design-io-write.c: designs written as canonical JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-design-io-private.h"
#include "hl-enums.h"
#include "hl-zone-param.h"

/* --- writing -------------------------------------------------------------- */

static double
round_to (double v,
          double scale)
{
  double r = round (v * scale) / scale;

  return r == 0.0 ? 0.0 : r;   /* no "-0" in files */
}

static cJSON *
point_json (HlPoint p)
{
  cJSON *a = cJSON_CreateArray ();

  cJSON_AddItemToArray (a, cJSON_CreateNumber (round_to (p.x, 1e3)));
  cJSON_AddItemToArray (a, cJSON_CreateNumber (round_to (p.y, 1e3)));
  return a;
}

static cJSON *
points_json (const HlCurve *curve)
{
  cJSON *a = cJSON_CreateArray ();
  const HlPoint *pts = hl_curve_get_points (curve);

  for (guint i = 0; i < hl_curve_get_n_points (curve); i++)
    cJSON_AddItemToArray (a, point_json (pts[i]));
  return a;
}

/* The indices of the corner points of @curve, in increasing order. */
static cJSON *
corners_json (const HlCurve *curve)
{
  cJSON *a = cJSON_CreateArray ();

  for (guint i = 0; i < hl_curve_get_n_points (curve); i++)
    if (hl_curve_is_corner (curve, i))
      cJSON_AddItemToArray (a, cJSON_CreateNumber (i));
  return a;
}

static void
add_real (cJSON      *object,
          const char *key,
          double      v)
{
  cJSON_AddNumberToObject (object, key, round_to (v, 1e6));
}

static void
add_color (cJSON      *object,
           const char *key,
           HlColor     color)
{
  char buf[8];

  cJSON_AddStringToObject (object, key, hl_color_format (color, buf));
}

static void
add_extra (cJSON       *object,
           const cJSON *extra)
{
  if (extra == NULL)
    return;

  for (const cJSON *m = extra->child; m != NULL; m = m->next)
    if (m->string != NULL && cJSON_GetObjectItemCaseSensitive (object, m->string) == NULL)
      cJSON_AddItemToObject (object, m->string, cJSON_Duplicate (m, TRUE));
}

static cJSON *
zone_json (const HlZone *zone,
           gboolean      view_has_head)
{
  const HlZoneParams *zp = &zone->params;
  const HlZoneParamInfo *table;
  guint n_table;
  cJSON *o = cJSON_CreateObject ();
  cJSON *sessions = cJSON_CreateArray ();

  cJSON_AddStringToObject (o, "name", zone->name);
  cJSON_AddStringToObject (o, "kind", hl_zone_kind_to_string (zone->kind));
  cJSON_AddItemToObject (o, "boundary", points_json (zone->boundary));
  if (hl_curve_has_corners (zone->boundary))
    cJSON_AddItemToObject (o, "boundary_corners", corners_json (zone->boundary));
  table = hl_zone_params_get_table (&n_table);
  for (guint i = 0; i < n_table; i++)
    {
      add_real (o, table[i].key, hl_zone_param_get (zp, &table[i]));
      /* The two members that are not numbers keep their places in the
       * canonical order: after density and after dot_spread. */
      if (strcmp (table[i].key, "density") == 0)
        cJSON_AddBoolToObject (o, "follows_hairline", zp->follows_hairline);
      else if (strcmp (table[i].key, "dot_spread") == 0)
        add_color (o, "shade", zp->shade);
    }
  for (guint i = 0; i < zp->n_sessions && i < HL_ZONE_MAX_SESSIONS; i++)
    {
      cJSON *s = cJSON_CreateObject ();

      add_real (s, "share", zp->sessions[i].share);
      add_color (s, "shade", zp->sessions[i].shade);
      cJSON_AddItemToArray (sessions, s);
    }
  cJSON_AddItemToObject (o, "sessions", sessions);
  cJSON_AddNumberToObject (o, "seed", zp->seed);
  /* Only where the loader takes it back: a view that lost its head model
   * keeps the zone as its own. */
  if (zone->on_head && view_has_head)
    cJSON_AddBoolToObject (o, "on_head", TRUE);
  add_extra (o, zone->extra);

  return o;
}

static cJSON *
view_json (const HlView *view)
{
  const HlCalibration *cal = &view->calibration;
  cJSON *o = cJSON_CreateObject ();
  cJSON *zones = cJSON_CreateArray ();
  gboolean any_landmark = FALSE;

  cJSON_AddStringToObject (o, "name", view->name);

  if (view->photo.path != NULL)
    {
      cJSON *p = cJSON_CreateObject ();

      cJSON_AddStringToObject (p, "path", view->photo.path);
      if (view->photo.sha256 != NULL)
        cJSON_AddStringToObject (p, "sha256", view->photo.sha256);
      cJSON_AddNumberToObject (p, "width", view->photo.width);
      cJSON_AddNumberToObject (p, "height", view->photo.height);
      add_extra (p, view->photo_extra);
      cJSON_AddItemToObject (o, "photo", p);
    }
  else if (view->photo.chart != NULL)
    {
      cJSON *p = cJSON_CreateObject ();

      cJSON_AddStringToObject (p, "chart", view->photo.chart);
      cJSON_AddNumberToObject (p, "width", view->photo.width);
      cJSON_AddNumberToObject (p, "height", view->photo.height);
      add_extra (p, view->photo_extra);
      cJSON_AddItemToObject (o, "photo", p);
    }

  if (cal->source != HL_CALIBRATION_NONE || cal->has_reference || view->calibration_extra != NULL)
    {
      cJSON *k = cJSON_CreateObject ();

      cJSON_AddStringToObject (k, "source", hl_calibration_source_to_string (cal->source));
      if (cal->source != HL_CALIBRATION_NONE)
        add_real (k, "mm_per_px", cal->mm_per_px);
      add_real (k, "uncertainty", cal->uncertainty);
      if (cal->has_reference)
        {
          cJSON *r = cJSON_CreateObject ();

          cJSON_AddItemToObject (r, "a", point_json (cal->ref_a));
          cJSON_AddItemToObject (r, "b", point_json (cal->ref_b));
          add_real (r, "length_mm", cal->ref_mm);
          cJSON_AddItemToObject (k, "reference", r);
        }
      add_extra (k, view->calibration_extra);
      cJSON_AddItemToObject (o, "calibration", k);
    }

  for (guint i = 0; i < HL_N_LANDMARKS; i++)
    any_landmark |= view->landmarks[i].set;
  if (any_landmark)
    {
      cJSON *l = cJSON_CreateObject ();

      for (guint i = 0; i < HL_N_LANDMARKS; i++)
        if (view->landmarks[i].set)
          cJSON_AddItemToObject (l, hl_landmark_to_string ((HlLandmark) i),
                                 point_json (view->landmarks[i].p));
      cJSON_AddItemToObject (o, "landmarks", l);
    }

  if (view->hairline != NULL)
    {
      cJSON_AddItemToObject (o, "hairline", points_json (view->hairline));
      if (hl_curve_has_corners (view->hairline))
        cJSON_AddItemToObject (o, "hairline_corners", corners_json (view->hairline));
    }
  if (view->scalp_outline != NULL)
    {
      cJSON_AddItemToObject (o, "scalp_outline", points_json (view->scalp_outline));
      if (hl_curve_has_corners (view->scalp_outline))
        cJSON_AddItemToObject (o, "scalp_outline_corners", corners_json (view->scalp_outline));
    }

  hl_design_io_write_pose (o, view);

  for (guint i = 0; i < view->zones->len; i++)
    cJSON_AddItemToArray (zones, zone_json (g_ptr_array_index (view->zones, i), view->has_head));
  cJSON_AddItemToObject (o, "zones", zones);

  if (view->edits->len > 0)
    {
      cJSON *edits = cJSON_CreateArray ();

      for (guint i = 0; i < view->edits->len; i++)
        {
          const HlDotEdit *e = &g_array_index (view->edits, HlDotEdit, i);
          cJSON *j = cJSON_CreateObject ();

          if (e->kind == HL_EDIT_ADD)
            {
              cJSON_AddStringToObject (j, "op", hl_enum_to_nick (HL_TYPE_DOT_EDIT_KIND, HL_EDIT_ADD));
              cJSON_AddItemToObject (j, "at", point_json (e->p));
              add_real (j, "diameter_mm", e->diameter_mm);
              add_color (j, "shade", e->shade);
              cJSON_AddNumberToObject (j, "session", e->session + 1);
            }
          else
            {
              cJSON_AddStringToObject (j, "op", hl_enum_to_nick (HL_TYPE_DOT_EDIT_KIND, HL_EDIT_REMOVE));
              cJSON_AddItemToObject (j, "at", point_json (e->p));
              add_real (j, "radius_px", e->radius_px);
            }
          cJSON_AddItemToArray (edits, j);
        }
      cJSON_AddItemToObject (o, "edits", edits);
    }

  add_extra (o, view->extra);
  return o;
}

char *
hl_design_to_json (const HlDesign *design,
                   gsize          *length)
{
  cJSON *root;
  cJSON *views;
  char *text, *out;

  g_return_val_if_fail (design != NULL, NULL);

  root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "format", HL_DESIGN_FORMAT);
  cJSON_AddNumberToObject (root, "version", HL_DESIGN_VERSION);
  cJSON_AddNumberToObject (root, "engine_version", design->engine_version);
  cJSON_AddNumberToObject (root, "seed", design->seed);
  if (design->client_label != NULL)
    cJSON_AddStringToObject (root, "client", design->client_label);
  if (design->notes != NULL)
    cJSON_AddStringToObject (root, "notes", design->notes);
  hl_design_io_write_head (root, design);
  views = cJSON_AddArrayToObject (root, "views");
  for (guint i = 0; i < design->views->len; i++)
    cJSON_AddItemToArray (views, view_json (g_ptr_array_index (design->views, i)));
  hl_design_io_write_record (root, design);
  add_extra (root, design->extra);

  text = cJSON_Print (root);
  cJSON_Delete (root);

  out = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  if (length != NULL)
    *length = strlen (out);
  return out;
}

gboolean
hl_design_save_to_file (const HlDesign  *design,
                        const char      *path,
                        GError         **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (design != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = hl_design_to_json (design, &length);
  /* A design opened through a symbolic link is saved where the link
   * points, and the link kept. */
  return hl_atomic_file_set_contents (path, text, length, NULL,
                                      HL_ATOMIC_FILE_FOLLOW_SYMLINKS, error);
}
