/* fuzz-photo.c: arbitrary bytes as a photo file.
 *
 * hl_photo_load() reads from a path, so each input is written to one
 * temporary file (made once) and loaded from there. A photo that loads
 * must have a sane size and a surface of that size.
 *
 * A few bytes can claim tens of megapixels below the loader's limit, and
 * decoding them takes seconds: inputs whose header claims more than
 * FUZZ_MAX_PIXELS (but not more than the loader's limit, whose refusal is
 * worth exploring) are skipped so that the fuzzer keeps its pace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-photo.h"

#define FUZZ_MAX_PIXELS (4 * 1000 * 1000)

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *photo_path;

static void
remove_photo (void)
{
  g_unlink (photo_path);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  int width = 0, height = 0;

  if (photo_path == NULL)
    {
      int fd = g_file_open_tmp ("hl-fuzz-photo-XXXXXX", &photo_path, &error);

      g_assert_no_error (error);
      close (fd);
      atexit (remove_photo);
    }

  g_assert_true (g_file_set_contents (photo_path, (const char *) data, (gssize) size, &error));
  if (gdk_pixbuf_get_file_info (photo_path, &width, &height) != NULL &&
      (gint64) width * height > FUZZ_MAX_PIXELS &&
      (gint64) width * height <= HL_PHOTO_MAX_PIXELS)
    return 0;

  photo = hl_photo_load (photo_path, &error);
  if (photo == NULL)
    {
      g_assert_true (error != NULL && error->domain == HL_ERROR);
      return 0;
    }

  g_assert_cmpint (hl_photo_get_width (photo), >, 0);
  g_assert_cmpint (hl_photo_get_height (photo), >, 0);
  g_assert_cmpint (cairo_image_surface_get_width (hl_photo_get_surface (photo)), ==,
                   hl_photo_get_width (photo));
  g_assert_cmpint (cairo_image_surface_get_height (hl_photo_get_surface (photo)), ==,
                   hl_photo_get_height (photo));
  return 0;
}
