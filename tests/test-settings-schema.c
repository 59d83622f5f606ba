/* test-settings-schema.c: the GSettings schema, as the build compiles it
 * (build/data), agrees with the core: its enum keys take exactly the GEnum
 * nicks of their types, value for value, and the defaults of new zones
 * have the ranges of the zone-parameter table and the built-in defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "hl-enums.h"
#include "hl-zone-defaults.h"
#include "hl-zone-param.h"

/* Every enum key of the schema and the type whose nicks it takes. */
static const struct
{
  const char *key;
  GType     (*get_type) (void);
} enum_keys[] = {
  { "length-unit", hl_unit_get_type },
  { "export-layout", hl_layout_get_type },
};

/* Every new-zone key of the schema: a number with a parameter's range, or
 * the shade. */
static const struct
{
  const char *key;
  const char *param;   /* hl-zone-param.h key, NULL for the shade */
} zone_keys[] = {
  { "new-zone-density", "density" },
  { "new-zone-transition", "transition_mm" },
  { "new-zone-dot-size", "dot_mm" },
  { "new-zone-shade", NULL },
};

static GSettingsSchema *
load_schema (void)
{
  const char *build = g_getenv ("HL_BUILD_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GSettingsSchema *schema;

  g_assert_nonnull (build);
  dir = g_build_filename (build, "data", NULL);
  source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  return schema;
}

/* The source schema's keys that name an enum: key → enum id. */
static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  const char *name = NULL, *enum_id = NULL;

  if (strcmp (element, "key") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "name") == 0)
        name = values[i];
      else if (strcmp (names[i], "enum") == 0)
        enum_id = values[i];
    }
  if (name != NULL && enum_id != NULL)
    g_hash_table_insert (data, g_strdup (name), g_strdup (enum_id));
}

static GHashTable *
source_enum_ids (void)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  const char *top = g_getenv ("HL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize length;

  g_assert_nonnull (top);
  path = g_build_filename (top, "data", APP_ID ".gschema.xml", NULL);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, ids, NULL);
  g_markup_parse_context_parse (context, text, (gssize) length, &error);
  g_assert_no_error (error);
  return ids;
}

static void
test_enum_keys (void)
{
  g_autoptr(GHashTable) ids = source_enum_ids ();
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
  g_auto(GStrv) keys = g_settings_schema_list_keys (schema);
  guint checked = 0;

  for (guint k = 0; keys[k] != NULL; k++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[k]);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) values = NULL;
      g_autoptr(GVariant) def = NULL;
      const char *kind;
      GEnumClass *klass;
      GType type = G_TYPE_INVALID;
      gsize n;

      g_variant_get (range, "(&sv)", &kind, &values);
      for (guint e = 0; e < G_N_ELEMENTS (enum_keys); e++)
        if (strcmp (enum_keys[e].key, keys[k]) == 0)
          type = enum_keys[e].get_type ();

      /* The listed keys name their type's enum (the ids the build
       * generates from the headers); a key naming an enum not listed is a
       * new one to hold to its type here. (A key with <choices> has an
       * "enum" range too, and no id.) */
      if (type == G_TYPE_INVALID)
        {
          if (g_hash_table_contains (ids, keys[k]))
            g_error ("schema: key \"%s\" is an enum this test does not know", keys[k]);
          continue;
        }
      {
        g_autofree char *want = g_strdup_printf ("%s.%s", APP_ID, g_type_name (type));

        if (g_strcmp0 (g_hash_table_lookup (ids, keys[k]), want) != 0)
          g_error ("schema: key \"%s\" should take the enum \"%s\", not %s", keys[k], want,
                   g_hash_table_contains (ids, keys[k]) ? (char *) g_hash_table_lookup (ids, keys[k])
                                                        : "a list of choices");
      }
      g_assert_cmpstr (kind, ==, "enum");

      /* The same words, in the same order... */
      klass = g_type_class_ref (type);
      n = g_variant_n_children (values);
      g_assert_cmpuint (n, ==, klass->n_values);
      for (guint i = 0; i < n; i++)
        {
          const char *nick;

          g_variant_get_child (values, i, "&s", &nick);
          if (strcmp (nick, klass->values[i].value_nick) != 0)
            g_error ("schema: key \"%s\" lists \"%s\" where %s has \"%s\"", keys[k], nick,
                     g_type_name (type), klass->values[i].value_nick);
        }

      /* ...for the same numbers: what the settings store as a word reads
       * back as the C value, and the other way round. */
      for (guint i = 0; i < klass->n_values; i++)
        {
          const GEnumValue *v = &klass->values[i];
          g_autofree char *word = NULL;

          g_assert_true (g_settings_set_enum (settings, keys[k], v->value));
          word = g_settings_get_string (settings, keys[k]);
          g_assert_cmpstr (word, ==, v->value_nick);
          g_assert_true (g_settings_set_string (settings, keys[k], v->value_nick));
          g_assert_cmpint (g_settings_get_enum (settings, keys[k]), ==, v->value);
        }
      g_settings_reset (settings, keys[k]);

      def = g_settings_schema_key_get_default_value (key);
      g_assert_nonnull (g_enum_get_value_by_nick (klass, g_variant_get_string (def, NULL)));
      g_type_class_unref (klass);
      checked++;
    }
  g_assert_cmpuint (checked, ==, G_N_ELEMENTS (enum_keys));
}

static void
test_new_zone_keys (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_auto(GStrv) keys = g_settings_schema_list_keys (schema);
  HlZoneDefaults defaults;
  guint n_zone_keys = 0;

  hl_zone_defaults_init (&defaults);

  /* No new-zone key this test does not hold. */
  for (guint k = 0; keys[k] != NULL; k++)
    {
      gboolean known = FALSE;

      if (!g_str_has_prefix (keys[k], "new-zone-"))
        continue;
      n_zone_keys++;
      for (guint z = 0; z < G_N_ELEMENTS (zone_keys); z++)
        known |= strcmp (zone_keys[z].key, keys[k]) == 0;
      if (!known)
        g_error ("schema: key \"%s\" is not held to the zone defaults here", keys[k]);
    }
  g_assert_cmpuint (n_zone_keys, ==, G_N_ELEMENTS (zone_keys));

  for (guint z = 0; z < G_N_ELEMENTS (zone_keys); z++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, zone_keys[z].key);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
      g_autoptr(GVariant) values = NULL;
      g_autoptr(GVariant) def = g_settings_schema_key_get_default_value (key);
      const HlZoneParamInfo *info;
      const char *kind;
      double min, max, want;

      g_variant_get (range, "(&sv)", &kind, &values);
      if (zone_keys[z].param == NULL)
        {
          char text[8];

          g_assert_cmpstr (kind, ==, "type");
          g_assert_cmpstr (g_variant_get_string (def, NULL), ==, hl_color_format (defaults.shade, text));
          continue;
        }

      info = hl_zone_param_find (zone_keys[z].param);
      g_assert_nonnull (info);
      if (strcmp (kind, "range") != 0)
        g_error ("schema: key \"%s\" has no range", zone_keys[z].key);
      g_variant_get (values, "(dd)", &min, &max);
      if (min != info->min || max != info->max)
        g_error ("schema: key \"%s\" is %g–%g; the parameter \"%s\" is %g–%g",
                 zone_keys[z].key, min, max, info->key, info->min, info->max);

      /* Defaults: those of a new frontal zone (hl_zone_defaults_init). */
      want = strcmp (info->key, "density") == 0 ? defaults.density
             : strcmp (info->key, "transition_mm") == 0 ? defaults.transition_mm
             : defaults.dot_mm;
      if (g_variant_get_double (def) != want)
        g_error ("schema: key \"%s\" defaults to %g; a new frontal zone starts at %g",
                 zone_keys[z].key, g_variant_get_double (def), want);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings-schema/enum-keys", test_enum_keys);
  g_test_add_func ("/settings-schema/new-zone-keys", test_new_zone_keys);

  return g_test_run ();
}
