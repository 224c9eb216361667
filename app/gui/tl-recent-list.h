/* tl-recent-list.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_RECENT_LIST (tl_recent_list_get_type ())

G_DECLARE_FINAL_TYPE (TlRecentList, tl_recent_list, TL, RECENT_LIST, GtkWidget)

GtkWidget    *tl_recent_list_new         (void);
void          tl_recent_list_set_uris    (TlRecentList       *self,
                                          const char * const *uris);
guint         tl_recent_list_get_n_rows  (TlRecentList       *self);
AdwActionRow *tl_recent_list_get_row     (TlRecentList       *self,
                                          guint               index);
gboolean      tl_recent_list_row_is_missing (TlRecentList    *self,
                                             guint            index);

G_END_DECLS
