/* hl-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <string.h>

#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-image-check.h"
#include "hl-photo.h"
#include "hl-progress-photo-io.h"
#include "hl-render-private.h"

/* Files read at once above this size are refused (a 100 MP JPEG is far
 * smaller; this only guards against reading absurd files). */
#define MAX_FILE_BYTES (512 * 1024 * 1024)
#define CHUNK (64 * 1024)

/* Halvings kept for drawing a large photo small: 2^12 = 4096 × smaller is
 * far past any photo's need. */
#define MAX_LEVELS 12

/* A photo whose pixels take more than this many bytes is given back to
 * the system on a thread of its own when its last reference goes:
 * unmapping a 24 MP photo's 96 MB and its halved copies held the calling
 * thread 10–15 ms (bench-photo-open: the editor's main thread, where a
 * newly opened photo replaces the one shown). */
#define FREE_ASIDE_BYTES (16u << 20)
/* How long such a photo waits before it is freed, µs (free_aside()). */
#define FREE_ASIDE_DELAY_US (500 * 1000)

/* Files above this size are hashed on a thread of their own while they
 * are decoded: SHA-256 of a 24 MP camera JPEG (≈ 10 MB) takes ≈ 30 ms,
 * which the first paint of the photo no longer waits for when a second
 * core is free. */
#define HASH_ASIDE_BYTES (1u << 20)

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
  /* The photo as a window will first draw it (hl_photo_prepare_view()):
   * at view_scale, offset by the fractions view_fx, view_fy of a pixel,
   * its top-left pixel at view_x, view_y. Also under the lock. */
  cairo_surface_t *view;
  double           view_scale, view_fx, view_fy;
  int              view_x, view_y;
};

typedef struct
{
  gsize    length;       /* bytes of the file */
  int      width, height;
  gboolean scalable;     /* a vector format, drawn at its nominal size */
  gboolean too_large;    /* over the pixel limit of its kind */
  gboolean claims_much;  /* more pixels than so few bytes can hold */
} Probe;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Probe *probe = user_data;
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  gint64 pixels = (gint64) width * height;

  probe->width = width;
  probe->height = height;
  probe->scalable = format != NULL && gdk_pixbuf_format_is_scalable (format);
  if (probe->scalable)
    probe->too_large = width <= 0 || height <= 0 || pixels > HL_PHOTO_MAX_VECTOR_PIXELS;
  else
    probe->too_large = pixels > HL_PHOTO_MAX_PIXELS;
  /* Few bytes claiming many pixels: no photo, and decoding it would take
   * the time and memory of a real one of that size. */
  probe->claims_much = !probe->scalable && pixels > HL_PHOTO_FREE_PIXELS &&
                       pixels > (gint64) probe->length * HL_PHOTO_MAX_PIXELS_PER_BYTE;
  if (probe->too_large || probe->claims_much)
    /* Decode nothing: a size of 0 × 0 stops the loader before it
     * allocates the image (as gdk_pixbuf_get_file_info() does). */
    gdk_pixbuf_loader_set_size (loader, 0, 0);
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

typedef struct
{
  const char *data;
  gsize       length;
  char       *sha256;   /* the result, 64 hex digits (owned) */
} HashJob;

static gpointer
hash_thread (gpointer user_data)
{
  HashJob *job = user_data;

  job->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) job->data, job->length);
  return NULL;
}

static void
set_open_error (const char  *path,
                int          saved,
                GError     **error)
{
  if (saved == ENOENT || saved == ENOTDIR)
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("photo not found: %s"), path);
  else if (saved == ELOOP)
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                 _("cannot open the photo %s: its symbolic links form a loop (%s)"),
                 path, g_strerror (saved));
  else
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("cannot open the photo %s: %s"),
                 path, g_strerror (saved));
}

/* Reads the file @path names, once: opened without waiting (a FIFO put in
 * its place would block an ordinary open until someone writes to it), its
 * type and size taken from the open descriptor (so what is checked is
 * what is read), then read to its end from that descriptor. */
static char *
read_photo_file (const char  *path,
                 const char  *name,
                 gsize       *length,
                 GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, done = 0;
  int fd, flags;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    {
      set_open_error (path, errno, error);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_open_error (path, errno, error);
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is not a photo file this program reads"), name);
      close (fd);
      return NULL;
    }
  /* A regular file: reads never wait for long, make them plain again. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  size = (gsize) st.st_size;
  data = g_try_malloc (size + 1);
  if (data == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is too large to hold in memory"), name);
      close (fd);
      return NULL;
    }
  /* What the file holds now, up to the size it had when opened. */
  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("cannot read the photo: %s: %s"),
                       path, g_strerror (saved));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  data[done] = '\0';
  *length = done;
  return g_steal_pointer (&data);
}

HlPhoto *
hl_photo_load (const char  *path,
               GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  data = read_photo_file (path, name, &length, error);
  if (data == NULL)
    return NULL;
  return decode (data, length, name, error);
}

static HlPhoto *decode_pixels (const char  *data,
                               gsize        length,
                               const char  *name,
                               GError     **error);

/* Decodes @length bytes of @data, named @name in messages, and hashes
 * them: a large file on a second thread while it decodes (the hash is
 * only needed once the photo is whole). */
static HlPhoto *
decode (const char  *data,
        gsize        length,
        const char  *name,
        GError     **error)
{
  HashJob job = { data, length, NULL };
  GThread *hasher = NULL;
  HlPhoto *photo;

  if (length > HASH_ASIDE_BYTES)
    hasher = g_thread_try_new ("hl-photo-hash", hash_thread, &job, NULL);
  photo = decode_pixels (data, length, name, error);
  if (hasher != NULL)
    g_thread_join (hasher);
  else if (photo != NULL)
    hash_thread (&job);
  if (photo != NULL)
    g_strlcpy (photo->sha256, job.sha256, sizeof photo->sha256);
  g_free (job.sha256);
  return photo;
}

/* Decodes @length bytes of @data, named @name in messages; the photo's
 * SHA-256 is left to the caller. */
static HlPhoto *
decode_pixels (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  GdkPixbuf *decoded;
  Probe probe = { .length = length };
  HlPhoto *photo;

  /* Animations are told from their structure before any decoder sees
   * them (some loaders warn about them first). */
  if (hl_image_check_animation (data, length))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s is an animation, not a photo"), name);
      return NULL;
    }

  /* A HEIF file cut short makes its loader warn before it fails: its
   * boxes say so first (the check reads no image data). */
  if (hl_image_check_is_heif (data, length) && !hl_image_check_complete (data, length, name, error))
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &probe);

  /* The loader reads the size from the header and asks (size-prepared)
   * before it decodes a pixel: a refused size stops here. */
  for (gsize off = 0; off < length && !probe.too_large && !probe.claims_much; off += CHUNK)
    {
      if (!gdk_pixbuf_loader_write (loader, (const guchar *) data + off, MIN (CHUNK, length - off), &local))
        break;
    }
  if (local == NULL)
    gdk_pixbuf_loader_close (loader, probe.too_large || probe.claims_much ? NULL : &local);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (probe.too_large && probe.scalable)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is a vector image of %d × %d (%.0f MP); the limit for vector images is %d MP"),
                   name, probe.width, probe.height,
                   (double) MAX (probe.width, 0) * MAX (probe.height, 0) / 1e6,
                   HL_PHOTO_MAX_VECTOR_PIXELS / 1000000);
      return NULL;
    }
  if (probe.too_large)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is %d × %d (%.0f MP); the limit is %d MP"),
                   name, probe.width, probe.height,
                   (double) probe.width * probe.height / 1e6, HL_PHOTO_MAX_PIXELS / 1000000);
      return NULL;
    }
  if (probe.claims_much)
    {
      g_autofree char *size = g_format_size ((guint64) length);

      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s claims %d × %d pixels in only %s: that is not a whole photo"),
                   name, probe.width, probe.height, size);
      return NULL;
    }

  if (g_error_matches (local, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PHOTO,
                   _("%s is not a photo this system can read (JPEG, PNG, WebP…)"), name);
      return NULL;
    }
  if (local != NULL)
    {
      /* A file cut short is called that rather than by the loader's words
       * ("Improper call to JPEG library in state 205"); only once its size
       * passed the checks above (size-prepared came), as the check decodes
       * it again. */
      if (probe.width <= 0 || hl_image_check_complete (data, length, name, error))
        g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: %s"),
                     name, local->message);
      return NULL;
    }

  /* Formats told apart only once decoded (an animated cursor...). */
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

  /* The loaders draw a file whose data stops early with blank or grey
   * rows and no error: the file's own structure says whether it was all
   * there. Checked once the size is known to be within bounds. */
  if (!hl_image_check_complete (data, length, name, error))
    return NULL;

  upright = gdk_pixbuf_apply_embedded_orientation (decoded);

  photo = g_new0 (HlPhoto, 1);
  g_mutex_init (&photo->lock);
  g_atomic_ref_count_init (&photo->ref_count);
  photo->width = gdk_pixbuf_get_width (upright);
  photo->height = gdk_pixbuf_get_height (upright);
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

static void
photo_free (HlPhoto *photo)
{
  cairo_surface_destroy (photo->surface);
  for (guint i = 0; i < MAX_LEVELS; i++)
    g_clear_pointer (&photo->levels[i], cairo_surface_destroy);
  g_clear_pointer (&photo->view, cairo_surface_destroy);
  g_mutex_clear (&photo->lock);
  g_free (photo);
}

static void
free_aside (gpointer data,
            gpointer user_data)
{
  /* Not at once: unmapping takes the process's memory map for 10–15 ms,
   * and every page the editor's main thread touches for the first time
   * meanwhile waits for it; the photo replacing this one is drawn in the
   * next frames, into new surfaces (bench-photo-open: the first paint's
   * frame took 12–17 ms of wall time for 5–8 ms of CPU). */
  g_usleep (FREE_ASIDE_DELAY_US);
  photo_free (data);
}

/* One thread that frees large photos, made on first use (shared with
 * GLib's other pools while idle). NULL if it cannot be made. */
static GThreadPool *
freeing_pool (void)
{
  static gsize made;
  static GThreadPool *pool;

  /* A NULL pool is an answer too (g_once_init_leave() takes no NULL). */
  if (g_once_init_enter (&made))
    {
      pool = g_thread_pool_new (free_aside, NULL, 1, FALSE, NULL);
      g_once_init_leave (&made, 1);
    }
  return pool;
}

void
hl_photo_unref (HlPhoto *photo)
{
  g_return_if_fail (photo != NULL);

  if (g_atomic_ref_count_dec (&photo->ref_count))
    {
      /* No one else holds it: its pixels may go on another thread. */
      if ((guint64) photo->width * photo->height * 4 > FREE_ASIDE_BYTES)
        {
          GThreadPool *pool = freeing_pool ();

          if (pool != NULL && g_thread_pool_push (pool, photo, NULL))
            return;
        }
      photo_free (photo);
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

void
hl_photo_prepare_levels (const HlPhoto *photo,
                         int            output_px)
{
  double level_scale;

  g_return_if_fail (photo != NULL);

  if (output_px > 0)
    hl_photo_get_surface_for_scale (photo, (double) output_px / MAX (MAX (photo->width, photo->height), 1),
                                    &level_scale);
}

/* Scales and offsets that agree to this much draw alike: the window asks
 * with the very numbers the loader computed, give or take rounding. */
#define VIEW_SCALE_EPSILON 1e-9
#define VIEW_OFFSET_EPSILON 1e-6

void
hl_photo_prepare_view (const HlPhoto *photo,
                       double         scale,
                       double         dx,
                       double         dy)
{
  HlPhoto *self = (HlPhoto *) photo;   /* the view is a cache */
  cairo_surface_t *view;
  int x, y;

  g_return_if_fail (photo != NULL);

  view = hl_render_photo_prepare (photo, scale, dx, dy, &x, &y);
  if (view == NULL)
    return;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->view, cairo_surface_destroy);
  self->view = view;
  self->view_scale = scale;
  self->view_fx = dx - x;
  self->view_fy = dy - y;
  self->view_x = x;
  self->view_y = y;
  g_mutex_unlock (&self->lock);
}

cairo_surface_t *
hl_photo_ref_view (const HlPhoto *photo,
                   double         scale,
                   double         dx,
                   double         dy,
                   int           *x,
                   int           *y)
{
  HlPhoto *self = (HlPhoto *) photo;
  cairo_surface_t *view = NULL;

  g_return_val_if_fail (photo != NULL, NULL);
  g_return_val_if_fail (x != NULL && y != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (self->view != NULL && fabs (scale - self->view_scale) <= VIEW_SCALE_EPSILON * self->view_scale &&
      isfinite (dx) && isfinite (dy) &&
      fabs ((dx - floor (dx)) - self->view_fx) <= VIEW_OFFSET_EPSILON &&
      fabs ((dy - floor (dy)) - self->view_fy) <= VIEW_OFFSET_EPSILON)
    {
      view = cairo_surface_reference (self->view);
      *x = (int) floor (dx);
      *y = (int) floor (dy);
    }
  g_mutex_unlock (&self->lock);
  return view;
}

guint
hl_photo_get_n_levels (const HlPhoto *photo)
{
  HlPhoto *self = (HlPhoto *) photo;
  guint n = 0;

  g_return_val_if_fail (photo != NULL, 0);

  g_mutex_lock (&self->lock);
  while (n < MAX_LEVELS && self->levels[n] != NULL)
    n++;
  g_mutex_unlock (&self->lock);
  return n;
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
  /* The treatment record's photos move with the views'. */
  hl_design_rebase_progress_photos (copy, from_path, to_path);

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
