/* test-segmentation.c
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

#define G_LOG_DOMAIN "test-segmentation"

#include <math.h>
#include <string.h>

#include "tl-document.h"
#include "tl-segmentation.h"

/* Every expected value below is worked out by hand from the default model:
 * bounds 250,000 / 50,000 / 10,000; weights usage 30, adoption 20,
 * support 20, relationship 15, NPS 15; full usage at DAU/MAU 0.5; 25 % of
 * the support points lost per escalation; bands 80 / 60 / 40; expansion
 * at seats > 80 % used, 3 requests, 10 % growth, 2 teams, API calls 1.5 x
 * the previous period; 3 signals HIGH, 1 MEDIUM. */

/* Bits of the components that have data, as in TlSegmentation.health_flags. */
#define HAS_USAGE (1 << TL_COMPONENT_USAGE)
#define HAS_ADOPTION (1 << TL_COMPONENT_ADOPTION)
#define HAS_SUPPORT (1 << TL_COMPONENT_SUPPORT)
#define HAS_RELATIONSHIP (1 << TL_COMPONENT_RELATIONSHIP)
#define HAS_NPS (1 << TL_COMPONENT_NPS)

/* Builds a mapped table from comma-separated lines, the first one the
 * header. Cells contain no commas or quotes, so splitting on commas is
 * enough. */
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

/* Tiers */

typedef struct
{
  const char *name;
  const char *arr;
  const char *mrr;
  guint       tier;
} TierCase;

static const TierCase tier_cases[] = {
  { "exactly-t1", "250000", "", 1 },          /* the bound belongs to tier 1 */
  { "just-below-t1", "249999.99", "", 2 },
  { "exactly-t2", "50000", "", 2 },
  { "just-below-t2", "49999.99", "", 3 },
  { "exactly-t3", "10000", "", 3 },
  { "just-below-t3", "9999.99", "", 4 },
  { "zero", "0", "", 4 },
  { "no-arr", "", "", TL_TIER_NONE },
  { "unreadable-arr", "lots", "", TL_TIER_NONE },
  { "negative-arr", "-5", "", TL_TIER_NONE },
  { "mrr-only-above-t1", "", "20833.34", 1 },  /* 12 x 20,833.34 = 250,000.08 */
  { "mrr-only-below-t1", "", "20833.33", 2 },  /* 12 x 20,833.33 = 249,999.96 */
  { "mrr-only-exactly-t2", "", "4166.67", 2 }, /* 12 x 4,166.67 = 50,000.04 */
  { "arr-over-mrr", "1000", "100000", 4 },     /* an ARR cell wins over 12 x MRR */
};

static void
test_segmentation_tier (gconstpointer data)
{
  const TierCase *tc = data;
  g_autofree char *csv = g_strdup_printf ("Account,ARR,MRR\nA,%s,%s", tc->arr, tc->mrr);
  g_autoptr(TlAccountTable) table = table_from_csv (csv);
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);

  g_assert_cmpuint (seg->n_accounts, ==, 1);
  g_assert_cmpuint (seg->tier[0], ==, tc->tier);
}

static void
test_segmentation_tier_for_arr (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();

  g_assert_cmpuint (tl_tier_for_arr (model, 1e9), ==, 1);
  g_assert_cmpuint (tl_tier_for_arr (model, 250000), ==, 1);
  g_assert_cmpuint (tl_tier_for_arr (model, 249999.99), ==, 2);
  g_assert_cmpuint (tl_tier_for_arr (model, 10000), ==, 3);
  g_assert_cmpuint (tl_tier_for_arr (model, 0), ==, 4);
  g_assert_cmpuint (tl_tier_for_arr (model, NAN), ==, TL_TIER_NONE);
  g_assert_cmpuint (tl_tier_for_arr (model, -1), ==, TL_TIER_NONE);
}

/* Reads tests/data/model-tiers.csv with the default bounds set by hand:
 *
 *   tier 1: Aster 400,000, Birchline 300,000             2 accounts, 700,000
 *   tier 2: Cobble 100,000, Dunmore 60,000, Elmstead 50,000   3, 210,000
 *   tier 3: Fernhill 40,000, Granite 20,000              2, 60,000
 *   tier 4: Harbor 9,500, Ivy Lane 9,500, Juniper 6,000, Kestrel 5,000   4, 30,000
 *   no tier: Linden (no ARR)                              1
 *
 * 11 accounts with a tier hold 1,000,000 of ARR. Health is usage alone,
 * 200 x DAU/MAU capped at 100: Aster 100, Birchline 80, Linden 100
 * (Healthy 3); Cobble 70, Dunmore 60 (Stable 2); Elmstead 50, Fernhill 40
 * (At Risk 2); Granite 20, Harbor 0, Ivy Lane 0 as MAU is 0 (Critical 3);
 * Juniper and Kestrel have no score (2). Expansion: Aster seats 90 %,
 * 3 requests, 2 teams and Harbor seats 100 %, 4 requests, 4 teams are
 * HIGH (2); Cobble seats 81 %, Dunmore 5 requests and 3 teams, Fernhill
 * seats 100 %, Linden 2 teams are MEDIUM (4); Birchline (80 % is not above
 * 80 %), Granite, Ivy Lane, Kestrel fire nothing and are LOW (4);
 * Elmstead and Juniper have no signal (2). */
static void
test_segmentation_tier_stats (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "model-tiers.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 250000, 50000, 10000 };
  const TlSegmentation *seg;

  tl_model_set_thresholds (model, bounds);
  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  g_assert_no_error (error);
  seg = tl_document_get_segmentation (doc);

  g_assert_cmpuint (seg->n_accounts, ==, 12);
  g_assert_cmpuint (seg->tiers[TL_TIER_NONE].accounts, ==, 1);
  g_assert_cmpuint (seg->tiers[1].accounts, ==, 2);
  g_assert_cmpuint (seg->tiers[2].accounts, ==, 3);
  g_assert_cmpuint (seg->tiers[3].accounts, ==, 2);
  g_assert_cmpuint (seg->tiers[4].accounts, ==, 4);
  g_assert_cmpfloat (seg->tiers[1].arr, ==, 700000);
  g_assert_cmpfloat (seg->tiers[2].arr, ==, 210000);
  g_assert_cmpfloat (seg->tiers[3].arr, ==, 60000);
  g_assert_cmpfloat (seg->tiers[4].arr, ==, 30000);
  g_assert_cmpfloat (seg->total_arr, ==, 1000000);

  /* Shares are of the 11 accounts with a tier and of their ARR. */
  g_assert_cmpfloat_with_epsilon (seg->tiers[1].share_accounts, 2.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[2].share_accounts, 3.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[3].share_accounts, 2.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[4].share_accounts, 4.0 / 11, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[1].share_arr, 0.70, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[2].share_arr, 0.21, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[3].share_arr, 0.06, 1e-12);
  g_assert_cmpfloat_with_epsilon (seg->tiers[4].share_arr, 0.03, 1e-12);

  g_assert_cmpuint (seg->tier[4], ==, 2);     /* Elmstead, exactly T2 */
  g_assert_cmpuint (seg->tier[11], ==, TL_TIER_NONE);

  g_assert_cmpuint (seg->health_counts[TL_HEALTH_HEALTHY], ==, 3);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_STABLE], ==, 2);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_AT_RISK], ==, 2);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_CRITICAL], ==, 3);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_NONE], ==, 2);
  g_assert_cmpuint (seg->health[1], ==, 80);
  g_assert_cmpuint (seg->health[8], ==, 0);
  g_assert_cmpuint (seg->health[9], ==, TL_HEALTH_ABSENT);

  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_HIGH], ==, 2);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_MEDIUM], ==, 4);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_LOW], ==, 4);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_NONE], ==, 2);
  g_assert_cmpuint (seg->expansion[0], ==, TL_EXPANSION_HIGH);
  g_assert_cmpuint (seg->expansion[1], ==, TL_EXPANSION_LOW);
  g_assert_cmpuint (seg->expansion[4], ==, TL_EXPANSION_NONE);
}

/* Health */

typedef struct
{
  const char *name;
  const char *csv;
  guint       row;
  gboolean    inverted;     /* model->external_inverted */
  gboolean    prefer;       /* model->prefer_external */
  int         score;        /* -1: no score */
  guint       components;   /* components with data */
  double      earned;
  double      possible;
  gboolean    partial;
  gboolean    external;
} HealthCase;

static const HealthCase health_cases[] = {
  /* Usage: 30 x min (ratio / 0.5, 1). */
  { "usage-dau-mau", "Account,DAU,MAU\nA,30,100", 0, FALSE, FALSE,
    60, HAS_USAGE, 18, 30, TRUE, FALSE },                 /* 0.3 -> 18 of 30 */
  { "usage-ratio-column", "Account,DAU/MAU\nA,0.2", 0, FALSE, FALSE,
    40, HAS_USAGE, 12, 30, TRUE, FALSE },                 /* 0.2 -> 12 of 30 */
  { "usage-ratio-percent", "Account,DAU/MAU\nA,35%", 0, FALSE, FALSE,
    70, HAS_USAGE, 21, 30, TRUE, FALSE },                 /* 0.35 -> 21 of 30 */
  { "usage-ratio-plain-percent", "Account,DAU/MAU\nA,35", 0, FALSE, FALSE,
    70, HAS_USAGE, 21, 30, TRUE, FALSE },                 /* a plain 35 is 35 % */
  { "usage-mau-zero", "Account,DAU,MAU\nA,5,0", 0, FALSE, FALSE,
    0, HAS_USAGE, 0, 30, TRUE, FALSE },                   /* MAU 0: ratio 0 */
  { "usage-column-when-mau-missing", "Account,DAU,MAU,DAU/MAU\nA,30,,0.45", 0, FALSE, FALSE,
    90, HAS_USAGE, 27, 30, TRUE, FALSE },                 /* 0.45 -> 27 of 30 */
  { "usage-counts-before-column", "Account,DAU,MAU,DAU/MAU\nA,30,100,0.45", 0, FALSE, FALSE,
    60, HAS_USAGE, 18, 30, TRUE, FALSE },                 /* 30 / 100 wins */
  { "usage-capped", "Account,DAU,MAU\nA,80,100", 0, FALSE, FALSE,
    100, HAS_USAGE, 30, 30, TRUE, FALSE },                /* 0.8 / 0.5 capped at 1 */

  /* Adoption: 20 x min (ratio, 1). */
  { "adoption-counts", "Account,Features Used,Features Available\nA,6,10", 0, FALSE, FALSE,
    60, HAS_ADOPTION, 12, 20, TRUE, FALSE },              /* 0.6 -> 12 of 20 */
  { "adoption-column", "Account,Feature Adoption\nA,45%", 0, FALSE, FALSE,
    45, HAS_ADOPTION, 9, 20, TRUE, FALSE },               /* 0.45 -> 9 of 20 */
  { "adoption-none-available", "Account,Features Used,Features Available,Feature Adoption\n"
    "A,3,0,0.45", 0, FALSE, FALSE,
    45, HAS_ADOPTION, 9, 20, TRUE, FALSE },               /* available 0: the column */
  { "adoption-none-available-no-column", "Account,Features Used,Features Available\nA,3,0",
    0, FALSE, FALSE, -1, 0, 0, 0, FALSE, FALSE },
  { "adoption-capped", "Account,Features Used,Features Available\nA,12,10", 0, FALSE, FALSE,
    100, HAS_ADOPTION, 20, 20, TRUE, FALSE },

  /* Support: 20 x CSAT as 0..1 x max (0, 1 - 0.25 x escalations). */
  { "csat-one-to-five", "Account,CSAT\nA,4", 0, FALSE, FALSE,
    75, HAS_SUPPORT, 15, 20, TRUE, FALSE },               /* (4 - 1) / 4 = 0.75 */
  { "csat-one-to-five-bottom", "Account,CSAT\nA,1\nB,5", 0, FALSE, FALSE,
    0, HAS_SUPPORT, 0, 20, TRUE, FALSE },                 /* (1 - 1) / 4 = 0 */
  { "csat-one-to-five-top", "Account,CSAT\nA,1\nB,5", 1, FALSE, FALSE,
    100, HAS_SUPPORT, 20, 20, TRUE, FALSE },              /* (5 - 1) / 4 = 1 */
  { "csat-zero-to-ten", "Account,CSAT\nA,8\nB,3", 0, FALSE, FALSE,
    80, HAS_SUPPORT, 16, 20, TRUE, FALSE },               /* 8 is past 5: 8 / 10 */
  { "csat-zero-to-ten-five", "Account,CSAT\nA,5\nB,0", 0, FALSE, FALSE,
    50, HAS_SUPPORT, 10, 20, TRUE, FALSE },               /* 0 is below 1: 5 / 10 */
  { "csat-percent", "Account,CSAT\nA,90\nB,4", 0, FALSE, FALSE,
    90, HAS_SUPPORT, 18, 20, TRUE, FALSE },               /* 90 is past 10: 90 / 100 */
  { "csat-percent-small", "Account,CSAT\nA,90\nB,4", 1, FALSE, FALSE,
    4, HAS_SUPPORT, 0.8, 20, TRUE, FALSE },               /* 4 / 100 x 20 = 0.8 */
  { "csat-percent-sign", "Account,CSAT\nA,5%\nB,3%", 0, FALSE, FALSE,
    5, HAS_SUPPORT, 1, 20, TRUE, FALSE },                 /* written with %: 0.05 */
  { "escalations-one", "Account,CSAT,Open Escalations\nA,5,1", 0, FALSE, FALSE,
    75, HAS_SUPPORT, 15, 20, TRUE, FALSE },               /* 20 x 1 x 0.75 */
  { "escalations-two", "Account,CSAT,Open Escalations\nA,5,2", 0, FALSE, FALSE,
    50, HAS_SUPPORT, 10, 20, TRUE, FALSE },               /* 20 x 1 x 0.5 */
  { "escalations-three", "Account,CSAT,Open Escalations\nA,5,3", 0, FALSE, FALSE,
    25, HAS_SUPPORT, 5, 20, TRUE, FALSE },                /* 20 x 1 x 0.25 */
  { "escalations-four", "Account,CSAT,Open Escalations\nA,5,4", 0, FALSE, FALSE,
    0, HAS_SUPPORT, 0, 20, TRUE, FALSE },                 /* 1 - 4 x 0.25 = 0 */
  { "escalations-six", "Account,CSAT,Open Escalations\nA,5,6", 0, FALSE, FALSE,
    0, HAS_SUPPORT, 0, 20, TRUE, FALSE },                 /* max (0, -0.5) = 0 */
  { "escalations-without-csat", "Account,Open Escalations\nA,1", 0, FALSE, FALSE,
    75, HAS_SUPPORT, 15, 20, TRUE, FALSE },               /* c = 1: 20 x 0.75 */
  { "escalations-zero-without-csat", "Account,Open Escalations\nA,0", 0, FALSE, FALSE,
    100, HAS_SUPPORT, 20, 20, TRUE, FALSE },
  { "csat-without-escalations", "Account,CSAT,Open Escalations\nA,4,", 0, FALSE, FALSE,
    75, HAS_SUPPORT, 15, 20, TRUE, FALSE },               /* factor 1 */

  /* Relationship: 15 shared among the sponsor and champion present. */
  { "relationship-both", "Account,Exec Sponsor,Champion\nA,Yes,Yes", 0, FALSE, FALSE,
    100, HAS_RELATIONSHIP, 15, 15, TRUE, FALSE },
  { "relationship-one-of-two", "Account,Exec Sponsor,Champion\nA,Yes,No", 0, FALSE, FALSE,
    50, HAS_RELATIONSHIP, 7.5, 15, TRUE, FALSE },
  { "relationship-neither", "Account,Exec Sponsor,Champion\nA,No,No", 0, FALSE, FALSE,
    0, HAS_RELATIONSHIP, 0, 15, TRUE, FALSE },
  { "relationship-sponsor-alone", "Account,Exec Sponsor,Champion\nA,Yes,", 0, FALSE, FALSE,
    100, HAS_RELATIONSHIP, 15, 15, TRUE, FALSE },         /* one present carries all 15 */
  { "relationship-champion-alone-no", "Account,Exec Sponsor,Champion\nA,,No", 0, FALSE, FALSE,
    0, HAS_RELATIONSHIP, 0, 15, TRUE, FALSE },
  { "relationship-champion-column-only", "Account,Champion\nA,yes", 0, FALSE, FALSE,
    100, HAS_RELATIONSHIP, 15, 15, TRUE, FALSE },

  /* NPS: -100..100 as (nps + 100) / 200, 0..10 as nps / 10. */
  { "nps-zero-to-ten", "Account,NPS\nA,7", 0, FALSE, FALSE,
    70, HAS_NPS, 10.5, 15, TRUE, FALSE },                 /* 15 x 0.7 */
  { "nps-full-scale", "Account,NPS\nA,50\nB,-20", 0, FALSE, FALSE,
    75, HAS_NPS, 11.25, 15, TRUE, FALSE },                /* 150 / 200 = 0.75 */
  { "nps-full-scale-negative", "Account,NPS\nA,50\nB,-20", 1, FALSE, FALSE,
    40, HAS_NPS, 6, 15, TRUE, FALSE },                    /* 80 / 200 = 0.4 */
  { "nps-one-value-past-ten", "Account,NPS\nA,8\nB,11", 0, FALSE, FALSE,
    54, HAS_NPS, 8.1, 15, TRUE, FALSE },                  /* 11 makes it -100..100: 108 / 200 */
  { "nps-minus-hundred", "Account,NPS\nA,-100", 0, FALSE, FALSE,
    0, HAS_NPS, 0, 15, TRUE, FALSE },

  /* All five: usage 30 / 100 -> 18; adoption 6 / 10 -> 12; support CSAT 4
   * of 1-5 is 0.75, one escalation 0.75 -> 11.25; relationship 7.5; NPS
   * 50 -> 0.75 -> 11.25. 60 of 100. */
  { "all-components", "Account,DAU,MAU,Features Used,Features Available,CSAT,"
    "Open Escalations,Exec Sponsor,Champion,NPS\nA,30,100,6,10,4,1,Yes,No,50", 0, FALSE, FALSE,
    60, HAS_USAGE | HAS_ADOPTION | HAS_SUPPORT | HAS_RELATIONSHIP | HAS_NPS,
    60, 100, FALSE, FALSE },

  /* Absent components neither reward nor punish: usage 18 + relationship
   * 15 = 33 of 45 = 73.33. */
  { "absent-components", "Account,DAU,MAU,Exec Sponsor,Champion\nA,30,100,Yes,Yes",
    0, FALSE, FALSE, 73, HAS_USAGE | HAS_RELATIONSHIP, 33, 45, TRUE, FALSE },
  { "no-components", "Account,CSM\nA,Kim", 0, FALSE, FALSE, -1, 0, 0, 0, FALSE, FALSE },

  /* Rounding half away from zero. */
  { "round-adoption-half", "Account,Features Used,Features Available\nA,1,8", 0, FALSE, FALSE,
    13, HAS_ADOPTION, 2.5, 20, TRUE, FALSE },             /* 12.5 -> 13 */
  { "round-nps-half", "Account,NPS\nA,6.25", 0, FALSE, FALSE,
    63, HAS_NPS, 9.375, 15, TRUE, FALSE },                /* 62.5 -> 63 */
  { "round-nps-below-half", "Account,NPS\nA,6.24", 0, FALSE, FALSE,
    62, HAS_NPS, 9.36, 15, TRUE, FALSE },                 /* 62.4 -> 62 */

  /* The file's own score, used when no component has data. */
  { "external-percent", "Account,Health Score\nA,72", 0, FALSE, FALSE,
    72, 0, 0, 0, FALSE, TRUE },
  { "external-one-to-five", "Account,Health Score\nA,4\nB,2", 0, FALSE, FALSE,
    75, 0, 0, 0, FALSE, TRUE },                           /* (4 - 1) x 25 */
  { "external-one-to-five-half", "Account,Health Score\nA,3.5\nB,1", 0, FALSE, FALSE,
    63, 0, 0, 0, FALSE, TRUE },                           /* 62.5 -> 63 */
  { "external-zero-to-ten", "Account,Health Score\nA,7\nB,0", 0, FALSE, FALSE,
    70, 0, 0, 0, FALSE, TRUE },                           /* 7 x 10 */
  { "external-past-ten", "Account,Health Score\nA,7\nB,55", 0, FALSE, FALSE,
    7, 0, 0, 0, FALSE, TRUE },                            /* 55 makes it 0-100 */
  { "external-inverted-percent", "Account,Health Score\nA,72", 0, TRUE, FALSE,
    28, 0, 0, 0, FALSE, TRUE },                           /* 100 - 72 */
  { "external-inverted-one-to-five", "Account,Health Score\nA,4\nB,2", 0, TRUE, FALSE,
    25, 0, 0, 0, FALSE, TRUE },                           /* 100 - 75 */
  { "external-inverted-zero-to-ten", "Account,Health Score\nA,7\nB,0", 0, TRUE, FALSE,
    30, 0, 0, 0, FALSE, TRUE },                           /* 100 - 70 */
  { "external-ignored-with-components", "Account,DAU,MAU,Health Score\nA,30,100,72",
    0, FALSE, FALSE, 60, HAS_USAGE, 18, 30, TRUE, FALSE },
  { "external-preferred", "Account,DAU,MAU,Health Score\nA,30,100,72", 0, FALSE, TRUE,
    72, HAS_USAGE, 18, 30, FALSE, TRUE },
};

static void
test_segmentation_health (gconstpointer data)
{
  const HealthCase *hc = data;
  g_autoptr(TlAccountTable) table = table_from_csv (hc->csv);
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = NULL;
  TlHealthDetail detail;
  guint components = 0;
  guint flags;

  model->external_inverted = hc->inverted;
  model->prefer_external = hc->prefer;
  seg = tl_segmentation_new (table, model);
  tl_health_explain (table, model, hc->row, &detail);

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    components |= detail.has_data[c] << c;
  g_assert_cmpuint (components, ==, hc->components);
  g_assert_cmpfloat_with_epsilon (detail.earned, hc->earned, 1e-5);
  g_assert_cmpfloat_with_epsilon (detail.possible, hc->possible, 1e-9);
  g_assert_cmpint (detail.score, ==, hc->score);
  g_assert_cmpint (detail.partial, ==, hc->partial);
  g_assert_cmpint (detail.external, ==, hc->external);

  g_assert_cmpuint (seg->health[hc->row], ==, hc->score < 0 ? TL_HEALTH_ABSENT : hc->score);
  flags = seg->health_flags[hc->row];
  g_assert_cmpuint (flags & 0x1f, ==, hc->components);
  g_assert_cmpint ((flags & TL_HEALTH_FLAG_PARTIAL) != 0, ==, hc->partial);
  g_assert_cmpint ((flags & TL_HEALTH_FLAG_EXTERNAL) != 0, ==, hc->external);
}

static void
test_segmentation_round_half_away (void)
{
  g_assert_cmpint (tl_round_half_away (84.5), ==, 85);
  g_assert_cmpint (tl_round_half_away (12.5), ==, 13);   /* half to even would give 12 */
  g_assert_cmpint (tl_round_half_away (84.49), ==, 84);
  g_assert_cmpint (tl_round_half_away (0.5), ==, 1);
  g_assert_cmpint (tl_round_half_away (-0.5), ==, -1);
  g_assert_cmpint (tl_round_half_away (-2.5), ==, -3);
  g_assert_cmpint (tl_round_half_away (0.1 + 0.2 + 0.2), ==, 1);  /* 0.5 in decimals */
}

typedef struct
{
  const char    *name;
  int            score;
  TlHealthStatus status;
} BandCase;

static const BandCase band_cases[] = {
  { "100", 100, TL_HEALTH_HEALTHY },
  { "80", 80, TL_HEALTH_HEALTHY },
  { "79", 79, TL_HEALTH_STABLE },
  { "60", 60, TL_HEALTH_STABLE },
  { "59", 59, TL_HEALTH_AT_RISK },
  { "40", 40, TL_HEALTH_AT_RISK },
  { "39", 39, TL_HEALTH_CRITICAL },
  { "0", 0, TL_HEALTH_CRITICAL },
};

/* An account with DAU = score and MAU = 200 scores exactly that: usage is
 * its only component and earns 30 x (score / 200) / 0.5 = 0.3 x score of
 * 30 points. */
static void
test_segmentation_band (gconstpointer data)
{
  const BandCase *bc = data;
  g_autofree char *csv = g_strdup_printf ("Account,DAU,MAU\nA,%d,200", bc->score);
  g_autoptr(TlAccountTable) table = table_from_csv (csv);
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);

  g_assert_cmpint (tl_health_status_for_score (model, bc->score), ==, bc->status);
  g_assert_cmpuint (seg->health[0], ==, bc->score);
  g_assert_cmpint (tl_segmentation_get_status (seg, model, 0), ==, bc->status);
  g_assert_cmpuint (seg->health_counts[bc->status], ==, 1);
}

static void
test_segmentation_band_none (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv ("Account,CSM\nA,Kim");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);

  g_assert_cmpint (tl_health_status_for_score (model, -1), ==, TL_HEALTH_NONE);
  g_assert_cmpint (tl_segmentation_get_status (seg, model, 0), ==, TL_HEALTH_NONE);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_NONE], ==, 1);
}

static void
test_segmentation_describe_missing (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,DAU,MAU,Features Used,Features Available,CSAT,Exec Sponsor,NPS\n"
    "All five,30,100,6,10,4,Yes,7\n"
    "NPS only,,,,,,,7\n"
    "Usage and relationship,30,100,,,,No,\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlHealthDetail detail;
  g_autofree char *all = NULL;
  g_autofree char *nps_only = NULL;
  g_autofree char *two = NULL;

  tl_health_explain (table, model, 0, &detail);
  all = tl_health_describe_missing (&detail);
  g_assert_null (all);
  g_assert_false (detail.partial);

  tl_health_explain (table, model, 1, &detail);
  nps_only = tl_health_describe_missing (&detail);
  g_assert_cmpstr (nps_only, ==, "No data for Usage, Adoption, Support, Relationship");
  g_assert_true (detail.partial);

  tl_health_explain (table, model, 2, &detail);
  two = tl_health_describe_missing (&detail);
  g_assert_cmpstr (two, ==, "No data for Adoption, Support, NPS");
  g_assert_true (detail.partial);
}

/* Expansion */

typedef struct
{
  const char      *name;
  const char      *csv;
  TlSignal         signal;
  gboolean         known;
  gboolean         fired;
  TlExpansionLevel level;
} SignalCase;

#define SEATS_CSV "Account,Seats,Seats Used\nA,"
#define REQUESTS_CSV "Account,Feature Requests\nA,"
#define GROWTH_CSV "Account,Headcount Growth\nA,"
#define TEAMS_CSV "Account,Teams\nA,"
#define API_CSV "Account,API Calls,API Calls Prev\nA,"

static const SignalCase signal_cases[] = {
  { "seats-at-threshold", SEATS_CSV "100,80", TL_SIGNAL_SEATS, TRUE, FALSE, TL_EXPANSION_LOW },
  { "seats-above-threshold", SEATS_CSV "100,81", TL_SIGNAL_SEATS, TRUE, TRUE,
    TL_EXPANSION_MEDIUM },
  { "seats-four-of-five", SEATS_CSV "5,4", TL_SIGNAL_SEATS, TRUE, FALSE, TL_EXPANSION_LOW },
  { "seats-all-used", SEATS_CSV "10,10", TL_SIGNAL_SEATS, TRUE, TRUE, TL_EXPANSION_MEDIUM },
  { "seats-none-licensed", SEATS_CSV "0,5", TL_SIGNAL_SEATS, FALSE, FALSE,
    TL_EXPANSION_NONE },
  { "seats-used-missing", SEATS_CSV "100,", TL_SIGNAL_SEATS, FALSE, FALSE, TL_EXPANSION_NONE },
  { "requests-three", REQUESTS_CSV "3", TL_SIGNAL_FEATURE_REQUESTS, TRUE, TRUE,
    TL_EXPANSION_MEDIUM },
  { "requests-two", REQUESTS_CSV "2", TL_SIGNAL_FEATURE_REQUESTS, TRUE, FALSE,
    TL_EXPANSION_LOW },
  { "growth-ten", GROWTH_CSV "10", TL_SIGNAL_GROWTH, TRUE, TRUE, TL_EXPANSION_MEDIUM },
  { "growth-nine-point-nine", GROWTH_CSV "9.9", TL_SIGNAL_GROWTH, TRUE, FALSE,
    TL_EXPANSION_LOW },
  { "growth-ten-percent-sign", GROWTH_CSV "10%", TL_SIGNAL_GROWTH, TRUE, TRUE,
    TL_EXPANSION_MEDIUM },
  { "growth-plain-fraction", GROWTH_CSV "0.1", TL_SIGNAL_GROWTH, TRUE, FALSE,
    TL_EXPANSION_LOW },                                  /* a plain 0.1 is 0.1 % */
  { "growth-negative", GROWTH_CSV "-5", TL_SIGNAL_GROWTH, TRUE, FALSE, TL_EXPANSION_LOW },
  { "teams-two", TEAMS_CSV "2", TL_SIGNAL_TEAMS, TRUE, TRUE, TL_EXPANSION_MEDIUM },
  { "teams-one", TEAMS_CSV "1", TL_SIGNAL_TEAMS, TRUE, FALSE, TL_EXPANSION_LOW },
  { "api-one-and-a-half", API_CSV "150,100", TL_SIGNAL_API, TRUE, TRUE, TL_EXPANSION_MEDIUM },
  { "api-just-below", API_CSV "149,100", TL_SIGNAL_API, TRUE, FALSE, TL_EXPANSION_LOW },
  { "api-up-from-none", API_CSV "5,0", TL_SIGNAL_API, TRUE, TRUE, TL_EXPANSION_MEDIUM },
  { "api-none-both", API_CSV "0,0", TL_SIGNAL_API, TRUE, FALSE, TL_EXPANSION_LOW },
  { "api-prev-missing", API_CSV "150,", TL_SIGNAL_API, FALSE, FALSE, TL_EXPANSION_NONE },
};

static void
test_segmentation_signal (gconstpointer data)
{
  const SignalCase *sc = data;
  g_autoptr(TlAccountTable) table = table_from_csv (sc->csv);
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);
  TlExpansionDetail detail;

  tl_expansion_explain (table, model, 0, &detail);
  g_assert_cmpint (detail.known[sc->signal], ==, sc->known);
  g_assert_cmpint (detail.fired[sc->signal], ==, sc->fired);
  g_assert_cmpint (detail.n_fired, ==, sc->fired ? 1 : 0);
  g_assert_cmpint (detail.level, ==, sc->level);
  g_assert_cmpuint (seg->expansion[0], ==, sc->level);
  g_assert_cmpuint (seg->signals_known[0], ==, sc->known ? 1u << sc->signal : 0);
  g_assert_cmpuint (seg->signals_fired[0], ==, sc->fired ? 1u << sc->signal : 0);
}

/* Rows fire 5, 3, 2, 1 and 0 signals; the last two have none known and
 * one known that does not fire. */
static void
test_segmentation_levels (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Seats,Seats Used,Feature Requests,Headcount Growth,Teams,API Calls,API Calls Prev\n"
    "Five,100,90,3,10,2,150,100\n"
    "Three,100,90,3,10,1,100,100\n"
    "Two,100,90,3,5,1,100,100\n"
    "One,100,90,0,5,1,100,100\n"
    "Zero,100,50,0,5,1,100,100\n"
    "Unknown,,,,,,,\n"
    "One known,,,,,1,,\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);
  const TlExpansionLevel levels[] = {
    TL_EXPANSION_HIGH, TL_EXPANSION_HIGH, TL_EXPANSION_MEDIUM, TL_EXPANSION_MEDIUM,
    TL_EXPANSION_LOW, TL_EXPANSION_NONE, TL_EXPANSION_LOW,
  };
  const int fired[] = { 5, 3, 2, 1, 0, 0, 0 };
  const guint fired_bits[] = { 0x1f, 0x07, 0x03, 0x01, 0, 0, 0 };
  const guint known_bits[] = { 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0, 1 << TL_SIGNAL_TEAMS };

  for (guint r = 0; r < G_N_ELEMENTS (levels); r++)
    {
      TlExpansionDetail detail;

      tl_expansion_explain (table, model, r, &detail);
      g_assert_cmpint (detail.n_fired, ==, fired[r]);
      g_assert_cmpint (detail.level, ==, levels[r]);
      g_assert_cmpuint (seg->expansion[r], ==, levels[r]);
      g_assert_cmpuint (seg->signals_fired[r], ==, fired_bits[r]);
      g_assert_cmpuint (seg->signals_known[r], ==, known_bits[r]);
    }

  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_HIGH], ==, 2);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_MEDIUM], ==, 2);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_LOW], ==, 2);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_NONE], ==, 1);
}

static void
test_segmentation_signal_values (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Seats,Seats Used,Feature Requests,Headcount Growth,Teams,API Calls,API Calls Prev\n"
    "A,100,92,4,12.5,3,260,100\n"
    "B,,,,,,5,0\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlExpansionDetail detail;

  tl_expansion_explain (table, model, 0, &detail);
  g_assert_cmpfloat_with_epsilon (detail.value[TL_SIGNAL_SEATS], 0.92, 1e-6);
  g_assert_cmpfloat_with_epsilon (detail.value[TL_SIGNAL_FEATURE_REQUESTS], 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (detail.value[TL_SIGNAL_GROWTH], 0.125, 1e-6);  /* 12.5 % */
  g_assert_cmpfloat_with_epsilon (detail.value[TL_SIGNAL_TEAMS], 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (detail.value[TL_SIGNAL_API], 2.6, 1e-6);

  tl_expansion_explain (table, model, 1, &detail);
  g_assert_true (isinf (detail.value[TL_SIGNAL_API]));
  g_assert_true (detail.fired[TL_SIGNAL_API]);
}

static void
test_segmentation_describe_signal (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Seats,Seats Used,Feature Requests,API Calls,API Calls Prev\n"
    "A,100,92,4,260,100\n"
    "B,100,92,1,,\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlExpansionDetail detail;
  g_autofree char *seats = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *api = NULL;
  g_autofree char *growth = NULL;
  g_autofree char *fired = NULL;
  g_autofree char *one_request = NULL;
  g_autofree char *no_api = NULL;

  tl_expansion_explain (table, model, 0, &detail);
  seats = tl_expansion_describe_signal (&detail, TL_SIGNAL_SEATS);
  requests = tl_expansion_describe_signal (&detail, TL_SIGNAL_FEATURE_REQUESTS);
  api = tl_expansion_describe_signal (&detail, TL_SIGNAL_API);
  growth = tl_expansion_describe_signal (&detail, TL_SIGNAL_GROWTH);
  fired = tl_expansion_describe_fired (&detail);
  g_assert_cmpstr (seats, ==, "Seats 92 % used");
  g_assert_cmpstr (requests, ==, "4 feature requests");
  g_assert_cmpstr (api, ==, "API calls +160 %");         /* 260 / 100 - 1 */
  g_assert_null (growth);                                /* no growth column */
  g_assert_cmpstr (fired, ==, "Seats 92 % used\n4 feature requests\nAPI calls +160 %");

  tl_expansion_explain (table, model, 1, &detail);
  one_request = tl_expansion_describe_signal (&detail, TL_SIGNAL_FEATURE_REQUESTS);
  no_api = tl_expansion_describe_signal (&detail, TL_SIGNAL_API);
  g_assert_cmpstr (one_request, ==, "1 feature request");
  g_assert_null (no_api);
}

static void
test_segmentation_round_half_away_out_of_range (void)
{
  /* Values beyond int are capped rather than converted. */
  g_assert_cmpint (tl_round_half_away (1e300), ==, G_MAXINT);
  g_assert_cmpint (tl_round_half_away (-1e300), ==, -G_MAXINT);
  g_assert_cmpint (tl_round_half_away (INFINITY), ==, G_MAXINT);
}

static void
test_segmentation_describe_huge_values (void)
{
  /* Ratios and counts far beyond int still give a description. */
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Seats,Seats Used,Feature Requests,Teams,API Calls,API Calls Prev\n"
    "A,1,1E+300,1E+60,1E+60,1E+300,1\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlExpansionDetail detail;
  g_autofree char *seats = NULL;
  g_autofree char *requests = NULL;
  g_autofree char *teams = NULL;
  g_autofree char *api = NULL;

  tl_expansion_explain (table, model, 0, &detail);
  seats = tl_expansion_describe_signal (&detail, TL_SIGNAL_SEATS);
  requests = tl_expansion_describe_signal (&detail, TL_SIGNAL_FEATURE_REQUESTS);
  teams = tl_expansion_describe_signal (&detail, TL_SIGNAL_TEAMS);
  api = tl_expansion_describe_signal (&detail, TL_SIGNAL_API);
  g_assert_cmpstr (seats, ==, "Seats 2147483647 % used");
  g_assert_true (g_str_has_suffix (requests, " feature requests"));
  g_assert_true (g_str_has_suffix (teams, " teams using it"));
  g_assert_cmpstr (api, ==, "API calls +2147483647 %");
}

static void
test_segmentation_describe_fired_none (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv ("Account,Teams\nA,1");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlExpansionDetail detail;
  g_autofree char *fired = NULL;

  tl_expansion_explain (table, model, 0, &detail);
  fired = tl_expansion_describe_fired (&detail);
  g_assert_null (fired);
}

static void
test_segmentation_describe_count_fraction (void)
{
  /* A count is rounded as "%.0f" rounds it: half to even. */
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Feature Requests,Teams\n"
    "A,4.5,12\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlExpansionDetail detail;
  g_autofree char *requests = NULL;
  g_autofree char *teams = NULL;

  tl_expansion_explain (table, model, 0, &detail);
  requests = tl_expansion_describe_signal (&detail, TL_SIGNAL_FEATURE_REQUESTS);
  teams = tl_expansion_describe_signal (&detail, TL_SIGNAL_TEAMS);
  g_assert_cmpstr (requests, ==, "4 feature requests");
  g_assert_cmpstr (teams, ==, "12 teams using it");
}

static void
test_segmentation_append_fired_separator (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,Seats,Seats Used,Feature Requests,Teams,API Calls,API Calls Prev\n"
    "A,100,99,9,9,300,100\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(GString) line = g_string_new ("x");
  TlExpansionDetail detail;
  g_autofree char *fired = NULL;
  guint n_appended;

  tl_expansion_explain (table, model, 0, &detail);
  fired = tl_expansion_describe_fired (&detail);
  n_appended = tl_expansion_append_fired (line, &detail, ';');
  g_assert_nonnull (fired);
  g_assert_cmpuint (n_appended, ==, detail.n_fired);
  g_assert_cmpuint (n_appended, >, 1);
  g_strdelimit (fired, "\n", ';');
  g_assert_cmpstr (line->str + 1, ==, fired);
}

/* Update */

/* Segments under the default model, then under new bounds 100,000 /
 * 20,000 / 5,000, weights usage 50, adoption 10, support 10, relationship
 * 15, NPS 15 and a teams threshold of 3, on the same table.
 *
 *   ARR 150,000: tier 2, then tier 1
 *   ARR  30,000: tier 3, then tier 2
 *   ARR   8,000: tier 4, then tier 3
 *   ARR   4,000: tier 4, then tier 4
 *
 * Every row has DAU/MAU 0.5 (full usage) and adoption 2 / 10. Default:
 * (30 + 4) / 50 = 68. New: (50 + 2) / 60 = 86.67, so 87. Teams 2 fires
 * by default (MEDIUM) and not at 3 (LOW). */
static void
test_segmentation_update (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,ARR,DAU,MAU,Features Used,Features Available,Teams\n"
    "A,150000,50,100,2,10,2\n"
    "B,30000,50,100,2,10,2\n"
    "C,8000,50,100,2,10,2\n"
    "D,4000,50,100,2,10,2\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlModel) changed = NULL;
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);
  const double bounds[3] = { 100000, 20000, 5000 };
  const double weights[TL_N_COMPONENTS] = { 50, 10, 10, 15, 15 };
  const guint before[] = { 2, 3, 4, 4 };
  const guint after[] = { 1, 2, 3, 4 };

  for (guint r = 0; r < 4; r++)
    {
      g_assert_cmpuint (seg->tier[r], ==, before[r]);
      g_assert_cmpuint (seg->health[r], ==, 68);
      g_assert_cmpuint (seg->expansion[r], ==, TL_EXPANSION_MEDIUM);
    }
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_STABLE], ==, 4);

  changed = tl_model_copy (model);
  tl_model_set_thresholds (changed, bounds);
  memcpy (changed->weights, weights, sizeof weights);
  changed->teams = 3;
  tl_segmentation_update (seg, table, changed);

  for (guint r = 0; r < 4; r++)
    {
      g_assert_cmpuint (seg->tier[r], ==, after[r]);
      g_assert_cmpuint (seg->health[r], ==, 87);
      g_assert_cmpuint (seg->expansion[r], ==, TL_EXPANSION_LOW);
    }

  /* The totals are recomputed, not added to the previous ones. */
  g_assert_cmpuint (seg->tiers[1].accounts, ==, 1);
  g_assert_cmpuint (seg->tiers[2].accounts, ==, 1);
  g_assert_cmpuint (seg->tiers[3].accounts, ==, 1);
  g_assert_cmpuint (seg->tiers[4].accounts, ==, 1);
  g_assert_cmpfloat (seg->tiers[1].arr, ==, 150000);
  g_assert_cmpfloat (seg->total_arr, ==, 192000);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_HEALTHY], ==, 4);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_STABLE], ==, 0);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_LOW], ==, 4);
  g_assert_cmpuint (seg->expansion_counts[TL_EXPANSION_MEDIUM], ==, 0);
}

/* Changing the bands alone moves the status, not the score: 68 is Stable
 * at 80 / 60 / 40 and Healthy at 65 / 50 / 30. */
static void
test_segmentation_update_bands (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,DAU,MAU,Features Used,Features Available\nA,50,100,2,10");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);

  g_assert_cmpint (tl_segmentation_get_status (seg, model, 0), ==, TL_HEALTH_STABLE);
  model->band_healthy = 65;
  model->band_stable = 50;
  model->band_at_risk = 30;
  tl_segmentation_update (seg, table, model);
  g_assert_cmpuint (seg->health[0], ==, 68);
  g_assert_cmpint (tl_segmentation_get_status (seg, model, 0), ==, TL_HEALTH_HEALTHY);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_HEALTHY], ==, 1);
  g_assert_cmpuint (seg->health_counts[TL_HEALTH_STABLE], ==, 0);
}

static void
add_cases (const char    *prefix,
           gconstpointer  cases,
           gsize          n,
           gsize          size,
           GTestDataFunc  func)
{
  for (gsize i = 0; i < n; i++)
    {
      gconstpointer c = (const char *) cases + i * size;
      /* Every case struct starts with its name. */
      g_autofree char *path = g_strdup_printf ("/tierline/segmentation/%s/%s", prefix,
                                               *(const char * const *) c);

      g_test_add_data_func (path, c, func);
    }
}

/* Asserts that @seg contains what a fresh segmentation under @model gives. */
static void
assert_same_as_fresh (const TlSegmentation *seg,
                      const TlAccountTable *table,
                      const TlModel        *model)
{
  g_autoptr(TlSegmentation) fresh = tl_segmentation_new (table, model);
  guint n = seg->n_accounts;

  g_assert_cmpmem (seg->tier, n, fresh->tier, n);
  g_assert_cmpmem (seg->health, n, fresh->health, n);
  g_assert_cmpmem (seg->health_flags, n, fresh->health_flags, n);
  g_assert_cmpmem (seg->expansion, n, fresh->expansion, n);
  g_assert_cmpmem (seg->signals_fired, n, fresh->signals_fired, n);
  g_assert_cmpmem (seg->signals_known, n, fresh->signals_known, n);
  g_assert_cmpmem (seg->tiers, sizeof seg->tiers, fresh->tiers, sizeof fresh->tiers);
  g_assert_cmpmem (seg->health_counts, sizeof seg->health_counts,
                   fresh->health_counts, sizeof fresh->health_counts);
  g_assert_cmpmem (seg->expansion_counts, sizeof seg->expansion_counts,
                   fresh->expansion_counts, sizeof fresh->expansion_counts);
  g_assert_cmpfloat (seg->total_arr, ==, fresh->total_arr);
}

/* New tier bounds and health bands move accounts between tiers and
 * statuses without scoring them again, and the results and totals equal
 * a fresh segmentation's. */
static void
test_segmentation_update_tiers (void)
{
  g_autoptr(TlAccountTable) table = table_from_csv (
    "Account,ARR,DAU,MAU,Features Used,Features Available,Teams\n"
    "A,150000,50,100,2,10,2\n"
    "B,30000,10,100,9,10,1\n"
    "C,8000,40,100,5,10,3\n"
    "D,,50,100,2,10,2\n"
    "E,4000,5,100,1,10,1\n");
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlModel) changed = tl_model_copy (model);
  g_autoptr(TlSegmentation) seg = tl_segmentation_new (table, model);
  const double bounds[3] = { 100000, 20000, 5000 };
  const guint after[] = { 1, 2, 3, TL_TIER_NONE, 4 };

  tl_model_set_thresholds (changed, bounds);
  changed->band_healthy = 60;
  changed->band_stable = 45;
  g_assert_true (tl_model_scores_alike (model, changed));

  tl_segmentation_update_tiers (seg, table, changed);
  for (guint r = 0; r < G_N_ELEMENTS (after); r++)
    g_assert_cmpuint (seg->tier[r], ==, after[r]);
  assert_same_as_fresh (seg, table, changed);
}

/* Each parameter a score depends on makes two models score apart; tier,
 * band and capacity parameters do not. */
static void
test_segmentation_scores_alike (void)
{
  g_autoptr(TlModel) model = tl_model_new_default ();
  g_autoptr(TlModel) other = tl_model_copy (model);

  g_assert_true (tl_model_scores_alike (model, other));
  other->tiers[0].lower_bound = 1;
  other->band_at_risk = 10;
  other->headcount = 40;
  other->watch_margin = 0.2;
  g_assert_true (tl_model_scores_alike (model, other));

#define CHANGES(field, value)                         \
  G_STMT_START {                                      \
    g_autoptr(TlModel) apart = tl_model_copy (model); \
    apart->field = (value);                           \
    g_assert_false (tl_model_scores_alike (model, apart)); \
  } G_STMT_END

  CHANGES (weights[TL_COMPONENT_NPS], 14);
  CHANGES (usage_full_ratio, 0.6);
  CHANGES (escalation_penalty, 0.3);
  CHANGES (prefer_external, !model->prefer_external);
  CHANGES (external_inverted, !model->external_inverted);
  CHANGES (seat_utilization, 0.9);
  CHANGES (feature_requests, 4);
  CHANGES (growth, 0.2);
  CHANGES (teams, 3);
  CHANGES (api_spike, 2);
  CHANGES (expansion_high, 4);
  CHANGES (expansion_medium, 2);

#undef CHANGES
}

/* A document given new bounds keeps its scores and matches a fresh
 * segmentation; given new weights it scores every account again. */
static void
test_segmentation_document_model (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "gui-accounts.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 500000, 80000, 20000 };

  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  g_assert_no_error (error);

  model->thresholds_automatic = FALSE;
  tl_model_set_thresholds (model, bounds);
  tl_document_set_model (doc, model);
  assert_same_as_fresh (tl_document_get_segmentation (doc), tl_document_get_table (doc), model);

  model->weights[TL_COMPONENT_USAGE] = 40;
  model->weights[TL_COMPONENT_NPS] = 5;
  tl_document_set_model (doc, model);
  assert_same_as_fresh (tl_document_get_segmentation (doc), tl_document_get_table (doc), model);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_cases ("tier", tier_cases, G_N_ELEMENTS (tier_cases), sizeof tier_cases[0],
             test_segmentation_tier);
  g_test_add_func ("/tierline/segmentation/tier-for-arr", test_segmentation_tier_for_arr);
  g_test_add_func ("/tierline/segmentation/tier-stats", test_segmentation_tier_stats);
  add_cases ("health", health_cases, G_N_ELEMENTS (health_cases), sizeof health_cases[0],
             test_segmentation_health);
  g_test_add_func ("/tierline/segmentation/round-half-away", test_segmentation_round_half_away);
  g_test_add_func ("/tierline/segmentation/round-half-away-out-of-range",
                   test_segmentation_round_half_away_out_of_range);
  add_cases ("band", band_cases, G_N_ELEMENTS (band_cases), sizeof band_cases[0],
             test_segmentation_band);
  g_test_add_func ("/tierline/segmentation/band/none", test_segmentation_band_none);
  g_test_add_func ("/tierline/segmentation/describe-missing",
                   test_segmentation_describe_missing);
  add_cases ("signal", signal_cases, G_N_ELEMENTS (signal_cases), sizeof signal_cases[0],
             test_segmentation_signal);
  g_test_add_func ("/tierline/segmentation/levels", test_segmentation_levels);
  g_test_add_func ("/tierline/segmentation/signal-values", test_segmentation_signal_values);
  g_test_add_func ("/tierline/segmentation/describe-signal", test_segmentation_describe_signal);
  g_test_add_func ("/tierline/segmentation/describe-huge-values",
                   test_segmentation_describe_huge_values);
  g_test_add_func ("/tierline/segmentation/describe-fired-none",
                   test_segmentation_describe_fired_none);
  g_test_add_func ("/tierline/segmentation/describe-count-fraction",
                   test_segmentation_describe_count_fraction);
  g_test_add_func ("/tierline/segmentation/append-fired-separator",
                   test_segmentation_append_fired_separator);
  g_test_add_func ("/tierline/segmentation/update", test_segmentation_update);
  g_test_add_func ("/tierline/segmentation/update-bands", test_segmentation_update_bands);
  g_test_add_func ("/tierline/segmentation/update-tiers", test_segmentation_update_tiers);
  g_test_add_func ("/tierline/segmentation/scores-alike", test_segmentation_scores_alike);
  g_test_add_func ("/tierline/segmentation/document-model", test_segmentation_document_model);

  return g_test_run ();
}
