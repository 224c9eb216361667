/* tl-context-menu.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *tl_context_menu_attach (GtkWidget  *widget,
                                   GMenuModel *model);
void       tl_context_menu_popup  (GtkWidget  *menu);

G_END_DECLS
