/* hl-head-transfer.h: one scalp seen from several views. Points, curves
 * and dots of one view carried to another through the head model: from
 * the first view's image to the scalp (the side that view sees), then into
 * the second view's image, where the second view sees that scalp.
 *
 * Both views need a head model (HlView.has_head) of the same head; the
 * functions return NULL otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-dot.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* TRUE when @from and @to both have a head model, of the same sizes. */
gboolean  hl_head_transfer_possible (const HlView *from,
                                     const HlView *to);
/* Image point @p of @from as @to sees it: TRUE with *@q set when @p lies
 * on the head in @from and @to sees that point of the scalp. */
gboolean  hl_head_transfer_point    (const HlView *from,
                                     HlPoint       p,
                                     const HlView *to,
                                     HlPoint      *q);
/* The dots @dots (@n, image px of @from) that @to sees, in @to's image
 * px, with their sizes, shades, sessions and zones (transfer full: a
 * GArray of HlDot; NULL when the transfer is not possible). */
GArray   *hl_head_transfer_dots     (const HlView *from,
                                     const HlDot  *dots,
                                     gsize         n,
                                     const HlView *to);
/* Closed curve @curve of @from as @to sees it: its polyline resampled
 * every half millimetre of image, the points @to does not see dropped
 * (transfer full; NULL when the transfer is not possible or fewer than 3
 * points remain). */
HlCurve  *hl_head_transfer_curve    (const HlView  *from,
                                     const HlCurve *curve,
                                     const HlView  *to);

G_END_DECLS
