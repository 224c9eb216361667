/* tl-xlsx-reader-parts.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-xlsx-reader-parts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tl-xlsx-reader-private.h"

/* The size of an Excel worksheet: columns A to XFD, rows 1 to 1048576. */
#define MAX_COLUMNS 16384
#define MAX_ROWS 1048576

/* Max bytes of a row, as for delimited text. A longer row is reported and
 * skipped. */
#define MAX_ROW_BYTES (16 * 1024 * 1024)

/* Max text and cells that the worksheet may pass to the row callback. A
 * shared string lets a short cell stand for a long text, so the part size
 * alone does not bound what the rows take in memory. */
#define MAX_SHEET_TEXT ((guint64) 1024 * 1024 * 1024)
#define MAX_SHEET_CELLS ((guint64) 250 * 1000 * 1000)

/* Max element nesting. A worksheet needs 6 levels. */
#define MAX_DEPTH 64

/* Max cell formats kept from the styles. Cells with a later format read as
 * plain numbers. Excel itself allows 64,000. */
#define MAX_CELL_FORMATS 65536

/* Excel's last date, 9999-12-31, as a serial of the 1900 date system. */
#define MAX_DATE_SERIAL 2958465

/* The elements the reader acts on. */
typedef enum
{
  EL_OTHER,
  EL_WORKBOOK_PR,
  EL_SHEETS,
  EL_SHEET,
  EL_RELATIONSHIP,
  EL_NUM_FMTS,
  EL_NUM_FMT,
  EL_CELL_XFS,
  EL_XF,
  EL_SST,
  EL_SI,
  EL_R,
  EL_T,
  EL_IS,
  EL_SHEET_DATA,
  EL_ROW,
  EL_C,
  EL_V,
} Element;

/* The local name of each element and the parts in which it counts. */
static const struct
{
  const char *name;
  Element     element;
  guint       parts;
} element_names[] = {
  { "c", EL_C, TL_XLSX_PART_SHEET },
  { "v", EL_V, TL_XLSX_PART_SHEET },
  { "row", EL_ROW, TL_XLSX_PART_SHEET },
  { "t", EL_T, TL_XLSX_PART_SHEET | TL_XLSX_PART_STRINGS },
  { "si", EL_SI, TL_XLSX_PART_STRINGS },
  { "r", EL_R, TL_XLSX_PART_SHEET | TL_XLSX_PART_STRINGS },
  { "is", EL_IS, TL_XLSX_PART_SHEET },
  { "sheetData", EL_SHEET_DATA, TL_XLSX_PART_SHEET },
  { "xf", EL_XF, TL_XLSX_PART_STYLES },
  { "cellXfs", EL_CELL_XFS, TL_XLSX_PART_STYLES },
  { "numFmt", EL_NUM_FMT, TL_XLSX_PART_STYLES },
  { "numFmts", EL_NUM_FMTS, TL_XLSX_PART_STYLES },
  { "sst", EL_SST, TL_XLSX_PART_STRINGS },
  { "sheet", EL_SHEET, TL_XLSX_PART_WORKBOOK },
  { "sheets", EL_SHEETS, TL_XLSX_PART_WORKBOOK },
  { "workbookPr", EL_WORKBOOK_PR, TL_XLSX_PART_WORKBOOK },
  { "Relationship", EL_RELATIONSHIP, TL_XLSX_PART_RELATIONSHIPS },
};

/* Returns the element a tag name stands for in @part, ignoring its
 * namespace prefix. */
static Element
lookup_element (const char *qualified_name,
                TlXlsxPart  part)
{
  const char *colon = strchr (qualified_name, ':');
  const char *name = colon != NULL ? colon + 1 : qualified_name;

  for (gsize i = 0; i < G_N_ELEMENTS (element_names); i++)
    if ((element_names[i].parts & part) && strcmp (name, element_names[i].name) == 0)
      return element_names[i].element;

  return EL_OTHER;
}

/* Returns the element @up levels above the current one, or EL_OTHER. */
static Element
ancestor (TlXlsxReader *self,
          guint         up)
{
  if (self->stack->len <= up)
    return EL_OTHER;

  return g_array_index (self->stack, guint8, self->stack->len - 1 - up);
}

/* Returns the value of the attribute @local, matched without its prefix.
 * With @prefixed, only a prefixed name matches, as for r:id. */
static const char *
lookup_attribute (const char **names,
                  const char **values,
                  const char  *local,
                  gboolean     prefixed)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *colon = strchr (names[i], ':');
      const char *name = colon != NULL ? colon + 1 : names[i];

      if ((colon != NULL) == prefixed && strcmp (name, local) == 0)
        return values[i];
    }

  return NULL;
}

/* Resolves a relationship target against xl/ to a name inside the zip,
 * or returns NULL when it leaves the archive's root. */
static char *
resolve_target (const char *target)
{
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autoptr(GString) name = g_string_new (NULL);

  if (target[0] == '/')
    segments = g_strsplit (target + 1, "/", -1);
  else
    {
      g_autofree char *relative = g_strconcat ("xl/", target, NULL);

      segments = g_strsplit (relative, "/", -1);
    }

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (strcmp (segments[i], "..") == 0)
        {
          if (path->len == 0)
            return NULL;
          g_ptr_array_set_size (path, path->len - 1);
        }
      else if (*segments[i] != '\0' && strcmp (segments[i], ".") != 0)
        g_ptr_array_add (path, segments[i]);
    }

  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (name, "%s%s", i > 0 ? "/" : "", (char *) path->pdata[i]);

  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

/* Decides how a custom number format code shows a number. Text in quotes,
 * escaped characters, colours and locales in brackets and AM/PM markers do
 * not count. An "m" is a month unless hours or seconds are also shown. */
static TlXlsxNumberKind
classify_format_code (const char *code)
{
  gboolean date = FALSE, time = FALSE, minutes = FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          const char *close = strchr (p + 1, '"');

          if (close == NULL)
            break;
          p = close;
        }
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          const char *close = strchr (p + 1, ']');
          gsize len;

          if (close == NULL)
            break;
          /* [h], [mm] and [ss] show elapsed time. */
          len = close - p - 1;
          if (len > 0 && strspn (p + 1, "hHmMsS") == len)
            time = TRUE;
          p = close;
        }
      else if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0)
        p += 4, time = TRUE;
      else if (g_ascii_strncasecmp (p, "A/P", 3) == 0)
        p += 2, time = TRUE;
      else
        switch (g_ascii_tolower (*p))
          {
          case 'd':
          case 'y':
            date = TRUE;
            break;
          case 'm':
            minutes = TRUE;
            break;
          case 'h':
          case 's':
            time = TRUE;
            break;
          default:
            break;
          }
    }

  if (date || (minutes && !time))
    return TL_XLSX_NUMBER_DATE;
  if (time || minutes)
    return TL_XLSX_NUMBER_TIME;

  return TL_XLSX_NUMBER_NUMBER;
}

/* Returns how one of Excel's built-in number formats shows a number. */
static TlXlsxNumberKind
classify_builtin_format (guint id)
{
  if ((id >= 14 && id <= 17) || id == 22)
    return TL_XLSX_NUMBER_DATE;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
    return TL_XLSX_NUMBER_TIME;

  return TL_XLSX_NUMBER_NUMBER;
}

/* Records the number format of a <numFmt> in the styles. */
static void
add_custom_format (TlXlsxReader  *self,
                   const char   **names,
                   const char   **values)
{
  const char *id = lookup_attribute (names, values, "numFmtId", FALSE);
  const char *code = lookup_attribute (names, values, "formatCode", FALSE);
  guint64 number;

  if (id == NULL || code == NULL
      || !g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &number, NULL))
    return;
  if (g_hash_table_size (self->custom_formats) >= MAX_CELL_FORMATS)
    return;

  g_hash_table_insert (self->custom_formats, GUINT_TO_POINTER (number),
                       GUINT_TO_POINTER (classify_format_code (code)));
}

/* Records the number format of a cell format, an <xf> of <cellXfs>. */
static void
add_cell_format (TlXlsxReader  *self,
                 const char   **names,
                 const char   **values)
{
  const char *id = lookup_attribute (names, values, "numFmtId", FALSE);
  guint64 number = 0;

  if (self->xf_formats->len >= MAX_CELL_FORMATS)
    return;
  if (id != NULL && !g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &number, NULL))
    number = 0;

  g_array_append_vals (self->xf_formats, &(guint) { number }, 1);
}

/* Turns the cell formats' number format ids into kinds. */
void
tl_xlsx_reader_classify_cell_formats (TlXlsxReader *self)
{
  g_array_set_size (self->xf_kinds, self->xf_formats->len);
  for (guint i = 0; i < self->xf_formats->len; i++)
    {
      guint id = g_array_index (self->xf_formats, guint, i);
      gpointer kind;

      if (g_hash_table_lookup_extended (self->custom_formats, GUINT_TO_POINTER (id), NULL, &kind))
        g_array_index (self->xf_kinds, guint8, i) = GPOINTER_TO_UINT (kind);
      else
        g_array_index (self->xf_kinds, guint8, i) = classify_builtin_format (id);
    }
}

/* Records what a <Relationship> of the workbook points to. */
static void
add_relationship (TlXlsxReader  *self,
                  const char   **names,
                  const char   **values)
{
  const char *id = lookup_attribute (names, values, "Id", FALSE);
  const char *type = lookup_attribute (names, values, "Type", FALSE);
  const char *target = lookup_attribute (names, values, "Target", FALSE);
  const char *mode = lookup_attribute (names, values, "TargetMode", FALSE);
  char **slot = NULL;

  /* An external target links to another file or address, so it is never read. */
  if (target == NULL || g_strcmp0 (mode, "External") == 0)
    return;

  if (id != NULL && self->sheet_id != NULL && strcmp (id, self->sheet_id) == 0)
    slot = &self->sheet_part;
  else if (type != NULL && g_str_has_suffix (type, "/sharedStrings"))
    slot = &self->strings_part;
  else if (type != NULL && g_str_has_suffix (type, "/styles"))
    slot = &self->styles_part;

  if (slot != NULL && *slot == NULL)
    *slot = resolve_target (target);
}

/* Decodes the _xHHHH_ escapes with which OOXML writes control characters
 * in text, such as _x000D_ for a carriage return and _x005F_ for "_". */
static void
decode_escapes (GString *text)
{
  gsize out = 0;

  if (strstr (text->str, "_x") == NULL)
    return;

  for (gsize in = 0; in < text->len;)
    {
      const char *p = text->str + in;

      if (in + 7 <= text->len && p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2])
          && g_ascii_isxdigit (p[3]) && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5])
          && p[6] == '_')
        {
          gunichar c = g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8
                       | g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              out += g_unichar_to_utf8 (c, text->str + out);
              in += 7;
              continue;
            }
        }
      text->str[out++] = text->str[in++];
    }

  g_string_truncate (text, out);
}

/* Stores the text of a finished <si> of the shared strings. */
static void
add_shared_string (TlXlsxReader *self)
{
  guint32 start = self->strings->len;

  decode_escapes (self->text);
  if (self->text_too_long || self->text->len > TL_CSV_MAX_FIELD)
    g_hash_table_add (self->long_strings, GUINT_TO_POINTER (self->string_starts->len));
  else
    g_byte_array_append (self->strings, (const guint8 *) self->text->str, self->text->len);
  g_byte_array_append (self->strings, (const guint8 *) "", 1);
  g_array_append_val (self->string_starts, start);
}

/* Marks the current row to be skipped and reported for @reason. */
static void
skip_row (TlXlsxReader *self,
          TlIssueKind   reason)
{
  if (self->skip_row)
    return;

  self->skip_row = TRUE;
  self->skip_reason = reason;
}

/* Reads a cell reference such as "C5" into a column from 0. The row part
 * must be a valid row number but is otherwise the row's own. */
static gboolean
parse_cell_reference (const char *reference,
                      guint      *column)
{
  const char *p = reference;
  guint64 value = 0;
  guint64 row;

  while (g_ascii_isalpha (*p) && p - reference < 4)
    value = value * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  if (p == reference || value > MAX_COLUMNS)
    return FALSE;
  if (!g_ascii_string_to_unsigned (p, 10, 1, MAX_ROWS, &row, NULL))
    return FALSE;

  *column = value - 1;

  return TRUE;
}

/* Starts a <row>, taking its number from r or from the previous row. */
static void
start_row (TlXlsxReader  *self,
           const char   **names,
           const char   **values)
{
  const char *number = lookup_attribute (names, values, "r", FALSE);
  guint64 line;

  g_byte_array_set_size (self->row_text, 0);
  g_array_set_size (self->cell_starts, 0);
  g_array_set_size (self->cell_lengths, 0);
  self->in_row = TRUE;
  self->skip_row = FALSE;
  self->next_column = 0;

  if (number == NULL)
    {
      self->row_line++;
      if (self->row_line > MAX_ROWS)
        skip_row (self, TL_ISSUE_ROW_TOO_LONG);
      return;
    }

  if (g_ascii_string_to_unsigned (number, 10, 1, MAX_ROWS, &line, NULL))
    self->row_line = line;
  else
    {
      /* A row number past the sheet's last row is reported as it is written. */
      if (g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT64, &line, NULL))
        self->row_line = line;
      else
        self->row_line++;
      skip_row (self, TL_ISSUE_ROW_TOO_LONG);
    }
}

/* Starts a <c>: its column from r or the previous cell, its type and format. */
static void
start_cell (TlXlsxReader  *self,
            const char   **names,
            const char   **values)
{
  const char *reference = lookup_attribute (names, values, "r", FALSE);
  const char *type = lookup_attribute (names, values, "t", FALSE);
  const char *style = lookup_attribute (names, values, "s", FALSE);
  guint64 index;

  g_string_truncate (self->text, 0);
  self->text_too_long = FALSE;
  self->cell_has_text = FALSE;

  self->column = self->next_column;
  if (reference != NULL && !parse_cell_reference (reference, &self->column))
    skip_row (self, TL_ISSUE_ROW_TOO_LONG);
  if (self->column >= MAX_COLUMNS)
    skip_row (self, TL_ISSUE_ROW_TOO_LONG);
  self->next_column = self->column + 1;

  if (type == NULL || strcmp (type, "n") == 0)
    self->cell_type = TL_XLSX_CELL_NUMBER;
  else if (strcmp (type, "s") == 0)
    self->cell_type = TL_XLSX_CELL_SHARED;
  else if (strcmp (type, "inlineStr") == 0)
    self->cell_type = TL_XLSX_CELL_INLINE;
  else if (strcmp (type, "str") == 0)
    self->cell_type = TL_XLSX_CELL_FORMULA_TEXT;
  else if (strcmp (type, "b") == 0)
    self->cell_type = TL_XLSX_CELL_BOOLEAN;
  else
    self->cell_type = TL_XLSX_CELL_OTHER;

  self->cell_kind = TL_XLSX_NUMBER_NUMBER;
  if (style != NULL && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT, &index, NULL)
      && index < self->xf_kinds->len)
    self->cell_kind = g_array_index (self->xf_kinds, guint8, index);
}

/* Writes a date or time serial number as ISO text into @buffer. Returns
 * FALSE when Excel shows no date for it either, as for negative serials. */
static gboolean
format_serial (double            serial,
               TlXlsxNumberKind  kind,
               gboolean          date1904,
               char             *buffer,
               gsize             size)
{
  gint64 seconds, days;
  GDate date;

  if (!(serial >= 0 && serial <= MAX_DATE_SERIAL + 1))
    return FALSE;

  seconds = llround (serial * 86400);
  days = seconds / 86400;
  if (kind == TL_XLSX_NUMBER_TIME)
    {
      g_snprintf (buffer, size, "%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600,
                  (int) (seconds / 60 % 60), (int) (seconds % 60));
      return TRUE;
    }

  g_date_clear (&date, 1);
  if (date1904)
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1904);
  else if (days == 0)
    return FALSE;                      /* Excel shows 1900-01-00 */
  else if (days == 60)
    {
      /* Excel counts 1900 as a leap year and shows serial 60 as 1900-02-29. */
      g_strlcpy (buffer, "1900-02-29", size);
      return TRUE;
    }
  else if (days < 60)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);

  g_date_add_days (&date, days);
  if (g_date_get_year (&date) > 9999)
    return FALSE;

  g_snprintf (buffer, size, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));

  return TRUE;
}

/* Writes a numeric cell's value as text into @buffer: a date or time when
 * its format shows one, else the number with up to 15 significant digits,
 * the precision Excel keeps. Returns NULL when the value is no number. */
static const char *
format_number (TlXlsxReader *self,
               const char   *value,
               char         *buffer,
               gsize         size)
{
  char *end;
  double number = g_ascii_strtod (value, &end);

  if (end == value || *end != '\0' || !isfinite (number))
    return NULL;

  if (self->cell_kind != TL_XLSX_NUMBER_NUMBER
      && format_serial (number, self->cell_kind, self->date1904, buffer, size))
    return buffer;

  if (number == 0)
    number = 0;                      /* no "-0" */

  return g_ascii_formatd (buffer, size, "%.15g", number);
}

/* Appends a cell's text to the row. */
static void
set_cell (TlXlsxReader *self,
          const char   *text,
          gsize         len)
{
  gsize start = self->row_text->len;

  if (self->skip_row || len == 0)
    return;

  if (len > TL_CSV_MAX_FIELD)
    {
      skip_row (self, TL_ISSUE_FIELD_TOO_LONG);
      return;
    }
  if (self->row_text->len + len + 1 > MAX_ROW_BYTES)
    {
      skip_row (self, TL_ISSUE_ROW_TOO_LONG);
      return;
    }

  g_byte_array_append (self->row_text, (const guint8 *) text, len);
  g_byte_array_append (self->row_text, (const guint8 *) "", 1);
  if (self->cell_starts->len <= self->column)
    {
      g_array_set_size (self->cell_starts, self->column + 1);
      g_array_set_size (self->cell_lengths, self->column + 1);
    }
  g_array_index (self->cell_starts, gsize, self->column) = start;
  g_array_index (self->cell_lengths, gsize, self->column) = len;
}

/* Looks up the shared string of a t="s" cell and sets it. */
static gboolean
set_shared_cell (TlXlsxReader  *self,
                 GError       **error)
{
  guint64 index;
  guint32 start, end;

  if (!g_ascii_string_to_unsigned (self->text->str, 10, 0, G_MAXUINT32 - 1, &index, NULL)
      || index >= self->string_starts->len)
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row_line);
      g_autofree char *detail = g_strdup_printf (_("row %s refers to a shared string that "
                                                   "does not exist"),
                                                 line);

      tl_xlsx_reader_set_damaged_error (error, detail);
      return FALSE;
    }

  if (g_hash_table_contains (self->long_strings, GUINT_TO_POINTER (index)))
    {
      skip_row (self, TL_ISSUE_FIELD_TOO_LONG);
      return TRUE;
    }

  start = g_array_index (self->string_starts, guint32, index);
  end = index + 1 < self->string_starts->len
        ? g_array_index (self->string_starts, guint32, index + 1) : self->strings->len;
  set_cell (self, (const char *) self->strings->data + start, end - start - 1);

  return TRUE;
}

/* Turns the finished cell's value into text as Excel shows it. */
static gboolean
end_cell (TlXlsxReader  *self,
          GError       **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *text = self->text->str;

  if (self->skip_row || !self->cell_has_text)
    return TRUE;
  if (self->text_too_long)
    {
      skip_row (self, TL_ISSUE_FIELD_TOO_LONG);
      return TRUE;
    }

  switch (self->cell_type)
    {
    case TL_XLSX_CELL_SHARED:
      return set_shared_cell (self, error);

    case TL_XLSX_CELL_NUMBER:
      text = format_number (self, self->text->str, buffer, sizeof buffer);
      if (text == NULL)
        text = self->text->str;
      break;

    case TL_XLSX_CELL_BOOLEAN:
      if (strcmp (self->text->str, "1") == 0)
        text = "TRUE";
      else if (strcmp (self->text->str, "0") == 0)
        text = "FALSE";
      break;

    case TL_XLSX_CELL_INLINE:
    case TL_XLSX_CELL_FORMULA_TEXT:
      decode_escapes (self->text);
      text = self->text->str;
      break;

    case TL_XLSX_CELL_OTHER:
    default:
      break;
    }

  set_cell (self, text, strlen (text));

  return TRUE;
}

/* Returns the number of columns up to the row's last non-empty cell. */
static guint
count_filled_columns (TlXlsxReader *self)
{
  guint n = self->cell_lengths->len;

  while (n > 0 && g_array_index (self->cell_lengths, gsize, n - 1) == 0)
    n--;

  return n;
}

/* Hands the finished row to the row callback. Each row is padded with empty
 * cells to the widest row so far, because a worksheet does not store the
 * empty cells at the end of a row as delimited text does. */
static gboolean
end_row (TlXlsxReader  *self,
         GError       **error)
{
  guint filled = count_filled_columns (self);
  TlCsvRow row;

  self->in_row = FALSE;
  if (self->skip_row)
    {
      if (self->report != NULL)
        tl_import_report_add (self->report, self->skip_reason, self->row_line, -1, NULL, 0);
      return TRUE;
    }
  if (filled == 0)
    return TRUE;

  self->widest = MAX (self->widest, filled);
  self->sheet_cells += self->widest;
  self->sheet_text += self->row_text->len;
  if (self->sheet_cells > MAX_SHEET_CELLS || self->sheet_text > MAX_SHEET_TEXT)
    {
      g_autofree char *line = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row_line);

      g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE,
                   _("The first worksheet is too large to read: by row %s it has more than "
                     "250 million cells or 1 GiB of text. Split the accounts into smaller "
                     "files."),
                   line);
      return FALSE;
    }

  g_ptr_array_set_size (self->row_cells, self->widest);
  g_array_set_size (self->row_lengths, self->widest);
  for (guint c = 0; c < self->widest; c++)
    {
      gsize len = c < filled ? g_array_index (self->cell_lengths, gsize, c) : 0;

      g_array_index (self->row_lengths, gsize, c) = len;
      self->row_cells->pdata[c] = len > 0
                                  ? (char *) self->row_text->data
                                    + g_array_index (self->cell_starts, gsize, c)
                                  : (char *) "";
    }

  row.cells = (const char * const *) self->row_cells->pdata;
  row.lengths = (const gsize *) (gpointer) self->row_lengths->data;
  row.n_cells = self->widest;
  row.line = self->row_line;

  return self->row_func (&row, self->user_data, error);
}

/* Acts on an element's start tag according to the part being parsed. */
static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  TlXlsxReader *self = user_data;
  Element element = lookup_element (element_name, self->part_kind);
  Element parent = ancestor (self, 0);

  if (self->stack->len >= MAX_DEPTH)
    {
      tl_xlsx_reader_set_damaged_error (error, _("its elements are nested too deeply"));
      return;
    }
  g_array_append_vals (self->stack, &(guint8) { element }, 1);

  switch (element)
    {
    case EL_WORKBOOK_PR:
      {
        const char *date1904 = lookup_attribute (names, values, "date1904", FALSE);

        self->date1904 = g_strcmp0 (date1904, "1") == 0 || g_strcmp0 (date1904, "true") == 0;
      }
      break;

    case EL_SHEET:
      if (parent == EL_SHEETS && self->sheet_id == NULL)
        self->sheet_id = g_strdup (lookup_attribute (names, values, "id", TRUE));
      break;

    case EL_RELATIONSHIP:
      add_relationship (self, names, values);
      break;

    case EL_NUM_FMT:
      if (parent == EL_NUM_FMTS)
        add_custom_format (self, names, values);
      break;

    case EL_XF:
      if (parent == EL_CELL_XFS)
        add_cell_format (self, names, values);
      break;

    case EL_SI:
      g_string_truncate (self->text, 0);
      self->text_too_long = FALSE;
      break;

    case EL_ROW:
      if (parent == EL_SHEET_DATA)
        start_row (self, names, values);
      break;

    case EL_C:
      if (parent == EL_ROW && self->in_row)
        start_cell (self, names, values);
      break;

    case EL_V:
    case EL_T:
      if (parent == EL_C || parent == EL_IS || ancestor (self, 2) == EL_IS)
        self->cell_has_text = TRUE;
      break;

    case EL_OTHER:
    case EL_SHEETS:
    case EL_NUM_FMTS:
    case EL_CELL_XFS:
    case EL_SST:
    case EL_R:
    case EL_IS:
    case EL_SHEET_DATA:
    default:
      break;
    }
}

/* Finishes a shared string, a cell or a row. */
static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  TlXlsxReader *self = user_data;
  Element element = ancestor (self, 0);
  Element parent = ancestor (self, 1);

  g_array_set_size (self->stack, self->stack->len - 1);

  if (element == EL_SI && parent == EL_SST)
    add_shared_string (self);
  else if (element == EL_C && parent == EL_ROW && self->in_row)
    end_cell (self, error);
  else if (element == EL_ROW && parent == EL_SHEET_DATA)
    end_row (self, error);
}

/* Keeps the text of a cell's <v>, and of the <t> of a string, directly or
 * in a rich text run <r>. The <t> of a phonetic run <rPh> is left out. */
static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  TlXlsxReader *self = user_data;
  Element element = ancestor (self, 0);
  Element parent = ancestor (self, 1);
  gboolean keep;

  if (element == EL_V)
    keep = parent == EL_C;
  else if (element == EL_T)
    keep = parent == EL_SI || parent == EL_IS
           || (parent == EL_R && (ancestor (self, 2) == EL_SI || ancestor (self, 2) == EL_IS));
  else
    keep = FALSE;

  if (!keep || self->text_too_long)
    return;

  if (self->text->len + len > TL_CSV_MAX_FIELD)
    {
      self->text_too_long = TRUE;
      return;
    }
  g_string_append_len (self->text, text, len);
}

/* Rejects a document type declaration: it could declare entities that
 * name other files or addresses. GMarkup itself never loads them. */
static void
passthrough_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 len,
                gpointer              user_data,
                GError              **error)
{
  TlXlsxReader *self = user_data;

  if (len >= 9 && (g_ascii_strncasecmp (text, "<!DOCTYPE", 9) == 0
                   || g_ascii_strncasecmp (text, "<!ENTITY", 8) == 0))
    g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_XLSX,
                 _("The workbook’s part “%s” contains a document type declaration "
                   "(DOCTYPE), which spreadsheets do not write and which can point to other "
                   "files, so the workbook is not read. Save it again from your spreadsheet, "
                   "or save it as CSV."),
                 self->part);
}

const GMarkupParser tl_xlsx_reader_part_parser = {
  start_element_cb,
  end_element_cb,
  text_cb,
  passthrough_cb,
  NULL,
};
