/* test-zone.c: zone parameters a panel changes: sessions and their shares,
 * the defaults of each kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-design-io.h"
#include "hl-zone.h"

static double
share_sum (const HlZoneParams *p)
{
  double sum = 0;

  for (guint i = 0; i < p->n_sessions; i++)
    {
      g_assert_cmpfloat (p->sessions[i].share, >, 0.0);
      sum += p->sessions[i].share;
    }
  return sum;
}

/* Shares stay positive, sum to 1 within the file format's 1e-6, and a
 * design carrying them saves and loads. */
static void
assert_valid_in_a_file (const HlZoneParams *p)
{
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlPoint box[] = { { 0, 0 }, { 100, 0 }, { 100, 100 } };
  g_autoptr(HlCurve) outline = hl_curve_new (box, 3, TRUE);
  g_autoptr(HlZone) zone = hl_zone_new ("Z", HL_ZONE_CUSTOM, outline, p);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(HlDesign) back = NULL;
  gsize len;

  g_assert_cmpfloat (fabs (share_sum (p) - 1.0), <=, 1e-9);
  hl_view_append_zone (view, zone);
  hl_design_append_view (design, view);
  json = hl_design_to_json (design, &len);
  back = hl_design_load_from_data (json, len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_view_get_zone (hl_design_get_view (back, 0), 0)->params.n_sessions, ==, p->n_sessions);
}

static void
test_sessions (void)
{
  HlZoneParams p;

  hl_zone_params_init (&p);
  g_assert_cmpuint (p.n_sessions, ==, 3);

  /* 3 → 4: the newcomer takes a quarter, in the zone's shade. */
  hl_zone_params_set_n_sessions (&p, 4);
  g_assert_cmpuint (p.n_sessions, ==, 4);
  g_assert_cmpfloat_with_epsilon (p.sessions[3].share, 0.25, 1e-4);
  g_assert_true (hl_color_equal (p.sessions[3].shade, p.shade));
  g_assert_cmpfloat_with_epsilon (p.sessions[0].share, 0.30 * 0.75, 1e-4);
  assert_valid_in_a_file (&p);

  /* 4 → 3 → 1: the rest is shared back; one session holds everything. */
  hl_zone_params_set_n_sessions (&p, 3);
  assert_valid_in_a_file (&p);
  hl_zone_params_set_n_sessions (&p, 1);
  g_assert_cmpfloat (p.sessions[0].share, ==, 1.0);
  assert_valid_in_a_file (&p);

  /* Thirds do not add up to 1 at 6 decimals: the remainder goes to one. */
  hl_zone_params_set_n_sessions (&p, 3);
  hl_zone_params_set_session_share (&p, 0, 1.0 / 3.0);
  hl_zone_params_set_session_share (&p, 1, 1.0 / 3.0);
  assert_valid_in_a_file (&p);

  /* Setting one share scales the others in proportion. */
  hl_zone_params_init (&p);
  hl_zone_params_set_session_share (&p, 0, 0.5);
  g_assert_cmpfloat_with_epsilon (p.sessions[0].share, 0.5, 1e-4);
  g_assert_cmpfloat_with_epsilon (p.sessions[1].share, 0.25, 1e-4);
  g_assert_cmpfloat_with_epsilon (p.sessions[2].share, 0.25, 1e-4);
  assert_valid_in_a_file (&p);

  /* Out of range and NaN are clamped or ignored, never invalid. */
  hl_zone_params_set_session_share (&p, 2, 5.0);
  g_assert_cmpfloat_with_epsilon (p.sessions[2].share, 0.99, 1e-4);
  assert_valid_in_a_file (&p);
  hl_zone_params_set_session_share (&p, 1, NAN);
  assert_valid_in_a_file (&p);
}

/* A new zone shade carries the sessions along, lightest first. */
static void
test_shade (void)
{
  HlZoneParams p;
  HlColor brown = { 0x50, 0x3c, 0x28 };

  hl_zone_params_init (&p);
  hl_zone_params_set_shade (&p, brown);
  g_assert_true (hl_color_equal (p.shade, brown));
  /* The last session had the zone's shade: it has the new one. */
  g_assert_true (hl_color_equal (p.sessions[2].shade, brown));
  /* Earlier sessions stay lighter, in the same order, and take the hue. */
  g_assert_cmpint (p.sessions[0].shade.r, >, p.sessions[1].shade.r);
  g_assert_cmpint (p.sessions[1].shade.r, >, brown.r);
  g_assert_cmpint (p.sessions[0].shade.r, >, p.sessions[0].shade.b);
}

static void
test_kind_defaults (void)
{
  HlZoneParams frontal, mid, scar;

  hl_zone_params_init_for_kind (&frontal, HL_ZONE_FRONTAL);
  hl_zone_params_init_for_kind (&mid, HL_ZONE_MID_SCALP);
  hl_zone_params_init_for_kind (&scar, HL_ZONE_SCAR);
  g_assert_true (frontal.follows_hairline);
  g_assert_false (mid.follows_hairline);
  g_assert_cmpfloat (frontal.sentinels_per_cm, >, 0.0);
  g_assert_cmpfloat (mid.sentinels_per_cm, ==, 0.0);
  g_assert_cmpfloat (scar.density, <, mid.density);
  g_assert_cmpfloat (scar.edge_blend_mm, >, mid.edge_blend_mm);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone/sessions", test_sessions);
  g_test_add_func ("/zone/kind-defaults", test_kind_defaults);
  g_test_add_func ("/zone/shade", test_shade);
  return g_test_run ();
}
