/* tl-context-menu.c
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

#define G_LOG_DOMAIN "tl-context-menu"

#include "config.h"

#include "tl-context-menu.h"

/* A menu that opens over a widget on a right click. From the keyboard,
 * the widget's class binds the Menu key and Shift+F10 to an action that
 * calls tl_context_menu_popup(), which points the menu at the focused
 * child, such as the table row the user is on. */

#define RETURN_FOCUS_KEY "tl-context-menu-return-focus"

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* Remembers the widget that has the focus when the menu opens, to give it
 * back when the menu closes. */
static void
remember_focus (GtkWidget *menu)
{
  GtkRoot *root = gtk_widget_get_root (menu);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, root != NULL ? gtk_root_get_focus (root) : NULL);
  g_object_set_data_full (G_OBJECT (menu), RETURN_FOCUS_KEY, ref, weak_ref_free);
}

static void
point_at (GtkWidget *menu,
          double     x,
          double     y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  remember_focus (menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &rect);
  gtk_popover_popup (GTK_POPOVER (menu));
}

/**
 * tl_context_menu_popup:
 * @menu: a menu from tl_context_menu_attach()
 *
 * Opens @menu at the focused widget inside its parent, or at the middle
 * of its parent, as the Menu key does.
 */
void
tl_context_menu_popup (GtkWidget *menu)
{
  GtkWidget *parent = gtk_widget_get_parent (menu);
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds;

  g_return_if_fail (GTK_IS_POPOVER_MENU (menu));

  if (focus != NULL && gtk_widget_is_ancestor (focus, parent)
      && gtk_widget_compute_bounds (focus, parent, &bounds))
    {
      point_at (menu, bounds.origin.x + 12, bounds.origin.y + bounds.size.height);
      return;
    }

  point_at (menu, gtk_widget_get_width (parent) / 2.0, gtk_widget_get_height (parent) / 2.0);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  point_at (user_data, x, y);
}

/* Gives the focus back to where it was when the menu opened, or, when
 * that widget is gone (a sort rebuilds the table's rows), to the first
 * control inside the menu's parent. Without this, GTK moved the focus to
 * the next control of the window, the status bar's Details button. */
static gboolean
return_focus_cb (gpointer data)
{
  GtkWidget *menu = data;
  GtkWidget *parent = gtk_widget_get_parent (menu);
  GWeakRef *ref = g_object_get_data (G_OBJECT (menu), RETURN_FOCUS_KEY);
  g_autoptr(GtkWidget) focus = ref != NULL ? g_weak_ref_get (ref) : NULL;

  if (parent == NULL || !gtk_widget_get_mapped (parent))
    return G_SOURCE_REMOVE;

  if (focus != NULL && gtk_widget_get_mapped (focus) && gtk_widget_is_ancestor (focus, parent))
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_child_focus (parent, GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
closed_cb (GtkPopover *menu,
           gpointer    user_data)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, return_focus_cb, g_object_ref (menu), g_object_unref);
}

static void
parent_destroy_cb (GtkWidget *parent,
                   GtkWidget *menu)
{
  gtk_widget_unparent (menu);
}

/**
 * tl_context_menu_attach:
 * @widget: the widget the menu belongs to
 * @model: the menu's items
 *
 * Gives @widget a context menu of @model, which a right click opens.
 * @widget parents the menu and drops it when it is destroyed.
 *
 * Returns: (transfer none): the menu, a #GtkPopoverMenu
 */
GtkWidget *
tl_context_menu_attach (GtkWidget  *widget,
                        GMenuModel *model)
{
  GtkWidget *menu;
  GtkGesture *click;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_MENU_MODEL (model), NULL);

  menu = gtk_popover_menu_new_from_model (model);
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_widget_set_parent (menu, widget);
  g_signal_connect_object (widget, "destroy", G_CALLBACK (parent_destroy_cb), menu, 0);
  g_signal_connect (menu, "closed", G_CALLBACK (closed_cb), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), menu);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  return menu;
}
