/* tl-snapshots-window.c
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

#define G_LOG_DOMAIN "tl-snapshots-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-snapshot-store.h"
#include "tl-snapshots-window.h"

/* The window of Snapshots: the saved quarters, newest first, each with
 * its source file, account count and date, and a Delete button that
 * requests confirmation. It shows what the main window gives it and emits
 * TlSnapshotsWindow::delete-snapshot once the user confirmed a deletion.
 * The main window then deletes the snapshot and lists the rest again. */

/* Quarters before the open file's that the movement rules compare with. */
#define N_COMPARED_QUARTERS 3

struct _TlSnapshotsWindow
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  AdwPreferencesGroup  *group;
  GtkLabel             *path_label;
  AdwStatusPage        *error_page;

  GPtrArray            *rows;    /* the AdwActionRow of each snapshot shown */
};

enum
{
  DELETE_SNAPSHOT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlSnapshotsWindow, tl_snapshots_window, ADW_TYPE_WINDOW)

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    TlSnapshotsWindow *self)
{
  const char *quarter = g_object_get_data (G_OBJECT (dialog), "quarter");

  if (g_strcmp0 (response, "delete") == 0)
    g_signal_emit (self, signals[DELETE_SNAPSHOT], 0, quarter);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TlSnapshotsWindow *self = TL_SNAPSHOTS_WINDOW (widget);
  const char *quarter = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a quarter, as in "Delete the Snapshot of 2026-Q3?" */
  heading = g_strdup_printf (_("Delete the Snapshot of %s?"), quarter);
  body = g_strdup_printf (_("The accounts saved for %s can no longer be compared with later "
                            "quarters. This cannot be undone."), quarter);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "quarter", g_strdup (quarter), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_rows (TlSnapshotsWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
tl_snapshots_window_dispose (GObject *object)
{
  TlSnapshotsWindow *self = TL_SNAPSHOTS_WINDOW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_SNAPSHOTS_WINDOW);

  G_OBJECT_CLASS (tl_snapshots_window_parent_class)->dispose (object);
}

static void
tl_snapshots_window_class_init (TlSnapshotsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_snapshots_window_dispose;

  /**
   * TlSnapshotsWindow::delete-snapshot:
   * @quarter: the quarter whose snapshot to delete, such as "2026-Q3"
   *
   * Emitted when the user confirmed that a snapshot is to be deleted.
   */
  signals[DELETE_SNAPSHOT] = g_signal_new ("delete-snapshot", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-snapshots-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotsWindow, group);
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotsWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotsWindow, error_page);

  gtk_widget_class_install_action (widget_class, "snapshots.delete", "s", delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_snapshots_window_init (TlSnapshotsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * tl_snapshots_window_new:
 * @parent: the main window
 *
 * Returns: (transfer none): a new window, owned by GTK until it closes
 */
TlSnapshotsWindow *
tl_snapshots_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TL_TYPE_SNAPSHOTS_WINDOW, "transient-for", parent, NULL);
}

/* Formats a stored ISO 8601 time in local time, as in "2026-12-04 18:40",
 * or returns it as stored when it cannot be read. */
static char *
format_saved_at (const char *saved_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (saved_at == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (saved_at, NULL);
  if (utc == NULL)
    return g_strdup (saved_at);

  local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Returns whether @quarter is one of the quarters before @current that
 * the movement rules compare with. */
static gboolean
is_compared (const char *quarter,
             const char *current)
{
  g_autofree char *previous = NULL;

  if (current == NULL || !tl_quarter_is_valid (current))
    return FALSE;

  previous = g_strdup (current);
  for (guint i = 0; i < N_COMPARED_QUARTERS; i++)
    {
      char *before = tl_quarter_previous (previous);

      g_free (previous);
      previous = before;
      if (g_ascii_strcasecmp (previous, quarter) == 0)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
create_row (const TlSnapshotInfo *info,
            const char           *current)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *saved = format_saved_at (info->saved_at);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *source = g_markup_escape_text (info->source != NULL ? info->source : "", -1);

  /* Translators: a saved snapshot, as in "accounts.csv · 204 accounts · saved
   * 2026-12-04 18:40"; the first %s is a file name */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u account · saved %s",
                                           "%s · %u accounts · saved %s", info->accounts),
                              source, info->accounts, saved);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->quarter);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (is_compared (info->quarter, current))
    {
      GtkWidget *tag = gtk_label_new (C_("snapshot", "compared"));

      gtk_widget_add_css_class (tag, "health-note");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, _("The movement rules compare the open file with "
                                          "this snapshot"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  /* Translators: %s is a quarter */
  accessible = g_strdup_printf (_("Delete the Snapshot of %s"), info->quarter);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete Snapshot"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "snapshots.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->quarter);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static char *
describe_comparison (const char *current)
{
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *q3 = NULL;

  if (current == NULL || !tl_quarter_is_valid (current))
    return g_strdup (_("Open a file to compare its accounts with these snapshots."));

  q1 = tl_quarter_previous (current);
  q2 = tl_quarter_previous (q1);
  q3 = tl_quarter_previous (q2);

  /* Translators: the quarters the movement rules use, as in "The open file
   * counts as 2026-Q4. The movement rules compare it with the snapshots of
   * 2026-Q3, 2026-Q2 and 2026-Q1." */
  return g_strdup_printf (_("The open file counts as %s. The movement rules compare it with "
                            "the snapshots of %s, %s and %s."), current, q1, q2, q3);
}

/**
 * tl_snapshots_window_show_snapshots:
 * @self: a #TlSnapshotsWindow
 * @snapshots: (element-type TlSnapshotInfo): the saved quarters, newest first
 * @quarter: (nullable): the quarter the open file counts as
 * @path: the database file
 *
 * Lists @snapshots, or shows the empty page when there are none.
 */
void
tl_snapshots_window_show_snapshots (TlSnapshotsWindow *self,
                                    GPtrArray         *snapshots,
                                    const char        *quarter,
                                    const char        *path)
{
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  g_autofree char *kept = NULL;

  g_return_if_fail (TL_IS_SNAPSHOTS_WINDOW (self));
  g_return_if_fail (snapshots != NULL);
  g_return_if_fail (path != NULL);

  clear_rows (self);
  for (guint i = 0; i < snapshots->len; i++)
    {
      GtkWidget *row = create_row (g_ptr_array_index (snapshots, i), quarter);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  description = describe_comparison (quarter);
  adw_preferences_group_set_description (self->group, description);
  name = g_filename_display_name (path);
  /* Translators: %s is the path of the snapshot database */
  kept = g_strdup_printf (_("Kept in %s"), name);
  gtk_label_set_text (self->path_label, kept);

  gtk_stack_set_visible_child_name (self->stack, snapshots->len > 0 ? "list" : "empty");
}

/**
 * tl_snapshots_window_show_error:
 * @self: a #TlSnapshotsWindow
 * @message: why the snapshots cannot be read
 *
 * Shows that the snapshots cannot be listed, and why.
 */
void
tl_snapshots_window_show_error (TlSnapshotsWindow *self,
                                const char        *message)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TL_IS_SNAPSHOTS_WINDOW (self));
  g_return_if_fail (message != NULL);

  clear_rows (self);
  description = g_strdup_printf ("%s\n\n%s", message,
                                 _("Tierline works without history until then: the movement "
                                   "rules that look back over quarters flag no account."));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/**
 * tl_snapshots_window_get_page:
 * @self: a #TlSnapshotsWindow
 *
 * Returns: the page shown: "list", "empty" or "error"
 */
const char *
tl_snapshots_window_get_page (TlSnapshotsWindow *self)
{
  g_return_val_if_fail (TL_IS_SNAPSHOTS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
tl_snapshots_window_get_n_snapshots (TlSnapshotsWindow *self)
{
  g_return_val_if_fail (TL_IS_SNAPSHOTS_WINDOW (self), 0);

  return self->rows->len;
}

/**
 * tl_snapshots_window_get_row:
 * @self: a #TlSnapshotsWindow
 * @index: a row, from 0 for the newest quarter
 *
 * Returns: (transfer none): the row of the @index-th snapshot shown
 */
AdwActionRow *
tl_snapshots_window_get_row (TlSnapshotsWindow *self,
                             guint              index)
{
  g_return_val_if_fail (TL_IS_SNAPSHOTS_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
