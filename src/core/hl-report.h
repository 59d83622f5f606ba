/* hl-report.h: the consultation sheet, a PDF for the client's file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"

G_BEGIN_DECLS

/* Writes an A4 PDF: client, date, per view before/after images, calibration,
 * hairline height above the glabella (when both landmarks exist), per zone
 * area, density asked and achieved, dots per session, dot size and shades,
 * and the simulation disclaimer on every page. Photos are found next to
 * @design_path (may be NULL); a missing one is noted on the sheet. Written
 * atomically. */
gboolean hl_report_write_pdf (const HlDesign  *design,
                              const char      *design_path,
                              const char      *pdf_path,
                              GError         **error);

G_END_DECLS
