/* tl-tier-summary.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-document.h"
#include "tl-share-bar.h"
#include "tl-tier-card.h"

G_BEGIN_DECLS

#define TL_TYPE_TIER_SUMMARY (tl_tier_summary_get_type ())

G_DECLARE_FINAL_TYPE (TlTierSummary, tl_tier_summary, TL, TIER_SUMMARY, GtkWidget)

void        tl_tier_summary_set_document         (TlTierSummary *self,
                                                  TlDocument    *document);
TlTierCard *tl_tier_summary_get_card             (TlTierSummary *self,
                                                  guint          tier);
TlShareBar *tl_tier_summary_get_share_bar        (TlTierSummary *self);
const char *tl_tier_summary_get_note             (TlTierSummary *self);
const char *tl_tier_summary_get_calibration_note (TlTierSummary *self);
void        tl_tier_summary_set_filter_tier      (TlTierSummary *self,
                                                  guint          tier);
guint       tl_tier_summary_get_filter_tier      (TlTierSummary *self);

G_END_DECLS
