/* hl-record-date.h: the calendar dates of a treatment record.
 *
 * Written "YYYY-MM-DD" (ISO 8601) in files, in the CLI's JSON and on the
 * sheet. A record tells what was done, so its dates cannot be later than
 * today (the local date of the machine that checks them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HL_RECORD_DATE_OK,
  HL_RECORD_DATE_MALFORMED,   /* not "YYYY-MM-DD" or not a real day */
  HL_RECORD_DATE_FUTURE,      /* after today */
} HlRecordDateCheck;

/* Checks @text (borrowed). When @out is not NULL and the date is
 * well-formed, it receives the day (Julian day number of GDate). */
HlRecordDateCheck hl_record_date_check (const char *text,
                                        guint32    *out);

/* Today's local date as "YYYY-MM-DD" (transfer full). */
char             *hl_record_date_today (void);

G_END_DECLS
