/* hl-cli-report.c: `hairline report`, the consultation sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>
#include <stdio.h>

#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-export.h"
#include "hl-session-plan.h"

int
hl_cli_report (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *clinic = NULL;
  g_autofree char *rate_text = NULL;
  double rate = 0.0;
  gboolean without_photo = FALSE, follow_symlinks = FALSE, allow_empty = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF file to write (required; its name ends in .pdf; -: standard output)"), N_("OUT.pdf") },
    { "clinic", 0, 0, G_OPTION_ARG_STRING, &clinic, N_("The clinic named in the sheet's header"), N_("NAME") },
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text,
      N_("Dots a minute the sessions' times assume (default 78, as hairline sessions)"), N_("DOTS_PER_MIN") },
    { "without-photo", 0, 0, G_OPTION_ARG_NONE, &without_photo, N_("Draw every view without its photo"), NULL },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks, N_("If OUT.pdf is a symbolic link, replace the file it points to"), NULL },
    { "allow-empty", 0, 0, G_OPTION_ARG_NONE, &allow_empty,
      N_("Write the sheet even when no view has anything to simulate"), NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  const char *name;
  HlExportOptions export;

  if (!hl_cli_parse_options ("report", _("DESIGN -o OUT.pdf"),
                             _("Write the consultation sheet: client, date, before and after per\n"
                             "view, zones with areas, densities, dots per session and shades,\n"
                             "calibration, and the simulation disclaimer. DESIGN - reads the\n"
                             "design from standard input."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, _("hairline report: expected one DESIGN and -o OUT.pdf\n"));
      fprintf (stderr, _("Run 'hairline report --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  if (rate_text != NULL && !hl_session_plan_parse_rate (rate_text, &rate))
    {
      fprintf (stderr, _("hairline report: --rate: '%s' is not a rate; give %g–%g dots per minute\n"),
               rate_text, HL_DOTS_PER_MINUTE_MIN, HL_DOTS_PER_MINUTE_MAX);
      return HL_EXIT_USAGE;
    }

  name = hl_cli_input_name (argv[1]);
  if (hl_cli_is_stdio (output) && !hl_cli_binary_stdout_ok ("report"))
    return HL_EXIT_USAGE;
  /* What killed runs left beside the output goes first. */
  if (!hl_cli_is_stdio (output))
    hl_cli_sweep_output_dir (output);

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;

  hl_export_options_init (&export, HL_EXPORT_SHEET);
  export.without_photo = without_photo;
  export.follow_symlinks = follow_symlinks;
  export.allow_empty = allow_empty;
  export.clinic_name = clinic;
  export.dots_per_minute = rate;

  if (without_photo)
    fprintf (stderr, _("%s: drawing every view without its photo (--without-photo)\n"), name);

  /* Standard output gets the PDF once it is written whole (as render). */
  return hl_cli_write_export ("report", design, argv[1], output, "sheet.pdf", &export);
}
