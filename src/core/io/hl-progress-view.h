/* hl-progress-view.h: a progress photo seen over the plan.
 *
 * The practitioner compares what a session did with what was planned: the
 * progress photo, carried into the view's frame by its alignment
 * (HlProgressPhoto.transform, photo px → view px; similarity, affine or
 * projective), is laid over the view's own photo at an opacity, right of a
 * split line, and the planned dots and the hairline are drawn over both,
 * so that where dots are still missing shows at a glance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-dot.h"
#include "hl-photo.h"
#include "hl-progress-photo.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* An RGB24 image of @view's part @crop (view px; empty: all of it) at
 * @scale output px per view px (transfer full; NULL when @progress is not
 * aligned or the size is not sensible): the
 * view's photo (@view_photo, may be NULL: a neutral background), then
 * @progress_pixels carried by @progress's alignment at @opacity (0–1)
 * right of @split (0–1 of the width; 0: over the whole image), then
 * @dots (@n_dots, view px, may be 0) and the hairline. */
cairo_surface_t *hl_progress_view_render (const HlProgressPhoto *progress,
                                          const HlPhoto         *progress_pixels,
                                          const HlPhoto         *view_photo,
                                          const HlView          *view,
                                          const HlDot           *dots,
                                          gsize                  n_dots,
                                          HlRect                 crop,
                                          double                 scale,
                                          double                 opacity,
                                          double                 split);

G_END_DECLS
