/* hl-window-views.c: the views of a design in the window: the switcher with
 * thumbnails, win.view, adding a view from a photo or a head chart, a new
 * design on a head chart, and the hairline template dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-edit.h"
#include "hl-weak-task.h"
#include "hl-error.h"
#include "hl-hairline-template.h"
#include "hl-head-chart.h"
#include "hl-head-dialog.h"
#include "hl-length-spin.h"
#include "hl-measure.h"
#include "hl-settings.h"
#include "hl-text.h"
#include "hl-window-private.h"

/* Thumbnails fit in a square of this many pixels. */
#define THUMB_PX 64

static const HlView *
current_view (HlWindow *self,
              guint    *index)
{
  HlDesign *design = hl_document_get_design (self->document);
  guint i = hl_document_get_view_index (self->document);

  if (design == NULL || i >= hl_design_get_n_views (design))
    return NULL;
  if (index != NULL)
    *index = i;
  return hl_design_get_view (design, i);
}

/* What a thumbnail is of: the chart, or the photo by path and hash
 * (caller frees; NULL for a view without either). */
static char *
thumbnail_key (const HlView *view)
{
  if (view->photo.chart != NULL)
    return g_strdup_printf ("chart:%s", view->photo.chart);
  if (view->photo.path != NULL)
    return g_strdup_printf ("photo:%s#%s", view->photo.path,
                            view->photo.sha256 != NULL ? view->photo.sha256 : "");
  return NULL;
}

/* A name for a new view: @base, or @base 2, @base 3, ... (caller frees). */
static char *
unique_view_name (const HlDesign *design,
                  const char     *base)
{
  char *name = g_strdup (base);

  for (guint k = 2; hl_design_find_view (design, name) >= 0; k++)
    {
      g_free (name);
      name = g_strdup_printf ("%s %u", base, k);
    }
  return name;
}

/* Thumbnails: drawn on a worker from the photo or chart */

typedef struct
{
  HlDesign *design;
  guint     index;
  HlPhoto  *photo;      /* the view's photo if the document holds it, or NULL */
  char     *key;
  GBytes   *pixels;     /* CAIRO_FORMAT_ARGB32 rows */
  int       width, height, stride;
} ThumbData;

static void
thumb_data_free (ThumbData *data)
{
  hl_design_unref (data->design);
  g_clear_pointer (&data->photo, hl_photo_unref);
  g_free (data->key);
  g_clear_pointer (&data->pixels, g_bytes_unref);
  g_free (data);
}

static void
thumb_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ThumbData *data = task_data;
  const HlView *view = hl_design_get_view (data->design, data->index);
  g_autoptr(HlPhoto) photo = NULL;
  cairo_surface_t *small, *source;
  double scale, level_scale;
  HlHeadChart chart;
  cairo_t *cr;
  int w, h;

  /* A chart is drawn small directly (a full one takes ~0.3 s). */
  if (view->photo.chart != NULL && hl_head_chart_from_string (view->photo.chart, &chart))
    {
      hl_head_chart_get_size (chart, &w, &h);
      small = hl_head_chart_render (chart, (double) THUMB_PX / MAX (w, h));
      data->width = cairo_image_surface_get_width (small);
      data->height = cairo_image_surface_get_height (small);
      data->stride = cairo_image_surface_get_stride (small);
      /* RGB24 is ARGB32 with an unused alpha byte: make it opaque. */
      for (int y = 0; y < data->height; y++)
        {
          guint32 *row = (guint32 *) (gpointer) (cairo_image_surface_get_data (small) + (gsize) y * data->stride);

          for (int x = 0; x < data->width; x++)
            row[x] |= 0xff000000u;
        }
      data->pixels = g_bytes_new (cairo_image_surface_get_data (small), (gsize) data->stride * data->height);
      cairo_surface_destroy (small);
      g_task_return_boolean (task, TRUE);
      return;
    }

  photo = data->photo != NULL ? hl_photo_ref (data->photo)
                               : hl_design_load_view_photo (data->design, data->index, NULL, NULL, NULL);
  if (photo == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  w = hl_photo_get_width (photo);
  h = hl_photo_get_height (photo);
  scale = (double) THUMB_PX / MAX (w, h);
  source = hl_photo_get_surface_for_scale (photo, scale, &level_scale);
  data->width = MAX (1, (int) (w * scale + 0.5));
  data->height = MAX (1, (int) (h * scale + 0.5));
  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, data->width, data->height);
  cr = cairo_create (small);
  cairo_scale (cr, scale / level_scale, scale / level_scale);
  cairo_set_source_surface (cr, source, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (small);

  data->stride = cairo_image_surface_get_stride (small);
  data->pixels = g_bytes_new (cairo_image_surface_get_data (small), (gsize) data->stride * data->height);
  cairo_surface_destroy (small);
  g_task_return_boolean (task, TRUE);
}

static void rebuild_list (HlWindow *self);

static void
thumb_done (gpointer  owner,
            GTask    *task)
{
  HlWindow *self = HL_WINDOW (owner);
  ThumbData *data = g_task_get_task_data (task);
  GdkTexture *texture;

  if (self->disposed || !g_task_propagate_boolean (task, NULL) || data->pixels == NULL)
    return;

  texture = gdk_memory_texture_new (data->width, data->height, GDK_MEMORY_DEFAULT,
                                    data->pixels, data->stride);
  g_hash_table_replace (self->thumbnails, g_strdup (data->key), texture);
  rebuild_list (self);
}

static GtkWidget *
thumbnail_for (HlWindow       *self,
               const HlDesign *design,
               guint           index)
{
  const HlView *view = hl_design_get_view (design, index);
  g_autofree char *key = thumbnail_key (view);
  HlPhoto *shown = hl_document_get_photo (self->document);
  GdkTexture *texture;
  GtkWidget *picture;

  texture = key != NULL ? g_hash_table_lookup (self->thumbnails, key) : NULL;
  if (texture == NULL)
    {
      if (key != NULL && !g_hash_table_contains (self->thumbnails, key))
        {
          g_autoptr(GTask) task = hl_weak_task_new (self, NULL, thumb_done);
          ThumbData *data = g_new0 (ThumbData, 1);

          /* NULL: being drawn (or not drawable); asked once. */
          g_hash_table_insert (self->thumbnails, g_strdup (key), NULL);
          data->design = hl_design_ref ((HlDesign *) design);
          data->index = index;
          /* The photo shown is not decoded a second time (a 24 MP one
           * costs a core a third of a second right after it opened). */
          if (shown != NULL && view->photo.sha256 != NULL &&
              g_strcmp0 (hl_photo_get_sha256 (shown), view->photo.sha256) == 0 &&
              hl_photo_get_width (shown) == view->photo.width &&
              hl_photo_get_height (shown) == view->photo.height)
            data->photo = hl_photo_ref (shown);
          data->key = g_strdup (key);
          g_task_set_task_data (task, data, (GDestroyNotify) thumb_data_free);
          g_task_run_in_thread (task, thumb_thread);
        }
      picture = gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (picture), THUMB_PX / 2);
    }
  else
    {
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
    }
  gtk_widget_set_size_request (picture, THUMB_PX, THUMB_PX);
  gtk_widget_add_css_class (picture, "view-thumbnail");
  return picture;
}

/* The switcher */

static void
rebuild_list (HlWindow *self)
{
  HlDesign *design = hl_document_get_design (self->document);
  guint shown = hl_document_get_view_index (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_list))) != NULL)
    gtk_list_box_remove (self->view_list, child);
  if (design == NULL)
    return;

  for (guint i = 0; i < hl_design_get_n_views (design); i++)
    {
      const HlView *view = hl_design_get_view (design, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name = gtk_label_new (view->name);
      GtkWidget *detail;
      g_autofree char *detail_text = NULL;
      g_autofree char *a11y = NULL;

      if (view->photo.chart != NULL)
        {
          HlHeadChart chart;

          /* Translators: %s is the chart's title, such as “Front”. */
          detail_text = g_strdup_printf (_("Head chart, %s"),
                                         hl_head_chart_from_string (view->photo.chart, &chart)
                                         ? hl_head_chart_get_title (chart) : view->photo.chart);
        }
      else if (view->photo.path != NULL)
        detail_text = g_path_get_basename (view->photo.path);
      else
        detail_text = g_strdup (_("No photo"));
      if (i < 9)
        {
          /* Translators: a view's photo or chart, and the key that shows it. */
          char *with_key = g_strdup_printf (_("%s · Alt+%u"), detail_text, i + 1);

          g_free (detail_text);
          detail_text = with_key;
        }
      detail = gtk_label_new (detail_text);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 28);
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (labels), name);
      gtk_box_append (GTK_BOX (labels), detail);
      gtk_box_append (GTK_BOX (box), thumbnail_for (self, design, i));
      gtk_box_append (GTK_BOX (box), labels);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      /* Translators: the view's number and its name. */
      a11y = g_strdup_printf (_("View %u: %s"), i + 1, view->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      gtk_list_box_append (self->view_list, row);
      if (i == shown)
        gtk_list_box_select_row (self->view_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
on_view_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       HlWindow      *self)
{
  gtk_menu_button_popdown (self->view_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "i", gtk_list_box_row_get_index (row));
}

/* Called when the document changed or shows another view. */
static void
update_views (HlWindow *self)
{
  HlDesign *design = hl_document_get_design (self->document);
  const HlView *view = current_view (self, NULL);
  gboolean has_room = design != NULL && hl_design_get_n_views (design) < HL_DESIGN_MAX_VIEWS;
  GString *signature = g_string_new (NULL);

  if (self->disposed)
    {
      g_string_free (signature, TRUE);
      return;
    }

  /* The switcher keeps one width (its label ellipsized) so that the
   * header bar never widens the window under the canvas. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_button), view != NULL);
  /* Nothing to preview on the empty state. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), view != NULL);
  if (view != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%u/%u %s", hl_document_get_view_index (self->document) + 1,
                                                hl_design_get_n_views (design), view->name);

      if (g_strcmp0 (gtk_label_get_text (self->view_label), label) != 0)
        gtk_label_set_text (self->view_label, label);
    }
  else
    gtk_label_set_text (self->view_label, _("Views"));
  _hl_window_set_action_enabled (self, "win.view", view != NULL);
  _hl_window_set_action_enabled (self, "win.propose-hairline", view != NULL);
  _hl_window_set_action_enabled (self, "win.fit-head", view != NULL && view->photo.chart == NULL);
  _hl_window_set_action_enabled (self, "win.adjust-head", view != NULL);
  _hl_window_set_action_enabled (self, "win.add-view-photo", has_room);
  _hl_window_set_action_enabled (self, "win.add-view-chart", has_room);

  /* The list is rebuilt when the views, their photos or the view shown
   * changed, not on every edit of a line. */
  if (design != NULL)
    {
      g_string_append_printf (signature, "%u;", hl_document_get_view_index (self->document));
      for (guint i = 0; i < hl_design_get_n_views (design); i++)
        {
          const HlView *v = hl_design_get_view (design, i);
          g_autofree char *key = thumbnail_key (v);

          g_string_append_printf (signature, "%s|%s;", v->name, key != NULL ? key : "");
        }
    }
  if (g_strcmp0 (signature->str, self->views_signature) != 0)
    {
      g_free (self->views_signature);
      self->views_signature = g_string_free (signature, FALSE);
      rebuild_list (self);
    }
  else
    g_string_free (signature, TRUE);
}

static void
on_view_index_changed (HlWindow *self)
{
  g_object_notify (G_OBJECT (self), "view");
  update_views (self);
}

/* Adding views */

static void
add_view (HlWindow *self,
          HlView   *view)
{
  HlDesign *design = hl_document_get_design (self->document);
  g_autoptr(HlDesign) next = NULL;

  if (design == NULL)
    return;
  if (hl_design_get_n_views (design) >= HL_DESIGN_MAX_VIEWS)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("A design holds at most %d view",
                                                            "A design holds at most %d views",
                                                            HL_DESIGN_MAX_VIEWS),
                                                  HL_DESIGN_MAX_VIEWS);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
      return;
    }

  next = hl_design_copy (design);
  hl_design_append_view (next, view);
  hl_document_commit (self->document, next, _("Add view"), NULL);
  _hl_window_note_screen_fit (self);
  hl_document_set_view_index (self->document, hl_design_get_n_views (next) - 1);
}

static void
add_view_chart_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlDesign *design = hl_document_get_design (self->document);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(HlView) view = NULL;
  g_autofree char *view_name = NULL;
  HlHeadChart chart = HL_HEAD_CHART_FRONT;

  if (design == NULL)
    return;

  if (*name == '\0')
    {
      /* The first chart the design does not show yet. */
      for (chart = 0; chart < HL_N_HEAD_CHARTS; chart++)
        if (hl_design_find_view (design, hl_head_chart_to_string (chart)) < 0)
          break;
      if (chart == HL_N_HEAD_CHARTS)
        chart = HL_HEAD_CHART_FRONT;
    }
  else if (!hl_head_chart_from_string (name, &chart))
    return;

  view_name = unique_view_name (design, hl_head_chart_to_string (chart));
  view = hl_head_chart_new_view (chart, view_name);
  add_view (self, view);
}

typedef struct
{
  char    *path;
  HlPhoto *photo;
} PhotoData;

static void
photo_data_free (PhotoData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->photo, hl_photo_unref);
  g_free (data);
}

static void
photo_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PhotoData *data = task_data;
  GError *error = NULL;

  data->photo = hl_photo_load (data->path, &error);
  if (data->photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
photo_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HlWindow *self = HL_WINDOW (object);
  PhotoData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(HlView) view = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  HlDesign *design;
  char *dot;

  if (self->disposed)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  design = hl_document_get_design (self->document);
  if (design == NULL)
    return;

  /* Named after the photo ("left-side.jpg" → "left-side"). */
  base = g_path_get_basename (data->path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  {
    g_autofree char *clean = hl_text_clean (base, FALSE);

    name = unique_view_name (design, *clean != '\0' ? clean : "photo");
  }
  view = hl_view_new (name);
  /* In memory, photo paths are absolute; saving makes them relative. */
  hl_view_set_photo (view, data->path, hl_photo_get_sha256 (data->photo),
                     hl_photo_get_width (data->photo), hl_photo_get_height (data->photo));
  add_view (self, view);
}

void
_hl_window_views_add_photo (HlWindow *self,
                            GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  PhotoData *data;
  char *path;

  g_return_if_fail (HL_IS_WINDOW (self));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Only local photos can be added")));
      return;
    }
  data = g_new0 (PhotoData, 1);
  data->path = path;
  task = g_task_new (self, NULL, photo_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) photo_data_free);
  g_task_run_in_thread (task, photo_thread);
}

static void
on_add_photo_response (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  HlWindow *self = HL_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        _hl_window_views_add_photo (self, file);
    }
  g_clear_object (&self->view_chooser);
}

static void
add_view_photo_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (hl_document_get_design (self->document) == NULL || self->view_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Add a View from a Photo"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Photos"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  self->view_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (on_add_photo_response), self);
  gtk_native_dialog_show (self->view_chooser);
}

static void
new_chart_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlWindow *target = self;
  g_autoptr(HlDesign) design = hl_design_new ();
  g_autoptr(HlView) view = NULL;
  g_autofree char *title = NULL;
  HlHeadChart chart;

  if (!hl_head_chart_from_string (g_variant_get_string (parameter, NULL), &chart))
    chart = HL_HEAD_CHART_FRONT;

  view = hl_head_chart_new_view (chart, NULL);
  hl_design_append_view (design, view);
  /* Translators: the title of a new design on a head chart; %s is the
   * chart's title, such as “Front”. */
  title = g_strdup_printf (_("Head chart (%s)"), hl_head_chart_get_title (chart));

  /* Never drop unsaved work: a window with some opens another. */
  if (hl_document_is_modified (self->document) || self->saving > 0)
    target = hl_window_new (HL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  hl_window_open_design (target, design, title);
  gtk_window_present (GTK_WINDOW (target));
}

/* The hairline template dialog */

typedef struct
{
  HlWindow    *self;         /* borrowed: the dialog is modal to it */
  GtkDropDown *style;
  GtkSpinButton *height;
  GtkLabel    *problem;
  HlDesign    *proposal;     /* owned, NULL when none */
} TemplateDialog;

static void
template_dialog_free (TemplateDialog *td)
{
  g_clear_pointer (&td->proposal, hl_design_unref);
  g_free (td);
}

/* Builds the proposal and shows it on the canvas while the dialog is
 * open. */
static void
template_preview (TemplateDialog *td)
{
  HlWindow *self = td->self;
  HlDesign *design = hl_document_get_design (self->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCurve) curve = NULL;
  guint index;
  const HlView *view = current_view (self, &index);

  g_clear_pointer (&td->proposal, hl_design_unref);
  if (view == NULL)
    return;

  curve = hl_hairline_template_propose (view, gtk_drop_down_get_selected (td->style),
                                        hl_length_spin_get_mm (td->height), &error);
  if (curve == NULL)
    {
      gtk_label_set_text (td->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (td->problem), TRUE);
      hl_document_show (self->document, NULL);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (td->problem), FALSE);
  td->proposal = hl_edit_set_hairline (design, index, curve);
  hl_document_show (self->document, td->proposal);
}

static void
on_template_style (GtkDropDown    *drop_down,
                   GParamSpec     *pspec,
                   TemplateDialog *td)
{
  /* Each style starts at its usual height (a mature line sits higher);
   * the spin button's own signal previews. */
  double height = hl_hairline_style_get_default_height (gtk_drop_down_get_selected (drop_down));

  if (hl_length_spin_get_mm (td->height) != height)
    hl_length_spin_set_mm (td->height, height);
  else
    template_preview (td);
}

static void
on_template_height (GtkSpinButton  *spin,
                    TemplateDialog *td)
{
  template_preview (td);
}

static void
on_template_response (AdwMessageDialog *dialog,
                      const char       *response,
                      TemplateDialog   *td)
{
  HlWindow *self = td->self;

  hl_document_show (self->document, NULL);
  if (g_strcmp0 (response, "apply") == 0)
    {
      gtk_spin_button_update (td->height);
      template_preview (td);
      hl_document_show (self->document, NULL);
      if (td->proposal != NULL)
        hl_document_commit (self->document, td->proposal, _("Propose hairline"), NULL);
    }
  self->template_dialog = NULL;
}

/* Fits the head model to the shown view's landmarks and calibration, one
 * undo step; a toast says the head's size, or why it cannot be fitted. */
static void
fit_head_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlDesign *design = hl_document_get_design (self->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDesign) fitted = NULL;
  g_autofree char *text = NULL;
  guint index;

  if (current_view (self, &index) == NULL)
    return;
  fitted = hl_edit_fit_head (design, index, &error);
  if (fitted == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  hl_document_commit (self->document, fitted, _("Fit head model"), NULL);
  {
    /* In the unit of the preferences. */
    g_autofree char *breadth = hl_settings_format_length (fitted->head.breadth_mm, 0);
    g_autofree char *length = hl_settings_format_length (fitted->head.length_mm, 0);
    g_autofree char *height = hl_settings_format_length (fitted->head.height_mm, 0);

    /* Translators: the fitted head's breadth, length and height, each
     * with its unit (“150 mm”, “5.9 in”). */
    text = g_strdup_printf (_("Head model fitted: %s × %s × %s; areas and densities are on the scalp"),
                            breadth, length, height);
  }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
forget_head_dialog (HlWindow *self)
{
  g_object_set_data (G_OBJECT (self), "hl-head-dialog", NULL);
}

/* Opens the dialog that adjusts the shown view's head model by hand (one
 * at a time: a second activation presents it). */
static void
adjust_head_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  GtkWindow *dialog = g_object_get_data (G_OBJECT (self), "hl-head-dialog");

  if (dialog == NULL && current_view (self, NULL) != NULL)
    {
      dialog = GTK_WINDOW (hl_head_dialog_new (GTK_WINDOW (self), self->document, self->canvas));
      g_object_set_data (G_OBJECT (self), "hl-head-dialog", dialog);
      g_signal_connect_object (dialog, "destroy", G_CALLBACK (forget_head_dialog), self, G_CONNECT_SWAPPED);
    }
  if (dialog != NULL)
    gtk_window_present (dialog);
}

static void
propose_hairline_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  const HlView *view = current_view (self, NULL);
  g_autoptr(GError) error = NULL;
  GtkStringList *styles;
  GtkWidget *dialog, *grid, *label;
  TemplateDialog *td;

  if (view == NULL || self->template_dialog != NULL)
    return;
  /* Say exactly what is missing, before any dialog. */
  if (!hl_hairline_template_check (view, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Propose a Hairline"),
                                   view->hairline != NULL
                                   ? _("A hairline of this style through the mid-frontal point, rising toward both "
                                       "frontotemporal points. It replaces the current hairline; edit it like any other.")
                                   : _("A hairline of this style through the mid-frontal point, rising toward both "
                                       "frontotemporal points. Edit it like any other."));
  td = g_new0 (TemplateDialog, 1);
  td->self = self;
  g_object_set_data_full (G_OBJECT (dialog), "hl-template", td, (GDestroyNotify) template_dialog_free);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);

  styles = gtk_string_list_new (NULL);
  for (guint s = 0; s < HL_N_HAIRLINE_STYLES; s++)
    gtk_string_list_append (styles, hl_hairline_style_get_title (s));
  td->style = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (styles), NULL));
  label = gtk_label_new_with_mnemonic (_("_Style"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (td->style));
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (td->style), 1, 0, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (td->style), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hairline style"), -1);

  /* Asked in the unit of the preferences, kept in millimetres. */
  td->height = GTK_SPIN_BUTTON (hl_length_spin_new (HL_TEMPLATE_MIN_MM, HL_TEMPLATE_MAX_MM, 0.5, 1,
                                                    hl_hairline_style_get_default_height (HL_HAIRLINE_STYLE_NATURAL)));
  {
    /* Translators: %s is a unit's symbol, “mm” or “in”. */
    g_autofree char *text = g_strdup_printf (_("_Mid-frontal point above the glabella (%s)"),
                                             hl_unit_get_symbol (hl_length_spin_get_unit (td->height)));
    /* Translators: %s is a unit, “millimetres” or “inches”. */
    g_autofree char *name = g_strdup_printf (_("Mid-frontal point above the glabella, in %s"),
                                             hl_length_spin_get_unit_name (td->height));

    label = gtk_label_new_with_mnemonic (text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (td->height), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (td->height));
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (td->height), 1, 1, 1, 1);

  td->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (td->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (td->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (td->problem), FALSE);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (td->problem), 0, 2, 2, 1);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (td->style, "notify::selected", G_CALLBACK (on_template_style), td);
  g_signal_connect (td->height, "value-changed", G_CALLBACK (on_template_height), td);
  g_signal_connect (dialog, "response", G_CALLBACK (on_template_response), td);

  self->template_dialog = dialog;
  template_preview (td);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Hooks */

static void
unref_texture (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

void
_hl_window_views_class_init (GtkWidgetClass *widget_class,
                             GParamSpec    **properties)
{
  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, 0, HL_DESIGN_MAX_VIEWS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
_hl_window_views_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HlWindow, view_button);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, HlWindow, view_label);
  gtk_widget_class_bind_template_callback (widget_class, on_view_row_activated);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.propose-hairline", NULL, propose_hairline_action);
  gtk_widget_class_install_action (widget_class, "win.fit-head", NULL, fit_head_action);
  gtk_widget_class_install_action (widget_class, "win.adjust-head", NULL, adjust_head_action);
  gtk_widget_class_install_action (widget_class, "win.add-view-photo", NULL, add_view_photo_action);
  gtk_widget_class_install_action (widget_class, "win.add-view-chart", "s", add_view_chart_action);
  gtk_widget_class_install_action (widget_class, "win.new-chart", "s", new_chart_action);

  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.view", "i", (int) i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.propose-hairline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-view-photo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-view-chart", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-chart", "s",
                                       hl_head_chart_to_string (HL_HEAD_CHART_FRONT));
}

void
_hl_window_views_init (HlWindow *self)
{
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_texture);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (update_views), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::view-index", G_CALLBACK (on_view_index_changed),
                           self, G_CONNECT_SWAPPED);
  update_views (self);
}

void
_hl_window_views_dispose (HlWindow *self)
{
  if (self->view_chooser != NULL)
    gtk_native_dialog_destroy (self->view_chooser);
  g_clear_object (&self->view_chooser);
}

void
_hl_window_views_finalize (HlWindow *self)
{
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_free (self->views_signature);
}

gboolean
_hl_window_views_get_property (HlWindow *self,
                               guint     prop_id,
                               GValue   *value)
{
  if (prop_id != PROP_VIEW)
    return FALSE;
  g_value_set_int (value, (int) hl_document_get_view_index (self->document));
  return TRUE;
}

gboolean
_hl_window_views_set_property (HlWindow     *self,
                               guint         prop_id,
                               const GValue *value)
{
  HlDesign *design;
  int index;

  if (prop_id != PROP_VIEW)
    return FALSE;

  design = hl_document_get_design (self->document);
  index = g_value_get_int (value);
  /* Alt+9 on a design of three views does nothing. */
  if (design != NULL && index >= 0 && (guint) index < hl_design_get_n_views (design))
    {
      _hl_window_note_screen_fit (self);
      hl_document_set_view_index (self->document, (guint) index);
    }
  return TRUE;
}
