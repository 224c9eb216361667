/* tl-issue-list.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-import-report.h"

G_BEGIN_DECLS

#define TL_TYPE_ISSUE_LIST (tl_issue_list_get_type ())

G_DECLARE_FINAL_TYPE (TlIssueList, tl_issue_list, TL, ISSUE_LIST, GObject)

TlIssueList *tl_issue_list_new (const TlImportReport *report);

G_END_DECLS
