/* test-filters.c
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


#define G_LOG_DOMAIN "test-filters"

#include "gui-test-util.h"

/* The search entry, the filters and the tier cards, driven through the
 * window over tests/data/gui-accounts.csv. Its 12 accounts, by the
 * default model (tier bounds $250K, $50K and $10K; no adoption column,
 * so every score is out of the other 80 points):
 *
 *   account               tier  health        expansion  owner
 *   Northgate Logistics   1     94 Healthy    HIGH       Dana Whitley
 *   Copperleaf Health     1     35 Critical   MEDIUM     Ravi Anand
 *   Bramblewood Studios   2     90 Healthy    HIGH       Dana Whitley
 *   Quillfeather Labs     2     22 Critical   LOW        Mei Tanaka
 *   Saltmarsh Analytics   2     67 Stable     MEDIUM     Ravi Anand
 *   Juniper Ridge Bank    3     43 At Risk    LOW        Mei Tanaka
 *   Oakhurst Dental       3     97 Healthy    HIGH       Dana Whitley
 *   Pebblebrook Farms     3     47 At Risk    LOW        Ravi Anand
 *   Tidewater Books       4      3 Critical   LOW        Mei Tanaka
 *   Larkspur Cafe         4     88 Healthy    MEDIUM     (none)
 *   Fennel and Finch      4     no score      LOW        Dana Whitley
 *   Moss Hollow Co-op     none  90 Healthy    MEDIUM     Ravi Anand
 *
 * The table lists them by ARR, largest first, in the order above. A
 * plain growth of 1 reads as 1 %, so Juniper Ridge Bank fires no signal. */

#define N_ACCOUNTS 12
#define STATUS_TAIL " · 1 cell not read · 1 account needs data"

static void
assert_names (TlWindow           *window,
              const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_cmpuint (gui_test_get_n_shown (window), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (gui_test_get_name_at (window, i), ==, expected[i]);
}

static void
assert_status (TlWindow   *window,
               const char *start)
{
  g_autofree char *expected = g_strconcat (start, STATUS_TAIL, NULL);

  g_assert_cmpstr (tl_window_get_status (window), ==, expected);
}

typedef struct
{
  TlWindow *window;
  guint     n_shown;
} ShownCount;

static gboolean
shows_count (gpointer data)
{
  ShownCount *count = data;

  return gui_test_get_n_shown (count->window) == count->n_shown;
}

/* Types @text into the search entry and waits until the table shows
 * @n_shown accounts. */
static void
search (TlWindow   *window,
        const char *text,
        guint       n_shown)
{
  GtkSearchEntry *entry = tl_filter_bar_get_search_entry (tl_window_get_filter_bar (window));
  ShownCount count = { window, n_shown };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gui_test_spin_until (shows_count, &count, 5000);
}

static void
test_filters_search_owner (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  GtkSearchEntry *entry = tl_filter_bar_get_search_entry (tl_window_get_filter_bar (window));
  AdwViewSwitcherTitle *title;
  const char *subtitle;
  const char * const dana[] = {
    "Northgate Logistics", "Bramblewood Studios", "Oakhurst Dental", "Fennel and Finch", NULL
  };
  g_autoptr(GPtrArray) cells = NULL;

  title = ADW_VIEW_SWITCHER_TITLE (adw_header_bar_get_title_widget (
    ADW_HEADER_BAR (gtk_widget_get_first_child (gtk_widget_get_first_child (
      gtk_window_get_child (GTK_WINDOW (window)))))));
  subtitle = adw_view_switcher_title_get_subtitle (title);
  g_assert_true (g_str_has_prefix (subtitle, "12 accounts · "));

  /* The search waits for a pause in typing before it filters. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "dana");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  search (window, "dana", 4);

  /* The owner matches, ignoring case, and the ARR order stays. */
  assert_names (window, dana);
  assert_status (window, "4 of 12 accounts shown");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, subtitle);
  g_assert_false (tl_window_shows_no_match (window));

  /* The table draws those four rows and no other. */
  cells = gui_test_collect_cells (window);
  g_assert_cmpuint (cells->len, ==, 4);
  for (guint i = 0; i < cells->len; i++)
    g_assert_cmpstr (g_ptr_array_index (cells, i), ==, dana[i]);

  /* The id and the name match too. */
  search (window, "acc-07", 1);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Oakhurst Dental");
  search (window, "LARKSPUR", 1);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Larkspur Cafe");

  /* Escape in the entry clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  assert_status (window, "12 accounts");

  gui_test_destroy_window (window);
}

static void
test_filters_combined (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  TlFilterBar *bar = tl_window_get_filter_bar (window);
  const char * const low[] = { "Quillfeather Labs", "Juniper Ridge Bank", "Pebblebrook Farms",
                               "Tidewater Books", "Fennel and Finch", NULL };
  const char * const critical[] = { "Quillfeather Labs", "Tidewater Books", NULL };
  const char * const tier_2[] = { "Quillfeather Labs", NULL };
  const char * const high[] = { "Northgate Logistics", "Bramblewood Studios",
                                "Oakhurst Dental", NULL };

  tl_filter_bar_set_expansion (bar, TL_FILTER_EXPANSION_LOW);
  assert_names (window, low);
  assert_status (window, "5 of 12 accounts shown");

  tl_filter_bar_set_health (bar, 1 + TL_HEALTH_CRITICAL);
  assert_names (window, critical);
  tl_filter_bar_set_tier (bar, 2);
  assert_names (window, tier_2);
  assert_status (window, "1 of 12 accounts shown");
  /* The tier drop-down and the card of tier 2 agree. */
  g_assert_cmpuint (tl_tier_summary_get_filter_tier (tl_window_get_tier_summary (window)), ==, 2);

  /* A search narrows the same filters further, down to nothing. */
  search (window, "mei", 1);
  search (window, "dana", 0);
  g_assert_true (tl_window_shows_no_match (window));
  assert_status (window, "0 of 12 accounts shown");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  g_assert_false (tl_window_shows_no_match (window));
  g_assert_cmpuint (tl_tier_summary_get_filter_tier (tl_window_get_tier_summary (window)), ==, 0);
  assert_status (window, "12 accounts");

  /* The other choices of each drop-down. */
  tl_filter_bar_set_expansion (bar, TL_FILTER_EXPANSION_HIGH);
  assert_names (window, high);
  tl_filter_bar_set_expansion (bar, TL_FILTER_ALL);
  tl_filter_bar_set_tier (bar, TL_FILTER_TIER_NEEDS_DATA);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 1);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Moss Hollow Co-op");
  tl_filter_bar_set_tier (bar, TL_FILTER_ALL);
  tl_filter_bar_set_health (bar, 1 + TL_HEALTH_NONE);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 1);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Fennel and Finch");

  gui_test_destroy_window (window);
}

static void
test_filters_tier_card (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  TlTierSummary *summary = tl_window_get_tier_summary (window);
  TlFilterBar *bar = tl_window_get_filter_bar (window);
  GtkWidget *card_1 = gtk_widget_get_parent (GTK_WIDGET (tl_tier_summary_get_card (summary, 1)));
  GtkWidget *card_4 = gtk_widget_get_parent (GTK_WIDGET (tl_tier_summary_get_card (summary, 4)));
  const char * const tier_1[] = { "Northgate Logistics", "Copperleaf Health", NULL };
  const char * const tier_4[] = { "Tidewater Books", "Larkspur Cafe", "Fennel and Finch", NULL };

  g_assert_true (GTK_IS_TOGGLE_BUTTON (card_1));

  /* A click on a card filters by its tier and shows the card pressed. */
  g_signal_emit_by_name (card_1, "clicked");
  assert_names (window, tier_1);
  assert_status (window, "2 of 12 accounts shown");
  g_assert_cmpuint (tl_filter_bar_get_tier (bar), ==, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_1)));

  /* A click on another card moves the filter there. */
  g_signal_emit_by_name (card_4, "clicked");
  assert_names (window, tier_4);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_1)));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_4)));

  /* A second click on the same card clears the tier filter. */
  g_signal_emit_by_name (card_4, "clicked");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  g_assert_cmpuint (tl_filter_bar_get_tier (bar), ==, TL_FILTER_ALL);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_4)));
  assert_status (window, "12 accounts");

  /* The tier drop-down presses the card too, and so does the action. */
  tl_filter_bar_set_tier (bar, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_1)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-tier", "u", 1);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (card_1)));

  gui_test_destroy_window (window);
}

static void
test_filters_keep_selection (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  guint northgate = gui_test_find_row (window, "Northgate Logistics");
  g_autoptr(GPtrArray) cells = NULL;

  gui_test_select_name (window, "Northgate Logistics");
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==, northgate);

  /* A sort keeps it selected, now far down the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "name", TRUE);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, northgate);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Tidewater Books");

  /* A filter that keeps it keeps it selected, in the sort order. */
  search (window, "dana", 4);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Oakhurst Dental");
  g_assert_cmpstr (gui_test_get_name_at (window, 1), ==, "Northgate Logistics");
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, northgate);
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==, northgate);
  cells = gui_test_collect_cells (window);
  g_assert_cmpstr (g_ptr_array_index (cells, 1), ==, "Northgate Logistics");

  /* A filter that hides it leaves nothing selected and the pane empty. */
  tl_filter_bar_set_tier (tl_window_get_filter_bar (window), 4);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 1);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, G_MAXUINT);
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==, G_MAXUINT);
  g_assert_true (tl_window_get_show_detail (window));

  /* Clearing the filters shows every account, in the same sort order,
   * with the chosen account selected again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Tidewater Books");
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, northgate);
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==, northgate);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
    tl_filter_bar_get_search_entry (tl_window_get_filter_bar (window)))), ==, "");

  gui_test_destroy_window (window);
}

static void
test_filters_no_match (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  GtkWidget *clear_button;

  search (window, "no such account", 0);
  g_assert_true (tl_window_shows_no_match (window));
  assert_status (window, "0 of 12 accounts shown");

  /* The button of the empty state clears the filters. */
  clear_button = gui_test_find_action_button (GTK_WIDGET (window), "win.clear-filters");
  g_assert_nonnull (clear_button);
  g_assert_true (gtk_widget_get_mapped (clear_button));
  g_signal_emit_by_name (clear_button, "clicked");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);
  g_assert_false (tl_window_shows_no_match (window));

  gui_test_destroy_window (window);
}

static void
test_filters_search_action (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  GtkSearchEntry *entry = tl_filter_bar_get_search_entry (tl_window_get_filter_bar (window));
  GtkWidget *focus;

  gtk_widget_grab_focus (GTK_WIDGET (tl_window_get_column_view (window)));
  /* Ctrl+F runs win.search, which moves the focus to the search entry. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  gui_test_destroy_window (window);
}

static void
test_filters_model_change (void)
{
  TlWindow *window = gui_test_open_window ("gui-accounts.csv");
  TlDocument *document = tl_window_get_document (window);
  g_autoptr(TlModel) model = tl_model_copy (tl_document_get_model (document));
  const double thresholds[3] = { 700000, 50000, 10000 };
  const char * const tier_1[] = { "Northgate Logistics", "Copperleaf Health", NULL };
  const char * const tier_1_after[] = { "Northgate Logistics", NULL };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-tier", "u", 1);
  assert_names (window, tier_1);
  gui_test_select_name (window, "Copperleaf Health");

  /* With tier 1 from $700K, Copperleaf Health's $640,500 is tier 2: the
   * filter runs again and hides it. */
  tl_model_set_thresholds (model, thresholds);
  tl_document_set_model (document, model);
  assert_names (window, tier_1_after);
  assert_status (window, "1 of 12 accounts shown");
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, G_MAXUINT);
  g_assert_cmpuint (tl_filter_bar_get_tier (tl_window_get_filter_bar (window)), ==, 1);

  /* Back to every tier, Copperleaf Health is selected again and the pane
   * explains its new tier. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==,
                    gui_test_find_row (window, "Copperleaf Health"));
  g_assert_cmpstr (tl_account_detail_get_tier (tl_window_get_account_detail (window)), ==,
                   "2 · Growth");

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/filters/search-owner", test_filters_search_owner);
  g_test_add_func ("/tierline/filters/combined", test_filters_combined);
  g_test_add_func ("/tierline/filters/tier-card", test_filters_tier_card);
  g_test_add_func ("/tierline/filters/keep-selection", test_filters_keep_selection);
  g_test_add_func ("/tierline/filters/no-match", test_filters_no_match);
  g_test_add_func ("/tierline/filters/search-action", test_filters_search_action);
  g_test_add_func ("/tierline/filters/model-change", test_filters_model_change);

  return gui_test_run ();
}
