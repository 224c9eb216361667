/* tl-import-report.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a row or a cell of the input was not used as it stands. */
typedef enum
{
  TL_ISSUE_INVALID_NUMBER,    /* cell is not a number */
  TL_ISSUE_INVALID_BOOLEAN,   /* cell is not yes/no */
  TL_ISSUE_INVALID_DATE,      /* cell is not a date */
  TL_ISSUE_AMBIGUOUS_DATES,   /* a date column that could be day or month first */
  TL_ISSUE_NEGATIVE_ARR,      /* ARR or MRR below zero: the account gets no tier */
  TL_ISSUE_MISSING_ARR,       /* no ARR and no MRR: the account gets no tier */
  TL_ISSUE_ABOVE_HEADER,      /* a title line above the header row, not read as data */
  TL_ISSUE_SHORT_ROW,         /* fewer cells than headers: the missing ones are absent */
  TL_ISSUE_EXTRA_CELLS,       /* more non-empty cells than headers: the extra ones are not used */
  TL_ISSUE_FIELD_TOO_LONG,    /* a field over the size limit: the row is skipped */
  TL_ISSUE_ROW_TOO_LONG,      /* a row over the size or cell limit: the row is skipped */
  TL_ISSUE_REPEATED_ID,       /* an id seen on an earlier row: kept as a separate account */
  TL_ISSUE_UNKNOWN_TIER,      /* a current-tier label that matches no tier: no move flag */
  TL_ISSUE_UNCLOSED_QUOTE,    /* a quote opened and never closed: the rest of the file is skipped */
  TL_ISSUE_MIXED_CURRENCIES,  /* an amount in another currency than the column's first ones */
  TL_ISSUE_UNREADABLE_BYTES,  /* bytes that are not text in the file's encoding, or NUL bytes */
  TL_N_ISSUE_KINDS
} TlIssueKind;

/* One row or cell that was not used as it stands. Lines count from 1,
 * as a text editor shows them; column is -1 for a whole row. */
typedef struct
{
  TlIssueKind kind;
  int         column;
  guint64     line;
  char       *value;
} TlImportIssue;

/* The groups in which issues are counted for people: rows not read at
 * all, cells read as empty or not used, accounts left without a tier, and
 * notes on rows and cells read otherwise than written. */
typedef enum
{
  TL_ISSUE_GROUP_ROWS_SKIPPED,
  TL_ISSUE_GROUP_CELLS_NOT_READ,
  TL_ISSUE_GROUP_NEED_DATA,
  TL_ISSUE_GROUP_NOTES,
  TL_N_ISSUE_GROUPS
} TlIssueGroup;

typedef struct _TlImportReport TlImportReport;

TlImportReport      *tl_import_report_new            (void);
TlImportReport      *tl_import_report_copy           (const TlImportReport *report);
void                 tl_import_report_free           (TlImportReport       *report);
void                 tl_import_report_set_headers    (TlImportReport       *report,
                                                      GPtrArray            *headers);
void                 tl_import_report_add            (TlImportReport       *report,
                                                      TlIssueKind           kind,
                                                      guint64               line,
                                                      int                   column,
                                                      const char           *value,
                                                      gssize                len);
void                 tl_import_report_add_line_once  (TlImportReport       *report,
                                                      TlIssueKind           kind,
                                                      guint64               line);
void                 tl_import_report_merge          (TlImportReport       *report,
                                                      const TlImportReport *other,
                                                      guint                 kinds);
void                 tl_import_report_set_n_accounts (TlImportReport       *report,
                                                      guint                 n_accounts);
guint                tl_import_report_get_n_accounts (const TlImportReport *report);
guint64              tl_import_report_get_n_issues   (const TlImportReport *report);
guint64              tl_import_report_count_kind     (const TlImportReport *report,
                                                      TlIssueKind           kind);
guint                tl_import_report_get_n_stored   (const TlImportReport *report);
const TlImportIssue *tl_import_report_get_issue      (const TlImportReport *report,
                                                      guint                 index);
char                *tl_import_report_describe       (const TlImportReport *report,
                                                      guint                 index);
void                 tl_import_report_set_encoding   (TlImportReport       *report,
                                                      const char           *encoding);
const char          *tl_import_report_get_encoding   (const TlImportReport *report);
TlIssueGroup         tl_issue_kind_get_group         (TlIssueKind           kind);
guint64              tl_import_report_count_group    (const TlImportReport *report,
                                                      TlIssueGroup          group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlImportReport, tl_import_report_free)

G_END_DECLS
