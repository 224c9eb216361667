/* test-movement-ui.c
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

#define G_LOG_DOMAIN "test-movement-ui"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"

/* The Movement column, sort and filter of the accounts table and the
 * Movement section of the detail pane.
 *
 * gui-movement.csv has 11 accounts, too few to calibrate, so the default
 * bounds apply: $250,000, $50,000 and $10,000, with a 10 % watch margin.
 * Worked by hand, in file order:
 *
 *   account          ARR      file's tier  tier  move
 *   Promote Alder    300,000  Tier 2       1     Promote (better than the file's)
 *   Demote Birch      30,000  Tier 2       3     Demote (worse than the file's)
 *   Watch Cedar      240,000  Tier 2       2     Watch (within 10 % below $250,000)
 *   Watch Dogwood     52,000  T2           2     Watch (less than 10 % above $50,000)
 *   Steady Elm       120,000  Tier 2       2     none
 *   Review Fir         9,500  Tier 4       4     Review (top tenth of tier 4, and
 *                                                within 10 % below $10,000)
 *   Quiet Gum          2,000  Tier 4       4     none
 *   Strategic Hazel  600,000  Strategic    1     none (the tier's name matches)
 *   Unknown Ivy       70,000  Platinum     2     none (the label matches no tier)
 *   Demote Juniper     8,000  Tier 3       4     Demote (below 9,000 and not the
 *                                                highest of tier 4: no review)
 *   Watch Kapok       10,500  Tier 3       3     Watch (less than 10 % above $10,000)
 *
 * The renewals lie far ahead, so no account is at renewal. */

#define N_ACCOUNTS 11
#define MOVEMENT_COLUMN 5

typedef struct
{
  const char *name;
  const char *kind;    /* "" for none */
} Expected;

static const Expected expected_moves[N_ACCOUNTS] = {
  { "Promote Alder", "Promote" },
  { "Demote Birch", "Demote" },
  { "Watch Cedar", "Watch" },
  { "Watch Dogwood", "Watch" },
  { "Steady Elm", "" },
  { "Review Fir", "Review" },
  { "Quiet Gum", "" },
  { "Strategic Hazel", "" },
  { "Unknown Ivy", "" },
  { "Demote Juniper", "Demote" },
  { "Watch Kapok", "Watch" },
};

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

/* What the table draws for one account: its name, the movement badge's
 * text ("" when hidden), and whether the renewal note shows. */
typedef struct
{
  char     *name;
  char     *kind;
  gboolean  renewal;
} DrawnRow;

static void
drawn_row_free (gpointer data)
{
  DrawnRow *row = data;

  g_free (row->name);
  g_free (row->kind);
  g_free (row);
}

/* Returns the rows the table draws, in the order of the row widgets. */
static GPtrArray *
collect_rows (TlWindow *window)
{
  GtkColumnView *column_view = tl_window_get_column_view (window);
  GtkWidget *list_view = find_list_view (column_view);
  GPtrArray *rows = g_ptr_array_new_with_free_func (drawn_row_free);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (column_view));
  for (GtkWidget *widget = gtk_widget_get_first_child (list_view);
       widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *name_cell = gtk_widget_get_first_child (widget);
      GtkWidget *cell = name_cell;
      GtkWidget *box, *badge, *renewal, *label;
      DrawnRow *row;

      if (!gtk_widget_get_mapped (widget))
        continue;
      for (guint i = 0; i < MOVEMENT_COLUMN; i++)
        cell = gtk_widget_get_next_sibling (cell);

      box = gtk_widget_get_first_child (cell);
      badge = gtk_widget_get_first_child (box);
      renewal = gtk_widget_get_next_sibling (badge);
      label = gtk_widget_get_last_child (badge);

      row = g_new0 (DrawnRow, 1);
      row->name = g_strdup (gtk_inscription_get_text (
        GTK_INSCRIPTION (gtk_widget_get_first_child (name_cell))));
      row->kind = g_strdup (gtk_widget_get_visible (badge)
                            ? gtk_label_get_text (GTK_LABEL (label)) : "");
      row->renewal = gtk_widget_get_visible (renewal);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static const DrawnRow *
find_drawn (GPtrArray  *rows,
            const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const DrawnRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->name, name) == 0)
        return row;
    }

  g_error ("The table does not draw “%s”", name);
}

static void
test_movement_column (void)
{
  TlWindow *window = gui_test_open_window ("gui-movement.csv");
  g_autoptr(GPtrArray) rows = collect_rows (window);

  g_assert_cmpuint (rows->len, ==, N_ACCOUNTS);
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      const DrawnRow *row = find_drawn (rows, expected_moves[i].name);

      g_assert_cmpstr (row->kind, ==, expected_moves[i].kind);
      g_assert_false (row->renewal);
    }

  /* The unknown label is reported once. */
  g_assert_cmpstr (tl_window_get_status (window), ==, "11 accounts · 1 note");

  gui_test_destroy_window (window);
}

static void
assert_order (TlWindow           *window,
              const char * const *names)
{
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, g_strv_length ((char **) names));
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_cmpstr (gui_test_get_name_at (window, i), ==, names[i]);
}

static void
test_movement_sort (void)
{
  TlWindow *window = gui_test_open_window ("gui-movement.csv");
  GtkColumnViewColumn *column = tl_window_get_column (window, "movement");
  const char * const ascending[] = {
    "Promote Alder", "Demote Birch", "Demote Juniper", "Review Fir", "Watch Cedar",
    "Watch Dogwood", "Watch Kapok", "Steady Elm", "Quiet Gum", "Strategic Hazel",
    "Unknown Ivy", NULL
  };
  const char * const descending[] = {
    "Watch Cedar", "Watch Dogwood", "Watch Kapok", "Review Fir", "Demote Birch",
    "Demote Juniper", "Promote Alder", "Steady Elm", "Quiet Gum", "Strategic Hazel",
    "Unknown Ivy", NULL
  };

  g_assert_nonnull (column);
  g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "Movement");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "movement", FALSE);
  assert_order (window, ascending);

  /* A header click sorts the same way. */
  gtk_column_view_sort_by_column (tl_window_get_column_view (window), column,
                                  GTK_SORT_DESCENDING);
  assert_order (window, descending);

  gui_test_destroy_window (window);
}

static void
test_movement_filter (void)
{
  TlWindow *window = gui_test_open_window ("gui-movement.csv");
  TlFilterBar *bar = tl_window_get_filter_bar (window);
  const char * const promote[] = { "Promote Alder", NULL };
  const char * const demote[] = { "Demote Birch", "Demote Juniper", NULL };
  const char * const review[] = { "Review Fir", NULL };
  const char * const watch[] = { "Watch Cedar", "Watch Dogwood", "Watch Kapok", NULL };
  const char * const none[] = { "Steady Elm", "Quiet Gum", "Strategic Hazel", "Unknown Ivy",
                                NULL };
  const char * const watch_search[] = { "Watch Kapok", NULL };
  g_autoptr(GPtrArray) rows = NULL;

  /* File order, for lists that are easy to read. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "none", FALSE);

  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_PROMOTE);
  assert_order (window, promote);
  g_assert_cmpstr (tl_window_get_status (window), ==, "1 of 11 accounts shown · 1 note");

  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_DEMOTE);
  assert_order (window, demote);
  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_REVIEW);
  assert_order (window, review);
  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_WATCH);
  assert_order (window, watch);

  /* The table draws only the watched accounts, each with its badge. */
  rows = collect_rows (window);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((DrawnRow *) g_ptr_array_index (rows, i))->kind, ==, "Watch");

  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_NONE);
  assert_order (window, none);

  /* The movement filter combines with the others. */
  tl_filter_bar_set_movement (bar, TL_FILTER_MOVEMENT_WATCH);
  tl_filter_bar_set_search (bar, "kapok");
  assert_order (window, watch_search);
  g_assert_true (tl_filter_bar_is_active (bar));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_assert_cmpuint (tl_filter_bar_get_movement (bar), ==, TL_FILTER_ALL);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, N_ACCOUNTS);

  gui_test_destroy_window (window);
}

/* Returns the texts of the movement section's rows, one string a row. */
static GPtrArray *
collect_rules (TlWindow *window)
{
  GtkListBox *list = tl_account_detail_get_list (tl_window_get_account_detail (window),
                                                 "movement");
  GPtrArray *rules = g_ptr_array_new_with_free_func (g_free);

  if (!gtk_widget_get_visible (GTK_WIDGET (list)))
    return rules;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = gui_test_collect_labels (row);

      g_ptr_array_add (labels, NULL);
      g_ptr_array_add (rules, g_strjoinv (" | ", (char **) labels->pdata));
    }

  return rules;
}

static void
test_movement_detail (void)
{
  TlWindow *window = gui_test_open_window ("gui-movement.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  g_autoptr(GPtrArray) birch = NULL;
  g_autoptr(GPtrArray) fir = NULL;
  g_autoptr(GPtrArray) elm = NULL;

  gui_test_select_name (window, "Demote Birch");
  g_assert_cmpstr (tl_account_detail_get_movement (detail), ==, "Demote");
  birch = collect_rules (window);
  g_assert_cmpuint (birch->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (birch, 0), ==,
                   "Demote | ARR $30,000 puts it in tier 3 (Scale); the file lists it as "
                   "“Tier 2”.");

  /* Every rule that flagged the account has a row. */
  gui_test_select_name (window, "Review Fir");
  g_assert_cmpstr (tl_account_detail_get_movement (detail), ==, "Review");
  fir = collect_rules (window);
  g_assert_cmpuint (fir->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fir, 0), ==,
                   "Review for promotion | ARR $9,500 is among the highest tenth of tier 4 "
                   "or within 10 % of the tier 3 bound.");
  g_assert_cmpstr (g_ptr_array_index (fir, 1), ==,
                   "Watch | ARR $9,500 is within 10 % of $10,000, the bound of tier 3.");

  gui_test_select_name (window, "Steady Elm");
  g_assert_cmpstr (tl_account_detail_get_movement (detail), ==, "No move candidate");
  elm = collect_rules (window);
  g_assert_cmpuint (elm->len, ==, 0);

  gui_test_destroy_window (window);
}

/* An account flagged and renewing within 90 days gets the renewal note,
 * and the detail pane names the date. */
static void
test_movement_at_renewal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-movement-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "renewals.csv", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 30);
  g_autoptr(GDateTime) late = g_date_time_add_days (now, 200);
  g_autofree char *soon_text = g_date_time_format (soon, "%Y-%m-%d");
  g_autofree char *late_text = g_date_time_format (late, "%Y-%m-%d");
  g_autofree char *csv = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  TlWindow *window;
  g_autofree char *renews = NULL;

  csv = g_strdup_printf ("Account,ARR,Tier,Renewal Date\n"
                         "Soon Promoted,300000,Tier 2,%s\n"
                         "Later Promoted,310000,Tier 2,%s\n"
                         "Soon Steady,120000,Tier 2,%s\n", soon_text, late_text, soon_text);
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));

  window = tl_window_new (gui_test_app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (path);
  tl_window_open_file (window, file);
  while (tl_window_get_document (window) == NULL || tl_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);

  rows = collect_rows (window);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (find_drawn (rows, "Soon Promoted")->kind, ==, "Promote");
  g_assert_true (find_drawn (rows, "Soon Promoted")->renewal);
  g_assert_cmpstr (find_drawn (rows, "Later Promoted")->kind, ==, "Promote");
  g_assert_false (find_drawn (rows, "Later Promoted")->renewal);
  /* Renewing soon alone is no move. */
  g_assert_cmpstr (find_drawn (rows, "Soon Steady")->kind, ==, "");
  g_assert_false (find_drawn (rows, "Soon Steady")->renewal);

  gui_test_select_name (window, "Soon Promoted");
  rules = collect_rules (window);
  g_assert_cmpuint (rules->len, ==, 2);
  renews = g_strdup_printf ("At renewal | it renews on %s, within 90 days.", soon_text);
  g_assert_cmpstr (g_ptr_array_index (rules, 1), ==, renews);

  gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/movement-ui/column", test_movement_column);
  g_test_add_func ("/tierline/movement-ui/sort", test_movement_sort);
  g_test_add_func ("/tierline/movement-ui/filter", test_movement_filter);
  g_test_add_func ("/tierline/movement-ui/detail", test_movement_detail);
  g_test_add_func ("/tierline/movement-ui/at-renewal", test_movement_at_renewal);

  return gui_test_run ();
}
