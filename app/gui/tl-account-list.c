/* tl-account-list.c
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


#define G_LOG_DOMAIN "tl-account-list"

#include "tl-account-list.h"
#include "tl-account-row.h"

/* The accounts of a document in display order. The list stores no
 * objects: order[position] is a row of the document's table, and
 * get_item() creates a small TlAccountRow for it on demand, so a million
 * accounts cost four bytes each. Sorting permutes order[] in the core. */
struct _TlAccountList
{
  GObject     parent_instance;

  TlDocument *document;
  guint32    *order;
  guint       n_items;
  TlSortKey   sort_key;
  gboolean    descending;
};

static void tl_account_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TlAccountList, tl_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tl_account_list_model_init))

static GType
tl_account_list_get_item_type (GListModel *model)
{
  return TL_TYPE_ACCOUNT_ROW;
}

static guint
tl_account_list_get_n_items (GListModel *model)
{
  return TL_ACCOUNT_LIST (model)->n_items;
}

static gpointer
tl_account_list_get_item (GListModel *model,
                          guint       position)
{
  TlAccountList *self = TL_ACCOUNT_LIST (model);

  if (position >= self->n_items)
    return NULL;

  return tl_account_row_new (self->document, self->order[position]);
}

static void
tl_account_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tl_account_list_get_item_type;
  iface->get_n_items = tl_account_list_get_n_items;
  iface->get_item = tl_account_list_get_item;
}

static void
tl_account_list_dispose (GObject *object)
{
  TlAccountList *self = TL_ACCOUNT_LIST (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (tl_account_list_parent_class)->dispose (object);
}

static void
tl_account_list_finalize (GObject *object)
{
  TlAccountList *self = TL_ACCOUNT_LIST (object);

  g_clear_pointer (&self->order, g_free);

  G_OBJECT_CLASS (tl_account_list_parent_class)->finalize (object);
}

static void
tl_account_list_class_init (TlAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tl_account_list_dispose;
  object_class->finalize = tl_account_list_finalize;
}

static void
tl_account_list_init (TlAccountList *self)
{
  self->sort_key = TL_SORT_NONE;
}

/**
 * tl_account_list_new:
 * @document: a document whose segmentation is ready
 *
 * Creates the list of the document's accounts, in file order.
 *
 * Returns: (transfer full): a new #TlAccountList
 */
TlAccountList *
tl_account_list_new (TlDocument *document)
{
  TlAccountList *self;
  const TlAccountTable *table;

  g_return_val_if_fail (TL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (tl_document_is_ready (document), NULL);

  table = tl_document_get_table (document);

  self = g_object_new (TL_TYPE_ACCOUNT_LIST, NULL);
  self->document = g_object_ref (document);
  self->n_items = tl_account_table_get_n_rows (table);
  self->order = g_new (guint32, MAX (self->n_items, 1));

  for (guint i = 0; i < self->n_items; i++)
    self->order[i] = i;

  return self;
}

/**
 * tl_account_list_get_document:
 * @self: a #TlAccountList
 *
 * Returns: (transfer none): the document whose accounts the list shows
 */
TlDocument *
tl_account_list_get_document (TlAccountList *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_LIST (self), NULL);

  return self->document;
}

/**
 * tl_account_list_sort:
 * @self: a #TlAccountList
 * @key: the column to sort by; %TL_SORT_NONE restores the file order
 * @descending: whether the largest value comes first
 *
 * Sorts the accounts and emits #GListModel::items-changed over the whole
 * list. Accounts without a value come last in both directions.
 *
 * Every consumer of the list walks all items on that signal, so for large
 * lists detach the list from its views and selection models first, sort,
 * then attach a new selection model.
 */
void
tl_account_list_sort (TlAccountList *self,
                      TlSortKey      key,
                      gboolean       descending)
{
  g_return_if_fail (TL_IS_ACCOUNT_LIST (self));
  g_return_if_fail (key < TL_N_SORT_KEYS);

  tl_account_sort (tl_document_get_table (self->document),
                   tl_document_get_segmentation (self->document),
                   key, descending, self->order, self->n_items);
  self->sort_key = key;
  self->descending = descending;

  g_debug ("Sorted %u accounts by key %d%s", self->n_items, key,
           descending ? ", descending" : "");

  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
}

/**
 * tl_account_list_get_sort_key:
 * @self: a #TlAccountList
 *
 * Returns: the column the list was last sorted by
 */
TlSortKey
tl_account_list_get_sort_key (TlAccountList *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_LIST (self), TL_SORT_NONE);

  return self->sort_key;
}

/**
 * tl_account_list_get_descending:
 * @self: a #TlAccountList
 *
 * Returns: whether the list was last sorted largest first
 */
gboolean
tl_account_list_get_descending (TlAccountList *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_LIST (self), FALSE);

  return self->descending;
}

/**
 * tl_account_list_get_row_index:
 * @self: a #TlAccountList
 * @position: a position in the list, below its length
 *
 * Returns: the table row of the account shown at @position
 */
guint
tl_account_list_get_row_index (TlAccountList *self,
                               guint          position)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_LIST (self), 0);
  g_return_val_if_fail (position < self->n_items, 0);

  return self->order[position];
}

/**
 * tl_account_list_find_position:
 * @self: a #TlAccountList
 * @index: a table row
 *
 * Finds where the account of table row @index is shown, with a linear
 * scan of the list.
 *
 * Returns: the position, or %G_MAXUINT when the list has no such row
 */
guint
tl_account_list_find_position (TlAccountList *self,
                               guint          index)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->n_items; i++)
    {
      if (self->order[i] == index)
        return i;
    }

  return G_MAXUINT;
}
