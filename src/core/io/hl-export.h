/* hl-export.h: PNG mockups and PDF consultation sheets, the one recipe.
 *
 * `hairline render`, `hairline report` and the window's export dialog all
 * write through hl_export_write(): the output is checked first (never over
 * the design or one of its photos, never over anything but a regular file,
 * never through a symbolic link unless asked; see hl-atomic-file.h), then
 * its name (a mockup is a .png, a sheet a .pdf), then the view's photo is
 * loaded with its SHA-256 and size checked against the design, the dots
 * are stippled, the image or sheet is drawn and written atomically (a
 * mockup a band of rows at a time, streamed to libpng, so its memory
 * stays bounded whatever its size: hl_render_export_rows()). It
 * runs on any thread: it touches only its arguments, reports progress
 * through a callback (once per band while a mockup is drawn) and stops
 * between steps when cancelled, between bands, and every few rows while a
 * mockup's PNG is encoded. G_IO_ERROR_CANCELLED means nothing
 * was written (the old file, if any, is untouched and no temporary file is
 * left); an export whose file was already in place when it was cancelled
 * returns TRUE, for it was written. New files are 0600 (a client's head is
 * health data); a replaced file keeps its mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hl-design.h"
#include "hl-photo.h"
#include "hl-render.h"

G_BEGIN_DECLS

#define HL_EXPORT_ERROR (hl_export_error_quark ())

typedef enum
{
  HL_EXPORT_ERROR_EXTENSION,   /* the output's name does not end as its type does */
  HL_EXPORT_ERROR_EMPTY,       /* nothing to simulate: no zone, dot or edit */
  HL_EXPORT_ERROR_OFF_PHOTO,   /* the design lies wholly outside its photo */
} HlExportError;

typedef enum
{
  HL_EXPORT_MOCKUP,            /* a PNG image of one view */
  HL_EXPORT_SHEET,             /* the PDF consultation sheet of all views */
} HlExportKind;

/* HlRenderOptions.scale of a mockup: pick one (1, or larger when the fresh
 * dots would be under a pixel; a note says which). */
#define HL_EXPORT_SCALE_AUTO 0.0

/* The margin around the head a mockup cropped to it keeps, as a fraction
 * of the larger side of the head's box, on every side. */
#define HL_EXPORT_CROP_MARGIN 0.10

typedef struct
{
  HlExportKind    kind;
  guint           view;             /* mockup: index of the view */
  HlRenderOptions render;           /* mockup: stage, layout, scale, mark... */
  gboolean        crop_to_head;     /* mockup: only the design and a margin
                                     * (hl_export_head_crop(); replaces
                                     * render.crop), both halves alike */
  gboolean        without_photo;    /* draw on a plain background */
  gboolean        metadata_client;  /* mockup: client label and notes in the PNG text */
  gboolean        follow_symlinks;  /* an output that is a link replaces its target */
  gboolean        allow_empty;      /* write even when there is nothing to simulate */
  const char     *clinic_name;      /* sheet: the clinic named in its header
                                     * (borrowed; NULL or "": none) */
  double          dots_per_minute;  /* sheet: the rate its session times
                                     * assume; 0: the default */
  HlPhoto        *photo;            /* the photo of view @view, already loaded
                                     * (borrowed, may be NULL: then it is loaded
                                     * from the design's reference); a sheet
                                     * loads the other views' photos */
} HlExportOptions;

/* Called from the exporting thread. @message is a note that does not stop
 * the export ("views[0].photo.path: the photo changed since…"), in UTF-8,
 * starting with the JSON path where there is one. */
typedef void (*HlExportNoteFunc)     (const char *message,
                                      gpointer    user_data);
/* Called from the exporting thread with the fraction done, 0–1, and what
 * is being done ("Drawing dots"). */
typedef void (*HlExportProgressFunc) (double      fraction,
                                      const char *step,
                                      gpointer    user_data);

/* Defaults: hl_render_options_init(), the first view, the photo, no
 * clinic, no client metadata, links refused, nothing-to-simulate refused. */
void         hl_export_options_init   (HlExportOptions       *options,
                                       HlExportKind           kind);

/* ".png" or ".pdf" (static). */
const char  *hl_export_kind_extension (HlExportKind           kind);

/* TRUE when @path ends with the extension of @kind (any case). */
gboolean     hl_export_has_extension  (HlExportKind           kind,
                                       const char            *path);

/* @path with the extension of @kind: added, or put in place of an image
 * or document extension it has (.jpg, .png, .pdf, ...). Caller frees. */
char        *hl_export_fix_extension  (HlExportKind           kind,
                                       const char            *path);

/* Whether view @view (mockup) or any view (sheet) of @design has anything
 * to simulate: a zone or a manual dot edit. */
gboolean     hl_export_has_design     (const HlDesign        *design,
                                       HlExportKind           kind,
                                       guint                  view);

/* The part of view @view a mockup cropped to the head shows, in image px:
 * the bounding box of its hairline and its scalp outline
 * (hl_view_get_scalp_outline(): the same box whatever zones are drawn),
 * widened to its head model's silhouette (sides and top) when it has one,
 * or, for a view without an outline, of its hairline, zones and
 * hand-placed dots, grown by
 * @margin (fraction of the box's larger side) on every side, in whole
 * pixels and clamped to the view's size (@photo's, else the design's
 * record; hl_render_view_size()). Empty when the view has none of them. */
HlRect       hl_export_head_crop      (const HlView          *view,
                                       const HlPhoto         *photo,
                                       double                 margin);

/* The mean fresh diameter in mm of @dots, or when @n_dots is 0 of the
 * dot sizes of the view's zones and hand-placed dots; 0 when it has none. */
double       hl_export_fresh_dot_mm   (const HlView          *view,
                                       const HlDot           *dots,
                                       gsize                  n_dots);

/* The scale a mockup of @view starts at: @preferred unless fresh dots of
 * @dot_mm would be under 1 px there (a small calibrated photo: a 0.25 mm
 * dot at 1.4 mm/px is 0.18 px, and the "after" looks like the "before");
 * then the next half step that makes them at least 1.25 px, kept within
 * 16 and 100 MP for @panels images of @width × @height image px, and never
 * under @preferred. `hairline render` (preferred 1) and the window's
 * export dialog (the preferences' scale) both start here. */
double       hl_export_pick_scale     (const HlView          *view,
                                       double                 dot_mm,
                                       int                    width,
                                       int                    height,
                                       int                    panels,
                                       double                 preferred);

/* The size in output pixels of the mockup @options describe, from the
 * photo's size (@photo, else the size the design records). */
void         hl_export_mockup_size    (const HlDesign        *design,
                                       const HlPhoto         *photo,
                                       const HlExportOptions *options,
                                       int                   *width,
                                       int                   *height);

/* The photo of view @index of @design as every export and the
 * consultation sheet read it, by one set of rules: @loaded when the caller
 * already holds that view's photo (borrowed, may be NULL), else loaded
 * from the design's reference, its path relative to @design_path (NULL:
 * used as it is; see hl_design_load_view_photo()). Either way it is held
 * to what the design records: a photo whose SHA-256 or pixel size differs
 * is used, and said through @note ("views[0].photo.path: …: the photo
 * changed since the design was made …"); one on which none of the view's
 * hairline and zones lies is refused, since the output would show nothing
 * of the design, and part of them off it is a note. Returns the photo
 * (transfer full), or NULL with HL_ERROR_PHOTO (missing, unreadable, no
 * photo) or HL_EXPORT_ERROR_OFF_PHOTO. @note may be NULL. */
HlPhoto     *hl_export_load_view_photo (const HlDesign        *design,
                                        guint                  index,
                                        const char            *design_path,
                                        HlPhoto               *loaded,
                                        HlExportNoteFunc       note,
                                        gpointer               user_data,
                                        GError               **error);

/* Exports @design, whose photo paths are relative to @design_path (NULL:
 * they are used as they are), to @output. Returns FALSE with @error set:
 * HL_ERROR_IO for the output (refused or not written; nothing is left
 * behind), HL_EXPORT_ERROR_EXTENSION, HL_ERROR_PHOTO naming
 * views[N].photo.path, HL_EXPORT_ERROR_OFF_PHOTO, HL_EXPORT_ERROR_EMPTY
 * (unless @options allow it), HL_ERROR_TOO_LARGE, or G_IO_ERROR_CANCELLED.
 * @note and @progress may be NULL. */
gboolean     hl_export_write          (const HlDesign        *design,
                                       const char            *design_path,
                                       const char            *output,
                                       const HlExportOptions *options,
                                       HlExportNoteFunc       note,
                                       HlExportProgressFunc   progress,
                                       gpointer               user_data,
                                       GCancellable          *cancellable,
                                       GError               **error);

GQuark       hl_export_error_quark    (void);

G_END_DECLS
