/* test-document.c: the document model without any widget.
 *
 * Loads and saves run on a worker thread; each test runs a main loop until
 * the completion callback, as the window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>

#include "hl-design-io.h"
#include "hl-document.h"
#include "hl-edit.h"
#include "hl-error.h"

static char *
sample_file (const char *name)
{
  return g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
}

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
} Counts;

static void
on_changed (HlDocument *doc,
            Counts     *counts)
{
  counts->changed++;
}

static void
on_loaded (HlDocument *doc,
           Counts     *counts)
{
  counts->loaded++;
}

static void
on_notify (HlDocument *doc,
           GParamSpec *pspec,
           Counts     *counts)
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

static void
watch (HlDocument *doc,
       Counts     *counts)
{
  memset (counts, 0, sizeof *counts);
  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), counts);
  g_signal_connect (doc, "loaded", G_CALLBACK (on_loaded), counts);
  g_signal_connect (doc, "notify", G_CALLBACK (on_notify), counts);
}

/* Runs a main loop until an async call completes. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static gboolean
load (HlDocument  *doc,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ok;

  hl_document_load_async (doc, file, NULL, on_done, &wait);
  /* Asynchronous: nothing has been delivered yet. */
  g_assert_null (wait.result);
  g_main_loop_run (wait.loop);
  ok = hl_document_load_finish (doc, wait.result, error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
  return ok;
}

static gboolean
save (HlDocument  *doc,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  gboolean ok;

  hl_document_save_async (doc, file, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  ok = hl_document_save_finish (doc, wait.result, error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);
  return ok;
}

/* @design with another seed: every dot moves (transfer full). */
static HlDesign *
reseeded (HlDesign *design,
          guint32   seed)
{
  HlDesign *next = hl_design_copy (design);

  hl_design_set_seed (next, seed);
  return next;
}

/* @design with hairline point @i moved by (@dx, @dy) (transfer full). */
static HlDesign *
hairline_moved (HlDesign *design,
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

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the document's dots are those of the design
 * shown (fails after 60 s). */
static void
wait_computed (HlDocument *doc)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, on_wait_timeout, &timed_out);

  while (hl_document_is_computing (doc) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds. */
static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The document's dots are the engine's for @design's first view, once the
 * engine caught up. */
static void
assert_dots_of (HlDocument *doc,
                HlDesign   *design)
{
  g_autoptr(GArray) expected = hl_stipple_view (hl_design_get_view (design, 0), design->seed);
  gsize n = 0;
  const HlDot *dots;

  /* Dots that come after the document's short wait announce themselves
   * with a "changed" of their own: the tests count the document's
   * answers to calls, so that one is not counted. */
  g_signal_handlers_block_matched (doc, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_changed, NULL);
  wait_computed (doc);
  g_signal_handlers_unblock_matched (doc, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_changed, NULL);
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

static void
test_load_design (void)
{
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autofree char *photo_path = sample_file ("astronaut.png");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDesign *design;
  Counts counts;

  g_assert_null (hl_document_get_design (doc));
  g_assert_false (hl_document_can_undo (doc));
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, -1);
  g_assert_null (hl_document_get_title (doc));
  g_assert_null (hl_document_get_dots (doc, NULL));
  watch (doc, &counts);

  g_assert_true (load (doc, path, &error));
  g_assert_no_error (error);

  design = hl_document_get_design (doc);
  g_assert_nonnull (design);
  g_assert_true (hl_document_get_shown (doc) == design);
  g_assert_cmpuint (hl_document_get_view_index (doc), ==, 0);
  g_assert_nonnull (hl_document_get_photo (doc));
  g_assert_null (hl_document_get_photo_problem (doc));
  g_assert_true (g_file_equal (hl_document_get_file (doc), file));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "front-consultation.json");
  /* Photo paths are absolute in memory. */
  g_assert_cmpstr (hl_design_get_view (design, 0)->photo.path, ==, photo_path);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_false (hl_document_can_undo (doc));
  g_assert_false (hl_document_can_redo (doc));
  assert_dots_of (doc, design);
  {
    HlZoneStats stats;

    g_assert_true (hl_document_get_zone_stats (doc, 0, &stats));
    g_assert_cmpuint (stats.dots, >, 0);
    g_assert_false (hl_document_get_zone_stats (doc, 99, &stats));
  }

  g_assert_cmpuint (counts.loaded, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.title, ==, 1);
  g_assert_cmpuint (counts.file, ==, 1);
  /* Neither modified nor undoable before or after: nothing to notify. */
  g_assert_cmpuint (counts.modified, ==, 0);
  g_assert_cmpuint (counts.can_undo, ==, 0);
}

static void
test_load_photo (void)
{
  g_autofree char *path = sample_file ("astronaut.png");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  const HlView *view;
  Counts counts;

  watch (doc, &counts);
  g_assert_true (load (doc, path, &error));
  g_assert_no_error (error);

  /* A new design around the photo, with no file until it is saved. */
  g_assert_nonnull (hl_document_get_design (doc));
  g_assert_cmpuint (hl_design_get_n_views (hl_document_get_design (doc)), ==, 1);
  view = hl_design_get_view (hl_document_get_design (doc), 0);
  g_assert_cmpstr (view->photo.path, ==, path);
  g_assert_cmpuint (strlen (view->photo.sha256), ==, 64);
  g_assert_cmpint (view->photo.width, ==, 512);
  g_assert_nonnull (hl_document_get_photo (doc));
  g_assert_cmpint (hl_photo_get_width (hl_document_get_photo (doc)), ==, 512);
  g_assert_null (hl_document_get_file (doc));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "astronaut.png");
  g_assert_false (hl_document_is_modified (doc));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.file, ==, 0);
  g_assert_cmpuint (counts.title, ==, 1);
}

/* A failed load leaves the document exactly as it was, and says nothing. */
static void
assert_load_fails (HlDocument *doc,
                   const char *path,
                   GQuark      domain,
                   int         code)
{
  HlDesign *design = hl_document_get_design (doc);
  HlPhoto *photo = hl_document_get_photo (doc);
  gboolean can_undo = hl_document_can_undo (doc);
  GFile *file = hl_document_get_file (doc);
  g_autofree char *title = g_strdup (hl_document_get_title (doc));
  g_autoptr(GError) error = NULL;
  Counts counts;
  gulong handlers[3];

  memset (&counts, 0, sizeof counts);
  handlers[0] = g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &counts);
  handlers[1] = g_signal_connect (doc, "loaded", G_CALLBACK (on_loaded), &counts);
  handlers[2] = g_signal_connect (doc, "notify", G_CALLBACK (on_notify), &counts);

  g_assert_false (load (doc, path, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", path, error->message);

  g_assert_true (hl_document_get_design (doc) == design);
  g_assert_true (hl_document_get_photo (doc) == photo);
  g_assert_true (hl_document_can_undo (doc) == can_undo);
  g_assert_true (hl_document_get_file (doc) == file);
  g_assert_cmpstr (hl_document_get_title (doc), ==, title);
  g_assert_cmpuint (counts.changed + counts.loaded + counts.modified + counts.can_undo +
                    counts.can_redo + counts.title + counts.file, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_handler_disconnect (doc, handlers[i]);
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.png", NULL);
  g_autofree char *sample = sample_file ("front-consultation.json");
  g_autoptr(HlDocument) empty = hl_document_new ();
  g_autoptr(HlDocument) doc = hl_document_new ();

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"hairline-studio-design\", \"version\": ", -1, NULL));
  g_assert_true (g_file_set_contents (text, "Client prefers a soft hairline.\n", -1, NULL));

  /* An empty document stays empty... */
  assert_load_fails (empty, missing, HL_ERROR, HL_ERROR_IO);
  assert_load_fails (empty, broken, HL_ERROR, HL_ERROR_PARSE);
  assert_load_fails (empty, text, HL_ERROR, HL_ERROR_PHOTO);
  g_assert_null (hl_document_get_design (empty));

  /* ...and a loaded one keeps its design, photo, file and dots. */
  g_assert_true (load (doc, sample, &error));
  g_assert_no_error (error);
  assert_load_fails (doc, missing, HL_ERROR, HL_ERROR_IO);
  assert_load_fails (doc, broken, HL_ERROR, HL_ERROR_PARSE);
  assert_load_fails (doc, text, HL_ERROR, HL_ERROR_PHOTO);
  assert_dots_of (doc, hl_document_get_design (doc));

  g_unlink (broken);
  g_unlink (text);
  g_rmdir (dir);
}

static void
test_push_undo_redo (void)
{
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) d1 = NULL;
  g_autoptr(HlDesign) d2 = NULL;
  HlDesign *d0;
  Counts counts;

  g_assert_true (load (doc, path, &error));
  d0 = hl_document_get_design (doc);
  d1 = hairline_moved (d0, 3, 12, -4);
  d2 = hairline_moved (d1, 5, -6, 3);
  watch (doc, &counts);

  g_assert_true (hl_document_commit (doc, d1, "Move hairline point", NULL));
  g_assert_true (hl_document_get_design (doc) == d1);
  g_assert_true (hl_document_is_modified (doc));
  g_assert_true (hl_document_can_undo (doc));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 0);
  assert_dots_of (doc, d1);

  /* Still modified and undoable: only "changed". */
  g_assert_true (hl_document_commit (doc, d2, "Move hairline point", NULL));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.can_undo, ==, 1);

  /* The current design again: nothing recorded, nothing emitted. */
  g_assert_false (hl_document_commit (doc, d2, "nothing", NULL));
  g_assert_cmpuint (counts.changed, ==, 2);

  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d1);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_cmpuint (counts.can_redo, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);

  /* Back at the saved design: neither modified nor undoable. */
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d0);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_false (hl_document_can_undo (doc));
  g_assert_cmpuint (counts.modified, ==, 2);
  g_assert_cmpuint (counts.can_undo, ==, 2);
  g_assert_false (hl_document_undo (doc));
  g_assert_cmpuint (counts.changed, ==, 4);
  assert_dots_of (doc, d0);

  g_assert_true (hl_document_redo (doc));
  g_assert_true (hl_document_redo (doc));
  g_assert_false (hl_document_redo (doc));
  g_assert_true (hl_document_get_design (doc) == d2);
  g_assert_false (hl_document_can_redo (doc));
  g_assert_cmpuint (counts.modified, ==, 3);
  g_assert_cmpuint (counts.can_undo, ==, 3);
  g_assert_cmpuint (counts.can_redo, ==, 2);
  g_assert_cmpuint (counts.changed, ==, 6);
  assert_dots_of (doc, d2);

  /* Nothing here touched the file or the title. */
  g_assert_cmpuint (counts.title + counts.file + counts.loaded, ==, 0);
}

static void
on_selection_notify (HlDocument *doc,
                     GParamSpec *pspec,
                     guint      *count)
{
  (*count)++;
}

/* Commits with one merge key in a burst are one undo step; another key,
 * an undo in between or a load start a new one. The selected zone is the
 * document's: notified once per change, following an undo that removes
 * its zone, back to none on load. */
static void
test_merge_and_selection (void)
{
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) d1 = NULL;
  g_autoptr(HlDesign) d2 = NULL;
  g_autoptr(HlDesign) d3 = NULL;
  g_autoptr(HlDesign) fewer = NULL;
  HlDesign *d0;
  guint notified = 0, n_zones;

  g_assert_true (load (doc, path, &error));
  d0 = hl_document_get_design (doc);
  d1 = reseeded (d0, 11);
  d2 = reseeded (d1, 12);
  d3 = reseeded (d2, 13);

  g_assert_true (hl_document_commit (doc, d1, "Density", "zone 0: density"));
  g_assert_true (hl_document_commit (doc, d2, "Density", "zone 0: density"));
  g_assert_true (hl_document_get_design (doc) == d2);
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d0);
  g_assert_false (hl_document_can_undo (doc));

  /* After an undo and redo the same key starts a step of its own. */
  g_assert_true (hl_document_redo (doc));
  g_assert_true (hl_document_commit (doc, d3, "Density", "zone 0: density"));
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d2);

  /* Another key, or none: a step each. */
  g_assert_true (hl_document_commit (doc, d3, "Shade", "zone 0: shade"));
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d2);
  g_assert_true (hl_document_commit (doc, d3, "Reseed", NULL));
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == d2);

  g_signal_connect (doc, "notify::selected-zone", G_CALLBACK (on_selection_notify), &notified);
  n_zones = hl_view_get_n_zones (hl_design_get_view (d2, 0));
  g_assert_cmpuint (n_zones, >=, 2);
  hl_document_set_selected_zone (doc, (int) n_zones - 1);
  hl_document_set_selected_zone (doc, (int) n_zones - 1);
  g_assert_cmpuint (notified, ==, 1);
  /* Tools see the same selection through their host. */
  g_assert_cmpint (hl_tool_host_get_selected_zone (hl_document_get_tool_host (doc)), ==, (int) n_zones - 1);
  hl_tool_host_set_selected_zone (hl_document_get_tool_host (doc), 0);
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, 0);
  hl_document_set_selected_zone (doc, (int) n_zones - 1);
  g_assert_cmpuint (notified, ==, 3);

  fewer = hl_edit_remove_zone (d2, 0, n_zones - 1);
  g_assert_true (hl_document_commit (doc, fewer, "Delete zone", NULL));
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, (int) n_zones - 2);

  g_assert_true (load (doc, path, &error));
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, -1);
  wait_computed (doc);
}

/* A tool shows a preview during a gesture: the dots follow it, the history
 * does not. */
static void
test_show_preview (void)
{
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) preview = NULL;
  g_autoptr(HlDesign) further = NULL;
  HlDesign *current;
  Counts counts;

  g_assert_true (load (doc, path, &error));
  current = hl_document_get_design (doc);
  preview = hairline_moved (current, 4, 20, -10);
  further = hairline_moved (preview, 4, 5, 0);
  watch (doc, &counts);

  hl_document_show (doc, preview);
  g_assert_true (hl_document_get_shown (doc) == preview);
  g_assert_true (hl_document_get_design (doc) == current);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_cmpuint (counts.modified + counts.can_undo, ==, 0);
  assert_dots_of (doc, preview);

  /* The same preview again changes nothing. */
  hl_document_show (doc, preview);
  g_assert_cmpuint (counts.changed, ==, 1);

  hl_document_show (doc, further);
  g_assert_cmpuint (counts.changed, ==, 2);
  assert_dots_of (doc, further);

  /* Gesture abandoned: back to the current design and its dots. */
  hl_document_show (doc, NULL);
  g_assert_true (hl_document_get_shown (doc) == current);
  g_assert_cmpuint (counts.changed, ==, 3);
  assert_dots_of (doc, current);

  /* A tool at rest hands over the current design: no preview. */
  hl_document_show (doc, current);
  g_assert_cmpuint (counts.changed, ==, 3);

  /* A tool that commits through its host at the end of its gesture,
   * then asks to show what it holds: the document shows the commit. */
  hl_document_show (doc, further);
  g_assert_true (hl_tool_host_commit (hl_document_get_tool_host (doc), further, "Move hairline point", NULL));
  hl_document_show (doc, further);
  g_assert_true (hl_document_get_design (doc) == further);
  g_assert_true (hl_document_is_modified (doc));
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.changed, ==, 4);
  assert_dots_of (doc, further);
}

static void
test_save_and_reload (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (dir, "saved.json", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) again = hl_document_new ();
  g_autoptr(HlDesign) edited = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  Counts counts;

  g_assert_true (load (doc, sample, &error));
  edited = reseeded (hl_document_get_design (doc), 4242);
  hl_document_commit (doc, edited, "Reseed", NULL);
  /* The engine's dots for the reseeded design may arrive late on a busy
   * machine: count only what the save itself emits. */
  wait_computed (doc);
  watch (doc, &counts);

  g_assert_true (save (doc, target, &error));
  g_assert_no_error (error);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_true (g_file_equal (hl_document_get_file (doc), target_file));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "saved.json");
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.file, ==, 1);
  g_assert_cmpuint (counts.title, ==, 1);
  /* Saving does not change what is shown. */
  g_assert_cmpuint (counts.changed, ==, 0);
  /* Undo stays available after a save. */
  g_assert_true (hl_document_can_undo (doc));

  /* The photo lies outside the folder: its path was written absolute. */
  g_assert_true (load (again, target, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hl_document_get_photo (again));
  json = hl_design_to_json (hl_document_get_design (doc), NULL);
  json_again = hl_design_to_json (hl_document_get_design (again), NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_cmpuint (hl_document_get_design (again)->seed, ==, 4242);

  /* Saving where it already lives notifies only what changed. */
  memset (&counts, 0, sizeof counts);
  g_assert_true (save (doc, target, &error));
  g_assert_cmpuint (counts.file + counts.title + counts.modified, ==, 0);

  /* A folder that does not exist: an error, still unmodified, same file. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder.json", NULL);
    g_autoptr(HlDesign) later = reseeded (edited, 7);

    hl_document_commit (doc, later, "Reseed", NULL);
    g_assert_false (save (doc, nowhere, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (hl_document_is_modified (doc));
    g_assert_true (g_file_equal (hl_document_get_file (doc), target_file));
  }

  g_unlink (target);
  g_rmdir (dir);
}

/* The user keeps editing while the file is written: the document stays
 * modified, and the file holds the design as it was when saving began. */
static void
test_edit_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (dir, "design.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDesign) written = NULL;
  g_autoptr(HlDesign) during = NULL;
  g_autoptr(HlDesign) on_disk = NULL;
  Wait wait;

  g_assert_true (load (doc, sample, &error));
  written = reseeded (hl_document_get_design (doc), 1001);
  during = reseeded (written, 1002);
  hl_document_commit (doc, written, "Reseed", NULL);

  wait.loop = g_main_loop_new (NULL, FALSE);
  wait.result = NULL;
  hl_document_save_async (doc, file, NULL, on_done, &wait);
  /* The edit lands before the save's result is delivered. */
  hl_document_commit (doc, during, "Reseed again", NULL);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_save_finish (doc, wait.result, &error));
  g_assert_no_error (error);
  g_object_unref (wait.result);
  g_main_loop_unref (wait.loop);

  g_assert_true (hl_document_is_modified (doc));
  g_assert_true (g_file_equal (hl_document_get_file (doc), file));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_disk->seed, ==, 1001);

  /* Undoing the later edit returns to what the file holds. */
  g_assert_true (hl_document_undo (doc));
  g_assert_false (hl_document_is_modified (doc));

  g_unlink (target);
  g_rmdir (dir);
}

/* A second load started before the first ends wins; the first reports
 * that it was cancelled and changes nothing. */
static void
test_newer_load_wins (void)
{
  g_autofree char *design_path = sample_file ("front-consultation.json");
  g_autofree char *photo_path = sample_file ("astronaut.png");
  g_autoptr(GFile) first = g_file_new_for_path (design_path);
  g_autoptr(GFile) second = g_file_new_for_path (photo_path);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  Wait a = { g_main_loop_new (NULL, FALSE), NULL };
  Wait b = { g_main_loop_new (NULL, FALSE), NULL };

  hl_document_load_async (doc, first, NULL, on_done, &a);
  hl_document_load_async (doc, second, NULL, on_done, &b);
  while (a.result == NULL || b.result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (hl_document_load_finish (doc, a.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (hl_document_load_finish (doc, b.result, NULL));
  g_assert_cmpstr (hl_document_get_title (doc), ==, "astronaut.png");

  g_object_unref (a.result);
  g_object_unref (b.result);
  g_main_loop_unref (a.loop);
  g_main_loop_unref (b.loop);
}


static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
run_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (ms, quit_loop, loop);
  g_main_loop_run (loop);
}

static guint
n_files_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Unsaved changes are kept after a moment of quiet, go once saved or
 * undone, and a restored copy is the original file's design, unsaved. */
static void
test_autosave_and_adopt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) restored = hl_document_new ();
  g_autoptr(HlDesign) moved = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(HlDesign) kept = NULL;
  HlRecoveryEntry *entry;

  g_assert_true (load (doc, path, &error));
  hl_document_set_autosave (doc, dir, 50);

  /* Nothing unsaved: nothing written. */
  run_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 0);

  moved = hairline_moved (hl_document_get_design (doc), 4, 12, -3);
  g_assert_true (hl_document_commit (doc, moved, "Move", NULL));
  g_assert_cmpuint (n_files_in (dir), ==, 0);   /* not at once */
  run_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 2);   /* design and info */
  g_assert_nonnull (hl_document_get_recovery_id (doc));

  /* Written by this process: not an orphan while it runs. */
  entries = hl_recovery_list_orphans (dir);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Back to the saved design: the copy goes. */
  g_assert_true (hl_document_undo (doc));
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_assert_true (hl_document_redo (doc));
  run_for (150);
  g_assert_cmpuint (n_files_in (dir), ==, 2);

  /* The copy holds the unsaved design; restored, it belongs to the
   * sample's file again and is unsaved. */
  {
    g_autofree char *name = g_strconcat (hl_document_get_recovery_id (doc), ".json", NULL);
    g_autofree char *copy = g_build_filename (dir, name, NULL);
    HlRecoveryEntry fake = { (char *) hl_document_get_recovery_id (doc), copy, path,
                             (char *) "front-consultation.json", 0 };

    kept = hl_design_load_from_file (copy, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (hl_curve_get_points (hl_design_get_view (kept, 0)->hairline)[4].x, ==,
                       hl_curve_get_points (hl_design_get_view (moved, 0)->hairline)[4].x);

    g_assert_true (load (restored, copy, &error));
    entry = &fake;
    hl_document_adopt_recovery (restored, entry);
    g_assert_true (hl_document_is_modified (restored));
    g_assert_cmpstr (hl_document_get_title (restored), ==, "front-consultation.json");
    {
      g_autofree char *file = g_file_get_path (hl_document_get_file (restored));

      g_assert_cmpstr (file, ==, path);
    }
    g_assert_cmpstr (hl_document_get_recovery_id (restored), ==, hl_document_get_recovery_id (doc));
  }

  /* A document that ends normally leaves no copy. */
  g_clear_object (&doc);
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_clear_object (&restored);
  g_rmdir (dir);
  g_rmdir (tmp);
}

static gboolean
has_no_autosave_problem (gpointer doc)
{
  return hl_document_get_autosave_problem (doc) == NULL;
}

/* Runs the main loop until @condition holds; fails after @seconds. */
static void
wait_for (gboolean (*condition) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* A recovery folder that cannot be made (its parent is a regular file:
 * ENOTDIR, which stops root too): the document says so once, keeps
 * trying, and clears the problem when a copy is written once the folder
 * can be made, or when nothing is unsaved any more. */
static void
test_autosave_problem (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *blocker = g_build_filename (tmp, "blocker", NULL);
  g_autofree char *dir = g_build_filename (blocker, "recovery", NULL);
  g_autofree char *path = sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (tmp, "saved.json", NULL);
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDesign) moved = NULL;
  g_autoptr(HlDesign) again = NULL;
  g_autofree char *problem = NULL;
  Counts counts;

  g_assert_true (load (doc, path, &error));
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  hl_document_set_autosave (doc, dir, 50);
  watch (doc, &counts);
  g_assert_null (hl_document_get_autosave_problem (doc));

  moved = hairline_moved (hl_document_get_design (doc), 4, 12, -3);
  g_assert_true (hl_document_commit (doc, moved, "Move", NULL));
  run_for (150);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_test_message ("autosave problem: %s", hl_document_get_autosave_problem (doc));
  g_assert_nonnull (strstr (hl_document_get_autosave_problem (doc), dir));
  g_object_get (doc, "autosave-problem", &problem, NULL);
  g_assert_cmpstr (problem, ==, hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 1);

  /* Retried meanwhile (50, 100, 200 ms...): the same problem is not
   * notified again. */
  run_for (400);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 1);

  /* The folder can be made again: the next try writes the copy. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  wait_for (has_no_autosave_problem, doc, 20);
  g_assert_cmpuint (counts.autosave_problem, ==, 2);
  g_assert_cmpuint (n_files_in (dir), ==, 2);

  /* Broken again, then saved: nothing unsaved, nothing to warn about. */
  hl_document_set_autosave (doc, NULL, 50);
  g_assert_cmpuint (n_files_in (dir), ==, 2);   /* turned off: the copy stays */
  hl_recovery_remove (dir, hl_document_get_recovery_id (doc));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "not a folder", -1, &error));
  hl_document_set_autosave (doc, dir, 50);
  again = hairline_moved (moved, 4, 1, 1);
  g_assert_true (hl_document_commit (doc, again, "Move", NULL));
  run_for (150);
  g_assert_nonnull (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 3);
  g_assert_true (save (doc, target, &error));
  g_assert_no_error (error);
  g_assert_null (hl_document_get_autosave_problem (doc));
  g_assert_cmpuint (counts.autosave_problem, ==, 4);

  g_clear_object (&doc);
  g_unlink (target);
  g_unlink (blocker);
  g_rmdir (tmp);
}

static void
assert_same_pixels (HlPhoto *a,
                    HlPhoto *b)
{
  cairo_surface_t *sa = hl_photo_get_surface (a);
  cairo_surface_t *sb = hl_photo_get_surface (b);
  int height = cairo_image_surface_get_height (sa);
  int stride = cairo_image_surface_get_stride (sa);
  int row = cairo_image_surface_get_width (sa) * 4;

  g_assert_cmpint (cairo_image_surface_get_width (sa), ==, cairo_image_surface_get_width (sb));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (sb));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (sb));
  cairo_surface_flush (sa);
  cairo_surface_flush (sb);
  for (int y = 0; y < height; y++)
    g_assert_cmpmem (cairo_image_surface_get_data (sa) + (gsize) y * stride, row,
                     cairo_image_surface_get_data (sb) + (gsize) y * stride, row);
}

/* A design made from a pasted image: its recovery copy keeps the image
 * (0600, named by the recovery id) and refers to it; restored, the
 * document shows the same pixels and holds the image as a fresh paste
 * does, so that its first save writes NAME-photo.png. */
static void
test_recovery_keeps_pasted_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
  g_autofree char *src = sample_file ("astronaut.png");
  g_autofree char *target = g_build_filename (tmp, "R.json", NULL);
  g_autofree char *target_photo = g_build_filename (tmp, "R-photo.png", NULL);
  g_autofree char *png_data = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(HlDocument) restored = hl_document_new ();
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlDesign) kept = NULL;
  g_autoptr(HlDesign) saved = NULL;
  g_autofree char *photo_path = NULL;
  g_autofree char *json_name = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *kept_bytes = NULL;
  g_autofree char *written = NULL;
  const HlView *view;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };
  GStatBuf st;
  gsize len, kept_len, written_len;

  g_assert_true (g_file_get_contents (src, &png_data, &len, &error));
  png = g_bytes_new (png_data, len);
  hl_document_load_pasted_async (doc, png, "Pasted photo", NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_load_finish (doc, wait.result, &error));
  g_clear_object (&wait.result);
  hl_document_set_autosave (doc, dir, 50);

  edited = reseeded (hl_document_get_design (doc), 77);
  g_assert_true (hl_document_commit (doc, edited, "Reseed", NULL));
  run_for (200);
  g_assert_null (hl_document_get_autosave_problem (doc));
  g_assert_nonnull (hl_document_get_recovery_id (doc));
  g_assert_cmpuint (n_files_in (dir), ==, 3);   /* design, info, image */

  /* The image beside the copy: the pasted bytes, private. */
  photo_path = hl_recovery_photo_path (dir, hl_document_get_recovery_id (doc));
  g_assert_true (g_file_get_contents (photo_path, &kept_bytes, &kept_len, &error));
  g_assert_cmpmem (kept_bytes, kept_len, png_data, len);
  g_assert_cmpint (g_stat (photo_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  /* The copy refers to it by its path, with the image's hash. */
  json_name = g_strconcat (hl_document_get_recovery_id (doc), ".json", NULL);
  json_path = g_build_filename (dir, json_name, NULL);
  kept = hl_design_load_from_file (json_path, &error);
  g_assert_no_error (error);
  view = hl_design_get_view (kept, 0);
  g_assert_cmpstr (view->photo.path, ==, photo_path);
  g_assert_cmpstr (view->photo.sha256, ==, hl_photo_get_sha256 (hl_document_get_photo (doc)));
  g_assert_cmpuint (kept->seed, ==, 77);

  /* Another edit: the image is not written again. */
  g_assert_cmpint (g_chmod (photo_path, 0400), ==, 0);
  {
    g_autoptr(HlDesign) later = reseeded (edited, 78);

    g_assert_true (hl_document_commit (doc, later, "Reseed", NULL));
    run_for (200);
    g_assert_null (hl_document_get_autosave_problem (doc));
    g_assert_cmpint (g_stat (photo_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 0400);
    g_assert_cmpint (g_chmod (photo_path, 0600), ==, 0);
  }

  /* Restored as the next start would: the entry of this copy. */
  {
    HlRecoveryEntry entry = { (char *) hl_document_get_recovery_id (doc), json_path, NULL,
                              (char *) "Pasted photo", 0, photo_path };

    /* As a window's document: keeping its copies in the same folder. */
    hl_document_set_autosave (restored, dir, 50);
    hl_document_load_recovery_async (restored, &entry, NULL, on_done, &wait);
    g_main_loop_run (wait.loop);
    g_assert_true (hl_document_load_finish (restored, wait.result, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
  }
  g_assert_true (hl_document_is_modified (restored));
  g_assert_null (hl_document_get_file (restored));
  g_assert_cmpstr (hl_document_get_title (restored), ==, "Pasted photo");
  g_assert_cmpstr (hl_document_get_recovery_id (restored), ==, hl_document_get_recovery_id (doc));
  g_assert_cmpuint (hl_document_get_design (restored)->seed, ==, 78);
  g_assert_null (hl_document_get_photo_problem (restored));
  g_assert_nonnull (hl_document_get_photo (restored));
  g_assert_cmpstr (hl_photo_get_sha256 (hl_document_get_photo (restored)), ==,
                   hl_photo_get_sha256 (hl_document_get_photo (doc)));
  assert_same_pixels (hl_document_get_photo (restored), hl_document_get_photo (doc));
  /* No file of its own, as after a paste. */
  view = hl_design_get_view (hl_document_get_design (restored), 0);
  g_assert_null (view->photo.path);

  /* The first save writes the image beside the design. */
  g_assert_true (save (restored, target, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (target_photo, &written, &written_len, &error));
  g_assert_cmpmem (written, written_len, png_data, len);
  saved = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_design_get_view (saved, 0)->photo.path, ==, "R-photo.png");
  /* Nothing unsaved: the copy and its image are gone. */
  g_assert_false (hl_document_is_modified (restored));
  g_assert_false (g_file_test (json_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (photo_path, G_FILE_TEST_EXISTS));

  g_clear_object (&restored);
  g_clear_object (&doc);
  g_assert_cmpuint (n_files_in (dir), ==, 0);
  g_main_loop_unref (wait.loop);
  g_unlink (target);
  g_unlink (target_photo);
  g_rmdir (dir);
  g_rmdir (tmp);
}

/* The real thing: a process that pasted an image and edited is killed
 * (SIGKILL, nothing runs at exit); its copy is an orphan whose entry has
 * the image, and restoring it shows the same pixels. */
static void
test_pasted_photo_survives_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = sample_file ("astronaut.png");
  g_autofree char *png_data = NULL;
  g_autoptr(GBytes) png = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &png_data, &len, &error));
  png = g_bytes_new (png_data, len);

  if (g_test_subprocess ())
    {
      HlDocument *doc = hl_document_new ();
      g_autoptr(HlDesign) edited = NULL;
      Wait wait = { g_main_loop_new (NULL, FALSE), NULL };

      hl_document_set_autosave (doc, g_getenv ("HL_TEST_RECOVERY_DIR"), 50);
      hl_document_load_pasted_async (doc, png, "Pasted photo", NULL, on_done, &wait);
      g_main_loop_run (wait.loop);
      g_assert_true (hl_document_load_finish (doc, wait.result, &error));
      edited = reseeded (hl_document_get_design (doc), 99);
      g_assert_true (hl_document_commit (doc, edited, "Reseed", NULL));
      run_for (300);
      g_assert_null (hl_document_get_autosave_problem (doc));
      raise (SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
    g_autofree char *dir = g_build_filename (tmp, "recovery", NULL);
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(HlDocument) restored = hl_document_new ();
    g_autoptr(HlPhoto) pasted = hl_photo_load_bytes (png, "astronaut.png", &error);
    HlRecoveryEntry *entry;
    Wait wait = { g_main_loop_new (NULL, FALSE), NULL };

    g_setenv ("HL_TEST_RECOVERY_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();
    g_unsetenv ("HL_TEST_RECOVERY_DIR");

    entries = hl_recovery_list_orphans (dir);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_nonnull (entry->photo_path);
    g_assert_cmpstr (entry->title, ==, "Pasted photo");

    hl_document_set_autosave (restored, dir, 50);
    hl_document_load_recovery_async (restored, entry, NULL, on_done, &wait);
    g_main_loop_run (wait.loop);
    g_assert_true (hl_document_load_finish (restored, wait.result, &error));
    g_assert_no_error (error);
    g_clear_object (&wait.result);
    g_main_loop_unref (wait.loop);
    g_assert_cmpuint (hl_document_get_design (restored)->seed, ==, 99);
    g_assert_nonnull (hl_document_get_photo (restored));
    assert_same_pixels (hl_document_get_photo (restored), pasted);

    /* Discarded (the window closes unsaved): nothing is left. */
    g_clear_object (&restored);
    g_assert_cmpuint (n_files_in (dir), ==, 0);
    g_rmdir (dir);
    g_rmdir (tmp);
  }
}

/* Two sessions on one file: the second save does not silently discard
 * the first's; it fails with G_IO_ERROR_WRONG_ETAG, writes nothing, and
 * writes when forced. A file another program replaced is seen too; a
 * file that is gone is written again. */
static void
test_save_changed_on_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *sample = sample_file ("front-consultation.json");
  g_autofree char *target = g_build_filename (tmp, "design.json", NULL);
  g_autofree char *other_target = g_build_filename (tmp, "elsewhere.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(HlDocument) first = hl_document_new ();
  g_autoptr(HlDocument) second = hl_document_new ();
  g_autoptr(HlDesign) first_edit = NULL;
  g_autoptr(HlDesign) second_edit = NULL;
  g_autoptr(HlDesign) on_disk = NULL;
  g_autofree char *text = NULL;
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };

  g_assert_true (load (first, sample, &error));
  g_assert_true (save (first, target, &error));
  g_assert_true (load (second, target, &error));

  /* Both edit; the second saves first, then the first tries. */
  second_edit = reseeded (hl_document_get_design (second), 2002);
  g_assert_true (hl_document_commit (second, second_edit, "Reseed", NULL));
  first_edit = reseeded (hl_document_get_design (first), 1001);
  g_assert_true (hl_document_commit (first, first_edit, "Reseed", NULL));
  g_assert_true (save (second, target, &error));
  g_assert_no_error (error);

  g_assert_false (save (first, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "design.json"));
  g_clear_error (&error);
  g_assert_true (hl_document_is_modified (first));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_disk->seed, ==, 2002);
  g_clear_pointer (&on_disk, hl_design_unref);

  /* Asked, the user overwrites. */
  hl_document_save_full_async (first, file, HL_DOCUMENT_SAVE_FORCE, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_assert_true (hl_document_save_finish (first, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_false (hl_document_is_modified (first));
  on_disk = hl_design_load_from_file (target, &error);
  g_assert_cmpuint (on_disk->seed, ==, 1001);
  g_clear_pointer (&on_disk, hl_design_unref);

  /* Its own saves are not changes from elsewhere. */
  {
    g_autoptr(HlDesign) next = reseeded (first_edit, 1003);

    g_assert_true (hl_document_commit (first, next, "Reseed", NULL));
    g_assert_true (save (first, target, &error));
    g_assert_no_error (error);
  }

  /* Another program replaces the file (as editors do: a new inode). */
  g_assert_true (g_file_get_contents (target, &text, NULL, &error));
  g_assert_true (g_file_set_contents (target, text, -1, &error));
  {
    g_autoptr(HlDesign) next = reseeded (first_edit, 1004);

    g_assert_true (hl_document_commit (first, next, "Reseed", NULL));
    g_assert_false (save (first, target, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
    g_clear_error (&error);

    /* Saving elsewhere is not checked. */
    g_assert_true (save (first, other_target, &error));
    g_assert_no_error (error);
  }

  /* The file is gone: written again. */
  {
    g_autoptr(HlDesign) next = reseeded (first_edit, 1005);

    g_assert_true (load (second, target, &error));
    g_assert_cmpint (g_unlink (target), ==, 0);
    g_assert_true (hl_document_commit (second, next, "Reseed", NULL));
    g_assert_true (save (second, target, &error));
    g_assert_no_error (error);
    on_disk = hl_design_load_from_file (target, &error);
    g_assert_cmpuint (on_disk->seed, ==, 1005);
  }

  g_main_loop_unref (wait.loop);
  g_unlink (target);
  g_unlink (other_target);
  g_rmdir (tmp);
}

static void
on_view_index (HlDocument *doc,
               GParamSpec *pspec,
               GMainLoop  *loop)
{
  g_main_loop_quit (loop);
}

/* Another view: its chart loaded and its dots made on a worker, then the
 * view-index notification; a later switch supersedes an earlier one. */
static void
test_switch_view (void)
{
  g_autofree char *path = sample_file ("head-chart-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) expected = NULL;
  HlDesign *design;
  gsize n = 0;
  const HlDot *dots;
  gulong id;

  g_assert_true (load (doc, path, &error));
  g_assert_no_error (error);
  design = hl_document_get_design (doc);
  g_assert_cmpuint (hl_design_get_n_views (design), ==, 2);
  g_assert_cmpint (hl_photo_get_height (hl_document_get_photo (doc)), ==, 3000);

  id = g_signal_connect (doc, "notify::view-index", G_CALLBACK (on_view_index), loop);
  hl_document_set_view_index (doc, 1);
  /* Nothing changes until the worker is done. */
  g_assert_cmpuint (hl_document_get_view_index (doc), ==, 0);
  g_main_loop_run (loop);
  g_assert_cmpuint (hl_document_get_view_index (doc), ==, 1);
  g_assert_cmpint (hl_photo_get_height (hl_document_get_photo (doc)), ==, 2800);
  g_assert_null (hl_document_get_photo_problem (doc));

  /* The engine follows the view shown. */
  expected = hl_stipple_view (hl_design_get_view (design, 1), design->seed);
  dots = hl_document_get_dots (doc, &n);
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpfloat (dots[0].x, ==, g_array_index (expected, HlDot, 0).x);

  /* Two switches in a row: the last one wins. */
  hl_document_set_view_index (doc, 1);
  hl_document_set_view_index (doc, 0);
  g_main_loop_run (loop);
  g_assert_cmpuint (hl_document_get_view_index (doc), ==, 0);
  g_assert_cmpint (hl_photo_get_height (hl_document_get_photo (doc)), ==, 3000);
  g_signal_handler_disconnect (doc, id);
}

/* Engine off the main thread */

/* A design of one view (no photo, default calibration) with a small zone
 * and, for each of @sides not 0, a square zone of that side in px at
 * @density; @views copies of that view. Transfer full. */
static HlDesign *
built_design (guint         views,
              const double *sides,
              guint         n_sides,
              double        density)
{
  g_autoptr(GString) s = g_string_new ("{\"format\": \"hairline-studio-design\", \"version\": 2,"
                                       " \"engine_version\": 1, \"seed\": 7, \"views\": [");
  g_autoptr(GError) error = NULL;
  HlDesign *design;

  for (guint v = 0; v < views; v++)
    {
      g_string_append_printf (s, "%s{\"name\": \"v%u\", \"zones\": [{\"name\": \"small\", \"kind\": \"custom\","
                              " \"density\": 60, \"boundary\": [[0, 0], [400, 0], [400, 400], [0, 400]]}",
                              v > 0 ? ", " : "", v);
      for (guint i = 0; i < n_sides; i++)
        g_string_append_printf (s, ", {\"name\": \"big%u\", \"kind\": \"custom\", \"density\": %g,"
                                " \"boundary\": [[1000, 0], [%g, 0], [%g, %g], [1000, %g]]}",
                                i, density, 1000 + sides[i], 1000 + sides[i], sides[i], sides[i]);
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}");
  design = hl_design_load_from_data (s->str, s->len, &error);
  g_assert_no_error (error);
  return design;
}

/* A document holding the small design only, from a file. */
static HlDocument *
small_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "small.json", NULL);
  g_autoptr(HlDesign) small = built_design (1, NULL, 0, 0);
  HlDocument *doc = hl_document_new ();

  g_assert_no_error (error);
  g_assert_true (hl_design_save_to_file (small, path, &error));
  g_assert_true (load (doc, path, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  assert_dots_of (doc, hl_document_get_design (doc));
  return doc;
}

/* About 1.5 million candidates: a few tenths of a second of work. */
static const double big_side[] = { 3200 };

typedef struct
{
  guint    computing;
  guint    progress;
  guint    changed;
  double   last_progress;
  gboolean progress_backwards;
  gboolean mixed;            /* dots that are not those of their design */
} Engine;

static void
on_engine_notify (HlDocument *doc,
                  GParamSpec *pspec,
                  Engine     *e)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "computing"))
    {
      e->computing++;
      e->last_progress = 0.0;
    }
  else if (g_str_equal (g_param_spec_get_name (pspec), "progress"))
    {
      double p = hl_document_get_progress (doc);

      e->progress++;
      if (hl_document_is_computing (doc) && p < e->last_progress)
        e->progress_backwards = TRUE;
      e->last_progress = p;
    }
}

/* Every "changed" carries dots of one design: as many zones as it has,
 * each dot labelled with one of them. */
static void
on_engine_changed (HlDocument *doc,
                   Engine     *e)
{
  HlDesign *design = hl_document_get_dots_design (doc);
  guint n_zones = hl_view_get_n_zones (hl_design_get_view (design, 0));
  gsize n = 0;
  const HlDot *dots = hl_document_get_dots (doc, &n);
  HlZoneStats stats;
  gsize counted = 0;

  e->changed++;
  for (gsize i = 0; i < n; i++)
    if (dots[i].zone != HL_DOT_MANUAL && dots[i].zone >= n_zones)
      e->mixed = TRUE;
  for (guint z = 0; hl_document_get_zone_stats (doc, z, &stats); z++)
    counted += stats.dots;
  if (counted != n)
    e->mixed = TRUE;
  if (hl_document_get_zone_stats (doc, n_zones, &stats))
    e->mixed = TRUE;
}

static void
watch_engine (HlDocument *doc,
              Engine     *e)
{
  memset (e, 0, sizeof *e);
  g_signal_connect (doc, "notify", G_CALLBACK (on_engine_notify), e);
  g_signal_connect (doc, "changed", G_CALLBACK (on_engine_changed), e);
}

/* A large edit: the push returns at once with the old dots still shown,
 * progress moves forward, then the new dots come with a "changed". */
static void
test_compute_in_background (void)
{
  g_autoptr(HlDocument) doc = small_document ();
  HlDesign *small = hl_document_get_design (doc);
  g_autoptr(HlDesign) big = built_design (1, big_side, 1, 400);
  Engine e;
  gint64 t0;

  watch_engine (doc, &e);
  t0 = g_get_monotonic_time ();
  g_assert_true (hl_document_commit (doc, big, "Add a large zone", NULL));
  g_test_message ("push returned after %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 200 * 1000);

  /* The new design is shown; its dots are not there yet. */
  g_assert_true (hl_document_get_shown (doc) == big);
  g_assert_true (hl_document_is_computing (doc));
  g_assert_true (hl_document_get_dots_design (doc) == small);
  g_assert_cmpfloat (hl_document_get_progress (doc), <, 1.0);
  g_assert_cmpuint (e.changed, ==, 1);

  wait_computed (doc);
  g_test_message ("dots after %.0f ms, %u progress notifications",
                  (g_get_monotonic_time () - t0) / 1000.0, e.progress);
  g_assert_cmpuint (e.changed, ==, 2);
  g_assert_cmpuint (e.computing, ==, 2);
  g_assert_cmpuint (e.progress, >=, 3);
  g_assert_false (e.progress_backwards);
  g_assert_false (e.mixed);
  g_assert_cmpfloat (hl_document_get_progress (doc), ==, 1.0);
  assert_dots_of (doc, big);
}

/* Edits that come faster than the engine: the newest design wins, every
 * "changed" has the dots of one whole design, and the last are the
 * newest's. */
static void
test_newest_wins (void)
{
  g_autoptr(HlDocument) doc = small_document ();
  HlDesign *designs[4];
  Engine e;

  watch_engine (doc, &e);
  for (guint i = 0; i < G_N_ELEMENTS (designs); i++)
    {
      designs[i] = built_design (1, big_side, 1, 300 + 25 * i);
      g_assert_true (hl_document_commit (doc, designs[i], "Density", NULL));
      g_assert_true (hl_document_is_computing (doc));
    }
  wait_computed (doc);
  g_test_message ("%u changed for %u designs", e.changed, (guint) G_N_ELEMENTS (designs));
  g_assert_false (e.mixed);
  /* One per design shown, and at most one per design that finished. */
  g_assert_cmpuint (e.changed, >=, G_N_ELEMENTS (designs) + 1);
  g_assert_cmpuint (e.changed, <=, 2 * G_N_ELEMENTS (designs));
  assert_dots_of (doc, designs[G_N_ELEMENTS (designs) - 1]);
  for (guint i = 0; i < G_N_ELEMENTS (designs); i++)
    hl_design_unref (designs[i]);
}

/* Stop: the dots stay those of the design before, the engine stays
 * usable, and the next edit gets exact dots. */
static void
test_stop_computing (void)
{
  g_autoptr(HlDocument) doc = small_document ();
  HlDesign *small = hl_document_get_design (doc);
  g_autoptr(HlDesign) big = built_design (1, big_side, 1, 400);
  g_autoptr(HlDesign) other = built_design (1, big_side, 1, 350);
  Engine e;

  g_assert_false (hl_document_stop_computing (doc));
  watch_engine (doc, &e);
  g_assert_true (hl_document_commit (doc, big, "Add a large zone", NULL));
  g_assert_true (hl_document_is_computing (doc));
  g_assert_true (hl_document_stop_computing (doc));
  g_assert_false (hl_document_is_computing (doc));
  g_assert_cmpfloat (hl_document_get_progress (doc), ==, 1.0);

  /* Long enough for the whole job: nothing arrives. */
  spin_for (1500);
  g_assert_true (hl_document_get_shown (doc) == big);
  g_assert_true (hl_document_get_dots_design (doc) == small);
  g_assert_cmpuint (e.changed, ==, 1);

  g_assert_true (hl_document_commit (doc, other, "Density", NULL));
  assert_dots_of (doc, other);
  g_assert_false (e.mixed);
}

/* Undo while a large edit computes: the computation gives way and the
 * dots are those of the design undone to. */
static void
test_undo_during_compute (void)
{
  g_autoptr(HlDocument) doc = small_document ();
  HlDesign *small = hl_document_get_design (doc);
  g_autoptr(HlDesign) big = built_design (1, big_side, 1, 400);
  Engine e;

  watch_engine (doc, &e);
  g_assert_true (hl_document_commit (doc, big, "Add a large zone", NULL));
  g_assert_true (hl_document_is_computing (doc));
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_shown (doc) == small);
  assert_dots_of (doc, small);
  g_assert_false (e.mixed);

  /* The large design's result, if it was finished, never replaces them. */
  spin_for (1000);
  g_assert_true (hl_document_get_dots_design (doc) == small);
  g_assert_false (hl_document_is_computing (doc));

  /* Redo computes it again. */
  g_assert_true (hl_document_redo (doc));
  assert_dots_of (doc, big);
}

static void
on_refused (HlDocument *doc,
            const char *message,
            char      **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

/* The dot budget counts every view: an edit that would pass it is not
 * applied, pushed by the document or committed by a tool into the
 * history, and says why. */
static void
test_budget_refused (void)
{
  g_autoptr(HlDocument) doc = small_document ();
  HlDesign *small = hl_document_get_design (doc);
  /* Two views of two 2.1 M zones: each view fits, the design does not
   * (built in memory: loading refuses it). */
  static const double two[] = { 3800, 3800 };
  g_autoptr(HlDesign) one_view = built_design (1, two, 2, 400);
  g_autoptr(HlDesign) views = hl_design_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(HlView) view = hl_view_new (v == 0 ? "front" : "top");

      for (guint z = 0; z < hl_view_get_n_zones (hl_design_get_view (one_view, 0)); z++)
        hl_view_append_zone (view, hl_view_get_zone (hl_design_get_view (one_view, 0), z));
      hl_design_append_view (views, view);
    }

  g_assert_true (hl_design_check_budget (one_view, NULL));
  g_assert_false (hl_design_check_budget (views, &error));
  g_test_message ("%s", error->message);

  g_signal_connect (doc, "refused", G_CALLBACK (on_refused), &message);

  /* Pushed: refused, nothing changes. */
  g_assert_false (hl_document_commit (doc, views, "Add a view", NULL));
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, "Edit not applied: views[1].zones[2]: "));
  g_assert_nonnull (strstr (message, "the limit is 8 million over all views"));
  g_assert_true (hl_document_get_design (doc) == small);
  g_assert_true (hl_document_get_shown (doc) == small);
  g_assert_false (hl_document_can_undo (doc));
  g_assert_false (hl_document_is_modified (doc));
  g_assert_false (hl_document_is_computing (doc));

  /* Within the budget: applied (a step to undo). */
  g_clear_pointer (&message, g_free);
  g_assert_true (hl_document_commit (doc, one_view, "Add zones", NULL));
  g_assert_null (message);
  g_assert_true (hl_document_get_design (doc) == one_view);

  /* Committed by a tool through its host: refused the same way, before
   * the history is touched; the step before stays. */
  g_clear_pointer (&message, g_free);
  g_assert_false (hl_tool_host_commit (hl_document_get_tool_host (doc), views, "Add a view", NULL));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Edit not applied: "));
  g_assert_true (hl_document_get_design (doc) == one_view);
  g_assert_true (hl_document_get_shown (doc) == one_view);
  g_assert_false (hl_document_can_redo (doc));
  g_assert_true (hl_document_can_undo (doc));
  wait_computed (doc);
  g_assert_true (hl_document_get_dots_design (doc) == one_view);

  /* A burst that would merge into the last step is refused as well: the
   * step keeps its design. */
  g_clear_pointer (&message, g_free);
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_commit (doc, one_view, "Add zones", "zones"));
  g_assert_false (hl_document_commit (doc, views, "Add zones", "zones"));
  g_assert_nonnull (message);
  g_assert_true (hl_document_get_design (doc) == one_view);
  g_assert_true (hl_document_undo (doc));
  g_assert_true (hl_document_get_design (doc) == small);
  g_assert_false (hl_document_can_undo (doc));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/load-design", test_load_design);
  g_test_add_func ("/document/load-photo", test_load_photo);
  g_test_add_func ("/document/load-errors", test_load_errors);
  g_test_add_func ("/document/push-undo-redo", test_push_undo_redo);
  g_test_add_func ("/document/show-preview", test_show_preview);
  g_test_add_func ("/document/merge-and-selection", test_merge_and_selection);
  g_test_add_func ("/document/save-and-reload", test_save_and_reload);
  g_test_add_func ("/document/edit-during-save", test_edit_during_save);
  g_test_add_func ("/document/newer-load-wins", test_newer_load_wins);
  g_test_add_func ("/document/autosave-and-adopt", test_autosave_and_adopt);
  g_test_add_func ("/document/autosave-problem", test_autosave_problem);
  g_test_add_func ("/document/recovery-keeps-pasted-photo", test_recovery_keeps_pasted_photo);
  g_test_add_func ("/document/pasted-photo-survives-kill", test_pasted_photo_survives_kill);
  g_test_add_func ("/document/save-changed-on-disk", test_save_changed_on_disk);
  g_test_add_func ("/document/switch-view", test_switch_view);
  g_test_add_func ("/document/compute-in-background", test_compute_in_background);
  g_test_add_func ("/document/newest-wins", test_newest_wins);
  g_test_add_func ("/document/stop-computing", test_stop_computing);
  g_test_add_func ("/document/undo-during-compute", test_undo_during_compute);
  g_test_add_func ("/document/budget-refused", test_budget_refused);

  return g_test_run ();
}
