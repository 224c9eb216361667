/* tl-account-filter.h
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

/* Which accounts to show. A mask of 0 lets every value through; otherwise
 * bit v lets the value v through. */
typedef struct
{
  char  *text;        /* searched in name, id and owner, ignoring case; NULL for none */
  guint  tiers;       /* bit 0: no tier, bits 1-4: tiers 1-4 */
  guint  health;      /* bits by TlHealthStatus */
  guint  expansion;   /* bits by TlExpansionLevel */
  guint  movement;    /* bits by TlMoveKind; bit 0 lets accounts without a move through */
} TlAccountFilter;

void     tl_account_filter_clear    (TlAccountFilter       *filter);
gboolean tl_account_filter_is_empty (const TlAccountFilter *filter);
gboolean tl_account_filter_matches  (const TlAccountFilter *filter,
                                     const TlAccountTable  *table,
                                     const TlSegmentation  *segmentation,
                                     const TlModel         *model,
                                     guint                  row);
guint    tl_account_filter_apply    (const TlAccountFilter *filter,
                                     const TlAccountTable  *table,
                                     const TlSegmentation  *segmentation,
                                     const TlModel         *model,
                                     const guint32         *rows,
                                     guint                  n_rows,
                                     guint32               *out);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TlAccountFilter, tl_account_filter_clear)

G_END_DECLS
