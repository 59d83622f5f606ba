/* hl-measure.h: what a practitioner measures on a view, in mm and cm.
 *
 * Lengths and areas on the skin through the view's calibration, the facial
 * midline from the landmarks, and the height of the hairline above the
 * glabella (DESIGN §2: the mid-frontal point belongs 7–10 cm above it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-view.h"

G_BEGIN_DECLS

#define HL_MFP_MIN_MM 70.0
#define HL_MFP_MAX_MM 100.0
#define HL_MFP_DEFAULT_MM 80.0

/* mm between two image points through the view's calibration (or the
 * default scale when uncalibrated). */
double   hl_measure_length_mm        (const HlView *view,
                                      HlPoint       a,
                                      HlPoint       b);
/* Area of zone @index on the skin in cm². */
double   hl_measure_zone_area_cm2    (const HlView *view,
                                      guint         index);
/* The facial midline: through the glabella, pointing up the forehead
 * (perpendicular to the pupil line when both pupils are placed, else
 * image-up). FALSE when the glabella is not placed. @up is a unit vector. */
gboolean hl_measure_midline          (const HlView *view,
                                      HlPoint      *glabella,
                                      HlPoint      *up);
/* Height in mm above the glabella, along the midline, of the hairline
 * where it crosses the midline (its highest crossing); @at gets the
 * crossing. FALSE without glabella, calibration or a hairline that
 * crosses the midline. */
gboolean hl_measure_hairline_height_mm (const HlView *view,
                                      double       *mm,
                                      HlPoint      *at);
/* A closed boundary (transfer full, corners at the four ends) that follows
 * the hairline and reaches @depth_mm behind it, away from the face. NULL
 * when the view has no hairline of two points or more. */
HlCurve *hl_measure_band_behind_hairline (const HlView *view,
                                      double        depth_mm);
/* Draws the guides of DESIGN §2 when the glabella and a calibration exist:
 * the band 7–10 cm above the glabella on the midline and the hairline's
 * live height there. @cr in image px, @zoom screen px per image px. */
void     hl_measure_draw_guides      (const HlView *view,
                                      cairo_t      *cr,
                                      double        zoom);

G_END_DECLS
