/* hl-edit.h: "the design with X changed": pure edit builders.
 *
 * Each function returns a new design (transfer full) that shares every
 * view, zone and curve it did not change with @design, which is borrowed
 * and left as it is. Tools, the zone panel, window commands and tests all
 * build their edits here, then push the result into the history. Indexes
 * out of range are a programming error (g_return_val_if_fail, NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* @hairline may be NULL (no hairline); it is referenced. */
HlDesign *hl_edit_set_hairline     (const HlDesign      *design,
                                    guint                view,
                                    HlCurve             *hairline);
/* @outline may be NULL (none: the view's head chart's applies again); it
 * is referenced and must pass hl_scalp_outline_check(). */
HlDesign *hl_edit_set_scalp_outline (const HlDesign     *design,
                                    guint                view,
                                    HlCurve             *outline);
/* Appends @zone (referenced) to the view's zones. */
HlDesign *hl_edit_add_zone         (const HlDesign      *design,
                                    guint                view,
                                    HlZone              *zone);
/* Replaces zone @index with @zone (referenced). */
HlDesign *hl_edit_replace_zone     (const HlDesign      *design,
                                    guint                view,
                                    guint                index,
                                    HlZone              *zone);
HlDesign *hl_edit_remove_zone      (const HlDesign      *design,
                                    guint                view,
                                    guint                index);
/* Moves zone @from to position @to (both < n_zones). */
HlDesign *hl_edit_move_zone        (const HlDesign      *design,
                                    guint                view,
                                    guint                from,
                                    guint                to);
HlDesign *hl_edit_set_zone_boundary (const HlDesign     *design,
                                    guint                view,
                                    guint                index,
                                    HlCurve             *boundary);
HlDesign *hl_edit_set_zone_params  (const HlDesign      *design,
                                    guint                view,
                                    guint                index,
                                    const HlZoneParams  *params);
HlDesign *hl_edit_set_zone_name    (const HlDesign      *design,
                                    guint                view,
                                    guint                index,
                                    const char          *name);
/* The kind only: a zone still named after its old kind ("Frontal band",
 * "Temple 2", as hl_edit_new_zone_name() names new zones) takes its new
 * kind's name too; a name given by hand stays. */
HlDesign *hl_edit_set_zone_kind    (const HlDesign      *design,
                                    guint                view,
                                    guint                index,
                                    HlZoneKind           kind);
HlDesign *hl_edit_set_landmark     (const HlDesign      *design,
                                    guint                view,
                                    HlLandmark           landmark,
                                    gboolean             set,
                                    HlPoint              p);
HlDesign *hl_edit_set_calibration  (const HlDesign      *design,
                                    guint                view,
                                    const HlCalibration *calibration);
/* Appends @n_edits manual dot edits. */
HlDesign *hl_edit_append_edits     (const HlDesign      *design,
                                    guint                view,
                                    const HlDotEdit     *edits,
                                    guint                n_edits);

/* "Frontal band from hairline": a new frontal zone (defaults of its kind,
 * following the hairline, a fresh seed, named by hl_edit_new_zone_name)
 * appended to the view, whose boundary runs along the view's hairline and
 * reaches @depth_mm behind it (away from the face), see
 * hl_measure_band_behind_hairline(), kept inside the view's scalp outline
 * (hl_view_get_scalp_outline(): its points off the scalp move onto the
 * outline). NULL with @error set (HL_ERROR_INVALID)
 * when the view has no hairline of two points or more, or
 * (HL_ERROR_ARGUMENT) when @depth_mm is not a finite number in
 * (0, 1000] or the view is full. */
HlDesign *hl_edit_add_frontal_band (const HlDesign      *design,
                                    guint                view,
                                    double               depth_mm,
                                    GError             **error);

/* Appends a copy of zone @index mirrored across the face's midline (the
 * line through the glabella square to the pupils' line; without pupils,
 * the vertical through the glabella; on the front, top and back charts,
 * their middle), with the zone's parameters, a fresh seed and a name of
 * its kind: the other temple, drawn once. NULL with HL_ERROR_ARGUMENT
 * and a message for people when the view has no midline (a photo
 * without pupils or glabella, a side chart) or is full. */
HlDesign *hl_edit_mirror_zone       (const HlDesign      *design,
                                    guint                view,
                                    guint                index,
                                    GError             **error);

#define HL_FRONTAL_BAND_DEFAULT_MM 40.0

/* The head model fitted to view @view's landmarks and calibration
 * (hl_head_fit_view()): the design's head takes the fitted sizes and the
 * view the fitted pose; the design's other posed photos see the new head
 * (head charts keep the default head they are drawn from).
 * NULL with @error (HL_ERROR_INVALID, saying why) when the view cannot
 * be fitted. */
HlDesign *hl_edit_fit_head         (const HlDesign      *design,
                                    guint                view,
                                    GError             **error);

/* A name for a new zone of @kind in @view: the kind's title in the user's
 * language ("Frontal band", "Temple", "Mid-scalp", "Crown", "Scar",
 * "Zone"), followed by " 2", " 3", ... when the view already has a zone of
 * that name. Caller frees. */
char       *hl_edit_new_zone_name  (const HlView        *view,
                                    HlZoneKind           kind);
/* A per-zone seed (deterministic) that no zone of @view uses yet. */
guint32     hl_edit_new_zone_seed  (const HlView        *view);

G_END_DECLS
