/* test-large-sort.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-large-sort"

#include <glib/gstdio.h>

#include "gui-test-util.h"

/* Text sorts of a table too large to rank on the spot: the window ranks
 * its names and owners in a thread and sorts once they are ready. The
 * file has 60,000 accounts named "Account N" with alternating case, in
 * a scrambled order (row i is account N = i x 7919 mod 60,000), owned by 7
 * owners in turn, with one account without a name or an id. */

#define N_ROWS 60000
#define NAMELESS_ROW 100

static char *
write_accounts (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("Account ID,Account Name,ARR,CSM\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "accounts.csv", NULL);

  for (guint i = 0; i < N_ROWS; i++)
    {
      guint n = (guint) (((guint64) i * 7919) % N_ROWS);

      if (i == NAMELESS_ROW)
        {
          g_string_append_printf (csv, ",,5000,Owner %u\n", i % 7);
          continue;
        }
      g_string_append_printf (csv, "A-%u,%s %05u,%u,Owner %u\n", n,
                              n % 2 == 0 ? "Account" : "account", n,
                              1000 + (n * 37) % 90000, i % 7);
    }

  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);

  return path;
}

typedef struct
{
  TlWindow   *window;
  const char *first;
} FirstName;

static gboolean
shows_first (gpointer data)
{
  FirstName *first = data;

  return g_strcmp0 (gui_test_get_name_at (first->window, 0), first->first) == 0;
}

/* Asserts that the table lists every account in collation order, or its
 * reverse, with the nameless account last. */
static void
assert_collated (TlWindow *window,
                 gboolean  descending)
{
  guint n = gui_test_get_n_shown (window);

  g_assert_cmpuint (n, ==, N_ROWS);
  g_assert_cmpstr (gui_test_get_name_at (window, n - 1), ==, "");
  for (guint i = 1; i + 1 < n; i++)
    {
      int order = g_utf8_collate (gui_test_get_name_at (window, i - 1),
                                  gui_test_get_name_at (window, i));

      if (descending ? order < 0 : order > 0)
        g_error ("“%s” before “%s”", gui_test_get_name_at (window, i - 1),
                 gui_test_get_name_at (window, i));
    }
}

static const char *
first_by_collation (TlWindow *window,
                    gboolean  descending)
{
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));
  const char *first = NULL;

  for (guint row = 0; row < N_ROWS; row++)
    {
      const char *name = tl_account_table_get_display_name (table, row);
      int order;

      if (*name == '\0')
        continue;
      order = first != NULL ? g_utf8_collate (name, first) : 0;
      if (first == NULL || (descending ? order > 0 : order < 0))
        first = name;
    }

  return first;
}

/* Returns whether the keyboard focus is in the table. The table's rows are
 * made anew after a sort, so the focus must be given back. */
static gboolean
holds_focus (TlWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *column_view = GTK_WIDGET (tl_window_get_column_view (window));

  return focus != NULL && (focus == column_view || gtk_widget_is_ancestor (focus, column_view));
}

/* A sort by name, asked for before the ranks exist, lands in collation
 * order, and the selected account stays selected through it and back. */
static void
test_large_sort_by_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-large-sort-XXXXXX", NULL);
  g_autofree char *path = write_accounts (dir);
  TlWindow *window = gui_test_open_path (path);
  FirstName first = { window, NULL };
  guint selected;

  gui_test_select_name (window, "Account 30000");
  selected = gui_test_get_selected_row (window);
  g_assert_cmpuint (selected, !=, G_MAXUINT);
  /* The focus on a row, as after a click. */
  gtk_widget_grab_focus (GTK_WIDGET (tl_window_get_column_view (window)));
  gtk_widget_child_focus (GTK_WIDGET (tl_window_get_column_view (window)), GTK_DIR_TAB_FORWARD);

  for (guint descending = 0; descending <= 1; descending++)
    {
      first.first = first_by_collation (window, descending);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "name",
                                  descending);
      gui_test_spin_until (shows_first, &first, 20000);
      assert_collated (window, descending);
      g_assert_cmpuint (gui_test_get_selected_row (window), ==, selected);
      g_assert_true (holds_focus (window));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "arr", TRUE);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, selected);

  gui_test_destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A sort by owner keeps the file order among the accounts of one owner. */
static void
test_large_sort_by_owner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-large-sort-XXXXXX", NULL);
  g_autofree char *path = write_accounts (dir);
  TlWindow *window = gui_test_open_path (path);
  FirstName first = { window, NULL };
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));

  /* Row 0 is the first account of Owner 0, the first owner. */
  first.first = tl_account_table_get_display_name (table, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "owner", FALSE);
  gui_test_spin_until (shows_first, &first, 20000);

  for (guint i = 1; i < N_ROWS; i++)
    {
      guint a = gui_test_get_row_at (window, i - 1), b = gui_test_get_row_at (window, i);
      guint owner_a = a % 7, owner_b = b % 7;

      g_assert_cmpuint (owner_a, <=, owner_b);
      if (owner_a == owner_b)
        g_assert_cmpuint (a, <, b);
    }

  gui_test_destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/large-sort/by-name", test_large_sort_by_name);
  g_test_add_func ("/tierline/large-sort/by-owner", test_large_sort_by_owner);

  return gui_test_run ();
}
