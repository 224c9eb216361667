/* a11y-check.c
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

#define G_LOG_DOMAIN "a11y-check"

#include <string.h>

#include <adwaita.h>

#include "a11y-check.h"

/* GTK 4.8 gives an accessible object the name that a screen reader reads
 * from its "label" property, else from the "label" properties of the
 * objects of its "labelled-by" relation. It does not use the text of
 * children. These checks compute the name the same way. The test backend
 * has no getter for a relation, but gtk_test_accessible_check_relation()
 * returns the relation's value as text, "GtkLabel<0x...>", when it differs
 * from the one given, so the targets are found by their addresses. */

/* Returns the "label" property of @widget, or NULL when it has none. */
char *
a11y_check_get_label (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  /* NULL means that the label equals the empty string given. */
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

static gboolean
has_label (GtkWidget *widget)
{
  g_autofree char *label = a11y_check_get_label (widget);

  return label != NULL && *g_strstrip (label) != '\0';
}

static void
index_widgets (GtkWidget  *widget,
               GHashTable *by_address)
{
  g_hash_table_insert (by_address, g_strdup_printf ("%p", (gpointer) widget), widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    index_widgets (child, by_address);
}

/* Returns whether an object of the "labelled-by" relation of @widget,
 * somewhere under @root, has a label. */
static gboolean
is_labelled_by_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autoptr(GHashTable) by_address = NULL;
  g_autofree char *targets = NULL;
  const char *cursor;
  GtkWidget *root;

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return FALSE;

  /* An empty list never equals a relation that is set, so the value
   * comes back as text. */
  targets = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                NULL);
  if (targets == NULL)
    return FALSE;

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  by_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index_widgets (root != NULL ? root : widget, by_address);

  for (cursor = strchr (targets, '<'); cursor != NULL; cursor = strchr (cursor + 1, '<'))
    {
      g_autofree char *address = g_strndup (cursor + 1, strcspn (cursor + 1, ">"));
      GtkWidget *target = g_hash_table_lookup (by_address, address);

      if (target != NULL && has_label (target))
        return TRUE;
    }

  return FALSE;
}

/* Returns whether @widget or a widget under it is a label with text. */
static gboolean
shows_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text != NULL && *text != '\0')
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child))
      return TRUE;

  return FALSE;
}

/* GTK 4.8 has no API to name an item of a GtkListView, so the check
 * accepts an item that shows a label with text as named. */
static gboolean
is_list_item_with_text (GtkWidget *widget)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM
         && GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget))
         && shows_text (widget);
}

/* Returns whether a screen reader reads a name for @widget. */
gboolean
a11y_check_has_name (GtkWidget *widget)
{
  return has_label (widget) || is_labelled_by_named (widget) || is_list_item_with_text (widget);
}

static gboolean
has_interactive_role (GtkWidget *widget)
{
  switch (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_hidden_from_readers (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION;
}

/* Returns whether @widget is drawn by this project's code: a custom
 * widget, or the content of a table cell. */
static gboolean
is_own_content (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Tl"))
    return TRUE;

  return parent != NULL && g_str_equal (G_OBJECT_TYPE_NAME (parent), "GtkColumnViewCell");
}

/* Returns whether @widget only passes the focus on to its children or
 * scrolls them: their names are the ones read. */
static gboolean
is_focus_container (GtkWidget *widget)
{
  return GTK_IS_SCROLLED_WINDOW (widget)
         || GTK_IS_VIEWPORT (widget)
         || GTK_IS_LIST_VIEW (widget)
         || GTK_IS_LIST_BOX (widget);
}

/* Returns whether @widget is the header row that GTK 4.8 draws above the
 * rows of a column view. It is not focusable, and each of its column
 * headers contains its title. */
static gboolean
is_column_view_header (GtkWidget *widget)
{
  return GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (widget)) && !GTK_IS_LIST_VIEW (widget);
}

static gboolean
needs_name (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || is_hidden_from_readers (widget))
    return FALSE;

  if (is_focus_container (widget) || is_column_view_header (widget))
    return FALSE;

  return gtk_widget_get_focusable (widget)
         || has_interactive_role (widget)
         || is_own_content (widget);
}

/* Returns whether the children of @widget are parts of a GTK or
 * libadwaita control that shows its current choice. Under a GtkDropDown
 * or a GtkMenuButton only the button that takes the focus is checked;
 * under an AdwComboRow, none. */
static gboolean
is_composite (GtkWidget *widget)
{
  return GTK_IS_DROP_DOWN (widget) || GTK_IS_MENU_BUTTON (widget) || ADW_IS_COMBO_ROW (widget);
}

static char *
describe_widget (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (w != widget)
        g_string_prepend (text, " > ");
      g_string_prepend (text, G_OBJECT_TYPE_NAME (w));
    }

  if (classes != NULL && classes[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (".", classes);

      g_string_append_printf (text, " .%s", joined);
    }

  if (tooltip != NULL)
    g_string_append_printf (text, " (tooltip “%s”)", tooltip);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  /* GTK's own keyboard shortcuts window gives its search button no name
   * in GTK 4.8, and has no way to add one. */
  if (GTK_IS_HEADER_BAR (widget) && GTK_IS_SHORTCUTS_WINDOW (gtk_widget_get_parent (widget)))
    return;

  if (needs_name (widget) && !a11y_check_has_name (widget))
    g_ptr_array_add (unnamed, describe_widget (widget));

  if (is_composite (widget))
    {
      GtkWidget *button = gtk_widget_get_first_child (widget);

      if (!ADW_IS_COMBO_ROW (widget) && GTK_IS_BUTTON (button) && gtk_widget_get_mapped (button)
          && !a11y_check_has_name (button))
        g_ptr_array_add (unnamed, describe_widget (button));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

/* Returns descriptions of the widgets under @root, shown on screen, that
 * a user can focus or operate, or that this project draws, and that have
 * no accessible name. An empty array means that every one has a name. */
GPtrArray *
a11y_check_find_unnamed (GtkWidget *root)
{
  GPtrArray *unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed (root, unnamed);

  return unnamed;
}
