/* tl-accessible.c
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

#define G_LOG_DOMAIN "tl-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"

/* Accessible names that GTK 4.8 does not give by itself. A GtkMenuButton
 * and a GtkDropDown take the keyboard focus on an inner GtkButton, and
 * GTK 4.8 names that button after its icon or its content, which a
 * screen reader reads as nothing. These functions name the inner button
 * too. */

#define DROP_DOWN_NAME_KEY "tl-accessible-name"

void
tl_accessible_set_label (GtkWidget  *widget,
                         const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

void
tl_accessible_set_description (GtkWidget  *widget,
                               const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Returns the button inside @widget that takes the focus, or NULL. */
static GtkWidget *
get_inner_button (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return GTK_IS_BUTTON (child) ? child : NULL;
}

/**
 * tl_accessible_label_menu_button:
 * @button: a menu button
 * @label: its accessible name, such as "Main Menu"
 *
 * Names @button and the inner button that takes the focus.
 */
void
tl_accessible_label_menu_button (GtkMenuButton *button,
                                 const char    *label)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (label != NULL);

  tl_accessible_set_label (GTK_WIDGET (button), label);
  inner = get_inner_button (GTK_WIDGET (button));
  if (inner != NULL)
    tl_accessible_set_label (inner, label);
}

static void
update_drop_down_label (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), DROP_DOWN_NAME_KEY);
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  GtkWidget *inner = get_inner_button (GTK_WIDGET (drop_down));
  g_autofree char *label = NULL;

  if (inner == NULL || name == NULL)
    return;

  if (GTK_IS_STRING_OBJECT (item))
    {
      /* Translators: the name of a drop-down list and its choice, as in
       * "Tier: All" */
      label = g_strdup_printf (_("%s: %s"), name,
                               gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }

  tl_accessible_set_label (inner, label != NULL ? label : name);
}

/**
 * tl_accessible_label_drop_down:
 * @drop_down: a drop-down list over a #GtkStringList
 * @name: its accessible name, such as "Tier"
 *
 * Names @drop_down, and its inner button with @name and the current
 * choice, as in "Tier: All", following each change of the choice.
 */
void
tl_accessible_label_drop_down (GtkDropDown *drop_down,
                               const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  tl_accessible_set_label (GTK_WIDGET (drop_down), name);

  if (g_object_get_data (G_OBJECT (drop_down), DROP_DOWN_NAME_KEY) == NULL)
    g_signal_connect (drop_down, "notify::selected-item",
                      G_CALLBACK (update_drop_down_label), NULL);
  g_object_set_data_full (G_OBJECT (drop_down), DROP_DOWN_NAME_KEY, g_strdup (name), g_free);
  update_drop_down_label (drop_down);
}

/* Returns the row widget of a GtkColumnView that contains @cell, the
 * child of a list item factory. In GTK 4.8 the child's parent is the cell
 * widget, and the cell's parent is the row, whose accessible role is
 * "row". The row has no public type. */
static GtkWidget *
find_table_row (GtkWidget *cell)
{
  for (GtkWidget *w = gtk_widget_get_parent (cell); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_COLUMN_VIEW (w) || GTK_IS_LIST_VIEW (w))
        return NULL;
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == GTK_ACCESSIBLE_ROLE_ROW)
        return w;
    }

  return NULL;
}

/**
 * tl_accessible_label_table_row:
 * @cell: the child of a #GtkListItem of a #GtkColumnView column, set in
 *   the row while it is bound
 * @label: the name that a screen reader reads for the whole row
 *
 * Names the table row that shows @cell. GTK 4.8 gives rows of a column
 * view no name of their own, so a screen reader that moves from row to
 * row reads this name. Rows are recycled: call it on each bind.
 */
void
tl_accessible_label_table_row (GtkWidget  *cell,
                               const char *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (cell));

  row = find_table_row (cell);
  if (row != NULL)
    tl_accessible_set_label (row, label);
}
