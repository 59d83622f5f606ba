/* hl-design-io-values.c: single values of a design file (numbers, strings, colours,
 * points, curves), each checked against its rule and named by its JSON path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "hl-design-io-private.h"
#include "hl-text.h"

gboolean
hl_design_io_invalid (HlReadCtx  *c,
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

gsize
hl_design_io_push_key (HlReadCtx  *c,
                       const char *key)
{
  gsize mark = c->path->len;

  if (c->path->len > 0)
    g_string_append_c (c->path, '.');
  g_string_append (c->path, key);
  return mark;
}

gsize
hl_design_io_push_index (HlReadCtx *c,
                         guint      index)
{
  gsize mark = c->path->len;

  g_string_append_printf (c->path, "[%u]", index);
  return mark;
}

void
hl_design_io_pop (HlReadCtx *c,
                  gsize      mark)
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

/* Refuses duplicate keys; keys neither in @known nor accepted by
 * @also_known (may be NULL) go to *@extra (a new object, or NULL if there
 * are none) or, when @extra is NULL, are refused. */
gboolean
hl_design_io_check_members_full (HlReadCtx          *c,
                                 const cJSON        *object,
                                 const char * const *known,
                                 HlKeyPredicate      also_known,
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
          mark = hl_design_io_push_key (c, item->string);
          hl_design_io_invalid (c, _("duplicate key"));
          hl_design_io_pop (c, mark);
          goto fail;
        }

      if (key_known (item->string, known) ||
          (also_known != NULL && also_known (item->string)))
        continue;

      if (extra == NULL)
        {
          mark = hl_design_io_push_key (c, item->string);
          hl_design_io_invalid (c, _("unknown key"));
          hl_design_io_pop (c, mark);
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
            mark = hl_design_io_push_key (c, item->string);
            g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                         _("%s: unknown keys would keep more JSON than the limit of %d MiB "
                         "over the whole design"),
                         c->path->str, MAX_UNKNOWN_BYTES / (1024 * 1024));
            hl_design_io_pop (c, mark);
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

gboolean
hl_design_io_check_members (HlReadCtx          *c,
                            const cJSON        *object,
                            const char * const *known,
                            cJSON             **extra)
{
  return hl_design_io_check_members_full (c, object, known, NULL, extra);
}

const cJSON *
hl_design_io_member (const cJSON *object,
                     const char  *key)
{
  return cJSON_GetObjectItemCaseSensitive (object, key);
}

/* The member @key of @object in *@item (NULL when absent); FALSE, with the
 * error set, when a required member is missing. */
gboolean
hl_design_io_lookup (HlReadCtx    *c,
                     const cJSON  *object,
                     const char   *key,
                     gboolean      required,
                     const cJSON **item)
{
  gsize mark;

  *item = hl_design_io_member (object, key);
  if (*item != NULL || !required)
    return TRUE;

  mark = hl_design_io_push_key (c, key);
  hl_design_io_invalid (c, _("missing required key"));
  hl_design_io_pop (c, mark);
  return FALSE;
}

/* Each reader: @key of @object into *@out. Absent optional keys leave *@out
 * unchanged and return TRUE. */
gboolean
hl_design_io_read_number (HlReadCtx   *c,
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

  if (!hl_design_io_lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsNumber (item))
    ok = hl_design_io_invalid (c, _("must be a number"));
  else if (!isfinite (item->valuedouble))
    ok = hl_design_io_invalid (c, _("must be a finite number"));
  else if (item->valuedouble < min || item->valuedouble > max)
    ok = hl_design_io_invalid (c, _("must be %g–%g%s"), min, max, unit[0] != '\0' ? _(unit) : "");
  else
    *out = item->valuedouble;
  hl_design_io_pop (c, mark);

  return ok;
}

gboolean
hl_design_io_read_integer (HlReadCtx   *c,
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

  if (!hl_design_io_lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsNumber (item) || !isfinite (item->valuedouble) ||
      item->valuedouble != floor (item->valuedouble))
    ok = hl_design_io_invalid (c, _("must be an integer"));
  else if (item->valuedouble < min || item->valuedouble > max)
    ok = hl_design_io_invalid (c, _("must be %.0f–%.0f"), min, max);
  else
    *out = (gint64) item->valuedouble;
  hl_design_io_pop (c, mark);

  return ok;
}

gboolean
hl_design_io_read_string_full (HlReadCtx   *c,
                               const cJSON *object,
                               const char  *key,
                               gboolean     required,
                               gsize        max_bytes,
                               HlStringKind kind,
                               char       **out)
{
  const cJSON *item;
  gsize mark;
  gboolean ok = TRUE;
  gunichar bad;

  if (!hl_design_io_lookup (c, object, key, required, &item) || item == NULL)
    return item == NULL && !required;

  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsString (item) || item->valuestring == NULL)
    ok = hl_design_io_invalid (c, _("must be a string"));
  else if (strlen (item->valuestring) > max_bytes)
    ok = hl_design_io_invalid (c, g_dngettext (GETTEXT_PACKAGE, "must be at most %zu byte", "must be at most %zu bytes",
                                    max_bytes), max_bytes);
  else if ((bad = hl_text_find_control (item->valuestring, kind == HL_STRING_FREE_TEXT)) != 0)
    ok = hl_design_io_invalid (c, _("must not contain control characters (U+%04X)"), bad);
  else if (required && item->valuestring[0] == '\0')
    ok = hl_design_io_invalid (c, _("must not be empty"));
  else
    {
      g_free (*out);
      *out = g_strdup (item->valuestring);
    }
  hl_design_io_pop (c, mark);

  return ok;
}

gboolean
hl_design_io_read_string (HlReadCtx   *c,
                          const cJSON *object,
                          const char  *key,
                          gboolean     required,
                          gsize        max_bytes,
                          char       **out)
{
  return hl_design_io_read_string_full (c, object, key, required, max_bytes, HL_STRING_PLAIN, out);
}

gboolean
hl_design_io_read_bool (HlReadCtx   *c,
                        const cJSON *object,
                        const char  *key,
                        gboolean    *out)
{
  const cJSON *item = hl_design_io_member (object, key);
  gsize mark;
  gboolean ok = TRUE;

  if (item == NULL)
    return TRUE;

  mark = hl_design_io_push_key (c, key);
  if (!cJSON_IsBool (item))
    ok = hl_design_io_invalid (c, _("must be true or false"));
  else
    *out = cJSON_IsTrue (item);
  hl_design_io_pop (c, mark);

  return ok;
}

gboolean
hl_design_io_read_color (HlReadCtx   *c,
                         const cJSON *object,
                         const char  *key,
                         gboolean     required,
                         HlColor     *out)
{
  g_autofree char *text = NULL;
  gsize mark;
  gboolean ok = TRUE;

  if (!hl_design_io_read_string (c, object, key, required, 16, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  mark = hl_design_io_push_key (c, key);
  if (!hl_color_parse (text, out))
    ok = hl_design_io_invalid (c, _("must be a colour written #rrggbb"));
  hl_design_io_pop (c, mark);

  return ok;
}

/* The value at the current path is a point: [x, y]. */
gboolean
hl_design_io_read_point_value (HlReadCtx   *c,
                               const cJSON *item,
                               HlPoint     *out)
{
  double v[2];

  if (!cJSON_IsArray (item) || cJSON_GetArraySize (item) != 2)
    return hl_design_io_invalid (c, _("must be a point [x, y]"));

  for (guint k = 0; k < 2; k++)
    {
      const cJSON *n = cJSON_GetArrayItem (item, (int) k);
      gsize mark = hl_design_io_push_index (c, k);
      gboolean ok = TRUE;

      if (!cJSON_IsNumber (n) || !isfinite (n->valuedouble))
        ok = hl_design_io_invalid (c, _("must be a finite number"));
      else if (fabs (n->valuedouble) > MAX_COORDINATE)
        ok = hl_design_io_invalid (c, _("must be within ±%g px"), MAX_COORDINATE);
      else
        v[k] = n->valuedouble;
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }

  out->x = v[0];
  out->y = v[1];
  return TRUE;
}

gboolean
hl_design_io_read_point (HlReadCtx   *c,
                         const cJSON *object,
                         const char  *key,
                         gboolean     required,
                         HlPoint     *out,
                         gboolean    *present)
{
  const cJSON *item = hl_design_io_member (object, key);
  gsize mark = hl_design_io_push_key (c, key);
  gboolean ok = TRUE;

  if (item == NULL)
    ok = required ? hl_design_io_invalid (c, _("missing required key")) : TRUE;
  else
    {
      ok = hl_design_io_read_point_value (c, item, out);
      if (present != NULL)
        *present = ok;
    }
  hl_design_io_pop (c, mark);

  return ok;
}

/* The value at the current path is an array of @min..@max points: into
 * *@points (transfer full) and *@n_points. */
static gboolean
read_points (HlReadCtx   *c,
             const cJSON *item,
             guint        min,
             guint        max,
             HlPoint    **points,
             guint       *n_points)
{
  g_autofree HlPoint *pts = NULL;
  int n;

  if (!cJSON_IsArray (item))
    return hl_design_io_invalid (c, _("must be an array of points"));

  n = cJSON_GetArraySize (item);
  if (n < (int) min || n > (int) max)
    return hl_design_io_invalid (c, _("must have %u–%u points"), min, max);

  pts = g_new (HlPoint, n);
  for (int i = 0; i < n; i++)
    {
      gsize mark = hl_design_io_push_index (c, (guint) i);
      gboolean ok = hl_design_io_read_point_value (c, cJSON_GetArrayItem (item, i), &pts[i]);

      hl_design_io_pop (c, mark);
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
read_corners (HlReadCtx   *c,
              const cJSON *item,
              guint        n_points,
              gboolean    *corners)
{
  gint64 previous = -1;
  guint i = 0;

  if (!cJSON_IsArray (item))
    return hl_design_io_invalid (c, _("must be an array of point indices"));

  /* Walk the list: a long array is refused at its first bad entry. */
  for (const cJSON *e = item->child; e != NULL; e = e->next, i++)
    {
      gsize mark = hl_design_io_push_index (c, i);
      gboolean ok = TRUE;

      if (!cJSON_IsNumber (e) || !isfinite (e->valuedouble) ||
          e->valuedouble != floor (e->valuedouble))
        ok = hl_design_io_invalid (c, _("must be an integer"));
      else if (e->valuedouble < 0 || e->valuedouble >= n_points)
        ok = hl_design_io_invalid (c, _("must be a point index 0–%u"), n_points - 1);
      else if ((gint64) e->valuedouble <= previous)
        ok = hl_design_io_invalid (c, _("must be more than the index before it (%lld)"), (long long) previous);
      else
        {
          previous = (gint64) e->valuedouble;
          corners[previous] = TRUE;
        }
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* The curve in member @key of @object (@min..@max points), with the corner
 * flags of member @corners_key, into *@out (transfer full; NULL when an
 * optional curve is absent). */
gboolean
hl_design_io_read_curve_member (HlReadCtx   *c,
                                const cJSON *object,
                                const char  *key,
                                const char  *corners_key,
                                gboolean     required,
                                guint        min,
                                guint        max,
                                gboolean     closed,
                                HlCurve    **out)
{
  const cJSON *item = hl_design_io_member (object, key);
  const cJSON *corners_item = hl_design_io_member (object, corners_key);
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
          mark = hl_design_io_push_key (c, key);
          hl_design_io_invalid (c, _("missing required key"));
          hl_design_io_pop (c, mark);
          return FALSE;
        }
      if (corners_item != NULL)
        {
          mark = hl_design_io_push_key (c, corners_key);
          hl_design_io_invalid (c, _("given without %s"), key);
          hl_design_io_pop (c, mark);
          return FALSE;
        }
      return TRUE;
    }

  mark = hl_design_io_push_key (c, key);
  ok = read_points (c, item, min, max, &points, &n);
  hl_design_io_pop (c, mark);
  if (!ok)
    return FALSE;

  if (corners_item != NULL)
    {
      corners = g_new0 (gboolean, n);
      mark = hl_design_io_push_key (c, corners_key);
      ok = read_corners (c, corners_item, n, corners);
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }

  *out = hl_curve_new_full (points, corners, n, closed);
  return TRUE;
}
