/* test-a11y.c: what assistive technologies and keyboard users get, in
 * real windows under Xvfb (GTK_A11Y=test keeps the accessible attributes
 * GTK 4.8 has no getter for; gtk_test_accessible_* reads them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-application.h"
#include "hl-canvas.h"
#include "hl-canvas-private.h"
#include "hl-export-dialog.h"
#include "hl-gui-test-util.h"
#include "hl-preferences-window.h"
#include "hl-tool-select.h"
#include "hl-tools.h"
#include "hl-window.h"
#include "hl-window-private.h"
#include "hl-zone-panel.h"
#include "hl-zone-panel-private.h"

static HlApplication *app;

static gboolean
is_loaded (gpointer window)
{
  return !hl_window_is_loading (window);
}

static HlWindow *
open_sample (void)
{
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HlWindow *window = hl_window_new (app);

  hl_window_open (window, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  hl_gui_wait_until (is_loaded, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Labels anywhere under @widget (a button's own child, a box of an icon
 * and a label) that say something. */
static gboolean
has_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text != NULL && *text != '\0')
            return TRUE;
        }
      if (has_text_child (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
non_empty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Whether a screen reader has a name to say for @widget: an accessible
 * label or labelled-by relation, a label of its own, or a text child. */
static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  /* GTK 4.8 makes a button labelled by its own child: that names it only
   * when the child says something (an icon does not). */
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *child = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;
      g_autofree char *other = child != NULL
                               ? gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                     child, NULL)
                               : NULL;

      if (child == NULL || other != NULL)
        return TRUE;
    }
  if (GTK_IS_BUTTON (widget) && non_empty (gtk_button_get_label (GTK_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (widget) && non_empty (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget) && non_empty (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget))))
    return TRUE;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)) &&
      has_text_child (widget))
    return TRUE;
  return FALSE;
}

/* Widgets a user focuses or activates, which need a name. */
static gboolean
needs_name (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_TEXT (widget) || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SCALE (widget) ||
         GTK_IS_COLOR_BUTTON (widget) || HL_IS_CANVAS (widget);
}

/* Parts a composite widget makes of itself, named through the composite
 * (which is checked): a spin button's text and steppers, the button
 * inside a menu, color or drop-down button. Their popovers are not parts:
 * what they hold is checked. */
static gboolean
is_internal_part (GtkWidget *parent,
                  GtkWidget *child)
{
  if (GTK_IS_POPOVER (child))
    return FALSE;
  return GTK_IS_SPIN_BUTTON (parent) || GTK_IS_MENU_BUTTON (parent) ||
         GTK_IS_COLOR_BUTTON (parent) || GTK_IS_DROP_DOWN (parent);
}

/* "GtkBox > GtkButton (tooltip)": where an unnamed widget is. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      g_string_prepend (path, " > ");
      g_string_prepend (path, G_OBJECT_TYPE_NAME (up));
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " (%s)", tooltip);
  return g_string_free (path, FALSE);
}

/* Every widget under @root that needs a name and has none; counts those
 * checked. What is hidden takes no focus and is left out (an entry row's
 * unused Apply button, a drop-down's disabled search, a stack's other
 * pages): the caller shows each part it wants checked. */
static void
collect_unnamed (GtkWidget *root,
                 GPtrArray *unnamed,
                 guint     *checked)
{
  if (!gtk_widget_get_visible (root))
    return;
  if (needs_name (root))
    {
      (*checked)++;
      if (!is_named (root))
        g_ptr_array_add (unnamed, describe (root));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!is_internal_part (root, child) && gtk_widget_get_child_visible (child))
      collect_unnamed (child, unnamed, checked);
}

/* Fails, listing them, when a widget under @root has no name. Returns
 * how many were checked. */
static guint
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  collect_unnamed (root, unnamed, &checked);
  g_test_message ("%s: %u controls checked, %u without a name", what, checked, unnamed->len);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("  no name: %s", (const char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
  return checked;
}

/* The checker itself fails on what it must: an icon-only button, an
 * unlabelled spin button, and accepts what names them. */
static void
test_checker (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10, 1);
  GtkWidget *text = gtk_button_new_with_label ("Add");
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_object_ref_sink (box);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), text);
  collect_unnamed (box, unnamed, &checked);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("unnamed: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (checked, ==, 3);
  g_assert_cmpuint (unnamed->len, ==, 2);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, text, NULL, -1);
  g_ptr_array_set_size (unnamed, 0);
  checked = 0;
  collect_unnamed (box, unnamed, &checked);
  g_assert_cmpuint (unnamed->len, ==, 0);
  g_object_unref (box);
}

/* The main window (header bar, canvas, status bar and its tool options,
 * the zone panel with a zone's details), both export dialogs and the
 * preferences: every control has a name. */
static void
test_every_control_named (void)
{
  HlWindow *window = open_sample ();
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  GtkWidget *prefs;
  const char *exports[] = { "win.export", "win.export-report" };
  const char *option_tools[] = { "ruler", "landmark", "zone" };
  const char *dialogs[] = { "win.frontal-band", "win.propose-hairline" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", NULL));
  hl_document_set_selected_zone (hl_window_get_document (window), 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  /* Header bar, canvas, panel: at least the 8 tools, the zone buttons
   * and the parameters. */
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (window), "main window"), >, 40);
  /* The tools' options in the status bar, one page each. */
  for (guint i = 0; i < G_N_ELEMENTS (option_tools); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", option_tools[i]));
      g_assert_cmpuint (assert_all_named (GTK_WIDGET (window), option_tools[i]), >, 40);
    }

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      GtkWidget *dialog = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), exports[i], NULL));
      for (guint t = 0; t < g_list_model_get_n_items (toplevels) && dialog == NULL; t++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (toplevels, t);

          if (HL_IS_EXPORT_DIALOG (item))
            dialog = GTK_WIDGET (item);
        }
      g_assert_nonnull (dialog);
      gtk_test_widget_wait_for_draw (dialog);
      g_assert_cmpuint (assert_all_named (dialog, exports[i]), >=, 3);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* The questions built in code: the frontal band's depth, the proposed
   * hairline's style and height. */
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      AdwMessageDialog *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), dialogs[i], NULL));
      dialog = hl_gui_find_dialog ();
      if (dialog == NULL)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          dialog = hl_gui_find_dialog ();
        }
      g_assert_nonnull (dialog);
      g_assert_cmpuint (assert_all_named (GTK_WIDGET (dialog), dialogs[i]), >=, 2);
      hl_gui_answer_dialog ("_Cancel");
    }

  prefs = GTK_WIDGET (hl_preferences_window_new (GTK_WINDOW (window)));
  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (prefs);
  g_assert_cmpuint (assert_all_named (prefs, "preferences"), >=, 8);
  gtk_window_destroy (GTK_WINDOW (prefs));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The toggle button of tool @name in the header bar (borrowed). */
static GtkWidget *
tool_button (GtkWidget  *root,
             const char *name)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.tool") == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), name))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tool_button (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Presses @keyval (with @state) on the canvas as its key controller
 * receives it; returns whether the canvas took it. */
static gboolean
press_key (HlCanvas        *canvas,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  gboolean handled = FALSE, found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);
  return handled;
}

static void
assert_description (HlCanvas   *canvas,
                    const char *expected)
{
  g_autofree char *wrong = NULL;

  g_test_message ("canvas description: %s", hl_canvas_get_description (canvas));
  g_assert_cmpstr (hl_canvas_get_description (canvas), ==, expected);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              expected);
  g_assert_null (wrong);
}

static gboolean
is_pressed (GtkWidget *button)
{
  g_autofree char *wrong = gtk_test_accessible_check_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                                            GTK_ACCESSIBLE_TRISTATE_TRUE);

  return wrong == NULL;
}

/* The canvas's role, label and description follow the tool, the point
 * and zone chosen with the keyboard alone, and the stage; the tool
 * toggles say which is pressed; the window's name carries the unsaved
 * mark. */
static void
test_announced_state (void)
{
  HlWindow *window = open_sample ();
  HlCanvas *canvas = HL_CANVAS (hl_window_get_canvas (window));
  HlZonePanel *panel = HL_ZONE_PANEL (hl_window_get_zone_panel (window));
  HlDesign *design = hl_window_get_design (window);
  const HlView *view = hl_design_get_view (design, 0);
  guint n_hair = hl_curve_get_n_points (view->hairline);
  const HlZone *zone = hl_view_get_zone (view, 0);
  GtkWidget *select = tool_button (GTK_WIDGET (window), "select");
  GtkWidget *pen = tool_button (GTK_WIDGET (window), "hairline");
  g_autofree char *expected = NULL;
  g_autofree char *title = NULL;
  g_autofree char *wrong = NULL;
  GtkListBox *list;

  gtk_test_accessible_assert_role (canvas, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, "Design canvas");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (canvas)));
  assert_description (canvas, "Select tool · stage: Fresh");

  /* The tools: pressed or not, and the canvas says which is in use. */
  g_assert_nonnull (select);
  g_assert_nonnull (pen);
  g_assert_true (is_pressed (select));
  g_assert_false (is_pressed (pen));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", "hairline"));
  g_assert_true (is_pressed (pen));
  g_assert_false (is_pressed (select));
  assert_description (canvas, "Hairline pen · stage: Fresh");
  /* A pen has no points to step through: Tab moves the focus on. */
  g_assert_false (press_key (canvas, GDK_KEY_Tab, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tool", "s", "select"));

  /* Tab: the first hairline point, then the next; Shift+Tab back. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  g_assert_true (press_key (canvas, GDK_KEY_Tab, 0));
  expected = g_strdup_printf ("Select tool · selected: hairline point 1 of %u · stage: Fresh", n_hair);
  assert_description (canvas, expected);
  g_assert_true (press_key (canvas, GDK_KEY_Tab, 0));
  g_assert_true (press_key (canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_description (canvas, expected);
  g_assert_true (hl_handle_equal (hl_tool_select_get_selected (hl_canvas_get_tool (canvas)),
                                  (HlHandle) { HL_HANDLE_HAIRLINE, 0, 0 }));

  /* Zoomed in, a point Tab selects off screen is brought into view. */
  {
    HlPoint at;
    int w = gtk_widget_get_width (GTK_WIDGET (canvas)), h = gtk_widget_get_height (GTK_WIDGET (canvas));

    hl_canvas_zoom (canvas, 16.0);
    at = hl_canvas_image_to_widget (canvas, hl_curve_get_points (view->hairline)[1]);
    g_assert_false (at.x >= 0 && at.x <= w && at.y >= 0 && at.y <= h);
    g_assert_true (press_key (canvas, GDK_KEY_Tab, 0));
    at = hl_canvas_image_to_widget (canvas, hl_curve_get_points (view->hairline)[1]);
    g_assert_true (at.x >= 0 && at.x <= w && at.y >= 0 && at.y <= h);
    g_assert_true (press_key (canvas, GDK_KEY_Tab, 0));
    at = hl_canvas_image_to_widget (canvas, hl_curve_get_points (view->hairline)[2]);
    g_assert_true (at.x >= 0 && at.x <= w && at.y >= 0 && at.y <= h);
    g_assert_true (press_key (canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
    g_assert_true (press_key (canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
    hl_canvas_zoom (canvas, 0);
  }

  /* Past the hairline, the first zone's first point: the zone is
   * selected, in the panel too. */
  for (guint i = 1; i <= n_hair; i++)
    g_assert_true (press_key (canvas, GDK_KEY_Tab, 0));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Select tool · selected: point 1 of %u of zone “%s” · zone: %s · stage: Fresh",
                              hl_curve_get_n_points (zone->boundary), zone->name, zone->name);
  assert_description (canvas, expected);
  g_assert_cmpint (hl_document_get_selected_zone (hl_window_get_document (window)), ==, 0);

  /* The stage, in the description. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "healed"));
  g_assert_nonnull (strstr (hl_canvas_get_description (canvas), "stage: Healed"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stage", "s", "fresh"));

  /* Delete removes the point with the keyboard alone: the window's name
   * (window lists, screen readers) gains the unsaved mark. */
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_true (g_str_has_suffix (title, " — Hairline Studio"));
  g_assert_false (g_str_has_prefix (title, "• "));
  g_assert_true (press_key (canvas, GDK_KEY_Delete, 0));
  g_assert_cmpuint (hl_curve_get_n_points (hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 0)->boundary),
                    ==, hl_curve_get_n_points (zone->boundary) - 1);
  g_assert_true (hl_window_is_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              gtk_window_get_title (GTK_WINDOW (window)));
  g_assert_null (wrong);
  /* The removed point's selection went with it. */
  g_assert_null (strstr (hl_canvas_get_description (canvas), "selected:"));

  /* The zone panel by keyboard: the list moves its selection with the
   * arrow keys (its key binding), and the canvas follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  list = GTK_LIST_BOX (hl_gui_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_assert_cmpuint (hl_view_get_n_zones (view), >=, 2);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_cmpint (hl_document_get_selected_zone (hl_window_get_document (window)), ==, 1);
  g_assert_cmpint (hl_tool_get_selected_zone (hl_canvas_get_tool (canvas)), ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Select tool · zone: %s · stage: Fresh", hl_view_get_zone (view, 1)->name);
  assert_description (canvas, expected);
  /* ... and a parameter changes with the keys (a spin button's step). */
  {
    GtkSpinButton *density = hl_zone_panel_get_param_spin (panel, "density");
    double before = hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 1)->params.density;

    g_assert_nonnull (density);
    g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (density)) ||
                   gtk_widget_get_focusable (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (density)))));
    g_signal_emit_by_name (density, "change-value", GTK_SCROLL_STEP_UP);
    g_assert_cmpfloat (hl_view_get_zone (hl_design_get_view (hl_window_get_design (window), 0), 1)->params.density,
                       >, before);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Accelerators of every shortcut under @root, each on its own ("Tab",
 * "<Control>o"), in @found. */
static void
collect_accels (GtkWidget  *root,
                GHashTable *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *accel = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (root, "accelerator", &accel, NULL);
      parts = g_strsplit (accel != NULL ? accel : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_hash_table_add (found, g_strdup (parts[i]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accels (child, found);
}

/* Every tool (from the registry) and the main actions have a key, listed in the shortcuts
 * window; each of its sections shows without a warning (fatal here). */
static void
test_shortcuts_listed (void)
{
  static const char *const keys[] = {
    "Tab", "<Shift>Tab", "<Control>Tab",                /* the canvas by keyboard */
    "Delete", "c", "Left", "Return", "Escape",
    "F9", "F10", "F11",
    "<Control>o", "<Control>s", "<Control>e", "<Shift><Control>e", "<Control>z",
    "<Shift><Control>z", "<Control>comma", "<Control>question", "<Control>q",
    "s", "n", "m", "d", "<Control>b",
  };
  static const char *const sections[] = { "shortcuts", "files", "preview", "keyboard" };
  HlWindow *window = open_sample ();
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  g_assert_nonnull (overlay);
  collect_accels (GTK_WIDGET (overlay), found);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_hash_table_contains (found, keys[i]))
      g_error ("the shortcuts window does not list %s", keys[i]);
  /* Every tool's key, from the registry. */
  {
    guint n_tools;
    const HlToolInfo *tools = hl_tools_get_all (&n_tools);

    for (guint i = 0; i < n_tools; i++)
      if (!g_hash_table_contains (found, tools[i].key))
        g_error ("the shortcuts window does not list the %s's key %s", tools[i].name, tools[i].key);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_object_set (overlay, "section-name", sections[i], NULL);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/a11y/checker", test_checker);
  g_test_add_func ("/a11y/every-control-named", test_every_control_named);
  g_test_add_func ("/a11y/announced-state", test_announced_state);
  g_test_add_func ("/a11y/shortcuts-listed", test_shortcuts_listed);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
