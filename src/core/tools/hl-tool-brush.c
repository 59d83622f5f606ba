/* hl-tool-brush.c: the dot brush and the eraser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "hl-candidates.h"
#include "hl-dot-style.h"
#include "hl-edit.h"
#include "hl-rng.h"
#include "hl-stippler.h"
#include "hl-tool-brush.h"

/* The dots a stroke keeps its distance to: the view's hand-placed dots and
 * the stroke's own, hashed by cell into a power-of-two table of chains.
 * Cells that share a bucket only cost a few extra distance checks. */
typedef struct
{
  HlPoint p;
  guint   next;            /* index + 1 of the next point in the bucket, 0 ends */
} GridPoint;

typedef struct
{
  double   cell;           /* px */
  guint    mask;           /* buckets - 1 */
  guint   *heads;          /* index + 1 of a bucket's first point, 0: empty */
  GArray  *points;         /* of GridPoint */
} DotGrid;

/* A square of BLOCK_TILES × BLOCK_TILES tiles of the stroke's plane: its
 * candidates, in rank order, each looked at once per stroke. */
typedef struct
{
  gint64   key;            /* first: the table's key points here */
  GArray  *cands;          /* of HlCandidate; NULL when they could not be had */
  guint8  *done;           /* per candidate: inside a footprint already */
} Block;

typedef struct
{
  HlTool     parent;

  gboolean   eraser;
  double     radius;       /* screen px */

  gboolean   stroking;
  GArray    *edits;        /* owned, of HlDotEdit: the stroke so far */
  HlDesign  *preview;      /* owned ref: current design + edits, or NULL */
  HlPoint    prev;         /* last stroke position, image px */
  double     carried;      /* eraser: path length since the last dab, image px */

  /* The brush's stroke: the plane of candidates it takes dots from and
   * the dots it must keep its distance to. */
  double     prev_r;       /* footprint radius at prev, image px */
  guint64    plane_seed;
  double     ref_density;  /* dots/cm²: the densest zone's, rounded up */
  double     tile_px;
  double     mm_per_px;
  DotGrid    grid;         /* empty between strokes */
  GHashTable *blocks;      /* of Block, by key: the plane's candidates the
                              stroke has met; NULL between strokes */
} HlToolBrush;

static const HlToolClass brush_class;
static const HlToolClass eraser_class;

#define BRUSH(tool) ((HlToolBrush *) (tool))
#define IS_BRUSH(tool) ((tool) != NULL && ((tool)->klass == &brush_class || (tool)->klass == &eraser_class))

/* Limits of the file format for manual edits. */
#define DOT_MM_MIN 0.05
#define DOT_MM_MAX 1.5
#define ERASE_PX_MIN 0.1
#define ERASE_PX_MAX 10000.0

/* A new dot keeps this fraction of the local dot spacing (10 mm / √density)
 * from every dot already there. The plane's own points are farther apart
 * (the tiles' last dart radius is about 0.86 spacings), so this only turns
 * away dots that would crowd earlier strokes' or hand-placed ones. */
#define KEEP_SPACING 0.8
/* Longer stroke segments are stippled in pieces of at most this many
 * footprint radii (or a tile, for small footprints), so that no box of
 * candidates is much larger than the footprint. */
#define PIECE_RADII 2.0
/* Motion shorter than this many footprint radii waits for the next event. */
#define MIN_STEP_RADII 0.25
/* Candidates are fetched, and kept for the stroke, in squares of this many
 * tiles a side (fetching a square costs its tiles and a ring of
 * neighbours). */
#define BLOCK_TILES 4
/* Mixed into the design seed: the brush's plane is not the engine's. */
#define BRUSH_SEED 0x6272757368ull

/* The zone whose parameters a dot at @p takes: the zone under @p, else the
 * selected zone, else -1 (a zone's defaults). */
static int
zone_for (HlToolBrush  *self,
          const HlView *view,
          HlPoint       p)
{
  int zone = hl_tool_zone_at (view, p);
  int selected = hl_tool_get_selected_zone (&self->parent);

  if (zone < 0 && selected >= 0 && (guint) selected < hl_view_get_n_zones (view))
    zone = selected;
  return zone;
}

/* The parameters a dab takes: see zone_for. */
static HlZoneParams
params_at (HlToolBrush  *self,
           const HlView *view,
           HlPoint       p)
{
  HlZoneParams params;
  int zone = zone_for (self, view, p);

  if (zone >= 0)
    return hl_view_get_zone (view, (guint) zone)->params;

  hl_zone_params_init (&params);
  return params;
}

/* Image px between eraser dabs. */
static double
eraser_spacing (HlToolBrush *self,
                double       zoom)
{
  g_assert (zoom > 0.0);

  return MAX (self->radius / zoom / 2.0, 0.5);
}

/* Dot spacing at @density dots/cm², image px. */
static double
spacing_px (HlToolBrush *self,
            double       density)
{
  return 10.0 / sqrt (CLAMP (density, HL_DENSITY_MIN, HL_DENSITY_MAX)) / self->mm_per_px;
}

static gboolean
room_for_one_more (HlToolBrush  *self,
                   const HlView *view)
{
  return self->edits->len < HL_BRUSH_MAX_STROKE &&
         view->edits->len + self->edits->len < HL_VIEW_MAX_EDITS;
}

/* An eraser's removal at @p. */
static void
dab (HlToolBrush       *self,
     const HlView      *view,
     HlPoint            p,
     const HlToolEvent *event)
{
  HlDotEdit edit = { 0 };

  if (!room_for_one_more (self, view))
    return;

  edit.p = p;
  edit.kind = HL_EDIT_REMOVE;
  edit.radius_px = CLAMP (self->radius / event->zoom, ERASE_PX_MIN, ERASE_PX_MAX);
  g_array_append_val (self->edits, edit);
}

/* --- the dots a stroke keeps its distance to ------------------------------- */

static guint
grid_bucket (const DotGrid *g,
             gint64         cx,
             gint64         cy)
{
  return (guint) (hl_rng_mix ((guint64) cx, (guint64) cy) & g->mask);
}

static void
grid_clear (DotGrid *g)
{
  g_clear_pointer (&g->heads, g_free);
  g_clear_pointer (&g->points, g_array_unref);
  g->mask = 0;
}

static void
grid_link (DotGrid *g,
           guint    i)
{
  GridPoint *gp = &g_array_index (g->points, GridPoint, i);
  guint b = grid_bucket (g, (gint64) floor (gp->p.x / g->cell), (gint64) floor (gp->p.y / g->cell));

  gp->next = g->heads[b];
  g->heads[b] = i + 1;
}

static void
grid_add (DotGrid *g,
          HlPoint  p)
{
  GridPoint gp = { p, 0 };

  g_array_append_val (g->points, gp);
  if (g->points->len > g->mask + 1)
    {
      /* Keep about one point a bucket or fewer. */
      g->mask = g->mask * 2 + 1;
      g_free (g->heads);
      g->heads = g_new0 (guint, (gsize) g->mask + 1);
      for (guint i = 0; i < g->points->len; i++)
        grid_link (g, i);
    }
  else
    grid_link (g, g->points->len - 1);
}

/* A grid of cells of @cell px holding the hand-placed dots of @view. */
static void
grid_init (DotGrid      *g,
           double        cell,
           const HlView *view)
{
  grid_clear (g);
  g->cell = cell;
  g->mask = 1023;
  g->heads = g_new0 (guint, (gsize) g->mask + 1);
  g->points = g_array_new (FALSE, FALSE, sizeof (GridPoint));
  for (guint i = 0; i < view->edits->len; i++)
    {
      const HlDotEdit *e = &g_array_index (view->edits, HlDotEdit, i);

      if (e->kind == HL_EDIT_ADD)
        grid_add (g, e->p);
    }
}

/* TRUE when no dot of @g lies closer than @d to @p. */
static gboolean
grid_clear_around (const DotGrid *g,
                   HlPoint        p,
                   double         d)
{
  gint64 cx = (gint64) floor (p.x / g->cell), cy = (gint64) floor (p.y / g->cell);
  gint64 k = (gint64) ceil (d / g->cell);
  guint n_buckets = g->mask + 1;
  double d2 = d * d;

  if (g->points->len == 0)
    return TRUE;
  /* More cells than buckets: every bucket once. */
  if ((2 * k + 1) * (2 * k + 1) >= (gint64) n_buckets)
    {
      for (guint i = 0; i < g->points->len; i++)
        {
          const GridPoint *gp = &g_array_index (g->points, GridPoint, i);
          double dx = gp->p.x - p.x, dy = gp->p.y - p.y;

          if (dx * dx + dy * dy < d2)
            return FALSE;
        }
      return TRUE;
    }

  for (gint64 y = cy - k; y <= cy + k; y++)
    for (gint64 x = cx - k; x <= cx + k; x++)
      for (guint i = g->heads[grid_bucket (g, x, y)]; i != 0;)
        {
          const GridPoint *gp = &g_array_index (g->points, GridPoint, i - 1);
          double dx = gp->p.x - p.x, dy = gp->p.y - p.y;

          if (dx * dx + dy * dy < d2)
            return FALSE;
          i = gp->next;
        }
  return TRUE;
}

/* --- stippling a stroke ---------------------------------------------------- */

/* The densest of the view's zones and the defaults, rounded up to a step
 * as the engine rounds its reference (1 up to 10 dots/cm², 2 up to 20, 5 up
 * to 100, 10 up to 200, then 20): every density the brush meets is then a
 * rank prefix of one plane. */
static double
reference_density (const HlView *view)
{
  HlZoneParams defaults;
  double top, step;

  hl_zone_params_init (&defaults);
  top = defaults.density;
  for (guint i = 0; i < hl_view_get_n_zones (view); i++)
    top = MAX (top, hl_view_get_zone (view, i)->params.density);
  top = CLAMP (top, HL_DENSITY_MIN, HL_DENSITY_MAX);
  step = top <= 10.0 ? 1.0 : top <= 20.0 ? 2.0 : top <= 100.0 ? 5.0 : top <= 200.0 ? 10.0 : 20.0;
  return ceil (top / step) * step;
}

/* The footprint's radius in image px for @event: the brush radius, scaled
 * by 0.5 + 0.5 × pressure for a stylus. */
static double
footprint (HlToolBrush       *self,
           const HlToolEvent *event)
{
  double scale = event->has_pressure ? 0.5 + 0.5 * CLAMP (event->pressure, 0.0, 1.0) : 1.0;

  return self->radius / event->zoom * scale;
}

static void block_free (gpointer data);

/* Sets up the stroke's plane and the dots it keeps its distance to. */
static void
begin_stipple (HlToolBrush  *self,
               const HlView *view)
{
  HlDesign *design = hl_tool_get_current_design (&self->parent);
  guint32 design_seed = design != NULL ? design->seed : 0;

  self->mm_per_px = hl_view_get_mm_per_px (view, NULL);
  self->ref_density = reference_density (view);
  self->tile_px = sqrt (hl_candidates_per_tile () / (self->ref_density / 100.0)) / self->mm_per_px;
  /* One plane a view and density step: strokes over the same place draw
   * the same candidates (so a second pass adds nothing there), and strokes
   * that meet continue one pattern. */
  self->plane_seed = hl_rng_mix (hl_rng_mix (BRUSH_SEED, design_seed),
                                 hl_rng_mix (self->parent.view, (guint64) (self->ref_density * 16.0)));
  grid_init (&self->grid, KEEP_SPACING * spacing_px (self, self->ref_density), view);
  /* The zones' dots too, as the engine places them now: a stroke over a
   * filled zone adds only where the engine left room. Once a stroke, at
   * the press (the sample's 6,000 dots take about 2 ms). */
  if (hl_view_get_n_zones (view) > 0)
    {
      g_autoptr(GArray) dots = hl_stipple_view (view, design_seed);

      for (guint i = 0; i < dots->len; i++)
        grid_add (&self->grid, (HlPoint) { g_array_index (dots, HlDot, i).x, g_array_index (dots, HlDot, i).y });
    }
  g_clear_pointer (&self->blocks, g_hash_table_unref);
  self->blocks = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, block_free);
}

/* Adds the dot at @p (of zone parameters @zp) with variation @key when
 * no dot is closer than the local spacing allows; TRUE when added. */
static gboolean
place (HlToolBrush        *self,
       const HlView       *view,
       const HlZoneParams *zp,
       HlPoint             p,
       guint64             key)
{
  HlDotEdit edit = { 0 };
  guint n = CLAMP (zp->n_sessions, 1, HL_ZONE_MAX_SESSIONS);
  double diameter;

  if (!room_for_one_more (self, view) ||
      !grid_clear_around (&self->grid, p, KEEP_SPACING * spacing_px (self, zp->density)))
    return FALSE;

  edit.kind = HL_EDIT_ADD;
  edit.p = p;
  /* A touch-up: the zone's last session, varied as the engine varies the
   * zone's own dots (deep in the zone). */
  edit.session = zp->n_sessions > 0 ? n - 1 : 0;
  hl_dot_style (zp, edit.session, 1.0, key, &diameter, &edit.shade);
  edit.diameter_mm = CLAMP (diameter, DOT_MM_MIN, DOT_MM_MAX);
  g_array_append_val (self->edits, edit);
  grid_add (&self->grid, p);
  return TRUE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const HlCandidate *ca = a, *cb = b;

  if (ca->rank != cb->rank)
    return ca->rank < cb->rank ? -1 : 1;
  if (ca->y != cb->y)
    return ca->y < cb->y ? -1 : 1;
  if (ca->x != cb->x)
    return ca->x < cb->x ? -1 : 1;
  return 0;
}

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->cands, g_array_unref);
  g_free (block->done);
  g_free (block);
}

/* The block at block coordinates (@bx, @by), fetched on first use. */
static Block *
get_block (HlToolBrush *self,
           gint64       bx,
           gint64       by)
{
  gint64 key = (gint64) (((guint64) (guint32) bx << 32) | (guint32) by);
  Block *block = g_hash_table_lookup (self->blocks, &key);
  double side = BLOCK_TILES * self->tile_px;

  if (block != NULL)
    return block;

  block = g_new0 (Block, 1);
  block->key = key;
  /* Half-open squares: a point on a shared side belongs to one of them. */
  block->cands = hl_candidates_in_box (self->plane_seed, self->tile_px,
                                       (HlRect) { bx * side, by * side, (bx + 1) * side, (by + 1) * side },
                                       NULL);
  if (block->cands != NULL)
    {
      guint n = 0;

      for (guint i = 0; i < block->cands->len; i++)
        {
          const HlCandidate *c = &g_array_index (block->cands, HlCandidate, i);

          if (c->x < (bx + 1) * side && c->y < (by + 1) * side)
            g_array_index (block->cands, HlCandidate, n++) = *c;
        }
      g_array_set_size (block->cands, n);
      /* Lower ranks first, as the plane's prefixes are made. */
      g_array_sort (block->cands, compare_candidates);
      block->done = g_new0 (guint8, MAX (n, 1));
    }
  g_hash_table_insert (self->blocks, &block->key, block);
  return block;
}

/* Lays the plane's dots inside the discs swept from @a (radius @ra) to @b
 * (radius @rb) at the local density; returns how many. */
static guint
stipple_piece (HlToolBrush  *self,
               const HlView *view,
               HlPoint       a,
               double        ra,
               HlPoint       b,
               double        rb)
{
  double rmax = MAX (ra, rb);
  HlRect box = { MIN (a.x, b.x) - rmax, MIN (a.y, b.y) - rmax,
                 MAX (a.x, b.x) + rmax, MAX (a.y, b.y) + rmax };
  double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double side = BLOCK_TILES * self->tile_px;
  int zone = G_MININT;
  HlZoneParams zp = { 0 };
  guint placed = 0;

  for (gint64 by = (gint64) floor (box.y0 / side); by <= (gint64) floor (box.y1 / side); by++)
    for (gint64 bx = (gint64) floor (box.x0 / side); bx <= (gint64) floor (box.x1 / side); bx++)
      {
        Block *block;

        if (!room_for_one_more (self, view))
          return placed;
        block = get_block (self, bx, by);
        if (block->cands == NULL)
          continue;
        for (guint i = 0; i < block->cands->len && room_for_one_more (self, view); i++)
          {
            const HlCandidate *c = &g_array_index (block->cands, HlCandidate, i);
            /* Where the dot would be stored (as the engine stores its dots). */
            HlPoint p = { (float) c->x, (float) c->y };
            double t, r, ex, ey;
            int z;

            if (block->done[i] || p.x < box.x0 || p.x > box.x1 || p.y < box.y0 || p.y > box.y1)
              continue;
            t = len2 > 0.0 ? CLAMP (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
            r = ra + t * (rb - ra);
            ex = p.x - (a.x + t * dx);
            ey = p.y - (a.y + t * dy);
            if (ex * ex + ey * ey > r * r)
              continue;
            /* Whatever happens to it now (too high a rank here, too close
             * to a dot, placed) would happen again. */
            block->done[i] = 1;
            z = zone_for (self, view, p);
            if (z != zone)
              {
                zone = z;
                zp = params_at (self, view, p);
              }
            if (!(c->rank < CLAMP (zp.density, HL_DENSITY_MIN, HL_DENSITY_MAX) / self->ref_density))
              continue;
            if (place (self, view, &zp, p, hl_rng_mix (self->plane_seed, c->id)))
              placed++;
          }
      }
  return placed;
}

/* Stipples the path from the last position to @event->p; TRUE when any
 * dot was placed. */
static gboolean
stipple_to (HlToolBrush       *self,
            const HlView      *view,
            const HlToolEvent *event)
{
  HlPoint from = self->prev, to = event->p;
  double r0 = self->prev_r, r1 = footprint (self, event);
  double length = hl_point_distance (from, to);
  guint pieces, placed = 0;

  if (event->type == HL_TOOL_MOTION && length < MIN_STEP_RADII * MIN (r0, r1))
    return FALSE;

  pieces = (guint) MIN (ceil (length / MAX (PIECE_RADII * MIN (r0, r1), self->tile_px)), 100000.0);
  pieces = MAX (pieces, 1);
  for (guint k = 0; k < pieces && room_for_one_more (self, view); k++)
    {
      double t0 = (double) k / pieces, t1 = (double) (k + 1) / pieces;
      HlPoint a = { from.x + t0 * (to.x - from.x), from.y + t0 * (to.y - from.y) };
      HlPoint b = { from.x + t1 * (to.x - from.x), from.y + t1 * (to.y - from.y) };

      placed += stipple_piece (self, view, a, r0 + t0 * (r1 - r0), b, r0 + t1 * (r1 - r0));
    }
  self->prev = to;
  self->prev_r = r1;
  return placed > 0;
}

/* The press: the footprint around @event->p; when it holds no dot of the
 * plane (a brush smaller than the spacing), one dot at the press point
 * itself, if it keeps its distance. */
static void
stipple_press (HlToolBrush       *self,
               const HlView      *view,
               const HlToolEvent *event)
{
  HlPoint p = { (float) event->p.x, (float) event->p.y };
  HlZoneParams zp;

  begin_stipple (self, view);
  self->prev = event->p;
  self->prev_r = footprint (self, event);
  if (stipple_piece (self, view, event->p, self->prev_r, event->p, self->prev_r) > 0)
    return;
  zp = params_at (self, view, p);
  place (self, view, &zp, p,
         hl_rng_mix (self->plane_seed, hl_rng_mix ((guint64) (gint64) floor (p.x * 256.0),
                                                   (guint64) (gint64) floor (p.y * 256.0))));
}

static void
update_preview (HlToolBrush *self)
{
  g_clear_pointer (&self->preview, hl_design_unref);
  if (self->edits->len > 0)
    self->preview = hl_edit_append_edits (hl_tool_get_current_design (&self->parent), self->parent.view,
                                          (const HlDotEdit *) (gpointer) self->edits->data,
                                          self->edits->len);
}

/* Eraser: dabs along the path from the last position to @event->p; TRUE
 * when any was placed. */
static gboolean
erase_to (HlToolBrush       *self,
          const HlView      *view,
          const HlToolEvent *event)
{
  HlPoint from = self->prev, to = event->p;
  double length = hl_point_distance (from, to);
  double spacing = eraser_spacing (self, event->zoom);
  double done = 0.0;
  guint before = self->edits->len;

  self->prev = to;
  while (room_for_one_more (self, view))
    {
      double need = spacing - self->carried;
      double t;

      if (done + need > length)
        {
          self->carried += length - done;
          break;
        }
      done += need;
      t = length > 0.0 ? done / length : 1.0;
      dab (self, view, (HlPoint) { from.x + t * (to.x - from.x), from.y + t * (to.y - from.y) }, event);
      self->carried = 0.0;
    }

  return self->edits->len > before;
}

static gboolean
stroke_to (HlToolBrush       *self,
           const HlView      *view,
           const HlToolEvent *event)
{
  return self->eraser ? erase_to (self, view, event) : stipple_to (self, view, event);
}

static HlToolResult
end_stroke (HlToolBrush *self,
            gboolean     commit)
{
  HlToolResult result = HL_TOOL_REDRAW;

  if (!self->stroking)
    return HL_TOOL_NOTHING;

  self->stroking = FALSE;
  if (commit && self->preview != NULL)
    result |= hl_tool_commit (&self->parent, self->preview, self->eraser ? _("Erase dots") : _("Add dots"));
  else if (self->preview != NULL)
    result |= HL_TOOL_PREVIEW;
  g_clear_pointer (&self->preview, hl_design_unref);
  g_array_set_size (self->edits, 0);
  grid_clear (&self->grid);
  g_clear_pointer (&self->blocks, g_hash_table_unref);
  return result;
}

static HlToolResult
resize (HlToolBrush *self,
        double       factor)
{
  double radius = CLAMP (self->radius * factor, HL_BRUSH_MIN_RADIUS, HL_BRUSH_MAX_RADIUS);

  if (radius == self->radius)
    return HL_TOOL_NOTHING;
  self->radius = radius;
  return HL_TOOL_REDRAW;
}

static HlToolResult
brush_event (HlTool            *tool,
             const HlToolEvent *event)
{
  HlToolBrush *self = BRUSH (tool);
  const HlView *view = hl_tool_get_current_view (tool);
  HlToolResult result = HL_TOOL_NOTHING;

  if (event->type == HL_TOOL_CANCEL || view == NULL)
    return end_stroke (self, FALSE);

  switch (event->type)
    {
    case HL_TOOL_PRESS:
      /* A press without the last release: keep what was drawn. */
      result = end_stroke (self, TRUE);
      view = hl_tool_get_current_view (tool);
      self->stroking = TRUE;
      self->prev = event->p;
      self->carried = 0.0;
      if (self->eraser)
        dab (self, view, event->p, event);
      else
        stipple_press (self, view, event);
      update_preview (self);
      return result | HL_TOOL_CAPTURED | HL_TOOL_REDRAW | HL_TOOL_PREVIEW;

    case HL_TOOL_MOTION:
      if (self->stroking && stroke_to (self, view, event))
        {
          update_preview (self);
          return HL_TOOL_REDRAW | HL_TOOL_PREVIEW;
        }
      return HL_TOOL_REDRAW;

    case HL_TOOL_RELEASE:
      if (!self->stroking)
        return HL_TOOL_NOTHING;
      tool->pointer = event->p;
      if (stroke_to (self, view, event))
        update_preview (self);
      return end_stroke (self, TRUE);

    case HL_TOOL_KEY:
      switch (event->key)
        {
        case HL_TOOL_KEY_ESCAPE:
          return end_stroke (self, FALSE);
        case HL_TOOL_KEY_GROW:
          return resize (self, 1.25);
        case HL_TOOL_KEY_SHRINK:
          return resize (self, 1.0 / 1.25);
        default:
          return HL_TOOL_NOTHING;
        }

    case HL_TOOL_CANCEL:
    default:
      return HL_TOOL_NOTHING;
    }
}

static void
brush_draw_overlay (HlTool  *tool,
                    cairo_t *cr,
                    double   zoom)
{
  HlToolBrush *self = BRUSH (tool);
  double r = self->radius / zoom;

  if (!tool->has_pointer)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, tool->pointer.x, tool->pointer.y, r, 0, 2 * G_PI);
  if (self->eraser)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.15);
      cairo_fill_preserve (cr);
    }
  cairo_set_line_width (cr, 3.0 / zoom);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke (cr);
}

static const char *
brush_get_cursor (HlTool *tool)
{
  return BRUSH (tool)->eraser ? "cell" : "crosshair";
}

static HlDesign *
brush_get_preview (HlTool *tool)
{
  return BRUSH (tool)->preview;
}

static void
brush_init (HlTool *tool)
{
  HlToolBrush *self = BRUSH (tool);

  self->eraser = tool->klass == &eraser_class;
  self->radius = HL_BRUSH_DEFAULT_RADIUS;
  self->edits = g_array_new (FALSE, FALSE, sizeof (HlDotEdit));
}

static void
brush_finalize (HlTool *tool)
{
  HlToolBrush *self = BRUSH (tool);

  g_clear_pointer (&self->preview, hl_design_unref);
  g_clear_pointer (&self->edits, g_array_unref);
  grid_clear (&self->grid);
  g_clear_pointer (&self->blocks, g_hash_table_unref);
}

/* The brush and the eraser differ only by name: brush_init tells them
 * apart by their class. */
#define BRUSH_CLASS(tool_name)             \
  {                                        \
    .name = tool_name,                     \
    .instance_size = sizeof (HlToolBrush), \
    .event = brush_event,                  \
    .draw_overlay = brush_draw_overlay,    \
    .get_cursor = brush_get_cursor,        \
    .get_preview = brush_get_preview,      \
    .finalize = brush_finalize,            \
    .init = brush_init,                    \
  }

static const HlToolClass brush_class = BRUSH_CLASS ("brush");
static const HlToolClass eraser_class = BRUSH_CLASS ("eraser");

const HlToolClass *
hl_tool_brush_class (void)
{
  return &brush_class;
}

const HlToolClass *
hl_tool_eraser_class (void)
{
  return &eraser_class;
}

double
hl_tool_brush_get_radius (HlTool *tool)
{
  g_return_val_if_fail (IS_BRUSH (tool), HL_BRUSH_DEFAULT_RADIUS);
  return BRUSH (tool)->radius;
}

void
hl_tool_brush_set_radius (HlTool *tool,
                          double  radius)
{
  g_return_if_fail (IS_BRUSH (tool));
  g_return_if_fail (isfinite (radius));

  BRUSH (tool)->radius = CLAMP (radius, HL_BRUSH_MIN_RADIUS, HL_BRUSH_MAX_RADIUS);
}

guint
hl_tool_brush_get_n_pending (HlTool *tool)
{
  g_return_val_if_fail (IS_BRUSH (tool), 0);
  return BRUSH (tool)->edits->len;
}
