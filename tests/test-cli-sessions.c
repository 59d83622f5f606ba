/* test-cli-sessions.c: `hairline sessions` as a user and an outside check
 * run it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-test-util.h"

static GPtrArray *
samples (void)
{
  const char *dir = g_getenv ("HL_SAMPLES_DIR");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (paths->len, >=, 2);
  return paths;
}

static cJSON *
sessions_json (const char *path,
               const char *rate)
{
  HlRun r = rate != NULL ? hl_test_run_hairline (NULL, "sessions", "--json", "--rate", rate, path, NULL)
                         : hl_test_run_hairline (NULL, "sessions", "--json", path, NULL);
  cJSON *root;

  g_assert_cmpint (r.status, ==, 0);
  root = cJSON_Parse (r.out);
  g_assert_nonnull (root);
  hl_test_run_clear (&r);
  return root;
}

/* The dots of @path per session, counted from `hairline dots` (CSV). */
static void
count_dots (const char *path,
            const char *view,
            guint       counts[4])
{
  HlRun r = hl_test_run_hairline (NULL, "dots", "--view", view, path, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "x,y,diameter_mm,shade,session,zone");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      guint64 s = 0;

      if (lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 6);
      g_assert_true (g_ascii_string_to_unsigned (f[4], 10, 1, 4, &s, NULL));
      counts[s - 1]++;
    }
  hl_test_run_clear (&r);
}

/* Every sample: each session plans dots and takes time; --rate 20 gives
 * planned / 20 minutes; the default rate is 78 a minute; the planned dots
 * are the dots `hairline dots` lists for that session. */
static void
test_samples (void)
{
  g_autoptr(GPtrArray) paths = samples ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
      cJSON *slow = sessions_json (path, "20");
      cJSON *plain = sessions_json (path, NULL);
      const cJSON *list = cJSON_GetObjectItemCaseSensitive (slow, "sessions");
      const cJSON *list2 = cJSON_GetObjectItemCaseSensitive (plain, "sessions");
      guint counts[4] = { 0 };

      g_test_message ("sample %s", path);
      g_assert_no_error (error);
      for (guint v = 0; v < hl_design_get_n_views (design); v++)
        count_dots (path, hl_design_get_view (design, v)->name, counts);

      g_assert_cmpint (cJSON_GetArraySize (list), >=, 2);
      g_assert_cmpint (cJSON_GetArraySize (list), ==, (int) hl_design_get_n_sessions (design));
      g_assert_cmpfloat (cJSON_GetObjectItemCaseSensitive (slow, "rate_dots_per_min")->valuedouble, ==, 20);
      g_assert_cmpfloat (cJSON_GetObjectItemCaseSensitive (plain, "rate_dots_per_min")->valuedouble, ==, 78);
      for (int s = 0; s < cJSON_GetArraySize (list); s++)
        {
          const cJSON *o = cJSON_GetArrayItem (list, s);
          const cJSON *o2 = cJSON_GetArrayItem (list2, s);
          double planned = cJSON_GetObjectItemCaseSensitive (o, "planned_dots")->valuedouble;
          double est = cJSON_GetObjectItemCaseSensitive (o, "estimated_min")->valuedouble;
          double est2 = cJSON_GetObjectItemCaseSensitive (o2, "estimated_min")->valuedouble;

          g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (o, "session")->valueint, ==, s + 1);
          g_assert_cmpfloat (planned, >, 0);
          g_assert_cmpfloat (planned, ==, counts[s]);
          g_assert_cmpfloat (est, >, 0);
          g_assert_cmpfloat (fabs (est - planned / 20.0), <=, 0.05 + 1e-9);
          g_assert_cmpfloat (fabs (est2 - planned / 78.0), <=, 0.05 + 1e-9);
          g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (o, "record"));
        }
      cJSON_Delete (slow);
      cJSON_Delete (plain);
    }
}

/* A recorded session: the contract's members, a photo on disk and one
 * that is not; the text form says "done DATE". */
static void
test_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-sessions-XXXXXX", &error);
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *photo_path = g_build_filename (dir, "s1.jpg", NULL);
  g_autofree char *design_path = g_build_filename (dir, "d.json", NULL);
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlSessionRecord) record = hl_session_record_new (1);
  g_autoptr(HlProgressPhoto) on_disk = hl_progress_photo_new ("s1.jpg", NULL, 512, 512, "front");
  g_autoptr(HlProgressPhoto) missing = hl_progress_photo_new ("gone.jpg", NULL, 512, 512, "front");
  HlAlignPair pairs[] = { { { 10, 10 }, { 12, 12 } }, { { 200, 30 }, { 201, 33 } } };
  cJSON *root;
  const cJSON *s1, *s2, *rec, *photos;
  HlRun r;

  g_assert_no_error (error);
  design = hl_design_load_from_file (src, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (photo_path, "not read here", -1, NULL));
  hl_session_record_set_date (record, "2026-11-02");
  hl_session_record_set_duration (record, 95);
  hl_session_record_set_needle (record, "3RL");
  hl_session_record_set_pigment (record, "carbon black");
  hl_session_record_set_dilution (record, 1, 3);
  hl_session_record_set_notes (record, "Light first pass.");
  g_assert_true (hl_progress_photo_align (on_disk, pairs, 2));
  hl_session_record_add_photo (record, on_disk);
  hl_session_record_add_photo (record, missing);
  hl_design_set_record (design, record);
  g_assert_true (hl_design_save_to_file (design, design_path, &error));
  g_assert_no_error (error);

  root = sessions_json (design_path, NULL);
  s1 = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "sessions"), 0);
  s2 = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "sessions"), 1);
  g_assert_true (cJSON_IsNull (cJSON_GetObjectItemCaseSensitive (s2, "record")));
  rec = cJSON_GetObjectItemCaseSensitive (s1, "record");
  g_assert_true (cJSON_IsObject (rec));
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (rec, "date")->valuestring, ==, "2026-11-02");
  g_assert_cmpfloat (cJSON_GetObjectItemCaseSensitive (rec, "duration_min")->valuedouble, ==, 95);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (rec, "needle")->valuestring, ==, "3RL");
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (rec, "pigment")->valuestring, ==, "carbon black");
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (rec, "dilution")->valuestring, ==, "1:3");
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (rec, "notes")->valuestring, ==, "Light first pass.");
  photos = cJSON_GetObjectItemCaseSensitive (rec, "photos");
  g_assert_cmpint (cJSON_GetArraySize (photos), ==, 2);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 0), "path")->valuestring, ==, "s1.jpg");
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 0), "view")->valuestring, ==, "front");
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 0), "aligned")));
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 0), "exists")));
  g_assert_true (cJSON_IsFalse (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 1), "aligned")));
  g_assert_true (cJSON_IsFalse (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (photos, 1), "exists")));
  cJSON_Delete (root);

  r = hl_test_run_hairline (NULL, "sessions", design_path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "session 1: planned"));
  g_assert_nonnull (strstr (r.out, "done 2026-11-02, 1 h 35 min, 3RL, carbon black, 1:3"));
  g_assert_nonnull (strstr (r.out, "session 2: planned"));
  g_assert_nonnull (strstr (r.out, "not recorded"));
  hl_test_run_clear (&r);

  g_unlink (photo_path);
  g_unlink (design_path);
  g_rmdir (dir);
}

/* A bad --rate is a usage error (2) naming the option; a bad design is
 * bad input (1). */
static void
test_refused (void)
{
  const char *rates[] = { "abc", "0", "-5", "inf", "nan", "20x", "", " 20", "1e9" };
  g_autofree char *good = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  HlRun r;

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *opt = g_strdup_printf ("--rate=%s", rates[i]);

      r = hl_test_run_hairline (NULL, "sessions", opt, good, NULL);
      g_test_message ("rate '%s': %d %s", rates[i], r.status, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "--rate"));
      g_assert_cmpstr (r.out, ==, "");
      hl_test_run_clear (&r);
    }

  r = hl_test_run_hairline (NULL, "sessions", NULL);
  g_assert_cmpint (r.status, ==, 2);
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "sessions", "/nonexistent/design.json", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent/design.json"));
  hl_test_run_clear (&r);

  r = hl_test_run_hairline (NULL, "sessions", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--rate"));
  hl_test_run_clear (&r);
}

/* The sheet times its sessions at the rate given (the window passes the
 * preferences'), as hairline sessions does; a bad rate is refused. */
static void
test_sheet_rate (void)
{
  g_autofree char *good = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("hl-sessions-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expect = NULL;
  cJSON *root = sessions_json (good, "20");
  const cJSON *first = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "sessions"), 0);
  double minutes = cJSON_GetObjectItemCaseSensitive (first, "estimated_min")->valuedouble;
  HlRun r;

  r = hl_test_run_hairline (NULL, "report", good, "-o", pdf, "--rate", "20", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  if (hl_test_spawn (&text, "pdftotext", pdf, "-", NULL) < 0)
    {
      g_test_skip ("poppler-utils are not installed");
      cJSON_Delete (root);
      return;
    }
  g_assert_nonnull (strstr (text, "times at 20 dots a minute"));
  /* Session 1's minutes as hairline sessions gives them, as hours and minutes. */
  expect = g_strdup_printf ("about %d h %d min", (int) lround (minutes) / 60, (int) lround (minutes) % 60);
  g_test_message ("session 1: %.1f min at 20 dots a minute; looking for \"%s\"", minutes, expect);
  g_assert_nonnull (strstr (text, expect));
  cJSON_Delete (root);

  r = hl_test_run_hairline (NULL, "report", good, "-o", pdf, "--rate", "0", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--rate"));
  hl_test_run_clear (&r);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/sessions/samples", test_samples);
  g_test_add_func ("/cli/sessions/record", test_record);
  g_test_add_func ("/cli/sessions/refused", test_refused);
  g_test_add_func ("/cli/sessions/sheet-rate", test_sheet_rate);

  return g_test_run ();
}
