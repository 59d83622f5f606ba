/* test-preview.c: showing a design to the client, in a real window under
 * Xvfb: each preview action changes what the canvas draws (read back from
 * the window's renderer), presentation hides the chrome and Escape brings
 * it back.
 *
 * The design: a flat skin-coloured photo 1000 × 700 px at 0.1 mm/px, one
 * uniform zone (image px 80–560 × 120–600) in its left half, 0.3 mm dots
 * (3 px: visible at the canvas's zoom), three sessions. The loupe's test
 * takes a photo three times as large (3000 × 2100 px, the zone where it
 * was), where the fitted dots are about one screen px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-stippler.h"
#include "hl-window.h"
#include "hl-window-private.h"

#define SKIN_R 0xd9
#define SKIN_G 0xb5
#define SKIN_B 0x9b

static HlApplication *app;

typedef struct
{
  char *dir;
  char *design;
} Fixture;

static gboolean
on_wait_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window);
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* The photo and the design on disk, as a practitioner's folder holds them. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int factor = data != NULL ? GPOINTER_TO_INT (data) : 1;
  g_autoptr(GdkPixbuf) skin = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1000 * factor, 700 * factor);
  g_autofree char *photo = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *json = NULL;
  g_autofree char *sha = NULL;
  gsize len;

  f->dir = g_dir_make_tmp ("hl-preview-XXXXXX", &error);
  g_assert_no_error (error);
  photo = g_build_filename (f->dir, "skin.png", NULL);
  gdk_pixbuf_fill (skin, (SKIN_R << 24) | (SKIN_G << 16) | (SKIN_B << 8) | 0xff);
  g_assert_true (gdk_pixbuf_save (skin, photo, "png", &error, NULL));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (photo, &bytes, &len, NULL));
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);

  json = g_strdup_printf (
    "{\"format\": \"hairline-studio-design\", \"version\": 2, \"engine_version\": 1, \"seed\": 3,\n"
    " \"views\": [{\"name\": \"front\",\n"
    "   \"photo\": {\"path\": \"skin.png\", \"sha256\": \"%s\", \"width\": %d, \"height\": %d},\n"
    "   \"calibration\": {\"source\": \"manual\", \"mm_per_px\": 0.1, \"uncertainty\": 0.02},\n"
    "   \"zones\": [{\"name\": \"Crown\", \"kind\": \"crown\",\n"
    "     \"boundary\": [[80, 120], [560, 120], [560, 600], [80, 600]], \"boundary_corners\": [0, 1, 2, 3],\n"
    "     \"density\": 60, \"follows_hairline\": false, \"edge_blend_mm\": 0, \"dot_mm\": 0.3}]}]}\n",
    sha, 1000 * factor, 700 * factor);
  f->design = g_build_filename (f->dir, "plan.json", NULL);
  g_assert_true (g_file_set_contents (f->design, json, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->design);
}

static HlWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (app);

  hl_window_open (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_loaded, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (hl_window_get_problem (window));
  return window;
}

/* What the canvas shows, through its window's renderer. */
typedef struct
{
  int     width, height;
  guchar *pixels;   /* BGRA, opaque */
} Shot;

static void
shot_free (Shot *shot)
{
  g_free (shot->pixels);
  g_free (shot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shot, shot_free)

/* The canvas's own drawing (its snapshot vfunc, as a frame calls it),
 * rendered by its window's renderer. */
static Shot *
take_shot (HlCanvas *canvas)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Shot *shot = g_new0 (Shot, 1);

  gtk_test_widget_wait_for_draw (widget);
  shot->width = gtk_widget_get_width (widget);
  shot->height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, shot->width, shot->height));
  shot->pixels = g_malloc ((gsize) shot->width * shot->height * 4);
  gdk_texture_download (texture, shot->pixels, (gsize) shot->width * 4);
  return shot;
}

typedef struct
{
  double mean_lum;    /* 0–255 */
  guint  dark;        /* pixels clearly darker than the skin */
  double max_diff;    /* largest channel difference from the skin */
  guint  n;
} Stats;

/* Statistics of widget px [x0, x1) × [y0, y1). */
static Stats
region (const Shot *shot,
        double      x0,
        double      y0,
        double      x1,
        double      y1)
{
  Stats st = { 0, 0, 0, 0 };
  double skin_lum = 0.299 * SKIN_R + 0.587 * SKIN_G + 0.114 * SKIN_B;

  for (int y = MAX (0, (int) ceil (y0)); y < MIN (shot->height, (int) floor (y1)); y++)
    for (int x = MAX (0, (int) ceil (x0)); x < MIN (shot->width, (int) floor (x1)); x++)
      {
        const guchar *p = shot->pixels + ((gsize) y * shot->width + x) * 4;
        double lum = 0.299 * p[2] + 0.587 * p[1] + 0.114 * p[0];
        double diff = MAX (fabs ((double) p[2] - SKIN_R), MAX (fabs ((double) p[1] - SKIN_G), fabs ((double) p[0] - SKIN_B)));

        st.mean_lum += lum;
        st.dark += lum < skin_lum - 40;
        st.max_diff = MAX (st.max_diff, diff);
        st.n++;
      }
  g_assert_cmpuint (st.n, >, 0);
  st.mean_lum /= st.n;
  return st;
}

/* The zone's inside in widget px, 10 px clear of its outline and handles. */
static void
zone_rect (HlCanvas *canvas,
           double   *x0,
           double   *y0,
           double   *x1,
           double   *y1)
{
  HlPoint a = hl_canvas_image_to_widget (canvas, (HlPoint) { 80, 120 });
  HlPoint b = hl_canvas_image_to_widget (canvas, (HlPoint) { 560, 600 });

  *x0 = MIN (a.x, b.x) + 10;
  *x1 = MAX (a.x, b.x) - 10;
  *y0 = a.y + 10;
  *y1 = b.y - 10;
}

static void
set_action (HlWindow   *window,
            const char *action,
            GVariant   *value)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, value));
}

/* Healed and aged dots are smaller and lighter than fresh ones. */
static void
test_stage (Fixture       *f,
            gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autoptr(Shot) fresh = NULL, healed = NULL, aged = NULL;
  g_autofree char *stage = NULL;
  double x0, y0, x1, y1;
  Stats sf, sh, sa;

  zone_rect (canvas, &x0, &y0, &x1, &y1);
  fresh = take_shot (canvas);
  set_action (window, "win.stage", g_variant_new_string ("healed"));
  g_object_get (window, "stage", &stage, NULL);
  g_assert_cmpstr (stage, ==, "healed");
  healed = take_shot (canvas);
  set_action (window, "win.stage", g_variant_new_string ("aged"));
  aged = take_shot (canvas);

  sf = region (fresh, x0, y0, x1, y1);
  sh = region (healed, x0, y0, x1, y1);
  sa = region (aged, x0, y0, x1, y1);
  g_test_message ("zone luminance: fresh %.1f, healed %.1f, aged %.1f; dark px %u / %u / %u",
                  sf.mean_lum, sh.mean_lum, sa.mean_lum, sf.dark, sh.dark, sa.dark);
  g_assert_cmpuint (sf.dark, >, 500);
  g_assert_cmpfloat (sh.mean_lum, >, sf.mean_lum + 1.0);
  g_assert_cmpfloat (sa.mean_lum, >, sf.mean_lum + 1.0);
  g_assert_cmpuint (sh.dark, <, sf.dark / 2);

  /* A stage the design does not know is refused, the state kept. */
  g_object_set (window, "stage", "tanned", NULL);
  g_clear_pointer (&stage, g_free);
  g_object_get (window, "stage", &stage, NULL);
  g_assert_cmpstr (stage, ==, "aged");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* After session 1 of 3: about 30 % of the dots. */
static void
test_session (Fixture       *f,
              gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autoptr(Shot) all = NULL, first = NULL, second = NULL;
  double x0, y0, x1, y1;
  Stats sa, s1, s2;
  int session = -1;

  zone_rect (canvas, &x0, &y0, &x1, &y1);
  all = take_shot (canvas);
  set_action (window, "win.session", g_variant_new_int32 (1));
  first = take_shot (canvas);
  set_action (window, "win.session", g_variant_new_int32 (2));
  second = take_shot (canvas);
  sa = region (all, x0, y0, x1, y1);
  s1 = region (first, x0, y0, x1, y1);
  s2 = region (second, x0, y0, x1, y1);
  g_test_message ("dark px: all %u, after session 1 %u, after session 2 %u", sa.dark, s1.dark, s2.dark);
  g_assert_cmpuint (s1.dark, <, sa.dark * 0.5);
  g_assert_cmpuint (s1.dark, >, sa.dark * 0.15);
  g_assert_cmpuint (s2.dark, >, s1.dark);
  g_assert_cmpuint (s2.dark, <, sa.dark);

  /* The design has three sessions: "after session 3" is all of them. */
  g_object_set (window, "session", 3, NULL);
  g_object_get (window, "session", &session, NULL);
  g_assert_cmpint (session, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Mirrored, the zone on the left of the photo shows on the right, and the
 * pointer still lands on the image point drawn under it. */
static void
test_mirror (Fixture       *f,
             gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autoptr(Shot) plain = NULL, mirrored = NULL;
  HlPoint left = hl_canvas_image_to_widget (canvas, (HlPoint) { 100, 300 });
  HlPoint right = hl_canvas_image_to_widget (canvas, (HlPoint) { 900, 300 });
  HlPoint p, back;
  double x0, y0, x1, y1;

  zone_rect (canvas, &x0, &y0, &x1, &y1);
  plain = take_shot (canvas);
  set_action (window, "win.mirror", NULL);
  mirrored = take_shot (canvas);

  /* Image x 100–400 drawn plain, and where image x 600–900 lands mirrored. */
  g_assert_cmpuint (region (plain, left.x, y0, left.x + (right.x - left.x) * 3 / 8, y1).dark, >, 200);
  g_assert_cmpuint (region (mirrored, left.x, y0, left.x + (right.x - left.x) * 3 / 8, y1).dark, ==, 0);
  g_assert_cmpuint (region (mirrored, right.x - (right.x - left.x) * 3 / 8, y0, right.x, y1).dark, >, 200);
  g_assert_cmpuint (region (plain, right.x - (right.x - left.x) * 3 / 8, y0, right.x, y1).dark, ==, 0);

  p = hl_canvas_image_to_widget (canvas, (HlPoint) { 100, 300 });
  g_assert_cmpfloat (p.x, >, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0);
  back = hl_canvas_widget_to_image (canvas, p.x, p.y);
  g_assert_cmpfloat (fabs (back.x - 100), <, 1e-6);
  g_assert_cmpfloat (fabs (back.y - 300), <, 1e-6);

  /* Tools work mirrored: a zone corner dragged by image coordinates. */
  {
    HlToolEvent press = { HL_TOOL_PRESS, { 560, 120 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
    HlToolEvent move = { HL_TOOL_MOTION, { 600, 100 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };
    HlToolEvent release = { HL_TOOL_RELEASE, { 600, 100 }, 1.0, 1.0, HL_TOOL_KEY_NONE, FALSE };

    press.n_press = 1;
    g_assert_true (hl_canvas_handle_event (canvas, &press) & HL_TOOL_CAPTURED);
    hl_canvas_handle_event (canvas, &move);
    g_assert_true (hl_canvas_handle_event (canvas, &release) & HL_TOOL_COMMITTED);
    g_assert_true (hl_window_is_modified (window));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Split: the photo alone left of the line, dots right of it. */
static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  int w = gtk_widget_get_width (GTK_WIDGET (canvas)), h = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autoptr(Shot) shot = NULL;
  g_autofree char *compare = NULL;
  double x0, y0, x1, y1, line;
  Stats before, after;

  zone_rect (canvas, &x0, &y0, &x1, &y1);
  set_action (window, "win.compare", g_variant_new_string ("split"));
  g_object_get (window, "compare", &compare, NULL);
  g_assert_cmpstr (compare, ==, "split");
  g_assert_cmpfloat (hl_canvas_get_split (canvas), ==, 0.5);
  /* The line across the middle of the zone. */
  hl_canvas_set_split (canvas, ((x0 + x1) / 2) / w);
  line = round (hl_canvas_get_split (canvas) * w);
  shot = take_shot (canvas);

  /* Clear of the line's grip (half-way down) and the labels (top). */
  before = region (shot, x0, MAX (y0, 44), line - 6, h / 2.0 - 24);
  after = region (shot, line + 6, MAX (y0, 44), x1, h / 2.0 - 24);
  g_test_message ("left of the line: %u dark px, max diff %.0f; right: %u dark px",
                  before.dark, before.max_diff, after.dark);
  g_assert_cmpuint (before.dark, ==, 0);
  g_assert_cmpfloat (before.max_diff, <=, 2);
  g_assert_cmpuint (after.dark, >, 100);

  /* The line is drawn: white down the canvas. */
  {
    const guchar *p = shot->pixels + ((gsize) (h - 20) * w + (gsize) line) * 4;

    g_assert_cmpint (p[0], >, 240);
    g_assert_cmpint (p[1], >, 240);
    g_assert_cmpint (p[2], >, 240);
  }

  /* Out-of-range positions are clamped. */
  hl_canvas_set_split (canvas, 7);
  g_assert_cmpfloat (hl_canvas_get_split (canvas), ==, 1.0);
  hl_canvas_set_split (canvas, NAN);
  g_assert_cmpfloat (hl_canvas_get_split (canvas), ==, 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Side by side: before on the left, after on the right, half size each. */
static void
test_side_by_side (Fixture       *f,
                   gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  double zoom = hl_canvas_get_zoom (canvas);
  int w = gtk_widget_get_width (GTK_WIDGET (canvas));
  g_autoptr(Shot) shot = NULL;
  double x0, y0, x1, y1;
  Stats after, before;

  set_action (window, "win.compare", g_variant_new_string ("side-by-side"));
  g_assert_cmpfloat (hl_canvas_get_zoom (canvas), <, zoom);
  zone_rect (canvas, &x0, &y0, &x1, &y1);
  /* The points land in the right (after) pane. */
  g_assert_cmpfloat (x0, >, w / 2.0);
  shot = take_shot (canvas);
  after = region (shot, x0, y0, x1, y1);
  before = region (shot, x0 - w / 2.0, y0, x1 - w / 2.0, y1);
  g_test_message ("after pane %u dark px, before pane %u", after.dark, before.dark);
  g_assert_cmpuint (after.dark, >, 100);
  g_assert_cmpuint (before.dark, ==, 0);
  g_assert_cmpfloat (before.max_diff, <=, 2);

  /* Back to the design alone: full size again. */
  set_action (window, "win.compare", g_variant_new_string ("off"));
  g_assert_cmpfloat (fabs (hl_canvas_get_zoom (canvas) - zoom), <, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first widget of @type on screen (mapped) under @root, or NULL. */
static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Sends @keyval to the window's key controllers as GTK would in the
 * capture phase (GTK 4.8 cannot inject input events). */
static gboolean
press_key (HlWindow *window,
           guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c) &&
          gtk_event_controller_get_propagation_phase (c) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static gboolean
is_drawn (gpointer canvas)
{
  gtk_test_widget_wait_for_draw (canvas);
  return TRUE;
}

/* Presentation: no header bar, status bar, panel or outlines; the mark on
 * the canvas; arrows step; Escape restores the window as it was. */
static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  GtkWidget *zone_panel = hl_window_get_zone_panel (window);
  g_autoptr(Shot) editing = NULL, presenting = NULL;
  g_autofree char *stage = NULL;
  gboolean presentation = FALSE, panel = FALSE;
  HlPoint corner, edit_corner;
  int session = -1;

  g_assert_nonnull (find_mapped (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  g_assert_true (gtk_widget_get_mapped (window->status_bar));
  g_assert_true (gtk_widget_get_mapped (zone_panel));
  g_object_set (window, "session", 2, NULL);
  editing = take_shot (canvas);
  edit_corner = hl_canvas_image_to_widget (canvas, (HlPoint) { 80, 120 });

  set_action (window, "win.presentation", NULL);
  g_object_get (window, "presentation", &presentation, "show-panel", &panel, NULL);
  g_assert_true (presentation);
  g_assert_false (panel);
  wait_until (is_drawn, canvas);
  g_assert_null (find_mapped (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  g_assert_false (gtk_widget_get_mapped (window->status_bar));
  presenting = take_shot (canvas);

  /* The zone's corner handle is gone (the canvas grew: no panel)... */
  g_assert_cmpint (presenting->width, >, editing->width);
  g_assert_cmpfloat (region (editing, edit_corner.x - 5, edit_corner.y - 5, edit_corner.x + 5, edit_corner.y - 1).max_diff, >, 50);
  corner = hl_canvas_image_to_widget (canvas, (HlPoint) { 80, 120 });
  g_assert_cmpfloat (region (presenting, corner.x - 5, corner.y - 5, corner.x + 5, corner.y - 1).max_diff, <=, 2);
  /* ...and the mark is on, bottom right. */
  g_assert_cmpfloat (region (presenting, presenting->width - 200, presenting->height - 36,
                             presenting->width - 20, presenting->height - 16).max_diff, >, 100);

  /* Right: after session 2 of 3 → all sessions → healed; Left back. */
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_object_get (window, "session", &session, NULL);
  g_assert_cmpint (session, ==, 0);
  g_assert_true (press_key (window, GDK_KEY_Right));
  g_object_get (window, "stage", &stage, NULL);
  g_assert_cmpstr (stage, ==, "healed");
  g_clear_pointer (&stage, g_free);
  g_assert_true (press_key (window, GDK_KEY_Left));
  g_assert_true (press_key (window, GDK_KEY_Left));
  g_assert_true (press_key (window, GDK_KEY_Left));
  g_object_get (window, "stage", &stage, "session", &session, NULL);
  g_assert_cmpstr (stage, ==, "fresh");
  g_assert_cmpint (session, ==, 1);
  g_clear_pointer (&stage, g_free);
  g_assert_true (press_key (window, GDK_KEY_Right));
  /* One view: Up and Down have nowhere to go, and do no harm. */
  g_assert_true (press_key (window, GDK_KEY_Down));
  /* Tool keys do nothing in front of the client. */
  g_assert_true (press_key (window, GDK_KEY_h));
  g_assert_false (hl_window_is_modified (window));

  /* Escape: everything back as it was. */
  g_assert_true (press_key (window, GDK_KEY_Escape));
  g_object_get (window, "presentation", &presentation, "show-panel", &panel, "stage", &stage,
                "session", &session, NULL);
  g_assert_false (presentation);
  g_assert_true (panel);
  g_assert_cmpstr (stage, ==, "fresh");
  g_assert_cmpint (session, ==, 2);
  wait_until (is_drawn, canvas);
  g_assert_nonnull (find_mapped (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  g_assert_true (gtk_widget_get_mapped (window->status_bar));
  /* Keys are the window's again only while presenting. */
  g_assert_false (press_key (window, GDK_KEY_Right));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The density map colours the zone; its values are the engine's. */
static void
test_density_map (Fixture       *f,
                  gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  g_autoptr(Shot) plain = NULL, mapped = NULL;
  const HlDensityMap *map;
  HlZoneStats stats;
  double x0, y0, x1, y1, achieved;
  Stats a, b;

  g_assert_null (hl_canvas_get_density_map (canvas));
  zone_rect (canvas, &x0, &y0, &x1, &y1);
  plain = take_shot (canvas);
  set_action (window, "win.density-map", NULL);
  mapped = take_shot (canvas);
  map = hl_canvas_get_density_map (canvas);
  g_assert_nonnull (map);

  g_assert_true (hl_document_get_zone_stats (hl_window_get_document (window), 0, &stats));
  achieved = stats.dots / stats.area_cm2;
  g_test_message ("map mean %.2f, achieved %.2f, legend to %g", map->mean, achieved,
                  map->stops[HL_DENSITY_MAP_N_STOPS - 1].value);
  g_assert_cmpfloat (fabs (map->mean - achieved) / achieved, <, 0.02);
  g_assert_cmpfloat (map->stops[HL_DENSITY_MAP_N_STOPS - 1].value, >=, map->max);

  /* The zone takes the map's colour: far from skin. */
  a = region (plain, x0, y0, x1, y1);
  b = region (mapped, x0, y0, x1, y1);
  g_assert_cmpfloat (fabs (b.mean_lum - a.mean_lum), >, 5);
  /* Outside the zone, the photo as it was. */
  {
    HlPoint p = hl_canvas_image_to_widget (canvas, (HlPoint) { 700, 650 });

    g_assert_cmpfloat (region (mapped, p.x, p.y, p.x + 40, p.y + 20).max_diff, <=, 2);
  }

  set_action (window, "win.density-map", NULL);
  g_assert_null (hl_canvas_get_density_map (canvas));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Gathers the accelerators of the mapped shortcuts under @root. */
static void
collect_accels (GtkWidget *root,
                GPtrArray *accels)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      char *accel = NULL;

      g_object_get (root, "accelerator", &accel, NULL);
      if (accel != NULL)
        g_ptr_array_add (accels, accel);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accels (child, accels);
}

/* Every preview action is a window action, and its key shows in the
 * shortcuts window's Client Preview section. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  const char * const actions[] = {
    "win.stage", "win.session", "win.compare", "win.mirror", "win.density-map", "win.presentation",
  };
  const char * const keys[] = { "s", "n", "<Control>b", "m", "d", "F11", "Escape", "<Control>l" };
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  GtkShortcutsWindow *overlay;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      const char *name, *property;
      const GVariantType *type;
      GType owner;
      gboolean found = FALSE;

      for (guint k = 0; !found && gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), k, &owner,
                                                                 &name, &type, &property); k++)
        found = g_str_equal (name, actions[i]) && property != NULL;
      g_assert_true (found);
    }

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_object_set (overlay, "section-name", "preview", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  collect_accels (GTK_WIDGET (overlay), accels);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gboolean listed = FALSE;

      for (guint k = 0; k < accels->len; k++)
        listed |= g_str_equal (g_ptr_array_index (accels, k), keys[i]);
      g_test_message ("%s listed: %d", keys[i], listed);
      g_assert_true (listed);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The darkest pixel of widget px within @r of (@cx, @cy): its luminance. */
static double
darkest (const Shot *shot,
         double      cx,
         double      cy,
         double      r)
{
  double least = 255;

  for (int y = MAX (0, (int) (cy - r)); y < MIN (shot->height, (int) (cy + r)); y++)
    for (int x = MAX (0, (int) (cx - r)); x < MIN (shot->width, (int) (cx + r)); x++)
      {
        const guchar *p = shot->pixels + ((gsize) y * shot->width + x) * 4;

        if (hypot (x - cx, y - cy) <= r)
          least = MIN (least, 0.299 * p[2] + 0.587 * p[1] + 0.114 * p[0]);
      }
  return least;
}

/* At the fit zoom of a large photo the dots are about a screen px, too
 * faint to read; the loupe shows them at the photo's full resolution:
 * darker and more dark pixels in the same place. The action hides it
 * again. */
static void
test_loupe (Fixture       *f,
            gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlPoint c = hl_canvas_image_to_widget (canvas, (HlPoint) { 320, 360 });
  g_autoptr(Shot) plain = NULL, loupe = NULL, hidden = NULL;
  double cx, cy, zoom = hl_canvas_get_zoom (canvas);
  Stats sp, sl;

  g_test_message ("fit zoom %.3f screen px per image px", zoom);
  g_assert_cmpfloat (zoom, <, 0.5);
  g_assert_false (hl_canvas_get_loupe (canvas));
  plain = take_shot (canvas);

  set_action (window, "canvas.loupe", NULL);
  g_assert_true (hl_canvas_get_loupe (canvas));
  g_assert_nonnull (strstr (hl_canvas_get_description (canvas), "loupe"));
  hl_canvas_move_loupe (canvas, c.x, c.y);
  loupe = take_shot (canvas);

  sp = region (plain, c.x - 40, c.y - 40, c.x + 40, c.y + 40);
  sl = region (loupe, c.x - 40, c.y - 40, c.x + 40, c.y + 40);
  g_test_message ("darkest: %.1f without the loupe, %.1f with it; dark px %u / %u",
                  darkest (plain, c.x, c.y, 40), darkest (loupe, c.x, c.y, 40), sp.dark, sl.dark);
  g_assert_cmpfloat (darkest (loupe, c.x, c.y, 40), <, darkest (plain, c.x, c.y, 40) - 30);
  g_assert_cmpuint (sl.dark, >, sp.dark + 20);
  /* Outside the loupe, the canvas is as it was. */
  g_assert_cmpfloat (fabs (region (loupe, c.x + 150, c.y - 10, c.x + 170, c.y + 10).mean_lum -
                           region (plain, c.x + 150, c.y - 10, c.x + 170, c.y + 10).mean_lum), <, 0.5);

  /* Moved, it stays inside the canvas. */
  hl_canvas_move_loupe (canvas, -500, c.y);
  hl_canvas_get_loupe_center (canvas, &cx, &cy);
  g_assert_cmpfloat (cx, ==, 0);
  g_assert_cmpfloat (cy, ==, c.y);

  set_action (window, "canvas.loupe", NULL);
  g_assert_false (hl_canvas_get_loupe (canvas));
  hidden = take_shot (canvas);
  g_assert_cmpfloat (fabs (darkest (hidden, c.x, c.y, 40) - darkest (plain, c.x, c.y, 40)), <, 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Seen across a room (3 m), the dots blur into the skin: the darkest
 * dot pixels lose contrast, more than seen from 1 m; pixel-exact
 * again, they are back. Without a calibration the choice is off. */
static void
test_seen_from (Fixture       *f,
                gconstpointer  data)
{
  HlWindow *window = open_window (f->design);
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  GActionGroup *actions = hl_canvas_get_actions (canvas);
  double skin_lum = 0.299 * SKIN_R + 0.587 * SKIN_G + 0.114 * SKIN_B;
  g_autoptr(Shot) off = NULL, near = NULL, room = NULL, back = NULL;
  g_autofree char *json = NULL;
  g_autofree char *uncalibrated = NULL;
  double x0, y0, x1, y1, cx, cy, r, c_off, c_near, c_room, mean_off, mean_room;
  GString *edited;
  HlWindow *other;

  zone_rect (canvas, &x0, &y0, &x1, &y1);
  cx = (x0 + x1) / 2;
  cy = (y0 + y1) / 2;
  r = MIN (x1 - x0, y1 - y0) / 2 - 5;
  g_assert_true (g_action_group_get_action_enabled (actions, "seen-from"));
  off = take_shot (canvas);
  set_action (window, "canvas.seen-from", g_variant_new_string ("conversation"));
  g_assert_cmpint (hl_canvas_get_seen_from (canvas), ==, HL_SEEN_FROM_CONVERSATION);
  near = take_shot (canvas);
  set_action (window, "canvas.seen-from", g_variant_new_string ("room"));
  room = take_shot (canvas);
  set_action (window, "canvas.seen-from", g_variant_new_string ("off"));
  back = take_shot (canvas);

  c_off = skin_lum - darkest (off, cx, cy, r);
  c_near = skin_lum - darkest (near, cx, cy, r);
  c_room = skin_lum - darkest (room, cx, cy, r);
  mean_off = region (off, x0, y0, x1, y1).mean_lum;
  mean_room = region (room, x0, y0, x1, y1).mean_lum;
  g_test_message ("darkest dot contrast: off %.1f, 1 m %.1f, 3 m %.1f; zone mean %.1f / %.1f",
                  c_off, c_near, c_room, mean_off, mean_room);
  g_assert_cmpfloat (c_near, <, c_off);
  g_assert_cmpfloat (c_room, <, c_near);
  g_assert_cmpfloat (c_room, <, 0.6 * c_off);
  /* Blurred, not washed out: the zone's mean stays (light is kept). */
  g_assert_cmpfloat (fabs (mean_room - mean_off), <, 3);
  g_assert_cmpfloat (fabs (skin_lum - darkest (back, cx, cy, r) - c_off), <, 0.5);

  /* The same design without its calibration: "seen from" is disabled. */
  g_assert_true (g_file_get_contents (f->design, &json, NULL, NULL));
  edited = g_string_new (json);
  g_string_replace (edited, "\"calibration\": {\"source\": \"manual\", \"mm_per_px\": 0.1, \"uncertainty\": 0.02},", "", 1);
  uncalibrated = g_build_filename (f->dir, "uncalibrated.json", NULL);
  g_assert_true (g_file_set_contents (uncalibrated, edited->str, -1, NULL));
  g_string_free (edited, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));

  other = open_window (uncalibrated);
  canvas = HL_CANVAS (hl_window_get_canvas (other));
  actions = hl_canvas_get_actions (canvas);
  g_assert_false (g_action_group_get_action_enabled (actions, "seen-from"));
  hl_canvas_set_seen_from (canvas, HL_SEEN_FROM_ROOM);
  g_assert_cmpint (hl_canvas_get_seen_from (canvas), ==, HL_SEEN_FROM_OFF);
  gtk_window_destroy (GTK_WINDOW (other));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = hl_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add ("/preview/stage", Fixture, NULL, fixture_set_up, test_stage, fixture_tear_down);
  g_test_add ("/preview/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  g_test_add ("/preview/mirror", Fixture, NULL, fixture_set_up, test_mirror, fixture_tear_down);
  g_test_add ("/preview/split", Fixture, NULL, fixture_set_up, test_split, fixture_tear_down);
  g_test_add ("/preview/side-by-side", Fixture, NULL, fixture_set_up, test_side_by_side, fixture_tear_down);
  g_test_add ("/preview/presentation", Fixture, NULL, fixture_set_up, test_presentation, fixture_tear_down);
  g_test_add ("/preview/density-map", Fixture, NULL, fixture_set_up, test_density_map, fixture_tear_down);
  g_test_add ("/preview/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/preview/loupe", Fixture, GINT_TO_POINTER (3), fixture_set_up, test_loupe, fixture_tear_down);
  g_test_add ("/preview/seen-from", Fixture, NULL, fixture_set_up, test_seen_from, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
