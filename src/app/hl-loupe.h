/* hl-loupe.h: a round magnifier over the canvas.
 *
 * The loupe shows the design around an image point at a zoom of its own
 * (at least one photo px per device px: the photo's full resolution, so
 * that dots too small to see at the fit zoom show), drawn by the same
 * renderer as the canvas and the exports (hl_render_view) into a square
 * just large enough for its circle, and painted clipped to the circle.
 * The square is kept while nothing it shows changed, so a frame where the
 * loupe did not move costs one paint. It knows nothing of widgets: the
 * canvas says where it is and what to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hl-geometry.h"
#include "hl-photo.h"
#include "hl-render.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* Radius in widget px, unless the widget is too small for it. */
#define HL_LOUPE_RADIUS 110.0

/* The loupe magnifies this much over the canvas's zoom, and never shows
 * less than one photo px per device px. */
#define HL_LOUPE_MAGNIFICATION 3.0
#define HL_LOUPE_MAX_ZOOM 32.0

typedef struct _HlLoupe HlLoupe;

/* (transfer full) */
HlLoupe *hl_loupe_new       (void);
void     hl_loupe_free      (HlLoupe                *self);
/* Forgets the pixels kept. */
void     hl_loupe_drop      (HlLoupe                *self);

/* The loupe's zoom (widget px per image px) over a canvas showing the
 * image at @zoom, with @scale device px per widget px. */
double   hl_loupe_zoom_for  (double                  zoom,
                             int                     scale);

/* Draws the loupe on @cr (widget px): a circle of @radius centred on
 * (@cx, @cy) showing @view of @photo (may be NULL) with @dots (may be
 * NULL) as @options say, image point @at in its middle, at @zoom widget
 * px per image px (@scale device px each), flipped left-right when
 * @mirror; then its rim. Renders only the circle's square, and only when
 * what it shows changed. */
void     hl_loupe_draw      (HlLoupe                *self,
                             cairo_t                *cr,
                             double                  cx,
                             double                  cy,
                             double                  radius,
                             int                     scale,
                             HlPoint                 at,
                             double                  zoom,
                             gboolean                mirror,
                             HlPhoto                *photo,
                             const HlView           *view,
                             GArray                 *dots,
                             const HlRenderOptions  *options);

/* For tests: how many times the loupe rendered its square. */
guint    hl_loupe_get_renders (HlLoupe              *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlLoupe, hl_loupe_free)

G_END_DECLS
