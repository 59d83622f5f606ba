/* test-budget.c: small files that would ask for huge work are refused at
 * load, quickly, with the JSON path and the limit; a design just under the
 * budget is accepted; the engine keeps the budget for views built in
 * memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-photo.h"
#include "hl-stippler.h"
#include "hl-test-util.h"

/* A square zone this many px wide at the default 0.15 mm/px and 400
 * dots/cm² needs about 3.95 million candidates (its outline is a smooth
 * curve through the corners, so its box is wider than the square): two
 * fit the design budget, three do not. */
#define SIDE_PX 5200

static void
append_zone (GString *s,
             guint    index,
             double   x0,
             double   side)
{
  g_string_append_printf (s, "%s{\"name\": \"Z%u\", \"kind\": \"custom\", \"density\": 400,"
                          " \"boundary\": [[%g, 0], [%g, 0], [%g, %g], [%g, %g]]}",
                          index > 0 ? ", " : "", index, x0, x0 + side, x0 + side, side, x0, side);
}

/* A design of @n_views views of @n_zones zones each (smooth outlines
 * through the corners of SIDE_PX squares, apart: zones that overlap share
 * the overlap's dots);
 * @extra, if not NULL, is added as top-level members. */
static char *
design_text (guint       n_views,
             guint       n_zones,
             const char *view_extra,
             const char *extra)
{
  GString *s = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 2,"
                             " \"engine_version\": 1, \"seed\": 1, ");

  if (extra != NULL)
    g_string_append_printf (s, "%s, ", extra);
  g_string_append (s, "\"views\": [");
  for (guint v = 0; v < n_views; v++)
    {
      g_string_append_printf (s, "%s{\"name\": \"v%u\", ", v > 0 ? ", " : "", v);
      if (view_extra != NULL)
        g_string_append_printf (s, "%s, ", view_extra);
      g_string_append (s, "\"zones\": [");
      for (guint z = 0; z < n_zones; z++)
        append_zone (s, z, z * 2.0 * SIDE_PX, SIDE_PX);
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, length, &error));
  g_assert_no_error (error);
  return path;
}

/* Every command that loads the design exits 1 with @message on stderr. */
static void
assert_refused (const char *dir,
                const char *path,
                const char *message)
{
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  HlRun r;

  r = hl_test_run_hairline (NULL, "validate", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, message));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "stats", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, message));
  g_assert_cmpstr (r.out, ==, "");
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "dots", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, message));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "render", path, "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, message));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "report", path, "-o", pdf, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, message));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hl-budget-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (dir);
}

/* 64 zones of one view, each under the per-zone cap: a 7 KB file. */
static void
test_many_zones (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *text = design_text (1, HL_VIEW_MAX_ZONES, NULL, NULL);
  g_autofree char *path = write_file (dir, "zones.json", text, -1);

  g_test_message ("design of %" G_GSIZE_FORMAT " bytes", strlen (text));
  assert_refused (dir, path, "zones.json: views[0].zones[2]: the design would need 11.");
  assert_refused (dir, path, "million dots; the limit is 8 million over all views");
  remove_dir (dir);
}

/* One such zone in each of 16 views: the budget is over all views. */
static void
test_many_views (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *text = design_text (HL_DESIGN_MAX_VIEWS, 1, NULL, NULL);
  g_autofree char *path = write_file (dir, "views.json", text, -1);

  assert_refused (dir, path, "views.json: views[2].zones[0]: the design would need 11.");
  remove_dir (dir);
}

/* A 33 MB design whose one unknown key holds 16 million tiny values. */
static void
test_unknown_values (void)
{
  g_autofree char *dir = make_dir ();
  GString *s = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 2,"
                             " \"engine_version\": 1, \"seed\": 1, \"views\": [{\"name\": \"v\"}], \"x\": [0");
  g_autofree char *path = NULL;

  while (s->len < 33000000)
    g_string_append (s, ",0");
  g_string_append (s, "]}");
  g_assert_cmpuint (s->len, <=, HL_DESIGN_MAX_FILE_SIZE);
  path = write_file (dir, "unknown.json", s->str, (gssize) s->len);
  g_string_free (s, TRUE);

  assert_refused (dir, path, "unknown.json: the design holds more than 4 million JSON values; the limit is 4 million");
  remove_dir (dir);
}

/* Unknown members are kept for writing back: 1 MiB of them in all. */
static void
test_unknown_bytes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *big = g_strnfill (600 * 1024, 'a');
  g_autofree char *view_extra = g_strdup_printf ("\"note\": \"%s\"", big);
  g_autofree char *text = design_text (2, 0, view_extra, NULL);
  g_autofree char *path = write_file (dir, "kept.json", text, -1);
  g_autofree char *small = design_text (1, 0, view_extra, NULL);
  g_autofree char *small_path = write_file (dir, "small.json", small, -1);
  HlRun r;

  /* The first view's 600 KiB are kept; the second's pass the limit. */
  assert_refused (dir, path, "kept.json: views[1].note: unknown keys would keep more JSON than the limit of 1 MiB over the whole design");

  r = hl_test_run_hairline (NULL, "validate", small_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  remove_dir (dir);
}

/* Photo sizes the design declares: 100 MP a view, 400 MP over all. */
static void
test_declared_photos (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *one = design_text (1, 0, "\"photo\": {\"path\": \"p.png\", \"width\": 30000, \"height\": 30000}", NULL);
  g_autofree char *one_path = write_file (dir, "one.json", one, -1);
  g_autofree char *five = design_text (5, 0, "\"photo\": {\"path\": \"p.png\", \"width\": 10000, \"height\": 10000}", NULL);
  g_autofree char *five_path = write_file (dir, "five.json", five, -1);

  assert_refused (dir, one_path, "one.json: views[0].photo: 30000 × 30000 is 900 MP; the limit is 100 MP");
  assert_refused (dir, five_path, "five.json: views[4].photo: the photos of the design would have 500 MP; the limit is 400 MP over all views");
  remove_dir (dir);
}

static gboolean
have_scalable_loader (void)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean found = FALSE;

  for (GSList *l = formats; l != NULL; l = l->next)
    found |= gdk_pixbuf_format_is_scalable (l->data);
  g_slist_free (formats);
  return found;
}

/* A 119-byte SVG claiming 9999 × 9999: under the photo limit, but drawn
 * at that size it would take seconds and most of a gigabyte. */
static void
test_vector_photo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *svg = write_file (dir, "big.svg",
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9999\" height=\"9999\">"
                                     "<rect width=\"9999\" height=\"9999\" fill=\"#c96\"/></svg>", -1);
  g_autofree char *text = design_text (1, 0, "\"photo\": {\"path\": \"big.svg\", \"width\": 9999, \"height\": 9999}", NULL);
  g_autofree char *path = write_file (dir, "svg.json", text, -1);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  gint64 t0 = g_get_monotonic_time ();
  HlRun r;

  photo = hl_photo_load (svg, &error);
  g_test_message ("hl_photo_load big.svg: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  if (have_scalable_loader ())
    g_assert_cmpstr (error->message, ==, "big.svg is a vector image of 9999 × 9999 (100 MP); the limit for vector images is 16 MP");
  else
    g_test_message ("no vector image loader installed: refused as unreadable");

  r = hl_test_run_hairline (NULL, "render", path, "-o", png, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "views[0].photo.path: big.svg is "));
  if (have_scalable_loader ())
    g_assert_nonnull (strstr (r.err, "the limit for vector images is 16 MP"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);
  remove_dir (dir);
}

/* Two zones just under the budget: accepted and stippled. */
static void
test_under_budget (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *text = design_text (1, 2, NULL, NULL);
  g_autofree char *path = write_file (dir, "edge.json", text, -1);
  HlRun r = hl_test_run_hairline (NULL, "stats", path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, "TOO LARGE"));
  g_assert_nonnull (strstr (r.out, "zone \"Z1\""));
  hl_test_run_clear (&r);
  remove_dir (dir);
}

/* A view built in memory past the budget: the engine leaves the zones that
 * would pass it empty, and says so; the check names the zone. */
static void
test_engine_budget (void)
{
  g_autofree char *text = design_text (1, 2, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);
  g_autoptr(HlDesign) other = hl_design_load_from_data (text, strlen (text), NULL);
  g_autoptr(HlDesign) big = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("built");
  g_autoptr(HlView) smaller = hl_view_new ("smaller");
  HlZone *third;
  g_autoptr(HlStippler) st = hl_stippler_new ();
  const HlView *loaded;
  HlZoneStats stats;
  double estimate;
  gint64 t0;

  g_assert_no_error (error);
  loaded = hl_design_get_view (design, 0);
  estimate = hl_stipple_zone_estimate (loaded, g_ptr_array_index (loaded->zones, 0));
  g_test_message ("one zone: %.3f million candidates", estimate / 1e6);
  g_assert_cmpfloat (estimate, <=, HL_STIPPLE_MAX_CANDIDATES);
  g_assert_cmpfloat (2 * estimate, <=, HL_STIPPLE_MAX_DESIGN_CANDIDATES);
  g_assert_cmpfloat (3 * estimate, >, HL_STIPPLE_MAX_DESIGN_CANDIDATES);

  /* The third zone: equal to the first, but its own object. */
  third = g_ptr_array_index (hl_design_get_view (other, 0)->zones, 0);
  for (guint i = 0; i < 2; i++)
    hl_view_append_zone (view, g_ptr_array_index (loaded->zones, i));
  hl_view_append_zone (view, third);
  hl_design_append_view (big, view);
  g_assert_false (hl_design_check_budget (big, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "views[0].zones[2]: the design would need 11."));

  t0 = g_get_monotonic_time ();
  hl_stippler_update (st, view, 1);
  g_test_message ("stipple the built view: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (hl_stippler_get_zone_stats (st, i, &stats));
      g_assert_false (stats.too_large);
      g_assert_cmpuint (stats.dots, >, 3000000);
    }
  g_assert_true (hl_stippler_get_zone_stats (st, 2, &stats));
  g_assert_true (stats.too_large);
  g_assert_cmpuint (stats.dots, ==, 0);

  /* Once the first zone goes, the third fits and is filled. */
  hl_view_append_zone (smaller, g_ptr_array_index (loaded->zones, 1));
  hl_view_append_zone (smaller, third);
  hl_stippler_update (st, smaller, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (hl_stippler_get_zone_stats (st, i, &stats));
      g_assert_false (stats.too_large);
      g_assert_cmpuint (stats.dots, >, 3000000);
    }
}


static void
put32 (guchar  *p,
       guint32  v)
{
  p[0] = (guchar) (v >> 24);
  p[1] = (guchar) (v >> 16);
  p[2] = (guchar) (v >> 8);
  p[3] = (guchar) v;
}

/* A PNG of a valid header claiming @w × @h and almost no pixel data (an
 * empty deflate stream). */
static char *
write_png_header_only (const char *dir,
                       const char *name,
                       guint32     w,
                       guint32     h)
{
  guchar png[8 + 25 + 20 + 12];
  char *path;

  memcpy (png, "\x89PNG\r\n\x1a\n", 8);
  put32 (png + 8, 13);
  memcpy (png + 12, "IHDR", 4);
  put32 (png + 16, w);
  put32 (png + 20, h);
  memcpy (png + 24, "\x08\x02\x00\x00\x00", 5);
  put32 (png + 29, hl_test_crc32 (png + 12, 17));
  put32 (png + 33, 8);
  memcpy (png + 37, "IDAT\x78\x9c\x03\x00\x00\x00\x00\x01", 12);
  put32 (png + 49, hl_test_crc32 (png + 37, 12));
  memcpy (png + 53, "\0\0\0\0IEND\xae\x42\x60\x82", 12);
  path = write_file (dir, name, (const char *) png, sizeof png);
  return path;
}

/* A GIF of @n_frames frames of 1 × 1 pixel. */
static char *
write_gif (const char *dir,
           const char *name,
           guint       n_frames)
{
  static const char head[] = "GIF89a\x01\x00\x01\x00\x80\x00\x00" "\x00\x00\x00\xff\xff\xff";
  static const char frame[] = "\x21\xf9\x04\x00\x0a\x00\x00\x00"
                              "\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00" "\x02\x02\x44\x01\x00";
  g_autoptr(GString) gif = g_string_new_len (head, sizeof head - 1);

  for (guint i = 0; i < n_frames; i++)
    g_string_append_len (gif, frame, sizeof frame - 1);
  g_string_append_c (gif, ';');
  return write_file (dir, name, gif->str, (gssize) gif->len);
}

/* Decoding is bounded by the file's size: a header claiming far more
 * pixels than the bytes could hold is refused before decoding, quickly,
 * as are animations; real photos (and flat images deflate can make) load. */
static void
test_photo_bytes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *claims = write_png_header_only (dir, "claims.png", 8000, 8000);
  g_autofree char *one = write_gif (dir, "one.gif", 1);
  g_autofree char *two = write_gif (dir, "two.gif", 2);
  g_autofree char *flat = g_build_filename (dir, "flat.png", NULL);
  g_autofree char *webp = g_build_filename (g_getenv ("HL_SOURCE_DIR"), "tests", "fuzz", "photo",
                                            "finding-webp-claims-39mp.webp", NULL);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 3000);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  gint64 t0;
  GStatBuf st;

  /* 64 MP in 65 bytes. */
  t0 = g_get_monotonic_time ();
  photo = hl_photo_load (claims, &error);
  g_test_message ("claims.png: %.3f s: %s", (g_get_monotonic_time () - t0) / 1e6,
                  error != NULL ? error->message : "loaded");
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_assert_cmpstr (error->message, ==, "claims.png claims 8000 × 8000 pixels in only 65 bytes: that is not a whole photo");
  g_clear_error (&error);

  /* The fuzzer's 32-byte WebP claiming 39 MP, where WebP can be read. */
  if (gdk_pixbuf_get_file_info (webp, NULL, NULL) != NULL)
    {
      t0 = g_get_monotonic_time ();
      photo = hl_photo_load (webp, &error);
      g_test_message ("finding-webp-claims-39mp.webp: %.3f s", (g_get_monotonic_time () - t0) / 1e6);
      g_assert_null (photo);
      g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
      g_assert_nonnull (strstr (error->message, "claims 9496 × 4096 pixels in only 32 bytes"));
      g_clear_error (&error);
    }

  /* A flat 9 MP image at deflate's best: about 350 pixels a byte. */
  gdk_pixbuf_fill (pixbuf, 0xb08870ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, flat, "png", &error, "compression", "9", NULL));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (flat, &st), ==, 0);
  g_test_message ("flat.png: %.0f pixels a byte", 9e6 / st.st_size);
  photo = hl_photo_load (flat, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_photo_get_width (photo), ==, 3000);
  g_clear_pointer (&photo, hl_photo_unref);

  /* Up to 4 MP the size of the file does not matter (a one-colour palette
   * PNG holds 2,000 pixels a byte): a 3 MP claim in 65 bytes is decoded,
   * but its deflate stream ends before the first row, so it is refused
   * as cut short rather than shown blank. */
  {
    g_autofree char *small = write_png_header_only (dir, "small.png", 2000, 1500);

    photo = hl_photo_load (small, &error);
    g_assert_null (photo);
    g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
    g_assert_cmpstr (error->message, ==, "small.png cannot be read as a photo: the PNG data is cut short");
    g_clear_error (&error);
  }

  /* A still GIF loads; a second frame makes it an animation. */
  photo = hl_photo_load (one, &error);
  g_assert_no_error (error);
  g_clear_pointer (&photo, hl_photo_unref);
  photo = hl_photo_load (two, &error);
  g_assert_null (photo);
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);
  g_assert_cmpstr (error->message, ==, "two.gif is an animation, not a photo");

  remove_dir (dir);
}


/* A view of one small zone that follows a hairline and, when @big, a
 * zone of about a million candidates that follows it too; the hairline
 * moved by @shift px. */
static HlDesign *
engine_design (gboolean big,
               double   shift)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design;

  g_string_printf (s, "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 1,"
                   " \"seed\": 5, \"views\": [{\"name\": \"v\","
                   " \"hairline\": [[0, %g], [1500, %g], [3200, %g]], \"zones\": ["
                   "{\"name\": \"S\", \"kind\": \"frontal\", \"follows_hairline\": true, \"density\": 60,"
                   " \"boundary\": [[0, 0], [400, 0], [400, 400], [0, 400]]}",
                   200 + shift, 150 + shift, 200 + shift);
  if (big)
    g_string_append (s, ", {\"name\": \"B\", \"kind\": \"frontal\", \"follows_hairline\": true,"
                        " \"density\": 400, \"boundary\": [[600, 0], [2800, 0], [2800, 2200], [600, 2200]]}");
  g_string_append (s, "]}]}");
  design = hl_design_load_from_data (s->str, s->len, &error);
  g_assert_no_error (error);
  return design;
}

static void
cancel_at_half (double   fraction,
                gpointer data)
{
  if (fraction >= 0.4)
    g_cancellable_cancel (data);
}

static void
assert_same_dots (HlStippler *st,
                  HlDesign   *design)
{
  g_autoptr(GArray) fresh = hl_stipple_view (hl_design_get_view (design, 0), design->seed);
  gsize n = 0;
  const HlDot *dots = hl_stippler_get_dots (st, &n);

  g_assert_cmpuint (n, ==, fresh->len);
  g_assert_true (memcmp (dots, fresh->data, n * sizeof (HlDot)) == 0);
}

/* The engine stopped halfway through a large zone keeps the dots of its
 * last finished update, and the next update gives exactly the dots a fresh
 * engine gives, the hairline having moved meanwhile or not. */
static void
test_engine_cancel (void)
{
  g_autoptr(HlDesign) small = engine_design (FALSE, 0);
  g_autoptr(HlDesign) big = engine_design (TRUE, 0);
  g_autoptr(HlDesign) moved = engine_design (TRUE, 40);
  g_autoptr(HlStippler) st = hl_stippler_new ();
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) held = NULL;

  g_assert_true (hl_stippler_update_full (st, hl_design_get_view (small, 0), small->seed, NULL, NULL, NULL));
  before = hl_stippler_ref_dots (st);

  for (guint round = 0; round < 2; round++)
    {
      HlDesign *target = round == 0 ? big : moved;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_assert_false (hl_stippler_update_full (st, hl_design_get_view (target, 0), target->seed,
                                               cancellable, cancel_at_half, cancellable));
      held = hl_stippler_ref_dots (st);
      g_assert_true (held == before);
      g_clear_pointer (&held, g_array_unref);

      /* Resumed: what a fresh engine makes. */
      g_assert_true (hl_stippler_update_full (st, hl_design_get_view (target, 0), target->seed,
                                              NULL, NULL, NULL));
      assert_same_dots (st, target);
      g_clear_pointer (&before, g_array_unref);
      before = hl_stippler_ref_dots (st);
    }

  /* Back to the small design, cancelled before it began: nothing moves. */
  {
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();

    g_cancellable_cancel (cancelled);
    g_assert_false (hl_stippler_update_full (st, hl_design_get_view (small, 0), small->seed,
                                             cancelled, NULL, NULL));
    assert_same_dots (st, moved);
    g_assert_true (hl_stippler_update_full (st, hl_design_get_view (small, 0), small->seed, NULL, NULL, NULL));
    assert_same_dots (st, small);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/budget/many-zones", test_many_zones);
  g_test_add_func ("/budget/many-views", test_many_views);
  g_test_add_func ("/budget/unknown-values", test_unknown_values);
  g_test_add_func ("/budget/unknown-bytes", test_unknown_bytes);
  g_test_add_func ("/budget/declared-photos", test_declared_photos);
  g_test_add_func ("/budget/vector-photo", test_vector_photo);
  g_test_add_func ("/budget/photo-bytes", test_photo_bytes);
  g_test_add_func ("/budget/under-budget", test_under_budget);
  g_test_add_func ("/budget/engine", test_engine_budget);
  g_test_add_func ("/budget/engine-cancel", test_engine_cancel);

  return g_test_run ();
}
