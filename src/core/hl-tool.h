/* hl-tool.h: toolkit-free editing tools behind one interface.
 *
 * Tools live in the core as state machines: the canvas translates its
 * toolkit's events into HlToolEvents (positions in image pixels) and acts on
 * the flags a tool returns; it never decides geometry itself. Each tool is
 * one file (hl-tool-<name>.c) that fills an HlToolClass; the host calls the
 * hl_tool_*() functions below and never a tool's own code.
 *
 * A tool edits view `view` of the designs in a borrowed HlHistory: while a
 * gesture is in progress it shows a preview design (hl_tool_get_design),
 * and when the gesture ends it pushes one new design into the history (one
 * undo step) and returns HL_TOOL_COMMITTED.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-geometry.h"
#include "hl-history.h"
#include "hl-photo.h"

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
  HL_TOOL_KEY_ENTER,          /* finish (pens) */
  HL_TOOL_KEY_BACKSPACE,      /* remove the last point (pens) */
  HL_TOOL_KEY_DELETE,         /* remove the selected point (select) */
  HL_TOOL_KEY_TOGGLE_CORNER,  /* C: selected point smooth ↔ corner */
  HL_TOOL_KEY_GROW,           /* ]: larger brush */
  HL_TOOL_KEY_SHRINK,         /* [: smaller brush */
} HlToolKey;

typedef struct
{
  HlToolEventType type;
  HlPoint         p;          /* image px (PRESS, MOTION, RELEASE) */
  double          zoom;       /* screen px per image px, > 0: hit radii are on screen */
  double          pressure;   /* 0–1 for pens, 1 for mice */
  HlToolKey       key;        /* KEY */
  gboolean        fine;       /* KEY: a modifier asks for a smaller step */
  guint           n_press;    /* PRESS: 1, 2 for a double click (0 counts as 1) */
  gboolean        has_pressure; /* PRESS/MOTION: @pressure comes from a stylus */
} HlToolEvent;

/* What an event changed; the canvas redraws, updates the title, etc. */
typedef enum
{
  HL_TOOL_NOTHING    = 0,
  HL_TOOL_REDRAW     = 1 << 0,   /* the tool's overlay changed */
  HL_TOOL_PREVIEW    = 1 << 1,   /* the design shown changed, not yet in history */
  HL_TOOL_COMMITTED  = 1 << 2,   /* a new design entered the history */
  HL_TOOL_CURSOR     = 1 << 3,   /* the cursor should change (hover changed) */
  HL_TOOL_CAPTURED   = 1 << 4,   /* PRESS: the tool owns this gesture (no panning) */
  HL_TOOL_SELECTION  = 1 << 5,   /* the selected zone changed */
  HL_TOOL_ASK_LENGTH = 1 << 6,   /* the ruler measured a segment: ask its length */
} HlToolResult;

typedef struct _HlTool HlTool;

/* What every tool implements. Only hl-tool.c calls these. */
typedef struct
{
  const char   *name;           /* "select", "hairline", "zone", ... */
  gsize         instance_size;  /* sizeof the tool's struct, which starts with HlTool */
  HlToolResult (*event)        (HlTool            *tool,
                                const HlToolEvent *event);
  /* Draws in-progress feedback; @cr is in image px, @zoom screen px per
   * image px (line widths and handle sizes are on screen). May be NULL. */
  void         (*draw_overlay) (HlTool            *tool,
                                cairo_t           *cr,
                                double             zoom);
  /* A CSS cursor name, or NULL for the default. May be NULL. */
  const char  *(*get_cursor)   (HlTool            *tool);
  /* The preview design while a gesture is in progress, else NULL. May be NULL. */
  HlDesign    *(*get_preview)  (HlTool            *tool);
  /* Releases what the tool owns (not the HlTool itself). May be NULL. */
  void         (*finalize)     (HlTool            *tool);
} HlToolClass;

struct _HlTool
{
  /*< private >*/
  const HlToolClass *klass;
  HlHistory         *history;        /* borrowed, outlives the tool */
  guint              view;           /* view index being edited */
  HlPhoto           *photo;          /* owned ref or NULL: the view's photo */
  int                selected_zone;  /* -1: none; shared with the zone panel */
  int                target_session; /* -1: the zone; else a session (eyedropper) */
};

/* A new tool of @klass editing view @view of @history's designs (@history
 * borrowed, must outlive the tool). Transfer full. */
HlTool       *hl_tool_new               (const HlToolClass *klass,
                                         HlHistory         *history,
                                         guint              view);
/* A new tool by name (see hl_tool_names), or NULL for an unknown name. */
HlTool       *hl_tool_new_by_name       (const char        *name,
                                         HlHistory         *history,
                                         guint              view);
/* The names of every tool, NULL-terminated (static). */
const char *const *hl_tool_names        (void);
void          hl_tool_free              (HlTool            *tool);
const char   *hl_tool_get_name          (HlTool            *tool);

HlToolResult  hl_tool_event             (HlTool            *tool,
                                         const HlToolEvent *event);
void          hl_tool_draw_overlay      (HlTool            *tool,
                                         cairo_t           *cr,
                                         double             zoom);
const char   *hl_tool_get_cursor        (HlTool            *tool);
/* The design to show: the tool's preview during a gesture, else the
 * history's current design (borrowed). */
HlDesign     *hl_tool_get_design        (HlTool            *tool);
/* Abandons a gesture in progress (as HL_TOOL_CANCEL would). */
HlToolResult  hl_tool_cancel            (HlTool            *tool);

/* The photo the eyedropper samples (referenced; may be NULL). */
void          hl_tool_set_photo         (HlTool            *tool,
                                         HlPhoto           *photo);
int           hl_tool_get_selected_zone (HlTool            *tool);
void          hl_tool_set_selected_zone (HlTool            *tool,
                                         int                zone);
void          hl_tool_set_target_session (HlTool           *tool,
                                          int               session);

/* Helpers for tool implementations. */

/* The view being edited in the shown design, or NULL (borrowed). */
const HlView *hl_tool_get_view          (HlTool            *tool);
/* Pushes @design (referenced) into the history with @label; returns
 * HL_TOOL_COMMITTED | HL_TOOL_REDRAW, or HL_TOOL_REDRAW when nothing
 * changed. */
HlToolResult  hl_tool_commit            (HlTool            *tool,
                                         HlDesign          *design,
                                         const char        *label);
/* A round handle of @radius screen px at @p; @state 0 normal, 1 hover,
 * 2 selected; @corner draws a square. */
void          hl_tool_draw_handle       (cairo_t           *cr,
                                         double             zoom,
                                         HlPoint            p,
                                         int                state,
                                         gboolean           corner);

/* Hit radius around a control point, in screen pixels. */
#define HL_HANDLE_RADIUS 8.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlTool, hl_tool_free)

G_END_DECLS
