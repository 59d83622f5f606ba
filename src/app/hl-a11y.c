/* hl-a11y.c: accessible names libadwaita 1.2 leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-a11y"

#include "config.h"

#include <glib/gi18n.h>

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

void
hl_a11y_repair_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL &&
      !g_object_get_data (G_OBJECT (root), "hl-a11y-repaired"))
    {
      /* GTK 4.8 puts the raw label ("_Open") in the button's label
       * property, and labels the button by its label widget too ("Open"),
       * which says it without the underline: keep that one. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_object_set_data (G_OBJECT (root), "hl-a11y-repaired", GINT_TO_POINTER (TRUE));
    }
  else if (GTK_IS_COLOR_BUTTON (root))
    {
      GtkWidget *button = gtk_widget_get_first_child (root);

      /* The button that takes the focus and the click is announced by the
       * colour button's name ("Zone shade"), not as "GtkButton". */
      if (GTK_IS_BUTTON (button))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        root, NULL, -1);
    }
  else if (GTK_IS_SEARCH_ENTRY (root) && !g_object_get_data (G_OBJECT (root), "hl-a11y-repaired"))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
      g_object_set_data (G_OBJECT (root), "hl-a11y-repaired", GINT_TO_POINTER (TRUE));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hl_a11y_repair_names (child);
}
