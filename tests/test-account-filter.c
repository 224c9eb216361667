/* test-account-filter.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "tl-account-filter.h"
#include "tl-document.h"
#include "tl-movement.h"

/* cli-accounts.csv under the default bounds (five accounts are too few to
 * calibrate), worked by hand:
 *
 *   row  id   name             owner       tier  health          expansion
 *   0    C-1  Aster Freight    Dana Whit   1     84 Healthy      MEDIUM (95 % seats)
 *   1    C-2  Basil Dental     Omar Reyes  2     67 Stable       LOW
 *   2    C-3  Cedar Analytics  Dana Whit   3     91 Healthy      MEDIUM (96 % seats)
 *   3    C-4  Dune Print       Omar Reyes  4     29 Critical     LOW
 *   4    C-5  Elm Logistics    Omar Reyes  none  50 At Risk      LOW
 */
static TlDocument *
load_accounts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cli-accounts.csv", NULL);
  g_autoptr(GError) error = NULL;
  TlDocument *doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));

  return doc;
}

/* Applies @filter to every row in file order and returns the rows kept as
 * a string such as "0,2". */
static char *
apply (TlDocument            *doc,
       const TlAccountFilter *filter)
{
  const TlAccountTable *table = tl_document_get_table (doc);
  guint n = tl_account_table_get_n_rows (table);
  g_autofree guint32 *rows = g_new (guint32, n);
  g_autofree guint32 *out = g_new (guint32, n);
  GString *kept = g_string_new (NULL);
  guint n_kept;

  for (guint i = 0; i < n; i++)
    rows[i] = i;
  n_kept = tl_account_filter_apply (filter, table, tl_document_get_segmentation (doc),
                                    tl_document_get_model (doc), rows, n, out);
  for (guint i = 0; i < n_kept; i++)
    g_string_append_printf (kept, "%s%u", i > 0 ? "," : "", out[i]);

  return g_string_free (kept, FALSE);
}

static void
test_filter_empty_keeps_all (void)
{
  g_autoptr(TlDocument) doc = load_accounts ();
  g_auto(TlAccountFilter) filter = { 0 };
  g_autofree char *kept = apply (doc, &filter);

  g_assert_true (tl_account_filter_is_empty (&filter));
  g_assert_cmpstr (kept, ==, "0,1,2,3,4");
}

typedef struct
{
  const char *text;
  const char *kept;
} SearchCase;

static const SearchCase search_cases[] = {
  { "dana", "0,2" },          /* owner, any case */
  { "C-4", "3" },             /* id */
  { "LOGIST", "4" },          /* part of a name */
  { "e", "0,1,2,3,4" },
  { "zebra", "" },
};

static void
test_filter_search (gconstpointer data)
{
  const SearchCase *c = data;
  g_autoptr(TlDocument) doc = load_accounts ();
  g_auto(TlAccountFilter) filter = { g_strdup (c->text), 0, 0, 0 };
  g_autofree char *kept = apply (doc, &filter);

  g_assert_cmpstr (kept, ==, c->kept);
}

static void
test_filter_by_values (void)
{
  g_autoptr(TlDocument) doc = load_accounts ();
  g_auto(TlAccountFilter) filter = { 0 };
  g_autofree char *tiers = NULL;
  g_autofree char *no_tier = NULL;
  g_autofree char *healthy = NULL;
  g_autofree char *medium = NULL;
  g_autofree char *combined = NULL;

  filter.tiers = 1u << 1 | 1u << 2;
  tiers = apply (doc, &filter);
  filter.tiers = 1u << TL_TIER_NONE;
  no_tier = apply (doc, &filter);
  filter.tiers = 0;
  filter.health = 1u << TL_HEALTH_HEALTHY;
  healthy = apply (doc, &filter);
  filter.health = 0;
  filter.expansion = 1u << TL_EXPANSION_MEDIUM;
  medium = apply (doc, &filter);
  filter.health = 1u << TL_HEALTH_HEALTHY | 1u << TL_HEALTH_CRITICAL;
  filter.expansion = 1u << TL_EXPANSION_LOW;
  filter.text = g_strdup ("omar");
  combined = apply (doc, &filter);

  g_assert_cmpstr (tiers, ==, "0,1");
  g_assert_cmpstr (no_tier, ==, "4");
  g_assert_cmpstr (healthy, ==, "0,2");
  g_assert_cmpstr (medium, ==, "0,2");
  /* Healthy or Critical, LOW, owned by Omar: only Dune Print. */
  g_assert_cmpstr (combined, ==, "3");
}

static void
test_filter_keeps_order (void)
{
  g_autoptr(TlDocument) doc = load_accounts ();
  g_auto(TlAccountFilter) filter = { g_strdup ("omar"), 0, 0, 0 };
  const guint32 rows[] = { 4, 3, 2, 1, 0 };
  guint32 out[5];
  guint n = tl_account_filter_apply (&filter, tl_document_get_table (doc),
                                     tl_document_get_segmentation (doc),
                                     tl_document_get_model (doc), rows, 5, out);

  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (out[0], ==, 4);
  g_assert_cmpuint (out[1], ==, 3);
  g_assert_cmpuint (out[2], ==, 1);
}

static void
test_filter_non_ascii (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-filter-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_auto(TlAccountFilter) filter = { g_strdup ("SOCIÉTÉ"), 0, 0, 0 };
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (path, "Account,ARR\nSociété Lumière,100\n"
                                            "Societe Plain,200\nØresund Fisk,300\n", -1, NULL));
  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  kept = apply (doc, &filter);

  /* Case folds, accents stay: "Societe" without accents does not match. */
  g_assert_cmpstr (kept, ==, "0");

  g_unlink (path);
  g_rmdir (dir);
}

/* Under the default bounds with a 10 % watch margin, cli-accounts.csv
 * gives one move candidate: Dune Print, tier 4 and the only tier 4
 * account, is in the top tenth of tier 4 and is reviewed. The other
 * flags are set by hand. */
static void
test_filter_by_movement (void)
{
  g_autoptr(TlDocument) doc = load_accounts ();
  TlSegmentation *seg = (TlSegmentation *) tl_document_get_segmentation (doc);
  g_auto(TlAccountFilter) filter = { 0 };
  g_autofree char *computed = NULL;
  g_autofree char *promote = NULL;
  g_autofree char *demote_or_watch = NULL;
  g_autofree char *none = NULL;
  g_autofree char *with_text = NULL;

  filter.movement = 1u << TL_MOVE_KIND_REVIEW;
  computed = apply (doc, &filter);

  seg->movement[0] = TL_MOVE_PROMOTE_TREND;
  seg->movement[1] = TL_MOVE_WATCH_DOWN | TL_MOVE_AT_RENEWAL;
  seg->movement[2] = TL_MOVE_DEMOTE | TL_MOVE_WATCH_UP;
  seg->movement[3] = TL_MOVE_REVIEW;
  seg->movement[4] = 0;

  filter.movement = 1u << TL_MOVE_KIND_PROMOTE;
  promote = apply (doc, &filter);
  filter.movement = 1u << TL_MOVE_KIND_DEMOTE | 1u << TL_MOVE_KIND_WATCH;
  demote_or_watch = apply (doc, &filter);
  filter.movement = 1u << TL_MOVE_KIND_NONE;
  none = apply (doc, &filter);
  filter.movement = 1u << TL_MOVE_KIND_WATCH | 1u << TL_MOVE_KIND_REVIEW;
  filter.text = g_strdup ("omar");
  with_text = apply (doc, &filter);

  g_assert_cmpstr (computed, ==, "3");
  g_assert_cmpstr (promote, ==, "0");
  /* Row 2 is Demote, not Watch: the kind shown is the first of its flags. */
  g_assert_cmpstr (demote_or_watch, ==, "1,2");
  g_assert_cmpstr (none, ==, "4");
  g_assert_cmpstr (with_text, ==, "1,3");
  g_assert_false (tl_account_filter_is_empty (&filter));

  tl_account_filter_clear (&filter);
  g_assert_cmpuint (filter.movement, ==, 0);
  g_assert_true (tl_account_filter_is_empty (&filter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/filter/empty-keeps-all", test_filter_empty_keeps_all);
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/filter/search/%s", search_cases[i].text);

      g_test_add_data_func (path, &search_cases[i], test_filter_search);
    }
  g_test_add_func ("/tierline/filter/by-values", test_filter_by_values);
  g_test_add_func ("/tierline/filter/by-movement", test_filter_by_movement);
  g_test_add_func ("/tierline/filter/keeps-order", test_filter_keeps_order);
  g_test_add_func ("/tierline/filter/non-ascii", test_filter_non_ascii);

  return g_test_run ();
}
