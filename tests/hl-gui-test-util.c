/* hl-gui-test-util.c: what the GUI test programs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hl-gui-test-util.h"
#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"

char *
hl_gui_sample_file (const char *name)
{
  return g_build_filename (g_getenv ("HL_SAMPLES_DIR"), name, NULL);
}

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds (fails after 60 s). */
void
hl_gui_wait_until (HlGuiCondition condition,
                   gpointer       data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Removes a folder of test files and what it holds (not its subfolders). */
static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window);
}

HlWindow *
hl_gui_open_window (GtkApplication *app,
                    const char     *path,
                    int             width,
                    int             height)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (HL_APPLICATION (app));

  hl_window_open (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  hl_gui_wait_until (is_loaded, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

char *
hl_gui_copy_sample (const char  *prefix,
                    const char  *name,
                    char       **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("%s-XXXXXX", prefix);
  char *dir = g_dir_make_tmp (tmpl, &error);
  g_autofree char *src = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *src_photo = hl_gui_sample_file ("astronaut.png");
  g_autofree char *photo = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_no_error (error);
  photo = g_build_filename (dir, "astronaut.png", NULL);
  *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (src, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (*path, text, -1, NULL));
  g_assert_true (g_file_get_contents (src_photo, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (photo, bytes, (gssize) len, NULL));
  return dir;
}

void
hl_gui_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The first widget of @type on screen (mapped) in the tree under @root,
 * depth first, or NULL (borrowed). */
GtkWidget *
hl_gui_find_widget (GtkWidget *root,
                    GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hl_gui_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The button labelled @label under @root, or NULL (borrowed). */
GtkWidget *
hl_gui_find_button (GtkWidget  *root,
                    const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hl_gui_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message dialog on screen, or NULL (borrowed). */
GtkWidget *
hl_gui_find_toplevel (GType    type,
                      gboolean mapped)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (mapped ? gtk_widget_get_mapped (window) : gtk_widget_get_visible (window)))
        found = window;
    }
  return found;
}

AdwMessageDialog *
hl_gui_find_dialog (void)
{
  return (AdwMessageDialog *) hl_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, TRUE);
}

/* Clicks @label in the dialog on screen, as the user would. */
void
hl_gui_answer_dialog (const char *label)
{
  AdwMessageDialog *dialog = hl_gui_find_dialog ();
  GtkWidget *button;

  g_assert_nonnull (dialog);
  button = hl_gui_find_button (GTK_WIDGET (dialog), label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
  return G_SOURCE_REMOVE;
}

void
hl_gui_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
hl_gui_xdotool (GtkWidget  *focus,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  va_list ap;

  g_ptr_array_add (argv, g_find_program_in_path ("xdotool"));
  g_assert_nonnull (g_ptr_array_index (argv, 0));
  if (focus != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (focus));

      g_ptr_array_add (argv, g_strdup ("windowfocus"));
      g_ptr_array_add (argv, g_strdup ("--sync"));
      g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
    }
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (a));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  /* The events it sent, handled. */
  hl_gui_run_for (200);
}

GdkTexture *
hl_gui_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

guint
hl_gui_count_differences (GdkTexture *a,
                          GdkTexture *b)
{
  int w = gdk_texture_get_width (a), h = gdk_texture_get_height (a);
  g_autofree guint8 *pa = g_malloc ((gsize) w * h * 4);
  g_autofree guint8 *pb = g_malloc ((gsize) w * h * 4);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, w);
  g_assert_cmpint (gdk_texture_get_height (b), ==, h);
  gdk_texture_download (a, pa, (gsize) w * 4);
  gdk_texture_download (b, pb, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    n += memcmp (pa + i * 4, pb + i * 4, 4) != 0;
  return n;
}

void
hl_gui_drag_hairline_point (HlWindow *window,
                            guint     index,
                            double    dx,
                            double    dy)
{
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint p = hl_curve_get_points (hl_design_get_view (hl_window_get_design (window), 0)->hairline)[index];
  HlToolEvent event = { HL_TOOL_PRESS, p, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_MOTION;
  event.p = (HlPoint) { p.x + dx, p.y + dy };
  hl_canvas_handle_event (canvas, &event);
  event.type = HL_TOOL_RELEASE;
  g_assert_true (hl_canvas_handle_event (canvas, &event) & HL_TOOL_COMMITTED);
}

gboolean
hl_gui_count_tick (gpointer counter)
{
  (*(guint *) counter)++;
  return G_SOURCE_CONTINUE;
}
