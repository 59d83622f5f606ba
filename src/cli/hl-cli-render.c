/* hl-cli-render.c: `hairline render`, PNG mockups of a design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "hl-cli.h"
#include "hl-design-io.h"
#include "hl-png-writer.h"
#include "hl-render.h"
#include "hl-stippler.h"

gboolean
hl_cli_load_view_photo (const char     *design_path,
                        const HlDesign *design,
                        guint           index,
                        gboolean        without_photo,
                        HlPhoto       **photo_out)
{
  g_autoptr(GError) warning = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  const HlView *view = hl_design_get_view (design, index);

  *photo_out = NULL;
  if (view->photo.path == NULL && view->photo.chart == NULL)
    {
      fprintf (stderr, "%s: view \"%s\" has no photo; rendering without it\n", design_path, view->name);
      return TRUE;
    }
  if (without_photo)
    {
      fprintf (stderr, "%s: views[%u].photo.path: left out (--without-photo); rendering on a plain background\n",
               design_path, index);
      return TRUE;
    }

  /* Messages start with views[N].photo.path. */
  photo = hl_design_load_view_photo (design, index, design_path, &warning, &error);
  if (photo == NULL)
    {
      fprintf (stderr, "%s: %s\n", design_path, error->message);
      fprintf (stderr, "Use --without-photo to render without it.\n");
      return FALSE;
    }
  if (warning != NULL)
    fprintf (stderr, "%s: %s\n", design_path, warning->message);

  *photo_out = g_steal_pointer (&photo);
  return TRUE;
}

gboolean
hl_cli_check_on_photo (const char   *design_path,
                       const HlView *view,
                       guint         index,
                       int           width,
                       int           height)
{
  HlRect image = { 0, 0, width, height };
  HlRect drawn = hl_rect_from_points (NULL, 0);

  if (view->hairline != NULL)
    drawn = hl_rect_union (drawn, hl_curve_bounds (view->hairline));
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    drawn = hl_rect_union (drawn, hl_curve_bounds (hl_view_get_zone (view, z)->boundary));
  if (hl_rect_is_empty (drawn))
    return TRUE;

  if (!hl_rect_intersects (drawn, image))
    {
      fprintf (stderr, "%s: views[%u]: the hairline and zones lie outside the photo (%d × %d px); "
               "the output would show nothing of the design\n",
               design_path, index, width, height);
      return FALSE;
    }
  if (drawn.x0 < image.x0 || drawn.y0 < image.y0 || drawn.x1 > image.x1 || drawn.y1 > image.y1)
    fprintf (stderr, "%s: views[%u]: part of the hairline or zones lies outside the photo (%d × %d px)\n",
             design_path, index, width, height);
  return TRUE;
}

/* The scale for a render without --scale: 1, or when the design's fresh
 * dots would be under 1 px there (a calibrated small photo: a 0.25 mm dot
 * at 1.4 mm/px is 0.18 px and the "after" looks like the "before"), the
 * next half step that makes them at least 1.25 px, within 16 and 100 MP of
 * output. Said on stderr. */
static double
auto_scale (const char  *design_path,
            const HlView *view,
            const HlDot  *dots,
            guint         n_dots,
            int           width,
            int           height,
            int           panels)
{
  double sum = 0.0, dot_px, scale, fit;

  if (n_dots == 0)
    return 1.0;
  for (guint i = 0; i < n_dots; i++)
    sum += dots[i].diameter_mm;
  dot_px = sum / n_dots / hl_view_get_mm_per_px (view, NULL);
  if (!(dot_px < 1.0) || dot_px <= 0.0)
    return 1.0;

  scale = ceil (2.0 * 1.25 / dot_px) / 2.0;
  fit = sqrt (100e6 / ((double) width * height * panels));
  scale = MIN (scale, MIN (16.0, floor (2.0 * fit) / 2.0));
  scale = MAX (scale, 1.0);
  fprintf (stderr, "%s: fresh dots would be %.2f px at scale 1; rendering at scale %g (%d × %d per image, "
           "dots %.1f px). --scale chooses another.\n",
           design_path, dot_px, scale, (int) ceil (width * scale), (int) ceil (height * scale), dot_px * scale);
  return scale;
}

int
hl_cli_render (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *view_name = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *mark = NULL;
  double scale = 0.0, split = 0.5;   /* scale 0: not given, picked below */
  gboolean overlays = FALSE, no_mark = FALSE, without_photo = FALSE, follow_symlinks = FALSE;
  gboolean metadata_client = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PNG file to write (required)", "OUT.png" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, "View by name or index (default: the first)", "NAME|N" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, "fresh (default), healed or aged", "STAGE" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, "after (default), before-after or split", "LAYOUT" },
    { "split", 0, 0, G_OPTION_ARG_DOUBLE, &split, "Split position from the left, 0–1 (default 0.5)", "F" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Output pixels per photo pixel, 0.05–16 (default 1, or larger when fresh dots would be under 1 px)", "F" },
    { "overlays", 0, 0, G_OPTION_ARG_NONE, &overlays, "Draw hairline, handles, zones, landmarks and ruler", NULL },
    { "mark", 0, 0, G_OPTION_ARG_STRING, &mark, "Text of the simulation mark", "TEXT" },
    { "no-mark", 0, 0, G_OPTION_ARG_NONE, &no_mark, "Leave the simulation mark out", NULL },
    { "without-photo", 0, 0, G_OPTION_ARG_NONE, &without_photo, "Render on a plain background, without the view's photo", NULL },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks, "If OUT.png is a symbolic link, replace the file it points to", NULL },
    { "metadata-client", 0, 0, G_OPTION_ARG_NONE, &metadata_client,
      "Put the client's label and the notes in the PNG's text (left out by default)", NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GArray) dots = NULL;
  g_autofree char *description = NULL;
  g_autofree char *target = NULL;
  HlRenderOptions options;
  HlPngOptions png = { 0 };
  const HlView *view;
  cairo_surface_t *image;
  gboolean calibrated;
  int index = 0;

  if (!hl_cli_parse_options ("render", "DESIGN -o OUT.png",
                             "Render a view of a design to a PNG mockup: the photo with the\n"
                             "design's dots at a healing stage, in one of three layouts, with\n"
                             "the simulation mark.",
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  hl_render_options_init (&options);

  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, "hairline render: expected one DESIGN and -o OUT.png\n");
      fprintf (stderr, "Run 'hairline render --help' for usage.\n");
      return HL_EXIT_USAGE;
    }
  if (stage != NULL && !hl_stage_from_string (stage, &options.stage))
    {
      fprintf (stderr, "hairline render: --stage must be fresh, healed or aged, not '%s'\n", stage);
      return HL_EXIT_USAGE;
    }
  if (layout == NULL || g_strcmp0 (layout, "after") == 0)
    options.layout = HL_LAYOUT_AFTER;
  else if (g_strcmp0 (layout, "before-after") == 0)
    options.layout = HL_LAYOUT_BEFORE_AFTER;
  else if (g_strcmp0 (layout, "split") == 0)
    options.layout = HL_LAYOUT_SPLIT;
  else
    {
      fprintf (stderr, "hairline render: --layout must be after, before-after or split, not '%s'\n", layout);
      return HL_EXIT_USAGE;
    }
  if (scale != 0.0 && !(scale >= 0.05 && scale <= 16.0))
    {
      fprintf (stderr, "hairline render: --scale must be 0.05–16\n");
      return HL_EXIT_USAGE;
    }
  if (!(split >= 0.0 && split <= 1.0))
    {
      fprintf (stderr, "hairline render: --split must be 0–1\n");
      return HL_EXIT_USAGE;
    }
  options.split = split;
  options.overlays = overlays ? HL_OVERLAY_ALL : HL_OVERLAY_NONE;
  options.mark = no_mark ? NULL : (mark != NULL ? mark : HL_SIMULATION_MARK);

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;
  if (view_name != NULL && (index = hl_design_find_view (design, view_name)) < 0)
    {
      fprintf (stderr, "%s: no view named '%s'\n", argv[1], view_name);
      return HL_EXIT_BAD_INPUT;
    }
  view = hl_design_get_view (design, (guint) index);

  target = hl_cli_check_output ("render", output, argv[1], design, follow_symlinks);
  if (target == NULL)
    return HL_EXIT_BAD_INPUT;

  if (!hl_cli_load_view_photo (argv[1], design, (guint) index, without_photo, &photo))
    return HL_EXIT_BAD_INPUT;
  if (photo != NULL &&
      !hl_cli_check_on_photo (argv[1], view, (guint) index,
                              hl_photo_get_width (photo), hl_photo_get_height (photo)))
    return HL_EXIT_BAD_INPUT;
  dots = hl_stipple_view (view, design->seed);
  {
    int w, h;

    hl_render_view_size (photo, view, &w, &h);
    if (scale == 0.0)
      scale = auto_scale (argv[1], view, (const HlDot *) (gconstpointer) dots->data, dots->len, w, h,
                          options.layout == HL_LAYOUT_BEFORE_AFTER ? 2 : 1);
    options.scale = scale;
    if ((double) w * scale * (double) h * scale * (options.layout == HL_LAYOUT_BEFORE_AFTER ? 2 : 1) > 250e6)
      {
        fprintf (stderr, "%s: a %d × %d view at scale %g is over 250 megapixels; use a smaller --scale\n",
                 argv[1], w, h, scale);
        return HL_EXIT_BAD_INPUT;
      }
  }

  image = hl_render_export (photo, view, (const HlDot *) (gconstpointer) dots->data, dots->len, &options);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: not enough memory for the image\n", argv[1]);
      cairo_surface_destroy (image);
      return HL_EXIT_BAD_INPUT;
    }

  png.mm_per_px = hl_view_get_mm_per_px (view, &calibrated) / scale;
  if (!calibrated)
    png.mm_per_px = 0.0;
  png.level = -1;
  /* A mockup is often shown to others: who the client is stays out of
   * its metadata unless asked for. */
  description = g_strdup_printf ("%s%sSMP design — view %s, %s, %u dots. %s",
                                 metadata_client && design->client_label != NULL ? design->client_label : "",
                                 metadata_client && design->client_label != NULL ? " " : "",
                                 view->name, hl_stage_to_string (options.stage), dots->len,
                                 HL_SIMULATION_MARK);
  png.description = description;
  if (metadata_client)
    png.comment = design->notes;

  if (!hl_png_write (image, target, &png, &error))
    {
      fprintf (stderr, "hairline render: %s\n", error->message);
      cairo_surface_destroy (image);
      return HL_EXIT_BAD_INPUT;
    }

  cairo_surface_destroy (image);
  return HL_EXIT_OK;
}
