/* tl-account-row.c
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

#define G_LOG_DOMAIN "tl-account-row"

#include "tl-account-row.h"

/* One account of a document, handed out by TlAccountList on demand. The
 * row index is the account's identity: it stays the same when the list is
 * sorted. */
struct _TlAccountRow
{
  GObject     parent_instance;

  TlDocument *document;
  guint       index;
};

G_DEFINE_FINAL_TYPE (TlAccountRow, tl_account_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_account_row_dispose (GObject *object)
{
  TlAccountRow *self = TL_ACCOUNT_ROW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (tl_account_row_parent_class)->dispose (object);
}

static void
tl_account_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TlAccountRow *self = TL_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_account_row_class_init (TlAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tl_account_row_dispose;
  object_class->get_property = tl_account_row_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TL_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tl_account_row_init (TlAccountRow *self)
{
}

/**
 * tl_account_row_new:
 * @document: the document the account belongs to
 * @index: the account's row in the document's table
 *
 * Creates the list item for one account.
 *
 * Returns: (transfer full): a new #TlAccountRow
 */
TlAccountRow *
tl_account_row_new (TlDocument *document,
                    guint       index)
{
  TlAccountRow *self;

  g_return_val_if_fail (TL_IS_DOCUMENT (document), NULL);

  /* The fields are set directly: a list of a million accounts creates rows
   * by the million while GTK looks for the selected item. */
  self = g_object_new (TL_TYPE_ACCOUNT_ROW, NULL);
  self->document = g_object_ref (document);
  self->index = index;

  return self;
}

/**
 * tl_account_row_get_document:
 * @self: a #TlAccountRow
 *
 * Returns: (transfer none): the document the account belongs to
 */
TlDocument *
tl_account_row_get_document (TlAccountRow *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_ROW (self), NULL);

  return self->document;
}

/**
 * tl_account_row_get_index:
 * @self: a #TlAccountRow
 *
 * Returns: the account's row in the document's table
 */
guint
tl_account_row_get_index (TlAccountRow *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_ROW (self), 0);

  return self->index;
}
