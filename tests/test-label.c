/* test-label.c: labels laid out by Pango: Arabic shaped and right to
 * left, long text wrapped, text the right way round under a mirroring
 * transform, the desktop's text scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-label.h"

static cairo_t *
new_context (int              width,
             int              height,
             cairo_surface_t **surface)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  return cairo_create (*surface);
}

/* An Arabic clinic name: every character has a glyph (DejaVu Sans has
 * Arabic), the text runs right to left, and lam followed by alef is one
 * ligature glyph, as shaping makes it. */
static void
test_arabic (void)
{
  cairo_surface_t *surface;
  cairo_t *cr = new_context (400, 100, &surface);
  const char *name = "عيادة السلام";   /* "Al-Salam clinic" */
  g_autoptr(PangoLayout) layout = hl_label_new (cr, name, 20, HL_LABEL_BOLD, 0.0);
  PangoLayoutIter *iter;
  guint n_glyphs = 0, n_chars = g_utf8_strlen (name, -1), n_rtl = 0;
  double width;

  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      n_glyphs += run->glyphs->num_glyphs;
      if (run->item->analysis.level % 2 == 1)
        n_rtl++;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_test_message ("%u characters, %u glyphs, %u right-to-left runs", n_chars, n_glyphs, n_rtl);
  g_assert_cmpuint (n_rtl, >, 0);
  /* "ال" + "سلام": lam-alef ligatures make fewer glyphs than characters. */
  g_assert_cmpuint (n_glyphs, <, n_chars);
  hl_label_get_size (layout, &width, NULL, NULL);
  g_assert_cmpfloat (width, >, 20);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A long name wraps at a width instead of shrinking. */
static void
test_wrap (void)
{
  cairo_surface_t *surface;
  cairo_t *cr = new_context (400, 100, &surface);
  const char *name = "Clinique de micropigmentation capillaire du Vieux-Port de Marseille";
  g_autoptr(PangoLayout) one_line = hl_label_new (cr, name, 12, HL_LABEL_REGULAR, 0.0);
  g_autoptr(PangoLayout) wrapped = hl_label_new (cr, name, 12, HL_LABEL_REGULAR, 150.0);
  double w1, h1, w2, h2;

  hl_label_get_size (one_line, &w1, &h1, NULL);
  hl_label_get_size (wrapped, &w2, &h2, NULL);
  g_test_message ("one line %.0f × %.0f; wrapped at 150: %.0f × %.0f, %d lines", w1, h1, w2, h2,
                  pango_layout_get_line_count (wrapped));
  g_assert_cmpint (pango_layout_get_line_count (one_line), ==, 1);
  g_assert_cmpint (pango_layout_get_line_count (wrapped), >=, 3);
  g_assert_cmpfloat (w2, <=, 150.0);
  g_assert_cmpfloat (h2, >=, 3 * h1 - 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Drawn under a transform that flips x, a label shows exactly as without
 * it: the same pixels, not their mirror image. */
static void
test_mirrored (void)
{
  cairo_surface_t *plain_surface, *mirrored_surface;
  cairo_t *plain = new_context (200, 40, &plain_surface);
  cairo_t *mirrored = new_context (200, 40, &mirrored_surface);
  g_autoptr(PangoLayout) a = hl_label_new (plain, "Before 12", 16, HL_LABEL_BOLD, 0.0);
  g_autoptr(PangoLayout) b = NULL;
  const guchar *pa, *pb;
  double width;
  guint ink = 0;

  hl_label_get_size (a, &width, NULL, NULL);
  hl_label_show (plain, a, 20, 8);

  /* The mirrored context: user x runs right to left across the surface;
   * the same screen box is user x from 200 − 20 − width to 200 − 20. */
  cairo_translate (mirrored, 200, 0);
  cairo_scale (mirrored, -1, 1);
  b = hl_label_new (mirrored, "Before 12", 16, HL_LABEL_BOLD, 0.0);
  hl_label_show (mirrored, b, 200 - 20 - width, 8);

  cairo_surface_flush (plain_surface);
  cairo_surface_flush (mirrored_surface);
  pa = cairo_image_surface_get_data (plain_surface);
  pb = cairo_image_surface_get_data (mirrored_surface);
  for (int i = 0; i < cairo_image_surface_get_stride (plain_surface) * 40; i++)
    ink += pa[i] != 0;
  g_assert_cmpuint (ink, >, 100);
  g_assert_cmpmem (pa, cairo_image_surface_get_stride (plain_surface) * 40,
                   pb, cairo_image_surface_get_stride (mirrored_surface) * 40);

  cairo_destroy (plain);
  cairo_destroy (mirrored);
  cairo_surface_destroy (plain_surface);
  cairo_surface_destroy (mirrored_surface);
}

static void
test_ui_scale (void)
{
  g_assert_cmpfloat (hl_label_get_ui_scale (), ==, 1.0);
  hl_label_set_ui_scale (1.25);
  g_assert_cmpfloat (hl_label_get_ui_scale (), ==, 1.25);
  hl_label_set_ui_scale (100.0);
  g_assert_cmpfloat (hl_label_get_ui_scale (), ==, 4.0);
  hl_label_set_ui_scale (1.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/label/arabic", test_arabic);
  g_test_add_func ("/label/wrap", test_wrap);
  g_test_add_func ("/label/mirrored", test_mirrored);
  g_test_add_func ("/label/ui-scale", test_ui_scale);
  return g_test_run ();
}
