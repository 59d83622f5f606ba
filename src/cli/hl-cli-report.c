/* hl-cli-report.c: `hairline report`, the consultation sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "hl-cli.h"
#include "hl-design-io.h"
#include "hl-report.h"

int
hl_cli_report (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PDF file to write (required)", "OUT.pdf" },
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

  if (!hl_report_write_pdf (design, argv[1], output, &error))
    {
      fprintf (stderr, "hairline report: %s\n", error->message);
      return HL_EXIT_BAD_INPUT;
    }

  return HL_EXIT_OK;
}
