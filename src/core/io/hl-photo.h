/* hl-photo.h: a client's photo, decoded upright and ready to draw.
 *
 * A file is opened once, without waiting (a FIFO at its path never blocks),
 * checked to be a regular file on that descriptor and read from it.
 * Animations are refused from their bytes before any decoder sees them
 * (hl-image-check.h). Decoding goes through gdk-pixbuf (JPEG, PNG, and WebP
 * where its loader is installed). The size is read from the header and
 * checked before any pixel is decoded; a PNG, JPEG or WebP whose data stops
 * early is refused as cut short; EXIF orientation is applied; the SHA-256
 * of the file's bytes is computed from the same single read. No metadata is
 * kept: exports built from a photo carry none of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hl-design.h"
#include "hl-view.h"

G_BEGIN_DECLS

/* Photos above this many pixels are refused before decoding. */
#define HL_PHOTO_MAX_PIXELS (100 * 1000 * 1000)
/* Vector images (SVG...) are drawn at their nominal size, which costs far
 * more time per pixel than decoding a photo and can be claimed in a few
 * bytes: above this many pixels they are refused before drawing. */
#define HL_PHOTO_MAX_VECTOR_PIXELS (16 * 1000 * 1000)
/* Decoding costs time and memory by the pixels a header claims, whatever
 * the file holds: a raster photo above HL_PHOTO_FREE_PIXELS must have at
 * least one byte per this many pixels (camera and phone photos have one per
 * 3–30; a flat RGB PNG at deflate's best, one per ~350). So a file of N
 * bytes decodes at most max (HL_PHOTO_FREE_PIXELS, N × this) pixels, and
 * never more than HL_PHOTO_MAX_PIXELS. Small flat images (a one-colour
 * palette PNG can hold 2,000 pixels a byte) stay readable. Animated
 * images are refused from their bytes before decoding: an animated WebP
 * (every frame costs the whole canvas), an APNG, a GIF of several frames;
 * any other animation a loader reports, once read. */
#define HL_PHOTO_MAX_PIXELS_PER_BYTE 1000
#define HL_PHOTO_FREE_PIXELS (4 * 1000 * 1000)
/* The photos of all views of a design together, by the sizes the design
 * declares (views are loaded one at a time; this bounds the work of a
 * report over all views). */
#define HL_DESIGN_MAX_PHOTO_PIXELS (400 * 1000 * 1000)

typedef struct _HlPhoto HlPhoto;

/* Loads @path. Returns a new photo (transfer full, free with hl_photo_unref)
 * or NULL with HL_ERROR_PHOTO (missing, unreadable, too large, broken). */
HlPhoto         *hl_photo_load         (const char       *path,
                                        GError          **error);
/* Decodes a PNG image held in memory (a pasted image), named @name in
 * messages; the SHA-256 is that of @bytes. Transfer full, or NULL with
 * HL_ERROR_PHOTO. */
HlPhoto         *hl_photo_load_bytes   (GBytes           *bytes,
                                        const char       *name,
                                        GError          **error);
/* Head chart @chart ("front", ..., see hl-head-chart.h) drawn at full size
 * as a photo (transfer full); its SHA-256 is that of its pixel rows. NULL
 * with HL_ERROR_PHOTO for a name that is no chart. */
HlPhoto         *hl_photo_new_for_chart (const char      *chart,
                                        GError          **error);
HlPhoto         *hl_photo_ref          (HlPhoto          *photo);
/* Drops a reference. The last one of a photo over 16 MB of pixels (4 MP)
 * hands it to a background thread that frees it half a second later:
 * giving a 24 MP photo's memory back to the system takes 10–15 ms, which
 * the caller (the editor's main thread) does not wait for, and during
 * which the pages the next frames touch first would wait. */
void             hl_photo_unref        (HlPhoto          *photo);

int              hl_photo_get_width    (const HlPhoto    *photo);
int              hl_photo_get_height   (const HlPhoto    *photo);
/* 64 lowercase hex digits (borrowed). */
const char      *hl_photo_get_sha256   (const HlPhoto    *photo);
/* An opaque CAIRO_FORMAT_RGB24 image surface (borrowed). */
cairo_surface_t *hl_photo_get_surface  (const HlPhoto    *photo);
/* The photo for drawing at @scale (output px per photo px): the full
 * image, or for @scale ≤ 1/2 a copy halved as often as keeps it at least
 * as large as the output, whose size relative to the photo goes to
 * *@level_scale (1, 1/2, 1/4, ...). Halved copies are made on first use
 * (safe from any thread) and kept with the photo. Borrowed. */
cairo_surface_t *hl_photo_get_surface_for_scale (const HlPhoto *photo,
                                                 double         scale,
                                                 double        *level_scale);

/* Makes now, on the calling thread, the halved copies that drawing the
 * whole photo @output_px pixels long needs: a loader's worker calls it so
 * that a window's first frame does not (a 24 MP photo's halvings take tens
 * of milliseconds). */
void             hl_photo_prepare_levels (const HlPhoto *photo,
                                          int            output_px);
/* Makes now, on the calling thread, the photo as it is drawn at @scale
 * (output px per photo px, below 1) with its top-left corner at (@dx, @dy)
 * in output px: what a window's first frame draws when it fits a newly
 * opened photo. A loader's worker calls it with the fit it expects; then
 * hl_render_view() at that scale, with offsets of the same fractions of a
 * pixel, copies it (≈ 0.3 ms for a window) instead of scaling the photo
 * (5–6 ms for a 24 MP one). Kept with the photo, one at a time (a later
 * call replaces it); nothing is kept for @scale ≥ 1 or an output over
 * 8192 px a side. */
void             hl_photo_prepare_view   (const HlPhoto *photo,
                                          double         scale,
                                          double         dx,
                                          double         dy);
/* The view hl_photo_prepare_view() made, if it was made for @scale and
 * offsets with the same fractions as @dx, @dy: a surface (transfer full:
 * cairo_surface_destroy) of premultiplied ARGB32, transparent beyond the
 * photo's antialiased edges, whose top-left pixel goes to output pixel
 * (*@x, *@y). Else NULL. */
cairo_surface_t *hl_photo_ref_view       (const HlPhoto *photo,
                                          double         scale,
                                          double         dx,
                                          double         dy,
                                          int           *x,
                                          int           *y);
/* How many halved copies have been made so far (0: none yet). */
guint            hl_photo_get_n_levels   (const HlPhoto *photo);

/* FALSE with HL_ERROR_PHOTO when @photo is not the one @ref describes
 * (different SHA-256 or pixel size): the photo changed since the design
 * was made. A reference without a SHA-256 only checks the size. */
gboolean         hl_photo_matches      (const HlPhoto    *photo,
                                        const HlPhotoRef *ref,
                                        GError          **error);

/* Where the photo of a design lives: @photo_path relative to the folder of
 * @design_path (absolute paths pass through). Caller frees. */
char            *hl_photo_resolve_path (const char       *design_path,
                                        const char       *photo_path);

/* The reverse: how a design saved at @design_path refers to the photo at
 * the absolute @photo_path — relative when the photo lies in the design's
 * folder or below it, else absolute. Caller frees. */
char            *hl_photo_relative_path (const char      *design_path,
                                         const char      *photo_path);

/* A new design (transfer full) whose views' photo paths, relative to
 * @from_path (NULL: already absolute), are rewritten for a design file at
 * @to_path (NULL: made absolute). Everything else is shared. */
HlDesign        *hl_design_rebase_photos (const HlDesign *design,
                                          const char     *from_path,
                                          const char     *to_path);

/* Loads the photo of view @index of @design (a head chart's view gets its
 * chart, hl_photo_new_for_chart), its path resolved against
 * @design_path (NULL: the path is used as it is). Returns the photo
 * (transfer full) or NULL with HL_ERROR_PHOTO. A photo that loads but is
 * not the one the design was made on is returned and described in
 * *@warning (may be NULL). Every message starts with the JSON path, e.g.
 * "views[0].photo.path: photo not found: /home/ana/front.jpg". */
HlPhoto         *hl_design_load_view_photo (const HlDesign  *design,
                                            guint            index,
                                            const char      *design_path,
                                            GError         **warning,
                                            GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlPhoto, hl_photo_unref)

G_END_DECLS
