/* tl-capacity-view.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-allocation.h"
#include "tl-coverage-chart.h"
#include "tl-document.h"

G_BEGIN_DECLS

/* The columns of the capacity view's tier table. */
typedef enum
{
  TL_CAPACITY_ACCOUNTS,
  TL_CAPACITY_ARR,
  TL_CAPACITY_MINIMUM,
  TL_CAPACITY_COMFORTABLE,
  TL_CAPACITY_ALLOCATED,
  TL_CAPACITY_ACCOUNTS_PER_CSM,
  TL_CAPACITY_ARR_PER_CSM,
  TL_N_CAPACITY_COLUMNS
} TlCapacityColumn;

#define TL_TYPE_CAPACITY_VIEW (tl_capacity_view_get_type ())

G_DECLARE_FINAL_TYPE (TlCapacityView, tl_capacity_view, TL, CAPACITY_VIEW, GtkWidget)

void                tl_capacity_view_set_document   (TlCapacityView   *self,
                                                     TlDocument       *document,
                                                     guint             headcount);
guint               tl_capacity_view_get_headcount  (TlCapacityView   *self);
void                tl_capacity_view_set_headcount  (TlCapacityView   *self,
                                                     guint             headcount);
const TlAllocation *tl_capacity_view_get_allocation (TlCapacityView   *self);
const char         *tl_capacity_view_get_title      (TlCapacityView   *self);
const char         *tl_capacity_view_get_summary    (TlCapacityView   *self);
const char         *tl_capacity_view_get_cell       (TlCapacityView   *self,
                                                     guint             tier,
                                                     TlCapacityColumn  column);
const char         *tl_capacity_view_get_caption    (TlCapacityView   *self,
                                                     guint             tier,
                                                     TlCapacityColumn  column);
gboolean            tl_capacity_view_is_off_target  (TlCapacityView   *self,
                                                     guint             tier,
                                                     TlCapacityColumn  column);
TlCoverageChart    *tl_capacity_view_get_chart      (TlCapacityView   *self);
gboolean            tl_capacity_view_shows_books    (TlCapacityView   *self);
GtkColumnView      *tl_capacity_view_get_books_view (TlCapacityView   *self);
GListModel         *tl_capacity_view_get_books      (TlCapacityView   *self);
void                tl_capacity_view_set_headcount_editable (TlCapacityView *self,
                                                     gboolean          sensitive);

G_END_DECLS
