/* hl-head-edit.h: the head model and a view's pose set by hand, to correct
 * a fit: edit builders in the manner of hl-edit.h (the input is never
 * changed; the result is a new design, one undo step).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* The design with view @view measured on @model standing at @pose: the
 * design's head takes @model's sizes and the view @pose; the design's
 * other posed photos see the new head (head charts keep the default head
 * they are drawn from, so on a chart's view only the pose changes and
 * @model must be the view's own head). A size or pose outside the range
 * a file may hold is refused as the file is (HL_ERROR_INVALID, e.g.
 * "views[0].pose.pitch_deg: must be -90–90°", "head.breadth_mm: must be
 * 110–200 mm"); so is a view index out of range. Transfer full; NULL on
 * error. */
HlDesign *hl_head_edit_set     (const HlDesign     *design,
                                guint               view,
                                const HlHeadModel  *model,
                                const HlHeadPose   *pose,
                                GError            **error);

/* Where adjusting view @view starts: its own head and pose when it has
 * them; else its landmarks' fit (hl_head_fit_view()); else the design's
 * head (or the default one) facing the camera, centred on the photo, at
 * the calibration's scale. */
void      hl_head_edit_initial (const HlDesign     *design,
                                guint               view,
                                HlHeadModel        *model,
                                HlHeadPose         *pose);

G_END_DECLS
