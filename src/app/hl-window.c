/* hl-window.c: one design (or photo) in a window: canvas, undo, save.
 *
 * The window only wires things: loading, validation, geometry and every
 * measure live in the core library; the canvas draws and forwards input to
 * the core's tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include "hl-canvas.h"
#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-history.h"
#include "hl-photo.h"
#include "hl-window.h"

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle  *title;
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  HlCanvas        *canvas;
  AdwStatusPage   *problem_page;

  /* Owned references */
  GFile           *file;        /* the design file, NULL until saved somewhere */
  char            *name;        /* shown in the title */
  HlHistory       *history;     /* NULL when nothing is open */
  HlPhoto         *photo;
  char            *problem;
  GtkNativeDialog *chooser;
  gboolean         close_confirmed;
  gboolean         close_after_save;   /* closing waits for a Save As */
};

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_state (HlWindow *self)
{
  gboolean modified = self->history != NULL && hl_history_is_modified (self->history);
  g_autofree char *title = NULL;

  title = g_strdup_printf ("%s%s", modified ? "• " : "", self->name != NULL ? self->name : "Hairline Studio");
  adw_window_title_set_title (self->title, title);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && hl_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && hl_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 self->history != NULL && (self->file == NULL || modified));
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
                                                               accept, "_Cancel");

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", on_response, self, 0);
  return GTK_FILE_CHOOSER (chooser);
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

static void
close_document (HlWindow *self)
{
  hl_canvas_set_document (self->canvas, NULL, NULL, 0);
  g_clear_pointer (&self->history, hl_history_free);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->problem, g_free);
}

static void
show_document (HlWindow *self,
               HlDesign *design)
{
  self->history = hl_history_new (design, HL_HISTORY_DEFAULT_LIMIT);
  hl_canvas_set_document (self->canvas, self->history, self->photo, 0);
  gtk_stack_set_visible_child_name (self->stack, "photo");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

void
hl_window_open (HlWindow *self,
                GFile    *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = NULL;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  close_document (self);
  path = g_file_get_path (file);
  self->name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->title, NULL);

  if (path == NULL)
    {
      show_problem (self, "Cannot open this file", "Only local files can be opened.");
      update_state (self);
      return;
    }

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    {
      const HlView *view;

      design = hl_design_load_from_file (path, &error);
      if (design == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", self->name, error->message);

          show_problem (self, "This design cannot be opened", message);
          update_state (self);
          return;
        }

      self->file = g_object_ref (file);
      /* In memory, photo paths are absolute: a later Save As elsewhere
       * rewrites them relative to the new file. */
      {
        HlDesign *absolute = hl_design_rebase_photos (design, path, NULL);

        hl_design_unref (design);
        design = absolute;
      }
      view = hl_design_get_view (design, 0);
      adw_window_title_set_subtitle (self->title, design->client_label);

      if (view->photo.path != NULL)
        {
          g_autofree char *photo_path = hl_photo_resolve_path (path, view->photo.path);

          self->photo = hl_photo_load (photo_path, &error);
          if (self->photo == NULL || !hl_photo_matches (self->photo, &view->photo, &error))
            {
              /* Nothing is lost: the design still shows its dots and lines
               * (on a neutral background without its photo). */
              warn (self, error->message);
              g_clear_error (&error);
            }
        }
    }
  else
    {
      g_autoptr(HlView) view = hl_view_new ("front");

      self->photo = hl_photo_load (path, &error);
      if (self->photo == NULL)
        {
          show_problem (self, "This photo cannot be opened", error->message);
          update_state (self);
          return;
        }

      /* A new design around the photo; Save asks where to put it. */
      hl_view_set_photo (view, path, hl_photo_get_sha256 (self->photo),
                         hl_photo_get_width (self->photo), hl_photo_get_height (self->photo));
      design = hl_design_new ();
      hl_design_append_view (design, view);
    }

  show_document (self, design);
  update_state (self);
}

gboolean
hl_window_save_to (HlWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(HlDesign) rebased = NULL;

  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->history == NULL)
    return TRUE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, "designs can only be saved as local files");
      return FALSE;
    }

  /* Photo paths as the file at @path should refer to them. */
  rebased = hl_design_rebase_photos (hl_history_get_current (self->history), NULL, path);
  if (!hl_design_save_to_file (rebased, path, error))
    return FALSE;

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_free (self->name);
      self->name = g_file_get_basename (file);
    }
  hl_history_mark_saved (self->history);
  update_state (self);
  return TRUE;
}

static void
on_save_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !hl_window_save_to (self, file, &error))
        warn (self, error->message);
      else if (file != NULL && self->close_after_save)
        {
          self->close_confirmed = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }

  self->close_after_save = FALSE;
  g_clear_object (&self->chooser);
}

/* Saves where the design lives, or asks where (a design started from a
 * photo). Returns FALSE on a write error; asking counts as success. */
static gboolean
save (HlWindow  *self,
      GError   **error)
{
  GtkFileChooser *chooser;

  if (self->history == NULL)
    return TRUE;
  if (self->file != NULL)
    return hl_window_save_to (self, self->file, error);

  chooser = show_chooser (self, "Save the Design", GTK_FILE_CHOOSER_ACTION_SAVE, "_Save",
                          G_CALLBACK (on_save_chooser_response));
  gtk_file_chooser_set_current_name (chooser, "design.json");
  {
    const HlView *view = hl_design_get_view (hl_history_get_current (self->history), 0);

    if (view->photo.path != NULL)
      {
        g_autofree char *dir = g_path_get_dirname (view->photo.path);
        g_autoptr(GFile) folder = g_file_new_for_path (dir);

        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
      }
  }
  gtk_native_dialog_show (self->chooser);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    warn (self, error->message);
}

/* win.undo and win.redo: one step through the history. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlDesign *moved;

  if (self->history == NULL)
    return;

  moved = g_str_equal (action_name, "win.undo") ? hl_history_undo (self->history)
                                                 : hl_history_redo (self->history);
  if (moved != NULL)
    {
      hl_canvas_refresh (self->canvas);
      update_state (self);
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  hl_canvas_zoom (self->canvas, g_variant_get_double (parameter));
}

static void
on_committed (HlCanvas *canvas,
              HlWindow *self)
{
  update_state (self);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        {
          HlWindow *target = self;

          /* Never drop unsaved work: open elsewhere if this one has some. */
          if (self->history != NULL && hl_history_is_modified (self->history))
            target = hl_window_new (HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
          hl_window_open (target, file);
          gtk_window_present (GTK_WINDOW (target));
        }
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

  chooser = show_chooser (self, "Open a Design or a Photo", GTK_FILE_CHOOSER_ACTION_OPEN, "_Open",
                          G_CALLBACK (on_chooser_response));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, "Designs and photos");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);

  gtk_native_dialog_show (self->chooser);
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   HlWindow         *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0 && self->file == NULL)
    {
      /* Ask where first; the window closes once it is saved. */
      self->close_after_save = TRUE;
      save (self, NULL);
      return;
    }
  if (g_strcmp0 (response, "save") == 0 && !save (self, &error))
    {
      warn (self, error->message);
      return;
    }
  if (g_strcmp0 (response, "save") == 0 || g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
hl_window_close_request (GtkWindow *window)
{
  HlWindow *self = HL_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->close_confirmed || self->history == NULL || !hl_history_is_modified (self->history))
    return GTK_WINDOW_CLASS (hl_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, "Save Changes?",
                                                       "The design has changes that are not saved."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", "_Cancel",
                                    "discard", "_Discard",
                                    "save", "_Save",
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  if (self->canvas != NULL)
    hl_canvas_set_document (self->canvas, NULL, NULL, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_finalize (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  g_clear_pointer (&self->history, hl_history_free);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_clear_object (&self->file);
  g_free (self->name);
  g_free (self->problem);

  G_OBJECT_CLASS (hl_window_parent_class)->finalize (object);
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->finalize = hl_window_finalize;
  window_class->close_request = hl_window_close_request;

  g_type_ensure (HL_TYPE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, problem_page);

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
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->canvas, "committed", G_CALLBACK (on_committed), self, 0);
  update_state (self);
}

HlWindow *
hl_window_new (HlApplication *app)
{
  return g_object_new (HL_TYPE_WINDOW, "application", app, NULL);
}

HlDesign *
hl_window_get_design (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->history != NULL ? hl_history_get_current (self->history) : NULL;
}

HlPhoto *
hl_window_get_photo (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->photo;
}

GtkWidget *
hl_window_get_canvas (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->canvas);
}

const char *
hl_window_get_problem (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->problem;
}

gboolean
hl_window_is_modified (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), FALSE);
  return self->history != NULL && hl_history_is_modified (self->history);
}
