/* test-model-dialogs.c
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

#define G_LOG_DOMAIN "test-model-dialogs"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "tl-expansion-dialog.h"
#include "tl-health-dialog.h"
#include "tl-model-file.h"
#include "tl-motion-dialog.h"
#include "tl-thresholds-dialog.h"

/* The dialogs that tune the segmentation model, driven through the
 * window's actions and their fields, and checked by what the summary and
 * the table show afterwards. */

#define SETTINGS_KEY "default-model"

/* Forgets the model that an earlier test applied. */
static void
reset_default_model (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");

  g_settings_reset (settings, SETTINGS_KEY);
}

static char *
get_settings_model (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tierline.Tierline");

  return g_settings_get_string (settings, SETTINGS_KEY);
}

static gboolean
job_done (gpointer data)
{
  return !tl_window_is_loading (data) && !tl_window_is_exporting (data);
}

static TlWindow *
open_sample_window (void)
{
  TlWindow *window = tl_window_new (gui_test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  g_assert_true (tl_window_is_loading (window));
  gui_test_spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));

  return window;
}

/* Returns the one visible window that is transient for @window and of
 * @type, or NULL. */
static GtkWindow *
find_dialog (TlWindow *window,
             GType     type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          g_assert_null (found);
          found = toplevel;
        }
    }

  return found;
}

static GtkWindow *
open_dialog (TlWindow   *window,
             const char *action,
             GType       type)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  dialog = find_dialog (window, type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static gboolean
can_apply (GtkWindow  *dialog,
           const char *action)
{
  GtkWidget *button = gui_test_find_action_button (GTK_WIDGET (dialog), action);

  g_assert_nonnull (button);

  return gtk_widget_get_sensitive (button);
}

/* Clicks Apply and checks that the dialog closed. */
static void
click_apply (TlWindow   *window,
             GtkWindow  *dialog,
             const char *action)
{
  GtkWidget *button = gui_test_find_action_button (GTK_WIDGET (dialog), action);
  GType type = G_OBJECT_TYPE (dialog);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin_pending ();
  g_assert_null (find_dialog (window, type));
}

/* Closes the dialog as its Cancel button does. */
static void
click_cancel (TlWindow  *window,
              GtkWindow *dialog)
{
  GType type = G_OBJECT_TYPE (dialog);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  gui_test_spin_pending ();
  g_assert_null (find_dialog (window, type));
}

static void
type_text (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
get_preview_accounts (TlThresholdsDialog *dialog,
                      guint               tier)
{
  return tl_tier_preview_get_accounts (tl_thresholds_dialog_get_preview (dialog), tier);
}

/* Checks the number of accounts that the four tier cards show. */
static void
assert_cards (TlWindow          *window,
              const char * const expected[4])
{
  TlTierSummary *summary = tl_window_get_tier_summary (window);

  for (guint tier = 1; tier <= 4; tier++)
    g_assert_cmpstr (tl_tier_card_get_accounts (tl_tier_summary_get_card (summary, tier)),
                     ==, expected[tier - 1]);
}

static char *
get_document_model_data (TlWindow *window)
{
  return tl_model_to_data (tl_document_get_model (tl_window_get_document (window)), NULL);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns the row widget of the table that draws the account @name. */
static GtkWidget *
find_table_row (TlWindow   *window,
                const char *name)
{
  GtkWidget *column_view = GTK_WIDGET (tl_window_get_column_view (window));
  GtkWidget *list_view = NULL;

  gtk_test_widget_wait_for_draw (column_view);
  for (GtkWidget *child = gtk_widget_get_first_child (column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list_view = child;
  g_assert_nonnull (list_view);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);
      GtkWidget *content = cell != NULL ? gtk_widget_get_first_child (cell) : NULL;

      if (GTK_IS_INSCRIPTION (content) && gtk_widget_get_mapped (content)
          && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (content)), name) == 0)
        return row;
    }

  g_error ("The table does not draw “%s”", name);
}

/* Returns the score that the health cell of the account @name shows. */
static const char *
get_health_cell (TlWindow   *window,
                 const char *name)
{
  GtkWidget *dot = find_with_class (find_table_row (window, name), "health-dot");

  g_assert_nonnull (dot);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (dot)));
}

/* Returns the text of the expansion badge of the account @name. */
static const char *
get_expansion_cell (TlWindow   *window,
                    const char *name)
{
  GtkWidget *badge = find_with_class (find_table_row (window, name), "badge");

  g_assert_nonnull (badge);

  return gtk_label_get_text (GTK_LABEL (badge));
}

static void
test_thresholds_typed_bound (void)
{
  const char * const calibrated[] = { "18 accounts", "48 accounts", "64 accounts", "68 accounts" };
  const char * const by_hand[] = { "7 accounts", "59 accounts", "64 accounts", "68 accounts" };
  TlThresholdsDialog *dialog;
  const TlModel *model;
  TlWindow *window;

  reset_default_model ();
  window = open_sample_window ();
  assert_cards (window, calibrated);

  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));
  g_assert_true (gtk_switch_get_active (tl_thresholds_dialog_get_automatic_switch (dialog)));
  g_assert_cmpstr (get_preview_accounts (dialog, 1), ==, "18");

  /* Typing a bound sets the bounds by hand, and the preview follows. */
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "300k");
  g_assert_false (gtk_switch_get_active (tl_thresholds_dialog_get_automatic_switch (dialog)));
  g_assert_null (tl_thresholds_dialog_get_bound_error (dialog, 1));
  g_assert_cmpstr (get_preview_accounts (dialog, 1), ==, "7");
  g_assert_cmpstr (get_preview_accounts (dialog, 2), ==, "59");
  g_assert_cmpstr (tl_tier_preview_get_share (tl_thresholds_dialog_get_preview (dialog),
                                              1, TL_PREVIEW_SHARE_ACCOUNTS),
                   ==, "3.5 %");
  /* 7 of 198 accounts is below tier 1's target of 5-10 %. */
  g_assert_true (tl_tier_preview_is_share_marked (tl_thresholds_dialog_get_preview (dialog), 1,
                                                 TL_PREVIEW_SHARE_ACCOUNTS));
  g_assert_false (tl_tier_preview_is_share_marked (tl_thresholds_dialog_get_preview (dialog), 3,
                                                  TL_PREVIEW_SHARE_ACCOUNTS));

  click_apply (window, GTK_WINDOW (dialog), "thresholds.apply");
  assert_cards (window, by_hand);
  model = tl_document_get_model (tl_window_get_document (window));
  g_assert_false (model->thresholds_automatic);
  g_assert_cmpfloat (model->tiers[0].lower_bound, ==, 300000.0);
  g_assert_cmpfloat (model->tiers[1].lower_bound, ==, 49000.0);

  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_thresholds_suggest (void)
{
  TlThresholdsDialog *dialog;
  GtkSwitch *automatic;
  TlWindow *window;

  reset_default_model ();
  window = open_sample_window ();
  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));
  automatic = tl_thresholds_dialog_get_automatic_switch (dialog);

  gtk_switch_set_active (automatic, FALSE);
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "500k");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 2), "100k");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "20k");
  g_assert_cmpstr (get_preview_accounts (dialog, 1), ==, "3");

  /* The bounds the core calibrates from the sample's 198 ARR values. */
  g_signal_emit_by_name (gui_test_find_action_button (GTK_WIDGET (dialog), "thresholds.suggest"),
                         "clicked");
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 1)), ==, "$160,000");
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 2)), ==, "$49,000");
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 3)), ==, "$15,000");
  g_assert_cmpstr (get_preview_accounts (dialog, 1), ==, "18");
  g_assert_null (tl_thresholds_dialog_get_note (dialog));
  /* Suggesting fills the bounds once, and they stay set by hand. */
  g_assert_false (gtk_switch_get_active (automatic));

  /* Turning calibration on again shows the calibrated bounds. */
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "400k");
  gtk_switch_set_active (automatic, TRUE);
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 1)), ==, "$160,000");

  click_cancel (window, GTK_WINDOW (dialog));
  gui_test_destroy_window (window);
}

static void
test_thresholds_suggest_too_few (void)
{
  TlWindow *window = NULL;
  TlThresholdsDialog *dialog;
  const char *note;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));

  /* Calibration is on but 11 accounts with ARR are too few, so the dialog
   * says why and shows the default bounds. */
  note = tl_thresholds_dialog_get_note (dialog);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "Only 11 accounts have ARR"));
  g_assert_nonnull (strstr (note, "at least 20"));
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 1)), ==, "$250,000");

  gtk_switch_set_active (tl_thresholds_dialog_get_automatic_switch (dialog), FALSE);
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "300k");
  g_signal_emit_by_name (gui_test_find_action_button (GTK_WIDGET (dialog), "thresholds.suggest"),
                         "clicked");
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (dialog, 1)), ==, "300k");
  g_assert_nonnull (tl_thresholds_dialog_get_note (dialog));

  click_cancel (window, GTK_WINDOW (dialog));
  gui_test_destroy_window (window);
}

static void
test_thresholds_invalid_fields (void)
{
  TlThresholdsDialog *dialog;
  AdwEntryRow *tier_2;
  AdwEntryRow *name_4;
  TlWindow *window;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));
  tier_2 = tl_thresholds_dialog_get_bound_row (dialog, 2);
  g_assert_true (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));

  /* Tier 2's bound above tier 1's. */
  type_text (tier_2, "$300,000");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (tier_2), "error"));
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 2), ==, "Must be below tier 1");
  g_assert_null (tl_thresholds_dialog_get_bound_error (dialog, 1));
  g_assert_false (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));

  /* Equal bounds do not descend either. */
  type_text (tier_2, "250k");
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 2), ==, "Must be below tier 1");

  type_text (tier_2, "1.2M");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "2M");
  g_assert_null (tl_thresholds_dialog_get_bound_error (dialog, 2));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (tier_2), "error"));
  g_assert_true (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));

  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "lots");
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 3), ==, "Not an amount");
  g_assert_false (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "");
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 3), ==, "Enter an amount");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "10%");
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 3), ==, "Not an amount");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "-5000");
  g_assert_cmpstr (tl_thresholds_dialog_get_bound_error (dialog, 3), ==, "Must be above 0");
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 3), "10k");
  g_assert_true (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));

  /* An empty name. */
  name_4 = tl_thresholds_dialog_get_name_row (dialog, 4);
  type_text (name_4, "   ");
  g_assert_cmpstr (tl_thresholds_dialog_get_name_error (dialog, 4), ==, "Enter a name");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name_4), "error"));
  g_assert_false (can_apply (GTK_WINDOW (dialog), "thresholds.apply"));
  type_text (name_4, "Self-Serve");
  g_assert_null (tl_thresholds_dialog_get_name_error (dialog, 4));

  /* The new name reaches the summary. */
  click_apply (window, GTK_WINDOW (dialog), "thresholds.apply");
  g_assert_cmpstr (tl_document_get_model (tl_window_get_document (window))->tiers[3].name, ==,
                   "Self-Serve");
  g_assert_cmpfloat (tl_document_get_model (tl_window_get_document (window))->tiers[1].lower_bound,
                     ==, 1200000.0);

  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_thresholds_cancel (void)
{
  const char * const defaults[] = { "2 accounts", "3 accounts", "3 accounts", "3 accounts" };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *settings = NULL;
  TlThresholdsDialog *dialog;
  TlWindow *window;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  before = get_document_model_data (window);
  assert_cards (window, defaults);

  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "100k");
  type_text (tl_thresholds_dialog_get_name_row (dialog, 1), "Enterprise");
  g_assert_cmpstr (get_preview_accounts (dialog, 1), ==, "3");
  click_cancel (window, GTK_WINDOW (dialog));

  after = get_document_model_data (window);
  g_assert_cmpstr (after, ==, before);
  assert_cards (window, defaults);
  settings = get_settings_model ();
  g_assert_cmpstr (settings, ==, "");

  gui_test_destroy_window (window);
}

static void
test_health_weights (void)
{
  const double weights[] = { 10, 20, 10, 40, 20 };
  TlHealthDialog *dialog;
  TlWindow *window;
  guint row;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  row = gui_test_find_row (window, "Copperleaf Health");

  /* Copperleaf Health: DAU/MAU 40/200 = 0.2 earns 0.2/0.5 x 30 = 12; no
   * adoption data; CSAT 3.1 on the file's 1-5 scale is 0.525, less 25 %
   * for each of 3 escalations: 20 x 0.525 x 0.25 = 2.625; a champion but
   * no sponsor: 7.5 of 15; NPS -20 is (-20 + 100) / 200 = 0.4 of 15 = 6.
   * 28.125 of 80 possible points is 35. */
  g_assert_cmpstr (get_health_cell (window, "Copperleaf Health"), ==, "35");

  dialog = TL_HEALTH_DIALOG (open_dialog (window, "win.edit-health", TL_TYPE_HEALTH_DIALOG));
  g_assert_cmpstr (tl_health_dialog_get_total (dialog), ==, "Total 100");

  gtk_spin_button_set_value (tl_health_dialog_get_weight_spin (dialog, TL_COMPONENT_USAGE), 25);
  g_assert_cmpstr (tl_health_dialog_get_total (dialog), ==, "Total 95 — must be 100");
  g_assert_false (can_apply (GTK_WINDOW (dialog), "health.apply"));

  /* The total follows the text typed, before the field is left. */
  gtk_editable_set_text (GTK_EDITABLE (tl_health_dialog_get_weight_spin (dialog,
                                                                         TL_COMPONENT_NPS)),
                         "20");
  g_assert_cmpstr (tl_health_dialog_get_total (dialog), ==, "Total 100");
  g_assert_true (can_apply (GTK_WINDOW (dialog), "health.apply"));

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    gtk_spin_button_set_value (tl_health_dialog_get_weight_spin (dialog, c), weights[c]);
  g_assert_cmpstr (tl_health_dialog_get_total (dialog), ==, "Total 100");
  click_apply (window, GTK_WINDOW (dialog), "health.apply");

  /* Usage 0.4 x 10 = 4, support 10 x 0.13125 = 1.3125, relationship 20 of
   * 40, NPS 0.4 x 20 = 8: 33.3125 of 80 possible points is 42. */
  g_assert_cmpuint (tl_document_get_segmentation (tl_window_get_document (window))->health[row],
                    ==, 42);
  g_assert_cmpstr (get_health_cell (window, "Copperleaf Health"), ==, "42");

  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_health_bands (void)
{
  TlHealthDialog *dialog;
  TlWindow *window;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_HEALTH_DIALOG (open_dialog (window, "win.edit-health", TL_TYPE_HEALTH_DIALOG));

  /* A Stable cutoff above Healthy is marked where it was typed. */
  gtk_spin_button_set_value (tl_health_dialog_get_band_spin (dialog, TL_BAND_STABLE), 85);
  g_assert_cmpstr (tl_health_dialog_get_band_error (dialog, TL_BAND_STABLE), ==,
                   "Must be below the Healthy cutoff, 80");
  g_assert_null (tl_health_dialog_get_band_error (dialog, TL_BAND_HEALTHY));
  g_assert_false (can_apply (GTK_WINDOW (dialog), "health.apply"));

  gtk_spin_button_set_value (tl_health_dialog_get_band_spin (dialog, TL_BAND_HEALTHY), 90);
  g_assert_null (tl_health_dialog_get_band_error (dialog, TL_BAND_STABLE));
  g_assert_true (can_apply (GTK_WINDOW (dialog), "health.apply"));

  gtk_spin_button_set_value (tl_health_dialog_get_band_spin (dialog, TL_BAND_AT_RISK), 85);
  g_assert_cmpstr (tl_health_dialog_get_band_error (dialog, TL_BAND_AT_RISK), ==,
                   "Must be below the Stable cutoff, 85");
  g_assert_false (can_apply (GTK_WINDOW (dialog), "health.apply"));
  gtk_spin_button_set_value (tl_health_dialog_get_band_spin (dialog, TL_BAND_AT_RISK), 50);

  gtk_spin_button_set_value (tl_health_dialog_get_penalty_spin (dialog), 50);
  gtk_switch_set_active (tl_health_dialog_get_inverted_switch (dialog), TRUE);
  click_apply (window, GTK_WINDOW (dialog), "health.apply");

  {
    const TlModel *model = tl_document_get_model (tl_window_get_document (window));

    g_assert_cmpint (model->band_healthy, ==, 90);
    g_assert_cmpint (model->band_stable, ==, 85);
    g_assert_cmpint (model->band_at_risk, ==, 50);
    g_assert_cmpfloat (model->escalation_penalty, ==, 0.5);
    g_assert_true (model->external_inverted);
  }

  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_expansion_cutoffs (void)
{
  TlExpansionDialog *dialog;
  TlWindow *window;
  guint row;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  row = gui_test_find_row (window, "Northgate Logistics");

  /* Seats 460 of 500, 4 feature requests, 14 % growth and 5 teams: four
   * signals fired, so HIGH under the default cutoff of 3. */
  g_assert_cmpstr (get_expansion_cell (window, "Northgate Logistics"), ==, "HIGH");

  dialog = TL_EXPANSION_DIALOG (open_dialog (window, "win.edit-expansion",
                                             TL_TYPE_EXPANSION_DIALOG));
  gtk_spin_button_set_value (tl_expansion_dialog_get_medium_spin (dialog), 4);
  g_assert_nonnull (tl_expansion_dialog_get_medium_error (dialog));
  g_assert_false (can_apply (GTK_WINDOW (dialog), "expansion.apply"));

  gtk_spin_button_set_value (tl_expansion_dialog_get_high_spin (dialog), 5);
  g_assert_null (tl_expansion_dialog_get_medium_error (dialog));
  click_apply (window, GTK_WINDOW (dialog), "expansion.apply");

  g_assert_cmpuint (tl_document_get_segmentation (tl_window_get_document (window))->expansion[row],
                    ==, TL_EXPANSION_MEDIUM);
  g_assert_cmpstr (get_expansion_cell (window, "Northgate Logistics"), ==, "MEDIUM");

  /* A seat utilization threshold above Northgate's 92 % silences it. */
  dialog = TL_EXPANSION_DIALOG (open_dialog (window, "win.edit-expansion",
                                             TL_TYPE_EXPANSION_DIALOG));
  gtk_spin_button_set_value (tl_expansion_dialog_get_threshold_spin (dialog, TL_SIGNAL_SEATS), 95);
  click_apply (window, GTK_WINDOW (dialog), "expansion.apply");
  g_assert_cmpfloat (tl_document_get_model (tl_window_get_document (window))->seat_utilization,
                     ==, 0.95);
  g_assert_cmpstr (get_expansion_cell (window, "Northgate Logistics"), ==, "LOW");

  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
respond_to_message (TlWindow   *window,
                    const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_dialog (window, ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_spin_pending ();
}

static void
test_motion_save_and_open (void)
{
  const char *playbooks = "Quarterly playbook review\nwith the account team";
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  TlMotionDialog *dialog;
  TlWindow *window;

  g_assert_no_error (error);
  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_MOTION_DIALOG (open_dialog (window, "win.edit-motion", TL_TYPE_MOTION_DIALOG));

  set_buffer_text (tl_motion_dialog_get_text_view (dialog, 2, TL_MOTION_PLAYBOOKS), playbooks);
  gtk_spin_button_set_value (tl_motion_dialog_get_coverage_spin (dialog, 2, FALSE), 30);
  g_assert_nonnull (tl_motion_dialog_get_coverage_error (dialog, 2));
  g_assert_false (can_apply (GTK_WINDOW (dialog), "motion.apply"));
  gtk_spin_button_set_value (tl_motion_dialog_get_coverage_spin (dialog, 2, TRUE), 40);
  g_assert_null (tl_motion_dialog_get_coverage_error (dialog, 2));
  /* Tier 4 has no CSMs: 0 to 0 is valid, 0 to 10 is not. */
  gtk_spin_button_set_value (tl_motion_dialog_get_coverage_spin (dialog, 4, TRUE), 10);
  g_assert_nonnull (tl_motion_dialog_get_coverage_error (dialog, 4));
  gtk_spin_button_set_value (tl_motion_dialog_get_coverage_spin (dialog, 4, TRUE), 0);
  click_apply (window, GTK_WINDOW (dialog), "motion.apply");

  g_assert_cmpstr (tl_window_get_model (window)->tiers[1].motion[TL_MOTION_PLAYBOOKS], ==,
                   playbooks);
  g_assert_cmpuint (tl_window_get_model (window)->tiers[1].accounts_per_csm[0], ==, 30);
  g_assert_cmpuint (tl_window_get_model (window)->tiers[1].accounts_per_csm[1], ==, 40);

  path = g_build_filename (folder, "segmentation-model.tierline", NULL);
  file = g_file_new_for_path (path);
  tl_window_save_model_to (window, file);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents,
                            "Playbooks=Quarterly playbook review\\nwith the account team"));

  /* Reset asks first; then the default text is back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-model", NULL);
  respond_to_message (window, "reset");
  g_assert_cmpstr (tl_window_get_model (window)->tiers[1].motion[TL_MOTION_PLAYBOOKS], !=,
                   playbooks);
  g_assert_cmpuint (tl_window_get_model (window)->tiers[1].accounts_per_csm[0], ==, 15);

  tl_window_open_model (window, file);
  g_assert_cmpstr (tl_window_get_model (window)->tiers[1].motion[TL_MOTION_PLAYBOOKS], ==,
                   playbooks);
  g_assert_cmpuint (tl_window_get_model (window)->tiers[1].accounts_per_csm[1], ==, 40);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_reset_cancel_keeps_model (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TlHealthDialog *dialog;
  TlWindow *window;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_HEALTH_DIALOG (open_dialog (window, "win.edit-health", TL_TYPE_HEALTH_DIALOG));
  gtk_spin_button_set_value (tl_health_dialog_get_weight_spin (dialog, TL_COMPONENT_USAGE), 40);
  gtk_spin_button_set_value (tl_health_dialog_get_weight_spin (dialog, TL_COMPONENT_ADOPTION), 10);
  click_apply (window, GTK_WINDOW (dialog), "health.apply");
  before = get_document_model_data (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-model", NULL);
  respond_to_message (window, "cancel");
  after = get_document_model_data (window);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpfloat (tl_window_get_model (window)->weights[TL_COMPONENT_USAGE], ==, 40.0);

  gui_test_destroy_window (window);
  reset_default_model ();
}

static char *
write_model_file (const char *folder,
                  const char *name,
                  const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Opens the model file @path and checks that a dialog explains why it
 * cannot be used and that the model is unchanged. */
static void
assert_model_rejected (TlWindow   *window,
                       const char *path,
                       const char *heading,
                       const char *reason)
{
  g_autofree char *before = get_document_model_data (window);
  g_autofree char *settings_before = get_settings_model ();
  g_autofree char *after = NULL;
  g_autofree char *settings_after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  tl_window_open_model (window, file);
  dialog = ADW_MESSAGE_DIALOG (find_dialog (window, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), reason));

  after = get_document_model_data (window);
  settings_after = get_settings_model ();
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (settings_after, ==, settings_before);

  respond_to_message (window, "close");
}

static void
test_model_file_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *newer = NULL;
  g_autofree char *bad_value = NULL;
  TlWindow *window;

  g_assert_no_error (error);
  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");

  newer = write_model_file (folder, "newer.tierline",
                            "[Tierline Model]\nVersion=99\n\n[Tier 1]\nName=Enterprise\n");
  assert_model_rejected (window, newer, "Could Not Open “newer.tierline”",
                         "saved by a newer version of Tierline");

  bad_value = write_model_file (folder, "weights.tierline",
                                "[Tierline Model]\nVersion=1\n\n[Health]\n"
                                "Weights=50;50;50;50;50\n");
  assert_model_rejected (window, bad_value, "Could Not Open “weights.tierline”",
                         "must total 100");
  g_assert_cmpstr (tl_window_get_model (window)->tiers[0].name, ==, "Strategic");

  g_assert_cmpint (g_remove (newer), ==, 0);
  g_assert_cmpint (g_remove (bad_value), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  gui_test_destroy_window (window);
}

static void
test_settings_hold_applied_model (void)
{
  const char * const by_hand[] = { "1 account", "4 accounts", "3 accounts", "3 accounts" };
  g_autoptr(TlModel) stored = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  TlThresholdsDialog *dialog;
  TlWindow *window;

  reset_default_model ();
  window = gui_test_open_window ("gui-accounts.csv");
  dialog = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                              TL_TYPE_THRESHOLDS_DIALOG));
  type_text (tl_thresholds_dialog_get_bound_row (dialog, 1), "700k");
  type_text (tl_thresholds_dialog_get_name_row (dialog, 1), "Enterprise");
  click_apply (window, GTK_WINDOW (dialog), "thresholds.apply");
  gui_test_destroy_window (window);

  data = get_settings_model ();
  stored = tl_model_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_false (stored->thresholds_automatic);
  g_assert_cmpfloat (stored->tiers[0].lower_bound, ==, 700000.0);
  g_assert_cmpstr (stored->tiers[0].name, ==, "Enterprise");

  /* A new window segments the next file with the stored model. */
  window = gui_test_open_window ("gui-accounts.csv");
  g_assert_cmpstr (tl_document_get_model (tl_window_get_document (window))->tiers[0].name, ==,
                   "Enterprise");
  assert_cards (window, by_hand);
  gui_test_destroy_window (window);
  reset_default_model ();
}

static void
test_no_document_edits_default (void)
{
  TlWindow *window = tl_window_new (gui_test_app);
  TlExpansionDialog *expansion;
  TlThresholdsDialog *thresholds;
  g_autoptr(GFile) file = NULL;

  reset_default_model ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (tl_window_get_document (window));

  /* Without a file the bounds cannot be suggested or previewed. */
  thresholds = TL_THRESHOLDS_DIALOG (open_dialog (window, "win.edit-thresholds",
                                                  TL_TYPE_THRESHOLDS_DIALOG));
  g_assert_false (gtk_widget_get_sensitive (gui_test_find_action_button (GTK_WIDGET (thresholds),
                                                                         "thresholds.suggest")));
  g_assert_cmpstr (get_text (tl_thresholds_dialog_get_bound_row (thresholds, 2)), ==, "$50,000");
  click_cancel (window, GTK_WINDOW (thresholds));

  expansion = TL_EXPANSION_DIALOG (open_dialog (window, "win.edit-expansion",
                                                TL_TYPE_EXPANSION_DIALOG));
  gtk_spin_button_set_value (tl_expansion_dialog_get_high_spin (expansion), 5);
  click_apply (window, GTK_WINDOW (expansion), "expansion.apply");
  g_assert_cmpint (tl_window_get_model (window)->expansion_high, ==, 5);

  /* The next file opened is segmented with it. */
  file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "gui-accounts.csv", NULL));
  tl_window_open_file (window, file);
  gui_test_spin_until (job_done, window, 20000);
  g_assert_cmpint (tl_document_get_model (tl_window_get_document (window))->expansion_high, ==, 5);
  /* Four signals fired, one short of HIGH now. */
  g_assert_cmpstr (get_expansion_cell (window, "Northgate Logistics"), ==, "MEDIUM");
  g_assert_cmpstr (get_expansion_cell (window, "Juniper Ridge Bank"), ==, "LOW");

  gui_test_destroy_window (window);
  reset_default_model ();
}

/* Writes @n accounts with every health and expansion column, so that
 * segmenting them does the full work. */
static char *
write_large_file (const char *folder,
                  guint       n)
{
  g_autoptr(GString) text = g_string_new ("Account ID,Account Name,ARR,Licensed Seats,Seats Used,"
                                          "DAU,MAU,Features Used,Features Available,CSAT,"
                                          "Open Escalations,Exec Sponsor,Champion,NPS,"
                                          "Feature Requests,Headcount Growth,Teams,API Calls,"
                                          "API Calls Prev\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "large.csv", NULL);

  for (guint i = 1; i <= n; i++)
    {
      guint seats = 1 + i % 250;
      guint mau = 1 + (i * 13) % 400;

      g_string_append_printf (text, "ACC-%07u,Account %u,%u,%u,%u,%u,%u,%u,30,%u.%u,%u,%s,%s,"
                              "%d,%u,%u,%u,%u,%u\n",
                              i, i, ((i * 7919) % 500000 + 1000) * (i % 10 == 0 ? 7 : 1),
                              seats, seats * ((i * 37) % 100) / 100,
                              mau * ((i * 17) % 60) / 100, mau, (i * 7) % 31,
                              1 + i % 4, i % 10, i % 5, i % 3 ? "Yes" : "No",
                              i % 4 ? "Yes" : "No", (int) ((i * 11) % 201) - 100, i % 6,
                              i % 30, 1 + i % 7, (i * 101) % 90000, (i * 53) % 90000);
    }

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_resegment_large_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TlModel) model = NULL;
  TlWindow *window = tl_window_new (gui_test_app);
  TlDocument *document;
  gint64 start;
  gint64 elapsed_ms;

  g_assert_no_error (error);
  reset_default_model ();
  path = write_large_file (folder, 100000);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (path);
  tl_window_open_file (window, file);
  gui_test_spin_until (job_done, window, 60000);
  document = tl_window_get_document (window);
  g_assert_nonnull (document);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));

  /* New weights, as the health dialog applies them: the document
   * calibrates and segments again and the window shows the result. */
  model = tl_model_copy (tl_document_get_model (document));
  model->weights[TL_COMPONENT_USAGE] = 40;
  model->weights[TL_COMPONENT_ADOPTION] = 10;
  start = g_get_monotonic_time ();
  tl_document_set_model (document, model);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (window)));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;

  g_test_message ("Segmenting 100,000 accounts again and redrawing took %" G_GINT64_FORMAT
                  " ms", elapsed_ms);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 100000);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/model-dialogs/thresholds-typed-bound", test_thresholds_typed_bound);
  g_test_add_func ("/tierline/model-dialogs/thresholds-suggest", test_thresholds_suggest);
  g_test_add_func ("/tierline/model-dialogs/thresholds-suggest-too-few",
                   test_thresholds_suggest_too_few);
  g_test_add_func ("/tierline/model-dialogs/thresholds-invalid-fields",
                   test_thresholds_invalid_fields);
  g_test_add_func ("/tierline/model-dialogs/thresholds-cancel", test_thresholds_cancel);
  g_test_add_func ("/tierline/model-dialogs/health-weights", test_health_weights);
  g_test_add_func ("/tierline/model-dialogs/health-bands", test_health_bands);
  g_test_add_func ("/tierline/model-dialogs/expansion-cutoffs", test_expansion_cutoffs);
  g_test_add_func ("/tierline/model-dialogs/motion-save-and-open", test_motion_save_and_open);
  g_test_add_func ("/tierline/model-dialogs/reset-cancel-keeps-model",
                   test_reset_cancel_keeps_model);
  g_test_add_func ("/tierline/model-dialogs/model-file-rejected", test_model_file_rejected);
  g_test_add_func ("/tierline/model-dialogs/settings-hold-applied-model",
                   test_settings_hold_applied_model);
  g_test_add_func ("/tierline/model-dialogs/no-document-edits-default",
                   test_no_document_edits_default);
  g_test_add_func ("/tierline/model-dialogs/resegment-large-file", test_resegment_large_file);

  return gui_test_run ();
}
