/* tl-health-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-model.h"

G_BEGIN_DECLS

/* The status bands whose lower cutoff the dialog edits. */
typedef enum
{
  TL_BAND_HEALTHY,
  TL_BAND_STABLE,
  TL_BAND_AT_RISK,
  TL_N_BANDS
} TlBand;

#define TL_TYPE_HEALTH_DIALOG (tl_health_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlHealthDialog, tl_health_dialog, TL, HEALTH_DIALOG, AdwWindow)

TlHealthDialog *tl_health_dialog_new              (GtkWindow      *parent,
                                                   const TlModel  *model);
TlModel        *tl_health_dialog_get_model        (TlHealthDialog *self);
GtkSpinButton  *tl_health_dialog_get_weight_spin  (TlHealthDialog *self,
                                                   TlComponent     component);
GtkSpinButton  *tl_health_dialog_get_band_spin    (TlHealthDialog *self,
                                                   TlBand          band);
const char     *tl_health_dialog_get_band_error   (TlHealthDialog *self,
                                                   TlBand          band);
GtkSpinButton  *tl_health_dialog_get_usage_ratio_spin (TlHealthDialog *self);
GtkSpinButton  *tl_health_dialog_get_penalty_spin (TlHealthDialog *self);
GtkSwitch      *tl_health_dialog_get_prefer_switch (TlHealthDialog *self);
GtkSwitch      *tl_health_dialog_get_inverted_switch (TlHealthDialog *self);
const char     *tl_health_dialog_get_total        (TlHealthDialog *self);

G_END_DECLS
