/* fuzz-csv-reader.c
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

/* A libFuzzer target for the import path. The input is read as an accounts
 * file, in pieces whose sizes the input chooses, and optionally after up to
 * 64 KiB of blank lines that move it past the reader's detection window.
 * Its rows go through the steps of a document: header search, table, field
 * map, typed columns, combined ids, calibration and segmentation. Slices of
 * the input also go to the value parsers one by one. tests/fuzz/run-fuzz.sh
 * builds and runs it. */

#define G_LOG_DOMAIN "fuzz-csv-reader"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-guard.h"
#include "tl-account-combine.h"
#include "tl-account-sort.h"
#include "tl-account-table.h"
#include "tl-calibration.h"
#include "tl-csv-reader.h"
#include "tl-field-map.h"
#include "tl-header-finder.h"
#include "tl-import-report.h"
#include "tl-model.h"
#include "tl-segmentation.h"
#include "tl-value.h"

/* Bytes at the start of the input that choose the piece sizes and the
 * padding. */
#define PLAN_BYTES 4

/* The bytes TlCsvReader looks at before it decides the encoding and the
 * delimiter (DETECT_BYTES in tl-csv-reader.c). Inputs are at most 64 KiB,
 * so only padding puts a payload past them. */
#define DETECT_BYTES (64 * 1024)

/* Maximum slices given to the value parsers, and rows and issues
 * described, per input. More would slow each run without reaching more
 * branches. */
#define MAX_SLICES 256
#define MAX_EXPLAINED 8

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

/* The rows of one input, gathered as a document gathers them. */
typedef struct
{
  TlAccountTable *table;
  TlHeaderFinder *finder;
  TlImportReport *report;
} Collector;

/* Blank lines that the reader skips, to put the payload past the detection
 * window: LF in ASCII, CRLF after a UTF-8 byte order mark, and LF in
 * UTF-16LE after its byte order mark. */
typedef enum
{
  PADDING_NONE,
  PADDING_LF,
  PADDING_UTF8_CRLF,
  PADDING_UTF16LE_LF,
  N_PADDINGS
} Padding;

static char *paddings[N_PADDINGS];
static guint32 today;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  GDate date;

  /* GLib 2.74 caches GSlice blocks, so the leak checker tracks them only
   * when GSlice uses plain malloc. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);

  /* A critical or a warning from hostile input is a bug like a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  paddings[PADDING_LF] = g_malloc (DETECT_BYTES);
  memset (paddings[PADDING_LF], '\n', DETECT_BYTES);
  paddings[PADDING_UTF8_CRLF] = g_malloc (DETECT_BYTES);
  memcpy (paddings[PADDING_UTF8_CRLF], "\xef\xbb\xbf", 3);
  for (gsize i = 3; i < DETECT_BYTES; i++)
    paddings[PADDING_UTF8_CRLF][i] = i % 2 == 1 ? '\r' : '\n';
  paddings[PADDING_UTF16LE_LF] = g_malloc0 (DETECT_BYTES);
  memcpy (paddings[PADDING_UTF16LE_LF], "\xff\xfe", 2);
  for (gsize i = 2; i < DETECT_BYTES; i += 2)
    paddings[PADDING_UTF16LE_LF][i] = '\n';

  /* A fixed day, so that a run does not depend on the date. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  today = g_date_get_julian (&date);

  return 0;
}

/* Returns the size of the next piece. A plan byte of 0 feeds the rest, 1
 * to 127 feed that many bytes, and 128 to 255 feed steps of 512 bytes.
 * Pieces so cut through characters, line ends and the detection window. */
static gsize
piece_size (guint8 plan_byte,
            gsize  left)
{
  gsize n;

  if (plan_byte == 0)
    n = left;
  else if (plan_byte < 128)
    n = plan_byte;
  else
    n = (gsize) (plan_byte - 127) * 512;

  return MIN (n, left);
}

static gboolean
row_is_empty (const TlCsvRow *row)
{
  for (guint c = 0; c < row->n_cells; c++)
    if (row->lengths[c] > 0)
      return FALSE;

  return TRUE;
}

static void
add_data_row (Collector      *col,
              const TlCsvRow *row)
{
  if (!row_is_empty (row))
    tl_account_table_append_row (col->table, row->cells, row->lengths, row->n_cells,
                                 row->line);
}

/* Chooses the header among the held rows and starts the table with it. */
static void
start_from_held_rows (Collector *col)
{
  guint header = tl_header_finder_choose (col->finder);
  guint n = tl_header_finder_get_n_rows (col->finder);
  const TlCsvRow *head = tl_header_finder_get_row (col->finder, header);

  for (guint i = 0; i < header; i++)
    tl_import_report_add (col->report, TL_ISSUE_ABOVE_HEADER,
                          tl_header_finder_get_row (col->finder, i)->line, -1, NULL, 0);

  col->table = tl_account_table_new (head->cells, head->n_cells);
  for (guint i = header + 1; i < n; i++)
    add_data_row (col, tl_header_finder_get_row (col->finder, i));

  g_clear_pointer (&col->finder, tl_header_finder_free);
}

static gboolean
add_row_cb (const TlCsvRow *row,
            gpointer        user_data,
            GError        **error)
{
  Collector *col = user_data;

  if (col->table != NULL)
    {
      add_data_row (col, row);
      return TRUE;
    }

  if (col->finder == NULL)
    col->finder = tl_header_finder_new ();
  if (!tl_header_finder_add (col->finder, row))
    start_from_held_rows (col);

  return TRUE;
}

/* Feeds the padding that bits 1 and 2 of the plan choose, then the payload
 * in the pieces the plan chooses. Returns whether the reader accepted it
 * to the end. */
static gboolean
read_input (Collector    *col,
            const guint8 *plan,
            const guint8 *payload,
            gsize         len)
{
  g_autoptr(TlCsvReader) reader = tl_csv_reader_new (add_row_cb, col, col->report);
  Padding padding = (plan[0] >> 1) % N_PADDINGS;
  gsize done = 0;
  guint piece = 0;

  /* Up to 4 KiB less than the window, so that the payload's first bytes
   * still take part in the detection. The size stays even for UTF-16. */
  if (padding != PADDING_NONE
      && !tl_csv_reader_feed (reader, paddings[padding], DETECT_BYTES - plan[2] * 16, NULL))
    return FALSE;

  while (done < len)
    {
      gsize n = piece_size (plan[piece++ % PLAN_BYTES], len - done);
      g_autofree char *copy = g_memdup2 (payload + done, n);

      /* Each piece is a heap block of its own, freed after the call, so
       * that a read past it or a pointer kept into it is caught. */
      if (!tl_csv_reader_feed (reader, copy, n, NULL))
        return FALSE;
      done += n;
    }

  return tl_csv_reader_finish (reader, NULL);
}

static void
explain_row (const TlAccountTable *table,
             const TlSegmentation *segmentation,
             const TlModel        *model,
             guint                 row)
{
  TlHealthDetail health;
  TlExpansionDetail expansion;
  g_autofree char *missing = NULL;
  g_autofree char *fired = NULL;

  tl_health_explain (table, model, row, &health);
  tl_expansion_explain (table, model, row, &expansion);
  missing = tl_health_describe_missing (&health);
  fired = tl_expansion_describe_fired (&expansion);
  for (guint s = 0; s < TL_N_SIGNALS; s++)
    g_free (tl_expansion_describe_signal (&expansion, s));

  tl_health_status_get_label (tl_segmentation_get_status (segmentation, model, row));
  tl_account_table_get_display_name (table, row);
}

/* Segments the table as a document does, then describes the health and
 * expansion of the first rows and sorts the accounts by the key the plan
 * chooses. */
static void
segment (const TlAccountTable *table,
         guint8                sort_byte)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) segmentation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *order = NULL;
  guint n_rows = tl_account_table_get_n_rows (table);
  double bounds[3];

  if (tl_calibrate_thresholds (tl_account_table_get_arr (table), n_rows, model, bounds,
                               &error))
    {
      for (guint t = 0; t < 3; t++)
        model->tiers[t].lower_bound = bounds[t];
    }

  segmentation = tl_segmentation_new (table, model);
  for (guint r = 0; r < MIN (n_rows, MAX_EXPLAINED); r++)
    explain_row (table, segmentation, model, r);

  order = g_new (guint32, MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    order[r] = r;
  tl_account_sort (table, segmentation, sort_byte % TL_N_SORT_KEYS, sort_byte & 0x80,
                   order, n_rows);
}

static void
describe_issues (const TlImportReport *report)
{
  guint n = tl_import_report_get_n_stored (report);

  for (guint i = 0; i < MIN (n, MAX_EXPLAINED); i++)
    g_free (tl_import_report_describe (report, i));
  for (guint i = MAX_EXPLAINED; i < n; i += n / MAX_EXPLAINED + 1)
    g_free (tl_import_report_describe (report, i));
}

/* Maps and parses the finished table, then segments its rows. When the
 * plan's first bit is set and an id column exists, it segments the
 * accounts combined by id instead. */
static void
process_table (Collector    *col,
               const guint8 *plan)
{
  g_autoptr(TlFieldMap) map = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TlImportReport) combined_report = tl_import_report_new ();
  g_autoptr(TlAccountTable) combined = NULL;
  guint n_columns;

  tl_account_table_finish_rows (col->table);
  n_columns = tl_account_table_get_n_columns (col->table);
  map = tl_field_map_new (tl_account_table_get_headers (col->table), n_columns);
  tl_field_map_validate (map, NULL);
  g_free (tl_field_map_list_headers (map));

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (headers, g_strdup (tl_account_table_get_header (col->table, c)));
  tl_import_report_set_headers (col->report, headers);
  tl_account_table_apply_map (col->table, map, col->report);

  if ((plan[0] & 1) && tl_account_table_has_field (col->table, TL_FIELD_ID))
    {
      combined = tl_account_table_combine_ids (col->table, today);
      tl_account_table_apply_map (combined, map, combined_report);
      segment (combined, plan[1]);
    }
  else
    {
      tl_account_table_report_repeated_ids (col->table, col->report);
      segment (col->table, plan[1]);
    }

  describe_issues (col->report);
  describe_issues (combined_report);
}

/* Gives one slice of the input to every value parser. The slice is copied
 * to end at a guard page, because the parsers take a length and must not
 * read past it. */
static void
parse_slice (const guint8 *text,
             gsize         len)
{
  const char *copy = fuzz_guard_copy (text, len);
  g_autofree char *normalized = NULL;
  TlColumnStyle style = { 0 };
  TlNumberFlags flags;
  double number;
  gboolean truth;
  guint32 day;

  tl_value_is_absent (copy, len);
  tl_value_parse_number (copy, len, TL_DECIMAL_POINT, &number, &flags);
  tl_value_parse_number (copy, len, TL_DECIMAL_COMMA, &number, NULL);
  tl_value_parse_boolean (copy, len, &truth);
  tl_value_parse_date (copy, len, TL_DATE_ORDER_UNKNOWN, &day);
  tl_value_parse_date (copy, len, TL_DATE_ORDER_MONTH_FIRST, &day);
  tl_value_parse_date (copy, len, TL_DATE_ORDER_DAY_FIRST, &day);
  tl_column_style_add (&style, copy, len);

  normalized = tl_header_normalize (fuzz_guard_strndup (text, len));
}

/* Cuts the payload at line ends and the usual delimiters. */
static void
parse_slices (const guint8 *payload,
              gsize         len)
{
  gsize start = 0;
  guint n = 0;

  for (gsize i = 0; i <= len && n < MAX_SLICES; i++)
    {
      if (i < len && memchr (",;\t|\n", payload[i], 5) == NULL)
        continue;
      parse_slice (payload + start, i - start);
      start = i + 1;
      n++;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  Collector col = { NULL, NULL, NULL };
  const guint8 *plan = data;
  gboolean read;

  if (size < PLAN_BYTES)
    return 0;

  col.report = tl_import_report_new ();
  read = read_input (&col, plan, data + PLAN_BYTES, size - PLAN_BYTES);
  if (read && col.table == NULL && col.finder != NULL)
    start_from_held_rows (&col);
  if (read && col.table != NULL)
    process_table (&col, plan);

  g_clear_pointer (&col.table, tl_account_table_free);
  g_clear_pointer (&col.finder, tl_header_finder_free);
  g_clear_pointer (&col.report, tl_import_report_free);

  parse_slices (data + PLAN_BYTES, size - PLAN_BYTES);

  return 0;
}
