/* test-window.c
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

#define G_LOG_DOMAIN "test-window"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tl-account-row.h"
#include "tl-application.h"
#include "tl-mapping-dialog.h"
#include "tl-report-window.h"
#include "tl-window.h"

/* The accounts of tests/data/gui-accounts.csv, largest ARR first. The
 * last one has no ARR, so it comes last in both directions. */
static const char * const names_by_arr_desc[] = {
  "Northgate Logistics",  /* 912,000 */
  "Copperleaf Health",    /* 640,500 */
  "Bramblewood Studios",  /* 180,000 */
  "Quillfeather Labs",    /*  95,000 */
  "Saltmarsh Analytics",  /*  50,000 */
  "Juniper Ridge Bank",   /*  42,000 */
  "Oakhurst Dental",      /*  18,500 */
  "Pebblebrook Farms",    /*  10,000 */
  "Tidewater Books",      /*   9,999 */
  "Larkspur Cafe",        /*   4,200 */
  "Fennel and Finch",     /*   1,200 */
  "Moss Hollow Co-op",    /* no ARR */
};

#define N_ACCOUNTS G_N_ELEMENTS (names_by_arr_desc)

static TlApplication *app;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds, failing after @timeout_ms. */
static void
spin_until (gboolean (*condition) (gpointer),
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

static void
spin_pending (void)
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

static TlWindow *
create_window (void)
{
  TlWindow *window = tl_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys @window and checks that it is finalized, with its document. */
static void
destroy_window (TlWindow *window)
{
  TlDocument *document = tl_window_get_document (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  if (document != NULL)
    g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (pointer_cleared, &window, 5000);
  spin_until (pointer_cleared, &document, 5000);
  spin_pending ();
}

static void
open_test_file (TlWindow   *window,
                const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                    name, NULL));

  tl_window_open_file (window, file);
  g_assert_true (tl_window_is_loading (window));
  spin_until (job_done, window, 20000);
}

static TlWindow *
create_loaded_window (void)
{
  TlWindow *window = create_window ();

  open_test_file (window, "gui-accounts.csv");
  g_assert_nonnull (tl_window_get_document (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));

  return window;
}

static guint
get_row_index (GListModel *model,
               guint       position)
{
  g_autoptr(TlAccountRow) row = g_list_model_get_item (model, position);

  g_assert_nonnull (row);

  return tl_account_row_get_index (row);
}

static const char *
get_name_at (TlWindow *window,
             guint     position)
{
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));
  GListModel *model = tl_window_get_visible_model (window);

  return tl_account_table_get_display_name (table, get_row_index (model, position));
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

/* Returns the texts of the first column's cells, in the order of the row
 * widgets. */
static GPtrArray *
collect_account_cells (TlWindow *window)
{
  GtkWidget *list_view = find_list_view (tl_window_get_column_view (window));
  GPtrArray *texts = g_ptr_array_new ();

  g_assert_nonnull (list_view);

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

/* Counts the column headers that show a sort arrow. */
static guint
count_sort_arrows (GtkWidget *widget)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_css_name (widget), "sort-indicator") == 0
      && (gtk_widget_has_css_class (widget, "ascending")
          || gtk_widget_has_css_class (widget, "descending")))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_sort_arrows (child);

  return n;
}

/* Returns whether the first button bound to @action_name is sensitive,
 * which it is exactly when the action is enabled. */
static gboolean
is_action_button_sensitive (GtkWidget  *window,
                            const char *action_name)
{
  GtkWidget *button = gui_test_find_action_button (window, action_name);

  g_assert_nonnull (button);

  return gtk_widget_get_sensitive (button);
}

static double
get_arr_at (TlWindow *window,
            guint     position)
{
  const TlAccountTable *table = tl_document_get_table (tl_window_get_document (window));
  GListModel *model = tl_window_get_visible_model (window);

  return tl_account_table_get_arr (table)[get_row_index (model, position)];
}

static void
test_window_empty_state (void)
{
  TlWindow *window = create_window ();

  g_assert_cmpstr (tl_window_get_page (window), ==, "empty");
  g_assert_true (tl_window_is_empty (window));
  g_assert_null (tl_window_get_document (window));
  g_assert_null (tl_window_get_visible_model (window));
  g_assert_false (is_action_button_sensitive (GTK_WIDGET (window), "win.export"));
  g_assert_true (is_action_button_sensitive (GTK_WIDGET (window), "win.open"));

  destroy_window (window);
}

static void
test_window_open_shows_accounts (void)
{
  TlWindow *window = create_loaded_window ();
  GListModel *model = tl_window_get_visible_model (window);
  g_autoptr(GPtrArray) cells = NULL;

  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ACCOUNTS);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui-accounts.csv");
  g_assert_false (tl_window_is_empty (window));

  /* The table opens sorted by ARR, largest first. */
  for (guint i = 0; i < N_ACCOUNTS; i++)
    g_assert_cmpstr (get_name_at (window, i), ==, names_by_arr_desc[i]);

  cells = collect_account_cells (window);
  g_assert_cmpuint (cells->len, ==, N_ACCOUNTS);
  for (guint i = 0; i < cells->len; i++)
    g_assert_cmpstr (g_ptr_array_index (cells, i), ==, names_by_arr_desc[i]);

  g_assert_cmpstr (tl_window_get_status (window), ==,
                   "12 accounts · 1 cell not read · 1 account needs data");

  destroy_window (window);
}

static void
test_window_header_sort_arr (void)
{
  TlWindow *window = create_loaded_window ();
  GtkColumnView *column_view = tl_window_get_column_view (window);
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *arr_column;
  GListModel *model;

  name_column = tl_window_get_column (window, "name");
  arr_column = tl_window_get_column (window, "arr");
  g_assert_nonnull (name_column);
  g_assert_nonnull (arr_column);

  /* Sort by another column first, so that the ARR sort really reorders. */
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Bramblewood Studios");

  gtk_column_view_sort_by_column (column_view, arr_column, GTK_SORT_DESCENDING);
  model = tl_window_get_visible_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ACCOUNTS);
  for (guint i = 0; i < N_ACCOUNTS; i++)
    g_assert_cmpstr (get_name_at (window, i), ==, names_by_arr_desc[i]);
  for (guint i = 1; i + 1 < N_ACCOUNTS; i++)
    g_assert_cmpfloat (get_arr_at (window, i - 1), >=, get_arr_at (window, i));

  gtk_column_view_sort_by_column (column_view, arr_column, GTK_SORT_ASCENDING);
  for (guint i = 0; i + 1 < N_ACCOUNTS; i++)
    g_assert_cmpstr (get_name_at (window, i), ==, names_by_arr_desc[N_ACCOUNTS - 2 - i]);
  g_assert_cmpstr (get_name_at (window, N_ACCOUNTS - 1), ==, "Moss Hollow Co-op");

  destroy_window (window);
}

static void
test_window_sort_by_action (void)
{
  TlWindow *window = create_loaded_window ();
  const TlSegmentation *segmentation;
  GListModel *model;
  guint previous = G_MAXUINT;
  gboolean seen_absent = FALSE;

  segmentation = tl_document_get_segmentation (tl_window_get_document (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "name", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-by", "(sb)", "health", TRUE);
  model = tl_window_get_visible_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ACCOUNTS);

  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      guint health = segmentation->health[get_row_index (model, i)];

      if (health == TL_HEALTH_ABSENT)
        {
          seen_absent = TRUE;
          continue;
        }

      g_assert_false (seen_absent);
      g_assert_cmpuint (health, <=, previous);
      previous = health;
    }
  g_assert_true (seen_absent);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Oakhurst Dental");

  /* Only the health header shows an arrow, not the name header too. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));
  g_assert_cmpuint (count_sort_arrows (GTK_WIDGET (tl_window_get_column_view (window))), ==, 1);

  destroy_window (window);
}

static AdwMessageDialog *
find_message_dialog (TlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static TlMappingDialog *
find_mapping_dialog (TlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TL_IS_MAPPING_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return TL_MAPPING_DIALOG (toplevel);
    }

  return NULL;
}

/* Forgets the columns chosen by earlier tests. */
static void
forget_column_maps (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");

  g_settings_reset (settings, "column-maps");
}

/* Returns the position of @header among the choices of @row. */
static guint
find_choice (AdwComboRow *row,
             const char  *header)
{
  GListModel *choices = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (gtk_string_object_get_string (choice), header) == 0)
        return i;
    }

  g_error ("No choice “%s”", header);
}

/* Chooses the column @header, or "Not in this file" for NULL, for @field
 * by setting the selected property, as a click in the popover does. */
static void
choose_column (TlMappingDialog *dialog,
               TlField          field,
               const char      *header)
{
  AdwComboRow *row = tl_mapping_dialog_get_row (dialog, field);

  g_object_set (row, "selected", header != NULL ? find_choice (row, header) : 0, NULL);
}

static gboolean
has_row_class (TlMappingDialog *dialog,
               TlField          field,
               const char      *css_class)
{
  return gtk_widget_has_css_class (GTK_WIDGET (tl_mapping_dialog_get_row (dialog, field)),
                                   css_class);
}

static const char *
get_row_subtitle (TlMappingDialog *dialog,
                  TlField          field)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (tl_mapping_dialog_get_row (dialog, field)));
}

static gboolean
can_apply (TlMappingDialog *dialog)
{
  return is_action_button_sensitive (GTK_WIDGET (dialog), "mapping.apply");
}

/* Clicks Apply and checks that the dialog closed. */
static void
apply_mapping (TlWindow        *window,
               TlMappingDialog *dialog)
{
  GtkWidget *apply = gui_test_find_action_button (GTK_WIDGET (dialog), "mapping.apply");

  g_assert_true (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (apply, "clicked");
  spin_pending ();
  g_assert_null (find_mapping_dialog (window));
}

/* A revenue column of text opens the columns dialog with the reason, and
 * choosing a column of amounts instead shows the accounts. */
static void
test_window_text_arr_opens_mapping (void)
{
  TlWindow *window = create_window ();
  TlMappingDialog *dialog;

  forget_column_maps ();
  open_test_file (window, "gui-text-arr.csv");

  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog),
                            "The column “ARR” has no amounts"));
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog), "“about 100k” on line 2"));
  g_assert_null (tl_window_get_document (window));

  choose_column (dialog, TL_FIELD_ARR, NULL);
  choose_column (dialog, TL_FIELD_MRR, "Fee");
  g_assert_true (can_apply (dialog));
  apply_mapping (window, dialog);

  g_assert_nonnull (tl_window_get_document (window));
  g_assert_cmpfloat (tl_account_table_get_arr (tl_document_get_table (
                       tl_window_get_document (window)))[5], ==, 180000);
  destroy_window (window);
}

static void
test_window_missing_arr_opens_mapping (void)
{
  TlWindow *window = create_window ();
  TlMappingDialog *dialog;
  TlDocument *document;
  const char *problem;

  forget_column_maps ();
  open_test_file (window, "gui-no-arr.csv");

  /* The columns are chosen by hand, not explained in an error dialog. */
  g_assert_null (find_message_dialog (window));
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog), "ARR or MRR"));
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog), "“gui-no-arr.csv”"));

  /* The window shows what it showed before until the map is applied. */
  g_assert_cmpstr (tl_window_get_page (window), ==, "empty");
  g_assert_null (tl_window_get_document (window));

  /* The matched columns are chosen, with a preview of their values. */
  g_assert_cmpuint (adw_combo_row_get_selected (tl_mapping_dialog_get_row (dialog, TL_FIELD_NAME)),
                    ==, 2);
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_SEATS_LICENSED), ==, "500, 300, 120");
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_OWNER), ==,
                   "Dana Whitley, Ravi Anand, Dana Whitley");

  /* Without ARR or MRR, both are marked as required and Apply is off. */
  g_assert_false (can_apply (dialog));
  problem = tl_mapping_dialog_get_problem (dialog);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "ARR"));
  g_assert_true (has_row_class (dialog, TL_FIELD_ARR, "mapping-required"));
  g_assert_true (has_row_class (dialog, TL_FIELD_MRR, "mapping-required"));
  g_assert_false (has_row_class (dialog, TL_FIELD_NAME, "mapping-required"));

  /* A column chosen for two fields is a problem on both rows. */
  choose_column (dialog, TL_FIELD_ARR, "Licensed Seats");
  g_assert_false (can_apply (dialog));
  g_assert_true (has_row_class (dialog, TL_FIELD_ARR, "mapping-conflict"));
  g_assert_true (has_row_class (dialog, TL_FIELD_SEATS_LICENSED, "mapping-conflict"));
  g_assert_false (has_row_class (dialog, TL_FIELD_MRR, "mapping-required"));
  g_assert_nonnull (strstr (tl_mapping_dialog_get_problem (dialog), "“Licensed Seats”"));

  choose_column (dialog, TL_FIELD_SEATS_LICENSED, NULL);
  g_assert_true (can_apply (dialog));
  g_assert_null (tl_mapping_dialog_get_problem (dialog));
  g_assert_false (has_row_class (dialog, TL_FIELD_ARR, "mapping-conflict"));
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_ARR), ==, "500, 300, 120");

  /* Without a name or an id, Apply is off again. */
  choose_column (dialog, TL_FIELD_NAME, NULL);
  choose_column (dialog, TL_FIELD_ID, NULL);
  g_assert_false (can_apply (dialog));
  g_assert_nonnull (strstr (tl_mapping_dialog_get_problem (dialog), "account names"));

  /* Cancel goes back to the empty window and drops the document read. */
  document = tl_mapping_dialog_get_document (dialog);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  gtk_window_close (GTK_WINDOW (dialog));
  spin_until (pointer_cleared, &document, 5000);
  g_assert_null (find_mapping_dialog (window));
  g_assert_cmpstr (tl_window_get_page (window), ==, "empty");
  g_assert_true (tl_window_is_empty (window));

  destroy_window (window);
}

/* Checks the tier cards against the accounts expected in each tier. */
static void
assert_tier_accounts (TlWindow          *window,
                      const char * const expected[4])
{
  TlTierSummary *summary = tl_window_get_tier_summary (window);

  for (guint tier = 1; tier <= 4; tier++)
    g_assert_cmpstr (tl_tier_card_get_accounts (tl_tier_summary_get_card (summary, tier)),
                     ==, expected[tier - 1]);
}

static void
test_window_mapping_apply_shows_accounts (void)
{
  TlWindow *window = create_window ();
  /* Default bounds 250,000 / 50,000 / 10,000 for fewer than 20 accounts. */
  const char * const expected[] = { "1 account", "2 accounts", "1 account", "1 account" };
  TlMappingDialog *dialog;
  TlDocument *document;

  forget_column_maps ();
  open_test_file (window, "gui-unnamed-revenue.csv");
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  document = tl_mapping_dialog_get_document (dialog);

  choose_column (dialog, TL_FIELD_ARR, "Yearly Fee");
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_ARR), ==, "300000, 120000, 60000");
  apply_mapping (window, dialog);

  /* The document that was read is shown, and the file is not read again. */
  g_assert_false (tl_window_is_loading (window));
  g_assert_true (tl_window_get_document (window) == document);
  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui-unnamed-revenue.csv");
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 5);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Northgate Logistics");
  g_assert_cmpfloat (get_arr_at (window, 0), ==, 300000.0);
  g_assert_cmpfloat (get_arr_at (window, 4), ==, 5000.0);
  assert_tier_accounts (window, expected);
  g_assert_cmpstr (tl_window_get_status (window), ==, "5 accounts");

  destroy_window (window);
}

/* Writes a file with the header row of gui-unnamed-revenue.csv and other
 * accounts. */
static char *
write_same_headers_file (const char *folder)
{
  const char *text = "Account ID,Account Name,Yearly Fee,Licensed Seats,CSM\n"
                     "ACC-21,Larkspur Cafe,4200,3,Mei Tanaka\n"
                     "ACC-22,Juniper Ridge Bank,420000,60,Ravi Anand\n";
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "next-quarter.csv", NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_window_mapping_remembered (void)
{
  TlWindow *window = create_window ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");
  g_autoptr(GVariant) maps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TlMappingDialog *dialog;
  const TlFieldMap *map;

  g_assert_no_error (error);
  forget_column_maps ();
  open_test_file (window, "gui-unnamed-revenue.csv");
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  choose_column (dialog, TL_FIELD_ARR, "Yearly Fee");
  choose_column (dialog, TL_FIELD_OWNER, NULL);
  apply_mapping (window, dialog);

  maps = g_settings_get_value (settings, "column-maps");
  g_assert_cmpuint (g_variant_n_children (maps), ==, 1);

  /* Another file with the same header row opens without the dialog and
   * with the same columns, the owner column left out included. */
  path = write_same_headers_file (folder);
  file = g_file_new_for_path (path);
  tl_window_open_file (window, file);
  spin_until (job_done, window, 20000);

  g_assert_null (find_mapping_dialog (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "next-quarter.csv");
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 2);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Juniper Ridge Bank");
  g_assert_cmpfloat (get_arr_at (window, 0), ==, 420000.0);
  map = tl_document_get_map (tl_window_get_document (window));
  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_ARR), ==, 2);
  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_OWNER), ==, -1);
  g_assert_cmpint (tl_field_map_get_column (map, TL_FIELD_SEATS_LICENSED), ==, 3);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  destroy_window (window);
  forget_column_maps ();
}

static void
test_window_mapping_ambiguous (void)
{
  TlWindow *window = create_window ();
  TlMappingDialog *dialog;
  AdwComboRow *arr_row;

  forget_column_maps ();
  open_test_file (window, "gui-ambiguous-arr.csv");
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog), "look like ARR"));

  /* The field that several columns match starts without a choice. */
  arr_row = tl_mapping_dialog_get_row (dialog, TL_FIELD_ARR);
  g_assert_cmpuint (adw_combo_row_get_selected (arr_row), ==, GTK_INVALID_LIST_POSITION);
  g_assert_true (has_row_class (dialog, TL_FIELD_ARR, "mapping-ambiguous"));
  g_assert_nonnull (strstr (get_row_subtitle (dialog, TL_FIELD_ARR), "“Total ARR”"));
  g_assert_nonnull (strstr (get_row_subtitle (dialog, TL_FIELD_ARR), "“ARR Amount”"));
  g_assert_false (can_apply (dialog));

  choose_column (dialog, TL_FIELD_ARR, "ARR Amount");
  g_assert_false (has_row_class (dialog, TL_FIELD_ARR, "mapping-ambiguous"));
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_ARR), ==, "52000, 130000, 9000");
  apply_mapping (window, dialog);

  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 3);
  g_assert_cmpfloat (get_arr_at (window, 0), ==, 130000.0);

  destroy_window (window);
  forget_column_maps ();
}

static void
test_window_choose_columns (void)
{
  TlWindow *window = create_loaded_window ();
  TlDocument *document = tl_window_get_document (window);
  g_autofree char *status = g_strdup (tl_window_get_status (window));
  TlMappingDialog *dialog;

  forget_column_maps ();
  g_assert_true (is_action_button_sensitive (GTK_WIDGET (window), "win.show-report"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL);
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (tl_mapping_dialog_get_intro (dialog), "“gui-accounts.csv”"));
  g_assert_true (can_apply (dialog));

  /* Cancel changes nothing, whatever was chosen. */
  choose_column (dialog, TL_FIELD_ARR, NULL);
  g_assert_false (can_apply (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  spin_pending ();
  g_assert_true (tl_window_get_document (window) == document);
  g_assert_cmpint (tl_field_map_get_column (tl_document_get_map (document), TL_FIELD_ARR), ==, 2);
  g_assert_cmpstr (tl_window_get_status (window), ==, status);

  /* Apply segments the same document again, in memory. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL);
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  choose_column (dialog, TL_FIELD_ARR, "Licensed Seats");
  choose_column (dialog, TL_FIELD_SEATS_LICENSED, NULL);
  apply_mapping (window, dialog);

  g_assert_true (tl_window_get_document (window) == document);
  g_assert_cmpint (tl_field_map_get_column (tl_document_get_map (document), TL_FIELD_ARR), ==, 3);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Northgate Logistics");
  g_assert_cmpfloat (get_arr_at (window, 0), ==, 500.0);
  g_assert_cmpstr (tl_window_get_status (window), ==, "12 accounts · 1 cell not read");

  destroy_window (window);
  forget_column_maps ();
}

static void
test_window_mapping_preview_commas (void)
{
  TlWindow *window = create_window ();
  TlMappingDialog *dialog;

  /* Amounts with thousands separators are set apart by middle dots. */
  open_test_file (window, "import-title-lines.csv");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL);
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_ARR), ==, "$48,000 · $9,500");
  g_assert_cmpstr (get_row_subtitle (dialog, TL_FIELD_NAME), ==, "Harbor Clinics, Ionic Labs");

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
}

static void
test_window_mapping_cancel_keeps_document (void)
{
  TlWindow *window = create_loaded_window ();
  TlDocument *before = tl_window_get_document (window);
  TlMappingDialog *dialog;

  forget_column_maps ();
  open_test_file (window, "gui-no-arr.csv");
  dialog = find_mapping_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (tl_window_get_document (window) == before);
  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");

  gtk_window_close (GTK_WINDOW (dialog));
  spin_pending ();
  g_assert_true (tl_window_get_document (window) == before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui-accounts.csv");
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==,
                    N_ACCOUNTS);

  destroy_window (window);
}

static const char *
get_subtitle (TlWindow *window)
{
  GtkWidget *title = gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);

  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static void
test_window_combine_rows (void)
{
  TlWindow *window = create_window ();
  GtkWidget *combine_button;

  open_test_file (window, "import-subscriptions.csv");
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 5);
  g_assert_cmpstr (tl_window_get_combine_bar_text (window), ==,
                   "2 rows repeat an account id: the file seems to list subscriptions, "
                   "not accounts.");
  g_assert_false (tl_window_get_combine_ids (window));
  g_assert_true (g_str_has_prefix (get_subtitle (window), "5 accounts · "));
  combine_button = gui_test_find_action_button (GTK_WIDGET (window), "win.combine-ids");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (combine_button)), ==,
                   "_Combine Rows by Account");
  g_assert_true (gtk_widget_get_sensitive (combine_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.combine-ids", NULL);
  g_assert_true (tl_window_get_combine_ids (window));
  g_assert_true (tl_document_get_combine_ids (tl_window_get_document (window)));
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 3);
  g_assert_cmpstr (get_name_at (window, 0), ==, "Juniper Foods");
  g_assert_cmpfloat (get_arr_at (window, 0), ==, 30000.0);
  g_assert_cmpstr (tl_window_get_combine_bar_text (window), ==,
                   "5 rows combined into 3 accounts.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (combine_button)), ==,
                   "_Show Rows Separately");
  g_assert_true (g_str_has_prefix (get_subtitle (window), "3 accounts · "));
  g_assert_true (g_str_has_prefix (tl_window_get_status (window), "3 accounts"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.combine-ids", NULL);
  g_assert_false (tl_window_get_combine_ids (window));
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), ==, 5);
  g_assert_true (g_str_has_prefix (tl_window_get_combine_bar_text (window), "2 rows repeat"));
  g_assert_true (g_str_has_prefix (get_subtitle (window), "5 accounts · "));

  destroy_window (window);
}

static void
test_window_no_combine_bar (void)
{
  TlWindow *window = create_loaded_window ();

  g_assert_null (tl_window_get_combine_bar_text (window));
  g_assert_false (is_action_button_sensitive (GTK_WIDGET (window), "win.combine-ids"));

  destroy_window (window);
}

static void
test_window_status_counts (void)
{
  TlWindow *window = create_window ();

  /* A short row without MRR, a row with a cell past the last column, and
   * a row whose trailing cells are empty, which passes silently. */
  open_test_file (window, "import-ragged-rows.csv");
  g_assert_cmpstr (tl_window_get_status (window), ==,
                   "4 accounts · 1 cell not read · 1 account needs data · 1 note");
  g_assert_true (is_action_button_sensitive (GTK_WIDGET (window), "win.show-report"));

  open_test_file (window, "import-windows-1252.csv");
  g_assert_true (g_str_has_suffix (tl_window_get_status (window), " · Read as Windows-1252"));

  destroy_window (window);
}

static void
test_window_tier_summary_counts (void)
{
  TlWindow *window = create_loaded_window ();
  TlTierSummary *summary = tl_window_get_tier_summary (window);
  /* Fewer than 20 accounts keep the default bounds 250,000 / 50,000 /
   * 10,000: two accounts at or above 250,000, three from 50,000 (one of
   * them exactly 50,000), three from 10,000 (one exactly 10,000), three
   * below, and one without ARR. */
  const char * const expected[] = { "2 accounts", "3 accounts", "3 accounts", "3 accounts" };

  for (guint tier = 1; tier <= 4; tier++)
    g_assert_cmpstr (tl_tier_card_get_accounts (tl_tier_summary_get_card (summary, tier)),
                     ==, expected[tier - 1]);

  g_assert_cmpstr (tl_tier_summary_get_note (summary), ==, "Needs data: 1 account without ARR");
  g_assert_nonnull (tl_tier_summary_get_calibration_note (summary));
  g_assert_cmpfloat (tl_share_bar_get_share (tl_tier_summary_get_share_bar (summary), 1), >, 0.75);

  destroy_window (window);
}

static void
test_window_export (void)
{
  TlWindow *window = create_loaded_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  path = g_build_filename (folder, "gui-accounts-segmentation.xlsx", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (is_action_button_sensitive (GTK_WIDGET (window), "win.export"));
  tl_window_export_to (window, file);
  g_assert_true (tl_window_is_exporting (window));
  spin_until (job_done, window, 20000);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");

  /* The Accounts sheet holds the file's rows in order: Copperleaf Health,
   * second in the file, is row 3, and its ARR of 640,500 is tier 1 under
   * the default bounds (12 accounts are too few to calibrate). */
  {
    const char *argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
    g_autofree char *sheet = NULL;
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &sheet, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_regex_match_simple ("<row r=\"3\".*Copperleaf Health", sheet, 0, 0));
    g_assert_true (g_regex_match_simple ("<c r=\"C3\"[^>]*><v>1</v>", sheet, 0, 0));
    g_assert_true (g_regex_match_simple ("<c r=\"D3\"[^>]*><is><t>Strategic</t>", sheet, 0, 0));
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  destroy_window (window);
}

static gboolean
strv_contains_name (GPtrArray  *texts,
                    const char *name)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (texts, i), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_window_sort_keeps_selection (void)
{
  TlWindow *window = create_window ();
  GtkColumnView *column_view = tl_window_get_column_view (window);
  g_autoptr(GPtrArray) cells = NULL;
  GtkSingleSelection *selection;
  TlAccountRow *selected;
  g_autofree char *name = NULL;
  guint index;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_true (tl_window_is_loading (window));
  spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));
  g_assert_cmpuint (g_list_model_get_n_items (tl_window_get_visible_model (window)), >, 100);
  /* The sample has enough accounts for its tier bounds to be calibrated. */
  g_assert_null (tl_tier_summary_get_calibration_note (tl_window_get_tier_summary (window)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (column_view));

  /* Select an account far down the list, out of view. */
  selection = GTK_SINGLE_SELECTION (tl_window_get_visible_model (window));
  gtk_single_selection_set_selected (selection, 90);
  index = get_row_index (G_LIST_MODEL (selection), 90);
  name = g_strdup (get_name_at (window, 90));

  gtk_column_view_sort_by_column (column_view, tl_window_get_column (window, "name"),
                                  GTK_SORT_DESCENDING);
  selection = GTK_SINGLE_SELECTION (tl_window_get_visible_model (window));
  selected = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (selected);
  g_assert_cmpuint (tl_account_row_get_index (selected), ==, index);
  g_assert_cmpstr (get_name_at (window, gtk_single_selection_get_selected (selection)), ==, name);

  /* The selected account was scrolled into view. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (column_view));
  cells = collect_account_cells (window);
  g_assert_true (strv_contains_name (cells, name));

  destroy_window (window);
}

static TlReportWindow *
find_report_window (TlWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (TL_IS_REPORT_WINDOW (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return TL_REPORT_WINDOW (toplevel);
    }

  return NULL;
}

static void
test_window_report_lists_issues (void)
{
  TlWindow *window = create_loaded_window ();
  TlReportWindow *report_window;
  GListModel *lines;
  g_autoptr(GString) text = g_string_new (NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  report_window = find_report_window (window);
  g_assert_nonnull (report_window);

  /* The file has one account without ARR, on line 4, and one renewal that
   * is no date. */
  lines = tl_report_window_get_lines (report_window);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkStringObject) line = g_list_model_get_item (lines, i);

      g_string_append_printf (text, "%s\n", gtk_string_object_get_string (line));
    }
  g_assert_nonnull (strstr (text->str, "next spring"));
  g_assert_nonnull (strstr (text->str, "Line 4"));

  gtk_window_destroy (GTK_WINDOW (report_window));
  destroy_window (window);
}

/* Returns the lines of the report window, each ending with a newline. */
static char *
collect_report_lines (TlReportWindow *report_window)
{
  GListModel *lines = tl_report_window_get_lines (report_window);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GtkStringObject) line = g_list_model_get_item (lines, i);

      g_string_append_printf (text, "%s\n", gtk_string_object_get_string (line));
    }

  return g_string_free (text, FALSE);
}

static void
test_window_report_lists_new_kinds (void)
{
  TlWindow *window = create_window ();
  TlReportWindow *report_window;
  g_autofree char *title_lines = NULL;
  g_autofree char *repeated = NULL;

  /* Title lines above the header, and day/month dates that could be read
   * either way. */
  open_test_file (window, "import-title-lines.csv");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  report_window = find_report_window (window);
  g_assert_nonnull (report_window);
  title_lines = collect_report_lines (report_window);
  g_assert_nonnull (strstr (title_lines, "Line 1: "));
  g_assert_nonnull (strstr (title_lines, "Account export for Q4 2026"));
  g_assert_nonnull (strstr (title_lines, "Line 2: "));
  g_assert_nonnull (strstr (title_lines, "Line 5, column “Renewal Date”: "));
  g_assert_nonnull (strstr (title_lines, "“3/4/2027”"));
  gtk_window_destroy (GTK_WINDOW (report_window));

  /* Rows that repeat an account id. */
  open_test_file (window, "import-subscriptions.csv");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  report_window = find_report_window (window);
  g_assert_nonnull (report_window);
  repeated = collect_report_lines (report_window);
  g_assert_nonnull (strstr (repeated, "Line 4, column “Account ID”: The id “A-1”"));
  g_assert_nonnull (strstr (repeated, "Line 6, column “Account ID”: The id “A-2”"));
  gtk_window_destroy (GTK_WINDOW (report_window));

  destroy_window (window);
}

/* Writes a file whose ARR cells are all unreadable but the last one, so
 * that the column is read as ARR: each other row adds a cell not read and
 * an account without ARR to the report. */
static char *
write_unreadable_file (const char *folder,
                       guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("Account ID,Account Name,ARR\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "unreadable.csv", NULL);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "ID-%u,Account %u,about %u\n", i, i, i);
  g_string_append_printf (text, "ID-%u,Account %u,1000\n", n_rows, n_rows);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_window_report_many_issues (void)
{
  TlWindow *window = create_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkStringObject) first = NULL;
  g_autoptr(GtkStringObject) last = NULL;
  TlReportWindow *report_window;
  GListModel *lines;
  gint64 start;
  gint64 elapsed_ms;

  g_assert_no_error (error);
  path = write_unreadable_file (folder, 100000);
  file = g_file_new_for_path (path);
  tl_window_open_file (window, file);
  spin_until (job_done, window, 60000);
  g_assert_cmpstr (tl_window_get_status (window), ==,
                   "100,001 accounts · 100,000 cells not read · 100,000 accounts need data");

  /* The report keeps 100,000 issues for listing. The list shows them all,
   * then a line with the number of issues that were only counted. */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-report", NULL);
  report_window = find_report_window (window);
  g_assert_nonnull (report_window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (report_window));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("The report window of 100,000 issues opened in %" G_GINT64_FORMAT " ms",
                  elapsed_ms);
  g_assert_cmpint (elapsed_ms, <, 5000);

  lines = tl_report_window_get_lines (report_window);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, 100001);
  first = g_list_model_get_item (lines, 0);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (first),
                                   "Line 2, column “ARR”: “about 0” is not a number"));
  last = g_list_model_get_item (lines, 100000);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "… and 100,000 more, not listed");
  g_assert_null (g_list_model_get_item (lines, 100001));

  gtk_window_destroy (GTK_WINDOW (report_window));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  destroy_window (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_window_drop_opens_file (void)
{
  TlWindow *window = create_window ();
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) other = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = NULL;
  GdkDragAction action = 0;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "gui-accounts.csv", NULL));
  other = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "gui-no-arr.csv", NULL));

  g_signal_emit_by_name (target, "enter", 10.0, 10.0, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_COPY);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));

  /* Only the first of the dropped files is opened. */
  files = g_slist_append (files, file);
  files = g_slist_append (files, other);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "drop-active"));
  g_assert_true (tl_window_is_loading (window));

  spin_until (job_done, window, 20000);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui-accounts.csv");

  destroy_window (window);
}

static void
test_window_close_saves_size (void)
{
  TlWindow *window = create_window ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");
  int width;
  int height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  spin_until (pointer_cleared, &window, 5000);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at the saved size. */
  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  destroy_window (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Writes an accounts file big enough that reading it outlasts a cancel. */
static char *
write_large_file (const char *folder)
{
  g_autoptr(GString) text = g_string_new ("Account ID,Account Name,ARR\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "large.csv", NULL);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "ID-%u,Account %u,%u\n", i, i, (i * 7919) % 900000);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_window_cancel_keeps_document (void)
{
  TlWindow *window = create_loaded_window ();
  TlDocument *before = tl_window_get_document (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  path = write_large_file (folder);
  file = g_file_new_for_path (path);

  tl_window_open_file (window, file);
  g_assert_true (tl_window_is_loading (window));
  tl_window_cancel (window);
  spin_until (job_done, window, 20000);

  g_assert_true (tl_window_get_document (window) == before);
  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "gui-accounts.csv");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display available (run under xvfb-run)\n");
      return 0;
    }

  app = tl_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/tierline/window/empty-state", test_window_empty_state);
  g_test_add_func ("/tierline/window/open-shows-accounts", test_window_open_shows_accounts);
  g_test_add_func ("/tierline/window/header-sort-arr", test_window_header_sort_arr);
  g_test_add_func ("/tierline/window/sort-by-action", test_window_sort_by_action);
  g_test_add_func ("/tierline/window/sort-keeps-selection", test_window_sort_keeps_selection);
  g_test_add_func ("/tierline/window/text-arr-opens-mapping", test_window_text_arr_opens_mapping);
  g_test_add_func ("/tierline/window/missing-arr-opens-mapping",
                   test_window_missing_arr_opens_mapping);
  g_test_add_func ("/tierline/window/mapping-apply-shows-accounts",
                   test_window_mapping_apply_shows_accounts);
  g_test_add_func ("/tierline/window/mapping-remembered", test_window_mapping_remembered);
  g_test_add_func ("/tierline/window/mapping-ambiguous", test_window_mapping_ambiguous);
  g_test_add_func ("/tierline/window/mapping-preview-commas", test_window_mapping_preview_commas);
  g_test_add_func ("/tierline/window/mapping-cancel-keeps-document",
                   test_window_mapping_cancel_keeps_document);
  g_test_add_func ("/tierline/window/choose-columns", test_window_choose_columns);
  g_test_add_func ("/tierline/window/combine-rows", test_window_combine_rows);
  g_test_add_func ("/tierline/window/no-combine-bar", test_window_no_combine_bar);
  g_test_add_func ("/tierline/window/status-counts", test_window_status_counts);
  g_test_add_func ("/tierline/window/tier-summary-counts", test_window_tier_summary_counts);
  g_test_add_func ("/tierline/window/report-lists-issues", test_window_report_lists_issues);
  g_test_add_func ("/tierline/window/report-lists-new-kinds", test_window_report_lists_new_kinds);
  g_test_add_func ("/tierline/window/report-many-issues", test_window_report_many_issues);
  g_test_add_func ("/tierline/window/drop-opens-file", test_window_drop_opens_file);
  g_test_add_func ("/tierline/window/close-saves-size", test_window_close_saves_size);
  g_test_add_func ("/tierline/window/export", test_window_export);
  g_test_add_func ("/tierline/window/cancel-keeps-document", test_window_cancel_keeps_document);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
