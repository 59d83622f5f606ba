/* hl-settings.h: the application's preferences, read from GSettings.
 *
 * Getters for everyone who needs a preference: the unit lengths show in,
 * the defaults of new zones, the simulation mark and the clinic name, the
 * export layout and scale, and the window size. When the schema is
 * installed nowhere (neither the system's schema path nor this build's
 * data folder), every getter returns the built-in default.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-dilution-chart.h"
#include "hl-render.h"
#include "hl-units.h"
#include "hl-zone-defaults.h"

G_BEGIN_DECLS

/* The application's settings (borrowed: one for the process), or NULL
 * when the schema cannot be found. */
GSettings            *hl_settings_get                 (void);

/* The style the windows take: ADW_COLOR_SCHEME_DEFAULT (as the system
 * prefers), ADW_COLOR_SCHEME_FORCE_LIGHT or ADW_COLOR_SCHEME_FORCE_DARK. */
AdwColorScheme        hl_settings_get_color_scheme    (void);
/* Gives the default AdwStyleManager the chosen style now and whenever
 * the preference changes (call once, after adw_init()). */
void                  hl_settings_follow_color_scheme (void);

/* The unit lengths are shown in. */
HlUnit                hl_settings_get_unit            (void);
/* @mm in the chosen unit: "12.5 mm" or "0.49 in" (transfer full). */
char                 *hl_settings_format_length       (double      mm,
                                                       int         mm_decimals);
/* @mm per @per in the chosen unit: "0.150 mm/px" (transfer full). */
char                 *hl_settings_format_per          (double      mm,
                                                       int         mm_decimals,
                                                       const char *per);

/* The defaults new zones start with (borrowed: one for the process, kept
 * up to date as the preferences change, never NULL). Give it to
 * hl_tool_zone_set_defaults(). */
const HlZoneDefaults *hl_settings_get_zone_defaults   (void);

/* The simulation mark for exports and sheets: the practitioner's words,
 * or hl_render_get_simulation_mark () (transfer full, never NULL or empty). */
char                 *hl_settings_dup_simulation_mark (void);
/* The clinic named on the consultation sheet, "" for none (transfer full). */
char                 *hl_settings_dup_clinic_name     (void);
/* Dots the practitioner places a minute (HL_DOTS_PER_MINUTE_DEFAULT
 * without settings). */
double                hl_settings_get_dots_per_minute (void);
/* The practitioner's dilution chart (transfer full, never NULL): the
 * built-in one without settings or when the stored value is unusable. */
HlDilutionChart      *hl_settings_dup_dilution_chart  (void);
/* Stores @chart (does nothing without settings). */
void                  hl_settings_set_dilution_chart  (const HlDilutionChart *chart);
/* The layout and scale an export starts with. */
HlLayout              hl_settings_get_export_layout   (void);
double                hl_settings_get_export_scale    (void);
/* Whether a mockup starts cropped to the head (the dialog's last choice). */
gboolean              hl_settings_get_export_crop     (void);
void                  hl_settings_set_export_crop     (gboolean    crop);

/* Gives @window the saved size and maximized state. */
void                  hl_settings_restore_window      (GtkWindow  *window);
/* Saves @window's size (unmaximized) and maximized state. */
void                  hl_settings_save_window         (GtkWindow  *window);

G_END_DECLS
