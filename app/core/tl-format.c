/* tl-format.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-format"

#include "config.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tl-format.h"

/* Keeps an amount and its currency, or a number and its unit, on one line. */
#define NO_BREAK_SPACE "\xc2\xa0"

/* Room for "%.6f" of the largest double, 309 digits and the fraction. */
#define DIGITS_SIZE 400
#define MAX_DECIMALS 6

/* How a locale writes a number or an amount, copied from localeconv(). */
typedef struct
{
  char     decimal_point[8];
  char     group_separator[8];
  char     grouping[8];      /* group sizes from the right, as in struct lconv */
  gboolean symbol_first;     /* the currency is written before the amount */
  gboolean symbol_spaced;    /* a space separates the currency from the amount */
  int      sign_position;    /* where the minus goes, as lconv's n_sign_posn */
  char     negative_sign[8];
} Conventions;

/* The conventions of the English text, used in the C and POSIX locales,
 * which define neither grouping nor the place of a currency:
 * "1,234,567" and "-$1,200". */
static const Conventions english = { ".", ",", "\3", TRUE, FALSE, 1, "-" };

/* Multipliers of short amounts, largest first. The patterns are
 * translatable because languages abbreviate them differently. */
static const struct
{
  double      size;
  const char *context;
  const char *pattern;
} units[] = {
  { 1e12, "amount in trillions, as in $1.5T",
    NC_("amount in trillions, as in $1.5T", "%sT") },
  { 1e9, "amount in billions, as in $1.5B",
    NC_("amount in billions, as in $1.5B", "%sB") },
  { 1e6, "amount in millions, as in $1.5M",
    NC_("amount in millions, as in $1.5M", "%sM") },
  { 1e3, "amount in thousands, as in $1.5K",
    NC_("amount in thousands, as in $1.5K", "%sK") },
};

static gboolean
is_c_locale (int category)
{
  const char *name = setlocale (category, NULL);

  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0
         || g_str_has_prefix (name, "C.");
}

static void
read_numeric (Conventions *c)
{
  const struct lconv *lc;

  *c = english;
  if (is_c_locale (LC_NUMERIC))
    return;

  lc = localeconv ();
  g_strlcpy (c->decimal_point, lc->decimal_point, sizeof c->decimal_point);
  g_strlcpy (c->group_separator, lc->thousands_sep, sizeof c->group_separator);
  g_strlcpy (c->grouping, lc->grouping, sizeof c->grouping);
}

/* Reads the conventions of amounts, which a locale may set apart from
 * those of other numbers, for a negative amount or for another one. */
static void
read_monetary (Conventions *c,
               gboolean     negative)
{
  const struct lconv *lc;
  char precedes, spaced, position;

  *c = english;
  if (is_c_locale (LC_MONETARY))
    return;

  lc = localeconv ();
  g_strlcpy (c->decimal_point, lc->mon_decimal_point, sizeof c->decimal_point);
  g_strlcpy (c->group_separator, lc->mon_thousands_sep, sizeof c->group_separator);
  g_strlcpy (c->grouping, lc->mon_grouping, sizeof c->grouping);
  if (lc->negative_sign[0] != '\0')
    g_strlcpy (c->negative_sign, lc->negative_sign, sizeof c->negative_sign);

  precedes = negative ? lc->n_cs_precedes : lc->p_cs_precedes;
  spaced = negative ? lc->n_sep_by_space : lc->p_sep_by_space;
  position = lc->n_sign_posn;
  /* CHAR_MAX means that the locale leaves the value unset. */
  if (precedes != CHAR_MAX)
    c->symbol_first = precedes == 1;
  if (spaced != CHAR_MAX)
    c->symbol_spaced = spaced == 1;
  if (position != CHAR_MAX)
    c->sign_position = position;
}

/* Appends @digits, ASCII digits, with a separator between the groups that
 * the conventions size from the right. As in struct lconv, the last size
 * repeats and CHAR_MAX ends the grouping. */
static void
append_grouped (GString           *out,
                const char        *digits,
                const Conventions *c)
{
  gsize len = strlen (digits);
  g_autofree gboolean *cut_before = g_new0 (gboolean, len + 1);
  const char *g = c->grouping;
  gsize pos = len;
  int size = 0;

  while (c->group_separator[0] != '\0')
    {
      if (*g != '\0')
        {
          size = *g == CHAR_MAX ? 0 : (guchar) *g;
          g++;
        }
      if (size <= 0 || (gsize) size >= pos)
        break;
      pos -= size;
      cut_before[pos] = TRUE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (cut_before[i])
        g_string_append (out, c->group_separator);
      g_string_append_c (out, digits[i]);
    }
}

/* Writes @value, which is not negative, with @decimals digits after the
 * decimal mark and the integer part grouped. */
static char *
format_magnitude (const Conventions *c,
                  double             value,
                  guint              decimals)
{
  char format[8];
  char digits[DIGITS_SIZE];
  char *point;
  GString *out = g_string_new (NULL);

  /* A whole number below 10^15 has the same digits as an integer, which
   * is quicker to write. */
  if (decimals == 0 && value < 1e15 && value == floor (value))
    g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, (guint64) value);
  else
    {
      g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, MAX_DECIMALS));
      g_ascii_formatd (digits, sizeof digits, format, value);
    }
  point = strchr (digits, '.');
  if (point != NULL)
    *point = '\0';

  append_grouped (out, digits, c);
  if (point != NULL)
    {
      g_string_append (out, c->decimal_point);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

/* Replaces the ASCII decimal point of @number with the locale's. */
static char *
localize_point (const Conventions *c,
                const char        *number)
{
  g_auto(GStrv) parts = g_strsplit (number, ".", 2);

  return g_strjoinv (c->decimal_point, parts);
}

/* Puts the currency and the sign of an amount where the locale puts them,
 * as in "$1,200", "1.200 $", "-1.200 $" or "CHF 1,200". */
static char *
place_currency (const Conventions *c,
                const char        *quantity,
                gboolean           negative,
                const char        *currency)
{
  const char *symbol = currency != NULL && currency[0] != '\0' ? currency : "$";
  /* A code such as "CHF" would run into the digits without a space. */
  const char *space = c->symbol_spaced || g_ascii_isalpha (symbol[0]) ? NO_BREAK_SPACE : "";
  const char *sign = c->negative_sign;

  if (!negative)
    return c->symbol_first ? g_strconcat (symbol, space, quantity, NULL)
                           : g_strconcat (quantity, space, symbol, NULL);

  switch (c->sign_position)
    {
    case 0:
      return c->symbol_first ? g_strconcat ("(", symbol, space, quantity, ")", NULL)
                             : g_strconcat ("(", quantity, space, symbol, ")", NULL);
    case 2:
      return c->symbol_first ? g_strconcat (symbol, space, quantity, sign, NULL)
                             : g_strconcat (quantity, space, symbol, sign, NULL);
    case 3:
      return c->symbol_first ? g_strconcat (sign, symbol, space, quantity, NULL)
                             : g_strconcat (quantity, space, sign, symbol, NULL);
    case 4:
      return c->symbol_first ? g_strconcat (symbol, sign, space, quantity, NULL)
                             : g_strconcat (quantity, space, symbol, sign, NULL);
    default:
      return c->symbol_first ? g_strconcat (sign, symbol, space, quantity, NULL)
                             : g_strconcat (sign, quantity, space, symbol, NULL);
    }
}

/**
 * tl_format_count:
 * @n: a count
 *
 * Writes a count with the locale's digit grouping: "1,234,567" in English,
 * "1.234.567" in German.
 *
 * Returns: (transfer full): the text
 */
char *
tl_format_count (guint64 n)
{
  Conventions c;
  char digits[24];
  GString *out = g_string_new (NULL);

  read_numeric (&c);
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  append_grouped (out, digits, &c);

  return g_string_free (out, FALSE);
}

/**
 * tl_format_number:
 * @value: a number
 * @decimals: the digits after the decimal mark, at most 6
 *
 * Writes a number with the locale's decimal mark and digit grouping:
 * "1,234.5" in English, "1 234,5" in French.
 *
 * Returns: (transfer full): the text, or "—" for NAN and infinities
 */
char *
tl_format_number (double value,
                  guint  decimals)
{
  Conventions c;
  g_autofree char *magnitude = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  read_numeric (&c);
  magnitude = format_magnitude (&c, fabs (value), decimals);
  /* A value that rounds to zero shows no minus. */
  if (value < 0 && strpbrk (magnitude, "123456789") != NULL)
    return g_strconcat ("-", magnitude, NULL);

  return g_steal_pointer (&magnitude);
}

/**
 * tl_format_money:
 * @value: an amount
 * @currency: (nullable): the currency of the amount, such as "€" or "CHF",
 *   or %NULL for dollars
 *
 * Writes an amount in whole units, with the digit grouping, the place of
 * the currency and the sign that the locale's monetary conventions give:
 * "$1,234,567" in English, "1.234.567 $" in German.
 *
 * Returns: (transfer full): the text, or "—" for NAN and infinities
 */
char *
tl_format_money (double      value,
                 const char *currency)
{
  Conventions c;
  double rounded = round (value);
  g_autofree char *quantity = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  read_monetary (&c, rounded < 0);
  quantity = format_magnitude (&c, fabs (rounded), 0);

  return place_currency (&c, quantity, rounded < 0, currency);
}

/* Writes the number of a short amount: 1.5 and 150, or 1.5e+15 beyond a
 * thousand trillion, where only the order of magnitude is readable. */
static char *
format_short_quantity (const Conventions *c,
                       double             a)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (a >= 999.95e12)
    return localize_point (c, g_ascii_formatd (number, sizeof number, "%.1e", a));

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (a >= units[i].size * 0.9995)
        {
          double scaled = a / units[i].size;
          double tenths = round (scaled * 10.0);
          const char *pattern = g_dpgettext2 (GETTEXT_PACKAGE, units[i].context,
                                              units[i].pattern);
          g_autofree char *digits = NULL;

          /* One decimal below 100, and none when it is zero: 1.5M, 49K. */
          if (scaled < 99.95 && fmod (tenths, 10.0) != 0.0)
            digits = localize_point (c, g_ascii_formatd (number, sizeof number, "%.1f",
                                                         tenths / 10.0));
          else
            digits = g_strdup (g_ascii_formatd (number, sizeof number, "%.0f", scaled));

          return g_strdup_printf (pattern, digits);
        }
    }

  return g_strdup (g_ascii_formatd (number, sizeof number, "%.0f", a));
}

/**
 * tl_format_money_short:
 * @value: an amount
 * @currency: (nullable): the currency of the amount, or %NULL for dollars
 *
 * Writes an amount with a multiplier and at most one decimal, with the
 * currency where the locale's monetary conventions put it: "$48.2M" in
 * English, "48,2 Mio. $" in German.
 *
 * Returns: (transfer full): the text, or "—" for NAN and infinities
 */
char *
tl_format_money_short (double      value,
                       const char *currency)
{
  Conventions c;
  g_autofree char *quantity = NULL;

  if (!isfinite (value))
    return g_strdup ("—");

  read_monetary (&c, value < 0);
  quantity = format_short_quantity (&c, fabs (value));
  if (strcmp (quantity, "0") == 0)
    return place_currency (&c, quantity, FALSE, currency);

  return place_currency (&c, quantity, value < 0, currency);
}

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * tl_format_date:
 * @julian_day: a GDate Julian day
 *
 * Writes a date in the locale's short format: "03/15/2027" in American
 * English, "15.03.2027" in German. The C and POSIX locales get ISO 8601,
 * "2027-03-15", because their format has a two-digit year.
 *
 * Returns: (transfer full): the text, or "—" for an invalid day
 */
char *
tl_format_date (guint32 julian_day)
{
  GDate date;
  char text[128];

  if (!g_date_valid_julian (julian_day))
    return g_strdup ("—");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);
  if (is_c_locale (LC_TIME) || g_date_strftime (text, sizeof text, "%x", &date) == 0)
    return format_iso_date (&date);

  return g_strdup (text);
}

/**
 * tl_format_date_time:
 * @time: a time, in the time zone to show
 *
 * Writes a date as tl_format_date() does, then the hours and minutes:
 * "15.03.2027 14:05" in German, "2027-03-15 14:05" in the C locale.
 *
 * Returns: (transfer full): the text
 */
char *
tl_format_date_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  if (is_c_locale (LC_TIME))
    return g_date_time_format (time, "%Y-%m-%d %H:%M");

  return g_date_time_format (time, "%x %H:%M");
}

/**
 * tl_format_tier_range:
 * @bounds: the lower bounds of tiers 1 to 3
 * @tier_index: the tier, 0 for tier 1 to 3 for tier 4
 * @currency: (nullable): the currency of the amounts, or %NULL for dollars
 *
 * Describes the ARR of a tier's accounts under @bounds, with short
 * amounts: "ARR $50K to $250K".
 *
 * Returns: (transfer full): the text
 */
char *
tl_format_tier_range (const double  bounds[3],
                      guint         tier_index,
                      const char   *currency)
{
  g_autofree char *lower = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (bounds != NULL && tier_index < 4, NULL);

  if (tier_index < 3)
    lower = tl_format_money_short (bounds[tier_index], currency);
  if (tier_index > 0)
    upper = tl_format_money_short (bounds[tier_index - 1], currency);

  if (upper == NULL)
    {
      /* Translators: the ARR range of the best tier, as in "ARR $250K and above" */
      return g_strdup_printf (_("ARR %s and above"), lower);
    }

  if (lower == NULL)
    {
      /* Translators: the ARR range of the last tier, as in "ARR below $10K" */
      return g_strdup_printf (_("ARR below %s"), upper);
    }

  /* Translators: the ARR range of a middle tier, as in "ARR $50K to $250K" */
  return g_strdup_printf (_("ARR %s to %s"), lower, upper);
}

/**
 * tl_format_get_decimal_mark:
 *
 * Returns the decimal mark of the locale's amounts, to read an amount that
 * the user typed as tl_format_money() writes it.
 *
 * Returns: %TL_DECIMAL_COMMA when the locale writes "1,5", else
 *   %TL_DECIMAL_POINT
 */
TlDecimalMark
tl_format_get_decimal_mark (void)
{
  Conventions c;

  read_monetary (&c, FALSE);

  return strcmp (c.decimal_point, ",") == 0 ? TL_DECIMAL_COMMA : TL_DECIMAL_POINT;
}
