/* tl-tier-card.c
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


#define G_LOG_DOMAIN "tl-tier-card"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-format.h"
#include "tl-tier-card.h"

/* One tier of the summary: its name, ARR and number of accounts, and the
 * share of each. */
struct _TlTierCard
{
  GtkWidget  parent_instance;

  GtkWidget *swatch;
  GtkLabel  *title_label;
  GtkLabel  *range_label;
  GtkLabel  *arr_label;
  GtkLabel  *arr_share_label;
  GtkLabel  *accounts_label;
  GtkLabel  *accounts_share_label;

  guint      tier;
};

G_DEFINE_FINAL_TYPE (TlTierCard, tl_tier_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formats a 0..1 share as a percent with one decimal, so that 10.2 % is
 * not shown as a within-target 10 %; a share too small to show is "<0.1 %". */
static char *
format_share (double share)
{
  double percent = share * 100.0;

  if (percent > 0 && percent < 0.05)
    return g_strdup ("<0.1 %");

  return g_strdup_printf ("%.1f %%", percent);
}

static void
tl_tier_card_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TlTierCard *self = TL_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_TIER:
      g_value_set_uint (value, self->tier);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_tier_card_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TlTierCard *self = TL_TIER_CARD (object);

  switch (prop_id)
    {
    case PROP_TIER:
      tl_tier_card_set_tier (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_tier_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_TIER_CARD);

  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_tier_card_parent_class)->dispose (object);
}

static void
tl_tier_card_class_init (TlTierCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_tier_card_dispose;
  object_class->get_property = tl_tier_card_get_property;
  object_class->set_property = tl_tier_card_set_property;

  properties[PROP_TIER] =
    g_param_spec_uint ("tier", NULL, NULL,
                       1, TL_N_TIERS, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-tier-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, swatch);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, range_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, arr_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, arr_share_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, accounts_label);
  gtk_widget_class_bind_template_child (widget_class, TlTierCard, accounts_share_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tiercard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_tier_card_init (TlTierCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tl_tier_card_set_tier (self, 1);
}

/**
 * tl_tier_card_get_tier:
 * @self: a #TlTierCard
 *
 * Returns: the tier the card shows, 1 to 4
 */
guint
tl_tier_card_get_tier (TlTierCard *self)
{
  g_return_val_if_fail (TL_IS_TIER_CARD (self), 1);

  return self->tier;
}

/**
 * tl_tier_card_set_tier:
 * @self: a #TlTierCard
 * @tier: a tier, 1 to 4
 *
 * Sets which tier the card shows, and so its colour.
 */
void
tl_tier_card_set_tier (TlTierCard *self,
                       guint       tier)
{
  g_autofree char *tier_class = NULL;

  g_return_if_fail (TL_IS_TIER_CARD (self));
  g_return_if_fail (tier >= 1 && tier <= TL_N_TIERS);

  tier_class = g_strdup_printf ("tier-%u", tier);
  gtk_widget_set_css_classes (self->swatch, (const char *[]) { "tier-swatch", tier_class, NULL });

  if (self->tier == tier)
    return;

  self->tier = tier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
}

/**
 * tl_tier_card_set_stats:
 * @self: a #TlTierCard
 * @name: the tier's name
 * @stats: (nullable): the tier's accounts and ARR, or %NULL for none
 * @currency: (nullable): the currency of the ARR, or %NULL for dollars
 *
 * Shows the tier's figures, and names the card with them for screen
 * readers.
 */
void
tl_tier_card_set_stats (TlTierCard        *self,
                        const char        *name,
                        const TlTierStats *stats,
                        const char        *currency)
{
  const TlTierStats empty = { 0, };
  g_autofree char *title = NULL;
  g_autofree char *arr = NULL;
  g_autofree char *arr_share = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *count = NULL;
  g_autofree char *accounts_share = NULL;
  g_autofree char *arr_percent = NULL;
  g_autofree char *accounts_percent = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (TL_IS_TIER_CARD (self));
  g_return_if_fail (name != NULL);

  if (stats == NULL)
    stats = &empty;

  /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
  title = g_strdup_printf (_("%u · %s"), self->tier, name);
  arr = tl_format_money_short (stats->arr, currency);
  arr_percent = format_share (stats->share_arr);
  accounts_percent = format_share (stats->share_accounts);
  count = tl_format_count (stats->accounts);
  accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts",
                                           stats->accounts),
                              count);
  /* Translators: a share of the total ARR, as in "54 % of ARR" */
  arr_share = g_strdup_printf (_("%s of ARR"), arr_percent);
  /* Translators: a share of all accounts, as in "6.8 % of accounts" */
  accounts_share = g_strdup_printf (_("%s of accounts"), accounts_percent);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->arr_label, arr);
  gtk_label_set_text (self->arr_share_label, arr_share);
  gtk_label_set_text (self->accounts_label, accounts);
  gtk_label_set_text (self->accounts_share_label, accounts_share);

  /* Translators: what a screen reader reads for a tier card: the tier's
   * number and name, its accounts, ARR and share of ARR, as in "Tier 1
   * Strategic: 18 accounts, $6.3M ARR, 49.0 % of ARR" */
  summary = g_strdup_printf (_("Tier %u %s: %s, %s ARR, %s"),
                             self->tier, name, accounts, arr, arr_share);
  tl_accessible_set_label (GTK_WIDGET (self), summary);
}

/**
 * tl_tier_card_set_range:
 * @self: a #TlTierCard
 * @range: the tier's ARR range, such as "$50K to $250K"
 *
 * Shows which ARR puts an account in the tier, which is also the card's
 * accessible description.
 */
void
tl_tier_card_set_range (TlTierCard *self,
                        const char *range)
{
  g_return_if_fail (TL_IS_TIER_CARD (self));
  g_return_if_fail (range != NULL);

  gtk_label_set_text (self->range_label, range);
  tl_accessible_set_description (GTK_WIDGET (self), range);
}

/**
 * tl_tier_card_get_accounts:
 * @self: a #TlTierCard
 *
 * Returns: the text the card shows for the tier's number of accounts
 */
const char *
tl_tier_card_get_accounts (TlTierCard *self)
{
  g_return_val_if_fail (TL_IS_TIER_CARD (self), NULL);

  return gtk_label_get_text (self->accounts_label);
}
