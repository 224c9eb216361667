/* tl-account-cells.c
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


#define G_LOG_DOMAIN "tl-account-cells"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tl-accessible.h"
#include "tl-account-cells.h"
#include "tl-account-row.h"
#include "tl-format.h"
#include "tl-value.h"

/* On every sort the table gets a new model and creates the cells of about
 * two hundred rows again (205 measured with GTK 4.8), so bind handlers do
 * little work. They change a CSS class only when its state differs, and
 * the "query-tooltip" handlers compute tooltips only when one is shown. */

/* What a handler needs to know about the account of a list item. */
typedef struct
{
  const TlAccountTable *table;
  const TlSegmentation *segmentation;
  const TlModel        *model;
  guint                 row;
} Account;

typedef char *(*DescribeFunc) (const Account *account);

static gboolean
get_account (GtkListItem *item,
             Account     *account)
{
  TlAccountRow *row = gtk_list_item_get_item (item);
  TlDocument *document;

  if (row == NULL)
    return FALSE;

  document = tl_account_row_get_document (row);
  account->table = tl_document_get_table (document);
  account->segmentation = tl_document_get_segmentation (document);
  account->model = tl_document_get_model (document);
  account->row = tl_account_row_get_index (row);

  return TRUE;
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    enabled)
{
  if (gtk_widget_has_css_class (widget, css_class) == enabled)
    return;

  if (enabled)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Gives @widget the class @chosen, or none for NULL, out of @variants. */
static void
set_variant_class (GtkWidget          *widget,
                   const char * const *variants,
                   const char         *chosen)
{
  for (guint i = 0; variants[i] != NULL; i++)
    set_class (widget, variants[i], g_strcmp0 (variants[i], chosen) == 0);
}

/* Shows @text in an inscription cell, or a dimmed dash when it is empty. */
static void
set_text (GtkListItem *item,
          const char  *text)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gboolean absent = text == NULL || *text == '\0';

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), absent ? "—" : text);
  set_class (cell, "dim-label", absent);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "list-item");
  DescribeFunc describe = user_data;
  g_autofree char *text = NULL;
  Account account;

  if (item == NULL || !get_account (item, &account))
    return FALSE;

  text = describe (&account);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Makes @item's cell compute its tooltip with @describe when one is due. */
static void
set_tooltip_func (GtkListItem  *item,
                  DescribeFunc  describe)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  /* The list item owns the cell, so it outlives the cell's signal. */
  g_object_set_data (G_OBJECT (cell), "list-item", item);
  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (query_tooltip_cb), describe);
}

static GtkWidget *
create_inscription (float xalign,
                    guint nat_chars)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), xalign);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);

  return cell;
}

static char *
describe_name (const Account *account)
{
  const char *name = tl_account_table_get_display_name (account->table, account->row);
  const char *id = tl_account_table_get_text (account->table, TL_FIELD_ID, account->row);

  if (id != NULL && *id != '\0' && g_strcmp0 (id, name) != 0)
    return g_strdup_printf ("%s (%s)", name, id);

  return *name != '\0' ? g_strdup (name) : NULL;
}

static char *
describe_arr (const Account *account)
{
  switch (tl_account_table_get_arr_source (account->table, account->row))
    {
    case TL_ARR_SOURCE_MRR:
      return g_strdup (_("Twelve times the monthly recurring revenue"));
    case TL_ARR_SOURCE_INVALID:
      return g_strdup (_("The file gives a negative amount"));
    case TL_ARR_SOURCE_NONE:
      return g_strdup (_("The file gives no ARR or MRR for this account"));
    case TL_ARR_SOURCE_ARR:
    default:
      return NULL;
    }
}

static char *
describe_tier (const Account *account)
{
  guint tier = account->segmentation->tier[account->row];
  g_autofree char *bound = NULL;

  if (tier == TL_TIER_NONE || tier > TL_N_TIERS)
    return g_strdup (_("The file gives no usable ARR for this account, so it has no tier"));

  if (tier == TL_N_TIERS)
    return NULL;

  bound = tl_format_money (account->model->tiers[tier - 1].lower_bound,
                           tl_account_table_get_arr_currency (account->table));
  /* Translators: %s is an amount of money, as in "ARR of $250,000 or more" */
  return g_strdup_printf (_("ARR of %s or more"), bound);
}

static char *
format_points (double points)
{
  if (fabs (points - round (points)) < 0.05)
    return g_strdup_printf ("%.0f", points);

  return g_strdup_printf ("%.1f", points);
}

/* Describes the health score with each component's points, one a line. */
static char *
describe_health (const Account *account)
{
  guint score = account->segmentation->health[account->row];
  TlHealthStatus status;
  TlHealthDetail detail;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *missing = NULL;

  if (score == TL_HEALTH_ABSENT)
    return g_strdup (_("No health data for this account"));

  status = tl_segmentation_get_status (account->segmentation, account->model, account->row);
  tl_health_explain (account->table, account->model, account->row, &detail);

  /* Translators: a health status and score, as in "Healthy, 86 of 100" */
  g_string_append_printf (text, _("%s, %u of 100"), tl_health_status_get_label (status), score);

  if (detail.external)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Score taken from the file, which has no data "
                               "for the health components"));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    {
      g_autofree char *earned = NULL;
      g_autofree char *possible = NULL;

      if (!detail.has_data[c])
        continue;

      earned = format_points (detail.points[c]);
      possible = format_points (detail.max_points[c]);
      g_string_append_c (text, '\n');
      /* Translators: a health component and its points, as in "Usage: 27 of 30 points" */
      g_string_append_printf (text, _("%s: %s of %s points"),
                              tl_component_get_label (c), earned, possible);
    }

  missing = detail.partial ? tl_health_describe_missing (&detail) : NULL;
  if (missing != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, missing);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_expansion (const Account *account)
{
  TlExpansionDetail detail;

  if (account->segmentation->expansion[account->row] == TL_EXPANSION_NONE)
    return g_strdup (_("No expansion data for this account"));

  tl_expansion_explain (account->table, account->model, account->row, &detail);
  if (detail.n_fired == 0)
    return g_strdup (_("No expansion signal fired"));

  return tl_expansion_describe_fired (&detail);
}

static char *
describe_movement (const Account *account)
{
  return tl_movement_explain (account->table, account->segmentation, account->model,
                              account->row);
}

/**
 * tl_move_kind_get_icon_name:
 * @kind: a kind of move
 *
 * Returns: (nullable): the symbolic icon that marks @kind beside its
 *   label, or %NULL for %TL_MOVE_KIND_NONE
 */
const char *
tl_move_kind_get_icon_name (TlMoveKind kind)
{
  static const char * const icons[TL_N_MOVE_KINDS] = {
    [TL_MOVE_KIND_NONE] = NULL,
    [TL_MOVE_KIND_PROMOTE] = "go-up-symbolic",
    [TL_MOVE_KIND_DEMOTE] = "go-down-symbolic",
    [TL_MOVE_KIND_REVIEW] = "edit-find-symbolic",
    [TL_MOVE_KIND_WATCH] = "view-reveal-symbolic",
  };

  g_return_val_if_fail (kind < TL_N_MOVE_KINDS, NULL);

  return icons[kind];
}

/**
 * tl_move_kind_get_css_class:
 * @kind: a kind of move
 *
 * Returns: the CSS class of @kind's badge, such as "move-promote"
 */
const char *
tl_move_kind_get_css_class (TlMoveKind kind)
{
  static const char * const classes[TL_N_MOVE_KINDS] = {
    [TL_MOVE_KIND_NONE] = "move-none",
    [TL_MOVE_KIND_PROMOTE] = "move-promote",
    [TL_MOVE_KIND_DEMOTE] = "move-demote",
    [TL_MOVE_KIND_REVIEW] = "move-review",
    [TL_MOVE_KIND_WATCH] = "move-watch",
  };

  g_return_val_if_fail (kind < TL_N_MOVE_KINDS, NULL);

  return classes[kind];
}

/**
 * tl_account_cells_setup_text:
 *
 * Creates a start-aligned text cell.
 */
void
tl_account_cells_setup_text (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  gtk_list_item_set_child (item, create_inscription (0.0, 16));
}

/**
 * tl_account_cells_setup_number:
 *
 * Creates an end-aligned cell for figures.
 */
void
tl_account_cells_setup_number (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  GtkWidget *cell = create_inscription (1.0, 10);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

/**
 * tl_account_cells_setup_date:
 *
 * Creates a start-aligned cell for dates, with figures of equal width.
 */
void
tl_account_cells_setup_date (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  GtkWidget *cell = create_inscription (0.0, 10);

  gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

/**
 * tl_account_cells_setup_name:
 *
 * Creates the account name cell, whose tooltip adds the account's id.
 */
void
tl_account_cells_setup_name (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  gtk_list_item_set_child (item, create_inscription (0.0, 24));
  set_tooltip_func (item, describe_name);
}

/**
 * tl_account_cells_setup_arr:
 *
 * Creates the ARR cell, whose tooltip marks an ARR computed from MRR.
 */
void
tl_account_cells_setup_arr (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  tl_account_cells_setup_number (factory, item, user_data);
  set_tooltip_func (item, describe_arr);
}

/**
 * tl_account_cells_setup_tier:
 *
 * Creates the tier cell, whose tooltip gives the tier's ARR bound.
 */
void
tl_account_cells_setup_tier (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  tl_account_cells_setup_text (factory, item, user_data);
  set_tooltip_func (item, describe_tier);
}

/**
 * tl_account_cells_setup_health:
 *
 * Creates the health cell: a status dot, the score, the status name and a
 * note for partial or external scores. The tooltip lists the points of
 * each health component.
 */
void
tl_account_cells_setup_health (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *score = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (dot, "health-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (score, "numeric");
  gtk_label_set_width_chars (GTK_LABEL (score), 3);
  gtk_label_set_xalign (GTK_LABEL (score), 1.0);
  gtk_label_set_xalign (GTK_LABEL (status), 0.0);
  gtk_widget_add_css_class (note, "health-note");
  gtk_widget_set_valign (note, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), score);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), note);
  gtk_list_item_set_child (item, box);
  set_tooltip_func (item, describe_health);
}

/**
 * tl_account_cells_setup_expansion:
 *
 * Creates the expansion cell, a badge whose tooltip names the signals
 * that fired, with their values.
 */
void
tl_account_cells_setup_expansion (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, badge);
  set_tooltip_func (item, describe_expansion);
}

/**
 * tl_account_cells_setup_movement:
 *
 * Creates the movement cell: a badge with the kind of move and its icon,
 * and an alarm clock when the account renews soon. The tooltip names each
 * rule that flagged the account, with its numbers, the renewal included.
 */
void
tl_account_cells_setup_movement (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *renewal = gtk_image_new_from_icon_name ("alarm-symbolic");

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "move-badge");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_box_append (GTK_BOX (badge), icon);
  gtk_box_append (GTK_BOX (badge), label);

  gtk_widget_add_css_class (renewal, "renewal-mark");
  gtk_widget_set_valign (renewal, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (renewal), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (renewal), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("At renewal"), -1);

  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), renewal);
  gtk_list_item_set_child (item, box);
  set_tooltip_func (item, describe_movement);
}

/* The names below are what a screen reader reads for the cells that show
 * their meaning by colour, and for the whole row. */

static char *
format_tier_name (const Account *account)
{
  guint tier = account->segmentation->tier[account->row];

  if (tier == TL_TIER_NONE || tier > TL_N_TIERS)
    return g_strdup (_("Tier: needs data"));

  /* Translators: a tier as a screen reader reads it, as in "Tier 1 · Strategic" */
  return g_strdup_printf (_("Tier %u · %s"), tier, account->model->tiers[tier - 1].name);
}

static char *
format_health_name (const Account *account)
{
  guint score = account->segmentation->health[account->row];
  guint flags = account->segmentation->health_flags[account->row];
  TlHealthStatus status;
  const char *label;

  if (score == TL_HEALTH_ABSENT)
    return g_strdup (_("Health: no data"));

  status = tl_segmentation_get_status (account->segmentation, account->model, account->row);
  label = tl_health_status_get_label (status);

  if (flags & TL_HEALTH_FLAG_EXTERNAL)
    /* Translators: a health status and score that the file gives, as in
     * "Health: Healthy, 86 of 100, taken from the file" */
    return g_strdup_printf (_("Health: %s, %u of 100, taken from the file"), label, score);

  if (flags & TL_HEALTH_FLAG_PARTIAL)
    /* Translators: a health status and a score computed without some
     * components, as in "Health: At Risk, 48 of 100, partial score" */
    return g_strdup_printf (_("Health: %s, %u of 100, partial score"), label, score);

  /* Translators: a health status and score, as in "Health: At Risk, 48 of 100" */
  return g_strdup_printf (_("Health: %s, %u of 100"), label, score);
}

static char *
format_expansion_name (const Account *account)
{
  TlExpansionLevel level = account->segmentation->expansion[account->row];

  if (level == TL_EXPANSION_NONE || level > TL_EXPANSION_HIGH)
    return g_strdup (_("Expansion potential: no data"));

  /* Translators: an expansion level, as in "Expansion potential: HIGH" */
  return g_strdup_printf (_("Expansion potential: %s"), tl_expansion_level_get_label (level));
}

/* Returns NULL for an account that no rule flags. */
static char *
format_movement_name (const Account *account)
{
  guint flags = account->segmentation->movement[account->row];
  TlMoveKind kind = tl_movement_get_kind (flags);

  if (kind == TL_MOVE_KIND_NONE)
    return NULL;

  if (flags & TL_MOVE_AT_RENEWAL)
    /* Translators: a kind of move of an account that renews soon, as in
     * "Movement: Promote, at renewal" */
    return g_strdup_printf (_("Movement: %s, at renewal"), tl_move_kind_get_label (kind));

  /* Translators: a kind of move, as in "Movement: Promote" */
  return g_strdup_printf (_("Movement: %s"), tl_move_kind_get_label (kind));
}

/* Returns the name of the row: the account, its tier, health, expansion
 * potential and, when a rule flags it, its movement. */
static char *
format_row_name (const Account *account)
{
  const char *name = tl_account_table_get_display_name (account->table, account->row);
  g_autofree char *tier = format_tier_name (account);
  g_autofree char *health = format_health_name (account);
  g_autofree char *expansion = format_expansion_name (account);
  g_autofree char *movement = format_movement_name (account);

  if (name == NULL || *name == '\0')
    name = _("Unnamed account");

  if (movement != NULL)
    /* Translators: what a screen reader reads for a row of the account
     * table, as in "Acme Corp, Tier 1 · Strategic, Health: At Risk, 48 of
     * 100, Expansion potential: HIGH, Movement: Promote" */
    return g_strdup_printf (_("%s, %s, %s, %s, %s"), name, tier, health, expansion, movement);

  /* Translators: what a screen reader reads for a row of the account
   * table, as in "Acme Corp, Tier 1 · Strategic, Health: At Risk, 48 of
   * 100, Expansion potential: HIGH" */
  return g_strdup_printf (_("%s, %s, %s, %s"), name, tier, health, expansion);
}

/**
 * tl_account_cells_bind_name:
 *
 * Shows the account's name, or its id when the file has no names, and
 * names the row for screen readers.
 */
void
tl_account_cells_bind_name (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  Account account;
  g_autofree char *row_name = NULL;

  if (!get_account (item, &account))
    return;

  set_text (item, tl_account_table_get_display_name (account.table, account.row));

  /* The account column is always shown, so its cell names the row. */
  row_name = format_row_name (&account);
  tl_accessible_label_table_row (gtk_list_item_get_child (item), row_name);
}

/**
 * tl_account_cells_bind_arr:
 *
 * Shows the account's ARR as money.
 */
void
tl_account_cells_bind_arr (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  Account account;
  TlArrSource source;
  g_autofree char *text = NULL;

  if (!get_account (item, &account))
    return;

  source = tl_account_table_get_arr_source (account.table, account.row);
  if (source == TL_ARR_SOURCE_ARR || source == TL_ARR_SOURCE_MRR)
    text = tl_format_money (tl_account_table_get_arr (account.table)[account.row],
                            tl_account_table_get_arr_currency (account.table));

  set_text (item, text);
}

/**
 * tl_account_cells_bind_tier:
 *
 * Shows the tier number and name, or "Needs data", dimmed, for an account
 * without a readable ARR.
 */
void
tl_account_cells_bind_tier (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            gpointer                  user_data)
{
  Account account;
  guint tier;
  g_autofree char *text = NULL;

  if (!get_account (item, &account))
    return;

  tier = account.segmentation->tier[account.row];
  if (tier == TL_TIER_NONE || tier > TL_N_TIERS)
    {
      set_text (item, _("Needs data"));
      set_class (gtk_list_item_get_child (item), "dim-label", TRUE);
      return;
    }

  /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
  text = g_strdup_printf (_("%u · %s"), tier, account.model->tiers[tier - 1].name);
  set_text (item, text);
}

/**
 * tl_account_cells_bind_health:
 *
 * Shows the health score with a dot in the status colour, and names the
 * cell with the status and score in words.
 */
void
tl_account_cells_bind_health (GtkSignalListItemFactory *factory,
                              GtkListItem              *item,
                              gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *score = gtk_widget_get_next_sibling (dot);
  GtkWidget *status = gtk_widget_get_next_sibling (score);
  GtkWidget *note = gtk_widget_get_next_sibling (status);
  const char *status_classes[TL_HEALTH_NONE + 2];
  g_autofree char *name = NULL;
  char score_text[8];
  Account account;
  guint health;
  guint flags;
  TlHealthStatus health_status = TL_HEALTH_NONE;

  if (!get_account (item, &account))
    return;

  for (guint s = 0; s <= TL_HEALTH_NONE; s++)
    status_classes[s] = tl_health_status_get_css_class (s);
  status_classes[TL_HEALTH_NONE + 1] = NULL;

  health = account.segmentation->health[account.row];
  flags = account.segmentation->health_flags[account.row];
  if (health != TL_HEALTH_ABSENT)
    health_status = tl_segmentation_get_status (account.segmentation, account.model, account.row);

  g_snprintf (score_text, sizeof score_text, "%u", health);
  gtk_label_set_text (GTK_LABEL (score), health != TL_HEALTH_ABSENT ? score_text : "—");
  set_class (score, "dim-label", health == TL_HEALTH_ABSENT);
  gtk_widget_set_visible (dot, health != TL_HEALTH_ABSENT);
  set_variant_class (dot, status_classes, tl_health_status_get_css_class (health_status));
  gtk_label_set_text (GTK_LABEL (status),
                      health != TL_HEALTH_ABSENT ? tl_health_status_get_label (health_status) : "");

  gtk_widget_set_visible (note, (flags & (TL_HEALTH_FLAG_EXTERNAL | TL_HEALTH_FLAG_PARTIAL)) != 0);
  if (flags & TL_HEALTH_FLAG_EXTERNAL)
    gtk_label_set_text (GTK_LABEL (note), C_("health score", "external"));
  else if (flags & TL_HEALTH_FLAG_PARTIAL)
    gtk_label_set_text (GTK_LABEL (note), C_("health score", "partial"));

  name = format_health_name (&account);
  tl_accessible_set_label (box, name);
}

/**
 * tl_account_cells_bind_expansion:
 *
 * Shows the expansion level as a badge, or a dimmed dash when no signal
 * could be judged.
 */
void
tl_account_cells_bind_expansion (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 gpointer                  user_data)
{
  static const char * const level_classes[] = {
    [TL_EXPANSION_NONE] = "expansion-none",
    [TL_EXPANSION_LOW] = "expansion-low",
    [TL_EXPANSION_MEDIUM] = "expansion-medium",
    [TL_EXPANSION_HIGH] = "expansion-high",
    NULL
  };
  GtkWidget *badge = gtk_list_item_get_child (item);
  g_autofree char *name = NULL;
  TlExpansionLevel level;
  Account account;

  if (!get_account (item, &account))
    return;

  level = account.segmentation->expansion[account.row];
  if (level > TL_EXPANSION_HIGH)
    level = TL_EXPANSION_NONE;

  gtk_label_set_text (GTK_LABEL (badge),
                      level != TL_EXPANSION_NONE ? tl_expansion_level_get_label (level) : "—");
  set_class (badge, "badge", level != TL_EXPANSION_NONE);
  set_class (badge, "dim-label", level == TL_EXPANSION_NONE);
  set_variant_class (badge, level_classes, level_classes[level]);

  /* After the text, which sets the label's own accessible name. */
  name = format_expansion_name (&account);
  tl_accessible_set_label (badge, name);
}

/**
 * tl_account_cells_bind_movement:
 *
 * Shows the kind of move as a badge, and the renewal mark when the account
 * is flagged and renews within the model's renewal window. An account
 * without a move shows nothing. The cell's name gives the move in words.
 */
void
tl_account_cells_bind_movement (GtkSignalListItemFactory *factory,
                                GtkListItem              *item,
                                gpointer                  user_data)
{
  static const char * const kind_classes[] = {
    "move-none", "move-promote", "move-demote", "move-review", "move-watch", NULL
  };
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = gtk_widget_get_first_child (box);
  GtkWidget *renewal = gtk_widget_get_next_sibling (badge);
  GtkWidget *icon = gtk_widget_get_first_child (badge);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autofree char *name = NULL;
  Account account;
  guint flags;
  TlMoveKind kind;

  if (!get_account (item, &account))
    return;

  flags = account.segmentation->movement[account.row];
  kind = tl_movement_get_kind (flags);
  name = format_movement_name (&account);
  tl_accessible_set_label (box, name != NULL ? name : _("Movement: none"));

  gtk_widget_set_visible (badge, kind != TL_MOVE_KIND_NONE);
  gtk_widget_set_visible (renewal, kind != TL_MOVE_KIND_NONE && (flags & TL_MOVE_AT_RENEWAL));
  if (kind == TL_MOVE_KIND_NONE)
    return;

  gtk_label_set_text (GTK_LABEL (label), tl_move_kind_get_label (kind));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), tl_move_kind_get_icon_name (kind));
  set_variant_class (badge, kind_classes, tl_move_kind_get_css_class (kind));
}

/**
 * tl_account_cells_bind_seats_used:
 *
 * Shows the seats in use.
 */
void
tl_account_cells_bind_seats_used (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data)
{
  Account account;
  double seats;
  g_autofree char *text = NULL;

  if (!get_account (item, &account))
    return;

  seats = tl_account_table_get_value (account.table, TL_FIELD_SEATS_USED, account.row);
  if (!isnan (seats))
    text = tl_format_number (seats, 0);

  set_text (item, text);
}

/**
 * tl_account_cells_bind_owner:
 *
 * Shows the CSM who owns the account.
 */
void
tl_account_cells_bind_owner (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             gpointer                  user_data)
{
  Account account;

  if (get_account (item, &account))
    set_text (item, tl_account_table_get_text (account.table, TL_FIELD_OWNER, account.row));
}

/**
 * tl_account_cells_bind_renewal:
 *
 * Shows the renewal date.
 */
void
tl_account_cells_bind_renewal (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data)
{
  Account account;
  double day;
  g_autofree char *text = NULL;

  if (!get_account (item, &account))
    return;

  day = tl_account_table_get_value (account.table, TL_FIELD_RENEWAL, account.row);
  if (!isnan (day) && day > 0)
    text = tl_format_date ((guint32) day);

  set_text (item, text);
}
