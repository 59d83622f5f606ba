/* hl-record-dialog.h: the client's details and what was done at each
 * planned session, beside the plan ("Session 2 — planned 1,204 dots ·
 * about 15 min" over "done 2026-12-01, 95 min, 3RL, 1:3").
 *
 * Every change goes through the document's one commit path
 * (hl_document_commit()), so it is one undo step; a value that breaks the
 * format's rules (a date later than today, a dilution that is not two
 * positive numbers) is refused where it was typed, with the reason, and
 * nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-document.h"

G_BEGIN_DECLS

#define HL_TYPE_RECORD_DIALOG (hl_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlRecordDialog, hl_record_dialog, HL, RECORD_DIALOG, AdwWindow)

/* A dialog over @parent (may be NULL) editing @document's record (the
 * dialog holds a reference on @document). */
HlRecordDialog *hl_record_dialog_new          (GtkWindow      *parent,
                                               HlDocument     *document);

/* For tests: the row editing @field ("name", "date_of_birth", "age",
 * "fitzpatrick", "hair_colour", "notes", "contraindications",
 * "consent_date"; for session @session from 1: "date", "duration_min",
 * "needle", "pigment", "dilution", "machine", "zones", "notes"), session 0
 * for the client's (borrowed), or NULL. */
GtkWidget      *hl_record_dialog_get_row      (HlRecordDialog *self,
                                               guint           session,
                                               const char     *field);
/* The plan and record line of session @session (borrowed). */
const char     *hl_record_dialog_get_summary  (HlRecordDialog *self,
                                               guint           session);
/* Adds the photo @file to session @session's record: checked by the
 * photo rules and decoded on a worker thread (a spinner on the session's
 * photo row meanwhile), then aligned to the view shown in a dialog that
 * asks for the view's landmarks on it (hl-align-dialog.h), then committed.
 * As the "Add Progress Photo" chooser does once answered. A photo that
 * fails the checks is refused with the reason (hl_record_dialog_get_message);
 * a view with fewer than two landmarks keeps it unaligned. */
void            hl_record_dialog_add_photo    (HlRecordDialog *self,
                                               guint           session,
                                               GFile          *file);
/* Whether a photo given to hl_record_dialog_add_photo() is still
 * decoding; for tests, whether the last one was decoded on the main thread
 * (it must not be). */
gboolean        hl_record_dialog_is_loading_photo (HlRecordDialog *self);
gboolean        hl_record_dialog_photo_decoded_on_main (HlRecordDialog *self);
/* The alignment dialog the last photo added opened (borrowed), or NULL. */
GtkWidget      *hl_record_dialog_get_align_dialog (HlRecordDialog *self);

/* The last refusal shown, "" when none (borrowed). */
const char     *hl_record_dialog_get_message  (HlRecordDialog *self);

G_END_DECLS
