/* tl-account-table-parse.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-account-table-parse"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-account-table-private.h"
#include "tl-value.h"

/* Typed values under a map. All cells are read in one pass, split by rows
 * over the processor cores, assuming a decimal point and month-first
 * dates; votes gathered on the way decide each column's real decimal mark
 * and date order, and the rare column that needs another is read again.
 * Issues are reported afterwards, in the order of rows and columns. */

/* Fewer rows are read on one thread: starting others costs more. */
#define ROWS_PER_THREAD 20000
#define MAX_THREADS 4

typedef struct
{
  TlField       field;
  TlFieldKind   kind;
  guint         column;
  TlColumnStyle style;
  TlDecimalMark mark;
  TlDateOrder   order;
  guint         n_values;
  guint         n_percent;    /* values written with % */
  double        min;
  double        max;
  gint64        first_day_month_row;  /* first date written 3/4/2027, or -1 */
  char         *currency;     /* the one currency its amounts name, or NULL */
  gint64        currency_row; /* the first amount that names a currency, or -1 */
  gboolean      currencies_differ;
  gint64        other_currency_row;  /* the first amount in another currency, or -1 */
  guint         first_row;    /* the first row that this thread's state reads */
  gboolean      wide;         /* its rows from first_row are stored as doubles */
} ColumnParse;

/* An issue found while reading, reported once every column is decided. */
typedef struct
{
  guint32 row;
  guint16 column;
  guint8  kind;
} Pending;

/* The rows one thread reads, with its own column state. */
typedef struct
{
  TlAccountTable *table;
  const int      *col_of;      /* index into cols by table column, or -1 */
  guint           last_column; /* one past the last column read */
  guint           first_row;
  guint           end_row;
  ColumnParse     cols[TL_N_FIELDS];
  guint           n_cols;
  GArray         *pending;
} Share;

/* Turns a parsed number into what the field stores. */
static double
store_number (ColumnParse   *col,
              double         v,
              TlNumberFlags  flags)
{
  gboolean percent = (flags & TL_NUMBER_PERCENT) != 0;

  switch (col->kind)
    {
    case TL_FIELD_KIND_RATIO:
      /* 0.35, 35 % and 35 all mean 35 percent. */
      return !percent && v > 1.0 ? v / 100.0 : v;
    case TL_FIELD_KIND_PERCENT:
      /* A plain 12.5 means 12.5 percent. */
      return percent ? v : v / 100.0;
    case TL_FIELD_KIND_SCORE:
      /* "85%" is 85 on a 0-100 scale. */
      return percent ? v * 100.0 : v;
    case TL_FIELD_KIND_MONEY:
    case TL_FIELD_KIND_COUNT:
    case TL_FIELD_KIND_TEXT:
    case TL_FIELD_KIND_BOOLEAN:
    case TL_FIELD_KIND_DATE:
    default:
      return v;
    }
}


/* Returns whether two currencies from tl_value_find_currency() are the
 * same: a symbol and its ISO code, as "$" and "USD", count as one. */
static gboolean
same_currency (const char *a,
               const char *b)
{
  static const char *const symbols[][2] = {
    { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "₹", "INR" },
    { "C$", "CAD" }, { "A$", "AUD" }, { "R$", "BRL" }, { "CHF", "CHF" },
  };
  const char *code_a = a;
  const char *code_b = b;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      if (strcmp (a, symbols[i][0]) == 0)
        code_a = symbols[i][1];
      if (strcmp (b, symbols[i][0]) == 0)
        code_b = symbols[i][1];
    }

  return strcmp (code_a, code_b) == 0;
}

static void
note_currency (ColumnParse *col,
               const char  *text,
               gsize        len)
{
  g_autofree char *currency = NULL;

  if (col->currencies_differ)
    return;

  currency = tl_value_find_currency (text, len);
  if (currency == NULL)
    return;
  if (col->currency == NULL)
    col->currency = g_steal_pointer (&currency);
  else if (!same_currency (col->currency, currency))
    col->currencies_differ = TRUE;
}

static TlParseResult
parse_cell (ColumnParse *col,
            const char  *text,
            gsize        len,
            double      *out)
{
  TlParseResult r;
  double v;
  TlNumberFlags flags = 0;
  gboolean b = FALSE;
  guint32 day = 0;

  switch (col->kind)
    {
    case TL_FIELD_KIND_BOOLEAN:
      r = tl_value_parse_boolean (text, len, &b);
      *out = b ? 1.0 : 0.0;
      return r;
    case TL_FIELD_KIND_DATE:
      r = tl_value_parse_date (text, len, col->order, &day);
      *out = day;
      return r;
    case TL_FIELD_KIND_MONEY:
    case TL_FIELD_KIND_COUNT:
    case TL_FIELD_KIND_RATIO:
    case TL_FIELD_KIND_PERCENT:
    case TL_FIELD_KIND_SCORE:
    case TL_FIELD_KIND_TEXT:
    default:
      r = tl_value_parse_number (text, len, col->mark, &v, &flags);
      if (r == TL_PARSE_OK && (flags & TL_NUMBER_PERCENT)
          && (col->kind == TL_FIELD_KIND_MONEY || col->kind == TL_FIELD_KIND_COUNT))
        return TL_PARSE_INVALID;
      if (r == TL_PARSE_OK && (flags & TL_NUMBER_PERCENT))
        col->n_percent++;
      if (r == TL_PARSE_OK && (flags & TL_NUMBER_CURRENCY) && col->kind == TL_FIELD_KIND_MONEY)
        note_currency (col, text, len);
      *out = store_number (col, v, flags);
      return r;
    }
}


/* Decides the scale of a CSAT, NPS or external health column from its
 * values. A column written with % is percent; 1..5 is checked before
 * 0..10 because it lies inside it. NPS: any value outside 0..10 makes the
 * column -100..100. */
static TlScale
decide_scale (const ColumnParse *col)
{
  if (col->n_values == 0)
    return TL_SCALE_NONE;

  if (col->field == TL_FIELD_NPS)
    return col->min < 0 || col->max > 10 ? TL_SCALE_NPS : TL_SCALE_ZERO_TO_TEN;

  if (col->n_percent == col->n_values)
    return TL_SCALE_PERCENT;
  if (col->min >= 1 && col->max <= 5)
    return TL_SCALE_ONE_TO_FIVE;
  if (col->min >= 0 && col->max <= 10)
    return TL_SCALE_ZERO_TO_TEN;

  return TL_SCALE_PERCENT;
}


static void
clear_typed (TlAccountTable *self)
{
  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      g_clear_pointer (&self->currency[f], g_free);
      g_clear_pointer (&self->values[f], g_free);
      g_clear_pointer (&self->floats[f], g_free);
      g_clear_pointer (&self->text_offsets[f], g_free);
      self->scale[f] = TL_SCALE_NONE;
    }
  g_clear_pointer (&self->arr, g_free);
  g_clear_pointer (&self->arr_source, g_free);
}


/* ARR is the ARR cell, or 12 x MRR when that cell is empty. A negative
 * amount is invalid and gives no ARR. */
static void
compute_arr (TlAccountTable *self,
             TlImportReport *report)
{
  guint n_rows = self->row_offsets->len;
  TlValues arr = tl_account_table_get_values (self, TL_FIELD_ARR);
  TlValues mrr = tl_account_table_get_values (self, TL_FIELD_MRR);

  self->arr = _tl_account_table_alloc_large (sizeof (double) * MAX (n_rows, 1));
  self->arr_source = g_new0 (guint8, MAX (n_rows, 1));

  for (guint r = 0; r < n_rows; r++)
    {
      TlField from = TL_FIELD_ARR;
      double v = tl_values_get (arr, r);

      if (isnan (v) && !isnan (tl_values_get (mrr, r)))
        {
          from = TL_FIELD_MRR;
          v = 12.0 * tl_values_get (mrr, r);
        }

      if (isnan (v))
        {
          self->arr_source[r] = TL_ARR_SOURCE_NONE;
          if (report != NULL)
            tl_import_report_add (report, TL_ISSUE_MISSING_ARR,
                                  g_array_index (self->lines, guint32, r), -1, NULL, 0);
        }
      else if (v < 0)
        {
          int column = tl_field_map_get_column (self->map, from);

          self->arr_source[r] = TL_ARR_SOURCE_INVALID;
          v = NAN;
          if (report != NULL)
            tl_import_report_add (report, TL_ISSUE_NEGATIVE_ARR,
                                  g_array_index (self->lines, guint32, r), column,
                                  tl_account_table_get_cell (self, r, column), -1);
        }
      else
        self->arr_source[r] = from == TL_FIELD_ARR ? TL_ARR_SOURCE_ARR : TL_ARR_SOURCE_MRR;

      self->arr[r] = v;
    }
}


/* Keeps a column as floats when every value is exactly a float, as whole
 * counts below 16,777,216 are: half the memory, and no value changes. The
 * columns read once are stored this way as they are read, and a column
 * read again is stored as doubles until this check. */
static void
store_as_floats_if_exact (TlAccountTable *self,
                          TlField         field)
{
  const double *values = self->values[field];
  guint n = self->row_offsets->len;
  float *floats;

  if (values == NULL)
    return;
  for (guint r = 0; r < n; r++)
    if (!isnan (values[r]) && (double) (float) values[r] != values[r])
      return;

  floats = g_new (float, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    floats[r] = (float) values[r];
  g_clear_pointer (&self->values[field], g_free);
  self->floats[field] = floats;
}


static gboolean
is_day_month_date (const char *text,
                   gsize       len)
{
  gsize digits = 0;

  while (digits < len && g_ascii_isdigit (text[digits]))
    digits++;

  return digits >= 1 && digits <= 2 && digits < len
         && (text[digits] == '/' || text[digits] == '-');
}


/* Notes the range of a score column's values, from which its scale is
 * decided. */
static void
note_value (ColumnParse *col,
            double       v)
{
  if (col->kind != TL_FIELD_KIND_SCORE || isnan (v))
    return;

  col->min = col->n_values == 0 ? v : MIN (col->min, v);
  col->max = col->n_values == 0 ? v : MAX (col->max, v);
  col->n_values++;
}

static gboolean
has_separator (const char *text,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (text[i] == '.' || text[i] == ',' || text[i] == '/' || text[i] == '-')
      return TRUE;

  return FALSE;
}

static void
add_pending (GArray     *pending,
             guint       row,
             guint       column,
             TlIssueKind kind)
{
  Pending p = { row, column, kind };

  g_array_append_val (pending, p);
}

static TlIssueKind
invalid_kind (const ColumnParse *col)
{
  return col->kind == TL_FIELD_KIND_BOOLEAN ? TL_ISSUE_INVALID_BOOLEAN
         : col->kind == TL_FIELD_KIND_DATE ? TL_ISSUE_INVALID_DATE
         : TL_ISSUE_INVALID_NUMBER;
}

/* Returns the column's doubles, allocating them on the first call from any
 * thread. */
static double *
get_doubles (TlAccountTable *table,
             TlField         field)
{
  double *values = g_atomic_pointer_get (&table->values[field]);
  double *fresh;

  if (values != NULL)
    return values;

  fresh = _tl_account_table_alloc_large (sizeof (double)
                                         * MAX (tl_account_table_get_n_rows (table), 1));
  if (g_atomic_pointer_compare_and_exchange (&table->values[field], NULL, fresh))
    return fresh;
  g_free (fresh);

  return g_atomic_pointer_get (&table->values[field]);
}

/* Copies the column's floats from @col's first row up to @end_row into its
 * doubles, and stores the next rows of @col as doubles. */
static void
widen (TlAccountTable *table,
       ColumnParse    *col,
       guint           end_row)
{
  double *values = get_doubles (table, col->field);
  const float *floats = table->floats[col->field];

  for (guint r = col->first_row; r < end_row; r++)
    values[r] = floats[r];
  col->wide = TRUE;
}

/* Stores a value as a float while every value that @col stored is exactly
 * a float, as whole counts below 16,777,216 are. From the first value that
 * is not, @col stores doubles. */
static inline void
store_value (TlAccountTable *table,
             ColumnParse    *col,
             guint           row,
             double          v)
{
  if (!col->wide && (isnan (v) || (double) (float) v == v))
    {
      table->floats[col->field][row] = (float) v;
      return;
    }

  if (!col->wide)
    widen (table, col, row);
  table->values[col->field][row] = v;
}

/* Notes where the column's currencies are first seen, then adds the
 * cell's value. */
static inline void
finish_cell (TlAccountTable *table,
             ColumnParse    *col,
             guint           row,
             double          v)
{
  if (col->currency != NULL && col->currency_row < 0)
    col->currency_row = row;
  if (col->currencies_differ && col->other_currency_row < 0)
    col->other_currency_row = row;

  note_value (col, v);
  store_value (table, col, row, v);
}

/* Reads one typed cell with the column's current mark and order. */
static void
read_cell (TlAccountTable *table,
           ColumnParse    *col,
           GArray         *pending,
           guint           row,
           const char     *text,
           gsize           len)
{
  double v = NAN;
  TlParseResult r = parse_cell (col, text, len, &v);

  if (r == TL_PARSE_INVALID)
    add_pending (pending, row, col->column, invalid_kind (col));
  if (r != TL_PARSE_OK)
    v = NAN;
  else if (col->kind == TL_FIELD_KIND_DATE && col->first_day_month_row < 0
           && is_day_month_date (text, len))
    col->first_day_month_row = row;

  finish_cell (table, col, row, v);
}

static gboolean
is_number_kind (TlFieldKind kind)
{
  return kind != TL_FIELD_KIND_TEXT && kind != TL_FIELD_KIND_BOOLEAN
         && kind != TL_FIELD_KIND_DATE;
}

/* Reads a number cell of 1 to 15 digits, the most common form, in one pass
 * that also finds its length. The value is the one read_cell() gives, and
 * such a cell casts no vote on the decimal mark. Returns FALSE for any
 * other cell. */
static gboolean
read_digits (TlAccountTable *table,
             ColumnParse    *col,
             guint           row,
             const char     *text,
             gsize          *len)
{
  guint64 digits = 0;
  gsize n = 0;

  while (n <= 15 && g_ascii_isdigit (text[n]))
    {
      digits = digits * 10 + (text[n] - '0');
      n++;
    }
  if (n == 0 || n > 15 || text[n] != '\0')
    return FALSE;

  *len = n;
  finish_cell (table, col, row, store_number (col, (double) digits, 0));

  return TRUE;
}

/* Reads the cell at @p of row @r into @col and returns its length. */
static gsize
read_mapped_cell (Share       *share,
                  ColumnParse *col,
                  guint        r,
                  const char  *start,
                  const char  *p)
{
  TlAccountTable *table = share->table;
  gsize len;

  if (is_number_kind (col->kind) && read_digits (table, col, r, p, &len))
    return len;

  len = strlen (p);
  if (col->kind == TL_FIELD_KIND_TEXT)
    {
      table->text_offsets[col->field][r] = p - start;
      return len;
    }

  /* An ISO date casts no vote: it has no point or comma, and no separator
   * after its first one or two digits. */
  if (has_separator (p, len)
      && !(col->kind == TL_FIELD_KIND_DATE && tl_value_is_iso_date (p, len)))
    tl_column_style_add (&col->style, p, len);
  read_cell (table, col, share->pending, r, p, len);

  return len;
}

static gpointer
read_share (gpointer data)
{
  Share *share = data;
  TlAccountTable *table = share->table;

  for (guint r = share->first_row; r < share->end_row; r++)
    {
      const char *start = _tl_account_table_row_start (table, r);
      const char *p = start;

      for (guint c = 0; c < share->last_column; c++)
        {
          int i = share->col_of[c];
          gsize len;

          if (i >= 0)
            len = read_mapped_cell (share, &share->cols[i], r, start, p);
          else
            len = strlen (p);
          p += len + 1;
        }
    }

  return NULL;
}

/* Adds the votes and statistics of @from to @into. */
static void
merge_column (ColumnParse       *into,
              const ColumnParse *from)
{
  into->style.point_votes += from->style.point_votes;
  into->style.comma_votes += from->style.comma_votes;
  into->style.month_first_votes += from->style.month_first_votes;
  into->style.day_first_votes += from->style.day_first_votes;
  into->style.slashed_dates += from->style.slashed_dates;
  into->n_percent += from->n_percent;
  if (from->n_values > 0)
    {
      into->min = into->n_values > 0 ? MIN (into->min, from->min) : from->min;
      into->max = into->n_values > 0 ? MAX (into->max, from->max) : from->max;
      into->n_values += from->n_values;
    }
  if (into->first_day_month_row < 0)
    into->first_day_month_row = from->first_day_month_row;

  /* The rows of @from come after those of @into. */
  if (!into->currencies_differ && from->currency != NULL && into->currency != NULL
      && !same_currency (from->currency, into->currency))
    {
      into->currencies_differ = TRUE;
      into->other_currency_row = from->currency_row;
    }
  else if (!into->currencies_differ && from->currencies_differ)
    {
      into->currencies_differ = TRUE;
      into->other_currency_row = from->other_currency_row;
    }
  if (from->currency != NULL && into->currency == NULL)
    {
      into->currency = g_strdup (from->currency);
      into->currency_row = from->currency_row;
    }
}

/* Finishes a column that some thread stored as doubles. The rows of the
 * threads that stored floats are copied into the doubles, and the floats
 * are freed. */
static void
finish_wide_column (Share *shares,
                    guint  n_shares,
                    guint  i)
{
  TlAccountTable *table = shares[0].table;
  TlField field = shares[0].cols[i].field;

  if (table->values[field] == NULL)
    return;

  for (guint s = 0; s < n_shares; s++)
    if (!shares[s].cols[i].wide)
      widen (table, &shares[s].cols[i], shares[s].end_row);
  g_clear_pointer (&table->floats[field], g_free);
}

/* Reads every row on up to MAX_THREADS threads and merges their results
 * into @shares[0]. */
static void
read_all (Share *shares,
          guint  n_shares)
{
  GThread *threads[MAX_THREADS] = { NULL };

  for (guint s = 1; s < n_shares; s++)
    threads[s] = g_thread_new ("tl-parse", read_share, &shares[s]);
  read_share (&shares[0]);

  for (guint s = 1; s < n_shares; s++)
    {
      g_thread_join (threads[s]);
      for (guint i = 0; i < shares[0].n_cols; i++)
        merge_column (&shares[0].cols[i], &shares[s].cols[i]);
      g_array_append_vals (shares[0].pending, shares[s].pending->data, shares[s].pending->len);
      g_array_unref (shares[s].pending);
    }

  for (guint i = 0; i < shares[0].n_cols; i++)
    finish_wide_column (shares, n_shares, i);
}

/* Reads a column again with its decided mark and order, replacing its
 * values, statistics and pending issues. */
static void
reread_column (TlAccountTable *table,
               ColumnParse    *col,
               GArray         *pending)
{
  guint n_rows = tl_account_table_get_n_rows (table);

  for (guint i = pending->len; i > 0; i--)
    if (g_array_index (pending, Pending, i - 1).column == col->column)
      g_array_remove_index (pending, i - 1);

  col->n_values = 0;
  col->n_percent = 0;
  col->first_day_month_row = -1;
  col->first_row = 0;
  if (table->floats[col->field] != NULL)
    {
      widen (table, col, n_rows);
      g_clear_pointer (&table->floats[col->field], g_free);
    }
  col->wide = TRUE;
  for (guint r = 0; r < n_rows; r++)
    {
      const char *cell = tl_account_table_get_cell (table, r, col->column);

      read_cell (table, col, pending, r, cell, strlen (cell));
    }
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;

  return (x->kind > y->kind) - (x->kind < y->kind);
}

/* Decides each column's decimal mark, date order and scale, reading again
 * the columns whose votes contradict the assumed point and month-first
 * order, and notes date columns left ambiguous. */
static void
decide_columns (TlAccountTable *table,
                Share          *share)
{
  GArray *pending = share->pending;
  gboolean reread = FALSE;

  for (guint i = 0; i < share->n_cols; i++)
    {
      ColumnParse *col = &share->cols[i];

      if (col->kind == TL_FIELD_KIND_TEXT)
        continue;

      col->mark = tl_column_style_get_mark (&col->style);
      col->order = tl_column_style_get_order (&col->style);
      if ((col->kind != TL_FIELD_KIND_DATE && col->mark != TL_DECIMAL_POINT)
          || (col->kind == TL_FIELD_KIND_DATE && col->order == TL_DATE_ORDER_DAY_FIRST))
        {
          g_debug ("reading column %u again with its own decimal mark or date order",
                   col->column);
          reread_column (table, col, pending);
          reread = TRUE;
        }

      if (col->kind == TL_FIELD_KIND_DATE && col->order == TL_DATE_ORDER_UNKNOWN
          && col->first_day_month_row >= 0)
        add_pending (pending, col->first_day_month_row, col->column, TL_ISSUE_AMBIGUOUS_DATES);
      if (col->kind == TL_FIELD_KIND_SCORE)
        table->scale[col->field] = decide_scale (col);
      if (col->currencies_differ && col->other_currency_row >= 0)
        add_pending (pending, col->other_currency_row, col->column, TL_ISSUE_MIXED_CURRENCIES);
    }

  /* Rows are in order from the threads; reread columns and ambiguities are
   * not. */
  if (reread || pending->len > 0)
    g_array_sort (pending, compare_pending);
}

static void
report_pending (TlAccountTable *table,
                GArray         *pending,
                TlImportReport *report)
{
  for (guint i = 0; report != NULL && i < pending->len; i++)
    {
      const Pending *p = &g_array_index (pending, Pending, i);

      tl_import_report_add (report, p->kind, tl_account_table_get_line (table, p->row),
                            p->column, tl_account_table_get_cell (table, p->row, p->column), -1);
    }
}

static void
allocate_column (TlAccountTable *self,
                 ColumnParse    *col)
{
  guint n = MAX (tl_account_table_get_n_rows (self), 1);

  if (col->kind == TL_FIELD_KIND_TEXT)
    {
      self->text_offsets[col->field] = _tl_account_table_alloc_large (sizeof (guint32) * n);
      memset (self->text_offsets[col->field], 0, sizeof (guint32) * n);
    }
  else
    self->floats[col->field] = _tl_account_table_alloc_large (sizeof (float) * n);
}

/* Lists the mapped columns in @share and indexes them by table column. */
static void
plan_columns (TlAccountTable   *table,
              const TlFieldMap *map,
              Share            *share,
              int              *col_of)
{
  for (guint c = 0; c < tl_account_table_get_n_columns (table); c++)
    col_of[c] = -1;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      int c = tl_field_map_get_column (map, f);
      ColumnParse *col = &share->cols[share->n_cols];

      if (c < 0 || (guint) c >= tl_account_table_get_n_columns (table))
        continue;

      memset (col, 0, sizeof *col);
      col->field = f;
      col->kind = tl_field_get_kind (f);
      col->column = c;
      col->first_day_month_row = -1;
      col->currency_row = -1;
      col->other_currency_row = -1;
      col_of[c] = share->n_cols++;
      share->last_column = MAX (share->last_column, (guint) c + 1);
      allocate_column (table, col);
    }
}

/* Keeps each money column's currency when its amounts name only one, and
 * frees the threads' copies. */
static void
keep_currencies (TlAccountTable *table,
                 Share          *shares,
                 guint           n_shares)
{
  for (guint i = 0; i < shares[0].n_cols; i++)
    {
      ColumnParse *col = &shares[0].cols[i];

      if (col->currency != NULL && !col->currencies_differ)
        table->currency[col->field] = g_strdup (col->currency);
    }

  for (guint s = 0; s < n_shares; s++)
    for (guint i = 0; i < shares[s].n_cols; i++)
      g_clear_pointer (&shares[s].cols[i].currency, g_free);
}

/**
 * tl_account_table_apply_map:
 * @table: a table whose rows are finished
 * @map: which column holds which field
 * @report: (nullable): where unreadable cells are reported
 *
 * Parses the mapped columns into typed values. Each column's decimal mark
 * and date order are decided from all its cells, so that "1.234" in a
 * column of "1.234,56" values is 1234. A cell that cannot be read is
 * absent for that account and reported; it never becomes 0.
 */
void
tl_account_table_apply_map (TlAccountTable   *table,
                            const TlFieldMap *map,
                            TlImportReport   *report)
{
  guint n_rows, n_shares;
  g_autofree int *col_of = NULL;
  Share shares[MAX_THREADS];

  g_return_if_fail (table != NULL);
  g_return_if_fail (map != NULL);

  clear_typed (table);
  g_clear_pointer (&table->map, tl_field_map_free);
  table->map = tl_field_map_copy (map);

  n_rows = tl_account_table_get_n_rows (table);
  n_shares = CLAMP (MIN (g_get_num_processors (), n_rows / ROWS_PER_THREAD), 1, MAX_THREADS);
  col_of = g_new (int, MAX (table->n_columns, 1));

  memset (&shares[0], 0, sizeof shares[0]);
  shares[0].table = table;
  shares[0].col_of = col_of;
  plan_columns (table, map, &shares[0], col_of);
  for (guint s = 0; s < n_shares; s++)
    {
      if (s > 0)
        shares[s] = shares[0];
      shares[s].first_row = (guint) ((guint64) n_rows * s / n_shares);
      shares[s].end_row = (guint) ((guint64) n_rows * (s + 1) / n_shares);
      for (guint i = 0; i < shares[s].n_cols; i++)
        shares[s].cols[i].first_row = shares[s].first_row;
      shares[s].pending = g_array_new (FALSE, FALSE, sizeof (Pending));
    }

  read_all (shares, n_shares);
  decide_columns (table, &shares[0]);
  keep_currencies (table, shares, n_shares);
  report_pending (table, shares[0].pending, report);
  g_array_unref (shares[0].pending);

  compute_arr (table, report);
  for (guint f = 0; f < TL_N_FIELDS; f++)
    store_as_floats_if_exact (table, f);
  if (report != NULL)
    tl_import_report_set_n_accounts (report, n_rows);
}
