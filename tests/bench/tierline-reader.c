/* tierline-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Splits a CSV file into fields with Tierline's reader alone, and prints
 * the rows and fields, to compare with libcsv-reader on the same file. */

#include <stdio.h>

#include "tl-csv-reader.h"

typedef struct
{
  unsigned long rows;
  unsigned long fields;
  gsize         bytes;
} Count;

static gboolean
on_row (const TlCsvRow *row,
        gpointer        user_data,
        GError        **error)
{
  Count *count = user_data;

  count->rows++;
  count->fields += row->n_cells;
  for (guint c = 0; c < row->n_cells; c++)
    count->bytes += row->lengths[c];

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  Count count = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TlCsvReader) reader = tl_csv_reader_new (on_row, &count, NULL);

  if (argc < 2 || !tl_csv_reader_read_file (reader, argv[1], NULL, NULL, NULL, &error))
    {
      fprintf (stderr, "tierline-reader: %s\n", error != NULL ? error->message : "no file");
      return 1;
    }

  printf ("rows %lu fields %lu bytes %" G_GSIZE_FORMAT "\n", count.rows, count.fields,
          count.bytes);
  return 0;
}
