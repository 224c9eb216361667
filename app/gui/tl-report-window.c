/* tl-report-window.c
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


#define G_LOG_DOMAIN "tl-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-issue-list.h"
#include "tl-report-window.h"

/* A window that lists every row and cell of the input that was skipped or
 * could not be read, one line each, as the import report describes them.
 * The list view describes only the lines it shows, so that a report of a
 * hundred thousand issues opens at once. */
struct _TlReportWindow
{
  AdwWindow      parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel       *summary_label;
  GtkListView    *list_view;

  TlIssueList    *lines;
};

G_DEFINE_FINAL_TYPE (TlReportWindow, tl_report_window, ADW_TYPE_WINDOW)

static void
tl_report_window_dispose (GObject *object)
{
  TlReportWindow *self = TL_REPORT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_REPORT_WINDOW);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (tl_report_window_parent_class)->dispose (object);
}

static void
tl_report_window_class_init (TlReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_report_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlReportWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TlReportWindow, list_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_report_window_init (TlReportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
fill_lines (TlReportWindow       *self,
            const TlImportReport *report)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->lines = tl_issue_list_new (report);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->lines)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

static void
fill_summary (TlReportWindow       *self,
              const TlImportReport *report)
{
  guint n_accounts = tl_import_report_get_n_accounts (report);
  guint64 n_issues = tl_import_report_get_n_issues (report);
  g_autofree char *accounts = NULL;
  g_autofree char *issues = NULL;
  g_autofree char *count = NULL;
  g_autofree char *summary = NULL;

  accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Tierline read %u account.",
                                           "Tierline read %u accounts.",
                                           n_accounts),
                              n_accounts);
  count = g_strdup_printf ("%" G_GUINT64_FORMAT, n_issues);
  /* Translators: %s is a number */
  issues = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s row or cell needs attention:",
                                         "%s rows or cells need attention:",
                                         (gulong) MIN (n_issues, G_MAXULONG)),
                            count);
  summary = g_strconcat (accounts, " ", issues, NULL);

  gtk_label_set_text (self->summary_label, summary);
}

/**
 * tl_report_window_new:
 * @parent: the window the report belongs to
 * @file_name: the name of the file that was read
 * @report: the file's import report
 *
 * Creates a window that lists the report's lines. The lines are copied, so
 * the report may be freed afterwards.
 *
 * Returns: (transfer full): a new #TlReportWindow
 */
TlReportWindow *
tl_report_window_new (GtkWindow            *parent,
                      const char           *file_name,
                      const TlImportReport *report)
{
  TlReportWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (TL_TYPE_REPORT_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  adw_window_title_set_subtitle (self->window_title, file_name);
  fill_summary (self, report);
  fill_lines (self, report);

  return self;
}

/**
 * tl_report_window_get_lines:
 * @self: a #TlReportWindow
 *
 * Returns: (transfer none): the lines shown, as #GtkStringObject items
 */
GListModel *
tl_report_window_get_lines (TlReportWindow *self)
{
  g_return_val_if_fail (TL_IS_REPORT_WINDOW (self), NULL);

  return G_LIST_MODEL (self->lines);
}
