/* hl-design-io.c: design JSON, validated on the way in, canonical on the
 * way out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <cjson/cJSON.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-photo.h"
#include "hl-stippler.h"
#include "hl-zone-param.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

#define MAX_NAME_BYTES 200
#define MAX_NOTES_BYTES 65536
#define MAX_PATH_BYTES 4096
#define MAX_COORDINATE 1e6
#define MAX_PHOTO_SIDE 100000
/* Unknown members are kept to be written back; all of them together may
 * take this much JSON text (counted as they would be written, at least
 * 8 bytes a value), so that a small file cannot make validation copy a huge
 * tree. */
#define MAX_UNKNOWN_BYTES (1024 * 1024)

/* --- reading -------------------------------------------------------------- */

typedef struct
{
  GString  *path;     /* JSON path of the value being read */
  GError  **error;
  gsize     unknown_bytes;  /* kept so far in unknown members */
  gint64    photo_pixels;   /* declared by the views read so far */
} Ctx;

static gboolean G_GNUC_PRINTF (2, 3)
invalid (Ctx        *c,
         const char *format,
         ...)
{
  g_autofree char *rule = NULL;
  va_list args;

  va_start (args, format);
  rule = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (c->error, HL_ERROR, HL_ERROR_INVALID, "%s: %s",
               /* Translators: where a design's error is, when it is not inside any member. */
               c->path->len > 0 ? c->path->str : _("(top level)"), rule);
  return FALSE;
}

static gsize
push_key (Ctx        *c,
          const char *key)
{
  gsize mark = c->path->len;

  if (c->path->len > 0)
    g_string_append_c (c->path, '.');
  g_string_append (c->path, key);
  return mark;
}

static gsize
push_index (Ctx   *c,
            guint  index)
{
  gsize mark = c->path->len;

  g_string_append_printf (c->path, "[%u]", index);
  return mark;
}

static void
pop (Ctx   *c,
     gsize  mark)
{
  g_string_truncate (c->path, mark);
}

static gboolean
key_known (const char        *key,
           const char * const *known)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (strcmp (key, known[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Adds the JSON text size of @item (its key included) to *@total,
 * stopping as soon as it passes @limit. */
static void
json_size (const cJSON *item,
           gsize        limit,
           gsize       *total)
{
  for (; item != NULL && *total <= limit; item = item->next)
    {
      *total += 8;
      if (item->string != NULL)
        *total += strlen (item->string) + 3;
      if (cJSON_IsString (item) && item->valuestring != NULL)
        *total += strlen (item->valuestring);
      if (item->child != NULL)
        json_size (item->child, limit, total);
    }
}

typedef gboolean (*KeyPredicate) (const char *key);

/* Refuses duplicate keys; keys neither in @known nor accepted by
 * @also_known (may be NULL) go to *@extra (a new object, or NULL if there
 * are none) or, when @extra is NULL, are refused. */
static gboolean
check_members_full (Ctx                *c,
                    const cJSON        *object,
                    const char * const *known,
                    KeyPredicate        also_known,
                    cJSON             **extra)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (extra != NULL)
    *extra = NULL;

  for (const cJSON *item = object->child; item != NULL; item = item->next)
    {
      gsize mark;

      if (item->string == NULL)
        continue;

      if (!g_hash_table_add (seen, item->string))
        {
          mark = push_key (c, item->string);
          invalid (c, _("duplicate key"));
          pop (c, mark);
          goto fail;
        }

      if (key_known (item->string, known) ||
          (also_known != NULL && also_known (item->string)))
        continue;

      if (extra == NULL)
        {
          mark = push_key (c, item->string);
          invalid (c, _("unknown key"));
          pop (c, mark);
          goto fail;
        }

      {
        /* One value of @item alone: its siblings are not part of it. */
        gsize size = 8 + strlen (item->string) + 3;

        if (cJSON_IsString (item) && item->valuestring != NULL)
          size += strlen (item->valuestring);
        json_size (item->child, MAX_UNKNOWN_BYTES, &size);
        c->unknown_bytes += size;
        if (c->unknown_bytes > MAX_UNKNOWN_BYTES)
          {
            mark = push_key (c, item->string);
            g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                         _("%s: unknown keys would keep more JSON than the limit of %d MiB "
                         "over the whole design"),
                         c->path->str, MAX_UNKNOWN_BYTES / (1024 * 1024));
            pop (c, mark);
            goto fail;
          }
      }

      if (*extra == NULL)
        *extra = cJSON_CreateObject ();
      cJSON_AddItemToObject (*extra, item->string, cJSON_Duplicate (item, TRUE));
    }

  return TRUE;

fail:
  if (extra != NULL)
    g_clear_pointer (extra, cJSON_Delete);
  return FALSE;
}

static gboolean
check_members (Ctx                *c,
               const cJSON        *object,
               const char * const *known,
               cJSON             **extra)
{
  return check_members_full (c, object, known, NULL, extra);
}

static const cJSON *
member (const cJSON *object,
        const char  *key)
{
  return cJSON_GetObjectItemCaseSensitive (object, key);
}

/* The member @key of @object in *@item (NULL when absent); FALSE, with the
 * error set, when a required member is missing. */
static gboolean
lookup (Ctx          *c,
        const cJSON  *object,
        const char   *key,
        gboolean      required,
        const cJSON **item)
{
  gsize mark;

  *item = member (object, key);
  if (*item != NULL || !required)
    return TRUE;

  mark = push_key (c, key);
  invalid (c, _("missing required key"));
  pop (c, mark);
  return FALSE;
}

/* Each reader: @key of @object into *@out. Absent optional keys leave *@out
 * unchanged and return TRUE. */
static gboolean
read_number (Ctx         *c,
             const cJSON *object,
             const char  *key,
             gboolean     required,
             double       min,
             double       max,
             const char  *unit,
             double      *out)
{
  const cJSON *item;
  gsize mark;
  gboolean ok = TRUE;

  if (!lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = push_key (c, key);
  if (!cJSON_IsNumber (item))
    ok = invalid (c, _("must be a number"));
  else if (!isfinite (item->valuedouble))
    ok = invalid (c, _("must be a finite number"));
  else if (item->valuedouble < min || item->valuedouble > max)
    ok = invalid (c, _("must be %g–%g%s"), min, max, unit[0] != '\0' ? _(unit) : "");
  else
    *out = item->valuedouble;
  pop (c, mark);

  return ok;
}

static gboolean
read_integer (Ctx         *c,
              const cJSON *object,
              const char  *key,
              gboolean     required,
              double       min,
              double       max,
              gint64      *out)
{
  const cJSON *item;
  gsize mark;
  gboolean ok = TRUE;

  if (!lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = push_key (c, key);
  if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble) ||
      item->valuedouble != floor (item->valuedouble))
    ok = invalid (c, _("must be an integer"));
  else if (item->valuedouble < min || item->valuedouble > max)
    ok = invalid (c, _("must be %.0f–%.0f"), min, max);
  else
    *out = (gint64) item->valuedouble;
  pop (c, mark);

  return ok;
}

typedef enum
{
  STRING_PLAIN,       /* names, paths, labels, keywords */
  STRING_FREE_TEXT,   /* notes: tabs and line breaks allowed */
} StringKind;

static gboolean
read_string_full (Ctx         *c,
                  const cJSON *object,
                  const char  *key,
                  gboolean     required,
                  gsize        max_bytes,
                  StringKind   kind,
                  char       **out)
{
  const cJSON *item;
  gsize mark;
  gboolean ok = TRUE;
  gunichar bad;

  if (!lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = push_key (c, key);
  if (!cJSON_IsString (item) || item->valuestring == NULL)
    ok = invalid (c, _("must be a string"));
  else if (strlen (item->valuestring) > max_bytes)
    ok = invalid (c, g_dngettext (GETTEXT_PACKAGE, "must be at most %zu byte", "must be at most %zu bytes",
                                    max_bytes), max_bytes);
  else if ((bad = hl_text_find_control (item->valuestring, kind == STRING_FREE_TEXT)) != 0)
    ok = invalid (c, _("must not contain control characters (U+%04X)"), bad);
  else if (required && item->valuestring[0] == '\0')
    ok = invalid (c, _("must not be empty"));
  else
    {
      g_free (*out);
      *out = g_strdup (item->valuestring);
    }
  pop (c, mark);

  return ok;
}

static gboolean
read_string (Ctx         *c,
             const cJSON *object,
             const char  *key,
             gboolean     required,
             gsize        max_bytes,
             char       **out)
{
  return read_string_full (c, object, key, required, max_bytes, STRING_PLAIN, out);
}

static gboolean
read_bool (Ctx         *c,
           const cJSON *object,
           const char  *key,
           gboolean    *out)
{
  const cJSON *item = member (object, key);
  gsize mark;
  gboolean ok = TRUE;

  if (item == NULL)
    return TRUE;

  mark = push_key (c, key);
  if (!cJSON_IsBool (item))
    ok = invalid (c, _("must be true or false"));
  else
    *out = cJSON_IsTrue (item);
  pop (c, mark);

  return ok;
}

static gboolean
read_color (Ctx         *c,
            const cJSON *object,
            const char  *key,
            gboolean     required,
            HlColor     *out)
{
  g_autofree char *text = NULL;
  gsize mark;
  gboolean ok = TRUE;

  if (!read_string (c, object, key, required, 16, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  mark = push_key (c, key);
  if (!hl_color_parse (text, out))
    ok = invalid (c, _("must be a colour written #rrggbb"));
  pop (c, mark);

  return ok;
}

/* The value at the current path is a point: [x, y]. */
static gboolean
read_point_value (Ctx         *c,
                  const cJSON *item,
                  HlPoint     *out)
{
  double v[2];

  if (!cJSON_IsArray (item) || cJSON_GetArraySize (item) != 2)
    return invalid (c, _("must be a point [x, y]"));

  for (guint k = 0; k < 2; k++)
    {
      const cJSON *n = cJSON_GetArrayItem (item, (int) k);
      gsize mark = push_index (c, k);
      gboolean ok = TRUE;

      if (!cJSON_IsNumber (n) || !isfinite (n->valuedouble))
        ok = invalid (c, _("must be a finite number"));
      else if (fabs (n->valuedouble) > MAX_COORDINATE)
        ok = invalid (c, _("must be within ±%g px"), MAX_COORDINATE);
      else
        v[k] = n->valuedouble;
      pop (c, mark);
      if (!ok)
        return FALSE;
    }

  out->x = v[0];
  out->y = v[1];
  return TRUE;
}

static gboolean
read_point (Ctx         *c,
            const cJSON *object,
            const char  *key,
            gboolean     required,
            HlPoint     *out,
            gboolean    *present)
{
  const cJSON *item = member (object, key);
  gsize mark = push_key (c, key);
  gboolean ok = TRUE;

  if (item == NULL)
    ok = required ? invalid (c, _("missing required key")) : TRUE;
  else
    {
      ok = read_point_value (c, item, out);
      if (present != NULL)
        *present = ok;
    }
  pop (c, mark);

  return ok;
}

/* The value at the current path is an array of @min..@max points: into
 * *@points (transfer full) and *@n_points. */
static gboolean
read_points (Ctx          *c,
             const cJSON  *item,
             guint         min,
             guint         max,
             HlPoint     **points,
             guint        *n_points)
{
  g_autofree HlPoint *pts = NULL;
  int n;

  if (!cJSON_IsArray (item))
    return invalid (c, _("must be an array of points"));

  n = cJSON_GetArraySize (item);
  if (n < (int) min || n > (int) max)
    return invalid (c, _("must have %u–%u points"), min, max);

  pts = g_new (HlPoint, n);
  for (int i = 0; i < n; i++)
    {
      gsize mark = push_index (c, (guint) i);
      gboolean ok = read_point_value (c, cJSON_GetArrayItem (item, i), &pts[i]);

      pop (c, mark);
      if (!ok)
        return FALSE;
    }

  *points = g_steal_pointer (&pts);
  *n_points = (guint) n;
  return TRUE;
}

/* The value at the current path lists the corners of a curve of @n_points
 * points: distinct point indices in increasing order. Sets @corners[i] for
 * each (@corners has @n_points entries). */
static gboolean
read_corners (Ctx         *c,
              const cJSON *item,
              guint        n_points,
              gboolean    *corners)
{
  gint64 previous = -1;
  guint i = 0;

  if (!cJSON_IsArray (item))
    return invalid (c, _("must be an array of point indices"));

  /* Walk the list: a long array is refused at its first bad entry. */
  for (const cJSON *e = item->child; e != NULL; e = e->next, i++)
    {
      gsize mark = push_index (c, i);
      gboolean ok = TRUE;

      if (!cJSON_IsNumber (e) || !isfinite (e->valuedouble) ||
          e->valuedouble != floor (e->valuedouble))
        ok = invalid (c, _("must be an integer"));
      else if (e->valuedouble < 0 || e->valuedouble >= n_points)
        ok = invalid (c, _("must be a point index 0–%u"), n_points - 1);
      else if ((gint64) e->valuedouble <= previous)
        ok = invalid (c, _("must be more than the index before it (%lld)"), (long long) previous);
      else
        {
          previous = (gint64) e->valuedouble;
          corners[previous] = TRUE;
        }
      pop (c, mark);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The curve in member @key of @object (@min..@max points), with the corner
 * flags of member @corners_key, into *@out (transfer full; NULL when an
 * optional curve is absent). */
static gboolean
read_curve_member (Ctx          *c,
                   const cJSON  *object,
                   const char   *key,
                   const char   *corners_key,
                   gboolean      required,
                   guint         min,
                   guint         max,
                   gboolean      closed,
                   HlCurve     **out)
{
  const cJSON *item = member (object, key);
  const cJSON *corners_item = member (object, corners_key);
  g_autofree HlPoint *points = NULL;
  g_autofree gboolean *corners = NULL;
  guint n = 0;
  gsize mark;
  gboolean ok;

  *out = NULL;
  if (item == NULL)
    {
      if (required)
        {
          mark = push_key (c, key);
          invalid (c, _("missing required key"));
          pop (c, mark);
          return FALSE;
        }
      if (corners_item != NULL)
        {
          mark = push_key (c, corners_key);
          invalid (c, _("given without %s"), key);
          pop (c, mark);
          return FALSE;
        }
      return TRUE;
    }

  mark = push_key (c, key);
  ok = read_points (c, item, min, max, &points, &n);
  pop (c, mark);
  if (!ok)
    return FALSE;

  if (corners_item != NULL)
    {
      corners = g_new0 (gboolean, n);
      mark = push_key (c, corners_key);
      ok = read_corners (c, corners_item, n, corners);
      pop (c, mark);
      if (!ok)
        return FALSE;
    }

  *out = hl_curve_new_full (points, corners, n, closed);
  return TRUE;
}

static const char * const design_keys[] = {
  "format", "version", "engine_version", "seed", "client", "notes", "views", NULL
};
static const char * const view_keys[] = {
  "name", "photo", "calibration", "landmarks", "hairline", "hairline_corners", "zones",
  "edits", NULL
};
static const char * const photo_keys[] = { "path", "chart", "sha256", "width", "height", NULL };
static const char * const calibration_keys[] = {
  "source", "mm_per_px", "uncertainty", "reference", NULL
};
static const char * const reference_keys[] = { "a", "b", "length_mm", NULL };
/* With the keys of the parameter table (zone_key_known). */
static const char * const zone_keys[] = {
  "name", "kind", "boundary", "boundary_corners", "follows_hairline", "shade",
  "sessions", "seed", NULL
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
require_object (Ctx         *c,
                const cJSON *item)
{
  if (!cJSON_IsObject (item))
    return invalid (c, _("must be an object"));
  return TRUE;
}

static gboolean
read_chart (Ctx         *c,
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
    return invalid (c, _("a head chart has no path or sha256"));
  if (!read_string (c, item, "chart", TRUE, 64, &chart) ||
      !read_integer (c, item, "width", TRUE, 1, MAX_PHOTO_SIDE, &width) ||
      !read_integer (c, item, "height", TRUE, 1, MAX_PHOTO_SIDE, &height))
    return FALSE;
  if (!hl_head_chart_from_string (chart, &which))
    {
      gsize mark = push_key (c, "chart");

      invalid (c, _("must be front, top, left, right or back"));
      pop (c, mark);
      return FALSE;
    }
  hl_head_chart_get_size (which, &chart_w, &chart_h);
  if (width != chart_w || height != chart_h)
    {
      gsize mark = push_key (c, width != chart_w ? "width" : "height");

      invalid (c, _("the %s chart is %d × %d px"), chart, chart_w, chart_h);
      pop (c, mark);
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
read_photo (Ctx         *c,
            const cJSON *item,
            HlView      *view)
{
  g_autofree char *path = NULL;
  g_autofree char *sha = NULL;
  gint64 width = 0, height = 0;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !check_members (c, item, photo_keys, &extra))
    return FALSE;

  /* A head chart drawn by the project instead of a photo file: its name
   * and its fixed size, no path, no hash. */
  if (cJSON_GetObjectItemCaseSensitive (item, "chart") != NULL)
    return read_chart (c, item, view, g_steal_pointer (&extra));

  if (!read_string (c, item, "path", TRUE, MAX_PATH_BYTES, &path) ||
      !read_string (c, item, "sha256", FALSE, 64, &sha) ||
      !read_integer (c, item, "width", TRUE, 1, MAX_PHOTO_SIDE, &width) ||
      !read_integer (c, item, "height", TRUE, 1, MAX_PHOTO_SIDE, &height))
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
          gsize mark = push_key (c, "sha256");

          invalid (c, _("must be 64 lowercase hexadecimal digits"));
          pop (c, mark);
          return FALSE;
        }
    }

  hl_view_set_photo (view, path, sha, (int) width, (int) height);
  view->photo_extra = g_steal_pointer (&extra);
  return TRUE;
}

static gboolean
read_calibration (Ctx         *c,
                  const cJSON *item,
                  HlView      *view)
{
  HlCalibration cal = { HL_CALIBRATION_NONE, 0.0, 0.0 };
  g_autofree char *source = NULL;
  const cJSON *ref;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !check_members (c, item, calibration_keys, &extra))
    return FALSE;

  if (!read_string (c, item, "source", TRUE, 32, &source))
    return FALSE;
  if (!hl_calibration_source_from_string (source, &cal.source))
    {
      gsize mark = push_key (c, "source");

      invalid (c, _("must be one of none, ruler, iris, ipd, manual"));
      pop (c, mark);
      return FALSE;
    }

  if (!read_number (c, item, "mm_per_px", cal.source != HL_CALIBRATION_NONE,
                    /* Translators: units with a leading space follow a range,
                     * as in "must be 0.001–100 mm per pixel". */
                    0.001, 100, N_(" mm per pixel"), &cal.mm_per_px) ||
      !read_number (c, item, "uncertainty", FALSE, 0, 1, "", &cal.uncertainty))
    return FALSE;

  ref = member (item, "reference");
  if (ref != NULL)
    {
      gsize mark = push_key (c, "reference");
      gboolean ok = require_object (c, ref) &&
                    check_members (c, ref, reference_keys, NULL) &&
                    read_point (c, ref, "a", TRUE, &cal.ref_a, NULL) &&
                    read_point (c, ref, "b", TRUE, &cal.ref_b, NULL) &&
                    read_number (c, ref, "length_mm", TRUE, 0.1, 1000, N_(" mm"), &cal.ref_mm);

      pop (c, mark);
      if (!ok)
        return FALSE;
      cal.has_reference = TRUE;
    }

  hl_view_set_calibration (view, &cal);
  view->calibration_extra = g_steal_pointer (&extra);
  return TRUE;
}

static gboolean
read_landmarks (Ctx         *c,
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
      gsize mark = push_key (c, m->string);
      gboolean ok = TRUE;

      if (!g_hash_table_add (seen, m->string))
        ok = invalid (c, _("duplicate key"));
      else if (!hl_landmark_from_string (m->string, &which))
        ok = invalid (c, _("not a known landmark"));
      else if ((ok = read_point_value (c, m, &p)))
        hl_view_set_landmark (view, which, TRUE, p);
      pop (c, mark);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_sessions (Ctx          *c,
               const cJSON  *item,
               HlZoneParams *zp)
{
  int n;
  double sum = 0.0;

  if (!cJSON_IsArray (item))
    return invalid (c, _("must be an array"));

  n = cJSON_GetArraySize (item);
  if (n < 1 || n > HL_ZONE_MAX_SESSIONS)
    return invalid (c, _("must have 1–%d sessions"), HL_ZONE_MAX_SESSIONS);

  for (int i = 0; i < n; i++)
    {
      const cJSON *s = cJSON_GetArrayItem (item, i);
      gsize mark = push_index (c, (guint) i);
      gboolean ok = require_object (c, s) &&
                    check_members (c, s, session_keys, NULL) &&
                    read_number (c, s, "share", TRUE, 0, 1, "", &zp->sessions[i].share) &&
                    read_color (c, s, "shade", TRUE, &zp->sessions[i].shade);

      if (ok && zp->sessions[i].share <= 0.0)
        {
          gsize m2 = push_key (c, "share");

          ok = invalid (c, _("must be more than 0"));
          pop (c, m2);
        }
      pop (c, mark);
      if (!ok)
        return FALSE;
      sum += zp->sessions[i].share;
    }

  if (fabs (sum - 1.0) > 1e-6)
    return invalid (c, _("shares must sum to 1 (they sum to %g)"), sum);

  zp->n_sessions = (guint) n;
  return TRUE;
}

static HlZone *
read_zone (Ctx         *c,
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
  gsize mark;

  if (!require_object (c, item) ||
      !check_members_full (c, item, zone_keys, zone_key_known, &extra))
    return NULL;

  hl_zone_params_init (&zp);
  seed = zp.seed;

  if (!read_string (c, item, "name", TRUE, MAX_NAME_BYTES, &name) ||
      !read_string (c, item, "kind", TRUE, 32, &kind_text))
    return NULL;
  if (!hl_zone_kind_from_string (kind_text, &kind))
    {
      mark = push_key (c, "kind");
      invalid (c, _("must be one of frontal, temple, mid_scalp, crown, scar, custom"));
      pop (c, mark);
      return NULL;
    }

  if (!read_curve_member (c, item, "boundary", "boundary_corners", TRUE,
                          3, HL_CURVE_MAX_POINTS, TRUE, &boundary))
    return NULL;

  table = hl_zone_params_get_table (&n_table);
  for (guint i = 0; i < n_table; i++)
    {
      const HlZoneParamInfo *info = &table[i];
      double value = hl_zone_param_get (&zp, info);

      /* In range once read: setting it stores it unchanged. */
      if (!read_number (c, item, info->key, info->required, info->min, info->max,
                        info->error_unit, &value))
        return NULL;
      hl_zone_param_set (&zp, info, value);
    }

  if (!read_bool (c, item, "follows_hairline", &zp.follows_hairline) ||
      !read_color (c, item, "shade", FALSE, &zp.shade) ||
      !read_integer (c, item, "seed", FALSE, 0, G_MAXUINT32, &seed))
    return NULL;
  zp.seed = (guint32) seed;

  sub = member (item, "sessions");
  if (sub != NULL)
    {
      gboolean ok;

      mark = push_key (c, "sessions");
      ok = read_sessions (c, sub, &zp);
      pop (c, mark);
      if (!ok)
        return NULL;
    }

  zone = hl_zone_new (name, kind, boundary, &zp);
  zone->extra = g_steal_pointer (&extra);
  return zone;
}

static gboolean
read_edit (Ctx         *c,
           const cJSON *item,
           HlView      *view)
{
  g_autofree char *op = NULL;
  HlDotEdit edit = { 0 };

  if (!require_object (c, item) ||
      !read_string (c, item, "op", TRUE, 16, &op))
    return FALSE;

  if (g_strcmp0 (op, "add") == 0)
    {
      gint64 session = 1;

      edit.kind = HL_EDIT_ADD;
      edit.diameter_mm = 0.25;
      edit.shade = (HlColor) { 0x3a, 0x36, 0x33 };
      if (!check_members (c, item, edit_add_keys, NULL) ||
          !read_point (c, item, "at", TRUE, &edit.p, NULL) ||
          !read_number (c, item, "diameter_mm", FALSE, 0.05, 1.5, N_(" mm"), &edit.diameter_mm) ||
          !read_color (c, item, "shade", FALSE, &edit.shade) ||
          !read_integer (c, item, "session", FALSE, 1, HL_ZONE_MAX_SESSIONS, &session))
        return FALSE;
      edit.session = (guint) session - 1;
    }
  else if (g_strcmp0 (op, "remove") == 0)
    {
      edit.kind = HL_EDIT_REMOVE;
      if (!check_members (c, item, edit_remove_keys, NULL) ||
          !read_point (c, item, "at", TRUE, &edit.p, NULL) ||
          !read_number (c, item, "radius_px", TRUE, 0.1, 10000, N_(" px"), &edit.radius_px))
        return FALSE;
    }
  else
    {
      gsize mark = push_key (c, "op");

      invalid (c, _("must be add or remove"));
      pop (c, mark);
      return FALSE;
    }

  hl_view_append_edit (view, &edit);
  return TRUE;
}

static gboolean
read_array (Ctx          *c,
            const cJSON  *object,
            const char   *key,
            guint         max,
            const cJSON **out)
{
  const cJSON *item = member (object, key);
  gsize mark;
  gboolean ok = TRUE;

  *out = NULL;
  if (item == NULL)
    return TRUE;

  mark = push_key (c, key);
  if (!cJSON_IsArray (item))
    ok = invalid (c, _("must be an array"));
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
  pop (c, mark);

  return ok;
}

typedef gboolean (*ViewReader) (Ctx *c, const cJSON *item, HlView *view);

/* Reads the optional member @key of @object into @view with @reader. */
static gboolean
read_view_member (Ctx         *c,
                  const cJSON *object,
                  const char  *key,
                  ViewReader   reader,
                  HlView      *view)
{
  const cJSON *sub = member (object, key);
  gsize mark;
  gboolean ok;

  if (sub == NULL)
    return TRUE;

  mark = push_key (c, key);
  ok = reader (c, sub, view);
  pop (c, mark);
  return ok;
}

static HlView *
read_view (Ctx         *c,
           const cJSON *item)
{
  g_autofree char *name = NULL;
  g_autoptr(HlView) view = NULL;
  g_autoptr(HlCurve) hairline = NULL;
  const cJSON *zones, *edits;
  gsize mark;
  g_autoptr(cJSON) extra = NULL;

  if (!require_object (c, item) ||
      !check_members (c, item, view_keys, &extra))
    return NULL;

  if (!read_string (c, item, "name", TRUE, MAX_NAME_BYTES, &name))
    return NULL;
  view = hl_view_new (name);
  view->extra = g_steal_pointer (&extra);

  if (!read_view_member (c, item, "photo", read_photo, view) ||
      !read_view_member (c, item, "calibration", read_calibration, view) ||
      !read_view_member (c, item, "landmarks", read_landmarks, view))
    return NULL;

  if (!read_curve_member (c, item, "hairline", "hairline_corners", FALSE,
                          2, HL_CURVE_MAX_POINTS, FALSE, &hairline))
    return NULL;
  if (hairline != NULL)
    hl_view_set_hairline (view, hairline);

  if (!read_array (c, item, "zones", HL_VIEW_MAX_ZONES, &zones) ||
      !read_array (c, item, "edits", HL_VIEW_MAX_EDITS, &edits))
    return NULL;

  for (int i = 0; zones != NULL && i < cJSON_GetArraySize (zones); i++)
    {
      g_autoptr(HlZone) zone = NULL;

      mark = push_key (c, "zones");
      push_index (c, (guint) i);
      zone = read_zone (c, cJSON_GetArrayItem (zones, i));
      pop (c, mark);
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

          mark = push_key (c, "edits");
          push_index (c, i);
          ok = read_edit (c, e, view);
          pop (c, mark);
          if (!ok)
            return NULL;
        }
    }

  return g_steal_pointer (&view);
}

static HlDesign *
read_design (Ctx         *c,
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

  if (!read_string (c, root, "format", TRUE, 64, &format))
    return NULL;
  if (strcmp (format, HL_DESIGN_FORMAT) != 0)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_PARSE,
                   _("format: not a Hairline Studio design (format is \"%s\", expected \"%s\")"),
                   format, HL_DESIGN_FORMAT);
      return NULL;
    }

  /* The version first: a newer file may break any other rule. */
  if (!read_integer (c, root, "version", TRUE, 1, G_MAXINT32, &v))
    return NULL;
  if (v > HL_DESIGN_VERSION)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_VERSION,
                   _("written by a newer Hairline Studio (format version %lld); "
                     "this build reads version %d or older"),
                   (long long) v, HL_DESIGN_VERSION);
      return NULL;
    }

  if (!check_members (c, root, design_keys, &extra))
    return NULL;
  design->extra = extra;

  if (!read_integer (c, root, "engine_version", TRUE, 1, G_MAXINT32, &engine) ||
      !read_integer (c, root, "seed", TRUE, 0, G_MAXUINT32, &seed) ||
      !read_string (c, root, "client", FALSE, MAX_NAME_BYTES, &design->client_label) ||
      !read_string_full (c, root, "notes", FALSE, MAX_NOTES_BYTES, STRING_FREE_TEXT,
                         &design->notes))
    return NULL;
  design->version = (int) v;
  design->engine_version = (int) engine;
  design->seed = (guint32) seed;

  if (!read_array (c, root, "views", HL_DESIGN_MAX_VIEWS, &views))
    return NULL;
  if (views == NULL || cJSON_GetArraySize (views) < 1)
    {
      mark = push_key (c, "views");
      invalid (c, "%s", views == NULL ? _("missing required key") : _("must have at least one view"));
      pop (c, mark);
      return NULL;
    }

  for (int i = 0; i < cJSON_GetArraySize (views); i++)
    {
      g_autoptr(HlView) view = NULL;

      mark = push_key (c, "views");
      push_index (c, (guint) i);
      view = read_view (c, cJSON_GetArrayItem (views, i));
      for (guint k = 0; view != NULL && k < design->views->len; k++)
        {
          const HlView *other = g_ptr_array_index (design->views, k);

          if (g_strcmp0 (other->name, view->name) == 0)
            {
              push_key (c, "name");
              invalid (c, _("another view is already named \"%s\""), view->name);
              g_clear_pointer (&view, hl_view_unref);
            }
        }
      pop (c, mark);
      if (view == NULL)
        return NULL;
      hl_design_append_view (design, view);
    }

  if (!hl_design_check_budget (design, c->error))
    return NULL;

  return g_steal_pointer (&design);
}

/* --- what cJSON does not tell ---------------------------------------------- */

/* cJSON's CJSON_NESTING_LIMIT, compiled into the system library: deeper
 * input fails to parse with nothing but a position. */
#define MAX_NESTING 1000

/* Three things the parser hides are found in the raw text, in one pass
 * over it, before cJSON sees it.
 *
 * Size: an upper bound of the JSON values (one more than the commas and
 * opening brackets outside strings): cJSON takes about 100 bytes a value,
 * so this bounds the memory of the parse before it starts.
 *
 * Depth: cJSON refuses more than MAX_NESTING levels of arrays and objects
 * and says only where it stopped. The pass counts brackets outside strings,
 * so a design that goes too deep is called that, with the place.
 *
 * NUL: cJSON decodes "\u0000" inside a string and ends the C string there,
 * so "Alice\u0000Bob" reads as "Alice" and a photo path
 * "astronaut.png\u0000.jpg" as "astronaut.png", with nothing in the tree to
 * tell. (A raw NUL byte never gets this far: UTF-8 validation refuses it.)
 * The pass numbers the string tokens, keys and values alike, in the order
 * they appear, and notes those whose raw token holds a \u0000 escape.
 * cJSON builds its tree in that same order, so a walk over the parsed tree
 * that counts keys and string values the same way meets each noted string
 * and can name its JSON path. */
typedef struct
{
  gsize   n_values;     /* an upper bound of the JSON values */
  guint   max_depth;
  gsize   deep_at;      /* offset where the depth first passed MAX_NESTING */
  GArray *nul_strings;  /* guint: numbers of the string tokens with \u0000, increasing */
} Scan;

static void
scan_text (const char *data,
           gsize       length,
           Scan       *scan)
{
  guint depth = 0;
  guint ordinal = 0;
  gboolean in_string = FALSE;
  gboolean has_nul = FALSE;

  scan->n_values = 1;
  scan->max_depth = 0;
  scan->deep_at = 0;
  scan->nul_strings = g_array_new (FALSE, FALSE, sizeof (guint));

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          if (ch == '\\')
            {
              if (i + 5 < length && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                has_nul = TRUE;
              i++;   /* the escaped character; \uXXXX digits are plain characters */
            }
          else if (ch == '"')
            {
              if (has_nul)
                g_array_append_val (scan->nul_strings, ordinal);
              ordinal++;
              in_string = FALSE;
            }
        }
      else if (ch == '"')
        {
          in_string = TRUE;
          has_nul = FALSE;
        }
      else if (ch == ',')
        scan->n_values++;
      else if (ch == '[' || ch == '{')
        {
          scan->n_values++;
          depth++;
          if (depth > scan->max_depth)
            {
              scan->max_depth = depth;
              if (depth == MAX_NESTING + 1)
                scan->deep_at = i;
            }
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        depth--;
    }
}

typedef struct
{
  const GArray *nul_strings;
  guint         next;       /* index in nul_strings of the next one to meet */
  guint         ordinal;    /* number of the next string token */
} NulWalk;

/* Walks @item in document order; FALSE, with the error set at the string's
 * JSON path, at the first string token noted by scan_text(). */
static gboolean
find_nul_string (Ctx         *c,
                 const cJSON *item,
                 NulWalk     *w)
{
  guint index = 0;

  if (w->next >= w->nul_strings->len)
    return TRUE;

  if (cJSON_IsString (item))
    {
      if (w->ordinal++ == g_array_index (w->nul_strings, guint, w->next))
        return invalid (c, _("must not contain control characters (U+0000)"));
      return TRUE;
    }

  if (!cJSON_IsObject (item) && !cJSON_IsArray (item))
    return TRUE;

  for (const cJSON *child = item->child; child != NULL; child = child->next, index++)
    {
      gsize mark;
      gboolean ok;

      if (cJSON_IsObject (item))
        {
          mark = push_key (c, child->string != NULL ? child->string : "");
          if (w->ordinal++ == g_array_index (w->nul_strings, guint, w->next))
            {
              invalid (c, _("a key must not contain control characters (U+0000)"));
              pop (c, mark);
              return FALSE;
            }
        }
      else
        mark = push_index (c, index);
      ok = find_nul_string (c, child, w);
      pop (c, mark);
      if (!ok)
        return FALSE;
      if (w->next >= w->nul_strings->len)
        break;
    }

  return TRUE;
}

/* Line and column (from 1) of @offset in @data. */
static void
text_position (const char *data,
               gsize       length,
               gsize       offset,
               gsize      *line,
               gsize      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset && i < length; i++)
    {
      if (data[i] == '\n')
        (*line)++, *column = 1;
      else
        (*column)++;
    }
}

HlDesign *
hl_design_load_from_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  const char *end = NULL;
  const char *bad = NULL;
  cJSON *root;
  HlDesign *design;
  Scan scan;
  NulWalk walk;
  Ctx c;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > HL_DESIGN_MAX_FILE_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "the design is %zu byte; the limit is %d MiB",
                                "the design is %zu bytes; the limit is %d MiB", length),
                   length, HL_DESIGN_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE, _("the file is empty, not a design"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                   _("not valid UTF-8 text (byte %zu)"), (gsize) (bad - data));
      return NULL;
    }

  scan_text (data, length, &scan);
  if (scan.n_values > HL_DESIGN_MAX_JSON_VALUES)
    {
      g_array_unref (scan.nul_strings);
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("the design holds more than %d million JSON values; the limit is %d million"),
                   HL_DESIGN_MAX_JSON_VALUES / 1000000, HL_DESIGN_MAX_JSON_VALUES / 1000000);
      return NULL;
    }
  if (scan.max_depth > MAX_NESTING)
    {
      gsize line, column;

      text_position (data, length, scan.deep_at, &line, &column);
      g_array_unref (scan.nul_strings);
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                   _("nested too deeply (limit %d levels): level %d starts at line %zu, column %zu"),
                   MAX_NESTING, MAX_NESTING + 1, line, column);
      return NULL;
    }

  /* cJSON_Parse() would accept trailing garbage: check what follows. (Its
   * require_null_terminated flag wants the NUL inside @length.) */
  root = cJSON_ParseWithLengthOpts (data, length, &end, FALSE);
  if (root != NULL && end != NULL)
    {
      const char *tail = end;

      while (tail < data + length && g_ascii_isspace (*tail))
        tail++;
      if (tail < data + length)
        {
          g_clear_pointer (&root, cJSON_Delete);
          end = tail;
        }
    }
  if (root == NULL)
    {
      gsize offset = end != NULL && end >= data ? (gsize) (end - data) : 0;
      gsize line, column;

      if (end == NULL)
        {
          const char *e = cJSON_GetErrorPtr ();

          offset = e != NULL && e >= data && e <= data + length ? (gsize) (e - data) : 0;
        }
      text_position (data, length, offset, &line, &column);
      g_array_unref (scan.nul_strings);
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                   _("not valid JSON (line %zu, column %zu)"),
                   line, column);
      return NULL;
    }

  c.path = g_string_new (NULL);
  c.error = error;
  c.unknown_bytes = 0;
  c.photo_pixels = 0;
  walk.nul_strings = scan.nul_strings;
  walk.next = 0;
  walk.ordinal = 0;
  if (find_nul_string (&c, root, &walk))
    design = read_design (&c, root);
  else
    design = NULL;
  g_string_free (c.path, TRUE);
  g_array_unref (scan.nul_strings);
  cJSON_Delete (root);

  return design;
}

HlDesign *
hl_design_load_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: %s"), g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: not a regular file"));
      return NULL;
    }
  if (st.st_size > HL_DESIGN_MAX_FILE_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "the design is %lld byte; the limit is %d MiB",
                                "the design is %lld bytes; the limit is %d MiB", (gulong) st.st_size),
                   (long long) st.st_size, HL_DESIGN_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: %s"), local->message);
      return NULL;
    }

  return hl_design_load_from_data (data, length, error);
}

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
zone_json (const HlZone *zone)
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

  for (guint i = 0; i < view->zones->len; i++)
    cJSON_AddItemToArray (zones, zone_json (g_ptr_array_index (view->zones, i)));
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
              cJSON_AddStringToObject (j, "op", "add");
              cJSON_AddItemToObject (j, "at", point_json (e->p));
              add_real (j, "diameter_mm", e->diameter_mm);
              add_color (j, "shade", e->shade);
              cJSON_AddNumberToObject (j, "session", e->session + 1);
            }
          else
            {
              cJSON_AddStringToObject (j, "op", "remove");
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
  views = cJSON_AddArrayToObject (root, "views");
  for (guint i = 0; i < design->views->len; i++)
    cJSON_AddItemToArray (views, view_json (g_ptr_array_index (design->views, i)));
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
