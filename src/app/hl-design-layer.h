/* hl-design-layer.h: the canvas's cached drawing of the design.
 *
 * Two layers of device px, kept from frame to frame:
 *
 *   photo layer   background and scaled photo; key: size, zoom and pan
 *   design layer  a copy of the photo layer with dots, hairline and zones;
 *                 key: the photo layer's; once the design shown changed,
 *                 only the cells whose dots or lines changed are drawn
 *                 again, and it reaches GSK as tiles kept from frame to
 *                 frame, so that only the tiles an edit touched are
 *                 painted again
 *
 * The layer knows nothing of widgets or documents: it is given the photo,
 * view, dots and preview to draw, and the transform to draw them with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hl-canvas-preview.h"
#include "hl-photo.h"
#include "hl-design.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef struct _HlDesignLayer HlDesignLayer;

/* (transfer full) */
HlDesignLayer *hl_design_layer_new        (void);
void           hl_design_layer_free       (HlDesignLayer   *self);

/* Forgets every pixel: both layers are made anew at the next update. */
void           hl_design_layer_drop       (HlDesignLayer   *self);
/* The design layer is to be drawn again whole (the stage, the sessions or
 * what is drawn over the dots changed). */
void           hl_design_layer_invalidate (HlDesignLayer   *self);
/* The design shown changed: the next update draws again the cells that
 * differ. */
void           hl_design_layer_mark_stale (HlDesignLayer   *self);

/* Brings both layers up to date with @view of @photo (may be NULL), its
 * @dots (an array of HlDot, referenced: the caller never changes it; NULL:
 * none) as @preview shows them, in @width × @height device px at @zoom
 * device px per image px, offset by @dx, @dy. The photo layer is drawn
 * again when the size or transform changed; the design layer only where
 * something changed. */
void           hl_design_layer_update     (HlDesignLayer   *self,
                                           HlPhoto         *photo,
                                           const HlView    *view,
                                           GArray          *dots,
                                           const HlPreview *preview,
                                           int              width,
                                           int              height,
                                           double           zoom,
                                           double           dx,
                                           double           dy);

/* The design shown and its view index (@design may be NULL), for the
 * outlines of zones on the head drawn on other views that this view sees
 * (hl-head-zones.h): drawn dotted, read-only, over the view's own lines.
 * Their dots come with the view's dots. The design layer is drawn again
 * when those outlines changed. */
void           hl_design_layer_set_carried (HlDesignLayer  *self,
                                            HlDesign       *design,
                                            guint           index);
/* For tests: how many carried outlines the layer draws. */
guint          hl_design_layer_get_n_carried (HlDesignLayer *self);

/* Appends the design layer's tiles to @snapshot, in widget px (@scale
 * device px each): the nodes of the last frame where nothing changed, so
 * that GSK repaints only the tiles made again. Cairo nodes when
 * @with_cairo (GSK's cairo renderer), textures otherwise. */
void           hl_design_layer_append     (HlDesignLayer   *self,
                                           GtkSnapshot     *snapshot,
                                           int              scale,
                                           gboolean         with_cairo);

/* The photo layer (what the client looks like today) as a texture
 * (borrowed; NULL before the first update). */
GdkTexture    *hl_design_layer_get_photo_texture (HlDesignLayer *self);

/* What the last update drew, for the canvas's own uses (the acuity
 * blur): the photo layer and the photo with the dots under the lines, in
 * device px (borrowed; NULL before the first update; do not draw into
 * them). */
cairo_surface_t *hl_design_layer_get_photo_surface (HlDesignLayer *self);
cairo_surface_t *hl_design_layer_get_dots_surface  (HlDesignLayer *self);

/* For tests: how many times the design layer was drawn; the part
 * (device px) its last drawing redrew and its size; the tiles its last
 * drawing made again (GdkRectangle, device px, row order, into @tiles). */
guint          hl_design_layer_get_renders     (HlDesignLayer *self);
void           hl_design_layer_get_last_redraw (HlDesignLayer *self,
                                                GdkRectangle  *part,
                                                int           *width,
                                                int           *height);
void           hl_design_layer_get_redrawn_tiles (HlDesignLayer *self,
                                                  GArray        *tiles);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlDesignLayer, hl_design_layer_free)

G_END_DECLS
