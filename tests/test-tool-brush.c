/* test-tool-brush.c: the dot brush and the eraser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-edit.h"
#include "hl-test-util.h"
#include "hl-tool-brush.h"
#include "hl-tool-test-util.h"

static const HlView *
current (HlHistory *history)
{
  return hl_test_view (hl_history_get_current (history));
}

static const HlDotEdit *
edit_at (HlHistory *history,
         guint      i)
{
  return &g_array_index (current (history)->edits, HlDotEdit, i);
}

/* The simple design's frontal zone (0,0)–(400,110), 60 dots/cm², on an
 * uncalibrated view (0.15 mm/px): a dot every 10 / √60 mm = 8.607 px. */
#define MM_PER_PX 0.15
#define SPACING_PX (10.0 / sqrt (60.0) / MM_PER_PX)

/* The simple design with its zone moved to the view's bottom right
 * corner, (390,290)–(400,300): the engine fills the zone, and a stroke
 * over filled zones adds only where the engine left room, so these tests
 * stroke the empty rest of the view with the zone selected, whose
 * parameters the brush then takes. */
static HlDesign *
brush_design (void)
{
  static const HlPoint corner[] = { { 390, 290 }, { 400, 290 }, { 400, 300 }, { 390, 300 } };
  g_autoptr(HlDesign) simple = hl_test_simple_design ();
  g_autoptr(HlCurve) boundary = hl_curve_new (corner, 4, TRUE);

  return hl_edit_set_zone_boundary (simple, 0, 0, boundary);
}

/* A @name tool over @history with the zone of brush_design() selected. */
static HlTool *
new_tool (const char *name,
          HlHistory  *history)
{
  HlTool *tool = hl_tool_new_by_name (name, hl_test_host (history), NULL, 0);

  hl_tool_set_selected_zone (tool, 0);
  return tool;
}

/* A stroke from (@x0, @y) to (@x1, @y) at zoom 1, a motion every @step
 * px; a stylus's when @has_pressure. Returns the release's result. */
static HlToolResult
stroke (HlTool   *tool,
        double    x0,
        double    x1,
        double    y,
        double    step,
        gboolean  has_pressure,
        double    pressure)
{
  HlToolEvent e = hl_test_ev (HL_TOOL_PRESS, x0, y, 1.0);
  double dir = x1 >= x0 ? 1.0 : -1.0;

  e.has_pressure = has_pressure;
  e.pressure = pressure;
  hl_tool_event (tool, &e);
  e.type = HL_TOOL_MOTION;
  for (double x = x0 + dir * step; dir * (x1 - x) > 0; x += dir * step)
    {
      e.p.x = x;
      hl_tool_event (tool, &e);
    }
  e.type = HL_TOOL_RELEASE;
  e.p.x = x1;
  return hl_tool_event (tool, &e);
}

/* The positions of the view's edits [@from, end) (GArray of HlPoint). */
static GArray *
points_from (HlHistory *history,
             guint      from)
{
  const GArray *edits = current (history)->edits;
  GArray *points = g_array_new (FALSE, FALSE, sizeof (HlPoint));

  for (guint i = from; i < edits->len; i++)
    g_array_append_val (points, g_array_index (edits, HlDotEdit, i).p);
  return points;
}

/* Area swept by a disc of radius @r along a segment of length @length. */
static double
swept_area (double length,
            double r)
{
  return 2.0 * r * length + G_PI * r * r;
}

/* Distance from @p to the segment (@x0, @y)–(@x1, @y). */
static double
distance_to_stroke (HlPoint p,
                    double  x0,
                    double  x1,
                    double  y)
{
  double x = CLAMP (p.x, MIN (x0, x1), MAX (x0, x1));

  return hypot (p.x - x, p.y - y);
}

/* A stroke over an empty zone lays about area × density blue-noise dots
 * inside its footprint, as one undo step. */
static void
test_brush_stroke (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);
  const HlZoneParams *zp = &hl_view_get_zone (hl_test_view (start), 0)->params;
  g_autoptr(GArray) points = NULL;
  double area, expected, rho;
  HlToolResult r;
  guint pending;

  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "crosshair");
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 12.0);
  hl_tool_brush_set_radius (tool, 24.0);

  r = hl_test_press (tool, 100, 50, 1.0);
  g_assert_true (r & HL_TOOL_CAPTURED);
  g_assert_true (r & HL_TOOL_PREVIEW);
  /* The press's disc: π 24² px² ≈ 0.41 cm² at 60 dots/cm², ≈ 24 dots. */
  pending = hl_tool_brush_get_n_pending (tool);
  g_assert_cmpuint (pending, >=, 15);
  g_assert_cmpuint (pending, <=, 35);
  /* The preview shows the stroke so far; the history has nothing yet. */
  g_assert_cmpuint (hl_test_view (hl_tool_get_design (tool))->edits->len, ==, pending);
  g_assert_false (hl_history_can_undo (history));
  /* A move shorter than a quarter of the footprint waits. */
  g_assert_false (hl_test_motion (tool, 104, 50, 1.0) & HL_TOOL_PREVIEW);
  g_assert_true (hl_test_motion (tool, 150, 50, 1.0) & HL_TOOL_PREVIEW);
  g_assert_cmpuint (hl_tool_brush_get_n_pending (tool), >, pending);
  hl_test_release (tool, 150, 50, 1.0);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  hl_history_undo (history);

  r = stroke (tool, 100, 300, 50, 4.0, FALSE, 1.0);
  g_assert_true (r & HL_TOOL_COMMITTED);
  g_assert_cmpuint (hl_tool_brush_get_n_pending (tool), ==, 0);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 1);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Add dots");

  points = points_from (history, 0);
  area = swept_area (200, 24);
  expected = area * MM_PER_PX * MM_PER_PX / 100.0 * zp->density;
  rho = hl_test_rho ((const HlPoint *) (gpointer) points->data, points->len, area);
  g_test_message ("stroke: %u dots, %.1f expected (%+.1f %%), rho %.3f",
                  points->len, expected, 100.0 * (points->len / expected - 1.0), rho);
  g_assert_cmpfloat (fabs (points->len / expected - 1.0), <=, 0.25);
  g_assert_cmpfloat (rho, >=, 0.5);

  for (guint i = 0; i < points->len; i++)
    {
      const HlDotEdit *e = edit_at (history, i);

      g_assert_cmpint (e->kind, ==, HL_EDIT_ADD);
      g_assert_cmpuint (e->session, ==, zp->n_sessions - 1);
      g_assert_cmpfloat (distance_to_stroke (e->p, 100, 300, 50), <=, 24.0 + 1e-3);
    }
}

/* Dot sizes and shades vary as the zone's spreads allow. */
static void
test_brush_spread (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);
  const HlZoneParams *zp = &hl_view_get_zone (hl_test_view (start), 0)->params;
  HlColor base = zp->sessions[zp->n_sessions - 1].shade;
  HlColor darkest = hl_color_lighten (base, -zp->shade_spread);
  HlColor lightest = hl_color_lighten (base, zp->shade_spread);
  double dmin = INFINITY, dmax = 0.0;
  guint n_shades = 0;
  HlColor first;

  g_assert_cmpfloat (zp->dot_spread, >, 0.0);
  g_assert_cmpfloat (zp->shade_spread, >, 0.0);
  hl_tool_brush_set_radius (tool, 24.0);
  stroke (tool, 100, 300, 50, 4.0, FALSE, 1.0);
  g_assert_cmpuint (current (history)->edits->len, >, 50);

  first = edit_at (history, 0)->shade;
  for (guint i = 0; i < current (history)->edits->len; i++)
    {
      const HlDotEdit *e = edit_at (history, i);
      const guint8 *c = &e->shade.r, *lo = &darkest.r, *hi = &lightest.r;

      dmin = MIN (dmin, e->diameter_mm);
      dmax = MAX (dmax, e->diameter_mm);
      g_assert_cmpfloat (e->diameter_mm, >=, zp->dot_mm * (1.0 - zp->dot_spread) - 1e-6);
      g_assert_cmpfloat (e->diameter_mm, <=, zp->dot_mm * (1.0 + zp->dot_spread) + 1e-6);
      for (guint k = 0; k < 3; k++)
        {
          g_assert_cmpuint (c[k], >=, lo[k]);
          g_assert_cmpuint (c[k], <=, hi[k]);
        }
      if (!hl_color_equal (e->shade, first))
        n_shades++;
    }
  g_test_message ("diameters %.3f–%.3f mm (mean %.3f, spread %.2f); %u shades differ from the first",
                  dmin, dmax, zp->dot_mm, zp->dot_spread, n_shades);
  /* Spread: at least a third of the allowed range in each direction. */
  g_assert_cmpfloat (dmin, <, zp->dot_mm * (1.0 - zp->dot_spread / 3.0));
  g_assert_cmpfloat (dmax, >, zp->dot_mm * (1.0 + zp->dot_spread / 3.0));
  g_assert_cmpuint (n_shades, >, 0);
}

/* A second pass keeps its distance to the dots already there. */
static void
test_brush_second_pass (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);
  g_autoptr(HlDesign) reshuffled = NULL;
  g_autoptr(HlHistory) history2 = NULL;
  g_autoptr(HlTool) tool2 = NULL;
  g_autoptr(GArray) points = NULL;
  guint first, second;
  double dmin = INFINITY;

  hl_tool_brush_set_radius (tool, 24.0);
  stroke (tool, 100, 300, 50, 4.0, FALSE, 1.0);
  first = current (history)->edits->len;
  g_assert_cmpuint (first, >, 50);

  /* The same stroke again, backwards: the same plane, nothing new. */
  g_assert_false (stroke (tool, 300, 100, 50, 6.0, FALSE, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (current (history)->edits->len, ==, first);
  /* A stroke that overlaps the first half of it adds only where it goes
   * beyond it. */
  stroke (tool, 100, 200, 58, 4.0, FALSE, 1.0);
  second = current (history)->edits->len - first;
  g_test_message ("overlapping stroke: %u dots after %u", second, first);
  g_assert_cmpuint (second, <=, first / 4);

  /* With another plane (a new design seed), the same stroke over the first
   * fills only the holes: few dots, none crowding the first ones. */
  reshuffled = hl_design_copy (hl_history_get_current (history));
  hl_design_set_seed (reshuffled, reshuffled->seed + 1);
  history2 = hl_history_new (reshuffled, 50);
  tool2 = new_tool ("brush", history2);
  hl_tool_brush_set_radius (tool2, 24.0);
  first = current (history2)->edits->len;
  stroke (tool2, 100, 300, 50, 4.0, FALSE, 1.0);
  second = current (history2)->edits->len - first;
  points = points_from (history2, 0);
  for (guint i = first; i < points->len; i++)
    for (guint j = 0; j < i; j++)
      dmin = MIN (dmin, hl_point_distance (g_array_index (points, HlPoint, i),
                                           g_array_index (points, HlPoint, j)));
  g_test_message ("second pass on another plane: %u dots after %u, nearest %.2f px (spacing %.2f)",
                  second, first, dmin, SPACING_PX);
  g_assert_cmpuint (second, <=, first / 5);
  if (second > 0)
    g_assert_cmpfloat (dmin, >=, 0.8 * SPACING_PX - 1e-3);
}

/* A stylus's pressure sets the footprint; a mouse's full. */
static void
test_brush_pressure (void)
{
  guint counts[3];
  struct { gboolean has_pressure; double pressure; } cases[] = { { TRUE, 1.0 }, { TRUE, 0.2 }, { FALSE, 0.2 } };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(HlDesign) start = brush_design ();
      g_autoptr(HlHistory) history = hl_history_new (start, 50);
      g_autoptr(HlTool) tool = new_tool ("brush", history);
      /* 24 × (0.5 + 0.5 × pressure). */
      double r = cases[c].has_pressure ? 24.0 * (0.5 + 0.5 * cases[c].pressure) : 24.0;

      hl_tool_brush_set_radius (tool, 24.0);
      stroke (tool, 100, 300, 50, 4.0, cases[c].has_pressure, cases[c].pressure);
      counts[c] = current (history)->edits->len;
      for (guint i = 0; i < counts[c]; i++)
        g_assert_cmpfloat (distance_to_stroke (edit_at (history, i)->p, 100, 300, 50), <=, r + 1e-3);
    }
  g_test_message ("pressure 1: %u dots, 0.2: %u, mouse: %u", counts[0], counts[1], counts[2]);
  /* A footprint 0.6 times as wide: about 0.6 times the dots. */
  g_assert_cmpuint (counts[1], <, counts[0] * 0.75);
  g_assert_cmpuint (counts[1], >, counts[0] * 0.45);
  /* A pressure without has_pressure is a mouse's: ignored. */
  g_assert_cmpuint (counts[2], ==, counts[0]);
}

/* The same events give the same dots. */
static void
test_brush_deterministic (void)
{
  GArray *runs[2] = { NULL, NULL };

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(HlDesign) start = brush_design ();
      g_autoptr(HlHistory) history = hl_history_new (start, 50);
      g_autoptr(HlTool) tool = new_tool ("brush", history);
      const GArray *edits;

      hl_tool_brush_set_radius (tool, 20.0);
      stroke (tool, 60, 340, 40, 5.0, TRUE, 0.7);
      stroke (tool, 200, 80, 70, 3.0, FALSE, 1.0);
      edits = current (history)->edits;
      runs[k] = g_array_sized_new (FALSE, FALSE, sizeof (HlDotEdit), edits->len);
      g_array_append_vals (runs[k], edits->data, edits->len);
    }
  g_assert_cmpuint (runs[0]->len, >, 50);
  g_assert_cmpuint (runs[0]->len, ==, runs[1]->len);
  for (guint i = 0; i < runs[0]->len; i++)
    {
      const HlDotEdit *a = &g_array_index (runs[0], HlDotEdit, i);
      const HlDotEdit *b = &g_array_index (runs[1], HlDotEdit, i);

      g_assert_cmpfloat (a->p.x, ==, b->p.x);
      g_assert_cmpfloat (a->p.y, ==, b->p.y);
      g_assert_cmpfloat (a->diameter_mm, ==, b->diameter_mm);
      g_assert_true (hl_color_equal (a->shade, b->shade));
      g_assert_cmpuint (a->session, ==, b->session);
    }
  g_array_unref (runs[0]);
  g_array_unref (runs[1]);
}

/* A brush smaller than the spacing still places a dot where it is pressed,
 * but never on top of another. */
static void
test_brush_small (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);

  hl_tool_brush_set_radius (tool, 2.0);
  g_assert_true (hl_test_click (tool, 150, 50, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (current (history)->edits->len, ==, 1);
  g_assert_cmpfloat (hl_point_distance (edit_at (history, 0)->p, (HlPoint) { 150, 50 }), <=, 2.0 + 1e-3);
  /* Within 0.8 spacings of it: nothing. */
  g_assert_false (hl_test_click (tool, 153, 52, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (current (history)->edits->len, ==, 1);
  hl_test_click (tool, 150 + 2 * SPACING_PX, 50, 1.0);
  g_assert_cmpuint (current (history)->edits->len, ==, 2);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

/* Over a zone the engine fills, a stroke adds next to nothing; where the
 * eraser took the engine's dots away, it puts them back at the zone's
 * density. */
static void
test_brush_sees_engine_dots (void)
{
  g_autoptr(HlDesign) simple = hl_test_simple_design ();
  g_autoptr(HlDesign) start = NULL;
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlTool) brush = NULL;
  g_autoptr(HlTool) eraser = NULL;
  HlZoneParams zp = hl_view_get_zone (hl_test_view (simple), 0)->params;
  double expected = swept_area (200, 24) * MM_PER_PX * MM_PER_PX / 100.0 * zp.density;
  guint over_filled, erased_before, refilled;

  /* The zone at its full density everywhere: no hairline ramp, no edge
   * blend. */
  zp.follows_hairline = FALSE;
  zp.edge_blend_mm = 0.0;
  start = hl_edit_set_zone_params (simple, 0, 0, &zp);
  history = hl_history_new (start, 50);
  brush = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);
  eraser = hl_tool_new_by_name ("eraser", hl_test_host (history), NULL, 0);

  hl_tool_brush_set_radius (brush, 24.0);
  hl_tool_brush_set_radius (eraser, 24.0);
  stroke (brush, 100, 300, 40, 4.0, FALSE, 1.0);
  over_filled = current (history)->edits->len;

  /* Erase the same stretch, then brush it again. */
  stroke (eraser, 100, 300, 40, 4.0, FALSE, 1.0);
  erased_before = current (history)->edits->len;
  stroke (brush, 100, 300, 40, 4.0, FALSE, 1.0);
  refilled = current (history)->edits->len - erased_before;
  g_test_message ("a stroke of %.0f dots' area: %u dots over the filled zone, %u after the eraser",
                  expected, over_filled, refilled);
  g_assert_cmpfloat (over_filled, <=, 0.1 * expected);
  g_assert_cmpfloat (refilled, >=, 0.5 * expected);
}

/* The zone under each dot, else the selected zone, else a zone's
 * defaults. */
static void
test_brush_fallbacks (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  HlPoint square[] = { { 100, 200 }, { 200, 200 }, { 200, 280 }, { 100, 280 } };
  g_autoptr(HlCurve) outline = hl_curve_new (square, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) two = NULL;
  g_autoptr(HlHistory) history = NULL;
  g_autoptr(HlTool) tool = NULL;
  HlZoneParams params, defaults;
  guint n, counts[2];

  hl_zone_params_init (&params);
  params.density = 30.0;
  params.dot_mm = 0.3;
  params.dot_spread = 0.0;
  params.shade_spread = 0.0;
  params.n_sessions = 2;
  params.sessions[0].share = 0.5;
  params.sessions[1].share = 0.5;
  params.sessions[1].shade = (HlColor) { 0x12, 0x34, 0x56 };
  zone = hl_zone_new ("Crown", HL_ZONE_CROWN, outline, &params);
  two = hl_edit_add_zone (start, 0, zone);
  history = hl_history_new (two, 50);
  tool = hl_tool_new_by_name ("brush", hl_test_host (history), NULL, 0);
  hl_tool_brush_set_radius (tool, 20.0);
  hl_zone_params_init (&defaults);

  /* Over the crown, which the engine fills: only where the engine left
   * room, each dot with the crown's size, its last session's shade. The
   * brush's disc reaches the crown's top edge, where the edge blend thins
   * the engine's dots (engine 7 leaves no room in the crown's middle,
   * where engine 6 left a little along its tiles' seams). */
  stroke (tool, 120, 180, 220, 4.0, FALSE, 1.0);
  n = current (history)->edits->len;
  g_test_message ("over the filled crown: %u dots", n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (fabs (edit_at (history, i)->diameter_mm - 0.3), <, 1e-9);
      g_assert_true (hl_color_equal (edit_at (history, i)->shade, params.sessions[1].shade));
      g_assert_cmpuint (edit_at (history, i)->session, ==, 1);
    }

  /* Outside every zone: a zone's defaults (60 dots/cm²). */
  stroke (tool, 240, 300, 240, 4.0, FALSE, 1.0);
  counts[0] = current (history)->edits->len - n;
  for (guint i = n; i < n + counts[0]; i++)
    {
      const HlDotEdit *e = edit_at (history, i);

      g_assert_cmpfloat (fabs (e->diameter_mm - defaults.dot_mm), <=, defaults.dot_mm * defaults.dot_spread + 1e-6);
      g_assert_cmpuint (e->session, ==, defaults.n_sessions - 1);
    }
  n += counts[0];

  /* Outside every zone with the crown selected: the crown's, at half the
   * density, over a stretch of the same length. */
  hl_tool_set_selected_zone (tool, 1);
  stroke (tool, 240, 300, 160, 4.0, FALSE, 1.0);
  counts[1] = current (history)->edits->len - n;
  g_test_message ("defaults (60/cm²): %u dots, crown selected (30/cm²): %u", counts[0], counts[1]);
  g_assert_cmpuint (counts[1], >, 5);
  g_assert_cmpfloat (counts[0], >, 1.4 * counts[1]);
  for (guint i = n; i < current (history)->edits->len; i++)
    {
      g_assert_cmpfloat (fabs (edit_at (history, i)->diameter_mm - 0.3), <, 1e-9);
      g_assert_true (hl_color_equal (edit_at (history, i)->shade, params.sessions[1].shade));
    }
  g_assert_cmpuint (hl_test_count_undo (history), ==, 3);
}

static void
test_eraser (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("eraser", history);

  g_assert_cmpstr (hl_tool_get_name (tool), ==, "eraser");
  g_assert_cmpstr (hl_tool_get_cursor (tool), ==, "cell");

  /* Radius 12 screen px at zoom 1: a removal every 6 px. */
  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 130, 50, 1.0);
  hl_test_motion (tool, 130, 80, 1.0);
  g_assert_true (hl_test_release (tool, 130, 80, 1.0) & HL_TOOL_COMMITTED);
  g_assert_cmpuint (current (history)->edits->len, ==, 11);
  for (guint i = 0; i < 11; i++)
    {
      g_assert_cmpint (edit_at (history, i)->kind, ==, HL_EDIT_REMOVE);
      g_assert_cmpfloat (edit_at (history, i)->radius_px, ==, 12.0);
    }
  g_assert_cmpfloat (edit_at (history, 5)->p.x, ==, 130);
  g_assert_cmpfloat (edit_at (history, 5)->p.y, ==, 50);
  g_assert_cmpfloat (edit_at (history, 10)->p.y, ==, 80);
  g_assert_cmpstr (hl_history_get_undo_label (history), ==, "Erase dots");

  /* At zoom 2 the same screen radius is 6 image px. */
  hl_test_click (tool, 300, 50, 2.0);
  g_assert_cmpfloat (edit_at (history, 11)->radius_px, ==, 6.0);
  g_assert_cmpuint (hl_test_count_undo (history), ==, 2);
}

static void
test_radius_keys (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);

  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0) & HL_TOOL_REDRAW);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 15.0);
  hl_test_press_key (tool, HL_TOOL_KEY_SHRINK, 1.0);
  g_assert_cmpfloat (fabs (hl_tool_brush_get_radius (tool) - 12.0), <, 1e-12);
  for (guint i = 0; i < 40; i++)
    hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 200.0);
  g_assert_cmpint (hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0), ==, HL_TOOL_NOTHING);
  for (guint i = 0; i < 40; i++)
    hl_test_press_key (tool, HL_TOOL_KEY_SHRINK, 1.0);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 2.0);
  hl_tool_brush_set_radius (tool, 1000);
  g_assert_cmpfloat (hl_tool_brush_get_radius (tool), ==, 200.0);
  g_assert_false (hl_history_can_undo (history));
}

static void
test_cancel_and_overlay (void)
{
  g_autoptr(HlDesign) start = brush_design ();
  g_autoptr(HlHistory) history = hl_history_new (start, 50);
  g_autoptr(HlTool) tool = new_tool ("brush", history);
  guint small, large;

  /* No pointer yet: no circle. */
  g_assert_cmpuint (hl_test_overlay_pixels (tool, 400, 300, 1.0), ==, 0);
  g_assert_cmpint (hl_test_release (tool, 10, 10, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 200, 50, 1.0);
  g_assert_true (hl_test_press_key (tool, HL_TOOL_KEY_ESCAPE, 1.0) & HL_TOOL_PREVIEW);
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_cmpint (hl_test_release (tool, 200, 50, 1.0), ==, HL_TOOL_NOTHING);

  hl_test_press (tool, 100, 50, 1.0);
  hl_test_motion (tool, 200, 50, 1.0);
  hl_tool_cancel (tool);
  g_assert_true (hl_tool_get_design (tool) == start);
  g_assert_false (hl_history_can_undo (history));

  /* The circle follows the pointer and grows with the radius. */
  hl_test_motion (tool, 200, 150, 1.0);
  small = hl_test_overlay_pixels (tool, 400, 300, 1.0);
  g_assert_cmpuint (small, >, 50);
  hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  hl_test_press_key (tool, HL_TOOL_KEY_GROW, 1.0);
  large = hl_test_overlay_pixels (tool, 400, 300, 1.0);
  g_assert_cmpuint (large, >, small);
}

/* -m perf: what a drag event costs on the sample design (printed, not
 * asserted). */
static void
test_brush_perf (void)
{
  g_autoptr(HlDesign) sample = hl_test_load_sample ();
  const HlView *view = hl_test_view (sample);
  HlRect box = hl_curve_bounds (hl_view_get_zone (view, 0)->boundary);
  double radii[] = { 12.0, 60.0, 200.0 };

  for (guint k = 0; k < G_N_ELEMENTS (radii); k++)
    {
      g_autoptr(HlHistory) history = hl_history_new (sample, 50);
      g_autoptr(HlTool) tool = new_tool ("brush", history);
      double y = (box.y0 + box.y1) / 2.0, worst = 0.0, total = 0.0, t0, press;
      guint n = 0;

      hl_tool_brush_set_radius (tool, radii[k]);
      t0 = g_get_monotonic_time ();
      hl_test_press (tool, box.x0, y, 1.0);
      press = (g_get_monotonic_time () - t0) / 1000.0;
      for (double x = box.x0 + 3.0; x < box.x1; x += 3.0, n++)
        {
          double t;

          t0 = g_get_monotonic_time ();
          hl_test_motion (tool, x, y, 1.0);
          t = (g_get_monotonic_time () - t0) / 1000.0;
          total += t;
          worst = MAX (worst, t);
        }
      g_test_minimized_result (total / n, "radius %.0f px: press %.2f ms, drag event mean %.3f ms, worst %.2f ms, "
                               "%u dots over %.0f px", radii[k], press, total / n, worst,
                               hl_tool_brush_get_n_pending (tool), box.x1 - box.x0);
      hl_test_release (tool, box.x1, y, 1.0);
      /* Again over the same place: the view's hand-placed dots on the grid. */
      n = current (history)->edits->len;
      t0 = g_get_monotonic_time ();
      hl_test_press (tool, box.x0, y, 1.0);
      press = (g_get_monotonic_time () - t0) / 1000.0;
      g_test_minimized_result (press, "radius %.0f px again: press %.2f ms among %u dots, %u more",
                               radii[k], press, n, hl_tool_brush_get_n_pending (tool));
      hl_test_release (tool, box.x0, y, 1.0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tools/brush/stroke", test_brush_stroke);
  g_test_add_func ("/tools/brush/spread", test_brush_spread);
  g_test_add_func ("/tools/brush/second-pass", test_brush_second_pass);
  g_test_add_func ("/tools/brush/pressure", test_brush_pressure);
  g_test_add_func ("/tools/brush/deterministic", test_brush_deterministic);
  g_test_add_func ("/tools/brush/small", test_brush_small);
  g_test_add_func ("/tools/brush/fallbacks", test_brush_fallbacks);
  g_test_add_func ("/tools/brush/sees-engine-dots", test_brush_sees_engine_dots);
  g_test_add_func ("/tools/brush/eraser", test_eraser);
  if (g_test_perf ())
    g_test_add_func ("/tools/brush/perf", test_brush_perf);
  g_test_add_func ("/tools/brush/radius-keys", test_radius_keys);
  g_test_add_func ("/tools/brush/cancel-and-overlay", test_cancel_and_overlay);

  return g_test_run ();
}
