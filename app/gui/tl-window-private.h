/* tl-window-private.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tl-account-detail.h"
#include "tl-account-view.h"
#include "tl-capacity-view.h"
#include "tl-filter-bar.h"
#include "tl-mapping-dialog.h"
#include "tl-recent-list.h"
#include "tl-window.h"

G_BEGIN_DECLS

/* The long operation a window runs in a worker thread, at most one. */
typedef enum
{
  TL_JOB_NONE,
  TL_JOB_LOAD,
  TL_JOB_EXPORT,
} TlJobKind;

/* Progress of a job, written by the worker thread through
 * _tl_window_job_progress() and read by the main loop. */
typedef struct
{
  int permille;
} TlJobProgress;

struct _TlWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *combine_revealer;
  GtkLabel             *combine_label;
  GtkButton            *combine_button;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *detail_button;
  TlCapacityView       *capacity_view;
  TlTierSummary        *tier_summary;
  TlFilterBar          *filter_bar;
  AdwFlap              *detail_flap;
  TlAccountView        *account_view;
  TlAccountDetail      *account_detail;
  GtkLabel             *status_label;
  GtkWidget            *details_button;
  TlRecentList         *recent_list;
  GMenu                *file_section;      /* of the main menu, with Open Recent */
  GMenu                *sort_menu;         /* the Sort By items of the table's menu */
  GtkMenuButton        *menu_button;

  GSettings            *settings;
  TlDocument           *document;
  gulong                document_changed_id;
  guint                 n_repeated_ids;
  TlMappingDialog      *mapping_dialog;    /* weak */
  TlModel              *model;             /* the default for new documents */
  GtkWindow            *model_dialog;      /* weak */
  GtkNativeDialog      *file_chooser;
  GFile                *last_export;

  TlJobKind             job_kind;
  GTask                *job;
  GCancellable         *job_cancellable;
  TlJobProgress        *job_progress;
  guint32              *arr_order;      /* the loaded rows sorted by ARR, for the table */
  char                 *page_before_job;
  guint                 job_page_source;
  guint                 job_poll_source;

  guint                 headcount_source;  /* commits the headcount typed */
  guint                 switcher_source;   /* shows the switcher bar after layout */

  char                 *quarter;           /* the quarter the document counts as */
  GCancellable         *history_cancellable;
  TlHistory            *pending_history;   /* waits for the export to end */
  char                 *history_problem;   /* why the history cannot be used */
  gboolean              history_warned;
  GtkWindow            *snapshots_window;  /* weak */

  gboolean              recent_in_menu;    /* the Open Recent submenu is in file_section */
};

void     _tl_window_begin_job           (TlWindow             *self,
                                         TlJobKind             kind,
                                         GTask                *task,
                                         TlJobProgress        *progress,
                                         const char           *title);
gboolean _tl_window_end_job             (TlWindow             *self,
                                         GTask                *task);
void     _tl_window_leave_job           (TlWindow             *self);
void     _tl_window_job_progress        (double                fraction,
                                         gpointer              user_data);
void     _tl_window_show_error          (TlWindow             *self,
                                         const char           *heading,
                                         const char           *body);
void     _tl_window_set_document        (TlWindow             *self,
                                         TlDocument           *document);
void     _tl_window_update_actions      (TlWindow             *self);
void     _tl_window_show_file_chooser   (TlWindow             *self,
                                         GtkFileChooserNative *chooser);
void     _tl_window_choose_file_to_open (TlWindow             *self);
void     _tl_window_choose_export_file  (TlWindow             *self);
void     _tl_window_choose_columns      (TlWindow             *self,
                                         TlDocument           *document,
                                         const GError         *error);
void     _tl_window_update_notices      (TlWindow             *self);
void     _tl_window_class_init_explore  (GtkWidgetClass       *widget_class);
void     _tl_window_update_explore_actions (TlWindow          *self);
void     _tl_window_explore_set_document (TlWindow            *self,
                                         TlDocument           *document);
void     _tl_window_explore_reload      (TlWindow             *self);
void     _tl_window_class_init_model    (GtkWidgetClass       *widget_class);
void     _tl_window_init_model          (TlWindow             *self);
void     _tl_window_dispose_model       (TlWindow             *self);
void     _tl_window_update_model_actions (TlWindow            *self);
void     _tl_window_model_set_document  (TlWindow             *self,
                                         TlDocument           *document);
TlModel *_tl_window_copy_default_model  (TlWindow             *self);
void     _tl_window_apply_model         (TlWindow             *self,
                                         const TlModel        *model);
void     _tl_window_keep_model          (TlWindow             *self,
                                         const TlModel        *model);
void     _tl_window_class_init_capacity (GtkWidgetClass       *widget_class);
void     _tl_window_dispose_capacity    (TlWindow             *self);
void     _tl_window_update_capacity_actions (TlWindow         *self);
void     _tl_window_capacity_reload     (TlWindow             *self);
void     _tl_window_class_init_history  (GtkWidgetClass       *widget_class);
void     _tl_window_dispose_history     (TlWindow             *self);
void     _tl_window_update_history_actions (TlWindow          *self);
void     _tl_window_class_init_recent   (GtkWidgetClass       *widget_class);
void     _tl_window_init_recent         (TlWindow             *self);
void     _tl_window_update_recent_actions (TlWindow           *self);
void     _tl_window_add_recent          (TlWindow             *self,
                                         const char           *path);
void     _tl_window_history_set_document (TlWindow            *self,
                                         TlDocument           *document);

G_END_DECLS
