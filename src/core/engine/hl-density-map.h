/* hl-density-map.h: the achieved density of a view's dots, on a grid.
 *
 * Cell counting: the zones' bounding box is cut into square cells of a
 * few mm on the skin (through the view's calibration) and the dots whose
 * centre falls in each are counted. A cell's value is the dots of the
 * 3 × 3 cells around it divided by the part of those cells that lies
 * inside a zone, in cm² (a box kernel three cells wide: one 5 mm cell
 * holds only ~15 dots at 60/cm², too few to read ±7 %; the zones'
 * outlines are rasterised 8 × 8 samples per cell). A uniform zone
 * therefore reads its achieved dots/cm² in every cell, edge cells
 * included; cells mostly outside every zone have no value. The mean is
 * over the cells themselves (dots / zone area), without the kernel. On a
 * view with a head model (HlView.has_head) areas are on the scalp: a
 * cell's zone area is its image area times the scalp-to-image area ratio
 * at its centre (corrected, as the engine does, for a pose whose scale
 * differs from the calibration: the scalp's area is the model's), so
 * values are dots per cm² of scalp and the legend says so. A legend of HL_DENSITY_MAP_N_STOPS colour stops from
 * 0 to a rounded maximum maps values to colours (a perceptual dark-blue to
 * yellow ramp: thin coverage reads dark).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-dot.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_DENSITY_MAP_CELL_MM      5.0
#define HL_DENSITY_MAP_N_STOPS      5
/* A cell with less of its area inside a zone has no value. */
#define HL_DENSITY_MAP_MIN_COVERAGE 0.25

typedef struct
{
  double value;          /* dots/cm² */
  double r, g, b;        /* 0–1 */
} HlDensityStop;

typedef struct
{
  int            columns;
  int            rows;
  double         x0, y0;      /* image px of cell (0, 0)'s top-left corner */
  double         cell_px;     /* side of a cell, image px */
  double         cell_mm;     /* the same on the skin */
  double         min, max;    /* over the cells that have a value */
  double         mean;        /* dots over zone area of those cells, dots/cm² */
  guint          n_valued;    /* cells that have a value */
  float         *values;      /* owned, columns × rows, row-major, dots/cm²;
                               * NAN where the cell has no value */
  float         *coverage;    /* owned, fraction of each cell inside a zone */
  HlDensityStop  stops[HL_DENSITY_MAP_N_STOPS];   /* ascending, stops[0].value = 0 */
  gboolean       on_scalp;    /* the view has a head model: per cm² of scalp */
} HlDensityMap;

/* The density map of @dots (borrowed, in image px of @view) over the zones
 * of @view (borrowed), counting only dots of sessions 1..@sessions (0: all,
 * as HlRenderOptions.sessions), in cells of @cell_mm (> 0; ≤ 0 takes
 * HL_DENSITY_MAP_CELL_MM; the cell is grown so that the grid stays under
 * 512 × 512 cells). Returns NULL when the view has no zone with an area
 * (transfer full: free with hl_density_map_free). */
HlDensityMap *hl_density_map_new        (const HlView       *view,
                                         const HlDot        *dots,
                                         gsize               n_dots,
                                         guint               sessions,
                                         double              cell_mm);
void          hl_density_map_free       (HlDensityMap       *map);

/* The value of cell (@column, @row), NAN outside the grid or where the
 * cell has no value. */
double        hl_density_map_get        (const HlDensityMap *map,
                                         int                 column,
                                         int                 row);
/* The value of the cell under image point (@x, @y), NAN if none. */
double        hl_density_map_at         (const HlDensityMap *map,
                                         double              x,
                                         double              y);
/* The legend colour of @value (clamped to the stops; linear between them). */
void          hl_density_map_color      (const HlDensityMap *map,
                                         double              value,
                                         double             *r,
                                         double             *g,
                                         double             *b);
/* Fills each cell that has a value with its colour at @alpha, in image px
 * (the caller's transform maps image px to the target), clipped to the
 * zones of @view (borrowed; NULL: whole cells). */
void          hl_density_map_draw       (const HlDensityMap *map,
                                         const HlView       *view,
                                         cairo_t            *cr,
                                         double              alpha);
/* The legend's title: the unit (per cm² of scalp on a view with a head
 * model) and the mean ("Dots/cm² of scalp · mean 74"). Caller frees. */
char         *hl_density_map_title      (const HlDensityMap *map);
/* Size of the legend in the caller's units (device px). */
#define HL_DENSITY_LEGEND_WIDTH  236
#define HL_DENSITY_LEGEND_HEIGHT 66

/* Draws the legend (the unit and the mean, a colour bar with the stops'
 * values) with its top-left corner at (@x, @y). */
void          hl_density_map_draw_legend (const HlDensityMap *map,
                                          cairo_t            *cr,
                                          double              x,
                                          double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlDensityMap, hl_density_map_free)

G_END_DECLS
