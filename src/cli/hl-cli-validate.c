/* hl-cli-validate.c: `hairline validate`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "hl-cli.h"
#include "hl-design-io.h"

int
hl_cli_validate (int    argc,
                 char **argv)
{
  gboolean verbose = FALSE;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also name the files that are valid"), NULL },
    { NULL }
  };
  int status = HL_EXIT_OK;

  if (!hl_cli_parse_options ("validate", _("DESIGN…"),
                             _("Check design files against every rule of the format. Prints\n"
                             "nothing for valid files (unless --verbose) and FILE: PATH: RULE\n"
                             "for the first problem of each invalid one."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc < 2)
    {
      fprintf (stderr, _("hairline validate: expected at least one DESIGN file\n"));
      fprintf (stderr, _("Run 'hairline validate --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(HlDesign) design = hl_cli_load_design (argv[i]);

      if (design == NULL)
        status = HL_EXIT_BAD_INPUT;
      else if (verbose)
        printf (_("%s: valid\n"), argv[i]);
    }

  return status;
}
