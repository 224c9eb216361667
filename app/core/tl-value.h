/* tl-value.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TL_PARSE_OK,
  TL_PARSE_ABSENT,   /* empty, N/A, - and the like */
  TL_PARSE_INVALID,  /* text that is not a value of the expected kind */
} TlParseResult;

/* What a parsed number carried besides its digits. */
typedef enum
{
  TL_NUMBER_PERCENT  = 1 << 0,  /* a trailing %: the value is already divided by 100 */
  TL_NUMBER_CURRENCY = 1 << 1,  /* a currency symbol or ISO code */
  TL_NUMBER_SUFFIX   = 1 << 2,  /* a K, M or B multiplier */
} TlNumberFlags;

/* Which character separates the decimals in a column of numbers. */
typedef enum
{
  TL_DECIMAL_POINT,
  TL_DECIMAL_COMMA,
} TlDecimalMark;

/* The order of day and month in a column of slashed dates. */
typedef enum
{
  TL_DATE_ORDER_UNKNOWN,
  TL_DATE_ORDER_MONTH_FIRST,
  TL_DATE_ORDER_DAY_FIRST,
} TlDateOrder;

/* Evidence gathered over a column's cells, before parsing them. */
typedef struct
{
  guint point_votes;      /* cells that only read right with a decimal point */
  guint comma_votes;      /* cells that only read right with a decimal comma */
  guint month_first_votes;
  guint day_first_votes;
  guint slashed_dates;    /* dates written with '/' */
} TlColumnStyle;

gboolean      tl_value_is_absent        (const char    *text,
                                         gsize          len);
TlParseResult tl_value_parse_number     (const char    *text,
                                         gsize          len,
                                         TlDecimalMark  mark,
                                         double        *value,
                                         TlNumberFlags *flags);
TlParseResult tl_value_parse_boolean    (const char    *text,
                                         gsize          len,
                                         gboolean      *value);
TlParseResult tl_value_parse_date       (const char    *text,
                                         gsize          len,
                                         TlDateOrder    order,
                                         guint32       *julian_day);
gboolean      tl_value_is_iso_date      (const char    *text,
                                         gsize          len);
void          tl_column_style_add       (TlColumnStyle *style,
                                         const char    *text,
                                         gsize          len);
TlDecimalMark tl_column_style_get_mark  (const TlColumnStyle *style);
TlDateOrder   tl_column_style_get_order (const TlColumnStyle *style);

char         *tl_value_find_currency    (const char    *text,
                                         gsize          len);
char         *tl_value_escape_controls  (const char    *text);
char         *tl_value_clip             (const char    *value,
                                         gssize         len,
                                         guint          max_chars);
char         *tl_value_format_money     (double         value);
char         *tl_value_format_money_short (double       value);
char         *tl_value_format_date      (guint32        julian_day);

G_END_DECLS
