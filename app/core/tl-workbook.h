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

/* What an export changed to fit the workbook, for the user to know. */
typedef struct
{
  guint  n_cut_cells;      /* cells cut to the cell size limit */
  char  *first_cut;        /* the account of the first cut cell */
} TlExportNotes;

GQuark   tl_export_error_quark (void);
void     tl_export_notes_clear (TlExportNotes  *notes);
char    *tl_export_notes_describe (const TlExportNotes *notes);
gboolean tl_workbook_export    (TlDocument     *document,
                                const char     *path,
                                TlExportNotes  *notes,
                                GCancellable   *cancellable,
                                TlProgressFunc  progress,
                                gpointer        progress_data,
                                GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TlExportNotes, tl_export_notes_clear)

G_END_DECLS
