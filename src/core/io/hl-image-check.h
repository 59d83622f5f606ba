/* hl-image-check.h: what a photo file's own bytes say, beside the decoder.
 *
 * gdk-pixbuf's loaders draw what they can: a PNG, JPEG or WebP whose data
 * stops early comes out with blank or grey rows and no error, and an
 * animation's loader may warn before it can be refused. These checks read
 * the container (PNG chunks, JPEG scans, the WebP RIFF, GIF blocks) with
 * the format's own library where there is one (libpng, libjpeg), so
 * hl-photo.c can refuse such files with a clear message.
 *
 * Both functions only read @data (borrowed, @length bytes); neither keeps
 * anything. @name names the file in messages (borrowed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @data is an animation, told from its structure before any
 * decoder sees it: a WebP whose VP8X header has the animation flag or
 * that holds an ANIM or ANMF chunk, a PNG with an acTL chunk before its
 * image data (APNG), a GIF of more than one frame. Other formats and
 * damaged files give FALSE (decoding decides about them). */
gboolean hl_image_check_animation (const char  *data,
                                   gsize        length);

/* FALSE with HL_ERROR_PHOTO ("NAME cannot be read as a photo: the PNG data
 * is cut short") when @data, already decoded once, is not all there: a PNG
 * whose image data or chunks stop early (read again with libpng, rows
 * only), a JPEG whose scan meets the end of the file or an end marker
 * early, or whose progressive scans stop before the last one (read again
 * with libjpeg at 1/8 scale), a WebP whose RIFF or chunk sizes run past the
 * end, a HEIF (HEIC) file whose boxes run past the end. Other formats
 * pass. The cost is about that of decoding the entropy
 * or deflate data again, in a few rows of memory (a progressive JPEG holds
 * its coefficients, as its decoder did). */
gboolean hl_image_check_complete  (const char  *data,
                                   gsize        length,
                                   const char  *name,
                                   GError     **error);

/* TRUE when @data is a HEIF file (HEIC, what iPhones save): an ftyp box
 * with a HEIF brand. Its loader (heif-gdk-pixbuf) warns about a file cut
 * short as it reads it, so hl-photo.c checks such a file's completeness
 * before decoding it. */
gboolean hl_image_check_is_heif   (const char  *data,
                                   gsize        length);

G_END_DECLS
