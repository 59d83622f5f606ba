/* hl-progress-photo.h: a photo taken at a treatment session, referenced
 * like a view's photo (path relative to the design file, SHA-256, pixel
 * size; never embedded, never modified) and aligned to one of the design's
 * views.
 *
 * The alignment maps the photo's pixels onto the view's image pixels. It is
 * fitted from 2–4 landmark pairs clicked on both: 2 pairs give a similarity
 * (scale, rotation, translation), 3 an affine map, 4 a projective one
 * (a homography). The pairs and the fitted 3 × 3 matrix (row-major, acting
 * on [x, y, 1]) are both stored.
 *
 * Immutable once shared and reference-counted; build with _new and the
 * setters, then share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-geometry.h"

G_BEGIN_DECLS

#define HL_PROGRESS_PHOTO_MAX_PAIRS 4

typedef struct _HlProgressPhoto HlProgressPhoto;

typedef struct
{
  HlPoint photo;   /* image px of the progress photo */
  HlPoint view;    /* image px of the view */
} HlAlignPair;

struct _HlProgressPhoto
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  char        *path;         /* owned, relative to the design file */
  char        *sha256;       /* owned, 64 lowercase hex digits, may be NULL */
  int          width, height;
  char        *view;         /* owned: the name of the view it is aligned to */
  guint        n_pairs;      /* 0, or 2–4 */
  HlAlignPair  pairs[HL_PROGRESS_PHOTO_MAX_PAIRS];
  gboolean     aligned;      /* the transform below is set */
  double       transform[9]; /* photo px → view px, row-major */
  struct cJSON *extra;       /* unknown members, owned, may be NULL */
};

/* transfer full. */
HlProgressPhoto *hl_progress_photo_new   (const char            *path,
                                          const char            *sha256,
                                          int                    width,
                                          int                    height,
                                          const char            *view);
HlProgressPhoto *hl_progress_photo_copy  (const HlProgressPhoto *photo);
HlProgressPhoto *hl_progress_photo_ref   (HlProgressPhoto       *photo);
void             hl_progress_photo_unref (HlProgressPhoto       *photo);
gboolean         hl_progress_photo_equal (const HlProgressPhoto *a,
                                          const HlProgressPhoto *b);

/* Fits the alignment from @n (2–4) pairs (borrowed) and stores the pairs
 * and the matrix; FALSE (and nothing changed) when the pairs are
 * degenerate: coincident points, three on a line. Only on a photo whose
 * reference you alone hold. */
gboolean         hl_progress_photo_align (HlProgressPhoto       *photo,
                                          const HlAlignPair     *pairs,
                                          guint                  n);
/* Stores @m (9 values, borrowed) as the alignment as read from a file,
 * with @n pairs (may be 0). */
void             hl_progress_photo_set_transform (HlProgressPhoto *photo,
                                          const double          *m,
                                          const HlAlignPair     *pairs,
                                          guint                  n);

/* The matrix mapping @n pairs' photo points onto their view points, into
 * @m (row-major); FALSE when degenerate. */
gboolean         hl_align_fit            (const HlAlignPair     *pairs,
                                          guint                  n,
                                          double                 m[9]);
/* @p mapped through @m; FALSE when it goes to infinity. */
gboolean         hl_align_apply          (const double           m[9],
                                          HlPoint                p,
                                          HlPoint               *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlProgressPhoto, hl_progress_photo_unref)

G_END_DECLS
