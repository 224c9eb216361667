/* tl-filter-bar.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-account-filter.h"
#include "tl-model.h"

G_BEGIN_DECLS

/* The choices of the filter bar's drop-downs, where 0 is "All" in each. */
#define TL_FILTER_ALL              0
#define TL_FILTER_TIER_NEEDS_DATA  (TL_N_TIERS + 1)   /* tiers are 1..4 */
#define TL_FILTER_EXPANSION_HIGH   1
#define TL_FILTER_EXPANSION_MEDIUM 2
#define TL_FILTER_EXPANSION_LOW    3
#define TL_FILTER_EXPANSION_NONE   4
#define TL_FILTER_MOVEMENT_PROMOTE 1
#define TL_FILTER_MOVEMENT_DEMOTE  2
#define TL_FILTER_MOVEMENT_REVIEW  3
#define TL_FILTER_MOVEMENT_WATCH   4
#define TL_FILTER_MOVEMENT_NONE    5
/* Health choices are 1 + a TlHealthStatus: Healthy is 1, No score 5. */

#define TL_TYPE_FILTER_BAR (tl_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (TlFilterBar, tl_filter_bar, TL, FILTER_BAR, GtkWidget)

void            tl_filter_bar_set_model        (TlFilterBar     *self,
                                                const TlModel   *model);
void            tl_filter_bar_get_filter       (TlFilterBar     *self,
                                                TlAccountFilter *filter);
gboolean        tl_filter_bar_is_active        (TlFilterBar     *self);
void            tl_filter_bar_clear            (TlFilterBar     *self);
void            tl_filter_bar_focus_search     (TlFilterBar     *self);
void            tl_filter_bar_set_search       (TlFilterBar     *self,
                                                const char      *text);
GtkSearchEntry *tl_filter_bar_get_search_entry (TlFilterBar     *self);
guint           tl_filter_bar_get_tier         (TlFilterBar     *self);
void            tl_filter_bar_set_tier         (TlFilterBar     *self,
                                                guint            choice);
guint           tl_filter_bar_get_health       (TlFilterBar     *self);
void            tl_filter_bar_set_health       (TlFilterBar     *self,
                                                guint            choice);
guint           tl_filter_bar_get_expansion    (TlFilterBar     *self);
void            tl_filter_bar_set_expansion    (TlFilterBar     *self,
                                                guint            choice);
guint           tl_filter_bar_get_movement     (TlFilterBar     *self);
void            tl_filter_bar_set_movement     (TlFilterBar     *self,
                                                guint            choice);

G_END_DECLS
