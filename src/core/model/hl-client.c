/* hl-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "hl-client.h"
#include "hl-text.h"

#define ASSERT_UNSHARED(c) \
  g_return_if_fail (g_atomic_ref_count_compare (&(c)->ref_count, 1))

static const char * const roman[] = { "I", "II", "III", "IV", "V", "VI" };

HlClient *
hl_client_new (void)
{
  HlClient *self = g_new0 (HlClient, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

HlClient *
hl_client_copy (const HlClient *client)
{
  HlClient *self;

  g_return_val_if_fail (client != NULL, NULL);

  self = hl_client_new ();
  self->date_of_birth = g_strdup (client->date_of_birth);
  self->age = client->age;
  self->fitzpatrick = client->fitzpatrick;
  self->has_hair_colour = client->has_hair_colour;
  self->hair_colour = client->hair_colour;
  self->notes = g_strdup (client->notes);
  self->contraindications = g_strdup (client->contraindications);
  self->consent_date = g_strdup (client->consent_date);
  if (client->extra != NULL)
    self->extra = cJSON_Duplicate (client->extra, TRUE);
  return self;
}

HlClient *
hl_client_ref (HlClient *client)
{
  g_return_val_if_fail (client != NULL, NULL);
  g_atomic_ref_count_inc (&client->ref_count);
  return client;
}

void
hl_client_unref (HlClient *client)
{
  g_return_if_fail (client != NULL);

  if (g_atomic_ref_count_dec (&client->ref_count))
    {
      g_free (client->date_of_birth);
      g_free (client->notes);
      g_free (client->contraindications);
      g_free (client->consent_date);
      g_clear_pointer (&client->extra, cJSON_Delete);
      g_free (client);
    }
}

gboolean
hl_client_is_empty (const HlClient *client)
{
  g_return_val_if_fail (client != NULL, TRUE);

  return client->date_of_birth == NULL && client->age == 0 && client->fitzpatrick == 0 &&
         !client->has_hair_colour && client->notes == NULL &&
         client->contraindications == NULL && client->consent_date == NULL &&
         (client->extra == NULL || client->extra->child == NULL);
}

gboolean
hl_client_equal (const HlClient *a,
                 const HlClient *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_strcmp0 (a->date_of_birth, b->date_of_birth) == 0 && a->age == b->age &&
         a->fitzpatrick == b->fitzpatrick && a->has_hair_colour == b->has_hair_colour &&
         (!a->has_hair_colour || hl_color_equal (a->hair_colour, b->hair_colour)) &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strcmp0 (a->contraindications, b->contraindications) == 0 &&
         g_strcmp0 (a->consent_date, b->consent_date) == 0 &&
         ((a->extra == NULL && b->extra == NULL) ||
          (a->extra != NULL && b->extra != NULL && cJSON_Compare (a->extra, b->extra, TRUE)));
}

const char *
hl_fitzpatrick_to_roman (int type)
{
  if (type < HL_FITZPATRICK_MIN || type > HL_FITZPATRICK_MAX)
    return NULL;
  return roman[type - 1];
}

gboolean
hl_fitzpatrick_from_string (const char *text,
                            int        *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (int i = 0; i < (int) G_N_ELEMENTS (roman); i++)
    if (g_ascii_strcasecmp (text, roman[i]) == 0 ||
        (text[0] == '1' + i && text[1] == '\0'))
      {
        *out = i + 1;
        return TRUE;
      }
  return FALSE;
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
hl_client_set_date_of_birth (HlClient   *client,
                             const char *date)
{
  g_return_if_fail (client != NULL);
  ASSERT_UNSHARED (client);
  set_text (&client->date_of_birth, date, FALSE);
}

void
hl_client_set_age (HlClient *client,
                   int       age)
{
  g_return_if_fail (client != NULL);
  g_return_if_fail (age >= 0 && age <= HL_CLIENT_MAX_AGE);
  ASSERT_UNSHARED (client);
  client->age = age;
}

void
hl_client_set_fitzpatrick (HlClient *client,
                           int       type)
{
  g_return_if_fail (client != NULL);
  g_return_if_fail (type == 0 || (type >= HL_FITZPATRICK_MIN && type <= HL_FITZPATRICK_MAX));
  ASSERT_UNSHARED (client);
  client->fitzpatrick = type;
}

void
hl_client_set_hair_colour (HlClient      *client,
                           const HlColor *colour)
{
  g_return_if_fail (client != NULL);
  ASSERT_UNSHARED (client);
  client->has_hair_colour = colour != NULL;
  if (colour != NULL)
    client->hair_colour = *colour;
}

void
hl_client_set_notes (HlClient   *client,
                     const char *notes)
{
  g_return_if_fail (client != NULL);
  ASSERT_UNSHARED (client);
  set_text (&client->notes, notes, TRUE);
}

void
hl_client_set_contraindications (HlClient   *client,
                                 const char *text)
{
  g_return_if_fail (client != NULL);
  ASSERT_UNSHARED (client);
  set_text (&client->contraindications, text, TRUE);
}

void
hl_client_set_consent_date (HlClient   *client,
                            const char *date)
{
  g_return_if_fail (client != NULL);
  ASSERT_UNSHARED (client);
  set_text (&client->consent_date, date, FALSE);
}
