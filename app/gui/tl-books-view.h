/* tl-books-view.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-allocation.h"

G_BEGIN_DECLS

#define TL_TYPE_BOOKS_VIEW (tl_books_view_get_type ())

G_DECLARE_FINAL_TYPE (TlBooksView, tl_books_view, TL, BOOKS_VIEW, GtkWidget)

void           tl_books_view_set_books       (TlBooksView   *self,
                                              GPtrArray     *books,
                                              const TlModel *model,
                                              const char    *currency);
GtkColumnView *tl_books_view_get_column_view (TlBooksView   *self);
GListModel    *tl_books_view_get_books       (TlBooksView   *self);

G_END_DECLS
