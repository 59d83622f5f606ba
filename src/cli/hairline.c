/* hairline.c: the headless command-line tool.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-cli.h"
#include "hl-cli-stdio.h"
#include "hl-design-io.h"
#include "hl-i18n.h"

static const HlCliCommand commands[] = {
  { "validate", N_("Check design files against the format's rules"), hl_cli_validate },
  { "stats", N_("Areas, densities and dot counts per view and zone"), hl_cli_stats },
  { "dots", N_("Write the dots of a view as CSV or JSON"), hl_cli_dots },
  { "render", N_("Render a view to a PNG mockup"), hl_cli_render },
  { "report", N_("Write the consultation sheet (PDF)"), hl_cli_report },
  { "thumbnail", N_("Write a small PNG preview for file managers"), hl_cli_thumbnail },
  { "sessions", N_("Planned sessions: dots, estimated time, what was done"), hl_cli_sessions },
};

static void
print_usage (FILE *out)
{
  /* Translators: COMMAND, OPTION and ARGUMENT stand for what is typed;
   * "hairline" is the program's name. */
  fputs (_("Usage: hairline COMMAND [OPTION…] [ARGUMENT…]\n"
           "\n"
           "Hairline Studio, headless: check, measure and export SMP designs.\n"
           "\n"
           "Commands:\n"), out);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  /* Translators: keep the options as they are, and the descriptions
   * aligned. */
  fputs (_("\n"
           "Options:\n"
           "  -h, --help     Show this help\n"
           "  --version      Show the version\n"
           "\n"
           "Run 'hairline COMMAND --help' for a command's options.\n"
           "Exit status: 0 success, 1 bad input, 2 usage error.\n"), out);
}

gboolean
hl_cli_parse_options (const char    *command,
                      const char    *parameter_string,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *params = g_strdup_printf ("%s %s", command, parameter_string);
  gboolean version = FALSE;
  GOptionEntry common[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version"), NULL },
    { NULL }
  };

  context = g_option_context_new (params);
  g_option_context_set_summary (context, summary);
  /* The entries' descriptions are marked N_() and translated here. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "hairline %s: %s\n", command, error->message);
      fprintf (stderr, _("Run 'hairline %s --help' for usage.\n"), command);
      return FALSE;
    }
  if (version)
    {
      /* As --help does: answer and end (close_stdout() checks the write). */
      printf ("hairline %s\n", PACKAGE_VERSION);
      exit (HL_EXIT_OK);
    }

  return TRUE;
}

HlDesign *
hl_cli_load_design (const char *path)
{
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_cli_is_stdio (path) ? hl_cli_load_stdin (&error)
                                             : hl_design_load_from_file (path, &error);

  if (design == NULL)
    fprintf (stderr, "%s: %s\n", hl_cli_input_name (path), error->message);
  return design;
}

char *
hl_cli_check_output (const char     *command,
                     const char     *output,
                     const char     *design_path,
                     const HlDesign *design,
                     gboolean        follow_symlinks)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  char *resolved = NULL;

  if (design_path != NULL)
    g_ptr_array_add (inputs, g_strdup (design_path));
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);

      if (view->photo.path != NULL)
        g_ptr_array_add (inputs, hl_photo_resolve_path (design_path, view->photo.path));
    }
  /* Progress photos are inputs too: never written over. */
  for (guint r = 0; r < design->records->len; r++)
    {
      const HlSessionRecord *record = g_ptr_array_index (design->records, r);

      for (guint p = 0; p < record->photos->len; p++)
        g_ptr_array_add (inputs, hl_photo_resolve_path (design_path,
                                                        ((const HlProgressPhoto *) g_ptr_array_index (record->photos, p))->path));
    }
  g_ptr_array_add (inputs, NULL);

  if (!hl_atomic_file_check_target (output, (const char * const *) inputs->pdata,
                                    follow_symlinks ? HL_ATOMIC_FILE_FOLLOW_SYMLINKS : HL_ATOMIC_FILE_DEFAULT,
                                    &resolved, &error))
    {
      fprintf (stderr, "hairline %s: %s\n", command, error->message);
      if (!follow_symlinks && g_file_test (output, G_FILE_TEST_IS_SYMLINK))
        fputs (_("Use --follow-symlinks to write to the file it points to.\n"), stderr);
      return NULL;
    }
  return resolved;
}

void
hl_cli_sweep_output_dir (const char *output)
{
  g_autofree char *dir = g_path_get_dirname (output);

  hl_atomic_file_sweep_stale (dir);
}

/* The first error writing standard output through g_print() (GOption's
 * --help), whose default handler flushes at once and so loses it. */
static int print_errno;

static void
print_to_stdout (const char *string)
{
  const char *charset;
  g_autofree char *converted = NULL;

  /* As GLib's own handler, in the locale's encoding; but without a
   * flush: close_stdout() flushes and sees the error. */
  if (!g_get_charset (&charset))
    converted = g_convert_with_fallback (string, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  if (fputs (converted != NULL ? converted : string, stdout) == EOF && print_errno == 0)
    print_errno = errno;
}

/* Closes @stream as coreutils' close_stream() does: FALSE (errno set, or
 * 0 when the reason is lost) when something written to it did not reach
 * its file. A stream closed before we started (`>&-`) with nothing
 * written to it is fine. */
static gboolean
close_stream (FILE *stream)
{
  gboolean some_pending = __fpending (stream) != 0;
  gboolean prev_fail = ferror (stream) != 0;
  gboolean fclose_fail = fclose (stream) != 0;

  if (prev_fail || (fclose_fail && (some_pending || errno != EBADF)))
    {
      if (!fclose_fail)
        errno = 0;
      return FALSE;
    }
  return TRUE;
}

/* Every way out of the program, a command's return as well as the exit()
 * of GOption's --help, ends here: output that could not be written
 * (a full disk, /dev/full, a closed pipe when SIGPIPE is ignored) is a
 * failure, said on stderr, exit status 1, never a silent 0. */
static void
close_stdout (void)
{
  if (!close_stream (stdout))
    {
      int err = errno != 0 ? errno : print_errno;

      /* Translators: said when the standard output could not be
       * written; %s is the reason ("No space left on device"). */
      if (err != 0)
        fprintf (stderr, _("hairline: write error: %s\n"), g_strerror (err));
      else
        fputs (_("hairline: write error\n"), stderr);
      fflush (stderr);
      _exit (HL_EXIT_BAD_INPUT);
    }
  if (!close_stream (stderr))
    _exit (HL_EXIT_BAD_INPUT);
}

int
main (int    argc,
      char **argv)
{
  /* First registered, so it runs last, after anything else that prints. */
  atexit (close_stdout);
  g_set_print_handler (print_to_stdout);

  /* Messages and help follow the user's language; what the commands
   * write for programs (files, CSV, JSON) does not depend on the locale. */
  setlocale (LC_ALL, "");
  hl_i18n_init ();
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("hairline");
  /* Ctrl+C, a TERM or a HUP (the terminal closed) while an output is
   * written leaves no temporary file. A closed pipe on standard output
   * ends the program by SIGPIPE as it ends any filter (`hairline dots D |
   * head`), with a status that is not 0; when SIGPIPE is ignored, the
   * write error is reported by close_stdout(). */
  hl_atomic_file_install_signal_cleanup ();

  if (argc < 2)
    {
      print_usage (stderr);
      return HL_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return HL_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("hairline %s\n", PACKAGE_VERSION);
      return HL_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);
    }

  fprintf (stderr, _("hairline: unknown command '%s'\n\n"), argv[1]);
  print_usage (stderr);
  return HL_EXIT_USAGE;
}
