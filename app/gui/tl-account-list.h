/* tl-account-list.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-account-filter.h"
#include "tl-account-sort.h"
#include "tl-document.h"

G_BEGIN_DECLS

#define TL_TYPE_ACCOUNT_LIST (tl_account_list_get_type ())

G_DECLARE_FINAL_TYPE (TlAccountList, tl_account_list, TL, ACCOUNT_LIST, GObject)

TlAccountList         *tl_account_list_new            (TlDocument            *document);
TlDocument            *tl_account_list_get_document   (TlAccountList         *self);
void                   tl_account_list_sort           (TlAccountList         *self,
                                                       TlSortKey              key,
                                                       gboolean               descending);
void                   tl_account_list_set_order      (TlAccountList         *self,
                                                       TlSortKey              key,
                                                       gboolean               descending,
                                                       guint32               *order);
TlSortKey              tl_account_list_get_sort_key   (TlAccountList         *self);
gboolean               tl_account_list_get_descending (TlAccountList         *self);
guint                  tl_account_list_get_row_index  (TlAccountList         *self,
                                                       guint                  position);
guint                  tl_account_list_find_position  (TlAccountList         *self,
                                                       guint                  index);
void                   tl_account_list_set_filter     (TlAccountList         *self,
                                                       const TlAccountFilter *filter);
const TlAccountFilter *tl_account_list_get_filter     (TlAccountList         *self);
guint                  tl_account_list_get_n_rows     (TlAccountList         *self);

G_END_DECLS
