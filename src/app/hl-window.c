/* hl-window.c: shows one design (its first view's photo) or one photo.
 *
 * The window only shows: loading, validation and every measure live in
 * the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include "hl-design-io.h"
#include "hl-error.h"
#include "hl-photo.h"
#include "hl-render.h"
#include "hl-stippler.h"
#include "hl-window.h"

/* The longest side of the image the window shows, in pixels. */
#define MAX_DISPLAY_SIDE 2400

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle  *title;
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkPicture      *picture;
  AdwStatusPage   *problem_page;

  /* Owned references */
  GFile           *file;
  HlDesign        *design;
  GdkTexture      *photo;
  char            *problem;
  GtkNativeDialog *chooser;
};

G_DEFINE_FINAL_TYPE (HlWindow, hl_window, ADW_TYPE_APPLICATION_WINDOW)

/* An RGB24 image surface as a texture (transfer full). */
static GdkTexture *
texture_from_surface (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image);
  int h = cairo_image_surface_get_height (image);
  cairo_surface_t *argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (argb);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  /* Painting onto ARGB32 makes every alpha byte opaque. */
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (argb);

  bytes = g_bytes_new (cairo_image_surface_get_data (argb),
                       (gsize) cairo_image_surface_get_stride (argb) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (argb));
  cairo_surface_destroy (argb);
  return texture;
}

/* The view as the client sees it: photo and fresh dots, through the same
 * renderer as every export (transfer full). */
static GdkTexture *
render_view (const HlPhoto  *photo,
             const HlView   *view,
             guint32         seed)
{
  g_autoptr(GArray) dots = view != NULL ? hl_stipple_view (view, seed) : NULL;
  g_autoptr(HlView) empty = NULL;
  HlRenderOptions options;
  cairo_surface_t *image;
  GdkTexture *texture;
  int w, h;

  if (view == NULL)
    view = empty = hl_view_new ("photo");

  hl_render_options_init (&options);
  options.mark = NULL;
  hl_render_view_size (photo, view, &w, &h);
  options.scale = MIN (2.0, (double) MAX_DISPLAY_SIDE / MAX (w, h));

  image = hl_render_export (photo, view,
                            dots != NULL ? (const HlDot *) (gconstpointer) dots->data : NULL,
                            dots != NULL ? dots->len : 0, &options);
  texture = texture_from_surface (image);
  cairo_surface_destroy (image);
  return texture;
}

/* A problem that does not stop the design from showing. */
static void
warn (HlWindow   *self,
      const char *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
show_problem (HlWindow   *self,
              const char *title,
              const char *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  adw_status_page_set_title (self->problem_page, title);
  adw_status_page_set_description (self->problem_page, message);
  gtk_stack_set_visible_child_name (self->stack, "problem");
}

static void
show_photo (HlWindow   *self,
            GdkTexture *photo)
{
  g_set_object (&self->photo, photo);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (photo));
  gtk_stack_set_visible_child_name (self->stack, "photo");
}

void
hl_window_open (HlWindow *self,
                GFile    *file)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HlPhoto) photo = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (HL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->design, hl_design_unref);
  g_clear_object (&self->photo);
  g_clear_pointer (&self->problem, g_free);

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  adw_window_title_set_title (self->title, basename);
  adw_window_title_set_subtitle (self->title, NULL);

  if (path == NULL)
    {
      show_problem (self, "Cannot open this file", "Only local files can be opened.");
      return;
    }

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    {
      const HlView *view;
      g_autofree char *photo_path = NULL;

      self->design = hl_design_load_from_file (path, &error);
      if (self->design == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", basename, error->message);

          show_problem (self, "This design cannot be opened", message);
          return;
        }

      view = hl_design_get_view (self->design, 0);
      adw_window_title_set_subtitle (self->title, self->design->client_label);
      if (view->photo.path == NULL)
        {
          show_problem (self, "No photo", "This design's first view has no photo yet.");
          return;
        }

      photo_path = hl_photo_resolve_path (path, view->photo.path);
      photo = hl_photo_load (photo_path, &error);
      if (photo == NULL || !hl_photo_matches (photo, &view->photo, &error))
        {
          /* Nothing is lost: the design still shows its dots and lines
           * (on a neutral background without its photo). */
          warn (self, error->message);
          g_clear_error (&error);
        }
      texture = render_view (photo, view, self->design->seed);
    }
  else
    {
      photo = hl_photo_load (path, &error);
      if (photo == NULL)
        {
          show_problem (self, "This photo cannot be opened", error->message);
          return;
        }
      texture = render_view (photo, NULL, 0);
    }

  show_photo (self, texture);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        hl_window_open (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new ("Open a Design or a Photo", GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", "_Cancel");
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, "Designs and photos");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
hl_window_dispose (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HL_TYPE_WINDOW);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (hl_window_parent_class)->dispose (object);
}

static void
hl_window_finalize (GObject *object)
{
  HlWindow *self = HL_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->design, hl_design_unref);
  g_clear_object (&self->photo);
  g_free (self->problem);

  G_OBJECT_CLASS (hl_window_parent_class)->finalize (object);
}

static void
hl_window_class_init (HlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hl_window_dispose;
  object_class->finalize = hl_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hairlinestudio/HairlineStudio/hl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HlWindow, title);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, picture);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, problem_page);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
}

static void
hl_window_init (HlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HlWindow *
hl_window_new (HlApplication *app)
{
  return g_object_new (HL_TYPE_WINDOW, "application", app, NULL);
}

HlDesign *
hl_window_get_design (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->design;
}

GdkTexture *
hl_window_get_photo (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->photo;
}

GtkWidget *
hl_window_get_picture (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->picture);
}

const char *
hl_window_get_problem (HlWindow *self)
{
  g_return_val_if_fail (HL_IS_WINDOW (self), NULL);
  return self->problem;
}
