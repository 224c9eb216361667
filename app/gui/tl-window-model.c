/* tl-window-model.c
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

#define G_LOG_DOMAIN "tl-window-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-expansion-dialog.h"
#include "tl-health-dialog.h"
#include "tl-model-file.h"
#include "tl-motion-dialog.h"
#include "tl-thresholds-dialog.h"
#include "tl-window-private.h"

/* The segmentation model of the window: the dialogs that edit it, the
 * user's default model kept in GSettings, and model files.
 *
 * The window's model is the default one that new documents start from.
 * While a document is shown, the dialogs start from the document's model,
 * whose bounds are the ones calibrated from the file when they are
 * automatic. Applying a change sets the model on the document, which
 * segments its accounts again in memory, and keeps it as the default.
 * Calibrated bounds fit one file only, so the default keeps the bounds it
 * had while the bounds are automatic: they are the ones a file too small
 * to calibrate is segmented with. */

#define SETTINGS_KEY "default-model"
#define MODEL_SUFFIX ".tierline"

/* Reads the default model from the settings, or the built-in defaults when
 * the key is empty or cannot be read. A key that this version cannot read,
 * such as one a newer version wrote, is left as it is. */
static TlModel *
read_default_model (TlWindow *self)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  TlModel *model;

  if (self->settings == NULL)
    return tl_model_new_default ();

  data = g_settings_get_string (self->settings, SETTINGS_KEY);
  if (*data == '\0')
    return tl_model_new_default ();

  model = tl_model_new_from_data (data, -1, &error);
  if (model == NULL)
    {
      g_warning ("Failed to read the default model from the settings key %s; using the "
                 "built-in defaults: %s", SETTINGS_KEY, error->message);
      return tl_model_new_default ();
    }

  return model;
}

/* Makes @model, which the function takes, the window's default model and
 * stores it in the settings. */
static void
store_default_model (TlWindow *self,
                     TlModel  *model)
{
  g_autofree char *data = NULL;

  g_clear_pointer (&self->model, tl_model_free);
  self->model = model;

  if (self->settings == NULL)
    return;

  data = tl_model_to_data (model, NULL);
  g_settings_set_string (self->settings, SETTINGS_KEY, data);
}

/* Returns the model the dialogs start from: the document's, or the
 * default one without a document. */
static const TlModel *
get_current_model (TlWindow *self)
{
  if (self->document != NULL && tl_document_get_model (self->document) != NULL)
    return tl_document_get_model (self->document);

  return self->model;
}

/* Returns a copy of @model to keep as the default or in a file: while its
 * bounds are automatic, it gets the default model's bounds in place of
 * the ones calibrated from the document. */
static TlModel *
copy_for_keeping (TlWindow      *self,
                  const TlModel *model)
{
  TlModel *copy = tl_model_copy (model);

  if (copy->thresholds_automatic)
    for (guint t = 0; t < TL_N_TIERS - 1; t++)
      copy->tiers[t].lower_bound = self->model->tiers[t].lower_bound;

  return copy;
}

/* Segments the document's accounts again under the default model. */
static void
apply_default_to_document (TlWindow *self)
{
  if (self->document == NULL)
    return;

  /* The export thread reads the document, so the actions that change the
   * model are off while it runs. */
  g_return_if_fail (self->job_kind != TL_JOB_EXPORT);

  /* The document emits TlDocument::changed, which updates the window. */
  tl_document_set_model (self->document, self->model);
}

/* Keeps @model as the default and applies it to the document. */
static void
apply_model (TlWindow      *self,
             const TlModel *model)
{
  store_default_model (self, copy_for_keeping (self, model));
  apply_default_to_document (self);
}

/* Keeps @model as the default model and segments the document's accounts
 * again under it, as the model dialogs do. */
void
_tl_window_apply_model (TlWindow      *self,
                        const TlModel *model)
{
  apply_model (self, model);
}

/* Keeps @model as the default model for the files opened later, without
 * changing the document shown. */
void
_tl_window_keep_model (TlWindow      *self,
                       const TlModel *model)
{
  store_default_model (self, copy_for_keeping (self, model));
}

static void
close_model_dialog (TlWindow *self)
{
  if (self->model_dialog != NULL)
    gtk_window_destroy (self->model_dialog);
  g_clear_weak_pointer (&self->model_dialog);
}

static void
present_model_dialog (TlWindow  *self,
                      GtkWindow *dialog)
{
  close_model_dialog (self);
  g_set_weak_pointer (&self->model_dialog, dialog);
  gtk_window_present (dialog);
}

/* Applies the model a dialog built, then closes the dialog. */
static void
finish_dialog (TlWindow  *self,
               GtkWindow *dialog,
               TlModel   *model)
{
  g_autoptr(TlModel) owned = model;

  if (owned == NULL)
    return;

  apply_model (self, owned);
  gtk_window_destroy (dialog);
}

static void
thresholds_apply_cb (TlThresholdsDialog *dialog,
                     TlWindow           *self)
{
  finish_dialog (self, GTK_WINDOW (dialog), tl_thresholds_dialog_get_model (dialog));
}

static void
health_apply_cb (TlHealthDialog *dialog,
                 TlWindow       *self)
{
  finish_dialog (self, GTK_WINDOW (dialog), tl_health_dialog_get_model (dialog));
}

static void
expansion_apply_cb (TlExpansionDialog *dialog,
                    TlWindow          *self)
{
  finish_dialog (self, GTK_WINDOW (dialog), tl_expansion_dialog_get_model (dialog));
}

static void
motion_apply_cb (TlMotionDialog *dialog,
                 TlWindow       *self)
{
  finish_dialog (self, GTK_WINDOW (dialog), tl_motion_dialog_get_model (dialog));
}

static void
edit_thresholds_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  double fallback[TL_N_TIERS - 1];
  TlThresholdsDialog *dialog;

  for (guint t = 0; t < TL_N_TIERS - 1; t++)
    fallback[t] = self->model->tiers[t].lower_bound;

  dialog = tl_thresholds_dialog_new (GTK_WINDOW (self), get_current_model (self), fallback,
                                     self->document);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (thresholds_apply_cb), self, 0);
  present_model_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_health_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  TlHealthDialog *dialog = tl_health_dialog_new (GTK_WINDOW (self), get_current_model (self));

  g_signal_connect_object (dialog, "apply", G_CALLBACK (health_apply_cb), self, 0);
  present_model_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_expansion_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  TlExpansionDialog *dialog = tl_expansion_dialog_new (GTK_WINDOW (self),
                                                       get_current_model (self));

  g_signal_connect_object (dialog, "apply", G_CALLBACK (expansion_apply_cb), self, 0);
  present_model_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_motion_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  TlMotionDialog *dialog = tl_motion_dialog_new (GTK_WINDOW (self), get_current_model (self));

  g_signal_connect_object (dialog, "apply", G_CALLBACK (motion_apply_cb), self, 0);
  present_model_dialog (self, GTK_WINDOW (dialog));
}

static void
show_toast (TlWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static char *
get_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static GtkFileFilter *
create_models_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Tierline Models"));
  gtk_file_filter_add_suffix (filter, "tierline");

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

static void
open_model_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        TlWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  if (file != NULL && self->job_kind == TL_JOB_NONE)
    tl_window_open_model (self, file);
}

static void
open_model_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GtkFileFilter) models = create_models_filter ();
  g_autoptr(GtkFileFilter) all_files = create_all_files_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Model"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), models);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_files);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), models);

  g_signal_connect (chooser, "response", G_CALLBACK (open_model_response_cb), self);
  _tl_window_show_file_chooser (self, chooser);
}

/* Adds ".tierline" to a chosen name that lacks it, so that the file shows
 * up in the Open Model dialog, whose filter lists only model files. */
static GFile *
ensure_model_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *with_suffix = NULL;

  if (basename == NULL || g_str_has_suffix (basename, MODEL_SUFFIX))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  with_suffix = g_strconcat (basename, MODEL_SUFFIX, NULL);

  return g_file_get_child (parent, with_suffix);
}

static void
save_model_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        TlWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) target = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  gtk_native_dialog_destroy (dialog);
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  if (file == NULL)
    return;

  target = ensure_model_suffix (file);
  tl_window_save_model_to (self, target);
}

static void
save_model_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GtkFileFilter) models = create_models_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Model"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), models);
  /* Translators: the proposed name of a saved model file */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     _("segmentation-model.tierline"));

  g_signal_connect (chooser, "response", G_CALLBACK (save_model_response_cb), self);
  _tl_window_show_file_chooser (self, chooser);
}

static void
reset_model_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         TlWindow         *self)
{
  if (g_strcmp0 (response, "reset") != 0 || self->job_kind != TL_JOB_NONE)
    return;

  g_clear_pointer (&self->model, tl_model_free);
  self->model = tl_model_new_default ();
  /* An empty key stands for the built-in defaults, so that it follows
   * them when a later version changes them. */
  if (self->settings != NULL)
    g_settings_reset (self->settings, SETTINGS_KEY);

  apply_default_to_document (self);
  show_toast (self, _("The model is back to its defaults"));
}

static void
reset_model_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reset the Model to Its Defaults?"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("The tier names and bounds, health weights and bands, "
                                 "expansion rules and CS motions you changed go back to "
                                 "Tierline’s defaults, and the bounds are calibrated from "
                                 "each file again. Save the model to a file first to keep "
                                 "a copy."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_model_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Installs the actions that edit, open, save and reset the model. */
void
_tl_window_class_init_model (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-thresholds", NULL,
                                   edit_thresholds_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-health", NULL,
                                   edit_health_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-expansion", NULL,
                                   edit_expansion_action_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-motion", NULL,
                                   edit_motion_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-model", NULL, open_model_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-model", NULL, save_model_action_cb);
  gtk_widget_class_install_action (widget_class, "win.reset-model", NULL,
                                   reset_model_action_cb);
}

/* Reads the default model. Call it once the window has its settings. */
void
_tl_window_init_model (TlWindow *self)
{
  self->model = read_default_model (self);
}

/* Closes the model dialog. The model itself is freed in finalize. */
void
_tl_window_dispose_model (TlWindow *self)
{
  close_model_dialog (self);
}

/* Turns the model actions off while a file is read or written: a model
 * changed during a load would not reach the document being read, and the
 * export thread reads the document's model. */
void
_tl_window_update_model_actions (TlWindow *self)
{
  gboolean idle = self->job_kind == TL_JOB_NONE;
  const char * const actions[] = {
    "win.edit-thresholds", "win.edit-health", "win.edit-expansion", "win.edit-motion",
    "win.open-model", "win.reset-model",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], idle);
}

/* Closes a model dialog that was opened for another document than
 * @document, whose preview and bounds would no longer match. */
void
_tl_window_model_set_document (TlWindow   *self,
                               TlDocument *document)
{
  if (document != self->document)
    close_model_dialog (self);
}

/* Returns a copy of the default model for a document about to be read,
 * read again from the settings so that it follows another window's
 * changes. */
TlModel *
_tl_window_copy_default_model (TlWindow *self)
{
  if (self->settings != NULL)
    {
      g_clear_pointer (&self->model, tl_model_free);
      self->model = read_default_model (self);
    }

  return tl_model_copy (self->model);
}

/**
 * tl_window_get_model:
 * @self: a #TlWindow
 *
 * Gets the model the window segments with: the document's, whose bounds
 * are calibrated from the file when they are automatic, or the default
 * model when no file is open.
 *
 * Returns: (transfer none): the model
 */
const TlModel *
tl_window_get_model (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return get_current_model (self);
}

/**
 * tl_window_open_model:
 * @self: a #TlWindow that is neither reading nor writing a file
 * @file: a model file
 *
 * Reads @file, as Open Model does after its file chooser, makes it the
 * default model and segments the document's accounts again under it. A
 * file that cannot be read, from a newer version or with a value out of
 * range, changes nothing and is explained in a dialog.
 */
void
tl_window_open_model (TlWindow *self,
                      GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = NULL;
  gsize length = 0;

  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->job_kind == TL_JOB_NONE);

  name = get_display_name (file);
  if (g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    model = tl_model_new_from_data (data, length, &error);

  if (model == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      g_debug ("Could not open the model %s: %s", name, error->message);
      _tl_window_show_error (self, heading, error->message);
      return;
    }

  store_default_model (self, g_steal_pointer (&model));
  apply_default_to_document (self);
  /* Translators: %s is the name of a model file */
  toast = g_strdup_printf (_("Segmented with the model “%s”"), name);
  show_toast (self, toast);
}

/**
 * tl_window_save_model_to:
 * @self: a #TlWindow
 * @file: the model file to write
 *
 * Writes the model in use to @file, as Save Model As does after its file
 * chooser. Automatic bounds are saved as automatic, with the default
 * model's bounds rather than the ones calibrated from the open file. A
 * file already at @file is replaced only once the new one is complete. A
 * toast reports the written file, and a dialog shows a failure.
 */
void
tl_window_save_model_to (TlWindow *self,
                         GFile    *file)
{
  g_autoptr(TlModel) model = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_if_fail (TL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  model = copy_for_keeping (self, get_current_model (self));
  data = tl_model_to_data (model, &length);
  name = get_display_name (file);

  if (!g_file_replace_contents (file, data, length, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      g_warning ("Failed to save the model to %s: %s", name, error->message);
      _tl_window_show_error (self, _("Could Not Save the Model"), error->message);
      return;
    }

  /* Translators: %s is the name of a model file */
  toast = g_strdup_printf (_("Model saved as “%s”"), name);
  show_toast (self, toast);
}
