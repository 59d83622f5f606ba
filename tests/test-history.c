/* test-history.c: undo, redo and the modified state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-history.h"

/* A design whose only view's seed-like field differs: each call is a
 * distinct, shareable value. */
static HlDesign *
edit (HlDesign *from,
      guint32   seed)
{
  HlDesign *next = hl_design_copy (from);

  hl_design_set_seed (next, seed);
  return next;
}

static void
test_undo_redo (void)
{
  g_autoptr(HlDesign) d0 = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  g_autoptr(HlHistory) h = NULL;
  g_autoptr(HlDesign) d1 = NULL;
  g_autoptr(HlDesign) d2 = NULL;
  g_autoptr(HlDesign) d3 = NULL;

  hl_design_append_view (d0, view);
  h = hl_history_new (d0, 10);
  g_assert_false (hl_history_can_undo (h));
  g_assert_false (hl_history_is_modified (h));

  d1 = edit (d0, 1);
  d2 = edit (d1, 2);
  g_assert_true (hl_history_push (h, d1, "Change seed"));
  g_assert_true (hl_history_push (h, d2, "Change seed again"));
  g_assert_false (hl_history_push (h, d2, "nothing"));   /* same value: skipped */
  g_assert_true (hl_history_is_modified (h));
  g_assert_cmpstr (hl_history_get_undo_label (h), ==, "Change seed again");

  /* Snapshots share what did not change. */
  g_assert_true (hl_design_get_view (d2, 0) == hl_design_get_view (d0, 0));

  g_assert_true (hl_history_undo (h) == d1);
  g_assert_true (hl_history_undo (h) == d0);
  g_assert_null (hl_history_undo (h));
  g_assert_false (hl_history_is_modified (h));       /* back at the saved state */
  g_assert_cmpstr (hl_history_get_redo_label (h), ==, "Change seed");
  g_assert_true (hl_history_redo (h) == d1);

  /* A new edit after undo drops the redo branch. */
  d3 = edit (d1, 3);
  g_assert_true (hl_history_push (h, d3, "Other seed"));
  g_assert_false (hl_history_can_redo (h));
  g_assert_true (hl_history_get_current (h) == d3);
  g_assert_true (hl_history_undo (h) == d1);
}

/* A burst of changes to one field amends one step; undo goes back past
 * the whole burst. */
static void
test_amend (void)
{
  g_autoptr(HlDesign) d0 = hl_design_new ();
  g_autoptr(HlHistory) h = hl_history_new (d0, 10);
  g_autoptr(HlDesign) d1 = edit (d0, 1);
  g_autoptr(HlDesign) d2 = edit (d0, 2);
  g_autoptr(HlDesign) d3 = edit (d0, 3);

  g_assert_false (hl_history_amend (h, d1));          /* nothing to amend yet */
  g_assert_true (hl_history_get_current (h) == d0);
  g_assert_true (hl_history_push (h, d1, "Density"));
  hl_history_mark_saved (h);
  g_assert_true (hl_history_amend (h, d2));
  g_assert_true (hl_history_amend (h, d3));
  g_assert_true (hl_history_get_current (h) == d3);
  g_assert_cmpstr (hl_history_get_undo_label (h), ==, "Density");
  g_assert_true (hl_history_is_modified (h));         /* the saved d1 is gone */
  g_assert_true (hl_history_undo (h) == d0);
  g_assert_false (hl_history_can_undo (h));
  g_assert_true (hl_history_redo (h) == d3);
  g_assert_false (hl_history_can_redo (h));

  /* Forgetting the saved snapshot: every one is unsaved, until a save. */
  hl_history_undo (h);
  hl_history_mark_saved (h);
  g_assert_false (hl_history_is_modified (h));
  hl_history_forget_saved (h);
  g_assert_true (hl_history_is_modified (h));
  hl_history_redo (h);
  g_assert_true (hl_history_is_modified (h));
  hl_history_mark_saved (h);
  g_assert_false (hl_history_is_modified (h));
}

static void
test_saved_marker_and_cap (void)
{
  g_autoptr(HlDesign) d0 = hl_design_new ();
  g_autoptr(HlHistory) h = hl_history_new (d0, 3);
  HlDesign *cur = d0;
  guint undos = 0;

  for (guint32 i = 1; i <= 5; i++)
    {
      g_autoptr(HlDesign) next = edit (cur, i);

      hl_history_push (h, next, "edit");
      cur = hl_history_get_current (h);
      if (i == 2)
        hl_history_mark_saved (h);
    }

  /* Only the last three snapshots remain. */
  while (hl_history_undo (h) != NULL)
    undos++;
  g_assert_cmpuint (undos, ==, 2);
  g_assert_cmpuint (hl_history_get_current (h)->seed, ==, 3);
  /* The saved snapshot (seed 2) left the list: every state is modified. */
  g_assert_true (hl_history_is_modified (h));
  hl_history_redo (h);
  g_assert_true (hl_history_is_modified (h));

  hl_history_mark_saved (h);
  g_assert_false (hl_history_is_modified (h));
}

/* A save runs while the user keeps editing: the snapshot it wrote is the
 * saved one, and the edits made meanwhile are still unsaved. */
static void
test_mark_saved_design (void)
{
  g_autoptr(HlDesign) d0 = hl_design_new ();
  g_autoptr(HlHistory) h = hl_history_new (d0, 10);
  g_autoptr(HlDesign) d1 = edit (d0, 1);
  g_autoptr(HlDesign) d2 = edit (d1, 2);
  HlDesign *writing;

  hl_history_push (h, d1, "edit");
  writing = hl_history_get_current (h);   /* handed to the save */
  hl_history_push (h, d2, "edit during the save");

  hl_history_mark_saved_design (h, writing);
  g_assert_true (hl_history_is_modified (h));
  g_assert_true (hl_history_undo (h) == d1);
  g_assert_false (hl_history_is_modified (h));   /* d1 is what the file holds */
  g_assert_true (hl_history_undo (h) == d0);
  g_assert_true (hl_history_is_modified (h));

  /* Marking the current design is what hl_history_mark_saved does. */
  hl_history_redo (h);
  hl_history_mark_saved_design (h, hl_history_get_current (h));
  g_assert_false (hl_history_is_modified (h));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/saved-marker-and-cap", test_saved_marker_and_cap);
  g_test_add_func ("/history/amend", test_amend);
  g_test_add_func ("/history/mark-saved-design", test_mark_saved_design);

  return g_test_run ();
}
