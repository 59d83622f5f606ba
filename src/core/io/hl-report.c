/* hl-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "hl-atomic-file.h"
#include "hl-error.h"
#include "hl-export.h"
#include "hl-head-fit.h"
#include "hl-label.h"
#include "hl-photo.h"
#include "hl-render.h"
#include "hl-measure.h"
#include "hl-report.h"
#include "hl-head-zones.h"
#include "hl-session-plan.h"
#include "hl-stippler.h"

#define PAGE_W 595.0   /* A4, points */
#define PAGE_H 842.0
#define MARGIN 42.0

/* @str in the sheet's face at @size pt, its first baseline starting at
 * (@x, @y), through Pango: shaped, with fallback fonts, any direction. */
static void
text (cairo_t    *cr,
      double      x,
      double      y,
      double      size,
      gboolean    bold,
      const char *str)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, str, size, bold ? HL_LABEL_BOLD : HL_LABEL_REGULAR, 0.0);
  double baseline;

  hl_label_get_size (layout, NULL, NULL, &baseline);
  hl_label_show (cr, layout, x, y - baseline);
}

/* How wide text() draws @str. */
static double
text_width (cairo_t    *cr,
            double      size,
            gboolean    bold,
            const char *str)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, str, size, bold ? HL_LABEL_BOLD : HL_LABEL_REGULAR, 0.0);
  double width;

  hl_label_get_size (layout, &width, NULL, NULL);
  return width;
}

/* The clinic's name as one printable line: valid UTF-8, control
 * characters as spaces, trimmed; NULL when nothing is left (transfer
 * full). */
static char *
clinic_line (const char *clinic_name)
{
  char *line;

  if (clinic_name == NULL)
    return NULL;
  line = g_utf8_make_valid (clinic_name, -1);
  for (char *p = line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  g_strstrip (line);
  if (*line == '\0')
    g_clear_pointer (&line, g_free);
  return line;
}

/* The clinic's name in bold at the top of the first page, wrapped
 * between the margins when it is long (any script: an Arabic name reads
 * right to left). Returns the height it took. */
static double
clinic_header (cairo_t    *cr,
               double      y,
               const char *line)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, line, 13, HL_LABEL_BOLD, PAGE_W - 2 * MARGIN);
  double height, baseline;

  hl_label_get_size (layout, NULL, &height, &baseline);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  hl_label_show (cr, layout, MARGIN, y - baseline);
  return MAX (20.0, height + 5.0);
}

/* @str at @size pt wrapped between @x and the right margin, its first
 * baseline at @y; returns @y moved @step down per line. */
static double
paragraph (cairo_t    *cr,
           double      x,
           double      y,
           double      size,
           double      step,
           const char *str)
{
  g_autoptr(PangoLayout) layout = hl_label_new (cr, str, size, HL_LABEL_REGULAR, PAGE_W - MARGIN - x);
  double baseline;

  hl_label_get_size (layout, NULL, NULL, &baseline);
  hl_label_show (cr, layout, x, y - baseline);
  return y + step * MAX (1, pango_layout_get_line_count (layout));
}

/* What the view's areas and densities are measured on: the scalp of its
 * head model (its size and pose), or the photo's plane and why (as
 * `hairline stats` gives head_reason). Returns the y below. */
static double
measured_on (cairo_t      *cr,
             const HlView *view,
             double        y)
{
  char buf[512];

  if (view->has_head)
    /* Translators: the head model's breadth, length and height in mm,
     * then its yaw, pitch and roll in the view in degrees. */
    g_snprintf (buf, sizeof buf,
                _("Measured on the scalp: head model %.0f × %.0f × %.0f mm (breadth × length × height), "
                  "turned %.0f°, tilted %.0f°, rolled %.0f° in this view"),
                view->head.breadth_mm, view->head.length_mm, view->head.height_mm,
                view->pose.yaw_deg, view->pose.pitch_deg, view->pose.roll_deg);
  else
    {
      g_autofree char *why = hl_head_fit_explain (view);

      /* Translators: %s says why the view has no head model. */
      g_snprintf (buf, sizeof buf, _("Measured in the photo plane (areas as the photo shows them): %s"), why);
    }
  return paragraph (cr, MARGIN, y, 9.5, 13.0, buf);
}

static void
footer (cairo_t *cr,
        int      page)
{
  g_autofree char *mark = g_strconcat (hl_render_get_simulation_mark (), ".", NULL);
  char buf[64];

  cairo_set_source_rgb (cr, 0.35, 0.1, 0.1);
  text (cr, MARGIN, PAGE_H - 30, 9, TRUE, mark);
  text (cr, MARGIN, PAGE_H - 19, 8, FALSE,
        /* Translators: one line at the foot of an A4 page, in 8 pt: keep it short. */
        _("The images simulate fresh dots; healed dots are smaller and lighter, and results vary with skin, pigment and aftercare."));
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  g_snprintf (buf, sizeof buf, _("Page %d"), page);
  text (cr, PAGE_W - MARGIN - 30, PAGE_H - 45, 8, FALSE, buf);
}

/* Paints @image into the box, keeping its aspect ratio; returns its height. */
static double
paint_image (cairo_t         *cr,
             cairo_surface_t *image,
             double           x,
             double           y,
             double           box_w)
{
  double iw = cairo_image_surface_get_width (image);
  double ih = cairo_image_surface_get_height (image);
  double s = box_w / iw;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, s, s);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  return ih * s;
}


/* @str in white on a dark translucent chip: legible over any photo or
 * chart, light or dark. */
static void
label_chip (cairo_t    *cr,
            double      x,
            double      y,
            double      size,
            const char *str)
{
  double pad = 3;

  cairo_rectangle (cr, x - pad, y - size - pad + 2, text_width (cr, size, TRUE, str) + 2 * pad, size + 2 * pad);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.62);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  text (cr, x, y, size, TRUE, str);
}

/* Writes @parts (NULL-terminated) joined by " · " from @x, breaking
 * between parts so that no line is wider than @width (lines after the
 * first indented by 10 pt, to read as one entry); returns the y after the
 * last line. */
static double
wrapped_parts (cairo_t            *cr,
               double              x,
               double              y,
               double              width,
               double              size,
               const char * const *parts)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean indented = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *tried = line->len > 0 ? g_strconcat (line->str, " · ", parts[i], NULL)
                                             : g_strdup (parts[i]);

      if (text_width (cr, size, FALSE, tried) > width && line->len > 0)
        {
          text (cr, x, y, size, FALSE, line->str);
          y += size + 3;
          if (!indented)
            {
              x += 10;
              width -= 10;
              indented = TRUE;
            }
          g_string_assign (line, parts[i]);
        }
      else
        g_string_assign (line, tried);
    }
  if (line->len > 0)
    {
      text (cr, x, y, size, FALSE, line->str);
      y += size + 3;
    }
  return y;
}

/* The height of the hairline above the glabella, in px of the view: to
 * the mid-frontal point when it is placed, else to where the hairline
 * crosses the vertical through the glabella (the nearest crossing above
 * it). FALSE without a glabella, or without a hairline crossing it. */
static gboolean
hairline_height_px (const HlView *view,
                    double       *out,
                    gboolean     *at_mfp)
{
  HlPoint g;
  const HlPoint *poly;
  guint n = 0;
  gboolean found = FALSE;
  double best = 0;

  if (!view->landmarks[HL_LANDMARK_GLABELLA].set)
    return FALSE;
  g = view->landmarks[HL_LANDMARK_GLABELLA].p;
  if (view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].set)
    {
      *out = hl_point_distance (g, view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].p);
      *at_mfp = TRUE;
      return TRUE;
    }
  if (view->hairline == NULL)
    return FALSE;
  poly = hl_curve_get_polyline (view->hairline, &n);
  for (guint i = 0; i + 1 < n; i++)
    {
      HlPoint p = poly[i], q = poly[i + 1];
      double y;

      if ((p.x - g.x) * (q.x - g.x) > 0 || p.x == q.x)
        continue;
      y = p.y + (g.x - p.x) / (q.x - p.x) * (q.y - p.y);
      if (y < g.y && (!found || y > best))
        {
          best = y;
          found = TRUE;
        }
    }
  if (!found)
    return FALSE;
  *out = g.y - best;
  *at_mfp = FALSE;
  return TRUE;
}

static gboolean
view_page (cairo_t        *cr,
           const HlDesign *design,
           guint           index,
           const char     *design_path,
           const HlReportOptions *options,
           double          y,
           int            *page,
           GError        **error_out)
{
  HlReportPhotos photos = options->photos;
  const HlView *view = hl_design_get_view (design, index);
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(HlStippler) st = hl_stippler_new ();
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gboolean calibrated;
  double m = hl_view_get_mm_per_px (view, &calibrated);
  const HlDot *dots;
  gsize n_dots;
  char buf[256];
  int w, h;
  double box = (PAGE_W - 2 * MARGIN - 12) / 2, scale, ih;
  HlRenderOptions before, after;
  cairo_surface_t *img;

  if ((view->photo.path != NULL || view->photo.chart != NULL ||
       (index == options->view && options->photo != NULL)) && photos != HL_REPORT_PHOTOS_NONE)
    {
      /* The message names views[N].photo.path. */
      photo = hl_export_load_view_photo (design, index, design_path,
                                         index == options->view ? options->photo : NULL,
                                         options->note, options->user_data, &error);
      if (photo == NULL && photos == HL_REPORT_PHOTOS_REQUIRED)
        {
          g_propagate_error (error_out, g_steal_pointer (&error));
          return FALSE;
        }
    }

  hl_stippler_update (st, view, design->seed);
  dots = hl_stippler_get_dots (st, &n_dots);
  /* The pictures also show the zones on the head drawn on other views
   * that this view sees (hl-head-zones.h); the zone list is the view's. */
  if (hl_head_zones_view_receives (design, index))
    {
      g_autoptr(HlHeadZones) carrier = hl_head_zones_new ();
      g_autoptr(GArray) carried = hl_head_zones_carry (carrier, design, index);

      all = g_array_sized_new (FALSE, FALSE, sizeof (HlDot), (guint) n_dots + carried->len);
      g_array_append_vals (all, dots, (guint) n_dots);
      g_array_append_vals (all, carried->data, carried->len);
      dots = (const HlDot *) (gconstpointer) all->data;
      n_dots = all->len;
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  g_snprintf (buf, sizeof buf, _("View: %s"), view->name);
  text (cr, MARGIN, y, 14, TRUE, buf);
  y += 18;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (calibrated)
    /* Translators: %s is how the view was calibrated: ruler, iris, ipd, manual. */
    g_snprintf (buf, sizeof buf, _("Calibration: %s, %.3f mm per pixel, uncertainty ±%.0f %%"),
                hl_calibration_source_get_label (view->calibration.source), m,
                view->calibration.uncertainty * 100);
  else
    g_snprintf (buf, sizeof buf, _("Calibration: none — sizes assume %.2f mm per pixel and are rough"), m);
  text (cr, MARGIN, y, 9.5, FALSE, buf);
  y += 13;

  {
    double px;
    gboolean at_mfp;

    /* Whenever the glabella, a hairline (or the mid-frontal point) and a
     * calibration are there. */
    if (calibrated && hairline_height_px (view, &px, &at_mfp))
      {
        HlPoint g = view->landmarks[HL_LANDMARK_GLABELLA].p;
        HlPoint at = at_mfp ? view->landmarks[HL_LANDMARK_MID_FRONTAL_POINT].p : (HlPoint) { g.x, g.y - px };
        gboolean on_scalp;
        double mm = hl_measure_skin_length_mm (view, g, at, &on_scalp);

        /* On a view with a head model, along the forehead's curve, as a
         * tape on the skin measures it; the photo shows it shorter. */
        if (on_scalp && at_mfp)
          g_snprintf (buf, sizeof buf,
                      _("Hairline height above the glabella (mid-frontal point): %.1f cm along the forehead "
                        "(%.1f cm on the photo)"), mm / 10.0, px * m / 10.0);
        else if (on_scalp)
          g_snprintf (buf, sizeof buf,
                      _("Hairline height above the glabella (at its vertical): %.1f cm along the forehead "
                        "(%.1f cm on the photo)"), mm / 10.0, px * m / 10.0);
        else if (at_mfp)
          g_snprintf (buf, sizeof buf,
                      _("Hairline height above the glabella (mid-frontal point): %.1f cm on the photo"),
                      px * m / 10.0);
        else
          g_snprintf (buf, sizeof buf,
                      _("Hairline height above the glabella (at its vertical): %.1f cm on the photo"),
                      px * m / 10.0);
        text (cr, MARGIN, y, 9.5, FALSE, buf);
        y += 13;
      }
  }
  y = measured_on (cr, view, y);
  if (photo == NULL && (view->photo.path != NULL || view->photo.chart != NULL))
    {
      cairo_set_source_rgb (cr, 0.6, 0.1, 0.1);
      if (photos == HL_REPORT_PHOTOS_NONE)
        g_strlcpy (buf, _("Photo left out on request: drawn without it."), sizeof buf);
      else
        g_snprintf (buf, sizeof buf, _("Photo unavailable (%s): drawn without it."), error != NULL ? error->message : "");
      text (cr, MARGIN, y, 9.5, FALSE, buf);
      y += 13;
    }
  y += 4;

  /* Before and after, rendered at about 2.5 output pixels per point. */
  hl_render_view_size (photo, view, &w, &h);
  scale = MIN (box * 2.5 / w, 4.0);
  hl_render_options_init (&before);
  before.show_dots = FALSE;
  before.scale = scale;
  before.mark = NULL;
  before.crop = hl_render_design_bounds (photo, view, 0.15);
  if (!hl_rect_is_empty (before.crop))
    scale = MIN (box * 2.5 / (before.crop.x1 - before.crop.x0), 8.0);
  before.scale = scale;
  after = before;
  after.show_dots = TRUE;

  img = hl_render_export (photo, view, dots, n_dots, &before);
  /* Images that would run into the footer go to the next page. */
  if (y + 4 + box * cairo_image_surface_get_height (img) / cairo_image_surface_get_width (img) > PAGE_H - 70)
    {
      footer (cr, (*page)++);
      cairo_show_page (cr);
      y = MARGIN + 12;
    }
  ih = paint_image (cr, img, MARGIN, y + 4, box);
  cairo_surface_destroy (img);
  img = hl_render_export (photo, view, dots, n_dots, &after);
  paint_image (cr, img, MARGIN + box + 12, y + 4, box);
  cairo_surface_destroy (img);
  label_chip (cr, MARGIN + 6, y + 18, 10, C_("image", "Before"));
  label_chip (cr, MARGIN + box + 18, y + 18, 10, _("After (fresh)"));
  y += ih + 22;

  /* Zones. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  text (cr, MARGIN, y, 11, TRUE, _("Zones"));
  y += 16;
  for (guint z = 0; z < hl_view_get_n_zones (view); z++)
    {
      const HlZone *zone = hl_view_get_zone (view, z);
      guint ns = zone->params.n_sessions;
      HlZoneStats stats;
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      double swatch_y;

      /* A zone takes about 3–4 lines: one that would not fit starts a
       * page, rather than being left out. */
      if (y > PAGE_H - 70 - 60)
        {
          footer (cr, (*page)++);
          cairo_show_page (cr);
          y = MARGIN + 12;
        }
      hl_stippler_get_zone_stats (st, z, &stats);
      cairo_set_source_rgb (cr, 0, 0, 0);
      /* Translators: a zone's name and its kind, e.g. "Front line (Frontal band)". */
      g_snprintf (buf, sizeof buf, _("%s (%s)"), zone->name, hl_zone_kind_get_label (zone->kind));
      text (cr, MARGIN, y, 10, TRUE, buf);
      swatch_y = y - 10;
      y += 13;
      /* On a view with a head model the area and the densities are the
       * scalp's, with the photo's area beside where the two differ. */
      if (stats.on_scalp && fabs (stats.area_cm2 - stats.image_area_cm2) >= 0.05)
        g_snprintf (buf, sizeof buf,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Area %.1f cm² of scalp (%.1f cm² in the photo) · density %g dots/cm² of scalp "
                                 "asked, %.1f achieved · %u dot · dot %.2f mm",
                                 "Area %.1f cm² of scalp (%.1f cm² in the photo) · density %g dots/cm² of scalp "
                                 "asked, %.1f achieved · %u dots · dot %.2f mm",
                                 stats.dots),
                    stats.area_cm2, stats.image_area_cm2, zone->params.density,
                    stats.area_cm2 > 0 ? stats.dots / stats.area_cm2 : 0.0, stats.dots, zone->params.dot_mm);
      else if (stats.on_scalp)
        g_snprintf (buf, sizeof buf,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Area %.1f cm² of scalp · density %g dots/cm² of scalp asked, %.1f achieved · "
                                 "%u dot · dot %.2f mm",
                                 "Area %.1f cm² of scalp · density %g dots/cm² of scalp asked, %.1f achieved · "
                                 "%u dots · dot %.2f mm",
                                 stats.dots),
                    stats.area_cm2, zone->params.density,
                    stats.area_cm2 > 0 ? stats.dots / stats.area_cm2 : 0.0, stats.dots, zone->params.dot_mm);
      else
        g_snprintf (buf, sizeof buf,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Area %.1f cm² · density %g dots/cm² asked, %.1f achieved · %u dot · dot %.2f mm",
                                 "Area %.1f cm² · density %g dots/cm² asked, %.1f achieved · %u dots · dot %.2f mm",
                                 stats.dots),
                    stats.area_cm2, zone->params.density,
                    stats.area_cm2 > 0 ? stats.dots / stats.area_cm2 : 0.0, stats.dots, zone->params.dot_mm);
      y = paragraph (cr, MARGIN + 10, y, 9, 12.0, buf);

      for (guint s = 0; s < ns; s++)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Session %u: %u dot (%.0f %%)",
                                                              "Session %u: %u dots (%.0f %%)", stats.session_dots[s]),
                                                 s + 1, stats.session_dots[s], zone->params.sessions[s].share * 100));
      g_ptr_array_add (parts, NULL);
      /* Beside the zone's name, clear of the text below it. */
      y = wrapped_parts (cr, MARGIN + 10, y, PAGE_W - 2 * MARGIN - 10, 9, (const char * const *) parts->pdata);

      /* Shade swatches, one per session, right of the zone's name. */
      for (guint s = 0; s < ns; s++)
        {
          HlColor c = zone->params.sessions[s].shade;

          cairo_rectangle (cr, PAGE_W - MARGIN - 18 * (ns - s), swatch_y, 14, 12);
          cairo_set_source_rgb (cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += 6;
    }
  return TRUE;
}


/* The client's details, as recorded: one line each, free text wrapped at
 * words. Returns the y below them. */
static double
client_block (cairo_t        *cr,
              const HlDesign *design,
              double          y)
{
  const HlClient *c = design->client;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char colour[8];

  if (c == NULL)
    return y;
  if (c->date_of_birth != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Born %s"), c->date_of_birth));
  else if (c->age > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Age %d"), c->age));
  if (c->fitzpatrick > 0)
    g_ptr_array_add (parts, g_strdup_printf (_("Fitzpatrick type %s"), hl_fitzpatrick_to_roman (c->fitzpatrick)));
  if (c->has_hair_colour)
    g_ptr_array_add (parts, g_strdup_printf (_("natural hair colour %s"), hl_color_format (c->hair_colour, colour)));
  if (c->consent_date != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("consent given %s"), c->consent_date));
  g_ptr_array_add (parts, NULL);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  y = wrapped_parts (cr, MARGIN, y, PAGE_W - 2 * MARGIN, 9.5, (const char * const *) parts->pdata);

  for (guint i = 0; i < 2; i++)
    {
      const char *what = i == 0 ? c->contraindications : c->notes;
      g_autofree char *label = NULL;
      g_auto(GStrv) words = NULL;

      if (what == NULL)
        continue;
      label = g_strdup_printf ("%s:", i == 0 ? _("Contraindications") : _("Notes"));
      {
        g_autofree char *flat = g_strdup (what);

        g_strdelimit (flat, "\n\t\r", ' ');
        words = g_strsplit (flat, " ", -1);
      }
      {
        g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
        GString *line = g_string_new (label);
        guint n_lines = 0;

        for (guint w = 0; words[w] != NULL; w++)
          {
            g_autofree char *tried = NULL;

            if (words[w][0] == '\0')
              continue;
            tried = g_strconcat (line->str, " ", words[w], NULL);
            if (text_width (cr, 9.5, FALSE, tried) > PAGE_W - 2 * MARGIN && line->len > 0)
              {
                g_ptr_array_add (lines, g_string_free (line, FALSE));
                line = g_string_new (words[w]);
              }
            else
              g_string_assign (line, tried);
          }
        g_ptr_array_add (lines, g_string_free (line, FALSE));
        /* At most 4 lines each: the sheet is one page of summary. */
        for (guint l = 0; l < lines->len && n_lines < 4; l++, n_lines++)
          {
            const char *shown = g_ptr_array_index (lines, l);
            g_autofree char *cut = l == 3 && lines->len > 4 ? g_strconcat (shown, " …", NULL) : NULL;

            text (cr, MARGIN, y, 9.5, FALSE, cut != NULL ? cut : shown);
            y += 12.5;
          }
      }
    }
  return y;
}

/* Each planned session: its dots and time beside what was done. */
static double
sessions_block (cairo_t               *cr,
                const HlDesign        *design,
                const HlReportOptions *options,
                double                 y)
{
  HlSessionPlan plan;
  double rate = options->dots_per_minute > 0.0 ? options->dots_per_minute : HL_DOTS_PER_MINUTE_DEFAULT;
  char buf[160];

  hl_session_plan_compute (design, &plan);
  if (plan.n_sessions == 0)
    return y;
  y += 6;
  cairo_set_source_rgb (cr, 0, 0, 0);
  text (cr, MARGIN, y, 11, TRUE, _("Sessions"));
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  /* Translators: the rate the times on the sheet assume. */
  g_snprintf (buf, sizeof buf, _("times at %g dots a minute"), rate);
  text (cr, MARGIN + 70, y, 8.5, FALSE, buf);
  y += 14;
  for (guint s = 1; s <= plan.n_sessions; s++)
    {
      g_autofree char *planned = hl_session_plan_describe (&plan, s, rate);
      g_autofree char *done = hl_session_record_summary (hl_design_get_record (design, s));
      const char *parts[] = { planned, done, NULL };

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      y = wrapped_parts (cr, MARGIN + 6, y, PAGE_W - 2 * MARGIN - 6, 9.5, parts);
    }
  (void) options;
  return y;
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return hl_atomic_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
write_pdf (const HlDesign *design,
           const char     *design_path,
           HlAtomicFile   *file,
           const HlReportOptions *options,
           GError        **error)
{
  g_autofree char *clinic = clinic_line (options->clinic_name);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_file, file, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GError) photo_error = NULL;
  cairo_status_t status;
  char buf[320];
  double y = MARGIN + 12;
  int page = 1;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Consultation sheet"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);

  if (clinic != NULL)
    y += clinic_header (cr, y, clinic);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text (cr, MARGIN, y, 20, TRUE, _("Consultation sheet"));
  y += 22;
  g_snprintf (buf, sizeof buf, _("Client: %s    Date: %s"),
              design->client_label != NULL ? design->client_label : "—", date);
  text (cr, MARGIN, y, 10.5, FALSE, buf);
  y += 15;
  y = client_block (cr, design, y);
  y = sessions_block (cr, design, options, y);
  y += 12;

  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    {
      if (v > 0)
        {
          cairo_show_page (cr);
          y = MARGIN + 12;
        }
      if (!view_page (cr, design, v, design_path, options, y, &page, &photo_error))
        break;
      footer (cr, page++);
    }
  if (photo_error == NULL)
    cairo_show_page (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (photo_error != NULL)
    {
      hl_atomic_file_discard (file, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&photo_error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      hl_atomic_file_discard (file, cairo_status_to_string (status), error);
      return FALSE;
    }
  return hl_atomic_file_commit (file, error);
}

gboolean
hl_report_write_pdf_full (const HlDesign        *design,
                          const char            *design_path,
                          const char            *pdf_path,
                          const HlReportOptions *options,
                          GError               **error)
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  HlAtomicFile *file;

  g_return_val_if_fail (design != NULL, FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  /* Never write over what the sheet is made from. */
  if (design_path != NULL)
    {
      g_ptr_array_add (inputs, g_strdup (design_path));
      for (guint v = 0; v < hl_design_get_n_views (design); v++)
        {
          const HlView *view = hl_design_get_view (design, v);

          if (view->photo.path != NULL)
            g_ptr_array_add (inputs, hl_photo_resolve_path (design_path, view->photo.path));
        }
    }
  g_ptr_array_add (inputs, NULL);

  file = hl_atomic_file_new (pdf_path, (const char * const *) inputs->pdata, HL_ATOMIC_FILE_DEFAULT, error);
  if (file == NULL)
    return FALSE;

  return write_pdf (design, design_path, file, options, error);
}

gboolean
hl_report_write_pdf (const HlDesign  *design,
                     const char      *design_path,
                     const char      *pdf_path,
                     GError         **error)
{
  HlReportOptions options = { .photos = HL_REPORT_PHOTOS_OPTIONAL };

  return hl_report_write_pdf_full (design, design_path, pdf_path, &options, error);
}
