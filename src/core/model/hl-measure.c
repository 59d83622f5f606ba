/* hl-measure.c: lengths, areas, the facial midline and the hairline's
 * height above the glabella.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-head-model.h"
#include "hl-label.h"
#include "hl-measure.h"

double
hl_measure_length_mm (const HlView *view,
                      HlPoint       a,
                      HlPoint       b)
{
  g_return_val_if_fail (view != NULL, 0.0);
  return hl_point_distance (a, b) * hl_view_get_mm_per_px (view, NULL);
}

double
hl_measure_zone_area_cm2 (const HlView *view,
                          guint         index)
{
  double m;

  g_return_val_if_fail (view != NULL, 0.0);
  g_return_val_if_fail (index < hl_view_get_n_zones (view), 0.0);

  m = hl_view_get_mm_per_px (view, NULL);
  return hl_curve_area (hl_view_get_zone (view, index)->boundary) * m * m / 100.0;
}

gboolean
hl_measure_midline (const HlView *view,
                    HlPoint      *glabella,
                    HlPoint      *up)
{
  const HlLandmarkPoint *g, *lp, *rp;
  HlPoint u = { 0.0, -1.0 };

  g_return_val_if_fail (view != NULL, FALSE);

  g = &view->landmarks[HL_LANDMARK_GLABELLA];
  if (!g->set)
    return FALSE;

  lp = &view->landmarks[HL_LANDMARK_LEFT_PUPIL];
  rp = &view->landmarks[HL_LANDMARK_RIGHT_PUPIL];
  if (lp->set && rp->set)
    {
      /* The pupil line from the image's left to its right; up is
       * perpendicular to it, toward the top of the image. */
      HlPoint a = lp->p.x <= rp->p.x ? lp->p : rp->p;
      HlPoint b = lp->p.x <= rp->p.x ? rp->p : lp->p;
      double dx = b.x - a.x, dy = b.y - a.y;
      double len = hypot (dx, dy);

      if (len > 1e-9 && isfinite (len))
        {
          u = (HlPoint) { dy / len, -dx / len };
          if (u.y > 0.0)
            u = (HlPoint) { -u.x, -u.y };
        }
    }

  if (glabella != NULL)
    *glabella = g->p;
  if (up != NULL)
    *up = u;
  return TRUE;
}

double
hl_measure_skin_length_mm (const HlView *view,
                           HlPoint       a,
                           HlPoint       b,
                           gboolean     *on_scalp)
{
  double mm;

  g_return_val_if_fail (view != NULL, 0.0);

  if (view->has_head && hl_head_model_image_distance (&view->head, &view->pose, a, b, &mm) &&
      isfinite (mm))
    {
      if (on_scalp != NULL)
        *on_scalp = TRUE;
      return mm;
    }
  if (on_scalp != NULL)
    *on_scalp = FALSE;
  return hl_measure_length_mm (view, a, b);
}

gboolean
hl_measure_midline_point (const HlView *view,
                          double        mm,
                          HlPoint      *p)
{
  HlPoint g, up;
  double m, lo, hi, d, d_lo, d_hi;
  gboolean on_scalp, hi_on_scalp;
  int side = 0;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (p != NULL, FALSE);

  if (!hl_measure_midline (view, &g, &up))
    return FALSE;
  m = hl_view_get_mm_per_px (view, NULL);
  hi = mm / m;
  *p = (HlPoint) { g.x + up.x * hi, g.y + up.y * hi };
  if (!view->has_head || !(mm > 0.0))
    return TRUE;
  /* The image shows a length on the skin at most as long: the point lies
   * at most @mm / m px up the midline, and the scalp's length from the
   * glabella grows smoothly along it. */
  hl_measure_skin_length_mm (view, g, g, &on_scalp);
  if (!on_scalp)
    return TRUE;  /* the glabella is off the model: the photo's plane */
  d_hi = hl_measure_skin_length_mm (view, g, *p, &on_scalp);
  if (on_scalp && d_hi <= mm)
    return TRUE;
  hi_on_scalp = on_scalp;
  lo = 0.0;
  d_lo = 0.0;
  for (guint i = 0; i < 48 && hi - lo > 1e-4; i++)
    {
      double t;
      HlPoint q;

      /* Regula falsi (Illinois) while both ends are on the scalp: a few
       * lengths rather than some twenty halvings, for the guides are drawn
       * with the landmark tool's frames; halving while the top end is past
       * the model's top (off the scalp: too far). */
      t = on_scalp ? lo + (mm - d_lo) / (d_hi - d_lo) * (hi - lo) : 0.5 * (lo + hi);
      if (!(t > lo && t < hi))
        t = 0.5 * (lo + hi);
      q = (HlPoint) { g.x + up.x * t, g.y + up.y * t };
      d = hl_measure_skin_length_mm (view, g, q, &on_scalp);
      if (on_scalp && fabs (d - mm) < 1e-6)
        {
          lo = t;
          break;
        }
      if (on_scalp && d < mm)
        {
          lo = t, d_lo = d;
          if (side < 0)
            d_hi = mm + 0.5 * (d_hi - mm);  /* Illinois: halve the stale end's weight */
          side = -1;
          on_scalp = hi_on_scalp;
        }
      else
        {
          hi = t, d_hi = d;
          hi_on_scalp = on_scalp;
          if (side > 0 && on_scalp)
            d_lo = mm - 0.5 * (mm - d_lo);
          side = 1;
        }
    }
  *p = (HlPoint) { g.x + up.x * lo, g.y + up.y * lo };
  return TRUE;
}

gboolean
hl_measure_hairline_height_mm (const HlView *view,
                               double       *mm,
                               HlPoint      *at)
{
  HlPoint g, up;
  gboolean calibrated, found = FALSE;
  double best = -G_MAXDOUBLE;
  HlPoint best_at = { 0, 0 };
  const HlPoint *poly;
  guint n;

  g_return_val_if_fail (view != NULL, FALSE);

  hl_view_get_mm_per_px (view, &calibrated);
  if (!calibrated || view->hairline == NULL || !hl_measure_midline (view, &g, &up))
    return FALSE;

  poly = hl_curve_get_polyline (view->hairline, &n);
  for (guint i = 0; i + 1 < n; i++)
    {
      /* Signed distances of the segment's ends from the midline. */
      HlPoint a = poly[i], b = poly[i + 1];
      double sa = up.x * (a.y - g.y) - up.y * (a.x - g.x);
      double sb = up.x * (b.y - g.y) - up.y * (b.x - g.x);
      double t, h;
      HlPoint c;

      if ((sa > 0.0 && sb > 0.0) || (sa < 0.0 && sb < 0.0) || sa == sb)
        continue;
      t = sa / (sa - sb);
      c = (HlPoint) { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };
      h = (c.x - g.x) * up.x + (c.y - g.y) * up.y;
      if (h > 0.0 && h > best)
        {
          best = h;
          best_at = c;
          found = TRUE;
        }
    }

  if (!found)
    return FALSE;
  if (mm != NULL)
    *mm = hl_measure_skin_length_mm (view, g, best_at, NULL);
  if (at != NULL)
    *at = best_at;
  return TRUE;
}

static double
cross (HlPoint o,
       HlPoint a,
       HlPoint b)
{
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static gboolean
segments_cross (HlPoint a,
                HlPoint b,
                HlPoint c,
                HlPoint d)
{
  double d1 = cross (c, d, a), d2 = cross (c, d, b);
  double d3 = cross (a, b, c), d4 = cross (a, b, d);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
         ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* TRUE when two non-adjacent edges of the closed polygon cross. */
static gboolean
polygon_self_intersects (const HlPoint *p,
                         guint          n)
{
  g_assert (p != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      HlPoint a = p[i], b = p[(i + 1) % n];

      for (guint j = i + 2; j < n; j++)
        {
          if (i == 0 && j == n - 1)
            continue;
          if (segments_cross (a, b, p[j], p[(j + 1) % n]))
            return TRUE;
        }
    }
  return FALSE;
}

static HlPoint
unit (double x,
      double y,
      HlPoint fallback)
{
  double len = hypot (x, y);

  if (!(len > 1e-9) || !isfinite (len))
    return fallback;
  return (HlPoint) { x / len, y / len };
}

/* The band for normals blended with @up by @blend (G_MAXDOUBLE: @up
 * alone). Transfer full. */
/* The hairline on the head model: points of the scalp about every
 * millimetre along it (transfer full, 3 doubles a point), NULL without a
 * model. */
static GArray *
hairline_on_scalp (const HlView *view)
{
  GArray *out;
  const HlPoint *poly;
  guint n;

  if (!view->has_head || view->hairline == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, 3 * sizeof (double));
  poly = hl_curve_get_polyline (view->hairline, &n);
  for (guint i = 0; i + 1 < n; i++)
    {
      guint steps = MAX (1u, (guint) ceil (hl_point_distance (poly[i], poly[i + 1]) / view->pose.scale));

      for (guint k = 0; k <= steps; k++)
        {
          double t = (double) k / steps, x[3];
          HlPoint q = { poly[i].x + t * (poly[i + 1].x - poly[i].x), poly[i].y + t * (poly[i + 1].y - poly[i].y) };

          if ((k > 0 || i == 0) && hl_head_model_image_to_scalp (&view->head, &view->pose, q, x))
            g_array_append_vals (out, x, 1);
        }
    }
  return out;
}

/* How far (px) from hairline point @p along image direction @d a band of
 * @depth_mm reaches: @depth_px in the photo plane. With a head model, the
 * image distance at which the scalp lies @depth_mm from the hairline
 * (@line, hairline_on_scalp(): the nearest of its points by a straight
 * line, measured along the surface), marched in steps of a quarter
 * millimetre of image and stopped at the head's silhouette. */
static double
band_reach (const HlView *view,
            GArray       *line,
            HlPoint       p,
            HlPoint       d,
            double        depth_mm,
            double        depth_px)
{
  double step, along = 0.0, x0[3];

  if (line == NULL || line->len == 0 || !hl_head_model_image_to_scalp (&view->head, &view->pose, p, x0))
    return depth_px;
  step = 0.25 * view->pose.scale;
  for (guint k = 0; k < 100000; k++)
    {
      HlPoint q = { p.x + (along + step) * d.x, p.y + (along + step) * d.y };
      double x[3], best = G_MAXDOUBLE, dist;
      const double *near = NULL;

      if (!hl_head_model_image_to_scalp (&view->head, &view->pose, q, x))
        break;
      for (guint j = 0; j < line->len; j++)
        {
          const double *h = &g_array_index (line, double, 3 * j);
          double c = (x[0] - h[0]) * (x[0] - h[0]) + (x[1] - h[1]) * (x[1] - h[1]) +
                     (x[2] - h[2]) * (x[2] - h[2]);

          if (c < best)
            {
              best = c;
              near = h;
            }
        }
      dist = hl_head_model_surface_distance (&view->head, near, x);
      if (dist >= depth_mm)
        return along + step;
      along += step;
    }
  return along;
}

static HlCurve *
band_with_blend (const HlView  *view,
                 GArray        *line,
                 double         depth_mm,
                 const HlPoint *pts,
                 const HlPoint *normals,
                 guint          n,
                 HlPoint        up,
                 double         depth_px,
                 double         blend)
{
  g_autofree HlPoint *ring = g_new (HlPoint, 2 * n);
  g_autofree gboolean *corners = g_new0 (gboolean, 2 * n);

  g_assert (n >= 2);

  for (guint i = 0; i < n; i++)
    {
      HlPoint d = blend == G_MAXDOUBLE ? up
        : unit (normals[i].x + blend * up.x, normals[i].y + blend * up.y, up);

      double r = band_reach (view, line, pts[i], d, depth_mm, depth_px);

      ring[i] = pts[i];
      ring[2 * n - 1 - i] = (HlPoint) { pts[i].x + r * d.x, pts[i].y + r * d.y };
    }
  corners[0] = corners[n - 1] = corners[n] = corners[2 * n - 1] = TRUE;
  return hl_curve_new_full (ring, corners, 2 * n, TRUE);
}

HlCurve *
hl_measure_band_behind_hairline (const HlView *view,
                                 double        depth_mm)
{
  static const double blends[] = { 1.0, 2.0, 4.0, 8.0, G_MAXDOUBLE };
  const HlPoint *pts;
  g_autofree HlPoint *normals = NULL;
  g_autoptr(GArray) line = NULL;
  HlPoint up = { 0.0, -1.0 }, prev = { 1.0, 0.0 };
  double depth_px, side = 0.0;
  guint n;

  g_return_val_if_fail (view != NULL, NULL);

  if (view->hairline == NULL || hl_curve_get_n_points (view->hairline) < 2)
    return NULL;
  if (!(isfinite (depth_mm) && depth_mm > 0.0) ||
      2 * hl_curve_get_n_points (view->hairline) > HL_CURVE_MAX_POINTS)
    return NULL;

  hl_measure_midline (view, NULL, &up);
  depth_px = depth_mm / hl_view_get_mm_per_px (view, NULL);
  line = hairline_on_scalp (view);
  pts = hl_curve_get_points (view->hairline);
  n = hl_curve_get_n_points (view->hairline);

  /* A normal per control point, from the chord of its neighbours; all on
   * the same side of the curve: the side that mostly faces up, away from
   * the face. */
  normals = g_new (HlPoint, n);
  for (guint i = 0; i < n; i++)
    {
      HlPoint a = pts[i == 0 ? 0 : i - 1], b = pts[MIN (i + 1, n - 1)];
      HlPoint t = unit (b.x - a.x, b.y - a.y, prev);

      prev = t;
      normals[i] = (HlPoint) { t.y, -t.x };
      side += (normals[i].x * up.x + normals[i].y * up.y) * hl_point_distance (a, b);
    }
  if (side < 0.0)
    for (guint i = 0; i < n; i++)
      normals[i] = (HlPoint) { -normals[i].x, -normals[i].y };

  /* Pure normals fan out at the temples (a band wider than deep, which on
   * a front photo reaches round the side of the head); normals blended
   * half-way with up reach back instead. Where that still folds the band
   * over itself (a tight curl), lean further toward up. */
  for (guint k = 0; k < G_N_ELEMENTS (blends); k++)
    {
      g_autoptr(HlCurve) band = band_with_blend (view, line, depth_mm, pts, normals, n, up, depth_px, blends[k]);
      guint n_poly;
      const HlPoint *poly = hl_curve_get_polyline (band, &n_poly);

      if (k + 1 == G_N_ELEMENTS (blends) || !polygon_self_intersects (poly, n_poly))
        return g_steal_pointer (&band);
    }

  g_assert_not_reached ();
  return NULL;
}

void
hl_measure_draw_chip_label (cairo_t    *cr,
                            double      zoom,
                            HlPoint     at,
                            double      xalign,
                            double      size,
                            const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_path_t *glyphs;
  cairo_matrix_t ctm;
  double x0, y0, x1, y1, width, baseline, pad_x = 4.0 / zoom, pad_y = 3.0 / zoom, r = 3.0 / zoom;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (text != NULL);

  if (!(isfinite (zoom) && zoom > 0.0) || *text == '\0')
    return;

  cairo_save (cr);
  layout = hl_label_new (cr, text, size * hl_label_get_ui_scale () / zoom, HL_LABEL_BOLD, 0.0);
  hl_label_get_size (layout, &width, NULL, &baseline);
  /* @xalign is on screen: under a transform that flips x, the text's
   * start on screen is its box's right end in user space. */
  cairo_get_matrix (cr, &ctm);
  cairo_new_path (cr);
  hl_label_path (cr, layout, at.x - (ctm.xx < 0.0 ? 1.0 - xalign : xalign) * width, at.y - baseline);
  glyphs = cairo_copy_path (cr);
  /* The glyphs' own box: right whatever the transform (mirrored too). */
  cairo_path_extents (cr, &x0, &y0, &x1, &y1);
  cairo_new_path (cr);

  /* The chip: dark enough under white text on any photo (white text on
   * it over a white photo is above 6:1). */
  x0 -= pad_x;
  x1 += pad_x;
  y0 -= pad_y;
  y1 += pad_y;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
  cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.62);
  cairo_fill (cr);

  cairo_append_path (cr, glyphs);
  cairo_path_destroy (glyphs);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
hl_measure_draw_label (cairo_t    *cr,
                       double      zoom,
                       HlPoint     at,
                       double      xalign,
                       const char *text)
{
  hl_measure_draw_chip_label (cr, zoom, at, xalign, 12.0, text);
}

void
hl_measure_draw_guides (const HlView *view,
                        cairo_t      *cr,
                        double        zoom,
                        HlUnit        unit)
{
  HlPoint g, up, side, a, b, at;
  gboolean calibrated;
  double m, half, mm;

  g_return_if_fail (view != NULL);
  g_return_if_fail (cr != NULL);

  if (!(isfinite (zoom) && zoom > 0.0))
    return;
  m = hl_view_get_mm_per_px (view, &calibrated);
  if (!calibrated || !hl_measure_midline (view, &g, &up))
    return;

  side = (HlPoint) { -up.y, up.x };
  half = 30.0 / m;  /* the band is 6 cm wide across the midline */

  cairo_save (cr);
  cairo_new_path (cr);

  /* Where the mid-frontal point belongs: 7–10 cm above the glabella
   * (along the forehead's curve on a view with a head model). */
  hl_measure_midline_point (view, HL_MFP_MIN_MM, &a);
  hl_measure_midline_point (view, HL_MFP_MAX_MM, &b);
  cairo_move_to (cr, a.x - side.x * half, a.y - side.y * half);
  cairo_line_to (cr, a.x + side.x * half, a.y + side.y * half);
  cairo_line_to (cr, b.x + side.x * half, b.y + side.y * half);
  cairo_line_to (cr, b.x - side.x * half, b.y - side.y * half);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.2, 0.8, 0.45, 0.18);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.2, 0.8, 0.45, 0.7);
  cairo_set_line_width (cr, 1.0 / zoom);
  cairo_stroke (cr);

  /* The midline, dashed, with the common default (8 cm) marked. */
  {
    double dash[] = { 4.0 / zoom, 4.0 / zoom };
    HlPoint top, mid;

    hl_measure_midline_point (view, HL_MFP_MAX_MM + 10.0, &top);
    hl_measure_midline_point (view, HL_MFP_DEFAULT_MM, &mid);

    /* White with a dark edge: seen on skin, hair and background. */
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, g.x, g.y);
    cairo_line_to (cr, top.x, top.y);
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    cairo_set_line_width (cr, 3.2 / zoom);
    cairo_stroke_preserve (cr);
    cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
    cairo_set_line_width (cr, 1.2 / zoom);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    cairo_move_to (cr, mid.x - side.x * half * 0.4, mid.y - side.y * half * 0.4);
    cairo_line_to (cr, mid.x + side.x * half * 0.4, mid.y + side.y * half * 0.4);
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
    cairo_set_line_width (cr, 3.2 / zoom);
    cairo_stroke_preserve (cr);
    cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
    cairo_set_line_width (cr, 1.2 / zoom);
    cairo_stroke (cr);
  }

  /* The hairline's live height where it crosses the midline. */
  if (hl_measure_hairline_height_mm (view, &mm, &at))
    {
      g_autofree char *label = hl_measure_format_height (mm, unit);
      gboolean inside = mm >= HL_MFP_MIN_MM && mm <= HL_MFP_MAX_MM;

      cairo_new_path (cr);
      cairo_arc (cr, at.x, at.y, 6.0 / zoom, 0, 2 * G_PI);
      if (inside)
        cairo_set_source_rgba (cr, 0.2, 0.85, 0.45, 0.95);
      else
        cairo_set_source_rgba (cr, 1.0, 0.55, 0.1, 0.95);
      cairo_set_line_width (cr, 2.0 / zoom);
      cairo_stroke (cr);

      /* The label left of the ring: landmark labels sit to the right. */
      hl_measure_draw_label (cr, zoom, (HlPoint) { at.x - 10.0 / zoom, at.y - 8.0 / zoom }, 1.0, label);
    }

  cairo_restore (cr);
}

char *
hl_measure_format_height (double mm,
                          HlUnit unit)
{
  if (unit == HL_UNIT_IN)
    return hl_units_format_length (mm, unit, 1);
  /* Hairline heights are said in centimetres (7–10 cm). */
  return g_strdup_printf (_("%.1f cm"), mm / 10.0);
}
