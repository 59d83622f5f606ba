/* hl-cli-sessions.c: `hairline sessions`, each planned session of a design:
 * the dots it places, the minutes they take at the practitioner's rate,
 * and what was recorded as done.
 *
 * `--json` writes
 *   {"file": …, "rate_dots_per_min": R,
 *    "sessions": [{"session": 1, "planned_dots": N, "estimated_min": M,
 *                  "views": [{"name": …, "planned_dots": …}],
 *                  "record": null or {"date": "YYYY-MM-DD", "duration_min": …,
 *                     "needle": …, "pigment": …, "dilution": "1:3",
 *                     "machine": …, "zones": […], "notes": …,
 *                     "photos": [{"path": …, "view": …, "aligned": true,
 *                                 "exists": true}]}}]}
 * where a member not recorded is null and estimated_min = N / R, rounded
 * to 0.1 minute (never 0 for a session with dots).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>

#include "hl-cli.h"
#include "hl-session-plan.h"
#include "hl-units.h"

static double
estimate (guint  dots,
          double rate)
{
  double m = round (hl_session_plan_minutes (dots, rate) * 10.0) / 10.0;

  return dots > 0 && m < 0.1 ? 0.1 : m;
}

static void
add_text_or_null (cJSON      *object,
                  const char *key,
                  const char *text)
{
  if (text != NULL)
    cJSON_AddStringToObject (object, key, text);
  else
    cJSON_AddNullToObject (object, key);
}

static cJSON *
record_json (const HlSessionRecord *record,
             const char            *design_path)
{
  cJSON *o = cJSON_CreateObject ();
  g_autofree char *dilution = hl_session_record_format_dilution (record);
  cJSON *zones, *photos;

  add_text_or_null (o, "date", record->date);
  if (record->duration_min > 0)
    cJSON_AddNumberToObject (o, "duration_min", record->duration_min);
  else
    cJSON_AddNullToObject (o, "duration_min");
  add_text_or_null (o, "needle", record->needle);
  add_text_or_null (o, "pigment", record->pigment);
  add_text_or_null (o, "dilution", dilution);
  add_text_or_null (o, "machine", record->machine);
  zones = cJSON_AddArrayToObject (o, "zones");
  for (guint i = 0; i < record->zones->len; i++)
    cJSON_AddItemToArray (zones, cJSON_CreateString (g_ptr_array_index (record->zones, i)));
  add_text_or_null (o, "notes", record->notes);
  photos = cJSON_AddArrayToObject (o, "photos");
  for (guint i = 0; i < record->photos->len; i++)
    {
      const HlProgressPhoto *photo = g_ptr_array_index (record->photos, i);
      g_autofree char *resolved = hl_photo_resolve_path (design_path, photo->path);
      cJSON *p = cJSON_CreateObject ();

      cJSON_AddStringToObject (p, "path", photo->path);
      cJSON_AddStringToObject (p, "view", photo->view);
      cJSON_AddBoolToObject (p, "aligned", photo->aligned);
      cJSON_AddBoolToObject (p, "exists", g_file_test (resolved, G_FILE_TEST_IS_REGULAR));
      cJSON_AddItemToArray (photos, p);
    }
  return o;
}

int
hl_cli_sessions (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *rate_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text,
      N_("Dots placed per minute (default 78, from published practice)"), N_("DOTS_PER_MIN") },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  HlSessionPlan plan;
  double rate = HL_DOTS_PER_MINUTE_DEFAULT;

  if (!hl_cli_parse_options ("sessions", _("DESIGN"),
                             _("Each planned session: the dots it places, the minutes they take at the\n"
                               "practitioner's rate, and what was recorded as done."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 2)
    {
      fprintf (stderr, _("hairline sessions: expected one DESIGN file\n"));
      fprintf (stderr, _("Run 'hairline sessions --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  if (rate_text != NULL && !hl_session_plan_parse_rate (rate_text, &rate))
    {
      fprintf (stderr, _("hairline sessions: --rate: '%s' is not a rate; give %g–%g dots per minute\n"),
               rate_text, HL_DOTS_PER_MINUTE_MIN, HL_DOTS_PER_MINUTE_MAX);
      fprintf (stderr, _("Run 'hairline sessions --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;

  hl_session_plan_compute (design, &plan);

  if (json)
    {
      cJSON *root = cJSON_CreateObject ();
      cJSON *sessions;
      char *text;

      cJSON_AddStringToObject (root, "file", argv[1]);
      cJSON_AddNumberToObject (root, "rate_dots_per_min", rate);
      sessions = cJSON_AddArrayToObject (root, "sessions");
      for (guint s = 0; s < plan.n_sessions; s++)
        {
          const HlSessionRecord *record = hl_design_get_record (design, s + 1);
          cJSON *o = cJSON_CreateObject ();
          cJSON *views;

          cJSON_AddNumberToObject (o, "session", s + 1);
          cJSON_AddNumberToObject (o, "planned_dots", plan.dots[s]);
          cJSON_AddNumberToObject (o, "estimated_min", estimate (plan.dots[s], rate));
          views = cJSON_AddArrayToObject (o, "views");
          for (guint v = 0; v < plan.n_views; v++)
            {
              cJSON *vj = cJSON_CreateObject ();

              cJSON_AddStringToObject (vj, "name", hl_design_get_view (design, v)->name);
              cJSON_AddNumberToObject (vj, "planned_dots", plan.view_dots[v][s]);
              cJSON_AddItemToArray (views, vj);
            }
          if (record != NULL)
            cJSON_AddItemToObject (o, "record", record_json (record, argv[1]));
          else
            cJSON_AddNullToObject (o, "record");
          cJSON_AddItemToArray (sessions, o);
        }
      text = cJSON_Print (root);
      printf ("%s\n", text);
      cJSON_free (text);
      cJSON_Delete (root);
      return HL_EXIT_OK;
    }

  printf ("%s\n", argv[1]);
  if (plan.n_sessions == 0)
    printf ("%s\n", _("no planned session: the design has no zone"));
  for (guint s = 0; s < plan.n_sessions; s++)
    {
      g_autofree char *count = hl_units_format_count (plan.dots[s]);
      g_autofree char *time = hl_session_plan_format_minutes (hl_session_plan_minutes (plan.dots[s], rate));
      g_autofree char *done = hl_session_record_summary (hl_design_get_record (design, s + 1));

      /* Translators: a session's number, its planned dots, the time they
       * take, the rate, and what was recorded ("done 2026-12-01, 95 min,
       * 3RL, 1:3" or "not recorded"). */
      printf (_("session %u: planned %s dots, about %s at %g dots/min; %s\n"),
              s + 1, count, time, rate, done);
    }
  return HL_EXIT_OK;
}
