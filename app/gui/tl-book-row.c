/* tl-book-row.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-book-row"

#include "config.h"

#include <string.h>

#include "tl-book-row.h"

/* One CSM's book of business as an item of the books table: a copy of the
 * core's TlBook, so the row outlives the array it came from. */

struct _TlBookRow
{
  GObject  parent_instance;

  TlBook   book;
  char    *collate_key;   /* of the owner, for sorting by name */
};

G_DEFINE_FINAL_TYPE (TlBookRow, tl_book_row, G_TYPE_OBJECT)

static void
tl_book_row_finalize (GObject *object)
{
  TlBookRow *self = TL_BOOK_ROW (object);

  g_free (self->book.owner);
  g_free (self->collate_key);

  G_OBJECT_CLASS (tl_book_row_parent_class)->finalize (object);
}

static void
tl_book_row_class_init (TlBookRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tl_book_row_finalize;
}

static void
tl_book_row_init (TlBookRow *self)
{
}

TlBookRow *
tl_book_row_new (const TlBook *book)
{
  TlBookRow *self;

  g_return_val_if_fail (book != NULL, NULL);

  self = g_object_new (TL_TYPE_BOOK_ROW, NULL);
  self->book = *book;
  self->book.owner = g_strdup (book->owner);
  if (book->owner != NULL)
    self->collate_key = g_utf8_collate_key (book->owner, -1);

  return self;
}

/**
 * tl_book_row_get_book:
 * @self: a #TlBookRow
 *
 * Returns: (transfer none): the book; its owner is %NULL for the accounts
 *   without an owner
 */
const TlBook *
tl_book_row_get_book (TlBookRow *self)
{
  g_return_val_if_fail (TL_IS_BOOK_ROW (self), NULL);

  return &self->book;
}

/**
 * tl_book_row_get_owner:
 * @self: a #TlBookRow
 *
 * Returns: (nullable): the CSM, or %NULL for the accounts without an owner
 */
const char *
tl_book_row_get_owner (TlBookRow *self)
{
  g_return_val_if_fail (TL_IS_BOOK_ROW (self), NULL);

  return self->book.owner;
}

static int
compare_numbers (double a,
                 double b)
{
  return (a > b) - (a < b);
}

/* The states in the order a sort by state lists them: the books that need
 * attention first. */
static int
state_rank (TlBookState state)
{
  switch (state)
    {
    case TL_BOOK_OVERLOADED:
      return 0;
    case TL_BOOK_UNDERUSED:
      return 1;
    case TL_BOOK_BALANCED:
      return 2;
    case TL_BOOK_UNASSIGNED:
    default:
      return 3;
    }
}

/**
 * tl_book_row_compare:
 * @a: a row
 * @b: another row
 * @column: "owner", "tier-1" to "tier-4", "accounts", "arr", "load" or
 *   "state"
 *
 * Compares two books by one column, ascending. The accounts without an
 * owner sort after every owner by name.
 *
 * Returns: a negative number, 0 or a positive number
 */
int
tl_book_row_compare (TlBookRow  *a,
                     TlBookRow  *b,
                     const char *column)
{
  const TlBook *x = &a->book, *y = &b->book;

  if (g_str_equal (column, "owner"))
    {
      if (a->collate_key == NULL || b->collate_key == NULL)
        return (a->collate_key == NULL) - (b->collate_key == NULL);
      return strcmp (a->collate_key, b->collate_key);
    }
  if (g_str_has_prefix (column, "tier-") && column[5] >= '1' && column[5] <= '4')
    {
      guint tier = column[5] - '0';

      return compare_numbers (x->accounts[tier], y->accounts[tier]);
    }
  if (g_str_equal (column, "accounts"))
    return compare_numbers (x->total_accounts, y->total_accounts);
  if (g_str_equal (column, "arr"))
    return compare_numbers (x->total_arr, y->total_arr);
  if (g_str_equal (column, "load"))
    return compare_numbers (x->load, y->load);
  if (g_str_equal (column, "state"))
    return state_rank (x->state) - state_rank (y->state);

  g_return_val_if_reached (0);
}
