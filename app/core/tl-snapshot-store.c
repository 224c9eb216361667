/* tl-snapshot-store.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-snapshot-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "tl-movement.h"
#include "tl-snapshot-store.h"

/* How long a write waits for another program's lock, in milliseconds. */
#define BUSY_TIMEOUT_MS 2000

struct _TlSnapshotStore
{
  sqlite3 *db;
  char    *path;
};

G_DEFINE_QUARK (tl-snapshot-error-quark, tl_snapshot_error)

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS snapshot ("
  "  quarter TEXT PRIMARY KEY,"
  "  saved_at TEXT NOT NULL,"
  "  source TEXT,"
  "  accounts INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS account ("
  "  quarter TEXT NOT NULL REFERENCES snapshot (quarter) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  tier INTEGER NOT NULL,"
  "  health INTEGER,"
  "  expansion INTEGER NOT NULL,"
  "  signals INTEGER NOT NULL,"
  "  arr REAL,"
  "  PRIMARY KEY (quarter, key));";

/* Turns an SQLite failure into an error that says what to do; the window
 * and the command line go on without history. */
static void
set_sqlite_error (TlSnapshotStore  *self,
                  int               rc,
                  GError          **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_BUSY,
                   _("The snapshot history “%s” is locked by another program. Close the "
                     "other Tierline window or program and try again."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_CORRUPT,
                   _("The snapshot history “%s” is damaged or not a Tierline history. Move "
                     "the file aside to start a new history."), name);
      break;
    default:
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_FAILED,
                   _("The snapshot history “%s” could not be used: %s."), name, detail);
      break;
    }
}

/* Returns the history's place: tierline/snapshots.db in the user's data
 * folder. */
char *
tl_snapshot_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tierline", "snapshots.db", NULL);
}

static gboolean
exec_sql (TlSnapshotStore  *self,
          const char       *sql,
          GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  set_sqlite_error (self, rc, error);
  return FALSE;
}

static gboolean
read_version (TlSnapshotStore  *self,
              int              *version,
              GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  set_sqlite_error (self, rc, error);
  return FALSE;
}

/* Checks the version and creates the tables of a new history. */
static gboolean
prepare_schema (TlSnapshotStore  *self,
                GError          **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  int version = 0;

  if (!read_version (self, &version, error))
    return FALSE;

  if (version > TL_SNAPSHOT_SCHEMA_VERSION)
    {
      g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_NEWER,
                   _("The snapshot history “%s” was written by a newer version of Tierline. "
                     "Update Tierline to use it."), name);
      return FALSE;
    }

  if (version == 0)
    return exec_sql (self, "BEGIN IMMEDIATE", error)
           && (exec_sql (self, schema, error)
               && exec_sql (self, "PRAGMA user_version = 1", error)
               && exec_sql (self, "COMMIT", error));

  /* Reading the tables finds damage that the header did not show. */
  return exec_sql (self, "SELECT count(*) FROM snapshot; SELECT count(*) FROM account", error);
}

/**
 * tl_snapshot_store_open:
 * @path: the database file; its folder is created when missing
 * @error: return location for a %TL_SNAPSHOT_ERROR
 *
 * Opens the quarterly history, creating it when new.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL when the file
 *   is locked, damaged, from a newer version or cannot be created
 */
TlSnapshotStore *
tl_snapshot_store_open (const char  *path,
                        GError     **error)
{
  g_autoptr(TlSnapshotStore) self = g_new0 (TlSnapshotStore, 1);
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error) || !prepare_schema (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
tl_snapshot_store_close (TlSnapshotStore *store)
{
  if (store == NULL)
    return;

  if (store->db != NULL)
    sqlite3_close (store->db);
  g_free (store->path);
  g_free (store);
}

void
tl_snapshot_info_free (TlSnapshotInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->quarter);
  g_free (info->saved_at);
  g_free (info->source);
  g_free (info);
}

/* Returns whether @quarter is written like "2026-Q4". */
gboolean
tl_quarter_is_valid (const char *quarter)
{
  return quarter != NULL && strlen (quarter) == 7
         && g_ascii_isdigit (quarter[0]) && g_ascii_isdigit (quarter[1])
         && g_ascii_isdigit (quarter[2]) && g_ascii_isdigit (quarter[3])
         && quarter[4] == '-' && (quarter[5] == 'Q' || quarter[5] == 'q')
         && quarter[6] >= '1' && quarter[6] <= '4';
}

/* Returns the quarter @date falls in, such as "2026-Q4". */
char *
tl_quarter_for_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return g_strdup_printf ("%04d-Q%d", g_date_time_get_year (date),
                          (g_date_time_get_month (date) - 1) / 3 + 1);
}

/* Returns the quarter before @quarter: "2026-Q1" gives "2025-Q4". */
char *
tl_quarter_previous (const char *quarter)
{
  int year, q;

  g_return_val_if_fail (tl_quarter_is_valid (quarter), NULL);

  year = atoi (quarter);
  q = quarter[6] - '0';

  return q > 1 ? g_strdup_printf ("%04d-Q%d", year, q - 1)
               : g_strdup_printf ("%04d-Q4", year - 1);
}

static gboolean
check_quarter (const char  *quarter,
               GError     **error)
{
  if (tl_quarter_is_valid (quarter))
    return TRUE;

  g_set_error (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_QUARTER,
               _("Invalid quarter “%s”: write the year and the quarter, such as 2026-Q4."),
               quarter != NULL ? quarter : "");
  return FALSE;
}

/* Returns the key accounts match by across quarters: the id when the file
 * has an id column, else the name, without white space at either end, as
 * rows are combined. NULL when the account has neither. A key that had
 * white space is a copy, which @copy returns for the caller to free. */
static const char *
account_key (const TlAccountTable  *table,
             guint                  row,
             char                 **copy)
{
  const char *key = tl_account_table_has_field (table, TL_FIELD_ID)
                    ? tl_account_table_get_text (table, TL_FIELD_ID, row)
                    : tl_account_table_get_display_name (table, row);
  gsize len;

  *copy = NULL;
  if (key == NULL || *key == '\0')
    return NULL;

  len = strlen (key);
  if (g_ascii_isspace (key[0]) || g_ascii_isspace (key[len - 1]))
    key = *copy = g_strstrip (g_strdup (key));

  return *key != '\0' ? key : NULL;
}

static int
count_bits (guint bits)
{
  int n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

static int
insert_accounts (TlSnapshotStore      *self,
                 const char           *quarter,
                 const TlAccountTable *table,
                 const TlSegmentation *seg)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "INSERT OR IGNORE INTO account (quarter, key, tier, health, "
                               "expansion, signals, arr) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               -1, &stmt, NULL);

  for (guint r = 0; rc == SQLITE_OK && r < seg->n_accounts; r++)
    {
      g_autofree char *copy = NULL;
      const char *key = account_key (table, r, &copy);
      double arr = tl_account_table_get_arr (table)[r];

      if (key == NULL)
        continue;

      sqlite3_bind_text (stmt, 1, quarter, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, seg->tier[r]);
      if (seg->health[r] == TL_HEALTH_ABSENT)
        sqlite3_bind_null (stmt, 4);
      else
        sqlite3_bind_int (stmt, 4, seg->health[r]);
      sqlite3_bind_int (stmt, 5, seg->expansion[r]);
      sqlite3_bind_int (stmt, 6, count_bits (seg->signals_fired[r]));
      if (isnan (arr))
        sqlite3_bind_null (stmt, 7);
      else
        sqlite3_bind_double (stmt, 7, arr);

      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  return rc;
}

/**
 * tl_snapshot_store_save:
 * @store: the history
 * @quarter: the quarter, such as "2026-Q4"; an earlier snapshot of it is
 *   replaced
 * @source: (nullable): the accounts file's name
 * @table: the accounts
 * @segmentation: their results
 * @error: return location for an error
 *
 * Saves each account's tier, health, expansion and signal count under its
 * key (see the history rules). The write is one transaction: on any
 * failure the history stays as it was.
 *
 * Returns: %TRUE when saved
 */
gboolean
tl_snapshot_store_save (TlSnapshotStore      *store,
                        const char           *quarter,
                        const char           *source,
                        const TlAccountTable *table,
                        const TlSegmentation *segmentation,
                        GError              **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL && table != NULL && segmentation != NULL, FALSE);

  if (!check_quarter (quarter, error))
    return FALSE;
  upper = g_ascii_strup (quarter, -1);

  rc = sqlite3_exec (store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (store->db, "DELETE FROM snapshot WHERE quarter = ?", -1, &stmt,
                             NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (store->db);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (store->db, "INSERT INTO snapshot (quarter, saved_at, source, "
                             "accounts) VALUES (?, ?, ?, ?)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, saved_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, source, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, segmentation->n_accounts);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (store->db);
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    rc = insert_accounts (store, upper, table, segmentation);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (store->db, "COMMIT", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  set_sqlite_error (store, rc, error);
  sqlite3_exec (store->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * tl_snapshot_store_list:
 * @store: the history
 * @error: return location for an error
 *
 * Lists the saved quarters, newest first.
 *
 * Returns: (transfer container) (element-type TlSnapshotInfo) (nullable):
 *   the snapshots, or %NULL on error
 */
GPtrArray *
tl_snapshot_store_list (TlSnapshotStore  *store,
                        GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tl_snapshot_info_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, NULL);

  rc = sqlite3_prepare_v2 (store->db, "SELECT quarter, saved_at, source, accounts FROM snapshot "
                           "ORDER BY quarter DESC", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TlSnapshotInfo *info = g_new0 (TlSnapshotInfo, 1);

      info->quarter = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->saved_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->accounts = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, info);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* Deletes the snapshot of @quarter and its accounts. */
gboolean
tl_snapshot_store_delete (TlSnapshotStore  *store,
                          const char       *quarter,
                          GError          **error)
{
  g_autofree char *upper = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (store != NULL, FALSE);

  if (!check_quarter (quarter, error))
    return FALSE;
  upper = g_ascii_strup (quarter, -1);

  rc = sqlite3_prepare_v2 (store->db, "DELETE FROM snapshot WHERE quarter = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, upper, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (store->db);
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK)
    return TRUE;

  set_sqlite_error (store, rc, error);
  return FALSE;
}

#define N_TREND_QUARTERS 3   /* quarters before the current one that the rules look at */

/* One account in one past quarter. */
typedef struct
{
  guint8 tier;
  guint8 expansion;
  guint8 signals;
} PastAccount;

/* Loads a quarter's accounts by key, or returns NULL when the quarter has
 * no snapshot. */
static GHashTable *
load_quarter (TlSnapshotStore  *store,
              const char       *quarter,
              GError          **error)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (store->db, "SELECT 1 FROM snapshot WHERE quarter = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, quarter, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      found = rc == SQLITE_ROW;
      rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc == SQLITE_OK && !found)
    return NULL;

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (store->db, "SELECT key, tier, expansion, signals FROM account "
                             "WHERE quarter = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    sqlite3_bind_text (stmt, 1, quarter, -1, SQLITE_STATIC);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PastAccount *past = g_new (PastAccount, 1);

      past->tier = sqlite3_column_int (stmt, 1);
      past->expansion = sqlite3_column_int (stmt, 2);
      past->signals = sqlite3_column_int (stmt, 3);
      g_hash_table_insert (accounts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           past);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

/* Returns whether the account was tier 1 with expansion LOW (no signal
 * fired, some known) in every one of @n past quarters. */
static gboolean
quiet_tier_one (GHashTable **past,
                guint        n,
                const char  *key)
{
  for (guint q = 0; q < n; q++)
    {
      const PastAccount *a = past[q] != NULL ? g_hash_table_lookup (past[q], key) : NULL;

      if (a == NULL || a->tier != 1 || a->expansion != TL_EXPANSION_LOW)
        return FALSE;
    }

  return TRUE;
}

struct _TlHistory
{
  char       *quarter;                    /* the quarter of the loaded accounts */
  GHashTable *past[N_TREND_QUARTERS];     /* the quarters before it, newest first */
};

/**
 * tl_snapshot_store_load_history:
 * @store: the history
 * @quarter: the quarter the loaded accounts are, such as "2026-Q4"
 * @error: return location for an error
 *
 * Loads the snapshots of the three quarters before @quarter, for
 * tl_history_flag_moves().
 *
 * Returns: (transfer full) (nullable): the history, or %NULL on error
 */
TlHistory *
tl_snapshot_store_load_history (TlSnapshotStore  *store,
                                const char       *quarter,
                                GError          **error)
{
  g_autoptr(TlHistory) history = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  if (!check_quarter (quarter, error))
    return NULL;

  history = g_new0 (TlHistory, 1);
  history->quarter = g_ascii_strup (quarter, -1);
  current = g_strdup (history->quarter);
  for (guint q = 0; q < N_TREND_QUARTERS; q++)
    {
      g_autoptr(GError) local = NULL;
      char *previous = tl_quarter_previous (current);

      g_free (current);
      current = previous;
      history->past[q] = load_quarter (store, current, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  return g_steal_pointer (&history);
}

void
tl_history_free (TlHistory *history)
{
  if (history == NULL)
    return;

  for (guint q = 0; q < N_TREND_QUARTERS; q++)
    g_clear_pointer (&history->past[q], g_hash_table_unref);
  g_free (history->quarter);
  g_free (history);
}

const char *
tl_history_get_quarter (const TlHistory *history)
{
  g_return_val_if_fail (history != NULL, NULL);

  return history->quarter;
}

/* Returns how many quarters before the current one have a snapshot. */
guint
tl_history_count_quarters (const TlHistory *history)
{
  guint n = 0;

  g_return_val_if_fail (history != NULL, 0);

  for (guint q = 0; q < N_TREND_QUARTERS; q++)
    n += history->past[q] != NULL;

  return n;
}

/**
 * tl_history_flag_moves:
 * @history: the snapshots before the current quarter
 * @table: the loaded accounts
 * @segmentation: their results; trend flags are added to its movement
 *
 * Applies the rules that need consecutive quarters, with the loaded
 * accounts as the current quarter. Expansion HIGH now and in the previous
 * quarter flags a promotion; tier 1 with no expansion signal now and in
 * each of the three previous quarters flags a demotion review. A quarter
 * without a snapshot breaks the run, so its rule does not fire. Accounts
 * match by id, or by name when the file has no id column.
 */
void
tl_history_flag_moves (const TlHistory      *history,
                       const TlAccountTable *table,
                       TlSegmentation       *segmentation)
{
  g_return_if_fail (history != NULL && table != NULL && segmentation != NULL);

  for (guint r = 0; r < segmentation->n_accounts; r++)
    {
      g_autofree char *copy = NULL;
      const char *key = account_key (table, r, &copy);
      const PastAccount *last = key != NULL && history->past[0] != NULL
                                ? g_hash_table_lookup (history->past[0], key) : NULL;

      if (last == NULL)
        continue;
      if (segmentation->expansion[r] == TL_EXPANSION_HIGH && last->expansion == TL_EXPANSION_HIGH)
        segmentation->movement[r] |= TL_MOVE_PROMOTE_TREND;
      if (segmentation->tier[r] == 1 && segmentation->expansion[r] == TL_EXPANSION_LOW
          && quiet_tier_one ((GHashTable **) history->past, N_TREND_QUARTERS, key))
        segmentation->movement[r] |= TL_MOVE_DEMOTE_TREND;
    }
}
