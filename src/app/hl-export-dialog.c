/* hl-export-dialog.c
 *
 * Threads: the export gets its own references to immutable values (the
 * design snapshot, the photo, paths and option strings) and runs
 * hl_export_write() on a worker; progress comes back to the main thread
 * through idle callbacks. The dialog's fields are only touched on the main
 * thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-weak-task.h"
#include "hl-error.h"
#include "hl-export-dialog-private.h"
#include "hl-a11y.h"
#include "hl-settings.h"

struct _HlExportDialog
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *title;
  GtkButton       *cancel_button;
  GtkButton       *export_button;
  GtkWidget       *mockup_group;
  GtkWidget       *mark_group;
  GtkWidget       *sheet_group;
  AdwComboRow     *layout_row;
  AdwComboRow     *stage_row;
  AdwComboRow     *session_row;
  AdwActionRow    *scale_row;
  GtkSpinButton   *scale_spin;
  GtkSwitch       *mirror_switch;
  GtkSwitch       *crop_switch;
  AdwEntryRow     *mark_row;
  GtkSwitch       *photo_switch;
  GtkLabel        *status_label;
  GtkProgressBar  *progress_bar;

  /* Borrowed references */
  GtkWindow       *parent;       /* weak reference (parent_gone) */

  /* Owned references */
  HlExportKind     kind;
  HlDesign        *design;       /* the snapshot exported */
  char            *design_path;  /* the design file, or NULL */
  HlPhoto         *photo;        /* the view's photo when it is the design's */
  guint            view;
  double           dot_mm;       /* mean fresh dot of the view, in mm */
  GCancellable    *cancellable;  /* while an export runs */
  GtkNativeDialog *chooser;
  GFile           *exported;
  char            *error;
  char            *size_text;
  char            *default_mark; /* the practitioner's mark (preferences) */
  gboolean         disposed;
};

G_DEFINE_FINAL_TYPE (HlExportDialog, hl_export_dialog, ADW_TYPE_WINDOW)

enum { TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Worker data */

typedef struct
{
  HlDesign        *design;
  char            *design_path;
  char            *output;
  HlExportOptions  options;
  char            *mark;         /* options.render.mark points here */
  char            *clinic;       /* options.clinic_name points here */
  HlPhoto         *photo;        /* options.photo points here */
  GPtrArray       *notes;        /* written by the worker, read once it is done */
  GWeakRef         dialog;       /* the dialog, for progress (never kept by the worker) */
} Job;

static void
job_free (Job *job)
{
  hl_design_unref (job->design);
  g_free (job->design_path);
  g_free (job->output);
  g_free (job->mark);
  g_free (job->clinic);
  g_clear_pointer (&job->photo, hl_photo_unref);
  g_ptr_array_unref (job->notes);
  g_weak_ref_clear (&job->dialog);
  g_free (job);
}

typedef struct
{
  HlExportDialog *dialog;        /* owned reference */
  double          fraction;
  char           *step;
} Progress;

/* Settings */

static const HlView *
exported_view (HlExportDialog *self)
{
  return hl_design_get_view (self->design, self->view);
}

static void
read_options (HlExportDialog  *self,
              HlExportOptions *options)
{
  guint session = adw_combo_row_get_selected (self->session_row);
  guint layout = adw_combo_row_get_selected (self->layout_row);
  guint stage = adw_combo_row_get_selected (self->stage_row);

  hl_export_options_init (options, self->kind);
  options->view = self->view;
  options->render.layout = layout == 1 ? HL_LAYOUT_BEFORE_AFTER : layout == 2 ? HL_LAYOUT_SPLIT : HL_LAYOUT_AFTER;
  options->render.stage = stage == 1 ? HL_STAGE_HEALED : stage == 2 ? HL_STAGE_AGED : HL_STAGE_FRESH;
  /* Row 0: all sessions; row k: after session k. */
  options->render.sessions = session == GTK_INVALID_LIST_POSITION ? 0 : session;
  options->render.scale = gtk_spin_button_get_value (self->scale_spin);
  options->render.mirror = gtk_switch_get_active (self->mirror_switch);
  options->crop_to_head = gtk_switch_get_active (self->crop_switch);
  options->without_photo = !gtk_switch_get_active (self->photo_switch);
  options->photo = options->without_photo ? NULL : self->photo;
}

static const char *
mark_text (HlExportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->mark_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  /* The mark is never dropped by clearing its text. */
  if (stripped[0] != '\0')
    return text;
  return self->default_mark != NULL ? self->default_mark : hl_render_get_simulation_mark ();
}

static void
set_status (HlExportDialog *self,
            const char     *text,
            gboolean        is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
show_error (HlExportDialog *self,
            const char     *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  set_status (self, message, TRUE);
}

static void
update (HlExportDialog *self)
{
  HlExportOptions options;
  gboolean busy = self->cancellable != NULL;
  gboolean has_design = hl_export_has_design (self->design, self->kind, self->view);
  int w, h;

  read_options (self, &options);

  if (self->kind == HL_EXPORT_MOCKUP)
    {
      const HlView *view = exported_view (self);
      gboolean calibrated;
      double mm_per_px = hl_view_get_mm_per_px (view, &calibrated);
      double dot_px = self->dot_mm / mm_per_px * options.render.scale;

      hl_export_mockup_size (self->design, options.without_photo ? NULL : self->photo, &options, &w, &h);
      g_free (self->size_text);
      if (dot_px > 0)
        /* Translators: the output's width and height in pixels, the
         * fresh dots' size in pixels, then the notes that apply. */
        self->size_text = g_strdup_printf (_("%d × %d px · fresh dots %.1f px%s%s"), w, h, dot_px,
                                           dot_px < 1.0 ? _(" (under a pixel: raise the scale)") : "",
                                           calibrated ? "" : _(" (uncalibrated)"));
      else
        self->size_text = g_strdup_printf (_("%d × %d px"), w, h);
      adw_action_row_set_subtitle (self->scale_row, self->size_text);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy && has_design);
  gtk_button_set_label (self->cancel_button, busy ? _("_Stop") : _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);

  if (!has_design && !busy)
    {
      const char *why = self->kind == HL_EXPORT_SHEET
                        ? _("Nothing to simulate yet: no view has a zone or a dot, so every “after” would be the same as its “before”. Draw a zone first.")
                        : _("Nothing to simulate yet: this view has no zone or dot, so the “after” would be the same as the “before”. Draw a zone first.");
      g_free (self->error);
      self->error = g_strdup (why);
      set_status (self, why, FALSE);
    }
}

static void
on_option_changed (HlExportDialog *self)
{
  if (!self->disposed && self->design != NULL)
    update (self);
}

/* The crop is remembered for the next mockup. */
static void
on_crop_changed (HlExportDialog *self)
{
  if (self->disposed || self->design == NULL)
    return;
  hl_settings_set_export_crop (gtk_switch_get_active (self->crop_switch));
  update (self);
}

/* Exporting */

static gboolean
progress_idle (gpointer data)
{
  Progress *p = data;
  HlExportDialog *self = p->dialog;

  if (!self->disposed && self->cancellable != NULL)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, p->fraction);
      gtk_progress_bar_set_text (self->progress_bar, p->step);
    }
  g_object_unref (p->dialog);
  g_free (p->step);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* On the worker: the progress goes to the main thread, with a reference
 * to the dialog (if it is still there) that the main thread drops. */
static void
on_progress (double      fraction,
             const char *what,
             gpointer    user_data)
{
  Job *job = user_data;
  HlExportDialog *dialog = g_weak_ref_get (&job->dialog);
  Progress *p;

  if (dialog == NULL)
    return;
  p = g_new0 (Progress, 1);
  p->dialog = dialog;
  p->fraction = fraction;
  p->step = g_strdup (what);
  g_idle_add (progress_idle, p);
}

static void
on_note (const char *message,
         gpointer    user_data)
{
  Job *job = user_data;

  g_ptr_array_add (job->notes, g_strdup (message));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!hl_export_write (job->design, job->design_path, job->output, &job->options,
                        on_note, on_progress, job, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_toast_button (AdwToast *toast,
                 gpointer  user_data)
{
  GFile *folder = user_data;
  GtkWidget *window = g_object_get_data (G_OBJECT (toast), "hl-parent");
  g_autofree char *uri = g_file_get_uri (folder);

  /* GTK 4.8 has no GtkFileLauncher: the file manager shows the folder. */
  gtk_show_uri (window != NULL ? GTK_WINDOW (window) : NULL, uri, GDK_CURRENT_TIME);
}

static void
announce (HlExportDialog *self,
          GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is the name of the file written. */
  g_autofree char *title = g_strdup_printf (_("Exported %s"), name);
  AdwToast *toast;

  if (self->parent == NULL)
    return;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data (G_OBJECT (toast), "hl-parent", self->parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_toast_button),
                         g_file_get_parent (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
on_export_done (gpointer  owner,
                GTask    *result)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (owner);
  Job *job = g_task_get_task_data (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->output);

  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->disposed)
        return;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_free (self->error);
          self->error = g_strdup (_("Export stopped; nothing was written."));
          set_status (self, self->error, FALSE);
        }
      else if (g_error_matches (error, HL_ERROR, HL_ERROR_PHOTO))
        {
          /* Translators: %s says what is wrong with the photo. */
          g_autofree char *message = g_strdup_printf (_("Not exported: %s. Relink the photo, or turn "
                                                        "“Photo” off to export on a plain background."),
                                                      error->message);
          show_error (self, message);
        }
      else
        {
          /* Translators: %s says why. */
          g_autofree char *message = g_strdup_printf (_("Not exported: %s"), error->message);
          show_error (self, message);
        }
      update (self);
      return;
    }

  g_set_object (&self->exported, file);
  g_clear_pointer (&self->error, g_free);
  if (self->disposed)
    return;
  announce (self, file);
  /* What did not stop the export (a photo that changed, a design partly
   * off its photo) is said after it. */
  if (self->parent != NULL)
    for (guint i = 0; i < job->notes->len; i++)
      {
        g_autoptr(AdwToast) note = adw_toast_new (g_ptr_array_index (job->notes, i));

        g_signal_emit (self, signals[TOAST], 0, note);
      }
  update (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* Whether @file is the design or one of its photos. */
static gboolean
is_an_input (HlExportDialog *self,
             GFile          *file)
{
  if (self->design_path != NULL)
    {
      g_autoptr(GFile) design = g_file_new_for_path (self->design_path);

      if (g_file_equal (design, file))
        return TRUE;
    }
  for (guint v = 0; v < hl_design_get_n_views (self->design); v++)
    {
      const HlView *view = hl_design_get_view (self->design, v);
      g_autofree char *path = NULL;
      g_autoptr(GFile) photo = NULL;

      if (view->photo.path == NULL)
        continue;
      path = hl_photo_resolve_path (self->design_path, view->photo.path);
      photo = g_file_new_for_path (path);
      if (g_file_equal (photo, file))
        return TRUE;
    }
  return FALSE;
}

gboolean
hl_export_dialog_export_to (HlExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = NULL;
  Job *job;

  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->cancellable != NULL)
    return FALSE;

  chosen = g_file_get_path (file);
  if (chosen == NULL)
    {
      show_error (self, _("Exports are written to local files only; choose a file on this computer."));
      return FALSE;
    }
  /* The type follows the dialog, whatever extension was typed. */
  fixed = hl_export_fix_extension (self->kind, chosen);
  target = g_file_new_for_path (fixed);
  name = g_file_get_basename (target);
  if (is_an_input (self, target) || is_an_input (self, file))
    {
      /* Translators: %s is a file name. */
      g_autofree char *message = g_strdup_printf (_("%s is this design or its photo, which exports never "
                                                    "replace. Choose another name."), name);
      show_error (self, message);
      return FALSE;
    }
  /* The chooser asked about replacing the name chosen, not this one. */
  if (g_strcmp0 (fixed, chosen) != 0 && g_file_test (fixed, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name. */
      g_autofree char *message = g_strdup_printf (_("%s already exists. Choose it by that name to replace it, "
                                                    "or choose another name."), name);
      show_error (self, message);
      return FALSE;
    }

  if (!hl_export_has_design (self->design, self->kind, self->view))
    {
      update (self);
      return FALSE;
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->dialog, self);
  job->notes = g_ptr_array_new_with_free_func (g_free);
  job->design = hl_design_ref (self->design);
  job->design_path = g_strdup (self->design_path);
  job->output = g_steal_pointer (&fixed);
  read_options (self, &job->options);
  job->mark = g_strdup (mark_text (self));
  job->options.render.mark = job->mark;
  /* The sheet names the clinic of the preferences. */
  job->clinic = hl_settings_dup_clinic_name ();
  job->options.clinic_name = job->clinic;
  /* And times its sessions at the practitioner's rate. */
  job->options.dots_per_minute = hl_settings_get_dots_per_minute ();
  job->photo = job->options.photo != NULL ? hl_photo_ref (job->options.photo) : NULL;
  job->options.photo = job->photo;

  g_clear_pointer (&self->error, g_free);
  self->cancellable = g_cancellable_new ();
  set_status (self, NULL, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting"));
  update (self);

  task = hl_weak_task_new (self, self->cancellable, on_export_done);
  /* What the export returns is the truth: a Stop that came after the file
   * was in place gives TRUE ("Exported"), and only a stopped export that
   * wrote nothing gives G_IO_ERROR_CANCELLED ("nothing was written"). By
   * default GTask would report any cancelled task as cancelled. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, hl_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    hl_export_dialog_export_to (self, file);
}

static char *
suggested_name (HlExportDialog *self)
{
  g_autofree char *stem = NULL;
  HlExportOptions options;
  const char *layout;

  if (self->design_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->design_path);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      stem = g_strdup (base);
    }
  else
    stem = g_strdup ("design");

  if (self->kind == HL_EXPORT_SHEET)
    return g_strdup_printf ("%s-sheet.pdf", stem);

  read_options (self, &options);
  layout = hl_enum_to_nick (HL_TYPE_LAYOUT, options.render.layout);
  return g_strdup_printf ("%s-%s-%s-%s.png", stem, exported_view (self)->name, layout,
                          hl_stage_to_string (options.render.stage));
}

static void
on_export_clicked (HlExportDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *name = suggested_name (self);
  g_autofree char *dir = NULL;

  if (self->cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (self->kind == HL_EXPORT_SHEET ? _("Export the Consultation Sheet")
                                                                        : _("Export the Mockup"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);

  filter = gtk_file_filter_new ();
  if (self->kind == HL_EXPORT_SHEET)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  if (self->design_path != NULL)
    dir = g_path_get_dirname (self->design_path);
  else if (exported_view (self)->photo.path != NULL)
    dir = g_path_get_dirname (exported_view (self)->photo.path);
  if (dir != NULL && g_path_is_absolute (dir))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_native_dialog_show (self->chooser);
}

void
hl_export_dialog_cancel (HlExportDialog *self)
{
  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_cancel_clicked (HlExportDialog *self)
{
  if (self->cancellable != NULL)
    hl_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  on_cancel_clicked (HL_EXPORT_DIALOG (widget));
}

/* Session rows: all, then after session 1 … n−1 of the view's zones. */
static void
fill_sessions (HlExportDialog *self)
{
  const HlView *view = exported_view (self);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = 1;

  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    n = MAX (n, hl_view_get_zone (view, z)->params.n_sessions);

  {
    g_autofree char *all = n > 1 ? g_strdup_printf (ngettext ("All %u session", "All %u sessions", n), n)
                                 : g_strdup (_("The one session"));

    gtk_string_list_append (list, all);
  }
  for (guint k = 1; k < n; k++)
    {
      g_autofree char *item = g_strdup_printf (_("After session %u"), k);

      gtk_string_list_append (list, item);
    }
  adw_combo_row_set_model (self->session_row, G_LIST_MODEL (list));
  gtk_widget_set_sensitive (GTK_WIDGET (self->session_row), n > 1);
}

/* The parent goes away (the dialog may outlive it while an export ends):
 * the dialog lets go of it before it is finalized. */
static void
parent_gone (gpointer  data,
             GObject  *where_the_parent_was)
{
  HlExportDialog *self = data;

  self->parent = NULL;
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  hl_export_dialog_cancel (self);
}

/* A mockup starts as the client sees the view in the window: stage,
 * sessions, mirror, and before/after side by side or split. */
static void
start_from_preview (HlExportDialog  *self,
                    const HlPreview *preview)
{
  GListModel *sessions = adw_combo_row_get_model (self->session_row);

  HlExportOptions options;
  int w, h;

  /* The practitioner's preferences first, then what the client sees. */
  hl_export_dialog_set_layout (self, hl_settings_get_export_layout ());
  gtk_switch_set_active (self->crop_switch, hl_settings_get_export_crop ());

  adw_combo_row_set_selected (self->stage_row, preview->stage == HL_STAGE_HEALED ? 1
                                               : preview->stage == HL_STAGE_AGED ? 2 : 0);
  if (sessions != NULL && preview->sessions < g_list_model_get_n_items (sessions))
    adw_combo_row_set_selected (self->session_row, preview->sessions);
  gtk_switch_set_active (self->mirror_switch, preview->mirror);
  if (preview->compare != HL_COMPARE_OFF)
    adw_combo_row_set_selected (self->layout_row, preview->compare == HL_COMPARE_SIDE_BY_SIDE ? 1 : 2);

  /* The preferred scale, unless fresh dots would be under a pixel there:
   * then the one `hairline render` picks, where they are about 1.25 px. */
  read_options (self, &options);
  options.render.layout = HL_LAYOUT_AFTER;
  options.render.scale = 1.0;
  hl_export_mockup_size (self->design, options.without_photo ? NULL : self->photo, &options, &w, &h);
  gtk_spin_button_set_value (self->scale_spin,
                             hl_export_pick_scale (exported_view (self), self->dot_mm, w, h,
                                                   adw_combo_row_get_selected (self->layout_row) == 1 ? 2 : 1,
                                                   hl_settings_get_export_scale ()));
}

/* Public */

HlExportDialog *
hl_export_dialog_new (GtkWindow       *parent,
                      HlDocument      *document,
                      const HlPreview *preview,
                      HlExportKind     kind)
{
  HlExportDialog *self;
  GFile *file;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (hl_document_get_design (document) != NULL, NULL);
  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (HL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->kind = kind;
  self->parent = parent;
  g_object_weak_ref (G_OBJECT (parent), parent_gone, self);
  /* A pasted photo, once saved beside the design, is one of its inputs. */
  self->design = hl_document_dup_linked_design (document);
  self->view = MIN (hl_document_get_view_index (document), hl_design_get_n_views (self->design) - 1);
  file = hl_document_get_file (document);
  self->design_path = file != NULL ? g_file_get_path (file) : NULL;
  /* The photo the window shows is the design's when nothing is wrong with
   * it; otherwise the export loads it and says what is wrong. */
  if (hl_document_get_photo (document) != NULL && hl_document_get_photo_problem (document) == NULL)
    self->photo = hl_photo_ref (hl_document_get_photo (document));

  adw_window_title_set_title (self->title, kind == HL_EXPORT_SHEET ? _("Export Consultation Sheet")
                                                                   : _("Export Mockup"));
  adw_window_title_set_subtitle (self->title, kind == HL_EXPORT_SHEET
                                              ? _("All views, PDF")
                                              : exported_view (self)->name);
  gtk_window_set_title (GTK_WINDOW (self), kind == HL_EXPORT_SHEET ? _("Export Consultation Sheet")
                                                                   : _("Export Mockup"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, kind == HL_EXPORT_SHEET ? 380 : 700);
  gtk_widget_set_visible (self->mockup_group, kind == HL_EXPORT_MOCKUP);
  gtk_widget_set_visible (self->mark_group, kind == HL_EXPORT_MOCKUP);
  gtk_widget_set_visible (self->sheet_group, kind == HL_EXPORT_SHEET);
  self->default_mark = hl_settings_dup_simulation_mark ();
  gtk_editable_set_text (GTK_EDITABLE (self->mark_row), self->default_mark);
  if (hl_document_get_photo (document) == NULL && exported_view (self)->photo.path == NULL)
    gtk_switch_set_active (self->photo_switch, FALSE);
  /* The dots the window shows when they are this view's, else the zones'
   * sizes: the fresh dot size decides the scale a mockup starts at. */
  {
    gsize n_dots = 0;
    const HlDot *dots = hl_document_get_dots (document, &n_dots);

    if (dots == NULL || hl_document_is_computing (document) ||
        hl_document_get_dots_design (document) != hl_document_get_design (document))
      n_dots = 0;
    self->dot_mm = hl_export_fresh_dot_mm (exported_view (self), n_dots > 0 ? dots : NULL, n_dots);
  }
  fill_sessions (self);
  start_from_preview (self, preview);
  update (self);
  return self;
}

gboolean
hl_export_dialog_is_busy (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
hl_export_dialog_get_error (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), NULL);
  return self->error;
}

GFile *
hl_export_dialog_get_exported (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), NULL);
  return self->exported;
}

void
hl_export_dialog_set_scale (HlExportDialog *self,
                            double          scale)
{
  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (self->scale_spin, scale);
}

void
hl_export_dialog_set_layout (HlExportDialog *self,
                             HlLayout        layout)
{
  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->layout_row,
                              layout == HL_LAYOUT_BEFORE_AFTER ? 1 : layout == HL_LAYOUT_SPLIT ? 2 : 0);
}

gboolean
hl_export_dialog_get_crop_to_head (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->crop_switch);
}

void
hl_export_dialog_set_crop_to_head (HlExportDialog *self,
                                   gboolean        crop)
{
  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->crop_switch, crop);
}

void
hl_export_dialog_get_render_options (HlExportDialog  *self,
                                     HlRenderOptions *options)
{
  HlExportOptions export;

  g_return_if_fail (HL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  read_options (self, &export);
  *options = export.render;
  options->mark = mark_text (self);
}

const char *
hl_export_dialog_get_size_text (HlExportDialog *self)
{
  g_return_val_if_fail (HL_IS_EXPORT_DIALOG (self), NULL);
  return self->size_text;
}

/* GObject */

static gboolean
hl_export_dialog_close_request (GtkWindow *window)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (window);

  /* Closing stops a running export: nothing half-written is left. */
  hl_export_dialog_cancel (self);
  return GTK_WINDOW_CLASS (hl_export_dialog_parent_class)->close_request (window);
}

static void
hl_export_dialog_dispose (GObject *object)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  if (self->parent != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->parent), parent_gone, self);
      self->parent = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (hl_export_dialog_parent_class)->dispose (object);
}

static void
hl_export_dialog_finalize (GObject *object)
{
  HlExportDialog *self = HL_EXPORT_DIALOG (object);

  g_clear_pointer (&self->design, hl_design_unref);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_free (self->design_path);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->exported);
  g_free (self->error);
  g_free (self->size_text);
  g_free (self->default_mark);

  G_OBJECT_CLASS (hl_export_dialog_parent_class)->finalize (object);
}

static void
hl_export_dialog_class_init (HlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hl_export_dialog_dispose;
  object_class->finalize = hl_export_dialog_finalize;
  window_class->close_request = hl_export_dialog_close_request;

  /**
   * HlExportDialog::toast:
   * @toast: an AdwToast
   *
   * Something for the parent to show once the dialog is gone: the file
   * written (with a button that opens its folder), or what did not stop
   * the export.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, title);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, mockup_group);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, mark_group);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, sheet_group);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, session_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, mirror_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, crop_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, mark_row);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, photo_switch);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HlExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_crop_changed);

  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
}

static void
hl_export_dialog_init (HlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hl_a11y_name_entry_row (self->mark_row);
}
