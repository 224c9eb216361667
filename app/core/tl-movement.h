/* tl-movement.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-account-table.h"
#include "tl-segmentation.h"

G_BEGIN_DECLS

/* Why an account is a candidate to move between tiers. Tierline lists
 * candidates; it never moves an account. */
typedef enum
{
  TL_MOVE_PROMOTE       = 1 << 0,  /* better tier than the file's current tier */
  TL_MOVE_DEMOTE        = 1 << 1,  /* worse tier than the file's current tier */
  TL_MOVE_REVIEW        = 1 << 2,  /* tier 4 with ARR high for tier 4 */
  TL_MOVE_WATCH_UP      = 1 << 3,  /* ARR near the bound of the tier above */
  TL_MOVE_WATCH_DOWN    = 1 << 4,  /* ARR near the bound of its own tier */
  TL_MOVE_PROMOTE_TREND = 1 << 5,  /* expansion HIGH in two consecutive quarters */
  TL_MOVE_DEMOTE_TREND  = 1 << 6,  /* tier 1 with no expansion signal in four quarters */
  TL_MOVE_AT_RENEWAL    = 1 << 7,  /* renews within the model's renewal window */
} TlMovementFlags;

/* The one kind of move a table row shows, in order of urgency. */
typedef enum
{
  TL_MOVE_KIND_NONE,
  TL_MOVE_KIND_PROMOTE,
  TL_MOVE_KIND_DEMOTE,
  TL_MOVE_KIND_REVIEW,
  TL_MOVE_KIND_WATCH,
  TL_N_MOVE_KINDS
} TlMoveKind;

/* A current-tier label of the file that matched no tier. */
typedef struct
{
  char *label;
  guint row;      /* its first row */
} TlUnknownTierLabel;

int         tl_movement_parse_tier_label (const TlModel        *model,
                                          const char           *label);
GPtrArray  *tl_movement_compute          (const TlAccountTable *table,
                                          TlSegmentation       *segmentation,
                                          const TlModel        *model,
                                          guint32               today);
TlMoveKind  tl_movement_get_kind         (guint                 flags);
const char *tl_move_kind_get_label       (TlMoveKind            kind);
char       *tl_movement_explain          (const TlAccountTable *table,
                                          const TlSegmentation *segmentation,
                                          const TlModel        *model,
                                          guint                 row);

G_END_DECLS
