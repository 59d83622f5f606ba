/* hl-head-fit.h: the head model fitted to a photo from its landmarks and
 * calibration.
 *
 * What a front photo gives, and how it is used (closed form, no
 * iteration over the image, a few microseconds):
 * - the scale: the calibration (image px per mm = 1 / mm_per_px);
 * - the roll: the line through the pupils;
 * - the breadth: the two temporal peaks, the temples' hair points in front
 *   of the ears, lie on the side of the head, where a front view sees the
 *   cranium's outline: their distance is the ellipsoid's width at their
 *   height, and the breadth follows with the default proportions of
 *   length and height to breadth (hl-head-model.h);
 * - the centre: the peaks' midpoint across, the glabella's height minus
 *   the model's glabella depth below the centre;
 * - the yaw: the glabella's offset from the peaks' midpoint, which is the
 *   glabella's depth ahead of the centre times sin (yaw);
 * - the pitch: taken as level (0): a consultation photo is taken face on.
 * A view without calibration, or without the glabella, both pupils and
 * both temporal peaks, cannot be fitted; nor one whose fit gives a head
 * outside the plausible ranges or turned more than
 * HL_HEAD_FIT_MAX_YAW_DEG. The message says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-view.h"

G_BEGIN_DECLS

#define HL_HEAD_FIT_MAX_YAW_DEG 45.0

/* Fits the head model to @view (a photo seen from the front). TRUE with
 * *@model and *@pose set; FALSE with HL_ERROR_INVALID and a message for
 * people ("Calibrate the view first", "Place the glabella, both pupils and
 * both temporal peaks (missing: …)", "The landmarks give a head 230 mm
 * broad: outside 110–200 mm") otherwise. */
gboolean hl_head_fit_view (const HlView  *view,
                           HlHeadModel   *model,
                           HlHeadPose    *pose,
                           GError       **error);

/* Why @view is measured in the photo's plane, for people (transfer full;
 * NULL when it has a head model): its stored reason
 * (HlView.head_reason), else that a head chart was saved without its pose
 * (before format 3), else why hl_head_fit_view() fails, else that the
 * model is not fitted although its landmarks would fit one ("not fitted:
 * its landmarks fit a head 150 mm broad"). `hairline stats` (head_reason)
 * and the consultation sheet say the same. */
char    *hl_head_fit_explain (const HlView *view);

G_END_DECLS
