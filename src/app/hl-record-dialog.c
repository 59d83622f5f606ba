/* hl-record-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-record-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "hl-a11y.h"
#include "hl-align-dialog.h"
#include "hl-progress-photo-io.h"
#include "hl-record-date.h"
#include "hl-pigment-palette.h"
#include "hl-record-dialog.h"
#include "hl-session-plan.h"
#include "hl-weak-task.h"
#include "hl-settings.h"

struct _HlRecordDialog
{
  AdwWindow       parent_instance;

  HlDocument     *document;
  GtkLabel       *message;
  GHashTable     *rows;        /* "session:field" → widget (borrowed) */
  AdwPreferencesGroup *groups[HL_ZONE_MAX_SESSIONS];
  AdwActionRow   *photo_rows[HL_ZONE_MAX_SESSIONS];
  GtkNativeDialog *chooser;
  char           *summaries[HL_ZONE_MAX_SESSIONS];
  HlSessionPlan   plan;
  GPtrArray      *planned_views;  /* the views the plan was counted on (refs) */
  gboolean        updating;
  /* A progress photo decoding on a worker: its cancellable (owned) and the
   * spinner on its session's row (borrowed) */
  GCancellable   *photo_loading;
  GtkWidget      *photo_spinner;
  GtkWidget      *align;          /* weak: the alignment dialog shown last */
  gboolean        decoded_on_main; /* for tests: where the last photo was decoded */
};

G_DEFINE_FINAL_TYPE (HlRecordDialog, hl_record_dialog, ADW_TYPE_WINDOW)

static char *
row_key (guint       session,
         const char *field)
{
  return g_strdup_printf ("%u:%s", session, field);
}

static void
show_message (HlRecordDialog *self,
              GtkWidget      *row,
              const char     *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
  if (row == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static HlDesign *
current (HlRecordDialog *self)
{
  return hl_document_get_design (self->document);
}

static gboolean
commit (HlRecordDialog *self,
        HlDesign       *design,
        const char     *label,
        const char     *merge_key)
{
  return hl_document_commit (self->document, design, label, merge_key);
}

/* --- checks ---------------------------------------------------------------- */

static const char *
check_date (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;
  switch (hl_record_date_check (text, NULL))
    {
    case HL_RECORD_DATE_MALFORMED:
      return _("must be a date written YYYY-MM-DD");
    case HL_RECORD_DATE_FUTURE:
      return _("is later than today; a record tells what was done");
    case HL_RECORD_DATE_OK:
    default:
      return NULL;
    }
}

/* --- the client ------------------------------------------------------------ */

static const char * const fitzpatrick_items[] = { "—", "I", "II", "III", "IV", "V", "VI", NULL };

static void
apply_client_text (HlRecordDialog *self,
                   GtkWidget      *row,
                   const char     *field,
                   const char     *text)
{
  HlDesign *design = current (self);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlClient) client = NULL;
  g_autofree char *merge = g_strdup_printf ("client: %s", field);
  const char *problem = NULL;
  HlColor colour;

  if (self->updating || design == NULL)
    return;

  next = hl_design_copy (design);
  if (g_str_equal (field, "name"))
    {
      hl_design_set_client_label (next, text[0] != '\0' ? text : NULL);
      show_message (self, row, NULL);
      /* Enter again on the same name is no step to undo. */
      if (g_strcmp0 (next->client_label, design->client_label) != 0)
        commit (self, next, _("Change client name"), merge);
      return;
    }

  client = design->client != NULL ? hl_client_copy (design->client) : hl_client_new ();
  if (g_str_equal (field, "date_of_birth") || g_str_equal (field, "consent_date"))
    {
      problem = check_date (text);
      if (problem == NULL && g_str_equal (field, "date_of_birth"))
        hl_client_set_date_of_birth (client, text);
      else if (problem == NULL)
        hl_client_set_consent_date (client, text);
    }
  else if (g_str_equal (field, "hair_colour"))
    {
      if (text[0] == '\0')
        hl_client_set_hair_colour (client, NULL);
      else if (hl_color_parse (text, &colour))
        hl_client_set_hair_colour (client, &colour);
      else
        problem = _("must be a colour written #rrggbb");
    }
  else if (g_str_equal (field, "notes"))
    hl_client_set_notes (client, text);
  else if (g_str_equal (field, "contraindications"))
    hl_client_set_contraindications (client, text);

  if (problem != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the field's name and what is wrong with it. */
      message = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), problem);
      show_message (self, row, message);
      return;
    }
  show_message (self, row, NULL);
  if (hl_client_equal (client, design->client) ||
      (design->client == NULL && hl_client_is_empty (client)))
    return;
  hl_design_set_client (next, client);
  commit (self, next, _("Change client details"), merge);
}

static void
on_client_apply (AdwEntryRow    *row,
                 HlRecordDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "hl-field");

  apply_client_text (self, GTK_WIDGET (row), field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_age_changed (GtkSpinButton  *spin,
                HlRecordDialog *self)
{
  HlDesign *design = current (self);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlClient) client = NULL;
  int age = gtk_spin_button_get_value_as_int (spin);

  if (self->updating || design == NULL || (design->client != NULL && design->client->age == age) ||
      (design->client == NULL && age == 0))
    return;
  client = design->client != NULL ? hl_client_copy (design->client) : hl_client_new ();
  hl_client_set_age (client, CLAMP (age, 0, HL_CLIENT_MAX_AGE));
  next = hl_design_copy (design);
  hl_design_set_client (next, client);
  commit (self, next, _("Change client details"), "client: age");
}

static void
on_fitzpatrick_changed (AdwComboRow    *row,
                        GParamSpec     *pspec,
                        HlRecordDialog *self)
{
  HlDesign *design = current (self);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlClient) client = NULL;
  int type = (int) adw_combo_row_get_selected (row);

  if (self->updating || design == NULL || type > HL_FITZPATRICK_MAX ||
      (design->client != NULL ? design->client->fitzpatrick : 0) == type)
    return;
  client = design->client != NULL ? hl_client_copy (design->client) : hl_client_new ();
  hl_client_set_fitzpatrick (client, type);
  next = hl_design_copy (design);
  hl_design_set_client (next, client);
  commit (self, next, _("Change client details"), "client: fitzpatrick");
}

/* --- session records ------------------------------------------------------- */

static void
apply_record_text (HlRecordDialog *self,
                   GtkWidget      *row,
                   guint           session,
                   const char     *field,
                   const char     *text)
{
  HlDesign *design = current (self);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlSessionRecord) record = NULL;
  HlSessionRecord *old;
  g_autofree char *merge = g_strdup_printf ("session %u: %s", session, field);
  const char *problem = NULL;

  if (self->updating || design == NULL)
    return;

  old = hl_design_get_record (design, session);
  record = old != NULL ? hl_session_record_copy (old) : hl_session_record_new (session);
  if (g_str_equal (field, "date"))
    {
      if ((problem = check_date (text)) == NULL)
        hl_session_record_set_date (record, text);
    }
  else if (g_str_equal (field, "dilution"))
    {
      double p, w;

      if (text[0] == '\0')
        hl_session_record_set_dilution (record, 0, 0);
      else if (hl_dilution_parse (text, &p, &w))
        hl_session_record_set_dilution (record, p, w);
      else
        problem = _("must be two positive numbers, pigment to water, as in \"1:3\"");
    }
  else if (g_str_equal (field, "needle"))
    hl_session_record_set_needle (record, text);
  else if (g_str_equal (field, "pigment"))
    hl_session_record_set_pigment (record, text);
  else if (g_str_equal (field, "machine"))
    hl_session_record_set_machine (record, text);
  else if (g_str_equal (field, "notes"))
    hl_session_record_set_notes (record, text);
  else if (g_str_equal (field, "zones"))
    {
      g_auto(GStrv) names = g_strsplit (text, ",", -1);

      hl_session_record_clear_zones (record);
      for (guint i = 0; names[i] != NULL && i < HL_SESSION_RECORD_MAX_ZONES; i++)
        {
          g_strstrip (names[i]);
          if (names[i][0] != '\0')
            hl_session_record_add_zone (record, names[i]);
        }
    }

  if (problem != NULL)
    {
      /* Translators: the session, the field's name and what is wrong. */
      g_autofree char *message = g_strdup_printf (_("Session %u, %s: %s"), session,
                                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                  problem);

      show_message (self, row, message);
      return;
    }
  show_message (self, row, NULL);
  if (hl_session_record_equal (old, record))
    return;
  next = hl_design_copy (design);
  hl_design_set_record (next, record);
  commit (self, next, _("Change session record"), merge);
}

/* A pigment and dilution from the chart: both fields, one undo step. */
static void
on_palette_chosen (HlPigmentPalette *palette,
                   guint             pigment,
                   guint             dilution,
                   HlRecordDialog   *self)
{
  guint session = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (palette), "hl-session"));
  const HlDilutionChart *chart = hl_pigment_palette_get_chart (palette);
  HlDesign *design = current (self);
  g_autoptr(HlDesign) next = NULL;
  g_autoptr(HlSessionRecord) record = NULL;
  HlSessionRecord *old;
  const HlChartPigment *p;
  HlDilution d;

  if (self->updating || design == NULL || chart == NULL || pigment >= hl_dilution_chart_get_n_pigments (chart))
    return;
  p = hl_dilution_chart_get_pigment (chart, pigment);
  if (dilution >= p->dilutions->len)
    return;
  d = g_array_index (p->dilutions, HlDilution, dilution);
  old = hl_design_get_record (design, session);
  record = old != NULL ? hl_session_record_copy (old) : hl_session_record_new (session);
  hl_session_record_set_pigment (record, p->name);
  hl_session_record_set_dilution (record, d.pigment, d.water);
  show_message (self, hl_record_dialog_get_row (self, session, "pigment"), NULL);
  if (hl_session_record_equal (old, record))
    return;
  next = hl_design_copy (design);
  hl_design_set_record (next, record);
  commit (self, next, _("Change session record"), NULL);
}

static void
on_record_apply (AdwEntryRow    *row,
                 HlRecordDialog *self)
{
  apply_record_text (self, GTK_WIDGET (row),
                     GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "hl-session")),
                     g_object_get_data (G_OBJECT (row), "hl-field"),
                     gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_duration_changed (GtkSpinButton  *spin,
                     HlRecordDialog *self)
{
  guint session = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "hl-session"));
  HlDesign *design = current (self);
  HlSessionRecord *old;
  g_autoptr(HlSessionRecord) record = NULL;
  g_autoptr(HlDesign) next = NULL;
  g_autofree char *merge = g_strdup_printf ("session %u: duration", session);
  double minutes = gtk_spin_button_get_value (spin);

  if (self->updating || design == NULL)
    return;
  old = hl_design_get_record (design, session);
  if ((old != NULL ? old->duration_min : 0.0) == minutes)
    return;
  record = old != NULL ? hl_session_record_copy (old) : hl_session_record_new (session);
  hl_session_record_set_duration (record, CLAMP (minutes, 0, HL_SESSION_RECORD_MAX_DURATION_MIN));
  next = hl_design_copy (design);
  hl_design_set_record (next, record);
  commit (self, next, _("Change session record"), merge);
}


/* --- progress photos ------------------------------------------------------- */

typedef struct
{
  HlRecordDialog *self;    /* weak */
  guint           session;
} PhotoTarget;

static void
photo_target_free (PhotoTarget *t)
{
  g_clear_weak_pointer (&t->self);
  g_free (t);
}

static void
commit_photo (HlRecordDialog  *self,
              guint            session,
              HlProgressPhoto *photo)
{
  HlDesign *design = current (self);
  HlSessionRecord *old;
  g_autoptr(HlSessionRecord) record = NULL;
  g_autoptr(HlDesign) next = NULL;

  if (design == NULL)
    return;
  old = hl_design_get_record (design, session);
  record = old != NULL ? hl_session_record_copy (old) : hl_session_record_new (session);
  if (record->photos->len >= HL_SESSION_RECORD_MAX_PHOTOS)
    {
      show_message (self, NULL, _("A session keeps at most 16 progress photos."));
      return;
    }
  hl_session_record_add_photo (record, photo);
  next = hl_design_copy (design);
  hl_design_set_record (next, record);
  commit (self, next, _("Add progress photo"), NULL);
}

static void
on_aligned (HlProgressPhoto *photo,
            gpointer         user_data)
{
  PhotoTarget *t = user_data;

  if (t->self != NULL)
    commit_photo (t->self, t->session, photo);
}

typedef struct
{
  guint            session;
  char            *path;
  char            *view;      /* the view's name when the photo was asked for */
  HlProgressPhoto *photo;     /* results */
  HlPhoto         *pixels;
  GError          *error;
  gboolean         on_main;
} PhotoLoad;

static void
photo_load_free (PhotoLoad *load)
{
  g_free (load->path);
  g_free (load->view);
  g_clear_pointer (&load->photo, hl_progress_photo_unref);
  g_clear_pointer (&load->pixels, hl_photo_unref);
  g_clear_error (&load->error);
  g_free (load);
}

/* On a worker: the checks read and decode the whole photo. */
static void
photo_load_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PhotoLoad *load = task_data;

  load->on_main = g_main_context_is_owner (g_main_context_default ());
  load->photo = hl_progress_photo_load (load->path, load->view, &load->pixels, &load->error);
  g_task_return_boolean (task, TRUE);
}

static void
stop_photo_spinner (HlRecordDialog *self)
{
  if (self->photo_spinner != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (self->photo_spinner, ADW_TYPE_ACTION_ROW);

      if (row != NULL)
        adw_action_row_remove (ADW_ACTION_ROW (row), self->photo_spinner);
      self->photo_spinner = NULL;
    }
}

/* The photo decoded: refused with the reason, or shown for alignment. */
static void
on_photo_loaded (gpointer owner,
                 GTask   *task)
{
  HlRecordDialog *self = HL_RECORD_DIALOG (owner);
  PhotoLoad *load = g_task_get_task_data (task);
  HlDesign *design = current (self);
  const HlView *view = NULL;
  HlAlignDialog *align;
  PhotoTarget *t;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) ||
      g_task_get_cancellable (task) != self->photo_loading)
    return;
  g_clear_object (&self->photo_loading);
  stop_photo_spinner (self);
  self->decoded_on_main = load->on_main;

  if (load->photo == NULL)
    {
      /* Translators: the session and why its photo was refused. */
      g_autofree char *message = g_strdup_printf (_("Session %u, progress photo: %s"), load->session,
                                                  load->error != NULL ? load->error->message : "");

      show_message (self, NULL, message);
      return;
    }
  for (guint v = 0; design != NULL && v < hl_design_get_n_views (design); v++)
    if (g_strcmp0 (hl_design_get_view (design, v)->name, load->view) == 0)
      view = hl_design_get_view (design, v);
  if (view == NULL)
    {
      show_message (self, NULL, _("The view the photo was to be aligned to is gone."));
      return;
    }
  show_message (self, NULL, NULL);

  align = hl_align_dialog_new (GTK_WINDOW (self), load->photo, load->pixels, view, on_aligned, NULL);
  if (align == NULL)
    {
      commit_photo (self, load->session, load->photo);
      show_message (self, NULL, _("The photo is kept unaligned: the view needs two landmarks to align it to."));
      return;
    }
  t = g_new0 (PhotoTarget, 1);
  g_set_weak_pointer (&t->self, self);
  t->session = load->session;
  g_object_set_data_full (G_OBJECT (align), "hl-target", t, (GDestroyNotify) photo_target_free);
  /* The callback's data lives as long as the dialog. */
  hl_align_dialog_set_user_data (align, t);
  g_set_weak_pointer (&self->align, GTK_WIDGET (align));
  gtk_window_present (GTK_WINDOW (align));
}

void
hl_record_dialog_add_photo (HlRecordDialog *self,
                            guint           session,
                            GFile          *file)
{
  HlDesign *design;
  g_autoptr(GTask) task = NULL;
  const HlView *view;
  PhotoLoad *load;
  char *path;

  g_return_if_fail (HL_IS_RECORD_DIALOG (self));
  g_return_if_fail (session >= 1 && session <= HL_ZONE_MAX_SESSIONS);
  g_return_if_fail (G_IS_FILE (file));

  design = current (self);
  if (design == NULL)
    return;
  view = hl_design_get_view (design, MIN (hl_document_get_view_index (self->document),
                                          hl_design_get_n_views (design) - 1));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (self, NULL, _("Progress photos must be local files."));
      return;
    }

  if (self->photo_loading != NULL)
    g_cancellable_cancel (self->photo_loading);
  g_clear_object (&self->photo_loading);
  stop_photo_spinner (self);
  g_clear_weak_pointer (&self->align);
  show_message (self, NULL, NULL);

  load = g_new0 (PhotoLoad, 1);
  load->session = session;
  load->path = path;
  load->view = g_strdup (view->name);
  self->photo_loading = g_cancellable_new ();
  if (self->photo_rows[session - 1] != NULL)
    {
      self->photo_spinner = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (self->photo_spinner));
      gtk_widget_set_tooltip_text (self->photo_spinner, _("Loading the photo…"));
      adw_action_row_add_prefix (self->photo_rows[session - 1], self->photo_spinner);
    }
  task = hl_weak_task_new (self, self->photo_loading, on_photo_loaded);
  g_task_set_task_data (task, load, (GDestroyNotify) photo_load_free);
  g_task_run_in_thread (task, photo_load_thread);
}

gboolean
hl_record_dialog_is_loading_photo (HlRecordDialog *self)
{
  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), FALSE);
  return self->photo_loading != NULL;
}

gboolean
hl_record_dialog_photo_decoded_on_main (HlRecordDialog *self)
{
  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), FALSE);
  return self->decoded_on_main;
}

GtkWidget *
hl_record_dialog_get_align_dialog (HlRecordDialog *self)
{
  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), NULL);
  return self->align;
}

static void
on_photo_chooser_response (GtkNativeDialog *dialog,
                           int              response,
                           HlRecordDialog  *self)
{
  guint session = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "hl-session"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    hl_record_dialog_add_photo (self, session, file);
}

static void
on_add_photo_clicked (GtkButton      *button,
                      HlRecordDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Add a Progress Photo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Photos"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "hl-session", g_object_get_data (G_OBJECT (button), "hl-session"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_photo_chooser_response), self, 0);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* --- building and refreshing ----------------------------------------------- */

static GtkWidget *
add_entry (HlRecordDialog      *self,
           AdwPreferencesGroup *group,
           guint                session,
           const char          *field,
           const char          *title,
           GCallback            on_apply)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (row, TRUE);
  hl_a11y_name_entry_row (row);
  g_object_set_data (G_OBJECT (row), "hl-session", GUINT_TO_POINTER (session));
  g_object_set_data_full (G_OBJECT (row), "hl-field", g_strdup (field), g_free);
  g_signal_connect_object (row, "apply", on_apply, self, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_hash_table_insert (self->rows, row_key (session, field), row);
  return GTK_WIDGET (row);
}

static GtkWidget *
add_spin (HlRecordDialog      *self,
          AdwPreferencesGroup *group,
          guint                session,
          const char          *field,
          const char          *title,
          const char          *subtitle,
          double               max,
          GCallback            on_changed)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  adw_action_row_add_suffix (row, spin);
  adw_action_row_set_activatable_widget (row, spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  g_object_set_data (G_OBJECT (spin), "hl-session", GUINT_TO_POINTER (session));
  g_signal_connect_object (spin, "value-changed", on_changed, self, 0);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_hash_table_insert (self->rows, row_key (session, field), spin);
  return spin;
}

static void
set_text (HlRecordDialog *self,
          guint           session,
          const char     *field,
          const char     *text)
{
  g_autofree char *key = row_key (session, field);
  GtkWidget *row = g_hash_table_lookup (self->rows, key);

  /* What is being typed stays; a refused value stays, to be corrected. */
  if (row == NULL || gtk_widget_has_css_class (row, "error") ||
      gtk_widget_is_focus (row) || (gtk_root_get_focus (gtk_widget_get_root (row)) != NULL &&
                                    gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (row)), row)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_spin (HlRecordDialog *self,
          guint           session,
          const char     *field,
          double          value)
{
  g_autofree char *key = row_key (session, field);
  GtkWidget *spin = g_hash_table_lookup (self->rows, key);

  if (spin != NULL && gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)) != value)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

/* The plan is counted again only when a view changed. */
static void
update_plan (HlRecordDialog *self,
             HlDesign       *design)
{
  gboolean same = self->planned_views != NULL && self->planned_views->len == hl_design_get_n_views (design);

  for (guint v = 0; same && v < hl_design_get_n_views (design); v++)
    same = g_ptr_array_index (self->planned_views, v) == hl_design_get_view (design, v);
  if (same)
    return;
  hl_session_plan_compute (design, &self->plan);
  g_clear_pointer (&self->planned_views, g_ptr_array_unref);
  self->planned_views = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_view_unref);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    g_ptr_array_add (self->planned_views, hl_view_ref (hl_design_get_view (design, v)));
}

static void
refresh (HlRecordDialog *self)
{
  HlDesign *design = current (self);
  const HlClient *client;
  double rate = hl_settings_get_dots_per_minute ();

  if (design == NULL)
    return;
  self->updating = TRUE;
  update_plan (self, design);

  client = design->client;
  set_text (self, 0, "name", design->client_label);
  set_text (self, 0, "date_of_birth", client != NULL ? client->date_of_birth : NULL);
  set_spin (self, 0, "age", client != NULL ? client->age : 0);
  {
    AdwComboRow *fitz = g_hash_table_lookup (self->rows, "0:fitzpatrick");

    if (fitz != NULL)
      adw_combo_row_set_selected (fitz, client != NULL ? (guint) client->fitzpatrick : 0);
  }
  {
    char buf[8];

    set_text (self, 0, "hair_colour",
              client != NULL && client->has_hair_colour ? hl_color_format (client->hair_colour, buf) : NULL);
  }
  set_text (self, 0, "notes", client != NULL ? client->notes : NULL);
  set_text (self, 0, "contraindications", client != NULL ? client->contraindications : NULL);
  set_text (self, 0, "consent_date", client != NULL ? client->consent_date : NULL);

  for (guint s = 1; s <= HL_ZONE_MAX_SESSIONS; s++)
    {
      const HlSessionRecord *r = hl_design_get_record (design, s);
      gboolean planned = s <= self->plan.n_sessions;
      g_autofree char *plan = NULL, *done = NULL, *dilution = NULL, *zones = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->groups[s - 1]), planned || r != NULL);
      plan = hl_session_plan_describe (&self->plan, s, rate);
      done = hl_session_record_summary (r);
      g_free (self->summaries[s - 1]);
      self->summaries[s - 1] = g_strdup_printf ("%s · %s", plan, done);
      adw_preferences_group_set_title (self->groups[s - 1], plan);
      adw_preferences_group_set_description (self->groups[s - 1], done);

      set_text (self, s, "date", r != NULL ? r->date : NULL);
      set_spin (self, s, "duration_min", r != NULL ? r->duration_min : 0);
      set_text (self, s, "needle", r != NULL ? r->needle : NULL);
      set_text (self, s, "pigment", r != NULL ? r->pigment : NULL);
      {
        GtkWidget *palette = hl_record_dialog_get_row (self, s, "palette");

        if (palette != NULL)
          hl_pigment_palette_set_skin_type (HL_PIGMENT_PALETTE (palette),
                                            design->client != NULL ? design->client->fitzpatrick : 0);
      }
      dilution = r != NULL ? hl_session_record_format_dilution (r) : NULL;
      set_text (self, s, "dilution", dilution);
      set_text (self, s, "machine", r != NULL ? r->machine : NULL);
      /* Joined without touching the record: workers may be reading it. */
      if (r != NULL && r->zones->len > 0)
        {
          GString *joined = g_string_new (NULL);

          for (guint z = 0; z < r->zones->len; z++)
            g_string_append_printf (joined, "%s%s", z > 0 ? ", " : "", (const char *) g_ptr_array_index (r->zones, z));
          zones = g_string_free (joined, FALSE);
        }
      set_text (self, s, "zones", zones);
      set_text (self, s, "notes", r != NULL ? r->notes : NULL);
      {
        g_autoptr(GString) list = g_string_new (NULL);

        for (guint i = 0; r != NULL && i < r->photos->len; i++)
          {
            const HlProgressPhoto *photo = g_ptr_array_index (r->photos, i);
            g_autofree char *base = g_path_get_basename (photo->path);

            if (list->len > 0)
              g_string_append (list, ", ");
            /* Translators: a progress photo's file name and the view it
             * is aligned to, or that it is not aligned. */
            g_string_append_printf (list, photo->aligned ? _("%s (aligned to %s)") : _("%s (not aligned, %s)"),
                                    base, photo->view);
          }
        adw_action_row_set_subtitle (self->photo_rows[s - 1], list->len > 0 ? list->str : _("None"));
      }
    }
  self->updating = FALSE;
}

static void
build (HlRecordDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *client = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwComboRow *fitz = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) types = gtk_string_list_new (fitzpatrick_items);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_preferences_group_set_title (client, _("Client"));
  adw_preferences_group_set_description (client, _("On the consultation sheet; never in exported images."));
  add_entry (self, client, 0, "name", _("_Name"), G_CALLBACK (on_client_apply));
  add_entry (self, client, 0, "date_of_birth", _("_Date of Birth (YYYY-MM-DD)"), G_CALLBACK (on_client_apply));
  add_spin (self, client, 0, "age", _("_Age"), _("Years, when the date of birth is not given"),
            HL_CLIENT_MAX_AGE, G_CALLBACK (on_age_changed));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fitz), _("_Fitzpatrick Skin Type"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (fitz), TRUE);
  adw_combo_row_set_model (fitz, G_LIST_MODEL (types));
  g_signal_connect_object (fitz, "notify::selected", G_CALLBACK (on_fitzpatrick_changed), self, 0);
  adw_preferences_group_add (client, GTK_WIDGET (fitz));
  g_hash_table_insert (self->rows, row_key (0, "fitzpatrick"), fitz);
  add_entry (self, client, 0, "hair_colour", _("Natural _Hair Colour (#rrggbb)"), G_CALLBACK (on_client_apply));
  add_entry (self, client, 0, "notes", _("N_otes"), G_CALLBACK (on_client_apply));
  add_entry (self, client, 0, "contraindications", _("_Contraindications"), G_CALLBACK (on_client_apply));
  add_entry (self, client, 0, "consent_date", _("Consent _Given On (YYYY-MM-DD)"), G_CALLBACK (on_client_apply));
  adw_preferences_page_add (page, client);

  for (guint s = 1; s <= HL_ZONE_MAX_SESSIONS; s++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      self->groups[s - 1] = group;
      add_entry (self, group, s, "date", _("Date (YYYY-MM-DD)"), G_CALLBACK (on_record_apply));
      add_spin (self, group, s, "duration_min", _("Duration"), _("Minutes"),
                HL_SESSION_RECORD_MAX_DURATION_MIN, G_CALLBACK (on_duration_changed));
      add_entry (self, group, s, "needle", _("Needle (e.g. 1RL, 3RL)"), G_CALLBACK (on_record_apply));
      {
        GtkWidget *pigment = add_entry (self, group, s, "pigment", _("Pigment"), G_CALLBACK (on_record_apply));
        GtkWidget *palette = hl_pigment_palette_new (_("From _Chart"));
        g_autofree char *label = g_strdup_printf (_("Session %u pigment and dilution from the dilution chart"), s);

        g_object_set_data (G_OBJECT (palette), "hl-session", GUINT_TO_POINTER (s));
        gtk_accessible_update_property (GTK_ACCESSIBLE (hl_pigment_palette_get_button (HL_PIGMENT_PALETTE (palette))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (pigment), palette);
        g_signal_connect_object (palette, "chosen", G_CALLBACK (on_palette_chosen), self, 0);
        g_hash_table_insert (self->rows, row_key (s, "palette"), palette);
      }
      add_entry (self, group, s, "dilution", _("Dilution (pigment:water)"), G_CALLBACK (on_record_apply));
      add_entry (self, group, s, "machine", _("Machine Settings"), G_CALLBACK (on_record_apply));
      add_entry (self, group, s, "zones", _("Zones Worked (comma-separated)"), G_CALLBACK (on_record_apply));
      add_entry (self, group, s, "notes", _("Notes"), G_CALLBACK (on_record_apply));
      {
        AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
        GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add…"));

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Progress Photos"));
        gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (add, _("Add a photo taken at this session, aligned to the view shown"));
        g_object_set_data (G_OBJECT (add), "hl-session", GUINT_TO_POINTER (s));
        g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_photo_clicked), self, 0);
        adw_action_row_add_suffix (row, add);
        adw_preferences_group_add (group, GTK_WIDGET (row));
        self->photo_rows[s - 1] = row;
        g_hash_table_insert (self->rows, row_key (s, "photos"), add);
      }
      adw_preferences_page_add (page, group);
    }

  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
hl_record_dialog_dispose (GObject *object)
{
  HlRecordDialog *self = HL_RECORD_DIALOG (object);

  if (self->photo_loading != NULL)
    g_cancellable_cancel (self->photo_loading);
  g_clear_object (&self->photo_loading);
  g_clear_weak_pointer (&self->align);
  self->photo_spinner = NULL;
  g_clear_object (&self->document);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->planned_views, g_ptr_array_unref);
  G_OBJECT_CLASS (hl_record_dialog_parent_class)->dispose (object);
}

static void
hl_record_dialog_finalize (GObject *object)
{
  HlRecordDialog *self = HL_RECORD_DIALOG (object);

  g_hash_table_unref (self->rows);
  for (guint i = 0; i < HL_ZONE_MAX_SESSIONS; i++)
    g_free (self->summaries[i]);
  G_OBJECT_CLASS (hl_record_dialog_parent_class)->finalize (object);
}

static void
hl_record_dialog_class_init (HlRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_record_dialog_dispose;
  object_class->finalize = hl_record_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_record_dialog_init (HlRecordDialog *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Client and Sessions"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);
  build (self);
}

HlRecordDialog *
hl_record_dialog_new (GtkWindow  *parent,
                      HlDocument *document)
{
  HlRecordDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HL_IS_DOCUMENT (document), NULL);

  self = g_object_new (HL_TYPE_RECORD_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (hl_settings_get () != NULL)
    g_signal_connect_object (hl_settings_get (), "changed::dots-per-minute", G_CALLBACK (refresh), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
  return self;
}

GtkWidget *
hl_record_dialog_get_row (HlRecordDialog *self,
                          guint           session,
                          const char     *field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), NULL);
  key = row_key (session, field);
  return g_hash_table_lookup (self->rows, key);
}

const char *
hl_record_dialog_get_summary (HlRecordDialog *self,
                              guint           session)
{
  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), NULL);
  g_return_val_if_fail (session >= 1 && session <= HL_ZONE_MAX_SESSIONS, NULL);
  return self->summaries[session - 1];
}

const char *
hl_record_dialog_get_message (HlRecordDialog *self)
{
  g_return_val_if_fail (HL_IS_RECORD_DIALOG (self), NULL);
  return gtk_label_get_text (self->message);
}
