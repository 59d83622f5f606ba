/* hl-head-dialog.h: the head model and the shown view's pose adjusted by
 * hand, to correct a fit: the head's breadth, length and height, the
 * view's turn, tilt and roll, its scale and the head's centre in the
 * image, each a spin button (keyboard: Tab between them, arrows and Page
 * keys to change, Escape closes). While the dialog is open the canvas
 * shows the model over the view: its outline, a faint grid of the scalp
 * the view sees, and two handles taken before the tool's
 * (hl_canvas_set_overlay_input()): the centre, dragged to move the head,
 * and a square on the outline's side, dragged to scale it about its
 * centre (shown while dragged, one undo step when let go).
 *
 * Every change goes through the document's one commit path
 * (hl_document_commit()), one undo step per field changed (a burst of
 * changes to one field amends it), built by hl_head_edit_set(): values
 * outside the ranges a file may hold are refused with the format's
 * message, shown in the dialog, and nothing changes. A head chart's view
 * adjusts only its pose (the chart is drawn from its own head).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-canvas.h"
#include "hl-document.h"

G_BEGIN_DECLS

#define HL_TYPE_HEAD_DIALOG (hl_head_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlHeadDialog, hl_head_dialog, HL, HEAD_DIALOG, AdwWindow)

/* A dialog over @parent (may be NULL) adjusting the head of @document's
 * shown view, drawing the model on @canvas (may be NULL) while it is
 * open. The dialog holds references on @document and @canvas. */
HlHeadDialog *hl_head_dialog_new         (GtkWindow    *parent,
                                          HlDocument   *document,
                                          HlCanvas     *canvas);

/* For tests: the spin button of @field ("breadth_mm", "length_mm",
 * "height_mm", "yaw_deg", "pitch_deg", "roll_deg", "scale", "centre_x",
 * "centre_y"), or NULL (borrowed). */
GtkWidget    *hl_head_dialog_get_spin    (HlHeadDialog *self,
                                          const char   *field);
/* The last refusal shown, "" when none (borrowed). */
const char   *hl_head_dialog_get_message (HlHeadDialog *self);

G_END_DECLS
