/* tl-window-capacity.c
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

#define G_LOG_DOMAIN "tl-window-capacity"

#include "config.h"

#include "tl-window-private.h"

/* The window's two views, Accounts and Capacity, and what the capacity
 * view changes: the CSM headcount, which is part of the model, and the
 * accounts table, which a click on a CSM filters to the CSM's accounts.
 *
 * The capacity view allocates a new headcount at once. The window keeps
 * it in the model, and so in the user's default model, only after
 * HEADCOUNT_DELAY_MS without another change. Applying a model segments
 * every account again, which on a large file is too slow to do for each
 * step of the spin button. */

#define HEADCOUNT_DELAY_MS 400

/* Applies the headcount of the capacity view to the document's model and
 * keeps it in the default model. */
static void
commit_headcount (TlWindow *self)
{
  guint headcount = tl_capacity_view_get_headcount (self->capacity_view);
  g_autoptr(TlModel) model = NULL;

  g_clear_handle_id (&self->headcount_source, g_source_remove);

  model = tl_model_copy (tl_window_get_model (self));
  if (model->headcount == headcount)
    return;

  g_debug ("Headcount set to %u", headcount);
  model->headcount = headcount;
  _tl_window_apply_model (self, model);
}

static gboolean
commit_headcount_cb (gpointer user_data)
{
  TlWindow *self = user_data;

  self->headcount_source = 0;

  /* The export thread reads the document's model: try again later. */
  if (self->job_kind == TL_JOB_EXPORT)
    {
      self->headcount_source = g_timeout_add (HEADCOUNT_DELAY_MS, commit_headcount_cb, self);
      return G_SOURCE_REMOVE;
    }

  commit_headcount (self);

  return G_SOURCE_REMOVE;
}

static void
headcount_changed_cb (TlWindow *self)
{
  g_clear_handle_id (&self->headcount_source, g_source_remove);
  self->headcount_source = g_timeout_add (HEADCOUNT_DELAY_MS, commit_headcount_cb, self);
}

static void
show_owner (TlWindow   *self,
            const char *owner)
{
  tl_filter_bar_set_search (self->filter_bar, owner);
  adw_view_stack_set_visible_child_name (self->view_stack, "accounts");
}

static void
show_owner_cb (TlWindow   *self,
               const char *owner)
{
  show_owner (self, owner);
}

/* The detail pane and its button belong to the accounts view. */
static void
view_changed_cb (TlWindow *self)
{
  gboolean accounts = g_strcmp0 (tl_window_get_view (self), "accounts") == 0;

  gtk_widget_set_visible (self->detail_button, accounts);
  g_object_notify (G_OBJECT (self), "view");
}

/* Shows the switcher at the bottom of the window when the one in the
 * header bar gives way to the title for lack of room, and only while the
 * window shows a document. */
static void
sync_switcher_bar (TlWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_view_switcher_enabled (
                                      self->switcher_title)
                                    && adw_view_switcher_title_get_title_visible (
                                      self->switcher_title));
}

static void
title_visible_cb (TlWindow *self)
{
  sync_switcher_bar (self);
}

static gboolean
sync_switcher_bar_cb (gpointer user_data)
{
  TlWindow *self = user_data;

  self->switcher_source = 0;
  sync_switcher_bar (self);

  return G_SOURCE_REMOVE;
}

/* The header bar finds whether its switcher fits only when it lays out
 * again, so a switcher just enabled is judged after that: judging it now
 * would slide the bar in and out again on a wide window. */
static void
switcher_enabled_cb (TlWindow *self)
{
  g_clear_handle_id (&self->switcher_source, g_source_remove);

  if (!adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title))
    {
      sync_switcher_bar (self);
      return;
    }

  self->switcher_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, sync_switcher_bar_cb,
                                           self, NULL);
}

/* Filters the table to the accounts of one CSM and shows it, as a click on
 * the CSM in the books table does. */
static void
show_owner_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_owner (TL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Installs the view action and the template callbacks of the capacity
 * view. The window's class_init calls it. */
void
_tl_window_class_init_capacity (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, headcount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_owner_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_visible_cb);
  gtk_widget_class_bind_template_callback (widget_class, switcher_enabled_cb);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.show-owner", "s", show_owner_action_cb);
}

/* Stops the window's timers, and keeps a headcount typed just before the
 * window closes in the default model; the document goes away with the
 * window. */
void
_tl_window_dispose_capacity (TlWindow *self)
{
  g_autoptr(TlModel) model = NULL;

  g_clear_handle_id (&self->switcher_source, g_source_remove);
  if (self->headcount_source == 0)
    return;

  g_clear_handle_id (&self->headcount_source, g_source_remove);
  model = tl_model_copy (tl_window_get_model (self));
  model->headcount = tl_capacity_view_get_headcount (self->capacity_view);
  _tl_window_keep_model (self, model);
}

/* Turns the headcount off while a file is read or written, as the model
 * dialogs are. */
void
_tl_window_update_capacity_actions (TlWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-owner", has_document);
  tl_capacity_view_set_headcount_editable (self->capacity_view,
                                           has_document && self->job_kind == TL_JOB_NONE);
}

/* Shows the capacity of the document's accounts again. A headcount the
 * user typed but the window has not kept yet stays in the field. */
void
_tl_window_capacity_reload (TlWindow *self)
{
  guint headcount;

  if (self->document == NULL)
    {
      tl_capacity_view_set_document (self->capacity_view, NULL, 0);
      return;
    }

  if (self->headcount_source != 0)
    headcount = tl_capacity_view_get_headcount (self->capacity_view);
  else
    headcount = tl_document_get_model (self->document)->headcount;

  tl_capacity_view_set_document (self->capacity_view, self->document, headcount);
}

/**
 * tl_window_get_view:
 * @self: a #TlWindow
 *
 * Returns: the view shown under the header bar: "accounts" or "capacity"
 */
const char *
tl_window_get_view (TlWindow *self)
{
  const char *name;

  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  /* The action of the property reads it before the template is built. */
  if (self->view_stack == NULL)
    return "accounts";

  name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "accounts";
}

/**
 * tl_window_set_view:
 * @self: a #TlWindow
 * @view: "accounts" or "capacity"
 *
 * Shows the accounts table or the capacity view, as the view switcher in
 * the header bar does.
 */
void
tl_window_set_view (TlWindow   *self,
                    const char *view)
{
  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  if (!g_str_equal (view, "accounts") && !g_str_equal (view, "capacity"))
    {
      g_warning ("Cannot show the view “%s”: the views are accounts and capacity", view);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/**
 * tl_window_get_capacity_view:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the capacity view
 */
TlCapacityView *
tl_window_get_capacity_view (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->capacity_view;
}
