/* test-samples.c: the shipped samples show the change. Each view of each
 * sample is rendered by the hairline command at its default scale as
 * before/after; the PNG is read back by gdk-pixbuf and the two halves are
 * compared inside the zones (the "after" must differ well above noise)
 * and outside them (noise). Every dot `hairline dots` lists lies on the
 * head: inside the drawn silhouette of a head chart, or inside the head of
 * the sample photo. The default mockup of each view (as the window's
 * export dialog proposes it and `hairline render` writes it without
 * options: the scale picked for the dots, cropped to the head) shows the
 * design: at least 1 % of its pixels are more than 12 levels darker than
 * the same view with its zones and edits removed, drawn at the same scale
 * in the same frame (the head's, which the zones do not change). (The
 * whole photo, --crop none, is measured and logged too; on the photo
 * sample the head is a small part of the frame.)
 * Samples are saved by the current engine.
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
#include "hl-edit.h"
#include "hl-export.h"
#include "hl-head-chart.h"
#include "hl-report.h"
#include "hl-test-util.h"

/* The head of the sitter of astronaut.png (hair and face) in its pixels,
 * measured on the photo: the hair's outline spans x 150–302 and y 15 (top
 * of the hair) to the chin at 185. Below its centre the head is an
 * ellipse; above it the hair is boxier, a superellipse of exponent 3. */
#define PHOTO_HEAD_CX 226.0
#define PHOTO_HEAD_CY 100.0
#define PHOTO_HEAD_RX 76.0
#define PHOTO_HEAD_RY 85.0

static gboolean
on_head (const HlView *view,
         HlPoint       p)
{
  HlHeadChart chart;

  if (view->photo.chart != NULL)
    {
      g_assert_true (hl_head_chart_from_string (view->photo.chart, &chart));
      return hl_head_chart_contains (chart, p);
    }
  g_assert_true (g_str_has_suffix (view->photo.path, "astronaut.png"));
  {
    double e = p.y < PHOTO_HEAD_CY ? 3.0 : 2.0;

    return pow (fabs (p.x - PHOTO_HEAD_CX) / PHOTO_HEAD_RX, e) +
           pow (fabs (p.y - PHOTO_HEAD_CY) / PHOTO_HEAD_RY, e) <= 1.0;
  }
}

static gboolean
in_zones (const HlView *view,
          HlPoint       p)
{
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    {
      guint n;
      const HlPoint *poly = hl_curve_get_polyline (hl_view_get_zone (view, z)->boundary, &n);

      if (hl_polygon_contains (poly, n, p))
        return TRUE;
    }
  return FALSE;
}

/* Mean absolute difference per channel between the before and after
 * panels at image point @p, read at output scale @s. */
static double
pixel_diff (GdkPixbuf *png,
            int        panel_w,
            int        gap,
            double     s,
            HlPoint    p)
{
  int rowstride = gdk_pixbuf_get_rowstride (png);
  int channels = gdk_pixbuf_get_n_channels (png);
  const guchar *pixels = gdk_pixbuf_read_pixels (png);
  int x = (int) (p.x * s), y = (int) (p.y * s);
  const guchar *a = pixels + (gsize) y * rowstride + (gsize) x * channels;
  const guchar *b = pixels + (gsize) y * rowstride + (gsize) (x + panel_w + gap) * channels;

  return (abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2])) / 3.0;
}

static void
check_view (const char     *sample,
            const HlDesign *design,
            guint           index,
            const char     *dir)
{
  const HlView *view = hl_design_get_view (design, index);
  g_autofree char *out = g_build_filename (dir, "before-after.png", NULL);
  g_autofree char *view_arg = g_strdup_printf ("%u", index);
  g_autofree char *base = g_path_get_basename (sample);
  g_autoptr(GdkPixbuf) png = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  HlRun run;
  int width, height, panel_w = 0, gap = 0;
  double s, inside = 0.0, outside = 0.0;
  guint n_inside = 0, n_outside = 0, n_dots = 0, off_head = 0;
  HlRect bounds = hl_rect_from_points (NULL, 0);

  /* Rendered as a user would, at the default scale. */
  run = hl_test_run_hairline (NULL, "render", sample, "-o", out, "--view", view_arg,
                              "--layout", "before-after", "--no-mark", "--crop", "none", NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (*run.err != '\0')
    g_test_message ("stderr: %s", run.err);
  hl_test_run_clear (&run);

  png = gdk_pixbuf_new_from_file (out, &error);
  g_assert_no_error (error);
  width = gdk_pixbuf_get_width (png);
  height = gdk_pixbuf_get_height (png);
  /* Two panels of the view's size times the scale, a gap of 1 % between. */
  for (int w = width / 2; w > 0 && panel_w == 0; w--)
    if (2 * w + MAX (2, w / 100) == width)
      panel_w = w, gap = MAX (2, w / 100);
  g_assert_cmpint (panel_w, >, 0);
  s = (double) panel_w / view->photo.width;
  g_assert_cmpint (abs (height - (int) ceil (view->photo.height * s)), <=, 1);

  /* Every other image pixel (a quarter pixel in from its corner): inside
   * the zones, and on the rest of the view away from the zones' edges
   * and the panels' labels. */
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    bounds = hl_rect_union (bounds, hl_curve_bounds (hl_view_get_zone (view, z)->boundary));
  {
    double step = MAX (1.0, view->photo.width / 400.0);
    double margin = 8.0 / hl_view_get_mm_per_px (view, NULL);   /* 8 mm */
    HlRect near = hl_rect_inflate (bounds, margin);

    for (double y = 0.25; y < view->photo.height - 1; y += step)
      for (double x = 0.25; x < view->photo.width - 1; x += step)
        {
          HlPoint p = { x, y };

          if (in_zones (view, p))
            {
              inside += pixel_diff (png, panel_w, gap, s, p);
              n_inside++;
            }
          else if (!hl_rect_contains (near, p) && y > view->photo.height * 0.1)
            {
              outside += pixel_diff (png, panel_w, gap, s, p);
              n_outside++;
            }
        }
  }
  g_assert_cmpuint (n_inside, >, 100);
  g_assert_cmpuint (n_outside, >, 100);
  inside /= n_inside;
  outside /= n_outside;
  g_test_message ("%s view %s: scale %g, %d × %d; mean |after − before| inside the zones %.2f / 255 "
                  "(%u samples), elsewhere %.3f / 255 (%u samples)",
                  base, view->name, s, width, height, inside, n_inside,
                  outside, n_outside);
  /* Dots cover a few percent of a zone, so the mean over the whole zone
   * moves by a level or more (about 1.8 on the photo sample's brown hair,
   * far more on a chart's skin), while elsewhere nothing moves. */
  g_assert_cmpfloat (inside, >=, 1.0);
  g_assert_cmpfloat (inside, >, 20.0 * MAX (outside, 0.05));

  /* Every dot on the head, read from the dots command's CSV. */
  run = hl_test_run_hairline (NULL, "dots", sample, "--view", view_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  hl_test_run_clear (&run);
  g_assert_cmpstr (lines[0], ==, "x,y,diameter_mm,shade,session,zone");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      HlPoint p;
      char *end;

      if (*lines[i] == '\0')
        continue;
      p.x = g_ascii_strtod (lines[i], &end);
      g_assert_true (*end == ',');
      p.y = g_ascii_strtod (end + 1, NULL);
      n_dots++;
      off_head += !on_head (view, p);
    }
  g_test_message ("%s view %s: %u dots, %u off the head", base, view->name,
                  n_dots, off_head);
  g_assert_cmpuint (n_dots, >, 500);
  g_assert_cmpuint (off_head, ==, 0);

  g_unlink (out);
}

/* @design's view @index without its zones and edits (transfer full). */
static HlDesign *
bare_design (const HlDesign *design,
             guint           index)
{
  g_autoptr(HlDesign) bare = hl_design_copy (design);
  HlView *view;

  while (hl_view_get_n_zones (hl_design_get_view (bare, index)) > 0)
    {
      HlDesign *next = hl_edit_remove_zone (bare, index, 0);

      hl_design_unref (bare);
      bare = next;
    }
  view = hl_view_copy (hl_design_get_view (bare, index));
  if (view->edits != NULL)
    g_array_set_size (view->edits, 0);
  hl_design_replace_view (bare, index, view);
  hl_view_unref (view);
  return g_steal_pointer (&bare);
}

/* The share of pixels of @after more than 12 levels (mean of the
 * channels) darker than the same pixel of @before. */
static double
darker_share (GdkPixbuf *after,
              GdkPixbuf *before)
{
  int w = gdk_pixbuf_get_width (after), h = gdk_pixbuf_get_height (after);
  int ca = gdk_pixbuf_get_n_channels (after), cb = gdk_pixbuf_get_n_channels (before);
  int ra = gdk_pixbuf_get_rowstride (after), rb = gdk_pixbuf_get_rowstride (before);
  const guchar *pa = gdk_pixbuf_read_pixels (after), *pb = gdk_pixbuf_read_pixels (before);
  guint64 n = 0;

  g_assert_cmpint (gdk_pixbuf_get_width (before), ==, w);
  g_assert_cmpint (gdk_pixbuf_get_height (before), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *a = pa + (gsize) y * ra + (gsize) x * ca;
        const guchar *b = pb + (gsize) y * rb + (gsize) x * cb;

        n += (b[0] + b[1] + b[2]) - (a[0] + a[1] + a[2]) > 3 * 12;
      }
  return (double) n / ((double) w * h);
}

/* The share of pixels of the mockup of view @index, as `hairline render`
 * makes it by default (cropped to the head) or whole (--crop none), more
 * than 12 levels darker than the same view without its zones and edits,
 * rendered at the same scale and in the same frame. */
static double
shows_design (const char     *sample,
              const HlDesign *design,
              guint           index,
              const char     *dir,
              gboolean        whole)
{
  const HlView *view = hl_design_get_view (design, index);
  g_autofree char *out = g_build_filename (dir, "default.png", NULL);
  g_autofree char *bare_out = g_build_filename (dir, "bare.png", NULL);
  g_autofree char *view_arg = g_strdup_printf ("%u", index);
  g_autofree char *base = g_path_get_basename (sample);
  g_autoptr(HlDesign) bare = bare_design (design, index);
  g_autoptr(GdkPixbuf) png = NULL;
  g_autoptr(GdkPixbuf) bare_png = NULL;
  g_autoptr(GError) error = NULL;
  HlExportOptions options;
  double share, frame_w;
  HlRun run;

  hl_export_options_init (&options, HL_EXPORT_MOCKUP);
  if (whole)
    run = hl_test_run_hairline (NULL, "render", sample, "-o", out, "--view", view_arg,
                                "--crop", "none", NULL);
  else if (index == 0)
    run = hl_test_run_hairline (NULL, "render", sample, "-o", out, NULL);
  else
    run = hl_test_run_hairline (NULL, "render", sample, "-o", out, "--view", view_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  hl_test_run_clear (&run);
  png = gdk_pixbuf_new_from_file (out, &error);
  g_assert_no_error (error);

  /* The same view without its design, at the scale the render picked,
   * in its own frame: the head's, the same with or without zones. */
  if (!whole)
    {
      HlRect frame = hl_export_head_crop (view, NULL, HL_EXPORT_CROP_MARGIN);
      HlRect bare_frame = hl_export_head_crop (hl_design_get_view (bare, index), NULL, HL_EXPORT_CROP_MARGIN);

      g_assert_false (hl_rect_is_empty (frame));
      g_assert_cmpfloat (frame.x0, ==, bare_frame.x0);
      g_assert_cmpfloat (frame.y0, ==, bare_frame.y0);
      g_assert_cmpfloat (frame.x1, ==, bare_frame.x1);
      g_assert_cmpfloat (frame.y1, ==, bare_frame.y1);
      options.crop_to_head = TRUE;
      frame_w = frame.x1 - frame.x0;
    }
  else
    frame_w = view->photo.width;
  options.view = index;
  options.allow_empty = TRUE;
  options.render.scale = floor ((double) gdk_pixbuf_get_width (png) / frame_w * 2.0 + 0.5) / 2.0;
  g_assert_true (hl_export_write (bare, sample, bare_out, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  bare_png = gdk_pixbuf_new_from_file (bare_out, &error);
  g_assert_no_error (error);

  share = darker_share (png, bare_png);
  g_test_message ("%s view %s: %s mockup %d × %d (scale %g), %.2f %% of its pixels "
                  "more than 12 levels darker than without the design",
                  base, view->name, whole ? "whole" : "default (head)", gdk_pixbuf_get_width (png),
                  gdk_pixbuf_get_height (png), options.render.scale, 100.0 * share);
  g_unlink (out);
  g_unlink (bare_out);
  return share;
}

static void
test_sample (gconstpointer data)
{
  const char *sample = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (sample, &error);
  g_autofree char *dir = g_dir_make_tmp ("hl-samples-XXXXXX", NULL);
  HlRun run;

  g_assert_no_error (error);
  /* Saved by the engine that places its dots now. */
  g_assert_cmpint (design->engine_version, ==, HL_ENGINE_VERSION);

  run = hl_test_run_hairline (NULL, "validate", sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  hl_test_run_clear (&run);

  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    if (hl_view_get_n_zones (hl_design_get_view (design, v)) > 0)
      {
        check_view (sample, design, v, dir);
        shows_design (sample, design, v, dir, TRUE);
        g_assert_cmpfloat (shows_design (sample, design, v, dir, FALSE), >=, 0.01);
      }
  g_rmdir (dir);
}

/* The chart sample: a natural hairline, a frontal band and a crown,
 * three sessions. */
static void
test_chart_sample_content (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "head-chart-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  gboolean frontal = FALSE, crown = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (hl_design_get_view (design, 0)->photo.chart);
  g_assert_nonnull (hl_design_get_view (design, 0)->hairline);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    for (guint z = 0; z < hl_view_get_n_zones (hl_design_get_view (design, v)); z++)
      {
        const HlZone *zone = hl_view_get_zone (hl_design_get_view (design, v), z);

        frontal |= zone->kind == HL_ZONE_FRONTAL;
        crown |= zone->kind == HL_ZONE_CROWN;
        g_assert_cmpuint (zone->params.n_sessions, ==, 3);
      }
  g_assert_true (frontal && crown);
}

/* Mean absolute difference of grey levels between @photo and @view where
 * @m maps photo pixels onto view pixels, over the view's box [x0, x1) ×
 * [y0, y1) (sampled every 3 px; nearest pixel). */
static double
aligned_difference (GdkPixbuf    *photo,
                    GdkPixbuf    *view,
                    const double  m[9],
                    int x0, int y0, int x1, int y1)
{
  /* The inverse map: view pixel → photo pixel. */
  double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
  double inv[9] = { e * i - f * h, c * h - b * i, b * f - c * e,
                    f * g - d * i, a * i - c * g, c * d - a * f,
                    d * h - e * g, b * g - a * h, a * e - b * d };
  double sum = 0;
  guint n = 0;

  for (int y = y0; y < y1; y += 3)
    for (int x = x0; x < x1; x += 3)
      {
        HlPoint p;
        int px, py;
        const guchar *vp, *pp;

        g_assert_true (hl_align_apply (inv, (HlPoint) { x, y }, &p));
        px = (int) lround (p.x);
        py = (int) lround (p.y);
        if (px < 0 || py < 0 || px >= gdk_pixbuf_get_width (photo) || py >= gdk_pixbuf_get_height (photo))
          continue;
        vp = gdk_pixbuf_read_pixels (view) + y * gdk_pixbuf_get_rowstride (view) + x * gdk_pixbuf_get_n_channels (view);
        pp = gdk_pixbuf_read_pixels (photo) + py * gdk_pixbuf_get_rowstride (photo) + px * gdk_pixbuf_get_n_channels (photo);
        sum += fabs ((vp[0] + vp[1] + vp[2]) / 3.0 - (pp[0] + pp[1] + pp[2]) / 3.0);
        n++;
      }
  g_assert_cmpuint (n, >, 1000);
  return sum / n;
}

/* A sample records session 1 (date, needle, dilution) with a progress
 * photo that exists, is the one referenced (SHA-256, size) and is aligned
 * to its view: mapped through the stored transform, the face on it lands
 * on the face of the view's photo (read back by gdk-pixbuf), far closer
 * than without the alignment. The sheet of that sample shows the date. */
static void
test_recorded_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
  g_autoptr(GdkPixbuf) view_px = NULL, photo_px = NULL;
  g_autoptr(HlPhoto) checked = NULL;
  g_autofree char *photo_path = NULL, *view_path = NULL, *dir = NULL, *pdf = NULL, *text = NULL;
  const HlSessionRecord *r;
  const HlProgressPhoto *p;
  const double identity[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 };
  double aligned, unaligned;
  HlPhotoRef ref = { 0 };

  g_assert_no_error (error);
  r = hl_design_get_record (design, 1);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->date, ==, "2026-11-02");
  g_assert_nonnull (r->needle);
  g_assert_true (hl_session_record_has_dilution (r));
  g_assert_cmpuint (r->photos->len, >=, 1);
  p = g_ptr_array_index (r->photos, 0);
  g_assert_true (p->aligned);
  g_assert_cmpuint (p->n_pairs, >=, 2);
  g_assert_cmpint (hl_design_find_view (design, p->view), >=, 0);

  photo_path = hl_photo_resolve_path (path, p->path);
  g_assert_true (g_file_test (photo_path, G_FILE_TEST_IS_REGULAR));
  checked = hl_photo_load (photo_path, &error);
  g_assert_no_error (error);
  ref.path = p->path;
  ref.sha256 = p->sha256;
  ref.chart = NULL;
  ref.width = p->width;
  ref.height = p->height;
  g_assert_true (hl_photo_matches (checked, &ref, &error));
  g_assert_no_error (error);

  view_path = hl_photo_resolve_path (path, hl_design_get_view (design, 0)->photo.path);
  view_px = gdk_pixbuf_new_from_file (view_path, &error);
  g_assert_no_error (error);
  photo_px = gdk_pixbuf_new_from_file (photo_path, &error);
  g_assert_no_error (error);
  /* The face: from the hairline to below the eyes. */
  aligned = aligned_difference (photo_px, view_px, p->transform, 170, 40, 290, 140);
  unaligned = aligned_difference (photo_px, view_px, identity, 170, 40, 290, 140);
  g_test_message ("grey-level difference over the face: %.1f aligned, %.1f as taken", aligned, unaligned);
  g_assert_cmpfloat (aligned, <, 12.0);
  g_assert_cmpfloat (aligned * 2.5, <, unaligned);

  dir = g_dir_make_tmp ("hl-samples-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_assert_true (hl_report_write_pdf (design, path, pdf, &error));
  g_assert_no_error (error);
  if (hl_test_spawn (&text, "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL) == 0)
    g_assert_nonnull (strstr (text, "done 2026-11-02"));
  else
    g_test_message ("pdftotext is not installed: the sheet's text is not read");
  g_unlink (pdf);
  g_rmdir (dir);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("HL_SAMPLES_DIR");
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (dir);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >=, 2);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test = g_strdup_printf ("/samples/shows-the-change/%s", base);

      g_test_add_data_func (test, path, test_sample);
    }
  g_test_add_func ("/samples/chart-content", test_chart_sample_content);
  g_test_add_func ("/samples/recorded-session", test_recorded_sample);
  return g_test_run ();
}
