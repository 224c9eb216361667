/* tl-window-load.c
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


#define G_LOG_DOMAIN "tl-window-load"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-account-sort.h"
#include "tl-map-memory.h"
#include "tl-window-private.h"

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Opening a file: the file chooser, the worker thread that reads the file
 * and segments its accounts, the dialog that maps columns to fields when
 * the headers do not match them, and the error dialog. */

typedef struct
{
  char          *path;
  GVariant      *column_maps;   /* the remembered maps, an a{ss} */
  GError        *map_error;     /* why no map could be applied */
  TlModel       *model;         /* the default model when the load began */
  TlJobProgress  progress;
  guint32       *arr_order;     /* the rows sorted by ARR, largest first */
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->column_maps, g_variant_unref);
  g_clear_error (&job->map_error);
  g_clear_pointer (&job->model, tl_model_free);
  g_free (job->arr_order);
  g_free (job);
}

/* Applies the map remembered for the file's header row, when there is one
 * and it still fits the file, or else the automatic map. */
static gboolean
apply_first_map (LoadJob     *job,
                 TlDocument  *document,
                 GError     **error)
{
  g_autoptr(TlFieldMap) remembered = NULL;

  remembered = tl_map_memory_lookup (job->column_maps, tl_document_get_map (document));
  if (remembered != NULL)
    {
      g_debug ("Applying the columns chosen before for the headers of %s", job->path);
      return tl_document_apply_map (document, remembered, job->model, error);
    }

  return tl_document_apply_map (document, NULL, job->model, error);
}

/* Sorts the rows by ARR, largest first, as the table first shows them:
 * on a million rows, sorting there stalled the main loop for about 100 ms. */
static guint32 *
sort_by_arr (TlDocument *document)
{
  const TlAccountTable *table = tl_document_get_table (document);
  guint n = tl_account_table_get_n_rows (table);
  guint32 *order = g_new (guint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  tl_account_sort (table, tl_document_get_segmentation (document), TL_SORT_ARR, TRUE, order, n);

  return order;
}

/* The share of the progress bar filled once the file is read, and once its
 * columns are parsed and its accounts segmented. On a million rows reading
 * takes about 60 % of a load, and the first sort the last few percent. */
#define READ_SHARE 0.6
#define MAPPED_SHARE 0.95

static void
read_progress (double   fraction,
               gpointer data)
{
  LoadJob *job = data;

  _tl_window_job_progress (fraction * READ_SHARE, &job->progress);
}

/* Reads the file and applies a column map with the user's default model,
 * whose thresholds are calibrated from the file unless they were set by
 * hand. When no map fits, the document is returned unsegmented, with the
 * reason in the job. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(TlDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = tl_document_read (job->path, cancellable, read_progress, job, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _tl_window_job_progress (READ_SHARE, &job->progress);
  if (!apply_first_map (job, document, &error))
    {
      if (error->domain != TL_FIELD_MAP_ERROR)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      job->map_error = g_steal_pointer (&error);
    }
  else
    {
      _tl_window_job_progress (MAPPED_SHARE, &job->progress);
      job->arr_order = sort_by_arr (document);
    }
  _tl_window_job_progress (1.0, &job->progress);

  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

static void
show_load_error (TlWindow     *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  _tl_window_show_error (self, heading, error->message);
}

/* Remembers the columns the user chose for the header row of @map. */
static void
remember_map (TlWindow         *self,
              const TlFieldMap *map)
{
  g_autoptr(GVariant) maps = NULL;

  if (self->settings == NULL)
    return;

  maps = g_settings_get_value (self->settings, "column-maps");
  g_settings_set_value (self->settings, "column-maps", tl_map_memory_remember (maps, map));
}

/* Applies the map of the dialog to its document, in memory, and shows the
 * accounts. The model in use is kept when the document is already shown;
 * a new document gets the default model. */
static void
mapping_apply_cb (TlMappingDialog *dialog,
                  TlWindow        *self)
{
  TlDocument *document = tl_mapping_dialog_get_document (dialog);
  g_autoptr(TlFieldMap) map = tl_mapping_dialog_get_map (dialog);
  g_autoptr(TlModel) model = NULL;
  g_autoptr(GError) error = NULL;

  /* A copy: the document frees its model before it copies the new one. */
  if (document == self->document && tl_document_get_model (document) != NULL)
    model = tl_model_copy (tl_document_get_model (document));
  else
    model = _tl_window_copy_default_model (self);

  g_object_ref (document);
  if (!tl_document_apply_map (document, map, model, &error))
    {
      g_autofree char *name = tl_document_get_basename (document);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      g_object_unref (document);
      _tl_window_show_error (self, heading, error->message);
      return;
    }

  remember_map (self, map);
  gtk_window_destroy (GTK_WINDOW (dialog));
  _tl_window_set_document (self, document);
  g_object_unref (document);
}

/* Opens the dialog that maps the columns of @document to the fields, and
 * closes a mapping dialog that is already open. @error is why the
 * automatic map failed, or NULL when the user asked for the dialog. */
void
_tl_window_choose_columns (TlWindow     *self,
                           TlDocument   *document,
                           const GError *error)
{
  TlMappingDialog *dialog;

  g_assert (TL_IS_WINDOW (self));
  g_assert (TL_IS_DOCUMENT (document));

  if (self->mapping_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->mapping_dialog));

  dialog = tl_mapping_dialog_new (GTK_WINDOW (self), document, error);
  g_set_weak_pointer (&self->mapping_dialog, dialog);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (mapping_apply_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remember_folder (TlWindow   *self,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (self->settings == NULL || folder == NULL)
    return;

  uri = g_file_get_uri (folder);
  g_settings_set_string (self->settings, "last-folder", uri);
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TlWindow *self = TL_WINDOW (source_object);
  GTask *task = G_TASK (result);
  LoadJob *job = g_task_get_task_data (task);
  g_autoptr(TlDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (task, &error);

  if (!_tl_window_end_job (self, task))
    return;

  if (document != NULL && job->map_error == NULL)
    {
      remember_folder (self, job->path);
      _tl_window_add_recent (self, job->path);
      g_free (self->arr_order);
      self->arr_order = g_steal_pointer (&job->arr_order);
      _tl_window_set_document (self, document);
      return;
    }

  /* The window shows what it showed before until the user applies a map. */
  _tl_window_leave_job (self);

  if (document != NULL)
    {
      g_debug ("No column map fits %s: %s", job->path, job->map_error->message);
      remember_folder (self, job->path);
      _tl_window_add_recent (self, job->path);
      _tl_window_choose_columns (self, document, job->map_error);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Could not open %s: %s", job->path, error->message);
  show_load_error (self, job->path, error);
}

/**
 * tl_window_open_file:
 * @self: a #TlWindow
 * @file: an accounts file
 *
 * Reads @file in a worker thread, with a progress page and a Cancel
 * button, and shows its accounts. A load that is running is cancelled.
 * The columns chosen before for the same header row are applied first;
 * when no column map fits, a dialog lets the user choose the columns. On
 * failure, or when the user cancels, the window keeps the document it
 * showed before, and a failure is shown in a dialog.
 */
void
tl_window_open_file (TlWindow *self,
                     GFile    *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  LoadJob *job;

  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job_kind != TL_JOB_EXPORT);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri_name = g_file_get_parse_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), uri_name);

      _tl_window_show_error (self, heading,
                             _("Only files on this computer or on a mounted drive can be "
                               "opened. Copy the file to a local folder first."));
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  if (self->settings != NULL)
    job->column_maps = g_settings_get_value (self->settings, "column-maps");
  job->model = _tl_window_copy_default_model (self);
  name = g_filename_display_basename (path);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Opening “%s”…"), name);

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, tl_window_open_file);
  g_task_set_task_data (task, job, load_job_free);

  g_debug ("Opening %s", path);
  _tl_window_begin_job (self, TL_JOB_LOAD, task, &job->progress, title);
  g_task_run_in_thread (task, load_thread);
}

static GtkFileFilter *
create_accounts_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Accounts (CSV, TSV, XLSX)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);

  return filter;
}

static GtkFileFilter *
create_workbooks_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel workbooks (XLSX)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);

  return filter;
}

static GtkFileFilter *
create_all_files_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");

  return filter;
}

/* Returns the folder the open dialog starts in, or NULL for its default. */
static GFile *
get_open_folder (TlWindow *self)
{
  g_autofree char *uri = NULL;

  if (self->document != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (tl_document_get_path (self->document));

      return g_file_get_parent (file);
    }

  if (self->settings != NULL)
    uri = g_settings_get_string (self->settings, "last-folder");

  if (uri == NULL || *uri == '\0')
    return NULL;

  return g_file_new_for_uri (uri);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TlWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  if (file != NULL && self->job_kind != TL_JOB_EXPORT)
    tl_window_open_file (self, file);
}

/* Shows the open dialog; an accepted file is opened in the window. */
void
_tl_window_choose_file_to_open (TlWindow *self)
{
  g_autoptr(GtkFileFilter) accounts = create_accounts_filter ();
  g_autoptr(GtkFileFilter) workbooks = create_workbooks_filter ();
  g_autoptr(GtkFileFilter) all_files = create_all_files_filter ();
  g_autoptr(GFile) folder = get_open_folder (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Accounts"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), accounts);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workbooks);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_files);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), accounts);

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  _tl_window_show_file_chooser (self, chooser);
}
