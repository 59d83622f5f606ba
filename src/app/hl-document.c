/* hl-document.c
 *
 * The document's state: the history and its commits, the selection, the
 * engine that stipples the design shown, the properties and signals.
 * Loading, saving and recovery are in hl-document-io.c.
 *
 * The document holds the dots of the last finished request with the
 * design they belong to; a request still running leaves them shown. A
 * freshly loaded design is stippled by a new engine on the load worker;
 * that engine then moves to the engine worker (hl-engine-worker.c), which
 * follows the design shown from then on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-document-private.h"

G_DEFINE_FINAL_TYPE (HlDocument, hl_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_TITLE,
  PROP_FILE,
  PROP_VIEW_INDEX,
  PROP_COMPUTING,
  PROP_PROGRESS,
  PROP_SELECTED_ZONE,
  PROP_AUTOSAVE_PROBLEM,
  N_PROPS
};

enum {
  CHANGED,
  LOADED,
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* State */

void
_hl_document_emit_changed (HlDocument *self)
{
  g_assert (HL_IS_DOCUMENT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_hl_document_emit_loaded (HlDocument *self)
{
  g_assert (HL_IS_DOCUMENT (self));
  g_signal_emit (self, signals[LOADED], 0);
}

void
_hl_document_notify_view_index (HlDocument *self)
{
  g_assert (HL_IS_DOCUMENT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_INDEX]);
}

/* Notifies the flags that changed since they were last notified. */
void
_hl_document_update_flags (HlDocument *self)
{
  gboolean modified = self->history != NULL && hl_history_is_modified (self->history);
  gboolean can_undo = self->history != NULL && hl_history_can_undo (self->history);
  gboolean can_redo = self->history != NULL && hl_history_can_redo (self->history);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  _hl_document_schedule_autosave (self);
}

void
_hl_document_set_title (HlDocument *self,
                        char       *title)   /* transfer full */
{
  if (g_strcmp0 (title, self->title) == 0)
    {
      g_free (title);
      return;
    }
  g_free (self->title);
  self->title = title;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
_hl_document_set_file (HlDocument *self,
                       GFile      *file)
{
  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
_hl_document_set_autosave_problem (HlDocument *self,
                                   const char *problem)
{
  if (g_strcmp0 (problem, self->autosave_problem) == 0)
    return;
  g_free (self->autosave_problem);
  self->autosave_problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_PROBLEM]);
}

const char *
hl_document_get_autosave_problem (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->autosave_problem;
}

/* Engine */

/* How long an edit waits for its dots before the window moves on and shows
 * them when they come: a handle drag on a normal design takes about a
 * millisecond and so never shows the previous dots; a large design shows
 * progress instead of freezing. */
#define SYNC_WAIT_US (30 * 1000)

void
_hl_document_set_computing (HlDocument *self,
                            gboolean    computing,
                            double      progress)
{
  if (computing != self->computing)
    {
      self->computing = computing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPUTING]);
    }
  if (progress != self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

void
_hl_document_set_dots (HlDocument *self,
                       guint       serial,
                       HlDesign   *design,
                       GArray     *dots,     /* transfer full */
                       GArray     *stats)    /* transfer full */
{
  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->stats, g_array_unref);
  g_clear_pointer (&self->dots_design, hl_design_unref);
  self->dots = dots;
  self->stats = stats;
  self->dots_design = design != NULL ? hl_design_ref (design) : NULL;
  self->dots_serial = serial;
}

/* Takes a finished result newer than the dots held. TRUE when the dots
 * changed. */
static gboolean
take_result (HlDocument *self)
{
  g_autoptr(HlEngineResult) result = hl_engine_worker_take_result (self->worker);

  if (result == NULL || result->serial <= self->dots_serial)
    return FALSE;
  _hl_document_set_dots (self, result->serial, result->design,
            g_steal_pointer (&result->dots), g_steal_pointer (&result->stats));
  if (self->dots_serial == self->request)
    _hl_document_set_computing (self, FALSE, 1.0);
  return TRUE;
}

/* On the main thread: the worker finished a request or moved on. */
static void
on_worker_notify (gpointer user_data)
{
  HlDocument *self = user_data;
  gboolean changed;

  g_object_freeze_notify (G_OBJECT (self));
  changed = take_result (self);
  if (self->computing)
    _hl_document_set_computing (self, TRUE, hl_engine_worker_get_progress (self->worker));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Asks the engine for the shown design's dots and waits a moment for
 * them; past that the document is computing. */
void
_hl_document_request_dots (HlDocument *self)
{
  self->request = hl_engine_worker_request (self->worker, self->shown, self->view, NULL);
  if (hl_engine_worker_wait (self->worker, self->request, SYNC_WAIT_US))
    take_result (self);
  if (self->dots_serial != self->request)
    _hl_document_set_computing (self, TRUE, hl_engine_worker_get_progress (self->worker));
}

/* The selected zone stays within the zones of the view shown (a zone
 * removed by an undo takes the selection to the last one left). */
static void
clamp_selection (HlDocument *self)
{
  HlDesign *design = hl_document_get_design (self);
  int n = design != NULL && self->view < hl_design_get_n_views (design)
          ? (int) hl_view_get_n_zones (hl_design_get_view (design, self->view)) : 0;

  if (self->selected_zone >= n)
    hl_document_set_selected_zone (self, n - 1);
}

/* Whether the view shown refers to another photo in @next than in @prev
 * (another chart, or another hash), one that is not the photo held (a
 * relink just made holds it already). */
static gboolean
photo_ref_changed (HlDocument     *self,
                   const HlDesign *prev,
                   const HlDesign *next)
{
  const HlPhotoRef *a, *b;

  if (prev == NULL || next == NULL || self->view >= hl_design_get_n_views (prev) ||
      self->view >= hl_design_get_n_views (next))
    return FALSE;
  a = &hl_design_get_view (prev, self->view)->photo;
  b = &hl_design_get_view (next, self->view)->photo;
  /* A photo is known by its hash: the same image under another path
   * (a design saved elsewhere) is the same photo. */
  if (g_strcmp0 (a->chart, b->chart) != 0)
    return TRUE;
  if (a->sha256 == NULL || b->sha256 == NULL || strcmp (a->sha256, b->sha256) == 0)
    return FALSE;
  return self->photo == NULL || g_strcmp0 (hl_photo_get_sha256 (self->photo), b->sha256) != 0;
}

void
hl_document_show (HlDocument *self,
                  HlDesign   *preview)
{
  HlDesign *shown;

  g_return_if_fail (HL_IS_DOCUMENT (self));

  if (self->history == NULL)
    return;

  /* A tool at rest shows the current design: that is no preview. */
  if (preview == hl_history_get_current (self->history))
    preview = NULL;
  if (preview != self->preview)
    {
      if (preview != NULL)
        hl_design_ref (preview);
      g_clear_pointer (&self->preview, hl_design_unref);
      self->preview = preview;
    }

  shown = hl_document_get_shown (self);
  if (shown != self->shown)
    {
      gboolean reload = photo_ref_changed (self, self->shown, shown);

      hl_design_ref (shown);
      g_clear_pointer (&self->shown, hl_design_unref);
      self->shown = shown;

      /* The view shown went away (an added view undone): show the last
       * one. Its photo reference changed (a relink undone): load that
       * photo. */
      if (self->view >= hl_design_get_n_views (shown) && hl_design_get_n_views (shown) > 0 && preview == NULL)
        hl_document_set_view_index (self, hl_design_get_n_views (shown) - 1);
      else if (reload && preview == NULL)
        hl_document_set_view_index (self, self->view);

      g_object_freeze_notify (G_OBJECT (self));
      /* The engine only redoes what differs from the last view it saw. */
      if (self->view < hl_design_get_n_views (shown))
        _hl_document_request_dots (self);
      _hl_document_update_flags (self);
      clamp_selection (self);
      g_signal_emit (self, signals[CHANGED], 0);
      g_object_thaw_notify (G_OBJECT (self));
      return;
    }

  _hl_document_update_flags (self);
}

/* How long after a commit one with the same merge key still amends it:
 * the steps of a spin button held down, the drags of a slider. */
#define MERGE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

void
_hl_document_forget_merge (HlDocument *self)
{
  g_clear_pointer (&self->merge_key, g_free);
  g_clear_pointer (&self->merge_design, hl_design_unref);
}

gboolean
hl_document_commit (HlDocument *self,
                    HlDesign   *design,
                    const char *label,
                    const char *merge_key)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean merge;

  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (design != NULL, FALSE);
  g_return_val_if_fail (self->history != NULL, FALSE);

  if (design == hl_history_get_current (self->history))
    return FALSE;
  if (!hl_design_check_budget (design, &error))
    {
      /* Translators: %s says why the edit was refused. */
      g_autofree char *message = g_strdup_printf (_("Edit not applied: %s"), error->message);

      g_signal_emit (self, signals[REFUSED], 0, message);
      return FALSE;
    }

  /* The same key as the last commit, nothing recorded or undone since,
   * a moment ago: one undo step for the whole burst. */
  merge = merge_key != NULL && self->merge_key != NULL &&
          g_str_equal (merge_key, self->merge_key) &&
          self->merge_design == hl_history_get_current (self->history) &&
          now - self->merge_time < MERGE_USEC;
  if (!(merge && hl_history_amend (self->history, design)))
    hl_history_push (self->history, design, label);

  _hl_document_forget_merge (self);
  if (merge_key != NULL)
    {
      self->merge_key = g_strdup (merge_key);
      self->merge_design = hl_design_ref (design);
      self->merge_time = now;
    }
  hl_document_show (self, NULL);
  return TRUE;
}

HlToolHost *
hl_document_get_tool_host (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return &self->host;
}

int
hl_document_get_selected_zone (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), -1);
  return self->selected_zone;
}

void
hl_document_set_selected_zone (HlDocument *self,
                               int         zone)
{
  g_return_if_fail (HL_IS_DOCUMENT (self));

  zone = MAX (zone, -1);
  if (zone == self->selected_zone)
    return;
  self->selected_zone = zone;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ZONE]);
}

gboolean
hl_document_undo (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);

  if (self->history == NULL || hl_history_undo (self->history) == NULL)
    return FALSE;
  _hl_document_forget_merge (self);
  hl_document_show (self, NULL);
  return TRUE;
}

gboolean
hl_document_redo (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);

  if (self->history == NULL || hl_history_redo (self->history) == NULL)
    return FALSE;
  _hl_document_forget_merge (self);
  hl_document_show (self, NULL);
  return TRUE;
}

/* Getters */

GFile *
hl_document_get_file (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
hl_document_get_title (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->title;
}

HlDesign *
hl_document_get_design (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->history != NULL ? hl_history_get_current (self->history) : NULL;
}

HlDesign *
hl_document_get_shown (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->preview != NULL ? self->preview : hl_document_get_design (self);
}

guint
hl_document_get_view_index (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), 0);
  return self->view;
}

HlPhoto *
hl_document_get_photo (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->photo;
}

const char *
hl_document_get_photo_problem (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->photo_problem;
}

gboolean
hl_document_can_undo (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  return self->history != NULL && hl_history_can_undo (self->history);
}

gboolean
hl_document_can_redo (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  return self->history != NULL && hl_history_can_redo (self->history);
}

gboolean
hl_document_is_modified (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  return self->history != NULL && hl_history_is_modified (self->history);
}

const HlDot *
hl_document_get_dots (HlDocument *self,
                      gsize      *n_dots)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);

  if (self->dots == NULL)
    {
      if (n_dots != NULL)
        *n_dots = 0;
      return NULL;
    }
  if (n_dots != NULL)
    *n_dots = self->dots->len;
  return (const HlDot *) (gconstpointer) self->dots->data;
}

GArray *
hl_document_ref_dots_array (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);

  return self->dots != NULL ? g_array_ref (self->dots) : NULL;
}

HlDesign *
hl_document_get_dots_design (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->dots_design;
}

gboolean
hl_document_get_zone_stats (HlDocument  *self,
                            guint        zone,
                            HlZoneStats *stats)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (self->stats == NULL || zone >= self->stats->len)
    return FALSE;
  *stats = g_array_index (self->stats, HlZoneStats, zone);
  return TRUE;
}

gboolean
hl_document_is_computing (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  return self->computing;
}

double
hl_document_get_progress (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), 0.0);
  return self->computing ? self->progress : 1.0;
}

gboolean
hl_document_stop_computing (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);

  if (!self->computing)
    return FALSE;
  hl_engine_worker_cancel (self->worker);
  _hl_document_set_computing (self, FALSE, 1.0);
  return TRUE;
}

/* GObject */

static void
hl_document_finalize (GObject *object)
{
  HlDocument *self = HL_DOCUMENT (object);

  g_clear_pointer (&self->worker, hl_engine_worker_free);

  _hl_document_io_finalize (self);

  g_clear_object (&self->file);
  g_free (self->title);
  g_clear_pointer (&self->preview, hl_design_unref);
  g_clear_pointer (&self->shown, hl_design_unref);
  g_clear_pointer (&self->history, hl_history_free);
  g_clear_pointer (&self->photo, hl_photo_unref);
  g_free (self->photo_problem);
  g_clear_pointer (&self->pasted, g_bytes_unref);
  g_free (self->pasted_sha);
  g_free (self->pasted_path);
  g_free (self->autosave_problem);
  _hl_document_forget_merge (self);
  g_clear_pointer (&self->dots, g_array_unref);
  g_clear_pointer (&self->stats, g_array_unref);
  g_clear_pointer (&self->dots_design, hl_design_unref);

  G_OBJECT_CLASS (hl_document_parent_class)->finalize (object);
}

static void
hl_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HlDocument *self = HL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, hl_document_is_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hl_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, hl_document_can_redo (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_VIEW_INDEX:
      g_value_set_uint (value, self->view);
      break;
    case PROP_COMPUTING:
      g_value_set_boolean (value, self->computing);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, hl_document_get_progress (self));
      break;
    case PROP_SELECTED_ZONE:
      g_value_set_int (value, self->selected_zone);
      break;
    case PROP_AUTOSAVE_PROBLEM:
      g_value_set_string (value, self->autosave_problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HlDocument *self = HL_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ZONE:
      hl_document_set_selected_zone (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hl_document_class_init (HlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hl_document_finalize;
  object_class->get_property = hl_document_get_property;
  object_class->set_property = hl_document_set_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW_INDEX] =
    g_param_spec_uint ("view-index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPUTING] =
    g_param_spec_boolean ("computing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ZONE] =
    g_param_spec_int ("selected-zone", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTOSAVE_PROBLEM] =
    g_param_spec_string ("autosave-problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlDocument::changed:
   *
   * The design shown, its dots or the photo changed: views redraw.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HlDocument::loaded:
   *
   * A load replaced the design, its history and photo (emitted before
   * "changed"): views drop per-design state such as tools and zoom.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HlDocument::refused:
   * @message: why, for the user
   *
   * An edit was not applied (the design would go over the dot budget); the
   * design is as it was before the edit.
   */
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* The document as tools see it. */

static HlDocument *
from_host (HlToolHost *host)
{
  return (HlDocument *) ((char *) host - G_STRUCT_OFFSET (HlDocument, host));
}

static HlDesign *
host_get_design (HlToolHost *host)
{
  return hl_document_get_design (from_host (host));
}

static gboolean
host_commit (HlToolHost *host,
             HlDesign   *design,
             const char *label,
             const char *merge_key)
{
  HlDocument *self = from_host (host);

  return self->history != NULL && hl_document_commit (self, design, label, merge_key);
}

static int
host_get_selected_zone (HlToolHost *host)
{
  return from_host (host)->selected_zone;
}

static void
host_set_selected_zone (HlToolHost *host,
                        int         zone)
{
  hl_document_set_selected_zone (from_host (host), zone);
}

static const HlToolHostInterface host_iface = {
  host_get_design,
  host_commit,
  host_get_selected_zone,
  host_set_selected_zone,
};

static void
hl_document_init (HlDocument *self)
{
  self->host.iface = &host_iface;
  self->selected_zone = -1;
  self->worker = hl_engine_worker_new (on_worker_notify, self);
  self->progress = 1.0;
}

HlDocument *
hl_document_new (void)
{
  return g_object_new (HL_TYPE_DOCUMENT, NULL);
}

/* Autosave and recovery (the copies are written in hl-document-io.c) */

void
hl_document_set_autosave (HlDocument *self,
                          const char *dir,
                          guint       delay_ms)
{
  g_return_if_fail (HL_IS_DOCUMENT (self));

  g_free (self->recovery_dir);
  self->recovery_dir = g_strdup (dir);
  self->autosave_delay_ms = delay_ms;
  self->autosave_failures = 0;
  self->recovery_photo_written = FALSE;
  _hl_document_schedule_autosave (self);
}

const char *
hl_document_get_recovery_id (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);
  return self->recovery_id;
}

void
hl_document_adopt_recovery (HlDocument            *self,
                            const HlRecoveryEntry *entry)
{
  g_autoptr(GFile) original = NULL;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (self->history != NULL);

  /* The design belongs to its own file again, and is unsaved there. */
  if (entry->original_path != NULL)
    original = g_file_new_for_path (entry->original_path);
  _hl_document_set_file (self, original);
  _hl_document_set_title (self, g_strdup (entry->title));
  /* What the original file holds now is not known here. */
  memset (&self->stamp, 0, sizeof self->stamp);
  hl_history_forget_saved (self->history);
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (entry->id);
  _hl_document_update_flags (self);
}
