/* tl-cli.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tl-cli.h"
#include "tl-document.h"
#include "tl-format.h"
#include "tl-model-file.h"
#include "tl-movement.h"
#include "tl-snapshot-store.h"
#include "tl-summary.h"
#include "tl-workbook.h"

/* Issues printed before only their total is given. */
#define MAX_PRINTED_ISSUES 20

enum
{
  EXIT_FAILED = 1,    /* the input or the output could not be used */
  EXIT_USAGE = 2,     /* an option or the column mapping needs fixing */
};

static void
print_error (const char *file,
             const char *message)
{
  g_autofree char *shown = file != NULL ? g_filename_display_name (file) : NULL;

  if (shown != NULL)
    g_printerr ("tierline: %s: %s\n", shown, message);
  else
    g_printerr ("tierline: %s\n", message);
}

static void
print_report (TlDocument *document)
{
  TlImportReport *report = tl_document_get_report (document);
  guint64 total = tl_import_report_get_n_issues (report);
  guint shown = MIN (tl_import_report_get_n_stored (report), MAX_PRINTED_ISSUES);
  g_autofree char *name = tl_document_get_basename (document);
  g_autofree char *count = NULL;
  gulong plural = (gulong) MIN (total, G_MAXULONG);

  if (g_strcmp0 (tl_import_report_get_encoding (report), "UTF-8") != 0)
    g_printerr (_("%s: read as %s\n"), name, tl_import_report_get_encoding (report));
  if (total == 0)
    return;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = tl_import_report_describe (report, i);

      g_printerr ("%s: %s\n", name, line);
    }

  count = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
  if (total > shown)
    {
      g_autofree char *more = g_strdup_printf ("%" G_GUINT64_FORMAT, total - shown);

      /* Translators: the file, the notes not listed, then all notes */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %s more note not listed, %s in all\n",
                               "%s: %s more notes not listed, %s in all\n", plural),
                  name, more, count);
    }
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %s note on the rows and cells\n",
                             "%s: %s notes on the rows and cells\n", plural),
                name, count);
}

/* Says when a --map takes a column from another field or replaces an
 * earlier --map, so that the consequence is not a surprise. */
static void
note_map_change (const TlFieldMap *map,
                 const char       *assignment,
                 gboolean          chosen[TL_N_FIELDS])
{
  g_autoptr(TlFieldMap) before = tl_field_map_copy (map);
  g_autofree char *key = g_strndup (assignment, strcspn (assignment, "="));
  TlField field;
  int column, previous;

  g_strstrip (key);
  if (!tl_field_from_key (key, &field) || !tl_field_map_apply_override (before, assignment, NULL))
    return;

  column = tl_field_map_get_column (before, field);
  previous = column >= 0 ? tl_field_map_get_field_of (map, column) : -1;
  if (chosen[field])
    g_printerr (_("tierline: --map %s replaces the earlier --map for %s.\n"), assignment,
                tl_field_get_key (field));
  if (previous >= 0 && previous != (int) field)
    g_printerr (_("tierline: --map %s takes the column “%s” from %s, which is left without "
                  "a column.\n"), assignment, tl_field_map_get_header (map, column),
                tl_field_get_key (previous));
  chosen[field] = TRUE;
}

static TlFieldMap *
build_map (TlDocument          *document,
           const TlCliOptions  *options,
           GError             **error)
{
  g_autoptr(TlFieldMap) map = tl_field_map_copy (tl_document_get_map (document));
  gboolean chosen[TL_N_FIELDS] = { FALSE };

  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    {
      note_map_change (map, options->maps[i], chosen);
      if (!tl_field_map_apply_override (map, options->maps[i], error))
        return NULL;
    }

  return g_steal_pointer (&map);
}

static char *
explain_map_error (const TlFieldMap *map,
                   const GError     *error)
{
  g_autofree char *headers = tl_field_map_list_headers (map);
  const char *hint;

  if (g_error_matches (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE)
      || g_error_matches (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_AMOUNTS))
    hint = _("Choose the column with --map arr=HEADER, or --map mrr=HEADER for monthly "
             "revenue.");
  else if (g_error_matches (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_NAME))
    hint = _("Choose the column with --map name=HEADER or --map id=HEADER.");
  else
    hint = _("Choose one with --map FIELD=HEADER.");

  /* Translators: the problem, the list of headers, then what to do */
  return g_strdup_printf (_("%s Headers found: %s. %s"), error->message, headers, hint);
}

static TlModel *
build_model (const TlCliOptions  *options,
             GError             **error)
{
  g_autoptr(TlModel) model = NULL;
  double bounds[3];

  if (options->model != NULL)
    model = tl_model_new_from_file (options->model, error);
  else
    model = tl_model_new_default ();
  if (model == NULL)
    return NULL;

  if (options->headcount != G_MININT)
    model->headcount = options->headcount;
  if (options->thresholds != NULL)
    {
      if (!tl_model_parse_thresholds (options->thresholds, bounds, error))
        return NULL;
      tl_model_set_thresholds (model, bounds);
    }

  return g_steal_pointer (&model);
}

/* Prints "  LABEL  COUNT" with the counts aligned: printf pads by bytes,
 * which misaligns labels with accented letters. */
static void
print_count_line (const char *label,
                  guint       count)
{
  g_autoptr(GString) line = g_string_new ("  ");
  g_autofree char *count_text = tl_format_count (count);

  g_string_append (line, label);
  for (glong i = g_utf8_strlen (label, -1); i < 12; i++)
    g_string_append_c (line, ' ');
  for (glong i = g_utf8_strlen (count_text, -1); i < 8; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, count_text);
  g_print ("%s\n", line->str);
}

static void
print_result (TlDocument *document,
              const char *output)
{
  const TlSegmentation *seg = tl_document_get_segmentation (document);
  const TlModel *model = tl_document_get_model (document);
  g_autofree char *shown = g_filename_display_name (output);

  g_autofree char *count = tl_format_count (seg->n_accounts);

  /* Translators: a file name, then a number of accounts */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %s account\n", "Wrote %s: %s accounts\n",
                       seg->n_accounts), shown, count);
  for (guint t = 1; t <= TL_N_TIERS; t++)
    {
      g_autofree char *label = g_strdup_printf ("%u %s", t, model->tiers[t - 1].name);

      print_count_line (label, seg->tiers[t].accounts);
    }
  if (seg->tiers[TL_TIER_NONE].accounts > 0)
    {
      g_autofree char *label = g_strdup_printf ("  %s", _("Needs data"));

      print_count_line (label, seg->tiers[TL_TIER_NONE].accounts);
    }
}

static gboolean
has_xlsx_suffix (const char *path)
{
  gsize len = strlen (path);

  return len > 5 && g_ascii_strcasecmp (path + len - 5, ".xlsx") == 0;
}

static char *
quarter_of (const TlCliOptions  *options,
            GError             **error)
{
  g_autoptr(GDateTime) now = NULL;

  if (options->quarter == NULL)
    {
      now = g_date_time_new_now_local ();
      return tl_quarter_for_date (now);
    }
  if (!tl_quarter_is_valid (options->quarter))
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_QUARTER,
                   _("Invalid quarter “%s” in --quarter: write the year and the quarter, such "
                     "as 2026-Q4."), options->quarter);
      return NULL;
    }

  return g_ascii_strup (options->quarter, -1);
}

/* Applies the snapshot history and saves a snapshot when asked. A history
 * that cannot be used is a warning: the export goes on without it. */
static void
use_history (TlDocument         *document,
             const TlCliOptions *options,
             const char         *quarter)
{
  g_autofree char *path = options->history != NULL ? g_strdup (options->history)
                                                   : tl_snapshot_store_default_path ();
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = tl_document_get_basename (document);
  TlHistory *history;

  if (!options->save_snapshot && options->history == NULL
      && !g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  store = tl_snapshot_store_open (path, &error);
  history = store != NULL ? tl_snapshot_store_load_history (store, quarter, &error) : NULL;
  if (history == NULL)
    {
      g_printerr (_("tierline: %s The export goes on without history.\n"), error->message);
      return;
    }
  tl_document_set_history (document, history);

  if (options->save_snapshot
      && !tl_snapshot_store_save (store, quarter, source, tl_document_get_table (document),
                                  tl_document_get_segmentation (document), &error))
    g_printerr (_("tierline: The snapshot of %s was not saved: %s\n"), quarter, error->message);
  else if (options->save_snapshot)
    g_printerr (_("tierline: Saved the accounts as the snapshot of %s.\n"), quarter);
}

static void
print_moves (TlDocument *document)
{
  const TlSegmentation *seg = tl_document_get_segmentation (document);
  guint counts[TL_N_MOVE_KINDS] = { 0 };

  for (guint r = 0; r < seg->n_accounts; r++)
    counts[tl_movement_get_kind (seg->movement[r])]++;

  g_print (_("  Move candidates: %u to promote, %u to demote, %u to review, %u to watch\n"),
           counts[TL_MOVE_KIND_PROMOTE], counts[TL_MOVE_KIND_DEMOTE],
           counts[TL_MOVE_KIND_REVIEW], counts[TL_MOVE_KIND_WATCH]);
}

static void
print_summary (TlDocument *document)
{
  g_autofree char *summary = tl_summary_format (document, g_get_charset (NULL));

  g_print ("%s", summary);
}

/**
 * tl_cli_run:
 * @options: the command line's options
 * @input: the accounts file
 *
 * Reads @input and segments it, then writes the workbook (--export),
 * prints the summary (--summary) or both, without a display.
 *
 * Returns: the exit status
 */
int
tl_cli_run (const TlCliOptions *options,
            const char         *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) document = NULL;
  g_autoptr(TlFieldMap) map = NULL;
  g_autoptr(TlModel) model = build_model (options, &error);
  g_auto(TlExportNotes) notes = { 0 };
  g_autofree char *quarter = NULL;
  g_autofree char *note = NULL;

  if (model == NULL)
    {
      print_error (NULL, error->message);
      return EXIT_USAGE;
    }
  quarter = quarter_of (options, &error);
  if (quarter == NULL)
    {
      print_error (NULL, error->message);
      return EXIT_USAGE;
    }
  if (options->export_path != NULL && !has_xlsx_suffix (options->export_path))
    {
      print_error (options->export_path,
                   _("The workbook's name must end in .xlsx, as in “--export segmentation.xlsx”."));
      return EXIT_USAGE;
    }

  document = tl_document_read (input, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      print_error (input, error->message);
      return EXIT_FAILED;
    }

  map = build_map (document, options, &error);
  if (map == NULL)
    {
      print_error (input, error->message);
      return EXIT_USAGE;
    }
  tl_document_set_combine_ids (document, options->combine);
  if (!tl_document_apply_map (document, map, model, &error))
    {
      g_autofree char *message = explain_map_error (map, error);

      print_error (input, message);
      return EXIT_USAGE;
    }

  use_history (document, options, quarter);
  print_report (document);
  if (options->summary)
    print_summary (document);
  if (options->export_path == NULL)
    return 0;

  if (!tl_workbook_export (document, options->export_path, &notes, NULL, NULL, NULL, &error))
    {
      print_error (options->export_path, error->message);
      return EXIT_FAILED;
    }

  note = tl_export_notes_describe (&notes);
  if (note != NULL)
    print_error (options->export_path, note);
  if (!options->summary)
    {
      print_result (document, options->export_path);
      print_moves (document);
    }
  return 0;
}
