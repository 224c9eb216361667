/* tl-window-explore.c
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


#define G_LOG_DOMAIN "tl-window-explore"

#include "config.h"

#include "tl-window-private.h"

/* The parts of the window for exploring the accounts: the filter row,
 * the tier cards that filter by their tier, the detail pane of the
 * selected account, and the actions behind them. The table filters in
 * the core, keeping its sort order and the selected account. */

static void
sync_tier_cards (TlWindow *self)
{
  guint tier = tl_filter_bar_get_tier (self->filter_bar);

  tl_tier_summary_set_filter_tier (self->tier_summary,
                                   tier >= 1 && tier <= TL_N_TIERS ? tier : 0);
}

static void
apply_filter (TlWindow *self)
{
  g_auto(TlAccountFilter) filter = { NULL, };
  gint64 start = g_get_monotonic_time ();

  tl_filter_bar_get_filter (self->filter_bar, &filter);
  tl_account_view_set_filter (self->account_view, &filter);
  sync_tier_cards (self);

  if (self->document != NULL)
    _tl_window_update_notices (self);

  g_debug ("Filter applied in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static void
filter_changed_cb (TlWindow *self)
{
  apply_filter (self);
}

/* Shows the selected account in the detail pane, and opens the pane when
 * the user selects an account. */
static void
selected_row_cb (TlWindow *self)
{
  guint row = tl_account_view_get_selected_row (self->account_view);

  tl_account_detail_set_account (self->account_detail, self->document, row);
  if (row != G_MAXUINT)
    tl_window_set_show_detail (self, TRUE);
}

static void
detail_close_cb (TlWindow *self)
{
  tl_window_set_show_detail (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (tl_account_view_get_column_view (self->account_view)));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tl_filter_bar_focus_search (TL_WINDOW (widget)->filter_bar);
}

static void
clear_filters_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  tl_filter_bar_clear (TL_WINDOW (widget)->filter_bar);
}

/* Filters the table by a tier, or shows every tier again when the table
 * is already filtered by it, as a click on a tier card does. */
static void
filter_tier_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  guint tier = g_variant_get_uint32 (parameter);

  if (tier < 1 || tier > TL_N_TIERS)
    {
      g_warning ("Cannot filter by tier %u: tiers run from 1 to %d", tier, TL_N_TIERS);
      return;
    }

  if (tl_filter_bar_get_tier (self->filter_bar) == tier)
    tl_filter_bar_set_tier (self->filter_bar, TL_FILTER_ALL);
  else
    tl_filter_bar_set_tier (self->filter_bar, tier);

  /* The toggle buttons do not toggle themselves when they carry an
   * action, so the filter decides which card shows pressed. */
  sync_tier_cards (self);
}

/* Installs the actions, key bindings and template callbacks of the
 * explore parts. The window's class_init calls it. */
void
_tl_window_class_init_explore (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_close_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL,
                                   clear_filters_action_cb);
  gtk_widget_class_install_action (widget_class, "win.filter-tier", "u", filter_tier_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.show-detail", "show-detail");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-detail", NULL);
}

/* Enables the explore actions when the window shows a document. */
void
_tl_window_update_explore_actions (TlWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filter-tier", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-detail", has_document);
}

/* Shows the accounts of a newly opened @document: every account, with
 * no filter, none selected and the detail pane closed. */
void
_tl_window_explore_set_document (TlWindow   *self,
                                 TlDocument *document)
{
  g_signal_handlers_block_by_func (self->filter_bar, filter_changed_cb, self);
  tl_filter_bar_clear (self->filter_bar);
  g_signal_handlers_unblock_by_func (self->filter_bar, filter_changed_cb, self);

  tl_filter_bar_set_model (self->filter_bar, tl_document_get_model (document));
  tl_account_view_set_document (self->account_view, document, g_steal_pointer (&self->arr_order));
  tl_account_detail_set_account (self->account_detail, document, G_MAXUINT);
  tl_window_set_show_detail (self, FALSE);
  sync_tier_cards (self);
}

/* Shows the accounts of the document again after it was segmented anew:
 * an account may have changed tier or health status, so the filter runs
 * again, and the detail pane explains the selected account afresh. */
void
_tl_window_explore_reload (TlWindow *self)
{
  tl_filter_bar_set_model (self->filter_bar, tl_document_get_model (self->document));
  tl_account_view_reload (self->account_view);
  tl_account_detail_set_account (self->account_detail, self->document,
                                 tl_account_view_get_selected_row (self->account_view));
}

/**
 * tl_window_get_filter_bar:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the search entry and filters above the table
 */
TlFilterBar *
tl_window_get_filter_bar (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->filter_bar;
}

/**
 * tl_window_get_account_detail:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the pane that explains the selected account
 */
TlAccountDetail *
tl_window_get_account_detail (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->account_detail;
}

/**
 * tl_window_get_show_detail:
 * @self: a #TlWindow
 *
 * Returns: whether the detail pane is open
 */
gboolean
tl_window_get_show_detail (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  /* The action of the property reads it before the template is built. */
  if (self->detail_flap == NULL)
    return FALSE;

  return adw_flap_get_reveal_flap (self->detail_flap);
}

/**
 * tl_window_set_show_detail:
 * @self: a #TlWindow
 * @show: whether to open the detail pane
 *
 * Opens or closes the pane that explains the selected account, as the
 * win.show-detail action does.
 */
void
tl_window_set_show_detail (TlWindow *self,
                           gboolean  show)
{
  g_return_if_fail (TL_IS_WINDOW (self));

  adw_flap_set_reveal_flap (self->detail_flap, show);
}

/**
 * tl_window_shows_no_match:
 * @self: a #TlWindow
 *
 * Returns: whether the window shows that no account passes the filters,
 *   in place of the table
 */
gboolean
tl_window_shows_no_match (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return tl_account_view_shows_no_match (self->account_view);
}
