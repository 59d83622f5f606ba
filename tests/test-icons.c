/* test-icons.c: the project's symbolic icons as GTK draws them. GTK
 * recolours a symbolic icon by filling its shapes with the style's colour:
 * a shape drawn as a stroke comes out filled (the hairline pen's arc became
 * a filled hump) and a stroke keeps its own colour (the zone icon's tan
 * outline in dark style). Each icon is loaded as GTK loads it
 * (GtkIconPaintable), drawn in the light style's colour and in the dark
 * style's, and read back: every pixel it covers has the style's colour,
 * both styles cover the same pixels, and the shapes that must stay open
 * (under the hairline's arc, the landmark's ring) are open.
 *
 * Why strokes fail: GTK draws a symbolic icon with a stylesheet that sets
 * the fill of every path, rect and circle to the style's colour ("DO NOT
 * leave any rectangles or paths with no fill/stroke thinking it's
 * invisible": GNOME, gnome-icon-theme-symbolic README, "Recoloring";
 * Jakub Steiner, "Symbolic Moment", 2010,
 * http://jimmac.musichall.cz/blog/2010-05-01-974; GNOME wiki, "Symbolic
 * Icons", https://wiki.gnome.org/Design/OS/SymbolicIcons).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SIZE 64

static const char *icons[] = {
  "ui/icons/hl-panel-symbolic.svg",
  "ui/icons/hl-tool-brush-symbolic.svg",
  "ui/icons/hl-tool-eraser-symbolic.svg",
  "ui/icons/hl-tool-hairline-symbolic.svg",
  "ui/icons/hl-tool-landmark-symbolic.svg",
  "ui/icons/hl-tool-outline-symbolic.svg",
  "ui/icons/hl-tool-ruler-symbolic.svg",
  "ui/icons/hl-tool-select-symbolic.svg",
  "ui/icons/hl-tool-zone-symbolic.svg",
  "data/icons/hicolor/symbolic/apps/org.hairlinestudio.HairlineStudio-symbolic.svg",
};

/* @path drawn as a symbolic icon in @fg, SIZE px (transfer full). */
static cairo_surface_t *
draw_symbolic (const char    *path,
               const GdkRGBA *fg)
{
  /* By name from the theme, as the application finds it: in its
   * resources (under the path the application adds to the theme). */
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strndup (base, strlen (base) - strlen (".svg"));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  /* fg, error, warning, success, as GTK passes them. */
  GdkRGBA colors[4] = { *fg, { 0.8, 0, 0, 1 }, { 0.9, 0.5, 0, 1 }, { 0, 0.6, 0, 1 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SIZE, SIZE);
  cairo_t *cr;

  g_assert_true (gtk_icon_theme_has_icon (theme, name));
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, SIZE, 1, GTK_TEXT_DIR_LTR, 0);
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot),
                                            SIZE, SIZE, colors, G_N_ELEMENTS (colors));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  /* Known as symbolic once loaded: recoloured, not drawn as it is. */
  g_assert_true (gtk_icon_paintable_is_symbolic (icon));
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint8
alpha_at (cairo_surface_t *s,
          int              x,
          int              y)
{
  const guint32 *px = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (s) +
                                                          y * cairo_image_surface_get_stride (s));
  return (guint8) (px[x] >> 24);
}

/* Checks that every covered pixel of @s is @fg (premultiplied: each
 * channel is fg × alpha); returns how many pixels are covered. */
static guint
check_colour (cairo_surface_t *s,
              const GdkRGBA   *fg,
              const char      *what)
{
  guint covered = 0;

  for (int y = 0; y < SIZE; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (s) +
                                                               y * cairo_image_surface_get_stride (s));

      for (int x = 0; x < SIZE; x++)
        {
          guint32 p = row[x];
          double a = (p >> 24) / 255.0;
          double r = ((p >> 16) & 255) / 255.0, g = ((p >> 8) & 255) / 255.0, b = (p & 255) / 255.0;

          if (a < 0.02)
            continue;
          covered++;
          if (fabs (r - fg->red * a) > 0.04 || fabs (g - fg->green * a) > 0.04 || fabs (b - fg->blue * a) > 0.04)
            g_error ("%s: pixel (%d, %d) is #%06x at alpha %.2f, not the style's colour",
                     what, x, y, p & 0xffffff, a);
        }
    }
  return covered;
}

static void
test_icon (gconstpointer data)
{
  const char *path = data;
  const GdkRGBA light_fg = { 0.14, 0.14, 0.14, 1 };   /* the light style's text */
  const GdkRGBA dark_fg = { 1, 1, 1, 1 };              /* the dark style's */
  cairo_surface_t *light = draw_symbolic (path, &light_fg);
  cairo_surface_t *dark = draw_symbolic (path, &dark_fg);
  g_autofree char *full = g_build_filename (g_getenv ("HL_SOURCE_DIR"), path, NULL);
  g_autofree char *svg = NULL;
  guint covered_light, covered_dark, differ = 0;

  covered_light = check_colour (light, &light_fg, "light");
  covered_dark = check_colour (dark, &dark_fg, "dark");
  g_test_message ("%s: %u px covered of %d", path, covered_light, SIZE * SIZE);
  g_assert_cmpuint (covered_light, >, SIZE * SIZE / 20);
  for (int y = 0; y < SIZE; y++)
    for (int x = 0; x < SIZE; x++)
      differ += abs ((int) alpha_at (light, x, y) - (int) alpha_at (dark, x, y)) > 8;
  g_assert_cmpuint (differ, ==, 0);
  g_assert_cmpuint (covered_dark, ==, covered_light);

  /* What must stay open: under the hairline pen's arc (no hump), inside
   * the landmark's ring, inside the outline. Points in 16 px units. */
  if (strstr (path, "hl-tool-hairline") != NULL)
    {
      g_assert_cmpuint (alpha_at (light, 8 * SIZE / 16, 11 * SIZE / 16), ==, 0);
      g_assert_cmpuint (alpha_at (light, 5 * SIZE / 16, 12 * SIZE / 16), ==, 0);
    }
  if (strstr (path, "hl-tool-landmark") != NULL)
    g_assert_cmpuint (alpha_at (light, 6 * SIZE / 16 + 2, 8 * SIZE / 16), ==, 0);
  if (strstr (path, "HairlineStudio-symbolic") != NULL)
    g_assert_cmpuint (alpha_at (light, 8 * SIZE / 16, 11 * SIZE / 16), ==, 0);

  /* HL_TEST_ICON_DIR: where to leave the drawings, to look at them. */
  if (g_getenv ("HL_TEST_ICON_DIR") != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *l = g_strdup_printf ("%s/light-%s.png", g_getenv ("HL_TEST_ICON_DIR"), base);
      g_autofree char *d = g_strdup_printf ("%s/dark-%s.png", g_getenv ("HL_TEST_ICON_DIR"), base);

      cairo_surface_write_to_png (light, l);
      cairo_surface_write_to_png (dark, d);
    }

  /* Filled shapes only, as the GNOME icon guidelines ask. */
  g_assert_true (g_file_get_contents (full, &svg, NULL, NULL));
  if (strstr (svg, "stroke") != NULL)
    g_error ("%s: draws with a stroke; symbolic icons are filled shapes", path);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/hairlinestudio/HairlineStudio/icons");
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *name = g_path_get_basename (icons[i]);
      g_autofree char *test = g_strdup_printf ("/icons/%s", name);

      g_test_add_data_func (test, icons[i], test_icon);
    }
  return g_test_run ();
}
