/* tl-window-notice.c
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

#define G_LOG_DOMAIN "tl-window-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-format.h"
#include "tl-window-private.h"

/* The window's notices on how the file was read. The status line under
 * the table counts the accounts read (or shown, while a filter is on) and
 * the rows and cells not used. The bar above the summary offers to
 * combine rows that share an account id. */

static gulong
plural_count (guint64 n)
{
  return (gulong) MIN (n, G_MAXULONG);
}

/* Appends a part to the status line, after a middle dot. */
static void
append_part (GString    *status,
             const char *part)
{
  if (status->len > 0)
    g_string_append (status, " · ");
  g_string_append (status, part);
}

/* Appends @n to the status line in @format: a translated text whose only
 * conversion is the %s that takes the number. Nothing is appended when @n
 * is zero. */
static void
append_count (GString    *status,
              guint64     n,
              const char *format)
{
  g_autofree char *count = NULL;
  g_autofree char *part = NULL;

  if (n == 0)
    return;

  count = tl_format_count (n);
  part = g_strdup_printf (format, count);
  append_part (status, part);
}

/* Returns the name of an encoding as people know it, or NULL for the
 * encodings that need no mention: UTF-8, and the XLSX format, which
 * always stores UTF-8. */
static const char *
describe_encoding (const char *encoding)
{
  if (encoding == NULL
      || g_ascii_strcasecmp (encoding, "UTF-8") == 0
      || g_ascii_strcasecmp (encoding, "XLSX") == 0)
    return NULL;

  if (g_ascii_strcasecmp (encoding, "WINDOWS-1252") == 0)
    return "Windows-1252";
  if (g_str_has_prefix (encoding, "UTF-16"))
    return "UTF-16";

  return encoding;
}

static void
update_status (TlWindow *self)
{
  const TlSegmentation *segmentation = tl_document_get_segmentation (self->document);
  TlImportReport *report = tl_document_get_report (self->document);
  guint n_accounts = segmentation->n_accounts;
  guint64 n_skipped = tl_import_report_count_group (report, TL_ISSUE_GROUP_ROWS_SKIPPED);
  guint64 n_unread = tl_import_report_count_group (report, TL_ISSUE_GROUP_CELLS_NOT_READ);
  guint64 n_need_data = tl_import_report_count_group (report, TL_ISSUE_GROUP_NEED_DATA);
  guint64 n_notes = tl_import_report_count_group (report, TL_ISSUE_GROUP_NOTES);
  const char *encoding = describe_encoding (tl_import_report_get_encoding (report));
  g_autoptr(GString) status = g_string_new (NULL);
  g_autofree char *accounts = tl_format_count (n_accounts);
  g_autofree char *part = NULL;

  if (tl_filter_bar_is_active (self->filter_bar))
    {
      TlAccountList *list = tl_account_view_get_list (self->account_view);
      guint n_shown = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
      g_autofree char *shown = tl_format_count (n_shown);

      /* Translators: the start of the status line while a filter is on, as
       * in "12 of 204 accounts shown"; both %s are numbers */
      part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s account shown",
                                           "%s of %s accounts shown", n_accounts),
                              shown, accounts);
    }
  else
    {
      /* Translators: the parts of the status line under the table, as in
       * "204 accounts · 3 rows skipped · 12 cells not read · 2 accounts
       * need data · 1 note"; %s is a number */
      part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts",
                                           n_accounts),
                              accounts);
    }
  append_part (status, part);
  append_count (status, n_skipped,
                g_dngettext (GETTEXT_PACKAGE, "%s row skipped", "%s rows skipped",
                             plural_count (n_skipped)));
  append_count (status, n_unread,
                g_dngettext (GETTEXT_PACKAGE, "%s cell not read", "%s cells not read",
                             plural_count (n_unread)));
  append_count (status, n_need_data,
                g_dngettext (GETTEXT_PACKAGE, "%s account needs data", "%s accounts need data",
                             plural_count (n_need_data)));
  append_count (status, n_notes,
                g_dngettext (GETTEXT_PACKAGE, "%s note", "%s notes", plural_count (n_notes)));

  if (encoding != NULL)
    {
      g_autofree char *read_as = NULL;

      /* Translators: the encoding of a text file, as in "Read as Windows-1252" */
      read_as = g_strdup_printf (_("Read as %s"), encoding);
      append_part (status, read_as);
    }

  gtk_label_set_text (self->status_label, status->str);
  gtk_widget_set_visible (self->details_button, tl_import_report_get_n_issues (report) > 0);
}

/* Offers to combine the rows that share an id, or to show them apart
 * again, when the file has such rows. */
static void
update_combine_bar (TlWindow *self)
{
  const TlSegmentation *segmentation = tl_document_get_segmentation (self->document);
  guint n_repeated = self->n_repeated_ids;
  guint n_accounts = segmentation->n_accounts;
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->combine_revealer, n_repeated > 0);
  if (n_repeated == 0)
    return;

  if (tl_document_get_combine_ids (self->document))
    {
      g_autofree char *rows = tl_format_count ((guint64) n_accounts + n_repeated);
      g_autofree char *accounts = tl_format_count (n_accounts);

      /* Translators: the first %s counts rows, the second accounts */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s rows combined into %s account.",
                                           "%s rows combined into %s accounts.",
                                           n_accounts),
                              rows, accounts);
      gtk_button_set_label (self->combine_button, _("_Show Rows Separately"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->combine_button),
                                   _("Show One Account per Row of the File"));
    }
  else
    {
      g_autofree char *rows = tl_format_count (n_repeated);

      /* Translators: %s counts rows */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s row repeats an account id: the file seems to "
                                           "list subscriptions, not accounts.",
                                           "%s rows repeat an account id: the file seems to "
                                           "list subscriptions, not accounts.",
                                           n_repeated),
                              rows);
      gtk_button_set_label (self->combine_button, _("_Combine Rows by Account"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->combine_button),
                                   _("Add Up the Rows of Each Account ID into One Account"));
    }

  gtk_label_set_text (self->combine_label, text);
}

/* Updates the status line and the combine bar to the document shown. */
void
_tl_window_update_notices (TlWindow *self)
{
  g_assert (TL_IS_WINDOW (self));
  g_assert (self->document != NULL);

  update_status (self);
  update_combine_bar (self);
}
