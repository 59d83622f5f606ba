/* hl-render-photo.c: the photo layer of hl_render_view(): a photo drawn
 * smaller than its halved copy by area, and the photo as a window first
 * draws it, prepared ahead on the loader's worker.
 *
 * hl_render_view() draws a large photo small from the smallest halved copy
 * at least as large as the output (hl_photo_get_surface_for_scale()), so
 * the copy is drawn at 1/2 to 1 of its size. From 3/4 to 1, cairo's "good"
 * filter is bilinear and costs ≈ 2 ms for a window; below 3/4 it becomes
 * pixman's generic separable convolution, ≈ 30 ms for a 1000 × 700 window
 * (measured here on a 1500 × 1000 copy at 0.6: 25–38 ms against 2 ms at
 * 0.8), which held the editor's main thread on the first frame of every
 * newly opened photo (bench-photo-open). Here the same kind of filter, a
 * box as wide as an output pixel (each output pixel the mean of the copy
 * under it, the pixels at its ends in part), runs as two passes over at
 * most three pixels each, ≈ 1–2 ns a pixel. test-render compares it with
 * the path through cairo.
 *
 * Even by area, a 24 MP photo fitted to a window costs the first frame
 * 5–6 ms (its 1500 × 1000 copy filtered down to ≈ 900 × 600). The loader's
 * worker knows the size the window will fit it to, so it draws the photo
 * at that scale and offset ahead (hl_render_photo_prepare(), kept with the
 * photo by hl_photo_prepare_view()): the first frame then only copies it,
 * ≈ 0.3 ms, with the same pixels within rounding (test-render-photo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-photo.h"
#include "hl-render-private.h"

/* Largest side of a prepared photo, px: a window's, with room. */
#define PREPARED_MAX_SIDE 8192

/* How often hl_render_photo() copied a prepared photo, and how often it
 * scaled one (test hooks: hl_render_photo_get_counts()). */
static gint n_copied, n_scaled;

/* An output pixel's footprint on the copy is at most 2 px wide (the copy
 * is drawn at 1/2 or more), so it meets at most 3 of the copy's pixels. */
#define TAPS 3

typedef struct
{
  int     at[TAPS];       /* the copy's pixels (clamped: its edge repeated) */
  guint32 w[TAPS];        /* weights, summing to 1 << 15 */
} Taps;

/* The footprints of output pixels @n0 .. @n0 + @n − 1 along one axis:
 * output pixel X covers the copy's [(X − @offset)·@k, (X + 1 − @offset)·@k)
 * of a copy @size px long, whose edge pixels repeat beyond it. */
static void
make_taps (Taps   *taps,
           int     n0,
           int     n,
           double  offset,
           double  k,
           int     size)
{
  for (int i = 0; i < n; i++)
    {
      double a = (n0 + i - offset) * k, b = a + k;
      int first = (int) floor (a);
      guint32 left = 1u << 15;

      for (int t = 0; t < TAPS; t++)
        {
          double lo = MAX (a, first + t), hi = MIN (b, first + t + 1);
          guint32 w = hi > lo ? (guint32) floor ((hi - lo) / k * 32768.0 + 0.5) : 0;

          w = MIN (w, left);
          if (t == TAPS - 1 || first + t + 1 >= b)
            w = left;   /* the rounding's remainder to the last pixel met */
          taps[i].w[t] = w;
          taps[i].at[t] = CLAMP (first + t, 0, size - 1);
          left -= w;
        }
    }
}

/* Row @y of the copy filtered across into @out: three planes of @n
 * values (red, green, blue) of 16 bits, 8 of value and 8 of fraction. */
static void
filter_row (const guint8 *data,
            int           stride,
            int           y,
            const Taps   *taps,
            int           n,
            guint16      *out)
{
  const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
  guint16 *out_r = out, *out_g = out + n, *out_b = out + 2 * n;

  for (int i = 0; i < n; i++)
    {
      const Taps *t = &taps[i];
      guint32 p0 = row[t->at[0]], p1 = row[t->at[1]], p2 = row[t->at[2]];
      guint32 w0 = t->w[0], w1 = t->w[1], w2 = t->w[2];
      guint32 r = ((p0 >> 16) & 0xff) * w0 + ((p1 >> 16) & 0xff) * w1 + ((p2 >> 16) & 0xff) * w2;
      guint32 g = ((p0 >> 8) & 0xff) * w0 + ((p1 >> 8) & 0xff) * w1 + ((p2 >> 8) & 0xff) * w2;
      guint32 b = (p0 & 0xff) * w0 + (p1 & 0xff) * w1 + (p2 & 0xff) * w2;

      out_r[i] = (guint16) ((r + (1u << 6)) >> 7);
      out_g[i] = (guint16) ((g + (1u << 6)) >> 7);
      out_b[i] = (guint16) ((b + (1u << 6)) >> 7);
    }
}

/* One plane of an output row: the three filtered rows @a, @b, @c
 * weighted down, back to 8 bits, rounded (8 + 8 + 15 bits of fraction;
 * the weights sum to 1 << 15, so no sum passes 255.5 · 2^23). */
static void
filter_down (const guint16 *a,
             const guint16 *b,
             const guint16 *c,
             guint32        w0,
             guint32        w1,
             guint32        w2,
             int            n,
             guint32       *out)
{
  for (int i = 0; i < n; i++)
    out[i] = (a[i] * w0 + b[i] * w1 + c[i] * w2 + (1u << 22)) >> 23;
}

/* How much of output pixels [@p, @p + 1) the interval [@a, @b) covers,
 * 0–255. */
static guint
cover (int    p,
       double a,
       double b)
{
  double c = MIN (b, p + 1.0) - MAX (a, (double) p);

  return c <= 0.0 ? 0 : c >= 1.0 ? 255 : (guint) floor (c * 255.0 + 0.5);
}

gboolean
hl_render_photo_by_area (cairo_surface_t *target,
                         cairo_surface_t *copy,
                         double           k,
                         double           photo_width,
                         double           photo_height,
                         double           scale,
                         double           dx,
                         double           dy)
{
  int tw = cairo_image_surface_get_width (target);
  int th = cairo_image_surface_get_height (target);
  int t_stride = cairo_image_surface_get_stride (target);
  int cw = cairo_image_surface_get_width (copy);
  int ch = cairo_image_surface_get_height (copy);
  int c_stride = cairo_image_surface_get_stride (copy);
  /* The photo's rectangle in output px, and the output pixels it meets. */
  double x_a = dx, x_b = dx + photo_width * scale;
  double y_a = dy, y_b = dy + photo_height * scale;
  int x0 = MAX (0, (int) floor (x_a)), x1 = MIN (tw, (int) ceil (x_b));
  int y0 = MAX (0, (int) floor (y_a)), y1 = MIN (th, (int) ceil (y_b));
  int n, cached[TAPS + 1];
  g_autofree Taps *across = NULL;
  g_autofree Taps *down = NULL;
  g_autofree guint16 *rows = NULL;
  g_autofree guint8 *cover_x = NULL;
  g_autofree guint32 *planes = NULL;
  guint8 *t_data;
  const guint8 *c_data;

  if (k < 1.0 || k > 2.0 || cw < 1 || ch < 1 ||
      cairo_image_surface_get_format (copy) != CAIRO_FORMAT_RGB24)
    return FALSE;
  if (x0 >= x1 || y0 >= y1)
    return TRUE;

  n = x1 - x0;
  across = g_new (Taps, n);
  down = g_new (Taps, y1 - y0);
  cover_x = g_new (guint8, n);
  make_taps (across, x0, n, dx, k, cw);
  make_taps (down, y0, y1 - y0, dy, k, ch);
  for (int i = 0; i < n; i++)
    cover_x[i] = (guint8) cover (x0 + i, x_a, x_b);
  /* The filtered rows of the copy the current output row needs; each is
   * needed by at most two output rows in turn. */
  rows = g_new (guint16, (gsize) (TAPS + 1) * n * 3);
  planes = g_new (guint32, (gsize) n * 3);
  for (int s = 0; s < TAPS + 1; s++)
    cached[s] = G_MININT;

  cairo_surface_flush (copy);
  cairo_surface_flush (target);
  c_data = cairo_image_surface_get_data (copy);
  t_data = cairo_image_surface_get_data (target);

  for (int y = y0; y < y1; y++)
    {
      const Taps *tv = &down[y - y0];
      const guint16 *src[TAPS];
      guint32 *out = (guint32 *) (gpointer) (t_data + (gsize) y * t_stride) + x0;
      guint32 w0 = tv->w[0], w1 = tv->w[1], w2 = tv->w[2];
      guint cy = cover (y, y_a, y_b);

      for (int t = 0; t < TAPS; t++)
        {
          int sy = tv->at[t];
          int slot = sy % (TAPS + 1);

          if (cached[slot] != sy)
            {
              filter_row (c_data, c_stride, sy, across, n, rows + (gsize) slot * n * 3);
              cached[slot] = sy;
            }
          src[t] = rows + (gsize) slot * n * 3;
        }

      for (int j = 0; j < 3; j++)
        filter_down (src[0] + (gsize) j * n, src[1] + (gsize) j * n, src[2] + (gsize) j * n,
                     w0, w1, w2, n, planes + (gsize) j * n);

      for (int i = 0; i < n; i++)
        {
          guint32 vr = planes[i], vg = planes[n + i], vb = planes[2 * n + i];
          guint cov = cy == 255 ? cover_x[i] : (cy * cover_x[i] + 127) / 255;
          guint32 p;

          if (cov == 255)
            out[i] = 0xff000000u | vr << 16 | vg << 8 | vb;
          else if (cov > 0)
            {
              /* The photo's edge over what is there (cairo's OVER of an
               * opaque source through the rectangle's coverage). */
              p = out[i];
              out[i] = ((255u * cov + ((p >> 24) & 0xff) * (255 - cov) + 127) / 255) << 24 |
                       ((vr * cov + ((p >> 16) & 0xff) * (255 - cov) + 127) / 255) << 16 |
                       ((vg * cov + ((p >> 8) & 0xff) * (255 - cov) + 127) / 255) << 8 |
                       ((vb * cov + (p & 0xff) * (255 - cov) + 127) / 255);
            }
        }
    }

  cairo_surface_mark_dirty (target);
  return TRUE;
}

/* The photo scaled onto @target as hl_render_view() draws it: photo px
 * (x, y) on (x·@scale + @dx, y·@scale + @dy), the photo's rectangle over
 * what @target holds. */
static void
draw_scaled (cairo_surface_t *target,
             const HlPhoto   *photo,
             double           scale,
             double           dx,
             double           dy)
{
  double level_scale;
  cairo_surface_t *source = hl_photo_get_surface_for_scale (photo, scale, &level_scale);
  cairo_pattern_t *pattern;
  cairo_matrix_t to_level;
  cairo_t *cr;

  /* Drawn smaller than 3/4 of the copy: cairo's "good" filter would
   * convolve (≈ 30 ms for a window), the same box by area is far
   * cheaper. */
  if (level_scale / scale >= 1.0 / 0.75 &&
      hl_render_photo_by_area (target, source, level_scale / scale, hl_photo_get_width (photo),
                               hl_photo_get_height (photo), scale, dx, dy))
    return;

  /* A large photo drawn small comes from a halved copy: scaling 48 MP
   * down to a window each time the view moves would take ~170 ms. The
   * pattern maps photo px to the copy's px. */
  cr = cairo_create (target);
  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  pattern = cairo_pattern_create_for_surface (source);
  cairo_matrix_init_scale (&to_level, level_scale, level_scale);
  cairo_pattern_set_matrix (pattern, &to_level);
  cairo_pattern_set_filter (pattern, scale > 1.0 ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_rectangle (cr, 0, 0, hl_photo_get_width (photo), hl_photo_get_height (photo));
  cairo_fill (cr);
  cairo_destroy (cr);
}

void
hl_render_photo (cairo_surface_t *target,
                 const HlPhoto   *photo,
                 double           scale,
                 double           dx,
                 double           dy)
{
  cairo_surface_t *prepared;
  int x, y;

  prepared = hl_photo_ref_view (photo, scale, dx, dy, &x, &y);
  if (prepared != NULL)
    {
      /* Premultiplied, its edges' coverage in alpha: over @target at a
       * whole pixel, as the scaled path would have drawn it there. */
      cairo_t *cr = cairo_create (target);

      cairo_set_source_surface (cr, prepared, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (prepared);
      g_atomic_int_inc (&n_copied);
      return;
    }

  draw_scaled (target, photo, scale, dx, dy);
  g_atomic_int_inc (&n_scaled);
}

cairo_surface_t *
hl_render_photo_prepare (const HlPhoto *photo,
                         double         scale,
                         double         dx,
                         double         dy,
                         int           *x,
                         int           *y)
{
  double fx, fy, w, h;
  cairo_surface_t *surface;

  g_return_val_if_fail (photo != NULL, NULL);
  g_return_val_if_fail (x != NULL && y != NULL, NULL);

  if (!(scale > 0.0 && scale < 1.0) || !isfinite (dx) || !isfinite (dy))
    return NULL;
  fx = dx - floor (dx);
  fy = dy - floor (dy);
  w = ceil (fx + hl_photo_get_width (photo) * scale);
  h = ceil (fy + hl_photo_get_height (photo) * scale);
  if (w > PREPARED_MAX_SIDE || h > PREPARED_MAX_SIDE)
    return NULL;

  /* Transparent where the photo is not: drawn over it, the photo's
   * antialiased edges keep their coverage. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  draw_scaled (surface, photo, scale, fx, fy);
  cairo_surface_flush (surface);
  *x = (int) floor (dx);
  *y = (int) floor (dy);
  return surface;
}

void
hl_render_photo_get_counts (guint *copied,
                            guint *scaled)
{
  if (copied != NULL)
    *copied = (guint) g_atomic_int_get (&n_copied);
  if (scaled != NULL)
    *scaled = (guint) g_atomic_int_get (&n_scaled);
}
