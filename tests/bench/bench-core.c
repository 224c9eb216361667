/* bench-core.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times the core's steps on one accounts file and prints one line per step,
 * "step seconds", for tests/bench/run-bench.sh. It times the load and
 * segmentation, then a sort by each numeric column. It ranks the names and
 * owners in the locale's collation and sorts by each. It re-segments after
 * a threshold change and after new health weights, then exports, and
 * prints the export's user plus system CPU time as "export-cpu". */

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "tl-account-sort.h"
#include "tl-document.h"
#include "tl-text-ranks.h"
#include "tl-workbook.h"

static double
seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* User plus system CPU time of this process, steadier than wall time on a
 * shared machine. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
time_sorts (TlDocument *doc)
{
  static const struct { TlSortKey key; const char *name; } keys[] = {
    { TL_SORT_ARR, "arr" }, { TL_SORT_TIER, "tier" }, { TL_SORT_HEALTH, "health" },
    { TL_SORT_EXPANSION, "expansion" }, { TL_SORT_SEATS_USED, "seats-used" },
    { TL_SORT_RENEWAL, "renewal" },
  };
  const TlAccountTable *table = tl_document_get_table (doc);
  guint n = tl_account_table_get_n_rows (table);
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      double start;

      for (guint i = 0; i < n; i++)
        order[i] = i;
      start = seconds ();
      tl_account_sort (table, tl_document_get_segmentation (doc), keys[k].key, TRUE, order, n);
      printf ("sort-%s %.4f\n", keys[k].name, seconds () - start);
    }
}

/* Times ranking the names and owners, which the window does in a thread
 * after a load, then a sort by each once its ranks are ready. */
static void
time_text_sorts (TlDocument *doc)
{
  static const struct { TlField field; const char *name; } texts[] = {
    { TL_FIELD_NAME, "name" }, { TL_FIELD_OWNER, "owner" },
  };
  const TlAccountTable *table = tl_document_get_table (doc);
  guint n = tl_account_table_get_n_rows (table);
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      g_autofree guint32 *ranks = NULL;
      double start = seconds ();

      ranks = tl_text_ranks_compute (table, texts[k].field, NULL);
      printf ("rank-%s %.4f\n", texts[k].name, seconds () - start);

      for (guint i = 0; i < n; i++)
        order[i] = i;
      start = seconds ();
      tl_account_sort_by_ranks (ranks, n, FALSE, order, n);
      printf ("sort-%s %.4f\n", texts[k].name, seconds () - start);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlModel) model = NULL;
  double start, cpu_start;

  /* Text sorts use the user's collation, as in the window. */
  setlocale (LC_COLLATE, "");

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-core ACCOUNTS.csv [OUT.xlsx]\n");
      return 2;
    }

  start = seconds ();
  doc = tl_document_read (argv[1], NULL, NULL, NULL, &error);
  if (doc == NULL || !tl_document_apply_map (doc, NULL, NULL, &error))
    {
      fprintf (stderr, "bench-core: %s\n", error->message);
      return 1;
    }
  printf ("load-segment %.4f\n", seconds () - start);

  time_sorts (doc);
  time_text_sorts (doc);

  model = tl_model_copy (tl_document_get_model (doc));
  model->tiers[0].lower_bound *= 1.1;
  model->thresholds_automatic = FALSE;
  start = seconds ();
  tl_document_set_model (doc, model);
  printf ("resegment %.4f\n", seconds () - start);

  /* New health weights score every account again. */
  model->weights[TL_COMPONENT_USAGE] += 5;
  model->weights[TL_COMPONENT_NPS] -= 5;
  start = seconds ();
  tl_document_set_model (doc, model);
  printf ("rescore %.4f\n", seconds () - start);

  if (argc > 2)
    {
      start = seconds ();
      cpu_start = cpu_seconds ();
      if (!tl_workbook_export (doc, argv[2], NULL, NULL, NULL, NULL, &error))
        {
          fprintf (stderr, "bench-core: %s\n", error->message);
          return 1;
        }
      printf ("export %.4f\n", seconds () - start);
      printf ("export-cpu %.4f\n", cpu_seconds () - cpu_start);
    }

  return 0;
}
