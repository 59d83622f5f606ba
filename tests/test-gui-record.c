/* test-gui-record.c: the client's details and the session records in a
 * real window under Xvfb: typed as X key events (xdotool) where xdotool is
 * installed, each change one undo step, bad values refused where typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "hl-application.h"
#include "hl-design-io.h"
#include "hl-gui-test-util.h"
#include "hl-align-dialog.h"
#include "hl-progress-window.h"
#include "hl-record-dialog.h"
#include "hl-window.h"
#include "hl-window-private.h"

static HlApplication *app;

static gboolean
find_record_dialog (gpointer data)
{
  *(HlRecordDialog **) data = (HlRecordDialog *) hl_gui_find_toplevel (HL_TYPE_RECORD_DIALOG, FALSE);
  return *(HlRecordDialog **) data != NULL;
}

static gboolean
is_not_loading_photo (gpointer dialog)
{
  return !hl_record_dialog_is_loading_photo (dialog);
}

static gboolean
is_not_loading (gpointer progress)
{
  return !hl_progress_window_is_loading (progress);
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
      hl_gui_xdotool (GTK_WIDGET (dialog), "type", "--delay", "20", text, NULL);
      hl_gui_xdotool (GTK_WIDGET (dialog), "key", "Return", NULL);
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
    hl_gui_xdotool (GTK_WIDGET (window), "key", "--clearmodifiers", "ctrl+i", NULL);
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
  HlClient *orig_client = hl_window_get_design (window)->client;   /* kept by the history */
  g_autofree char *orig_consent = g_strdup (orig_client != NULL ? orig_client->consent_date : NULL);
  LabelWait w = { window, "Jordan Lee" };
  AdwComboRow *fitz;
  const HlClient *client;
  g_autoptr(HlDesign) saved = NULL;
  g_autoptr(GError) error = NULL;

  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "name"), "Jordan Lee");
  hl_gui_wait_until (client_label_is, &w);

  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "date_of_birth"), "1984-03-09");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "consent_date"), "2026-10-27");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "hair_colour"), "#2a211c");
  type_into (dialog, hl_record_dialog_get_row (dialog, 0, "contraindications"), "None known");
  fitz = ADW_COMBO_ROW (hl_record_dialog_get_row (dialog, 0, "fitzpatrick"));
  adw_combo_row_set_selected (fitz, 4);

  client = hl_window_get_design (window)->client;
  g_assert_nonnull (client);
  g_assert_cmpstr (client->date_of_birth, ==, "1984-03-09");
  g_assert_cmpstr (client->consent_date, ==, "2026-10-27");
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
    g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-27");
    type_into (dialog, row, "2026-10-29");
    g_assert_false (gtk_widget_has_css_class (row, "error"));
    g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-29");
  }

  /* Each change one step: undo the consent date, the Fitzpatrick type,
   * the contraindications, the hair colour, the first consent date, the
   * date of birth (the sample's own details are back), then the name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, "2026-10-27");
  for (guint i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (hl_window_get_design (window)->client->date_of_birth, ==, "1984-03-09");
  g_assert_cmpstr (hl_window_get_design (window)->client->consent_date, ==, orig_consent);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (hl_client_equal (hl_window_get_design (window)->client, orig_client));
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

  /* The sample records session 1; session 2 is to be recorded. */
  summary = hl_record_dialog_get_summary (dialog, 1);
  g_test_message ("%s", summary);
  g_assert_true (g_str_has_prefix (summary, "Session 1 — planned "));
  g_assert_nonnull (strstr (summary, " · done 2026-11-02, 2 h 30 min, 3RL"));
  summary = hl_record_dialog_get_summary (dialog, 2);
  g_assert_true (g_str_has_prefix (summary, "Session 2 — planned "));
  g_assert_nonnull (strstr (summary, "not recorded"));
  g_assert_nonnull (strstr (hl_record_dialog_get_summary (dialog, 3), "Session 3 — planned "));

  type_into (dialog, hl_record_dialog_get_row (dialog, 2, "date"), "2026-11-02");
  type_into (dialog, hl_record_dialog_get_row (dialog, 2, "needle"), "3RL");
  type_into (dialog, hl_record_dialog_get_row (dialog, 2, "pigment"), "carbon black");
  dilution = hl_record_dialog_get_row (dialog, 2, "dilution");
  type_into (dialog, dilution, "1:0");
  g_assert_nonnull (strstr (hl_record_dialog_get_message (dialog), "Session 2, Dilution (pigment:water): must be two positive numbers"));
  g_assert_true (gtk_widget_has_css_class (dilution, "error"));
  g_assert_null (hl_window_get_design (window)->records->len > 0 &&
                 hl_session_record_has_dilution (hl_design_get_record (hl_window_get_design (window), 2))
                 ? "dilution" : NULL);
  type_into (dialog, dilution, "1:3");
  g_assert_false (gtk_widget_has_css_class (dilution, "error"));
  type_into (dialog, hl_record_dialog_get_row (dialog, 2, "zones"), "Frontal band, Mid-scalp");
  duration = hl_record_dialog_get_row (dialog, 2, "duration_min");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (duration), -5);   /* clamped by the row */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (duration)), ==, 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (duration), 95);

  r = hl_design_get_record (hl_window_get_design (window), 2);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->date, ==, "2026-11-02");
  g_assert_cmpstr (r->needle, ==, "3RL");
  g_assert_cmpfloat (r->dilution_water, ==, 3);
  g_assert_cmpfloat (r->duration_min, ==, 95);
  g_assert_cmpuint (r->zones->len, ==, 2);
  summary = hl_record_dialog_get_summary (dialog, 2);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, " · done 2026-11-02, 1 h 35 min, 3RL, carbon black, 1:3"));
  g_assert_nonnull (strstr (hl_record_dialog_get_summary (dialog, 3), "not recorded"));

  /* Undo takes the duration back, then the zones. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpfloat (hl_design_get_record (hl_window_get_design (window), 2)->duration_min, ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (duration)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  saved = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (hl_session_record_equal (hl_design_get_record (saved, 2),
                                          hl_design_get_record (hl_window_get_design (window), 2)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* The transform the sample's progress photo was made with (ImageMagick
 * -distort SRT '256,256 0.94 4 262,250'): view pixel → photo pixel. */
static HlPoint
sample_photo_point (HlPoint v)
{
  double a = 4 * G_PI / 180, s = 0.94, dx = v.x - 256, dy = v.y - 256;

  return (HlPoint) { 262 + s * (cos (a) * dx - sin (a) * dy), 250 + s * (sin (a) * dx + cos (a) * dy) };
}

static void
click_at (GtkWidget *window,
          double     x,
          double     y)
{
  g_autofree char *xs = g_strdup_printf ("%.0f", x);
  g_autofree char *ys = g_strdup_printf ("%.0f", y);

  g_test_message ("click at %s,%s", xs, ys);
  hl_gui_xdotool (window, "mousemove", "--window",
           g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)))),
           xs, ys, "click", "1", NULL);
}

static gboolean
align_drawn (gpointer dialog)
{
  double x, y;

  return hl_align_dialog_photo_to_window (dialog, (HlPoint) { 0, 0 }, &x, &y);
}

/* A progress photo: one that fails the photo checks is refused with the
 * reason; the sample's progress photo is aligned by clicking the view's
 * landmarks on it (X pointer events) and Align: the record keeps it with a
 * map that sends the photo's points back onto the view within 2 px. */
static void
test_progress_photo (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-record", "design.json", &path);
  g_autofree char *src = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut-session-1.jpg", NULL);
  g_autofree char *photo_path = g_build_filename (dir, "astronaut-session-1.jpg", NULL);
  g_autofree char *bad_path = g_build_filename (g_getenv ("HL_TEST_DATA_DIR"), "truncated.jpg", NULL);
  g_autofree char *bytes = NULL;
  gsize length;
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlRecordDialog *dialog = open_dialog (window);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = NULL;
  GtkWidget *align;
  const HlView *view = hl_design_get_view (hl_window_get_design (window), 0);
  const HlSessionRecord *r;
  const HlProgressPhoto *p;
  guint clicks = 0;

  g_assert_true (g_file_get_contents (src, &bytes, &length, NULL));
  g_assert_true (g_file_set_contents (photo_path, bytes, (gssize) length, NULL));
  good = g_file_new_for_path (photo_path);

  hl_record_dialog_add_photo (dialog, 2, bad);
  g_assert_true (hl_record_dialog_is_loading_photo (dialog));
  hl_gui_wait_until (is_not_loading_photo, dialog);
  g_assert_false (hl_record_dialog_photo_decoded_on_main (dialog));
  g_assert_null (hl_record_dialog_get_align_dialog (dialog));
  g_test_message ("%s", hl_record_dialog_get_message (dialog));
  g_assert_true (g_str_has_prefix (hl_record_dialog_get_message (dialog), "Session 2, progress photo: "));
  g_assert_null (hl_design_get_record (hl_window_get_design (window), 2));

  hl_record_dialog_add_photo (dialog, 2, good);
  /* Decoded on a worker, a spinner on the session's photo row meanwhile. */
  g_assert_true (hl_record_dialog_is_loading_photo (dialog));
  g_assert_nonnull (hl_gui_find_widget (gtk_widget_get_ancestor (hl_record_dialog_get_row (dialog, 2, "photos"),
                                                                 ADW_TYPE_ACTION_ROW),
                                        GTK_TYPE_SPINNER));
  hl_gui_wait_until (is_not_loading_photo, dialog);
  g_assert_false (hl_record_dialog_photo_decoded_on_main (dialog));
  align = hl_record_dialog_get_align_dialog (dialog);
  g_assert_nonnull (align);
  gtk_window_set_default_size (GTK_WINDOW (align), 640, 640);
  gtk_test_widget_wait_for_draw (align);
  hl_gui_wait_until (align_drawn, align);

  while (hl_align_dialog_get_asked (HL_ALIGN_DIALOG (align)) != NULL && clicks < 4)
    {
      HlLandmark which;
      HlPoint on_photo;
      double x, y;

      g_assert_true (hl_landmark_from_string (hl_align_dialog_get_asked (HL_ALIGN_DIALOG (align)), &which));
      g_assert_true (view->landmarks[which].set);
      on_photo = sample_photo_point (view->landmarks[which].p);
      g_assert_true (hl_align_dialog_photo_to_window (HL_ALIGN_DIALOG (align), on_photo, &x, &y));
      if (has_xdotool (align))
        click_at (align, x, y);
      else
        g_assert_not_reached ();
      clicks++;
    }
  g_assert_cmpuint (clicks, >=, 2);
  {
    GtkWidget *button = hl_gui_find_button (align, "_Align");
    graphene_point_t in, out;

    g_assert_nonnull (button);
    in = GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0);
    g_assert_true (gtk_widget_compute_point (button, align, &in, &out));
    {
      double sx, sy;

      gtk_native_get_surface_transform (GTK_NATIVE (align), &sx, &sy);
      click_at (align, out.x + sx, out.y + sy);
    }
  }

  r = hl_design_get_record (hl_window_get_design (window), 2);
  g_assert_nonnull (r);
  g_assert_cmpuint (r->photos->len, ==, 1);
  p = g_ptr_array_index (r->photos, 0);
  g_assert_true (p->aligned);
  g_assert_cmpuint (p->n_pairs, ==, clicks);
  g_assert_cmpstr (p->view, ==, "front");
  for (HlLandmark l = HL_LANDMARK_GLABELLA; l <= HL_LANDMARK_RIGHT_PUPIL; l++)
    if (view->landmarks[l].set)
      {
        HlPoint back;

        g_assert_true (hl_align_apply (p->transform, sample_photo_point (view->landmarks[l].p), &back));
        g_test_message ("%s: %.1f px off", hl_landmark_to_string (l), hl_point_distance (back, view->landmarks[l].p));
        g_assert_cmpfloat (hl_point_distance (back, view->landmarks[l].p), <, 2.0);
      }
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
                      hl_record_dialog_get_row (dialog, 2, "photos"), ADW_TYPE_ACTION_ROW))),
                    "astronaut-session-1.jpg (aligned to front)"));

  /* Saved relative to the design, as views' photos are. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  hl_gui_wait_until (is_unmodified, window);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HlDesign) saved = hl_design_load_from_file (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((HlProgressPhoto *) g_ptr_array_index (hl_design_get_record (saved, 2)->photos, 0))->path,
                     ==, "astronaut-session-1.jpg");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
}

/* Progress Over the Plan: the sample's aligned photo of session 1 under
 * the planned dots; the split keeps the consultation photo left of the
 * line. */
static void
test_progress_over_plan (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 900, 700);
  HlProgressWindow *progress = NULL;
  GList *toplevels;
  cairo_surface_t *image;
  cairo_surface_t *plain;
  int width, height;
  guint64 differ = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.progress", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (HL_IS_PROGRESS_WINDOW (l->data))
      progress = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (progress);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (progress));
  g_assert_cmpuint (hl_progress_window_get_n_photos (progress), ==, 1);
  /* The photo decodes on a worker (test-gui-progress). */
  hl_gui_wait_until (is_not_loading, progress);

  /* At opacity 0 the consultation photo alone, with the dots. */
  hl_progress_window_set_mix (progress, 0.0, 0.0);
  image = hl_progress_window_get_image (progress);
  g_assert_nonnull (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  g_assert_cmpint (MAX (width, height), ==, 1000);
  plain = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  {
    cairo_t *cr = cairo_create (plain);

    cairo_set_source_surface (cr, image, 0, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
  }

  /* The progress photo right of the middle: the left half unchanged, the
   * right half not. */
  hl_progress_window_set_mix (progress, 1.0, 0.5);
  image = hl_progress_window_get_image (progress);
  cairo_surface_flush (image);
  cairo_surface_flush (plain);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 a = ((guint32 *) (gpointer) (cairo_image_surface_get_data (plain) + (gsize) y * cairo_image_surface_get_stride (plain)))[x];
        guint32 b = ((guint32 *) (gpointer) (cairo_image_surface_get_data (image) + (gsize) y * cairo_image_surface_get_stride (image)))[x];

        if ((a & 0xffffff) != (b & 0xffffff))
          {
            /* Left of the split line (2 px wide at the middle): never. */
            g_assert_cmpint (x, >=, width / 2 - 1);
            differ++;
          }
      }
  g_test_message ("%" G_GUINT64_FORMAT " of %d px changed right of the split", differ, width * height);
  g_assert_cmpuint (differ, >, (guint64) width * height / 10);

  cairo_surface_destroy (plain);
  gtk_window_destroy (GTK_WINDOW (progress));
  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/gui-record/progress-photo", test_progress_photo);
  g_test_add_func ("/gui-record/progress-over-plan", test_progress_over_plan);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
