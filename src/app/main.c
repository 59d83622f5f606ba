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
  g_autoptr(HlApplication) app = hl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
