/* test-locale.c: the core and the hairline command in French.
 *
 * Under LC_ALL=fr_FR.UTF-8 messages, help and the consultation sheet are
 * French and human-readable numbers have a decimal comma, while what is
 * written for programs (saved designs, `hairline dots` CSV and JSON,
 * `stats --json`, the PNG's metadata chunks, the PDF's page figures) is
 * byte for byte what the C locale writes. The French locale is compiled
 * into a temporary folder (localedef, LOCPATH) and the catalogue comes
 * from the build tree (HL_LOCALEDIR), so nothing is installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-i18n.h"
#include "hl-render.h"
#include "hl-test-util.h"
#include "hl-tool-landmark.h"
#include "hl-units.h"
#include "hl-zone-param.h"

#define FRENCH "fr_FR.UTF-8"

static char *locale_dir;   /* holds fr_FR.UTF-8, or NULL when it cannot be made */
static char *work_dir;

/* A design whose only fault is a density over 400 dots/cm². */
static const char bad_design[] =
  "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 2, \"seed\": 1,\n"
  " \"views\": [{\"name\": \"front\", \"zones\": [{\"name\": \"z\", \"kind\": \"frontal\",\n"
  "   \"boundary\": [[0, 0], [10, 0], [10, 10]], \"density\": 900}]}]}\n";

static gboolean
need_locale (void)
{
  if (locale_dir == NULL)
    g_test_skip ("the French locale cannot be made here (localedef and Debian's locales package)");
  return locale_dir != NULL;
}

static char *
sample (void)
{
  return g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
}

/* The hairline command under @locale ("C.UTF-8" or FRENCH). */
static HlRun
run_in (const char *locale,
        const char *first,
        ...) G_GNUC_NULL_TERMINATED;

static HlRun
run_in (const char *locale,
        const char *first,
        ...)
{
  const char *args[16];
  guint n = 0;
  va_list ap;
  HlRun r;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (args) - 1);
      args[n++] = a;
    }
  va_end (ap);
  while (n < G_N_ELEMENTS (args))
    args[n++] = NULL;

  g_setenv ("LC_ALL", locale, TRUE);
  r = hl_test_run_hairline (NULL, args[0], args[1], args[2], args[3], args[4], args[5], args[6],
                            args[7], args[8], args[9], args[10], args[11], args[12], args[13],
                            args[14], NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  return r;
}

static GBytes *
read_file (const char *path)
{
  char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_bytes_new_take (data, length);
}

/* The metadata chunks of the PNG at @path (tEXt, zTXt, iTXt, pHYs, sRGB,
 * in file order, each with its length and type), as one string. */
static GString *
png_metadata (const char *path)
{
  g_autofree char *data = NULL;
  gsize length, at = 8;
  GString *out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  while (at + 12 <= length)
    {
      const guchar *p = (const guchar *) data + at;
      guint32 n = ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
      char type[5] = { 0 };

      memcpy (type, p + 4, 4);
      g_assert_cmpuint (at + 12 + n, <=, length);
      if (g_str_equal (type, "tEXt") || g_str_equal (type, "zTXt") || g_str_equal (type, "iTXt") ||
          g_str_equal (type, "pHYs") || g_str_equal (type, "sRGB"))
        {
          g_string_append_printf (out, "%s %u:", type, n);
          /* Keywords end with a NUL: written \0, so the text reads on. */
          for (guint32 k = 0; k < n; k++)
            if (p[8 + k] == '\0')
              g_string_append (out, "\\0");
            else
              g_string_append_c (out, (char) p[8 + k]);
          g_string_append_c (out, '\n');
        }
      at += 12 + n;
    }
  return out;
}

/* The lines of `pdfinfo` that hold numbers: pages, page size, version. */
static char *
pdf_figures (const char *path)
{
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  if (hl_test_spawn (&info, "pdfinfo", path, NULL) != 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:") || g_str_has_prefix (lines[i], "Page size:") ||
        g_str_has_prefix (lines[i], "PDF version:") || g_str_has_prefix (lines[i], "Creator:"))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* A bad design's message, and the help, in French; the same in English
 * under C. */
static void
test_messages (void)
{
  g_autofree char *bad = g_build_filename (work_dir, "bad.json", NULL);
  HlRun r;

  if (!need_locale ())
    return;
  g_assert_true (g_file_set_contents (bad, bad_design, -1, NULL));

  r = run_in (FRENCH, "validate", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "views[0].zones[0].density: doit être entre 1 et 400 points/cm²"));
  hl_test_run_clear (&r);
  r = run_in ("C.UTF-8", "validate", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "views[0].zones[0].density: must be 1–400 dots/cm²"));
  hl_test_run_clear (&r);

  r = run_in (FRENCH, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Usage : hairline COMMANDE"));
  g_assert_nonnull (strstr (r.out, "Écrire la fiche de consultation (PDF)"));
  hl_test_run_clear (&r);

  /* A command's options come through GOptionContext. */
  r = run_in (FRENCH, "render", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "PROJET -o SORTIE.png"));
  g_assert_nonnull (strstr (r.out, "Omettre la mention de simulation"));
  hl_test_run_clear (&r);

  r = run_in (FRENCH, "dots", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "hairline dots : un fichier PROJET est attendu"));
  hl_test_run_clear (&r);

  r = run_in (FRENCH, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "commande inconnue « frobnicate »"));
  hl_test_run_clear (&r);
}

/* `stats` text is for people: French words, plurals and decimal commas. */
static void
test_stats_text (void)
{
  g_autofree char *design = sample ();
  HlRun fr, c;

  if (!need_locale ())
    return;
  fr = run_in (FRENCH, "stats", design, NULL);
  c = run_in ("C.UTF-8", "stats", design, NULL);
  g_assert_cmpint (fr.status, ==, 0);
  g_assert_cmpint (c.status, ==, 0);
  g_test_message ("%s", fr.out);

  g_assert_nonnull (strstr (c.out, "control points"));
  g_assert_nonnull (strstr (c.out, "mm/px from ipd"));
  g_assert_true (g_regex_match_simple ("hairline: [0-9]+\\.[0-9]{2} cm", c.out, 0, 0));

  g_assert_nonnull (strstr (fr.out, "points de contrôle"));
  g_assert_nonnull (strstr (fr.out, "mm/px par écart pupillaire"));
  g_assert_nonnull (strstr (fr.out, "points/cm² demandés"));
  g_assert_true (g_regex_match_simple ("ligne frontale : [0-9]+,[0-9]{2} cm", fr.out, 0, 0));
  g_assert_true (g_regex_match_simple ("séance 1 : [0-9]+", fr.out, 0, 0));
  hl_test_run_clear (&fr);
  hl_test_run_clear (&c);
}

/* What programs read is the same under both locales. */
static void
test_machine_outputs (void)
{
  g_autofree char *design = sample ();
  const char *formats[] = { "csv", "json" };
  HlRun fr, c;

  if (!need_locale ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      fr = run_in (FRENCH, "dots", design, "--format", formats[i], NULL);
      c = run_in ("C.UTF-8", "dots", design, "--format", formats[i], NULL);
      g_assert_cmpint (fr.status, ==, 0);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpuint (strlen (c.out), >, 1000);
      g_assert_cmpstr (fr.out, ==, c.out);
      hl_test_run_clear (&fr);
      hl_test_run_clear (&c);
    }

  /* The CSV's numbers have a point: 6 fields, 5 commas a row. */
  c = run_in (FRENCH, "dots", design, NULL);
  {
    g_auto(GStrv) rows = g_strsplit (c.out, "\n", 3);

    g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]{3},[0-9]+\\.[0-9]{3},[0-9]\\.[0-9]{4},#[0-9a-f]{6},[0-9]+,[0-9a-z]+$",
                                         rows[1], 0, 0));
  }
  hl_test_run_clear (&c);

  fr = run_in (FRENCH, "stats", design, "--json", NULL);
  c = run_in ("C.UTF-8", "stats", design, "--json", NULL);
  g_assert_cmpint (fr.status, ==, 0);
  g_assert_cmpstr (fr.out, ==, c.out);
  g_assert_nonnull (strstr (c.out, "\"source\":\t\"ipd\""));
  hl_test_run_clear (&fr);
  hl_test_run_clear (&c);
}

/* The mockup's mark and the sheet follow the language; the PNG's
 * metadata chunks and the PDF's figures do not. */
static void
test_exports (void)
{
  g_autofree char *design = sample ();
  g_autofree char *png_fr = g_build_filename (work_dir, "fr.png", NULL);
  g_autofree char *png_c = g_build_filename (work_dir, "c.png", NULL);
  g_autofree char *pdf_fr = g_build_filename (work_dir, "fr.pdf", NULL);
  g_autofree char *pdf_c = g_build_filename (work_dir, "c.pdf", NULL);
  g_autofree char *figures_fr = NULL;
  g_autofree char *figures_c = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GString *meta_fr, *meta_c;
  HlRun r;

  if (!need_locale ())
    return;

  r = run_in (FRENCH, "render", design, "-o", png_fr, "--scale", "0.5", "--stage", "healed", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  r = run_in ("C.UTF-8", "render", design, "-o", png_c, "--scale", "0.5", "--stage", "healed", NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);

  meta_fr = png_metadata (png_fr);
  meta_c = png_metadata (png_c);
  g_assert_nonnull (strstr (meta_c->str, "Simulation — healed results vary"));
  g_assert_nonnull (strstr (meta_c->str, "pHYs 9:"));
  g_assert_cmpstr (meta_fr->str, ==, meta_c->str);
  g_string_free (meta_fr, TRUE);
  g_string_free (meta_c, TRUE);
  /* The visible mark is French: the pixels differ. */
  {
    g_autoptr(GBytes) a = read_file (png_fr);
    g_autoptr(GBytes) b = read_file (png_c);

    g_assert_false (g_bytes_equal (a, b));
  }

  r = run_in (FRENCH, "report", design, "-o", pdf_fr, NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);
  r = run_in ("C.UTF-8", "report", design, "-o", pdf_c, NULL);
  g_assert_cmpint (r.status, ==, 0);
  hl_test_run_clear (&r);

  figures_fr = pdf_figures (pdf_fr);
  if (figures_fr == NULL)
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  figures_c = pdf_figures (pdf_c);
  g_assert_nonnull (strstr (figures_c, "Pages:"));
  g_assert_nonnull (strstr (figures_c, "A4"));
  g_assert_cmpstr (figures_fr, ==, figures_c);

  g_assert_cmpint (hl_test_spawn (&text, "pdftotext", pdf_fr, "-", NULL), ==, 0);
  g_assert_nonnull (strstr (text, "Fiche de consultation"));
  g_assert_nonnull (strstr (text, "Simulation — le résultat cicatrisé peut varier"));
  g_assert_nonnull (strstr (text, "Bande frontale"));
  g_assert_nonnull (strstr (text, "Étalonnage : écart pupillaire"));
  g_assert_true (g_regex_match_simple ("Surface [0-9]+,[0-9] cm²", text, 0, 0));
  g_assert_cmpint (hl_test_spawn (&title, "pdfinfo", pdf_fr, NULL), ==, 0);
  g_assert_nonnull (strstr (title, "Fiche de consultation"));
}

/* In one process: a design saved under French reads back the same, byte
 * for byte what C writes; lengths for people have a comma and French unit
 * names; the core's own errors are French. */
static void
test_in_process (void)
{
  g_autofree char *path = sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlDesign) again = NULL;
  g_autofree char *json_c = NULL;
  g_autofree char *json_fr = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *length_c = NULL;
  g_autofree char *length_fr = NULL;
  g_autofree char *inches_fr = NULL;
  g_autofree char *old = NULL;

  if (!need_locale ())
    return;

  design = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  json_c = hl_design_to_json (design, NULL);
  length_c = hl_units_format_length (12.5, HL_UNIT_MM, 1);

  old = g_strdup (setlocale (LC_ALL, NULL));
  g_assert_nonnull (setlocale (LC_ALL, FRENCH));
  json_fr = hl_design_to_json (design, NULL);
  again = hl_design_load_from_data (json_fr, strlen (json_fr), &error);
  g_assert_no_error (error);
  json_again = hl_design_to_json (again, NULL);
  length_fr = hl_units_format_length (12.5, HL_UNIT_MM, 1);
  inches_fr = hl_units_format_length (25.4, HL_UNIT_IN, 1);
  g_assert_null (hl_design_load_from_data (bad_design, strlen (bad_design), &error));

  /* Names for people, each looked up in its context. */
  g_assert_cmpstr (hl_zone_kind_get_label (HL_ZONE_FRONTAL), ==, "Bande frontale");
  g_assert_cmpstr (hl_landmark_get_title (HL_LANDMARK_GLABELLA), ==, "Glabelle");
  g_assert_cmpstr (hl_landmark_get_short_label (HL_LANDMARK_LEFT_PUPIL), ==, "PG");
  g_assert_cmpstr (hl_head_chart_get_title (HL_HEAD_CHART_FRONT), ==, "Face");
  g_assert_cmpstr (hl_hairline_style_get_title (HL_HAIRLINE_STYLE_WIDOWS_PEAK), ==, "Pointe de veuve");
  g_assert_cmpstr (hl_calibration_source_get_label (HL_CALIBRATION_RULER), ==, "règle");
  g_assert_cmpstr (hl_zone_param_info_get_label (hl_zone_param_find ("density")), ==, "Densité");
  g_assert_cmpstr (hl_zone_param_info_get_unit (hl_zone_param_find ("density")), ==, "points/cm²");
  g_assert_cmpstr (hl_zone_param_info_get_unit (hl_zone_param_find ("dot_spread")), ==, "");
  g_assert_cmpstr (hl_render_get_simulation_mark (), ==, "Simulation — le résultat cicatrisé peut varier");
  /* What files hold stays as it is. */
  g_assert_cmpstr (hl_zone_kind_to_string (HL_ZONE_FRONTAL), ==, "frontal");
  g_assert_cmpstr (hl_zone_param_find ("density")->label, ==, "Density");
  setlocale (LC_ALL, old);

  g_assert_cmpstr (hl_zone_kind_get_label (HL_ZONE_FRONTAL), ==, "Frontal band");
  g_assert_cmpstr (hl_render_get_simulation_mark (), ==, HL_SIMULATION_MARK);

  g_assert_cmpstr (json_fr, ==, json_c);
  g_assert_cmpstr (json_again, ==, json_c);
  g_assert_nonnull (strstr (json_c, "\"dot_mm\":\t0.25"));
  g_assert_cmpstr (length_c, ==, "12.5 mm");
  g_assert_cmpstr (length_fr, ==, "12,5 mm");
  g_assert_cmpstr (inches_fr, ==, "1,00 po");
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "views[0].zones[0].density: doit être entre 1 et 400 points/cm²");
}

/* Compiles fr_FR.UTF-8 into a folder of its own; NULL if it cannot. */
static char *
make_locale (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hl-locale-XXXXXX", NULL);
  g_autofree char *target = NULL;
  g_autofree char *out = NULL;
  int status = -1;
  const char *argv[] = { "localedef", "-i", "fr_FR", "-f", "UTF-8", NULL, NULL };

  if (dir == NULL)
    return NULL;
  target = g_build_filename (dir, FRENCH, NULL);
  argv[5] = target;
  /* localedef exits 1 with mere warnings; the locale is there all the same. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &out, &status, NULL) ||
      !g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      g_test_message ("localedef: %s", out != NULL ? out : "cannot run");
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *catalogues = g_build_filename (g_getenv ("HL_BUILD_DIR"), "po", NULL);
  g_autofree char *mo = g_build_filename (catalogues, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  int status;

  g_test_init (&argc, &argv, NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_setenv ("HL_LOCALEDIR", catalogues, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  locale_dir = make_locale ();
  if (locale_dir != NULL)
    {
      locale_t french;

      /* C.UTF-8 needs no LOCPATH: glibc keeps it in itself. */
      g_setenv ("LOCPATH", locale_dir, TRUE);
      french = newlocale (LC_ALL_MASK, FRENCH, (locale_t) 0);
      if (french == (locale_t) 0)
        g_clear_pointer (&locale_dir, g_free);
      else
        freelocale (french);
    }
  work_dir = g_dir_make_tmp ("hl-locale-test-XXXXXX", NULL);
  g_assert_nonnull (work_dir);

  /* As the command does: the project's catalogues for the core. */
  hl_i18n_init ();

  g_test_add_func ("/locale/messages", test_messages);
  g_test_add_func ("/locale/stats-text", test_stats_text);
  g_test_add_func ("/locale/machine-outputs", test_machine_outputs);
  g_test_add_func ("/locale/exports", test_exports);
  g_test_add_func ("/locale/in-process", test_in_process);
  status = g_test_run ();

  remove_tree (work_dir);
  if (locale_dir != NULL)
    remove_tree (locale_dir);
  return status;
}
