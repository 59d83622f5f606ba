/* hl-zone-stats-text.h: a zone's figures as the zone panel says them:
 * its area (on the scalp and in the photo where a head model measures
 * it), the density asked and achieved, the dots per session with their
 * time at the preferences' rate, and why it holds fewer dots than asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-stippler.h"
#include "hl-zone.h"

G_BEGIN_DECLS

/* The text for @zone with its counts @stats, lengths in the preferences'
 * unit (transfer full: free with g_free). */
char *hl_zone_stats_text (const HlZone      *zone,
                          const HlZoneStats *stats);

G_END_DECLS
