/* hl-tool-landmark.h: placing the facial landmarks.
 *
 * A press on a placed landmark drags it (preview while dragging, one undo
 * step on release, ESCAPE or HL_TOOL_CANCEL put it back); a press anywhere
 * else places the current landmark there (one undo step) and makes the
 * next landmark that is not placed yet the current one, so a practitioner
 * can click through them in order. The overlay shows every landmark with a
 * short label, the current landmark's name by the pointer, and the
 * mid-frontal guides of hl_measure_draw_guides().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

/* The class behind hl_tool_new_by_name ("landmark", ...) (static). */
const HlToolClass *hl_tool_landmark_class       (void);

/* The landmark the next press places (HL_LANDMARK_GLABELLA at first). */
void               hl_tool_landmark_set_current (HlTool     *tool,
                                                 HlLandmark  landmark);
HlLandmark         hl_tool_landmark_get_current (HlTool     *tool);
/* The landmark being dragged, or HL_N_LANDMARKS. */
HlLandmark         hl_tool_landmark_get_dragged (HlTool     *tool);

/* For people, in their language: "Left pupil" (the client's left), and a
 * short label for the canvas, "LP" (static strings). */
const char        *hl_landmark_get_title        (HlLandmark  landmark);
const char        *hl_landmark_get_short_label  (HlLandmark  landmark);

G_END_DECLS
