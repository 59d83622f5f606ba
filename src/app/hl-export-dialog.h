/* hl-export-dialog.h: the export dialog of a document.
 *
 * Exports the document's design as a PNG mockup of the view shown (layout,
 * stage, sessions, scale with the resulting pixel size and fresh dot size,
 * mirror, the simulation mark's text, photo or not; it starts as the
 * client preview it is given shows the view) or as the PDF
 * consultation sheet, through hl_export_write() on a worker thread, with
 * progress and cancel. The file is chosen with GtkFileChooserNative; its
 * extension follows the kind of export. On success the dialog closes and
 * emits "toast" with a toast whose button opens the folder, for its
 * parent to show. It knows nothing of the window it belongs to. What
 * only tests reach is in hl-export-dialog-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-canvas-preview.h"
#include "hl-document.h"
#include "hl-export.h"

G_BEGIN_DECLS

#define HL_TYPE_EXPORT_DIALOG (hl_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlExportDialog, hl_export_dialog, HL, EXPORT_DIALOG, AdwWindow)

/* A dialog exporting the design of @document as it is now (its view
 * shown, its photo), modal and transient for @parent, its mockup
 * starting as @preview (copied) shows the view. Transfer none: like every
 * toplevel, the dialog lives until it is closed or destroyed. */
HlExportDialog *hl_export_dialog_new          (GtkWindow       *parent,
                                               HlDocument      *document,
                                               const HlPreview *preview,
                                               HlExportKind     kind);

/* Cancels a running export (the dialog stays open). */
void            hl_export_dialog_cancel       (HlExportDialog *self);

G_END_DECLS
