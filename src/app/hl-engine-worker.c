/* hl-engine-worker.c
 *
 * Threads: the worker thread owns the engine; the owner's thread only
 * touches the fields below under @lock. Designs are immutable with atomic
 * reference counts and the dots arrays are never changed once made, so
 * both cross threads by reference. The shared state is reference-counted
 * (owner and thread), so the owner may go while the thread finishes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-engine-worker"

#include "config.h"

#include "hl-engine-worker.h"
#include "hl-head-zones.h"

typedef struct
{
  guint         serial;
  HlDesign     *design;
  guint         view;
  HlStippler   *engine;        /* to adopt, or NULL */
  GCancellable *cancellable;
} Job;

struct _HlEngineWorker
{
  gatomicrefcount       ref_count;

  GMutex                lock;
  GCond                 job_cond;     /* a job came, or quit */
  GCond                 done_cond;    /* a job finished or was dropped */
  GThread              *thread;
  GMainContext         *context;      /* the owner's */

  /* Under @lock */
  Job                  *pending;
  Job                  *running;      /* borrowed from the thread */
  HlEngineResult       *result;
  guint                 serial;       /* the newest request */
  guint                 done_serial;  /* requests up to this one are over */
  double                progress;
  gboolean              notify_queued;
  gboolean              quit;
  HlEngineWorkerNotify  notify;       /* NULL once the owner is gone */
  gpointer              user_data;
};

static void
job_free (Job *job)
{
  if (job == NULL)
    return;
  hl_design_unref (job->design);
  g_clear_pointer (&job->engine, hl_stippler_free);
  g_object_unref (job->cancellable);
  g_free (job);
}

void
hl_engine_result_free (HlEngineResult *result)
{
  if (result == NULL)
    return;
  hl_design_unref (result->design);
  g_clear_pointer (&result->dots, g_array_unref);
  g_clear_pointer (&result->stats, g_array_unref);
  g_free (result);
}

static HlEngineWorker *
worker_ref (HlEngineWorker *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
worker_unref (gpointer data)
{
  HlEngineWorker *self = data;

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_assert (self->running == NULL);
  job_free (self->pending);
  g_clear_pointer (&self->result, hl_engine_result_free);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->job_cond);
  g_cond_clear (&self->done_cond);
  g_free (self);
}

/* On the owner's context. */
static gboolean
dispatch_notify (gpointer data)
{
  HlEngineWorker *self = data;
  HlEngineWorkerNotify notify;
  gpointer user_data;

  g_mutex_lock (&self->lock);
  self->notify_queued = FALSE;
  notify = self->notify;
  user_data = self->user_data;
  g_mutex_unlock (&self->lock);

  /* The owner clears @notify on its own thread, this one: no race. */
  if (notify != NULL)
    notify (user_data);
  return G_SOURCE_REMOVE;
}

/* Called with @lock held. */
static void
queue_notify_locked (HlEngineWorker *self)
{
  GSource *source;

  if (self->notify_queued || self->notify == NULL)
    return;
  self->notify_queued = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_notify, worker_ref (self), worker_unref);
  g_source_set_static_name (source, "[hl-engine-worker] notify");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* On the thread, from inside the engine. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  HlEngineWorker *self = user_data;

  g_mutex_lock (&self->lock);
  self->progress = fraction;
  queue_notify_locked (self);
  g_mutex_unlock (&self->lock);
}

/* On the thread: the result of @job, or NULL when it was cancelled. */
static HlEngineResult *
run_job (HlEngineWorker *self,
         HlStippler     *engine,
         HlHeadZones    *carrier,
         Job            *job)
{
  HlEngineResult *result;
  const HlView *view = NULL;
  guint n_zones = 0;

  if (job->view < hl_design_get_n_views (job->design))
    view = hl_design_get_view (job->design, job->view);
  if (view != NULL &&
      !hl_stippler_update_full (engine, view, job->design->seed, job->cancellable,
                                on_progress, self))
    return NULL;

  result = g_new0 (HlEngineResult, 1);
  result->serial = job->serial;
  result->design = hl_design_ref (job->design);
  result->view = job->view;
  if (view != NULL)
    {
      g_autoptr(GArray) own = hl_stippler_ref_dots (engine);

      n_zones = view->zones->len;
      /* With the dots of zones on the head drawn on other views that this
       * view sees (hl-head-zones.h), after the view's own. */
      result->dots = hl_head_zones_with_carried (carrier, job->design, job->view, own);
    }
  else
    result->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  result->stats = g_array_sized_new (FALSE, TRUE, sizeof (HlZoneStats), n_zones);
  g_array_set_size (result->stats, n_zones);
  for (guint z = 0; z < n_zones; z++)
    hl_stippler_get_zone_counts (engine, z, &g_array_index (result->stats, HlZoneStats, z));
  return result;
}

static gpointer
worker_thread (gpointer data)
{
  HlEngineWorker *self = data;
  HlStippler *engine = hl_stippler_new ();
  /* Zones on the head carried from other views, cached by view. */
  HlHeadZones *carrier = hl_head_zones_new ();

  for (;;)
    {
      Job *job;
      HlEngineResult *result = NULL;

      g_mutex_lock (&self->lock);
      while (self->pending == NULL && !self->quit)
        g_cond_wait (&self->job_cond, &self->lock);
      if (self->quit)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      job = g_steal_pointer (&self->pending);
      self->running = job;
      self->progress = 0.0;
      g_mutex_unlock (&self->lock);

      if (job->engine != NULL)
        {
          /* Already up to date with the job's view: the owner has the dots. */
          hl_stippler_free (engine);
          engine = g_steal_pointer (&job->engine);
        }
      else
        result = run_job (self, engine, carrier, job);

      g_mutex_lock (&self->lock);
      self->running = NULL;
      if (result != NULL)
        {
          g_clear_pointer (&self->result, hl_engine_result_free);
          self->result = result;
          queue_notify_locked (self);
        }
      self->done_serial = MAX (self->done_serial, job->serial);
      g_cond_broadcast (&self->done_cond);
      g_mutex_unlock (&self->lock);

      job_free (job);
    }

  hl_stippler_free (engine);
  hl_head_zones_free (carrier);
  worker_unref (self);
  return NULL;
}

HlEngineWorker *
hl_engine_worker_new (HlEngineWorkerNotify notify,
                      gpointer             user_data)
{
  HlEngineWorker *self = g_new0 (HlEngineWorker, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  g_cond_init (&self->job_cond);
  g_cond_init (&self->done_cond);
  self->context = g_main_context_ref_thread_default ();
  self->notify = notify;
  self->user_data = user_data;
  self->thread = g_thread_new ("hl-engine", worker_thread, worker_ref (self));

  return self;
}

void
hl_engine_worker_free (HlEngineWorker *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  self->notify = NULL;
  self->user_data = NULL;
  if (self->running != NULL)
    g_cancellable_cancel (self->running->cancellable);
  g_clear_pointer (&self->pending, job_free);
  g_cond_signal (&self->job_cond);
  g_mutex_unlock (&self->lock);

  /* Not joined: the thread ends after the zone it is on and drops its
   * reference; quitting the application does not wait for it. */
  g_thread_unref (self->thread);
  worker_unref (self);
}

guint
hl_engine_worker_request (HlEngineWorker *self,
                          HlDesign       *design,
                          guint           view,
                          HlStippler     *engine)
{
  Job *job;
  guint serial;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (design != NULL, 0);

  job = g_new0 (Job, 1);
  job->design = hl_design_ref (design);
  job->view = view;
  job->engine = engine;
  job->cancellable = g_cancellable_new ();

  g_mutex_lock (&self->lock);
  serial = job->serial = ++self->serial;
  if (self->pending != NULL)
    {
      self->done_serial = MAX (self->done_serial, self->pending->serial);
      job_free (self->pending);
    }
  self->pending = job;
  /* The newest wins; a cancelled run still keeps what it built. */
  if (self->running != NULL)
    g_cancellable_cancel (self->running->cancellable);
  g_cond_signal (&self->job_cond);
  g_mutex_unlock (&self->lock);

  return serial;
}

void
hl_engine_worker_cancel (HlEngineWorker *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (self->pending != NULL)
    {
      self->done_serial = MAX (self->done_serial, self->pending->serial);
      g_clear_pointer (&self->pending, job_free);
    }
  if (self->running != NULL)
    g_cancellable_cancel (self->running->cancellable);
  g_cond_broadcast (&self->done_cond);
  g_mutex_unlock (&self->lock);
}

gboolean
hl_engine_worker_wait (HlEngineWorker *self,
                       guint           serial,
                       gint64          timeout_us)
{
  gint64 end = g_get_monotonic_time () + timeout_us;
  gboolean ready;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  while (self->done_serial < serial)
    if (!g_cond_wait_until (&self->done_cond, &self->lock, end))
      break;
  ready = self->result != NULL && self->result->serial == serial;
  g_mutex_unlock (&self->lock);

  return ready;
}

HlEngineResult *
hl_engine_worker_take_result (HlEngineWorker *self)
{
  HlEngineResult *result;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  result = g_steal_pointer (&self->result);
  g_mutex_unlock (&self->lock);

  return result;
}

double
hl_engine_worker_get_progress (HlEngineWorker *self)
{
  double progress;

  g_return_val_if_fail (self != NULL, 0.0);

  g_mutex_lock (&self->lock);
  if (self->running != NULL)
    progress = self->progress;
  else
    progress = self->pending != NULL ? 0.0 : 1.0;
  g_mutex_unlock (&self->lock);

  return progress;
}
