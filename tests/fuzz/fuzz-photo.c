/* fuzz-photo.c: arbitrary bytes as a photo file.
 *
 * hl_photo_load() reads from a path, so each input is written to one
 * temporary file (made once) and loaded from there. A photo that loads
 * must have a sane size and a surface of that size.
 *
 * Every input goes through: above HL_PHOTO_FREE_PIXELS (4 MP) the loader
 * decodes at most HL_PHOTO_MAX_PIXELS_PER_BYTE pixels per byte of the file
 * (a few bytes claiming tens of megapixels are refused from the header), so
 * an input of -max_len=4096 bytes costs at most a 4 MP decode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-photo.h"

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

  if (photo_path == NULL)
    {
      int fd = g_file_open_tmp ("hl-fuzz-photo-XXXXXX", &photo_path, &error);

      g_assert_no_error (error);
      close (fd);
      atexit (remove_photo);
    }

  g_assert_true (g_file_set_contents (photo_path, (const char *) data, (gssize) size, &error));

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
