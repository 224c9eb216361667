/* tl-calibration.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-model.h"

G_BEGIN_DECLS

#define TL_CALIBRATION_MIN_ACCOUNTS 20

#define TL_CALIBRATION_ERROR (tl_calibration_error_quark ())

typedef enum
{
  TL_CALIBRATION_ERROR_TOO_FEW,   /* fewer accounts than TL_CALIBRATION_MIN_ACCOUNTS */
  TL_CALIBRATION_ERROR_NO_SPREAD, /* the ARR values cannot give three distinct bounds */
} TlCalibrationError;

/* The tier shares a set of bounds gives. Tiers indexed 0..3. */
typedef struct
{
  guint  accounts[TL_N_TIERS];
  double arr[TL_N_TIERS];
  double share_accounts[TL_N_TIERS];
  double share_arr[TL_N_TIERS];
} TlTierShares;

GQuark   tl_calibration_error_quark   (void);
gboolean tl_calibrate_thresholds      (const double  *arr,
                                       guint          n_arr,
                                       const TlModel *model,
                                       double         thresholds[3],
                                       GError       **error);
void     tl_tier_shares_compute       (const double  *sorted_desc,
                                       guint          n,
                                       const double   thresholds[3],
                                       TlTierShares  *shares);
double   tl_round_down_significant    (double         value,
                                       int            digits);

G_END_DECLS
