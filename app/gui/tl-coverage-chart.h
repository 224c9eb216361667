/* tl-coverage-chart.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-allocation.h"

G_BEGIN_DECLS

#define TL_TYPE_COVERAGE_CHART (tl_coverage_chart_get_type ())

G_DECLARE_FINAL_TYPE (TlCoverageChart, tl_coverage_chart, TL, COVERAGE_CHART, GtkWidget)

GtkWidget  *tl_coverage_chart_new            (void);
void        tl_coverage_chart_set_allocation (TlCoverageChart    *self,
                                              const TlAllocation *allocation,
                                              const TlModel      *model);
guint       tl_coverage_chart_get_n_bars     (TlCoverageChart    *self);
const char *tl_coverage_chart_get_summary    (TlCoverageChart    *self);

G_END_DECLS
