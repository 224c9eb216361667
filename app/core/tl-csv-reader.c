/* tl-csv-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-csv-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "tl-csv-reader.h"

/* Bytes looked at before the encoding and the delimiter are decided. */
#define DETECT_BYTES (64 * 1024)

/* Lines looked at to pick the delimiter. */
#define DETECT_LINES 30

/* Bytes read from the file at a time. */
#define READ_BLOCK (1024 * 1024)

/* Largest record and most cells a record may have before it is skipped. */
#define MAX_RECORD_BYTES (16 * 1024 * 1024)
#define MAX_RECORD_CELLS 100000

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* a quote seen inside quotes: end, or a doubled quote */
} State;

struct _TlCsvReader
{
  TlCsvRowFunc    row_func;
  gpointer        user_data;
  TlImportReport *report;

  gboolean        detected;
  GByteArray     *pending;       /* input held until detection */
  char            delimiter;
  gboolean        plain_delimiter;   /* read_plain_record() can split at the delimiter */
  guint8          ends_plain[256];   /* bytes that end a run of an unquoted field */
  guint8          ends_quoted[256];  /* bytes that end a run of a quoted field */
  const char     *encoding;
  GIConv          converter;     /* to UTF-8, or (GIConv) -1 */
  GByteArray     *undecoded;     /* an incomplete sequence between feeds */
  GArray         *replaced;      /* decoded offsets of bytes the encoding does not define */

  State           state;
  gboolean        after_cr;      /* the last byte was a CR ending a line */
  gboolean        quoted_cr;     /* the last byte was a CR inside quotes */
  guint64         line;          /* line of the byte being read, from 1 */
  guint64         record_line;
  guint64         quote_line;
  gboolean        skip_record;
  TlIssueKind     skip_reason;
  gsize           field_start;   /* offset of the current field in record */
  char           *record;        /* the record's cells, each NUL-terminated */
  gsize           record_len;
  gsize           record_size;
  gsize          *starts;        /* offset of each finished cell */
  guint           n_starts;
  guint           starts_size;
  const char    **cells;         /* handed to the row callback */
  gsize          *lengths;
  gboolean        stopped;       /* the row callback failed */
};

G_DEFINE_QUARK (tl-csv-error-quark, tl_csv_error)

static void set_delimiter (TlCsvReader *self,
                           char         delimiter);

/**
 * tl_csv_reader_new:
 * @row_func: called for each record, header included
 * @user_data: data for @row_func
 * @report: (nullable): where unreadable records are reported
 *
 * Creates a reader for delimited text. Feed it bytes in pieces of any size;
 * it detects the encoding (UTF-8 with or without BOM, UTF-16 with a BOM or
 * by its zero bytes, else Windows-1252) and the delimiter (comma,
 * semicolon, tab or bar, or an Excel "sep=" line) from the first 64 KiB.
 *
 * Returns: (transfer full): the reader
 */
TlCsvReader *
tl_csv_reader_new (TlCsvRowFunc    row_func,
                   gpointer        user_data,
                   TlImportReport *report)
{
  TlCsvReader *self = g_new0 (TlCsvReader, 1);

  g_return_val_if_fail (row_func != NULL, NULL);

  self->row_func = row_func;
  self->user_data = user_data;
  self->report = report;
  /* Reserved, so that detection never offsets a NULL buffer, even for an
   * empty input. */
  self->pending = g_byte_array_sized_new (4096);
  self->undecoded = g_byte_array_new ();
  self->replaced = g_array_new (FALSE, FALSE, sizeof (gsize));
  set_delimiter (self, ',');
  self->encoding = "UTF-8";
  self->converter = (GIConv) -1;
  self->line = 1;
  self->record_line = 1;
  self->record_size = 4096;
  self->record = g_malloc (self->record_size);
  self->starts_size = 64;
  self->starts = g_new (gsize, self->starts_size);
  self->cells = g_new (const char *, self->starts_size);
  self->lengths = g_new (gsize, self->starts_size);

  return self;
}

void
tl_csv_reader_free (TlCsvReader *reader)
{
  if (reader == NULL)
    return;

  if (reader->converter != (GIConv) -1)
    g_iconv_close (reader->converter);
  g_byte_array_unref (reader->pending);
  g_byte_array_unref (reader->undecoded);
  g_array_unref (reader->replaced);
  g_free (reader->record);
  g_free (reader->starts);
  g_free (reader->cells);
  g_free (reader->lengths);
  g_free (reader);
}

char
tl_csv_reader_get_delimiter (const TlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, ',');

  return reader->delimiter;
}

/* Returns the encoding the input was read in, such as "UTF-8". */
const char *
tl_csv_reader_get_encoding (const TlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->encoding;
}

static void
reset_record (TlCsvReader *self)
{
  self->record_len = 0;
  self->n_starts = 0;
  self->field_start = 0;
  self->skip_record = FALSE;
  self->state = STATE_FIELD_START;
}

/* Makes room for @len more bytes in the record buffer. */
static inline void
reserve_record (TlCsvReader *self,
                gsize        len)
{
  if (self->record_len + len <= self->record_size)
    return;

  while (self->record_len + len > self->record_size)
    self->record_size *= 2;
  self->record = g_realloc (self->record, self->record_size);
}

/* Makes room for @n cell starts. */
static void
reserve_starts (TlCsvReader *self,
                guint        n)
{
  if (n <= self->starts_size)
    return;

  while (n > self->starts_size)
    self->starts_size *= 2;
  self->starts = g_renew (gsize, self->starts, self->starts_size);
  self->cells = g_renew (const char *, self->cells, self->starts_size);
  self->lengths = g_renew (gsize, self->lengths, self->starts_size);
}

static void
append_bytes (TlCsvReader *self,
              const char  *data,
              gsize        len)
{
  if (self->skip_record || len == 0)
    return;

  if (self->record_len - self->field_start + len > TL_CSV_MAX_FIELD)
    {
      self->skip_record = TRUE;
      self->skip_reason = TL_ISSUE_FIELD_TOO_LONG;
      return;
    }
  if (self->record_len + len > MAX_RECORD_BYTES)
    {
      self->skip_record = TRUE;
      self->skip_reason = TL_ISSUE_ROW_TOO_LONG;
      return;
    }

  reserve_record (self, len);
  memcpy (self->record + self->record_len, data, len);
  self->record_len += len;
}

static void
end_field (TlCsvReader *self)
{
  /* A skipped record is still split into fields, so that a quoted field
   * after a long one keeps its line breaks. */
  self->state = STATE_FIELD_START;
  if (self->skip_record)
    return;

  if (self->n_starts >= MAX_RECORD_CELLS)
    {
      self->skip_record = TRUE;
      self->skip_reason = TL_ISSUE_ROW_TOO_LONG;
      return;
    }

  reserve_record (self, 1);
  self->record[self->record_len++] = '\0';
  reserve_starts (self, self->n_starts + 1);
  self->starts[self->n_starts++] = self->field_start;
  self->field_start = self->record_len;
}

static gboolean
record_is_blank (TlCsvReader *self)
{
  return self->n_starts == 1 && self->record_len == 1;
}

/* Hands the finished record to the row callback. */
static gboolean
end_record (TlCsvReader  *self,
            GError      **error)
{
  TlCsvRow row;

  end_field (self);

  if (self->skip_record)
    {
      if (self->report != NULL)
        tl_import_report_add (self->report, self->skip_reason, self->record_line, -1, NULL, 0);
      reset_record (self);
      return TRUE;
    }

  if (!record_is_blank (self))
    {
      for (guint i = 0; i < self->n_starts; i++)
        {
          gsize end = i + 1 < self->n_starts ? self->starts[i + 1] : self->record_len;

          self->cells[i] = self->record + self->starts[i];
          self->lengths[i] = end - self->starts[i] - 1;
        }

      row.cells = self->cells;
      row.lengths = self->lengths;
      row.n_cells = self->n_starts;
      row.line = self->record_line;
      if (!self->row_func (&row, self->user_data, error))
        {
          self->stopped = TRUE;
          return FALSE;
        }
    }

  reset_record (self);
  return TRUE;
}

/* Returns the first byte at or after @p that ends a run of unquoted field
 * text (the delimiter, a line break or NUL), or @end. With SSE2, sixteen
 * bytes are compared at a time; most cells of an export are short runs of
 * digits and letters. */
static inline const char *
find_plain_end (const TlCsvReader *self,
                const char        *p,
                const char        *end)
{
#ifdef __SSE2__
  const __m128i delim = _mm_set1_epi8 (self->delimiter);
  const __m128i lf = _mm_set1_epi8 ('\n');
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i nul = _mm_setzero_si128 ();

  while (end - p >= 16)
    {
      __m128i chunk = _mm_loadu_si128 ((const __m128i *) (const void *) p);
      __m128i hits = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (chunk, delim),
                                                 _mm_cmpeq_epi8 (chunk, lf)),
                                   _mm_or_si128 (_mm_cmpeq_epi8 (chunk, cr),
                                                 _mm_cmpeq_epi8 (chunk, nul)));
      int mask = _mm_movemask_epi8 (hits);

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#endif

  while (p < end && !self->ends_plain[(guint8) *p])
    p++;

  return p;
}

/* Returns a bit mask of the bytes among @p[0..15] that split_plain_line()
 * checks: the delimiter, a quote, a CR and NUL. */
#ifdef __SSE2__
static inline int
special_mask (const char *p,
              __m128i     delimiters)
{
  __m128i chunk = _mm_loadu_si128 ((const __m128i *) (const void *) p);
  __m128i hits = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (chunk, delimiters),
                                             _mm_cmpeq_epi8 (chunk, _mm_set1_epi8 ('"'))),
                               _mm_or_si128 (_mm_cmpeq_epi8 (chunk, _mm_set1_epi8 ('\r')),
                                             _mm_cmpeq_epi8 (chunk, _mm_setzero_si128 ())));

  return _mm_movemask_epi8 (hits);
}
#endif

/* Records a field start after a delimiter at @i. A quote inside a field is
 * text. Returns FALSE for a quote that opens a field, a CR or NUL, because
 * these need the state machine. */
static inline gboolean
note_special (TlCsvReader *self,
              const char  *line,
              gsize        i)
{
  char c = line[i];

  if (c == self->delimiter)
    {
      self->starts[self->n_starts++] = i + 1;
      return TRUE;
    }

  return c == '"' && self->starts[self->n_starts - 1] != i;
}

/* Stores the field starts of a line of @len bytes in self->starts, the
 * first one included, so the array needs room for @len + 1 starts.
 * Returns FALSE when the line needs the state machine. */
static gboolean
split_plain_line (TlCsvReader *self,
                  const char  *line,
                  gsize        len)
{
  gsize i = 0;

  self->starts[0] = 0;
  self->n_starts = 1;

#ifdef __SSE2__
  {
    const __m128i delimiters = _mm_set1_epi8 (self->delimiter);

    for (; i + 16 <= len; i += 16)
      for (int mask = special_mask (line + i, delimiters); mask != 0; mask &= mask - 1)
        if (!note_special (self, line, i + __builtin_ctz (mask)))
          return FALSE;
  }
#endif

  for (; i < len; i++)
    if ((line[i] == self->delimiter || line[i] == '"' || line[i] == '\r' || line[i] == '\0')
        && !note_special (self, line, i))
      return FALSE;

  return TRUE;
}

/* Reads a record at @p that is one line of unquoted fields, the common
 * case, with one search for the line end and one copy. The fields are the
 * ones the state machine would find. Returns the bytes consumed. Returns 0
 * when the record needs the state machine: when it continues an earlier
 * record, has no line end in @p..@end, is long, or contains a quoted
 * field, a CR before its end or a NUL byte. */
static gsize
read_plain_record (TlCsvReader  *self,
                   const char   *p,
                   const char   *end,
                   GError      **error)
{
  const char *line_end;
  gsize len, consumed;

  if (self->state != STATE_FIELD_START || self->n_starts > 0 || self->record_len > 0
      || self->skip_record || self->after_cr || !self->plain_delimiter)
    return 0;

  /* A line shorter than MAX_RECORD_CELLS bytes has fewer fields than that
   * and no field over TL_CSV_MAX_FIELD, so no limit skips it. */
  line_end = memchr (p, '\n', MIN ((gsize) (end - p), MAX_RECORD_CELLS));
  if (line_end == NULL)
    return 0;
  consumed = line_end + 1 - p;
  len = line_end - p;
  if (len > 0 && line_end[-1] == '\r')
    len--;

  reserve_starts (self, len + 1);
  if (!split_plain_line (self, p, len))
    {
      self->n_starts = 0;
      return 0;
    }

  reserve_record (self, len + 1);
  memcpy (self->record, p, len);
  for (guint i = 1; i < self->n_starts; i++)
    self->record[self->starts[i] - 1] = '\0';
  self->n_starts--;
  self->field_start = self->starts[self->n_starts];
  self->record_len = len;

  if (!end_record (self, error))
    return G_MAXSIZE;
  self->line++;
  self->record_line = self->line;

  return consumed;
}

/* Lists the line of a NUL byte, which is left out of its field, once. */
static void
report_nul (TlCsvReader *self)
{
  if (self->report != NULL)
    tl_import_report_add_line_once (self->report, TL_ISSUE_UNREADABLE_BYTES, self->line);
}

/* Lists the lines of the bytes that decode() replaced with U+FFFD. @text
 * is the decoded text from offset @base on, and starts on the current
 * line. Replaced bytes before it are not listed. */
static void
report_replaced (TlCsvReader *self,
                 const char  *text,
                 gsize        base)
{
  guint64 line = self->line;
  gsize pos = base;

  for (guint i = 0; i < self->replaced->len; i++)
    {
      gsize at = g_array_index (self->replaced, gsize, i);

      if (at < base)
        continue;

      /* Lines end in LF, CRLF or a lone CR, as the tokenizer counts them. */
      for (; pos < at; pos++)
        {
          char c = text[pos - base];

          if (c == '\n' || (c == '\r' && text[pos - base + 1] != '\n'))
            line++;
        }

      if (self->report != NULL)
        tl_import_report_add_line_once (self->report, TL_ISSUE_UNREADABLE_BYTES, line);
    }

  g_array_set_size (self->replaced, 0);
}

/* Splits decoded UTF-8 text into records. */
static gboolean
tokenize (TlCsvReader  *self,
          const char   *data,
          gsize         len,
          GError      **error)
{
  const char *p = data;
  const char *end;
  const guint8 *ends_quoted = self->ends_quoted;

  /* An empty decoded buffer can be NULL, and even NULL + 0 is undefined. */
  if (len == 0)
    return TRUE;

  end = data + len;
  while (p < end)
    {
      if (self->after_cr)
        {
          self->after_cr = FALSE;
          if (*p == '\n')
            {
              p++;
              continue;
            }
        }

      if (self->state == STATE_FIELD_START)
        {
          gsize consumed = read_plain_record (self, p, end, error);

          if (consumed == G_MAXSIZE)
            return FALSE;
          if (consumed > 0)
            {
              p += consumed;
              continue;
            }
        }

      switch (self->state)
        {
        case STATE_FIELD_START:
          if (*p == '"')
            {
              self->state = STATE_QUOTED;
              self->quote_line = self->line;
              p++;
              break;
            }
          self->state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          {
            const char *q = p;
            char c;

            q = find_plain_end (self, q, end);
            append_bytes (self, p, q - p);
            p = q;
            if (p == end)
              break;

            c = *p++;
            if (c == self->delimiter)
              end_field (self);
            else if (c == '\0')
              report_nul (self);
            else if (c == '\n' || c == '\r')
              {
                if (!end_record (self, error))
                  return FALSE;
                self->after_cr = c == '\r';
                self->line++;
                self->record_line = self->line;
              }
          }
          break;

        case STATE_QUOTED:
          {
            const char *q = p;
            char c;

            while (q < end && !ends_quoted[(guint8) *q])
              q++;
            if (q > p)
              self->quoted_cr = FALSE;
            append_bytes (self, p, q - p);
            p = q;
            if (p == end)
              break;

            c = *p++;
            if (c == '"')
              self->state = STATE_QUOTE_IN_QUOTED;
            else if (c == '\0')
              report_nul (self);
            else if (c == '\n' && self->quoted_cr)
              self->quoted_cr = FALSE;        /* the LF of a CRLF already counted */
            else if (c == '\n' || c == '\r')
              {
                /* Line breaks inside a field are kept as LF. */
                append_bytes (self, "\n", 1);
                self->line++;
                self->quoted_cr = c == '\r';
              }
          }
          break;

        case STATE_QUOTE_IN_QUOTED:
          self->quoted_cr = FALSE;
          if (*p == '"')
            {
              append_bytes (self, "\"", 1);
              self->state = STATE_QUOTED;
              p++;
            }
          else
            self->state = STATE_UNQUOTED;   /* text after the closing quote is kept */
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

static void
append_replacement (GByteArray *out)
{
  g_byte_array_append (out, (const guint8 *) "\xef\xbf\xbd", 3);
}

/* Converts @len bytes to UTF-8 into @out. An incomplete sequence at the end
 * is kept for the next call; a byte that the encoding does not define
 * becomes U+FFFD. */
static void
decode (TlCsvReader *self,
        const char  *data,
        gsize        len,
        GByteArray  *out)
{
  g_autoptr(GByteArray) input = g_byte_array_sized_new (self->undecoded->len + len);
  gsize unit = g_str_has_prefix (self->encoding, "UTF-16") ? 2 : 1;
  char *in;
  gsize in_left;

  g_byte_array_append (input, self->undecoded->data, self->undecoded->len);
  g_byte_array_append (input, (const guint8 *) data, len);
  g_byte_array_set_size (self->undecoded, 0);

  in = (char *) input->data;
  in_left = input->len;
  while (in_left > 0)
    {
      gsize old_len = out->len;
      gsize room = in_left * 3 + 16;
      char *o;
      gsize out_left = room;
      gsize r;

      g_byte_array_set_size (out, old_len + room);
      o = (char *) out->data + old_len;
      r = g_iconv (self->converter, &in, &in_left, &o, &out_left);
      g_byte_array_set_size (out, old_len + (room - out_left));

      if (r != (gsize) -1)
        break;
      if (errno == EINVAL)
        {
          g_byte_array_append (self->undecoded, (const guint8 *) in, in_left);
          break;
        }
      if (errno == EILSEQ)
        {
          gsize at = out->len;

          g_array_append_val (self->replaced, at);
          append_replacement (out);
          in += MIN (unit, in_left);
          in_left -= MIN (unit, in_left);
        }
    }
}

static gboolean
looks_like_utf16 (const guint8 *data,
                  gsize         len,
                  gboolean     *little_endian)
{
  gsize pairs = MIN (len, 4096) / 2;
  gsize zero_even = 0, zero_odd = 0;

  if (pairs < 2)
    return FALSE;

  for (gsize i = 0; i < pairs; i++)
    {
      zero_even += data[2 * i] == 0;
      zero_odd += data[2 * i + 1] == 0;
    }

  *little_endian = zero_odd > zero_even;

  return MAX (zero_even, zero_odd) * 10 > pairs * 3 && MIN (zero_even, zero_odd) * 20 < pairs;
}

/* Returns whether @data is UTF-8, allowing a sequence cut off at the end
 * when more input follows. NUL bytes are skipped: g_utf8_validate() stops
 * at them, and the reader drops them anyway. */
static gboolean
is_utf8_prefix (const guint8 *data,
                gsize         len,
                gboolean      complete)
{
  const guint8 *p = data;
  const guint8 *end = data + len;

  while (p < end)
    {
      const guint8 *nul = memchr (p, 0, end - p);
      const guint8 *stop = nul != NULL ? nul : end;
      const char *bad;

      if (!g_utf8_validate ((const char *) p, stop - p, &bad))
        return nul == NULL && !complete && (const guint8 *) bad + 4 > end
               && g_utf8_get_char_validated (bad, end - (const guint8 *) bad) == (gunichar) -2;
      p = nul != NULL ? nul + 1 : end;
    }

  return TRUE;
}

/* Counts NUL bytes and control characters other than white space in the
 * first 4 KiB: text files have almost none. */
static gsize
count_binary_bytes (const guint8 *data,
                    gsize         len)
{
  gsize n = 0;

  for (gsize i = 0; i < MIN (len, 4096); i++)
    n += data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r'
         && data[i] != '\f';

  return n;
}

/* More than 5 % of control bytes, and at least 16 of them so that a short
 * file with a stray escape character is still read as text. */
static gboolean
looks_binary (const guint8 *data,
              gsize         len)
{
  gsize n = count_binary_bytes (data, len);

  return n >= 16 && n * 20 > MIN (len, 4096);
}

static gboolean
has_magic (const guint8 *data,
           gsize         len,
           const char   *magic,
           gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Recognizes common binary formats by their first bytes. */
static gboolean
is_known_binary (const guint8 *d,
                 gsize         n)
{
  return has_magic (d, n, "\x89PNG", 4) || has_magic (d, n, "\xff\xd8\xff", 3)
         || has_magic (d, n, "GIF8", 4) || has_magic (d, n, "%PDF-", 5)
         || has_magic (d, n, "\x7f" "ELF", 4) || has_magic (d, n, "\x1f\x8b", 2)
         || has_magic (d, n, "BZh", 3) || has_magic (d, n, "\xfd" "7zXZ", 5);
}

/* Decides the encoding from the first DETECT_BYTES bytes and returns how
 * many bytes of byte order mark to skip. Later bytes are not looked at, so
 * the result does not depend on how the input was cut into pieces. */
static gboolean
detect_encoding (TlCsvReader  *self,
                 gboolean      complete,
                 gsize        *bom_len,
                 GError      **error)
{
  const guint8 *d = self->pending->data;
  gsize n = MIN (self->pending->len, DETECT_BYTES);
  gboolean little_endian;

  *bom_len = 0;
  if (n >= 3 && d[0] == 0xef && d[1] == 0xbb && d[2] == 0xbf)
    *bom_len = 3;
  else if (n >= 2 && d[0] == 0xff && d[1] == 0xfe)
    self->encoding = "UTF-16LE", *bom_len = 2;
  else if (n >= 2 && d[0] == 0xfe && d[1] == 0xff)
    self->encoding = "UTF-16BE", *bom_len = 2;
  else if (n >= 4 && memcmp (d, "PK\3\4", 4) == 0)
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY,
                           _("The file is a zip archive, such as an Excel workbook, not "
                             "delimited text. Save it from the spreadsheet as CSV and "
                             "open that."));
      return FALSE;
    }
  else if (looks_like_utf16 (d, n, &little_endian))
    self->encoding = little_endian ? "UTF-16LE" : "UTF-16BE";
  else if (has_magic (d, n, "\xd0\xcf\x11\xe0", 4))
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY,
                           _("The file is an old Excel workbook (.xls). Save it from the "
                             "spreadsheet as XLSX or CSV and open that."));
      return FALSE;
    }
  else if (is_known_binary (d, n) || looks_binary (d, n))
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY,
                           _("The file is not text. Open a CSV or TSV export of your "
                             "accounts."));
      return FALSE;
    }
  else if (!is_utf8_prefix (d, n, complete))
    self->encoding = "WINDOWS-1252";

  if (g_strcmp0 (self->encoding, "UTF-8") != 0)
    {
      self->converter = g_iconv_open ("UTF-8", self->encoding);
      if (self->converter == (GIConv) -1)
        {
          g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_ENCODING,
                       _("The file is in %s, which this system cannot convert."),
                       self->encoding);
          return FALSE;
        }
    }
  g_debug ("encoding %s", self->encoding);

  return TRUE;
}

/* Reads an Excel "sep=;" first line. Returns the bytes it takes, or 0. */
static gsize
parse_sep_hint (const char *text,
                gsize       len,
                char       *delimiter)
{
  gsize i = 4;

  if (len < 5 || g_ascii_strncasecmp (text, "sep=", 4) != 0)
    return 0;

  *delimiter = text[i++];
  if (i < len && text[i] == '\r')
    i++;
  if (i < len && text[i] == '\n')
    i++;
  else if (i < len && text[i - 1] != '\r')
    return 0;

  return i;
}

/* Counts each candidate delimiter outside quotes on the first lines. */
static guint
count_delimiters (const char *text,
                  gsize       len,
                  const char *candidates,
                  guint       counts[][4])
{
  gboolean quoted = FALSE;
  guint line = 0;
  gboolean line_empty = TRUE;

  for (gsize i = 0; i < len && line < DETECT_LINES; i++)
    {
      char c = text[i];
      const char *hit;

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (!line_empty)
            line++;
          line_empty = TRUE;
        }
      else if (!quoted && (hit = strchr (candidates, c)) != NULL && c != '\0')
        {
          counts[line][hit - candidates]++;
          line_empty = FALSE;
        }
      else
        line_empty = FALSE;
    }

  return line_empty ? line : line + 1;
}

/* Picks the delimiter that splits the most lines into as many fields as the
 * first line; a comma when none splits anything. */
static char
detect_delimiter (const char *text,
                  gsize       len)
{
  static const char candidates[] = ",;\t|";
  guint counts[DETECT_LINES + 1][4] = { { 0 } };
  guint n_lines = count_delimiters (text, len, candidates, counts);
  char best = ',';
  guint best_score = 0;

  for (guint c = 0; c < 4; c++)
    {
      guint header = counts[0][c];
      guint score;

      if (header == 0)
        continue;

      score = 1;
      for (guint l = 1; l < n_lines && l < DETECT_LINES; l++)
        score += counts[l][c] == header;
      score = score * 1000 + MIN (header, 999);
      if (score > best_score)
        {
          best = candidates[c];
          best_score = score;
        }
    }

  return best;
}

/* Fills the tables of the bytes that end a run of field text. */
static void
set_delimiter (TlCsvReader *self,
               char         delimiter)
{
  self->delimiter = delimiter;
  self->plain_delimiter = delimiter != '"' && delimiter != '\n' && delimiter != '\r'
                          && delimiter != '\0';
  memset (self->ends_plain, 0, sizeof self->ends_plain);
  memset (self->ends_quoted, 0, sizeof self->ends_quoted);
  self->ends_plain[(guint8) delimiter] = 1;
  self->ends_plain['\n'] = self->ends_plain['\r'] = self->ends_plain['\0'] = 1;
  self->ends_quoted['"'] = 1;
  self->ends_quoted['\n'] = self->ends_quoted['\r'] = self->ends_quoted['\0'] = 1;
}

/* Decides encoding and delimiter from the held input, then reads it. */
static gboolean
detect_and_start (TlCsvReader  *self,
                  gboolean      complete,
                  GError      **error)
{
  g_autoptr(GByteArray) decoded = NULL;
  const char *text;
  gsize len, bom_len, hint_len, head_len, detect_len;

  if (!detect_encoding (self, complete, &bom_len, error))
    return FALSE;

  /* The delimiter too is decided from the first DETECT_BYTES bytes only. */
  head_len = MIN (self->pending->len, DETECT_BYTES) - bom_len;
  if (self->converter != (GIConv) -1)
    {
      const char *data = (const char *) self->pending->data + bom_len;

      decoded = g_byte_array_new ();
      decode (self, data, head_len, decoded);
      detect_len = decoded->len;
      decode (self, data + head_len, self->pending->len - bom_len - head_len, decoded);
      text = (const char *) decoded->data;
      len = decoded->len;
    }
  else
    {
      text = (const char *) self->pending->data + bom_len;
      len = self->pending->len - bom_len;
      detect_len = head_len;
    }

  hint_len = parse_sep_hint (text, len, &self->delimiter);
  if (hint_len > 0)
    {
      self->line = self->record_line = 2;
      g_debug ("delimiter '%c' from a sep= line", self->delimiter);
      text += hint_len;
      len -= hint_len;
    }
  else
    self->delimiter = detect_delimiter (text, detect_len);
  set_delimiter (self, self->delimiter);

  if (self->report != NULL)
    tl_import_report_set_encoding (self->report, self->encoding);
  self->detected = TRUE;

  if (decoded != NULL)
    report_replaced (self, text, text - (const char *) decoded->data);

  return tokenize (self, text, len, error);
}

/**
 * tl_csv_reader_feed:
 * @reader: a reader
 * @data: the next bytes of the input
 * @len: their number
 * @error: return location for an error
 *
 * Reads more input, calling the row callback for each record it completes.
 *
 * Returns: %FALSE when the input cannot be read or the callback failed
 */
gboolean
tl_csv_reader_feed (TlCsvReader  *reader,
                    const char   *data,
                    gsize         len,
                    GError      **error)
{
  g_autoptr(GByteArray) decoded = NULL;
  gboolean ok;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (!reader->stopped, FALSE);

  if (!reader->detected)
    {
      g_byte_array_append (reader->pending, (const guint8 *) data, len);
      if (reader->pending->len < DETECT_BYTES)
        return TRUE;

      ok = detect_and_start (reader, FALSE, error);
      g_byte_array_set_size (reader->pending, 0);
      return ok;
    }

  if (reader->converter == (GIConv) -1)
    return tokenize (reader, data, len, error);

  decoded = g_byte_array_sized_new (len * 2);
  decode (reader, data, len, decoded);
  report_replaced (reader, (const char *) decoded->data, 0);

  return tokenize (reader, (const char *) decoded->data, decoded->len, error);
}

/**
 * tl_csv_reader_finish:
 * @reader: a reader
 * @error: return location for an error
 *
 * Ends the input: the last record counts without a final line break, and a
 * quote left open is reported at the line where it opened.
 *
 * Returns: %FALSE when the input cannot be read or the callback failed
 */
gboolean
tl_csv_reader_finish (TlCsvReader  *reader,
                      GError      **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (!reader->stopped, FALSE);

  if (!reader->detected)
    {
      if (!detect_and_start (reader, TRUE, error))
        return FALSE;
      g_byte_array_set_size (reader->pending, 0);
    }

  /* An incomplete character at the end, such as the odd byte of a UTF-16
   * file cut short, is left out and listed, rather than read as a cell. */
  if (reader->undecoded->len > 0)
    {
      g_debug ("%u bytes at the end form no character", reader->undecoded->len);
      g_byte_array_set_size (reader->undecoded, 0);
      if (reader->report != NULL)
        tl_import_report_add_line_once (reader->report, TL_ISSUE_UNREADABLE_BYTES,
                                        reader->line);
    }

  if (reader->state == STATE_QUOTED)
    {
      if (reader->report != NULL)
        tl_import_report_add (reader->report, TL_ISSUE_UNCLOSED_QUOTE,
                              reader->quote_line, -1, NULL, 0);
      reset_record (reader);
      return TRUE;
    }

  if (reader->n_starts > 0 || reader->record_len > 0
      || reader->state != STATE_FIELD_START)
    return end_record (reader, error);

  return TRUE;
}

/**
 * tl_csv_reader_read_file:
 * @reader: a reader
 * @path: the file
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called after each block with the share read
 * @progress_data: data for @progress
 * @error: return location for an error
 *
 * Reads a whole file in blocks of 1 MiB, so that memory does not grow with
 * the file beyond what the row callback keeps.
 *
 * Returns: %FALSE on an I/O error, cancellation or a callback failure
 */
gboolean
tl_csv_reader_read_file (TlCsvReader    *reader,
                         const char     *path,
                         GCancellable   *cancellable,
                         TlProgressFunc  progress,
                         gpointer        progress_data,
                         GError        **error)
{
  g_autofree char *block = NULL;
  GStatBuf st;
  guint64 done = 0;
  int fd;
  gboolean ok = TRUE;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s."), g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a file."));
      return FALSE;
    }

  block = g_malloc (READ_BLOCK);
  while (ok)
    {
      gssize n = read (fd, block, READ_BLOCK);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Reading the file failed: %s."), g_strerror (saved));
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      ok = tl_csv_reader_feed (reader, block, n, error);
      done += n;
      if (progress != NULL && st.st_size > 0)
        progress (MIN (1.0, (double) done / st.st_size), progress_data);
    }
  close (fd);

  return ok && tl_csv_reader_finish (reader, error);
}
