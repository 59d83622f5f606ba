/* hl-head-chart.c
 *
 * Every shape is laid out in millimetres of an average adult head, the
 * default head model (hl-head-model.h: breadth 152 mm, length 200 mm,
 * glabella to vertex 125 mm; pupils 63 mm apart, iris 11.7 mm), and drawn
 * through a 10 × scale, so the chart's pixels are 0.1 mm. The cranium of
 * every chart is the model's silhouette at the chart's pose
 * (hl_head_chart_get_pose()), so the five charts show one head. The silhouette paths serve both the drawing and
 * hl_head_chart_contains(), so "on the head" means what is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-enums.h"
#include "hl-head-chart.h"

#define PX_PER_MM (1.0 / HL_HEAD_CHART_MM_PER_PX)

static const char * const chart_titles[HL_N_HEAD_CHARTS] = {
  NC_("head chart", "Front"), NC_("head chart", "Top"), NC_("head chart", "Left"),
  NC_("head chart", "Right"), NC_("head chart", "Back"),
};

/* Sizes in mm. */
static const int chart_mm[HL_N_HEAD_CHARTS][2] = {
  { 240, 300 }, { 240, 280 }, { 260, 300 }, { 260, 300 }, { 240, 300 },
};

/* Where the head's centre stands on each chart (mm) and how it is turned
 * (yaw, pitch): front, top (seen from above, the face at image-top),
 * left (face toward image-left), right, back. */
static const double chart_pose[HL_N_HEAD_CHARTS][4] = {
  { 120.0, 125.0, 0.0, 0.0 },
  { 120.0, 145.0, 180.0, -90.0 },
  { 135.0, 125.0, 90.0, 0.0 },
  { 125.0, 125.0, -90.0, 0.0 },
  { 120.0, 125.0, 180.0, 0.0 },
};

/* The cranium's outline on @chart (mm): the default model's silhouette,
 * an axis-aligned ellipse at the charts' right-angled poses. */
static void
cranium (HlHeadChart  chart,
         double      *cx,
         double      *cy,
         double      *rx,
         double      *ry)
{
  HlHeadModel model = hl_head_model_default ();
  HlHeadPose pose;
  g_autoptr(GArray) rim = NULL;
  double mx = 0.0, my = 0.0;

  hl_head_chart_get_pose (chart, &pose);
  rim = hl_head_model_silhouette (&model, &pose, 64, 0.0);
  for (guint k = 0; k < rim->len; k++)
    {
      HlPoint p = g_array_index (rim, HlPoint, k);

      mx = MAX (mx, fabs (p.x - pose.centre_x));
      my = MAX (my, fabs (p.y - pose.centre_y));
    }
  *cx = chart_pose[chart][0];
  *cy = chart_pose[chart][1];
  /* Rounded to a micrometre: the drawing stays the same bit for bit. */
  *rx = round (mx / PX_PER_MM * 1000.0) / 1000.0;
  *ry = round (my / PX_PER_MM * 1000.0) / 1000.0;
}

/* Front chart landmarks (mm). The client's left is image-right. */
#define FRONT_CX         120.0
#define FRONT_GLABELLA_Y 145.0
#define FRONT_PUPIL_Y    152.0

/* Skin tones: light, shadow, features. */
static const double skin_light[3] = { 0.894, 0.769, 0.678 };
static const double skin_shadow[3] = { 0.769, 0.620, 0.525 };
static const double background[3] = { 0.925, 0.933, 0.945 };

const char *
hl_head_chart_to_string (HlHeadChart chart)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_HEAD_CHART, (int) chart);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

gboolean
hl_head_chart_from_string (const char  *text,
                           HlHeadChart *chart)
{
  int value;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!hl_enum_from_nick (HL_TYPE_HEAD_CHART, text, &value))
    return FALSE;
  if (chart != NULL)
    *chart = (HlHeadChart) value;
  return TRUE;
}

const char *
hl_head_chart_get_title (HlHeadChart chart)
{
  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "head chart", chart_titles[chart]);
}

void
hl_head_chart_get_size (HlHeadChart  chart,
                        int         *width,
                        int         *height)
{
  g_return_if_fail (chart < HL_N_HEAD_CHARTS);

  if (width != NULL)
    *width = (int) (chart_mm[chart][0] * PX_PER_MM);
  if (height != NULL)
    *height = (int) (chart_mm[chart][1] * PX_PER_MM);
}

static void
ellipse (cairo_t *cr,
         double   cx,
         double   cy,
         double   rx,
         double   ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0.0, 0.0, 1.0, 0.0, 2.0 * G_PI);
  cairo_close_path (cr);
  cairo_restore (cr);
}

/* A side profile facing image-left (the left chart; the right chart is its
 * mirror image). */
static void
profile_path (cairo_t *cr)
{
  double cx, cy, rx, ry;

  /* Cranium, wound the same way as the face below (a negative radius
   * turns the arc around) so that the two add up under any fill rule. */
  cranium (HL_HEAD_CHART_LEFT, &cx, &cy, &rx, &ry);
  ellipse (cr, cx, cy, rx, -ry);
  /* Face: forehead, brow, nose, lips, chin, jaw back to the cranium. */
  cairo_new_sub_path (cr);
  cairo_move_to (cr, 60.0, 60.0);
  cairo_curve_to (cr, 44.0, 85.0, 38.0, 115.0, 40.0, 140.0);
  cairo_curve_to (cr, 41.0, 146.0, 46.0, 150.0, 45.0, 156.0);
  cairo_line_to (cr, 26.0, 190.0);
  cairo_curve_to (cr, 24.0, 196.0, 32.0, 198.0, 40.0, 198.0);
  cairo_curve_to (cr, 38.0, 206.0, 36.0, 212.0, 40.0, 216.0);
  cairo_curve_to (cr, 36.0, 222.0, 38.0, 228.0, 42.0, 230.0);
  cairo_curve_to (cr, 40.0, 240.0, 44.0, 254.0, 56.0, 256.0);
  cairo_curve_to (cr, 80.0, 258.0, 105.0, 245.0, 125.0, 222.0);
  cairo_line_to (cr, 160.0, 200.0);
  cairo_line_to (cr, 120.0, 90.0);
  cairo_close_path (cr);
}

/* The skin of the head, ears excluded (mm). */
static void
head_path (HlHeadChart  chart,
           cairo_t     *cr)
{
  switch (chart)
    {
    case HL_HEAD_CHART_FRONT:
      {
        /* Cranium ellipse over the top, jaw down to the chin. */
        double cx, cy, rx, ry, y0 = 160.0, a0;

        cranium (chart, &cx, &cy, &rx, &ry);
        a0 = asin ((y0 - cy) / ry);

        cairo_new_sub_path (cr);
        cairo_save (cr);
        cairo_translate (cr, cx, cy);
        cairo_scale (cr, rx, ry);
        cairo_arc (cr, 0.0, 0.0, 1.0, G_PI - a0, 2.0 * G_PI + a0);
        cairo_restore (cr);
        cairo_curve_to (cr, 193.0, 195.0, 184.0, 222.0, 168.0, 240.0);
        cairo_curve_to (cr, 152.0, 258.0, 136.0, 266.0, 120.0, 266.0);
        cairo_curve_to (cr, 104.0, 266.0, 88.0, 258.0, 72.0, 240.0);
        cairo_curve_to (cr, 56.0, 222.0, 47.0, 195.0, cx - rx * cos (a0), y0);
        cairo_close_path (cr);
      }
      break;

    case HL_HEAD_CHART_TOP:
      {
        double cx, cy, rx, ry;

        cranium (chart, &cx, &cy, &rx, &ry);
        ellipse (cr, cx, cy, rx, ry);
      }
      /* The nose's tip ahead of the forehead. */
      cairo_new_sub_path (cr);
      cairo_move_to (cr, 108.0, 50.0);
      cairo_curve_to (cr, 112.0, 36.0, 128.0, 36.0, 132.0, 50.0);
      cairo_close_path (cr);
      break;

    case HL_HEAD_CHART_LEFT:
      profile_path (cr);
      break;

    case HL_HEAD_CHART_RIGHT:
      cairo_save (cr);
      cairo_translate (cr, chart_mm[chart][0], 0.0);
      cairo_scale (cr, -1.0, 1.0);
      profile_path (cr);
      cairo_restore (cr);
      break;

    case HL_HEAD_CHART_BACK:
      {
        double cx, cy, rx, ry, y0 = 160.0, a0;

        cranium (chart, &cx, &cy, &rx, &ry);
        a0 = asin ((y0 - cy) / ry);
        cairo_new_sub_path (cr);
        cairo_save (cr);
        cairo_translate (cr, cx, cy);
        cairo_scale (cr, rx, ry);
        cairo_arc (cr, 0.0, 0.0, 1.0, G_PI - a0, 2.0 * G_PI + a0);
        cairo_restore (cr);
        /* Down to the nape. */
        cairo_curve_to (cr, 194.0, 200.0, 182.0, 228.0, 160.0, 242.0);
        cairo_line_to (cr, 80.0, 242.0);
        cairo_curve_to (cr, 58.0, 228.0, 46.0, 200.0, cx - rx * cos (a0), y0);
        cairo_close_path (cr);
      }
      break;

    case HL_N_HEAD_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
ears_path (HlHeadChart  chart,
           cairo_t     *cr)
{
  switch (chart)
    {
    case HL_HEAD_CHART_FRONT:
    case HL_HEAD_CHART_BACK:
      ellipse (cr, 46.0, 172.0, 9.0, 27.0);
      ellipse (cr, 194.0, 172.0, 9.0, 27.0);
      break;
    case HL_HEAD_CHART_TOP:
      ellipse (cr, 43.0, 152.0, 6.0, 24.0);
      ellipse (cr, 197.0, 152.0, 6.0, 24.0);
      break;
    case HL_HEAD_CHART_LEFT:
      ellipse (cr, 140.0, 168.0, 15.0, 30.0);
      break;
    case HL_HEAD_CHART_RIGHT:
      ellipse (cr, chart_mm[chart][0] - 140.0, 168.0, 15.0, 30.0);
      break;
    case HL_N_HEAD_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
neck_path (HlHeadChart  chart,
           cairo_t     *cr)
{
  double w = chart_mm[chart][0], h = chart_mm[chart][1];

  switch (chart)
    {
    case HL_HEAD_CHART_FRONT:
    case HL_HEAD_CHART_BACK:
      cairo_rectangle (cr, 84.0, 200.0, 72.0, h - 200.0);
      break;
    case HL_HEAD_CHART_LEFT:
      cairo_move_to (cr, 92.0, 230.0);
      cairo_line_to (cr, 175.0, 205.0);
      cairo_line_to (cr, 190.0, h);
      cairo_line_to (cr, 100.0, h);
      cairo_close_path (cr);
      break;
    case HL_HEAD_CHART_RIGHT:
      cairo_move_to (cr, w - 92.0, 230.0);
      cairo_line_to (cr, w - 175.0, 205.0);
      cairo_line_to (cr, w - 190.0, h);
      cairo_line_to (cr, w - 100.0, h);
      cairo_close_path (cr);
      break;
    case HL_HEAD_CHART_TOP:
      break;
    case HL_N_HEAD_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

static void
draw_ears (HlHeadChart  chart,
           cairo_t     *cr)
{
  ears_path (chart, cr);
  cairo_set_source_rgb (cr, (skin_light[0] + skin_shadow[0]) / 2, (skin_light[1] + skin_shadow[1]) / 2,
                        (skin_light[2] + skin_shadow[2]) / 2);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.45, 0.32, 0.25, 0.35);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

static void
set_rgb (cairo_t      *cr,
         const double *c,
         double        alpha)
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], alpha);
}

/* Soft shading: light from the upper left, darker toward the edges. */
static void
fill_skin (cairo_t *cr,
           double   cx,
           double   cy,
           double   r)
{
  cairo_pattern_t *pattern = cairo_pattern_create_radial (cx - 0.2 * r, cy - 0.25 * r, 0.05 * r,
                                                          cx, cy, 1.1 * r);

  cairo_pattern_add_color_stop_rgb (pattern, 0.0, skin_light[0] + 0.03, skin_light[1] + 0.03,
                                    skin_light[2] + 0.03);
  cairo_pattern_add_color_stop_rgb (pattern, 0.6, skin_light[0], skin_light[1], skin_light[2]);
  cairo_pattern_add_color_stop_rgb (pattern, 1.0, skin_shadow[0], skin_shadow[1], skin_shadow[2]);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

static void
feature_stroke (cairo_t *cr,
                double   width,
                double   alpha)
{
  cairo_set_source_rgba (cr, 0.38, 0.25, 0.19, alpha);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_eye (cairo_t *cr,
          double   px,
          double   py,
          double   outward)
{
  /* Almond from the inner to the outer canthus, iris 11.7 mm, pupil. */
  double inner = px - outward * 13.0, outer = px + outward * 15.0;

  cairo_move_to (cr, inner, py + 0.5);
  cairo_curve_to (cr, inner + outward * 8.0, py - 7.0, outer - outward * 8.0, py - 7.0, outer, py - 0.5);
  cairo_curve_to (cr, outer - outward * 9.0, py + 5.5, inner + outward * 9.0, py + 5.5, inner, py + 0.5);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.97, 0.96, 0.94);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_new_path (cr);
  cairo_arc (cr, px, py, HL_IRIS_MM / 2.0, 0.0, 2.0 * G_PI);
  cairo_set_source_rgb (cr, 0.42, 0.33, 0.26);
  cairo_fill (cr);
  cairo_arc (cr, px, py, 2.0, 0.0, 2.0 * G_PI);
  cairo_set_source_rgb (cr, 0.08, 0.06, 0.05);
  cairo_fill (cr);
  cairo_restore (cr);
  feature_stroke (cr, 0.8, 0.7);
  /* Brow ridge. */
  cairo_move_to (cr, inner - outward * 2.0, py - 11.0);
  cairo_curve_to (cr, inner + outward * 8.0, py - 16.0, outer - outward * 4.0, py - 16.0,
                  outer + outward * 4.0, py - 10.0);
  feature_stroke (cr, 1.2, 0.25);
}

static void
draw_features (HlHeadChart  chart,
               cairo_t     *cr)
{
  double w = chart_mm[chart][0];

  switch (chart)
    {
    case HL_HEAD_CHART_FRONT:
      draw_eye (cr, FRONT_CX - HL_IPD_MM / 2.0, FRONT_PUPIL_Y, -1.0);
      draw_eye (cr, FRONT_CX + HL_IPD_MM / 2.0, FRONT_PUPIL_Y, 1.0);
      /* Nose: the bridge's sides, the tip and the nostrils. */
      cairo_move_to (cr, FRONT_CX - 7.0, 158.0);
      cairo_curve_to (cr, FRONT_CX - 8.0, 175.0, FRONT_CX - 10.0, 185.0, FRONT_CX - 14.0, 196.0);
      cairo_move_to (cr, FRONT_CX + 7.0, 158.0);
      cairo_curve_to (cr, FRONT_CX + 8.0, 175.0, FRONT_CX + 10.0, 185.0, FRONT_CX + 14.0, 196.0);
      feature_stroke (cr, 1.0, 0.22);
      cairo_move_to (cr, FRONT_CX - 14.0, 197.0);
      cairo_curve_to (cr, FRONT_CX - 8.0, 204.0, FRONT_CX + 8.0, 204.0, FRONT_CX + 14.0, 197.0);
      feature_stroke (cr, 1.2, 0.45);
      /* Mouth. */
      cairo_move_to (cr, FRONT_CX - 22.0, 224.0);
      cairo_curve_to (cr, FRONT_CX - 8.0, 228.0, FRONT_CX + 8.0, 228.0, FRONT_CX + 22.0, 224.0);
      feature_stroke (cr, 1.4, 0.4);
      /* Ears' folds. */
      ellipse (cr, 46.0, 172.0, 5.0, 19.0);
      ellipse (cr, 194.0, 172.0, 5.0, 19.0);
      feature_stroke (cr, 0.8, 0.3);
      break;

    case HL_HEAD_CHART_TOP:
      /* The midline from forehead to crown, faint, for orientation. */
      cairo_move_to (cr, 120.0, 48.0);
      cairo_line_to (cr, 120.0, 242.0);
      cairo_set_dash (cr, (double[]) { 4.0, 4.0 }, 2, 0.0);
      feature_stroke (cr, 0.6, 0.15);
      cairo_set_dash (cr, NULL, 0, 0.0);
      /* The crown's whorl. */
      cairo_arc (cr, 128.0, 200.0, 4.0, 0.0, 1.6 * G_PI);
      feature_stroke (cr, 0.8, 0.2);
      break;

    case HL_HEAD_CHART_LEFT:
    case HL_HEAD_CHART_RIGHT:
      cairo_save (cr);
      if (chart == HL_HEAD_CHART_RIGHT)
        {
          cairo_translate (cr, w, 0.0);
          cairo_scale (cr, -1.0, 1.0);
        }
      /* Eye, nostril, mouth corner, ear fold. */
      cairo_move_to (cr, 46.0, 152.0);
      cairo_curve_to (cr, 50.0, 148.0, 56.0, 148.0, 60.0, 152.0);
      cairo_curve_to (cr, 56.0, 155.0, 50.0, 155.0, 46.0, 152.0);
      feature_stroke (cr, 0.9, 0.6);
      cairo_move_to (cr, 34.0, 193.0);
      cairo_curve_to (cr, 38.0, 190.0, 42.0, 191.0, 43.0, 194.0);
      feature_stroke (cr, 1.0, 0.4);
      cairo_move_to (cr, 40.0, 216.0);
      cairo_line_to (cr, 50.0, 217.0);
      feature_stroke (cr, 1.2, 0.4);
      ellipse (cr, 140.0, 168.0, 9.0, 21.0);
      feature_stroke (cr, 0.9, 0.35);
      cairo_restore (cr);
      break;

    case HL_HEAD_CHART_BACK:
      ellipse (cr, 46.0, 172.0, 5.0, 19.0);
      ellipse (cr, 194.0, 172.0, 5.0, 19.0);
      feature_stroke (cr, 0.8, 0.3);
      /* The occipital crease above the nape. */
      cairo_move_to (cr, 90.0, 215.0);
      cairo_curve_to (cr, 105.0, 220.0, 135.0, 220.0, 150.0, 215.0);
      feature_stroke (cr, 1.0, 0.15);
      break;

    case HL_N_HEAD_CHARTS:
    default:
      g_assert_not_reached ();
    }
}

void
hl_head_chart_draw (HlHeadChart  chart,
                    cairo_t     *cr)
{
  gboolean profile = chart == HL_HEAD_CHART_LEFT || chart == HL_HEAD_CHART_RIGHT;
  double w, h;

  g_return_if_fail (chart < HL_N_HEAD_CHARTS);
  g_return_if_fail (cr != NULL);

  w = chart_mm[chart][0];
  h = chart_mm[chart][1];

  cairo_save (cr);
  cairo_scale (cr, PX_PER_MM, PX_PER_MM);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_GOOD);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);

  set_rgb (cr, background, 1.0);
  cairo_rectangle (cr, 0.0, 0.0, w, h);
  cairo_fill (cr);

  neck_path (chart, cr);
  set_rgb (cr, skin_shadow, 1.0);
  cairo_fill (cr);

  /* Ears behind the head seen from the front or back, on top of it from
   * the side. A profile is two overlapping shapes: only the front and
   * back views get an outline. */
  if (!profile)
    draw_ears (chart, cr);
  head_path (chart, cr);
  fill_skin (cr, w / 2.0, 125.0, 110.0);
  if (!profile)
    {
      head_path (chart, cr);
      cairo_set_source_rgba (cr, 0.45, 0.32, 0.25, 0.35);
      cairo_set_line_width (cr, 0.6);
      cairo_stroke (cr);
    }
  else
    draw_ears (chart, cr);

  draw_features (chart, cr);
  cairo_restore (cr);
}

cairo_surface_t *
hl_head_chart_render (HlHeadChart chart,
                      double      scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, NULL);
  g_return_val_if_fail (isfinite (scale) && scale > 0.0 && scale <= 1.0, NULL);

  hl_head_chart_get_size (chart, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) ceil (w * scale)),
                                        MAX (1, (int) ceil (h * scale)));
  cr = cairo_create (surface);
  /* The last row and column of a scaled chart are partly outside it. */
  set_rgb (cr, background, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  hl_head_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

gboolean
hl_head_chart_contains (HlHeadChart chart,
                        HlPoint     p)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean inside;

  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, FALSE);

  if (!hl_point_is_finite (p))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  head_path (chart, cr);
  ears_path (chart, cr);
  inside = cairo_in_fill (cr, p.x / PX_PER_MM, p.y / PX_PER_MM);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return inside;
}

/* --- scalp outlines ------------------------------------------------------- */

/* The outlines keep this far (mm) inside the silhouette. */
#define SCALP_INSET_MM 1.0

typedef struct
{
  double   x, y;      /* mm */
  gboolean corner;
} OutlinePoint;

static void
outline_add (GArray   *points,
             GArray   *corners,
             double    x,
             double    y,
             gboolean  corner)
{
  HlPoint p = { x * PX_PER_MM, y * PX_PER_MM };

  g_array_append_val (points, p);
  g_array_append_val (corners, corner);
}

/* Points along the ellipse (@cx, @cy, @rx, @ry) from angle @t0 to @t1
 * (image coordinates, y down: increasing angles turn clockwise on screen),
 * the ends as corners. */
static void
outline_arc (GArray *points,
             GArray *corners,
             double  cx,
             double  cy,
             double  rx,
             double  ry,
             double  t0,
             double  t1,
             guint   steps)
{
  for (guint k = 0; k <= steps; k++)
    {
      double t = t0 + (t1 - t0) * k / steps;

      outline_add (points, corners, cx + rx * cos (t), cy + ry * sin (t), k == 0 || k == steps);
    }
}

static void
outline_add_list (GArray             *points,
                  GArray             *corners,
                  const OutlinePoint *list,
                  gsize               n,
                  gboolean            mirror,
                  double              width)
{
  for (gsize i = 0; i < n; i++)
    outline_add (points, corners, mirror ? width - list[i].x : list[i].x, list[i].y, list[i].corner);
}

static HlCurve *
make_scalp_outline (HlHeadChart chart)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (HlPoint));
  g_autoptr(GArray) corners = g_array_new (FALSE, FALSE, sizeof (gboolean));
  double in = SCALP_INSET_MM;

  switch (chart)
    {
    case HL_HEAD_CHART_FRONT:
      {
        /* The cranium from the left sideburn over the top to the right
         * one, then up the right temple, across the forehead 57 mm above
         * the glabella (below any hairline the template proposes), and
         * down the left temple. */
        static const OutlinePoint inner[] = {
          { 181, 163, TRUE }, { 177, 140 }, { 172, 115 }, { 165, 96 }, { 150, 89 },
          { 120, 87 }, { 90, 89 }, { 75, 96 }, { 68, 115 }, { 63, 140 }, { 59, 163, TRUE },
        };
        double cx, cy, rx, ry, ta;

        cranium (chart, &cx, &cy, &rx, &ry);
        rx -= in;
        ry -= in;
        ta = asin (35.0 / ry);
        outline_arc (points, corners, cx, cy, rx, ry, G_PI - ta, 2.0 * G_PI + ta, 40);
        outline_add_list (points, corners, inner, G_N_ELEMENTS (inner), FALSE, 0);
      }
      break;

    case HL_HEAD_CHART_BACK:
      {
        /* The cranium down to the nape, above the neck. */
        static const OutlinePoint nape[] = {
          { 188, 178 }, { 180, 196 }, { 162, 208 }, { 140, 212 }, { 120, 213 },
          { 100, 212 }, { 78, 208 }, { 60, 196 }, { 52, 178 },
        };
        double cx, cy, rx, ry, ta;

        cranium (chart, &cx, &cy, &rx, &ry);
        rx -= in;
        ry -= in;
        ta = asin (35.0 / ry);
        outline_arc (points, corners, cx, cy, rx, ry, G_PI - ta, 2.0 * G_PI + ta, 40);
        outline_add_list (points, corners, nape, G_N_ELEMENTS (nape), FALSE, 0);
      }
      break;

    case HL_HEAD_CHART_TOP:
      {
        /* The cranium behind the forehead (the front 27 mm, toward the
         * nose, is forehead). */
        static const OutlinePoint front[] = { { 90, 69 }, { 120, 68 }, { 150, 69 } };
        double cx, cy, rx, ry, ta;

        cranium (chart, &cx, &cy, &rx, &ry);
        rx -= in;
        ry -= in;
        ta = asin ((cy - 72.0) / ry);
        outline_arc (points, corners, cx, cy, rx, ry, -ta, G_PI + ta, 48);
        outline_add_list (points, corners, front, G_N_ELEMENTS (front), FALSE, 0);
      }
      break;

    case HL_HEAD_CHART_LEFT:
    case HL_HEAD_CHART_RIGHT:
      {
        /* From the front of the forehead's hairline over the cranium to
         * the nape, then around the ear and down the sideburn, up the
         * temple back to the forehead. */
        static const OutlinePoint rest[] = {
          { 197, 196 }, { 180, 203 }, { 166, 197 }, { 158, 178 }, { 157, 156 }, { 150, 138 },
          { 138, 134 }, { 127, 141 }, { 123, 158 }, { 122, 172, TRUE }, { 113, 172, TRUE },
          { 108, 148 }, { 100, 118 }, { 89, 88 }, { 75, 66 },
        };
        gboolean mirror = chart == HL_HEAD_CHART_RIGHT;
        double w = chart_mm[chart][0];
        double cx, cy, rx, ry, t0, t1;

        cranium (HL_HEAD_CHART_LEFT, &cx, &cy, &rx, &ry);
        rx -= in;
        ry -= in;
        t0 = G_PI + asin ((cy - 55.0) / ry);
        t1 = 2.0 * G_PI + asin ((190.0 - cy) / ry);
        for (guint k = 0; k <= 40; k++)
          {
            double t = t0 + (t1 - t0) * k / 40;
            double x = cx + rx * cos (t);

            outline_add (points, corners, mirror ? w - x : x, cy + ry * sin (t), k == 0 || k == 40);
          }
        outline_add_list (points, corners, rest, G_N_ELEMENTS (rest), mirror, w);
      }
      break;

    case HL_N_HEAD_CHARTS:
    default:
      g_assert_not_reached ();
    }

  return hl_curve_new_full ((const HlPoint *) (gconstpointer) points->data,
                            (const gboolean *) (gconstpointer) corners->data, points->len, TRUE);
}

HlCurve *
hl_head_chart_get_scalp_outline (HlHeadChart chart)
{
  static HlCurve *outlines[HL_N_HEAD_CHARTS];
  static GMutex lock;
  HlCurve *outline;

  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, NULL);

  g_mutex_lock (&lock);
  if (outlines[chart] == NULL)
    outlines[chart] = make_scalp_outline (chart);
  outline = outlines[chart];
  g_mutex_unlock (&lock);
  return outline;
}

gboolean
hl_head_chart_get_landmark (HlHeadChart  chart,
                            HlLandmark   landmark,
                            HlPoint     *p)
{
  HlPoint mm;

  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, FALSE);
  g_return_val_if_fail (landmark < HL_N_LANDMARKS, FALSE);

  if (chart != HL_HEAD_CHART_FRONT)
    return FALSE;

  switch (landmark)
    {
    case HL_LANDMARK_GLABELLA:
      mm = (HlPoint) { FRONT_CX, FRONT_GLABELLA_Y };
      break;
    case HL_LANDMARK_NASION:
      mm = (HlPoint) { FRONT_CX, FRONT_PUPIL_Y };
      break;
    case HL_LANDMARK_LEFT_PUPIL:
      mm = (HlPoint) { FRONT_CX + HL_IPD_MM / 2.0, FRONT_PUPIL_Y };
      break;
    case HL_LANDMARK_RIGHT_PUPIL:
      mm = (HlPoint) { FRONT_CX - HL_IPD_MM / 2.0, FRONT_PUPIL_Y };
      break;
    case HL_LANDMARK_LEFT_CANTHUS:
      mm = (HlPoint) { FRONT_CX + HL_IPD_MM / 2.0 + 15.0, FRONT_PUPIL_Y - 0.5 };
      break;
    case HL_LANDMARK_RIGHT_CANTHUS:
      mm = (HlPoint) { FRONT_CX - HL_IPD_MM / 2.0 - 15.0, FRONT_PUPIL_Y - 0.5 };
      break;
    case HL_LANDMARK_LEFT_FRONTOTEMPORAL:
      /* About 90 mm above the glabella, where the forehead turns into the
       * temple. */
      mm = (HlPoint) { FRONT_CX + 50.0, FRONT_GLABELLA_Y - 90.0 };
      break;
    case HL_LANDMARK_RIGHT_FRONTOTEMPORAL:
      mm = (HlPoint) { FRONT_CX - 50.0, FRONT_GLABELLA_Y - 90.0 };
      break;
    case HL_LANDMARK_LEFT_IRIS_EDGE_A:
    case HL_LANDMARK_LEFT_IRIS_EDGE_B:
    case HL_LANDMARK_RIGHT_IRIS_EDGE_A:
    case HL_LANDMARK_RIGHT_IRIS_EDGE_B:
    case HL_LANDMARK_MID_FRONTAL_POINT:
    case HL_LANDMARK_LEFT_TEMPORAL_PEAK:
    case HL_LANDMARK_RIGHT_TEMPORAL_PEAK:
    case HL_N_LANDMARKS:
    default:
      return FALSE;
    }

  if (p != NULL)
    *p = (HlPoint) { mm.x * PX_PER_MM, mm.y * PX_PER_MM };
  return TRUE;
}

HlView *
hl_head_chart_new_view (HlHeadChart  chart,
                        const char  *name)
{
  HlCalibration cal = { HL_CALIBRATION_MANUAL, HL_HEAD_CHART_MM_PER_PX, 0.0, FALSE,
                        { 0, 0 }, { 0, 0 }, 0 };
  HlView *view;
  int w, h;

  g_return_val_if_fail (chart < HL_N_HEAD_CHARTS, NULL);

  view = hl_view_new (name != NULL ? name : hl_head_chart_to_string (chart));
  hl_head_chart_get_size (chart, &w, &h);
  hl_view_set_chart (view, hl_head_chart_to_string (chart), w, h);
  hl_view_set_calibration (view, &cal);
  {
    HlHeadModel model = hl_head_model_default ();
    HlHeadPose pose;

    hl_head_chart_get_pose (chart, &pose);
    hl_view_set_head (view, &model, &pose);
  }
  for (guint i = 0; i < HL_N_LANDMARKS; i++)
    {
      HlPoint p;

      if (hl_head_chart_get_landmark (chart, i, &p))
        hl_view_set_landmark (view, i, TRUE, p);
    }
  return view;
}

void
hl_head_chart_get_pose (HlHeadChart  chart,
                        HlHeadPose  *pose)
{
  g_return_if_fail (chart < HL_N_HEAD_CHARTS);
  g_return_if_fail (pose != NULL);

  *pose = (HlHeadPose) {
    .yaw_deg = chart_pose[chart][2],
    .pitch_deg = chart_pose[chart][3],
    .roll_deg = 0.0,
    .scale = PX_PER_MM,
    .centre_x = chart_pose[chart][0] * PX_PER_MM,
    .centre_y = chart_pose[chart][1] * PX_PER_MM,
  };
}
