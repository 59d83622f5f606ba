/* hl-progress-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-progress-view.h"
#include "hl-render.h"

/* The inverse of the 3 × 3 matrix @m (row-major); FALSE when singular. */
static gboolean
invert3 (const double m[9],
         double       inv[9])
{
  double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) +
               m[2] * (m[3] * m[7] - m[4] * m[6]);

  if (!(fabs (det) > 1e-12) || !isfinite (det))
    return FALSE;
  inv[0] = (m[4] * m[8] - m[5] * m[7]) / det;
  inv[1] = (m[2] * m[7] - m[1] * m[8]) / det;
  inv[2] = (m[1] * m[5] - m[2] * m[4]) / det;
  inv[3] = (m[5] * m[6] - m[3] * m[8]) / det;
  inv[4] = (m[0] * m[8] - m[2] * m[6]) / det;
  inv[5] = (m[2] * m[3] - m[0] * m[5]) / det;
  inv[6] = (m[3] * m[7] - m[4] * m[6]) / det;
  inv[7] = (m[1] * m[6] - m[0] * m[7]) / det;
  inv[8] = (m[0] * m[4] - m[1] * m[3]) / det;
  return TRUE;
}

/* The progress photo in the output's frame: ARGB32, transparent where it
 * does not reach (transfer full). An affine alignment goes through a
 * cairo pattern matrix; a projective one is sampled pixel by pixel
 * (bilinear). */
static cairo_surface_t *
warp (const HlProgressPhoto *progress,
      cairo_surface_t       *source,
      int                    width,
      int                    height,
      double                 scale,
      double                 dx,
      double                 dy)
{
  const double *m = progress->transform;
  cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double inv[9];

  if (cairo_surface_status (out) != CAIRO_STATUS_SUCCESS)
    return out;

  if (fabs (m[6]) < 1e-12 && fabs (m[7]) < 1e-12 && fabs (m[8] - 1.0) < 1e-12)
    {
      cairo_t *cr = cairo_create (out);
      cairo_matrix_t to_view;

      /* Output px = scale × (M · photo px) + (dx, dy). */
      cairo_matrix_init (&to_view, m[0], m[3], m[1], m[4], m[2], m[5]);
      cairo_translate (cr, dx, dy);
      cairo_scale (cr, scale, scale);
      cairo_transform (cr, &to_view);
      cairo_set_source_surface (cr, source, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_destroy (cr);
      return out;
    }

  if (!invert3 (m, inv))
    return out;
  {
    const guchar *src = cairo_image_surface_get_data (source);
    int sw = cairo_image_surface_get_width (source), sh = cairo_image_surface_get_height (source);
    int ss = cairo_image_surface_get_stride (source);
    guchar *dst;
    int ds;

    cairo_surface_flush (source);
    cairo_surface_flush (out);
    dst = cairo_image_surface_get_data (out);
    ds = cairo_image_surface_get_stride (out);
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          double vx = (x + 0.5 - dx) / scale, vy = (y + 0.5 - dy) / scale;
          double w = inv[6] * vx + inv[7] * vy + inv[8];
          double px, py, fx, fy;
          int x0, y0;
          guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * ds) + x;

          if (!(w > 1e-12))
            continue;
          px = (inv[0] * vx + inv[1] * vy + inv[2]) / w - 0.5;
          py = (inv[3] * vx + inv[4] * vy + inv[5]) / w - 0.5;
          if (!(px >= 0.0 && py >= 0.0 && px <= sw - 1 && py <= sh - 1))
            continue;
          x0 = MIN ((int) px, sw - 2 >= 0 ? sw - 2 : 0);
          y0 = MIN ((int) py, sh - 2 >= 0 ? sh - 2 : 0);
          fx = px - x0;
          fy = py - y0;
          {
            const guint32 *r0 = (const guint32 *) (gconstpointer) (src + (gsize) y0 * ss) + x0;
            const guint32 *r1 = (const guint32 *) (gconstpointer) (src + (gsize) MIN (y0 + 1, sh - 1) * ss) + x0;
            guint32 value = 0xff000000u;

            for (int shift = 0; shift < 24; shift += 8)
              {
                double a = (r0[0] >> shift) & 0xff, b = (r0[MIN (1, sw - 1)] >> shift) & 0xff;
                double c = (r1[0] >> shift) & 0xff, e = (r1[MIN (1, sw - 1)] >> shift) & 0xff;
                double v = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;

                value |= (guint32) CLAMP (lround (v), 0, 255) << shift;
              }
            *d = value;
          }
        }
    cairo_surface_mark_dirty (out);
  }
  return out;
}

cairo_surface_t *
hl_progress_view_render (const HlProgressPhoto *progress,
                         const HlPhoto         *progress_pixels,
                         const HlPhoto         *view_photo,
                         const HlView          *view,
                         const HlDot           *dots,
                         gsize                  n_dots,
                         HlRect                 crop,
                         double                 scale,
                         double                 opacity,
                         double                 split)
{
  cairo_surface_t *out, *warped;
  HlRenderOptions options;
  int vw, vh, width, height;
  double dx = 0.0, dy = 0.0;
  cairo_t *cr;

  g_return_val_if_fail (progress != NULL && progress_pixels != NULL && view != NULL, NULL);
  g_return_val_if_fail (dots != NULL || n_dots == 0, NULL);

  if (!progress->aligned || !(isfinite (scale) && scale > 0.0))
    return NULL;
  hl_render_view_size (view_photo, view, &vw, &vh);
  if (!hl_rect_is_empty (crop))
    {
      vw = (int) ceil (crop.x1 - crop.x0);
      vh = (int) ceil (crop.y1 - crop.y0);
      dx = -crop.x0 * scale;
      dy = -crop.y0 * scale;
    }
  width = (int) ceil (vw * scale);
  height = (int) ceil (vh * scale);
  if (width < 1 || height < 1 || (double) width * height > 64.0e6)
    return NULL;

  out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (out) != CAIRO_STATUS_SUCCESS)
    return out;

  /* The view's photo. */
  hl_render_options_init (&options);
  options.show_dots = FALSE;
  options.mark = NULL;
  hl_render_view (out, scale, dx, dy, view_photo, view, NULL, 0, &options);

  /* The progress photo over it, right of the split. */
  warped = warp (progress, hl_photo_get_surface (progress_pixels), width, height, scale, dx, dy);
  cr = cairo_create (out);
  cairo_rectangle (cr, CLAMP (split, 0.0, 1.0) * width, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, warped, 0, 0);
  cairo_paint_with_alpha (cr, CLAMP (opacity, 0.0, 1.0));
  cairo_destroy (cr);
  cairo_surface_destroy (warped);

  /* The plan over both. */
  options.show_photo = FALSE;
  options.show_dots = TRUE;
  options.overlays = HL_OVERLAY_HAIRLINE;
  hl_render_view (out, scale, dx, dy, NULL, view, dots, n_dots, &options);

  /* The split line, when there is one. */
  if (split > 0.0 && split < 1.0)
    {
      cr = cairo_create (out);
      cairo_rectangle (cr, round (split * width) - 1, 0, 2, height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
  return out;
}
