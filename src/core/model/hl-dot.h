/* hl-dot.h: one pigment dot, as the engine produces it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-color.h"

G_BEGIN_DECLS

/* 20 bytes without padding (so dots compare with memcmp): a million dots
 * fit in 20 MB. */
typedef struct
{
  float   x, y;          /* centre, image px of the view */
  float   diameter_mm;   /* fresh diameter on the skin */
  HlColor shade;         /* pigment shade */
  guint8  session;       /* session index from 0 */
  guint32 zone;          /* zone index in the view; HL_DOT_MANUAL for hand-placed */
} HlDot;

#define HL_DOT_MANUAL G_MAXUINT32

G_STATIC_ASSERT (sizeof (HlDot) == 20);

G_END_DECLS
