/* hl-gui-test-util.h: what the GUI test programs share (real windows
 * under Xvfb).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hl-window.h"

G_BEGIN_DECLS

typedef gboolean (*HlGuiCondition) (gpointer data);

/* The path of sample @name (caller frees). */
char             *hl_gui_sample_file  (const char     *name);
/* Runs the main loop until @condition holds; fails the test after 60 s. */
void              hl_gui_wait_until   (HlGuiCondition  condition,
                                       gpointer        data);
/* A new temporary folder named after @prefix holding a copy of the photo
 * sample's design (as @name) and its photo. Returns the folder (caller
 * frees); *@path is the design's path (caller frees). */
char             *hl_gui_copy_sample  (const char     *prefix,
                                       const char     *name,
                                       char          **path);
/* A new window of @app showing the design or photo at @path, presented at
 * @width × @height, once it has loaded and drawn (borrowed: the
 * application holds it). */
HlWindow         *hl_gui_open_window  (GtkApplication *app,
                                       const char     *path,
                                       int             width,
                                       int             height);
/* Removes the files in @dir, then @dir. */
void              hl_gui_remove_dir   (const char     *dir);
/* The first mapped widget of @type under @root, depth first, or NULL
 * (borrowed). */
GtkWidget        *hl_gui_find_widget  (GtkWidget      *root,
                                       GType           type);
/* The button labelled @label under @root, or NULL (borrowed). */
GtkWidget        *hl_gui_find_button  (GtkWidget      *root,
                                       const char     *label);
/* Runs the main loop for @ms milliseconds. */
void              hl_gui_run_for       (guint          ms);
/* Runs xdotool with @first and the arguments after it (NULL-terminated),
 * after `windowfocus --sync` on @focus's X window when @focus is not NULL,
 * the main loop running; then lets the loop handle the events it sent.
 * Fails the test when xdotool is missing or fails. */
void              hl_gui_xdotool       (GtkWidget     *focus,
                                        const char    *first,
                                        ...) G_GNUC_NULL_TERMINATED;
/* The first toplevel window of @type that is visible (@mapped: mapped, on
 * screen), or NULL (borrowed). */
GtkWidget        *hl_gui_find_toplevel (GType          type,
                                        gboolean       mapped);
/* The message dialog on screen, or NULL (borrowed). */
AdwMessageDialog *hl_gui_find_dialog  (void);
/* Clicks @label in the message dialog on screen, as the user would. */
void              hl_gui_answer_dialog (const char    *label);

/* What @widget shows, rendered by its window's renderer (transfer full). */
GdkTexture       *hl_gui_render_widget (GtkWidget     *widget);
/* Pixels of two textures of the same size that differ. */
guint             hl_gui_count_differences (GdkTexture *a,
                                            GdkTexture *b);
/* Drags hairline handle @index of the window's first view by (@dx, @dy)
 * image px through its canvas: one undo step. */
void              hl_gui_drag_hairline_point (HlWindow *window,
                                              guint     index,
                                              double    dx,
                                              double    dy);
/* A timeout that counts its calls in the guint at @counter. */
gboolean          hl_gui_count_tick    (gpointer       counter);

G_END_DECLS
