/* test-shortcuts.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-shortcuts"

#include <string.h>

#include "gui-test-util.h"

/* Compares the keyboard shortcuts window (ui/gtk/help-overlay.ui) with
 * the keys that the program binds. Those are the accelerators of the
 * application, and the key bindings that Tierline's own widget classes
 * install for a named action with gtk_widget_class_add_binding_action.
 * The bindings that the classes inherit from GTK and libadwaita call
 * signals, not named actions, and are left out. */

#define HELP_OVERLAY_RESOURCE "/io/github/tierline/Tierline/gtk/help-overlay.ui"
#define CLASS_SHORTCUTS       "gtk-widget-class-shortcuts"

typedef struct
{
  guint            keyval;
  GdkModifierType  modifiers;
  char            *action;  /* detailed action name */
  gboolean         from_application;
} Accel;

static void
accel_free (gpointer data)
{
  Accel *accel = data;

  g_free (accel->action);
  g_free (accel);
}

static void
add_accel (GPtrArray       *accels,
           guint            keyval,
           GdkModifierType  modifiers,
           const char      *action,
           gboolean         from_application)
{
  Accel *accel = g_new0 (Accel, 1);

  accel->keyval = gdk_keyval_to_lower (keyval);
  accel->modifiers = modifiers & gtk_accelerator_get_default_mod_mask ();
  accel->action = g_strdup (action);
  accel->from_application = from_application;
  g_ptr_array_add (accels, accel);
}

static char *
accel_to_string (const Accel *accel)
{
  return gtk_accelerator_name (accel->keyval, accel->modifiers);
}

static gboolean
accel_matches (const Accel     *accel,
               guint            keyval,
               GdkModifierType  modifiers)
{
  return accel->keyval == gdk_keyval_to_lower (keyval)
         && accel->modifiers == (modifiers & gtk_accelerator_get_default_mod_mask ());
}

static void
collect_application_accels (GPtrArray *accels)
{
  GtkApplication *application = GTK_APPLICATION (gui_test_app);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (application);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) names = gtk_application_get_accels_for_action (application, actions[i]);

      for (guint j = 0; names[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (names[j], &keyval, &modifiers));
          add_accel (accels, keyval, modifiers, actions[i], TRUE);
        }
    }
}

/* Adds the key triggers of @trigger, which may be an alternative of
 * several. */
static void
add_trigger (GPtrArray          *accels,
             GtkShortcutTrigger *trigger,
             const char         *action)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkAlternativeTrigger *alternative = GTK_ALTERNATIVE_TRIGGER (trigger);

      add_trigger (accels, gtk_alternative_trigger_get_first (alternative), action);
      add_trigger (accels, gtk_alternative_trigger_get_second (alternative), action);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      GtkKeyvalTrigger *key = GTK_KEYVAL_TRIGGER (trigger);

      add_accel (accels, gtk_keyval_trigger_get_keyval (key),
                 gtk_keyval_trigger_get_modifiers (key), action, FALSE);
    }
}

static void
collect_class_bindings (GtkEventController *controller,
                        GPtrArray          *accels)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

      if (GTK_IS_NAMED_ACTION (action))
        add_trigger (accels, gtk_shortcut_get_trigger (shortcut),
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
    }
}

/* Adds the key bindings of the Tierline widgets in @widget's tree. */
static void
collect_widget_bindings (GtkWidget *widget,
                         GPtrArray *accels)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Tl"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_SHORTCUT_CONTROLLER (controller)
              && g_strcmp0 (gtk_event_controller_get_name (controller), CLASS_SHORTCUTS) == 0)
            collect_class_bindings (controller, accels);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_bindings (child, accels);
}

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

typedef struct
{
  TlWindow  *window;
  GPtrArray *accels;     /* of Accel */
  GPtrArray *shortcuts;  /* of GtkShortcutsShortcut */
  GPtrArray *groups;     /* of GtkShortcutsGroup */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  GtkShortcutsWindow *overlay;

  fixture->window = gui_test_open_window ("gui-accounts.csv");
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_assert_nonnull (overlay);

  fixture->accels = g_ptr_array_new_with_free_func (accel_free);
  collect_application_accels (fixture->accels);
  collect_widget_bindings (GTK_WIDGET (fixture->window), fixture->accels);

  /* The window's search page contains copies of the shortcuts, so only
   * the sections are searched. */
  collect_of_type (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SECTION, sections);
  g_assert_cmpuint (sections->len, >, 0);
  fixture->shortcuts = g_ptr_array_new ();
  fixture->groups = g_ptr_array_new ();
  for (guint i = 0; i < sections->len; i++)
    {
      collect_of_type (sections->pdata[i], GTK_TYPE_SHORTCUTS_SHORTCUT, fixture->shortcuts);
      collect_of_type (sections->pdata[i], GTK_TYPE_SHORTCUTS_GROUP, fixture->groups);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->accels, g_ptr_array_unref);
  g_clear_pointer (&fixture->shortcuts, g_ptr_array_unref);
  g_clear_pointer (&fixture->groups, g_ptr_array_unref);
  gui_test_destroy_window (fixture->window);
}

static char *
get_string (gpointer    object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* Whether the "accelerator" property of @shortcut names the key of
 * @accel among its space-separated accelerators. */
static gboolean
lists_key (GtkShortcutsShortcut *shortcut,
           const Accel          *accel)
{
  g_autofree char *accelerator = get_string (shortcut, "accelerator");
  g_auto(GStrv) names = NULL;

  if (accelerator == NULL)
    return FALSE;

  names = g_strsplit (accelerator, " ", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      if (gtk_accelerator_parse (names[i], &keyval, &modifiers)
          && accel_matches (accel, keyval, modifiers))
        return TRUE;
    }

  return FALSE;
}

/* Whether the window shows @accel: an application accelerator through its
 * action, any key through the accelerator itself. */
static gboolean
shows_accel (Fixture     *fixture,
             const Accel *accel)
{
  for (guint i = 0; i < fixture->shortcuts->len; i++)
    {
      GtkShortcutsShortcut *shortcut = fixture->shortcuts->pdata[i];
      g_autofree char *action = get_string (shortcut, "action-name");

      if (accel->from_application && g_strcmp0 (action, accel->action) == 0)
        return TRUE;
      if (lists_key (shortcut, accel))
        return TRUE;
    }

  return FALSE;
}

static void
test_every_accel_listed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_assert_cmpuint (fixture->accels->len, >, 0);

  for (guint i = 0; i < fixture->accels->len; i++)
    {
      const Accel *accel = fixture->accels->pdata[i];

      if (!shows_accel (fixture, accel))
        {
          g_autofree char *name = accel_to_string (accel);

          g_error ("%s (%s) is missing from the shortcuts window", name, accel->action);
        }
    }
}

static gboolean
is_real_key (Fixture         *fixture,
             guint            keyval,
             GdkModifierType  modifiers)
{
  for (guint i = 0; i < fixture->accels->len; i++)
    {
      if (accel_matches (fixture->accels->pdata[i], keyval, modifiers))
        return TRUE;
    }

  return FALSE;
}

static void
assert_real_action (const char *title,
                    const char *action)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui_test_app),
                                                                action);

  if (accels[0] == NULL)
    g_error ("\"%s\" shows %s, which has no accelerator", title, action);
}

static void
assert_real_keys (Fixture    *fixture,
                  const char *title,
                  const char *accelerator)
{
  g_auto(GStrv) names = g_strsplit (accelerator, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      if (!gtk_accelerator_parse (names[i], &keyval, &modifiers))
        g_error ("\"%s\" shows %s, which GTK cannot parse", title, names[i]);
      if (!is_real_key (fixture, keyval, modifiers))
        g_error ("\"%s\" shows %s, which nothing binds", title, names[i]);
    }
}

static void
test_every_listed_is_real (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_cmpuint (fixture->shortcuts->len, >, 0);

  for (guint i = 0; i < fixture->shortcuts->len; i++)
    {
      GtkShortcutsShortcut *shortcut = fixture->shortcuts->pdata[i];
      g_autofree char *title = get_string (shortcut, "title");
      g_autofree char *action = get_string (shortcut, "action-name");
      g_autofree char *accelerator = get_string (shortcut, "accelerator");

      g_assert_nonnull (title);
      if (action == NULL && accelerator == NULL)
        g_error ("\"%s\" shows no key", title);
      if (action != NULL)
        assert_real_action (title, action);
      if (accelerator != NULL)
        assert_real_keys (fixture, title, accelerator);
    }
}

/* Every group and shortcut has a title, marked for translation in the
 * window's UI file. */
static void
test_titles_translatable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  guint n_titles = 0;
  guint n_translatable = 0;

  g_assert_cmpuint (fixture->groups->len, >=, 2);
  for (guint i = 0; i < fixture->groups->len; i++)
    {
      g_autofree char *title = get_string (fixture->groups->pdata[i], "title");

      g_assert_nonnull (title);
    }

  bytes = g_resources_lookup_data (HELP_OVERLAY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, NULL);

  for (const char *p = text; (p = strstr (p, "<property name=\"title\"")) != NULL; p++)
    {
      n_titles++;
      n_translatable += g_str_has_prefix (p, "<property name=\"title\" translatable=\"yes\"");
    }

  g_assert_cmpuint (n_titles, ==, fixture->shortcuts->len + fixture->groups->len);
  g_assert_cmpuint (n_translatable, ==, n_titles);
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
time_reached (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* The window's own action opens it. */
static void
test_overlay_opens (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkShortcutsWindow *overlay;
  gint64 settled;

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL);
  gui_test_spin_until (is_visible, overlay, 5000);
  gtk_window_close (GTK_WINDOW (overlay));
  gui_test_spin_until (is_hidden, overlay, 5000);

  /* The X server's events for the overlay's surface must arrive before
   * the window and its overlay are destroyed: GTK 4.8 otherwise handled
   * one for the destroyed overlay in about one run in ten under Xvfb. */
  settled = g_get_monotonic_time () + 300 * 1000;
  gui_test_spin_until (time_reached, &settled, 5000);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/shortcuts/every-accel-listed", Fixture, NULL,
              fixture_set_up, test_every_accel_listed, fixture_tear_down);
  g_test_add ("/shortcuts/every-listed-is-real", Fixture, NULL,
              fixture_set_up, test_every_listed_is_real, fixture_tear_down);
  g_test_add ("/shortcuts/titles-translatable", Fixture, NULL,
              fixture_set_up, test_titles_translatable, fixture_tear_down);
  g_test_add ("/shortcuts/overlay-opens", Fixture, NULL,
              fixture_set_up, test_overlay_opens, fixture_tear_down);

  return gui_test_run ();
}
