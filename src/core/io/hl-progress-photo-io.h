/* hl-progress-photo-io.h: progress photos on disk, and the files a design
 * refers to when it moves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-design.h"
#include "hl-photo.h"

G_BEGIN_DECLS

/* Loads @path by the photo rules of hl_photo_load() (size, format,
 * animations, files cut short) and returns a progress photo referring to
 * it (path as given, SHA-256, pixel size) for view @view, not aligned
 * (transfer full). *@photo (may be NULL) receives the pixels (transfer
 * full). NULL with HL_ERROR_PHOTO when it fails the photo checks. */
HlProgressPhoto *hl_progress_photo_load (const char  *path,
                                         const char  *view,
                                         HlPhoto    **photo,
                                         GError     **error);

/* Rewrites, in @design (unshared), every progress photo's path resolved
 * against @from_path and made relative to @to_path (NULL: absolute), as
 * hl_design_rebase_photos() does for the views' photos. */
void     hl_design_rebase_progress_photos (HlDesign   *design,
                                           const char *from_path,
                                           const char *to_path);

/* Copies every photo file of @design (views' and progress photos, with
 * absolute paths) into the folder of @design_path, which must exist: a
 * file already there is left where it is; a name taken by another file
 * gets "-2", "-3"... before its extension; an identical file there is used
 * as it is. New files are private (0600) and written atomically. Returns
 * @design with the paths of the copies (transfer full), or NULL with
 * @error set; a photo that cannot be read is refused (HL_ERROR_PHOTO)
 * rather than left behind. */
HlDesign *hl_design_copy_photos (const HlDesign *design,
                                 const char     *design_path,
                                 GError        **error);

G_END_DECLS
