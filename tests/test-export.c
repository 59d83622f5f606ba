/* test-export.c: the export recipe shared by the CLI and the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-export.h"
#include "hl-output-test-util.h"
#include "hl-png-writer.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

static HlDesign *
load_sample (char **path)
{
  g_autoptr(GError) error = NULL;
  HlDesign *design;

  *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  design = hl_design_load_from_file (*path, &error);
  g_assert_no_error (error);
  return design;
}

static void
test_extensions (void)
{
  struct { HlExportKind kind; const char *in, *out; } cases[] = {
    { HL_EXPORT_MOCKUP, "a.png", "a.png" },
    { HL_EXPORT_MOCKUP, "a.PNG", "a.PNG" },
    { HL_EXPORT_MOCKUP, "a.jpg", "a.png" },
    { HL_EXPORT_MOCKUP, "a.JPEG", "a.png" },
    { HL_EXPORT_MOCKUP, "a.pdf", "a.png" },
    { HL_EXPORT_MOCKUP, "a", "a.png" },
    { HL_EXPORT_MOCKUP, "dir.v2/a", "dir.v2/a.png" },
    { HL_EXPORT_MOCKUP, "a.after", "a.after.png" },
    { HL_EXPORT_MOCKUP, ".png", ".png.png" },
    { HL_EXPORT_SHEET, "s.png", "s.pdf" },
    { HL_EXPORT_SHEET, "s", "s.pdf" },
    { HL_EXPORT_SHEET, "s.Pdf", "s.Pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fixed = hl_export_fix_extension (cases[i].kind, cases[i].in);

      g_assert_cmpstr (fixed, ==, cases[i].out);
      g_assert_true (hl_export_has_extension (cases[i].kind, fixed));
    }
  g_assert_false (hl_export_has_extension (HL_EXPORT_MOCKUP, "dir/.png"));
  g_assert_false (hl_export_has_extension (HL_EXPORT_SHEET, "x.png"));
}

typedef struct
{
  GPtrArray *steps;
  double     last;
  gboolean   backwards;
  GPtrArray *notes;
} Seen;

static void
on_progress (double      fraction,
             const char *step,
             gpointer    user_data)
{
  Seen *seen = user_data;

  if (fraction < seen->last)
    seen->backwards = TRUE;
  seen->last = fraction;
  g_ptr_array_add (seen->steps, g_strdup (step));
}

static void
on_note (const char *message,
         gpointer    user_data)
{
  Seen *seen = user_data;

  g_ptr_array_add (seen->notes, g_strdup (message));
}

/* The size the dialog announces is the size written; progress only goes
 * forward and ends at 1. */
static void
test_mockup_size_and_progress (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  HlLayout layouts[] = { HL_LAYOUT_AFTER, HL_LAYOUT_BEFORE_AFTER, HL_LAYOUT_SPLIT };
  double scales[] = { 0.3, 0.5, 1.0 };

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
      {
        g_autofree char *out = g_strdup_printf ("%s/m-%u-%u.png", dir, l, k);
        g_autoptr(GdkPixbuf) pb = NULL;
        Seen seen = { g_ptr_array_new_with_free_func (g_free), 0, FALSE,
                      g_ptr_array_new_with_free_func (g_free) };
        HlExportOptions options;
        int w, h;

        hl_export_options_init (&options, HL_EXPORT_MOCKUP);
        options.render.layout = layouts[l];
        options.render.scale = scales[k];
        hl_export_mockup_size (design, NULL, &options, &w, &h);
        g_assert_true (hl_export_write (design, path, out, &options, on_note, on_progress, &seen, NULL, &error));
        g_assert_no_error (error);
        pb = gdk_pixbuf_new_from_file (out, &error);
        g_assert_no_error (error);
        g_test_message ("layout %u scale %g: %d × %d announced, %d × %d written", l, scales[k], w, h,
                        gdk_pixbuf_get_width (pb), gdk_pixbuf_get_height (pb));
        g_assert_cmpint (gdk_pixbuf_get_width (pb), ==, w);
        g_assert_cmpint (gdk_pixbuf_get_height (pb), ==, h);
        g_assert_false (seen.backwards);
        g_assert_cmpfloat (seen.last, ==, 1.0);
        g_assert_cmpuint (seen.steps->len, >=, 4);
        g_assert_cmpuint (seen.notes->len, ==, 0);
        g_ptr_array_unref (seen.steps);
        g_ptr_array_unref (seen.notes);
        g_unlink (out);
      }
  g_rmdir (dir);
}

/* Cancelled before it starts: G_IO_ERROR_CANCELLED and no file. */
static void
test_cancelled (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HlExportOptions options;

  g_cancellable_cancel (cancellable);
  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  g_assert_false (hl_export_write (design, path, png, &options, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  hl_export_options_init (&options, HL_EXPORT_SHEET);
  g_assert_false (hl_export_write (design, path, pdf, &options, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

typedef struct
{
  const char   *at;           /* the step at which to cancel */
  GCancellable *cancellable;
} CancelAt;

static void
cancel_at_step (double      fraction,
                const char *step,
                gpointer    user_data)
{
  CancelAt *c = user_data;

  if (g_str_equal (step, c->at))
    g_cancellable_cancel (c->cancellable);
}

/* Stopped once the PNG is being written (it went on and wrote the file,
 * while the window said "nothing was written"): now G_IO_ERROR_CANCELLED,
 * the old file untouched, no temporary file. Stopped after the file is in
 * place: TRUE, for it was written. */
static void
test_cancelled_while_writing (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GdkPixbuf) pb = NULL;
  HlExportOptions options;
  CancelAt c = { "Writing the PNG file", g_cancellable_new () };

  g_assert_true (g_file_set_contents (png, "old", 3, NULL));
  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  options.render.scale = 1.0;
  g_assert_false (hl_export_write (design, path, png, &options, NULL, cancel_at_step, &c, c.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (png, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);
  g_object_unref (c.cancellable);

  c.at = "Done";
  c.cancellable = g_cancellable_new ();
  g_assert_true (hl_export_write (design, path, png, &options, NULL, cancel_at_step, &c, c.cancellable, &error));
  g_assert_no_error (error);
  g_assert_true (g_cancellable_is_cancelled (c.cancellable));
  pb = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_object_unref (c.cancellable);

  g_unlink (png);
  g_rmdir (dir);
}

typedef struct
{
  const char   *dir;
  GCancellable *cancellable;
  gint64        cancelled_at;  /* monotonic µs, 0 = not yet */
} Canceller;

/* Cancels as soon as the writer's temporary file shows in the folder. */
static gpointer
cancel_when_writing (gpointer data)
{
  Canceller *c = data;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline && !g_cancellable_is_cancelled (c->cancellable))
    {
      if (hl_out_test_count_temp_files (c->dir) > 0)
        {
          g_usleep (20 * 1000);   /* some rows in */
          c->cancelled_at = g_get_monotonic_time ();
          g_cancellable_cancel (c->cancellable);
          break;
        }
      g_usleep (200);
    }
  return NULL;
}

/* hl_png_write_full() stopped in the middle of a large image (4096 ×
 * 4096 of noise, about a second to encode): FALSE with
 * G_IO_ERROR_CANCELLED within a few rows, the old file kept, no temporary
 * file. */
static void
test_png_cancel_mid_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "big.png", NULL);
  g_autofree char *data = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4096, 4096);
  guint32 *pixels = (guint32 *) (gpointer) cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image) / 4;
  guint32 x = 2463534242u;
  Canceller c = { dir, g_cancellable_new (), 0 };
  HlPngOptions po = { 0.0, NULL, -1, NULL };
  GThread *thread;
  gboolean ok;
  gint64 returned;

  g_assert_no_error (error);
  for (int j = 0; j < 4096; j++)
    for (int i = 0; i < 4096; i++)
      {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        pixels[j * stride + i] = x & 0xffffff;
      }
  cairo_surface_mark_dirty (image);
  g_assert_true (g_file_set_contents (png, "old", 3, NULL));

  thread = g_thread_new ("canceller", cancel_when_writing, &c);
  ok = hl_png_write_full (image, png, &po, c.cancellable, &error);
  returned = g_get_monotonic_time ();
  g_cancellable_cancel (c.cancellable);   /* stops the thread if it never saw the file */
  g_thread_join (thread);

  /* The stop comes 20 ms into an encoding of about a second: it must
   * land (a writer that never looks at the cancellable writes the file
   * and returns TRUE here). */
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (c.cancelled_at, >, 0);
  g_test_message ("stopped %.1f ms after the cancel", (returned - c.cancelled_at) / 1000.0);
  g_assert_cmpint (returned - c.cancelled_at, <, 500 * 1000);
  g_assert_true (g_file_get_contents (png, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");
  g_assert_cmpuint (hl_out_test_count_temp_files (dir), ==, 0);

  cairo_surface_destroy (image);
  g_object_unref (c.cancellable);
  g_unlink (png);
  g_rmdir (dir);
}

/* The errors a caller tells apart: the design's own file and photo are
 * refused as outputs (HL_ERROR_IO), a name of the wrong type
 * (HL_EXPORT_ERROR_EXTENSION), nothing to simulate (HL_EXPORT_ERROR_EMPTY). */
static void
test_refusals (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  g_autofree char *photo = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *jpg = g_build_filename (dir, "x.jpg", NULL);
  g_autofree char *empty_png = g_build_filename (dir, "empty.png", NULL);
  g_autoptr(HlDesign) empty = hl_design_copy (design);
  g_autoptr(HlView) bare = hl_view_new ("front");
  HlExportOptions options;
  g_autofree char *photo_sha = NULL;

  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  g_assert_false (hl_export_write (design, path, photo, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is an input"));
  g_clear_error (&error);

  hl_export_options_init (&options, HL_EXPORT_SHEET);
  g_assert_false (hl_export_write (design, path, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_clear_error (&error);

  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  g_assert_false (hl_export_write (design, path, jpg, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EXTENSION);
  g_assert_nonnull (strstr (error->message, "x.png"));
  g_clear_error (&error);
  g_assert_false (g_file_test (jpg, G_FILE_TEST_EXISTS));

  /* The sample's photo on a view with nothing drawn. */
  photo_sha = g_strdup (hl_design_get_view (design, 0)->photo.sha256);
  hl_view_set_photo (bare, photo, photo_sha, 512, 512);
  hl_design_replace_view (empty, 0, bare);
  g_assert_false (hl_export_has_design (empty, HL_EXPORT_MOCKUP, 0));
  g_assert_false (hl_export_has_design (empty, HL_EXPORT_SHEET, 0));
  g_assert_true (hl_export_has_design (design, HL_EXPORT_MOCKUP, 0));
  g_assert_false (hl_export_write (empty, NULL, empty_png, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (g_file_test (empty_png, G_FILE_TEST_EXISTS));
  options.allow_empty = TRUE;
  g_assert_true (hl_export_write (empty, NULL, empty_png, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_unlink (empty_png);
  g_rmdir (dir);
}

/* The text pdftotext reads from @pdf, or NULL (the test is then skipped)
 * when poppler-utils are not installed. */
static char *
sheet_text (const char *pdf)
{
  char *text = NULL;

  if (hl_test_spawn (&text, "pdftotext", pdf, "-", NULL) != 0)
    {
      g_free (text);
      return NULL;
    }
  return text;
}

static void
remove_sheets (const char *dir,
               const char *a,
               const char *b,
               const char *c)
{
  g_unlink (a);
  g_unlink (b);
  g_unlink (c);
  g_rmdir (dir);
}

/* The clinic's name heads the sheet; without one, the title does, and no
 * line is kept for it (a name of only spaces is none). */
static void
test_sheet_clinic (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *named = g_build_filename (dir, "named.pdf", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *blank = g_build_filename (dir, "blank.pdf", NULL);
  g_autofree char *named_text = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *blank_text = NULL;
  HlExportOptions options;

  hl_export_options_init (&options, HL_EXPORT_SHEET);
  g_assert_null (options.clinic_name);
  options.without_photo = TRUE;
  g_assert_true (hl_export_write (design, path, plain, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  options.clinic_name = "  \t ";
  g_assert_true (hl_export_write (design, path, blank, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A line break typed into the name stays on one line. */
  options.clinic_name = " Clinique des Tilleuls\nLyon ";
  g_assert_true (hl_export_write (design, path, named, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  named_text = sheet_text (named);
  if (named_text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      remove_sheets (dir, named, plain, blank);
      return;
    }
  plain_text = sheet_text (plain);
  blank_text = sheet_text (blank);
  g_test_message ("with a clinic:\n%.200s", named_text);
  g_assert_true (g_str_has_prefix (named_text, "Clinique des Tilleuls Lyon\n"));
  g_assert_nonnull (strstr (named_text, "Consultation sheet"));
  g_assert_true (g_str_has_prefix (plain_text, "Consultation sheet\n"));
  g_assert_true (g_str_has_prefix (blank_text, "Consultation sheet\n"));
  g_assert_null (strstr (plain_text, "Clinique"));
  /* Nothing else of the sheet changed. */
  g_assert_nonnull (strstr (plain_text, "Frontal band"));
  g_assert_nonnull (strstr (named_text, "Frontal band"));
  remove_sheets (dir, named, plain, blank);
}

/* The sheet reads every view's photo by the rules of the mockup
 * (hl_export_load_view_photo()): a 1 × 1 photo in place of the design's
 * makes no sheet, another photo of the same size is said in the same
 * words as the mockup says it, and a photo the caller already holds (the
 * window's) is the one drawn, whatever is now on disk. */
static void
test_sheet_photo_identity (void)
{
  g_autofree char *sample_path = NULL;
  g_autoptr(HlDesign) sample = load_sample (&sample_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", &error);
  g_autofree char *photo_src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autofree char *photo_path = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *design_path = g_build_filename (dir, "design.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "mockup.png", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GdkPixbuf) original = gdk_pixbuf_new_from_file (photo_src, &error);
  g_autoptr(GdkPixbuf) flopped = NULL;
  g_autoptr(GdkPixbuf) pixel = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1, 1);
  g_autoptr(HlPhoto) held = NULL;
  g_autoptr(HlDesign) design = NULL;
  HlExportOptions sheet, mockup;
  Seen seen = { g_ptr_array_new_with_free_func (g_free), 0, FALSE,
                g_ptr_array_new_with_free_func (g_free) };
  Seen seen_mockup = { g_ptr_array_new_with_free_func (g_free), 0, FALSE,
                       g_ptr_array_new_with_free_func (g_free) };

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sample_path, &json, NULL, &error));
  g_assert_true (g_file_set_contents (design_path, json, -1, &error));
  g_assert_true (gdk_pixbuf_save (original, photo_path, "png", &error, NULL));
  g_assert_no_error (error);
  design = hl_design_load_from_file (design_path, &error);
  g_assert_no_error (error);
  /* The design records the sample's hash: re-encoded, the photo is not
   * byte for byte the one it was made on; record this one's. */
  held = hl_photo_load (photo_path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HlView) view = hl_view_copy (hl_design_get_view (design, 0));

    hl_view_set_photo (view, "astronaut.png", hl_photo_get_sha256 (held),
                       hl_photo_get_width (held), hl_photo_get_height (held));
    hl_design_replace_view (design, 0, view);
  }

  hl_export_options_init (&sheet, HL_EXPORT_SHEET);
  hl_export_options_init (&mockup, HL_EXPORT_MOCKUP);
  mockup.render.scale = 0.25;

  /* The design's own photo: no note. */
  g_assert_true (hl_export_write (design, design_path, pdf, &sheet, on_note, NULL, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.notes->len, ==, 0);
  g_unlink (pdf);

  /* A 1 × 1 photo under the same name: no sheet, as no mockup. */
  gdk_pixbuf_fill (pixel, 0x808080ff);
  g_assert_true (gdk_pixbuf_save (pixel, photo_path, "png", &error, NULL));
  g_assert_false (hl_export_write (design, design_path, pdf, &sheet, on_note, NULL, &seen, NULL, &error));
  g_test_message ("1 × 1 photo: %s", error->message);
  g_assert_error (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_OFF_PHOTO);
  g_assert_nonnull (strstr (error->message, "views[0]: the hairline and zones lie outside the photo (1 × 1 px)"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (seen.notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (seen.notes, 0), "the photo changed since the design was made"));
  g_clear_error (&error);
  g_ptr_array_set_size (seen.notes, 0);

  /* The photo held in memory is the one drawn; the file is not read. */
  sheet.photo = held;
  g_assert_true (hl_export_write (design, design_path, pdf, &sheet, on_note, NULL, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.notes->len, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
  sheet.photo = NULL;

  /* Another photo of the same size: drawn, and said, as the mockup says it. */
  flopped = gdk_pixbuf_flip (original, TRUE);
  g_assert_true (gdk_pixbuf_save (flopped, photo_path, "png", &error, NULL));
  g_assert_true (hl_export_write (design, design_path, pdf, &sheet, on_note, NULL, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hl_export_write (design, design_path, png, &mockup, on_note, NULL, &seen_mockup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.notes->len, ==, 1);
  g_test_message ("another photo: %s", (const char *) g_ptr_array_index (seen.notes, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (seen.notes, 0),
                            "astronaut.png: the photo changed since the design was made (its SHA-256 differs)"));
  g_assert_cmpuint (seen_mockup.notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen.notes, 0), ==, g_ptr_array_index (seen_mockup.notes, 0));

  g_ptr_array_unref (seen.steps);
  g_ptr_array_unref (seen.notes);
  g_ptr_array_unref (seen_mockup.steps);
  g_ptr_array_unref (seen_mockup.notes);
  g_unlink (pdf);
  g_unlink (png);
  g_unlink (photo_path);
  g_unlink (design_path);
  g_rmdir (dir);
}


/* The box a crop to the head keeps, worked out here from the design: its
 * hairline, zones and hand-placed dots, 15 % of the larger side around,
 * whole pixels inside the photo. */
static HlRect
expected_head_box (const HlView *view,
                   int           width,
                   int           height)
{
  HlRect r = hl_curve_bounds (view->hairline);
  double m;

  /* The head's outline when the view has one, else the design. */
  if (hl_view_get_scalp_outline (view) != NULL)
    r = hl_rect_union (r, hl_curve_bounds (hl_view_get_scalp_outline (view)));
  else
    {
      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        r = hl_rect_union (r, hl_curve_bounds (hl_view_get_zone (view, z)->boundary));
      for (guint i = 0; i < view->edits->len; i++)
        if (g_array_index (view->edits, HlDotEdit, i).kind == HL_EDIT_ADD)
          r = hl_rect_union (r, hl_rect_from_points (&g_array_index (view->edits, HlDotEdit, i).p, 1));
    }
  m = HL_EXPORT_CROP_MARGIN * MAX (r.x1 - r.x0, r.y1 - r.y0);
  r.x0 = floor (MAX (r.x0 - m, 0));
  r.y0 = floor (MAX (r.y0 - m, 0));
  r.x1 = ceil (MIN (r.x1 + m, width));
  r.y1 = ceil (MIN (r.y1 + m, height));
  return r;
}

static GdkPixbuf *
export_png (const HlDesign        *design,
            const char            *design_path,
            const char            *out,
            const HlExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pb;

  g_assert_true (hl_export_write (design, design_path, out, options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Read back by gdk-pixbuf, not by the writer. */
  pb = gdk_pixbuf_new_from_file (out, &error);
  g_assert_no_error (error);
  return pb;
}

/* A mockup cropped to the head is the design's box with its margin, times
 * the scale; its pixels are those of the whole mockup there, and every dot
 * lies inside it. Before/after crops both halves alike. */
static void
test_crop_to_head (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  const HlView *view = hl_design_get_view (design, 0);
  g_autofree char *dir = g_dir_make_tmp ("hl-export-XXXXXX", NULL);
  g_autofree char *whole_out = g_build_filename (dir, "whole.png", NULL);
  g_autofree char *crop_out = g_build_filename (dir, "crop.png", NULL);
  g_autofree char *pair_out = g_build_filename (dir, "pair.png", NULL);
  g_autoptr(GdkPixbuf) whole = NULL;
  g_autoptr(GdkPixbuf) crop = NULL;
  g_autoptr(GdkPixbuf) pair = NULL;
  g_autoptr(GArray) dots = hl_stipple_view (view, design->seed);
  HlExportOptions options;
  HlRect box = expected_head_box (view, view->photo.width, view->photo.height);
  HlRect got = hl_export_head_crop (view, NULL, HL_EXPORT_CROP_MARGIN);
  const double s = 3.0;
  int cw, ch, w, h, max_diff = 0;

  g_assert_cmpfloat (got.x0, ==, box.x0);
  g_assert_cmpfloat (got.y0, ==, box.y0);
  g_assert_cmpfloat (got.x1, ==, box.x1);
  g_assert_cmpfloat (got.y1, ==, box.y1);
  /* A crop, not the photo. */
  g_assert_cmpfloat ((box.x1 - box.x0) * (box.y1 - box.y0), <, 0.5 * view->photo.width * view->photo.height);

  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  options.render.scale = s;
  options.render.mark = NULL;
  whole = export_png (design, path, whole_out, &options);
  options.crop_to_head = TRUE;
  hl_export_mockup_size (design, NULL, &options, &w, &h);
  crop = export_png (design, path, crop_out, &options);
  cw = gdk_pixbuf_get_width (crop);
  ch = gdk_pixbuf_get_height (crop);
  g_test_message ("box %g,%g – %g,%g; cropped mockup %d × %d at scale %g", box.x0, box.y0, box.x1, box.y1,
                  cw, ch, s);
  g_assert_cmpint (cw, ==, (int) ceil ((box.x1 - box.x0) * s));
  g_assert_cmpint (ch, ==, (int) ceil ((box.y1 - box.y0) * s));
  g_assert_cmpint (w, ==, cw);
  g_assert_cmpint (h, ==, ch);

  /* The same pixels as the whole mockup there: the dots land where they
   * did. */
  {
    int ox = (int) (box.x0 * s), oy = (int) (box.y0 * s);
    int rc = gdk_pixbuf_get_rowstride (crop), rw = gdk_pixbuf_get_rowstride (whole);
    int nc = gdk_pixbuf_get_n_channels (crop), nw = gdk_pixbuf_get_n_channels (whole);
    const guchar *pc = gdk_pixbuf_read_pixels (crop), *pw = gdk_pixbuf_read_pixels (whole);
    int darkest = 255 * 3, dx = -1, dy = -1;

    for (int y = 0; y < ch; y++)
      for (int x = 0; x < cw; x++)
        {
          const guchar *a = pc + (gsize) y * rc + (gsize) x * nc;
          const guchar *b = pw + (gsize) (y + oy) * rw + (gsize) (x + ox) * nw;

          for (int c = 0; c < 3; c++)
            max_diff = MAX (max_diff, abs (a[c] - b[c]));
        }
    /* (The photo is resampled from another origin: a level or three.) */
    g_assert_cmpint (max_diff, <=, 4);

    /* The darkest dot pixels of the whole mockup inside the zones fall
     * inside the crop. */
    for (guint i = 0; i < dots->len; i++)
      {
        const HlDot *dot = &g_array_index (dots, HlDot, i);
        int x = (int) (dot->x * s), y = (int) (dot->y * s);
        const guchar *b = pw + (gsize) y * rw + (gsize) x * nw;

        g_assert_true (dot->x >= box.x0 && dot->x <= box.x1 && dot->y >= box.y0 && dot->y <= box.y1);
        if (b[0] + b[1] + b[2] < darkest)
          darkest = b[0] + b[1] + b[2], dx = x, dy = y;
      }
    g_assert_cmpint (dx, >=, ox);
    g_assert_cmpint (dx, <, ox + cw);
    g_assert_cmpint (dy, >=, oy);
    g_assert_cmpint (dy, <, oy + ch);
  }

  /* Before/after: two halves of the crop, a gap of 1 % between. */
  options.render.layout = HL_LAYOUT_BEFORE_AFTER;
  pair = export_png (design, path, pair_out, &options);
  g_assert_cmpint (gdk_pixbuf_get_width (pair), ==, 2 * cw + MAX (2, cw / 100));
  g_assert_cmpint (gdk_pixbuf_get_height (pair), ==, ch);

  /* A view with nothing drawn keeps the whole photo. */
  {
    g_autoptr(HlView) bare = hl_view_new ("bare");

    g_assert_true (hl_rect_is_empty (hl_export_head_crop (bare, NULL, HL_EXPORT_CROP_MARGIN)));
  }

  g_unlink (whole_out);
  g_unlink (crop_out);
  g_unlink (pair_out);
  g_rmdir (dir);
}

/* One rule picks the scale a mockup starts at, for the CLI and the
 * window: the preferred scale unless fresh dots would be under a pixel
 * there, then the half step that makes them at least 1.25 px. */
static void
test_pick_scale (void)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) design = load_sample (&path);
  const HlView *view = hl_design_get_view (design, 0);
  g_autoptr(GArray) dots = hl_stipple_view (view, design->seed);
  double mm = hl_export_fresh_dot_mm (view, (const HlDot *) (gconstpointer) dots->data, dots->len);
  double mm_per_px = hl_view_get_mm_per_px (view, NULL);
  double scale = hl_export_pick_scale (view, mm, 512, 512, 1, 1.0);

  g_test_message ("fresh dots %.3f mm, %.3f px at scale 1; picked scale %g", mm, mm / mm_per_px, scale);
  g_assert_cmpfloat (mm / mm_per_px, <, 1.0);
  g_assert_cmpfloat (mm / mm_per_px * scale, >=, 1.25);
  g_assert_cmpfloat (mm / mm_per_px * (scale - 0.5), <, 1.25);
  g_assert_cmpfloat (fmod (scale, 0.5), ==, 0.0);
  /* A preferred scale at which dots are a pixel or more stays. */
  g_assert_cmpfloat (hl_export_pick_scale (view, mm, 512, 512, 1, 9.0), ==, 9.0);
  /* Under 100 MP for both halves. */
  scale = hl_export_pick_scale (view, mm, 4000, 4000, 2, 1.0);
  g_assert_cmpfloat (2.0 * 4000 * scale * 4000 * scale, <=, 100e6);
  g_assert_cmpfloat (scale, >=, 1.0);
  /* Without dots, the zones' sizes. */
  g_assert_cmpfloat (fabs (hl_export_fresh_dot_mm (view, NULL, 0) - mm), <, 0.03);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/extensions", test_extensions);
  g_test_add_func ("/export/crop-to-head", test_crop_to_head);
  g_test_add_func ("/export/pick-scale", test_pick_scale);
  g_test_add_func ("/export/mockup-size-and-progress", test_mockup_size_and_progress);
  g_test_add_func ("/export/cancelled", test_cancelled);
  g_test_add_func ("/export/cancelled-while-writing", test_cancelled_while_writing);
  g_test_add_func ("/export/png-cancel-mid-write", test_png_cancel_mid_write);
  g_test_add_func ("/export/refusals", test_refusals);
  g_test_add_func ("/export/sheet-clinic", test_sheet_clinic);
  g_test_add_func ("/export/sheet-photo-identity", test_sheet_photo_identity);

  return g_test_run ();
}
