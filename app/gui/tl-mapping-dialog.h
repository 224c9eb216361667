/* tl-mapping-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-document.h"

G_BEGIN_DECLS

#define TL_TYPE_MAPPING_DIALOG (tl_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlMappingDialog, tl_mapping_dialog, TL, MAPPING_DIALOG, AdwWindow)

TlMappingDialog *tl_mapping_dialog_new          (GtkWindow       *parent,
                                                 TlDocument      *document,
                                                 const GError    *error);
TlDocument      *tl_mapping_dialog_get_document (TlMappingDialog *self);
TlFieldMap      *tl_mapping_dialog_get_map      (TlMappingDialog *self);
AdwComboRow     *tl_mapping_dialog_get_row      (TlMappingDialog *self,
                                                 TlField          field);
const char      *tl_mapping_dialog_get_intro    (TlMappingDialog *self);
const char      *tl_mapping_dialog_get_problem  (TlMappingDialog *self);

G_END_DECLS
