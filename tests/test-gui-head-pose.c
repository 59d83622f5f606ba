/* test-gui-head-pose.c: the head model adjusted by hand in a real window
 * under Xvfb (Adjust Head Model…): values typed and stepped as X key
 * events (xdotool) where xdotool is installed, each change one undo step
 * through the document, a value outside its range refused with the
 * format's message, the spin buttons named for assistive technologies,
 * and the model drawn over the canvas while the dialog is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "hl-application.h"
#include "hl-document.h"
#include "hl-gui-test-util.h"
#include "hl-head-dialog.h"
#include "hl-head-model.h"
#include "hl-window.h"

static HlApplication *app;

static gboolean
find_head_dialog (gpointer data)
{
  *(HlHeadDialog **) data = (HlHeadDialog *) hl_gui_find_toplevel (HL_TYPE_HEAD_DIALOG, FALSE);
  return *(HlHeadDialog **) data != NULL;
}

static gboolean
no_head_dialog (gpointer data)
{
  HlHeadDialog *dialog = NULL;

  return !find_head_dialog (&dialog);
}

static gboolean
has_xdotool (GtkWidget *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_SURFACE (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* Types @text into @spin and presses Enter: X key events when possible,
 * else as the spin button's own text and activation would. */
static void
type_into (HlHeadDialog *dialog,
           GtkWidget    *spin,
           const char   *text)
{
  if (has_xdotool (GTK_WIDGET (dialog)))
    {
      g_assert_true (gtk_widget_grab_focus (spin));
      hl_gui_run_for (50);
      g_test_message ("xdotool type \"%s\"", text);
      hl_gui_xdotool (GTK_WIDGET (dialog), "key", "ctrl+a", NULL);
      hl_gui_xdotool (GTK_WIDGET (dialog), "type", "--delay", "20", text, NULL);
      hl_gui_xdotool (GTK_WIDGET (dialog), "key", "Return", NULL);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
      gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
    }
}

/* Pixels of the canvas in the model's outline colour (light blue), from
 * the canvas rendered by the window's renderer. */
static guint
overlay_pixels (GtkWidget *canvas)
{
  int w = gtk_widget_get_width (canvas), h = gtk_widget_get_height (canvas);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  guint n = 0;

  gtk_test_widget_wait_for_draw (canvas);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (canvas)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  data = g_malloc ((gsize) w * h * 4);
  gdk_texture_download (texture, data, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    {
      /* Cairo's ARGB32: B, G, R, A on little-endian machines. */
      guint32 px;
      int r, g, b;

      memcpy (&px, data + 4 * i, 4);
      r = (px >> 16) & 0xff;
      g = (px >> 8) & 0xff;
      b = px & 0xff;
      n += abs (r - 140) < 20 && abs (g - 217) < 20 && b > 235;
    }
  return n;
}

/* Canvas point @w (widget px) in its window's surface px. */
static void
canvas_to_surface (GtkWidget *canvas,
                   HlPoint    w,
                   double    *x,
                   double    *y)
{
  GtkNative *native = gtk_widget_get_native (canvas);
  graphene_point_t in = GRAPHENE_POINT_INIT ((float) w.x, (float) w.y), out;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (canvas, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *x = out.x + sx;
  *y = out.y + sy;
}

/* Drags with the primary button from image point @from of the canvas by
 * (@dx, @dy) screen px: X pointer events (xdotool), in steps. */
static void
drag_on_canvas (HlWindow *window,
                HlPoint   from,
                double    dx,
                double    dy)
{
  GtkWidget *canvas = hl_window_get_canvas (window);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                                     gtk_native_get_surface (GTK_NATIVE (window))));
  HlPoint w = hl_canvas_image_to_widget (HL_CANVAS (canvas), from);
  double x, y;
  char a[4][16], b[4][16];

  canvas_to_surface (canvas, w, &x, &y);
  for (guint k = 0; k < 4; k++)
    {
      g_snprintf (a[k], sizeof a[k], "%.0f", x + dx * k / 3.0);
      g_snprintf (b[k], sizeof b[k], "%.0f", y + dy * k / 3.0);
    }
  g_test_message ("drag from %s,%s to %s,%s", a[0], b[0], a[3], b[3]);
  hl_gui_xdotool (GTK_WIDGET (window), "mousemove", "--window", xid, a[0], b[0], "sleep", "0.1", "mousedown", "1",
           "sleep", "0.1", "mousemove", "--window", xid, a[1], b[1], "sleep", "0.1",
           "mousemove", "--window", xid, a[2], b[2], "sleep", "0.1",
           "mousemove", "--window", xid, a[3], b[3], "sleep", "0.1", "mouseup", "1", NULL);
  hl_gui_run_for (200);
}

static gboolean
is_idle (gpointer window)
{
  return !hl_document_is_computing (hl_window_get_document (window));
}

/* Adjust Head Model… on the photo sample (not fitted): the dialog starts
 * from the landmarks' fit and draws the model over the canvas; a breadth
 * typed there puts the view on the scalp of that head, one undo step; Up
 * on the turn's spin button turns the head a degree, one more step; 300 mm
 * is refused with the format's message and changes nothing; the centre
 * and size handles dragged on the canvas move and scale the head, one
 * step each; Escape closes the dialog and the model leaves the canvas. */
static void
test_adjust (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = hl_gui_copy_sample ("hl-gui-head-pose", "design.json", &path);
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 800);
  HlDocument *document = hl_window_get_document (window);
  GtkWidget *canvas = hl_window_get_canvas (window);
  HlHeadDialog *dialog = NULL;
  GtkWidget *breadth, *yaw;
  HlDesign *design;
  guint before, during, after;
  double yaw0;

  g_assert_false (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  before = overlay_pixels (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.adjust-head", NULL));
  hl_gui_wait_until (find_head_dialog, &dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  /* Opening it changes nothing. */
  g_assert_false (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  g_assert_false (hl_document_can_undo (document));
  during = overlay_pixels (canvas);
  g_test_message ("outline-coloured pixels: %u without the dialog, %u with it", before, during);
  g_assert_cmpuint (during, >, before + 200);

  /* Named for assistive technologies: each spin button by its row. */
  breadth = hl_head_dialog_get_spin (dialog, "breadth_mm");
  yaw = hl_head_dialog_get_spin (dialog, "yaw_deg");
  g_assert_nonnull (breadth);
  g_assert_nonnull (yaw);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (breadth), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (breadth), GTK_ACCESSIBLE_ROLE_SPIN_BUTTON));
  /* It starts from the fit: an adult breadth. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (breadth)), >=, 135.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (breadth)), <=, 165.0);

  type_into (dialog, breadth, "158");
  design = hl_window_get_design (window);
  g_assert_true (hl_design_get_view (design, 0)->has_head);
  g_assert_cmpfloat (design->head.breadth_mm, ==, 158.0);
  g_assert_cmpstr (hl_head_dialog_get_message (dialog), ==, "");
  hl_gui_wait_until (is_idle, window);

  /* One step: undo gives the photo plane back, redo the head again. */
  g_assert_true (hl_document_undo (document));
  g_assert_false (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  g_assert_true (hl_document_redo (document));
  g_assert_true (hl_design_get_view (hl_window_get_design (window), 0)->has_head);
  hl_gui_run_for (1600);   /* past the merge window of the breadth's step */

  yaw0 = hl_design_get_view (hl_window_get_design (window), 0)->pose.yaw_deg;
  if (has_xdotool (GTK_WIDGET (dialog)))
    {
      g_assert_true (gtk_widget_grab_focus (yaw));
      hl_gui_run_for (50);
      hl_gui_xdotool (GTK_WIDGET (dialog), "key", "Up", NULL);
    }
  else
    gtk_spin_button_spin (GTK_SPIN_BUTTON (yaw), GTK_SPIN_STEP_FORWARD, 1.0);
  /* A degree up from the value shown (one decimal). */
  g_assert_cmpfloat (fabs (hl_design_get_view (hl_window_get_design (window), 0)->pose.yaw_deg - (yaw0 + 1.0)), <=,
                     0.051);
  g_assert_cmpfloat (hl_design_get_view (hl_window_get_design (window), 0)->pose.yaw_deg, ==,
                     gtk_spin_button_get_value (GTK_SPIN_BUTTON (yaw)));
  g_assert_true (hl_document_undo (document));
  g_assert_cmpfloat (hl_design_get_view (hl_window_get_design (window), 0)->pose.yaw_deg, ==, yaw0);
  g_assert_cmpfloat (hl_window_get_design (window)->head.breadth_mm, ==, 158.0);
  /* The dialog follows the undo. */
  hl_gui_run_for (100);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (yaw)), ==, yaw0);

  /* Out of range: refused where typed, nothing changes. */
  design = hl_window_get_design (window);
  type_into (dialog, breadth, "300");
  g_assert_true (hl_window_get_design (window) == design);
  g_assert_cmpstr (hl_head_dialog_get_message (dialog), ==, "head.breadth_mm: must be 110–200 mm");

  /* The handles on the canvas, dragged with X pointer events: the centre
   * moves the head, one undo step; the size handle (the outline's point
   * farthest right) scales it about its centre. The dialog is moved off
   * the canvas first (no window manager places it). */
  if (has_xdotool (GTK_WIDGET (dialog)))
    {
      g_autofree char *dxid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                                                        gtk_native_get_surface (GTK_NATIVE (dialog))));
      const HlView *v;
      HlHeadPose pose0;
      HlPoint right = { -G_MAXDOUBLE, 0 };
      g_autoptr(GArray) outline = NULL;
      double zoom = hl_canvas_get_zoom (HL_CANVAS (canvas)), r0, r1;

      hl_gui_xdotool (GTK_WIDGET (dialog), "windowmove", dxid, "820", "0", NULL);
      hl_gui_run_for (300);
      v = hl_design_get_view (hl_window_get_design (window), 0);
      g_assert_true (v->has_head);
      pose0 = v->pose;
      drag_on_canvas (window, (HlPoint) { pose0.centre_x, pose0.centre_y }, 40, 24);
      v = hl_design_get_view (hl_window_get_design (window), 0);
      g_test_message ("centre moved from %.1f,%.1f to %.1f,%.1f (zoom %.3f)", pose0.centre_x, pose0.centre_y,
                      v->pose.centre_x, v->pose.centre_y, zoom);
      g_assert_cmpfloat (fabs (v->pose.centre_x - (pose0.centre_x + 40 / zoom)), <=, 1.5 / zoom + 0.5);
      g_assert_cmpfloat (fabs (v->pose.centre_y - (pose0.centre_y + 24 / zoom)), <=, 1.5 / zoom + 0.5);
      g_assert_cmpfloat (v->pose.scale, ==, pose0.scale);
      g_assert_true (hl_document_undo (document));
      v = hl_design_get_view (hl_window_get_design (window), 0);
      g_assert_cmpfloat (v->pose.centre_x, ==, pose0.centre_x);
      g_assert_cmpfloat (v->pose.centre_y, ==, pose0.centre_y);

      outline = hl_head_model_silhouette (&v->head, &v->pose, 96, 0.0);
      for (guint i = 0; i < outline->len; i++)
        if (g_array_index (outline, HlPoint, i).x > right.x)
          right = g_array_index (outline, HlPoint, i);
      drag_on_canvas (window, right, 30, 0);
      v = hl_design_get_view (hl_window_get_design (window), 0);
      r0 = right.x - pose0.centre_x;
      r1 = r0 + 30 / zoom;
      g_test_message ("scale %.4f → %.4f (expected about %.4f)", pose0.scale, v->pose.scale, pose0.scale * r1 / r0);
      g_assert_cmpfloat (fabs (v->pose.scale / (pose0.scale * r1 / r0) - 1.0), <=, 0.03);
      g_assert_cmpfloat (v->pose.centre_x, ==, pose0.centre_x);
      g_assert_true (hl_document_undo (document));
      g_assert_cmpfloat (hl_design_get_view (hl_window_get_design (window), 0)->pose.scale, ==, pose0.scale);
    }

  /* Escape closes it; the model leaves the canvas. */
  if (has_xdotool (GTK_WIDGET (dialog)))
    hl_gui_xdotool (GTK_WIDGET (dialog), "key", "Escape", NULL);
  else
    gtk_window_close (GTK_WINDOW (dialog));
  hl_gui_wait_until (no_head_dialog, NULL);
  after = overlay_pixels (canvas);
  g_test_message ("outline-coloured pixels after closing: %u", after);
  g_assert_cmpuint (after, <, during / 2);

  gtk_window_destroy (GTK_WINDOW (window));
  hl_gui_remove_dir (dir);
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

  g_test_add_func ("/gui-head-pose/adjust", test_adjust);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
