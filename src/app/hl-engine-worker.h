/* hl-engine-worker.h: the stippling engine on a thread of its own.
 *
 * One HlStippler lives on a worker thread and is only used there. Requests
 * (a design and the index of the view to stipple) go into a slot that holds
 * one: the newest request wins, a request not started yet is dropped, and
 * the one running is cancelled (between zones; the engine keeps what it
 * built, so the next request resumes). A finished request leaves a result:
 * the dots (an array the engine no longer changes), per-zone counts and the
 * design they belong to, so dots are always those of one whole design.
 *
 * The owner is told on the main context it created the worker on, through
 * @notify, when a result is ready or the progress moved; it then takes the
 * result. Nothing is called after hl_engine_worker_free(): the thread ends
 * by itself after the zone it is on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hl-design.h"
#include "hl-stippler.h"

G_BEGIN_DECLS

typedef struct _HlEngineWorker HlEngineWorker;

typedef struct
{
  guint     serial;   /* of the request */
  HlDesign *design;   /* owned ref: the design the dots belong to */
  guint     view;     /* index of its view stippled */
  GArray   *dots;     /* owned ref, GArray of HlDot, never changed */
  GArray   *stats;    /* owned, HlZoneStats per zone (expected_dots -1) */
} HlEngineResult;

/* Called on the owner's main context; @user_data is borrowed. */
typedef void (*HlEngineWorkerNotify) (gpointer user_data);

/* Starts the thread. @notify is called on the thread-default main context
 * of the caller. Transfer full: free with hl_engine_worker_free. */
HlEngineWorker *hl_engine_worker_new          (HlEngineWorkerNotify  notify,
                                               gpointer              user_data);
/* Cancels the work and lets the thread end; @notify is not called again. */
void            hl_engine_worker_free         (HlEngineWorker       *worker);

/* Asks for the dots of view @view of @design (referenced). When @engine is
 * not NULL (transfer full) the worker adopts it as its engine, already up
 * to date with that view: no work and no result then (the caller has the
 * dots). Returns the request's serial, larger than every earlier one. */
guint           hl_engine_worker_request      (HlEngineWorker       *worker,
                                               HlDesign             *design,
                                               guint                 view,
                                               HlStippler           *engine);
/* Drops the request not started and cancels the one running. */
void            hl_engine_worker_cancel       (HlEngineWorker       *worker);
/* Blocks up to @timeout_us until request @serial is finished (or
 * cancelled): TRUE when its result is waiting to be taken. */
gboolean        hl_engine_worker_wait         (HlEngineWorker       *worker,
                                               guint                 serial,
                                               gint64                timeout_us);
/* The newest result not taken yet, or NULL (transfer full). */
HlEngineResult *hl_engine_worker_take_result  (HlEngineWorker       *worker);
/* Progress of the request running, in [0, 1]. */
double          hl_engine_worker_get_progress (HlEngineWorker       *worker);

void            hl_engine_result_free         (HlEngineResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HlEngineResult, hl_engine_result_free)

G_END_DECLS
