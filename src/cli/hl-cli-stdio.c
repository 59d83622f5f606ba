/* hl-cli-stdio.c: standard input and output for `hairline` commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-design-io.h"
#include "hl-error.h"

static gboolean stdin_taken;

gboolean
hl_cli_is_stdio (const char *arg)
{
  return arg != NULL && strcmp (arg, "-") == 0;
}

const char *
hl_cli_input_name (const char *arg)
{
  /* Translators: how messages name a design read from standard input,
   * where they would name its file. */
  return hl_cli_is_stdio (arg) ? _("(standard input)") : arg;
}

const char *
hl_cli_design_path (const char *arg)
{
  return hl_cli_is_stdio (arg) ? NULL : arg;
}

char *
hl_cli_read_stdin (gsize   *length,
                   GError **error)
{
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  guint8 chunk[65536];

  g_return_val_if_fail (length != NULL, NULL);

  if (stdin_taken)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_IO,
                   _("standard input can be read only once"));
      return NULL;
    }
  stdin_taken = TRUE;

  for (;;)
    {
      ssize_t n = read (STDIN_FILENO, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, HL_ERROR, HL_ERROR_IO, _("cannot read the design: %s"), g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize) n > HL_DESIGN_MAX_FILE_SIZE)
        {
          g_set_error (error, HL_ERROR, HL_ERROR_TOO_LARGE,
                       _("the design is larger than %d MiB, the limit"),
                       HL_DESIGN_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buf, chunk, (guint) n);
    }

  *length = buf->len;
  g_byte_array_append (buf, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buf), FALSE);
}

HlDesign *
hl_cli_load_stdin (GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  data = hl_cli_read_stdin (&length, error);
  if (data == NULL)
    return NULL;
  return hl_design_load_from_data (data, length, error);
}

gboolean
hl_cli_binary_stdout_ok (const char *command)
{
  if (isatty (STDOUT_FILENO))
    {
      fprintf (stderr, _("hairline %s: standard output is a terminal; redirect it to a file or a pipe\n"),
               command);
      return FALSE;
    }
  return TRUE;
}

char *
hl_cli_stdout_staging (const char  *command,
                       const char  *basename,
                       char       **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("hairline-XXXXXX", &error);
  if (*dir == NULL)
    {
      fprintf (stderr, "hairline %s: %s\n", command, error->message);
      return NULL;
    }
  return g_build_filename (*dir, basename, NULL);
}

gboolean
hl_cli_stdout_unstage (const char *command,
                       const char *path,
                       const char *dir)
{
  gboolean ok = TRUE;
  FILE *in = fopen (path, "rb");

  if (in == NULL)
    {
      int saved = errno;

      fprintf (stderr, "hairline %s: %s\n", command, g_strerror (saved));
      ok = FALSE;
    }
  else
    {
      char chunk[65536];
      size_t n;

      while ((n = fread (chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite (chunk, 1, n, stdout) != n)
          break;   /* the write error is said when stdout closes */
      if (ferror (in))
        {
          fprintf (stderr, "hairline %s: %s\n", command, g_strerror (errno));
          ok = FALSE;
        }
      fclose (in);
    }

  g_unlink (path);
  if (dir != NULL)
    g_rmdir (dir);
  return ok;
}

int
hl_cli_write_export (const char            *command,
                     const HlDesign        *design,
                     const char            *design_arg,
                     const char            *output,
                     const char            *stdout_name,
                     const HlExportOptions *options)
{
  g_autofree char *staging_dir = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = hl_cli_input_name (design_arg);

  if (hl_cli_is_stdio (output))
    target = hl_cli_stdout_staging (command, stdout_name, &staging_dir);
  else
    target = g_strdup (output);
  if (target == NULL)
    return HL_EXIT_BAD_INPUT;

  if (!hl_export_write (design, hl_cli_design_path (design_arg), target, options, hl_cli_print_note, NULL,
                        (gpointer) name, NULL, &error))
    {
      if (staging_dir != NULL)
        g_rmdir (staging_dir);
      return hl_cli_export_failed (command, name, output, options->follow_symlinks, error);
    }
  if (staging_dir != NULL && !hl_cli_stdout_unstage (command, target, staging_dir))
    return HL_EXIT_BAD_INPUT;
  return HL_EXIT_OK;
}
