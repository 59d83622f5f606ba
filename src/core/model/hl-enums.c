/* hl-enums.c: the words for enum values, through their GEnum types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-enums.h"

const char *
hl_enum_to_nick (GType type,
                 int   value)
{
  GEnumClass *klass;
  const GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  /* The class of a static type outlives its last reference, and the
   * values it points to are static: the nick stays valid. */
  klass = g_type_class_ref (type);
  v = g_enum_get_value (klass, value);
  g_type_class_unref (klass);
  return v != NULL ? v->value_nick : NULL;
}

gboolean
hl_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass;
  const GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);
  if (v == NULL)
    return FALSE;
  if (value != NULL)
    *value = v->value;
  return TRUE;
}

char *
hl_enum_dup_nicks (GType       type,
                   const char *separator)
{
  GEnumClass *klass;
  GString *out;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  klass = g_type_class_ref (type);
  out = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);
  return g_string_free (out, FALSE);
}

guint
hl_enum_get_n_values (GType type)
{
  GEnumClass *klass;
  guint n;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), 0);

  klass = g_type_class_ref (type);
  n = klass->n_values;
  g_type_class_unref (klass);
  return n;
}
