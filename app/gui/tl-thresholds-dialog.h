/* tl-thresholds-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-document.h"
#include "tl-tier-preview.h"

G_BEGIN_DECLS

#define TL_TYPE_THRESHOLDS_DIALOG (tl_thresholds_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlThresholdsDialog, tl_thresholds_dialog, TL, THRESHOLDS_DIALOG, AdwWindow)

TlThresholdsDialog *tl_thresholds_dialog_new                (GtkWindow          *parent,
                                                             const TlModel      *model,
                                                             const double        fallback[3],
                                                             TlDocument         *document);
TlModel            *tl_thresholds_dialog_get_model          (TlThresholdsDialog *self);
AdwEntryRow        *tl_thresholds_dialog_get_bound_row      (TlThresholdsDialog *self,
                                                             guint               tier);
const char         *tl_thresholds_dialog_get_bound_error    (TlThresholdsDialog *self,
                                                             guint               tier);
AdwEntryRow        *tl_thresholds_dialog_get_name_row       (TlThresholdsDialog *self,
                                                             guint               tier);
const char         *tl_thresholds_dialog_get_name_error     (TlThresholdsDialog *self,
                                                             guint               tier);
GtkSwitch          *tl_thresholds_dialog_get_automatic_switch (TlThresholdsDialog *self);
const char         *tl_thresholds_dialog_get_note           (TlThresholdsDialog *self);
TlTierPreview      *tl_thresholds_dialog_get_preview        (TlThresholdsDialog *self);

G_END_DECLS
