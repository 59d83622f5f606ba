/* hl-tool-ruler.h: calibration by a reference of known length.
 *
 * Three ways to measure the reference segment:
 * - HL_RULER_DRAG: press, drag across something of known length (a ruler
 *   held to the forehead), release;
 * - HL_RULER_IPD: click the two pupils (interpupillary distance, ≈ 63 mm);
 * - HL_RULER_IRIS: click both edges of one iris (≈ 11.7 mm across).
 * When the segment is complete (at least 2 px long) the event returns
 * HL_TOOL_ASK_LENGTH: the host asks the user for the length, offering
 * hl_tool_ruler_get_suggested_mm(), then calls hl_tool_ruler_apply() or
 * hl_tool_ruler_cancel_segment(). A new press starts a new segment; ESCAPE
 * and HL_TOOL_CANCEL drop the segment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

/* HlRulerMode is in hl-tool-options.h. */

/* Relative uncertainty stated with each kind of calibration. */
#define HL_RULER_UNCERTAINTY 0.02
#define HL_IPD_UNCERTAINTY 0.08
#define HL_IRIS_UNCERTAINTY 0.10
/* The longest reference accepted, in mm. */
#define HL_RULER_MAX_MM 1000.0
/* The shortest segment accepted, in image px. */
#define HL_RULER_MIN_PX 2.0

/* The class behind hl_tool_new_by_name ("ruler", ...) (static). */
const HlToolClass *hl_tool_ruler_class            (void);

/* Switches the mode (options->ruler_mode); drops a segment in progress. */
void               hl_tool_ruler_set_mode         (HlTool       *tool,
                                                   HlRulerMode   mode);
HlRulerMode        hl_tool_ruler_get_mode         (HlTool       *tool);

/* TRUE when a complete segment waits for its length; its ends (image px)
 * in *@a and *@b (either may be NULL). */
gboolean           hl_tool_ruler_get_segment      (HlTool       *tool,
                                                   HlPoint      *a,
                                                   HlPoint      *b);
/* The length to offer: 63 mm (IPD), 11.7 mm (iris), or for a ruler the
 * last length applied (by this tool, else the view's ruler calibration),
 * else 10 mm. */
double             hl_tool_ruler_get_suggested_mm (HlTool       *tool);

/* Calibrates the view from the complete segment measuring @mm, as one undo
 * step: the calibration (source ruler, IPD or iris; mm_per_px = @mm / the
 * segment's length in px; uncertainty ±2 %, ±8 %, ±10 %; the segment as
 * reference), plus the two pupils as landmarks (IPD: the one with the
 * larger image x is the client's left) or the iris edges (iris: the
 * client's left iris when it lies right of the glabella, else of the
 * image's centre). FALSE with HL_ERROR_ARGUMENT when there is no complete
 * segment, it is shorter than HL_RULER_MIN_PX, or @mm is not a finite
 * number in (0, HL_RULER_MAX_MM]; the segment is then kept. */
gboolean           hl_tool_ruler_apply            (HlTool       *tool,
                                                   double        mm,
                                                   GError      **error);
/* Drops the segment (complete or not). */
void               hl_tool_ruler_cancel_segment   (HlTool       *tool);

G_END_DECLS
