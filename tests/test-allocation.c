/* test-allocation.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "tl-allocation.h"
#include "tl-document.h"

/* The bundled sample's tiers: 18, 48, 64 and 68 accounts. With the default
 * ratios (5-8, 15-25, 50-100, none) the minimums are ceil(18/8) = 3,
 * ceil(48/25) = 2 and ceil(64/100) = 1, 6 in all; the comfortable numbers
 * ceil(18/5) = 4, ceil(48/15) = 4 and ceil(64/50) = 2, 10 in all. */
static void
make_sample_tiers (TlSegmentation *seg)
{
  static const guint accounts[] = { 18, 48, 64, 68 };
  static const double arr[] = { 6273000, 4113600, 1810300, 516000 };

  memset (seg, 0, sizeof *seg);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      seg->tiers[t + 1].accounts = accounts[t];
      seg->tiers[t + 1].arr = arr[t];
      seg->n_accounts += accounts[t];
    }
}

typedef struct
{
  guint headcount;
  guint allocated[TL_N_TIERS];
  guint shortfall;
  guint short_of_comfortable;
  guint surplus;
} AllocationCase;

static const AllocationCase allocation_cases[] = {
  /* Nobody: every tier is short. */
  { 0, { 0, 0, 0, 0 }, 6, 10, 0 },
  /* 5 CSMs: tier 1 gets its 3, tier 2 its 2, tier 3 bears the shortfall. */
  { 5, { 3, 2, 0, 0 }, 1, 5, 0 },
  /* 2 CSMs: below tier 1's minimum, tier 2 and 3 are short. */
  { 2, { 2, 0, 0, 0 }, 4, 8, 0 },
  /* 6: exactly the minimums. */
  { 6, { 3, 2, 1, 0 }, 0, 4, 0 },
  /* 8: minimums, then tier 1 to its comfortable 4, then tier 2 gets 1. */
  { 8, { 4, 3, 1, 0 }, 0, 2, 0 },
  /* 12: every comfortable number (4, 4, 2) and 2 to spare. */
  { 12, { 4, 4, 2, 0 }, 0, 0, 2 },
};

static void
test_allocation_headcounts (gconstpointer data)
{
  const AllocationCase *c = data;
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlSegmentation seg;
  TlAllocation a;

  make_sample_tiers (&seg);
  tl_allocation_compute (&seg, model, c->headcount, &a);

  g_assert_cmpuint (a.total_min, ==, 6);
  g_assert_cmpuint (a.total_comfortable, ==, 10);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      g_test_message ("tier %u", t + 1);
      g_assert_cmpuint (a.tiers[t].allocated, ==, c->allocated[t]);
    }
  g_assert_cmpuint (a.shortfall, ==, c->shortfall);
  g_assert_cmpuint (a.short_of_comfortable, ==, c->short_of_comfortable);
  g_assert_cmpuint (a.surplus, ==, c->surplus);
}

static void
test_allocation_per_csm_targets (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlSegmentation seg;
  TlAllocation a;

  make_sample_tiers (&seg);
  tl_allocation_compute (&seg, model, 8, &a);

  /* Tier 1: 18 accounts on 4 CSMs is 4.5 each (not above 8); $6,273,000 /
   * 4 = $1,568,250 each, above the $500,000 target. */
  g_assert_cmpfloat (a.tiers[0].accounts_per_csm, ==, 4.5);
  g_assert_cmpfloat (a.tiers[0].arr_per_csm, ==, 1568250);
  g_assert_false (a.tiers[0].accounts_off_target);
  g_assert_true (a.tiers[0].arr_off_target);
  /* Tier 2: 48 on 3 is 16 each; $4,113,600 / 3 = $1,371,200, inside $1M-$2M. */
  g_assert_cmpfloat (a.tiers[1].accounts_per_csm, ==, 16);
  g_assert_false (a.tiers[1].accounts_off_target);
  g_assert_false (a.tiers[1].arr_off_target);
  /* Tier 3: 64 on 1, under 100; $1,810,300 is below $2M. */
  g_assert_cmpfloat (a.tiers[2].accounts_per_csm, ==, 64);
  g_assert_false (a.tiers[2].accounts_off_target);
  g_assert_true (a.tiers[2].arr_off_target);
  /* Tier 4 has no CSM and no target. */
  g_assert_true (isnan (a.tiers[3].accounts_per_csm));
  g_assert_false (a.tiers[3].accounts_off_target);
}

static void
test_allocation_overloaded_tier (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlSegmentation seg;
  TlAllocation a;

  make_sample_tiers (&seg);
  tl_allocation_compute (&seg, model, 2, &a);

  /* Tier 1 gets 2 CSMs for 18 accounts, 9 each, above 8; tier 2 has 48
   * accounts and no CSM. */
  g_assert_cmpfloat (a.tiers[0].accounts_per_csm, ==, 9);
  g_assert_true (a.tiers[0].accounts_off_target);
  g_assert_true (isnan (a.tiers[1].accounts_per_csm));
  g_assert_true (a.tiers[1].accounts_off_target);
}

static void
test_allocation_empty_tier (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlSegmentation seg;
  TlAllocation a;

  make_sample_tiers (&seg);
  seg.tiers[2].accounts = 0;
  seg.tiers[2].arr = 0;
  tl_allocation_compute (&seg, model, 5, &a);

  /* Without tier 2 accounts, tier 3 gets its minimum of 1 and tier 1
   * one more toward its comfortable 4. */
  g_assert_cmpuint (a.tiers[1].needed_min, ==, 0);
  g_assert_cmpuint (a.tiers[1].allocated, ==, 0);
  g_assert_false (a.tiers[1].accounts_off_target);
  g_assert_cmpuint (a.tiers[0].allocated, ==, 4);
  g_assert_cmpuint (a.tiers[2].allocated, ==, 1);
  g_assert_cmpuint (a.shortfall, ==, 0);
}

static const TlBook *
find_book (GPtrArray  *books,
           const char *owner)
{
  for (guint i = 0; i < books->len; i++)
    {
      const TlBook *book = g_ptr_array_index (books, i);

      if (g_strcmp0 (book->owner, owner) == 0)
        return book;
    }

  g_error ("no book for %s", owner ? owner : "(none)");
}

static void
test_allocation_books (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "books.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) books = NULL;
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 250000, 50000, 10000 };
  const TlBook *ana, *ben, *cleo, *none;

  /* The default bounds by hand, so that 32 accounts are not calibrated. */
  tl_model_set_thresholds (model, bounds);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  books = tl_books_compute (tl_document_get_table (doc), tl_document_get_segmentation (doc),
                            tl_document_get_model (doc));

  g_assert_cmpuint (books->len, ==, 4);
  ana = find_book (books, "Ana");
  ben = find_book (books, "Ben");
  cleo = find_book (books, "Cleo");
  none = g_ptr_array_index (books, 3);

  /* Ana: 9 tier 1 accounts, 9/8 = 1.125 of a CSM: overloaded. */
  g_assert_cmpuint (ana->accounts[1], ==, 9);
  g_assert_cmpfloat (ana->total_arr, ==, 3515000);
  g_assert_cmpfloat_with_epsilon (ana->load, 9.0 / 8.0, 1e-12);
  g_assert_cmpint (ana->state, ==, TL_BOOK_OVERLOADED);
  /* Ben: 3 tier 2 and 1 tier 3: 3/15 + 1/50 = 0.22 at the lowest ratios:
   * underused; his tier 4 account adds nothing. */
  g_assert_cmpuint (ben->accounts[4], ==, 1);
  g_assert_cmpfloat_with_epsilon (ben->comfortable_load, 3.0 / 15 + 1.0 / 50, 1e-12);
  g_assert_cmpint (ben->state, ==, TL_BOOK_UNDERUSED);
  /* Cleo: 16 tier 2: 16/25 = 0.64 and 16/15 = 1.07: balanced. */
  g_assert_cmpuint (cleo->accounts[2], ==, 16);
  g_assert_cmpint (cleo->state, ==, TL_BOOK_BALANCED);
  /* Two accounts without an owner come last. */
  g_assert_null (none->owner);
  g_assert_cmpuint (none->total_accounts, ==, 2);
  g_assert_cmpint (none->state, ==, TL_BOOK_UNASSIGNED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (allocation_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/allocation/headcount/%u",
                                               allocation_cases[i].headcount);

      g_test_add_data_func (path, &allocation_cases[i], test_allocation_headcounts);
    }
  g_test_add_func ("/tierline/allocation/per-csm-targets", test_allocation_per_csm_targets);
  g_test_add_func ("/tierline/allocation/overloaded-tier", test_allocation_overloaded_tier);
  g_test_add_func ("/tierline/allocation/empty-tier", test_allocation_empty_tier);
  g_test_add_func ("/tierline/allocation/books", test_allocation_books);

  return g_test_run ();
}
