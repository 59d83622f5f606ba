/* hl-head-chart.h: a shaved head drawn by the project, for planning before
 * photos exist and for teaching.
 *
 * Five charts (front, top, left, right, back) of an average adult head at
 * HL_HEAD_CHART_MM_PER_PX (0.1 mm per pixel, so a 0.25 mm dot is 2.5 px):
 * neutral skin, subtle shading, and hints of the ears, eyes and nose enough
 * to place landmarks. A chart is the "photo" of an ordinary view: a design
 * refers to it by name ({"chart": "front"} instead of a path) and
 * hl_design_load_view_photo() draws it. Drawing is deterministic: the
 * same chart gives the same pixels, bit for bit, on a given Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hl-view.h"

G_BEGIN_DECLS

typedef enum
{
  HL_HEAD_CHART_FRONT,   /*< nick=front >*/
  HL_HEAD_CHART_TOP,     /*< nick=top >*/
  HL_HEAD_CHART_LEFT,    /*< nick=left >*/   /* the client's left side (face toward image-left) */
  HL_HEAD_CHART_RIGHT,   /*< nick=right >*/  /* the client's right side (face toward image-right) */
  HL_HEAD_CHART_BACK,    /*< nick=back >*/
  HL_N_HEAD_CHARTS       /*< skip >*/
} HlHeadChart;

#define HL_HEAD_CHART_MM_PER_PX 0.1
/* Pupils of the front chart lie this far apart (HL_IPD_MM). */
#define HL_HEAD_CHART_IPD_MM HL_IPD_MM

/* "front", "top", "left", "right", "back" (static). */
const char      *hl_head_chart_to_string   (HlHeadChart  chart);
gboolean         hl_head_chart_from_string (const char  *text,
                                            HlHeadChart *chart);
/* "Front", "Top", "Left", "Right", "Back" in the user's language (static). */
const char      *hl_head_chart_get_title   (HlHeadChart  chart);
/* The chart's fixed size in pixels. */
void             hl_head_chart_get_size    (HlHeadChart  chart,
                                            int         *width,
                                            int         *height);
/* Draws the chart on @cr in chart pixels (the caller scales); the cairo
 * state is restored. */
void             hl_head_chart_draw        (HlHeadChart  chart,
                                            cairo_t     *cr);
/* The chart as an opaque CAIRO_FORMAT_RGB24 surface at @scale output px
 * per chart px (1: full size). Transfer full (cairo_surface_destroy). */
cairo_surface_t *hl_head_chart_render      (HlHeadChart  chart,
                                            double       scale);
/* TRUE when @p (chart px) lies on the drawn head (skin and ears; not the
 * neck below the jaw or the background). */
gboolean         hl_head_chart_contains    (HlHeadChart  chart,
                                            HlPoint      p);
/* The chart's scalp outline (borrowed, static; a closed curve in chart
 * px): the skin where hair grows, above the forehead and the ears and
 * down the temples and sideburns (the nape seen from behind), 1 mm inside
 * the drawn silhouette so that no dot reaches the background. A view on
 * the chart without an outline of its own gets this one
 * (hl_view_get_scalp_outline()). */
HlCurve         *hl_head_chart_get_scalp_outline (HlHeadChart chart);
/* Where the chart places @landmark (chart px); FALSE when the chart does
 * not show it (the top and back show no face). */
gboolean         hl_head_chart_get_landmark (HlHeadChart  chart,
                                            HlLandmark   landmark,
                                            HlPoint     *p);
/* Where the default head model (hl_head_model_default()) stands on
 * @chart: the charts are drawn from it, exactly. */
void             hl_head_chart_get_pose    (HlHeadChart  chart,
                                            HlHeadPose  *pose);
/* A new view on @chart (transfer full), named @name (NULL: the chart's
 * name): its photo is the chart at its size, calibrated at
 * HL_HEAD_CHART_MM_PER_PX (manual, exact), with the chart's landmarks
 * placed and the default head model at the chart's pose. */
HlView          *hl_head_chart_new_view    (HlHeadChart  chart,
                                            const char  *name);

G_END_DECLS
