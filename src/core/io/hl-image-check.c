/* hl-image-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

#include "hl-error.h"
#include "hl-image-check.h"

static guint32
be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint32
le32 (const guchar *p)
{
  return (guint32) p[3] << 24 | (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static gboolean
is_png (const guchar *d,
        gsize         length)
{
  return length >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0;
}

static gboolean
is_jpeg (const guchar *d,
         gsize         length)
{
  return length >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff;
}

static gboolean
is_webp (const guchar *d,
         gsize         length)
{
  return length >= 12 && memcmp (d, "RIFF", 4) == 0 && memcmp (d + 8, "WEBP", 4) == 0;
}

/* HEIF (HEIC, what iPhones save): an ISO base media file whose first box
 * is an ftyp with a HEIF brand (ISO/IEC 23008-12). */
static gboolean
is_heif_bytes (const guchar *d,
               gsize         length)
{
  static const char *brands[] = { "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1" };
  guint32 size;

  if (length < 16 || memcmp (d + 4, "ftyp", 4) != 0)
    return FALSE;
  size = be32 (d);
  if (size < 16 || size > length)
    return FALSE;
  /* The major brand, then the compatible brands after the minor version. */
  for (gsize at = 8; at + 4 <= size; at += (at == 8 ? 8 : 4))
    for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
      if (memcmp (d + at, brands[i], 4) == 0)
        return TRUE;
  return FALSE;
}

gboolean
hl_image_check_is_heif (const char *data,
                        gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return is_heif_bytes ((const guchar *) data, length);
}

/* Every top-level box of a HEIF file lies within it: a file cut short
 * ends inside a box (usually the mdat that holds the coded image). */
static gboolean
heif_complete (const guchar *d,
               gsize         length)
{
  gsize at = 0;

  while (at < length)
    {
      guint64 size;

      if (length - at < 8)
        return FALSE;
      size = be32 (d + at);
      if (size == 1)
        {
          /* A 64-bit size follows the type. */
          if (length - at < 16)
            return FALSE;
          size = ((guint64) be32 (d + at + 8) << 32) | be32 (d + at + 12);
          if (size < 16)
            return FALSE;
        }
      else if (size == 0)
        return TRUE;   /* the last box, to the end of the file */
      else if (size < 8)
        return FALSE;
      if (size > length - at)
        return FALSE;
      at += (gsize) size;
    }
  return TRUE;
}

static gboolean
is_gif (const guchar *d,
        gsize         length)
{
  return length >= 13 && (memcmp (d, "GIF87a", 6) == 0 || memcmp (d, "GIF89a", 6) == 0);
}

/* Animation */

/* An acTL chunk before the first IDAT makes an APNG (the PNG loader would
 * show its default image and drop the rest). */
static gboolean
png_is_animation (const guchar *d,
                  gsize         length)
{
  gsize at = 8;

  while (at + 8 <= length)
    {
      guint32 size = be32 (d + at);
      const guchar *type = d + at + 4;

      if (memcmp (type, "acTL", 4) == 0)
        return TRUE;
      if (memcmp (type, "IDAT", 4) == 0 || memcmp (type, "IEND", 4) == 0)
        return FALSE;
      if (size > length - at - 8 || length - at - 8 - size < 4)
        return FALSE;
      at += 8 + (gsize) size + 4;
    }
  return FALSE;
}

/* A VP8X header with its animation flag, or an ANIM or ANMF chunk
 * anywhere in the RIFF (every frame is composed on the whole canvas). */
static gboolean
webp_is_animation (const guchar *d,
                   gsize         length)
{
  gsize at = 12;

  while (at + 8 <= length)
    {
      guint32 size = le32 (d + at + 4);
      const guchar *type = d + at;

      if (memcmp (type, "VP8X", 4) == 0 && size >= 1 && at + 9 <= length && (d[at + 8] & 0x02) != 0)
        return TRUE;
      if (memcmp (type, "ANIM", 4) == 0 || memcmp (type, "ANMF", 4) == 0)
        return TRUE;
      if (size > length - at - 8)
        return FALSE;
      at += 8 + (gsize) size + (size & 1);
    }
  return FALSE;
}

/* Skips GIF data sub-blocks from *@at; FALSE when they run past the end. */
static gboolean
gif_skip_blocks (const guchar *d,
                 gsize         length,
                 gsize        *at)
{
  while (*at < length)
    {
      guint n = d[*at];

      *at += 1;
      if (n == 0)
        return TRUE;
      if (n > length - *at)
        return FALSE;
      *at += n;
    }
  return FALSE;
}

/* More than one image descriptor before the trailer. */
static gboolean
gif_is_animation (const guchar *d,
                  gsize         length)
{
  gsize at = 13;
  guint frames = 0;

  if ((d[10] & 0x80) != 0)
    at += 3u << ((d[10] & 0x07) + 1);

  while (at < length)
    {
      guchar block = d[at++];

      if (block == 0x21)            /* extension: label, sub-blocks */
        {
          if (at >= length)
            return FALSE;
          at++;
          if (!gif_skip_blocks (d, length, &at))
            return FALSE;
        }
      else if (block == 0x2c)       /* image: descriptor, colours, LZW data */
        {
          if (++frames > 1)
            return TRUE;
          if (length - at < 10)
            return FALSE;
          if ((d[at + 8] & 0x80) != 0)
            at += 3u << ((d[at + 8] & 0x07) + 1);
          at += 9 + 1;              /* the descriptor, the LZW code size */
          if (at > length || !gif_skip_blocks (d, length, &at))
            return FALSE;
        }
      else                          /* the trailer, or damage */
        return FALSE;
    }
  return FALSE;
}

gboolean
hl_image_check_animation (const char *data,
                          gsize       length)
{
  const guchar *d = (const guchar *) data;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (is_png (d, length))
    return png_is_animation (d, length);
  if (is_webp (d, length))
    return webp_is_animation (d, length);
  if (is_gif (d, length))
    return gif_is_animation (d, length);
  return FALSE;
}

/* Completeness: PNG */

typedef struct
{
  const guchar *data;
  gsize         length, at;
  gboolean      past_end;
  char          message[128];
} PngCheck;

static void
png_check_error (png_structp      png,
                 png_const_charp  message)
{
  PngCheck *check = png_get_error_ptr (png);

  g_strlcpy (check->message, message, sizeof check->message);
  png_longjmp (png, 1);
}

static void
png_check_warning (png_structp      png,
                   png_const_charp  message)
{
  /* Warnings (an odd profile, extra data after the image) are no reason
   * to refuse a photo the decoder drew whole. */
}

static void
png_check_read (png_structp png,
                png_bytep   out,
                png_size_t  n)
{
  PngCheck *check = png_get_io_ptr (png);

  if (n > check->length - check->at)
    {
      check->past_end = TRUE;
      png_error (png, "read past the end of the file");
    }
  memcpy (out, check->data + check->at, n);
  check->at += n;
}

/* Reads every row of every pass and the chunks up to IEND, as the
 * sequential reader does: a deflate stream or IDAT run that ends before
 * the last row is "Not enough image data". */
static gboolean
png_complete (const guchar *d,
              gsize         length,
              gboolean     *cut,
              char         *message,
              gsize         message_size)
{
  PngCheck check = { .data = d, .length = length };
  png_structp png = png_create_read_struct (PNG_LIBPNG_VER_STRING, &check, png_check_error, png_check_warning);
  png_infop info = png != NULL ? png_create_info_struct (png) : NULL;
  png_bytep volatile row = NULL;
  volatile gboolean ok = FALSE;

  if (png == NULL || info == NULL)
    {
      png_destroy_read_struct (png != NULL ? &png : NULL, NULL, NULL);
      g_strlcpy (message, "out of memory", message_size);
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)) == 0)
    {
      int passes;
      png_uint_32 height;

      png_set_read_fn (png, &check, png_check_read);
      png_read_info (png, info);
      passes = png_set_interlace_handling (png);
      png_read_update_info (png, info);
      height = png_get_image_height (png, info);
      row = g_malloc (png_get_rowbytes (png, info));
      for (int pass = 0; pass < passes; pass++)
        for (png_uint_32 y = 0; y < height; y++)
          png_read_row (png, row, NULL);
      png_read_end (png, NULL);
      ok = TRUE;
    }

  g_free (row);
  png_destroy_read_struct (&png, &info, NULL);
  if (!ok)
    {
      *cut = check.past_end || strstr (check.message, "Not enough") != NULL;
      g_strlcpy (message, check.message, message_size);
    }
  return ok;
}

/* Completeness: JPEG */

typedef struct
{
  struct jpeg_error_mgr pub;
  jmp_buf               jump;
  gboolean              cut;
} JpegCheck;

static void
jpeg_check_error_exit (j_common_ptr cinfo)
{
  JpegCheck *check = (JpegCheck *) cinfo->err;

  longjmp (check->jump, 1);
}

static void
jpeg_check_emit_message (j_common_ptr cinfo,
                         int          level)
{
  JpegCheck *check = (JpegCheck *) cinfo->err;

  /* Warnings only; a scan that meets a marker or the end of the data is
   * filled with grey by libjpeg and called a success. Other warnings
   * (extraneous bytes before a marker, common in camera files) pass. */
  if (level < 0 && (check->pub.msg_code == JWRN_HIT_MARKER || check->pub.msg_code == JWRN_JPEG_EOF))
    check->cut = TRUE;
}

static void
jpeg_check_output_message (j_common_ptr cinfo)
{
}

/* Decodes every scan at 1/8 scale (entropy decoding in full, one
 * coefficient a block for the rest) up to the end marker. */
static gboolean
jpeg_complete (const guchar *d,
               gsize         length,
               gboolean     *cut,
               char         *message,
               gsize         message_size)
{
  struct jpeg_decompress_struct cinfo;
  JpegCheck check;
  JSAMPROW volatile row = NULL;
  volatile gboolean ok = FALSE;

  memset (&cinfo, 0, sizeof cinfo);
  cinfo.err = jpeg_std_error (&check.pub);
  check.pub.error_exit = jpeg_check_error_exit;
  check.pub.emit_message = jpeg_check_emit_message;
  check.pub.output_message = jpeg_check_output_message;
  check.cut = FALSE;

  if (setjmp (check.jump) == 0)
    {
      jpeg_create_decompress (&cinfo);
      jpeg_mem_src (&cinfo, d, (unsigned long) length);
      jpeg_read_header (&cinfo, TRUE);
      cinfo.scale_num = 1;
      cinfo.scale_denom = 8;
      cinfo.dct_method = JDCT_IFAST;
      cinfo.do_fancy_upsampling = FALSE;
      cinfo.do_block_smoothing = FALSE;
      jpeg_start_decompress (&cinfo);
      row = g_malloc ((gsize) cinfo.output_width * cinfo.output_components);
      while (cinfo.output_scanline < cinfo.output_height)
        {
          JSAMPROW rows[1] = { row };

          jpeg_read_scanlines (&cinfo, rows, 1);
        }
      /* A progressive file cut between two scans ends cleanly, with its
       * later refinements missing: every coefficient of every component
       * must have reached its last bit (coef_bits 0). */
      if (cinfo.progressive_mode && cinfo.coef_bits != NULL)
        for (int c = 0; c < cinfo.num_components; c++)
          for (int k = 0; k < DCTSIZE2; k++)
            if (cinfo.coef_bits[c][k] != 0)
              check.cut = TRUE;
      jpeg_finish_decompress (&cinfo);
      ok = !check.cut;
      if (!ok)
        g_strlcpy (message, "cut short", message_size);
    }
  else
    (*check.pub.format_message) ((j_common_ptr) &cinfo, message);

  g_free (row);
  jpeg_destroy_decompress (&cinfo);
  *cut = check.cut;
  return ok;
}

/* Completeness: WebP */

/* The RIFF and every chunk in it fit in the file: libwebp calls a RIFF
 * size past the end "not enough data", but the loader draws what came. */
static gboolean
webp_complete (const guchar *d,
               gsize         length)
{
  guint32 riff = le32 (d + 4);
  gsize end, at = 12;

  if (riff > length - 8)
    return FALSE;
  end = 8 + (gsize) riff;
  if (at == end)
    return FALSE;
  while (at < end)
    {
      guint32 size;

      if (end - at < 8)
        return FALSE;
      size = le32 (d + at + 4);
      if (size > end - at - 8)
        return FALSE;
      at += 8 + (gsize) size;
      if ((size & 1) != 0 && at < end)
        at++;
    }
  return TRUE;
}

gboolean
hl_image_check_complete (const char  *data,
                         gsize        length,
                         const char  *name,
                         GError     **error)
{
  const guchar *d = (const guchar *) data;
  gboolean cut = FALSE;
  char message[JMSG_LENGTH_MAX > 128 ? JMSG_LENGTH_MAX : 128] = "";
  const char *format = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (is_png (d, length))
    {
      format = "PNG";
      ok = png_complete (d, length, &cut, message, sizeof message);
    }
  else if (is_jpeg (d, length))
    {
      format = "JPEG";
      ok = jpeg_complete (d, length, &cut, message, sizeof message);
    }
  else if (is_webp (d, length))
    {
      format = "WebP";
      ok = webp_complete (d, length);
      cut = !ok;
    }
  else if (is_heif_bytes (d, length))
    {
      format = "HEIF";
      ok = heif_complete (d, length);
      cut = !ok;
    }

  if (ok)
    return TRUE;
  if (cut && is_png (d, length))
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the PNG data is cut short"), name);
  else if (cut && is_jpeg (d, length))
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the JPEG data is cut short"), name);
  else if (cut && is_webp (d, length))
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the WebP data is cut short"), name);
  else if (cut)
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: the HEIF data is cut short"), name);
  else
    /* Translators: the first %s is a file name, the second an image format
     * (PNG, JPEG), the third the decoder's own (English) words. */
    g_set_error (error, HL_ERROR, HL_ERROR_PHOTO, _("%s cannot be read as a photo: its %s data is damaged (%s)"),
                 name, format, message);
  return FALSE;
}
