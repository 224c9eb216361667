/* test-movement.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "tl-document.h"
#include "tl-movement.h"

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

typedef struct
{
  char       *dir;
  char       *path;
  TlDocument *doc;
} Fixture;

/* Accounts under the bounds 250,000 / 50,000 / 10,000, a 10 % watch
 * margin and a 90-day renewal window. Tier 4 holds E, F, G and H, so its
 * top tenth is one account, E. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *const *labels = data;
  g_autofree char *soon = date_from_today (30);
  g_autofree char *edge = date_from_today (90);
  g_autofree char *later = date_from_today (91);
  g_autofree char *past = date_from_today (-5);
  g_autofree char *csv = g_strdup_printf (
    "Account,ARR,Tier,Renewal Date\n"
    "A,300000,Tier 2,%s\n"      /* tier 1 against 2: promote */
    "B,40000,Growth,%s\n"       /* tier 3 against 2: demote, renews in 30 days */
    "C,225000,T2,%s\n"          /* 225,000 is 90 %% of 250,000: watch up */
    "D,54999,2,%s\n"            /* below 110 %% of 50,000: watch down */
    "E,9000,Tier 4,\n"          /* 90 %% of 10,000: review, watch up */
    "F,1000,Enterprise,\n"      /* no such tier unless labelled */
    "G,5000,tier-4,\n"          /* tier 4, not in the top tenth: nothing */
    "H,2000,,\n"                /* no current tier: nothing */
    "I,55000,Tier 2,%s\n",      /* 110 %% of 50,000 exactly: not near */
    soon, soon, edge, later, past);
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 250000, 50000, 10000 };
  g_autoptr(GError) error = NULL;

  tl_model_set_thresholds (model, bounds);
  if (labels != NULL)
    {
      g_strfreev (model->tier_labels);
      model->tier_labels = g_strdupv ((char **) labels);
    }

  fixture->dir = g_dir_make_tmp ("tierline-movement-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "accounts.csv", NULL);
  g_assert_true (g_file_set_contents (fixture->path, csv, -1, NULL));
  fixture->doc = tl_document_read (fixture->path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (fixture->doc, NULL, model, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->doc);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static guint
flags_of (Fixture *fixture,
          guint    row)
{
  return tl_document_get_segmentation (fixture->doc)->movement[row];
}

static void
test_movement_rules (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpuint (flags_of (fixture, 0), ==, TL_MOVE_PROMOTE | TL_MOVE_AT_RENEWAL);
  g_assert_cmpuint (flags_of (fixture, 1), ==, TL_MOVE_DEMOTE | TL_MOVE_AT_RENEWAL);
  /* C renews in exactly 90 days: still at renewal. */
  g_assert_cmpuint (flags_of (fixture, 2), ==, TL_MOVE_WATCH_UP | TL_MOVE_AT_RENEWAL);
  /* D renews in 91 days: not at renewal. */
  g_assert_cmpuint (flags_of (fixture, 3), ==, TL_MOVE_WATCH_DOWN);
  g_assert_cmpuint (flags_of (fixture, 4), ==, TL_MOVE_REVIEW | TL_MOVE_WATCH_UP);
  g_assert_cmpuint (flags_of (fixture, 5), ==, 0);
  g_assert_cmpuint (flags_of (fixture, 6), ==, 0);
  g_assert_cmpuint (flags_of (fixture, 7), ==, 0);
  g_assert_cmpuint (flags_of (fixture, 8), ==, 0);
}

static void
test_movement_kinds (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpint (tl_movement_get_kind (flags_of (fixture, 0)), ==, TL_MOVE_KIND_PROMOTE);
  g_assert_cmpint (tl_movement_get_kind (flags_of (fixture, 1)), ==, TL_MOVE_KIND_DEMOTE);
  g_assert_cmpint (tl_movement_get_kind (flags_of (fixture, 3)), ==, TL_MOVE_KIND_WATCH);
  g_assert_cmpint (tl_movement_get_kind (flags_of (fixture, 4)), ==, TL_MOVE_KIND_REVIEW);
  g_assert_cmpint (tl_movement_get_kind (flags_of (fixture, 7)), ==, TL_MOVE_KIND_NONE);
}

static void
test_movement_unknown_label_reported (Fixture       *fixture,
                                      gconstpointer  data)
{
  TlImportReport *report = tl_document_get_report (fixture->doc);

  /* "Enterprise" on line 7 matches no tier number or name; listed once. */
  g_assert_cmpuint (tl_import_report_count_kind (report, TL_ISSUE_UNKNOWN_TIER), ==, 1);
  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      if (issue->kind == TL_ISSUE_UNKNOWN_TIER)
        {
          g_assert_cmpstr (issue->value, ==, "Enterprise");
          g_assert_cmpuint (issue->line, ==, 7);
        }
    }
}

static const char *const enterprise_labels[] = { "Enterprise=1", NULL };

static void
test_movement_user_label (Fixture       *fixture,
                          gconstpointer  data)
{
  /* With Enterprise matched to tier 1, F (tier 4) is a demotion. */
  g_assert_cmpuint (flags_of (fixture, 5), ==, TL_MOVE_DEMOTE);
  g_assert_cmpuint (tl_import_report_count_kind (tl_document_get_report (fixture->doc),
                                                 TL_ISSUE_UNKNOWN_TIER), ==, 0);
}

static void
test_movement_explain (Fixture       *fixture,
                       gconstpointer  data)
{
  const TlAccountTable *table = tl_document_get_table (fixture->doc);
  const TlSegmentation *seg = tl_document_get_segmentation (fixture->doc);
  const TlModel *model = tl_document_get_model (fixture->doc);
  g_autofree char *demote = tl_movement_explain (table, seg, model, 1);
  g_autofree char *watch = tl_movement_explain (table, seg, model, 3);
  g_autofree char *none = tl_movement_explain (table, seg, model, 7);

  g_assert_nonnull (strstr (demote, "Demote: ARR $40,000 puts it in tier 3 (Scale)"));
  g_assert_nonnull (strstr (demote, "“Growth”"));
  g_assert_nonnull (strstr (demote, "At renewal: it renews on"));
  g_assert_nonnull (strstr (watch, "$54,999 is less than 10 % above $50,000"));
  g_assert_null (none);
}

typedef struct
{
  const char *label;
  int         tier;
} LabelCase;

static void
test_movement_parse_labels (void)
{
  static const LabelCase cases[] = {
    { "1", 1 }, { "Tier 2", 2 }, { "tier-3", 3 }, { "T4", 4 }, { " t 1 ", 1 },
    { "Strategic", 1 }, { "long tail", 4 }, { "Tier 5", 0 }, { "Gold", 0 }, { "", 0 },
    { "T", 0 }, { "12", 0 },
  };
  g_autoptr(TlModel) model = tl_model_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("label “%s”", cases[i].label);
      g_assert_cmpint (tl_movement_parse_tier_label (model, cases[i].label), ==, cases[i].tier);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tierline/movement/rules", Fixture, NULL, fixture_set_up,
              test_movement_rules, fixture_tear_down);
  g_test_add ("/tierline/movement/kinds", Fixture, NULL, fixture_set_up,
              test_movement_kinds, fixture_tear_down);
  g_test_add ("/tierline/movement/unknown-label-reported", Fixture, NULL, fixture_set_up,
              test_movement_unknown_label_reported, fixture_tear_down);
  g_test_add ("/tierline/movement/user-label", Fixture, enterprise_labels, fixture_set_up,
              test_movement_user_label, fixture_tear_down);
  g_test_add ("/tierline/movement/explain", Fixture, NULL, fixture_set_up,
              test_movement_explain, fixture_tear_down);
  g_test_add_func ("/tierline/movement/parse-labels", test_movement_parse_labels);

  return g_test_run ();
}
