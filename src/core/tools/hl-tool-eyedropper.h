/* hl-tool-eyedropper.h: taking a pigment shade from the photo.
 *
 * A press samples the photo (set with hl_tool_set_photo) averaged over a
 * 5 × 5 px square around the pointer, clipped to the image, and sets the
 * selected zone's shade — or, when the target session (see
 * hl_tool_set_target_session) is ≥ 0, that session's shade — as one undo
 * step. Setting the zone's shade also sets its last session's shade when
 * the two were the same colour (the final session is the zone's own shade
 * in the defaults). When the press cannot do that it changes nothing,
 * returns HL_TOOL_NOTHING, and hl_tool_eyedropper_get_problem() says why.
 * The overlay is a swatch of the colour under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-dilution-chart.h"
#include "hl-tool.h"

G_BEGIN_DECLS

typedef enum
{
  HL_EYEDROPPER_OK,
  HL_EYEDROPPER_NO_PHOTO,     /* no photo to sample */
  HL_EYEDROPPER_NO_ZONE,      /* no zone selected (or it no longer exists) */
  HL_EYEDROPPER_NO_SESSION,   /* the target session is not one of the zone's */
  HL_EYEDROPPER_OUTSIDE,      /* the press was outside the photo */
} HlEyedropperProblem;

/* The sampled square's side, in image px. */
#define HL_EYEDROPPER_SIZE 5

/* The class behind hl_tool_new_by_name ("eyedropper", ...) (static). */
const HlToolClass  *hl_tool_eyedropper_class         (void);

/* Why the last press changed nothing (HL_EYEDROPPER_OK after a press that
 * did, and before any press). */
HlEyedropperProblem hl_tool_eyedropper_get_problem   (HlTool         *tool);
/* A sentence for people about @problem (static), NULL for OK. */
const char         *hl_eyedropper_problem_to_string  (HlEyedropperProblem problem);
/* The colour under the pointer (after the last press or motion); FALSE
 * when there is none (no photo, outside it). */
gboolean            hl_tool_eyedropper_get_color     (HlTool         *tool,
                                                      HlColor        *color);

/* The pigment and dilution of @chart whose healed dot, on the client's
 * Fitzpatrick skin type (type III when the design records none), is
 * nearest the colour the last press took (hl_dilution_chart_nearest()).
 * *@skin_type gets the type used and *@assumed whether it was assumed.
 * FALSE when the last press took no colour or the chart is empty. */
gboolean            hl_tool_eyedropper_suggest       (HlTool                *tool,
                                                      const HlDilutionChart *chart,
                                                      HlDilutionMatch       *match,
                                                      int                   *skin_type,
                                                      gboolean              *assumed);

/* The mean colour of @photo over the HL_EYEDROPPER_SIZE square around @p,
 * clipped to the image; FALSE when none of it lies on the image. */
gboolean            hl_tool_eyedropper_sample        (const HlPhoto  *photo,
                                                      HlPoint         p,
                                                      HlColor        *color);

G_END_DECLS
