/* tl-document.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-account-table.h"
#include "tl-field-map.h"
#include "tl-import-report.h"
#include "tl-model.h"
#include "tl-progress.h"
#include "tl-segmentation.h"
#include "tl-snapshot-store.h"
#include "tl-text-ranks.h"

G_BEGIN_DECLS

#define TL_TYPE_DOCUMENT (tl_document_get_type ())

G_DECLARE_FINAL_TYPE (TlDocument, tl_document, TL, DOCUMENT, GObject)

TlDocument           *tl_document_read              (const char      *path,
                                                     GCancellable    *cancellable,
                                                     TlProgressFunc   progress,
                                                     gpointer         progress_data,
                                                     GError         **error);
gboolean              tl_document_apply_map         (TlDocument      *self,
                                                     const TlFieldMap *map,
                                                     const TlModel   *model,
                                                     GError         **error);
gboolean              tl_document_is_ready          (TlDocument      *self);
const char           *tl_document_get_path          (TlDocument      *self);
char                 *tl_document_get_basename      (TlDocument      *self);
const TlAccountTable *tl_document_get_table         (TlDocument      *self);
const TlFieldMap     *tl_document_get_map           (TlDocument      *self);
const TlModel        *tl_document_get_model         (TlDocument      *self);
void                  tl_document_set_model         (TlDocument      *self,
                                                     const TlModel   *model);
void                  tl_document_set_combine_ids   (TlDocument      *self,
                                                     gboolean         combine);
gboolean              tl_document_get_combine_ids   (TlDocument      *self);
guint                 tl_document_count_repeated_ids (TlDocument     *self);
void                  tl_document_set_history       (TlDocument      *self,
                                                     TlHistory       *history);
const TlHistory      *tl_document_get_history       (TlDocument      *self);
const TlSegmentation *tl_document_get_segmentation  (TlDocument      *self);
TlSortRanks          *tl_document_get_sort_ranks    (TlDocument      *self);
TlImportReport       *tl_document_get_report        (TlDocument      *self);
const char           *tl_document_get_calibration_note (TlDocument   *self);

G_END_DECLS
