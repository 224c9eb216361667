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
#include <stdlib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "tl-account-table-private.h"
#include "tl-value.h"

/* Cell text lives in blocks of this size; a row never spans two blocks, and
 * a row larger than a block gets a block of its own. */
#define BLOCK_SIZE (4 * 1024 * 1024)

#define HUGE_PAGE_SIZE (2 * 1024 * 1024)



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
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint32));

  return self;
}

void
tl_account_table_free (TlAccountTable *table)
{
  if (table == NULL)
    return;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      g_free (table->values[f]);
      g_free (table->floats[f]);
      g_free (table->text_offsets[f]);
      g_free (table->currency[f]);
    }
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

/* Allocates @size bytes, to free with g_free(). Memory of 2 MiB or more is
 * aligned to 2 MiB and marked for transparent huge pages where the system
 * has them, which saves a million rows tens of thousands of page faults. */
void *
_tl_account_table_alloc_large (gsize size)
{
#ifdef MADV_HUGEPAGE
  void *memory = NULL;

  if (size < HUGE_PAGE_SIZE)
    return g_malloc (size);
  if (posix_memalign (&memory, HUGE_PAGE_SIZE, size) != 0)
    g_error ("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);
  madvise (memory, size, MADV_HUGEPAGE);

  return memory;
#else
  return g_malloc (size);
#endif
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
      g_ptr_array_add (self->blocks, _tl_account_table_alloc_large (MAX (size, BLOCK_SIZE)));
      self->block_used = 0;
    }

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  *offset = ((guint64) (self->blocks->len - 1) << 32) | self->block_used;
  self->block_used += size;

  return block + (*offset & 0xffffffff);
}

/* Returns whether @text holds only ASCII bytes, testing eight at a time. */
static gboolean
is_ascii (const char *text,
          gsize       len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
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

/* Returns the length of the first n_columns cells with their NULs when they
 * lie one after the other in memory, as the CSV reader passes them. Returns
 * 0 when they do not, or when a cell is missing. */
static gsize
contiguous_length (const TlAccountTable *self,
                   const char * const   *cells,
                   const gsize          *lengths,
                   guint                 n_cells)
{
  if (n_cells < self->n_columns || self->n_columns == 0)
    return 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (cells[c][lengths[c]] != '\0')
        return 0;
      if (c + 1 < self->n_columns && cells[c] + lengths[c] + 1 != cells[c + 1])
        return 0;
    }

  return cells[self->n_columns - 1] + lengths[self->n_columns - 1] + 1 - cells[0];
}

/* Copies a row of ASCII cells that lie one after the other in one step,
 * because the stored row is the same run of bytes. Returns FALSE when the
 * row needs the copy cell by cell. */
static gboolean
append_contiguous (TlAccountTable     *self,
                   const char * const *cells,
                   const gsize        *lengths,
                   guint               n_cells,
                   guint64             line)
{
  gsize size = contiguous_length (self, cells, lengths, n_cells);
  gboolean *has_content = (gboolean *) (gpointer) self->has_content->data;
  guint64 offset;
  guint32 short_line;

  if (size == 0 || !is_ascii (cells[0], size))
    return FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    has_content[c] |= lengths[c] > 0;

  memcpy (reserve (self, size, &offset), cells[0], size);
  g_array_append_val (self->row_offsets, offset);
  short_line = (guint32) MIN (line, G_MAXUINT32);
  g_array_append_val (self->lines, short_line);

  return TRUE;
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
 *
 * Returns: %TRUE when some text of the row was not valid UTF-8
 */
gboolean
tl_account_table_append_row (TlAccountTable     *table,
                             const char * const *cells,
                             const gsize        *lengths,
                             guint               n_cells,
                             guint64             line)
{
  gsize size = 0;
  guint64 offset;
  char *dest;
  g_autoptr(GPtrArray) repaired = NULL;
  gboolean *has_content;
  guint32 short_line;

  g_return_val_if_fail (table != NULL, FALSE);

  if (append_contiguous (table, cells, lengths, n_cells, line))
    return FALSE;

  has_content = (gboolean *) (gpointer) table->has_content->data;
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *text = c < n_cells ? cells[c] : "";
      gsize len = c < n_cells ? lengths[c] : 0;

      /* ASCII is valid UTF-8: only other text is checked, and repaired
       * when it is not valid. */
      if (len > 0 && !is_ascii (text, len) && !g_utf8_validate_len (text, len, NULL))
        {
          char *valid = g_utf8_make_valid (text, len);

          if (repaired == NULL)
            repaired = g_ptr_array_new_full (table->n_columns, g_free);
          g_ptr_array_set_size (repaired, table->n_columns);
          g_ptr_array_index (repaired, c) = valid;
          len = strlen (valid);
        }

      if (len > 0)
        has_content[c] = TRUE;
      size += len + 1;
    }

  dest = reserve (table, size, &offset);
  for (guint c = 0; c < table->n_columns; c++)
    {
      const char *fixed = repaired != NULL ? g_ptr_array_index (repaired, c) : NULL;

      if (fixed != NULL)
        dest += copy_cell (dest, fixed, strlen (fixed));
      else if (c < n_cells)
        dest += copy_cell (dest, cells[c], lengths[c]);
      else
        dest += copy_cell (dest, "", 0);
    }

  g_array_append_val (table->row_offsets, offset);
  short_line = (guint32) MIN (line, G_MAXUINT32);
  g_array_append_val (table->lines, short_line);

  return repaired != NULL;
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

const char *
_tl_account_table_row_start (const TlAccountTable *self,
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

  p = _tl_account_table_row_start (table, row);
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

  p = _tl_account_table_row_start (table, row);
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

  return g_array_index (table->lines, guint32, row);
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

/* Returns a typed field's values by row (NAN when absent), with both
 * arrays NULL when the field is not mapped or is text. */
TlValues
tl_account_table_get_values (const TlAccountTable *table,
                             TlField               field)
{
  TlValues values = { NULL, NULL };

  g_return_val_if_fail (table != NULL, values);
  g_return_val_if_fail (field < TL_N_FIELDS, values);

  values.d = table->values[field];
  values.f = table->floats[field];

  return values;
}

/* Returns the currency a money field's amounts name, such as "€" or
 * "EUR", or NULL when they name none or several. */
const char *
tl_account_table_get_currency (const TlAccountTable *table,
                               TlField               field)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return table->currency[field];
}

/* Returns the currency of the accounts' ARR: the one the ARR amounts name,
 * else the one the MRR amounts name, else "$". */
const char *
tl_account_table_get_arr_currency (const TlAccountTable *table)
{
  g_return_val_if_fail (table != NULL, "$");

  if (table->currency[TL_FIELD_ARR] != NULL)
    return table->currency[TL_FIELD_ARR];
  if (table->currency[TL_FIELD_MRR] != NULL)
    return table->currency[TL_FIELD_MRR];

  return "$";
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
  if (table->floats[field] != NULL)
    return table->floats[field][row];

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
  if (field < TL_N_FIELDS && table->text_offsets[field] != NULL)
    return _tl_account_table_row_start (table, row) + table->text_offsets[field][row];

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
