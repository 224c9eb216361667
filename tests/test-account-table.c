/* test-account-table.c
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

#define G_LOG_DOMAIN "test-account-table"

#include <math.h>
#include <string.h>

#include "tl-account-table.h"

#define MAX_ROWS 8

/* Rows are given as NULL-terminated cell lists, so a row may be shorter or
 * longer than the header. Row i is on line i + 2, below the header. */
typedef struct
{
  const char *headers[16];
  const char *rows[MAX_ROWS][16];
} TableSpec;

static void
append_rows (TlAccountTable  *table,
             const TableSpec *spec)
{
  for (guint r = 0; r < MAX_ROWS && spec->rows[r][0] != NULL; r++)
    {
      guint n = g_strv_length ((char **) spec->rows[r]);
      gsize lengths[16];

      for (guint c = 0; c < n; c++)
        lengths[c] = strlen (spec->rows[r][c]);
      tl_account_table_append_row (table, spec->rows[r], lengths, n, r + 2);
    }
}

/* Builds a table from @spec and applies the map its headers match. */
static TlAccountTable *
table_build (const TableSpec *spec,
             TlImportReport  *report)
{
  guint n_headers = g_strv_length ((char **) spec->headers);
  TlAccountTable *table = tl_account_table_new (spec->headers, n_headers);
  g_autoptr(TlFieldMap) map = NULL;

  append_rows (table, spec);
  tl_account_table_finish_rows (table);
  map = tl_field_map_new (tl_account_table_get_headers (table),
                          tl_account_table_get_n_columns (table));
  tl_account_table_apply_map (table, map, report);

  return table;
}

static void
assert_value (const TlAccountTable *table,
              TlField               field,
              guint                 row,
              double                expected)
{
  double actual = tl_account_table_get_value (table, field, row);

  g_test_message ("field %s, row %u", tl_field_get_key (field), row);
  if (isnan (expected))
    g_assert_true (isnan (actual));
  else
    g_assert_cmpfloat_with_epsilon (actual, expected, 1e-12 * MAX (1.0, fabs (expected)));
}

static void
assert_arr (const TlAccountTable *table,
            guint                 row,
            double                expected,
            TlArrSource           source)
{
  const double *arr = tl_account_table_get_arr (table);

  g_test_message ("ARR of row %u", row);
  g_assert_nonnull (arr);
  if (isnan (expected))
    g_assert_true (isnan (arr[row]));
  else
    g_assert_cmpfloat_with_epsilon (arr[row], expected, 1e-9 * MAX (1.0, fabs (expected)));
  g_assert_cmpint (tl_account_table_get_arr_source (table, row), ==, source);
}

static guint
count_issues (const TlImportReport *report,
              TlIssueKind           kind,
              guint64               line,
              int                   column)
{
  guint n = 0;

  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      if (issue->kind == kind && issue->line == line && issue->column == column)
        n++;
    }

  return n;
}

static const TlImportIssue *
find_issue (const TlImportReport *report,
            TlIssueKind           kind,
            guint64               line,
            int                   column)
{
  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      if (issue->kind == kind && issue->line == line && issue->column == column)
        return issue;
    }

  return NULL;
}

static void
assert_issue (const TlImportReport *report,
              TlIssueKind           kind,
              guint64               line,
              int                   column,
              const char           *value)
{
  const TlImportIssue *issue;

  g_test_message ("issue %d at line %" G_GUINT64_FORMAT ", column %d", kind, line, column);
  g_assert_cmpuint (count_issues (report, kind, line, column), ==, 1);
  issue = find_issue (report, kind, line, column);
  g_assert_cmpstr (issue->value, ==, value);
}

/* Typed values */

static const TableSpec typed_spec = {
  { "Account", "ARR", "Seats", "Seats Used", "DAU/MAU", "Adoption %", "Headcount Growth",
    "Exec Sponsor", "Renewal Date", "CSAT", "NPS", "CSM", NULL },
  {
    { "Acme", "$120,000", "50", "45", "0.35", "60%", "12.5", "yes", "2027-03-15", "4.5", "40",
      "Dana", NULL },
    { "Beta", "80000", "20", "N/A", "35", "0.6", "12.5%", "no", "3/4/2027", "3", "-20",
      "Omar", NULL },
    { "Gamma", "abc", "x", "", "35%", "60", "-3", "maybe", "soon", "", "N/A", "", NULL },
  },
};

static void
test_account_table_typed_values (void)
{
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&typed_spec, report);

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);

  assert_arr (table, 0, 120000, TL_ARR_SOURCE_ARR);
  assert_arr (table, 1, 80000, TL_ARR_SOURCE_ARR);
  assert_arr (table, 2, NAN, TL_ARR_SOURCE_NONE);

  assert_value (table, TL_FIELD_SEATS_LICENSED, 0, 50);
  assert_value (table, TL_FIELD_SEATS_LICENSED, 1, 20);
  assert_value (table, TL_FIELD_SEATS_LICENSED, 2, NAN);
  assert_value (table, TL_FIELD_SEATS_USED, 0, 45);
  assert_value (table, TL_FIELD_SEATS_USED, 1, NAN);
  assert_value (table, TL_FIELD_SEATS_USED, 2, NAN);

  /* A ratio may be written 0.35, 35 or 35 %. */
  assert_value (table, TL_FIELD_DAU_MAU, 0, 0.35);
  assert_value (table, TL_FIELD_DAU_MAU, 1, 0.35);
  assert_value (table, TL_FIELD_DAU_MAU, 2, 0.35);
  assert_value (table, TL_FIELD_ADOPTION, 0, 0.6);
  assert_value (table, TL_FIELD_ADOPTION, 1, 0.6);
  assert_value (table, TL_FIELD_ADOPTION, 2, 0.6);

  /* Growth is in percent: a plain 12.5 is 12.5 %. */
  assert_value (table, TL_FIELD_GROWTH, 0, 0.125);
  assert_value (table, TL_FIELD_GROWTH, 1, 0.125);
  assert_value (table, TL_FIELD_GROWTH, 2, -0.03);

  assert_value (table, TL_FIELD_EXEC_SPONSOR, 0, 1);
  assert_value (table, TL_FIELD_EXEC_SPONSOR, 1, 0);
  assert_value (table, TL_FIELD_EXEC_SPONSOR, 2, NAN);

  /* No cell proves an order, so 3/4/2027 is read month first. */
  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 15, 3, 2027);
    assert_value (table, TL_FIELD_RENEWAL, 0, g_date_get_julian (&date));
    g_date_set_dmy (&date, 4, 3, 2027);
    assert_value (table, TL_FIELD_RENEWAL, 1, g_date_get_julian (&date));
    assert_value (table, TL_FIELD_RENEWAL, 2, NAN);
  }

  assert_value (table, TL_FIELD_CSAT, 0, 4.5);
  assert_value (table, TL_FIELD_CSAT, 1, 3);
  assert_value (table, TL_FIELD_CSAT, 2, NAN);
  assert_value (table, TL_FIELD_NPS, 0, 40);
  assert_value (table, TL_FIELD_NPS, 1, -20);
  assert_value (table, TL_FIELD_NPS, 2, NAN);

  /* Text fields have no typed values. */
  assert_value (table, TL_FIELD_OWNER, 0, NAN);
  g_assert_null (tl_account_table_get_values (table, TL_FIELD_OWNER).d);
  g_assert_null (tl_account_table_get_values (table, TL_FIELD_OWNER).f);
  g_assert_cmpstr (tl_account_table_get_text (table, TL_FIELD_OWNER, 1), ==, "Omar");
  g_assert_null (tl_account_table_get_text (table, TL_FIELD_MRR, 1));
}

/* Amounts in $ then € then $: one note, on the first amount in euros. */
static const TableSpec mixed_currency_spec = {
  { "Account Name", "ARR", NULL },
  {
    { "Alpha", "$100,000", NULL },
    { "Beta", "€200.000", NULL },
    { "Gamma", "$50,000", NULL },
  },
};

static void
test_account_table_mixed_currencies_reported (void)
{
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&mixed_currency_spec, report);

  assert_issue (report, TL_ISSUE_MIXED_CURRENCIES, 3, 1, "€200.000");
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_MIXED_CURRENCIES), ==, 1);
  g_assert_null (tl_account_table_get_currency (table, TL_FIELD_ARR));
  g_assert_cmpstr (tl_account_table_get_arr_currency (table), ==, "$");
}

/* One currency throughout: no note, and the table names it. */
static const TableSpec euro_spec = {
  { "Account Name", "ARR", NULL },
  {
    { "Alpha", "100.000 €", NULL },
    { "Beta", "€200.000", NULL },
  },
};

static void
test_account_table_one_currency_kept (void)
{
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&euro_spec, report);

  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_MIXED_CURRENCIES), ==, 0);
  g_assert_cmpstr (tl_account_table_get_arr_currency (table), ==, "€");
}

static void
test_account_table_invalid_cells_reported (void)
{
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&typed_spec, report);

  /* Gamma is on line 4. Absent cells ("", N/A) are not reported. */
  assert_issue (report, TL_ISSUE_INVALID_NUMBER, 4, 1, "abc");
  assert_issue (report, TL_ISSUE_INVALID_NUMBER, 4, 2, "x");
  assert_issue (report, TL_ISSUE_INVALID_BOOLEAN, 4, 7, "maybe");
  assert_issue (report, TL_ISSUE_INVALID_DATE, 4, 8, "soon");
  assert_issue (report, TL_ISSUE_MISSING_ARR, 4, -1, NULL);
  /* Beta's 3/4/2027 on line 3 is the column's only slashed date, and
   * neither part is above 12. */
  assert_issue (report, TL_ISSUE_AMBIGUOUS_DATES, 3, 8, "3/4/2027");
  g_assert_cmpuint (tl_import_report_get_n_issues (report), ==, 6);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_INVALID_NUMBER), ==, 2);
  g_assert_cmpuint (tl_import_report_get_n_accounts (report), ==, 3);
}

static void
test_account_table_ratio_bounds (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Stickiness", "Employee Growth", NULL },
    {
      { "A", "1", "1", "0", NULL },
      { "B", "1", "100", "100", NULL },
      { "C", "1", "0.05", "0.5", NULL },
      { "D", "1", "100%", "-12.5 %", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  /* A ratio of exactly 1 is 100 %, not 1 %. */
  assert_value (table, TL_FIELD_DAU_MAU, 0, 1.0);
  assert_value (table, TL_FIELD_DAU_MAU, 1, 1.0);
  assert_value (table, TL_FIELD_DAU_MAU, 2, 0.05);
  assert_value (table, TL_FIELD_DAU_MAU, 3, 1.0);
  assert_value (table, TL_FIELD_GROWTH, 0, 0);
  assert_value (table, TL_FIELD_GROWTH, 1, 1.0);
  assert_value (table, TL_FIELD_GROWTH, 2, 0.005);
  assert_value (table, TL_FIELD_GROWTH, 3, -0.125);
}

static void
test_account_table_percent_in_amount_invalid (void)
{
  static const TableSpec spec = {
    { "Account", "ARR", "Seats", NULL },
    {
      { "A", "5%", "50%", NULL },
    },
  };
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, report);

  assert_arr (table, 0, NAN, TL_ARR_SOURCE_NONE);
  assert_value (table, TL_FIELD_SEATS_LICENSED, 0, NAN);
  assert_issue (report, TL_ISSUE_INVALID_NUMBER, 2, 1, "5%");
  assert_issue (report, TL_ISSUE_INVALID_NUMBER, 2, 2, "50%");
}

/* ARR */

static void
test_account_table_arr_from_mrr (void)
{
  static const TableSpec spec = {
    { "Account", "ARR", "MRR", NULL },
    {
      { "A", "", "1000", NULL },
      { "B", "50000", "1000", NULL },
      { "C", "N/A", "$250.50", NULL },
      { "D", "", "", NULL },
      { "E", "0", "100", NULL },
      { "F", "-", "0", NULL },
    },
  };
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, report);

  assert_arr (table, 0, 12000, TL_ARR_SOURCE_MRR);
  /* The ARR cell wins over MRR when both are present. */
  assert_arr (table, 1, 50000, TL_ARR_SOURCE_ARR);
  assert_arr (table, 2, 3006, TL_ARR_SOURCE_MRR);            /* 12 x 250.50 */
  assert_arr (table, 3, NAN, TL_ARR_SOURCE_NONE);
  /* A zero ARR is a real zero and does not fall back to MRR. */
  assert_arr (table, 4, 0, TL_ARR_SOURCE_ARR);
  assert_arr (table, 5, 0, TL_ARR_SOURCE_MRR);

  assert_issue (report, TL_ISSUE_MISSING_ARR, 5, -1, NULL);
  g_assert_cmpuint (tl_import_report_get_n_issues (report), ==, 1);
  assert_value (table, TL_FIELD_MRR, 2, 250.50);
}

static void
test_account_table_mrr_only (void)
{
  static const TableSpec spec = {
    { "Account", "Monthly Recurring Revenue", NULL },
    {
      { "A", "1,250", NULL },
      { "B", "980.5", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  assert_arr (table, 0, 15000, TL_ARR_SOURCE_MRR);           /* 12 x 1,250 */
  assert_arr (table, 1, 11766, TL_ARR_SOURCE_MRR);           /* 12 x 980.5 */
}

static void
test_account_table_negative_arr (void)
{
  static const TableSpec spec = {
    { "Account", "ARR", "MRR", NULL },
    {
      { "A", "-5000", "", NULL },
      { "B", "", "(100)", NULL },
      { "C", "1000", "-50", NULL },
    },
  };
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, report);

  assert_arr (table, 0, NAN, TL_ARR_SOURCE_INVALID);
  assert_arr (table, 1, NAN, TL_ARR_SOURCE_INVALID);
  assert_arr (table, 2, 1000, TL_ARR_SOURCE_ARR);
  /* The issue names the column the negative amount came from. */
  assert_issue (report, TL_ISSUE_NEGATIVE_ARR, 2, 1, "-5000");
  assert_issue (report, TL_ISSUE_NEGATIVE_ARR, 3, 2, "(100)");
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_NEGATIVE_ARR), ==, 2);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_MISSING_ARR), ==, 0);
}

static void
test_account_table_no_revenue_column (void)
{
  static const TableSpec spec = {
    { "Account", "Seats", NULL },
    {
      { "A", "5", NULL },
      { "B", "7", NULL },
    },
  };
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, report);

  assert_arr (table, 0, NAN, TL_ARR_SOURCE_NONE);
  assert_arr (table, 1, NAN, TL_ARR_SOURCE_NONE);
  assert_issue (report, TL_ISSUE_MISSING_ARR, 2, -1, NULL);
  assert_issue (report, TL_ISSUE_MISSING_ARR, 3, -1, NULL);
}

/* Decimal marks */

static void
test_account_table_decimal_comma_column (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Seats", NULL },
    {
      { "A", "1.234,56", "10", NULL },
      { "B", "1.234", "5", NULL },
      { "C", "980,5", "3", NULL },
    },
  };
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, report);

  assert_value (table, TL_FIELD_MRR, 0, 1234.56);
  assert_value (table, TL_FIELD_MRR, 1, 1234);
  assert_value (table, TL_FIELD_MRR, 2, 980.5);
  assert_arr (table, 0, 14814.72, TL_ARR_SOURCE_MRR);        /* 12 x 1234.56 */
  assert_arr (table, 1, 14808, TL_ARR_SOURCE_MRR);           /* 12 x 1234 */
  g_assert_cmpuint (tl_import_report_get_n_issues (report), ==, 0);
}

static void
test_account_table_decimal_point_column (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", NULL },
    {
      { "A", "1,234.56", NULL },
      { "B", "1,234", NULL },
      { "C", "12,5", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  assert_value (table, TL_FIELD_MRR, 0, 1234.56);
  assert_value (table, TL_FIELD_MRR, 1, 1234);
  /* A lone comma before one digit is a decimal mark even here. */
  assert_value (table, TL_FIELD_MRR, 2, 12.5);
}

static void
test_account_table_day_first_column (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Renewal", NULL },
    {
      { "A", "1", "28/02/2027", NULL },
      { "B", "1", "03/04/2027", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, 4, 2027);
  assert_value (table, TL_FIELD_RENEWAL, 1, g_date_get_julian (&date));
}

/* Scales */

typedef struct
{
  const char *name;
  const char *header;
  TlField     field;
  const char *cells[5];   /* NULL-terminated */
  TlScale     scale;
  double      first;      /* the stored value of the first cell */
} ScaleCase;

static const ScaleCase scale_cases[] = {
  { "csat-one-to-five", "CSAT", TL_FIELD_CSAT, { "1", "5", "3.5", NULL },
    TL_SCALE_ONE_TO_FIVE, 1 },
  { "csat-zero-to-ten", "CSAT", TL_FIELD_CSAT, { "0", "10", "7", NULL },
    TL_SCALE_ZERO_TO_TEN, 0 },
  { "csat-six-to-ten", "CSAT Score", TL_FIELD_CSAT, { "6", "9.5", NULL },
    TL_SCALE_ZERO_TO_TEN, 6 },
  { "csat-percent", "Support CSAT", TL_FIELD_CSAT, { "85", "92", "40", NULL },
    TL_SCALE_PERCENT, 85 },
  /* Written with %, CSAT is a percent and stored as 85 on 0..100. */
  { "csat-percent-sign", "CSAT", TL_FIELD_CSAT, { "85%", "4%", NULL },
    TL_SCALE_PERCENT, 85 },
  { "csat-empty", "CSAT", TL_FIELD_CSAT, { "", "N/A", NULL }, TL_SCALE_NONE, NAN },
  { "nps-negative", "NPS", TL_FIELD_NPS, { "-20", "40", NULL }, TL_SCALE_NPS, -20 },
  { "nps-above-ten", "NPS Score", TL_FIELD_NPS, { "50", "80", NULL }, TL_SCALE_NPS, 50 },
  { "nps-survey", "NPS", TL_FIELD_NPS, { "0", "10", "7", NULL }, TL_SCALE_ZERO_TO_TEN, 0 },
  /* NPS values within 1..5 are still a 0..10 survey. */
  { "nps-survey-small", "NPS", TL_FIELD_NPS, { "2", "4", NULL }, TL_SCALE_ZERO_TO_TEN, 2 },
  { "health-percent", "Health Score", TL_FIELD_HEALTH_EXTERNAL, { "72", "55", "90", NULL },
    TL_SCALE_PERCENT, 72 },
  { "health-zero-to-ten", "Health", TL_FIELD_HEALTH_EXTERNAL, { "7", "8.5", "0", NULL },
    TL_SCALE_ZERO_TO_TEN, 7 },
  { "health-one-to-five", "Health", TL_FIELD_HEALTH_EXTERNAL, { "1", "4", NULL },
    TL_SCALE_ONE_TO_FIVE, 1 },
};

static void
test_account_table_scale (gconstpointer data)
{
  const ScaleCase *tc = data;
  const char *headers[] = { "Account", "MRR", tc->header, NULL };
  g_autoptr(TlAccountTable) table = tl_account_table_new (headers, 3);
  g_autoptr(TlFieldMap) map = NULL;

  for (guint r = 0; tc->cells[r] != NULL; r++)
    {
      const char *cells[] = { "Acme", "100", tc->cells[r] };
      gsize lengths[] = { 4, 3, strlen (tc->cells[r]) };

      tl_account_table_append_row (table, cells, lengths, 3, r + 2);
    }
  tl_account_table_finish_rows (table);
  map = tl_field_map_new (headers, 3);
  g_assert_cmpint (tl_field_map_get_column (map, tc->field), ==, 2);
  tl_account_table_apply_map (table, map, NULL);

  g_assert_cmpint (tl_account_table_get_scale (table, tc->field), ==, tc->scale);
  assert_value (table, tc->field, 0, tc->first);
}

/* Names and headers */

static void
test_account_table_display_name (void)
{
  static const TableSpec spec = {
    { "Account ID", "Account Name", "ARR", NULL },
    {
      { "ACC-1", "Acme", "1", NULL },
      { "ACC-2", "", "1", NULL },
      { "", "", "1", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_cmpstr (tl_account_table_get_display_name (table, 0), ==, "Acme");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 1), ==, "ACC-2");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 2), ==, "");
}

static void
test_account_table_display_name_without_name_column (void)
{
  static const TableSpec spec = {
    { "Account ID", "ARR", NULL },
    {
      { "ACC-7", "1", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_false (tl_account_table_has_field (table, TL_FIELD_NAME));
  g_assert_true (tl_account_table_has_field (table, TL_FIELD_ID));
  g_assert_cmpstr (tl_account_table_get_display_name (table, 0), ==, "ACC-7");
}

static void
test_account_table_trailing_blank_columns_dropped (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Seats", "", "", " ", NULL },
    {
      { "Vireo", "450", "6", "", "", "", NULL },
      { "Willow", "3200", "40", "", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (tl_account_table_get_header (table, 2), ==, "Seats");
  g_assert_null (tl_account_table_get_headers (table)[3]);
  assert_arr (table, 1, 38400, TL_ARR_SOURCE_MRR);           /* 12 x 3200 */
}

static void
test_account_table_trailing_blank_column_with_text_kept (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "", "", NULL },
    {
      { "Vireo", "450", "note", "", NULL },
      { "Willow", "3200", "", "", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  /* The third column has text, so it stays and is named by position. The
   * fourth has none and is dropped. */
  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (tl_account_table_get_header (table, 2), ==, "Column 3");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 2), ==, "note");
}

static void
test_account_table_header_names (void)
{
  static const TableSpec spec = {
    { " Account ", "", "Notes", "Notes", "MRR", "Notes", NULL },
    {
      { "A", "b", "c", "d", "1", "f", NULL },
    },
  };
  static const char *const expected[] = {
    "Account", "Column 2", "Notes", "Notes (2)", "MRR", "Notes (3)", NULL
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 6);
  g_assert_cmpstrv (tl_account_table_get_headers (table), expected);
}

static void
test_account_table_header_names_keep_unique (void)
{
  /* "Notes (2)" and "Column 2" are the file's own unique headers, so they
   * stay as they are and the generated names avoid them. */
  static const TableSpec spec = {
    { "Account", "", "Notes", "Notes", "Notes (2)", "Notes", "MRR", "Column 2", NULL },
    {
      { "A", "b", "c", "d", "e", "f", "1", "g", NULL },
    },
  };
  static const char *const expected[] = {
    "Account", "Column 2 (2)", "Notes", "Notes (3)", "Notes (2)", "Notes (4)", "MRR",
    "Column 2", NULL
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_cmpstrv (tl_account_table_get_headers (table), expected);
}

static void
test_account_table_header_names_many_repeats (void)
{
  /* 50,000 columns named "Notes" are numbered in linear time, because each
   * search for a free number starts after the last one found. */
  guint n = 50000;
  g_autofree const char **headers = g_new (const char *, n);
  g_autoptr(TlAccountTable) table = NULL;

  for (guint c = 0; c < n; c++)
    headers[c] = "Notes";
  table = tl_account_table_new (headers, n);
  tl_account_table_finish_rows (table);

  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, n);
  g_assert_cmpstr (tl_account_table_get_header (table, 0), ==, "Notes");
  g_assert_cmpstr (tl_account_table_get_header (table, 1), ==, "Notes (2)");
  g_assert_cmpstr (tl_account_table_get_header (table, n - 1), ==, "Notes (50000)");
}

static void
test_account_table_row_cells (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Notes", NULL },
    {
      { "Short", "10", NULL },
      { "Long", "20", "two\nlines", "extra", "more", NULL },
      { "Exact", "", "", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);
  const char *cells[3] = { NULL, NULL, NULL };

  tl_account_table_get_row_cells (table, 0, cells);
  g_assert_cmpstr (cells[0], ==, "Short");
  g_assert_cmpstr (cells[1], ==, "10");
  g_assert_cmpstr (cells[2], ==, "");

  tl_account_table_get_row_cells (table, 1, cells);
  g_assert_cmpstr (cells[0], ==, "Long");
  g_assert_cmpstr (cells[1], ==, "20");
  g_assert_cmpstr (cells[2], ==, "two\nlines");
  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 3);

  tl_account_table_get_row_cells (table, 2, cells);
  g_assert_cmpstr (cells[0], ==, "Exact");
  g_assert_cmpstr (cells[2], ==, "");

  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 2), ==, "two\nlines");
  g_assert_cmpuint (tl_account_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (tl_account_table_get_line (table, 2), ==, 4);
}

static void
test_account_table_cell_length_respected (void)
{
  /* The lengths, not the NUL terminators, end each cell. */
  const char *headers[] = { "Account", "MRR", NULL };
  const char *cells[] = { "Acme Corp", "1500 and more" };
  gsize lengths[] = { 4, 4 };
  g_autoptr(TlAccountTable) table = tl_account_table_new (headers, 2);

  tl_account_table_append_row (table, cells, lengths, 2, 2);
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 0), ==, "Acme");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 1), ==, "1500");
}

static void
test_account_table_invalid_utf8_repaired (void)
{
  static const TableSpec spec = {
    { "Account", "MRR", "Comment", NULL },
    {
      { "Caf\xe9", "10", "ok \xff\xfe end", NULL },
      { "Plain", "20", "after", NULL },
    },
  };
  g_autoptr(TlAccountTable) table = table_build (&spec, NULL);

  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 0), ==, "Caf\xef\xbf\xbd");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 2), ==,
                   "ok \xef\xbf\xbd\xef\xbf\xbd end");
  /* The repaired row does not shift the cells after it. */
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 1), ==, "10");
  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 2), ==, "after");
}

static void
test_account_table_long_invalid_cell_clipped (void)
{
  /* The report keeps 200 characters of a cell and marks the cut. */
  const char *headers[] = { "Account", "ARR", NULL };
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autoptr(TlImportReport) report = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = tl_account_table_new (headers, 2);
  g_autoptr(TlFieldMap) map = tl_field_map_new (headers, 2);
  const char *cells[2];
  gsize lengths[2];
  const TlImportIssue *issue;

  for (guint i = 0; i < 300; i++)
    g_string_append (cell, "\xc3\xa9");                 /* é, two bytes each */
  cells[0] = "Acme";
  cells[1] = cell->str;
  lengths[0] = 4;
  lengths[1] = cell->len;
  tl_account_table_append_row (table, cells, lengths, 2, 7);
  tl_account_table_finish_rows (table);
  tl_account_table_apply_map (table, map, report);

  issue = find_issue (report, TL_ISSUE_INVALID_NUMBER, 7, 1);
  g_assert_nonnull (issue);
  g_assert_cmpuint (g_utf8_strlen (issue->value, -1), ==, 201);
  g_assert_true (g_str_has_suffix (issue->value, "\xc3\xa9\xe2\x80\xa6"));
  g_assert_cmpuint (strlen (tl_account_table_get_cell (table, 0, 1)), ==, 600);
}

static void
test_account_table_reapply_map (void)
{
  static const TableSpec spec = {
    { "Account", "Total ARR", "Fee", NULL },
    {
      { "A", "1200", "50", NULL },
      { "B", "bad", "70", NULL },
    },
  };
  g_autoptr(TlImportReport) first = tl_import_report_new ();
  g_autoptr(TlImportReport) second = tl_import_report_new ();
  g_autoptr(TlAccountTable) table = table_build (&spec, first);
  g_autoptr(TlFieldMap) map = tl_field_map_copy (tl_account_table_get_map (table));

  assert_arr (table, 0, 1200, TL_ARR_SOURCE_ARR);
  assert_issue (first, TL_ISSUE_INVALID_NUMBER, 3, 1, "bad");

  /* The user maps Fee as MRR and drops the ARR column. */
  tl_field_map_set_column (map, TL_FIELD_ARR, -1);
  tl_field_map_set_column (map, TL_FIELD_MRR, 2);
  tl_account_table_apply_map (table, map, second);

  assert_arr (table, 0, 600, TL_ARR_SOURCE_MRR);             /* 12 x 50 */
  assert_arr (table, 1, 840, TL_ARR_SOURCE_MRR);             /* 12 x 70 */
  g_assert_false (tl_account_table_has_field (table, TL_FIELD_ARR));
  assert_value (table, TL_FIELD_ARR, 0, NAN);
  g_assert_cmpint (tl_account_table_get_field_column (table, TL_FIELD_MRR), ==, 2);
  g_assert_cmpuint (tl_import_report_get_n_issues (second), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/account-table/mixed-currencies-reported",
                   test_account_table_mixed_currencies_reported);
  g_test_add_func ("/tierline/account-table/one-currency-kept",
                   test_account_table_one_currency_kept);
  g_test_add_func ("/tierline/account-table/typed-values", test_account_table_typed_values);
  g_test_add_func ("/tierline/account-table/invalid-cells-reported",
                   test_account_table_invalid_cells_reported);
  g_test_add_func ("/tierline/account-table/ratio-bounds", test_account_table_ratio_bounds);
  g_test_add_func ("/tierline/account-table/percent-in-amount-invalid",
                   test_account_table_percent_in_amount_invalid);

  g_test_add_func ("/tierline/account-table/arr-from-mrr", test_account_table_arr_from_mrr);
  g_test_add_func ("/tierline/account-table/mrr-only", test_account_table_mrr_only);
  g_test_add_func ("/tierline/account-table/negative-arr", test_account_table_negative_arr);
  g_test_add_func ("/tierline/account-table/no-revenue-column",
                   test_account_table_no_revenue_column);

  g_test_add_func ("/tierline/account-table/decimal-comma-column",
                   test_account_table_decimal_comma_column);
  g_test_add_func ("/tierline/account-table/decimal-point-column",
                   test_account_table_decimal_point_column);
  g_test_add_func ("/tierline/account-table/day-first-column",
                   test_account_table_day_first_column);

  for (guint i = 0; i < G_N_ELEMENTS (scale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/account-table/scale/%s",
                                               scale_cases[i].name);

      g_test_add_data_func (path, &scale_cases[i], test_account_table_scale);
    }

  g_test_add_func ("/tierline/account-table/display-name", test_account_table_display_name);
  g_test_add_func ("/tierline/account-table/display-name-without-name-column",
                   test_account_table_display_name_without_name_column);
  g_test_add_func ("/tierline/account-table/trailing-blank-columns-dropped",
                   test_account_table_trailing_blank_columns_dropped);
  g_test_add_func ("/tierline/account-table/trailing-blank-column-with-text-kept",
                   test_account_table_trailing_blank_column_with_text_kept);
  g_test_add_func ("/tierline/account-table/header-names", test_account_table_header_names);
  g_test_add_func ("/tierline/account-table/header-names-keep-unique",
                   test_account_table_header_names_keep_unique);
  g_test_add_func ("/tierline/account-table/header-names-many-repeats",
                   test_account_table_header_names_many_repeats);
  g_test_add_func ("/tierline/account-table/row-cells", test_account_table_row_cells);
  g_test_add_func ("/tierline/account-table/cell-length-respected",
                   test_account_table_cell_length_respected);
  g_test_add_func ("/tierline/account-table/invalid-utf8-repaired",
                   test_account_table_invalid_utf8_repaired);
  g_test_add_func ("/tierline/account-table/long-invalid-cell-clipped",
                   test_account_table_long_invalid_cell_clipped);
  g_test_add_func ("/tierline/account-table/reapply-map", test_account_table_reapply_map);

  return g_test_run ();
}
