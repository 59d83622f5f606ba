/* test-cli-head-zones.c: zones on the head through the hairline command.
 * The head-chart sample with the top chart's "Mid-scalp and sides" marked
 * on the head: `stats --json` lists it under the front view's
 * carried_zones (apart from the front's own zones), `dots` gives its dots
 * with their home view, and `render` and `report` draw them in the front
 * view's pictures, where the design without the flag has none (pixels read
 * back by gdk-pixbuf; the sheet rasterised by poppler's pdftoppm).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-test-util.h"

#define TOP_ZONE "Mid-scalp and sides"

/* Writes the head-chart sample to @dir/@name, with the top view's zone
 * TOP_ZONE on the head when @on_head; returns its path. */
static char *
write_design (const char *dir,
              const char *name,
              gboolean    on_head)
{
  g_autofree char *sample = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "head-chart-consultation.json", NULL);
  g_autofree char *text = NULL;
  char *path = g_build_filename (dir, name, NULL);
  cJSON *root, *views, *zones;
  char *out;

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  root = cJSON_Parse (text);
  views = cJSON_GetObjectItemCaseSensitive (root, "views");
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (views, 1), "name")->valuestring, ==, "top");
  zones = cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (views, 1), "zones");
  for (int z = 0; z < cJSON_GetArraySize (zones); z++)
    {
      cJSON *zone = cJSON_GetArrayItem (zones, z);

      cJSON_DeleteItemFromObjectCaseSensitive (zone, "on_head");
      if (on_head && strcmp (cJSON_GetObjectItemCaseSensitive (zone, "name")->valuestring, TOP_ZONE) == 0)
        cJSON_AddBoolToObject (zone, "on_head", TRUE);
    }
  out = cJSON_Print (root);
  g_assert_true (g_file_set_contents (path, out, -1, NULL));
  cJSON_free (out);
  cJSON_Delete (root);
  return path;
}

static cJSON *
stats_json (const char *path)
{
  HlRun r = hl_test_run_hairline (NULL, "stats", "--json", path, NULL);
  cJSON *root;

  g_assert_cmpint (r.status, ==, 0);
  root = cJSON_Parse (r.out);
  g_assert_nonnull (root);
  hl_test_run_clear (&r);
  return root;
}

static const cJSON *
view_json (const cJSON *root,
           int          v)
{
  return cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), v);
}

typedef struct
{
  char *dir;
  char *plain;
  char *marked;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("hl-cli-head-zones-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->plain = write_design (f->dir, "plain.json", FALSE);
  f->marked = write_design (f->dir, "marked.json", TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->plain);
  g_free (f->marked);
}

/* The number of the front view's dots carried from the top in `stats`. */
static guint
carried_in_stats (const char *path,
                  gboolean    expect)
{
  cJSON *plain = stats_json (path);
  const cJSON *front = view_json (plain, 0);
  const cJSON *carried = cJSON_GetObjectItemCaseSensitive (front, "carried_zones");
  guint n = 0;

  g_assert_true (cJSON_IsArray (carried));
  g_assert_cmpint (cJSON_GetArraySize (carried), ==, expect ? 1 : 0);
  if (expect)
    {
      const cJSON *c = cJSON_GetArrayItem (carried, 0);

      g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (c, "home_view")->valueint, ==, 1);
      g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (c, "home_view_name")->valuestring, ==, "top");
      g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (c, "name")->valuestring, ==, TOP_ZONE);
      n = (guint) cJSON_GetObjectItemCaseSensitive (c, "dots")->valueint;
    }
  /* The home view shows its own zone among its zones, never as carried. */
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (view_json (plain, 1), "carried_zones")), ==, 0);
  cJSON_Delete (plain);
  return n;
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  cJSON *a = stats_json (f->plain), *b = stats_json (f->marked);
  const cJSON *za = cJSON_GetObjectItemCaseSensitive (view_json (a, 0), "zones");
  const cJSON *zb = cJSON_GetObjectItemCaseSensitive (view_json (b, 0), "zones");
  const cJSON *top_zones = cJSON_GetObjectItemCaseSensitive (view_json (b, 1), "zones");
  guint n;

  /* The front's own zones are the same with or without the carried one. */
  g_assert_true (cJSON_Compare (za, zb, TRUE));
  for (int z = 0; z < cJSON_GetArraySize (top_zones); z++)
    {
      const cJSON *zone = cJSON_GetArrayItem (top_zones, z);
      gboolean marked = strcmp (cJSON_GetObjectItemCaseSensitive (zone, "name")->valuestring, TOP_ZONE) == 0;

      g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (zone, "on_head")) == marked);
    }
  cJSON_Delete (a);
  cJSON_Delete (b);

  g_assert_cmpuint (carried_in_stats (f->plain, FALSE), ==, 0);
  n = carried_in_stats (f->marked, TRUE);
  g_test_message ("%u dots of the top's \"%s\" seen in the front chart", n, TOP_ZONE);
  g_assert_cmpuint (n, >, 500);
}

static void
test_dots (Fixture       *f,
           gconstpointer  data)
{
  HlRun plain = hl_test_run_hairline (NULL, "dots", "--view", "front", f->plain, NULL);
  HlRun marked = hl_test_run_hairline (NULL, "dots", "--view", "front", f->marked, NULL);
  HlRun json = hl_test_run_hairline (NULL, "dots", "--view", "front", "--format", "json", f->marked, NULL);
  g_auto(GStrv) a = NULL, b = NULL;
  guint own = 0, carried = 0, n_stats = carried_in_stats (f->marked, TRUE);
  cJSON *arr;
  guint json_carried = 0;

  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpint (marked.status, ==, 0);
  a = g_strsplit (plain.out, "\n", -1);
  b = g_strsplit (marked.out, "\n", -1);
  g_assert_cmpstr (a[0], ==, "x,y,diameter_mm,shade,session,zone");
  g_assert_cmpstr (b[0], ==, "x,y,diameter_mm,shade,session,zone,home_view");
  for (guint i = 1; b[i] != NULL && b[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (b[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      if (fields[6][0] == '\0')
        {
          /* The front's own dots come first and are those of the plain
           * design, row for row (without the last column). */
          g_autofree char *row = g_strjoinv (",", (char *[]) { fields[0], fields[1], fields[2], fields[3],
                                                               fields[4], fields[5], NULL });

          g_assert_cmpuint (carried, ==, 0);
          g_assert_cmpstr (row, ==, a[i]);
          own++;
        }
      else
        {
          g_assert_cmpstr (fields[6], ==, "1");
          g_assert_cmpstr (fields[5], ==, "1");
          /* At the top of the head in the front chart (3000 px high). */
          g_assert_cmpfloat (g_ascii_strtod (fields[1], NULL), <, 1500.0);
          carried++;
        }
    }
  g_assert_cmpuint (own, ==, g_strv_length (a) - 2);
  g_assert_cmpuint (carried, ==, n_stats);

  g_assert_cmpint (json.status, ==, 0);
  arr = cJSON_Parse (json.out);
  g_assert_cmpint (cJSON_GetArraySize (arr), ==, (int) (own + carried));
  for (const cJSON *d = arr->child; d != NULL; d = d->next)
    if (cJSON_GetObjectItemCaseSensitive (d, "home_view") != NULL)
      {
        g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (d, "home_view")->valueint, ==, 1);
        json_carried++;
      }
  g_assert_cmpuint (json_carried, ==, carried);
  cJSON_Delete (arr);

  hl_test_run_clear (&plain);
  hl_test_run_clear (&marked);
  hl_test_run_clear (&json);
}

/* The front mockup of the marked design differs from the plain one only
 * where the carried dots are, and there it is darker. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pa = g_build_filename (f->dir, "plain.png", NULL);
  g_autofree char *pb = g_build_filename (f->dir, "marked.png", NULL);
  HlRun ra = hl_test_run_hairline (NULL, "render", "--view", "front", "--crop", "none", "--scale", "0.25",
                                   f->plain, "-o", pa, NULL);
  HlRun rb = hl_test_run_hairline (NULL, "render", "--view", "front", "--crop", "none", "--scale", "0.25",
                                   f->marked, "-o", pb, NULL);
  HlRun dots = hl_test_run_hairline (NULL, "dots", "--view", "front", f->marked, NULL);
  g_autoptr(GdkPixbuf) a = NULL, b = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint differ = 0, darker = 0, outside = 0;
  double sum_a = 0, sum_b = 0;

  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);
  g_assert_cmpint (dots.status, ==, 0);
  lines = g_strsplit (dots.out, "\n", -1);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      if (fields[6][0] == '\0')
        continue;
      x0 = MIN (x0, g_ascii_strtod (fields[0], NULL));
      x1 = MAX (x1, g_ascii_strtod (fields[0], NULL));
      y0 = MIN (y0, g_ascii_strtod (fields[1], NULL));
      y1 = MAX (y1, g_ascii_strtod (fields[1], NULL));
    }
  g_assert_cmpfloat (x0, <, x1);

  a = gdk_pixbuf_new_from_file (pa, &error);
  g_assert_no_error (error);
  b = gdk_pixbuf_new_from_file (pb, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (a), ==, gdk_pixbuf_get_width (b));
  g_assert_cmpint (gdk_pixbuf_get_height (a), ==, gdk_pixbuf_get_height (b));
  for (int y = 0; y < gdk_pixbuf_get_height (a); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (a); x++)
      {
        const guchar *p = gdk_pixbuf_read_pixels (a) + y * gdk_pixbuf_get_rowstride (a) + x * gdk_pixbuf_get_n_channels (a);
        const guchar *q = gdk_pixbuf_read_pixels (b) + y * gdk_pixbuf_get_rowstride (b) + x * gdk_pixbuf_get_n_channels (b);
        /* Output pixel centre in view px (scale 0.25), with a margin of
         * a dot's size and the stamp's blur. */
        double vx = (x + 0.5) / 0.25, vy = (y + 0.5) / 0.25;
        gboolean near = vx >= x0 - 12 && vx <= x1 + 12 && vy >= y0 - 12 && vy <= y1 + 12;

        if (memcmp (p, q, 3) == 0)
          continue;
        differ++;
        if (!near)
          outside++;
        sum_a += p[0] + p[1] + p[2];
        sum_b += q[0] + q[1] + q[2];
        if (q[0] + q[1] + q[2] < p[0] + p[1] + p[2])
          darker++;
      }
  g_test_message ("%u pixels differ, %u darker, %u outside the carried dots' box", differ, darker, outside);
  g_assert_cmpuint (differ, >, 1000);
  g_assert_cmpuint (outside, ==, 0);
  g_assert_cmpfloat (sum_b, <, sum_a);
  g_assert_cmpuint (darker, >, differ * 9 / 10);

  hl_test_run_clear (&ra);
  hl_test_run_clear (&rb);
  hl_test_run_clear (&dots);
}

/* Pixels of page 1 of @pdf at 40 dpi, by poppler's pdftoppm into @png
 * (NULL when pdftoppm is not installed). */
static GdkPixbuf *
sheet_page (const char *pdf,
            const char *prefix)
{
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  GdkPixbuf *page;

  if (hl_test_spawn (NULL, "pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-singlefile", "-png",
                     pdf, prefix, NULL) != 0)
    return NULL;
  page = gdk_pixbuf_new_from_file (png, NULL);
  g_assert_nonnull (page);
  return page;
}

/* The consultation sheet's picture of the front view shows the carried
 * dots: page 1 of the marked design's sheet is darker in places, never
 * lighter, than the plain one's. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *pa = g_build_filename (f->dir, "plain.pdf", NULL);
  g_autofree char *pb = g_build_filename (f->dir, "marked.pdf", NULL);
  g_autofree char *ia = g_build_filename (f->dir, "plain-page", NULL);
  g_autofree char *ib = g_build_filename (f->dir, "marked-page", NULL);
  HlRun ra = hl_test_run_hairline (NULL, "report", f->plain, "-o", pa, NULL);
  HlRun rb = hl_test_run_hairline (NULL, "report", f->marked, "-o", pb, NULL);
  g_autoptr(GdkPixbuf) a = NULL, b = NULL;
  guint darker = 0, lighter = 0;

  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);
  a = sheet_page (pa, ia);
  if (a == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      goto out;
    }
  b = sheet_page (pb, ib);
  g_assert_nonnull (b);
  g_assert_cmpint (gdk_pixbuf_get_width (a), ==, gdk_pixbuf_get_width (b));
  g_assert_cmpint (gdk_pixbuf_get_height (a), ==, gdk_pixbuf_get_height (b));
  for (int y = 0; y < gdk_pixbuf_get_height (a); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (a); x++)
      {
        const guchar *p = gdk_pixbuf_read_pixels (a) + y * gdk_pixbuf_get_rowstride (a) + x * gdk_pixbuf_get_n_channels (a);
        const guchar *q = gdk_pixbuf_read_pixels (b) + y * gdk_pixbuf_get_rowstride (b) + x * gdk_pixbuf_get_n_channels (b);
        int sa = p[0] + p[1] + p[2], sb = q[0] + q[1] + q[2];

        darker += sb < sa;
        lighter += sb > sa;
      }
  g_test_message ("sheet page 1: %u pixels darker, %u lighter", darker, lighter);
  g_assert_cmpuint (darker, >, 20);
  g_assert_cmpuint (lighter, <, darker / 10 + 1);

out:
  hl_test_run_clear (&ra);
  hl_test_run_clear (&rb);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-head-zones/stats", Fixture, NULL, fixture_set_up, test_stats, fixture_tear_down);
  g_test_add ("/cli-head-zones/dots", Fixture, NULL, fixture_set_up, test_dots, fixture_tear_down);
  g_test_add ("/cli-head-zones/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/cli-head-zones/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);

  return g_test_run ();
}
