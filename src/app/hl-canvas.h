/* hl-canvas.h: the drawing area of a design.
 *
 * Draws a view through the core renderer (photo, dots, hairline, zones and
 * handles) fitted to the widget, keeps its own incremental stippler, and
 * translates pointer and key events into HlToolEvents for its tool.
 * It decides no geometry itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hl-history.h"
#include "hl-photo.h"
#include "hl-tool.h"

G_BEGIN_DECLS

#define HL_TYPE_CANVAS (hl_canvas_get_type ())

G_DECLARE_FINAL_TYPE (HlCanvas, hl_canvas, HL, CANVAS, GtkWidget)

GtkWidget     *hl_canvas_new              (void);
/* Shows view @view of @history's designs over @photo (both may be NULL;
 * @history is borrowed and must outlive its use here, @photo is
 * referenced). */
void           hl_canvas_set_document     (HlCanvas          *self,
                                           HlHistory         *history,
                                           HlPhoto           *photo,
                                           guint              view);
/* Redraws after the history moved (undo, redo). */
void           hl_canvas_refresh          (HlCanvas          *self);
/* Image px under widget point (@x, @y). */
HlPoint        hl_canvas_widget_to_image  (HlCanvas          *self,
                                           double             x,
                                           double             y);
/* Screen px per image px. */
double         hl_canvas_get_zoom         (HlCanvas          *self);
/* Feeds one event to the tool, as the pointer and key controllers do
 * (@event->zoom is filled in). Emits "committed" when the history grew. */
HlToolResult   hl_canvas_handle_event     (HlCanvas          *self,
                                           HlToolEvent       *event);
/* Multiplies the zoom by @factor around the widget's centre; a factor of 0
 * fits the view to the widget again. */
void           hl_canvas_zoom             (HlCanvas          *self,
                                           double             factor);
/* Dots drawn in the last frame (for tests and the status line). */
gsize          hl_canvas_get_n_dots       (HlCanvas          *self);

G_END_DECLS
