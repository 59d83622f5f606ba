/* hl-a11y.h: accessible names libadwaita 1.2 leaves out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives the text field of @row (what takes the keyboard focus, and what a
 * screen reader announces) the row's title as its accessible label, the
 * mnemonic underline removed. Call once the title is set. */
void hl_a11y_name_entry_row (AdwEntryRow *row);

/* Repairs, under @root, the accessible names GTK 4.8 gets wrong on the
 * AT-SPI tree: a button with a mnemonic label ("_Open") is named by both
 * its raw label and its label widget ("_Open Open"): only the label
 * widget's text is kept; the button inside a colour button has no name:
 * it takes the colour button's; a search entry without one is named
 * "Search". Call when a window is shown (the application does, for each of
 * its windows); widgets made later are repaired at the next call. */
void hl_a11y_repair_names (GtkWidget *root);

G_END_DECLS
