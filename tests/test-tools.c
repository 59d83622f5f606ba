/* test-tools.c: what every tool shares: the registry by name, events
 * screened for nonsense, views that do not exist, events in odd orders,
 * and the overlay helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hl-tool-ruler.h"
#include "hl-tool-test-util.h"
#include "hl-tools.h"

static void
test_names (void)
{
  const char *const expect[] = { "select", "hairline", "zone", "ruler", "landmark", "brush", "eraser",
                                 "eyedropper", "outline" };
  guint n_tools;
  const HlToolInfo *infos = hl_tools_get_all (&n_tools);
  g_autoptr(HlDesign) design = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (design, 10);

  g_assert_cmpuint (n_tools, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(HlTool) tool = hl_tool_new_by_name (expect[i], hl_test_host (history), NULL, 0);

      g_assert_cmpstr (infos[i].name, ==, expect[i]);
      g_assert_nonnull (tool);
      g_assert_cmpstr (hl_tool_get_name (tool), ==, expect[i]);
      g_assert_cmpint (hl_tool_get_selected_zone (tool), ==, -1);
      g_assert_cmpint (hl_tool_get_target_session (tool), ==, -1);
      g_assert_true (hl_tool_get_design (tool) == design);
      g_assert_true (hl_tool_get_view (tool) == hl_test_view (design));
    }
  g_assert_null (hl_tool_new_by_name ("pencil", hl_test_host (history), NULL, 0));
  g_assert_null (hl_tool_new_by_name ("", hl_test_host (history), NULL, 0));
}

/* Events with NaN or infinite positions, or a zoom ≤ 0, change nothing. */
static void
test_nonsense_events (void)
{
  guint n_tools;
  const HlToolInfo *infos = hl_tools_get_all (&n_tools);
  const double bad_coord[] = { NAN, INFINITY, -INFINITY };
  const double bad_zoom[] = { 0.0, -1.0, NAN, INFINITY };

  for (guint t = 0; t < n_tools; t++)
    {
      g_autoptr(HlDesign) design = hl_test_simple_design ();
      g_autoptr(HlHistory) history = hl_history_new (design, 10);
      g_autoptr(HlTool) tool = hl_tool_new_by_name (infos[t].name, hl_test_host (history), NULL, 0);

      for (HlToolEventType type = HL_TOOL_PRESS; type <= HL_TOOL_RELEASE; type++)
        {
          for (guint i = 0; i < G_N_ELEMENTS (bad_coord); i++)
            {
              HlToolEvent e = hl_test_ev (type, bad_coord[i], 50, 1.0);

              g_assert_cmpint (hl_tool_event (tool, &e), ==, HL_TOOL_NOTHING);
              e = hl_test_ev (type, 50, bad_coord[i], 1.0);
              g_assert_cmpint (hl_tool_event (tool, &e), ==, HL_TOOL_NOTHING);
            }
          for (guint i = 0; i < G_N_ELEMENTS (bad_zoom); i++)
            {
              HlToolEvent e = hl_test_ev (type, 50, 50, bad_zoom[i]);

              g_assert_cmpint (hl_tool_event (tool, &e), ==, HL_TOOL_NOTHING);
            }
        }
      for (HlToolKey key = HL_TOOL_KEY_NONE; key <= HL_TOOL_KEY_SHRINK; key++)
        {
          HlToolEvent e = hl_test_key (key, 0.0);

          g_assert_cmpint (hl_tool_event (tool, &e), ==, HL_TOOL_NOTHING);
        }
      {
        HlToolEvent e = hl_test_ev ((HlToolEventType) 99, 50, 50, 1.0);

        g_assert_cmpint (hl_tool_event (tool, &e), ==, HL_TOOL_NOTHING);
      }
      g_assert_false (hl_history_can_undo (history));
      g_assert_true (hl_tool_get_design (tool) == design);
      /* Drawing at a zoom that is no zoom draws nothing. */
      g_assert_cmpuint (hl_test_overlay_pixels (tool, 100, 100, 0.0), ==, 0);
    }
}

/* A view index out of range, a design without views, an empty view: no
 * event changes anything, none crashes. */
static void
test_missing_views (void)
{
  guint n_tools;
  const HlToolInfo *infos = hl_tools_get_all (&n_tools);
  g_autoptr(HlDesign) none = hl_design_new ();
  g_autoptr(HlDesign) simple = hl_test_simple_design ();
  g_autoptr(HlDesign) empty = hl_test_empty_design (0);
  struct { HlDesign *design; guint view; } cases[] = { { none, 0 }, { simple, 1 }, { simple, G_MAXUINT } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint t = 0; t < n_tools; t++)
      {
        g_autoptr(HlHistory) history = hl_history_new (cases[c].design, 10);
        g_autoptr(HlTool) tool = hl_tool_new_by_name (infos[t].name, hl_test_host (history), NULL, cases[c].view);

        g_assert_null (hl_tool_get_view (tool));
        g_assert_cmpint (hl_test_press (tool, 10, 10, 1.0), ==, HL_TOOL_NOTHING);
        g_assert_cmpint (hl_test_motion (tool, 20, 20, 1.0), ==, HL_TOOL_NOTHING);
        g_assert_cmpint (hl_test_release (tool, 20, 20, 1.0), ==, HL_TOOL_NOTHING);
        g_assert_cmpint (hl_test_double (tool, 20, 20, 1.0), ==, HL_TOOL_NOTHING);
        for (HlToolKey key = HL_TOOL_KEY_NONE; key <= HL_TOOL_KEY_SHRINK; key++)
          g_assert_cmpint (hl_test_press_key (tool, key, 1.0), ==, HL_TOOL_NOTHING);
        hl_tool_cancel (tool);
        g_assert_cmpuint (hl_test_overlay_pixels (tool, 50, 50, 1.0), ==, 0);
        g_assert_false (hl_history_can_undo (history));
      }

  /* An empty view: every tool's gestures work or do nothing; the pens and
   * the landmark tool may commit, nothing crashes. */
  for (guint t = 0; t < n_tools; t++)
    {
      g_autoptr(HlHistory) history = hl_history_new (empty, 10);
      g_autoptr(HlTool) tool = hl_tool_new_by_name (infos[t].name, hl_test_host (history), NULL, 0);

      hl_tool_set_selected_zone (tool, 3);
      hl_test_motion (tool, 5, 5, 1.0);
      hl_test_press (tool, 10, 10, 1.0);
      hl_test_motion (tool, 30, 10, 1.0);
      hl_test_release (tool, 30, 10, 1.0);
      hl_test_double (tool, 30, 10, 1.0);
      for (HlToolKey key = HL_TOOL_KEY_NONE; key <= HL_TOOL_KEY_SHRINK; key++)
        hl_test_press_key (tool, key, 1.0);
      hl_test_overlay_pixels (tool, 50, 50, 1.0);
      g_assert_nonnull (hl_tool_get_design (tool));
    }
}

/* Releases without presses, keys mid-gesture, presses without releases,
 * undo in the middle: a deterministic random walk through every tool on
 * the sample. An event commits exactly when it says so (and then one
 * step), the design shown always has the view, and a cancel brings it
 * back to the history's. */
static void
test_random_orders (void)
{
  guint n_tools;
  const HlToolInfo *infos = hl_tools_get_all (&n_tools);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autofree char *photo_path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "astronaut.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = hl_photo_load (photo_path, &error);

  g_assert_no_error (error);

  for (guint t = 0; t < n_tools; t++)
    {
      g_autoptr(HlDesign) sample = hl_test_load_sample ();
      g_autoptr(HlHistory) history = hl_history_new (sample, 5000);
      g_autoptr(HlTool) tool = hl_tool_new_by_name (infos[t].name, hl_test_host (history), NULL, 0);
      HlPoint p = { 225, 60 };
      guint commits = 0;

      hl_tool_set_photo (tool, photo);
      for (guint step = 0; step < 1500; step++)
        {
          HlToolEvent e;
          HlToolResult r;
          guint what = (guint) g_rand_int_range (rand, 0, 100);
          HlDesign *before = hl_history_get_current (history);
          double zoom = 0.5 * (1 << g_rand_int_range (rand, 0, 3));

          /* Mostly over the drawing (the forehead), sometimes off the
           * photo. */
          p.x = CLAMP (p.x + g_rand_double_range (rand, -12, 12), -20, 530);
          p.y = CLAMP (p.y + g_rand_double_range (rand, -12, 12), -20, 530);
          if (g_rand_int_range (rand, 0, 50) == 0)
            p = (HlPoint) { g_rand_double_range (rand, 150, 300), g_rand_double_range (rand, 10, 110) };
          if (what < 14)
            e = hl_test_ev (HL_TOOL_PRESS, p.x, p.y, zoom);
          else if (what < 57)
            e = hl_test_ev (HL_TOOL_MOTION, p.x, p.y, zoom);
          else if (what < 69)
            e = hl_test_ev (HL_TOOL_RELEASE, p.x, p.y, zoom);
          else if (what < 71)
            e = hl_test_ev (HL_TOOL_CANCEL, 0, 0, zoom);
          else if (what < 94)
            e = hl_test_key ((HlToolKey) g_rand_int_range (rand, 0, HL_TOOL_KEY_SHRINK + 1), zoom);
          else if (what < 96)
            {
              hl_history_undo (history);
              continue;
            }
          else if (what < 98)
            {
              hl_tool_set_selected_zone (tool, g_rand_int_range (rand, -1, 4));
              hl_tool_set_target_session (tool, g_rand_int_range (rand, -1, 4));
              continue;
            }
          else
            {
              e = hl_test_ev (HL_TOOL_PRESS, p.x, p.y, zoom);
              e.n_press = 2;
            }
          e.has_pressure = g_rand_boolean (rand);
          e.pressure = g_rand_double (rand);

          r = hl_tool_event (tool, &e);
          if (r & HL_TOOL_COMMITTED)
            {
              commits++;
              g_assert_true (hl_history_get_current (history) != before);
              g_assert_true (hl_history_undo (history) == before);
              g_assert_nonnull (hl_history_redo (history));
            }
          else
            g_assert_true (hl_history_get_current (history) == before);

          /* The ruler's host answers its question. */
          if (r & HL_TOOL_ASK_LENGTH)
            {
              g_assert_true (hl_tool_ruler_apply (tool, hl_tool_ruler_get_suggested_mm (tool), NULL));
              g_assert_true (hl_history_get_current (history) != before);
              commits++;
            }

          g_assert_nonnull (hl_tool_get_design (tool));
          g_assert_cmpuint (hl_design_get_n_views (hl_tool_get_design (tool)), ==, 1);
          if (step % 100 == 0)
            hl_test_overlay_pixels (tool, 128, 128, 0.25);
        }

      hl_tool_cancel (tool);
      g_assert_true (hl_tool_get_design (tool) == hl_history_get_current (history));
      g_test_message ("%s: %u commits", infos[t].name, commits);
      g_assert_cmpuint (commits, >, 0);
    }
}

static void
test_commit_helper (void)
{
  g_autoptr(HlDesign) design = hl_test_simple_design ();
  g_autoptr(HlHistory) history = hl_history_new (design, 10);
  g_autoptr(HlTool) tool = hl_tool_new_by_name ("select", hl_test_host (history), NULL, 0);
  g_autoptr(HlDesign) copy = hl_design_copy (design);

  g_assert_cmpint (hl_tool_commit (tool, NULL, "nothing"), ==, HL_TOOL_REDRAW);
  g_assert_cmpint (hl_tool_commit (tool, design, "same"), ==, HL_TOOL_REDRAW);
  g_assert_false (hl_history_can_undo (history));
  g_assert_cmpint (hl_tool_commit (tool, copy, "copy"), ==, HL_TOOL_REDRAW | HL_TOOL_COMMITTED);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "copy");
}

static guint
handle_pixels (int      state,
               gboolean corner,
               guint32 *centre)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);
  const guint32 *data;
  guint n = 0;

  cairo_scale (cr, 2.0, 2.0);
  hl_tool_draw_handle (cr, 2.0, (HlPoint) { 10, 10 }, state, corner);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface);
  for (int i = 0; i < 40 * 40; i++)
    n += data[i] != 0;
  *centre = data[20 * 40 + 20];
  cairo_surface_destroy (surface);
  return n;
}

/* Handles: squares for corners, larger and differently filled when
 * hovered or selected. */
static void
test_draw_handle (void)
{
  guint32 normal_c, hover_c, selected_c, c;
  guint round = handle_pixels (0, FALSE, &normal_c);
  guint square = handle_pixels (0, TRUE, &c);
  guint hover = handle_pixels (1, FALSE, &hover_c);
  guint selected = handle_pixels (2, FALSE, &selected_c);

  g_test_message ("handle pixels: round %u, square %u, hover %u, selected %u", round, square, hover, selected);
  g_assert_cmpuint (round, >, 60);
  g_assert_cmpuint (square, >, round);
  g_assert_cmpuint (hover, >, round);
  g_assert_cmpuint (selected, >, round);
  g_assert_cmpuint (normal_c, !=, hover_c);
  g_assert_cmpuint (normal_c, !=, selected_c);
  g_assert_cmpuint (hover_c, !=, selected_c);
}

/* A handle at @p drawn at @zoom onto a 64 × 64 image: copied from a
 * sprite (@sprite), or drawn by cairo (through a recording surface,
 * which the sprites are not used for) (transfer full). */
static cairo_surface_t *
handle_image (HlPoint  p,
              double   zoom,
              int      state,
              gboolean corner,
              gboolean sprite)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (image);

  if (sprite)
    {
      cairo_scale (cr, zoom, zoom);
      hl_tool_draw_handle (cr, zoom, p, state, corner);
    }
  else
    {
      cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *rc = cairo_create (rec);

      cairo_scale (rc, zoom, zoom);
      hl_tool_draw_handle (rc, zoom, p, state, corner);
      cairo_destroy (rc);
      cairo_set_source_surface (cr, rec, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (rec);
    }
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* Handles copied from sprites look as cairo draws them: the same pixels
 * covered within a pixel's width, the same colours, at sub-pixel places
 * and zooms, hover and selected, round and square. */
static void
test_handle_sprites (void)
{
  double zooms[] = { 0.37, 1.0, 2.9 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (int state = 0; state < 3; state++)
      for (int corner = 0; corner < 2; corner++)
        for (guint k = 0; k < 7; k++)
          {
            double zoom = zooms[z];
            HlPoint p = { (31.0 + 0.13 * k) / zoom, (32.0 + 0.29 * k) / zoom };
            cairo_surface_t *a = handle_image (p, zoom, state, corner, TRUE);
            cairo_surface_t *b = handle_image (p, zoom, state, corner, FALSE);
            double area_a = 0, area_b = 0;
            int worst = 0;

            for (int y = 0; y < 64; y++)
              for (int x = 0; x < 64; x++)
                {
                  guint32 pa = ((guint32 *) (gpointer) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a)))[x];
                  guint32 pb = ((guint32 *) (gpointer) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b)))[x];

                  area_a += (pa >> 24) / 255.0;
                  area_b += (pb >> 24) / 255.0;
                  /* Inside, the same colour; at the edges, within the
                   * coverage of an eighth of a pixel's shift. */
                  for (int ch = 0; ch < 32; ch += 8)
                    worst = MAX (worst, abs ((int) ((pa >> ch) & 0xff) - (int) ((pb >> ch) & 0xff)));
                }
            g_test_message ("zoom %g state %d corner %d: %.1f / %.1f px², worst %d", zoom, state, corner, area_a, area_b, worst);
            /* The centre pixel is the fill's colour both ways. */
            g_assert_cmphex (((guint32 *) (gpointer) (cairo_image_surface_get_data (a) + 32 * cairo_image_surface_get_stride (a)))[31],
                             ==,
                             ((guint32 *) (gpointer) (cairo_image_surface_get_data (b) + 32 * cairo_image_surface_get_stride (b)))[31]);
            if (fabs (area_a - area_b) > 0.04 * area_b || worst > 96)
              g_error ("zoom %g, state %d, corner %d, place %u: covered %.1f against %.1f px², "
                       "worst channel difference %d", zoom, state, corner, k, area_a, area_b, worst);
            cairo_surface_destroy (a);
            cairo_surface_destroy (b);
          }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/names", test_names);
  g_test_add_func ("/tools/nonsense-events", test_nonsense_events);
  g_test_add_func ("/tools/missing-views", test_missing_views);
  g_test_add_func ("/tools/random-orders", test_random_orders);
  g_test_add_func ("/tools/commit-helper", test_commit_helper);
  g_test_add_func ("/tools/draw-handle", test_draw_handle);
  g_test_add_func ("/tools/handle-sprites", test_handle_sprites);

  return g_test_run ();
}
