/* test-photo.c: photo files that are not whole photos, from real files.
 *
 * Files cut short (PNG, JPEG, WebP made from the sample portrait and cut
 * as a failed copy or download leaves them), animations told from their
 * bytes, and a photo swapped for a FIFO while it is being opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hl-error.h"
#include "hl-photo.h"
#include "hl-test-util.h"

static char *tmp_dir;

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("HL_TEST_DATA_DIR"), name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* Writes @length bytes of @data, then @tail (may be NULL), as @name in
 * the test's folder. */
static char *
write_photo (const char *name,
             const void *data,
             gsize       length,
             const void *tail,
             gsize       tail_length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_byte_array_append (bytes, data, (guint) length);
  if (tail != NULL)
    g_byte_array_append (bytes, tail, (guint) tail_length);
  g_assert_true (g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_loads (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = hl_photo_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
}

/* hl_photo_load (@path) fails with exactly @message. */
static void
assert_refused (const char *path,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = hl_photo_load (path, &error);

  g_test_message ("%s", error != NULL ? error->message : "(loaded)");
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_assert_cmpstr (error->message, ==, message);
}

static gboolean
have_webp (void)
{
  g_autofree char *green = fixture ("green.webp");

  return gdk_pixbuf_get_file_info (green, NULL, NULL) != NULL;
}

static const guchar png_iend[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };
static const guchar jpeg_eoi[] = { 0xff, 0xd9 };

/* Offset of the first IDAT chunk of @png at or after @from. */
static gsize
png_chunk_at_or_after (const guchar *png,
                       gsize         length,
                       gsize         from)
{
  gsize at = 8;

  while (at + 8 <= length)
    {
      guint32 size = (guint32) png[at] << 24 | (guint32) png[at + 1] << 16 | (guint32) png[at + 2] << 8 | png[at + 3];

      if (at >= from && memcmp (png + at + 4, "IDAT", 4) == 0)
        return at;
      at += 12 + size;
    }
  g_assert_not_reached ();
}

/* A PNG cut in the middle of its image data, with IEND put back after
 * the cut (so the file "ends" as a PNG should), or cut between two IDAT
 * chunks: libpng calls both "Not enough image data"; the loader drew the
 * missing rows blank. Pasted bytes go the same way. */
static void
test_cut_png (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GBytes) bytes = read_bytes (sample);
  gsize length = 0;
  const guchar *png = g_bytes_get_data (bytes, &length);
  g_autofree char *whole = write_photo ("whole.png", png, length, NULL, 0);
  g_autofree char *mid = write_photo ("mid-idat.png", png, length / 2, png_iend, sizeof png_iend);
  gsize boundary = png_chunk_at_or_after (png, length, length / 2);
  g_autofree char *between = write_photo ("between-idat.png", png, boundary, png_iend, sizeof png_iend);
  g_autofree char *bare = write_photo ("bare.png", png, length / 2, NULL, 0);

  assert_loads (whole);
  assert_refused (mid, "mid-idat.png cannot be read as a photo: the PNG data is cut short");
  assert_refused (between, "between-idat.png cannot be read as a photo: the PNG data is cut short");
  assert_refused (bare, "bare.png cannot be read as a photo: the PNG data is cut short");

  /* Pasted bytes. */
  {
    g_autoptr(GBytes) cut = read_bytes (mid);
    g_autoptr(GError) error = NULL;
    g_autoptr(HlPhoto) photo = hl_photo_load_bytes (cut, "Pasted image", &error);

    g_assert_null (photo);
    g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
    g_assert_cmpstr (error->message, ==, "Pasted image cannot be read as a photo: the PNG data is cut short");
  }
}

/* Offset of the last marker @marker (0xda: start of scan) in @jpeg. */
static gsize
jpeg_last_marker (const guchar *jpeg,
                  gsize         length,
                  guchar        marker)
{
  for (gsize i = length - 1; i-- > 2;)
    if (jpeg[i] == 0xff && jpeg[i + 1] == marker)
      return i;
  g_assert_not_reached ();
}

/* A baseline JPEG cut with an end-of-image marker put back (libjpeg
 * meets the marker mid-scan and fills the rest with grey), or with none;
 * a progressive one cut mid-scan, or cut cleanly before its last scan
 * (every marker in place, the last refinement missing). A JPEG with a
 * stray byte before its end marker, which libjpeg only warns about and
 * cameras write, still loads. */
static void
test_cut_jpeg (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autofree char *progressive_path = fixture ("progressive.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (sample, &error);
  g_autofree char *baseline = NULL;
  gsize baseline_length = 0;
  g_autoptr(GBytes) progressive = read_bytes (progressive_path);
  gsize progressive_length = 0;
  const guchar *p = g_bytes_get_data (progressive, &progressive_length);
  gsize last_scan = jpeg_last_marker (p, progressive_length, 0xda);
  static const guchar stray_eoi[] = { 0x00, 0xff, 0xd9 };

  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &baseline, &baseline_length, "jpeg", &error,
                                            "quality", "90", NULL));
  g_assert_no_error (error);

  {
    g_autofree char *whole = write_photo ("whole.jpg", baseline, baseline_length, NULL, 0);
    g_autofree char *eoi = write_photo ("half-eoi.jpg", baseline, baseline_length / 2, jpeg_eoi, sizeof jpeg_eoi);
    g_autofree char *bare = write_photo ("half.jpg", baseline, baseline_length / 2, NULL, 0);
    g_autofree char *stray = write_photo ("stray.jpg", baseline, baseline_length - 2, stray_eoi, sizeof stray_eoi);

    assert_loads (whole);
    assert_loads (stray);
    assert_refused (eoi, "half-eoi.jpg cannot be read as a photo: the JPEG data is cut short");
    assert_refused (bare, "half.jpg cannot be read as a photo: the JPEG data is cut short");
  }

  {
    g_autofree char *whole = write_photo ("progressive.jpg", p, progressive_length, NULL, 0);
    g_autofree char *mid = write_photo ("progressive-mid.jpg", p, progressive_length / 2, jpeg_eoi, sizeof jpeg_eoi);
    g_autofree char *clean = write_photo ("progressive-scans.jpg", p, last_scan, jpeg_eoi, sizeof jpeg_eoi);

    assert_loads (whole);
    assert_refused (mid, "progressive-mid.jpg cannot be read as a photo: the JPEG data is cut short");
    assert_refused (clean, "progressive-scans.jpg cannot be read as a photo: the JPEG data is cut short");
  }
}

/* A WebP cut in half: its RIFF and VP8 sizes run past the end (libwebp
 * calls it "not enough data"; the loader drew what came). */
static void
test_cut_webp (void)
{
  g_autofree char *path = fixture ("portrait.webp");
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize length = 0;
  const guchar *webp = g_bytes_get_data (bytes, &length);

  if (!have_webp ())
    {
      g_test_skip ("no WebP loader for gdk-pixbuf is installed");
      return;
    }

  {
    g_autofree char *whole = write_photo ("whole.webp", webp, length, NULL, 0);
    g_autofree char *half = write_photo ("half.webp", webp, length / 2, NULL, 0);
    g_autofree char *short_tail = write_photo ("short.webp", webp, length - 1, NULL, 0);

    assert_loads (whole);
    assert_refused (half, "half.webp cannot be read as a photo: the WebP data is cut short");
    assert_refused (short_tail, "short.webp cannot be read as a photo: the WebP data is cut short");
  }
}

static void
put32be (GByteArray *a,
         guint32     v)
{
  guchar b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (a, b, 4);
}

static void
put_le (GByteArray *a,
        guint32     v,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      guchar b = (guchar) (v >> (8 * i));

      g_byte_array_append (a, &b, 1);
    }
}

/* Appends a PNG chunk with its CRC. */
static void
png_chunk (GByteArray   *a,
           const char   *type,
           const guchar *data,
           guint32       length)
{
  g_autoptr(GByteArray) typed = g_byte_array_new ();

  put32be (a, length);
  g_byte_array_append (typed, (const guchar *) type, 4);
  if (length > 0)
    g_byte_array_append (typed, data, length);
  g_byte_array_append (a, typed->data, typed->len);
  put32be (a, hl_test_crc32 (typed->data, typed->len));
}

/* An APNG: a still PNG of 16 × 16 with acTL (2 frames) and the first
 * frame's fcTL before its IDAT, and a second frame (fdAT) after. */
static GByteArray *
make_apng (gboolean animated)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 16, 16);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  gsize length = 0, at = 8;
  GByteArray *out = g_byte_array_new ();
  guint32 sequence = 0;
  const guchar *idat = NULL;

  gdk_pixbuf_fill (pixbuf, 0x2060a0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &png, &length, "png", &error, NULL));
  g_assert_no_error (error);
  g_byte_array_append (out, (const guchar *) png, 8);

  while (at + 12 <= length)
    {
      const guchar *c = (const guchar *) png + at;
      guint32 size = (guint32) c[0] << 24 | (guint32) c[1] << 16 | (guint32) c[2] << 8 | c[3];

      if (memcmp (c + 4, "IDAT", 4) == 0 && idat == NULL)
        idat = c;
      if (animated && memcmp (c + 4, "IDAT", 4) == 0 && sequence == 0)
        {
          g_autoptr(GByteArray) actl = g_byte_array_new ();
          g_autoptr(GByteArray) fctl = g_byte_array_new ();

          put32be (actl, 2);            /* frames */
          put32be (actl, 0);            /* plays: forever */
          png_chunk (out, "acTL", actl->data, actl->len);
          put32be (fctl, sequence++);
          put32be (fctl, 16);
          put32be (fctl, 16);
          put32be (fctl, 0);
          put32be (fctl, 0);
          g_byte_array_append (fctl, (const guchar *) "\x00\x0a\x00\x64\x00\x00", 6);
          png_chunk (out, "fcTL", fctl->data, fctl->len);
        }
      if (animated && memcmp (c + 4, "IEND", 4) == 0)
        {
          g_autoptr(GByteArray) fctl = g_byte_array_new ();
          g_autoptr(GByteArray) fdat = g_byte_array_new ();
          guint32 idat_size = (guint32) idat[0] << 24 | (guint32) idat[1] << 16 | (guint32) idat[2] << 8 | idat[3];

          put32be (fctl, sequence++);
          put32be (fctl, 16);
          put32be (fctl, 16);
          put32be (fctl, 0);
          put32be (fctl, 0);
          g_byte_array_append (fctl, (const guchar *) "\x00\x0a\x00\x64\x00\x00", 6);
          png_chunk (out, "fcTL", fctl->data, fctl->len);
          put32be (fdat, sequence++);
          g_byte_array_append (fdat, idat + 8, idat_size);
          png_chunk (out, "fdAT", fdat->data, fdat->len);
        }
      g_byte_array_append (out, c, 12 + size);
      at += 12 + size;
    }
  return out;
}

/* An APNG was taken for its first frame; it is refused from its acTL
 * chunk, from a file and pasted. The same PNG without acTL loads. */
static void
test_animated_png (void)
{
  g_autoptr(GByteArray) still = make_apng (FALSE);
  g_autoptr(GByteArray) animated = make_apng (TRUE);
  g_autofree char *still_path = write_photo ("still.png", still->data, still->len, NULL, 0);
  g_autofree char *animated_path = write_photo ("animated.png", animated->data, animated->len, NULL, 0);
  g_autoptr(GBytes) pasted = g_bytes_new (animated->data, animated->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;

  assert_loads (still_path);
  assert_refused (animated_path, "animated.png is an animation, not a photo");

  photo = hl_photo_load_bytes (pasted, "Pasted image", &error);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_assert_cmpstr (error->message, ==, "Pasted image is an animation, not a photo");
}

/* An animated WebP of two frames, each the VP8 data of portrait.webp:
 * VP8X (with the animation flag when @flag), ANIM, two ANMF. */
static GByteArray *
make_animated_webp (gboolean flag)
{
  g_autofree char *path = fixture ("portrait.webp");
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize length = 0;
  const guchar *webp = g_bytes_get_data (bytes, &length);
  const guchar *vp8 = webp + 12;                    /* "VP8 " size data */
  gsize vp8_chunk = length - 12;
  g_autoptr(GByteArray) body = g_byte_array_new ();
  GByteArray *out = g_byte_array_new ();

  g_assert_true (memcmp (vp8, "VP8 ", 4) == 0);

  g_byte_array_append (body, (const guchar *) "WEBP", 4);
  g_byte_array_append (body, (const guchar *) "VP8X", 4);
  put_le (body, 10, 4);
  put_le (body, flag ? 0x02 : 0x00, 4);             /* flags, reserved */
  put_le (body, 127, 3);                            /* canvas width - 1 */
  put_le (body, 127, 3);                            /* canvas height - 1 */
  g_byte_array_append (body, (const guchar *) "ANIM", 4);
  put_le (body, 6, 4);
  put_le (body, 0xffffffff, 4);                     /* background */
  put_le (body, 0, 2);                              /* loops: forever */
  for (guint f = 0; f < 2; f++)
    {
      g_byte_array_append (body, (const guchar *) "ANMF", 4);
      put_le (body, (guint32) (16 + vp8_chunk), 4);
      put_le (body, 0, 3);                          /* x / 2 */
      put_le (body, 0, 3);                          /* y / 2 */
      put_le (body, 127, 3);                        /* width - 1 */
      put_le (body, 127, 3);                        /* height - 1 */
      put_le (body, 100, 3);                        /* duration, ms */
      put_le (body, 0, 1);                          /* blend, dispose */
      g_byte_array_append (body, vp8, (guint) vp8_chunk);
    }
  g_byte_array_append (out, (const guchar *) "RIFF", 4);
  put_le (out, body->len, 4);
  g_byte_array_append (out, body->data, body->len);
  return out;
}

static void
load_animated_webps (void)
{
  g_autoptr(GByteArray) flagged = make_animated_webp (TRUE);
  g_autoptr(GByteArray) unflagged = make_animated_webp (FALSE);
  g_autofree char *flagged_path = write_photo ("flagged.webp", flagged->data, flagged->len, NULL, 0);
  g_autofree char *unflagged_path = write_photo ("unflagged.webp", unflagged->data, unflagged->len, NULL, 0);

  assert_refused (flagged_path, "flagged.webp is an animation, not a photo");
  assert_refused (unflagged_path, "unflagged.webp is an animation, not a photo");
}

/* An animated WebP is refused from its chunks before the loader sees it
 * (the loader printed a warning and two criticals first), whether or not
 * its header sets the animation flag. */
static void
test_animated_webp (void)
{
  if (!have_webp ())
    {
      g_test_skip ("no WebP loader for gdk-pixbuf is installed");
      return;
    }
  if (g_test_subprocess ())
    {
      load_animated_webps ();
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr_unmatched ("*CRITICAL*");
}

/* Loads of a path that a thread keeps swapping between a photo and a
 * FIFO no one writes to: each load gives the photo or refuses the FIFO,
 * and none waits for a writer. */
typedef struct
{
  const char *path;
  const char *photo;
  volatile gint stop;
  guint swaps;
} Swapper;

static gpointer
swap_thread (gpointer data)
{
  Swapper *s = data;
  g_autofree char *photo_tmp = g_strconcat (s->path, ".photo", NULL);
  g_autofree char *fifo_tmp = g_strconcat (s->path, ".fifo", NULL);

  while (!g_atomic_int_get (&s->stop))
    {
      g_assert_cmpint (link (s->photo, photo_tmp), ==, 0);
      g_assert_cmpint (g_rename (photo_tmp, s->path), ==, 0);
      g_assert_cmpint (mkfifo (fifo_tmp, 0600), ==, 0);
      g_assert_cmpint (g_rename (fifo_tmp, s->path), ==, 0);
      s->swaps++;
    }
  return NULL;
}

static void
load_during_swaps (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
  g_autofree char *photo = g_build_filename (tmp_dir, "tiny.png", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "swapped.png", NULL);
  g_autofree char *fifo = g_build_filename (tmp_dir, "fifo.png", NULL);
  g_autoptr(GError) error = NULL;
  Swapper swapper = { path, photo, 0, 0 };
  GThread *thread;
  guint loaded = 0, refused = 0;
  gint64 t0;

  gdk_pixbuf_fill (pixbuf, 0x808080ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, photo, "png", &error, NULL));
  g_assert_no_error (error);

  /* A FIFO where the photo should be. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, "fifo.png is not a photo file this program reads");
  g_unlink (fifo);

  /* The thread links the photo over a FIFO and back (renaming a link
   * over another link to the same file would do nothing). */
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("swap", swap_thread, &swapper);
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 100000 && g_get_monotonic_time () - t0 < 8 * G_USEC_PER_SEC; i++)
    {
      g_autoptr(HlPhoto) loaded_photo = NULL;

      g_clear_error (&error);
      loaded_photo = hl_photo_load (path, &error);
      if (loaded_photo != NULL)
        loaded++;
      else
        {
          g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
          g_assert_cmpstr (error->message, ==, "swapped.png is not a photo file this program reads");
          refused++;
        }
    }
  g_atomic_int_set (&swapper.stop, 1);
  g_thread_join (thread);
  g_test_message ("%u loads of the photo, %u refusals of the FIFO, %u swaps", loaded, refused, swapper.swaps);
  g_assert_cmpuint (loaded + refused, >, 0);
  g_unlink (path);
  g_unlink (photo);
}

static void
test_fifo (void)
{
  if (g_test_subprocess ())
    {
      load_during_swaps ();
      return;
    }
  /* A load that waited for a writer would hang: the time limit fails it.
   * (When the file was checked by path and then opened again, 2 runs of 2
   * hung within these 8 s.) */
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                                    G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) d = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (tmp_dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (tmp_dir);
}

/* The halved copies a loader prepares are the ones drawing at that size
 * uses: 128 px long from the 512 px sample is its quarter, made once. */
static void
test_prepare_levels (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = hl_photo_load (sample, &error);
  cairo_surface_t *quarter, *again;
  double level_scale;
  gint64 t0, made, reused;

  g_assert_no_error (error);
  g_assert_cmpuint (hl_photo_get_n_levels (photo), ==, 0);
  t0 = g_get_monotonic_time ();
  hl_photo_prepare_levels (photo, 128);
  made = g_get_monotonic_time () - t0;
  /* Made by the call itself: the half and the quarter. */
  g_assert_cmpuint (hl_photo_get_n_levels (photo), ==, 2);
  t0 = g_get_monotonic_time ();
  quarter = hl_photo_get_surface_for_scale (photo, 0.25, &level_scale);
  reused = g_get_monotonic_time () - t0;
  g_test_message ("levels made in %" G_GINT64_FORMAT " µs, then found in %" G_GINT64_FORMAT " µs", made, reused);
  g_assert_cmpfloat (level_scale, ==, 0.25);
  g_assert_cmpint (cairo_image_surface_get_width (quarter), ==, 128);
  again = hl_photo_get_surface_for_scale (photo, 0.25, &level_scale);
  g_assert_true (again == quarter);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hl-photo-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/photo/cut-short/png", test_cut_png);
  g_test_add_func ("/photo/cut-short/jpeg", test_cut_jpeg);
  g_test_add_func ("/photo/cut-short/webp", test_cut_webp);
  g_test_add_func ("/photo/animation/png", test_animated_png);
  g_test_add_func ("/photo/animation/webp", test_animated_webp);
  g_test_add_func ("/photo/fifo", test_fifo);
  g_test_add_func ("/photo/prepare-levels", test_prepare_levels);

  status = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return status;
}
