/* hl-record-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-record-date.h"

HlRecordDateCheck
hl_record_date_check (const char *text,
                      guint32    *out)
{
  g_autoptr(GDateTime) now = NULL;
  guint y = 0, m = 0, d = 0;
  GDate date, today;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return HL_RECORD_DATE_MALFORMED;
  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return HL_RECORD_DATE_MALFORMED;
    }
  y = (guint) g_ascii_digit_value (text[0]) * 1000 + (guint) g_ascii_digit_value (text[1]) * 100 +
      (guint) g_ascii_digit_value (text[2]) * 10 + (guint) g_ascii_digit_value (text[3]);
  m = (guint) g_ascii_digit_value (text[5]) * 10 + (guint) g_ascii_digit_value (text[6]);
  d = (guint) g_ascii_digit_value (text[8]) * 10 + (guint) g_ascii_digit_value (text[9]);
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return HL_RECORD_DATE_MALFORMED;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  if (out != NULL)
    *out = g_date_get_julian (&date);

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  if (g_date_compare (&date, &today) > 0)
    return HL_RECORD_DATE_FUTURE;
  return HL_RECORD_DATE_OK;
}

char *
hl_record_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
