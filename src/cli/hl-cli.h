/* hl-cli.h: the `hairline` commands. Each returns the process exit status:
 * 0 success, 1 bad input (message on stderr), 2 usage error.
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

/* Loads @path (transfer full), or says why not on stderr as
 * "PATH: message" and returns NULL. */
HlDesign *hl_cli_load_design (const char *path);

/* The photo of view @index of @design, found next to @design_path, into
 * *@photo (transfer full; NULL when the view has none or @without_photo
 * is set, which stderr then says). FALSE after saying on stderr, with the
 * JSON path views[N].photo.path, why the photo cannot be used. */
gboolean hl_cli_load_view_photo (const char     *design_path,
                                 const HlDesign *design,
                                 guint           index,
                                 gboolean        without_photo,
                                 HlPhoto       **photo);

/* The hairline and zones of view @index against its photo of @width ×
 * @height px: FALSE, after saying so on stderr, when none of them is on it
 * (the output would show nothing of the design); a note on stderr when
 * part of them is off it. */
gboolean hl_cli_check_on_photo  (const char     *design_path,
                                 const HlView   *view,
                                 guint           index,
                                 int             width,
                                 int             height);

/* Checks that @output may be written by @command: not over the design at
 * @design_path or any of @design's photos, not over anything but a
 * regular file, not through a symbolic link unless @follow_symlinks.
 * Returns the path to write (transfer full), or NULL after saying why not
 * on stderr. */
char *hl_cli_check_output (const char     *command,
                           const char     *output,
                           const char     *design_path,
                           const HlDesign *design,
                           gboolean        follow_symlinks);

G_END_DECLS
