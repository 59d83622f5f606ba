/* test-report-record.c: the consultation sheet with the treatment record:
 * client details, each session's plan beside its record, the hairline
 * height, and no words drawn over others with four sessions. Read back
 * with poppler's pdftotext (skipped without it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-report.h"
#include "hl-test-util.h"

static char *
page_text (const char *pdf,
           const char *page)
{
  char *out = NULL;

  if (hl_test_spawn (&out, "pdftotext", "-f", page, "-l", page, pdf, "-", NULL) != 0)
    return NULL;
  return out;
}

typedef struct
{
  double x0, y0, x1, y1;
  char  *word;
} Box;

static void
box_clear (gpointer p)
{
  g_free (((Box *) p)->word);
}

/* The words of page 1 with their boxes (pdftotext -bbox). */
static GArray *
word_boxes (const char *pdf)
{
  g_autofree char *html = NULL;
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  const char *at;

  g_array_set_clear_func (boxes, box_clear);
  g_assert_cmpint (hl_test_spawn (&html, "pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-", NULL), ==, 0);
  for (at = strstr (html, "<word "); at != NULL; at = strstr (at + 1, "<word "))
    {
      Box b = { 0 };
      const char *gt = strchr (at, '>'), *end = strstr (at, "</word>");

      g_assert_nonnull (gt);
      g_assert_nonnull (end);
      b.x0 = g_ascii_strtod (strstr (at, "xMin=\"") + 6, NULL);
      b.y0 = g_ascii_strtod (strstr (at, "yMin=\"") + 6, NULL);
      b.x1 = g_ascii_strtod (strstr (at, "xMax=\"") + 6, NULL);
      b.y1 = g_ascii_strtod (strstr (at, "yMax=\"") + 6, NULL);
      b.word = g_strndup (gt + 1, (gsize) (end - gt - 1));
      g_array_append_val (boxes, b);
    }
  return boxes;
}

static HlDesign *
load_sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  return design;
}

/* The head-chart sample's first page gives the hairline height: where its
 * hairline crosses the vertical through the glabella, on the photo within
 * 3 mm of the same crossing taken on the straight lines between the
 * control points, and longer along the forehead. */
static void
test_head_chart_height (void)
{
  g_autoptr(HlDesign) design = load_sample ("head-chart-consultation.json");
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "head-chart-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-report-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *page1 = NULL;
  const HlView *view = hl_design_get_view (design, 0);
  const HlPoint *pts = hl_curve_get_points (view->hairline);
  HlPoint g = view->landmarks[HL_LANDMARK_GLABELLA].p;
  double expected = -1, shown, photo;
  const char *at;

  g_assert_no_error (error);
  g_assert_true (hl_report_write_pdf (design, src, pdf, &error));
  g_assert_no_error (error);
  page1 = page_text (pdf, "1");
  if (page1 == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint i = 0; i + 1 < hl_curve_get_n_points (view->hairline); i++)
    if ((pts[i].x - g.x) * (pts[i + 1].x - g.x) <= 0 && pts[i].x != pts[i + 1].x)
      expected = (g.y - (pts[i].y + (g.x - pts[i].x) / (pts[i + 1].x - pts[i].x) * (pts[i + 1].y - pts[i].y))) *
                 view->calibration.mm_per_px / 10.0;
  g_assert_cmpfloat (expected, >, 5);
  at = strstr (page1, "Hairline height above the glabella");
  g_test_message ("%.60s (expected about %.2f cm)", at != NULL ? at : page1, expected);
  g_assert_nonnull (at);
  at = strstr (at, "): ");
  g_assert_nonnull (at);
  shown = g_ascii_strtod (at + 3, NULL);
  /* The chart has a head model: first the height along the forehead,
   * then the photo's, which the straight crossing gives. */
  at = strstr (at, " cm along the forehead (");
  g_assert_nonnull (at);
  photo = g_ascii_strtod (at + strlen (" cm along the forehead ("), NULL);
  g_assert_cmpfloat (fabs (photo - expected), <=, 0.3);
  g_assert_cmpfloat (shown, >, photo);

  g_unlink (pdf);
  g_rmdir (dir);
}

/* Four sessions, each recorded, and a client with long notes: every
 * session's plan and record and the client's details are on page 1, and
 * no two words there overlap. */
static void
test_four_sessions (void)
{
  g_autoptr(HlDesign) sample = load_sample ("front-consultation.json");
  g_autoptr(HlDesign) design = hl_design_copy (sample);
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-report-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *page1 = NULL;
  g_autoptr(HlClient) client = hl_client_new ();
  g_autoptr(GArray) boxes = NULL;
  HlColor hair = { 0x2a, 0x21, 0x1c };
  const HlView *view = hl_design_get_view (design, 0);
  g_autoptr(HlView) four = hl_view_copy (view);

  g_assert_no_error (error);
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    {
      HlZoneParams params = hl_view_get_zone (view, z)->params;
      g_autoptr(HlZone) zone = NULL;

      hl_zone_params_set_n_sessions (&params, 4);
      zone = hl_zone_copy (hl_view_get_zone (view, z));
      hl_zone_set_params (zone, &params);
      hl_view_replace_zone (four, z, zone);
    }
  hl_design_replace_view (design, 0, four);

  hl_client_set_date_of_birth (client, "1984-03-09");
  hl_client_set_fitzpatrick (client, 3);
  hl_client_set_hair_colour (client, &hair);
  hl_client_set_consent_date (client, "2026-10-28");
  hl_client_set_contraindications (client, "None known; no keloid history; not on anticoagulants; "
                                   "patch test on 2026-10-20 healed without reaction, checked at two weeks.");
  hl_client_set_notes (client, "Prefers a soft, slightly receded line; asks to keep the temples natural.");
  hl_design_set_client (design, client);
  for (guint s = 1; s <= 4; s++)
    {
      g_autoptr(HlSessionRecord) r = hl_session_record_new (s);
      g_autofree char *date = g_strdup_printf ("2026-%02u-1%u", 7 + s, s);

      hl_session_record_set_date (r, date);
      hl_session_record_set_duration (r, 60 + 30 * s);
      hl_session_record_set_needle (r, s == 1 ? "1RL" : "3RL");
      hl_session_record_set_pigment (r, "carbon black, pre-diluted");
      hl_session_record_set_dilution (r, 1, 5 - s);
      hl_design_set_record (design, r);
    }

  g_assert_true (hl_report_write_pdf (design, src, pdf, &error));
  g_assert_no_error (error);
  page1 = page_text (pdf, "1");
  if (page1 == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_test_message ("%s", page1);
  for (guint s = 1; s <= 4; s++)
    {
      g_autofree char *planned = g_strdup_printf ("Session %u — planned", s);
      g_autofree char *done = g_strdup_printf ("done 2026-%02u-1%u", 7 + s, s);

      g_assert_nonnull (strstr (page1, planned));
      g_assert_nonnull (strstr (page1, done));
    }
  g_assert_nonnull (strstr (page1, "Session 4: "));
  g_assert_nonnull (strstr (page1, "Born 1984-03-09"));
  g_assert_nonnull (strstr (page1, "Fitzpatrick type III"));
  g_assert_nonnull (strstr (page1, "consent given 2026-10-28"));
  g_assert_nonnull (strstr (page1, "Contraindications:"));
  g_assert_nonnull (strstr (page1, "1:4"));

  boxes = word_boxes (pdf);
  g_assert_cmpuint (boxes->len, >, 100);
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        Box *a = &g_array_index (boxes, Box, i), *b = &g_array_index (boxes, Box, j);
        double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
        double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

        /* Touching boxes of one line are fine; ink over ink is not. */
        if (w > 0.5 && h > 1.0)
          g_error ("\"%s\" (%.0f,%.0f) overlaps \"%s\" (%.0f,%.0f)", a->word, a->x0, a->y0, b->word, b->x0, b->y0);
        g_assert_cmpfloat (a->x1, <=, 595.0);
      }

  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-record/head-chart-height", test_head_chart_height);
  g_test_add_func ("/report-record/four-sessions", test_four_sessions);

  return g_test_run ();
}
