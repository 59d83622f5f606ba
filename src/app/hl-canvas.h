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
 * presents the design to the client. What only tests reach is in
 * hl-canvas-private.h.
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
/* Multiplies the zoom by @factor around the widget's centre; a factor of 0
 * fits the view to the widget again. */
void           hl_canvas_zoom             (HlCanvas          *self,
                                           double             factor);
/* How the design is shown to the client (copied). Tools take the pointer
 * and keys only in the plain view (compare off, not presenting); mirrored,
 * they still work, the pointer mapped through the flip. Comparing with a
 * split line, the primary button drags the line. */
void           hl_canvas_set_preview      (HlCanvas          *self,
                                           const HlPreview   *preview);
void           hl_canvas_get_preview      (HlCanvas          *self,
                                           HlPreview         *preview);

/* The loupe: a round magnifier over the canvas (in presentation too)
 * showing the design at the photo's full resolution around its centre.
 * The primary button drags it; with the canvas focused, Ctrl+arrows move
 * it (Shift: further); Ctrl+L shows or hides it (canvas.loupe). It
 * starts over the middle of what is drawn. */
void           hl_canvas_set_loupe        (HlCanvas          *self,
                                           gboolean           shown);
gboolean       hl_canvas_get_loupe        (HlCanvas          *self);
/* Its centre in widget px (kept inside the widget). */
void           hl_canvas_move_loupe       (HlCanvas          *self,
                                           double             x,
                                           double             y);
void           hl_canvas_get_loupe_center (HlCanvas          *self,
                                           double            *x,
                                           double            *y);
/* Draws over the editing view, above the tool's feedback, in image px
 * (@cr scaled by @zoom screen px per image px): what a dialog adjusts,
 * such as the head model's outline. */
typedef void (*HlCanvasOverlayFunc) (cairo_t      *cr,
                                     const HlView *view,
                                     double        zoom,
                                     gpointer      user_data);
/* Sets the overlay (NULL: none); @destroy frees @user_data when it is
 * replaced or the canvas goes. Redraws. */
void           hl_canvas_set_overlay      (HlCanvas            *self,
                                           HlCanvasOverlayFunc  func,
                                           gpointer             user_data,
                                           GDestroyNotify       destroy);
typedef enum
{
  HL_CANVAS_OVERLAY_PRESS,
  HL_CANVAS_OVERLAY_MOTION,
  HL_CANVAS_OVERLAY_RELEASE,
  HL_CANVAS_OVERLAY_CANCEL,
} HlCanvasOverlayPhase;
/* A drag of the primary button for the overlay's handles: called with
 * the pointer in image px; a press the function takes (TRUE) makes the
 * whole drag the overlay's, before the tool sees it. */
typedef gboolean (*HlCanvasOverlayInput) (HlCanvasOverlayPhase phase,
                                          HlPoint              p,
                                          double               zoom,
                                          gpointer             user_data);
/* Sets the overlay's input (NULL: none), with the overlay's @user_data
 * (hl_canvas_set_overlay() sets it to none). */
void           hl_canvas_set_overlay_input (HlCanvas            *self,
                                            HlCanvasOverlayInput input);
/* "Seen from": the design as a person with normal acuity sees it from a
 * distance (hl-acuity.h). Needs the view's calibration: without it, it
 * is pixel-exact and the choice is disabled. */
void           hl_canvas_set_seen_from    (HlCanvas          *self,
                                           HlSeenFrom         seen_from);
HlSeenFrom     hl_canvas_get_seen_from    (HlCanvas          *self);
/* The actions "loupe" (boolean) and "seen-from" (a HlSeenFrom nick) that
 * drive the two; the window inserts them as "canvas" (borrowed). */
GActionGroup  *hl_canvas_get_actions      (HlCanvas          *self);
/* Their part of the Preview menu, with the "canvas" prefix; it says
 * when "seen from" needs a calibration (borrowed). */
GMenuModel    *hl_canvas_get_preview_menu (HlCanvas          *self);

G_END_DECLS
