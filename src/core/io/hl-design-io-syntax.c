/* hl-design-io-syntax.c: what is wrong where a design's text stops being
 * JSON, in words.
 *
 * cJSON says only where it stopped. The text before that point is read
 * again here, token by token, to learn the JSON path of the value being
 * read there ("views[0].zones[1].name"), and the token at the point is
 * named when it is a known mistake: NaN or Infinity (JSON numbers are
 * finite), single quotes, comments, a comma before a closing bracket, a key
 * without quotes, a file cut short, text after the design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "hl-design-io-private.h"

typedef enum
{
  EXPECT_KEY,      /* object: after { or , */
  EXPECT_COLON,    /* object: after a key */
  EXPECT_VALUE,    /* object: after :, array: after [ or , (or inside that value) */
  AFTER_VALUE,     /* after a whole value: , or the closing bracket comes next */
} State;

typedef struct
{
  gboolean object;
  State    state;
  gsize    key_start;   /* object: the current key's raw text, between its quotes */
  gsize    key_len;
  guint    index;       /* index of the current element or member */
} Frame;

typedef struct
{
  GArray   *stack;      /* of Frame, outermost first */
  gboolean  in_string;  /* the scan stopped inside a string */
  gboolean  understood; /* the text before the point reads as JSON so far */
  gboolean  done;       /* a whole top-level value was read */
} Scan;

static Frame *
top_frame (Scan *s)
{
  return s->stack->len > 0 ? &g_array_index (s->stack, Frame, s->stack->len - 1) : NULL;
}

/* A value ended: its container expects a comma or its end next. */
static void
value_done (Scan *s)
{
  Frame *top = top_frame (s);

  if (top == NULL)
    s->done = TRUE;
  else
    top->state = AFTER_VALUE;
}

static gboolean
is_delimiter (char ch)
{
  return ch == ',' || ch == ':' || ch == '[' || ch == ']' || ch == '{' || ch == '}' ||
         ch == '"' || g_ascii_isspace (ch);
}

/* Reads the tokens of @data before @offset into @s. Stops, with
 * understood FALSE, at the first thing JSON would not accept there. */
static void
scan_to (const char *data,
         gsize       offset,
         Scan       *s)
{
  gsize i = 0;

  s->stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  s->in_string = FALSE;
  s->understood = TRUE;
  s->done = FALSE;

  while (i < offset && s->understood)
    {
      char ch = data[i];
      Frame *top = top_frame (s);
      gboolean want_value = top == NULL ? !s->done : top->state == EXPECT_VALUE;

      if (g_ascii_isspace (ch))
        {
          i++;
          continue;
        }
      if (ch == '"')
        {
          gsize start = ++i;

          while (i < offset && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;
          if (i >= offset)
            {
              s->in_string = TRUE;   /* the point is inside this string */
              break;
            }
          if (top != NULL && top->object && top->state == EXPECT_KEY)
            {
              top->key_start = start;
              top->key_len = i - start;
              top->state = EXPECT_COLON;
            }
          else if (want_value)
            value_done (s);
          else
            s->understood = FALSE;
          i++;
          continue;
        }
      if (ch == '{' || ch == '[')
        {
          Frame frame = { ch == '{', ch == '{' ? EXPECT_KEY : EXPECT_VALUE, 0, 0, 0 };

          /* Deeper than cJSON reads: no path (and no stack as deep as a
           * file of brackets is long). */
          if (!want_value || s->stack->len >= MAX_NESTING)
            {
              s->understood = FALSE;
              break;
            }
          g_array_append_val (s->stack, frame);
          i++;
          continue;
        }
      if (ch == '}' || ch == ']')
        {
          /* Closing an empty container is fine; after a comma it is not. */
          if (top == NULL || top->object != (ch == '}') ||
              !(top->state == AFTER_VALUE ||
                (top->index == 0 && top->state == (top->object ? EXPECT_KEY : EXPECT_VALUE))))
            {
              s->understood = FALSE;
              break;
            }
          g_array_set_size (s->stack, s->stack->len - 1);
          value_done (s);
          i++;
          continue;
        }
      if (ch == ',')
        {
          if (top == NULL || top->state != AFTER_VALUE)
            {
              s->understood = FALSE;
              break;
            }
          top->index++;
          top->state = top->object ? EXPECT_KEY : EXPECT_VALUE;
          i++;
          continue;
        }
      if (ch == ':')
        {
          if (top == NULL || !top->object || top->state != EXPECT_COLON)
            {
              s->understood = FALSE;
              break;
            }
          top->state = EXPECT_VALUE;
          i++;
          continue;
        }

      /* A number or a literal: as far as the next delimiter. */
      if (!want_value)
        {
          s->understood = FALSE;
          break;
        }
      while (i < offset && !is_delimiter (data[i]))
        i++;
      if (i < offset)
        value_done (s);
    }
}

/* The key of @frame as a path element: its raw text, unescaped when it
 * holds escapes (transfer full). */
static char *
frame_key (const char  *data,
           const Frame *frame)
{
  g_autofree char *quoted = NULL;
  cJSON *item;
  char *key;

  if (memchr (data + frame->key_start, '\\', frame->key_len) == NULL)
    return g_strndup (data + frame->key_start, frame->key_len);

  quoted = g_strdup_printf ("\"%.*s\"", (int) frame->key_len, data + frame->key_start);
  item = cJSON_Parse (quoted);
  if (cJSON_IsString (item) && item->valuestring != NULL)
    key = g_strdup (item->valuestring);
  else
    key = g_strndup (data + frame->key_start, frame->key_len);
  cJSON_Delete (item);
  return key;
}

/* The JSON path the scan stopped in ("" at the top level), as the reader
 * writes paths (transfer full). */
static char *
scan_path (const char *data,
           const Scan *s)
{
  GString *path = g_string_new (NULL);

  for (guint k = 0; k < s->stack->len; k++)
    {
      const Frame *f = &g_array_index (s->stack, Frame, k);

      if (f->object && (f->state == EXPECT_COLON || f->state == EXPECT_VALUE))
        {
          g_autofree char *key = frame_key (data, f);

          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, key);
        }
      else if (!f->object && f->state == EXPECT_VALUE)
        g_string_append_printf (path, "[%u]", f->index);
    }
  return g_string_free (path, FALSE);
}

void
hl_design_io_text_position (const char *data,
                            gsize       length,
                            gsize       offset,
                            gsize      *line,
                            gsize      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset && i < length; i++)
    {
      if (data[i] == '\n')
        (*line)++, *column = 1;
      else
        (*column)++;
    }
}

/* The token at @p (up to @end): as far as the next delimiter, at most
 * 16 bytes cut at a character's end, at least one character
 * (transfer full). */
static char *
token_at (const char *p,
          const char *end)
{
  const char *q = p;

  if (p >= end)
    return g_strdup ("");
  do
    q = g_utf8_next_char (q);
  while (q < end && q - p < 16 && !is_delimiter (*q));
  return g_strndup (p, (gsize) (MIN (q, end) - p));
}

/* The length of a non-finite number spelt at @p ("NaN", "-Infinity",
 * "inf", ...), or 0. */
static gsize
non_finite_at (const char *p,
               const char *end)
{
  static const char * const words[] = { "Infinity", "NaN", "inf", "nan" };
  const char *q = p;

  if (q < end && (*q == '-' || *q == '+'))
    q++;
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    {
      gsize n = strlen (words[k]);

      if ((gsize) (end - q) >= n && g_ascii_strncasecmp (q, words[k], n) == 0 &&
          (q + n == end || is_delimiter (q[n])))
        return (gsize) (q + n - p);
    }
  return 0;
}

void
hl_design_io_syntax_error (const char  *data,
                           gsize        length,
                           gsize        offset,
                           gboolean     trailing,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;
  gsize line, column, n;
  char at;
  Scan s;

  offset = MIN (offset, length);

  /* cJSON reports an error past the end at the last byte: a text cut
   * short reads as JSON to its very end. */
  if (!trailing && offset + 1 >= length)
    {
      scan_to (data, length, &s);
      if (s.understood && !s.done)
        {
          path = scan_path (data, &s);
          reason = g_strdup (_("the text ends before the design does"));
          offset = length;
        }
      g_array_unref (s.stack);
    }

  /* Where a key should start, cJSON reports the byte after the one it
   * refused. */
  if (reason == NULL && !trailing && offset > 0 && !g_ascii_isspace (data[offset - 1]) &&
      data[offset - 1] != '"')
    {
      Frame *top;

      scan_to (data, offset - 1, &s);
      top = top_frame (&s);
      if (s.understood && !s.in_string && top != NULL && top->object && top->state == EXPECT_KEY)
        offset--;
      g_array_unref (s.stack);
    }

  if (reason == NULL)
    {
      scan_to (data, offset, &s);
      path = s.understood && !s.in_string ? scan_path (data, &s) : NULL;

      if ((n = non_finite_at (data + offset, data + length)) > 0)
        {
          hl_design_io_text_position (data, length, offset, &line, &column);
          g_array_unref (s.stack);
          if (path != NULL)
            /* Translators: %s is a JSON path; %.*s a word such as NaN or -Infinity. */
            g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                         _("%s: %.*s is not JSON; numbers must be finite (line %zu, column %zu)"),
                         *path != '\0' ? path : _("(top level)"), (int) n, data + offset, line, column);
          else
            /* Translators: %.*s is a word such as NaN or -Infinity. */
            g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                         _("%.*s is not JSON; numbers must be finite (line %zu, column %zu)"),
                         (int) n, data + offset, line, column);
          return;
        }

      at = offset < length ? data[offset] : '\0';
      if (trailing)
        reason = g_strdup (_("text follows the end of the design"));
      else if (at == '\'')
        reason = g_strdup (_("strings and keys must be in double quotes"));
      else if (at == '/' && offset + 1 < length &&
               (data[offset + 1] == '/' || data[offset + 1] == '*'))
        reason = g_strdup (_("comments are not JSON"));
      else if ((at == '}' || at == ']') && offset > 0)
        {
          gsize before = offset;

          while (before > 0 && g_ascii_isspace (data[before - 1]))
            before--;
          if (before > 0 && data[before - 1] == ',')
            reason = g_strdup_printf (_("a comma before “%c” is not JSON"), at);
        }
      if (reason == NULL && s.understood && !s.in_string && top_frame (&s) != NULL)
        {
          g_autofree char *token = token_at (data + offset, data + length);

          if (top_frame (&s)->object && top_frame (&s)->state == EXPECT_KEY)
            reason = g_strdup (_("keys must be strings in double quotes"));
          else if (top_frame (&s)->state == AFTER_VALUE)
            reason = g_strdup_printf (_("a comma or a closing bracket is missing before “%s”"), token);
        }
      if (reason == NULL)
        {
          g_autofree char *token = token_at (data + offset, data + length);

          reason = g_strdup_printf (_("unexpected “%s”"), token);
        }
      g_array_unref (s.stack);
    }

  hl_design_io_text_position (data, length, offset, &line, &column);
  if (path != NULL && *path != '\0')
    /* Translators: %s is a JSON path (views[0].zones[1]), the last %s what is wrong. */
    g_set_error (error, HL_ERROR, HL_ERROR_PARSE, _("not valid JSON at %s (line %zu, column %zu): %s"),
                 path, line, column, reason);
  else
    g_set_error (error, HL_ERROR, HL_ERROR_PARSE, _("not valid JSON (line %zu, column %zu): %s"),
                 line, column, reason);
}

void
hl_design_io_encoding_error (const char  *data,
                             gsize        length,
                             gsize        offset,
                             GError     **error)
{
  g_autofree char *path = NULL;
  gsize line, column;
  Scan s;

  offset = MIN (offset, length);
  scan_to (data, offset, &s);
  /* Inside a string, the string's value is being read: its path. */
  if (s.understood)
    path = scan_path (data, &s);
  g_array_unref (s.stack);

  hl_design_io_text_position (data, length, offset, &line, &column);
  if (offset < length && data[offset] == '\0')
    {
      if (path != NULL && *path != '\0')
        /* Translators: %s is a JSON path (client, views[0].name). */
        g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                     _("%s: a NUL byte (U+0000) at line %zu, column %zu (byte %zu): "
                       "control characters are not allowed in a design"),
                     path, line, column, offset);
      else
        g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                     _("a NUL byte (U+0000) at line %zu, column %zu (byte %zu): "
                       "control characters are not allowed in a design"),
                     line, column, offset);
    }
  else if (path != NULL && *path != '\0')
    /* Translators: %s is a JSON path (client, views[0].name). */
    g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                 _("%s: not valid UTF-8 text at line %zu, column %zu (byte %zu)"),
                 path, line, column, offset);
  else
    g_set_error (error, HL_ERROR, HL_ERROR_PARSE,
                 _("not valid UTF-8 text at line %zu, column %zu (byte %zu)"),
                 line, column, offset);
}
