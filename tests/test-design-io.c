/* test-design-io.c: design files in and out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-zone-param.h"

static char *
sample_path (void)
{
  const char *dir = g_getenv ("HL_SAMPLES_DIR");

  return g_build_filename (dir != NULL ? dir : SOURCE_SAMPLES_DIR, "front-consultation.json", NULL);
}

static char *
read_sample (gsize *length)
{
  g_autofree char *path = sample_path ();
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static void
test_sample_round_trip (void)
{
  gsize length, out_length;
  g_autofree char *data = read_sample (&length);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data (data, length, &error);
  g_autofree char *out = NULL;
  const HlView *view;

  g_assert_no_error (error);
  g_assert_nonnull (design);

  /* What the sample promises. */
  view = hl_design_get_view (design, 0);
  g_assert_cmpstr (view->name, ==, "front");
  g_assert_cmpint (view->calibration.source, ==, HL_CALIBRATION_IPD);
  g_assert_true (view->landmarks[HL_LANDMARK_GLABELLA].set);
  g_assert_nonnull (view->hairline);
  g_assert_cmpuint (hl_view_get_n_zones (view), >=, 2);
  g_assert_cmpuint (hl_view_get_zone (view, 0)->params.n_sessions, ==, 3);

  /* Canonical: byte-identical after load → save. */
  out = hl_design_to_json (design, &out_length);
  g_assert_cmpmem (out, out_length, data, length);
}

static void
test_unknown_keys_kept (void)
{
  const char *text =
    "{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 3,"
    " \"future\": {\"a\": [1, 2, {\"b\": null}]},"
    " \"views\": [{\"name\": \"front\", \"view_extra\": \"kept\","
    "   \"photo\": {\"path\": \"p.jpg\", \"width\": 10, \"height\": 20, \"exif_note\": 5},"
    "   \"calibration\": {\"source\": \"manual\", \"mm_per_px\": 0.2, \"device\": \"ruler-3\"},"
    "   \"zones\": [{\"name\": \"Z\", \"kind\": \"crown\", \"boundary\": [[0,0],[10,0],[10,10]],"
    "                \"density\": 50, \"colour_name\": \"charcoal\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) first = hl_design_load_from_data (text, strlen (text), &error);
  g_autoptr(HlDesign) second = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  cJSON *root;
  const cJSON *view, *zone;

  g_assert_no_error (error);
  once = hl_design_to_json (first, NULL);
  second = hl_design_load_from_data (once, strlen (once), &error);
  g_assert_no_error (error);
  twice = hl_design_to_json (second, NULL);
  g_assert_cmpstr (once, ==, twice);

  root = cJSON_Parse (once);
  g_assert_nonnull (root);
  g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (root, "future"));
  view = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), 0);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (view, "view_extra")->valuestring, ==, "kept");
  g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (cJSON_GetObjectItemCaseSensitive (view, "photo"), "exif_note")->valueint, ==, 5);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (cJSON_GetObjectItemCaseSensitive (view, "calibration"), "device")->valuestring, ==, "ruler-3");
  zone = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (view, "zones"), 0);
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (zone, "colour_name")->valuestring, ==, "charcoal");
  /* Defaults were filled in and written. */
  g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (zone, "transition_mm"));
  cJSON_Delete (root);
}

/* A valid design with one substitution: @from → @to in the text. */
static char *
sample_with (const char *from,
             const char *to)
{
  gsize length;
  g_autofree char *data = read_sample (&length);
  char *at = strstr (data, from);
  GString *s;

  g_assert_nonnull (at);
  s = g_string_new_len (data, at - data);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *from;
  const char *to;
  int         code;
  const char *message;
} Case;

static void
test_invalid_inputs (void)
{
  const Case cases[] = {
    { "\"density\":\t60", "\"density\":\t\"lots\"", HL_ERROR_INVALID, "views[0].zones[0].density: must be a number" },
    { "\"density\":\t60", "\"density\":\t401", HL_ERROR_INVALID, "views[0].zones[0].density: must be 1–400 dots/cm²" },
    { "\"density\":\t60", "\"density\":\t0.5", HL_ERROR_INVALID, "views[0].zones[0].density: must be 1–400 dots/cm²" },
    { "\"density\":\t60", "\"density\":\t1e999", HL_ERROR_INVALID, "views[0].zones[0].density: must be a finite number" },
    { "\"density\":\t60,", "", HL_ERROR_INVALID, "views[0].zones[0].density: missing required key" },
    { "\"density\":\t60", "\"density\":\t60, \"density\": 61", HL_ERROR_INVALID, "views[0].zones[0].density: duplicate key" },
    { "\"name\":\t\"front\"", "\"name\":\t7", HL_ERROR_INVALID, "views[0].name: must be a string" },
    { "\"name\":\t\"front\"", "\"name\":\t\"\"", HL_ERROR_INVALID, "views[0].name: must not be empty" },
    { "\"kind\":\t\"frontal\"", "\"kind\":\t\"nape\"", HL_ERROR_INVALID, "views[0].zones[0].kind: must be one of" },
    { "\"shade\":\t\"#75706b\"", "\"shade\":\t\"grey\"", HL_ERROR_INVALID, "views[0].zones[0].sessions[0].shade: must be a colour written #rrggbb" },
    { "\"share\":\t0.3", "\"share\":\t0.4", HL_ERROR_INVALID, "views[0].zones[0].sessions: shares must sum to 1" },
    { "\"share\":\t0.3", "\"share\":\t0.3, \"ink\": 1", HL_ERROR_INVALID, "views[0].zones[0].sessions[0].ink: unknown key" },
    { "\"glabella\":", "\"chin\":", HL_ERROR_INVALID, "views[0].landmarks.chin: not a known landmark" },
    { "\"hairline\":\t[[", "\"hairline\":\t[[1, 2, 3], [", HL_ERROR_INVALID, "views[0].hairline[0]: must be a point [x, y]" },
    { "\"hairline\":\t[[", "\"hairline\":\t[[1e7, 2], [", HL_ERROR_INVALID, "views[0].hairline[0][0]: must be within" },
    { "\"width\":\t512", "\"width\":\t512.5", HL_ERROR_INVALID, "views[0].photo.width: must be an integer" },
    { "\"sha256\":\t\"88431cd9", "\"sha256\":\t\"X8431cd9", HL_ERROR_INVALID, "views[0].photo.sha256: must be 64 lowercase hexadecimal digits" },
    { "\"source\":\t\"ipd\"", "\"source\":\t\"guess\"", HL_ERROR_INVALID, "views[0].calibration.source: must be one of" },
    { "\"mm_per_px\":\t1.398", "\"mm_per_px\":\t-1.398", HL_ERROR_INVALID, "views[0].calibration.mm_per_px: must be 0.001–100" },
    { "\"op\":\t\"remove\"", "\"op\":\t\"paint\"", HL_ERROR_INVALID, "views[0].edits[0].op: must be add or remove" },
    { "\"seed\":\t2026", "\"seed\":\t-1", HL_ERROR_INVALID, "seed: must be 0–4294967295" },
    { "\"version\":\t1", "\"version\":\t3", HL_ERROR_VERSION, "newer Hairline Studio (format version 3)" },
    { "\"version\":\t1", "\"version\":\t\"1\"", HL_ERROR_INVALID, "version: must be an integer" },
    { "\"format\":\t\"hairline-studio-design\"", "\"format\":\t\"other\"", HL_ERROR_PARSE, "not a Hairline Studio design" },
    { "\"views\":\t[{", "\"views\": [], \"x\": [{", HL_ERROR_INVALID, "views: must have at least one view" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sample_with (cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_malformed_documents (void)
{
  struct { const char *text; int code; const char *message; } cases[] = {
    { "", HL_ERROR_PARSE, "empty" },
    { "{", HL_ERROR_PARSE, "not valid JSON (line 1" },
    { "[1, 2]", HL_ERROR_PARSE, "not a JSON object" },
    { "{\"format\": \"hairline-studio-design\"} trailing", HL_ERROR_PARSE, "not valid JSON" },
    { "{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 1}",
      HL_ERROR_INVALID, "views: missing required key" },
    { "{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 1, \"views\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}",
      HL_ERROR_INVALID, "views[1].name: another view is already named" },
    { "{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 1, \"views\": [{\"name\": \"a\", \"zones\": [{\"name\": \"z\", \"kind\": \"crown\", \"boundary\": [[0,0],[1,1]], \"density\": 50}]}]}",
      HL_ERROR_INVALID, "views[0].zones[0].boundary: must have 3–4096 points" },
  };
  /* Invalid UTF-8 inside a string. */
  const char bad_utf8[] = "{\"format\": \"hairline-studio-design\", \"client\": \"\xff\xfe\"}";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (cases[i].text, strlen (cases[i].text), &error);

      g_test_message ("malformed %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HlDesign) design = hl_design_load_from_data (bad_utf8, sizeof bad_utf8 - 1, &error);

    g_assert_null (design);
    g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
    g_assert_nonnull (strstr (error->message, "UTF-8"));
  }
}

static void
test_pathological_sizes (void)
{
  GString *deep = g_string_new (NULL);
  GString *many = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 1,"
                                " \"views\": [{\"name\": \"a\", \"hairline\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;

  /* 2000 levels of nesting: refused (cJSON stops at 1000), no crash. */
  for (guint i = 0; i < 2000; i++)
    g_string_append_c (deep, '[');
  design = hl_design_load_from_data (deep->str, deep->len, &error);
  g_assert_null (design);
  g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
  g_clear_error (&error);
  g_string_free (deep, TRUE);

  /* More control points than allowed. */
  for (guint i = 0; i < HL_CURVE_MAX_POINTS + 1; i++)
    g_string_append_printf (many, "%s[%u, 1]", i > 0 ? "," : "", i);
  g_string_append (many, "]}]}");
  design = hl_design_load_from_data (many->str, many->len, &error);
  g_assert_null (design);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "views[0].hairline: must have 2–4096 points"));
  g_clear_error (&error);
  g_string_free (many, TRUE);

  /* Over the size limit: refused before parsing. */
  {
    gsize size = HL_DESIGN_MAX_FILE_SIZE + 1;
    g_autofree char *big = g_malloc (size);

    memset (big, ' ', size);
    design = hl_design_load_from_data (big, size, &error);
    g_assert_null (design);
    g_assert_error (error, HL_ERROR, HL_ERROR_TOO_LARGE);
  }
}

static void
test_save_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "design.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "design.json", NULL);
  g_autofree char *sample = sample_path ();
  g_autoptr(HlDesign) design = hl_design_load_from_file (sample, &error);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDir) listing = NULL;
  guint entries = 0;

  g_assert_no_error (error);

  /* Over a longer existing file: replaced entirely, nothing left behind. */
  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  {
    char *junk = g_strnfill (200000, 'x');

    g_assert_true (g_file_set_contents (path, junk, -1, NULL));
    g_free (junk);
  }
  g_assert_true (hl_design_save_to_file (design, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  expected = hl_design_to_json (design, NULL);
  g_assert_cmpstr (written, ==, expected);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    entries++;
  g_assert_cmpuint (entries, ==, 1);

  /* Into a missing folder: an I/O error, no file. */
  g_assert_false (hl_design_save_to_file (design, missing, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A missing design file: an I/O error naming the problem. */
  g_assert_null (hl_design_load_from_file (missing, &error));
  g_assert_error (error, HL_ERROR, HL_ERROR_IO);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_built_design_saves_and_loads (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("top");
  HlPoint pts[] = { { 0.12345, 1 }, { 100, 2 }, { 50, 80 } };
  g_autoptr(HlCurve) outline = hl_curve_new (pts, 3, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zp.density = 77.5;
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &zp);
  hl_view_append_zone (view, zone);
  hl_design_append_view (design, view);
  hl_design_set_client_label (design, "Zoë Ω");

  text = hl_design_to_json (design, NULL);
  back = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->client_label, ==, "Zoë Ω");
  g_assert_cmpfloat (hl_view_get_zone (hl_design_get_view (back, 0), 0)->params.density, ==, 77.5);
  /* Coordinates are kept to a thousandth of a pixel. */
  g_assert_cmpfloat (hl_curve_get_points (hl_view_get_zone (hl_design_get_view (back, 0), 0)->boundary)[0].x, ==, 0.123);
}

/* Messages are exactly what users have been seeing: the table drives the
 * reader without changing a byte of them. */
static void
test_range_messages (void)
{
  struct { const char *from, *to, *message; } cases[] = {
    { "\"density\":\t60", "\"density\":\t0", "views[0].zones[0].density: must be 1–400 dots/cm²" },
    { "\"transition_mm\":\t8", "\"transition_mm\":\t41", "views[0].zones[0].transition_mm: must be 0–40 mm" },
    { "\"macro_amplitude_mm\":\t2", "\"macro_amplitude_mm\":\t-1", "views[0].zones[0].macro_amplitude_mm: must be 0–10 mm" },
    { "\"macro_wavelength_mm\":\t30", "\"macro_wavelength_mm\":\t1", "views[0].zones[0].macro_wavelength_mm: must be 2–200 mm" },
    { "\"micro_irregularity\":\t0.4", "\"micro_irregularity\":\t1.1", "views[0].zones[0].micro_irregularity: must be 0–1" },
    { "\"sentinels_per_cm\":\t1.5", "\"sentinels_per_cm\":\t21", "views[0].zones[0].sentinels_per_cm: must be 0–20 per cm" },
    { "\"edge_blend_mm\":\t4", "\"edge_blend_mm\":\t40.5", "views[0].zones[0].edge_blend_mm: must be 0–40 mm" },
    { "\"dot_mm\":\t0.25", "\"dot_mm\":\t0.01", "views[0].zones[0].dot_mm: must be 0.05–1.5 mm" },
    { "\"dot_spread\":\t0.15", "\"dot_spread\":\t0.6", "views[0].zones[0].dot_spread: must be 0–0.5" },
    { "\"shade_spread\":\t0.12", "\"shade_spread\":\t-0.1", "views[0].zones[0].shade_spread: must be 0–0.5" },
    { "\"dot_spread\":\t0.15", "\"dot_spread\":\ttrue", "views[0].zones[0].dot_spread: must be a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sample_with (cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);

      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/design-io/sample-round-trip", test_sample_round_trip);
  g_test_add_func ("/design-io/unknown-keys-kept", test_unknown_keys_kept);
  g_test_add_func ("/design-io/invalid-inputs", test_invalid_inputs);
  g_test_add_func ("/design-io/malformed-documents", test_malformed_documents);
  g_test_add_func ("/design-io/pathological-sizes", test_pathological_sizes);
  g_test_add_func ("/design-io/save-atomic", test_save_atomic);
  g_test_add_func ("/design-io/built-design", test_built_design_saves_and_loads);
  g_test_add_func ("/design-io/range-messages", test_range_messages);

  return g_test_run ();
}
