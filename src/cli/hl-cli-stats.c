/* hl-cli-stats.c: `hairline stats`, measures of a design per view and zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>

#include "hl-cli.h"
#include "hl-design-io.h"
#include "hl-edit.h"
#include "hl-head-chart.h"
#include "hl-head-fit.h"
#include "hl-head-zones.h"
#include "hl-stippler.h"

static double
round3 (double v)
{
  return round (v * 1e3) / 1e3;
}

static cJSON *
calibration_json (const HlView *view)
{
  cJSON *o = cJSON_CreateObject ();
  gboolean calibrated;
  double m = hl_view_get_mm_per_px (view, &calibrated);

  cJSON_AddStringToObject (o, "source", hl_calibration_source_to_string (view->calibration.source));
  cJSON_AddNumberToObject (o, "mm_per_px", m);
  cJSON_AddNumberToObject (o, "uncertainty", calibrated ? view->calibration.uncertainty : 1.0);
  cJSON_AddBoolToObject (o, "calibrated", calibrated);
  return o;
}

static cJSON *
zone_json (const HlZone      *zone,
           const HlZoneStats *st)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON *sessions = cJSON_CreateArray ();
  cJSON *reasons;
  HlZoneShortfall short_flags = hl_zone_stats_get_shortfall (st);

  cJSON_AddStringToObject (o, "name", zone->name);
  cJSON_AddStringToObject (o, "kind", hl_zone_kind_to_string (zone->kind));
  if (zone->on_head)
    cJSON_AddBoolToObject (o, "on_head", TRUE);
  /* On the scalp with a head model, else in the photo's plane (then the
   * two areas are the same). */
  cJSON_AddNumberToObject (o, "area_cm2", round3 (st->area_cm2));
  cJSON_AddNumberToObject (o, "image_area_cm2", round3 (st->image_area_cm2));
  cJSON_AddNumberToObject (o, "density_per_cm2", zone->params.density);
  cJSON_AddNumberToObject (o, "achieved_per_cm2", st->area_cm2 > 0 ? round3 (st->dots / st->area_cm2) : 0.0);
  cJSON_AddNumberToObject (o, "image_per_cm2",
                           st->image_area_cm2 > 0 ? round3 (st->dots / st->image_area_cm2) : 0.0);
  cJSON_AddNumberToObject (o, "expected_dots", round3 (st->expected_dots));
  cJSON_AddNumberToObject (o, "dots", st->dots);
  for (guint s = 0; s < zone->params.n_sessions; s++)
    {
      cJSON *j = cJSON_CreateObject ();

      cJSON_AddNumberToObject (j, "session", s + 1);
      cJSON_AddNumberToObject (j, "dots", st->session_dots[s]);
      cJSON_AddNumberToObject (j, "share", zone->params.sessions[s].share);
      cJSON_AddItemToArray (sessions, j);
    }
  cJSON_AddItemToObject (o, "sessions", sessions);
  cJSON_AddNumberToObject (o, "dot_mm", zone->params.dot_mm);
  cJSON_AddNumberToObject (o, "points", hl_curve_get_n_points (zone->boundary));
  cJSON_AddBoolToObject (o, "too_large", st->too_large);
  cJSON_AddBoolToObject (o, "over_budget", st->over_budget);
  cJSON_AddNumberToObject (o, "outside_scalp_cm2", round3 (st->outside_scalp_cm2));
  cJSON_AddNumberToObject (o, "outside_scalp_fraction",
                           st->image_area_cm2 > 0 ? round3 (MIN (st->outside_scalp_cm2 / st->image_area_cm2, 1.0)) : 0.0);
  cJSON_AddNumberToObject (o, "in_front_of_hairline_cm2", round3 (st->in_front_of_hairline_cm2));
  reasons = cJSON_AddArrayToObject (o, "short_reasons");
  for (guint bit = 1; bit <= HL_ZONE_SHORT_OVER_BUDGET; bit <<= 1)
    if (short_flags & bit)
      cJSON_AddItemToArray (reasons, cJSON_CreateString (hl_zone_shortfall_to_string (bit)));
  return o;
}

/* Why @view has no head model, for people (caller frees): as the sheet
 * says it (hl_head_fit_explain()), with what --fit would do. */
static char *
head_reason (const HlView *view)
{
  g_autofree char *why = hl_head_fit_explain (view);
  HlHeadModel model;
  HlHeadPose pose;

  if (view->head_reason == NULL && view->photo.chart != NULL)
    /* Translators: why a view is measured in the photo's plane, then
     * what the --fit option does about it. */
    return g_strdup_printf (_("%s: --fit gives it its pose"), why);
  if (view->head_reason == NULL && hl_head_fit_view (view, &model, &pose, NULL))
    return g_strdup_printf (_("%s (--fit measures on it)"), why);
  return g_steal_pointer (&why);
}

/* Fits the head model to every view without one that can be fitted: a
 * head chart gets its chart's pose, a photo the fit of its landmarks
 * (hl_edit_fit_head()). Transfer full. */
static HlDesign *
fit_views (const HlDesign *design)
{
  HlDesign *out = hl_design_copy (design);

  for (guint i = 0; i < hl_design_get_n_views (out); i++)
    {
      const HlView *view = hl_design_get_view (out, i);
      HlHeadChart chart;

      if (view->has_head)
        continue;
      if (view->photo.chart != NULL && hl_head_chart_from_string (view->photo.chart, &chart))
        {
          g_autoptr(HlView) copy = hl_view_copy (view);
          HlHeadModel head = out->has_head ? out->head : hl_head_model_default ();
          HlHeadPose pose;

          hl_head_chart_get_pose (chart, &pose);
          hl_view_set_head (copy, &head, &pose);
          hl_design_replace_view (out, i, copy);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          HlDesign *fitted = hl_edit_fit_head (out, i, &error);

          if (fitted != NULL)
            {
              hl_design_unref (out);
              out = fitted;
            }
          else
            {
              g_autoptr(HlView) copy = hl_view_copy (view);

              hl_view_set_head_reason (copy, error->message);
              hl_design_replace_view (out, i, copy);
            }
        }
    }
  return out;
}

/* What the view's measures are taken on: its head model and pose, or the
 * photo's plane and why. */
static void
add_head_json (cJSON        *vj,
               const HlView *view)
{
  cJSON *h, *pose;

  cJSON_AddStringToObject (vj, "measured_on", view->has_head ? "scalp" : "photo plane");
  if (!view->has_head)
    {
      /* What programs read is the same in every language: the reason as
       * the C locale says it (gettext ignores LANGUAGE there). */
      g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
      g_autofree char *reason = NULL;

      setlocale (LC_MESSAGES, "C");
      reason = head_reason (view);
      setlocale (LC_MESSAGES, saved);
      cJSON_AddNullToObject (vj, "head");
      cJSON_AddStringToObject (vj, "head_reason", reason);
      return;
    }
  h = cJSON_AddObjectToObject (vj, "head");
  cJSON_AddNumberToObject (h, "breadth_mm", round3 (view->head.breadth_mm));
  cJSON_AddNumberToObject (h, "length_mm", round3 (view->head.length_mm));
  cJSON_AddNumberToObject (h, "height_mm", round3 (view->head.height_mm));
  pose = cJSON_AddObjectToObject (h, "pose");
  cJSON_AddNumberToObject (pose, "yaw_deg", round3 (view->pose.yaw_deg));
  cJSON_AddNumberToObject (pose, "pitch_deg", round3 (view->pose.pitch_deg));
  cJSON_AddNumberToObject (pose, "roll_deg", round3 (view->pose.roll_deg));
  cJSON_AddNumberToObject (pose, "scale", round3 (view->pose.scale));
  cJSON_AddNumberToObject (pose, "centre_x", round3 (view->pose.centre_x));
  cJSON_AddNumberToObject (pose, "centre_y", round3 (view->pose.centre_y));
}

/* The hairline's length along the scalp (cm), or -1 when part of it
 * misses the head or the view has no model. */
static double
hairline_scalp_cm (const HlView *view)
{
  const HlPoint *poly;
  guint n;
  double total = 0.0;

  if (!view->has_head || view->hairline == NULL)
    return -1.0;
  poly = hl_curve_get_polyline (view->hairline, &n);
  for (guint i = 0; i + 1 < n; i++)
    {
      double mm;

      if (!hl_head_model_image_distance (&view->head, &view->pose, poly[i], poly[i + 1], &mm))
        return -1.0;
      total += mm;
    }
  return total / 10.0;
}

/* The outline that applies: where it comes from ("view", "chart"), its
 * area and points; null when none. */
static cJSON *
outline_json (const HlView *view,
              double        m)
{
  HlCurve *outline = hl_view_get_scalp_outline (view);
  cJSON *o;

  if (outline == NULL)
    return cJSON_CreateNull ();
  o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "source", view->scalp_outline != NULL ? "view" : "chart");
  cJSON_AddNumberToObject (o, "area_cm2", round3 (hl_curve_area (outline) * m * m / 100.0));
  cJSON_AddNumberToObject (o, "points", hl_curve_get_n_points (outline));
  return o;
}

/* Human-readable: numbers follow the locale, words the user's language. */
static void
print_zone (const HlZone      *zone,
            const HlZoneStats *st)
{
  g_autofree char *dots = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot", "%u dots", st->dots), st->dots);
  guint n_points = hl_curve_get_n_points (zone->boundary);
  g_autofree char *why = hl_zone_stats_explain (st);

  /* Translators: a zone's name, its kind, its area, the density asked and
   * achieved, "N dots", and the number of dots expected. */
  printf (_("  zone \"%s\" (%s): %.2f cm², %g dots/cm² asked, %.1f achieved, %s (expected %.0f)"),
          zone->name, hl_zone_kind_to_string (zone->kind), st->area_cm2,
          zone->params.density, st->area_cm2 > 0 ? st->dots / st->area_cm2 : 0.0,
          dots, st->expected_dots);
  if (st->on_scalp)
    /* Translators: the zone's area in the photo, beside its area on the
     * scalp. */
    printf (_("; %.2f cm² in the photo"), st->image_area_cm2);
  for (guint s = 0; s < zone->params.n_sessions; s++)
    {
      fputs (s == 0 ? "; " : ", ", stdout);
      /* Translators: a session's number and its number of dots. */
      printf (_("session %u: %u"), s + 1, st->session_dots[s]);
    }
  fputs ("; ", stdout);
  printf (g_dngettext (GETTEXT_PACKAGE, "%u control point", "%u control points", n_points), n_points);
  if (st->too_large)
    printf ("; %s", _("TOO LARGE: left empty"));
  putchar ('\n');
  if (why != NULL)
    printf ("    %s\n", why);
}

/* The zones on the head that a view shows from the views they are drawn
 * on: [{"home_view": i, "home_view_name": …, "name": …, "dots": n}]. */
static cJSON *
carried_json (const HlDesign *design,
              const GArray   *counts)
{
  cJSON *a = cJSON_CreateArray ();

  for (guint i = 0; i < counts->len; i++)
    {
      const HlCarriedZone *c = &g_array_index (counts, HlCarriedZone, i);
      const HlView *home = hl_design_get_view (design, c->home_view);
      cJSON *o = cJSON_CreateObject ();

      cJSON_AddNumberToObject (o, "home_view", c->home_view);
      cJSON_AddStringToObject (o, "home_view_name", home->name);
      cJSON_AddNumberToObject (o, "zone", c->zone);
      cJSON_AddStringToObject (o, "name", hl_view_get_zone (home, c->zone)->name);
      cJSON_AddNumberToObject (o, "dots", c->dots);
      cJSON_AddItemToArray (a, o);
    }
  return a;
}

static void
print_carried (const HlDesign *design,
               const GArray   *counts)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const HlCarriedZone *c = &g_array_index (counts, HlCarriedZone, i);
      const HlView *home = hl_design_get_view (design, c->home_view);
      g_autofree char *dots = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot", "%u dots", c->dots), c->dots);

      /* Translators: a zone on the head drawn on another view: its name,
       * that view's name, and "N dots" this view shows of it. */
      printf (_("  on the head, from view \"%s\": zone \"%s\", %s seen here\n"),
              home->name, hl_view_get_zone (home, c->zone)->name, dots);
    }
}

int
hl_cli_stats (int    argc,
              char **argv)
{
  gboolean json = FALSE, fit = FALSE;
  g_autofree char *view_name = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, N_("Only this view (name or index)"), N_("NAME|N") },
    { "fit", 0, 0, G_OPTION_ARG_NONE, &fit,
      N_("Fit the head model to views without one first (photos from their landmarks, charts their pose)"), NULL },
    { NULL }
  };
  g_autoptr(HlDesign) design = NULL;
  cJSON *root = NULL, *views = NULL;
  g_autoptr(HlHeadZones) carrier = NULL;
  int only = -1;

  if (!hl_cli_parse_options ("stats", _("DESIGN"),
                             _("Per view: calibration and hairline length; per zone: area (cm²),\n"
                             "asked and achieved density, dots per session."),
                             entries, &argc, &argv))
    return HL_EXIT_USAGE;

  if (argc != 2)
    {
      fprintf (stderr, _("hairline stats: expected one DESIGN file\n"));
      fprintf (stderr, _("Run 'hairline stats --help' for usage.\n"));
      return HL_EXIT_USAGE;
    }

  design = hl_cli_load_design (argv[1]);
  if (design == NULL)
    return HL_EXIT_BAD_INPUT;
  if (fit)
    {
      HlDesign *fitted = fit_views (design);

      hl_design_unref (design);
      design = fitted;
    }

  if (view_name != NULL && (only = hl_design_find_view (design, view_name)) < 0)
    {
      fprintf (stderr, _("%s: no view named '%s'\n"), argv[1], view_name);
      return HL_EXIT_BAD_INPUT;
    }

  if (json)
    {
      root = cJSON_CreateObject ();
      cJSON_AddStringToObject (root, "file", argv[1]);
      cJSON_AddNumberToObject (root, "engine_version", HL_ENGINE_VERSION);
      /* The engine the file says its dots were designed with. */
      cJSON_AddNumberToObject (root, "design_engine_version", design->engine_version);
      views = cJSON_AddArrayToObject (root, "views");
    }
  else
    {
      printf ("%s\n", argv[1]);
      if (design->engine_version != HL_ENGINE_VERSION)
        printf ("dots made by engine %d; the file was saved with engine %d, "
                "which placed them differently\n", HL_ENGINE_VERSION, design->engine_version);
    }

  carrier = hl_head_zones_new ();
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      const HlView *view = hl_design_get_view (design, v);
      g_autoptr(HlStippler) st = hl_stippler_new ();
      g_autoptr(GArray) carried = NULL;
      g_autoptr(GArray) counts = NULL;
      gboolean calibrated;
      double m = hl_view_get_mm_per_px (view, &calibrated);
      double hair_cm = view->hairline != NULL ? hl_curve_length (view->hairline) * m / 10.0 : 0.0;
      cJSON *vj = NULL, *zones = NULL;

      if (only >= 0 && (guint) only != v)
        continue;

      hl_stippler_update (st, view, design->seed);

      if (json)
        {
          vj = cJSON_CreateObject ();
          cJSON_AddStringToObject (vj, "name", view->name);
          cJSON_AddItemToObject (vj, "calibration", calibration_json (view));
          add_head_json (vj, view);
          if (view->hairline != NULL)
            {
              cJSON *h = cJSON_CreateObject ();
              double scalp_cm = hairline_scalp_cm (view);

              cJSON_AddNumberToObject (h, "length_cm", round3 (hair_cm));
              if (scalp_cm >= 0.0)
                cJSON_AddNumberToObject (h, "scalp_length_cm", round3 (scalp_cm));
              cJSON_AddNumberToObject (h, "points", hl_curve_get_n_points (view->hairline));
              cJSON_AddItemToObject (vj, "hairline", h);
            }
          else
            cJSON_AddNullToObject (vj, "hairline");
          cJSON_AddItemToObject (vj, "scalp_outline", outline_json (view, m));
          zones = cJSON_AddArrayToObject (vj, "zones");
          cJSON_AddItemToArray (views, vj);
        }
      else
        {
          printf (_("view \"%s\": "), view->name);
          if (calibrated)
            /* Translators: the scale, how it was measured (ruler, iris, ipd,
             * manual) and its uncertainty. */
            printf (_("%.4f mm/px from %s (±%.0f %%)\n"), m,
                    hl_calibration_source_get_label (view->calibration.source),
                    view->calibration.uncertainty * 100);
          else
            printf (_("uncalibrated: assuming %.2f mm/px, areas and counts are rough\n"), m);
          if (view->has_head)
            /* Translators: the head model's breadth, length and height. */
            printf (_("  measured on the scalp: head model %.0f × %.0f × %.0f mm\n"),
                    view->head.breadth_mm, view->head.length_mm, view->head.height_mm);
          else
            {
              g_autofree char *reason = head_reason (view);

              /* Translators: the reason why the view has no head model. */
              printf (_("  measured in the photo plane: %s\n"), reason);
            }
          if (hl_view_get_scalp_outline (view) != NULL)
            /* Translators: the area inside the view's scalp outline and
             * where the outline comes from. */
            printf (_("  scalp outline: %.1f cm² (%s)\n"),
                    hl_curve_area (hl_view_get_scalp_outline (view)) * m * m / 100.0,
                    view->scalp_outline != NULL ? _("the view's own") : _("the head chart's"));
          if (view->hairline != NULL)
            printf (g_dngettext (GETTEXT_PACKAGE, "  hairline: %.2f cm, %u control point\n",
                                 "  hairline: %.2f cm, %u control points\n", hl_curve_get_n_points (view->hairline)),
                    hair_cm, hl_curve_get_n_points (view->hairline));
        }

      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        {
          HlZoneStats stats;

          hl_stippler_get_zone_stats (st, z, &stats);
          if (json)
            cJSON_AddItemToArray (zones, zone_json (hl_view_get_zone (view, z), &stats));
          else
            print_zone (hl_view_get_zone (view, z), &stats);
        }

      /* Zones on the head drawn on other views, as this view shows them:
       * apart from the view's own zones, never counted with them. */
      carried = hl_head_zones_carry (carrier, design, v);
      counts = hl_head_zones_count ((const HlDot *) (gconstpointer) carried->data, carried->len);
      if (json)
        cJSON_AddItemToObject (vj, "carried_zones", carried_json (design, counts));
      else
        print_carried (design, counts);
    }

  if (json)
    {
      char *text = cJSON_Print (root);

      printf ("%s\n", text);
      cJSON_free (text);
      cJSON_Delete (root);
    }

  return HL_EXIT_OK;
}
