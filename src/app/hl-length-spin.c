/* hl-length-spin.c: a spin button that asks a length in the unit chosen
 * in the preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-length-spin"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-length-spin.h"
#include "hl-settings.h"

/* What each spin button keeps (data "hl-length-spin", owned by it). */
typedef struct
{
  HlUnit unit;
  double min_mm, max_mm;
  double set_mm;    /* the millimetres last set */
} LengthSpin;

static LengthSpin *
get_length (GtkSpinButton *spin)
{
  LengthSpin *ls = g_object_get_data (G_OBJECT (spin), "hl-length-spin");

  g_assert (ls != NULL);
  return ls;
}

GtkWidget *
hl_length_spin_new (double min_mm,
                    double max_mm,
                    double step_mm,
                    int    mm_decimals,
                    double value_mm)
{
  LengthSpin *ls = g_new0 (LengthSpin, 1);
  GtkWidget *spin;
  int digits;
  double step, unit_step;

  g_return_val_if_fail (min_mm < max_mm && step_mm > 0, NULL);

  ls->unit = hl_settings_get_unit ();
  ls->min_mm = min_mm;
  ls->max_mm = max_mm;
  digits = hl_units_decimals (ls->unit, mm_decimals);
  /* The step in the unit, rounded to what is shown (0.5 mm → 0.02 in),
   * never below the last digit. */
  unit_step = pow (10.0, -digits);
  step = round (hl_units_from_mm (step_mm, ls->unit) / unit_step) * unit_step;
  if (step < unit_step)
    step = unit_step;

  spin = gtk_spin_button_new_with_range (hl_units_from_mm (min_mm, ls->unit),
                                         hl_units_from_mm (max_mm, ls->unit), step);
  g_object_set_data_full (G_OBJECT (spin), "hl-length-spin", ls, g_free);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), (guint) digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  hl_length_spin_set_mm (GTK_SPIN_BUTTON (spin), value_mm);
  /* Enter accepts the dialog or popover, as its default widget. */
  {
    GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));

    if (GTK_IS_TEXT (text))
      gtk_text_set_activates_default (GTK_TEXT (text), TRUE);
  }
  return spin;
}

HlUnit
hl_length_spin_get_unit (GtkSpinButton *spin)
{
  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), HL_UNIT_MM);
  return get_length (spin)->unit;
}

double
hl_length_spin_get_mm (GtkSpinButton *spin)
{
  LengthSpin *ls;
  double value, half_step;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), 0.0);
  ls = get_length (spin);
  value = gtk_spin_button_get_value (spin);
  half_step = 0.5 * pow (10.0, -(double) gtk_spin_button_get_digits (spin));
  /* The number shown is the one set, rounded: the length set. */
  if (fabs (value - hl_units_from_mm (ls->set_mm, ls->unit)) < half_step)
    return CLAMP (ls->set_mm, ls->min_mm, ls->max_mm);
  /* Rounding in inches may step just past the range kept in mm. */
  return CLAMP (hl_units_to_mm (value, ls->unit), ls->min_mm, ls->max_mm);
}

void
hl_length_spin_set_mm (GtkSpinButton *spin,
                       double         mm)
{
  LengthSpin *ls;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  ls = get_length (spin);
  ls->set_mm = mm;
  gtk_spin_button_set_value (spin, hl_units_from_mm (mm, ls->unit));
}

const char *
hl_length_spin_get_unit_name (GtkSpinButton *spin)
{
  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), "");
  /* Translators: the unit a length is asked in, as in “Depth behind the
   * hairline, in millimetres”. */
  return get_length (spin)->unit == HL_UNIT_IN ? _("inches") : _("millimetres");
}
