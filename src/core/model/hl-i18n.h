/* hl-i18n.h: where the project's translations are found.
 *
 * The core marks its strings with <glib/gi18n-lib.h>: they are looked up
 * in the project's text domain (GETTEXT_PACKAGE) whatever program links
 * the core. A program binds that domain once, after setlocale(), before
 * the first string is translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder holding LANG/LC_MESSAGES/GETTEXT_PACKAGE.mo: $HL_LOCALEDIR
 * when it is set and not empty (a build tree's po/ folder, to run
 * uninstalled), else the installed LOCALEDIR (static). */
const char *hl_i18n_get_localedir (void);

/* Binds the text domain to hl_i18n_get_localedir(), with UTF-8 output.
 * Does not set the locale nor the program's default domain. */
void        hl_i18n_init          (void);

G_END_DECLS
