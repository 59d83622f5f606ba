/* test-heic.c: HEIC photos (what iPhones save), read through gdk-pixbuf's
 * HEIF loader (Debian's heif-gdk-pixbuf). The HEIC file is made at test
 * time from the sample photo with libheif's own encoder (heif-enc, Debian's
 * libheif-examples); without the encoder or the loader the tests skip.
 * The photo loads at its size and looks like the PNG it was made from
 * (read by gdk-pixbuf's PNG loader); a design whose photo is a HEIC file
 * renders with `hairline render`; a HEIC file cut short is refused with a
 * message, never drawn half blank.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-error.h"
#include "hl-photo.h"
#include "hl-test-util.h"

static char *workdir;
static char *heic_path;

static gboolean
heif_loader_present (void)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL && !found; l = l->next)
    {
      g_auto(GStrv) mimes = gdk_pixbuf_format_get_mime_types (l->data);

      for (guint i = 0; mimes[i] != NULL; i++)
        found |= g_str_equal (mimes[i], "image/heif") || g_str_equal (mimes[i], "image/heic");
    }
  g_slist_free (formats);
  return found;
}

/* Makes the HEIC once; FALSE (the test skipped) when it cannot. */
static gboolean
have_heic (void)
{
  g_autofree char *png = NULL;
  g_autofree char *enc = g_find_program_in_path ("heif-enc");
  int status = -1;

  if (!heif_loader_present ())
    {
      g_test_skip ("no gdk-pixbuf HEIF loader (heif-gdk-pixbuf)");
      return FALSE;
    }
  if (enc == NULL)
    {
      g_test_skip ("no HEIC encoder (heif-enc, libheif-examples)");
      return FALSE;
    }
  if (heic_path != NULL)
    return TRUE;

  png = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  heic_path = g_build_filename (workdir, "astronaut.heic", NULL);
  {
    const char *argv[] = { enc, "-q", "90", png, "-o", heic_path, NULL };
    g_autoptr(GError) error = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (heic_path, G_FILE_TEST_IS_REGULAR));
  return TRUE;
}

static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GdkPixbuf) reference = NULL;
  HlPhoto *photo;
  cairo_surface_t *surface;
  double sum = 0.0;
  int w, h, stride;

  if (!have_heic ())
    return;

  photo = hl_photo_load (heic_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (photo);
  w = hl_photo_get_width (photo);
  h = hl_photo_get_height (photo);
  g_assert_cmpint (w, ==, 512);
  g_assert_cmpint (h, ==, 512);
  g_assert_cmpuint (strlen (hl_photo_get_sha256 (photo)), ==, 64);

  /* Lossy, but the same picture: mean difference of a few levels. */
  reference = gdk_pixbuf_new_from_file (png_path, &error);
  g_assert_no_error (error);
  surface = hl_photo_get_surface (photo);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (surface) + y * stride);
      const guchar *ref = gdk_pixbuf_read_pixels (reference) + y * gdk_pixbuf_get_rowstride (reference);
      int n = gdk_pixbuf_get_n_channels (reference);

      for (int x = 0; x < w; x++)
        {
          sum += fabs ((double) ((row[x] >> 16) & 255) - ref[x * n + 0]);
          sum += fabs ((double) ((row[x] >> 8) & 255) - ref[x * n + 1]);
          sum += fabs ((double) (row[x] & 255) - ref[x * n + 2]);
        }
    }
  g_test_message ("HEIC vs PNG: mean difference %.2f levels", sum / (3.0 * w * h));
  g_assert_cmpfloat (sum / (3.0 * w * h), <, 6.0);
  hl_photo_unref (photo);
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cut = NULL;
  gsize length;
  HlPhoto *photo;

  if (!have_heic ())
    return;

  g_assert_true (g_file_get_contents (heic_path, &data, &length, NULL));
  cut = g_build_filename (workdir, "cut.heic", NULL);
  g_assert_true (g_file_set_contents (cut, data, (gssize) (length * 2 / 3), NULL));
  photo = hl_photo_load (cut, &error);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_test_message ("%s", error->message);
}

static void
test_render_design (void)
{
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *design = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  HlPhoto *photo;
  GString *s;
  char *at;
  HlRun r;

  if (!have_heic ())
    return;

  /* The sample design, its photo the HEIC file (with its own hash). */
  photo = hl_photo_load (heic_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  s = g_string_new (text);
  at = strstr (s->str, "\"astronaut.png\"");
  g_assert_nonnull (at);
  g_string_overwrite_len (s, (gsize) (at - s->str), "\"astronaut.heic\"", 15);
  g_string_insert_c (s, (gssize) (at - s->str) + 15, '"');
  at = strstr (s->str, "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5");
  g_assert_nonnull (at);
  memcpy (at, hl_photo_get_sha256 (photo), 64);
  hl_photo_unref (photo);
  design = g_build_filename (workdir, "heic.hairline", NULL);
  g_assert_true (g_file_set_contents (design, s->str, -1, NULL));
  g_string_free (s, TRUE);

  out = g_build_filename (workdir, "mockup.png", NULL);
  r = hl_test_run_hairline (workdir, "render", design, "-o", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  /* Only the note on the scale: no photo problem. */
  g_assert_null (strstr (r.err, "photo"));
  hl_test_run_clear (&r);
  pixbuf = gdk_pixbuf_new_from_file (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  workdir = g_dir_make_tmp ("hl-heic-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_add_func ("/heic/load", test_load);
  g_test_add_func ("/heic/truncated", test_truncated);
  g_test_add_func ("/heic/render-design", test_render_design);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (workdir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (workdir);
  }
  return status;
}
