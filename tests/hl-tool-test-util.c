/* hl-tool-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hl-design-io.h"
#include "hl-tool-test-util.h"

HlToolEvent
hl_test_ev (HlToolEventType type,
            double          x,
            double          y,
            double          zoom)
{
  HlToolEvent e = { type, { x, y }, zoom, 1.0, HL_TOOL_KEY_NONE, FALSE, 1, FALSE };

  return e;
}

HlToolEvent
hl_test_key (HlToolKey key,
             double    zoom)
{
  HlToolEvent e = { HL_TOOL_KEY, { 0, 0 }, zoom, 1.0, key, FALSE, 1, FALSE };

  return e;
}

static HlToolResult
send (HlTool          *tool,
      HlToolEventType  type,
      double           x,
      double           y,
      double           zoom,
      guint            n_press)
{
  HlToolEvent e = hl_test_ev (type, x, y, zoom);

  e.n_press = n_press;
  return hl_tool_event (tool, &e);
}

HlToolResult
hl_test_press (HlTool *tool,
               double  x,
               double  y,
               double  zoom)
{
  return send (tool, HL_TOOL_PRESS, x, y, zoom, 1);
}

HlToolResult
hl_test_double (HlTool *tool,
                double  x,
                double  y,
                double  zoom)
{
  return send (tool, HL_TOOL_PRESS, x, y, zoom, 2);
}

HlToolResult
hl_test_motion (HlTool *tool,
                double  x,
                double  y,
                double  zoom)
{
  return send (tool, HL_TOOL_MOTION, x, y, zoom, 1);
}

HlToolResult
hl_test_release (HlTool *tool,
                 double  x,
                 double  y,
                 double  zoom)
{
  return send (tool, HL_TOOL_RELEASE, x, y, zoom, 1);
}

HlToolResult
hl_test_click (HlTool *tool,
               double  x,
               double  y,
               double  zoom)
{
  HlToolResult r = hl_test_press (tool, x, y, zoom);

  return r | hl_test_release (tool, x, y, zoom);
}

HlToolResult
hl_test_press_key (HlTool    *tool,
                   HlToolKey  key,
                   double     zoom)
{
  HlToolEvent e = hl_test_key (key, zoom);

  return hl_tool_event (tool, &e);
}

typedef struct
{
  HlToolHost  parent;
  HlHistory  *history;
  int         selected_zone;
} TestHost;

static HlDesign *
test_host_get_design (HlToolHost *host)
{
  return hl_history_get_current (((TestHost *) host)->history);
}

static gboolean
test_host_commit (HlToolHost *host,
                  HlDesign   *design,
                  const char *label,
                  const char *merge_key)
{
  return hl_history_push (((TestHost *) host)->history, design, label);
}

static int
test_host_get_selected_zone (HlToolHost *host)
{
  return ((TestHost *) host)->selected_zone;
}

static void
test_host_set_selected_zone (HlToolHost *host,
                             int         zone)
{
  ((TestHost *) host)->selected_zone = zone;
}

static const HlToolHostInterface test_host_iface = {
  test_host_get_design,
  test_host_commit,
  test_host_get_selected_zone,
  test_host_set_selected_zone,
};

HlToolHost *
hl_test_host (HlHistory *history)
{
  TestHost *host = g_new0 (TestHost, 1);

  g_assert_nonnull (history);
  host->parent.iface = &test_host_iface;
  host->history = history;
  host->selected_zone = -1;
  g_test_queue_free (host);
  return &host->parent;
}

guint
hl_test_count_undo (HlHistory *history)
{
  guint n = 0;

  while (hl_history_undo (history) != NULL)
    n++;
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (hl_history_redo (history));
  return n;
}

guint
hl_test_overlay_pixels (HlTool *tool,
                        int     width,
                        int     height,
                        double  zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  const guchar *data;
  int stride;
  guint n = 0;

  if (zoom > 0)
    cairo_scale (cr, zoom, zoom);
  hl_tool_draw_overlay (tool, cr, zoom);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (gconstpointer) (data + (gsize) y * stride))[x] != 0)
        n++;

  cairo_surface_destroy (surface);
  return n;
}

HlDesign *
hl_test_empty_design (double mm_per_px)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");

  hl_view_set_photo (view, NULL, NULL, 400, 300);
  if (mm_per_px > 0)
    {
      HlCalibration cal = { HL_CALIBRATION_MANUAL, mm_per_px, 0.05, FALSE, { 0, 0 }, { 0, 0 }, 0 };

      hl_view_set_calibration (view, &cal);
    }
  hl_design_append_view (design, view);
  return design;
}

HlDesign *
hl_test_simple_design (void)
{
  HlDesign *design = hl_design_new ();
  g_autoptr(HlView) view = hl_view_new ("front");
  HlPoint hair[] = { { 0, 100 }, { 100, 80 }, { 200, 70 }, { 300, 80 }, { 400, 100 } };
  HlPoint box[] = { { 0, 0 }, { 400, 0 }, { 400, 110 }, { 0, 110 } };
  g_autoptr(HlCurve) hc = hl_curve_new (hair, 5, FALSE);
  g_autoptr(HlCurve) zc = hl_curve_new (box, 4, TRUE);
  g_autoptr(HlZone) zone = NULL;
  HlZoneParams zp;

  hl_zone_params_init_for_kind (&zp, HL_ZONE_FRONTAL);
  zone = hl_zone_new ("Frontal", HL_ZONE_FRONTAL, zc, &zp);
  hl_view_set_hairline (view, hc);
  hl_view_append_zone (view, zone);
  hl_design_append_view (design, view);
  return design;
}

HlDesign *
hl_test_load_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HL_SAMPLES_DIR"), "front-consultation.json", NULL);
  g_autoptr(GError) error = NULL;
  HlDesign *design = hl_design_load_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (design);
  return design;
}

const HlView *
hl_test_view (HlDesign *design)
{
  g_assert_nonnull (design);
  g_assert_cmpuint (hl_design_get_n_views (design), >, 0);
  return hl_design_get_view (design, 0);
}
