/* hl-cli-render.c: `hairline render`, PNG mockups of a design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>
#include <stdio.h>

#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-enums.h"
#include "hl-error.h"
#include "hl-export.h"

/* Notes of the export, on stderr after the design's path. */
void
hl_cli_print_note (const char *message,
                   gpointer    user_data)
{
  fprintf (stderr, "%s: %s\n", (const char *) user_data, message);
}

/* Says on stderr why an export of @design_path failed, as `hairline
 * @command` words it, and returns the exit status. */
int
hl_cli_export_failed (const char   *command,
                      const char   *design_path,
                      const char   *output,
                      gboolean      follow_symlinks,
                      const GError *error)
{
  if (g_error_matches (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EXTENSION))
    {
      fprintf (stderr, "hairline %s: %s\n", command, error->message);
      return HL_EXIT_USAGE;
    }
  if (error->domain == HL_ERROR && error->code == HL_ERROR_IO)
    {
      fprintf (stderr, "hairline %s: %s\n", command, error->message);
      if (!follow_symlinks && g_file_test (output, G_FILE_TEST_IS_SYMLINK))
        fprintf (stderr, _("Use --follow-symlinks to write to the file it points to.\n"));
      return HL_EXIT_BAD_INPUT;
    }

  fprintf (stderr, "%s: %s\n", design_path, error->message);
  if (g_error_matches (error, HL_ERROR, HL_ERROR_PHOTO))
    fprintf (stderr, "%s\n", g_str_equal (command, "report")
                                ? _("Use --without-photo to write the sheet without photos.")
                                : _("Use --without-photo to render without it."));
  else if (g_error_matches (error, HL_EXPORT_ERROR, HL_EXPORT_ERROR_EMPTY))
    fprintf (stderr, _("Use --allow-empty to write it all the same.\n"));
  return HL_EXIT_BAD_INPUT;
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
  g_autofree char *crop = NULL;
  double scale = 0.0, split = 0.5;   /* scale 0: not given, picked by the export */
  int value;
  gboolean overlays = FALSE, no_mark = FALSE, without_photo = FALSE, follow_symlinks = FALSE;
  gboolean metadata_client = FALSE, allow_empty = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG file to write (required; its name ends in .png; -: standard output)"), N_("OUT.png") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, N_("View by name or index (default: the first)"), N_("NAME|N") },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &stage, N_("fresh (default), healed or aged"), N_("STAGE") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &layout, N_("after (default), before-after or split"), N_("LAYOUT") },
    { "split", 0, 0, G_OPTION_ARG_DOUBLE, &split, N_("Split position from the left, 0–1 (default 0.5)"), N_("F") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Output pixels per photo pixel, 0.05–16 (default 1, or larger when fresh dots would be under 1 px)"), N_("F") },
    { "crop", 0, 0, G_OPTION_ARG_STRING, &crop,
      /* xgettext:no-c-format */
      N_("head (default): the head (its scalp outline and the hairline; without an outline, the hairline, zones and hand-placed dots) with a margin of 10 % of its size, both halves alike; none: the whole photo"), N_("CROP") },
    { "overlays", 0, 0, G_OPTION_ARG_NONE, &overlays, N_("Draw hairline, handles, zones, landmarks and ruler"), NULL },
    { "mark", 0, 0, G_OPTION_ARG_STRING, &mark, N_("Text of the simulation mark"), N_("TEXT") },
    { "no-mark", 0, 0, G_OPTION_ARG_NONE, &no_mark, N_("Leave the simulation mark out"), NULL },
    { "without-photo", 0, 0, G_OPTION_ARG_NONE, &without_photo, N_("Render on a plain background, without the view's photo"), NULL },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks, N_("If OUT.png is a symbolic link, replace the file it points to"), NULL },
    { "metadata-client", 0, 0, G_OPTION_ARG_NONE, &metadata_client,
      N_("Put the client's label and the notes in the PNG's text (left out by default)"), NULL },
    { "allow-empty", 0, 0, G_OPTION_ARG_NONE, &allow_empty,
      N_("Write the mockup even when the view has nothing to simulate (no zone gives a dot)"), NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  HlExportOptions export;
  HlRenderOptions options;
  int index = 0;

  if (!hl_cli_parse_options ("render", _("DESIGN -o OUT.png"),
                             _("Render a view of a design to a PNG mockup: the photo with the\n"
                             "design's dots at a healing stage, in one of three layouts, with\n"
                             "the simulation mark. DESIGN - reads the design from standard input."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  hl_render_options_init (&options);

  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, _("hairline render: expected one DESIGN and -o OUT.png\n"));
      fprintf (stderr, _("Run 'hairline render --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }
  if (stage != NULL && !hl_stage_from_string (stage, &options.stage))
    {
      fprintf (stderr, _("hairline render: --stage must be fresh, healed or aged, not '%s'\n"), stage);
      return HL_EXIT_USAGE;
    }
  if (layout == NULL)
    options.layout = HL_LAYOUT_AFTER;
  else if (hl_enum_from_nick (HL_TYPE_LAYOUT, layout, &value))
    options.layout = (HlLayout) value;
  else
    {
      fprintf (stderr, _("hairline render: --layout must be after, before-after or split, not '%s'\n"), layout);
      return HL_EXIT_USAGE;
    }
  if (crop != NULL && !g_str_equal (crop, "none") && !g_str_equal (crop, "head"))
    {
      fprintf (stderr, _("hairline render: --crop must be none or head, not '%s'\n"), crop);
      return HL_EXIT_USAGE;
    }
  if (scale != 0.0 && !(scale >= 0.05 && scale <= 16.0))
    {
      fprintf (stderr, _("hairline render: --scale must be 0.05–16\n"));
      return HL_EXIT_USAGE;
    }
  if (!(split >= 0.0 && split <= 1.0))
    {
      fprintf (stderr, _("hairline render: --split must be 0–1\n"));
      return HL_EXIT_USAGE;
    }
  options.scale = scale;
  options.split = split;
  options.overlays = overlays ? HL_OVERLAY_ALL : HL_OVERLAY_NONE;
  options.mark = no_mark ? NULL : (mark != NULL ? mark : hl_render_get_simulation_mark ());

  name = hl_cli_input_name (argv[1]);
  if (hl_cli_is_stdio (output) && !hl_cli_binary_stdout_ok ("render"))
    return HL_EXIT_USAGE;
  /* What killed runs left beside the output goes first. */
  if (!hl_cli_is_stdio (output))
    hl_cli_sweep_output_dir (output);

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;
  if (view_name != NULL && (index = hl_design_find_view (design, view_name)) < 0)
    {
      fprintf (stderr, _("%s: no view named '%s'\n"), name, view_name);
      return HL_EXIT_BAD_INPUT;
    }

  hl_export_options_init (&export, HL_EXPORT_MOCKUP);
  export.view = (guint) index;
  export.render = options;
  export.without_photo = without_photo;
  export.metadata_client = metadata_client;
  export.follow_symlinks = follow_symlinks;
  export.allow_empty = allow_empty;
  /* Mockups are cropped to the head unless asked not to, as the window
   * exports them. */
  export.crop_to_head = crop == NULL || g_str_equal (crop, "head");

  if (without_photo && hl_design_get_view (design, (guint) index)->photo.path != NULL)
    fprintf (stderr, _("%s: views[%d].photo.path: left out (--without-photo); rendering on a plain background\n"),
             name, index);

  /* Standard output gets the PNG once it is written whole, from a private
   * folder: the export checks and writes a file atomically, as always. */
  return hl_cli_write_export ("render", design, argv[1], output, "mockup.png", &export);
}
