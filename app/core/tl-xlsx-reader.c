/* tl-xlsx-reader.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-xlsx-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "tl-xlsx-reader-private.h"

/* Bytes inflated at a time and fed to the XML parser. */
#define READ_CHUNK (64 * 1024)

/* Bytes a part may inflate to before its compression ratio counts. */
#define RATIO_FREE_BYTES (1024 * 1024)

/* Max bytes between two '<'. GMarkup keeps such a run in memory whole, as
 * one text or one tag. */
#define MAX_MARKUP_RUN (32 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (zip_t, zip_discard)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (zip_file_t, zip_fclose)

/* Sets a TL_CSV_ERROR_XLSX error for a damaged workbook, naming @detail. */
void
tl_xlsx_reader_set_damaged_error (GError     **error,
                                  const char  *detail)
{
  g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_XLSX,
               _("The workbook is damaged or incomplete, so it cannot be read (%s). Open "
                 "it in your spreadsheet and save it again, or save it as CSV."),
               detail);
}

/* Turns a libzip error into a password error or a damaged workbook error. */
static void
set_zip_error (GError      **error,
               zip_error_t  *zip_error)
{
  int code = zip_error_code_zip (zip_error);

  if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
    g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_ENCRYPTED,
                         _("The workbook is protected with a password. Remove the password "
                           "in your spreadsheet and save the workbook again, or save it "
                           "as CSV."));
  else
    tl_xlsx_reader_set_damaged_error (error, zip_error_strerror (zip_error));
}

/* Sets a TL_CSV_ERROR_TOO_LARGE error: @problem, with the part's name
 * for its "%s", then the advice. */
static void
set_zip_bomb_error (GError     **error,
                    const char  *problem,
                    const char  *part)
{
  g_autofree char *first = g_strdup_printf (problem, part);

  g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE, "%s %s", first,
               _("This looks like a zip bomb, so the file is not read. If you trust the "
                 "file, open it in your spreadsheet and save it as CSV."));
}

/* Checks a part's sizes, compression and encryption before it is read. */
static gboolean
check_part (const char        *name,
            const zip_stat_t  *st,
            GError           **error)
{
  if ((st->valid & ZIP_STAT_ENCRYPTION_METHOD) && st->encryption_method != ZIP_EM_NONE)
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_ENCRYPTED,
                           _("The workbook is protected with a password. Remove the "
                             "password in your spreadsheet and save the workbook again, or "
                             "save it as CSV."));
      return FALSE;
    }
  if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE)
      || !(st->valid & ZIP_STAT_COMP_METHOD))
    {
      tl_xlsx_reader_set_damaged_error (error, _("a part has no size"));
      return FALSE;
    }
  if (st->comp_method != ZIP_CM_STORE && st->comp_method != ZIP_CM_DEFLATE)
    {
      tl_xlsx_reader_set_damaged_error (error, _("a part uses a compression method that "
                                                 "spreadsheets do not write"));
      return FALSE;
    }
  if (st->size > TL_XLSX_MAX_PART_SIZE)
    {
      set_zip_bomb_error (error, _("The workbook’s part “%s” is larger than 512 MiB "
                                   "uncompressed."),
                          name);
      return FALSE;
    }
  if (st->size > RATIO_FREE_BYTES && st->size / TL_XLSX_MAX_RATIO > st->comp_size)
    {
      set_zip_bomb_error (error, _("The workbook’s part “%s” is compressed more than 200 "
                                   "to 1."),
                          name);
      return FALSE;
    }

  return TRUE;
}

/* Checks the bytes inflated so far against the part's declared sizes. */
static gboolean
check_inflated (const char        *name,
                const zip_stat_t  *st,
                guint64            done,
                GError           **error)
{
  if (done > st->size)
    {
      set_zip_bomb_error (error, _("The workbook’s part “%s” inflates to more bytes than "
                                   "it declares."),
                          name);
      return FALSE;
    }
  if (done > RATIO_FREE_BYTES && done / TL_XLSX_MAX_RATIO > st->comp_size)
    {
      set_zip_bomb_error (error, _("The workbook’s part “%s” is compressed more than 200 "
                                   "to 1."),
                          name);
      return FALSE;
    }

  return TRUE;
}

/* Sets the error for a part that is not UTF-8 text. */
static void
set_utf8_error (TlXlsxReader  *self,
                GError       **error)
{
  g_autofree char *detail = g_strdup_printf (_("part “%s” is not UTF-8 text"), self->part);

  tl_xlsx_reader_set_damaged_error (error, detail);
}

/* Passes bytes to the parser once they are known to be valid UTF-8. A
 * sequence cut at the end waits for the next chunk. GMarkup checks UTF-8
 * too, but in GLib 2.74 some invalid input makes it set a GError twice and
 * log a warning. */
static gboolean
feed_utf8 (TlXlsxReader         *self,
           GMarkupParseContext  *context,
           const char           *data,
           gsize                 len,
           GError              **error)
{
  const char *text = data;
  const char *end;
  gsize text_len = len;
  gsize valid_len;

  if (self->unparsed->len > 0)
    {
      g_byte_array_append (self->unparsed, (const guint8 *) data, len);
      text = (const char *) self->unparsed->data;
      text_len = self->unparsed->len;
    }

  if (!g_utf8_validate_len (text, text_len, &end)
      && !(text + text_len - end < 4
           && g_utf8_get_char_validated (end, text + text_len - end) == (gunichar) -2))
    {
      set_utf8_error (self, error);
      return FALSE;
    }

  valid_len = end - text;
  if (valid_len > 0 && !g_markup_parse_context_parse (context, text, valid_len, error))
    return FALSE;

  if (self->unparsed->len > 0)
    g_byte_array_remove_range (self->unparsed, 0, valid_len);
  else
    g_byte_array_append (self->unparsed, (const guint8 *) end, text_len - valid_len);

  return TRUE;
}

/* Passes inflated bytes to the parser, after checking that no text or tag
 * grows past MAX_MARKUP_RUN. */
static gboolean
feed_markup (TlXlsxReader         *self,
             GMarkupParseContext  *context,
             const char           *data,
             gsize                 len,
             GError              **error)
{
  const char *first = memchr (data, '<', len);

  if (first == NULL)
    self->markup_run += len;
  else
    {
      const char *last = data + len - 1;

      self->markup_run += first - data;
      if (self->markup_run <= MAX_MARKUP_RUN)
        {
          while (*last != '<')
            last--;
          self->markup_run = data + len - last - 1;
        }
    }

  if (self->markup_run > MAX_MARKUP_RUN)
    {
      g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE,
                   _("The workbook’s part “%s” has a cell or tag larger than 32 MiB, more "
                     "than Tierline reads. Open the workbook in your spreadsheet and save it "
                     "as CSV."),
                   self->part);
      return FALSE;
    }

  return feed_utf8 (self, context, data, len, error);
}

/* Rewords an XML syntax error as a damaged workbook error. Other errors,
 * such as those of the row callback, pass unchanged. */
static gboolean
propagate_markup_error (TlXlsxReader  *self,
                        GError        *markup_error,
                        GError       **error)
{
  if (markup_error->domain == G_MARKUP_ERROR)
    {
      g_autofree char *detail = g_strdup_printf (_("part “%s” is not valid XML: %s"),
                                                 self->part, markup_error->message);

      tl_xlsx_reader_set_damaged_error (error, detail);
      g_error_free (markup_error);
    }
  else
    g_propagate_error (error, markup_error);

  return FALSE;
}

/* Streams the part @name through the XML parser, chunk by chunk as it is
 * inflated, so that no part is held in memory whole. */
static gboolean
parse_part (TlXlsxReader  *self,
            const char    *name,
            TlXlsxPart     kind,
            GError       **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(zip_file_t) file = NULL;
  g_autofree char *chunk = NULL;
  GError *markup_error = NULL;
  zip_int64_t index = zip_name_locate (self->zip, name, ZIP_FL_NOCASE);
  zip_stat_t st;
  guint64 done = 0;

  if (index < 0)
    {
      g_autofree char *detail = g_strdup_printf (_("part “%s” is missing"), name);

      tl_xlsx_reader_set_damaged_error (error, detail);
      return FALSE;
    }
  if (zip_stat_index (self->zip, index, 0, &st) != 0)
    {
      set_zip_error (error, zip_get_error (self->zip));
      return FALSE;
    }
  if (!check_part (name, &st, error))
    return FALSE;

  file = zip_fopen_index (self->zip, index, 0);
  if (file == NULL)
    {
      set_zip_error (error, zip_get_error (self->zip));
      return FALSE;
    }

  self->part = name;
  self->part_kind = kind;
  self->markup_run = 0;
  g_byte_array_set_size (self->unparsed, 0);
  g_array_set_size (self->stack, 0);
  context = g_markup_parse_context_new (&tl_xlsx_reader_part_parser,
                                        G_MARKUP_TREAT_CDATA_AS_TEXT, self, NULL);
  chunk = g_malloc (READ_CHUNK);
  for (;;)
    {
      zip_int64_t n = zip_fread (file, chunk, READ_CHUNK);
      const char *data = chunk;

      if (n < 0)
        {
          set_zip_error (error, zip_file_get_error (file));
          return FALSE;
        }
      if (n == 0)
        break;
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;

      if (done == 0 && n >= 3 && memcmp (chunk, "\xef\xbb\xbf", 3) == 0)
        data += 3, n -= 3;          /* a UTF-8 byte order mark, which GMarkup rejects */
      done += data - chunk + n;
      if (!check_inflated (name, &st, done, error))
        return FALSE;
      if (!feed_markup (self, context, data, n, &markup_error))
        return propagate_markup_error (self, markup_error, error);

      self->progress_done += data - chunk + n;
      if (self->progress != NULL && self->progress_total > 0)
        self->progress (MIN (1.0, (double) self->progress_done / self->progress_total),
                        self->progress_data);
    }

  if (self->unparsed->len > 0)
    {
      set_utf8_error (self, error);
      return FALSE;
    }
  if (!g_markup_parse_context_end_parse (context, &markup_error))
    return propagate_markup_error (self, markup_error, error);

  return TRUE;
}

/* Returns the uncompressed size of a part, or 0 when it is missing. */
static guint64
get_part_size (TlXlsxReader *self,
               const char   *name)
{
  zip_int64_t index = name != NULL ? zip_name_locate (self->zip, name, ZIP_FL_NOCASE) : -1;
  zip_stat_t st;

  if (index < 0 || zip_stat_index (self->zip, index, 0, &st) != 0
      || !(st.valid & ZIP_STAT_SIZE))
    return 0;

  return st.size;
}

/* Returns whether the archive has an entry named @name, in any case. */
static gboolean
has_part (TlXlsxReader *self,
          const char   *name)
{
  return zip_name_locate (self->zip, name, ZIP_FL_NOCASE) >= 0;
}

/* Finds the first worksheet and the styles and shared strings parts. */
static gboolean
read_workbook (TlXlsxReader  *self,
               GError       **error)
{
  if (!parse_part (self, "xl/workbook.xml", TL_XLSX_PART_WORKBOOK, error))
    return FALSE;
  if (self->sheet_id == NULL)
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_XLSX,
                           _("The workbook has no worksheet. Put the accounts on its first "
                             "worksheet, or save them as CSV."));
      return FALSE;
    }

  if (!parse_part (self, "xl/_rels/workbook.xml.rels", TL_XLSX_PART_RELATIONSHIPS, error))
    return FALSE;
  if (self->sheet_part == NULL)
    {
      tl_xlsx_reader_set_damaged_error (error, _("the first worksheet is not found"));
      return FALSE;
    }

  /* The styles and shared strings are optional: a listed part that is
   * missing is skipped, and one left out of the relationships is looked
   * for under its usual name. */
  if (self->styles_part != NULL && !has_part (self, self->styles_part))
    g_clear_pointer (&self->styles_part, g_free);
  if (self->strings_part != NULL && !has_part (self, self->strings_part))
    g_clear_pointer (&self->strings_part, g_free);
  if (self->styles_part == NULL && has_part (self, "xl/styles.xml"))
    self->styles_part = g_strdup ("xl/styles.xml");
  if (self->strings_part == NULL && has_part (self, "xl/sharedStrings.xml"))
    self->strings_part = g_strdup ("xl/sharedStrings.xml");

  return TRUE;
}

/* Frees what the read allocated and closes the archive. */
static void
reader_clear (TlXlsxReader *self)
{
  g_clear_pointer (&self->zip, zip_discard);
  g_clear_pointer (&self->stack, g_array_unref);
  g_clear_pointer (&self->unparsed, g_byte_array_unref);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->sheet_id, g_free);
  g_clear_pointer (&self->sheet_part, g_free);
  g_clear_pointer (&self->strings_part, g_free);
  g_clear_pointer (&self->styles_part, g_free);
  g_clear_pointer (&self->custom_formats, g_hash_table_unref);
  g_clear_pointer (&self->xf_formats, g_array_unref);
  g_clear_pointer (&self->xf_kinds, g_array_unref);
  g_clear_pointer (&self->strings, g_byte_array_unref);
  g_clear_pointer (&self->string_starts, g_array_unref);
  g_clear_pointer (&self->long_strings, g_hash_table_unref);
  g_clear_pointer (&self->row_text, g_byte_array_unref);
  g_clear_pointer (&self->cell_starts, g_array_unref);
  g_clear_pointer (&self->cell_lengths, g_array_unref);
  g_clear_pointer (&self->row_cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_lengths, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TlXlsxReader, reader_clear)

/* Allocates the read's buffers and tables. */
static void
reader_init (TlXlsxReader *self)
{
  self->stack = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->unparsed = g_byte_array_new ();
  self->text = g_string_new (NULL);
  self->custom_formats = g_hash_table_new (NULL, NULL);
  self->xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  self->xf_kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->strings = g_byte_array_new ();
  self->string_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->long_strings = g_hash_table_new (NULL, NULL);
  self->row_text = g_byte_array_new ();
  self->cell_starts = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->cell_lengths = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->row_cells = g_ptr_array_new ();
  self->row_lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
}

/* Opens @path as a zip archive, after rejecting the old binary Excel
 * format by its signature. */
static zip_t *
open_archive (const char  *path,
              GError     **error)
{
  guint8 magic[4] = { 0 };
  zip_t *zip;
  GStatBuf st;
  int fd, code = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s."), g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a file."));
      return NULL;
    }

  if (read (fd, magic, sizeof magic) == sizeof magic && memcmp (magic, "\xd0\xcf\x11\xe0", 4) == 0)
    {
      /* The OLE compound file format: Excel 97-2003 workbooks, and newer ones
       * saved with a password. */
      close (fd);
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_XLSX,
                           _("The file is an Excel 97-2003 workbook (.xls) or a workbook "
                             "protected with a password, which Tierline cannot read. Open "
                             "it in your spreadsheet and save it as an Excel workbook (.xlsx) "
                             "without a password, or as CSV."));
      return NULL;
    }
  if (lseek (fd, 0, SEEK_SET) != 0)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read the file: %s."), g_strerror (saved));
      return NULL;
    }

  zip = zip_fdopen (fd, ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (zip == NULL)
    {
      zip_error_t zip_error;

      close (fd);
      zip_error_init_with_code (&zip_error, code);
      set_zip_error (error, &zip_error);
      zip_error_fini (&zip_error);
      return NULL;
    }

  return zip;
}

/**
 * tl_xlsx_reader_is_spreadsheet:
 * @path: a file
 *
 * Checks the file's first bytes for the signature of a zip archive, as an
 * Excel workbook is, or of the old binary Excel format.
 *
 * Returns: whether tl_xlsx_reader_read_file() should read @path; %FALSE
 *   too when it cannot be read
 */
gboolean
tl_xlsx_reader_is_spreadsheet (const char *path)
{
  char magic[4];
  gssize n;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  do
    n = read (fd, magic, sizeof magic);
  while (n < 0 && errno == EINTR);
  close (fd);

  return n == sizeof magic
         && (memcmp (magic, "PK\3\4", 4) == 0 || memcmp (magic, "\xd0\xcf\x11\xe0", 4) == 0);
}

/**
 * tl_xlsx_reader_read_file:
 * @path: an Excel workbook (.xlsx)
 * @row_func: called for each row of the first worksheet that has a value
 * @user_data: data for @row_func
 * @report: (nullable): where skipped rows are reported; its encoding is
 *   set to "XLSX"
 * @cancellable: (nullable): a cancellable
 * @progress: (nullable): called with the share of the worksheet read
 * @progress_data: data for @progress
 * @error: return location for a %TL_CSV_ERROR, a %G_IO_ERROR or an error
 *   of @row_func
 *
 * Reads the first worksheet of a workbook as rows of text, as a CSV export
 * would give them. A row's line is its row number. Numbers are written with
 * up to 15 significant digits. A number with a date format becomes
 * YYYY-MM-DD and one with a time format H:MM:SS. Booleans become TRUE or
 * FALSE, errors their text such as "#N/A", and formulas their cached
 * values. Each row is as wide as the widest row so far, counted to its last
 * non-empty cell.
 *
 * The file is hostile until read: the zip may have at most
 * %TL_XLSX_MAX_ENTRIES entries, each part read at most
 * %TL_XLSX_MAX_PART_SIZE bytes, no more than it declares, and a ratio up
 * to %TL_XLSX_MAX_RATIO. Parts are inflated in chunks and never extracted,
 * and an XML part with a document type declaration is rejected.
 *
 * Returns: %FALSE on error, cancellation or a failure of @row_func
 */
gboolean
tl_xlsx_reader_read_file (const char      *path,
                          TlCsvRowFunc     row_func,
                          gpointer         user_data,
                          TlImportReport  *report,
                          GCancellable    *cancellable,
                          TlProgressFunc   progress,
                          gpointer         progress_data,
                          GError         **error)
{
  g_auto(TlXlsxReader) self = { 0 };
  zip_int64_t n_entries;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (row_func != NULL, FALSE);

  reader_init (&self);
  self.row_func = row_func;
  self.user_data = user_data;
  self.report = report;
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = progress_data;

  self.zip = open_archive (path, error);
  if (self.zip == NULL)
    return FALSE;

  n_entries = zip_get_num_entries (self.zip, 0);
  if (n_entries > TL_XLSX_MAX_ENTRIES)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) n_entries);

      g_set_error (error, TL_CSV_ERROR, TL_CSV_ERROR_TOO_LARGE,
                   _("The zip archive has %s entries, more than the %d that a workbook may "
                     "have, so it is not read. If it is a workbook, open it in your "
                     "spreadsheet and save it as CSV."),
                   count, TL_XLSX_MAX_ENTRIES);
      return FALSE;
    }
  if (!has_part (&self, "xl/workbook.xml"))
    {
      g_set_error_literal (error, TL_CSV_ERROR, TL_CSV_ERROR_BINARY,
                           _("The file is a zip archive but not an Excel workbook. Open a "
                             "workbook (.xlsx), or a CSV export of your accounts."));
      return FALSE;
    }

  if (report != NULL)
    tl_import_report_set_encoding (report, "XLSX");
  if (!read_workbook (&self, error))
    return FALSE;

  if (self.styles_part != NULL)
    {
      if (!parse_part (&self, self.styles_part, TL_XLSX_PART_STYLES, error))
        return FALSE;
      tl_xlsx_reader_classify_cell_formats (&self);
    }

  self.progress_total = get_part_size (&self, self.strings_part)
                        + get_part_size (&self, self.sheet_part);
  self.progress_done = 0;
  if (self.strings_part != NULL
      && !parse_part (&self, self.strings_part, TL_XLSX_PART_STRINGS, error))
    return FALSE;
  if (!parse_part (&self, self.sheet_part, TL_XLSX_PART_SHEET, error))
    return FALSE;

  g_debug ("%s: first worksheet %s, %u shared strings, %u cell formats", path,
           self.sheet_part, self.string_starts->len, self.xf_kinds->len);

  return TRUE;
}
