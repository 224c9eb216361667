/* tl-window-history.c
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

#define G_LOG_DOMAIN "tl-window-history"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-snapshot-dialog.h"
#include "tl-snapshots-window.h"
#include "tl-window-private.h"

/* Quarterly snapshots in the window: Save Snapshot, the Snapshots window,
 * and the history of the quarters before the document's, which the move
 * rules that look back over quarters use.
 *
 * The document counts as the current quarter when it loads, and as the
 * quarter it was saved as after Save Snapshot. Its history is read from
 * the user's snapshot database, when that file exists, in a worker thread
 * after each load, save, deletion or change of quarter. A database that
 * cannot be used (locked, damaged, from a newer version) is reported once
 * in a toast, and the window goes on without history. Saving and deleting
 * run on the main thread: they are explicit steps the user waits for. */

/* Quarters the Save Snapshot dialog offers: the current one and the ones
 * before it. */
#define N_OFFERED_QUARTERS 8

typedef struct
{
  char       *path;
  char       *quarter;
  TlDocument *document;
} HistoryJob;

static void
history_job_free (gpointer data)
{
  HistoryJob *job = data;

  g_free (job->path);
  g_free (job->quarter);
  g_clear_object (&job->document);
  g_free (job);
}

static char *
get_current_quarter (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return tl_quarter_for_date (now);
}

/* Reads the history in the worker thread. A database that does not exist
 * yet gives no history and no error: nothing was saved. */
static void
history_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  HistoryJob *job = task_data;
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  TlHistory *history;

  if (!g_file_test (job->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  store = tl_snapshot_store_open (job->path, &error);
  history = store != NULL ? tl_snapshot_store_load_history (store, job->quarter, &error) : NULL;
  if (history == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, history, (GDestroyNotify) tl_history_free);
}

/* Returns a short reason for the toast; the Snapshots window shows the
 * whole message. */
static const char *
describe_problem (const GError *error)
{
  if (g_error_matches (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_BUSY))
    return _("the snapshots are locked by another program");
  if (g_error_matches (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_CORRUPT))
    return _("the snapshot database is damaged");
  if (g_error_matches (error, TL_SNAPSHOT_ERROR, TL_SNAPSHOT_ERROR_NEWER))
    return _("the snapshots are from a newer version of Tierline");

  return _("the snapshots could not be read");
}

/* Reports once, until the history can be read again, that the window goes
 * on without history. */
static void
report_problem (TlWindow     *self,
                const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (self->history_problem);
  self->history_problem = g_strdup (error->message);
  g_debug ("No history: %s", error->message);

  if (self->history_warned)
    return;

  self->history_warned = TRUE;
  /* Translators: %s is a short reason, such as "the snapshot database is damaged" */
  title = g_strdup_printf (_("Tierline works without history: %s"), describe_problem (error));
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-snapshots");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Uses @history, which the function takes, for the document, now or once
 * the export that reads the document has ended. */
static void
apply_history (TlWindow  *self,
               TlHistory *history)
{
  g_clear_pointer (&self->pending_history, tl_history_free);

  if (self->job_kind == TL_JOB_EXPORT)
    {
      self->pending_history = history;
      return;
    }

  /* The document emits TlDocument::changed, which updates the window. */
  tl_document_set_history (self->document, history);
}

static void
history_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TlWindow *self = TL_WINDOW (source_object);
  HistoryJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  TlHistory *history;

  history = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || job->document != self->document || g_strcmp0 (job->quarter, self->quarter) != 0)
    {
      g_clear_pointer (&history, tl_history_free);
      return;
    }

  g_clear_object (&self->history_cancellable);

  if (error != NULL)
    {
      report_problem (self, error);
      if (tl_document_get_history (self->document) != NULL)
        apply_history (self, NULL);
      return;
    }

  self->history_warned = FALSE;
  g_clear_pointer (&self->history_problem, g_free);

  /* No database: nothing to compare with, and nothing to clear unless the
   * database was removed since the last read. */
  if (history == NULL && tl_document_get_history (self->document) == NULL)
    return;

  g_debug ("History of %s: %u earlier quarters with a snapshot", job->quarter,
           history != NULL ? tl_history_count_quarters (history) : 0);
  apply_history (self, history);
}

/* Reads the history of the document's quarter again, in a worker thread,
 * in place of a read still running. */
static void
reload_history (TlWindow *self)
{
  g_autoptr(GTask) task = NULL;
  HistoryJob *job;

  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);

  if (self->document == NULL || self->quarter == NULL)
    return;

  job = g_new0 (HistoryJob, 1);
  job->path = tl_snapshot_store_default_path ();
  job->quarter = g_strdup (self->quarter);
  job->document = g_object_ref (self->document);

  self->history_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->history_cancellable, history_done_cb, NULL);
  g_task_set_source_tag (task, reload_history);
  g_task_set_task_data (task, job, history_job_free);
  g_task_run_in_thread (task, history_thread);
}

/* Opens the snapshot database, or shows why it cannot be opened. */
static TlSnapshotStore *
open_store (TlWindow   *self,
            const char *heading)
{
  g_autofree char *path = tl_snapshot_store_default_path ();
  g_autoptr(GError) error = NULL;
  TlSnapshotStore *store = tl_snapshot_store_open (path, &error);

  if (store == NULL)
    _tl_window_show_error (self, heading, error->message);

  return store;
}

static void
refresh_snapshots_window (TlWindow *self)
{
  g_autofree char *path = tl_snapshot_store_default_path ();
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;
  TlSnapshotsWindow *window = TL_SNAPSHOTS_WINDOW (self->snapshots_window);

  if (window == NULL)
    return;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      snapshots = g_ptr_array_new ();
      tl_snapshots_window_show_snapshots (window, snapshots, self->quarter, path);
      return;
    }

  store = tl_snapshot_store_open (path, &error);
  if (store != NULL)
    snapshots = tl_snapshot_store_list (store, &error);

  if (snapshots == NULL)
    tl_snapshots_window_show_error (window, error->message);
  else
    tl_snapshots_window_show_snapshots (window, snapshots, self->quarter, path);
}

static void
set_quarter (TlWindow   *self,
             const char *quarter)
{
  g_free (self->quarter);
  self->quarter = g_ascii_strup (quarter, -1);
  reload_history (self);
  refresh_snapshots_window (self);
}

/* Saves the document's accounts as the snapshot of @quarter, replacing
 * one saved before, and makes the document count as @quarter. */
static gboolean
save_snapshot (TlWindow   *self,
               const char *quarter)
{
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *toast = NULL;

  store = open_store (self, _("Could Not Save the Snapshot"));
  if (store == NULL)
    return FALSE;

  source = tl_document_get_basename (self->document);
  if (!tl_snapshot_store_save (store, quarter, source, tl_document_get_table (self->document),
                               tl_document_get_segmentation (self->document), &error))
    {
      g_warning ("Failed to save the snapshot of %s: %s", quarter, error->message);
      _tl_window_show_error (self, _("Could Not Save the Snapshot"), error->message);
      return FALSE;
    }

  g_debug ("Saved %s as the snapshot of %s", source, quarter);
  /* Translators: %s is a quarter, such as 2026-Q3 */
  toast = g_strdup_printf (_("Saved the accounts as the snapshot of %s"), quarter);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
  set_quarter (self, quarter);

  return TRUE;
}

/* Returns the snapshot already saved for @quarter, or NULL. */
static TlSnapshotInfo *
find_snapshot (TlWindow   *self,
               const char *quarter)
{
  g_autofree char *path = tl_snapshot_store_default_path ();
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  store = tl_snapshot_store_open (path, NULL);
  snapshots = store != NULL ? tl_snapshot_store_list (store, NULL) : NULL;
  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      TlSnapshotInfo *info = g_ptr_array_index (snapshots, i);

      if (g_ascii_strcasecmp (info->quarter, quarter) == 0)
        return g_ptr_array_steal_index (snapshots, i);
    }

  return NULL;
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TlWindow         *self)
{
  const char *quarter = g_object_get_data (G_OBJECT (dialog), "quarter");

  if (g_strcmp0 (response, "replace") == 0 && self->document != NULL
      && self->job_kind == TL_JOB_NONE)
    save_snapshot (self, quarter);
}

/* Asks before a snapshot saved earlier is replaced. */
static void
confirm_replace (TlWindow             *self,
                 const TlSnapshotInfo *existing)
{
  const TlSegmentation *segmentation = tl_document_get_segmentation (self->document);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *dialog;

  saved = g_strndup (existing->saved_at != NULL ? existing->saved_at : "", 10);
  /* Translators: %s is a quarter, as in "Replace the Snapshot of 2026-Q3?" */
  heading = g_strdup_printf (_("Replace the Snapshot of %s?"), existing->quarter);
  /* Translators: "The snapshot of 2026-Q3 saved on 2026-10-02 from “q3.csv”, with
   * 204 accounts, is replaced by the 210 accounts of the open file." */
  body = g_strdup_printf (_("The snapshot of %s saved on %s from “%s”, with %u accounts, is "
                            "replaced by the %u accounts of the open file."),
                          existing->quarter, saved,
                          existing->source != NULL ? existing->source : "",
                          existing->accounts, segmentation->n_accounts);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "quarter", g_strdup (existing->quarter), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
snapshot_response_cb (TlSnapshotDialog *dialog,
                      const char       *response,
                      TlWindow         *self)
{
  g_autofree char *quarter = NULL;
  g_autoptr(TlSnapshotInfo) existing = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->document == NULL
      || self->job_kind != TL_JOB_NONE)
    return;

  quarter = g_strdup (tl_snapshot_dialog_get_quarter (dialog));
  existing = find_snapshot (self, quarter);
  if (existing != NULL)
    confirm_replace (self, existing);
  else
    save_snapshot (self, quarter);
}

static void
save_snapshot_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);
  TlSnapshotDialog *dialog;

  if (self->document == NULL)
    return;

  g_ptr_array_add (quarters, get_current_quarter ());
  for (guint i = 1; i < N_OFFERED_QUARTERS; i++)
    g_ptr_array_add (quarters, tl_quarter_previous (g_ptr_array_index (quarters, i - 1)));
  g_ptr_array_add (quarters, NULL);

  dialog = tl_snapshot_dialog_new (GTK_WINDOW (self), (const char * const *) quarters->pdata,
                                   self->quarter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (snapshot_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_snapshot_cb (TlSnapshotsWindow *window,
                    const char        *quarter,
                    TlWindow          *self)
{
  g_autoptr(TlSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  store = open_store (self, _("Could Not Delete the Snapshot"));
  if (store == NULL)
    return;

  if (!tl_snapshot_store_delete (store, quarter, &error))
    {
      g_warning ("Failed to delete the snapshot of %s: %s", quarter, error->message);
      _tl_window_show_error (self, _("Could Not Delete the Snapshot"), error->message);
      return;
    }

  g_debug ("Deleted the snapshot of %s", quarter);
  /* Translators: %s is a quarter, such as 2026-Q3 */
  toast = g_strdup_printf (_("Deleted the snapshot of %s"), quarter);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
  refresh_snapshots_window (self);
  reload_history (self);
}

static void
show_snapshots_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  TlSnapshotsWindow *window;

  if (self->snapshots_window != NULL)
    {
      gtk_window_present (self->snapshots_window);
      return;
    }

  window = tl_snapshots_window_new (GTK_WINDOW (self));
  g_set_weak_pointer (&self->snapshots_window, GTK_WINDOW (window));
  g_signal_connect_object (window, "delete-snapshot", G_CALLBACK (delete_snapshot_cb), self, 0);
  refresh_snapshots_window (self);
  gtk_window_present (GTK_WINDOW (window));
}

/* Installs the snapshot actions. The window's class_init calls it. */
void
_tl_window_class_init_history (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-snapshot", NULL,
                                   save_snapshot_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-snapshots", NULL,
                                   show_snapshots_action_cb);
}

/* Stops reading the history and closes the Snapshots window. */
void
_tl_window_dispose_history (TlWindow *self)
{
  if (self->history_cancellable != NULL)
    g_cancellable_cancel (self->history_cancellable);
  g_clear_object (&self->history_cancellable);
  g_clear_pointer (&self->pending_history, tl_history_free);

  if (self->snapshots_window != NULL)
    gtk_window_destroy (self->snapshots_window);
  g_clear_weak_pointer (&self->snapshots_window);

  g_clear_pointer (&self->quarter, g_free);
  g_clear_pointer (&self->history_problem, g_free);
}

/* Enables saving while a document is shown and no file is being read or
 * written, and hands a history that waited for an export to the
 * document. */
void
_tl_window_update_history_actions (TlWindow *self)
{
  gboolean idle = self->job_kind == TL_JOB_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-snapshot",
                                 self->document != NULL && idle);

  if (self->pending_history != NULL && idle && self->document != NULL)
    tl_document_set_history (self->document, g_steal_pointer (&self->pending_history));
}

/* Makes a newly shown @document count as the current quarter and reads
 * its history. */
void
_tl_window_history_set_document (TlWindow   *self,
                                 TlDocument *document)
{
  g_autofree char *current = get_current_quarter ();

  g_clear_pointer (&self->pending_history, tl_history_free);
  g_free (self->quarter);
  self->quarter = g_steal_pointer (&current);
  reload_history (self);
  refresh_snapshots_window (self);
}

/**
 * tl_window_get_quarter:
 * @self: a #TlWindow
 *
 * Returns: (nullable): the quarter the document counts as, such as
 *   "2026-Q4", or %NULL without a document
 */
const char *
tl_window_get_quarter (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->document != NULL ? self->quarter : NULL;
}

/**
 * tl_window_set_quarter:
 * @self: a #TlWindow that shows a document
 * @quarter: a quarter such as "2026-Q4"
 *
 * Makes the document count as @quarter, in place of the current quarter,
 * and reads the history of the quarters before it. Saving the document as
 * a quarter's snapshot does the same.
 */
void
tl_window_set_quarter (TlWindow   *self,
                       const char *quarter)
{
  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (tl_quarter_is_valid (quarter));
  g_return_if_fail (self->document != NULL);

  set_quarter (self, quarter);
}

/**
 * tl_window_save_snapshot:
 * @self: a #TlWindow that shows a document and reads or writes no file
 * @quarter: a quarter such as "2026-Q3"
 *
 * Saves the document's accounts as the snapshot of @quarter, as Save
 * Snapshot does once the user confirmed, replacing a snapshot saved
 * before. The document then counts as @quarter. A failure is shown in a
 * dialog.
 *
 * Returns: whether the snapshot was saved
 */
gboolean
tl_window_save_snapshot (TlWindow   *self,
                         const char *quarter)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (tl_quarter_is_valid (quarter), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);
  g_return_val_if_fail (self->job_kind == TL_JOB_NONE, FALSE);

  return save_snapshot (self, quarter);
}

/**
 * tl_window_is_loading_history:
 * @self: a #TlWindow
 *
 * Returns: whether the history of the document's quarter is being read
 */
gboolean
tl_window_is_loading_history (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), FALSE);

  return self->history_cancellable != NULL;
}

/**
 * tl_window_get_history_problem:
 * @self: a #TlWindow
 *
 * Returns: (nullable): why the last read of the history failed, or %NULL
 *   when it succeeded
 */
const char *
tl_window_get_history_problem (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->history_problem;
}
