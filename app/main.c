/* main.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tierline"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "tl-application.h"
#include "tl-cli.h"

static gboolean
wants_headless (const TlCliOptions *options)
{
  return options->export_path != NULL || options->summary;
}

static void
clear_options (TlCliOptions *options)
{
  g_free (options->export_path);
  g_free (options->thresholds);
  g_free (options->model);
  g_free (options->quarter);
  g_free (options->history);
  g_strfreev (options->maps);
}

/* Parses the command line. Headless commands run here without touching
 * GTK, so they work with no display at all; otherwise the application
 * starts with the remaining arguments as files to open. */
int
main (int   argc,
      char *argv[])
{
  TlCliOptions options = { 0 };
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlApplication) app = NULL;
  GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &options.export_path,
      N_("Write the segmentation of FILE to the XLSX workbook OUT and exit"), N_("OUT") },
    { "summary", 's', 0, G_OPTION_ARG_NONE, &options.summary,
      N_("Print a summary of the segmentation of FILE, at most 40 lines, and exit"), NULL },
    { "thresholds", 't', 0, G_OPTION_ARG_STRING, &options.thresholds,
      N_("Lower ARR bounds of tiers 1, 2 and 3 in dollars, highest first "
         "(default: calibrated from the file)"), N_("T1,T2,T3") },
    { "model", 0, 0, G_OPTION_ARG_FILENAME, &options.model,
      N_("Segment with the thresholds, weights, rules and motions of the model file "
         "MODEL (a .tierline file saved from the window)"), N_("MODEL") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &options.maps,
      N_("Read FIELD from the column HEADER, such as arr=\"Total ARR\" (repeatable)"),
      N_("FIELD=HEADER") },
    { "combine", 'c', 0, G_OPTION_ARG_NONE, &options.combine,
      N_("Combine the rows that share an account id into one account"), NULL },
    { "headcount", 'n', 0, G_OPTION_ARG_INT, &options.headcount,
      N_("The number of CSMs to allocate to the tiers (default: the model's)"), N_("N") },
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &options.quarter,
      N_("The quarter the accounts file describes, such as 2026-Q4 (default: this "
         "quarter)"), N_("QUARTER") },
    { "save-snapshot", 0, 0, G_OPTION_ARG_NONE, &options.save_snapshot,
      N_("Save the accounts as the snapshot of that quarter in the history"), NULL },
    { "history", 0, 0, G_OPTION_ARG_FILENAME, &options.history,
      N_("Use the snapshot history in the database HISTORY (default: the user's history)"),
      N_("HISTORY") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  int status;

  options.headcount = G_MININT;

  /* A write past the file size limit then fails with EFBIG, which the
   * export reports and cleans up after, instead of killing Tierline. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[FILE…] — segment customer accounts by ARR, health and "
                                    "expansion"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tierline: %s\n", error->message);
      g_printerr (_("Run “tierline --help” to see the options.\n"));
      clear_options (&options);
      return 2;
    }

  if (options.headcount != G_MININT && options.headcount < 0)
    {
      g_printerr (_("tierline: --headcount takes a number of CSMs of 0 or more, such as "
                    "--headcount 12.\n"));
      clear_options (&options);
      return 2;
    }

  if (version)
    {
      g_print ("tierline %s\n", PACKAGE_VERSION);
      clear_options (&options);
      return 0;
    }

  if (wants_headless (&options))
    {
      if (argc != 2)
        {
          g_printerr (_("tierline: --export and --summary need exactly one input file, as in "
                        "“tierline --summary accounts.csv”.\n"));
          clear_options (&options);
          return 2;
        }
      status = tl_cli_run (&options, argv[1]);
      clear_options (&options);
      return status;
    }

  if (options.thresholds != NULL || options.maps != NULL || options.combine
      || options.model != NULL || options.quarter != NULL || options.history != NULL
      || options.save_snapshot || options.headcount != G_MININT)
    {
      g_printerr (_("tierline: --thresholds, --model, --map, --combine, --headcount, "
                    "--quarter, --history and --save-snapshot apply to --export and --summary; "
                    "in the window, set them there.\n"));
      clear_options (&options);
      return 2;
    }

  clear_options (&options);
  app = tl_application_new (G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
