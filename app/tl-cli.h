/* tl-cli.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the command line asked for. */
typedef struct
{
  char  *export_path;   /* --export */
  gboolean summary;     /* --summary */
  char  *thresholds;    /* --thresholds */
  char  *model;         /* --model */
  int    headcount;     /* --headcount, G_MININT when not given */
  char **maps;          /* --map, repeatable */
  gboolean combine;     /* --combine */
  char  *quarter;       /* --quarter: the quarter of the file */
  char  *history;       /* --history: the snapshot database */
  gboolean save_snapshot;  /* --save-snapshot */
} TlCliOptions;

int tl_cli_run (const TlCliOptions *options,
                const char         *input);

G_END_DECLS
