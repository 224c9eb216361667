/* test-calibration.c
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

#define G_LOG_DOMAIN "test-calibration"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-calibration.h"
#include "tl-segmentation.h"

/* The default targets, as shares: accounts 5-10 / 20-30 / 30-40 / 30-40 %,
 * ARR 50-60 / 30-40 / 10-20 / 5-10 %. The middles are accounts 7.5 / 25 /
 * 35 / 35 % and ARR 55 / 35 / 15 / 7.5 %. */

static int
compare_desc (const void *a,
              const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x < y) - (x > y);
}

static double *
sorted_copy (const double *values,
             guint         n)
{
  double *copy = g_memdup2 (values, n * sizeof *values);

  qsort (copy, n, sizeof *copy, compare_desc);

  return copy;
}

static gboolean
share_inside (double        share,
              const double  range[2])
{
  /* Shares are ratios of sums; allow for their last bits. */
  return share >= range[0] - 1e-12 && share <= range[1] + 1e-12;
}

/* Rounding down to significant figures */

typedef struct
{
  const char *name;
  double      value;
  int         digits;
  double      expected;
} RoundCase;

static const RoundCase round_cases[] = {
  { "six-digits", 123456, 2, 120000 },
  { "just-above-bound", 250999, 2, 250000 },
  { "nines", 9999, 2, 9900 },
  { "cents", 29999.99, 2, 29000 },
  { "exact-two-figures", 64000, 2, 64000 },
  { "power-of-ten", 1000, 2, 1000 },
  { "hundred-and-one", 101, 2, 100 },
  { "hundred-ninety-nine", 199, 2, 190 },
  { "two-digits", 99, 2, 99 },
  { "one-digit", 7, 2, 7 },
  { "millions", 1234567.89, 2, 1200000 },
  { "fraction", 0.29, 2, 0.29 },
  { "small-fraction", 0.0123, 2, 0.012 },
  { "three-figures", 12345, 3, 12300 },
  { "one-figure", 12345, 1, 10000 },
  { "near-next-figure", 985000, 2, 980000 },
  { "zero", 0, 2, 0 },
};

static void
test_calibration_round_down (gconstpointer data)
{
  const RoundCase *rc = data;

  g_assert_cmpfloat_with_epsilon (tl_round_down_significant (rc->value, rc->digits),
                                  rc->expected, fabs (rc->expected) * 1e-12 + 1e-300);
}

/* Tier shares */

/* Bounds 300 / 100 / 50 on 500 400 300 200 100 100 50 10:
 *   tier 1: 500 400 300   3 accounts, 1,200
 *   tier 2: 200 100 100   3 accounts,   400 (both 100s: the bound belongs above)
 *   tier 3: 50            1 account,     50
 *   tier 4: 10            1 account,     10
 * of 8 accounts and 1,660. */
static void
test_calibration_shares (void)
{
  const double sorted[] = { 500, 400, 300, 200, 100, 100, 50, 10 };
  const double bounds[3] = { 300, 100, 50 };
  TlTierShares shares;

  tl_tier_shares_compute (sorted, G_N_ELEMENTS (sorted), bounds, &shares);

  g_assert_cmpuint (shares.accounts[0], ==, 3);
  g_assert_cmpuint (shares.accounts[1], ==, 3);
  g_assert_cmpuint (shares.accounts[2], ==, 1);
  g_assert_cmpuint (shares.accounts[3], ==, 1);
  g_assert_cmpfloat (shares.arr[0], ==, 1200);
  g_assert_cmpfloat (shares.arr[1], ==, 400);
  g_assert_cmpfloat (shares.arr[2], ==, 50);
  g_assert_cmpfloat (shares.arr[3], ==, 10);
  g_assert_cmpfloat_with_epsilon (shares.share_accounts[0], 3.0 / 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_accounts[3], 1.0 / 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[0], 1200.0 / 1660, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[1], 400.0 / 1660, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[2], 50.0 / 1660, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[3], 10.0 / 1660, 1e-12);
}

/* Bounds above every value leave tiers 1 to 3 empty. */
static void
test_calibration_shares_empty_tiers (void)
{
  const double sorted[] = { 500, 400 };
  const double bounds[3] = { 3000, 2000, 1000 };
  TlTierShares shares;

  tl_tier_shares_compute (sorted, G_N_ELEMENTS (sorted), bounds, &shares);

  g_assert_cmpuint (shares.accounts[0], ==, 0);
  g_assert_cmpuint (shares.accounts[1], ==, 0);
  g_assert_cmpuint (shares.accounts[2], ==, 0);
  g_assert_cmpuint (shares.accounts[3], ==, 2);
  g_assert_cmpfloat (shares.share_arr[0], ==, 0);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[3], 1, 1e-12);
}

static void
test_calibration_shares_no_accounts (void)
{
  const double bounds[3] = { 300, 100, 50 };
  TlTierShares shares;

  tl_tier_shares_compute (NULL, 0, bounds, &shares);

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      g_assert_cmpuint (shares.accounts[t], ==, 0);
      g_assert_cmpfloat (shares.share_accounts[t], ==, 0);
      g_assert_cmpfloat (shares.share_arr[t], ==, 0);
    }
}

/* Errors */

static void
test_calibration_too_few (void)
{
  double arr[19];
  double bounds[3] = { -1, -2, -3 };
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    arr[i] = 1000.0 * (i + 1);

  g_assert_false (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_TOO_FEW);
  g_assert_nonnull (strstr (error->message, "19"));
  /* The caller's bounds are left as they were. */
  g_assert_cmpfloat (bounds[0], ==, -1);
  g_assert_cmpfloat (bounds[1], ==, -2);
  g_assert_cmpfloat (bounds[2], ==, -3);
}

/* 25 values, but 3 are missing and 3 negative: 19 accounts have ARR. */
static void
test_calibration_too_few_with_arr (void)
{
  double arr[25];
  double bounds[3];
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    {
      if (i < 3)
        arr[i] = NAN;
      else if (i < 6)
        arr[i] = -500.0 * i;
      else
        arr[i] = 1000.0 * i;
    }

  g_assert_false (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_TOO_FEW);
}

/* 20 distinct values are enough. */
static void
test_calibration_twenty (void)
{
  double arr[20];
  double bounds[3];
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    arr[i] = 1000.0 * (i + 1) * (i + 1);

  g_assert_true (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds[0], >, bounds[1]);
  g_assert_cmpfloat (bounds[1], >, bounds[2]);
  g_assert_cmpfloat (bounds[2], >, 0);
}

static void
test_calibration_all_equal (void)
{
  double arr[100];
  double bounds[3] = { -1, -2, -3 };
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    arr[i] = 5000;

  g_assert_false (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_NO_SPREAD);
  g_assert_cmpfloat (bounds[0], ==, -1);
}

/* Two distinct values can give two bounds, never three. */
static void
test_calibration_two_values (void)
{
  double arr[100];
  double bounds[3];
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    arr[i] = i < 50 ? 100000 : 1000;

  g_assert_false (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_NO_SPREAD);
}

static void
test_calibration_all_zero (void)
{
  double arr[30] = { 0 };
  double bounds[3];
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;

  g_assert_false (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_NO_SPREAD);
}

/* A brute-force search, for cross-checks only. It tries the same cuts as
 * the calibration: half a percent of the accounts at a time inside each
 * target range, counts rounded half up. It turns each cut into bounds
 * rounded down to two figures and finds the lowest sum of squared
 * distances from the middles of the target ranges. Shares come from
 * prefix sums so that 100,000 accounts stay fast. */
typedef struct
{
  const double  *sorted;
  double        *prefix;   /* prefix[i]: sum of the i largest values */
  guint          n;
  const TlModel *model;
  double         best;
  guint          inside;   /* candidates with all eight shares in range */
} Search;

static guint
count_at_least (const Search *s,
                double        bound)
{
  guint lo = 0, hi = s->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (s->sorted[mid] >= bound)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
search_shares (const Search *s,
               const double  bounds[3],
               double        accounts[TL_N_TIERS],
               double        arr[TL_N_TIERS])
{
  guint edges[TL_N_TIERS + 1] = { 0, 0, 0, 0, s->n };

  for (guint t = 0; t < 3; t++)
    edges[t + 1] = MAX (edges[t], count_at_least (s, bounds[t]));
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      accounts[t] = (double) (edges[t + 1] - edges[t]) / s->n;
      arr[t] = (s->prefix[edges[t + 1]] - s->prefix[edges[t]]) / s->prefix[s->n];
    }
}

static double
score_of (const Search *s,
          const double  bounds[3])
{
  double accounts[TL_N_TIERS], arr[TL_N_TIERS];
  double score = 0;

  search_shares (s, bounds, accounts, arr);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TlTierParams *p = &s->model->tiers[t];
      double a = accounts[t] - (p->target_accounts[0] + p->target_accounts[1]) / 2;
      double r = arr[t] - (p->target_arr[0] + p->target_arr[1]) / 2;

      score += a * a + r * r;
    }

  return score;
}

static void
visit_candidate (Search       *s,
                 const double  bounds[3])
{
  double accounts[TL_N_TIERS], arr[TL_N_TIERS];
  gboolean inside = TRUE;

  s->best = MIN (s->best, score_of (s, bounds));

  search_shares (s, bounds, accounts, arr);
  for (guint t = 0; t < TL_N_TIERS; t++)
    inside = inside
             && share_inside (accounts[t], s->model->tiers[t].target_accounts)
             && share_inside (arr[t], s->model->tiers[t].target_arr);
  s->inside += inside;
}

/* Sets up @s for the values @sorted (highest first) and visits every cut
 * the calibration may try. Free s->prefix afterwards. */
static void
brute_force (const double  *sorted,
             guint          n,
             const TlModel *model,
             Search        *s)
{
  int lo[3], hi[3];

  s->sorted = sorted;
  s->n = n;
  s->model = model;
  s->best = INFINITY;
  s->inside = 0;
  s->prefix = g_new (double, n + 1);
  s->prefix[0] = 0;
  for (guint i = 0; i < n; i++)
    s->prefix[i + 1] = s->prefix[i] + sorted[i];

  for (guint t = 0; t < 3; t++)
    {
      lo[t] = (int) round (model->tiers[t].target_accounts[0] * 200);
      hi[t] = (int) round (model->tiers[t].target_accounts[1] * 200);
    }

  for (int i = lo[0]; i <= hi[0]; i++)
    for (int j = lo[1]; j <= hi[1]; j++)
      for (int k = lo[2]; k <= hi[2]; k++)
        {
          guint k1 = MAX ((guint) floor (n * i / 200.0 + 0.5), 1);
          guint k2 = k1 + (guint) floor (n * j / 200.0 + 0.5);
          guint k3 = k2 + (guint) floor (n * k / 200.0 + 0.5);
          double bounds[3];

          if (k3 > n)
            continue;
          bounds[0] = tl_round_down_significant (sorted[k1 - 1], 2);
          bounds[1] = tl_round_down_significant (sorted[k2 - 1], 2);
          bounds[2] = tl_round_down_significant (sorted[k3 - 1], 2);
          if (!(bounds[0] > bounds[1] && bounds[1] > bounds[2] && bounds[2] > 0))
            continue;
          visit_candidate (s, bounds);
        }
}

/* Checks what every suggestion must satisfy. The bounds descend strictly
 * and each is a two-figure number. Each is the rounded ARR of a real
 * account, so some account lies below the bound plus one unit of its
 * second figure. Equal ARR values land in the same tier. */
static void
assert_bounds_well_formed (const double  *arr,
                           guint          n,
                           const TlModel *model,
                           const double   bounds[3])
{
  g_autoptr(TlModel) tiered = tl_model_copy (model);
  g_autoptr(GHashTable) tier_of = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);

  g_assert_cmpfloat (bounds[0], >, bounds[1]);
  g_assert_cmpfloat (bounds[1], >, bounds[2]);
  g_assert_cmpfloat (bounds[2], >, 0);

  for (guint t = 0; t < 3; t++)
    {
      double unit = pow (10, floor (log10 (bounds[t])) - 1);
      gboolean found = FALSE;

      g_assert_cmpfloat (tl_round_down_significant (bounds[t], 2), ==, bounds[t]);
      for (guint i = 0; i < n && !found; i++)
        found = arr[i] >= bounds[t] && arr[i] < bounds[t] + unit;
      g_assert_true (found);
    }

  tl_model_set_thresholds (tiered, bounds);
  for (guint i = 0; i < n; i++)
    {
      gint64 key = (gint64) llround (arr[i] * 100);
      guint tier = tl_tier_for_arr (tiered, arr[i]);
      gpointer seen;

      if (g_hash_table_lookup_extended (tier_of, &key, NULL, &seen))
        g_assert_cmpuint (GPOINTER_TO_UINT (seen), ==, tier);
      else
        g_hash_table_insert (tier_of, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (tier));
    }
}

/* 40 accounts of distinct ARR, all two-figure numbers except the three that
 * end tiers 1 to 3 (503,000, 64,900 and 18,400), in four groups:
 *
 *   3 accounts   1,660,000   = 0.51875 of 3,200,000
 *  10 accounts   1,020,000   = 0.31875
 *  14 accounts     380,000   = 0.11875
 *  13 accounts     140,000   = 0.04375
 *
 * The score splits into an account part and an ARR part.
 *
 * Account part: the middles ask for 3, 10, 14 and 14 accounts (7.5, 25,
 * 35, 35 % of 40), 41 in all, so every split of 40 misses by at least one
 * account somewhere: the part is at least (1/40)^2 = 0.000625. The split
 * 3 / 10 / 14 / 13 reaches that.
 *
 * ARR part: the middles 0.55, 0.35, 0.15, 0.075 total 1.125, so with
 * shares that total 1 the part is sum (s - m)^2 = sum (s - m + 0.03125)^2
 * + 4 x 0.03125^2: it is lowest, 0.00390625, exactly when the shares are
 * 0.51875 / 0.31875 / 0.11875 / 0.04375, which only the split 3 / 10 /
 * 14 / 13 gives (the running sums of positive ARR never repeat).
 *
 * So 3 / 10 / 14 / 13 has the lowest score of all splits. It is one of
 * the cuts tried (3 = 7.5 %, 10 = 25 %, 14 = 35 % of 40). Its bounds are
 * the ARR of accounts 3, 13 and 27 rounded down to two figures: 503,000
 * to 500,000, 64,900 to 64,000 and 18,400 to 18,000. No other account lies
 * between a bound and the value it was rounded from, so the rounding keeps
 * the split. */
static const double hand_set[] = {
  600000, 557000, 503000,
  150000, 130000, 120000, 110000, 100000, 98000, 92000, 81000, 74100, 64900,
  36000, 34000, 32000, 31000, 30000, 29000, 28000, 27000, 26000, 25000, 24000, 21000,
  18600, 18400,
  15000, 14000, 13000, 12000, 11000, 10000, 9900, 9800, 9500, 9300, 9000, 8800, 8700,
};

static void
test_calibration_hand_set (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;
  double shuffled[G_N_ELEMENTS (hand_set)];
  double bounds[3];
  TlTierShares shares;
  Search search;
  g_autofree double *sorted = NULL;
  guint n = G_N_ELEMENTS (hand_set);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += hand_set[i];
  g_assert_cmpfloat (sum, ==, 3200000);

  /* The input order must not matter: pass the accounts in a mixed order. */
  for (guint i = 0; i < n; i++)
    shuffled[i] = hand_set[(i * 17) % n];

  g_assert_true (tl_calibrate_thresholds (shuffled, n, model, bounds, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds[0], ==, 500000);
  g_assert_cmpfloat (bounds[1], ==, 64000);
  g_assert_cmpfloat (bounds[2], ==, 18000);

  tl_tier_shares_compute (hand_set, n, bounds, &shares);
  g_assert_cmpuint (shares.accounts[0], ==, 3);
  g_assert_cmpuint (shares.accounts[1], ==, 10);
  g_assert_cmpuint (shares.accounts[2], ==, 14);
  g_assert_cmpuint (shares.accounts[3], ==, 13);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[0], 0.51875, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[1], 0.31875, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[2], 0.11875, 1e-12);
  g_assert_cmpfloat_with_epsilon (shares.share_arr[3], 0.04375, 1e-12);

  /* Cross-check: no cut tried scores lower. */
  sorted = sorted_copy (hand_set, n);
  brute_force (sorted, n, model, &search);
  g_assert_cmpfloat_with_epsilon (score_of (&search, bounds), search.best, 1e-15);
  g_free (search.prefix);
  g_assert_cmpfloat_with_epsilon (search.best, 0.000625 + 0.00390625, 1e-12);
  assert_bounds_well_formed (hand_set, n, model, bounds);
}

/* Missing and negative ARR values are skipped, so adding them to the hand
 * set changes nothing. */
static void
test_calibration_hand_set_with_gaps (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) arr = g_array_new (FALSE, FALSE, sizeof (double));
  double bounds[3];

  for (guint i = 0; i < G_N_ELEMENTS (hand_set); i++)
    {
      double missing = NAN, negative = -1200;

      g_array_append_val (arr, hand_set[i]);
      if (i % 7 == 0)
        g_array_append_val (arr, missing);
      if (i % 11 == 0)
        g_array_append_val (arr, negative);
    }

  g_assert_true (tl_calibrate_thresholds ((const double *) (gpointer) arr->data, arr->len,
                                          model, bounds, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds[0], ==, 500000);
  g_assert_cmpfloat (bounds[1], ==, 64000);
  g_assert_cmpfloat (bounds[2], ==, 18000);
}

/* 40 accounts in four groups of equal ARR: 3 x 200,000, 10 x 40,000,
 * 14 x 10,000 and 13 x 2,000. A bound is the ARR of the last account above
 * a cut, so it is one of the four values, and every account of that value
 * lands above it: a cut inside a group takes the whole group. The cuts
 * tried put tier 1 at 2-4 accounts, tier 2 at 8-12 more and tier 3 at
 * 12-16 more. So bound 1 is 200,000 (cut 2 or 3) or 40,000 (cut 4).
 * Bound 2 is 40,000 (cut at account 10-13) or 10,000 (14-16). Bound 3 is
 * 10,000 (22-27) or 2,000 (28-32). Strictly descending triples: 200k /
 * 40k / 10k, which
 * gives 3 / 10 / 14 / 13 accounts, and three triples that end at 2,000 and
 * leave tier 4 empty, 35 % of the accounts away from its middle (a score
 * above 0.1225, against under 0.006 for the first). So the bounds are
 * 200,000 / 40,000 / 10,000. */
static void
test_calibration_ties (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;
  double arr[40];
  double bounds[3];
  g_autofree double *sorted = NULL;
  Search search;

  for (guint i = 0; i < G_N_ELEMENTS (arr); i++)
    {
      if (i < 3)
        arr[i] = 200000;
      else if (i < 13)
        arr[i] = 40000;
      else if (i < 27)
        arr[i] = 10000;
      else
        arr[i] = 2000;
    }

  g_assert_true (tl_calibrate_thresholds (arr, G_N_ELEMENTS (arr), model, bounds, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds[0], ==, 200000);
  g_assert_cmpfloat (bounds[1], ==, 40000);
  g_assert_cmpfloat (bounds[2], ==, 10000);

  sorted = sorted_copy (arr, G_N_ELEMENTS (arr));
  brute_force (sorted, G_N_ELEMENTS (arr), model, &search);
  g_assert_cmpfloat_with_epsilon (score_of (&search, bounds), search.best, 1e-15);
  g_free (search.prefix);
  assert_bounds_well_formed (arr, G_N_ELEMENTS (arr), model, bounds);
}

/* Data full of repeated values: whatever the bounds, two accounts of equal
 * ARR share a tier, and the bounds score as well as the best cut tried. */
static void
test_calibration_ties_random (void)
{
  const double levels[] = {
    900000, 480000, 250000, 120000, 90000, 60000, 45000, 30000, 24000, 18000,
    12000, 9000, 6000, 4800, 3600, 2400, 1200, 600,
  };

  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(TlModel) model = tl_model_new_default ();
      g_autoptr(GError) error = NULL;
      guint n = 50 + 50 * seed;
      g_autofree double *arr = g_new (double, n);
      g_autofree double *sorted = NULL;
      double bounds[3];
      Search search;

      /* Lower levels are likelier: the index is the larger of two draws. */
      for (guint i = 0; i < n; i++)
        arr[i] = levels[MAX (g_rand_int_range (rand, 0, G_N_ELEMENTS (levels)),
                             g_rand_int_range (rand, 0, G_N_ELEMENTS (levels)))];

      if (!tl_calibrate_thresholds (arr, n, model, bounds, &error))
        {
          g_assert_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_NO_SPREAD);
          continue;
        }
      sorted = sorted_copy (arr, n);
      brute_force (sorted, n, model, &search);
      g_assert_cmpfloat_with_epsilon (score_of (&search, bounds), search.best, 1e-12);
      g_free (search.prefix);
      assert_bounds_well_formed (arr, n, model, bounds);
    }
}

/* 100,000 accounts: ARR = 4,000 + e^(9 + 1.6 z), z standard normal (a
 * log-normal with a floor, heavy in its upper tail: the top 1 % of the
 * accounts hold about 16 % of the ARR). The fixed seed makes the data the
 * same on every run. */
#define LARGE_N 100000

static double *
generate_heavy_tail (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  double *arr = g_new (double, LARGE_N);

  for (guint i = 0; i < LARGE_N; i++)
    {
      /* Box-Muller; 1 - u keeps the logarithm's argument above 0. */
      double u1 = 1.0 - g_rand_double (rand);
      double u2 = g_rand_double (rand);
      double z = sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);

      arr[i] = round (4000 + exp (9 + 1.6 * z));
    }

  return arr;
}

static void
test_calibration_heavy_tail (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree double *arr = generate_heavy_tail ();
  g_autofree double *sorted = sorted_copy (arr, LARGE_N);
  double bounds[3];
  double top_share = 0, total = 0;
  TlTierShares shares;
  Search search;

  for (guint i = 0; i < LARGE_N; i++)
    {
      total += sorted[i];
      if (i < LARGE_N / 100)
        top_share += sorted[i];
    }
  top_share /= total;
  g_assert_cmpfloat (top_share, >, 0.10);

  /* Achievable: among the cuts the calibration tries, some put all eight
   * shares inside their ranges. */
  brute_force (sorted, LARGE_N, model, &search);
  g_assert_cmpuint (search.inside, >, 0);

  g_assert_true (tl_calibrate_thresholds (arr, LARGE_N, model, bounds, &error));
  g_assert_no_error (error);
  assert_bounds_well_formed (arr, LARGE_N, model, bounds);

  tl_tier_shares_compute (sorted, LARGE_N, bounds, &shares);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      g_test_message ("tier %u: %.2f %% of accounts, %.2f %% of ARR", t + 1,
                      100 * shares.share_accounts[t], 100 * shares.share_arr[t]);
      g_assert_true (share_inside (shares.share_accounts[t], model->tiers[t].target_accounts));
      g_assert_true (share_inside (shares.share_arr[t], model->tiers[t].target_arr));
    }

  /* Cross-check: no cut tried scores lower. */
  g_assert_cmpfloat_with_epsilon (score_of (&search, bounds), search.best, 1e-12);
  g_free (search.prefix);
}

/* Edited targets move the suggestion. With tier 1 at 2-3 % of the
 * accounts, every cut tried for tier 1 of the hand set is one account
 * because 40 x 2-3 % is 0.8-1.2, rounded to 1. So bound 1 is the top ARR,
 * 600,000. */
static void
test_calibration_edited_targets (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GError) error = NULL;
  double bounds[3];
  g_autofree double *sorted = sorted_copy (hand_set, G_N_ELEMENTS (hand_set));
  Search search;

  model->tiers[0].target_accounts[0] = 0.02;
  model->tiers[0].target_accounts[1] = 0.03;
  model->tiers[0].target_arr[0] = 0.20;
  model->tiers[0].target_arr[1] = 0.30;

  g_assert_true (tl_calibrate_thresholds (hand_set, G_N_ELEMENTS (hand_set), model, bounds,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (bounds[0], ==, 600000);

  brute_force (sorted, G_N_ELEMENTS (hand_set), model, &search);
  g_assert_cmpfloat_with_epsilon (score_of (&search, bounds), search.best, 1e-15);
  g_free (search.prefix);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (round_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/calibration/round-down/%s",
                                               round_cases[i].name);

      g_test_add_data_func (path, &round_cases[i], test_calibration_round_down);
    }
  g_test_add_func ("/tierline/calibration/shares", test_calibration_shares);
  g_test_add_func ("/tierline/calibration/shares-empty-tiers",
                   test_calibration_shares_empty_tiers);
  g_test_add_func ("/tierline/calibration/shares-no-accounts",
                   test_calibration_shares_no_accounts);
  g_test_add_func ("/tierline/calibration/too-few", test_calibration_too_few);
  g_test_add_func ("/tierline/calibration/too-few-with-arr", test_calibration_too_few_with_arr);
  g_test_add_func ("/tierline/calibration/twenty", test_calibration_twenty);
  g_test_add_func ("/tierline/calibration/all-equal", test_calibration_all_equal);
  g_test_add_func ("/tierline/calibration/two-values", test_calibration_two_values);
  g_test_add_func ("/tierline/calibration/all-zero", test_calibration_all_zero);
  g_test_add_func ("/tierline/calibration/hand-set", test_calibration_hand_set);
  g_test_add_func ("/tierline/calibration/hand-set-with-gaps",
                   test_calibration_hand_set_with_gaps);
  g_test_add_func ("/tierline/calibration/ties", test_calibration_ties);
  g_test_add_func ("/tierline/calibration/ties-random", test_calibration_ties_random);
  g_test_add_func ("/tierline/calibration/heavy-tail", test_calibration_heavy_tail);
  g_test_add_func ("/tierline/calibration/edited-targets", test_calibration_edited_targets);

  return g_test_run ();
}
