/* test-corners.c: corner points on curves, in geometry and in the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-curve.h"
#include "hl-stippler.h"

/* 20 × 10 cm at 1 mm per pixel. */
static const HlPoint rectangle[] = { { 0, 0 }, { 200, 0 }, { 200, 100 }, { 0, 100 } };
#define RECT_AREA_PX (200.0 * 100.0)

static HlCurve *
rectangle_curve (gboolean corners)
{
  gboolean flags[] = { corners, corners, corners, corners };

  return hl_curve_new_full (rectangle, flags, 4, TRUE);
}

/* The corner flags of @curve as a string of '0' and '1' (caller frees). */
static char *
flags_of (const HlCurve *curve)
{
  guint n = hl_curve_get_n_points (curve);
  char *s = g_malloc (n + 1);

  for (guint i = 0; i < n; i++)
    s[i] = hl_curve_is_corner (curve, i) ? '1' : '0';
  s[n] = '\0';
  return s;
}

static void
assert_flags (const HlCurve *curve,
              const char    *expected)
{
  g_autofree char *got = flags_of (curve);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (hl_curve_has_corners (curve), ==, strchr (expected, '1') != NULL);
}

static void
test_rectangle_area (void)
{
  g_autoptr(HlCurve) sharp = rectangle_curve (TRUE);
  g_autoptr(HlCurve) smooth = rectangle_curve (FALSE);
  HlRect box = hl_curve_bounds (sharp);

  /* Four corners: the rectangle itself, its sides straight. */
  g_assert_cmpfloat (fabs (hl_curve_area (sharp) - RECT_AREA_PX) / RECT_AREA_PX, <, 1e-9);
  g_assert_cmpfloat (fabs (hl_curve_length (sharp) - 600.0) / 600.0, <, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.x0, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.y0, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.x1, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (box.y1, 100, 1e-9);

  /* Four smooth points: a rounded shape that bulges past the sides. */
  g_test_message ("smooth area %.1f px², rectangle %.1f px²", hl_curve_area (smooth), RECT_AREA_PX);
  g_assert_cmpfloat (fabs (hl_curve_area (smooth) - RECT_AREA_PX) / RECT_AREA_PX, >, 0.01);

  /* Made a corner one point at a time: the same curve. */
  {
    HlCurve *c = hl_curve_ref (smooth);

    for (guint i = 0; i < 4; i++)
      {
        HlCurve *next = hl_curve_with_corner (c, i, TRUE);

        hl_curve_unref (c);
        c = next;
      }
    g_assert_true (hl_curve_equal (c, sharp));
    g_assert_cmpfloat (hl_curve_area (c), ==, hl_curve_area (sharp));
    hl_curve_unref (c);
  }

  /* The engine measures the same area on the skin: 200 cm². */
  {
    g_autoptr(HlView) view = hl_view_new ("top");
    g_autoptr(HlZone) zone = NULL;
    g_autoptr(HlStippler) st = hl_stippler_new ();
    HlCalibration cal = { HL_CALIBRATION_MANUAL, 1.0, 0.0 };
    HlZoneParams zp;
    HlZoneStats stats;

    hl_view_set_calibration (view, &cal);
    hl_zone_params_init (&zp);
    zp.density = 10;
    zone = hl_zone_new ("Box", HL_ZONE_CUSTOM, sharp, &zp);
    hl_view_append_zone (view, zone);
    hl_stippler_update (st, view, 1);
    g_assert_true (hl_stippler_get_zone_stats (st, 0, &stats));
    g_assert_cmpfloat (fabs (stats.area_cm2 - 200.0) / 200.0, <, 1e-9);
  }
}

static void
test_edits_keep_flags (void)
{
  HlPoint pts[] = { { 0, 0 }, { 10, 5 }, { 20, 0 }, { 30, 5 }, { 40, 0 }, { 50, 5 } };
  gboolean corners[] = { FALSE, TRUE, FALSE, FALSE, TRUE, FALSE };
  g_autoptr(HlCurve) curve = hl_curve_new_full (pts, corners, 6, FALSE);
  HlPoint p = { 25, 9 };

  assert_flags (curve, "010010");

  /* Inserting: the new point is smooth, the others keep their flags. */
  {
    g_autoptr(HlCurve) c = hl_curve_with_inserted_point (curve, 3, p);

    assert_flags (c, "0100010");
    g_assert_cmpfloat (hl_curve_get_points (c)[3].x, ==, 25);
    g_assert_cmpfloat (hl_curve_get_points (c)[4].x, ==, 30);
  }
  {
    g_autoptr(HlCurve) c = hl_curve_with_inserted_point (curve, 0, p);

    assert_flags (c, "0010010");
  }
  {
    g_autoptr(HlCurve) c = hl_curve_with_inserted_point (curve, 6, p);

    assert_flags (c, "0100100");
    g_assert_cmpfloat (hl_curve_get_points (c)[6].y, ==, 9);
  }
  {
    g_autoptr(HlCurve) c = hl_curve_with_inserted_point (curve, 2, p);

    assert_flags (c, "0100010");
  }

  /* Removing: a corner goes with its point, the others shift with theirs. */
  {
    g_autoptr(HlCurve) c = hl_curve_without_point (curve, 1);

    assert_flags (c, "00010");
    g_assert_cmpfloat (hl_curve_get_points (c)[3].x, ==, 40);
  }
  {
    g_autoptr(HlCurve) c = hl_curve_without_point (curve, 2);

    assert_flags (c, "01010");
  }
  {
    g_autoptr(HlCurve) c = hl_curve_without_point (curve, 5);

    assert_flags (c, "01001");
  }

  /* Toggling one point leaves the others alone. */
  {
    g_autoptr(HlCurve) on = hl_curve_with_corner (curve, 2, TRUE);
    g_autoptr(HlCurve) off = hl_curve_with_corner (curve, 1, FALSE);
    g_autoptr(HlCurve) none = hl_curve_with_corner (off, 4, FALSE);
    g_autoptr(HlCurve) again = hl_curve_with_corner (curve, 4, TRUE);

    assert_flags (on, "011010");
    assert_flags (off, "000010");
    assert_flags (none, "000000");
    assert_flags (again, "010010");
    g_assert_true (hl_curve_equal (again, curve));
  }

  /* Moving a point keeps every flag. */
  {
    g_autoptr(HlCurve) c = hl_curve_with_point (curve, 4, p);

    assert_flags (c, "010010");
  }

  /* None of this changed the original. */
  assert_flags (curve, "010010");
}

static void
test_equal_tells_corners_apart (void)
{
  g_autoptr(HlCurve) sharp = rectangle_curve (TRUE);
  g_autoptr(HlCurve) sharp2 = rectangle_curve (TRUE);
  g_autoptr(HlCurve) smooth = rectangle_curve (FALSE);
  g_autoptr(HlCurve) one = hl_curve_with_corner (smooth, 2, TRUE);
  g_autoptr(HlCurve) other = hl_curve_with_corner (smooth, 1, TRUE);
  g_autoptr(HlCurve) back = hl_curve_with_corner (one, 2, FALSE);
  g_autoptr(HlCurve) open = NULL;
  gboolean flags[] = { TRUE, TRUE, TRUE, TRUE };

  open = hl_curve_new_full (rectangle, flags, 4, FALSE);

  g_assert_true (hl_curve_equal (sharp, sharp2));
  g_assert_true (hl_curve_same_corners (sharp, sharp2));
  g_assert_false (hl_curve_equal (sharp, smooth));
  g_assert_false (hl_curve_same_corners (sharp, smooth));
  g_assert_false (hl_curve_equal (one, smooth));
  g_assert_false (hl_curve_equal (one, other));
  g_assert_false (hl_curve_same_corners (one, other));
  g_assert_true (hl_curve_equal (back, smooth));
  g_assert_false (hl_curve_has_corners (back));
  g_assert_false (hl_curve_equal (open, sharp));
  g_assert_true (hl_curve_same_corners (open, sharp));
}

static void
test_find_segment (void)
{
  g_autoptr(HlCurve) sharp = rectangle_curve (TRUE);
  struct { HlPoint p; guint segment; HlPoint at; } cases[] = {
    { { 100, 3 }, 0, { 100, 0 } },
    { { 197, 40 }, 1, { 200, 40 } },
    { { 60, 104 }, 2, { 60, 100 } },
    { { -2, 50 }, 3, { 0, 50 } },   /* the closing side, from the last point to the first */
  };
  guint segment = 99;
  HlPoint at;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlCurve) inserted = NULL;

      g_assert_true (hl_curve_find_segment (sharp, cases[i].p, 5.0, &segment, &at));
      g_assert_cmpuint (segment, ==, cases[i].segment);
      g_assert_cmpfloat_with_epsilon (at.x, cases[i].at.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (at.y, cases[i].at.y, 1e-9);

      /* A point put there lands on the straight side and keeps the area. */
      inserted = hl_curve_with_inserted_point (sharp, segment + 1, at);
      g_assert_cmpfloat (hl_curve_get_points (inserted)[segment + 1].x, ==, at.x);
      g_assert_cmpfloat (hl_curve_get_points (inserted)[segment + 1].y, ==, at.y);
      g_assert_false (hl_curve_is_corner (inserted, segment + 1));
      g_assert_cmpfloat (fabs (hl_curve_area (inserted) - RECT_AREA_PX) / RECT_AREA_PX, <, 1e-9);
    }

  /* Far from every side: nothing. */
  g_assert_false (hl_curve_find_segment (sharp, (HlPoint) { 100, 50 }, 5.0, &segment, &at));

  /* The smooth curve bulges: the middle of a long side is not where its
   * drawn shape passes. */
  {
    g_autoptr(HlCurve) smooth = rectangle_curve (FALSE);

    g_assert_false (hl_curve_find_segment (smooth, (HlPoint) { 100, 0 }, 1.0, NULL, NULL));
  }

  /* An open curve with a corner: a sharp V. */
  {
    HlPoint v[] = { { 0, 0 }, { 50, 100 }, { 100, 0 } };
    gboolean flags[] = { FALSE, TRUE, FALSE };
    g_autoptr(HlCurve) vee = hl_curve_new_full (v, flags, 3, FALSE);

    g_assert_true (hl_curve_find_segment (vee, (HlPoint) { 77, 48 }, 5.0, &segment, &at));
    g_assert_cmpuint (segment, ==, 1);
    /* The side is straight: the nearest point is on the line x + y/2 = 100. */
    g_assert_cmpfloat_with_epsilon (at.x + at.y / 2, 100.0, 1e-9);
    g_assert_true (hl_curve_find_segment (vee, (HlPoint) { 20, 41 }, 5.0, &segment, &at));
    g_assert_cmpuint (segment, ==, 0);
  }
}

static void
assert_same_as_fresh (HlStippler   *st,
                      const HlView *view,
                      guint32       seed)
{
  g_autoptr(GArray) fresh = hl_stipple_view (view, seed);
  gsize n;
  const HlDot *dots = hl_stippler_get_dots (st, &n);

  g_assert_cmpuint (n, >, 100);
  g_assert_cmpuint (n, ==, fresh->len);
  g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));
}

/* The engine's dots, copied (transfer full). */
static GArray *
dots_now (HlStippler *st)
{
  gsize n;
  const HlDot *dots = hl_stippler_get_dots (st, &n);
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (HlDot), n);

  g_array_append_vals (copy, dots, n);
  return copy;
}

static gboolean
same_dots (GArray *a,
           GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (HlDot)) == 0;
}

static HlView *
with_zone_corner (const HlView *view,
                  guint         index,
                  gboolean      corner)
{
  HlView *next = hl_view_copy (view);
  g_autoptr(HlZone) zone = hl_zone_copy (hl_view_get_zone (view, 0));
  g_autoptr(HlCurve) outline = hl_curve_with_corner (zone->boundary, index, corner);

  hl_zone_set_boundary (zone, outline);
  hl_view_replace_zone (next, 0, zone);
  return next;
}

static HlView *
with_hairline_corner (const HlView *view,
                      guint         index,
                      gboolean      corner)
{
  HlView *next = hl_view_copy (view);
  g_autoptr(HlCurve) hairline = hl_curve_with_corner (view->hairline, index, corner);

  hl_view_set_hairline (next, hairline);
  return next;
}

/* Making a point a corner and back, the incremental engine gives exactly
 * the dots of a fresh one. */
static void
test_stippler_incremental (void)
{
  /* A frontal band 12 × 5 cm at 0.2 mm per pixel, behind a wavy hairline. */
  HlPoint outline[] = { { 100, 300 }, { 400, 260 }, { 700, 300 }, { 700, 50 }, { 400, 20 }, { 100, 50 } };
  HlPoint hair[] = { { 60, 330 }, { 250, 280 }, { 400, 250 }, { 550, 280 }, { 740, 330 } };
  g_autoptr(HlCurve) boundary = hl_curve_new (outline, 6, TRUE);
  g_autoptr(HlCurve) hairline = hl_curve_new (hair, 5, FALSE);
  g_autoptr(HlView) base = hl_view_new ("front");
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlStippler) st = hl_stippler_new ();
  g_autoptr(GArray) before = NULL;
  HlCalibration cal = { HL_CALIBRATION_MANUAL, 0.2, 0.02 };
  HlZoneParams zp;
  HlView *cur;

  hl_view_set_calibration (base, &cal);
  hl_zone_params_init_for_kind (&zp, HL_ZONE_FRONTAL);
  zone = hl_zone_new ("Front", HL_ZONE_FRONTAL, boundary, &zp);
  hl_view_append_zone (base, zone);
  hl_view_set_hairline (base, hairline);

  hl_stippler_update (st, base, 9);
  assert_same_as_fresh (st, base, 9);
  before = dots_now (st);
  cur = hl_view_ref (base);

  /* A zone point becomes a corner, then a second one. */
  for (guint k = 0; k < 2; k++)
    {
      HlView *next = with_zone_corner (cur, k == 0 ? 3 : 4, TRUE);
      g_autoptr(GArray) previous = dots_now (st);
      g_autoptr(GArray) now = NULL;

      hl_view_unref (cur);
      cur = next;
      hl_stippler_update (st, cur, 9);
      assert_same_as_fresh (st, cur, 9);
      now = dots_now (st);
      g_assert_false (same_dots (previous, now));
    }

  /* A hairline point becomes a corner: the ramp behind it changes. */
  {
    HlView *next = with_hairline_corner (cur, 2, TRUE);
    g_autoptr(GArray) previous = dots_now (st);
    g_autoptr(GArray) now = NULL;

    hl_view_unref (cur);
    cur = next;
    hl_stippler_update (st, cur, 9);
    assert_same_as_fresh (st, cur, 9);
    now = dots_now (st);
    g_assert_false (same_dots (previous, now));
  }

  /* The corner point moves, then its neighbour (corners kept). */
  for (guint k = 0; k < 2; k++)
    {
      HlView *next = hl_view_copy (cur);
      guint index = k == 0 ? 2 : 3;
      HlPoint p = hl_curve_get_points (cur->hairline)[index];
      g_autoptr(HlCurve) moved = hl_curve_with_point (cur->hairline, index,
                                                      (HlPoint) { p.x + 10, p.y - 10 });

      g_assert_true (hl_curve_is_corner (moved, 2));
      hl_view_set_hairline (next, moved);
      hl_view_unref (cur);
      cur = next;
      hl_stippler_update (st, cur, 9);
      assert_same_as_fresh (st, cur, 9);
    }

  /* Back to smooth everywhere and to the old hairline: the first dots. */
  {
    HlView *a = with_zone_corner (cur, 3, FALSE);
    HlView *b = with_zone_corner (a, 4, FALSE);
    HlView *c = hl_view_copy (b);
    g_autoptr(GArray) now = NULL;

    hl_view_set_hairline (c, hairline);
    hl_view_unref (a);
    hl_view_unref (b);
    hl_view_unref (cur);
    cur = c;
    g_assert_false (hl_curve_has_corners (hl_view_get_zone (cur, 0)->boundary));
    hl_stippler_update (st, cur, 9);
    assert_same_as_fresh (st, cur, 9);
    now = dots_now (st);
    g_assert_true (same_dots (before, now));
  }

  hl_view_unref (cur);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corners/rectangle-area", test_rectangle_area);
  g_test_add_func ("/corners/edits-keep-flags", test_edits_keep_flags);
  g_test_add_func ("/corners/equal", test_equal_tells_corners_apart);
  g_test_add_func ("/corners/find-segment", test_find_segment);
  g_test_add_func ("/corners/stippler-incremental", test_stippler_incremental);

  return g_test_run ();
}
