/* test-accessibility.c
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

#define G_LOG_DOMAIN "test-accessibility"

#include "a11y-check.h"
#include "gui-test-util.h"
#include "tl-tier-card.h"
#include "tl-tier-summary.h"

/* Walks the accessible tree of the window, with the sample accounts
 * open, and of each dialog that an action opens, and checks that every
 * control a user can reach has a name that a screen reader reads. */

/* Checks that every control under @root has a name, and lists those
 * without one. */
static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = NULL;

  gtk_test_widget_wait_for_draw (root);
  unnamed = a11y_check_find_unnamed (root);

  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no accessible name: %s", where, (char *) unnamed->pdata[i]);

  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* Returns the visible window transient for @window that is not one of
 * @before, or NULL. */
static GtkWindow *
find_new_dialog (TlWindow  *window,
                 GPtrArray *before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window)
          && !g_ptr_array_find (before, toplevel, NULL))
        return toplevel;
    }

  return NULL;
}

/* Returns the windows shown: the keyboard shortcuts window exists, hidden,
 * before its action shows it. */
static GPtrArray *
list_shown_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        g_ptr_array_add (list, toplevel);
    }

  return list;
}

/* Opens the dialog of @action, checks its names and closes it. */
static void
check_dialog (TlWindow   *window,
              const char *action)
{
  g_autoptr(GPtrArray) before = list_shown_toplevels ();
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  gui_test_spin_pending ();
  dialog = find_new_dialog (window, before);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return;

  assert_all_named (GTK_WIDGET (dialog), action);

  gtk_window_close (dialog);
  gui_test_spin_pending ();
}

static void
test_accessibility_main_window (void)
{
  TlWindow *window = gui_test_open_sample (1300, 800);

  assert_all_named (GTK_WIDGET (window), "window");

  gui_test_select_name (window, gui_test_get_name_at (window, 0));
  g_assert_true (tl_window_get_show_detail (window));
  assert_all_named (GTK_WIDGET (window), "window with details");

  gui_test_destroy_window (window);
}

/* Adds the accessible labels of @widget and the widgets under it. */
static void
collect_names (GtkWidget *widget,
               GPtrArray *names)
{
  char *label = a11y_check_get_label (widget);

  if (label != NULL)
    g_ptr_array_add (names, label);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_names (child, names);
}

/* Returns the first of @names that starts with @prefix, or NULL. */
static const char *
find_name (GPtrArray  *names,
           const char *prefix)
{
  for (guint i = 0; i < names->len; i++)
    {
      if (g_str_has_prefix (names->pdata[i], prefix))
        return names->pdata[i];
    }

  return NULL;
}

/* Checks that the names of the table's rows and of its colour-coded
 * cells give their meaning in words. */
static void
assert_table_names (TlWindow *window)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *row_prefix = g_strdup_printf ("%s, Tier ", gui_test_get_name_at (window, 0));
  const char *row;

  collect_names (GTK_WIDGET (tl_window_get_column_view (window)), names);

  row = find_name (names, row_prefix);
  g_assert_nonnull (row);
  g_test_message ("First row: %s", row);
  g_assert_true (g_regex_match_simple ("^.+, Tier [1-4] · .+, Health: .+, "
                                       "Expansion potential: .+$", row, 0, 0));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];

      if (g_str_has_prefix (name, "Health: "))
        g_assert_true (g_regex_match_simple ("^Health: (no data|.+, [0-9]+ of 100.*)$",
                                             name, 0, 0));
      if (g_str_has_prefix (name, "Expansion potential: "))
        g_assert_true (g_regex_match_simple ("^Expansion potential: (HIGH|MEDIUM|LOW|no data)$",
                                             name, 0, 0));
    }

  g_assert_nonnull (find_name (names, "Health: "));
  g_assert_nonnull (find_name (names, "Expansion potential: "));
}

/* Checks that the first tier card reads its figures, and that its toggle
 * button reads them through the card. */
static void
assert_tier_card_names (TlWindow *window)
{
  TlTierCard *card = tl_tier_summary_get_card (tl_window_get_tier_summary (window), 1);
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (card));
  g_autofree char *label = a11y_check_get_label (GTK_WIDGET (card));

  g_assert_nonnull (label);
  g_test_message ("Tier card: %s", label);
  g_assert_true (g_regex_match_simple ("^Tier 1 .+: [0-9,]+ accounts?, .+ ARR, [0-9.<]+ % of ARR$",
                                       label, 0, 0));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  g_assert_true (a11y_check_has_name (button));
}

static void
test_accessibility_readings (void)
{
  TlWindow *window = gui_test_open_sample (1300, 800);

  assert_table_names (window);
  assert_tier_card_names (window);

  gui_test_destroy_window (window);
}

static void
test_accessibility_capacity (void)
{
  TlWindow *window = gui_test_open_sample (1300, 800);

  tl_window_set_view (window, "capacity");
  assert_all_named (GTK_WIDGET (window), "capacity view");

  gui_test_destroy_window (window);
}

static void
test_accessibility_dialogs (void)
{
  const char * const actions[] = {
    "win.edit-thresholds",
    "win.edit-health",
    "win.edit-expansion",
    "win.edit-motion",
    "win.choose-columns",
    "win.save-snapshot",
    "win.show-snapshots",
    "win.show-report",
    "win.show-help-overlay",
  };
  TlWindow *window = gui_test_open_sample (1300, 800);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    check_dialog (window, actions[i]);

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* GTK reads the backend when it opens the display: the test backend
   * records the accessible properties for gtk_test_accessible_*(). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_set_nonfatal_assertions ();
  g_test_add_func ("/tierline/accessibility/main-window", test_accessibility_main_window);
  g_test_add_func ("/tierline/accessibility/readings", test_accessibility_readings);
  g_test_add_func ("/tierline/accessibility/capacity", test_accessibility_capacity);
  g_test_add_func ("/tierline/accessibility/dialogs", test_accessibility_dialogs);

  return gui_test_run ();
}
