/* hl-stamp-cache-private.h: the stamp cache's lookup for the dot pass,
 * inline. A zoomed-out frame looks up a stamp for each of thousands of
 * dots under a pixel wide, where a call and its checks were a third of
 * the pass: the common case (a radius in a step of the bucket table that
 * no bound comes near, a stamp built already) is answered here, the rest
 * by hl_stamp_cache_get_at(). Only hl-stamp-cache.c writes the tables.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "hl-stamp-cache.h"

G_BEGIN_DECLS

#define HL_STAMP_SUBPIXELS 4       /* offsets per axis, at most */
#define HL_STAMP_RADIUS_MIN 0.02   /* px; smaller dots are not drawn */
#define HL_STAMP_N_BUCKETS 200     /* radii 0.02 px × 1.04^b */
#define HL_STAMP_OCT_MIN (-6)      /* the step table: radii from 2^-6 px */
#define HL_STAMP_N_OCTAVES 12      /* to 2^6 px, 1024 steps an octave */
#define HL_STAMP_STEP_SURE 0x8000u /* every radius of the step has its bucket */

/* Borrowed, immutable once set; read without a lock (see hl-stamp-cache.c). */
extern HlStamp *hl_stamp_slots[HL_PIGMENT_N_STAGES][HL_STAMP_N_BUCKETS][HL_PIGMENT_N_SHAPES]
                              [HL_STAMP_SUBPIXELS * HL_STAMP_SUBPIXELS];
extern guint16  hl_stamp_step_bucket[HL_STAMP_N_OCTAVES * 1024];
extern guint8   hl_stamp_bucket_sub[HL_STAMP_N_BUCKETS];
extern gint     hl_stamp_tables_ready;   /* set (atomically) once the tables are made */

/* The cached stamp hl_stamp_cache_get_at() would return for these
 * arguments (@stage < HL_PIGMENT_N_STAGES, @shape < HL_PIGMENT_N_SHAPES,
 * 0 ≤ @fx, @fy < 1), or NULL when this shortcut cannot tell: then ask
 * hl_stamp_cache_get_at(). */
static inline const HlStamp *
hl_stamp_cache_find (guint  stage,
                     guint  shape,
                     double radius,
                     double fx,
                     double fy)
{
  guint64 bits;
  int octave, bucket, sub, sx, sy;
  guint step;

  if (!g_atomic_int_get (&hl_stamp_tables_ready))
    return NULL;
  memcpy (&bits, &radius, sizeof bits);
  octave = (int) ((bits >> 52) & 0x7ff) - 1023 - HL_STAMP_OCT_MIN;
  if (octave < 0 || octave >= HL_STAMP_N_OCTAVES ||
      !(radius >= HL_STAMP_RADIUS_MIN && radius <= HL_STAMP_MAX_RADIUS))
    return NULL;
  step = hl_stamp_step_bucket[octave * 1024 + (int) ((bits >> 42) & 1023)];
  if (!(step & HL_STAMP_STEP_SURE))
    return NULL;
  bucket = (int) (step & ~HL_STAMP_STEP_SURE);
  sub = hl_stamp_bucket_sub[bucket];
  sx = CLAMP ((int) (fx * sub), 0, sub - 1);
  sy = CLAMP ((int) (fy * sub), 0, sub - 1);
  return g_atomic_pointer_get (&hl_stamp_slots[stage][bucket][shape][sy * HL_STAMP_SUBPIXELS + sx]);
}

G_END_DECLS
