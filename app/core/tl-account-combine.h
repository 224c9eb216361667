/* tl-account-combine.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-account-table.h"
#include "tl-import-report.h"

G_BEGIN_DECLS

guint           tl_account_table_count_repeated_ids  (const TlAccountTable *table);
guint           tl_account_table_report_repeated_ids (const TlAccountTable *table,
                                                      TlImportReport       *report);
TlAccountTable *tl_account_table_combine_ids         (const TlAccountTable *table,
                                                      guint32               today);

G_END_DECLS
