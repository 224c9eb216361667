/* tl-account-view.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-account-list.h"
#include "tl-document.h"

G_BEGIN_DECLS

#define TL_TYPE_ACCOUNT_VIEW (tl_account_view_get_type ())

G_DECLARE_FINAL_TYPE (TlAccountView, tl_account_view, TL, ACCOUNT_VIEW, GtkWidget)

void                 tl_account_view_set_document     (TlAccountView         *self,
                                                       TlDocument            *document,
                                                       guint32               *arr_order);
void                 tl_account_view_reload           (TlAccountView         *self);
void                 tl_account_view_set_filter       (TlAccountView         *self,
                                                       const TlAccountFilter *filter);
TlAccountList       *tl_account_view_get_list         (TlAccountView         *self);
GListModel          *tl_account_view_get_model        (TlAccountView         *self);
GtkColumnView       *tl_account_view_get_column_view  (TlAccountView         *self);
GtkColumnViewColumn *tl_account_view_get_column       (TlAccountView         *self,
                                                       TlSortKey              key);
void                 tl_account_view_sort             (TlAccountView         *self,
                                                       TlSortKey              key,
                                                       gboolean               descending);
gboolean             tl_account_view_select_row       (TlAccountView         *self,
                                                       guint                  index);
guint                tl_account_view_get_selected_row (TlAccountView         *self);
gboolean             tl_account_view_shows_no_match   (TlAccountView         *self);
gboolean             tl_sort_key_from_name            (const char            *name,
                                                       TlSortKey             *key);
const char          *tl_sort_key_get_name             (TlSortKey              key);
void                 tl_account_view_set_context_menu (TlAccountView         *self,
                                                       GMenuModel            *model);
TlSortKey            tl_account_view_get_sort_key     (TlAccountView         *self);
gboolean             tl_account_view_get_sort_descending (TlAccountView      *self);

G_END_DECLS
