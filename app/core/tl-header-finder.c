/* tl-header-finder.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-header-finder"

#include "config.h"

#include <string.h>

#include "tl-field-map.h"
#include "tl-header-finder.h"

/* Bytes of rows held while looking for the header. */
#define MAX_HELD_BYTES (1024 * 1024)

/* A copy of a row, kept until the header is chosen. */
typedef struct
{
  TlCsvRow   row;
  char     **cells;
  gsize     *lengths;
} HeldRow;

struct _TlHeaderFinder
{
  GArray *rows;       /* HeldRow */
  gsize   held_bytes;
};

static void
clear_held_row (gpointer data)
{
  HeldRow *held = data;

  for (guint c = 0; c < held->row.n_cells; c++)
    g_free (held->cells[c]);
  g_free (held->cells);
  g_free (held->lengths);
}

/* Creates a finder that holds the first rows of a file to choose the
 * header among them: exports often put a title or blank lines above it. */
TlHeaderFinder *
tl_header_finder_new (void)
{
  TlHeaderFinder *self = g_new0 (TlHeaderFinder, 1);

  self->rows = g_array_new (FALSE, FALSE, sizeof (HeldRow));
  g_array_set_clear_func (self->rows, clear_held_row);

  return self;
}

void
tl_header_finder_free (TlHeaderFinder *finder)
{
  if (finder == NULL)
    return;

  g_array_unref (finder->rows);
  g_free (finder);
}

/**
 * tl_header_finder_add:
 * @finder: a finder
 * @row: the next row of the file
 *
 * Holds a copy of @row.
 *
 * Returns: %TRUE while the finder takes more rows
 */
gboolean
tl_header_finder_add (TlHeaderFinder *finder,
                      const TlCsvRow *row)
{
  HeldRow held;

  g_return_val_if_fail (finder != NULL, FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  held.cells = g_new (char *, MAX (row->n_cells, 1));
  held.lengths = g_new (gsize, MAX (row->n_cells, 1));
  for (guint c = 0; c < row->n_cells; c++)
    {
      held.cells[c] = g_strndup (row->cells[c], row->lengths[c]);
      held.lengths[c] = row->lengths[c];
      finder->held_bytes += row->lengths[c] + 1;
    }
  held.row.cells = (const char * const *) held.cells;
  held.row.lengths = held.lengths;
  held.row.n_cells = row->n_cells;
  held.row.line = row->line;
  g_array_append_val (finder->rows, held);

  return finder->rows->len < TL_HEADER_FINDER_MAX_ROWS && finder->held_bytes < MAX_HELD_BYTES;
}

guint
tl_header_finder_get_n_rows (const TlHeaderFinder *finder)
{
  g_return_val_if_fail (finder != NULL, 0);

  return finder->rows->len;
}

const TlCsvRow *
tl_header_finder_get_row (const TlHeaderFinder *finder,
                          guint                 index)
{
  g_return_val_if_fail (finder != NULL, NULL);
  g_return_val_if_fail (index < finder->rows->len, NULL);

  return &g_array_index (finder->rows, HeldRow, index).row;
}

static guint
count_filled (const TlCsvRow *row)
{
  guint n = 0;

  for (guint c = 0; c < row->n_cells; c++)
    {
      g_autofree char *text = g_strstrip (g_strndup (row->cells[c], row->lengths[c]));

      n += *text != '\0';
    }

  return n;
}

/* Counts the fields whose headers the row's cells match. */
static guint
count_matched_fields (const TlCsvRow *row)
{
  g_autoptr(TlFieldMap) map = tl_field_map_new (row->cells, row->n_cells);
  guint n = 0;

  for (guint f = 0; f < TL_N_FIELDS; f++)
    n += tl_field_map_get_column (map, f) >= 0 || tl_field_map_get_candidates (map, f, NULL);

  return n;
}

/**
 * tl_header_finder_choose:
 * @finder: a finder holding at least one row
 *
 * Chooses the header row: the first row that matches the most field names,
 * when one matches two or more. Otherwise the first row with at least two
 * cells and at least half as many filled cells as the fullest row, which
 * passes over a title line above the header.
 *
 * Returns: the index of the header among the held rows
 */
guint
tl_header_finder_choose (const TlHeaderFinder *finder)
{
  guint best = 0, best_matches = 0, most_filled = 0;

  g_return_val_if_fail (finder != NULL, 0);
  g_return_val_if_fail (finder->rows->len > 0, 0);

  for (guint i = 0; i < finder->rows->len; i++)
    {
      const TlCsvRow *row = tl_header_finder_get_row (finder, i);
      guint matches = count_matched_fields (row);

      if (matches > best_matches)
        {
          best = i;
          best_matches = matches;
        }
      most_filled = MAX (most_filled, count_filled (row));
    }

  if (best_matches >= 2)
    return best;

  for (guint i = 0; i < finder->rows->len; i++)
    {
      guint filled = count_filled (tl_header_finder_get_row (finder, i));

      if (filled >= 2 && filled * 2 >= most_filled)
        return i;
    }

  return 0;
}
