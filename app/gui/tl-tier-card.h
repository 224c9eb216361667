/* tl-tier-card.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-segmentation.h"

G_BEGIN_DECLS

#define TL_TYPE_TIER_CARD (tl_tier_card_get_type ())

G_DECLARE_FINAL_TYPE (TlTierCard, tl_tier_card, TL, TIER_CARD, GtkWidget)

guint       tl_tier_card_get_tier     (TlTierCard        *self);
void        tl_tier_card_set_tier     (TlTierCard        *self,
                                       guint              tier);
void        tl_tier_card_set_stats    (TlTierCard        *self,
                                       const char        *name,
                                       const TlTierStats *stats,
                                       const char        *currency);
void        tl_tier_card_set_range    (TlTierCard        *self,
                                       const char        *range);
const char *tl_tier_card_get_accounts (TlTierCard        *self);

G_END_DECLS
