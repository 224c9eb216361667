/* tl-motion-dialog.c
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

#define G_LOG_DOMAIN "tl-motion-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-model-fields.h"
#include "tl-motion-dialog.h"

/* A dialog that edits each tier's customer-success motion: how many
 * accounts one CSM covers, and the six texts that the window and the
 * workbook show. One page per tier. It only builds a model, and the handler of
 * TlMotionDialog::apply applies it. */

/* The largest number of accounts per CSM the fields take. */
#define MAX_ACCOUNTS_PER_CSM 10000

typedef struct
{
  GtkStackPage  *page;
  AdwActionRow  *coverage_row;
  GtkSpinButton *min_spin;
  GtkSpinButton *max_spin;
  char          *coverage_error;
  GtkTextView   *texts[TL_N_MOTION_TEXTS];
} TierPage;

struct _TlMotionDialog
{
  AdwWindow  parent_instance;

  GtkStack  *stack;

  TlModel   *model;            /* the model the dialog started from */
  TierPage   tiers[TL_N_TIERS];
  gboolean   valid;
};

G_DEFINE_FINAL_TYPE (TlMotionDialog, tl_motion_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The texts of the Coverage group; the others form the Motion group. */
static const TlMotionText coverage_texts[] = { TL_MOTION_COVERAGE };
static const TlMotionText motion_texts[] = {
  TL_MOTION_MOTION, TL_MOTION_CADENCE, TL_MOTION_CHANNELS, TL_MOTION_PLAYBOOKS,
  TL_MOTION_ESCALATION,
};

static void
tl_motion_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_MOTION_DIALOG);

  G_OBJECT_CLASS (tl_motion_dialog_parent_class)->dispose (object);
}

static void
tl_motion_dialog_finalize (GObject *object)
{
  TlMotionDialog *self = TL_MOTION_DIALOG (object);

  g_clear_pointer (&self->model, tl_model_free);
  for (guint t = 0; t < TL_N_TIERS; t++)
    g_clear_pointer (&self->tiers[t].coverage_error, g_free);

  G_OBJECT_CLASS (tl_motion_dialog_parent_class)->finalize (object);
}

/* Checks a coverage range: 0 to 0 for a tier without CSMs, or else at
 * least 1, lowest first. Returns NULL when it is valid. */
static char *
check_coverage (int minimum,
                int maximum)
{
  if (minimum == 0 && maximum == 0)
    return NULL;
  if (minimum == 0 || maximum == 0)
    return g_strdup (_("Set both to 0 for a tier without CSMs, or both to 1 or more"));
  if (minimum > maximum)
    return g_strdup (_("The first number must not be above the second"));

  return NULL;
}

static void
update_state (TlMotionDialog *self)
{
  self->valid = TRUE;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      TierPage *page = &self->tiers[t];
      int minimum = (int) tl_model_fields_get_value (page->min_spin);
      int maximum = (int) tl_model_fields_get_value (page->max_spin);

      g_free (page->coverage_error);
      page->coverage_error = check_coverage (minimum, maximum);
      tl_model_fields_set_row_error (page->coverage_row, page->coverage_error,
                                     _("Set both to 0 when the tier has no CSMs"));
      gtk_stack_page_set_needs_attention (page->page, page->coverage_error != NULL);
      self->valid = self->valid && page->coverage_error == NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "motion.apply", self->valid);
}

static void
field_changed_cb (TlMotionDialog *self)
{
  update_state (self);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlMotionDialog *self = TL_MOTION_DIALOG (widget);

  if (!self->valid)
    return;

  g_signal_emit (self, signals[APPLY], 0);
}

static void
tl_motion_dialog_class_init (TlMotionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_motion_dialog_dispose;
  object_class->finalize = tl_motion_dialog_finalize;

  /**
   * TlMotionDialog::apply:
   *
   * Emitted when the user applies valid coverage ranges. Get the model
   * with tl_motion_dialog_get_model(). The dialog stays open until the
   * handler closes it.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/"
                                               "tl-motion-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlMotionDialog, stack);

  gtk_widget_class_install_action (widget_class, "motion.apply", NULL, apply_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_motion_dialog_init (TlMotionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkSpinButton *
create_count_spin (guint value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_ACCOUNTS_PER_CSM, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  tl_model_fields_enter_applies (spin);

  return GTK_SPIN_BUTTON (spin);
}

/* Adds the row of the accounts one CSM covers: two counts, "5 to 8". */
static void
add_coverage_row (TlMotionDialog      *self,
                  AdwPreferencesGroup *group,
                  guint                t)
{
  const TlTierParams *tier = &self->model->tiers[t];
  TierPage *page = &self->tiers[t];
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *to = gtk_label_new (_("to"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Accounts per CSM"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  page->min_spin = create_count_spin (tier->accounts_per_csm[0]);
  page->max_spin = create_count_spin (tier->accounts_per_csm[1]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->min_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fewest accounts per CSM"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->max_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Most accounts per CSM"), -1);
  gtk_widget_add_css_class (to, "dim-label");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (page->min_spin));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), to);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (page->max_spin));
  g_signal_connect_swapped (page->min_spin, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (page->max_spin, "changed", G_CALLBACK (field_changed_cb), self);

  page->coverage_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (group, row);
}

static gboolean
resize_text_cb (gpointer data)
{
  gtk_widget_queue_resize (GTK_WIDGET (data));

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 sizes a wrapping text view before it has laid out its text and
 * keeps that height of 0 until something else resizes it, so the view
 * asks again once its text is laid out, after GTK's own idle work. */
static void
text_view_map_cb (GtkWidget *view)
{
  g_idle_add_full (G_PRIORITY_LOW, resize_text_cb, g_object_ref (view), g_object_unref);
}

static void
text_row_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkWidget       *text_view)
{
  gtk_widget_grab_focus (text_view);
}

/* Adds a row that edits one motion text over as many lines as it needs:
 * its name in small print above the text, as an entry row shows it. */
static void
add_text_row (TlMotionDialog      *self,
              AdwPreferencesGroup *group,
              guint                t,
              TlMotionText         text)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (tl_motion_text_get_label (text));
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkGesture *click = gtk_gesture_click_new ();
  const char *value = self->model->tiers[t].motion[text];

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tl_motion_text_get_label (text));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "motion-text-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tl_motion_text_get_label (text), -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "motion-text-title");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "motion-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tl_motion_text_get_label (text), -1);
  gtk_text_buffer_set_text (buffer, value != NULL ? value : "", -1);
  g_signal_connect (view, "map", G_CALLBACK (text_view_map_cb), NULL);

  g_signal_connect_object (click, "pressed", G_CALLBACK (text_row_pressed_cb), view, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  self->tiers[t].texts[text] = GTK_TEXT_VIEW (view);
  adw_preferences_group_add (group, row);
}

static void
build_page (TlMotionDialog *self,
            guint           t)
{
  const TlTierParams *tier = &self->model->tiers[t];
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *coverage = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *motion = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *name = g_strdup_printf ("tier-%u", t + 1);

  adw_preferences_group_set_title (coverage, _("Coverage"));
  add_coverage_row (self, coverage, t);
  for (guint i = 0; i < G_N_ELEMENTS (coverage_texts); i++)
    add_text_row (self, coverage, t, coverage_texts[i]);

  adw_preferences_group_set_title (motion, _("Motion"));
  adw_preferences_group_set_description (motion, _("How the team works the accounts of this "
                                                   "tier, as the workbook’s Motion sheet "
                                                   "lists it."));
  for (guint i = 0; i < G_N_ELEMENTS (motion_texts); i++)
    add_text_row (self, motion, t, motion_texts[i]);

  adw_preferences_page_add (page, coverage);
  adw_preferences_page_add (page, motion);
  self->tiers[t].page = gtk_stack_add_titled (self->stack, GTK_WIDGET (page), name, tier->name);
}

/**
 * tl_motion_dialog_new:
 * @parent: the window the dialog belongs to
 * @model: the model in use
 *
 * Creates a modal dialog that edits the CS motion of each tier of a copy
 * of @model.
 *
 * Returns: (transfer full): a new #TlMotionDialog
 */
TlMotionDialog *
tl_motion_dialog_new (GtkWindow     *parent,
                      const TlModel *model)
{
  TlMotionDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (TL_TYPE_MOTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->model = tl_model_copy (model);
  for (guint t = 0; t < TL_N_TIERS; t++)
    build_page (self, t);
  update_state (self);

  return self;
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * tl_motion_dialog_get_model:
 * @self: a #TlMotionDialog
 *
 * Builds the model the dialog shows: the model it started from with the
 * coverage ranges and texts of the fields, each text without leading or
 * trailing white space.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL while a
 *   coverage range is invalid
 */
TlModel *
tl_motion_dialog_get_model (TlMotionDialog *self)
{
  TlModel *model;

  g_return_val_if_fail (TL_IS_MOTION_DIALOG (self), NULL);

  if (!self->valid)
    return NULL;

  model = tl_model_copy (self->model);
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      TlTierParams *tier = &model->tiers[t];
      TierPage *page = &self->tiers[t];

      tier->accounts_per_csm[0] = (guint) tl_model_fields_get_value (page->min_spin);
      tier->accounts_per_csm[1] = (guint) tl_model_fields_get_value (page->max_spin);
      for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
        {
          g_free (tier->motion[m]);
          tier->motion[m] = get_text (page->texts[m]);
        }
    }

  return model;
}

/**
 * tl_motion_dialog_get_text_view:
 * @self: a #TlMotionDialog
 * @tier: a tier, 1 to 4
 * @text: which motion text
 *
 * Returns: (transfer none): the field of the text
 */
GtkTextView *
tl_motion_dialog_get_text_view (TlMotionDialog *self,
                                guint           tier,
                                TlMotionText    text)
{
  g_return_val_if_fail (TL_IS_MOTION_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);
  g_return_val_if_fail (text < TL_N_MOTION_TEXTS, NULL);

  return self->tiers[tier - 1].texts[text];
}

/**
 * tl_motion_dialog_get_coverage_spin:
 * @self: a #TlMotionDialog
 * @tier: a tier, 1 to 4
 * @maximum: %TRUE for the most accounts per CSM, %FALSE for the fewest
 *
 * Returns: (transfer none): the field of one end of the tier's coverage
 */
GtkSpinButton *
tl_motion_dialog_get_coverage_spin (TlMotionDialog *self,
                                    guint           tier,
                                    gboolean        maximum)
{
  g_return_val_if_fail (TL_IS_MOTION_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  return maximum ? self->tiers[tier - 1].max_spin : self->tiers[tier - 1].min_spin;
}

/**
 * tl_motion_dialog_get_coverage_error:
 * @self: a #TlMotionDialog
 * @tier: a tier, 1 to 4
 *
 * Returns: (nullable): the message shown at the tier's coverage, or %NULL
 *   when it is valid
 */
const char *
tl_motion_dialog_get_coverage_error (TlMotionDialog *self,
                                     guint           tier)
{
  g_return_val_if_fail (TL_IS_MOTION_DIALOG (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  return self->tiers[tier - 1].coverage_error;
}

/**
 * tl_motion_dialog_show_tier:
 * @self: a #TlMotionDialog
 * @tier: a tier, 1 to 4
 *
 * Shows the page of @tier, as a click on its name in the header bar does.
 */
void
tl_motion_dialog_show_tier (TlMotionDialog *self,
                            guint           tier)
{
  g_return_if_fail (TL_IS_MOTION_DIALOG (self));
  g_return_if_fail (tier >= 1 && tier <= TL_N_TIERS);

  gtk_stack_set_visible_child (self->stack,
                               gtk_stack_page_get_child (self->tiers[tier - 1].page));
}
