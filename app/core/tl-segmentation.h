/* tl-segmentation.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-account-table.h"
#include "tl-model.h"

G_BEGIN_DECLS

#define TL_TIER_NONE      0     /* no readable ARR: "Needs data" */
#define TL_HEALTH_ABSENT  255   /* no health score */

typedef enum
{
  TL_HEALTH_HEALTHY,
  TL_HEALTH_STABLE,
  TL_HEALTH_AT_RISK,
  TL_HEALTH_CRITICAL,
  TL_HEALTH_NONE,
} TlHealthStatus;

typedef enum
{
  TL_EXPANSION_NONE,   /* no signal known */
  TL_EXPANSION_LOW,
  TL_EXPANSION_MEDIUM,
  TL_EXPANSION_HIGH,
} TlExpansionLevel;

/* Bits of TlSegmentation.health_flags besides the component bits 0..4. */
typedef enum
{
  TL_HEALTH_FLAG_EXTERNAL = 1 << 5,   /* the score is the file's own */
  TL_HEALTH_FLAG_PARTIAL  = 1 << 6,   /* fewer than five components had data */
} TlHealthFlags;

/* Accounts and ARR of one tier. */
typedef struct
{
  guint  accounts;
  double arr;
  double share_accounts;   /* of accounts with a tier, 0..1 */
  double share_arr;        /* of the ARR of accounts with a tier, 0..1 */
} TlTierStats;

/* The results for every account of a table under one model. Arrays are
 * indexed by table row. */
typedef struct
{
  guint        n_accounts;
  guint8      *tier;            /* 1..4, or TL_TIER_NONE */
  guint8      *health;          /* 0..100, or TL_HEALTH_ABSENT */
  guint8      *health_flags;    /* bit c: component c had data; plus TlHealthFlags */
  guint8      *expansion;       /* TlExpansionLevel */
  guint8      *signals_fired;   /* bit s: signal s fired */
  guint8      *signals_known;   /* bit s: signal s could be judged */
  guint16     *movement;        /* TlMovementFlags, set by tl_movement_compute() */

  TlTierStats  tiers[TL_N_TIERS + 1];           /* index 0: accounts with no tier */
  guint        health_counts[TL_HEALTH_NONE + 1];
  guint        expansion_counts[TL_EXPANSION_HIGH + 1];
  double       total_arr;                       /* of accounts with a tier */
} TlSegmentation;

/* One account's health, component by component. */
typedef struct
{
  gboolean has_data[TL_N_COMPONENTS];
  double   points[TL_N_COMPONENTS];
  double   max_points[TL_N_COMPONENTS];
  double   usage_ratio;       /* DAU/MAU */
  double   adoption_ratio;    /* features used / available */
  double   csat_unit;         /* CSAT as 0..1 */
  double   escalations;
  double   exec_sponsor;      /* 1, 0 or NAN */
  double   champion;
  double   nps_unit;          /* NPS as 0..1 */
  double   earned;
  double   possible;
  int      score;             /* 0..100, -1 when absent */
  gboolean external;          /* score is the file's own */
  gboolean partial;
} TlHealthDetail;

/* One account's expansion signals. */
typedef struct
{
  gboolean         known[TL_N_SIGNALS];
  gboolean         fired[TL_N_SIGNALS];
  double           value[TL_N_SIGNALS];   /* utilization ratio, requests, growth ratio,
                                           * teams, call ratio (INFINITY when prev = 0) */
  int              n_fired;
  TlExpansionLevel level;
} TlExpansionDetail;

TlSegmentation  *tl_segmentation_new           (const TlAccountTable *table,
                                                const TlModel        *model);
void             tl_segmentation_update        (TlSegmentation       *segmentation,
                                                const TlAccountTable *table,
                                                const TlModel        *model);
void             tl_segmentation_update_tiers  (TlSegmentation       *segmentation,
                                                const TlAccountTable *table,
                                                const TlModel        *model);
void             tl_segmentation_free          (TlSegmentation       *segmentation);
guint            tl_tier_for_arr               (const TlModel        *model,
                                                double                arr);
TlHealthStatus   tl_health_status_for_score    (const TlModel        *model,
                                                int                   score);
TlHealthStatus   tl_segmentation_get_status    (const TlSegmentation *segmentation,
                                                const TlModel        *model,
                                                guint                 row);
void             tl_health_explain             (const TlAccountTable *table,
                                                const TlModel        *model,
                                                guint                 row,
                                                TlHealthDetail       *detail);
void             tl_expansion_explain          (const TlAccountTable *table,
                                                const TlModel        *model,
                                                guint                 row,
                                                TlExpansionDetail    *detail);
char            *tl_expansion_describe_signal  (const TlExpansionDetail *detail,
                                                TlSignal              signal);
char            *tl_expansion_describe_fired   (const TlExpansionDetail *detail);
guint            tl_expansion_append_fired     (GString                 *out,
                                                const TlExpansionDetail *detail,
                                                char                     separator);
char            *tl_health_describe_missing    (const TlHealthDetail *detail);
const char      *tl_health_status_get_label    (TlHealthStatus        status);
const char      *tl_health_status_get_css_class (TlHealthStatus       status);
const char      *tl_expansion_level_get_label  (TlExpansionLevel      level);
int              tl_round_half_away            (double                value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSegmentation, tl_segmentation_free)

G_END_DECLS
