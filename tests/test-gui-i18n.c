/* test-gui-i18n.c: the application in French, with the catalogue the
 * build made (HL_LOCALEDIR=build/po), in real windows under Xvfb.
 *
 * The French locale comes from the system, or is compiled by localedef
 * into the build folder (LOCPATH) when the system lacks it; the test is
 * skipped only when neither works. What the windows write to files (the
 * design, the mockup) must not depend on the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hl-application.h"
#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-export-dialog.h"
#include "hl-export-dialog-private.h"
#include "hl-gui-test-util.h"
#include "hl-window-private.h"

#define FR_LOCALE "fr_FR.UTF-8"
/* What the French locale puts between groups of digits (U+202F). */
#define FR_GROUP "\xe2\x80\xaf"

/* @n in digit groups of three joined by FR_GROUP, as French writes it
 * (a static buffer: one call per expression). */
static const char *
grouped (guint64 n)
{
  static char out[64];
  char digits[32];
  gsize len = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n), o = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        o += (gsize) g_snprintf (out + o, sizeof out - o, "%s", FR_GROUP);
      out[o++] = digits[i];
    }
  out[o] = '\0';
  return out;
}
/* The translation keeps French typography: no-break spaces before a
 * colon and inside « », narrow ones before ; ? !, and between a number
 * and its unit. */
#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static HlApplication *app;

/* Sets the process's locale to French: the system's, or one compiled
 * into the build folder. FALSE if neither can be had. */
static gboolean
use_french_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *ctype = NULL;
  g_autofree char *output = NULL;
  int status = -1;

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LANG", FR_LOCALE, TRUE);
  g_setenv ("LC_ALL", FR_LOCALE, TRUE);
  if (setlocale (LC_ALL, "") != NULL)
    return TRUE;

  /* Made before it is looked for: glibc remembers a locale it did not
   * find. It reads LOCPATH at every setlocale (). */
  dir = g_build_filename (g_getenv ("HL_BUILD_DIR"), "tests", "locale", NULL);
  target = g_build_filename (dir, FR_LOCALE, NULL);
  ctype = g_build_filename (target, "LC_CTYPE", NULL);
  if (!g_file_test (ctype, G_FILE_TEST_IS_REGULAR))
    {
      const char *argv[] = { "localedef", "-i", "fr_FR", "-f", "UTF-8", target, NULL };

      g_mkdir_with_parents (dir, 0755);
      /* Its status may be 1 for mere warnings: the files tell. */
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, &output, NULL, &status, NULL))
        return FALSE;
    }
  g_setenv ("LOCPATH", dir, TRUE);
  return setlocale (LC_ALL, "") != NULL;
}

static gboolean
has_dots (gpointer window)
{
  HlDocument *document = hl_window_get_document (window);
  gsize n = 0;

  hl_document_get_dots (document, &n);
  return !hl_document_is_computing (document) && n > 0 &&
         hl_document_get_dots_design (document) == hl_document_get_shown (document);
}

static gboolean
has_no_dialog (gpointer data)
{
  return hl_gui_find_dialog () == NULL;
}

static HlWindow *
open_window (const char *path)
{
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 760);

  hl_gui_wait_until (has_dots, window);
  return window;
}

static char *
copy_sample (const char  *name,
             char       **path)
{
  return hl_gui_copy_sample ("hl-i18n", name, path);
}

/* The mapped button under @root whose action is @action, or NULL
 * (borrowed). */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row titled @title under @root, or NULL (borrowed). */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ACTION_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text != NULL ? text : "(null)", part);
}

/* The catalogue is the build's, and the locale French. */
static void
test_catalogue (void)
{
  g_assert_cmpstr (_("_Cancel"), ==, "_Annuler");
  g_assert_cmpstr (ngettext ("%s dot", "%s dots", 1), ==, "%s point");
  g_assert_cmpstr (ngettext ("%s dot", "%s dots", 2), ==, "%s points");
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
}

/* An empty window: the header bar's tooltips and the empty state. */
static void
test_empty_window (void)
{
  HlWindow *window = hl_window_new (app);
  GtkWidget *undo, *open;
  AdwStatusPage *empty;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  undo = find_action_button (GTK_WIDGET (window), "win.undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Annuler (Ctrl+Z)");
  open = find_action_button (GTK_WIDGET (window), "win.open");
  g_assert_nonnull (open);
  /* An icon in the header bar (named for assistive technologies), a
   * translated tooltip. */
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (open)), ==, "document-open-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open), ==, "Ouvrir un projet ou une photo (Ctrl+O)");
  g_assert_cmpstr (gtk_label_get_text (window->view_label), ==, "Vues");

  empty = ADW_STATUS_PAGE (hl_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Ouvrir un projet ou une photo");
  g_assert_cmpstr (adw_status_page_get_description (empty), ==,
                   "La photo d’un client ou un projet enregistré (Ctrl+O), ou un plan sur un schéma de tête "
                   "avant les photos (Ctrl+N)");
  g_assert_nonnull (hl_gui_find_button (GTK_WIDGET (empty), "Commencer sur un _schéma de tête"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sample design: status bar, tool hint and zone panel in French,
 * numbers with a decimal comma and grouped digits. */
static void
test_sample_design (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = open_window (path);
  HlDocument *document = hl_window_get_document (window);
  const HlView *view = hl_design_get_view (hl_window_get_design (window), 0);
  g_autofree char *dots = NULL;
  g_autofree char *scale = NULL;
  AdwActionRow *stats;
  gsize n_dots = 0;

  /* “4 273 points”: the plural, and the locale's digit groups. */
  hl_document_get_dots (document, &n_dots);
  g_assert_cmpuint (n_dots, >=, 1000);
  dots = g_strdup_printf ("%s points", grouped (n_dots));
  g_test_message ("dots: %s", gtk_label_get_text (window->dots_label));
  g_assert_cmpstr (gtk_label_get_text (window->dots_label), ==, dots);
  assert_contains (dots, FR_GROUP);

  /* “1,399 mm/px · pupilles ±8 %”. */
  g_test_message ("scale: %s", gtk_label_get_text (window->scale_label));
  scale = g_strdup_printf ("%.3f mm/px · pupilles ±", view->calibration.mm_per_px);
  assert_contains (scale, ",");
  assert_contains (gtk_label_get_text (window->scale_label), scale);

  g_assert_cmpstr (gtk_label_get_text (window->tool_hint), ==,
                   "Faites glisser les points pour les déplacer · double-clic sur un tracé pour en "
                   "ajouter un · Tab" NBSP ": point suivant · Suppr supprime · C" NBSP ": angle · faites glisser le fond pour vous déplacer");

  /* The zone panel: area with a decimal comma, dots per session. */
  hl_document_set_selected_zone (window->document, 0);
  stats = find_row (GTK_WIDGET (window->zone_panel), "Surface et densité");
  while (stats == NULL || *adw_action_row_get_subtitle (stats) == '\0')
    {
      g_main_context_iteration (NULL, TRUE);
      stats = find_row (GTK_WIDGET (window->zone_panel), "Surface et densité");
    }
  g_test_message ("stats: %s", adw_action_row_get_subtitle (stats));
  {
    HlZoneStats zone_stats;
    g_autofree char *area = NULL;
    g_autofree char *total = NULL;

    g_assert_true (hl_document_get_zone_stats (document, 0, &zone_stats));
    area = g_strdup_printf ("%.1f" NBSP "cm² · demandé ", zone_stats.area_cm2);
    assert_contains (area, ",");
    assert_contains (adw_action_row_get_subtitle (stats), area);
    total = g_strdup_printf ("\n%s points" NBSP ": séance 1" NBSP ": ", grouped (zone_stats.dots));
    assert_contains (adw_action_row_get_subtitle (stats), total);
    assert_contains (adw_action_row_get_subtitle (stats), "points/cm²");
  }

  /* The export dialog's size line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    HlExportDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

        if (HL_IS_EXPORT_DIALOG (item))
          dialog = HL_EXPORT_DIALOG (item);
      }
    g_assert_nonnull (dialog);
    hl_export_dialog_set_crop_to_head (dialog, FALSE);   /* the whole frame's size */
    hl_export_dialog_set_scale (dialog, 0.5);
    g_test_message ("export: %s", hl_export_dialog_get_size_text (dialog));
    assert_contains (hl_export_dialog_get_size_text (dialog), "256 × 256" NBSP "px · points frais de 0,");
    assert_contains (hl_export_dialog_get_size_text (dialog), "(moins d’un pixel" NBSP ": augmentez l’échelle)");
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Exporter la maquette");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
rename_first_zone (HlWindow   *window,
                   const char *name)
{
  HlDocument *document = hl_window_get_document (window);
  g_autoptr(HlDesign) next = hl_edit_set_zone_name (hl_window_get_design (window), 0, 0, name);

  hl_document_commit (document, next, "rename", NULL);
  g_assert_true (hl_window_is_modified (window));
}

/* Quitting with unsaved work asks in French: one design (the singular),
 * then two (the plural), listed with French quotes. */
static void
test_quit_question (void)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *dir_a = copy_sample ("a.json", &path_a);
  g_autofree char *dir_b = copy_sample ("b.json", &path_b);
  HlWindow *a = open_window (path_a);
  HlWindow *b = open_window (path_b);
  AdwMessageDialog *dialog;

  rename_first_zone (a, "Tempes");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = hl_gui_find_dialog ();
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Enregistrer les modifications avant de quitter" NNBSP "?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "«" NBSP "a.json" NBSP "» contient des modifications non enregistrées. "
                   "Elles seront perdues si vous quittez sans enregistrer.");
  g_assert_nonnull (hl_gui_find_button (GTK_WIDGET (dialog), "_Tout enregistrer"));
  g_assert_nonnull (hl_gui_find_button (GTK_WIDGET (dialog), "A_bandonner"));
  hl_gui_answer_dialog ("_Annuler");
  hl_gui_wait_until (has_no_dialog, NULL);

  rename_first_zone (b, "Couronne");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = hl_gui_find_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  assert_contains (adw_message_dialog_get_body (dialog), " et ");
  assert_contains (adw_message_dialog_get_body (dialog), "«" NBSP "a.json" NBSP "»");
  assert_contains (adw_message_dialog_get_body (dialog), "«" NBSP "b.json" NBSP "»");
  assert_contains (adw_message_dialog_get_body (dialog), "» contiennent des modifications non enregistrées.");
  hl_gui_answer_dialog ("_Annuler");
  hl_gui_wait_until (has_no_dialog, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  gtk_window_destroy (GTK_WINDOW (a));
  gtk_window_destroy (GTK_WINDOW (b));
  hl_gui_remove_dir (dir_a);
  hl_gui_remove_dir (dir_b);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hl_document_save_finish (HL_DOCUMENT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_idle (gpointer dialog)
{
  return !hl_export_dialog_is_busy (dialog);
}

/* Saves the window's design as @path and exports its mockup as @png. */
static void
save_and_export (HlWindow   *window,
                 const char *path,
                 const char *png)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  GListModel *toplevels = gtk_window_get_toplevels ();
  HlExportDialog *dialog = NULL;
  gboolean saved = FALSE;

  hl_document_save_async (hl_window_get_document (window), file, NULL, on_saved, &saved);
  hl_gui_wait_until (is_true, &saved);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (HL_IS_EXPORT_DIALOG (item))
        dialog = g_object_ref (HL_EXPORT_DIALOG (item));
    }
  g_assert_nonnull (dialog);
  /* A fractional scale: its number goes through the export. */
  hl_export_dialog_set_scale (dialog, 0.75);
  g_assert_true (hl_export_dialog_export_to (dialog, png_file));
  hl_gui_wait_until (is_idle, dialog);
  g_assert_null (hl_export_dialog_get_error (dialog));
  g_object_unref (dialog);
}

/* What the app writes is the same whatever the locale: a design saved
 * and a mockup exported under the French locale are byte for byte those
 * written with C numbers; and the French file reads back. */
static void
test_files_do_not_follow_locale (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = copy_sample ("design.json", &path);
  g_autofree char *fr_json = g_build_filename (dir, "fr.json", NULL);
  g_autofree char *c_json = g_build_filename (dir, "c.json", NULL);
  g_autofree char *fr_png = g_build_filename (dir, "fr.png", NULL);
  g_autofree char *c_png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *fr_text = NULL;
  g_autofree char *c_text = NULL;
  g_autofree char *fr_image = NULL;
  g_autofree char *c_image = NULL;
  g_autoptr(HlDesign) reread = NULL;
  g_autoptr(GError) error = NULL;
  gsize fr_len, c_len;
  HlWindow *window = open_window (path);
  const HlView *view = hl_design_get_view (hl_window_get_design (window), 0);

  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  save_and_export (window, fr_json, fr_png);

  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ".");
  save_and_export (window, c_json, c_png);
  setlocale (LC_NUMERIC, "");
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  g_assert_true (g_file_get_contents (fr_json, &fr_text, &fr_len, NULL));
  g_assert_true (g_file_get_contents (c_json, &c_text, &c_len, NULL));
  g_assert_cmpuint (fr_len, ==, c_len);
  g_assert_cmpstr (fr_text, ==, c_text);
  /* Fractional numbers are there, with points. */
  g_assert_true (g_regex_match_simple ("\"mm_per_px\":\\s*[0-9]+\\.[0-9]+", fr_text, 0, 0));

  g_assert_true (g_file_get_contents (fr_png, &fr_image, &fr_len, NULL));
  g_assert_true (g_file_get_contents (c_png, &c_image, &c_len, NULL));
  g_assert_cmpuint (fr_len, >, 8);
  g_assert_cmpuint (fr_len, ==, c_len);
  g_assert_true (memcmp (fr_image, c_image, fr_len) == 0);

  /* Read back under the French locale: the same calibration. */
  reread = hl_design_load_from_file (fr_json, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (hl_design_get_view (reread, 0)->calibration.mm_per_px,
                                  view->calibration.mm_per_px, 1e-6);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!use_french_locale ())
    {
      /* Skipped the TAP way (meson counts any other status than 0 of a
       * TAP test as an error, 77 included): a plan of no tests. */
      g_print ("1..0 # SKIP the %s locale is not available and localedef cannot make it\n", FR_LOCALE);
      return 0;
    }
  hl_application_bind_text_domain ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/empty-window", test_empty_window);
  g_test_add_func ("/i18n/sample-design", test_sample_design);
  g_test_add_func ("/i18n/quit-question", test_quit_question);
  g_test_add_func ("/i18n/files-do-not-follow-locale", test_files_do_not_follow_locale);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
