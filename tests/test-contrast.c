/* test-contrast.c: the canvas's overlays are legible whatever is under
 * them and whatever the window's style.
 *
 * Overlays are drawn over photos with fixed colours, never the theme's,
 * so one measure holds for the light and the dark style: each element is
 * drawn over plain backgrounds (white, mid-grey, light skin, dark hair)
 * at 4 device pixels per pixel, and WCAG 2 contrast ratios are computed
 * from the pixels: text against its chip at least 4.5:1, a line or handle
 * against its own edge at least 3:1, and the element as a whole (core or
 * edge) at least 3:1 against the background.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-canvas-preview.h"
#include "hl-density-map.h"
#include "hl-edit.h"
#include "hl-measure.h"
#include "hl-render.h"
#include "hl-stippler.h"
#include "hl-tool.h"
#include "hl-tool-test-util.h"

#define SCALE 4
#define W 300
#define H 120

typedef struct
{
  const char *name;
  double      r, g, b;
} Background;

static const Background backgrounds[] = {
  { "white", 1.0, 1.0, 1.0 },
  { "mid-grey", 0.5, 0.5, 0.5 },
  { "light skin", 0.88, 0.72, 0.60 },
  { "dark hair", 0.10, 0.08, 0.07 },
};

/* Relative luminance (WCAG 2) of an opaque ARGB32 pixel. */
static double
luminance (guint32 p)
{
  double c[3] = { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0 };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (guint32 a,
          guint32 b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The WCAG formula itself: black on white is 21:1, equal colours 1:1, and
 * the grey that is 4.5:1 against white is #767676. */
static void
test_formula (void)
{
  g_assert_cmpfloat (fabs (contrast (0xff000000, 0xffffffff) - 21.0), <, 1e-9);
  g_assert_cmpfloat (contrast (0xff808080, 0xff808080), ==, 1.0);
  g_assert_cmpfloat (fabs (contrast (0xff767676, 0xffffffff) - 4.54), <, 0.01);
}

/* A surface of @bg at SCALE device px per px, and a context on it. */
static cairo_t *
new_canvas (const Background *bg)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W * SCALE, H * SCALE);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, bg->r, bg->g, bg->b);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  return cr;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *) row)[x];
}

typedef void (*DrawFunc) (cairo_t *cr, gpointer data);

static const Background mask_background = { "magenta", 1.0, 0.0, 1.0 };

/* Draws with @draw over @bg; what it covers is found from a drawing over
 * magenta (no overlay uses it), so that a part the colour of the
 * background (a white line on white) still counts. In rows [@y0, @y1)
 * (px) of what it covers: the most frequent colour (the chip, or a line's
 * edge), the next most frequent that is no blend of it (the core), and
 * the pixel with the highest contrast to the first (the glyphs' colour).
 * FALSE when nothing was drawn there. */
static gboolean
drawn_colours (DrawFunc          draw,
               gpointer          data,
               const Background *bg,
               double            y0,
               double            y1,
               guint32          *first,
               guint32          *second,
               guint32          *extreme)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  cairo_t *mask = new_canvas (&mask_background);
  cairo_t *cr = new_canvas (bg);
  guint32 magenta;
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0, next = 0;

  draw (mask, data);
  draw (cr, data);
  cairo_surface_flush (cairo_get_target (mask));
  cairo_surface_flush (cairo_get_target (cr));
  magenta = pixel_at (cairo_get_target (mask), 0, 0);
  for (int y = (int) (y0 * SCALE); y < (int) (y1 * SCALE); y++)
    for (int x = 0; x < W * SCALE; x++)
      if (pixel_at (cairo_get_target (mask), x, y) != magenta)
        {
          guint32 p = pixel_at (cairo_get_target (cr), x, y) | 0xff000000;

          g_hash_table_insert (counts, GUINT_TO_POINTER (p),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (p))) + 1));
        }
  cairo_destroy (mask);
  cairo_destroy (cr);
  if (g_hash_table_size (counts) == 0)
    return FALSE;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        best = GPOINTER_TO_UINT (value);
        *first = GPOINTER_TO_UINT (key);
      }
  *second = *first;
  *extreme = *first;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 p = GPOINTER_TO_UINT (key);

      /* The second colour: not a blend of the first (anti-aliasing). */
      if (GPOINTER_TO_UINT (value) > next && contrast (p, *first) > 1.5)
        {
          next = GPOINTER_TO_UINT (value);
          *second = p;
        }
      if (contrast (p, *first) > contrast (*extreme, *first))
        *extreme = p;
    }
  return TRUE;
}

static guint32
background_pixel (const Background *bg)
{
  cairo_t *cr = new_canvas (bg);
  guint32 p;

  cairo_surface_flush (cairo_get_target (cr));
  p = pixel_at (cairo_get_target (cr), 0, 0) | 0xff000000;
  cairo_destroy (cr);
  return p;
}

/* Text drawn on a chip in rows [@y0, @y1) (px): 4.5:1 against it. */
static void
assert_text_on_chip (DrawFunc          draw,
                     gpointer          data,
                     const Background *bg,
                     const char       *what,
                     double            y0,
                     double            y1)
{
  guint32 chip, second, text;

  g_assert_true (drawn_colours (draw, data, bg, y0, y1, &chip, &second, &text));
  g_test_message ("%s on %s: text #%06x on #%06x, %.2f:1", what, bg->name, text & 0xffffff, chip & 0xffffff,
                  contrast (text, chip));
  g_assert_cmpfloat (contrast (text, chip), >=, 4.5);
}

/* A line or handle with its edge: 3:1 between the two, and one of them
 * 3:1 against the background. */
static void
assert_line_with_edge (DrawFunc          draw,
                       gpointer          data,
                       const Background *bg,
                       const char       *what)
{
  guint32 back = background_pixel (bg), a, b, extreme;

  g_assert_true (drawn_colours (draw, data, bg, 0, H, &a, &b, &extreme));
  g_test_message ("%s on %s: #%06x and #%06x, %.2f:1 between them, %.2f:1 and %.2f:1 against the background",
                  what, bg->name, a & 0xffffff, b & 0xffffff, contrast (a, b), contrast (a, back), contrast (b, back));
  g_assert_cmpfloat (contrast (a, b), >=, 3.0);
  g_assert_cmpfloat (MAX (contrast (a, back), contrast (b, back)), >=, 3.0);
}

static void
draw_chip (cairo_t  *cr,
           gpointer  text)
{
  hl_preview_draw_chip (cr, 10, 10, 0.0, text);
}

/* The captions, the before/after labels and the simulation mark. */
static void
test_chips (void)
{
  const char *texts[] = { "Healed · after session 2 · mirrored", "Before", HL_SIMULATION_MARK };

  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      assert_text_on_chip (draw_chip, (gpointer) texts[t], &backgrounds[b], texts[t], 0, H);
}

static void
draw_labels (cairo_t  *cr,
             gpointer  mirrored)
{
  if (mirrored != NULL)
    {
      cairo_translate (cr, W, 0);
      cairo_scale (cr, -1, 1);
    }
  hl_measure_draw_label (cr, 1.0, (HlPoint) { 150, 40 }, 0.5, "5.0 cm");
  hl_measure_draw_chip_label (cr, 1.0, (HlPoint) { 150, 80 }, 0.0, 11.0, "Glabella");
}

/* Measures ("5.0 cm") and landmark names, mirrored too. */
static void
test_labels (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    {
      assert_text_on_chip (draw_labels, NULL, &backgrounds[b], "labels", 0, H);
      assert_text_on_chip (draw_labels, GINT_TO_POINTER (1), &backgrounds[b], "labels, mirrored", 0, H);
    }
}

static void
draw_split (cairo_t  *cr,
            gpointer  data)
{
  hl_preview_draw_split (cr, 150, H);
}

/* The split line and its grip. */
static void
test_split_line (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    assert_line_with_edge (draw_split, NULL, &backgrounds[b], "split line");
}

static void
draw_handle (cairo_t  *cr,
             gpointer  data)
{
  int kind = GPOINTER_TO_INT (data);

  hl_tool_draw_handle (cr, 1.0, (HlPoint) { 150, 60 }, kind / 2, kind % 2);
}

/* Control points: plain, hovered, selected; round and corner. */
static void
test_handles (void)
{
  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    for (int kind = 0; kind < 6; kind++)
      {
        g_autofree char *what = g_strdup_printf ("handle, state %d%s", kind / 2, kind % 2 ? ", corner" : "");

        assert_line_with_edge (draw_handle, GINT_TO_POINTER (kind), &backgrounds[b], what);
      }
}

static void
draw_view (cairo_t  *cr,
           gpointer  view)
{
  cairo_surface_t *target = cairo_get_target (cr);
  HlRenderOptions options;

  hl_render_options_init (&options);
  options.show_photo = FALSE;
  options.show_dots = FALSE;
  options.mark = NULL;
  options.overlays = HL_OVERLAY_HAIRLINE | HL_OVERLAY_ZONES;
  cairo_surface_flush (target);
  cairo_surface_set_device_scale (target, SCALE, SCALE);
  hl_render_view (target, 1.0, 0, 0, NULL, view, NULL, 0, &options);
  cairo_surface_set_device_scale (target, 1, 1);
}

/* The hairline and a zone outline as the canvas's design layer draws
 * them (the core renderer's overlays). */
static void
test_lines (void)
{
  g_autoptr(HlDesign) empty = hl_test_empty_design (0.1);
  HlPoint hair[] = { { 20, 60 }, { 150, 60 }, { 280, 60 } };
  HlPoint box[] = { { 20, 20 }, { 280, 20 }, { 280, 100 }, { 20, 100 } };
  g_autoptr(HlCurve) hairline = hl_curve_new (hair, G_N_ELEMENTS (hair), FALSE);
  g_autoptr(HlCurve) outline = hl_curve_new (box, G_N_ELEMENTS (box), TRUE);
  g_autoptr(HlDesign) with_hairline = hl_edit_set_hairline (empty, 0, hairline);
  g_autoptr(HlZone) zone = NULL;
  g_autoptr(HlDesign) with_zone = NULL;
  HlZoneParams params;

  hl_zone_params_init_for_kind (&params, HL_ZONE_FRONTAL);
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, outline, &params);
  with_zone = hl_edit_add_zone (empty, 0, zone);

  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    {
      assert_line_with_edge (draw_view, (gpointer) hl_design_get_view (with_hairline, 0), &backgrounds[b],
                             "hairline");
      assert_line_with_edge (draw_view, (gpointer) hl_design_get_view (with_zone, 0), &backgrounds[b],
                             "zone outline");
    }
}

static void
draw_legend (cairo_t  *cr,
             gpointer  map)
{
  hl_density_map_draw_legend (map, cr, 20, 20);
}

/* The density map's legend: its title and the values under its bar. */
static void
test_density_legend (void)
{
  g_autoptr(HlDesign) design = hl_test_load_sample ();
  const HlView *view = hl_design_get_view (design, 0);
  g_autoptr(HlStippler) engine = hl_stippler_new ();
  HlDensityMap *map;
  const HlDot *dots;
  gsize n_dots;

  hl_stippler_update (engine, view, design->seed);
  dots = hl_stippler_get_dots (engine, &n_dots);
  map = hl_density_map_new (view, dots, n_dots, 0, 0);
  g_assert_nonnull (map);

  for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
    {
      /* Title: rows above the colour bar; values: rows below it. */
      assert_text_on_chip (draw_legend, map, &backgrounds[b], "legend title", 20, 20 + 10 + 17);
      assert_text_on_chip (draw_legend, map, &backgrounds[b], "legend values", 20 + 10 + 18 + 14 + 1,
                           20 + HL_DENSITY_LEGEND_HEIGHT);
    }
  hl_density_map_free (map);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contrast/formula", test_formula);
  g_test_add_func ("/contrast/chips", test_chips);
  g_test_add_func ("/contrast/labels", test_labels);
  g_test_add_func ("/contrast/split-line", test_split_line);
  g_test_add_func ("/contrast/handles", test_handles);
  g_test_add_func ("/contrast/lines", test_lines);
  g_test_add_func ("/contrast/density-legend", test_density_legend);

  return g_test_run ();
}
