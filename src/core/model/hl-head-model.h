/* hl-head-model.h: the client's head as a smooth surface, to measure on
 * the scalp rather than in the photo's plane.
 *
 * The cranium is an ellipsoid centred on the head's origin (see
 * hl-head-pose.h for the frame) with semi-axes breadth/2 (side to side),
 * length/2 (front to back) and the vertex's height above the centre; the
 * glabella lies on the front of the surface HL_HEAD_GLABELLA_FRACTION of
 * the glabella-to-vertex height below the centre. An ellipsoid is exact
 * for the head charts (drawn from it) and within a few millimetres of a
 * real cranium above the ears, where the scalp is; its rays, normals and
 * silhouette have closed forms.
 *
 * The default sizes are those of the head charts, an average adult head:
 * breadth 152 mm and length 200 mm lie between the British men's and
 * women's medians (men 155 and 195 mm, women 145 and 180 mm: Chan,
 * "Online anthropometry", City University of Hong Kong, after Pheasant's
 * Bodyspace; http://personal.cityu.edu.hk/meachan/online%20anthropometry/Chapter2/Ch2-27.htm
 * and .../Ch2-26.htm); the glabella-to-vertex height 125 mm puts the
 * mid-frontal point 80 mm above the glabella (Garg's landmark method, see
 * the README) 45 mm below the vertex in a front view, as the issue's
 * 35–45 mm describes.
 *
 * Plain values and pure functions; nothing here allocates unless it says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-geometry.h"
#include "hl-head-pose.h"

G_BEGIN_DECLS

typedef struct
{
  double breadth_mm;   /* euryon to euryon */
  double length_mm;    /* glabella to opisthocranion */
  double height_mm;    /* glabella to vertex, along the head's vertical */
} HlHeadModel;

#define HL_HEAD_DEFAULT_BREADTH_MM 152.0
#define HL_HEAD_DEFAULT_LENGTH_MM  200.0
#define HL_HEAD_DEFAULT_HEIGHT_MM  125.0
/* The glabella's depth below the centre, a fraction of height_mm (20 mm
 * of 125 on the charts). */
#define HL_HEAD_GLABELLA_FRACTION  0.16

/* Plausible adult ranges a file may hold: the British 5th–95th
 * percentiles (breadth 135–165 mm, length 165–205 mm; Chan, above)
 * widened by about four standard deviations. */
#define HL_HEAD_MIN_BREADTH_MM 110.0
#define HL_HEAD_MAX_BREADTH_MM 200.0
#define HL_HEAD_MIN_LENGTH_MM  140.0
#define HL_HEAD_MAX_LENGTH_MM  240.0
#define HL_HEAD_MIN_HEIGHT_MM   90.0
#define HL_HEAD_MAX_HEIGHT_MM  170.0

/* The largest scalp-to-image area ratio the engine honours: where the
 * scalp turns more than 70.5° away from the camera (1/cos > 3), the view
 * sees it too obliquely to place dots by; the view that faces it does. */
#define HL_HEAD_MAX_AREA_RATIO 3.0

/* The default, average adult head. */
HlHeadModel hl_head_model_default        (void);
/* FALSE when a size is NaN or out of its range; then *@field (may be NULL)
 * names it ("breadth_mm", ...) and *@lo, *@hi give the range. */
gboolean hl_head_model_check             (const HlHeadModel *model,
                                          const char       **field,
                                          double            *lo,
                                          double            *hi);
/* The ellipsoid's semi-axes (mm): x (side), y (front), z (up). */
void     hl_head_model_get_semi_axes     (const HlHeadModel *model,
                                          double             abc[3]);
/* The glabella on the surface (mm, head frame). */
void     hl_head_model_get_glabella      (const HlHeadModel *model,
                                          double             x[3]);
/* The outward unit normal at surface point @x. */
void     hl_head_model_get_normal        (const HlHeadModel *model,
                                          const double       x[3],
                                          double             n[3]);
/* The point of the surface nearest @x along the ray from the centre. */
void     hl_head_model_to_surface        (const HlHeadModel *model,
                                          const double       x[3],
                                          double             out[3]);
/* Image point @p → the surface point the camera sees there (the side
 * facing it). FALSE when the ray misses the head. */
gboolean hl_head_model_image_to_scalp    (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          HlPoint            p,
                                          double             x[3]);
/* As hl_head_model_image_to_scalp() with the pose's matrix
 * (hl_head_pose_get_matrix()) made once by the caller: the same points,
 * for loops over many. */
gboolean hl_head_model_image_to_scalp_fast (const HlHeadModel *model,
                                            const HlHeadPose  *pose,
                                            const double       m[3][3],
                                            HlPoint            p,
                                            double             x[3]);
/* Surface point @x → image point *@p (always set); TRUE when the camera
 * sees it (its normal faces the camera and nothing of the head is in
 * front of it: on a convex surface the same). */
gboolean hl_head_model_scalp_to_image    (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          const double       x[3],
                                          HlPoint           *p);
/* Scalp area per image area at @p, both in mm² (the image at the pose's
 * scale): 1 / |cos| of the angle between the surface's normal and the
 * viewing direction, capped at HL_HEAD_MAX_AREA_RATIO near the
 * silhouette. 0 where the ray misses the head. */
double   hl_head_model_area_ratio        (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          HlPoint            p);
/* As hl_head_model_area_ratio() with the pose's matrix
 * (hl_head_pose_get_matrix()) made once by the caller: the same numbers,
 * for loops over many points. */
double   hl_head_model_area_ratio_fast   (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          const double       m[3][3],
                                          HlPoint            p);
/* Length (mm) along the surface between surface points @a and @b: the
 * curve that is a great circle on the ellipsoid's unit-sphere
 * parametrization, measured in 64 chords (exact on a sphere; within 1 %
 * of the geodesic for the charts' proportions over scalp distances). */
double   hl_head_model_surface_distance  (const HlHeadModel *model,
                                          const double       a[3],
                                          const double       b[3]);
/* The same between image points (FALSE when either misses the head). */
gboolean hl_head_model_image_distance    (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          HlPoint            a,
                                          HlPoint            b,
                                          double            *mm);
/* The head's silhouette in the image: @n points (≥ 8) of the ellipse the
 * outline of the ellipsoid projects to, turning clockwise on screen,
 * starting at its topmost point, pulled @inset_mm (of the head) toward the
 * centre. Transfer full: a GArray of HlPoint. */
GArray  *hl_head_model_silhouette        (const HlHeadModel *model,
                                          const HlHeadPose  *pose,
                                          guint              n,
                                          double             inset_mm);

G_END_DECLS
