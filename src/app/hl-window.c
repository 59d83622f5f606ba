/* hl-window.c: one document in a window: canvas, undo, open, save.
 *
 * The window only wires things: the document loads, saves and keeps the
 * history; the canvas draws it and forwards input to the core's tools. The
 * title, the modified mark and the sensitivity of undo, redo and save
 * follow the document's notifications.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-canvas.h"
#include "hl-confirm-save.h"
#include "hl-error.h"
#include "hl-window-private.h"
#include "hl-zone-panel.h"

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
update_state (HlWindow *self)
{
  HlDesign *design = self->loading ? NULL : hl_document_get_design (self->document);
  g_autofree char *title = NULL;
  const char *subtitle = NULL;

  if (design != NULL)
    {
      title = g_strdup_printf ("%s%s", hl_document_is_modified (self->document) ? "• " : "",
                               hl_window_get_name (self));
      subtitle = design->client_label;
    }
  else
    title = g_strdup (self->opening != NULL ? self->opening : "Hairline Studio");

  if (g_strcmp0 (adw_window_title_get_title (self->title), title) != 0)
    {
      /* The window's own title (window lists, assistive technologies)
       * names the design and its unsaved mark as well. */
      g_autofree char *window_title = g_str_equal (title, "Hairline Studio")
                                      ? g_strdup (title)
                                      : g_strdup_printf ("%s — Hairline Studio", title);

      adw_window_title_set_title (self->title, title);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  if (g_strcmp0 (adw_window_title_get_subtitle (self->title), subtitle != NULL ? subtitle : "") != 0)
    adw_window_title_set_subtitle (self->title, subtitle);

  _hl_window_io_update (self);
  _hl_window_set_action_enabled (self, "win.undo",
                                 design != NULL && hl_document_can_undo (self->document));
  _hl_window_set_action_enabled (self, "win.redo",
                                 design != NULL && hl_document_can_redo (self->document));
  _hl_window_set_action_enabled (self, "win.save",
                                 design != NULL && self->saving == 0 && self->asking == NULL &&
                                 (hl_document_get_file (self->document) == NULL ||
                                  hl_document_is_modified (self->document)));
  _hl_window_tools_update (self);
  _hl_window_preview_update (self);
}

void
_hl_window_set_action_enabled (HlWindow   *self,
                               const char *name,
                               gboolean    enabled)
{
  gpointer now = GINT_TO_POINTER (1 + !!enabled);

  if (g_hash_table_lookup (self->actions_enabled, name) == now)
    return;
  g_hash_table_insert (self->actions_enabled, g_strdup (name), now);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

/* A problem that does not stop the design from showing. */
static void
warn (HlWindow   *self,
      const char *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* The lasting notice above the design: shown while unsaved changes
 * cannot be kept for recovery, gone once they can (or are saved). */
static void
update_notice (HlWindow *self)
{
  const char *problem = hl_document_get_autosave_problem (self->document);

  if (problem != NULL)
    {
      /* Translators: %s says why, e.g. "…/recovery: cannot make the
       * recovery folder: No space left on device". */
      g_autofree char *text = g_strdup_printf (_("Unsaved changes cannot be kept for recovery: %s. "
                                                 "Save the design to keep them."), problem);

      gtk_label_set_text (self->notice_label, text);
    }
  gtk_revealer_set_reveal_child (self->notice, problem != NULL);
}

static void
show_problem (HlWindow   *self,
              const char *title,
              const char *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

/* Shows a file chooser owned by the window; @on_response gets its answer.
 * Returns it (borrowed) for further set-up. */
static GtkFileChooser *
show_chooser (HlWindow             *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept,
              GCallback             on_response)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                               accept, _("_Cancel"));

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", on_response, self, 0);
  return GTK_FILE_CHOOSER (chooser);
}

/* Opening */

/* The "Opening…" card over a design shown while another opens appears
 * once the opening has taken this long: most photos open sooner (a 24 MP
 * JPEG in about 0.3 s), and a card shown and hidden at once would flicker
 * and cost two layouts. Below a second no special feedback is needed,
 * beyond it the user notices the wait (J. Nielsen, "Response Times: The
 * 3 Important Limits", Usability Engineering ch. 5, 1993,
 * https://www.nngroup.com/articles/response-times-3-important-limits/);
 * the card shows well before that. */
#define HL_WINDOW_OPENING_DELAY_MS 400

static gboolean
show_opening_box (gpointer data)
{
  HlWindow *self = data;

  self->opening_timer = 0;
  gtk_widget_set_visible (self->opening_box, TRUE);
  gtk_spinner_set_spinning (self->opening_spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/* While loading over a design shown (@over), its page takes no pointer
 * input: what it shows is about to be replaced (the window's actions,
 * keys included, are disabled meanwhile: update_state). Made insensitive
 * instead, every widget of the page would change its style twice. */
static void
set_loading (HlWindow *self,
             gboolean  loading,
             gboolean  over)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "photo");

  self->loading = loading;
  self->loading_over = loading && over;
  gtk_spinner_set_spinning (self->spinner, loading && !over);
  if (!self->loading_over)
    {
      g_clear_handle_id (&self->opening_timer, g_source_remove);
      gtk_spinner_set_spinning (self->opening_spinner, FALSE);
      gtk_widget_set_visible (self->opening_box, FALSE);
    }
  else if (!gtk_widget_get_visible (self->opening_box) && self->opening_timer == 0)
    self->opening_timer = g_timeout_add (HL_WINDOW_OPENING_DELAY_MS, show_opening_box, self);
  gtk_widget_set_can_target (page, !self->loading_over);
}

static void
on_document_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;   /* the ref taken when loading began */
  g_autoptr(GError) error = NULL;
  const char *photo_problem;

  if (!hl_document_load_finish (self->document, result, &error))
    {
      g_autofree char *message = NULL;
      gboolean design_file;

      /* A newer open, or the window went away. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
        return;

      set_loading (self, FALSE, FALSE);
      g_clear_pointer (&self->recovering, hl_recovery_entry_free);
      design_file = g_str_has_suffix (self->opening, ".hairline") ||
                    g_str_has_suffix (self->opening, ".json") || g_str_has_suffix (self->opening, ".JSON");

      if (design_file)
        message = g_strdup_printf ("%s: %s", self->opening, error->message);
      else
        message = g_strdup (error->message);

      if (hl_document_get_design (self->document) != NULL)
        {
          /* What the window showed is still there. */
          gtk_stack_set_visible_child_name (self->stack, "photo");
          warn (self, message);
        }
      else
        show_problem (self,
                      design_file ? _("This design cannot be opened")
                                                                : _("This photo cannot be opened"),
                      message);
      update_state (self);
      return;
    }

  if (self->disposed)
    return;

  if (self->recovering != NULL)
    {
      /* The document adopted the copy as it loaded it. */
      g_clear_pointer (&self->recovering, hl_recovery_entry_free);
      warn (self, _("Unsaved changes restored"));
      g_clear_pointer (&self->problem, g_free);
    }

  set_loading (self, FALSE, FALSE);
  g_clear_pointer (&self->opening, g_free);
  gtk_stack_set_visible_child_name (self->stack, "photo");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  /* Nothing is lost: the design still shows its dots and lines (on a
   * neutral background without its photo). */
  photo_problem = hl_document_get_photo_problem (self->document);
  if (photo_problem != NULL)
    _hl_window_io_warn_photo (self, photo_problem);
  update_state (self);
}

gboolean
_hl_window_loading_over (HlWindow *self)
{
  return self->loading_over;
}

void
_hl_window_note_screen_fit (HlWindow *self)
{
  GtkWidget *canvas = GTK_WIDGET (self->canvas);
  int width = gtk_widget_get_width (canvas), height = gtk_widget_get_height (canvas);
  HlPreview preview;

  /* The canvas as last laid out: a window that shows no design yet has
   * not laid it out (0 × 0, nothing prepared). Presenting, the canvas
   * fits the design's bounds rather than the photo; side by side, each
   * pane is half as wide. */
  hl_canvas_get_preview (self->canvas, &preview);
  if (preview.presentation)
    width = height = 0;
  else if (preview.compare == HL_COMPARE_SIDE_BY_SIDE)
    width /= 2;
  hl_document_set_screen_fit (self->document, width, height, gtk_widget_get_scale_factor (canvas));
}

/* Shows that @name is being opened; a newer open replaces one in
 * progress. */
static void
begin_loading (HlWindow *self,
               char     *name)   /* transfer full */
{
  gboolean over;

  _hl_window_note_screen_fit (self);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->recovering, hl_recovery_entry_free);

  g_free (self->opening);
  self->opening = name;
  g_clear_pointer (&self->problem, g_free);
  over = hl_document_get_design (self->document) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "photo") == 0;
  if (over)
    {
      /* A design is shown: it stays, under a card that says what opens.
       * Its page keeps its layout, so the first frame of the new design
       * lays out only what changed, not the whole page (the canvas, the
       * panels and their labels: several ms of the main thread, where a
       * newly opened photo must show within a frame; bench-photo-open). */
      /* Translators: %s is the name of the file being opened. */
      g_autofree char *text = g_strdup_printf (_("Opening %s…"), self->opening);

      gtk_label_set_text (self->opening_label, text);
      /* Keys edit nothing meanwhile (the canvas gets the focus back). */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  else
    {
      adw_status_page_set_description (self->loading_page, self->opening);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  set_loading (self, TRUE, over);
  update_state (self);
}

void
hl_window_open (HlWindow *self,
                GFile    *file)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  begin_loading (self, g_file_get_basename (file));
  /* What the window is opening, until its document has a file: asked to
   * open it again meanwhile, the application finds this window
   * (hl_application_find_window). */
  g_object_set_data_full (G_OBJECT (self), "hl-opening-file", g_object_ref (file), g_object_unref);
  hl_document_load_async (self->document, file, self->load_cancellable,
                          on_document_loaded, g_object_ref (self));
}

void
hl_window_open_design (HlWindow   *self,
                       HlDesign   *design,
                       const char *title)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (design != NULL);
  g_return_if_fail (title != NULL);

  begin_loading (self, g_strdup (title));
  hl_document_load_design_async (self->document, design, title, self->load_cancellable,
                                 on_document_loaded, g_object_ref (self));
}

void
hl_window_open_recovery (HlWindow              *self,
                         const HlRecoveryEntry *entry)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  /* Named as the design was, not as its recovery copy. */
  begin_loading (self, g_strdup (entry->title != NULL ? entry->title : _("Untitled design")));
  self->recovering = hl_recovery_entry_copy (entry);
  hl_document_load_recovery_async (self->document, entry, self->load_cancellable,
                                   on_document_loaded, g_object_ref (self));
}

gboolean
hl_window_is_loading (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->loading;
}

/* Saving */

static void ask_overwrite (HlWindow *self,
                           GTask    *task);

static void
on_document_saved (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HlWindow *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->saving--;
  if (hl_document_save_finish (self->document, result, &error))
    g_task_return_boolean (task, TRUE);
  else if (!self->disposed && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      /* Another program or window wrote the file: ask before losing
       * its work. */
      g_error_free (error);
      ask_overwrite (self, g_steal_pointer (&task));
    }
  else
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is why, e.g. "design.json: permission denied:
           * the file is read-only; refusing to replace it". */
          g_autofree char *message = g_strdup_printf (_("The design was not saved: %s"), error->message);

          warn (self, message);
        }
      g_task_return_error (task, error);
    }

  if (!self->disposed)
    update_state (self);
}

/* Writes the design to @file; the save's @task (transfer full) ends when
 * it is written, or when the user answers a question about it. */
static void
start_save (HlWindow            *self,
            GTask               *task,   /* transfer full */
            GFile               *file,
            HlDocumentSaveFlags  flags)
{
  self->saving++;
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  update_state (self);
  hl_document_save_full_async (self->document, file, flags, g_task_get_cancellable (task),
                               on_document_saved, task);
}

static void
on_save_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);
  g_autoptr(GTask) task = g_steal_pointer (&self->asking);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);

  if (task == NULL)
    return;
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the design was not saved");
      update_state (self);
      return;
    }
  /* The chooser asked already before replacing a file. */
  start_save (self, g_steal_pointer (&task), file, HL_DOCUMENT_SAVE_FORCE);
}

/* A save still waiting for an answer ends as cancelled. */
static void
cancel_asking (HlWindow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->asking);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the design was not saved");
}

/* Asks where to save, for the save waiting in self->asking: beside
 * @suggested (may be NULL: as design.json beside the photo). */
static void
ask_where (HlWindow *self,
           GFile    *suggested)
{
  HlDesign *design = hl_document_get_design (self->document);
  GtkFileChooser *chooser;

  chooser = show_chooser (self, _("Save the Design"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                          G_CALLBACK (on_save_chooser_response));
  if (suggested != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (suggested);
      g_autofree char *name = g_file_get_basename (suggested);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      const HlView *view = hl_design_get_view (design, 0);

      gtk_file_chooser_set_current_name (chooser, "design.hairline");
      if (view->photo.path != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (view->photo.path);
          g_autoptr(GFile) folder = g_file_new_for_path (dir);

          gtk_file_chooser_set_current_folder (chooser, folder, NULL);
        }
    }
  gtk_native_dialog_show (self->chooser);
  update_state (self);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       HlWindow         *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->asking);
  GFile *file;

  if (task == NULL)
    return;
  file = g_task_get_task_data (task);
  if (g_str_equal (response, "overwrite"))
    start_save (self, g_steal_pointer (&task), file, HL_DOCUMENT_SAVE_FORCE);
  else if (g_str_equal (response, "save-as") && !self->disposed)
    {
      self->asking = g_steal_pointer (&task);
      ask_where (self, file);
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the design was not saved");
      if (!self->disposed)
        update_state (self);
    }
}

/* The design's file changed on disk since it was opened or saved here:
 * replace it, save elsewhere, or leave it. The save's @task (transfer
 * full) waits for the answer. */
static void
ask_overwrite (HlWindow *self,
               GTask    *task)
{
  GFile *file = g_task_get_task_data (task);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  cancel_asking (self);
  self->asking = task;

  /* Translators: %s is the design's file name. */
  body = g_strdup_printf (_("“%s” was changed by another program or window since it was opened or "
                            "last saved here. Overwriting it loses those changes."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_overwrite_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hl_window_save_async (HlWindow            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HlDesign *design;
  GFile *file;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_window_save_async);

  design = hl_document_get_design (self->document);
  if (design == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  file = hl_document_get_file (self->document);
  if (file != NULL)
    {
      start_save (self, g_steal_pointer (&task), file, HL_DOCUMENT_SAVE_DEFAULT);
      return;
    }

  /* A design started from a photo: ask where, next to the photo. */
  cancel_asking (self);
  self->asking = g_steal_pointer (&task);
  ask_where (self, NULL);
}

gboolean
hl_window_save_finish (HlWindow      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_saved_by_action (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  /* Errors are on screen already. */
  hl_window_save_finish (HL_WINDOW (object), result, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hl_window_save_async (HL_WINDOW (widget), NULL, on_saved_by_action, NULL);
}

/* win.undo and win.redo: one step through the history. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  if (self->loading)
    return;
  if (g_str_equal (action_name, "win.undo"))
    hl_document_undo (self->document);
  else
    hl_document_redo (self->document);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  hl_canvas_zoom (self->canvas, g_variant_get_double (parameter));
}

void
_hl_window_open_or_present (HlWindow *self,
                            GFile    *file)
{
  HlApplication *app = HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  HlWindow *target = self;

  g_assert (HL_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* A design open already (by this name or another: same device and
   * inode), in this window or another, is never opened twice: its window
   * comes forward, as for a launch (hl-application.c). */
  if (app != NULL)
    {
      HlWindow *shown = hl_application_find_window (app, file);

      if (shown != NULL)
        {
          gtk_window_present (GTK_WINDOW (shown));
          return;
        }
    }
  /* Never drop unsaved work: open elsewhere if this one has some. */
  if (hl_document_is_modified (self->document) || self->saving > 0)
    target = hl_window_new (app);
  hl_window_open (target, file);
  gtk_window_present (GTK_WINDOW (target));
}

static void
on_open_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        _hl_window_open_or_present (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooser *chooser;
  GtkFileFilter *filter;

  chooser = show_chooser (self, _("Open a Design or a Photo"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                          G_CALLBACK (on_open_chooser_response));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Designs and photos"));
  gtk_file_filter_add_mime_type (filter, "application/x-hairline-design");
  gtk_file_filter_add_pattern (filter, "*.hairline");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);

  gtk_native_dialog_show (self->chooser);
}

/* Closing */

static gboolean
close_idle (gpointer data)
{
  HlWindow *self = data;

  if (!self->disposed)
    gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the window once the current signal emission is over: a dialog
 * answering "response" still holds itself and its transient parent, and
 * destroying that parent underneath it makes GTK disconnect from a
 * finalized window. */
static void
close_later (HlWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle, g_object_ref (self), g_object_unref);
}

static void
on_close_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HlWindow *self = HL_WINDOW (object);

  /* Not saved (cancelled, or an error now on screen): stay open. */
  if (!hl_window_save_finish (self, result, NULL) || self->disposed)
    return;
  /* Edited while the file was written: ask again. */
  if (hl_document_is_modified (self->document))
    gtk_window_close (GTK_WINDOW (self));
  else
    close_later (self);
}

static void
on_close_answer (gpointer            owner,
                 HlConfirmSaveAnswer answer)
{
  HlWindow *self = owner;

  if (answer == HL_CONFIRM_SAVE_SAVE)
    hl_window_save_async (self, NULL, on_close_saved, NULL);
  else if (answer == HL_CONFIRM_SAVE_DISCARD)
    close_later (self);
}

static gboolean
hl_window_close_request (GtkWindow *window)
{
  HlWindow *self = HL_WINDOW (window);

  if (self->close_confirmed || !hl_document_is_modified (self->document))
    return GTK_WINDOW_CLASS (hl_window_parent_class)->close_request (window);

  hl_confirm_save (window, NULL, _("The design has changes that are not saved."), NULL,
                   self, on_close_answer);
  return TRUE;
}

/* GObject */

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  self->disposed = TRUE;
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  cancel_asking (self);
  _hl_window_io_dispose (self);
  if (self->length_popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->length_popover, self);
      gtk_widget_unparent (self->length_popover);
      g_clear_object (&self->length_popover);
    }
  if (self->zone_panel != NULL)
    hl_zone_panel_set_document (self->zone_panel, NULL);
  if (self->canvas != NULL)
    hl_canvas_set_document (self->canvas, NULL);
  _hl_window_views_dispose (self);
  _hl_window_engine_dispose (self);
  g_clear_handle_id (&self->opening_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_finalize (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->load_cancellable);
  g_free (self->opening);
  g_free (self->problem);
  g_clear_pointer (&self->recovering, hl_recovery_entry_free);
  _hl_window_tools_finalize (self);
  _hl_window_views_finalize (self);
  g_clear_pointer (&self->actions_enabled, g_hash_table_unref);

  G_OBJECT_CLASS (hl_window_parent_class)->finalize (object);
}

static void
hl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (!_hl_window_tools_get_property (HL_WINDOW (object), prop_id, value) &&
      !_hl_window_views_get_property (HL_WINDOW (object), prop_id, value) &&
      !_hl_window_preview_get_property (HL_WINDOW (object), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  if (!_hl_window_tools_set_property (HL_WINDOW (object), prop_id, value) &&
      !_hl_window_views_set_property (HL_WINDOW (object), prop_id, value) &&
      !_hl_window_preview_set_property (HL_WINDOW (object), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->finalize = hl_window_finalize;
  object_class->get_property = hl_window_get_property;
  object_class->set_property = hl_window_set_property;
  window_class->close_request = hl_window_close_request;

  _hl_window_tools_class_init (widget_class, properties);
  _hl_window_views_class_init (widget_class, properties);
  _hl_window_preview_class_init (widget_class, properties);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  _hl_window_tools_install_actions (widget_class);
  _hl_window_engine_install_actions (widget_class);
  _hl_window_preview_install_actions (widget_class);
  _hl_window_io_class_init (widget_class);

  g_type_ensure (HL_TYPE_CANVAS);
  g_type_ensure (HL_TYPE_ZONE_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, notice);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, notice_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, zone_panel);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, hint_card);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, hint_steps);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, scale_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, tool_hint);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, dots_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, compute_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, compute_bar);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, options_stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, landmark_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, zone_kind_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, tool_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, opening_box);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, opening_label);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, problem_page);
  _hl_window_preview_bind_template (widget_class);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, recent_section);

  _hl_window_views_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.zoom", "d", zoom_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom", "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom", "d", 1.25);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom", "d", 0.8);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom", "d", 0.0);
}

static void
hl_window_init (HlWindow *self)
{
  self->actions_enabled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _hl_window_tools_init_state (self);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = hl_document_new ();
  hl_canvas_set_document (self->canvas, self->document);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::can-undo", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::can-redo", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::autosave-problem", G_CALLBACK (update_notice), self,
                           G_CONNECT_SWAPPED);
  /* The client's name may come with any edit. */
  g_signal_connect_object (self->document, "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  _hl_window_tools_init (self);
  _hl_window_views_init (self);
  _hl_window_engine_init (self);
  _hl_window_preview_init (self);
  _hl_window_io_init (self);
  {
    g_autofree char *recovery_dir = hl_recovery_default_dir ();

    hl_document_set_autosave (self->document, recovery_dir, HL_AUTOSAVE_DELAY_MS);
  }
  update_state (self);
}

HlWindow *
hl_window_new (HlApplication *app)
{
  return g_object_new (HL_TYPE_WINDOW, "application", app, NULL);
}

HlDocument *
hl_window_get_document (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->document;
}

HlDesign *
hl_window_get_design (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return hl_document_get_design (self->document);
}

HlPhoto *
hl_window_get_photo (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return hl_document_get_photo (self->document);
}

GtkWidget *
hl_window_get_canvas (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->canvas);
}

GtkWidget *
hl_window_get_zone_panel (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->zone_panel);
}

const char *
hl_window_get_problem (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->problem;
}

const char *
hl_window_get_notice (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->notice) ? gtk_label_get_text (self->notice_label) : NULL;
}

gboolean
hl_window_is_modified (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return hl_document_is_modified (self->document);
}

const char *
hl_window_get_name (HlWindow *self)
{
  const char *title;

  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);

  title = hl_document_get_title (self->document);
  return title != NULL ? title : _("Untitled design");
}
