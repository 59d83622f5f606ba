/* hl-scalp-proposal.h: a scalp outline proposed for a front photo.
 *
 * The front head chart's scalp outline (hl_head_chart_get_scalp_outline())
 * is laid out on an average adult head: head breadth 152 mm, which lies
 * between the British adult medians of 145 mm (women) and 155 mm (men)
 * (S. Pheasant, Bodyspace, as tabulated in "Online anthropometry", City
 * University of Hong Kong, ch. 2 no. 27, "Head breadth",
 * http://personal.cityu.edu.hk/meachan/online%20anthropometry/Chapter2/Ch2-27.htm),
 * the vertex 125 mm above the glabella, the sideburns reaching 11 mm below
 * the pupils, and a forehead edge 57 mm above the glabella, below any
 * hairline the template proposes. A front photo gets the same outline
 * carried over by the similarity that takes the chart's pupils onto the
 * photo's: their midpoint and the angle of the line through them place
 * it, the view's calibration (mm per image pixel) sizes it, or, for an
 * uncalibrated view, the pupils' distance read as HL_IPD_MM; of the
 * chart's points it keeps the corners and one every 28 mm at most, about
 * twenty handles. It is a
 * starting point for the practitioner to adjust with the select tool, not
 * a measurement of the client's head.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-curve.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* The outline proposed for @view (transfer full; it passes
 * hl_scalp_outline_check()), or NULL with HL_ERROR_ARGUMENT and a message
 * for people when the view lacks a pupil, or its pupils coincide. */
HlCurve *hl_scalp_outline_propose (const HlView  *view,
                                   GError       **error);

G_END_DECLS
