/* hl-loupe.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-loupe"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-loupe.h"

/* What the square shows; the references keep pointers meaningful. */
typedef struct
{
  HlPhoto         *photo;
  HlView          *view;
  GArray          *dots;
  HlRenderOptions  options;
  HlPoint          at;
  double           zoom;
  int              size;    /* device px */
  int              scale;
} Key;

struct _HlLoupe
{
  cairo_surface_t *square;  /* size × size device px, ARGB32 */
  Key              key;
  guint            renders;
};

HlLoupe *
hl_loupe_new (void)
{
  return g_new0 (HlLoupe, 1);
}

static void
clear_key (Key *key)
{
  g_clear_pointer (&key->photo, hl_photo_unref);
  g_clear_pointer (&key->view, hl_view_unref);
  g_clear_pointer (&key->dots, g_array_unref);
  memset (key, 0, sizeof *key);
}

void
hl_loupe_drop (HlLoupe *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->square, cairo_surface_destroy);
  clear_key (&self->key);
}

void
hl_loupe_free (HlLoupe *self)
{
  if (self == NULL)
    return;
  hl_loupe_drop (self);
  g_free (self);
}

double
hl_loupe_zoom_for (double zoom,
                   int    scale)
{
  double full = 1.0 / MAX (scale, 1);   /* one image px per device px */

  return CLAMP (HL_LOUPE_MAGNIFICATION * zoom, full, HL_LOUPE_MAX_ZOOM);
}

static gboolean
same_options (const HlRenderOptions *a,
              const HlRenderOptions *b)
{
  return a->stage == b->stage && a->overlays == b->overlays && !a->show_photo == !b->show_photo &&
         !a->show_dots == !b->show_dots && a->sessions == b->sessions;
}

static gboolean
key_matches (const Key       *key,
             HlPhoto         *photo,
             const HlView    *view,
             GArray          *dots,
             const HlRenderOptions *options,
             HlPoint          at,
             double           zoom,
             int              size,
             int              scale)
{
  return key->photo == photo && key->view == view && key->dots == dots &&
         same_options (&key->options, options) && key->at.x == at.x && key->at.y == at.y &&
         key->zoom == zoom && key->size == size && key->scale == scale;
}

/* The square around @at: the background the canvas has outside the
 * photo, then the photo, dots and lines through the renderer. Only dots
 * that touch the square are drawn (hl_render_view skips the others). */
static void
render_square (HlLoupe               *self,
               HlPhoto               *photo,
               const HlView          *view,
               GArray                *dots,
               const HlRenderOptions *options,
               HlPoint                at,
               double                 zoom,
               int                    size,
               int                    scale)
{
  double device_zoom = zoom * scale;
  cairo_t *cr;

  if (self->square == NULL || cairo_image_surface_get_width (self->square) != size)
    {
      g_clear_pointer (&self->square, cairo_surface_destroy);
      self->square = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
    }
  cr = cairo_create (self->square);
  cairo_set_source_rgb (cr, 0.17, 0.17, 0.17);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);

  hl_render_view (self->square, device_zoom, size / 2.0 - at.x * device_zoom, size / 2.0 - at.y * device_zoom,
                  photo, view, dots != NULL ? (const HlDot *) (gconstpointer) dots->data : NULL,
                  dots != NULL ? dots->len : 0, options);
  self->renders++;

  clear_key (&self->key);
  self->key.photo = photo != NULL ? hl_photo_ref (photo) : NULL;
  self->key.view = hl_view_ref ((HlView *) view);
  self->key.dots = dots != NULL ? g_array_ref (dots) : NULL;
  self->key.options = *options;
  self->key.options.mark = NULL;
  self->key.at = at;
  self->key.zoom = zoom;
  self->key.size = size;
  self->key.scale = scale;
}

void
hl_loupe_draw (HlLoupe               *self,
               cairo_t               *cr,
               double                 cx,
               double                 cy,
               double                 radius,
               int                    scale,
               HlPoint                at,
               double                 zoom,
               gboolean               mirror,
               HlPhoto               *photo,
               const HlView          *view,
               GArray                *dots,
               const HlRenderOptions *options)
{
  int size;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL && view != NULL && options != NULL);

  scale = MAX (scale, 1);
  size = (int) ceil (2 * radius * scale) + 2;
  if (radius <= 0 || !(zoom > 0))
    return;
  if (self->square == NULL || !key_matches (&self->key, photo, view, dots, options, at, zoom, size, scale))
    render_square (self, photo, view, dots, options, at, zoom, size, scale);

  cairo_save (cr);
  cairo_translate (cr, cx, cy);

  /* A soft shadow lifts the loupe off the design. */
  cairo_arc (cr, 0, 2, radius + 3, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_arc (cr, 0, 0, radius, 0, 2 * G_PI);
  cairo_clip (cr);
  if (mirror)
    cairo_scale (cr, -1, 1);
  cairo_scale (cr, 1.0 / scale, 1.0 / scale);
  cairo_set_source_surface (cr, self->square, -size / 2.0, -size / 2.0);
  /* Device px onto device px: no resampling. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);

  /* The rim: white on a dark edge, readable on skin and on hair. */
  cairo_arc (cr, 0, 0, radius, 0, 2 * G_PI);
  cairo_set_line_width (cr, 4);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

guint
hl_loupe_get_renders (HlLoupe *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->renders;
}
