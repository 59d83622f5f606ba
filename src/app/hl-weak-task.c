/* hl-weak-task.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hl-weak-task"

#include "config.h"

#include "hl-weak-task.h"

typedef struct
{
  GWeakRef           owner;
  HlWeakTaskCallback callback;
} WeakTask;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  WeakTask *weak = user_data;
  g_autoptr(GObject) owner = g_weak_ref_get (&weak->owner);

  if (owner != NULL)
    weak->callback (owner, G_TASK (result));
  g_weak_ref_clear (&weak->owner);
  g_free (weak);
}

GTask *
hl_weak_task_new (gpointer            owner,
                  GCancellable       *cancellable,
                  HlWeakTaskCallback  callback)
{
  WeakTask *weak;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (callback != NULL, NULL);

  weak = g_new0 (WeakTask, 1);
  g_weak_ref_init (&weak->owner, owner);
  weak->callback = callback;
  return g_task_new (NULL, cancellable, on_done, weak);
}
