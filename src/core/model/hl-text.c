/* hl-text.c: the characters a design's names, paths and labels may hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-text.h"

static gboolean
is_control (gunichar ch,
            gboolean free_text)
{
  if (free_text && (ch == '\t' || ch == '\n' || ch == '\r'))
    return FALSE;
  return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) ||
         (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069);
}

gunichar
hl_text_find_control (const char *text,
                      gboolean    free_text)
{
  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_control (ch, free_text))
        return ch;
    }
  return 0;
}

char *
hl_text_clean (const char *text,
               gboolean    free_text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (hl_text_find_control (text, free_text) == 0)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_control (ch, free_text))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}
