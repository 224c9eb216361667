/* libcsv-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Splits a CSV file into fields with libcsv (Debian's libcsv-dev), keeping
 * each field, as Tierline's reader does, and prints the rows and fields:
 * the reference for the hand-written tokenizer. */

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  unsigned long rows;
  unsigned long fields;
  size_t        bytes;
  char         *copy;
  size_t        copy_size;
} Count;

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Count *count = user_data;

  /* Copy the field, as a reader that keeps the cells must. */
  if (len + 1 > count->copy_size)
    {
      count->copy_size = len + 1;
      count->copy = realloc (count->copy, count->copy_size);
    }
  memcpy (count->copy, data, len);
  count->copy[len] = '\0';
  count->fields++;
  count->bytes += len;
}

static void
on_row (int   end,
        void *user_data)
{
  ((Count *) user_data)->rows++;
}

int
main (int   argc,
      char *argv[])
{
  struct csv_parser parser;
  static char block[1 << 20];
  Count count = { 0 };
  FILE *in;
  size_t n;

  if (argc < 2 || (in = fopen (argv[1], "rb")) == NULL || csv_init (&parser, 0) != 0)
    return 2;

  while ((n = fread (block, 1, sizeof block, in)) > 0)
    if (csv_parse (&parser, block, n, on_field, on_row, &count) != n)
      return 1;
  csv_fini (&parser, on_field, on_row, &count);
  csv_free (&parser);
  fclose (in);
  free (count.copy);

  printf ("rows %lu fields %lu bytes %zu\n", count.rows, count.fields, count.bytes);
  return 0;
}
