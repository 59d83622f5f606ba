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

#include "hl-units.h"
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
/* mm between image points @a and @b on the skin, as a tape laid on it
 * measures: along the scalp of the view's head model when it has one
 * (HlView.has_head) and both points are on it (*@on_scalp, may be NULL,
 * TRUE), else straight in the photo's plane through the calibration. */
double   hl_measure_skin_length_mm   (const HlView *view,
                                      HlPoint       a,
                                      HlPoint       b,
                                      gboolean     *on_scalp);
/* *@p: the point of the facial midline @mm above the glabella, measured
 * as hl_measure_skin_length_mm() measures (along the forehead's curve on
 * a view with a head model, where the image shows less than @mm; in the
 * photo's plane otherwise or where the model's scalp ends first). FALSE
 * without a midline (hl_measure_midline()). */
gboolean hl_measure_midline_point    (const HlView *view,
                                      double        mm,
                                      HlPoint      *p);
/* Height in mm above the glabella of the hairline where it crosses the
 * midline (its highest crossing), measured as hl_measure_skin_length_mm()
 * measures: on a view with a head model, along the forehead's curve, as
 * the 7–10 cm rule is taken with a tape on the skin (Garg and Garg, "Decoding
 * Facial Esthetics to Recreate an Esthetic Hairline: A Method Which Includes
 * Forehead Curvature", J Cutan Aesthet Surg, jcasonline.com: the mid-frontal
 * point "8 cm from point A [the glabella] on the forehead", with a flexible
 * measuring tape). @at gets the
 * crossing. FALSE without glabella, calibration or a hairline that
 * crosses the midline. */
gboolean hl_measure_hairline_height_mm (const HlView *view,
                                      double       *mm,
                                      HlPoint      *at);
/* A closed boundary (transfer full, corners at the four ends) that follows
 * the hairline and reaches @depth_mm behind it, away from the face. Its
 * front edge is the hairline itself; its back edge goes through each
 * control point moved @depth_mm along the curve's normal blended half-way
 * with the midline's up direction (image-up without a glabella), so the
 * band reaches back over the scalp rather than fanning out at the temples;
 * where that would still fold the band over itself it leans further
 * toward up. Its area is about the hairline's length × @depth_mm. With a
 * head model (HlView.has_head) @depth_mm is measured along the scalp and
 * the back edge stops at the head's silhouette. NULL
 * when the view has no hairline of two points or more, or @depth_mm is not
 * a finite number > 0. */
HlCurve *hl_measure_band_behind_hairline (const HlView *view,
                                      double        depth_mm);
/* Draws @text as labels on the photo are drawn (Pango, hl-label.h): @size
 * screen px times the desktop's text scale (hl_label_get_ui_scale()), bold,
 * white on its own dark rounded chip (legible on any photo, in light and
 * dark style alike), on a baseline that starts at @at (image px) with
 * @xalign 0 or ends there with @xalign 1, on screen, reading the right way
 * round under a transform that flips x. @zoom: screen px per image px. */
void     hl_measure_draw_chip_label  (cairo_t      *cr,
                                      double        zoom,
                                      HlPoint       at,
                                      double        xalign,
                                      double        size,
                                      const char   *text);
/* hl_measure_draw_chip_label() at 12 screen px: how measures are
 * labelled on screen. */
void     hl_measure_draw_label       (cairo_t      *cr,
                                      double        zoom,
                                      HlPoint       at,
                                      double        xalign,
                                      const char   *text);
/* Draws the guides of DESIGN §2 when the glabella and a calibration exist:
 * the band 7–10 cm above the glabella across the midline (shaded), the
 * midline dashed with the 8 cm default marked, and a ring where the
 * hairline crosses the midline with its height as a label on its left
 * ("8.1 cm"), green inside 7–10 cm, orange outside. @cr in image px,
 * @zoom screen px per image px; the height in @unit; the cairo state is
 * restored. */
void     hl_measure_draw_guides      (const HlView *view,
                                      cairo_t      *cr,
                                      double        zoom,
                                      HlUnit        unit);
/* The hairline's height @mm as its label says it: "8.1 cm" in
 * millimetres' unit, "3.19 in" in inches (transfer full). */
char    *hl_measure_format_height    (double        mm,
                                      HlUnit        unit);

G_END_DECLS
