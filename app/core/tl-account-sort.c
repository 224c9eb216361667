/* tl-account-sort.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-account-sort"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-account-sort.h"
#include "tl-movement.h"
#include "tl-text-ranks.h"

typedef struct
{
  guint64 sort;    /* ordered as the value, see order_key () */
  guint32 row;
} NumberKey;

static int
compare_rows (const void *a,
              const void *b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* Returns the sort value of a row, or NAN when the row has none. */
static double
number_key (const TlAccountTable *table,
            const TlSegmentation *seg,
            TlSortKey             key,
            guint32               row)
{
  switch (key)
    {
    case TL_SORT_ARR:
      return tl_account_table_get_arr (table)[row];
    case TL_SORT_TIER:
      return seg->tier[row] == TL_TIER_NONE ? NAN : seg->tier[row];
    case TL_SORT_HEALTH:
      return seg->health[row] == TL_HEALTH_ABSENT ? NAN : seg->health[row];
    case TL_SORT_EXPANSION:
      return seg->expansion[row] == TL_EXPANSION_NONE ? NAN : seg->expansion[row];
    case TL_SORT_SEATS_USED:
      return tl_account_table_get_value (table, TL_FIELD_SEATS_USED, row);
    case TL_SORT_RENEWAL:
      return tl_account_table_get_value (table, TL_FIELD_RENEWAL, row);
    case TL_SORT_MOVEMENT:
      {
        /* The kinds count up from Promote, in the order of urgency. */
        TlMoveKind kind = tl_movement_get_kind (seg->movement[row]);

        return kind == TL_MOVE_KIND_NONE ? NAN : kind;
      }
    case TL_SORT_NONE:
      return row;
    case TL_SORT_NAME:
    case TL_SORT_OWNER:
    case TL_N_SORT_KEYS:
    default:
      g_assert_not_reached ();
    }
}

/* Puts @order in file order: the rows are distinct, so a pass over a mark
 * per row of the table sorts them in linear time. */
static void
sort_rows (guint32 *order,
           guint    n,
           guint    n_rows)
{
  g_autofree guint8 *present = NULL;
  guint k = 0;

  if (n < 64)
    {
      qsort (order, n, sizeof *order, compare_rows);
      return;
    }

  present = g_new0 (guint8, MAX (n_rows, 1));
  for (guint i = 0; i < n; i++)
    present[order[i]] = 1;
  for (guint r = 0; r < n_rows; r++)
    if (present[r])
      order[k++] = r;
}

/* Maps a double to an unsigned key in the same order: the sign bit is
 * flipped for positive numbers and every bit for negative ones. */
static inline guint64
order_key (double value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);

  return bits & G_GUINT64_CONSTANT (0x8000000000000000) ? ~bits
         : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

/* Sorts by key with a stable radix sort, a byte at a time, skipping the
 * bytes all keys share. */
static void
radix_sort (NumberKey *keys,
            guint      n)
{
  g_autofree NumberKey *buffer = g_new (NumberKey, MAX (n, 1));
  NumberKey *from = keys, *to = buffer;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint counts[257] = { 0 };
      gboolean one_bucket = FALSE;
      NumberKey *swap;

      for (guint i = 0; i < n; i++)
        counts[((from[i].sort >> shift) & 0xff) + 1]++;
      for (guint b = 1; b <= 256; b++)
        one_bucket |= counts[b] == n;
      if (one_bucket)
        continue;

      for (guint b = 0; b < 256; b++)
        counts[b + 1] += counts[b];
      for (guint i = 0; i < n; i++)
        to[counts[(from[i].sort >> shift) & 0xff]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }

  if (from != keys)
    memcpy (keys, from, n * sizeof *keys);
}

/* Returns the sort value of @row, or NAN when the row has none. */
typedef double (*ValueFunc) (gconstpointer data,
                             guint32       row);

/* Writes the rows with a value in sorted order, then those without one in
 * file order. Rows are first put in file order and the sort is stable,
 * so ties keep the file order. */
static void
sort_by_value (ValueFunc     value_of,
               gconstpointer data,
               guint         n_rows,
               gboolean      descending,
               guint32      *order,
               guint         n)
{
  g_autofree NumberKey *keys = g_new (NumberKey, MAX (n, 1));
  g_autofree guint32 *missing = g_new (guint32, MAX (n, 1));
  guint n_keys = 0, n_missing = 0;

  sort_rows (order, n, n_rows);
  for (guint i = 0; i < n; i++)
    {
      double v = value_of (data, order[i]);
      guint64 sort;

      if (isnan (v))
        {
          missing[n_missing++] = order[i];
          continue;
        }
      sort = order_key (v + 0.0);   /* -0.0 is 0 */
      keys[n_keys++] = (NumberKey) { descending ? ~sort : sort, order[i] };
    }

  radix_sort (keys, n_keys);

  for (guint i = 0; i < n_keys; i++)
    order[i] = keys[i].row;
  memcpy (order + n_keys, missing, n_missing * sizeof *missing);
}

typedef struct
{
  const TlAccountTable *table;
  const TlSegmentation *seg;
  TlSortKey             key;
} NumberColumn;

static double
number_value (gconstpointer data,
              guint32       row)
{
  const NumberColumn *column = data;

  return number_key (column->table, column->seg, column->key, row);
}

static double
rank_value (gconstpointer data,
            guint32       row)
{
  const guint32 *ranks = data;

  return ranks[row] == TL_TEXT_RANK_NONE ? NAN : ranks[row];
}

/**
 * tl_account_sort_by_ranks:
 * @ranks: one rank per row of the table, as tl_text_ranks_compute() gives
 *   them
 * @n_rows: the rows of the table
 * @descending: whether the highest rank comes first
 * @order: (inout): the rows to sort, by index
 * @n: their number
 *
 * Sorts row indices by rank, as tl_account_sort() sorts them by text: rows
 * with %TL_TEXT_RANK_NONE come last in both directions, and rows that tie
 * keep the file order.
 */
void
tl_account_sort_by_ranks (const guint32 *ranks,
                          guint          n_rows,
                          gboolean       descending,
                          guint32       *order,
                          guint          n)
{
  g_return_if_fail (ranks != NULL || n == 0);
  g_return_if_fail (order != NULL || n == 0);

  sort_by_value (rank_value, ranks, n_rows, descending, order, n);
}

/**
 * tl_sort_key_get_text_field:
 * @key: a sort key
 *
 * Returns: the text field that @key sorts by, as tl_text_ranks_compute()
 *   takes it: %TL_FIELD_NAME for the name the table shows, %TL_FIELD_OWNER,
 *   or %TL_N_FIELDS for a key that sorts by number
 */
TlField
tl_sort_key_get_text_field (TlSortKey key)
{
  switch (key)
    {
    case TL_SORT_NAME:
      return TL_FIELD_NAME;
    case TL_SORT_OWNER:
      return TL_FIELD_OWNER;
    default:
      return TL_N_FIELDS;
    }
}

/* Sorts by text in the user's collation, empty text last. */
static void
sort_texts (const TlAccountTable *table,
            TlField               field,
            gboolean              descending,
            guint32              *order,
            guint                 n)
{
  g_autofree guint32 *ranks = tl_text_ranks_compute (table, field, NULL);

  tl_account_sort_by_ranks (ranks, tl_account_table_get_n_rows (table),
                            descending, order, n);
}

/**
 * tl_account_sort:
 * @table: the accounts
 * @segmentation: their results
 * @key: the column to sort by
 * @descending: whether the highest value comes first
 * @order: (inout): the rows to sort, by index
 * @n: their number
 *
 * Sorts row indices. Numbers sort as numbers and text in the user's
 * collation; rows without a value come last in both directions, and rows
 * that tie keep the file order. %TL_SORT_MOVEMENT sorts by the kind of move
 * the row shows: Promote, Demote, Review, then Watch, ascending. %TL_SORT_NONE
 * restores the file order.
 */
void
tl_account_sort (const TlAccountTable *table,
                 const TlSegmentation *segmentation,
                 TlSortKey             key,
                 gboolean              descending,
                 guint32              *order,
                 guint                 n)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (segmentation != NULL);
  g_return_if_fail (order != NULL || n == 0);
  g_return_if_fail (key < TL_N_SORT_KEYS);

  if (key == TL_SORT_NONE)
    qsort (order, n, sizeof *order, compare_rows);
  else if (tl_sort_key_get_text_field (key) != TL_N_FIELDS)
    sort_texts (table, tl_sort_key_get_text_field (key), descending, order, n);
  else
    {
      NumberColumn column = { table, segmentation, key };

      sort_by_value (number_value, &column, tl_account_table_get_n_rows (table),
                     descending, order, n);
    }
}
