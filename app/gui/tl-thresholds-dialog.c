/* tl-thresholds-dialog.c
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

#define G_LOG_DOMAIN "tl-thresholds-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-calibration.h"
#include "tl-format.h"
#include "tl-thresholds-dialog.h"
#include "tl-tier-preview.h"
#include "tl-value.h"

/* A dialog that edits the tier names and the lower ARR bounds of tiers 1
 * to 3, with a live preview of the shares the typed bounds give on the
 * document's accounts. It only builds a model, and the handler of
 * TlThresholdsDialog::apply applies it. */

#define N_BOUNDS (TL_N_TIERS - 1)

struct _TlThresholdsDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *bounds_group;
  AdwActionRow        *automatic_row;
  GtkSwitch           *automatic_switch;
  GtkWidget           *suggest_button;
  GtkWidget           *note_box;
  GtkLabel            *note_label;
  AdwPreferencesGroup *preview_group;
  TlTierPreview       *preview;
  AdwPreferencesGroup *names_group;

  AdwEntryRow         *bound_rows[N_BOUNDS];
  GtkLabel            *bound_errors[N_BOUNDS];
  AdwActionRow        *last_tier_row;
  AdwEntryRow         *name_rows[TL_N_TIERS];
  GtkLabel            *name_errors[TL_N_TIERS];

  TlModel             *model;          /* the model the dialog started from */
  TlDocument          *document;       /* nullable */
  double               fallback[N_BOUNDS];
  double              *sorted_arr;     /* ARR of the accounts with a tier, highest first */
  guint                n_arr;
  double               suggestion[N_BOUNDS];
  char                *suggestion_error;  /* why no bounds can be suggested */
  gboolean             suggest_clicked;
  gboolean             filling;        /* the dialog itself writes the bounds */
  gboolean             valid;
};

G_DEFINE_FINAL_TYPE (TlThresholdsDialog, tl_thresholds_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_state (TlThresholdsDialog *self);

static void
tl_thresholds_dialog_dispose (GObject *object)
{
  TlThresholdsDialog *self = TL_THRESHOLDS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_THRESHOLDS_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tl_thresholds_dialog_parent_class)->dispose (object);
}

static void
tl_thresholds_dialog_finalize (GObject *object)
{
  TlThresholdsDialog *self = TL_THRESHOLDS_DIALOG (object);

  g_clear_pointer (&self->model, tl_model_free);
  g_clear_pointer (&self->sorted_arr, g_free);
  g_clear_pointer (&self->suggestion_error, g_free);

  G_OBJECT_CLASS (tl_thresholds_dialog_parent_class)->finalize (object);
}

/* Returns the currency of the document's ARR, or NULL for dollars. */
static const char *
get_currency (TlThresholdsDialog *self)
{
  if (self->document == NULL)
    return NULL;

  return tl_account_table_get_arr_currency (tl_document_get_table (self->document));
}

/* Writes @bounds into the entries without turning calibration off. */
static void
fill_bounds (TlThresholdsDialog *self,
             const double        bounds[N_BOUNDS])
{
  self->filling = TRUE;
  for (guint t = 0; t < N_BOUNDS; t++)
    {
      g_autofree char *text = tl_format_money (bounds[t], get_currency (self));

      gtk_editable_set_text (GTK_EDITABLE (self->bound_rows[t]), text);
    }
  self->filling = FALSE;

  update_state (self);
}

/* Shows why no bounds can be suggested, once the user asked for them or
 * while the bounds are calibrated. */
static void
update_note (TlThresholdsDialog *self)
{
  gboolean visible = self->suggestion_error != NULL
                     && (self->suggest_clicked
                         || gtk_switch_get_active (self->automatic_switch));

  gtk_label_set_text (self->note_label, visible ? self->suggestion_error : "");
  gtk_widget_set_visible (self->note_box, visible);
}

static void
suggest_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TlThresholdsDialog *self = TL_THRESHOLDS_DIALOG (widget);

  if (self->document == NULL)
    return;

  self->suggest_clicked = TRUE;
  if (self->suggestion_error == NULL)
    fill_bounds (self, self->suggestion);
  update_note (self);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlThresholdsDialog *self = TL_THRESHOLDS_DIALOG (widget);

  if (!self->valid)
    return;

  g_signal_emit (self, signals[APPLY], 0);
}

static void
update_automatic_subtitle (TlThresholdsDialog *self)
{
  if (gtk_switch_get_active (self->automatic_switch))
    adw_action_row_set_subtitle (self->automatic_row,
                                 _("The bounds are suggested anew for each file you open. "
                                   "Typing a bound sets them by hand."));
  else
    adw_action_row_set_subtitle (self->automatic_row,
                                 _("Set by hand: the bounds below apply to every file."));
}

/* Turning calibration on shows the bounds it gives: the suggestion for
 * the document, or the bounds kept when there is none. */
static void
automatic_changed_cb (GtkSwitch          *automatic_switch,
                      GParamSpec         *pspec,
                      TlThresholdsDialog *self)
{
  update_automatic_subtitle (self);
  update_note (self);

  if (self->filling || !gtk_switch_get_active (automatic_switch))
    return;

  if (self->document != NULL && self->suggestion_error == NULL)
    fill_bounds (self, self->suggestion);
  else
    fill_bounds (self, self->fallback);
}

/* A bound typed by the user turns calibration off. */
static void
bound_changed_cb (GtkEditable        *editable,
                  TlThresholdsDialog *self)
{
  if (!self->filling && gtk_switch_get_active (self->automatic_switch))
    {
      self->filling = TRUE;
      gtk_switch_set_active (self->automatic_switch, FALSE);
      self->filling = FALSE;
    }

  update_state (self);
}

static void
name_changed_cb (GtkEditable        *editable,
                 TlThresholdsDialog *self)
{
  update_state (self);
}

/* Enter in a field applies, as the Apply button does. */
static void
entry_activated_cb (AdwEntryRow        *row,
                    TlThresholdsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "thresholds.apply", NULL);
}

static void
tl_thresholds_dialog_class_init (TlThresholdsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_thresholds_dialog_dispose;
  object_class->finalize = tl_thresholds_dialog_finalize;

  /**
   * TlThresholdsDialog::apply:
   *
   * Emitted when the user applies names and bounds that are all valid.
   * Get the model with tl_thresholds_dialog_get_model(). The dialog stays
   * open until the handler closes it.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TL_TYPE_TIER_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/"
                                               "tl-thresholds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, bounds_group);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, automatic_row);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, note_box);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TlThresholdsDialog, names_group);

  gtk_widget_class_install_action (widget_class, "thresholds.apply", NULL, apply_action_cb);
  gtk_widget_class_install_action (widget_class, "thresholds.suggest", NULL,
                                   suggest_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_thresholds_dialog_init (TlThresholdsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns a label for a field's error, hidden until there is one. */
static GtkLabel *
create_error_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "field-error");

  return GTK_LABEL (label);
}

static void
build_bound_rows (TlThresholdsDialog *self)
{
  for (guint t = 0; t < N_BOUNDS; t++)
    {
      GtkWidget *row = adw_entry_row_new ();

      self->bound_errors[t] = create_error_label ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (self->bound_errors[t]));
      gtk_editable_set_alignment (GTK_EDITABLE (row), 0.0f);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      g_signal_connect (row, "changed", G_CALLBACK (bound_changed_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);

      self->bound_rows[t] = ADW_ENTRY_ROW (row);
      adw_preferences_group_add (self->bounds_group, row);
    }

  self->last_tier_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->last_tier_row), FALSE);
  adw_preferences_group_add (self->bounds_group, GTK_WIDGET (self->last_tier_row));
}

static void
build_name_rows (TlThresholdsDialog *self)
{
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = NULL;

      /* Translators: the title of the field of a tier's name, as in "Tier 1" */
      title = g_strdup_printf (_("Tier %u"), t + 1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      self->name_errors[t] = create_error_label ();
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (self->name_errors[t]));
      gtk_editable_set_text (GTK_EDITABLE (row), self->model->tiers[t].name);
      g_signal_connect (row, "changed", G_CALLBACK (name_changed_cb), self);
      g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);

      self->name_rows[t] = ADW_ENTRY_ROW (row);
      adw_preferences_group_add (self->names_group, row);
    }
}

/* Shows what @bounds give on the document's accounts. */
static void
update_preview (TlThresholdsDialog *self,
                const double        bounds[N_BOUNDS],
                char              **names)
{
  TlTierShares shares = { 0 };

  if (self->sorted_arr == NULL)
    return;

  tl_tier_shares_compute (self->sorted_arr, self->n_arr, bounds, &shares);
  tl_tier_preview_update (self->preview, self->model, (const char * const *) names, bounds,
                          &shares, get_currency (self));
}

/* Reads a bound, written as the locale writes amounts. Returns NULL when
 * @text is a positive amount, or else a short message for the field. */
static const char *
parse_bound (const char *text,
             double     *value)
{
  TlNumberFlags flags = 0;
  TlParseResult result;

  result = tl_value_parse_number (text, strlen (text), tl_format_get_decimal_mark (), value,
                                  &flags);
  if (result == TL_PARSE_ABSENT)
    return _("Enter an amount");
  if (result != TL_PARSE_OK || (flags & TL_NUMBER_PERCENT) != 0 || !isfinite (*value))
    return _("Not an amount");
  if (*value <= 0)
    return _("Must be above 0");

  return NULL;
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *label,
                 const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* Checks the names and returns them stripped, in @names. */
static gboolean
check_names (TlThresholdsDialog *self,
             char               *names[TL_N_TIERS])
{
  gboolean valid = TRUE;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_rows[t]));
      const char *message = NULL;

      names[t] = g_strstrip (g_strdup (text));
      if (*names[t] == '\0')
        message = _("Enter a name");

      set_field_error (GTK_WIDGET (self->name_rows[t]), self->name_errors[t], message);
      valid = valid && message == NULL;
    }

  return valid;
}

/* Reads and checks the bounds: each a positive amount, each below the one
 * above it. */
static gboolean
check_bounds (TlThresholdsDialog *self,
              double              bounds[N_BOUNDS])
{
  const char *messages[N_BOUNDS];
  g_autofree char *order_messages[N_BOUNDS] = { NULL, };
  gboolean valid = TRUE;

  for (guint t = 0; t < N_BOUNDS; t++)
    messages[t] = parse_bound (gtk_editable_get_text (GTK_EDITABLE (self->bound_rows[t])),
                               &bounds[t]);

  for (guint t = 1; t < N_BOUNDS; t++)
    {
      if (messages[t] != NULL || messages[t - 1] != NULL || bounds[t] < bounds[t - 1])
        continue;

      /* Translators: the error of a tier's bound that is not below the
       * bound of the tier above it; %u is that tier's number */
      order_messages[t] = g_strdup_printf (_("Must be below tier %u"), t);
      messages[t] = order_messages[t];
    }

  for (guint t = 0; t < N_BOUNDS; t++)
    {
      set_field_error (GTK_WIDGET (self->bound_rows[t]), self->bound_errors[t], messages[t]);
      valid = valid && messages[t] == NULL;
    }

  return valid;
}

static void
update_titles (TlThresholdsDialog *self,
               char              **names)
{
  g_autofree char *last_subtitle = NULL;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      g_autofree char *title = NULL;

      /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
      title = g_strdup_printf (_("%u · %s"), t + 1, names[t]);
      if (t < N_BOUNDS)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bound_rows[t]), title);
      else
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->last_tier_row), title);
    }

  /* Translators: how the last tier is bounded; %u is the number of the
   * tier above it */
  last_subtitle = g_strdup_printf (_("Every account below the bound of tier %u"), N_BOUNDS);
  adw_action_row_set_subtitle (self->last_tier_row, last_subtitle);
}

/* Checks every field after a change, marks the ones in error, updates the
 * preview and turns Apply on or off. */
static void
update_state (TlThresholdsDialog *self)
{
  char *names[TL_N_TIERS] = { NULL, };
  double bounds[N_BOUNDS];
  gboolean names_valid;
  gboolean bounds_valid;

  names_valid = check_names (self, names);
  bounds_valid = check_bounds (self, bounds);
  self->valid = names_valid && bounds_valid;

  update_titles (self, names);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview), bounds_valid);
  if (bounds_valid)
    update_preview (self, bounds, names);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thresholds.apply", self->valid);
  for (guint t = 0; t < TL_N_TIERS; t++)
    g_free (names[t]);
}

static int
compare_desc (const void *a,
              const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x < y) - (x > y);
}

/* Keeps the ARR of the accounts that have a tier, highest first, for the
 * preview, and computes the suggested bounds once. */
static void
read_document (TlThresholdsDialog *self)
{
  const TlAccountTable *table = tl_document_get_table (self->document);
  const TlSegmentation *segmentation = tl_document_get_segmentation (self->document);
  const double *arr = tl_account_table_get_arr (table);
  guint n_rows = tl_account_table_get_n_rows (table);
  g_autoptr(GError) error = NULL;

  self->sorted_arr = g_new (double, MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    if (segmentation->tier[r] != TL_TIER_NONE)
      self->sorted_arr[self->n_arr++] = arr[r];
  qsort (self->sorted_arr, self->n_arr, sizeof (double), compare_desc);

  if (!tl_calibrate_thresholds (arr, n_rows, self->model, self->suggestion, &error))
    self->suggestion_error = g_strdup (error->message);
}

static void
describe_preview (TlThresholdsDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  if (self->document == NULL)
    {
      adw_preferences_group_set_description (self->preview_group,
                                             _("Open an accounts file to see how its "
                                               "accounts fall under these bounds."));
      gtk_widget_set_visible (GTK_WIDGET (self->preview), FALSE);
      return;
    }

  name = tl_document_get_basename (self->document);
  count = tl_format_count (self->n_arr);
  /* Translators: %s is a number of accounts, then a file name */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "How the %s account with ARR in “%s” falls "
                                              "under the bounds above.",
                                              "How the %s accounts with ARR in “%s” fall "
                                              "under the bounds above.",
                                              self->n_arr),
                                 count, name);
  adw_preferences_group_set_description (self->preview_group, description);
  adw_window_title_set_subtitle (self->window_title, name);
}

/**
 * tl_thresholds_dialog_new:
 * @parent: the window the dialog belongs to
 * @model: the model in use, whose names and bounds the dialog starts from
 * @fallback: the bounds kept for a file whose bounds cannot be calibrated
 * @document: (nullable): the document to preview and calibrate on, or
 *   %NULL when no file is open
 *
 * Creates a modal dialog that edits the tier names and bounds of a copy of
 * @model.
 *
 * Returns: (transfer full): a new #TlThresholdsDialog
 */
TlThresholdsDialog *
tl_thresholds_dialog_new (GtkWindow     *parent,
                          const TlModel *model,
                          const double   fallback[3],
                          TlDocument    *document)
{
  TlThresholdsDialog *self;
  double bounds[N_BOUNDS];

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (fallback != NULL, NULL);
  g_return_val_if_fail (document == NULL || tl_document_is_ready (document), NULL);

  self = g_object_new (TL_TYPE_THRESHOLDS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->model = tl_model_copy (model);
  memcpy (self->fallback, fallback, sizeof self->fallback);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      read_document (self);
    }
  else
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "thresholds.suggest", FALSE);
      gtk_widget_set_tooltip_text (self->suggest_button,
                                   _("Open an Accounts File to Suggest Bounds from Its ARR"));
    }

  build_bound_rows (self);
  build_name_rows (self);
  describe_preview (self);

  self->filling = TRUE;
  gtk_switch_set_active (self->automatic_switch, model->thresholds_automatic);
  self->filling = FALSE;
  update_automatic_subtitle (self);
  update_note (self);

  for (guint t = 0; t < N_BOUNDS; t++)
    bounds[t] = model->tiers[t].lower_bound;
  fill_bounds (self, bounds);
  g_signal_connect (self->automatic_switch, "notify::active",
                    G_CALLBACK (automatic_changed_cb), self);

  return self;
}

/**
 * tl_thresholds_dialog_get_model:
 * @self: a #TlThresholdsDialog
 *
 * Builds the model the dialog shows: the model it started from with the
 * names, bounds and calibration choice of the fields.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL while a field
 *   is invalid
 */
TlModel *
tl_thresholds_dialog_get_model (TlThresholdsDialog *self)
{
  g_autoptr(TlModel) model = NULL;

  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);

  if (!self->valid)
    return NULL;

  model = tl_model_copy (self->model);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_rows[t]));

      g_free (model->tiers[t].name);
      model->tiers[t].name = g_strstrip (g_strdup (text));
    }

  for (guint t = 0; t < N_BOUNDS; t++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->bound_rows[t]));

      if (parse_bound (text, &model->tiers[t].lower_bound) != NULL)
        g_return_val_if_reached (NULL);
    }
  model->thresholds_automatic = gtk_switch_get_active (self->automatic_switch);

  return g_steal_pointer (&model);
}

/**
 * tl_thresholds_dialog_get_bound_row:
 * @self: a #TlThresholdsDialog
 * @tier: a tier, 1 to 3
 *
 * Returns: (transfer none): the field of the tier's lower bound
 */
AdwEntryRow *
tl_thresholds_dialog_get_bound_row (TlThresholdsDialog *self,
                                    guint               tier)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= N_BOUNDS, NULL);

  return self->bound_rows[tier - 1];
}

/**
 * tl_thresholds_dialog_get_bound_error:
 * @self: a #TlThresholdsDialog
 * @tier: a tier, 1 to 3
 *
 * Returns: (nullable): the message shown at the field of the tier's bound,
 *   or %NULL when the bound is valid
 */
const char *
tl_thresholds_dialog_get_bound_error (TlThresholdsDialog *self,
                                      guint               tier)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= N_BOUNDS, NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->bound_errors[tier - 1])))
    return NULL;

  return gtk_label_get_text (self->bound_errors[tier - 1]);
}

/**
 * tl_thresholds_dialog_get_name_row:
 * @self: a #TlThresholdsDialog
 * @tier: a tier, 1 to 4
 *
 * Returns: (transfer none): the field of the tier's name
 */
AdwEntryRow *
tl_thresholds_dialog_get_name_row (TlThresholdsDialog *self,
                                   guint               tier)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  return self->name_rows[tier - 1];
}

/**
 * tl_thresholds_dialog_get_name_error:
 * @self: a #TlThresholdsDialog
 * @tier: a tier, 1 to 4
 *
 * Returns: (nullable): the message shown at the field of the tier's name,
 *   or %NULL when the name is valid
 */
const char *
tl_thresholds_dialog_get_name_error (TlThresholdsDialog *self,
                                     guint               tier)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->name_errors[tier - 1])))
    return NULL;

  return gtk_label_get_text (self->name_errors[tier - 1]);
}

/**
 * tl_thresholds_dialog_get_automatic_switch:
 * @self: a #TlThresholdsDialog
 *
 * Returns: (transfer none): the switch that is on while the bounds are
 *   calibrated from each file
 */
GtkSwitch *
tl_thresholds_dialog_get_automatic_switch (TlThresholdsDialog *self)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);

  return self->automatic_switch;
}

/**
 * tl_thresholds_dialog_get_note:
 * @self: a #TlThresholdsDialog
 *
 * Returns: (nullable): the note on why no bounds can be suggested, or
 *   %NULL when none is shown
 */
const char *
tl_thresholds_dialog_get_note (TlThresholdsDialog *self)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->note_box))
    return NULL;

  return gtk_label_get_text (self->note_label);
}

/**
 * tl_thresholds_dialog_get_preview:
 * @self: a #TlThresholdsDialog
 *
 * Returns: (transfer none): the preview of the tiers under the bounds typed
 */
TlTierPreview *
tl_thresholds_dialog_get_preview (TlThresholdsDialog *self)
{
  g_return_val_if_fail (TL_IS_THRESHOLDS_DIALOG (self), NULL);

  return self->preview;
}
