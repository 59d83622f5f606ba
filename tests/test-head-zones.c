/* test-head-zones.c: zones that belong to the head (format 4). A zone on
 * the top chart's front half, marked on the head, shows in the front chart
 * with exactly the top dots the front view sees, each where the model puts
 * it; a view without a head model gets none; the view's own zones win; the
 * flag survives a save and a load, and is refused where no head model is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-error.h"
#include "hl-head-chart.h"
#include "hl-head-transfer.h"
#include "hl-head-zones.h"
#include "hl-stippler.h"

#define PX_PER_MM 10.0

static HlZone *
square_zone (const char *name,
             double      cx,
             double      cy,
             double      side,
             gboolean    on_head)
{
  double h = side / 2.0 * PX_PER_MM;
  HlPoint pts[] = { { cx * PX_PER_MM - h, cy * PX_PER_MM - h }, { cx * PX_PER_MM + h, cy * PX_PER_MM - h },
                    { cx * PX_PER_MM + h, cy * PX_PER_MM + h }, { cx * PX_PER_MM - h, cy * PX_PER_MM + h } };
  gboolean corners[] = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(HlCurve) outline = hl_curve_new_full (pts, corners, 4, TRUE);
  HlZoneParams zp;
  HlZone *zone;

  hl_zone_params_init (&zp);
  zp.density = 60.0;
  zp.edge_blend_mm = 2.0;
  zp.seed = 5;
  zone = hl_zone_new (name, HL_ZONE_CROWN, outline, &zp);
  hl_zone_set_on_head (zone, on_head);
  return zone;
}

/* A design with the top chart (a zone on its front half, on the head,
 * and one that stays the top's own), the front chart (empty) and a view
 * without a head model (a bare photo plane). */
static HlDesign *
make_design (void)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) top = hl_head_chart_new_view (HL_HEAD_CHART_TOP, NULL);
  g_autoptr(HlView) front = hl_head_chart_new_view (HL_HEAD_CHART_FRONT, NULL);
  g_autoptr(HlView) plane = hl_view_new ("photo plane");
  g_autoptr(HlZone) on_head = square_zone ("Front of the top", 120.0, 110.0, 30.0, TRUE);
  g_autoptr(HlZone) own = square_zone ("Crown", 120.0, 180.0, 30.0, FALSE);
  g_autoptr(HlZone) plane_zone = square_zone ("Plane", 50.0, 50.0, 20.0, FALSE);

  hl_design_set_seed (design, 11);
  hl_view_append_zone (top, on_head);
  hl_view_append_zone (top, own);
  hl_view_append_zone (plane, plane_zone);
  g_assert_true (top->has_head && front->has_head && !plane->has_head);
  hl_design_append_view (design, top);
  hl_design_append_view (design, front);
  hl_design_append_view (design, plane);
  return design;
}

/* Issue 20 item 3: the front chart shows exactly the top's on-head dots
 * the front view sees, each matched through the model within 0.5 px. */
static void
test_carried_into_front (void)
{
  g_autoptr(HlDesign) design = make_design ();
  const HlView *top = hl_design_get_view (design, 0);
  const HlView *front = hl_design_get_view (design, 1);
  g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
  g_autoptr(GArray) top_dots = hl_stipple_view (top, design->seed);
  g_autoptr(GArray) carried = NULL;
  g_autoptr(GArray) counts = NULL;
  guint expected = 0, on_head_dots = 0, j = 0;

  g_assert_true (hl_design_has_head_zones (design));
  g_assert_true (hl_head_zones_view_receives (design, 1));
  g_assert_false (hl_head_zones_view_receives (design, 0));
  g_assert_false (hl_head_zones_view_receives (design, 2));

  carried = hl_head_zones_carry (carrier, design, 1);
  /* Walk the top's dots of zone 0 in order: each one the front sees must
   * be the next carried dot, at the point the model gives. */
  for (guint i = 0; i < top_dots->len; i++)
    {
      const HlDot *d = &g_array_index (top_dots, HlDot, i);
      HlPoint q;

      if (d->zone != 0)
        continue;
      on_head_dots++;
      if (!hl_head_transfer_point (top, (HlPoint) { d->x, d->y }, front, &q))
        continue;
      expected++;
      g_assert_cmpuint (j, <, carried->len);
      {
        const HlDot *c = &g_array_index (carried, HlDot, j++);

        g_assert_cmpfloat (hypot (c->x - q.x, c->y - q.y), <=, 0.5);
        g_assert_cmpfloat (c->diameter_mm, ==, d->diameter_mm);
        g_assert_cmpuint (c->session, ==, d->session);
        g_assert_true (hl_color_equal (c->shade, d->shade));
        g_assert_true (hl_dot_zone_is_carried (c->zone));
        g_assert_cmpuint (hl_dot_carried_home_view (c->zone), ==, 0);
        g_assert_cmpuint (hl_dot_carried_home_zone (c->zone), ==, 0);
        /* In the front image, at the top of the head: above the hairline
         * region of the chart, inside the picture. */
        g_assert_cmpfloat (c->x, >, 0);
        g_assert_cmpfloat (c->x, <, front->photo.width);
        g_assert_cmpfloat (c->y, >, 0);
        g_assert_cmpfloat (c->y, <, front->photo.height / 2.0);
      }
    }
  g_test_message ("%u dots of the zone on the top chart, %u seen from the front, %u carried",
                  on_head_dots, expected, carried->len);
  g_assert_cmpuint (on_head_dots, >, 200);
  /* The front half of the top is in sight from the front. */
  g_assert_cmpuint (expected, ==, on_head_dots);
  g_assert_cmpuint (carried->len, ==, expected);

  counts = hl_head_zones_count ((const HlDot *) (gconstpointer) carried->data, carried->len);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpuint (g_array_index (counts, HlCarriedZone, 0).home_view, ==, 0);
  g_assert_cmpuint (g_array_index (counts, HlCarriedZone, 0).zone, ==, 0);
  g_assert_cmpuint (g_array_index (counts, HlCarriedZone, 0).dots, ==, carried->len);

  /* The one-shot path gives the view's own dots, then the same carried
   * ones. */
  {
    g_autoptr(GArray) all = hl_head_zones_stipple_view (design, 1);

    g_assert_cmpuint (all->len, ==, carried->len);
    g_assert_cmpmem (all->data, all->len * sizeof (HlDot), carried->data, carried->len * sizeof (HlDot));
  }
}

static void
test_no_model_no_carried (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
  g_autoptr(GArray) carried = hl_head_zones_carry (carrier, design, 2);
  g_autoptr(GArray) top = hl_head_zones_carry (carrier, design, 0);
  g_autoptr(GArray) plane_own = hl_stipple_view (hl_design_get_view (design, 2), design->seed);
  g_autoptr(GArray) plane_all = hl_head_zones_stipple_view (design, 2);
  g_autoptr(GPtrArray) outlines = hl_head_zones_outlines (design, 2, NULL);

  g_assert_cmpuint (carried->len, ==, 0);
  /* The home view does not carry its own zones into itself. */
  g_assert_cmpuint (top->len, ==, 0);
  g_assert_cmpuint (outlines->len, ==, 0);
  g_assert_cmpuint (plane_own->len, >, 0);
  g_assert_cmpmem (plane_all->data, plane_all->len * sizeof (HlDot), plane_own->data, plane_own->len * sizeof (HlDot));
}

/* A zone of the front view covering part of the carried zone: no carried
 * dot inside it, the others stay. */
static void
test_own_zones_win (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
  g_autoptr(GArray) before = hl_head_zones_carry (carrier, design, 1);
  g_autoptr(GArray) after = NULL;
  g_autoptr(HlDesign) edited = NULL;
  g_autoptr(HlZone) cover = NULL;
  const HlPoint *poly;
  guint n, kept = 0;
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  g_assert_cmpuint (before->len, >, 0);
  for (guint i = 0; i < before->len; i++)
    {
      const HlDot *d = &g_array_index (before, HlDot, i);

      min_x = MIN (min_x, d->x);
      max_x = MAX (max_x, d->x);
      min_y = MIN (min_y, d->y);
      max_y = MAX (max_y, d->y);
    }
  /* The left half of the carried dots' box, in the front's mm. */
  cover = square_zone ("Front own", (min_x + (max_x - min_x) * 0.25) / PX_PER_MM,
                       (min_y + max_y) / 2.0 / PX_PER_MM, (max_x - min_x) * 0.5 / PX_PER_MM, FALSE);
  edited = hl_edit_add_zone (design, 1, cover);
  after = hl_head_zones_carry (carrier, edited, 1);
  poly = hl_curve_get_polyline (cover->boundary, &n);
  for (guint i = 0; i < before->len; i++)
    {
      const HlDot *d = &g_array_index (before, HlDot, i);

      if (!hl_polygon_contains (poly, n, (HlPoint) { d->x, d->y }))
        kept++;
    }
  for (guint i = 0; i < after->len; i++)
    {
      const HlDot *d = &g_array_index (after, HlDot, i);

      g_assert_false (hl_polygon_contains (poly, n, (HlPoint) { d->x, d->y }));
    }
  g_test_message ("%u carried dots, %u outside the front's own zone", before->len, after->len);
  g_assert_cmpuint (after->len, ==, kept);
  g_assert_cmpuint (after->len, <, before->len);
  g_assert_cmpuint (after->len, >, 0);
}

/* Asking again for an unchanged design returns the cached result; a new
 * seed or a changed home view makes a new one. */
static void
test_cache (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(HlDesign) reseeded = hl_design_copy (design);
  g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
  g_autoptr(GArray) a = hl_head_zones_carry (carrier, design, 1);
  g_autoptr(GArray) b = hl_head_zones_carry (carrier, design, 1);
  g_autoptr(GArray) c = NULL;
  g_autoptr(GArray) d = NULL;

  g_assert_true (a == b);
  hl_design_set_seed (reseeded, 12);
  c = hl_head_zones_carry (carrier, reseeded, 1);
  g_assert_true (c != a);
  g_assert_cmpuint (c->len, >, 0);
  g_assert_false (c->len == a->len &&
                  memcmp (c->data, a->data, a->len * sizeof (HlDot)) == 0);
  d = hl_head_zones_carry (carrier, design, 1);
  g_assert_cmpmem (d->data, d->len * sizeof (HlDot), a->data, a->len * sizeof (HlDot));
}

static void
test_outlines (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(GArray) carried = NULL;
  g_autoptr(GPtrArray) outlines = hl_head_zones_outlines (design, 1, &carried);
  g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
  g_autoptr(GArray) dots = hl_head_zones_carry (carrier, design, 1);
  HlRect box;

  g_assert_cmpuint (outlines->len, ==, 1);
  g_assert_cmpuint (carried->len, ==, 1);
  g_assert_cmpuint (g_array_index (carried, HlCarriedZone, 0).home_view, ==, 0);
  g_assert_cmpuint (g_array_index (carried, HlCarriedZone, 0).zone, ==, 0);
  /* The carried dots lie within the carried outline's box. */
  box = hl_rect_inflate (hl_curve_bounds (g_ptr_array_index (outlines, 0)), 1.0);
  for (guint i = 0; i < dots->len; i++)
    g_assert_true (hl_rect_contains (box, (HlPoint) { g_array_index (dots, HlDot, i).x,
                                                      g_array_index (dots, HlDot, i).y }));
}

/* The flag is saved (format 4) and read back, through a real file. */
static void
test_round_trip (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(HlDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hl-head-zones-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  cJSON *root;

  g_assert_no_error (error);
  path = g_build_filename (dir, "design.json", NULL);
  g_assert_true (hl_design_save_to_file (design, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  root = cJSON_Parse (text);
  g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (root, "version")->valueint, ==, 4);
  {
    const cJSON *views = cJSON_GetObjectItemCaseSensitive (root, "views");
    const cJSON *zones = cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (views, 0), "zones");

    g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (zones, 0), "on_head")));
    /* Written only when set. */
    g_assert_null (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (zones, 1), "on_head"));
  }
  cJSON_Delete (root);

  back = hl_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (hl_view_get_zone (hl_design_get_view (back, 0), 0)->on_head);
  g_assert_false (hl_view_get_zone (hl_design_get_view (back, 0), 1)->on_head);
  g_assert_false (hl_view_get_zone (hl_design_get_view (back, 2), 0)->on_head);
  again = hl_design_to_json (back, NULL);
  g_assert_cmpstr (again, ==, text);
  {
    g_autoptr(HlHeadZones) a = hl_head_zones_new ();
    g_autoptr(HlHeadZones) b = hl_head_zones_new ();
    g_autoptr(GArray) x = hl_head_zones_carry (a, design, 1);
    g_autoptr(GArray) y = hl_head_zones_carry (b, back, 1);

    g_assert_cmpuint (x->len, >, 0);
    g_assert_cmpmem (x->data, x->len * sizeof (HlDot), y->data, y->len * sizeof (HlDot));
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* on_head on a view without a head model: refused, naming the JSON path;
 * not a boolean: refused too. */
static void
test_refused (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autofree char *text = hl_design_to_json (design, NULL);
  cJSON *root = cJSON_Parse (text);
  cJSON *views = cJSON_GetObjectItemCaseSensitive (root, "views");
  cJSON *zone = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (cJSON_GetArrayItem (views, 2), "zones"), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) loaded = NULL;
  char *bad;

  cJSON_AddBoolToObject (zone, "on_head", TRUE);
  bad = cJSON_Print (root);
  loaded = hl_design_load_from_data (bad, strlen (bad), &error);
  cJSON_free (bad);
  g_assert_null (loaded);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "views[2].zones[0].on_head"));
  g_clear_error (&error);

  cJSON_ReplaceItemInObjectCaseSensitive (zone, "on_head", cJSON_CreateNumber (1));
  bad = cJSON_Print (root);
  loaded = hl_design_load_from_data (bad, strlen (bad), &error);
  cJSON_free (bad);
  g_assert_null (loaded);
  g_assert_error (error, HL_ERROR, HL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "views[2].zones[0].on_head"));
  cJSON_Delete (root);
}

/* A view that loses its head model keeps its zones as its own: the flag is
 * not written where the loader would refuse it, so nothing is lost. */
static void
test_lost_model_saves (void)
{
  g_autoptr(HlDesign) design = make_design ();
  g_autoptr(HlDesign) edited = hl_design_copy (design);
  g_autoptr(HlView) top = hl_view_copy (hl_design_get_view (design, 0));
  g_autoptr(HlDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  hl_view_set_head (top, NULL, NULL);
  hl_design_replace_view (edited, 0, top);
  g_assert_false (hl_head_zones_view_receives (edited, 1));
  text = hl_design_to_json (edited, NULL);
  back = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_false (hl_view_get_zone (hl_design_get_view (back, 0), 0)->on_head);
  g_assert_cmpuint (hl_view_get_n_zones (hl_design_get_view (back, 0)), ==, 2);
}

/* A version 3 file (the head-chart sample as it was before format 4,
 * frozen in tests/data) loads with no zone on the head, and is written
 * back the same but for its version. */
static void
test_version_3 (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_TEST_DATA_DIR"), "head-chart-v3.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  cJSON *orig, *out;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  design = hl_design_load_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpint (design->version, ==, 3);
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    for (guint z = 0; z < hl_view_get_n_zones (hl_design_get_view (design, v)); z++)
      g_assert_false (hl_view_get_zone (hl_design_get_view (design, v), z)->on_head);
  g_assert_false (hl_design_has_head_zones (design));

  written = hl_design_to_json (design, NULL);
  orig = cJSON_Parse (text);
  out = cJSON_Parse (written);
  g_assert_cmpint (cJSON_GetObjectItemCaseSensitive (out, "version")->valueint, ==, 4);
  cJSON_ReplaceItemInObjectCaseSensitive (orig, "version", cJSON_CreateNumber (4));
  g_assert_true (cJSON_Compare (orig, out, TRUE));
  cJSON_Delete (orig);
  cJSON_Delete (out);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/head-zones/carried-into-front", test_carried_into_front);
  g_test_add_func ("/head-zones/no-model-no-carried", test_no_model_no_carried);
  g_test_add_func ("/head-zones/own-zones-win", test_own_zones_win);
  g_test_add_func ("/head-zones/cache", test_cache);
  g_test_add_func ("/head-zones/outlines", test_outlines);
  g_test_add_func ("/head-zones/round-trip", test_round_trip);
  g_test_add_func ("/head-zones/refused", test_refused);
  g_test_add_func ("/head-zones/lost-model-saves", test_lost_model_saves);
  g_test_add_func ("/head-zones/version-3", test_version_3);

  return g_test_run ();
}
