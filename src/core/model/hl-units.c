/* hl-units.c: lengths shown to people, in millimetres or inches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-units.h"

gboolean
hl_unit_from_string (const char *text,
                     HlUnit     *unit)
{
  int value;

  g_return_val_if_fail (unit != NULL, FALSE);

  if (!hl_enum_from_nick (HL_TYPE_UNIT, text, &value))
    return FALSE;
  if (unit != NULL)
    *unit = (HlUnit) value;
  return TRUE;
}

const char *
hl_unit_to_string (HlUnit unit)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_UNIT, (int) unit);

  g_return_val_if_fail (nick != NULL, "mm");
  return nick;
}

const char *
hl_unit_get_symbol (HlUnit unit)
{
  /* Translators: the symbols of millimetres and inches, after lengths. */
  return unit == HL_UNIT_IN ? C_("unit symbol", "in") : C_("unit symbol", "mm");
}

double
hl_units_from_mm (double mm,
                  HlUnit unit)
{
  return unit == HL_UNIT_IN ? mm / HL_MM_PER_INCH : mm;
}

double
hl_units_to_mm (double value,
                HlUnit unit)
{
  return unit == HL_UNIT_IN ? value * HL_MM_PER_INCH : value;
}

int
hl_units_decimals (HlUnit unit,
                   int    mm_decimals)
{
  return CLAMP (unit == HL_UNIT_IN ? mm_decimals + 1 : mm_decimals, 0, 6);
}

char *
hl_units_format_per (double      mm,
                     HlUnit      unit,
                     int         mm_decimals,
                     const char *per)
{
  /* printf, not g_ascii_formatd: the locale's decimal separator. */
  return g_strdup_printf ("%.*f %s%s%s",
                          hl_units_decimals (unit, mm_decimals),
                          hl_units_from_mm (mm, unit),
                          hl_unit_get_symbol (unit),
                          per != NULL ? "/" : "",
                          per != NULL ? per : "");
}

char *
hl_units_format_length (double mm,
                        HlUnit unit,
                        int    mm_decimals)
{
  return hl_units_format_per (mm, unit, mm_decimals, NULL);
}

char *
hl_units_format_count (guint64 count)
{
  const struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep != NULL ? lc->thousands_sep : "";
  const char *grouping = lc->grouping != NULL ? lc->grouping : "";
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits), group;
  gsize breaks[32];
  guint n_breaks = 0;

  /* Where separators go, counted from the right: grouping's sizes in
   * turn, its last one repeating (0 ends the list), CHAR_MAX: no more. */
  if (*sep != '\0')
    {
      gsize at = 0;
      const char *g = grouping;

      while (*g != '\0' && *g != CHAR_MAX && n_breaks < G_N_ELEMENTS (breaks))
        {
          group = (gsize) (unsigned char) *g;
          if (group == 0)
            break;
          at += group;
          if (at >= n)
            break;
          breaks[n_breaks++] = at;
          if (g[1] != '\0')
            g++;
        }
    }

  for (gsize i = 0; i < n; i++)
    {
      gsize from_right = n - i;

      for (guint b = 0; b < n_breaks; b++)
        if (breaks[b] == from_right)
          g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}
