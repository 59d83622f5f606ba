/* hl-error.h: the error domain of libhairline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HL_ERROR (hl_error_quark ())

typedef enum
{
  HL_ERROR_PARSE,        /* not JSON, or not a design file at all */
  HL_ERROR_INVALID,      /* JSON, but a value breaks a rule; message names the JSON path */
  HL_ERROR_VERSION,      /* written by a newer, incompatible version */
  HL_ERROR_TOO_LARGE,    /* a size or count limit was exceeded */
  HL_ERROR_IO,           /* reading or writing a file failed */
  HL_ERROR_PHOTO,        /* a photo is missing, unreadable, too large or changed */
  HL_ERROR_ARGUMENT,     /* a caller passed an unusable value (NaN, out of range) */
} HlError;

GQuark hl_error_quark (void);

G_END_DECLS
