/* hl-a11y.c: accessible names libadwaita 1.2 leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-a11y"

#include "config.h"

#include "hl-a11y.h"

void
hl_a11y_name_entry_row (AdwEntryRow *row)
{
  const char *title;
  GtkEditable *text;
  GString *name;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (title == NULL || text == NULL)
    return;

  /* "_Clinic name" says "Clinic name"; "__" is a plain underscore. */
  name = g_string_new (NULL);
  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == '_' && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)))
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);
}
