/* tl-workbook.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-workbook"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tl-format.h"
#include "tl-value.h"
#include "tl-workbook-private.h"

/* The maximum length, in characters, of the account name that the note
 * about cut cells quotes. */
#define CUT_NAME_CHARS 80

/* Above this many accounts the zip is written with ZIP64 records. */
#define ZIP64_ROWS 400000

G_DEFINE_QUARK (tl-export-error-quark, tl_export_error)

/* Returns the byte length of the longest prefix of @text that fits in
 * @max_units UTF-16 code units, never splitting a character. */
static gsize
utf16_prefix_len (const char *text,
                  gsize       max_units,
                  gboolean   *cut)
{
  const char *p = text;
  gsize units = 0;

  *cut = FALSE;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gsize u = c > 0xffff ? 2 : 1;

      if (units + u > max_units)
        {
          *cut = TRUE;
          break;
        }
      units += u;
      p = g_utf8_next_char (p);
    }

  return p - text;
}

/* Returns the byte length of the character at @p when XML 1.0, and so
 * XLSX, cannot contain it, else 0. Such characters are the C0 controls
 * other than tab and line breaks, and the noncharacters U+FFFE and U+FFFF
 * (EF BF BE and EF BF BF in UTF-8). */
static gsize
invalid_xml_char_len (const guchar *p)
{
  if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
    return 1;
  if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
    return 3;

  return 0;
}

static gboolean
has_control_chars (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (invalid_xml_char_len (p) > 0)
      return TRUE;

  return FALSE;
}

/* Drops the characters that XML cannot hold (see invalid_xml_char_len())
 * from the first @len bytes of @text, which end on a character boundary. */
static char *
strip_control_chars (const char *text,
                     gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      gsize skip = invalid_xml_char_len ((const guchar *) text + i);

      if (skip == 0)
        g_string_append_c (out, text[i++]);
      else
        i += skip;
    }

  return g_string_free (out, FALSE);
}

/* Writes text as a string cell, never a formula, whatever it starts with.
 * Text over Excel's cell limit is cut at a character boundary and counted,
 * and control characters are dropped. */
lxw_error
_tl_workbook_write_string (TlWorkbookWriter *writer,
                           lxw_worksheet    *sheet,
                           lxw_row_t         row,
                           lxw_col_t         col,
                           const char       *text,
                           lxw_format       *format,
                           guint             account)
{
  g_autofree char *copy = NULL;
  gboolean cut = FALSE;
  gsize len = strlen (text);

  /* A UTF-8 text has no more UTF-16 units than bytes, so only a long one
   * needs counting. */
  if (len > TL_XLSX_MAX_CELL_UNITS)
    len = utf16_prefix_len (text, TL_XLSX_MAX_CELL_UNITS, &cut);

  if (cut)
    {
      const TlAccountTable *table = tl_document_get_table (writer->document);

      writer->n_cut_cells++;
      if (writer->first_cut == NULL)
        writer->first_cut = tl_value_clip (tl_account_table_get_display_name (table, account),
                                           -1, CUT_NAME_CHARS);
    }

  if (cut || has_control_chars (text))
    {
      copy = strip_control_chars (text, len);
      text = copy;
    }

  return worksheet_write_string (sheet, row, col, text, format);
}

/* Writes a row of titles in the header format in row 0. */
void
_tl_workbook_write_headers (lxw_worksheet      *sheet,
                            lxw_format         *format,
                            const char *const  *titles,
                            guint               n)
{
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *clean = NULL;

      /* Headers come from the file too. */
      if (has_control_chars (titles[c]))
        clean = strip_control_chars (titles[c], strlen (titles[c]));
      worksheet_write_string (sheet, 0, c, clean != NULL ? clean : titles[c], format);
    }
}

static lxw_format *
add_fill_format (lxw_workbook *workbook,
                 lxw_color_t   fill,
                 lxw_color_t   font)
{
  lxw_format *f = workbook_add_format (workbook);

  format_set_bg_color (f, fill);
  format_set_font_color (f, font);

  return f;
}

/* Returns the number format of amounts in the input's currency: a symbol
 * before the number ("€"1,234.00), a code after it (1,234.00 "CHF"), and
 * dollars when the file names no single currency. */
static char *
money_format_code (TlDocument *document,
                   gboolean    cents)
{
  const TlAccountTable *table = tl_document_get_table (document);
  const char *currency = tl_account_table_get_arr_currency (table);
  const char *digits = cents ? "#,##0.00" : "#,##0";
  g_autofree char *quoted = NULL;

  /* A double quote in a format must be escaped; currencies do not have one. */
  quoted = g_strdup_printf ("\"%s\"", currency);
  if (g_ascii_isalpha (currency[0]))
    return g_strdup_printf ("%s %s;[Red]-%s %s", digits, quoted, digits, quoted);

  return g_strdup_printf ("%s%s;[Red]-%s%s", quoted, digits, quoted, digits);
}

/* Creates the band colours: green, yellow, orange and red fills with dark
 * text for health, grey, blue and purple bold ones for expansion. The
 * Health sheet's cells use the status formats. The Accounts sheet colours
 * its Health and Expansion columns with conditional formats, which get
 * formats of their own. */
static void
create_band_formats (TlWorkbookWriter *w)
{
  static const lxw_color_t status[][2] = {
    [TL_HEALTH_HEALTHY] = { 0xC6EFCE, 0x006100 },
    [TL_HEALTH_STABLE] = { 0xFFEB9C, 0x7A5B00 },
    [TL_HEALTH_AT_RISK] = { 0xFFD2A6, 0x8A3B00 },
    [TL_HEALTH_CRITICAL] = { 0xFFC7CE, 0x9C0006 },
  };
  static const lxw_color_t expansion[][2] = {
    [TL_EXPANSION_LOW] = { 0xE7E6E6, 0x3A3A3A },
    [TL_EXPANSION_MEDIUM] = { 0xDDEBF7, 0x1F4E79 },
    [TL_EXPANSION_HIGH] = { 0xD9D2E9, 0x4B2C82 },
  };

  for (guint s = TL_HEALTH_HEALTHY; s <= TL_HEALTH_CRITICAL; s++)
    {
      w->status[s] = add_fill_format (w->workbook, status[s][0], status[s][1]);
      w->status_rule[s] = add_fill_format (w->workbook, status[s][0], status[s][1]);
    }
  w->status[TL_HEALTH_NONE] = NULL;
  w->status_rule[TL_HEALTH_NONE] = NULL;

  w->expansion[TL_EXPANSION_NONE] = NULL;
  for (guint l = TL_EXPANSION_LOW; l <= TL_EXPANSION_HIGH; l++)
    {
      w->expansion[l] = add_fill_format (w->workbook, expansion[l][0], expansion[l][1]);
      format_set_bold (w->expansion[l]);
    }
}

static void
create_formats (TlWorkbookWriter *w)
{
  lxw_workbook *wb = w->workbook;
  g_autofree char *money = NULL;
  g_autofree char *money_whole = NULL;

  w->header = workbook_add_format (wb);
  format_set_bold (w->header);
  format_set_bottom (w->header, LXW_BORDER_THIN);
  format_set_bg_color (w->header, 0xEDEFF2);
  format_set_text_wrap (w->header);
  format_set_align (w->header, LXW_ALIGN_VERTICAL_TOP);

  money = money_format_code (w->document, TRUE);
  money_whole = money_format_code (w->document, FALSE);
  w->money = workbook_add_format (wb);
  format_set_num_format (w->money, money);
  w->money_whole = workbook_add_format (wb);
  format_set_num_format (w->money_whole, money_whole);
  w->integer_top = workbook_add_format (wb);
  format_set_num_format (w->integer_top, "0");
  format_set_align (w->integer_top, LXW_ALIGN_VERTICAL_TOP);
  w->percent = workbook_add_format (wb);
  format_set_num_format (w->percent, "0.0%");
  w->date = workbook_add_format (wb);
  format_set_num_format (w->date, "yyyy-mm-dd");
  w->integer = workbook_add_format (wb);
  format_set_num_format (w->integer, "0");
  w->decimal = workbook_add_format (wb);
  format_set_num_format (w->decimal, "General");
  w->off_target = workbook_add_format (wb);
  format_set_font_color (w->off_target, 0xC00000);
  format_set_bold (w->off_target);
  format_set_indent (w->off_target, 1);
  w->off_target_number = workbook_add_format (wb);
  format_set_font_color (w->off_target_number, 0xC00000);
  format_set_bold (w->off_target_number);
  format_set_num_format (w->off_target_number, "0.0");
  w->off_target_money = workbook_add_format (wb);
  format_set_font_color (w->off_target_money, 0xC00000);
  format_set_bold (w->off_target_money);
  format_set_num_format (w->off_target_money, money_whole);
  w->wrap = workbook_add_format (wb);
  format_set_text_wrap (w->wrap);
  format_set_align (w->wrap, LXW_ALIGN_VERTICAL_TOP);

  w->indented = workbook_add_format (wb);
  format_set_indent (w->indented, 1);

  create_band_formats (w);
}

static char *
describe_range (const TlModel *model,
                guint          tier,
                const char    *currency)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (tier == 0)
    {
      low = tl_format_money (model->tiers[0].lower_bound, currency);
      /* Translators: an ARR range, such as "$250,000 and above" */
      return g_strdup_printf (_("%s and above"), low);
    }

  high = tl_format_money (model->tiers[tier - 1].lower_bound, currency);
  if (tier == TL_N_TIERS - 1)
    /* Translators: an ARR range, such as "below $10,000" */
    return g_strdup_printf (_("below %s"), high);

  low = tl_format_money (model->tiers[tier].lower_bound, currency);
  /* Translators: an ARR range, such as "$50,000 to $250,000" */
  return g_strdup_printf (_("%s to %s"), low, high);
}

static char *
describe_target (const double range[2])
{
  return g_strdup_printf ("%.0f-%.0f %%", range[0] * 100, range[1] * 100);
}

static void
write_tier_row (TlWorkbookWriter *w,
                lxw_worksheet    *sheet,
                guint             tier)
{
  const TlModel *model = tl_document_get_model (w->document);
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const TlTierParams *params = &model->tiers[tier];
  const TlTierStats *stats = &seg->tiers[tier + 1];
  const char *currency = tl_account_table_get_arr_currency (tl_document_get_table (w->document));
  g_autofree char *range = describe_range (model, tier, currency);
  g_autofree char *target_accounts = describe_target (params->target_accounts);
  g_autofree char *target_arr = describe_target (params->target_arr);
  lxw_row_t row = tier + 1;

  worksheet_write_number (sheet, row, 0, tier + 1, w->integer);
  worksheet_write_string (sheet, row, 1, params->name, NULL);
  worksheet_write_string (sheet, row, 2, range, NULL);
  worksheet_write_string (sheet, row, 3, params->expansion_potential, NULL);
  worksheet_write_number (sheet, row, 4, stats->accounts, w->integer);
  worksheet_write_number (sheet, row, 5, stats->share_accounts, w->percent);
  worksheet_write_number (sheet, row, 6, stats->arr, w->money_whole);
  worksheet_write_number (sheet, row, 7, stats->share_arr, w->percent);
  worksheet_write_string (sheet, row, 8, target_accounts, w->indented);
  worksheet_write_string (sheet, row, 9, target_arr, w->indented);
}

static void
write_tier_notes (TlWorkbookWriter *w,
                  lxw_worksheet    *sheet)
{
  const TlModel *model = tl_document_get_model (w->document);
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const char *note = tl_document_get_calibration_note (w->document);
  lxw_row_t row = TL_N_TIERS + 1;
  guint needs_data = seg->tiers[TL_TIER_NONE].accounts;

  worksheet_write_string (sheet, row, 1, _("Total"), w->header);
  worksheet_write_number (sheet, row, 4, seg->n_accounts - needs_data, w->integer);
  worksheet_write_number (sheet, row, 6, seg->total_arr, w->money_whole);

  row += 2;
  if (needs_data > 0)
    {
      g_autofree char *text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%u account has no readable ARR and no tier (Needs data).",
                     "%u accounts have no readable ARR and no tier (Needs data).",
                     needs_data), needs_data);

      worksheet_write_string (sheet, row++, 0, text, NULL);
    }

  if (note != NULL)
    worksheet_write_string (sheet, row, 0, note, NULL);
  else if (model->thresholds_automatic)
    worksheet_write_string (sheet, row, 0,
                            _("Bounds calibrated from this file's ARR distribution to "
                              "bring each tier's shares near the middle of its targets."),
                            NULL);
  else
    worksheet_write_string (sheet, row, 0, _("Bounds set by hand."), NULL);
}

/* Charts each tier's share of accounts beside its share of ARR. */
/**
 * _tl_workbook_add_sheet:
 * @writer: the writer
 * @name: the sheet's name
 * @fit_width: whether the sheet prints one page wide
 *
 * Adds a sheet that prints in landscape with its header row on every
 * page, so that a PDF or a printout of the workbook reads like the
 * screen. A summary sheet fits one page wide; the account sheets, with
 * their many columns, keep their size and run over several pages.
 *
 * Returns: (transfer none): the sheet
 */
lxw_worksheet *
_tl_workbook_add_sheet (TlWorkbookWriter *writer,
                        const char       *name,
                        gboolean          fit_width)
{
  lxw_worksheet *sheet = workbook_add_worksheet (writer->workbook, name);

  if (sheet == NULL)
    return NULL;

  worksheet_set_landscape (sheet);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.5, 0.5);
  if (fit_width)
    worksheet_fit_to_pages (sheet, 1, 0);

  return sheet;
}

static void
add_tiers_chart (TlWorkbookWriter *w,
                 lxw_worksheet    *sheet,
                 const char       *name)
{
  lxw_chart *chart = workbook_add_chart (w->workbook, LXW_CHART_COLUMN);
  const lxw_col_t columns[] = { 5, 7 };
  const char *const titles[] = {
    /* xgettext:no-c-format */
    _("% of accounts"),
    /* xgettext:no-c-format */
    _("% of ARR"),
  };
  const lxw_color_t colors[] = { 0x9DC3E6, 0x2E75B6 };
  lxw_chart_options place = { .x_offset = 10, .y_offset = 10 };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
      lxw_chart_fill fill = { .color = colors[i] };

      chart_series_set_categories (series, name, 1, 1, TL_N_TIERS, 1);
      chart_series_set_values (series, name, 1, columns[i], TL_N_TIERS, columns[i]);
      chart_series_set_name (series, titles[i]);
      chart_series_set_fill (series, &fill);
    }
  chart_title_set_name (chart, _("Share of accounts and of ARR per tier"));
  chart_axis_set_num_format (chart->y_axis, "0%");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  worksheet_insert_chart_opt (sheet, TL_N_TIERS + 6, 0, chart, &place);
}

static void
add_tiers_sheet (TlWorkbookWriter *w)
{
  const char *name = _("Tiers");
  lxw_worksheet *sheet = _tl_workbook_add_sheet (w, name, TRUE);
  const char *const titles[] = {
    _("Tier"), _("Name"), _("ARR Range"), _("Expansion Potential"), _("Accounts"),
    /* xgettext:no-c-format */
    _("% of Accounts"),
    _("ARR"),
    /* xgettext:no-c-format */
    _("% of ARR"),
    /* xgettext:no-c-format */
    _("Target % of Accounts"),
    /* xgettext:no-c-format */
    _("Target % of ARR"),
  };
  const double widths[] = { 6, 14, 26, 20, 11, 14, 16, 11, 21, 17 };

  worksheet_freeze_panes (sheet, 1, 0);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    worksheet_set_column (sheet, c, c, widths[c], NULL);
  worksheet_set_row (sheet, 0, 32, NULL);
  _tl_workbook_write_headers (sheet, w->header, titles, G_N_ELEMENTS (titles));

  for (guint t = 0; t < TL_N_TIERS; t++)
    write_tier_row (w, sheet, t);
  write_tier_notes (w, sheet);
  add_tiers_chart (w, sheet, name);
}

/* Charts the accounts per health status, each bar in its band colour. */
static void
add_health_chart (TlWorkbookWriter *w,
                  lxw_worksheet    *sheet,
                  const char       *name,
                  lxw_row_t         first_row)
{
  lxw_chart *chart = workbook_add_chart (w->workbook, LXW_CHART_COLUMN);
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);
  lxw_chart_fill fills[] = {
    { .color = 0x63BE7B }, { .color = 0xFFD966 }, { .color = 0xF4A259 }, { .color = 0xE06666 },
  };
  lxw_chart_point points[G_N_ELEMENTS (fills)];
  lxw_chart_point *list[G_N_ELEMENTS (fills) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (fills); i++)
    {
      memset (&points[i], 0, sizeof points[i]);
      points[i].fill = &fills[i];
      list[i] = &points[i];
    }
  list[G_N_ELEMENTS (fills)] = NULL;

  chart_series_set_categories (series, name, first_row, 0, first_row + 3, 0);
  chart_series_set_values (series, name, first_row, 2, first_row + 3, 2);
  chart_series_set_name (series, _("Accounts"));
  chart_series_set_points (series, list);
  chart_title_set_name (chart, _("Accounts per health status"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  worksheet_insert_chart (sheet, first_row + 7, 0, chart);
}

static void
add_health_sheet (TlWorkbookWriter *w)
{
  const TlModel *model = tl_document_get_model (w->document);
  const TlSegmentation *seg = tl_document_get_segmentation (w->document);
  const char *name = _("Health");
  lxw_worksheet *sheet = _tl_workbook_add_sheet (w, name, TRUE);
  const char *const titles[] = { _("Component"), _("Max Points"), _("Scoring") };
  const char *const bands[] = { _("Status"), _("Score Range"), _("Accounts") };
  g_autofree char *usage = g_strdup_printf (
    _("DAU/MAU; full points at %.0f %% and above"), model->usage_full_ratio * 100);
  g_autofree char *support = g_strdup_printf (
    _("CSAT as 0-1, minus %.0f %% per open escalation"), model->escalation_penalty * 100);
  const char *const scoring[TL_N_COMPONENTS] = {
    usage,
    _("Features used / features available"),
    support,
    _("Executive sponsor and champion share the points"),
    _("NPS -100..100 as (NPS + 100) / 200; a 0-10 score as score / 10"),
  };
  int lows[] = { model->band_healthy, model->band_stable, model->band_at_risk, 0 };
  int highs[] = { 100, model->band_healthy - 1, model->band_stable - 1, model->band_at_risk - 1 };
  lxw_row_t row;

  worksheet_set_column (sheet, 0, 0, 16, NULL);
  worksheet_set_column (sheet, 1, 1, 13, NULL);
  worksheet_set_column (sheet, 2, 2, 62, NULL);
  _tl_workbook_write_headers (sheet, w->header, titles, G_N_ELEMENTS (titles));
  for (guint c = 0; c < TL_N_COMPONENTS; c++)
    {
      worksheet_write_string (sheet, c + 1, 0, tl_component_get_label (c), NULL);
      worksheet_write_number (sheet, c + 1, 1, model->weights[c], w->integer);
      worksheet_write_string (sheet, c + 1, 2, scoring[c], NULL);
    }
  worksheet_write_string (sheet, TL_N_COMPONENTS + 2, 0,
                          _("Score = 100 x points earned / max points of the components "
                            "with data, rounded half away from zero."), NULL);

  row = TL_N_COMPONENTS + 4;
  for (guint c = 0; c < G_N_ELEMENTS (bands); c++)
    worksheet_write_string (sheet, row, c, bands[c], w->header);
  for (guint s = TL_HEALTH_HEALTHY; s <= TL_HEALTH_CRITICAL; s++)
    {
      g_autofree char *range = g_strdup_printf ("%d-%d", lows[s], highs[s]);

      row++;
      worksheet_write_string (sheet, row, 0, tl_health_status_get_label (s), w->status[s]);
      worksheet_write_string (sheet, row, 1, range, NULL);
      worksheet_write_number (sheet, row, 2, seg->health_counts[s], w->integer);
    }
  worksheet_write_string (sheet, ++row, 0, tl_health_status_get_label (TL_HEALTH_NONE), NULL);
  worksheet_write_number (sheet, row, 2, seg->health_counts[TL_HEALTH_NONE], w->integer);
  add_health_chart (w, sheet, name, TL_N_COMPONENTS + 5);
}

static void
add_motion_sheet (TlWorkbookWriter *w)
{
  const TlModel *model = tl_document_get_model (w->document);
  lxw_worksheet *sheet = _tl_workbook_add_sheet (w, _("Motion"), TRUE);

  worksheet_freeze_panes (sheet, 1, 2);
  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 14, NULL);
  worksheet_set_column (sheet, 2, 1 + TL_N_MOTION_TEXTS, 34, w->wrap);

  worksheet_write_string (sheet, 0, 0, _("Tier"), w->header);
  worksheet_write_string (sheet, 0, 1, _("Name"), w->header);
  for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
    worksheet_write_string (sheet, 0, 2 + m, tl_motion_text_get_label (m), w->header);

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      /* Rows tall enough for the wrapped texts: viewers that do not fit
       * row heights themselves would cut them. */
      worksheet_set_row (sheet, t + 1, 78, NULL);
      worksheet_write_number (sheet, t + 1, 0, t + 1, w->integer_top);
      worksheet_write_string (sheet, t + 1, 1, model->tiers[t].name, w->wrap);
      for (guint m = 0; m < TL_N_MOTION_TEXTS; m++)
        worksheet_write_string (sheet, t + 1, 2 + m, model->tiers[t].motion[m], w->wrap);
    }
}

/* Follows symbolic links, so that exporting to a link replaces the file
 * it points to and keeps the link. A dangling link gives its target. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 32; depth++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }

  return g_steal_pointer (&current);
}

/* Checks that @path may be replaced: it is new, or a regular file other
 * than the accounts file that was read. Sets *@mode to the existing
 * file's permissions, or to -1 for a new file. */
static gboolean
check_target (TlDocument  *document,
              const char  *path,
              int         *mode,
              GError     **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  GStatBuf target, input;

  *mode = -1;
  if (g_stat (path, &target) != 0)
    return TRUE;

  if (!S_ISREG (target.st_mode))
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                   _("“%s” is not a regular file, so the workbook cannot replace it. "
                     "Choose another name."), shown);
      return FALSE;
    }

  if (g_stat (tl_document_get_path (document), &input) == 0
      && input.st_dev == target.st_dev && input.st_ino == target.st_ino)
    {
      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                   _("“%s” is the accounts file that was opened; the workbook would "
                     "replace it. Choose another name."), shown);
      return FALSE;
    }

  *mode = target.st_mode & 07777;
  return TRUE;
}

void
tl_export_notes_clear (TlExportNotes *notes)
{
  g_return_if_fail (notes != NULL);

  g_clear_pointer (&notes->first_cut, g_free);
  notes->n_cut_cells = 0;
}

/**
 * tl_export_notes_describe:
 * @notes: the notes of an export
 *
 * Describes what the export changed to fit the workbook, such as "1 cell
 * was longer than a workbook cell holds and was cut (account Delta
 * Freight).".
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when nothing
 *   was changed
 */
char *
tl_export_notes_describe (const TlExportNotes *notes)
{
  g_return_val_if_fail (notes != NULL, NULL);

  if (notes->n_cut_cells == 0)
    return NULL;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u cell was longer than a workbook cell can be and "
                                       "was cut to 32,767 characters (account %s).",
                                       "%u cells were longer than a workbook cell can be and "
                                       "were cut to 32,767 characters (first in account %s).",
                                       notes->n_cut_cells),
                          notes->n_cut_cells, notes->first_cut);
}

/* Creates an empty file beside @path to write into, so that the rename at
 * the end stays on one file system. The file gets @mode, the permissions
 * of the file it will replace, or the default ones when @mode is -1. */
static char *
create_temp_beside (const char  *path,
                    int          mode,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                   _("Cannot write in the folder “%s”: %s."), shown, g_strerror (saved));
      return NULL;
    }
  if (mode >= 0 && fchmod (fd, mode) != 0)
    g_debug ("cannot keep the mode %o on %s: %s", mode, tmp, g_strerror (errno));
  close (fd);

  return g_steal_pointer (&tmp);
}

static gboolean
check_size (TlDocument  *document,
            GError     **error)
{
  guint n = tl_account_table_get_n_rows (tl_document_get_table (document));

  if ((guint64) n + 1 <= TL_XLSX_MAX_ROWS)
    return TRUE;

  g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY,
               _("The file has %u accounts, but a worksheet holds at most %u rows below "
                 "its header. Split the file and export each part."),
               n, TL_XLSX_MAX_ROWS - 1);
  return FALSE;
}

/* The Movements rows, written beside the Accounts rows. */
typedef struct
{
  TlWorkbookWriter  writer;   /* a copy with its own notes */
  lxw_worksheet    *sheet;
} MovementsJob;

static gpointer
write_movements_thread (gpointer data)
{
  MovementsJob *job = data;

  _tl_workbook_write_movements (&job->writer, job->sheet);
  while (_tl_signal_queue_fill (job->writer.signals, TRUE))
    ;

  return NULL;
}

/* Gives each format of the two large sheets its index. The first use of a
 * format registers it with the workbook, so it must not happen in two
 * threads at once. Registered first, the formats get the one-digit
 * indices that each row repeats. */
static void
register_row_formats (TlWorkbookWriter *w)
{
  lxw_format *const formats[] = { w->integer, w->money, w->date, w->wrap, w->percent };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    lxw_format_get_xf_index (formats[i]);
}

/* Adds the notes of the Movements rows to those of the other sheets. */
static void
merge_notes (TlWorkbookWriter *w,
             TlWorkbookWriter *other)
{
  w->n_cut_cells += other->n_cut_cells;
  if (w->first_cut == NULL)
    w->first_cut = g_steal_pointer (&other->first_cut);
  g_clear_pointer (&other->first_cut, g_free);
}

/* Writes the rows of the Accounts and Movements sheets, which take most of
 * an export, in two threads. The Movements thread also fills the
 * Expansion Signals texts ahead of the Accounts rows. In libxlsxwriter
 * 1.1.4's constant-memory
 * mode, each worksheet streams its rows into a temporary file of its own,
 * and writing a cell changes only its worksheet once its format is
 * registered. NOTE: a newer libxlsxwriter must keep this true. */
static gboolean
write_large_sheets (TlWorkbookWriter  *w,
                    lxw_worksheet     *accounts,
                    lxw_worksheet     *movements,
                    GError           **error)
{
  MovementsJob job;
  GThread *thread;
  gboolean ok;

  w->signals = _tl_signal_queue_new (w->document);
  job.writer = *w;
  job.writer.n_cut_cells = 0;
  job.writer.first_cut = NULL;
  job.writer.progress = NULL;
  job.sheet = movements;

  thread = g_thread_new ("tl-movements", write_movements_thread, &job);
  ok = _tl_workbook_write_accounts (w, accounts, error);
  _tl_signal_queue_stop (w->signals);
  g_thread_join (thread);
  merge_notes (w, &job.writer);
  g_clear_pointer (&w->signals, _tl_signal_queue_free);

  return ok && !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

static void
look_up_labels (TlWorkbookWriter *w)
{
  for (guint s = 0; s < G_N_ELEMENTS (w->health_labels); s++)
    w->health_labels[s] = tl_health_status_get_label (s);
  for (guint l = 0; l < G_N_ELEMENTS (w->expansion_labels); l++)
    w->expansion_labels[l] = tl_expansion_level_get_label (l);
  for (guint k = 0; k < G_N_ELEMENTS (w->move_labels); k++)
    w->move_labels[k] = tl_move_kind_get_label (k);
  w->needs_data = _("Needs data");
  w->yes = _("Yes");
  w->no = _("No");
}

static gboolean
write_sheets (TlWorkbookWriter  *w,
              GError           **error)
{
  lxw_doc_properties props = { 0 };
  lxw_worksheet *accounts, *movements;

  props.title = (char *) _("Customer segmentation");
  props.comments = (char *) _("Created by Tierline");
  workbook_set_properties (w->workbook, &props);

  /* The sheets are added in their order. The small ones are written at
   * once and the two large ones last. */
  create_formats (w);
  register_row_formats (w);
  look_up_labels (w);
  accounts = _tl_workbook_add_sheet (w, _("Accounts"), FALSE);
  add_tiers_sheet (w);
  add_health_sheet (w);
  add_motion_sheet (w);
  _tl_workbook_add_capacity (w);
  movements = _tl_workbook_add_movements (w);

  return write_large_sheets (w, accounts, movements, error);
}

/* Writes the workbook out. libxlsxwriter reports a failed write as a zip
 * error, so the errno of the write distinguishes a full drive and a file
 * too large for the drive from other failures. */
static gboolean
close_workbook (TlWorkbookWriter  *w,
                const char        *path,
                GError           **error)
{
  lxw_error err;
  int saved;

  errno = 0;
  err = workbook_close (w->workbook);
  saved = errno;
  w->workbook = NULL;
  if (err == LXW_NO_ERROR)
    return TRUE;

  g_debug ("Closing the workbook failed: %s, errno %d", lxw_strerror (err), saved);
  _tl_workbook_set_write_error (path, saved, lxw_strerror (err), error);

  return FALSE;
}

static gboolean
rename_into_place (const char  *tmp,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *shown = NULL;
  int saved;

  if (g_rename (tmp, path) == 0)
    return TRUE;

  saved = errno;
  shown = g_filename_display_name (path);
  g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
               _("Cannot replace “%s”: %s."), shown, g_strerror (saved));
  return FALSE;
}

/**
 * tl_workbook_export:
 * @document: a segmented document
 * @path: the .xlsx file to write
 * @notes: (out caller-allocates) (optional): what was changed to fit
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called with the share done
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Writes the segmentation as an XLSX workbook with the sheets Accounts,
 * Tiers, Health and Motion. The workbook is written to a temporary file in
 * the same folder and renamed over @path only when complete, so a failed
 * or cancelled export leaves any previous file untouched.
 *
 * Returns: %TRUE when @path holds the new workbook
 */
gboolean
tl_workbook_export (TlDocument     *document,
                    const char     *path,
                    TlExportNotes  *notes,
                    GCancellable   *cancellable,
                    TlProgressFunc  progress,
                    gpointer        progress_data,
                    GError        **error)
{
  TlWorkbookWriter w = { 0 };
  lxw_workbook_options options = { 0 };
  g_autoptr(GArray) row_bytes = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  int mode;
  gboolean ok;

  g_return_val_if_fail (TL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = resolve_links (path);
  path = target;

  if (!tl_document_is_ready (document))
    {
      g_set_error_literal (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOT_READY,
                           _("The accounts are not segmented yet."));
      return FALSE;
    }
  if (!check_size (document, error) || !check_target (document, path, &mode, error)
      || !(tmp = create_temp_beside (path, mode, error)))
    return FALSE;

  dir = g_path_get_dirname (path);
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir;
  options.use_zip64 = tl_account_table_get_n_rows (tl_document_get_table (document))
                      > ZIP64_ROWS;

  w.document = document;
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = progress_data;
  w.workbook = workbook_new_opt (tmp, &options);

  ok = w.workbook != NULL && write_sheets (&w, error)
       && _tl_workbook_check_rows (w.workbook, path, row_bytes, error);
  if (w.workbook == NULL)
    g_set_error_literal (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                         _("The workbook could not be created."));
  else if (!ok)
    g_clear_pointer (&w.workbook, _tl_workbook_discard);
  ok = ok && close_workbook (&w, path, error)
       && _tl_workbook_check_written (tmp, path, row_bytes, error)
       && rename_into_place (tmp, path, error);

  if (!ok)
    g_unlink (tmp);
  else if (progress != NULL)
    progress (1.0, progress_data);

  g_debug ("%u cells cut to the cell limit", w.n_cut_cells);
  if (notes != NULL)
    {
      notes->n_cut_cells = w.n_cut_cells;
      notes->first_cut = w.first_cut;
    }
  else
    g_free (w.first_cut);

  return ok;
}
