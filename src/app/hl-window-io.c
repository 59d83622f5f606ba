/* hl-window-io.c: files in and out of a window: the export dialogs, photos
 * and designs dropped or pasted onto it, relinking a photo that moved or
 * changed, and recently used files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-window"

#include "config.h"

#include "hl-export-dialog.h"
#include "hl-window-private.h"

/* Exports */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HlWindow *self = HL_WINDOW (widget);
  HlExportDialog *dialog;

  if (self->loading || hl_document_get_design (self->document) == NULL)
    return;

  dialog = hl_export_dialog_new (self, g_str_equal (action_name, "win.export-report") ? HL_EXPORT_SHEET
                                                                                      : HL_EXPORT_MOCKUP);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Window hooks */

void
_hl_window_io_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
}

void
_hl_window_io_init (HlWindow *self)
{
}

void
_hl_window_io_update (HlWindow *self)
{
  gboolean has_design = !self->loading && hl_document_get_design (self->document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_design);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", has_design);
}

void
_hl_window_io_dispose (HlWindow *self)
{
}
