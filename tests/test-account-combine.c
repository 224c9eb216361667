/* test-account-combine.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "tl-account-combine.h"
#include "tl-value.h"

static const char *const headers[] = {
  "Account ID", "Account Name", "ARR", "MRR", "Licensed Seats", "Seats Used", "CSAT",
  "Exec Sponsor", "Features Available", "Teams", "Renewal Date", "Headcount Growth", "Plan",
};

#define N_COLUMNS G_N_ELEMENTS (headers)

/* Four subscription rows of two accounts. A-1 has three rows: ARR 12,000,
 * MRR 500 (ARR 6,000) and ARR 0. */
static const char *const rows[][N_COLUMNS] = {
  { "A-1", "Acme", "12000", "", "10", "8", "4.0", "no", "20", "2", "2026-01-10", "10", "Pro" },
  { "A-1", "", "", "500", "5", "5", "2.0", "yes", "30", "3", "2027-06-01", "20", "Enterprise" },
  { "A-2", "Beta", "3000", "", "4", "1", "", "", "", "", "2026-02-01", "", "Basic" },
  { "A-1", "Acme Old", "0", "", "", "", "5.0", "", "25", "1", "2027-03-01", "", "" },
};

static guint32
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

static TlAccountTable *
make_table (const char *const (*data)[N_COLUMNS],
            guint              n_rows)
{
  TlAccountTable *table = tl_account_table_new (headers, N_COLUMNS);
  g_autoptr(TlFieldMap) map = NULL;

  for (guint r = 0; r < n_rows; r++)
    {
      gsize lengths[N_COLUMNS];

      for (guint c = 0; c < N_COLUMNS; c++)
        lengths[c] = strlen (data[r][c]);
      tl_account_table_append_row (table, data[r], lengths, N_COLUMNS, r + 2);
    }
  tl_account_table_finish_rows (table);

  map = tl_field_map_new (headers, N_COLUMNS);
  tl_account_table_apply_map (table, map, NULL);

  return table;
}

static TlAccountTable *
make_combined (void)
{
  g_autoptr(TlAccountTable) table = make_table (rows, G_N_ELEMENTS (rows));
  TlAccountTable *combined = tl_account_table_combine_ids (table, julian (2026, 12, 4));

  tl_account_table_apply_map (combined, tl_account_table_get_map (table), NULL);

  return combined;
}

static void
test_combine_count_repeated_ids (void)
{
  g_autoptr(TlAccountTable) table = make_table (rows, G_N_ELEMENTS (rows));

  /* Four rows, two ids: two rows repeat an earlier id. */
  g_assert_cmpuint (tl_account_table_count_repeated_ids (table), ==, 2);
}

/* Ids match with white space at either end left aside, but not across
 * case, and an id of only spaces is an empty id. */
static void
test_combine_trims_ids (void)
{
  static const char *const spaced[][N_COLUMNS] = {
    { "A-1", "Acme", "100", "", "", "", "", "", "", "", "", "", "" },
    { " A-1", "Acme", "200", "", "", "", "", "", "", "", "", "", "" },
    { "A-1\t ", "Acme", "300", "", "", "", "", "", "", "", "", "", "" },
    { "a-1", "Lower", "400", "", "", "", "", "", "", "", "", "", "" },
    { "  ", "Blank", "500", "", "", "", "", "", "", "", "", "", "" },
    { " ", "Blank too", "600", "", "", "", "", "", "", "", "", "", "" },
  };
  g_autoptr(TlAccountTable) table = make_table (spaced, G_N_ELEMENTS (spaced));
  g_autoptr(TlAccountTable) combined = tl_account_table_combine_ids (table,
                                                                     julian (2026, 12, 4));

  g_assert_cmpuint (tl_account_table_count_repeated_ids (table), ==, 2);

  tl_account_table_apply_map (combined, tl_account_table_get_map (table), NULL);
  g_assert_cmpuint (tl_account_table_get_n_rows (combined), ==, 4);
  g_assert_cmpstr (tl_account_table_get_text (combined, TL_FIELD_ID, 0), ==, "A-1");
  g_assert_cmpfloat (tl_account_table_get_arr (combined)[0], ==, 600);
  g_assert_cmpstr (tl_account_table_get_text (combined, TL_FIELD_ID, 1), ==, "a-1");
}

static void
test_combine_one_row_per_id (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  g_assert_cmpuint (tl_account_table_get_n_rows (combined), ==, 2);
  g_assert_cmpstr (tl_account_table_get_text (combined, TL_FIELD_ID, 0), ==, "A-1");
  g_assert_cmpstr (tl_account_table_get_text (combined, TL_FIELD_ID, 1), ==, "A-2");
  /* Each account keeps the line of its first row. */
  g_assert_cmpuint (tl_account_table_get_line (combined, 0), ==, 2);
  g_assert_cmpuint (tl_account_table_get_line (combined, 1), ==, 4);
}

static void
test_combine_sums_arr_with_mrr (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  /* 12,000 + 12 x 500 + 0 = 18,000. */
  g_assert_cmpfloat_with_epsilon (tl_account_table_get_arr (combined)[0], 18000, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_account_table_get_value (combined, TL_FIELD_MRR, 0),
                                  500, 1e-9);
  g_assert_cmpfloat_with_epsilon (tl_account_table_get_arr (combined)[1], 3000, 1e-9);
}

static void
test_combine_sums_seats (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_SEATS_LICENSED, 0), ==, 15);
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_SEATS_USED, 0), ==, 13);
}

static void
test_combine_weighted_mean (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  /* CSAT weighted by ARR: (4.0 x 12,000 + 2.0 x 6,000 + 5.0 x 0) / 18,000 = 3.333. */
  g_assert_cmpfloat_with_epsilon (tl_account_table_get_value (combined, TL_FIELD_CSAT, 0),
                                  60000.0 / 18000.0, 1e-5);
  /* Growth 10 % and 20 %: (0.10 x 12,000 + 0.20 x 6,000) / 18,000 = 0.1333. */
  g_assert_cmpfloat_with_epsilon (tl_account_table_get_value (combined, TL_FIELD_GROWTH, 0),
                                  2400.0 / 18000.0, 1e-6);
}

static void
test_combine_max_and_any_yes (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_FEATURES_AVAILABLE, 0),
                     ==, 30);
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_TEAMS, 0), ==, 3);
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_EXEC_SPONSOR, 0), ==, 1);
  /* A-2 gives no executive sponsor at all. */
  g_assert_true (isnan (tl_account_table_get_value (combined, TL_FIELD_EXEC_SPONSOR, 1)));
}

static void
test_combine_renewal_not_past (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  /* On 2026-12-04, 2026-01-10 is past; of 2027-06-01 and 2027-03-01 the
   * earlier is next. */
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_RENEWAL, 0), ==,
                     julian (2027, 3, 1));
  /* A-2's only renewal is past, so it stays. */
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_RENEWAL, 1), ==,
                     julian (2026, 2, 1));
}

static void
test_combine_text_first_non_empty (void)
{
  g_autoptr(TlAccountTable) combined = make_combined ();

  g_assert_cmpstr (tl_account_table_get_text (combined, TL_FIELD_NAME, 0), ==, "Acme");
  g_assert_cmpstr (tl_account_table_get_cell (combined, 0, 12), ==, "Pro");
  g_assert_cmpstr (tl_account_table_get_cell (combined, 1, 12), ==, "Basic");
}

static void
test_combine_mean_without_arr (void)
{
  static const char *const no_arr[][N_COLUMNS] = {
    { "B-1", "Gale", "", "", "", "", "3", "", "", "", "", "", "" },
    { "B-1", "", "", "", "", "", "5", "", "", "", "", "", "" },
  };
  g_autoptr(TlAccountTable) table = make_table (no_arr, G_N_ELEMENTS (no_arr));
  g_autoptr(TlAccountTable) combined = tl_account_table_combine_ids (table, julian (2026, 12, 4));

  tl_account_table_apply_map (combined, tl_account_table_get_map (table), NULL);

  /* No ARR to weigh by: the plain mean of 3 and 5. */
  g_assert_cmpfloat (tl_account_table_get_value (combined, TL_FIELD_CSAT, 0), ==, 4);
  g_assert_true (isnan (tl_account_table_get_arr (combined)[0]));
}

static void
test_combine_keeps_unreadable_cell (void)
{
  static const char *const bad[][N_COLUMNS] = {
    { "C-1", "Hale", "lots", "", "", "", "", "", "", "", "", "", "" },
    { "C-1", "", "", "", "", "", "", "", "", "", "", "", "" },
  };
  g_autoptr(TlAccountTable) table = make_table (bad, G_N_ELEMENTS (bad));
  g_autoptr(TlAccountTable) combined = tl_account_table_combine_ids (table, julian (2026, 12, 4));

  /* No row has a readable ARR, so the text stays for the report. */
  g_assert_cmpstr (tl_account_table_get_cell (combined, 0, 2), ==, "lots");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/combine/count-repeated-ids", test_combine_count_repeated_ids);
  g_test_add_func ("/tierline/combine/one-row-per-id", test_combine_one_row_per_id);
  g_test_add_func ("/tierline/combine/trims-ids", test_combine_trims_ids);
  g_test_add_func ("/tierline/combine/sums-arr-with-mrr", test_combine_sums_arr_with_mrr);
  g_test_add_func ("/tierline/combine/sums-seats", test_combine_sums_seats);
  g_test_add_func ("/tierline/combine/weighted-mean", test_combine_weighted_mean);
  g_test_add_func ("/tierline/combine/max-and-any-yes", test_combine_max_and_any_yes);
  g_test_add_func ("/tierline/combine/renewal-not-past", test_combine_renewal_not_past);
  g_test_add_func ("/tierline/combine/text-first-non-empty", test_combine_text_first_non_empty);
  g_test_add_func ("/tierline/combine/mean-without-arr", test_combine_mean_without_arr);
  g_test_add_func ("/tierline/combine/keeps-unreadable-cell", test_combine_keeps_unreadable_cell);

  return g_test_run ();
}
