/* hl-tool-host.c: calls through the host interface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-tool-host.h"

HlDesign *
hl_tool_host_get_design (HlToolHost *host)
{
  g_return_val_if_fail (host != NULL && host->iface != NULL, NULL);
  return host->iface->get_design (host);
}

gboolean
hl_tool_host_commit (HlToolHost *host,
                     HlDesign   *design,
                     const char *label,
                     const char *merge_key)
{
  g_return_val_if_fail (host != NULL && host->iface != NULL, FALSE);
  g_return_val_if_fail (design != NULL, FALSE);
  return host->iface->commit (host, design, label, merge_key);
}

int
hl_tool_host_get_selected_zone (HlToolHost *host)
{
  g_return_val_if_fail (host != NULL && host->iface != NULL, -1);
  return host->iface->get_selected_zone (host);
}

void
hl_tool_host_set_selected_zone (HlToolHost *host,
                                int         zone)
{
  g_return_if_fail (host != NULL && host->iface != NULL);
  host->iface->set_selected_zone (host, MAX (zone, -1));
}
