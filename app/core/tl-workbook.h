/* tl-workbook.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-document.h"
#include "tl-progress.h"

G_BEGIN_DECLS

#define TL_EXPORT_ERROR (tl_export_error_quark ())

typedef enum
{
  TL_EXPORT_ERROR_FAILED,      /* the workbook could not be written */
  TL_EXPORT_ERROR_TOO_MANY,    /* more accounts than a sheet has rows */
  TL_EXPORT_ERROR_NOT_READY,   /* the document has no segmentation */
} TlExportError;

/* Rows of an XLSX sheet, the header row included. */
#define TL_XLSX_MAX_ROWS 1048576

GQuark   tl_export_error_quark (void);
gboolean tl_workbook_export    (TlDocument     *document,
                                const char     *path,
                                GCancellable   *cancellable,
                                TlProgressFunc  progress,
                                gpointer        progress_data,
                                GError        **error);

G_END_DECLS
