/* tl-allocation.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-allocation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-allocation.h"

static guint
csms_for (guint accounts,
          guint per_csm)
{
  if (accounts == 0 || per_csm == 0)
    return 0;

  return (accounts + per_csm - 1) / per_csm;
}

static gboolean
outside (double       value,
         const double range[2])
{
  /* An upper end of 0 means no upper limit. */
  return value < range[0] || (range[1] > 0 && value > range[1]);
}

/* Computes the per-CSM figures of a tier and marks those off target: more
 * accounts per CSM than the tier's highest ratio, or ARR per CSM outside
 * its range. Fewer accounts than the lowest ratio is not marked, because
 * rounding the comfortable number up always gives that. A tier with
 * accounts to cover but no CSM is off target. */
static void
measure_tier (TlTierAllocation   *tier,
              const TlTierParams *params)
{
  gboolean covered = params->accounts_per_csm[1] > 0;

  tier->accounts_per_csm = tier->allocated > 0 ? (double) tier->accounts / tier->allocated : NAN;
  tier->arr_per_csm = tier->allocated > 0 ? tier->arr / tier->allocated : NAN;

  if (!covered)
    return;
  if (tier->allocated == 0)
    {
      tier->accounts_off_target = tier->accounts > 0;
      tier->arr_off_target = tier->accounts > 0;
      return;
    }

  tier->accounts_off_target = tier->accounts_per_csm > params->accounts_per_csm[1];
  tier->arr_off_target = outside (tier->arr_per_csm, params->arr_per_csm);
}

/**
 * tl_allocation_compute:
 * @segmentation: the accounts' tiers
 * @model: the accounts per CSM and ARR per CSM of each tier
 * @headcount: the CSMs available
 * @allocation: (out): the result
 *
 * Sizes and allocates the CSM team. A tier needs at least accounts / max
 * accounts per CSM and comfortably accounts / min accounts per CSM, both
 * rounded up; a tier without a ratio (tier 4) needs none. The headcount
 * first covers each tier's minimum in the order 1, 2, 3, so a shortfall
 * falls on tier 3 first, then tier 2; what is left goes toward each
 * tier's comfortable number in the same order, and the rest is surplus.
 */
void
tl_allocation_compute (const TlSegmentation *segmentation,
                       const TlModel        *model,
                       guint                 headcount,
                       TlAllocation         *allocation)
{
  guint left = headcount;

  g_return_if_fail (segmentation != NULL);
  g_return_if_fail (model != NULL);
  g_return_if_fail (allocation != NULL);

  memset (allocation, 0, sizeof *allocation);
  allocation->headcount = headcount;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      TlTierAllocation *tier = &allocation->tiers[t];
      const guint *ratio = model->tiers[t].accounts_per_csm;

      tier->accounts = segmentation->tiers[t + 1].accounts;
      tier->arr = segmentation->tiers[t + 1].arr;
      tier->needed_min = csms_for (tier->accounts, ratio[1]);
      tier->needed_comfortable = csms_for (tier->accounts, ratio[0]);
      allocation->total_min += tier->needed_min;
      allocation->total_comfortable += tier->needed_comfortable;
    }

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      TlTierAllocation *tier = &allocation->tiers[t];
      guint give = MIN (left, tier->needed_min);

      tier->allocated = give;
      left -= give;
    }
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      TlTierAllocation *tier = &allocation->tiers[t];
      guint give = MIN (left, tier->needed_comfortable - tier->allocated);

      tier->allocated += give;
      left -= give;
    }

  for (guint t = 0; t < TL_N_TIERS; t++)
    measure_tier (&allocation->tiers[t], &model->tiers[t]);

  allocation->surplus = left;
  allocation->shortfall = allocation->total_min > headcount ? allocation->total_min - headcount : 0;
  allocation->short_of_comfortable = allocation->total_comfortable > headcount
                                     ? allocation->total_comfortable - headcount : 0;
}

static void
book_free (gpointer data)
{
  TlBook *book = data;

  g_free (book->owner);
  g_free (book);
}

/* Judges a book against the tiers' ratios: the load is the share of one
 * CSM its accounts take at the highest accounts per CSM, the comfortable
 * load the share at the lowest. Above 1 at the highest ratios is
 * overloaded; below 1 at the lowest ratios is underused. Accounts without
 * a CSM motion (tier 4, no tier) add nothing. */
static void
judge_book (TlBook        *book,
            const TlModel *model)
{
  for (guint t = 1; t <= TL_N_TIERS; t++)
    {
      const guint *ratio = model->tiers[t - 1].accounts_per_csm;

      if (ratio[1] == 0)
        continue;
      book->load += (double) book->accounts[t] / ratio[1];
      book->comfortable_load += (double) book->accounts[t] / ratio[0];
    }

  if (book->owner == NULL)
    book->state = TL_BOOK_UNASSIGNED;
  else if (book->load > 1.0 + 1e-9)
    book->state = TL_BOOK_OVERLOADED;
  else if (book->comfortable_load < 1.0 - 1e-9)
    book->state = TL_BOOK_UNDERUSED;
  else
    book->state = TL_BOOK_BALANCED;
}

/**
 * tl_books_compute:
 * @table: the accounts, with an owner column
 * @segmentation: their tiers
 * @model: the accounts per CSM of each tier
 *
 * Groups the accounts by owner (text compared as written, surrounding
 * spaces ignored) into books of business, in the order owners first
 * appear, with the accounts that have no owner last.
 *
 * Returns: (transfer container) (element-type TlBook): the books, empty
 *   when the file has no owner column
 */
GPtrArray *
tl_books_compute (const TlAccountTable *table,
                  const TlSegmentation *segmentation,
                  const TlModel        *model)
{
  GPtrArray *books = g_ptr_array_new_with_free_func (book_free);
  g_autoptr(GHashTable) by_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TlBook *unassigned = NULL;

  g_return_val_if_fail (table != NULL && segmentation != NULL && model != NULL, books);

  if (!tl_account_table_has_field (table, TL_FIELD_OWNER))
    return books;

  for (guint r = 0; r < segmentation->n_accounts; r++)
    {
      g_autofree char *trimmed = NULL;
      const char *owner = tl_account_table_get_text (table, TL_FIELD_OWNER, r);
      TlBook *book;

      /* Most owners need no trimming: copy only those that do, since a
       * copy per account costs more than the rest of the loop. */
      if (owner == NULL)
        owner = "";
      else if (g_ascii_isspace (owner[0]) || (owner[0] != '\0'
                                              && g_ascii_isspace (owner[strlen (owner) - 1])))
        owner = trimmed = g_strstrip (g_strdup (owner));

      book = *owner != '\0' ? g_hash_table_lookup (by_owner, owner) : unassigned;
      guint tier = segmentation->tier[r];

      if (book == NULL)
        {
          book = g_new0 (TlBook, 1);
          if (*owner != '\0')
            {
              book->owner = g_strdup (owner);
              g_hash_table_insert (by_owner, g_strdup (owner), book);
              g_ptr_array_add (books, book);
            }
          else
            unassigned = book;
        }

      book->accounts[tier]++;
      book->total_accounts++;
      if (tier != TL_TIER_NONE)
        {
          book->arr[tier] += tl_account_table_get_arr (table)[r];
          book->total_arr += tl_account_table_get_arr (table)[r];
        }
    }

  if (unassigned != NULL)
    g_ptr_array_add (books, unassigned);
  for (guint i = 0; i < books->len; i++)
    judge_book (g_ptr_array_index (books, i), model);

  return books;
}

const char *
tl_book_state_get_label (TlBookState state)
{
  static const char *const labels[] = {
    N_("Balanced"), N_("Overloaded"), N_("Underused"), N_("No owner"),
  };

  g_return_val_if_fail (state <= TL_BOOK_UNASSIGNED, NULL);

  return _(labels[state]);
}
