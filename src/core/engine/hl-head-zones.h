/* hl-head-zones.h: zones that belong to the head, seen from every view.
 *
 * A zone marked on the head (HlZone.on_head, format 4) is drawn on one view,
 * its home view U. Every other view V of the same head model (both with a
 * head model of the same sizes: the head charts share the default head,
 * fitted photos the client's) shows that zone's dots where V sees them:
 * U is stippled as usual (so the zone's blends with U's other zones are
 * those of U), the dots of its on-head zones are carried to V through the
 * model (hl_head_transfer_dots(): the same points of the scalp, the ones V
 * does not see dropped), and V's own zones win: a carried dot inside one of
 * V's own zone outlines is dropped. Hand-placed dots stay in their view.
 *
 * A carried dot keeps its size, shade and session; its zone field is
 * hl_dot_carried_zone (home view, zone index in the home view), which has
 * HL_DOT_CARRIED set, so it is never taken for one of V's zones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"
#include "hl-dot.h"

G_BEGIN_DECLS

/* Set in HlDot.zone of a dot carried from another view; the home view's
 * index is in bits 16–23, the zone's index in that view in bits 0–15. */
#define HL_DOT_CARRIED 0x40000000u

static inline guint32
hl_dot_carried_zone (guint home_view,
                     guint zone)
{
  return HL_DOT_CARRIED | ((guint32) (home_view & 0xff) << 16) | (guint32) (zone & 0xffff);
}

/* TRUE when @zone (an HlDot.zone) names a zone carried from another view. */
static inline gboolean
hl_dot_zone_is_carried (guint32 zone)
{
  return zone != HL_DOT_MANUAL && (zone & HL_DOT_CARRIED) != 0;
}

static inline guint
hl_dot_carried_home_view (guint32 zone)
{
  return (zone >> 16) & 0xff;
}

static inline guint
hl_dot_carried_home_zone (guint32 zone)
{
  return zone & 0xffff;
}

/* One zone carried into a view: where it lives and how many of its dots
 * the view shows. */
typedef struct
{
  guint home_view;   /* index of its home view in the design */
  guint zone;        /* its index in the home view */
  guint dots;        /* its dots the view shows */
} HlCarriedZone;

typedef struct _HlHeadZones HlHeadZones;

/* A carrier with empty caches (transfer full; free with
 * hl_head_zones_free()). It keeps, per home view, an engine and the dots
 * of its on-head zones, and per target view the last result, keyed by the
 * identity of the (immutable) views and the design seed: asking again for
 * an unchanged view costs nothing, and a change in one home view
 * re-stipples that view only (through its engine's own caches). */
HlHeadZones *hl_head_zones_new        (void);
void         hl_head_zones_free       (HlHeadZones    *self);

/* TRUE when some view of @design holds a zone on the head. */
gboolean     hl_design_has_head_zones (const HlDesign *design);

/* TRUE when a view @index would see zones carried from others: it has a
 * head model and another view of the same head holds zones on the head.
 * Cheap: nothing is stippled. */
gboolean     hl_head_zones_view_receives (const HlDesign *design,
                                          guint           index);

/* The dots carried into view @index of @design from the on-head zones of
 * its other views (transfer full: a reference on a GArray of HlDot, image
 * px of view @index; empty when none; never NULL). View @index's own zone
 * outlines decide which carried dots are dropped. One thread at a time. */
GArray      *hl_head_zones_carry      (HlHeadZones    *self,
                                       const HlDesign *design,
                                       guint           index);

/* View @index's own @dots (the engine's, shared: not changed) with the
 * dots carried into it after them (transfer full: @dots itself with a new
 * reference when nothing is carried, else a new array). @self may be NULL
 * for a one-shot carrier. */
GArray      *hl_head_zones_with_carried (HlHeadZones    *self,
                                         const HlDesign *design,
                                         guint           index,
                                         GArray         *dots);

/* The dots of view @index with the carried ones after its own (transfer
 * full, GArray of HlDot): hl_stipple_view() followed by
 * hl_head_zones_carry(), for one-shot callers (CLI, export). */
GArray      *hl_head_zones_stipple_view (const HlDesign *design,
                                         guint           index);

/* The carried zones among @dots (@n), in order of home view then zone
 * (transfer full: GArray of HlCarriedZone; empty when none). */
GArray      *hl_head_zones_count      (const HlDot    *dots,
                                       gsize           n);

/* The outlines of the zones carried into view @index, as that view sees
 * them (hl_head_transfer_curve(); parts it does not see left out), with
 * their home view and zone (transfer full: a GPtrArray of HlCurve, and
 * *@carried, if not NULL, a GArray of HlCarriedZone of the same length
 * with dots 0). Outlines with fewer than three visible points are
 * left out. */
GPtrArray   *hl_head_zones_outlines   (const HlDesign *design,
                                       guint           index,
                                       GArray        **carried);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlHeadZones, hl_head_zones_free)

G_END_DECLS
