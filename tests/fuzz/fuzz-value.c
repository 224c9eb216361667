/* fuzz-value.c
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

/* A libFuzzer target for the cell parsers of tl-value.c alone: the whole
 * input is one cell. Build and run it with tests/fuzz/run-fuzz.sh. */

#define G_LOG_DOMAIN "fuzz-value"

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-guard.h"
#include "tl-value.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

/* Formats a parsed number both ways. */
static void
format_number (double value)
{
  g_autofree char *money = tl_value_format_money (value);
  g_autofree char *money_short = tl_value_format_money_short (value);

  g_assert_nonnull (money);
  g_assert_nonnull (money_short);
}

/* A parsed date must read back from its ISO form as the same day. */
static void
check_date (guint32 day)
{
  g_autofree char *iso = tl_value_format_date (day);
  guint32 again = 0;

  g_assert_cmpint (tl_value_parse_date (iso, strlen (iso), TL_DATE_ORDER_UNKNOWN, &again),
                   ==, TL_PARSE_OK);
  g_assert_cmpuint (again, ==, day);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const TlDateOrder orders[] = {
    TL_DATE_ORDER_UNKNOWN, TL_DATE_ORDER_MONTH_FIRST, TL_DATE_ORDER_DAY_FIRST,
  };
  const char *text;
  TlColumnStyle style = { 0 };
  TlNumberFlags flags;
  double number;
  gboolean truth;
  guint32 day;

  if (size > FUZZ_GUARD_MAX)
    return 0;

  /* The cell ends at a guard page, not with a NUL, because the parsers
   * take a length and must not read past it. */
  text = fuzz_guard_copy (data, size);

  tl_value_is_absent (text, size);
  if (tl_value_parse_number (text, size, TL_DECIMAL_POINT, &number, &flags) == TL_PARSE_OK)
    {
      g_assert_true (isfinite (number));
      format_number (number);
    }
  if (tl_value_parse_number (text, size, TL_DECIMAL_COMMA, &number, NULL) == TL_PARSE_OK)
    {
      g_assert_true (isfinite (number));
      format_number (number);
    }
  tl_value_parse_boolean (text, size, &truth);
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (tl_value_parse_date (text, size, orders[i], &day) == TL_PARSE_OK)
      check_date (day);

  tl_column_style_add (&style, text, size);
  tl_column_style_get_mark (&style);
  tl_column_style_get_order (&style);

  return 0;
}
