/* hl-zone.h: one area of a view that the engine fills with dots.
 *
 * An HlZone is immutable once shared and reference-counted, so that undo can
 * keep snapshots: to edit, hl_zone_copy() (cheap: the boundary curve is
 * shared), change the copy while you hold its only reference, then publish
 * it. The setters refuse a zone that someone else also holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-color.h"
#include "hl-curve.h"

G_BEGIN_DECLS

typedef enum
{
  HL_ZONE_FRONTAL,     /*< nick=frontal >*/
  HL_ZONE_TEMPLE,      /*< nick=temple >*/
  HL_ZONE_MID_SCALP,   /*< nick=mid_scalp >*/
  HL_ZONE_CROWN,       /*< nick=crown >*/
  HL_ZONE_SCAR,        /*< nick=scar >*/
  HL_ZONE_CUSTOM,      /*< nick=custom >*/
} HlZoneKind;

#define HL_ZONE_MAX_SESSIONS 4

typedef struct
{
  double  share;      /* fraction of the zone's dots, (0, 1]; shares sum to 1 */
  HlColor shade;      /* pigment shade of this session's dots */
} HlSession;

/* Every number a practitioner sets on a zone (DESIGN §4). Ranges are the
 * ones the JSON validator enforces; see hl_zone_params_init() for defaults. */
typedef struct
{
  double     density;             /* dots/cm² on the skin, 1–400 */
  gboolean   follows_hairline;    /* the zone's front edge is the view's hairline */
  double     transition_mm;       /* hairline ramp width, 0–40 mm */
  double     macro_amplitude_mm;  /* wavy effective edge amplitude, 0–10 mm */
  double     macro_wavelength_mm; /* and its wavelength, 2–200 mm */
  double     micro_irregularity;  /* alternating local density near the edge, 0–1 */
  double     sentinels_per_cm;    /* isolated dots ahead of the line per cm of hairline, 0–20 */
  double     edge_blend_mm;       /* ramp width at the zone's other edges, 0–40 mm */
  double     dot_mm;              /* mean dot diameter, 0.05–1.5 mm */
  double     dot_spread;          /* relative diameter spread, 0–0.5 */
  HlColor    shade;               /* mean shade (used when a session has none) */
  double     shade_spread;        /* lightness spread, 0–0.5 */
  guint      n_sessions;          /* 1–4 */
  HlSession  sessions[HL_ZONE_MAX_SESSIONS];
  guint32    seed;                /* per-zone seed: change it to reshuffle */
} HlZoneParams;

#define HL_DENSITY_MIN 1.0
#define HL_DENSITY_MAX 400.0
#define HL_DENSITY_DEFAULT 60.0

typedef struct _HlZone HlZone;

struct _HlZone
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char         *name;       /* owned, UTF-8, never NULL */
  HlZoneKind    kind;
  HlCurve      *boundary;   /* owned ref, closed curve, never NULL */
  HlZoneParams  params;
  /* The zone belongs to the head, not only to this view (format 4): it is
   * drawn on this view (its home view), and every other view of the same
   * head model shows its dots where it sees them (hl-head-zones.h). Only
   * on a view with a head model. */
  gboolean      on_head;
  /* Members of the zone's JSON object that this version does not know,
   * kept so that a save does not lose them (owned, may be NULL). */
  struct cJSON *extra;
};

/* Fills @params with the defaults of DESIGN §2: 60 dots/cm², an 8 mm
 * transition, 0.25 mm fresh dots, charcoal shade, 3 sessions 30/35/35 %.
 * The numeric ones are the default_value of each hl-zone-param.h entry. */
void        hl_zone_params_init    (HlZoneParams       *params);
/* The defaults a new zone of @kind gets: a frontal zone follows the
 * hairline; mid-scalp and crown fill evenly; a temple is a little lighter;
 * a scar is blended widely at a lower density. */
void        hl_zone_params_init_for_kind (HlZoneParams *params,
                                          HlZoneKind    kind);

/* Changes the number of sessions to @n (1–HL_ZONE_MAX_SESSIONS): a new
 * session takes an equal share and the zone's shade, the others shrink in
 * proportion; removed sessions give their share back in proportion. */
void        hl_zone_params_set_n_sessions  (HlZoneParams *params,
                                            guint         n);
/* Sets session @index's share (clamped to 1–99 %, or 100 % for a single
 * session); the other sessions share the rest in their old proportions.
 * Shares are kept at 4 decimals and sum to exactly 1. */
void        hl_zone_params_set_session_share (HlZoneParams *params,
                                              guint         index,
                                              double        share);

/* Sets the zone's shade; every session's shade follows it, keeping how
 * much lighter (or darker) than the zone's shade it was, so that session 1
 * stays the lightest. The engine draws session shades. */
void        hl_zone_params_set_shade (HlZoneParams *params,
                                      HlColor       shade);

/* Returns a new zone (transfer full). @boundary is referenced. */
HlZone     *hl_zone_new            (const char         *name,
                                    HlZoneKind          kind,
                                    HlCurve            *boundary,
                                    const HlZoneParams *params);
/* A new, unshared zone with the same values (transfer full). */
HlZone     *hl_zone_copy           (const HlZone       *zone);
HlZone     *hl_zone_ref            (HlZone             *zone);
void        hl_zone_unref          (HlZone             *zone);

/* Setters: only on a zone whose reference you alone hold. */
void        hl_zone_set_name       (HlZone             *zone,
                                    const char         *name);
void        hl_zone_set_boundary   (HlZone             *zone,
                                    HlCurve            *boundary);
void        hl_zone_set_params     (HlZone             *zone,
                                    const HlZoneParams *params);
void        hl_zone_set_kind       (HlZone             *zone,
                                    HlZoneKind          kind);
void        hl_zone_set_on_head    (HlZone             *zone,
                                    gboolean            on_head);

/* Stable names used in files: "frontal", "temple", ... */
const char *hl_zone_kind_to_string (HlZoneKind          kind);
gboolean    hl_zone_kind_from_string (const char       *text,
                                      HlZoneKind       *kind);
/* The kind's name for people, in their language: "Frontal band",
 * "Mid-scalp", ... (static). */
const char *hl_zone_kind_get_label (HlZoneKind          kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlZone, hl_zone_unref)

G_END_DECLS
