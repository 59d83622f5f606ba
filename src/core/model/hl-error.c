/* hl-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-error.h"

G_DEFINE_QUARK (hl-error-quark, hl_error)
