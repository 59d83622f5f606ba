/* hl-dilution-chart-group.h: the dilution chart in Preferences.
 *
 * One expandable row per pigment: its name, its colour undiluted, its
 * dilutions (typed "1:1, 1:3"), a swatch per dilution of the mix and of
 * the mix healed on skin types I–VI, and a button to remove it; Add
 * Pigment and Restore Built-in Chart under the rows. Every change is saved
 * at once in the preferences ("dilution-chart"); a name or dilution that
 * cannot be kept is refused with the reason, under the rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HL_TYPE_DILUTION_CHART_GROUP (hl_dilution_chart_group_get_type ())

G_DECLARE_FINAL_TYPE (HlDilutionChartGroup, hl_dilution_chart_group, HL, DILUTION_CHART_GROUP,
                      AdwPreferencesGroup)

/* A new group showing the chart in the preferences (transfer floating). */
GtkWidget  *hl_dilution_chart_group_new         (void);
/* For tests: the widget @what ("name", "dilutions", "colour", "remove")
 * of pigment @pigment, or "add" / "restore" with any @pigment; NULL when
 * there is none (borrowed). */
GtkWidget  *hl_dilution_chart_group_get_widget  (HlDilutionChartGroup *self,
                                                 guint                 pigment,
                                                 const char           *what);
/* The reason the last change was refused, "" when it was not (borrowed). */
const char *hl_dilution_chart_group_get_message (HlDilutionChartGroup *self);

G_END_DECLS
