/* hl-pigment-palette.h: a button that offers the dilution chart's
 * pigments and dilutions as shades.
 *
 * Each time it opens, its popover lists every pigment and dilution of the
 * chart in the preferences (hl_settings_dup_dilution_chart()): a swatch of
 * the mix as a dot's shade beside the same dot healed on the skin type set
 * with hl_pigment_palette_set_skin_type(), and a button named "Carbon
 * Black 1:3". Choosing one emits HlPigmentPalette::chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hl-dilution-chart.h"

G_BEGIN_DECLS

#define HL_TYPE_PIGMENT_PALETTE (hl_pigment_palette_get_type ())

G_DECLARE_FINAL_TYPE (HlPigmentPalette, hl_pigment_palette, HL, PIGMENT_PALETTE, GtkWidget)

/* A new palette button labelled @label (transfer floating). */
GtkWidget             *hl_pigment_palette_new           (const char       *label);
/* A new palette button showing icon @icon_name, flat, for a row that has
 * other buttons (transfer floating); @tooltip says what it sets, and names
 * it for assistive technologies unless its caller names it otherwise. */
GtkWidget             *hl_pigment_palette_new_from_icon_name (const char *icon_name,
                                                              const char *tooltip);
/* The Fitzpatrick type (1–6; anything else: III) the healed swatches
 * show. */
void                   hl_pigment_palette_set_skin_type (HlPigmentPalette *self,
                                                         int               type);
/* The chart the popover showed last (borrowed, NULL before it opened):
 * the indexes of HlPigmentPalette::chosen are into it. */
const HlDilutionChart *hl_pigment_palette_get_chart     (HlPigmentPalette *self);
/* Opens the popover. */
void                   hl_pigment_palette_popup         (HlPigmentPalette *self);
/* The menu button inside (borrowed), for tests that click it. */
GtkWidget             *hl_pigment_palette_get_button    (HlPigmentPalette *self);

G_END_DECLS
