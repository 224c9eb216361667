/* tl-report-window.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-import-report.h"

G_BEGIN_DECLS

#define TL_TYPE_REPORT_WINDOW (tl_report_window_get_type ())

G_DECLARE_FINAL_TYPE (TlReportWindow, tl_report_window, TL, REPORT_WINDOW, AdwWindow)

TlReportWindow *tl_report_window_new         (GtkWindow            *parent,
                                              const char           *file_name,
                                              const TlImportReport *report);
GListModel     *tl_report_window_get_lines   (TlReportWindow       *self);

G_END_DECLS
