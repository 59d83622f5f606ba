/* hl-confirm-save.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-confirm-save"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-confirm-save.h"

typedef struct
{
  HlConfirmSaveFunc callback;
  gpointer          owner;
} Question;

static void
question_free (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Question         *question)
{
  HlConfirmSaveAnswer answer = HL_CONFIRM_SAVE_CANCEL;

  if (g_strcmp0 (response, "save") == 0)
    answer = HL_CONFIRM_SAVE_SAVE;
  else if (g_strcmp0 (response, "discard") == 0)
    answer = HL_CONFIRM_SAVE_DISCARD;
  question->callback (question->owner, answer);
}

GtkWindow *
hl_confirm_save (GtkWindow         *parent,
                 const char        *heading,
                 const char        *body,
                 const char        *save_label,
                 gpointer           owner,
                 HlConfirmSaveFunc  callback)
{
  AdwMessageDialog *dialog;
  Question *question;
  GClosure *closure;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading != NULL ? heading : _("Save Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", save_label != NULL ? save_label : _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* As g_signal_connect_object() would: no answer once @owner is gone. */
  question = g_new0 (Question, 1);
  question->callback = callback;
  question->owner = owner;
  closure = g_cclosure_new (G_CALLBACK (on_response), question, question_free);
  g_object_watch_closure (G_OBJECT (owner), closure);
  g_signal_connect_closure (dialog, "response", closure, FALSE);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
