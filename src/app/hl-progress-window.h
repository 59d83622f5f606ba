/* hl-progress-window.h: a session's progress photo over the plan.
 *
 * A window beside the editor: one of the shown view's aligned progress
 * photos (hl-progress-view.h) under the planned dots and the hairline,
 * with its opacity and a split line the practitioner sets, so that where
 * dots are still missing shows. It reads the document when it opens and
 * when a photo is picked; it edits nothing. The picked photo decodes on a
 * worker thread while a spinner turns; a missing or broken file is said
 * in the window, naming the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-document.h"

G_BEGIN_DECLS

#define HL_TYPE_PROGRESS_WINDOW (hl_progress_window_get_type ())
G_DECLARE_FINAL_TYPE (HlProgressWindow, hl_progress_window, HL, PROGRESS_WINDOW, AdwWindow)

/* A new window over @parent for @document's shown view (transfer none:
 * the window is owned by GTK's toplevel list until closed). */
HlProgressWindow *hl_progress_window_new         (GtkWindow  *parent,
                                                  HlDocument *document);
/* How many aligned progress photos of the view it offers. */
guint             hl_progress_window_get_n_photos (HlProgressWindow *self);
/* For tests: the opacity and split (0–1) shown, and the image drawn last
 * (borrowed, NULL before the first). */
void              hl_progress_window_set_mix      (HlProgressWindow *self,
                                                   double            opacity,
                                                   double            split);
cairo_surface_t  *hl_progress_window_get_image    (HlProgressWindow *self);
/* Whether the picked photo is still decoding (on a worker, a spinner
 * shown); and for tests, whether the last one was decoded on the main
 * thread (it must not be). */
gboolean          hl_progress_window_is_loading   (HlProgressWindow *self);
gboolean          hl_progress_window_decoded_on_main (HlProgressWindow *self);
/* Why the picked photo cannot be shown (borrowed), NULL when it can. */
const char       *hl_progress_window_get_problem  (HlProgressWindow *self);

G_END_DECLS
