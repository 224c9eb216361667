/* test-xlsx-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-xlsx-reader"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "tl-document.h"
#include "tl-segmentation.h"
#include "tl-xlsx-reader.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PACKAGE_REL "http://schemas.openxmlformats.org/package/2006/relationships"

#define CONTENT_TYPES \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" \
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"

#define PACKAGE_RELS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<Relationships xmlns=\"" NS_PACKAGE_REL "\"><Relationship Id=\"rId1\" " \
  "Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

#define WORKBOOK \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>" \
  "<sheet name=\"Accounts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"

#define WORKBOOK_RELS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<Relationships xmlns=\"" NS_PACKAGE_REL "\">" \
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>" \
  "</Relationships>"

#define SHEET_START \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
#define SHEET_END "</sheetData></worksheet>"

static char *temp_dir;

/* The rows a read handed out, each as "LINE: cell|cell|cell". */
typedef struct
{
  GPtrArray      *rows;
  GArray         *widths;
  TlImportReport *report;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_clear_pointer (&result->widths, g_array_unref);
  g_clear_pointer (&result->report, tl_import_report_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
temp_path (const char *name)
{
  return g_build_filename (temp_dir, name, NULL);
}

static gboolean
collect_row_cb (const TlCsvRow *row,
                gpointer        user_data,
                GError        **error)
{
  Result *result = user_data;
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%" G_GUINT64_FORMAT ":", row->line);
  for (guint c = 0; c < row->n_cells; c++)
    {
      g_assert_cmpuint (strlen (row->cells[c]), ==, row->lengths[c]);
      g_string_append_printf (text, "%s%s", c > 0 ? "|" : " ", row->cells[c]);
    }
  g_ptr_array_add (result->rows, g_string_free (text, FALSE));
  g_array_append_val (result->widths, row->n_cells);

  return TRUE;
}

/* Reads @path into @result and returns what the reader returned. */
static gboolean
read_rows (const char  *path,
           Result      *result,
           GError     **error)
{
  result->rows = g_ptr_array_new_with_free_func (g_free);
  result->widths = g_array_new (FALSE, FALSE, sizeof (guint));
  result->report = tl_import_report_new ();

  return tl_xlsx_reader_read_file (path, collect_row_cb, result, result->report, NULL, NULL,
                                   NULL, error);
}

static const char *
row_text (const Result *result,
          guint         index)
{
  g_assert_cmpuint (index, <, result->rows->len);

  return g_ptr_array_index (result->rows, index);
}

/* Writes a zip archive of name and content pairs, ending with NULL. */
static char *
write_zip (const char         *file_name,
           const char * const *parts)
{
  char *path = temp_path (file_name);
  zip_t *zip;
  int code = 0;

  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (zip);
  for (guint i = 0; parts[i] != NULL; i += 2)
    {
      zip_source_t *source = zip_source_buffer (zip, parts[i + 1], strlen (parts[i + 1]), 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, parts[i], source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);

  return path;
}

/* Writes a workbook whose first worksheet has the rows @sheet_data. */
static char *
write_workbook (const char *file_name,
                const char *sheet_data,
                const char *strings,
                const char *styles)
{
  g_autofree char *sheet = g_strconcat (SHEET_START, sheet_data, SHEET_END, NULL);
  const char *parts[16] = {
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", PACKAGE_RELS,
    "xl/workbook.xml", WORKBOOK,
    "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
    "xl/worksheets/sheet1.xml", sheet,
  };
  guint n = 10;

  if (strings != NULL)
    {
      parts[n++] = "xl/sharedStrings.xml";
      parts[n++] = strings;
    }
  if (styles != NULL)
    {
      parts[n++] = "xl/styles.xml";
      parts[n++] = styles;
    }

  return write_zip (file_name, parts);
}

static void
assert_read_fails (const char *path,
                   GQuark      domain,
                   int         code,
                   const char *message_part)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (read_rows (path, &result, &error));
  g_assert_error (error, domain, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” not in the message “%s”", message_part, error->message);
  g_assert_cmpuint (result.rows->len, ==, 0);
}

/* Writes the test workbook with libxlsxwriter: with constant memory it
 * writes inline strings, else shared strings. */
static void
write_lxw_workbook (const char *path,
                    gboolean    constant_memory)
{
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Accounts");
  lxw_worksheet *notes = workbook_add_worksheet (workbook, "Notes");
  lxw_format *builtin_date = workbook_add_format (workbook);
  lxw_format *custom_date = workbook_add_format (workbook);
  lxw_format *time = workbook_add_format (workbook);
  lxw_format *money = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_rich_string_tuple first = { .format = bold, .string = "Bold" };
  lxw_rich_string_tuple second = { .format = NULL, .string = " tail" };
  lxw_rich_string_tuple *rich[] = { &first, &second, NULL };
  const char *headers[] = { "Account", "ARR", "Active", "Renewal", "Signed", "Call", "Notes" };

  format_set_num_format_index (builtin_date, 14);
  format_set_num_format (custom_date, "d mmm yyyy");
  format_set_num_format (time, "hh:mm");
  format_set_num_format (money, "#,##0.00 \"USD\"");
  format_set_bold (bold);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);

  worksheet_write_string (sheet, 1, 0, "Aster Freight", NULL);
  worksheet_write_number (sheet, 1, 1, 312000, NULL);
  worksheet_write_boolean (sheet, 1, 2, 1, NULL);
  worksheet_write_datetime (sheet, 1, 3, &(lxw_datetime) { 2027, 3, 15, 0, 0, 0 }, builtin_date);
  worksheet_write_datetime (sheet, 1, 4, &(lxw_datetime) { 2024, 2, 29, 0, 0, 0 }, custom_date);
  worksheet_write_number (sheet, 1, 5, 0.5, time);
  worksheet_write_string (sheet, 1, 6, "First & <last>", NULL);

  worksheet_write_string (sheet, 2, 0, "Basil Dental", NULL);
  worksheet_write_number (sheet, 2, 1, 0.1, NULL);
  worksheet_write_boolean (sheet, 2, 2, 0, NULL);
  worksheet_write_formula_str (sheet, 2, 6, "=\"x\"&\"y\"", NULL, "xy");

  /* Rows 4 and 5 are left out. */
  worksheet_write_string (sheet, 5, 0, "Cedar Analytics", NULL);
  worksheet_write_number (sheet, 5, 1, 1234.5678, money);
  worksheet_write_number (sheet, 5, 5, -3, NULL);
  worksheet_write_rich_string (sheet, 5, 6, rich, NULL);

  worksheet_write_string (sheet, 6, 0, "Dune Print", NULL);
  worksheet_write_number (sheet, 6, 1, 1e-7, NULL);

  worksheet_write_string (notes, 0, 0, "Not the first sheet", NULL);
  worksheet_write_number (notes, 1, 0, 99, NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
test_xlsx_reader_libxlsxwriter (gconstpointer data)
{
  gboolean constant_memory = GPOINTER_TO_INT (data);
  g_autofree char *path = temp_path (constant_memory ? "inline.xlsx" : "shared.xlsx");
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  write_lxw_workbook (path, constant_memory);
  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (result.rows->len, ==, 5);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: Account|ARR|Active|Renewal|Signed|Call|Notes");
  g_assert_cmpstr (row_text (&result, 1), ==,
                   "2: Aster Freight|312000|TRUE|2027-03-15|2024-02-29|12:00:00|First & <last>");
  g_assert_cmpstr (row_text (&result, 2), ==, "3: Basil Dental|0.1|FALSE||||xy");
  g_assert_cmpstr (row_text (&result, 3), ==, "6: Cedar Analytics|1234.5678||||-3|Bold tail");
  /* The row ends after B7 but is as wide as the rows above. */
  g_assert_cmpstr (row_text (&result, 4), ==, "7: Dune Print|1e-07|||||");
  g_assert_cmpuint (tl_import_report_get_n_issues (result.report), ==, 0);
  g_assert_cmpstr (tl_import_report_get_encoding (result.report), ==, "XLSX");
}

static void
test_xlsx_reader_first_sheet_not_sheet1 (gconstpointer data)
{
  const char *target = data;
  g_autofree char *rels = g_strdup_printf (
    "<Relationships xmlns=\"" NS_PACKAGE_REL "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\" Target=\"%s\"/>"
    "</Relationships>", target);
  const char *parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
    "<sheet name=\"Accounts\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"Old\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", rels,
    "xl/worksheets/sheet1.xml",
    SHEET_START "<row r=\"1\"><c t=\"inlineStr\"><is><t>wrong</t></is></c></row>" SHEET_END,
    "xl/worksheets/sheet2.xml",
    SHEET_START "<row r=\"1\"><c t=\"inlineStr\"><is><t>right</t></is></c></row>" SHEET_END,
    NULL,
  };
  g_autofree char *path = write_zip ("order.xlsx", parts);
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 1);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: right");
}

static void
test_xlsx_reader_prefixed_names (void)
{
  const char *parts[] = {
    "xl/workbook.xml",
    "<x:workbook xmlns:x=\"" NS_MAIN "\" xmlns:rel=\"" NS_REL "\"><x:sheets>"
    "<x:sheet name=\"A\" sheetId=\"1\" rel:id=\"rId7\"/></x:sheets></x:workbook>",
    "xl/_rels/workbook.xml.rels",
    "<Relationships xmlns=\"" NS_PACKAGE_REL "\">"
    "<Relationship Id=\"rId8\" Type=\"" NS_REL "/sharedStrings\" Target=\"text/strings.xml\"/>"
    "<Relationship Id=\"rId7\" Type=\"" NS_REL "/worksheet\" Target=\"./sheets/../data.xml\"/>"
    "</Relationships>",
    "xl/text/strings.xml",
    "<x:sst xmlns:x=\"" NS_MAIN "\" count=\"4\" uniqueCount=\"4\">"
    "<x:si><x:t>Plain</x:t></x:si>"
    "<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Rich</x:t></x:r>"
    "<x:r><x:t xml:space=\"preserve\"> text</x:t></x:r></x:si>"
    "<x:si><x:t>東京</x:t><x:rPh sb=\"0\" eb=\"2\"><x:t>トウキョウ</x:t></x:rPh>"
    "<x:phoneticPr fontId=\"1\"/></x:si>"
    "<x:si><x:t>Line_x000D_two &amp; _x005F_x0041_ &#x263A;</x:t></x:si>"
    "</x:sst>",
    "xl/data.xml",
    "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:dimension ref=\"A1:D4\"/><x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
    "<x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c>"
    "<x:c r=\"C1\" t=\"s\"><x:v>2</x:v></x:c><x:c r=\"D1\" t=\"s\"><x:v>3</x:v></x:c></x:row>"
    "<x:row r=\"3\"><x:c r=\"A3\" t=\"e\"><x:v>#N/A</x:v></x:c>"
    "<x:c t=\"e\"><x:v>#DIV/0!</x:v></x:c>"
    "<x:c t=\"inlineStr\"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t></x:r></x:is></x:c>"
    "<x:c r=\"D3\" t=\"str\"><x:f>A1&amp;\"!\"</x:f><x:v>Plain!</x:v></x:c></x:row>"
    "<x:row><x:c r=\"C4\"><x:v>42</x:v></x:c></x:row>"
    "</x:sheetData><x:mergeCells count=\"0\"/></x:worksheet>",
    NULL,
  };
  g_autofree char *path = write_zip ("prefixed.xlsx", parts);
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 3);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: Plain|Rich text|東京|Line\rtwo & _x0041_ ☺");
  g_assert_cmpstr (row_text (&result, 1), ==, "3: #N/A|#DIV/0!|inline|Plain!");
  g_assert_cmpstr (row_text (&result, 2), ==, "4: ||42|");
}

/* Number formats: 0 General, then built-in and custom ones by index. */
#define STYLES \
  "<styleSheet xmlns=\"" NS_MAIN "\"><numFmts count=\"7\">" \
  "<numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/>" \
  "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>" \
  "<numFmt numFmtId=\"166\" formatCode=\"mm:ss\"/>" \
  "<numFmt numFmtId=\"167\" formatCode=\"#,##0 &quot;days&quot;\"/>" \
  "<numFmt numFmtId=\"168\" formatCode=\"[Red][&lt;0]0;0\"/>" \
  "<numFmt numFmtId=\"169\" formatCode=\"mmm yy\"/>" \
  "<numFmt numFmtId=\"170\" formatCode=\"[$-409]d\\ mmmm;@\"/>" \
  "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>" \
  "<cellXfs count=\"12\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>" \
  "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"168\"/>" \
  "<xf numFmtId=\"169\"/><xf numFmtId=\"22\"/><xf numFmtId=\"20\"/><xf numFmtId=\"170\"/>" \
  "<xf numFmtId=\"4\"/></cellXfs></styleSheet>"

/* A number, its cell format and the text the reader gives. */
static const struct
{
  const char *value;
  int         style;
  const char *expected;
} number_cases[] = {
  { "1", 1, "1900-01-01" },
  { "59", 1, "1900-02-28" },
  { "60", 1, "1900-02-29" },     /* Excel's day that does not exist */
  { "61", 1, "1900-03-01" },
  { "45366", 2, "2024-03-15" },
  { "45366.75", 8, "2024-03-15" },
  { "45366.9999999", 1, "2024-03-16" },
  { "2958465", 1, "9999-12-31" },
  { "2958466", 1, "2958466" },
  { "0", 1, "0" },
  { "-1", 1, "-1" },
  { "1.5", 3, "36:00:00" },
  { "0.000694444444444444", 4, "0:01:00" },
  { "0.5", 9, "12:00:00" },
  { "12", 5, "12" },
  { "-5", 6, "-5" },
  { "45366", 7, "2024-03-15" },
  { "45366", 10, "2024-03-15" },
  { "1234.5", 11, "1234.5" },
  { "45366", 99, "45366" },
  { "0.1", 0, "0.1" },
  { "0.30000000000000004", 0, "0.3" },
  { "1E+20", 0, "1e+20" },
  { "-0", 0, "0" },
  { "123456789012345678", 0, "1.23456789012346e+17" },
  { "12abc", 0, "12abc" },
};

static void
test_xlsx_reader_numbers_and_dates (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\" s=\"%d\"><v>%s</v></c></row>",
                            i + 1, i + 1, number_cases[i].style, number_cases[i].value);
  path = write_workbook ("numbers.xlsx", rows->str, NULL, STYLES);

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, G_N_ELEMENTS (number_cases));
  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u: %s", i + 1, number_cases[i].expected);

      g_assert_cmpstr (row_text (&result, i), ==, expected);
    }
}

static void
test_xlsx_reader_date1904 (void)
{
  const char *parts[] = {
    "xl/workbook.xml",
    "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><workbookPr date1904=\"1\"/>"
    "<sheets><sheet name=\"Accounts\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
    "xl/styles.xml", STYLES,
    "xl/worksheets/sheet1.xml",
    SHEET_START "<row r=\"1\"><c s=\"1\"><v>0</v></c><c s=\"1\"><v>43904</v></c></row>" SHEET_END,
    NULL,
  };
  g_autofree char *path = write_zip ("date1904.xlsx", parts);
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 1);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: 1904-01-01|2024-03-15");
}

static guint
count_issues_at (TlImportReport *report,
                 TlIssueKind     kind,
                 guint64         line)
{
  guint n = 0;

  for (guint i = 0; i < tl_import_report_get_n_stored (report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (report, i);

      n += issue->kind == kind && issue->line == line;
    }

  return n;
}

static void
test_xlsx_reader_sheet_bounds (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *bars = NULL;
  g_autofree char *last = NULL;
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_string_append (rows, "<row r=\"1\"><c t=\"inlineStr\"><is><t>kept</t></is></c></row>"
                         "<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>"
                         "<row r=\"3\"><c r=\"B3\"><v>3</v></c></row>"
                         "<row r=\"1048577\"><c r=\"A1048577\"><v>4</v></c></row>"
                         "<row r=\"5\"><c r=\"A1048577\"><v>5</v></c></row>"
                         "<row r=\"6\"><c r=\"1A\"><v>6</v></c></row>"
                         "<row r=\"7\">");
  for (guint c = 0; c <= 16384; c++)
    g_string_append (rows, "<c><v>7</v></c>");
  g_string_append (rows, "</row><row r=\"8\"><c r=\"XFD8\"><v>8</v></c></row>");
  path = write_workbook ("bounds.xlsx", rows->str, NULL, NULL);

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 3);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: kept");
  g_assert_cmpstr (row_text (&result, 1), ==, "3: |3");
  g_assert_cmpuint (g_array_index (result.widths, guint, 2), ==, 16384);
  bars = g_strnfill (16383, '|');
  last = g_strconcat ("8: ", bars, "8", NULL);
  g_assert_cmpstr (row_text (&result, 2), ==, last);

  g_assert_cmpuint (tl_import_report_count_kind (result.report, TL_ISSUE_ROW_TOO_LONG), ==, 5);
  g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_ROW_TOO_LONG, 2), ==, 1);
  g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_ROW_TOO_LONG, 1048577), ==, 1);
  g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_ROW_TOO_LONG, 5), ==, 1);
  g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_ROW_TOO_LONG, 6), ==, 1);
  g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_ROW_TOO_LONG, 7), ==, 1);
}

/* Returns @len random letters, which deflate far less than 200 to 1. */
static char *
random_letters (gsize len)
{
  char *text = g_malloc (len + 1);

  for (gsize i = 0; i < len; i++)
    text[i] = 'a' + g_random_int_range (0, 26);
  text[len] = '\0';

  return text;
}

static void
test_xlsx_reader_long_field (void)
{
  g_autofree char *long_text = random_letters (1024 * 1024 + 1);
  g_autofree char *strings = g_strdup_printf ("<sst xmlns=\"" NS_MAIN "\"><si><t>short</t></si>"
                                              "<si><t>%s</t></si></sst>", long_text);
  g_autofree char *rows = g_strdup_printf (
    "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"
    "<row r=\"2\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
    "<row r=\"3\"><c t=\"inlineStr\"><is><t>%s</t></is></c></row>"
    "<row r=\"4\"><c t=\"str\"><v>%s</v></c></row>"
    "<row r=\"5\"><c t=\"s\"><v>0</v></c></row>", long_text, long_text);
  g_autofree char *path = write_workbook ("long.xlsx", rows, strings, NULL);
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 2);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: short");
  g_assert_cmpstr (row_text (&result, 1), ==, "5: short");
  g_assert_cmpuint (tl_import_report_count_kind (result.report, TL_ISSUE_FIELD_TOO_LONG), ==, 3);
  for (guint64 line = 2; line <= 4; line++)
    g_assert_cmpuint (count_issues_at (result.report, TL_ISSUE_FIELD_TOO_LONG, line), ==, 1);
}

static void
test_xlsx_reader_missing_shared_string (void)
{
  g_autofree char *path = write_workbook ("missing-string.xlsx",
                                          "<row r=\"1\"><c t=\"s\"><v>1</v></c></row>",
                                          "<sst xmlns=\"" NS_MAIN "\"><si><t>a</t></si></sst>",
                                          NULL);

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "shared string");
}

/* A socket on the loopback address that no read may connect to. */
static GSocket *
listen_on_loopback (guint16 *port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  g_assert_no_error (error);
  g_socket_set_blocking (socket, FALSE);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  return socket;
}

static void
test_xlsx_reader_doctype (gconstpointer data)
{
  const char *part = data;
  g_autofree char *secret = temp_path ("secret.txt");
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doctype = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *path = NULL;
  guint16 port;

  g_assert_true (g_file_set_contents (secret, "SECRET", -1, NULL));
  socket = listen_on_loopback (&port);
  doctype = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY secret SYSTEM "
                             "\"file://%s\"><!ENTITY remote SYSTEM \"http://127.0.0.1:%u/\">]>",
                             secret, port);
  strings = g_strdup_printf ("%s<sst xmlns=\"" NS_MAIN "\"><si><t>&secret;&remote;</t></si></sst>",
                             strcmp (part, "strings") == 0 ? doctype : "");
  workbook = g_strconcat (strcmp (part, "workbook") == 0 ? doctype : "",
                          WORKBOOK + strlen ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), NULL);
  path = write_zip ("doctype.xlsx", (const char *[]) {
    "xl/workbook.xml", workbook,
    "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
    "xl/sharedStrings.xml", strings,
    "xl/worksheets/sheet1.xml", SHEET_START "<row><c t=\"s\"><v>0</v></c></row>" SHEET_END,
    NULL,
  });

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "DOCTYPE");

  client = g_socket_accept (socket, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
  g_assert_null (client);
}

/* Sets the uncompressed size of @name in the zip at @path, in its local
 * header and in the central directory, to @size. */
static void
patch_declared_size (const char *path,
                     const char *name,
                     guint32     size)
{
  g_autofree char *data = NULL;
  gsize len, name_len = strlen (name);
  guint patched = 0;
  guint32 le = GUINT32_TO_LE (size);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize i = 0; i + 46 + name_len <= len; i++)
    {
      if (memcmp (data + i, "PK\3\4", 4) == 0 && memcmp (data + i + 30, name, name_len) == 0)
        memcpy (data + i + 22, &le, 4), patched++;
      else if (memcmp (data + i, "PK\1\2", 4) == 0 && memcmp (data + i + 46, name, name_len) == 0)
        memcpy (data + i + 24, &le, 4), patched++;
    }
  g_assert_cmpuint (patched, ==, 2);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
test_xlsx_reader_zip_bomb_ratio (void)
{
  gsize size = 30 * 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (size);
  g_autofree char *path = temp_path ("ratio.xlsx");
  zip_t *zip;
  int code = 0;

  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (zip);
  zip_file_add (zip, "xl/workbook.xml", zip_source_buffer (zip, WORKBOOK, strlen (WORKBOOK), 0), 0);
  zip_file_add (zip, "xl/_rels/workbook.xml.rels",
                zip_source_buffer (zip, WORKBOOK_RELS, strlen (WORKBOOK_RELS), 0), 0);
  zip_file_add (zip, "xl/worksheets/sheet1.xml", zip_source_buffer (zip, zeros, size, 0), 0);
  g_assert_cmpint (zip_close (zip), ==, 0);

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE, "zip bomb");
}

static void
test_xlsx_reader_zip_bomb_declared_size (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *path = NULL;

  for (guint r = 1; r <= 20000; r++)
    g_string_append_printf (rows, "<row r=\"%u\"><c><v>%u</v></c></row>", r, g_random_int ());

  /* The part inflates to more than it declares. */
  path = write_workbook ("understated.xlsx", rows->str, NULL, NULL);
  patch_declared_size (path, "xl/worksheets/sheet1.xml", 1000);
  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE, "more bytes than it declares");
  g_clear_pointer (&path, g_free);

  /* The part declares more than the limit. */
  path = write_workbook ("overstated.xlsx", rows->str, NULL, NULL);
  patch_declared_size (path, "xl/worksheets/sheet1.xml", 600u * 1024 * 1024);
  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE, "larger than 512 MiB");
}

/* Writes a workbook with @n_entries entries in all. */
static char *
write_many_entries (const char *file_name,
                    guint       n_entries)
{
  char *path = temp_path (file_name);
  const char *sheet = SHEET_START "<row><c><v>1</v></c></row>" SHEET_END;
  zip_t *zip;
  int code = 0;

  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (zip);
  zip_file_add (zip, "xl/workbook.xml", zip_source_buffer (zip, WORKBOOK, strlen (WORKBOOK), 0), 0);
  zip_file_add (zip, "xl/_rels/workbook.xml.rels",
                zip_source_buffer (zip, WORKBOOK_RELS, strlen (WORKBOOK_RELS), 0), 0);
  zip_file_add (zip, "xl/worksheets/sheet1.xml",
                zip_source_buffer (zip, sheet, strlen (sheet), 0), 0);
  for (guint i = 3; i < n_entries; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/media/empty%u.bin", i);

      g_assert_cmpint (zip_file_add (zip, name, zip_source_buffer (zip, NULL, 0, 0), 0), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);

  return path;
}

static void
test_xlsx_reader_entry_limit (void)
{
  g_autofree char *at_limit = write_many_entries ("10000.xlsx", TL_XLSX_MAX_ENTRIES);
  g_autofree char *over_limit = write_many_entries ("10001.xlsx", TL_XLSX_MAX_ENTRIES + 1);
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (at_limit, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 1);

  assert_read_fails (over_limit, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE, "10001 entries");
}

static void
test_xlsx_reader_encrypted_entry (void)
{
  const char *sheet = SHEET_START "<row><c><v>1</v></c></row>" SHEET_END;
  g_autofree char *path = temp_path ("encrypted.xlsx");
  zip_int64_t index;
  zip_t *zip;
  int code = 0;

  if (!zip_encryption_method_supported (ZIP_EM_AES_256, 1))
    {
      g_test_skip ("this libzip cannot write AES encryption");
      return;
    }

  zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &code);
  g_assert_nonnull (zip);
  zip_file_add (zip, "xl/workbook.xml", zip_source_buffer (zip, WORKBOOK, strlen (WORKBOOK), 0), 0);
  zip_file_add (zip, "xl/_rels/workbook.xml.rels",
                zip_source_buffer (zip, WORKBOOK_RELS, strlen (WORKBOOK_RELS), 0), 0);
  index = zip_file_add (zip, "xl/worksheets/sheet1.xml",
                        zip_source_buffer (zip, sheet, strlen (sheet), 0), 0);
  g_assert_cmpint (zip_file_set_encryption (zip, index, ZIP_EM_AES_256, "password"), ==, 0);
  g_assert_cmpint (zip_close (zip), ==, 0);

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_ENCRYPTED, "password");
}

static void
test_xlsx_reader_truncated (void)
{
  g_autofree char *whole = temp_path ("whole.xlsx");
  g_autofree char *half = temp_path ("half.xlsx");
  g_autofree char *data = NULL;
  gsize len;

  write_lxw_workbook (whole, FALSE);
  g_assert_true (g_file_get_contents (whole, &data, &len, NULL));
  g_assert_true (g_file_set_contents (half, data, len / 2, NULL));

  g_assert_true (tl_xlsx_reader_is_spreadsheet (half));
  assert_read_fails (half, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "damaged or incomplete");
}

static void
test_xlsx_reader_xls_signature (void)
{
  g_autofree char *path = temp_path ("old.xls");
  char data[512] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, sizeof data, NULL));
  g_assert_true (tl_xlsx_reader_is_spreadsheet (path));
  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "(.xlsx)");

  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_XLSX);
  g_assert_null (doc);
}

static void
test_xlsx_reader_zip_not_workbook (void)
{
  g_autofree char *path = write_zip ("photos.zip", (const char *[]) {
    "notes.txt", "hello", "xl/worksheets/sheet1.xml", SHEET_START SHEET_END, NULL });
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_BINARY, "not an Excel workbook");

  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_error (error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY);
  g_assert_null (doc);
}

static void
test_xlsx_reader_sheet_target_rejected (gconstpointer data)
{
  const char *relationship = data;
  g_autofree char *rels = g_strdup_printf ("<Relationships xmlns=\"" NS_PACKAGE_REL "\">%s"
                                           "</Relationships>", relationship);
  g_autofree char *path = write_zip ("target.xlsx", (const char *[]) {
    "xl/workbook.xml", WORKBOOK,
    "xl/_rels/workbook.xml.rels", rels,
    "xl/worksheets/sheet1.xml", SHEET_START "<row><c><v>1</v></c></row>" SHEET_END,
    NULL,
  });

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "first worksheet is not found");
}

static void
test_xlsx_reader_invalid_xml (void)
{
  g_autofree char *path = write_zip ("invalid.xlsx", (const char *[]) {
    "xl/workbook.xml", WORKBOOK,
    "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
    "xl/worksheets/sheet1.xml", SHEET_START "<row><c><v>1</v></c>" SHEET_END,
    NULL,
  });

  assert_read_fails (path, TL_CSV_ERROR, TL_CSV_ERROR_XLSX, "not valid XML");
}

static void
test_xlsx_reader_byte_order_mark (void)
{
  g_autofree char *path = write_zip ("bom.xlsx", (const char *[]) {
    "xl/workbook.xml", "\xef\xbb\xbf" WORKBOOK,
    "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
    "xl/worksheets/sheet1.xml", "\xef\xbb\xbf" SHEET_START "<row><c><v>1</v></c></row>" SHEET_END,
    NULL,
  });
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (read_rows (path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.rows->len, ==, 1);
  g_assert_cmpstr (row_text (&result, 0), ==, "1: 1");
}

static void
record_progress_cb (double   fraction,
                    gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static gboolean
stop_row_cb (const TlCsvRow *row,
             gpointer        user_data,
             GError        **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stopped by the test");

  return FALSE;
}

static void
test_xlsx_reader_progress_cancel_stop (void)
{
  g_autofree char *path = temp_path ("progress.xlsx");
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;

  write_lxw_workbook (path, FALSE);
  result.rows = g_ptr_array_new_with_free_func (g_free);
  result.widths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_assert_true (tl_xlsx_reader_read_file (path, collect_row_cb, &result, NULL, NULL,
                                           record_progress_cb, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >, 0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_assert_false (tl_xlsx_reader_read_file (path, stop_row_cb, NULL, NULL, NULL, NULL, NULL,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (tl_xlsx_reader_read_file (path, collect_row_cb, &result, NULL, cancellable,
                                            NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The workbook that copy_row_cb() writes. */
typedef struct
{
  lxw_worksheet *sheet;
  lxw_format    *date;
} Copy;

/* Copies a row of delimited text to the workbook: numbers as numbers, ISO
 * dates as dates and the rest as strings. */
static gboolean
copy_row_cb (const TlCsvRow *row,
             gpointer        user_data,
             GError        **error)
{
  Copy *copy = user_data;
  lxw_row_t r = row->line - 1;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const char *text = row->cells[c];
      char *number_end;
      double number = g_ascii_strtod (text, &number_end);
      int year, month, day, used = 0;

      if (row->lengths[c] == 0)
        continue;
      if (number_end != text && *number_end == '\0')
        worksheet_write_number (copy->sheet, r, c, number, NULL);
      else if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &used) == 3
               && used == (int) row->lengths[c])
        worksheet_write_datetime (copy->sheet, r, c,
                                  &(lxw_datetime) { year, month, day, 0, 0, 0 }, copy->date);
      else
        worksheet_write_string (copy->sheet, r, c, text, NULL);
    }

  return TRUE;
}

/* Writes the sample accounts file as a workbook at @path. */
static void
write_sample_workbook (const char *csv_path,
                       const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  Copy copy = { workbook_add_worksheet (workbook, NULL), workbook_add_format (workbook) };
  g_autoptr(TlCsvReader) reader = tl_csv_reader_new (copy_row_cb, &copy, NULL);
  g_autoptr(GError) error = NULL;

  format_set_num_format (copy.date, "yyyy-mm-dd");
  g_assert_true (tl_csv_reader_read_file (reader, csv_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static TlDocument *
read_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&doc);
}

/* Asserts that a cell of the workbook shows the CSV cell @expected: the
 * same text, or for a number the same value, as "5" for "5.0". */
static void
assert_same_cell (const char *actual,
                  const char *expected)
{
  char *end;
  double number = g_ascii_strtod (expected, &end);

  if (end != expected && *end == '\0')
    g_assert_cmpfloat (g_ascii_strtod (actual, NULL), ==, number);
  else
    g_assert_cmpstr (actual, ==, expected);
}

static void
test_xlsx_reader_document_matches_csv (void)
{
  g_autofree char *csv_path = g_build_filename (g_getenv ("TIERLINE_SAMPLE_DIR"),
                                                "accounts.csv", NULL);
  g_autofree char *xlsx_path = temp_path ("accounts.xlsx");
  g_autoptr(TlDocument) csv = NULL;
  g_autoptr(TlDocument) xlsx = NULL;
  const TlAccountTable *csv_table, *xlsx_table;
  const TlSegmentation *csv_seg, *xlsx_seg;
  TlImportReport *csv_report, *xlsx_report;
  guint n_rows;

  write_sample_workbook (csv_path, xlsx_path);
  csv = read_document (csv_path);
  xlsx = read_document (xlsx_path);
  csv_table = tl_document_get_table (csv);
  xlsx_table = tl_document_get_table (xlsx);
  csv_seg = tl_document_get_segmentation (csv);
  xlsx_seg = tl_document_get_segmentation (xlsx);

  n_rows = tl_account_table_get_n_rows (csv_table);
  g_assert_cmpuint (n_rows, >=, 100);
  g_assert_cmpuint (tl_account_table_get_n_rows (xlsx_table), ==, n_rows);
  g_assert_cmpuint (tl_account_table_get_n_columns (xlsx_table), ==,
                    tl_account_table_get_n_columns (csv_table));
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert_cmpuint (tl_account_table_get_line (xlsx_table, r), ==,
                        tl_account_table_get_line (csv_table, r));
      g_assert_cmpstr (tl_account_table_get_display_name (xlsx_table, r), ==,
                       tl_account_table_get_display_name (csv_table, r));
      for (guint c = 0; c < tl_account_table_get_n_columns (csv_table); c++)
        assert_same_cell (tl_account_table_get_cell (xlsx_table, r, c),
                          tl_account_table_get_cell (csv_table, r, c));
      for (TlField f = 0; f < TL_N_FIELDS; f++)
        {
          double expected = tl_account_table_get_value (csv_table, f, r);
          double actual = tl_account_table_get_value (xlsx_table, f, r);

          g_assert_true ((isnan (expected) && isnan (actual)) || expected == actual);
        }
      g_assert_cmpuint (xlsx_seg->tier[r], ==, csv_seg->tier[r]);
      g_assert_cmpuint (xlsx_seg->health[r], ==, csv_seg->health[r]);
      g_assert_cmpuint (xlsx_seg->expansion[r], ==, csv_seg->expansion[r]);
    }
  for (guint t = 0; t <= TL_N_TIERS; t++)
    g_assert_cmpuint (xlsx_seg->tiers[t].accounts, ==, csv_seg->tiers[t].accounts);
  g_assert_cmpfloat (xlsx_seg->total_arr, ==, csv_seg->total_arr);

  /* The report names the same rows, by the same line numbers. */
  csv_report = tl_document_get_report (csv);
  xlsx_report = tl_document_get_report (xlsx);
  g_assert_cmpstr (tl_import_report_get_encoding (xlsx_report), ==, "XLSX");
  g_assert_cmpuint (tl_import_report_get_n_stored (xlsx_report), ==,
                    tl_import_report_get_n_stored (csv_report));
  g_assert_cmpuint (tl_import_report_get_n_stored (xlsx_report), >, 0);
  for (guint i = 0; i < tl_import_report_get_n_stored (csv_report); i++)
    {
      g_autofree char *expected = tl_import_report_describe (csv_report, i);
      g_autofree char *actual = tl_import_report_describe (xlsx_report, i);

      g_assert_cmpstr (actual, ==, expected);
    }
}

/* Deletes the files the tests wrote and their folder. */
static void
remove_temp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (temp_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = temp_path (name);

      g_unlink (path);
    }
  g_rmdir (temp_dir);
  g_clear_pointer (&temp_dir, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  temp_dir = g_dir_make_tmp ("tierline-xlsx-XXXXXX", NULL);

  g_test_add_data_func ("/tierline/xlsx-reader/shared-strings", GINT_TO_POINTER (FALSE),
                        test_xlsx_reader_libxlsxwriter);
  g_test_add_data_func ("/tierline/xlsx-reader/inline-strings", GINT_TO_POINTER (TRUE),
                        test_xlsx_reader_libxlsxwriter);
  g_test_add_data_func ("/tierline/xlsx-reader/first-sheet/relative-target",
                        "worksheets/sheet2.xml", test_xlsx_reader_first_sheet_not_sheet1);
  g_test_add_data_func ("/tierline/xlsx-reader/first-sheet/absolute-target",
                        "/xl/worksheets/sheet2.xml", test_xlsx_reader_first_sheet_not_sheet1);
  g_test_add_func ("/tierline/xlsx-reader/prefixed-names", test_xlsx_reader_prefixed_names);
  g_test_add_func ("/tierline/xlsx-reader/numbers-and-dates", test_xlsx_reader_numbers_and_dates);
  g_test_add_func ("/tierline/xlsx-reader/date1904", test_xlsx_reader_date1904);
  g_test_add_func ("/tierline/xlsx-reader/sheet-bounds", test_xlsx_reader_sheet_bounds);
  g_test_add_func ("/tierline/xlsx-reader/long-field", test_xlsx_reader_long_field);
  g_test_add_func ("/tierline/xlsx-reader/missing-shared-string",
                   test_xlsx_reader_missing_shared_string);
  g_test_add_data_func ("/tierline/xlsx-reader/doctype/shared-strings", "strings",
                        test_xlsx_reader_doctype);
  g_test_add_data_func ("/tierline/xlsx-reader/doctype/workbook", "workbook",
                        test_xlsx_reader_doctype);
  g_test_add_func ("/tierline/xlsx-reader/zip-bomb/ratio", test_xlsx_reader_zip_bomb_ratio);
  g_test_add_func ("/tierline/xlsx-reader/zip-bomb/declared-size",
                   test_xlsx_reader_zip_bomb_declared_size);
  g_test_add_func ("/tierline/xlsx-reader/entry-limit", test_xlsx_reader_entry_limit);
  g_test_add_func ("/tierline/xlsx-reader/encrypted-entry", test_xlsx_reader_encrypted_entry);
  g_test_add_func ("/tierline/xlsx-reader/truncated", test_xlsx_reader_truncated);
  g_test_add_func ("/tierline/xlsx-reader/xls-signature", test_xlsx_reader_xls_signature);
  g_test_add_func ("/tierline/xlsx-reader/zip-not-workbook", test_xlsx_reader_zip_not_workbook);
  g_test_add_data_func ("/tierline/xlsx-reader/sheet-target/outside-archive",
                        "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
                        "Target=\"../../../etc/passwd\"/>",
                        test_xlsx_reader_sheet_target_rejected);
  g_test_add_data_func ("/tierline/xlsx-reader/sheet-target/external",
                        "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" "
                        "Target=\"http://127.0.0.1:9/sheet1.xml\" TargetMode=\"External\"/>",
                        test_xlsx_reader_sheet_target_rejected);
  g_test_add_func ("/tierline/xlsx-reader/invalid-xml", test_xlsx_reader_invalid_xml);
  g_test_add_func ("/tierline/xlsx-reader/byte-order-mark", test_xlsx_reader_byte_order_mark);
  g_test_add_func ("/tierline/xlsx-reader/progress-cancel-stop",
                   test_xlsx_reader_progress_cancel_stop);
  g_test_add_func ("/tierline/xlsx-reader/document-matches-csv",
                   test_xlsx_reader_document_matches_csv);

  status = g_test_run ();
  remove_temp_dir ();

  return status;
}
