/* hl-canvas-private.h: what the files of HlCanvas share, and what tests
 * may reach.
 *
 *   hl-canvas.c        the widget: its document, tool, transform, preview
 *                      and accessible description; the frame
 *   hl-canvas-input.c  event controllers → tool events; pan, zoom, keys,
 *                      stylus pressure, double clicks
 *   hl-canvas-tool.c   the tool pass: the tool's feedback, the scalp outline
 *                      and the guides, in cells
 *   hl-design-layer.c  the cached drawing of the design (a type of its own)
 *   hl-canvas-loupe.c  the loupe and "seen from": their actions, menu,
 *                      keys and drawing (the loupe's pixels: hl-loupe.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-canvas.h"
#include "hl-cell-layer.h"
#include "hl-design-layer.h"
#include "hl-loupe.h"

G_BEGIN_DECLS

struct _HlCanvas
{
  GtkWidget        parent_instance;

  /* Borrowed references */
  HlToolOptions   *tool_options;  /* the window's, or NULL */
  GtkGesture      *primary_drag;  /* the widget owns its controllers */

  /* Owned references */
  HlDocument      *document;
  HlTool          *tool;          /* edits the document; NULL when empty */
  char            *tool_name;     /* the tool to make for each document */
  HlPhoto         *layer_photo;   /* the photo the layers and the tool were given */
  HlCanvasOverlayFunc overlay_func;  /* hl_canvas_set_overlay(), or NULL */
  gpointer         overlay_data;
  GDestroyNotify   overlay_destroy;
  HlCanvasOverlayInput overlay_input;  /* hl_canvas_set_overlay_input(), or NULL */
  HlDesignLayer   *layer;         /* photo, dots and lines, cached */
  HlCellLayer     *tool_cells;    /* the tool's feedback, as GSK last saw it */
  HlDensityMap    *density_map;   /* of the shown dots; NULL when off or stale */
  char            *description;   /* the accessible description last set */

  /* Pointer and keys (hl-canvas-input.c) */
  double           user_zoom;     /* 1 = fit the widget */
  double           pan_x, pan_y;  /* screen px */
  HlPoint          drag_start;    /* widget px */
  HlPoint          drag_last;     /* last drag offset, for panning */
  HlPoint          pointer;       /* last pointer position, widget px */
  gboolean         has_pointer;
  gboolean         captured;      /* the tool owns the current primary drag */
  gboolean         panning;       /* the current drag pans */
  gboolean         space_held;    /* Space is down: a primary drag pans */
  gboolean         space_drag;    /* the current primary drag pans for Space */
  char            *before_eraser; /* the tool the stylus's eraser end replaced */
  double           pinch_zoom;    /* user_zoom when the pinch began */
  HlPoint          last_press;    /* widget px, for double clicks */
  guint32          last_press_time;
  guint            n_press;
  gboolean         key_cursor_on; /* the keyboard cursor shows (arrows moved it) */
  HlPoint          key_cursor;    /* where Enter places, image px */
  gboolean         key_cursor_moved;  /* since the last place: Enter places, not finishes */
  gboolean         key_dragging;  /* the ruler's drag, pressed at the keyboard cursor */
  guint            pending;       /* results to report once the gesture is over */
  guint            pending_source;

  /* The client preview (hl-canvas-preview.h) */
  HlPreview        preview;
  double           split;         /* HL_COMPARE_SPLIT: the line, 0–1 of the width */
  gboolean         splitting;     /* the current drag moves the line */

  /* The loupe and "seen from" (hl-canvas-loupe.c) */
  HlLoupe         *loupe;
  gboolean         loupe_on;
  gboolean         loupe_placed;  /* put somewhere since it was shown */
  HlPoint          loupe_at;      /* its centre, widget px */
  gboolean         loupe_dragging;
  gboolean         overlay_dragging;  /* the overlay took the press */
  HlPoint          loupe_grab;    /* the press, from the centre */
  HlSeenFrom       seen_from;
  cairo_surface_t *seen_after;    /* the design layer blurred, with its lines */
  cairo_surface_t *seen_before;   /* the photo layer blurred */
  cairo_surface_t *seen_after_src, *seen_before_src;  /* what they were made from */
  guint            seen_after_renders;  /* the design layer's drawings then */
  double           seen_sigma;    /* device px, of both */
  GSimpleActionGroup *actions;    /* "loupe", "seen-from" */
  GMenu           *menu;          /* their part of the Preview menu */
  GMenu           *seen_from_section;
  int              menu_calibrated;  /* what the menu says: -1 not yet */
};

/* hl-canvas.c */

/* The view shown, or NULL (borrowed). */
const HlView  *_hl_canvas_shown_view       (HlCanvas *self);
/* Tools take the pointer and keys in the plain view only. */
gboolean       _hl_canvas_tools_active     (HlCanvas *self);
/* TRUE when the window draws with GSK's cairo renderer. */
gboolean       _hl_canvas_draws_with_cairo (HlCanvas *self);
/* hl-canvas-tool.c: the tool's feedback, the scalp outline and the
 * placement guides over the cached layers, in cells: only the cells that
 * changed are new nodes. */
void           _hl_canvas_snapshot_tool    (HlCanvas     *self,
                                            GtkSnapshot  *snapshot,
                                            const HlView *view,
                                            double        zoom,
                                            double        dx,
                                            double        dy);
/* hl-canvas-input.c: the keyboard cursor, drawn in image px over the
 * tool's feedback, and said in the accessible description. */
void           _hl_canvas_draw_key_cursor  (HlCanvas *self,
                                            cairo_t  *cr,
                                            double    zoom);
void           _hl_canvas_describe_key_cursor (HlCanvas *self,
                                               GString  *text);
/* The transform from image px to (unmirrored) pane px. */
void           _hl_canvas_get_transform    (HlCanvas *self,
                                            double   *zoom,
                                            double   *dx,
                                            double   *dy);
/* A widget x in the (after) pane's own unmirrored frame. */
double         _hl_canvas_pane_x           (HlCanvas *self,
                                            double    x);
/* Says again what the canvas shows, when that changed. */
void           _hl_canvas_update_description (HlCanvas *self);
/* Reports the results held back during a gesture once it is over. */
void           _hl_canvas_queue_pending    (HlCanvas *self);

/* hl-canvas-input.c */

/* Adds the pointer, key and scroll controllers. */
void           _hl_canvas_init_input       (HlCanvas *self);
/* A scroll of (@dx, @dy) in @unit with modifiers @state, as the scroll
 * controller reports it: a mouse wheel (GDK_SCROLL_UNIT_WHEEL) or Ctrl
 * zooms around the pointer, a touchpad's two fingers (surface px) pan.
 * TRUE when taken. */
gboolean       _hl_canvas_scroll           (HlCanvas        *self,
                                            double           dx,
                                            double           dy,
                                            GdkScrollUnit    unit,
                                            GdkModifierType  state);
/* A pinch: the zoom becomes @scale times what it was when the pinch
 * began (@begin), around widget point (@x, @y). */
void           _hl_canvas_pinch            (HlCanvas *self,
                                            gboolean  begin,
                                            double    scale,
                                            double    x,
                                            double    y);

/* hl-canvas-loupe.c */

void           _hl_canvas_init_loupe       (HlCanvas *self);
void           _hl_canvas_dispose_loupe    (HlCanvas *self);
/* The view, its calibration or the design changed: the blurred layers
 * are made again, "seen from" is offered only with a calibration. */
void           _hl_canvas_loupe_update     (HlCanvas *self);
/* The layers "seen from" the preview's distance, in device px (borrowed),
 * or NULL when seen pixel-exact: @after the design layer, else the photo
 * layer. Call after the design layer's update. */
cairo_surface_t *_hl_canvas_seen_surface   (HlCanvas     *self,
                                            const HlView *view,
                                            gboolean      after,
                                            double        zoom,
                                            double        dx,
                                            double        dy);
/* Draws the loupe over everything, when it is shown. */
void           _hl_canvas_snapshot_loupe   (HlCanvas     *self,
                                            GtkSnapshot  *snapshot,
                                            const HlView *view,
                                            double        zoom,
                                            double        dx,
                                            double        dy);
/* Whether widget point (@x, @y) is on the loupe. */
gboolean       _hl_canvas_on_loupe         (HlCanvas *self,
                                            double    x,
                                            double    y);
/* Ctrl+arrows move the loupe while it is shown: TRUE when the key did. */
gboolean       _hl_canvas_loupe_key        (HlCanvas        *self,
                                            guint            keyval,
                                            GdkModifierType  state);
/* The loupe's radius in widget px. */
double         _hl_canvas_loupe_radius     (HlCanvas *self);

/* For tests (and the canvas's own files) */

/* Feeds one event to the tool, as the pointer and key controllers do
 * (@event->zoom is filled in), then shows the tool's design. */
HlToolResult   hl_canvas_handle_event      (HlCanvas          *self,
                                            HlToolEvent       *event);
/* Dots of the design shown. */
gsize          hl_canvas_get_n_dots        (HlCanvas          *self);
/* How many times the design layer (photo, dots, lines) was drawn since
 * the canvas was made: tests check that hovering does not redraw it. */
guint          hl_canvas_get_design_renders (HlCanvas         *self);
/* The part of the design layer (device px) its last drawing redrew, and
 * the layer's size: an edit redraws only what it changed. */
void           hl_canvas_get_last_redraw   (HlCanvas          *self,
                                            GdkRectangle      *part,
                                            int               *width,
                                            int               *height);
/* The design layer goes to GSK as square tiles, each kept from frame to
 * frame until its pixels change. Sets @tiles (a GArray of GdkRectangle,
 * device px of the layer; the caller's) to those its last drawing made
 * again, in row order. */
void           hl_canvas_get_redrawn_tiles (HlCanvas          *self,
                                            GArray            *tiles);
/* The tool's feedback goes to GSK in cells, each kept from frame to frame
 * while it looks the same: the cells the last snapshot made again and
 * those it showed. */
void           hl_canvas_get_tool_cells    (HlCanvas          *self,
                                            guint             *remade,
                                            guint             *shown);
/* Forgets the tool's feedback as GSK last saw it: the next frame makes
 * every cell again (tests compare that with the cells kept). */
void           hl_canvas_reset_tool_cells  (HlCanvas          *self);
/* What the canvas tells assistive technologies besides its label
 * ("Design canvas"): the tool, the selected point and zone and the
 * preview stage, as its accessible description, kept up to date
 * (borrowed). */
const char    *hl_canvas_get_description   (HlCanvas          *self);
/* The split line, 0–1 of the widget's width from the left (0.5 at
 * first); set clamps. */
double         hl_canvas_get_split         (HlCanvas          *self);
void           hl_canvas_set_split         (HlCanvas          *self,
                                            double             split);
/* The density map last drawn, NULL when it is off or not drawn yet
 * (borrowed; replaced when the design or the sessions change). */
const HlDensityMap *hl_canvas_get_density_map (HlCanvas       *self);

G_END_DECLS
