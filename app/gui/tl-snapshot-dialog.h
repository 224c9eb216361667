/* tl-snapshot-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_SNAPSHOT_DIALOG (tl_snapshot_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlSnapshotDialog, tl_snapshot_dialog, TL, SNAPSHOT_DIALOG, AdwMessageDialog)

TlSnapshotDialog *tl_snapshot_dialog_new           (GtkWindow          *parent,
                                                    const char * const *quarters,
                                                    const char         *chosen);
const char       *tl_snapshot_dialog_get_quarter   (TlSnapshotDialog   *self);
gboolean          tl_snapshot_dialog_set_quarter   (TlSnapshotDialog   *self,
                                                    const char         *quarter);
GtkDropDown      *tl_snapshot_dialog_get_drop_down (TlSnapshotDialog   *self);

G_END_DECLS
