/* hl-tool.h: toolkit-free editing tools behind one interface.
 *
 * Tools live in the core as state machines: the canvas translates its
 * toolkit's events into HlToolEvents (positions in image pixels) and acts on
 * the flags a tool returns; it never decides geometry itself. Each tool is
 * one file (hl-tool-<name>.c) that fills an HlToolClass; the host calls the
 * hl_tool_*() functions below and never a tool's own code.
 *
 * A tool edits view `view` of its host's design (hl-tool-host.h): while a
 * gesture is in progress it shows a preview design (hl_tool_get_design),
 * and when the gesture ends it hands one new design to the host (one undo
 * step, unless the host refuses it) and returns HL_TOOL_COMMITTED. An
 * event that does not return HL_TOOL_COMMITTED never commits. The selected
 * zone is the host's; the options the user set are an HlToolOptions the
 * tool borrows (hl-tool-options.h). The tools by name: hl-tools.h.
 *
 * What a host does with the results:
 * - PRESS: with HL_TOOL_CAPTURED the tool owns the drag that follows (send
 *   it MOTION and RELEASE); without, the canvas may pan. MOTION is also
 *   sent while no button is down (hover, rubber bands, brush circles).
 * - Every event carries the zoom (screen px per image px): hit radii,
 *   nudges and brush sizes are on screen. n_press is 2 for the second
 *   press of a double click (after a first PRESS with n_press 1).
 * - HL_TOOL_CURSOR: ask hl_tool_get_cursor() again; also ask it after
 *   switching tools. HL_TOOL_PREVIEW: the design to draw and stipple
 *   (hl_tool_get_design) changed. HL_TOOL_SELECTION: the selected zone
 *   changed. HL_TOOL_ASK_LENGTH: see hl-tool-ruler.h.
 * - Pens (hairline, zone) span several presses: HL_TOOL_CANCEL or
 *   hl_tool_cancel() abandons the whole path, so call it when switching
 *   tools or views, not for a lost pointer grab mid-path if the path
 *   should survive.
 * - Keys: ESCAPE abandons what is in progress; ENTER and BACKSPACE finish
 *   and shorten a pen's path; DELETE, TOGGLE_CORNER and the arrows act on
 *   the select tool's point; NEXT and PREVIOUS move its selection through
 *   every point of the view (HL_TOOL_NOTHING when the view has none, so
 *   the host can move the keyboard focus on instead); GROW and SHRINK size
 *   the brush and eraser.
 *   The select tool ignores other keys than ESCAPE while it drags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-geometry.h"
#include "hl-photo.h"
#include "hl-tool-host.h"
#include "hl-tool-options.h"

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
  HL_TOOL_KEY_NEXT,           /* Tab: select the next point (select) */
  HL_TOOL_KEY_PREVIOUS,       /* Shift+Tab: select the previous point (select) */
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
  gboolean        corner;     /* PRESS: place a corner, not a smooth point (Shift held) */
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
  /* Sets the tool's own defaults once the HlTool fields are filled in
   * (the rest of the instance is zeroed). May be NULL. */
  void         (*init)         (HlTool            *tool);
  /* The host changed a field of the options. May be NULL. */
  void         (*options_changed) (HlTool         *tool);
  /* A box in image px holding every pixel draw_overlay() would draw now
   * at @zoom, antialiasing included; FALSE when the tool cannot say
   * (the canvas then records the drawing to find out). May be NULL. */
  gboolean     (*overlay_extents) (HlTool         *tool,
                                   double          zoom,
                                   HlRect         *extents);
  /* The same as boxes in image px, appended to @boxes (HlRect), one per
   * thing drawn apart (a handle, a line): every pixel draw_overlay()
   * would draw now at @zoom lies in one of them. FALSE when the tool
   * cannot say. May be NULL. */
  gboolean     (*overlay_boxes) (HlTool           *tool,
                                 double            zoom,
                                 GArray           *boxes);
} HlToolClass;

struct _HlTool
{
  /*< private >*/
  const HlToolClass *klass;
  HlToolHost        *host;           /* borrowed, outlives the tool */
  HlToolOptions     *options;        /* borrowed (or own_options), outlives the tool */
  HlToolOptions      own_options;    /* when made without options */
  guint              view;           /* view index being edited */
  HlPhoto           *photo;          /* owned ref or NULL: the view's photo */
  /* Where the last PRESS or MOTION was (image px), set by hl_tool_event()
   * before the tool sees it; has_pointer is FALSE until the first. */
  HlPoint            pointer;
  gboolean           has_pointer;
};

/* A new tool of @klass editing view @view of @host's design, with the
 * user's @options (both borrowed, must outlive the tool; @options NULL:
 * the tool keeps defaults of its own, hl_tool_options_init). Transfer
 * full. */
HlTool       *hl_tool_new               (const HlToolClass *klass,
                                         HlToolHost        *host,
                                         HlToolOptions     *options,
                                         guint              view);
/* A new tool by name (see hl-tools.h), or NULL for an unknown name.
 * Transfer full. */
HlTool       *hl_tool_new_by_name       (const char        *name,
                                         HlToolHost        *host,
                                         HlToolOptions     *options,
                                         guint              view);
void          hl_tool_free              (HlTool            *tool);
const char   *hl_tool_get_name          (HlTool            *tool);

/* Feeds one event to the tool. Events with a non-finite position (PRESS,
 * MOTION, RELEASE) or a zoom that is not > 0 (all but CANCEL) are ignored
 * (HL_TOOL_NOTHING); so is everything while the view index is out of range
 * (a gesture in progress is then abandoned). @event is borrowed. */
HlToolResult  hl_tool_event             (HlTool            *tool,
                                         const HlToolEvent *event);
void          hl_tool_draw_overlay      (HlTool            *tool,
                                         cairo_t           *cr,
                                         double             zoom);
/* Where hl_tool_draw_overlay() would draw at @zoom, without drawing: a
 * box in image px holding every pixel it touches (*@extents empty when it
 * draws nothing). FALSE when the tool cannot say. */
gboolean      hl_tool_get_overlay_extents (HlTool          *tool,
                                           double           zoom,
                                           HlRect          *extents);
/* Where hl_tool_draw_overlay() would draw at @zoom, as boxes in image px
 * appended to @boxes (an array of HlRect, the caller's), one per thing
 * drawn apart (a handle, a line): every pixel it touches lies in one of
 * them (none appended when it draws nothing). A canvas compares only
 * these places with the last frame. FALSE when the tool cannot say
 * (@boxes then unchanged). */
gboolean      hl_tool_get_overlay_boxes (HlTool            *tool,
                                         double             zoom,
                                         GArray            *boxes);
/* A CSS cursor name (static), or NULL for the default. */
const char   *hl_tool_get_cursor        (HlTool            *tool);
/* The design to show: the tool's preview during a gesture, else the
 * host's current design (borrowed). */
HlDesign     *hl_tool_get_design        (HlTool            *tool);
/* Abandons a gesture in progress (as HL_TOOL_CANCEL would). */
HlToolResult  hl_tool_cancel            (HlTool            *tool);

/* The photo the eyedropper samples (referenced; may be NULL). A tool
 * starts without one. */
void          hl_tool_set_photo         (HlTool            *tool,
                                         HlPhoto           *photo);
/* The host's selected zone, which the panel shows and the eyedropper
 * colours: -1 for none. Tools change it (and return HL_TOOL_SELECTION)
 * when a zone is clicked or drawn. */
int           hl_tool_get_selected_zone (HlTool            *tool);
void          hl_tool_set_selected_zone (HlTool            *tool,
                                         int                zone);
/* The options the tool reads (borrowed). After changing a field, call
 * hl_tool_options_changed(). */
HlToolOptions *hl_tool_get_options      (HlTool            *tool);
void          hl_tool_options_changed   (HlTool            *tool);
/* options->target_session: -1, the eyedropper sets the zone's shade;
 * ≥ 0, that session's shade. */
void          hl_tool_set_target_session (HlTool           *tool,
                                          int               session);
int           hl_tool_get_target_session (HlTool           *tool);

/* Helpers for tool implementations. */

/* The view being edited in the shown design, or NULL (borrowed). */
const HlView *hl_tool_get_view          (HlTool            *tool);
/* The host's current design (what a gesture builds on, never the
 * preview), or NULL (borrowed). */
HlDesign     *hl_tool_get_current_design (HlTool           *tool);
/* The view being edited in the host's current design, or NULL when the
 * index is out of range (borrowed). */
const HlView *hl_tool_get_current_view  (HlTool            *tool);
/* The topmost zone (last in the list) whose outline contains @p, or -1. */
int           hl_tool_zone_at           (const HlView      *view,
                                         HlPoint            p);
/* Hands @design (referenced, may be NULL) to the host as one undo step
 * labelled @label; returns HL_TOOL_COMMITTED | HL_TOOL_REDRAW, or
 * HL_TOOL_REDRAW when nothing was recorded (@design NULL, already the
 * current design, or refused by the host). */
HlToolResult  hl_tool_commit            (HlTool            *tool,
                                         HlDesign          *design,
                                         const char        *label);
/* Replaces @cr's path with @curve's drawn shape (its polyline, closed for a
 * closed curve), ready to stroke or fill. */
void          hl_tool_path_curve        (cairo_t           *cr,
                                         const HlCurve     *curve);
/* A dashed line from @a to @b, 1.5 screen px wide (pens' rubber bands). */
void          hl_tool_draw_rubber_band  (cairo_t           *cr,
                                         double             zoom,
                                         HlPoint            a,
                                         HlPoint            b);
/* A handle at @p, HL_HANDLE_SIZE screen px in radius: round for a smooth
 * point, square for a corner (@corner); @state 0 normal (white, red
 * edge), 1 hover (larger, yellow, dark edge), 2 selected (larger, filled
 * red, white edge). On an image surface in an unrotated frame it is
 * copied from a picture made once (its centre within 1/8 px). */
void          hl_tool_draw_handle       (cairo_t           *cr,
                                         double             zoom,
                                         HlPoint            p,
                                         int                state,
                                         gboolean           corner);

/* How far from its point any handle hl_tool_draw_handle() draws at @zoom
 * reaches, in image px: the largest (hover or selected) size, half its
 * edge's width, and a pixel and a half of antialiasing and sprite shift. */
double        hl_tool_handle_reach      (double             zoom);

/* Hit radius around a control point, in screen pixels. */
#define HL_HANDLE_RADIUS 8.0
/* Drawn radius of a handle, in screen pixels. */
#define HL_HANDLE_SIZE 5.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlTool, hl_tool_free)

G_END_DECLS
