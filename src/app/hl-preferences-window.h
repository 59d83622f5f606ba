/* hl-preferences-window.h: the Preferences window (app.preferences).
 *
 * Units, defaults for new zones, the simulation mark, the clinic name and
 * the export defaults; every change goes to GSettings at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-dilution-chart-group.h"

G_BEGIN_DECLS

#define HL_TYPE_PREFERENCES_WINDOW (hl_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HlPreferencesWindow, hl_preferences_window, HL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* A new preferences window over @parent (may be NULL) (transfer none: GTK
 * keeps it until it is closed). */
HlPreferencesWindow *hl_preferences_window_new (GtkWindow *parent);
/* The Pigments page's dilution chart (borrowed). */
HlDilutionChartGroup *hl_preferences_window_get_chart_group (HlPreferencesWindow *self);

G_END_DECLS
