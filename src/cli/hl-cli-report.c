/* hl-cli-report.c: `hairline report`, the consultation sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "hl-cli.h"
#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-report.h"

int
hl_cli_report (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *target = NULL;
  gboolean without_photo = FALSE, follow_symlinks = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF file to write (required)", "OUT.pdf" },
    { "without-photo", 0, 0, G_OPTION_ARG_NONE, &without_photo, "Draw every view without its photo", NULL },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks, "If OUT.pdf is a symbolic link, replace the file it points to", NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(GError) error = NULL;

  if (!hl_cli_parse_options ("report", "DESIGN -o OUT.pdf",
                             "Write the consultation sheet: client, date, before and after per\n"
                             "view, zones with areas, densities, dots per session and shades,\n"
                             "calibration, and the simulation disclaimer.",
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, "hairline report: expected one DESIGN and -o OUT.pdf\n");
      fprintf (stderr, "Run 'hairline report --help' for usage.\n");
      return HL_EXIT_USAGE;
    }

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;

  target = hl_cli_check_output ("report", output, argv[1], design, follow_symlinks);
  if (target == NULL)
    return HL_EXIT_BAD_INPUT;

  if (without_photo)
    fprintf (stderr, "%s: drawing every view without its photo (--without-photo)\n", argv[1]);
  else
    for (guint i = 0; i < hl_design_get_n_views (design); i++)
      {
        const HlView *view = hl_design_get_view (design, i);

        /* The photo's size as the design records it. */
        if ((view->photo.path != NULL || view->photo.chart != NULL) && view->photo.width > 0 && view->photo.height > 0 &&
            !hl_cli_check_on_photo (argv[1], view, i, view->photo.width, view->photo.height))
          return HL_EXIT_BAD_INPUT;
      }

  if (!hl_report_write_pdf_full (design, argv[1], target,
                                 without_photo ? HL_REPORT_PHOTOS_NONE : HL_REPORT_PHOTOS_REQUIRED,
                                 &error))
    {
      if (g_error_matches (error, HL_ERROR, HL_ERROR_PHOTO))
        {
          fprintf (stderr, "%s: %s\n", argv[1], error->message);
          fprintf (stderr, "Use --without-photo to write the sheet without photos.\n");
        }
      else
        fprintf (stderr, "hairline report: %s\n", error->message);
      return HL_EXIT_BAD_INPUT;
    }

  return HL_EXIT_OK;
}
