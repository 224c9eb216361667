/* test-keyboard.c
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

#define G_LOG_DOMAIN "test-keyboard"

#include "gui-test-util.h"
#include "tl-account-detail.h"
#include "tl-capacity-view.h"
#include "tl-filter-bar.h"
#include "tl-tier-summary.h"

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

/* Drives the window with the keyboard. Keys go through the X server's
 * XTest extension, so GTK receives them as it receives typed keys: the
 * tests check what a user who types them gets, through GTK's own focus
 * handling, key bindings and accelerators. */

#define N_ACCOUNTS 12
#define MAX_TABS 400

/* Returns whether keys can be typed into the display's windows. */
static gboolean
can_type_keys (void)
{
#ifdef HAVE_XTEST
  GdkDisplay *display = gdk_display_get_default ();
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;

  return XTestQueryExtension (gdk_x11_display_get_xdisplay (display),
                              &event_base, &error_base, &major, &minor);
#else
  return FALSE;
#endif
}

static gboolean
skip_without_keys (void)
{
  if (can_type_keys ())
    return FALSE;

  g_test_skip ("No XTest extension on this display: keys cannot be typed");
  return TRUE;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Lets GTK handle the events of the next @ms milliseconds. */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  gui_test_spin_until (time_passed, &end, ms + 5000);
  gui_test_spin_pending ();
}

#ifdef HAVE_XTEST
static void
send_key (Display *xdisplay,
          guint    keyval,
          gboolean press)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  g_assert_cmpuint (code, !=, 0);
  XTestFakeKeyEvent (xdisplay, code, press, CurrentTime);
}
#endif

/* Types @keyval with the modifiers @mods into @window, which gets the
 * keyboard focus of the X server first. */
static void
type_key (GtkWindow       *window,
          guint            keyval,
          GdkModifierType  mods)
{
#ifdef HAVE_XTEST
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  if (mods & GDK_CONTROL_MASK)
    send_key (xdisplay, GDK_KEY_Control_L, TRUE);
  if (mods & GDK_SHIFT_MASK)
    send_key (xdisplay, GDK_KEY_Shift_L, TRUE);

  send_key (xdisplay, keyval, TRUE);
  send_key (xdisplay, keyval, FALSE);

  if (mods & GDK_SHIFT_MASK)
    send_key (xdisplay, GDK_KEY_Shift_L, FALSE);
  if (mods & GDK_CONTROL_MASK)
    send_key (xdisplay, GDK_KEY_Control_L, FALSE);
  XSync (xdisplay, False);
  settle (40);
#else
  g_assert_not_reached ();
#endif
}

static TlWindow *
open_window (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");

  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  gtk_window_present (GTK_WINDOW (window));
  settle (100);

  return window;
}

static GtkWidget *
get_focus (GtkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Returns whether the focus of @window is @widget or inside it. */
static gboolean
focus_is_in (GtkWindow *window,
             GtkWidget *widget)
{
  GtkWidget *focus = get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static GtkMenuButton *
find_main_menu_button (TlWindow *window)
{
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)));

  return GTK_MENU_BUTTON (button);
}

/* The widgets that Tab must reach, each with whether it was reached. */
typedef struct
{
  const char *description;
  GtkWidget  *widget;
  gboolean    reached;
} Stop;

/* Types Tab until the focus has been in each of @stops, or MAX_TABS
 * times, and checks that every stop was reached. */
static void
tab_through (TlWindow *window,
             Stop     *stops,
             guint     n_stops)
{
  guint n_reached = 0;

  for (guint tab = 0; tab < MAX_TABS && n_reached < n_stops; tab++)
    {
      type_key (GTK_WINDOW (window), GDK_KEY_Tab, 0);

      for (guint i = 0; i < n_stops; i++)
        {
          if (!stops[i].reached && focus_is_in (GTK_WINDOW (window), stops[i].widget))
            {
              stops[i].reached = TRUE;
              n_reached++;
            }
        }
    }

  for (guint i = 0; i < n_stops; i++)
    {
      if (!stops[i].reached)
        g_test_message ("Tab never reached %s", stops[i].description);
      g_assert_true (stops[i].reached);
    }
}

static GtkWidget *
get_tier_button (TlWindow *window,
                 guint     tier)
{
  TlTierSummary *summary = tl_window_get_tier_summary (window);

  return gtk_widget_get_parent (GTK_WIDGET (tl_tier_summary_get_card (summary, tier)));
}

static void
test_keyboard_tab_accounts (void)
{
  TlWindow *window;
  TlFilterBar *filter_bar;
  GtkWidget *drop_down;

  if (skip_without_keys ())
    return;

  window = open_window ();
  filter_bar = tl_window_get_filter_bar (window);
  drop_down = gui_test_find_widget (GTK_WIDGET (filter_bar), GTK_TYPE_DROP_DOWN);

  {
    Stop stops[] = {
      { "the Open button", gui_test_find_action_button (GTK_WIDGET (window), "win.open") },
      { "the main menu", GTK_WIDGET (find_main_menu_button (window)) },
      { "the first tier card", get_tier_button (window, 1) },
      { "the last tier card", get_tier_button (window, 4) },
      { "the search entry", GTK_WIDGET (tl_filter_bar_get_search_entry (filter_bar)) },
      { "the tier filter", drop_down },
      { "the table", GTK_WIDGET (tl_window_get_column_view (window)) },
    };

    tab_through (window, stops, G_N_ELEMENTS (stops));
  }

  /* Selecting an account opens the detail pane. F9 closes and opens it,
   * and Tab reaches its controls too. */
  gui_test_select_name (window, gui_test_get_name_at (window, 0));
  g_assert_true (tl_window_get_show_detail (window));
  type_key (GTK_WINDOW (window), GDK_KEY_F9, 0);
  g_assert_false (tl_window_get_show_detail (window));
  type_key (GTK_WINDOW (window), GDK_KEY_F9, 0);
  g_assert_true (tl_window_get_show_detail (window));
  settle (300);

  {
    Stop stops[] = {
      { "the detail pane", GTK_WIDGET (tl_window_get_account_detail (window)) },
    };

    tab_through (window, stops, G_N_ELEMENTS (stops));
  }

  gui_test_destroy_window (window);
}

static void
test_keyboard_tab_capacity (void)
{
  TlWindow *window;
  TlCapacityView *capacity;

  if (skip_without_keys ())
    return;

  window = open_window ();
  tl_window_set_view (window, "capacity");
  settle (300);
  capacity = tl_window_get_capacity_view (window);

  {
    Stop stops[] = {
      { "the headcount", gui_test_find_widget (GTK_WIDGET (capacity), GTK_TYPE_SPIN_BUTTON) },
      { "the books table", gui_test_find_widget (GTK_WIDGET (capacity), GTK_TYPE_COLUMN_VIEW) },
    };

    tab_through (window, stops, G_N_ELEMENTS (stops));
  }

  gui_test_destroy_window (window);
}

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui_test_app),
                                                                action);

  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_keyboard_accelerators (void)
{
  TlWindow *window;
  TlFilterBar *filter_bar;
  GtkMenuButton *menu_button;
  GtkPopover *menu;

  assert_accel ("win.open", "<Control>o");
  assert_accel ("win.export", "<Control>e");

  if (skip_without_keys ())
    return;

  window = open_window ();
  filter_bar = tl_window_get_filter_bar (window);
  gtk_widget_grab_focus (GTK_WIDGET (tl_window_get_column_view (window)));

  /* Ctrl+F moves to the search entry. */
  type_key (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_is_in (GTK_WINDOW (window),
                              GTK_WIDGET (tl_filter_bar_get_search_entry (filter_bar))));

  /* F10 opens the main menu, and Escape closes it. */
  menu_button = find_main_menu_button (window);
  menu = gtk_menu_button_get_popover (menu_button);
  g_assert_false (menu != NULL && gtk_widget_get_visible (GTK_WIDGET (menu)));
  type_key (GTK_WINDOW (window), GDK_KEY_F10, 0);
  menu = gtk_menu_button_get_popover (menu_button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  type_key (GTK_WINDOW (window), GDK_KEY_Escape, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (menu)));

  gui_test_destroy_window (window);
}

/* The tier filter opens with Space, and the arrows and Enter choose. */
static void
test_keyboard_drop_down (void)
{
  TlWindow *window;
  TlFilterBar *filter_bar;
  GtkWidget *drop_down;

  if (skip_without_keys ())
    return;

  window = open_window ();
  filter_bar = tl_window_get_filter_bar (window);
  drop_down = gui_test_find_widget (GTK_WIDGET (filter_bar), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (tl_filter_bar_get_tier (filter_bar), ==, 0);

  gtk_widget_grab_focus (drop_down);
  type_key (GTK_WINDOW (window), GDK_KEY_space, 0);
  settle (100);
  type_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  type_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  settle (300);

  g_assert_cmpuint (tl_filter_bar_get_tier (filter_bar), ==, 1);
  g_assert_cmpuint (gui_test_get_n_shown (window), <, N_ACCOUNTS);

  gui_test_destroy_window (window);
}

/* Returns the visible popover menu under @widget, or NULL. */
static GtkWidget *
find_open_menu (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_visible (child))
        return child;

      found = find_open_menu (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns whether the focus is on the menu item that reads @text. */
static gboolean
focus_is_item (TlWindow   *window,
               const char *text)
{
  GtkWidget *focus = get_focus (GTK_WINDOW (window));
  g_autofree char *focus_text = NULL;

  if (focus == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (focus), "text") == NULL)
    return FALSE;

  g_object_get (focus, "text", &focus_text, NULL);

  return g_strcmp0 (focus_text, text) == 0;
}

/* Opens the table's context menu with Shift+F10, moves down to the item
 * that reads @text with the arrow keys and activates it with Enter. */
static void
choose_from_table_menu (TlWindow   *window,
                        const char *text)
{
  GtkWidget *menu;
  guint moves = 0;

  gtk_widget_grab_focus (GTK_WIDGET (tl_window_get_column_view (window)));
  type_key (GTK_WINDOW (window), GDK_KEY_F10, GDK_SHIFT_MASK);
  menu = find_open_menu (GTK_WIDGET (window));
  g_assert_nonnull (menu);

  while (!focus_is_item (window, text) && moves++ < 20)
    type_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  g_assert_true (focus_is_item (window, text));

  type_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  settle (100);
  g_assert_false (gtk_widget_get_visible (menu));
}

static void
assert_names_sorted (TlWindow *window,
                     gboolean  descending)
{
  for (guint i = 0; i + 1 < gui_test_get_n_shown (window); i++)
    {
      int order = g_utf8_collate (gui_test_get_name_at (window, i),
                                  gui_test_get_name_at (window, i + 1));

      g_assert_cmpint (descending ? -order : order, <=, 0);
    }
}

static char *
get_sort_key (TlWindow *window)
{
  char *key = NULL;

  g_object_get (window, "sort-key", &key, NULL);

  return key;
}

static gboolean
get_sort_descending (TlWindow *window)
{
  gboolean descending;

  g_object_get (window, "sort-descending", &descending, NULL);

  return descending;
}

/* The table's context menu sorts by any column, in either direction. */
static void
test_keyboard_sort_menu (void)
{
  TlWindow *window;
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;

  if (skip_without_keys ())
    return;

  window = open_window ();
  key = get_sort_key (window);
  g_assert_cmpstr (key, ==, "arr");
  g_assert_true (get_sort_descending (window));

  /* A name column starts from A, whatever the direction before. */
  choose_from_table_menu (window, "Account");
  name_key = get_sort_key (window);
  g_assert_cmpstr (name_key, ==, "name");
  g_assert_false (get_sort_descending (window));
  assert_names_sorted (window, FALSE);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Bramblewood Studios");

  /* The focus goes back to the table, not to the next control. */
  g_assert_true (focus_is_in (GTK_WINDOW (window),
                              GTK_WIDGET (tl_window_get_column_view (window))));

  choose_from_table_menu (window, "Descending");
  g_assert_true (get_sort_descending (window));
  assert_names_sorted (window, TRUE);
  g_assert_true (focus_is_in (GTK_WINDOW (window),
                              GTK_WIDGET (tl_window_get_column_view (window))));

  gui_test_destroy_window (window);
}

/* Returns whether @model or a menu linked from it has an item of
 * @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_str_equal (item_action, action))
        return TRUE;

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The main menu's Sort Table item opens the table's menu. After a sort
 * chosen there, keys still reach the window: Ctrl+F focuses the search. */
static void
test_keyboard_main_menu_sort (void)
{
  TlWindow *window;
  TlFilterBar *filter_bar;
  GMenuModel *menu;
  GtkWidget *table_menu;
  guint moves = 0;
  g_autofree char *key = NULL;

  if (skip_without_keys ())
    return;

  window = open_window ();
  filter_bar = tl_window_get_filter_bar (window);
  menu = gtk_menu_button_get_menu_model (find_main_menu_button (window));
  g_assert_true (menu_has_action (menu, "win.show-table-menu"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table-menu", NULL);
  settle (100);
  table_menu = find_open_menu (GTK_WIDGET (window));
  g_assert_nonnull (table_menu);
  while (!focus_is_item (window, "Owner") && moves++ < 20)
    type_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  type_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  settle (100);

  key = get_sort_key (window);
  g_assert_cmpstr (key, ==, "owner");
  type_key (GTK_WINDOW (window), GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (focus_is_in (GTK_WINDOW (window),
                              GTK_WIDGET (tl_filter_bar_get_search_entry (filter_bar))));

  gui_test_destroy_window (window);
}

/* Returns the visible window transient for @window, or NULL. */
static GtkWindow *
find_dialog (TlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

/* Opens the dialog of @action and closes it with Escape. A dialog with an
 * Apply button makes it the default, which Enter activates. */
static void
check_dialog_keys (TlWindow   *window,
                   const char *action,
                   gboolean    has_apply)
{
  GtkWindow *dialog;
  GtkWidget *apply;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  settle (200);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);

  apply = gtk_window_get_default_widget (dialog);
  if (has_apply)
    {
      g_assert_true (GTK_IS_BUTTON (apply));
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (apply)), ==, "_Apply");
    }

  type_key (dialog, GDK_KEY_Escape, 0);
  settle (200);
  g_assert_null (find_dialog (window));
}

/* Enter in a number field of the health dialog applies it, as Enter in
 * a text field of the thresholds dialog does. */
static void
test_keyboard_enter_in_number_field (void)
{
  TlWindow *window;
  GtkWindow *dialog;
  GtkWidget *spin;

  if (skip_without_keys ())
    return;

  window = open_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-health", NULL);
  settle (200);
  dialog = find_dialog (window);
  g_assert_nonnull (dialog);

  spin = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin);
  type_key (dialog, GDK_KEY_Tab, 0);
  gtk_widget_grab_focus (spin);
  settle (100);
  g_assert_true (focus_is_in (dialog, spin));
  type_key (dialog, GDK_KEY_Return, 0);
  settle (300);
  g_assert_null (find_dialog (window));

  gui_test_destroy_window (window);
}

static void
test_keyboard_dialogs (void)
{
  const struct {
    const char *action;
    gboolean    has_apply;
  } dialogs[] = {
    { "win.edit-thresholds", TRUE },
    { "win.edit-health", TRUE },
    { "win.edit-expansion", TRUE },
    { "win.edit-motion", TRUE },
    { "win.choose-columns", TRUE },
    { "win.save-snapshot", FALSE },
    { "win.show-snapshots", FALSE },
    { "win.show-report", FALSE },
  };
  TlWindow *window;

  if (skip_without_keys ())
    return;

  window = open_window ();

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_test_message ("Dialog of %s", dialogs[i].action);
      check_dialog_keys (window, dialogs[i].action, dialogs[i].has_apply);
    }

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/keyboard/accelerators", test_keyboard_accelerators);
  g_test_add_func ("/tierline/keyboard/tab-accounts", test_keyboard_tab_accounts);
  g_test_add_func ("/tierline/keyboard/tab-capacity", test_keyboard_tab_capacity);
  g_test_add_func ("/tierline/keyboard/drop-down", test_keyboard_drop_down);
  g_test_add_func ("/tierline/keyboard/sort-menu", test_keyboard_sort_menu);
  g_test_add_func ("/tierline/keyboard/main-menu-sort", test_keyboard_main_menu_sort);
  g_test_add_func ("/tierline/keyboard/dialogs", test_keyboard_dialogs);
  g_test_add_func ("/tierline/keyboard/enter-in-number-field",
                   test_keyboard_enter_in_number_field);

  return gui_test_run ();
}
