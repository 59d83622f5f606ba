/* hl-session-plan.h: the dots each planned session places, and the time
 * they take at the practitioner's rate.
 *
 * Planned dots are the dots the design places (engine dots and
 * hand-placed ones, after hand removals), counted by session and summed
 * over the design's views. Views of one head that overlap count their
 * shared zones once per view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* Practitioners publish about 14,000 impressions in a session of 2–4 hours
 * (Jonathan Gerow, "How Many Hairs Do You Place in Every Session?",
 * http://jonathangerow.com/faq/many-hairs-place-every-session/): 14,000
 * over the middle 3 hours is 78 dots a minute. */
#define HL_DOTS_PER_MINUTE_DEFAULT 78.0
#define HL_DOTS_PER_MINUTE_MIN 1.0
#define HL_DOTS_PER_MINUTE_MAX 1000.0

typedef struct
{
  guint  n_sessions;                           /* planned sessions */
  guint  dots[HL_ZONE_MAX_SESSIONS];           /* per session, all views */
  guint  n_views;
  guint  view_dots[HL_DESIGN_MAX_VIEWS][HL_ZONE_MAX_SESSIONS];  /* per view */
} HlSessionPlan;

/* Runs the engine over every view of @design (borrowed) and counts. */
void     hl_session_plan_compute (const HlDesign *design,
                                  HlSessionPlan  *plan);

/* Minutes to place @dots at @dots_per_minute (> 0). */
double   hl_session_plan_minutes (guint           dots,
                                  double          dots_per_minute);

/* Parses a rate as typed on a command line or in a file: a finite number
 * HL_DOTS_PER_MINUTE_MIN–HL_DOTS_PER_MINUTE_MAX, with nothing after it. */
gboolean hl_session_plan_parse_rate (const char  *text,
                                     double      *out);

/* "95 min" under an hour, else "2 h 35 min" (transfer full). */
char    *hl_session_plan_format_minutes (double   minutes);

/* What @record says was done: "done 2026-12-01, 95 min, 3RL, carbon
 * black, 1:3, 1 progress photo", or "not recorded" for NULL (transfer
 * full). */
char    *hl_session_record_summary (const HlSessionRecord *record);

/* "Session 2 — planned 1,204 dots · about 15 min", the plan of session
 * @session (from 1) of @plan at @dots_per_minute (transfer full). */
char    *hl_session_plan_describe  (const HlSessionPlan *plan,
                                    guint                session,
                                    double               dots_per_minute);

G_END_DECLS
