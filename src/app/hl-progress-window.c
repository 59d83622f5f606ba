/* hl-progress-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-export.h"
#include "hl-progress-view.h"
#include "hl-render.h"
#include "hl-progress-window.h"
#include "hl-session-record.h"
#include "hl-stippler.h"
#include "hl-weak-task.h"

/* The image's longer side, px: sharp in a window, quick to draw again
 * while a slider moves. */
#define IMAGE_PX 1000.0

struct _HlProgressWindow
{
  AdwWindow        parent_instance;

  HlDocument      *document;     /* owned ref */
  HlDesign        *design;       /* owned ref: the design when it opened */
  guint            view;
  GPtrArray       *photos;       /* of HlProgressPhoto* (refs): the view's aligned ones */
  GArray          *sessions;     /* of guint: each photo's session */
  HlPhoto         *pixels;       /* the picked photo's, or NULL */
  GCancellable    *loading;      /* owned while the picked photo decodes on a worker */
  gboolean         decoded_on_main; /* for tests: where the last photo was decoded */
  HlPhoto         *view_photo;   /* borrowed from the document, ref held */
  GArray          *dots;         /* the view's planned dots */
  cairo_surface_t *image;        /* drawn last */

  GtkDropDown     *picker;
  GtkPicture      *picture;
  GtkScale        *opacity;
  GtkScale        *split;
  GtkLabel        *problem;
  GtkWidget       *spinner_box;  /* "Loading the photo…" with a spinner */
  GtkSpinner      *spinner;
};

G_DEFINE_FINAL_TYPE (HlProgressWindow, hl_progress_window, ADW_TYPE_WINDOW)

static GdkTexture *
texture_of (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (argb);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  /* RGB24 leaves its fourth byte undefined: painted opaque first. */
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (argb);
  bytes = g_bytes_new (cairo_image_surface_get_data (argb),
                       (gsize) cairo_image_surface_get_stride (argb) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (argb));
  cairo_surface_destroy (argb);
  return texture;
}

static void
redraw (HlProgressWindow *self)
{
  const HlView *view = hl_design_get_view (self->design, self->view);
  guint index = gtk_drop_down_get_selected (self->picker);
  g_autoptr(GdkTexture) texture = NULL;
  int vw, vh;
  double scale;
  HlRect crop;

  g_clear_pointer (&self->image, cairo_surface_destroy);
  if (self->pixels == NULL || index >= self->photos->len)
    {
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }
  /* The head, as a mockup frames it, so that the dots show. */
  crop = hl_export_head_crop (view, self->view_photo, HL_EXPORT_CROP_MARGIN);
  if (hl_rect_is_empty (crop))
    hl_render_view_size (self->view_photo, view, &vw, &vh);
  else
    vw = (int) ceil (crop.x1 - crop.x0), vh = (int) ceil (crop.y1 - crop.y0);
  scale = IMAGE_PX / MAX (MAX (vw, vh), 1);
  self->image = hl_progress_view_render (g_ptr_array_index (self->photos, index), self->pixels,
                                         self->view_photo, view,
                                         self->dots != NULL ? (const HlDot *) (gconstpointer) self->dots->data : NULL,
                                         self->dots != NULL ? self->dots->len : 0, crop, scale,
                                         gtk_range_get_value (GTK_RANGE (self->opacity)),
                                         gtk_range_get_value (GTK_RANGE (self->split)));
  if (self->image == NULL || cairo_surface_status (self->image) != CAIRO_STATUS_SUCCESS)
    {
      g_clear_pointer (&self->image, cairo_surface_destroy);
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }
  texture = texture_of (self->image);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

typedef struct
{
  char    *path;     /* the photo's file */
  guint    session;
  HlPhoto *pixels;   /* decoded, or NULL */
  GError  *error;
  gboolean on_main;  /* decoded on the main thread (never, unless a bug) */
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_clear_pointer (&load->pixels, hl_photo_unref);
  g_clear_error (&load->error);
  g_free (load);
}

/* On a worker: a photo of thousands of pixels a side takes long enough to
 * decode that the window must not wait for it. */
static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;

  load->on_main = g_main_context_is_owner (g_main_context_default ());
  load->pixels = hl_photo_load (load->path, &load->error);
  g_task_return_boolean (task, TRUE);
}

static void
show_problem (HlProgressWindow *self,
              const char       *text)
{
  gtk_label_set_text (self->problem, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), text != NULL);
}

static void
on_loaded (gpointer owner,
           GTask   *task)
{
  HlProgressWindow *self = HL_PROGRESS_WINDOW (owner);
  Load *load = g_task_get_task_data (task);

  /* Another photo was picked meanwhile, or the window closed. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)) || g_task_get_cancellable (task) != self->loading)
    return;
  g_clear_object (&self->loading);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (self->spinner_box, FALSE);
  self->decoded_on_main = load->on_main;
  if (load->pixels == NULL)
    {
      /* Translators: a session's number and why its photo cannot be shown. */
      g_autofree char *text = g_strdup_printf (_("Session %u, progress photo: %s"), load->session,
                                               load->error != NULL ? load->error->message : "");

      show_problem (self, text);
      redraw (self);
      return;
    }
  self->pixels = g_steal_pointer (&load->pixels);
  redraw (self);
}

/* Starts decoding the picked photo's pixels, resolved against the design's
 * file, on a worker; the picture shows it when it is ready. */
static void
load_picked (HlProgressWindow *self)
{
  guint index = gtk_drop_down_get_selected (self->picker);
  const HlProgressPhoto *photo;
  GFile *file = hl_document_get_file (self->document);
  g_autoptr(GTask) task = NULL;
  Load *load;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->pixels, hl_photo_unref);
  show_problem (self, NULL);
  gtk_widget_set_visible (self->spinner_box, FALSE);
  if (index >= self->photos->len)
    return;
  photo = g_ptr_array_index (self->photos, index);
  load = g_new0 (Load, 1);
  load->session = g_array_index (self->sessions, guint, index);
  if (g_path_is_absolute (photo->path) || file == NULL)
    load->path = g_strdup (photo->path);
  else
    {
      g_autoptr(GFile) dir = g_file_get_parent (file);
      g_autofree char *dir_path = dir != NULL ? g_file_get_path (dir) : NULL;

      load->path = g_build_filename (dir_path != NULL ? dir_path : ".", photo->path, NULL);
    }

  self->loading = g_cancellable_new ();
  gtk_widget_set_visible (self->spinner_box, TRUE);
  gtk_spinner_start (self->spinner);
  task = hl_weak_task_new (self, self->loading, on_loaded);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

static void
on_picked (HlProgressWindow *self)
{
  load_picked (self);
  redraw (self);
}

static GtkWidget *
labelled (const char *label,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  return box;
}

static void
hl_progress_window_dispose (GObject *object)
{
  HlProgressWindow *self = HL_PROGRESS_WINDOW (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_pointer (&self->pixels, hl_photo_unref);
  g_clear_pointer (&self->view_photo, hl_photo_unref);
  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->photos, g_ptr_array_unref);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->design, hl_design_unref);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (hl_progress_window_parent_class)->dispose (object);
}

static void
hl_progress_window_class_init (HlProgressWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hl_progress_window_dispose;
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hl_progress_window_init (HlProgressWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_progress_photo_unref);
  self->sessions = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_window_set_title (GTK_WINDOW (self), _("Progress Over the Plan"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 820);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The progress photo under the planned dots"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picture));

  self->spinner_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (self->spinner_box), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (self->spinner_box), gtk_label_new (_("Loading the photo…")));
  gtk_widget_set_halign (self->spinner_box, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->spinner_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->spinner_box);

  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));

  self->picker = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const []) { NULL }));
  self->opacity = GTK_SCALE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0.0, 1.0, 0.05));
  gtk_range_set_value (GTK_RANGE (self->opacity), 0.7);
  self->split = GTK_SCALE (gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0.0, 1.0, 0.05));
  gtk_range_set_value (GTK_RANGE (self->split), 0.0);
  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_bottom (controls, 12);
  gtk_box_append (GTK_BOX (controls), labelled (_("_Photo"), GTK_WIDGET (self->picker)));
  gtk_box_append (GTK_BOX (controls), labelled (_("_Opacity"), GTK_WIDGET (self->opacity)));
  gtk_box_append (GTK_BOX (controls), labelled (_("_Split"), GTK_WIDGET (self->split)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->split),
                               _("Left of the line the consultation photo, right of it the progress photo"));
  gtk_box_append (GTK_BOX (box), controls);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->opacity, "value-changed", G_CALLBACK (redraw), self);
  g_signal_connect_swapped (self->split, "value-changed", G_CALLBACK (redraw), self);
}

HlProgressWindow *
hl_progress_window_new (GtkWindow  *parent,
                        HlDocument *document)
{
  HlProgressWindow *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const HlView *view;
  HlPhoto *photo;

  g_return_val_if_fail (HL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (hl_document_get_design (document) != NULL, NULL);

  self = g_object_new (HL_TYPE_PROGRESS_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->design = hl_design_ref (hl_document_get_design (document));
  self->view = hl_document_get_view_index (document);
  view = hl_design_get_view (self->design, self->view);
  photo = hl_document_get_photo (document);
  self->view_photo = photo != NULL ? hl_photo_ref (photo) : NULL;

  for (guint s = 1; s <= hl_design_get_n_sessions (self->design); s++)
    {
      const HlSessionRecord *record = hl_design_get_record (self->design, s);

      for (guint i = 0; record != NULL && i < record->photos->len; i++)
        {
          HlProgressPhoto *p = g_ptr_array_index (record->photos, i);
          g_autofree char *base = g_path_get_basename (p->path);
          g_autofree char *name = NULL;

          if (!p->aligned || g_strcmp0 (p->view, view->name) != 0)
            continue;
          g_ptr_array_add (self->photos, hl_progress_photo_ref (p));
          g_array_append_val (self->sessions, s);
          /* Translators: a session's number and a progress photo's file name. */
          name = g_strdup_printf (_("Session %u — %s"), s, base);
          gtk_string_list_append (names, name);
        }
    }
  gtk_drop_down_set_model (self->picker, G_LIST_MODEL (names));

  /* The plan's dots: the editor's when they are this design's. */
  if (hl_document_get_dots_design (document) == self->design)
    self->dots = hl_document_ref_dots_array (document);
  if (self->dots == NULL)
    self->dots = hl_stipple_view (view, self->design->seed);

  if (self->photos->len == 0)
    {
      gtk_label_set_text (self->problem,
                          _("This view has no aligned progress photo: add one in Client and Sessions and align it to this view."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
    }
  g_signal_connect_object (self->picker, "notify::selected", G_CALLBACK (on_picked), self, G_CONNECT_SWAPPED);
  on_picked (self);
  return self;
}

guint
hl_progress_window_get_n_photos (HlProgressWindow *self)
{
  g_return_val_if_fail (HL_IS_PROGRESS_WINDOW (self), 0);
  return self->photos->len;
}

void
hl_progress_window_set_mix (HlProgressWindow *self,
                            double            opacity,
                            double            split)
{
  g_return_if_fail (HL_IS_PROGRESS_WINDOW (self));

  gtk_range_set_value (GTK_RANGE (self->opacity), opacity);
  gtk_range_set_value (GTK_RANGE (self->split), split);
  redraw (self);
}

gboolean
hl_progress_window_is_loading (HlProgressWindow *self)
{
  g_return_val_if_fail (HL_IS_PROGRESS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

gboolean
hl_progress_window_decoded_on_main (HlProgressWindow *self)
{
  g_return_val_if_fail (HL_IS_PROGRESS_WINDOW (self), FALSE);
  return self->decoded_on_main;
}

const char *
hl_progress_window_get_problem (HlProgressWindow *self)
{
  g_return_val_if_fail (HL_IS_PROGRESS_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem)) ? gtk_label_get_text (self->problem) : NULL;
}

cairo_surface_t *
hl_progress_window_get_image (HlProgressWindow *self)
{
  g_return_val_if_fail (HL_IS_PROGRESS_WINDOW (self), NULL);
  return self->image;
}
