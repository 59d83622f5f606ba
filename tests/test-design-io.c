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
    { "\"density\":\t80", "\"density\":\t\"lots\"", HL_ERROR_INVALID, "views[0].zones[0].density: must be a number" },
    { "\"density\":\t80", "\"density\":\t401", HL_ERROR_INVALID, "views[0].zones[0].density: must be 1–400 dots/cm²" },
    { "\"density\":\t80", "\"density\":\t0.5", HL_ERROR_INVALID, "views[0].zones[0].density: must be 1–400 dots/cm²" },
    { "\"density\":\t80", "\"density\":\t1e999", HL_ERROR_INVALID, "views[0].zones[0].density: must be a finite number" },
    { "\"density\":\t80,", "", HL_ERROR_INVALID, "views[0].zones[0].density: missing required key" },
    { "\"density\":\t80", "\"density\":\t60, \"density\": 61", HL_ERROR_INVALID, "views[0].zones[0].density: duplicate key" },
    { "\"name\":\t\"front\"", "\"name\":\t7", HL_ERROR_INVALID, "views[0].name: must be a string" },
    { "\"name\":\t\"front\"", "\"name\":\t\"\"", HL_ERROR_INVALID, "views[0].name: must not be empty" },
    { "\"kind\":\t\"frontal\"", "\"kind\":\t\"nape\"", HL_ERROR_INVALID,
      "views[0].zones[0].kind: must be one of frontal, temple, mid_scalp, crown, scar, custom" },
    { "\"shade\":\t\"#75706b\"", "\"shade\":\t\"grey\"", HL_ERROR_INVALID, "views[0].zones[0].sessions[0].shade: must be a colour written #rrggbb" },
    { "\"share\":\t0.3", "\"share\":\t0.4", HL_ERROR_INVALID, "views[0].zones[0].sessions: shares must sum to 1" },
    { "\"share\":\t0.3", "\"share\":\t0.3, \"ink\": 1", HL_ERROR_INVALID, "views[0].zones[0].sessions[0].ink: unknown key" },
    { "\"glabella\":", "\"chin\":", HL_ERROR_INVALID, "views[0].landmarks.chin: not a known landmark" },
    { "\"hairline\":\t[[", "\"hairline\":\t[[1, 2, 3], [", HL_ERROR_INVALID, "views[0].hairline[0]: must be a point [x, y]" },
    { "\"hairline\":\t[[", "\"hairline\":\t[[1e7, 2], [", HL_ERROR_INVALID, "views[0].hairline[0][0]: must be within" },
    { "\"width\":\t512", "\"width\":\t512.5", HL_ERROR_INVALID, "views[0].photo.width: must be an integer" },
    { "\"sha256\":\t\"88431cd9", "\"sha256\":\t\"X8431cd9", HL_ERROR_INVALID, "views[0].photo.sha256: must be 64 lowercase hexadecimal digits" },
    { "\"source\":\t\"ipd\"", "\"source\":\t\"guess\"", HL_ERROR_INVALID,
      "views[0].calibration.source: must be one of none, ruler, iris, ipd, manual" },
    { "\"mm_per_px\":\t1.398", "\"mm_per_px\":\t-1.398", HL_ERROR_INVALID, "views[0].calibration.mm_per_px: must be 0.001–100" },
    { "\"op\":\t\"remove\"", "\"op\":\t\"paint\"", HL_ERROR_INVALID, "views[0].edits[0].op: must be add or remove" },
    { "\"seed\":\t2026", "\"seed\":\t-1", HL_ERROR_INVALID, "seed: must be 0–4294967295" },
    { "\"version\":\t4", "\"version\":\t5", HL_ERROR_VERSION, "newer Hairline Studio (format version 5); this build reads version 4 or older" },
    { "\"version\":\t4", "\"version\":\t\"2\"", HL_ERROR_INVALID, "version: must be an integer" },
    { "\"version\":\t4", "\"version\":\t0", HL_ERROR_INVALID, "version: must be 1–2147483647" },
    /* Corner points (format version 2). */
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[0, 8, 11, 20]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[3]: must be a point index 0–19" },
    { "\"boundary_corners\":\t[0, 6]", "\"boundary_corners\":\t[0, 16]", HL_ERROR_INVALID,
      "views[0].zones[1].boundary_corners[1]: must be a point index 0–15" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[-1, 8, 11, 17]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[0]: must be a point index 0–19" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[0, 8, 8, 17]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[2]: must be more than the index before it (8)" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[0, 11, 8, 17]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[2]: must be more than the index before it (11)" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[0, 8.5, 11, 17]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[1]: must be an integer" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t[0, \"8\", 11, 17]", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners[1]: must be an integer" },
    { "\"boundary_corners\":\t[0, 8, 11, 17]", "\"boundary_corners\":\t8", HL_ERROR_INVALID,
      "views[0].zones[0].boundary_corners: must be an array of point indices" },
    { "\"boundary_corners\":\t[0, 6]", "\"boundary_corners\":\t[0, 6], \"boundary_corners\": []", HL_ERROR_INVALID,
      "views[0].zones[1].boundary_corners: duplicate key" },
    { "\"zones\":\t[{", "\"hairline_corners\": [0, 9], \"zones\":\t[{", HL_ERROR_INVALID,
      "views[0].hairline_corners[1]: must be a point index 0–8" },
    { "\"zones\":\t[{", "\"hairline_corners\": {}, \"zones\":\t[{", HL_ERROR_INVALID,
      "views[0].hairline_corners: must be an array of point indices" },
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

/* Where the text stops being JSON, the message names the JSON path being
 * read and what is wrong there, not only a line and column. */
static void
test_syntax_messages (void)
{
  struct { const char *text; const char *message; } cases[] = {
    /* The reliability issue's file: JSON has no NaN. */
    { "{\"format\":\"hairline-studio-design\",\"version\":2,\"engine_version\":4,\"seed\":1,"
      "\"views\":[{\"name\":NaN}]}",
      "views[0].name: NaN is not JSON; numbers must be finite (line 1, column 93)" },
    { "{\"views\": [{\"zones\": [{}, {\"density\": -Infinity}]}]}",
      "views[0].zones[1].density: -Infinity is not JSON; numbers must be finite (line 1, column 39)" },
    { "{\"views\": [{\"hairline\": [[1, 2],\n  [nan, 3]]}]}",
      "views[0].hairline[1][0]: nan is not JSON; numbers must be finite (line 2, column 4)" },
    { "Infinity", "(top level): Infinity is not JSON; numbers must be finite (line 1, column 1)" },
    /* Escaped keys are named as they read. */
    { "{\"vi\\u0065ws\": [{\"seed\": NaN}]}",
      "views[0].seed: NaN is not JSON; numbers must be finite (line 1, column 26)" },
    /* Other mistakes: said in words, with the path where there is one. */
    { "{\"format\": \"hairline-studio-design\", \"version\": ",
      "not valid JSON at version (line 1, column 49): the text ends before the design does" },
    { "{\"views\": [{\"name\": \"a\"}",
      "not valid JSON at views (line 1, column 25): the text ends before the design does" },
    { "{\"views\": [1, 2, ]}",
      "not valid JSON at views[2] (line 1, column 18): a comma before “]” is not JSON" },
    { "{\"format\": \"x\", }", "not valid JSON (line 1, column 17): a comma before “}” is not JSON" },
    { "{'format': 'x'}", "not valid JSON (line 1, column 2): strings and keys must be in double quotes" },
    { "{\"format\": \"x\", // a note\n\"seed\": 1}", "not valid JSON (line 1, column 17): comments are not JSON" },
    { "{\"format\": \"x\", views: []}", "not valid JSON (line 1, column 17): keys must be strings in double quotes" },
    { "{\"a\": 1 \"b\": 2}",
      "not valid JSON (line 1, column 9): a comma or a closing bracket is missing before “\"b”" },
    { "{\"views\": [{\"a\": tru}]}", "not valid JSON at views[0].a (line 1, column 18): unexpected “tru”" },
    { "{\"format\": \"x\"} x", "not valid JSON (line 1, column 17): text follows the end of the design" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (cases[i].text, strlen (cases[i].text), &error);

      g_test_message ("syntax %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* In a whole design, pretty-printed: the second zone's name. */
  {
    g_autofree char *text = sample_with ("\"Mid-scalp\"", "NaN");
    g_autoptr(GError) error = NULL;
    g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);

    g_assert_null (design);
    g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
    g_assert_true (g_str_has_prefix (error->message,
                                     "views[0].zones[1].name: NaN is not JSON; numbers must be finite (line 71, column"));
  }
}

/* A NUL byte is valid UTF-8 but a control character: the message says so,
 * with its place; other bytes that are not UTF-8 keep their message. */
static void
test_nul_byte_messages (void)
{
  static const char nul_in_value[] = "{\"format\": \"hairline-studio-design\",\n \"client\": \"Al\0ice\"}";
  static const char nul_in_key[] = "{\"views\": [{\"na\0me\": 1}]}";
  static const char nul_outside[] = "{\"seed\": 1}\0";
  static const char bad_byte[] = "{\"views\": [{\"name\": \"\xff\"}]}";
  struct { const char *text; gsize length; const char *message; } cases[] = {
    { nul_in_value, sizeof nul_in_value - 1,
      "client: a NUL byte (U+0000) at line 2, column 15 (byte 51): "
      "control characters are not allowed in a design" },
    { nul_in_key, sizeof nul_in_key - 1,
      "views[0]: a NUL byte (U+0000) at line 1, column 16 (byte 15): "
      "control characters are not allowed in a design" },
    { nul_outside, sizeof nul_outside - 1,
      "a NUL byte (U+0000) at line 1, column 12 (byte 11): control characters are not allowed in a design" },
    { bad_byte, sizeof bad_byte - 1, "views[0].name: not valid UTF-8 text at line 1, column 22 (byte 21)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (cases[i].text, cases[i].length, &error);

      g_test_message ("encoding %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* cJSON cuts a string at \u0000 and says nothing: such strings, and other
 * control characters that would cut or disguise a name, a path or a label,
 * are refused with the JSON path of the string. */
static void
test_strict_strings (void)
{
  struct { const char *from; const char *to; const char *message; } refused[] = {
    { "\"Sample client\"", "\"Alice\\u0000Bob\"",
      "client: must not contain control characters (U+0000)" },
    { "\"astronaut.png\"", "\"astronaut.png\\u0000.jpg\"",
      "views[0].photo.path: must not contain control characters (U+0000)" },
    { "\"Frontal band\"", "\"Frontal\\u0000\"",
      "views[0].zones[0].name: must not contain control characters (U+0000)" },
    { "\"Sample client\"", "\"Alice\\u001b[2J\"",
      "client: must not contain control characters (U+001B)" },
    { "\"Sample client\"", "\"Alice\\nBob\"",
      "client: must not contain control characters (U+000A)" },
    { "\"Sample client\"", "\"Alice\\u0085\"",
      "client: must not contain control characters (U+0085)" },
    { "\"astronaut.png\"", "\"gnp.\\u202eastronaut.jpg\"",
      "views[0].photo.path: must not contain control characters (U+202E)" },
    { "\"astronaut.png\"", "\"astro\\tnaut.png\"",
      "views[0].photo.path: must not contain control characters (U+0009)" },
    { "\"source\":", "\"source\\u0000x\": 1, \"source\":",
      "views[0].calibration.source: a key must not contain control characters (U+0000)" },
    /* Members kept for a newer version are checked too: written back,
     * they would come out cut. */
    { "\"client\"", "\"future\": {\"list\": [1, \"a\\u0000b\"]}, \"client\"",
      "future.list[1]: must not contain control characters (U+0000)" },
    /* Escaped backslashes before "u0000" are not an escape of NUL. */
    { "\"Sample client\"", "\"C:\\\\u0000\\u0000\"",
      "client: must not contain control characters (U+0000)" },
  };
  struct { const char *from; const char *to; const char *expect; } accepted[] = {
    /* Notes are free text: tabs and line breaks are welcome. */
    { "\"Demonstration design", "\"Line 1\\n\\tLine 2\\r\\nDemonstration design", "Line 1\n\tLine 2\r\n" },
    /* A literal backslash-u-0000 is text, not NUL. */
    { "\"Sample client\"", "\"Alice \\\\u0000\"", "Alice \\u0000" },
    { "\"Sample client\"", "\"Đặng Thị — Ana-María\"", "Đặng Thị — Ana-María" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *text = sample_with (refused[i].from, refused[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);

      g_test_message ("refused %u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (design);
      g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, refused[i].message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *text = sample_with (accepted[i].from, accepted[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);
      g_autoptr(HlDesign) again = NULL;
      g_autofree char *saved = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (design);
      g_assert_true (g_str_has_prefix (design->notes, accepted[i].expect) ||
                     g_strcmp0 (design->client_label, accepted[i].expect) == 0);
      /* And they survive a save. */
      saved = hl_design_to_json (design, NULL);
      again = hl_design_load_from_data (saved, strlen (saved), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again->notes, ==, design->notes);
      g_assert_cmpstr (again->client_label, ==, design->client_label);
    }
}

/* Deep nesting is called that (cJSON's limit is 1000 levels), wherever it
 * is; brackets inside strings do not count. */
static void
test_nesting_depth (void)
{
  GString *deep = g_string_new ("{\"format\": \"hairline-studio-design\", \"x\": ");
  GString *ok = g_string_new (NULL);
  g_autofree char *in_string = NULL;
  g_autofree char *brackets = g_strnfill (5000, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  design = hl_design_load_from_data (deep->str, deep->len, &error);
  g_assert_null (design);
  g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==,
                   "nested too deeply (limit 1000 levels): level 1001 starts at line 1, column 1042");
  g_clear_error (&error);

  /* 1000 levels parse (and are refused for what they are, not for depth). */
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (ok, ']');
  design = hl_design_load_from_data (ok->str, ok->len, &error);
  g_assert_null (design);
  g_assert_error (error, HL_ERROR, HL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "not a JSON object"));
  g_clear_error (&error);

  /* 5000 brackets inside a string (of a kept unknown member, after an
   * escaped quote) are text. */
  {
    g_autofree char *member = g_strconcat ("\"doodle\": \"\\\"", brackets, "\", \"client\"", NULL);

    in_string = sample_with ("\"client\"", member);
  }
  design = hl_design_load_from_data (in_string, strlen (in_string), &error);
  g_assert_no_error (error);
  g_assert_nonnull (design);

  g_string_free (deep, TRUE);
  g_string_free (ok, TRUE);
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

/* What the editor stores always loads again: names, labels and notes set
 * through the model lose the control characters a file may not hold. */
static void
test_edited_text_reloads (void)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("top");
  HlPoint pts[] = { { 0, 0 }, { 100, 0 }, { 50, 80 } };
  g_autoptr(HlCurve) outline = hl_curve_new (pts, 3, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &zp);
  hl_zone_set_name (zone, "\tCrown\xe2\x80\xae" "2\x1b");   /* tab, U+202E, ESC */
  g_assert_cmpstr (zone->name, ==, " Crown 2 ");
  hl_view_append_zone (view, zone);
  hl_design_append_view (design, view);
  hl_design_set_client_label (design, "Zo\xc3\xab\nΩ\xc2\x85");   /* LF, U+0085 */
  g_assert_cmpstr (design->client_label, ==, "Zoë Ω ");
  hl_design_set_notes (design, "Line 1\n\tLine 2\x07");   /* BEL */
  g_assert_cmpstr (design->notes, ==, "Line 1\n\tLine 2 ");

  text = hl_design_to_json (design, NULL);
  back = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_view_get_zone (hl_design_get_view (back, 0), 0)->name, ==, " Crown 2 ");
  g_assert_cmpstr (back->client_label, ==, "Zoë Ω ");
  g_assert_cmpstr (back->notes, ==, "Line 1\n\tLine 2 ");
}

static void
assert_json_equal (const cJSON *a,
                   const cJSON *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (cJSON_Compare (a, b, TRUE));
}

static void
assert_same_zone (const HlZone *a,
                  const HlZone *b)
{
  const HlZoneParams *p = &a->params, *q = &b->params;
  const HlZoneParamInfo *table;
  guint n;

  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_true (hl_curve_equal (a->boundary, b->boundary));
  table = hl_zone_params_get_table (&n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (hl_zone_param_get (p, &table[i]), ==, hl_zone_param_get (q, &table[i]));
  g_assert_cmpint (p->follows_hairline, ==, q->follows_hairline);
  g_assert_cmpmem (&p->shade, sizeof p->shade, &q->shade, sizeof q->shade);
  g_assert_cmpuint (p->n_sessions, ==, q->n_sessions);
  for (guint i = 0; i < p->n_sessions; i++)
    {
      g_assert_cmpfloat (p->sessions[i].share, ==, q->sessions[i].share);
      g_assert_cmpmem (&p->sessions[i].shade, sizeof (HlColor), &q->sessions[i].shade, sizeof (HlColor));
    }
  g_assert_cmpuint (p->seed, ==, q->seed);
  assert_json_equal (a->extra, b->extra);
}

/* Every value of @a equals @b's, apart from the format version. */
static void
assert_same_design (const HlDesign *a,
                    const HlDesign *b)
{
  g_assert_cmpint (a->engine_version, ==, b->engine_version);
  g_assert_cmpuint (a->seed, ==, b->seed);
  g_assert_cmpstr (a->client_label, ==, b->client_label);
  g_assert_cmpstr (a->notes, ==, b->notes);
  assert_json_equal (a->extra, b->extra);
  g_assert_cmpuint (hl_design_get_n_views (a), ==, hl_design_get_n_views (b));

  for (guint v = 0; v < hl_design_get_n_views (a); v++)
    {
      const HlView *x = hl_design_get_view (a, v);
      const HlView *y = hl_design_get_view (b, v);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->photo.path, ==, y->photo.path);
      g_assert_cmpstr (x->photo.sha256, ==, y->photo.sha256);
      g_assert_cmpint (x->photo.width, ==, y->photo.width);
      g_assert_cmpint (x->photo.height, ==, y->photo.height);
      assert_json_equal (x->photo_extra, y->photo_extra);
      g_assert_cmpint (x->calibration.source, ==, y->calibration.source);
      g_assert_cmpfloat (x->calibration.mm_per_px, ==, y->calibration.mm_per_px);
      g_assert_cmpfloat (x->calibration.uncertainty, ==, y->calibration.uncertainty);
      g_assert_cmpint (x->calibration.has_reference, ==, y->calibration.has_reference);
      g_assert_cmpfloat (x->calibration.ref_a.x, ==, y->calibration.ref_a.x);
      g_assert_cmpfloat (x->calibration.ref_a.y, ==, y->calibration.ref_a.y);
      g_assert_cmpfloat (x->calibration.ref_b.x, ==, y->calibration.ref_b.x);
      g_assert_cmpfloat (x->calibration.ref_b.y, ==, y->calibration.ref_b.y);
      g_assert_cmpfloat (x->calibration.ref_mm, ==, y->calibration.ref_mm);
      assert_json_equal (x->calibration_extra, y->calibration_extra);
      for (guint i = 0; i < HL_N_LANDMARKS; i++)
        {
          g_assert_cmpint (x->landmarks[i].set, ==, y->landmarks[i].set);
          g_assert_cmpfloat (x->landmarks[i].p.x, ==, y->landmarks[i].p.x);
          g_assert_cmpfloat (x->landmarks[i].p.y, ==, y->landmarks[i].p.y);
        }
      g_assert_true (hl_curve_equal (x->hairline, y->hairline));
      g_assert_cmpuint (hl_view_get_n_zones (x), ==, hl_view_get_n_zones (y));
      for (guint i = 0; i < hl_view_get_n_zones (x); i++)
        assert_same_zone (hl_view_get_zone (x, i), hl_view_get_zone (y, i));
      g_assert_cmpuint (x->edits->len, ==, y->edits->len);
      for (guint i = 0; i < x->edits->len; i++)
        {
          const HlDotEdit *e = &g_array_index (x->edits, HlDotEdit, i);
          const HlDotEdit *f = &g_array_index (y->edits, HlDotEdit, i);

          g_assert_cmpint (e->kind, ==, f->kind);
          g_assert_cmpfloat (e->p.x, ==, f->p.x);
          g_assert_cmpfloat (e->p.y, ==, f->p.y);
          g_assert_cmpfloat (e->radius_px, ==, f->radius_px);
          g_assert_cmpfloat (e->diameter_mm, ==, f->diameter_mm);
          g_assert_cmpmem (&e->shade, sizeof (HlColor), &f->shade, sizeof (HlColor));
          g_assert_cmpuint (e->session, ==, f->session);
        }
      assert_json_equal (x->extra, y->extra);
    }
}

static char *
v1_dir (void)
{
  const char *dir = g_getenv ("HL_TEST_DATA_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "v1", NULL);
}

/* Files written in format version 1 still open (their views in the photo
 * plane, without a head model), and saving one writes the current version
 * with nothing else changed. */
static void
test_version_1_files (void)
{
  g_autofree char *dir = v1_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDesign) old = NULL;
      g_autoptr(HlDesign) back = NULL;
      g_autofree char *text = NULL;
      cJSON *root;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_test_message ("version 1 file %s", name);
      path = g_build_filename (dir, name, NULL);
      old = hl_design_load_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (old->version, ==, 1);

      text = hl_design_to_json (old, NULL);
      root = cJSON_Parse (text);
      g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (root, "version")->valueint, ==, HL_DESIGN_VERSION);
      g_assert_cmpint (HL_DESIGN_VERSION, ==, 4);
      g_assert_null (cJSON_GetObjectItemCaseSensitive (root, "head"));
      cJSON_Delete (root);
      g_assert_false (old->has_head);
      for (guint v = 0; v < hl_design_get_n_views (old); v++)
        g_assert_false (hl_design_get_view (old, v)->has_head);

      back = hl_design_load_from_data (text, strlen (text), &error);
      g_assert_no_error (error);
      g_assert_cmpint (back->version, ==, HL_DESIGN_VERSION);
      assert_same_design (old, back);
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);

  /* The hand-written one covers every member: spot-check that they were
   * read, not defaulted. */
  {
    g_autofree char *path = g_build_filename (dir, "every-member.json", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(HlDesign) design = hl_design_load_from_file (path, &error);
    const HlView *front, *crown;
    const HlZone *zone;

    g_assert_no_error (error);
    g_assert_cmpuint (design->seed, ==, 4000000000u);
    g_assert_cmpstr (design->client_label, ==, "Fixture client Ø");
    g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (design->extra, "archive_id"));
    front = hl_design_get_view (design, 0);
    g_assert_cmpstr (front->photo.path, ==, "photos/front.jpg");
    g_assert_cmpint (front->photo.height, ==, 4000);
    g_assert_nonnull (front->photo_extra);
    g_assert_cmpint (front->calibration.source, ==, HL_CALIBRATION_RULER);
    g_assert_cmpfloat (front->calibration.mm_per_px, ==, 0.125);
    g_assert_cmpfloat (front->calibration.ref_mm, ==, 100);
    g_assert_nonnull (front->calibration_extra);
    for (guint i = 0; i < HL_N_LANDMARKS; i++)
      g_assert_true (front->landmarks[i].set);
    g_assert_cmpuint (hl_curve_get_n_points (front->hairline), ==, 5);
    g_assert_false (hl_curve_has_corners (front->hairline));
    zone = hl_view_get_zone (front, 0);
    g_assert_cmpfloat (zone->params.density, ==, 72.5);
    g_assert_cmpfloat (zone->params.transition_mm, ==, 9.5);
    g_assert_cmpfloat (zone->params.macro_amplitude_mm, ==, 2.25);
    g_assert_cmpfloat (zone->params.macro_wavelength_mm, ==, 31);
    g_assert_cmpfloat (zone->params.micro_irregularity, ==, 0.45);
    g_assert_cmpfloat (zone->params.sentinels_per_cm, ==, 2.5);
    g_assert_cmpfloat (zone->params.edge_blend_mm, ==, 5.5);
    g_assert_cmpfloat (zone->params.dot_mm, ==, 0.22);
    g_assert_cmpfloat (zone->params.dot_spread, ==, 0.2);
    g_assert_cmpfloat (zone->params.shade_spread, ==, 0.08);
    g_assert_cmpuint (zone->params.n_sessions, ==, 4);
    g_assert_cmpuint (zone->params.seed, ==, G_MAXUINT32);
    g_assert_nonnull (zone->extra);
    g_assert_cmpuint (front->edits->len, ==, 3);
    g_assert_nonnull (front->extra);
    crown = hl_design_get_view (design, 1);
    g_assert_cmpint (crown->calibration.source, ==, HL_CALIBRATION_NONE);
    g_assert_null (crown->hairline);
    g_assert_cmpfloat (hl_view_get_zone (crown, 0)->params.dot_mm, ==, 1.5);
    g_assert_cmpfloat (hl_view_get_zone (crown, 1)->params.macro_wavelength_mm, ==, 2);
  }
}

/* Corner flags are saved as point indices and read back. */
static void
test_corners_round_trip (void)
{
  HlPoint hair[] = { { 0, 50 }, { 40, 20 }, { 80, 10 }, { 120, 20 }, { 160, 50 } };
  gboolean hair_corners[] = { FALSE, FALSE, TRUE, FALSE, FALSE };
  HlPoint box[] = { { 0, 0 }, { 200, 0 }, { 200, 100 }, { 100, 120 }, { 0, 100 } };
  gboolean box_corners[] = { TRUE, TRUE, TRUE, FALSE, TRUE };
  g_autoptr(HlCurve) hairline = hl_curve_new_full (hair, hair_corners, 5, FALSE);
  g_autoptr(HlCurve) outline = hl_curve_new_full (box, box_corners, 5, TRUE);
  g_autoptr(HlCurve) smooth = hl_curve_new (box, 5, TRUE);
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlZone) plain = NULL;
  g_autoptr(HlDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  HlZoneParams zp;
  cJSON *root, *jview, *jzones, *list;

  hl_zone_params_init (&zp);
  zone = hl_zone_new ("Box", HL_ZONE_CUSTOM, outline, &zp);
  plain = hl_zone_new ("Smooth", HL_ZONE_CUSTOM, smooth, &zp);
  hl_view_set_hairline (view, hairline);
  hl_view_append_zone (view, zone);
  hl_view_append_zone (view, plain);
  hl_design_append_view (design, view);

  text = hl_design_to_json (design, NULL);
  g_assert_nonnull (strstr (text, "\"hairline_corners\":\t[2],"));
  g_assert_nonnull (strstr (text, "\"boundary_corners\":\t[0, 1, 2, 4],"));

  root = cJSON_Parse (text);
  jview = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), 0);
  /* Corners follow their curve; a smooth curve writes none. */
  g_assert_cmpstr (cJSON_GetObjectItemCaseSensitive (jview, "hairline")->next->string, ==, "hairline_corners");
  jzones = cJSON_GetObjectItemCaseSensitive (jview, "zones");
  list = cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (jzones, 0), "boundary");
  g_assert_cmpstr (list->next->string, ==, "boundary_corners");
  g_assert_null (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (jzones, 1), "boundary_corners"));
  cJSON_Delete (root);

  back = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  assert_same_design (design, back);
  g_assert_true (hl_curve_is_corner (hl_design_get_view (back, 0)->hairline, 2));
  g_assert_false (hl_curve_is_corner (hl_design_get_view (back, 0)->hairline, 1));
  g_assert_false (hl_curve_has_corners (hl_view_get_zone (hl_design_get_view (back, 0), 1)->boundary));
  again = hl_design_to_json (back, NULL);
  g_assert_cmpstr (again, ==, text);

  /* An empty list is no corners; corners without a hairline are refused. */
  {
    const char *empty =
      "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 1, \"seed\": 1,"
      " \"views\": [{\"name\": \"a\", \"hairline\": [[0, 0], [10, 0]], \"hairline_corners\": []}]}";
    const char *orphan =
      "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 1, \"seed\": 1,"
      " \"views\": [{\"name\": \"a\", \"hairline_corners\": [0]}]}";
    g_autoptr(HlDesign) d1 = hl_design_load_from_data (empty, strlen (empty), &error);
    g_autoptr(HlDesign) d2 = NULL;

    g_assert_no_error (error);
    g_assert_false (hl_curve_has_corners (hl_design_get_view (d1, 0)->hairline));
    d2 = hl_design_load_from_data (orphan, strlen (orphan), &error);
    g_assert_null (d2);
    g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "views[0].hairline_corners: given without hairline");
  }
}

/* Messages are exactly what users have been seeing: the table drives the
 * reader without changing a byte of them. */
static void
test_range_messages (void)
{
  struct { const char *from, *to, *message; } cases[] = {
    { "\"density\":\t80", "\"density\":\t0", "views[0].zones[0].density: must be 1–400 dots/cm²" },
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
  g_test_add_func ("/design-io/syntax-messages", test_syntax_messages);
  g_test_add_func ("/design-io/nul-byte-messages", test_nul_byte_messages);
  g_test_add_func ("/design-io/pathological-sizes", test_pathological_sizes);
  g_test_add_func ("/design-io/strict-strings", test_strict_strings);
  g_test_add_func ("/design-io/nesting-depth", test_nesting_depth);
  g_test_add_func ("/design-io/edited-text-reloads", test_edited_text_reloads);
  g_test_add_func ("/design-io/save-atomic", test_save_atomic);
  g_test_add_func ("/design-io/built-design", test_built_design_saves_and_loads);
  g_test_add_func ("/design-io/version-1-files", test_version_1_files);
  g_test_add_func ("/design-io/corners-round-trip", test_corners_round_trip);
  g_test_add_func ("/design-io/range-messages", test_range_messages);

  return g_test_run ();
}
