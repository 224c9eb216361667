/* tl-allocation.h
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

/* One tier's CSM coverage. Tiers are indexed 0..3 for tiers 1..4. */
typedef struct
{
  guint    accounts;
  double   arr;
  guint    needed_min;            /* accounts / max accounts per CSM, rounded up */
  guint    needed_comfortable;    /* accounts / min accounts per CSM, rounded up */
  guint    allocated;
  double   accounts_per_csm;      /* NAN when no CSM is allocated */
  double   arr_per_csm;           /* NAN when no CSM is allocated */
  gboolean accounts_off_target;   /* above the tier's highest accounts per CSM */
  gboolean arr_off_target;        /* outside the tier's ARR per CSM range */
} TlTierAllocation;

/* How a headcount of CSMs covers the tiers. */
typedef struct
{
  guint            headcount;
  TlTierAllocation tiers[TL_N_TIERS];
  guint            total_min;
  guint            total_comfortable;
  guint            shortfall;            /* CSMs missing to reach every minimum */
  guint            short_of_comfortable; /* CSMs missing to reach every comfortable number */
  guint            surplus;              /* CSMs left after every comfortable number */
} TlAllocation;

/* How loaded one CSM's book of business is. */
typedef enum
{
  TL_BOOK_BALANCED,
  TL_BOOK_OVERLOADED,    /* more accounts than one CSM carries at the highest ratios */
  TL_BOOK_UNDERUSED,     /* fewer accounts than one CSM carries at the lowest ratios */
  TL_BOOK_UNASSIGNED,    /* the accounts with no owner */
} TlBookState;

/* One CSM's accounts. Tiers are indexed 0..4, 0 for accounts with no tier. */
typedef struct
{
  char        *owner;
  guint        accounts[TL_N_TIERS + 1];
  double       arr[TL_N_TIERS + 1];
  guint        total_accounts;
  double       total_arr;
  double       load;               /* share of one CSM at the highest ratios */
  double       comfortable_load;   /* share of one CSM at the lowest ratios */
  TlBookState  state;
} TlBook;

void        tl_allocation_compute   (const TlSegmentation *segmentation,
                                     const TlModel        *model,
                                     guint                 headcount,
                                     TlAllocation         *allocation);
GPtrArray  *tl_books_compute        (const TlAccountTable *table,
                                     const TlSegmentation *segmentation,
                                     const TlModel        *model);
const char *tl_book_state_get_label (TlBookState           state);

G_END_DECLS
