/* hl-design-io-record.c: the treatment record of a design (format version
 * 3), read from and written to the design's JSON: "client_details" (an
 * object) and "records" (an array, one object per recorded session).
 *
 *   "client_details": { "date_of_birth": "1981-04-02", "age": 45,
 *                       "fitzpatrick": "III", "hair_colour": "#2a211c",
 *                       "notes": "…", "contraindications": "…",
 *                       "consent_date": "2026-10-28" },
 *   "records": [ { "session": 1, "date": "2026-11-02", "duration_min": 150,
 *                  "needle": "3RL", "pigment": "…", "dilution": "1:3",
 *                  "machine": "…", "zones": ["Frontal band"], "notes": "…",
 *                  "photos": [ { "path": "…", "sha256": "…", "width": …,
 *                                "height": …, "view": "front",
 *                                "alignment": { "pairs": [ { "photo": [x, y],
 *                                                            "view": [x, y] } ],
 *                                               "transform": [9 numbers] } } ] } ]
 *
 * Every member is optional but "session" and a photo's path, size and
 * view. Dates cannot be later than today; a duration is 0–1440 minutes; a
 * dilution is two positive numbers "pigment:water"; a record names a
 * planned session once; a photo names one of the design's views. Unknown
 * members of these objects are kept like the design's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-design-io-private.h"
#include "hl-photo.h"
#include "hl-record-date.h"
#include "hl-text.h"

#define MAX_SHORT_BYTES 200
#define MAX_RECORDS 64

static const char * const client_keys[] = {
  "date_of_birth", "age", "fitzpatrick", "hair_colour", "notes", "contraindications",
  "consent_date", NULL
};
static const char * const record_keys[] = {
  "session", "date", "duration_min", "needle", "pigment", "dilution", "machine", "zones",
  "notes", "photos", NULL
};
static const char * const photo_keys[] = {
  "path", "sha256", "width", "height", "view", "alignment", NULL
};
static const char * const alignment_keys[] = { "pairs", "transform", NULL };
static const char * const pair_keys[] = { "photo", "view", NULL };

static gboolean
invalid_at (HlReadCtx  *c,
            const char *key,
            const char *message)
{
  gsize mark = hl_design_io_push_key (c, key);

  hl_design_io_invalid (c, "%s", message);
  hl_design_io_pop (c, mark);
  return FALSE;
}

/* Optional date member @key into *@out. */
static gboolean
read_date (HlReadCtx   *c,
           const cJSON *object,
           const char  *key,
           char       **out)
{
  g_autofree char *text = NULL;

  if (!hl_design_io_read_string (c, object, key, FALSE, 32, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  switch (hl_record_date_check (text, NULL))
    {
    case HL_RECORD_DATE_MALFORMED:
      return invalid_at (c, key, _("must be a date written YYYY-MM-DD"));
    case HL_RECORD_DATE_FUTURE:
      return invalid_at (c, key, _("is later than today; a record tells what was done"));
    case HL_RECORD_DATE_OK:
    default:
      break;
    }
  g_free (*out);
  *out = g_steal_pointer (&text);
  return TRUE;
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
read_client (HlReadCtx   *c,
             const cJSON *item,
             HlDesign    *design)
{
  g_autoptr(HlClient) client = hl_client_new ();
  g_autofree char *fitz = NULL;
  const cJSON *f;
  gint64 age = 0;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, client_keys, &client->extra) ||
      !read_date (c, item, "date_of_birth", &client->date_of_birth) ||
      !hl_design_io_read_integer (c, item, "age", FALSE, 0, HL_CLIENT_MAX_AGE, &age) ||
      !hl_design_io_read_color (c, item, "hair_colour", FALSE, &client->hair_colour) ||
      !hl_design_io_read_string_full (c, item, "notes", FALSE, MAX_NOTES_BYTES, HL_STRING_FREE_TEXT,
                                      &client->notes) ||
      !hl_design_io_read_string_full (c, item, "contraindications", FALSE, MAX_NOTES_BYTES,
                                      HL_STRING_FREE_TEXT, &client->contraindications) ||
      !read_date (c, item, "consent_date", &client->consent_date))
    return FALSE;
  client->age = (int) age;
  client->has_hair_colour = hl_design_io_member (item, "hair_colour") != NULL;

  f = hl_design_io_member (item, "fitzpatrick");
  if (f != NULL)
    {
      if (!cJSON_IsString (f) || !hl_fitzpatrick_from_string (f->valuestring, &client->fitzpatrick) ||
          g_ascii_isdigit (f->valuestring[0]))
        return invalid_at (c, "fitzpatrick", _("must be a Fitzpatrick skin type, I to VI"));
    }

  hl_design_set_client (design, client);
  return TRUE;
}

static gboolean
read_pair (HlReadCtx   *c,
           const cJSON *item,
           HlAlignPair *pair)
{
  return require_object (c, item) &&
         hl_design_io_check_members (c, item, pair_keys, NULL) &&
         hl_design_io_read_point (c, item, "photo", TRUE, &pair->photo, NULL) &&
         hl_design_io_read_point (c, item, "view", TRUE, &pair->view, NULL);
}

static gboolean
read_alignment (HlReadCtx       *c,
                const cJSON     *item,
                HlProgressPhoto *photo)
{
  HlAlignPair pairs[HL_PROGRESS_PHOTO_MAX_PAIRS];
  const cJSON *list, *transform;
  double m[9];
  int n = 0;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, alignment_keys, NULL))
    return FALSE;

  list = hl_design_io_member (item, "pairs");
  if (list != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "pairs");

      if (!cJSON_IsArray (list) || (n = cJSON_GetArraySize (list)) < 2 ||
          n > HL_PROGRESS_PHOTO_MAX_PAIRS)
        {
          hl_design_io_invalid (c, _("must be an array of 2–4 landmark pairs"));
          hl_design_io_pop (c, mark);
          return FALSE;
        }
      for (int i = 0; i < n; i++)
        {
          gsize m2 = hl_design_io_push_index (c, (guint) i);
          gboolean ok = read_pair (c, cJSON_GetArrayItem (list, i), &pairs[i]);

          hl_design_io_pop (c, m2);
          if (!ok)
            {
              hl_design_io_pop (c, mark);
              return FALSE;
            }
        }
      hl_design_io_pop (c, mark);
    }

  transform = hl_design_io_member (item, "transform");
  if (transform != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "transform");
      gboolean ok = cJSON_IsArray (transform) && cJSON_GetArraySize (transform) == 9;

      for (int i = 0; ok && i < 9; i++)
        {
          const cJSON *v = cJSON_GetArrayItem (transform, i);

          ok = cJSON_IsNumber (v) && isfinite (v->valuedouble) && fabs (v->valuedouble) <= 1e9;
          m[i] = ok ? v->valuedouble : 0.0;
        }
      if (ok)
        {
          /* A map that sends the photo's middle to infinity aligns nothing. */
          HlPoint p;

          ok = hl_align_apply (m, (HlPoint) { photo->width / 2.0, photo->height / 2.0 }, &p);
        }
      if (!ok)
        hl_design_io_invalid (c, _("must be 9 finite numbers, a 3 × 3 matrix row by row"));
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }
  else if (n >= 2)
    {
      if (!hl_align_fit (pairs, (guint) n, m))
        return invalid_at (c, "pairs", _("the landmarks fix no alignment (points repeated or on a line)"));
    }
  else
    return hl_design_io_invalid (c, _("needs landmark pairs or a transform"));

  hl_progress_photo_set_transform (photo, m, pairs, (guint) n);
  return TRUE;
}

static gboolean
check_sha (HlReadCtx  *c,
           const char *sha)
{
  gboolean ok = strlen (sha) == 64;

  for (guint i = 0; ok && sha[i] != '\0'; i++)
    ok = g_ascii_isxdigit (sha[i]) && !g_ascii_isupper (sha[i]);
  if (!ok)
    return invalid_at (c, "sha256", _("must be 64 lowercase hexadecimal digits"));
  return TRUE;
}

static gboolean
read_photo (HlReadCtx        *c,
            const cJSON      *item,
            const HlDesign   *design,
            HlProgressPhoto **out)
{
  g_autofree char *path = NULL, *sha = NULL, *view = NULL;
  g_autoptr(HlProgressPhoto) photo = NULL;
  g_autoptr(cJSON) extra = NULL;
  gint64 width = 0, height = 0;
  const cJSON *alignment;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, photo_keys, &extra) ||
      !hl_design_io_read_string (c, item, "path", TRUE, MAX_PATH_BYTES, &path) ||
      !hl_design_io_read_string (c, item, "sha256", FALSE, 64, &sha) ||
      !hl_design_io_read_integer (c, item, "width", TRUE, 1, MAX_PHOTO_SIDE, &width) ||
      !hl_design_io_read_integer (c, item, "height", TRUE, 1, MAX_PHOTO_SIDE, &height) ||
      !hl_design_io_read_string (c, item, "view", TRUE, MAX_NAME_BYTES, &view))
    return FALSE;
  if (path[0] == '\0')
    return invalid_at (c, "path", _("must not be empty"));
  if (sha != NULL && !check_sha (c, sha))
    return FALSE;
  if (width * height > HL_PHOTO_MAX_PIXELS)
    {
      g_set_error (c->error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("%s: %lld × %lld is %.0f MP; the limit is %d MP"),
                   c->path->str, (long long) width, (long long) height, (double) width * height / 1e6,
                   HL_PHOTO_MAX_PIXELS / 1000000);
      return FALSE;
    }
  if (hl_design_find_view (design, view) < 0 ||
      g_strcmp0 (hl_design_get_view (design, (guint) hl_design_find_view (design, view))->name, view) != 0)
    {
      g_autofree char *msg = g_strdup_printf (_("the design has no view named \"%s\""), view);

      return invalid_at (c, "view", msg);
    }

  photo = hl_progress_photo_new (path, sha, (int) width, (int) height, view);
  alignment = hl_design_io_member (item, "alignment");
  if (alignment != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "alignment");
      gboolean ok = read_alignment (c, alignment, photo);

      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }
  photo->extra = g_steal_pointer (&extra);
  *out = g_steal_pointer (&photo);
  return TRUE;
}

static gboolean
read_string_list (HlReadCtx       *c,
                  const cJSON     *object,
                  HlSessionRecord *record)
{
  const cJSON *list = hl_design_io_member (object, "zones");
  gsize mark;

  if (list == NULL)
    return TRUE;
  mark = hl_design_io_push_key (c, "zones");
  if (!cJSON_IsArray (list) || cJSON_GetArraySize (list) > HL_SESSION_RECORD_MAX_ZONES)
    {
      hl_design_io_invalid (c, _("must be an array of at most %d zone names"), HL_SESSION_RECORD_MAX_ZONES);
      hl_design_io_pop (c, mark);
      return FALSE;
    }
  for (int i = 0; i < cJSON_GetArraySize (list); i++)
    {
      const cJSON *s = cJSON_GetArrayItem (list, i);
      gsize m2 = hl_design_io_push_index (c, (guint) i);
      gboolean ok = cJSON_IsString (s) && s->valuestring[0] != '\0' &&
                    strlen (s->valuestring) <= MAX_NAME_BYTES &&
                    g_utf8_validate (s->valuestring, -1, NULL) &&
                    hl_text_find_control (s->valuestring, FALSE) == 0;

      if (ok)
        hl_session_record_add_zone (record, s->valuestring);
      else
        hl_design_io_invalid (c, _("must be a zone's name"));
      hl_design_io_pop (c, m2);
      if (!ok)
        {
          hl_design_io_pop (c, mark);
          return FALSE;
        }
    }
  hl_design_io_pop (c, mark);
  return TRUE;
}

static gboolean
read_one_record (HlReadCtx   *c,
                 const cJSON *item,
                 HlDesign    *design)
{
  g_autoptr(HlSessionRecord) record = NULL;
  g_autofree char *dilution = NULL;
  g_autoptr(cJSON) extra = NULL;
  const cJSON *photos, *d;
  gint64 session = 0;
  double duration = 0.0;

  if (!require_object (c, item) ||
      !hl_design_io_check_members (c, item, record_keys, &extra) ||
      !hl_design_io_read_integer (c, item, "session", TRUE, 1, HL_ZONE_MAX_SESSIONS, &session))
    return FALSE;
  if (hl_design_get_record (design, (guint) session) != NULL)
    return invalid_at (c, "session", _("another record is already for this session"));

  record = hl_session_record_new ((guint) session);
  record->extra = g_steal_pointer (&extra);

  d = hl_design_io_member (item, "duration_min");
  if (d != NULL && cJSON_IsNumber (d) && d->valuedouble < 0)
    return invalid_at (c, "duration_min", _("must not be negative"));
  if (!read_date (c, item, "date", &record->date) ||
      !hl_design_io_read_number (c, item, "duration_min", FALSE, 0, HL_SESSION_RECORD_MAX_DURATION_MIN,
                                 /* Translators: after a range, "must be 0–1440 minutes". */
                                 N_(" minutes"), &duration) ||
      !hl_design_io_read_string (c, item, "needle", FALSE, MAX_SHORT_BYTES, &record->needle) ||
      !hl_design_io_read_string (c, item, "pigment", FALSE, MAX_SHORT_BYTES, &record->pigment) ||
      !hl_design_io_read_string (c, item, "dilution", FALSE, 64, &dilution) ||
      !hl_design_io_read_string (c, item, "machine", FALSE, MAX_SHORT_BYTES, &record->machine) ||
      !read_string_list (c, item, record) ||
      !hl_design_io_read_string_full (c, item, "notes", FALSE, MAX_NOTES_BYTES, HL_STRING_FREE_TEXT,
                                      &record->notes))
    return FALSE;
  record->duration_min = duration;
  if (dilution != NULL &&
      !hl_dilution_parse (dilution, &record->dilution_pigment, &record->dilution_water))
    return invalid_at (c, "dilution",
                       _("must be two positive numbers, pigment to water, as in \"1:3\""));

  photos = hl_design_io_member (item, "photos");
  if (photos != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "photos");

      if (!cJSON_IsArray (photos) || cJSON_GetArraySize (photos) > HL_SESSION_RECORD_MAX_PHOTOS)
        {
          hl_design_io_invalid (c, _("must be an array of at most %d photos"), HL_SESSION_RECORD_MAX_PHOTOS);
          hl_design_io_pop (c, mark);
          return FALSE;
        }
      for (int i = 0; i < cJSON_GetArraySize (photos); i++)
        {
          g_autoptr(HlProgressPhoto) photo = NULL;
          gsize m2 = hl_design_io_push_index (c, (guint) i);
          gboolean ok = read_photo (c, cJSON_GetArrayItem (photos, i), design, &photo);

          hl_design_io_pop (c, m2);
          if (!ok)
            {
              hl_design_io_pop (c, mark);
              return FALSE;
            }
          hl_session_record_add_photo (record, photo);
        }
      hl_design_io_pop (c, mark);
    }

  hl_design_set_record (design, record);
  return TRUE;
}

gboolean
hl_design_io_read_record (HlReadCtx   *c,
                          const cJSON *root,
                          HlDesign    *design)
{
  const cJSON *item;

  item = hl_design_io_member (root, "client_details");
  if (item != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "client_details");
      gboolean ok = read_client (c, item, design);

      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
    }

  item = hl_design_io_member (root, "records");
  if (item != NULL)
    {
      gsize mark = hl_design_io_push_key (c, "records");

      if (!cJSON_IsArray (item) || cJSON_GetArraySize (item) > MAX_RECORDS)
        {
          hl_design_io_invalid (c, _("must be an array of at most %d session records"), MAX_RECORDS);
          hl_design_io_pop (c, mark);
          return FALSE;
        }
      for (int i = 0; i < cJSON_GetArraySize (item); i++)
        {
          gsize m2 = hl_design_io_push_index (c, (guint) i);
          gboolean ok = read_one_record (c, cJSON_GetArrayItem (item, i), design);

          hl_design_io_pop (c, m2);
          if (!ok)
            {
              hl_design_io_pop (c, mark);
              return FALSE;
            }
        }
      hl_design_io_pop (c, mark);
    }

  return TRUE;
}

/* --- writing -------------------------------------------------------------- */

static double
round_to (double v,
          double scale)
{
  double r = round (v * scale) / scale;

  return r == 0.0 ? 0.0 : r;
}

static cJSON *
point_json (HlPoint p)
{
  cJSON *a = cJSON_CreateArray ();

  cJSON_AddItemToArray (a, cJSON_CreateNumber (round_to (p.x, 1e3)));
  cJSON_AddItemToArray (a, cJSON_CreateNumber (round_to (p.y, 1e3)));
  return a;
}

static void
add_text (cJSON      *object,
          const char *key,
          const char *text)
{
  if (text != NULL)
    cJSON_AddStringToObject (object, key, text);
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
client_json (const HlClient *client)
{
  cJSON *o = cJSON_CreateObject ();

  add_text (o, "date_of_birth", client->date_of_birth);
  if (client->age > 0)
    cJSON_AddNumberToObject (o, "age", client->age);
  if (client->fitzpatrick > 0)
    cJSON_AddStringToObject (o, "fitzpatrick", hl_fitzpatrick_to_roman (client->fitzpatrick));
  if (client->has_hair_colour)
    {
      char buf[8];

      cJSON_AddStringToObject (o, "hair_colour", hl_color_format (client->hair_colour, buf));
    }
  add_text (o, "notes", client->notes);
  add_text (o, "contraindications", client->contraindications);
  add_text (o, "consent_date", client->consent_date);
  add_extra (o, client->extra);
  return o;
}

static cJSON *
photo_json (const HlProgressPhoto *photo)
{
  cJSON *o = cJSON_CreateObject ();

  cJSON_AddStringToObject (o, "path", photo->path);
  add_text (o, "sha256", photo->sha256);
  cJSON_AddNumberToObject (o, "width", photo->width);
  cJSON_AddNumberToObject (o, "height", photo->height);
  cJSON_AddStringToObject (o, "view", photo->view);
  if (photo->aligned)
    {
      cJSON *a = cJSON_AddObjectToObject (o, "alignment");
      cJSON *m;

      if (photo->n_pairs >= 2)
        {
          cJSON *pairs = cJSON_AddArrayToObject (a, "pairs");

          for (guint i = 0; i < photo->n_pairs; i++)
            {
              cJSON *p = cJSON_CreateObject ();

              cJSON_AddItemToObject (p, "photo", point_json (photo->pairs[i].photo));
              cJSON_AddItemToObject (p, "view", point_json (photo->pairs[i].view));
              cJSON_AddItemToArray (pairs, p);
            }
        }
      m = cJSON_AddArrayToObject (a, "transform");
      /* 12 significant digits: a projective row holds 1e-6-sized terms. */
      for (guint i = 0; i < 9; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buf, sizeof buf, "%.12g", photo->transform[i]);
          cJSON_AddItemToArray (m, cJSON_CreateNumber (g_ascii_strtod (buf, NULL)));
        }
    }
  add_extra (o, photo->extra);
  return o;
}

static cJSON *
record_json (const HlSessionRecord *record)
{
  cJSON *o = cJSON_CreateObject ();
  g_autofree char *dilution = hl_session_record_format_dilution (record);

  cJSON_AddNumberToObject (o, "session", record->session);
  add_text (o, "date", record->date);
  if (record->duration_min > 0)
    cJSON_AddNumberToObject (o, "duration_min", round_to (record->duration_min, 1e3));
  add_text (o, "needle", record->needle);
  add_text (o, "pigment", record->pigment);
  add_text (o, "dilution", dilution);
  add_text (o, "machine", record->machine);
  if (record->zones->len > 0)
    {
      cJSON *z = cJSON_AddArrayToObject (o, "zones");

      for (guint i = 0; i < record->zones->len; i++)
        cJSON_AddItemToArray (z, cJSON_CreateString (g_ptr_array_index (record->zones, i)));
    }
  add_text (o, "notes", record->notes);
  if (record->photos->len > 0)
    {
      cJSON *p = cJSON_AddArrayToObject (o, "photos");

      for (guint i = 0; i < record->photos->len; i++)
        cJSON_AddItemToArray (p, photo_json (g_ptr_array_index (record->photos, i)));
    }
  add_extra (o, record->extra);
  return o;
}

void
hl_design_io_write_record (cJSON          *root,
                           const HlDesign *design)
{
  if (design->client != NULL && !hl_client_is_empty (design->client))
    cJSON_AddItemToObject (root, "client_details", client_json (design->client));
  if (design->records->len > 0)
    {
      cJSON *records = cJSON_AddArrayToObject (root, "records");

      for (guint i = 0; i < design->records->len; i++)
        cJSON_AddItemToArray (records, record_json (g_ptr_array_index (design->records, i)));
    }
}
