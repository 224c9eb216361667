/* tl-window-export.c
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


#define G_LOG_DOMAIN "tl-window-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-window-private.h"
#include "tl-workbook.h"

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Exporting the workbook: the save dialog, the worker thread that writes
 * the file, and the toast or error dialog at the end. */

typedef struct
{
  TlDocument    *document;
  GFile         *file;
  char          *path;
  TlJobProgress  progress;
  TlExportNotes  notes;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->file);
  g_free (job->path);
  tl_export_notes_clear (&job->notes);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!tl_workbook_export (job->document, job->path, &job->notes, cancellable,
                           _tl_window_job_progress, &job->progress, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_exported_toast (TlWindow            *self,
                     GFile               *file,
                     const TlExportNotes *notes)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display_name = g_filename_display_name (name);
  AdwToast *toast;

  if (notes->n_cut_cells > 0)
    /* Translators: %s is a file name, %u a number of cells, the second %s
     * the account of the first cell */
    toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                               "Exported to “%s”; %u long cell was cut (%s)",
                                               "Exported to “%s”; %u long cells were cut (%s…)",
                                               notes->n_cut_cells),
                                  display_name, notes->n_cut_cells, notes->first_cut);
  else
    /* Translators: %s is a file name */
    toast = adw_toast_new_format (_("Exported to “%s”"), display_name);
  if (notes->n_cut_cells > 0)
    adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.show-export");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TlWindow *self = TL_WINDOW (source_object);
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean written;

  written = g_task_propagate_boolean (task, &error);

  if (!_tl_window_end_job (self, task))
    return;

  _tl_window_leave_job (self);

  if (written)
    {
      g_debug ("Exported %s", job->path);
      g_set_object (&self->last_export, job->file);
      _tl_window_update_actions (self);
      show_exported_toast (self, job->file, &job->notes);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Export canceled")));
    }
  else
    {
      g_debug ("Could not export %s: %s", job->path, error->message);
      _tl_window_show_error (self, _("Could Not Export"), error->message);
    }
}

/**
 * tl_window_export_to:
 * @self: a #TlWindow that shows a document
 * @file: the workbook to write
 *
 * Writes the document's workbook to @file in a worker thread, as the
 * Export button does after its save dialog. A toast reports the written
 * file, and a dialog shows a failure. A file already at @file is replaced
 * only once the new workbook is complete.
 */
void
tl_window_export_to (TlWindow *self,
                     GFile    *file)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ExportJob *job;

  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (self->job_kind == TL_JOB_NONE);

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      export_job_free (job);
      _tl_window_show_error (self, _("Could Not Export"),
                             _("Choose a folder on this computer or on a mounted drive."));
      return;
    }

  job->document = g_object_ref (self->document);
  job->file = g_object_ref (file);
  name = g_filename_display_basename (job->path);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Exporting “%s”…"), name);

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, tl_window_export_to);
  g_task_set_task_data (task, job, export_job_free);

  _tl_window_begin_job (self, TL_JOB_EXPORT, task, &job->progress, title);
  g_task_run_in_thread (task, export_thread);
}

/* Returns the file name the save dialog proposes: the input's name without
 * its extension, then "-segmentation.xlsx". */
static char *
get_suggested_name (TlDocument *document)
{
  g_autofree char *basename = tl_document_get_basename (document);
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';

  /* Translators: the proposed name of an exported workbook; %s is the name
   * of the accounts file without its extension */
  return g_strdup_printf (_("%s-segmentation.xlsx"), basename);
}

/* Adds ".xlsx" to a chosen name that does not end in it, so that a
 * workbook never lands in a file named like a CSV. */
static GFile *
ensure_xlsx_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_extension = NULL;
  gsize len = basename != NULL ? strlen (basename) : 0;

  if (basename == NULL || (len > 5 && g_ascii_strcasecmp (basename + len - 5, ".xlsx") == 0))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  with_extension = g_strconcat (basename, ".xlsx", NULL);

  return g_file_get_child (parent, with_extension);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TlWindow        *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  if (chosen == NULL || self->document == NULL || self->job_kind != TL_JOB_NONE)
    return;

  file = ensure_xlsx_extension (chosen);
  tl_window_export_to (self, file);
}

static GtkFileFilter *
create_workbook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Excel Workbooks (XLSX)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);

  return filter;
}

/* Shows the save dialog, in the input file's folder; an accepted file is
 * exported to. */
void
_tl_window_choose_export_file (TlWindow *self)
{
  g_autoptr(GtkFileFilter) filter = create_workbook_filter ();
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->document == NULL)
    return;

  input = g_file_new_for_path (tl_document_get_path (self->document));
  folder = g_file_get_parent (input);
  name = get_suggested_name (self->document);

  chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  _tl_window_show_file_chooser (self, chooser);
}
