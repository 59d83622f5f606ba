/* hl-window.h: a window showing one design or photo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-application.h"
#include "hl-design.h"
#include "hl-photo.h"

G_BEGIN_DECLS

#define HL_TYPE_WINDOW (hl_window_get_type ())

G_DECLARE_FINAL_TYPE (HlWindow, hl_window, HL, WINDOW, AdwApplicationWindow)

/* A new window of @app (transfer none: the application holds it). */
HlWindow   *hl_window_new          (HlApplication *app);
/* Opens a design (.json) or a photo. Errors are shown in the window. */
void        hl_window_open         (HlWindow      *self,
                                    GFile         *file);
/* The design shown (the history's current one), or NULL (borrowed). */
HlDesign   *hl_window_get_design   (HlWindow      *self);
/* The photo of the view shown, or NULL (borrowed). */
HlPhoto    *hl_window_get_photo    (HlWindow      *self);
/* The canvas (borrowed). */
GtkWidget  *hl_window_get_canvas   (HlWindow      *self);
/* The last problem shown (instead of the design, or as a notice above
 * it), or NULL (borrowed). */
const char *hl_window_get_problem  (HlWindow      *self);
/* Saves the design to @file (atomically), photo paths rewritten relative
 * to it; the window then edits that file. */
gboolean    hl_window_save_to      (HlWindow      *self,
                                    GFile         *file,
                                    GError       **error);
/* TRUE when the design has changes that are not saved. */
gboolean    hl_window_is_modified  (HlWindow      *self);

G_END_DECLS
