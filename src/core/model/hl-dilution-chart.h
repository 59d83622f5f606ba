/* hl-dilution-chart.h: the practitioner's pigments and their dilutions,
 * and how each dilution heals on light to dark skin.
 *
 * SMP pigment is diluted with distilled water to match the client's hair
 * and skin: a dilution chart gives, per pigment, the mixes "pigment :
 * water" a practitioner uses. A chart here is a short list of pigments
 * (a name, the colour of the pigment from the bottle, its dilutions); the
 * colour of each mix and how it looks healed on each Fitzpatrick skin
 * type are computed (hl-dilution-chart.c says from what), not measured.
 *
 * The chart lives in the preferences as a GVariant of type "a(ssas)":
 * (name, "#rrggbb", ["1:1", "1:3", …]) per pigment.
 *
 * A chart is a plain owned value: hl_dilution_chart_new*() and
 * hl_dilution_chart_copy() return one the caller frees with
 * hl_dilution_chart_free(); the setters change it in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hl-color.h"

G_BEGIN_DECLS

#define HL_DILUTION_CHART_MAX_PIGMENTS 16
#define HL_DILUTION_CHART_MAX_DILUTIONS 12
#define HL_DILUTION_CHART_MAX_NAME 64
/* The GVariant type of a chart in the preferences. */
#define HL_DILUTION_CHART_VARIANT_TYPE "a(ssas)"

typedef struct
{
  double pigment;   /* parts of pigment, > 0 */
  double water;     /* parts of distilled water, > 0 */
} HlDilution;

typedef struct
{
  char    *name;       /* owned, never NULL or empty */
  HlColor  colour;     /* the pigment undiluted */
  GArray  *dilutions;  /* owned, of HlDilution */
} HlChartPigment;

typedef struct _HlDilutionChart HlDilutionChart;

/* What hl_dilution_chart_nearest() found. */
typedef struct
{
  guint   pigment;     /* index in the chart */
  guint   dilution;    /* index in the pigment's dilutions */
  HlColor shade;       /* the mix, as a dot's shade (fresh) */
  HlColor healed;      /* a healed dot of it on the skin asked for */
  double  delta_e;     /* CIE 1976 ΔE*ab from the colour asked for */
} HlDilutionMatch;

/* An empty chart (transfer full). */
HlDilutionChart      *hl_dilution_chart_new            (void);
/* The built-in chart (transfer full); hl-dilution-chart.c and the README
 * say where it comes from. */
HlDilutionChart      *hl_dilution_chart_new_default    (void);
HlDilutionChart      *hl_dilution_chart_copy           (const HlDilutionChart *chart);
void                  hl_dilution_chart_free           (HlDilutionChart       *chart);
gboolean              hl_dilution_chart_equal          (const HlDilutionChart *a,
                                                        const HlDilutionChart *b);

guint                 hl_dilution_chart_get_n_pigments (const HlDilutionChart *chart);
/* Pigment @index (borrowed, valid until the chart changes). */
const HlChartPigment *hl_dilution_chart_get_pigment    (const HlDilutionChart *chart,
                                                        guint                  index);

/* Appends a pigment with no dilutions; returns its index, or −1 (and
 * nothing added) when the chart is full or @name is empty once cleaned. */
int                   hl_dilution_chart_add_pigment    (HlDilutionChart       *chart,
                                                        const char            *name,
                                                        HlColor                colour);
void                  hl_dilution_chart_remove_pigment (HlDilutionChart       *chart,
                                                        guint                  index);
/* FALSE (and nothing changed) when @name is empty once cleaned. */
gboolean              hl_dilution_chart_set_name       (HlDilutionChart       *chart,
                                                        guint                  index,
                                                        const char            *name);
void                  hl_dilution_chart_set_colour     (HlDilutionChart       *chart,
                                                        guint                  index,
                                                        HlColor                colour);
/* Replaces the pigment's dilutions with those listed in @text, "1:1, 1:3"
 * (commas, semicolons or spaces between them). FALSE with @error naming
 * the faulty item, and nothing changed, on anything else. */
gboolean              hl_dilution_chart_set_dilutions  (HlDilutionChart       *chart,
                                                        guint                  index,
                                                        const char            *text,
                                                        GError               **error);
/* The pigment's dilutions as "1:1, 1:3" (transfer full). */
char                 *hl_dilution_chart_format_dilutions (const HlDilutionChart *chart,
                                                          guint                  index);

/* "1:3", "1:2.5" (transfer full). */
char                 *hl_dilution_format               (HlDilution             dilution);

/* The chart as a floating GVariant of HL_DILUTION_CHART_VARIANT_TYPE. */
GVariant             *hl_dilution_chart_to_variant     (const HlDilutionChart *chart);
/* A chart from @variant (transfer full), or NULL with @error naming the
 * faulty member, e.g. "dilution-chart[1].dilutions[2]: …". */
HlDilutionChart      *hl_dilution_chart_from_variant   (GVariant              *variant,
                                                        GError               **error);

/* The colour of @pigment mixed @dilution, as a dot's shade. */
HlColor               hl_dilution_shade                (HlColor                pigment,
                                                        HlDilution             dilution);
/* The skin colour taken for Fitzpatrick type @type (1–6; anything else is
 * type III). */
HlColor               hl_dilution_skin_colour          (int                    type);
/* How the core of a healed dot of @shade looks on skin of Fitzpatrick
 * type @type, by the renderer's pigment model. */
HlColor               hl_dilution_healed_on_skin       (HlColor                shade,
                                                        int                    type);

/* The pigment and dilution whose healed dot on skin of type @type is
 * nearest @target in CIELAB. FALSE when the chart has no dilution. */
gboolean              hl_dilution_chart_nearest        (const HlDilutionChart *chart,
                                                        HlColor                target,
                                                        int                    type,
                                                        HlDilutionMatch       *match);
/* A sentence for people about @match found in @chart on skin type @type:
 * "Nearest dilution: Carbon Black 1:6, ΔE 3.4 healed on skin type II"
 * (with "(assumed)" after the type when @assumed) (transfer full). */
char                 *hl_dilution_match_describe       (const HlDilutionChart *chart,
                                                        const HlDilutionMatch *match,
                                                        int                    type,
                                                        gboolean               assumed);
/* The pigment and dilution whose shade is exactly @shade, as "Carbon
 * Black 1:3" (transfer full), or NULL. */
char                 *hl_dilution_chart_name_shade     (const HlDilutionChart *chart,
                                                        HlColor                shade);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlDilutionChart, hl_dilution_chart_free)

G_END_DECLS
