/* hl-cell-layer.h: a layer drawn anew at every frame, handed to GSK in
 * cells so that it repaints only the cells that changed.
 *
 * The tools' feedback spans the canvas (a handle on every corner of every
 * zone and every point of the hairline), and one node for all of it made
 * GSK repaint the whole canvas at every step of a drag. Each frame the
 * layer draws what it is given into one of two pixel buffers, compares it
 * cell by cell with the other (the last frame), and keeps the last frame's
 * node of every cell that looks the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _HlCellLayer HlCellLayer;

/* (transfer full) */
HlCellLayer   *hl_cell_layer_new      (void);
void           hl_cell_layer_free     (HlCellLayer *self);

/* Forgets the last frame: every cell is made again at the next snapshot. */
void           hl_cell_layer_reset    (HlCellLayer *self);

/* Draws in widget px; all it draws lies within the @ink it comes with. */
typedef void (*HlCellLayerDraw) (cairo_t  *cr,
                                 gpointer  data);

/* Calls @draw (NULL for nothing), which draws within @ink (widget px), for
 * a widget of @width × @height px at @scale device px per px, and appends
 * to @snapshot, in widget px, a node for each cell that holds something:
 * the last frame's where the cell looks the same. @boxes (of
 * cairo_rectangle_int_t, widget px; may be NULL: @ink whole) say more
 * closely where @draw draws: every pixel it touches lies in one of them,
 * and only there are the two frames compared. Cairo nodes when
 * @with_cairo (GSK's cairo renderer), textures otherwise. */
void           hl_cell_layer_snapshot (HlCellLayer                 *self,
                                       GtkSnapshot                 *snapshot,
                                       HlCellLayerDraw              draw,
                                       gpointer                     data,
                                       const cairo_rectangle_int_t *ink,
                                       GArray                      *boxes,
                                       int                          width,
                                       int                          height,
                                       int                          scale,
                                       gboolean                     with_cairo);

/* Cells the last snapshot made again, and cells it showed (for tests). */
guint          hl_cell_layer_get_remade (HlCellLayer *self);
guint          hl_cell_layer_get_shown  (HlCellLayer *self);

/* A node showing a copy of the @w × @h device px of the image surface
 * @surface at @x, @y, placed at @x / @scale, @y / @scale in widget px
 * (transfer full): a cairo node when @with_cairo, else a texture node.
 * Later drawing into @surface leaves it as it was. */
GskRenderNode *hl_cell_layer_node_of  (cairo_surface_t *surface,
                                       int              x,
                                       int              y,
                                       int              w,
                                       int              h,
                                       int              scale,
                                       gboolean         with_cairo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlCellLayer, hl_cell_layer_free)

G_END_DECLS
