/* hl-enums.h: the words for enum values, through their GEnum types.
 *
 * The core's public enums get GTypes from glib-mkenums (meson's
 * gnome.mkenums_simple, declared in the generated hl-enum-types.h). Each
 * value's nick, set beside it in its header with a nick annotation, is
 * the one word for it in design files, settings and command-line options
 * ("mid_scalp", "before-after", "mm"). These lookups are the only way from
 * a value to its word and back, so no other table repeats them.
 *
 * Ownership: nicks belong to the type system (static, never freed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hl-enum-types.h"

G_BEGIN_DECLS

/* The nick of @value in the enum type @type (static), or NULL when @value
 * is not one of its values. */
const char *hl_enum_to_nick   (GType       type,
                               int         value);
/* The value of @type whose nick is @nick (borrowed, may be NULL) into
 * *@value (may be NULL); FALSE, *@value unchanged, when there is none.
 * Nicks are matched exactly (case-sensitive). */
gboolean    hl_enum_from_nick (GType       type,
                               const char *nick,
                               int        *value);
/* The nicks of @type in value order, joined by @separator (borrowed), e.g.
 * "frontal, temple, mid_scalp, crown, scar, custom" (transfer full). */
char       *hl_enum_dup_nicks (GType       type,
                               const char *separator);
/* How many values @type has. */
guint       hl_enum_get_n_values (GType    type);

G_END_DECLS
