/* test-csv-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv-reader"

#include <string.h>

#include "tl-csv-reader.h"

/* The reader keeps input back until it has 64 KiB to detect the encoding and
 * the delimiter from, so inputs that test chunk boundaries are padded past
 * that size and keep their hard parts after it. */
#define PAST_DETECTION (72 * 1024)

#define REPLACEMENT_CHARACTER "\xef\xbf\xbd"

/* The rows a reader delivered, copied out of the callback. */
typedef struct
{
  GPtrArray *rows;    /* of GStrv */
  GArray    *lines;   /* guint64 */
  guint      fail_at; /* 1-based row at which the callback fails, or 0 */
} Collected;

static Collected *
collected_new (void)
{
  Collected *c = g_new0 (Collected, 1);

  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  c->lines = g_array_new (FALSE, FALSE, sizeof (guint64));

  return c;
}

static void
collected_free (Collected *c)
{
  g_ptr_array_unref (c->rows);
  g_array_unref (c->lines);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Collected, collected_free)

static gboolean
collect_row (const TlCsvRow *row,
             gpointer        user_data,
             GError        **error)
{
  Collected *c = user_data;
  char **cells = g_new0 (char *, row->n_cells + 1);

  if (c->fail_at != 0 && c->rows->len + 1 == c->fail_at)
    {
      g_strfreev (cells);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped by the test");
      return FALSE;
    }

  for (guint i = 0; i < row->n_cells; i++)
    {
      /* The cell must be NUL-terminated at its length. */
      g_assert_cmpint (row->cells[i][row->lengths[i]], ==, '\0');
      cells[i] = g_strndup (row->cells[i], row->lengths[i]);
    }
  g_ptr_array_add (c->rows, cells);
  g_array_append_val (c->lines, row->line);

  return TRUE;
}

static const char * const *
row_cells (Collected *c,
           guint      row)
{
  g_assert_cmpuint (row, <, c->rows->len);

  return g_ptr_array_index (c->rows, row);
}

static guint
row_n_cells (Collected *c,
             guint      row)
{
  return g_strv_length ((char **) row_cells (c, row));
}

static guint64
row_line (Collected *c,
          guint      row)
{
  g_assert_cmpuint (row, <, c->lines->len);

  return g_array_index (c->lines, guint64, row);
}

/* The result of one read: rows, issues, delimiter and encoding. */
typedef struct
{
  Collected      *collected;
  TlImportReport *report;
  char            delimiter;
  char           *encoding;
  gboolean        ok;
  GError         *error;
} ReadResult;

static void
read_result_free (ReadResult *r)
{
  collected_free (r->collected);
  tl_import_report_free (r->report);
  g_free (r->encoding);
  g_clear_error (&r->error);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadResult, read_result_free)

/* Feeds @len bytes in pieces of @chunk bytes (all at once when 0), then
 * finishes the input. */
static ReadResult *
read_bytes_full (const char *data,
                 gsize       len,
                 gsize       chunk,
                 guint       fail_at)
{
  ReadResult *r = g_new0 (ReadResult, 1);
  g_autoptr(TlCsvReader) reader = NULL;
  gsize done = 0;

  r->collected = collected_new ();
  r->collected->fail_at = fail_at;
  r->report = tl_import_report_new ();
  reader = tl_csv_reader_new (collect_row, r->collected, r->report);

  if (chunk == 0)
    chunk = MAX (len, 1);

  r->ok = TRUE;
  while (r->ok && done < len)
    {
      gsize n = MIN (chunk, len - done);

      r->ok = tl_csv_reader_feed (reader, data + done, n, &r->error);
      done += n;
    }
  if (r->ok)
    r->ok = tl_csv_reader_finish (reader, &r->error);

  r->delimiter = tl_csv_reader_get_delimiter (reader);
  r->encoding = g_strdup (tl_csv_reader_get_encoding (reader));

  return r;
}

static ReadResult *
read_bytes (const char *data,
            gsize       len)
{
  return read_bytes_full (data, len, 0, 0);
}

static ReadResult *
read_text (const char *text)
{
  return read_bytes (text, strlen (text));
}

static void
assert_read_ok (ReadResult *r)
{
  g_assert_no_error (r->error);
  g_assert_true (r->ok);
}

static void
assert_row (ReadResult         *r,
            guint               row,
            const char * const *expected)
{
  const char * const *cells = row_cells (r->collected, row);

  g_assert_cmpstrv (cells, expected);
}

/* Encodes UTF-8 text as UTF-16 code units, by hand so that the test does
 * not share the converter of the code under test. */
static GByteArray *
encode_utf16 (const char *utf8,
              gboolean    little_endian,
              gboolean    with_bom)
{
  GByteArray *out = g_byte_array_new ();

  if (with_bom)
    g_byte_array_append (out, (const guint8 *) (little_endian ? "\xff\xfe" : "\xfe\xff"), 2);

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint16 units[2];
      guint n = 1;

      if (c >= 0x10000)
        {
          units[0] = 0xd800 + ((c - 0x10000) >> 10);
          units[1] = 0xdc00 + ((c - 0x10000) & 0x3ff);
          n = 2;
        }
      else
        units[0] = c;

      for (guint i = 0; i < n; i++)
        {
          guint8 bytes[2];

          bytes[little_endian ? 0 : 1] = units[i] & 0xff;
          bytes[little_endian ? 1 : 0] = units[i] >> 8;
          g_byte_array_append (out, bytes, 2);
        }
    }

  return out;
}

/* Quoting */

static void
test_csv_reader_quoted_fields (void)
{
  const char *text =
    "Account,Note,Seats\n"
    "\"Acme, Inc.\",\"He said \"\"renew\"\" twice\",4\n"
    "\"Beta\",\"first line\nsecond line\",5\n"
    "Gamma,\"carriage\r\nreturn\",6\n"
    "Delta,\"\",7\n";
  g_autoptr(ReadResult) r = read_text (text);

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 5);
  assert_row (r, 0, (const char * const[]) { "Account", "Note", "Seats", NULL });
  assert_row (r, 1, (const char * const[]) { "Acme, Inc.", "He said \"renew\" twice", "4", NULL });
  assert_row (r, 2, (const char * const[]) { "Beta", "first line\nsecond line", "5", NULL });
  /* A CRLF inside quotes is kept as one LF. */
  assert_row (r, 3, (const char * const[]) { "Gamma", "carriage\nreturn", "6", NULL });
  assert_row (r, 4, (const char * const[]) { "Delta", "", "7", NULL });
  g_assert_cmpuint (tl_import_report_get_n_issues (r->report), ==, 0);
}

static void
test_csv_reader_quoted_delimiters_not_counted (void)
{
  /* Semicolons inside quotes must not make ';' the delimiter. */
  g_autoptr(ReadResult) r = read_text ("Name,Note\n"
                                       "A,\"x;y;z\"\n"
                                       "B,\"p;q;r\"\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ',');
  assert_row (r, 1, (const char * const[]) { "A", "x;y;z", NULL });
}

static void
test_csv_reader_quoted_last_field_at_end (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,Note\nAcme,\"closing \"\"quote\"\"\"");

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 2);
  assert_row (r, 1, (const char * const[]) { "Acme", "closing \"quote\"", NULL });
}

/* Delimiters */

typedef struct
{
  const char *name;
  const char *text;
  char        delimiter;
} DelimiterCase;

static const DelimiterCase delimiter_cases[] = {
  { "comma", "Account,Owner,MRR\nAlder,East,2400\nBirch,West,310\n", ',' },
  { "semicolon", "Account;Owner;MRR\nAlder;East;2400\nBirch;West;310\n", ';' },
  { "tab", "Account\tOwner\tMRR\nAlder\tEast\t2400\nBirch\tWest\t310\n", '\t' },
  { "bar", "Account|Owner|MRR\nAlder|East|2400\nBirch|West|310\n", '|' },
  /* Decimal commas in a semicolon file do not make it a comma file. */
  { "semicolon-with-decimal-commas", "Account;Owner;MRR\nAlder;East;2400,5\nBirch;West;310,25\n",
    ';' },
};

static void
test_csv_reader_delimiter (gconstpointer data)
{
  const DelimiterCase *tc = data;
  g_autoptr(ReadResult) r = read_text (tc->text);

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, tc->delimiter);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  g_assert_cmpuint (row_n_cells (r->collected, 0), ==, 3);
  g_assert_cmpstr (row_cells (r->collected, 0)[2], ==, "MRR");
  g_assert_cmpuint (row_n_cells (r->collected, 2), ==, 3);
  g_assert_cmpstr (row_cells (r->collected, 2)[0], ==, "Birch");
}

static void
test_csv_reader_semicolon_quoted_comma_header (void)
{
  g_autoptr(ReadResult) r = read_text ("KundenID;Alter;\"Monatsausgaben (Indexwert, 1-100)\"\n"
                                       "1;19;39\n"
                                       "2;21;81\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ';');
  assert_row (r, 0, (const char * const[]) {
    "KundenID", "Alter", "Monatsausgaben (Indexwert, 1-100)", NULL });
  assert_row (r, 2, (const char * const[]) { "2", "21", "81", NULL });
}

static void
test_csv_reader_semicolon_bare_comma_header (void)
{
  /* The same header without quotes, as spreadsheets write it. */
  g_autoptr(ReadResult) r = read_text ("\xef\xbb\xbf" "KundenID;Alter;Monatsausgaben (Indexwert, 1-100)\n"
                                       "1;19;39\n"
                                       "2;21;81\n"
                                       "3;20;6\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ';');
  assert_row (r, 0, (const char * const[]) {
    "KundenID", "Alter", "Monatsausgaben (Indexwert, 1-100)", NULL });
  g_assert_cmpuint (r->collected->rows->len, ==, 4);
}

static void
test_csv_reader_sep_line (void)
{
  g_autoptr(ReadResult) r = read_text ("sep=;\r\n"
                                       "Account;Owner;MRR\r\n"
                                       "Alder Health;Team East;2400\r\n"
                                       "Birch Robotics;Team West;310\r\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ';');
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  assert_row (r, 0, (const char * const[]) { "Account", "Owner", "MRR", NULL });
  assert_row (r, 1, (const char * const[]) { "Alder Health", "Team East", "2400", NULL });
  /* The hint is line 1 in an editor, so the header is line 2. */
  g_assert_cmpuint (row_line (r->collected, 0), ==, 2);
  g_assert_cmpuint (row_line (r->collected, 1), ==, 3);
  g_assert_cmpuint (row_line (r->collected, 2), ==, 4);
}

static void
test_csv_reader_sep_line_overrides_detection (void)
{
  /* Without the hint the commas would win. */
  g_autoptr(ReadResult) r = read_text ("sep=|\n"
                                       "Account|Note\n"
                                       "Alder|a,b,c\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, '|');
  assert_row (r, 1, (const char * const[]) { "Alder", "a,b,c", NULL });
}

static void
test_csv_reader_sep_line_after_bom (void)
{
  g_autoptr(ReadResult) r = read_text ("\xef\xbb\xbf" "sep=;\nAccount;MRR\nAlder;2400\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ';');
  assert_row (r, 0, (const char * const[]) { "Account", "MRR", NULL });
  g_assert_cmpuint (row_line (r->collected, 1), ==, 3);
}

/* Encodings */

static void
test_csv_reader_utf8_bom (void)
{
  g_autoptr(ReadResult) r = read_text ("\xef\xbb\xbf" "Account ID,Account Name,ARR\r\n"
                                       "ACC-101,Northwind Bakeries,48000\r\n");

  assert_read_ok (r);
  g_assert_cmpstr (row_cells (r->collected, 0)[0], ==, "Account ID");
  g_assert_cmpstr (r->encoding, ==, "UTF-8");
  g_assert_cmpstr (tl_import_report_get_encoding (r->report), ==, "UTF-8");
  g_assert_cmpuint (row_line (r->collected, 0), ==, 1);
}

static const char utf16_text[] =
  "Account\tCountry\tMRR\tPlan\r\n"
  "M\xc3\xbcller Logistik GmbH\tDE\t1250\tPro\r\n"
  "Soci\xc3\xa9t\xc3\xa9 Lumi\xc3\xa8re SARL\tFR\t980.5\tBasic\r\n"
  "\xc3\x98resund Fisk AS\tNO\t2100\tEnterprise\r\n";

static void
assert_utf16_rows (ReadResult *r)
{
  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, '\t');
  g_assert_cmpuint (r->collected->rows->len, ==, 4);
  for (guint i = 0; i < r->collected->rows->len; i++)
    {
      const char * const *cells = row_cells (r->collected, i);

      g_assert_cmpuint (row_n_cells (r->collected, i), ==, 4);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_assert_null (strstr (cells[c], REPLACEMENT_CHARACTER));
          g_assert_true (g_utf8_validate (cells[c], -1, NULL));
        }
    }
  g_assert_cmpstr (row_cells (r->collected, 0)[0], ==, "Account");
  g_assert_cmpstr (row_cells (r->collected, 1)[0], ==, "M\xc3\xbcller Logistik GmbH");
  g_assert_cmpstr (row_cells (r->collected, 2)[0], ==, "Soci\xc3\xa9t\xc3\xa9 Lumi\xc3\xa8re SARL");
  g_assert_cmpstr (row_cells (r->collected, 3)[0], ==, "\xc3\x98resund Fisk AS");
  g_assert_cmpstr (row_cells (r->collected, 2)[2], ==, "980.5");
  /* The last cell of each line must not keep the CR. */
  g_assert_cmpstr (row_cells (r->collected, 3)[3], ==, "Enterprise");
  g_assert_cmpuint (row_line (r->collected, 3), ==, 4);
}

static void
test_csv_reader_utf16le_bom (void)
{
  g_autoptr(GByteArray) bytes = encode_utf16 (utf16_text, TRUE, TRUE);
  g_autoptr(ReadResult) r = read_bytes ((const char *) bytes->data, bytes->len);

  assert_utf16_rows (r);
  g_assert_cmpstr (r->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (tl_import_report_get_encoding (r->report), ==, "UTF-16LE");
}

static void
test_csv_reader_utf16be_bom (void)
{
  g_autoptr(GByteArray) bytes = encode_utf16 (utf16_text, FALSE, TRUE);
  g_autoptr(ReadResult) r = read_bytes ((const char *) bytes->data, bytes->len);

  assert_utf16_rows (r);
  g_assert_cmpstr (r->encoding, ==, "UTF-16BE");
}

static void
test_csv_reader_utf16le_no_bom (void)
{
  g_autoptr(GByteArray) bytes = encode_utf16 (utf16_text, TRUE, FALSE);
  g_autoptr(ReadResult) r = read_bytes ((const char *) bytes->data, bytes->len);

  assert_utf16_rows (r);
  g_assert_cmpstr (r->encoding, ==, "UTF-16LE");
}

static void
test_csv_reader_utf16_surrogate_pair (void)
{
  g_autoptr(GByteArray) bytes = encode_utf16 ("Account,Note\r\nAcme,ok \xf0\x9f\x99\x82 done\r\n",
                                              TRUE, TRUE);
  g_autoptr(ReadResult) r = read_bytes ((const char *) bytes->data, bytes->len);

  assert_read_ok (r);
  g_assert_cmpstr (row_cells (r->collected, 1)[1], ==, "ok \xf0\x9f\x99\x82 done");
}

static void
test_csv_reader_windows_1252 (void)
{
  /* 0xE9 is é, 0xE8 è and 0x80 the euro sign in Windows-1252. None of
   * them can stand alone in UTF-8. */
  g_autoptr(ReadResult) r = read_text ("Account,City,Note\n"
                                       "Caf\xe9 Lumi\xe8re,Montr\xe9" "al,\x80" "5 off\n"
                                       "Plain Co,Boston,none\n");

  assert_read_ok (r);
  g_assert_cmpstr (r->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (tl_import_report_get_encoding (r->report), ==, "WINDOWS-1252");
  assert_row (r, 1, (const char * const[]) {
    "Caf\xc3\xa9 Lumi\xc3\xa8re", "Montr\xc3\xa9" "al", "\xe2\x82\xac" "5 off", NULL });
  assert_row (r, 2, (const char * const[]) { "Plain Co", "Boston", "none", NULL });
}

static void
test_csv_reader_plain_ascii_is_utf8 (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,ARR\nAcme,100\n");

  assert_read_ok (r);
  g_assert_cmpstr (r->encoding, ==, "UTF-8");
}

/* Line endings */

static void
test_csv_reader_cr_only (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,ARR\rAcme,100\rBeta,200\r");

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  assert_row (r, 1, (const char * const[]) { "Acme", "100", NULL });
  assert_row (r, 2, (const char * const[]) { "Beta", "200", NULL });
  g_assert_cmpuint (row_line (r->collected, 2), ==, 3);
}

static void
test_csv_reader_crlf_no_final_newline (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,ARR,Tier\r\n"
                                       "Quartz Legal,150000,Gold\r\n"
                                       "Redwood Farms,12000,Bronze\r\n"
                                       "Sable Security,64000,Silver");

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 4);
  g_assert_cmpstr (row_cells (r->collected, 1)[2], ==, "Gold");
  g_assert_cmpstr (row_cells (r->collected, 2)[2], ==, "Bronze");
  g_assert_cmpstr (row_cells (r->collected, 3)[2], ==, "Silver");
  g_assert_cmpuint (row_line (r->collected, 3), ==, 4);
}

static void
test_csv_reader_trailing_delimiter_no_newline (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,Note\nAcme,");

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 2);
  assert_row (r, 1, (const char * const[]) { "Acme", "", NULL });
}

static void
test_csv_reader_blank_lines_skipped (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,ARR\n\nAcme,100\n\n\r\nBeta,200\n\n");

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  g_assert_cmpuint (row_line (r->collected, 1), ==, 3);
  /* Lines 4 (LF) and 5 (CRLF) are blank. */
  g_assert_cmpuint (row_line (r->collected, 2), ==, 6);
}

static void
test_csv_reader_lines_after_multiline_field (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,Note\n"           /* line 1 */
                                       "A,\"one\ntwo\nthree\"\n"  /* lines 2-4 */
                                       "B,x\r\n"                  /* line 5 */
                                       "C,\"p\r\nq\"\r\n"         /* lines 6-7 */
                                       "D,\"r\rs\"\r"             /* lines 8-9 */
                                       "E,y\n");                  /* line 10 */

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 6);
  g_assert_cmpuint (row_line (r->collected, 0), ==, 1);
  g_assert_cmpuint (row_line (r->collected, 1), ==, 2);
  g_assert_cmpuint (row_line (r->collected, 2), ==, 5);
  g_assert_cmpuint (row_line (r->collected, 3), ==, 6);
  g_assert_cmpuint (row_line (r->collected, 4), ==, 8);
  g_assert_cmpuint (row_line (r->collected, 5), ==, 10);
  g_assert_cmpstr (row_cells (r->collected, 1)[1], ==, "one\ntwo\nthree");
  g_assert_cmpstr (row_cells (r->collected, 4)[1], ==, "r\ns");
}

/* Faults */

static void
test_csv_reader_unclosed_quote (void)
{
  g_autoptr(ReadResult) r = read_text ("Account,Note\n"
                                       "Acme,fine\n"
                                       "Beta,\"two\nlines\"\n"
                                       "Gamma,\"never closed\n"   /* line 5 */
                                       "Delta,lost\n"
                                       "Epsilon,lost\n");
  const TlImportIssue *issue;

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  assert_row (r, 1, (const char * const[]) { "Acme", "fine", NULL });
  assert_row (r, 2, (const char * const[]) { "Beta", "two\nlines", NULL });
  g_assert_cmpuint (tl_import_report_count_kind (r->report, TL_ISSUE_UNCLOSED_QUOTE), ==, 1);
  g_assert_cmpuint (tl_import_report_get_n_stored (r->report), ==, 1);
  issue = tl_import_report_get_issue (r->report, 0);
  g_assert_cmpint (issue->kind, ==, TL_ISSUE_UNCLOSED_QUOTE);
  g_assert_cmpuint (issue->line, ==, 5);
  g_assert_cmpint (issue->column, ==, -1);
}

static GString *
long_field_input (gsize field_len,
                  const char *after_long)
{
  GString *s = g_string_new ("Account,Note,Seats\n"
                             "Acme,short,1\n"
                             "Beta,");

  for (gsize i = 0; i < field_len; i++)
    g_string_append_c (s, 'a' + i % 26);
  g_string_append (s, after_long);
  g_string_append (s, "Gamma,after,3\n");

  return s;
}

static void
test_csv_reader_field_at_limit_kept (void)
{
  g_autoptr(GString) input = long_field_input (TL_CSV_MAX_FIELD, ",2\n");
  g_autoptr(ReadResult) r = read_bytes (input->str, input->len);

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 4);
  g_assert_cmpuint (strlen (row_cells (r->collected, 2)[1]), ==, TL_CSV_MAX_FIELD);
  g_assert_cmpuint (tl_import_report_get_n_issues (r->report), ==, 0);
}

static void
assert_long_field_skipped (ReadResult *r)
{
  const TlImportIssue *issue;

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  assert_row (r, 1, (const char * const[]) { "Acme", "short", "1", NULL });
  assert_row (r, 2, (const char * const[]) { "Gamma", "after", "3", NULL });
  g_assert_cmpuint (tl_import_report_count_kind (r->report, TL_ISSUE_FIELD_TOO_LONG), ==, 1);
  g_assert_cmpuint (tl_import_report_get_n_issues (r->report), ==, 1);
  issue = tl_import_report_get_issue (r->report, 0);
  g_assert_cmpuint (issue->line, ==, 3);
  g_assert_cmpint (issue->column, ==, -1);
}

static void
test_csv_reader_field_over_limit_skipped (void)
{
  g_autoptr(GString) input = long_field_input (TL_CSV_MAX_FIELD + 1, ",2\n");
  g_autoptr(ReadResult) r = read_bytes (input->str, input->len);

  assert_long_field_skipped (r);
  g_assert_cmpuint (row_line (r->collected, 2), ==, 4);
}

static void
test_csv_reader_field_over_limit_quoted_next (void)
{
  /* The field after the long one is quoted and contains a line break, which
   * must stay inside that field and not end the skipped record. */
  g_autoptr(GString) input = long_field_input (TL_CSV_MAX_FIELD + 1,
                                               ",\"two\nlines, and a comma\"\n");
  g_autoptr(ReadResult) r = read_bytes (input->str, input->len);

  assert_long_field_skipped (r);
  g_assert_cmpuint (row_line (r->collected, 2), ==, 5);
}

static void
test_csv_reader_field_over_limit_byte_at_a_time (void)
{
  g_autoptr(GString) input = long_field_input (TL_CSV_MAX_FIELD + 1,
                                               ",\"two\nlines\"\n");
  g_autoptr(ReadResult) r = read_bytes_full (input->str, input->len, 1, 0);

  assert_long_field_skipped (r);
  g_assert_cmpuint (row_line (r->collected, 2), ==, 5);
}

static void
test_csv_reader_too_many_cells (void)
{
  /* A record may have 100,000 cells, and one more cell skips it. */
  g_autoptr(GString) input = g_string_new ("A,B\n1,2\n");
  g_autoptr(ReadResult) r = NULL;
  const TlImportIssue *issue;

  for (guint i = 1; i < 100000; i++)
    g_string_append_c (input, ',');
  g_string_append (input, "\n");                           /* line 3: 100,000 cells */
  for (guint i = 1; i < 100001; i++)
    g_string_append_c (input, ',');
  g_string_append (input, "x\n3,4\n");                    /* line 4: 100,001 cells */
  r = read_bytes (input->str, input->len);

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 4);
  g_assert_cmpuint (row_n_cells (r->collected, 2), ==, 100000);
  g_assert_cmpuint (row_line (r->collected, 3), ==, 5);
  assert_row (r, 3, (const char * const[]) { "3", "4", NULL });
  g_assert_cmpuint (tl_import_report_get_n_issues (r->report), ==, 1);
  issue = tl_import_report_get_issue (r->report, 0);
  g_assert_cmpint (issue->kind, ==, TL_ISSUE_ROW_TOO_LONG);
  g_assert_cmpuint (issue->line, ==, 4);
}

static void
test_csv_reader_record_too_long (void)
{
  /* 17 fields of 1,000,000 bytes each pass the field limit but not the
   * 16 MiB (16,777,216 bytes) record limit. */
  g_autoptr(GString) input = g_string_new ("A,B\n1,2\n");
  g_autoptr(ReadResult) r = NULL;
  const TlImportIssue *issue;

  for (guint f = 0; f < 17; f++)
    {
      if (f > 0)
        g_string_append_c (input, ',');
      for (guint i = 0; i < 1000000; i++)
        g_string_append_c (input, 'z');
    }
  g_string_append (input, "\n3,4\n");
  r = read_bytes (input->str, input->len);

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 3);
  assert_row (r, 2, (const char * const[]) { "3", "4", NULL });
  g_assert_cmpuint (tl_import_report_get_n_issues (r->report), ==, 1);
  issue = tl_import_report_get_issue (r->report, 0);
  g_assert_cmpint (issue->kind, ==, TL_ISSUE_ROW_TOO_LONG);
  g_assert_cmpuint (issue->line, ==, 3);
}

static void
test_csv_reader_zip_is_binary (void)
{
  /* The start of a zip local file header, as an .xlsx file begins. */
  static const char zip[] =
    "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00\x21\x00\x62\xee\x9d\x68"
    "\x5e\x01\x00\x00\x90\x04\x00\x00\x13\x00\x08\x02[Content_Types].xml";
  g_autoptr(ReadResult) r = read_bytes (zip, sizeof zip - 1);

  g_assert_false (r->ok);
  g_assert_error (r->error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY);
  g_assert_cmpuint (r->collected->rows->len, ==, 0);
}

static void
test_csv_reader_nul_bytes_are_binary (void)
{
  /* A PNG header: many NUL bytes, but not in the pattern of UTF-16. */
  static const char png[] =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff" "a"
    "\0\0\0\x04sBIT\x08\x08\x08\x08|\x08" "d\x88\0\0\0\0\0\0\0\0\0\0\0\0";
  g_autoptr(ReadResult) r = read_bytes (png, sizeof png - 1);

  g_assert_false (r->ok);
  g_assert_error (r->error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY);
}

static void
test_csv_reader_empty_input (void)
{
  g_autoptr(ReadResult) r = read_bytes ("", 0);

  assert_read_ok (r);
  g_assert_cmpuint (r->collected->rows->len, ==, 0);
}

static void
test_csv_reader_bom_only (void)
{
  /* The input is a byte order mark alone. Nothing is decoded, and the
   * reader must still start and finish cleanly. */
  g_autoptr(ReadResult) r = read_bytes ("\xff\xfe", 2);

  assert_read_ok (r);
  g_assert_cmpstr (r->encoding, ==, "UTF-16LE");
  g_assert_cmpuint (r->collected->rows->len, ==, 0);
}

static void
test_csv_reader_sep_line_only (void)
{
  g_autoptr(ReadResult) r = read_text ("sep=;\n");

  assert_read_ok (r);
  g_assert_cmpint (r->delimiter, ==, ';');
  g_assert_cmpuint (r->collected->rows->len, ==, 0);
}

static void
test_csv_reader_callback_error_stops (void)
{
  g_autoptr(ReadResult) r = read_bytes_full ("A,B\n1,2\n3,4\n5,6\n", 16, 0, 3);

  g_assert_false (r->ok);
  g_assert_error (r->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (r->collected->rows->len, ==, 2);
}

/* Chunk boundaries: the same input fed in pieces of any size gives the
 * same rows, lines and issues as fed whole. */

typedef enum
{
  INPUT_UTF8,
  INPUT_UTF16LE,
  INPUT_UTF16BE,
} InputEncoding;

typedef struct
{
  const char    *name;
  const char    *head;          /* header and rows before the padding */
  const char    *newline;       /* of the padding rows */
  const char    *tail;          /* the hard part, after the padding */
  InputEncoding  encoding;
  guint          extra_rows;    /* rows the head and tail hold, header included */
  const char    *last_cell;     /* first cell of the last row read */
  const char    *detected;      /* the encoding the reader must report */
} ChunkCase;

static const ChunkCase chunk_cases[] = {
  { "quoting-crlf",
    "Account,Note,MRR\r\n", "\r\n",
    "\"Acme, Inc.\",\"said \"\"hi\"\"\r\nand left\",10\r\n"
    "Beta,\"a\nb\",20\r\n"
    "\"\"\"Quoted\"\" Co\",\"\",30\r\n",
    INPUT_UTF8, 4, "\"Quoted\" Co", "UTF-8" },
  { "cr-only",
    "Account,Note,MRR\r", "\r",
    "Acme,\"cr\rinside\",10\rBeta,plain,20\r",
    INPUT_UTF8, 3, "Beta", "UTF-8" },
  { "lf-no-final-newline",
    "Account,Note,MRR\n", "\n",
    "Acme,\"x\ny\",10\nLast,row,\"99\"",
    INPUT_UTF8, 3, "Last", "UTF-8" },
  { "utf8-bom-multibyte",
    "\xef\xbb\xbf" "Account,Note,MRR\n", "\n",
    "Soci\xc3\xa9t\xc3\xa9,\"\xe2\x82\xac 5 \xf0\x9f\x99\x82\",10\n"
    "\xc3\x98resund,\xe2\x80\x94,20\n",
    INPUT_UTF8, 3, "\xc3\x98resund", "UTF-8" },
  { "windows-1252",
    "Account,Caf\xe9,MRR\n", "\n",
    "Lumi\xe8re,\"\x80\n\xe9\",10\nEnd,\xe9t\xe9,20\n",
    INPUT_UTF8, 3, "End", "WINDOWS-1252" },
  { "utf16le-tabs",
    "Account\tNote\tMRR\r\n", "\r\n",
    "M\xc3\xbcller\t\"l1\r\nl2 \xf0\x9f\x99\x82\"\t1250\r\n\xc3\x98resund\tx\t2100\r\n",
    INPUT_UTF16LE, 3, "\xc3\x98resund", "UTF-16LE" },
  { "utf16be-semicolons",
    "Account;Note;MRR\n", "\n",
    "Soci\xc3\xa9t\xc3\xa9;\"a;b\";980,5\nEnd;x;1\n",
    INPUT_UTF16BE, 3, "End", "UTF-16BE" },
  { "sep-line",
    "sep=;\r\nAccount;Note;MRR\r\n", "\r\n",
    "Acme;\"x\r\ny\";10\r\nEnd;z;20\r\n",
    INPUT_UTF8, 3, "End", "UTF-8" },
  { "unclosed-quote",
    "Account,Note,MRR\n", "\n",
    "Acme,fine,10\nBeta,\"never closed\nGamma,lost,30\n",
    INPUT_UTF8, 2, "Acme", "UTF-8" },
  { "blank-lines",
    "Account,Note,MRR\n", "\n",
    "\n\r\nAcme,x,10\n\n\nEnd,y,20\n\n",
    INPUT_UTF8, 3, "End", "UTF-8" },
};

static const gsize chunk_sizes[] = { 1, 2, 3, 5, 64, 4099, 65535, 65536, 65537 };

static GByteArray *
build_chunk_input (const ChunkCase *tc,
                   guint           *n_padding)
{
  g_autoptr(GString) text = g_string_new (tc->head);
  char delimiter = strchr (tc->head, '\t') != NULL ? '\t'
                   : strchr (tc->head, ';') != NULL ? ';' : ',';
  guint n = 0;

  while (text->len < PAST_DETECTION)
    {
      g_string_append_printf (text, "F-%05u%cfiller row%c%u%s",
                              n, delimiter, delimiter, n, tc->newline);
      n++;
    }
  g_string_append (text, tc->tail);
  *n_padding = n;

  switch (tc->encoding)
    {
    case INPUT_UTF16LE:
      return encode_utf16 (text->str, TRUE, TRUE);
    case INPUT_UTF16BE:
      return encode_utf16 (text->str, FALSE, TRUE);
    case INPUT_UTF8:
    default:
      return g_byte_array_append (g_byte_array_new (), (const guint8 *) text->str, text->len);
    }
}

/* Writes rows, lines, issues, delimiter and encoding as one string, so
 * that two reads compare in one assertion that shows the difference. */
static char *
describe_read (ReadResult *r)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "ok=%d delimiter=%d encoding=%s\n",
                          r->ok, r->delimiter, r->encoding);
  for (guint i = 0; i < r->collected->rows->len; i++)
    {
      g_autofree char *joined = g_strjoinv ("\x1f", (char **) row_cells (r->collected, i));

      g_string_append_printf (s, "%" G_GUINT64_FORMAT ":%s\x1e\n",
                              row_line (r->collected, i), joined);
    }
  for (guint i = 0; i < tl_import_report_get_n_stored (r->report); i++)
    {
      const TlImportIssue *issue = tl_import_report_get_issue (r->report, i);

      g_string_append_printf (s, "issue %d line %" G_GUINT64_FORMAT " column %d\n",
                              issue->kind, issue->line, issue->column);
    }

  return g_string_free (s, FALSE);
}

static void
test_csv_reader_chunked (gconstpointer data)
{
  const ChunkCase *tc = data;
  guint n_padding = 0;
  g_autoptr(GByteArray) input = build_chunk_input (tc, &n_padding);
  g_autoptr(ReadResult) whole = read_bytes ((const char *) input->data, input->len);
  g_autofree char *expected = describe_read (whole);
  guint n_rows = whole->collected->rows->len;

  /* The whole read must itself be right, or the comparison proves little. */
  assert_read_ok (whole);
  g_assert_cmpuint (n_rows, ==, n_padding + tc->extra_rows);
  g_assert_cmpstr (row_cells (whole->collected, n_rows - 1)[0], ==, tc->last_cell);
  g_assert_cmpuint (row_n_cells (whole->collected, n_rows - 1), ==, 3);
  g_assert_cmpstr (whole->encoding, ==, tc->detected);
  g_assert_null (strstr (expected, REPLACEMENT_CHARACTER));
  g_assert_true (g_utf8_validate (expected, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (chunk_sizes); i++)
    {
      g_autoptr(ReadResult) pieces = read_bytes_full ((const char *) input->data, input->len,
                                                      chunk_sizes[i], 0);
      g_autofree char *actual = describe_read (pieces);

      g_test_message ("chunks of %" G_GSIZE_FORMAT " bytes", chunk_sizes[i]);
      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_csv_reader_chunked_late_non_utf8 (void)
{
  /* The first 64 KiB are clean UTF-8 and a Windows-1252 byte follows
   * later. However the input is cut, the reader must decide the same
   * encoding and deliver the same rows. */
  g_autoptr(GString) text = g_string_new ("Account,Note,MRR\n");
  g_autoptr(ReadResult) whole = NULL;
  g_autofree char *expected = NULL;
  guint n = 0;

  while (text->len < PAST_DETECTION)
    {
      g_string_append_printf (text, "F-%05u,filler row,%u\n", n, n);
      n++;
    }
  g_string_append (text, "Caf\xe9 Lumi\xe8re,\x80 off,10\nEnd,x,20\n");
  whole = read_bytes (text->str, text->len);
  expected = describe_read (whole);

  assert_read_ok (whole);
  g_assert_cmpuint (whole->collected->rows->len, ==, n + 3);
  for (guint i = 0; i < G_N_ELEMENTS (chunk_sizes); i++)
    {
      g_autoptr(ReadResult) pieces = read_bytes_full (text->str, text->len, chunk_sizes[i], 0);
      g_autofree char *actual = describe_read (pieces);

      g_test_message ("chunks of %" G_GSIZE_FORMAT " bytes", chunk_sizes[i]);
      g_assert_cmpstr (actual, ==, expected);
    }
}

static void
test_csv_reader_chunked_long_first_lines (void)
{
  /* The header has one comma and one semicolon. The lines within the
   * first 64 KiB have one of each too, and the lines after them only a
   * semicolon. Where the delimiter is decided must not depend on how the
   * input is cut. */
  g_autoptr(GString) text = g_string_new ("Account,Note;MRR\n");
  g_autoptr(GString) padding = g_string_new (NULL);
  g_autoptr(ReadResult) whole = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 3200; i++)
    g_string_append_c (padding, 'a' + i % 26);
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "A%u,%s;%u\n", i, padding->str, i);
  for (guint i = 20; i < 29; i++)
    g_string_append_printf (text, "A%u %s;%u\n", i, padding->str, i);
  g_assert_cmpuint (text->len, >, 72 * 1024);
  whole = read_bytes (text->str, text->len);
  expected = describe_read (whole);

  assert_read_ok (whole);
  for (guint i = 0; i < G_N_ELEMENTS (chunk_sizes); i++)
    {
      g_autoptr(ReadResult) pieces = read_bytes_full (text->str, text->len, chunk_sizes[i], 0);
      g_autofree char *actual = describe_read (pieces);

      g_test_message ("chunks of %" G_GSIZE_FORMAT " bytes", chunk_sizes[i]);
      g_assert_cmpstr (actual, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/csv-reader/quoted-fields", test_csv_reader_quoted_fields);
  g_test_add_func ("/tierline/csv-reader/quoted-delimiters-not-counted",
                   test_csv_reader_quoted_delimiters_not_counted);
  g_test_add_func ("/tierline/csv-reader/quoted-last-field-at-end",
                   test_csv_reader_quoted_last_field_at_end);

  for (guint i = 0; i < G_N_ELEMENTS (delimiter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/csv-reader/delimiter/%s",
                                               delimiter_cases[i].name);

      g_test_add_data_func (path, &delimiter_cases[i], test_csv_reader_delimiter);
    }
  g_test_add_func ("/tierline/csv-reader/semicolon-quoted-comma-header",
                   test_csv_reader_semicolon_quoted_comma_header);
  g_test_add_func ("/tierline/csv-reader/semicolon-bare-comma-header",
                   test_csv_reader_semicolon_bare_comma_header);
  g_test_add_func ("/tierline/csv-reader/sep-line", test_csv_reader_sep_line);
  g_test_add_func ("/tierline/csv-reader/sep-line-overrides-detection",
                   test_csv_reader_sep_line_overrides_detection);
  g_test_add_func ("/tierline/csv-reader/sep-line-after-bom", test_csv_reader_sep_line_after_bom);

  g_test_add_func ("/tierline/csv-reader/utf8-bom", test_csv_reader_utf8_bom);
  g_test_add_func ("/tierline/csv-reader/utf16le-bom", test_csv_reader_utf16le_bom);
  g_test_add_func ("/tierline/csv-reader/utf16be-bom", test_csv_reader_utf16be_bom);
  g_test_add_func ("/tierline/csv-reader/utf16le-no-bom", test_csv_reader_utf16le_no_bom);
  g_test_add_func ("/tierline/csv-reader/utf16-surrogate-pair",
                   test_csv_reader_utf16_surrogate_pair);
  g_test_add_func ("/tierline/csv-reader/windows-1252", test_csv_reader_windows_1252);
  g_test_add_func ("/tierline/csv-reader/plain-ascii-is-utf8",
                   test_csv_reader_plain_ascii_is_utf8);

  g_test_add_func ("/tierline/csv-reader/cr-only", test_csv_reader_cr_only);
  g_test_add_func ("/tierline/csv-reader/crlf-no-final-newline",
                   test_csv_reader_crlf_no_final_newline);
  g_test_add_func ("/tierline/csv-reader/trailing-delimiter-no-newline",
                   test_csv_reader_trailing_delimiter_no_newline);
  g_test_add_func ("/tierline/csv-reader/blank-lines-skipped",
                   test_csv_reader_blank_lines_skipped);
  g_test_add_func ("/tierline/csv-reader/lines-after-multiline-field",
                   test_csv_reader_lines_after_multiline_field);

  g_test_add_func ("/tierline/csv-reader/unclosed-quote", test_csv_reader_unclosed_quote);
  g_test_add_func ("/tierline/csv-reader/field-at-limit-kept",
                   test_csv_reader_field_at_limit_kept);
  g_test_add_func ("/tierline/csv-reader/field-over-limit-skipped",
                   test_csv_reader_field_over_limit_skipped);
  g_test_add_func ("/tierline/csv-reader/field-over-limit-quoted-next",
                   test_csv_reader_field_over_limit_quoted_next);
  g_test_add_func ("/tierline/csv-reader/field-over-limit-byte-at-a-time",
                   test_csv_reader_field_over_limit_byte_at_a_time);
  g_test_add_func ("/tierline/csv-reader/too-many-cells", test_csv_reader_too_many_cells);
  g_test_add_func ("/tierline/csv-reader/record-too-long", test_csv_reader_record_too_long);
  g_test_add_func ("/tierline/csv-reader/zip-is-binary", test_csv_reader_zip_is_binary);
  g_test_add_func ("/tierline/csv-reader/nul-bytes-are-binary",
                   test_csv_reader_nul_bytes_are_binary);
  g_test_add_func ("/tierline/csv-reader/empty-input", test_csv_reader_empty_input);
  g_test_add_func ("/tierline/csv-reader/bom-only", test_csv_reader_bom_only);
  g_test_add_func ("/tierline/csv-reader/sep-line-only", test_csv_reader_sep_line_only);
  g_test_add_func ("/tierline/csv-reader/callback-error-stops",
                   test_csv_reader_callback_error_stops);

  for (guint i = 0; i < G_N_ELEMENTS (chunk_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/tierline/csv-reader/chunked/%s",
                                               chunk_cases[i].name);

      g_test_add_data_func (path, &chunk_cases[i], test_csv_reader_chunked);
    }
  g_test_add_func ("/tierline/csv-reader/chunked-late-non-utf8",
                   test_csv_reader_chunked_late_non_utf8);
  g_test_add_func ("/tierline/csv-reader/chunked-long-first-lines",
                   test_csv_reader_chunked_long_first_lines);

  return g_test_run ();
}
