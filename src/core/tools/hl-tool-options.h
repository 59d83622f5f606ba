/* hl-tool-options.h: the options the user sets for the tools.
 *
 * One HlToolOptions lives as long as the window that shows the options
 * (the owner); every tool made for that window borrows it
 * (hl_tool_new), reads it when it acts, and may write what it moves on
 * by itself (the landmark tool advances to the next landmark to place).
 * A host that changes a field while a tool exists calls
 * hl_tool_options_changed() so the tool can drop what no longer fits (the
 * ruler's half-measured segment).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-units.h"
#include "hl-view.h"
#include "hl-zone.h"
#include "hl-zone-defaults.h"

G_BEGIN_DECLS

typedef enum
{
  HL_RULER_DRAG,   /* press, drag across a reference, release */
  HL_RULER_IPD,    /* click both pupils */
  HL_RULER_IRIS,   /* click both edges of one iris */
} HlRulerMode;

typedef struct
{
  HlRulerMode           ruler_mode;      /* the ruler tool's way to measure */
  HlLandmark            landmark;        /* the landmark placed by the next click */
  HlZoneKind            zone_kind;       /* the kind of the next zone drawn */
  const HlZoneDefaults *zone_defaults;   /* borrowed, NULL: the table's */
  int                   target_session;  /* eyedropper: -1 the zone's shade, else a session's */
  HlUnit                unit;            /* lengths drawn on the canvas (the hairline's height) */
} HlToolOptions;

/* The options a new window starts with: ruler dragged, glabella first,
 * frontal zones with the table's defaults, the zone's shade. */
void hl_tool_options_init (HlToolOptions *options);

G_END_DECLS
