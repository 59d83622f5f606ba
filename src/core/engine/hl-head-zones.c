/* hl-head-zones.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-head-transfer.h"
#include "hl-head-zones.h"
#include "hl-stippler.h"

/* A home view's engine and the dots of its zones on the head, valid while
 * the view (held) and the seed are those of the last update. */
typedef struct
{
  HlView     *view;
  guint32     seed;
  HlStippler *engine;
  GArray     *dots;       /* of HlDot, zone = hl_dot_carried_zone () */
} HomeCache;

/* The last result for one target view: valid while every view of the
 * design (held) and the seed are the same. */
typedef struct
{
  guint       n_views;
  HlView     *views[HL_DESIGN_MAX_VIEWS];
  guint32     seed;
  GArray     *dots;
} TargetCache;

struct _HlHeadZones
{
  HomeCache   homes[HL_DESIGN_MAX_VIEWS];
  TargetCache targets[HL_DESIGN_MAX_VIEWS];
};

HlHeadZones *
hl_head_zones_new (void)
{
  return g_new0 (HlHeadZones, 1);
}

static void
target_clear (TargetCache *t)
{
  for (guint i = 0; i < t->n_views; i++)
    g_clear_pointer (&t->views[i], hl_view_unref);
  t->n_views = 0;
  g_clear_pointer (&t->dots, g_array_unref);
}

void
hl_head_zones_free (HlHeadZones *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < HL_DESIGN_MAX_VIEWS; i++)
    {
      g_clear_pointer (&self->homes[i].view, hl_view_unref);
      g_clear_pointer (&self->homes[i].engine, hl_stippler_free);
      g_clear_pointer (&self->homes[i].dots, g_array_unref);
      target_clear (&self->targets[i]);
    }
  g_free (self);
}

static gboolean
view_has_head_zones (const HlView *view)
{
  if (!view->has_head)
    return FALSE;
  for (guint z = 0; z < view->zones->len; z++)
    if (((const HlZone *) g_ptr_array_index (view->zones, z))->on_head)
      return TRUE;
  return FALSE;
}

gboolean
hl_design_has_head_zones (const HlDesign *design)
{
  g_return_val_if_fail (design != NULL, FALSE);

  for (guint v = 0; v < design->views->len; v++)
    if (view_has_head_zones (g_ptr_array_index (design->views, v)))
      return TRUE;
  return FALSE;
}

/* TRUE when view @u carries zones into view @v. */
static gboolean
carries_into (const HlDesign *design,
              guint           u,
              guint           v)
{
  const HlView *home = g_ptr_array_index (design->views, u);

  return u != v && view_has_head_zones (home) &&
         hl_head_transfer_possible (home, g_ptr_array_index (design->views, v));
}

gboolean
hl_head_zones_view_receives (const HlDesign *design,
                             guint           index)
{
  g_return_val_if_fail (design != NULL, FALSE);
  g_return_val_if_fail (index < design->views->len, FALSE);

  for (guint u = 0; u < design->views->len; u++)
    if (carries_into (design, u, index))
      return TRUE;
  return FALSE;
}

/* The on-head dots of home view @u, stippled when the cache is stale
 * (borrowed until the next call). */
static const GArray *
home_dots (HlHeadZones    *self,
           const HlDesign *design,
           guint           u)
{
  HomeCache *h = &self->homes[u];
  HlView *view = g_ptr_array_index (design->views, u);
  const HlDot *dots;
  gsize n;

  if (h->view == view && h->seed == design->seed && h->dots != NULL)
    return h->dots;

  if (h->engine == NULL)
    h->engine = hl_stippler_new ();
  hl_stippler_update (h->engine, view, design->seed);
  g_clear_pointer (&h->view, hl_view_unref);
  g_clear_pointer (&h->dots, g_array_unref);
  h->view = hl_view_ref (view);
  h->seed = design->seed;
  h->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));

  dots = hl_stippler_get_dots (h->engine, &n);
  for (gsize i = 0; i < n; i++)
    {
      HlDot d = dots[i];

      /* Hand-placed dots (HL_DOT_MANUAL) belong to their view. */
      if (d.zone >= view->zones->len || !((const HlZone *) g_ptr_array_index (view->zones, d.zone))->on_head)
        continue;
      d.zone = hl_dot_carried_zone (u, d.zone);
      g_array_append_val (h->dots, d);
    }
  return h->dots;
}

typedef struct
{
  const HlPoint *points;
  guint          n;
  HlRect         box;
} Outline;

/* TRUE when @p lies inside one of @outlines (the view's own zones). */
static gboolean
inside_own_zone (const Outline *outlines,
                 guint          n,
                 HlPoint        p)
{
  for (guint i = 0; i < n; i++)
    if (hl_rect_contains (outlines[i].box, p) &&
        hl_polygon_contains (outlines[i].points, outlines[i].n, p))
      return TRUE;
  return FALSE;
}

static GArray *
carry (HlHeadZones    *self,
       const HlDesign *design,
       guint           v)
{
  const HlView *target = g_ptr_array_index (design->views, v);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HlDot));
  g_autofree Outline *own = g_new0 (Outline, MAX (1u, target->zones->len));

  for (guint z = 0; z < target->zones->len; z++)
    {
      const HlZone *zone = g_ptr_array_index (target->zones, z);

      own[z].points = hl_curve_get_polyline (zone->boundary, &own[z].n);
      own[z].box = hl_rect_from_points (own[z].points, own[z].n);
    }

  for (guint u = 0; u < design->views->len; u++)
    {
      const GArray *dots;
      g_autoptr(GArray) seen = NULL;

      if (!carries_into (design, u, v))
        continue;
      dots = home_dots (self, design, u);
      seen = hl_head_transfer_dots (g_ptr_array_index (design->views, u),
                                    (const HlDot *) (gconstpointer) dots->data, dots->len, target);
      for (guint i = 0; seen != NULL && i < seen->len; i++)
        {
          const HlDot *d = &g_array_index (seen, HlDot, i);

          if (!inside_own_zone (own, target->zones->len, (HlPoint) { d->x, d->y }))
            g_array_append_vals (out, d, 1);
        }
    }
  return out;
}

GArray *
hl_head_zones_carry (HlHeadZones    *self,
                     const HlDesign *design,
                     guint           index)
{
  TargetCache *t;
  gboolean fresh;

  g_return_val_if_fail (self != NULL && design != NULL, NULL);
  g_return_val_if_fail (index < design->views->len && design->views->len <= HL_DESIGN_MAX_VIEWS, NULL);

  t = &self->targets[index];
  fresh = t->dots != NULL && t->seed == design->seed && t->n_views == design->views->len;
  for (guint i = 0; fresh && i < t->n_views; i++)
    fresh = t->views[i] == g_ptr_array_index (design->views, i);
  if (fresh)
    return g_array_ref (t->dots);

  target_clear (t);
  if (hl_head_zones_view_receives (design, index))
    t->dots = carry (self, design, index);
  else
    t->dots = g_array_new (FALSE, FALSE, sizeof (HlDot));
  t->seed = design->seed;
  t->n_views = design->views->len;
  for (guint i = 0; i < t->n_views; i++)
    t->views[i] = hl_view_ref (g_ptr_array_index (design->views, i));
  return g_array_ref (t->dots);
}

GArray *
hl_head_zones_with_carried (HlHeadZones    *self,
                            const HlDesign *design,
                            guint           index,
                            GArray         *dots)
{
  g_autoptr(HlHeadZones) own_carrier = NULL;
  g_autoptr(GArray) carried = NULL;
  GArray *all;

  g_return_val_if_fail (design != NULL && dots != NULL, NULL);
  g_return_val_if_fail (index < design->views->len, NULL);

  if (!hl_head_zones_view_receives (design, index))
    return g_array_ref (dots);
  if (self == NULL)
    self = own_carrier = hl_head_zones_new ();
  carried = hl_head_zones_carry (self, design, index);
  all = g_array_sized_new (FALSE, FALSE, sizeof (HlDot), dots->len + carried->len);
  g_array_append_vals (all, dots->data, dots->len);
  g_array_append_vals (all, carried->data, carried->len);
  return all;
}

GArray *
hl_head_zones_stipple_view (const HlDesign *design,
                            guint           index)
{
  g_autoptr(GArray) own = NULL;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (index < design->views->len, NULL);

  own = hl_stipple_view (g_ptr_array_index (design->views, index), design->seed);
  return hl_head_zones_with_carried (NULL, design, index, own);
}

static gint
compare_carried (gconstpointer a,
                 gconstpointer b)
{
  const HlCarriedZone *x = a, *y = b;

  if (x->home_view != y->home_view)
    return x->home_view < y->home_view ? -1 : 1;
  return x->zone < y->zone ? -1 : x->zone > y->zone;
}

GArray *
hl_head_zones_count (const HlDot *dots,
                     gsize        n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HlCarriedZone));
  guint32 last = HL_DOT_MANUAL;
  guint at = 0;

  g_return_val_if_fail (dots != NULL || n == 0, out);

  for (gsize i = 0; i < n; i++)
    {
      guint32 z = dots[i].zone;

      if (!hl_dot_zone_is_carried (z))
        continue;
      if (z != last)
        {
          /* Carried dots come in runs, one a zone: look the zone up only
           * when the run changes. */
          for (at = 0; at < out->len; at++)
            {
              const HlCarriedZone *c = &g_array_index (out, HlCarriedZone, at);

              if (c->home_view == hl_dot_carried_home_view (z) && c->zone == hl_dot_carried_home_zone (z))
                break;
            }
          if (at == out->len)
            {
              HlCarriedZone c = { hl_dot_carried_home_view (z), hl_dot_carried_home_zone (z), 0 };

              g_array_append_val (out, c);
            }
          last = z;
        }
      g_array_index (out, HlCarriedZone, at).dots++;
    }
  g_array_sort (out, compare_carried);
  return out;
}

GPtrArray *
hl_head_zones_outlines (const HlDesign *design,
                        guint           index,
                        GArray        **carried)
{
  GPtrArray *out;
  const HlView *target;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (index < design->views->len, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hl_curve_unref);
  if (carried != NULL)
    *carried = g_array_new (FALSE, FALSE, sizeof (HlCarriedZone));
  target = g_ptr_array_index (design->views, index);
  for (guint u = 0; u < design->views->len; u++)
    {
      const HlView *home = g_ptr_array_index (design->views, u);

      if (!carries_into (design, u, index))
        continue;
      for (guint z = 0; z < home->zones->len; z++)
        {
          const HlZone *zone = g_ptr_array_index (home->zones, z);
          HlCurve *seen;

          if (!zone->on_head)
            continue;
          seen = hl_head_transfer_curve (home, zone->boundary, target);
          if (seen == NULL)
            continue;
          g_ptr_array_add (out, seen);
          if (carried != NULL)
            {
              HlCarriedZone c = { u, z, 0 };

              g_array_append_val (*carried, c);
            }
        }
    }
  return out;
}
