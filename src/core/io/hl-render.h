/* hl-render.h: the one renderer for the canvas, the CLI and every export.
 *
 * Dots blend into the photo by multiply, each through a pre-rendered
 * anti-aliased coverage mask (hl-stamp-cache.h), so what the client sees on
 * screen is what is exported. Stages show the same dots fresh, healed
 * (smaller, lighter) or aged (lighter, slightly blurred, a faint blue-grey
 * cast).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-dot.h"
#include "hl-photo.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef enum
{
  HL_STAGE_FRESH,    /*< nick=fresh >*/
  HL_STAGE_HEALED,   /*< nick=healed >*/
  HL_STAGE_AGED,     /*< nick=aged >*/
} HlStage;

typedef enum /*< skip >*/
{
  HL_OVERLAY_NONE      = 0,
  HL_OVERLAY_HAIRLINE  = 1 << 0,
  HL_OVERLAY_HANDLES   = 1 << 1,
  HL_OVERLAY_ZONES     = 1 << 2,
  HL_OVERLAY_LANDMARKS = 1 << 3,
  HL_OVERLAY_RULER     = 1 << 4,
  HL_OVERLAY_ALL       = (1 << 5) - 1,
} HlOverlays;

typedef enum
{
  HL_LAYOUT_AFTER,          /*< nick=after >*/         /* the design alone */
  HL_LAYOUT_BEFORE_AFTER,   /*< nick=before-after >*/  /* photo | design, side by side */
  HL_LAYOUT_SPLIT,          /*< nick=split >*/         /* one image, before left of the split */
} HlLayout;

/* The simulation mark in English, as files' metadata carry it; people
 * read hl_render_get_simulation_mark(). */
#define HL_SIMULATION_MARK "Simulation — healed results vary"

/* HL_SIMULATION_MARK in the user's language (static). */
const char *hl_render_get_simulation_mark (void);

typedef struct
{
  HlStage     stage;
  HlOverlays  overlays;
  gboolean    show_photo;   /* FALSE: leave the target's pixels as the base */
  gboolean    show_dots;
  HlLayout    layout;       /* exports only */
  double      split;        /* HL_LAYOUT_SPLIT: 0–1 from the left */
  double      scale;        /* output px per image px, > 0 */
  const char *mark;         /* exports: the simulation mark; NULL = none */
  guint       sessions;     /* "after session k": only dots of sessions
                             * 1..k (HlDot.session < k); 0 = all */
  gboolean    mirror;       /* flip left-right, as the client sees
                             * themself in a mirror (the mark stays
                             * readable) */
  HlRect      crop;         /* exports: image px to show; empty = all */
  cairo_antialias_t line_antialias; /* the overlays' lines: DEFAULT unless
                             * asked (cairo's finer rasteriser, a 256 × 15
                             * grid a pixel); the canvas asks FAST (a 4 × 4
                             * grid), which strokes them with 40 % fewer
                             * instructions while a handle is dragged */
  double      line_tolerance; /* the hairline: output px it may leave
                             * the design's polyline by, to stroke fewer
                             * points; 0 = none */
} HlRenderOptions;

/* Defaults: fresh, dots on, no overlays, after-only, scale 1, all
 * sessions, not mirrored, and the simulation mark. */
void             hl_render_options_init (HlRenderOptions       *options);

/* Draws photo (or a neutral background if @photo is NULL), dots and
 * overlays of @view into the image surface @target (ARGB32 or RGB24),
 * where image pixel (x, y) lands on target pixel (x·scale + dx, y·scale +
 * dy). Only dots that touch the target are drawn. */
void             hl_render_view         (cairo_surface_t       *target,
                                         double                 scale,
                                         double                 dx,
                                         double                 dy,
                                         const HlPhoto         *photo,
                                         const HlView          *view,
                                         const HlDot           *dots,
                                         gsize                  n_dots,
                                         const HlRenderOptions *options);

/* A finished export image in the options' layout, with the mark (transfer
 * full: an RGB24 image surface; check its status for allocation failure).
 * The same pixels as hl_render_export_rows() hands out, in one piece. */
cairo_surface_t *hl_render_export       (const HlPhoto         *photo,
                                         const HlView          *view,
                                         const HlDot           *dots,
                                         gsize                  n_dots,
                                         const HlRenderOptions *options);

/* The size in pixels of the image hl_render_export() and
 * hl_render_export_rows() draw. */
void             hl_render_export_size  (const HlPhoto         *photo,
                                         const HlView          *view,
                                         const HlRenderOptions *options,
                                         int                   *width,
                                         int                   *height);

/* Rows @row0 .. @row0 + @n_rows − 1 of an export image, top to bottom:
 * @data (borrowed until the call returns) holds them in cairo's RGB24
 * layout, @stride bytes apart. Return FALSE to stop drawing. */
typedef gboolean (*HlRenderRowsFunc) (const guint8 *data,
                                      int           stride,
                                      int           row0,
                                      int           n_rows,
                                      gpointer      user_data);

/* Draws the export image hl_render_export() draws, @band_rows rows at a
 * time (≤ 0: bands of about 16 MB), handing each band to @sink, so a
 * large mockup never needs its whole image in memory: about two bands,
 * the photo and the dots. The rows are the same, pixel for pixel, as
 * hl_render_export()'s whatever the band height. Returns TRUE when every
 * row was handed over, FALSE when @sink stopped it or a band could not be
 * allocated. */
gboolean         hl_render_export_rows  (const HlPhoto         *photo,
                                         const HlView          *view,
                                         const HlDot           *dots,
                                         gsize                  n_dots,
                                         const HlRenderOptions *options,
                                         int                    band_rows,
                                         HlRenderRowsFunc       sink,
                                         gpointer               user_data);

/* The part of the view worth showing a client: zones, hairline and
 * landmarks with a margin of @margin (fraction of their size), kept inside
 * the photo. Empty when the view has nothing drawn. */
HlRect           hl_render_design_bounds (const HlPhoto        *photo,
                                          const HlView         *view,
                                          double                margin);

/* Size of a view in image px: the photo's, else the photo reference's,
 * else the bounds of what is drawn. */
void             hl_render_view_size    (const HlPhoto         *photo,
                                         const HlView          *view,
                                         int                   *width,
                                         int                   *height);

const char      *hl_stage_to_string     (HlStage                stage);
gboolean         hl_stage_from_string   (const char            *text,
                                         HlStage               *stage);

G_END_DECLS
