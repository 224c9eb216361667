/* tl-model.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TL_N_TIERS 4

#define TL_MODEL_ERROR (tl_model_error_quark ())

typedef enum
{
  TL_MODEL_ERROR_INVALID,   /* a parameter is out of its range */
  TL_MODEL_ERROR_NEWER,     /* a model file from a newer version */
} TlModelError;

/* Health score components, in the order they are shown. */
typedef enum
{
  TL_COMPONENT_USAGE,
  TL_COMPONENT_ADOPTION,
  TL_COMPONENT_SUPPORT,
  TL_COMPONENT_RELATIONSHIP,
  TL_COMPONENT_NPS,
  TL_N_COMPONENTS
} TlComponent;

/* Expansion signals, in the order they are shown. */
typedef enum
{
  TL_SIGNAL_SEATS,
  TL_SIGNAL_FEATURE_REQUESTS,
  TL_SIGNAL_GROWTH,
  TL_SIGNAL_TEAMS,
  TL_SIGNAL_API,
  TL_N_SIGNALS
} TlSignal;

/* The six texts that describe a tier's customer-success motion. */
typedef enum
{
  TL_MOTION_COVERAGE,
  TL_MOTION_MOTION,
  TL_MOTION_CADENCE,
  TL_MOTION_CHANNELS,
  TL_MOTION_PLAYBOOKS,
  TL_MOTION_ESCALATION,
  TL_N_MOTION_TEXTS
} TlMotionText;

typedef struct
{
  char   *name;
  char   *expansion_potential;
  double  lower_bound;               /* ARR at or above it is this tier; unused for tier 4 */
  double  target_accounts[2];        /* min and max share of accounts, 0..1 */
  double  target_arr[2];             /* min and max share of ARR, 0..1 */
  guint   accounts_per_csm[2];       /* min and max; 0 and 0 when the tier has no CSM */
  double  arr_per_csm[2];            /* target ARR per CSM, min and max; max 0 = no limit */
  char   *motion[TL_N_MOTION_TEXTS];
} TlTierParams;

/* Every parameter of the segmentation. Tiers are indexed 0..3 for tiers 1..4. */
typedef struct
{
  TlTierParams tiers[TL_N_TIERS];
  gboolean     thresholds_automatic;  /* calibrate the bounds from each file's ARR */

  double       weights[TL_N_COMPONENTS];  /* max points; they total 100 */
  double       usage_full_ratio;          /* DAU/MAU that earns full usage points */
  double       escalation_penalty;        /* share of support points lost per escalation */
  int          band_healthy;              /* lowest score that is Healthy */
  int          band_stable;
  int          band_at_risk;
  gboolean     prefer_external;           /* show the file's own health score instead */
  gboolean     external_inverted;         /* the file's score is a risk: 100 is worst */

  double       seat_utilization;      /* seats used / licensed above it fires */
  double       feature_requests;      /* at least this many requests fires */
  double       growth;                /* headcount growth at least this ratio fires */
  double       teams;                 /* at least this many teams fires */
  double       api_spike;             /* calls at least this many times the previous fire */
  int          expansion_high;        /* signals fired for HIGH */
  int          expansion_medium;      /* signals fired for MEDIUM */

  guint        headcount;             /* CSMs available */

  char       **tier_labels;           /* "Enterprise=1": current-tier labels the user matched */
  double       watch_margin;          /* share of a bound that counts as near it, 0.10 */
  int          renewal_days;          /* a renewal this close counts as at renewal */
} TlModel;

GQuark      tl_model_error_quark        (void);
TlModel    *tl_model_new_default        (void);
TlModel    *tl_model_copy               (const TlModel *model);
gboolean    tl_model_scores_alike       (const TlModel *a,
                                         const TlModel *b);
void        tl_model_free               (TlModel       *model);
void        tl_model_set_thresholds     (TlModel       *model,
                                         const double   thresholds[3]);
gboolean    tl_model_parse_thresholds   (const char    *text,
                                         double         thresholds[3],
                                         GError       **error);
const char *tl_component_get_label      (TlComponent    component);
const char *tl_signal_get_label         (TlSignal       signal);
const char *tl_motion_text_get_label    (TlMotionText   text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlModel, tl_model_free)

G_END_DECLS
