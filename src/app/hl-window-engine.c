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

#include "hl-units.h"
#include "hl-window-private.h"

static void
stop_computing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);

  hl_document_stop_computing (self->document);
}

/* A new dot count replaces the last one at most this often (µs): while a
 * handle is dragged the count changes on every frame, and every change of
 * the label lays the whole window out again. */
#define DOTS_INTERVAL_US (200 * 1000)

static gboolean
on_dots_timer (gpointer data)
{
  HlWindow *self = data;
  g_autofree char *text = g_steal_pointer (&self->dots_pending);

  self->dots_timer = 0;
  if (text != NULL)
    {
      gtk_label_set_text (self->dots_label, text);
      self->dots_shown_at = g_get_monotonic_time ();
    }
  return G_SOURCE_REMOVE;
}

/* Shows @text (transfer full) in the status bar. A count (@kind 1) or a
 * progress (@kind 2) that follows one of its kind within DOTS_INTERVAL_US
 * waits for the rest of it, and the newest one is then shown; any other
 * change is shown at once. */
static void
show_dots_text (HlWindow *self,
                char     *text,
                int       kind)
{
  gint64 now = g_get_monotonic_time ();

  if (self->dots_pending == NULL && g_strcmp0 (gtk_label_get_text (self->dots_label), text) == 0)
    {
      g_free (text);
      return;
    }
  if (kind != 0 && kind == self->dots_kind && now - self->dots_shown_at < DOTS_INTERVAL_US)
    {
      g_free (self->dots_pending);
      self->dots_pending = text;
      if (self->dots_timer == 0)
        self->dots_timer = g_timeout_add ((guint) ((self->dots_shown_at + DOTS_INTERVAL_US - now) / 1000) + 1,
                                          on_dots_timer, self);
      return;
    }
  g_clear_pointer (&self->dots_pending, g_free);
  g_clear_handle_id (&self->dots_timer, g_source_remove);
  gtk_label_set_text (self->dots_label, text);
  self->dots_kind = kind;
  self->dots_shown_at = now;
  g_free (text);
}

void
_hl_window_engine_dispose (HlWindow *self)
{
  g_clear_handle_id (&self->dots_timer, g_source_remove);
  g_clear_handle_id (&self->compute_timer, g_source_remove);
  g_clear_pointer (&self->dots_pending, g_free);
}

/* Progress and Stop show over the canvas once the dots have taken
 * HL_WINDOW_COMPUTE_DELAY_MS: the updates of a drag take a millisecond or
 * two, and a box shown and hidden at each step would flicker. */
#define HL_WINDOW_COMPUTE_DELAY_MS 300

static gboolean
show_compute_box (gpointer data)
{
  HlWindow *self = data;

  self->compute_timer = 0;
  gtk_widget_set_visible (self->compute_box, hl_document_is_computing (self->document) && !self->loading);
  return G_SOURCE_REMOVE;
}

void
_hl_window_engine_update (HlWindow *self)
{
  HlDesign *shown = hl_document_get_shown (self->document);
  HlDesign *dots_design = hl_document_get_dots_design (self->document);
  gboolean computing = hl_document_is_computing (self->document);
  char *text;
  int kind = 0;
  g_autofree char *count = NULL;
  gsize n_dots = 0;

  hl_document_get_dots (self->document, &n_dots);
  /* Grouped as the locale groups digits (“2,332”, “2 332”). */
  count = hl_units_format_count (n_dots);
  if (_hl_window_loading_over (self))
    text = g_strdup (gtk_label_get_text (self->dots_label));   /* as it is, over the design shown */
  else if (shown == NULL || self->loading)
    text = g_strdup ("");
  else if (computing)
    {
      text = g_strdup_printf (_("Computing dots… %.0f %%"), 100.0 * hl_document_get_progress (self->document));
      kind = 2;
    }
  else if (dots_design != shown)
    /* Stopped: the dots shown are of an earlier state of the design. */
    /* Translators: %s is a number of dots, such as “2,332”. */
    text = g_strdup_printf (ngettext ("%s dot (stopped: not up to date)",
                                      "%s dots (stopped: not up to date)", (gulong) n_dots),
                            count);
  else
    {
      /* Translators: %s is a number of dots, such as “2,332”. */
      text = g_strdup_printf (ngettext ("%s dot", "%s dots", (gulong) n_dots), count);
      kind = 1;
    }
  show_dots_text (self, text, kind);

  if (!computing || self->loading)
    {
      g_clear_handle_id (&self->compute_timer, g_source_remove);
      gtk_widget_set_visible (self->compute_box, FALSE);
    }
  else if (!gtk_widget_get_visible (self->compute_box) && self->compute_timer == 0)
    self->compute_timer = g_timeout_add (HL_WINDOW_COMPUTE_DELAY_MS, show_compute_box, self);
  /* Setting a fraction lays the bar out again, even the same one. */
  if (computing && gtk_progress_bar_get_fraction (self->compute_bar) != hl_document_get_progress (self->document))
    gtk_progress_bar_set_fraction (self->compute_bar, hl_document_get_progress (self->document));
  _hl_window_set_action_enabled (self, "win.stop-computing", computing);
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
