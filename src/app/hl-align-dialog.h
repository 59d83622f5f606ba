/* hl-align-dialog.h: aligning a progress photo to a view by finding the
 * view's own landmarks again on it.
 *
 * The dialog shows the photo and asks, one after the other, for 2–4 of
 * the landmarks the view has (pupils, mid-frontal point, glabella, ...):
 * each click pairs a point of the photo with the landmark's place on the
 * view. "Align" fits the map (hl_progress_photo_align(): a similarity from
 * 2 pairs, affine from 3, projective from 4) and hands the aligned photo
 * to the callback; pairs that fix no alignment are refused with a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-photo.h"
#include "hl-progress-photo.h"
#include "hl-view.h"

G_BEGIN_DECLS

#define HL_TYPE_ALIGN_DIALOG (hl_align_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HlAlignDialog, hl_align_dialog, HL, ALIGN_DIALOG, AdwWindow)

/* Called once with the aligned photo (borrowed) when the user aligns it. */
typedef void (*HlAlignDone) (HlProgressPhoto *photo,
                             gpointer         user_data);

/* A dialog over @parent aligning @progress (its pixels @photo) to @view
 * (all borrowed: referenced by the dialog). NULL when @view has fewer than
 * two landmarks to find. */
HlAlignDialog *hl_align_dialog_new            (GtkWindow       *parent,
                                               HlProgressPhoto *progress,
                                               HlPhoto         *photo,
                                               const HlView    *view,
                                               HlAlignDone      done,
                                               gpointer         user_data);

/* Replaces the callback's @user_data (it must live as long as the
 * dialog). */
void           hl_align_dialog_set_user_data  (HlAlignDialog   *self,
                                               gpointer         user_data);
/* For tests: the landmark asked for now (a file name such as
 * "right_pupil"), NULL when all are placed. */
const char    *hl_align_dialog_get_asked      (HlAlignDialog   *self);
/* For tests: where the drawing area shows photo point @p, in the
 * coordinates of the dialog's surface, as X pointer events give them
 * (FALSE before it is drawn). */
gboolean       hl_align_dialog_photo_to_window (HlAlignDialog  *self,
                                               HlPoint          p,
                                               double          *x,
                                               double          *y);
/* The message shown, "" when none (borrowed). */
const char    *hl_align_dialog_get_message    (HlAlignDialog   *self);

G_END_DECLS
