/* tl-issue-list.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-issue-list"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-format.h"
#include "tl-issue-list.h"

/* The issues of an import report as a list model of #GtkStringObject
 * lines. A line is described only when a list view requests its item, so
 * that a report of a hundred thousand issues opens at once. When the
 * report counted more issues than it kept, a last line gives the number
 * not listed. */
struct _TlIssueList
{
  GObject         parent_instance;

  TlImportReport *report;
  guint           n_stored;
  guint64         n_unlisted;
};

static void tl_issue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlIssueList, tl_issue_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tl_issue_list_model_init))

static void
tl_issue_list_finalize (GObject *object)
{
  TlIssueList *self = TL_ISSUE_LIST (object);

  g_clear_pointer (&self->report, tl_import_report_free);

  G_OBJECT_CLASS (tl_issue_list_parent_class)->finalize (object);
}

static void
tl_issue_list_class_init (TlIssueListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tl_issue_list_finalize;
}

static void
tl_issue_list_init (TlIssueList *self)
{
}

static GType
tl_issue_list_get_item_type (GListModel *list)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
tl_issue_list_get_n_items (GListModel *list)
{
  TlIssueList *self = TL_ISSUE_LIST (list);

  return self->n_stored + (self->n_unlisted > 0 ? 1 : 0);
}

static char *
describe_unlisted (guint64 n_unlisted)
{
  g_autofree char *count = tl_format_count (n_unlisted);

  /* Translators: the last line of a capped list, %s is a number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "… and %s more, not listed",
                                       "… and %s more, not listed",
                                       (gulong) MIN (n_unlisted, G_MAXULONG)),
                          count);
}

static gpointer
tl_issue_list_get_item (GListModel *list,
                        guint       position)
{
  TlIssueList *self = TL_ISSUE_LIST (list);
  g_autofree char *line = NULL;

  if (position < self->n_stored)
    line = tl_import_report_describe (self->report, position);
  else if (position == self->n_stored && self->n_unlisted > 0)
    line = describe_unlisted (self->n_unlisted);
  else
    return NULL;

  return gtk_string_object_new (line);
}

static void
tl_issue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tl_issue_list_get_item_type;
  iface->get_n_items = tl_issue_list_get_n_items;
  iface->get_item = tl_issue_list_get_item;
}

/**
 * tl_issue_list_new:
 * @report: an import report
 *
 * Creates a list of the issues of @report, which is copied.
 *
 * Returns: (transfer full): a new #TlIssueList
 */
TlIssueList *
tl_issue_list_new (const TlImportReport *report)
{
  TlIssueList *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (TL_TYPE_ISSUE_LIST, NULL);
  self->report = tl_import_report_copy (report);
  self->n_stored = tl_import_report_get_n_stored (report);
  self->n_unlisted = tl_import_report_get_n_issues (report) - self->n_stored;

  return self;
}
