/* tl-movement.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-movement"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tl-format.h"
#include "tl-movement.h"
#include "tl-value.h"

/* Share of tier 4 accounts, by ARR from the top, that is reviewed. */
#define REVIEW_TOP_SHARE 0.10

/* Reads "1", "Tier 1", "tier-1", "T1" or "T 1" as a tier number. */
static int
parse_tier_number (const char *label)
{
  const char *p = label;

  if (g_ascii_strncasecmp (p, "tier", 4) == 0)
    p += 4;
  else if (g_ascii_tolower (*p) == 't')
    p++;
  while (*p == ' ' || *p == '-' || *p == '_' || *p == '.')
    p++;

  if (*p >= '1' && *p <= '4' && p[1] == '\0')
    return *p - '0';

  return 0;
}

/**
 * tl_movement_parse_tier_label:
 * @model: the tier names and the labels the user matched
 * @label: a current-tier cell, such as "Tier 2", "T1", "Strategic" or
 *   "Enterprise"
 *
 * Matches a current-tier label to a tier: by number, by the model's tier
 * names (ignoring case), or by the model's label list ("Enterprise=1").
 *
 * Returns: the tier 1..4, or 0 when the label matches none
 */
int
tl_movement_parse_tier_label (const TlModel *model,
                              const char    *label)
{
  g_autofree char *text = NULL;
  int tier;

  g_return_val_if_fail (model != NULL, 0);

  if (label == NULL)
    return 0;
  text = g_strstrip (g_strdup (label));
  if (*text == '\0')
    return 0;

  tier = parse_tier_number (text);
  if (tier > 0)
    return tier;

  for (guint t = 0; t < TL_N_TIERS; t++)
    if (g_utf8_collate (text, model->tiers[t].name) == 0
        || g_ascii_strcasecmp (text, model->tiers[t].name) == 0)
      return t + 1;

  for (guint i = 0; model->tier_labels != NULL && model->tier_labels[i] != NULL; i++)
    {
      const char *eq = strrchr (model->tier_labels[i], '=');

      if (eq != NULL && (gsize) (eq - model->tier_labels[i]) == strlen (text)
          && g_ascii_strncasecmp (model->tier_labels[i], text, eq - model->tier_labels[i]) == 0)
        return eq[1] - '0';
    }

  return 0;
}

/* Moves the @k-th largest value to values[k], larger ones before it
 * (Hoare's selection, linear on average). */
static void
select_kth_largest (double *values,
                    guint   n,
                    guint   k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      double pivot = values[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (values[i] > pivot)
            i++;
          while (values[j] < pivot)
            j--;
          if (i <= j)
            {
              double swap = values[i];

              values[i] = values[j];
              values[j] = swap;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return;
    }
}

/* Returns the lowest ARR among the top tenth of tier 4 accounts (at least
 * one account), or INFINITY when tier 4 is empty. */
static double
review_cutoff (const TlSegmentation *seg,
               const double         *arr)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint top;

  for (guint r = 0; r < seg->n_accounts; r++)
    if (seg->tier[r] == TL_N_TIERS)
      g_array_append_val (values, arr[r]);
  if (values->len == 0)
    return INFINITY;

  top = MAX (1, (guint) ceil (values->len * REVIEW_TOP_SHARE));
  select_kth_largest ((double *) (gpointer) values->data, values->len, top - 1);

  return g_array_index (values, double, top - 1);
}

/* The watch margin below and above a bound, as bound -/+ bound x margin:
 * (1 + 0.1) x 50,000 is a little above 55,000 in binary, 50,000 + 5,000 is
 * exact. */
static double
near_below (const TlModel *model,
            double         bound)
{
  return bound - bound * model->watch_margin;
}

static double
near_above (const TlModel *model,
            double         bound)
{
  return bound + bound * model->watch_margin;
}

static guint
bound_flags (const TlModel *model,
             guint          tier,
             double         arr,
             double         cutoff)
{
  guint flags = 0;

  if (tier == TL_N_TIERS && (arr >= cutoff
                             || arr >= near_below (model, model->tiers[TL_N_TIERS - 2].lower_bound)))
    flags |= TL_MOVE_REVIEW;
  if (tier > 1 && arr >= near_below (model, model->tiers[tier - 2].lower_bound))
    flags |= TL_MOVE_WATCH_UP;
  if (tier < TL_N_TIERS && arr < near_above (model, model->tiers[tier - 1].lower_bound))
    flags |= TL_MOVE_WATCH_DOWN;

  return flags;
}

/* Files repeat a handful of labels, so each is matched once and kept in a
 * short list searched with strcmp(), which beats hashing every row; past
 * a few labels the hash table takes over. The keys are the table's own
 * cells, which outlive the cache. */
#define SHORT_LIST 8

typedef struct
{
  const char *text[SHORT_LIST];
  int         tier[SHORT_LIST];
  guint       n;
  GHashTable *more;
} LabelCache;

static int
parse_label_cached (LabelCache    *cache,
                    const TlModel *model,
                    const char    *label)
{
  gpointer found;
  int tier;

  for (guint i = 0; i < cache->n; i++)
    if (strcmp (cache->text[i], label) == 0)
      return cache->tier[i];
  if (g_hash_table_lookup_extended (cache->more, label, NULL, &found))
    return GPOINTER_TO_INT (found);

  tier = tl_movement_parse_tier_label (model, label);
  if (cache->n < SHORT_LIST)
    {
      cache->text[cache->n] = label;
      cache->tier[cache->n++] = tier;
    }
  else
    g_hash_table_insert (cache->more, (gpointer) label, GINT_TO_POINTER (tier));

  return tier;
}

static void
note_unknown_label (GPtrArray  *unknown,
                    GHashTable *seen,
                    const char *label,
                    guint       row)
{
  TlUnknownTierLabel *entry;
  g_autofree char *text = g_strstrip (g_strdup (label));

  if (*text == '\0' || g_hash_table_contains (seen, text))
    return;

  entry = g_new0 (TlUnknownTierLabel, 1);
  entry->label = g_strdup (text);
  entry->row = row;
  g_ptr_array_add (unknown, entry);
  g_hash_table_add (seen, g_steal_pointer (&text));
}

static void
unknown_label_free (gpointer data)
{
  TlUnknownTierLabel *entry = data;

  g_free (entry->label);
  g_free (entry);
}

static gboolean
renews_soon (const TlAccountTable *table,
             const TlModel        *model,
             guint                 row,
             guint32               today)
{
  double renewal = tl_account_table_get_value (table, TL_FIELD_RENEWAL, row);

  return !isnan (renewal) && renewal >= today && renewal <= (double) today + model->renewal_days;
}

/**
 * tl_movement_compute:
 * @table: the accounts
 * @segmentation: their results; its movement array is overwritten
 * @model: bounds, watch margin, renewal window and tier labels
 * @today: the date, as a GDate Julian day
 *
 * Flags the move candidates that need no history. With a current-tier
 * column, a better computed tier is a promotion and a worse one a
 * demotion. Tier 4 accounts in the top tenth of tier 4 by ARR, or within
 * the watch margin of the tier 3 bound, are reviewed. Accounts within the
 * watch margin of the bound above, or above their own bound by less than
 * the margin, are watched. A renewal within the renewal window adds
 * TL_MOVE_AT_RENEWAL.
 *
 * Returns: (transfer container) (element-type TlUnknownTierLabel): the
 *   current-tier labels that matched no tier, each once
 */
GPtrArray *
tl_movement_compute (const TlAccountTable *table,
                     TlSegmentation       *segmentation,
                     const TlModel        *model,
                     guint32               today)
{
  GPtrArray *unknown = g_ptr_array_new_with_free_func (unknown_label_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) more_labels = g_hash_table_new (g_str_hash, g_str_equal);
  LabelCache labels = { .n = 0, .more = more_labels };
  const double *arr;
  double cutoff;
  gboolean has_current;

  g_return_val_if_fail (table != NULL && segmentation != NULL && model != NULL, unknown);

  arr = tl_account_table_get_arr (table);
  cutoff = review_cutoff (segmentation, arr);
  has_current = tl_account_table_has_field (table, TL_FIELD_CURRENT_TIER);

  for (guint r = 0; r < segmentation->n_accounts; r++)
    {
      guint tier = segmentation->tier[r];
      guint flags = 0;

      if (tier != TL_TIER_NONE)
        flags |= bound_flags (model, tier, arr[r], cutoff);

      if (has_current && tier != TL_TIER_NONE)
        {
          const char *label = tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, r);
          int current = parse_label_cached (&labels, model, label);

          if (current == 0)
            note_unknown_label (unknown, seen, label, r);
          else if ((int) tier < current)
            flags |= TL_MOVE_PROMOTE;
          else if ((int) tier > current)
            flags |= TL_MOVE_DEMOTE;
        }

      if (flags != 0 && renews_soon (table, model, r, today))
        flags |= TL_MOVE_AT_RENEWAL;
      segmentation->movement[r] = flags;
    }

  return unknown;
}

/* Returns the kind of move a row shows: promotion first, then demotion,
 * review, and watch. */
TlMoveKind
tl_movement_get_kind (guint flags)
{
  if (flags & (TL_MOVE_PROMOTE | TL_MOVE_PROMOTE_TREND))
    return TL_MOVE_KIND_PROMOTE;
  if (flags & (TL_MOVE_DEMOTE | TL_MOVE_DEMOTE_TREND))
    return TL_MOVE_KIND_DEMOTE;
  if (flags & TL_MOVE_REVIEW)
    return TL_MOVE_KIND_REVIEW;
  if (flags & (TL_MOVE_WATCH_UP | TL_MOVE_WATCH_DOWN))
    return TL_MOVE_KIND_WATCH;

  return TL_MOVE_KIND_NONE;
}

const char *
tl_move_kind_get_label (TlMoveKind kind)
{
  static const char *const labels[] = {
    "", N_("Promote"), N_("Demote"), N_("Review"), N_("Watch"),
  };

  g_return_val_if_fail (kind < TL_N_MOVE_KINDS, NULL);

  return kind == TL_MOVE_KIND_NONE ? "" : _(labels[kind]);
}

static char *
tier_phrase (const TlModel *model,
             guint          tier)
{
  /* Translators: a tier number and its name, such as "tier 1 (Strategic)" */
  return g_strdup_printf (_("tier %u (%s)"), tier, model->tiers[tier - 1].name);
}

static void
explain_current (GString              *text,
                 const TlAccountTable *table,
                 const TlModel        *model,
                 guint                 row,
                 guint                 tier,
                 guint                 flags,
                 const char           *arr)
{
  const char *label = tl_account_table_get_text (table, TL_FIELD_CURRENT_TIER, row);
  g_autofree char *now = tier_phrase (model, tier);

  if (flags & TL_MOVE_PROMOTE)
    g_string_append_printf (text, _("Promote: ARR %s puts it in %s; the file lists it as “%s”."),
                            arr, now, label);
  else if (flags & TL_MOVE_DEMOTE)
    g_string_append_printf (text, _("Demote: ARR %s puts it in %s; the file lists it as “%s”."),
                            arr, now, label);
  g_string_append_c (text, '\n');
}

static void
explain_bounds (GString       *text,
                const TlModel *model,
                guint          tier,
                guint          flags,
                const char    *arr,
                const char    *currency)
{
  int percent = (int) round (model->watch_margin * 100);

  if (flags & TL_MOVE_REVIEW)
    g_string_append_printf (text, _("Review for promotion: ARR %s is among the highest tenth of "
                                    "tier 4 or within %d %% of the tier 3 bound.\n"), arr, percent);
  if (flags & TL_MOVE_WATCH_UP)
    {
      g_autofree char *bound = tl_format_money (model->tiers[tier - 2].lower_bound, currency);

      g_string_append_printf (text, _("Watch: ARR %s is within %d %% of %s, the bound of tier "
                                      "%u.\n"), arr, percent, bound, tier - 1);
    }
  if (flags & TL_MOVE_WATCH_DOWN)
    {
      g_autofree char *bound = tl_format_money (model->tiers[tier - 1].lower_bound, currency);

      g_string_append_printf (text, _("Watch: ARR %s is less than %d %% above %s, the bound of "
                                      "its tier.\n"), arr, percent, bound);
    }
}

/**
 * tl_movement_explain:
 * @table: the accounts
 * @segmentation: their results, with movement flags
 * @model: the model
 * @row: an account
 *
 * Names each rule that flagged the account and the numbers behind it, one
 * sentence a line.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without a flag
 */
char *
tl_movement_explain (const TlAccountTable *table,
                     const TlSegmentation *segmentation,
                     const TlModel        *model,
                     guint                 row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *arr = NULL;
  const char *currency;
  guint flags, tier;

  g_return_val_if_fail (table != NULL && segmentation != NULL && model != NULL, NULL);
  g_return_val_if_fail (row < segmentation->n_accounts, NULL);

  flags = segmentation->movement[row];
  tier = segmentation->tier[row];
  if (flags == 0 || tier == TL_TIER_NONE)
    return NULL;

  currency = tl_account_table_get_arr_currency (table);
  arr = tl_format_money (tl_account_table_get_arr (table)[row], currency);
  if (flags & (TL_MOVE_PROMOTE | TL_MOVE_DEMOTE))
    explain_current (text, table, model, row, tier, flags, arr);
  if (flags & TL_MOVE_PROMOTE_TREND)
    g_string_append (text, _("Promote: expansion potential was HIGH in this quarter and the "
                             "quarter before.\n"));
  if (flags & TL_MOVE_DEMOTE_TREND)
    g_string_append (text, _("Review for demotion to tier 2: no expansion signal fired in four "
                             "quarters in a row.\n"));
  explain_bounds (text, model, tier, flags, arr, currency);

  if (flags & TL_MOVE_AT_RENEWAL)
    {
      g_autofree char *date = tl_format_date (
        (guint32) tl_account_table_get_value (table, TL_FIELD_RENEWAL, row));

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "At renewal: it renews on %s, within %d day.\n",
                                                 "At renewal: it renews on %s, within %d days.\n",
                                                 model->renewal_days),
                              date, model->renewal_days);
    }

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
