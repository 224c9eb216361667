/* tl-expansion-dialog.c
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

#define G_LOG_DOMAIN "tl-expansion-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-expansion-dialog.h"
#include "tl-model-fields.h"

/* A dialog that edits the threshold of each expansion signal and how many
 * fired signals make an account HIGH or MEDIUM. It only builds a model, and
 * the handler of TlExpansionDialog::apply applies it. Percents are shown
 * as percents and stored as ratios. */

struct _TlExpansionDialog
{
  AdwWindow      parent_instance;

  GtkSpinButton *seats_spin;
  GtkSpinButton *requests_spin;
  GtkSpinButton *growth_spin;
  GtkSpinButton *teams_spin;
  GtkSpinButton *api_spin;
  AdwActionRow  *high_row;
  AdwActionRow  *medium_row;
  AdwActionRow  *low_row;
  GtkSpinButton *high_spin;
  GtkSpinButton *medium_spin;

  TlModel       *model;            /* the model the dialog started from */
  char          *medium_error;
  gboolean       valid;
};

G_DEFINE_FINAL_TYPE (TlExpansionDialog, tl_expansion_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tl_expansion_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_EXPANSION_DIALOG);

  G_OBJECT_CLASS (tl_expansion_dialog_parent_class)->dispose (object);
}

static void
tl_expansion_dialog_finalize (GObject *object)
{
  TlExpansionDialog *self = TL_EXPANSION_DIALOG (object);

  g_clear_pointer (&self->model, tl_model_free);
  g_clear_pointer (&self->medium_error, g_free);

  G_OBJECT_CLASS (tl_expansion_dialog_parent_class)->finalize (object);
}

static GtkSpinButton *
get_threshold_spin (TlExpansionDialog *self,
                    TlSignal           signal)
{
  GtkSpinButton *spins[TL_N_SIGNALS] = {
    self->seats_spin, self->requests_spin, self->growth_spin, self->teams_spin, self->api_spin,
  };

  g_assert (signal < TL_N_SIGNALS);

  return spins[signal];
}

/* Describes the fired signals that give a level, as "1–2 signals fired". */
static char *
describe_signals (int lowest,
                  int highest)
{
  if (highest < lowest)
    return g_strdup (_("None: HIGH starts at the same count"));

  if (highest >= TL_N_SIGNALS)
    {
      /* Translators: the signals of a level, as in "3 or more of the 5
       * signals fired" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%d or more of the %d signals fired",
                                           "%d or more of the %d signals fired", lowest),
                              lowest, TL_N_SIGNALS);
    }

  if (lowest == highest)
    {
      if (lowest == 0)
        return g_strdup (_("No signal fired"));

      /* Translators: the signals of a level, as in "1 signal fired" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d signal fired",
                                           "%d signals fired", lowest),
                              lowest);
    }

  /* Translators: the signals of a level, as in "1–2 signals fired" */
  return g_strdup_printf (_("%d–%d signals fired"), lowest, highest);
}

static void
update_state (TlExpansionDialog *self)
{
  int high = (int) tl_model_fields_get_value (self->high_spin);
  int medium = (int) tl_model_fields_get_value (self->medium_spin);
  g_autofree char *high_text = describe_signals (high, TL_N_SIGNALS);
  g_autofree char *medium_text = NULL;
  g_autofree char *low_text = NULL;

  g_clear_pointer (&self->medium_error, g_free);
  if (medium > high)
    {
      /* Translators: the error of the MEDIUM cutoff; %d is the HIGH cutoff */
      self->medium_error = g_strdup_printf (_("Must not be above the HIGH cutoff, %d"), high);
    }
  else
    {
      medium_text = describe_signals (medium, high - 1);
    }
  low_text = describe_signals (0, MIN (medium, high) - 1);

  adw_action_row_set_subtitle (self->high_row, high_text);
  tl_model_fields_set_row_error (self->medium_row, self->medium_error, medium_text);
  adw_action_row_set_subtitle (self->low_row, low_text);

  self->valid = self->medium_error == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "expansion.apply", self->valid);
}

static void
field_changed_cb (TlExpansionDialog *self)
{
  update_state (self);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlExpansionDialog *self = TL_EXPANSION_DIALOG (widget);

  if (!self->valid)
    return;

  g_signal_emit (self, signals[APPLY], 0);
}

static void
tl_expansion_dialog_class_init (TlExpansionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_expansion_dialog_dispose;
  object_class->finalize = tl_expansion_dialog_finalize;

  /**
   * TlExpansionDialog::apply:
   *
   * Emitted when the user applies rules whose MEDIUM cutoff is at most
   * the HIGH one. Get the model with tl_expansion_dialog_get_model(). The
   * dialog stays open until the handler closes it.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/"
                                               "tl-expansion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, seats_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, requests_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, growth_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, teams_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, api_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, high_row);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, medium_row);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, low_row);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, high_spin);
  gtk_widget_class_bind_template_child (widget_class, TlExpansionDialog, medium_spin);

  gtk_widget_class_install_action (widget_class, "expansion.apply", NULL, apply_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_expansion_dialog_init (TlExpansionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tl_model_fields_enter_applies (GTK_WIDGET (self));
}

/**
 * tl_expansion_dialog_new:
 * @parent: the window the dialog belongs to
 * @model: the model in use
 *
 * Creates a modal dialog that edits the expansion rules of a copy of
 * @model.
 *
 * Returns: (transfer full): a new #TlExpansionDialog
 */
TlExpansionDialog *
tl_expansion_dialog_new (GtkWindow     *parent,
                         const TlModel *model)
{
  TlExpansionDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (TL_TYPE_EXPANSION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->model = tl_model_copy (model);

  tl_model_fields_set_value (self->seats_spin, model->seat_utilization * 100.0);
  tl_model_fields_set_value (self->requests_spin, model->feature_requests);
  tl_model_fields_set_value (self->growth_spin, model->growth * 100.0);
  tl_model_fields_set_value (self->teams_spin, model->teams);
  tl_model_fields_set_value (self->api_spin, model->api_spike);
  gtk_spin_button_set_value (self->high_spin, model->expansion_high);
  gtk_spin_button_set_value (self->medium_spin, model->expansion_medium);

  /* "changed" follows each key press in the level cutoffs. */
  g_signal_connect_swapped (self->high_spin, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->medium_spin, "changed", G_CALLBACK (field_changed_cb), self);
  update_state (self);

  return self;
}

/**
 * tl_expansion_dialog_get_model:
 * @self: a #TlExpansionDialog
 *
 * Builds the model the dialog shows: the model it started from with the
 * expansion rules of the fields.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL while the
 *   MEDIUM cutoff is above the HIGH one
 */
TlModel *
tl_expansion_dialog_get_model (TlExpansionDialog *self)
{
  TlModel *model;

  g_return_val_if_fail (TL_IS_EXPANSION_DIALOG (self), NULL);

  if (!self->valid)
    return NULL;

  model = tl_model_copy (self->model);
  model->seat_utilization = tl_model_fields_get_value (self->seats_spin) / 100.0;
  model->feature_requests = tl_model_fields_get_value (self->requests_spin);
  model->growth = tl_model_fields_get_value (self->growth_spin) / 100.0;
  model->teams = tl_model_fields_get_value (self->teams_spin);
  model->api_spike = tl_model_fields_get_value (self->api_spin);
  model->expansion_high = (int) tl_model_fields_get_value (self->high_spin);
  model->expansion_medium = (int) tl_model_fields_get_value (self->medium_spin);

  return model;
}

/**
 * tl_expansion_dialog_get_threshold_spin:
 * @self: a #TlExpansionDialog
 * @signal: an expansion signal
 *
 * Returns: (transfer none): the field of the signal's threshold, in
 *   percent for seat utilization and growth
 */
GtkSpinButton *
tl_expansion_dialog_get_threshold_spin (TlExpansionDialog *self,
                                        TlSignal           signal)
{
  g_return_val_if_fail (TL_IS_EXPANSION_DIALOG (self), NULL);
  g_return_val_if_fail (signal < TL_N_SIGNALS, NULL);

  return get_threshold_spin (self, signal);
}

/**
 * tl_expansion_dialog_get_high_spin:
 * @self: a #TlExpansionDialog
 *
 * Returns: (transfer none): the field of the signals fired for HIGH
 */
GtkSpinButton *
tl_expansion_dialog_get_high_spin (TlExpansionDialog *self)
{
  g_return_val_if_fail (TL_IS_EXPANSION_DIALOG (self), NULL);

  return self->high_spin;
}

/**
 * tl_expansion_dialog_get_medium_spin:
 * @self: a #TlExpansionDialog
 *
 * Returns: (transfer none): the field of the signals fired for MEDIUM
 */
GtkSpinButton *
tl_expansion_dialog_get_medium_spin (TlExpansionDialog *self)
{
  g_return_val_if_fail (TL_IS_EXPANSION_DIALOG (self), NULL);

  return self->medium_spin;
}

/**
 * tl_expansion_dialog_get_medium_error:
 * @self: a #TlExpansionDialog
 *
 * Returns: (nullable): the message shown at the MEDIUM cutoff, or %NULL
 *   when it is valid
 */
const char *
tl_expansion_dialog_get_medium_error (TlExpansionDialog *self)
{
  g_return_val_if_fail (TL_IS_EXPANSION_DIALOG (self), NULL);

  return self->medium_error;
}
