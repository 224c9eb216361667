/* tl-account-filter.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-account-filter"

#include "config.h"

#include <string.h>

#include "tl-account-filter.h"
#include "tl-movement.h"

void
tl_account_filter_clear (TlAccountFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->text, g_free);
  filter->tiers = 0;
  filter->health = 0;
  filter->expansion = 0;
  filter->movement = 0;
}

/* Returns whether the filter lets every account through. */
gboolean
tl_account_filter_is_empty (const TlAccountFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return (filter->text == NULL || *filter->text == '\0') && filter->tiers == 0
         && filter->health == 0 && filter->expansion == 0 && filter->movement == 0;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;

  return TRUE;
}

/* Finds @needle (already lowercase ASCII) in @haystack, ignoring ASCII
 * case, without allocating. */
static gboolean
contains_ascii_ci (const char *haystack,
                   const char *needle,
                   gsize       needle_len)
{
  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_tolower (*p) == needle[0]
        && g_ascii_strncasecmp (p, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

/* The search text prepared once for every row. */
typedef struct
{
  char    *needle;
  gsize    len;
  gboolean ascii;
} Search;

static void
search_init (Search     *search,
             const char *text)
{
  search->ascii = is_ascii (text);
  search->needle = search->ascii ? g_ascii_strdown (text, -1) : g_utf8_casefold (text, -1);
  search->len = strlen (search->needle);
}

static gboolean
search_cell (const Search *search,
             const char   *cell)
{
  if (cell == NULL || *cell == '\0')
    return FALSE;

  return search->ascii ? contains_ascii_ci (cell, search->needle, search->len)
                       : contains_casefolded (cell, search->needle);
}

static gboolean
search_row (const Search         *search,
            const TlAccountTable *table,
            guint                 row)
{
  return search_cell (search, tl_account_table_get_text (table, TL_FIELD_NAME, row))
         || search_cell (search, tl_account_table_get_text (table, TL_FIELD_ID, row))
         || search_cell (search, tl_account_table_get_text (table, TL_FIELD_OWNER, row));
}

static gboolean
in_mask (guint mask,
         guint value)
{
  return mask == 0 || (mask & (1u << value)) != 0;
}

static gboolean
matches_values (const TlAccountFilter *filter,
                const TlSegmentation  *seg,
                const TlModel         *model,
                guint                  row)
{
  return in_mask (filter->tiers, seg->tier[row])
         && in_mask (filter->health, tl_segmentation_get_status (seg, model, row))
         && in_mask (filter->expansion, seg->expansion[row])
         && in_mask (filter->movement, tl_movement_get_kind (seg->movement[row]));
}

/* Returns whether one account passes the filter. */
gboolean
tl_account_filter_matches (const TlAccountFilter *filter,
                           const TlAccountTable  *table,
                           const TlSegmentation  *segmentation,
                           const TlModel         *model,
                           guint                  row)
{
  Search search;
  gboolean found;

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (table != NULL && segmentation != NULL && model != NULL, FALSE);

  if (!matches_values (filter, segmentation, model, row))
    return FALSE;
  if (filter->text == NULL || *filter->text == '\0')
    return TRUE;

  search_init (&search, filter->text);
  found = search_row (&search, table, row);
  g_free (search.needle);

  return found;
}

/**
 * tl_account_filter_apply:
 * @filter: a filter
 * @table: the accounts
 * @segmentation: their results
 * @model: the model, for the health bands
 * @rows: the rows to look at, in their order
 * @n_rows: their number
 * @out: (out caller-allocates): room for @n_rows rows
 *
 * Keeps the rows that pass the filter, in their order. The search text
 * matches anywhere in the name, id or owner, ignoring case.
 *
 * Returns: the number of rows written to @out
 */
guint
tl_account_filter_apply (const TlAccountFilter *filter,
                         const TlAccountTable  *table,
                         const TlSegmentation  *segmentation,
                         const TlModel         *model,
                         const guint32         *rows,
                         guint                  n_rows,
                         guint32               *out)
{
  Search search = { NULL, 0, TRUE };
  gboolean has_text;
  guint n = 0;

  g_return_val_if_fail (filter != NULL, 0);
  g_return_val_if_fail (table != NULL && segmentation != NULL && model != NULL, 0);
  g_return_val_if_fail (rows != NULL || n_rows == 0, 0);
  g_return_val_if_fail (out != NULL || n_rows == 0, 0);

  has_text = filter->text != NULL && *filter->text != '\0';
  if (has_text)
    search_init (&search, filter->text);

  for (guint i = 0; i < n_rows; i++)
    {
      guint32 row = rows[i];

      if (matches_values (filter, segmentation, model, row)
          && (!has_text || search_row (&search, table, row)))
        out[n++] = row;
    }
  g_free (search.needle);

  return n;
}
