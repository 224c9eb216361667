/* gui-test-util.c
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


#define G_LOG_DOMAIN "gui-test-util"

#include <glib/gstdio.h>

#include "tl-account-row.h"
#include "gui-test-util.h"

TlApplication *gui_test_app;

/* The user data folder of the tests, which contains the snapshot database. */
static char *data_home;

/* Points the user data folder at a new temporary folder, before anything
 * reads it: GLib keeps the first value it reads. The tests then never
 * touch the real snapshot database. */
static void
isolate_data_home (void)
{
  g_autoptr(GError) error = NULL;

  data_home = g_dir_make_tmp ("tierline-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Registers the application, or prints a TAP plan that skips every test
 * and returns FALSE when there is no display. */
gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  isolate_data_home ();
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display available (run under xvfb-run)\n");
      return FALSE;
    }

  gui_test_app = tl_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (gui_test_app), NULL, NULL));

  return TRUE;
}

int
gui_test_run (void)
{
  int status = g_test_run ();

  g_clear_object (&gui_test_app);
  remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);

  return status;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, failing after @timeout_ms. */
void
gui_test_spin_until (gboolean (*condition) (gpointer),
                     gpointer   data,
                     guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick = g_timeout_add (10, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("Condition not reached in %u ms", timeout_ms);

      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (tick);
}

void
gui_test_spin_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
job_done (gpointer data)
{
  TlWindow *window = data;

  return !tl_window_is_loading (window) && !tl_window_is_exporting (window);
}

/**
 * gui_test_get_snapshot_path:
 *
 * Returns: (transfer full): the snapshot database of the tests, in their
 *   own user data folder
 */
char *
gui_test_get_snapshot_path (void)
{
  g_assert_nonnull (data_home);

  return tl_snapshot_store_default_path ();
}

/* Presents a window and loads tests/data/@data_file into it. */
TlWindow *
gui_test_open_window (const char *data_file)
{
  return gui_test_open_path (g_test_get_filename (G_TEST_DIST, "data", data_file, NULL));
}

/* Presents a window and loads the file at @path into it. */
TlWindow *
gui_test_open_path (const char *path)
{
  TlWindow *window = tl_window_new (gui_test_app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  tl_window_open_file (window, file);
  g_assert_true (tl_window_is_loading (window));
  gui_test_spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));

  return window;
}

/* Returns @widget or the first widget under it of @type, or NULL. */
GtkWidget *
gui_test_find_widget (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presents a window of @width by @height and opens the bundled sample
 * accounts in it, as the empty state's button does. */
TlWindow *
gui_test_open_sample (int width,
                      int height)
{
  TlWindow *window = tl_window_new (gui_test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  gui_test_spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));

  return window;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys @window and checks that it is finalized, with its document. */
void
gui_test_destroy_window (TlWindow *window)
{
  TlDocument *document = tl_window_get_document (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  if (document != NULL)
    g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin_until (pointer_cleared, &window, 5000);
  gui_test_spin_until (pointer_cleared, &document, 5000);
  gui_test_spin_pending ();
}

guint
gui_test_get_n_shown (TlWindow *window)
{
  return g_list_model_get_n_items (tl_window_get_visible_model (window));
}

/* Returns the table row of the account shown at @position. */
guint
gui_test_get_row_at (TlWindow *window,
                     guint     position)
{
  g_autoptr(TlAccountRow) row = g_list_model_get_item (tl_window_get_visible_model (window),
                                                       position);

  g_assert_nonnull (row);

  return tl_account_row_get_index (row);
}

const char *
gui_test_get_name_at (TlWindow *window,
                      guint     position)
{
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));

  return tl_account_table_get_display_name (table, gui_test_get_row_at (window, position));
}

/* Returns the table row of the account called @name. */
guint
gui_test_find_row (TlWindow   *window,
                   const char *name)
{
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));

  for (guint row = 0; row < tl_account_table_get_n_rows (table); row++)
    {
      if (g_strcmp0 (tl_account_table_get_display_name (table, row), name) == 0)
        return row;
    }

  g_error ("No account called “%s”", name);
}

/* Selects the account called @name in the table, as a click on its row
 * does. */
void
gui_test_select_name (TlWindow   *window,
                      const char *name)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (tl_window_get_visible_model (window));
  guint n = gui_test_get_n_shown (window);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gui_test_get_name_at (window, i), name) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  g_error ("The table does not show “%s”", name);
}

/* Returns the table row of the account selected in the table, or
 * G_MAXUINT. */
guint
gui_test_get_selected_row (TlWindow *window)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (tl_window_get_visible_model (window));
  TlAccountRow *row = gtk_single_selection_get_selected_item (selection);

  return row != NULL ? tl_account_row_get_index (row) : G_MAXUINT;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (*text != '\0')
        g_ptr_array_add (texts, (gpointer) text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* Returns the texts of the visible labels under @widget, in the order of
 * the widget tree. The labels own the texts. */
GPtrArray *
gui_test_collect_labels (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new ();

  collect_labels (widget, texts);

  return texts;
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

/* Returns the texts of the account name cells that the table draws, in
 * the order of the row widgets. */
GPtrArray *
gui_test_collect_cells (TlWindow *window)
{
  GtkWidget *list_view = find_list_view (tl_window_get_column_view (window));
  GPtrArray *texts = g_ptr_array_new ();

  g_assert_nonnull (list_view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *content = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

      if (GTK_IS_INSCRIPTION (content) && gtk_widget_get_mapped (content))
        g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (content)));
    }

  return texts;
}

/* Returns the first button under @widget bound to @action_name. */
GtkWidget *
gui_test_find_action_button (GtkWidget  *widget,
                             const char *action_name)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gui_test_find_action_button (child, action_name);

      if (button != NULL)
        return button;
    }

  return NULL;
}
