/* tl-tier-summary.c
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


#define G_LOG_DOMAIN "tl-tier-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-format.h"
#include "tl-tier-summary.h"

/* The four tiers side by side, the bar of their ARR shares, and a note on
 * the accounts that have no tier. Each card is a toggle button that
 * activates win.filter-tier with its tier. The window sets which tier the
 * table is filtered by, and the card of that tier shows pressed. */
struct _TlTierSummary
{
  GtkWidget        parent_instance;

  GtkToggleButton *button_1;
  GtkToggleButton *button_2;
  GtkToggleButton *button_3;
  GtkToggleButton *button_4;
  TlTierCard      *card_1;
  TlTierCard      *card_2;
  TlTierCard      *card_3;
  TlTierCard      *card_4;
  TlShareBar      *share_bar;
  GtkWidget       *note_box;
  GtkLabel        *note_label;
  GtkWidget       *calibration_box;
  GtkLabel        *calibration_label;
};

G_DEFINE_FINAL_TYPE (TlTierSummary, tl_tier_summary, GTK_TYPE_WIDGET)

static void
tl_tier_summary_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_TIER_SUMMARY);

  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_tier_summary_parent_class)->dispose (object);
}

static void
tl_tier_summary_class_init (TlTierSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_tier_summary_dispose;

  g_type_ensure (TL_TYPE_TIER_CARD);
  g_type_ensure (TL_TYPE_SHARE_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-tier-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, button_1);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, button_2);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, button_3);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, button_4);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, card_1);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, card_2);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, card_3);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, card_4);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, share_bar);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, note_box);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, note_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, calibration_box);
  gtk_widget_class_bind_template_child (widget_class, TlTierSummary, calibration_label);

  gtk_widget_class_set_css_name (widget_class, "tiersummary");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Names each card's toggle button after the card inside it, which reads
 * the tier's figures. */
static void
label_buttons (TlTierSummary *self)
{
  GtkToggleButton *buttons[TL_N_TIERS] = { self->button_1, self->button_2,
                                           self->button_3, self->button_4 };

  for (guint t = 1; t <= TL_N_TIERS; t++)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (buttons[t - 1]),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    tl_tier_summary_get_card (self, t), NULL,
                                    -1);
}

static void
tl_tier_summary_init (TlTierSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tl_accessible_set_label (GTK_WIDGET (self), _("Tiers"));
  label_buttons (self);
}

static void
show_tier (TlTierSummary     *self,
           guint              tier,
           const TlModel     *model,
           const TlTierStats *stats,
           const char        *currency)
{
  const char *name = model->tiers[tier - 1].name;
  const double bounds[3] = {
    model->tiers[0].lower_bound, model->tiers[1].lower_bound, model->tiers[2].lower_bound,
  };
  g_autofree char *arr = tl_format_money_short (stats->arr, currency);
  g_autofree char *range = tl_format_tier_range (bounds, tier - 1, currency);
  g_autofree char *tooltip = NULL;
  TlTierCard *card = tl_tier_summary_get_card (self, tier);

  /* Translators: a tooltip on the ARR share bar, as in
   * "Strategic: $26.1M, 54.2 % of ARR" */
  tooltip = g_strdup_printf (_("%s: %s, %.1f %% of ARR"), name, arr, stats->share_arr * 100.0);

  tl_tier_card_set_stats (card, name, stats, currency);
  tl_tier_card_set_range (card, range);
  tl_share_bar_set_share (self->share_bar, tier, stats->share_arr, tooltip);
}

static void
show_note (TlTierSummary *self,
           guint          n_without_tier)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->note_box, n_without_tier > 0);
  if (n_without_tier == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Needs data: %u account without ARR",
                                       "Needs data: %u accounts without ARR",
                                       n_without_tier),
                          n_without_tier);
  gtk_label_set_text (self->note_label, text);
}

/* Says why the tier bounds were not calibrated from the file, if so. */
static void
show_calibration_note (TlTierSummary *self,
                       const char    *note)
{
  gboolean visible = note != NULL && *note != '\0';

  gtk_widget_set_visible (self->calibration_box, visible);
  gtk_label_set_text (self->calibration_label, visible ? note : "");
}

/**
 * tl_tier_summary_set_document:
 * @self: a #TlTierSummary
 * @document: (nullable): a document whose segmentation is ready, or %NULL
 *
 * Shows the tiers of @document.
 */
void
tl_tier_summary_set_document (TlTierSummary *self,
                              TlDocument    *document)
{
  g_autoptr(TlModel) defaults = NULL;
  const TlSegmentation *segmentation = NULL;
  const char *currency = NULL;
  const TlModel *model;

  g_return_if_fail (TL_IS_TIER_SUMMARY (self));
  g_return_if_fail (document == NULL || TL_IS_DOCUMENT (document));

  if (document != NULL)
    {
      segmentation = tl_document_get_segmentation (document);
      model = tl_document_get_model (document);
      currency = tl_account_table_get_arr_currency (tl_document_get_table (document));
    }
  else
    {
      defaults = tl_model_new_default ();
      model = defaults;
    }

  for (guint tier = 1; tier <= TL_N_TIERS; tier++)
    {
      const TlTierStats empty = { 0, };

      show_tier (self, tier, model, segmentation ? &segmentation->tiers[tier] : &empty,
                 currency);
    }

  show_note (self, segmentation ? segmentation->tiers[TL_TIER_NONE].accounts : 0);
  show_calibration_note (self, document ? tl_document_get_calibration_note (document) : NULL);
}

/**
 * tl_tier_summary_get_card:
 * @self: a #TlTierSummary
 * @tier: a tier, 1 to 4
 *
 * Returns: (transfer none): the card of @tier
 */
TlTierCard *
tl_tier_summary_get_card (TlTierSummary *self,
                          guint          tier)
{
  TlTierCard *cards[TL_N_TIERS];

  g_return_val_if_fail (TL_IS_TIER_SUMMARY (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  cards[0] = self->card_1;
  cards[1] = self->card_2;
  cards[2] = self->card_3;
  cards[3] = self->card_4;

  return cards[tier - 1];
}

/**
 * tl_tier_summary_get_share_bar:
 * @self: a #TlTierSummary
 *
 * Returns: (transfer none): the bar of ARR shares
 */
TlShareBar *
tl_tier_summary_get_share_bar (TlTierSummary *self)
{
  g_return_val_if_fail (TL_IS_TIER_SUMMARY (self), NULL);

  return self->share_bar;
}

/**
 * tl_tier_summary_get_calibration_note:
 * @self: a #TlTierSummary
 *
 * Returns: (nullable): the note on why the tier bounds were not calibrated
 *   from the file, or %NULL when none is shown
 */
const char *
tl_tier_summary_get_calibration_note (TlTierSummary *self)
{
  g_return_val_if_fail (TL_IS_TIER_SUMMARY (self), NULL);

  if (!gtk_widget_get_visible (self->calibration_box))
    return NULL;

  return gtk_label_get_text (self->calibration_label);
}

/**
 * tl_tier_summary_get_note:
 * @self: a #TlTierSummary
 *
 * Returns: (nullable): the note on accounts without a tier, or %NULL when
 *   every account has one
 */
const char *
tl_tier_summary_get_note (TlTierSummary *self)
{
  g_return_val_if_fail (TL_IS_TIER_SUMMARY (self), NULL);

  if (!gtk_widget_get_visible (self->note_box))
    return NULL;

  return gtk_label_get_text (self->note_label);
}

/**
 * tl_tier_summary_set_filter_tier:
 * @self: a #TlTierSummary
 * @tier: the tier the table is filtered by, 1 to 4, or 0 for none
 *
 * Shows the card of @tier pressed and the others released.
 */
void
tl_tier_summary_set_filter_tier (TlTierSummary *self,
                                 guint          tier)
{
  GtkToggleButton *buttons[TL_N_TIERS];

  g_return_if_fail (TL_IS_TIER_SUMMARY (self));

  buttons[0] = self->button_1;
  buttons[1] = self->button_2;
  buttons[2] = self->button_3;
  buttons[3] = self->button_4;

  for (guint t = 1; t <= TL_N_TIERS; t++)
    gtk_toggle_button_set_active (buttons[t - 1], t == tier);
}

/**
 * tl_tier_summary_get_filter_tier:
 * @self: a #TlTierSummary
 *
 * Returns: the tier whose card shows pressed, or 0 for none
 */
guint
tl_tier_summary_get_filter_tier (TlTierSummary *self)
{
  g_return_val_if_fail (TL_IS_TIER_SUMMARY (self), 0);

  if (gtk_toggle_button_get_active (self->button_1))
    return 1;
  if (gtk_toggle_button_get_active (self->button_2))
    return 2;
  if (gtk_toggle_button_get_active (self->button_3))
    return 3;
  if (gtk_toggle_button_get_active (self->button_4))
    return 4;

  return 0;
}
