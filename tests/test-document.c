/* test-document.c
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

#define G_LOG_DOMAIN "test-document"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tl-csv-reader.h"
#include "tl-document.h"
#include "tl-value.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Reads a file of tests/data and applies the automatic map. */
static TlDocument *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  TlDocument *doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (tl_document_is_ready (doc));

  return doc;
}

static double
sum_arr (const TlAccountTable *table)
{
  const double *arr = tl_account_table_get_arr (table);
  double sum = 0;

  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    if (!isnan (arr[r]))
      sum += arr[r];

  return sum;
}

static double
sum_field (const TlAccountTable *table,
           TlField               field)
{
  double sum = 0;

  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    {
      double v = tl_account_table_get_value (table, field, r);

      if (!isnan (v))
        sum += v;
    }

  return sum;
}

static void
assert_money (double actual,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

static const TlImportIssue *
find_issue (TlImportReport *report,
            TlIssueKind     kind,
            guint64         line)
{
  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      if (issue->kind == kind && issue->line == line)
        return issue;
    }

  return NULL;
}

/* One file per kind of fault */

static void
test_document_bom_crlf (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-bom-crlf.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);

  g_assert_cmpstr (tl_account_table_get_header (table, 0), ==, "Account ID");
  g_assert_cmpint (tl_account_table_get_field_column (table, TL_FIELD_ID), ==, 0);
  g_assert_cmpint (tl_account_table_get_field_column (table, TL_FIELD_NAME), ==, 1);
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  /* 48,000 + 125,500 + 9,600 */
  assert_money (sum_arr (table), 183100);
  /* The last cell of each line keeps no CR. */
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 3), ==, "8");
  g_assert_cmpuint (tl_account_table_get_line (table, 2), ==, 4);
  g_assert_cmpuint (tl_import_report_get_n_issues (report), ==, 0);
  g_assert_cmpstr (tl_import_report_get_encoding (report), ==, "UTF-8");
  g_assert_cmpuint (tl_import_report_get_n_accounts (report), ==, 3);
}

static void
test_document_sep_line (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-sep-line.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  static const char *const headers[] = { "Account", "Owner", "MRR", NULL };

  g_assert_cmpstrv (tl_account_table_get_headers (table), headers);
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 2);
  /* 1,800 + 910 */
  assert_money (sum_field (table, TL_FIELD_MRR), 2710);
  assert_money (sum_arr (table), 32520);                     /* 12 x 2,710 */
  g_assert_cmpstr (tl_account_table_get_text (table, TL_FIELD_OWNER, 1), ==, "Team South");
  /* The hint is line 1, so the first account is on line 3. */
  g_assert_cmpuint (tl_account_table_get_line (table, 0), ==, 3);
}

static void
test_document_embedded_newlines (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-embedded-newlines.csv");
  const TlAccountTable *table = tl_document_get_table (doc);

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 3), ==,
                   "Renewal call booked.\nChampion left in May; new sponsor is the VP Ops.");
  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 3), ==,
                   "Asked for a discount \"again\", see thread\n"
                   "Escalation open since 2024-11-02");
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 0), ==, "Ionic Labs");
  g_assert_cmpfloat (tl_account_table_get_value (table, TL_FIELD_HEALTH_EXTERNAL, 0), ==, 72);
  g_assert_cmpfloat (tl_account_table_get_value (table, TL_FIELD_HEALTH_EXTERNAL, 1), ==, 55);
  g_assert_cmpfloat (tl_account_table_get_value (table, TL_FIELD_HEALTH_EXTERNAL, 2), ==, 90);
  /* Each note spans two lines, so the rows start on lines 2, 4 and 6. */
  g_assert_cmpuint (tl_account_table_get_line (table, 0), ==, 2);
  g_assert_cmpuint (tl_account_table_get_line (table, 1), ==, 4);
  g_assert_cmpuint (tl_account_table_get_line (table, 2), ==, 6);
  g_assert_cmpuint (tl_import_report_get_n_issues (tl_document_get_report (doc)), ==, 0);
}

static void
test_document_ragged_rows (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-ragged-rows.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);
  const TlImportIssue *issue;
  g_autofree char *description = NULL;

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 4);

  /* Nimbus Print (line 3) has no MRR cell: absent, not 0, and reported. */
  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 0), ==, "Nimbus Print");
  g_assert_true (isnan (tl_account_table_get_value (table, TL_FIELD_MRR, 1)));
  issue = find_issue (report, TL_ISSUE_SHORT_ROW, 3);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->column, ==, -1);
  g_assert_nonnull (find_issue (report, TL_ISSUE_MISSING_ARR, 3));

  /* Orchid Spa Group (line 4) has a value past the last column. */
  issue = find_issue (report, TL_ISSUE_EXTRA_CELLS, 4);
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->value, "legacy discount"));
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 3), ==, "9600");

  /* Pinecrest Schools' two empty extra cells pass silently. */
  g_assert_null (find_issue (report, TL_ISSUE_EXTRA_CELLS, 5));
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_SHORT_ROW), ==, 1);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_EXTRA_CELLS), ==, 1);

  /* 600 + 9,600 + 2,250 */
  assert_money (sum_field (table, TL_FIELD_MRR), 12450);

  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    if (tl_import_report_get_issue (report, i)->kind == TL_ISSUE_SHORT_ROW)
      description = tl_import_report_describe (report, i);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, "Line 3: "));
}

static void
test_document_crlf_no_final_newline (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-crlf-no-final-newline.csv");
  const TlAccountTable *table = tl_document_get_table (doc);

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, 0), ==, "Gold");
  g_assert_cmpstr (tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, 1), ==, "Bronze");
  g_assert_cmpstr (tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, 2), ==, "Silver");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 2), ==, "Sable Security");
  /* 150,000 + 12,000 + 64,000 */
  assert_money (sum_arr (table), 226000);
}

static void
test_document_trailing_empty_columns (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-trailing-empty-columns.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);
  static const char *const headers[] = { "Account", "MRR", "Seats", NULL };

  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 3);
  g_assert_cmpstrv (tl_account_table_get_headers (table), headers);
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  /* 450 + 3,200 + 90 */
  assert_money (sum_field (table, TL_FIELD_MRR), 3740);
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 0), ==, "Xenon Parts");
  /* Line 4 has only commas and is skipped, so Xenon Parts is on line 5. */
  g_assert_cmpuint (tl_account_table_get_line (table, 2), ==, 5);
  g_assert_cmpuint (tl_import_report_get_n_issues (report), ==, 0);
}

static void
test_document_currency_strings (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-currency-usd.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  const double *arr = tl_account_table_get_arr (table);
  static const double credits[] = { -350, -75.25, 0 };

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 4);
  assert_money (arr[0], 1234.56);
  assert_money (arr[1], 98000);
  assert_money (arr[2], 4500);
  assert_money (arr[3], 2500000);
  g_assert_cmpuint (tl_import_report_get_n_issues (tl_document_get_report (doc)), ==, 0);

  /* Credit matches no field, so it is kept as the file wrote it. */
  g_assert_cmpint (tl_field_map_get_field_of (tl_document_get_map (doc), 3), ==, -1);
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 3), ==, "($350.00)");
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 1), ==, " $4,500.00 ");
  g_assert_cmpstr (tl_account_table_get_cell (table, 3, 3), ==, "");
  for (guint r = 0; r < G_N_ELEMENTS (credits); r++)
    {
      const char *cell = tl_account_table_get_cell (table, r, 3);
      double value = NAN;

      g_assert_cmpint (tl_value_parse_number (cell, strlen (cell), TL_DECIMAL_POINT, &value,
                                              NULL), ==, TL_PARSE_OK);
      assert_money (value, credits[r]);
    }
}

static void
test_document_currency_mapped_by_hand (void)
{
  g_autofree char *path = data_path ("import-currency-usd.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_autoptr(TlFieldMap) map = NULL;
  const TlAccountTable *table;

  g_assert_no_error (error);
  map = tl_field_map_copy (tl_document_get_map (doc));
  g_assert_true (tl_field_map_apply_override (map, "mrr=Expansion Potential", &error));
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, map, NULL, &error));
  g_assert_no_error (error);
  table = tl_document_get_table (doc);

  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 0), 12000);
  /* "$0.00" is a real zero, and N/A is absent. */
  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 1), 0);
  g_assert_false (isnan (tl_account_table_get_value (table, TL_FIELD_MRR, 1)));
  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 2), 2500);
  g_assert_true (isnan (tl_account_table_get_value (table, TL_FIELD_MRR, 3)));
  /* ARR stays the ARR column's, which every row has. */
  g_assert_cmpint (tl_account_table_get_arr_source (table, 3), ==, TL_ARR_SOURCE_ARR);
  g_assert_cmpuint (tl_import_report_get_n_issues (tl_document_get_report (doc)), ==, 0);
}

static void
test_document_windows_1252 (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-windows-1252.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);

  g_assert_cmpstr (tl_import_report_get_encoding (report), ==, "WINDOWS-1252");
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 0), ==, "Caf\xc3\xa9 Lumi\xc3\xa8re");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 1), ==, "Montr\xc3\xa9" "al");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 3), ==, "\xe2\x82\xac pricing");
  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 0), ==, "B\xc3\xbcro Schmidt");
  g_assert_cmpstr (tl_account_table_get_cell (table, 1, 1), ==, "K\xc3\xb6ln");
  /* 0xFF and 0xFE are ÿ and þ in Windows-1252. */
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 3), ==,
                   "Price list \xc3\xbf\xc3\xbe broken bytes");
  g_assert_cmpstr (tl_account_table_get_cell (table, 3, 3), ==, "Clean text");
  /* 1,200 + 800 + 300 + 700 */
  assert_money (sum_field (table, TL_FIELD_MRR), 3000);
  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    for (guint c = 0; c < tl_account_table_get_n_columns (table); c++)
      g_assert_true (g_utf8_validate (tl_account_table_get_cell (table, r, c), -1, NULL));
}

static void
test_document_semicolon_decimal_comma (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-semicolon-decimal-comma.csv");
  const TlAccountTable *table = tl_document_get_table (doc);

  g_assert_cmpstr (tl_account_table_get_header (table, 0), ==, "Customer");
  g_assert_cmpstr (tl_account_table_get_header (table, 1), ==, "MRR (\xe2\x82\xac)");
  g_assert_cmpint (tl_account_table_get_field_column (table, TL_FIELD_MRR), ==, 1);
  g_assert_cmpstr (tl_account_table_get_display_name (table, 0), ==, "M\xc3\xbcller GmbH");
  /* The column has "1.234,56", so it is a comma column and "1.500" there
   * is 1500. */
  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 0), 1234.56);
  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 1), 980.5);
  assert_money (tl_account_table_get_value (table, TL_FIELD_MRR, 2), 1500);
  /* 12 x (1,234.56 + 980.5 + 1,500) = 12 x 3,715.06 */
  assert_money (sum_arr (table), 44580.72);
  g_assert_cmpfloat (tl_account_table_get_value (table, TL_FIELD_HEALTH_EXTERNAL, 0), ==, 7.5);
  g_assert_cmpfloat (tl_account_table_get_value (table, TL_FIELD_HEALTH_EXTERNAL, 2), ==, 6.25);
  g_assert_cmpint (tl_account_table_get_scale (table, TL_FIELD_HEALTH_EXTERNAL), ==,
                   TL_SCALE_ZERO_TO_TEN);
  g_assert_cmpuint (tl_import_report_get_n_issues (tl_document_get_report (doc)), ==, 0);
}

/* Files made by the test itself */

/* Writes @len bytes to @name in a new temporary folder and returns the
 * file's path; remove_temp_file() deletes both. */
static char *
write_temp_file (const char *name,
                 const char *data,
                 gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tierline-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);

  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Writes @len bytes of @text to a temporary file called @name, reads it
 * and applies the automatic map. */
static TlDocument *
read_text (const char *name,
           const char *text,
           gsize       len)
{
  g_autofree char *path = write_temp_file (name, text, len);
  g_autoptr(GError) error = NULL;
  TlDocument *doc = tl_document_read (path, NULL, NULL, NULL, &error);

  remove_temp_file (path);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);

  return doc;
}

/* Appends @text to @out as UTF-16LE code units with a byte order mark. All
 * characters here are in the Basic Multilingual Plane. */
static void
append_utf16le (GByteArray *out,
                const char *text)
{
  g_byte_array_append (out, (const guint8 *) "\xff\xfe", 2);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint8 unit[2] = { c & 0xff, (c >> 8) & 0xff };

      g_assert_cmpuint (c, <, 0x10000);
      g_byte_array_append (out, unit, 2);
    }
}

/* A line with a NUL byte and a byte that is not UTF-8, far enough into a
 * UTF-8 file that the encoding stays UTF-8, is listed once. */
static void
test_document_unreadable_once (void)
{
  static const char both[] = "Delta\xff,400,both\0\n";
  g_autoptr(GString) text = g_string_new ("Account,ARR,Note\n");
  g_autoptr(TlDocument) doc = NULL;
  TlImportReport *report;
  guint n_rows = 0;

  while (text->len < 256 * 1024)
    g_string_append_printf (text, "Filler %06u,10,plain\n", n_rows++);
  g_string_append_len (text, both, sizeof both - 1);
  doc = read_text ("both.csv", text->str, text->len);
  report = tl_document_get_report (doc);

  g_assert_cmpstr (tl_import_report_get_encoding (report), ==, "UTF-8");
  g_assert_cmpuint (tl_account_table_get_n_rows (tl_document_get_table (doc)), ==, n_rows + 1);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_UNREADABLE_BYTES), ==, 1);
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, n_rows + 2));
}

/* Bytes that Windows-1252 does not define are shown as U+FFFD and their
 * lines listed, counted through CRLF and lone CR line ends. */
static void
test_document_undefined_bytes (void)
{
  static const char text[] = "Account,ARR\nCaf\xe9,100\nX\x81Y,200\r\nZ\x9d,300\rW,400\n";
  g_autoptr(TlDocument) doc = read_text ("undefined.csv", text, sizeof text - 1);
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);

  g_assert_cmpstr (tl_import_report_get_encoding (report), ==, "WINDOWS-1252");
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (tl_account_table_get_display_name (table, 1), ==, "X\xef\xbf\xbdY");
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_UNREADABLE_BYTES), ==, 2);
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 3));
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 4));
}

/* A UTF-16 file cut one byte into a character ends without it: the odd
 * byte makes no account and its line is listed. */
static void
test_document_utf16_odd_byte (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(TlDocument) doc = NULL;
  TlImportReport *report;

  append_utf16le (bytes, "Account\tMRR\r\nAlder\t100\r\nBirch\t200\r\n");
  g_byte_array_append (bytes, (const guint8 *) "C", 1);
  doc = read_text ("utf16-odd.csv", (const char *) bytes->data, bytes->len);
  report = tl_document_get_report (doc);

  g_assert_cmpuint (tl_account_table_get_n_rows (tl_document_get_table (doc)), ==, 2);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_UNREADABLE_BYTES), ==, 1);
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 4));
}

static void
test_document_utf16le_tabs (void)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TlDocument) doc = NULL;
  const TlAccountTable *table;

  append_utf16le (bytes,
                  "Account\tCountry\tMRR\tPlan\r\n"
                  "M\xc3\xbcller Logistik GmbH\tDE\t1250\tPro\r\n"
                  "Soci\xc3\xa9t\xc3\xa9 Lumi\xc3\xa8re SARL\tFR\t980.5\tBasic\r\n"
                  "\xc3\x98resund Fisk AS\tNO\t2100\tEnterprise\r\n");
  path = write_temp_file ("import-utf16le.csv", (const char *) bytes->data, bytes->len);

  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  remove_temp_file (path);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  table = tl_document_get_table (doc);

  g_assert_cmpstr (tl_import_report_get_encoding (tl_document_get_report (doc)), ==, "UTF-16LE");
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 4);
  g_assert_cmpstr (tl_account_table_get_display_name (table, 0), ==, "M\xc3\xbcller Logistik GmbH");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 1), ==,
                   "Soci\xc3\xa9t\xc3\xa9 Lumi\xc3\xa8re SARL");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 2), ==, "\xc3\x98resund Fisk AS");
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 3), ==, "Enterprise");
  /* 1,250 + 980.5 + 2,100 */
  assert_money (sum_field (table, TL_FIELD_MRR), 4330.5);
  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    for (guint c = 0; c < tl_account_table_get_n_columns (table); c++)
      g_assert_null (strstr (tl_account_table_get_cell (table, r, c), "\xef\xbf\xbd"));
}

static void
test_document_blank_header_short_rows (void)
{
  /* The third header is a space, so it names no column: a row without
   * that cell is not short, and the column is dropped. */
  static const char text[] = "Account,MRR, \nAcme,100\nBeta,200,\n";
  g_autofree char *path = write_temp_file ("blank-header.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  const TlAccountTable *table;
  TlImportReport *report;

  remove_temp_file (path);
  g_assert_no_error (error);
  table = tl_document_get_table (doc);
  report = tl_document_get_report (doc);
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 2);
  g_assert_cmpuint (tl_account_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_SHORT_ROW), ==, 0);
}

static void
test_document_late_invalid_bytes (void)
{
  /* Bytes that are not UTF-8, far into a file that began as clean UTF-8,
   * are either shown as U+FFFD or the whole file is read as Windows-1252
   * and the report says so. Either way every cell is valid UTF-8 and the
   * rows after them are kept. */
  g_autoptr(GString) text = g_string_new ("Account,MRR,Comment\n");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  const TlAccountTable *table;
  const char *encoding;
  const char *comment;
  guint n_rows = 0;
  guint last;

  while (text->len < 2 * 1024 * 1024)
    g_string_append_printf (text, "Filler %06u,10,plain\n", n_rows++);
  g_string_append (text, "Mu Apparel,20,Price list \xff\xfe broken bytes\n"
                         "Nu Robotics,30,Clean text\n");
  path = write_temp_file ("late-bytes.csv", text->str, text->len);
  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  remove_temp_file (path);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  table = tl_document_get_table (doc);
  encoding = tl_import_report_get_encoding (tl_document_get_report (doc));

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, n_rows + 2);
  last = n_rows + 1;
  comment = tl_account_table_get_cell (table, last - 1, 2);
  if (g_strcmp0 (encoding, "WINDOWS-1252") == 0)
    g_assert_cmpstr (comment, ==, "Price list \xc3\xbf\xc3\xbe broken bytes");
  else
    {
      g_assert_cmpstr (encoding, ==, "UTF-8");
      g_assert_cmpstr (comment, ==, "Price list \xef\xbf\xbd\xef\xbf\xbd broken bytes");

      /* The line of the broken bytes, after the header and the fillers. */
      g_assert_nonnull (find_issue (tl_document_get_report (doc), TL_ISSUE_UNREADABLE_BYTES,
                                    n_rows + 2));
      g_assert_cmpuint (tl_import_report_count_kind (tl_document_get_report (doc),
                                                     TL_ISSUE_UNREADABLE_BYTES), ==, 1);
    }
  g_assert_cmpstr (tl_account_table_get_cell (table, last, 0), ==, "Nu Robotics");
  g_assert_cmpstr (tl_account_table_get_cell (table, last, 2), ==, "Clean text");
  for (guint r = last - 1; r <= last; r++)
    for (guint c = 0; c < tl_account_table_get_n_columns (table); c++)
      g_assert_true (g_utf8_validate (tl_account_table_get_cell (table, r, c), -1, NULL));
  /* 10 per filler row, then 20 and 30 */
  assert_money (sum_field (table, TL_FIELD_MRR), 10.0 * n_rows + 50);
}

/* NUL bytes, in a plain and in a quoted field, are left out of their
 * fields, and each line that had one is listed once. */
static void
test_document_nul_bytes (void)
{
  static const char text[] = "Account,ARR,Note\n"
                             "Al\0pha,100,one\0two\0three\n"
                             "Beta,200,clean\n"
                             "Gamma,300,\"quoted\0 text\"\n"
                             "Delta,400,both\0\n";
  g_autoptr(TlDocument) doc = read_text ("nul.csv", text, sizeof text - 1);
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);

  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 4);
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 0), ==, "Alpha");
  g_assert_cmpstr (tl_account_table_get_cell (table, 0, 2), ==, "onetwothree");
  g_assert_cmpstr (tl_account_table_get_cell (table, 2, 2), ==, "quoted text");
  g_assert_cmpstr (tl_account_table_get_cell (table, 3, 2), ==, "both");
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_UNREADABLE_BYTES), ==, 3);
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 2));
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 4));
  g_assert_nonnull (find_issue (report, TL_ISSUE_UNREADABLE_BYTES, 5));
}

static void
test_document_header_only (void)
{
  static const char text[] = "Account,ARR\r\n";
  g_autofree char *path = write_temp_file ("header-only.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  remove_temp_file (path);
  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "no account rows"));
}

static void
test_document_quote_open_from_first_row (void)
{
  static const char text[] = "Account,ARR\n\"Acme,5\nBeta,6\n";
  g_autofree char *path = write_temp_file ("open-quote.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  /* The quote on line 2 swallows every row: the error says where. */
  remove_temp_file (path);
  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "Line 2:"));
}

static void
test_document_header_of_delimiters (void)
{
  static const char text[] = ",,,\n,,,\n";
  g_autofree char *path = write_temp_file ("commas.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  remove_temp_file (path);
  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "no column names"));
}

/* A file of one 2 MiB line: the header row itself is over the field
 * limit, and the error names that limit instead of calling the file empty. */
static void
test_document_header_too_long (void)
{
  gsize len = 2 * 1024 * 1024;
  g_autofree char *text = g_malloc (len);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;

  memset (text, 'A', len);
  path = write_temp_file ("long-header.csv", text, len);
  doc = tl_document_read (path, NULL, NULL, NULL, &error);

  remove_temp_file (path);
  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "No header row could be read"));
  g_assert_nonnull (strstr (error->message, "Line 1:"));
  g_assert_nonnull (strstr (error->message, "longer than 1 MiB"));
}

static void
test_document_blank_lines_only (void)
{
  static const char text[] = "\n\r\n\n";
  g_autofree char *path = write_temp_file ("blank.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  remove_temp_file (path);
  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
}

static void
test_document_describe_names_column (void)
{
  static const char text[] = "Account,ARR\nAcme,1000\nBeta,abc\n";
  g_autofree char *path = write_temp_file ("invalid-cell.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  TlImportReport *report;
  g_autofree char *description = NULL;
  const TlImportIssue *issue;

  remove_temp_file (path);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  report = tl_document_get_report (doc);

  issue = find_issue (report, TL_ISSUE_INVALID_NUMBER, 3);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->column, ==, 1);
  g_assert_cmpstr (issue->value, ==, "abc");
  g_assert_nonnull (find_issue (report, TL_ISSUE_MISSING_ARR, 3));
  g_assert_true (isnan (tl_account_table_get_arr (tl_document_get_table (doc))[1]));

  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    if (tl_import_report_get_issue (report, i)->kind == TL_ISSUE_INVALID_NUMBER)
      description = tl_import_report_describe (report, i);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description,
                                   "Line 3, column \xe2\x80\x9c" "ARR\xe2\x80\x9d: "));
  g_assert_nonnull (strstr (description, "abc"));
}

static void
test_document_map_issues_replaced (void)
{
  /* Each map starts from the issues of reading: applying a second map
   * drops the first map's cell issues but keeps the short row. */
  static const char text[] = "Account,ARR,Fee\nAcme,abc,10\nBeta\n";
  g_autofree char *path = write_temp_file ("two-maps.csv", text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_autoptr(TlFieldMap) map = NULL;
  TlImportReport *report;

  remove_temp_file (path);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  report = tl_document_get_report (doc);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_INVALID_NUMBER), ==, 1);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_SHORT_ROW), ==, 1);

  map = tl_field_map_copy (tl_document_get_map (doc));
  g_assert_true (tl_field_map_apply_override (map, "arr=", &error));
  g_assert_true (tl_field_map_apply_override (map, "mrr=Fee", &error));
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, map, NULL, &error));
  g_assert_no_error (error);
  report = tl_document_get_report (doc);

  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_INVALID_NUMBER), ==, 0);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_SHORT_ROW), ==, 1);
  /* Beta has no Fee cell. */
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_MISSING_ARR), ==, 1);
  g_assert_cmpfloat (tl_account_table_get_arr (tl_document_get_table (doc))[0], ==, 120);
}

/* A revenue column of text, as when a name column is chosen as ARR, is
 * rejected with its header and a cell, and a document already segmented
 * keeps its map and results. A short file with a bad amount is read. */
static void
test_document_revenue_without_amounts (void)
{
  static const char text[] = "Account,ARR,Owner\n"
                             "Acme,100,Kim\nBeta,200,Lee\nCoda,300,Ann\n"
                             "Dune,400,Bo\nEcho,500,Max\nFern,600,Kim\n";
  static const char short_text[] = "Account,ARR\nAcme,unknown\nBeta,200\n";
  static const char percent_text[] = "Account,ARR\nA,45%\nB,12%\nC,7%\nD,80%\nE,3%\n";
  g_autoptr(TlDocument) percent_doc = NULL;
  g_autoptr(GError) percent_error = NULL;
  g_autofree char *percent_path = NULL;
  g_autoptr(TlDocument) doc = read_text ("owners.csv", text, sizeof text - 1);
  g_autoptr(TlDocument) short_doc = read_text ("short.csv", short_text, sizeof short_text - 1);
  g_autoptr(TlFieldMap) map = tl_field_map_copy (tl_document_get_map (doc));
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_field_map_apply_override (map, "arr=Owner", &error));
  g_assert_no_error (error);
  g_assert_false (tl_document_apply_map (doc, map, NULL, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_AMOUNTS);
  g_assert_nonnull (strstr (error->message, "“Owner”"));
  g_assert_nonnull (strstr (error->message, "“Kim” on line 2"));

  g_assert_true (tl_document_is_ready (doc));
  g_assert_cmpint (tl_field_map_get_column (tl_document_get_map (doc), TL_FIELD_ARR), ==, 1);
  g_assert_cmpfloat (tl_account_table_get_arr (tl_document_get_table (doc))[5], ==, 600);

  g_assert_true (tl_document_is_ready (short_doc));
  g_assert_cmpuint (tl_import_report_count_kind (tl_document_get_report (short_doc),
                                                 TL_ISSUE_INVALID_NUMBER), ==, 1);

  /* Percentages are numbers, but not revenue. */
  percent_path = write_temp_file ("percent.csv", percent_text, sizeof percent_text - 1);
  percent_doc = tl_document_read (percent_path, NULL, NULL, NULL, &percent_error);
  remove_temp_file (percent_path);
  g_assert_no_error (percent_error);
  g_assert_false (tl_document_apply_map (percent_doc, NULL, NULL, &percent_error));
  g_assert_error (percent_error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_AMOUNTS);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_document_progress (void)
{
  g_autofree char *path = data_path ("import-bom-crlf.csv");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, record_progress, fractions, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (fractions->len, >=, 1);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
}

static void
test_document_cancelled (void)
{
  g_autofree char *path = data_path ("import-bom-crlf.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;

  g_cancellable_cancel (cancellable);
  doc = tl_document_read (path, cancellable, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Errors */

static void
test_document_missing_file (void)
{
  g_autofree char *path = data_path ("import-does-not-exist.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_document_directory (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

static void
test_document_empty_file (void)
{
  g_autofree char *path = data_path ("import-empty.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY);
}

static void
test_document_no_revenue_column (void)
{
  g_autofree char *path = data_path ("import-embedded-newlines.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_autoptr(TlFieldMap) map = NULL;

  g_assert_no_error (error);
  map = tl_field_map_copy (tl_document_get_map (doc));
  g_assert_true (tl_field_map_apply_override (map, "mrr=", &error));
  g_assert_no_error (error);

  g_assert_false (tl_document_apply_map (doc, map, NULL, &error));
  g_assert_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE);
  g_assert_false (tl_document_is_ready (doc));
}

static void
test_document_input_unchanged (void)
{
  g_autofree char *path = data_path ("import-bom-crlf.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  GStatBuf st_before, st_after;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&doc);

  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_true (g_file_get_contents (path, &after, &after_len, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_len, before, before_len);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
}

static guint
count_kind_at (TlImportReport *report,
               TlIssueKind     kind,
               guint64         line)
{
  guint n = 0;

  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      n += issue->kind == kind && issue->line == line;
    }

  return n;
}

static void
test_document_title_lines (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-title-lines.csv");
  const TlAccountTable *table = tl_document_get_table (doc);
  TlImportReport *report = tl_document_get_report (doc);

  /* The header is on line 4, below a title, a note and a blank line. */
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (tl_account_table_get_header (table, 0), ==, "Account Name");
  g_assert_cmpstr (tl_account_table_get_display_name (table, 0), ==, "Harbor Clinics");
  g_assert_cmpuint (tl_account_table_get_line (table, 0), ==, 5);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_ABOVE_HEADER, 1), ==, 1);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_ABOVE_HEADER, 2), ==, 1);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_ABOVE_HEADER), ==, 2);
}

static void
test_document_ambiguous_dates (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-title-lines.csv");
  TlImportReport *report = tl_document_get_report (doc);
  const TlAccountTable *table = tl_document_get_table (doc);
  GDate date;

  /* Neither 3/4/2027 nor 5/6/2027 has a part above 12: reported once, on
   * the first such cell, and read month first. */
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_AMBIGUOUS_DATES), ==, 1);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_AMBIGUOUS_DATES, 5), ==, 1);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) tl_account_table_get_value (table, TL_FIELD_RENEWAL, 0));
  g_assert_cmpint (g_date_get_month (&date), ==, 3);
  g_assert_cmpint (g_date_get_day (&date), ==, 4);
}

static void
test_document_repeated_ids_reported (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-subscriptions.csv");
  TlImportReport *report = tl_document_get_report (doc);

  /* A-1 repeats on line 4 and A-2 on line 6. */
  g_assert_cmpuint (tl_document_count_repeated_ids (doc), ==, 2);
  g_assert_cmpuint (tl_account_table_get_n_rows (tl_document_get_table (doc)), ==, 5);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_REPEATED_ID), ==, 2);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_REPEATED_ID, 4), ==, 1);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_REPEATED_ID, 6), ==, 1);
}

static void
test_document_combine_ids (void)
{
  g_autoptr(TlDocument) doc = read_data ("import-subscriptions.csv");
  const TlAccountTable *table;
  const TlSegmentation *seg;
  TlImportReport *report;

  tl_document_set_combine_ids (doc, TRUE);
  table = tl_document_get_table (doc);
  seg = tl_document_get_segmentation (doc);
  report = tl_document_get_report (doc);

  /* 24,000 + 6,000 = 30,000; A-2: "abc" is unreadable, so 8,000;
   * A-3 has no ARR. */
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, 3);
  g_assert_cmpfloat (tl_account_table_get_arr (table)[0], ==, 30000);
  g_assert_cmpfloat (tl_account_table_get_arr (table)[1], ==, 8000);
  g_assert_true (isnan (tl_account_table_get_arr (table)[2]));
  g_assert_cmpstr (tl_account_table_get_display_name (table, 1), ==, "Kestrel Air");
  g_assert_cmpuint (seg->n_accounts, ==, 3);

  /* The unreadable cell keeps its own line; no row is a repeated id now,
   * and only A-3 lacks ARR. */
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_INVALID_NUMBER, 3), ==, 1);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_REPEATED_ID), ==, 0);
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_MISSING_ARR), ==, 1);
  g_assert_cmpuint (count_kind_at (report, TL_ISSUE_MISSING_ARR, 5), ==, 1);

  tl_document_set_combine_ids (doc, FALSE);
  g_assert_cmpuint (tl_account_table_get_n_rows (tl_document_get_table (doc)), ==, 5);
  g_assert_cmpuint (tl_document_get_segmentation (doc)->n_accounts, ==, 5);
}

static guint
find_account (const TlAccountTable *table,
              const char           *id)
{
  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    if (g_strcmp0 (tl_account_table_get_text (table, TL_FIELD_ID, r), id) == 0)
      return r;

  g_error ("no account %s", id);
}

static void
test_document_sample_hand_checked (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TIERLINE_SAMPLE_DIR"),
                                            "accounts.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  const TlAccountTable *table;
  const TlSegmentation *seg;
  guint r;

  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  table = tl_document_get_table (doc);
  seg = tl_document_get_segmentation (doc);

  /* ACC-1024: usage 1/2 = 0.5 earns 30; adoption 5/20 earns 5; support
   * (3.1 - 1) / 4 x (1 - 0.25) x 20 = 7.875; no sponsor, no champion: 0;
   * NPS -25: 75 / 200 x 15 = 5.625. 48.5 of 100 rounds half away to 49. */
  r = find_account (table, "ACC-1024");
  g_assert_cmpuint (seg->health[r], ==, 49);
  g_assert_cmpuint (seg->tier[r], ==, 4);

  /* ACC-1001: usage 13/36 / 0.5 x 30 = 21.667; adoption 16/30 x 20 =
   * 10.667; support 0.625 x 0.75 x 20 = 9.375; relationship 0; NPS -2:
   * 98/200 x 15 = 7.35. 49.06 rounds to 49. Only "3 teams" fires: MEDIUM. */
  r = find_account (table, "ACC-1001");
  g_assert_cmpuint (seg->health[r], ==, 49);
  g_assert_cmpuint (seg->expansion[r], ==, TL_EXPANSION_MEDIUM);
  g_assert_cmpuint (seg->signals_fired[r], ==, 1u << TL_SIGNAL_TEAMS);

  /* ACC-1002: 30 + 2/20 x 20 + 0.575 x 20 + champion 7.5 + 62/200 x 15 =
   * 30 + 2 + 11.5 + 7.5 + 4.65 = 55.65, so 56; growth 19.1 % fires. */
  r = find_account (table, "ACC-1002");
  g_assert_cmpuint (seg->health[r], ==, 56);
  g_assert_cmpuint (seg->signals_fired[r], ==, 1u << TL_SIGNAL_GROWTH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/document/bom-crlf", test_document_bom_crlf);
  g_test_add_func ("/tierline/document/nul-bytes", test_document_nul_bytes);
  g_test_add_func ("/tierline/document/utf16-odd-byte", test_document_utf16_odd_byte);
  g_test_add_func ("/tierline/document/unreadable-once", test_document_unreadable_once);
  g_test_add_func ("/tierline/document/undefined-bytes", test_document_undefined_bytes);
  g_test_add_func ("/tierline/document/header-too-long", test_document_header_too_long);
  g_test_add_func ("/tierline/document/sep-line", test_document_sep_line);
  g_test_add_func ("/tierline/document/embedded-newlines", test_document_embedded_newlines);
  g_test_add_func ("/tierline/document/ragged-rows", test_document_ragged_rows);
  g_test_add_func ("/tierline/document/crlf-no-final-newline",
                   test_document_crlf_no_final_newline);
  g_test_add_func ("/tierline/document/trailing-empty-columns",
                   test_document_trailing_empty_columns);
  g_test_add_func ("/tierline/document/currency-strings", test_document_currency_strings);
  g_test_add_func ("/tierline/document/currency-mapped-by-hand",
                   test_document_currency_mapped_by_hand);
  g_test_add_func ("/tierline/document/windows-1252", test_document_windows_1252);
  g_test_add_func ("/tierline/document/semicolon-decimal-comma",
                   test_document_semicolon_decimal_comma);
  g_test_add_func ("/tierline/document/utf16le-tabs", test_document_utf16le_tabs);
  g_test_add_func ("/tierline/document/blank-header-short-rows",
                   test_document_blank_header_short_rows);
  g_test_add_func ("/tierline/document/late-invalid-bytes", test_document_late_invalid_bytes);
  g_test_add_func ("/tierline/document/header-only", test_document_header_only);
  g_test_add_func ("/tierline/document/blank-lines-only", test_document_blank_lines_only);

  g_test_add_func ("/tierline/document/describe-names-column",
                   test_document_describe_names_column);
  g_test_add_func ("/tierline/document/map-issues-replaced", test_document_map_issues_replaced);
  g_test_add_func ("/tierline/document/revenue-without-amounts",
                   test_document_revenue_without_amounts);
  g_test_add_func ("/tierline/document/progress", test_document_progress);
  g_test_add_func ("/tierline/document/cancelled", test_document_cancelled);

  g_test_add_func ("/tierline/document/missing-file", test_document_missing_file);
  g_test_add_func ("/tierline/document/directory", test_document_directory);
  g_test_add_func ("/tierline/document/empty-file", test_document_empty_file);
  g_test_add_func ("/tierline/document/no-revenue-column", test_document_no_revenue_column);
  g_test_add_func ("/tierline/document/input-unchanged", test_document_input_unchanged);

  g_test_add_func ("/tierline/document/title-lines", test_document_title_lines);
  g_test_add_func ("/tierline/document/ambiguous-dates", test_document_ambiguous_dates);
  g_test_add_func ("/tierline/document/repeated-ids-reported",
                   test_document_repeated_ids_reported);
  g_test_add_func ("/tierline/document/combine-ids", test_document_combine_ids);
  g_test_add_func ("/tierline/document/sample-hand-checked", test_document_sample_hand_checked);
  g_test_add_func ("/tierline/document/quote-open-from-first-row",
                   test_document_quote_open_from_first_row);
  g_test_add_func ("/tierline/document/header-of-delimiters", test_document_header_of_delimiters);

  return g_test_run ();
}
