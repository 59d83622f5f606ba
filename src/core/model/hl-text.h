/* hl-text.h: the characters a design's names, paths and labels may hold.
 *
 * Plain functions on UTF-8 strings; nothing here knows designs, views or
 * zones, so every model file can use them without including another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first character of @text (borrowed, valid UTF-8) that could cut or
 * disguise a name, a path or a label: C0 and C1 control characters, DEL,
 * and the bidirectional embeddings, overrides and isolates. With
 * @free_text (notes), tabs and line breaks are allowed. 0 when there is
 * none. Design files holding one are refused. */
gunichar    hl_text_find_control       (const char     *text,
                                        gboolean        free_text);
/* @text (borrowed) with each such character replaced by a space
 * (transfer full: the caller frees), so what the editor stores can always
 * be loaded again. */
char       *hl_text_clean              (const char     *text,
                                        gboolean        free_text);

G_END_DECLS
