/* tl-xlsx-reader.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-csv-reader.h"
#include "tl-import-report.h"
#include "tl-progress.h"

G_BEGIN_DECLS

/* Max entries in a workbook's zip archive. */
#define TL_XLSX_MAX_ENTRIES 10000

/* Max uncompressed size of each part of the workbook that is read. */
#define TL_XLSX_MAX_PART_SIZE (512 * 1024 * 1024)

/* Max compression ratio of a part once its first MiB is inflated. */
#define TL_XLSX_MAX_RATIO 200

gboolean tl_xlsx_reader_is_spreadsheet (const char      *path);
gboolean tl_xlsx_reader_read_file      (const char      *path,
                                        TlCsvRowFunc     row_func,
                                        gpointer         user_data,
                                        TlImportReport  *report,
                                        GCancellable    *cancellable,
                                        TlProgressFunc   progress,
                                        gpointer         progress_data,
                                        GError         **error);

G_END_DECLS
