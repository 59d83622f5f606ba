/* hl-window-io.c: files in and out of a window beyond open and save: the
 * export dialogs, photos and designs dropped or pasted onto the window,
 * relinking a photo that moved or changed, recently used designs, the
 * sweep of temporary files that killed saves or exports left beside a
 * design opened, Save As, Save a Copy, the next session's file and Close
 * Window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "hl-atomic-file.h"
#include "hl-error.h"
#include "hl-weak-task.h"
#include "hl-confirm-save.h"
#include "hl-export-dialog.h"
#include "hl-progress-window.h"
#include "hl-record-dialog.h"
#include "hl-window-io.h"
#include "hl-window-private.h"

#define RECENT_ITEMS 8

static void
toast (HlWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* Exports */

/* What the export dialog has to say once it is gone. */
static void
on_export_toast (HlExportDialog *dialog,
                 AdwToast       *toast,
                 HlWindow       *self)
{
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (toast));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlExportDialog *dialog;
  HlPreview preview;

  if (self->loading || hl_document_get_design (self->document) == NULL)
    return;

  hl_canvas_get_preview (self->canvas, &preview);
  dialog = hl_export_dialog_new (GTK_WINDOW (self), self->document, &preview,
                                 g_str_equal (action_name, "win.export-report") ? HL_EXPORT_SHEET
                                                                                : HL_EXPORT_MOCKUP);
  g_signal_connect_object (dialog, "toast", G_CALLBACK (on_export_toast), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening over unsaved work */

static void
on_pasted_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;   /* the ref taken when loading began */
  g_autoptr(GError) error = NULL;

  if (!hl_document_load_finish (HL_DOCUMENT (object), result, &error))
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  if (self->disposed)
    return;

  g_clear_pointer (&self->problem, g_free);
  gtk_stack_set_visible_child_name (self->stack, "photo");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  _hl_window_io_update (self);
}

/* Does what waited for the question: open the file or the pasted image. */
static void
open_pending (HlWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);
  g_autoptr(GBytes) png = g_steal_pointer (&self->pending_png);

  if (file != NULL)
    hl_window_open (self, file);
  else if (png != NULL)
    {
      if (self->load_cancellable != NULL)
        g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
      self->load_cancellable = g_cancellable_new ();
      _hl_window_note_screen_fit (self);
      hl_document_load_pasted_async (self->document, png, _("Pasted photo"), self->load_cancellable,
                                     on_pasted_loaded, g_object_ref (self));
    }
}

static void
on_saved_then_open (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HlWindow *self = HL_WINDOW (object);

  /* Not saved (cancelled, or an error now on screen): nothing is opened. */
  if (!hl_window_save_finish (self, result, NULL) || self->disposed ||
      hl_document_is_modified (self->document))
    {
      g_clear_object (&self->pending_file);
      g_clear_pointer (&self->pending_png, g_bytes_unref);
      return;
    }
  open_pending (self);
}

static void
on_replace_answer (gpointer            owner,
                   HlConfirmSaveAnswer answer)
{
  HlWindow *self = owner;

  if (answer == HL_CONFIRM_SAVE_SAVE)
    hl_window_save_async (self, NULL, on_saved_then_open, NULL);
  else if (answer == HL_CONFIRM_SAVE_DISCARD)
    open_pending (self);
  else
    {
      g_clear_object (&self->pending_file);
      g_clear_pointer (&self->pending_png, g_bytes_unref);
    }
}

/* Opens what is pending now, or once unsaved changes are saved or
 * discarded as the user answers. */
static void
ask_then_open (HlWindow *self)
{
  if (!hl_document_is_modified (self->document) && self->saving == 0)
    {
      open_pending (self);
      return;
    }

  hl_confirm_save (GTK_WINDOW (self), NULL,
                   _("The design has changes that are not saved. "
                     "Save them before opening the new one?"),
                   NULL, self, on_replace_answer);
}

void
hl_window_open_replacing (HlWindow *self,
                          GFile    *file)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_clear_pointer (&self->pending_png, g_bytes_unref);
  g_set_object (&self->pending_file, file);
  ask_then_open (self);
}

void
hl_window_paste_texture (HlWindow   *self,
                         GdkTexture *texture)
{
  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->pending_png, g_bytes_unref);
  /* PNG: lossless, and what the design will refer to once saved. */
  self->pending_png = gdk_texture_save_to_png_bytes (texture);
  ask_then_open (self);
}

/* Drop */

/* A file dropped: a design open already (by this name or another: same
 * device and inode, hl_application_find_window()), in this window or
 * another, is not opened twice: its window comes forward. Anything else
 * replaces this window's design, asking first over unsaved work. */
static void
drop_file (HlWindow *self,
           GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HlWindow *shown = HL_IS_APPLICATION (app) ? hl_application_find_window (HL_APPLICATION (app), file) : NULL;

  if (shown == NULL)
    {
      hl_window_open_replacing (self, file);
      return;
    }
  gtk_window_present (GTK_WINDOW (shown));
  if (shown == self)
    toast (self, _("This design is open in this window already"));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HlWindow      *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      gboolean any = files != NULL;

      /* One design per window: the first file. */
      if (any)
        drop_file (self, files->data);
      g_slist_free (files);
      return any;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      drop_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      hl_window_paste_texture (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

/* Paste */

static void
on_clipboard_texture (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(HlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);

  if (self->disposed)
    return;
  if (texture == NULL)
    {
      toast (self, _("The clipboard holds no image to paste"));
      return;
    }
  hl_window_paste_texture (self, texture);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_texture_async (clipboard, NULL, on_clipboard_texture, g_object_ref (self));
}

/* Relink */

typedef struct
{
  char    *path;
  HlPhoto *photo;
} Relink;

static void
relink_free (Relink *relink)
{
  g_free (relink->path);
  g_clear_pointer (&relink->photo, hl_photo_unref);
  g_free (relink);
}

static void
relink_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Relink *relink = task_data;
  GError *error = NULL;

  relink->photo = hl_photo_load (relink->path, &error);
  if (relink->photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_relink_loaded (gpointer  owner,
                  GTask    *result)
{
  HlWindow *self = HL_WINDOW (owner);
  Relink *relink = g_task_get_task_data (result);
  g_autoptr(GError) error = NULL;
  HlDesign *design;
  const HlView *view;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  g_clear_object (&self->relink_cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      if (!self->disposed)
        _hl_window_io_update (self);
      return;
    }
  if (self->disposed || (design = hl_document_get_design (self->document)) == NULL)
    return;

  view = hl_design_get_view (design, hl_document_get_view_index (self->document));
  name = g_filename_display_basename (relink->path);
  /* The design is drawn in the old photo's pixels: a new size moves it. */
  if (view->photo.width > 0 && view->photo.height > 0 &&
      (view->photo.width != hl_photo_get_width (relink->photo) ||
       view->photo.height != hl_photo_get_height (relink->photo)))
    /* Translators: %s is a file name; then the new photo's width and
     * height, then those of the photo the design was drawn on. */
    message = g_strdup_printf (_("Photo relinked to %s, which is %d × %d px; the design was drawn on "
                                 "%d × %d px: check that it still fits"),
                               name, hl_photo_get_width (relink->photo), hl_photo_get_height (relink->photo),
                               view->photo.width, view->photo.height);
  else
    /* Translators: %s is a file name. */
    message = g_strdup_printf (_("Photo relinked to %s"), name);

  hl_document_relink_photo (self->document, relink->photo, relink->path);
  g_clear_pointer (&self->problem, g_free);
  /* The problem is solved: its notice becomes the answer. Dismissing it
   * and adding another toast while its animation runs crashes
   * libadwaita 1.2's overlay (an animation skipped on unmap frees its toast
   * twice), so the notice is changed in place. */
  if (self->photo_toast != NULL)
    {
      adw_toast_set_title (self->photo_toast, message);
      adw_toast_set_button_label (self->photo_toast, NULL);
      adw_toast_set_action_name (self->photo_toast, NULL);
      g_clear_weak_pointer (&self->photo_toast);
    }
  else
    toast (self, message);
  _hl_window_io_update (self);
}

void
hl_window_relink_photo (HlWindow *self,
                        GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  Relink *relink;
  char *path;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (hl_document_get_design (self->document) == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Only a photo on this computer can be linked"));
      return;
    }

  if (self->relink_cancellable != NULL)
    g_cancellable_cancel (self->relink_cancellable);
  g_clear_object (&self->relink_cancellable);
  self->relink_cancellable = g_cancellable_new ();

  relink = g_new0 (Relink, 1);
  relink->path = path;
  task = hl_weak_task_new (self, self->relink_cancellable, on_relink_loaded);
  g_task_set_task_data (task, relink, (GDestroyNotify) relink_free);
  g_task_run_in_thread (task, relink_thread);
  _hl_window_io_update (self);
}

gboolean
hl_window_is_relinking (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->relink_cancellable != NULL;
}

static void
on_relink_chooser_response (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file != NULL)
    hl_window_relink_photo (self, file);
}

static void
relink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  HlDesign *design = hl_document_get_design (self->document);
  const HlView *view;

  if (design == NULL || self->loading)
    return;
  view = hl_design_get_view (design, hl_document_get_view_index (self->document));

  chooser = gtk_file_chooser_native_new (_("Relink the Photo"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Relink"), _("_Cancel"));
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_relink_chooser_response), self, 0);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Photos"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Where the photo was, if that folder is still there. */
  if (view->photo.path != NULL && g_path_is_absolute (view->photo.path))
    {
      g_autofree char *dir = g_path_get_dirname (view->photo.path);

      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (dir);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }
  gtk_native_dialog_show (self->chooser);
}

/* Recent files */

static int
by_newest (gconstpointer a,
           gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  if (ta == NULL || tb == NULL)
    return (ta == NULL) - (tb == NULL);
  return g_date_time_compare (tb, ta);
}

static void
fill_recent (HlWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  const char *app_name = g_get_application_name ();
  GList *items;
  guint n = 0;

  /* Without a name (a program that never set one) no item is ours. */
  if (self->recent_section == NULL || app_name == NULL)
    return;
  items = gtk_recent_manager_get_items (manager);
  g_menu_remove_all (self->recent_section);

  /* Most recent first. */
  items = g_list_sort (items, by_newest);
  for (GList *l = items; l != NULL && n < RECENT_ITEMS; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      g_autofree char *lower = g_ascii_strdown (uri, -1);

      /* Designs this program opened or saved, still there: not the
       * mockups it exported (PNG files the file chooser records too) nor
       * photos, which come back as designs once saved. */
      if (!gtk_recent_info_has_application (info, app_name) ||
          !(g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".hairline")) ||
          !gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_section, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
add_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  /* Recent files are kept per program name: without one, none. */
  if (g_get_application_name () != NULL)
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
sweep_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  hl_atomic_file_sweep_stale (task_data);
}

/* Removes, off the main thread (the folder may be large or remote), the
 * temporary files that killed saves or exports left beside @path. */
static void
sweep_folder_of (const char *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_path_get_dirname (path), g_free);
  g_task_run_in_thread (task, sweep_thread);
}

/* A design opened or saved. */
static void
on_file_changed (HlWindow *self)
{
  GFile *file = hl_document_get_file (self->document);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    {
      add_recent (path);
      sweep_folder_of (path);
    }
}

/* A photo opened as a new design. */
static void
on_loaded (HlWindow *self)
{
  HlDesign *design = hl_document_get_design (self->document);
  const HlView *view;

  if (design == NULL || hl_document_get_file (self->document) != NULL)
    return;
  view = hl_design_get_view (design, 0);
  if (view->photo.path != NULL && g_path_is_absolute (view->photo.path))
    add_recent (view->photo.path);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  /* As Open does: a design open already comes forward, unsaved work
   * stays in its window. */
  _hl_window_open_or_present (self, file);
}

/* Save As, Save a Copy, Next Session */

#define CHOOSER_KEY "hl-window-io-save-chooser"

static void
on_saved_to (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HlWindow *self = g_task_get_source_object (task);
  HlWindowSaveMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "hl-mode"));
  GFile *file = g_task_get_task_data (task);
  GError *error = NULL;

  if (!hl_document_save_finish (HL_DOCUMENT (object), result, &error))
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s is why, e.g. "photo.jpg: cannot be read". */
          g_autofree char *message = g_strdup_printf (_("The design was not saved: %s"), error->message);

          toast (self, message);
        }
      g_task_return_error (task, error);
      return;
    }

  if (self->disposed)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (mode != HL_WINDOW_SAVE_AS)
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is the file name of the copy. */
      g_autofree char *message = g_strdup_printf (mode == HL_WINDOW_SAVE_COPY ? _("Saved a copy as “%s”")
                                                  : _("Next session’s design saved as “%s”, with its photos"),
                                                  name);

      toast (self, message);
    }
  /* The next session goes on in the new file: this one's changes are
   * asked about first, as for any file opened over them. */
  if (mode == HL_WINDOW_SAVE_NEXT_SESSION)
    hl_window_open_replacing (self, file);
  g_task_return_boolean (task, TRUE);
}

void
hl_window_save_to_async (HlWindow            *self,
                         GFile               *file,
                         HlWindowSaveMode     mode,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  HlDocumentSaveFlags flags = HL_DOCUMENT_SAVE_FORCE;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "hl-mode", GINT_TO_POINTER (mode));
  if (hl_document_get_design (self->document) == NULL)
    {
      g_task_return_new_error (task, HL_ERROR, HL_ERROR_ARGUMENT, _("there is no design to save"));
      g_object_unref (task);
      return;
    }
  if (mode != HL_WINDOW_SAVE_AS)
    flags |= HL_DOCUMENT_SAVE_COPY;
  if (mode == HL_WINDOW_SAVE_NEXT_SESSION)
    flags |= HL_DOCUMENT_SAVE_WITH_PHOTOS;
  /* The chooser asked already before replacing a file. */
  hl_document_save_full_async (self->document, file, flags, NULL, on_saved_to, task);
}

gboolean
hl_window_save_to_finish (HlWindow      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_save_to_chooser_response (GtkNativeDialog *dialog,
                             int              response,
                             HlWindow        *self)
{
  HlWindowSaveMode mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "hl-mode"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    hl_window_save_to_async (self, file, mode, NULL, NULL);
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);
}

/* The name a new file starts with: the design's name for Save As,
 * "NAME copy" for a copy, "NAME-session-N" for the next session (N one
 * after the last session recorded). */
static char *
suggest_name (HlWindow         *self,
              HlWindowSaveMode  mode)
{
  GFile *file = hl_document_get_file (self->document);
  HlDesign *design = hl_document_get_design (self->document);
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : g_strdup ("design.json");
  g_autofree char *stem = g_str_has_suffix (base, ".json") ? g_strndup (base, strlen (base) - 5)
                                                           : g_strdup (base);
  guint next = 2;
  char *at;

  if (mode == HL_WINDOW_SAVE_AS)
    return g_steal_pointer (&base);
  if (mode == HL_WINDOW_SAVE_COPY)
    /* Translators: the name suggested for a copy of design NAME. */
    return g_strdup_printf (_("%s copy.json"), stem);

  if (design != NULL && design->records->len > 0)
    next = ((HlSessionRecord *) g_ptr_array_index (design->records, design->records->len - 1))->session + 1;
  /* "client-session-1" becomes "client-session-2", not "…-1-session-2". */
  if ((at = g_strrstr (stem, "-session-")) != NULL)
    *at = '\0';
  return g_strdup_printf ("%s-session-%u.json", stem, next);
}

static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlWindowSaveMode mode = g_str_equal (action_name, "win.save-as") ? HL_WINDOW_SAVE_AS
                        : g_str_equal (action_name, "win.save-copy") ? HL_WINDOW_SAVE_COPY
                        : HL_WINDOW_SAVE_NEXT_SESSION;
  const char *titles[] = { N_("Save the Design As"), N_("Save a Copy of the Design"),
                           N_("Save the Next Session’s Design") };
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  GFile *file;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->loading || hl_document_get_design (self->document) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_(titles[mode]), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Designs"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  file = hl_document_get_file (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  name = suggest_name (self, mode);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "hl-mode", GINT_TO_POINTER (mode));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_to_chooser_response), self, 0);
  /* The window holds the chooser until it answers (or the window goes). */
  g_object_set_data_full (G_OBJECT (self), CHOOSER_KEY, chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.record: the client's details and the sessions as done. */
static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlRecordDialog *dialog;

  if (self->loading || hl_document_get_design (self->document) == NULL)
    return;
  dialog = hl_record_dialog_new (GTK_WINDOW (self), self->document);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The shown view's progress photos under the plan. */
static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlProgressWindow *window;

  if (self->loading || hl_document_get_design (self->document) == NULL)
    return;
  window = hl_progress_window_new (GTK_WINDOW (self), self->document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  /* Through close-request: unsaved changes are asked about. */
  gtk_window_close (GTK_WINDOW (widget));
}

/* Window hooks */

void
_hl_window_io_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.relink-photo", NULL, relink_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_to_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_to_action);
  gtk_widget_class_install_action (widget_class, "win.next-session", NULL, save_to_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "win.progress", NULL, progress_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.relink-photo", NULL);
}

void
_hl_window_io_init (HlWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (on_file_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "loaded", G_CALLBACK (on_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (fill_recent), self,
                           G_CONNECT_SWAPPED);
  fill_recent (self);
}

void
_hl_window_io_update (HlWindow *self)
{
  HlDesign *design = self->loading ? NULL : hl_document_get_design (self->document);
  gboolean has_design = design != NULL;

  _hl_window_set_action_enabled (self, "win.export", has_design);
  _hl_window_set_action_enabled (self, "win.export-report", has_design);
  _hl_window_set_action_enabled (self, "win.save-as", has_design);
  _hl_window_set_action_enabled (self, "win.save-copy", has_design);
  _hl_window_set_action_enabled (self, "win.next-session", has_design);
  _hl_window_set_action_enabled (self, "win.record", has_design);
  _hl_window_set_action_enabled (self, "win.progress", has_design);
  /* Relink when the photo is missing or not the one the design was made on. */
  _hl_window_set_action_enabled (self, "win.relink-photo",
                                 has_design && self->relink_cancellable == NULL &&
                                 hl_document_get_photo_problem (self->document) != NULL);
}

void
_hl_window_io_warn_photo (HlWindow   *self,
                          const char *message)
{
  /* What to do about it, in words: inside a sandbox (Flatpak) the design
   * reaches only the files the document portal granted, so a photo beside
   * the design may be out of reach until the user picks it; the file
   * chooser goes through the portal and grants it. */
  /* Translators: %s says why the photo cannot be shown; “Locate Photo…”
   * is the toast's button. */
  g_autofree char *title = g_strdup_printf (_("%s. Locate Photo… shows it again; the design keeps its lines "
                                              "and dots meanwhile."), message);
  /* A toast's title is Pango markup in libadwaita 1.2: a file name with
   * “&” or “<” must stay text. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *item = adw_toast_new (escaped);

  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_toast_set_button_label (item, _("_Locate Photo…"));
  adw_toast_set_action_name (item, "win.relink-photo");
  adw_toast_set_timeout (item, 10);
  g_set_weak_pointer (&self->photo_toast, item);
  adw_toast_overlay_add_toast (self->toasts, item);
}

void
_hl_window_io_dispose (HlWindow *self)
{
  if (self->relink_cancellable != NULL)
    g_cancellable_cancel (self->relink_cancellable);
  g_clear_object (&self->relink_cancellable);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->pending_png, g_bytes_unref);
  g_clear_weak_pointer (&self->photo_toast);
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);
}
