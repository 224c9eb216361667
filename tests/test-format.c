/* test-format.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "tl-format.h"

/* Spaces the locales put into numbers: U+00A0 before a currency, and
 * U+202F between groups of digits in French. */
#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* Switches the formats to @name, leaving messages untranslated. Returns
 * FALSE, and skips or fails the test, when the locale is not installed:
 * build-aux/setup.sh generates the ones these tests use, and test.sh sets
 * TIERLINE_REQUIRE_LOCALES so that a missing one fails there. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_NUMERIC, name) != NULL && setlocale (LC_MONETARY, name) != NULL
      && setlocale (LC_TIME, name) != NULL)
    return TRUE;

  if (g_getenv ("TIERLINE_REQUIRE_LOCALES") != NULL)
    g_test_fail_printf ("locale %s is not installed; run build-aux/setup.sh", name);
  else
    g_test_skip_printf ("locale %s is not installed; run build-aux/setup.sh", name);

  return FALSE;
}

static void
restore_locale (void)
{
  setlocale (LC_ALL, "");
}

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

typedef struct
{
  const char *locale;
  guint64     n;
  const char *text;
} CountCase;

static const CountCase count_cases[] = {
  { "C.UTF-8", 0, "0" },
  { "C.UTF-8", 999, "999" },
  { "C.UTF-8", 1234567, "1,234,567" },
  { "de_DE.UTF-8", 999, "999" },
  { "de_DE.UTF-8", 1000, "1.000" },
  { "de_DE.UTF-8", 1234567, "1.234.567" },
  { "fr_FR.UTF-8", 1234567, "1" NNBSP "234" NNBSP "567" },
  { "en_US.UTF-8", 1000000, "1,000,000" },
};

static void
test_format_count (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      const CountCase *c = &count_cases[i];
      g_autofree char *text = NULL;

      if (!use_locale (c->locale))
        break;
      text = tl_format_count (c->n);
      g_test_message ("%s: %" G_GUINT64_FORMAT, c->locale, c->n);
      g_assert_cmpstr (text, ==, c->text);
    }
  restore_locale ();
}

typedef struct
{
  const char *locale;
  double      value;
  guint       decimals;
  const char *text;
} NumberCase;

static const NumberCase number_cases[] = {
  { "C.UTF-8", 1234.5, 1, "1,234.5" },
  { "C.UTF-8", 42, 0, "42" },
  { "C.UTF-8", -1234567, 0, "-1,234,567" },
  { "C.UTF-8", -0.04, 1, "0.0" },
  { "C.UTF-8", NAN, 1, "\xe2\x80\x94" },
  { "de_DE.UTF-8", 1234.5, 1, "1.234,5" },
  { "de_DE.UTF-8", 0.25, 2, "0,25" },
  { "fr_FR.UTF-8", 1234.5, 1, "1" NNBSP "234,5" },
};

static void
test_format_number (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      const NumberCase *c = &number_cases[i];
      g_autofree char *text = NULL;

      if (!use_locale (c->locale))
        break;
      text = tl_format_number (c->value, c->decimals);
      g_test_message ("%s: %g with %u decimals", c->locale, c->value, c->decimals);
      g_assert_cmpstr (text, ==, c->text);
    }
  restore_locale ();
}

typedef struct
{
  const char *locale;
  double      value;
  const char *currency;
  const char *text;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { "C.UTF-8", 0, NULL, "$0" },
  { "C.UTF-8", 1234567, NULL, "$1,234,567" },
  { "C.UTF-8", 1234.49, NULL, "$1,234" },
  { "C.UTF-8", 999.5, "$", "$1,000" },     /* half away from zero */
  { "C.UTF-8", -1200, NULL, "-$1,200" },
  { "C.UTF-8", -0.4, NULL, "$0" },         /* rounds to zero, so no minus sign */
  { "C.UTF-8", 250000, "€", "€250,000" },
  { "C.UTF-8", 250000, "CHF", "CHF" NBSP "250,000" },
  { "C.UTF-8", NAN, NULL, "\xe2\x80\x94" },
  { "de_DE.UTF-8", 250000, NULL, "250.000" NBSP "$" },
  { "de_DE.UTF-8", 1234567, "€", "1.234.567" NBSP "€" },
  { "de_DE.UTF-8", 250000, "CHF", "250.000" NBSP "CHF" },
  { "de_DE.UTF-8", -1200, NULL, "-1.200" NBSP "$" },
  { "de_DE.UTF-8", 950, NULL, "950" NBSP "$" },
  { "fr_FR.UTF-8", 250000, NULL, "250" NNBSP "000" NBSP "$" },
  { "fr_FR.UTF-8", 1234567, "€", "1" NNBSP "234" NNBSP "567" NBSP "€" },
  { "en_US.UTF-8", 1234567, NULL, "$1,234,567" },
  { "en_US.UTF-8", -1200, "£", "-£1,200" },
  { "en_US.UTF-8", 250000, "USD", "USD" NBSP "250,000" },
};

static void
test_format_money (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      const MoneyCase *c = &money_cases[i];
      g_autofree char *text = NULL;

      if (!use_locale (c->locale))
        break;
      text = tl_format_money (c->value, c->currency);
      g_test_message ("%s: %g %s", c->locale, c->value, c->currency ? c->currency : "");
      g_assert_cmpstr (text, ==, c->text);
    }
  restore_locale ();
}

/* Untranslated multipliers: the translations give "48,2 Mio. $" and the
 * like, which the window test checks. */
static const MoneyCase money_short_cases[] = {
  { "C.UTF-8", 0, NULL, "$0" },
  { "C.UTF-8", 999, NULL, "$999" },
  { "C.UTF-8", 1500, NULL, "$1.5K" },
  { "C.UTF-8", 49950, NULL, "$50K" },
  { "C.UTF-8", 150000, NULL, "$150K" },
  { "C.UTF-8", 48200000, NULL, "$48.2M" },
  { "C.UTF-8", 2500000000, NULL, "$2.5B" },
  { "C.UTF-8", 3e12, "€", "€3T" },
  { "C.UTF-8", 2e15, NULL, "$2.0e+15" },
  { "C.UTF-8", -2500, NULL, "-$2.5K" },
  { "C.UTF-8", -0.4, NULL, "$0" },
  { "C.UTF-8", NAN, NULL, "\xe2\x80\x94" },
  { "de_DE.UTF-8", 48200000, NULL, "48,2M" NBSP "$" },
  { "de_DE.UTF-8", 150000, "€", "150K" NBSP "€" },
  { "de_DE.UTF-8", 999, NULL, "999" NBSP "$" },
  { "de_DE.UTF-8", -2500, NULL, "-2,5K" NBSP "$" },
  { "fr_FR.UTF-8", 1500, "€", "1,5K" NBSP "€" },
  { "en_US.UTF-8", 48200000, "CHF", "CHF" NBSP "48.2M" },
};

static void
test_format_money_short (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (money_short_cases); i++)
    {
      const MoneyCase *c = &money_short_cases[i];
      g_autofree char *text = NULL;

      if (!use_locale (c->locale))
        break;
      text = tl_format_money_short (c->value, c->currency);
      g_test_message ("%s: %g %s", c->locale, c->value, c->currency ? c->currency : "");
      g_assert_cmpstr (text, ==, c->text);
    }
  restore_locale ();
}

typedef struct
{
  const char *locale;
  const char *date;
  const char *date_time;
} DateCase;

static const DateCase date_cases[] = {
  { "C.UTF-8", "2027-03-15", "2027-03-15 14:05" },
  { "de_DE.UTF-8", "15.03.2027", "15.03.2027 14:05" },
  { "fr_FR.UTF-8", "15/03/2027", "15/03/2027 14:05" },
  { "en_US.UTF-8", "03/15/2027", "03/15/2027 14:05" },
};

static void
test_format_date (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2027, 3, 15, 14, 5, 30);

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autofree char *date = NULL;
      g_autofree char *date_time = NULL;
      g_autofree char *invalid = NULL;

      if (!use_locale (c->locale))
        break;
      date = tl_format_date (julian (2027, 3, 15));
      date_time = tl_format_date_time (time);
      invalid = tl_format_date (0);
      g_test_message ("%s", c->locale);
      g_assert_cmpstr (date, ==, c->date);
      g_assert_cmpstr (date_time, ==, c->date_time);
      g_assert_cmpstr (invalid, ==, "\xe2\x80\x94");
    }
  restore_locale ();
}

typedef struct
{
  const char    *locale;
  TlDecimalMark  mark;
} MarkCase;

static const MarkCase mark_cases[] = {
  { "C.UTF-8", TL_DECIMAL_POINT },
  { "de_DE.UTF-8", TL_DECIMAL_COMMA },
  { "fr_FR.UTF-8", TL_DECIMAL_COMMA },
  { "en_US.UTF-8", TL_DECIMAL_POINT },
};

/* An amount as the window writes it reads back with the locale's mark,
 * as the tier bounds typed into the window are read. */
static void
test_format_money_reads_back (void)
{
  static const double amounts[] = { 950, 10000, 250000, 1234567 };

  for (guint i = 0; i < G_N_ELEMENTS (mark_cases); i++)
    {
      const MarkCase *c = &mark_cases[i];

      if (!use_locale (c->locale))
        break;
      g_assert_cmpint (tl_format_get_decimal_mark (), ==, c->mark);
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        {
          g_autofree char *text = tl_format_money (amounts[a], "€");
          double value = 0;

          g_test_message ("%s: “%s”", c->locale, text);
          g_assert_cmpint (tl_value_parse_number (text, strlen (text), c->mark, &value, NULL),
                           ==, TL_PARSE_OK);
          g_assert_cmpfloat (value, ==, amounts[a]);
        }
    }
  restore_locale ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/format/count", test_format_count);
  g_test_add_func ("/tierline/format/number", test_format_number);
  g_test_add_func ("/tierline/format/money", test_format_money);
  g_test_add_func ("/tierline/format/money-short", test_format_money_short);
  g_test_add_func ("/tierline/format/date", test_format_date);
  g_test_add_func ("/tierline/format/money-reads-back", test_format_money_reads_back);

  return g_test_run ();
}
