/* hl-document-test-util.c: what the document tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-document-test-util.h"
#include "hl-edit.h"

char *
hl_doc_test_sample_file (const char *name)
{
  return g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
}


void
hl_doc_test_on_changed (HlDocument *doc,
            HlDocCounts     *counts)
{
  counts->changed++;
}

static void
on_loaded (HlDocument *doc,
           HlDocCounts     *counts)
{
  counts->loaded++;
}

static void
on_notify (HlDocument *doc,
           GParamSpec *pspec,
           HlDocCounts     *counts)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "modified"))
    counts->modified++;
  else if (g_str_equal (name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (name, "can-redo"))
    counts->can_redo++;
  else if (g_str_equal (name, "title"))
    counts->title++;
  else if (g_str_equal (name, "file"))
    counts->file++;
  else if (g_str_equal (name, "autosave-problem"))
    counts->autosave_problem++;
}

void
hl_doc_test_watch (HlDocument *doc,
       HlDocCounts     *counts)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (doc, "changed", G_CALLBACK (hl_doc_test_on_changed), counts);
  g_signal_connect (doc, "loaded", G_CALLBACK (on_loaded), counts);
  g_signal_connect (doc, "notify", G_CALLBACK (on_notify), counts);
}


void
hl_doc_test_on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HlDocWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

gboolean
hl_doc_test_load (HlDocument  *doc,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ok;

  hl_document_load_async (doc, file, NULL, hl_doc_test_on_done, &wait);
  /* Asynchronous: nothing has been delivered yet. */
  g_assert_null (wait.result);
  g_main_loop_run (wait.loop);
  ok = hl_document_load_finish (doc, wait.result, error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
  return ok;
}

gboolean
hl_doc_test_save (HlDocument  *doc,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlDocWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ok;

  hl_document_save_async (doc, file, NULL, hl_doc_test_on_done, &wait);
  g_main_loop_run (wait.loop);
  ok = hl_document_save_finish (doc, wait.result, error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
  return ok;
}

/* @design with another seed: every dot moves (transfer full). */
HlDesign *
hl_doc_test_reseeded (HlDesign *design,
          guint32   seed)
{
  HlDesign *next = hl_design_copy (design);

  hl_design_set_seed (next, seed);
  return next;
}

/* @design with hairline point @i moved by (@dx, @dy) (transfer full). */
HlDesign *
hl_doc_test_hairline_moved (HlDesign *design,
                guint     i,
                double    dx,
                double    dy)
{
  const HlView *view = hl_design_get_view (design, 0);
  HlPoint p = hl_curve_get_points (view->hairline)[i];
  g_autoptr(HlCurve) curve = hl_curve_with_point (view->hairline, i, (HlPoint) { p.x + dx, p.y + dy });
  g_autoptr(HlView) copy = hl_view_copy (view);
  HlDesign *next = hl_design_copy (design);

  hl_view_set_hairline (copy, curve);
  hl_design_replace_view (next, 0, copy);
  return next;
}

gboolean
hl_doc_test_on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the document's dots are those of the design
 * shown (fails after 60 s). */
void
hl_doc_test_wait_computed (HlDocument *doc)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, hl_doc_test_on_timeout, &timed_out);

  while (hl_document_is_computing (doc) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds. */
void
hl_doc_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, hl_doc_test_on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The document's dots are the engine's for @design's first view, once the
 * engine caught up. */
void
hl_doc_test_assert_dots_of (HlDocument *doc,
                HlDesign   *design)
{
  g_autoptr(GArray) expected = hl_stipple_view (hl_design_get_view (design, 0), design->seed);
  gsize n = 0;
  const HlDot *dots;

  /* Dots that come after the document's short wait announce themselves
   * with a "changed" of their own: the tests count the document's
   * answers to calls, so that one is not counted. */
  g_signal_handlers_block_matched (doc, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, hl_doc_test_on_changed, NULL);
  hl_doc_test_wait_computed (doc);
  g_signal_handlers_unblock_matched (doc, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, hl_doc_test_on_changed, NULL);
  g_assert_true (hl_document_get_dots_design (doc) == design);
  dots = hl_document_get_dots (doc, &n);
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (n, >, 1000);
  for (gsize i = 0; i < n; i++)
    {
      const HlDot *e = &g_array_index (expected, HlDot, i);

      g_assert_cmpfloat (dots[i].x, ==, e->x);
      g_assert_cmpfloat (dots[i].y, ==, e->y);
    }
}
