/* hl-window-warm.c: the editor page's icons loaded ahead.
 *
 * A new window shows its empty page; the editor page (tools, panels,
 * status bar) is first drawn in the frame that shows the first design.
 * Profiled (callgrind over that frame, bench-photo-open's small photo in a
 * new window), a quarter of its instructions went to the page's symbolic
 * icons: GTK renders each symbolic SVG four times (one per colour
 * channel) through gdk-pixbuf the first time it is drawn. Once the window
 * is on screen, an idle looks the page's icons up in the icon theme at
 * the size and scale they are drawn at and has each render once, a few
 * per idle call; the window keeps the icons (the theme's cache keeps an
 * icon while it is referenced), so that the first design's frame finds
 * them loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include "hl-window-private.h"

/* Time an idle call spends loading icons before it yields, µs. */
#define WARM_SLICE_US 3000

typedef struct
{
  char            *name;
  int              size;
  GtkTextDirection direction;
} WarmIcon;

static void
warm_icon_free (gpointer data)
{
  WarmIcon *icon = data;

  g_free (icon->name);
  g_free (icon);
}

/* The icons that the images under @widget draw by name, at their size. */
static void
collect (GtkWidget *widget,
         GPtrArray *todo)
{
  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    {
      GtkImage *image = GTK_IMAGE (widget);
      WarmIcon *icon = g_new0 (WarmIcon, 1);
      int pixel_size = gtk_image_get_pixel_size (image);

      icon->name = g_strdup (gtk_image_get_icon_name (image));
      /* GTK_ICON_SIZE_NORMAL and _LARGE are 16 and 32 px in the theme's
       * CSS (-gtk-icon-size). */
      icon->size = pixel_size > 0 ? pixel_size
                   : gtk_image_get_icon_size (image) == GTK_ICON_SIZE_LARGE ? 32 : 16;
      icon->direction = gtk_widget_get_direction (widget);
      g_ptr_array_add (todo, icon);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, todo);
}

static gboolean
warm_step (gpointer data)
{
  HlWindow *self = data;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gint64 until = g_get_monotonic_time () + WARM_SLICE_US;

  if (self->warm_todo == NULL)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->stack, "photo");

      self->warm_todo = g_ptr_array_new_with_free_func (warm_icon_free);
      self->warm_icons = g_ptr_array_new_with_free_func (g_object_unref);
      if (page != NULL)
        collect (page, self->warm_todo);
    }

  while (self->warm_todo->len > 0 && g_get_monotonic_time () < until)
    {
      WarmIcon *icon = g_ptr_array_steal_index (self->warm_todo, self->warm_todo->len - 1);
      /* As GtkImage looks it up (a themed icon of that one name: the
       * theme caches icons by the names a lookup tries). */
      g_autoptr(GIcon) gicon = g_themed_icon_new (icon->name);
      GtkIconPaintable *paintable = gtk_icon_theme_lookup_by_gicon (theme, gicon, icon->size, scale,
                                                                    icon->direction, 0);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      /* Drawing it once renders its texture, which the icon keeps. */
      gdk_paintable_snapshot (GDK_PAINTABLE (paintable), snapshot, icon->size, icon->size);
      node = gtk_snapshot_free_to_node (snapshot);
      g_clear_pointer (&node, gsk_render_node_unref);
      g_ptr_array_add (self->warm_icons, paintable);
      warm_icon_free (icon);
    }

  if (self->warm_todo->len > 0)
    return G_SOURCE_CONTINUE;
  self->warm_source = 0;
  return G_SOURCE_REMOVE;
}

/* Once the window is on screen (its first frame drawn: the idle runs
 * after the frame clock's paint), load what the editor page will draw. */
static void
on_map (HlWindow *self)
{
  if (self->warm_todo == NULL && self->warm_source == 0)
    self->warm_source = g_idle_add_full (G_PRIORITY_LOW, warm_step, self, NULL);
}

void
_hl_window_warm_init (HlWindow *self)
{
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

void
_hl_window_warm_dispose (HlWindow *self)
{
  g_clear_handle_id (&self->warm_source, g_source_remove);
  g_clear_pointer (&self->warm_todo, g_ptr_array_unref);
  g_clear_pointer (&self->warm_icons, g_ptr_array_unref);
}
