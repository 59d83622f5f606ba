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

/* Everything that touches libpng, kept free of locals that setjmp could
 * clobber: the caller owns the file and the row buffer. */
static gboolean
write_png (FILE               *file,
           cairo_surface_t    *image,
           const HlPngOptions *options,
           GCancellable       *cancellable,
           guint8             *row,
           WriteError         *err)
{
  png_structp png;
  png_infop info;
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  png_text text[3];
  int n_text = 0;
  g_autofree char *software = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *description_latin1 = NULL;
  g_autofree char *comment_latin1 = NULL;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, err, on_png_error, on_png_warning);
  if (png == NULL)
    {
      g_strlcpy (err->message, _("out of memory"), sizeof err->message);
      return FALSE;
    }
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_strlcpy (err->message, _("out of memory"), sizeof err->message);
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      return FALSE;
    }

  png_init_io (png, file);
  png_set_compression_level (png, options != NULL && options->level >= 0 ? options->level : 4);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB | PNG_FILTER_UP | PNG_FILTER_PAETH);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8, PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_sRGB_gAMA_and_cHRM (png, info, PNG_sRGB_INTENT_PERCEPTUAL);

  if (options != NULL && options->mm_per_px > 0.0)
    {
      double ppm = floor (1000.0 / options->mm_per_px + 0.5);

      if (ppm >= 1 && ppm < 4294967295.0)
        png_set_pHYs (png, info, (png_uint_32) ppm, (png_uint_32) ppm, PNG_RESOLUTION_METER);
    }

  memset (text, 0, sizeof text);
  set_text (&text[n_text++], "Software", software, NULL);
  if (options != NULL && options->description != NULL)
    set_text (&text[n_text++], "Description", options->description, &description_latin1);
  if (options != NULL && options->comment != NULL)
    set_text (&text[n_text++], "Comment", options->comment, &comment_latin1);
  png_set_text (png, info, text, n_text);

  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];

          row[3 * x] = (p >> 16) & 0xff;
          row[3 * x + 1] = (p >> 8) & 0xff;
          row[3 * x + 2] = p & 0xff;
        }
      png_write_row (png, row);

      if (y % CANCEL_CHECK_ROWS == 0 && g_cancellable_is_cancelled (cancellable))
        {
          err->cancelled = TRUE;
          png_destroy_write_struct (&png, &info);
          return FALSE;
        }
    }

  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  return TRUE;
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
  g_autofree guint8 *row = NULL;
  WriteError err = { "", FALSE };
  HlAtomicFile *file;

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

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  cairo_surface_flush (image);

  file = hl_atomic_file_new (path, NULL, HL_ATOMIC_FILE_DEFAULT, error);
  if (file == NULL)
    return FALSE;

  row = g_malloc ((gsize) cairo_image_surface_get_width (image) * 3 + 1);
  if (!write_png (hl_atomic_file_get_stream (file), image, options, cancellable, row, &err))
    {
      if (err.cancelled)
        {
          hl_atomic_file_discard (file, NULL, NULL);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }
      hl_atomic_file_discard (file, err.message, error);
      return FALSE;
    }

  /* The last moment a Stop can still leave the old file; once renamed,
   * the file is written and this says so. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      hl_atomic_file_discard (file, NULL, NULL);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }

  return hl_atomic_file_commit (file, error);
}
