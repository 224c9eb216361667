/* tl-workbook-private.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "tl-movement.h"
#include "tl-workbook.h"

G_BEGIN_DECLS

/* Longest text a cell holds, in UTF-16 code units as Excel counts them. */
#define TL_XLSX_MAX_CELL_UNITS 32767

/* Rows written between checks for cancellation and progress reports. */
#define TL_XLSX_CHECK_EVERY 4096

/* Excel's day 0 (1899-12-30) as a GDate Julian day. */
#define TL_XLSX_EPOCH_JULIAN 693594

typedef struct _TlSignalQueue TlSignalQueue;

/* The formats and state shared by the sheet writers of one export. */
typedef struct
{
  TlDocument     *document;
  lxw_workbook   *workbook;
  GCancellable   *cancellable;
  TlProgressFunc  progress;
  gpointer        progress_data;

  lxw_format     *header;
  lxw_format     *money;
  lxw_format     *money_whole;    /* totals and per-CSM figures, in whole dollars */
  lxw_format     *integer_top;    /* a number at the top of a tall row */
  lxw_format     *percent;
  lxw_format     *date;
  lxw_format     *integer;
  lxw_format     *decimal;
  lxw_format     *wrap;
  lxw_format     *indented;       /* text beside a right-aligned number */
  lxw_format     *off_target;     /* text that misses its target */
  lxw_format     *off_target_number;
  lxw_format     *off_target_money;
  lxw_format     *status[5];      /* by TlHealthStatus, for cells */
  lxw_format     *status_rule[5]; /* the same colours, for conditional formats */
  lxw_format     *expansion[4];   /* by TlExpansionLevel, for conditional formats */

  TlSignalQueue  *signals;        /* the Expansion Signals texts */

  /* Translated labels of the row cells, looked up once per export because
   * gettext takes a lock on each call. */
  const char     *health_labels[5];
  const char     *expansion_labels[4];
  const char     *move_labels[TL_N_MOVE_KINDS];
  const char     *needs_data;
  const char     *yes;
  const char     *no;

  guint           n_cut_cells;    /* cells cut to the cell limit */
  char           *first_cut;      /* the account of the first cut cell */
} TlWorkbookWriter;

lxw_error _tl_workbook_write_string  (TlWorkbookWriter *writer,
                                      lxw_worksheet    *sheet,
                                      lxw_row_t         row,
                                      lxw_col_t         col,
                                      const char       *text,
                                      lxw_format       *format,
                                      guint             account);
lxw_worksheet *_tl_workbook_add_sheet (TlWorkbookWriter *writer,
                                      const char       *name,
                                      gboolean          fit_width);
void      _tl_workbook_write_headers (lxw_worksheet    *sheet,
                                      lxw_format       *format,
                                      const char *const *titles,
                                      guint             n);
gboolean  _tl_workbook_write_accounts (TlWorkbookWriter *writer,
                                       lxw_worksheet    *sheet,
                                       GError          **error);
void      _tl_workbook_add_capacity   (TlWorkbookWriter *writer);
lxw_worksheet *_tl_workbook_add_movements (TlWorkbookWriter *writer);
void      _tl_workbook_write_movements (TlWorkbookWriter *writer,
                                        lxw_worksheet    *sheet);

TlSignalQueue *_tl_signal_queue_new  (TlDocument    *document);
void        _tl_signal_queue_free    (TlSignalQueue *queue);
gboolean    _tl_signal_queue_fill    (TlSignalQueue *queue,
                                      gboolean       wait);
const char *_tl_signal_queue_get     (TlSignalQueue *queue,
                                      guint          account);
void        _tl_signal_queue_stop    (TlSignalQueue *queue);

void     _tl_workbook_set_write_error (const char    *path,
                                       int            saved,
                                       const char    *detail,
                                       GError       **error);
gboolean _tl_workbook_check_rows      (lxw_workbook  *workbook,
                                       const char    *path,
                                       GArray        *row_bytes,
                                       GError       **error);
void     _tl_workbook_discard         (lxw_workbook  *workbook);
gboolean _tl_workbook_check_written   (const char    *tmp,
                                       const char    *path,
                                       GArray        *row_bytes,
                                       GError       **error);

G_END_DECLS
