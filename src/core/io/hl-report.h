/* hl-report.h: the consultation sheet, a PDF for the client's file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"
#include "hl-export.h"
#include "hl-photo.h"

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

typedef struct
{
  HlReportPhotos    photos;       /* what an unusable photo does */
  const char       *clinic_name;  /* named in the sheet's header (borrowed;
                                   * NULL, empty or only white space: the
                                   * header names none and keeps no line) */
  double            dots_per_minute; /* the practitioner's rate for the
                                      * sessions' times; 0: the default,
                                      * HL_DOTS_PER_MINUTE_DEFAULT */
  guint             view;         /* the view whose photo @photo is */
  HlPhoto          *photo;        /* borrowed, may be NULL: every view's photo
                                   * is loaded from the design's reference */
  HlExportNoteFunc  note;         /* what does not stop the sheet: a photo
                                   * that changed, a design partly off its
                                   * photo (may be NULL) */
  gpointer          user_data;    /* for @note */
} HlReportOptions;

/* hl_report_write_pdf() as @options say. Every view's photo is read and
 * checked as exports read it (hl_export_load_view_photo()): one that is
 * not the design's is noted, one the design lies wholly outside is
 * unusable. Refuses (HL_ERROR_IO) to write over @design_path or any of its
 * photos, over anything but a regular file, or through a symbolic link:
 * resolve links first (hl_atomic_file_check_target()) when they are
 * wanted. */
gboolean hl_report_write_pdf_full (const HlDesign        *design,
                                   const char            *design_path,
                                   const char            *pdf_path,
                                   const HlReportOptions *options,
                                   GError               **error);

G_END_DECLS
