/* tl-tier-preview.c
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

#define G_LOG_DOMAIN "tl-tier-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-format.h"
#include "tl-tier-preview.h"
#include "tl-value.h"

/* A table of the four tiers under a set of bounds: each tier's accounts,
 * share of accounts, ARR and share of ARR, with each share's target range
 * under it. A share outside its range gets a warning icon as well as the
 * "warning" style class, so that colour is not the only sign. */

/* A share in the preview: the percent, a warning icon when it lies
 * outside its target range, and the target range under it. */
typedef struct
{
  GtkLabel  *value;
  GtkWidget *icon;
  GtkLabel  *target;
  gboolean   marked;
} ShareCell;

typedef struct
{
  GtkLabel  *name;
  GtkLabel  *range;
  GtkLabel  *accounts;
  GtkLabel  *arr;
  ShareCell  shares[2];
} PreviewRow;

struct _TlTierPreview
{
  GtkWidget   parent_instance;

  GtkGrid    *grid;
  PreviewRow  rows[TL_N_TIERS];
};

G_DEFINE_FINAL_TYPE (TlTierPreview, tl_tier_preview, GTK_TYPE_WIDGET)

static void build_rows (TlTierPreview *self);

static void
tl_tier_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_TIER_PREVIEW);

  G_OBJECT_CLASS (tl_tier_preview_parent_class)->dispose (object);
}

static void
tl_tier_preview_class_init (TlTierPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_tier_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/"
                                               "tl-tier-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, TlTierPreview, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tierpreview");
}

static void
tl_tier_preview_init (TlTierPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rows (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tier preview"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Accounts and ARR of each tier with these bounds, beside the target shares"),
                                  -1);
}

static GtkLabel *
create_number_label (GtkGrid *grid,
                     int      column,
                     int      row)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);

  return GTK_LABEL (label);
}

/* Creates a share cell: the percent with its warning icon, and the
 * target range in small print under it. */
static void
create_share_cell (ShareCell *cell,
                   GtkGrid   *grid,
                   int        column,
                   int        row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *target = gtk_label_new (NULL);

  gtk_widget_set_halign (line, GTK_ALIGN_END);
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outside the target range"), -1);
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (target), 1.0f);
  gtk_widget_add_css_class (target, "caption");
  gtk_widget_add_css_class (target, "dim-label");
  gtk_widget_add_css_class (target, "numeric");

  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), value);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), target);
  gtk_grid_attach (grid, box, column, row, 1, 1);

  cell->value = GTK_LABEL (value);
  cell->icon = icon;
  cell->target = GTK_LABEL (target);
}

/* Adds one line per tier under the header line of the grid. */
static void
build_rows (TlTierPreview *self)
{
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      PreviewRow *row = &self->rows[t];
      GtkWidget *tier_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *range = gtk_label_new (NULL);
      g_autofree char *tier_class = g_strdup_printf ("tier-%u", t + 1);
      int line = (int) t + 1;

      gtk_widget_add_css_class (swatch, "tier-swatch");
      gtk_widget_add_css_class (swatch, tier_class);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (range), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (range), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (range, "caption");
      gtk_widget_add_css_class (range, "dim-label");
      gtk_widget_add_css_class (range, "numeric");

      gtk_box_append (GTK_BOX (title_box), swatch);
      gtk_box_append (GTK_BOX (title_box), name);
      gtk_box_append (GTK_BOX (tier_box), title_box);
      gtk_box_append (GTK_BOX (tier_box), range);
      gtk_grid_attach (self->grid, tier_box, 0, line, 1, 1);

      row->name = GTK_LABEL (name);
      row->range = GTK_LABEL (range);
      row->accounts = create_number_label (self->grid, 1, line);
      create_share_cell (&row->shares[TL_PREVIEW_SHARE_ACCOUNTS], self->grid, 2, line);
      row->arr = create_number_label (self->grid, 3, line);
      create_share_cell (&row->shares[TL_PREVIEW_SHARE_ARR], self->grid, 4, line);
    }
}

/* Formats a 0..1 share as a percent with one decimal, so that 10.2 % is
 * not shown as a within-target 10 %. */
static char *
format_share (double share)
{
  double percent = share * 100.0;

  if (percent > 0 && percent < 0.05)
    return g_strdup ("<0.1 %");

  return g_strdup_printf ("%.1f %%", percent);
}

/* Formats a target range of shares, as "5–10 %". */
static char *
format_target (const double range[2])
{
  /* Translators: a tier's target range of shares, as in "Target 5–10 %" */
  return g_strdup_printf (_("Target %g–%g %%"), round (range[0] * 1000.0) / 10.0,
                          round (range[1] * 1000.0) / 10.0);
}

/* Judges a share as the preview shows it, to a tenth of a percent, so
 * that the mark agrees with the number beside it. */
static gboolean
is_outside (double       share,
            const double range[2])
{
  double shown = round (share * 1000.0) / 1000.0;

  return shown < range[0] - 1e-9 || shown > range[1] + 1e-9;
}

static void
show_share (ShareCell    *cell,
            double        share,
            const double  range[2],
            gboolean      judge)
{
  g_autofree char *value = format_share (share);
  g_autofree char *target = format_target (range);

  cell->marked = judge && is_outside (share, range);
  gtk_label_set_text (cell->value, value);
  gtk_label_set_text (cell->target, target);
  gtk_widget_set_visible (cell->icon, cell->marked);
  if (cell->marked)
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell->value), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->value), _("Outside the target range"));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (cell->value), "warning");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->value), NULL);
    }
}

/**
 * tl_tier_preview_update:
 * @self: a #TlTierPreview
 * @model: the model whose target ranges the shares are judged against
 * @names: the name of each tier
 * @bounds: the lower bounds of tiers 1 to 3
 * @shares: what @bounds give on the accounts
 * @currency: (nullable): the currency of the amounts, or %NULL for dollars
 *
 * Shows @shares. The shares are marked against their targets only when
 * there is at least one account.
 */
void
tl_tier_preview_update (TlTierPreview      *self,
                        const TlModel      *model,
                        const char * const *names,
                        const double        bounds[3],
                        const TlTierShares *shares,
                        const char         *currency)
{
  guint n_accounts = 0;

  g_return_if_fail (TL_IS_TIER_PREVIEW (self));
  g_return_if_fail (model != NULL);
  g_return_if_fail (names != NULL);
  g_return_if_fail (shares != NULL);

  for (guint t = 0; t < TL_N_TIERS; t++)
    n_accounts += shares->accounts[t];

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TlTierParams *tier = &model->tiers[t];
      PreviewRow *row = &self->rows[t];
      g_autofree char *range = tl_format_tier_range (bounds, t, currency);
      g_autofree char *accounts = tl_format_count (shares->accounts[t]);
      g_autofree char *arr = tl_format_money_short (shares->arr[t], currency);

      gtk_label_set_text (row->name, names[t]);
      gtk_label_set_text (row->range, range);
      gtk_label_set_text (row->accounts, accounts);
      gtk_label_set_text (row->arr, arr);
      show_share (&row->shares[TL_PREVIEW_SHARE_ACCOUNTS], shares->share_accounts[t],
                  tier->target_accounts, n_accounts > 0);
      show_share (&row->shares[TL_PREVIEW_SHARE_ARR], shares->share_arr[t], tier->target_arr,
                  n_accounts > 0);
    }
}

/**
 * tl_tier_preview_get_accounts:
 * @self: a #TlTierPreview
 * @tier: a tier, 1 to 4
 *
 * Returns: the number of accounts shown for the tier
 */
const char *
tl_tier_preview_get_accounts (TlTierPreview *self,
                              guint          tier)
{
  g_return_val_if_fail (TL_IS_TIER_PREVIEW (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);

  return gtk_label_get_text (self->rows[tier - 1].accounts);
}

/**
 * tl_tier_preview_get_share:
 * @self: a #TlTierPreview
 * @tier: a tier, 1 to 4
 * @share: which share
 *
 * Returns: the share shown for the tier, such as "6.0 %"
 */
const char *
tl_tier_preview_get_share (TlTierPreview  *self,
                           guint           tier,
                           TlPreviewShare  share)
{
  g_return_val_if_fail (TL_IS_TIER_PREVIEW (self), NULL);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, NULL);
  g_return_val_if_fail (share <= TL_PREVIEW_SHARE_ARR, NULL);

  return gtk_label_get_text (self->rows[tier - 1].shares[share].value);
}

/**
 * tl_tier_preview_is_share_marked:
 * @self: a #TlTierPreview
 * @tier: a tier, 1 to 4
 * @share: which share
 *
 * Returns: whether the share is marked as outside its target range
 */
gboolean
tl_tier_preview_is_share_marked (TlTierPreview  *self,
                                 guint           tier,
                                 TlPreviewShare  share)
{
  g_return_val_if_fail (TL_IS_TIER_PREVIEW (self), FALSE);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, FALSE);
  g_return_val_if_fail (share <= TL_PREVIEW_SHARE_ARR, FALSE);

  return self->rows[tier - 1].shares[share].marked;
}
