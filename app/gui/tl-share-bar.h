/* tl-share-bar.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-model.h"

G_BEGIN_DECLS

#define TL_TYPE_SHARE_BAR (tl_share_bar_get_type ())

G_DECLARE_FINAL_TYPE (TlShareBar, tl_share_bar, TL, SHARE_BAR, GtkWidget)

GtkWidget *tl_share_bar_new       (void);
void       tl_share_bar_set_share (TlShareBar *self,
                                   guint       tier,
                                   double      share,
                                   const char *tooltip);
double     tl_share_bar_get_share (TlShareBar *self,
                                   guint       tier);

G_END_DECLS
