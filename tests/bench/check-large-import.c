/* check-large-import.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Checks a file made by make-large-import.sh (1,000,000 rows: ARR =
 * (i x 7919) mod 500,000 + 1,000, Seats = 1 + i mod 250) against the values
 * that follow from that rule, and exits 1 on any difference. */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tl-account-sort.h"
#include "tl-document.h"

static int failures;

static void
check (gboolean    ok,
       const char *what)
{
  printf ("%s %s\n", ok ? "ok" : "FAILED", what);
  failures += !ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (argv[1], NULL, NULL, NULL, &error);
  const TlAccountTable *table;
  g_autofree guint32 *order = NULL;
  g_autoptr(GHashTable) seats = g_hash_table_new (g_direct_hash, g_direct_equal);
  double sum = 0, min = INFINITY, max = -INFINITY;
  guint n;

  if (doc == NULL || !tl_document_apply_map (doc, NULL, NULL, &error))
    {
      fprintf (stderr, "check-large-import: %s\n", error->message);
      return 2;
    }

  table = tl_document_get_table (doc);
  n = tl_account_table_get_n_rows (table);
  for (guint r = 0; r < n; r++)
    {
      double arr = tl_account_table_get_arr (table)[r];

      sum += arr;
      min = MIN (min, arr);
      max = MAX (max, arr);
      g_hash_table_add (seats, GINT_TO_POINTER ((int) tl_account_table_get_value (
        table, TL_FIELD_SEATS_LICENSED, r)));
    }

  order = g_new (guint32, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  tl_account_sort (table, tl_document_get_segmentation (doc), TL_SORT_ARR, TRUE, order, n);

  check (n == 1000000, "1,000,000 rows imported");
  check (sum == 250999500000.0, "ARR sums to 250,999,500,000");
  check (min == 1000, "minimum ARR 1,000");
  check (max == 500999, "maximum ARR 500,999");
  check (g_strcmp0 (tl_account_table_get_text (table, TL_FIELD_ID, order[0]), "ACC-0482321") == 0,
         "ACC-0482321 first after a descending ARR sort");
  check (g_strcmp0 (tl_account_table_get_text (table, TL_FIELD_ID, order[1]), "ACC-0982321") == 0,
         "ACC-0982321 second");
  check (g_hash_table_size (seats) == 250, "250 distinct Seats values");

  return failures > 0;
}
