/* test-gui-width.c: the window works 800 px wide, half of a 1600 px
 * screen, in real windows under Xvfb.
 *
 * The minimum width of the window's content (what GTK asks of the
 * window manager) is measured with the empty page, with a design and
 * every tool in use (each shows its own options under the canvas), with
 * the zone panel shown and hidden and while the dots compute; in English, in French (HL_TEST_FRENCH
 * set: the catalogue the build made, the locale compiled into the build
 * folder if the system lacks it) and with large text. Then the window is
 * made 800 px wide: it is 800 px wide, the zone panel folds, the canvas
 * keeps most of the width, every tool button lies inside the window and
 * the title keeps room for a dozen characters (at 1400 px it is whole).
 *
 * Large text is GNOME's "Large Text" switch, a text scale of 1.25
 * (DPI_FACTOR_LARGE in GNOME Settings, panels/universal-access/
 * cc-ua-panel.c, https://gitlab.gnome.org/GNOME/gnome-control-center),
 * which reaches GTK as gtk-xft-dpi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <locale.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-tools.h"
#include "hl-window-private.h"

#define NARROW 800
#define FR_LOCALE "fr_FR.UTF-8"
/* GNOME Settings' "Large Text" (see above). */
#define LARGE_TEXT 1.25

static GtkApplication *app;
static int normal_dpi;

/* Sets the process's locale to French: the system's, or one compiled
 * into the build folder. FALSE if neither can be had. */
static gboolean
use_french_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *ctype = NULL;
  int status = -1;

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LANG", FR_LOCALE, TRUE);
  g_setenv ("LC_ALL", FR_LOCALE, TRUE);
  if (setlocale (LC_ALL, "") != NULL)
    return TRUE;

  dir = g_build_filename (g_getenv ("HL_BUILD_DIR"), "tests", "locale", NULL);
  target = g_build_filename (dir, FR_LOCALE, NULL);
  ctype = g_build_filename (target, "LC_CTYPE", NULL);
  if (!g_file_test (ctype, G_FILE_TEST_IS_REGULAR))
    {
      const char *argv[] = { "localedef", "-i", "fr_FR", "-f", "UTF-8", target, NULL };

      g_mkdir_with_parents (dir, 0755);
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
        return FALSE;
    }
  g_setenv ("LOCPATH", dir, TRUE);
  return setlocale (LC_ALL, "") != NULL;
}

static void
set_text_scale (double scale)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int) (normal_dpi * scale), NULL);
  /* Styles and layouts follow at the next frames. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Writes the minimum width of every widget under @widget, to @depth,
 * to the test's log: what makes the window too wide. */
static void
log_widths (GtkWidget *widget,
            int        depth,
            int        max_depth)
{
  int min = 0, nat = 0;

  if (depth > max_depth || !gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("%*s%s%s%s: min %d, nat %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  GTK_IS_LABEL (widget) ? " " : "",
                  GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "", min, nat);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    log_widths (c, depth + 1, max_depth);
}

/* The minimum width of @window's content. */
static int
min_width (HlWindow *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min = 0, nat = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  if (min > NARROW)
    log_widths (content, 0, 12);
  return min;
}

/* The widest the content asks, over every tool and the panel shown and
 * hidden; *@widest_what says where (caller frees). */
static int
widest_min_width (HlWindow  *window,
                  char     **widest_what)
{
  guint n_tools;
  const HlToolInfo *tools = hl_tools_get_all (&n_tools);
  const char *states[] = { "panel hidden", "panel shown", "computing" };
  int widest = 0;

  /* The panel shown and hidden, and while the dots compute (the
   * progress bar and Stop show). */
  for (int panel = 0; panel < 3; panel++)
    {
      g_object_set (window, "show-panel", (gboolean) (panel == 1), NULL);
      gtk_widget_set_visible (window->compute_box, panel == 2);
      for (guint i = 0; i < n_tools; i++)
        {
          int w;

          g_object_set (window, "tool", tools[i].name, NULL);
          w = min_width (window);
          g_test_message ("tool %s, %s: minimum width %d px", tools[i].name, states[panel], w);
          if (w > widest)
            {
              widest = w;
              g_free (*widest_what);
              *widest_what = g_strdup_printf ("tool %s, %s", tools[i].name, states[panel]);
            }
        }
    }
  g_object_set (window, "tool", "select", NULL);
  gtk_widget_set_visible (window->compute_box, FALSE);
  return widest;
}

static gboolean
has_width (gpointer data)
{
  static int last = -1;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (data));
  int w = surface != NULL ? gdk_surface_get_width (surface) : 0;

  if (w != last)
    g_test_message ("window width %d px (the window widget %d px)", last = w,
                    gtk_widget_get_width (GTK_WIDGET (data)));
  return w == NARROW;
}

/* The panel's fold has played out. */
static gboolean
flap_settled (gpointer data)
{
  HlWindow *window = data;
  double progress = adw_flap_get_reveal_progress (window->flap);

  return progress == 0.0 || progress == 1.0;
}

static void
close_window (HlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
check_min_widths (double scale)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  g_autofree char *where = NULL;
  HlWindow *window;
  int w;

  set_text_scale (scale);

  window = hl_window_new (HL_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  w = min_width (window);
  g_test_message ("empty window, text × %.2f: minimum width %d px", scale, w);
  g_assert_cmpint (w, <=, NARROW);
  close_window (window);

  window = hl_gui_open_window (app, path, 1100, 760);
  w = widest_min_width (window, &where);
  g_test_message ("design, text × %.2f: widest minimum width %d px (%s)", scale, w, where);
  g_assert_cmpint (w, <=, NARROW);
  close_window (window);
  set_text_scale (1.0);
}

static void
test_min_width (void)
{
  check_min_widths (1.0);
}

static void
test_min_width_large_text (void)
{
  check_min_widths (LARGE_TEXT);
}

/* The average width of a character in @label's font, in pixels. */
static int
char_width (GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  return MAX (1, width);
}

/* @widget lies inside @window's content, whole. */
static void
assert_inside (GtkWidget *widget,
               HlWindow  *window)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  graphene_rect_t r;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_bounds (widget, content, &r));
  /* A pixel of slack: linked buttons overlap their borders. */
  g_assert_cmpfloat (r.origin.x, >=, -1);
  g_assert_cmpfloat (r.origin.y, >=, -1);
  g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (content) + 1);
  g_assert_cmpfloat (r.origin.y + r.size.height, <=, gtk_widget_get_height (content) + 1);
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
}

static void
check_narrow_window (double scale)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window;
  GtkWidget *title_label;
  int canvas_width, nat = 0;
  guint n_buttons = 0;

  set_text_scale (scale);
  /* Resizing a shown window is the window manager's part: window-width.sh
   * does it with openbox. Here the window opens 800 px wide. */
  window = hl_gui_open_window (app, path, NARROW, 700);
  hl_gui_wait_until (has_width, window);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, NARROW);

  /* The panel folds over the canvas and hides; the canvas keeps most of
   * the width. */
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));
  hl_gui_wait_until (flap_settled, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  canvas_width = gtk_widget_get_width (GTK_WIDGET (window->canvas));
  g_test_message ("800 px window, text × %.2f: canvas %d px wide", scale, canvas_width);
  g_assert_cmpint (canvas_width, >=, NARROW * 3 / 4);

  /* Every tool has its button, inside the window, reachable with Tab,
   * and shows when its action (its key's) picks it. */
  for (GtkWidget *b = gtk_widget_get_first_child (GTK_WIDGET (window->tool_box)); b != NULL;
       b = gtk_widget_get_next_sibling (b))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (b));

      assert_inside (b, window);
      g_assert_true (gtk_widget_get_focusable (b) && gtk_widget_get_can_focus (b));
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (b)), ==, "win.tool");
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.tool", target));
      g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (b)));
      n_buttons++;
    }
  g_object_set (window, "tool", "select", NULL);
  g_assert_cmpuint (n_buttons, >, 5);
  assert_inside (window->header_bar, window);
  assert_inside (GTK_WIDGET (window->preview_button), window);
  assert_inside (GTK_WIDGET (window->view_button), window);

  /* The title keeps room for at least 12 characters (a longer name ends
   * in “…”). */
  title_label = hl_gui_find_widget (GTK_WIDGET (window->title), GTK_TYPE_LABEL);
  g_assert_nonnull (title_label);
  gtk_widget_measure (title_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
  g_test_message ("title “%s”: %d px of %d asked, %d characters' room%s",
                  gtk_label_get_text (GTK_LABEL (title_label)), gtk_widget_get_width (title_label), nat,
                  gtk_widget_get_width (title_label) / char_width (title_label),
                  pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))) ? ", cut" : "");
  if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))))
    g_assert_cmpint (gtk_widget_get_width (title_label), >=, 12 * char_width (title_label));

  /* F9 shows the panel over the canvas, and hides it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", NULL));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", NULL));
  g_assert_false (adw_flap_get_reveal_flap (window->flap));

  close_window (window);

  /* Wide: the panel beside the canvas. */
  window = hl_gui_open_window (app, path, 1400, 760);
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->canvas)), >=, 1400 / 2);
  /* There, the title is whole. */
  title_label = hl_gui_find_widget (GTK_WIDGET (window->title), GTK_TYPE_LABEL);
  g_test_message ("wide window: title “%s” %d px%s", gtk_label_get_text (GTK_LABEL (title_label)),
                  gtk_widget_get_width (title_label),
                  pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))) ? ", cut" : "");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title_label))));
  /* And the status bar's scale is on one line (in a GtkActionBar, GTK 4.8
   * wrapped it onto two whatever the room). */
  g_test_message ("wide window: scale “%s” on %d line(s), %d px",
                  gtk_label_get_text (window->scale_label),
                  pango_layout_get_line_count (gtk_label_get_layout (window->scale_label)),
                  gtk_widget_get_width (GTK_WIDGET (window->scale_label)));
  g_assert_cmpuint (strlen (gtk_label_get_text (window->scale_label)), >, 20);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (window->scale_label)), ==, 1);
  close_window (window);
  set_text_scale (1.0);
}

static void
test_narrow_window (void)
{
  check_narrow_window (1.0);
}

static void
test_narrow_window_large_text (void)
{
  check_narrow_window (LARGE_TEXT);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (g_getenv ("HL_TEST_FRENCH") != NULL && !use_french_locale ())
    {
      g_print ("1..0 # SKIP the %s locale is not available and localedef cannot make it\n", FR_LOCALE);
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hl_application_bind_text_domain ();
  if (g_getenv ("HL_TEST_FRENCH") != NULL)
    g_assert_cmpstr (_("_Save"), !=, "_Save");

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &normal_dpi, NULL);
  if (normal_dpi <= 0)
    normal_dpi = 96 * 1024;

  app = GTK_APPLICATION (hl_application_new ());
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/width/minimum", test_min_width);
  g_test_add_func ("/width/minimum-large-text", test_min_width_large_text);
  g_test_add_func ("/width/narrow-window", test_narrow_window);
  g_test_add_func ("/width/narrow-window-large-text", test_narrow_window_large_text);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return status;
}
