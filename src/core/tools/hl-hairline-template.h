/* hl-hairline-template.h: a hairline proposed from the face's landmarks.
 *
 * With the glabella, both frontotemporal points and a calibration placed on
 * a view, a template builds an ordinary open HlCurve hairline of a style at
 * a chosen height of the mid-frontal point (DESIGN §2): the mid-frontal
 * point sits on the facial midline (hl_measure_midline) that many mm above
 * the glabella, and the line rises from it toward both frontotemporal
 * points, never a flat "bowl". The proposal is then edited like any drawn
 * hairline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-curve.h"
#include "hl-view.h"

G_BEGIN_DECLS

typedef enum
{
  HL_HAIRLINE_STYLE_NATURAL,      /*< nick=natural >*/      /* gently rounded, slightly irregular */
  HL_HAIRLINE_STYLE_SOFT,         /*< nick=soft >*/         /* broken: small alternating steps along the edge */
  HL_HAIRLINE_STYLE_STRAIGHT,     /*< nick=straight >*/     /* defined: nearly straight front, corners at the temples */
  HL_HAIRLINE_STYLE_WIDOWS_PEAK,  /*< nick=widows-peak >*/  /* a V-shaped point at the centre */
  HL_HAIRLINE_STYLE_MATURE,       /*< nick=mature >*/       /* receded temples, centre 1.5–2 cm higher */
  HL_N_HAIRLINE_STYLES            /*< skip >*/
} HlHairlineStyle;

/* Heights of the mid-frontal point above the glabella a template accepts. */
#define HL_TEMPLATE_MIN_MM 40.0
#define HL_TEMPLATE_MAX_MM 150.0
/* How much higher a mature line's default centre sits than the others'. */
#define HL_TEMPLATE_MATURE_RAISE_MM 17.5
/* The ends of the line rise at least this much above the mid-frontal
 * point, even when the frontotemporal points were placed lower. */
#define HL_TEMPLATE_MIN_RISE_MM 8.0

/* "natural", "soft", "straight", "widows-peak", "mature" (static). */
const char *hl_hairline_style_to_string   (HlHairlineStyle  style);
gboolean    hl_hairline_style_from_string (const char      *text,
                                           HlHairlineStyle *style);
/* What a person reads, in their language: "Natural", "Soft (broken)", ...
 * (static). */
const char *hl_hairline_style_get_title   (HlHairlineStyle  style);
/* The default height of the mid-frontal point above the glabella in mm:
 * HL_MFP_DEFAULT_MM (80), and for a mature line 17.5 mm more. */
double      hl_hairline_style_get_default_height (HlHairlineStyle style);

/* TRUE when @view has what a template needs. Otherwise FALSE with
 * HL_ERROR_INVALID and a message that names exactly what is missing, e.g.
 * "Place the glabella and the left frontotemporal point, and calibrate
 * the view". */
gboolean    hl_hairline_template_check    (const HlView    *view,
                                           GError         **error);

/* A proposed hairline for @view (transfer full): an open curve from one
 * frontotemporal point's side to the other, through the mid-frontal point
 * @mfp_mm above the glabella on the midline, along the forehead's curve
 * on a view with a head model (hl_measure_midline_point(); that control
 * point is on the midline, so hl_measure_hairline_height_mm() of a view
 * with this hairline gives @mfp_mm). Its ends lie at the frontotemporal points' distance from
 * the midline and at their height, raised when needed so the ends sit at
 * least HL_TEMPLATE_MIN_RISE_MM above the centre (a mature line recedes
 * them further); on a head chart's view they are kept on the drawn head,
 * nearer the midline when needed. NULL with @error when hl_hairline_template_check() fails,
 * the frontotemporal points are not on both sides of the midline
 * (HL_ERROR_INVALID), or @mfp_mm is outside [HL_TEMPLATE_MIN_MM,
 * HL_TEMPLATE_MAX_MM] (HL_ERROR_ARGUMENT). */
HlCurve    *hl_hairline_template_propose  (const HlView    *view,
                                           HlHairlineStyle  style,
                                           double           mfp_mm,
                                           GError         **error);

G_END_DECLS
