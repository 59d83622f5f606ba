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
typedef enum
{
  HL_WINDOW_SAVE_AS,            /* the window edits the new file from now on */
  HL_WINDOW_SAVE_COPY,          /* the window keeps its file and its changes */
  HL_WINDOW_SAVE_NEXT_SESSION,  /* a copy with copies of the photos beside it,
                                 * then opened in the window */
} HlWindowSaveMode;

/* Writes the design to @file through the document's save
 * (hl_document_save_full_async()): as win.save-as, win.save-copy and
 * win.next-session do once their file chooser answers. Problems are shown
 * in the window; @callback (may be NULL) gets TRUE once written. */
void        hl_window_save_to_async  (HlWindow            *self,
                                      GFile               *file,
                                      HlWindowSaveMode     mode,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean    hl_window_save_to_finish (HlWindow            *self,
                                      GAsyncResult        *result,
                                      GError             **error);

/* TRUE while a relink loads its photo. */
gboolean    hl_window_is_relinking   (HlWindow   *self);

G_END_DECLS
