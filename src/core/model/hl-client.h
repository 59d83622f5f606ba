/* hl-client.h: the client's details kept with a design (the "client_details"
 * member of a design file, format version 3).
 *
 * The client's name stays the design's client label ("client"). An HlClient
 * is immutable once shared and reference-counted like the design that holds
 * it: an edit builds a new one with hl_client_copy() and the setters.
 *
 * Dates are ISO 8601 calendar dates, "YYYY-MM-DD" (hl-record-date.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-color.h"

G_BEGIN_DECLS

/* Fitzpatrick skin types run from I to VI (T. B. Fitzpatrick, "The validity
 * and practicality of sun-reactive skin types I through VI", Arch Dermatol
 * 124(6), 1988; types I–IV first, V and VI added later, as summarised in
 * StatPearls, "Fitzpatrick Skin Type", https://pubmed.ncbi.nlm.nih.gov/32491558/);
 * 0 means not recorded. */
#define HL_FITZPATRICK_MIN 1
#define HL_FITZPATRICK_MAX 6
#define HL_CLIENT_MAX_AGE 130

typedef struct _HlClient HlClient;

struct _HlClient
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char        *date_of_birth;     /* owned "YYYY-MM-DD", may be NULL */
  int          age;               /* years, 0 when not recorded */
  int          fitzpatrick;       /* 1–6, 0 when not recorded */
  gboolean     has_hair_colour;
  HlColor      hair_colour;       /* natural hair colour, when has_hair_colour */
  char        *notes;             /* owned, may be NULL */
  char        *contraindications; /* owned, may be NULL */
  char        *consent_date;      /* owned "YYYY-MM-DD", may be NULL */
  struct cJSON *extra;            /* unknown JSON members, owned, may be NULL */
};

/* Empty details (transfer full). */
HlClient   *hl_client_new                (void);
/* A new, unshared copy of @client (transfer full). */
HlClient   *hl_client_copy               (const HlClient *client);
HlClient   *hl_client_ref                (HlClient       *client);
void        hl_client_unref              (HlClient       *client);

/* TRUE when nothing is recorded (no field, no unknown member). */
gboolean    hl_client_is_empty           (const HlClient *client);
gboolean    hl_client_equal              (const HlClient *a,
                                          const HlClient *b);

/* "I" … "VI" for 1–6 (static string), NULL otherwise. */
const char *hl_fitzpatrick_to_roman      (int             type);
/* Accepts "I" … "VI" (either case) and "1" … "6". */
gboolean    hl_fitzpatrick_from_string   (const char     *text,
                                          int            *out);

/* Setters: only on details whose reference you alone hold. Strings are
 * copied (NULL or "" clears) and cleaned (hl_text_clean); dates are not
 * checked here (hl_record_date_check() is). */
void        hl_client_set_date_of_birth  (HlClient       *client,
                                          const char     *date);
void        hl_client_set_age            (HlClient       *client,
                                          int             age);
void        hl_client_set_fitzpatrick    (HlClient       *client,
                                          int             type);
void        hl_client_set_hair_colour    (HlClient       *client,
                                          const HlColor  *colour);
void        hl_client_set_notes          (HlClient       *client,
                                          const char     *notes);
void        hl_client_set_contraindications (HlClient    *client,
                                          const char     *text);
void        hl_client_set_consent_date   (HlClient       *client,
                                          const char     *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlClient, hl_client_unref)

G_END_DECLS
