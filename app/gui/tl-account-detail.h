/* tl-account-detail.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-document.h"

G_BEGIN_DECLS

#define TL_TYPE_ACCOUNT_DETAIL (tl_account_detail_get_type ())

G_DECLARE_FINAL_TYPE (TlAccountDetail, tl_account_detail, TL, ACCOUNT_DETAIL, GtkWidget)

void        tl_account_detail_set_account     (TlAccountDetail *self,
                                               TlDocument      *document,
                                               guint            row);
guint       tl_account_detail_get_row         (TlAccountDetail *self);
const char *tl_account_detail_get_name        (TlAccountDetail *self);
const char *tl_account_detail_get_tier        (TlAccountDetail *self);
const char *tl_account_detail_get_tier_reason (TlAccountDetail *self);
const char *tl_account_detail_get_tier_note   (TlAccountDetail *self);
const char *tl_account_detail_get_health_note (TlAccountDetail *self);
const char *tl_account_detail_get_score       (TlAccountDetail *self);
const char *tl_account_detail_get_status      (TlAccountDetail *self);
const char *tl_account_detail_get_movement    (TlAccountDetail *self);
GtkListBox *tl_account_detail_get_list        (TlAccountDetail *self,
                                               const char      *name);

G_END_DECLS
