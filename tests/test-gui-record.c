/* test-gui-record.c: the client's details and the session records in a
 * real window under Xvfb: typed as X key events (xdotool) where xdotool is
 * installed, each change one undo step, bad values refused where typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>

#include "hl-application.h"
#include "hl-design-io.h"
#include "hl-gui-test-util.h"
#include "hl-record-dialog.h"
#include "hl-window.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
find_record_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (HL_IS_RECORD_DIALOG (window) && gtk_widget_get_visible (window))
        {
          *(HlRecordDialog **) data = HL_RECORD_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_unmodified (gpointer window)
{
  return !hl_window_is_modified (window);
}

static gboolean
has_xdotool (GtkWidget *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_SURFACE (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* xdotool windowfocus WINDOW, then @args (NULL-terminated), waiting for
 * it to end while the main loop runs. */
static void
xdotool (GtkWidget  *window,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list ap;

  g_ptr_array_add (argv, g_find_program_in_path ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                                     gtk_native_get_surface (GTK_NATIVE (window)))));
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  /* The events it sent, handled. */
  {
    gboolean done = FALSE;

    g_timeout_add (150, set_flag, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  g_object_unref (process);
}

typedef struct
{
  HlWindow   *window;
  const char *label;
} LabelWait;

static gboolean
client_label_is (gpointer data)
{
  LabelWait *w = data;
  const char *label = hl_window_get_design (w->window)->client_label;

  return g_strcmp0 (label, w->label) == 0;
}

/* Types @text into @row and applies it (Enter): X key events when
 * possible, else as the row's editable and its apply button would. */
static void
type_into (HlRecordDialog *dialog,
           GtkWidget      *row,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  if (has_xdotool (GTK_WIDGET (dialog)))
    {
      g_assert_true (gtk_widget_grab_focus (row));
      g_test_message ("xdotool type \"%s\" into %s", text,
                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      xdotool (GTK_WIDGET (dialog), "type", "--delay", "20", text, NULL);
      xdotool (GTK_WIDGET (dialog), "key", "Return", NULL);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      g_signal_emit_by_name (row, "apply");
    }
}

static HlRecordDialog *
open_dialog (HlWindow *window)
{
  HlRecordDialog *dialog = NULL;

  if (has_xdotool (GTK_WIDGET (window)))
    xdotool (GTK_WIDGET (window), "key", "--clearmodifiers", "ctrl+i", NULL);
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record", NULL));
  hl_gui_wait_until (find_record_dialog, &dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return dialog;
}

/* Ctrl+I opens the dialog; the client's name typed there is the design's,
 * one undo step; details saved with the design. */
static void
test_client_details (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-record", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlRecordDialog *dialog = open_dialog (window);
  const char *before = hl_window_get_design (window)->client_label;
  g_autofree char *old = g_strdup (before);
  LabelWait w = { window, "Jordan Lee" };
  AdwComboRow *fitz;
  const HlClient *client;
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(GError) error = NULL;

  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "name"), "Jordan Lee");
  hl_gui_wait_until (client_label_is, &w);

  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "date_of_birth"), "1984-03-09");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "consent_date"), "2026-10-28");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "hair_colour"), "#2a211c");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "contraindications"), "None known");
  fitz = ADW_COMBO_ROW (hl_record_dialog_get_row (dialog, 0, "fitzpatrick"));
  adw_combo_row_set_selected (fitz, 4);

  client = hl_window_get_design (window)->client;
  g_assert_nonnull (client);
  g_assert_cmpstr (client->date_of_birth, ==, "1984-03-09");
  g_assert_cmpstr (client->consent_date, ==, "2026-10-28");
  g_assert_cmpstr (client->contraindications, ==, "None known");
  g_assert_true (client->has_hair_colour);
  g_assert_cmpint (client->fitzpatrick, ==, 4);
  g_assert_cmpstr (hl_record_dialog_get_message (dialog), ==, "");

  /* A consent given tomorrow is refused where it was typed. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autofree char *text = g_date_time_format (tomorrow, "%Y-%m-%d");
    GtkWidget *row = hl_record_dialog_get_row (dialog, 0, "consent_date");

    type_into (dialog, row, text);
    g_assert_nonnull (strstr (hl_record_dialog_get_message (dialog), "later than today"));
    g_assert_true (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-28");
    type_into (dialog, row, "2026-10-29");
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-29");
  }

  /* Each change one step: undo the consent date, then the name is last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-28");
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (hl_window_get_design (window)->client);
  g_assert_cmpstr (hl_window_get_design (window)->client_label, ==, "Jordan Lee");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (hl_window_get_design (window)->client_label, ==, old);
  /* The dialog follows the undo. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hl_record_dialog_get_row (dialog, 0, "name"))), ==,
                   old != NULL ? old : "");
  for (guint i = 0; i < 7; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->client_label, ==, "Jordan Lee");
  g_assert_nonnull (saved->client);
  g_assert_cmpint (saved->client->fitzpatrick, ==, 4);
  g_assert_cmpstr (saved->client->consent_date, ==, "2026-10-29");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

typedef struct
{
  HlRecordDialog *dialog;
  const char     *text;
} SummaryWait;

/* A session record typed beside its plan: the line reads "Session 1 —
 * planned N dots · about M min · done DATE, 1 h 35 min, 3RL, …, 1:3";
 * a dilution that is not two positive numbers and a negative duration are
 * refused; the record is saved with the design. */
static void
test_session_record (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-record", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlRecordDialog *dialog = open_dialog (window);
  const HlSessionRecord *r;
  GtkWidget *dilution, *duration;
  const char *summary;
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(GError) error = NULL;

  summary = hl_record_dialog_get_summary (dialog, 1);
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "Session 1 — planned "));
  g_assert_nonnull (strstr (summary, "not recorded"));
  g_assert_nonnull (strstr (hl_record_dialog_get_summary (dialog, 3), "Session 3 — planned "));

  type_into (dialog, hl_record_dialog_get_row (dialog, 1, "date"), "2026-11-02");
  type_into (dialog, hl_record_dialog_get_row (dialog, 1, "needle"), "3RL");
  type_into (dialog, hl_record_dialog_get_row (dialog, 1, "pigment"), "carbon black");
  dilution = hl_record_dialog_get_row (dialog, 1, "dilution");
  type_into (dialog, dilution, "1:0");
  g_assert_nonnull (strstr (hl_record_dialog_get_message (dialog), "Session 1, Dilution (pigment:water): must be two positive numbers"));
  g_assert_true (gtk_widget_has_css_class (dilution, "error"));
  g_assert_null (hl_window_get_design (window)->records->len > 0 &&
                 hl_session_record_has_dilution (hl_design_get_record (hl_window_get_design (window), 1))
                 ? "dilution" : NULL);
  type_into (dialog, dilution, "1:3");
  g_assert_false (gtk_widget_has_css_class (dilution, "error"));
  type_into (dialog, hl_record_dialog_get_row (dialog, 1, "zones"), "Frontal band, Mid-scalp");
  duration = hl_record_dialog_get_row (dialog, 1, "duration_min");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (duration), -5);   /* clamped by the row */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (duration)), ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (duration), 95);

  r = hl_design_get_record (hl_window_get_design (window), 1);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->date, ==, "2026-11-02");
  g_assert_cmpstr (r->needle, ==, "3RL");
  g_assert_cmpfloat (r->dilution_water, ==, 3);
  g_assert_cmpfloat (r->duration_min, ==, 95);
  g_assert_cmpuint (r->zones->len, ==, 2);
  summary = hl_record_dialog_get_summary (dialog, 1);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, " · done 2026-11-02, 1 h 35 min, 3RL, carbon black, 1:3"));
  g_assert_nonnull (strstr (hl_record_dialog_get_summary (dialog, 2), "not recorded"));

  /* Undo takes the duration back, then the zones. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (hl_design_get_record (hl_window_get_design (window), 1)->duration_min, ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (duration)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (hl_session_record_equal (hl_design_get_record (saved, 1),
                                          hl_design_get_record (hl_window_get_design (window), 1)));

  gtk_window_destroy (GTK_WINDOW (dialog));
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

  g_test_add_func ("/gui-record/client-details", test_client_details);
  g_test_add_func ("/gui-record/session-record", test_session_record);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
