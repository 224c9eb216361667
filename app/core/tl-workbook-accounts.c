/* tl-workbook-accounts.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-workbook-accounts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-movement.h"
#include "tl-value.h"
#include "tl-workbook-private.h"

/* Rows looked at to size the columns. */
#define WIDTH_SAMPLE 500

/* Longer digit strings are identifiers, kept as text: a double holds 15
 * significant digits. */
#define MAX_NUMBER_DIGITS 15

typedef enum
{
  COLUMN_TEXT,
  COLUMN_NUMBER,
  COLUMN_DATE,
} ColumnType;

/* How one input column is written. */
typedef struct
{
  ColumnType    type;
  TlColumnStyle style;
  TlDecimalMark mark;
  TlDateOrder   order;
  gboolean      money;     /* a money field, or cells with a currency */
  double        width;
} InputColumn;

/* The columns every accounts sheet starts with. */
enum
{
  COL_ACCOUNT,
  COL_ID,
  COL_TIER,
  COL_TIER_NAME,
  COL_HEALTH_SCORE,
  COL_HEALTH,
  COL_EXPANSION,
  COL_SIGNALS,
  COL_MOVEMENT,
  COL_MOTION,
  N_FIXED_COLUMNS
};

/* Returns whether a cell looks like a code that must stay text: a leading
 * zero ("00123") or more digits than a double holds. */
static gboolean
looks_like_code (const char *text)
{
  guint digits = 0;

  while (*text == ' ')
    text++;
  if (text[0] == '0' && g_ascii_isdigit (text[1]))
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) != 0;

  return digits > MAX_NUMBER_DIGITS;
}

static gboolean
field_is_text (const TlAccountTable *table,
               guint                 column)
{
  int field = tl_field_map_get_field_of (tl_account_table_get_map (table), column);

  return field >= 0 && tl_field_get_kind (field) == TL_FIELD_KIND_TEXT;
}

/* Decides for each input column whether every non-empty cell is a number
 * (or, for the renewal field, a date); otherwise the column is text. */
static void
classify_columns (const TlAccountTable *table,
                  InputColumn          *columns)
{
  guint n_rows = tl_account_table_get_n_rows (table);
  guint n_cols = tl_account_table_get_n_columns (table);
  int renewal = tl_account_table_get_field_column (table, TL_FIELD_RENEWAL);
  g_autofree const char **cells = g_new (const char *, MAX (n_cols, 1));
  g_autofree gboolean *any = g_new0 (gboolean, MAX (n_cols, 1));

  for (guint c = 0; c < n_cols; c++)
    {
      int field = tl_field_map_get_field_of (tl_account_table_get_map (table), c);

      columns[c].type = (int) c == renewal ? COLUMN_DATE
                        : field_is_text (table, c) ? COLUMN_TEXT : COLUMN_NUMBER;
      columns[c].money = field >= 0 && tl_field_get_kind (field) == TL_FIELD_KIND_MONEY;
      columns[c].width = g_utf8_strlen (tl_account_table_get_header (table, c), -1) + 2;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      tl_account_table_get_row_cells (table, r, cells);
      for (guint c = 0; c < n_cols; c++)
        if (columns[c].type != COLUMN_TEXT && !tl_value_is_absent (cells[c], strlen (cells[c])))
          tl_column_style_add (&columns[c].style, cells[c], strlen (cells[c]));
    }
  for (guint c = 0; c < n_cols; c++)
    {
      columns[c].mark = tl_column_style_get_mark (&columns[c].style);
      columns[c].order = tl_column_style_get_order (&columns[c].style);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      tl_account_table_get_row_cells (table, r, cells);
      for (guint c = 0; c < n_cols; c++)
        {
          InputColumn *col = &columns[c];
          gsize len = strlen (cells[c]);
          double v;
          guint32 day;
          TlNumberFlags flags;

          if (r < WIDTH_SAMPLE)
            col->width = MAX (col->width, MIN (g_utf8_strlen (cells[c], len), 60) + 2);
          if (col->type == COLUMN_TEXT || tl_value_is_absent (cells[c], len))
            continue;

          any[c] = TRUE;
          if (col->type == COLUMN_DATE)
            col->type = tl_value_parse_date (cells[c], len, col->order, &day) == TL_PARSE_OK
                        ? COLUMN_DATE : COLUMN_TEXT;
          else if (looks_like_code (cells[c])
                   || tl_value_parse_number (cells[c], len, col->mark, &v, &flags) != TL_PARSE_OK)
            col->type = COLUMN_TEXT;
          else if (flags & TL_NUMBER_CURRENCY)
            col->money = TRUE;
        }
    }

  for (guint c = 0; c < n_cols; c++)
    if (!any[c])
      columns[c].type = COLUMN_TEXT;
}

/* Returns the format of a number cell, or NULL for the General format,
 * which shows whole and decimal numbers alike. */
static lxw_format *
number_format (TlWorkbookWriter *w,
               const InputColumn *col,
               TlNumberFlags      flags)
{
  if (flags & TL_NUMBER_PERCENT)
    return w->percent;
  if (col->money || (flags & TL_NUMBER_CURRENCY))
    return w->money;

  return NULL;
}

static lxw_error
write_input_cell (TlWorkbookWriter  *w,
                  lxw_worksheet     *sheet,
                  lxw_row_t          row,
                  lxw_col_t          col,
                  const InputColumn *input,
                  const char        *text,
                  guint              account)
{
  gsize len = strlen (text);
  double v;
  guint32 day;
  TlNumberFlags flags;

  if (len == 0)
    return LXW_NO_ERROR;
  if (input->type == COLUMN_TEXT)
    return _tl_workbook_write_string (w, sheet, row, col, text, NULL, account);

  /* Every other cell of a date or number column parses, or is absent. */
  if (input->type == COLUMN_DATE)
    return tl_value_parse_date (text, len, input->order, &day) == TL_PARSE_OK
           ? worksheet_write_number (sheet, row, col, (double) day - TL_XLSX_EPOCH_JULIAN,
                                     w->date)
           : LXW_NO_ERROR;
  if (tl_value_parse_number (text, len, input->mark, &v, &flags) != TL_PARSE_OK)
    return LXW_NO_ERROR;

  return worksheet_write_number (sheet, row, col, v, number_format (w, input, flags));
}

static lxw_error
write_health (TlWorkbookWriter *w,
              lxw_worksheet    *sheet,
              lxw_row_t         row,
              guint             account)
{
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const TlModel *model = tl_document_get_model (w->document);
  TlHealthStatus status = tl_segmentation_get_status (seg, model, account);
  lxw_error err = LXW_NO_ERROR;

  if (status == TL_HEALTH_NONE)
    return LXW_NO_ERROR;

  err = worksheet_write_number (sheet, row, COL_HEALTH_SCORE, seg->health[account],
                                w->integer);
  /* The column's conditional formats colour the label. */
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (sheet, row, COL_HEALTH, w->health_labels[status], NULL);

  return err;
}

static lxw_error
write_expansion (TlWorkbookWriter *w,
                 lxw_worksheet    *sheet,
                 lxw_row_t         row,
                 guint             account)
{
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const char *fired = _tl_signal_queue_get (w->signals, account);
  lxw_error err;

  if (seg->expansion[account] == TL_EXPANSION_NONE)
    return LXW_NO_ERROR;

  err = worksheet_write_string (sheet, row, COL_EXPANSION,
                                w->expansion_labels[seg->expansion[account]], NULL);
  if (err != LXW_NO_ERROR || fired == NULL)
    return err;

  return worksheet_write_string (sheet, row, COL_SIGNALS, fired, NULL);
}

static lxw_error
write_fixed_cells (TlWorkbookWriter *w,
                   lxw_worksheet    *sheet,
                   lxw_row_t         row,
                   guint             account)
{
  const TlAccountTable *table = tl_document_get_table (w->document);
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const TlModel *model = tl_document_get_model (w->document);
  const char *id = tl_account_table_get_text (table, TL_FIELD_ID, account);
  guint tier = seg->tier[account];
  lxw_error err;

  err = _tl_workbook_write_string (w, sheet, row, COL_ACCOUNT,
                                   tl_account_table_get_display_name (table, account),
                                   NULL, account);
  if (err == LXW_NO_ERROR && id != NULL && *id != '\0')
    err = _tl_workbook_write_string (w, sheet, row, COL_ID, id, NULL, account);
  if (err == LXW_NO_ERROR && tier != TL_TIER_NONE)
    err = worksheet_write_number (sheet, row, COL_TIER, tier, w->integer);
  if (err == LXW_NO_ERROR)
    err = worksheet_write_string (sheet, row, COL_TIER_NAME,
                                  tier != TL_TIER_NONE ? model->tiers[tier - 1].name
                                                       : w->needs_data, NULL);
  if (err == LXW_NO_ERROR)
    err = write_health (w, sheet, row, account);
  if (err == LXW_NO_ERROR)
    err = write_expansion (w, sheet, row, account);
  if (err == LXW_NO_ERROR && seg->movement[account] != 0)
    err = worksheet_write_string (sheet, row, COL_MOVEMENT,
                                  w->move_labels[tl_movement_get_kind (seg->movement[account])],
                                  NULL);
  if (err == LXW_NO_ERROR && tier != TL_TIER_NONE)
    err = worksheet_write_string (sheet, row, COL_MOTION,
                                  model->tiers[tier - 1].motion[TL_MOTION_COVERAGE], NULL);

  return err;
}

/* Adds a conditional format that gives @format to the cells of @col below
 * the header that contain @label. One rule for the column replaces a
 * format on each cell. */
static void
colour_label (lxw_worksheet *sheet,
              lxw_col_t      col,
              guint          n_rows,
              const char    *label,
              lxw_format    *format)
{
  g_autoptr(GString) quoted = g_string_new ("\"");
  lxw_conditional_format rule = { 0 };

  /* A string in a formula escapes a double quote by doubling it. */
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  rule.value_string = quoted->str;
  rule.format = format;
  worksheet_conditional_format_range (sheet, 1, col, MAX (n_rows, 1), col, &rule);
}

/* Gives the Health and Expansion labels their band colours. */
static void
colour_bands (TlWorkbookWriter *w,
              lxw_worksheet    *sheet,
              guint             n_rows)
{
  for (guint s = TL_HEALTH_HEALTHY; s <= TL_HEALTH_CRITICAL; s++)
    colour_label (sheet, COL_HEALTH, n_rows, tl_health_status_get_label (s),
                  w->status_rule[s]);
  for (guint l = TL_EXPANSION_LOW; l <= TL_EXPANSION_HIGH; l++)
    colour_label (sheet, COL_EXPANSION, n_rows, tl_expansion_level_get_label (l),
                  w->expansion[l]);
}

static gboolean
names_fixed_column (const char *const *fixed,
                    const char        *header)
{
  for (guint c = 0; c < N_FIXED_COLUMNS; c++)
    if (g_utf8_collate (fixed[c], header) == 0 || g_ascii_strcasecmp (fixed[c], header) == 0)
      return TRUE;

  return FALSE;
}

static void
set_up_sheet (TlWorkbookWriter  *w,
              lxw_worksheet     *sheet,
              const InputColumn *inputs,
              guint              n_inputs,
              guint              n_rows)
{
  const TlAccountTable *table = tl_document_get_table (w->document);
  const char *const fixed[N_FIXED_COLUMNS] = {
    _("Account"), _("Account ID"), _("Tier"), _("Tier Name"), _("Health Score"),
    _("Health"), _("Expansion"), _("Expansion Signals"), _("Movement"), _("CS Motion"),
  };
  const double widths[N_FIXED_COLUMNS] = { 32, 16, 6, 12, 13, 10, 11, 34, 12, 40 };
  g_autofree const char **titles = g_new (const char *, N_FIXED_COLUMNS + n_inputs);
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_free);

  /* Constant-memory mode streams rows, so panes, filter and widths come
   * first. */
  worksheet_freeze_panes (sheet, 1, 1);
  worksheet_autofilter (sheet, 0, 0, n_rows, N_FIXED_COLUMNS + n_inputs - 1);
  for (guint c = 0; c < N_FIXED_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  for (guint c = 0; c < n_inputs; c++)
    worksheet_set_column (sheet, N_FIXED_COLUMNS + c, N_FIXED_COLUMNS + c,
                          MIN (inputs[c].width, 50), NULL);
  colour_bands (w, sheet, n_rows);

  memcpy (titles, fixed, sizeof fixed);
  for (guint c = 0; c < n_inputs; c++)
    {
      const char *header = tl_account_table_get_header (table, c);

      titles[N_FIXED_COLUMNS + c] = header;
      if (!names_fixed_column (fixed, header))
        continue;

      /* An input column named like a result column ("Health") is marked
       * as the file's, so that the filter lists no two columns alike. */
      /* Translators: a column of the input file whose name a result column has */
      g_ptr_array_add (renamed, g_strdup_printf (_("%s (from file)"), header));
      titles[N_FIXED_COLUMNS + c] = g_ptr_array_index (renamed, renamed->len - 1);
    }
  _tl_workbook_write_headers (sheet, w->header, titles, N_FIXED_COLUMNS + n_inputs);
}

static gboolean
report_lxw_error (lxw_error  err,
                  GError   **error)
{
  g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
               _("Writing the Accounts sheet failed: %s"), lxw_strerror (err));
  return FALSE;
}

/**
 * _tl_workbook_write_accounts:
 * @writer: the export
 * @sheet: the empty Accounts sheet
 * @error: return location for an error
 *
 * Writes the Accounts sheet: each account's results, then every column of
 * the input in its order. Numbers are written as numbers, text as text.
 *
 * Returns: %FALSE on a write error or cancellation
 */
gboolean
_tl_workbook_write_accounts (TlWorkbookWriter  *writer,
                             lxw_worksheet     *sheet,
                             GError           **error)
{
  const TlAccountTable *table = tl_document_get_table (writer->document);
  guint n_rows = tl_account_table_get_n_rows (table);
  guint n_cols = tl_account_table_get_n_columns (table);
  g_autofree InputColumn *inputs = g_new0 (InputColumn, MAX (n_cols, 1));
  g_autofree const char **cells = g_new (const char *, MAX (n_cols, 1));

  classify_columns (table, inputs);
  set_up_sheet (writer, sheet, inputs, n_cols, n_rows);

  for (guint r = 0; r < n_rows; r++)
    {
      lxw_error err = write_fixed_cells (writer, sheet, r + 1, r);

      tl_account_table_get_row_cells (table, r, cells);
      for (guint c = 0; c < n_cols && err == LXW_NO_ERROR; c++)
        err = write_input_cell (writer, sheet, r + 1, N_FIXED_COLUMNS + c, &inputs[c],
                                cells[c], r);
      if (err != LXW_NO_ERROR)
        return report_lxw_error (err, error);

      if (r % TL_XLSX_CHECK_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
            return FALSE;
          if (writer->progress != NULL)
            writer->progress (0.9 * r / MAX (n_rows, 1), writer->progress_data);
        }
    }

  return TRUE;
}
