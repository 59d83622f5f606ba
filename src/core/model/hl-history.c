/* hl-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-history.h"

typedef struct
{
  HlDesign *design;   /* owned ref */
  char     *label;    /* what made this snapshot; NULL for the first */
} Snapshot;

struct _HlHistory
{
  GArray   *snapshots;   /* of Snapshot, oldest first */
  guint     current;     /* index into snapshots */
  guint     limit;
  HlDesign *saved;       /* owned ref: the design as last saved, even once
                          * it has left the list */
};

static void
snapshot_clear (gpointer data)
{
  Snapshot *s = data;

  g_clear_pointer (&s->design, hl_design_unref);
  g_clear_pointer (&s->label, g_free);
}

HlHistory *
hl_history_new (HlDesign *initial,
                guint     limit)
{
  HlHistory *self;
  Snapshot first;

  g_return_val_if_fail (initial != NULL, NULL);
  g_return_val_if_fail (limit >= 2, NULL);

  self = g_new0 (HlHistory, 1);
  self->snapshots = g_array_new (FALSE, FALSE, sizeof (Snapshot));
  g_array_set_clear_func (self->snapshots, snapshot_clear);
  self->limit = limit;

  first.design = hl_design_ref (initial);
  first.label = NULL;
  g_array_append_val (self->snapshots, first);
  self->current = 0;
  self->saved = hl_design_ref (initial);

  return self;
}

void
hl_history_free (HlHistory *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->snapshots);
  g_clear_pointer (&self->saved, hl_design_unref);
  g_free (self);
}

HlDesign *
hl_history_get_current (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_array_index (self->snapshots, Snapshot, self->current).design;
}

gboolean
hl_history_push (HlHistory  *self,
                 HlDesign   *design,
                 const char *label)
{
  Snapshot next;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (design != NULL, FALSE);

  if (design == hl_history_get_current (self))
    return FALSE;

  /* A new edit after undo: the redo branch is gone. */
  if (self->current + 1 < self->snapshots->len)
    g_array_remove_range (self->snapshots, self->current + 1,
                          self->snapshots->len - self->current - 1);

  next.design = hl_design_ref (design);
  next.label = g_strdup (label);
  g_array_append_val (self->snapshots, next);
  self->current = self->snapshots->len - 1;

  while (self->snapshots->len > self->limit)
    {
      g_array_remove_index (self->snapshots, 0);
      self->current--;
    }

  return TRUE;
}

gboolean
hl_history_amend (HlHistory *self,
                  HlDesign  *design)
{
  Snapshot *s;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (design != NULL, FALSE);

  if (self->current == 0)
    return FALSE;

  if (self->current + 1 < self->snapshots->len)
    g_array_remove_range (self->snapshots, self->current + 1,
                          self->snapshots->len - self->current - 1);
  s = &g_array_index (self->snapshots, Snapshot, self->current);
  hl_design_ref (design);
  hl_design_unref (s->design);
  s->design = design;
  return TRUE;
}

gboolean
hl_history_can_undo (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->current > 0;
}

gboolean
hl_history_can_redo (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->current + 1 < self->snapshots->len;
}

HlDesign *
hl_history_undo (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!hl_history_can_undo (self))
    return NULL;
  self->current--;
  return hl_history_get_current (self);
}

HlDesign *
hl_history_redo (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!hl_history_can_redo (self))
    return NULL;
  self->current++;
  return hl_history_get_current (self);
}

const char *
hl_history_get_undo_label (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!hl_history_can_undo (self))
    return NULL;
  return g_array_index (self->snapshots, Snapshot, self->current).label;
}

const char *
hl_history_get_redo_label (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!hl_history_can_redo (self))
    return NULL;
  return g_array_index (self->snapshots, Snapshot, self->current + 1).label;
}

void
hl_history_mark_saved (HlHistory *self)
{
  g_return_if_fail (self != NULL);

  hl_history_mark_saved_design (self, hl_history_get_current (self));
}

void
hl_history_mark_saved_design (HlHistory *self,
                              HlDesign  *design)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (design != NULL);

  hl_design_ref (design);
  g_clear_pointer (&self->saved, hl_design_unref);
  self->saved = design;
}

void
hl_history_forget_saved (HlHistory *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->saved, hl_design_unref);
}

gboolean
hl_history_is_modified (HlHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return hl_history_get_current (self) != self->saved;
}
