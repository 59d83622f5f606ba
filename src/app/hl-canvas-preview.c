/* hl-canvas-preview.c: the preview's state and its on-canvas decorations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-app-enum-types.h"
#include "hl-canvas-preview.h"
#include "hl-enums.h"
#include "hl-label.h"

void
hl_preview_init (HlPreview *preview)
{
  g_return_if_fail (preview != NULL);

  preview->stage = HL_STAGE_FRESH;
  preview->sessions = 0;
  preview->mirror = FALSE;
  preview->compare = HL_COMPARE_OFF;
  preview->density_map = FALSE;
  preview->presentation = FALSE;
}

gboolean
hl_preview_equal (const HlPreview *a,
                  const HlPreview *b)
{
  return a->stage == b->stage && a->sessions == b->sessions && !a->mirror == !b->mirror &&
         a->compare == b->compare && !a->density_map == !b->density_map &&
         !a->presentation == !b->presentation;
}

char *
hl_preview_describe (const HlPreview *preview)
{
  static const char * const stages[] = { N_("Fresh"), N_("Healed"), N_("Aged") };
  GString *text = g_string_new (_(stages[MIN (preview->stage, HL_STAGE_AGED)]));

  if (preview->sessions > 0)
    /* Translators: follows the stage (“Fresh”) on the canvas. */
    g_string_append_printf (text, _(" · after session %u"), preview->sessions);
  if (preview->mirror)
    /* Translators: follows the stage (“Fresh”) on the canvas. */
    g_string_append (text, _(" · mirrored"));
  return g_string_free (text, FALSE);
}

const char *
hl_compare_to_string (HlCompare compare)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_COMPARE, (int) compare);

  g_return_val_if_fail (nick != NULL, "off");
  return nick;
}

gboolean
hl_compare_from_string (const char *text,
                        HlCompare  *compare)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_COMPARE, text, &value))
    return FALSE;
  if (compare != NULL)
    *compare = (HlCompare) value;
  return TRUE;
}

double
hl_seen_from_distance_mm (HlSeenFrom seen_from)
{
  switch (seen_from)
    {
    case HL_SEEN_FROM_CLOSE_UP: return 300.0;
    case HL_SEEN_FROM_CONVERSATION: return 1000.0;
    case HL_SEEN_FROM_ROOM: return 3000.0;
    case HL_SEEN_FROM_OFF:
    default: return 0.0;
    }
}

const char *
hl_seen_from_to_string (HlSeenFrom seen_from)
{
  const char *nick = hl_enum_to_nick (HL_TYPE_SEEN_FROM, (int) seen_from);

  g_return_val_if_fail (nick != NULL, "off");
  return nick;
}

gboolean
hl_seen_from_from_string (const char *text,
                          HlSeenFrom *seen_from)
{
  int value;

  if (!hl_enum_from_nick (HL_TYPE_SEEN_FROM, text, &value))
    return FALSE;
  if (seen_from != NULL)
    *seen_from = (HlSeenFrom) value;
  return TRUE;
}

const char *
hl_seen_from_describe (HlSeenFrom seen_from)
{
  switch (seen_from)
    {
    /* Translators: on the canvas, what a person sees from that distance. */
    case HL_SEEN_FROM_CLOSE_UP: return _("Seen from 30 cm");
    case HL_SEEN_FROM_CONVERSATION: return _("Seen from 1 m");
    case HL_SEEN_FROM_ROOM: return _("Seen from 3 m");
    case HL_SEEN_FROM_OFF:
    default: return NULL;
    }
}

void
hl_preview_draw_split (cairo_t *cr,
                       double   x,
                       double   height)
{
  double cy = height / 2, r = 16;

  cairo_save (cr);
  /* A white line with a dark edge reads on skin and on hair (the edge
   * at least 3:1 against light skin, test-contrast). */
  cairo_rectangle (cr, round (x) - 2, 0, 4, height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_fill (cr);
  cairo_rectangle (cr, round (x) - 1, 0, 2, height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_arc (cr, x, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* ◀ ▶ */
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, x - 3, cy - 6);
  cairo_line_to (cr, x - 10, cy);
  cairo_line_to (cr, x - 3, cy + 6);
  cairo_close_path (cr);
  cairo_move_to (cr, x + 3, cy - 6);
  cairo_line_to (cr, x + 10, cy);
  cairo_line_to (cr, x + 3, cy + 6);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
hl_preview_draw_chip (cairo_t    *cr,
                      double      x,
                      double      y,
                      double      xalign,
                      const char *text)
{
  double scale = hl_label_get_ui_scale ();
  double pad_x = 10 * scale, h = 26 * scale, w, left, text_w, text_h;
  g_autoptr(PangoLayout) layout = hl_label_new (cr, text, 13 * scale, HL_LABEL_BOLD, 0.0);

  hl_label_get_size (layout, &text_w, &text_h, NULL);
  w = text_w + 2 * pad_x;
  left = round (x - w * xalign);

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, left + w - h / 2, y + h / 2, h / 2, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, left + h / 2, y + h / 2, h / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.62);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  hl_label_show (cr, layout, left + pad_x, y + (h - text_h) / 2);
  cairo_restore (cr);
}
