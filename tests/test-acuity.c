/* test-acuity.c: the acuity model's numbers and its Gaussian blur.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-acuity.h"

static double
linear (guint v)
{
  double c = v / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* 1′ at 1 m is 0.29 mm; a Gaussian whose FWHM is that has σ 0.124 mm;
 * at 0.1 mm per image px and 0.5 screen px per image px, 0.618 px. */
static void
test_distance_to_sigma (void)
{
  g_assert_cmpfloat_with_epsilon (hl_acuity_detail_mm (1000), 0.29089, 1e-4);
  g_assert_cmpfloat_with_epsilon (hl_acuity_detail_mm (300), 0.087266, 1e-5);
  g_assert_cmpfloat_with_epsilon (hl_acuity_detail_mm (3000), 0.87266, 1e-4);
  g_assert_cmpfloat_with_epsilon (hl_acuity_sigma_mm (1000), 0.29089 / 2.35482, 1e-4);
  g_assert_cmpfloat_with_epsilon (hl_acuity_sigma_px (1000, 0.1, 1.0), 1.2353, 1e-3);
  g_assert_cmpfloat_with_epsilon (hl_acuity_sigma_px (1000, 0.1, 0.5), 0.6177, 1e-3);
  /* Across a room at 0.05 mm/px, zoom 2: 0.8727 / 2.3548 / 0.05 × 2. */
  g_assert_cmpfloat_with_epsilon (hl_acuity_sigma_px (3000, 0.05, 2.0), 14.824, 1e-2);
  /* Nothing to convert without a calibration or a zoom. */
  g_assert_cmpfloat (hl_acuity_sigma_px (1000, 0, 1), ==, 0);
  g_assert_cmpfloat (hl_acuity_sigma_px (1000, 0.1, 0), ==, 0);
}

/* A one-pixel white dot on black spreads as a Gaussian of the σ asked
 * (its second moment, in linear light) within 10 %, and keeps its light
 * within 1 %. */
static void
check_dot (double sigma)
{
  const int size = 121, c = size / 2;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (s);
  double total = 0, mx = 0, my = 0, vx = 0, vy = 0, peak = 0;
  guchar *data;
  int stride;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_rectangle (cr, c, c, 1, 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);

  hl_acuity_blur_surface (s, sigma);

  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  stride = cairo_image_surface_get_stride (s);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guint32 p = *(guint32 *) (data + (gsize) y * stride + x * 4);
        double l = (linear ((p >> 16) & 0xff) + linear ((p >> 8) & 0xff) + linear (p & 0xff)) / 3;

        g_assert_cmpuint (p >> 24, ==, 255);
        total += l;
        mx += l * (x - c);
        my += l * (y - c);
        vx += l * (x - c) * (x - c);
        vy += l * (y - c) * (y - c);
        peak = MAX (peak, l);
      }
  mx /= total;
  my /= total;
  vx = vx / total - mx * mx;
  vy = vy / total - my * my;
  g_test_message ("σ %.2f: light %.4f, centre (%.3f, %.3f), σx %.3f, σy %.3f, peak %.4f (Gaussian %.4f)",
                  sigma, total, mx, my, sqrt (vx), sqrt (vy), peak, 1 / (2 * G_PI * sigma * sigma));
  g_assert_cmpfloat (fabs (total - 1.0), <, 0.01);
  g_assert_cmpfloat (fabs (mx), <, 0.05);
  g_assert_cmpfloat (fabs (my), <, 0.05);
  g_assert_cmpfloat (fabs (sqrt (vx) - sigma), <, 0.1 * sigma);
  g_assert_cmpfloat (fabs (sqrt (vy) - sigma), <, 0.1 * sigma);
  /* A Gaussian, not a box: the peak is near 1 / (2πσ²). */
  if (sigma >= 1.5)
    g_assert_cmpfloat (fabs (peak * 2 * G_PI * sigma * sigma - 1), <, 0.15);
  cairo_surface_destroy (s);
}

static void
test_blur_dot (void)
{
  check_dot (0.8);
  check_dot (1.5);
  check_dot (3.0);
  check_dot (7.3);
}

/* A flat colour stays that colour; a σ too small to matter changes
 * nothing; transparent pixels stay transparent. */
static void
test_blur_flat (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 30);
  cairo_t *cr = cairo_create (s);
  guchar *data;
  int stride;

  cairo_set_source_rgb (cr, 0xd9 / 255.0, 0xb5 / 255.0, 0x9b / 255.0);
  cairo_paint (cr);
  cairo_destroy (cr);
  hl_acuity_blur_surface (s, 4.0);
  hl_acuity_blur_surface (s, 0.01);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  stride = cairo_image_surface_get_stride (s);
  for (int y = 0; y < 30; y++)
    for (int x = 0; x < 40; x++)
      g_assert_cmphex (*(guint32 *) (data + (gsize) y * stride + x * 4), ==, 0xffd9b59b);
  cairo_surface_destroy (s);

  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 20);
  hl_acuity_blur_surface (s, 2.0);
  cairo_surface_flush (s);
  data = cairo_image_surface_get_data (s);
  for (int i = 0; i < 20; i++)
    g_assert_cmphex (*(guint32 *) (data + i * 4), ==, 0);
  cairo_surface_destroy (s);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/acuity/distance-to-sigma", test_distance_to_sigma);
  g_test_add_func ("/acuity/blur-dot", test_blur_dot);
  g_test_add_func ("/acuity/blur-flat", test_blur_flat);

  return g_test_run ();
}
