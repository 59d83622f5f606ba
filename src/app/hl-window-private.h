/* hl-window-private.h: the window's fields, shared by the files that
 * implement it (hl-window.c: documents, opening, saving, closing;
 * hl-window-tools.c: tools, their options, the zone panel and hints;
 * hl-window-preview.c: stage, sessions, compare, mirror, density map and
 * presentation; hl-window-io.c: exports, photos dropped or pasted, relink,
 * recent files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hl-canvas.h"
#include "hl-window.h"
#include "hl-zone-panel.h"

G_BEGIN_DECLS

struct _HlWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle  *title;
  AdwToastOverlay *toasts;
  GtkRevealer     *notice;          /* lasting: unsaved changes not kept for recovery */
  GtkLabel        *notice_label;
  GtkStack        *stack;
  HlCanvas        *canvas;
  AdwFlap         *flap;
  HlZonePanel     *zone_panel;
  GtkWidget       *hint_card;
  GtkLabel        *hint_steps;
  GtkLabel        *scale_label;
  GtkLabel        *tool_hint;
  GtkLabel        *dots_label;
  char            *dots_pending;    /* a newer count, shown when the timer ends */
  gint64           dots_shown_at;   /* monotonic µs the count last changed */
  int              dots_kind;       /* of the text shown: 0 other, 1 count, 2 progress */
  guint            dots_timer;
  guint            compute_timer;   /* shows compute_box once computing lasts */
  GtkWidget       *compute_box;
  GtkProgressBar  *compute_bar;
  GtkStack        *options_stack;
  GtkMenuButton   *landmark_button;
  GtkMenuButton   *zone_kind_button;
  GtkBox          *tool_box;
  AdwStatusPage   *loading_page;
  GtkSpinner      *spinner;
  GtkWidget       *opening_box;   /* over the design shown while another opens (after a delay) */
  GtkSpinner      *opening_spinner;
  GtkLabel        *opening_label;
  AdwStatusPage   *problem_page;
  GtkMenuButton   *view_button;   /* hl-window-views.c */
  GtkListBox      *view_list;
  GtkLabel        *view_label;
  GtkWidget       *header_bar;
  GtkWidget       *status_bar;
  GtkMenuButton   *preview_button;

  /* Owned references */
  HlDocument      *document;
  char            *opening;      /* name of the file being (or that failed to be) opened */
  char            *problem;
  GtkNativeDialog *chooser;
  GCancellable    *load_cancellable;
  GTask           *asking;       /* a save waiting for the user to say where, or
                                  * whether to replace a file changed on disk */
  char            *tool;         /* win.tool: the tool's name */
  /* The tools' options: win.ruler-mode, win.landmark, win.zone-kind and
   * the eyedropper's session; every tool borrows them. */
  HlToolOptions    tool_options;
  HlLandmark       notified_landmark; /* "landmark" as last notified */
  GtkWidget       *length_popover; /* the ruler's question, while shown */
  HlRecoveryEntry *recovering;   /* the unsaved work being restored */
  GMenu           *recent_section; /* template: Open Recent's items */
  GFile           *pending_file;   /* opened once "Save Changes?" is answered */
  GBytes          *pending_png;    /* or pasted then */
  GCancellable    *relink_cancellable;
  AdwToast        *photo_toast;    /* weak: the photo problem's, while shown */
  GtkNativeDialog *view_chooser; /* "Add View from Photo", while shown */
  GHashTable      *actions_enabled; /* action name → GINT_TO_POINTER (1 + enabled), as
                                     last set by _hl_window_set_action_enabled() */
  GHashTable      *thumbnails;   /* thumbnail key → GdkTexture (NULL: being drawn) */
  char            *views_signature; /* the views the switcher lists */
  GtkWidget       *template_dialog; /* the hairline template dialog, while shown */

  guint            saving;       /* saves in flight */
  gboolean         loading;
  gboolean         loading_over; /* loading while the design shown stays on screen */
  guint            opening_timer; /* shows opening_box once the opening lasts */
  gboolean         close_confirmed;
  gboolean         disposed;
  gboolean         show_panel;   /* win.show-panel */

  /* The client preview (hl-window-preview.c) */
  HlPreview        preview;           /* win.stage, .session, .compare, .mirror, .density-map, .presentation */
  HlPreview        before_presenting;
  gboolean         was_fullscreen;    /* before presenting */
  gboolean         panel_before;
  guint            preview_menu_sessions;
};

enum
{
  PROP_0,
  PROP_TOOL,
  PROP_RULER_MODE,
  PROP_LANDMARK,
  PROP_ZONE_KIND,
  PROP_SHOW_PANEL,
  PROP_VIEW,
  PROP_STAGE,
  PROP_SESSION,
  PROP_COMPARE,
  PROP_MIRROR,
  PROP_DENSITY_MAP,
  PROP_PRESENTATION,
  N_PROPS
};

/* hl-window.c */
/* Opens @file in @self, or in a new window if @self has unsaved work;
 * a design open already in any window of the application brings that
 * window forward instead (@file borrowed). */
void     _hl_window_open_or_present    (HlWindow       *self,
                                        GFile          *file);
/* Whether a design is opening while the one shown stays on screen under
 * the "Opening…" card. */
gboolean _hl_window_loading_over       (HlWindow       *self);
/* Tells the document the area its canvas fits a view to now (before a
 * load or a switch of views: the worker prepares the photo for it). */
void     _hl_window_note_screen_fit    (HlWindow       *self);

/* hl-window-tools.c */
/* Fills in the pspecs of the tool properties; once they are installed,
 * _install_actions makes them the stateful actions with their keys. */
void     _hl_window_tools_class_init   (GtkWidgetClass *widget_class,
                                        GParamSpec    **properties);
void     _hl_window_tools_install_actions (GtkWidgetClass *widget_class);
/* The actions' states, before the template binds buttons to them. */
void     _hl_window_tools_init_state   (HlWindow       *self);
/* Once the template is built. */
void     _hl_window_tools_init         (HlWindow       *self);
void     _hl_window_tools_finalize     (HlWindow       *self);
/* The design or the tool changed: hints, scale, dot count, panel. */
void     _hl_window_tools_update       (HlWindow       *self);
/* Enables or disables the window's action @name (a "win." name) unless it
 * is so already: GTK 4.8 tells every widget watching the action each time,
 * whether or not it changed (42k instructions a call, nine calls at each
 * step of a handle drag). */
void     _hl_window_set_action_enabled (HlWindow       *self,
                                        const char     *name,
                                        gboolean        enabled);
gboolean _hl_window_tools_get_property (HlWindow       *self,
                                        guint           prop_id,
                                        GValue         *value);
gboolean _hl_window_tools_set_property (HlWindow       *self,
                                        guint           prop_id,
                                        const GValue   *value);

/* hl-window-views.c: the view switcher, win.view, adding views, head
 * charts and the hairline template dialog. */
void     _hl_window_views_class_init   (GtkWidgetClass *widget_class,
                                        GParamSpec    **properties);
void     _hl_window_views_install_actions (GtkWidgetClass *widget_class);
void     _hl_window_views_init         (HlWindow       *self);
void     _hl_window_views_dispose      (HlWindow       *self);
void     _hl_window_views_finalize     (HlWindow       *self);
gboolean _hl_window_views_get_property (HlWindow       *self,
                                        guint           prop_id,
                                        GValue         *value);
gboolean _hl_window_views_set_property (HlWindow       *self,
                                        guint           prop_id,
                                        const GValue   *value);
/* Adds a view on the photo @file (loaded on a worker), one undo step. */
void     _hl_window_views_add_photo    (HlWindow       *self,
                                        GFile          *file);
/* hl-window-engine.c */
void     _hl_window_engine_install_actions (GtkWidgetClass *widget_class);
void     _hl_window_engine_init        (HlWindow       *self);
/* The dot count, or the progress while the dots are computed. */
void     _hl_window_engine_update      (HlWindow       *self);
void     _hl_window_engine_dispose     (HlWindow       *self);

/* hl-window-preview.c */
void     _hl_window_preview_class_init      (GtkWidgetClass *widget_class,
                                             GParamSpec    **properties);
void     _hl_window_preview_install_actions (GtkWidgetClass *widget_class);
/* Once the template is set. */
void     _hl_window_preview_bind_template   (GtkWidgetClass *widget_class);
void     _hl_window_preview_init            (HlWindow       *self);
/* The design or the view changed: the sessions offered, the actions'
 * sensitivity, and nothing but the design while presenting. */
void     _hl_window_preview_update          (HlWindow       *self);
gboolean _hl_window_preview_get_property    (HlWindow       *self,
                                             guint           prop_id,
                                             GValue         *value);
gboolean _hl_window_preview_set_property    (HlWindow       *self,
                                             guint           prop_id,
                                             const GValue   *value);

/* hl-window-io.c: exports, drop, paste, relink, recent files. */
void     _hl_window_io_class_init      (GtkWidgetClass *widget_class);
void     _hl_window_io_init            (HlWindow       *self);
/* The design or the loading state changed: which actions are enabled. */
void     _hl_window_io_update          (HlWindow       *self);
void     _hl_window_io_dispose         (HlWindow       *self);
/* Shows what is wrong with the photo of a design just opened, with a
 * button that relinks it; hl_window_get_problem() returns @message. */
void     _hl_window_io_warn_photo      (HlWindow       *self,
                                        const char     *message);

/* For tests */

/* The photo of the view shown, or NULL (borrowed). */
HlPhoto     *hl_window_get_photo      (HlWindow *self);
/* The zone panel (borrowed). */
GtkWidget   *hl_window_get_zone_panel (HlWindow *self);
/* The last problem shown (instead of the design, or as a notice above
 * it), or NULL (borrowed). */
const char  *hl_window_get_problem    (HlWindow *self);
/* The text of the lasting notice above the design while it is shown,
 * else NULL (borrowed). */
const char  *hl_window_get_notice     (HlWindow *self);

G_END_DECLS
