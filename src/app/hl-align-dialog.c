/* hl-align-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-align-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "hl-align-dialog.h"

/* The landmarks asked for, in this order, when the view has them: far
 * apart ones first, so that two already fix the scale and the turn. */
static const struct
{
  HlLandmark  which;
  const char *label;
} candidates[] = {
  { HL_LANDMARK_RIGHT_PUPIL, N_("the right pupil") },
  { HL_LANDMARK_LEFT_PUPIL, N_("the left pupil") },
  { HL_LANDMARK_MID_FRONTAL_POINT, N_("the mid-frontal point") },
  { HL_LANDMARK_GLABELLA, N_("the glabella") },
  { HL_LANDMARK_RIGHT_CANTHUS, N_("the right outer eye corner") },
  { HL_LANDMARK_LEFT_CANTHUS, N_("the left outer eye corner") },
  { HL_LANDMARK_NASION, N_("the nasion") },
};

struct _HlAlignDialog
{
  AdwWindow        parent_instance;

  HlProgressPhoto *progress;
  HlPhoto         *photo;
  HlView          *view;
  HlAlignDone      done;
  gpointer         user_data;

  guint            asked[HL_PROGRESS_PHOTO_MAX_PAIRS];   /* indices into candidates */
  guint            n_asked;
  HlAlignPair      pairs[HL_PROGRESS_PHOTO_MAX_PAIRS];
  guint            n_pairs;

  GtkDrawingArea  *area;
  GtkLabel        *prompt;
  GtkLabel        *message;
  GtkWidget       *align_button;
  GtkWidget       *undo_button;
  double           scale, ox, oy;   /* photo px → area px */
  gboolean         drawn;
};

G_DEFINE_FINAL_TYPE (HlAlignDialog, hl_align_dialog, ADW_TYPE_WINDOW)

static void
update (HlAlignDialog *self)
{
  if (self->n_pairs < self->n_asked)
    {
      /* Translators: %s is a landmark ("the right pupil"); then which
       * click this is, and how many there are. */
      g_autofree char *text = g_strdup_printf (_("Click %s on the photo (%u of %u)"),
                                               _(candidates[self->asked[self->n_pairs]].label),
                                               self->n_pairs + 1, self->n_asked);

      gtk_label_set_text (self->prompt, text);
    }
  else
    gtk_label_set_text (self->prompt, _("All points placed: align the photo"));
  gtk_widget_set_sensitive (self->align_button, self->n_pairs >= 2);
  gtk_widget_set_sensitive (self->undo_button, self->n_pairs > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        data)
{
  HlAlignDialog *self = data;
  cairo_surface_t *image = hl_photo_get_surface (self->photo);
  double iw = cairo_image_surface_get_width (image), ih = cairo_image_surface_get_height (image);

  self->scale = MIN (width / iw, height / ih);
  self->ox = (width - iw * self->scale) / 2;
  self->oy = (height - ih * self->scale) / 2;
  self->drawn = TRUE;

  cairo_save (cr);
  cairo_translate (cr, self->ox, self->oy);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  for (guint i = 0; i < self->n_pairs; i++)
    {
      double x = self->ox + self->pairs[i].photo.x * self->scale;
      double y = self->oy + self->pairs[i].photo.y * self->scale;

      /* A cross with a dark outline: visible on skin and hair alike. */
      for (guint pass = 0; pass < 2; pass++)
        {
          cairo_set_line_width (cr, pass == 0 ? 4 : 2);
          if (pass == 0)
            cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
          else
            cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
          cairo_move_to (cr, x - 8, y);
          cairo_line_to (cr, x + 8, y);
          cairo_move_to (cr, x, y - 8);
          cairo_line_to (cr, x, y + 8);
          cairo_stroke (cr);
        }
    }
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            HlAlignDialog   *self)
{
  HlPoint p;

  if (!self->drawn || self->n_pairs >= self->n_asked)
    return;
  p.x = (x - self->ox) / self->scale;
  p.y = (y - self->oy) / self->scale;
  if (p.x < 0 || p.y < 0 || p.x > self->progress->width || p.y > self->progress->height)
    return;
  self->pairs[self->n_pairs].photo = p;
  self->pairs[self->n_pairs].view = self->view->landmarks[candidates[self->asked[self->n_pairs]].which].p;
  self->n_pairs++;
  gtk_label_set_text (self->message, "");
  update (self);
}

static void
on_undo (HlAlignDialog *self)
{
  if (self->n_pairs > 0)
    self->n_pairs--;
  update (self);
}

static void
on_align (HlAlignDialog *self)
{
  g_autoptr(HlProgressPhoto) aligned = hl_progress_photo_copy (self->progress);

  if (!hl_progress_photo_align (aligned, self->pairs, self->n_pairs))
    {
      gtk_label_set_text (self->message, _("These points fix no alignment: they repeat or lie on a line. "
                                           "Undo a click and place it again."));
      return;
    }
  if (self->done != NULL)
    self->done (aligned, self->user_data);
  self->done = NULL;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hl_align_dialog_dispose (GObject *object)
{
  HlAlignDialog *self = HL_ALIGN_DIALOG (object);

  g_clear_pointer (&self->progress, hl_progress_photo_unref);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_clear_pointer (&self->view, hl_view_unref);
  G_OBJECT_CLASS (hl_align_dialog_parent_class)->dispose (object);
}

static void
hl_align_dialog_class_init (HlAlignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_align_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_align_dialog_init (HlAlignDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Align Progress Photo"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->undo_button = gtk_button_new_with_mnemonic (_("_Undo Click"));
  g_signal_connect_swapped (self->undo_button, "clicked", G_CALLBACK (on_undo), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->undo_button);
  self->align_button = gtk_button_new_with_mnemonic (_("_Align"));
  gtk_widget_add_css_class (self->align_button, "suggested-action");
  g_signal_connect_swapped (self->align_button, "clicked", G_CALLBACK (on_align), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->align_button);
  gtk_box_append (GTK_BOX (box), header);

  self->prompt = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->prompt, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->prompt));
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->area), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress photo: click the point asked for"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area));

  adw_window_set_content (ADW_WINDOW (self), box);
}

HlAlignDialog *
hl_align_dialog_new (GtkWindow       *parent,
                     HlProgressPhoto *progress,
                     HlPhoto         *photo,
                     const HlView    *view,
                     HlAlignDone      done,
                     gpointer         user_data)
{
  HlAlignDialog *self;
  guint n = 0;

  g_return_val_if_fail (progress != NULL && photo != NULL && view != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && n < HL_PROGRESS_PHOTO_MAX_PAIRS; i++)
    if (view->landmarks[candidates[i].which].set)
      n++;
  if (n < 2)
    return NULL;

  self = g_object_new (HL_TYPE_ALIGN_DIALOG, "transient-for", parent, NULL);
  self->progress = hl_progress_photo_ref (progress);
  self->photo = hl_photo_ref (photo);
  self->view = hl_view_ref ((HlView *) view);
  self->done = done;
  self->user_data = user_data;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && self->n_asked < HL_PROGRESS_PHOTO_MAX_PAIRS; i++)
    if (view->landmarks[candidates[i].which].set)
      self->asked[self->n_asked++] = i;
  update (self);
  return self;
}

const char *
hl_align_dialog_get_asked (HlAlignDialog *self)
{
  g_return_val_if_fail (HL_IS_ALIGN_DIALOG (self), NULL);
  if (self->n_pairs >= self->n_asked)
    return NULL;
  return hl_landmark_to_string (candidates[self->asked[self->n_pairs]].which);
}

gboolean
hl_align_dialog_photo_to_window (HlAlignDialog *self,
                                 HlPoint        p,
                                 double        *x,
                                 double        *y)
{
  graphene_point_t in, out;

  g_return_val_if_fail (HL_IS_ALIGN_DIALOG (self), FALSE);
  if (!self->drawn)
    return FALSE;
  in = GRAPHENE_POINT_INIT (self->ox + p.x * self->scale, self->oy + p.y * self->scale);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->area), GTK_WIDGET (self), &in, &out))
    return FALSE;
  /* In the surface: past the window's shadow and border. */
  {
    double sx = 0, sy = 0;

    gtk_native_get_surface_transform (GTK_NATIVE (self), &sx, &sy);
    *x = out.x + sx;
    *y = out.y + sy;
  }
  return TRUE;
}

const char *
hl_align_dialog_get_message (HlAlignDialog *self)
{
  g_return_val_if_fail (HL_IS_ALIGN_DIALOG (self), NULL);
  return gtk_label_get_text (self->message);
}

void
hl_align_dialog_set_user_data (HlAlignDialog *self,
                               gpointer       user_data)
{
  g_return_if_fail (HL_IS_ALIGN_DIALOG (self));
  self->user_data = user_data;
}
