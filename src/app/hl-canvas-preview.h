/* hl-canvas-preview.h: how the canvas shows a design to the client.
 *
 * The stage and "after session k" of the dots, a mirror, a before/after
 * comparison (a split line the client drags, or two copies side by side),
 * the achieved-density map and presentation (no editing overlays, the
 * simulation mark on the canvas). HlCanvas keeps one HlPreview; the
 * drawing helpers here paint the labels, handle and mark over its layers
 * in widget px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hl-render.h"

G_BEGIN_DECLS

typedef enum
{
  HL_COMPARE_OFF,             /*< nick=off >*/
  HL_COMPARE_SPLIT,           /*< nick=split >*/         /* before left of a vertical line, after right */
  HL_COMPARE_SIDE_BY_SIDE,    /*< nick=side-by-side >*/  /* before | after, two copies */
} HlCompare;

/* "Seen from": what a person with normal acuity sees from a distance
 * (hl-acuity.h): the design blurred by the detail the eye resolves
 * there. Needs the view's calibration. */
typedef enum
{
  HL_SEEN_FROM_OFF,           /*< nick=off >*/            /* pixel-exact */
  HL_SEEN_FROM_CLOSE_UP,      /*< nick=close-up >*/       /* 30 cm */
  HL_SEEN_FROM_CONVERSATION,  /*< nick=conversation >*/   /* 1 m */
  HL_SEEN_FROM_ROOM,          /*< nick=room >*/           /* across a room, 3 m */
} HlSeenFrom;

typedef struct
{
  HlStage   stage;
  guint     sessions;         /* "after session k": sessions 1..k; 0 = all */
  gboolean  mirror;           /* flipped left-right, as in a mirror */
  HlCompare compare;
  gboolean  density_map;      /* the achieved-density overlay and its legend */
  gboolean  presentation;     /* no hairline, zones or tool feedback; the mark;
                               * the design and its surroundings fill the canvas */
} HlPreview;

/* Fresh, all sessions, nothing else. */
void        hl_preview_init          (HlPreview       *preview);
gboolean    hl_preview_equal         (const HlPreview *a,
                                      const HlPreview *b);
/* What the client sees, in words: "Healed · after session 2"
 * (transfer full). */
char       *hl_preview_describe      (const HlPreview *preview);

/* The word of @compare in actions and properties, its GEnum nick
 * (HL_TYPE_COMPARE): "off", "split", "side-by-side" (static). */
const char *hl_compare_to_string     (HlCompare        compare);
gboolean    hl_compare_from_string   (const char      *text,
                                      HlCompare       *compare);

/* The distance of @seen_from in mm (0 when off). */
double      hl_seen_from_distance_mm (HlSeenFrom       seen_from);
/* Its GEnum nick (HL_TYPE_SEEN_FROM), as action targets use it (static). */
const char *hl_seen_from_to_string   (HlSeenFrom       seen_from);
gboolean    hl_seen_from_from_string (const char      *text,
                                      HlSeenFrom      *seen_from);
/* In words, for the canvas's label: “Seen from 1 m” (static,
 * translated); NULL when off. */
const char *hl_seen_from_describe    (HlSeenFrom       seen_from);

/* The split line at @x over a canvas @height px high, with a round grip
 * half-way down. */
void        hl_preview_draw_split    (cairo_t         *cr,
                                      double           x,
                                      double           height);
/* @text in a dark rounded chip, its top edge at @y and centred on @x
 * (@xalign 0.5), starting at @x (0) or ending there (1). */
void        hl_preview_draw_chip     (cairo_t         *cr,
                                      double           x,
                                      double           y,
                                      double           xalign,
                                      const char      *text);

G_END_DECLS
