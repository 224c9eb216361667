/* tl-account-table.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-account-table"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-account-table.h"
#include "tl-value.h"

/* Cell text lives in blocks of this size; a row never spans two blocks, and
 * a row larger than a block gets a block of its own. */
#define BLOCK_SIZE (4 * 1024 * 1024)

struct _TlAccountTable
{
  guint       n_columns;
  GPtrArray  *headers;        /* NULL-terminated */
  GArray     *has_content;    /* gboolean per column */

  GPtrArray  *blocks;
  gsize       block_used;
  GArray     *row_offsets;    /* guint64: block index << 32 | offset */
  GArray     *lines;          /* guint64 line of each row */

  TlFieldMap *map;
  double     *values[TL_N_FIELDS];   /* every typed field, NAN when absent */
  TlScale     scale[TL_N_FIELDS];
  double     *arr;
  guint8     *arr_source;
};

/**
 * tl_account_table_new:
 * @headers: the header cells
 * @n_columns: their number
 *
 * Creates an empty table with one column per header.
 *
 * Returns: (transfer full): the table
 */
TlAccountTable *
tl_account_table_new (const char * const *headers,
                      guint               n_columns)
{
  TlAccountTable *self = g_new0 (TlAccountTable, 1);

  g_return_val_if_fail (headers != NULL || n_columns == 0, NULL);

  self->n_columns = n_columns;
  self->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (self->headers, g_utf8_make_valid (headers[c], -1));
  g_ptr_array_add (self->headers, NULL);

  self->has_content = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->has_content, n_columns);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->row_offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  return self;
}

void
tl_account_table_free (TlAccountTable *table)
{
  if (table == NULL)
    return;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    g_free (table->values[f]);
  g_free (table->arr);
  g_free (table->arr_source);
  g_clear_pointer (&table->map, tl_field_map_free);
  g_ptr_array_unref (table->headers);
  g_array_unref (table->has_content);
  g_ptr_array_unref (table->blocks);
  g_array_unref (table->row_offsets);
  g_array_unref (table->lines);
  g_free (table);
}

/* Returns room for @size bytes, in a new block when the last one is full. */
static char *
reserve (TlAccountTable *self,
         gsize           size,
         guint64        *offset)
{
  char *block;

  if (self->blocks->len == 0 || self->block_used + size > BLOCK_SIZE)
    {
      g_ptr_array_add (self->blocks, g_malloc (MAX (size, BLOCK_SIZE)));
      self->block_used = 0;
    }

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  *offset = ((guint64) (self->blocks->len - 1) << 32) | self->block_used;
  self->block_used += size;

  return block + (*offset & 0xffffffff);
}

static gsize
copy_cell (char       *dest,
           const char *text,
           gsize       len)
{
  memcpy (dest, text, len);
  dest[len] = '\0';

  return len + 1;
}

/**
 * tl_account_table_append_row:
 * @table: a table
 * @cells: the row's cells
 * @lengths: their lengths in bytes
 * @n_cells: their number; missing cells are empty, extra ones are dropped
 * @line: the line of the file the row starts on
 *
 * Adds a row. Text that is not valid UTF-8 is stored with U+FFFD in place
 * of each invalid byte.
 */
void
tl_account_table_append_row (TlAccountTable     *table,
                             const char * const *cells,
                             const gsize        *lengths,
                             guint               n_cells,
                             guint64             line)
{
  gsize size = 0;
  guint64 offset;
  char *dest;
  g_autoptr(GPtrArray) repaired = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (table != NULL);

  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *text = c < n_cells ? cells[c] : "";
      gsize len = c < n_cells ? lengths[c] : 0;

      if (len > 0 && !g_utf8_validate_len (text, len, NULL))
        {
          char *valid = g_utf8_make_valid (text, len);

          g_ptr_array_add (repaired, valid);
          len = strlen (valid);
        }
      else
        g_ptr_array_add (repaired, NULL);

      if (len > 0)
        g_array_index (table->has_content, gboolean, c) = TRUE;
      size += len + 1;
    }

  dest = reserve (table, size, &offset);
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *fixed = g_ptr_array_index (repaired, c);

      if (fixed != NULL)
        dest += copy_cell (dest, fixed, strlen (fixed));
      else if (c < n_cells)
        dest += copy_cell (dest, cells[c], lengths[c]);
      else
        dest += copy_cell (dest, "", 0);
    }

  g_array_append_val (table->row_offsets, offset);
  g_array_append_val (table->lines, line);
}

static gboolean
header_is_blank (const char *header)
{
  for (const char *p = header; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Returns @base when @try_base and no header has it, else "@base (N)"
 * with the smallest N from 2 that no header has. @next holds the N to try
 * first for each base: every smaller one is taken already, so a header
 * repeated in thousands of columns is numbered in linear time. */
static char *
unique_header (const char *base,
               GHashTable *taken,
               GHashTable *next,
               gboolean    try_base)
{
  if (try_base && !g_hash_table_contains (taken, base))
    return g_strdup (base);

  for (guint n = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (next, base)), 2); ; n++)
    {
      char *name = g_strdup_printf ("%s (%u)", base, n);

      if (!g_hash_table_contains (taken, name))
        {
          g_hash_table_insert (next, g_strdup (base), GUINT_TO_POINTER (n + 1));
          return name;
        }
      g_free (name);
    }
}

/* Names blank headers after their position and numbers repeated headers:
 * "Notes", "Notes (2)". The file's own headers are reserved first, so a
 * generated name never renames a header that is unique in the file. */
static void
name_headers (TlAccountTable *self)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      char *header = g_ptr_array_index (self->headers, c);

      g_strstrip (header);
      if (*header != '\0')
        g_hash_table_add (taken, g_strdup (header));
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      char **header = (char **) &g_ptr_array_index (self->headers, c);
      char *renamed;

      if (**header != '\0' && !g_hash_table_contains (kept, *header))
        {
          g_hash_table_add (kept, *header);
          continue;
        }

      if (**header == '\0')
        {
          g_autofree char *base = g_strdup_printf (_("Column %u"), c + 1);

          renamed = unique_header (base, taken, next, TRUE);
        }
      else
        renamed = unique_header (*header, taken, next, FALSE);

      g_hash_table_add (taken, g_strdup (renamed));
      g_free (*header);
      *header = renamed;
    }
}

/**
 * tl_account_table_finish_rows:
 * @table: a table
 *
 * Ends the rows: drops trailing columns that have neither a header nor any
 * text (as spreadsheets write them), then names the remaining blank headers
 * and numbers repeated ones.
 */
void
tl_account_table_finish_rows (TlAccountTable *table)
{
  g_return_if_fail (table != NULL);

  while (table->n_columns > 0
         && header_is_blank (g_ptr_array_index (table->headers, table->n_columns - 1))
         && !g_array_index (table->has_content, gboolean, table->n_columns - 1))
    {
      table->n_columns--;
      g_ptr_array_remove_index (table->headers, table->n_columns);
    }

  name_headers (table);
}

guint
tl_account_table_get_n_rows (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->row_offsets->len;
}

guint
tl_account_table_get_n_columns (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->n_columns;
}

const char *
tl_account_table_get_header (const TlAccountTable *table,
                             guint                 column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return g_ptr_array_index (table->headers, column);
}

/* Returns the headers as a NULL-terminated array. */
const char * const *
tl_account_table_get_headers (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return (const char * const *) table->headers->pdata;
}

static const char *
row_start (const TlAccountTable *self,
           guint                 row)
{
  guint64 offset = g_array_index (self->row_offsets, guint64, row);
  const char *block = g_ptr_array_index (self->blocks, offset >> 32);

  return block + (offset & 0xffffffff);
}

/* Returns a cell's text, "" when the row had no such cell. */
const char *
tl_account_table_get_cell (const TlAccountTable *table,
                           guint                 row,
                           guint                 column)
{
  const char *p;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->row_offsets->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  p = row_start (table, row);
  for (guint c = 0; c < column; c++)
    p += strlen (p) + 1;

  return p;
}

/* Fills @cells with the row's n_columns cells, walking the row once. */
void
tl_account_table_get_row_cells (const TlAccountTable  *table,
                                guint                  row,
                                const char           **cells)
{
  const char *p;

  g_return_if_fail (table != NULL);
  g_return_if_fail (row < table->row_offsets->len);
  g_return_if_fail (cells != NULL);

  p = row_start (table, row);
  for (guint c = 0; c < table->n_columns; c++)
    {
      cells[c] = p;
      p += strlen (p) + 1;
    }
}

/* Returns the line of the file on which the row starts. */
guint64
tl_account_table_get_line (const TlAccountTable *table,
                           guint                 row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < table->lines->len, 0);

  return g_array_index (table->lines, guint64, row);
}

typedef struct
{
  TlField       field;
  TlFieldKind   kind;
  TlColumnStyle style;
  TlDecimalMark mark;
  TlDateOrder   order;
  guint         n_values;
  guint         n_percent;   /* values written with % */
  gboolean      ambiguity_reported;
  double        min;
  double        max;
} ColumnParse;

/* Walks each row's cells once and calls @func for each typed column. */
static void
for_each_typed_cell (TlAccountTable *self,
                     ColumnParse   **by_column,
                     void          (*func) (TlAccountTable *, ColumnParse *, guint,
                                            const char *, gsize, gpointer),
                     gpointer        data)
{
  guint n_rows = self->row_offsets->len;
  guint last = 0;

  for (guint c = 0; c < self->n_columns; c++)
    if (by_column[c] != NULL)
      last = c + 1;

  for (guint r = 0; r < n_rows; r++)
    {
      const char *p = row_start (self, r);

      for (guint c = 0; c < last; c++)
        {
          gsize len = strlen (p);

          if (by_column[c] != NULL)
            func (self, by_column[c], r, p, len, data);
          p += len + 1;
        }
    }
}

static void
vote_cell (TlAccountTable *self,
           ColumnParse    *col,
           guint           row,
           const char     *text,
           gsize           len,
           gpointer        data)
{
  tl_column_style_add (&col->style, text, len);
}

static void
report_invalid (TlAccountTable *self,
                TlImportReport *report,
                ColumnParse    *col,
                guint           row,
                const char     *text,
                gsize           len)
{
  TlIssueKind kind = col->kind == TL_FIELD_KIND_BOOLEAN ? TL_ISSUE_INVALID_BOOLEAN
                     : col->kind == TL_FIELD_KIND_DATE ? TL_ISSUE_INVALID_DATE
                     : TL_ISSUE_INVALID_NUMBER;

  if (report != NULL)
    tl_import_report_add (report, kind, g_array_index (self->lines, guint64, row),
                          tl_field_map_get_column (self->map, col->field), text, len);
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

/* Reports once per column that its slashed dates could be read either way,
 * because no cell has a day above 12. */
static void
report_ambiguous_order (TlAccountTable *self,
                        TlImportReport *report,
                        ColumnParse    *col,
                        guint           row,
                        const char     *text,
                        gsize           len)
{
  if (report == NULL || col->ambiguity_reported || col->order != TL_DATE_ORDER_UNKNOWN
      || !is_day_month_date (text, len))
    return;

  col->ambiguity_reported = TRUE;
  tl_import_report_add (report, TL_ISSUE_AMBIGUOUS_DATES, g_array_index (self->lines, guint64, row),
                        tl_field_map_get_column (self->map, col->field), text, len);
}

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
      *out = store_number (col, v, flags);
      return r;
    }
}

static void
parse_typed_cell (TlAccountTable *self,
                  ColumnParse    *col,
                  guint           row,
                  const char     *text,
                  gsize           len,
                  gpointer        report)
{
  double v = NAN;
  TlParseResult r = parse_cell (col, text, len, &v);

  if (r == TL_PARSE_INVALID)
    report_invalid (self, report, col, row, text, len);
  else if (r == TL_PARSE_OK && col->kind == TL_FIELD_KIND_DATE)
    report_ambiguous_order (self, report, col, row, text, len);
  if (r != TL_PARSE_OK)
    v = NAN;

  if (!isnan (v))
    {
      col->min = col->n_values == 0 ? v : MIN (col->min, v);
      col->max = col->n_values == 0 ? v : MAX (col->max, v);
      col->n_values++;
    }
  self->values[col->field][row] = v;
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
      g_clear_pointer (&self->values[f], g_free);
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
  const double *arr = self->values[TL_FIELD_ARR];
  const double *mrr = self->values[TL_FIELD_MRR];

  self->arr = g_new (double, MAX (n_rows, 1));
  self->arr_source = g_new0 (guint8, MAX (n_rows, 1));

  for (guint r = 0; r < n_rows; r++)
    {
      TlField from = TL_FIELD_ARR;
      double v = arr != NULL ? arr[r] : NAN;

      if (isnan (v) && mrr != NULL && !isnan (mrr[r]))
        {
          from = TL_FIELD_MRR;
          v = 12.0 * mrr[r];
        }

      if (isnan (v))
        {
          self->arr_source[r] = TL_ARR_SOURCE_NONE;
          if (report != NULL)
            tl_import_report_add (report, TL_ISSUE_MISSING_ARR,
                                  g_array_index (self->lines, guint64, r), -1, NULL, 0);
        }
      else if (v < 0)
        {
          int column = tl_field_map_get_column (self->map, from);

          self->arr_source[r] = TL_ARR_SOURCE_INVALID;
          v = NAN;
          if (report != NULL)
            tl_import_report_add (report, TL_ISSUE_NEGATIVE_ARR,
                                  g_array_index (self->lines, guint64, r), column,
                                  tl_account_table_get_cell (self, r, column), -1);
        }
      else
        self->arr_source[r] = from == TL_FIELD_ARR ? TL_ARR_SOURCE_ARR : TL_ARR_SOURCE_MRR;

      self->arr[r] = v;
    }
}

static void
allocate_typed (TlAccountTable *self,
                ColumnParse    *col)
{
  self->values[col->field] = g_new (double, MAX (self->row_offsets->len, 1));
}

/**
 * tl_account_table_apply_map:
 * @table: a table whose rows are finished
 * @map: which column holds which field
 * @report: (nullable): where unreadable cells are reported
 *
 * Parses the mapped columns into typed values. Each column's decimal mark
 * and date order are decided from all its cells first, so that "1.234" in
 * a column of "1.234,56" values is 1234. A cell that cannot be read is
 * absent for that account and reported; it never becomes 0.
 */
void
tl_account_table_apply_map (TlAccountTable   *table,
                            const TlFieldMap *map,
                            TlImportReport   *report)
{
  ColumnParse cols[TL_N_FIELDS];
  g_autofree ColumnParse **by_column = NULL;
  guint n_cols = 0;

  g_return_if_fail (table != NULL);
  g_return_if_fail (map != NULL);

  clear_typed (table);
  g_clear_pointer (&table->map, tl_field_map_free);
  table->map = tl_field_map_copy (map);

  by_column = g_new0 (ColumnParse *, MAX (table->n_columns, 1));
  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      int c = tl_field_map_get_column (map, f);
      ColumnParse *col = &cols[n_cols];

      if (c < 0 || (guint) c >= table->n_columns || tl_field_get_kind (f) == TL_FIELD_KIND_TEXT)
        continue;

      memset (col, 0, sizeof *col);
      col->field = f;
      col->kind = tl_field_get_kind (f);
      by_column[c] = col;
      allocate_typed (table, col);
      n_cols++;
    }

  for_each_typed_cell (table, by_column, vote_cell, NULL);
  for (guint i = 0; i < n_cols; i++)
    {
      cols[i].mark = tl_column_style_get_mark (&cols[i].style);
      cols[i].order = tl_column_style_get_order (&cols[i].style);
    }
  for_each_typed_cell (table, by_column, parse_typed_cell, report);

  for (guint i = 0; i < n_cols; i++)
    if (cols[i].kind == TL_FIELD_KIND_SCORE)
      table->scale[cols[i].field] = decide_scale (&cols[i]);

  compute_arr (table, report);
  if (report != NULL)
    tl_import_report_set_n_accounts (report, table->row_offsets->len);
}

const TlFieldMap *
tl_account_table_get_map (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->map;
}

/* Returns the column that holds @field, or -1. */
int
tl_account_table_get_field_column (const TlAccountTable *table,
                                   TlField               field)
{
  g_return_val_if_fail (table != NULL, -1);

  if (table->map == NULL)
    return -1;

  return tl_field_map_get_column (table->map, field);
}

/* Returns a typed field's values by row (NAN when absent), or NULL when
 * the field is not mapped or is text. */
const double *
tl_account_table_get_values (const TlAccountTable *table,
                             TlField               field)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return table->values[field];
}

TlScale
tl_account_table_get_scale (const TlAccountTable *table,
                            TlField               field)
{
  g_return_val_if_fail (table != NULL, TL_SCALE_NONE);
  g_return_val_if_fail (field < TL_N_FIELDS, TL_SCALE_NONE);

  return table->scale[field];
}

/* Returns each row's ARR (NAN when it has none), or NULL before a map is
 * applied. */
const double *
tl_account_table_get_arr (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  return table->arr;
}

TlArrSource
tl_account_table_get_arr_source (const TlAccountTable *table,
                                 guint                 row)
{
  g_return_val_if_fail (table != NULL, TL_ARR_SOURCE_NONE);
  g_return_val_if_fail (row < table->row_offsets->len, TL_ARR_SOURCE_NONE);

  return table->arr_source != NULL ? table->arr_source[row] : TL_ARR_SOURCE_NONE;
}

/* Returns a typed field's value for one row, NAN when absent. */
double
tl_account_table_get_value (const TlAccountTable *table,
                            TlField               field,
                            guint                 row)
{
  g_return_val_if_fail (table != NULL, NAN);
  g_return_val_if_fail (field < TL_N_FIELDS, NAN);
  g_return_val_if_fail (row < table->row_offsets->len, NAN);

  if (table->values[field] != NULL)
    return table->values[field][row];

  return NAN;
}

/* Returns the cell of a mapped field, or NULL when the field is not mapped. */
const char *
tl_account_table_get_text (const TlAccountTable *table,
                           TlField               field,
                           guint                 row)
{
  int column;

  g_return_val_if_fail (table != NULL, NULL);

  column = tl_account_table_get_field_column (table, field);
  if (column < 0)
    return NULL;

  return tl_account_table_get_cell (table, row, column);
}

/* Returns the account's name, its id when the name is empty or missing, or
 * "" when it has neither. */
const char *
tl_account_table_get_display_name (const TlAccountTable *table,
                                   guint                 row)
{
  const char *name;

  g_return_val_if_fail (table != NULL, NULL);

  name = tl_account_table_get_text (table, TL_FIELD_NAME, row);
  if (name == NULL || *name == '\0')
    name = tl_account_table_get_text (table, TL_FIELD_ID, row);

  return name != NULL ? name : "";
}

/* Returns whether the map gives @field a column. */
gboolean
tl_account_table_has_field (const TlAccountTable *table,
                            TlField               field)
{
  return tl_account_table_get_field_column (table, field) >= 0;
}
