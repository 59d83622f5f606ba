/* hl-tools.h: the registry of tools, one HlToolInfo each.
 *
 * Everything that names a tool reads it here: the buttons of the tool
 * column beside the canvas, their shortcuts and tooltips, the hints under
 * the canvas, the canvas's accessible description, hl_tool_new_by_name().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-tool.h"

G_BEGIN_DECLS

typedef struct
{
  const char        *name;       /* "select": action targets, files, tests */
  const char        *title;      /* "Select tool", untranslated (translate with _()) */
  const char        *key;        /* the key that picks it, as gdk_keyval_from_name reads it */
  const char        *tooltip;    /* untranslated; names the key */
  const char        *hint;       /* untranslated, NULL: the host words it (the ruler's depends on its mode) */
  const char        *icon_name;  /* a symbolic icon */
  const HlToolClass *(*get_class) (void);
  gboolean           in_menu;    /* picked from the view menu and its key, not the tool column */
} HlToolInfo;

/* Every tool in the order of the tool column; @n_tools (may be NULL) gets
 * their number (static). */
const HlToolInfo *hl_tools_get_all (guint      *n_tools);
/* The tool named @name, or NULL (static). */
const HlToolInfo *hl_tools_lookup  (const char *name);

G_END_DECLS
