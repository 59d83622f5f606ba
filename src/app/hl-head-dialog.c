/* hl-head-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-head-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "hl-head-dialog.h"
#include "hl-head-edit.h"
#include "hl-head-model.h"
#include "hl-length-spin.h"

typedef enum
{
  FIELD_BREADTH,
  FIELD_LENGTH,
  FIELD_HEIGHT,
  FIELD_YAW,
  FIELD_PITCH,
  FIELD_ROLL,
  FIELD_SCALE,
  FIELD_CENTRE_X,
  FIELD_CENTRE_Y,
  N_FIELDS
} Field;

typedef struct
{
  const char *name;      /* the format's member */
  const char *title;     /* with a mnemonic */
  const char *subtitle;
  double      lo, hi, step;
  guint       digits;
} FieldInfo;

/* The ranges a file may hold (hl-head-model.h, hl-head-pose.h); the
 * centre's range is the photo's, set when the dialog follows a view. */
static const FieldInfo fields[N_FIELDS] = {
  /* The head's lengths show in the unit of the preferences (hl-length-spin.h),
   * their subtitles after its symbol. */
  { "breadth_mm", N_("_Breadth"), N_("euryon to euryon"), HL_HEAD_MIN_BREADTH_MM, HL_HEAD_MAX_BREADTH_MM, 1, 0 },
  { "length_mm", N_("_Length"), N_("glabella to the back of the head"), HL_HEAD_MIN_LENGTH_MM,
    HL_HEAD_MAX_LENGTH_MM, 1, 0 },
  { "height_mm", N_("H_eight"), N_("glabella to the vertex"), HL_HEAD_MIN_HEIGHT_MM, HL_HEAD_MAX_HEIGHT_MM, 1, 0 },
  { "yaw_deg", N_("_Turn"), N_("degrees; 90: the left side faces the camera"), -180, 180, 1, 1 },
  { "pitch_deg", N_("T_ilt"), N_("degrees; −90: seen from above"), -90, 90, 1, 1 },
  { "roll_deg", N_("_Roll"), N_("degrees, about the camera's axis"), -180, 180, 1, 1 },
  { "scale", N_("_Scale"), N_("image pixels per mm of the head"), HL_HEAD_POSE_MIN_SCALE, HL_HEAD_POSE_MAX_SCALE, 0.1, 2 },
  { "centre_x", N_("Centre _Across"), N_("image pixels"), -HL_HEAD_POSE_MAX_CENTRE, HL_HEAD_POSE_MAX_CENTRE, 1, 0 },
  { "centre_y", N_("Centre _Down"), N_("image pixels"), -HL_HEAD_POSE_MAX_CENTRE, HL_HEAD_POSE_MAX_CENTRE, 1, 0 },
};

struct _HlHeadDialog
{
  AdwWindow       parent_instance;

  /* Owned references */
  HlDocument     *document;
  HlCanvas       *canvas;
  char           *message_text;

  /* Widgets (the window owns them) */
  GtkSpinButton  *spins[N_FIELDS];
  GtkWidget      *rows[N_FIELDS];
  GtkLabel       *message;
  GtkLabel       *status;

  gboolean        updating;     /* spins set from the document */

  /* A drag of a handle on the canvas. */
  int             drag_mode;    /* DRAG_NONE, DRAG_CENTRE, DRAG_SIZE */
  HlPoint         drag_from;    /* image px where it began */
  HlHeadModel     drag_model;   /* the head and pose then */
  HlHeadPose      drag_pose;
  HlDesign       *drag_design;  /* owned: what the drag shows, to commit */
};

enum { DRAG_NONE, DRAG_CENTRE, DRAG_SIZE };

/* A handle takes a press within this many screen px. */
#define HANDLE_REACH 10.0

G_DEFINE_FINAL_TYPE (HlHeadDialog, hl_head_dialog, ADW_TYPE_WINDOW)

static const HlView *
shown_view (HlHeadDialog *self,
            guint        *index)
{
  HlDesign *design = hl_document_get_design (self->document);
  guint i = hl_document_get_view_index (self->document);

  if (design == NULL || i >= hl_design_get_n_views (design))
    return NULL;
  if (index != NULL)
    *index = i;
  return hl_design_get_view (design, i);
}

/* The head and pose the canvas shows for the shown view (a drag's
 * preview included): its own, or where adjusting would start. */
static gboolean
shown_head (HlHeadDialog *self,
            HlHeadModel  *model,
            HlHeadPose   *pose,
            guint        *index)
{
  HlDesign *shown = hl_document_get_shown (self->document);

  if (shown_view (self, index) == NULL || shown == NULL || *index >= hl_design_get_n_views (shown))
    return FALSE;
  hl_head_edit_initial (shown, *index, model, pose);
  return TRUE;
}

/* The size handle: the outline's point farthest right on the image. */
static HlPoint
size_handle (const HlHeadModel *model,
             const HlHeadPose  *pose)
{
  g_autoptr(GArray) outline = hl_head_model_silhouette (model, pose, 96, 0.0);
  HlPoint best = { pose->centre_x, pose->centre_y };

  for (guint i = 0; i < outline->len; i++)
    if (i == 0 || g_array_index (outline, HlPoint, i).x > best.x)
      best = g_array_index (outline, HlPoint, i);
  return best;
}

static void
show_message (HlHeadDialog *self,
              const char   *text)
{
  g_free (self->message_text);
  self->message_text = g_strdup (text != NULL ? text : "");
  gtk_label_set_text (self->message, self->message_text);
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && *text != '\0');
}

/* The spins from the shown view: its head and pose, or where adjusting
 * would start (hl_head_edit_initial()). */
static void
refresh (HlHeadDialog *self)
{
  guint index;
  const HlView *view = shown_view (self, &index);
  HlHeadModel model;
  HlHeadPose pose;
  double values[N_FIELDS];
  gboolean chart;

  if (view == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  hl_head_edit_initial (hl_document_get_design (self->document), index, &model, &pose);
  values[FIELD_BREADTH] = model.breadth_mm;
  values[FIELD_LENGTH] = model.length_mm;
  values[FIELD_HEIGHT] = model.height_mm;
  values[FIELD_YAW] = pose.yaw_deg;
  values[FIELD_PITCH] = pose.pitch_deg;
  values[FIELD_ROLL] = pose.roll_deg;
  values[FIELD_SCALE] = pose.scale;
  values[FIELD_CENTRE_X] = pose.centre_x;
  values[FIELD_CENTRE_Y] = pose.centre_y;
  chart = view->photo.chart != NULL;

  self->updating = TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      /* A typed value being corrected stays. */
      if (gtk_widget_has_css_class (GTK_WIDGET (self->spins[f]), "error"))
        continue;
      if (f <= FIELD_HEIGHT)
        hl_length_spin_set_mm (self->spins[f], values[f]);
      else
        gtk_spin_button_set_value (self->spins[f], values[f]);
    }
  for (guint f = FIELD_BREADTH; f <= FIELD_HEIGHT; f++)
    gtk_widget_set_sensitive (self->rows[f], !chart);
  self->updating = FALSE;

  if (view->has_head)
    gtk_label_set_text (self->status, _("Areas and densities of this view are measured on the scalp of this model."));
  else
    gtk_label_set_text (self->status,
                        _("This view is measured in the photo's plane: change a value to place the model on it."));
  if (self->canvas != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_value_changed (GtkSpinButton *spin,
                  HlHeadDialog  *self)
{
  guint index;
  const HlView *view = shown_view (self, &index);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) edited = NULL;
  g_autofree char *key = NULL;
  HlHeadModel model;
  HlHeadPose pose;
  guint f;

  if (self->updating || view == NULL)
    return;
  for (f = 0; f < N_FIELDS && self->spins[f] != spin; f++)
    ;
  g_assert (f < N_FIELDS);

  /* The document's values, the changed field's from its spin button:
   * what the others show is rounded, and stays as it is. */
  hl_head_edit_initial (hl_document_get_design (self->document), index, &model, &pose);
  {
    double *slot[N_FIELDS] = { &model.breadth_mm, &model.length_mm, &model.height_mm, &pose.yaw_deg,
                               &pose.pitch_deg, &pose.roll_deg, &pose.scale, &pose.centre_x, &pose.centre_y };
    double v = f <= FIELD_HEIGHT ? hl_length_spin_get_mm (spin) : gtk_spin_button_get_value (spin);

    /* The shown value read back (a focus leaving the spin button) is no
     * change. */
    if (fabs (v - *slot[f]) <= 0.5 * pow (10.0, -(double) fields[f].digits) + 1e-9)
      return;
    *slot[f] = v;
  }
  /* A chart keeps its own head. */
  if (view->photo.chart != NULL && view->has_head)
    model = view->head;
  edited = hl_head_edit_set (hl_document_get_design (self->document), index, &model, &pose, &error);
  if (edited == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      show_message (self, error->message);
      return;
    }
  for (guint k = 0; k < N_FIELDS; k++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->spins[k]), "error");
  show_message (self, NULL);
  key = g_strdup_printf ("view %u: head %s", index, fields[f].name);
  hl_document_commit (self->document, edited, _("Adjust head model"), key);
}

/* A value typed outside its range is refused with the format's message
 * rather than clamped without a word. */
static int
on_input (GtkSpinButton *spin,
          double        *value,
          HlHeadDialog  *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double v, lo, hi;
  guint f, index;

  for (f = 0; f < N_FIELDS && self->spins[f] != spin; f++)
    ;
  g_assert (f < N_FIELDS);
  v = g_strtod (text, &end);
  if (end == text)
    return FALSE;      /* GTK's own parsing */
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end != NULL && *end != '\0')
    return FALSE;
  gtk_spin_button_get_range (spin, &lo, &hi);
  if (isfinite (v) && v >= lo && v <= hi)
    {
      *value = v;
      return TRUE;
    }
  /* The message names the format's member: its range in millimetres. */
  if (f <= FIELD_HEIGHT)
    {
      lo = fields[f].lo;
      hi = fields[f].hi;
    }
  if (shown_view (self, &index) != NULL)
    {
      g_autofree char *msg = NULL;

      const char *unit = f <= FIELD_HEIGHT ? _(" mm") : f <= FIELD_ROLL ? _("°")
                       : f == FIELD_SCALE ? _(" px/mm") : _(" px");

      if (f <= FIELD_HEIGHT)
        /* Translators: a JSON path, then the range a value must lie in. */
        msg = g_strdup_printf (_("head.%s: must be %g–%g%s"), fields[f].name, lo, hi, unit);
      else
        /* Translators: a JSON path, then the range a value must lie in. */
        msg = g_strdup_printf (_("views[%u].pose.%s: must be %g–%g%s"), index, fields[f].name, lo, hi, unit);
      gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
      show_message (self, msg);
    }
  *value = gtk_spin_button_get_value (spin);
  return TRUE;
}

static void
on_changed (HlHeadDialog *self)
{
  guint index;
  const HlView *view = shown_view (self, &index);

  /* The centre may lie a photo's size outside it, no farther. */
  if (view != NULL && view->photo.width > 0 && view->photo.height > 0)
    {
      /* A value clamped to the new range is no change of the user's. */
      self->updating = TRUE;
      gtk_spin_button_set_range (self->spins[FIELD_CENTRE_X], -view->photo.width, 2.0 * view->photo.width);
      gtk_spin_button_set_range (self->spins[FIELD_CENTRE_Y], -view->photo.height, 2.0 * view->photo.height);
      self->updating = FALSE;
    }
  refresh (self);
}

/* The model over the view, in image px: a faint grid of the scalp the
 * view sees (every 30° of longitude, every 15° of latitude above the
 * glabella's level), the outline and the centre. */
static void
draw_model (cairo_t      *cr,
            const HlView *view,
            double        zoom,
            gpointer      user_data)
{
  HlHeadDialog *self = user_data;
  HlHeadModel model;
  HlHeadPose pose;
  g_autoptr(GArray) outline = NULL;
  double abc[3], lw = 1.5 / zoom;
  guint index;

  if (!shown_head (self, &model, &pose, &index))
    return;
  hl_head_model_get_semi_axes (&model, abc);

  cairo_set_line_width (cr, lw);
  /* The grid: lines of latitude and longitude, drawn where visible. */
  cairo_set_source_rgba (cr, 0.55, 0.85, 1.0, 0.45);
  for (int family = 0; family < 2; family++)
    for (int k = 0; k < (family == 0 ? 12 : 6); k++)
      {
        gboolean pen = FALSE;

        for (int s = 0; s <= 72; s++)
          {
            double lon, lat, x[3];
            HlPoint p;

            if (family == 0)
              {
                lon = k * G_PI / 6.0;
                lat = -0.2 + (G_PI / 2.0 + 0.2) * s / 72.0;
              }
            else
              {
                lat = k * G_PI / 12.0;
                lon = 2.0 * G_PI * s / 72.0;
              }
            x[0] = abc[0] * cos (lat) * cos (lon);
            x[1] = abc[1] * cos (lat) * sin (lon);
            x[2] = abc[2] * sin (lat);
            if (hl_head_model_scalp_to_image (&model, &pose, x, &p))
              {
                if (pen)
                  cairo_line_to (cr, p.x, p.y);
                else
                  cairo_move_to (cr, p.x, p.y);
                pen = TRUE;
              }
            else
              pen = FALSE;
          }
        cairo_stroke (cr);
      }

  /* The outline, dark under light so it reads on any photo. */
  outline = hl_head_model_silhouette (&model, &pose, 96, 0.0);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < outline->len; i++)
        {
          HlPoint p = g_array_index (outline, HlPoint, i);

          if (i == 0)
            cairo_move_to (cr, p.x, p.y);
          else
            cairo_line_to (cr, p.x, p.y);
        }
      cairo_close_path (cr);
      cairo_set_line_width (cr, pass == 0 ? 3.5 * lw : 1.5 * lw);
      if (pass == 0)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      else
        cairo_set_source_rgb (cr, 0.55, 0.85, 1.0);
      cairo_stroke (cr);
    }
  /* The handles: the centre (a cross in a ring, dragged to move the
   * head) and the size (a square on the outline's side, dragged to scale
   * it). */
  {
    HlPoint size = size_handle (&model, &pose);

    cairo_arc (cr, pose.centre_x, pose.centre_y, 6 / zoom, 0, 2 * G_PI);
    cairo_new_sub_path (cr);
    cairo_move_to (cr, pose.centre_x - 9 / zoom, pose.centre_y);
    cairo_line_to (cr, pose.centre_x + 9 / zoom, pose.centre_y);
    cairo_move_to (cr, pose.centre_x, pose.centre_y - 9 / zoom);
    cairo_line_to (cr, pose.centre_x, pose.centre_y + 9 / zoom);
    cairo_stroke (cr);
    cairo_rectangle (cr, size.x - 5 / zoom, size.y - 5 / zoom, 10 / zoom, 10 / zoom);
    cairo_fill_preserve (cr);
    cairo_set_source_rgba (cr, 0, 0, 0, 0.7);
    cairo_set_line_width (cr, lw);
    cairo_stroke (cr);
  }
}

/* The canvas's drag of a handle: the centre moves the head, the size
 * handle scales it about its centre; shown while dragged, one undo step
 * when let go. */
static gboolean
on_overlay_input (HlCanvasOverlayPhase phase,
                  HlPoint              p,
                  double               zoom,
                  gpointer             user_data)
{
  HlHeadDialog *self = user_data;
  HlHeadModel model;
  HlHeadPose pose;
  guint index;

  switch (phase)
    {
    case HL_CANVAS_OVERLAY_PRESS:
      if (!shown_head (self, &model, &pose, &index))
        return FALSE;
      if (hl_point_distance (p, (HlPoint) { pose.centre_x, pose.centre_y }) <= HANDLE_REACH / zoom)
        self->drag_mode = DRAG_CENTRE;
      else if (hl_point_distance (p, size_handle (&model, &pose)) <= HANDLE_REACH / zoom)
        self->drag_mode = DRAG_SIZE;
      else
        return FALSE;
      self->drag_from = p;
      self->drag_model = model;
      self->drag_pose = pose;
      return TRUE;

    case HL_CANVAS_OVERLAY_MOTION:
      {
        g_autoptr(HlDesign) edited = NULL;

        if (self->drag_mode == DRAG_NONE || shown_view (self, &index) == NULL)
          return FALSE;
        pose = self->drag_pose;
        if (self->drag_mode == DRAG_CENTRE)
          {
            pose.centre_x += p.x - self->drag_from.x;
            pose.centre_y += p.y - self->drag_from.y;
          }
        else
          {
            HlPoint c = { pose.centre_x, pose.centre_y };
            double from = hl_point_distance (self->drag_from, c);

            if (from > 0.0)
              pose.scale = CLAMP (pose.scale * hl_point_distance (p, c) / from, HL_HEAD_POSE_MIN_SCALE,
                                  HL_HEAD_POSE_MAX_SCALE);
          }
        edited = hl_head_edit_set (hl_document_get_design (self->document), index, &self->drag_model, &pose, NULL);
        if (edited != NULL)
          {
            g_clear_pointer (&self->drag_design, hl_design_unref);
            self->drag_design = hl_design_ref (edited);
            hl_document_show (self->document, edited);
          }
        return TRUE;
      }

    case HL_CANVAS_OVERLAY_RELEASE:
    case HL_CANVAS_OVERLAY_CANCEL:
    default:
      {
        g_autoptr(HlDesign) done = g_steal_pointer (&self->drag_design);
        int mode = self->drag_mode;

        self->drag_mode = DRAG_NONE;
        hl_document_show (self->document, NULL);
        if (phase == HL_CANVAS_OVERLAY_RELEASE && done != NULL)
          hl_document_commit (self->document, done, mode == DRAG_CENTRE ? _("Move head model")
                                                                        : _("Resize head model"), NULL);
        return TRUE;
      }
    }
}

static void
build (HlHeadDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *groups[2] = { ADW_PREFERENCES_GROUP (adw_preferences_group_new ()),
                                     ADW_PREFERENCES_GROUP (adw_preferences_group_new ()) };

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->message = GTK_LABEL (gtk_label_new (NULL));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *label = GTK_WIDGET (i == 0 ? self->message : self->status);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (page));
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_preferences_group_set_title (groups[0], _("Head"));
  adw_preferences_group_set_description (groups[0], _("The client's head, seen by every posed photo"));
  adw_preferences_group_set_title (groups[1], _("Pose in This View"));
  for (guint f = 0; f < N_FIELDS; f++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *spin;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[f].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      if (f <= FIELD_HEIGHT)
        {
          /* “mm, euryon to euryon” or “in, euryon to euryon”. */
          g_autofree char *subtitle = NULL;

          spin = hl_length_spin_new (fields[f].lo, fields[f].hi, fields[f].step, (int) fields[f].digits, fields[f].lo);
          subtitle = g_strdup_printf ("%s, %s", hl_unit_get_symbol (hl_length_spin_get_unit (GTK_SPIN_BUTTON (spin))),
                                      _(fields[f].subtitle));
          adw_action_row_set_subtitle (row, subtitle);
        }
      else
        {
          spin = gtk_spin_button_new_with_range (fields[f].lo, fields[f].hi, fields[f].step);
          gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fields[f].digits);
          adw_action_row_set_subtitle (row, _(fields[f].subtitle));
        }
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
      adw_action_row_add_suffix (row, spin);
      adw_action_row_set_activatable_widget (row, spin);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_value_changed), self, 0);
      g_signal_connect_object (spin, "input", G_CALLBACK (on_input), self, 0);
      adw_preferences_group_add (groups[f <= FIELD_HEIGHT ? 0 : 1], GTK_WIDGET (row));
      self->spins[f] = GTK_SPIN_BUTTON (spin);
      self->rows[f] = GTK_WIDGET (row);
    }
  adw_preferences_page_add (page, groups[0]);
  adw_preferences_page_add (page, groups[1]);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
hl_head_dialog_dispose (GObject *object)
{
  HlHeadDialog *self = HL_HEAD_DIALOG (object);

  if (self->canvas != NULL)
    hl_canvas_set_overlay (self->canvas, NULL, NULL, NULL);
  g_clear_object (&self->canvas);
  if (self->drag_design != NULL && self->document != NULL)
    hl_document_show (self->document, NULL);
  g_clear_pointer (&self->drag_design, hl_design_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (hl_head_dialog_parent_class)->dispose (object);
}

static void
hl_head_dialog_finalize (GObject *object)
{
  HlHeadDialog *self = HL_HEAD_DIALOG (object);

  g_free (self->message_text);
  G_OBJECT_CLASS (hl_head_dialog_parent_class)->finalize (object);
}

static void
hl_head_dialog_class_init (HlHeadDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_head_dialog_dispose;
  object_class->finalize = hl_head_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_head_dialog_init (HlHeadDialog *self)
{
  self->message_text = g_strdup ("");
  gtk_window_set_title (GTK_WINDOW (self), _("Adjust Head Model"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, 640);
  build (self);
}

HlHeadDialog *
hl_head_dialog_new (GtkWindow  *parent,
                    HlDocument *document,
                    HlCanvas   *canvas)
{
  HlHeadDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (canvas == NULL || HL_IS_CANVAS (canvas), NULL);

  self = g_object_new (HL_TYPE_HEAD_DIALOG, NULL);
  self->document = g_object_ref (document);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::view-index", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  if (canvas != NULL)
    {
      self->canvas = g_object_ref (canvas);
      /* The canvas holds no reference: the dialog removes the overlay
       * when it goes. */
      hl_canvas_set_overlay (canvas, draw_model, self, NULL);
      hl_canvas_set_overlay_input (canvas, on_overlay_input);
    }
  on_changed (self);
  return self;
}

GtkWidget *
hl_head_dialog_get_spin (HlHeadDialog *self,
                         const char   *field)
{
  g_return_val_if_fail (HL_IS_HEAD_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_str_equal (fields[f].name, field))
      return GTK_WIDGET (self->spins[f]);
  return NULL;
}

const char *
hl_head_dialog_get_message (HlHeadDialog *self)
{
  g_return_val_if_fail (HL_IS_HEAD_DIALOG (self), "");

  return self->message_text;
}
