/* hl-confirm-save.h: the question asked before unsaved changes are lost.
 *
 * "Save Changes?" over a window, with Cancel, Discard (destructive) and
 * Save (suggested, the default); closing the dialog cancels. Closing a
 * window, opening another design over an unsaved one and quitting ask it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  HL_CONFIRM_SAVE_CANCEL,
  HL_CONFIRM_SAVE_DISCARD,
  HL_CONFIRM_SAVE_SAVE,
} HlConfirmSaveAnswer;

/* Called once with the answer and the @owner given to hl_confirm_save(). */
typedef void (*HlConfirmSaveFunc) (gpointer            owner,
                                   HlConfirmSaveAnswer answer);

/* Presents the question, modal and transient for @parent: @heading (NULL:
 * "Save Changes?"), @body, and @save_label on the save button (NULL:
 * "_Save"). Calls @callback with @owner (a GObject) once it is answered,
 * unless @owner is finalized first. Returns the dialog (transfer none:
 * it lives until answered); its responses are "cancel", "discard" and
 * "save". */
GtkWindow *hl_confirm_save (GtkWindow         *parent,
                            const char        *heading,
                            const char        *body,
                            const char        *save_label,
                            gpointer           owner,
                            HlConfirmSaveFunc  callback);

G_END_DECLS
