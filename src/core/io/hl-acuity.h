/* hl-acuity.h: what a person with normal sight sees from a distance.
 *
 * The model. Normal visual acuity ("20/20", Snellen 6/6) is the ability
 * to resolve a detail that subtends one minute of arc at the eye: a
 * 20/20 letter subtends 5′ and each of its strokes and gaps 1′ (the
 * Snellen chart's definition; e.g. J. Nofziger, University of Arizona
 * College of Optical Sciences, "Visual Acuity",
 * http://www.optics.arizona.edu/Nofziger/UNVR195a/Class3/C3P10.htm). The
 * smallest detail resolved at distance d is therefore
 *
 *   s = d · tan(1′)  ≈ 0.29 mm at 1 m, 0.087 mm at 30 cm, 0.87 mm at 3 m.
 *
 * What the eye does not resolve it sees blurred. We model that blur as a
 * Gaussian whose full width at half maximum is s: two dots s apart, each
 * blurred so, still show a dip between them (the Sparrow limit of two
 * Gaussians is at ≈ 0.85 FWHM), two closer ones merge. Hence
 *
 *   σ = s / (2 √(2 ln 2)) ≈ s / 2.355  (≈ 0.124 mm at 1 m).
 *
 * The photo's own blur and the screen's are not taken off: the model adds
 * the eye's. It ignores contrast sensitivity (a faint dot larger than s
 * can still be missed), lighting and the scalp's curvature.
 *
 * The blur (hl_acuity_blur_surface) approximates that Gaussian by three
 * passes of an extended box filter per direction (Gwosdek, Grewenig,
 * Bruhn, Weickert, "Theoretical foundations of Gaussian convolution by
 * extended box filtering", SSVM 2011): each box has a fractional weight
 * at its ends so that the three variances add up to σ² exactly, for any
 * σ, in O(pixels) whatever σ. It blurs light, not code values: pixels
 * are decoded from sRGB to linear light, blurred and encoded again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One minute of arc, in radians. */
#define HL_ACUITY_ANGLE (G_PI / (180.0 * 60.0))

/* FWHM of a Gaussian over its σ: 2 √(2 ln 2). */
#define HL_ACUITY_FWHM_PER_SIGMA 2.3548200450309493

/* The smallest detail (mm) a person with normal acuity resolves at
 * @distance_mm: d · tan(1′). */
double hl_acuity_detail_mm (double distance_mm);

/* σ (mm on the scalp) of the Gaussian whose FWHM is that detail. */
double hl_acuity_sigma_mm  (double distance_mm);

/* The same σ in output px: the image is @mm_per_px mm per image px (the
 * view's calibration) and shown at @zoom output px per image px. */
double hl_acuity_sigma_px  (double distance_mm,
                            double mm_per_px,
                            double zoom);

/* Blurs @surface (an ARGB32 or RGB24 image surface) in place with a
 * Gaussian of standard deviation @sigma px, in linear light; edges extend
 * their last pixel. Total light is kept (away from the edges). A σ under
 * 0.05 px does nothing. Memory: one line of floats per direction. */
void   hl_acuity_blur_surface (cairo_surface_t *surface,
                               double           sigma);

G_END_DECLS
