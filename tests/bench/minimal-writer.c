/* minimal-writer.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference export: a plain libxlsxwriter program, in constant-memory
 * mode, that writes as many cells of the same types as Tierline's workbook
 * for an accounts file without quoted fields: per account, 10 result cells
 * (8 text, 2 numbers) then the 22 input cells (numbers where the text is a
 * number), and a second sheet with MOVES rows of 10 cells. It segments
 * nothing and formats nothing else, so it is the floor an export can
 * reach.
 *
 * Usage: minimal-writer ACCOUNTS.csv OUT.xlsx MOVES */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void
write_cell (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            char          *text)
{
  char *end;
  double v;

  if (*text == '\0')
    return;
  v = strtod (text, &end);
  if (*end == '\0')
    worksheet_write_number (sheet, row, col, v, NULL);
  else
    worksheet_write_string (sheet, row, col, text, NULL);
}

static void
write_results (lxw_worksheet *sheet,
               lxw_row_t      row,
               const char    *name)
{
  worksheet_write_string (sheet, row, 0, name, NULL);
  worksheet_write_string (sheet, row, 1, "ACC-0000000", NULL);
  worksheet_write_number (sheet, row, 2, 2, NULL);
  worksheet_write_string (sheet, row, 3, "Growth", NULL);
  worksheet_write_number (sheet, row, 4, 67, NULL);
  worksheet_write_string (sheet, row, 5, "Stable", NULL);
  worksheet_write_string (sheet, row, 6, "MEDIUM", NULL);
  worksheet_write_string (sheet, row, 7, "Seats 92 % used", NULL);
  worksheet_write_string (sheet, row, 8, "Watch", NULL);
  worksheet_write_string (sheet, row, 9, "Mid-touch: 1 CSM for 15-25 accounts", NULL);
}

int
main (int   argc,
      char *argv[])
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = ".",
                                   .use_zip64 = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_worksheet *sheet, *moves;
  char line[65536];
  FILE *in;
  lxw_row_t row = 0;
  long n_moves;

  if (argc < 4 || (in = fopen (argv[1], "r")) == NULL)
    {
      fprintf (stderr, "usage: minimal-writer ACCOUNTS.csv OUT.xlsx MOVES\n");
      return 2;
    }
  n_moves = atol (argv[3]);

  workbook = workbook_new_opt (argv[2], &options);
  sheet = workbook_add_worksheet (workbook, "Accounts");
  moves = workbook_add_worksheet (workbook, "Movements");

  while (fgets (line, sizeof line, in) != NULL)
    {
      char *cell = line;
      lxw_col_t col = 10;

      line[strcspn (line, "\r\n")] = '\0';
      write_results (sheet, row, row == 0 ? "Account" : "Account name");
      for (char *comma; (comma = strchr (cell, ',')) != NULL; cell = comma + 1)
        {
          *comma = '\0';
          write_cell (sheet, row, col++, cell);
        }
      write_cell (sheet, row, col, cell);
      row++;
    }
  fclose (in);

  for (long r = 0; r < n_moves; r++)
    write_results (moves, r, "Account name");

  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}
