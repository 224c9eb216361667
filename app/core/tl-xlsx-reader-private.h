/* tl-xlsx-reader-private.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <zip.h>

#include "tl-xlsx-reader.h"

G_BEGIN_DECLS

/* The parts of a workbook that are read. */
typedef enum
{
  TL_XLSX_PART_WORKBOOK = 1 << 0,
  TL_XLSX_PART_RELATIONSHIPS = 1 << 1,
  TL_XLSX_PART_STYLES = 1 << 2,
  TL_XLSX_PART_STRINGS = 1 << 3,
  TL_XLSX_PART_SHEET = 1 << 4,
} TlXlsxPart;

/* How a number format shows a number. */
typedef enum
{
  TL_XLSX_NUMBER_NUMBER,
  TL_XLSX_NUMBER_DATE,
  TL_XLSX_NUMBER_TIME,
} TlXlsxNumberKind;

typedef enum
{
  TL_XLSX_CELL_NUMBER,
  TL_XLSX_CELL_SHARED,
  TL_XLSX_CELL_INLINE,
  TL_XLSX_CELL_FORMULA_TEXT,
  TL_XLSX_CELL_BOOLEAN,
  TL_XLSX_CELL_OTHER,          /* errors, ISO dates and unknown types, kept as written */
} TlXlsxCellType;

/* The state of one read: what the workbook's parts gave so far. */
typedef struct _TlXlsxReader TlXlsxReader;

struct _TlXlsxReader
{
  zip_t            *zip;
  TlCsvRowFunc      row_func;
  gpointer          user_data;
  TlImportReport   *report;
  GCancellable     *cancellable;
  TlProgressFunc    progress;
  gpointer          progress_data;
  guint64           progress_done;
  guint64           progress_total;

  /* The part being parsed. */
  const char       *part;
  TlXlsxPart        part_kind;
  GArray           *stack;           /* Element of each open element */
  gsize             markup_run;      /* bytes since the last '<' */
  GByteArray       *unparsed;        /* a UTF-8 sequence cut at a chunk's end */
  GString          *text;            /* of the current <v>, or <t> of a string */
  gboolean          text_too_long;

  /* From the workbook and its relationships. */
  char             *sheet_id;
  gboolean          date1904;
  char             *sheet_part;
  char             *strings_part;
  char             *styles_part;

  /* From the styles. */
  GHashTable       *custom_formats;  /* numFmtId -> TlXlsxNumberKind */
  GArray           *xf_formats;      /* guint numFmtId of each cell format */
  GArray           *xf_kinds;        /* guint8 TlXlsxNumberKind of each cell format */

  /* From the shared strings: each text NUL-terminated, one after another. */
  GByteArray       *strings;
  GArray           *string_starts;   /* guint32 offset of each text */
  GHashTable       *long_strings;    /* indexes of texts over TL_CSV_MAX_FIELD */

  /* The worksheet. */
  gboolean          in_row;
  guint64           row_line;
  gboolean          skip_row;
  TlIssueKind       skip_reason;
  GByteArray       *row_text;        /* the row's cells, each NUL-terminated */
  GArray           *cell_starts;     /* gsize offset in row_text of each column */
  GArray           *cell_lengths;    /* gsize length of each column, 0 when empty */
  guint             next_column;
  guint             widest;          /* columns up to the last filled one, over all rows */
  guint             column;          /* of the current cell, from 0 */
  TlXlsxCellType    cell_type;
  TlXlsxNumberKind  cell_kind;
  gboolean          cell_has_text;
  GPtrArray        *row_cells;       /* what the row callback gets */
  GArray           *row_lengths;
  guint64           sheet_text;
  guint64           sheet_cells;
};

extern const GMarkupParser tl_xlsx_reader_part_parser;

void tl_xlsx_reader_set_damaged_error     (GError       **error,
                                           const char    *detail);
void tl_xlsx_reader_classify_cell_formats (TlXlsxReader  *self);

G_END_DECLS
