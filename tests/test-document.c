/* test-document.c: the document model without any widget: loads, undo,
 * previews, views and the engine off the main thread (its files:
 * test-document-files.c).
 *
 * Loads and saves run on a worker thread; each test runs a main loop until
 * the completion callback, as the window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-document.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-document-test-util.h"

static void
test_load_design (void)
{
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autofree char *photo_path = hl_doc_test_sample_file ("astronaut.png");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HlDesign *design;
  HlDocCounts counts;

  g_assert_null (hl_document_get_design (doc));
  g_assert_false (hl_document_can_undo (doc));
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, -1);
  g_assert_null (hl_document_get_title (doc));
  g_assert_null (hl_document_get_dots (doc, NULL));
  hl_doc_test_watch (doc, &counts);

  g_assert_true (hl_doc_test_load (doc, path, &error));
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
  hl_doc_test_assert_dots_of (doc, design);
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
  g_autofree char *path = hl_doc_test_sample_file ("astronaut.png");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  const HlView *view;
  HlDocCounts counts;

  hl_doc_test_watch (doc, &counts);
  g_assert_true (hl_doc_test_load (doc, path, &error));
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
  HlDocCounts counts;

  hl_doc_test_watch (doc, &counts);

  g_assert_false (hl_doc_test_load (doc, path, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", path, error->message);

  g_assert_true (hl_document_get_design (doc) == design);
  g_assert_true (hl_document_get_photo (doc) == photo);
  g_assert_true (hl_document_can_undo (doc) == can_undo);
  g_assert_true (hl_document_get_file (doc) == file);
  g_assert_cmpstr (hl_document_get_title (doc), ==, title);
  g_assert_cmpuint (counts.changed + counts.loaded + counts.modified + counts.can_undo +
                    counts.can_redo + counts.title + counts.file, ==, 0);

  g_signal_handlers_disconnect_by_data (doc, &counts);
}

static void
test_load_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-doc-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.png", NULL);
  g_autofree char *sample = hl_doc_test_sample_file ("front-consultation.json");
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
  g_assert_true (hl_doc_test_load (doc, sample, &error));
  g_assert_no_error (error);
  assert_load_fails (doc, missing, HL_ERROR, HL_ERROR_IO);
  assert_load_fails (doc, broken, HL_ERROR, HL_ERROR_PARSE);
  assert_load_fails (doc, text, HL_ERROR, HL_ERROR_PHOTO);
  hl_doc_test_assert_dots_of (doc, hl_document_get_design (doc));

  g_unlink (broken);
  g_unlink (text);
  g_rmdir (dir);
}

static void
test_push_undo_redo (void)
{
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) d1 = NULL;
  g_autoptr(HlDesign) d2 = NULL;
  HlDesign *d0;
  HlDocCounts counts;

  g_assert_true (hl_doc_test_load (doc, path, &error));
  d0 = hl_document_get_design (doc);
  d1 = hl_doc_test_hairline_moved (d0, 3, 12, -4);
  d2 = hl_doc_test_hairline_moved (d1, 5, -6, 3);
  hl_doc_test_watch (doc, &counts);

  g_assert_true (hl_document_commit (doc, d1, "Move hairline point", NULL));
  g_assert_true (hl_document_get_design (doc) == d1);
  g_assert_true (hl_document_is_modified (doc));
  g_assert_true (hl_document_can_undo (doc));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 0);
  hl_doc_test_assert_dots_of (doc, d1);

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
  hl_doc_test_assert_dots_of (doc, d0);

  g_assert_true (hl_document_redo (doc));
  g_assert_true (hl_document_redo (doc));
  g_assert_false (hl_document_redo (doc));
  g_assert_true (hl_document_get_design (doc) == d2);
  g_assert_false (hl_document_can_redo (doc));
  g_assert_cmpuint (counts.modified, ==, 3);
  g_assert_cmpuint (counts.can_undo, ==, 3);
  g_assert_cmpuint (counts.can_redo, ==, 2);
  g_assert_cmpuint (counts.changed, ==, 6);
  hl_doc_test_assert_dots_of (doc, d2);

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
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) d1 = NULL;
  g_autoptr(HlDesign) d2 = NULL;
  g_autoptr(HlDesign) d3 = NULL;
  g_autoptr(HlDesign) fewer = NULL;
  HlDesign *d0;
  guint notified = 0, n_zones;

  g_assert_true (hl_doc_test_load (doc, path, &error));
  d0 = hl_document_get_design (doc);
  d1 = hl_doc_test_reseeded (d0, 11);
  d2 = hl_doc_test_reseeded (d1, 12);
  d3 = hl_doc_test_reseeded (d2, 13);

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

  g_assert_true (hl_doc_test_load (doc, path, &error));
  g_assert_cmpint (hl_document_get_selected_zone (doc), ==, -1);
  hl_doc_test_wait_computed (doc);
}

/* A tool shows a preview during a gesture: the dots follow it, the history
 * does not. */
static void
test_show_preview (void)
{
  g_autofree char *path = hl_doc_test_sample_file ("front-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) preview = NULL;
  g_autoptr(HlDesign) further = NULL;
  HlDesign *current;
  HlDocCounts counts;

  g_assert_true (hl_doc_test_load (doc, path, &error));
  current = hl_document_get_design (doc);
  preview = hl_doc_test_hairline_moved (current, 4, 20, -10);
  further = hl_doc_test_hairline_moved (preview, 4, 5, 0);
  hl_doc_test_watch (doc, &counts);

  hl_document_show (doc, preview);
  g_assert_true (hl_document_get_shown (doc) == preview);
  g_assert_true (hl_document_get_design (doc) == current);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_false (hl_document_is_modified (doc));
  g_assert_cmpuint (counts.modified + counts.can_undo, ==, 0);
  hl_doc_test_assert_dots_of (doc, preview);

  /* The same preview again changes nothing. */
  hl_document_show (doc, preview);
  g_assert_cmpuint (counts.changed, ==, 1);

  hl_document_show (doc, further);
  g_assert_cmpuint (counts.changed, ==, 2);
  hl_doc_test_assert_dots_of (doc, further);

  /* Gesture abandoned: back to the current design and its dots. */
  hl_document_show (doc, NULL);
  g_assert_true (hl_document_get_shown (doc) == current);
  g_assert_cmpuint (counts.changed, ==, 3);
  hl_doc_test_assert_dots_of (doc, current);

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
  hl_doc_test_assert_dots_of (doc, further);
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
  g_autofree char *path = hl_doc_test_sample_file ("head-chart-consultation.json");
  g_autoptr(HlDocument) doc = hl_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) expected = NULL;
  HlDesign *design;
  gsize n = 0;
  const HlDot *dots;
  gulong id;

  g_assert_true (hl_doc_test_load (doc, path, &error));
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
  g_assert_true (hl_doc_test_load (doc, path, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  hl_doc_test_assert_dots_of (doc, hl_document_get_design (doc));
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

  hl_doc_test_wait_computed (doc);
  g_test_message ("dots after %.0f ms, %u progress notifications",
                  (g_get_monotonic_time () - t0) / 1000.0, e.progress);
  g_assert_cmpuint (e.changed, ==, 2);
  g_assert_cmpuint (e.computing, ==, 2);
  g_assert_cmpuint (e.progress, >=, 3);
  g_assert_false (e.progress_backwards);
  g_assert_false (e.mixed);
  g_assert_cmpfloat (hl_document_get_progress (doc), ==, 1.0);
  hl_doc_test_assert_dots_of (doc, big);
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
  hl_doc_test_wait_computed (doc);
  g_test_message ("%u changed for %u designs", e.changed, (guint) G_N_ELEMENTS (designs));
  g_assert_false (e.mixed);
  /* One per design shown, and at most one per design that finished. */
  g_assert_cmpuint (e.changed, >=, G_N_ELEMENTS (designs) + 1);
  g_assert_cmpuint (e.changed, <=, 2 * G_N_ELEMENTS (designs));
  hl_doc_test_assert_dots_of (doc, designs[G_N_ELEMENTS (designs) - 1]);
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
  hl_doc_test_spin_for (1500);
  g_assert_true (hl_document_get_shown (doc) == big);
  g_assert_true (hl_document_get_dots_design (doc) == small);
  g_assert_cmpuint (e.changed, ==, 1);

  g_assert_true (hl_document_commit (doc, other, "Density", NULL));
  hl_doc_test_assert_dots_of (doc, other);
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
  hl_doc_test_assert_dots_of (doc, small);
  g_assert_false (e.mixed);

  /* The large design's result, if it was finished, never replaces them. */
  hl_doc_test_spin_for (1000);
  g_assert_true (hl_document_get_dots_design (doc) == small);
  g_assert_false (hl_document_is_computing (doc));

  /* Redo computes it again. */
  g_assert_true (hl_document_redo (doc));
  hl_doc_test_assert_dots_of (doc, big);
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
  hl_doc_test_wait_computed (doc);
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
  g_test_add_func ("/document/switch-view", test_switch_view);
  g_test_add_func ("/document/compute-in-background", test_compute_in_background);
  g_test_add_func ("/document/newest-wins", test_newest_wins);
  g_test_add_func ("/document/stop-computing", test_stop_computing);
  g_test_add_func ("/document/undo-during-compute", test_undo_during_compute);
  g_test_add_func ("/document/budget-refused", test_budget_refused);

  return g_test_run ();
}
