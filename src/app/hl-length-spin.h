/* hl-length-spin.h: a spin button that asks a length in the unit chosen
 * in the preferences (millimetres or inches), for the dialogs and
 * popovers that ask one: the ruler's known length, the frontal band's
 * depth, the hairline template's height.
 *
 * The spin button shows and takes the unit the preferences named when it
 * was made; its callers read and set millimetres, as designs store them. A
 * value set in millimetres and shown rounded in inches reads back as the
 * same millimetres while the number shown is not changed (63 mm is not
 * 62.99 mm because it was shown as 2.48 in).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hl-units.h"

G_BEGIN_DECLS

/* A new spin button from @min_mm to @max_mm by about @step_mm, showing
 * @mm_decimals decimals in millimetres (one more in inches,
 * hl_units_decimals()), set to @value_mm; Enter in it activates the
 * default widget of its dialog or popover (transfer floating). */
GtkWidget  *hl_length_spin_new       (double         min_mm,
                                      double         max_mm,
                                      double         step_mm,
                                      int            mm_decimals,
                                      double         value_mm);
/* The unit @spin shows. */
HlUnit      hl_length_spin_get_unit  (GtkSpinButton *spin);
/* What @spin holds, in millimetres, within its range. */
double      hl_length_spin_get_mm    (GtkSpinButton *spin);
/* Shows @mm in @spin's unit. */
void        hl_length_spin_set_mm    (GtkSpinButton *spin,
                                      double         mm);
/* The name of @spin's unit for a question ("millimetres", "inches"), in
 * the user's language (static). */
const char *hl_length_spin_get_unit_name (GtkSpinButton *spin);

G_END_DECLS
