/* main.c: starts the application, nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(HlApplication) app = NULL;

  /* GTK sets the locale from the environment when it starts. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
