/* hl-tools.c: the registry of tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include "hl-tools.h"
#include "hl-tool-brush.h"
#include "hl-tool-eyedropper.h"
#include "hl-tool-hairline.h"
#include "hl-tool-landmark.h"
#include "hl-tool-ruler.h"
#include "hl-tool-select.h"
#include "hl-tool-zone.h"

static const HlToolInfo tools[] = {
  { "select", N_("Select tool"), "v",
    N_("Select and move points (V)"),
    N_("Drag points to move them · double-click a line to add one · Tab: next point · Delete removes · C: corner · drag the background to pan"),
    "hl-tool-select-symbolic", hl_tool_select_class },
  { "hairline", N_("Hairline pen"), "h",
    N_("Hairline pen: click points, Enter finishes (H)"),
    N_("Click along the hairline from temple to temple (Shift: a corner) · Enter or double-click finishes · Backspace removes the last point · Esc cancels"),
    "hl-tool-hairline-symbolic", hl_tool_hairline_class },
  { "zone", N_("Zone pen"), "z",
    N_("Zone pen: click corners, Enter closes (Z)"),
    N_("Click around the area (Shift: a corner) · Enter or a click on the first point closes it · Backspace removes the last point · Esc cancels"),
    "hl-tool-zone-symbolic", hl_tool_zone_class },
  { "ruler", N_("Calibration ruler"), "r",
    N_("Calibrate: drag across a known length, or click both pupils (R)"),
    NULL,
    "hl-tool-ruler-symbolic", hl_tool_ruler_class },
  { "landmark", N_("Landmark tool"), "l",
    N_("Place facial landmarks (L)"),
    N_("Click to place the landmark chosen at the bottom right (the next one follows), or drag one to move it"),
    "hl-tool-landmark-symbolic", hl_tool_landmark_class },
  { "brush", N_("Dot brush"), "b",
    N_("Dot brush: stipple dots by hand (B)"),
    N_("Click or drag to stipple dots at the zone's density · [ and ] change the brush size"),
    "hl-tool-brush-symbolic", hl_tool_brush_class },
  { "eraser", N_("Eraser"), "e",
    N_("Eraser: remove dots (E)"),
    N_("Drag over dots to remove them · [ and ] change the brush size"),
    "hl-tool-eraser-symbolic", hl_tool_eraser_class },
  { "eyedropper", N_("Eyedropper"), "i",
    N_("Eyedropper: pick the zone shade from the photo (I)"),
    N_("Click the client's hair or stubble to take the selected zone's shade from the photo"),
    "color-select-symbolic", hl_tool_eyedropper_class },
  { "outline", N_("Scalp outline pen"), "o",
    N_("Scalp outline pen: click around the scalp, Enter closes (O)"),
    N_("Click around the skin where pigment may go (Shift: a corner) · Enter or a click on the first point closes it · it replaces the view's outline · Backspace removes the last point · Esc cancels"),
    "hl-tool-outline-symbolic", hl_tool_outline_class, TRUE },
};

const HlToolInfo *
hl_tools_get_all (guint *n_tools)
{
  if (n_tools != NULL)
    *n_tools = G_N_ELEMENTS (tools);
  return tools;
}

const HlToolInfo *
hl_tools_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    if (g_str_equal (name, tools[i].name))
      return &tools[i];
  return NULL;
}
