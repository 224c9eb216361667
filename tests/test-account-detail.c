/* test-account-detail.c
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


#define G_LOG_DOMAIN "test-account-detail"

#include "gui-test-util.h"

/* The detail pane, driven through the window over
 * tests/data/gui-detail.csv. That file has fewer than 20 accounts, so the
 * tier bounds stay at the defaults: $250K, $50K and $10K. Its only CSAT
 * value is 4.2, so the column reads as a 1-5 scale. Its NPS column has a
 * negative value, so it reads as -100..100. */

/* Returns the rows of one of the pane's lists, each as the texts of its
 * labels joined by " | ". */
static GPtrArray *
collect_rows (TlWindow   *window,
              const char *list_name)
{
  GtkListBox *list = tl_account_detail_get_list (tl_window_get_account_detail (window),
                                                 list_name);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (list);
  if (!gtk_widget_get_visible (GTK_WIDGET (list)))
    return rows;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) texts = gui_test_collect_labels (row);

      g_ptr_array_add (texts, NULL);
      g_ptr_array_add (rows, g_strjoinv (" | ", (char **) texts->pdata));
    }

  return rows;
}

static void
assert_rows (TlWindow           *window,
             const char         *list_name,
             const char * const *expected)
{
  g_autoptr(GPtrArray) rows = collect_rows (window, list_name);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < MIN (n, rows->len); i++)
    g_assert_cmpstr (g_ptr_array_index (rows, i), ==, expected[i]);
  g_assert_cmpuint (rows->len, ==, n);
}

/* Returns whether the pane shows a label with @text. */
static gboolean
pane_shows (TlWindow   *window,
            const char *text)
{
  g_autoptr(GPtrArray) texts = NULL;

  texts = gui_test_collect_labels (GTK_WIDGET (tl_window_get_account_detail (window)));
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_account_detail_full_account (void)
{
  TlWindow *window = gui_test_open_window ("gui-detail.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  const TlModel *model = tl_document_get_model (tl_window_get_document (window));
  /* Harbor Point Freight has data for all five components:
   *   Usage:        DAU/MAU 90 / 200 = 0.45; 30 x 0.45 / 0.5         = 27
   *   Adoption:     12 / 16 = 0.75;          20 x 0.75               = 15
   *   Support:      CSAT (4.2 - 1) / 4 = 0.8; 1 escalation: x 0.75;
   *                 20 x 0.8 x 0.75                                  = 12
   *   Relationship: sponsor yes, champion no: 15 x 1 / 2              = 7.5
   *   NPS:          (40 + 100) / 200 = 0.7;  15 x 0.7                = 10.5
   *   Score: 27 + 15 + 12 + 7.5 + 10.5 = 72 of 100: Stable (60-79). */
  const char * const components[] = {
    "Usage | 27 / 30 | DAU/MAU 0.45, full points at 0.5",
    "Adoption | 15 / 20 | 12 of 16 features used, 0.75",
    "Support | 12 / 20 | CSAT 4.2 of 5, 1 open escalation",
    "Relationship | 7.5 / 15 | Exec sponsor yes, champion no",
    "NPS | 10.5 / 15 | NPS 40",
    NULL
  };
  /* Seats 184 / 200 = 0.92 > 0.80, 4 requests >= 3, growth 14 % >= 10 %
   * and API calls 2,600 >= 1.5 x 1,000 fire; 1 team < 2 does not. Four
   * fired, so HIGH; the fired ones come first. */
  const char * const signals[] = {
    "Seat utilization | Fired | Seats 92 % used, fires above 80 %",
    "Feature requests | Fired | 4 feature requests, fires at 3 or more",
    "Company growth | Fired | Headcount +14 %, fires at +10 % or more",
    "API spike | Fired | API calls +160 %, fires at +50 % or more",
    "Multi-team | Not fired | 1 team using it, fires at 2 or more",
    NULL
  };
  g_autoptr(GPtrArray) motion = NULL;

  g_assert_false (tl_window_get_show_detail (window));
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==, G_MAXUINT);

  gui_test_select_name (window, "Harbor Point Freight");
  g_assert_true (tl_window_get_show_detail (window));
  g_assert_cmpuint (tl_account_detail_get_row (detail), ==,
                    gui_test_find_row (window, "Harbor Point Freight"));
  g_assert_cmpstr (tl_account_detail_get_name (detail), ==, "Harbor Point Freight");
  /* The parts of the line under the name break only at the dots. */
  g_assert_true (pane_shows (window, "ACC-100 · Owner\u00a0Dana\u00a0Whitley"));

  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "1 · Strategic");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $480,000 ≥ $250K, the bound of Strategic");
  g_assert_null (tl_account_detail_get_tier_note (detail));

  g_assert_cmpstr (tl_account_detail_get_score (detail), ==, "72");
  g_assert_cmpstr (tl_account_detail_get_status (detail), ==, "Stable");
  /* 72 points exactly: nothing was rounded. */
  g_assert_null (tl_account_detail_get_health_note (detail));
  g_assert_false (pane_shows (window, "partial"));
  assert_rows (window, "components", components);

  g_assert_true (pane_shows (window, "HIGH"));
  g_assert_true (pane_shows (window, "4 signals fired. HIGH takes 3 or more, MEDIUM 1 or more."));
  assert_rows (window, "signals", signals);

  g_assert_true (pane_shows (window, "For tier 1 · Strategic"));
  motion = collect_rows (window, "motion");
  g_assert_cmpuint (motion->len, ==, TL_N_MOTION_TEXTS);
  g_assert_cmpstr (g_ptr_array_index (motion, TL_MOTION_COVERAGE), ==,
                   "Coverage | High-touch: 1 CSM for 5-8 accounts");
  for (guint i = 0; i < TL_N_MOTION_TEXTS; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%s | %s", tl_motion_text_get_label (i),
                                                   model->tiers[0].motion[i]);

      g_assert_cmpstr (g_ptr_array_index (motion, i), ==, expected);
    }

  gui_test_destroy_window (window);
}

/* In the sample, every account with all five components and points that
 * are not whole says how its score was rounded, and the exact points
 * round to the score shown. */
static void
test_account_detail_rounding_note (void)
{
  TlWindow *window = gui_test_open_sample (1300, 800);
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  guint n_notes = 0;

  for (guint i = 0; i < gui_test_get_n_shown (window); i++)
    {
      const char *note;
      double earned;

      gui_test_select_name (window, gui_test_get_name_at (window, i));
      note = tl_account_detail_get_health_note (detail);
      if (note == NULL || !g_str_has_prefix (note, "The components earn "))
        continue;

      earned = g_ascii_strtod (note + strlen ("The components earn "), NULL);
      g_assert_cmpint ((int) round (earned), ==, atoi (tl_account_detail_get_score (detail)));
      n_notes++;
    }

  g_assert_cmpuint (n_notes, >, 0);
  gui_test_destroy_window (window);
}

static void
test_account_detail_partial_from_mrr (void)
{
  TlWindow *window = gui_test_open_window ("gui-detail.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  /* Willow Creek Clinics has no ARR but an MRR of $5,000: ARR = 12 x
   * 5,000 = $60,000, at least $50K, so tier 2. Only usage and NPS have
   * data:
   *   Usage: 30 / 50 = 0.6, above 0.5, so the full 30
   *   NPS:   (-20 + 100) / 200 = 0.4; 15 x 0.4 = 6
   *   Score: 100 x 36 / 45 = 80: Healthy, partial. */
  const char * const components[] = {
    "Usage | 30 / 30 | DAU/MAU 0.6, full points at 0.5",
    "Adoption | No data",
    "Support | No data",
    "Relationship | No data",
    "NPS | 6 / 15 | NPS -20",
    NULL
  };
  /* Seats 40 / 50 = 0.80 is not above 0.80; 3 teams >= 2 fires; no data
   * for requests, growth and API calls. One fired: MEDIUM. */
  const char * const signals[] = {
    "Multi-team | Fired | 3 teams using it, fires at 2 or more",
    "Seat utilization | Not fired | Seats 80 % used, fires above 80 %",
    "Feature requests | No data",
    "Company growth | No data",
    "API spike | No data",
    NULL
  };

  gui_test_select_name (window, "Willow Creek Clinics");
  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "2 · Growth");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $60,000 ≥ $50K, the bound of Growth");
  g_assert_cmpstr (tl_account_detail_get_tier_note (detail), ==,
                   "ARR is 12 × the MRR of $5,000\nStrategic starts at $250K");

  g_assert_cmpstr (tl_account_detail_get_score (detail), ==, "80");
  g_assert_cmpstr (tl_account_detail_get_status (detail), ==, "Healthy");
  g_assert_true (pane_shows (window, "partial"));
  g_assert_true (pane_shows (window, "No data for Adoption, Support, Relationship. The score "
                                     "counts 36 of the 45 points of the other components."));
  assert_rows (window, "components", components);

  g_assert_true (pane_shows (window, "MEDIUM"));
  assert_rows (window, "signals", signals);
  g_assert_true (pane_shows (window, "For tier 2 · Growth"));

  gui_test_destroy_window (window);
}

static void
test_account_detail_external_and_no_tier (void)
{
  TlWindow *window = gui_test_open_window ("gui-detail.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  const char * const no_components[] = {
    "Usage | No data",
    "Adoption | No data",
    "Support | No data",
    "Relationship | No data",
    "NPS | No data",
    NULL
  };
  g_autoptr(GPtrArray) motion = NULL;

  /* Tinker Street Toys: ARR $4,200 is below the $10K of tier 3, and the
   * file's own health score of 55 replaces the components. */
  gui_test_select_name (window, "Tinker Street Toys");
  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "4 · Long Tail");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $4,200 is below $10K, the bound of Scale");
  g_assert_cmpstr (tl_account_detail_get_score (detail), ==, "55");
  g_assert_cmpstr (tl_account_detail_get_status (detail), ==, "At Risk");
  g_assert_true (pane_shows (window, "from the file"));
  g_assert_true (pane_shows (window, "Taken from the file’s “Health Score” column, because no "
                                     "health component has data"));
  assert_rows (window, "components", no_components);
  g_assert_true (pane_shows (window, "No signal can be judged: the file has no data for them"));
  g_assert_true (pane_shows (window, "For tier 4 · Long Tail"));

  /* Quarry Lane Books: its ARR cell cannot be read, and it has no MRR. */
  gui_test_select_name (window, "Quarry Lane Books");
  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "Needs data");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "Needs data: no readable ARR, because the ARR cell “about 9k” is not an "
                   "amount");
  g_assert_cmpstr (tl_account_detail_get_score (detail), ==, "—");
  g_assert_true (pane_shows (window, "No health data for this account"));
  g_assert_true (pane_shows (window, "An account without a tier has no CS motion yet"));
  motion = collect_rows (window, "motion");
  g_assert_cmpuint (motion->len, ==, 0);

  gui_test_destroy_window (window);
}

static void
test_account_detail_close_and_toggle (void)
{
  TlWindow *window = gui_test_open_window ("gui-detail.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  GtkWidget *close_button;

  gui_test_select_name (window, "Harbor Point Freight");
  g_assert_true (tl_window_get_show_detail (window));

  /* The close button, and Escape in the pane, run detail.close. */
  close_button = gui_test_find_action_button (GTK_WIDGET (detail), "detail.close");
  g_assert_nonnull (close_button);
  g_signal_emit_by_name (close_button, "clicked");
  g_assert_false (tl_window_get_show_detail (window));
  /* The account stays selected and the pane keeps explaining it. */
  g_assert_cmpuint (gui_test_get_selected_row (window), ==,
                    gui_test_find_row (window, "Harbor Point Freight"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  g_assert_true (tl_window_get_show_detail (window));
  g_assert_cmpstr (tl_account_detail_get_name (detail), ==, "Harbor Point Freight");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-detail", NULL);
  g_assert_false (tl_window_get_show_detail (window));

  /* Selecting another account opens the pane again. */
  gui_test_select_name (window, "Tinker Street Toys");
  g_assert_true (tl_window_get_show_detail (window));
  g_assert_cmpstr (tl_account_detail_get_name (detail), ==, "Tinker Street Toys");

  gui_test_destroy_window (window);
}

static void
test_account_detail_model_change (void)
{
  TlWindow *window = gui_test_open_window ("gui-detail.csv");
  TlDocument *document = tl_window_get_document (window);
  TlAccountDetail *detail = tl_window_get_account_detail (window);
  g_autoptr(TlModel) model = tl_model_copy (tl_document_get_model (document));
  const double thresholds[3] = { 500000, 50000, 10000 };

  gui_test_select_name (window, "Harbor Point Freight");
  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "1 · Strategic");

  /* With tier 1 from $500K, its $480,000 falls to tier 2; and a usage
   * ratio for full points of 0.9 gives it 30 x 0.45 / 0.9 = 15 points. */
  tl_model_set_thresholds (model, thresholds);
  model->usage_full_ratio = 0.9;
  tl_document_set_model (document, model);

  g_assert_cmpuint (gui_test_get_selected_row (window), ==,
                    gui_test_find_row (window, "Harbor Point Freight"));
  g_assert_cmpstr (tl_account_detail_get_tier (detail), ==, "2 · Growth");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $480,000 ≥ $50K, the bound of Growth");
  g_assert_cmpstr (tl_account_detail_get_tier_note (detail), ==, "Strategic starts at $500K");
  g_assert_true (pane_shows (window, "15 / 30"));
  g_assert_true (pane_shows (window, "DAU/MAU 0.45, full points at 0.9"));
  g_assert_true (pane_shows (window, "For tier 2 · Growth"));

  gui_test_destroy_window (window);
}

static void
test_account_detail_combine_rows (void)
{
  TlWindow *window = gui_test_open_window ("import-subscriptions.csv");
  TlAccountDetail *detail = tl_window_get_account_detail (window);

  /* Juniper Foods (account A-1) has two subscription rows: $24,000 on
   * row 0 and $6,000 on a row without a name. */
  gui_test_select_name (window, "Juniper Foods");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $24,000 ≥ $10K, the bound of Scale");

  /* Combined, the account is found again by its id: $24,000 + $6,000. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.combine-ids", NULL);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 3);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==,
                    gui_test_find_row (window, "Juniper Foods"));
  g_assert_cmpstr (tl_account_detail_get_name (detail), ==, "Juniper Foods");
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $30,000 ≥ $10K, the bound of Scale");

  /* Apart again, the first row of the id is selected. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.combine-ids", NULL);
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 5);
  g_assert_cmpuint (gui_test_get_selected_row (window), ==, 0);
  g_assert_cmpstr (tl_account_detail_get_tier_reason (detail), ==,
                   "ARR $24,000 ≥ $10K, the bound of Scale");

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/tierline/account-detail/full-account", test_account_detail_full_account);
  g_test_add_func ("/tierline/account-detail/rounding-note", test_account_detail_rounding_note);
  g_test_add_func ("/tierline/account-detail/partial-from-mrr",
                   test_account_detail_partial_from_mrr);
  g_test_add_func ("/tierline/account-detail/external-and-no-tier",
                   test_account_detail_external_and_no_tier);
  g_test_add_func ("/tierline/account-detail/close-and-toggle",
                   test_account_detail_close_and_toggle);
  g_test_add_func ("/tierline/account-detail/model-change", test_account_detail_model_change);
  g_test_add_func ("/tierline/account-detail/combine-rows", test_account_detail_combine_rows);

  return gui_test_run ();
}
