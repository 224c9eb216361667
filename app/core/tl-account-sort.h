/* tl-account-sort.h
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

/* The columns the account list sorts by. */
typedef enum
{
  TL_SORT_NONE,        /* file order */
  TL_SORT_NAME,
  TL_SORT_ARR,
  TL_SORT_TIER,
  TL_SORT_HEALTH,
  TL_SORT_EXPANSION,
  TL_SORT_SEATS_USED,
  TL_SORT_OWNER,
  TL_SORT_RENEWAL,
  TL_SORT_MOVEMENT,    /* Promote, Demote, Review, Watch, then accounts without a move */
  TL_N_SORT_KEYS
} TlSortKey;

void tl_account_sort (const TlAccountTable *table,
                      const TlSegmentation *segmentation,
                      TlSortKey             key,
                      gboolean              descending,
                      guint32              *order,
                      guint                 n);
TlField tl_sort_key_get_text_field (TlSortKey key);
void tl_account_sort_by_ranks (const guint32 *ranks,
                               guint          n_rows,
                               gboolean       descending,
                               guint32       *order,
                               guint          n);

G_END_DECLS
