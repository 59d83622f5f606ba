/* hl-zone-panel-private.h: what tests reach of the zone panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-zone-panel.h"

G_BEGIN_DECLS

/* The spin button of table parameter @key ("density", ...), for tests and
 * keyboard focus (borrowed), or NULL. */
GtkSpinButton *hl_zone_panel_get_param_spin (HlZonePanel *self,
                                             const char  *key);

/* The statistics shown for the selected zone (borrowed). */
const char    *hl_zone_panel_get_stats_text (HlZonePanel *self);

/* The dilution chart's button beside the zone's shade (an
 * HlPigmentPalette) and the row of the eyedropper's suggestion (borrowed). */
GtkWidget     *hl_zone_panel_get_palette        (HlZonePanel *self);
GtkWidget     *hl_zone_panel_get_suggestion_row (HlZonePanel *self);
/* The dilution chart's button of session @session (0-based, below
 * HL_ZONE_MAX_SESSIONS; an HlPigmentPalette, borrowed). */
GtkWidget     *hl_zone_panel_get_session_palette (HlZonePanel *self,
                                                  guint        session);

/* The "On the Whole Head" switch of the selected zone (borrowed). */
GtkSwitch     *hl_zone_panel_get_head_switch    (HlZonePanel *self);

G_END_DECLS
