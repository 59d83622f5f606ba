/* hl-application.c: application, app-wide actions, one window per file.
 *
 * One process per session (GApplication's unique instance, D-Bus
 * activatable): a second `hairline-studio FILE` hands FILE to the running
 * process, which opens it in a new window, or brings forward the window
 * that already has it, so one design is never edited in two windows.
 *
 * Quitting never loses work: app.quit asks once about every window with
 * unsaved changes (Save All, Discard, Cancel) before any window goes. And
 * after a crash, the first window offers the unsaved work that the
 * windows of the ended process kept for recovery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-a11y.h"
#include "hl-application.h"
#include "hl-confirm-save.h"
#include "hl-i18n.h"
#include "hl-preferences-window.h"
#include "hl-settings.h"
#include "hl-window.h"

struct _HlApplication
{
  AdwApplication parent_instance;

  /* Owned references */
  GQueue         saving;     /* of HlWindow: still to save before quitting */

  /* Borrowed */
  GtkWindow     *asking;     /* the "Save changes?" dialog of a quit, while shown */
  GtkWindow     *preferences; /* the Preferences window, while open */

  gboolean       quitting;   /* a quit is asking or saving */
  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (HlApplication, hl_application, ADW_TYPE_APPLICATION)

HlApplication *
hl_application_new (void)
{
  return g_object_new (HL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/hairlinestudio/HairlineStudio",
                       NULL);
}

void
hl_application_bind_text_domain (void)
{
  hl_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      HlApplication    *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "hl-entries");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autofree char *dir = hl_recovery_default_dir ();

  for (guint i = 0; i < entries->len; i++)
    {
      const HlRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (response, "restore"))
        {
          /* The first one fills the window that asked if it is empty. */
          HlWindow *window = i == 0 && HL_IS_WINDOW (parent) &&
                             hl_window_get_design (HL_WINDOW (parent)) == NULL &&
                             !hl_window_is_loading (HL_WINDOW (parent))
                             ? HL_WINDOW (parent) : hl_window_new (self);

          hl_window_open_recovery (window, entry);
          gtk_window_present (GTK_WINDOW (window));
        }
      else if (g_str_equal (response, "discard"))
        hl_recovery_remove (dir, entry->id);
      /* "later" keeps them for the next start. */
    }
}

/* Once per run: unsaved work of an earlier run that ended without
 * closing its windows (a crash, a kill) is offered back. */
static void
offer_recovery (HlApplication *self,
                GtkWindow     *parent)
{
  g_autofree char *dir = hl_recovery_default_dir ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  entries = hl_recovery_list_orphans (dir);
  if (entries->len == 0)
    return;

  body = g_string_new (ngettext ("Hairline Studio closed before this design was saved:",
                                 "Hairline Studio closed before these designs were saved:",
                                 entries->len));
  for (guint i = 0; i < entries->len; i++)
    {
      const HlRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->written / G_USEC_PER_SEC);
      g_autofree char *time = when != NULL ? g_date_time_format (when, "%x %H:%M") : g_strdup ("");

      g_string_append_printf (body, "\n• %s (%s)", entry->title, time);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Work?"), body->str));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "later", _("_Not Now"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "hl-entries", g_ptr_array_ref (entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hl_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (hl_window_new (HL_APPLICATION (app)));
  gtk_window_present (window);
  offer_recovery (HL_APPLICATION (app), window);
}

/* The file @window shows or is opening: its design's file, or, until it
 * has one, the file it was asked to open (borrowed, may be NULL). */
static GFile *
window_file (HlWindow *window)
{
  GFile *file = hl_document_get_file (hl_window_get_document (window));

  if (file != NULL)
    return file;
  /* A file that failed to open is not open: asked again, it is tried
   * again. */
  if (!hl_window_is_loading (window) && hl_window_get_design (window) == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (window), "hl-opening-file");
}

/* The same file: the same name, or the same file reached by another name
 * (a link, a relative path): the same device and inode. */
static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a, *id_b;

  if (g_file_equal (a, b))
    return TRUE;
  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;
  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && id_b != NULL && g_str_equal (id_a, id_b);
}

HlWindow *
hl_application_find_window (HlApplication *self,
                            GFile         *file)
{
  g_return_val_if_fail (HL_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!HL_IS_WINDOW (l->data))
        continue;
      shown = window_file (l->data);
      if (shown != NULL && same_file (shown, file))
        return l->data;
    }
  return NULL;
}

static void
hl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      HlWindow *window = hl_application_find_window (HL_APPLICATION (app), files[i]);

      /* Open already (or opening): its window comes forward, and the
       * design stays in one window. */
      if (window == NULL)
        {
          window = hl_window_new (HL_APPLICATION (app));
          g_object_set_data_full (G_OBJECT (window), "hl-opening-file", g_object_ref (files[i]),
                                  g_object_unref);
          hl_window_open (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
      if (i == 0)
        offer_recovery (HL_APPLICATION (app), GTK_WINDOW (window));
    }
}

/* Windows whose design has unsaved changes, most recently used first
 * (transfer container). */
static GList *
modified_windows (HlApplication *self)
{
  GList *modified = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HL_IS_WINDOW (l->data) && hl_window_is_modified (l->data))
      modified = g_list_prepend (modified, l->data);
  return g_list_reverse (modified);
}

/* Every window goes, then the application. */
static void
quit_now (HlApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Destroying one removes it from the application's list, not ours. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (self));
}

static void
stop_quitting (HlApplication *self)
{
  self->quitting = FALSE;
  g_queue_clear_full (&self->saving, g_object_unref);
}

static void request_quit (HlApplication *self);
static void save_next (HlApplication *self);

static void
on_saved_for_quit (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HlApplication *self = HL_APPLICATION (user_data);

  /* Cancelled where to save it, or a write error (shown in its window):
   * nothing quits. */
  if (!hl_window_save_finish (HL_WINDOW (object), result, NULL))
    {
      stop_quitting (self);
      return;
    }
  save_next (self);
}

static void
save_next (HlApplication *self)
{
  HlWindow *window;

  while ((window = g_queue_pop_head (&self->saving)) != NULL)
    {
      /* Closed or saved meanwhile: nothing to do. */
      if (gtk_window_get_application (GTK_WINDOW (window)) == NULL || !hl_window_is_modified (window))
        {
          g_object_unref (window);
          continue;
        }
      hl_window_save_async (window, NULL, on_saved_for_quit, self);
      g_object_unref (window);
      return;
    }

  /* All saved; ask again only if something changed meanwhile. */
  stop_quitting (self);
  request_quit (self);
}

static gboolean
quit_idle (gpointer data)
{
  quit_now (HL_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
on_quit_answer (gpointer            owner,
                HlConfirmSaveAnswer answer)
{
  HlApplication *self = owner;

  self->asking = NULL;

  if (answer == HL_CONFIRM_SAVE_DISCARD)
    {
      /* Not inside the dialog's own "response": it still holds itself and
       * its transient parent, which must outlive it. */
      stop_quitting (self);
      g_idle_add_full (G_PRIORITY_DEFAULT, quit_idle, g_object_ref (self), g_object_unref);
    }
  else if (answer == HL_CONFIRM_SAVE_SAVE)
    {
      g_autoptr(GList) modified = modified_windows (self);

      for (GList *l = modified; l != NULL; l = l->next)
        g_queue_push_tail (&self->saving, g_object_ref (l->data));
      save_next (self);
    }
  else
    stop_quitting (self);
}

/* “a”, “b” and “c” (transfer full). */
static char *
list_names (GList *windows)
{
  GString *text = g_string_new (NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (l != windows)
        g_string_append (text, l->next == NULL ? _(" and ") : _(", "));
      g_string_append_printf (text, _("“%s”"), hl_window_get_name (l->data));
    }
  return g_string_free (text, FALSE);
}

static void
request_quit (HlApplication *self)
{
  g_autoptr(GList) modified = modified_windows (self);
  g_autofree char *names = NULL;
  g_autofree char *body = NULL;

  if (modified == NULL)
    {
      quit_now (self);
      return;
    }

  self->quitting = TRUE;
  names = list_names (modified);
  /* Translators: %s is one name or a list of names, such as “a”, “b” and “c”. */
  body = g_strdup_printf (ngettext ("%s has unsaved changes. They are lost if you quit without saving.",
                                    "%s have unsaved changes. They are lost if you quit without saving.",
                                    g_list_length (modified)),
                          names);
  self->asking = hl_confirm_save (modified->data, _("Save Changes Before Quitting?"), body,
                                  _("Save _All"), self, on_quit_answer);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HlApplication *self = HL_APPLICATION (user_data);

  /* Already asking or saving: bring the question back to the front. */
  if (self->quitting)
    {
      if (self->asking != NULL)
        gtk_window_present (self->asking);
      return;
    }
  request_quit (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("Hairline Studio developers"), NULL };
  /* Translators: your names, one a line; shown in About. */
  const char *credits = _("translator-credits");
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "modal", TRUE,
                "application-name", PACKAGE_NAME,
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "comments", _("Design scalp micropigmentation hairlines over a client's photo"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                NULL);
  /* Untranslated, the msgid itself comes back: no credits then. */
  if (!g_str_equal (credits, "translator-credits"))
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), credits);
  gtk_window_present (GTK_WINDOW (about));
}

/* Each window of the process (the application's, its dialogs, the
 * Preferences window), once shown, gets the accessible names GTK 4.8
 * misses. */
static void
on_window_map (GtkWidget *window)
{
  hl_a11y_repair_names (window);
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != NULL && !g_object_get_data (G_OBJECT (window), "hl-a11y-watched"))
        {
          g_object_set_data (G_OBJECT (window), "hl-a11y-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect (window, "map", G_CALLBACK (on_window_map), NULL);
        }
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HlApplication *self = HL_APPLICATION (user_data);

  /* One for the application: shown again if it is open. */
  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (hl_preferences_window_new (
        gtk_application_get_active_window (GTK_APPLICATION (self))));
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  gtk_window_present (self->preferences);
}

/* Windows open at the size the last one closed had. */
static void
hl_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  if (HL_IS_WINDOW (window))
    hl_settings_restore_window (window);
  GTK_APPLICATION_CLASS (hl_application_parent_class)->window_added (app, window);
}

static void
hl_application_window_removed (GtkApplication *app,
                               GtkWindow      *window)
{
  if (HL_IS_WINDOW (window))
    hl_settings_save_window (window);
  GTK_APPLICATION_CLASS (hl_application_parent_class)->window_removed (app, window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
hl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  /* Light or dark as the preferences say (by default, as the system). */
  hl_settings_follow_color_scheme ();
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (on_toplevels_changed), app, 0);
}

static void
hl_application_dispose (GObject *object)
{
  HlApplication *self = HL_APPLICATION (object);

  stop_quitting (self);

  G_OBJECT_CLASS (hl_application_parent_class)->dispose (object);
}

static void
hl_application_class_init (HlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = hl_application_dispose;
  app_class->activate = hl_application_activate;
  app_class->open = hl_application_open;
  app_class->startup = hl_application_startup;
  gtk_app_class->window_added = hl_application_window_added;
  gtk_app_class->window_removed = hl_application_window_removed;
}

static void
hl_application_init (HlApplication *self)
{
  g_queue_init (&self->saving);
}
