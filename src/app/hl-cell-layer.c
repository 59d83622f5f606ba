/* hl-cell-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-cell-layer.h"

/* Side of a cell, device px: about a handle and its edge at any zoom. */
#define CELL 64

struct _HlCellLayer
{
  cairo_surface_t       *buffers[2];   /* device px; [last] holds the last frame */
  cairo_rectangle_int_t  drawn[2];     /* where each buffer may hold ink */
  int                    last;
  int                    width, height; /* device px */
  int                    nx, ny;        /* cells */
  GskRenderNode        **nodes;         /* per cell, of the last frame; NULL: empty */
  gboolean               with_cairo;
  guint                  remade;
  guint                  shown;
};

HlCellLayer *
hl_cell_layer_new (void)
{
  return g_new0 (HlCellLayer, 1);
}

void
hl_cell_layer_reset (HlCellLayer *self)
{
  g_return_if_fail (self != NULL);

  for (int i = 0; self->nodes != NULL && i < self->nx * self->ny; i++)
    g_clear_pointer (&self->nodes[i], gsk_render_node_unref);
  g_clear_pointer (&self->nodes, g_free);
  g_clear_pointer (&self->buffers[0], cairo_surface_destroy);
  g_clear_pointer (&self->buffers[1], cairo_surface_destroy);
  self->width = self->height = self->nx = self->ny = 0;
}

void
hl_cell_layer_free (HlCellLayer *self)
{
  if (self == NULL)
    return;
  hl_cell_layer_reset (self);
  g_free (self);
}

guint
hl_cell_layer_get_remade (HlCellLayer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->remade;
}

guint
hl_cell_layer_get_shown (HlCellLayer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->shown;
}

GskRenderNode *
hl_cell_layer_node_of (cairo_surface_t *surface,
                       int              x,
                       int              y,
                       int              w,
                       int              h,
                       int              scale,
                       gboolean         with_cairo)
{
  int from_stride = cairo_image_surface_get_stride (surface);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w);
  const guchar *from;
  guchar *data;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT ((float) x / scale, (float) y / scale,
                                               (float) w / scale, (float) h / scale);
  GskRenderNode *node;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  from = cairo_image_surface_get_data (surface) + (gsize) y * from_stride + (gsize) x * 4;
  if (with_cairo)
    {
      /* GSK's cairo renderer paints a cairo node's surface as it is. The
       * pixels go into a surface that owns them: the node's recording
       * keeps a snapshot of it, and when this reference goes, cairo hands
       * the snapshot the memory. (A surface made for memory of our own
       * would be copied once more there.) */
      cairo_surface_t *part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr;

      stride = cairo_image_surface_get_stride (part);
      data = cairo_image_surface_get_data (part);
      for (int row = 0; row < h; row++)
        memcpy (data + (gsize) row * stride, from + (gsize) row * from_stride, (gsize) w * 4);
      cairo_surface_mark_dirty (part);
      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_source_surface (cr, part, x, y);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (part);
    }
  else
    {
      /* Other renderers upload a texture once; a copy of the pixels, not
       * cleared first: every row is copied. */
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      data = g_malloc ((gsize) stride * h);
      for (int row = 0; row < h; row++)
        memcpy (data + (gsize) row * stride, from + (gsize) row * from_stride, (gsize) w * 4);
      bytes = g_bytes_new_take (data, (gsize) stride * h);
      texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, stride);
      node = gsk_texture_node_new (texture, &bounds);
    }
  return node;
}

/* Whether the cell's pixels are the same in both buffers, and (@empty)
 * whether it holds nothing in the new one. */
static gboolean
cell_same (HlCellLayer *self,
           int          x,
           int          y,
           int          w,
           int          h,
           gboolean    *empty)
{
  cairo_surface_t *now = self->buffers[1 - self->last];
  cairo_surface_t *was = self->buffers[self->last];
  int stride = cairo_image_surface_get_stride (now);
  const guchar *a = cairo_image_surface_get_data (now) + (gsize) y * stride + (gsize) x * 4;
  const guchar *b = cairo_image_surface_get_data (was) + (gsize) y * stride + (gsize) x * 4;
  gboolean same = TRUE;

  for (int row = 0; row < h && same; row++)
    same = memcmp (a + (gsize) row * stride, b + (gsize) row * stride, (gsize) w * 4) == 0;
  *empty = TRUE;
  for (int row = 0; row < h && *empty && !same; row++)
    {
      const guint32 *p = (const guint32 *) (gconstpointer) (a + (gsize) row * stride);

      for (int col = 0; col < w; col++)
        if (p[col] != 0)
          {
            *empty = FALSE;
            break;
          }
    }
  return same;
}

static cairo_rectangle_int_t
rect_union (const cairo_rectangle_int_t *a,
            const cairo_rectangle_int_t *b)
{
  cairo_rectangle_int_t r;

  if (a->width <= 0 || a->height <= 0)
    return *b;
  if (b->width <= 0 || b->height <= 0)
    return *a;
  r.x = MIN (a->x, b->x);
  r.y = MIN (a->y, b->y);
  r.width = MAX (a->x + a->width, b->x + b->width) - r.x;
  r.height = MAX (a->y + a->height, b->y + b->height) - r.y;
  return r;
}

void
hl_cell_layer_snapshot (HlCellLayer                 *self,
                        GtkSnapshot                 *snapshot,
                        HlCellLayerDraw              draw,
                        gpointer                     data,
                        const cairo_rectangle_int_t *ink,
                        int                          width,
                        int                          height,
                        int                          scale,
                        gboolean                     with_cairo)
{
  cairo_surface_t *now;
  cairo_rectangle_int_t drawn = { 0, 0, 0, 0 }, check;
  int cx0, cy0, cx1, cy1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (scale >= 1);

  self->remade = 0;
  self->shown = 0;
  if (width <= 0 || height <= 0)
    return;
  if (width * scale != self->width || height * scale != self->height || with_cairo != self->with_cairo)
    {
      hl_cell_layer_reset (self);
      self->width = width * scale;
      self->height = height * scale;
      self->with_cairo = with_cairo;
      self->nx = (self->width + CELL - 1) / CELL;
      self->ny = (self->height + CELL - 1) / CELL;
      self->nodes = g_new0 (GskRenderNode *, (gsize) self->nx * self->ny);
      self->buffers[0] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
      self->buffers[1] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
      self->last = 0;
      memset (self->drawn, 0, sizeof self->drawn);
    }

  /* The new frame into the other buffer: cleared where it last held ink,
   * then drawn within @ink. */
  now = self->buffers[1 - self->last];
  {
    cairo_t *cr = cairo_create (now);
    const cairo_rectangle_int_t *old = &self->drawn[1 - self->last];

    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
    cairo_rectangle (cr, old->x, old->y, old->width, old->height);
    cairo_fill (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    if (draw != NULL && ink != NULL && ink->width > 0 && ink->height > 0)
      {
        int x0 = CLAMP (ink->x * scale, 0, self->width);
        int y0 = CLAMP (ink->y * scale, 0, self->height);
        int x1 = CLAMP ((ink->x + ink->width) * scale, 0, self->width);
        int y1 = CLAMP ((ink->y + ink->height) * scale, 0, self->height);

        /* @ink holds all @draw draws: no clip (a clip costs each shape a
         * mask of its own). */
        drawn = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
        cairo_scale (cr, scale, scale);
        draw (cr, data);
      }
    cairo_destroy (cr);
    cairo_surface_flush (now);
    cairo_surface_flush (self->buffers[self->last]);
    self->drawn[1 - self->last] = drawn;
  }

  /* Cells outside both frames' ink are empty in both. */
  check = rect_union (&drawn, &self->drawn[self->last]);
  if (check.width > 0 && check.height > 0)
    {
      cx0 = check.x / CELL;
      cy0 = check.y / CELL;
      cx1 = (check.x + check.width - 1) / CELL;
      cy1 = (check.y + check.height - 1) / CELL;
      for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++)
          {
            int x = cx * CELL, y = cy * CELL;
            int w = MIN (CELL, self->width - x), h = MIN (CELL, self->height - y);
            GskRenderNode **node = &self->nodes[cy * self->nx + cx];
            gboolean empty;

            if (cell_same (self, x, y, w, h, &empty))
              continue;
            g_clear_pointer (node, gsk_render_node_unref);
            if (!empty)
              *node = hl_cell_layer_node_of (now, x, y, w, h, scale, with_cairo);
            self->remade++;
          }
    }
  self->last = 1 - self->last;

  for (int i = 0; i < self->nx * self->ny; i++)
    if (self->nodes[i] != NULL)
      {
        gtk_snapshot_append_node (snapshot, self->nodes[i]);
        self->shown++;
      }
}
