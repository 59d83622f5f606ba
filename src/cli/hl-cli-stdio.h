/* hl-cli-stdio.h: `-` as a design argument (standard input) and as an
 * output (standard output), for every `hairline` command.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-export.h"

#include <glib.h>

#include "hl-design.h"

G_BEGIN_DECLS


/* TRUE when @arg is "-": standard input as a DESIGN, standard output as
 * an -o FILE. */
gboolean    hl_cli_is_stdio        (const char  *arg);

/* The name messages give @arg: "(standard input)" for "-" (static or
 * borrowed: do not free). */
const char *hl_cli_input_name      (const char  *arg);

/* The path photo references of the design @arg are relative to: @arg
 * itself, or NULL for standard input, whose photo paths are taken as they
 * are (relative to the current folder). Borrowed. */
const char *hl_cli_design_path     (const char  *arg);

/* Reads all of standard input, at most HL_DESIGN_MAX_FILE_SIZE bytes
 * (HL_ERROR_TOO_LARGE beyond), NUL-terminated (transfer full, g_free);
 * standard input can be read once per run (HL_ERROR_IO the second time). */
char       *hl_cli_read_stdin      (gsize       *length,
                                    GError     **error);

/* Loads a design from standard input (transfer full), or NULL with
 * @error set as hl_design_load_from_data() sets it. */
HlDesign   *hl_cli_load_stdin      (GError     **error);

/* Checks that standard output may take binary output (a PNG, a PDF): not
 * a terminal. Otherwise says so on stderr for `hairline @command` and
 * returns FALSE. */
gboolean    hl_cli_binary_stdout_ok (const char *command);

/* A new private folder for an output that goes to standard output once
 * written whole; its file is named @basename. Returns the file's path
 * (transfer full) and the folder in *@dir (transfer full), or NULL after
 * saying why on stderr. */
char       *hl_cli_stdout_staging  (const char  *command,
                                    const char  *basename,
                                    char       **dir);

/* Copies the file at @path to standard output, then removes it and its
 * folder @dir (both may be NULL for the removal). FALSE after saying why
 * on stderr. */
gboolean    hl_cli_stdout_unstage  (const char  *command,
                                    const char  *path,
                                    const char  *dir);

/* Writes @design (read from @design_arg, a path or -) with @options to
 * @output, or for - to standard output once written whole (staged as
 * @stdout_name in a private folder); messages name @command. Returns the
 * command's exit status. */
int         hl_cli_write_export    (const char            *command,
                                    const HlDesign        *design,
                                    const char            *design_arg,
                                    const char            *output,
                                    const char            *stdout_name,
                                    const HlExportOptions *options);

G_END_DECLS
