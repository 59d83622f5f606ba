/* hl-document-io.c: loading and saving hand immutable values (paths,
 * designs with atomic reference counts) to a worker and take the results
 * back on the main thread; the worker never touches the document's
 * fields. Here: the four ways to load (a file, a design in memory, a
 * pasted image, a recovery copy), switching views (whose photo loads on a
 * worker), relinking the photo, saving (with a pasted image written beside
 * the design, and a file changed on disk refused unless forced), and
 * autosave with recovery (retried while it fails).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hl-atomic-file.h"
#include "hl-design-io.h"
#include "hl-document-private.h"
#include "hl-head-zones.h"
#include "hl-error.h"
#include "hl-progress-photo-io.h"
#include "hl-recovery.h"
#include "hl-render.h"

/* Worker data */

typedef struct
{
  char       *path;          /* a file, a pasted image's name, or NULL for a
                              * design given in memory */
  char       *title;         /* a given design's title */
  gboolean    is_design;     /* .json, else a photo */
  gboolean    given;         /* the design came in memory, not from a file */
  GBytes     *pasted;        /* a pasted image, or NULL */
  char       *pasted_sha;    /* its SHA-256 */
  HlRecoveryEntry *entry;    /* a recovery copy being restored, or NULL */
  HlFileStamp stamp;         /* the design file (or the entry's original) before reading */
  guint       serial;
  HlScreenFit fit;           /* where the photo will first be shown */
  HlDesign   *design;
  HlPhoto    *photo;
  char       *problem;
  HlStippler *engine;
  GArray     *dots;
  GArray     *stats;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->pasted, g_bytes_unref);
  g_free (data->pasted_sha);
  g_clear_pointer (&data->entry, hl_recovery_entry_free);
  g_free (data->title);
  g_clear_pointer (&data->design, hl_design_unref);
  g_clear_pointer (&data->photo, hl_photo_unref);
  g_free (data->problem);
  g_clear_pointer (&data->engine, hl_stippler_free);
  g_clear_pointer (&data->dots, g_array_unref);
  g_clear_pointer (&data->stats, g_array_unref);
  g_free (data);
}

typedef struct
{
  GFile    *file;
  char     *path;
  HlDesign *design;          /* the snapshot written */
  guint     generation;
  GBytes   *pasted;          /* a pasted image to write beside the design */
  char     *pasted_sha;
  char     *pasted_path;     /* where it lies already, or NULL */
  char     *written_path;    /* where the worker wrote it */
  HlFileStamp expected;      /* the file as the document last saw it (known:
                              * refuse to replace it if it changed) */
  HlFileStamp written;       /* the file as the worker left it */
  HlDocumentSaveFlags flags;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->file);
  g_free (data->path);
  hl_design_unref (data->design);
  g_clear_pointer (&data->pasted, g_bytes_unref);
  g_free (data->pasted_sha);
  g_free (data->pasted_path);
  g_free (data->written_path);
  g_free (data);
}

/* File stamps */

/* On a worker: what @path names now, or FALSE (then unknown) when it
 * cannot be read, e.g. it does not exist. */
static gboolean
read_stamp (const char  *path,
            HlFileStamp *stamp)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  memset (stamp, 0, sizeof *stamp);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  stamp->known = TRUE;
  stamp->device = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE);
  stamp->inode = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE);
  stamp->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  stamp->mtime_usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  stamp->size = g_file_info_get_size (info);
  return TRUE;
}

static gboolean
same_stamp (const HlFileStamp *a,
            const HlFileStamp *b)
{
  return a->known == b->known && a->device == b->device && a->inode == b->inode &&
         a->mtime == b->mtime && a->mtime_usec == b->mtime_usec && a->size == b->size;
}

/* Pasted images */

/* Whether view @v of @design shows the pasted image whose SHA-256 is @sha. */
static gboolean
shows_pasted (const HlDesign *design,
              guint           v,
              const char     *sha)
{
  const HlView *view = hl_design_get_view (design, v);

  return sha != NULL && view->photo.path == NULL && view->photo.chart == NULL &&
         g_strcmp0 (view->photo.sha256, sha) == 0;
}

static gboolean
any_shows_pasted (const HlDesign *design,
                  const char     *sha)
{
  for (guint v = 0; v < hl_design_get_n_views (design); v++)
    if (shows_pasted (design, v, sha))
      return TRUE;
  return FALSE;
}

/* @design with the views that show the pasted image pointing at @path
 * (transfer full; everything else shared). */
static HlDesign *
with_pasted_path (const HlDesign *design,
                  const char     *sha,
                  const char     *path)
{
  HlDesign *linked = hl_design_copy (design);

  for (guint v = 0; v < hl_design_get_n_views (linked); v++)
    {
      const HlView *view = hl_design_get_view (linked, v);
      HlView *copy;

      if (!shows_pasted (linked, v, sha))
        continue;
      copy = hl_view_copy (view);
      hl_view_set_photo (copy, path, view->photo.sha256, view->photo.width, view->photo.height);
      hl_design_replace_view (linked, v, copy);
      hl_view_unref (copy);
    }
  return linked;
}

/* The reverse: @design with the views whose photo is the file @path and
 * has the SHA-256 @sha showing the pasted image again, with no file of
 * their own (transfer full), or NULL when no view shows it. */
static HlDesign *
without_pasted_path (const HlDesign *design,
                     const char     *sha,
                     const char     *path)
{
  g_autoptr(HlDesign) unlinked = hl_design_copy (design);
  gboolean any = FALSE;

  for (guint v = 0; v < hl_design_get_n_views (unlinked); v++)
    {
      const HlView *view = hl_design_get_view (unlinked, v);
      g_autoptr(HlView) copy = NULL;

      if (g_strcmp0 (view->photo.path, path) != 0 || g_strcmp0 (view->photo.sha256, sha) != 0)
        continue;
      copy = hl_view_copy (view);
      hl_view_set_photo (copy, NULL, view->photo.sha256, view->photo.width, view->photo.height);
      hl_design_replace_view (unlinked, v, copy);
      any = TRUE;
    }
  return any ? g_steal_pointer (&unlinked) : NULL;
}

/* Autosave */

/* The longest wait between two tries while copies fail. */
#define AUTOSAVE_RETRY_MAX_MS 10000

/* Writes the recovery copy of the history's design (not a gesture's
 * preview; photo paths are absolute in memory, so the copy finds its
 * photos from anywhere). A pasted image with no file of its own yet goes
 * beside the copy, once, and the copy refers to it there. */
static gboolean
write_recovery (HlDocument  *self,
                GError     **error)
{
  g_autofree char *original = self->file != NULL ? g_file_get_path (self->file) : NULL;
  HlDesign *current = hl_history_get_current (self->history);
  g_autoptr(HlDesign) linked = NULL;

  if (self->pasted != NULL && self->pasted_path != NULL)
    linked = with_pasted_path (current, self->pasted_sha, self->pasted_path);
  else if (self->pasted != NULL && any_shows_pasted (current, self->pasted_sha))
    {
      g_autofree char *photo = hl_recovery_photo_path (self->recovery_dir, self->recovery_id);

      if (!self->recovery_photo_written &&
          !hl_recovery_write_photo (self->recovery_dir, self->recovery_id, self->pasted, error))
        return FALSE;
      self->recovery_photo_written = TRUE;
      linked = with_pasted_path (current, self->pasted_sha, photo);
    }

  return hl_recovery_write (self->recovery_dir, self->recovery_id, linked != NULL ? linked : current,
                            original, self->title, error);
}

static gboolean
autosave_timeout (gpointer data)
{
  HlDocument *self = data;
  g_autoptr(GError) error = NULL;
  guint retry_ms;

  self->autosave_source = 0;
  if (self->history == NULL || !hl_history_is_modified (self->history))
    return G_SOURCE_REMOVE;

  if (self->recovery_id == NULL)
    self->recovery_id = hl_recovery_new_id ();
  if (write_recovery (self, &error))
    {
      self->autosave_failures = 0;
      _hl_document_set_autosave_problem (self, NULL);
      return G_SOURCE_REMOVE;
    }

  /* Said, and tried again: the disk may be freed or the folder mended
   * while the user works on. */
  g_debug ("unsaved changes not kept for recovery: %s", error->message);
  _hl_document_set_autosave_problem (self, error->message);
  self->autosave_failures++;
  retry_ms = (guint) MIN ((guint64) MAX (self->autosave_delay_ms, 1) << MIN (self->autosave_failures, 16),
                          AUTOSAVE_RETRY_MAX_MS);
  /* Whoever heard of the problem may have scheduled a copy already: one
   * timer at a time, never one left running unowned. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->autosave_source = g_timeout_add (retry_ms, autosave_timeout, self);
  return G_SOURCE_REMOVE;
}

/* Unsaved changes go to the recovery folder after a moment of quiet;
 * once nothing is unsaved, the recovery copy goes. */
void
_hl_document_schedule_autosave (HlDocument *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_dir == NULL)
    {
      _hl_document_set_autosave_problem (self, NULL);
      return;
    }

  if (self->history != NULL && hl_history_is_modified (self->history))
    self->autosave_source = g_timeout_add (self->autosave_delay_ms, autosave_timeout, self);
  else
    {
      /* Nothing unsaved: nothing to keep, and nothing at risk. */
      if (self->recovery_id != NULL)
        hl_recovery_remove (self->recovery_dir, self->recovery_id);
      self->recovery_photo_written = FALSE;
      self->autosave_failures = 0;
      _hl_document_set_autosave_problem (self, NULL);
    }
}

/* Worker tasks */

/* Runs @thread on a worker with @data (freed by @free_data), then @done
 * back on the main thread with @outer (transfer full), the caller's task,
 * as its user data. The worker's task has no source object: a task run in
 * a thread may be finalized there, and the document's last reference
 * would go on a worker; @outer, which @done releases on the main thread,
 * holds the document (its source object). */
static void
run_in_worker (HlDocument          *self,
               GTask               *outer,
               gpointer             data,
               GDestroyNotify       free_data,
               GTaskThreadFunc      thread,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;

  g_assert (G_IS_TASK (outer));

  task = g_task_new (NULL, g_task_get_cancellable (outer), done, outer);
  g_task_set_source_tag (task, g_task_get_source_tag (outer));
  g_task_set_task_data (task, data, free_data);
  g_task_run_in_thread (task, thread);
}

/* In a done callback: TRUE when the worker succeeded, else FALSE with its
 * error returned by @outer. */
static gboolean
worker_succeeded (GAsyncResult *result,
                  GTask        *outer)
{
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return TRUE;
  g_task_return_error (outer, error);
  return FALSE;
}

/* Loading */

static gboolean
is_design_path (const char *path)
{
  return g_str_has_suffix (path, ".hairline") || g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON");
}

/* Runs on the worker: touches only @task_data. */
/* On a worker: the photo (or head chart) of view @index of @design, whose
 * photo paths are absolute, into *@photo; why it is missing or differs
 * into *@problem. Nothing is lost without it: the design still shows its
 * dots and lines on a neutral background. */
static void
load_view_photo (HlDesign  *design,
                 guint      index,
                 HlPhoto  **photo,
                 char     **problem)
{
  const HlView *view = hl_design_get_view (design, index);
  g_autoptr(GError) warning = NULL;
  g_autoptr(GError) error = NULL;

  if (view->photo.path == NULL && view->photo.chart == NULL)
    return;
  *photo = hl_design_load_view_photo (design, index, NULL, &warning, &error);
  if (*photo == NULL)
    *problem = g_strdup (error->message);
  else if (warning != NULL)
    *problem = g_strdup (warning->message);
  if (*photo != NULL)
    hl_photo_prepare_levels (*photo, HL_DOCUMENT_SCREEN_PX);
}

/* On a worker: as load_view_photo(), but a view that shows the pasted
 * image @pasted (may be NULL; SHA-256 @sha, named @name) gets it. */
static void
load_view_photo_or_pasted (HlDesign    *design,
                           guint        index,
                           GBytes      *pasted,
                           const char  *sha,
                           const char  *name,
                           HlPhoto    **photo,
                           char       **problem)
{
  g_autoptr(GError) error = NULL;

  if (pasted == NULL || !shows_pasted (design, index, sha))
    {
      load_view_photo (design, index, photo, problem);
      return;
    }
  *photo = hl_photo_load_bytes (pasted, name, &error);
  if (*photo == NULL)
    *problem = g_strdup (error->message);
}

/* On a worker: the pasted image kept with recovery copy @entry becomes
 * the pasted image of @data's design again: its bytes in @data->pasted,
 * and the views that showed it with no file of their own. Without it (an
 * unreadable or different file) the views keep pointing at the copy's
 * file, whose photo problem says what is wrong. */
static void
take_recovery_photo (LoadData *data)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(HlDesign) unlinked = NULL;

  mapped = g_mapped_file_new (data->entry->photo_path, FALSE, NULL);
  if (mapped == NULL)
    return;
  /* A copy in memory: the recovery folder's file goes once saved. */
  bytes = g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  unlinked = without_pasted_path (data->design, sha, data->entry->photo_path);
  if (unlinked == NULL)
    return;
  hl_design_unref (data->design);
  data->design = g_steal_pointer (&unlinked);
  data->pasted = g_steal_pointer (&bytes);
  data->pasted_sha = g_steal_pointer (&sha);
}

/* On a worker: halved copies of a large @photo (may be NULL), down to
 * about a screen's size, so that the window draws it small without
 * scaling all of it; and, when the area the window will fit view
 * @index of @design to is known (@fit), the photo as the first frame
 * draws it there (the canvas's fit: the whole view, centred), which that
 * frame then only copies. */
static void
prepare_photo (HlPhoto           *photo,
               HlDesign          *design,
               guint              index,
               const HlScreenFit *fit)
{
  double level_scale, zoom, dx, dy;
  int longest, iw, ih;

  if (photo == NULL)
    return;
  longest = MAX (hl_photo_get_width (photo), hl_photo_get_height (photo));
  hl_photo_get_surface_for_scale (photo, 1024.0 / MAX (longest, 1), &level_scale);

  if (fit->width <= 0 || fit->height <= 0 || fit->scale <= 0 || design == NULL ||
      index >= hl_design_get_n_views (design))
    return;
  /* As _hl_canvas_get_transform() works it out, then in device px as
   * the canvas's design layer draws. */
  hl_render_view_size (photo, hl_design_get_view (design, index), &iw, &ih);
  zoom = MIN ((double) fit->width / iw, (double) fit->height / ih);
  dx = (fit->width - iw * zoom) / 2.0;
  dy = (fit->height - ih * zoom) / 2.0;
  hl_photo_prepare_view (photo, zoom * fit->scale, dx * fit->scale, dy * fit->scale);
}

/* On a worker: a new engine for view @index of @design, its dots and
 * per-zone counts. FALSE when cancelled. */
static gboolean
first_dots (HlDesign      *design,
            guint          index,
            GCancellable  *cancellable,
            HlStippler   **engine,
            GArray       **dots,
            GArray       **stats)
{
  const HlView *view = hl_design_get_view (design, index);
  g_autoptr(GArray) own = NULL;

  *engine = hl_stippler_new ();
  if (!hl_stippler_update_full (*engine, view, design->seed, cancellable, NULL, NULL))
    return FALSE;
  /* With the zones on the head other views carry here, as the engine
   * worker gives them (hl-head-zones.h). */
  own = hl_stippler_ref_dots (*engine);
  *dots = hl_head_zones_with_carried (NULL, design, index, own);
  *stats = g_array_sized_new (FALSE, TRUE, sizeof (HlZoneStats), view->zones->len);
  g_array_set_size (*stats, view->zones->len);
  for (guint z = 0; z < view->zones->len; z++)
    hl_stippler_get_zone_counts (*engine, z, &g_array_index (*stats, HlZoneStats, z));
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (data->given)
    {
      /* Photo paths of a design in memory are absolute already. */
      load_view_photo (data->design, 0, &data->photo, &data->problem);
    }
  else if (data->is_design)
    {
      g_autoptr(HlDesign) design = NULL;

      /* The file as it is before it is read: if another program changes
       * it meanwhile, the next save asks rather than the reverse. A
       * restored copy is saved to its original file. */
      if (data->entry == NULL)
        read_stamp (data->path, &data->stamp);
      else if (data->entry->original_path != NULL)
        read_stamp (data->entry->original_path, &data->stamp);

      design = hl_design_load_from_file (data->path, &error);
      if (design == NULL)
        {
          g_task_return_error (task, error);
          return;
        }

      /* In memory, photo paths are absolute: a later Save As elsewhere
       * rewrites them relative to the new file. */
      data->design = hl_design_rebase_photos (design, data->path, NULL);
      if (data->entry != NULL && data->entry->photo_path != NULL)
        take_recovery_photo (data);
      load_view_photo_or_pasted (data->design, 0, data->pasted, data->pasted_sha,
                                 data->entry != NULL ? data->entry->title : NULL,
                                 &data->photo, &data->problem);
    }
  else
    {
      g_autoptr(HlView) photo_view = hl_view_new ("front");

      if (data->pasted != NULL)
        {
          data->photo = hl_photo_load_bytes (data->pasted, data->path, &error);
          data->pasted_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->pasted);
        }
      else
        data->photo = hl_photo_load (data->path, &error);
      if (data->photo == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      hl_photo_prepare_levels (data->photo, HL_DOCUMENT_SCREEN_PX);

      /* A new design around the photo; saving asks where to put it. A
       * pasted image has no file until then. */
      hl_view_set_photo (photo_view, data->pasted != NULL ? NULL : data->path,
                         hl_photo_get_sha256 (data->photo),
                         hl_photo_get_width (data->photo), hl_photo_get_height (data->photo));
      data->design = hl_design_new ();
      hl_design_append_view (data->design, photo_view);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  prepare_photo (data->photo, data->design, 0, &data->fit);

  /* The first stippling of a large design takes a while: here, not in
   * the window; a newer load or a closed window cancels it. */
  if (!first_dots (data->design, 0, cancellable, &data->engine, &data->dots, &data->stats))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* Back on the main thread: the document takes what the worker made. */
static void
load_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  HlDocument *self = HL_DOCUMENT (g_task_get_source_object (outer));
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(HlHistory) old_history = NULL;
  g_autoptr(GFile) file = NULL;

  if (!worker_succeeded (result, outer))
    return;
  if (data->serial != self->load_serial)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "another file was opened meanwhile");
      return;
    }

  /* The old history stays alive until everyone heard of the new one
   * (a tool may still borrow it). */
  old_history = g_steal_pointer (&self->history);
  self->history = hl_history_new (data->design, HL_HISTORY_DEFAULT_LIMIT);
  g_clear_pointer (&self->photo, hl_photo_unref);
  self->photo = g_steal_pointer (&data->photo);
  g_free (self->photo_problem);
  self->photo_problem = g_steal_pointer (&data->problem);
  g_clear_pointer (&self->preview, hl_design_unref);
  g_clear_pointer (&self->shown, hl_design_unref);
  self->shown = hl_design_ref (data->design);
  if (self->view != 0)
    _hl_document_notify_view_index (self);
  _hl_document_forget_merge (self);
  self->view = 0;
  self->view_serial++;
  self->generation++;
  g_clear_pointer (&self->pasted, g_bytes_unref);
  g_clear_pointer (&self->pasted_sha, g_free);
  g_clear_pointer (&self->pasted_path, g_free);
  if (data->pasted != NULL)
    {
      self->pasted = g_bytes_ref (data->pasted);
      self->pasted_sha = g_strdup (data->pasted_sha);
    }
  /* The design file as read; nothing known of other sources. */
  self->stamp = data->stamp;
  self->recovery_photo_written = FALSE;
  if (data->entry != NULL)
    {
      /* Restored: the copy's files are this document's from now on,
       * and its design is unsaved work of its original file. */
      hl_history_forget_saved (self->history);
      g_free (self->recovery_id);
      self->recovery_id = g_strdup (data->entry->id);
      self->recovery_photo_written = data->pasted != NULL;
    }
  /* The loading engine, up to date with the design, goes to the engine
   * worker; whatever it was doing for the old design is dropped. */
  self->request = hl_engine_worker_request (self->worker, data->design, 0,
                                            g_steal_pointer (&data->engine));
  _hl_document_set_dots (self, self->request, data->design,
            g_steal_pointer (&data->dots), g_steal_pointer (&data->stats));

  if (data->entry != NULL)
    file = data->entry->original_path != NULL ? g_file_new_for_path (data->entry->original_path) : NULL;
  else if (data->is_design)
    file = g_file_new_for_path (data->path);

  g_object_freeze_notify (G_OBJECT (self));
  _hl_document_set_file (self, file);
  _hl_document_set_title (self, data->entry != NULL ? g_strdup (data->entry->title)
                   : data->pasted != NULL ? g_strdup (data->path)
                   : data->given ? g_strdup (data->title)
                   : g_path_get_basename (data->path));
  _hl_document_set_computing (self, FALSE, 1.0);
  _hl_document_update_flags (self);
  hl_document_set_selected_zone (self, -1);
  _hl_document_emit_loaded (self);
  _hl_document_emit_changed (self);
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (outer, TRUE);
}

void
hl_document_set_screen_fit (HlDocument *self,
                            int         width,
                            int         height,
                            int         scale)
{
  g_return_if_fail (HL_IS_DOCUMENT (self));

  if (width <= 0 || height <= 0 || scale <= 0)
    width = height = scale = 0;
  self->fit = (HlScreenFit) { width, height, scale };
}

void
hl_document_load_async (HlDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  LoadData *data;
  char *path;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hl_document_load_async);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (outer, HL_ERROR, HL_ERROR_IO, _("only local files can be opened"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->path = path;
  data->is_design = is_design_path (path);
  data->serial = ++self->load_serial;
  data->fit = self->fit;

  run_in_worker (self, g_steal_pointer (&outer), data, (GDestroyNotify) load_data_free, load_thread, load_done);
}

void
hl_document_load_design_async (HlDocument          *self,
                               HlDesign            *design,
                               const char          *title,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  LoadData *data;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (design != NULL && hl_design_get_n_views (design) > 0);
  g_return_if_fail (title != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hl_document_load_async);

  data = g_new0 (LoadData, 1);
  data->given = TRUE;
  data->title = g_strdup (title);
  data->design = hl_design_ref (design);
  data->serial = ++self->load_serial;
  data->fit = self->fit;

  run_in_worker (self, g_steal_pointer (&outer), data, (GDestroyNotify) load_data_free, load_thread, load_done);
}

void
hl_document_load_recovery_async (HlDocument            *self,
                                 const HlRecoveryEntry *entry,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) outer = NULL;
  LoadData *data;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (entry != NULL && entry->id != NULL && entry->design_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hl_document_load_async);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (entry->design_path);
  data->is_design = TRUE;
  data->entry = hl_recovery_entry_copy (entry);
  if (data->entry->title == NULL)
    data->entry->title = g_strdup (_("Untitled design"));
  data->serial = ++self->load_serial;
  data->fit = self->fit;

  run_in_worker (self, g_steal_pointer (&outer), data, (GDestroyNotify) load_data_free, load_thread, load_done);
}

/* Switching views */

typedef struct
{
  HlDesign   *design;
  guint       index;
  guint       serial;
  HlScreenFit fit;           /* where the photo will first be shown */
  GBytes     *pasted;        /* the pasted image, or NULL */
  char       *pasted_sha;
  char       *title;
  HlPhoto    *photo;
  char       *problem;
  HlStippler *engine;
  GArray     *dots;
  GArray     *stats;
} ViewData;

static void
view_data_free (ViewData *data)
{
  hl_design_unref (data->design);
  g_clear_pointer (&data->pasted, g_bytes_unref);
  g_free (data->pasted_sha);
  g_free (data->title);
  g_clear_pointer (&data->photo, hl_photo_unref);
  g_free (data->problem);
  g_clear_pointer (&data->engine, hl_stippler_free);
  g_clear_pointer (&data->dots, g_array_unref);
  g_clear_pointer (&data->stats, g_array_unref);
  g_free (data);
}

/* Runs on the worker: the view's photo (or chart, or the pasted image)
 * and its first dots. */
static void
view_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ViewData *data = task_data;

  load_view_photo_or_pasted (data->design, data->index, data->pasted, data->pasted_sha, data->title,
                             &data->photo, &data->problem);
  prepare_photo (data->photo, data->design, data->index, &data->fit);
  first_dots (data->design, data->index, NULL, &data->engine, &data->dots, &data->stats);
  g_task_return_boolean (task, TRUE);
}

static void
view_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HlDocument *self = HL_DOCUMENT (object);
  ViewData *data = g_task_get_task_data (G_TASK (result));

  if (data->serial != self->view_serial || self->shown == NULL ||
      data->index >= hl_design_get_n_views (self->shown))
    return;

  g_clear_pointer (&self->photo, hl_photo_unref);
  self->photo = g_steal_pointer (&data->photo);
  g_free (self->photo_problem);
  self->photo_problem = g_steal_pointer (&data->problem);
  if (self->view != data->index)
    hl_document_set_selected_zone (self, -1);
  self->view = data->index;
  /* The view's first dots are shown; the engine worker takes the engine
   * that made them and catches up with the design shown now. */
  self->request = hl_engine_worker_request (self->worker, self->shown, self->view,
                                            g_steal_pointer (&data->engine));
  _hl_document_set_dots (self, self->request, data->design,
            g_steal_pointer (&data->dots), g_steal_pointer (&data->stats));
  if (self->shown != data->design)
    _hl_document_request_dots (self);

  /* "view-index" first (views drop per-view state: the tool, the zoom),
   * then "changed" (everything shown is brought up to date). */
  _hl_document_notify_view_index (self);
  _hl_document_emit_changed (self);
}

void
hl_document_set_view_index (HlDocument *self,
                            guint       index)
{
  g_autoptr(GTask) task = NULL;
  ViewData *data;

  g_return_if_fail (HL_IS_DOCUMENT (self));

  if (self->history == NULL)
    return;
  g_return_if_fail (index < hl_design_get_n_views (hl_document_get_design (self)));

  data = g_new0 (ViewData, 1);
  data->design = hl_design_ref (hl_document_get_design (self));
  data->index = index;
  data->serial = ++self->view_serial;
  data->fit = self->fit;
  if (self->pasted != NULL)
    {
      data->pasted = g_bytes_ref (self->pasted);
      data->pasted_sha = g_strdup (self->pasted_sha);
      data->title = g_strdup (self->title);
    }

  task = g_task_new (self, NULL, view_done, NULL);
  g_task_set_source_tag (task, hl_document_set_view_index);
  g_task_set_task_data (task, data, (GDestroyNotify) view_data_free);
  g_task_run_in_thread (task, view_thread);
}

gboolean
hl_document_load_finish (HlDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hl_document_load_pasted_async (HlDocument          *self,
                               GBytes              *png,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  LoadData *data;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (png != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hl_document_load_async);

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (name);
  data->pasted = g_bytes_ref (png);
  data->serial = ++self->load_serial;
  data->fit = self->fit;

  run_in_worker (self, g_steal_pointer (&outer), data, (GDestroyNotify) load_data_free, load_thread, load_done);
}

gboolean
hl_document_relink_photo (HlDocument *self,
                          HlPhoto    *photo,
                          const char *path)
{
  g_autoptr(HlDesign) design = NULL;
  g_autoptr(HlView) view = NULL;
  HlDesign *current;

  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (photo != NULL, FALSE);
  g_return_val_if_fail (path != NULL && g_path_is_absolute (path), FALSE);

  if (self->history == NULL)
    return FALSE;

  current = hl_history_get_current (self->history);
  view = hl_view_copy (hl_design_get_view (current, self->view));
  hl_view_set_photo (view, path, hl_photo_get_sha256 (photo),
                     hl_photo_get_width (photo), hl_photo_get_height (photo));
  design = hl_design_copy (current);
  hl_design_replace_view (design, self->view, view);

  g_clear_pointer (&self->photo, hl_photo_unref);
  self->photo = hl_photo_ref (photo);
  g_clear_pointer (&self->photo_problem, g_free);
  if (!hl_document_commit (self, design, _("Relink photo"), NULL))
    _hl_document_emit_changed (self);
  return TRUE;
}

/* Saving */

/* A free name for a pasted image beside the design at @design_path:
 * NAME-photo.png, else NAME-photo-2.png, ... Caller frees. */
static char *
pasted_photo_path (const char *design_path)
{
  g_autofree char *dir = g_path_get_dirname (design_path);
  g_autofree char *base = g_path_get_basename (design_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s-photo.png", base)
                                     : g_strdup_printf ("%s-photo-%u.png", base, i);
      char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || i > 9999)
        return path;
      g_free (path);
    }
}

/* On the worker: the design with the pasted image's views pointing at the
 * image's file, written beside the design first if it is not there yet.
 * Transfer full, or NULL with @error set. */
static HlDesign *
link_pasted (SaveData  *data,
             GError   **error)
{
  for (guint v = 0; v < hl_design_get_n_views (data->design); v++)
    {
      if (!shows_pasted (data->design, v, data->pasted_sha))
        continue;

      if (data->pasted_path == NULL)
        {
          g_autofree char *path = pasted_photo_path (data->path);
          const char *inputs[] = { data->path, NULL };
          gsize length;
          const char *bytes = g_bytes_get_data (data->pasted, &length);

          if (!hl_atomic_file_set_contents (path, bytes, length, inputs, HL_ATOMIC_FILE_DEFAULT, error))
            return NULL;
          data->pasted_path = g_strdup (path);
          data->written_path = g_steal_pointer (&path);
        }
      break;
    }
  if (data->pasted_path == NULL)
    return hl_design_ref (data->design);
  return with_pasted_path (data->design, data->pasted_sha, data->pasted_path);
}

/* Runs on the worker: touches only @task_data. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(HlDesign) rebased = NULL;
  g_autoptr(HlDesign) linked = NULL;
  GError *error = NULL;

  /* Another program (or window) replaced or rewrote the file since the
   * document read or wrote it: its work is not overwritten unasked. A
   * file that is gone is simply written again. */
  if (data->expected.known)
    {
      HlFileStamp now;

      if (read_stamp (data->path, &now) && !same_stamp (&now, &data->expected))
        {
          g_autofree char *name = g_filename_display_basename (data->path);

          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                                   _("%s was changed on disk since it was opened or last saved"), name);
          return;
        }
    }

  if (data->pasted != NULL &&
      !(linked = link_pasted (data, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The next session's file gets copies of the photos beside it. */
  if (data->flags & HL_DOCUMENT_SAVE_WITH_PHOTOS)
    {
      HlDesign *copied = hl_design_copy_photos (linked != NULL ? linked : data->design, data->path, &error);

      if (copied == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_pointer (&linked, hl_design_unref);
      linked = copied;
    }

  /* Photo paths as the file at @path should refer to them. */
  rebased = hl_design_rebase_photos (linked != NULL ? linked : data->design, NULL, data->path);
  if (!hl_design_save_to_file (rebased, data->path, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* The file as written, which the next save expects to find. */
  read_stamp (data->path, &data->written);
  g_task_return_boolean (task, TRUE);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  HlDocument *self = HL_DOCUMENT (g_task_get_source_object (outer));
  SaveData *data = g_task_get_task_data (G_TASK (result));

  if (!worker_succeeded (result, outer))
    return;

  /* The file holds the design as it was when the save began; a document
   * loaded anew meanwhile is not the one saved. */
  if (data->generation == self->generation && self->history != NULL &&
      !(data->flags & HL_DOCUMENT_SAVE_COPY))
    {
      g_object_freeze_notify (G_OBJECT (self));
      hl_history_mark_saved_design (self->history, data->design);
      if (data->written_path != NULL)
        {
          g_free (self->pasted_path);
          self->pasted_path = g_steal_pointer (&data->written_path);
        }
      self->stamp = data->written;
      _hl_document_set_file (self, data->file);
      _hl_document_set_title (self, g_file_get_basename (data->file));
      _hl_document_update_flags (self);
      g_object_thaw_notify (G_OBJECT (self));
    }

  g_task_return_boolean (outer, TRUE);
}

void
hl_document_save_async (HlDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  hl_document_save_full_async (self, file, HL_DOCUMENT_SAVE_DEFAULT, cancellable, callback, user_data);
}

void
hl_document_save_full_async (HlDocument          *self,
                             GFile               *file,
                             HlDocumentSaveFlags  flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  SaveData *data;
  char *path;

  g_return_if_fail (HL_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, hl_document_save_async);

  if (self->history == NULL)
    {
      g_task_return_new_error (outer, HL_ERROR, HL_ERROR_ARGUMENT, _("there is no design to save"));
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (outer, HL_ERROR, HL_ERROR_IO, _("designs can only be saved as local files"));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->path = path;
  data->design = hl_design_ref (hl_history_get_current (self->history));
  data->generation = self->generation;
  data->flags = flags;
  /* Only the document's own file is checked: another one was chosen to
   * be replaced. */
  if (!(flags & HL_DOCUMENT_SAVE_FORCE) && self->file != NULL && g_file_equal (file, self->file))
    data->expected = self->stamp;
  if (self->pasted != NULL)
    {
      data->pasted = g_bytes_ref (self->pasted);
      data->pasted_sha = g_strdup (self->pasted_sha);
      data->pasted_path = g_strdup (self->pasted_path);
    }

  run_in_worker (self, g_steal_pointer (&outer), data, (GDestroyNotify) save_data_free, save_thread, save_done);
}

gboolean
hl_document_save_finish (HlDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The design as exported */

HlDesign *
hl_document_dup_linked_design (HlDocument *self)
{
  g_return_val_if_fail (HL_IS_DOCUMENT (self), NULL);

  if (self->history == NULL)
    return NULL;
  if (self->pasted == NULL || self->pasted_path == NULL)
    return hl_design_ref (hl_history_get_current (self->history));
  return with_pasted_path (hl_history_get_current (self->history), self->pasted_sha, self->pasted_path);
}

/* Recovery */

void
_hl_document_io_finalize (HlDocument *self)
{
  g_assert (HL_IS_DOCUMENT (self));

  /* A document that ends normally (saved, or its changes discarded) leaves
   * nothing to recover; only a crash keeps the copy. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_dir != NULL && self->recovery_id != NULL)
    hl_recovery_remove (self->recovery_dir, self->recovery_id);
  g_clear_pointer (&self->recovery_dir, g_free);
  g_clear_pointer (&self->recovery_id, g_free);
}
