/* hl-canvas.h: the drawing area of a document.
 *
 * Draws the document's shown view through the core renderer, fitted to the
 * widget, in cached layers: the photo (redrawn only when the size, zoom or
 * pan change) and the design over it (photo, dots, hairline and zones;
 * redrawn when the document changes too). The tool's feedback (the handle
 * tool's control points, hovered and selected) is drawn in its own pass on
 * top, so moving the pointer never redraws the dots. Pointer and key
 * events become HlToolEvents for the current tool (hl-tool.h), which
 * edits the document's history; the canvas then asks the document to show
 * the tool's design. The primary button goes to the tool, or pans when
 * the tool does not take the press; the middle button always pans. It
 * decides no geometry itself and never runs the engine. A preview
 * (hl-canvas-preview.h) sets the stage and sessions of the dots, mirrors
 * the view, compares before and after, colours the achieved density and
 * presents the design to the client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hl-canvas-preview.h"
#include "hl-density-map.h"
#include "hl-document.h"
#include "hl-tool.h"

G_BEGIN_DECLS

#define HL_TYPE_CANVAS (hl_canvas_get_type ())

G_DECLARE_FINAL_TYPE (HlCanvas, hl_canvas, HL, CANVAS, GtkWidget)

GtkWidget     *hl_canvas_new              (void);
/* Shows @document (referenced; NULL shows nothing) and follows its
 * "changed" and "loaded" signals. */
void           hl_canvas_set_document     (HlCanvas          *self,
                                           HlDocument        *document);
/* The document shown, or NULL (borrowed). */
HlDocument    *hl_canvas_get_document     (HlCanvas          *self);
/* Makes the tool named @name (see hl-tools.h) the one that edits; a
 * gesture in progress is cancelled. The selected zone is the document's. */
void           hl_canvas_set_tool         (HlCanvas          *self,
                                           const char        *name);
/* The options every tool the canvas makes reads (borrowed: the window
 * owns them and outlives the canvas's tools; NULL: defaults). Makes the
 * tool anew. */
void           hl_canvas_set_tool_options (HlCanvas          *self,
                                           HlToolOptions     *options);
/* The tool, NULL while no design is open (borrowed; replaced by
 * set_tool and when a document loads). */
HlTool        *hl_canvas_get_tool         (HlCanvas          *self);
/* Image px under widget point (@x, @y). */
HlPoint        hl_canvas_widget_to_image  (HlCanvas          *self,
                                           double             x,
                                           double             y);
/* Widget point of image point @p. */
HlPoint        hl_canvas_image_to_widget  (HlCanvas          *self,
                                           HlPoint            p);
/* Screen px per image px. */
double         hl_canvas_get_zoom         (HlCanvas          *self);
/* Feeds one event to the tool, as the pointer and key controllers do
 * (@event->zoom is filled in), then shows the tool's design. */
HlToolResult   hl_canvas_handle_event     (HlCanvas          *self,
                                           HlToolEvent       *event);
/* Multiplies the zoom by @factor around the widget's centre; a factor of 0
 * fits the view to the widget again. */
void           hl_canvas_zoom             (HlCanvas          *self,
                                           double             factor);
/* Dots of the design shown (for tests and the status line). */
gsize          hl_canvas_get_n_dots       (HlCanvas          *self);
/* How many times the design layer (photo, dots, lines) was drawn since
 * the canvas was made: tests check that hovering does not redraw it. */
guint          hl_canvas_get_design_renders (HlCanvas        *self);
/* The part of the design layer (device px) its last drawing redrew, and
 * the layer's size: an edit redraws only what it changed. */
void           hl_canvas_get_last_redraw  (HlCanvas          *self,
                                           GdkRectangle      *part,
                                           int               *width,
                                           int               *height);
/* The design layer goes to GSK as square tiles, each kept from frame to
 * frame until its pixels change. Sets @tiles (a GArray of GdkRectangle,
 * device px of the layer; the caller's) to those its last drawing made
 * again, in row order. */
void           hl_canvas_get_redrawn_tiles (HlCanvas         *self,
                                            GArray           *tiles);

/* The tool's feedback goes to GSK in cells, each kept from frame to frame
 * while it looks the same: the cells the last snapshot made again and
 * those it showed. */
void           hl_canvas_get_tool_cells   (HlCanvas          *self,
                                            guint            *remade,
                                            guint            *shown);

/* What the canvas tells assistive technologies besides its label
 * ("Design canvas"): the tool, the selected point and zone and the
 * preview stage, as its accessible description, kept up to date
 * (borrowed). */
const char    *hl_canvas_get_description  (HlCanvas          *self);

/* How the design is shown to the client (copied). Tools take the pointer
 * and keys only in the plain view (compare off, not presenting); mirrored,
 * they still work, the pointer mapped through the flip. Comparing with a
 * split line, the primary button drags the line. */
void           hl_canvas_set_preview      (HlCanvas          *self,
                                           const HlPreview   *preview);
void           hl_canvas_get_preview      (HlCanvas          *self,
                                           HlPreview         *preview);
/* The split line, 0–1 of the widget's width from the left (0.5 at
 * first); set clamps. */
double         hl_canvas_get_split        (HlCanvas          *self);
void           hl_canvas_set_split        (HlCanvas          *self,
                                           double             split);
/* The density map last drawn, NULL when it is off or not drawn yet
 * (borrowed; replaced when the design or the sessions change). */
const HlDensityMap *hl_canvas_get_density_map (HlCanvas      *self);

G_END_DECLS
