/* hl-tool-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-tool-options.h"

void
hl_tool_options_init (HlToolOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (HlToolOptions) {
    .ruler_mode = HL_RULER_DRAG,
    .landmark = HL_LANDMARK_GLABELLA,
    .zone_kind = HL_ZONE_FRONTAL,
    .zone_defaults = NULL,
    .target_session = -1,
    .unit = HL_UNIT_MM,
  };
}
