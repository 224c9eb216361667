/* test-capacity.c
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

#define G_LOG_DOMAIN "test-capacity"

#include <string.h>

#include "gui-test-util.h"
#include "tl-book-row.h"
#include "tl-model-file.h"

/* The capacity view of the window on the bundled sample, driven through
 * the window's actions and the headcount field, and checked by what its
 * labels, chart and books table show.
 *
 * The sample's calibrated tiers hold 18, 48, 64 and 68 accounts. With the
 * default accounts per CSM (5-8, 15-25, 50-100), the tiers need at least
 * ceil (18 / 8) = 3, ceil (48 / 25) = 2 and ceil (64 / 100) = 1 CSMs, 6 in
 * all, and comfortably ceil (18 / 5) = 4, ceil (48 / 15) = 4 and
 * ceil (64 / 50) = 2, 10 in all. Five CSMs cover the minimums of tiers 1
 * and 2 first (3 and 2), and tier 3 is 1 short. Twelve CSMs cover every
 * comfortable number (4, 4, 2) with 2 to spare. */

#define SETTINGS_KEY "default-model"

static void
reset_default_model (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");

  g_settings_reset (settings, SETTINGS_KEY);
}

static TlCapacityView *
show_capacity (TlWindow *window)
{
  TlCapacityView *view = tl_window_get_capacity_view (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "capacity");
  g_assert_cmpstr (tl_window_get_view (window), ==, "capacity");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (view));

  return view;
}

static void
assert_column (TlCapacityView     *view,
               TlCapacityColumn    column,
               const char * const  expected[TL_N_TIERS])
{
  for (guint tier = 1; tier <= TL_N_TIERS; tier++)
    g_assert_cmpstr (tl_capacity_view_get_cell (view, tier, column), ==, expected[tier - 1]);
}

static gboolean
headcount_kept (gpointer data)
{
  TlWindow *window = data;
  TlCapacityView *view = tl_window_get_capacity_view (window);
  const TlModel *model = tl_document_get_model (tl_window_get_document (window));

  return model->headcount == tl_capacity_view_get_headcount (view);
}

static void
test_capacity_shortfall (void)
{
  TlWindow *window = NULL;
  TlCapacityView *view;
  TlCoverageChart *chart;
  const char * const accounts[] = { "18", "48", "64", "68" };
  const char * const minimum[] = { "3", "2", "1", "—" };
  const char * const comfortable[] = { "4", "4", "2", "—" };
  const char * const allocated[] = { "3", "2", "0", "—" };

  reset_default_model ();
  window = gui_test_open_sample (1300, 900);
  view = show_capacity (window);
  chart = tl_capacity_view_get_chart (view);

  tl_capacity_view_set_headcount (view, 5);

  assert_column (view, TL_CAPACITY_ACCOUNTS, accounts);
  assert_column (view, TL_CAPACITY_MINIMUM, minimum);
  assert_column (view, TL_CAPACITY_COMFORTABLE, comfortable);
  assert_column (view, TL_CAPACITY_ALLOCATED, allocated);
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 0, TL_CAPACITY_MINIMUM), ==, "6");
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 0, TL_CAPACITY_COMFORTABLE), ==, "10");
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 0, TL_CAPACITY_ALLOCATED), ==, "5");
  /* The 198 accounts with a tier; the 2 without ARR are named under them. */
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 0, TL_CAPACITY_ACCOUNTS), ==, "198");
  g_assert_cmpstr (tl_capacity_view_get_caption (view, 0, TL_CAPACITY_ACCOUNTS), ==,
                   "2 without ARR not counted");

  g_assert_cmpuint (tl_capacity_view_get_allocation (view)->shortfall, ==, 1);
  g_assert_cmpstr (tl_capacity_view_get_title (view), ==, "1 CSM Short");
  g_assert_cmpstr (tl_capacity_view_get_summary (view), ==,
                   "Your 5 CSMs are 1 short of the 6 that the tiers need at least. "
                   "Scale gets fewer than its minimum.");

  /* Only Scale's allocation is marked short, and Scale, without a CSM,
   * is off target. */
  g_assert_false (tl_capacity_view_is_off_target (view, 1, TL_CAPACITY_ALLOCATED));
  g_assert_false (tl_capacity_view_is_off_target (view, 2, TL_CAPACITY_ALLOCATED));
  g_assert_true (tl_capacity_view_is_off_target (view, 3, TL_CAPACITY_ALLOCATED));
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 3, TL_CAPACITY_ACCOUNTS_PER_CSM), ==,
                   "No CSM");
  g_assert_true (tl_capacity_view_is_off_target (view, 3, TL_CAPACITY_ACCOUNTS_PER_CSM));

  /* The chart draws the three tiers with CSMs and no spare bar. */
  g_assert_cmpuint (tl_coverage_chart_get_n_bars (chart), ==, 3);
  g_assert_nonnull (strstr (tl_coverage_chart_get_summary (chart),
                            "3 · Scale: 0 CSMs allocated, 1 short of the minimum of 1"));
  g_assert_nonnull (strstr (tl_coverage_chart_get_summary (chart),
                            "1 · Strategic: 3 CSMs allocated; at least 3, 4 comfortably"));

  gui_test_destroy_window (window);
}

static void
test_capacity_surplus (void)
{
  TlWindow *window = NULL;
  TlCapacityView *view;
  const TlAllocation *allocation;
  const char * const allocated[] = { "4", "4", "2", "—" };
  /* 18 / 4, 48 / 4 and 64 / 2 accounts per CSM */
  const char * const per_csm[] = { "4.5", "12", "32", "—" };

  reset_default_model ();
  window = gui_test_open_sample (1300, 900);
  view = show_capacity (window);

  tl_capacity_view_set_headcount (view, 12);
  allocation = tl_capacity_view_get_allocation (view);

  assert_column (view, TL_CAPACITY_ALLOCATED, allocated);
  assert_column (view, TL_CAPACITY_ACCOUNTS_PER_CSM, per_csm);
  g_assert_cmpuint (allocation->surplus, ==, 2);
  g_assert_cmpuint (allocation->shortfall, ==, 0);
  g_assert_cmpstr (tl_capacity_view_get_title (view), ==, "2 CSMs to Spare");
  g_assert_cmpstr (tl_capacity_view_get_summary (view), ==,
                   "Your 12 CSMs give every tier its comfortable number, 10 in all, with a "
                   "surplus of 2.");
  g_assert_cmpstr (tl_capacity_view_get_cell (view, 0, TL_CAPACITY_ALLOCATED), ==, "10");
  g_assert_cmpuint (tl_coverage_chart_get_n_bars (tl_capacity_view_get_chart (view)), ==, 4);
  g_assert_nonnull (strstr (tl_coverage_chart_get_summary (tl_capacity_view_get_chart (view)),
                            "2 CSMs are left after every tier has its comfortable number"));

  /* The view marks what the core marks. Strategic's ARR per CSM is far
   * above its $500K target on the sample; fewer accounts per CSM than the
   * range is not marked. */
  for (guint t = 0; t < TL_N_TIERS - 1; t++)
    {
      g_assert_cmpint (tl_capacity_view_is_off_target (view, t + 1, TL_CAPACITY_ARR_PER_CSM),
                       ==, allocation->tiers[t].arr_off_target);
      g_assert_cmpint (tl_capacity_view_is_off_target (view, t + 1,
                                                       TL_CAPACITY_ACCOUNTS_PER_CSM),
                       ==, allocation->tiers[t].accounts_off_target);
      g_assert_false (tl_capacity_view_is_off_target (view, t + 1, TL_CAPACITY_ALLOCATED));
    }
  g_assert_true (tl_capacity_view_is_off_target (view, 1, TL_CAPACITY_ARR_PER_CSM));
  g_assert_false (tl_capacity_view_is_off_target (view, 1, TL_CAPACITY_ACCOUNTS_PER_CSM));

  gui_test_destroy_window (window);
}

/* A headcount typed in the field becomes part of the document's model
 * after a pause, and of the default model that the next file starts
 * from. */
static void
test_capacity_headcount_kept (void)
{
  TlWindow *window = NULL;
  TlWindow *second = NULL;
  TlCapacityView *view;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");
  g_autofree char *data = NULL;
  g_autoptr(TlModel) stored = NULL;
  g_autoptr(GError) error = NULL;

  reset_default_model ();
  window = gui_test_open_sample (1300, 900);
  view = show_capacity (window);
  g_assert_cmpuint (tl_capacity_view_get_headcount (view), ==, 0);
  g_assert_cmpstr (tl_capacity_view_get_title (view), ==, "How Many CSMs Do You Have?");

  tl_capacity_view_set_headcount (view, 7);
  g_assert_cmpuint (tl_document_get_model (tl_window_get_document (window))->headcount, ==, 0);
  gui_test_spin_until (headcount_kept, window, 5000);

  data = g_settings_get_string (settings, SETTINGS_KEY);
  stored = tl_model_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->headcount, ==, 7);
  /* The capacity view still shows what the user typed. */
  g_assert_cmpuint (tl_capacity_view_get_headcount (view), ==, 7);
  g_assert_cmpstr (tl_capacity_view_get_title (view), ==, "Every Tier Has Its Minimum");

  second = gui_test_open_sample (1300, 900);
  g_assert_cmpuint (tl_capacity_view_get_headcount (tl_window_get_capacity_view (second)), ==, 7);

  gui_test_destroy_window (second);
  gui_test_destroy_window (window);
  reset_default_model ();
}

static const TlBook *
find_book (GPtrArray  *books,
           const char *owner)
{
  for (guint i = 0; i < books->len; i++)
    {
      const TlBook *book = g_ptr_array_index (books, i);

      if (g_strcmp0 (book->owner, owner) == 0)
        return book;
    }

  return NULL;
}

static GtkWidget *
find_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

/* Returns the texts that the books table draws in one column, row by row,
 * as "text" or "[icon] text" for the state badges. */
static GPtrArray *
collect_column (GtkColumnView *books_view,
                guint          column)
{
  GtkWidget *list_view = find_list_view (books_view);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (books_view));
  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      g_autoptr(GPtrArray) labels = NULL;
      GtkWidget *content;

      if (!gtk_widget_get_mapped (row))
        continue;
      for (guint i = 0; i < column && cell != NULL; i++)
        cell = gtk_widget_get_next_sibling (cell);
      g_assert_nonnull (cell);
      content = gtk_widget_get_first_child (cell);
      labels = gui_test_collect_labels (content);
      g_assert_cmpuint (labels->len, ==, 1);

      if (GTK_IS_BOX (content) && gtk_widget_get_visible (gtk_widget_get_first_child (content)))
        g_ptr_array_add (texts, g_strdup_printf ("[icon] %s",
                                                 (char *) g_ptr_array_index (labels, 0)));
      else
        g_ptr_array_add (texts, g_strdup (g_ptr_array_index (labels, 0)));
    }

  return texts;
}

#define OWNER_COLUMN 0
#define ACCOUNTS_COLUMN 5
#define LOAD_COLUMN 7
#define STATE_COLUMN 8

static void
test_capacity_books (void)
{
  TlWindow *window = NULL;
  TlCapacityView *view;
  TlDocument *document;
  GtkColumnView *books_view;
  GListModel *shown;
  g_autoptr(GPtrArray) books = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GtkColumnViewColumn) load_column = NULL;
  guint n_owners = 0;

  reset_default_model ();
  window = gui_test_open_sample (1300, 900);
  view = show_capacity (window);
  document = tl_window_get_document (window);
  books_view = tl_capacity_view_get_books_view (view);
  shown = tl_capacity_view_get_books (view);
  g_assert_true (tl_capacity_view_shows_books (view));

  books = tl_books_compute (tl_document_get_table (document),
                            tl_document_get_segmentation (document),
                            tl_document_get_model (document));
  for (guint i = 0; i < books->len; i++)
    n_owners += ((TlBook *) g_ptr_array_index (books, i))->owner != NULL;
  g_assert_cmpuint (n_owners, ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, books->len);

  /* The core judges the books as the sample was made. */
  g_assert_cmpint (find_book (books, "Keiko Tanabe")->state, ==, TL_BOOK_OVERLOADED);
  g_assert_cmpint (find_book (books, "Marisol Vance")->state, ==, TL_BOOK_OVERLOADED);
  g_assert_cmpint (find_book (books, "Sigrid Holloway")->state, ==, TL_BOOK_UNDERUSED);

  /* The table shows each book as the core computes it, sorted by CSM,
   * with the overloaded and underused books flagged by an icon. */
  owners = collect_column (books_view, OWNER_COLUMN);
  states = collect_column (books_view, STATE_COLUMN);
  totals = collect_column (books_view, ACCOUNTS_COLUMN);
  g_assert_cmpuint (owners->len, ==, books->len);
  for (guint i = 0; i < owners->len; i++)
    {
      g_autoptr(TlBookRow) row = g_list_model_get_item (shown, i);
      const char *owner = tl_book_row_get_owner (row);
      const TlBook *book = find_book (books, owner);
      g_autofree char *state = NULL;
      g_autofree char *total = g_strdup_printf ("%u", book->total_accounts);

      if (book->state == TL_BOOK_OVERLOADED || book->state == TL_BOOK_UNDERUSED)
        state = g_strdup_printf ("[icon] %s", tl_book_state_get_label (book->state));
      else
        state = g_strdup (tl_book_state_get_label (book->state));

      g_assert_cmpstr (g_ptr_array_index (owners, i), ==, owner != NULL ? owner : "No owner");
      g_assert_cmpstr (g_ptr_array_index (states, i), ==, state);
      g_assert_cmpstr (g_ptr_array_index (totals, i), ==, total);
    }
  g_assert_cmpstr (g_ptr_array_index (owners, 0), ==, "Amara Okonjo");

  /* Sorted by load, the most loaded book comes first. */
  load_column = g_list_model_get_item (gtk_column_view_get_columns (books_view), LOAD_COLUMN);
  gtk_column_view_sort_by_column (books_view, load_column, GTK_SORT_DESCENDING);
  g_clear_pointer (&states, g_ptr_array_unref);
  states = collect_column (books_view, STATE_COLUMN);
  g_assert_cmpstr (g_ptr_array_index (states, 0), ==, "[icon] Overloaded");
  g_assert_cmpstr (g_ptr_array_index (states, 1), ==, "[icon] Overloaded");

  gui_test_destroy_window (window);
}

/* A click on a CSM in the books table lists that CSM's accounts. */
static void
test_capacity_show_owner (void)
{
  TlWindow *window = NULL;
  TlCapacityView *view;
  GtkColumnView *books_view;
  GListModel *shown;
  g_autoptr(GPtrArray) books = NULL;
  TlDocument *document;
  guint position = G_MAXUINT;

  reset_default_model ();
  window = gui_test_open_sample (1300, 900);
  view = show_capacity (window);
  books_view = tl_capacity_view_get_books_view (view);
  shown = tl_capacity_view_get_books (view);
  document = tl_window_get_document (window);
  books = tl_books_compute (tl_document_get_table (document),
                            tl_document_get_segmentation (document),
                            tl_document_get_model (document));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(TlBookRow) row = g_list_model_get_item (shown, i);

      if (g_strcmp0 (tl_book_row_get_owner (row), "Keiko Tanabe") == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_signal_emit_by_name (books_view, "activate", position);

  g_assert_cmpstr (tl_window_get_view (window), ==, "accounts");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tl_filter_bar_get_search_entry (
                     tl_window_get_filter_bar (window)))), ==, "Keiko Tanabe");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==,
                    find_book (books, "Keiko Tanabe")->total_accounts);
  for (guint i = 0; i < gui_test_get_n_shown (window); i++)
    g_assert_cmpstr (tl_account_table_get_text (tl_document_get_table (document), TL_FIELD_OWNER,
                                                gui_test_get_row_at (window, i)),
                     ==, "Keiko Tanabe");

  gui_test_destroy_window (window);
}

/* Without an owner column there are no books, and the view explains why. */
static void
test_capacity_no_owner_column (void)
{
  TlWindow *window = gui_test_open_window ("gui-movement.csv");
  TlCapacityView *view = show_capacity (window);
  g_autoptr(GPtrArray) labels = gui_test_collect_labels (GTK_WIDGET (view));
  gboolean said = FALSE;

  g_assert_false (tl_capacity_view_shows_books (view));
  g_assert_cmpuint (g_list_model_get_n_items (tl_capacity_view_get_books (view)), ==, 0);
  for (guint i = 0; i < labels->len; i++)
    said |= g_str_has_prefix (g_ptr_array_index (labels, i), "The file has no owner column");
  g_assert_true (said);

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/capacity/shortfall", test_capacity_shortfall);
  g_test_add_func ("/tierline/capacity/surplus", test_capacity_surplus);
  g_test_add_func ("/tierline/capacity/headcount-kept", test_capacity_headcount_kept);
  g_test_add_func ("/tierline/capacity/books", test_capacity_books);
  g_test_add_func ("/tierline/capacity/show-owner", test_capacity_show_owner);
  g_test_add_func ("/tierline/capacity/no-owner-column", test_capacity_no_owner_column);

  return gui_test_run ();
}
