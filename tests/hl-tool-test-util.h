/* hl-tool-test-util.h: driving tools in tests as a canvas would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"
#include "hl-history.h"
#include "hl-tool.h"

G_BEGIN_DECLS

/* A pointer event at (@x, @y) image px, a mouse (pressure 1), n_press 1. */
HlToolEvent   hl_test_ev          (HlToolEventType  type,
                                   double           x,
                                   double           y,
                                   double           zoom);
HlToolEvent   hl_test_key         (HlToolKey        key,
                                   double           zoom);
/* Feeds events to @tool; returns the result of the last one. */
HlToolResult  hl_test_press       (HlTool          *tool,
                                   double           x,
                                   double           y,
                                   double           zoom);
HlToolResult  hl_test_double      (HlTool          *tool,
                                   double           x,
                                   double           y,
                                   double           zoom);
HlToolResult  hl_test_motion      (HlTool          *tool,
                                   double           x,
                                   double           y,
                                   double           zoom);
HlToolResult  hl_test_release     (HlTool          *tool,
                                   double           x,
                                   double           y,
                                   double           zoom);
/* Press, release (a click). */
HlToolResult  hl_test_click       (HlTool          *tool,
                                   double           x,
                                   double           y,
                                   double           zoom);
HlToolResult  hl_test_press_key   (HlTool          *tool,
                                   HlToolKey        key,
                                   double           zoom);

/* A tool host over @history (borrowed, must outlive the host): the
 * design is the history's current one, a commit is a push (no merging,
 * no budget), the selected zone starts at -1. Freed when the test ends
 * (g_test_queue_free); free the tools made with it before. */
HlToolHost   *hl_test_host        (HlHistory       *history);

/* Undo steps available: undoes them all, counting, then redoes them all
 * (the history is left as it was). */
guint         hl_test_count_undo  (HlHistory       *history);

/* Pixels that @tool's overlay paints on a transparent @width × @height
 * surface, at @zoom screen px per image px. */
guint         hl_test_overlay_pixels (HlTool       *tool,
                                      int           width,
                                      int           height,
                                      double        zoom);

/* A design of one view "front", 400 × 300 px, calibrated at @mm_per_px
 * (0: uncalibrated), without hairline or zones (transfer full). */
HlDesign     *hl_test_empty_design (double          mm_per_px);
/* A hairline (0,100) (100,80) (200,70) (300,80) (400,100) and a frontal
 * zone, the box (0,0)–(400,110), on an uncalibrated view (transfer full). */
HlDesign     *hl_test_simple_design (void);
/* data/samples/front-consultation.json (transfer full). */
HlDesign     *hl_test_load_sample (void);

/* The first view of @design (borrowed). */
const HlView *hl_test_view        (HlDesign        *design);

G_END_DECLS
