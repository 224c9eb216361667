/* tl-account-view.c
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


#define G_LOG_DOMAIN "tl-account-view"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-account-cells.h"
#include "tl-account-view.h"
#include "tl-account-row.h"
#include "tl-context-menu.h"

/* The table of accounts. Sorting never goes through GTK's sorters, which
 * compare row objects and are too slow for a million rows. Each column
 * instead carries a "tag" sorter that only records that it was called, so
 * a header click reveals which column the user chose and in which
 * direction. The core then permutes the list's index array while the list
 * is detached from the view, and a fresh selection model is attached.
 * Filtering goes the same way.
 *
 * The account the user selected is kept by its table row across sorts
 * and filters. While a filter hides it, nothing is selected, and it is
 * selected again as soon as it is shown again. */

/* The columns of the .ui file, in their order there. */
static const TlSortKey column_keys[] = {
  TL_SORT_NAME,
  TL_SORT_ARR,
  TL_SORT_TIER,
  TL_SORT_HEALTH,
  TL_SORT_EXPANSION,
  TL_SORT_MOVEMENT,
  TL_SORT_SEATS_USED,
  TL_SORT_OWNER,
  TL_SORT_RENEWAL,
};

static const char * const sort_key_names[TL_N_SORT_KEYS] = {
  [TL_SORT_NONE] = "none",
  [TL_SORT_NAME] = "name",
  [TL_SORT_ARR] = "arr",
  [TL_SORT_TIER] = "tier",
  [TL_SORT_HEALTH] = "health",
  [TL_SORT_EXPANSION] = "expansion",
  [TL_SORT_SEATS_USED] = "seats-used",
  [TL_SORT_OWNER] = "owner",
  [TL_SORT_RENEWAL] = "renewal",
  [TL_SORT_MOVEMENT] = "movement",
};

typedef struct _SortTag SortTag;

struct _TlAccountView
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;

  GtkColumnViewColumn *columns[TL_N_SORT_KEYS];
  gulong               sorter_changed_id;
  GObject             *probe_items[2];
  TlSortKey            probe_key;

  TlAccountList       *list;
  GtkSingleSelection  *selection;
  gulong               selected_changed_id;
  guint                selected_row;    /* shown and selected, or G_MAXUINT */
  GtkWidget           *context_menu;    /* parented by the view, or NULL */
  TlSortKey            sort_key;        /* as the header shows it */
  gboolean             sort_descending;
  guint                chosen_row;      /* selected by the user, or G_MAXUINT */
  char                *chosen_id;       /* its id or name, to find it in a new table */
  guint                rank_source;     /* starts ranking names and owners */
  guint                attach_source;   /* attaches the list of a large table */
  gboolean             focus_on_attach; /* the table takes the focus once attached */
  GCancellable        *rank_wait;       /* a text sort waiting for its ranks */
};

/* Below this many accounts a text sort ranks them on the spot, within
 * about 30 ms; above it the ranks are computed in a thread. */
#define SORT_IN_PLACE_ROWS 50000

/* How long after a table is shown its names and owners are ranked, so that
 * the thread does not slow down the first frames. */
#define RANK_DELAY_MS 800

enum
{
  PROP_0,
  PROP_SELECTED_ROW,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The data of one column's tag sorter. */
struct _SortTag
{
  TlAccountView *view;
  TlSortKey      key;
};

G_DEFINE_FINAL_TYPE (TlAccountView, tl_account_view, GTK_TYPE_WIDGET)

/**
 * tl_sort_key_from_name:
 * @name: a sort key name such as "arr", "health" or "seats-used"
 * @key: (out): the key
 *
 * Returns: %TRUE when @name names a sort key
 */
gboolean
tl_sort_key_from_name (const char *name,
                       TlSortKey  *key)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < TL_N_SORT_KEYS; i++)
    {
      if (g_strcmp0 (sort_key_names[i], name) == 0)
        {
          *key = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tl_sort_key_get_name:
 * @key: a sort key
 *
 * Returns: the name of @key, such as "arr", as tl_sort_key_from_name()
 *   and the win.sort-by action take it
 */
const char *
tl_sort_key_get_name (TlSortKey key)
{
  g_return_val_if_fail (key < TL_N_SORT_KEYS, NULL);

  return sort_key_names[key];
}

/* Records which column the view sorter asked first: that is the primary
 * sort column. */
static int
tag_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  SortTag *tag = user_data;

  if (tag->view->probe_key == TL_N_SORT_KEYS)
    tag->view->probe_key = tag->key;

  return GTK_ORDERING_SMALLER;
}

static GtkWidget *
find_list_view (TlAccountView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static void
scroll_to_position (TlAccountView *self,
                    guint          position)
{
  GtkWidget *list_view = find_list_view (self);

  if (list_view == NULL || self->list == NULL)
    return;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;

  gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* Returns the text that identifies the account of @row in any table of
 * the same file: its id, else its name. */
static const char *
get_identity (TlAccountList *list,
              guint          row)
{
  const TlAccountTable *table = tl_document_get_table (tl_account_list_get_document (list));
  const char *id = tl_account_table_get_text (table, TL_FIELD_ID, row);

  if (id != NULL && *id != '\0')
    return id;

  return tl_account_table_get_display_name (table, row);
}

static void
set_chosen_row (TlAccountView *self,
                guint          row)
{
  self->chosen_row = row;
  g_clear_pointer (&self->chosen_id, g_free);
  if (row != G_MAXUINT && self->list != NULL)
    self->chosen_id = g_strdup (get_identity (self->list, row));
}

static void
update_selected_row (TlAccountView *self)
{
  guint row = tl_account_view_get_selected_row (self);

  if (row == self->selected_row)
    return;

  self->selected_row = row;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ROW]);
}

static void
selected_changed_cb (GtkSingleSelection *selection,
                     GParamSpec         *pspec,
                     TlAccountView      *self)
{
  set_chosen_row (self, tl_account_view_get_selected_row (self));
  update_selected_row (self);
}

static void
detach_model (TlAccountView *self)
{
  g_clear_handle_id (&self->attach_source, g_source_remove);
  gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selected_changed_id, self->selection);
  g_clear_object (&self->selection);
}

/* Attaches a new selection model over the list, with the account the user
 * chose selected if it is in the list, and scrolls to it. */
static void
attach_model (TlAccountView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean empty;

  g_assert (self->selection == NULL);

  if (self->list == NULL)
    {
      update_selected_row (self);
      return;
    }

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  if (self->chosen_row != G_MAXUINT)
    position = tl_account_list_find_position (self->list, self->chosen_row);

  gtk_single_selection_set_selected (self->selection, position);
  self->selected_changed_id = g_signal_connect (self->selection, "notify::selected",
                                                G_CALLBACK (selected_changed_cb), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  scroll_to_position (self, position == GTK_INVALID_LIST_POSITION ? 0 : position);

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0
          && tl_account_list_get_n_rows (self->list) > 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "no-match" : "table");
  update_selected_row (self);
}

/* Stores the sort order that the header shows, and notifies it. */
static void
set_sort_order (TlAccountView *self,
                TlSortKey      key,
                gboolean       descending)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->sort_key != key)
    {
      self->sort_key = key;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
    }

  if (self->sort_descending != descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* Gives the table the keyboard focus if it had it before the list was
 * detached: the rows were rebuilt, so a focused row is gone, and without
 * this the window had no focus widget and ignored every key. */
static void
finish_attach (TlAccountView *self)
{
  if (self->focus_on_attach)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  self->focus_on_attach = FALSE;
}

static gboolean
attach_cb (gpointer data)
{
  TlAccountView *self = data;

  self->attach_source = 0;
  attach_model (self);
  finish_attach (self);

  return G_SOURCE_REMOVE;
}

/* Attaches the list, for a large table in the next main loop iteration
 * before the next frame. Making the rows' widgets takes about 50 ms, and
 * detaching the old ones, sorting or the window's work for a new document
 * as long again, so the two run apart and input is handled between them. */
static void
attach_model_soon (TlAccountView *self,
                   gboolean       grab_focus)
{
  g_clear_handle_id (&self->attach_source, g_source_remove);
  self->focus_on_attach |= grab_focus;
  if (self->list == NULL || tl_account_list_get_n_rows (self->list) < SORT_IN_PLACE_ROWS)
    {
      attach_model (self);
      finish_attach (self);
      return;
    }

  self->attach_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, attach_cb, self, NULL);
}

/* Attaches a list whose attaching is pending, for callers that need the
 * selection now. */
static void
flush_attach (TlAccountView *self)
{
  if (self->attach_source == 0)
    return;

  g_clear_handle_id (&self->attach_source, g_source_remove);
  attach_model (self);
  finish_attach (self);
}

/* Returns whether the keyboard focus is in the table, or nowhere in the
 * window. */
static gboolean
holds_focus (TlAccountView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL)
    return FALSE;

  return focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
}

static void apply_sort (TlAccountView *self,
                        TlSortKey      key,
                        gboolean       descending);

static gboolean
start_ranks_cb (gpointer data)
{
  TlAccountView *self = data;

  self->rank_source = 0;
  if (self->list != NULL)
    tl_document_get_sort_ranks (tl_account_list_get_document (self->list));

  return G_SOURCE_REMOVE;
}

/* Ranks a large table's names and owners in a thread, after a pause. */
static void
schedule_ranks (TlAccountView *self)
{
  g_clear_handle_id (&self->rank_source, g_source_remove);
  if (self->list == NULL || tl_account_list_get_n_rows (self->list) < SORT_IN_PLACE_ROWS)
    return;

  self->rank_source = g_timeout_add_full (G_PRIORITY_LOW, RANK_DELAY_MS,
                                          start_ranks_cb, self, NULL);
}

/* The ranks a text sort waits for, in a worker thread. */
typedef struct
{
  TlSortRanks *ranks;
  TlField      field;
} RankWait;

static void
rank_wait_free (RankWait *wait)
{
  tl_sort_ranks_unref (wait->ranks);
  g_free (wait);
}

static void
wait_ranks_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RankWait *wait = task_data;

  tl_sort_ranks_wait (wait->ranks, wait->field);
  g_task_return_boolean (task, TRUE);
}

static void
ranks_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  TlAccountView *self = TL_ACCOUNT_VIEW (source);
  TlSortKey key = GPOINTER_TO_UINT (data);

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  g_clear_object (&self->rank_wait);
  if (self->sort_key == key)
    apply_sort (self, key, self->sort_descending);
}

/* Returns whether a sort by @key can run now, or else starts waiting for
 * its ranks and sorts when they are ready. */
static gboolean
ranks_ready (TlAccountView *self,
             TlSortKey      key)
{
  TlDocument *document = tl_account_list_get_document (self->list);
  TlField field = tl_sort_key_get_text_field (key);
  TlSortRanks *ranks;
  RankWait *wait;
  g_autoptr(GTask) task = NULL;

  if (field == TL_N_FIELDS)
    return TRUE;
  if (tl_account_list_get_n_rows (self->list) < SORT_IN_PLACE_ROWS)
    return TRUE;

  ranks = tl_document_get_sort_ranks (document);
  if (tl_sort_ranks_peek (ranks, field) != NULL)
    return TRUE;

  g_debug ("Waiting for the ranks of %s", sort_key_names[key]);
  wait = g_new (RankWait, 1);
  wait->ranks = tl_sort_ranks_ref (ranks);
  wait->field = field;
  self->rank_wait = g_cancellable_new ();
  task = g_task_new (self, self->rank_wait, ranks_ready_cb, GUINT_TO_POINTER (key));
  g_task_set_source_tag (task, ranks_ready);
  g_task_set_task_data (task, wait, (GDestroyNotify) rank_wait_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, wait_ranks_thread);

  return FALSE;
}

/* Stops waiting for ranks: a newer sort or table replaces that sort. */
static void
cancel_rank_wait (TlAccountView *self)
{
  if (self->rank_wait == NULL)
    return;

  g_cancellable_cancel (self->rank_wait);
  g_clear_object (&self->rank_wait);
}

static void
apply_sort (TlAccountView *self,
            TlSortKey      key,
            gboolean       descending)
{
  gboolean had_focus;

  set_sort_order (self, key, descending);
  cancel_rank_wait (self);

  if (self->list == NULL || !ranks_ready (self, key))
    return;

  had_focus = holds_focus (self);
  detach_model (self);
  tl_account_list_sort (self->list, key, descending);
  attach_model_soon (self, had_focus);
}

static void
sorter_changed_cb (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   TlAccountView   *self)
{
  GtkOrdering ordering;
  TlSortKey key;

  self->probe_key = TL_N_SORT_KEYS;
  ordering = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);
  key = self->probe_key == TL_N_SORT_KEYS ? TL_SORT_NONE : self->probe_key;

  g_debug ("Header sort: key %s%s", sort_key_names[key],
           ordering == GTK_ORDERING_LARGER ? ", descending" : "");

  apply_sort (self, key, ordering == GTK_ORDERING_LARGER);
}

/* Shows @key's sort arrow on its header, without sorting. GTK 4.8 leaves
 * the previous column's arrow in place after a programmatic sort unless
 * the sort is cleared first. */
static void
show_sort_arrow (TlAccountView *self,
                 TlSortKey      key,
                 gboolean       descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  g_signal_handler_block (sorter, self->sorter_changed_id);
  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  if (key != TL_SORT_NONE && self->columns[key] != NULL)
    gtk_column_view_sort_by_column (self->column_view, self->columns[key],
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  g_signal_handler_unblock (sorter, self->sorter_changed_id);
}

static void
setup_columns (TlAccountView *self)
{
  g_autoptr(GListModel) columns = NULL;
  guint n_columns;

  columns = g_object_ref (gtk_column_view_get_columns (self->column_view));
  n_columns = g_list_model_get_n_items (columns);
  g_assert (n_columns == G_N_ELEMENTS (column_keys));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkSorter) sorter = NULL;
      SortTag *tag = g_new0 (SortTag, 1);

      tag->view = self;
      tag->key = column_keys[i];
      sorter = GTK_SORTER (gtk_custom_sorter_new (tag_compare, tag, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
      self->columns[column_keys[i]] = column;
    }

  self->sorter_changed_id =
    g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                      G_CALLBACK (sorter_changed_cb), self);
}

/* Opens the context menu at the focused row, for the Menu key and
 * Shift+F10. */
static void
context_menu_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TlAccountView *self = TL_ACCOUNT_VIEW (widget);

  if (self->context_menu != NULL)
    tl_context_menu_popup (self->context_menu);
}

static void
tl_account_view_dispose (GObject *object)
{
  TlAccountView *self = TL_ACCOUNT_VIEW (object);

  if (self->column_view != NULL)
    {
      g_clear_signal_handler (&self->sorter_changed_id,
                              gtk_column_view_get_sorter (self->column_view));
      detach_model (self);
    }

  cancel_rank_wait (self);
  g_clear_handle_id (&self->rank_source, g_source_remove);
  g_clear_object (&self->list);
  g_clear_pointer (&self->chosen_id, g_free);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);
  memset (self->columns, 0, sizeof self->columns);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_ACCOUNT_VIEW);

  G_OBJECT_CLASS (tl_account_view_parent_class)->dispose (object);
}

static void
tl_account_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TlAccountView *self = TL_ACCOUNT_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ROW:
      g_value_set_uint (value, self->selected_row);
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, sort_key_names[self->sort_key]);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_account_view_class_init (TlAccountViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_account_view_dispose;
  object_class->get_property = tl_account_view_get_property;

  /**
   * TlAccountView:selected-row:
   *
   * The table row of the selected account, or %G_MAXUINT when no account
   * is selected. It changes when the user selects another account and
   * when a filter hides or shows the chosen account, not when a sort
   * moves it.
   */
  properties[PROP_SELECTED_ROW] =
    g_param_spec_uint ("selected-row", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TlAccountView:sort-key:
   *
   * The name of the column the accounts are sorted by, as
   * tl_sort_key_from_name() takes it, or "none" for the file order. It
   * changes with a click on a column header and with
   * tl_account_view_sort().
   */
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "none",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TlAccountView:sort-descending:
   *
   * Whether the largest value of the sort column comes first.
   */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-account-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlAccountView, stack);
  gtk_widget_class_bind_template_child (widget_class, TlAccountView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TlAccountView, column_view);

  gtk_widget_class_bind_template_callback_full (widget_class, "setup_text_cb",
                                                G_CALLBACK (tl_account_cells_setup_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_number_cb",
                                                G_CALLBACK (tl_account_cells_setup_number));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_date_cb",
                                                G_CALLBACK (tl_account_cells_setup_date));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_name_cb",
                                                G_CALLBACK (tl_account_cells_setup_name));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_arr_cb",
                                                G_CALLBACK (tl_account_cells_setup_arr));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_tier_cb",
                                                G_CALLBACK (tl_account_cells_setup_tier));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_health_cb",
                                                G_CALLBACK (tl_account_cells_setup_health));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_expansion_cb",
                                                G_CALLBACK (tl_account_cells_setup_expansion));
  gtk_widget_class_bind_template_callback_full (widget_class, "setup_movement_cb",
                                                G_CALLBACK (tl_account_cells_setup_movement));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_name_cb",
                                                G_CALLBACK (tl_account_cells_bind_name));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_arr_cb",
                                                G_CALLBACK (tl_account_cells_bind_arr));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_tier_cb",
                                                G_CALLBACK (tl_account_cells_bind_tier));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_health_cb",
                                                G_CALLBACK (tl_account_cells_bind_health));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_expansion_cb",
                                                G_CALLBACK (tl_account_cells_bind_expansion));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_movement_cb",
                                                G_CALLBACK (tl_account_cells_bind_movement));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_seats_used_cb",
                                                G_CALLBACK (tl_account_cells_bind_seats_used));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_owner_cb",
                                                G_CALLBACK (tl_account_cells_bind_owner));
  gtk_widget_class_bind_template_callback_full (widget_class, "bind_renewal_cb",
                                                G_CALLBACK (tl_account_cells_bind_renewal));

  gtk_widget_class_install_action (widget_class, "accounts.context-menu", NULL,
                                   context_menu_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "accounts.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "accounts.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_account_view_init (TlAccountView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tl_accessible_set_label (GTK_WIDGET (self), _("Accounts"));
  self->selected_row = G_MAXUINT;
  self->chosen_row = G_MAXUINT;
  self->probe_items[0] = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_items[1] = g_object_new (G_TYPE_OBJECT, NULL);
  setup_columns (self);
}

/**
 * tl_account_view_set_document:
 * @self: a #TlAccountView
 * @document: (nullable): a document whose segmentation is ready, or %NULL
 * @arr_order: (nullable) (transfer full): the rows of @document sorted by
 *   tl_account_sort() by ARR, largest first, or %NULL to sort them here
 *
 * Shows every account of @document, largest ARR first, with none
 * selected.
 */
void
tl_account_view_set_document (TlAccountView *self,
                              TlDocument    *document,
                              guint32       *arr_order)
{
  g_return_if_fail (TL_IS_ACCOUNT_VIEW (self));
  g_return_if_fail (document == NULL || TL_IS_DOCUMENT (document));

  detach_model (self);
  cancel_rank_wait (self);
  g_clear_object (&self->list);
  set_chosen_row (self, G_MAXUINT);

  if (document == NULL)
    {
      g_free (arr_order);
      show_sort_arrow (self, TL_SORT_NONE, FALSE);
      set_sort_order (self, TL_SORT_NONE, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "table");
      update_selected_row (self);
      return;
    }

  self->list = tl_account_list_new (document);
  if (arr_order != NULL)
    tl_account_list_set_order (self->list, TL_SORT_ARR, TRUE, arr_order);
  else
    tl_account_list_sort (self->list, TL_SORT_ARR, TRUE);
  show_sort_arrow (self, TL_SORT_ARR, TRUE);
  set_sort_order (self, TL_SORT_ARR, TRUE);
  attach_model_soon (self, FALSE);
  schedule_ranks (self);
}

/* Finds the row of the table whose account has @identity, or G_MAXUINT. */
static guint
find_identity (TlAccountList *list,
               guint          hint,
               const char    *identity)
{
  guint n_rows = tl_account_list_get_n_rows (list);

  if (identity == NULL)
    return G_MAXUINT;

  if (hint < n_rows && g_strcmp0 (get_identity (list, hint), identity) == 0)
    return hint;

  for (guint row = 0; row < n_rows; row++)
    {
      if (g_strcmp0 (get_identity (list, row), identity) == 0)
        return row;
    }

  return G_MAXUINT;
}

/**
 * tl_account_view_reload:
 * @self: a #TlAccountView
 *
 * Shows the accounts of the same document again after it was segmented
 * anew, with the same sort order and filter. The chosen account stays
 * chosen. When the rows of the file were combined or split, it is found
 * again by its id.
 */
void
tl_account_view_reload (TlAccountView *self)
{
  g_autoptr(TlAccountList) old_list = NULL;
  g_autofree char *identity = NULL;
  TlDocument *document;

  g_return_if_fail (TL_IS_ACCOUNT_VIEW (self));

  if (self->list == NULL)
    return;

  detach_model (self);
  old_list = g_steal_pointer (&self->list);
  document = tl_account_list_get_document (old_list);
  identity = g_steal_pointer (&self->chosen_id);

  self->list = tl_account_list_new (document);
  set_chosen_row (self, find_identity (self->list, self->chosen_row, identity));
  /* Without ranks yet, the rows keep the file order until they come. */
  if (ranks_ready (self, tl_account_list_get_sort_key (old_list)))
    tl_account_list_sort (self->list, tl_account_list_get_sort_key (old_list),
                          tl_account_list_get_descending (old_list));
  tl_account_list_set_filter (self->list, tl_account_list_get_filter (old_list));
  attach_model (self);
  schedule_ranks (self);
}

/**
 * tl_account_view_set_filter:
 * @self: a #TlAccountView
 * @filter: (nullable): which accounts to show; %NULL shows them all
 *
 * Shows the accounts that pass @filter, in the current sort order. The
 * selected account stays selected, and scrolled into view, if it passes.
 */
void
tl_account_view_set_filter (TlAccountView         *self,
                            const TlAccountFilter *filter)
{
  g_return_if_fail (TL_IS_ACCOUNT_VIEW (self));

  if (self->list == NULL)
    return;

  detach_model (self);
  tl_account_list_set_filter (self->list, filter);
  attach_model_soon (self, FALSE);
}

/**
 * tl_account_view_get_list:
 * @self: a #TlAccountView
 *
 * Returns: (transfer none) (nullable): the accounts shown, in their order
 */
TlAccountList *
tl_account_view_get_list (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), NULL);

  return self->list;
}

/**
 * tl_account_view_get_model:
 * @self: a #TlAccountView
 *
 * Gets the selection model that the column view shows. Each sort replaces
 * it, so do not keep it across sorts.
 *
 * Returns: (transfer none) (nullable): the model shown
 */
GListModel *
tl_account_view_get_model (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), NULL);
  flush_attach (self);

  return self->selection != NULL ? G_LIST_MODEL (self->selection) : NULL;
}

/**
 * tl_account_view_get_column_view:
 * @self: a #TlAccountView
 *
 * Returns: (transfer none): the column view
 */
GtkColumnView *
tl_account_view_get_column_view (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), NULL);

  return self->column_view;
}

/**
 * tl_account_view_get_column:
 * @self: a #TlAccountView
 * @key: a sort key other than %TL_SORT_NONE
 *
 * Returns: (transfer none) (nullable): the column that sorts by @key
 */
GtkColumnViewColumn *
tl_account_view_get_column (TlAccountView *self,
                            TlSortKey      key)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), NULL);
  g_return_val_if_fail (key < TL_N_SORT_KEYS, NULL);

  return self->columns[key];
}

/**
 * tl_account_view_sort:
 * @self: a #TlAccountView
 * @key: the column to sort by; %TL_SORT_NONE restores the file order
 * @descending: whether the largest value comes first
 *
 * Sorts the accounts as a click on the column's header does, and shows
 * the header's sort arrow.
 */
void
tl_account_view_sort (TlAccountView *self,
                      TlSortKey      key,
                      gboolean       descending)
{
  g_return_if_fail (TL_IS_ACCOUNT_VIEW (self));
  g_return_if_fail (key < TL_N_SORT_KEYS);

  show_sort_arrow (self, key, descending);
  apply_sort (self, key, descending);
}

/**
 * tl_account_view_select_row:
 * @self: a #TlAccountView
 * @index: a table row
 *
 * Selects the account of table row @index and scrolls it into view.
 *
 * Returns: %TRUE if the account is shown
 */
gboolean
tl_account_view_select_row (TlAccountView *self,
                            guint          index)
{
  guint position;

  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), FALSE);
  flush_attach (self);

  if (self->list == NULL || self->selection == NULL)
    return FALSE;

  position = tl_account_list_find_position (self->list, index);
  if (position == G_MAXUINT)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_position (self, position);

  return TRUE;
}

/**
 * tl_account_view_get_selected_row:
 * @self: a #TlAccountView
 *
 * Returns: the table row of the selected account, or %G_MAXUINT
 */
guint
tl_account_view_get_selected_row (TlAccountView *self)
{
  TlAccountRow *row;

  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), G_MAXUINT);
  flush_attach (self);

  if (self->selection == NULL)
    return G_MAXUINT;

  row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? tl_account_row_get_index (row) : G_MAXUINT;
}

/**
 * tl_account_view_shows_no_match:
 * @self: a #TlAccountView
 *
 * Returns: whether the view shows that no account passes the filter, in
 *   place of the table
 */
gboolean
tl_account_view_shows_no_match (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "no-match") == 0;
}

/**
 * tl_account_view_get_sort_key:
 * @self: a #TlAccountView
 *
 * Returns: the column the accounts are sorted by, as the header shows it
 */
TlSortKey
tl_account_view_get_sort_key (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), TL_SORT_NONE);

  return self->sort_key;
}

/**
 * tl_account_view_get_sort_descending:
 * @self: a #TlAccountView
 *
 * Returns: whether the largest value of the sort column comes first
 */
gboolean
tl_account_view_get_sort_descending (TlAccountView *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_VIEW (self), FALSE);

  return self->sort_descending;
}

/**
 * tl_account_view_set_context_menu:
 * @self: a #TlAccountView
 * @model: the items of the table's context menu
 *
 * Gives the table a context menu of @model, which a right click, the Menu
 * key and Shift+F10 open. Call it once.
 */
void
tl_account_view_set_context_menu (TlAccountView *self,
                                  GMenuModel    *model)
{
  g_return_if_fail (TL_IS_ACCOUNT_VIEW (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));
  g_return_if_fail (self->context_menu == NULL);

  self->context_menu = tl_context_menu_attach (GTK_WIDGET (self), model);
}
