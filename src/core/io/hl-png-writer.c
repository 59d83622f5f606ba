/* hl-png-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-error.h"
#include "hl-png-writer.h"

typedef struct
{
  char     message[256];
  gboolean cancelled;     /* stopped through the GCancellable */
} WriteError;

/* Rows encoded between two looks at the GCancellable: a 8192 px wide row
 * takes about 0.1 ms, so a Stop is obeyed within a few milliseconds. */
#define CANCEL_CHECK_ROWS 32

static void
on_png_error (png_structp       png,
              png_const_charp   message)
{
  WriteError *err = png_get_error_ptr (png);

  g_strlcpy (err->message, message, sizeof err->message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp     png,
                png_const_charp message)
{
}

/* One text chunk @key = @utf8 in *@text. tEXt holds Latin-1 only, so text
 * that has a Latin-1 form goes there (converted into *@latin1, which the
 * caller frees after writing) and any other text goes to an iTXt chunk as
 * UTF-8: never a '?' in place of a character. */
static void
set_text (png_text    *text,
          const char  *key,
          const char  *utf8,
          char       **latin1)
{
  char *converted = NULL;

  text->key = (png_charp) key;
  if (latin1 != NULL)
    converted = g_convert (utf8, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  if (latin1 == NULL || converted != NULL)
    {
      text->compression = PNG_TEXT_COMPRESSION_NONE;
      text->text = (png_charp) (converted != NULL ? converted : utf8);
      if (latin1 != NULL)
        *latin1 = converted;
    }
  else
    {
      text->compression = PNG_ITXT_COMPRESSION_NONE;
      text->text = (png_charp) utf8;
      text->lang = (png_charp) "";
      text->lang_key = (png_charp) "";
    }
}

struct _HlPngStream
{
  HlAtomicFile *file;
  png_structp   png;
  png_infop     info;
  GCancellable *cancellable;   /* owned, may be NULL */
  guint8       *row;           /* one RGB row */
  int           width;
  int           height;
  int           rows_done;
  WriteError    err;
};

/* Everything that touches libpng at the start, kept free of locals that
 * setjmp could clobber: the stream owns the file and the row buffer. */
static gboolean
start_png (HlPngStream        *stream,
           const HlPngOptions *options)
{
  WriteError *err = &stream->err;
  png_text text[3];
  int n_text = 0;
  g_autofree char *software = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *description_latin1 = NULL;
  g_autofree char *comment_latin1 = NULL;

  stream->png = png_create_write_struct (PNG_LIBPNG_VER_STRING, err, on_png_error, on_png_warning);
  if (stream->png == NULL)
    {
      g_strlcpy (err->message, _("out of memory"), sizeof err->message);
      return FALSE;
    }
  stream->info = png_create_info_struct (stream->png);
  if (stream->info == NULL)
    {
      g_strlcpy (err->message, _("out of memory"), sizeof err->message);
      return FALSE;
    }

  if (setjmp (png_jmpbuf (stream->png)))
    return FALSE;

  png_init_io (stream->png, hl_atomic_file_get_stream (stream->file));
  png_set_compression_level (stream->png, options != NULL && options->level >= 0 ? options->level : 4);
  png_set_filter (stream->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB | PNG_FILTER_UP | PNG_FILTER_PAETH);
  png_set_IHDR (stream->png, stream->info, (png_uint_32) stream->width, (png_uint_32) stream->height, 8,
                PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                PNG_FILTER_TYPE_DEFAULT);
  png_set_sRGB_gAMA_and_cHRM (stream->png, stream->info, PNG_sRGB_INTENT_PERCEPTUAL);

  if (options != NULL && options->mm_per_px > 0.0)
    {
      double ppm = floor (1000.0 / options->mm_per_px + 0.5);

      if (ppm >= 1 && ppm < 4294967295.0)
        png_set_pHYs (stream->png, stream->info, (png_uint_32) ppm, (png_uint_32) ppm, PNG_RESOLUTION_METER);
    }

  memset (text, 0, sizeof text);
  set_text (&text[n_text++], "Software", software, NULL);
  if (options != NULL && options->description != NULL)
    set_text (&text[n_text++], "Description", options->description, &description_latin1);
  if (options != NULL && options->comment != NULL)
    set_text (&text[n_text++], "Comment", options->comment, &comment_latin1);
  png_set_text (stream->png, stream->info, text, n_text);

  png_write_info (stream->png, stream->info);
  return TRUE;
}

/* Rows @data (cairo's pixels, @stride bytes apart) converted to RGB and
 * encoded; FALSE on a libpng error or a Stop. */
static gboolean
encode_rows (HlPngStream  *stream,
             const guint8 *data,
             int           stride,
             int           n_rows)
{
  if (setjmp (png_jmpbuf (stream->png)))
    return FALSE;

  for (int y = 0; y < n_rows; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      guint8 *row = stream->row;

      for (int x = 0; x < stream->width; x++)
        {
          guint32 p = src[x];

          row[3 * x] = (p >> 16) & 0xff;
          row[3 * x + 1] = (p >> 8) & 0xff;
          row[3 * x + 2] = p & 0xff;
        }
      png_write_row (stream->png, row);

      if (stream->rows_done++ % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (stream->cancellable))
        {
          stream->err.cancelled = TRUE;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
end_png (HlPngStream *stream)
{
  if (setjmp (png_jmpbuf (stream->png)))
    return FALSE;
  png_write_end (stream->png, stream->info);
  return TRUE;
}

static void
stream_free (HlPngStream *stream)
{
  if (stream->png != NULL)
    png_destroy_write_struct (&stream->png, stream->info != NULL ? &stream->info : NULL);
  g_clear_object (&stream->cancellable);
  g_free (stream->row);
  g_free (stream);
}

/* Ends a failed stream: the temporary file goes, @error says why. */
static gboolean
stream_fail (HlPngStream  *stream,
             GError      **error)
{
  HlAtomicFile *file = g_steal_pointer (&stream->file);

  if (stream->err.cancelled || g_cancellable_is_cancelled (stream->cancellable))
    {
      hl_atomic_file_discard (file, NULL, NULL);
      if (!g_cancellable_set_error_if_cancelled (stream->cancellable, error))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Operation was cancelled"));
    }
  else
    hl_atomic_file_discard (file, stream->err.message, error);
  stream_free (stream);
  return FALSE;
}

HlPngStream *
hl_png_stream_new (const char          *path,
                   int                  width,
                   int                  height,
                   const HlPngOptions  *options,
                   GCancellable        *cancellable,
                   GError             **error)
{
  HlPngStream *stream;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  stream = g_new0 (HlPngStream, 1);
  stream->width = width;
  stream->height = height;
  stream->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  stream->file = hl_atomic_file_new (path, NULL, HL_ATOMIC_FILE_DEFAULT, error);
  if (stream->file == NULL)
    {
      stream_free (stream);
      return NULL;
    }
  stream->row = g_malloc ((gsize) width * 3 + 1);
  if (!start_png (stream, options))
    {
      stream_fail (stream, error);
      return NULL;
    }
  return stream;
}

gboolean
hl_png_stream_write_rows (HlPngStream   *stream,
                          const guint8  *data,
                          int            stride,
                          int            n_rows,
                          GError       **error)
{
  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (data != NULL || n_rows == 0, FALSE);
  g_return_val_if_fail (stride >= 4 * stream->width, FALSE);

  if (n_rows > stream->height - stream->rows_done)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT, _("more rows than the image has (%d)"), stream->height);
      return stream_fail (stream, error);
    }
  if (!encode_rows (stream, data, stride, n_rows))
    return stream_fail (stream, error);
  return TRUE;
}

gboolean
hl_png_stream_finish (HlPngStream  *stream,
                      GError      **error)
{
  HlAtomicFile *file;

  g_return_val_if_fail (stream != NULL, FALSE);

  if (stream->rows_done != stream->height)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT, _("%d of the image's %d rows were written"),
                   stream->rows_done, stream->height);
      return stream_fail (stream, error);
    }
  if (!end_png (stream))
    return stream_fail (stream, error);

  /* The last moment a Stop can still leave the old file; once renamed,
   * the file is written and this says so. */
  if (g_cancellable_is_cancelled (stream->cancellable))
    return stream_fail (stream, error);

  file = g_steal_pointer (&stream->file);
  stream_free (stream);
  return hl_atomic_file_commit (file, error);
}

void
hl_png_stream_abort (HlPngStream *stream)
{
  if (stream == NULL)
    return;
  hl_atomic_file_discard (g_steal_pointer (&stream->file), NULL, NULL);
  stream_free (stream);
}

gboolean
hl_png_write (cairo_surface_t     *image,
              const char          *path,
              const HlPngOptions  *options,
              GError             **error)
{
  return hl_png_write_full (image, path, options, NULL, error);
}

gboolean
hl_png_write_full (cairo_surface_t     *image,
                   const char          *path,
                   const HlPngOptions  *options,
                   GCancellable        *cancellable,
                   GError             **error)
{
  HlPngStream *stream;

  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (cairo_surface_get_type (image) != CAIRO_SURFACE_TYPE_IMAGE ||
      (cairo_image_surface_get_format (image) != CAIRO_FORMAT_RGB24 &&
       cairo_image_surface_get_format (image) != CAIRO_FORMAT_ARGB32))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT, _("only RGB image surfaces can be written as PNG"));
      return FALSE;
    }

  cairo_surface_flush (image);
  stream = hl_png_stream_new (path, cairo_image_surface_get_width (image),
                              cairo_image_surface_get_height (image), options, cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (!hl_png_stream_write_rows (stream, cairo_image_surface_get_data (image),
                                 cairo_image_surface_get_stride (image),
                                 cairo_image_surface_get_height (image), error))
    return FALSE;
  return hl_png_stream_finish (stream, error);
}
