/* tl-value.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-value"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-value.h"

/* Longest run of digits and separators a number may have. */
#define MAX_NUMBER_CHARS 64

/* Excel's day 0, 1899-12-30, as a GDate Julian day, and its last date. */
#define EXCEL_EPOCH_JULIAN 693594
#define EXCEL_MAX_SERIAL 2958465

static const char *const absent_words[] = {
  "n/a", "na", "#n/a", "-", "--", "—", "–", "null", "none", "nan", NULL
};

/* Three-letter codes accepted before or after an amount, in any case. */
static const char *const currency_codes[] = {
  "usd", "eur", "gbp", "chf", "jpy", "cny", "cad", "aud", "nzd", "sek", "nok",
  "dkk", "pln", "czk", "huf", "inr", "brl", "mxn", "zar", "sgd", "hkd", "krw",
  "rub", "try", "ils", NULL
};

/* Prefixes written before "$", as in "US$" or "R$". */
static const char *const dollar_prefixes[] = {
  "us", "r", "c", "a", "nz", "hk", "s", NULL
};

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* Returns the byte length of a space at @p (ASCII, a Unicode no-break,
 * thin or narrow space, a zero-width space or a byte order mark), or 0. */
static gsize
space_len (const char *p,
           const char *end)
{
  const guchar *u = (const guchar *) p;

  if (p >= end)
    return 0;
  if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\n')
    return 1;
  if (end - p >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
    return 2;
  if (end - p >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89))
    return 3;
  /* A byte order mark or zero-width space pasted into a cell is invisible. */
  if (end - p >= 3 && ((u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
                       || (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x8b)))
    return 3;

  return 0;
}

static void
skip_spaces (Cursor *c)
{
  gsize n;

  while ((n = space_len (c->p, c->end)) > 0)
    c->p += n;
}

static void
trim (const char **text,
      gsize       *len)
{
  Cursor c = { *text, *text + *len };

  skip_spaces (&c);
  while (c.end > c.p)
    {
      const char *q = c.end - 1;

      while (q > c.p && ((guchar) *q & 0xc0) == 0x80)
        q--;
      if (space_len (q, c.end) != (gsize) (c.end - q))
        break;
      c.end = q;
    }

  *text = c.p;
  *len = c.end - c.p;
}

/* Returns whether @c is the first byte of a word in absent_words. A number
 * and most text fail this test, so they skip lowering and comparing. */
static gboolean
starts_absent_word (char c)
{
  switch (c)
    {
    case 'n': case 'N': case '#': case '-':
    case '\xe2':  /* the first byte of an em or en dash */
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns whether the cell means "no value": empty, N/A, - and the like. */
gboolean
tl_value_is_absent (const char *text,
                    gsize       len)
{
  char lower[8];

  g_return_val_if_fail (text != NULL || len == 0, TRUE);

  trim (&text, &len);
  if (len == 0)
    return TRUE;
  if (len >= sizeof lower || !starts_absent_word (text[0]))
    return FALSE;
  /* A minus sign before a digit starts a number, as in "-2.5". */
  if (text[0] == '-' && len > 1 && g_ascii_isdigit (text[1]))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (text[i]);
  lower[len] = '\0';

  return g_strv_contains (absent_words, lower);
}

static gboolean
match_word_ci (Cursor      *c,
               const char  *word)
{
  gsize n = strlen (word);

  if ((gsize) (c->end - c->p) < n || g_ascii_strncasecmp (c->p, word, n) != 0)
    return FALSE;
  /* A code must not run into further letters: "USD" but not "USDT". */
  if (c->p + n < c->end && g_ascii_isalpha (c->p[n]))
    return FALSE;

  c->p += n;
  return TRUE;
}

/* Consumes a currency symbol, an ISO code or a prefixed dollar sign. */
static gboolean
skip_currency (Cursor *c)
{
  gunichar ch;

  if (c->p >= c->end)
    return FALSE;

  for (guint i = 0; dollar_prefixes[i] != NULL; i++)
    {
      gsize n = strlen (dollar_prefixes[i]);

      if ((gsize) (c->end - c->p) > n && c->p[n] == '$'
          && g_ascii_strncasecmp (c->p, dollar_prefixes[i], n) == 0)
        {
          c->p += n + 1;
          return TRUE;
        }
    }

  for (guint i = 0; currency_codes[i] != NULL; i++)
    if (match_word_ci (c, currency_codes[i]))
      return TRUE;

  ch = g_utf8_get_char_validated (c->p, c->end - c->p);
  if (ch != (gunichar) -1 && ch != (gunichar) -2
      && g_unichar_type (ch) == G_UNICODE_CURRENCY_SYMBOL)
    {
      c->p = g_utf8_next_char (c->p);
      return TRUE;
    }

  return FALSE;
}

/* Returns the currency written in an amount such as "$1,200", "1.200 €" or
 * "USD 2500": a symbol as written (US$ is $), or an ISO code in capitals.
 * NULL when the cell names no currency. */
char *
tl_value_find_currency (const char *text,
                        gsize       len)
{
  Cursor c;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  trim (&text, &len);
  for (gsize i = 0; i < len; i++)
    {
      const char *start;

      /* A currency stands first, or after a digit, a space, a sign or the
       * bracket of an accounting negative. */
      if (i > 0 && !g_ascii_isdigit (text[i - 1]) && strchr (" (-+", text[i - 1]) == NULL)
        continue;
      c.p = start = text + i;
      c.end = text + len;
      if (!skip_currency (&c))
        continue;

      if (c.p - start >= 2 && c.p[-1] == '$' && g_ascii_toupper (start[0]) == 'U')
        return g_strdup ("$");
      return g_ascii_isalpha (start[0]) && c.p[-1] != '$'
             ? g_ascii_strup (start, c.p - start) : g_strndup (start, c.p - start);
    }

  return NULL;
}

/* Consumes a sign: '-', '+' or U+2212 MINUS SIGN. */
static gboolean
skip_sign (Cursor   *c,
           gboolean *negative)
{
  if (c->p >= c->end)
    return FALSE;

  if (*c->p == '-' || *c->p == '+')
    {
      *negative = *c->p == '-';
      c->p++;
      return TRUE;
    }
  if (c->end - c->p >= 3 && memcmp (c->p, "\xe2\x88\x92", 3) == 0)
    {
      *negative = TRUE;
      c->p += 3;
      return TRUE;
    }

  return FALSE;
}

/* Reads digits and separators into @body: digits as they are, every
 * separator as one byte (a space or an apostrophe in any of its Unicode
 * forms becomes '\''). Returns FALSE when the body is too long. */
static gboolean
scan_body (Cursor  *c,
           char    *body,
           gsize   *body_len)
{
  gsize n = 0;

  while (c->p < c->end && n < MAX_NUMBER_CHARS)
    {
      gsize sp = space_len (c->p, c->end);
      char ch = *c->p;

      if (g_ascii_isdigit (ch) || ch == '.' || ch == ',' || ch == '\'')
        {
          body[n++] = ch;
          c->p++;
        }
      else if (c->end - c->p >= 3 && memcmp (c->p, "\xe2\x80\x99", 3) == 0)
        {
          body[n++] = '\'';
          c->p += 3;
        }
      else if (sp > 0 && n > 0 && c->p + sp < c->end && g_ascii_isdigit (c->p[sp]))
        {
          /* A space counts only between digits: "1 234,56". */
          body[n++] = ' ';
          c->p += sp;
        }
      else
        break;
    }

  *body_len = n;
  return n < MAX_NUMBER_CHARS;
}

/* Checks thousands grouping in an integer part: 1 to 3 digits, then groups
 * of exactly 3 digits, all separated by the same character. */
static gboolean
grouping_valid (const char *digits,
                gsize       len)
{
  char sep = 0;
  gsize run = 0;
  gboolean first = TRUE;

  for (gsize i = 0; i <= len; i++)
    {
      if (i < len && g_ascii_isdigit (digits[i]))
        {
          run++;
          continue;
        }
      if (first ? (run == 0 || run > 3) : run != 3)
        return FALSE;
      if (i < len)
        {
          if (sep != 0 && digits[i] != sep)
            return FALSE;
          sep = digits[i];
        }
      first = FALSE;
      run = 0;
    }

  return TRUE;
}

static guint
count_char (const char *s,
            gsize       len,
            char        ch)
{
  guint n = 0;

  for (gsize i = 0; i < len; i++)
    n += s[i] == ch;

  return n;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

/* Finds the decimal mark in @body, or returns NULL when it has none. The
 * column's mark is the decimal mark. The other mark also is one when it
 * occurs once and cannot be a thousands separator (",5", "12,5", "1,2345").
 * It is one as well when it occurs once, after all of the column's marks,
 * and is not followed by exactly three digits ("1.234,56" in a point
 * column). *@invalid is set when the column's mark occurs more than once. */
static const char *
find_decimal (const char    *body,
              gsize          len,
              TlDecimalMark  mark,
              gboolean      *invalid)
{
  char dec = mark == TL_DECIMAL_COMMA ? ',' : '.';
  char other = mark == TL_DECIMAL_COMMA ? '.' : ',';
  const char *pos = memchr (body, dec, len);

  *invalid = FALSE;
  if (pos != NULL)
    {
      const char *o = memchr (body, other, len);

      if (o != NULL && count_char (body, len, other) == 1
          && memchr (o, dec, len - (o - body)) == NULL
          && len - (o - body) - 1 != 3)
        return o;

      *invalid = count_char (body, len, dec) > 1;
      return pos;
    }

  if (count_char (body, len, other) == 1)
    {
      const char *o = memchr (body, other, len);

      if (o == body || !grouping_valid (body, len))
        return o;
    }

  return NULL;
}

/* Turns the digits and separators of a number into "1234.56" for
 * g_ascii_strtod. */
static gboolean
normalize_body (const char    *body,
                gsize          len,
                TlDecimalMark  mark,
                char          *out)
{
  gboolean invalid;
  const char *dec = find_decimal (body, len, mark, &invalid);
  gsize int_len = dec != NULL ? (gsize) (dec - body) : len;
  gsize n = 0;

  if (invalid)
    return FALSE;
  if (int_len > 0 && !all_digits (body, int_len) && !grouping_valid (body, int_len))
    return FALSE;

  for (gsize i = 0; i < int_len; i++)
    if (g_ascii_isdigit (body[i]))
      out[n++] = body[i];

  if (dec != NULL)
    {
      gsize frac_len = len - int_len - 1;

      if (!all_digits (dec + 1, frac_len) || (int_len == 0 && frac_len == 0))
        return FALSE;
      out[n++] = '.';
      memcpy (out + n, dec + 1, frac_len);
      n += frac_len;
    }
  out[n] = '\0';

  return n > 0 && strcspn (out, "0123456789") < n;
}

/* Consumes a K, M (or MM, Mn) or B (or Bn) multiplier. */
static double
skip_suffix (Cursor *c)
{
  static const struct { const char *word; double factor; } suffixes[] = {
    { "mm", 1e6 }, { "mn", 1e6 }, { "bn", 1e9 },
    { "k", 1e3 }, { "m", 1e6 }, { "b", 1e9 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (match_word_ci (c, suffixes[i].word))
      return suffixes[i].factor;

  return 1.0;
}

/* Consumes an exponent such as "E+06" written by spreadsheets. */
static gboolean
scan_exponent (Cursor *c,
               int    *exponent)
{
  const char *p = c->p;
  gboolean negative = FALSE;
  int e = 0;

  if (p >= c->end || (*p != 'e' && *p != 'E'))
    return FALSE;
  p++;
  if (p < c->end && (*p == '+' || *p == '-'))
    negative = *p++ == '-';
  if (p >= c->end || !g_ascii_isdigit (*p))
    return FALSE;

  /* The digits are read up to the cell's end, which need not be a NUL. */
  for (; p < c->end && g_ascii_isdigit (*p); p++)
    if (e <= 300)
      e = e * 10 + (*p - '0');
  if (e > 300)
    return FALSE;

  *exponent = negative ? -e : e;
  c->p = p;
  return TRUE;
}

typedef struct
{
  gboolean negative;
  gboolean signed_;    /* a sign was read: a second one is invalid */
  gboolean parens;
  guint    flags;
} NumberDecor;

/* Reads what may stand before the digits: a sign, an opening bracket of
 * an accounting negative, and a currency, in any order. */
static void
scan_prefix (Cursor      *c,
             NumberDecor *d)
{
  gboolean progress = TRUE;

  while (progress)
    {
      skip_spaces (c);
      progress = FALSE;
      if (c->p < c->end && *c->p == '(' && !d->parens)
        {
          d->parens = TRUE;
          c->p++;
          progress = TRUE;
        }
      else if (!d->signed_ && skip_sign (c, &d->negative))
        {
          d->signed_ = TRUE;
          progress = TRUE;
        }
      else if (!(d->flags & TL_NUMBER_CURRENCY) && skip_currency (c))
        {
          d->flags |= TL_NUMBER_CURRENCY;
          progress = TRUE;
        }
    }
}

/* Reads what may follow the digits: a multiplier, a percent sign, a
 * currency, a trailing minus and the closing bracket. */
static gboolean
scan_suffix (Cursor      *c,
             NumberDecor *d,
             double      *factor)
{
  gboolean closed = !d->parens;

  skip_spaces (c);
  *factor = skip_suffix (c);
  if (*factor != 1.0)
    d->flags |= TL_NUMBER_SUFFIX;

  skip_spaces (c);
  if (c->p < c->end && *c->p == '%')
    {
      d->flags |= TL_NUMBER_PERCENT;
      c->p++;
      skip_spaces (c);
    }
  if (!(d->flags & TL_NUMBER_CURRENCY) && skip_currency (c))
    d->flags |= TL_NUMBER_CURRENCY;

  skip_spaces (c);
  if (c->p < c->end && *c->p == '-' && !d->signed_)
    {
      d->negative = TRUE;
      d->signed_ = TRUE;
      c->p++;
    }
  if (c->p < c->end && *c->p == ')' && d->parens)
    {
      closed = TRUE;
      c->p++;
    }
  skip_spaces (c);

  return closed && c->p == c->end;
}

/* Powers of ten that doubles hold exactly. */
static const double exact_powers[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
};

/* Reads the common plain forms, "1234", "-56" and "78.9" (with the
 * column's decimal mark), without the general parser. With at most 15
 * digits both the digits and the power of ten are exact doubles, so one
 * division gives the correctly rounded value, as strtod() would. Returns
 * FALSE for any other form. */
static gboolean
parse_plain (const char    *text,
             gsize          len,
             TlDecimalMark  mark,
             double        *value)
{
  char dec = mark == TL_DECIMAL_COMMA ? ',' : '.';
  gboolean negative = text[0] == '-';
  gsize i = negative;
  guint64 digits = 0;
  guint n_digits = 0, n_fraction = 0;

  if (i >= len || !g_ascii_isdigit (text[i]))
    return FALSE;

  for (; i < len && g_ascii_isdigit (text[i]); i++, n_digits++)
    digits = digits * 10 + (text[i] - '0');
  if (i < len)
    {
      if (text[i] != dec || i + 1 >= len)
        return FALSE;
      for (i++; i < len && g_ascii_isdigit (text[i]); i++, n_digits++, n_fraction++)
        digits = digits * 10 + (text[i] - '0');
    }
  if (i != len || n_digits > 15)
    return FALSE;

  *value = (double) digits / exact_powers[n_fraction];
  if (negative)
    *value = -*value;

  return TRUE;
}

/**
 * tl_value_parse_number:
 * @text: the cell
 * @len: its length in bytes
 * @mark: the column's decimal mark
 * @value: (out): the number
 * @flags: (out) (optional): what the cell carried besides digits
 *
 * Reads amounts as exports write them: "$1,234.56", "1.234,56 €", "USD 2500",
 * "(1,200)" for -1200, "2.5M", "85%" (stored as 0.85), "1'234.50",
 * "1 234,56", "1.2E+06".
 *
 * Returns: %TL_PARSE_OK, %TL_PARSE_ABSENT or %TL_PARSE_INVALID
 */
TlParseResult
tl_value_parse_number (const char    *text,
                       gsize          len,
                       TlDecimalMark  mark,
                       double        *value,
                       TlNumberFlags *flags)
{
  Cursor c;
  NumberDecor d = { FALSE, FALSE, FALSE, 0 };
  char body[MAX_NUMBER_CHARS + 1];
  char plain[MAX_NUMBER_CHARS + 8];
  gsize body_len;
  double factor;
  int exponent = 0;
  double v;

  g_return_val_if_fail (value != NULL, TL_PARSE_INVALID);

  if (flags != NULL)
    *flags = 0;
  if (text != NULL && len > 0 && parse_plain (text, len, mark, value))
    return TL_PARSE_OK;
  if (text == NULL || tl_value_is_absent (text, len))
    return TL_PARSE_ABSENT;

  trim (&text, &len);
  c.p = text;
  c.end = text + len;

  scan_prefix (&c, &d);
  if (!scan_body (&c, body, &body_len) || body_len == 0)
    return TL_PARSE_INVALID;
  if (!normalize_body (body, body_len, mark, plain))
    return TL_PARSE_INVALID;
  if (scan_exponent (&c, &exponent))
    g_snprintf (plain + strlen (plain), 8, "e%d", exponent);
  if (!scan_suffix (&c, &d, &factor))
    return TL_PARSE_INVALID;

  v = g_ascii_strtod (plain, NULL) * factor;
  if (d.flags & TL_NUMBER_PERCENT)
    v /= 100.0;
  if (!isfinite (v))
    return TL_PARSE_INVALID;

  /* "(1,200)", "-1,200" and "(-1,200)" are all negative. */
  *value = d.negative || d.parens ? -v : v;
  if (flags != NULL)
    *flags = d.flags;

  return TL_PARSE_OK;
}

/**
 * tl_value_parse_boolean:
 * @text: the cell
 * @len: its length in bytes
 * @value: (out): the truth value
 *
 * Reads yes/no, y/n, true/false, 1/0 and x (for yes), in any case, and the
 * German and French ja/nein and oui/non.
 *
 * Returns: %TL_PARSE_OK, %TL_PARSE_ABSENT or %TL_PARSE_INVALID
 */
TlParseResult
tl_value_parse_boolean (const char *text,
                        gsize       len,
                        gboolean   *value)
{
  static const char *const yes[] = { "yes", "y", "true", "1", "x", "ja", "oui", NULL };
  static const char *const no[] = { "no", "n", "false", "0", "nein", "non", NULL };
  char lower[8];

  g_return_val_if_fail (value != NULL, TL_PARSE_INVALID);

  /* The common spellings, without trimming or lowering. */
  if (text != NULL && ((len == 3 && memcmp (text, "Yes", 3) == 0)
                       || (len == 3 && memcmp (text, "yes", 3) == 0)))
    return *value = TRUE, TL_PARSE_OK;
  if (text != NULL && ((len == 2 && memcmp (text, "No", 2) == 0)
                       || (len == 2 && memcmp (text, "no", 2) == 0)))
    return *value = FALSE, TL_PARSE_OK;

  if (text == NULL || tl_value_is_absent (text, len))
    return TL_PARSE_ABSENT;

  trim (&text, &len);
  if (len >= sizeof lower)
    return TL_PARSE_INVALID;
  for (gsize i = 0; i < len; i++)
    lower[i] = g_ascii_tolower (text[i]);
  lower[len] = '\0';

  if (g_strv_contains (yes, lower))
    *value = TRUE;
  else if (g_strv_contains (no, lower))
    *value = FALSE;
  else
    return TL_PARSE_INVALID;

  return TL_PARSE_OK;
}

/* Reads up to @max digits as a number; returns the count read. */
static guint
scan_int (Cursor *c,
          guint   max,
          int    *out)
{
  guint n = 0;
  int v = 0;

  while (c->p < c->end && n < max && g_ascii_isdigit (*c->p))
    {
      v = v * 10 + (*c->p - '0');
      c->p++;
      n++;
    }
  *out = v;

  return n;
}

/* Accepts the end of a date cell: nothing, or a time after 'T' or a space. */
static gboolean
at_date_end (Cursor *c)
{
  if (c->p == c->end)
    return TRUE;
  if (*c->p != 'T' && *c->p != ' ')
    return FALSE;
  c->p++;

  return c->p < c->end && g_ascii_isdigit (*c->p);
}

static int
expand_year (int year,
             guint digits)
{
  if (digits != 2)
    return year;

  /* Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999. */
  return year < 70 ? 2000 + year : 1900 + year;
}

/* Days before each month, in a common and in a leap year. */
static const guint16 days_before_month[2][13] = {
  { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
  { 0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 },
};

static const guint8 days_in_month[2][13] = {
  { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
  { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

/* Computes the Julian day as GDate counts it, from 1 for January 1 of year
 * 1 in the Gregorian calendar, without a GDate for each cell. */
static TlParseResult
make_julian (int      year,
             int      month,
             int      day,
             guint32 *julian_day)
{
  int leap, past_years;

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return TL_PARSE_INVALID;

  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > days_in_month[leap][month])
    return TL_PARSE_INVALID;

  past_years = year - 1;
  *julian_day = (guint32) past_years * 365 + past_years / 4 - past_years / 100
                + past_years / 400 + days_before_month[leap][month] + day;

  return TL_PARSE_OK;
}

/* Positions of the digits in "2027-03-15". */
static const guint8 iso_digit_at[] = { 0, 1, 2, 3, 5, 6, 8, 9 };

/* Returns whether @text has the form of an ISO date, "2027-03-15", which
 * may still name no real day. */
gboolean
tl_value_is_iso_date (const char *text,
                      gsize       len)
{
  if (len != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (iso_digit_at); i++)
    if (!g_ascii_isdigit (text[iso_digit_at[i]]))
      return FALSE;

  return TRUE;
}

/* Reads the ISO form "2027-03-15", common in exports, without the general
 * parser. Returns FALSE for any other form. */
static gboolean
parse_iso_date (const char    *text,
                gsize          len,
                TlParseResult *result,
                guint32       *julian_day)
{
  int digits[G_N_ELEMENTS (iso_digit_at)];

  if (!tl_value_is_iso_date (text, len))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (iso_digit_at); i++)
    digits[i] = text[iso_digit_at[i]] - '0';

  *result = make_julian (digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
                         digits[4] * 10 + digits[5], digits[6] * 10 + digits[7], julian_day);

  return TRUE;
}

/* Returns whether @text is an Excel serial such as "46096" or "46096.5".
 * A second point makes it a dotted date: "15.3.2027". */
static gboolean
is_plain_decimal (const char *text,
                  gsize       len)
{
  guint points = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '.')
        points++;
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return len > 0 && points <= 1;
}

static TlParseResult
parse_serial (const char *text,
              gsize       len,
              guint32    *julian_day)
{
  double serial;

  if (tl_value_parse_number (text, len, TL_DECIMAL_POINT, &serial, NULL) != TL_PARSE_OK
      || serial < 1 || serial > EXCEL_MAX_SERIAL)
    return TL_PARSE_INVALID;

  *julian_day = EXCEL_EPOCH_JULIAN + (guint32) floor (serial);

  return TL_PARSE_OK;
}

/**
 * tl_value_parse_date:
 * @text: the cell
 * @len: its length in bytes
 * @order: the column's day and month order, for dates written with '/' or '-'
 * @julian_day: (out): the date as a GDate Julian day
 *
 * Reads ISO 8601 (2027-03-15, with or without a time), 3/15/2027 and
 * 15/3/2027 as @order says (month first when it is unknown), 15.3.2027,
 * two-digit years, and Excel serial numbers (46096 is 2026-03-15).
 *
 * Returns: %TL_PARSE_OK, %TL_PARSE_ABSENT or %TL_PARSE_INVALID
 */
TlParseResult
tl_value_parse_date (const char  *text,
                     gsize        len,
                     TlDateOrder  order,
                     guint32     *julian_day)
{
  Cursor c;
  int a, b, y;
  guint na, nb, ny;
  char sep;
  TlParseResult result;

  g_return_val_if_fail (julian_day != NULL, TL_PARSE_INVALID);

  if (text != NULL && parse_iso_date (text, len, &result, julian_day))
    return result;
  if (text == NULL || tl_value_is_absent (text, len))
    return TL_PARSE_ABSENT;

  trim (&text, &len);
  c.p = text;
  c.end = text + len;

  if (is_plain_decimal (text, len))
    return parse_serial (text, len, julian_day);

  na = scan_int (&c, 4, &a);
  if (na == 0)
    return TL_PARSE_INVALID;

  sep = *c.p++;
  if (sep != '-' && sep != '/' && sep != '.')
    return TL_PARSE_INVALID;
  nb = scan_int (&c, 2, &b);
  if (nb == 0 || c.p == c.end || *c.p++ != sep)
    return TL_PARSE_INVALID;
  ny = scan_int (&c, 4, &y);
  if (ny == 0 || !at_date_end (&c))
    return TL_PARSE_INVALID;

  if (na == 4)
    return make_julian (a, b, y, julian_day);              /* 2027-03-15 */
  if (ny != 2 && ny != 4)
    return TL_PARSE_INVALID;
  y = expand_year (y, ny);
  if (sep == '.' || order == TL_DATE_ORDER_DAY_FIRST)
    return make_julian (y, b, a, julian_day);              /* 15.03.2027 */

  return make_julian (y, a, b, julian_day);                /* 3/15/2027 */
}

/* Looks at a number's separators and records which decimal mark it needs. */
static void
vote_decimal (TlColumnStyle *style,
              const char    *text,
              gsize          len)
{
  const char *last_point = NULL, *last_comma = NULL;
  guint points = 0, commas = 0;
  gsize after;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '.')
        last_point = text + i, points++;
      else if (text[i] == ',')
        last_comma = text + i, commas++;
    }

  if (points > 0 && commas > 0)
    {
      if (last_comma > last_point)
        style->comma_votes++;
      else
        style->point_votes++;
      return;
    }
  if (points + commas == 0)
    return;
  if (points + commas > 1)
    {
      /* Repeated marks separate thousands: "1.234.567" or "1,234,567". */
      if (points > 0)
        style->comma_votes++;
      else
        style->point_votes++;
      return;
    }

  after = 0;
  for (const char *q = (points > 0 ? last_point : last_comma) + 1;
       q < text + len && g_ascii_isdigit (*q); q++)
    after++;
  if (after == 3)
    return;  /* "1,234" and "1.234" read either way */
  if (points > 0)
    style->point_votes++;
  else
    style->comma_votes++;
}

/* Records whether a slashed date can only be day first or month first. */
static void
vote_date_order (TlColumnStyle *style,
                 const char    *text,
                 gsize          len)
{
  Cursor c = { text, text + len };
  int a, b, y;

  skip_spaces (&c);
  if (scan_int (&c, 2, &a) == 0 || c.p >= c.end || (*c.p != '/' && *c.p != '-'))
    return;
  c.p++;
  if (scan_int (&c, 2, &b) == 0 || c.p >= c.end || (*c.p != '/' && *c.p != '-'))
    return;
  c.p++;
  if (scan_int (&c, 4, &y) < 2)
    return;

  style->slashed_dates++;
  if (a > 12 && b <= 12)
    style->day_first_votes++;
  else if (b > 12 && a <= 12)
    style->month_first_votes++;
}

/* Adds one cell of a column to the evidence for its decimal mark and
 * date order. */
void
tl_column_style_add (TlColumnStyle *style,
                     const char    *text,
                     gsize          len)
{
  g_return_if_fail (style != NULL);

  if (text == NULL || len == 0 || len > MAX_NUMBER_CHARS)
    return;

  vote_decimal (style, text, len);
  vote_date_order (style, text, len);
}

/* Returns the decimal comma when more cells need it than need a point. */
TlDecimalMark
tl_column_style_get_mark (const TlColumnStyle *style)
{
  g_return_val_if_fail (style != NULL, TL_DECIMAL_POINT);

  return style->comma_votes > style->point_votes ? TL_DECIMAL_COMMA : TL_DECIMAL_POINT;
}

/* Returns the date order the cells prove, or unknown when none proves one
 * or they contradict each other. */
TlDateOrder
tl_column_style_get_order (const TlColumnStyle *style)
{
  g_return_val_if_fail (style != NULL, TL_DATE_ORDER_UNKNOWN);

  if (style->day_first_votes > 0 && style->month_first_votes == 0)
    return TL_DATE_ORDER_DAY_FIRST;
  if (style->month_first_votes > 0 && style->day_first_votes == 0)
    return TL_DATE_ORDER_MONTH_FIRST;

  return TL_DATE_ORDER_UNKNOWN;
}

static char *
group_thousands (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Writes control characters as \xNN, so that a value shown in a terminal
 * or a label cannot move the cursor or clear the screen. */
char *
tl_value_escape_controls (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Returns @len bytes of @value (all of it when @len is -1) as valid UTF-8
 * with control characters escaped, cut to @max_chars characters and an
 * ellipsis when longer, for quoting a value in a message. */
char *
tl_value_clip (const char *value,
               gssize      len,
               guint       max_chars)
{
  g_autofree char *valid = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  valid = g_utf8_make_valid (value, len);
  escaped = tl_value_escape_controls (valid);

  if (g_utf8_strlen (escaped, -1) > max_chars)
    {
      char *cut = g_utf8_offset_to_pointer (escaped, max_chars);

      *cut = '\0';
      return g_strconcat (escaped, "…", NULL);
    }

  return g_steal_pointer (&escaped);
}

/* Formats an amount in whole dollars: "$1,234,567".
 * TODO: use the currency of the input and the user's locale. */
char *
tl_value_format_money (double value)
{
  g_autofree char *grouped = NULL;

  if (isnan (value))
    return g_strdup ("—");

  grouped = group_thousands (round (value));
  if (grouped[0] == '-')
    return g_strdup_printf ("-$%s", grouped + 1);

  return g_strdup_printf ("$%s", grouped);
}

/* Formats an amount with a K, M, B or T suffix: "$48.2M". */
char *
tl_value_format_money_short (double value)
{
  static const struct { double size; const char *suffix; } units[] = {
    { 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "K" },
  };
  double a = fabs (value);
  const char *sign = value < 0 ? "-" : "";

  if (isnan (value))
    return g_strdup ("—");
  /* Beyond a thousand trillion, only the order of magnitude is readable. */
  if (a >= 999.95e12)
    return g_strdup_printf ("%s$%.1e", sign, a);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (a >= units[i].size * 0.9995)
        {
          double scaled = a / units[i].size;
          double tenths = round (scaled * 10.0);

          /* One decimal below 100, and none when it is zero: $1.5M, $49K. */
          if (scaled < 99.95 && fmod (tenths, 10.0) != 0.0)
            return g_strdup_printf ("%s$%.1f%s", sign, tenths / 10.0, units[i].suffix);

          return g_strdup_printf ("%s$%.0f%s", sign, scaled, units[i].suffix);
        }
    }

  return g_strdup_printf ("%s$%.0f", sign, a);
}

/* Formats a Julian day as ISO 8601. */
char *
tl_value_format_date (guint32 julian_day)
{
  GDate date;

  if (!g_date_valid_julian (julian_day))
    return g_strdup ("—");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}
