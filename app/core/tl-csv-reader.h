/* tl-csv-reader.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-import-report.h"
#include "tl-progress.h"

G_BEGIN_DECLS

#define TL_CSV_ERROR (tl_csv_error_quark ())

typedef enum
{
  TL_CSV_ERROR_EMPTY,       /* the file has no header row */
  TL_CSV_ERROR_ENCODING,    /* the bytes are in no encoding the reader knows */
  TL_CSV_ERROR_BINARY,      /* the file is not text, or is a zip archive but no workbook */
  TL_CSV_ERROR_XLSX,        /* the workbook is damaged, an old .xls or not supported */
  TL_CSV_ERROR_ENCRYPTED,   /* the workbook is protected with a password */
  TL_CSV_ERROR_TOO_LARGE,   /* the workbook exceeds a size limit, as a zip bomb does */
} TlCsvError;

/* Largest field the reader keeps; a longer one is reported and its row skipped. */
#define TL_CSV_MAX_FIELD (1024 * 1024)

/* One record of the file. The cells are NUL-terminated and valid until the
 * callback returns; line is the line on which the record starts. */
typedef struct
{
  const char * const *cells;
  const gsize        *lengths;
  guint               n_cells;
  guint64             line;
} TlCsvRow;

typedef gboolean (*TlCsvRowFunc) (const TlCsvRow *row,
                                  gpointer        user_data,
                                  GError        **error);

typedef struct _TlCsvReader TlCsvReader;

GQuark       tl_csv_error_quark          (void);
TlCsvReader *tl_csv_reader_new           (TlCsvRowFunc    row_func,
                                          gpointer        user_data,
                                          TlImportReport *report);
void         tl_csv_reader_free          (TlCsvReader    *reader);
gboolean     tl_csv_reader_feed          (TlCsvReader    *reader,
                                          const char     *data,
                                          gsize           len,
                                          GError        **error);
gboolean     tl_csv_reader_finish        (TlCsvReader    *reader,
                                          GError        **error);
gboolean     tl_csv_reader_read_file     (TlCsvReader    *reader,
                                          const char     *path,
                                          GCancellable   *cancellable,
                                          TlProgressFunc  progress,
                                          gpointer        progress_data,
                                          GError        **error);
char         tl_csv_reader_get_delimiter (const TlCsvReader *reader);
const char  *tl_csv_reader_get_encoding  (const TlCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlCsvReader, tl_csv_reader_free)

G_END_DECLS
