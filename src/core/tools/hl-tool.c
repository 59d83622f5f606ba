/* hl-tool.c: the tool interface, event screening and shared helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "hl-tool.h"
#include "hl-tools.h"

HlTool *
hl_tool_new (const HlToolClass *klass,
             HlToolHost        *host,
             HlToolOptions     *options,
             guint              view)
{
  HlTool *tool;

  g_return_val_if_fail (klass != NULL, NULL);
  g_return_val_if_fail (klass->instance_size >= sizeof (HlTool), NULL);
  g_return_val_if_fail (klass->event != NULL, NULL);
  g_return_val_if_fail (host != NULL && host->iface != NULL, NULL);

  tool = g_malloc0 (klass->instance_size);
  tool->klass = klass;
  tool->host = host;
  hl_tool_options_init (&tool->own_options);
  tool->options = options != NULL ? options : &tool->own_options;
  tool->view = view;
  tool->photo = NULL;
  tool->has_pointer = FALSE;
  if (klass->init != NULL)
    klass->init (tool);

  return tool;
}

HlTool *
hl_tool_new_by_name (const char    *name,
                     HlToolHost    *host,
                     HlToolOptions *options,
                     guint          view)
{
  const HlToolInfo *info;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (host != NULL, NULL);

  info = hl_tools_lookup (name);
  return info != NULL ? hl_tool_new (info->get_class (), host, options, view) : NULL;
}

void
hl_tool_free (HlTool *tool)
{
  if (tool == NULL)
    return;

  if (tool->klass->finalize != NULL)
    tool->klass->finalize (tool);
  g_clear_pointer (&tool->photo, hl_photo_unref);
  g_free (tool);
}

const char *
hl_tool_get_name (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);
  return tool->klass->name;
}

/* A usable event from what the host sent, or FALSE to ignore it. */
static gboolean
screen_event (const HlToolEvent *event,
              HlToolEvent       *out)
{
  g_assert (event != NULL && out != NULL);

  *out = *event;

  switch (event->type)
    {
    case HL_TOOL_PRESS:
    case HL_TOOL_MOTION:
    case HL_TOOL_RELEASE:
      if (!hl_point_is_finite (event->p))
        return FALSE;
      break;
    case HL_TOOL_KEY:
      out->p = (HlPoint) { 0, 0 };
      break;
    case HL_TOOL_CANCEL:
      out->p = (HlPoint) { 0, 0 };
      out->zoom = 1.0;
      return TRUE;
    default:
      return FALSE;
    }

  if (!(isfinite (event->zoom) && event->zoom > 0.0))
    return FALSE;

  if (out->n_press == 0)
    out->n_press = 1;
  if (!out->has_pressure || !isfinite (out->pressure))
    out->pressure = 1.0;
  out->pressure = CLAMP (out->pressure, 0.0, 1.0);

  return TRUE;
}

HlToolResult
hl_tool_event (HlTool            *tool,
               const HlToolEvent *event)
{
  HlToolEvent e;

  g_return_val_if_fail (tool != NULL, HL_TOOL_NOTHING);
  g_return_val_if_fail (event != NULL, HL_TOOL_NOTHING);

  if (!screen_event (event, &e))
    return HL_TOOL_NOTHING;

  /* Nothing to edit (the history lost the view): drop what is in
   * progress and ignore the event. */
  if (e.type != HL_TOOL_CANCEL && hl_tool_get_current_view (tool) == NULL)
    {
      hl_tool_cancel (tool);
      return HL_TOOL_NOTHING;
    }

  if (e.type == HL_TOOL_PRESS || e.type == HL_TOOL_MOTION)
    {
      tool->pointer = e.p;
      tool->has_pointer = TRUE;
    }

  return tool->klass->event (tool, &e);
}

void
hl_tool_draw_overlay (HlTool  *tool,
                      cairo_t *cr,
                      double   zoom)
{
  g_return_if_fail (tool != NULL);
  g_return_if_fail (cr != NULL);

  if (!(isfinite (zoom) && zoom > 0.0) || tool->klass->draw_overlay == NULL)
    return;
  if (hl_tool_get_view (tool) == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  tool->klass->draw_overlay (tool, cr, zoom);
  cairo_restore (cr);
}

gboolean
hl_tool_get_overlay_extents (HlTool *tool,
                             double  zoom,
                             HlRect *extents)
{
  g_return_val_if_fail (tool != NULL, FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  *extents = hl_rect_from_points (NULL, 0);
  /* As hl_tool_draw_overlay(): nothing drawn. */
  if (!(isfinite (zoom) && zoom > 0.0) || tool->klass->draw_overlay == NULL ||
      hl_tool_get_view (tool) == NULL)
    return TRUE;
  if (tool->klass->overlay_extents == NULL)
    return FALSE;
  return tool->klass->overlay_extents (tool, zoom, extents);
}

gboolean
hl_tool_get_overlay_boxes (HlTool *tool,
                           double  zoom,
                           GArray *boxes)
{
  g_return_val_if_fail (tool != NULL, FALSE);
  g_return_val_if_fail (boxes != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (boxes) == sizeof (HlRect), FALSE);

  /* As hl_tool_draw_overlay(): nothing drawn. */
  if (!(isfinite (zoom) && zoom > 0.0) || tool->klass->draw_overlay == NULL ||
      hl_tool_get_view (tool) == NULL)
    return TRUE;
  if (tool->klass->overlay_boxes == NULL)
    return FALSE;
  return tool->klass->overlay_boxes (tool, zoom, boxes);
}

const char *
hl_tool_get_cursor (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);

  if (tool->klass->get_cursor == NULL)
    return NULL;
  return tool->klass->get_cursor (tool);
}

HlDesign *
hl_tool_get_design (HlTool *tool)
{
  HlDesign *preview = NULL;

  g_return_val_if_fail (tool != NULL, NULL);

  if (tool->klass->get_preview != NULL)
    preview = tool->klass->get_preview (tool);
  return preview != NULL ? preview : hl_tool_host_get_design (tool->host);
}

HlToolResult
hl_tool_cancel (HlTool *tool)
{
  HlToolEvent cancel = { HL_TOOL_CANCEL, { 0, 0 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE, 1, FALSE };

  g_return_val_if_fail (tool != NULL, HL_TOOL_NOTHING);
  return tool->klass->event (tool, &cancel);
}

void
hl_tool_set_photo (HlTool  *tool,
                   HlPhoto *photo)
{
  g_return_if_fail (tool != NULL);

  if (photo != NULL)
    hl_photo_ref (photo);
  g_clear_pointer (&tool->photo, hl_photo_unref);
  tool->photo = photo;
}

int
hl_tool_get_selected_zone (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, -1);
  return hl_tool_host_get_selected_zone (tool->host);
}

void
hl_tool_set_selected_zone (HlTool *tool,
                           int     zone)
{
  g_return_if_fail (tool != NULL);
  hl_tool_host_set_selected_zone (tool->host, zone);
}

HlToolOptions *
hl_tool_get_options (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);
  return tool->options;
}

void
hl_tool_options_changed (HlTool *tool)
{
  g_return_if_fail (tool != NULL);

  if (tool->klass->options_changed != NULL)
    tool->klass->options_changed (tool);
}

void
hl_tool_set_target_session (HlTool *tool,
                            int     session)
{
  g_return_if_fail (tool != NULL);
  tool->options->target_session = MAX (session, -1);
}

int
hl_tool_get_target_session (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, -1);
  return tool->options->target_session;
}

static const HlView *
view_of (const HlDesign *design,
         guint           index)
{
  if (design == NULL || index >= hl_design_get_n_views (design))
    return NULL;
  return hl_design_get_view (design, index);
}

const HlView *
hl_tool_get_view (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);
  return view_of (hl_tool_get_design (tool), tool->view);
}

HlDesign *
hl_tool_get_current_design (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);
  return hl_tool_host_get_design (tool->host);
}

const HlView *
hl_tool_get_current_view (HlTool *tool)
{
  g_return_val_if_fail (tool != NULL, NULL);
  return view_of (hl_tool_host_get_design (tool->host), tool->view);
}

int
hl_tool_zone_at (const HlView *view,
                 HlPoint       p)
{
  g_return_val_if_fail (view != NULL, -1);

  for (guint i = view->zones->len; i-- > 0;)
    {
      const HlZone *zone = g_ptr_array_index (view->zones, i);
      guint n;
      const HlPoint *poly = hl_curve_get_polyline (zone->boundary, &n);

      if (n >= 3 && hl_polygon_contains (poly, n, p))
        return (int) i;
    }

  return -1;
}

HlToolResult
hl_tool_commit (HlTool     *tool,
                HlDesign   *design,
                const char *label)
{
  g_return_val_if_fail (tool != NULL, HL_TOOL_NOTHING);

  if (design == NULL || !hl_tool_host_commit (tool->host, design, label, NULL))
    return HL_TOOL_REDRAW;
  return HL_TOOL_COMMITTED | HL_TOOL_REDRAW;
}

void
hl_tool_path_curve (cairo_t       *cr,
                    const HlCurve *curve)
{
  guint n;
  const HlPoint *pts;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (curve != NULL);

  pts = hl_curve_get_polyline (curve, &n);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, pts[i].x, pts[i].y);
  if (hl_curve_is_closed (curve) && n > 0)
    cairo_close_path (cr);
}

void
hl_tool_draw_rubber_band (cairo_t *cr,
                          double   zoom,
                          HlPoint  a,
                          HlPoint  b)
{
  double dash[2];

  g_return_if_fail (cr != NULL);

  if (!(zoom > 0.0) || !hl_point_is_finite (a) || !hl_point_is_finite (b))
    return;

  dash[0] = dash[1] = 5.0 / zoom;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, a.x, a.y);
  cairo_line_to (cr, b.x, b.y);
  cairo_set_line_width (cr, 3.0 / zoom);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.5);
  cairo_stroke_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.5 / zoom);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
hl_tool_handle_reach (double zoom)
{
  /* hl_tool_draw_handle(): a disc or an axis-aligned square of half-side
   * HL_HANDLE_SIZE + 1.5 at most, its edge at most 2 px wide (a square's
   * mitred corners reach no farther along the axes), 1 px more for
   * antialiasing and half a pixel for a sprite's shift (1/8 px). */
  return (HL_HANDLE_SIZE + 1.5 + 1.0 + 1.5) / zoom;
}

/* A handle's shape and colours, centred at (@x, @y) in @cr's units, of
 * radius @r and edge width @lw. */
static void
trace_handle (cairo_t  *cr,
              double    x,
              double    y,
              double    r,
              double    lw,
              int       state,
              gboolean  corner)
{
  cairo_new_path (cr);
  if (corner)
    cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);

  switch (state)
    {
    case 1:
      cairo_set_source_rgb (cr, 1.0, 0.85, 0.2);
      break;
    case 2:
      cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
      break;
    default:
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;
    }
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, lw);
  /* Fill and edge at least 3:1 apart, and one of them 3:1 against any
   * photo (test-contrast). */
  if (state == 2)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else if (state == 1)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 0.75, 0.12, 0.08);
  cairo_stroke (cr);
}

/* Handles are the same few pictures drawn many times a frame (a design
 * shows a hundred), and cairo's fill and stroke of each cost about 140k
 * instructions: a quarter of a frame. Each picture is drawn once into a
 * small image, for a centre at one of SPRITE_SUB × SPRITE_SUB places
 * within a device pixel, and copied where it goes (a shift of at most
 * 1/8 px). */
#define SPRITE_SUB 4
#define SPRITE_PAD 3

static struct
{
  double           size;   /* device px per screen px the sprites are for */
  cairo_surface_t *sprites[3][2][SPRITE_SUB * SPRITE_SUB];
} sprite_cache;
G_LOCK_DEFINE_STATIC (sprite_cache);

/* The sprite of a handle (state, corner) of HL_HANDLE_SIZE × @size device
 * px, centred at (@fx, @fy) + its pad (borrowed while the lock is held;
 * NULL when it cannot be made). */
static cairo_surface_t *
get_sprite (double   size,
            int      state,
            gboolean corner,
            int      qx,
            int      qy)
{
  cairo_surface_t **slot;

  if (sprite_cache.size != size)
    {
      for (guint a = 0; a < 3; a++)
        for (guint b = 0; b < 2; b++)
          for (guint c = 0; c < SPRITE_SUB * SPRITE_SUB; c++)
            g_clear_pointer (&sprite_cache.sprites[a][b][c], cairo_surface_destroy);
      sprite_cache.size = size;
    }
  slot = &sprite_cache.sprites[state][corner ? 1 : 0][qy * SPRITE_SUB + qx];
  if (*slot == NULL)
    {
      double r = (state == 0 ? HL_HANDLE_SIZE : HL_HANDLE_SIZE + 1.5) * size;
      double lw = (state == 2 ? 2.0 : 1.5) * size;
      int half = (int) ceil ((HL_HANDLE_SIZE + 1.5 + 1.0) * size) + SPRITE_PAD;
      cairo_surface_t *sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half + 1, 2 * half + 1);
      cairo_t *cr;

      if (cairo_surface_status (sprite) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (sprite);
          return NULL;
        }
      cr = cairo_create (sprite);
      trace_handle (cr, half + (qx + 0.5) / SPRITE_SUB, half + (qy + 0.5) / SPRITE_SUB, r, lw, state, corner);
      cairo_destroy (cr);
      cairo_surface_flush (sprite);
      *slot = sprite;
    }
  return *slot;
}

/* Copies the handle's sprite when @cr draws on an image surface in an
 * unrotated, evenly scaled frame (the canvas); FALSE otherwise (then the
 * caller draws it). */
static gboolean
draw_handle_sprite (cairo_t  *cr,
                    double    zoom,
                    HlPoint   p,
                    int       state,
                    gboolean  corner)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_surface_t *sprite;
  cairo_matrix_t m;
  double sx, sy, ox, oy, size, x, y;
  int ix, iy, qx, qy, half;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  cairo_get_matrix (cr, &m);
  if (sx != 1.0 || sy != 1.0 || ox != 0.0 || oy != 0.0 || m.xy != 0.0 || m.yx != 0.0 ||
      fabs (fabs (m.xx) - fabs (m.yy)) > 1e-9 * fabs (m.yy) || !(m.yy > 0.0))
    return FALSE;

  /* Device px per screen px (the canvas's scale factor), rounded so that
   * a zoom's rounding makes no new set of sprites. */
  size = floor (m.yy / zoom * 64.0 + 0.5) / 64.0;
  if (!(size > 0.0 && size <= 8.0))
    return FALSE;
  x = m.xx * p.x + m.x0;
  y = m.yy * p.y + m.y0;
  if (!(fabs (x) < 1e6 && fabs (y) < 1e6))
    return FALSE;
  ix = (int) floor (x);
  iy = (int) floor (y);
  qx = CLAMP ((int) ((x - ix) * SPRITE_SUB), 0, SPRITE_SUB - 1);
  qy = CLAMP ((int) ((y - iy) * SPRITE_SUB), 0, SPRITE_SUB - 1);

  G_LOCK (sprite_cache);
  sprite = get_sprite (size, state, corner, qx, qy);
  if (sprite == NULL)
    {
      G_UNLOCK (sprite_cache);
      return FALSE;
    }
  half = (cairo_image_surface_get_width (sprite) - 1) / 2;
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, sprite, ix - half, iy - half);
  cairo_rectangle (cr, ix - half, iy - half, 2 * half + 1, 2 * half + 1);
  cairo_fill (cr);
  cairo_restore (cr);
  G_UNLOCK (sprite_cache);
  return TRUE;
}

void
hl_tool_draw_handle (cairo_t *cr,
                     double   zoom,
                     HlPoint  p,
                     int      state,
                     gboolean corner)
{
  g_return_if_fail (cr != NULL);

  if (!(zoom > 0.0) || !hl_point_is_finite (p))
    return;
  state = CLAMP (state, 0, 2);
  if (draw_handle_sprite (cr, zoom, p, state, corner))
    return;

  cairo_save (cr);
  trace_handle (cr, p.x, p.y, (state == 0 ? HL_HANDLE_SIZE : HL_HANDLE_SIZE + 1.5) / zoom,
                (state == 2 ? 2.0 : 1.5) / zoom, state, corner);
  cairo_restore (cr);
}
