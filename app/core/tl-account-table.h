/* tl-account-table.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <math.h>

#include "tl-field.h"
#include "tl-field-map.h"
#include "tl-import-report.h"

G_BEGIN_DECLS

/* How the numbers of a score column (CSAT, NPS, external health) are read. */
typedef enum
{
  TL_SCALE_NONE,          /* the column has no values */
  TL_SCALE_ONE_TO_FIVE,   /* 1..5 */
  TL_SCALE_ZERO_TO_TEN,   /* 0..10 */
  TL_SCALE_PERCENT,       /* 0..100 */
  TL_SCALE_NPS,           /* -100..100 */
} TlScale;

/* Where an account's ARR came from. */
typedef enum
{
  TL_ARR_SOURCE_NONE,     /* no usable ARR or MRR */
  TL_ARR_SOURCE_ARR,
  TL_ARR_SOURCE_MRR,      /* 12 x MRR */
  TL_ARR_SOURCE_INVALID,  /* a negative amount */
} TlArrSource;

typedef struct _TlAccountTable TlAccountTable;

/* A typed column: doubles, or floats when every value is exact as a float.
 * Both are NULL for a column that is not mapped or holds text. */
typedef struct
{
  const double *d;
  const float  *f;
} TlValues;

/* Returns the value of @row, NAN when absent. */
static inline double
tl_values_get (TlValues values,
               guint    row)
{
  if (values.d != NULL)
    return values.d[row];
  if (values.f != NULL)
    return values.f[row];

  return NAN;
}

TlAccountTable   *tl_account_table_new             (const char * const *headers,
                                                    guint               n_columns);
void              tl_account_table_free            (TlAccountTable     *table);
gboolean          tl_account_table_append_row      (TlAccountTable     *table,
                                                    const char * const *cells,
                                                    const gsize        *lengths,
                                                    guint               n_cells,
                                                    guint64             line);
void              tl_account_table_finish_rows (TlAccountTable   *table);
void              tl_account_table_apply_map       (TlAccountTable     *table,
                                                    const TlFieldMap   *map,
                                                    TlImportReport     *report);

guint             tl_account_table_get_n_rows      (const TlAccountTable *table);
guint             tl_account_table_get_n_columns   (const TlAccountTable *table);
const char       *tl_account_table_get_header      (const TlAccountTable *table,
                                                    guint                 column);
const char *const *tl_account_table_get_headers    (const TlAccountTable *table);
const char       *tl_account_table_get_cell        (const TlAccountTable *table,
                                                    guint                 row,
                                                    guint                 column);
void              tl_account_table_get_row_cells   (const TlAccountTable *table,
                                                    guint                 row,
                                                    const char          **cells);
guint64           tl_account_table_get_line        (const TlAccountTable *table,
                                                    guint                 row);
const TlFieldMap *tl_account_table_get_map         (const TlAccountTable *table);
int               tl_account_table_get_field_column (const TlAccountTable *table,
                                                    TlField               field);
TlValues          tl_account_table_get_values      (const TlAccountTable *table,
                                                    TlField               field);
const char       *tl_account_table_get_currency    (const TlAccountTable *table,
                                                    TlField               field);
const char       *tl_account_table_get_arr_currency (const TlAccountTable *table);
TlScale           tl_account_table_get_scale       (const TlAccountTable *table,
                                                    TlField               field);
const double     *tl_account_table_get_arr         (const TlAccountTable *table);
TlArrSource       tl_account_table_get_arr_source  (const TlAccountTable *table,
                                                    guint                 row);
double            tl_account_table_get_value       (const TlAccountTable *table,
                                                    TlField               field,
                                                    guint                 row);
const char       *tl_account_table_get_text        (const TlAccountTable *table,
                                                    TlField               field,
                                                    guint                 row);
const char       *tl_account_table_get_display_name (const TlAccountTable *table,
                                                    guint                 row);
gboolean          tl_account_table_has_field       (const TlAccountTable *table,
                                                    TlField               field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlAccountTable, tl_account_table_free)

G_END_DECLS
