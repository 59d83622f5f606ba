/* hl-window-io.h: files in and out of a window, beyond open and save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-window.h"

G_BEGIN_DECLS

/* Opens @file (a design, or a photo for a new design) in @self as a drop
 * does: unsaved changes are first saved or discarded as the user answers
 * "Save Changes?", or kept by cancelling. */
void        hl_window_open_replacing (HlWindow   *self,
                                      GFile      *file);
/* A new design around @texture (a pasted or dropped image), kept in memory
 * as PNG until the design is first saved; unsaved changes are asked about
 * as for hl_window_open_replacing(). */
void        hl_window_paste_texture  (HlWindow   *self,
                                      GdkTexture *texture);
/* Relinks the photo of the view shown to @file, loaded on a worker: path,
 * SHA-256 and size recorded anew as one undo step. Problems are shown in
 * the window. */
void        hl_window_relink_photo   (HlWindow   *self,
                                      GFile      *file);
/* TRUE while a relink loads its photo. */
gboolean    hl_window_is_relinking   (HlWindow   *self);

G_END_DECLS
