/* hl-export-dialog-private.h: what tests reach of the export dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-export-dialog.h"

G_BEGIN_DECLS

/* Starts the export to @file, as choosing it in the file chooser does: the
 * extension is added or corrected to the kind's. Returns FALSE (the reason
 * shown in the dialog and kept in hl_export_dialog_get_error()) when the
 * export cannot start: nothing to simulate, the file is the design or its
 * photo, an existing file would be replaced under another name. */
gboolean        hl_export_dialog_export_to    (HlExportDialog *self,
                                               GFile          *file);

/* TRUE while an export runs. */
gboolean        hl_export_dialog_is_busy      (HlExportDialog *self);
/* The last error shown, or NULL (borrowed). */
const char     *hl_export_dialog_get_error    (HlExportDialog *self);
/* The file of the last export that succeeded, or NULL (borrowed). */
GFile          *hl_export_dialog_get_exported (HlExportDialog *self);

/* Mockup settings, as the rows set them. */
void            hl_export_dialog_set_scale    (HlExportDialog *self,
                                               double          scale);
void            hl_export_dialog_set_layout   (HlExportDialog *self,
                                               HlLayout        layout);
/* Whether the mockup is cropped to the head (the "Crop to the Head"
 * switch). */
gboolean        hl_export_dialog_get_crop_to_head (HlExportDialog *self);
void            hl_export_dialog_set_crop_to_head (HlExportDialog *self,
                                                   gboolean        crop);
/* The mockup's render options as the rows set them (the mark borrowed
 * from the dialog). A new dialog starts from the window's client preview:
 * its stage, sessions, mirror and before/after. */
void            hl_export_dialog_get_render_options (HlExportDialog  *self,
                                                     HlRenderOptions *options);
/* What the scale row says: "W × H px · fresh dots D px" (borrowed). */
const char     *hl_export_dialog_get_size_text (HlExportDialog *self);

G_END_DECLS
