/* tl-book-row.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tl-allocation.h"

G_BEGIN_DECLS

#define TL_TYPE_BOOK_ROW (tl_book_row_get_type ())

G_DECLARE_FINAL_TYPE (TlBookRow, tl_book_row, TL, BOOK_ROW, GObject)

TlBookRow    *tl_book_row_new       (const TlBook *book);
const TlBook *tl_book_row_get_book  (TlBookRow    *self);
const char   *tl_book_row_get_owner (TlBookRow    *self);
int           tl_book_row_compare   (TlBookRow    *a,
                                     TlBookRow    *b,
                                     const char   *column);

G_END_DECLS
