/* hl-atomic-file.h: files replaced whole or not at all.
 *
 * Every file libhairline writes goes through here: a temporary file is
 * made in the target's folder, named ".NAME.hl-tmp-PID-XXXXXX", written,
 * synced, renamed over the target, and the folder is synced. Any error
 * removes the temporary file and leaves the target as it was.
 *
 * Before writing, the target is checked: an existing target must be a
 * regular file (not a directory, FIFO, device or socket), must not be a
 * symbolic link unless HL_ATOMIC_FILE_FOLLOW_SYMLINKS is given (then the
 * file it points to is replaced and the link kept), must be writable (a
 * file with no write bit for anybody is refused even for root, who could
 * otherwise replace it: renaming needs only the folder's permission), and
 * must not be the same file (device and inode) as any of the command's
 * inputs. An existing target's permission bits (and, where allowed, owner)
 * are kept; a new file is private, 0600 (designs, photos and mockups of a
 * client are health data). The temporary file is 0600 from the moment it
 * exists.
 *
 * Temporary files of earlier runs that were killed are removed when the
 * next write into the same folder starts (hl_atomic_file_sweep_stale()).
 *
 * Errors are HL_ERROR_IO with messages that start with the path and give
 * the reason, e.g. "out.png: cannot write: No space left on device".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

typedef enum
{
  HL_ATOMIC_FILE_DEFAULT         = 0,
  HL_ATOMIC_FILE_FOLLOW_SYMLINKS = 1 << 0,  /* replace the file a link points to */
} HlAtomicFileFlags;

typedef struct _HlAtomicFile HlAtomicFile;

/* Checks that @path may be written (see above) without writing anything.
 * @inputs is a NULL-terminated list of paths the command reads (may be
 * NULL; entries that do not exist are ignored). On success, when
 * @resolved is not NULL, it receives the path that will actually be
 * replaced (@path itself, or the end of its symbolic links); caller frees. */
gboolean      hl_atomic_file_check_target (const char          *path,
                                           const char * const  *inputs,
                                           HlAtomicFileFlags    flags,
                                           char               **resolved,
                                           GError             **error);

/* Checks @path as hl_atomic_file_check_target() does, removes stale
 * temporary files beside it and opens a new one. Returns a new handle
 * (transfer full: end it with hl_atomic_file_commit() or
 * hl_atomic_file_discard(), which free it) or NULL with @error set. */
HlAtomicFile *hl_atomic_file_new          (const char          *path,
                                           const char * const  *inputs,
                                           HlAtomicFileFlags    flags,
                                           GError             **error);

/* The stream writing the temporary file (borrowed, owned by @file: do not
 * fclose it). Write errors are remembered with their errno and reported
 * by hl_atomic_file_commit() or hl_atomic_file_discard(). */
FILE         *hl_atomic_file_get_stream   (HlAtomicFile        *file);

/* The path of the temporary file (borrowed). */
const char   *hl_atomic_file_get_temp_path (HlAtomicFile       *file);

/* Writes @length bytes; FALSE (the error is remembered) when they could
 * not all be written. */
gboolean      hl_atomic_file_write        (HlAtomicFile        *file,
                                           const void          *data,
                                           gsize                length);

/* Flushes, syncs, sets the permissions, renames the temporary file over
 * the target and syncs the folder. Frees @file whatever the outcome; on
 * failure the temporary file is removed and the target left untouched. */
gboolean      hl_atomic_file_commit       (HlAtomicFile        *file,
                                           GError             **error);

/* Removes the temporary file and frees @file (NULL is allowed). When
 * @error is not NULL it is set to "PATH: cannot write: REASON", REASON
 * being the first write error remembered, else @reason (may be NULL). */
void          hl_atomic_file_discard      (HlAtomicFile        *file,
                                           const char          *reason,
                                           GError             **error);

/* Writes @length bytes of @data to @path atomically. */
gboolean      hl_atomic_file_set_contents (const char          *path,
                                           const char          *data,
                                           gsize                length,
                                           const char * const  *inputs,
                                           HlAtomicFileFlags    flags,
                                           GError             **error);

/* Removes from the folder @dir the temporary files of this writer
 * (".NAME.hl-tmp-PID-XXXXXX", regular files only) that a killed run left:
 * those whose PID is not a running process, and any unchanged for an hour
 * (a PID since reused). Temporary files of running processes, including
 * this one, are kept. Returns how many were removed; a folder that cannot
 * be read removes none. */
guint         hl_atomic_file_sweep_stale  (const char          *dir);

/* Installs SIGINT, SIGTERM, SIGHUP and SIGPIPE handlers (for command-line
 * programs) that remove the temporary file being written, then end the process by
 * the same signal. A signal ignored at the time of the call (nohup) stays
 * ignored. Only the most recently opened file is tracked. */
void          hl_atomic_file_install_signal_cleanup (void);

static inline void
hl_atomic_file_free_discard (HlAtomicFile *file)
{
  hl_atomic_file_discard (file, NULL, NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlAtomicFile, hl_atomic_file_free_discard)

G_END_DECLS
