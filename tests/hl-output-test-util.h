/* hl-output-test-util.h: what the output tests share: files read and
 * compared, and work folders holding the photo sample's design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bytes of @path (caller frees), or NULL. */
char    *hl_out_test_read_file             (const char *path,
                                            gsize      *length);
/* Whether @path holds exactly @length bytes @data. */
gboolean hl_out_test_same_bytes            (const char *path,
                                            const char *data,
                                            gsize       length);
/* Copies @from to @to; fails the test if it cannot. */
void     hl_out_test_copy_file             (const char *from,
                                            const char *to);
/* A temporary folder holding D.json and its photo (caller frees). */
char    *hl_out_test_make_workdir          (void);
/* Removes @path, and all under it if a folder. */
void     hl_out_test_remove_tree           (const char *path);
/* Temporary files of the atomic writer in @dir. */
guint    hl_out_test_count_temp_files      (const char *dir);
/* Temporary files of the atomic writer in @dir that anybody but their
 * owner may read or write. */
guint    hl_out_test_count_open_temp_files (const char *dir);

G_END_DECLS
