/* hl-render-private.h: what hl-render.c shares with hl-render-export.c
 * and hl-render-photo.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-render.h"

G_BEGIN_DECLS

/* Skin-like neutral shown when the photo is missing. */
#define HL_RENDER_BACKGROUND 0xffe9dcd0u

/* How far past its centre a dot of @view can reach in output px at
 * @scale, for @options' stage: *@factor × its diameter in mm + *@pad.
 * Drawing never touches a pixel farther away. */
void hl_render_dot_reach   (const HlView          *view,
                            double                 scale,
                            const HlRenderOptions *options,
                            double                *factor,
                            double                *pad);

/* Multiplies the dots of @view into the rows of the image surface
 * @target, which are rows @row0 .. @row0 + its height of an image where
 * image pixel (x, y) lands on (x·scale + dx, y·scale + dy). Only the dots
 * @order lists (@n_order indexes into @dots, ascending) are looked at, or
 * all when @order is NULL; each is drawn as it would be on the whole
 * image (the same stamp, clipped to these rows). */
void hl_render_draw_dots   (cairo_surface_t       *target,
                            int                    row0,
                            double                 scale,
                            double                 dx,
                            double                 dy,
                            const HlView          *view,
                            const HlDot           *dots,
                            gsize                  n_dots,
                            const guint32         *order,
                            gsize                  n_order,
                            const HlRenderOptions *options);

/* Hairline, handles, zones, landmarks and ruler as @options ask, on @cr
 * in image coordinates (@unit image px per output px). Lines are traced
 * only near @cr's clip unless @whole_lines (then the same path whatever
 * the clip). */
void hl_render_draw_overlays (cairo_t               *cr,
                              const HlView          *view,
                              double                 unit,
                              gboolean               whole_lines,
                              const HlRenderOptions *options);

/* hl-render-photo.c: draws @copy, a halved copy of a photo of
 * @photo_width × @photo_height px (hl_photo_get_surface_for_scale()), into
 * the image surface @target, where photo px (x, y) lands on
 * (x·@scale + @dx, y·@scale + @dy) and @k copy px make one output px
 * (1 ≤ @k ≤ 2): each output pixel the mean of the copy under it, its
 * edge pixels repeated beyond it, the photo's rectangle over what @target
 * holds with its edges antialiased (as cairo fills it). FALSE (nothing
 * drawn) for a @k out of range or a copy not in CAIRO_FORMAT_RGB24. */
gboolean hl_render_photo_by_area (cairo_surface_t *target,
                                  cairo_surface_t *copy,
                                  double           k,
                                  double           photo_width,
                                  double           photo_height,
                                  double           scale,
                                  double           dx,
                                  double           dy);

/* hl-render-photo.c: the photo layer of hl_render_view(): @photo onto
 * the image surface @target, photo px (x, y) on (x·@scale + @dx,
 * y·@scale + @dy), its rectangle over what @target holds. A view of the
 * photo prepared for this scale and these fractions of @dx, @dy
 * (hl_photo_prepare_view()) is copied; otherwise the photo is scaled
 * (from a halved copy, by area below 3/4 of it). */
void     hl_render_photo         (cairo_surface_t *target,
                                  const HlPhoto   *photo,
                                  double           scale,
                                  double           dx,
                                  double           dy);

/* The photo drawn as hl_render_photo() would scale it at @scale with
 * offset (@dx, @dy), on a transparent surface just large enough (the
 * photo's edges antialiased into its alpha), whose top-left pixel lands
 * on output pixel (*@x, *@y). Transfer full; NULL for a @scale of 1 or
 * more or a result over 8192 px a side. Safe on any thread. */
cairo_surface_t *hl_render_photo_prepare (const HlPhoto *photo,
                                          double         scale,
                                          double         dx,
                                          double         dy,
                                          int           *x,
                                          int           *y);

/* Test hook: how many times, in this process, hl_render_photo() copied a
 * prepared view (*@copied) and scaled the photo (*@scaled). Either may be
 * NULL. */
void     hl_render_photo_get_counts (guint *copied,
                                     guint *scaled);

G_END_DECLS
