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

G_END_DECLS
