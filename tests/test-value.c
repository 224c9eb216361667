/* test-value.c
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

#define G_LOG_DOMAIN "test-value"

#include <math.h>
#include <string.h>

#include "tl-value.h"

/* A value that no case expects, written before each parse so that an
 * output the parser left alone is distinguished from a parsed 0. */
#define SENTINEL 4242.4242

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

static void
assert_close (double actual,
              double expected)
{
  g_assert_cmpfloat_with_epsilon (actual, expected, 1e-9 * MAX (1.0, fabs (expected)));
}

/* Numbers */

typedef struct
{
  const char    *name;
  const char    *text;
  TlDecimalMark  mark;
  TlParseResult  result;
  double         value;
  TlNumberFlags  flags;
} NumberCase;

static const NumberCase number_cases[] = {
  /* Currency strings as US exports write them. */
  { "dollar-thousands-cents", "$1,234.56", TL_DECIMAL_POINT, TL_PARSE_OK, 1234.56,
    TL_NUMBER_CURRENCY },
  { "dollar-thousands", "$98,000", TL_DECIMAL_POINT, TL_PARSE_OK, 98000, TL_NUMBER_CURRENCY },
  { "dollar-padded", " $4,500.00 ", TL_DECIMAL_POINT, TL_PARSE_OK, 4500, TL_NUMBER_CURRENCY },
  { "dollar-million-suffix", "$2.5M", TL_DECIMAL_POINT, TL_PARSE_OK, 2500000,
    TL_NUMBER_CURRENCY | TL_NUMBER_SUFFIX },
  { "dollar-plain", "$12000", TL_DECIMAL_POINT, TL_PARSE_OK, 12000, TL_NUMBER_CURRENCY },
  { "dollar-zero-cents", "$0.00", TL_DECIMAL_POINT, TL_PARSE_OK, 0, TL_NUMBER_CURRENCY },
  { "dollar-zero", "$0", TL_DECIMAL_POINT, TL_PARSE_OK, 0, TL_NUMBER_CURRENCY },
  { "accounting-parens", "($350.00)", TL_DECIMAL_POINT, TL_PARSE_OK, -350,
    TL_NUMBER_CURRENCY },
  { "accounting-parens-plain", "(1,200)", TL_DECIMAL_POINT, TL_PARSE_OK, -1200, 0 },
  { "minus-before-dollar", "-$75.25", TL_DECIMAL_POINT, TL_PARSE_OK, -75.25,
    TL_NUMBER_CURRENCY },
  { "code-prefix", "USD 2500", TL_DECIMAL_POINT, TL_PARSE_OK, 2500, TL_NUMBER_CURRENCY },
  { "code-suffix", "2500 EUR", TL_DECIMAL_POINT, TL_PARSE_OK, 2500, TL_NUMBER_CURRENCY },
  { "euro-after-comma-decimal", "1.234,56 €", TL_DECIMAL_COMMA, TL_PARSE_OK, 1234.56,
    TL_NUMBER_CURRENCY },
  { "pound-prefix", "£950", TL_DECIMAL_POINT, TL_PARSE_OK, 950, TL_NUMBER_CURRENCY },

  /* Thousands separators and decimal marks. */
  { "point-thousands-comma-decimal", "1.234,56", TL_DECIMAL_COMMA, TL_PARSE_OK, 1234.56, 0 },
  { "space-thousands-comma-decimal", "1 234,56", TL_DECIMAL_COMMA, TL_PARSE_OK, 1234.56, 0 },
  { "nbsp-thousands-comma-decimal", "1\xc2\xa0" "234,56", TL_DECIMAL_COMMA, TL_PARSE_OK,
    1234.56, 0 },
  { "apostrophe-thousands", "1'234.56", TL_DECIMAL_POINT, TL_PARSE_OK, 1234.56, 0 },
  { "typographic-apostrophe-thousands", "1\xe2\x80\x99" "234.56", TL_DECIMAL_POINT,
    TL_PARSE_OK, 1234.56, 0 },
  { "comma-thousands-millions", "1,234,567", TL_DECIMAL_POINT, TL_PARSE_OK, 1234567, 0 },
  { "point-thousands-millions", "1.234.567", TL_DECIMAL_COMMA, TL_PARSE_OK, 1234567, 0 },
  { "space-thousands-millions", "1 234 567", TL_DECIMAL_POINT, TL_PARSE_OK, 1234567, 0 },
  { "comma-thousands-in-point-column", "1,234", TL_DECIMAL_POINT, TL_PARSE_OK, 1234, 0 },
  { "point-thousands-in-comma-column", "1.234", TL_DECIMAL_COMMA, TL_PARSE_OK, 1234, 0 },

  /* A lone comma not followed by exactly three digits is a decimal mark
   * even in a point column, and a lone point likewise in a comma column. */
  { "lone-comma-one-decimal", "12,5", TL_DECIMAL_POINT, TL_PARSE_OK, 12.5, 0 },
  { "lone-comma-two-decimals", "0,75", TL_DECIMAL_POINT, TL_PARSE_OK, 0.75, 0 },
  { "lone-comma-four-decimals", "1,2345", TL_DECIMAL_POINT, TL_PARSE_OK, 1.2345, 0 },
  { "space-thousands-lone-comma", "1 234,56", TL_DECIMAL_POINT, TL_PARSE_OK, 1234.56, 0 },
  { "lone-point-in-comma-column", "12.5", TL_DECIMAL_COMMA, TL_PARSE_OK, 12.5, 0 },
  { "lone-comma-after-points-in-point-column", "1.234,56", TL_DECIMAL_POINT, TL_PARSE_OK,
    1234.56, 0 },
  { "lone-comma-after-points-millions", "1.234.567,89", TL_DECIMAL_POINT, TL_PARSE_OK,
    1234567.89, 0 },
  { "lone-point-after-commas-in-comma-column", "1,234.56", TL_DECIMAL_COMMA, TL_PARSE_OK,
    1234.56, 0 },
  { "leading-decimal-point", ".5", TL_DECIMAL_POINT, TL_PARSE_OK, 0.5, 0 },

  /* Signs, suffixes, percent and exponents. */
  { "minus", "-1200", TL_DECIMAL_POINT, TL_PARSE_OK, -1200, 0 },
  { "plus", "+350", TL_DECIMAL_POINT, TL_PARSE_OK, 350, 0 },
  { "minus-fraction", "-0.5", TL_DECIMAL_POINT, TL_PARSE_OK, -0.5, 0 },
  { "unicode-minus-sign", "\xe2\x88\x92" "42", TL_DECIMAL_POINT, TL_PARSE_OK, -42, 0 },
  { "zero", "0", TL_DECIMAL_POINT, TL_PARSE_OK, 0, 0 },
  { "percent", "85%", TL_DECIMAL_POINT, TL_PARSE_OK, 0.85, TL_NUMBER_PERCENT },
  { "percent-spaced-fraction", "12.5 %", TL_DECIMAL_POINT, TL_PARSE_OK, 0.125,
    TL_NUMBER_PERCENT },
  { "percent-comma-decimal", "12,5 %", TL_DECIMAL_COMMA, TL_PARSE_OK, 0.125,
    TL_NUMBER_PERCENT },
  { "kilo-suffix", "12.5K", TL_DECIMAL_POINT, TL_PARSE_OK, 12500, TL_NUMBER_SUFFIX },
  { "kilo-suffix-lowercase", "40k", TL_DECIMAL_POINT, TL_PARSE_OK, 40000, TL_NUMBER_SUFFIX },
  { "billion-suffix", "1.5B", TL_DECIMAL_POINT, TL_PARSE_OK, 1.5e9, TL_NUMBER_SUFFIX },
  { "exponent-upper", "1.2E+06", TL_DECIMAL_POINT, TL_PARSE_OK, 1200000, 0 },
  { "exponent-lower-negative", "2.5e-3", TL_DECIMAL_POINT, TL_PARSE_OK, 0.0025, 0 },

  /* Absent cells. */
  { "absent-empty", "", TL_DECIMAL_POINT, TL_PARSE_ABSENT, 0, 0 },
  { "absent-n-slash-a", "N/A", TL_DECIMAL_POINT, TL_PARSE_ABSENT, 0, 0 },
  { "absent-dash", "-", TL_DECIMAL_POINT, TL_PARSE_ABSENT, 0, 0 },
  { "absent-nan", "NaN", TL_DECIMAL_POINT, TL_PARSE_ABSENT, 0, 0 },
  { "absent-spaces", "   ", TL_DECIMAL_POINT, TL_PARSE_ABSENT, 0, 0 },

  /* Text that is no number: invalid, never 0. */
  { "invalid-word", "abc", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-trailing-letters", "12abc", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-plus-formula", "+SUM(1+1)", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-equals-formula", "=1+1", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-at-formula", "@SUM(B2:B3)", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-dash-word", "-Dash Analytics", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-two-points", "1.2.3", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-bad-grouping", "12 34", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-currency-only", "$", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-percent-only", "%", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-unclosed-parens", "(350", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
  { "invalid-bad-grouping-before-comma", "1.5,25", TL_DECIMAL_POINT, TL_PARSE_INVALID, 0, 0 },
};

static void
test_value_parse_number (gconstpointer data)
{
  const NumberCase *tc = data;
  double value = SENTINEL;
  TlNumberFlags flags = 0;
  TlParseResult result;

  result = tl_value_parse_number (tc->text, strlen (tc->text), tc->mark, &value, &flags);

  g_assert_cmpint (result, ==, tc->result);
  if (tc->result == TL_PARSE_OK)
    {
      assert_close (value, tc->value);
      g_assert_cmpuint (flags, ==, tc->flags);
    }
  else
    {
      /* An absent or invalid cell must not come back as a number. */
      g_assert_cmpfloat (value, ==, SENTINEL);
    }
}

static void
test_value_parse_number_length_bound (void)
{
  /* Only the first 4 bytes belong to the cell. The rest of the buffer
   * must not be read as part of it. */
  const char buffer[] = "1250abc";
  double value = SENTINEL;

  g_assert_cmpint (tl_value_parse_number (buffer, 4, TL_DECIMAL_POINT, &value, NULL),
                   ==, TL_PARSE_OK);
  assert_close (value, 1250);
}

static void
test_value_parse_number_exponent_length_bound (void)
{
  /* The cell is "1E3". The exponent's digits end with the cell, not at the
   * first byte that is not a digit. */
  const char buffer[] = "1E35";
  double value = SENTINEL;

  g_assert_cmpint (tl_value_parse_number (buffer, 3, TL_DECIMAL_POINT, &value, NULL),
                   ==, TL_PARSE_OK);
  assert_close (value, 1000);
}

static void
test_value_parse_number_without_flags (void)
{
  double value = SENTINEL;

  g_assert_cmpint (tl_value_parse_number ("85%", 3, TL_DECIMAL_POINT, &value, NULL),
                   ==, TL_PARSE_OK);
  assert_close (value, 0.85);
}

/* Absent tokens */

static const char *const absent_tokens[] = {
  "", " ", "\t", "N/A", "n/a", "NA", "na", "#N/A", "#n/a", "-", "--",
  "\xe2\x80\x94",           /* em dash */
  "\xe2\x80\x93",           /* en dash */
  "null", "NULL", "Null", "none", "None", "NONE", "nan", "NaN", "NAN", " N/A ",
};

static const char *const present_tokens[] = {
  "0", "-0", "no", "n", "x", "0.0", "N/A N/A", "nothing", "---",
};

static void
test_value_absent_tokens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (absent_tokens); i++)
    {
      const char *token = absent_tokens[i];
      gsize len = strlen (token);
      double number = SENTINEL;
      gboolean truth = FALSE;
      guint32 day = 0;

      g_test_message ("absent token '%s'", token);
      g_assert_true (tl_value_is_absent (token, len));
      g_assert_cmpint (tl_value_parse_number (token, len, TL_DECIMAL_POINT, &number, NULL),
                       ==, TL_PARSE_ABSENT);
      g_assert_cmpint (tl_value_parse_boolean (token, len, &truth), ==, TL_PARSE_ABSENT);
      g_assert_cmpint (tl_value_parse_date (token, len, TL_DATE_ORDER_UNKNOWN, &day),
                       ==, TL_PARSE_ABSENT);
    }
}

static void
test_value_present_tokens (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (present_tokens); i++)
    {
      g_test_message ("present token '%s'", present_tokens[i]);
      g_assert_false (tl_value_is_absent (present_tokens[i], strlen (present_tokens[i])));
    }
}

/* Booleans */

typedef struct
{
  const char    *text;
  TlParseResult  result;
  gboolean       value;
} BooleanCase;

static const BooleanCase boolean_cases[] = {
  { "yes", TL_PARSE_OK, TRUE },
  { "Yes", TL_PARSE_OK, TRUE },
  { "YES", TL_PARSE_OK, TRUE },
  { " yes ", TL_PARSE_OK, TRUE },
  { "y", TL_PARSE_OK, TRUE },
  { "Y", TL_PARSE_OK, TRUE },
  { "true", TL_PARSE_OK, TRUE },
  { "TRUE", TL_PARSE_OK, TRUE },
  { "1", TL_PARSE_OK, TRUE },
  { "x", TL_PARSE_OK, TRUE },
  { "X", TL_PARSE_OK, TRUE },
  { "ja", TL_PARSE_OK, TRUE },
  { "Ja", TL_PARSE_OK, TRUE },
  { "oui", TL_PARSE_OK, TRUE },
  { "OUI", TL_PARSE_OK, TRUE },
  { "no", TL_PARSE_OK, FALSE },
  { "No", TL_PARSE_OK, FALSE },
  { "n", TL_PARSE_OK, FALSE },
  { "false", TL_PARSE_OK, FALSE },
  { "False", TL_PARSE_OK, FALSE },
  { "0", TL_PARSE_OK, FALSE },
  { "nein", TL_PARSE_OK, FALSE },
  { "Nein", TL_PARSE_OK, FALSE },
  { "non", TL_PARSE_OK, FALSE },
  { "", TL_PARSE_ABSENT, FALSE },
  { "N/A", TL_PARSE_ABSENT, FALSE },
  { "-", TL_PARSE_ABSENT, FALSE },
  { "maybe", TL_PARSE_INVALID, FALSE },
  { "2", TL_PARSE_INVALID, FALSE },
  { "yes!", TL_PARSE_INVALID, FALSE },
  { "xx", TL_PARSE_INVALID, FALSE },
  { "yes please", TL_PARSE_INVALID, FALSE },
};

static void
test_value_parse_boolean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (boolean_cases); i++)
    {
      const BooleanCase *tc = &boolean_cases[i];
      gboolean value = 42;
      TlParseResult result;

      g_test_message ("boolean '%s'", tc->text);
      result = tl_value_parse_boolean (tc->text, strlen (tc->text), &value);
      g_assert_cmpint (result, ==, tc->result);
      if (tc->result == TL_PARSE_OK)
        g_assert_cmpint (value, ==, tc->value);
    }
}

/* Dates */

typedef struct
{
  const char    *name;
  const char    *text;
  TlDateOrder    order;
  TlParseResult  result;
  int            year;
  int            month;
  int            day;
} DateCase;

static const DateCase date_cases[] = {
  { "iso", "2027-03-15", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 3, 15 },
  { "iso-with-time", "2027-03-15T09:30:00Z", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 3, 15 },
  { "iso-with-space-time", "2027-03-15 09:30", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK,
    2027, 3, 15 },
  { "iso-slashed", "2027/03/15", TL_DATE_ORDER_DAY_FIRST, TL_PARSE_OK, 2027, 3, 15 },
  { "iso-leap-day", "2028-02-29", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2028, 2, 29 },
  { "slashed-month-first", "3/15/2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 3, 15 },
  { "slashed-unknown-reads-month-first", "3/4/2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK,
    2027, 3, 4 },
  { "slashed-month-first-order", "3/4/2027", TL_DATE_ORDER_MONTH_FIRST, TL_PARSE_OK,
    2027, 3, 4 },
  { "slashed-day-first-order", "3/4/2027", TL_DATE_ORDER_DAY_FIRST, TL_PARSE_OK, 2027, 4, 3 },
  { "slashed-day-first-large-day", "15/3/2027", TL_DATE_ORDER_DAY_FIRST, TL_PARSE_OK,
    2027, 3, 15 },
  { "dashed-day-first", "15-03-2027", TL_DATE_ORDER_DAY_FIRST, TL_PARSE_OK, 2027, 3, 15 },
  { "dotted", "15.3.2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 3, 15 },
  { "dotted-ignores-month-first", "4.3.2027", TL_DATE_ORDER_MONTH_FIRST, TL_PARSE_OK,
    2027, 3, 4 },
  { "dotted-padded", "01.02.2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 2, 1 },
  { "two-digit-year-26", "02/23/26", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2026, 2, 23 },
  { "two-digit-year-00", "1/1/00", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2000, 1, 1 },
  { "two-digit-year-69", "12/31/69", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2069, 12, 31 },
  { "two-digit-year-70", "1/1/70", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 1970, 1, 1 },
  { "two-digit-year-99", "6/30/99", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 1999, 6, 30 },
  { "two-digit-year-dotted", "15.03.27", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2027, 3, 15 },
  { "excel-serial", "46096", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2026, 3, 15 },
  { "excel-serial-with-time", "46096.75", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2026, 3, 15 },
  /* Serial 1 is 1900-01-01 counted from Excel's day 0, 1899-12-30. */
  { "excel-serial-one", "1", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 1899, 12, 31 },
  { "absent", "N/A", TL_DATE_ORDER_UNKNOWN, TL_PARSE_ABSENT, 0, 0, 0 },
  { "invalid-month-first-day-15", "15/3/2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID,
    0, 0, 0 },
  { "invalid-feb-29-non-leap", "2027-02-29", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-month-13", "2027-13-01", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-day-32", "2027-01-32", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "iso-first-day", "0001-01-01", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 1, 1, 1 },
  { "iso-last-day", "9999-12-31", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 9999, 12, 31 },
  { "iso-leap-day-2000", "2000-02-29", TL_DATE_ORDER_UNKNOWN, TL_PARSE_OK, 2000, 2, 29 },
  { "invalid-leap-day-1900", "1900-02-29", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID,
    0, 0, 0 },
  { "invalid-year-0", "0000-01-01", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-day-0", "2027-04-00", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-april-31", "2027-04-31", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-word", "soon", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-year-month-only", "2027/03", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-mixed-separators", "3/15-2027", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID,
    0, 0, 0 },
  { "invalid-three-digit-year", "3/15/202", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-trailing-text", "2027-03-15x", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
  { "invalid-serial-zero", "0", TL_DATE_ORDER_UNKNOWN, TL_PARSE_INVALID, 0, 0, 0 },
};

static void
test_value_parse_date (gconstpointer data)
{
  const DateCase *tc = data;
  guint32 day = 0;
  TlParseResult result;

  result = tl_value_parse_date (tc->text, strlen (tc->text), tc->order, &day);

  g_assert_cmpint (result, ==, tc->result);
  if (tc->result == TL_PARSE_OK)
    g_assert_cmpuint (day, ==, julian (tc->year, tc->month, tc->day));
}

/* Every ISO date of four centuries, leap rules included, gives GDate's day. */
static void
test_value_parse_date_matches_gdate (void)
{
  for (int year = 1899; year <= 2301; year++)
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= 31; day++)
        {
          g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          guint32 parsed = 0;
          TlParseResult result = tl_value_parse_date (text, strlen (text),
                                                      TL_DATE_ORDER_UNKNOWN, &parsed);

          if (!g_date_valid_dmy (day, month, year))
            {
              g_assert_cmpint (result, ==, TL_PARSE_INVALID);
              continue;
            }
          g_assert_cmpint (result, ==, TL_PARSE_OK);
          g_assert_cmpuint (parsed, ==, julian (year, month, day));
        }
}

static void
test_value_is_iso_date (void)
{
  g_assert_true (tl_value_is_iso_date ("2027-03-15", 10));
  g_assert_true (tl_value_is_iso_date ("2027-02-30", 10));
  g_assert_false (tl_value_is_iso_date ("2027-3-15", 9));
  g_assert_false (tl_value_is_iso_date ("2027/03/15", 10));
  g_assert_false (tl_value_is_iso_date ("15-03-2027", 10));
  g_assert_false (tl_value_is_iso_date ("2027-03-15 09:30", 16));
}

/* Column style */

typedef struct
{
  const char    *name;
  const char    *cells[6];   /* NULL-terminated */
  TlDecimalMark  mark;
} MarkCase;

static const MarkCase mark_cases[] = {
  { "empty", { NULL }, TL_DECIMAL_POINT },
  { "comma-decimal-with-grouped", { "1.234,56", "1.234", "980,5", NULL }, TL_DECIMAL_COMMA },
  { "point-decimal-with-grouped", { "1,234.56", "1,234", "980.5", NULL }, TL_DECIMAL_POINT },
  { "lone-commas", { "12,5", "7,25", "3", NULL }, TL_DECIMAL_COMMA },
  { "lone-points", { "12.5", "7.25", "3", NULL }, TL_DECIMAL_POINT },
  /* "1.234" reads either way, so it is no evidence and the default holds. */
  { "only-three-digit-groups", { "1.234", "5.678", NULL }, TL_DECIMAL_POINT },
  { "repeated-points", { "1.234.567", NULL }, TL_DECIMAL_COMMA },
  { "repeated-commas", { "1,234,567", NULL }, TL_DECIMAL_POINT },
  /* The comma must win outright: one vote each keeps the point. */
  { "tie-keeps-point", { "0,5", "1.5", NULL }, TL_DECIMAL_POINT },
  { "majority-comma", { "0,5", "2,75", "1.5", NULL }, TL_DECIMAL_COMMA },
  { "integers-only", { "12", "40000", "7", NULL }, TL_DECIMAL_POINT },
};

static void
test_value_column_style_mark (gconstpointer data)
{
  const MarkCase *tc = data;
  TlColumnStyle style = { 0 };

  for (guint i = 0; tc->cells[i] != NULL; i++)
    tl_column_style_add (&style, tc->cells[i], strlen (tc->cells[i]));

  g_assert_cmpint (tl_column_style_get_mark (&style), ==, tc->mark);
}

typedef struct
{
  const char  *name;
  const char  *cells[6];   /* NULL-terminated */
  TlDateOrder  order;
} OrderCase;

static const OrderCase order_cases[] = {
  { "empty", { NULL }, TL_DATE_ORDER_UNKNOWN },
  { "day-first-proven", { "15/03/2027", "3/4/2027", NULL }, TL_DATE_ORDER_DAY_FIRST },
  { "month-first-proven", { "03/15/2027", "3/4/2027", NULL }, TL_DATE_ORDER_MONTH_FIRST },
  { "nothing-proven", { "3/4/2027", "5/6/2027", NULL }, TL_DATE_ORDER_UNKNOWN },
  { "contradiction", { "15/03/2027", "03/15/2027", NULL }, TL_DATE_ORDER_UNKNOWN },
  { "dashed-day-first", { "15-03-2027", "01-02-2027", NULL }, TL_DATE_ORDER_DAY_FIRST },
  { "two-digit-years", { "02/23/26", "01/05/27", NULL }, TL_DATE_ORDER_MONTH_FIRST },
  { "iso-dates-prove-nothing", { "2027-03-15", "2027-12-01", NULL }, TL_DATE_ORDER_UNKNOWN },
};

static void
test_value_column_style_order (gconstpointer data)
{
  const OrderCase *tc = data;
  TlColumnStyle style = { 0 };

  for (guint i = 0; tc->cells[i] != NULL; i++)
    tl_column_style_add (&style, tc->cells[i], strlen (tc->cells[i]));

  g_assert_cmpint (tl_column_style_get_order (&style), ==, tc->order);
}

/* A column of "1.234,56" and "1.234" is a comma column, so "1.234" there
 * is one thousand two hundred thirty-four. */
static void
test_value_column_style_comma_column (void)
{
  static const char *const cells[] = { "1.234,56", "1.234", "12.345.678,9" };
  static const double expected[] = { 1234.56, 1234, 12345678.9 };
  TlColumnStyle style = { 0 };
  TlDecimalMark mark;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    tl_column_style_add (&style, cells[i], strlen (cells[i]));
  mark = tl_column_style_get_mark (&style);
  g_assert_cmpint (mark, ==, TL_DECIMAL_COMMA);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      double value = SENTINEL;

      g_assert_cmpint (tl_value_parse_number (cells[i], strlen (cells[i]), mark, &value, NULL),
                       ==, TL_PARSE_OK);
      assert_close (value, expected[i]);
    }
}

/* A column whose dates prove day-first reads its ambiguous dates so. */
static void
test_value_column_style_day_first_column (void)
{
  static const char *const cells[] = { "28/02/2027", "03/04/2027" };
  TlColumnStyle style = { 0 };
  TlDateOrder order;
  guint32 day = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    tl_column_style_add (&style, cells[i], strlen (cells[i]));
  order = tl_column_style_get_order (&style);
  g_assert_cmpint (order, ==, TL_DATE_ORDER_DAY_FIRST);

  g_assert_cmpint (tl_value_parse_date (cells[1], strlen (cells[1]), order, &day),
                   ==, TL_PARSE_OK);
  g_assert_cmpuint (day, ==, julian (2027, 4, 3));
}

/* Formatting */

typedef struct
{
  double      value;
  const char *text;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { 0, "$0" },
  { 950, "$950" },
  { 1234567, "$1,234,567" },
  { 1000000000, "$1,000,000,000" },
  { -1200, "-$1,200" },
  { 1234.49, "$1,234" },
  { 999.5, "$1,000" },      /* half away from zero */
  { -999.5, "-$1,000" },
  { -0.4, "$0" },           /* rounds to zero, so no minus sign */
};

static void
test_value_format_money (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      g_autofree char *text = tl_value_format_money (money_cases[i].value);

      g_assert_cmpstr (text, ==, money_cases[i].text);
    }
}

static const MoneyCase money_short_cases[] = {
  { 0, "$0" },
  { 999, "$999" },
  { 1500, "$1.5K" },
  { 150000, "$150K" },
  { 48200000, "$48.2M" },
  { 2500000000, "$2.5B" },
  { -2500, "-$2.5K" },
};

static void
test_value_format_money_short (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_short_cases); i++)
    {
      g_autofree char *text = tl_value_format_money_short (money_short_cases[i].value);

      g_assert_cmpstr (text, ==, money_short_cases[i].text);
    }
}

static void
test_value_format_absent (void)
{
  g_autofree char *money = tl_value_format_money (NAN);
  g_autofree char *money_short = tl_value_format_money_short (NAN);
  g_autofree char *date = tl_value_format_date (0);

  g_assert_cmpstr (money, ==, "\xe2\x80\x94");
  g_assert_cmpstr (money_short, ==, "\xe2\x80\x94");
  g_assert_cmpstr (date, ==, "\xe2\x80\x94");
}

static void
test_value_format_date (void)
{
  g_autofree char *text = tl_value_format_date (julian (2026, 3, 15));
  g_autofree char *early = tl_value_format_date (julian (1999, 1, 2));

  g_assert_cmpstr (text, ==, "2026-03-15");
  g_assert_cmpstr (early, ==, "1999-01-02");
}

/* A date parsed and formatted comes back in ISO form. */
static void
test_value_date_round_trip (void)
{
  guint32 day = 0;
  g_autofree char *text = NULL;

  g_assert_cmpint (tl_value_parse_date ("02/23/26", 8, TL_DATE_ORDER_UNKNOWN, &day),
                   ==, TL_PARSE_OK);
  text = tl_value_format_date (day);
  g_assert_cmpstr (text, ==, "2026-02-23");
}

typedef struct
{
  const char *cell;
  const char *currency;
} CurrencyCase;

static const CurrencyCase currency_cases[] = {
  { "$1,200", "$" }, { "1.200,50 €", "€" }, { "USD 2500", "USD" }, { "2500 chf", "CHF" },
  { "US$ 99", "$" }, { "R$ 1.000", "R$" }, { "(£350.00)", "£" }, { "-$75.25", "$" },
  { "1200", NULL }, { "12%", NULL }, { "", NULL },
};

static void
test_value_find_currency (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (currency_cases); i++)
    {
      const CurrencyCase *c = &currency_cases[i];
      g_autofree char *found = tl_value_find_currency (c->cell, strlen (c->cell));

      g_test_message ("cell “%s”", c->cell);
      g_assert_cmpstr (found, ==, c->currency);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/value/parse-number/%s",
                                               number_cases[i].name);

      g_test_add_data_func (path, &number_cases[i], test_value_parse_number);
    }
  g_test_add_func ("/tierline/value/parse-number-length-bound",
                   test_value_parse_number_length_bound);
  g_test_add_func ("/tierline/value/parse-number-exponent-length-bound",
                   test_value_parse_number_exponent_length_bound);
  g_test_add_func ("/tierline/value/parse-number-without-flags",
                   test_value_parse_number_without_flags);
  g_test_add_func ("/tierline/value/absent-tokens", test_value_absent_tokens);
  g_test_add_func ("/tierline/value/present-tokens", test_value_present_tokens);
  g_test_add_func ("/tierline/value/parse-boolean", test_value_parse_boolean);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/value/parse-date/%s",
                                               date_cases[i].name);

      g_test_add_data_func (path, &date_cases[i], test_value_parse_date);
    }

  for (guint i = 0; i < G_N_ELEMENTS (mark_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/value/column-style-mark/%s",
                                               mark_cases[i].name);

      g_test_add_data_func (path, &mark_cases[i], test_value_column_style_mark);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/value/column-style-order/%s",
                                               order_cases[i].name);

      g_test_add_data_func (path, &order_cases[i], test_value_column_style_order);
    }
  g_test_add_func ("/tierline/value/column-style-comma-column",
                   test_value_column_style_comma_column);
  g_test_add_func ("/tierline/value/column-style-day-first-column",
                   test_value_column_style_day_first_column);

  g_test_add_func ("/tierline/value/format-money", test_value_format_money);
  g_test_add_func ("/tierline/value/format-money-short", test_value_format_money_short);
  g_test_add_func ("/tierline/value/format-absent", test_value_format_absent);
  g_test_add_func ("/tierline/value/format-date", test_value_format_date);
  g_test_add_func ("/tierline/value/date-round-trip", test_value_date_round_trip);
  g_test_add_func ("/tierline/value/parse-date-matches-gdate",
                   test_value_parse_date_matches_gdate);
  g_test_add_func ("/tierline/value/is-iso-date", test_value_is_iso_date);

  g_test_add_func ("/tierline/value/find-currency", test_value_find_currency);

  return g_test_run ();
}
