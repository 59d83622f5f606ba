/* test-zone-param.c: the zone-parameter table, and its agreement with the
 * published JSON Schema, the reader's defaults and the writer's order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-zone-param.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

/* Numeric members of a zone that are not in the table, with the reason. */
static const char * const non_table_numbers[] = {
  "seed",   /* an integer that reshuffles the dots, not a quantity */
  NULL
};

/* What files have always been validated with (the values of format
 * version 1), written out so that a change to the table shows up here. */
static const struct
{
  const char *key, *label, *unit, *error_unit;
  double min, max, def;
  gsize offset;
} expected[] = {
  { "density", "Density", "dots/cm²", " dots/cm²", 1, 400, 60, G_STRUCT_OFFSET (HlZoneParams, density) },
  { "transition_mm", "Transition width", "mm", " mm", 0, 40, 8, G_STRUCT_OFFSET (HlZoneParams, transition_mm) },
  { "macro_amplitude_mm", "Wave amplitude", "mm", " mm", 0, 10, 1.5, G_STRUCT_OFFSET (HlZoneParams, macro_amplitude_mm) },
  { "macro_wavelength_mm", "Wave length", "mm", " mm", 2, 200, 25, G_STRUCT_OFFSET (HlZoneParams, macro_wavelength_mm) },
  { "micro_irregularity", "Micro irregularity", "", "", 0, 1, 0.35, G_STRUCT_OFFSET (HlZoneParams, micro_irregularity) },
  { "sentinels_per_cm", "Sentinel dots", "per cm", " per cm", 0, 20, 1, G_STRUCT_OFFSET (HlZoneParams, sentinels_per_cm) },
  { "edge_blend_mm", "Edge blend", "mm", " mm", 0, 40, 4, G_STRUCT_OFFSET (HlZoneParams, edge_blend_mm) },
  { "dot_mm", "Dot size", "mm", " mm", 0.05, 1.5, 0.25, G_STRUCT_OFFSET (HlZoneParams, dot_mm) },
  { "dot_spread", "Dot size spread", "", "", 0, 0.5, 0.15, G_STRUCT_OFFSET (HlZoneParams, dot_spread) },
  { "shade_spread", "Shade spread", "", "", 0, 0.5, 0.12, G_STRUCT_OFFSET (HlZoneParams, shade_spread) },
};

static void
test_table (void)
{
  guint n = 0;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);

  g_assert_nonnull (table);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < n; i++)
    {
      const HlZoneParamInfo *p = &table[i];

      g_test_message ("%s", p->key);
      g_assert_cmpstr (p->key, ==, expected[i].key);
      g_assert_cmpstr (p->label, ==, expected[i].label);
      g_assert_cmpstr (p->unit, ==, expected[i].unit);
      g_assert_cmpstr (p->error_unit, ==, expected[i].error_unit);
      g_assert_cmpfloat (p->min, ==, expected[i].min);
      g_assert_cmpfloat (p->max, ==, expected[i].max);
      g_assert_cmpfloat (p->default_value, ==, expected[i].def);
      g_assert_cmpuint (p->offset, ==, expected[i].offset);
      g_assert_cmpint (p->required, ==, strcmp (p->key, "density") == 0);

      /* A spin button can reach every end of the range and show a step. */
      g_assert_cmpfloat (p->step, >, 0);
      g_assert_cmpfloat (p->step, <=, (p->max - p->min) / 10);
      g_assert_cmpuint (p->digits, <=, 3);
      g_assert_cmpfloat (fabs (p->step * pow (10, p->digits) - round (p->step * pow (10, p->digits))), <, 1e-9);
      g_assert_cmpfloat (fabs (p->default_value * pow (10, p->digits) -
                               round (p->default_value * pow (10, p->digits))), <, 1e-9);

      /* One sentence. */
      g_assert_cmpuint (strlen (p->description), >, 20);
      g_assert_true (g_ascii_isupper (p->description[0]));
      g_assert_true (g_str_has_suffix (p->description, "."));
      g_assert_null (strchr (p->description, '\n'));
    }
}

static void
test_defaults (void)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);
  HlZoneParams zp;

  hl_zone_params_init (&zp);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (hl_zone_param_get (&zp, &table[i]), ==, expected[i].def);

  /* The members that are not in the table keep their own defaults. */
  g_assert_cmpfloat (zp.density, ==, HL_DENSITY_DEFAULT);
  g_assert_cmpfloat (zp.dot_mm, ==, 0.25);
  g_assert_false (zp.follows_hairline);
  g_assert_cmpuint (zp.shade.r, ==, 0x3a);
  g_assert_cmpuint (zp.shade.g, ==, 0x36);
  g_assert_cmpuint (zp.shade.b, ==, 0x33);
  g_assert_cmpuint (zp.n_sessions, ==, 3);
  g_assert_cmpfloat (zp.sessions[0].share, ==, 0.30);
  g_assert_cmpfloat (zp.sessions[2].share, ==, 0.35);
  g_assert_cmpuint (zp.seed, ==, 1);
}

static void
test_get_set (void)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);
  const HlZoneParamInfo *dot = hl_zone_param_find ("dot_mm");
  HlZoneParams zp, before;

  hl_zone_params_init (&zp);

  /* The entry reads and writes the struct member it names. */
  hl_zone_param_set (&zp, dot, 0.3);
  g_assert_cmpfloat (zp.dot_mm, ==, 0.3);
  zp.dot_mm = 0.7;
  g_assert_cmpfloat (hl_zone_param_get (&zp, dot), ==, 0.7);

  for (guint i = 0; i < n; i++)
    {
      const HlZoneParamInfo *p = &table[i];
      double inside = p->min + 0.375 * (p->max - p->min);

      hl_zone_params_init (&zp);
      before = zp;

      hl_zone_param_set (&zp, p, inside);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, inside);
      hl_zone_param_set (&zp, p, p->max + 1);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, p->max);
      hl_zone_param_set (&zp, p, p->min - 1);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, p->min);
      hl_zone_param_set (&zp, p, INFINITY);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, p->max);
      hl_zone_param_set (&zp, p, -INFINITY);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, p->min);
      hl_zone_param_set (&zp, p, p->max);
      g_assert_cmpfloat (hl_zone_param_get (&zp, p), ==, p->max);

      /* Nothing else moved. */
      hl_zone_param_set (&zp, p, p->default_value);
      g_assert_cmpmem (&zp, sizeof zp, &before, sizeof before);
    }
}

static void
test_find (void)
{
  guint n;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);

  for (guint i = 0; i < n; i++)
    g_assert_true (hl_zone_param_find (expected[i].key) == &table[i]);

  g_assert_null (hl_zone_param_find ("Density"));   /* keys are case-sensitive */
  g_assert_null (hl_zone_param_find ("density "));
  g_assert_null (hl_zone_param_find ("seed"));
  g_assert_null (hl_zone_param_find ("shade"));
  g_assert_null (hl_zone_param_find ("follows_hairline"));
  g_assert_null (hl_zone_param_find (""));
}

static cJSON *
load_schema (void)
{
  const char *top = g_getenv ("HL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length;
  cJSON *root;

  g_assert_nonnull (top);
  path = g_build_filename (top, "data", "hairline-design.schema.json", NULL);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  root = cJSON_ParseWithLength (text, length);
  g_assert_nonnull (root);
  return root;
}

static const cJSON *
get (const cJSON *object,
     const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (item == NULL)
    g_error ("schema: no member \"%s\"", key);
  return item;
}

static double
schema_number (const cJSON *property,
               const char  *property_name,
               const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (property, key);

  if (!cJSON_IsNumber (item))
    g_error ("schema: zone property \"%s\" has no numeric \"%s\"", property_name, key);
  return item->valuedouble;
}

static gboolean
is_required (const cJSON *zone,
             const char  *key)
{
  const cJSON *required = get (zone, "required");
  const cJSON *item;

  cJSON_ArrayForEach (item, required)
    if (cJSON_IsString (item) && strcmp (item->valuestring, key) == 0)
      return TRUE;
  return FALSE;
}

static void
test_schema_agreement (void)
{
  g_autoptr(cJSON) schema = load_schema ();
  const cJSON *zone = get (get (schema, "$defs"), "zone");
  const cJSON *properties = get (zone, "properties");
  const cJSON *prop;
  guint n, numeric = 0;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);

  /* Every table entry: same range, default, description and requirement. */
  for (guint i = 0; i < n; i++)
    {
      const HlZoneParamInfo *p = &table[i];
      const cJSON *sp = cJSON_GetObjectItemCaseSensitive (properties, p->key);
      const cJSON *type;
      const cJSON *description;

      if (sp == NULL)
        g_error ("schema: zone has no property \"%s\"", p->key);
      type = get (sp, "type");
      g_assert_cmpstr (type->valuestring, ==, "number");
      if (schema_number (sp, p->key, "minimum") != p->min ||
          schema_number (sp, p->key, "maximum") != p->max ||
          schema_number (sp, p->key, "default") != p->default_value)
        g_error ("schema: zone property \"%s\" is %g–%g, default %g; the table says %g–%g, default %g",
                 p->key, schema_number (sp, p->key, "minimum"), schema_number (sp, p->key, "maximum"),
                 schema_number (sp, p->key, "default"), p->min, p->max, p->default_value);
      description = get (sp, "description");
      g_assert_cmpstr (description->valuestring, ==, p->description);
      g_assert_cmpint (is_required (zone, p->key), ==, p->required);
    }

  /* Every numeric property of the schema's zone: in the table, or one of
   * the few that are not. */
  cJSON_ArrayForEach (prop, properties)
    {
      const cJSON *type = cJSON_GetObjectItemCaseSensitive (prop, "type");
      gboolean in_table = hl_zone_param_find (prop->string) != NULL;
      gboolean listed = g_strv_contains (non_table_numbers, prop->string);

      if (!cJSON_IsString (type) ||
          (strcmp (type->valuestring, "number") != 0 && strcmp (type->valuestring, "integer") != 0))
        continue;
      numeric++;
      if (!in_table && !listed)
        g_error ("schema: zone property \"%s\" is a number but not in the parameter table", prop->string);
      g_assert_false (in_table && listed);
    }
  g_assert_cmpuint (numeric, ==, n + g_strv_length ((char **) non_table_numbers));
}

/* A zone that gives only what is required reads as the table's defaults;
 * a saved zone lists the table's members in the table's order. */
static void
test_reader_and_writer (void)
{
  const char *text =
    "{\"format\": \"hairline-studio-design\", \"version\": 1, \"engine_version\": 1, \"seed\": 1,"
    " \"views\": [{\"name\": \"a\", \"zones\": [{\"name\": \"z\", \"kind\": \"crown\","
    " \"boundary\": [[0, 0], [10, 0], [10, 10]], \"density\": 33}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) design = hl_design_load_from_data (text, strlen (text), &error);
  g_autofree char *out = NULL;
  g_autoptr(cJSON) root = NULL;
  const HlZone *zone;
  const cJSON *jzone, *m;
  guint n, next = 0;
  const HlZoneParamInfo *table = hl_zone_params_get_table (&n);
  const char *order[] = {
    "name", "kind", "boundary", "density", "follows_hairline", "transition_mm",
    "macro_amplitude_mm", "macro_wavelength_mm", "micro_irregularity",
    "sentinels_per_cm", "edge_blend_mm", "dot_mm", "dot_spread", "shade",
    "shade_spread", "sessions", "seed",
  };
  guint k = 0;

  g_assert_no_error (error);
  zone = hl_view_get_zone (hl_design_get_view (design, 0), 0);
  for (guint i = 0; i < n; i++)
    {
      double want = strcmp (table[i].key, "density") == 0 ? 33 : table[i].default_value;

      g_assert_cmpfloat (hl_zone_param_get (&zone->params, &table[i]), ==, want);
    }

  out = hl_design_to_json (design, NULL);
  root = cJSON_Parse (out);
  jzone = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (
            cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (root, "views"), 0), "zones"), 0);
  cJSON_ArrayForEach (m, jzone)
    {
      const HlZoneParamInfo *p = hl_zone_param_find (m->string);

      g_assert_cmpuint (k, <, G_N_ELEMENTS (order));
      g_assert_cmpstr (m->string, ==, order[k++]);
      if (p != NULL)
        {
          g_assert_true (p == &table[next++]);
          g_assert_cmpfloat (m->valuedouble, ==, hl_zone_param_get (&zone->params, p));
        }
    }
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (order));
  g_assert_cmpuint (next, ==, n);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zone-param/table", test_table);
  g_test_add_func ("/zone-param/defaults", test_defaults);
  g_test_add_func ("/zone-param/get-set", test_get_set);
  g_test_add_func ("/zone-param/find", test_find);
  g_test_add_func ("/zone-param/schema-agreement", test_schema_agreement);
  g_test_add_func ("/zone-param/reader-and-writer", test_reader_and_writer);

  return g_test_run ();
}
