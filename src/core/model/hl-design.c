/* hl-design.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cjson/cJSON.h>

#include "hl-design.h"
#include "hl-text.h"

#define ASSERT_UNSHARED(d) \
  g_return_if_fail (g_atomic_ref_count_compare (&(d)->ref_count, 1))

HlDesign *
hl_design_new (void)
{
  HlDesign *self = g_new0 (HlDesign, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->version = HL_DESIGN_VERSION;
  self->engine_version = HL_ENGINE_VERSION;
  self->seed = 1;
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_view_unref);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_session_record_unref);

  return self;
}

HlDesign *
hl_design_copy (const HlDesign *design)
{
  HlDesign *self;

  g_return_val_if_fail (design != NULL, NULL);

  self = hl_design_new ();
  self->version = design->version;
  self->engine_version = design->engine_version;
  self->seed = design->seed;
  self->client_label = g_strdup (design->client_label);
  self->notes = g_strdup (design->notes);
  self->has_head = design->has_head;
  self->head = design->head;
  for (guint i = 0; i < design->views->len; i++)
    g_ptr_array_add (self->views, hl_view_ref (g_ptr_array_index (design->views, i)));
  if (design->client != NULL)
    self->client = hl_client_ref (design->client);
  for (guint i = 0; i < design->records->len; i++)
    g_ptr_array_add (self->records, hl_session_record_ref (g_ptr_array_index (design->records, i)));
  if (design->extra != NULL)
    self->extra = cJSON_Duplicate (design->extra, TRUE);

  return self;
}

HlDesign *
hl_design_ref (HlDesign *design)
{
  g_return_val_if_fail (design != NULL, NULL);

  g_atomic_ref_count_inc (&design->ref_count);
  return design;
}

void
hl_design_unref (HlDesign *design)
{
  g_return_if_fail (design != NULL);

  if (g_atomic_ref_count_dec (&design->ref_count))
    {
      g_free (design->client_label);
      g_free (design->notes);
      g_ptr_array_unref (design->views);
      g_clear_pointer (&design->client, hl_client_unref);
      g_ptr_array_unref (design->records);
      g_clear_pointer (&design->extra, cJSON_Delete);
      g_free (design);
    }
}

guint
hl_design_get_n_views (const HlDesign *design)
{
  g_return_val_if_fail (design != NULL, 0);
  return design->views->len;
}

HlView *
hl_design_get_view (const HlDesign *design,
                    guint           index)
{
  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (index < design->views->len, NULL);
  return g_ptr_array_index (design->views, index);
}

int
hl_design_find_view (const HlDesign *design,
                     const char     *name)
{
  guint64 index;

  g_return_val_if_fail (design != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  for (guint i = 0; i < design->views->len; i++)
    {
      const HlView *view = g_ptr_array_index (design->views, i);

      if (g_strcmp0 (view->name, name) == 0)
        return (int) i;
    }

  if (g_ascii_string_to_unsigned (name, 10, 0, G_MAXINT, &index, NULL) &&
      index < design->views->len)
    return (int) index;

  return -1;
}

void
hl_design_set_seed (HlDesign *design,
                    guint32   seed)
{
  g_return_if_fail (design != NULL);
  ASSERT_UNSHARED (design);
  design->seed = seed;
}

void
hl_design_set_client_label (HlDesign   *design,
                            const char *label)
{
  g_return_if_fail (design != NULL);
  ASSERT_UNSHARED (design);

  if (label == design->client_label)
    return;
  g_free (design->client_label);
  design->client_label = label != NULL ? hl_text_clean (label, FALSE) : NULL;
}

void
hl_design_set_notes (HlDesign   *design,
                     const char *notes)
{
  g_return_if_fail (design != NULL);
  ASSERT_UNSHARED (design);

  if (notes == design->notes)
    return;
  g_free (design->notes);
  design->notes = notes != NULL ? hl_text_clean (notes, TRUE) : NULL;
}

void
hl_design_append_view (HlDesign *design,
                       HlView   *view)
{
  g_return_if_fail (design != NULL && view != NULL);
  g_return_if_fail (design->views->len < HL_DESIGN_MAX_VIEWS);
  ASSERT_UNSHARED (design);

  g_ptr_array_add (design->views, hl_view_ref (view));
}

void
hl_design_replace_view (HlDesign *design,
                        guint     index,
                        HlView   *view)
{
  g_return_if_fail (design != NULL && view != NULL);
  g_return_if_fail (index < design->views->len);
  ASSERT_UNSHARED (design);

  hl_view_ref (view);
  hl_view_unref (g_ptr_array_index (design->views, index));
  g_ptr_array_index (design->views, index) = view;
}

guint
hl_design_get_n_sessions (const HlDesign *design)
{
  guint n = 0;

  g_return_val_if_fail (design != NULL, 0);

  for (guint v = 0; v < design->views->len; v++)
    {
      const HlView *view = g_ptr_array_index (design->views, v);

      for (guint z = 0; z < hl_view_get_n_zones (view); z++)
        n = MAX (n, hl_view_get_zone (view, z)->params.n_sessions);
    }
  return n;
}

HlSessionRecord *
hl_design_get_record (const HlDesign *design,
                      guint           session)
{
  g_return_val_if_fail (design != NULL, NULL);

  for (guint i = 0; i < design->records->len; i++)
    {
      HlSessionRecord *r = g_ptr_array_index (design->records, i);

      if (r->session == session)
        return r;
    }
  return NULL;
}

void
hl_design_set_client (HlDesign *design,
                      HlClient *client)
{
  g_return_if_fail (design != NULL);
  ASSERT_UNSHARED (design);

  if (client != NULL && hl_client_is_empty (client))
    client = NULL;
  if (client != NULL)
    hl_client_ref (client);
  g_clear_pointer (&design->client, hl_client_unref);
  design->client = client;
}

void
hl_design_set_record (HlDesign        *design,
                      HlSessionRecord *record)
{
  guint i;

  g_return_if_fail (design != NULL && record != NULL);
  ASSERT_UNSHARED (design);

  hl_session_record_ref (record);
  for (i = 0; i < design->records->len; i++)
    {
      HlSessionRecord *r = g_ptr_array_index (design->records, i);

      if (r->session == record->session)
        {
          hl_session_record_unref (r);
          g_ptr_array_index (design->records, i) = record;
          return;
        }
      if (r->session > record->session)
        break;
    }
  g_ptr_array_insert (design->records, (int) i, record);
}

void
hl_design_remove_record (HlDesign *design,
                         guint     session)
{
  g_return_if_fail (design != NULL);
  ASSERT_UNSHARED (design);

  for (guint i = 0; i < design->records->len; i++)
    if (((HlSessionRecord *) g_ptr_array_index (design->records, i))->session == session)
      {
        g_ptr_array_remove_index (design->records, i);
        return;
      }
}
