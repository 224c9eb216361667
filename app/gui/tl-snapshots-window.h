/* tl-snapshots-window.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_SNAPSHOTS_WINDOW (tl_snapshots_window_get_type ())

G_DECLARE_FINAL_TYPE (TlSnapshotsWindow, tl_snapshots_window, TL, SNAPSHOTS_WINDOW, AdwWindow)

TlSnapshotsWindow *tl_snapshots_window_new            (GtkWindow         *parent);
void               tl_snapshots_window_show_snapshots (TlSnapshotsWindow *self,
                                                       GPtrArray         *snapshots,
                                                       const char        *quarter,
                                                       const char        *path);
void               tl_snapshots_window_show_error     (TlSnapshotsWindow *self,
                                                       const char        *message);
const char        *tl_snapshots_window_get_page       (TlSnapshotsWindow *self);
guint              tl_snapshots_window_get_n_snapshots (TlSnapshotsWindow *self);
AdwActionRow      *tl_snapshots_window_get_row        (TlSnapshotsWindow *self,
                                                       guint              index);

G_END_DECLS
