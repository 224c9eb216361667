/* tl-summary.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-summary"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-allocation.h"
#include "tl-format.h"
#include "tl-movement.h"
#include "tl-summary.h"
#include "tl-value.h"

/* The characters a table is drawn with. */
typedef struct
{
  const char *h;          /* horizontal line */
  const char *v;          /* vertical line */
  const char *top[3];     /* left, middle, right corners of the top border */
  const char *mid[3];
  const char *bottom[3];
  const char *ellipsis;
  const char *bullet;
} Style;

static const Style unicode_style = {
  "─", "│", { "┌", "┬", "┐" }, { "├", "┼", "┤" }, { "└", "┴", "┘" }, "…", "·",
};

static const Style ascii_style = {
  "-", "|", { "+", "+", "+" }, { "+", "+", "+" }, { "+", "+", "+" }, "...", "-",
};

/* Appends @text padded or cut to @width display columns, aligned left or
 * right. */
static void
append_cell (GString     *out,
             const Style *style,
             const char  *text,
             guint        width,
             gboolean     right)
{
  glong len = g_utf8_strlen (text, -1);

  if ((guint) len > width)
    {
      glong keep = width - g_utf8_strlen (style->ellipsis, -1);

      g_string_append_len (out, text, g_utf8_offset_to_pointer (text, MAX (keep, 0)) - text);
      g_string_append (out, style->ellipsis);
      return;
    }

  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (out, ' ');
}

static void
append_border (GString           *out,
               const Style       *style,
               const char *const  corners[3],
               const guint       *widths,
               guint              n)
{
  g_string_append (out, corners[0]);
  for (guint c = 0; c < n; c++)
    {
      for (guint i = 0; i < widths[c] + 2; i++)
        g_string_append (out, style->h);
      g_string_append (out, c + 1 < n ? corners[1] : corners[2]);
    }
  g_string_append_c (out, '\n');
}

static void
append_row (GString            *out,
            const Style        *style,
            const char *const  *cells,
            const guint        *widths,
            const gboolean     *right,
            guint               n)
{
  g_string_append (out, style->v);
  for (guint c = 0; c < n; c++)
    {
      g_string_append_c (out, ' ');
      append_cell (out, style, cells[c], widths[c], right[c]);
      g_string_append_c (out, ' ');
      g_string_append (out, style->v);
    }
  g_string_append_c (out, '\n');
}

static char *
format_share (double       share,
              const double target[2])
{
  /* A share outside its target range is marked with an asterisk. */
  gboolean off = share < target[0] - 1e-9 || share > target[1] + 1e-9;

  return g_strdup_printf ("%.1f %%%s", share * 100, off ? "*" : " ");
}

static char *
format_target (const double target[2])
{
  return g_strdup_printf ("%.0f-%.0f", target[0] * 100, target[1] * 100);
}

/* Returns the currency of the document's ARR. */
static const char *
get_currency (TlDocument *doc)
{
  return tl_account_table_get_arr_currency (tl_document_get_table (doc));
}

/* Writes the cells of one tier's line into @cells, six new strings. */
static void
fill_tier_cells (TlDocument *doc,
                 guint       t,
                 char       *cells[6])
{
  const TlTierParams *tier = &tl_document_get_model (doc)->tiers[t];
  const TlTierStats *stats = &tl_document_get_segmentation (doc)->tiers[t + 1];
  const char *currency = get_currency (doc);
  g_autofree char *share_a = format_share (stats->share_accounts, tier->target_accounts);
  g_autofree char *target_a = format_target (tier->target_accounts);
  g_autofree char *share_r = format_share (stats->share_arr, tier->target_arr);
  g_autofree char *target_r = format_target (tier->target_arr);

  cells[0] = g_strdup_printf ("%u %s", t + 1, tier->name);
  cells[1] = tl_format_money_short (t < TL_N_TIERS - 1 ? tier->lower_bound : 0, currency);
  cells[2] = tl_format_count (stats->accounts);
  cells[3] = g_strdup_printf ("%s %s", share_a, target_a);
  cells[4] = tl_format_money_short (stats->arr, currency);
  cells[5] = g_strdup_printf ("%s %s", share_r, target_r);
}

/* Widens the amount and count columns to their longest cell, as a
 * language may write "160 Tsd. $" for "$160K", and takes the room from the
 * tier names, which are cut with an ellipsis instead. */
static void
fit_widths (guint  widths[6],
            char  *cells[TL_N_TIERS][6])
{
  const guint min_name = 7;

  for (guint t = 0; t < TL_N_TIERS; t++)
    for (guint c = 1; c <= 4; c++)
      {
        guint len = (guint) g_utf8_strlen (cells[t][c], -1);

        if (c == 3 || len <= widths[c])
          continue;
        if (widths[0] - min_name < len - widths[c])
          len = widths[c] + widths[0] - min_name;
        widths[0] -= len - widths[c];
        widths[c] = len;
      }
}

static void
append_tiers (GString        *out,
              const Style    *style,
              TlDocument     *doc)
{
  guint widths[] = { 12, 8, 8, 13, 7, 13 };
  const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *const titles[] = {
    _("Tier"), _("From"), _("Accounts"), _("% (target)"), _("ARR"), _("% (target)"),
  };
  char *cells[TL_N_TIERS][6];

  for (guint t = 0; t < TL_N_TIERS; t++)
    fill_tier_cells (doc, t, cells[t]);
  fit_widths (widths, cells);

  append_border (out, style, style->top, widths, G_N_ELEMENTS (widths));
  append_row (out, style, titles, widths, right, G_N_ELEMENTS (widths));
  append_border (out, style, style->mid, widths, G_N_ELEMENTS (widths));
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      append_row (out, style, (const char *const *) cells[t], widths, right,
                  G_N_ELEMENTS (widths));
      for (guint c = 0; c < 6; c++)
        g_free (cells[t][c]);
    }
  append_border (out, style, style->bottom, widths, G_N_ELEMENTS (widths));
  g_string_append (out, _("* outside the tier's target range\n"));
}

static void
append_health (GString       *out,
               const Style   *style,
               TlDocument    *doc)
{
  const TlModel *model = tl_document_get_model (doc);
  const TlSegmentation *seg = tl_document_get_segmentation (doc);

  g_string_append_printf (out, _("Health    %s %u %s %s %u %s %s %u %s %s %u %s %s %u\n"),
                          tl_health_status_get_label (TL_HEALTH_HEALTHY),
                          seg->health_counts[TL_HEALTH_HEALTHY], style->bullet,
                          tl_health_status_get_label (TL_HEALTH_STABLE),
                          seg->health_counts[TL_HEALTH_STABLE], style->bullet,
                          tl_health_status_get_label (TL_HEALTH_AT_RISK),
                          seg->health_counts[TL_HEALTH_AT_RISK], style->bullet,
                          tl_health_status_get_label (TL_HEALTH_CRITICAL),
                          seg->health_counts[TL_HEALTH_CRITICAL], style->bullet,
                          tl_health_status_get_label (TL_HEALTH_NONE),
                          seg->health_counts[TL_HEALTH_NONE]);
  /* Translators: health bands, then the weights of usage, adoption,
   * support, relationship and NPS */
  g_string_append_printf (out, _("          bands %d-100, %d-%d, %d-%d, 0-%d; weights %g/%g/%g/%g/%g\n"),
                          model->band_healthy, model->band_stable, model->band_healthy - 1,
                          model->band_at_risk, model->band_stable - 1, model->band_at_risk - 1,
                          model->weights[0], model->weights[1], model->weights[2],
                          model->weights[3], model->weights[4]);
  g_string_append_printf (out, _("Expansion %s %u %s %s %u %s %s %u\n"),
                          tl_expansion_level_get_label (TL_EXPANSION_HIGH),
                          seg->expansion_counts[TL_EXPANSION_HIGH], style->bullet,
                          tl_expansion_level_get_label (TL_EXPANSION_MEDIUM),
                          seg->expansion_counts[TL_EXPANSION_MEDIUM], style->bullet,
                          tl_expansion_level_get_label (TL_EXPANSION_LOW),
                          seg->expansion_counts[TL_EXPANSION_LOW]);
}

static void
append_motion (GString       *out,
               const Style   *style,
               const TlModel *model)
{
  g_string_append (out, _("CS motion\n"));
  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      const TlTierParams *tier = &model->tiers[t];
      /* Translators: a tier's motion in the command-line summary: the tier
       * number and name, then its coverage and its cadence, as in
       * "1 Strategic: High-touch: 1 CSM for 5-8 accounts; Monthly check-in" */
      g_autofree char *line = g_strdup_printf (_("  %u %s: %s; %s"), t + 1, tier->name,
                                               tier->motion[TL_MOTION_COVERAGE],
                                               tier->motion[TL_MOTION_CADENCE]);

      append_cell (out, style, line, TL_SUMMARY_MAX_COLUMNS, FALSE);
      g_strchomp (out->str);
      out->len = strlen (out->str);
      g_string_append_c (out, '\n');
    }
}

static char *
format_per_csm (double      value,
                const char *currency)
{
  if (isnan (value))
    return g_strdup ("-");

  return currency != NULL ? tl_format_money_short (value, currency)
                          : g_strdup_printf ("%.1f", value);
}

static void
append_allocation (GString       *out,
                   const Style   *style,
                   TlDocument    *doc)
{
  const TlModel *model = tl_document_get_model (doc);
  const guint widths[] = { 12, 7, 11, 9, 12, 9 };
  const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *const titles[] = {
    _("CSMs"), _("Minimum"), _("Comfortable"), _("Allocated"), _("Accounts/CSM"), _("ARR/CSM"),
  };
  TlAllocation a;

  tl_allocation_compute (tl_document_get_segmentation (doc), model, model->headcount, &a);

  append_border (out, style, style->top, widths, G_N_ELEMENTS (widths));
  append_row (out, style, titles, widths, right, G_N_ELEMENTS (widths));
  append_border (out, style, style->mid, widths, G_N_ELEMENTS (widths));
  for (guint t = 0; t < TL_N_TIERS - 1; t++)
    {
      const TlTierAllocation *tier = &a.tiers[t];
      g_autofree char *name = g_strdup_printf ("%u %s", t + 1, model->tiers[t].name);
      g_autofree char *min = g_strdup_printf ("%u", tier->needed_min);
      g_autofree char *comfortable = g_strdup_printf ("%u", tier->needed_comfortable);
      g_autofree char *allocated = g_strdup_printf ("%u", tier->allocated);
      g_autofree char *per_csm = format_per_csm (tier->accounts_per_csm, NULL);
      g_autofree char *arr_per_csm = format_per_csm (tier->arr_per_csm, get_currency (doc));
      g_autofree char *marked = g_strdup_printf ("%s%s", per_csm,
                                                 tier->accounts_off_target ? "*" : " ");
      g_autofree char *arr_marked = g_strdup_printf ("%s%s", arr_per_csm,
                                                     tier->arr_off_target ? "*" : " ");
      const char *cells[] = { name, min, comfortable, allocated, marked, arr_marked };

      append_row (out, style, cells, widths, right, G_N_ELEMENTS (widths));
    }
  append_border (out, style, style->bottom, widths, G_N_ELEMENTS (widths));

  if (a.headcount == 0)
    g_string_append_printf (out, _("Headcount 0: %u CSMs needed at least, %u comfortably "
                                   "(--headcount N)\n"), a.total_min, a.total_comfortable);
  else if (a.shortfall > 0)
    g_string_append_printf (out, _("%u CSMs: %u short of the minimum, on the lower tiers "
                                   "first\n"), a.headcount, a.shortfall);
  else if (a.short_of_comfortable > 0)
    g_string_append_printf (out, _("%u CSMs: minimums covered, %u short of comfortable\n"),
                            a.headcount, a.short_of_comfortable);
  else
    g_string_append_printf (out, _("%u CSMs: every tier comfortable, %u to spare\n"),
                            a.headcount, a.surplus);
}

static void
append_moves (GString    *out,
              const Style *style,
              TlDocument *doc)
{
  const TlSegmentation *seg = tl_document_get_segmentation (doc);
  guint counts[TL_N_MOVE_KINDS] = { 0 };

  for (guint r = 0; r < seg->n_accounts; r++)
    counts[tl_movement_get_kind (seg->movement[r])]++;

  g_string_append_printf (out, _("Moves     %u promote %s %u demote %s %u review %s %u watch\n"),
                          counts[TL_MOVE_KIND_PROMOTE], style->bullet,
                          counts[TL_MOVE_KIND_DEMOTE], style->bullet,
                          counts[TL_MOVE_KIND_REVIEW], style->bullet,
                          counts[TL_MOVE_KIND_WATCH]);
}

static void
append_title (GString     *out,
              const Style *style,
              TlDocument  *doc)
{
  const TlSegmentation *seg = tl_document_get_segmentation (doc);
  const TlModel *model = tl_document_get_model (doc);
  g_autofree char *name = tl_document_get_basename (doc);
  g_autofree char *arr = tl_format_money_short (seg->total_arr, get_currency (doc));
  g_autofree char *n_accounts = tl_format_count (seg->n_accounts);
  g_autofree char *n_without = tl_format_count (seg->tiers[TL_TIER_NONE].accounts);
  /* Translators: the file name, the number of accounts, their ARR, and the
   * number of accounts without ARR */
  g_autofree char *line = g_strdup_printf (_("%s: %s accounts, %s ARR, %s without ARR"), name,
                                           n_accounts, arr, n_without);
  const char *note = tl_document_get_calibration_note (doc);

  append_cell (out, style, line, TL_SUMMARY_MAX_COLUMNS, FALSE);
  g_strchomp (out->str);
  out->len = strlen (out->str);
  g_string_append_c (out, '\n');

  if (note != NULL)
    g_string_append (out, _("Tier bounds: the defaults (fewer than 20 accounts have ARR)\n"));
  else if (model->thresholds_automatic)
    g_string_append (out, _("Tier bounds: calibrated from the file's ARR\n"));
  else
    g_string_append (out, _("Tier bounds: set by hand\n"));
}

/**
 * tl_summary_format:
 * @document: a segmented document
 * @unicode: whether to draw tables with box-drawing characters
 *
 * Formats the four deliverables for a terminal: the tiers with their
 * bounds and shares against the targets, the health bands and expansion
 * levels with counts, the CS motion of each tier in one line, and the CSM
 * allocation, then the move candidates. The text fits
 * %TL_SUMMARY_MAX_LINES lines of %TL_SUMMARY_MAX_COLUMNS columns.
 *
 * Returns: (transfer full): the summary
 */
char *
tl_summary_format (TlDocument *document,
                   gboolean    unicode)
{
  const Style *style = unicode ? &unicode_style : &ascii_style;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (TL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (tl_document_is_ready (document), NULL);

  append_title (out, style, document);
  append_tiers (out, style, document);
  g_string_append_c (out, '\n');
  append_health (out, style, document);
  append_moves (out, style, document);
  g_string_append_c (out, '\n');
  append_motion (out, style, tl_document_get_model (document));
  g_string_append_c (out, '\n');
  append_allocation (out, style, document);

  return g_string_free (out, FALSE);
}
