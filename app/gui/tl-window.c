/* tl-window.c
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


#define G_LOG_DOMAIN "tl-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-account-view.h"
#include "tl-format.h"
#include "tl-report-window.h"
#include "tl-tier-summary.h"
#include "tl-value.h"
#include "tl-window-private.h"

/* How long a job runs before the window shows its progress page, so that
 * a small file or a quick export does not flash the page. */
#define JOB_PAGE_DELAY_MS 200
#define JOB_POLL_INTERVAL_MS 50

G_DEFINE_FINAL_TYPE (TlWindow, tl_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_COMBINE_IDS,
  PROP_SHOW_DETAIL,
  PROP_VIEW,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (TlWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Settings schema %s is not installed: the window size is not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (TlWindow *self)
{
  int width;
  int height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

/* Cancels the running job, if any, and drops the window's reference to
 * it, so its completion callback finds that it is no longer the window's
 * job and discards its result. */
static void
clear_job (TlWindow *self)
{
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);

  g_clear_handle_id (&self->job_page_source, g_source_remove);
  g_clear_handle_id (&self->job_poll_source, g_source_remove);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  self->job_progress = NULL;
  self->job_kind = TL_JOB_NONE;
}

static gboolean
tl_window_close_request (GtkWindow *window)
{
  TlWindow *self = TL_WINDOW (window);

  save_window_state (self);
  clear_job (self);

  return GTK_WINDOW_CLASS (tl_window_parent_class)->close_request (window);
}

static void
tl_window_dispose (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  clear_job (self);
  g_clear_pointer (&self->arr_order, g_free);
  _tl_window_dispose_capacity (self);
  _tl_window_dispose_history (self);

  if (self->mapping_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->mapping_dialog));
  g_clear_weak_pointer (&self->mapping_dialog);
  _tl_window_dispose_model (self);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->last_export);

  G_OBJECT_CLASS (tl_window_parent_class)->dispose (object);
}

static void
tl_window_finalize (GObject *object)
{
  TlWindow *self = TL_WINDOW (object);

  g_clear_pointer (&self->page_before_job, g_free);
  g_clear_pointer (&self->model, tl_model_free);

  G_OBJECT_CLASS (tl_window_parent_class)->finalize (object);
}

static void
tl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TlWindow *self = TL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMBINE_IDS:
      g_value_set_boolean (value, tl_window_get_combine_ids (self));
      break;
    case PROP_SHOW_DETAIL:
      g_value_set_boolean (value, tl_window_get_show_detail (self));
      break;
    case PROP_VIEW:
      g_value_set_string (value, tl_window_get_view (self));
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, tl_window_get_sort_key (self));
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, tl_window_get_sort_descending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TlWindow *self = TL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMBINE_IDS:
      tl_window_set_combine_ids (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_DETAIL:
      tl_window_set_show_detail (self, g_value_get_boolean (value));
      break;
    case PROP_VIEW:
      tl_window_set_view (self, g_value_get_string (value));
      break;
    case PROP_SORT_KEY:
      tl_window_set_sort_key (self, g_value_get_string (value));
      break;
    case PROP_SORT_DESCENDING:
      tl_window_set_sort_descending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _tl_window_choose_file_to_open (TL_WINDOW (widget));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _tl_window_choose_export_file (TL_WINDOW (widget));
}

static void
open_sample_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GFile) sample = tl_application_find_sample ();

  if (sample == NULL)
    {
      _tl_window_show_error (self, _("Sample Accounts Not Found"),
                             _("The sample accounts file is not installed. "
                               "Reinstall Tierline to get it back."));
      return;
    }

  tl_window_open_file (self, sample);
}

/* Opens the table's menu, with its Sort By items, from the main menu. A
 * submenu of the main menu would do the same, but in GTK 4.8 the window
 * ignored every key after such a submenu closed. */
static void
show_table_menu_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (tl_account_view_get_column_view (self->account_view)));
  gtk_widget_activate_action (GTK_WIDGET (self->account_view), "accounts.context-menu", NULL);
}

static void
sort_by_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  const char *name;
  gboolean descending;
  TlSortKey key;

  g_variant_get (parameter, "(&sb)", &name, &descending);

  if (!tl_sort_key_from_name (name, &key))
    {
      g_warning ("Cannot sort by “%s”: no such column", name);
      return;
    }

  tl_account_view_sort (self->account_view, key, descending);
}

static void
show_report_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autofree char *name = NULL;
  TlReportWindow *report_window;

  if (self->document == NULL)
    return;

  name = tl_document_get_basename (self->document);
  report_window = tl_report_window_new (GTK_WINDOW (self), name,
                                        tl_document_get_report (self->document));
  gtk_window_present (GTK_WINDOW (report_window));
}

static void
choose_columns_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);

  if (self->document == NULL || self->job_kind != TL_JOB_NONE)
    return;

  _tl_window_choose_columns (self, self->document, NULL);
}

static void
show_export_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autofree char *uri = NULL;

  if (self->last_export == NULL)
    return;

  uri = g_file_get_uri (self->last_export);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tl_window_cancel (TL_WINDOW (widget));
}

static void
cancel_clicked_cb (TlWindow *self)
{
  tl_window_cancel (self);
}

static void
reveal_flap_cb (TlWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAIL]);
}

/* Returns the first file of a drop, owned by @value. */
static GFile *
get_first_dropped_file (const GValue *value)
{
  g_autoptr(GSList) files = NULL;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    return g_value_get_object (value);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return NULL;

  files = gdk_file_list_get_files (g_value_get_boxed (value));

  return files != NULL ? files->data : NULL;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               TlWindow      *self)
{
  if (self->job_kind == TL_JOB_EXPORT)
    return 0;

  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-active");

  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               TlWindow      *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TlWindow      *self)
{
  GFile *file = get_first_dropped_file (value);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-active");

  if (file == NULL || self->job_kind == TL_JOB_EXPORT)
    return FALSE;

  tl_window_open_file (self, file);

  return TRUE;
}

static void
setup_drop_target (TlWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
tl_window_class_init (TlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tl_window_dispose;
  object_class->finalize = tl_window_finalize;
  object_class->get_property = tl_window_get_property;
  object_class->set_property = tl_window_set_property;
  window_class->close_request = tl_window_close_request;

  /**
   * TlWindow:combine-ids:
   *
   * Whether the rows of the document that share an account id are shown
   * as one account. The win.combine-ids action toggles it.
   */
  properties[PROP_COMBINE_IDS] =
    g_param_spec_boolean ("combine-ids", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TlWindow:show-detail:
   *
   * Whether the pane that explains the selected account is open. The
   * win.show-detail action toggles it.
   */
  properties[PROP_SHOW_DETAIL] =
    g_param_spec_boolean ("show-detail", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TlWindow:view:
   *
   * The page shown under the header bar: "accounts" or "capacity". The
   * win.view action sets it.
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "accounts",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /**
   * TlWindow:sort-key:
   *
   * The column the table is sorted by, as win.sort-by takes it, or
   * "none" for the file order. The radio items of the Sort By menus set
   * it through the win.sort-key action.
   */
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * TlWindow:sort-descending:
   *
   * Whether the table shows the largest value of its sort column first.
   * The win.sort-descending action toggles it.
   */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TL_TYPE_TIER_SUMMARY);
  g_type_ensure (TL_TYPE_CAPACITY_VIEW);
  g_type_ensure (TL_TYPE_FILTER_BAR);
  g_type_ensure (TL_TYPE_ACCOUNT_VIEW);
  g_type_ensure (TL_TYPE_ACCOUNT_DETAIL);
  g_type_ensure (TL_TYPE_RECENT_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, detail_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, capacity_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, combine_revealer);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, combine_label);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, combine_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, tier_summary);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, detail_flap);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, account_view);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, account_detail);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, TlWindow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_flap_cb);
  _tl_window_class_init_explore (widget_class);
  _tl_window_class_init_model (widget_class);
  _tl_window_class_init_capacity (widget_class);
  _tl_window_class_init_history (widget_class);
  _tl_window_class_init_recent (widget_class);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action_cb);
  gtk_widget_class_install_action (widget_class, "win.sort-by", "(sb)", sort_by_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-table-menu", NULL,
                                   show_table_menu_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.sort-key", "sort-key");
  gtk_widget_class_install_property_action (widget_class, "win.sort-descending",
                                            "sort-descending");
  gtk_widget_class_install_action (widget_class, "win.choose-columns", NULL,
                                   choose_columns_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.combine-ids", "combine-ids");
  gtk_widget_class_install_action (widget_class, "win.show-report", NULL, show_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-export", NULL, show_export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}

static void
sort_changed_cb (TlWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

/* Gives the table a context menu, which the Menu key and Shift+F10 open
 * from the keyboard: the detail pane and the Sort By items of the main
 * menu. */
static void
setup_table_menu (TlWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) detail_section = g_menu_new ();

  g_menu_append (detail_section, _("Account Detai_ls"), "win.show-detail");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (detail_section));
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (self->sort_menu));
  tl_account_view_set_context_menu (self->account_view, G_MENU_MODEL (menu));

  g_signal_connect_object (self->account_view, "notify::sort-key",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_view, "notify::sort-descending",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
tl_window_init (TlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tl_accessible_label_menu_button (self->menu_button, _("Main Menu"));
  setup_table_menu (self);

  restore_window_state (self);
  _tl_window_init_model (self);
  _tl_window_init_recent (self);
  setup_drop_target (self);
  _tl_window_update_actions (self);
}

/**
 * tl_window_new:
 * @application: the application
 *
 * Creates a window that shows no document yet.
 *
 * Returns: (transfer full): a new #TlWindow
 */
TlWindow *
tl_window_new (TlApplication *application)
{
  g_return_val_if_fail (TL_IS_APPLICATION (application), NULL);

  return g_object_new (TL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Enables the actions that make sense in the window's current state. */
void
_tl_window_update_actions (TlWindow *self)
{
  gboolean exporting = self->job_kind == TL_JOB_EXPORT;
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 has_document && self->job_kind == TL_JOB_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sort-by", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-table-menu", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sort-key", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sort-descending", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-columns",
                                 has_document && self->job_kind == TL_JOB_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.combine-ids",
                                 has_document && self->n_repeated_ids > 0 && !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-report", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-export",
                                 self->last_export != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel",
                                 self->job_kind != TL_JOB_NONE);
  _tl_window_update_explore_actions (self);
  _tl_window_update_model_actions (self);
  _tl_window_update_capacity_actions (self);
  _tl_window_update_history_actions (self);
  _tl_window_update_recent_actions (self);
}

static void
update_title (TlWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *arr = NULL;
  g_autofree char *subtitle = NULL;
  const TlSegmentation *segmentation;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Tierline"));
      adw_view_switcher_title_set_title (self->switcher_title, _("Tierline"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
      return;
    }

  segmentation = tl_document_get_segmentation (self->document);
  name = tl_document_get_basename (self->document);
  count = tl_format_count (segmentation->n_accounts);
  arr = tl_format_money_short (segmentation->total_arr,
                               tl_account_table_get_arr_currency (tl_document_get_table (self->document)));
  /* Translators: the window subtitle, as in "204 accounts · $48.2M ARR" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account · %s ARR",
                                           "%s accounts · %s ARR", segmentation->n_accounts),
                              count, arr);

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
}

/* Shows the accounts of the document again after they were segmented
 * anew, keeping the table's sort order, filters and selected account. */
static void
document_changed_cb (TlDocument *document,
                     TlWindow   *self)
{
  tl_tier_summary_set_document (self->tier_summary, document);
  _tl_window_explore_reload (self);
  _tl_window_capacity_reload (self);

  update_title (self);
  _tl_window_update_notices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMBINE_IDS]);
}

/* Shows @document, whose segmentation is ready, in place of the current
 * document. */
void
_tl_window_set_document (TlWindow   *self,
                         TlDocument *document)
{
  gboolean combine_ids = tl_window_get_combine_ids (self);

  g_assert (TL_IS_WINDOW (self));
  g_assert (TL_IS_DOCUMENT (document));

  /* A dialog still open for another document would replace this one. */
  if (self->mapping_dialog != NULL
      && tl_mapping_dialog_get_document (self->mapping_dialog) != document)
    gtk_window_destroy (GTK_WINDOW (self->mapping_dialog));

  _tl_window_model_set_document (self, document);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  g_set_object (&self->document, document);
  g_clear_object (&self->last_export);
  self->document_changed_id = g_signal_connect (document, "changed",
                                                G_CALLBACK (document_changed_cb), self);
  self->n_repeated_ids = tl_document_count_repeated_ids (document);

  tl_tier_summary_set_document (self->tier_summary, document);
  _tl_window_explore_set_document (self, document);
  _tl_window_capacity_reload (self);
  _tl_window_history_set_document (self, document);
  update_title (self);
  _tl_window_update_notices (self);
  gtk_stack_set_visible_child_name (self->stack, "accounts");
  _tl_window_update_actions (self);

  if (combine_ids != tl_window_get_combine_ids (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMBINE_IDS]);
}

static gboolean
show_job_page_cb (gpointer user_data)
{
  TlWindow *self = user_data;

  self->job_page_source = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");

  return G_SOURCE_REMOVE;
}

static gboolean
poll_job_progress_cb (gpointer user_data)
{
  TlWindow *self = user_data;
  int permille;

  if (self->job_progress == NULL)
    return G_SOURCE_CONTINUE;

  permille = g_atomic_int_get (&self->job_progress->permille);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (permille, 0, 1000) / 1000.0);

  return G_SOURCE_CONTINUE;
}

/* Makes @task the window's job, in place of a running one, which is
 * cancelled. @task's cancellable is the one the Cancel button cancels, and
 * @progress, which @task's data owns, feeds the progress bar. After a short
 * delay the progress page shows @title. */
void
_tl_window_begin_job (TlWindow      *self,
                      TlJobKind      kind,
                      GTask         *task,
                      TlJobProgress *progress,
                      const char    *title)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  g_assert (kind != TL_JOB_NONE);
  g_assert (G_IS_TASK (task));

  if (g_strcmp0 (page, "loading") != 0)
    {
      g_free (self->page_before_job);
      self->page_before_job = g_strdup (page);
    }

  clear_job (self);
  self->job_kind = kind;
  self->job = g_object_ref (task);
  self->job_cancellable = g_object_ref (g_task_get_cancellable (task));
  self->job_progress = progress;

  adw_status_page_set_title (self->loading_page, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  self->job_page_source = g_timeout_add (JOB_PAGE_DELAY_MS, show_job_page_cb, self);
  self->job_poll_source = g_timeout_add (JOB_POLL_INTERVAL_MS, poll_job_progress_cb, self);

  _tl_window_update_actions (self);
}

/* Ends the job of @task. Returns FALSE when @task is no longer the window's
 * job: it was replaced or cancelled with the window, and its result must be
 * dropped. */
gboolean
_tl_window_end_job (TlWindow *self,
                    GTask    *task)
{
  if (self->job != task)
    return FALSE;

  clear_job (self);
  _tl_window_update_actions (self);

  return TRUE;
}

/* Goes back to the page shown before the job began. */
void
_tl_window_leave_job (TlWindow *self)
{
  const char *page = self->page_before_job;

  if (page == NULL || g_strcmp0 (page, "loading") == 0)
    page = self->document != NULL ? "accounts" : "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Stores the fraction done of a job; called in the worker thread. */
void
_tl_window_job_progress (double   fraction,
                         gpointer user_data)
{
  TlJobProgress *progress = user_data;

  g_atomic_int_set (&progress->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000.0));
}

/* Shows an error in a message dialog over the window. */
void
_tl_window_show_error (TlWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows @chooser, modal, in place of a file chooser the window shows. The
 * window owns @chooser until its response handler releases it. */
void
_tl_window_show_file_chooser (TlWindow             *self,
                              GtkFileChooserNative *chooser)
{
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->file_chooser, TRUE);
  gtk_native_dialog_show (self->file_chooser);
}

/**
 * tl_window_cancel:
 * @self: a #TlWindow
 *
 * Cancels the running load or export, as the Cancel button does. The
 * window goes back to what it showed before.
 */
void
tl_window_cancel (TlWindow *self)
{
  g_return_if_fail (TL_IS_WINDOW (self));

  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

/**
 * tl_window_get_document:
 * @self: a #TlWindow
 *
 * Returns: (transfer none) (nullable): the document shown
 */
TlDocument *
tl_window_get_document (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * tl_window_get_column_view:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the table of accounts
 */
GtkColumnView *
tl_window_get_column_view (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return tl_account_view_get_column_view (self->account_view);
}

/**
 * tl_window_get_visible_model:
 * @self: a #TlWindow
 *
 * Gets the model the table shows, in display order. Each sort replaces
 * it, so get it again after sorting.
 *
 * Returns: (transfer none) (nullable): the model, with #TlAccountRow items
 */
GListModel *
tl_window_get_visible_model (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return tl_account_view_get_model (self->account_view);
}

/**
 * tl_window_get_column:
 * @self: a #TlWindow
 * @sort_key: the name of the column's sort key, as win.sort-by takes it
 *
 * Returns: (transfer none) (nullable): the column, or %NULL for an unknown
 *   name
 */
GtkColumnViewColumn *
tl_window_get_column (TlWindow   *self,
                      const char *sort_key)
{
  TlSortKey key;

  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (sort_key != NULL, NULL);

  if (!tl_sort_key_from_name (sort_key, &key) || key == TL_SORT_NONE)
    return NULL;

  return tl_account_view_get_column (self->account_view, key);
}

/**
 * tl_window_get_status:
 * @self: a #TlWindow
 *
 * Returns: the status line under the table, such as
 *   "204 accounts · 2 need data"
 */
const char *
tl_window_get_status (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->status_label);
}

/**
 * tl_window_get_combine_ids:
 * @self: a #TlWindow
 *
 * Returns: whether the rows of the document shown that share an account
 *   id are combined into one account
 */
gboolean
tl_window_get_combine_ids (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return self->document != NULL && tl_document_get_combine_ids (self->document);
}

/**
 * tl_window_set_combine_ids:
 * @self: a #TlWindow
 * @combine: whether rows that share an account id become one account
 *
 * Combines the rows of the document shown that share an account id, or
 * shows them apart again, as the combine bar does. The accounts are
 * segmented again in memory; the file is not read again.
 */
void
tl_window_set_combine_ids (TlWindow *self,
                           gboolean  combine)
{
  g_return_if_fail (TL_IS_WINDOW (self));
  /* The export thread reads the document's accounts. */
  g_return_if_fail (self->job_kind != TL_JOB_EXPORT);

  if (self->document == NULL || tl_window_get_combine_ids (self) == !!combine)
    return;

  /* The document emits TlDocument::changed, which updates the window. */
  tl_document_set_combine_ids (self->document, combine);
}

/**
 * tl_window_get_combine_bar_text:
 * @self: a #TlWindow
 *
 * Returns: (nullable): the text of the bar that offers to combine rows,
 *   or %NULL when the bar is hidden
 */
const char *
tl_window_get_combine_bar_text (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->combine_revealer))
    return NULL;

  return gtk_label_get_text (self->combine_label);
}

/**
 * tl_window_get_tier_summary:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the tier summary above the table
 */
TlTierSummary *
tl_window_get_tier_summary (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->tier_summary;
}

/**
 * tl_window_get_page:
 * @self: a #TlWindow
 *
 * Returns: the name of the page shown: "empty", "loading" or "accounts"
 */
const char *
tl_window_get_page (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tl_window_is_loading:
 * @self: a #TlWindow
 *
 * Returns: whether a file is being read
 */
gboolean
tl_window_is_loading (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return self->job_kind == TL_JOB_LOAD;
}

/**
 * tl_window_is_exporting:
 * @self: a #TlWindow
 *
 * Returns: whether a workbook is being written
 */
gboolean
tl_window_is_exporting (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return self->job_kind == TL_JOB_EXPORT;
}

/**
 * tl_window_is_empty:
 * @self: a #TlWindow
 *
 * Returns: whether the window shows no document and is not loading one
 */
gboolean
tl_window_is_empty (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->job_kind == TL_JOB_NONE;
}

/**
 * tl_window_get_sort_key:
 * @self: a #TlWindow
 *
 * Returns: the name of the column the table is sorted by, as win.sort-by
 *   takes it, or "none" for the file order
 */
const char *
tl_window_get_sort_key (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  /* The action of the property reads it before the template is built. */
  if (self->account_view == NULL)
    return tl_sort_key_get_name (TL_SORT_NONE);

  return tl_sort_key_get_name (tl_account_view_get_sort_key (self->account_view));
}

/* Returns the direction a newly chosen column sorts in: amounts and
 * scores largest first, names, tiers and dates from the top. */
static gboolean
sorts_descending_first (TlSortKey key)
{
  switch (key)
    {
    case TL_SORT_ARR:
    case TL_SORT_HEALTH:
    case TL_SORT_EXPANSION:
    case TL_SORT_SEATS_USED:
      return TRUE;
    case TL_SORT_NONE:
    case TL_SORT_NAME:
    case TL_SORT_TIER:
    case TL_SORT_OWNER:
    case TL_SORT_RENEWAL:
    case TL_SORT_MOVEMENT:
    case TL_N_SORT_KEYS:
    default:
      return FALSE;
    }
}

/**
 * tl_window_set_sort_key:
 * @self: a #TlWindow
 * @sort_key: the name of a column, as win.sort-by takes it, or "none"
 *
 * Sorts the table by @sort_key, as the Sort By menu does: amounts and
 * scores largest first, names, tiers and dates from the top. The
 * Descending item then turns the order around.
 */
void
tl_window_set_sort_key (TlWindow   *self,
                        const char *sort_key)
{
  TlSortKey key;

  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (sort_key != NULL);

  if (!tl_sort_key_from_name (sort_key, &key))
    {
      g_warning ("Cannot sort by “%s”: no such column", sort_key);
      return;
    }

  if (key == tl_account_view_get_sort_key (self->account_view))
    return;

  tl_account_view_sort (self->account_view, key, sorts_descending_first (key));
}

/**
 * tl_window_get_sort_descending:
 * @self: a #TlWindow
 *
 * Returns: whether the table shows the largest value of its sort column
 *   first
 */
gboolean
tl_window_get_sort_descending (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  if (self->account_view == NULL)
    return FALSE;

  return tl_account_view_get_sort_descending (self->account_view);
}

/**
 * tl_window_set_sort_descending:
 * @self: a #TlWindow
 * @descending: whether the largest value comes first
 *
 * Sorts the table by the same column in the direction @descending.
 */
void
tl_window_set_sort_descending (TlWindow *self,
                               gboolean  descending)
{
  g_return_if_fail (TL_IS_WINDOW (self));

  if (!!descending == tl_account_view_get_sort_descending (self->account_view))
    return;

  tl_account_view_sort (self->account_view,
                        tl_account_view_get_sort_key (self->account_view), descending);
}
