/* tl-snapshot-store.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-account-table.h"
#include "tl-segmentation.h"

G_BEGIN_DECLS

#define TL_SNAPSHOT_ERROR (tl_snapshot_error_quark ())

typedef enum
{
  TL_SNAPSHOT_ERROR_FAILED,     /* the database could not be opened, read or written */
  TL_SNAPSHOT_ERROR_BUSY,       /* another program holds the database locked */
  TL_SNAPSHOT_ERROR_CORRUPT,    /* the file is damaged or not a snapshot database */
  TL_SNAPSHOT_ERROR_NEWER,      /* the database is from a newer version */
  TL_SNAPSHOT_ERROR_QUARTER,    /* a quarter is not written like 2026-Q4 */
} TlSnapshotError;

/* The database schema this version writes. */
#define TL_SNAPSHOT_SCHEMA_VERSION 1

/* One saved quarter. */
typedef struct
{
  char  *quarter;      /* "2026-Q4" */
  char  *saved_at;     /* ISO 8601 date and time, UTC */
  char  *source;       /* the file's name */
  guint  accounts;
} TlSnapshotInfo;

typedef struct _TlSnapshotStore TlSnapshotStore;

/* The snapshots of the quarters before the loaded accounts' quarter. */
typedef struct _TlHistory TlHistory;

GQuark           tl_snapshot_error_quark      (void);
char            *tl_snapshot_store_default_path (void);
TlSnapshotStore *tl_snapshot_store_open       (const char           *path,
                                               GError              **error);
void             tl_snapshot_store_close      (TlSnapshotStore      *store);
gboolean         tl_snapshot_store_save       (TlSnapshotStore      *store,
                                               const char           *quarter,
                                               const char           *source,
                                               const TlAccountTable *table,
                                               const TlSegmentation *segmentation,
                                               GError              **error);
GPtrArray       *tl_snapshot_store_list       (TlSnapshotStore      *store,
                                               GError              **error);
gboolean         tl_snapshot_store_delete     (TlSnapshotStore      *store,
                                               const char           *quarter,
                                               GError              **error);
TlHistory       *tl_snapshot_store_load_history (TlSnapshotStore    *store,
                                               const char           *quarter,
                                               GError              **error);
void             tl_history_free              (TlHistory            *history);
const char      *tl_history_get_quarter       (const TlHistory      *history);
guint            tl_history_count_quarters    (const TlHistory      *history);
void             tl_history_flag_moves        (const TlHistory      *history,
                                               const TlAccountTable *table,
                                               TlSegmentation       *segmentation);
void             tl_snapshot_info_free        (TlSnapshotInfo       *info);

gboolean         tl_quarter_is_valid          (const char           *quarter);
char            *tl_quarter_for_date          (GDateTime            *date);
char            *tl_quarter_previous          (const char           *quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSnapshotStore, tl_snapshot_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlSnapshotInfo, tl_snapshot_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlHistory, tl_history_free)

G_END_DECLS
