/* hl-window.h: a window showing one document (a design or a photo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-application.h"
#include "hl-design.h"
#include "hl-document.h"
#include "hl-photo.h"
#include "hl-recovery.h"

G_BEGIN_DECLS

#define HL_TYPE_WINDOW (hl_window_get_type ())

G_DECLARE_FINAL_TYPE (HlWindow, hl_window, HL, WINDOW, AdwApplicationWindow)

/* A new window of @app (transfer none: the application holds it). */
HlWindow    *hl_window_new           (HlApplication       *app);
/* Starts opening a design (.json) or a photo and returns at once: the
 * window shows that it is opening until the document has loaded. Errors
 * are shown in the window. */
void         hl_window_open          (HlWindow            *self,
                                      GFile               *file);
/* Opens @design (referenced), held in memory without a file (a new design
 * on a head chart), titled @title; returns at once like hl_window_open. */
void         hl_window_open_design   (HlWindow            *self,
                                      HlDesign            *design,
                                      const char          *title);
/* Opens the unsaved work of @entry (copied), kept after a crash: the
 * window then edits @entry's original file, unsaved. */
void         hl_window_open_recovery (HlWindow            *self,
                                      const HlRecoveryEntry *entry);
/* TRUE while a file is being opened. */
gboolean     hl_window_is_loading    (HlWindow            *self);
/* The window's document (borrowed; the window owns one for its life). */
HlDocument  *hl_window_get_document  (HlWindow            *self);
/* The design shown (the history's current one), or NULL (borrowed). */
HlDesign    *hl_window_get_design    (HlWindow            *self);
/* The canvas (borrowed). */
GtkWidget   *hl_window_get_canvas    (HlWindow            *self);
/* TRUE when the design has changes that are not saved. */
gboolean     hl_window_is_modified   (HlWindow            *self);
/* How lists name the window's design: its file's name, its photo's, or
 * "Untitled design" (borrowed). */
const char  *hl_window_get_name      (HlWindow            *self);

/* Saves the design where it lives, or asks where first (a design started
 * from a photo). Fails with G_IO_ERROR_CANCELLED when the user cancels the
 * question; a write error is also shown in the window. */
void         hl_window_save_async    (HlWindow            *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     hl_window_save_finish   (HlWindow            *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
