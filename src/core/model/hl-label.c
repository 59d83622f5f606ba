/* hl-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-label.h"

/* A family list, not one font: fontconfig finds the rest (Arabic, CJK)
 * from what is installed. */
#define LABEL_FAMILY "DejaVu Sans, Sans"

static double ui_scale = 1.0;

PangoLayout *
hl_label_new (cairo_t       *cr,
              const char    *text,
              double         size,
              HlLabelWeight  weight,
              double         max_width)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoContext *context;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  layout = pango_cairo_create_layout (cr);
  context = pango_layout_get_context (layout);
  /* Positions as the outlines are, at any zoom: no hinting of metrics. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  font = pango_font_description_from_string (LABEL_FAMILY);
  pango_font_description_set_weight (font, weight == HL_LABEL_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size (font, MAX (size, 0.01) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (max_width > 0.0)
    {
      pango_layout_set_width (layout, (int) MIN (max_width * PANGO_SCALE, (double) G_MAXINT / 2));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
hl_label_get_size (PangoLayout *layout,
                   double      *width,
                   double      *height,
                   double      *baseline)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
  if (baseline != NULL)
    *baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* Moves to where @layout's top left goes, unflipping a mirrored x. */
static void
place (cairo_t     *cr,
       PangoLayout *layout,
       double       x,
       double       y)
{
  cairo_matrix_t ctm;
  double width;

  cairo_get_matrix (cr, &ctm);
  if (ctm.xx < 0.0)
    {
      hl_label_get_size (layout, &width, NULL, NULL);
      cairo_translate (cr, x + width, y);
      cairo_scale (cr, -1.0, 1.0);
    }
  else
    cairo_translate (cr, x, y);
  cairo_move_to (cr, 0.0, 0.0);
}

void
hl_label_show (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  cairo_save (cr);
  cairo_new_path (cr);
  place (cr, layout, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
hl_label_path (cairo_t     *cr,
               PangoLayout *layout,
               double       x,
               double       y)
{
  cairo_matrix_t saved;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  /* The path is kept in device space: restoring the matrix keeps it. */
  cairo_get_matrix (cr, &saved);
  place (cr, layout, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_layout_path (cr, layout);
  cairo_set_matrix (cr, &saved);
}

void
hl_label_set_ui_scale (double scale)
{
  g_return_if_fail (isfinite (scale) && scale > 0.0);

  ui_scale = CLAMP (scale, 0.5, 4.0);
}

double
hl_label_get_ui_scale (void)
{
  return ui_scale;
}
