/* tl-account-row.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tl-document.h"

G_BEGIN_DECLS

#define TL_TYPE_ACCOUNT_ROW (tl_account_row_get_type ())

G_DECLARE_FINAL_TYPE (TlAccountRow, tl_account_row, TL, ACCOUNT_ROW, GObject)

TlAccountRow *tl_account_row_new          (TlDocument   *document,
                                           guint         index);
TlDocument   *tl_account_row_get_document (TlAccountRow *self);
guint         tl_account_row_get_index    (TlAccountRow *self);

G_END_DECLS
