/* hl-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <math.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-photo.h"

/* Files read at once above this size are refused (a 100 MP JPEG is far
 * smaller; this only guards against reading absurd files). */
#define MAX_FILE_BYTES (512 * 1024 * 1024)
#define CHUNK (64 * 1024)

/* Halvings kept for drawing a large photo small: 2^12 = 4096 × smaller is
 * far past any photo's need. */
#define MAX_LEVELS 12

struct _HlPhoto
{
  gatomicrefcount  ref_count;
  int              width, height;
  char             sha256[65];
  cairo_surface_t *surface;
  /* levels[k]: the photo at 1/2^(k+1) of its size, made on first use;
   * the photo is otherwise immutable, so the lock guards them alone. */
  GMutex           lock;
  cairo_surface_t *levels[MAX_LEVELS];
};

typedef struct
{
  int      width, height;
  gboolean too_large;
} Probe;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Probe *probe = user_data;
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  gint64 limit = format != NULL && gdk_pixbuf_format_is_scalable (format)
               ? HL_PHOTO_MAX_VECTOR_PIXELS : HL_PHOTO_MAX_PIXELS;

  probe->width = width;
  probe->height = height;
  if ((gint64) width * height > limit)
    {
      probe->too_large = TRUE;
      /* Decode nothing: ask for a 1 × 1 image while we bail out. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

/* An animated WebP (VP8X header with its animation flag): every frame is
 * composed on the whole canvas, so a few bytes a frame cost the canvas's
 * pixels each. */
static gboolean
is_animated_webp (const char *data,
                  gsize       length)
{
  return length >= 21 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBPVP8X", 8) == 0 &&
         ((guchar) data[20] & 0x02) != 0;
}

/* An IEND chunk among the last bytes (some writers add a little after it). */
static gboolean
has_png_end (const char *data,
             gsize       length)
{
  gsize from = length > 1024 ? length - 1024 : 8;

  for (gsize i = from; i + 4 <= length; i++)
    if (memcmp (data + i, "IEND", 4) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_jpeg_end (const char *data,
              gsize       length)
{
  for (gsize i = length; i-- > 3;)
    if ((guchar) data[i - 1] == 0xff && (guchar) data[i] == 0xd9)
      return TRUE;
  return FALSE;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int w = gdk_pixbuf_get_width (pixbuf);
  int h = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  int dst_stride;
  guchar *dst;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  dst_stride = cairo_image_surface_get_stride (surface);
  dst = cairo_image_surface_get_data (surface);
  cairo_surface_flush (surface);

  for (int y = 0; y < h; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < w; x++, s += channels)
        {
          guint r = s[0], g = s[1], b = s[2];

          if (channels == 4)
            {
              /* Flatten transparency onto white: photos are opaque. */
              guint a = s[3];

              r = (r * a + 255 * (255 - a) + 127) / 255;
              g = (g * a + 255 * (255 - a) + 127) / 255;
              b = (b * a + 255 * (255 - a) + 127) / 255;
            }
          d[x] = 0xff000000u | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}

static HlPhoto *decode (const char  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error);

HlPhoto *
hl_photo_load (const char  *path,
               GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  Probe probe = { 0 };
  GdkPixbufFormat *format;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT || saved == ENOTDIR)
        g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("photo not found: %s"), path);
      else if (saved == ELOOP)
        g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                     _("cannot open the photo %s: its symbolic links form a loop (%s)"),
                     path, g_strerror (saved));
      else
        g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("cannot open the photo %s: %s"),
                     path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is not a photo file this program reads"), name);
      return NULL;
    }
  /* Only the header is read here: a huge photo is refused before any
   * decoder allocates its pixels. */
  format = gdk_pixbuf_get_file_info (path, &probe.width, &probe.height);
  if (format == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is not a photo this system can read (JPEG, PNG, WebP…)"), name);
      return NULL;
    }
  if (gdk_pixbuf_format_is_scalable (format) &&
      (probe.width <= 0 || probe.height <= 0 ||
       (gint64) probe.width * probe.height > HL_PHOTO_MAX_VECTOR_PIXELS))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is a vector image of %d × %d (%.0f MP); the limit for vector images is %d MP"),
                   name, probe.width, probe.height,
                   (double) MAX (probe.width, 0) * MAX (probe.height, 0) / 1e6,
                   HL_PHOTO_MAX_VECTOR_PIXELS / 1000000);
      return NULL;
    }
  if ((gint64) probe.width * probe.height > HL_PHOTO_MAX_PIXELS)
    probe.too_large = TRUE;
  if (probe.too_large)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is %d × %d (%.0f MP); the limit is %d MP"),
                   name, probe.width, probe.height,
                   (double) probe.width * probe.height / 1e6, HL_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }

  /* Few bytes claiming many pixels: no photo, and decoding it would take
   * the time and memory of a real one of that size. */
  if ((gint64) probe.width * probe.height > HL_PHOTO_FREE_PIXELS &&
      (gint64) probe.width * probe.height > (gint64) st.st_size * HL_PHOTO_MAX_PIXELS_PER_BYTE)
    {
      g_autofree char *size = g_format_size ((guint64) st.st_size);

      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s claims %d × %d pixels in only %s: that is not a whole photo"),
                   name, probe.width, probe.height, size);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("cannot read the photo: %s"), local->message);
      return NULL;
    }

  return decode (data, length, name, error);
}

/* Decodes @length bytes of @data, named @name in messages. */
static HlPhoto *
decode (const char  *data,
        gsize        length,
        const char  *name,
        GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  GdkPixbuf *decoded;
  Probe probe = { 0 };
  HlPhoto *photo;

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  /* libjpeg fills a cut-off JPEG with grey and calls it a success: a JPEG
   * must hold its end-of-image marker. */
  if (length >= 3 && (guchar) data[0] == 0xff && (guchar) data[1] == 0xd8 && (guchar) data[2] == 0xff &&
      !has_jpeg_end (data, length))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the JPEG data is cut short"), name);
      return NULL;
    }

  /* gdk-pixbuf's PNG loader also takes a cut-off file for a whole one
   * (the missing rows come out blank): a PNG must hold its IEND chunk. */
  if (length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 && !has_png_end (data, length))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the PNG data is cut short"), name);
      return NULL;
    }

  if (is_animated_webp (data, length))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is an animation, not a photo"), name);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &probe);

  for (gsize off = 0; off < length && !probe.too_large; off += CHUNK)
    {
      if (!gdk_pixbuf_loader_write (loader, (const guchar *) data + off, MIN (CHUNK, length - off), &local))
        break;
    }

  if (probe.too_large)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is %d × %d (%.0f MP); the limit is %d MP"),
                   name, probe.width, probe.height,
                   (double) probe.width * probe.height / 1e6, HL_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }

  if (local != NULL || !gdk_pixbuf_loader_close (loader, &local))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: %s"),
                   name, local != NULL ? local->message : _("unknown format"));
      return NULL;
    }

  /* GIF frames are decoded when the loader closes, each from its own
   * bytes (LZW gives at most a few thousand pixels a byte): bounded by the
   * file's size, but no photo. */
  {
    GdkPixbufAnimation *animation = gdk_pixbuf_loader_get_animation (loader);

    if (animation != NULL && !gdk_pixbuf_animation_is_static_image (animation))
      {
        g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is an animation, not a photo"), name);
        return NULL;
      }
  }

  decoded = gdk_pixbuf_loader_get_pixbuf (loader);
  if (decoded == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo"), name);
      return NULL;
    }

  upright = gdk_pixbuf_apply_embedded_orientation (decoded);

  photo = g_new0 (HlPhoto, 1);
  g_mutex_init (&photo->lock);
  g_atomic_ref_count_init (&photo->ref_count);
  photo->width = gdk_pixbuf_get_width (upright);
  photo->height = gdk_pixbuf_get_height (upright);
  g_strlcpy (photo->sha256, sha, sizeof photo->sha256);
  photo->surface = surface_from_pixbuf (upright);

  if (cairo_surface_status (photo->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is too large to hold in memory"), name);
      hl_photo_unref (photo);
      return NULL;
    }

  return photo;
}

HlPhoto *
hl_photo_load_bytes (GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length < 8 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is not a PNG image"), name);
      return NULL;
    }
  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is not a photo this program reads"), name);
      return NULL;
    }
  return decode (data, length, name, error);
}

HlPhoto *
hl_photo_new_for_chart (const char  *chart,
                        GError     **error)
{
  HlHeadChart which;
  g_autoptr(GChecksum) checksum = NULL;
  HlPhoto *photo;
  const guchar *data;
  int stride;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hl_head_chart_from_string (chart, &which))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("unknown head chart “%s” (front, top, left, right or back)"), chart);
      return NULL;
    }

  photo = g_new0 (HlPhoto, 1);
  g_mutex_init (&photo->lock);
  g_atomic_ref_count_init (&photo->ref_count);
  photo->surface = hl_head_chart_render (which, 1.0);
  photo->width = cairo_image_surface_get_width (photo->surface);
  photo->height = cairo_image_surface_get_height (photo->surface);
  if (cairo_surface_status (photo->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("head chart “%s” is too large to hold in memory"), chart);
      hl_photo_unref (photo);
      return NULL;
    }

  /* The hash of the pixels, row by row, without the stride's padding. */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  data = cairo_image_surface_get_data (photo->surface);
  stride = cairo_image_surface_get_stride (photo->surface);
  for (int y = 0; y < photo->height; y++)
    g_checksum_update (checksum, data + (gsize) y * stride, (gssize) photo->width * 4);
  g_strlcpy (photo->sha256, g_checksum_get_string (checksum), sizeof photo->sha256);

  return photo;
}

HlPhoto *
hl_photo_ref (HlPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, NULL);

  g_atomic_ref_count_inc (&photo->ref_count);
  return photo;
}

void
hl_photo_unref (HlPhoto *photo)
{
  g_return_if_fail (photo != NULL);

  if (g_atomic_ref_count_dec (&photo->ref_count))
    {
      cairo_surface_destroy (photo->surface);
      for (guint i = 0; i < MAX_LEVELS; i++)
        g_clear_pointer (&photo->levels[i], cairo_surface_destroy);
      g_mutex_clear (&photo->lock);
      g_free (photo);
    }
}

int
hl_photo_get_width (const HlPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, 0);
  return photo->width;
}

int
hl_photo_get_height (const HlPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, 0);
  return photo->height;
}

const char *
hl_photo_get_sha256 (const HlPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, NULL);
  return photo->sha256;
}

cairo_surface_t *
hl_photo_get_surface (const HlPhoto *photo)
{
  g_return_val_if_fail (photo != NULL, NULL);
  return photo->surface;
}

/* @source at half its size, each pixel the mean of a 2 × 2 block. */
static cairo_surface_t *
halve (cairo_surface_t *source)
{
  int w = MAX (cairo_image_surface_get_width (source) / 2, 1);
  int h = MAX (cairo_image_surface_get_height (source) / 2, 1);
  cairo_surface_t *half = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (half);

  cairo_scale (cr, 0.5, 0.5);
  cairo_set_source_surface (cr, source, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_destroy (cr);
  return half;
}

cairo_surface_t *
hl_photo_get_surface_for_scale (const HlPhoto *photo,
                                double         scale,
                                double        *level_scale)
{
  HlPhoto *self = (HlPhoto *) photo;   /* the levels are a cache */
  cairo_surface_t *surface = NULL;
  guint level = 0;

  g_return_val_if_fail (photo != NULL, NULL);
  g_return_val_if_fail (level_scale != NULL, NULL);

  /* The smallest level with at least as many pixels as the target. */
  while (level < MAX_LEVELS && scale > 0 && scale <= ldexp (1.0, -(int) (level + 1)) &&
         MIN (photo->width, photo->height) >> (level + 1) >= 1)
    level++;

  *level_scale = ldexp (1.0, -(int) level);
  if (level == 0)
    return photo->surface;

  g_mutex_lock (&self->lock);
  for (guint k = 0; k < level; k++)
    if (self->levels[k] == NULL)
      self->levels[k] = halve (k == 0 ? self->surface : self->levels[k - 1]);
  surface = self->levels[level - 1];
  g_mutex_unlock (&self->lock);
  return surface;
}

gboolean
hl_photo_matches (const HlPhoto    *photo,
                  const HlPhotoRef *ref,
                  GError          **error)
{
  g_return_val_if_fail (photo != NULL, FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  if (ref->sha256 != NULL && strcmp (ref->sha256, photo->sha256) != 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("the photo changed since the design was made (its SHA-256 differs)"));
      return FALSE;
    }

  if ((ref->width > 0 && ref->width != photo->width) ||
      (ref->height > 0 && ref->height != photo->height))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("the photo changed since the design was made (%d × %d, the design expects %d × %d)"),
                   photo->width, photo->height, ref->width, ref->height);
      return FALSE;
    }

  return TRUE;
}

char *
hl_photo_resolve_path (const char *design_path,
                       const char *photo_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (photo_path != NULL, NULL);

  if (g_path_is_absolute (photo_path) || design_path == NULL)
    return g_strdup (photo_path);

  dir = g_path_get_dirname (design_path);
  return g_build_filename (dir, photo_path, NULL);
}

char *
hl_photo_relative_path (const char *design_path,
                        const char *photo_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) dir_file = NULL;
  g_autoptr(GFile) photo_file = NULL;
  char *relative;

  g_return_val_if_fail (photo_path != NULL, NULL);

  if (design_path == NULL || !g_path_is_absolute (photo_path))
    return g_strdup (photo_path);

  dir = g_path_get_dirname (design_path);
  dir_file = g_file_new_for_path (dir);
  photo_file = g_file_new_for_path (photo_path);
  relative = g_file_get_relative_path (dir_file, photo_file);

  return relative != NULL ? relative : g_strdup (photo_path);
}

HlDesign *
hl_design_rebase_photos (const HlDesign *design,
                         const char     *from_path,
                         const char     *to_path)
{
  HlDesign *copy;

  g_return_val_if_fail (design != NULL, NULL);

  copy = hl_design_copy (design);
  for (guint i = 0; i < hl_design_get_n_views (design); i++)
    {
      const HlView *view = hl_design_get_view (design, i);
      g_autofree char *absolute = NULL;
      g_autofree char *rebased = NULL;
      g_autoptr(HlView) moved = NULL;

      if (view->photo.path == NULL)
        continue;

      /* Resolved, then made absolute and canonical ("a/../b" folded)
       * through GFile. */
      {
        g_autofree char *resolved = hl_photo_resolve_path (from_path, view->photo.path);
        g_autoptr(GFile) file = g_file_new_for_path (resolved);

        absolute = g_file_get_path (file);
      }
      if (to_path != NULL)
        {
          g_autoptr(GFile) target = g_file_new_for_path (to_path);
          g_autofree char *target_abs = g_file_get_path (target);

          rebased = hl_photo_relative_path (target_abs, absolute);
        }
      else
        rebased = g_strdup (absolute);
      if (g_strcmp0 (rebased, view->photo.path) == 0)
        continue;

      moved = hl_view_copy (view);
      hl_view_set_photo (moved, rebased, view->photo.sha256, view->photo.width, view->photo.height);
      hl_design_replace_view (copy, i, moved);
    }

  return copy;
}

HlPhoto *
hl_design_load_view_photo (const HlDesign  *design,
                           guint            index,
                           const char      *design_path,
                           GError         **warning,
                           GError         **error)
{
  g_autofree char *path = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GError) local = NULL;
  const HlView *view;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (index < hl_design_get_n_views (design), NULL);
  g_return_val_if_fail (warning == NULL || *warning == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  view = hl_design_get_view (design, index);
  if (view->photo.chart != NULL)
    {
      photo = hl_photo_new_for_chart (view->photo.chart, &local);
      if (photo == NULL)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, "views[%u].photo.chart: %s", index, local->message);
          return NULL;
        }
      if (!hl_photo_matches (photo, &view->photo, &local))
        g_set_error (warning, HL_ERROR, HL_ERROR_PHOTO, "views[%u].photo.chart: %s: %s",
                     index, view->photo.chart, local->message);
      return g_steal_pointer (&photo);
    }
  if (view->photo.path == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("views[%u].photo: view \"%s\" has no photo"), index, view->name);
      return NULL;
    }

  path = design_path != NULL ? hl_photo_resolve_path (design_path, view->photo.path)
                             : g_strdup (view->photo.path);
  photo = hl_photo_load (path, &local);
  if (photo == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, "views[%u].photo.path: %s", index, local->message);
      return NULL;
    }

  if (!hl_photo_matches (photo, &view->photo, &local))
    g_set_error (warning, HL_ERROR, HL_ERROR_PHOTO, "views[%u].photo.path: %s: %s",
                 index, path, local->message);

  return g_steal_pointer (&photo);
}
