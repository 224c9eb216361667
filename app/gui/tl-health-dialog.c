/* tl-health-dialog.c
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

#define G_LOG_DOMAIN "tl-health-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-health-dialog.h"
#include "tl-model-fields.h"

/* A dialog that edits how the health score is computed: the weight of
 * each component, the DAU/MAU that earns full usage points, the
 * escalation penalty, the status bands and the use of the file's own
 * score. It only builds a model, and the handler of TlHealthDialog::apply
 * applies it. */

struct _TlHealthDialog
{
  AdwWindow      parent_instance;

  GtkSpinButton *usage_spin;
  GtkSpinButton *adoption_spin;
  GtkSpinButton *support_spin;
  GtkSpinButton *relationship_spin;
  GtkSpinButton *nps_spin;
  GtkWidget     *total_box;
  GtkWidget     *total_icon;
  GtkLabel      *total_label;
  GtkSpinButton *usage_ratio_spin;
  GtkSpinButton *penalty_spin;
  AdwActionRow  *healthy_row;
  AdwActionRow  *stable_row;
  AdwActionRow  *at_risk_row;
  AdwActionRow  *critical_row;
  GtkSpinButton *healthy_spin;
  GtkSpinButton *stable_spin;
  GtkSpinButton *at_risk_spin;
  GtkSwitch     *prefer_switch;
  GtkSwitch     *inverted_switch;

  TlModel       *model;           /* the model the dialog started from */
  TlBand         last_band;       /* the cutoff the user changed last */
  char          *band_errors[TL_N_BANDS];
  gboolean       valid;
};

G_DEFINE_FINAL_TYPE (TlHealthDialog, tl_health_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tl_health_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_HEALTH_DIALOG);

  G_OBJECT_CLASS (tl_health_dialog_parent_class)->dispose (object);
}

static void
tl_health_dialog_finalize (GObject *object)
{
  TlHealthDialog *self = TL_HEALTH_DIALOG (object);

  g_clear_pointer (&self->model, tl_model_free);
  for (guint b = 0; b < TL_N_BANDS; b++)
    g_clear_pointer (&self->band_errors[b], g_free);

  G_OBJECT_CLASS (tl_health_dialog_parent_class)->finalize (object);
}

static GtkSpinButton *
get_weight_spin (TlHealthDialog *self,
                 TlComponent     component)
{
  GtkSpinButton *spins[TL_N_COMPONENTS] = {
    self->usage_spin, self->adoption_spin, self->support_spin, self->relationship_spin,
    self->nps_spin,
  };

  g_assert (component < TL_N_COMPONENTS);

  return spins[component];
}

static GtkSpinButton *
get_band_spin (TlHealthDialog *self,
               TlBand          band)
{
  GtkSpinButton *spins[TL_N_BANDS] = { self->healthy_spin, self->stable_spin, self->at_risk_spin };

  g_assert (band < TL_N_BANDS);

  return spins[band];
}

static int
get_band (TlHealthDialog *self,
          TlBand          band)
{
  return (int) tl_model_fields_get_value (get_band_spin (self, band));
}

/* Shows the total of the weights. Returns whether it is 100. */
static gboolean
update_total (TlHealthDialog *self)
{
  g_autofree char *text = NULL;
  double total = 0;
  gboolean valid;

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    total += tl_model_fields_get_value (get_weight_spin (self, c));
  total = round (total * 1000.0) / 1000.0;
  valid = fabs (total - 100.0) < 1e-6;

  if (valid)
    {
      /* Translators: the total of the health weights, as in "Total 100" */
      text = g_strdup_printf (_("Total %g"), total);
    }
  else
    {
      /* Translators: the total of the health weights when it is not 100,
       * as in "Total 95 — must be 100" */
      text = g_strdup_printf (_("Total %g — must be 100"), total);
    }

  gtk_label_set_text (self->total_label, text);
  gtk_widget_set_visible (self->total_icon, !valid);
  if (valid)
    gtk_widget_remove_css_class (self->total_box, "error");
  else
    gtk_widget_add_css_class (self->total_box, "error");

  return valid;
}

/* Checks that the bands rise, marks the cutoffs that do not, and shows the
 * scores of each status. Returns whether the bands rise. */
static gboolean
update_bands (TlHealthDialog *self)
{
  int healthy = get_band (self, TL_BAND_HEALTHY);
  int stable = get_band (self, TL_BAND_STABLE);
  int at_risk = get_band (self, TL_BAND_AT_RISK);
  gboolean rising = at_risk < stable && stable < healthy;
  g_autofree char *healthy_scores = NULL;
  g_autofree char *stable_scores = NULL;
  g_autofree char *at_risk_scores = NULL;
  g_autofree char *critical_scores = NULL;

  for (guint b = 0; b < TL_N_BANDS; b++)
    g_clear_pointer (&self->band_errors[b], g_free);

  /* Two cutoffs out of order are marked at the one the user changed. */
  if (healthy <= stable && self->last_band == TL_BAND_HEALTHY)
    {
      /* Translators: the error of the Healthy cutoff; %d is the Stable cutoff */
      self->band_errors[TL_BAND_HEALTHY] = g_strdup_printf (_("Must be above the Stable "
                                                              "cutoff, %d"), stable);
    }
  else if (healthy <= stable)
    {
      /* Translators: the error of the Stable cutoff; %d is the Healthy cutoff */
      self->band_errors[TL_BAND_STABLE] = g_strdup_printf (_("Must be below the Healthy "
                                                             "cutoff, %d"), healthy);
    }

  if (stable <= at_risk && self->last_band == TL_BAND_AT_RISK)
    {
      /* Translators: the error of the At Risk cutoff; %d is the Stable cutoff */
      self->band_errors[TL_BAND_AT_RISK] = g_strdup_printf (_("Must be below the Stable "
                                                              "cutoff, %d"), stable);
    }
  else if (stable <= at_risk && self->band_errors[TL_BAND_STABLE] == NULL)
    {
      /* Translators: the error of the Stable cutoff; %d is the At Risk cutoff */
      self->band_errors[TL_BAND_STABLE] = g_strdup_printf (_("Must be above the At Risk "
                                                             "cutoff, %d"), at_risk);
    }

  /* Translators: the scores of a health status, as in "Scores 80–100" */
  healthy_scores = g_strdup_printf (_("Scores %d–%d"), healthy, 100);
  if (rising)
    {
      stable_scores = g_strdup_printf (_("Scores %d–%d"), stable, healthy - 1);
      at_risk_scores = g_strdup_printf (_("Scores %d–%d"), at_risk, stable - 1);
    }
  critical_scores = g_strdup_printf (_("Scores %d–%d"), 0, at_risk - 1);

  tl_model_fields_set_row_error (self->healthy_row, self->band_errors[TL_BAND_HEALTHY],
                                 healthy_scores);
  tl_model_fields_set_row_error (self->stable_row, self->band_errors[TL_BAND_STABLE],
                                 stable_scores);
  tl_model_fields_set_row_error (self->at_risk_row, self->band_errors[TL_BAND_AT_RISK],
                                 at_risk_scores);
  adw_action_row_set_subtitle (self->critical_row, critical_scores);

  return rising;
}

static void
update_state (TlHealthDialog *self)
{
  gboolean total_valid = update_total (self);
  gboolean bands_valid = update_bands (self);

  self->valid = total_valid && bands_valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.apply", self->valid);
}

static void
field_changed_cb (TlHealthDialog *self)
{
  update_state (self);
}

static void
band_changed_cb (GtkSpinButton  *spin,
                 TlHealthDialog *self)
{
  for (guint b = 0; b < TL_N_BANDS; b++)
    if (get_band_spin (self, b) == spin)
      self->last_band = b;

  update_state (self);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlHealthDialog *self = TL_HEALTH_DIALOG (widget);

  if (!self->valid)
    return;

  g_signal_emit (self, signals[APPLY], 0);
}

static void
tl_health_dialog_class_init (TlHealthDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_health_dialog_dispose;
  object_class->finalize = tl_health_dialog_finalize;

  /**
   * TlHealthDialog::apply:
   *
   * Emitted when the user applies weights that total 100 and bands that
   * rise. Get the model with tl_health_dialog_get_model(). The dialog
   * stays open until the handler closes it.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/"
                                               "tl-health-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, usage_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, adoption_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, support_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, relationship_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, nps_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, total_box);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, total_icon);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, usage_ratio_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, penalty_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, healthy_row);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, stable_row);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, at_risk_row);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, critical_row);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, healthy_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, stable_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, at_risk_spin);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, prefer_switch);
  gtk_widget_class_bind_template_child (widget_class, TlHealthDialog, inverted_switch);

  gtk_widget_class_install_action (widget_class, "health.apply", NULL, apply_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_health_dialog_init (TlHealthDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tl_model_fields_enter_applies (GTK_WIDGET (self));
}

/* Shows the model's values, then follows every change of a field. */
static void
fill_fields (TlHealthDialog *self)
{
  GtkSpinButton *spins[] = {
    self->usage_spin, self->adoption_spin, self->support_spin, self->relationship_spin,
    self->nps_spin, self->usage_ratio_spin, self->penalty_spin,
  };
  const TlModel *model = self->model;

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    tl_model_fields_set_value (get_weight_spin (self, c), model->weights[c]);
  tl_model_fields_set_value (self->usage_ratio_spin, model->usage_full_ratio);
  tl_model_fields_set_value (self->penalty_spin, model->escalation_penalty * 100.0);
  gtk_spin_button_set_value (self->healthy_spin, model->band_healthy);
  gtk_spin_button_set_value (self->stable_spin, model->band_stable);
  gtk_spin_button_set_value (self->at_risk_spin, model->band_at_risk);
  gtk_switch_set_active (self->prefer_switch, model->prefer_external);
  gtk_switch_set_active (self->inverted_switch, model->external_inverted);

  /* "changed" follows each key press; "value-changed" alone would wait
   * for Enter or a change of focus. */
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    g_signal_connect_swapped (spins[i], "changed", G_CALLBACK (field_changed_cb), self);
  for (guint b = 0; b < TL_N_BANDS; b++)
    g_signal_connect (get_band_spin (self, b), "changed", G_CALLBACK (band_changed_cb), self);
}

/**
 * tl_health_dialog_new:
 * @parent: the window the dialog belongs to
 * @model: the model in use
 *
 * Creates a modal dialog that edits the health scoring of a copy of @model.
 *
 * Returns: (transfer full): a new #TlHealthDialog
 */
TlHealthDialog *
tl_health_dialog_new (GtkWindow     *parent,
                      const TlModel *model)
{
  TlHealthDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (TL_TYPE_HEALTH_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->model = tl_model_copy (model);
  fill_fields (self);
  update_state (self);

  return self;
}

/**
 * tl_health_dialog_get_model:
 * @self: a #TlHealthDialog
 *
 * Builds the model the dialog shows: the model it started from with the
 * health scoring of the fields.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL while the
 *   weights do not total 100 or the bands do not rise
 */
TlModel *
tl_health_dialog_get_model (TlHealthDialog *self)
{
  TlModel *model;

  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  if (!self->valid)
    return NULL;

  model = tl_model_copy (self->model);
  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    model->weights[c] = tl_model_fields_get_value (get_weight_spin (self, c));
  model->usage_full_ratio = tl_model_fields_get_value (self->usage_ratio_spin);
  model->escalation_penalty = tl_model_fields_get_value (self->penalty_spin) / 100.0;
  model->band_healthy = get_band (self, TL_BAND_HEALTHY);
  model->band_stable = get_band (self, TL_BAND_STABLE);
  model->band_at_risk = get_band (self, TL_BAND_AT_RISK);
  model->prefer_external = gtk_switch_get_active (self->prefer_switch);
  model->external_inverted = gtk_switch_get_active (self->inverted_switch);

  return model;
}

/**
 * tl_health_dialog_get_weight_spin:
 * @self: a #TlHealthDialog
 * @component: a health component
 *
 * Returns: (transfer none): the field of the component's weight
 */
GtkSpinButton *
tl_health_dialog_get_weight_spin (TlHealthDialog *self,
                                  TlComponent     component)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);
  g_return_val_if_fail (component < TL_N_COMPONENTS, NULL);

  return get_weight_spin (self, component);
}

/**
 * tl_health_dialog_get_band_spin:
 * @self: a #TlHealthDialog
 * @band: a status band
 *
 * Returns: (transfer none): the field of the lowest score of @band
 */
GtkSpinButton *
tl_health_dialog_get_band_spin (TlHealthDialog *self,
                                TlBand          band)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);
  g_return_val_if_fail (band < TL_N_BANDS, NULL);

  return get_band_spin (self, band);
}

/**
 * tl_health_dialog_get_band_error:
 * @self: a #TlHealthDialog
 * @band: a status band
 *
 * Returns: (nullable): the message shown at the cutoff of @band, or %NULL
 *   when it is valid
 */
const char *
tl_health_dialog_get_band_error (TlHealthDialog *self,
                                 TlBand          band)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);
  g_return_val_if_fail (band < TL_N_BANDS, NULL);

  return self->band_errors[band];
}

/**
 * tl_health_dialog_get_usage_ratio_spin:
 * @self: a #TlHealthDialog
 *
 * Returns: (transfer none): the field of the DAU/MAU that earns full usage
 *   points
 */
GtkSpinButton *
tl_health_dialog_get_usage_ratio_spin (TlHealthDialog *self)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  return self->usage_ratio_spin;
}

/**
 * tl_health_dialog_get_penalty_spin:
 * @self: a #TlHealthDialog
 *
 * Returns: (transfer none): the field of the escalation penalty, in percent
 */
GtkSpinButton *
tl_health_dialog_get_penalty_spin (TlHealthDialog *self)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  return self->penalty_spin;
}

/**
 * tl_health_dialog_get_prefer_switch:
 * @self: a #TlHealthDialog
 *
 * Returns: (transfer none): the switch that prefers the file's own score
 */
GtkSwitch *
tl_health_dialog_get_prefer_switch (TlHealthDialog *self)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  return self->prefer_switch;
}

/**
 * tl_health_dialog_get_inverted_switch:
 * @self: a #TlHealthDialog
 *
 * Returns: (transfer none): the switch that reads the file's score as a
 *   risk score
 */
GtkSwitch *
tl_health_dialog_get_inverted_switch (TlHealthDialog *self)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  return self->inverted_switch;
}

/**
 * tl_health_dialog_get_total:
 * @self: a #TlHealthDialog
 *
 * Returns: the total of the weights as the dialog shows it, such as
 *   "Total 100" or "Total 95 — must be 100"
 */
const char *
tl_health_dialog_get_total (TlHealthDialog *self)
{
  g_return_val_if_fail (TL_IS_HEALTH_DIALOG (self), NULL);

  return gtk_label_get_text (self->total_label);
}
