/* tl-account-combine.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-account-combine"

#include "config.h"

#include <math.h>
#include <string.h>

#include "tl-account-combine.h"
#include "tl-value.h"

/* How the rows of one id are combined into one value of a field. */
typedef enum
{
  RULE_FIRST,       /* the first non-empty cell */
  RULE_SUM,
  RULE_MAX,
  RULE_MEAN,        /* ARR-weighted mean */
  RULE_ANY_YES,     /* yes when any row says yes */
  RULE_ARR,         /* the sum of each row's ARR, MRR x 12 included */
  RULE_RENEWAL,     /* the earliest renewal not in the past */
} Rule;

static Rule
rule_for_field (int field)
{
  switch (field)
    {
    case TL_FIELD_ARR:
      return RULE_ARR;
    case TL_FIELD_MRR:
    case TL_FIELD_SEATS_LICENSED:
    case TL_FIELD_SEATS_USED:
    case TL_FIELD_DAU:
    case TL_FIELD_MAU:
    case TL_FIELD_API_CALLS:
    case TL_FIELD_API_CALLS_PREV:
    case TL_FIELD_FEATURE_REQUESTS:
    case TL_FIELD_ESCALATIONS:
      return RULE_SUM;
    case TL_FIELD_FEATURES_USED:
    case TL_FIELD_FEATURES_AVAILABLE:
    case TL_FIELD_TEAMS:
      return RULE_MAX;
    case TL_FIELD_DAU_MAU:
    case TL_FIELD_ADOPTION:
    case TL_FIELD_CSAT:
    case TL_FIELD_NPS:
    case TL_FIELD_GROWTH:
    case TL_FIELD_HEALTH_EXTERNAL:
      return RULE_MEAN;
    case TL_FIELD_EXEC_SPONSOR:
    case TL_FIELD_CHAMPION:
      return RULE_ANY_YES;
    case TL_FIELD_RENEWAL:
      return RULE_RENEWAL;
    default:
      return RULE_FIRST;
    }
}

/* How many rows ahead find_first_rows() prefetches a slot into the cache. */
#define PREFETCH_ROWS 16

/* An id without the white space at either end, which exports often add:
 * " A1 " and "A1" are one account, while "a1" is another. */
typedef struct
{
  const char *start;
  gsize       len;    /* 0 for an id of only white space */
} IdSpan;

static IdSpan
trim_id (const char *id)
{
  const char *end = id + strlen (id);

  while (id < end && g_ascii_isspace (*id))
    id++;
  while (end > id && g_ascii_isspace (end[-1]))
    end--;

  return (IdSpan) { id, end - id };
}

static gboolean
same_id (IdSpan a,
         IdSpan b)
{
  return a.len == b.len && memcmp (a.start, b.start, a.len) == 0;
}

/* Returns the hash of a non-empty id, as g_str_hash() computes it. Ids like
 * ACC-0000001 differ in their last characters, which that hash leaves in
 * its low bits together, so the bits are mixed to keep linear probing
 * short. */
static guint32
hash_id (IdSpan id)
{
  guint32 h = 5381;

  for (gsize i = 0; i < id.len; i++)
    h = (h << 5) + h + (guchar) id.start[i];

  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;

  return h;
}

/* Returns for each row the first row with the same id, white space at
 * either end aside: the row itself for the first one, or for an empty id.
 * The rows are found in an open-addressing table of row numbers, so a
 * million ids take a few megabytes, where a hash table of strings would
 * take a hundred. A slot contains the hash in its high half and the row
 * number plus one in its low half (0 when empty), so probing compares ids
 * only when their hashes are equal. */
static guint32 *
find_first_rows (const TlAccountTable *table)
{
  guint n_rows = tl_account_table_get_n_rows (table);
  g_autofree guint32 *hashes = g_new (guint32, MAX (n_rows, 1));
  g_autofree guint64 *slots = NULL;
  guint32 *first = g_new (guint32, MAX (n_rows, 1));
  gsize size = 16;

  while (size < (gsize) n_rows * 2)
    size *= 2;
  slots = g_new0 (guint64, size);

  for (guint r = 0; r < n_rows; r++)
    {
      IdSpan id = trim_id (tl_account_table_get_text (table, TL_FIELD_ID, r));

      hashes[r] = id.len > 0 ? hash_id (id) : 0;
      first[r] = r;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      IdSpan id = trim_id (tl_account_table_get_text (table, TL_FIELD_ID, r));
      guint32 h = hashes[r];
      gsize i;

      if (r + PREFETCH_ROWS < n_rows)
        __builtin_prefetch (&slots[hashes[r + PREFETCH_ROWS] & (size - 1)]);
      if (id.len == 0)
        continue;

      for (i = h & (size - 1); slots[i] != 0; i = (i + 1) & (size - 1))
        {
          guint32 other = (guint32) slots[i] - 1;

          if ((guint32) (slots[i] >> 32) == h
              && same_id (trim_id (tl_account_table_get_text (table, TL_FIELD_ID, other)), id))
            break;
        }
      if (slots[i] != 0)
        first[r] = (guint32) slots[i] - 1;
      else
        slots[i] = (guint64) h << 32 | (r + 1);
    }

  return first;
}

/* Groups rows by their id, in the order ids first appear. Rows with an
 * empty id stay alone. */
static GPtrArray *
group_rows (const TlAccountTable *table)
{
  guint n_rows = tl_account_table_get_n_rows (table);
  g_autofree guint32 *first = find_first_rows (table);
  g_autofree guint32 *group_of = g_new (guint32, MAX (n_rows, 1));
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint r = 0; r < n_rows; r++)
    {
      GArray *group;

      if (first[r] == r)
        {
          group_of[r] = groups->len;
          g_ptr_array_add (groups, g_array_new (FALSE, FALSE, sizeof (guint)));
        }
      else
        group_of[r] = group_of[first[r]];

      group = g_ptr_array_index (groups, group_of[r]);
      g_array_append_val (group, r);
    }

  return groups;
}

/* Returns how many rows repeat an id seen on an earlier row. */
guint
tl_account_table_count_repeated_ids (const TlAccountTable *table)
{
  g_autofree guint32 *first = NULL;
  guint n_rows, repeated = 0;

  g_return_val_if_fail (table != NULL, 0);

  if (!tl_account_table_has_field (table, TL_FIELD_ID))
    return 0;

  n_rows = tl_account_table_get_n_rows (table);
  first = find_first_rows (table);
  for (guint r = 0; r < n_rows; r++)
    repeated += first[r] != r;

  return repeated;
}

/* Reports each row that repeats an earlier row's id and is kept apart, and
 * returns how many there are. */
guint
tl_account_table_report_repeated_ids (const TlAccountTable *table,
                                      TlImportReport       *report)
{
  g_autofree guint32 *first = NULL;
  guint repeated = 0;
  int column;

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (report != NULL, 0);

  column = tl_account_table_get_field_column (table, TL_FIELD_ID);
  if (column < 0)
    return 0;

  first = find_first_rows (table);
  for (guint r = 0; r < tl_account_table_get_n_rows (table); r++)
    {
      if (first[r] == r)
        continue;
      repeated++;
      tl_import_report_add (report, TL_ISSUE_REPEATED_ID, tl_account_table_get_line (table, r),
                            column, tl_account_table_get_cell (table, r, column), -1);
    }

  return repeated;
}

static const char *
first_non_empty (const TlAccountTable *table,
                 GArray               *group,
                 guint                 column)
{
  for (guint i = 0; i < group->len; i++)
    {
      const char *cell = tl_account_table_get_cell (table, g_array_index (group, guint, i),
                                                    column);

      if (*cell != '\0')
        return cell;
    }

  return "";
}

static double
row_arr (const TlAccountTable *table,
         guint                 row)
{
  return tl_account_table_get_arr (table)[row];
}

/* Combines the numbers of one field over a group; NAN when no row has one. */
static double
combine_numbers (const TlAccountTable *table,
                 GArray               *group,
                 int                   field,
                 Rule                  rule)
{
  double total = 0, weights = 0, plain_total = 0;
  guint n = 0;

  for (guint i = 0; i < group->len; i++)
    {
      guint row = g_array_index (group, guint, i);
      double v = rule == RULE_ARR ? row_arr (table, row)
                                  : tl_account_table_get_value (table, field, row);
      double w = row_arr (table, row);

      if (isnan (v))
        continue;

      if (rule == RULE_MAX)
        total = n == 0 ? v : MAX (total, v);
      else
        total += rule == RULE_MEAN && !isnan (w) ? v * w : v;
      if (rule == RULE_MEAN && !isnan (w))
        weights += w;
      plain_total += v;
      n++;
    }

  if (n == 0)
    return NAN;
  if (rule != RULE_MEAN)
    return total;

  /* Without any ARR to weigh by, the plain mean. */
  return weights > 0 ? total / weights : plain_total / n;
}

static const char *
combine_yes_no (const TlAccountTable *table,
                GArray               *group,
                int                   field)
{
  gboolean any_no = FALSE;

  for (guint i = 0; i < group->len; i++)
    {
      double v = tl_account_table_get_value (table, field, g_array_index (group, guint, i));

      if (v > 0)
        return "yes";
      any_no |= v == 0;
    }

  return any_no ? "no" : NULL;
}

/* The earliest renewal on or after @today; when all are past, the latest. */
static double
combine_renewal (const TlAccountTable *table,
                 GArray               *group,
                 guint32               today)
{
  double next = NAN, last = NAN;

  for (guint i = 0; i < group->len; i++)
    {
      double v = tl_account_table_get_value (table, TL_FIELD_RENEWAL,
                                             g_array_index (group, guint, i));

      if (isnan (v))
        continue;
      if (v >= today && (isnan (next) || v < next))
        next = v;
      if (isnan (last) || v > last)
        last = v;
    }

  return isnan (next) ? last : next;
}

/* Writes a stored value back in the unit the file uses: growth is read
 * as a percent, so 0.125 is written 12.5. */
static char *
format_number (double value,
               int    field)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (field == TL_FIELD_GROWTH)
    value *= 100.0;

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

static char *
combine_cell (const TlAccountTable *table,
              GArray               *group,
              guint                 column,
              guint32               today)
{
  int field = tl_field_map_get_field_of (tl_account_table_get_map (table), column);
  Rule rule = field >= 0 ? rule_for_field (field) : RULE_FIRST;
  const char *yes_no;
  double v;

  switch (rule)
    {
    case RULE_ANY_YES:
      yes_no = combine_yes_no (table, group, field);
      return g_strdup (yes_no != NULL ? yes_no : first_non_empty (table, group, column));
    case RULE_RENEWAL:
      v = combine_renewal (table, group, today);
      return isnan (v) ? g_strdup (first_non_empty (table, group, column))
                       : tl_value_format_date ((guint32) v);
    case RULE_ARR:
    case RULE_SUM:
    case RULE_MAX:
    case RULE_MEAN:
      /* A group without any readable value keeps its first cell, so that
       * the unreadable text is reported again rather than lost. */
      v = combine_numbers (table, group, field, rule);
      return isnan (v) ? g_strdup (first_non_empty (table, group, column))
                       : format_number (v, field);
    case RULE_FIRST:
    default:
      return g_strdup (first_non_empty (table, group, column));
    }
}

/**
 * tl_account_table_combine_ids:
 * @table: accounts with a map applied, one row per subscription or product
 * @today: the date that decides which renewals are past, as a Julian day
 *
 * Combines the rows of each id into one account. ARR (with MRR x 12 for
 * rows without ARR), MRR, seats, DAU, MAU, API calls, feature requests and
 * escalations are summed. DAU/MAU, adoption, CSAT, NPS, growth and the
 * file's health score take the ARR-weighted mean, or the plain mean when
 * no row has ARR. Features used and available and teams take the maximum,
 * executive sponsor and champion are yes when any row says yes, and the
 * renewal is the earliest one not in the past (the latest when all are
 * past). Every other column takes its first non-empty cell.
 *
 * Returns: (transfer full): a new table with one row per id, in the order
 *   ids first appear; apply the map to it again
 */
TlAccountTable *
tl_account_table_combine_ids (const TlAccountTable *table,
                              guint32               today)
{
  guint n_cols;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(TlAccountTable) combined = NULL;
  g_autofree char **cells = NULL;
  g_autofree gsize *lengths = NULL;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (tl_account_table_get_arr (table) != NULL, NULL);

  n_cols = tl_account_table_get_n_columns (table);
  groups = group_rows (table);
  combined = tl_account_table_new (tl_account_table_get_headers (table), n_cols);
  cells = g_new0 (char *, MAX (n_cols, 1));
  lengths = g_new0 (gsize, MAX (n_cols, 1));

  for (guint g = 0; g < groups->len; g++)
    {
      GArray *group = g_ptr_array_index (groups, g);

      for (guint c = 0; c < n_cols; c++)
        {
          cells[c] = combine_cell (table, group, c, today);
          lengths[c] = strlen (cells[c]);
        }
      tl_account_table_append_row (combined, (const char * const *) cells, lengths, n_cols,
                                   tl_account_table_get_line (table,
                                                              g_array_index (group, guint, 0)));
      for (guint c = 0; c < n_cols; c++)
        g_clear_pointer (&cells[c], g_free);
    }
  tl_account_table_finish_rows (combined);

  g_debug ("combined %u rows into %u accounts", tl_account_table_get_n_rows (table),
           groups->len);

  return g_steal_pointer (&combined);
}
