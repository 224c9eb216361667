/* tl-window.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-account-detail.h"
#include "tl-application.h"
#include "tl-capacity-view.h"
#include "tl-document.h"
#include "tl-filter-bar.h"
#include "tl-recent-list.h"
#include "tl-tier-summary.h"

G_BEGIN_DECLS

#define TL_TYPE_WINDOW (tl_window_get_type ())

G_DECLARE_FINAL_TYPE (TlWindow, tl_window, TL, WINDOW, AdwApplicationWindow)

TlWindow            *tl_window_new               (TlApplication *application);
void                 tl_window_open_file         (TlWindow      *self,
                                                  GFile         *file);
void                 tl_window_export_to         (TlWindow      *self,
                                                  GFile         *file);
void                 tl_window_cancel            (TlWindow      *self);
const TlModel       *tl_window_get_model         (TlWindow      *self);
void                 tl_window_open_model        (TlWindow      *self,
                                                  GFile         *file);
void                 tl_window_save_model_to     (TlWindow      *self,
                                                  GFile         *file);
TlDocument          *tl_window_get_document      (TlWindow      *self);
GtkColumnView       *tl_window_get_column_view   (TlWindow      *self);
GtkColumnViewColumn *tl_window_get_column        (TlWindow      *self,
                                                  const char    *sort_key);
GListModel          *tl_window_get_visible_model (TlWindow      *self);
TlTierSummary       *tl_window_get_tier_summary  (TlWindow      *self);
TlRecentList        *tl_window_get_recent_list   (TlWindow      *self);
TlFilterBar         *tl_window_get_filter_bar    (TlWindow      *self);
TlAccountDetail     *tl_window_get_account_detail (TlWindow     *self);
gboolean             tl_window_get_show_detail   (TlWindow      *self);
void                 tl_window_set_show_detail   (TlWindow      *self,
                                                  gboolean       show);
gboolean             tl_window_shows_no_match    (TlWindow      *self);
const char          *tl_window_get_status        (TlWindow      *self);
gboolean             tl_window_get_combine_ids   (TlWindow      *self);
void                 tl_window_set_combine_ids   (TlWindow      *self,
                                                  gboolean       combine);
const char          *tl_window_get_combine_bar_text (TlWindow   *self);
const char          *tl_window_get_page          (TlWindow      *self);
gboolean             tl_window_is_loading        (TlWindow      *self);
gboolean             tl_window_is_exporting      (TlWindow      *self);
gboolean             tl_window_is_empty          (TlWindow      *self);
const char          *tl_window_get_view          (TlWindow      *self);
const char          *tl_window_get_sort_key      (TlWindow      *self);
void                 tl_window_set_sort_key      (TlWindow      *self,
                                                  const char    *sort_key);
gboolean             tl_window_get_sort_descending (TlWindow    *self);
void                 tl_window_set_sort_descending (TlWindow    *self,
                                                    gboolean     descending);
void                 tl_window_set_view          (TlWindow      *self,
                                                  const char    *view);
TlCapacityView      *tl_window_get_capacity_view (TlWindow      *self);
const char          *tl_window_get_quarter       (TlWindow      *self);
void                 tl_window_set_quarter       (TlWindow      *self,
                                                  const char    *quarter);
gboolean             tl_window_save_snapshot     (TlWindow      *self,
                                                  const char    *quarter);
gboolean             tl_window_is_loading_history (TlWindow     *self);
const char          *tl_window_get_history_problem (TlWindow    *self);

G_END_DECLS
