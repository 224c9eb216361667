/* tl-text-ranks.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-account-table.h"

G_BEGIN_DECLS

/* The rank of a row whose text is empty. */
#define TL_TEXT_RANK_NONE G_MAXUINT32

guint32 *tl_text_ranks_compute (const TlAccountTable *table,
                                TlField               field,
                                GCancellable         *cancellable);

/* The ranks of the name and owner columns, computed in a thread of their
 * own so that a sort by either is ready when the user asks for it. */
typedef struct _TlSortRanks TlSortRanks;

TlSortRanks   *tl_sort_ranks_start (const TlAccountTable *table);
TlSortRanks   *tl_sort_ranks_ref   (TlSortRanks          *self);
void           tl_sort_ranks_unref (TlSortRanks          *self);
void           tl_sort_ranks_stop  (TlSortRanks          *self);
const guint32 *tl_sort_ranks_peek  (TlSortRanks          *self,
                                    TlField               field);
const guint32 *tl_sort_ranks_wait  (TlSortRanks          *self,
                                    TlField               field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSortRanks, tl_sort_ranks_unref)

G_END_DECLS
