/* test-account-sort.c
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

#define G_LOG_DOMAIN "test-account-sort"

#include <locale.h>
#include <string.h>

#include "tl-account-sort.h"
#include "tl-movement.h"
#include "tl-text-ranks.h"

/* Eight accounts. With the default model (bounds 250,000 / 50,000 /
 * 10,000; health from DAU/MAU alone is 200 x DAU/MAU capped at 100;
 * expansion from teams >= 2, requests >= 3, growth >= 10 %):
 *
 * row name     ARR        tier health expansion        seats CSM renewal
 *  0  Bravo     50,000    2    60     MEDIUM (teams)    40   Kim 2027-03-01
 *  1  Alpha    250,000    1    100    LOW               10   Lee 2027-01-15
 *  2  Delta    -          -    -      -                 25   -   -
 *  3  Charlie   50,000    2    60     MEDIUM (teams)    40   Kim 2027-03-01
 *  4  (none)     9,000    4    20     HIGH (all three)  -    Ada 2026-12-31
 *  5  Echo       1,200    4    0      MEDIUM (requests)  5   Zed 2028-06-30
 *  6  Foxtrot 1,000,000   1    90     -                 100  Lee -
 *  7  Bravo      9,999.5  4    -      -                  2   Bo  2027-01-15
 *
 * Rows 0 and 3 tie on everything but the name. Row 4 has neither a name
 * nor an id, so its name is empty. As text, "9999.5" sorts after "50000"
 * and "1000000" before "250000": a sort by text would be caught. */
static const char accounts_csv[] =
  "Account ID,Account Name,ARR,Seats Used,CSM,Renewal Date,DAU,MAU,Teams,"
  "Feature Requests,Headcount Growth\n"
  "A-0,Bravo,50000,40,Kim,2027-03-01,30,100,2,0,0\n"
  "A-1,Alpha,250000,10,Lee,2027-01-15,50,100,1,0,0\n"
  "A-2,Delta,,25,,,,,,,\n"
  "A-3,Charlie,50000,40,Kim,2027-03-01,30,100,2,0,0\n"
  ",,9000,,Ada,2026-12-31,10,100,3,5,20\n"
  "A-5,Echo,1200,5,Zed,2028-06-30,0,100,1,3,0\n"
  "A-6,Foxtrot,1000000,100,Lee,,45,100,,,\n"
  "A-7,Bravo,9999.5,2,Bo,2027-01-15,,,,,\n";

#define N_ACCOUNTS 8

typedef struct
{
  TlAccountTable *table;
  TlModel        *model;
  TlSegmentation *segmentation;
} Fixture;

/* Builds a mapped table from comma-separated lines, the first one the
 * header. Cells contain no commas or quotes. */
static TlAccountTable *
table_from_csv (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  g_auto(GStrv) headers = g_strsplit (lines[0], ",", -1);
  TlAccountTable *table;
  g_autoptr(TlFieldMap) map = NULL;

  table = tl_account_table_new ((const char * const *) headers, g_strv_length (headers));
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      g_autofree gsize *lengths = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      cells = g_strsplit (lines[i], ",", -1);
      n = g_strv_length (cells);
      lengths = g_new (gsize, n);
      for (guint c = 0; c < n; c++)
        lengths[c] = strlen (cells[c]);
      tl_account_table_append_row (table, (const char * const *) cells, lengths, n, i + 1);
    }
  tl_account_table_finish_rows (table);

  map = tl_field_map_new (tl_account_table_get_headers (table),
                          tl_account_table_get_n_columns (table));
  tl_account_table_apply_map (table, map, NULL);

  return table;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->table = table_from_csv (accounts_csv);
  fixture->model = tl_model_new_default ();
  fixture->segmentation = tl_segmentation_new (fixture->table, fixture->model);
  g_assert_cmpuint (tl_account_table_get_n_rows (fixture->table), ==, N_ACCOUNTS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tl_segmentation_free (fixture->segmentation);
  tl_model_free (fixture->model);
  tl_account_table_free (fixture->table);
}

typedef struct
{
  const char *name;
  TlSortKey   key;
  gboolean    descending;
  guint32     expected[N_ACCOUNTS];
} SortCase;

static const SortCase sort_cases[] = {
  /* 1,200  9,000  9,999.5  50,000 (rows 0, 3)  250,000  1,000,000, then no ARR */
  { "arr-ascending", TL_SORT_ARR, FALSE, { 5, 4, 7, 0, 3, 1, 6, 2 } },
  { "arr-descending", TL_SORT_ARR, TRUE, { 6, 1, 0, 3, 7, 4, 5, 2 } },
  /* tier 1 (1, 6), 2 (0, 3), 4 (4, 5, 7), then no tier */
  { "tier-ascending", TL_SORT_TIER, FALSE, { 1, 6, 0, 3, 4, 5, 7, 2 } },
  { "tier-descending", TL_SORT_TIER, TRUE, { 4, 5, 7, 0, 3, 1, 6, 2 } },
  /* 0  20  60 (0, 3)  90  100, then no score (2, 7) */
  { "health-ascending", TL_SORT_HEALTH, FALSE, { 5, 4, 0, 3, 6, 1, 2, 7 } },
  { "health-descending", TL_SORT_HEALTH, TRUE, { 1, 6, 0, 3, 4, 5, 2, 7 } },
  /* LOW (1), MEDIUM (0, 3, 5), HIGH (4), then no signal (2, 6, 7) */
  { "expansion-ascending", TL_SORT_EXPANSION, FALSE, { 1, 0, 3, 5, 4, 2, 6, 7 } },
  { "expansion-descending", TL_SORT_EXPANSION, TRUE, { 4, 0, 3, 5, 1, 2, 6, 7 } },
  /* 2  5  10  25  40 (0, 3)  100, then no value (4) */
  { "seats-used-ascending", TL_SORT_SEATS_USED, FALSE, { 7, 5, 1, 2, 0, 3, 6, 4 } },
  { "seats-used-descending", TL_SORT_SEATS_USED, TRUE, { 6, 0, 3, 2, 1, 5, 7, 4 } },
  /* Ada  Bo  Kim (0, 3)  Lee (1, 6)  Zed, then no owner (2) */
  { "owner-ascending", TL_SORT_OWNER, FALSE, { 4, 7, 0, 3, 1, 6, 5, 2 } },
  { "owner-descending", TL_SORT_OWNER, TRUE, { 5, 1, 6, 0, 3, 7, 4, 2 } },
  /* 2026-12-31  2027-01-15 (1, 7)  2027-03-01 (0, 3)  2028-06-30, then none (2, 6) */
  { "renewal-ascending", TL_SORT_RENEWAL, FALSE, { 4, 1, 7, 0, 3, 5, 2, 6 } },
  { "renewal-descending", TL_SORT_RENEWAL, TRUE, { 5, 0, 3, 1, 7, 4, 2, 6 } },
  /* Alpha  Bravo (0, 7)  Charlie  Delta  Echo  Foxtrot, then no name (4) */
  { "name-ascending", TL_SORT_NAME, FALSE, { 1, 0, 7, 3, 2, 5, 6, 4 } },
  { "name-descending", TL_SORT_NAME, TRUE, { 6, 5, 2, 3, 0, 7, 1, 4 } },
  { "none", TL_SORT_NONE, FALSE, { 0, 1, 2, 3, 4, 5, 6, 7 } },
  { "none-descending", TL_SORT_NONE, TRUE, { 0, 1, 2, 3, 4, 5, 6, 7 } },
};

static void
assert_order (const guint32 *order,
              const guint32 *expected,
              guint          n)
{
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (order[i], ==, expected[i]);
}

/* Sorts the rows from file order and again from reversed file order: ties
 * follow the row index, not the order the rows came in. */
static void
test_account_sort_key (Fixture       *fixture,
                       gconstpointer  data)
{
  const SortCase *sc = data;
  guint32 order[N_ACCOUNTS];

  for (guint i = 0; i < N_ACCOUNTS; i++)
    order[i] = i;
  tl_account_sort (fixture->table, fixture->segmentation, sc->key, sc->descending, order,
                   N_ACCOUNTS);
  assert_order (order, sc->expected, N_ACCOUNTS);

  for (guint i = 0; i < N_ACCOUNTS; i++)
    order[i] = N_ACCOUNTS - 1 - i;
  tl_account_sort (fixture->table, fixture->segmentation, sc->key, sc->descending, order,
                   N_ACCOUNTS);
  assert_order (order, sc->expected, N_ACCOUNTS);
}

/* A filtered list sorts only its own rows. */
static void
test_account_sort_subset (Fixture       *fixture,
                          gconstpointer  data)
{
  guint32 by_arr[] = { 6, 3, 0, 5 };
  const guint32 by_arr_expected[] = { 6, 0, 3, 5 };        /* 1,000,000  50,000 x 2  1,200 */
  guint32 by_health[] = { 7, 2, 5, 1 };
  const guint32 by_health_expected[] = { 5, 1, 2, 7 };     /* 0  100, then no score */
  guint32 restored[] = { 6, 3, 0, 5 };
  const guint32 restored_expected[] = { 0, 3, 5, 6 };

  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_ARR, TRUE, by_arr,
                   G_N_ELEMENTS (by_arr));
  assert_order (by_arr, by_arr_expected, G_N_ELEMENTS (by_arr));

  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_HEALTH, FALSE, by_health,
                   G_N_ELEMENTS (by_health));
  assert_order (by_health, by_health_expected, G_N_ELEMENTS (by_health));

  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_NONE, FALSE, restored,
                   G_N_ELEMENTS (restored));
  assert_order (restored, restored_expected, G_N_ELEMENTS (restored));
}

/* TL_SORT_NONE after another sort gives the file order back. */
static void
test_account_sort_restore (Fixture       *fixture,
                           gconstpointer  data)
{
  guint32 order[N_ACCOUNTS];
  const guint32 file_order[N_ACCOUNTS] = { 0, 1, 2, 3, 4, 5, 6, 7 };

  for (guint i = 0; i < N_ACCOUNTS; i++)
    order[i] = i;
  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_NAME, TRUE, order,
                   N_ACCOUNTS);
  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_HEALTH, FALSE, order,
                   N_ACCOUNTS);
  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_NONE, FALSE, order,
                   N_ACCOUNTS);
  assert_order (order, file_order, N_ACCOUNTS);
}

/* Movement flags set by hand; the kind each row shows is the first of
 * Promote, Demote, Review and Watch among its flags. */
static void
test_account_sort_movement (Fixture       *fixture,
                            gconstpointer  data)
{
  const guint16 flags[N_ACCOUNTS] = {
    TL_MOVE_WATCH_UP,                       /* Watch */
    TL_MOVE_PROMOTE | TL_MOVE_AT_RENEWAL,   /* Promote */
    0,
    TL_MOVE_DEMOTE_TREND,                   /* Demote */
    TL_MOVE_REVIEW,                         /* Review */
    TL_MOVE_WATCH_DOWN | TL_MOVE_REVIEW,    /* Review */
    TL_MOVE_PROMOTE_TREND | TL_MOVE_DEMOTE, /* Promote */
    0,
  };
  const guint32 ascending[N_ACCOUNTS] = { 1, 6, 3, 4, 5, 0, 2, 7 };
  const guint32 descending[N_ACCOUNTS] = { 0, 4, 5, 3, 1, 6, 2, 7 };
  guint32 order[N_ACCOUNTS];

  memcpy (fixture->segmentation->movement, flags, sizeof flags);

  for (guint i = 0; i < N_ACCOUNTS; i++)
    order[i] = N_ACCOUNTS - 1 - i;
  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_MOVEMENT, FALSE, order,
                   N_ACCOUNTS);
  assert_order (order, ascending, N_ACCOUNTS);

  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_MOVEMENT, TRUE, order,
                   N_ACCOUNTS);
  assert_order (order, descending, N_ACCOUNTS);
}

static void
test_account_sort_empty (Fixture       *fixture,
                         gconstpointer  data)
{
  guint32 order[1] = { 42 };

  tl_account_sort (fixture->table, fixture->segmentation, TL_SORT_ARR, TRUE, order, 0);
  g_assert_cmpuint (order[0], ==, 42);
}

/* Texts whose order in a collation differs from their byte order, with
 * ties: case, accents, a composed and a decomposed "é", one text twice,
 * keys longer than the bytes the ranks sort by first, and an empty cell.
 * Every comma-free cell is the account name; there is no id column. */
static const char * const ranked_names[] = {
  "delta", "Émile", "Zoë", "apple", "Apple", "Banana",
  "Northwind Consolidated Holdings International Group 10",
  "Northwind Consolidated Holdings International Group 2",
  "Northwind Consolidated Holdings International Group 10",
  "Caf\xc3\xa9", "Cafe\xcc\x81", "", "zebra", "ZEBRA", "éclair", "eclair",
};

static TlAccountTable *
build_name_table (void)
{
  g_autoptr(GString) csv = g_string_new ("Account Name,ARR\n");

  for (guint i = 0; i < G_N_ELEMENTS (ranked_names); i++)
    g_string_append_printf (csv, "%s,%u\n", ranked_names[i], 1000 + i);

  return table_from_csv (csv->str);
}

/* Two ranks order as g_utf8_collate() orders their texts, in the
 * locale the test runs in. */
static void
assert_ranks_collate (const TlAccountTable *table,
                      const guint32        *ranks)
{
  guint n = tl_account_table_get_n_rows (table);

  for (guint a = 0; a < n; a++)
    {
      const char *x = tl_account_table_get_display_name (table, a);

      if (*x == '\0')
        {
          g_assert_cmpuint (ranks[a], ==, TL_TEXT_RANK_NONE);
          continue;
        }

      for (guint b = 0; b < n; b++)
        {
          const char *y = tl_account_table_get_display_name (table, b);
          int order, expected;

          if (*y == '\0')
            continue;
          order = (ranks[a] > ranks[b]) - (ranks[a] < ranks[b]);
          expected = g_utf8_collate (x, y);
          expected = (expected > 0) - (expected < 0);
          if (order != expected)
            g_error ("\"%s\" and \"%s\": ranks %u and %u, collation %d",
                     x, y, ranks[a], ranks[b], expected);
        }
    }
}

static void
test_account_sort_ranks (void)
{
  g_autoptr(TlAccountTable) table = build_name_table ();
  g_autofree guint32 *ranks = tl_text_ranks_compute (table, TL_FIELD_NAME, NULL);
  guint n = tl_account_table_get_n_rows (table);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (ranked_names));
  assert_ranks_collate (table, ranks);

  /* The repeated name and the two forms of "Café" share a rank. */
  g_assert_cmpuint (ranks[6], ==, ranks[8]);
  g_assert_cmpuint (ranks[9], ==, ranks[10]);
  g_assert_cmpuint (ranks[6], !=, ranks[7]);
}

/* A sort by ranks puts the rows in collation order, ties in file order,
 * and the empty name last in both directions. */
static void
test_account_sort_by_ranks (void)
{
  g_autoptr(TlAccountTable) table = build_name_table ();
  g_autofree guint32 *ranks = tl_text_ranks_compute (table, TL_FIELD_NAME, NULL);
  guint n = tl_account_table_get_n_rows (table);
  g_autofree guint32 *order = g_new (guint32, n);

  for (guint descending = 0; descending <= 1; descending++)
    {
      for (guint i = 0; i < n; i++)
        order[i] = n - 1 - i;
      tl_account_sort_by_ranks (ranks, n, descending, order, n);

      g_assert_cmpuint (order[n - 1], ==, 11);
      for (guint i = 1; i + 1 < n; i++)
        {
          guint32 prev = ranks[order[i - 1]], cur = ranks[order[i]];

          if (descending ? prev < cur : prev > cur)
            g_error ("rows %u and %u are out of order", order[i - 1], order[i]);
          if (prev == cur)
            g_assert_cmpuint (order[i - 1], <, order[i]);
        }
    }
}

/* Ranks computed in their thread equal those computed in place, and a
 * stopped thread leaves no ranks half made. */
static void
test_account_sort_ranks_thread (void)
{
  g_autoptr(TlAccountTable) table = build_name_table ();
  g_autofree guint32 *names = tl_text_ranks_compute (table, TL_FIELD_NAME, NULL);
  g_autoptr(TlSortRanks) ranks = tl_sort_ranks_start (table);
  g_autoptr(TlSortRanks) stopped = NULL;
  const guint32 *waited;
  guint n = tl_account_table_get_n_rows (table);

  waited = tl_sort_ranks_wait (ranks, TL_FIELD_NAME);
  g_assert_nonnull (waited);
  g_assert_true (waited == tl_sort_ranks_peek (ranks, TL_FIELD_NAME));
  g_assert_cmpmem (waited, n * sizeof (guint32), names, n * sizeof (guint32));

  /* No owner column: every row lacks an owner. */
  waited = tl_sort_ranks_wait (ranks, TL_FIELD_OWNER);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (waited[i], ==, TL_TEXT_RANK_NONE);

  stopped = tl_sort_ranks_start (table);
  tl_sort_ranks_stop (stopped);
  waited = tl_sort_ranks_wait (stopped, TL_FIELD_OWNER);
  if (waited != NULL)
    g_assert_nonnull (tl_sort_ranks_peek (stopped, TL_FIELD_NAME));
}

/* A cancelled ranking returns nothing. */
static void
test_account_sort_ranks_cancelled (void)
{
  g_autoptr(TlAccountTable) table = build_name_table ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  g_assert_null (tl_text_ranks_compute (table, TL_FIELD_NAME, cancellable));
}

/* One million rows by this rule, for i = 1 .. N and row index i - 1:
 *   Account ID  "ACC-" and i in 7 digits
 *   Account     "Account " and i
 *   ARR         (i x 7919) mod 500,000 + 1,000
 *   Seats       1 + i mod 250
 * The highest ARR, 500,999, needs i x 7919 = 499,999 (mod 500,000), first
 * at i = 482,321 and again at 982,321, so a stable descending sort starts
 * ACC-0482321, ACC-0982321. The lowest, 1,000, needs i x 7919 = 0 (mod
 * 500,000), so i = 500,000 and 1,000,000 (7919 is prime to 500,000): they
 * end the list in that order. As i runs over 1 .. 1,000,000, i x 7919 mod
 * 500,000 runs twice over 0 .. 499,999, so the ARR sum is 2 x (499,999 x
 * 500,000 / 2 + 500,000 x 1,000) = 250,999,500,000. */
#define LARGE_N 1000000

static TlAccountTable *
build_large_table (void)
{
  const char *headers[] = { "Account ID", "Account", "ARR", "Seats" };
  TlAccountTable *table = tl_account_table_new (headers, G_N_ELEMENTS (headers));
  g_autoptr(TlFieldMap) map = NULL;

  for (guint64 i = 1; i <= LARGE_N; i++)
    {
      char id[16], name[24], arr[16], seats[8];
      const char *cells[] = { id, name, arr, seats };
      gsize lengths[4];

      lengths[0] = g_snprintf (id, sizeof id, "ACC-%07" G_GUINT64_FORMAT, i);
      lengths[1] = g_snprintf (name, sizeof name, "Account %" G_GUINT64_FORMAT, i);
      lengths[2] = g_snprintf (arr, sizeof arr, "%" G_GUINT64_FORMAT, (i * 7919) % 500000 + 1000);
      lengths[3] = g_snprintf (seats, sizeof seats, "%" G_GUINT64_FORMAT, 1 + i % 250);
      tl_account_table_append_row (table, cells, lengths, 4, i + 1);
    }
  tl_account_table_finish_rows (table);

  map = tl_field_map_new (tl_account_table_get_headers (table),
                          tl_account_table_get_n_columns (table));
  tl_account_table_apply_map (table, map, NULL);

  return table;
}

static void
test_account_sort_million (void)
{
  g_autoptr(TlAccountTable) table = NULL;
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = NULL;
  g_autofree guint32 *order = g_new (guint32, LARGE_N);
  const double *arr;
  double sum = 0;
  gint64 start;
  double build_seconds, sort_seconds;

  start = g_get_monotonic_time ();
  table = build_large_table ();
  seg = tl_segmentation_new (table, model);
  build_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpuint (tl_account_table_get_n_rows (table), ==, LARGE_N);

  arr = tl_account_table_get_arr (table);
  for (guint i = 0; i < LARGE_N; i++)
    sum += arr[i];
  g_assert_cmpfloat (sum, ==, 250999500000.0);

  for (guint i = 0; i < LARGE_N; i++)
    order[i] = i;
  start = g_get_monotonic_time ();
  tl_account_sort (table, seg, TL_SORT_ARR, TRUE, order, LARGE_N);
  sort_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("built and segmented 1,000,000 rows in %.2f s, sorted in %.2f s",
                  build_seconds, sort_seconds);

  g_assert_cmpstr (tl_account_table_get_cell (table, order[0], 0), ==, "ACC-0482321");
  g_assert_cmpstr (tl_account_table_get_cell (table, order[1], 0), ==, "ACC-0982321");
  g_assert_cmpfloat (arr[order[0]], ==, 500999);
  g_assert_cmpstr (tl_account_table_get_cell (table, order[LARGE_N - 2], 0), ==, "ACC-0500000");
  g_assert_cmpstr (tl_account_table_get_cell (table, order[LARGE_N - 1], 0), ==, "ACC-1000000");
  g_assert_cmpfloat (arr[order[LARGE_N - 1]], ==, 1000);

  /* Every neighbour pair descends, and equal ARR keeps the row order. */
  for (guint i = 1; i < LARGE_N; i++)
    {
      double prev = arr[order[i - 1]], cur = arr[order[i]];

      if (prev < cur || (prev == cur && order[i - 1] > order[i]))
        g_error ("rows %u and %u are out of order at position %u", order[i - 1], order[i], i);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* A collation with several levels, where one exists, so that the ranks
   * meet keys longer than the bytes they sort by first. */
  if (setlocale (LC_COLLATE, "en_US.UTF-8") == NULL)
    setlocale (LC_COLLATE, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sort_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/account-sort/key/%s",
                                               sort_cases[i].name);

      g_test_add (path, Fixture, &sort_cases[i], fixture_set_up, test_account_sort_key,
                  fixture_tear_down);
    }
  g_test_add ("/tierline/account-sort/subset", Fixture, NULL, fixture_set_up,
              test_account_sort_subset, fixture_tear_down);
  g_test_add ("/tierline/account-sort/restore", Fixture, NULL, fixture_set_up,
              test_account_sort_restore, fixture_tear_down);
  g_test_add ("/tierline/account-sort/movement", Fixture, NULL, fixture_set_up,
              test_account_sort_movement, fixture_tear_down);
  g_test_add ("/tierline/account-sort/empty", Fixture, NULL, fixture_set_up,
              test_account_sort_empty, fixture_tear_down);
  g_test_add_func ("/tierline/account-sort/ranks", test_account_sort_ranks);
  g_test_add_func ("/tierline/account-sort/by-ranks", test_account_sort_by_ranks);
  g_test_add_func ("/tierline/account-sort/ranks-thread", test_account_sort_ranks_thread);
  g_test_add_func ("/tierline/account-sort/ranks-cancelled", test_account_sort_ranks_cancelled);
  g_test_add_func ("/tierline/account-sort/million", test_account_sort_million);

  return g_test_run ();
}
