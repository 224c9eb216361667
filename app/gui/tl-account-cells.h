/* tl-account-cells.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-movement.h"

G_BEGIN_DECLS

/* Handlers for the "setup" and "bind" signals of the account table's
 * GtkSignalListItemFactory objects. Items are TlAccountRow objects. Bind
 * handlers set every CSS class that depends on the account, because cell
 * widgets are recycled between rows. */

void tl_account_cells_setup_text      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_number    (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_date      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_name      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_arr       (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_tier      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_health    (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_expansion (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_setup_movement  (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);

void tl_account_cells_bind_name       (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_arr        (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_tier       (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_health     (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_expansion  (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_movement   (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_seats_used (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_owner      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void tl_account_cells_bind_renewal    (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);

const char *tl_move_kind_get_icon_name (TlMoveKind kind);
const char *tl_move_kind_get_css_class (TlMoveKind kind);

G_END_DECLS
