/* hl-head-pose.h: where a head stands in one view's image.
 *
 * The projection is orthographic (weak perspective): a head seen from a
 * metre or more is about 20 cm deep, so the perspective's scale changes by
 * a few per cent front to back, less than the calibration's uncertainty.
 * A point X of the head (mm, in the head's frame: x toward the client's
 * left, y toward the front, z up, origin at the centre of the cranium)
 * maps to the image as
 *
 *   (u, v, w) = Rroll · F · Rx(pitch) · Rz(yaw) · X
 *   image = (centre_x, centre_y) + scale · (u, v)
 *
 * where F is the front view (u = x: the client's left is image-right,
 * v = −z: up is image-up, w = y: the face looks at the camera) and w
 * points toward the camera. Yaw turns the head about its vertical axis
 * (90: its left side faces the camera), pitch tilts it about the image's
 * horizontal axis, roll turns the image about the viewing axis.
 *
 * Plain values; nothing here allocates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double yaw_deg;     /* [-180, 180] */
  double pitch_deg;   /* [-90, 90] */
  double roll_deg;    /* [-180, 180] */
  double scale;       /* image px per mm, [HL_HEAD_POSE_MIN_SCALE, HL_HEAD_POSE_MAX_SCALE] */
  double centre_x;    /* image px of the head's centre */
  double centre_y;
} HlHeadPose;

/* Plausible ranges: what a file may hold (hl_head_pose_check()). */
#define HL_HEAD_POSE_MIN_SCALE 0.5      /* 2 mm a pixel: a head 76 px wide */
#define HL_HEAD_POSE_MAX_SCALE 200.0    /* 5 µm a pixel */
#define HL_HEAD_POSE_MAX_CENTRE 1.0e6   /* |centre| in px */

/* The rotation's matrix (row major: rows u, v, w of the camera frame in
 * head coordinates). */
void     hl_head_pose_get_matrix (const HlHeadPose *pose,
                                  double            m[3][3]);
/* The direction toward the camera in head coordinates (unit vector). */
void     hl_head_pose_get_view_dir (const HlHeadPose *pose,
                                    double            dir[3]);
/* Head point (mm) → image px; *@depth (may be NULL) is w in mm (larger
 * is nearer the camera). */
HlPoint  hl_head_pose_project   (const HlHeadPose *pose,
                                 const double      x[3],
                                 double           *depth);
/* The image point @p at depth @w (mm along the viewing axis) back in head
 * coordinates. */
void     hl_head_pose_unproject (const HlHeadPose *pose,
                                 HlPoint           p,
                                 double            w,
                                 double            x[3]);
/* FALSE when a value is NaN or outside its range; then *@field (may be
 * NULL) names it ("yaw_deg", ...) and *@lo, *@hi its range. */
gboolean hl_head_pose_check     (const HlHeadPose *pose,
                                 const char      **field,
                                 double           *lo,
                                 double           *hi);

G_END_DECLS
