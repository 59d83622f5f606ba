/* test-head-views.c: one scalp seen from every view. A zone drawn on the
 * top chart's front half shows at the top of the head in the front chart,
 * with the same dots (matched through the model), and the same zone
 * stippled in the front view has the density of the top view on the
 * scalp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-head-chart.h"
#include "hl-head-transfer.h"
#include "hl-stippler.h"

#define PX_PER_MM 10.0

static HlZone *
square_zone (double cx,
             double cy,
             double side,
             double blend)
{
  double h = side / 2.0 * PX_PER_MM;
  HlPoint pts[] = { { cx * PX_PER_MM - h, cy * PX_PER_MM - h }, { cx * PX_PER_MM + h, cy * PX_PER_MM - h },
                    { cx * PX_PER_MM + h, cy * PX_PER_MM + h }, { cx * PX_PER_MM - h, cy * PX_PER_MM + h } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (pts, corners, 4, TRUE);
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  zp.density = 60.0;
  zp.edge_blend_mm = blend;
  zp.seed = 5;
  return hl_zone_new ("Crown front", HL_ZONE_CROWN, outline, &zp);
}

/* Must show 3. */
static void
test_top_zone_in_front_view (void)
{
  g_autoptr(HlView) top = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(HlView) front = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlZone) zone = square_zone (120.0, 110.0, 30.0, 4.0);
  g_autoptr(GArray) dots = NULL, seen = NULL;
  g_autoptr(HlCurve) outline = NULL;
  const HlPoint *ring;
  guint n_ring, inside = 0;

  hl_view_append_zone (top, zone);
  dots = hl_stipple_view (top, 11);
  g_assert_cmpuint (dots->len, >, 200);
  seen = hl_head_transfer_dots (top, (const HlDot *) (gconstpointer) dots->data, dots->len, front);
  g_assert_nonnull (seen);
  g_test_message ("%u dots on the top chart, %u seen from the front", dots->len, seen->len);
  /* The front half of the top is in sight from the front. */
  g_assert_cmpuint (seen->len, ==, dots->len);

  outline = hl_head_transfer_curve (top, zone->boundary, front);
  g_assert_nonnull (outline);
  ring = hl_curve_get_polyline (outline, &n_ring);
  for (guint i = 0; i < seen->len; i++)
    {
      const HlDot *a = &g_array_index (dots, HlDot, i), *b = &g_array_index (seen, HlDot, i);
      double xa[3], xb[3], d = 0.0;

      /* At the top of the head on the front chart: on the drawn head,
       * above the hairline's usual height (80 mm above the glabella, y
       * 65 mm). */
      g_assert_true (hl_head_chart_contains (HL_HEAD_CHART_FRONT, (HlPoint) { b->x, b->y }));
      g_assert_cmpfloat (b->y, <, 65.0 * PX_PER_MM);
      /* The same dot: the same point of the scalp from both views, the
       * same size, shade and session. */
      g_assert_true (hl_head_model_image_to_scalp (&top->head, &top->pose, (HlPoint) { a->x, a->y }, xa));
      g_assert_true (hl_head_model_image_to_scalp (&front->head, &front->pose, (HlPoint) { b->x, b->y }, xb));
      for (guint k = 0; k < 3; k++)
        d += (xa[k] - xb[k]) * (xa[k] - xb[k]);
      g_assert_cmpfloat (sqrt (d), <, 0.01);
      g_assert_cmpfloat (a->diameter_mm, ==, b->diameter_mm);
      g_assert_cmpint (a->session, ==, b->session);
      g_assert_true (hl_color_equal (a->shade, b->shade));
      inside += hl_polygon_contains (ring, n_ring, (HlPoint) { b->x, b->y });
    }
  /* The zone's outline carried across holds its dots. */
  g_assert_cmpuint (inside, >=, seen->len * 99 / 100);
}

/* Must show 5: a zone on the top of the head, carried to the front view
 * and stippled there, has the top view's density on the scalp (within
 * 10 %). It lies 45 mm ahead of the vertex: the crown itself, behind the
 * vertex, is out of the front view's sight, and the scalp just ahead of
 * the vertex is seen more than 70.5° from the front, where the front view
 * caps its area ratio (HL_HEAD_MAX_AREA_RATIO) and under-counts. */
static void
test_density_across_views (void)
{
  g_autoptr(HlView) top = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(HlView) front = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlZone) zone = square_zone (120.0, 100.0, 30.0, 1.0);
  g_autoptr(HlCurve) outline = NULL;
  g_autoptr(HlZone) carried = NULL;
  g_autoptr(HlStippler) a = hl_stippler_new ();
  g_autoptr(HlStippler) b = hl_stippler_new ();
  HlZoneStats st_top, st_front;
  double d_top, d_front;

  hl_view_append_zone (top, zone);
  outline = hl_head_transfer_curve (top, zone->boundary, front);
  g_assert_nonnull (outline);
  carried = hl_zone_new (zone->name, zone->kind, outline, &zone->params);
  hl_view_append_zone (front, carried);
  hl_stippler_update (a, top, 11);
  hl_stippler_update (b, front, 11);
  g_assert_true (hl_stippler_get_zone_stats (a, 0, &st_top));
  g_assert_true (hl_stippler_get_zone_stats (b, 0, &st_front));
  d_top = st_top.dots / st_top.area_cm2;
  d_front = st_front.dots / st_front.area_cm2;
  g_test_message ("top: %.2f cm² of scalp (%.2f in the image), %.1f dots/cm²; front: %.2f cm² (%.2f), %.1f dots/cm²",
                  st_top.area_cm2, st_top.image_area_cm2, d_top, st_front.area_cm2, st_front.image_area_cm2, d_front);
  /* The same piece of scalp. */
  g_assert_cmpfloat (fabs (st_front.area_cm2 / st_top.area_cm2 - 1.0), <, 0.03);
  g_assert_cmpfloat (st_front.image_area_cm2, <, 0.8 * st_front.area_cm2);
  g_assert_cmpfloat (fabs (d_front / d_top - 1.0), <, 0.10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/head-views/top-zone-in-front-view", test_top_zone_in_front_view);
  g_test_add_func ("/head-views/density-across-views", test_density_across_views);
  return g_test_run ();
}
