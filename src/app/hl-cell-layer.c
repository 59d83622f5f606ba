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
  GArray                *drawn[2];     /* of cairo_rectangle_int_t, device px: where
                                          each buffer may hold ink */
  int                    last;
  int                    width, height; /* device px */
  int                    nx, ny;        /* cells */
  GskRenderNode        **nodes;         /* per cell, of the last frame; NULL: empty */
  gboolean               with_cairo;
  guint                  remade;
  guint                  shown;
  gboolean               fresh;         /* reset since the last frame: all of the ink is
                                          compared, whatever the boxes say */
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
  g_clear_pointer (&self->drawn[0], g_array_unref);
  g_clear_pointer (&self->drawn[1], g_array_unref);
  self->fresh = TRUE;
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

/* The pixels of a cairo node's tile: an image surface over memory of its
 * own, shared by the raster source patterns that hand it out (atomic
 * references: GSK may free nodes on another thread). */
typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
} Part;

static void
part_clear (gpointer data)
{
  Part *part = data;

  cairo_surface_destroy (part->surface);
  g_free (part->data);
}

static cairo_surface_t *
part_acquire (cairo_pattern_t             *pattern,
              void                        *part,
              cairo_surface_t             *target,
              const cairo_rectangle_int_t *extents)
{
  return cairo_surface_reference (((Part *) part)->surface);
}

static void
part_release (cairo_pattern_t *pattern,
              void            *part,
              cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
part_copy (cairo_pattern_t       *pattern,
           void                  *part,
           const cairo_pattern_t *other)
{
  g_atomic_rc_box_acquire (part);
  return CAIRO_STATUS_SUCCESS;
}

static void
part_finish (cairo_pattern_t *pattern,
             void            *part)
{
  g_atomic_rc_box_release_full (part, part_clear);
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
  /* A copy of the pixels, not cleared first: every row is copied. */
  data = g_malloc ((gsize) stride * h);
  for (int row = 0; row < h; row++)
    memcpy (data + (gsize) row * stride, from + (gsize) row * from_stride, (gsize) w * 4);
  if (with_cairo)
    {
      /* GSK's cairo renderer paints a cairo node's surface (a recording)
       * as it is. The recording holds the part as a raster source that
       * hands out the part itself: a surface source would be a snapshot,
       * which cairo 1.16 copies once the part goes (36k instructions a
       * tile, against 2k). */
      Part *part = g_atomic_rc_box_new (Part);
      cairo_pattern_t *source;
      cairo_matrix_t at;
      cairo_t *cr;

      part->data = data;
      part->surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, w, h, stride);
      source = cairo_pattern_create_raster_source (part, CAIRO_CONTENT_COLOR_ALPHA, w, h);
      cairo_raster_source_pattern_set_acquire (source, part_acquire, part_release);
      cairo_raster_source_pattern_set_copy (source, part_copy);
      cairo_raster_source_pattern_set_finish (source, part_finish);
      cairo_matrix_init_translate (&at, -x, -y);
      cairo_pattern_set_matrix (source, &at);
      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_scale (cr, 1.0 / scale, 1.0 / scale);
      cairo_set_source (cr, source);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_pattern_destroy (source);
    }
  else
    {
      /* Other renderers upload a texture once. */
      g_autoptr(GBytes) bytes = g_bytes_new_take (data, (gsize) stride * h);
      g_autoptr(GdkTexture) texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, stride);

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

/* @r (widget px) in device px, within the layer; FALSE when empty. */
static gboolean
device_rect (HlCellLayer                 *self,
             const cairo_rectangle_int_t *r,
             int                          scale,
             cairo_rectangle_int_t       *out)
{
  int x0 = CLAMP (r->x * scale, 0, self->width);
  int y0 = CLAMP (r->y * scale, 0, self->height);
  int x1 = CLAMP ((r->x + r->width) * scale, 0, self->width);
  int y1 = CLAMP ((r->y + r->height) * scale, 0, self->height);

  if (!(r->width > 0 && r->height > 0 && x1 > x0 && y1 > y0))
    return FALSE;
  *out = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* Marks the cells @r (device px) meets in @mask. */
static void
mark_cells (HlCellLayer                 *self,
            const cairo_rectangle_int_t *r,
            guint8                      *mask)
{
  for (int cy = r->y / CELL; cy <= (r->y + r->height - 1) / CELL; cy++)
    memset (&mask[cy * self->nx + r->x / CELL], 1, (r->x + r->width - 1) / CELL - r->x / CELL + 1);
}

/* Whether the pixels of @r (device px) differ between the two buffers. */
static gboolean
rect_differs (HlCellLayer                 *self,
              const cairo_rectangle_int_t *r)
{
  cairo_surface_t *now = self->buffers[1 - self->last];
  int stride = cairo_image_surface_get_stride (now);
  gsize at = (gsize) r->y * stride + (gsize) r->x * 4;
  const guchar *a = cairo_image_surface_get_data (now) + at;
  const guchar *b = cairo_image_surface_get_data (self->buffers[self->last]) + at;

  for (int row = 0; row < r->height; row++)
    if (memcmp (a + (gsize) row * stride, b + (gsize) row * stride, (gsize) r->width * 4) != 0)
      return TRUE;
  return FALSE;
}

void
hl_cell_layer_snapshot (HlCellLayer                 *self,
                        GtkSnapshot                 *snapshot,
                        HlCellLayerDraw              draw,
                        gpointer                     data,
                        const cairo_rectangle_int_t *ink,
                        GArray                      *boxes,
                        int                          width,
                        int                          height,
                        int                          scale,
                        gboolean                     with_cairo)
{
  cairo_surface_t *now;
  GArray *drawn, *last_drawn;
  g_autofree guint8 *check = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (scale >= 1);
  g_return_if_fail (boxes == NULL || g_array_get_element_size (boxes) == sizeof (cairo_rectangle_int_t));

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
      self->drawn[0] = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
      self->drawn[1] = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));
      self->last = 0;
    }

  /* The new frame into the other buffer: cleared where it last held ink,
   * then drawn within @ink. */
  now = self->buffers[1 - self->last];
  drawn = self->drawn[1 - self->last];
  last_drawn = self->drawn[self->last];
  {
    cairo_t *cr = cairo_create (now);
    cairo_rectangle_int_t r;

    cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
    for (guint i = 0; i < drawn->len; i++)
      {
        const cairo_rectangle_int_t *old = &g_array_index (drawn, cairo_rectangle_int_t, i);

        cairo_rectangle (cr, old->x, old->y, old->width, old->height);
      }
    cairo_fill (cr);
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    g_array_set_size (drawn, 0);
    if (draw != NULL && ink != NULL && device_rect (self, ink, scale, &r))
      {
        /* Where it draws: each of @boxes within @ink, or all of @ink. */
        if (boxes != NULL && !self->fresh)
          {
            for (guint i = 0; i < boxes->len; i++)
              {
                cairo_rectangle_int_t b;

                if (device_rect (self, &g_array_index (boxes, cairo_rectangle_int_t, i), scale, &b))
                  g_array_append_val (drawn, b);
              }
          }
        else
          g_array_append_val (drawn, r);
        /* @ink holds all @draw draws: no clip (a clip costs each shape a
         * mask of its own). */
        cairo_scale (cr, scale, scale);
        draw (cr, data);
      }
    cairo_destroy (cr);
    cairo_surface_flush (now);
    cairo_surface_flush (self->buffers[self->last]);
  }

  /* Only where either frame drew can a cell differ. A small box is
   * compared whole (a hundred handles, each a few cells at most, cost
   * less than their cells), and its cells checked when it differs; a
   * large one's cells are all checked. */
  check = g_new0 (guint8, (gsize) self->nx * self->ny);
  for (guint k = 0; k < 2; k++)
    {
      GArray *list = k == 0 ? drawn : last_drawn;

      for (guint i = 0; i < list->len; i++)
        {
          const cairo_rectangle_int_t *b = &g_array_index (list, cairo_rectangle_int_t, i);

          if ((gint64) b->width * b->height > CELL * CELL || rect_differs (self, b))
            mark_cells (self, b, check);
        }
    }
  for (int cy = 0; cy < self->ny; cy++)
    for (int cx = 0; cx < self->nx; cx++)
      {
        int x = cx * CELL, y = cy * CELL;
        int w = MIN (CELL, self->width - x), h = MIN (CELL, self->height - y);
        GskRenderNode **node = &self->nodes[cy * self->nx + cx];
        gboolean empty;

        if (!check[cy * self->nx + cx] || cell_same (self, x, y, w, h, &empty))
          continue;
        g_clear_pointer (node, gsk_render_node_unref);
        if (!empty)
          *node = hl_cell_layer_node_of (now, x, y, w, h, scale, with_cairo);
        self->remade++;
      }
  self->last = 1 - self->last;
  self->fresh = FALSE;

  for (int i = 0; i < self->nx * self->ny; i++)
    if (self->nodes[i] != NULL)
      {
        gtk_snapshot_append_node (snapshot, self->nodes[i]);
        self->shown++;
      }
}
