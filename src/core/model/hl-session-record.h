/* hl-session-record.h: what was done at one planned session (the
 * "records" of a design file, format version 3): date, duration, needle,
 * pigment and dilution, machine settings, the zones worked, notes and
 * progress photos.
 *
 * Immutable once shared and reference-counted like the design that holds
 * it: an edit builds a new record with hl_session_record_copy() and the
 * setters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-progress-photo.h"

G_BEGIN_DECLS

#define HL_SESSION_RECORD_MAX_DURATION_MIN (24.0 * 60.0)
#define HL_SESSION_RECORD_MAX_PHOTOS 16
#define HL_SESSION_RECORD_MAX_ZONES 64

typedef struct _HlSessionRecord HlSessionRecord;

struct _HlSessionRecord
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  guint        session;        /* planned session it records, from 1 */
  char        *date;           /* owned "YYYY-MM-DD", may be NULL */
  double       duration_min;   /* minutes, 0 when not recorded */
  char        *needle;         /* owned, e.g. "3RL", may be NULL */
  char        *pigment;        /* owned, may be NULL */
  double       dilution_pigment; /* parts of pigment, 0 when no dilution */
  double       dilution_water;   /* parts of water */
  char        *machine;        /* owned machine settings, may be NULL */
  GPtrArray   *zones;          /* owned, of char*: names of the zones worked */
  char        *notes;          /* owned, may be NULL */
  GPtrArray   *photos;         /* owned, of HlProgressPhoto* (each one ref) */
  struct cJSON *extra;         /* unknown members, owned, may be NULL */
};

/* An empty record of session @session (≥ 1) (transfer full). */
HlSessionRecord *hl_session_record_new      (guint                  session);
HlSessionRecord *hl_session_record_copy     (const HlSessionRecord *record);
HlSessionRecord *hl_session_record_ref      (HlSessionRecord       *record);
void             hl_session_record_unref    (HlSessionRecord       *record);
gboolean         hl_session_record_equal    (const HlSessionRecord *a,
                                             const HlSessionRecord *b);

gboolean         hl_session_record_has_dilution (const HlSessionRecord *record);
/* The dilution as "P:W" with shortest numbers ("1:3", "1:2.5"), NULL when
 * there is none (transfer full). */
char            *hl_session_record_format_dilution (const HlSessionRecord *record);
/* Parses "P:W" (spaces allowed around either number) into two finite
 * positive numbers; FALSE on anything else. */
gboolean         hl_dilution_parse          (const char            *text,
                                             double                *pigment,
                                             double                *water);

/* Setters: only on a record whose reference you alone hold. Strings are
 * copied (NULL or "" clears) and cleaned (hl_text_clean). */
void             hl_session_record_set_date     (HlSessionRecord *record,
                                                 const char      *date);
void             hl_session_record_set_duration (HlSessionRecord *record,
                                                 double           minutes);
void             hl_session_record_set_needle   (HlSessionRecord *record,
                                                 const char      *needle);
void             hl_session_record_set_pigment  (HlSessionRecord *record,
                                                 const char      *pigment);
/* Both > 0, or both 0 to clear. */
void             hl_session_record_set_dilution (HlSessionRecord *record,
                                                 double           pigment,
                                                 double           water);
void             hl_session_record_set_machine  (HlSessionRecord *record,
                                                 const char      *settings);
void             hl_session_record_set_notes    (HlSessionRecord *record,
                                                 const char      *notes);
/* Appends the name @zone (copied). */
void             hl_session_record_add_zone     (HlSessionRecord *record,
                                                 const char      *zone);
void             hl_session_record_clear_zones  (HlSessionRecord *record);
/* Takes a reference on @photo. */
void             hl_session_record_add_photo    (HlSessionRecord *record,
                                                 HlProgressPhoto *photo);
void             hl_session_record_remove_photo (HlSessionRecord *record,
                                                 guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlSessionRecord, hl_session_record_unref)

G_END_DECLS
