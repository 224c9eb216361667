/* tl-account-detail.c
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


#define G_LOG_DOMAIN "tl-account-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "tl-accessible.h"
#include "tl-account-cells.h"
#include "tl-account-detail.h"
#include "tl-format.h"
#include "tl-value.h"

/* The pane beside the table that explains one account: why it has its
 * tier, the points of each health component and the values behind them,
 * and which expansion signals fired. It also names the rules that make
 * the account a candidate to move between tiers, and the CS motion of its
 * tier. Every
 * figure is computed again from the document when the pane is shown, so
 * it always matches the model in force. */

/* A cell shown in the pane is cut after this many characters, so that a
 * malformed file cannot fill the pane with one value. */
#define MAX_CELL_CHARS 60

struct _TlAccountDetail
{
  GtkWidget   parent_instance;

  GtkLabel   *name_label;
  GtkLabel   *id_label;
  GtkWidget  *close_button;
  GtkStack   *stack;
  GtkWidget  *scrolled_window;
  GtkWidget  *tier_swatch;
  GtkLabel   *tier_label;
  GtkLabel   *tier_reason_label;
  GtkLabel   *tier_note_label;
  GtkLabel   *score_label;
  GtkLabel   *status_label;
  GtkWidget  *partial_label;
  GtkWidget  *external_label;
  GtkLabel   *health_note_label;
  GtkListBox *components_list;
  GtkLabel   *expansion_badge;
  GtkLabel   *expansion_note_label;
  GtkListBox *signals_list;
  GtkWidget  *movement_badge;
  GtkImage   *movement_icon;
  GtkLabel   *movement_label;
  GtkLabel   *movement_note_label;
  GtkListBox *movement_list;
  GtkLabel   *motion_note_label;
  GtkListBox *motion_list;

  TlDocument *document;
  guint       row;
};

enum
{
  CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlAccountDetail, tl_account_detail, GTK_TYPE_WIDGET)

/* The account whose parts the pane's builders show. */
typedef struct
{
  const TlAccountTable *table;
  const TlSegmentation *segmentation;
  const TlModel        *model;
  guint                 row;
} Account;

/* Shows @text in @label, or hides the label when @text is NULL or empty. */
static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gboolean visible = text != NULL && *text != '\0';

  gtk_label_set_text (label, visible ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), visible);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Names @row for screen readers with @title and @value, as in "Usage: 27
 * of 30", and describes it with @detail. */
static void
label_row (GtkWidget  *row,
           const char *title,
           const char *value,
           const char *detail)
{
  g_autofree char *label = NULL;

  if (value != NULL && *value != '\0')
    /* Translators: a line of the account details as a screen reader reads
     * it: a title and its value, as in "Usage: 27 of 30" */
    label = g_strdup_printf (_("%s: %s"), title, value);

  tl_accessible_set_label (row, label != NULL ? label : title);
  tl_accessible_set_description (row, detail);
}

/* Appends a row to @list: @title with @value at its end and, under them,
 * @detail. A row whose data is absent is dimmed. Returns the row's grid,
 * whose third line is free. */
static GtkWidget *
append_row (GtkListBox *list,
            const char *title,
            const char *value,
            const char *detail,
            gboolean    absent)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title_label = create_label (title, NULL);
  GtkWidget *value_label = create_label (value, "numeric");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_add_css_class (grid, "detail-row");

  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
  gtk_widget_set_valign (value_label, GTK_ALIGN_BASELINE);
  gtk_grid_attach (GTK_GRID (grid), title_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_label, 1, 0, 1, 1);

  if (detail != NULL)
    {
      GtkWidget *detail_label = create_label (detail, "caption");

      gtk_widget_add_css_class (detail_label, "dim-label");
      gtk_widget_add_css_class (detail_label, "numeric");
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (detail_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (detail_label), TRUE);
      gtk_grid_attach (GTK_GRID (grid), detail_label, 0, 1, 2, 1);
    }

  if (absent)
    {
      gtk_widget_add_css_class (title_label, "dim-label");
      gtk_widget_add_css_class (value_label, "dim-label");
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_list_box_append (list, row);
  label_row (row, title, value, detail);

  return grid;
}

/* Formats a number with at most @decimals decimals, without trailing
 * zeros: 0.45, 0.5, 4.2, 40, with the locale's decimal mark (4,2 in
 * German). */
static char *
format_number (double value,
               int    decimals)
{
  char *text = g_strdup_printf ("%.*f", decimals, value);
  char *point = strchr (text, localeconv ()->decimal_point[0]);

  if (point != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > point && *end == '0')
        *end-- = '\0';
      if (end == point)
        *end = '\0';
    }

  return text;
}

/* Formats health points as the table's tooltip does: 27, 7.5. */
static char *
format_points (double points)
{
  if (fabs (points - round (points)) < 0.05)
    return g_strdup_printf ("%.0f", points);

  return g_strdup_printf ("%.1f", points);
}

/* Returns whether tl_format_money_short() shows @value exactly, so
 * that a tier bound of $49,950 is not shown as $50K. */
static gboolean
short_money_is_exact (double value)
{
  static const double units[] = { 1e12, 1e9, 1e6, 1e3 };
  double a = fabs (value);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      double scaled = a / units[i];

      if (a < units[i] * 0.9995)
        continue;
      if (scaled >= 99.95)
        return scaled == round (scaled);

      return fabs (scaled * 10.0 - round (scaled * 10.0)) < 1e-9;
    }

  return a == round (a);
}

static char *
format_bound (double      value,
              const char *currency)
{
  if (short_money_is_exact (value))
    return tl_format_money_short (value, currency);

  return tl_format_money (value, currency);
}

/* Returns a cell of the file, cut and with control characters escaped,
 * or NULL when the file has no such column or the cell is empty. */
static char *
get_shown_cell (const Account *account,
                TlField        field)
{
  const char *cell = tl_account_table_get_text (account->table, field, account->row);
  g_autofree char *escaped = NULL;
  g_autofree char *cut = NULL;

  if (cell == NULL || *cell == '\0' || tl_value_is_absent (cell, strlen (cell)))
    return NULL;

  escaped = tl_value_escape_controls (cell);
  if (g_utf8_strlen (escaped, -1) <= MAX_CELL_CHARS)
    return g_steal_pointer (&escaped);

  cut = g_utf8_substring (escaped, 0, MAX_CELL_CHARS);

  return g_strdup_printf ("%s…", cut);
}

/* Appends @part to the line under the account's name, after a middle
 * dot, with no-break spaces so that the line wraps between parts only. */
static void
append_header_part (GString    *line,
                    const char *part)
{
  if (line->len > 0)
    g_string_append (line, " · ");

  for (const char *p = part; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (line, "\u00a0");
      else
        g_string_append_c (line, *p);
    }
}

static void
show_header (TlAccountDetail *self,
             const Account   *account)
{
  const char *name = tl_account_table_get_display_name (account->table, account->row);
  g_autofree char *id = get_shown_cell (account, TL_FIELD_ID);
  g_autofree char *owner = get_shown_cell (account, TL_FIELD_OWNER);
  double renewal = tl_account_table_get_value (account->table, TL_FIELD_RENEWAL, account->row);
  g_autoptr(GString) line = g_string_new (NULL);

  gtk_label_set_text (self->name_label, *name != '\0' ? name : _("Unnamed account"));

  if (id != NULL && g_strcmp0 (id, name) != 0)
    append_header_part (line, id);
  if (owner != NULL)
    {
      /* Translators: the CSM who owns an account, as in "Owner Dana Whitley" */
      g_autofree char *part = g_strdup_printf (_("Owner %s"), owner);

      append_header_part (line, part);
    }
  if (!isnan (renewal) && renewal > 0)
    {
      g_autofree char *date = tl_format_date ((guint32) renewal);
      /* Translators: an account's renewal date, as in "Renews 2027-03-31" */
      g_autofree char *part = g_strdup_printf (_("Renews %s"), date);

      append_header_part (line, part);
    }

  set_optional_text (self->id_label, line->str);
}

/* Says why the account has no tier. */
static char *
describe_missing_arr (const Account *account)
{
  g_autofree char *arr = NULL;
  g_autofree char *mrr = NULL;

  if (tl_account_table_get_arr_source (account->table, account->row) == TL_ARR_SOURCE_INVALID)
    return g_strdup (_("Needs data: no readable ARR, because the amount is negative"));

  arr = get_shown_cell (account, TL_FIELD_ARR);
  if (arr != NULL)
    {
      /* Translators: %s is the text of a cell of the file */
      return g_strdup_printf (_("Needs data: no readable ARR, because the ARR cell “%s” "
                                "is not an amount"), arr);
    }

  mrr = get_shown_cell (account, TL_FIELD_MRR);
  if (mrr != NULL)
    {
      /* Translators: %s is the text of a cell of the file */
      return g_strdup_printf (_("Needs data: no readable ARR, because the MRR cell “%s” "
                                "is not an amount"), mrr);
    }

  return g_strdup (_("Needs data: no readable ARR, because the file gives no ARR or MRR "
                     "for this account"));
}

static void
show_tier (TlAccountDetail *self,
           const Account   *account)
{
  guint tier = account->segmentation->tier[account->row];
  double arr = tl_account_table_get_arr (account->table)[account->row];
  const TlTierParams *tiers = account->model->tiers;
  const char *currency = tl_account_table_get_arr_currency (account->table);
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *note = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *tier_class = NULL;

  if (tier == TL_TIER_NONE || tier > TL_N_TIERS)
    {
      gtk_label_set_text (self->tier_label, _("Needs data"));
      gtk_widget_set_visible (self->tier_swatch, FALSE);
      reason = describe_missing_arr (account);
      gtk_label_set_text (self->tier_reason_label, reason);
      set_optional_text (self->tier_note_label, NULL);
      return;
    }

  tier_class = g_strdup_printf ("tier-%u", tier);
  gtk_widget_set_css_classes (self->tier_swatch,
                              (const char *[]) { "tier-swatch", tier_class, NULL });
  gtk_widget_set_visible (self->tier_swatch, TRUE);
  /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
  title = g_strdup_printf (_("%u · %s"), tier, tiers[tier - 1].name);
  gtk_label_set_text (self->tier_label, title);

  amount = tl_format_money (arr, currency);
  if (tier < TL_N_TIERS)
    {
      g_autofree char *bound = format_bound (tiers[tier - 1].lower_bound, currency);

      /* Translators: why an account has its tier, as in
       * "ARR $912,000 ≥ $250K, the bound of Strategic" */
      reason = g_strdup_printf (_("ARR %s ≥ %s, the bound of %s"), amount, bound,
                                tiers[tier - 1].name);
    }
  else
    {
      g_autofree char *bound = format_bound (tiers[tier - 2].lower_bound, currency);

      /* Translators: why an account is in the last tier, as in
       * "ARR $4,200 is below $10K, the bound of Scale" */
      reason = g_strdup_printf (_("ARR %s is below %s, the bound of %s"), amount, bound,
                                tiers[tier - 2].name);
    }
  gtk_label_set_text (self->tier_reason_label, reason);

  if (tier > 1 && tier < TL_N_TIERS)
    {
      g_autofree char *above = format_bound (tiers[tier - 2].lower_bound, currency);

      /* Translators: the bound of the next better tier, as in "Strategic starts at $250K" */
      note = g_strdup_printf (_("%s starts at %s"), tiers[tier - 2].name, above);
    }

  if (tl_account_table_get_arr_source (account->table, account->row) == TL_ARR_SOURCE_MRR)
    {
      g_autofree char *mrr = tl_format_money (arr / 12.0, currency);
      g_autofree char *from_mrr = NULL;

      /* Translators: how an ARR was computed, as in "ARR is 12 × the MRR of $5,000" */
      from_mrr = g_strdup_printf (_("ARR is 12 × the MRR of %s"), mrr);
      if (note != NULL)
        {
          char *both = g_strdup_printf ("%s\n%s", from_mrr, note);

          g_free (note);
          note = both;
        }
      else
        note = g_steal_pointer (&from_mrr);
    }

  set_optional_text (self->tier_note_label, note);
}

static char *
describe_usage (const Account        *account,
                const TlHealthDetail *detail)
{
  g_autofree char *ratio = format_number (detail->usage_ratio, 2);
  g_autofree char *full = format_number (account->model->usage_full_ratio, 2);

  /* Translators: the values behind the usage points, as in
   * "DAU/MAU 0.45, full points at 0.5" */
  return g_strdup_printf (_("DAU/MAU %s, full points at %s"), ratio, full);
}

static char *
describe_adoption (const Account        *account,
                   const TlHealthDetail *detail)
{
  double used = tl_account_table_get_value (account->table, TL_FIELD_FEATURES_USED,
                                            account->row);
  double available = tl_account_table_get_value (account->table, TL_FIELD_FEATURES_AVAILABLE,
                                                 account->row);
  g_autofree char *ratio = format_number (detail->adoption_ratio, 2);

  if (!isnan (used) && !isnan (available) && available > 0)
    {
      g_autofree char *used_text = format_number (used, 1);
      g_autofree char *available_text = format_number (available, 1);

      /* Translators: the values behind the adoption points, as in
       * "12 of 16 features used, 0.75" */
      return g_strdup_printf (_("%s of %s features used, %s"), used_text, available_text, ratio);
    }

  /* Translators: the value behind the adoption points, as in "Feature adoption 0.75" */
  return g_strdup_printf (_("Feature adoption %s"), ratio);
}

static char *
describe_csat (const Account        *account,
               const TlHealthDetail *detail)
{
  double csat = tl_account_table_get_value (account->table, TL_FIELD_CSAT, account->row);
  g_autofree char *value = format_number (csat, 1);

  if (isnan (csat))
    return g_strdup (_("No CSAT"));

  switch (tl_account_table_get_scale (account->table, TL_FIELD_CSAT))
    {
    case TL_SCALE_ONE_TO_FIVE:
      /* Translators: a CSAT on a 1-5 scale, as in "CSAT 4.3 of 5" */
      return g_strdup_printf (_("CSAT %s of 5"), value);
    case TL_SCALE_ZERO_TO_TEN:
      /* Translators: a CSAT on a 0-10 scale, as in "CSAT 8.5 of 10" */
      return g_strdup_printf (_("CSAT %s of 10"), value);
    case TL_SCALE_PERCENT:
    case TL_SCALE_NPS:
    case TL_SCALE_NONE:
    default:
      /* Translators: a CSAT as a percent, as in "CSAT 86 %" */
      return g_strdup_printf (_("CSAT %d %%"), tl_round_half_away (100.0 * detail->csat_unit));
    }
}

static char *
describe_support (const Account        *account,
                  const TlHealthDetail *detail)
{
  g_autofree char *csat = describe_csat (account, detail);
  g_autofree char *count = NULL;
  gulong n;

  if (isnan (detail->escalations))
    return g_steal_pointer (&csat);

  count = format_number (detail->escalations, 1);
  n = (gulong) CLAMP (detail->escalations, 0, G_MAXLONG);
  /* Translators: the values behind the support points, as in
   * "CSAT 4.3 of 5, 1 open escalation"; the first %s is the CSAT part */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s open escalation",
                                       "%s, %s open escalations", n),
                          csat, count);
}

static const char *
describe_yes_no (double value)
{
  if (isnan (value))
    return C_("relationship", "not given");

  return value > 0 ? C_("relationship", "yes") : C_("relationship", "no");
}

static char *
describe_relationship (const TlHealthDetail *detail)
{
  /* Translators: the values behind the relationship points, as in
   * "Exec sponsor yes, champion no" */
  return g_strdup_printf (_("Exec sponsor %s, champion %s"),
                          describe_yes_no (detail->exec_sponsor),
                          describe_yes_no (detail->champion));
}

static char *
describe_nps (const Account *account)
{
  double nps = tl_account_table_get_value (account->table, TL_FIELD_NPS, account->row);
  g_autofree char *value = format_number (nps, 1);

  if (tl_account_table_get_scale (account->table, TL_FIELD_NPS) == TL_SCALE_NPS)
    {
      /* Translators: the value behind the NPS points, as in "NPS 40" */
      return g_strdup_printf (_("NPS %s"), value);
    }

  /* Translators: a 0-10 survey score, as in "Survey score 8 of 10" */
  return g_strdup_printf (_("Survey score %s of 10"), value);
}

static char *
describe_component (const Account        *account,
                    const TlHealthDetail *detail,
                    TlComponent           component)
{
  switch (component)
    {
    case TL_COMPONENT_USAGE:
      return describe_usage (account, detail);
    case TL_COMPONENT_ADOPTION:
      return describe_adoption (account, detail);
    case TL_COMPONENT_SUPPORT:
      return describe_support (account, detail);
    case TL_COMPONENT_RELATIONSHIP:
      return describe_relationship (detail);
    case TL_COMPONENT_NPS:
      return describe_nps (account);
    case TL_N_COMPONENTS:
    default:
      g_assert_not_reached ();
    }
}

static void
append_component (TlAccountDetail      *self,
                  const Account        *account,
                  const TlHealthDetail *detail,
                  TlComponent           component)
{
  g_autofree char *earned = NULL;
  g_autofree char *possible = NULL;
  g_autofree char *points = NULL;
  g_autofree char *values = NULL;
  GtkWidget *grid;
  GtkWidget *bar;

  if (!detail->has_data[component])
    {
      append_row (self->components_list, tl_component_get_label (component),
                  _("No data"), NULL, TRUE);
      return;
    }

  earned = format_points (detail->points[component]);
  possible = format_points (detail->max_points[component]);
  /* Translators: a health component's points out of its weight, as in "27 / 30" */
  points = g_strdup_printf (_("%s / %s"), earned, possible);
  values = describe_component (account, detail, component);
  grid = append_row (self->components_list, tl_component_get_label (component), points,
                     values, FALSE);

  bar = gtk_level_bar_new_for_interval (0.0, MAX (detail->max_points[component], 1e-9));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), detail->points[component]);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (bar, "component-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  points, -1);
  gtk_grid_attach (GTK_GRID (grid), bar, 0, 2, 2, 1);
}

/* Says how the score was reached when that is not plain from the
 * components: fewer of them had data, or the file gave the score. */
static char *
describe_score (const Account        *account,
                const TlHealthDetail *detail)
{
  int column;
  const char *header;

  if (detail->score < 0)
    return g_strdup (_("No health data for this account"));

  if (detail->external)
    {
      column = tl_account_table_get_field_column (account->table, TL_FIELD_HEALTH_EXTERNAL);
      header = column >= 0 ? tl_account_table_get_header (account->table, column) : "";
      if (detail->possible > 0)
        {
          /* Translators: %s is the name of a column of the file */
          return g_strdup_printf (_("Taken from the file’s “%s” column, as the model "
                                    "prefers it"), header);
        }

      /* Translators: %s is the name of a column of the file */
      return g_strdup_printf (_("Taken from the file’s “%s” column, because no health "
                                "component has data"), header);
    }

  if (detail->partial)
    {
      g_autofree char *missing = tl_health_describe_missing (detail);
      g_autofree char *earned = format_points (detail->earned);
      g_autofree char *possible = format_points (detail->possible);

      /* Translators: the first %s names the components without data, as in
       * "No data for Adoption, Support. The score counts 36 of 45 points." */
      return g_strdup_printf (_("%s. The score counts %s of the %s points of the other "
                                "components."), missing, earned, possible);
    }

  /* Points shown to one decimal can add up to one more than the score, as
   * 28.5 for 28.49, so the note gives the exact points. */
  if (fabs (detail->earned - round (detail->earned)) >= 0.005)
    {
      /* Cut, not rounded, so that 38.4999 reads 38.49 and not 38.50. */
      g_autofree char *earned = g_strdup_printf ("%.2f", floor (detail->earned * 100) / 100);
      g_autofree char *possible = format_points (detail->possible);

      /* Translators: exact points, as in "The components earn 28.49 of 100
       * points; the score rounds them." */
      return g_strdup_printf (_("The components earn %s of %s points; the score rounds "
                                "them."), earned, possible);
    }

  return NULL;
}

static void
show_health (TlAccountDetail *self,
             const Account   *account)
{
  TlHealthDetail detail;
  TlHealthStatus status;
  g_autofree char *score = NULL;
  g_autofree char *note = NULL;
  g_autofree char *missing = NULL;

  tl_health_explain (account->table, account->model, account->row, &detail);
  status = tl_health_status_for_score (account->model, detail.score);

  score = detail.score >= 0 ? g_strdup_printf ("%d", detail.score) : g_strdup ("—");
  gtk_label_set_text (self->score_label, score);
  gtk_label_set_text (self->status_label, tl_health_status_get_label (status));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label),
                              (const char *[]) { "health-pill",
                                                 tl_health_status_get_css_class (status),
                                                 NULL });
  gtk_widget_set_visible (self->partial_label, detail.partial);
  missing = detail.partial ? tl_health_describe_missing (&detail) : NULL;
  gtk_widget_set_tooltip_text (self->partial_label, missing);
  gtk_widget_set_visible (self->external_label, detail.external);

  note = describe_score (account, &detail);
  set_optional_text (self->health_note_label, note);

  clear_list (self->components_list);
  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    append_component (self, account, &detail, c);
}

/* Describes the rule that fires @signal under the model, as in "fires
 * above 80 %". */
static char *
describe_rule (const TlModel *model,
               TlSignal       signal)
{
  g_autofree char *count = NULL;

  switch (signal)
    {
    case TL_SIGNAL_SEATS:
      /* Translators: when the seat utilization signal fires, as in "fires above 80 %" */
      return g_strdup_printf (_("fires above %d %%"),
                              tl_round_half_away (100.0 * model->seat_utilization));
    case TL_SIGNAL_FEATURE_REQUESTS:
      count = format_number (model->feature_requests, 1);
      /* Translators: when a count signal fires, as in "fires at 3 or more" */
      return g_strdup_printf (_("fires at %s or more"), count);
    case TL_SIGNAL_GROWTH:
      /* Translators: when the growth signal fires, as in "fires at +10 % or more" */
      return g_strdup_printf (_("fires at %+d %% or more"),
                              tl_round_half_away (100.0 * model->growth));
    case TL_SIGNAL_TEAMS:
      count = format_number (model->teams, 1);
      /* Translators: when a count signal fires, as in "fires at 2 or more" */
      return g_strdup_printf (_("fires at %s or more"), count);
    case TL_SIGNAL_API:
      /* Translators: when the API signal fires, as in "fires at +50 % or more" */
      return g_strdup_printf (_("fires at %+d %% or more"),
                              tl_round_half_away (100.0 * (model->api_spike - 1.0)));
    case TL_N_SIGNALS:
    default:
      g_assert_not_reached ();
    }
}

static void
append_signal (TlAccountDetail         *self,
               const Account           *account,
               const TlExpansionDetail *detail,
               TlSignal                 signal)
{
  g_autofree char *value = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *text = NULL;
  GtkWidget *grid;
  GtkWidget *state;

  if (!detail->known[signal])
    {
      append_row (self->signals_list, tl_signal_get_label (signal), _("No data"), NULL, TRUE);
      return;
    }

  value = tl_expansion_describe_signal (detail, signal);
  rule = describe_rule (account->model, signal);
  /* Translators: a signal's value and its rule, as in "Seats 92 % used, fires above 80 %" */
  text = g_strdup_printf (_("%s, %s"), value, rule);
  grid = append_row (self->signals_list, tl_signal_get_label (signal),
                     detail->fired[signal] ? _("Fired") : _("Not fired"), text, FALSE);

  state = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
  gtk_widget_add_css_class (state, detail->fired[signal] ? "signal-fired" : "dim-label");
}

/* Describes the level and the rule behind it, as in "4 signals fired.
 * HIGH takes 3 or more." */
static char *
describe_level (const TlModel           *model,
                const TlExpansionDetail *detail)
{
  g_autofree char *fired = NULL;
  g_autofree char *rule = NULL;

  if (detail->level == TL_EXPANSION_NONE)
    return g_strdup (_("No signal can be judged: the file has no data for them"));

  fired = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d signal fired",
                                        "%d signals fired", (gulong) detail->n_fired),
                           detail->n_fired);
  /* Translators: the rule of the expansion levels, as in
   * "HIGH takes 3 or more, MEDIUM 1 or more" */
  rule = g_strdup_printf (_("HIGH takes %d or more, MEDIUM %d or more"),
                          model->expansion_high, model->expansion_medium);

  return g_strdup_printf ("%s. %s.", fired, rule);
}

static void
show_expansion (TlAccountDetail *self,
                const Account   *account)
{
  static const char * const level_classes[] = {
    [TL_EXPANSION_NONE] = "expansion-none",
    [TL_EXPANSION_LOW] = "expansion-low",
    [TL_EXPANSION_MEDIUM] = "expansion-medium",
    [TL_EXPANSION_HIGH] = "expansion-high",
  };
  TlExpansionDetail detail;
  g_autofree char *note = NULL;

  tl_expansion_explain (account->table, account->model, account->row, &detail);

  if (detail.level == TL_EXPANSION_NONE)
    {
      gtk_label_set_text (self->expansion_badge, _("No data"));
      gtk_widget_set_css_classes (GTK_WIDGET (self->expansion_badge),
                                  (const char *[]) { "dim-label", NULL });
    }
  else
    {
      gtk_label_set_text (self->expansion_badge, tl_expansion_level_get_label (detail.level));
      gtk_widget_set_css_classes (GTK_WIDGET (self->expansion_badge),
                                  (const char *[]) { "badge", level_classes[detail.level],
                                                     NULL });
    }

  note = describe_level (account->model, &detail);
  set_optional_text (self->expansion_note_label, note);

  /* Fired signals first, then those that did not fire, then the unknown. */
  clear_list (self->signals_list);
  for (guint s = 0; s < TL_N_SIGNALS; s++)
    if (detail.known[s] && detail.fired[s])
      append_signal (self, account, &detail, s);
  for (guint s = 0; s < TL_N_SIGNALS; s++)
    if (detail.known[s] && !detail.fired[s])
      append_signal (self, account, &detail, s);
  for (guint s = 0; s < TL_N_SIGNALS; s++)
    if (!detail.known[s])
      append_signal (self, account, &detail, s);
}

/* Lists each rule that flagged the account, one row a rule: the rule's
 * name ("Promote", "At renewal") over the numbers behind it. */
static void
show_movement (TlAccountDetail *self,
               const Account   *account)
{
  guint flags = account->segmentation->movement[account->row];
  TlMoveKind kind = tl_movement_get_kind (flags);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  clear_list (self->movement_list);

  text = tl_movement_explain (account->table, account->segmentation, account->model,
                              account->row);
  if (kind == TL_MOVE_KIND_NONE || text == NULL)
    {
      gtk_widget_set_visible (self->movement_badge, FALSE);
      set_optional_text (self->movement_note_label, _("No move candidate"));
      gtk_widget_set_visible (GTK_WIDGET (self->movement_list), FALSE);
      return;
    }

  gtk_label_set_text (self->movement_label, tl_move_kind_get_label (kind));
  gtk_image_set_from_icon_name (self->movement_icon, tl_move_kind_get_icon_name (kind));
  gtk_widget_set_css_classes (self->movement_badge,
                              (const char *[]) { "badge", "move-badge",
                                                 tl_move_kind_get_css_class (kind), NULL });
  gtk_widget_set_visible (self->movement_badge, TRUE);
  set_optional_text (self->movement_note_label,
                     _("Tierline lists candidates; it never moves an account."));
  gtk_widget_set_visible (GTK_WIDGET (self->movement_list), TRUE);

  /* Each line reads "Rule: the numbers behind it". */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strstr (lines[i], ": ");

      if (colon == NULL)
        {
          append_row (self->movement_list, lines[i], "", NULL, FALSE);
          continue;
        }

      *colon = '\0';
      append_row (self->movement_list, lines[i], "", colon + 2, FALSE);
    }
}

static void
show_motion (TlAccountDetail *self,
             const Account   *account)
{
  guint tier = account->segmentation->tier[account->row];
  const TlTierParams *params;
  g_autofree char *note = NULL;

  clear_list (self->motion_list);

  if (tier == TL_TIER_NONE || tier > TL_N_TIERS)
    {
      set_optional_text (self->motion_note_label,
                         _("An account without a tier has no CS motion yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->motion_list), FALSE);
      return;
    }

  params = &account->model->tiers[tier - 1];
  /* Translators: the tier whose CS motion is shown, as in "For tier 1 · Strategic" */
  note = g_strdup_printf (_("For tier %u · %s"), tier, params->name);
  set_optional_text (self->motion_note_label, note);
  gtk_widget_set_visible (GTK_WIDGET (self->motion_list), TRUE);

  for (guint i = 0; i < TL_N_MOTION_TEXTS; i++)
    {
      const char *text = params->motion[i] != NULL ? params->motion[i] : "";
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = create_label (tl_motion_text_get_label (i), "caption-heading");
      GtkWidget *body = create_label (text, NULL);

      gtk_widget_add_css_class (title, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_widget_add_css_class (box, "detail-row");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), body);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->motion_list, row);
      label_row (row, tl_motion_text_get_label (i), text, NULL);
    }
}

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static void
tl_account_detail_dispose (GObject *object)
{
  TlAccountDetail *self = TL_ACCOUNT_DETAIL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_ACCOUNT_DETAIL);

  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (tl_account_detail_parent_class)->dispose (object);
}

static void
tl_account_detail_class_init (TlAccountDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_account_detail_dispose;

  /**
   * TlAccountDetail::close:
   *
   * Emitted when the user asks to close the pane, with its close button
   * or Escape.
   */
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-account-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, id_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, close_button);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, tier_swatch);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, tier_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, tier_reason_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, tier_note_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, score_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, partial_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, external_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, health_note_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, components_list);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, expansion_badge);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, expansion_note_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, signals_list);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, movement_badge);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, movement_icon);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, movement_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, movement_note_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, movement_list);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, motion_note_label);
  gtk_widget_class_bind_template_child (widget_class, TlAccountDetail, motion_list);

  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "detail.close", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountdetail");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_account_detail_init (TlAccountDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->row = G_MAXUINT;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account Details"), -1);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * tl_account_detail_set_account:
 * @self: a #TlAccountDetail
 * @document: (nullable): a document whose segmentation is ready
 * @row: a row of @document's table, or %G_MAXUINT for none
 *
 * Explains the account of table row @row under @document's model, or
 * shows that no account is selected. Call it again after the document
 * was segmented anew: the pane computes everything afresh each time.
 */
void
tl_account_detail_set_account (TlAccountDetail *self,
                               TlDocument      *document,
                               guint            row)
{
  Account account;

  g_return_if_fail (TL_IS_ACCOUNT_DETAIL (self));
  g_return_if_fail (document == NULL || TL_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (document == NULL || row >= tl_account_table_get_n_rows (tl_document_get_table (document)))
    {
      self->row = G_MAXUINT;
      gtk_label_set_text (self->name_label, "");
      set_optional_text (self->id_label, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->row = row;
  account.table = tl_document_get_table (document);
  account.segmentation = tl_document_get_segmentation (document);
  account.model = tl_document_get_model (document);
  account.row = row;

  show_header (self, &account);
  show_tier (self, &account);
  show_health (self, &account);
  show_expansion (self, &account);
  show_movement (self, &account);
  show_motion (self, &account);
  gtk_stack_set_visible_child_name (self->stack, "account");
}

/**
 * tl_account_detail_get_row:
 * @self: a #TlAccountDetail
 *
 * Returns: the table row of the account shown, or %G_MAXUINT for none
 */
guint
tl_account_detail_get_row (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), G_MAXUINT);

  return self->row;
}

/**
 * tl_account_detail_get_name:
 * @self: a #TlAccountDetail
 *
 * Returns: the name of the account shown, or "" for none
 */
const char *
tl_account_detail_get_name (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->name_label);
}

/**
 * tl_account_detail_get_tier:
 * @self: a #TlAccountDetail
 *
 * Returns: the tier shown, such as "1 · Strategic" or "Needs data"
 */
const char *
tl_account_detail_get_tier (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->tier_label);
}

/**
 * tl_account_detail_get_tier_reason:
 * @self: a #TlAccountDetail
 *
 * Returns: why the account has its tier, such as
 *   "ARR $912,000 ≥ $250K, the bound of Strategic"
 */
const char *
tl_account_detail_get_tier_reason (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->tier_reason_label);
}

/**
 * tl_account_detail_get_tier_note:
 * @self: a #TlAccountDetail
 *
 * Returns: (nullable): the note under the tier's reason, such as the MRR
 *   an ARR was computed from, or %NULL when none is shown
 */
const char *
tl_account_detail_get_tier_note (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->tier_note_label)))
    return NULL;

  return gtk_label_get_text (self->tier_note_label);
}

/**
 * tl_account_detail_get_health_note:
 * @self: a #TlAccountDetail
 *
 * Returns: (nullable): the note under the health score, such as why it is
 *   partial or how it was rounded, or %NULL when none is shown
 */
const char *
tl_account_detail_get_health_note (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->health_note_label)))
    return NULL;

  return gtk_label_get_text (self->health_note_label);
}

/**
 * tl_account_detail_get_score:
 * @self: a #TlAccountDetail
 *
 * Returns: the health score shown, or "—" for none
 */
const char *
tl_account_detail_get_score (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->score_label);
}

/**
 * tl_account_detail_get_status:
 * @self: a #TlAccountDetail
 *
 * Returns: the health status shown, such as "Healthy"
 */
const char *
tl_account_detail_get_status (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  return gtk_label_get_text (self->status_label);
}

/**
 * tl_account_detail_get_list:
 * @self: a #TlAccountDetail
 * @name: "components", "signals", "movement" or "motion"
 *
 * Returns: (transfer none) (nullable): the list of health components, of
 *   expansion signals, of movement rules or of motion texts, in the order
 *   shown
 */
GtkListBox *
tl_account_detail_get_list (TlAccountDetail *self,
                            const char      *name)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "components"))
    return self->components_list;
  if (g_str_equal (name, "signals"))
    return self->signals_list;
  if (g_str_equal (name, "movement"))
    return self->movement_list;
  if (g_str_equal (name, "motion"))
    return self->motion_list;

  return NULL;
}

/**
 * tl_account_detail_get_movement:
 * @self: a #TlAccountDetail
 *
 * Returns: the kind of move shown, such as "Promote", or the note "No
 *   move candidate" when the account has none
 */
const char *
tl_account_detail_get_movement (TlAccountDetail *self)
{
  g_return_val_if_fail (TL_IS_ACCOUNT_DETAIL (self), NULL);

  if (!gtk_widget_get_visible (self->movement_badge))
    return gtk_label_get_text (self->movement_note_label);

  return gtk_label_get_text (self->movement_label);
}
