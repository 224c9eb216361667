/* tl-document.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-account-combine.h"
#include "tl-calibration.h"
#include "tl-csv-reader.h"
#include "tl-document.h"
#include "tl-header-finder.h"
#include "tl-movement.h"
#include "tl-snapshot-store.h"
#include "tl-value.h"
#include "tl-xlsx-reader.h"

struct _TlDocument
{
  GObject          parent_instance;

  char            *path;
  TlAccountTable  *rows;            /* the file's rows, as read */
  TlAccountTable  *combined;        /* one row per id, when combining */
  TlAccountTable  *table;           /* rows or combined: what is segmented */
  gboolean         combine_ids;
  TlFieldMap      *map;
  TlModel         *model;
  TlSegmentation  *segmentation;
  TlImportReport  *report;
  TlImportReport  *read_report;     /* the issues of reading, before any map */
  GPtrArray       *report_headers;
  char            *calibration_note;

  guint            named_columns;   /* columns up to the last non-blank header */
  TlHeaderFinder  *finder;          /* the first rows, until the header is known */
  TlHistory       *history;         /* past quarters for the trend rules, or NULL */
  guint            repeated_ids;    /* rows that repeat an earlier row's id */
  TlSortRanks     *sort_ranks;      /* of the table, or NULL until asked for */
};

G_DEFINE_FINAL_TYPE (TlDocument, tl_document, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Stops ranking the table, before it changes. */
static void
clear_sort_ranks (TlDocument *self)
{
  if (self->sort_ranks == NULL)
    return;

  tl_sort_ranks_stop (self->sort_ranks);
  g_clear_pointer (&self->sort_ranks, tl_sort_ranks_unref);
}

static void
tl_document_finalize (GObject *object)
{
  TlDocument *self = TL_DOCUMENT (object);

  clear_sort_ranks (self);
  g_free (self->path);
  g_clear_pointer (&self->rows, tl_account_table_free);
  g_clear_pointer (&self->combined, tl_account_table_free);
  g_clear_pointer (&self->map, tl_field_map_free);
  g_clear_pointer (&self->model, tl_model_free);
  g_clear_pointer (&self->segmentation, tl_segmentation_free);
  g_clear_pointer (&self->report, tl_import_report_free);
  g_clear_pointer (&self->read_report, tl_import_report_free);
  g_clear_pointer (&self->report_headers, g_ptr_array_unref);
  g_free (self->calibration_note);
  g_clear_pointer (&self->finder, tl_header_finder_free);
  g_clear_pointer (&self->history, tl_history_free);

  G_OBJECT_CLASS (tl_document_parent_class)->finalize (object);
}

static void
tl_document_class_init (TlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tl_document_finalize;

  /**
   * TlDocument::changed:
   *
   * Emitted after the accounts were segmented again under a new model.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tl_document_init (TlDocument *self)
{
  self->report = tl_import_report_new ();
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
start_table (TlDocument     *self,
             const TlCsvRow *row)
{
  self->rows = self->table = tl_account_table_new (row->cells, row->n_cells);
  self->named_columns = 0;
  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *header = g_strstrip (g_strdup (row->cells[c]));

      if (*header != '\0')
        self->named_columns = c + 1;
    }
}

/* Reports cells past the last header that hold text; empty ones, as
 * spreadsheets add them, pass silently. */
static void
report_extra_cells (TlDocument     *self,
                    const TlCsvRow *row)
{
  guint n_columns = tl_account_table_get_n_columns (self->table);
  g_autoptr(GString) extra = NULL;

  for (guint c = n_columns; c < row->n_cells; c++)
    {
      if (row->lengths[c] == 0)
        continue;
      if (extra == NULL)
        extra = g_string_new (NULL);
      g_string_append_printf (extra, "%s“%s”", extra->len > 0 ? ", " : "", row->cells[c]);
    }

  if (extra != NULL)
    tl_import_report_add (self->report, TL_ISSUE_EXTRA_CELLS, row->line, -1,
                          extra->str, extra->len);
}

static void
add_data_row (TlDocument     *self,
              const TlCsvRow *row)
{
  if (row_is_empty (row))
    return;

  if (row->n_cells < self->named_columns)
    {
      g_autofree char *count = g_strdup_printf ("%u", row->n_cells);

      tl_import_report_add (self->report, TL_ISSUE_SHORT_ROW, row->line, -1, count, -1);
    }
  report_extra_cells (self, row);
  if (tl_account_table_append_row (self->table, row->cells, row->lengths, row->n_cells,
                                   row->line))
    tl_import_report_add_line_once (self->report, TL_ISSUE_UNREADABLE_BYTES, row->line);
}

static char *
join_cells (const TlCsvRow *row)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < row->n_cells; c++)
    if (row->lengths[c] > 0)
      g_string_append_printf (text, "%s%s", text->len > 0 ? " | " : "", row->cells[c]);

  return g_string_free (text, FALSE);
}

/* Chooses the header among the held rows, reports the rows above it and
 * adds the rows below it. */
static void
start_from_held_rows (TlDocument *self)
{
  guint header = tl_header_finder_choose (self->finder);
  guint n = tl_header_finder_get_n_rows (self->finder);

  for (guint i = 0; i < header; i++)
    {
      const TlCsvRow *row = tl_header_finder_get_row (self->finder, i);
      g_autofree char *text = join_cells (row);

      tl_import_report_add (self->report, TL_ISSUE_ABOVE_HEADER, row->line, -1, text, -1);
    }

  start_table (self, tl_header_finder_get_row (self->finder, header));
  for (guint i = header + 1; i < n; i++)
    add_data_row (self, tl_header_finder_get_row (self->finder, i));

  g_clear_pointer (&self->finder, tl_header_finder_free);
}

static gboolean
add_row_cb (const TlCsvRow *row,
            gpointer        user_data,
            GError        **error)
{
  TlDocument *self = user_data;

  if (self->table != NULL)
    {
      add_data_row (self, row);
      return TRUE;
    }

  if (self->finder == NULL)
    self->finder = tl_header_finder_new ();
  if (!tl_header_finder_add (self->finder, row))
    start_from_held_rows (self);

  return TRUE;
}

/* Fails when the file has no header text or no account row below it,
 * quoting the first note when one explains why. */
static gboolean
check_has_accounts (TlDocument  *self,
                    GError     **error)
{
  g_autofree char *first_note = NULL;

  if (tl_account_table_get_n_columns (self->table) == 0)
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY,
                           _("The header row has no column names. The first row of the "
                             "file must name the columns, such as Account Name and ARR."));
      return FALSE;
    }
  if (tl_account_table_get_n_rows (self->table) > 0)
    return TRUE;

  if (tl_import_report_get_n_stored (self->report) > 0)
    first_note = tl_import_report_describe (self->report, 0);
  if (first_note != NULL)
    g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY,
                 _("The file has no account rows below its header. %s"), first_note);
  else
    g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY,
                         _("The file has no account rows below its header."));
  return FALSE;
}

/* Says why no header row was found: the file is empty, or every line
 * was skipped, such as one line with a field over the size limit. */
static void
set_no_header_error (const TlImportReport *report,
                     GError              **error)
{
  g_autofree char *reason = NULL;

  if (tl_import_report_count_group (report, TL_ISSUE_GROUP_ROWS_SKIPPED) == 0
      || tl_import_report_get_n_stored (report) == 0)
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY,
                           _("The file is empty: it has no header row."));
      return;
    }

  reason = tl_import_report_describe (report, 0);
  /* Translators: %s is why the first line was skipped, in the import
   * report's words, such as "Line 1: A field is longer than 1 MiB; the row
   * is skipped." */
  g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_EMPTY,
               _("No header row could be read. %s"), reason);
}

/**
 * tl_document_read:
 * @path: the accounts file
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called with the share of the file read
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Reads an accounts file into a document and matches its headers to the
 * fields. The file is only read, never written. Call
 * tl_document_apply_map() next to segment the accounts.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on error
 */
TlDocument *
tl_document_read (const char      *path,
                  GCancellable    *cancellable,
                  TlProgressFunc   progress,
                  gpointer         progress_data,
                  GError         **error)
{
  g_autoptr(TlDocument) self = NULL;
  g_autoptr(TlCsvReader) reader = NULL;
  g_autoptr(GPtrArray) headers = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TL_TYPE_DOCUMENT, NULL);
  self->path = g_strdup (path);

  /* A zip archive is read as an Excel workbook. The XLSX reader also
   * explains that the old binary .xls format cannot be read. */
  if (tl_xlsx_reader_is_spreadsheet (path))
    {
      if (!tl_xlsx_reader_read_file (path, add_row_cb, self, self->report, cancellable,
                                     progress, progress_data, error))
        return NULL;
    }
  else
    {
      reader = tl_csv_reader_new (add_row_cb, self, self->report);
      if (!tl_csv_reader_read_file (reader, path, cancellable, progress, progress_data, error))
        return NULL;
    }

  if (self->table == NULL && self->finder != NULL)
    start_from_held_rows (self);
  if (self->table == NULL)
    {
      set_no_header_error (self->report, error);
      return NULL;
    }

  tl_account_table_finish_rows (self->table);
  if (!check_has_accounts (self, error))
    return NULL;
  self->map = tl_field_map_new (tl_account_table_get_headers (self->table),
                                tl_account_table_get_n_columns (self->table));

  headers = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < tl_account_table_get_n_columns (self->table); c++)
    g_ptr_array_add (headers, g_strdup (tl_account_table_get_header (self->table, c)));
  tl_import_report_set_headers (self->report, headers);
  self->report_headers = g_ptr_array_ref (headers);
  self->read_report = tl_import_report_copy (self->report);

  g_debug ("%s: %u rows, %u columns, delimiter '%c', %s", path,
           tl_account_table_get_n_rows (self->table),
           tl_account_table_get_n_columns (self->table),
           reader != NULL ? tl_csv_reader_get_delimiter (reader) : '-',
           tl_import_report_get_encoding (self->report));

  return g_steal_pointer (&self);
}

/* Sets automatic bounds from the ARR values, or keeps the model's bounds
 * and records why. */
static void
calibrate (TlDocument *self)
{
  g_autoptr(GError) error = NULL;
  double bounds[3];

  g_clear_pointer (&self->calibration_note, g_free);
  if (!self->model->thresholds_automatic)
    return;

  if (tl_calibrate_thresholds (tl_account_table_get_arr (self->table),
                               tl_account_table_get_n_rows (self->table),
                               self->model, bounds, &error))
    {
      for (guint t = 0; t < 3; t++)
        self->model->tiers[t].lower_bound = bounds[t];
      return;
    }

  self->calibration_note = g_strdup (error->message);
  g_debug ("calibration: %s", error->message);
}

static guint32
today_julian (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

/* Parses the rows under the map and, when combining, builds one row per
 * id. Cell issues come from the rows as read, so their lines are real;
 * whether an account lacks ARR is judged after combining. */
static void
parse_rows (TlDocument *self)
{
  g_autoptr(TlImportReport) rows_report = tl_import_report_new ();
  guint row_kinds = ~0u;

  clear_sort_ranks (self);
  tl_import_report_free (self->report);
  self->report = tl_import_report_copy (self->read_report);
  g_clear_pointer (&self->combined, tl_account_table_free);
  self->table = self->rows;

  tl_import_report_set_headers (rows_report, self->report_headers);
  tl_account_table_apply_map (self->rows, self->map, rows_report);

  if (self->combine_ids && tl_account_table_has_field (self->rows, TL_FIELD_ID))
    {
      g_autoptr(TlImportReport) combined_report = tl_import_report_new ();

      self->repeated_ids = tl_account_table_count_repeated_ids (self->rows);
      self->combined = tl_account_table_combine_ids (self->rows, today_julian ());
      tl_account_table_apply_map (self->combined, self->map, combined_report);
      tl_import_report_merge (self->report, combined_report, 1u << TL_ISSUE_MISSING_ARR);
      row_kinds &= ~(1u << TL_ISSUE_MISSING_ARR);
      self->table = self->combined;
    }
  else
    self->repeated_ids = tl_account_table_report_repeated_ids (self->rows, rows_report);

  tl_import_report_merge (self->report, rows_report, row_kinds);
  tl_import_report_set_n_accounts (self->report, tl_account_table_get_n_rows (self->table));
}

/* Flags move candidates; with @report, lists the current-tier labels
 * that match no tier. */
static void
flag_moves (TlDocument     *self,
            TlImportReport *report)
{
  g_autoptr(GPtrArray) unknown = tl_movement_compute (self->table, self->segmentation,
                                                      self->model, today_julian ());
  int column = tl_account_table_get_field_column (self->table, TL_FIELD_CURRENT_TIER);

  if (self->history != NULL)
    tl_history_flag_moves (self->history, self->table, self->segmentation);

  for (guint i = 0; report != NULL && i < unknown->len; i++)
    {
      const TlUnknownTierLabel *entry = g_ptr_array_index (unknown, i);

      tl_import_report_add (report, TL_ISSUE_UNKNOWN_TIER,
                            tl_account_table_get_line (self->table, entry->row), column,
                            entry->label, -1);
    }
}

/* Parses, calibrates and segments from the current map and model, logging
 * how long each step takes. */
static void
segment (TlDocument *self)
{
  gint64 start = g_get_monotonic_time ();
  gint64 parsed, calibrated, segmented;

  parse_rows (self);
  parsed = g_get_monotonic_time ();
  calibrate (self);
  calibrated = g_get_monotonic_time ();

  g_clear_pointer (&self->segmentation, tl_segmentation_free);
  self->segmentation = tl_segmentation_new (self->table, self->model);
  segmented = g_get_monotonic_time ();
  flag_moves (self, self->report);

  g_debug ("parsed in %" G_GINT64_FORMAT " ms, calibrated in %" G_GINT64_FORMAT " ms, "
           "segmented in %" G_GINT64_FORMAT " ms, moves in %" G_GINT64_FORMAT " ms",
           (parsed - start) / 1000, (calibrated - parsed) / 1000,
           (segmented - calibrated) / 1000, (g_get_monotonic_time () - segmented) / 1000);
}

/* A revenue column needs this many filled cells, none of them an amount,
 * to be rejected: a short file with one bad amount is read, with the cell
 * listed in the import report. */
#define MIN_FILLED_WITHOUT_AMOUNT 5

/* Returns whether a cell reads as an amount, with either decimal mark. */
static gboolean
is_amount (const char *text)
{
  gsize len = strlen (text);
  double value;
  TlNumberFlags flags;

  /* A percentage is a number, but not an amount of revenue. */
  if (tl_value_parse_number (text, len, TL_DECIMAL_POINT, &value, &flags) == TL_PARSE_OK)
    return !(flags & TL_NUMBER_PERCENT);
  if (tl_value_parse_number (text, len, TL_DECIMAL_COMMA, &value, &flags) == TL_PARSE_OK)
    return !(flags & TL_NUMBER_PERCENT);

  return FALSE;
}

/* Fails when every mapped revenue column has at least a few filled cells
 * and not one amount among them, as when a name column is chosen as ARR:
 * no account could get a tier. Stops at the first amount, which is
 * usually on the first row. */
static gboolean
check_revenue_amounts (TlDocument        *self,
                       const TlFieldMap  *map,
                       GError           **error)
{
  const TlField fields[] = { TL_FIELD_ARR, TL_FIELD_MRR };
  guint n_rows = tl_account_table_get_n_rows (self->rows);
  const char *example = NULL;
  guint64 example_line = 0;
  g_autofree char *line = NULL;
  guint filled = 0;
  int shown_column = -1;

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      int column = tl_field_map_get_column (map, fields[f]);

      if (column < 0)
        continue;
      if (shown_column < 0)
        shown_column = column;

      for (guint r = 0; r < n_rows; r++)
        {
          const char *text = tl_account_table_get_cell (self->rows, r, column);

          if (tl_value_is_absent (text, strlen (text)))
            continue;
          if (is_amount (text))
            return TRUE;

          filled++;
          if (example == NULL)
            {
              example = text;
              example_line = tl_account_table_get_line (self->rows, r);
            }
        }
    }

  if (filled < MIN_FILLED_WITHOUT_AMOUNT)
    return TRUE;

  line = g_strdup_printf ("%" G_GUINT64_FORMAT, example_line);
  /* Translators: a column header, a count, a cell's text and its line */
  g_set_error (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_AMOUNTS,
               _("The column “%s” has no amounts: none of its %u filled cells is an "
                 "amount, such as “%s” on line %s, so no account could get a tier."),
               tl_account_table_get_header (self->rows, shown_column), filled, example, line);

  return FALSE;
}

/**
 * tl_document_apply_map:
 * @self: a document that was read
 * @map: (nullable): which column holds which field; %NULL for the headers'
 *   automatic matches
 * @model: (nullable): the parameters; %NULL for the defaults
 * @error: return location for an error
 *
 * Parses the mapped columns and segments the accounts. When the model's
 * thresholds are automatic, they are first calibrated from the file.
 *
 * Returns: %FALSE with a %TL_FIELD_MAP_ERROR when the map lacks a name or
 *   ARR column, is ambiguous, or maps revenue to a column without amounts;
 *   the document then stays as it was
 */
gboolean
tl_document_apply_map (TlDocument        *self,
                       const TlFieldMap  *map,
                       const TlModel     *model,
                       GError           **error)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->table != NULL, FALSE);

  if (map == NULL)
    map = self->map;
  if (!tl_field_map_validate (map, error) || !check_revenue_amounts (self, map, error))
    return FALSE;

  if (map != self->map)
    {
      g_clear_pointer (&self->map, tl_field_map_free);
      self->map = tl_field_map_copy (map);
    }

  g_clear_pointer (&self->model, tl_model_free);
  self->model = model != NULL ? tl_model_copy (model) : tl_model_new_default ();

  segment (self);

  return TRUE;
}

/* Returns whether the accounts are segmented. */
gboolean
tl_document_is_ready (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), FALSE);

  return self->segmentation != NULL;
}

const char *
tl_document_get_path (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->path;
}

/* Returns the file's name for display. */
char *
tl_document_get_basename (TlDocument *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  base = g_path_get_basename (self->path);

  return g_filename_display_name (base);
}

const TlAccountTable *
tl_document_get_table (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->table;
}

/**
 * tl_document_get_sort_ranks:
 * @self: a segmented document
 *
 * Returns the ranks of the accounts by name and by owner, and starts
 * computing them in a thread the first time. They are stopped and
 * replaced when a new map or the combining of ids changes the accounts.
 *
 * Returns: (transfer none): the ranks of the current accounts
 */
TlSortRanks *
tl_document_get_sort_ranks (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->table != NULL, NULL);

  if (self->sort_ranks == NULL)
    self->sort_ranks = tl_sort_ranks_start (self->table);

  return self->sort_ranks;
}

/* Returns the map in use, or the automatic one before a map is applied. */
const TlFieldMap *
tl_document_get_map (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->map;
}

/* Returns the model in use, with calibrated bounds when they are automatic;
 * NULL before tl_document_apply_map(). */
const TlModel *
tl_document_get_model (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->model;
}

/**
 * tl_document_set_model:
 * @self: a segmented document
 * @model: the new parameters
 *
 * Segments the accounts again under @model, without reading the file, and
 * emits TlDocument::changed.
 */
void
tl_document_set_model (TlDocument    *self,
                       const TlModel *model)
{
  gint64 start, calibrated, segmented;
  gboolean scores_stand;

  g_return_if_fail (TL_IS_DOCUMENT (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (self->segmentation != NULL);

  start = g_get_monotonic_time ();
  scores_stand = self->model != NULL && tl_model_scores_alike (self->model, model);
  g_clear_pointer (&self->model, tl_model_free);
  self->model = tl_model_copy (model);
  calibrate (self);
  calibrated = g_get_monotonic_time ();
  if (scores_stand)
    tl_segmentation_update_tiers (self->segmentation, self->table, self->model);
  else
    tl_segmentation_update (self->segmentation, self->table, self->model);
  segmented = g_get_monotonic_time ();
  flag_moves (self, NULL);
  g_debug ("segmented again%s: calibrated in %" G_GINT64_FORMAT " ms, segmented in %"
           G_GINT64_FORMAT " ms, moves in %" G_GINT64_FORMAT " ms",
           scores_stand ? ", keeping the scores" : "",
           (calibrated - start) / 1000, (segmented - calibrated) / 1000,
           (g_get_monotonic_time () - segmented) / 1000);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tl_document_set_combine_ids:
 * @self: a document
 * @combine: whether rows that share an id become one account
 *
 * Chooses between one account per row and one account per id (see
 * tl_account_table_combine_ids()). On a segmented document the accounts
 * are segmented again and TlDocument::changed is emitted.
 */
void
tl_document_set_combine_ids (TlDocument *self,
                             gboolean    combine)
{
  g_return_if_fail (TL_IS_DOCUMENT (self));

  if (self->combine_ids == !!combine)
    return;

  self->combine_ids = !!combine;
  if (self->segmentation == NULL)
    return;

  segment (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
tl_document_get_combine_ids (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), FALSE);

  return self->combine_ids;
}

/* Returns how many rows of the file repeat an id of an earlier row. */
guint
tl_document_count_repeated_ids (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), 0);

  if (self->segmentation == NULL)
    return 0;

  return self->repeated_ids;
}

/**
 * tl_document_set_history:
 * @self: a document
 * @history: (transfer full) (nullable): the snapshots before the quarter of
 *   the loaded accounts, or %NULL for none
 *
 * Uses @history for the move rules that need consecutive quarters, now
 * and after every re-segmentation, and emits TlDocument::changed on a
 * segmented document.
 */
void
tl_document_set_history (TlDocument *self,
                         TlHistory  *history)
{
  g_return_if_fail (TL_IS_DOCUMENT (self));

  g_clear_pointer (&self->history, tl_history_free);
  self->history = history;
  if (self->segmentation == NULL)
    return;

  flag_moves (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

const TlHistory *
tl_document_get_history (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->history;
}

const TlSegmentation *
tl_document_get_segmentation (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->segmentation;
}

TlImportReport *
tl_document_get_report (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->report;
}

/* Returns why the bounds were not calibrated, or NULL when they were or
 * are set by hand. */
const char *
tl_document_get_calibration_note (TlDocument *self)
{
  g_return_val_if_fail (TL_IS_DOCUMENT (self), NULL);

  return self->calibration_note;
}
