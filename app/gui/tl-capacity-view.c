/* tl-capacity-view.c
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

#define G_LOG_DOMAIN "tl-capacity-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tl-accessible.h"
#include "tl-books-view.h"
#include "tl-capacity-view.h"
#include "tl-format.h"
#include "tl-value.h"

/* The page that plans the CSM team. It shows the headcount, a sentence on
 * the shortfall or surplus, and a chart of how the headcount covers each
 * tier. Then come the allocation per tier against the accounts per CSM
 * and ARR per CSM targets, and each CSM's book of business when the file
 * names owners. The view changes no model: it notifies the "headcount"
 * property, and the window keeps the new headcount in the model. */

/* The rows of the tier table: one per tier, then the totals. */
#define TOTAL_ROW TL_N_TIERS

typedef struct
{
  GtkWidget *box;       /* the cell, whose tooltip explains a mark */
  GtkWidget *line;      /* icon and value; the "off-target" class colours it */
  GtkWidget *icon;
  GtkLabel  *value;
  GtkLabel  *caption;
  gboolean   off_target;
} Cell;

struct _TlCapacityView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkImage          *summary_icon;
  GtkLabel          *summary_title;
  GtkLabel          *summary_label;
  GtkSpinButton     *headcount_spin;
  TlCoverageChart   *chart;
  GtkGrid           *tiers_grid;
  GtkLabel          *books_caption;
  TlBooksView       *books_view;

  GtkLabel          *tier_names[TL_N_TIERS];
  GtkWidget         *tier_swatches[TL_N_TIERS];
  Cell               cells[TL_N_TIERS + 1][TL_N_CAPACITY_COLUMNS];

  TlDocument        *document;
  guint              headcount;
  TlAllocation       allocation;
  guint              updating;     /* headcount changes made by the code */
  gboolean           books_stale;  /* the books are not those of the document */
};

enum
{
  PROP_0,
  PROP_HEADCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SHOW_OWNER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlCapacityView, tl_capacity_view, GTK_TYPE_WIDGET)

/* Returns the currency of the document's amounts. */
static const char *
get_currency (TlCapacityView *self)
{
  if (self->document == NULL)
    return NULL;

  return tl_account_table_get_arr_currency (tl_document_get_table (self->document));
}

/* Formats accounts per CSM with one decimal, or none when whole: 6, 6.4. */
static char *
format_ratio (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return tl_format_number (value, 0);

  return tl_format_number (value, 1);
}

static char *
format_accounts_target (const TlTierParams *params)
{
  /* Translators: the target accounts per CSM of a tier, as in "target 5–8" */
  return g_strdup_printf (_("target %u–%u"), params->accounts_per_csm[0],
                          params->accounts_per_csm[1]);
}

static char *
format_arr_target (const TlTierParams *params,
                   const char         *currency)
{
  g_autofree char *low = tl_format_money_short (params->arr_per_csm[0], currency);
  g_autofree char *high = tl_format_money_short (params->arr_per_csm[1], currency);

  if (params->arr_per_csm[1] <= 0)
    /* Translators: a target ARR per CSM with no upper end, as in "target $2M or more" */
    return g_strdup_printf (_("target %s or more"), low);
  if (params->arr_per_csm[0] <= 0)
    /* Translators: a target ARR per CSM with no lower end, as in "target under $500K" */
    return g_strdup_printf (_("target under %s"), high);

  /* Translators: a target range of ARR per CSM, as in "target $1M–$2M" */
  return g_strdup_printf (_("target %s–%s"), low, high);
}

static GtkWidget *
create_header (const char *text,
               gboolean    end)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), end ? 1.0 : 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), end ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
init_cell (Cell *cell)
{
  cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  cell->line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  cell->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  cell->value = GTK_LABEL (gtk_label_new (NULL));
  cell->caption = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_set_halign (cell->box, GTK_ALIGN_END);
  gtk_widget_set_valign (cell->box, GTK_ALIGN_START);
  gtk_widget_set_halign (cell->line, GTK_ALIGN_END);
  gtk_widget_set_visible (cell->icon, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Off target"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (cell->value), "numeric");
  gtk_label_set_xalign (cell->caption, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (cell->caption), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (cell->caption), "dim-label");

  gtk_box_append (GTK_BOX (cell->line), cell->icon);
  gtk_box_append (GTK_BOX (cell->line), GTK_WIDGET (cell->value));
  gtk_box_append (GTK_BOX (cell->box), cell->line);
  gtk_box_append (GTK_BOX (cell->box), GTK_WIDGET (cell->caption));
}

/* Shows @value and @caption in a cell, marked with a warning sign and
 * @why as its tooltip when off target. */
static void
set_cell (Cell       *cell,
          const char *value,
          const char *caption,
          gboolean    off_target,
          const char *why)
{
  gtk_label_set_text (cell->value, value);
  gtk_label_set_text (cell->caption, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (cell->caption), caption != NULL && *caption != '\0');
  gtk_widget_set_visible (cell->icon, off_target);
  cell->off_target = off_target;

  if (off_target)
    gtk_widget_add_css_class (cell->line, "off-target");
  else
    gtk_widget_remove_css_class (cell->line, "off-target");
  gtk_widget_set_tooltip_text (cell->box, off_target ? why : NULL);
}

/* Builds the tier table: a header, a row per tier and a total row, with a
 * separator between rows. Grid rows 0 and 1 are the header and its
 * separator; table row r sits on grid row 2 + 2 r. */
static void
build_tier_table (TlCapacityView *self)
{
  const char *titles[TL_N_CAPACITY_COLUMNS] = {
    _("Accounts"), _("ARR"), C_("CSMs", "Minimum"), C_("CSMs", "Comfortable"),
    C_("CSMs", "Allocated"), _("Accounts per CSM"), _("ARR per CSM"),
  };

  gtk_grid_attach (self->tiers_grid, create_header (_("Tier"), FALSE), 0, 0, 1, 1);
  for (guint c = 0; c < TL_N_CAPACITY_COLUMNS; c++)
    gtk_grid_attach (self->tiers_grid, create_header (titles[c], TRUE), c + 1, 0, 1, 1);

  for (guint r = 0; r <= TOTAL_ROW; r++)
    {
      GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name = gtk_label_new (r == TOTAL_ROW ? _("Total") : NULL);
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

      gtk_widget_add_css_class (separator, "capacity-separator");
      gtk_grid_attach (self->tiers_grid, separator, 0, 1 + 2 * r, TL_N_CAPACITY_COLUMNS + 1, 1);

      gtk_widget_set_valign (name_box, GTK_ALIGN_START);
      gtk_widget_set_hexpand (name_box, TRUE);
      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      if (r < TOTAL_ROW)
        {
          GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
          char tier_class[8];

          g_snprintf (tier_class, sizeof tier_class, "tier-%u", r + 1);
          gtk_widget_add_css_class (swatch, "tier-swatch");
          gtk_widget_add_css_class (swatch, tier_class);
          gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (name_box), swatch);
          self->tier_swatches[r] = swatch;
          self->tier_names[r] = GTK_LABEL (name);
        }
      else
        gtk_widget_add_css_class (name, "heading");
      gtk_box_append (GTK_BOX (name_box), name);
      gtk_grid_attach (self->tiers_grid, name_box, 0, 2 + 2 * r, 1, 1);

      for (guint c = 0; c < TL_N_CAPACITY_COLUMNS; c++)
        {
          Cell *cell = &self->cells[r][c];

          init_cell (cell);
          if (r == TOTAL_ROW)
            gtk_widget_add_css_class (GTK_WIDGET (cell->value), "heading");
          gtk_grid_attach (self->tiers_grid, cell->box, c + 1, 2 + 2 * r, 1, 1);
        }
    }
}

static void
show_tier_without_csm (TlCapacityView *self,
                       guint           t)
{
  Cell *row = self->cells[t];

  set_cell (&row[TL_CAPACITY_MINIMUM], "—", NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_COMFORTABLE], "—", NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ALLOCATED], "—", C_("capacity", "no CSM motion"), FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ACCOUNTS_PER_CSM], "—", NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ARR_PER_CSM], "—", NULL, FALSE, NULL);
}

static void
show_tier_row (TlCapacityView *self,
               const TlModel  *model,
               guint           t)
{
  const TlTierAllocation *tier = &self->allocation.tiers[t];
  const TlTierParams *params = &model->tiers[t];
  Cell *row = self->cells[t];
  g_autofree char *accounts = tl_format_count (tier->accounts);
  g_autofree char *arr = tl_format_money_short (tier->arr, get_currency (self));
  g_autofree char *minimum = NULL;
  g_autofree char *comfortable = NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *short_by = NULL;
  g_autofree char *per_csm = NULL;
  g_autofree char *arr_per_csm = NULL;
  g_autofree char *accounts_target = NULL;
  g_autofree char *arr_target = NULL;
  g_autofree char *accounts_why = NULL;
  g_autofree char *arr_why = NULL;
  gboolean short_of_minimum;

  /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
  g_autofree char *name = g_strdup_printf (_("%u · %s"), t + 1, params->name);

  gtk_label_set_text (self->tier_names[t], name);
  set_cell (&row[TL_CAPACITY_ACCOUNTS], accounts, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ARR], arr, NULL, FALSE, NULL);

  if (params->accounts_per_csm[1] == 0)
    {
      show_tier_without_csm (self, t);
      return;
    }

  minimum = tl_format_count (tier->needed_min);
  comfortable = tl_format_count (tier->needed_comfortable);
  allocated = tl_format_count (tier->allocated);
  short_of_minimum = tier->allocated < tier->needed_min;
  if (short_of_minimum)
    /* Translators: CSMs missing to reach a tier's minimum, as in "1 short" */
    short_by = g_strdup_printf (_("%u short"), tier->needed_min - tier->allocated);

  set_cell (&row[TL_CAPACITY_MINIMUM], minimum, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_COMFORTABLE], comfortable, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ALLOCATED], allocated, short_by, short_of_minimum,
            _("Fewer CSMs than the tier’s minimum"));

  accounts_target = format_accounts_target (params);
  arr_target = format_arr_target (params, get_currency (self));
  if (tier->allocated == 0)
    {
      const char *value = tier->accounts > 0 ? C_("capacity", "No CSM") : "—";
      const char *why = _("The tier has accounts but no CSM");

      set_cell (&row[TL_CAPACITY_ACCOUNTS_PER_CSM], value, accounts_target,
                tier->accounts_off_target, why);
      set_cell (&row[TL_CAPACITY_ARR_PER_CSM], value, arr_target, tier->arr_off_target, why);
      return;
    }

  per_csm = format_ratio (tier->accounts_per_csm);
  arr_per_csm = tl_format_money_short (tier->arr_per_csm, get_currency (self));
  /* Translators: why accounts per CSM are marked, as in "Above the target of 8" */
  accounts_why = g_strdup_printf (_("Above the target of %u accounts per CSM"),
                                  params->accounts_per_csm[1]);
  /* Translators: %s is a target such as "target under $500K" */
  arr_why = g_strdup_printf (_("Outside the %s"), arr_target);
  set_cell (&row[TL_CAPACITY_ACCOUNTS_PER_CSM], per_csm, accounts_target,
            tier->accounts_off_target, accounts_why);
  set_cell (&row[TL_CAPACITY_ARR_PER_CSM], arr_per_csm, arr_target, tier->arr_off_target,
            arr_why);
}

static void
show_total_row (TlCapacityView *self)
{
  const TlAllocation *a = &self->allocation;
  Cell *row = self->cells[TOTAL_ROW];
  guint accounts = 0;
  double arr = 0;
  g_autofree char *accounts_text = NULL;
  g_autofree char *arr_text = NULL;
  g_autofree char *minimum = tl_format_count (a->total_min);
  g_autofree char *comfortable = tl_format_count (a->total_comfortable);
  g_autofree char *allocated = tl_format_count (a->headcount - a->surplus);
  g_autofree char *spare = NULL;
  g_autofree char *not_counted = NULL;
  guint n_without_arr = 0;

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      accounts += a->tiers[t].accounts;
      arr += a->tiers[t].arr;
    }
  if (self->document != NULL)
    n_without_arr = tl_document_get_segmentation (self->document)->tiers[TL_TIER_NONE].accounts;
  if (n_without_arr > 0)
    {
      /* Translators: under the total of accounts, the accounts it leaves
       * out because they have no tier, as in "2 without ARR not counted" */
      not_counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without ARR not counted",
                                                  "%u without ARR not counted", n_without_arr),
                                     n_without_arr);
    }
  accounts_text = tl_format_count (accounts);
  arr_text = tl_format_money_short (arr, get_currency (self));
  if (a->surplus > 0)
    /* Translators: CSMs left unallocated, under the total allocated, as in "2 spare" */
    spare = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u spare", "%u spare", a->surplus),
                             a->surplus);

  set_cell (&row[TL_CAPACITY_ACCOUNTS], accounts_text, not_counted, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ARR], arr_text, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_MINIMUM], minimum, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_COMFORTABLE], comfortable, NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ALLOCATED], allocated, spare, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ACCOUNTS_PER_CSM], "", NULL, FALSE, NULL);
  set_cell (&row[TL_CAPACITY_ARR_PER_CSM], "", NULL, FALSE, NULL);
}

/* Returns the names of the tiers short of their minimum, as in "Scale" or
 * "Growth and Scale", or NULL when none is. */
static char *
list_short_tiers (const TlAllocation *a,
                  const TlModel      *model,
                  guint              *n_short)
{
  const char *names[TL_N_TIERS];
  guint n = 0;

  for (guint t = 0; t < TL_N_TIERS; t++)
    if (a->tiers[t].allocated < a->tiers[t].needed_min)
      names[n++] = model->tiers[t].name;

  *n_short = n;
  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup (names[0]);
  if (n == 2)
    /* Translators: two tier names, as in "Growth and Scale" */
    return g_strdup_printf (_("%s and %s"), names[0], names[1]);

  /* Translators: three tier names, as in "Strategic, Growth and Scale" */
  return g_strdup_printf (_("%s, %s and %s"), names[0], names[1], names[2]);
}

/* Says in one title and one sentence whether the headcount covers the
 * tiers: the shortfall and the tiers it falls on, the CSMs missing to be
 * comfortable, or the surplus. */
static void
show_summary (TlCapacityView *self,
              const TlModel  *model)
{
  const TlAllocation *a = &self->allocation;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *icon = "emblem-ok-symbolic";
  const char *tone = "success";

  if (a->total_comfortable == 0)
    {
      title = g_strdup (_("No CSMs Needed"));
      body = g_strdup (_("No account is in a tier that has CSMs."));
      icon = "dialog-information-symbolic";
      tone = "dim-label";
    }
  else if (a->headcount == 0)
    {
      title = g_strdup (_("How Many CSMs Do You Have?"));
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Enter your CSM headcount. These accounts need at "
                                           "least %u CSM, and %u to be comfortable.",
                                           "Enter your CSM headcount. These accounts need at "
                                           "least %u CSMs, and %u to be comfortable.",
                                           a->total_min),
                              a->total_min, a->total_comfortable);
      icon = "system-users-symbolic";
      tone = "dim-label";
    }
  else if (a->shortfall > 0)
    {
      guint n_short = 0;
      g_autofree char *tiers = list_short_tiers (a, model, &n_short);

      /* Translators: the title of the capacity view, as in "1 CSM Short" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u CSM Short", "%u CSMs Short",
                                            a->shortfall), a->shortfall);
      /* Translators: "Your 5 CSMs are 1 short of the 6 that the tiers need at least.
       * Scale gets fewer than its minimum." */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Your %u CSMs are %u short of the %u that the tiers "
                                           "need at least. %s gets fewer than its minimum.",
                                           "Your %u CSMs are %u short of the %u that the tiers "
                                           "need at least. %s get fewer than their minimum.",
                                           n_short),
                              a->headcount, a->shortfall, a->total_min, tiers);
      icon = "dialog-warning-symbolic";
      tone = "error";
    }
  else if (a->short_of_comfortable > 0)
    {
      title = g_strdup (_("Every Tier Has Its Minimum"));
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Your %u CSMs cover the %u that the tiers need at "
                                           "least. %u more would make every tier comfortable.",
                                           "Your %u CSMs cover the %u that the tiers need at "
                                           "least. %u more would make every tier comfortable.",
                                           a->short_of_comfortable),
                              a->headcount, a->total_min, a->short_of_comfortable);
      icon = "dialog-information-symbolic";
      tone = "warning";
    }
  else if (a->surplus > 0)
    {
      /* Translators: the title of the capacity view, as in "2 CSMs to Spare" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u CSM to Spare",
                                            "%u CSMs to Spare", a->surplus), a->surplus);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Your %u CSMs give every tier its comfortable "
                                           "number, %u in all, with a surplus of %u.",
                                           "Your %u CSMs give every tier its comfortable "
                                           "number, %u in all, with a surplus of %u.",
                                           a->surplus),
                              a->headcount, a->total_comfortable, a->surplus);
    }
  else
    {
      title = g_strdup (_("Every Tier Is Comfortable"));
      body = g_strdup_printf (_("Your %u CSMs give every tier its comfortable number."),
                              a->headcount);
    }

  gtk_label_set_text (self->summary_title, title);
  gtk_label_set_text (self->summary_label, body);
  gtk_image_set_from_icon_name (self->summary_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->summary_icon),
                              (const char *[]) { "capacity-icon", tone, NULL });
}

/* Allocates the headcount and shows the result: summary, chart and table. */
static void
update_allocation (TlCapacityView *self)
{
  const TlModel *model;

  if (self->document == NULL || tl_document_get_segmentation (self->document) == NULL)
    return;

  model = tl_document_get_model (self->document);
  tl_allocation_compute (tl_document_get_segmentation (self->document), model,
                         self->headcount, &self->allocation);

  show_summary (self, model);
  tl_coverage_chart_set_allocation (self->chart, &self->allocation, model);
  for (guint t = 0; t < TL_N_TIERS; t++)
    show_tier_row (self, model, t);
  show_total_row (self);
}

static void
update_books (TlCapacityView *self)
{
  const TlModel *model = tl_document_get_model (self->document);
  const TlAccountTable *table = tl_document_get_table (self->document);
  g_autoptr(GPtrArray) books = NULL;
  guint n_owners = 0, n_overloaded = 0, n_underused = 0;
  g_autofree char *caption = NULL;

  books = tl_books_compute (table, tl_document_get_segmentation (self->document), model);
  for (guint i = 0; i < books->len; i++)
    {
      const TlBook *book = g_ptr_array_index (books, i);

      n_owners += book->state != TL_BOOK_UNASSIGNED;
      n_overloaded += book->state == TL_BOOK_OVERLOADED;
      n_underused += book->state == TL_BOOK_UNDERUSED;
    }
  tl_books_view_set_books (self->books_view, books, model, get_currency (self));
  gtk_widget_set_visible (GTK_WIDGET (self->books_view), books->len > 0);
  if (!tl_account_table_has_field (table, TL_FIELD_OWNER))
    {
      gtk_label_set_text (self->books_caption,
                          _("The file has no owner column, such as CSM or Account Owner, so "
                            "there are no books to show."));
      return;
    }

  /* Translators: the first part of the books caption, as in "8 CSMs: 2
   * overloaded, 1 underused." */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u CSM: %u overloaded, %u underused. A load above "
                                          "100 %% is more accounts than one CSM carries at the "
                                          "highest accounts per CSM. Click a CSM to list their "
                                          "accounts.",
                                          "%u CSMs: %u overloaded, %u underused. A load above "
                                          "100 %% is more accounts than one CSM carries at the "
                                          "highest accounts per CSM. Click a CSM to list their "
                                          "accounts.", n_owners),
                             n_owners, n_overloaded, n_underused);
  gtk_label_set_text (self->books_caption, caption);
}

static void
headcount_changed_cb (TlCapacityView *self)
{
  guint headcount = (guint) gtk_spin_button_get_value_as_int (self->headcount_spin);

  if (headcount == self->headcount)
    return;

  self->headcount = headcount;
  update_allocation (self);

  if (self->updating == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADCOUNT]);
}

static void
show_owner_cb (TlCapacityView *self,
               const char     *owner)
{
  g_signal_emit (self, signals[SHOW_OWNER], 0, owner);
}

static void
tl_capacity_view_dispose (GObject *object)
{
  TlCapacityView *self = TL_CAPACITY_VIEW (object);

  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_CAPACITY_VIEW);

  G_OBJECT_CLASS (tl_capacity_view_parent_class)->dispose (object);
}

static void
tl_capacity_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TlCapacityView *self = TL_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HEADCOUNT:
      g_value_set_uint (value, self->headcount);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_capacity_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TlCapacityView *self = TL_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_HEADCOUNT:
      tl_capacity_view_set_headcount (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tl_capacity_view_class_init (TlCapacityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_capacity_view_dispose;
  object_class->get_property = tl_capacity_view_get_property;
  object_class->set_property = tl_capacity_view_set_property;

  /**
   * TlCapacityView:headcount:
   *
   * The CSMs available, as the headcount field shows them. It is notified
   * when the user changes the field, not when tl_capacity_view_set_document()
   * sets it.
   */
  properties[PROP_HEADCOUNT] =
    g_param_spec_uint ("headcount", NULL, NULL, 0, 10000, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TlCapacityView::show-owner:
   * @owner: the CSM
   *
   * Emitted when the user clicks a CSM in the books table, to list the
   * CSM's accounts.
   */
  signals[SHOW_OWNER] = g_signal_new ("show-owner", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ADW_TYPE_CLAMP);
  g_type_ensure (TL_TYPE_COVERAGE_CHART);
  g_type_ensure (TL_TYPE_BOOKS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-capacity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, summary_title);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, headcount_spin);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, chart);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, tiers_grid);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, books_caption);
  gtk_widget_class_bind_template_child (widget_class, TlCapacityView, books_view);
  gtk_widget_class_bind_template_callback (widget_class, headcount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_owner_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "capacityview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Computes the books when the view is shown, not on every load: on a
 * million accounts they take about 150 ms. */
static void
refresh_books (TlCapacityView *self)
{
  if (!self->books_stale || self->document == NULL)
    return;

  self->books_stale = FALSE;
  update_books (self);
}

static void
tl_capacity_view_init (TlCapacityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (refresh_books), NULL);

  tl_accessible_set_label (GTK_WIDGET (self), _("Capacity"));
  build_tier_table (self);
}

/**
 * tl_capacity_view_set_document:
 * @self: a #TlCapacityView
 * @document: (nullable): a document whose segmentation is ready
 * @headcount: the CSMs to allocate, usually the model's headcount
 *
 * Shows the capacity of @document's accounts with @headcount CSMs, and
 * each CSM's book. Call it again after the document was segmented anew.
 * It does not notify TlCapacityView:headcount.
 */
void
tl_capacity_view_set_document (TlCapacityView *self,
                               TlDocument     *document,
                               guint           headcount)
{
  g_return_if_fail (TL_IS_CAPACITY_VIEW (self));
  g_return_if_fail (document == NULL || TL_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (document == NULL)
    {
      g_autoptr(GPtrArray) no_books = g_ptr_array_new ();

      tl_books_view_set_books (self->books_view, no_books, NULL, NULL);
      tl_coverage_chart_set_allocation (self->chart, NULL, NULL);
      return;
    }

  self->updating++;
  self->headcount = MIN (headcount, 10000);
  gtk_spin_button_set_value (self->headcount_spin, self->headcount);
  self->updating--;

  update_allocation (self);
  self->books_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_books (self);
}

guint
tl_capacity_view_get_headcount (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), 0);

  return self->headcount;
}

/**
 * tl_capacity_view_set_headcount:
 * @self: a #TlCapacityView
 * @headcount: the CSMs available, at most 10,000
 *
 * Sets the headcount field, as typing in it does: the view allocates the
 * new headcount and notifies TlCapacityView:headcount.
 */
void
tl_capacity_view_set_headcount (TlCapacityView *self,
                                guint           headcount)
{
  g_return_if_fail (TL_IS_CAPACITY_VIEW (self));

  gtk_spin_button_set_value (self->headcount_spin, MIN (headcount, 10000));
}

/**
 * tl_capacity_view_get_allocation:
 * @self: a #TlCapacityView
 *
 * Returns: (transfer none): the allocation shown
 */
const TlAllocation *
tl_capacity_view_get_allocation (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  return &self->allocation;
}

/**
 * tl_capacity_view_get_title:
 * @self: a #TlCapacityView
 *
 * Returns: the title over the summary, such as "1 CSM Short"
 */
const char *
tl_capacity_view_get_title (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  return gtk_label_get_text (self->summary_title);
}

/**
 * tl_capacity_view_get_summary:
 * @self: a #TlCapacityView
 *
 * Returns: the sentence on the shortfall or surplus
 */
const char *
tl_capacity_view_get_summary (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  return gtk_label_get_text (self->summary_label);
}

/**
 * tl_capacity_view_get_cell:
 * @self: a #TlCapacityView
 * @tier: a tier from 1 to 4, or 0 for the total row
 * @column: a column of the tier table
 *
 * Returns: the value the cell shows, such as "3" or "$2.1M"
 */
const char *
tl_capacity_view_get_cell (TlCapacityView   *self,
                           guint             tier,
                           TlCapacityColumn  column)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);
  g_return_val_if_fail (tier <= TL_N_TIERS, NULL);
  g_return_val_if_fail (column < TL_N_CAPACITY_COLUMNS, NULL);

  return gtk_label_get_text (self->cells[tier == 0 ? TOTAL_ROW : tier - 1][column].value);
}

/**
 * tl_capacity_view_get_caption:
 * @self: a #TlCapacityView
 * @tier: a tier from 1 to 4, or 0 for the total row
 * @column: a column of the tier table
 *
 * Returns: the small print under the cell's value, such as "1 short", or
 *   "" when it has none
 */
const char *
tl_capacity_view_get_caption (TlCapacityView   *self,
                              guint             tier,
                              TlCapacityColumn  column)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);
  g_return_val_if_fail (tier <= TL_N_TIERS, NULL);
  g_return_val_if_fail (column < TL_N_CAPACITY_COLUMNS, NULL);

  return gtk_label_get_text (self->cells[tier == 0 ? TOTAL_ROW : tier - 1][column].caption);
}

/**
 * tl_capacity_view_is_off_target:
 * @self: a #TlCapacityView
 * @tier: a tier from 1 to 4
 * @column: a column of the tier table
 *
 * Returns: whether the cell is marked, with the warning sign and the error
 *   colour, as off target or short of the minimum
 */
gboolean
tl_capacity_view_is_off_target (TlCapacityView   *self,
                                guint             tier,
                                TlCapacityColumn  column)
{
  const Cell *cell;

  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), FALSE);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, FALSE);
  g_return_val_if_fail (column < TL_N_CAPACITY_COLUMNS, FALSE);

  cell = &self->cells[tier - 1][column];

  return cell->off_target && gtk_widget_get_visible (cell->icon)
         && gtk_widget_has_css_class (cell->line, "off-target");
}

/**
 * tl_capacity_view_get_chart:
 * @self: a #TlCapacityView
 *
 * Returns: (transfer none): the coverage chart
 */
TlCoverageChart *
tl_capacity_view_get_chart (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  return self->chart;
}

/**
 * tl_capacity_view_shows_books:
 * @self: a #TlCapacityView
 *
 * Returns: whether the books table is shown, which it is when the file
 *   has an owner column
 */
gboolean
tl_capacity_view_shows_books (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), FALSE);

  refresh_books (self);
  return gtk_widget_get_visible (GTK_WIDGET (self->books_view));
}

/**
 * tl_capacity_view_get_books_view:
 * @self: a #TlCapacityView
 *
 * Returns: (transfer none): the books table
 */
GtkColumnView *
tl_capacity_view_get_books_view (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  refresh_books (self);
  return tl_books_view_get_column_view (self->books_view);
}

/**
 * tl_capacity_view_get_books:
 * @self: a #TlCapacityView
 *
 * Returns: (transfer none): the books in the order the table shows them,
 *   as #TlBookRow items
 */
GListModel *
tl_capacity_view_get_books (TlCapacityView *self)
{
  g_return_val_if_fail (TL_IS_CAPACITY_VIEW (self), NULL);

  refresh_books (self);
  return tl_books_view_get_books (self->books_view);
}

/**
 * tl_capacity_view_set_headcount_editable:
 * @self: a #TlCapacityView
 * @editable: whether the user may change the headcount
 *
 * Turns the headcount field off while the window reads or writes a file.
 */
void
tl_capacity_view_set_headcount_editable (TlCapacityView *self,
                                         gboolean        editable)
{
  g_return_if_fail (TL_IS_CAPACITY_VIEW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->headcount_spin), editable);
}
