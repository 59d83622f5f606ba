/* test-gui-io.c: files in and out of a real window under Xvfb: the export
 * dialog's own code path writing PNG and PDF files read back by pngcheck,
 * pdfinfo and gdk-pixbuf; drop, paste and relink through their handlers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-export-dialog.h"
#include "hl-export-dialog-private.h"
#include "hl-photo.h"
#include "hl-settings.h"
#include "hl-test-util.h"
#include "hl-window-io.h"
#include "hl-window.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
is_idle (gpointer dialog)
{
  return !hl_export_dialog_is_busy (dialog);
}

static HlWindow *
open_window (const char *path)
{
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);

  return window;
}

static char *
copy_sample (const char  *name,
             char       **path)
{
  return hl_gui_copy_sample ("hl-gui-io", name, path);
}

/* The export dialog the last window action opened (a new reference). */
static HlExportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (HL_IS_EXPORT_DIALOG (item))
        return g_object_ref (HL_EXPORT_DIALOG (item));
    }
  return NULL;
}

static HlExportDialog *
open_dialog (HlWindow   *window,
             const char *action)
{
  HlExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  /* These tests measure whole frames; the crop has tests of its own. */
  if (g_str_equal (action, "win.export"))
    hl_export_dialog_set_crop_to_head (dialog, FALSE);
  return dialog;
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* The mockup and the sheet from the window's dialogs: files of the right
 * type whatever extension was typed, read back by independent readers. */
static void
test_export_from_dialog (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *typed = g_build_filename (dir, "mockup.jpg", NULL);
  g_autofree char *png = g_build_filename (dir, "mockup.png", NULL);
  g_autofree char *sheet_typed = g_build_filename (dir, "sheet", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) typed_file = g_file_new_for_path (typed);
  g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet_typed);
  g_autoptr(GdkPixbuf) pb = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  g_autofree char *info = NULL;
  HlWindow *window = open_window (design);
  HlExportDialog *dialog;

  /* The first proposal: cropped to the head, at a scale where fresh dots
   * show (at least 1.25 px, as the command picks). */
  g_settings_reset (hl_settings_get (), "export-crop-to-head");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("first proposal: %s", hl_export_dialog_get_size_text (dialog));
  g_assert_true (hl_export_dialog_get_crop_to_head (dialog));
  g_assert_null (strstr (hl_export_dialog_get_size_text (dialog), "under a pixel"));
  {
    const char *text = hl_export_dialog_get_size_text (dialog);
    const char *at = strstr (text, "fresh dots ");
    double px;

    g_assert_nonnull (at);
    px = g_ascii_strtod (at + strlen ("fresh dots "), NULL);
    g_assert_cmpfloat (px, >=, 1.25);
  }
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  dialog = open_dialog (window, "win.export");

  /* The scale row says the output's size and the fresh dots' size live. */
  hl_export_dialog_set_scale (dialog, 0.5);
  hl_export_dialog_set_layout (dialog, HL_LAYOUT_BEFORE_AFTER);
  g_test_message ("scale row: %s", hl_export_dialog_get_size_text (dialog));
  g_assert_nonnull (strstr (hl_export_dialog_get_size_text (dialog), "514 × 256 px"));
  g_assert_nonnull (strstr (hl_export_dialog_get_size_text (dialog), "fresh dots"));
  /* 0.25 mm dots at 1.4 mm/px are a fifth of a pixel: said, until the
   * scale makes them larger than one. */
  g_assert_nonnull (strstr (hl_export_dialog_get_size_text (dialog), "under a pixel"));
  hl_export_dialog_set_scale (dialog, 8.0);
  g_test_message ("scale row at 8: %s", hl_export_dialog_get_size_text (dialog));
  g_assert_null (strstr (hl_export_dialog_get_size_text (dialog), "under a pixel"));
  hl_export_dialog_set_scale (dialog, 1.0);
  g_assert_nonnull (strstr (hl_export_dialog_get_size_text (dialog), "1029 × 512 px"));
  hl_export_dialog_set_scale (dialog, 0.5);

  g_assert_true (hl_export_dialog_export_to (dialog, typed_file));
  g_assert_true (hl_export_dialog_is_busy (dialog));
  hl_gui_wait_until (is_idle, dialog);
  g_assert_null (hl_export_dialog_get_error (dialog));
  g_assert_nonnull (hl_export_dialog_get_exported (dialog));
  g_assert_false (g_file_test (typed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  /* The dialog closed once done. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  if (hl_test_spawn (&check, "pngcheck", png, NULL) >= 0)
    {
      g_test_message ("%s", check);
      g_assert_nonnull (strstr (check, "OK:"));
    }
  else
    g_test_message ("pngcheck is not installed: the PNG is read by gdk-pixbuf only");
  pb = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pb), ==, 514);
  g_assert_cmpint (gdk_pixbuf_get_height (pb), ==, 256);

  /* The sheet names the clinic of the preferences. */
  g_assert_nonnull (hl_settings_get ());
  g_settings_set_string (hl_settings_get (), "clinic-name", "Clinique des Tilleuls");
  dialog = open_dialog (window, "win.export-report");
  g_assert_true (hl_export_dialog_export_to (dialog, sheet_file));
  hl_gui_wait_until (is_idle, dialog);
  g_assert_null (hl_export_dialog_get_error (dialog));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_object_unref (dialog);
  if (hl_test_spawn (&info, "pdfinfo", pdf, NULL) >= 0)
    {
      g_test_message ("%s", info);
      g_assert_nonnull (strstr (info, "Pages:           1"));
    }
  else
    g_test_message ("pdfinfo is not installed: the PDF is only checked for its header");
  g_settings_reset (hl_settings_get (), "clinic-name");
  {
    g_autofree char *text = NULL;

    if (hl_test_spawn (&text, "pdftotext", pdf, "-", NULL) >= 0)
      g_assert_nonnull (strstr (text, "Clinique des Tilleuls"));
    else
      g_test_message ("pdftotext is not installed: the clinic's name is not checked");
  }
  {
    gsize len;
    g_autofree char *bytes = read_bytes (pdf, &len);

    g_assert_cmpuint (len, >, 5);
    g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The sheet draws the view shown from the photo the window holds, as the
 * mockup does: with the file gone from disk since it was opened, both
 * still export. */
static void
test_export_sheet_uses_window_photo (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "mockup.png", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  HlWindow *window = open_window (design);
  HlExportDialog *dialog;

  g_assert_nonnull (hl_document_get_photo (hl_window_get_document (window)));
  g_assert_cmpint (g_unlink (photo), ==, 0);

  dialog = open_dialog (window, "win.export-report");
  g_assert_true (hl_export_dialog_export_to (dialog, pdf_file));
  hl_gui_wait_until (is_idle, dialog);
  g_test_message ("sheet: %s", hl_export_dialog_get_error (dialog) != NULL ? hl_export_dialog_get_error (dialog) : "exported");
  g_assert_null (hl_export_dialog_get_error (dialog));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_object_unref (dialog);

  dialog = open_dialog (window, "win.export");
  hl_export_dialog_set_scale (dialog, 0.5);
  g_assert_true (hl_export_dialog_export_to (dialog, png_file));
  hl_gui_wait_until (is_idle, dialog);
  g_assert_null (hl_export_dialog_get_error (dialog));
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_object_unref (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The mockup starts as the client sees the view: stage, session, mirror
 * and before/after from the window's preview. */
static void
test_export_follows_preview (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  HlWindow *window = open_window (design);
  HlExportDialog *dialog;
  HlRenderOptions options;

  dialog = open_dialog (window, "win.export");
  hl_export_dialog_get_render_options (dialog, &options);
  g_assert_cmpint (options.stage, ==, HL_STAGE_FRESH);
  g_assert_cmpint (options.layout, ==, HL_LAYOUT_AFTER);
  g_assert_cmpuint (options.sessions, ==, 0);
  g_assert_false (options.mirror);
  g_assert_cmpstr (options.mark, ==, HL_SIMULATION_MARK);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  g_object_set (window, "stage", "healed", "session", 2, "mirror", TRUE, "compare", "side-by-side", NULL);
  dialog = open_dialog (window, "win.export");
  hl_export_dialog_get_render_options (dialog, &options);
  g_assert_cmpint (options.stage, ==, HL_STAGE_HEALED);
  g_assert_cmpint (options.layout, ==, HL_LAYOUT_BEFORE_AFTER);
  g_assert_cmpuint (options.sessions, ==, 2);
  g_assert_true (options.mirror);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  g_object_set (window, "stage", "aged", "session", 0, "mirror", FALSE, "compare", "split", NULL);
  dialog = open_dialog (window, "win.export");
  hl_export_dialog_get_render_options (dialog, &options);
  g_assert_cmpint (options.stage, ==, HL_STAGE_AGED);
  g_assert_cmpint (options.layout, ==, HL_LAYOUT_SPLIT);
  g_assert_cmpuint (options.sessions, ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The practitioner's preferences give the mark's text, the scale and the
 * layout a mockup starts with; clearing the text falls back to that mark. */
static void
test_export_follows_preferences (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  GSettings *settings = hl_settings_get ();
  HlWindow *window;
  HlExportDialog *dialog;
  HlRenderOptions options;

  if (settings == NULL)
    {
      hl_gui_remove_dir (dir);
      g_test_skip ("the settings schema is not found");
      return;
    }
  g_settings_set_string (settings, "simulation-mark", "Simulación — los resultados varían");
  g_settings_set_double (settings, "export-scale", 2.0);
  g_settings_set_string (settings, "export-layout", "before-after");

  window = open_window (design);
  dialog = open_dialog (window, "win.export");
  hl_export_dialog_get_render_options (dialog, &options);
  g_assert_cmpstr (options.mark, ==, "Simulación — los resultados varían");
  /* The preferred scale 2 would leave this design's fresh dots under a
   * pixel (0.25 mm at 1.4 mm/px): the dialog starts where they show. */
  g_test_message ("starts at %g: %s", options.scale, hl_export_dialog_get_size_text (dialog));
  g_assert_cmpfloat (options.scale, >, 2.0);
  g_assert_null (strstr (hl_export_dialog_get_size_text (dialog), "under a pixel"));
  g_assert_cmpint (options.layout, ==, HL_LAYOUT_BEFORE_AFTER);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);

  g_settings_reset (settings, "simulation-mark");
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-layout");
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The dialog never writes over the design's photo or the design, and says
 * why; the photo keeps its bytes. */
static void
test_export_refuses_inputs (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GFile) design_file = g_file_new_for_path (design);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  HlWindow *window = open_window (design);
  HlExportDialog *dialog = open_dialog (window, "win.export");

  before = read_bytes (photo, &before_len);
  g_assert_false (hl_export_dialog_export_to (dialog, photo_file));
  g_test_message ("%s", hl_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (hl_export_dialog_get_error (dialog), "astronaut.png is this design or its photo"));
  g_assert_false (hl_export_dialog_is_busy (dialog));
  after = read_bytes (photo, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);

  g_assert_false (hl_export_dialog_export_to (dialog, design_file));
  g_assert_nonnull (strstr (hl_export_dialog_get_error (dialog), "never replace"));
  g_assert_null (hl_export_dialog_get_exported (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* A photo with no design drawn on it has nothing to simulate: the dialog
 * says so and exports nothing. */
static void
test_export_nothing_to_simulate (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *out = g_build_filename (dir, "empty.png", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  HlWindow *window = open_window (photo);
  HlExportDialog *dialog = open_dialog (window, "win.export");

  g_assert_nonnull (hl_export_dialog_get_error (dialog));
  g_assert_nonnull (strstr (hl_export_dialog_get_error (dialog), "Nothing to simulate"));
  g_assert_false (hl_export_dialog_export_to (dialog, out_file));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The window's drop target (borrowed). */
static GtkDropTarget *
drop_target (HlWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (item))
        return GTK_DROP_TARGET (item);
    }
  g_assert_not_reached ();
}

static gboolean
drop (HlWindow     *window,
      GType         type,
      gconstpointer boxed_or_object)
{
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, type);
  if (G_TYPE_IS_BOXED (type))
    g_value_set_boxed (&value, boxed_or_object);
  else
    g_value_set_object (&value, (gpointer) boxed_or_object);
  g_signal_emit_by_name (drop_target (window), "drop", &value, 20.0, 20.0, &handled);
  g_value_unset (&value);
  return handled;
}

/* The "Save Changes?" question shown over @window, or NULL. */
static AdwMessageDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

static gboolean
has_design (gpointer window)
{
  return !hl_window_is_loading (window) && hl_window_get_design (window) != NULL;
}

/* A landmark moved: the design has unsaved changes. */
static void
make_modified (HlWindow *window)
{
  HlDocument *document = hl_window_get_document (window);
  g_autoptr(HlDesign) edited = hl_edit_set_landmark (hl_document_get_design (document), 0,
                                                     HL_LANDMARK_GLABELLA, TRUE, (HlPoint) { 101, 202 });

  g_assert_true (hl_document_commit (document, edited, "Move landmark", NULL));
  g_assert_true (hl_window_is_modified (window));
}

/* A photo dropped on a window opens a new design around it; a design
 * dropped on unsaved work asks first: Cancel keeps the work, Discard opens
 * the design. */
static void
test_drop (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autoptr(GFile) design_file = g_file_new_for_path (design);
  HlWindow *window = hl_window_new (app);
  AdwMessageDialog *question;
  HlDesign *edited;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (drop (window, G_TYPE_FILE, photo_file));
  hl_gui_wait_until (has_design, window);
  g_assert_null (hl_document_get_file (hl_window_get_document (window)));
  g_assert_cmpstr (hl_design_get_view (hl_window_get_design (window), 0)->photo.path, ==, photo);
  g_assert_nonnull (hl_window_get_photo (window));

  make_modified (window);
  edited = hl_window_get_design (window);
  {
    GFile *files[] = { design_file };
    GdkFileList *list = gdk_file_list_new_from_array (files, 1);

    g_assert_true (drop (window, GDK_TYPE_FILE_LIST, list));
    g_boxed_free (GDK_TYPE_FILE_LIST, list);
  }
  question = find_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "cancel");
  g_assert_true (hl_window_get_design (window) == edited);
  g_assert_true (hl_window_is_modified (window));
  g_assert_false (hl_window_is_loading (window));

  g_assert_true (drop (window, G_TYPE_FILE, design_file));
  question = find_question ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  hl_gui_wait_until (has_design, window);
  g_assert_nonnull (hl_document_get_file (hl_window_get_document (window)));
  g_assert_true (g_file_equal (hl_document_get_file (hl_window_get_document (window)), design_file));
  g_assert_false (hl_window_is_modified (window));
  g_assert_cmpuint (hl_view_get_n_zones (hl_design_get_view (hl_window_get_design (window), 0)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* A design dropped that is open already, by another name (a hard link:
 * same device and inode), is not opened twice: dropped on another window,
 * that window keeps what it shows and asks nothing; dropped on its own
 * window with unsaved changes, nothing is asked or reloaded and a toast
 * says it is open there. */
static void
test_drop_open_design (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *link_path = g_build_filename (dir, "L.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  HlWindow *shown, *other;
  HlDesign *edited;
  guint n_windows;

  g_assert_cmpint (link (design, link_path), ==, 0);
  shown = hl_gui_open_window (GTK_APPLICATION (app), design, 900, 700);
  other = hl_window_new (app);
  gtk_window_present (GTK_WINDOW (other));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (other));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (HL_WINDOW (hl_application_find_window (app, link_file)) == shown);

  /* On another window: nothing opened there, no second window. */
  g_assert_true (drop (other, G_TYPE_FILE, link_file));
  g_assert_false (hl_window_is_loading (other));
  g_assert_null (hl_window_get_design (other));
  g_assert_null (find_question ());
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

  /* On its own window, over unsaved changes: no "Save changes?", no
   * reload; the toast says why. */
  make_modified (shown);
  edited = hl_window_get_design (shown);
  {
    GFile *files[] = { link_file };
    GdkFileList *list = gdk_file_list_new_from_array (files, 1);

    g_assert_true (drop (shown, GDK_TYPE_FILE_LIST, list));
    g_boxed_free (GDK_TYPE_FILE_LIST, list);
  }
  g_assert_null (find_question ());
  g_assert_false (hl_window_is_loading (shown));
  g_assert_true (hl_window_get_design (shown) == edited);
  g_assert_true (hl_window_is_modified (shown));

  /* Another design still opens in the window dropped on. */
  {
    g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
    g_autoptr(GFile) photo_file = g_file_new_for_path (photo);

    g_assert_true (drop (other, G_TYPE_FILE, photo_file));
    hl_gui_wait_until (has_design, other);
  }

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (shown));
  hl_gui_remove_dir (dir);
}

static gboolean
is_saved (gpointer window)
{
  return hl_document_get_file (hl_window_get_document (window)) != NULL &&
         !hl_window_is_modified (window);
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
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Ctrl+V with an image on the clipboard: a new design around it, the
 * image kept in memory, written beside the design as PNG when the design
 * is first saved, and referred to by the design file with its hash. */
static void
test_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-gui-io-XXXXXX", &error);
  g_autofree char *src = hl_gui_sample_file ("astronaut.png");
  g_autofree char *design_path = g_build_filename (dir, "P.json", NULL);
  g_autofree char *photo_path = g_build_filename (dir, "P-photo.png", NULL);
  g_autofree char *second_photo = g_build_filename (dir, "P-photo-2.png", NULL);
  g_autoptr(GFile) design_file = g_file_new_for_path (design_path);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (src, &error);
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(GdkPixbuf) pb = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *check = NULL;
  HlWindow *window = hl_window_new (app);
  HlDocument *document = hl_window_get_document (window);
  const HlView *view;
  gboolean done = FALSE;
  gsize len;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (window)), texture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL));
  hl_gui_wait_until (has_design, window);

  view = hl_design_get_view (hl_window_get_design (window), 0);
  g_assert_null (view->photo.path);
  g_assert_cmpint (view->photo.width, ==, 512);
  g_assert_cmpint (view->photo.height, ==, 512);
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_cmpstr (hl_window_get_name (window), ==, "Pasted photo");
  /* Nothing on disk until the design is saved. */
  g_assert_false (g_file_test (photo_path, G_FILE_TEST_EXISTS));

  hl_document_save_async (document, design_file, NULL, on_saved, &done);
  hl_gui_wait_until (is_true, &done);
  g_assert_true (is_saved (window));
  g_assert_true (g_file_test (photo_path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_get_contents (photo_path, &bytes, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);
  if (hl_test_spawn (&check, "pngcheck", photo_path, NULL) >= 0)
    {
      g_test_message ("%s", check);
      g_assert_nonnull (strstr (check, "OK:"));
    }
  pb = gdk_pixbuf_new_from_file (photo_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pb), ==, 512);

  saved = hl_design_load_from_file (design_path, &error);
  g_assert_no_error (error);
  view = hl_design_get_view (saved, 0);
  g_assert_cmpstr (view->photo.path, ==, "P-photo.png");
  g_assert_cmpstr (view->photo.sha256, ==, sha);

  /* Saving again writes the image no second time. */
  make_modified (window);
  done = FALSE;
  hl_document_save_async (document, design_file, NULL, on_saved, &done);
  hl_gui_wait_until (is_true, &done);
  g_assert_false (g_file_test (second_photo, G_FILE_TEST_EXISTS));

  /* The image's file is now one of the design's inputs: no export
   * replaces it. */
  {
    g_autoptr(GFile) photo_file = g_file_new_for_path (photo_path);
    HlExportDialog *dialog = open_dialog (window, "win.export");
    g_autofree char *after = NULL;
    gsize after_len;

    g_assert_false (hl_export_dialog_export_to (dialog, photo_file));
    g_assert_nonnull (strstr (hl_export_dialog_get_error (dialog), "P-photo.png is this design or its photo"));
    after = read_bytes (photo_path, &after_len);
    g_assert_cmpmem (bytes, len, after, after_len);
    gtk_window_close (GTK_WINDOW (dialog));
    g_object_unref (dialog);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* An image dropped as a texture (from another program) makes a new design
 * as a pasted one does. */
static void
test_drop_texture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = hl_gui_sample_file ("astronaut.png");
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (src, &error);
  HlWindow *window = hl_window_new (app);
  const HlView *view;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (drop (window, GDK_TYPE_TEXTURE, texture));
  hl_gui_wait_until (has_design, window);
  view = hl_design_get_view (hl_window_get_design (window), 0);
  g_assert_null (view->photo.path);
  g_assert_cmpint (view->photo.width, ==, gdk_texture_get_width (texture));
  g_assert_cmpint (view->photo.height, ==, gdk_texture_get_height (texture));
  g_assert_cmpuint (strlen (view->photo.sha256), ==, 64);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The standard deviation of the green channel over the middle of what the
 * canvas shows: near 0 on the plain background, large on a photo. */
static double
canvas_spread (HlWindow *window)
{
  GtkWidget *canvas = hl_window_get_canvas (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GtkSnapshot *snapshot;
  int w, h;
  double sum = 0, sum2 = 0;
  guint n = 0;

  gtk_test_widget_wait_for_draw (canvas);
  w = gtk_widget_get_width (canvas);
  h = gtk_widget_get_height (canvas);
  paintable = gtk_widget_paintable_new (canvas);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (canvas)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  pixels = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, pixels, (gsize) w * 4);
  /* Below the hairline and zones, which are drawn either way. */
  for (int y = h / 2; y < h * 3 / 4; y += 2)
    for (int x = w / 4; x < w * 3 / 4; x += 2)
      {
        double g = pixels[((gsize) y * w + x) * 4 + 1];

        sum += g;
        sum2 += g * g;
        n++;
      }
  return sqrt (MAX (0.0, sum2 / n - (sum / n) * (sum / n)));
}

static gboolean
is_not_relinking (gpointer window)
{
  return !hl_window_is_relinking (window);
}

static gboolean
shows_512 (gpointer window)
{
  HlPhoto *photo = hl_window_get_photo (window);

  return photo != NULL && hl_photo_get_width (photo) == 512;
}

static gboolean
has_chooser (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

/* A design whose photo moved opens with a problem; relinking records the
 * new path, hash and size as one undo step. */
static void
test_relink (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.png", NULL);
  g_autofree char *small = g_build_filename (dir, "small.png", NULL);
  g_autoptr(GFile) moved_file = g_file_new_for_path (moved);
  g_autoptr(GFile) small_file = g_file_new_for_path (small);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) expected = NULL;
  g_autoptr(GdkPixbuf) pixels = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  g_autofree char *old_sha = NULL;
  HlWindow *window;
  HlDocument *document;
  const HlView *view;
  double before, after;

  g_assert_cmpint (g_rename (photo, moved), ==, 0);
  window = open_window (design);
  document = hl_window_get_document (window);
  g_assert_nonnull (hl_document_get_photo_problem (document));
  g_assert_cmpstr (hl_window_get_problem (window), ==, hl_document_get_photo_problem (document));
  g_assert_null (hl_window_get_photo (window));
  /* The toast says what to do, and its button does it (the file
   * chooser, which a sandbox's document portal answers). */
  g_assert_nonnull (window->photo_toast);
  g_test_message ("toast: %s", adw_toast_get_title (window->photo_toast));
  g_assert_nonnull (strstr (adw_toast_get_title (window->photo_toast), "Locate Photo…"));
  g_assert_cmpstr (adw_toast_get_button_label (window->photo_toast), ==, "_Locate Photo…");
  g_assert_cmpstr (adw_toast_get_action_name (window->photo_toast), ==, "win.relink-photo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.relink-photo", NULL));
  {
    GtkWidget *chooser = NULL;

    hl_gui_wait_until (has_chooser, &chooser);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
  view = hl_design_get_view (hl_window_get_design (window), 0);
  old_sha = g_strdup (view->photo.sha256);
  before = canvas_spread (window);

  hl_window_relink_photo (window, moved_file);
  g_assert_true (hl_window_is_relinking (window));
  hl_gui_wait_until (is_not_relinking, window);
  /* The canvas shows the photo now. */
  after = canvas_spread (window);
  g_test_message ("canvas spread: %.1f without the photo, %.1f relinked", before, after);
  g_assert_cmpfloat (before, <, 3.0);
  g_assert_cmpfloat (after, >, 20.0);

  expected = hl_photo_load (moved, &error);
  g_assert_no_error (error);
  view = hl_design_get_view (hl_window_get_design (window), 0);
  g_assert_cmpstr (view->photo.path, ==, moved);
  g_assert_cmpstr (view->photo.sha256, ==, hl_photo_get_sha256 (expected));
  g_assert_cmpstr (view->photo.sha256, ==, old_sha);
  g_assert_null (hl_document_get_photo_problem (document));
  g_assert_null (hl_window_get_problem (window));
  g_assert_nonnull (hl_window_get_photo (window));
  g_assert_true (hl_window_is_modified (window));

  /* Another image: its own hash and size, one undo step. */
  gdk_pixbuf_fill (pixels, 0x336699ff);
  g_assert_true (gdk_pixbuf_save (pixels, small, "png", &error, NULL));
  hl_window_relink_photo (window, small_file);
  hl_gui_wait_until (is_not_relinking, window);
  g_clear_pointer (&expected, hl_photo_unref);
  expected = hl_photo_load (small, &error);
  view = hl_design_get_view (hl_window_get_design (window), 0);
  g_assert_cmpstr (view->photo.path, ==, small);
  g_assert_cmpstr (view->photo.sha256, ==, hl_photo_get_sha256 (expected));
  g_assert_cmpstr (view->photo.sha256, !=, old_sha);
  g_assert_cmpint (view->photo.width, ==, 64);
  g_assert_cmpint (view->photo.height, ==, 48);

  g_assert_cmpint (hl_photo_get_width (hl_window_get_photo (window)), ==, 64);
  g_assert_true (hl_document_undo (document));
  view = hl_design_get_view (hl_window_get_design (window), 0);
  g_assert_cmpstr (view->photo.path, ==, moved);
  g_assert_cmpint (view->photo.width, ==, 512);
  /* The photo shown follows the undo: the portrait again. */
  hl_gui_wait_until (shows_512, window);
  g_assert_cmpstr (hl_photo_get_sha256 (hl_window_get_photo (window)), ==, old_sha);

  /* Not a photo: said, and nothing changes. */
  {
    g_autoptr(GFile) not_photo = g_file_new_for_path (design);

    hl_window_relink_photo (window, not_photo);
    hl_gui_wait_until (is_not_relinking, window);
    g_assert_cmpstr (hl_design_get_view (hl_window_get_design (window), 0)->photo.path, ==, moved);
  }

  gtk_window_close (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static gboolean
is_recent (gpointer uri)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

typedef struct
{
  GMenuModel *menu;
  const char *uri;
} RecentCheck;

/* Whether the Open Recent items include the check's URI. */
static gboolean
menu_lists (gpointer data)
{
  const RecentCheck *check = data;

  for (int i = 0; i < g_menu_model_get_n_items (check->menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (check->menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                         G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), check->uri))
        return TRUE;
    }
  return FALSE;
}

/* Opened designs and photos join the recently used files; Open Recent
 * lists the designs. */
static void
test_recent (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("Recent.json", &design);
  g_autofree char *photo = g_build_filename (dir, "astronaut.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (design);
  g_autoptr(GFile) photo_file = g_file_new_for_path (photo);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *photo_uri = g_file_get_uri (photo_file);
  HlWindow *window = open_window (design);

  hl_gui_wait_until (is_recent, uri);
  gtk_window_destroy (GTK_WINDOW (window));
  window = open_window (photo);
  hl_gui_wait_until (is_recent, photo_uri);
  /* Open Recent lists the design, not the photo (nor exported images). */
  {
    RecentCheck check = { G_MENU_MODEL (window->recent_section), uri };

    hl_gui_wait_until (menu_lists, &check);
    check.uri = photo_uri;
    g_assert_false (menu_lists (&check));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), photo_uri, NULL);
  hl_gui_remove_dir (dir);
}

static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".hl-tmp-") != NULL)
      n++;
  return n;
}

/* Stop during an export: the dialog says nothing was written, and nothing
 * was, not even a temporary file. A big mockup (scale 16: 8192 × 8192 px)
 * takes long enough to be stopped. */
static void
test_export_stop (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *out = g_build_filename (dir, "big.png", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  HlWindow *window = open_window (design);
  HlExportDialog *dialog = open_dialog (window, "win.export");

  hl_export_dialog_set_scale (dialog, 16.0);
  g_assert_nonnull (strstr (hl_export_dialog_get_size_text (dialog), "8192 × 8192 px"));
  g_assert_true (hl_export_dialog_export_to (dialog, out_file));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  hl_gui_wait_until (is_idle, dialog);
  g_test_message ("%s", hl_export_dialog_get_error (dialog));
  g_assert_cmpstr (hl_export_dialog_get_error (dialog), ==, "Export stopped; nothing was written.");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  /* Still open, ready for another try. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static gboolean
has_temp_file_or_idle (gpointer data)
{
  gpointer *args = data;

  return count_temp_files (args[0]) > 0 || !hl_export_dialog_is_busy (args[1]);
}

static gboolean
keep_polling (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Stop while the PNG file is being written (the export went on, wrote the
 * file, and the dialog said nothing was written): now the writer stops
 * within a few rows, removes its temporary file, and what the dialog says
 * is true. */
static void
test_export_stop_while_writing (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *out = g_build_filename (dir, "big.png", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  HlWindow *window = open_window (design);
  HlExportDialog *dialog = open_dialog (window, "win.export");
  gpointer args[] = { dir, dialog };
  guint tick;

  hl_export_dialog_set_scale (dialog, 16.0);
  g_assert_true (hl_export_dialog_export_to (dialog, out_file));
  /* The writer's thread wakes the main loop only when it ends: a tick
   * every 5 ms looks for its temporary file meanwhile. */
  tick = g_timeout_add (5, keep_polling, NULL);
  hl_gui_wait_until (has_temp_file_or_idle, args);
  g_source_remove (tick);
  if (!hl_export_dialog_is_busy (dialog))
    g_test_message ("the export ended before it was caught writing: %s",
                    hl_export_dialog_get_error (dialog) != NULL ? hl_export_dialog_get_error (dialog) : "no error");
  g_assert_true (hl_export_dialog_is_busy (dialog));   /* caught writing */
  g_assert_cmpuint (count_temp_files (dir), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.cancel", NULL));
  hl_gui_wait_until (is_idle, dialog);
  g_test_message ("%s", hl_export_dialog_get_error (dialog));
  g_assert_cmpstr (hl_export_dialog_get_error (dialog), ==, "Export stopped; nothing was written.");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

static gboolean
is_gone (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Opening a design removes what killed saves or exports left in its
 * folder (a temporary file of a process that ended), and keeps a running
 * process's. */
static void
test_open_sweeps_stale (void)
{
  g_autofree char *design = NULL;
  g_autofree char *dir = copy_sample ("D.json", &design);
  g_autofree char *dead = NULL;
  g_autofree char *live = g_build_filename (dir, ".other.png.hl-tmp-1-Ab12Cd", NULL);
  HlWindow *window;
  GPid pid;
  int status;

  pid = fork ();
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  dead = g_strdup_printf ("%s/.D.json.hl-tmp-%d-Xy12Zw", dir, (int) pid);
  g_assert_true (g_file_set_contents (dead, "half a design", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));

  window = open_window (design);
  hl_gui_wait_until (is_gone, dead);
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/gui-io/export-from-dialog", test_export_from_dialog);
  g_test_add_func ("/gui-io/export-sheet-uses-window-photo", test_export_sheet_uses_window_photo);
  g_test_add_func ("/gui-io/export-follows-preview", test_export_follows_preview);
  g_test_add_func ("/gui-io/export-follows-preferences", test_export_follows_preferences);
  g_test_add_func ("/gui-io/export-refuses-inputs", test_export_refuses_inputs);
  g_test_add_func ("/gui-io/export-nothing-to-simulate", test_export_nothing_to_simulate);
  g_test_add_func ("/gui-io/export-stop", test_export_stop);
  g_test_add_func ("/gui-io/export-stop-while-writing", test_export_stop_while_writing);
  g_test_add_func ("/gui-io/open-sweeps-stale", test_open_sweeps_stale);
  g_test_add_func ("/gui-io/drop", test_drop);
  g_test_add_func ("/gui-io/drop-open-design", test_drop_open_design);
  g_test_add_func ("/gui-io/paste", test_paste);
  g_test_add_func ("/gui-io/drop-texture", test_drop_texture);
  g_test_add_func ("/gui-io/relink", test_relink);
  g_test_add_func ("/gui-io/recent", test_recent);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
