/* hl-cli.h: the `hairline` commands. Each returns the process exit status:
 * 0 success, 1 bad input (message on stderr), 2 usage error. main() turns
 * any status into 1 when standard output could not be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-design.h"
#include "hl-photo.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_EXIT_OK 0
#define HL_EXIT_BAD_INPUT 1
#define HL_EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);  /* argv[0] is the command name */
} HlCliCommand;

/* Parses @entries from argv (GOptionContext with --help); on a usage error
 * prints it with the command's usage and returns FALSE. */
gboolean hl_cli_parse_options (const char    *command,
                               const char    *parameter_string,
                               const char    *summary,
                               GOptionEntry  *entries,
                               int           *argc,
                               char        ***argv);

int hl_cli_validate (int argc, char **argv);
int hl_cli_stats    (int argc, char **argv);
int hl_cli_dots     (int argc, char **argv);
int hl_cli_render   (int argc, char **argv);
int hl_cli_report   (int argc, char **argv);
int hl_cli_thumbnail (int argc, char **argv);
int hl_cli_sessions (int argc, char **argv);

/* Loads @path (transfer full), or says why not on stderr as
 * "PATH: message" and returns NULL. */
HlDesign *hl_cli_load_design (const char *path);

/* An HlExportNoteFunc: prints "DESIGN: MESSAGE" on stderr, @user_data
 * being the design's path. */
void     hl_cli_print_note       (const char     *message,
                                  gpointer        user_data);

/* Says on stderr why `hairline @command` could not export @design_path to
 * @output (@error from hl_export_write()); returns the exit status: 2 for
 * a name that does not end as the output's type, else 1. */
int      hl_cli_export_failed    (const char     *command,
                                  const char     *design_path,
                                  const char     *output,
                                  gboolean        follow_symlinks,
                                  const GError   *error);

/* Checks that @output may be written by @command: not over the design at
 * @design_path (NULL: read from standard input) or any of @design's photos, not over anything but a
 * regular file, not through a symbolic link unless @follow_symlinks.
 * Returns the path to write (transfer full), or NULL after saying why not
 * on stderr. */
char *hl_cli_check_output (const char     *command,
                           const char     *output,
                           const char     *design_path,
                           const HlDesign *design,
                           gboolean        follow_symlinks);

/* Removes from the folder of @output the temporary files that killed
 * runs left there (hl_atomic_file_sweep_stale()): writing commands call it
 * first, so debris goes even when this run fails. */
void  hl_cli_sweep_output_dir (const char *output);

G_END_DECLS
