/* hl-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-label.h"
#include "hl-render.h"
#include "hl-render-private.h"
#include "hl-pigment.h"
#include "hl-stamp-cache.h"
#include "hl-stamp-cache-private.h"

/* How each stage looks (size, profile, shade, cast): hl-pigment.c, with
 * its sources. */
typedef HlPigmentLook StageLook;

const char *
hl_render_get_simulation_mark (void)
{
  /* Translators: printed on every mockup and on the consultation sheet. */
  return _("Simulation — healed results vary");
}

#define BACKGROUND HL_RENDER_BACKGROUND

void
hl_render_options_init (HlRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->stage = HL_STAGE_FRESH;
  options->overlays = HL_OVERLAY_NONE;
  options->show_photo = TRUE;
  options->show_dots = TRUE;
  options->layout = HL_LAYOUT_AFTER;
  options->split = 0.5;
  options->scale = 1.0;
  options->mark = hl_render_get_simulation_mark ();
  options->sessions = 0;
  options->mirror = FALSE;
  options->crop = hl_rect_from_points (NULL, 0);
}

HlRect
hl_render_design_bounds (const HlPhoto *photo,
                         const HlView  *view,
                         double         margin)
{
  HlRect r = hl_rect_from_points (NULL, 0);
  int w, h;

  g_return_val_if_fail (view != NULL, r);

  for (guint i = 0; i < view->zones->len; i++)
    r = hl_rect_union (r, hl_curve_bounds (((HlZone *) g_ptr_array_index (view->zones, i))->boundary));
  if (view->hairline != NULL)
    r = hl_rect_union (r, hl_curve_bounds (view->hairline));
  for (guint i = 0; i < HL_N_LANDMARKS; i++)
    if (view->landmarks[i].set)
      r = hl_rect_union (r, hl_rect_from_points (&view->landmarks[i].p, 1));
  if (hl_rect_is_empty (r))
    return r;

  r = hl_rect_inflate (r, margin * MAX (r.x1 - r.x0, r.y1 - r.y0));
  hl_render_view_size (photo, view, &w, &h);
  r.x0 = floor (MAX (r.x0, 0));
  r.y0 = floor (MAX (r.y0, 0));
  r.x1 = ceil (MIN (r.x1, w));
  r.y1 = ceil (MIN (r.y1, h));
  return r;
}

const char *
hl_stage_to_string (HlStage stage)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_STAGE, (int) stage);

  g_return_val_if_fail (nick != NULL, "fresh");
  return nick;
}

gboolean
hl_stage_from_string (const char *text,
                      HlStage    *stage)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_STAGE, text, &value))
    return FALSE;
  if (stage != NULL)
    *stage = (HlStage) value;
  return TRUE;
}

void
hl_render_view_size (const HlPhoto *photo,
                     const HlView  *view,
                     int           *width,
                     int           *height)
{
  if (photo != NULL)
    {
      *width = hl_photo_get_width (photo);
      *height = hl_photo_get_height (photo);
    }
  else if (view->photo.width > 0 && view->photo.height > 0)
    {
      *width = view->photo.width;
      *height = view->photo.height;
    }
  else
    {
      HlRect r = hl_rect_from_points (NULL, 0);

      for (guint i = 0; i < view->zones->len; i++)
        r = hl_rect_union (r, hl_curve_bounds (((HlZone *) g_ptr_array_index (view->zones, i))->boundary));
      if (view->hairline != NULL)
        r = hl_rect_union (r, hl_curve_bounds (view->hairline));
      *width = hl_rect_is_empty (r) ? 512 : (int) CLAMP (ceil (MAX (r.x1, 1.0) + 20), 16, 20000);
      *height = hl_rect_is_empty (r) ? 512 : (int) CLAMP (ceil (MAX (r.y1, 1.0) + 20), 16, 20000);
    }
}

static HlColor
stage_shade (HlColor          shade,
             const StageLook *look)
{
  HlColor cast = {
    (guint8) floor (shade.r + (look->cast.r - shade.r) * look->cast_amount + 0.5),
    (guint8) floor (shade.g + (look->cast.g - shade.g) * look->cast_amount + 0.5),
    (guint8) floor (shade.b + (look->cast.b - shade.b) * look->cast_amount + 0.5),
  };

  return hl_color_lighten (cast, look->lighten);
}

/* Multiplies the stamp's coverage of @shade into the ARGB32/RGB24 pixels. */
static void
blend_stamp (guint8        *data,
             int            stride,
             int            width,
             int            height,
             int            px,
             int            py,
             const HlStamp *stamp,
             HlColor        shade,
             guint          opacity)   /* 0–256 */
{
  int x0 = px + stamp->x0, y0 = py + stamp->y0;
  int i0 = MAX (0, -x0), j0 = MAX (0, -y0);
  int i1 = MIN (stamp->width, width - x0), j1 = MIN (stamp->height, height - y0);
  /* 255 − shade, per channel, in cairo's B, G, R byte order. */
  guint inv_b = 255 - shade.b, inv_g = 255 - shade.g, inv_r = 255 - shade.r;

  for (int j = j0; j < j1; j++)
    {
      const guint8 *cov = stamp->coverage + j * stamp->width;
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) (y0 + j) * stride);

      for (int i = i0; i < i1; i++)
        {
          guint a = (cov[i] * opacity) >> 8;   /* 0–255 */
          guint32 p;
          guint b, g, r;

          if (a == 0)
            continue;
          p = row[x0 + i];
          b = p & 0xff;
          g = (p >> 8) & 0xff;
          r = (p >> 16) & 0xff;
          /* Multiply by the dot, weighted by coverage: dst × (1 − a·(1 − s)) */
          b = (b * (65025 - a * inv_b) + 32512) / 65025;
          g = (g * (65025 - a * inv_g) + 32512) / 65025;
          r = (r * (65025 - a * inv_r) + 32512) / 65025;
          row[x0 + i] = (p & 0xff000000u) | (r << 16) | (g << 8) | b;
        }
    }
}

void
hl_render_dot_reach (const HlView          *view,
                     double                 scale,
                     const HlRenderOptions *options,
                     double                *factor,
                     double                *pad)
{
  guint stage = (guint) CLAMP (options->stage, HL_STAGE_FRESH, HL_STAGE_AGED);
  const StageLook *look = hl_pigment_look (stage);
  double px_per_mm = scale / hl_view_get_mm_per_px (view, NULL);

  /* As draw_dots() culls: core radius × the farthest a stamp reaches
   * (outline, edge, halo) with a tenth more, and 2 px. */
  *factor = 0.5 * look->size * px_per_mm * hl_pigment_reach (look, 0, 100.0) / 100.0 * 1.1;
  *pad = 2.0;
}

/* A dot too large for the stamp cache (core radius @radius over
 * HL_STAMP_MAX_RADIUS: high zoom on a finely calibrated photo), centred at
 * (@cx, @cy) of an image whose rows @row0 .. @row0 + @height are @data:
 * the pixels the mask hl_stamp_cache_get() would make for it get the
 * same coverage, but only the rows and columns in view are looked at, and
 * within the solid radius (hl_pigment_solid_radius()) each row's span is
 * full coverage without working the profile out. The same pixels as
 * building that mask and blending it. */
static void
blend_large_dot (guint8              *data,
                 int                  stride,
                 int                  width,
                 int                  height,
                 int                  row0,
                 double               cx,
                 double               cy,
                 const HlPigmentLook *look,
                 guint                shape,
                 double               radius,
                 HlColor              shade,
                 guint                opacity)   /* 0–256 */
{
  double fx = cx - floor (cx), fy = cy - floor (cy);
  double reach = hl_pigment_reach (look, shape, radius);
  double solid = hl_pigment_solid_radius (look, shape, radius);
  int px = (int) floor (cx), py = (int) floor (cy);
  /* The mask's box, relative to (px, py), clipped to the rows and
   * columns in view. */
  int i0 = MAX ((int) floor (fx - reach), -px), i1 = MIN ((int) floor (fx + reach), width - 1 - px);
  int j0 = MAX ((int) floor (fy - reach), row0 - py), j1 = MIN ((int) floor (fy + reach), row0 + height - 1 - py);
  guint inv_b = 255 - shade.b, inv_g = 255 - shade.g, inv_r = 255 - shade.r;
  guint a_solid = (255 * opacity) >> 8;
  /* The solid spans' blend, one table per channel: the same arithmetic
   * as every other pixel's, worked out once per value. */
  guint8 lut_b[256], lut_g[256], lut_r[256];

  if (solid > 0.0)
    for (guint v = 0; v < 256; v++)
      {
        lut_b[v] = (guint8) ((v * (65025 - a_solid * inv_b) + 32512) / 65025);
        lut_g[v] = (guint8) ((v * (65025 - a_solid * inv_g) + 32512) / 65025);
        lut_r[v] = (guint8) ((v * (65025 - a_solid * inv_r) + 32512) / 65025);
      }

  for (int j = j0; j <= j1; j++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) (py + j - row0) * stride) + px;
      double y = j + 0.5 - fy;
      double half = solid * solid - y * y;
      /* Columns wholly inside the solid radius: [s0, s1]. */
      int s0 = 1, s1 = 0;

      if (half > 0.0)
        {
          double h = sqrt (half);

          s0 = (int) ceil (fx - 0.5 - h);
          s1 = (int) floor (fx - 0.5 + h);
          while (s0 <= s1 && (s0 + 0.5 - fx) * (s0 + 0.5 - fx) + y * y > solid * solid)
            s0++;
          while (s1 >= s0 && (s1 + 0.5 - fx) * (s1 + 0.5 - fx) + y * y > solid * solid)
            s1--;
        }

      for (int i = i0; i <= i1; i++)
        {
          guint a;
          guint32 p;
          guint b, g, r;

          if (i >= s0 && i <= s1)
            {
              /* The solid span, by table. */
              for (; i <= MIN (s1, i1); i++)
                {
                  p = row[i];
                  row[i] = (p & 0xff000000u) | (guint32) lut_r[(p >> 16) & 0xff] << 16 |
                           (guint32) lut_g[(p >> 8) & 0xff] << 8 | lut_b[p & 0xff];
                }
              i--;
              continue;
            }
          if ((i + 0.5 - fx) * (i + 0.5 - fx) + y * y > reach * reach)
            continue;   /* under 1/512: 0 in 8 bits, as in the mask */
          else
            {
              /* As the mask: the profile at the pixel's centre, in 8 bits. */
              float v = (float) hl_pigment_coverage (look, shape, radius, i + 0.5 - fx, y);
              guint cov = (guint) MIN (255.0, floor (v * 1.0 * 255.0 + 0.5));

              a = (cov * opacity) >> 8;
            }
          if (a == 0)
            continue;
          p = row[i];
          b = p & 0xff;
          g = (p >> 8) & 0xff;
          r = (p >> 16) & 0xff;
          b = (b * (65025 - a * inv_b) + 32512) / 65025;
          g = (g * (65025 - a * inv_g) + 32512) / 65025;
          r = (r * (65025 - a * inv_r) + 32512) / 65025;
          row[i] = (p & 0xff000000u) | (r << 16) | (g << 8) | b;
        }
    }
}

/* Each dot is the pigment profile of its stage (hl-pigment.h), with its
 * own size jitter and outline from its position, through a cached stamp. */
void
hl_render_draw_dots (cairo_surface_t       *target,
                     int                    row0,
                     double                 scale,
                     double                 dx,
                     double                 dy,
                     const HlView          *view,
                     const HlDot           *dots,
                     gsize                  n_dots,
                     const guint32         *order,
                     gsize                  n_order,
                     const HlRenderOptions *options)
{
  guint stage = (guint) CLAMP (options->stage, HL_STAGE_FRESH, HL_STAGE_AGED);
  const StageLook *look = hl_pigment_look (stage);
  double px_per_mm = scale / hl_view_get_mm_per_px (view, NULL);
  /* The farthest a stamp reaches, in core radii (outline, edge, halo). */
  double reach_factor = hl_pigment_reach (look, 0, 100.0) / 100.0 * 1.1;
  int width = cairo_image_surface_get_width (target);
  int height = cairo_image_surface_get_height (target);
  int stride = cairo_image_surface_get_stride (target);
  guint opacity = (guint) (look->opacity * 256.0);
  /* The fresh stage shows shades as they are; the others map each shade
   * through stage_shade(), remembered in a small direct-mapped table
   * (dots of a zone share few shades, but neighbours rarely share one). */
  gboolean as_is = look->lighten == 0.0 && look->cast_amount == 0.0;
  struct { guint32 key; HlColor out; } seen[256];
  HlColor last_out = { 0, 0, 0 };
  gsize n = order != NULL ? n_order : n_dots;
  /* Read once: the loop writes pixels through a byte pointer, which
   * could alias them as far as the compiler knows. */
  double size = look->size;
  guint sessions = options->sessions;
  double x_hi = width, y_lo = row0, y_hi = row0 + height;
  guint8 *data;

  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  for (guint k = 0; k < G_N_ELEMENTS (seen); k++)
    seen[k].key = 0;   /* no shade: keys carry bit 24 */

  for (gsize k = 0; k < n; k++)
    {
      gsize i = order != NULL ? order[k] : k;
      double cx = dots[i].x * scale + dx;
      double cy = dots[i].y * scale + dy;
      double r = 0.5 * dots[i].diameter_mm * size * px_per_mm;
      double reach = r * reach_factor + 2;
      const HlStamp *stamp;
      gboolean owned;
      guint32 hash;
      double rj;
      int px, py;
      guint shape;

      if (sessions > 0 && dots[i].session >= sessions)
        continue;
      if (cx + reach < 0 || cy + reach < y_lo || cx - reach > x_hi || cy - reach > y_hi)
        continue;

      if (as_is)
        last_out = dots[i].shade;
      else
        {
          HlColor in = dots[i].shade;
          guint32 key = 0x1000000u | (guint32) in.r << 16 | (guint32) in.g << 8 | in.b;
          guint slot = (in.r * 7u + in.g * 13u + in.b * 31u) & 255u;

          if (seen[slot].key != key)
            {
              seen[slot].key = key;
              seen[slot].out = stage_shade (in, look);
            }
          last_out = seen[slot].out;
        }

      /* Stamps come from the dot's place in the whole image, so a dot
       * across two bands of an export is the same dot in both. */
      hash = hl_pigment_dot_hash (dots[i].x, dots[i].y);
      rj = r * hl_pigment_size_jitter (hash);
      if (rj > HL_STAMP_MAX_RADIUS)
        {
          blend_large_dot (data, stride, width, height, row0, cx, cy, look,
                           hl_pigment_shape (hash) % HL_PIGMENT_N_SHAPES, rj, last_out, opacity);
          continue;
        }
      /* floor() without the library call: the dot is in view, so its
       * centre is well within an int. */
      px = (int) cx;
      px -= cx < px;
      py = (int) cy;
      py -= cy < py;
      shape = hl_pigment_shape (hash);
      owned = FALSE;
      stamp = hl_stamp_cache_find (stage, shape, rj, cx - px, cy - py);
      if (stamp == NULL)
        stamp = hl_stamp_cache_get_at (look, stage, shape, rj, cx - px, cy - py, &owned);
      if (stamp == NULL)
        continue;

      if (stamp->width == 1 && stamp->height == 1)
        {
          /* A dot under a pixel wide (most of them, zoomed out): its one
           * pixel, as blend_stamp() would do it. */
          int x = px + stamp->x0, y = py - row0 + stamp->y0;
          guint a = (stamp->coverage[0] * opacity) >> 8;

          if (a != 0 && x >= 0 && y >= 0 && x < width && y < height)
            {
              guint32 *p = (guint32 *) (gpointer) (data + (gsize) y * stride) + x;
              guint32 v = *p;
              guint b = v & 0xff, g = (v >> 8) & 0xff, rr = (v >> 16) & 0xff;

              b = (b * (65025 - a * (255u - last_out.b)) + 32512) / 65025;
              g = (g * (65025 - a * (255u - last_out.g)) + 32512) / 65025;
              rr = (rr * (65025 - a * (255u - last_out.r)) + 32512) / 65025;
              *p = (v & 0xff000000u) | (rr << 16) | (g << 8) | b;
            }
        }
      else
        blend_stamp (data, stride, width, height, px, py - row0, stamp, last_out, opacity);
      if (owned)
        hl_stamp_free ((HlStamp *) stamp);
    }

  cairo_surface_mark_dirty (target);
}

/* Whether segment @a @b, grown by @pad, meets @box. */
static gboolean
segment_near (HlPoint a,
              HlPoint b,
              HlRect  box,
              double  pad)
{
  return MAX (a.x, b.x) + pad >= box.x0 && MIN (a.x, b.x) - pad <= box.x1 &&
         MAX (a.y, b.y) + pad >= box.y0 && MIN (a.y, b.y) - pad <= box.y1;
}

/* The polyline @pts (@n points, @closed or open) as the current path, for
 * strokes up to @pad wide (half the widest, with antialiasing) dashed with
 * period @period (0 for none).
 *
 * Only the stretches that can reach the clip are traced: drawing a long
 * line into a small part of the canvas costs what its length costs, and a
 * dragged handle redraws small parts at every frame. Each stretch starts
 * and ends at a vertex whose segment outside lies wholly away from the
 * clip, so its caps there touch no pixel of it; a dashed stretch starts
 * where the dash pattern, counted from the first point, starts again, so
 * its dashes fall where the whole line's do. What the clip shows is drawn
 * as the whole line draws it. A closed line whose first point is in view
 * is traced whole (its dashes start anew there). */
static void
trace_polyline (cairo_t       *cr,
                const HlPoint *pts,
                guint          n,
                gboolean       closed,
                double         pad,
                double         period,
                gboolean       whole)
{
  guint n_seg = closed ? n : (n > 0 ? n - 1 : 0);
  double cx0, cy0, cx1, cy1;
  HlRect clip;
  guint i;
  gboolean all = TRUE;
  g_autofree double *along = NULL;

  cairo_new_path (cr);
  if (n == 0)
    return;

  if (whole)
    {
      for (i = 0; i < n; i++)
        cairo_line_to (cr, pts[i].x, pts[i].y);
      if (closed)
        cairo_close_path (cr);
      return;
    }

  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  clip = (HlRect) { cx0, cy0, cx1, cy1 };
  for (i = 0; i < n_seg && all; i++)
    all = segment_near (pts[i], pts[(i + 1) % n], clip, pad);
  if (all || (closed && n_seg > 1 &&
              segment_near (pts[n - 1], pts[0], clip, pad) &&
              segment_near (pts[0], pts[1], clip, pad)))
    {
      for (i = 0; i < n; i++)
        cairo_line_to (cr, pts[i].x, pts[i].y);
      if (closed)
        cairo_close_path (cr);
      return;
    }

  /* The length along the line up to each point, for the dash pattern. */
  if (period > 0.0)
    {
      along = g_new (double, n_seg + 1);
      along[0] = 0.0;
      for (i = 0; i < n_seg; i++)
        along[i + 1] = along[i] + hl_point_distance (pts[i], pts[(i + 1) % n]);
    }

  i = 0;
  while (i < n_seg)
    {
      guint first;

      if (!segment_near (pts[i], pts[(i + 1) % n], clip, pad))
        {
          i++;
          continue;
        }
      first = i;
      while (i < n_seg && segment_near (pts[i], pts[(i + 1) % n], clip, pad))
        i++;
      /* Segments [first, i) are near the clip. */
      if (period > 0.0)
        {
          double start = floor (along[first] / period) * period;
          guint k = first;

          /* Back to where the pattern starts again, on an earlier
           * segment if need be (all of them away from the clip). */
          while (k > 0 && along[k] > start)
            k--;
          if (along[k + 1] > along[k] && along[k] < start)
            {
              double t = (start - along[k]) / (along[k + 1] - along[k]);
              HlPoint a = pts[k], b = pts[(k + 1) % n];

              cairo_move_to (cr, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            }
          else
            cairo_move_to (cr, pts[k].x, pts[k].y);
          for (guint j = k + 1; j <= i; j++)
            cairo_line_to (cr, pts[j % n].x, pts[j % n].y);
        }
      else
        {
          cairo_move_to (cr, pts[first].x, pts[first].y);
          for (guint j = first + 1; j <= i; j++)
            cairo_line_to (cr, pts[j % n].x, pts[j % n].y);
        }
    }
}

/* The @n points of @pts that keep the polyline within @tolerance image px
 * with no new segment longer than @max_length (transfer full; *@n becomes
 * their number), or NULL to stroke them all (@tolerance 0). Fewer points
 * stroke faster: cairo joins every two segments, and a curve flattened
 * every 10 image px is a join every 2.7 px at the canvas's fit zoom of a
 * large photo. Short segments keep trace_polyline() tracing only what
 * reaches the clip: a straight edge of one segment would be stroked
 * whole wherever it meets a small part. */
static HlPoint *
simplified (const HlPoint *pts,
            guint         *n,
            double         tolerance,
            double         max_length)
{
  gsize m;
  HlPoint *fewer;

  if (tolerance <= 0.0 || *n < 3)
    return NULL;
  fewer = hl_polyline_simplify (pts, *n, tolerance, max_length, &m);
  *n = (guint) m;
  return fewer;
}

/* Overlays are drawn in image coordinates; line widths and sizes are in
 * output pixels (@unit image px per output px). */
/* Bold @text at @size user units, its first baseline starting at (@x, @y),
 * in the current source. */
static void
show_on_baseline (cairo_t    *cr,
                  double      x,
                  double      y,
                  double      size,
                  const char *text)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, text, size, HL_LABEL_BOLD, 0.0);
  double baseline;

  hl_label_get_size (layout, NULL, NULL, &baseline);
  hl_label_show (cr, layout, x, y - baseline);
}

void
hl_render_draw_overlays (cairo_t               *cr,
                         const HlView          *view,
                         double                 unit,
                         gboolean               whole_lines,
                         const HlRenderOptions *options)
{
  double m = hl_view_get_mm_per_px (view, NULL);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_antialias (cr, options->line_antialias);

  if (options->overlays & HL_OVERLAY_ZONES)
    {
      double dash[] = { 6 * unit, 4 * unit };

      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5 * unit);
      for (guint i = 0; i < view->zones->len; i++)
        {
          const HlZone *zone = g_ptr_array_index (view->zones, i);
          guint n;
          const HlPoint *pts = hl_curve_get_polyline (zone->boundary, &n);

          /* A white edge under the blue: seen on mid-grey skin too. */
          trace_polyline (cr, pts, n, TRUE, 3.5 * unit, dash[0] + dash[1], whole_lines);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 3.5 * unit);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, 0.05, 0.3, 0.75);
          cairo_set_line_width (cr, 1.5 * unit);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if ((options->overlays & HL_OVERLAY_HAIRLINE) && view->hairline != NULL)
    {
      guint n;
      const HlPoint *pts = hl_curve_get_polyline (view->hairline, &n);
      g_autofree HlPoint *fewer = simplified (pts, &n, options->line_tolerance * unit, 64.0 * unit);

      /* A white edge under the red, as the zones'. */
      trace_polyline (cr, fewer != NULL ? fewer : pts, n, FALSE, 4.0 * unit, 0.0, whole_lines);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 4.0 * unit);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
      cairo_set_line_width (cr, 2.0 * unit);
      cairo_stroke (cr);
    }

  if ((options->overlays & HL_OVERLAY_HANDLES) && view->hairline != NULL)
    {
      const HlPoint *pts = hl_curve_get_points (view->hairline);

      for (guint i = 0; i < hl_curve_get_n_points (view->hairline); i++)
        {
          cairo_new_path (cr);
          cairo_arc (cr, pts[i].x, pts[i].y, 5 * unit, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 1.5 * unit);
          cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
          cairo_stroke (cr);
        }
    }

  if (options->overlays & HL_OVERLAY_LANDMARKS)
    {
      const HlLandmarkPoint *g = &view->landmarks[HL_LANDMARK_GLABELLA];
      const HlLandmarkPoint *mfp = &view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT];

      cairo_set_line_width (cr, 1.2 * unit);
      cairo_set_source_rgba (cr, 1.0, 0.8, 0.1, 0.95);
      for (guint i = 0; i < HL_N_LANDMARKS; i++)
        {
          HlPoint p = view->landmarks[i].p;

          if (!view->landmarks[i].set)
            continue;
          cairo_new_path (cr);
          cairo_move_to (cr, p.x - 4 * unit, p.y);
          cairo_line_to (cr, p.x + 4 * unit, p.y);
          cairo_move_to (cr, p.x, p.y - 4 * unit);
          cairo_line_to (cr, p.x, p.y + 4 * unit);
          cairo_stroke (cr);
        }

      if (g->set && mfp->set)
        {
          double dash[] = { 3 * unit, 3 * unit };
          char label[32];

          cairo_set_dash (cr, dash, 2, 0);
          cairo_new_path (cr);
          cairo_move_to (cr, g->p.x, g->p.y);
          cairo_line_to (cr, mfp->p.x, mfp->p.y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          g_snprintf (label, sizeof label, _("%.1f cm"), hl_point_distance (g->p, mfp->p) * m / 10.0);
          show_on_baseline (cr, (g->p.x + mfp->p.x) / 2 + 6 * unit, (g->p.y + mfp->p.y) / 2, 12 * unit, label);
        }
    }

  if ((options->overlays & HL_OVERLAY_RULER) && view->calibration.has_reference)
    {
      const HlCalibration *cal = &view->calibration;
      double ang = atan2 (cal->ref_b.y - cal->ref_a.y, cal->ref_b.x - cal->ref_a.x);
      double nx = -sin (ang) * 5 * unit, ny = cos (ang) * 5 * unit;
      char label[32];

      cairo_set_line_width (cr, 1.5 * unit);
      cairo_set_source_rgba (cr, 0.2, 0.9, 0.4, 0.95);
      cairo_new_path (cr);
      cairo_move_to (cr, cal->ref_a.x, cal->ref_a.y);
      cairo_line_to (cr, cal->ref_b.x, cal->ref_b.y);
      cairo_move_to (cr, cal->ref_a.x - nx, cal->ref_a.y - ny);
      cairo_line_to (cr, cal->ref_a.x + nx, cal->ref_a.y + ny);
      cairo_move_to (cr, cal->ref_b.x - nx, cal->ref_b.y - ny);
      cairo_line_to (cr, cal->ref_b.x + nx, cal->ref_b.y + ny);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, _("%.0f mm"), cal->ref_mm);
      show_on_baseline (cr, (cal->ref_a.x + cal->ref_b.x) / 2 + nx * 2,
                        (cal->ref_a.y + cal->ref_b.y) / 2 + ny * 2 + 4 * unit, 11 * unit, label);
    }
}

void
hl_render_view (cairo_surface_t       *target,
                double                 scale,
                double                 dx,
                double                 dy,
                const HlPhoto         *photo,
                const HlView          *view,
                const HlDot           *dots,
                gsize                  n_dots,
                const HlRenderOptions *options)
{
  HlRenderOptions defaults;
  cairo_t *cr;

  g_return_if_fail (target != NULL);
  g_return_if_fail (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE);
  g_return_if_fail (cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32 ||
                    cairo_image_surface_get_format (target) == CAIRO_FORMAT_RGB24);
  g_return_if_fail (view != NULL);
  g_return_if_fail (scale > 0.0);

  if (options == NULL)
    {
      hl_render_options_init (&defaults);
      options = &defaults;
    }

  cr = cairo_create (target);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);

  /* The photo, or a neutral skin tone over its area. */
  if (!options->show_photo)
    ;
  else if (photo != NULL)
    hl_render_photo (target, photo, scale, dx, dy);   /* hl-render-photo.c */
  else
    {
      int w, h;

      hl_render_view_size (NULL, view, &w, &h);
      cairo_set_source_rgb (cr, ((BACKGROUND >> 16) & 0xff) / 255.0,
                            ((BACKGROUND >> 8) & 0xff) / 255.0, (BACKGROUND & 0xff) / 255.0);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_fill (cr);
    }
  cairo_surface_flush (target);

  if (options->show_dots && dots != NULL && n_dots > 0)
    hl_render_draw_dots (target, 0, scale, dx, dy, view, dots, n_dots, NULL, 0, options);

  if (options->overlays != HL_OVERLAY_NONE)
    hl_render_draw_overlays (cr, view, 1.0 / scale, FALSE, options);

  cairo_destroy (cr);
}

