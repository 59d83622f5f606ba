/* hl-document.h: one open design with its history, photo, file and engine.
 *
 * The model of a window, knowing nothing of widgets (as GNOME Text Editor's
 * EditorDocument). It owns the undo history of immutable designs, the
 * photo of the view shown, the design file and the stippling engine. The
 * engine follows the design shown (the history's current design, or a
 * tool's preview during a gesture) whenever it changes, never inside a
 * draw. Loading and saving run on a worker thread (GTask): a 50 MP photo
 * does not freeze the window.
 *
 * The engine runs on a thread of its own (hl-engine-worker.h): when the
 * shown design changes the document asks for its dots and waits a moment
 * (30 ms) for them; a larger job goes on while the window stays free, the
 * previous dots staying shown ("computing" TRUE, "progress" moving) until
 * the new ones arrive with a "changed". The newest design shown wins: an
 * older job still running is cancelled. Dots always belong to one design
 * that was shown (hl_document_get_dots_design), never a mix.
 *
 * The document is the editing session: the only writer of the undo
 * history (hl_document_commit, undo, redo), the owner of the selected
 * zone, and the host of the tools (hl_document_get_tool_host).
 *
 * Signals: "changed" when the design shown, its dots or the photo changed
 * (views redraw); "loaded" just before the "changed" of a successful load,
 * which replaced the design, history and photo (views drop per-design state
 * such as a tool or the zoom); "refused" (a message) when an edit would take
 * the design over the dot budget of all its views together and was not
 * applied. Properties, notified only when their value changes: "modified",
 * "can-undo", "can-redo", "title", "file", "view-index", "computing",
 * "progress", "selected-zone", "autosave-problem".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hl-dot.h"
#include "hl-history.h"
#include "hl-photo.h"
#include "hl-recovery.h"
#include "hl-stippler.h"
#include "hl-tool-host.h"

G_BEGIN_DECLS

#define HL_TYPE_DOCUMENT (hl_document_get_type ())

G_DECLARE_FINAL_TYPE (HlDocument, hl_document, HL, DOCUMENT, GObject)

/* An empty document (no design). Transfer full. */
HlDocument   *hl_document_new              (void);

/* Loads a design (.json) or a photo (a new design around it) from @file.
 * On success the document holds it (a "changed" emission and notifies);
 * on error the document is left as it was. A design whose photo cannot be
 * loaded or does not match still opens: see hl_document_get_photo_problem.
 * When a newer load starts before this one ends, this one fails with
 * G_IO_ERROR_CANCELLED and changes nothing. */
void          hl_document_load_async       (HlDocument          *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      hl_document_load_finish      (HlDocument          *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* The area (@width × @height logical px, @scale device px each) that
 * the next design loaded, or view shown, will first be fitted to, the
 * view centred (as HlCanvas fits it with no zoom or pan of the user's):
 * the loader's worker draws the photo at that size ahead
 * (hl_photo_prepare_view()), so that the first frame copies it rather
 * than scaling a large photo. 0 × 0: not known (nothing is prepared). */
void          hl_document_set_screen_fit   (HlDocument          *self,
                                            int                  width,
                                            int                  height,
                                            int                  scale);
/* Loads a pasted image (PNG bytes, referenced), named @name in the title
 * and messages, as a new design around it; finish with
 * hl_document_load_finish(). The image stays in memory: the first save
 * writes it as NAME-photo.png beside the design (a free name) and the
 * design file refers to it. */
void          hl_document_load_pasted_async (HlDocument        *self,
                                            GBytes              *png,
                                            const char          *name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* Points the view shown at @photo (referenced), loaded from the absolute
 * @path: its path, SHA-256 and size are recorded as one undo step
 * ("Relink photo"), the photo is shown and the photo problem cleared.
 * FALSE while nothing is loaded. */
gboolean      hl_document_relink_photo     (HlDocument          *self,
                                            HlPhoto             *photo,
                                            const char          *path);
/* Opens @design (referenced; at least one view), held in memory with no
 * file, e.g. a new design on a head chart: as a load (the photo of view 0
 * read on a worker, "loaded" and "changed"), titled @title. Finish with
 * hl_document_load_finish. */
void          hl_document_load_design_async (HlDocument         *self,
                                            HlDesign            *design,
                                            const char          *title,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
typedef enum
{
  HL_DOCUMENT_SAVE_DEFAULT = 0,
  HL_DOCUMENT_SAVE_FORCE   = 1 << 0,  /* replace the file even if it changed on disk */
  HL_DOCUMENT_SAVE_COPY    = 1 << 1,  /* a copy: the document keeps its own file
                                       * and stays modified */
  HL_DOCUMENT_SAVE_WITH_PHOTOS = 1 << 2,  /* copy the photos (views' and progress
                                           * photos) into the file's folder */
} HlDocumentSaveFlags;

/* Saves the current design to @file atomically (photo paths written
 * relative to it); on success the document edits that file and is no
 * longer modified (unless it changed meanwhile).
 *
 * The document remembers its file as it was when loaded or last saved
 * (device, inode, modification time and size). Saving to that file when
 * another program (or another window) replaced or rewrote it since fails
 * with G_IO_ERROR_WRONG_ETAG and writes nothing, so that the other
 * program's work is not silently lost: ask the user, then save again with
 * HL_DOCUMENT_SAVE_FORCE to replace it anyway. A file that no longer
 * exists is written again. hl_document_save_async() is
 * hl_document_save_full_async() with HL_DOCUMENT_SAVE_DEFAULT. */
void          hl_document_save_async       (HlDocument          *self,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
void          hl_document_save_full_async  (HlDocument          *self,
                                            GFile               *file,
                                            HlDocumentSaveFlags  flags,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean      hl_document_save_finish      (HlDocument          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* The design file, NULL until the design was saved or loaded from one
 * (borrowed). */
GFile        *hl_document_get_file         (HlDocument          *self);
/* What the title shows: the file's name, the photo's name, or NULL. */
const char   *hl_document_get_title        (HlDocument          *self);
/* The history's current design, or NULL (borrowed). */
HlDesign     *hl_document_get_design       (HlDocument          *self);
/* The current design as its file refers to it (transfer full), or NULL:
 * once a design made from a pasted image was saved, the views showing
 * that image point at the image's file. */
HlDesign     *hl_document_dup_linked_design (HlDocument         *self);
/* The design shown: the preview if one is set, else the current one. */
HlDesign     *hl_document_get_shown        (HlDocument          *self);
/* Index of the view shown ("view-index"). */
guint         hl_document_get_view_index   (HlDocument          *self);
/* Shows view @index of the current design (< its number of views): its
 * photo or head chart is loaded and its dots made on a worker; then the
 * document shows that view, the engine follows it, "view-index" is
 * notified and "changed" emitted. A later switch or load supersedes an
 * unfinished one. Tools and panels work on the view shown. */
void          hl_document_set_view_index   (HlDocument          *self,
                                            guint                index);
/* The photo of the view shown, or NULL (borrowed). */
HlPhoto      *hl_document_get_photo        (HlDocument          *self);
/* Why the photo of a loaded design is missing or differs, or NULL. */
const char   *hl_document_get_photo_problem (HlDocument         *self);

/* Sets the preview design to show during a gesture (NULL: show the
 * history's current design): when the shown design changed the engine
 * updates, "changed" is emitted and modified / can-undo / can-redo are
 * notified. */
void          hl_document_show             (HlDocument          *self,
                                            HlDesign            *preview);
/* The one way into the undo history: records @design (referenced) as one
 * undo step labelled @label and shows it. The dot budget is checked first
 * (hl_design_check_budget): over it, "refused" is emitted, nothing
 * changes and FALSE is returned; FALSE too when @design is the current
 * design already. With a @merge_key (e.g. "zone 2: density") equal to the
 * last commit's, nothing recorded, undone or loaded since, and less than
 * 1.5 s after it, the last step is amended instead (a burst of changes to
 * one field is one undo step, as Inkscape's DocumentUndo::maybeDone). */
gboolean      hl_document_commit           (HlDocument          *self,
                                            HlDesign            *design,
                                            const char          *label,
                                            const char          *merge_key);
/* The document as tools see it: its design, commit and selected zone
 * (borrowed, lives as long as the document). */
HlToolHost   *hl_document_get_tool_host    (HlDocument          *self);
/* The selected zone of the view shown ("selected-zone"), -1 for none:
 * one selection for tools, canvas and panels. It returns to -1 when a
 * design loads or another view is shown, and follows the zones when an
 * undo removes the selected one. */
int           hl_document_get_selected_zone (HlDocument         *self);
void          hl_document_set_selected_zone (HlDocument         *self,
                                            int                  zone);
gboolean      hl_document_undo             (HlDocument          *self);
gboolean      hl_document_redo             (HlDocument          *self);
gboolean      hl_document_can_undo         (HlDocument          *self);
gboolean      hl_document_can_redo         (HlDocument          *self);
gboolean      hl_document_is_modified      (HlDocument          *self);

/* Keeps unsaved changes in @dir (see hl-recovery.h) after @delay_ms of
 * quiet; NULL turns it off. The copy goes once nothing is unsaved, and
 * when the document ends normally. A pasted image the design shows is
 * kept beside the copy (once), so that the restored design has it.
 *
 * When a copy cannot be written (a full disk, a read-only or missing
 * folder), "autosave-problem" says why and the document tries again,
 * after @delay_ms, then waiting twice as long each time up to 10 s (and
 * at once after the next edit's quiet); the problem clears when a copy is
 * written, when nothing is unsaved any more, or when autosave is
 * turned off. */
void          hl_document_set_autosave     (HlDocument          *self,
                                            const char          *dir,
                                            guint                delay_ms);
/* Why unsaved changes are not kept for recovery right now, for the user
 * ("autosave-problem"), or NULL (borrowed). */
const char   *hl_document_get_autosave_problem (HlDocument      *self);
/* The id of this document's recovery files, NULL until one is written. */
const char   *hl_document_get_recovery_id  (HlDocument          *self);
/* After loading @entry's design: the document is the design of
 * @entry's original file (or of none), unsaved, and keeps @entry's
 * recovery files up to date. */
void          hl_document_adopt_recovery   (HlDocument          *self,
                                            const HlRecoveryEntry *entry);
/* Loads @entry's design (copied) and adopts it as
 * hl_document_adopt_recovery() does, in one step: titled and filed as
 * @entry says, unsaved. A pasted image kept with it (@entry's photo_path)
 * is the photo of the views that showed it and is held in memory again as
 * after a paste: the first save writes it beside the design as
 * NAME-photo.png. Finish with hl_document_load_finish(). */
void          hl_document_load_recovery_async (HlDocument       *self,
                                            const HlRecoveryEntry *entry,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);

/* The dots of the last finished stippling (borrowed until the next
 * "changed"), or NULL: those of hl_document_get_dots_design()'s view,
 * which is the shown design unless the document is computing or the
 * computation was stopped. */
/* The same dots as an array (transfer full), or NULL. The array never
 * changes: new dots come in a new one. */
GArray       *hl_document_ref_dots_array   (HlDocument          *self);
const HlDot  *hl_document_get_dots         (HlDocument          *self,
                                            gsize               *n_dots);
/* The design the dots belong to, or NULL (borrowed). */
HlDesign     *hl_document_get_dots_design  (HlDocument          *self);
/* Counts of zone @zone of the dots' design (expected_dots is -1: not
 * integrated here). FALSE when there is no such zone. */
gboolean      hl_document_get_zone_stats   (HlDocument          *self,
                                            guint                zone,
                                            HlZoneStats         *stats);
/* TRUE while the dots of the shown design are being computed. */
gboolean      hl_document_is_computing     (HlDocument          *self);
/* How far that computation is, in [0, 1] (1 when not computing). */
double        hl_document_get_progress     (HlDocument          *self);
/* Stops the computation: the dots stay those of the last design finished,
 * until the next change. FALSE when nothing was computing. */
gboolean      hl_document_stop_computing   (HlDocument          *self);

G_END_DECLS
