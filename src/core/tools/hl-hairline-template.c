/* hl-hairline-template.c
 *
 * A style is a height profile along one half of the line: for a lateral
 * fraction t from 0 (the midline) to 1 (a frontotemporal point), a rise in
 * mm above the mid-frontal point, as a fraction of the full rise D at the
 * end, plus a few mm of shape of its own (steps, a peak). Both halves use
 * the same profile with their own D and width, so an asymmetric face gets
 * an asymmetric line; the irregularities are mirrored in sign so the two
 * sides do not read as a copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-enums.h"
#include "hl-error.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-measure.h"

typedef struct
{
  double   t;         /* lateral fraction, 0 at the midline, 1 at the end */
  double   rise;      /* fraction of the end's rise */
  double   extra_mm;  /* shape of the style's own, in mm */
  gboolean corner;
} ProfilePoint;

#define MAX_PROFILE 12

static const char * const style_titles[HL_N_HAIRLINE_STYLES] = {
  NC_("hairline style", "Natural"), NC_("hairline style", "Soft (broken)"),
  NC_("hairline style", "Straight (defined)"), NC_("hairline style", "Widow’s peak"),
  NC_("hairline style", "Mature"),
};

const char *
hl_hairline_style_to_string (HlHairlineStyle style)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_HAIRLINE_STYLE, (int) style);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
hl_hairline_style_from_string (const char      *text,
                               HlHairlineStyle *style)
{
  int value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!hl_enum_from_nick (HL_TYPE_HAIRLINE_STYLE, text, &value))
    return FALSE;
  if (style != NULL)
    *style = (HlHairlineStyle) value;
  return TRUE;
}

const char *
hl_hairline_style_get_title (HlHairlineStyle style)
{
  g_return_val_if_fail (style < HL_N_HAIRLINE_STYLES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "hairline style", style_titles[style]);
}

double
hl_hairline_style_get_default_height (HlHairlineStyle style)
{
  g_return_val_if_fail (style < HL_N_HAIRLINE_STYLES, HL_MFP_DEFAULT_MM);
  return style == HL_HAIRLINE_STYLE_MATURE ? HL_MFP_DEFAULT_MM + HL_TEMPLATE_MATURE_RAISE_MM
                                           : HL_MFP_DEFAULT_MM;
}

gboolean
hl_hairline_template_check (const HlView  *view,
                            GError       **error)
{
  const char *missing[3];
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;
  guint n_missing = 0;
  gboolean calibrated;

  g_return_val_if_fail (view != NULL, FALSE);

  if (!view->landmarks[HL_LANDMARK_GLABELLA].set)
    missing[n_missing++] = _("the glabella");
  if (!view->landmarks[HL_LANDMARK_LEFT_FRONTOTEMPORAL].set)
    missing[n_missing++] = _("the left frontotemporal point");
  if (!view->landmarks[HL_LANDMARK_RIGHT_FRONTOTEMPORAL].set)
    missing[n_missing++] = _("the right frontotemporal point");
  hl_view_get_mm_per_px (view, &calibrated);

  if (n_missing == 0 && calibrated)
    return TRUE;

  if (n_missing == 1)
    list = g_strdup (missing[0]);
  else if (n_missing == 2)
    /* Translators: a list of two landmarks to place. */
    list = g_strdup_printf (_("%s and %s"), missing[0], missing[1]);
  else if (n_missing == 3)
    /* Translators: a list of three landmarks to place. */
    list = g_strdup_printf (_("%s, %s and %s"), missing[0], missing[1], missing[2]);

  if (list != NULL && !calibrated)
    /* Translators: %s lists the landmarks to place, e.g. "the glabella and
     * the left frontotemporal point". */
    message = g_strdup_printf (_("Place %s, and calibrate the view to propose a hairline"), list);
  else if (list != NULL)
    message = g_strdup_printf (_("Place %s to propose a hairline"), list);
  else
    message = g_strdup (_("Calibrate the view to propose a hairline"));

  g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID, message);
  return FALSE;
}

/* The profile of half a line; returns the number of points (t ascending,
 * the first at t = 0). @side is ±1 and flips the irregularities. */
static guint
style_profile (HlHairlineStyle  style,
               double           side,
               ProfilePoint    *out)
{
  guint n = 0;

  switch (style)
    {
    case HL_HAIRLINE_STYLE_NATURAL:
      {
        /* Rounded, with a gentle wave of about a millimetre. */
        static const double wave[] = { 0.0, 0.0, 0.7, -0.6, 0.5, 0.0 };

        for (guint i = 0; i < G_N_ELEMENTS (wave); i++)
          {
            double t = i / 5.0;

            out[n++] = (ProfilePoint) { t, pow (t, 1.8), side * wave[i], FALSE };
          }
      }
      break;

    case HL_HAIRLINE_STYLE_SOFT:
      /* Broken: every other point set back about 2 mm, alternating
       * differently on the two sides; never in front of the centre. */
      for (guint i = 0; i <= 10; i++)
        {
          double t = i / 10.0;
          gboolean back = (i % 2 == 1) == (side > 0.0);
          double step = (i == 0 || i == 10) ? 0.0 : (back ? 2.2 : 0.4);

          out[n++] = (ProfilePoint) { t, pow (t, 1.7), step, FALSE };
        }
      break;

    case HL_HAIRLINE_STYLE_STRAIGHT:
      /* Nearly straight across, a defined corner, then up to the temple. */
      out[n++] = (ProfilePoint) { 0.0, 0.0, 0.0, FALSE };
      out[n++] = (ProfilePoint) { 0.35, 0.03, 0.0, FALSE };
      out[n++] = (ProfilePoint) { 0.68, 0.12, 0.0, TRUE };
      out[n++] = (ProfilePoint) { 1.0, 1.0, 0.0, FALSE };
      break;

    case HL_HAIRLINE_STYLE_WIDOWS_PEAK:
      /* A point at the centre: the line climbs 7 mm within the first
       * eighth, then rounds off toward the temple. */
      out[n++] = (ProfilePoint) { 0.0, 0.0, 0.0, TRUE };
      out[n++] = (ProfilePoint) { 0.12, pow (0.12, 1.8), 7.0, FALSE };
      out[n++] = (ProfilePoint) { 0.3, pow (0.3, 1.8), 7.5, FALSE };
      out[n++] = (ProfilePoint) { 0.55, pow (0.55, 1.8), 5.5, FALSE };
      out[n++] = (ProfilePoint) { 0.8, pow (0.8, 1.8), 2.5, FALSE };
      out[n++] = (ProfilePoint) { 1.0, 1.0, 0.0, FALSE };
      break;

    case HL_HAIRLINE_STYLE_MATURE:
      /* Flat-ish centre, the rise kept for the receded temples. */
      for (guint i = 0; i <= 5; i++)
        {
          double t = i / 5.0;

          out[n++] = (ProfilePoint) { t, pow (t, 2.6), 0.0, FALSE };
        }
      break;

    case HL_N_HAIRLINE_STYLES:
    default:
      g_assert_not_reached ();
    }

  g_assert (n <= MAX_PROFILE);
  return n;
}

HlCurve *
hl_hairline_template_propose (const HlView     *view,
                              HlHairlineStyle   style,
                              double            mfp_mm,
                              GError          **error)
{
  HlPoint g, up, right;
  HlPoint pts[2 * MAX_PROFILE];
  gboolean corners[2 * MAX_PROFILE];
  ProfilePoint profile[MAX_PROFILE];
  double mm_per_px;
  double s_end[2], h_end[2];   /* [0]: the image-left end (s < 0), [1]: the other */
  HlHeadChart chart;
  guint n_profile, n = 0;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (style < HL_N_HAIRLINE_STYLES, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hl_hairline_template_check (view, error))
    return NULL;
  if (!isfinite (mfp_mm) || mfp_mm < HL_TEMPLATE_MIN_MM || mfp_mm > HL_TEMPLATE_MAX_MM)
    {
      g_set_error (error, HL_ERROR, HL_ERROR_ARGUMENT,
                   _("The mid-frontal point must be %.0f–%.0f mm above the glabella"),
                   HL_TEMPLATE_MIN_MM, HL_TEMPLATE_MAX_MM);
      return NULL;
    }

  mm_per_px = hl_view_get_mm_per_px (view, NULL);
  hl_measure_midline (view, &g, &up);
  /* Image-right when up is image-up. */
  right = (HlPoint) { -up.y, up.x };
  /* The line is laid out in the photo's plane; on a view with a head
   * model the mid-frontal point goes where it lies @mfp_mm above the
   * glabella along the forehead's curve, which the image shows shorter. */
  {
    HlPoint mfp;

    hl_measure_midline_point (view, mfp_mm, &mfp);
    mfp_mm = ((mfp.x - g.x) * up.x + (mfp.y - g.y) * up.y) * mm_per_px;
  }

  {
    HlPoint a = view->landmarks[HL_LANDMARK_LEFT_FRONTOTEMPORAL].p;
    HlPoint b = view->landmarks[HL_LANDMARK_RIGHT_FRONTOTEMPORAL].p;
    double sa = ((a.x - g.x) * right.x + (a.y - g.y) * right.y) * mm_per_px;
    double sb = ((b.x - g.x) * right.x + (b.y - g.y) * right.y) * mm_per_px;
    double ha = ((a.x - g.x) * up.x + (a.y - g.y) * up.y) * mm_per_px;
    double hb = ((b.x - g.x) * up.x + (b.y - g.y) * up.y) * mm_per_px;

    if (sa > sb)
      {
        double tmp;

        tmp = sa, sa = sb, sb = tmp;
        tmp = ha, ha = hb, hb = tmp;
      }
    if (!(sa < -1.0 && sb > 1.0))
      {
        g_set_error_literal (error, HL_ERROR, HL_ERROR_INVALID,
                             _("The frontotemporal points must lie on both sides of the midline "
                             "through the glabella"));
        return NULL;
      }
    s_end[0] = sa, s_end[1] = sb;
    h_end[0] = ha, h_end[1] = hb;
  }

  for (guint k = 0; k < 2; k++)
    {
      h_end[k] = MAX (h_end[k], mfp_mm + HL_TEMPLATE_MIN_RISE_MM);
      if (style == HL_HAIRLINE_STYLE_MATURE)
        {
          /* Receded temples: the corners sit higher and nearer the
           * midline. */
          h_end[k] += 8.0;
          s_end[k] *= 0.85;
        }
    }

  /* On a head chart the drawing is known: the ends are kept 3 mm inside
   * the drawn head, moving toward the midline. */
  if (view->photo.chart != NULL && hl_head_chart_from_string (view->photo.chart, &chart))
    for (guint k = 0; k < 2; k++)
      for (guint step = 0; step < 40; step++)
        {
          double s3 = s_end[k] + (s_end[k] < 0 ? -3.0 : 3.0);
          HlPoint p = {
            g.x + (s3 * right.x + h_end[k] * up.x) / mm_per_px,
            g.y + (s3 * right.y + h_end[k] * up.y) / mm_per_px,
          };

          if (hl_head_chart_contains (chart, p))
            break;
          s_end[k] *= 0.97;
        }

  /* The image-left half from its end in to the centre, then the other
   * half out; the centre (t = 0) once. */
  for (guint k = 0; k < 2; k++)
    {
      double side = k == 0 ? -1.0 : 1.0;
      double rise = h_end[k] - mfp_mm;

      n_profile = style_profile (style, side, profile);
      for (guint j = 0; j < n_profile; j++)
        {
          guint i = k == 0 ? n_profile - 1 - j : j;
          const ProfilePoint *pp = &profile[i];
          double s, h;

          if (k == 1 && i == 0)
            continue;
          s = s_end[k] * pp->t;
          h = mfp_mm + rise * pp->rise + pp->extra_mm;
          pts[n] = (HlPoint) {
            g.x + (s * right.x + h * up.x) / mm_per_px,
            g.y + (s * right.y + h * up.y) / mm_per_px,
          };
          corners[n] = pp->corner;
          n++;
        }
    }

  return hl_curve_new_full (pts, corners, n, FALSE);
}
