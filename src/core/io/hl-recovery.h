/* hl-recovery.h: unsaved work kept on disk, for after a crash.
 *
 * While a design has unsaved changes, the editor writes it now and then to
 * a recovery folder (by default the user's data folder,
 * `hairline-studio/recovery`): `<id>.json` holds the design (photo paths
 * absolute), `<id>.info` (a GKeyFile) the process that wrote it, the file
 * the design came from (if any), its title and when it was written, and
 * `<id>.png` the pasted image the design shows (a design made from a
 * pasted image has no photo file of its own until it is saved: the
 * recovery copy refers to `<id>.png` by its absolute path). A normal
 * close removes them; after a crash they stay, and the next start
 * finds them: an entry is an orphan when the process that wrote it is no
 * longer running. The folder is kept 0700 (made so, or tightened when it
 * exists looser) and its files 0600: they hold clients' names and notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* How long the editor waits after the last change before keeping a copy. */
#define HL_AUTOSAVE_DELAY_MS 2000

typedef struct
{
  char   *id;             /* owned */
  char   *design_path;    /* owned: the <id>.json file */
  char   *original_path;  /* owned, NULL for a design never saved */
  char   *title;          /* owned: what the window called it */
  gint64  written;        /* g_get_real_time () when written */
  char   *photo_path;     /* owned: the <id>.png pasted image, NULL if none */
} HlRecoveryEntry;

/* The default folder (transfer full). */
char            *hl_recovery_default_dir  (void);
/* A new identifier for a document's recovery files (transfer full). */
char            *hl_recovery_new_id       (void);
/* Writes @design under @id in @dir (made if needed), atomically, with
 * this process's id, @original_path (may be NULL) and @title. */
gboolean         hl_recovery_write        (const char      *dir,
                                           const char      *id,
                                           const HlDesign  *design,
                                           const char      *original_path,
                                           const char      *title,
                                           GError         **error);
/* Where @id keeps its pasted image in @dir: `<dir>/<id>.png` (transfer
 * full; the file may not exist). */
char            *hl_recovery_photo_path   (const char      *dir,
                                           const char      *id);
/* Writes the pasted image @png (PNG bytes) as @id's `<id>.png` in @dir
 * (made if needed), atomically, 0600. */
gboolean         hl_recovery_write_photo  (const char      *dir,
                                           const char      *id,
                                           GBytes          *png,
                                           GError         **error);
/* Removes @id's files from @dir (no error if there are none). */
void             hl_recovery_remove       (const char      *dir,
                                           const char      *id);
/* Entries of @dir whose writer is no longer running, oldest first
 * (transfer full: a GPtrArray that frees its HlRecoveryEntry items).
 * Unreadable entries are skipped. */
GPtrArray       *hl_recovery_list_orphans (const char      *dir);
HlRecoveryEntry *hl_recovery_entry_copy   (const HlRecoveryEntry *entry);
void             hl_recovery_entry_free   (HlRecoveryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlRecoveryEntry, hl_recovery_entry_free)

G_END_DECLS
