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
 * atomically (hl-atomic-file.h). */
gboolean hl_report_write_pdf (const HlDesign  *design,
                              const char      *design_path,
                              const char      *pdf_path,
                              GError         **error);

typedef enum
{
  HL_REPORT_PHOTOS_OPTIONAL,  /* an unusable photo is noted on the sheet */
  HL_REPORT_PHOTOS_REQUIRED,  /* an unusable photo fails with HL_ERROR_PHOTO
                               * naming views[N].photo.path; nothing is written */
  HL_REPORT_PHOTOS_NONE,      /* every view is drawn without its photo */
} HlReportPhotos;

/* hl_report_write_pdf() with a choice of what an unusable photo does and
 * the clinic named in the sheet's header (borrowed; NULL, empty or only
 * white space: the header names none and keeps no line for it). Refuses (HL_ERROR_IO) to write over @design_path or any of its photos,
 * over anything but a regular file, or through a symbolic link: resolve
 * links first (hl_atomic_file_check_target()) when they are wanted. */
gboolean hl_report_write_pdf_full (const HlDesign  *design,
                                   const char      *design_path,
                                   const char      *pdf_path,
                                   HlReportPhotos   photos,
                                   const char      *clinic_name,
                                   GError         **error);

G_END_DECLS
