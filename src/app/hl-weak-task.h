/* hl-weak-task.h: a GTask run on a worker that does not keep its owner.
 *
 * GTask keeps its source object until the task is finalized, and a task
 * run in a thread may be finalized on that thread, after its callback ran
 * on the main thread: the last reference to a window or dialog closed
 * meanwhile would then go on a worker, and GTK objects would be destroyed
 * off the main thread (seen as "Source ID … was not found" from a closed
 * window's widgets). A weak task has no source object: it holds its owner
 * weakly, and its callback runs on the main thread with a strong reference
 * to the owner, or not at all when the owner is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @owner: borrowed, alive (referenced for the length of @callback);
 * @task: the finished task, to propagate its result. */
typedef void (*HlWeakTaskCallback) (gpointer  owner,
                                    GTask    *task);

/* A new task (transfer full) for @owner (weakly held) that calls
 * @callback when it ends, if @owner is still alive. */
GTask *hl_weak_task_new (gpointer            owner,
                         GCancellable       *cancellable,
                         HlWeakTaskCallback  callback);

G_END_DECLS
