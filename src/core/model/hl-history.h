/* hl-history.h: undo and redo as snapshots of the immutable design.
 *
 * Every edit publishes a new HlDesign that shares its unchanged views,
 * zones and curves with the previous one, so a snapshot costs little. The
 * history keeps a list of them with the current position: pushing drops
 * the redo branch, caps the length, and skips a design identical to the
 * current one. The saved snapshot drives the "modified" state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

typedef struct _HlHistory HlHistory;

#define HL_HISTORY_DEFAULT_LIMIT 200

/* A history starting at @initial (referenced), which counts as saved.
 * @limit: snapshots kept, ≥ 2. Returns a new history (transfer full). */
HlHistory  *hl_history_new            (HlDesign   *initial,
                                       guint       limit);
void        hl_history_free           (HlHistory  *history);

/* The current design (borrowed). */
HlDesign   *hl_history_get_current    (HlHistory  *history);
/* Makes @design (referenced) current after the current one, with a label
 * for menus ("Move hairline point"). FALSE if @design is the current one
 * (same pointer): nothing is recorded. */
gboolean    hl_history_push           (HlHistory  *history,
                                       HlDesign   *design,
                                       const char *label);
/* Replaces the current snapshot by @design (referenced), keeping its
 * label and dropping the redo branch: a burst of changes to one field
 * stays one undo step. FALSE (nothing done) at the first snapshot, which
 * has no step to amend: push instead. */
gboolean    hl_history_amend          (HlHistory  *history,
                                       HlDesign   *design);
gboolean    hl_history_can_undo       (HlHistory  *history);
gboolean    hl_history_can_redo       (HlHistory  *history);
/* Steps back or forward; returns the new current design (borrowed) or
 * NULL when there is nothing to undo/redo. */
HlDesign   *hl_history_undo           (HlHistory  *history);
HlDesign   *hl_history_redo           (HlHistory  *history);
/* The label of what undo / redo would revert / repeat, or NULL. */
const char *hl_history_get_undo_label (HlHistory  *history);
const char *hl_history_get_redo_label (HlHistory  *history);

/* The current design was just saved. */
void        hl_history_mark_saved     (HlHistory  *history);
/* @design (referenced) was just saved: a save that ran while the history
 * moved on marks what it wrote, so later edits still count as modified. */
void        hl_history_mark_saved_design (HlHistory *history,
                                          HlDesign  *design);
/* No snapshot is the saved one any more (a design restored after a
 * crash is unsaved, whichever snapshot it is). */
void        hl_history_forget_saved   (HlHistory  *history);
/* TRUE when the current design is not the saved one. */
gboolean    hl_history_is_modified    (HlHistory  *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlHistory, hl_history_free)

G_END_DECLS
