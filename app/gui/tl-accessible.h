/* tl-accessible.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tl_accessible_set_label             (GtkWidget     *widget,
                                          const char    *label);
void tl_accessible_set_description       (GtkWidget     *widget,
                                          const char    *description);
void tl_accessible_label_menu_button     (GtkMenuButton *button,
                                          const char    *label);
void tl_accessible_label_drop_down       (GtkDropDown   *drop_down,
                                          const char    *name);
void tl_accessible_label_table_row       (GtkWidget     *cell,
                                          const char    *label);

G_END_DECLS
