/* tl-calibration.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-calibration"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-calibration.h"

/* Cut points are tried in steps of half a percent of the accounts. */
#define CUT_STEP 0.005

G_DEFINE_QUARK (tl-calibration-error-quark, tl_calibration_error)

/* Rounds a positive value down to @digits significant figures:
 * 123,456 to 120,000 with two. */
double
tl_round_down_significant (double value,
                           int    digits)
{
  double scale;

  if (value <= 0 || !isfinite (value))
    return value;

  scale = pow (10.0, floor (log10 (value)) - (digits - 1));

  return floor (value / scale + 1e-9) * scale;
}

/* Returns how many of the descending values are at least @bound. */
static guint
count_at_least (const double *sorted_desc,
                guint         n,
                double        bound)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorted_desc[mid] >= bound)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * tl_tier_shares_compute:
 * @sorted_desc: ARR values, highest first
 * @n: their number
 * @thresholds: the lower bounds of tiers 1 to 3
 * @shares: (out): each tier's accounts, ARR and shares
 *
 * Computes what a set of bounds gives on a set of ARR values.
 */
void
tl_tier_shares_compute (const double *sorted_desc,
                        guint         n,
                        const double  thresholds[3],
                        TlTierShares *shares)
{
  guint edges[TL_N_TIERS + 1] = { 0 };
  double total = 0;

  g_return_if_fail (sorted_desc != NULL || n == 0);
  g_return_if_fail (shares != NULL);

  for (guint t = 0; t < 3; t++)
    edges[t + 1] = MAX (edges[t], count_at_least (sorted_desc, n, thresholds[t]));
  edges[TL_N_TIERS] = n;

  for (guint i = 0; i < n; i++)
    total += sorted_desc[i];

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      double arr = 0;

      for (guint i = edges[t]; i < edges[t + 1]; i++)
        arr += sorted_desc[i];
      shares->accounts[t] = edges[t + 1] - edges[t];
      shares->arr[t] = arr;
      shares->share_accounts[t] = n > 0 ? (double) shares->accounts[t] / n : 0;
      shares->share_arr[t] = total > 0 ? arr / total : 0;
    }
}

/* Sorts non-negative doubles highest first with a radix sort on their bit
 * patterns, which order as the values do for numbers of 0 or more: linear
 * time, where a comparison sort of a million values takes ten times as
 * long. */
static void
sort_desc (double *values,
           guint   n)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));
  g_autofree guint64 *tmp = g_new (guint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      memcpy (&keys[i], &values[i], sizeof (double));
      keys[i] = ~keys[i];   /* inverted, so that ascending keys are descending values */
    }

  for (guint shift = 0; shift < 64; shift += 8)
    {
      guint counts[257] = { 0 };
      guint64 *swap;

      for (guint i = 0; i < n; i++)
        counts[((keys[i] >> shift) & 0xff) + 1]++;

      /* When every key has the same byte here, as the low bytes of whole
       * amounts are, the stable pass would leave the order as it is. */
      if (n > 0 && counts[((keys[0] >> shift) & 0xff) + 1] == n)
        continue;

      for (guint b = 0; b < 256; b++)
        counts[b + 1] += counts[b];
      for (guint i = 0; i < n; i++)
        tmp[counts[(keys[i] >> shift) & 0xff]++] = keys[i];
      swap = keys;
      keys = tmp;
      tmp = swap;
    }

  for (guint i = 0; i < n; i++)
    {
      guint64 bits = ~keys[i];

      memcpy (&values[i], &bits, sizeof (double));
    }
}

typedef struct
{
  const double  *sorted;
  const double  *prefix;      /* prefix[i] = sum of the first i values */
  guint          n;
  const TlModel *model;
} Search;

static double
square (double x)
{
  return x * x;
}

/* Scores a set of bounds by the squared distance of every tier's share of
 * accounts and of ARR from the middle of its target range. */
static double
score_bounds (const Search *s,
              const double  bounds[3])
{
  guint edges[TL_N_TIERS + 1] = { 0 };
  double score = 0;

  for (guint t = 0; t < 3; t++)
    edges[t + 1] = count_at_least (s->sorted, s->n, bounds[t]);
  edges[TL_N_TIERS] = s->n;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TlTierParams *tier = &s->model->tiers[t];
      double accounts = (double) (edges[t + 1] - edges[t]) / s->n;
      double arr = (s->prefix[edges[t + 1]] - s->prefix[edges[t]]) / s->prefix[s->n];

      score += square (accounts - (tier->target_accounts[0] + tier->target_accounts[1]) / 2);
      score += square (arr - (tier->target_arr[0] + tier->target_arr[1]) / 2);
    }

  return score;
}

/* The bound at a cut: the ARR of the last account above it, rounded down
 * to two significant figures. Accounts of equal ARR thus stay together. */
static double
bound_at (const Search *s,
          guint         accounts_above)
{
  return tl_round_down_significant (s->sorted[accounts_above - 1], 2);
}

static guint
cut_count (guint  n,
           double share)
{
  return (guint) floor (n * share + 0.5);
}

/* Tries every cut of tiers 1, 2 and 3 in half-percent steps inside their
 * target account ranges and keeps the best-scoring bounds. */
static gboolean
search_bounds (const Search *s,
               double        best[3])
{
  const TlTierParams *t = s->model->tiers;
  double best_score = INFINITY;

  for (double a = t[0].target_accounts[0]; a <= t[0].target_accounts[1] + 1e-9; a += CUT_STEP)
    for (double b = t[1].target_accounts[0]; b <= t[1].target_accounts[1] + 1e-9; b += CUT_STEP)
      for (double c = t[2].target_accounts[0]; c <= t[2].target_accounts[1] + 1e-9; c += CUT_STEP)
        {
          guint k1 = MAX (cut_count (s->n, a), 1);
          guint k2 = k1 + cut_count (s->n, b);
          guint k3 = k2 + cut_count (s->n, c);
          double bounds[3];
          double score;

          if (k3 > s->n || k2 <= k1 || k3 <= k2)
            continue;
          bounds[0] = bound_at (s, k1);
          bounds[1] = bound_at (s, k2);
          bounds[2] = bound_at (s, k3);
          if (!(bounds[0] > bounds[1] && bounds[1] > bounds[2] && bounds[2] > 0))
            continue;

          score = score_bounds (s, bounds);
          if (score < best_score)
            {
              best_score = score;
              memcpy (best, bounds, sizeof bounds);
            }
        }

  return isfinite (best_score);
}

/**
 * tl_calibrate_thresholds:
 * @arr: each account's ARR; NAN and negative values are skipped
 * @n_arr: their number
 * @model: the target shares
 * @thresholds: (out): the suggested lower bounds of tiers 1 to 3
 * @error: return location for an error
 *
 * Suggests tier bounds that put each tier's share of accounts and of ARR
 * inside its target range where the data allows, nearest the middle.
 *
 * Returns: %FALSE with fewer than %TL_CALIBRATION_MIN_ACCOUNTS accounts or
 *   when no three distinct bounds exist
 */
gboolean
tl_calibrate_thresholds (const double  *arr,
                         guint          n_arr,
                         const TlModel *model,
                         double         thresholds[3],
                         GError       **error)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_arr);
  g_autofree double *prefix = NULL;
  Search s;

  g_return_val_if_fail (arr != NULL || n_arr == 0, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  for (guint i = 0; i < n_arr; i++)
    if (!isnan (arr[i]) && arr[i] >= 0)
      g_array_append_val (values, arr[i]);

  if (values->len < TL_CALIBRATION_MIN_ACCOUNTS)
    {
      g_set_error (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_TOO_FEW,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Only %u account has ARR; suggesting bounds needs at least "
                                "%u, so the default bounds are kept.",
                                "Only %u accounts have ARR; suggesting bounds needs at least "
                                "%u, so the default bounds are kept.", values->len),
                   values->len, TL_CALIBRATION_MIN_ACCOUNTS);
      return FALSE;
    }

  /* -0.0 would sort apart from 0.0; it is 0. */
  for (guint i = 0; i < values->len; i++)
    g_array_index (values, double, i) += 0.0;
  sort_desc ((double *) (gpointer) values->data, values->len);
  prefix = g_new (double, values->len + 1);
  prefix[0] = 0;
  for (guint i = 0; i < values->len; i++)
    prefix[i + 1] = prefix[i] + g_array_index (values, double, i);

  s.sorted = (const double *) (gpointer) values->data;
  s.prefix = prefix;
  s.n = values->len;
  s.model = model;
  if (prefix[s.n] <= 0 || !search_bounds (&s, thresholds))
    {
      g_set_error_literal (error, TL_CALIBRATION_ERROR, TL_CALIBRATION_ERROR_NO_SPREAD,
                           _("The ARR values are too alike to suggest three distinct "
                             "bounds, so the default bounds are kept."));
      return FALSE;
    }

  g_debug ("suggested bounds %.0f, %.0f, %.0f", thresholds[0], thresholds[1], thresholds[2]);

  return TRUE;
}
