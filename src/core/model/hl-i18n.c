/* hl-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hl-i18n.h"

const char *
hl_i18n_get_localedir (void)
{
  const char *dir = g_getenv ("HL_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

void
hl_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, hl_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
