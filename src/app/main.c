/* main.c: starts the application, nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlApplication) app = NULL;

  /* GTK sets the locale from the environment when it starts;
   * HL_LOCALEDIR points a run from the build tree at build/po. */
  hl_application_bind_text_domain ();

  app = hl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
