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
 * parent to show. It knows nothing of the window it belongs to.
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

/* Starts the export to @file, as choosing it in the file chooser does: the
 * extension is added or corrected to the kind's. Returns FALSE (the reason
 * shown in the dialog and kept in hl_export_dialog_get_error()) when the
 * export cannot start: nothing to simulate, the file is the design or its
 * photo, an existing file would be replaced under another name. */
gboolean        hl_export_dialog_export_to    (HlExportDialog *self,
                                               GFile          *file);

/* TRUE while an export runs. */
gboolean        hl_export_dialog_is_busy      (HlExportDialog *self);
/* Cancels a running export (the dialog stays open). */
void            hl_export_dialog_cancel       (HlExportDialog *self);
/* The last error shown, or NULL (borrowed). */
const char     *hl_export_dialog_get_error    (HlExportDialog *self);
/* The file of the last export that succeeded, or NULL (borrowed). */
GFile          *hl_export_dialog_get_exported (HlExportDialog *self);

/* Mockup settings, as the rows set them. */
void            hl_export_dialog_set_scale    (HlExportDialog *self,
                                               double          scale);
void            hl_export_dialog_set_layout   (HlExportDialog *self,
                                               HlLayout        layout);
/* The mockup's render options as the rows set them (the mark borrowed
 * from the dialog). A new dialog starts from the window's client preview:
 * its stage, sessions, mirror and before/after. */
void            hl_export_dialog_get_render_options (HlExportDialog  *self,
                                                     HlRenderOptions *options);
/* What the scale row says: "W × H px · fresh dots D px" (borrowed). */
const char     *hl_export_dialog_get_size_text (HlExportDialog *self);

G_END_DECLS
