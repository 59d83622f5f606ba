/* test-engine-drag.c: what the engine's update after a hairline handle
 * moved relies on, checked against fresh indexes and fresh stipples on
 * adversarial drags: a handle dragged across other segments of the line, the nearest
 * segment switching to another part of it, a hairline curve that closes on
 * itself, a handle dropped onto its neighbour, a handle thrown far in one
 * event, and a handle swung out past the line's start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-design.h"
#include "hl-segment-index.h"
#include "hl-stippler.h"

#define MM_PER_PX 0.1
/* The stippler's hairline reach for the default zone parameters is about
 * this (transition + 2 × macro amplitude + 1 mm, in px). */
#define REACH 90.0

typedef struct
{
  const char *name;
  HlPoint     points[9];
  guint       n_points;
  gboolean    closed;
  guint       handle;
  HlPoint     to;
} Drag;

/* A wavy line across (0..2400) × (600..900), left to right. */
#define WAVY { { -100, 800 }, { 212, 760 }, { 525, 840 }, { 837, 760 }, { 1150, 800 }, \
               { 1462, 840 }, { 1775, 760 }, { 2087, 800 }, { 2400, 840 } }

static const Drag drags[] = {
  /* Handle 4 pulled right, through the pieces after it: the new
   * line crosses itself. */
  { "across", WAVY, 9, FALSE, 4, { 2200, 700 } },
  /* A U: its apex (handle 3) pulled down next to the right leg, whose
   * points then have the moved piece as their nearest segment. */
  { "switch", { { 200, 1200 }, { 250, 700 }, { 400, 400 }, { 700, 300 }, { 1000, 400 },
                { 1150, 700 }, { 1200, 1200 } }, 7, FALSE, 3, { 1060, 800 } },
  /* A hairline curve that closes on itself: its polyline is used open,
   * its two ends meeting. */
  { "closed", { { 300, 300 }, { 1200, 200 }, { 2100, 300 }, { 2200, 800 }, { 1200, 1000 },
                { 200, 800 } }, 6, TRUE, 3, { 2150, 700 } },
  /* Handle 4 dropped onto handle 5: a piece of zero length. */
  { "onto", WAVY, 9, FALSE, 4, { 1462, 840 } },
  /* Thrown 900 px up in one event: points farther than the reach from
   * both pieces change side inside the loop they close. */
  { "thrown", WAVY, 9, FALSE, 4, { 1150, -100 } },
  /* Handle 3 swung out past the start, under the line's first segment
   * and its end ray. */
  { "past-start", WAVY, 9, FALSE, 3, { -500, 1100 } },
};

static HlCurve *
drag_curve (const Drag *d)
{
  return hl_curve_new (d->points, d->n_points, d->closed);
}

/* The piece that changed between @lo and @lc as the stippler finds it
 * (common start, common end); FALSE when an end piece changed (then the
 * stippler evaluates every candidate). */
static gboolean
changed_piece (const HlPoint *lo,
               guint          n_old,
               const HlPoint *lc,
               guint          n_cur,
               guint         *a,
               guint         *n_po,
               guint         *n_pc)
{
  guint n_min = MIN (n_old, n_cur), pre = 0, suf = 0;

  while (pre < n_min && memcmp (lo + pre, lc + pre, sizeof (HlPoint)) == 0)
    pre++;
  while (suf < n_min - pre && memcmp (lo + n_old - 1 - suf, lc + n_cur - 1 - suf, sizeof (HlPoint)) == 0)
    suf++;
  if (memcmp (lo, lc, 2 * sizeof (HlPoint)) != 0 ||
      memcmp (lo + n_old - 2, lc + n_cur - 2, 2 * sizeof (HlPoint)) != 0)
    return FALSE;
  *a = pre - 1;
  *n_po = MIN (n_old, n_old - suf + 1) - *a;
  *n_pc = MIN (n_cur, n_cur - suf + 1) - *a;
  return TRUE;
}

/* The distance's side against the crossings' side, and a local index
 * against a whole one, on every drag's new line; and outside the area the
 * engine re-evaluates (the changed piece, before and after, inflated by
 * the reach + 1 px), the new line's distance against the old line's, bit
 * for bit. */
static void
test_distances (void)
{
  HlRect area = { -600, -600, 3000, 2000 };

  for (guint k = 0; k < G_N_ELEMENTS (drags); k++)
    {
      const Drag *d = &drags[k];
      g_autoptr(HlCurve) before = drag_curve (d);
      g_autoptr(HlCurve) after = hl_curve_with_point (before, d->handle, d->to);
      guint n_old, n_cur, a = 0, n_po = 0, n_pc = 0;
      const HlPoint *lo = hl_curve_get_polyline (before, &n_old);
      const HlPoint *lc = hl_curve_get_polyline (after, &n_cur);
      g_autoptr(HlSegmentIndex) io = hl_segment_index_new (lo, n_old, FALSE, REACH, area);
      g_autoptr(HlSegmentIndex) ic = hl_segment_index_new (lc, n_cur, FALSE, REACH, area);
      g_autoptr(HlSegmentIndex) local = NULL;
      HlRect moved;
      gboolean simple = hl_segment_index_is_simple (io) && hl_segment_index_is_simple (ic);
      guint outside = 0, inside = 0, changed = 0, parity = 0;

      g_assert_true (changed_piece (lo, n_old, lc, n_cur, &a, &n_po, &n_pc));
      moved = hl_rect_union (hl_rect_from_points (lo + a, n_po), hl_rect_from_points (lc + a, n_pc));
      moved = hl_rect_inflate (moved, REACH + 1.0);
      local = hl_segment_index_new_local (lc, n_cur, REACH, area, hl_rect_intersect (moved, area));

      for (double y = area.y0 + 0.37; y < area.y1; y += 4.1)
        for (double x = area.x0 + 0.61; x < area.x1; x += 4.3)
          {
            HlPoint p = { x, y };
            double d_old = hl_segment_index_signed_distance (io, p);
            double d_new = hl_segment_index_signed_distance (ic, p);
            double d_local = hl_segment_index_signed_distance (local, p);

            g_assert_cmpmem (&d_local, sizeof (double), &d_new, sizeof (double));
            if (hl_segment_index_sides_by_parity (ic))
              {
                g_assert_cmpint (hl_segment_index_in_front (ic, p), ==, d_new < 0.0);
                parity++;
              }
            if (memcmp (&d_old, &d_new, sizeof (double)) != 0)
              changed++;
            if (hl_rect_contains (moved, p))
              {
                inside++;
                continue;
              }
            outside++;
            /* A line that crosses itself or its end rays is evaluated
             * afresh by the engine. */
            if (simple && memcmp (&d_old, &d_new, sizeof (double)) != 0)
              g_error ("%s: (%g, %g) outside the moved area, but its distance went from %.17g to %.17g",
                       d->name, p.x, p.y, d_old, d_new);
          }

      /* Right beside the line (the engine asks the distance first where
       * a candidate was behind it, and the crossings only closer than
       * 1e-3 px): both rules name the same side from 2e-3 px on, at
       * every segment's middle and ends. */
      if (hl_segment_index_sides_by_parity (ic))
        for (guint i = 0; i + 1 < n_cur; i++)
          {
            HlPoint a0 = lc[i], b0 = lc[i + 1];
            double len = hl_point_distance (a0, b0);
            static const double offsets[] = { 2e-3, 1e-2, 0.1, 1.0 };
            static const double along[] = { 0.0, 0.5, 1.0 };

            if (len <= 0.0)
              continue;
            for (guint j = 0; j < G_N_ELEMENTS (along); j++)
              for (guint o = 0; o < 2 * G_N_ELEMENTS (offsets); o++)
                {
                  double off = (o % 2 ? -1.0 : 1.0) * offsets[o / 2];
                  HlPoint p = { a0.x + along[j] * (b0.x - a0.x) - off * (b0.y - a0.y) / len,
                                a0.y + along[j] * (b0.y - a0.y) + off * (b0.x - a0.x) / len };
                  double dp = hl_segment_index_signed_distance (ic, p);

                  if (fabs (dp) >= 1e-3)
                    g_assert_cmpint (hl_segment_index_in_front (ic, p), ==, dp < 0.0);
                  parity++;
                }
          }

      g_test_message ("%s: %u to %u polyline points, %s; %u points outside the moved area, %u inside, "
                      "%u changed, %u sides by crossings", d->name, n_old, n_cur,
                      simple ? "simple" : "not simple", outside, inside, changed, parity);
      g_assert_cmpuint (changed, >, 0);
      g_assert_cmpuint (outside, >, 0);
    }
}

static HlCurve *
rect_curve (HlRect r)
{
  HlPoint corners[] = { { r.x0, r.y0 }, { r.x1, r.y0 }, { r.x1, r.y1 }, { r.x0, r.y1 } };
  HlPoint pts[80];

  for (guint s = 0; s < 4; s++)
    for (guint k = 0; k < 20; k++)
      pts[s * 20 + k] = (HlPoint) { corners[s].x + (corners[(s + 1) % 4].x - corners[s].x) * k / 20.0,
                                    corners[s].y + (corners[(s + 1) % 4].y - corners[s].y) * k / 20.0 };
  return hl_curve_new (pts, 80, TRUE);
}

/* Each drag done in steps on an engine that updates incrementally gives,
 * after every step, exactly the dots of a fresh engine. */
static void
test_stippler_drags (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (drags); k++)
    {
      const Drag *d = &drags[k];
      HlView *cur = hl_view_new ("front");
      HlCalibration cal = { HL_CALIBRATION_MANUAL, MM_PER_PX, 0.02 };
      g_autoptr(HlCurve) outline = rect_curve ((HlRect) { 0, 0, 2400, 1400 });
      g_autoptr(HlCurve) hair = drag_curve (d);
      g_autoptr(HlZone) zone = NULL;
      g_autoptr(HlStippler) st = hl_stippler_new ();
      HlZoneParams zp;
      HlPoint from = d->points[d->handle];
      const guint steps = 6;

      hl_view_set_calibration (cur, &cal);
      hl_zone_params_init (&zp);
      zp.density = 40;
      zp.follows_hairline = TRUE;
      zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &zp);
      hl_view_append_zone (cur, zone);
      hl_view_set_hairline (cur, hair);
      hl_stippler_update (st, cur, 3);

      /* There and back again, the last step of each way landing on the
       * drag's end or its start exactly. */
      for (guint step = 1; step <= 2 * steps; step++)
        {
          double f = step <= steps ? (double) step / steps : (double) (2 * steps - step) / steps;
          HlPoint p = { from.x + f * (d->to.x - from.x), from.y + f * (d->to.y - from.y) };
          HlView *next = hl_view_copy (cur);
          g_autoptr(HlCurve) moved = NULL;
          g_autoptr(GArray) fresh = NULL;
          const HlDot *dots;
          gsize n;

          if (step == steps)
            p = d->to;
          else if (step == 2 * steps)
            p = from;
          moved = hl_curve_with_point (cur->hairline, d->handle, p);
          hl_view_set_hairline (next, moved);
          hl_view_unref (cur);
          cur = next;

          hl_stippler_update (st, cur, 3);
          dots = hl_stippler_get_dots (st, &n);
          fresh = hl_stipple_view (cur, 3);
          g_assert_cmpuint (n, >, 0);
          g_assert_cmpuint (n, ==, fresh->len);
          g_assert_cmpmem (dots, n * sizeof (HlDot), fresh->data, fresh->len * sizeof (HlDot));

          /* The zone's counts, kept up to date cell by cell, against a
           * count of the dots themselves. */
          {
            HlZoneStats stats;
            guint want[G_N_ELEMENTS (stats.session_dots)] = { 0 };

            for (gsize i = 0; i < n; i++)
              if (dots[i].zone == 0)
                want[MIN (dots[i].session, G_N_ELEMENTS (want) - 1)]++;
            g_assert_true (hl_stippler_get_zone_counts (st, 0, &stats));
            g_assert_cmpmem (stats.session_dots, sizeof stats.session_dots, want, sizeof want);
          }
        }
      hl_view_unref (cur);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine-drag/distances", test_distances);
  g_test_add_func ("/engine-drag/stippler-drags", test_stippler_drags);

  return g_test_run ();
}
