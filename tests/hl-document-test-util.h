/* hl-document-test-util.h: what the document tests share (no display:
 * the document model, its loads and saves on a worker, run to their end
 * by a main loop as the window does).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-document.h"

G_BEGIN_DECLS

/* What a document emitted. */
typedef struct
{
  guint changed;
  guint loaded;
  guint modified;
  guint can_undo;
  guint can_redo;
  guint title;
  guint file;
  guint autosave_problem;
} HlDocCounts;
/* Runs a main loop until an async call completes. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} HlDocWait;

/* The path of sample @name (caller frees). */
char     *hl_doc_test_sample_file    (const char   *name);
/* Counts what @doc emits into @counts (cleared first; it must outlive
 * @doc's signals). */
void      hl_doc_test_watch          (HlDocument   *doc,
                                      HlDocCounts  *counts);
/* The "changed" handler hl_doc_test_watch() connects. */
void      hl_doc_test_on_changed     (HlDocument   *doc,
                                      HlDocCounts  *counts);
/* A GAsyncReadyCallback that keeps the result in the HlDocWait at
 * @user_data and quits its loop. */
void      hl_doc_test_on_done        (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      user_data);
/* Loads or saves @path, running a main loop until it ends. */
gboolean  hl_doc_test_load           (HlDocument   *doc,
                                      const char   *path,
                                      GError      **error);
gboolean  hl_doc_test_save           (HlDocument   *doc,
                                      const char   *path,
                                      GError      **error);
/* @design with another seed: every dot moves (transfer full). */
HlDesign *hl_doc_test_reseeded       (HlDesign     *design,
                                      guint32       seed);
/* @design with hairline point @i moved by (@dx, @dy) (transfer full). */
HlDesign *hl_doc_test_hairline_moved (HlDesign     *design,
                                      guint         i,
                                      double        dx,
                                      double        dy);
/* A timeout that sets the gboolean at @data. */
gboolean  hl_doc_test_on_timeout     (gpointer      data);
/* Runs the main loop until the document's dots are those of the design
 * shown (fails after 60 s). */
void      hl_doc_test_wait_computed  (HlDocument   *doc);
/* Runs the main loop for @ms milliseconds. */
void      hl_doc_test_spin_for       (guint         ms);
/* The document's dots are the engine's for @design's first view, once the
 * engine caught up. */
void      hl_doc_test_assert_dots_of (HlDocument   *doc,
                                      HlDesign     *design);

G_END_DECLS
