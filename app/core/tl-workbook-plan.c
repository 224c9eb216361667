/* tl-workbook-plan.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-workbook-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-allocation.h"
#include "tl-format.h"
#include "tl-movement.h"
#include "tl-value.h"
#include "tl-workbook-private.h"

/* Accounts looked at between turns at filling the signal texts. */
#define FILL_EVERY 256

/* The Capacity sheet: the allocation table, its totals and chart, then the
 * books of business. The Movements sheet: every move candidate. */

enum
{
  CAP_TIER,
  CAP_NAME,
  CAP_ACCOUNTS,
  CAP_ARR,
  CAP_RATIO,
  CAP_MIN,
  CAP_COMFORTABLE,
  CAP_ALLOCATED,
  CAP_ACCOUNTS_PER_CSM,
  CAP_ARR_PER_CSM,
  CAP_ARR_TARGET,
  N_CAP_COLUMNS
};

static char *
describe_ratio (const TlTierParams *tier)
{
  if (tier->accounts_per_csm[1] == 0)
    return g_strdup (_("no CSM"));

  return g_strdup_printf ("%u-%u", tier->accounts_per_csm[0], tier->accounts_per_csm[1]);
}

static char *
describe_arr_target (const TlTierParams *tier,
                     const char         *currency)
{
  g_autofree char *low = tl_format_money_short (tier->arr_per_csm[0], currency);
  g_autofree char *high = tl_format_money_short (tier->arr_per_csm[1], currency);

  if (tier->accounts_per_csm[1] == 0)
    return g_strdup ("");
  if (tier->arr_per_csm[1] == 0)
    return g_strdup_printf (_("%s or more"), low);
  if (tier->arr_per_csm[0] == 0)
    return g_strdup_printf (_("under %s"), high);

  return g_strdup_printf ("%s-%s", low, high);
}

static void
write_capacity_row (TlWorkbookWriter       *w,
                    lxw_worksheet          *sheet,
                    const TlTierAllocation *tier,
                    const TlTierParams     *params,
                    guint                   t)
{
  lxw_row_t row = t + 1;
  g_autofree char *ratio = describe_ratio (params);
  const char *currency = tl_account_table_get_arr_currency (tl_document_get_table (w->document));
  g_autofree char *target = describe_arr_target (params, currency);

  worksheet_write_number (sheet, row, CAP_TIER, t + 1, w->integer);
  worksheet_write_string (sheet, row, CAP_NAME, params->name, NULL);
  worksheet_write_number (sheet, row, CAP_ACCOUNTS, tier->accounts, w->integer);
  worksheet_write_number (sheet, row, CAP_ARR, tier->arr, w->money_whole);
  worksheet_write_string (sheet, row, CAP_RATIO, ratio, w->indented);
  worksheet_write_number (sheet, row, CAP_MIN, tier->needed_min, w->integer);
  worksheet_write_number (sheet, row, CAP_COMFORTABLE, tier->needed_comfortable, w->integer);
  worksheet_write_number (sheet, row, CAP_ALLOCATED, tier->allocated, w->integer);
  if (!isnan (tier->accounts_per_csm))
    worksheet_write_number (sheet, row, CAP_ACCOUNTS_PER_CSM, tier->accounts_per_csm,
                            tier->accounts_off_target ? w->off_target_number : w->decimal);
  else if (tier->accounts_off_target)
    worksheet_write_string (sheet, row, CAP_ACCOUNTS_PER_CSM, _("no CSM"), w->off_target);
  if (!isnan (tier->arr_per_csm))
    worksheet_write_number (sheet, row, CAP_ARR_PER_CSM, tier->arr_per_csm,
                            tier->arr_off_target ? w->off_target_money : w->money_whole);
  worksheet_write_string (sheet, row, CAP_ARR_TARGET, target, w->indented);
}

static lxw_row_t
write_capacity_totals (TlWorkbookWriter   *w,
                       lxw_worksheet      *sheet,
                       const TlAllocation *a)
{
  lxw_row_t row = TL_N_TIERS + 1;
  g_autofree char *balance = NULL;

  worksheet_write_string (sheet, row, CAP_NAME, _("Total"), w->header);
  worksheet_write_number (sheet, row, CAP_MIN, a->total_min, w->integer);
  worksheet_write_number (sheet, row, CAP_COMFORTABLE, a->total_comfortable, w->integer);
  worksheet_write_number (sheet, row, CAP_ALLOCATED, a->headcount - a->surplus, w->integer);

  row += 2;
  worksheet_write_string (sheet, row, 1, _("Headcount"), w->header);
  worksheet_write_number (sheet, row, 2, a->headcount, w->integer);
  if (a->headcount == 0)
    balance = g_strdup (_("No headcount set: the table shows the CSMs each tier needs. Set "
                          "the headcount to see the allocation."));
  else if (a->shortfall > 0)
    balance = g_strdup_printf (_("Shortfall: %u CSMs below the minimum, falling on the lower "
                                 "tiers first."), a->shortfall);
  else if (a->short_of_comfortable > 0)
    balance = g_strdup_printf (_("Every minimum is covered; %u more CSMs would reach the "
                                 "comfortable coverage."), a->short_of_comfortable);
  else
    balance = g_strdup_printf (_("Every tier is comfortably covered, with %u CSMs to spare."),
                               a->surplus);
  worksheet_write_string (sheet, ++row, 1, balance, NULL);
  worksheet_write_string (sheet, ++row, 1, _("Values that miss their target are shown in "
                                              "red."), NULL);

  return row + 2;
}

static void
add_capacity_chart (TlWorkbookWriter *w,
                    lxw_worksheet    *sheet,
                    const char       *sheet_name)
{
  lxw_chart *chart = workbook_add_chart (w->workbook, LXW_CHART_COLUMN);
  const lxw_col_t columns[] = { CAP_MIN, CAP_COMFORTABLE, CAP_ALLOCATED };
  const char *const names[] = { _("CSMs needed (minimum)"), _("CSMs needed (comfortable)"),
                                _("CSMs allocated") };
  const lxw_color_t colors[] = { 0x9DC3E6, 0x2E75B6, 0x70AD47 };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = colors[i] };

      chart_series_set_categories (series, sheet_name, 1, CAP_NAME, TL_N_TIERS - 1, CAP_NAME);
      chart_series_set_values (series, sheet_name, 1, columns[i], TL_N_TIERS - 1, columns[i]);
      chart_series_set_name (series, names[i]);
      chart_series_set_fill (series, &fill);
    }
  chart_title_set_name (chart, _("CSMs per tier"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart (sheet, 1, N_CAP_COLUMNS + 1, chart);
}

static void
write_books (TlWorkbookWriter *w,
             lxw_worksheet    *sheet,
             lxw_row_t         row)
{
  const TlAccountTable *table = tl_document_get_table (w->document);
  const TlModel *model = tl_document_get_model (w->document);
  g_autoptr(GPtrArray) books = tl_books_compute (table, tl_document_get_segmentation (w->document),
                                                 model);

  if (books->len == 0)
    {
      worksheet_write_string (sheet, row, 1, _("The file has no owner column, so there are no "
                                               "books of business."), NULL);
      return;
    }

  /* The books start in column B, whose width suits names. */
  worksheet_write_string (sheet, row, 1, _("CSM"), w->header);
  for (guint t = 0; t < TL_N_TIERS; t++)
    worksheet_write_string (sheet, row, 2 + t, model->tiers[t].name, w->header);
  worksheet_write_string (sheet, row, 6, _("Accounts"), w->header);
  worksheet_write_string (sheet, row, 7, _("ARR"), w->header);
  worksheet_write_string (sheet, row, 8, _("Load"), w->header);
  worksheet_write_string (sheet, row, 9, _("Book"), w->header);

  for (guint i = 0; i < books->len; i++)
    {
      const TlBook *book = g_ptr_array_index (books, i);
      gboolean flagged = book->state == TL_BOOK_OVERLOADED || book->state == TL_BOOK_UNDERUSED;

      row++;
      _tl_workbook_write_string (w, sheet, row, 1, book->owner != NULL ? book->owner
                                                                     : _("(no owner)"), NULL, 0);
      for (guint t = 1; t <= TL_N_TIERS; t++)
        worksheet_write_number (sheet, row, 1 + t, book->accounts[t], w->integer);
      worksheet_write_number (sheet, row, 6, book->total_accounts, w->integer);
      worksheet_write_number (sheet, row, 7, book->total_arr, w->money_whole);
      worksheet_write_number (sheet, row, 8, book->load, w->percent);
      worksheet_write_string (sheet, row, 9, tl_book_state_get_label (book->state),
                              flagged ? w->off_target : w->indented);
    }
  worksheet_write_string (sheet, row + 2, 1, _("Load is the share of one CSM the book takes at "
                                               "the highest accounts per CSM: above 100 % is "
                                               "overloaded; a book below the lowest accounts "
                                               "per CSM is underused."), NULL);
}

/* Writes the Capacity sheet: how many CSMs each tier needs, how the
 * model's headcount covers them, and each CSM's book of business. */
void
_tl_workbook_add_capacity (TlWorkbookWriter *w)
{
  const char *name = _("Capacity");
  lxw_worksheet *sheet = _tl_workbook_add_sheet (w, name, TRUE);
  const TlModel *model = tl_document_get_model (w->document);
  const char *const titles[N_CAP_COLUMNS] = {
    _("Tier"), _("Name"), _("Accounts"), _("ARR"), _("Accounts per CSM (target)"),
    _("CSMs Needed (minimum)"), _("CSMs Needed (comfortable)"), _("CSMs Allocated"),
    _("Accounts per CSM"), _("ARR per CSM"), _("ARR per CSM (target)"),
  };
  const double widths[N_CAP_COLUMNS] = { 6, 22, 11, 15, 14, 14, 15, 13, 11, 15, 14 };
  TlAllocation allocation;
  lxw_row_t row;

  tl_allocation_compute (tl_document_get_segmentation (w->document), model, model->headcount,
                         &allocation);

  worksheet_freeze_panes (sheet, 1, 0);
  for (guint c = 0; c < N_CAP_COLUMNS; c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_set_row (sheet, 0, 32, NULL);
  _tl_workbook_write_headers (sheet, w->header, titles, N_CAP_COLUMNS);

  for (guint t = 0; t < TL_N_TIERS; t++)
    write_capacity_row (w, sheet, &allocation.tiers[t], &model->tiers[t], t);
  row = write_capacity_totals (w, sheet, &allocation);
  add_capacity_chart (w, sheet, name);
  write_books (w, sheet, row);
}

/**
 * _tl_workbook_add_movements:
 * @w: the export
 *
 * Adds the Movements sheet with its header, filter and column widths. Its
 * rows are written by _tl_workbook_write_movements().
 *
 * Returns: (transfer none): the sheet
 */
lxw_worksheet *
_tl_workbook_add_movements (TlWorkbookWriter *w)
{
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  lxw_worksheet *sheet = _tl_workbook_add_sheet (w, _("Movements"), FALSE);
  const char *const titles[] = {
    _("Account"), _("Account ID"), _("Tier"), _("Tier Name"), _("ARR"), _("Current Tier"),
    _("Movement"), _("At Renewal"), _("Renewal"), _("Rule"),
  };
  const double widths[] = { 30, 14, 6, 12, 14, 14, 11, 11, 12, 90 };
  guint n = 0;

  for (guint r = 0; r < seg->n_accounts; r++)
    n += seg->movement[r] != 0;

  worksheet_freeze_panes (sheet, 1, 1);
  worksheet_autofilter (sheet, 0, 0, MAX (n, 1), G_N_ELEMENTS (titles) - 1);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    worksheet_set_column (sheet, c, c, widths[c], c == 9 ? w->wrap : NULL);
  _tl_workbook_write_headers (sheet, w->header, titles, G_N_ELEMENTS (titles));

  return sheet;
}

static void
write_movement_row (TlWorkbookWriter *w,
                    lxw_worksheet    *sheet,
                    lxw_row_t         row,
                    guint             r)
{
  const TlAccountTable *table = tl_document_get_table (w->document);
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const TlModel *model = tl_document_get_model (w->document);
  guint flags = seg->movement[r];
  g_autofree char *rule = tl_movement_explain (table, seg, model, r);
  const char *id = tl_account_table_get_text (table, TL_FIELD_ID, r);
  const char *current = tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, r);
  double renewal = tl_account_table_get_value (table, TL_FIELD_RENEWAL, r);

  _tl_workbook_write_string (w, sheet, row, 0, tl_account_table_get_display_name (table, r),
                             NULL, r);
  if (id != NULL && *id != '\0')
    _tl_workbook_write_string (w, sheet, row, 1, id, NULL, r);
  worksheet_write_number (sheet, row, 2, seg->tier[r], w->integer);
  worksheet_write_string (sheet, row, 3, model->tiers[seg->tier[r] - 1].name, NULL);
  worksheet_write_number (sheet, row, 4, tl_account_table_get_arr (table)[r], w->money);
  if (current != NULL && *current != '\0')
    _tl_workbook_write_string (w, sheet, row, 5, current, NULL, r);
  worksheet_write_string (sheet, row, 6, w->move_labels[tl_movement_get_kind (flags)], NULL);
  worksheet_write_string (sheet, row, 7, flags & TL_MOVE_AT_RENEWAL ? w->yes : w->no, NULL);
  if (!isnan (renewal))
    worksheet_write_number (sheet, row, 8, renewal - TL_XLSX_EPOCH_JULIAN, w->date);
  if (rule != NULL)
    worksheet_write_string (sheet, row, 9, rule, w->wrap);
}

/**
 * _tl_workbook_write_movements:
 * @w: the export
 * @sheet: the sheet from _tl_workbook_add_movements()
 *
 * Writes the rows of the Movements sheet: every account with a move flag,
 * the rule that flagged it and the numbers behind it. Between rows, it
 * fills the signal texts of the Accounts sheet whenever a chunk is free.
 * Stops early when the export is cancelled.
 */
void
_tl_workbook_write_movements (TlWorkbookWriter *w,
                              lxw_worksheet    *sheet)
{
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  lxw_row_t row = 1;

  for (guint r = 0; r < seg->n_accounts; r++)
    {
      if (r % TL_XLSX_CHECK_EVERY == 0 && g_cancellable_is_cancelled (w->cancellable))
        return;

      /* The Accounts rows wait for the signal texts, so they come first. */
      if (r % FILL_EVERY == 0)
        while (_tl_signal_queue_fill (w->signals, FALSE))
          ;
      if (seg->movement[r] == 0)
        continue;

      write_movement_row (w, sheet, row, r);
      row++;
    }

  if (row == 1)
    worksheet_write_string (sheet, 1, 0, _("No account is a candidate to move between tiers."),
                            NULL);
}
