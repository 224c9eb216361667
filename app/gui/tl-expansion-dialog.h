/* tl-expansion-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-model.h"

G_BEGIN_DECLS

#define TL_TYPE_EXPANSION_DIALOG (tl_expansion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlExpansionDialog, tl_expansion_dialog, TL, EXPANSION_DIALOG, AdwWindow)

TlExpansionDialog *tl_expansion_dialog_new                (GtkWindow         *parent,
                                                           const TlModel     *model);
TlModel           *tl_expansion_dialog_get_model          (TlExpansionDialog *self);
GtkSpinButton     *tl_expansion_dialog_get_threshold_spin (TlExpansionDialog *self,
                                                           TlSignal           signal);
GtkSpinButton     *tl_expansion_dialog_get_high_spin      (TlExpansionDialog *self);
GtkSpinButton     *tl_expansion_dialog_get_medium_spin    (TlExpansionDialog *self);
const char        *tl_expansion_dialog_get_medium_error   (TlExpansionDialog *self);

G_END_DECLS
