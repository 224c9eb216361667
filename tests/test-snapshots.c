/* test-snapshots.c
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

#define G_LOG_DOMAIN "test-snapshots"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tl-snapshot-dialog.h"
#include "tl-snapshots-window.h"

/* Save Snapshot, the Snapshots window and the movement rules that look
 * back over quarters, in a real window. The snapshot database lives in
 * the tests' own user data folder (see gui-test-util.c), and each test
 * starts without one. */

#define MOVEMENT_COLUMN 5

static void
remove_database (void)
{
  g_autofree char *path = gui_test_get_snapshot_path ();

  g_unlink (path);
}

static gboolean
job_done (gpointer data)
{
  return !tl_window_is_loading (data) && !tl_window_is_exporting (data);
}

static gboolean
history_read (gpointer data)
{
  return !tl_window_is_loading_history (data);
}

/* Opens @path in @window and waits for the accounts and their history. */
static void
open_path (TlWindow   *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  tl_window_open_file (window, file);
  gui_test_spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));
  gui_test_spin_until (history_read, window, 5000);
}

static TlWindow *
create_window (void)
{
  TlWindow *window = tl_window_new (gui_test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* Returns the one visible window of @type transient for @parent, or NULL. */
static GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == parent)
        {
          g_assert_null (found);
          found = toplevel;
        }
    }

  return found;
}

/* Gives @dialog's @response and closes it, as a click on the response's
 * button does. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_spin_pending ();
}

/* Gives @response to the message dialog over @parent whose heading starts
 * with @heading. */
static void
respond (GtkWindow  *parent,
         const char *heading,
         const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_transient (parent,
                                                                 ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), heading));
  answer (dialog, response);
  g_assert_null (find_transient (parent, ADW_TYPE_MESSAGE_DIALOG));
}

static TlSnapshotsWindow *
show_snapshots (TlWindow *window)
{
  TlSnapshotsWindow *snapshots;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-snapshots", NULL);
  snapshots = TL_SNAPSHOTS_WINDOW (find_transient (GTK_WINDOW (window),
                                                   TL_TYPE_SNAPSHOTS_WINDOW));
  g_assert_nonnull (snapshots);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (snapshots)));

  return snapshots;
}

static char *
get_subtitle (TlSnapshotsWindow *snapshots,
              guint              index)
{
  return g_strdup (adw_action_row_get_subtitle (tl_snapshots_window_get_row (snapshots, index)));
}

static const char *
get_quarter_at (TlSnapshotsWindow *snapshots,
                guint              index)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
    tl_snapshots_window_get_row (snapshots, index)));
}

/* The dialog offers the current quarter and the seven before it, the
 * current one first. Saving a quarter that has a snapshot requests confirmation. */
static void
test_snapshots_save_dialog (void)
{
  TlWindow *window = NULL;
  TlSnapshotDialog *dialog;
  GListModel *quarters;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *current = tl_quarter_for_date (now);
  g_autofree char *previous = tl_quarter_previous (current);
  g_autofree char *path = gui_test_get_snapshot_path ();
  g_autofree char *expected = NULL;
  TlSnapshotsWindow *snapshots;
  g_autofree char *subtitle = NULL;
  g_autofree char *first_subtitle = NULL;

  remove_database ();
  window = gui_test_open_window ("gui-movement.csv");
  gui_test_spin_until (history_read, window, 5000);
  g_assert_cmpstr (tl_window_get_quarter (window), ==, current);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-snapshot", NULL);
  dialog = TL_SNAPSHOT_DIALOG (find_transient (GTK_WINDOW (window), TL_TYPE_SNAPSHOT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  quarters = gtk_drop_down_get_model (tl_snapshot_dialog_get_drop_down (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (quarters), ==, 8);
  expected = g_strdup (current);
  for (guint i = 0; i < 8; i++)
    {
      char *before = tl_quarter_previous (expected);

      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (quarters), i), ==, expected);
      g_free (expected);
      expected = before;
    }
  g_assert_cmpuint (gtk_drop_down_get_selected (tl_snapshot_dialog_get_drop_down (dialog)), ==, 0);
  g_assert_cmpstr (tl_snapshot_dialog_get_quarter (dialog), ==, current);

  /* Saved as last quarter, the file counts as last quarter. */
  gtk_drop_down_set_selected (tl_snapshot_dialog_get_drop_down (dialog), 1);
  answer (ADW_MESSAGE_DIALOG (dialog), "save");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (tl_window_get_quarter (window), ==, previous);

  snapshots = show_snapshots (window);
  g_assert_cmpstr (tl_snapshots_window_get_page (snapshots), ==, "list");
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 1);
  g_assert_cmpstr (get_quarter_at (snapshots, 0), ==, previous);
  first_subtitle = get_subtitle (snapshots, 0);
  g_assert_true (g_str_has_prefix (first_subtitle, "gui-movement.csv · 11 accounts · saved "));
  gtk_window_destroy (GTK_WINDOW (snapshots));
  gui_test_spin_pending ();

  /* The dialog now starts at the quarter the file counts as. Replacing
   * its snapshot requests confirmation, and Cancel keeps the old one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-snapshot", NULL);
  dialog = TL_SNAPSHOT_DIALOG (find_transient (GTK_WINDOW (window), TL_TYPE_SNAPSHOT_DIALOG));
  g_assert_cmpstr (tl_snapshot_dialog_get_quarter (dialog), ==, previous);
  answer (ADW_MESSAGE_DIALOG (dialog), "save");
  respond (GTK_WINDOW (window), "Replace the Snapshot of ", "cancel");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-snapshot", NULL);
  dialog = TL_SNAPSHOT_DIALOG (find_transient (GTK_WINDOW (window), TL_TYPE_SNAPSHOT_DIALOG));
  answer (ADW_MESSAGE_DIALOG (dialog), "save");
  respond (GTK_WINDOW (window), "Replace the Snapshot of ", "replace");

  snapshots = show_snapshots (window);
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 1);
  subtitle = get_subtitle (snapshots, 0);
  g_assert_true (g_str_has_prefix (subtitle, "gui-movement.csv · 11 accounts · saved "));

  gui_test_destroy_window (window);
  remove_database ();
}

static void
test_snapshots_delete (void)
{
  TlWindow *window = NULL;
  TlSnapshotsWindow *snapshots;
  GtkWidget *button;

  remove_database ();
  window = gui_test_open_window ("gui-movement.csv");
  gui_test_spin_until (history_read, window, 5000);
  g_assert_true (tl_window_save_snapshot (window, "2026-Q2"));
  g_assert_true (tl_window_save_snapshot (window, "2026-Q3"));

  snapshots = show_snapshots (window);
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 2);
  g_assert_cmpstr (get_quarter_at (snapshots, 0), ==, "2026-Q3");
  g_assert_cmpstr (get_quarter_at (snapshots, 1), ==, "2026-Q2");

  /* Delete requests confirmation, and Cancel keeps the snapshot. */
  button = gui_test_find_action_button (GTK_WIDGET (tl_snapshots_window_get_row (snapshots, 1)),
                                        "snapshots.delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  respond (GTK_WINDOW (snapshots), "Delete the Snapshot of 2026-Q2?", "cancel");
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 2);

  g_signal_emit_by_name (button, "clicked");
  respond (GTK_WINDOW (snapshots), "Delete the Snapshot of 2026-Q2?", "delete");
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 1);
  g_assert_cmpstr (get_quarter_at (snapshots, 0), ==, "2026-Q3");

  button = gui_test_find_action_button (GTK_WIDGET (tl_snapshots_window_get_row (snapshots, 0)),
                                        "snapshots.delete");
  g_signal_emit_by_name (button, "clicked");
  respond (GTK_WINDOW (snapshots), "Delete the Snapshot of 2026-Q3?", "delete");
  g_assert_cmpstr (tl_snapshots_window_get_page (snapshots), ==, "empty");

  gui_test_destroy_window (window);
  remove_database ();
}

/* One quarter of the history file: id, name, ARR, and the seat, request
 * and team signals. "HIGH" fires all three signals, "MEDIUM" one (seats)
 * and "LOW" none. */
typedef struct
{
  const char *id;
  const char *name;
  const char *arr[4];      /* per quarter */
  const char *level[4];
} HistoryAccount;

/* Under the default bounds (six accounts are too few to calibrate):
 *
 *   High Twice   tier 2, HIGH in Q3 and Q4: promote
 *   High Apart   tier 2, HIGH in Q2 and Q4 but MEDIUM in Q3: no move
 *   Quiet Four   tier 1, LOW in all four quarters: demote review
 *   Quiet Three  tier 1, MEDIUM in Q1, then LOW: no move
 *   Quiet Moved  LOW in all four, but tier 2 in Q1 ($200,000): no move
 *   Plain        tier 2, MEDIUM throughout: no move */
static const HistoryAccount history_accounts[] = {
  { "H-1", "High Twice", { "120000", "120000", "120000", "120000" },
    { "LOW", "LOW", "HIGH", "HIGH" } },
  { "H-2", "High Apart", { "130000", "130000", "130000", "130000" },
    { "LOW", "HIGH", "MEDIUM", "HIGH" } },
  { "Q-1", "Quiet Four", { "400000", "400000", "400000", "400000" },
    { "LOW", "LOW", "LOW", "LOW" } },
  { "Q-2", "Quiet Three", { "420000", "420000", "420000", "420000" },
    { "MEDIUM", "LOW", "LOW", "LOW" } },
  { "Q-3", "Quiet Moved", { "200000", "380000", "380000", "380000" },
    { "LOW", "LOW", "LOW", "LOW" } },
  { "P-1", "Plain", { "90000", "90000", "90000", "90000" },
    { "MEDIUM", "MEDIUM", "MEDIUM", "MEDIUM" } },
};

static char *
write_quarter (const char *dir,
               guint       quarter)
{
  g_autoptr(GString) csv = g_string_new ("Account ID,Account,ARR,Licensed Seats,Seats Used,"
                                         "Feature Requests,Teams\n");
  g_autofree char *name = g_strdup_printf ("accounts-q%u.csv", quarter + 1);
  char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (history_accounts); i++)
    {
      const HistoryAccount *a = &history_accounts[i];
      const char *level = a->level[quarter];
      const char *signals = g_str_equal (level, "HIGH") ? "100,95,5,3"
                            : g_str_equal (level, "MEDIUM") ? "100,95,0,1" : "100,10,0,1";

      g_string_append_printf (csv, "%s,%s,%s,%s\n", a->id, a->name, a->arr[quarter], signals);
    }
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));

  return path;
}

/* Returns the movement badge that the table draws for @name, "" when it
 * draws none. */
static const char *
get_drawn_move (TlWindow   *window,
                const char *name)
{
  GtkColumnView *column_view = tl_window_get_column_view (window);
  GtkWidget *list_view = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (column_view));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      const char *text;
      GtkWidget *badge;

      if (!gtk_widget_get_mapped (row))
        continue;
      text = gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (cell)));
      if (g_strcmp0 (text, name) != 0)
        continue;

      for (guint i = 0; i < MOVEMENT_COLUMN; i++)
        cell = gtk_widget_get_next_sibling (cell);
      badge = gtk_widget_get_first_child (gtk_widget_get_first_child (cell));
      if (!gtk_widget_get_visible (badge))
        return "";

      return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (badge)));
    }

  g_error ("The table does not draw “%s”", name);
}

static void
assert_moves (TlWindow          *window,
              const char * const expected[G_N_ELEMENTS (history_accounts)])
{
  for (guint i = 0; i < G_N_ELEMENTS (history_accounts); i++)
    g_assert_cmpstr (get_drawn_move (window, history_accounts[i].name), ==, expected[i]);
}

/* Saves 2026-Q1 to Q3 from changed copies of a file, then loads the last
 * copy as 2026-Q4: the table flags exactly the accounts that the quarter
 * rules name. */
static void
test_snapshots_history_rules (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-history-XXXXXX", NULL);
  const char * const quarters[] = { "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4" };
  const char * const without_history[] = { "", "", "", "", "", "" };
  const char * const with_history[] = { "Promote", "", "Demote", "", "", "" };
  const char * const without_q2[] = { "Promote", "", "", "", "", "" };
  char *paths[4];
  TlWindow *window = NULL;
  TlSnapshotsWindow *snapshots;
  GtkWidget *button = NULL;

  remove_database ();
  for (guint q = 0; q < 4; q++)
    paths[q] = write_quarter (dir, q);

  window = create_window ();
  for (guint q = 0; q < 3; q++)
    {
      open_path (window, paths[q]);
      g_assert_true (tl_window_save_snapshot (window, quarters[q]));
      g_assert_cmpstr (tl_window_get_quarter (window), ==, quarters[q]);
      gui_test_spin_until (history_read, window, 5000);
    }

  /* The file counts as the quarter it is given. As 2028-Q1 it has no
   * snapshot to compare with; as 2026-Q4 it is compared with the three
   * quarters saved. */
  open_path (window, paths[3]);
  tl_window_set_quarter (window, "2028-Q1");
  gui_test_spin_until (history_read, window, 5000);
  g_assert_cmpuint (tl_history_count_quarters (tl_document_get_history (
                      tl_window_get_document (window))), ==, 0);
  assert_moves (window, without_history);

  tl_window_set_quarter (window, "2026-Q4");
  gui_test_spin_until (history_read, window, 5000);
  g_assert_cmpuint (tl_history_count_quarters (tl_document_get_history (
                      tl_window_get_document (window))), ==, 3);
  assert_moves (window, with_history);

  /* The filter finds them, and the detail pane names the rule. */
  tl_filter_bar_set_movement (tl_window_get_filter_bar (window), TL_FILTER_MOVEMENT_PROMOTE);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 1);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "High Twice");
  gui_test_select_name (window, "High Twice");
  g_assert_cmpstr (tl_account_detail_get_movement (tl_window_get_account_detail (window)), ==,
                   "Promote");
  tl_filter_bar_set_movement (tl_window_get_filter_bar (window), TL_FILTER_ALL);

  /* Without the snapshot of Q2, the run of quiet quarters breaks. */
  snapshots = show_snapshots (window);
  g_assert_cmpuint (tl_snapshots_window_get_n_snapshots (snapshots), ==, 3);
  for (guint i = 0; i < 3; i++)
    if (g_str_equal (get_quarter_at (snapshots, i), "2026-Q2"))
      button = gui_test_find_action_button (GTK_WIDGET (tl_snapshots_window_get_row (snapshots,
                                                                                      i)),
                                            "snapshots.delete");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  respond (GTK_WINDOW (snapshots), "Delete the Snapshot of 2026-Q2?", "delete");
  gui_test_spin_until (history_read, window, 5000);
  assert_moves (window, without_q2);

  gui_test_destroy_window (window);
  for (guint q = 0; q < 4; q++)
    {
      g_unlink (paths[q]);
      g_free (paths[q]);
    }
  g_rmdir (dir);
  remove_database ();
}

static gboolean
history_problem_shown (gpointer data)
{
  return tl_window_get_history_problem (data) != NULL;
}

/* A damaged database is reported in a toast, and the accounts load. */
static void
test_snapshots_corrupt_database (void)
{
  g_autofree char *path = gui_test_get_snapshot_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  TlWindow *window = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  TlSnapshotsWindow *snapshots;
  guint n_toasts = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "These bytes are not an SQLite database, and they "
                                            "are longer than its header of 100 bytes, so that "
                                            "SQLite reads them and finds out.\n", -1, NULL));

  window = create_window ();
  open_path (window, g_test_get_filename (G_TEST_DIST, "data", "gui-movement.csv", NULL));
  gui_test_spin_until (history_problem_shown, window, 5000);

  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 11);
  g_assert_null (tl_document_get_history (tl_window_get_document (window)));
  g_assert_nonnull (strstr (tl_window_get_history_problem (window), "is damaged"));

  labels = gui_test_collect_labels (GTK_WIDGET (window));
  for (guint i = 0; i < labels->len; i++)
    n_toasts += g_str_equal (g_ptr_array_index (labels, i),
                             "Tierline works without history: the snapshot database is damaged");
  g_assert_cmpuint (n_toasts, ==, 1);

  /* The Snapshots window explains why it lists nothing. */
  snapshots = show_snapshots (window);
  g_assert_cmpstr (tl_snapshots_window_get_page (snapshots), ==, "error");
  gtk_window_destroy (GTK_WINDOW (snapshots));

  /* Everything else works: sorting, filtering, the capacity view. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "movement", FALSE);
  g_assert_cmpstr (gui_test_get_name_at (window, 0), ==, "Promote Alder");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "capacity");
  g_assert_cmpstr (tl_window_get_view (window), ==, "capacity");

  gui_test_destroy_window (window);
  remove_database ();
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/snapshots/save-dialog", test_snapshots_save_dialog);
  g_test_add_func ("/tierline/snapshots/delete", test_snapshots_delete);
  g_test_add_func ("/tierline/snapshots/history-rules", test_snapshots_history_rules);
  g_test_add_func ("/tierline/snapshots/corrupt-database", test_snapshots_corrupt_database);

  return gui_test_run ();
}
