/* hl-zone-stats-text.c: a zone's figures as the zone panel says them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hl-session-plan.h"
#include "hl-settings.h"
#include "hl-units.h"
#include "hl-zone-stats-text.h"

char *
hl_zone_stats_text (const HlZone      *zone,
                    const HlZoneStats *stats)
{
  GString *text;

  g_return_val_if_fail (zone != NULL && stats != NULL, NULL);

  text = g_string_new (NULL);
  if (stats->too_large)
    g_string_append (text, _("Too large to fill: draw a smaller zone or check the calibration"));
  else
    {
      g_autofree char *total = hl_units_format_count (stats->dots);

      if (stats->on_scalp)
        /* Translators: the zone's area on the scalp (the head model), its
         * area in the photo, the density asked for and the density its
         * dots achieve on the scalp. */
        g_string_append_printf (text, _("%.1f cm² of scalp (%.1f cm² in the photo) · asked %.0f dots/cm² · "
                                        "achieved %.1f dots/cm²"),
                                stats->area_cm2, stats->image_area_cm2, zone->params.density,
                                stats->area_cm2 > 0 ? stats->dots / stats->area_cm2 : 0.0);
      else
        /* Translators: the zone's area, the density asked for and the
         * density its dots achieve. */
        g_string_append_printf (text, _("%.1f cm² · asked %.0f dots/cm² · achieved %.1f dots/cm²"),
                                stats->area_cm2, zone->params.density,
                                stats->area_cm2 > 0 ? stats->dots / stats->area_cm2 : 0.0);
      g_string_append_c (text, '\n');
      /* Translators: %s is the zone's number of dots (“2,332”); the dots
       * of each session follow. */
      g_string_append_printf (text, ngettext ("%s dot:", "%s dots:", stats->dots), total);
      for (guint i = 0; i < zone->params.n_sessions && i < G_N_ELEMENTS (stats->session_dots); i++)
        {
          g_autofree char *count = hl_units_format_count (stats->session_dots[i]);

          g_autofree char *time = hl_session_plan_format_minutes (
              hl_session_plan_minutes (stats->session_dots[i], hl_settings_get_dots_per_minute ()));

          g_string_append (text, i == 0 ? " " : ", ");
          /* Translators: a session's number, its number of dots and the
           * time they take at the rate set in the preferences. */
          g_string_append_printf (text, _("session %u: %s (%s)"), i + 1, count, time);
        }
      if (!stats->calibrated)
        {
          g_autofree char *scale = hl_settings_format_per (0.15, 2, "px");

          g_string_append_c (text, '\n');

          /* Translators: %s is a scale, “0.15 mm/px”. */
          g_string_append_printf (text, _("Uncalibrated: sizes assume %s"), scale);
        }
    }
  {
    /* Why the zone gets fewer dots than it asks for, in words: off the
     * scalp, in front of the hairline, the budget. */
    g_autofree char *why = hl_zone_stats_explain (stats);

    if (why != NULL && !(stats->too_large && !stats->over_budget))
      {
        g_string_append_c (text, '\n');
        g_string_append (text, why);
      }
  }
  /* The average counts the soft edges: say so, with the density inside. */
  if (!stats->too_large && stats->area_cm2 > 0 && stats->dots / stats->area_cm2 < 0.97 * zone->params.density &&
      (zone->params.follows_hairline || zone->params.edge_blend_mm > 0))
    {
      g_autofree char *transition = hl_settings_format_length (zone->params.transition_mm, 0);
      g_autofree char *blend = hl_settings_format_length (zone->params.edge_blend_mm, 0);

      g_string_append_c (text, '\n');

      if (zone->params.follows_hairline && zone->params.edge_blend_mm > 0)
        /* Translators: a density, the transition's width behind the
         * hairline and the edge blend's width (“8 mm”, “0.31 in”). */
        g_string_append_printf (text, _("%.0f dots/cm² inside; the %s transition behind the hairline and the "
                                        "%s edge blend thin the dots toward the edges, and the average counts them."),
                                zone->params.density, transition, blend);
      else if (zone->params.follows_hairline)
        g_string_append_printf (text, _("%.0f dots/cm² inside; the %s transition behind the hairline thins "
                                        "the dots toward it, and the average counts them."),
                                zone->params.density, transition);
      else
        g_string_append_printf (text, _("%.0f dots/cm² inside; the %s edge blend thins the dots toward the "
                                        "zone's free edges, and the average counts them."),
                                zone->params.density, blend);
    }
  return g_string_free (text, FALSE);
}
