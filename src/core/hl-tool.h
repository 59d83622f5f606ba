/* hl-tool.h: toolkit-free input events for editing tools.
 *
 * Tools live in the core as state machines: the canvas translates its
 * toolkit's events into HlToolEvents (positions in image pixels) and acts on
 * the flags a tool returns; it never decides geometry itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-geometry.h"

G_BEGIN_DECLS

typedef enum
{
  HL_TOOL_PRESS,     /* button or pen down */
  HL_TOOL_MOTION,    /* pointer moved (pressed or not) */
  HL_TOOL_RELEASE,   /* button or pen up */
  HL_TOOL_CANCEL,    /* gesture cancelled by the system */
  HL_TOOL_KEY,       /* a key, see HlToolKey */
} HlToolEventType;

typedef enum
{
  HL_TOOL_KEY_NONE,
  HL_TOOL_KEY_ESCAPE,
  HL_TOOL_KEY_LEFT,
  HL_TOOL_KEY_RIGHT,
  HL_TOOL_KEY_UP,
  HL_TOOL_KEY_DOWN,
} HlToolKey;

typedef struct
{
  HlToolEventType type;
  HlPoint         p;          /* image px (PRESS, MOTION, RELEASE) */
  double          zoom;       /* screen px per image px, > 0: hit radii are on screen */
  double          pressure;   /* 0–1 for pens, 1 for mice */
  HlToolKey       key;        /* KEY */
  gboolean        fine;       /* KEY: a modifier asks for a smaller step */
} HlToolEvent;

/* What an event changed; the canvas redraws, updates the title, etc. */
typedef enum
{
  HL_TOOL_NOTHING   = 0,
  HL_TOOL_REDRAW    = 1 << 0,   /* something visible changed */
  HL_TOOL_PREVIEW   = 1 << 1,   /* the design shown changed, not yet in history */
  HL_TOOL_COMMITTED = 1 << 2,   /* a new design entered the history */
  HL_TOOL_CURSOR    = 1 << 3,   /* the cursor should change (hover changed) */
} HlToolResult;

G_END_DECLS
