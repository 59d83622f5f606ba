/* hl-window-engine.c: the window's side of the engine worker. While the
 * dots of the shown design are computed the action bar shows how far it
 * is, with a Stop button (Escape, once no gesture is left to cancel); an
 * edit refused for the design's dot budget is said in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hl-window-private.h"

static void
stop_computing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  hl_document_stop_computing (self->document);
}

void
_hl_window_engine_update (HlWindow *self)
{
  HlDesign *shown = hl_document_get_shown (self->document);
  HlDesign *dots_design = hl_document_get_dots_design (self->document);
  gboolean computing = hl_document_is_computing (self->document);
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;
  gsize n_dots = 0;

  hl_document_get_dots (self->document, &n_dots);
  /* Grouped as the locale groups digits (“2,332”, “2 332”). */
  count = g_strdup_printf ("%'" G_GSIZE_FORMAT, n_dots);
  if (shown == NULL || self->loading)
    text = g_strdup ("");
  else if (computing)
    text = g_strdup_printf (_("Computing dots… %.0f %%"), 100.0 * hl_document_get_progress (self->document));
  else if (dots_design != shown)
    /* Stopped: the dots shown are of an earlier state of the design. */
    /* Translators: %s is a number of dots, such as “2,332”. */
    text = g_strdup_printf (ngettext ("%s dot (stopped: not up to date)",
                                      "%s dots (stopped: not up to date)", (gulong) n_dots),
                            count);
  else
    /* Translators: %s is a number of dots, such as “2,332”. */
    text = g_strdup_printf (ngettext ("%s dot", "%s dots", (gulong) n_dots), count);
  gtk_label_set_text (self->dots_label, text);

  gtk_widget_set_visible (self->compute_box, computing && !self->loading);
  gtk_progress_bar_set_fraction (self->compute_bar, hl_document_get_progress (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-computing", computing);
}

static void
on_refused (HlDocument *document,
            const char *message,
            HlWindow   *self)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

void
_hl_window_engine_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.stop-computing", NULL, stop_computing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop-computing", NULL);
}

void
_hl_window_engine_init (HlWindow *self)
{
  g_signal_connect_object (self->document, "notify::computing",
                           G_CALLBACK (_hl_window_engine_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::progress",
                           G_CALLBACK (_hl_window_engine_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "refused", G_CALLBACK (on_refused), self, 0);
  _hl_window_engine_update (self);
}
