/* hl-session-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "hl-session-record.h"
#include "hl-text.h"

#define ASSERT_UNSHARED(r) \
  g_return_if_fail (g_atomic_ref_count_compare (&(r)->ref_count, 1))

HlSessionRecord *
hl_session_record_new (guint session)
{
  HlSessionRecord *self;

  g_return_val_if_fail (session >= 1, NULL);

  self = g_new0 (HlSessionRecord, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->session = session;
  self->zones = g_ptr_array_new_with_free_func (g_free);
  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_progress_photo_unref);
  return self;
}

HlSessionRecord *
hl_session_record_copy (const HlSessionRecord *record)
{
  HlSessionRecord *self;

  g_return_val_if_fail (record != NULL, NULL);

  self = hl_session_record_new (record->session);
  self->date = g_strdup (record->date);
  self->duration_min = record->duration_min;
  self->needle = g_strdup (record->needle);
  self->pigment = g_strdup (record->pigment);
  self->dilution_pigment = record->dilution_pigment;
  self->dilution_water = record->dilution_water;
  self->machine = g_strdup (record->machine);
  for (guint i = 0; i < record->zones->len; i++)
    g_ptr_array_add (self->zones, g_strdup (g_ptr_array_index (record->zones, i)));
  self->notes = g_strdup (record->notes);
  for (guint i = 0; i < record->photos->len; i++)
    g_ptr_array_add (self->photos, hl_progress_photo_ref (g_ptr_array_index (record->photos, i)));
  if (record->extra != NULL)
    self->extra = cJSON_Duplicate (record->extra, TRUE);
  return self;
}

HlSessionRecord *
hl_session_record_ref (HlSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, NULL);
  g_atomic_ref_count_inc (&record->ref_count);
  return record;
}

void
hl_session_record_unref (HlSessionRecord *record)
{
  g_return_if_fail (record != NULL);

  if (g_atomic_ref_count_dec (&record->ref_count))
    {
      g_free (record->date);
      g_free (record->needle);
      g_free (record->pigment);
      g_free (record->machine);
      g_ptr_array_unref (record->zones);
      g_free (record->notes);
      g_ptr_array_unref (record->photos);
      g_clear_pointer (&record->extra, cJSON_Delete);
      g_free (record);
    }
}

gboolean
hl_session_record_equal (const HlSessionRecord *a,
                         const HlSessionRecord *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->session != b->session || g_strcmp0 (a->date, b->date) != 0 ||
      a->duration_min != b->duration_min || g_strcmp0 (a->needle, b->needle) != 0 ||
      g_strcmp0 (a->pigment, b->pigment) != 0 || a->dilution_pigment != b->dilution_pigment ||
      a->dilution_water != b->dilution_water || g_strcmp0 (a->machine, b->machine) != 0 ||
      g_strcmp0 (a->notes, b->notes) != 0 || a->zones->len != b->zones->len ||
      a->photos->len != b->photos->len)
    return FALSE;
  for (guint i = 0; i < a->zones->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a->zones, i), g_ptr_array_index (b->zones, i)) != 0)
      return FALSE;
  for (guint i = 0; i < a->photos->len; i++)
    if (!hl_progress_photo_equal (g_ptr_array_index (a->photos, i), g_ptr_array_index (b->photos, i)))
      return FALSE;
  if ((a->extra == NULL) != (b->extra == NULL))
    return FALSE;
  return a->extra == NULL || cJSON_Compare (a->extra, b->extra, TRUE);
}

gboolean
hl_session_record_has_dilution (const HlSessionRecord *record)
{
  g_return_val_if_fail (record != NULL, FALSE);
  return record->dilution_pigment > 0 && record->dilution_water > 0;
}

char *
hl_session_record_format_dilution (const HlSessionRecord *record)
{
  char p[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (record != NULL, NULL);

  if (!hl_session_record_has_dilution (record))
    return NULL;
  g_ascii_formatd (p, sizeof p, "%g", record->dilution_pigment);
  g_ascii_formatd (w, sizeof w, "%g", record->dilution_water);
  return g_strdup_printf ("%s:%s", p, w);
}

static gboolean
parse_part (const char  *start,
            const char  *end,
            double      *out)
{
  g_autofree char *text = NULL;
  char *stop = NULL;
  double v;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (start == end)
    return FALSE;
  text = g_strndup (start, (gsize) (end - start));
  /* Digits and one decimal point only: no sign, exponent, hex or "inf". */
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c) && *c != '.')
      return FALSE;
  v = g_ascii_strtod (text, &stop);
  if (stop == NULL || *stop != '\0' || !isfinite (v) || v <= 0 || v > 1000)
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
hl_dilution_parse (const char *text,
                   double     *pigment,
                   double     *water)
{
  const char *colon;
  double p, w;

  g_return_val_if_fail (pigment != NULL && water != NULL, FALSE);

  if (text == NULL || (colon = strchr (text, ':')) == NULL || strchr (colon + 1, ':') != NULL)
    return FALSE;
  if (!parse_part (text, colon, &p) || !parse_part (colon + 1, text + strlen (text), &w))
    return FALSE;
  *pigment = p;
  *water = w;
  return TRUE;
}

static void
set_text (char      **field,
          const char *text,
          gboolean    free_text)
{
  g_free (*field);
  *field = text != NULL && text[0] != '\0' ? hl_text_clean (text, free_text) : NULL;
}

void
hl_session_record_set_date (HlSessionRecord *record,
                            const char      *date)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  set_text (&record->date, date, FALSE);
}

void
hl_session_record_set_duration (HlSessionRecord *record,
                                double           minutes)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (isfinite (minutes) && minutes >= 0 && minutes <= HL_SESSION_RECORD_MAX_DURATION_MIN);
  ASSERT_UNSHARED (record);
  record->duration_min = minutes;
}

void
hl_session_record_set_needle (HlSessionRecord *record,
                              const char      *needle)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  set_text (&record->needle, needle, FALSE);
}

void
hl_session_record_set_pigment (HlSessionRecord *record,
                               const char      *pigment)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  set_text (&record->pigment, pigment, FALSE);
}

void
hl_session_record_set_dilution (HlSessionRecord *record,
                                double           pigment,
                                double           water)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail ((pigment > 0 && water > 0 && isfinite (pigment) && isfinite (water)) ||
                    (pigment == 0 && water == 0));
  ASSERT_UNSHARED (record);
  record->dilution_pigment = pigment;
  record->dilution_water = water;
}

void
hl_session_record_set_machine (HlSessionRecord *record,
                               const char      *settings)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  set_text (&record->machine, settings, FALSE);
}

void
hl_session_record_set_notes (HlSessionRecord *record,
                             const char      *notes)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  set_text (&record->notes, notes, TRUE);
}

void
hl_session_record_add_zone (HlSessionRecord *record,
                            const char      *zone)
{
  g_return_if_fail (record != NULL && zone != NULL);
  g_return_if_fail (record->zones->len < HL_SESSION_RECORD_MAX_ZONES);
  ASSERT_UNSHARED (record);
  g_ptr_array_add (record->zones, hl_text_clean (zone, FALSE));
}

void
hl_session_record_clear_zones (HlSessionRecord *record)
{
  g_return_if_fail (record != NULL);
  ASSERT_UNSHARED (record);
  g_ptr_array_set_size (record->zones, 0);
}

void
hl_session_record_add_photo (HlSessionRecord *record,
                             HlProgressPhoto *photo)
{
  g_return_if_fail (record != NULL && photo != NULL);
  g_return_if_fail (record->photos->len < HL_SESSION_RECORD_MAX_PHOTOS);
  ASSERT_UNSHARED (record);
  g_ptr_array_add (record->photos, hl_progress_photo_ref (photo));
}

void
hl_session_record_remove_photo (HlSessionRecord *record,
                                guint            index)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (index < record->photos->len);
  ASSERT_UNSHARED (record);
  g_ptr_array_remove_index (record->photos, index);
}
