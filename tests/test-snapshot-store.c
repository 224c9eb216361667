/* test-snapshot-store.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "tl-document.h"
#include "tl-movement.h"
#include "tl-snapshot-store.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("tierline-snapshots-XXXXXX", NULL);
  fixture->db = g_build_filename (fixture->dir, "history", "snapshots.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

/* The three expansion profiles of these files, with teams, feature
 * requests and seats as the only signals:
 *   high  2 teams, 5 requests, 90 of 100 seats: three signals, HIGH
 *   low   1 team, 0 requests, 10 of 100 seats: none fired, LOW
 *   mid   2 teams, 0 requests, 10 of 100 seats: one, MEDIUM */
static const char *
profile (char kind)
{
  switch (kind)
    {
    case 'h':
      return "2,5,100,90";
    case 'l':
      return "1,0,100,10";
    default:
      return "2,0,100,10";
    }
}

/* Writes and reads a file of three accounts: at tier 1 (ARR
 * 400,000), A-3 at tier 2 (ARR 60,000), with the given profiles. @pad
 * goes around each id. */
static TlDocument *
make_padded_document (const char *dir,
                      const char *profiles,
                      const char *pad)
{
  g_autofree char *path = g_build_filename (dir, "accounts.csv", NULL);
  g_autofree char *csv = g_strdup_printf ("Account ID,Account,ARR,Teams,Feature Requests,"
                                          "Seats,Seats Used\n"
                                          "%sA-1%s,Alpha,400000,%s\n%sA-2%s,Beta,400000,%s\n"
                                          "%sA-3%s,Gamma,60000,%s\n",
                                          pad, pad, profile (profiles[0]),
                                          pad, pad, profile (profiles[1]),
                                          pad, pad, profile (profiles[2]));
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 250000, 50000, 10000 };
  g_autoptr(GError) error = NULL;
  TlDocument *doc;

  tl_model_set_thresholds (model, bounds);
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  g_unlink (path);

  return doc;
}

static TlDocument *
make_document (const char *dir,
               const char *profiles)
{
  return make_padded_document (dir, profiles, "");
}

static void
save_quarter (TlSnapshotStore *store,
              const char      *dir,
              const char      *quarter,
              const char      *profiles)
{
  g_autoptr(TlDocument) doc = make_document (dir, profiles);
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_snapshot_store_save (store, quarter, "accounts.csv",
                                         tl_document_get_table (doc),
                                         tl_document_get_segmentation (doc), &error));
  g_assert_no_error (error);
}

static guint
move_flags (TlDocument *doc,
            guint       row)
{
  return tl_document_get_segmentation (doc)->movement[row];
}

static void
test_snapshot_save_list_delete (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(GPtrArray) list = NULL;
  const TlSnapshotInfo *first;

  g_assert_no_error (error);
  save_quarter (store, fixture->dir, "2026-Q1", "hlm");
  save_quarter (store, fixture->dir, "2026-q2", "hlm");
  save_quarter (store, fixture->dir, "2026-Q2", "lll");   /* replaces Q2 */

  list = tl_snapshot_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  first = g_ptr_array_index (list, 0);
  g_assert_cmpstr (first->quarter, ==, "2026-Q2");
  g_assert_cmpuint (first->accounts, ==, 3);
  g_assert_cmpstr (first->source, ==, "accounts.csv");

  g_assert_true (tl_snapshot_store_delete (store, "2026-Q2", &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tl_snapshot_store_list (store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TlSnapshotInfo *) g_ptr_array_index (list, 0))->quarter, ==, "2026-Q1");
}

static void
test_snapshot_promote_after_two_high (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) doc = NULL;

  /* 2026-Q3: A-1 HIGH, A-2 LOW, A-3 HIGH. Now (2026-Q4): A-1 HIGH, A-2
   * HIGH, A-3 MEDIUM. Only A-1 was HIGH in both quarters. */
  save_quarter (store, fixture->dir, "2026-Q3", "hlh");
  doc = make_document (fixture->dir, "hhm");
  tl_document_set_history (doc, tl_snapshot_store_load_history (store, "2026-Q4", &error));
  g_assert_no_error (error);

  g_assert_true (move_flags (doc, 0) & TL_MOVE_PROMOTE_TREND);
  g_assert_false (move_flags (doc, 1) & TL_MOVE_PROMOTE_TREND);
  g_assert_false (move_flags (doc, 2) & TL_MOVE_PROMOTE_TREND);
  g_assert_cmpint (tl_movement_get_kind (move_flags (doc, 0)), ==, TL_MOVE_KIND_PROMOTE);
}

/* Accounts match across quarters by their ids without the spaces at
 * either end, as rows are combined. */
static void
test_snapshot_padded_ids_match (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) past = make_padded_document (fixture->dir, "hlh", " ");
  g_autoptr(TlDocument) doc = NULL;

  g_assert_true (tl_snapshot_store_save (store, "2026-Q3", "accounts.csv",
                                         tl_document_get_table (past),
                                         tl_document_get_segmentation (past), &error));
  g_assert_no_error (error);
  doc = make_document (fixture->dir, "hhm");
  tl_document_set_history (doc, tl_snapshot_store_load_history (store, "2026-Q4", &error));
  g_assert_no_error (error);

  g_assert_true (move_flags (doc, 0) & TL_MOVE_PROMOTE_TREND);
  g_assert_false (move_flags (doc, 1) & TL_MOVE_PROMOTE_TREND);
}

static void
test_snapshot_gap_breaks_run (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) doc = NULL;

  /* HIGH in 2026-Q2, no snapshot of Q3: not consecutive with Q4. */
  save_quarter (store, fixture->dir, "2026-Q2", "hhh");
  doc = make_document (fixture->dir, "hhh");
  tl_document_set_history (doc, tl_snapshot_store_load_history (store, "2026-Q4", &error));

  g_assert_cmpuint (move_flags (doc, 0) & TL_MOVE_PROMOTE_TREND, ==, 0);
}

static void
test_snapshot_demote_after_four_quiet (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) doc = NULL;

  /* A-1 is LOW in 2026-Q1 to Q3 and now; A-2 is LOW in Q2, Q3 and now but
   * MEDIUM in Q1: three quiet quarters are not four. A-3 is tier 2. */
  save_quarter (store, fixture->dir, "2026-Q1", "lml");
  save_quarter (store, fixture->dir, "2026-Q2", "lll");
  save_quarter (store, fixture->dir, "2026-Q3", "lll");
  doc = make_document (fixture->dir, "lll");
  tl_document_set_history (doc, tl_snapshot_store_load_history (store, "2026-Q4", &error));
  g_assert_no_error (error);

  g_assert_true (move_flags (doc, 0) & TL_MOVE_DEMOTE_TREND);
  g_assert_false (move_flags (doc, 1) & TL_MOVE_DEMOTE_TREND);
  g_assert_false (move_flags (doc, 2) & TL_MOVE_DEMOTE_TREND);
}

static void
test_snapshot_trend_follows_model (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlModel) model = NULL;

  save_quarter (store, fixture->dir, "2026-Q3", "hhh");
  doc = make_document (fixture->dir, "hhh");
  tl_document_set_history (doc, tl_snapshot_store_load_history (store, "2026-Q4", &error));
  g_assert_true (move_flags (doc, 0) & TL_MOVE_PROMOTE_TREND);

  /* HIGH at four signals: the three fired now are MEDIUM, so the trend
   * goes away on re-segmenting, without reading the history again. */
  model = tl_model_copy (tl_document_get_model (doc));
  model->expansion_high = 4;
  tl_document_set_model (doc, model);
  g_assert_false (move_flags (doc, 0) & TL_MOVE_PROMOTE_TREND);
}

static void
test_snapshot_corrupt_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->db);

  g_mkdir_with_parents (parent, 0700);
  g_assert_true (g_file_set_contents (fixture->db, "this is not a database, it is text that "
                                      "only looks long enough to be one at first sight\n",
                                      -1, NULL));
  store = tl_snapshot_store_open (fixture->db, &error);

  g_assert_null (store);
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "Move the file aside"));
}

static void
test_snapshot_newer_version (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->db);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (parent, 0700);
  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = tl_snapshot_store_open (fixture->db, &error);
  g_assert_null (store);
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_NEWER);
}

static void
test_snapshot_locked_keeps_history (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlSnapshotStore) store = tl_snapshot_store_open (fixture->db, &error);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GPtrArray) list = NULL;
  sqlite3 *other = NULL;

  save_quarter (store, fixture->dir, "2026-Q3", "hlm");

  /* Another program holds a write lock: the save waits, then fails, and
   * the earlier snapshot is untouched. */
  g_assert_cmpint (sqlite3_open (fixture->db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  doc = make_document (fixture->dir, "lll");
  g_assert_false (tl_snapshot_store_save (store, "2026-Q3", "other.csv",
                                          tl_document_get_table (doc),
                                          tl_document_get_segmentation (doc), &error));
  g_assert_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_BUSY);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_error (&error);
  list = tl_snapshot_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TlSnapshotInfo *) g_ptr_array_index (list, 0))->source, ==, "accounts.csv");
  /* The document itself is unaffected. */
  g_assert_cmpuint (tl_document_get_segmentation (doc)->n_accounts, ==, 3);
}

static void
test_snapshot_quarters (void)
{
  g_autoptr(GDateTime) march = g_date_time_new_utc (2026, 3, 31, 12, 0, 0);
  g_autoptr(GDateTime) october = g_date_time_new_utc (2026, 10, 1, 0, 0, 0);
  g_autofree char *q1 = tl_quarter_for_date (march);
  g_autofree char *q4 = tl_quarter_for_date (october);
  g_autofree char *before_q1 = tl_quarter_previous ("2026-Q1");
  g_autofree char *before_q3 = tl_quarter_previous ("2026-Q3");

  g_assert_cmpstr (q1, ==, "2026-Q1");
  g_assert_cmpstr (q4, ==, "2026-Q4");
  g_assert_cmpstr (before_q1, ==, "2025-Q4");
  g_assert_cmpstr (before_q3, ==, "2026-Q2");
  g_assert_true (tl_quarter_is_valid ("2026-q2"));
  g_assert_false (tl_quarter_is_valid ("2026-Q5"));
  g_assert_false (tl_quarter_is_valid ("Q4 2026"));
  g_assert_false (tl_quarter_is_valid (""));
}

static void
add_test (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/tierline/snapshot/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("save-list-delete", test_snapshot_save_list_delete);
  add_test ("promote-after-two-high", test_snapshot_promote_after_two_high);
  add_test ("padded-ids-match", test_snapshot_padded_ids_match);
  add_test ("gap-breaks-run", test_snapshot_gap_breaks_run);
  add_test ("demote-after-four-quiet", test_snapshot_demote_after_four_quiet);
  add_test ("trend-follows-model", test_snapshot_trend_follows_model);
  add_test ("corrupt-file", test_snapshot_corrupt_file);
  add_test ("newer-version", test_snapshot_newer_version);
  add_test ("locked-keeps-history", test_snapshot_locked_keeps_history);
  g_test_add_func ("/tierline/snapshot/quarters", test_snapshot_quarters);

  return g_test_run ();
}
