/* test-shortcuts.c: the shortcuts window (Ctrl+?) lists every keyboard
 * shortcut the application sets: the accelerators set with
 * gtk_application_set_accels_for_action() (and GTK's own Ctrl+? for the
 * window), and the key bindings the project's widget classes add
 * (gtk_widget_class_add_binding*), read back from a real window's shortcut
 * controllers. Every accelerator the window lists parses, and the keyboard
 * cursor's keys are there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hl-application.h"
#include "hl-gui-test-util.h"
#include "hl-window.h"

#define OVERLAY "/org/hairlinestudio/HairlineStudio/gtk/help-overlay.ui"
#define MODS (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)

static HlApplication *app;

/* The keypad's arrows, Enter, plus and minus are bound beside the main
 * keys and shown as those. */
static guint
main_key (guint keyval)
{
  const char *name = gdk_keyval_name (keyval);
  guint other;

  if (name == NULL || !g_str_has_prefix (name, "KP_"))
    return keyval;
  if (g_str_equal (name, "KP_Enter"))
    return GDK_KEY_Return;
  if (g_str_equal (name, "KP_Add"))
    return GDK_KEY_plus;
  if (g_str_equal (name, "KP_Subtract"))
    return GDK_KEY_minus;
  other = gdk_keyval_from_name (name + 3);
  return other != GDK_KEY_VoidSymbol ? other : keyval;
}

/* "keyval/mods" for a set (transfer full). */
static char *
key_of (guint           keyval,
        GdkModifierType mods)
{
  g_autofree char *name = gtk_accelerator_name (gdk_keyval_to_lower (main_key (keyval)), mods & MODS);

  return g_steal_pointer (&name);
}

/* Adds accelerator @text of a GtkShortcutsShortcut to @set: alternatives
 * separated by spaces, "<Alt>1...9" a range. */
static void
add_listed (GHashTable *set,
            const char *text)
{
  g_auto(GStrv) tokens = g_strsplit (text, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *dots = strstr (tokens[i], "...");
      guint first, last;
      GdkModifierType mods, end_mods;

      if (tokens[i][0] == '\0')
        continue;
      if (dots != NULL)
        {
          g_autofree char *from = g_strndup (tokens[i], (gsize) (dots - tokens[i]));

          g_assert_true (gtk_accelerator_parse (from, &first, &mods));
          g_assert_true (gtk_accelerator_parse (dots + 3, &last, &end_mods));
          g_assert_cmpuint (first, <=, last);
        }
      else
        {
          /* A typo in the window would show nothing. */
          if (!gtk_accelerator_parse (tokens[i], &first, &mods))
            g_error ("the shortcuts window lists “%s”, which is no accelerator", tokens[i]);
          last = first;
        }
      for (guint k = first; k <= last; k++)
        g_hash_table_add (set, key_of (k, mods));
    }
}

/* Every accelerator the shortcuts window lists (a set of key_of()). */
static GHashTable *
listed_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (OVERLAY);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL)
          add_listed (set, accelerator);
        n++;
      }
  g_test_message ("%u shortcuts listed, %u keys", n, g_hash_table_size (set));
  g_assert_cmpuint (n, >, 40);
  {
    GtkWindow *window = gtk_builder_get_object (builder, "help_overlay") != NULL
                        ? GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")) : NULL;

    g_assert_nonnull (window);
    gtk_window_destroy (window);
  }
  return set;
}

static void
assert_listed (GHashTable *set,
               const char *key,
               const char *what)
{
  if (!g_hash_table_contains (set, key))
    g_error ("%s is bound to %s, which the shortcuts window does not list", what, key);
}

/* The application's accelerators. */
static void
test_application_accels (void)
{
  g_autoptr(GHashTable) set = listed_accelerators ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  guint n = 0;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint k = 0; accels[k] != NULL; k++)
        {
          guint keyval;
          GdkModifierType mods;
          g_autofree char *key = NULL;

          g_assert_true (gtk_accelerator_parse (accels[k], &keyval, &mods));
          key = key_of (keyval, mods);
          g_test_message ("%s: %s", actions[i], key);
          assert_listed (set, key, actions[i]);
          n++;
        }
    }
  /* Open, Preferences, Quit, and GTK's Ctrl+? for this window. */
  g_assert_cmpuint (n, >=, 4);
}

/* The key bindings of a widget's class, from its shortcut controllers:
 * adds "key → what" to @found. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *found)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          g_hash_table_insert (found,
                               key_of (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               g_strdup_printf ("%s %s", G_OBJECT_TYPE_NAME (widget),
                                                GTK_IS_NAMED_ACTION (action)
                                                ? gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))
                                                : "(callback)"));
        }
    }
}

/* The project's own widgets (Hl…) in @widget's tree: their bindings but
 * those their toolkit parent class already has (GtkWindow's focus moves,
 * Enter for the default widget, the inspector), read from an instance of
 * that class. */
static void
collect_tree (GtkWidget  *widget,
              GHashTable *found)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Hl"))
    {
      g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GType parent = g_type_parent (G_OBJECT_TYPE (widget));
      GHashTableIter iter;
      gpointer key, what;

      collect_bindings (widget, own);
      while (g_str_has_prefix (g_type_name (parent), "Hl"))
        parent = g_type_parent (parent);
      if (!G_TYPE_IS_ABSTRACT (parent))
        {
          GtkWidget *base = g_object_ref_sink (g_object_new (parent, NULL));
          g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

          collect_bindings (base, inherited);
          g_hash_table_iter_init (&iter, own);
          while (g_hash_table_iter_next (&iter, &key, &what))
            if (g_hash_table_contains (inherited, key) && g_str_has_suffix (what, "(callback)"))
              g_hash_table_iter_remove (&iter);
          if (GTK_IS_WINDOW (base))
            gtk_window_destroy (GTK_WINDOW (base));
          g_object_unref (base);
        }
      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &key, &what))
        {
          g_hash_table_iter_steal (&iter);
          g_hash_table_replace (found, key, what);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_tree (child, found);
}

/* The window's key bindings: tools, files, views, the client preview, the
 * zoom; the canvas's (the loupe). */
static void
test_window_bindings (void)
{
  g_autoptr(GHashTable) set = listed_accelerators ();
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *path = hl_gui_sample_file ("front-consultation.json");
  HlWindow *window = hl_gui_open_window (GTK_APPLICATION (app), path, 1100, 700);
  GHashTableIter iter;
  gpointer key, what;
  const char *expected[] = { "<Shift><Control>s", "<Control>w", "<Control>i", "<Control>e", "<Control>t",
                             "v", "F9", "<Alt>1", "<Alt>9", "<Control>l", "F11" };

  collect_tree (GTK_WIDGET (window), found);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &what))
    {
      g_test_message ("%s: %s", (const char *) key, (const char *) what);
      assert_listed (set, key, what);
    }
  /* The bindings were read, not nothing: Save As, Close Window, the
   * record, export, the template, a tool, the panel, the views, the
   * loupe, full screen. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint keyval;
      GdkModifierType mods;
      g_autofree char *k = NULL;

      g_assert_true (gtk_accelerator_parse (expected[i], &keyval, &mods));
      k = key_of (keyval, mods);
      if (!g_hash_table_contains (found, k))
        g_error ("no binding read for %s", k);
    }
  g_assert_cmpuint (g_hash_table_size (found), >=, 40);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The canvas's keyboard cursor is a key handler, not a binding: its keys
 * are listed by hand, and checked here. */
static void
test_keyboard_cursor (void)
{
  g_autoptr(GHashTable) set = listed_accelerators ();
  const char *keys[] = { "Left", "Right", "Up", "Down", "<Shift>Left", "<Shift>Right", "<Shift>Up", "<Shift>Down",
                         "Return" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      guint keyval;
      GdkModifierType mods;
      g_autofree char *k = NULL;

      g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &mods));
      k = key_of (keyval, mods);
      assert_listed (set, k, "the keyboard cursor");
    }
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

  g_test_add_func ("/shortcuts/application-accels", test_application_accels);
  g_test_add_func ("/shortcuts/window-bindings", test_window_bindings);
  g_test_add_func ("/shortcuts/keyboard-cursor", test_keyboard_cursor);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
