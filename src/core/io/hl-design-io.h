/* hl-design-io.h: design files (JSON) in and out.
 *
 * Loading validates everything: a file either becomes a design or an error
 * whose message names the JSON path and the rule, e.g.
 * "views[0].zones[2].density: must be 1–400 dots/cm²". Members this version
 * does not know are kept (design, view, photo, calibration and zone objects)
 * and written back on save. Saving writes canonical text atomically: a
 * crash or a full disk never leaves a half-written design.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read. */
#define HL_DESIGN_MAX_FILE_SIZE (32 * 1024 * 1024)
/* Values (numbers, strings, arrays, objects...) a design may hold, counted
 * before parsing: keeps the parsed tree of the largest accepted file under
 * about 400 MB. A design the app writes takes 10–12 bytes a value (with its
 * indentation), so within HL_DESIGN_MAX_FILE_SIZE only files made of tiny
 * values reach this. */
#define HL_DESIGN_MAX_JSON_VALUES 4000000

/* Parses @length bytes of @data. Returns a new design (transfer full) or
 * NULL with @error set (HL_ERROR_PARSE, _INVALID, _VERSION, _TOO_LARGE). */
HlDesign *hl_design_load_from_data (const char      *data,
                                    gsize            length,
                                    GError         **error);
/* Reads and parses @path; HL_ERROR_IO when it cannot be read. */
HlDesign *hl_design_load_from_file (const char      *path,
                                    GError         **error);
/* The canonical JSON text of @design, ending in a newline (transfer full:
 * caller frees with g_free). @length may be NULL. */
char     *hl_design_to_json        (const HlDesign  *design,
                                    gsize           *length);
/* Writes @design to @path atomically (hl-atomic-file.h), through symbolic
 * links; keeps an existing file's permissions. */
gboolean  hl_design_save_to_file   (const HlDesign  *design,
                                    const char      *path,
                                    GError         **error);

G_END_DECLS
