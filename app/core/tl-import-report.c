/* tl-import-report.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-import-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-import-report.h"
#include "tl-value.h"

/* Issues kept for listing; past it they are only counted, so that a file of
 * a million bad rows cannot fill memory with messages. */
#define MAX_STORED_ISSUES 100000

/* Characters of a cell kept for the report. */
#define MAX_VALUE_CHARS 200

struct _TlImportReport
{
  GArray    *issues;
  guint64    counts[TL_N_ISSUE_KINDS];
  guint64    last_line[TL_N_ISSUE_KINDS];  /* of the last issue of each kind */
  guint64    total;
  GPtrArray *headers;
  guint      n_accounts;
  char      *encoding;
};

static void
clear_issue (gpointer data)
{
  TlImportIssue *issue = data;

  g_free (issue->value);
}

TlImportReport *
tl_import_report_new (void)
{
  TlImportReport *self = g_new0 (TlImportReport, 1);

  self->issues = g_array_new (FALSE, FALSE, sizeof (TlImportIssue));
  g_array_set_clear_func (self->issues, clear_issue);
  self->encoding = g_strdup ("UTF-8");

  return self;
}

TlImportReport *
tl_import_report_copy (const TlImportReport *report)
{
  TlImportReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  copy = tl_import_report_new ();
  for (guint i = 0; i < report->issues->len; i++)
    {
      TlImportIssue issue = g_array_index (report->issues, TlImportIssue, i);

      issue.value = g_strdup (issue.value);
      g_array_append_val (copy->issues, issue);
    }
  memcpy (copy->counts, report->counts, sizeof report->counts);
  memcpy (copy->last_line, report->last_line, sizeof report->last_line);
  copy->total = report->total;
  tl_import_report_set_headers (copy, report->headers);
  copy->n_accounts = report->n_accounts;
  tl_import_report_set_encoding (copy, report->encoding);

  return copy;
}

void
tl_import_report_free (TlImportReport *report)
{
  if (report == NULL)
    return;

  g_array_unref (report->issues);
  g_clear_pointer (&report->headers, g_ptr_array_unref);
  g_free (report->encoding);
  g_free (report);
}

/* Keeps @headers to name columns in descriptions. */
void
tl_import_report_set_headers (TlImportReport *report,
                              GPtrArray      *headers)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->headers, g_ptr_array_unref);
  if (headers != NULL)
    report->headers = g_ptr_array_ref (headers);
}

static char *
clip_value (const char *value,
            gssize      len)
{
  return value != NULL ? tl_value_clip (value, len, MAX_VALUE_CHARS) : NULL;
}

/**
 * tl_import_report_add:
 * @report: a report
 * @kind: why the row or cell is not used as it stands
 * @line: the line of the file, from 1
 * @column: the column, or -1 for the whole row
 * @value: (nullable): the cell or the detail to show
 * @len: length of @value, or -1 when it is NUL-terminated
 *
 * Records an issue. Past a limit issues are only counted.
 */
void
tl_import_report_add (TlImportReport *report,
                      TlIssueKind     kind,
                      guint64         line,
                      int             column,
                      const char     *value,
                      gssize          len)
{
  TlImportIssue issue;

  g_return_if_fail (report != NULL);
  g_return_if_fail (kind < TL_N_ISSUE_KINDS);

  report->counts[kind]++;
  report->total++;
  report->last_line[kind] = line;
  if (report->issues->len >= MAX_STORED_ISSUES)
    return;

  issue.kind = kind;
  issue.line = line;
  issue.column = column;
  issue.value = clip_value (value, len);
  g_array_append_val (report->issues, issue);
}

/**
 * tl_import_report_add_line_once:
 * @report: a report
 * @kind: what is wrong with the line
 * @line: the line, from 1
 *
 * Adds an issue of @kind at @line, unless the last issue of @kind is at
 * @line already, so that a line with several faults of one kind is listed
 * once.
 */
void
tl_import_report_add_line_once (TlImportReport *report,
                                TlIssueKind     kind,
                                guint64         line)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (kind < TL_N_ISSUE_KINDS);

  if (report->counts[kind] > 0 && report->last_line[kind] == line)
    return;

  tl_import_report_add (report, kind, line, -1, NULL, 0);
}

/**
 * tl_import_report_merge:
 * @report: a report
 * @other: another report
 * @kinds: a mask of `1 << TlIssueKind` bits
 *
 * Adds the issues of @other whose kind is in @kinds to @report.
 */
void
tl_import_report_merge (TlImportReport       *report,
                        const TlImportReport *other,
                        guint                 kinds)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (other != NULL);

  for (guint i = 0; i < other->issues->len; i++)
    {
      const TlImportIssue *issue = &g_array_index (other->issues, TlImportIssue, i);

      if (kinds & (1u << issue->kind))
        tl_import_report_add (report, issue->kind, issue->line, issue->column, issue->value, -1);
    }

  /* Issues past the listing limit of @other are only counted. */
  for (guint k = 0; k < TL_N_ISSUE_KINDS; k++)
    {
      guint64 listed = 0;

      if (!(kinds & (1u << k)))
        continue;
      for (guint i = 0; i < other->issues->len; i++)
        listed += g_array_index (other->issues, TlImportIssue, i).kind == k;
      report->counts[k] += other->counts[k] - listed;
      report->total += other->counts[k] - listed;
    }
}

void
tl_import_report_set_n_accounts (TlImportReport *report,
                                 guint           n_accounts)
{
  g_return_if_fail (report != NULL);

  report->n_accounts = n_accounts;
}

guint
tl_import_report_get_n_accounts (const TlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_accounts;
}

/* Returns how many issues were found, listed or only counted. */
guint64
tl_import_report_get_n_issues (const TlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->total;
}

guint64
tl_import_report_count_kind (const TlImportReport *report,
                             TlIssueKind           kind)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (kind < TL_N_ISSUE_KINDS, 0);

  return report->counts[kind];
}

/* Returns how many issues are kept for listing. */
guint
tl_import_report_get_n_stored (const TlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->issues->len;
}

const TlImportIssue *
tl_import_report_get_issue (const TlImportReport *report,
                            guint                 index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->issues->len, NULL);

  return &g_array_index (report->issues, TlImportIssue, index);
}

static char *
describe_reason (const TlImportIssue *issue)
{
  const char *v = issue->value != NULL ? issue->value : "";

  switch (issue->kind)
    {
    case TL_ISSUE_INVALID_NUMBER:
      return g_strdup_printf (_("“%s” is not a number; the cell is treated as empty."), v);
    case TL_ISSUE_INVALID_BOOLEAN:
      return g_strdup_printf (_("“%s” is not yes or no; the cell is treated as empty."), v);
    case TL_ISSUE_INVALID_DATE:
      return g_strdup_printf (_("“%s” is not a date; the cell is treated as empty."), v);
    case TL_ISSUE_AMBIGUOUS_DATES:
      return g_strdup_printf (_("No date in this column has a day above 12, so dates such as "
                                "“%s” could be day first or month first; they are read "
                                "month first."), v);
    case TL_ISSUE_NEGATIVE_ARR:
      return g_strdup_printf (_("“%s” is a negative amount; the account gets no tier."), v);
    case TL_ISSUE_MISSING_ARR:
      return g_strdup (_("No ARR or MRR; the account gets no tier until the value is filled in."));
    case TL_ISSUE_ABOVE_HEADER:
      return g_strdup_printf (_("The line above the header row is not read as an account: %s"),
                              v);
    case TL_ISSUE_SHORT_ROW:
      return g_strdup_printf (_("The row has only %s cells; the missing cells are treated as empty."), v);
    case TL_ISSUE_EXTRA_CELLS:
      return g_strdup_printf (_("The row has cells past the last column, which are not used: %s"), v);
    case TL_ISSUE_FIELD_TOO_LONG:
      return g_strdup (_("A field is longer than 1 MiB; the row is skipped."));
    case TL_ISSUE_ROW_TOO_LONG:
      return g_strdup (_("The row is longer than 16 MiB or has more than 100,000 cells; it is skipped."));
    case TL_ISSUE_REPEATED_ID:
      return g_strdup_printf (_("The id “%s” is also on an earlier row; this row is kept as a "
                                "separate account. Combine the rows of each id to see one "
                                "account per id."), v);
    case TL_ISSUE_UNKNOWN_TIER:
      return g_strdup_printf (_("The tier “%s” matches no tier number or name, so accounts "
                                "with it get no promotion or demotion flag. Match it to a "
                                "tier in the model's tier labels."), v);
    case TL_ISSUE_UNCLOSED_QUOTE:
      return g_strdup (_("A quote opened on this line is never closed; the rest of the file is skipped."));
    case TL_ISSUE_MIXED_CURRENCIES:
      return g_strdup_printf (_("“%s” is in another currency than the amounts above it. "
                                "Tierline does not convert currencies: it adds the amounts as "
                                "they are and shows them in dollars. Convert them to one "
                                "currency in the file."), v);
    case TL_ISSUE_UNREADABLE_BYTES:
      return g_strdup (_("The line has bytes that are not text in the file's encoding: they "
                         "are shown as “\xef\xbf\xbd”, and NUL bytes are left out. Save the file "
                         "again as text, in UTF-8, from the program that made it."));
    case TL_N_ISSUE_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * tl_import_report_describe:
 * @report: a report
 * @index: a stored issue
 *
 * Describes an issue in one sentence with its line and column, such as
 * "Line 12, column “ARR”: “abc” is not a number; …".
 *
 * Returns: (transfer full): the description
 */
char *
tl_import_report_describe (const TlImportReport *report,
                           guint                 index)
{
  const TlImportIssue *issue;
  g_autofree char *reason = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->issues->len, NULL);

  issue = &g_array_index (report->issues, TlImportIssue, index);
  reason = describe_reason (issue);
  line = g_strdup_printf ("%" G_GUINT64_FORMAT, issue->line);

  if (issue->column >= 0 && report->headers != NULL
      && (guint) issue->column < report->headers->len)
    /* Translators: line number, column header, then the reason */
    return g_strdup_printf (_("Line %s, column “%s”: %s"), line,
                            (const char *) g_ptr_array_index (report->headers, issue->column),
                            reason);

  /* Translators: line number, then the reason */
  return g_strdup_printf (_("Line %s: %s"), line, reason);
}

/* Records the encoding the file was read in. */
void
tl_import_report_set_encoding (TlImportReport *report,
                               const char     *encoding)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (encoding != NULL);

  g_free (report->encoding);
  report->encoding = g_strdup (encoding);
}

const char *
tl_import_report_get_encoding (const TlImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->encoding;
}

/* Returns the group an issue kind is counted in. */
TlIssueGroup
tl_issue_kind_get_group (TlIssueKind kind)
{
  switch (kind)
    {
    case TL_ISSUE_FIELD_TOO_LONG:
    case TL_ISSUE_ROW_TOO_LONG:
    case TL_ISSUE_UNCLOSED_QUOTE:
      return TL_ISSUE_GROUP_ROWS_SKIPPED;
    case TL_ISSUE_INVALID_NUMBER:
    case TL_ISSUE_INVALID_BOOLEAN:
    case TL_ISSUE_INVALID_DATE:
    case TL_ISSUE_EXTRA_CELLS:
      return TL_ISSUE_GROUP_CELLS_NOT_READ;
    case TL_ISSUE_NEGATIVE_ARR:
    case TL_ISSUE_MISSING_ARR:
      return TL_ISSUE_GROUP_NEED_DATA;
    case TL_ISSUE_AMBIGUOUS_DATES:
    case TL_ISSUE_ABOVE_HEADER:
    case TL_ISSUE_SHORT_ROW:
    case TL_ISSUE_REPEATED_ID:
    case TL_ISSUE_UNKNOWN_TIER:
    case TL_ISSUE_MIXED_CURRENCIES:
    case TL_ISSUE_UNREADABLE_BYTES:
      return TL_ISSUE_GROUP_NOTES;
    case TL_N_ISSUE_KINDS:
    default:
      g_return_val_if_reached (TL_ISSUE_GROUP_NOTES);
    }
}

/**
 * tl_import_report_count_group:
 * @report: a report
 * @group: a group of issue kinds
 *
 * Counts the issues, listed or only counted, whose kind is in @group, so
 * that the window and the command line sum up a report alike.
 *
 * Returns: the number of issues in @group
 */
guint64
tl_import_report_count_group (const TlImportReport *report,
                              TlIssueGroup          group)
{
  guint64 n = 0;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (group < TL_N_ISSUE_GROUPS, 0);

  for (guint k = 0; k < TL_N_ISSUE_KINDS; k++)
    if (tl_issue_kind_get_group (k) == group)
      n += report->counts[k];

  return n;
}
