/* hl-render-export.c: export images, whole or a band of rows at a time.
 *
 * A mockup is drawn in bands of rows: the photo scaled into the band, the
 * dots whose reach touches it (bucketed by band once), the overlays, the
 * mirror, then the labels and the mark, and the rows go to the caller
 * (hl_export_write() streams them to libpng) before the next band reuses
 * the memory. The whole image is the same code with one band, and every
 * step draws a pixel the same whatever band it falls in:
 *
 * - the photo goes through pixman with the whole image's transform, the
 *   band's rows named by their place in the image (pixman steps from row
 *   to row by whole multiples of the transform, so a row's samples do not
 *   depend on where the band starts; cairo's own photo path picks its
 *   fixed-point offsets from the area drawn, which moves samples by up to
 *   1/128 px from band to band);
 * - a dot's stamp comes from its place in the whole image and is clipped
 *   to the band;
 * - lines, text and fills are drawn by cairo over the band's pixels with
 *   a device offset that puts them at their place in the whole image (and
 *   a clip to the band), so their geometry is the whole image's; lines are traced
 *   whole (the canvas traces only the stretches near its clip, whose
 *   joins can differ by one level from the whole line's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <pixman.h>
#include <stdlib.h>
#include <string.h>

#include "hl-label.h"
#include "hl-render.h"
#include "hl-render-private.h"

/* Bytes of one band (per image drawn at once: a before–after or split
 * export draws two): about 16 MB, a few hundred rows of a large mockup. */
#define BAND_BYTES (16u << 20)

typedef struct
{
  const HlPhoto         *photo;
  const HlView          *view;
  const HlDot           *dots;
  gsize                  n_dots;
  const HlRenderOptions *options;
  HlRenderOptions        before;   /* the same without dots or overlays */
  double                 s, ox, oy;
  int                    ow, oh;   /* one panel */
  int                    width;    /* the whole image */
  int                    gap;      /* before–after: between the halves */
  int                    sx;       /* split: first column of the "after" */
  /* Dots by band: those of band b are order[start[b] .. start[b + 1]),
   * in the order of @dots. */
  int                    band_rows;
  guint                  n_bands;
  gsize                 *start;
  guint32               *order;
} Layout;

static void
layout_init (Layout                *l,
             const HlPhoto         *photo,
             const HlView          *view,
             const HlDot           *dots,
             gsize                  n_dots,
             const HlRenderOptions *options)
{
  int w, h;

  memset (l, 0, sizeof *l);
  l->photo = photo;
  l->view = view;
  l->dots = dots;
  l->n_dots = dots != NULL ? n_dots : 0;
  l->options = options;

  hl_render_view_size (photo, view, &w, &h);
  l->s = options->scale;
  if (!hl_rect_is_empty (options->crop))
    {
      l->ox = -floor (options->crop.x0) * l->s;
      l->oy = -floor (options->crop.y0) * l->s;
      w = (int) ceil (options->crop.x1 - floor (options->crop.x0));
      h = (int) ceil (options->crop.y1 - floor (options->crop.y0));
    }
  l->ow = MAX (1, (int) ceil (w * l->s));
  l->oh = MAX (1, (int) ceil (h * l->s));
  l->width = l->ow;
  if (options->layout == HL_LAYOUT_BEFORE_AFTER)
    {
      l->gap = MAX (2, l->ow / 100);
      l->width = 2 * l->ow + l->gap;
    }
  l->sx = (int) floor (l->ow * CLAMP (options->split, 0.0, 1.0) + 0.5);

  l->before = *options;
  l->before.show_dots = FALSE;
  l->before.overlays = HL_OVERLAY_NONE;
}

/* Buckets the dots by the bands their reach touches, keeping their order
 * (blending is not quite commutative in 8 bits). */
static void
layout_bucket (Layout *l,
               int     band_rows)
{
  double factor, pad;
  guint nb;

  l->band_rows = band_rows;
  l->n_bands = nb = (guint) ((l->oh + band_rows - 1) / band_rows);
  l->start = g_new0 (gsize, nb + 1);
  if (!l->options->show_dots || l->n_dots == 0)
    return;

  hl_render_dot_reach (l->view, l->s, l->options, &factor, &pad);
  for (guint pass = 0; pass < 2; pass++)
    {
      gsize *fill = NULL;

      if (pass == 1)
        {
          for (guint b = 0; b < nb; b++)
            l->start[b + 1] += l->start[b];
          l->order = g_new (guint32, l->start[nb]);
          fill = g_memdup2 (l->start, nb * sizeof (gsize));
        }
      for (gsize i = 0; i < l->n_dots; i++)
        {
          const HlDot *d = &l->dots[i];
          double cy = d->y * l->s + l->oy;
          /* Twice the reach drawing culls with: a dot is in every band
           * its stamp could touch, whatever rounding. */
          double reach = 2.0 * (d->diameter_mm * factor + pad) + 2.0;
          double b0 = floor ((cy - reach) / band_rows), b1 = floor ((cy + reach) / band_rows);

          if (!(b1 >= 0 && b0 < nb) ||
              (l->options->sessions > 0 && d->session >= l->options->sessions))
            continue;
          for (guint b = (guint) MAX (b0, 0.0); b <= (guint) MIN (b1, nb - 1.0); b++)
            if (pass == 0)
              l->start[b + 1]++;
            else
              l->order[fill[b]++] = (guint32) i;
        }
      g_free (fill);
    }
}

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->start, g_free);
  g_clear_pointer (&l->order, g_free);
}

/* A surface over the rows @row0 .. of @band (the same pixels) whose
 * device offset puts them at their place in the whole image: cairo draws
 * on it in the whole image's coordinates, and a clip keeps it to the band.
 * @height (the image's) is only what callers know; the band needs none. */
static cairo_t *
create_tall (cairo_surface_t *band,
             int              row0,
             int              height,
             cairo_surface_t **tall)
{
  int stride = cairo_image_surface_get_stride (band);
  int width = cairo_image_surface_get_width (band);
  int rows = cairo_image_surface_get_height (band);
  cairo_t *cr;

  g_assert (row0 >= 0 && row0 + rows <= height);
  cairo_surface_flush (band);
  *tall = cairo_image_surface_create_for_data (cairo_image_surface_get_data (band),
                                               CAIRO_FORMAT_RGB24, width, rows, stride);
  cairo_surface_set_device_offset (*tall, 0, -row0);
  cr = cairo_create (*tall);
  cairo_rectangle (cr, 0, row0, width, rows);
  cairo_clip (cr);
  return cr;
}

static void
finish_tall (cairo_t         *cr,
             cairo_surface_t *tall,
             cairo_surface_t *band)
{
  cairo_destroy (cr);
  cairo_surface_flush (tall);
  cairo_surface_finish (tall);
  cairo_surface_destroy (tall);
  cairo_surface_mark_dirty (band);
}

/* The photo over the panel's rows @row0 .. of @band (all its columns),
 * through pixman with the whole image's transform; beyond the photo's
 * edge its edge pixels (cairo's pad). A large photo drawn small comes
 * from a halved copy (hl_photo_get_surface_for_scale()). */
static void
draw_photo (cairo_surface_t *band,
            int              row0,
            const Layout    *l)
{
  double level_scale, k;
  cairo_surface_t *source = hl_photo_get_surface_for_scale (l->photo, l->s, &level_scale);
  pixman_image_t *src, *dst;
  struct pixman_f_transform ft;
  pixman_transform_t t;

  cairo_surface_flush (source);
  cairo_surface_flush (band);
  src = pixman_image_create_bits (cairo_image_surface_get_format (source) == CAIRO_FORMAT_ARGB32
                                  ? PIXMAN_a8r8g8b8 : PIXMAN_x8r8g8b8,
                                  cairo_image_surface_get_width (source),
                                  cairo_image_surface_get_height (source),
                                  (uint32_t *) (gpointer) cairo_image_surface_get_data (source),
                                  cairo_image_surface_get_stride (source));
  dst = pixman_image_create_bits (PIXMAN_x8r8g8b8, cairo_image_surface_get_width (band),
                                  cairo_image_surface_get_height (band),
                                  (uint32_t *) (gpointer) cairo_image_surface_get_data (band),
                                  cairo_image_surface_get_stride (band));

  /* Output px → the copy's px. */
  k = level_scale / l->s;
  pixman_f_transform_init_scale (&ft, k, k);
  ft.m[0][2] = -l->ox * k;
  ft.m[1][2] = -l->oy * k;
  pixman_transform_from_pixman_f_transform (&t, &ft);
  pixman_image_set_transform (src, &t);
  pixman_image_set_repeat (src, PIXMAN_REPEAT_PAD);
  if (k <= 1.0 / 0.75)
    pixman_image_set_filter (src, PIXMAN_FILTER_BILINEAR, NULL, 0);
  else
    {
      /* Drawn smaller than 3/4: each output pixel averages the copy's
       * pixels under it, as cairo's "good" filter does. */
      int n_params;
      pixman_fixed_t *params = pixman_filter_create_separable_convolution (
        &n_params, pixman_double_to_fixed (k), pixman_double_to_fixed (k),
        PIXMAN_KERNEL_LINEAR, PIXMAN_KERNEL_LINEAR, PIXMAN_KERNEL_BOX, PIXMAN_KERNEL_BOX, 4, 4);

      pixman_image_set_filter (src, PIXMAN_FILTER_SEPARABLE_CONVOLUTION, params, n_params);
      free (params);
    }

  /* Source rows are named by their place in the whole image. */
  pixman_image_composite32 (PIXMAN_OP_OVER, src, NULL, dst, 0, row0, 0, 0, 0, 0,
                            cairo_image_surface_get_width (band), cairo_image_surface_get_height (band));
  pixman_image_unref (src);
  pixman_image_unref (dst);
  cairo_surface_mark_dirty (band);
}

/* Flips the columns @x0 .. @x0 + @w of the rows of @band left to right. */
static void
mirror_columns (cairo_surface_t *band,
                int              x0,
                int              w)
{
  int height = cairo_image_surface_get_height (band);
  int stride = cairo_image_surface_get_stride (band);
  guint8 *data;

  cairo_surface_flush (band);
  data = cairo_image_surface_get_data (band);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride) + x0;

      for (int a = 0, b = w - 1; a < b; a++, b--)
        {
          guint32 t = row[a];
          row[a] = row[b];
          row[b] = t;
        }
    }
  cairo_surface_mark_dirty (band);
}

/* One panel (@options: "before" or "after") into @band, a panel-wide
 * surface holding rows @row0 .. of it: photo or background, the dots of
 * band @b, overlays, mirror. */
static void
draw_panel (cairo_surface_t       *band,
            int                    row0,
            guint                  b,
            const Layout          *l,
            const HlRenderOptions *options)
{
  cairo_surface_t *tall;
  cairo_t *cr;

  if (options->show_photo && l->photo != NULL)
    draw_photo (band, row0, l);
  else if (options->show_photo)
    {
      int w, h;

      hl_render_view_size (NULL, l->view, &w, &h);
      cr = create_tall (band, row0, l->oh, &tall);
      cairo_translate (cr, l->ox, l->oy);
      cairo_scale (cr, l->s, l->s);
      cairo_set_source_rgb (cr, ((HL_RENDER_BACKGROUND >> 16) & 0xff) / 255.0,
                            ((HL_RENDER_BACKGROUND >> 8) & 0xff) / 255.0,
                            (HL_RENDER_BACKGROUND & 0xff) / 255.0);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_fill (cr);
      finish_tall (cr, tall, band);
    }

  if (options->show_dots && l->order != NULL && l->start[b + 1] > l->start[b])
    hl_render_draw_dots (band, row0, l->s, l->ox, l->oy, l->view, l->dots, l->n_dots,
                         l->order + l->start[b], l->start[b + 1] - l->start[b], options);

  if (options->overlays != HL_OVERLAY_NONE)
    {
      cr = create_tall (band, row0, l->oh, &tall);
      cairo_translate (cr, l->ox, l->oy);
      cairo_scale (cr, l->s, l->s);
      hl_render_draw_overlays (cr, l->view, 1.0 / l->s, TRUE, options);
      finish_tall (cr, tall, band);
    }

  if (options->mirror)
    mirror_columns (band, 0, cairo_image_surface_get_width (band));
}

/* The simulation mark, bottom right, legible on any photo: one line,
 * or on a narrow image as many as it takes, never smaller. */
static void
draw_mark (cairo_t    *cr,
           int         width,
           int         height,
           const char *text)
{
  double size = CLAMP (height / 40.0, 10.0, 64.0);
  double pad = size * 0.45, w, h;
  g_autoptr(PangoLayout) layout = hl_label_new (cr, text, size, HL_LABEL_BOLD, MAX (width - 4 * pad, size));

  hl_label_get_size (layout, &w, &h, NULL);
  /* Right-aligned whatever the script: an Arabic mark too (with its own
   * direction, alignment would follow it to the left). */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_rectangle (cr, width - w - 3 * pad, height - h - 3 * pad, w + 2 * pad, h + 2 * pad);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.55);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  /* Its lines end at the right of its box, as wide as the wrap width. */
  hl_label_show (cr, layout, width - 2 * pad - pango_layout_get_width (layout) / (double) PANGO_SCALE,
                 height - h - 2 * pad);
}

static void
draw_label (cairo_t    *cr,
            double      x,
            double      y,
            double      size,
            const char *text)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, text, size, HL_LABEL_BOLD, 0.0);
  double w, h;

  hl_label_get_size (layout, &w, &h, NULL);
  cairo_rectangle (cr, x, y, w + size, MAX (size * 1.6, h + size * 0.3));
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  hl_label_show (cr, layout, x + size * 0.5, y + (MAX (size * 1.6, h + size * 0.3) - h) / 2);
}

/* Copies the columns @x .. @x + @w of @from into @to at column @to_x
 * (both hold the same rows). */
static void
copy_columns (cairo_surface_t *to,
              int              to_x,
              cairo_surface_t *from,
              int              x,
              int              w)
{
  int height = cairo_image_surface_get_height (to);
  int ts = cairo_image_surface_get_stride (to), fs = cairo_image_surface_get_stride (from);
  guint8 *td, *fd;

  cairo_surface_flush (to);
  cairo_surface_flush (from);
  td = cairo_image_surface_get_data (to);
  fd = cairo_image_surface_get_data (from);
  for (int y = 0; y < height; y++)
    memcpy (td + (gsize) y * ts + 4 * (gsize) to_x, fd + (gsize) y * fs + 4 * (gsize) x, 4 * (gsize) w);
  cairo_surface_mark_dirty (to);
}

static void
clear (cairo_surface_t *band,
       guint8           value)
{
  cairo_surface_flush (band);
  memset (cairo_image_surface_get_data (band), value,
          (gsize) cairo_image_surface_get_stride (band) * cairo_image_surface_get_height (band));
  cairo_surface_mark_dirty (band);
}

/* Rows @row0 .. of the finished image into @band (as wide as the image),
 * using @spare (a panel-wide band of the same rows) for a second panel. */
static void
draw_band (cairo_surface_t *band,
           cairo_surface_t *spare,
           int              row0,
           guint            b,
           const Layout    *l)
{
  const HlRenderOptions *options = l->options;
  double label = CLAMP (l->oh / 36.0, 9.0, 48.0);
  cairo_surface_t *tall;
  cairo_t *cr;

  if (options->layout == HL_LAYOUT_BEFORE_AFTER)
    {
      cairo_surface_t *left_image;

      /* White, then the "before" over it (a photo with transparency shows
       * white there, as it always has), the "after" on black beside it. */
      clear (band, 0xff);
      left_image = cairo_image_surface_create_for_data (cairo_image_surface_get_data (band), CAIRO_FORMAT_RGB24,
                                                        l->ow, cairo_image_surface_get_height (band),
                                                        cairo_image_surface_get_stride (band));
      draw_panel (left_image, row0, b, l, &l->before);
      cairo_surface_destroy (left_image);
      cairo_surface_mark_dirty (band);
      clear (spare, 0);
      draw_panel (spare, row0, b, l, options);
      copy_columns (band, l->ow + l->gap, spare, 0, l->ow);

      cr = create_tall (band, row0, l->oh, &tall);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, l->ow, 0, l->gap, l->oh);
      cairo_fill (cr);
      draw_label (cr, l->oh / 60.0, l->oh / 60.0, label, C_("image", "Before"));
      draw_label (cr, l->ow + l->gap + l->oh / 60.0, l->oh / 60.0, label, C_("image", "After"));
    }
  else
    {
      clear (band, 0);
      draw_panel (band, row0, b, l, options);
      if (options->layout == HL_LAYOUT_SPLIT)
        {
          clear (spare, 0);
          draw_panel (spare, row0, b, l, &l->before);
          copy_columns (band, 0, spare, 0, l->sx);
        }

      cr = create_tall (band, row0, l->oh, &tall);
      if (options->layout == HL_LAYOUT_SPLIT)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_rectangle (cr, l->sx - 1, 0, 2, l->oh);
          cairo_fill (cr);
          draw_label (cr, l->oh / 60.0, l->oh / 60.0, label, C_("image", "Before"));
          draw_label (cr, l->sx + l->oh / 60.0, l->oh / 60.0, label, C_("image", "After"));
        }
    }
  if (options->mark != NULL && *options->mark != '\0')
    draw_mark (cr, l->width, l->oh, options->mark);
  finish_tall (cr, tall, band);
}

void
hl_render_export_size (const HlPhoto         *photo,
                       const HlView          *view,
                       const HlRenderOptions *options,
                       int                   *width,
                       int                   *height)
{
  Layout l;

  g_return_if_fail (view != NULL && options != NULL && options->scale > 0.0);

  layout_init (&l, photo, view, NULL, 0, options);
  if (width != NULL)
    *width = l.width;
  if (height != NULL)
    *height = l.oh;
}

/* Draws the image band by band into @band (and @spare), each handed to
 * @sink; FALSE when @sink says stop. */
static gboolean
render_bands (const Layout     *l,
              cairo_surface_t  *band_image,
              cairo_surface_t  *spare_image,
              HlRenderRowsFunc  sink,
              gpointer          user_data)
{
  for (guint b = 0; b < l->n_bands; b++)
    {
      int row0 = (int) b * l->band_rows;
      int rows = MIN (l->band_rows, l->oh - row0);
      int stride = cairo_image_surface_get_stride (band_image);
      cairo_surface_t *band = cairo_image_surface_create_for_data (cairo_image_surface_get_data (band_image),
                                                                   CAIRO_FORMAT_RGB24, l->width, rows, stride);
      cairo_surface_t *spare = cairo_image_surface_create_for_data (cairo_image_surface_get_data (spare_image),
                                                                    CAIRO_FORMAT_RGB24, l->ow, rows,
                                                                    cairo_image_surface_get_stride (spare_image));
      gboolean go_on;

      draw_band (band, spare, row0, b, l);
      cairo_surface_flush (band);
      cairo_surface_destroy (spare);
      go_on = sink == NULL || sink (cairo_image_surface_get_data (band), stride, row0, rows, user_data);
      cairo_surface_destroy (band);
      if (!go_on)
        return FALSE;
    }
  return TRUE;
}

gboolean
hl_render_export_rows (const HlPhoto         *photo,
                       const HlView          *view,
                       const HlDot           *dots,
                       gsize                  n_dots,
                       const HlRenderOptions *options,
                       int                    band_rows,
                       HlRenderRowsFunc       sink,
                       gpointer               user_data)
{
  cairo_surface_t *band_image, *spare_image;
  gboolean ok = FALSE;
  Layout l;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (options != NULL && options->scale > 0.0, FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  layout_init (&l, photo, view, dots, n_dots, options);
  if (band_rows <= 0)
    band_rows = (int) CLAMP (BAND_BYTES / (4.0 * l.width), 16.0, 4096.0);
  band_rows = MIN (band_rows, l.oh);
  layout_bucket (&l, band_rows);

  band_image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, l.width, band_rows);
  spare_image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, l.ow,
                                            options->layout == HL_LAYOUT_AFTER ? 1 : band_rows);
  if (cairo_surface_status (band_image) == CAIRO_STATUS_SUCCESS &&
      cairo_surface_status (spare_image) == CAIRO_STATUS_SUCCESS)
    ok = render_bands (&l, band_image, spare_image, sink, user_data);
  cairo_surface_destroy (band_image);
  cairo_surface_destroy (spare_image);
  layout_clear (&l);
  return ok;
}

cairo_surface_t *
hl_render_export (const HlPhoto         *photo,
                  const HlView          *view,
                  const HlDot           *dots,
                  gsize                  n_dots,
                  const HlRenderOptions *options)
{
  cairo_surface_t *out, *spare;
  Layout l;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->scale > 0.0, NULL);

  /* One band as tall as the image, drawn in place. */
  layout_init (&l, photo, view, dots, n_dots, options);
  out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, l.width, l.oh);
  if (cairo_surface_status (out) != CAIRO_STATUS_SUCCESS)
    return out;
  spare = cairo_image_surface_create (CAIRO_FORMAT_RGB24, l.ow, options->layout == HL_LAYOUT_AFTER ? 1 : l.oh);
  if (cairo_surface_status (spare) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (out);
      out = spare;
      return out;
    }
  layout_bucket (&l, l.oh);
  render_bands (&l, out, spare, NULL, NULL);
  cairo_surface_destroy (spare);
  layout_clear (&l);
  return out;
}
