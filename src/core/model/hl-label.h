/* hl-label.h: text the project draws with Cairo, laid out by Pango.
 *
 * Labels on the canvas, in mockups and on the sheet are shaped by Pango
 * (PangoCairo): Arabic joins and reads right to left, Chinese finds a
 * font that has it (fontconfig's fallback), mixed directions follow the
 * Unicode bidirectional algorithm, and long text wraps at word
 * boundaries when a width is given. Sizes are in the user units of the
 * cairo context they are drawn on (under its current transform), not in
 * points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum
{
  HL_LABEL_REGULAR,
  HL_LABEL_BOLD,
} HlLabelWeight;

/* A layout of @text (UTF-8) in the interface's sans-serif face at @size
 * user units of @cr, wrapped at word boundaries to @max_width user units
 * when @max_width > 0 (transfer full). Its extents are in user units. */
PangoLayout *hl_label_new          (cairo_t       *cr,
                                    const char    *text,
                                    double         size,
                                    HlLabelWeight  weight,
                                    double         max_width);
/* The layout's logical size and its first line's baseline from the top,
 * user units (any may be NULL). */
void         hl_label_get_size     (PangoLayout   *layout,
                                    double        *width,
                                    double        *height,
                                    double        *baseline);
/* Draws @layout in the current source with its top left at (@x, @y).
 * Under a transform that flips x (a mirrored view) the text still reads
 * the right way round, in the same box. */
void         hl_label_show         (cairo_t       *cr,
                                    PangoLayout   *layout,
                                    double         x,
                                    double         y);
/* Adds @layout's glyph outlines to the current path, placed as
 * hl_label_show() would draw them. */
void         hl_label_path         (cairo_t       *cr,
                                    PangoLayout   *layout,
                                    double         x,
                                    double         y);
/* How much larger than the default the desktop draws its text (GTK's
 * text scale, 1 by default): the application sets it, and canvas labels
 * multiply their sizes by it. Mockups and sheets do not. */
void         hl_label_set_ui_scale (double         scale);
double       hl_label_get_ui_scale (void);

G_END_DECLS
