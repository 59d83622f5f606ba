/* hl-design-io-read.c: a design's objects (design, views, photos, calibrations,
 * landmarks, zones, sessions, edits) read from cJSON's tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-design-io-private.h"
#include "hl-enums.h"
#include "hl-head-chart.h"
#include "hl-photo.h"
#include "hl-stippler.h"
#include "hl-zone-param.h"

static const char * const design_keys[] = {
  "format", "version", "engine_version", "seed", "client", "notes", "head", "views",
  "client_details", "records", NULL
};
static const char * const view_keys[] = {
  "name", "photo", "calibration", "landmarks", "hairline", "hairline_corners",
  "scalp_outline", "scalp_outline_corners", "pose", "zones", "edits", NULL
};
static const char * const photo_keys[] = { "path", "chart", "sha256", "width", "height", NULL };
static const char * const calibration_keys[] = {
  "source", "mm_per_px", "uncertainty", "reference", NULL
};
static const char * const reference_keys[] = { "a", "b", "length_mm", NULL };
/* With the keys of the parameter table (zone_key_known). */
static const char * const zone_keys[] = {
  "name", "kind", "boundary", "boundary_corners", "follows_hairline", "shade",
  "sessions", "seed", "on_head", NULL
};
static const char * const session_keys[] = { "share", "shade", NULL };
static const char * const edit_add_keys[] = { "op", "at", "diameter_mm", "shade", "session", NULL };
static const char * const edit_remove_keys[] = { "op", "at", "radius_px", NULL };

static gboolean
zone_key_known (const char *key)
{
  return hl_zone_param_find (key) != NULL;
}

static gboolean
require_object (HlReadCtx   *c,
                const cJSON *item)
{
  if (!cJSON_IsObject (item))
    return hl_design_io_invalid (c, _("must be an object"));
  return TRUE;
}

static gboolean
read_chart (HlReadCtx   *c,
            const cJSON *item,
            HlView      *view,
            cJSON       *extra_owned)
{
  g_autoptr(cJSON) extra = extra_owned;
  g_autofree char *chart = NULL;
  gint64 width = 0, height = 0;
  HlHeadChart which;
  int chart_w, chart_h;

  if (cJSON_GetObjectItemCaseSensitive (item, "path") != NULL ||
      cJSON_GetObjectItemCaseSensitive (item, "sha256") != NULL)
    return hl_design_io_invalid (c, _("a head chart has no path or sha256"));
  if (!hl_design_io_read_string (c, item, "chart", TRUE, 64, &chart) ||
      !hl_design_io_read_integer (c, item, "width", TRUE, 1, MAX_PHOTO_SIDE, &width) ||
      !hl_design_io_read_integer (c, item, "height", TRUE, 1, MAX_PHOTO_SIDE, &height))
    return FALSE;
  if (!hl_head_chart_from_string (chart, &which))
    {
      gsize mark = hl_design_io_push_key (c, "chart");

      hl_design_io_invalid (c, _("must be front, top, left, right or back"));
      hl_design_io_pop (c, mark);
      return FALSE;
    }
  hl_head_chart_get_size (which, &chart_w, &chart_h);
  if (width != chart_w || height != chart_h)
    {
      gsize mark = hl_design_io_push_key (c, width != chart_w ? "width" : "height");

      hl_design_io_invalid (c, _("the %s chart is %d × %d px"), chart, chart_w, chart_h);
      hl_design_io_pop (c, mark);
      return FALSE;
    }
  c->photo_pixels += width * height;
  if (c->photo_pixels > HL_DESIGN_MAX_PHOTO_PIXELS)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("%s: the photos of the design would have %.0f MP; the limit is %d MP over all views"),
                   c->path->str, (double) c->photo_pixels / 1e6,
                   HL_DESIGN_MAX_PHOTO_PIXELS / 1000000);
      return FALSE;
    }

  hl_view_set_chart (view, chart, (int) width, (int) height);
  view->photo_extra = g_steal_pointer (&extra);
  return TRUE;
}

static gboolean
read_photo (HlReadCtx   *c,
            const cJSON *item,
            HlView      *view)
{
  g_autofree char *path = NULL;
  g_autofree char *sha = NULL;
  gint64 width = 0, height = 0;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, photo_keys, &extra))
    return FALSE;

  /* A head chart drawn by the project instead of a photo file: its name
   * and its fixed size, no path, no hash. */
  if (cJSON_GetObjectItemCaseSensitive (item, "chart") != NULL)
    return read_chart (c, item, view, g_steal_pointer (&extra));

  if (!hl_design_io_read_string (c, item, "path", TRUE, MAX_PATH_BYTES, &path) ||
      !hl_design_io_read_string (c, item, "sha256", FALSE, 64, &sha) ||
      !hl_design_io_read_integer (c, item, "width", TRUE, 1, MAX_PHOTO_SIDE, &width) ||
      !hl_design_io_read_integer (c, item, "height", TRUE, 1, MAX_PHOTO_SIDE, &height))
    return FALSE;
  if (width * height > HL_PHOTO_MAX_PIXELS)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("%s: %lld × %lld is %.0f MP; the limit is %d MP"),
                   c->path->str, (long long) width, (long long) height, (double) width * height / 1e6,
                   HL_PHOTO_MAX_PIXELS / 1000000);
      return FALSE;
    }
  c->photo_pixels += width * height;
  if (c->photo_pixels > HL_DESIGN_MAX_PHOTO_PIXELS)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("%s: the photos of the design would have %.0f MP; the limit is %d MP over all views"),
                   c->path->str, (double) c->photo_pixels / 1e6,
                   HL_DESIGN_MAX_PHOTO_PIXELS / 1000000);
      return FALSE;
    }

  if (sha != NULL)
    {
      gboolean ok = strlen (sha) == 64;

      for (guint i = 0; ok && sha[i] != '\0'; i++)
        ok = g_ascii_isxdigit (sha[i]) && !g_ascii_isupper (sha[i]);
      if (!ok)
        {
          gsize mark = hl_design_io_push_key (c, "sha256");

          hl_design_io_invalid (c, _("must be 64 lowercase hexadecimal digits"));
          hl_design_io_pop (c, mark);
          return FALSE;
        }
    }

  hl_view_set_photo (view, path, sha, (int) width, (int) height);
  view->photo_extra = g_steal_pointer (&extra);
  return TRUE;
}

static gboolean
read_calibration (HlReadCtx   *c,
                  const cJSON *item,
                  HlView      *view)
{
  HlCalibration cal = { HL_CALIBRATION_NONE, 0.0, 0.0 };
  g_autofree char *source = NULL;
  const cJSON *ref;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, calibration_keys, &extra))
    return FALSE;

  if (!hl_design_io_read_string (c, item, "source", TRUE, 32, &source))
    return FALSE;
  if (!hl_calibration_source_from_string (source, &cal.source))
    {
      g_autofree char *sources = hl_enum_dup_nicks (HL_TYPE_CALIBRATION_SOURCE, ", ");
      gsize mark = hl_design_io_push_key (c, "source");

      hl_design_io_invalid (c, _("must be one of %s"), sources);
      hl_design_io_pop (c, mark);
      return FALSE;
    }

  if (!hl_design_io_read_number (c, item, "mm_per_px", cal.source != HL_CALIBRATION_NONE,
                    /* Translators: units with a leading space follow a range,
                     * as in "must be 0.001–100 mm per pixel". */
                    0.001, 100, N_(" mm per pixel"), &cal.mm_per_px) ||
      !hl_design_io_read_number (c, item, "uncertainty", FALSE, 0, 1, "", &cal.uncertainty))
    return FALSE;

  ref = hl_design_io_member (item, "reference");
  if (ref != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "reference");
      gboolean ok = require_object (c, ref) &&
                    hl_design_io_check_members (c, ref, reference_keys, NULL) &&
                    hl_design_io_read_point (c, ref, "a", TRUE, &cal.ref_a, NULL) &&
                    hl_design_io_read_point (c, ref, "b", TRUE, &cal.ref_b, NULL) &&
                    hl_design_io_read_number (c, ref, "length_mm", TRUE, 0.1, 1000, N_(" mm"), &cal.ref_mm);

      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
      cal.has_reference = TRUE;
    }

  hl_view_set_calibration (view, &cal);
  view->calibration_extra = g_steal_pointer (&extra);
  return TRUE;
}

static gboolean
read_landmarks (HlReadCtx   *c,
                const cJSON *item,
                HlView      *view)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!require_object (c, item))
    return FALSE;

  for (const cJSON *m = item->child; m != NULL; m = m->next)
    {
      HlLandmark which;
      HlPoint p;
      gsize mark = hl_design_io_push_key (c, m->string);
      gboolean ok = TRUE;

      if (!g_hash_table_add (seen, m->string))
        ok = hl_design_io_invalid (c, _("duplicate key"));
      else if (!hl_landmark_from_string (m->string, &which))
        ok = hl_design_io_invalid (c, _("not a known landmark"));
      else if ((ok = hl_design_io_read_point_value (c, m, &p)))
        hl_view_set_landmark (view, which, TRUE, p);
      hl_design_io_pop (c, mark);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_sessions (HlReadCtx    *c,
               const cJSON  *item,
               HlZoneParams *zp)
{
  int n;
  double sum = 0.0;

  if (!cJSON_IsArray (item))
    return hl_design_io_invalid (c, _("must be an array"));

  n = cJSON_GetArraySize (item);
  if (n < 1 || n > HL_ZONE_MAX_SESSIONS)
    return hl_design_io_invalid (c, _("must have 1–%d sessions"), HL_ZONE_MAX_SESSIONS);

  for (int i = 0; i < n; i++)
    {
      const cJSON *s = cJSON_GetArrayItem (item, i);
      gsize mark = hl_design_io_push_index (c, (guint) i);
      gboolean ok = require_object (c, s) &&
                    hl_design_io_check_members (c, s, session_keys, NULL) &&
                    hl_design_io_read_number (c, s, "share", TRUE, 0, 1, "", &zp->sessions[i].share) &&
                    hl_design_io_read_color (c, s, "shade", TRUE, &zp->sessions[i].shade);

      if (ok && zp->sessions[i].share <= 0.0)
        {
          gsize m2 = hl_design_io_push_key (c, "share");

          ok = hl_design_io_invalid (c, _("must be more than 0"));
          hl_design_io_pop (c, m2);
        }
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
      sum += zp->sessions[i].share;
    }

  if (fabs (sum - 1.0) > 1e-6)
    return hl_design_io_invalid (c, _("shares must sum to 1 (they sum to %g)"), sum);

  zp->n_sessions = (guint) n;
  return TRUE;
}

static HlZone *
read_zone (HlReadCtx   *c,
           const cJSON *item)
{
  g_autofree char *name = NULL;
  g_autofree char *kind_text = NULL;
  g_autoptr(HlCurve) boundary = NULL;
  HlZoneKind kind;
  HlZoneParams zp;
  const HlZoneParamInfo *table;
  guint n_table;
  gint64 seed;
  const cJSON *sub;
  g_autoptr(cJSON) extra = NULL;
  HlZone *zone;
  gboolean on_head = FALSE;
  gsize mark;

  if (!require_object (c, item) ||
      !hl_design_io_check_members_full (c, item, zone_keys, zone_key_known, &extra))
    return NULL;

  hl_zone_params_init (&zp);
  seed = zp.seed;

  if (!hl_design_io_read_string (c, item, "name", TRUE, MAX_NAME_BYTES, &name) ||
      !hl_design_io_read_string (c, item, "kind", TRUE, 32, &kind_text))
    return NULL;
  if (!hl_zone_kind_from_string (kind_text, &kind))
    {
      g_autofree char *kinds = hl_enum_dup_nicks (HL_TYPE_ZONE_KIND, ", ");

      mark = hl_design_io_push_key (c, "kind");
      /* Translators: %s lists the words a file may use, "frontal, temple, ...". */
      hl_design_io_invalid (c, _("must be one of %s"), kinds);
      hl_design_io_pop (c, mark);
      return NULL;
    }

  if (!hl_design_io_read_curve_member (c, item, "boundary", "boundary_corners", TRUE,
                          3, HL_CURVE_MAX_POINTS, TRUE, &boundary))
    return NULL;

  table = hl_zone_params_get_table (&n_table);
  for (guint i = 0; i < n_table; i++)
    {
      const HlZoneParamInfo *info = &table[i];
      double value = hl_zone_param_get (&zp, info);

      /* In range once read: setting it stores it unchanged. */
      if (!hl_design_io_read_number (c, item, info->key, info->required, info->min, info->max,
                        info->error_unit, &value))
        return NULL;
      hl_zone_param_set (&zp, info, value);
    }

  if (!hl_design_io_read_bool (c, item, "follows_hairline", &zp.follows_hairline) ||
      !hl_design_io_read_color (c, item, "shade", FALSE, &zp.shade) ||
      !hl_design_io_read_integer (c, item, "seed", FALSE, 0, G_MAXUINT32, &seed))
    return NULL;
  zp.seed = (guint32) seed;

  sub = hl_design_io_member (item, "sessions");
  if (sub != NULL)
    {
      gboolean ok;

      mark = hl_design_io_push_key (c, "sessions");
      ok = read_sessions (c, sub, &zp);
      hl_design_io_pop (c, mark);
      if (!ok)
        return NULL;
    }

  if (!hl_design_io_read_bool (c, item, "on_head", &on_head))
    return NULL;

  zone = hl_zone_new (name, kind, boundary, &zp);
  zone->on_head = on_head;
  zone->extra = g_steal_pointer (&extra);
  return zone;
}

static gboolean
read_edit (HlReadCtx   *c,
           const cJSON *item,
           HlView      *view)
{
  g_autofree char *op = NULL;
  HlDotEdit edit = { 0 };
  int kind = -1;

  if (!require_object (c, item) ||
      !hl_design_io_read_string (c, item, "op", TRUE, 16, &op))
    return FALSE;

  hl_enum_from_nick (HL_TYPE_DOT_EDIT_KIND, op, &kind);
  if (kind == HL_EDIT_ADD)
    {
      gint64 session = 1;

      edit.kind = HL_EDIT_ADD;
      edit.diameter_mm = 0.25;
      edit.shade = (HlColor) { 0x3a, 0x36, 0x33 };
      if (!hl_design_io_check_members (c, item, edit_add_keys, NULL) ||
          !hl_design_io_read_point (c, item, "at", TRUE, &edit.p, NULL) ||
          !hl_design_io_read_number (c, item, "diameter_mm", FALSE, 0.05, 1.5, N_(" mm"), &edit.diameter_mm) ||
          !hl_design_io_read_color (c, item, "shade", FALSE, &edit.shade) ||
          !hl_design_io_read_integer (c, item, "session", FALSE, 1, HL_ZONE_MAX_SESSIONS, &session))
        return FALSE;
      edit.session = (guint) session - 1;
    }
  else if (kind == HL_EDIT_REMOVE)
    {
      edit.kind = HL_EDIT_REMOVE;
      if (!hl_design_io_check_members (c, item, edit_remove_keys, NULL) ||
          !hl_design_io_read_point (c, item, "at", TRUE, &edit.p, NULL) ||
          !hl_design_io_read_number (c, item, "radius_px", TRUE, 0.1, 10000, N_(" px"), &edit.radius_px))
        return FALSE;
    }
  else
    {
      gsize mark = hl_design_io_push_key (c, "op");

      hl_design_io_invalid (c, _("must be add or remove"));
      hl_design_io_pop (c, mark);
      return FALSE;
    }

  hl_view_append_edit (view, &edit);
  return TRUE;
}

static gboolean
read_array (HlReadCtx    *c,
            const cJSON  *object,
            const char   *key,
            guint         max,
            const cJSON **out)
{
  const cJSON *item = hl_design_io_member (object, key);
  gsize mark;
  gboolean ok = TRUE;

  *out = NULL;
  if (item == NULL)
    return TRUE;

  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsArray (item))
    ok = hl_design_io_invalid (c, _("must be an array"));
  else if (cJSON_GetArraySize (item) > (int) max)
    {
      ok = FALSE;
      g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "%s: has %d entry; at most %u are allowed",
                                "%s: has %d entries; at most %u are allowed",
                                (gulong) cJSON_GetArraySize (item)),
                   c->path->str, cJSON_GetArraySize (item), max);
    }
  else
    *out = item;
  hl_design_io_pop (c, mark);

  return ok;
}

typedef gboolean (*ViewReader) (HlReadCtx *c, const cJSON *item, HlView *view);

/* Reads the optional member @key of @object into @view with @reader. */
static gboolean
read_view_member (HlReadCtx   *c,
                  const cJSON *object,
                  const char  *key,
                  ViewReader   reader,
                  HlView      *view)
{
  const cJSON *sub = hl_design_io_member (object, key);
  gsize mark;
  gboolean ok;

  if (sub == NULL)
    return TRUE;

  mark = hl_design_io_push_key (c, key);
  ok = reader (c, sub, view);
  hl_design_io_pop (c, mark);
  return ok;
}

static HlView *
read_view (HlReadCtx   *c,
           const cJSON *item)
{
  g_autofree char *name = NULL;
  g_autoptr(HlView) view = NULL;
  g_autoptr(HlCurve) hairline = NULL;
  g_autoptr(HlCurve) outline = NULL;
  const cJSON *zones, *edits;
  gsize mark;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, view_keys, &extra))
    return NULL;

  if (!hl_design_io_read_string (c, item, "name", TRUE, MAX_NAME_BYTES, &name))
    return NULL;
  view = hl_view_new (name);
  view->extra = g_steal_pointer (&extra);

  if (!read_view_member (c, item, "photo", read_photo, view) ||
      !read_view_member (c, item, "calibration", read_calibration, view) ||
      !read_view_member (c, item, "landmarks", read_landmarks, view))
    return NULL;

  if (!hl_design_io_read_curve_member (c, item, "hairline", "hairline_corners", FALSE,
                          2, HL_CURVE_MAX_POINTS, FALSE, &hairline))
    return NULL;
  if (hairline != NULL)
    hl_view_set_hairline (view, hairline);

  /* Read with any number of points, so that too few is said the way the
   * model says it. */
  if (!hl_design_io_read_curve_member (c, item, "scalp_outline", "scalp_outline_corners", FALSE,
                                       0, HL_CURVE_MAX_POINTS, TRUE, &outline))
    return NULL;
  if (outline != NULL)
    {
      g_autoptr(GError) problem = NULL;

      if (!hl_scalp_outline_check (outline, &problem))
        {
          mark = hl_design_io_push_key (c, "scalp_outline");
          hl_design_io_invalid (c, "%s", problem->message);
          hl_design_io_pop (c, mark);
          return NULL;
        }
      hl_view_set_scalp_outline (view, outline);
    }

  if (!read_array (c, item, "zones", HL_VIEW_MAX_ZONES, &zones) ||
      !read_array (c, item, "edits", HL_VIEW_MAX_EDITS, &edits))
    return NULL;

  for (int i = 0; zones != NULL && i < cJSON_GetArraySize (zones); i++)
    {
      g_autoptr(HlZone) zone = NULL;

      mark = hl_design_io_push_key (c, "zones");
      hl_design_io_push_index (c, (guint) i);
      zone = read_zone (c, cJSON_GetArrayItem (zones, i));
      hl_design_io_pop (c, mark);
      if (zone == NULL)
        return NULL;
      hl_view_append_zone (view, zone);
    }

  /* Edits are many: walk the list instead of indexing it (O(n²)). */
  if (edits != NULL)
    {
      guint i = 0;

      for (const cJSON *e = edits->child; e != NULL; e = e->next, i++)
        {
          gboolean ok;

          mark = hl_design_io_push_key (c, "edits");
          hl_design_io_push_index (c, i);
          ok = read_edit (c, e, view);
          hl_design_io_pop (c, mark);
          if (!ok)
            return NULL;
        }
    }

  return g_steal_pointer (&view);
}

/* A zone on the head needs a head model in its home view (format 4). */
static gboolean
check_on_head (HlReadCtx    *c,
               const HlView *view)
{
  for (guint z = 0; z < view->zones->len; z++)
    {
      const HlZone *zone = g_ptr_array_index (view->zones, z);
      gsize mark;

      if (!zone->on_head || view->has_head)
        continue;
      mark = hl_design_io_push_key (c, "zones");
      hl_design_io_push_index (c, z);
      hl_design_io_push_key (c, "on_head");
      hl_design_io_invalid (c, "%s", _("a zone on the head needs a head model in its view "
                                       "(a head chart, or a photo with a \"pose\")"));
      hl_design_io_pop (c, mark);
      return FALSE;
    }
  return TRUE;
}

HlDesign *
hl_design_io_read_design (HlReadCtx   *c,
                          const cJSON *root)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autofree char *format = NULL;
  const cJSON *views;
  gint64 v = 0, engine = 0, seed = 0;
  cJSON *extra = NULL;
  gsize mark;

  if (!cJSON_IsObject (root))
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_PARSE,
                   _("not a Hairline Studio design (the top level is not a JSON object)"));
      return NULL;
    }

  if (!hl_design_io_read_string (c, root, "format", TRUE, 64, &format))
    return NULL;
  if (strcmp (format, HL_DESIGN_FORMAT) != 0)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_PARSE,
                   _("format: not a Hairline Studio design (format is \"%s\", expected \"%s\")"),
                   format, HL_DESIGN_FORMAT);
      return NULL;
    }

  /* The version first: a newer file may break any other rule. */
  if (!hl_design_io_read_integer (c, root, "version", TRUE, 1, G_MAXINT32, &v))
    return NULL;
  if (v > HL_DESIGN_VERSION)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_VERSION,
                   _("written by a newer Hairline Studio (format version %lld); "
                     "this build reads version %d or older"),
                   (long long) v, HL_DESIGN_VERSION);
      return NULL;
    }

  if (!hl_design_io_check_members (c, root, design_keys, &extra))
    return NULL;
  design->extra = extra;

  if (!hl_design_io_read_integer (c, root, "engine_version", TRUE, 1, G_MAXINT32, &engine) ||
      !hl_design_io_read_integer (c, root, "seed", TRUE, 0, G_MAXUINT32, &seed) ||
      !hl_design_io_read_string (c, root, "client", FALSE, MAX_NAME_BYTES, &design->client_label) ||
      !hl_design_io_read_string_full (c, root, "notes", FALSE, MAX_NOTES_BYTES, HL_STRING_FREE_TEXT,
                         &design->notes))
    return NULL;
  design->version = (int) v;
  design->engine_version = (int) engine;
  design->seed = (guint32) seed;
  if (!hl_design_io_read_head (c, root, design))
    return NULL;

  if (!read_array (c, root, "views", HL_DESIGN_MAX_VIEWS, &views))
    return NULL;
  if (views == NULL || cJSON_GetArraySize (views) < 1)
    {
      mark = hl_design_io_push_key (c, "views");
      hl_design_io_invalid (c, "%s", views == NULL ? _("missing required key") : _("must have at least one view"));
      hl_design_io_pop (c, mark);
      return NULL;
    }

  for (int i = 0; i < cJSON_GetArraySize (views); i++)
    {
      g_autoptr(HlView) view = NULL;

      mark = hl_design_io_push_key (c, "views");
      hl_design_io_push_index (c, (guint) i);
      view = read_view (c, cJSON_GetArrayItem (views, i));
      if (view != NULL && !hl_design_io_read_pose (c, cJSON_GetArrayItem (views, i), design, view))
        g_clear_pointer (&view, hl_view_unref);
      if (view != NULL && !check_on_head (c, view))
        g_clear_pointer (&view, hl_view_unref);
      for (guint k = 0; view != NULL && k < design->views->len; k++)
        {
          const HlView *other = g_ptr_array_index (design->views, k);

          if (g_strcmp0 (other->name, view->name) == 0)
            {
              hl_design_io_push_key (c, "name");
              hl_design_io_invalid (c, _("another view is already named \"%s\""), view->name);
              g_clear_pointer (&view, hl_view_unref);
            }
        }
      hl_design_io_pop (c, mark);
      if (view == NULL)
        return NULL;
      hl_design_append_view (design, view);
    }

  if (!hl_design_io_read_record (c, root, design))
    return NULL;

  if (!hl_design_check_budget (design, c->error))
    return NULL;

  return g_steal_pointer (&design);
}
