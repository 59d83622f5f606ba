/* hl-session-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-session-plan.h"
#include "hl-stippler.h"
#include "hl-units.h"

void
hl_session_plan_compute (const HlDesign *design,
                         HlSessionPlan  *plan)
{
  g_return_if_fail (design != NULL && plan != NULL);

  memset (plan, 0, sizeof *plan);
  plan->n_sessions = hl_design_get_n_sessions (design);
  plan->n_views = MIN (hl_design_get_n_views (design), HL_DESIGN_MAX_VIEWS);

  for (guint v = 0; v < plan->n_views; v++)
    {
      g_autoptr(HlStippler) st = hl_stippler_new ();
      const HlDot *dots;
      gsize n = 0;

      hl_stippler_update (st, hl_design_get_view (design, v), design->seed);
      dots = hl_stippler_get_dots (st, &n);
      for (gsize i = 0; i < n; i++)
        {
          guint s = dots[i].session;

          if (s >= HL_ZONE_MAX_SESSIONS)
            continue;
          plan->view_dots[v][s]++;
          plan->dots[s]++;
          /* A hand-placed dot may name a session no zone plans. */
          plan->n_sessions = MAX (plan->n_sessions, s + 1);
        }
    }
}

double
hl_session_plan_minutes (guint  dots,
                         double dots_per_minute)
{
  g_return_val_if_fail (dots_per_minute > 0, 0.0);
  return dots / dots_per_minute;
}

gboolean
hl_session_plan_parse_rate (const char *text,
                            double     *out)
{
  char *end = NULL;
  double v;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || text[0] == '\0' || g_ascii_isspace (text[0]))
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) ||
      v < HL_DOTS_PER_MINUTE_MIN || v > HL_DOTS_PER_MINUTE_MAX)
    return FALSE;
  *out = v;
  return TRUE;
}

char *
hl_session_plan_format_minutes (double minutes)
{
  long total = lround (minutes);

  if (total < 1)
    total = minutes > 0 ? 1 : 0;
  if (total < 60)
    /* Translators: a duration in minutes. */
    return g_strdup_printf (_("%ld min"), total);
  if (total % 60 == 0)
    /* Translators: a duration in whole hours. */
    return g_strdup_printf (_("%ld h"), total / 60);
  /* Translators: a duration in hours and minutes. */
  return g_strdup_printf (_("%ld h %ld min"), total / 60, total % 60);
}

char *
hl_session_record_summary (const HlSessionRecord *record)
{
  GString *s;
  g_autofree char *dilution = NULL;

  if (record == NULL)
    return g_strdup (_("not recorded"));
  s = g_string_new (_("done"));
  g_string_append_c (s, ' ');
  g_string_append (s, record->date != NULL ? record->date : _("(no date)"));
  if (record->duration_min > 0)
    {
      g_autofree char *d = hl_session_plan_format_minutes (record->duration_min);

      g_string_append_printf (s, ", %s", d);
    }
  if (record->needle != NULL)
    g_string_append_printf (s, ", %s", record->needle);
  if (record->pigment != NULL)
    g_string_append_printf (s, ", %s", record->pigment);
  if ((dilution = hl_session_record_format_dilution (record)) != NULL)
    g_string_append_printf (s, ", %s", dilution);
  if (record->photos->len > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u progress photo", "%u progress photos",
                                              record->photos->len), record->photos->len);
    }
  return g_string_free (s, FALSE);
}

char *
hl_session_plan_describe (const HlSessionPlan *plan,
                          guint                session,
                          double               dots_per_minute)
{
  guint dots;
  g_autofree char *count = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (session >= 1 && session <= HL_ZONE_MAX_SESSIONS, NULL);

  dots = plan->dots[session - 1];
  count = hl_units_format_count (dots);
  time = hl_session_plan_format_minutes (hl_session_plan_minutes (dots, dots_per_minute));
  /* Translators: a session's number, its planned dots ("1,204") and the
   * time they take ("15 min"). */
  return g_strdup_printf (_("Session %u — planned %s dots · about %s"), session, count, time);
}
