/* hl-design-io.c: loading designs: the raw text checked for what cJSON does
 * not tell (size, depth, NUL escapes), the parse, and where it failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-design-io-private.h"

/* --- what cJSON does not tell ---------------------------------------------- */

/* Three things the parser hides are found in the raw text, in one pass
 * over it, before cJSON sees it.
 *
 * Size: an upper bound of the JSON values (one more than the commas and
 * opening brackets outside strings): cJSON takes about 100 bytes a value,
 * so this bounds the memory of the parse before it starts.
 *
 * Depth: cJSON refuses more than MAX_NESTING levels of arrays and objects
 * and says only where it stopped. The pass counts brackets outside strings,
 * so a design that goes too deep is called that, with the place.
 *
 * NUL: cJSON decodes "\u0000" inside a string and ends the C string there,
 * so "Alice\u0000Bob" reads as "Alice" and a photo path
 * "astronaut.png\u0000.jpg" as "astronaut.png", with nothing in the tree to
 * tell. (A raw NUL byte never gets this far: UTF-8 validation refuses it.)
 * The pass numbers the string tokens, keys and values alike, in the order
 * they appear, and notes those whose raw token holds a \u0000 escape.
 * cJSON builds its tree in that same order, so a walk over the parsed tree
 * that counts keys and string values the same way meets each noted string
 * and can name its JSON path. */
typedef struct
{
  gsize   n_values;     /* an upper bound of the JSON values */
  guint   max_depth;
  gsize   deep_at;      /* offset where the depth first passed MAX_NESTING */
  GArray *nul_strings;  /* guint: numbers of the string tokens with \u0000, increasing */
} Scan;

static void
scan_text (const char *data,
           gsize       length,
           Scan       *scan)
{
  guint depth = 0;
  guint ordinal = 0;
  gboolean in_string = FALSE;
  gboolean has_nul = FALSE;

  scan->n_values = 1;
  scan->max_depth = 0;
  scan->deep_at = 0;
  scan->nul_strings = g_array_new (FALSE, FALSE, sizeof (guint));

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          if (ch == '\\')
            {
              if (i + 5 < length && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                has_nul = TRUE;
              i++;   /* the escaped character; \uXXXX digits are plain characters */
            }
          else if (ch == '"')
            {
              if (has_nul)
                g_array_append_val (scan->nul_strings, ordinal);
              ordinal++;
              in_string = FALSE;
            }
        }
      else if (ch == '"')
        {
          in_string = TRUE;
          has_nul = FALSE;
        }
      else if (ch == ',')
        scan->n_values++;
      else if (ch == '[' || ch == '{')
        {
          scan->n_values++;
          depth++;
          if (depth > scan->max_depth)
            {
              scan->max_depth = depth;
              if (depth == MAX_NESTING + 1)
                scan->deep_at = i;
            }
        }
      else if ((ch == ']' || ch == '}') && depth > 0)
        depth--;
    }
}

typedef struct
{
  const GArray *nul_strings;
  guint         next;       /* index in nul_strings of the next one to meet */
  guint         ordinal;    /* number of the next string token */
} NulWalk;

/* Walks @item in document order; FALSE, with the error set at the string's
 * JSON path, at the first string token noted by scan_text(). */
static gboolean
find_nul_string (HlReadCtx   *c,
                 const cJSON *item,
                 NulWalk     *w)
{
  guint index = 0;

  if (w->next >= w->nul_strings->len)
    return TRUE;

  if (cJSON_IsString (item))
    {
      if (w->ordinal++ == g_array_index (w->nul_strings, guint, w->next))
        return hl_design_io_invalid (c, _("must not contain control characters (U+0000)"));
      return TRUE;
    }

  if (!cJSON_IsObject (item) && !cJSON_IsArray (item))
    return TRUE;

  for (const cJSON *child = item->child; child != NULL; child = child->next, index++)
    {
      gsize mark;
      gboolean ok;

      if (cJSON_IsObject (item))
        {
          mark = hl_design_io_push_key (c, child->string != NULL ? child->string : "");
          if (w->ordinal++ == g_array_index (w->nul_strings, guint, w->next))
            {
              hl_design_io_invalid (c, _("a key must not contain control characters (U+0000)"));
              hl_design_io_pop (c, mark);
              return FALSE;
            }
        }
      else
        mark = hl_design_io_push_index (c, index);
      ok = find_nul_string (c, child, w);
      hl_design_io_pop (c, mark);
      if (!ok)
        return FALSE;
      if (w->next >= w->nul_strings->len)
        break;
    }

  return TRUE;
}

HlDesign *
hl_design_load_from_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  const char *end = NULL;
  const char *bad = NULL;
  gboolean trailing = FALSE;
  cJSON *root;
  HlDesign *design;
  Scan scan;
  NulWalk walk;
  HlReadCtx c;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > HL_DESIGN_MAX_FILE_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "the design is %zu byte; the limit is %d MiB",
                                "the design is %zu bytes; the limit is %d MiB", length),
                   length, HL_DESIGN_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE, _("the file is empty, not a design"));
      return NULL;
    }

  /* g_utf8_validate_len() also stops at a NUL byte, which is valid UTF-8
   * but a control character: the message says which it is. */
  if (!g_utf8_validate_len (data, length, &bad))
    {
      hl_design_io_encoding_error (data, length, (gsize) (bad - data), error);
      return NULL;
    }

  scan_text (data, length, &scan);
  if (scan.n_values > HL_DESIGN_MAX_JSON_VALUES)
    {
      g_array_unref (scan.nul_strings);
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   _("the design holds more than %d million JSON values; the limit is %d million"),
                   HL_DESIGN_MAX_JSON_VALUES / 1000000, HL_DESIGN_MAX_JSON_VALUES / 1000000);
      return NULL;
    }
  if (scan.max_depth > MAX_NESTING)
    {
      gsize line, column;

      hl_design_io_text_position (data, length, scan.deep_at, &line, &column);
      g_array_unref (scan.nul_strings);
      g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                   _("nested too deeply (limit %d levels): level %d starts at line %zu, column %zu"),
                   MAX_NESTING, MAX_NESTING + 1, line, column);
      return NULL;
    }

  /* cJSON_Parse() would accept trailing garbage: check what follows. (Its
   * require_null_terminated flag wants the NUL inside @length.) */
  root = cJSON_ParseWithLengthOpts (data, length, &end, FALSE);
  if (root != NULL && end != NULL)
    {
      const char *tail = end;

      while (tail < data + length && g_ascii_isspace (*tail))
        tail++;
      if (tail < data + length)
        {
          g_clear_pointer (&root, cJSON_Delete);
          end = tail;
          trailing = TRUE;
        }
    }
  if (root == NULL)
    {
      gsize offset = end != NULL && end >= data ? (gsize) (end - data) : 0;

      if (end == NULL)
        {
          const char *e = cJSON_GetErrorPtr ();

          offset = e != NULL && e >= data && e <= data + length ? (gsize) (e - data) : 0;
        }
      g_array_unref (scan.nul_strings);
      hl_design_io_syntax_error (data, length, offset, trailing, error);
      return NULL;
    }

  c.path = g_string_new (NULL);
  c.error = error;
  c.unknown_bytes = 0;
  c.photo_pixels = 0;
  walk.nul_strings = scan.nul_strings;
  walk.next = 0;
  walk.ordinal = 0;
  if (find_nul_string (&c, root, &walk))
    design = hl_design_io_read_design (&c, root);
  else
    design = NULL;
  g_string_free (c.path, TRUE);
  g_array_unref (scan.nul_strings);
  cJSON_Delete (root);

  return design;
}

HlDesign *
hl_design_load_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: %s"), g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: not a regular file"));
      return NULL;
    }
  if (st.st_size > HL_DESIGN_MAX_FILE_SIZE)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE, "the design is %lld byte; the limit is %d MiB",
                                "the design is %lld bytes; the limit is %d MiB", (gulong) st.st_size),
                   (long long) st.st_size, HL_DESIGN_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: %s"), local->message);
      return NULL;
    }

  return hl_design_load_from_data (data, length, error);
}
