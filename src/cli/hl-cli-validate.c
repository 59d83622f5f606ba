/* hl-cli-validate.c: `hairline validate`.
 *
 * The design reader stops at the first rule a file breaks. To report the
 * others, validate runs it again on the file's JSON tree without the
 * member at fault: the member itself, or, when it is missing or required,
 * the nearest object or array element that holds it (a zone, a view, a
 * point). So "every error" means every error the reader finds in what is
 * left once the faulty members are taken out, with these limits:
 *   - what a removed member hid is not checked (a view without its
 *     required name is removed whole, so its zones' errors are not seen);
 *   - an error that only follows from a removal (a curve left with too few
 *     points, a required member removed) is not reported: errors at or
 *     above a removed member are taken as such and remove more;
 *   - a required member of the design itself (format, version, seed...)
 *     is put back with a new design's value, so the rest is still read;
 *   - errors before the tree exists (not JSON, too large, too deep, a newer
 *     version) are one error and the end;
 *   - at most HL_VALIDATE_MAX_ERRORS errors a file are listed, found by
 *     reading at most HL_VALIDATE_MAX_REREAD bytes again (then the list
 *     says it is not complete).
 * Paths are those of the file as given (array indexes are not shifted by
 * what was removed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-design-io.h"
#include "hl-error.h"

#define HL_VALIDATE_MAX_ERRORS 100
/* Each round prints and reads the whole tree again (about 20 MB/s here):
 * the rounds of one file stop after this much text, some 10 s (a 5 MB
 * design with 20 problems took 40 rounds, 10 s; a small one is not
 * limited by it before HL_VALIDATE_MAX_ERRORS). */
#define HL_VALIDATE_MAX_REREAD (200 * 1024 * 1024)

typedef struct
{
  char *path;      /* JSON path in the file as given; "" for the whole file */
  char *message;   /* the rule, translated */
} Problem;

static void
problem_free (gpointer data)
{
  Problem *p = data;

  g_free (p->path);
  g_free (p->message);
  g_free (p);
}

static void
add_problem (GPtrArray  *problems,
             const char *path,
             const char *message)
{
  Problem *p = g_new0 (Problem, 1);

  p->path = g_strdup (path);
  p->message = g_strdup (message);
  g_ptr_array_add (problems, p);
}

/* Splits an HL_ERROR_INVALID message "PATH: RULE" (PATH "(top level)"
 * for the whole file). */
static void
split_message (const char  *message,
               char       **path,
               char       **rule)
{
  const char *top = _("(top level)");
  const char *sep;

  if (g_str_has_prefix (message, top) && g_str_has_prefix (message + strlen (top), ": "))
    {
      *path = g_strdup ("");
      *rule = g_strdup (message + strlen (top) + 2);
      return;
    }
  sep = strstr (message, ": ");
  if (sep == NULL)
    {
      *path = g_strdup ("");
      *rule = g_strdup (message);
      return;
    }
  *path = g_strndup (message, (gsize) (sep - message));
  *rule = g_strdup (sep + 2);
}

/* Each array element of @node (recursively) → its index in the file as
 * given, plus one. */
static void
index_elements (GHashTable  *original,
                const cJSON *node)
{
  int i = 0;

  for (const cJSON *child = node->child; child != NULL; child = child->next, i++)
    {
      if (cJSON_IsArray (node))
        g_hash_table_insert (original, (gpointer) child, GINT_TO_POINTER (i + 1));
      if (child->child != NULL)
        index_elements (original, child);
    }
}

typedef struct
{
  cJSON      *node;      /* the deepest node of the path that exists */
  cJSON      *parent;    /* its parent (NULL: @node is the root) */
  GString    *original;  /* the path of @node in the file as given */
  const char *rest;      /* what of the path does not exist ("" when all does) */
} Found;

/* Follows @path ("views[0].zones[2].density") from @root as far as it
 * exists. Keys may hold dots: the longest key that fits is taken. */
static void
resolve (cJSON      *root,
         const char *path,
         GHashTable *original,
         Found      *found)
{
  const char *at = path;

  found->node = root;
  found->parent = NULL;
  found->original = g_string_new (NULL);

  while (*at != '\0')
    {
      cJSON *next = NULL;
      const char *after = NULL;

      if (*at == '[' && cJSON_IsArray (found->node))
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (at + 1, &end, 10);

          if (end == at + 1 || *end != ']' || index > G_MAXINT)
            break;
          next = cJSON_GetArrayItem (found->node, (int) index);
          if (next == NULL)
            break;
          after = end + 1;
          g_string_append_printf (found->original, "[%d]",
                                  GPOINTER_TO_INT (g_hash_table_lookup (original, next)) - 1);
        }
      else if (cJSON_IsObject (found->node) && (*at == '.') == (found->original->len > 0))
        {
          const char *key = (*at == '.') ? at + 1 : at;
          gsize best = 0;

          for (cJSON *child = found->node->child; child != NULL; child = child->next)
            {
              gsize len = child->string != NULL ? strlen (child->string) : 0;

              if (len > best && strncmp (key, child->string, len) == 0 &&
                  (key[len] == '\0' || key[len] == '.' || key[len] == '['))
                {
                  best = len;
                  next = child;
                }
            }
          if (next == NULL)
            break;
          after = key + best;
          if (found->original->len > 0)
            g_string_append_c (found->original, '.');
          g_string_append (found->original, next->string);
        }
      else
        break;

      found->parent = found->node;
      found->node = next;
      at = after;
    }
  found->rest = at;
}

/* TRUE when @path is @removed or holds it ("views[0]" holds
 * "views[0].name" and "views[0][1]"). */
static gboolean
path_holds (const char *path,
            const char *removed)
{
  gsize len = strlen (path);

  if (len == 0)
    return removed[0] == '\0';
  return strncmp (path, removed, len) == 0 &&
         (removed[len] == '\0' || removed[len] == '.' || removed[len] == '[');
}

/* Finds every error of the design whose JSON is @data (@first: the error
 * the reader gave on it as it is; see the top of this file). Returns
 * FALSE when the list stopped at HL_VALIDATE_MAX_ERRORS. */
static gboolean
collect_problems (const char   *data,
                  gsize         length,
                  const GError *first,
                  GPtrArray    *problems)
{
  g_autoptr(GHashTable) original = NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = g_error_copy (first);
  g_autoptr(GHashTable) restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean complete = TRUE;
  gsize reread = 0;
  cJSON *root, *blank;

  if (!g_error_matches (error, HL_ERROR, HL_ERROR_INVALID))
    {
      add_problem (problems, "", error->message);
      return TRUE;
    }
  /* The reader parsed it already, so this succeeds (within cJSON's
   * nesting limit: the tree can be printed again). */
  root = cJSON_ParseWithLength (data, length);
  if (root == NULL)
    {
      add_problem (problems, "", error->message);
      return TRUE;
    }
  original = g_hash_table_new (NULL, NULL);
  index_elements (original, root);
  {
    g_autoptr(HlDesign) empty = hl_design_new ();
    g_autofree char *text = hl_design_to_json (empty, NULL);

    blank = cJSON_Parse (text);
  }

  /* Every round takes a node out of the tree, so this ends. */
  for (;;)
    {
      g_autofree char *path = NULL;
      g_autofree char *rule = NULL;
      g_autofree char *where = NULL;
      char *text;
      gboolean artefact = FALSE;
      HlDesign *design;
      Found found;

      split_message (error->message, &path, &rule);
      resolve (root, path, original, &found);
      /* The error's path in the file as given: the part that exists, then
       * what the reader named below it. */
      where = g_strconcat (found.original->str, found.rest, NULL);
      if (found.original->len == 0 && found.rest[0] == '.')
        memmove (where, where + 1, strlen (where));

      for (guint i = 0; i < removed->len && !artefact; i++)
        artefact = path_holds (where, g_ptr_array_index (removed, i));
      if (!artefact)
        {
          if (problems->len >= HL_VALIDATE_MAX_ERRORS)
            {
              complete = FALSE;
              g_string_free (found.original, TRUE);
              break;
            }
          add_problem (problems, where, rule);
        }

      /* Take out the member at fault, or, when it is missing, the object
       * that should hold it. A required member of the design itself that
       * was taken out comes back with a new design's value, once; else the
       * whole file would go and nothing more would be found. */
      if (found.parent == NULL)
        {
          const char *key = found.rest[0] == '.' ? found.rest + 1 : found.rest;
          const cJSON *value;

          g_string_free (found.original, TRUE);
          if (!artefact || strpbrk (key, ".[") != NULL ||
              g_hash_table_contains (restored, key) ||
              cJSON_GetObjectItemCaseSensitive (root, key) != NULL ||
              (value = cJSON_GetObjectItemCaseSensitive (blank, key)) == NULL)
            break;
          g_hash_table_add (restored, g_strdup (key));
          cJSON_AddItemToObject (root, key, cJSON_Duplicate (value, TRUE));
        }
      else
        {
          g_ptr_array_add (removed, g_string_free (found.original, FALSE));
          cJSON_Delete (cJSON_DetachItemViaPointer (found.parent, found.node));
        }
      text = cJSON_PrintUnformatted (root);
      if (text == NULL)
        break;
      reread += strlen (text);
      if (reread > HL_VALIDATE_MAX_REREAD)
        {
          cJSON_free (text);
          complete = FALSE;
          break;
        }
      g_clear_error (&error);
      design = hl_design_load_from_data (text, strlen (text), &error);
      cJSON_free (text);
      if (design != NULL)
        {
          hl_design_unref (design);
          break;
        }
      if (!g_error_matches (error, HL_ERROR, HL_ERROR_INVALID))
        break;
    }

  cJSON_Delete (blank);
  cJSON_Delete (root);
  return complete;
}

/* Checks @arg (a path, or "-": standard input); adds its problems to
 * @problems. Returns FALSE when the list was cut at
 * HL_VALIDATE_MAX_ERRORS. A valid file is read and parsed once; an invalid
 * one is read again for the rest of its problems. */
static gboolean
validate_one (const char *arg,
              GPtrArray  *problems)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  HlDesign *design;
  gsize length = 0;

  if (hl_cli_is_stdio (arg))
    {
      data = hl_cli_read_stdin (&length, &error);
      design = data != NULL ? hl_design_load_from_data (data, length, &error) : NULL;
    }
  else
    design = hl_design_load_from_file (arg, &error);

  if (design != NULL)
    {
      hl_design_unref (design);
      return TRUE;
    }
  /* Not read (missing, not a regular file, too large), or more to find
   * only in a design that broke a rule. */
  if (!g_error_matches (error, HL_ERROR, HL_ERROR_INVALID))
    {
      add_problem (problems, "", error->message);
      return TRUE;
    }
  if (data == NULL && !g_file_get_contents (arg, &data, &length, NULL))
    {
      add_problem (problems, "", error->message);
      return TRUE;
    }
  return collect_problems (data, length, error, problems);
}

static cJSON *
result_json (const char *arg,
             GPtrArray  *problems,
             gboolean    complete)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON *errors;

  cJSON_AddStringToObject (o, "file", hl_cli_is_stdio (arg) ? "-" : arg);
  cJSON_AddBoolToObject (o, "valid", problems->len == 0);
  errors = cJSON_AddArrayToObject (o, "errors");
  for (guint i = 0; i < problems->len; i++)
    {
      const Problem *p = g_ptr_array_index (problems, i);
      cJSON *e = cJSON_CreateObject ();

      cJSON_AddStringToObject (e, "path", p->path);
      cJSON_AddStringToObject (e, "message", p->message);
      cJSON_AddItemToArray (errors, e);
    }
  cJSON_AddBoolToObject (o, "complete", complete);
  return o;
}

int
hl_cli_validate (int    argc,
                 char **argv)
{
  gboolean verbose = FALSE, json = FALSE, first_only = FALSE;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also name the files that are valid"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print {\"valid\": …, \"errors\": [{\"path\": …, \"message\": …}]} per file on standard output"), NULL },
    { "first", 0, 0, G_OPTION_ARG_NONE, &first_only, N_("Report only the first error of each file"), NULL },
    { NULL }
  };
  cJSON *results = NULL;
  int status = HL_EXIT_OK;
  int n_stdin = 0;

  if (!hl_cli_parse_options ("validate", _("DESIGN…"),
                             _("Check design files against every rule of the format. Prints\n"
                             "nothing for valid files (unless --verbose) and FILE: PATH: RULE\n"
                             "for each problem of an invalid one. After a problem the file is\n"
                             "checked again without the member at fault (or, when that member\n"
                             "is missing or required, without the object that holds it), so\n"
                             "what that member hid is not checked; at most 100 problems a\n"
                             "file. DESIGN - reads standard input. With --json, one object for\n"
                             "one DESIGN, an array of them for several."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc < 2)
    {
      fprintf (stderr, _("hairline validate: expected at least one DESIGN file\n"));
      fprintf (stderr, _("Run 'hairline validate --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }
  for (int i = 1; i < argc; i++)
    n_stdin += hl_cli_is_stdio (argv[i]);
  if (n_stdin > 1)
    {
      fprintf (stderr, _("hairline validate: standard input (-) can be given once\n"));
      return HL_EXIT_USAGE;
    }

  if (json)
    results = cJSON_CreateArray ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (problem_free);
      gboolean complete = validate_one (argv[i], problems);
      const char *name = hl_cli_input_name (argv[i]);

      if (problems->len > 0)
        status = HL_EXIT_BAD_INPUT;
      if (first_only && problems->len > 1)
        g_ptr_array_set_size (problems, 1);

      if (json)
        {
          cJSON_AddItemToArray (results, result_json (argv[i], problems, complete || first_only));
          continue;
        }
      for (guint k = 0; k < problems->len; k++)
        {
          const Problem *p = g_ptr_array_index (problems, k);

          if (p->path[0] != '\0')
            fprintf (stderr, "%s: %s: %s\n", name, p->path, p->message);
          else
            fprintf (stderr, "%s: %s\n", name, p->message);
        }
      if (!complete && !first_only)
        fprintf (stderr, _("%s: more problems may follow (the search stops after %d problems or a few seconds)\n"),
                 name, HL_VALIDATE_MAX_ERRORS);
      if (problems->len == 0 && verbose)
        printf (_("%s: valid\n"), name);
    }

  if (json)
    {
      /* Built here from short strings: safe to print. */
      char *text = cJSON_Print (argc == 2 ? cJSON_GetArrayItem (results, 0) : results);

      printf ("%s\n", text);
      cJSON_free (text);
      cJSON_Delete (results);
    }

  return status;
}
