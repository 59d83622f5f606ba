/* test-cli-stdio.c: the `hairline` command's standard input and output
 * ("-"), --version on every command, and `validate` listing every problem
 * (text and --json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-test-util.h"

typedef struct
{
  int     status;
  GBytes *out;
  char   *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_bytes_unref);
  g_clear_pointer (&r->err, g_free);
}

/* Runs $HAIRLINE in @dir with @argv (NULL-terminated, without the
 * program), @input on its standard input (NULL: none). */
static Run
run (const char         *dir,
     GBytes             *input,
     const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  Run r = { 0 };
  gsize len;

  g_ptr_array_add (args, (gpointer) g_getenv ("HAIRLINE"));
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);
  g_subprocess_launcher_set_cwd (launcher, dir);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, input != NULL ? input : nothing, NULL, &r.out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r.status = g_subprocess_get_exit_status (proc);
  {
    const char *data = g_bytes_get_data (err, &len);

    r.err = g_strndup (data != NULL ? data : "", len);
  }
  return r;
}

static char *
out_text (const Run *r)
{
  gsize len;
  const char *data = g_bytes_get_data (r->out, &len);

  return g_strndup (data != NULL ? data : "", len);
}

/* A folder with a copy of the sample design and its photo. */
static char *
make_workdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hl-cli-stdio-XXXXXX", &error);
  const char *files[] = { "front-consultation.json", "astronaut.png" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), files[i], NULL);
      g_autofree char *dst = g_build_filename (dir, files[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (src, &data, &len, NULL));
      g_assert_true (g_file_set_contents (dst, data, (gssize) len, NULL));
    }
  return dir;
}

static void
remove_workdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GBytes *
read_bytes (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
test_version_everywhere (void)
{
  const char *help[] = { "--help", NULL };
  Run r = run (NULL, NULL, help);
  g_autofree char *text = out_text (&r);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean in_commands = FALSE;
  guint n = 0;

  g_assert_cmpint (r.status, ==, 0);
  /* Every command the help lists, those added later too. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (g_str_has_prefix (lines[i], "Commands:"))
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands)
        continue;
      if (!g_str_has_prefix (lines[i], "  "))
        break;
      words = g_strsplit_set (g_strstrip (lines[i]), " ", 2);
      {
        const char *argv[] = { words[0], "--version", NULL };
        Run v = run (NULL, NULL, argv);
        g_autofree char *vt = out_text (&v);
        g_autofree char *expected = g_strdup_printf ("hairline %s\n", PACKAGE_VERSION);

        g_test_message ("hairline %s --version: %s", words[0], vt);
        g_assert_cmpint (v.status, ==, 0);
        g_assert_cmpstr (vt, ==, expected);
        run_clear (&v);
        n++;
      }
    }
  g_assert_cmpuint (n, >=, 5);
  run_clear (&r);
}

static void
test_design_from_stdin (void)
{
  g_autofree char *dir = make_workdir ();
  g_autoptr(GBytes) design = read_bytes (dir, "front-consultation.json");
  const char *validate[] = { "validate", "-v", "-", NULL };
  const char *dots_file[] = { "dots", "front-consultation.json", NULL };
  const char *dots_stdin[] = { "dots", "-", NULL };
  const char *stats_stdin[] = { "stats", "--json", "-", NULL };
  const char *twice[] = { "validate", "-", "-", NULL };
  Run r, f;
  g_autofree char *text = NULL;

  r = run (dir, design, validate);
  g_assert_cmpint (r.status, ==, 0);
  text = out_text (&r);
  g_assert_cmpstr (text, ==, "(standard input): valid\n");
  run_clear (&r);

  /* The same dots from the file and from standard input. */
  f = run (dir, NULL, dots_file);
  r = run (dir, design, dots_stdin);
  g_assert_cmpint (f.status, ==, 0);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (f.out), >, 10000);
  g_assert_true (g_bytes_equal (f.out, r.out));
  run_clear (&f);
  run_clear (&r);

  r = run (dir, design, stats_stdin);
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autofree char *json = out_text (&r);
    g_autoptr(GError) error = NULL;
    cJSON *root = cJSON_Parse (json);

    g_assert_nonnull (root);
    g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (root, "views"));
    cJSON_Delete (root);
  }
  run_clear (&r);

  /* Not JSON on standard input: bad input, named as such. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a design", 12);

    r = run (dir, junk, dots_stdin);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_true (g_str_has_prefix (r.err, "(standard input): "));
    run_clear (&r);
  }

  r = run (dir, design, twice);
  g_assert_cmpint (r.status, ==, 2);
  run_clear (&r);

  remove_workdir (dir);
}

static void
test_outputs_to_stdout (void)
{
  g_autofree char *dir = make_workdir ();
  g_autoptr(GBytes) design = read_bytes (dir, "front-consultation.json");
  const char *dots_dash[] = { "dots", "front-consultation.json", "-o", "-", NULL };
  const char *dots_plain[] = { "dots", "front-consultation.json", NULL };
  const char *render_file[] = { "render", "front-consultation.json", "-o", "mockup.png", NULL };
  const char *render_dash[] = { "render", "-", "-o", "-", NULL };
  const char *report_dash[] = { "report", "front-consultation.json", "-o", "-", NULL };
  g_autofree char *dash = g_build_filename (dir, "-", NULL);
  g_autoptr(GBytes) png = NULL;
  Run r, f;

  /* dots -o - writes to standard output, not to a file named "-". */
  r = run (dir, NULL, dots_dash);
  f = run (dir, NULL, dots_plain);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_bytes_equal (f.out, r.out));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (r.out, NULL), "x,y,diameter_mm,shade,session,zone\n"));
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  run_clear (&r);
  run_clear (&f);

  /* The PNG on standard output is the one a file gets, byte for byte, and
   * gdk-pixbuf reads it back at the same size. */
  f = run (dir, NULL, render_file);
  g_assert_cmpint (f.status, ==, 0);
  png = read_bytes (dir, "mockup.png");
  r = run (dir, design, render_dash);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (g_bytes_get_size (r.out), >, 1000);
  g_assert_true (g_bytes_equal (png, r.out));
  {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
    g_autoptr(GError) error = NULL;
    GdkPixbuf *pixbuf;

    gdk_pixbuf_loader_write_bytes (loader, r.out, &error);
    g_assert_no_error (error);
    gdk_pixbuf_loader_close (loader, &error);
    g_assert_no_error (error);
    pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
    g_assert_nonnull (pixbuf);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), >, 100);
  }
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  run_clear (&r);
  run_clear (&f);

  /* The sheet: a whole PDF. */
  r = run (dir, NULL, report_dash);
  g_assert_cmpint (r.status, ==, 0);
  {
    gsize len;
    const char *pdf = g_bytes_get_data (r.out, &len);

    g_assert_cmpuint (len, >, 1000);
    g_assert_true (memcmp (pdf, "%PDF-", 5) == 0);
    g_assert_nonnull (g_strstr_len (pdf + len - 32, 32, "%%EOF"));
  }
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
  run_clear (&r);

  remove_workdir (dir);
}

/* The sample with six problems in different members. */
static GBytes *
broken_design (void)
{
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *text = NULL;
  cJSON *root, *view, *zones;
  char *out;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  root = cJSON_Parse (text);
  g_assert_nonnull (root);
  view = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), 0);
  zones = cJSON_GetObjectItemCaseSensitive (view, "zones");
  cJSON_ReplaceItemInObjectCaseSensitive (root, "seed", cJSON_CreateString ("abc"));
  cJSON_ReplaceItemInObjectCaseSensitive (cJSON_GetObjectItemCaseSensitive (view, "calibration"),
                                          "mm_per_px", cJSON_CreateNumber (-1));
  cJSON_ReplaceItemInObjectCaseSensitive (cJSON_GetObjectItemCaseSensitive (view, "landmarks"),
                                          "glabella", cJSON_CreateString ("x"));
  cJSON_ReplaceItemInArray (cJSON_GetObjectItemCaseSensitive (view, "hairline"), 2, cJSON_CreateArray ());
  cJSON_ReplaceItemInObjectCaseSensitive (cJSON_GetArrayItem (zones, 0), "density", cJSON_CreateNumber (9999));
  /* A required member missing: its zone is left out, not the view. */
  cJSON_DeleteItemFromObjectCaseSensitive (cJSON_GetArrayItem (zones, 1), "name");
  out = cJSON_Print (root);
  cJSON_Delete (root);
  return g_bytes_new_with_free_func (out, strlen (out), cJSON_free, out);
}

static void
test_validate_every_error (void)
{
  g_autofree char *dir = make_workdir ();
  g_autoptr(GBytes) bad = broken_design ();
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  const char *text_args[] = { "validate", "bad.json", NULL };
  const char *first_args[] = { "validate", "--first", "bad.json", NULL };
  const char *json_args[] = { "validate", "--json", "-", NULL };
  const char *two_args[] = { "validate", "--json", "front-consultation.json", "bad.json", NULL };
  const char *expected[][2] = {
    { "seed", "must be an integer" },
    { "views[0].calibration.mm_per_px", "must be" },
    { "views[0].landmarks.glabella", "must be a point" },
    { "views[0].hairline[2]", "must be a point" },
    { "views[0].zones[0].density", "must be 1–400" },
    { "views[0].zones[1].name", "missing required key" },
  };
  g_auto(GStrv) lines = NULL;
  cJSON *root, *errors;
  Run r;

  g_assert_true (g_file_set_contents (bad_path, g_bytes_get_data (bad, NULL), (gssize) g_bytes_get_size (bad), NULL));

  r = run (dir, NULL, text_args);
  g_test_message ("%s", r.err);
  g_assert_cmpint (r.status, ==, 1);
  lines = g_strsplit (r.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("bad.json: %s: %s", expected[i][0], expected[i][1]);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
  run_clear (&r);

  r = run (dir, NULL, first_args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "bad.json: seed: must be an integer\n");
  run_clear (&r);

  r = run (dir, bad, json_args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.err, ==, "");
  {
    g_autofree char *json = out_text (&r);

    root = cJSON_Parse (json);
  }
  g_assert_nonnull (root);
  g_assert_true (cJSON_IsFalse (cJSON_GetObjectItemCaseSensitive (root, "valid")));
  errors = cJSON_GetObjectItemCaseSensitive (root, "errors");
  g_assert_cmpint (cJSON_GetArraySize (errors), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      cJSON *e = cJSON_GetArrayItem (errors, (int) i);

      g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (e, "path")), ==, expected[i][0]);
      g_assert_true (g_str_has_prefix (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (e, "message")),
                                       expected[i][1]));
    }
  cJSON_Delete (root);
  run_clear (&r);

  /* Several files: an array, the valid one with no errors. */
  r = run (dir, NULL, two_args);
  g_assert_cmpint (r.status, ==, 1);
  {
    g_autofree char *json = out_text (&r);

    root = cJSON_Parse (json);
  }
  g_assert_true (cJSON_IsArray (root));
  g_assert_cmpint (cJSON_GetArraySize (root), ==, 2);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (root, 0), "valid")));
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (root, 0), "errors")), ==, 0);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (root, 1), "errors")),
                   ==, G_N_ELEMENTS (expected));
  cJSON_Delete (root);
  run_clear (&r);

  /* Not JSON at all: one error, for the whole file. */
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("{\"format\": ", 11);
    cJSON *e;

    r = run (dir, junk, json_args);
    g_assert_cmpint (r.status, ==, 1);
    {
      g_autofree char *json = out_text (&r);

      root = cJSON_Parse (json);
    }
    errors = cJSON_GetObjectItemCaseSensitive (root, "errors");
    g_assert_cmpint (cJSON_GetArraySize (errors), ==, 1);
    e = cJSON_GetArrayItem (errors, 0);
    g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (e, "path")), ==, "");
    cJSON_Delete (root);
    run_clear (&r);
  }

  remove_workdir (dir);
}

/* More than 100 problems: the first 100, and the list says it is cut. */
static void
test_validate_many_errors (void)
{
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autofree char *text = NULL;
  const char *json_args[] = { "validate", "--json", "-", NULL };
  const char *text_args[] = { "validate", "-", NULL };
  g_autoptr(GBytes) input = NULL;
  cJSON *root, *view, *hairline, *errors;
  char *out;
  Run r;

  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  root = cJSON_Parse (text);
  view = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), 0);
  hairline = cJSON_CreateArray ();
  for (int i = 0; i < 300; i++)
    {
      /* Every other point is no point. */
      if (i % 2 == 0)
        cJSON_AddItemToArray (hairline, cJSON_CreateString ("x"));
      else
        {
          double p[2] = { 170.0 + i * 0.3, 90.0 - i * 0.05 };

          cJSON_AddItemToArray (hairline, cJSON_CreateDoubleArray (p, 2));
        }
    }
  cJSON_ReplaceItemInObjectCaseSensitive (view, "hairline", hairline);
  out = cJSON_Print (root);
  cJSON_Delete (root);
  input = g_bytes_new_with_free_func (out, strlen (out), cJSON_free, out);

  r = run (NULL, input, json_args);
  g_assert_cmpint (r.status, ==, 1);
  {
    g_autofree char *json = out_text (&r);

    root = cJSON_Parse (json);
  }
  errors = cJSON_GetObjectItemCaseSensitive (root, "errors");
  g_assert_cmpint (cJSON_GetArraySize (errors), ==, 100);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (errors, 0), "path")),
                   ==, "views[0].hairline[0]");
  /* Paths of the file as given: the 100th bad point is hairline[198]. */
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (errors, 99), "path")),
                   ==, "views[0].hairline[198]");
  g_assert_true (cJSON_IsFalse (cJSON_GetObjectItemCaseSensitive (root, "complete")));
  cJSON_Delete (root);
  run_clear (&r);

  r = run (NULL, input, text_args);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "more problems may follow"));
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-stdio/version-everywhere", test_version_everywhere);
  g_test_add_func ("/cli-stdio/design-from-stdin", test_design_from_stdin);
  g_test_add_func ("/cli-stdio/outputs-to-stdout", test_outputs_to_stdout);
  g_test_add_func ("/cli-stdio/validate-every-error", test_validate_every_error);
  g_test_add_func ("/cli-stdio/validate-many-errors", test_validate_many_errors);
  return g_test_run ();
}
