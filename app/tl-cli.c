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

#include "tl-cli.h"
#include "tl-document.h"
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
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %s note on the rows and cells in all\n",
                           "%s: %s notes on the rows and cells in all\n",
                           (gulong) MIN (total, G_MAXULONG)),
              name, count);
}

static TlFieldMap *
build_map (TlDocument          *document,
           const TlCliOptions  *options,
           GError             **error)
{
  g_autoptr(TlFieldMap) map = tl_field_map_copy (tl_document_get_map (document));

  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    if (!tl_field_map_apply_override (map, options->maps[i], error))
      return NULL;

  return g_steal_pointer (&map);
}

static char *
explain_map_error (const TlFieldMap *map,
                   const GError     *error)
{
  g_autofree char *headers = tl_field_map_list_headers (map);
  const char *hint;

  if (g_error_matches (error, TL_FIELD_MAP_ERROR, TL_FIELD_MAP_ERROR_NO_REVENUE))
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
  g_autoptr(TlModel) model = tl_model_new_default ();
  double bounds[3];

  if (options->thresholds != NULL)
    {
      if (!tl_model_parse_thresholds (options->thresholds, bounds, error))
        return NULL;
      tl_model_set_thresholds (model, bounds);
    }

  return g_steal_pointer (&model);
}

static void
print_result (TlDocument *document,
              const char *output)
{
  const TlSegmentation *seg = tl_document_get_segmentation (document);
  const TlModel *model = tl_document_get_model (document);
  g_autofree char *shown = g_filename_display_name (output);

  g_print (_("Wrote %s: %u accounts\n"), shown, seg->n_accounts);
  for (guint t = 1; t <= TL_N_TIERS; t++)
    g_print ("  %u %-10s %7u\n", t, model->tiers[t - 1].name, seg->tiers[t].accounts);
  if (seg->tiers[TL_TIER_NONE].accounts > 0)
    g_print ("    %-10s %7u\n", _("Needs data"), seg->tiers[TL_TIER_NONE].accounts);
}

/**
 * tl_cli_export:
 * @options: the command line's options
 * @input: the accounts file
 *
 * Reads @input, segments it and writes the workbook, without a display.
 *
 * Returns: the exit status
 */
int
tl_cli_export (const TlCliOptions *options,
               const char         *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) document = NULL;
  g_autoptr(TlFieldMap) map = NULL;
  g_autoptr(TlModel) model = build_model (options, &error);

  if (model == NULL)
    {
      print_error (NULL, error->message);
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

  print_report (document);
  if (!tl_workbook_export (document, options->export_path, NULL, NULL, NULL, &error))
    {
      print_error (options->export_path, error->message);
      return EXIT_FAILED;
    }

  print_result (document, options->export_path);
  return 0;
}
