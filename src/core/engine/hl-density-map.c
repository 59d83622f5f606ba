/* hl-density-map.c: achieved density by cell counting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-density-map.h"
#include "hl-geometry.h"
#include "hl-head-model.h"
#include "hl-label.h"

#define MAX_CELLS_PER_SIDE 512
/* Coverage samples per cell side. */
#define SAMPLES 8
/* Cells counted together for one value (odd). */
#define WINDOW 3

/* A perceptual ramp (viridis' ends and quarters): thin coverage reads
 * dark, full coverage bright, for every kind of colour vision. */
static const double ramp[HL_DENSITY_MAP_N_STOPS][3] = {
  { 0.267, 0.005, 0.329 },
  { 0.231, 0.322, 0.545 },
  { 0.129, 0.569, 0.549 },
  { 0.369, 0.788, 0.384 },
  { 0.992, 0.906, 0.145 },
};

/* The top of the legend: a round number at or above @value. */
static double
legend_top (double value)
{
  if (!(value > 0))
    return 4.0;
  if (value <= 20)
    return 4.0 * ceil (value / 4.0);
  return 20.0 * ceil (value / 20.0);
}

/* The zones' outlines filled into an A8 mask of SAMPLES × SAMPLES pixels
 * per cell (transfer full). */
static cairo_surface_t *
rasterise_zones (const HlView       *view,
                 const HlDensityMap *map)
{
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, map->columns * SAMPLES,
                                                      map->rows * SAMPLES);
  cairo_t *cr = cairo_create (mask);

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_scale (cr, SAMPLES / map->cell_px, SAMPLES / map->cell_px);
  cairo_translate (cr, -map->x0, -map->y0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    {
      guint n = 0;
      const HlPoint *pts = hl_curve_get_polyline (hl_view_get_zone (view, z)->boundary, &n);

      if (n < 3)
        continue;
      cairo_new_path (cr);
      cairo_move_to (cr, pts[0].x, pts[0].y);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, pts[i].x, pts[i].y);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  return mask;
}

HlDensityMap *
hl_density_map_new (const HlView *view,
                    const HlDot  *dots,
                    gsize         n_dots,
                    guint         sessions,
                    double        cell_mm)
{
  g_autoptr(HlDensityMap) map = NULL;
  cairo_surface_t *mask;
  HlRect box = { 0, 0, 0, 0 };
  gboolean any = FALSE;
  double mm_per_px, cell_cm2, asked = 0, total_dots = 0, total_area = 0;
  double *ratio;
  g_autofree guint *counts = NULL;
  const guchar *data;
  int stride;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (dots != NULL || n_dots == 0, NULL);

  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    {
      const HlZone *zone = hl_view_get_zone (view, z);
      guint n = 0;
      const HlPoint *pts = hl_curve_get_polyline (zone->boundary, &n);
      HlRect r;

      if (n < 3 || hl_polygon_area (pts, n) <= 0)
        continue;
      r = hl_rect_from_points (pts, n);
      box = any ? hl_rect_union (box, r) : r;
      any = TRUE;
      asked = MAX (asked, zone->params.density);
    }
  if (!any)
    return NULL;

  map = g_new0 (HlDensityMap, 1);
  mm_per_px = hl_view_get_mm_per_px (view, NULL);
  map->cell_mm = cell_mm > 0 && isfinite (cell_mm) ? cell_mm : HL_DENSITY_MAP_CELL_MM;
  map->cell_px = map->cell_mm / mm_per_px;
  /* Keep the grid bounded whatever the calibration. */
  {
    double side = MAX (box.x1 - box.x0, box.y1 - box.y0);

    if (side / map->cell_px > MAX_CELLS_PER_SIDE - 1)
      {
        map->cell_px = side / (MAX_CELLS_PER_SIDE - 1);
        map->cell_mm = map->cell_px * mm_per_px;
      }
  }
  map->x0 = box.x0;
  map->y0 = box.y0;
  map->columns = MAX (1, (int) ceil ((box.x1 - box.x0) / map->cell_px - 1e-6));
  map->rows = MAX (1, (int) ceil ((box.y1 - box.y0) / map->cell_px - 1e-6));
  map->values = g_new (float, (gsize) map->columns * map->rows);
  map->coverage = g_new0 (float, (gsize) map->columns * map->rows);
  counts = g_new0 (guint, (gsize) map->columns * map->rows);
  cell_cm2 = map->cell_mm * map->cell_mm / 100.0;

  for (gsize i = 0; i < n_dots; i++)
    {
      double cx = (dots[i].x - map->x0) / map->cell_px, cy = (dots[i].y - map->y0) / map->cell_px;

      if (sessions > 0 && dots[i].session >= sessions)
        continue;
      if (!(cx >= 0 && cy >= 0 && cx < map->columns && cy < map->rows))
        continue;
      counts[(gsize) cy * map->columns + (gsize) cx]++;
    }

  mask = rasterise_zones (view, map);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  for (int row = 0; row < map->rows; row++)
    for (int col = 0; col < map->columns; col++)
      {
        guint inside = 0;

        for (int sy = 0; sy < SAMPLES; sy++)
          for (int sx = 0; sx < SAMPLES; sx++)
            inside += data[(gsize) (row * SAMPLES + sy) * stride + col * SAMPLES + sx] != 0;
        map->coverage[(gsize) row * map->columns + col] = (float) inside / (SAMPLES * SAMPLES);
      }

  /* On a view with a head model, a cell's zone area is on the scalp: its
   * image area times the scalp-to-image area ratio at its centre. */
  ratio = g_new (double, (gsize) map->columns * map->rows);
  {
    double m[3][3], k2 = 1.0;

    /* The ratio counts the image in mm at the pose's scale, the cells at
     * the calibration's: corrected as the engine corrects it
     * (hl_view_get_area_factor()), so that a cell's scalp area is the
     * model's whatever the calibration. */
    if (view->has_head)
      {
        double k = 1.0 / (view->pose.scale * mm_per_px);

        hl_head_pose_get_matrix (&view->pose, m);
        k2 = k * k;
      }
    map->on_scalp = view->has_head;
    for (int row = 0; row < map->rows; row++)
      for (int col = 0; col < map->columns; col++)
        {
          HlPoint centre = { map->x0 + (col + 0.5) * map->cell_px, map->y0 + (row + 0.5) * map->cell_px };
          double f = view->has_head
            ? hl_head_model_area_ratio_fast (&view->head, &view->pose, (const double (*)[3]) m, centre)
            : 1.0;

          ratio[(gsize) row * map->columns + col] = (f > 0.0 ? f : 1.0) * k2;
        }
  }

  /* Each cell reads the WINDOW × WINDOW cells around it: dots over the
   * zone area they cover. */
  for (int row = 0; row < map->rows; row++)
    for (int col = 0; col < map->columns; col++)
      {
        gsize k = (gsize) row * map->columns + col;
        double n = 0, area = 0;

        if (map->coverage[k] < HL_DENSITY_MAP_MIN_COVERAGE)
          {
            map->values[k] = NAN;
            continue;
          }
        for (int r = MAX (0, row - WINDOW / 2); r <= MIN (map->rows - 1, row + WINDOW / 2); r++)
          for (int c = MAX (0, col - WINDOW / 2); c <= MIN (map->columns - 1, col + WINDOW / 2); c++)
            {
              n += counts[(gsize) r * map->columns + c];
              area += map->coverage[(gsize) r * map->columns + c] * cell_cm2 * ratio[(gsize) r * map->columns + c];
            }
        map->values[k] = (float) (n / area);
        if (map->n_valued == 0 || map->values[k] < map->min)
          map->min = map->values[k];
        if (map->n_valued == 0 || map->values[k] > map->max)
          map->max = map->values[k];
        map->n_valued++;
        total_dots += counts[k];
        total_area += map->coverage[k] * cell_cm2 * ratio[k];
      }
  cairo_surface_destroy (mask);
  g_free (ratio);
  map->mean = total_area > 0 ? total_dots / total_area : 0;

  /* The legend reaches the densest cell and the densest zone asked. */
  {
    double top = legend_top (MAX (map->max, asked));

    for (guint i = 0; i < HL_DENSITY_MAP_N_STOPS; i++)
      {
        map->stops[i].value = top * i / (HL_DENSITY_MAP_N_STOPS - 1);
        map->stops[i].r = ramp[i][0];
        map->stops[i].g = ramp[i][1];
        map->stops[i].b = ramp[i][2];
      }
  }

  return g_steal_pointer (&map);
}

void
hl_density_map_free (HlDensityMap *map)
{
  if (map == NULL)
    return;
  g_free (map->values);
  g_free (map->coverage);
  g_free (map);
}

double
hl_density_map_get (const HlDensityMap *map,
                    int                 column,
                    int                 row)
{
  g_return_val_if_fail (map != NULL, NAN);

  if (column < 0 || row < 0 || column >= map->columns || row >= map->rows)
    return NAN;
  return map->values[(gsize) row * map->columns + column];
}

double
hl_density_map_at (const HlDensityMap *map,
                   double              x,
                   double              y)
{
  g_return_val_if_fail (map != NULL, NAN);

  return hl_density_map_get (map, (int) floor ((x - map->x0) / map->cell_px),
                             (int) floor ((y - map->y0) / map->cell_px));
}

void
hl_density_map_color (const HlDensityMap *map,
                      double              value,
                      double             *r,
                      double             *g,
                      double             *b)
{
  const HlDensityStop *s;
  double t;
  guint i;

  g_return_if_fail (map != NULL && r != NULL && g != NULL && b != NULL);

  s = map->stops;
  if (!(value > s[0].value))
    i = 0, t = 0;
  else if (value >= s[HL_DENSITY_MAP_N_STOPS - 1].value)
    i = HL_DENSITY_MAP_N_STOPS - 2, t = 1;
  else
    {
      for (i = 0; i + 2 < HL_DENSITY_MAP_N_STOPS && value >= s[i + 1].value; i++)
        ;
      t = (value - s[i].value) / (s[i + 1].value - s[i].value);
    }
  *r = s[i].r + (s[i + 1].r - s[i].r) * t;
  *g = s[i].g + (s[i + 1].g - s[i].g) * t;
  *b = s[i].b + (s[i + 1].b - s[i].b) * t;
}

void
hl_density_map_draw (const HlDensityMap *map,
                     const HlView       *view,
                     cairo_t            *cr,
                     double              alpha)
{
  g_return_if_fail (map != NULL && cr != NULL);

  cairo_save (cr);
  if (view != NULL)
    {
      cairo_new_path (cr);
      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        {
          guint n = 0;
          const HlPoint *pts = hl_curve_get_polyline (hl_view_get_zone (view, z)->boundary, &n);

          if (n < 3)
            continue;
          cairo_move_to (cr, pts[0].x, pts[0].y);
          for (guint i = 1; i < n; i++)
            cairo_line_to (cr, pts[i].x, pts[i].y);
          cairo_close_path (cr);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_clip (cr);
    }
  /* One pixel per cell, scaled up without smoothing: a single paint
   * (filling every cell as its own rectangle took ~7 ms a frame for
   * 1200 cells on a 1000 × 750 canvas). */
  {
    cairo_surface_t *cells = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, map->columns, map->rows);
    int stride = cairo_image_surface_get_stride (cells);
    guchar *data;
    cairo_pattern_t *pattern;
    cairo_matrix_t matrix;

    cairo_surface_flush (cells);
    data = cairo_image_surface_get_data (cells);
    for (int row = 0; row < map->rows; row++)
      for (int col = 0; col < map->columns; col++)
        {
          double v = map->values[(gsize) row * map->columns + col], r = 0, g = 0, b = 0, a = 0;
          guint32 *px = (guint32 *) (gpointer) (data + (gsize) row * stride) + col;

          if (!isnan (v))
            {
              hl_density_map_color (map, v, &r, &g, &b);
              a = 1;
            }
          /* Premultiplied, native-endian ARGB. */
          *px = ((guint32) (a * 255) << 24) | ((guint32) (r * a * 255 + 0.5) << 16) |
                ((guint32) (g * a * 255 + 0.5) << 8) | (guint32) (b * a * 255 + 0.5);
        }
    cairo_surface_mark_dirty (cells);

    pattern = cairo_pattern_create_for_surface (cells);
    cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
    cairo_matrix_init_scale (&matrix, 1.0 / map->cell_px, 1.0 / map->cell_px);
    cairo_matrix_translate (&matrix, -map->x0, -map->y0);
    cairo_pattern_set_matrix (pattern, &matrix);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    cairo_set_source (cr, pattern);
    cairo_paint_with_alpha (cr, alpha);
    cairo_pattern_destroy (pattern);
    cairo_surface_destroy (cells);
  }
  cairo_restore (cr);
}

char *
hl_density_map_title (const HlDensityMap *map)
{
  g_return_val_if_fail (map != NULL, NULL);

  if (map->on_scalp)
    /* Translators: the density map's legend on a view with a head model:
     * dots per cm² of the scalp's surface, and their mean. */
    return g_strdup_printf (_("Dots/cm² of scalp · mean %.0f"), map->mean);
  return g_strdup_printf (_("Dots/cm² achieved · mean %.0f"), map->mean);
}

void
hl_density_map_draw_legend (const HlDensityMap *map,
                            cairo_t            *cr,
                            double              x,
                            double              y)
{
  const double pad = 10, w = HL_DENSITY_LEGEND_WIDTH, h = HL_DENSITY_LEGEND_HEIGHT;
  const double bar_w = w - 2 * pad - 16, bar_h = 14;
  cairo_pattern_t *gradient;
  char text[64];

  g_return_if_fail (map != NULL && cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.72);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  {
    g_autofree char *title_text = hl_density_map_title (map);
    g_autoptr(PangoLayout) title = hl_label_new (cr, title_text, 11, HL_LABEL_BOLD, w - 2 * pad);
    double baseline;

    hl_label_get_size (title, NULL, NULL, &baseline);
    hl_label_show (cr, title, x + pad, y + pad + 10 - baseline);
  }

  gradient = cairo_pattern_create_linear (x + pad + 8, 0, x + pad + 8 + bar_w, 0);
  for (guint i = 0; i < HL_DENSITY_MAP_N_STOPS; i++)
    cairo_pattern_add_color_stop_rgb (gradient, (double) i / (HL_DENSITY_MAP_N_STOPS - 1),
                                      map->stops[i].r, map->stops[i].g, map->stops[i].b);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, x + pad + 8, y + pad + 18, bar_w, bar_h);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);

  cairo_set_source_rgb (cr, 1, 1, 1);
  for (guint i = 0; i < HL_DENSITY_MAP_N_STOPS; i++)
    {
      g_autoptr(PangoLayout) value = NULL;
      double at = x + pad + 8 + bar_w * i / (HL_DENSITY_MAP_N_STOPS - 1), vw, baseline;

      g_snprintf (text, sizeof text, "%g", map->stops[i].value);
      value = hl_label_new (cr, text, 10, HL_LABEL_BOLD, 0.0);
      hl_label_get_size (value, &vw, NULL, &baseline);
      hl_label_show (cr, value, at - vw / 2, y + pad + 18 + bar_h + 14 - baseline);
    }
  cairo_restore (cr);
}
