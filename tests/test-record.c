/* test-record.c: the treatment record (client details, session records,
 * progress photos and their alignment) in the model and in design files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-progress-photo-io.h"
#include "hl-record-date.h"

/* A small version 2 design: one view named "front", one zone of 3
 * sessions. */
static const char base_design[] =
  "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 5, \"seed\": 1,\n"
  " \"client\": \"R. Ahmed\",\n"
  " \"views\": [{\"name\": \"front\",\n"
  "   \"photo\": {\"path\": \"front.jpg\", \"width\": 400, \"height\": 300},\n"
  "   \"calibration\": {\"source\": \"manual\", \"mm_per_px\": 0.5, \"uncertainty\": 0.05},\n"
  "   \"zones\": [{\"name\": \"Frontal band\", \"kind\": \"frontal\", \"follows_hairline\": false,\n"
  "      \"boundary\": [[50, 50], [350, 50], [350, 250], [50, 250]], \"density\": 40, \"dot_mm\": 0.12,\n"
  "      \"shade\": \"#2b2b2b\", \"sessions\": [{\"share\": 0.3, \"shade\": \"#555555\"},\n"
  "      {\"share\": 0.4, \"shade\": \"#333333\"}, {\"share\": 0.3, \"shade\": \"#222222\"}]}]}]%s}\n";

static char *
design_text (const char *members)
{
  return g_strdup_printf (base_design, members);
}

static HlDesign *
load (const char *members,
      GError    **error)
{
  g_autofree char *text = design_text (members);

  return hl_design_load_from_data (text, strlen (text), error);
}

static const char full_record[] =
  ",\n \"client_details\": {\"date_of_birth\": \"1984-03-09\", \"fitzpatrick\": \"IV\",\n"
  "   \"hair_colour\": \"#2a211c\", \"notes\": \"Prefers a soft line.\\nReturns in spring.\",\n"
  "   \"contraindications\": \"None known\", \"consent_date\": \"2026-10-28\", \"insurance\": \"kept\"},\n"
  " \"records\": [{\"session\": 1, \"date\": \"2026-11-02\", \"duration_min\": 150, \"needle\": \"3RL\",\n"
  "   \"pigment\": \"carbon black\", \"dilution\": \"1:3\", \"machine\": \"rotary, 3.5 mm stroke, 8 V\",\n"
  "   \"zones\": [\"Frontal band\"], \"notes\": \"Light first pass.\", \"room\": 2,\n"
  "   \"photos\": [{\"path\": \"progress/s1.jpg\", \"width\": 800, \"height\": 600, \"view\": \"front\",\n"
  "      \"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\n"
  "      \"alignment\": {\"pairs\": [{\"photo\": [100, 100], \"view\": [50, 50]},\n"
  "                               {\"photo\": [700, 100], \"view\": [350, 50]}]}}]}]";

/* Every member is read, written back and read again the same. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = load (full_record, &error);
  g_autoptr(HlDesign) back = NULL;
  g_autofree char *text = NULL, *again = NULL;
  const HlSessionRecord *r;
  const HlProgressPhoto *p;
  HlPoint q;
  cJSON *root;

  g_assert_no_error (error);
  g_assert_nonnull (design->client);
  g_assert_cmpstr (design->client->date_of_birth, ==, "1984-03-09");
  g_assert_cmpint (design->client->fitzpatrick, ==, 4);
  g_assert_true (design->client->has_hair_colour);
  g_assert_cmpuint (design->client->hair_colour.r, ==, 0x2a);
  g_assert_cmpstr (design->client->notes, ==, "Prefers a soft line.\nReturns in spring.");
  g_assert_cmpstr (design->client->consent_date, ==, "2026-10-28");
  g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (design->client->extra, "insurance"));

  g_assert_cmpuint (design->records->len, ==, 1);
  r = hl_design_get_record (design, 1);
  g_assert_nonnull (r);
  g_assert_null (hl_design_get_record (design, 2));
  g_assert_cmpstr (r->date, ==, "2026-11-02");
  g_assert_cmpfloat (r->duration_min, ==, 150);
  g_assert_cmpstr (r->needle, ==, "3RL");
  g_assert_cmpfloat (r->dilution_pigment, ==, 1);
  g_assert_cmpfloat (r->dilution_water, ==, 3);
  g_assert_cmpstr (r->machine, ==, "rotary, 3.5 mm stroke, 8 V");
  g_assert_cmpuint (r->zones->len, ==, 1);
  g_assert_cmpuint (r->photos->len, ==, 1);
  p = g_ptr_array_index (r->photos, 0);
  g_assert_cmpstr (p->view, ==, "front");
  g_assert_true (p->aligned);
  g_assert_cmpuint (p->n_pairs, ==, 2);
  /* Fitted from the pairs as it was read: a half-scale shift. */
  g_assert_true (hl_align_apply (p->transform, (HlPoint) { 400, 300 }, &q));
  g_assert_cmpfloat_with_epsilon (q.x, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (q.y, 150, 1e-9);

  text = hl_design_to_json (design, NULL);
  root = cJSON_Parse (text);
  g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (root, "version")->valueint, ==, HL_DESIGN_VERSION);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (cJSON_GetObjectItemCaseSensitive (root, "client_details"),
                                                     "fitzpatrick")->valuestring, ==, "IV");
  cJSON_Delete (root);
  g_assert_nonnull (strstr (text, "\"dilution\":\t\"1:3\""));
  g_assert_nonnull (strstr (text, "\"room\":\t2"));
  g_assert_nonnull (strstr (text, "\"transform\":"));

  back = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_true (hl_client_equal (design->client, back->client));
  g_assert_true (hl_session_record_equal (r, hl_design_get_record (back, 1)));
  again = hl_design_to_json (back, NULL);
  g_assert_cmpstr (again, ==, text);
}

/* A version 2 design has no record; it loads and saves as version 3 with
 * nothing added. */
static void
test_version_2_without_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = load ("", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_null (design->client);
  g_assert_cmpuint (design->records->len, ==, 0);
  g_assert_cmpuint (hl_design_get_n_sessions (design), ==, 3);
  text = hl_design_to_json (design, NULL);
  g_assert_null (strstr (text, "client_details"));
  g_assert_null (strstr (text, "records"));
}

typedef struct
{
  const char *members;
  const char *message;
} BadCase;

/* Bad input is refused naming the JSON path and the rule. */
static void
test_refused (void)
{
  static const BadCase cases[] = {
    { ",\"records\": [{\"session\": 1, \"date\": \"2999-01-01\"}]",
      "records[0].date: is later than today" },
    { ",\"records\": [{\"session\": 1, \"date\": \"2026-02-30\"}]",
      "records[0].date: must be a date written YYYY-MM-DD" },
    { ",\"records\": [{\"session\": 1, \"date\": \"02/11/2026\"}]",
      "records[0].date: must be a date written YYYY-MM-DD" },
    { ",\"records\": [{\"session\": 1, \"duration_min\": -5}]",
      "records[0].duration_min: must not be negative" },
    { ",\"records\": [{\"session\": 1, \"duration_min\": 2000}]",
      "records[0].duration_min: must be 0–1440" },
    { ",\"records\": [{\"session\": 1, \"dilution\": \"1:0\"}]",
      "records[0].dilution: must be two positive numbers" },
    { ",\"records\": [{\"session\": 1, \"dilution\": \"-1:3\"}]",
      "records[0].dilution: must be two positive numbers" },
    { ",\"records\": [{\"session\": 1, \"dilution\": \"one to three\"}]",
      "records[0].dilution: must be two positive numbers" },
    { ",\"records\": [{\"session\": 1, \"dilution\": \"1:3:2\"}]",
      "records[0].dilution: must be two positive numbers" },
    { ",\"records\": [{\"session\": 5}]", "records[0].session: must be 1–4" },
    { ",\"records\": [{\"date\": \"2026-11-02\"}]", "records[0].session: missing required key" },
    { ",\"records\": [{\"session\": 2}, {\"session\": 2}]",
      "records[1].session: another record is already for this session" },
    { ",\"records\": {\"session\": 1}", "records: must be an array" },
    { ",\"records\": [{\"session\": 1, \"zones\": [\"\"]}]", "records[0].zones[0]: must be a zone's name" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"top\"}]}]",
      "records[0].photos[0].view: the design has no view named \"top\"" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10}]}]",
      "records[0].photos[0].view: missing required key" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 0, \"height\": 10, \"view\": \"front\"}]}]",
      "records[0].photos[0].width: must be 1–100000" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"front\","
      " \"sha256\": \"ABC\"}]}]",
      "records[0].photos[0].sha256: must be 64 lowercase hexadecimal digits" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"front\","
      " \"alignment\": {\"pairs\": [{\"photo\": [1, 1], \"view\": [1, 1]}, {\"photo\": [1, 1], \"view\": [5, 5]}]}}]}]",
      "records[0].photos[0].alignment.pairs: the landmarks fix no alignment" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"front\","
      " \"alignment\": {\"pairs\": [{\"photo\": [0, 0], \"view\": [0, 0]}, {\"photo\": [5, 0], \"view\": [5, 0]},"
      " {\"photo\": [10, 0], \"view\": [10, 0]}]}}]}]",
      "records[0].photos[0].alignment.pairs: the landmarks fix no alignment" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"front\","
      " \"alignment\": {\"transform\": [1, 0, 0, 0, 1, 0, 0, 0]}}]}]",
      "records[0].photos[0].alignment.transform: must be 9 finite numbers" },
    { ",\"records\": [{\"session\": 1, \"photos\": [{\"path\": \"a.jpg\", \"width\": 10, \"height\": 10, \"view\": \"front\","
      " \"alignment\": {}}]}]",
      "records[0].photos[0].alignment: needs landmark pairs or a transform" },
    { ",\"client_details\": {\"fitzpatrick\": \"VII\"}", "client_details.fitzpatrick: must be a Fitzpatrick skin type, I to VI" },
    { ",\"client_details\": {\"fitzpatrick\": \"3\"}", "client_details.fitzpatrick: must be a Fitzpatrick skin type, I to VI" },
    { ",\"client_details\": {\"consent_date\": \"2999-12-31\"}", "client_details.consent_date: is later than today" },
    { ",\"client_details\": {\"date_of_birth\": \"yesterday\"}", "client_details.date_of_birth: must be a date" },
    { ",\"client_details\": {\"age\": -3}", "client_details.age: must be 0–130" },
    { ",\"client_details\": {\"hair_colour\": \"brown\"}", "client_details.hair_colour: must be a colour" },
    { ",\"client_details\": []", "client_details: must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = NULL;

      g_test_message ("case %u: %s", i, cases[i].members);
      design = load (cases[i].members, &error);
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected \"%s\" in \"%s\"", i, cases[i].message, error->message);
    }
}

static void
test_dates (void)
{
  g_autofree char *today = hl_record_date_today ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  guint32 a = 0, b = 0;

  g_assert_cmpint (hl_record_date_check (today, NULL), ==, HL_RECORD_DATE_OK);
  g_assert_cmpint (hl_record_date_check (tomorrow_text, NULL), ==, HL_RECORD_DATE_FUTURE);
  g_assert_cmpint (hl_record_date_check ("2024-02-29", &a), ==, HL_RECORD_DATE_OK);
  g_assert_cmpint (hl_record_date_check ("2024-03-01", &b), ==, HL_RECORD_DATE_OK);
  g_assert_cmpuint (b - a, ==, 1);
  g_assert_cmpint (hl_record_date_check ("2023-02-29", NULL), ==, HL_RECORD_DATE_MALFORMED);
  g_assert_cmpint (hl_record_date_check ("2024-2-29", NULL), ==, HL_RECORD_DATE_MALFORMED);
  g_assert_cmpint (hl_record_date_check ("2024-02-29T10", NULL), ==, HL_RECORD_DATE_MALFORMED);
  g_assert_cmpint (hl_record_date_check ("", NULL), ==, HL_RECORD_DATE_MALFORMED);
}

static void
test_dilution (void)
{
  g_autoptr(HlSessionRecord) r = hl_session_record_new (2);
  g_autofree char *text = NULL;
  double p = 0, w = 0;

  g_assert_true (hl_dilution_parse ("1:3", &p, &w));
  g_assert_cmpfloat (p, ==, 1);
  g_assert_cmpfloat (w, ==, 3);
  g_assert_true (hl_dilution_parse (" 2 : 2.5 ", &p, &w));
  g_assert_cmpfloat (w, ==, 2.5);
  g_assert_false (hl_dilution_parse ("1:0", &p, &w));
  g_assert_false (hl_dilution_parse ("0:1", &p, &w));
  g_assert_false (hl_dilution_parse ("1", &p, &w));
  g_assert_false (hl_dilution_parse ("1:3:1", &p, &w));
  g_assert_false (hl_dilution_parse ("1e2:3", &p, &w));
  g_assert_false (hl_dilution_parse ("inf:3", &p, &w));
  g_assert_false (hl_dilution_parse (":3", &p, &w));

  g_assert_null (hl_session_record_format_dilution (r));
  hl_session_record_set_dilution (r, 2, 2.5);
  text = hl_session_record_format_dilution (r);
  g_assert_cmpstr (text, ==, "2:2.5");
}

static void
check_fit (const HlAlignPair *pairs,
           guint              n)
{
  double m[9];

  g_assert_true (hl_align_fit (pairs, n, m));
  for (guint i = 0; i < n; i++)
    {
      HlPoint q;

      g_assert_true (hl_align_apply (m, pairs[i].photo, &q));
      g_assert_cmpfloat_with_epsilon (q.x, pairs[i].view.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (q.y, pairs[i].view.y, 1e-6);
    }
}

/* 2 pairs: a similarity (angles kept); 3: affine; 4: projective; each maps
 * its pairs exactly; degenerate pairs are refused. */
static void
test_alignment (void)
{
  /* Rotated by 90° and scaled by 2 about the origin, then shifted. */
  HlAlignPair two[] = { { { 0, 0 }, { 10, 10 } }, { { 1, 0 }, { 10, 12 } } };
  HlAlignPair three[] = { { { 0, 0 }, { 5, 5 } }, { { 100, 0 }, { 205, 15 } }, { { 0, 100 }, { 25, 305 } } };
  HlAlignPair four[] = { { { 0, 0 }, { 10, 10 } }, { { 100, 0 }, { 120, 20 } },
                         { { 100, 100 }, { 130, 140 } }, { { 0, 100 }, { 5, 115 } } };
  HlAlignPair line[] = { { { 0, 0 }, { 0, 0 } }, { { 1, 1 }, { 3, 3 } }, { { 2, 2 }, { 5, 9 } } };
  g_autoptr(HlProgressPhoto) photo = hl_progress_photo_new ("p.jpg", NULL, 100, 100, "front");
  double m[9];
  HlPoint q;

  check_fit (two, 2);
  g_assert_true (hl_align_fit (two, 2, m));
  g_assert_true (hl_align_apply (m, (HlPoint) { 0, 1 }, &q));
  g_assert_cmpfloat_with_epsilon (q.x, 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (q.y, 10, 1e-9);
  check_fit (three, 3);
  check_fit (four, 4);
  g_assert_true (hl_align_fit (four, 4, m));
  g_assert_cmpfloat (fabs (m[6]) + fabs (m[7]), >, 1e-6);   /* truly projective */

  g_assert_false (hl_align_fit (line, 3, m));
  g_assert_false (hl_align_fit (two, 1, m));
  g_assert_false (hl_progress_photo_align (photo, line, 3));
  g_assert_false (photo->aligned);
  g_assert_true (hl_progress_photo_align (photo, four, 4));
  g_assert_true (photo->aligned);
  g_assert_cmpuint (photo->n_pairs, ==, 4);
}

/* Records are kept in session order, one a session; copies share them. */
static void
test_design_records (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlSessionRecord) r2 = hl_session_record_new (2);
  g_autoptr(HlSessionRecord) r1 = hl_session_record_new (1);
  g_autoptr(HlSessionRecord) r2b = hl_session_record_new (2);
  g_autoptr(HlClient) empty = hl_client_new ();
  g_autoptr(HlClient) client = hl_client_new ();
  g_autoptr(HlDesign) copy = NULL;

  hl_design_set_record (design, r2);
  hl_design_set_record (design, r1);
  g_assert_cmpuint (design->records->len, ==, 2);
  g_assert_true (g_ptr_array_index (design->records, 0) == r1);
  hl_session_record_set_needle (r2b, "1RL");
  hl_design_set_record (design, r2b);
  g_assert_cmpuint (design->records->len, ==, 2);
  g_assert_cmpstr (hl_design_get_record (design, 2)->needle, ==, "1RL");

  hl_design_set_client (design, empty);
  g_assert_null (design->client);
  hl_client_set_fitzpatrick (client, 2);
  hl_design_set_client (design, client);
  g_assert_true (design->client == client);

  copy = hl_design_copy (design);
  g_assert_true (copy->client == client);
  g_assert_true (hl_design_get_record (copy, 1) == r1);
  hl_design_remove_record (copy, 1);
  g_assert_cmpuint (copy->records->len, ==, 1);
  g_assert_cmpuint (design->records->len, ==, 2);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* The next session's copies: photos land beside the new file, private; a
 * name taken by another file gets "-2"; an identical file is used as it
 * is; a photo already in the folder stays; the progress photo's path
 * follows; written relative to the new file on save. */
static void
test_copy_photos (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = g_dir_make_tmp ("hl-record-from-XXXXXX", &error);
  g_autofree char *to = g_dir_make_tmp ("hl-record-to-XXXXXX", &error);
  g_autofree char *view_photo = write_file (from, "front.jpg", "view photo bytes");
  g_autofree char *progress = write_file (from, "s1.jpg", "progress photo bytes");
  g_autofree char *taken = write_file (to, "front.jpg", "another client's photo");
  g_autofree char *same = write_file (to, "s1.jpg", "progress photo bytes");
  g_autofree char *target = g_build_filename (to, "next.json", NULL);
  g_autofree char *copy = g_build_filename (to, "front-2.jpg", NULL);
  g_autoptr(HlDesign) design = load ("", &error);
  g_autoptr(HlDesign) moved = NULL, rebased = NULL, back = NULL;
  g_autoptr(HlView) view = NULL;
  g_autoptr(HlSessionRecord) record = hl_session_record_new (1);
  g_autoptr(HlProgressPhoto) photo = hl_progress_photo_new (progress, NULL, 10, 10, "front");
  g_autofree char *text = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  view = hl_view_copy (hl_design_get_view (design, 0));
  hl_view_set_photo (view, view_photo, NULL, 400, 300);
  hl_design_replace_view (design, 0, view);
  hl_session_record_add_photo (record, photo);
  hl_design_set_record (design, record);

  moved = hl_design_copy_photos (design, target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_design_get_view (moved, 0)->photo.path, ==, copy);
  g_assert_true (g_file_get_contents (copy, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "view photo bytes");
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (taken, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "another client's photo");
  g_assert_cmpstr (((HlProgressPhoto *) g_ptr_array_index (hl_design_get_record (moved, 1)->photos, 0))->path,
                   ==, same);
  /* The original design is untouched. */
  g_assert_cmpstr (((HlProgressPhoto *) g_ptr_array_index (hl_design_get_record (design, 1)->photos, 0))->path,
                   ==, progress);

  rebased = hl_design_rebase_photos (moved, NULL, target);
  g_assert_cmpstr (hl_design_get_view (rebased, 0)->photo.path, ==, "front-2.jpg");
  g_assert_cmpstr (((HlProgressPhoto *) g_ptr_array_index (hl_design_get_record (rebased, 1)->photos, 0))->path,
                   ==, "s1.jpg");
  back = hl_design_rebase_photos (rebased, target, NULL);
  g_assert_cmpstr (((HlProgressPhoto *) g_ptr_array_index (hl_design_get_record (back, 1)->photos, 0))->path,
                   ==, same);

  /* A photo that cannot be read is refused. */
  g_unlink (view_photo);
  g_assert_null (hl_design_copy_photos (design, target, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_PHOTO);

  for (const char *const *f = (const char *const[]) { progress, taken, same, copy, NULL }; *f != NULL; f++)
    g_unlink (*f);
  g_rmdir (from);
  g_rmdir (to);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/round-trip", test_round_trip);
  g_test_add_func ("/record/version-2", test_version_2_without_record);
  g_test_add_func ("/record/refused", test_refused);
  g_test_add_func ("/record/dates", test_dates);
  g_test_add_func ("/record/dilution", test_dilution);
  g_test_add_func ("/record/alignment", test_alignment);
  g_test_add_func ("/record/design", test_design_records);
  g_test_add_func ("/record/copy-photos", test_copy_photos);

  return g_test_run ();
}
