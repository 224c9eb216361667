/* minimal-writer.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reference export of run-bench.sh: a plain libxlsxwriter program that
 * writes, in constant-memory mode, the cells of the Accounts and Movements
 * sheets of a workbook that Tierline exported, and nothing else. It writes
 * the same rows, columns, types and values, with no formats and no other
 * sheets, and with ZIP64 records only where Tierline has them: above
 * 400,000 accounts (ZIP64_ROWS in app/core/tl-workbook.c). Tierline's
 * export step over its write time is then what Tierline adds to the cells:
 * formats, conditional formats, filters, the summary sheets and charts.
 *
 * Before any timing, the two sheets are read from Tierline's workbook into
 * a temporary folder beside OUT.xlsx, one file of cell records per sheet.
 * The sheet XML is read a chunk at a time, never whole. The reader takes
 * only what libxlsxwriter itself writes in constant-memory mode: numbers
 * as <c r=".."><v>..</v></c> and inline strings as
 * <c r=".." t="inlineStr"><is><t>..</t></is></c>. Any other cell, such as
 * a shared string, a formula or a rich string, stops it with an error. A
 * cell with a format and no value is skipped, because no format is
 * written.
 *
 * It prints "extract-seconds" for the reading, then "write-seconds" and
 * "write-cpu" (user plus system time) for the writing alone, from the new
 * workbook to its close.
 *
 * With --compare it reads the two sheets of both workbooks and fails at
 * the first cell where they differ in place, type or value.
 *
 * Usage: minimal-writer TIERLINE.xlsx OUT.xlsx
 *        minimal-writer --compare A.xlsx B.xlsx */

#define _GNU_SOURCE

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <xlsxwriter.h>
#include <zip.h>

/* Above this many accounts Tierline writes ZIP64 records. */
#define ZIP64_ROWS 400000

/* Bytes of sheet XML read at a time. */
#define CHUNK_SIZE (1 << 20)

#define N_SHEETS 2

static const char *const sheet_names[N_SHEETS] = { "Accounts", "Movements" };

#define MW_ERROR (mw_error_quark ())
static GQuark mw_error_quark (void);
G_DEFINE_QUARK (minimal-writer-error-quark, mw_error)

/* One record of a cells file: this header, then the value, a double for a
 * number, or LEN bytes and a NUL for a string. */
typedef struct
{
  guint32 row;
  guint32 col;
  guint32 kind;   /* 'n' or 's' */
  guint32 len;
} CellRecord;

/* A cell as read from the XML or from a cells file. */
typedef struct
{
  CellRecord  rec;
  double      number;
  GString    *text;
} Cell;

/* What was read of one sheet. */
typedef struct
{
  guint32 last_row;
} SheetInfo;

/* A part of the zip, read a chunk at a time. The buffer contains end bytes
 * and a NUL, and the bytes before start are already scanned. */
typedef struct
{
  zip_file_t *file;
  char       *buf;
  gsize       size;
  gsize       start;
  gsize       end;
  gboolean    eof;
} XmlStream;

static double
seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* Appends the character of the entity that starts after an ampersand at
 * @p, and returns the position after its semicolon, or NULL when it is
 * not an XML entity. */
static const char *
append_entity (GString    *out,
               const char *p,
               const char *end)
{
  static const struct { const char *name; char c; } named[] = {
    { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' },
  };
  const char *semicolon = memchr (p, ';', end - p);
  gsize len;

  if (semicolon == NULL)
    return NULL;
  len = semicolon + 1 - p;

  if (*p == '#')
    {
      char *stop;
      guint64 c = p[1] == 'x' ? g_ascii_strtoull (p + 2, &stop, 16)
                              : g_ascii_strtoull (p + 1, &stop, 10);

      if (stop != semicolon || c > G_MAXUINT32 || !g_unichar_validate (c))
        return NULL;
      g_string_append_unichar (out, c);
      return semicolon + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (len == strlen (named[i].name) && memcmp (p, named[i].name, len) == 0)
      {
        g_string_append_c (out, named[i].c);
        return semicolon + 1;
      }

  return NULL;
}

/* Appends the @len bytes of XML text at @text to @out with its entities
 * replaced. Returns FALSE at an unknown entity. */
static gboolean
append_unescaped (GString    *out,
                  const char *text,
                  gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *ampersand = memchr (text, '&', end - text);

      if (ampersand == NULL)
        {
          g_string_append_len (out, text, end - text);
          break;
        }
      g_string_append_len (out, text, ampersand - text);
      text = append_entity (out, ampersand + 1, end);
      if (text == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Returns the value of the attribute @name in the start tag from @tag to
 * @end, still escaped, with its length in *@len, or NULL. */
static const char *
find_attr (const char *tag,
           const char *end,
           const char *name,
           gsize      *len)
{
  gsize n = strlen (name);

  for (const char *p = tag; (p = memmem (p, end - p, name, n)) != NULL; p += n)
    {
      const char *value = p + n + 2;
      const char *quote;

      if (p == tag || p[-1] != ' ' || value > end || p[n] != '=' || p[n + 1] != '"')
        continue;
      quote = memchr (value, '"', end - value);
      if (quote == NULL)
        return NULL;
      *len = quote - value;
      return value;
    }

  return NULL;
}

/* Returns the attribute @want, unescaped, of the first element @element of
 * @xml whose attribute @key is @value, or NULL. */
static char *
find_element_attr (const char *xml,
                   const char *element,
                   const char *key,
                   const char *value,
                   const char *want)
{
  for (const char *p = xml; (p = strstr (p, element)) != NULL; p++)
    {
      g_autoptr(GString) found = g_string_new (NULL);
      const char *end = strchr (p, '>');
      const char *attr;
      gsize len;

      if (end == NULL)
        break;
      attr = find_attr (p, end, key, &len);
      if (attr == NULL || !append_unescaped (found, attr, len) || strcmp (found->str, value) != 0)
        continue;

      attr = find_attr (p, end, want, &len);
      g_string_truncate (found, 0);
      if (attr != NULL && append_unescaped (found, attr, len))
        return g_string_free (g_steal_pointer (&found), FALSE);
    }

  return NULL;
}

static zip_t *
open_workbook (const char  *path,
               GError     **error)
{
  int code = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &code);
  zip_error_t zip_err;

  if (zip != NULL)
    return zip;

  zip_error_init_with_code (&zip_err, code);
  g_set_error (error, MW_ERROR, 0, "failed to open the workbook: %s",
               zip_error_strerror (&zip_err));
  zip_error_fini (&zip_err);
  return NULL;
}

/* Returns the whole of a small part, such as xl/workbook.xml. */
static char *
read_part (zip_t       *zip,
           const char  *name,
           GError     **error)
{
  zip_stat_t stat;
  zip_file_t *file;
  g_autofree char *text = NULL;
  zip_int64_t n;

  if (zip_stat (zip, name, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)
      || (file = zip_fopen (zip, name, 0)) == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "part %s not found in the workbook", name);
      return NULL;
    }

  text = g_malloc (stat.size + 1);
  n = zip_fread (file, text, stat.size);
  zip_fclose (file);
  if (n < 0 || (zip_uint64_t) n != stat.size)
    {
      g_set_error (error, MW_ERROR, 0, "failed to read the part %s", name);
      return NULL;
    }
  text[stat.size] = '\0';

  return g_steal_pointer (&text);
}

/* Returns the zip entry of the worksheet called @name, found through the
 * workbook's list of sheets and its relationships. */
static char *
find_sheet_part (zip_t       *zip,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *workbook = read_part (zip, "xl/workbook.xml", error);
  g_autofree char *rels = NULL;
  g_autofree char *id = NULL;
  g_autofree char *target = NULL;

  if (workbook == NULL || (rels = read_part (zip, "xl/_rels/workbook.xml.rels", error)) == NULL)
    return NULL;

  id = find_element_attr (workbook, "<sheet ", "name", name, "r:id");
  if (id != NULL)
    target = find_element_attr (rels, "<Relationship ", "Id", id, "Target");
  if (target == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "sheet %s not found in the workbook", name);
      return NULL;
    }

  if (target[0] == '/')
    return g_strdup (target + 1);

  return g_strconcat ("xl/", target, NULL);
}

/* Moves the bytes not yet scanned to the front of the buffer and reads the
 * next chunk after them. */
static gboolean
stream_fill (XmlStream  *stream,
             GError    **error)
{
  zip_int64_t n;

  if (stream->start > 0)
    memmove (stream->buf, stream->buf + stream->start, stream->end - stream->start);
  stream->end -= stream->start;
  stream->start = 0;
  if (stream->end + CHUNK_SIZE + 1 > stream->size)
    {
      stream->size = MAX (stream->size * 2, stream->end + CHUNK_SIZE + 1);
      stream->buf = g_realloc (stream->buf, stream->size);
    }

  n = zip_fread (stream->file, stream->buf + stream->end, CHUNK_SIZE);
  if (n < 0)
    {
      g_set_error (error, MW_ERROR, 0, "failed to read the sheet: %s",
                   zip_file_strerror (stream->file));
      return FALSE;
    }
  stream->eof = n == 0;
  stream->end += n;
  stream->buf[stream->end] = '\0';

  return TRUE;
}

/* Returns the end of the cell element at @cell, which starts "<c ", or
 * NULL when the buffer does not contain all of it. */
static const char *
cell_end (const char *cell,
          const char *limit)
{
  const char *tag_end = memchr (cell, '>', limit - cell);
  const char *close;

  if (tag_end == NULL)
    return NULL;
  if (tag_end[-1] == '/')
    return tag_end + 1;

  close = memmem (tag_end, limit - tag_end, "</c>", 4);
  return close != NULL ? close + 4 : NULL;
}

/* Finds the next whole cell element, reading more of the part as needed.
 * Returns FALSE with no error at the end of the part. */
static gboolean
stream_next_cell (XmlStream   *stream,
                  const char **cell,
                  const char **end,
                  GError     **error)
{
  for (;;)
    {
      const char *limit = stream->buf + stream->end;
      const char *scan = stream->buf + stream->start;
      const char *found = memmem (scan, limit - scan, "<c ", 3);

      if (found != NULL && (*end = cell_end (found, limit)) != NULL)
        {
          *cell = found;
          stream->start = *end - stream->buf;
          return TRUE;
        }

      /* Keep a partial cell, or the last bytes that may begin one. */
      if (found != NULL)
        stream->start = found - stream->buf;
      else if (stream->end - stream->start > 2)
        stream->start = stream->end - 2;

      if (stream->eof && found != NULL)
        g_set_error_literal (error, MW_ERROR, 0, "invalid sheet XML: it ends inside a cell");
      if (stream->eof)
        return FALSE;
      if (!stream_fill (stream, error))
        return FALSE;
    }
}

/* Reads a reference such as "AF12" into a zero-based row and column. */
static gboolean
parse_ref (const char *ref,
           gsize       len,
           CellRecord *rec)
{
  const char *end = ref + len;
  guint64 col = 0, row = 0;

  for (; ref < end && g_ascii_isupper (*ref); ref++)
    col = col * 26 + (*ref - 'A' + 1);
  for (; ref < end && g_ascii_isdigit (*ref); ref++)
    row = row * 10 + (*ref - '0');

  if (ref != end || col == 0 || row == 0 || col > LXW_COL_MAX || row > LXW_ROW_MAX)
    return FALSE;
  rec->row = row - 1;
  rec->col = col - 1;

  return TRUE;
}

/* Reads the value of a number cell, whose body is "<v>NUMBER</v>". */
static gboolean
parse_number (const char *body,
              const char *close,
              Cell       *cell)
{
  char *stop;

  if (close - body < 7 || memcmp (body, "<v>", 3) != 0 || memcmp (close - 4, "</v>", 4) != 0)
    return FALSE;

  /* The number ends at the '<' of "</v>", where g_ascii_strtod stops. */
  cell->number = g_ascii_strtod (body + 3, &stop);
  cell->rec.kind = 'n';
  cell->rec.len = sizeof (double);

  return stop == close - 4 && stop > body + 3;
}

/* Reads the text of an inline string cell, whose body is
 * "<is><t>TEXT</t></is>" with xml:space="preserve" on <t> when the text
 * starts or ends with a space. */
static gboolean
parse_inline_string (const char *body,
                     const char *close,
                     Cell       *cell)
{
  const char *tag_end, *text;

  if (close - body < 15 || memcmp (body, "<is><t", 6) != 0
      || (body[6] != '>' && body[6] != ' ') || memcmp (close - 9, "</t></is>", 9) != 0)
    return FALSE;
  tag_end = memchr (body + 6, '>', close - body - 6);
  if (tag_end == NULL || tag_end + 1 > close - 9)
    return FALSE;
  text = tag_end + 1;

  g_string_truncate (cell->text, 0);
  cell->rec.kind = 's';
  if (!append_unescaped (cell->text, text, close - 9 - text))
    return FALSE;
  cell->rec.len = cell->text->len;

  return TRUE;
}

/* Reads the cell element from @start to @end. Sets the kind to 0 for a
 * cell with no value. */
static gboolean
parse_cell (const char  *start,
            const char  *end,
            Cell        *cell,
            GError     **error)
{
  const char *tag_end = memchr (start, '>', end - start);
  const char *ref, *type;
  gsize ref_len, type_len = 0;
  gboolean ok;

  ref = find_attr (start, tag_end, "r", &ref_len);
  type = find_attr (start, tag_end, "t", &type_len);
  if (ref == NULL || !parse_ref (ref, ref_len, &cell->rec))
    {
      g_set_error (error, MW_ERROR, 0, "missing or invalid cell reference: %.60s", start);
      return FALSE;
    }

  cell->rec.kind = 0;
  if (tag_end[-1] == '/')
    return TRUE;

  if (type == NULL)
    ok = parse_number (tag_end + 1, end - 4, cell);
  else if (type_len == 9 && memcmp (type, "inlineStr", 9) == 0)
    ok = parse_inline_string (tag_end + 1, end - 4, cell);
  else
    ok = FALSE;

  if (!ok)
    g_set_error (error, MW_ERROR, 0,
                 "unsupported cell, not a number or an inline string as written by "
                 "libxlsxwriter in constant-memory mode: %.*s",
                 (int) MIN (end - start, 200), start);
  return ok;
}

static void
write_record (FILE       *out,
              const Cell *cell)
{
  fwrite (&cell->rec, sizeof cell->rec, 1, out);
  if (cell->rec.kind == 'n')
    fwrite (&cell->number, sizeof cell->number, 1, out);
  else
    fwrite (cell->text->str, 1, cell->text->len + 1, out);
}

/* Returns 1 after reading a record, 0 at the end of the file and -1 when
 * the file ends inside a record. */
static int
read_record (FILE *in,
             Cell *cell)
{
  gsize n = fread (&cell->rec, 1, sizeof cell->rec, in);

  if (n != sizeof cell->rec)
    return n == 0 && feof (in) ? 0 : -1;

  if (cell->rec.kind == 'n')
    return fread (&cell->number, sizeof cell->number, 1, in) == 1 ? 1 : -1;

  g_string_set_size (cell->text, cell->rec.len);
  return fread (cell->text->str, 1, cell->rec.len + 1, in) == cell->rec.len + 1 ? 1 : -1;
}

/* Copies the cells of the sheet XML in @stream to @out as records. */
static gboolean
scan_cells (XmlStream  *stream,
            FILE       *out,
            SheetInfo  *info,
            GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  Cell cell = { .text = text };
  const char *start, *end;

  while (stream_next_cell (stream, &start, &end, error))
    {
      if (!parse_cell (start, end, &cell, error))
        return FALSE;
      if (cell.rec.kind == 0)
        continue;

      write_record (out, &cell);
      info->last_row = MAX (info->last_row, cell.rec.row);
    }

  return *error == NULL;
}

/* Reads the cells of the sheet @name into the cells file @path. */
static gboolean
extract_sheet (zip_t       *zip,
               const char  *name,
               const char  *path,
               SheetInfo   *info,
               GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *part = find_sheet_part (zip, name, error);
  XmlStream stream = { 0 };
  FILE *out = NULL;
  gboolean ok;

  if (part == NULL)
    return FALSE;
  if ((stream.file = zip_fopen (zip, part, 0)) == NULL || (out = g_fopen (path, "wb")) == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "failed to copy the part %s to %s", part, path);
      if (stream.file != NULL)
        zip_fclose (stream.file);
      return FALSE;
    }
  setvbuf (out, NULL, _IOFBF, CHUNK_SIZE);

  *info = (SheetInfo) { 0 };
  ok = stream_fill (&stream, &local) && scan_cells (&stream, out, info, &local);
  ok = ferror (out) == 0 && ok;
  ok = fclose (out) == 0 && ok;
  zip_fclose (stream.file);
  g_free (stream.buf);

  if (!ok && local == NULL)
    g_set_error (&local, MW_ERROR, 0, "failed to write %s", path);
  if (!ok)
    g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s, sheet %s: ", part, name);
  return ok;
}

static char *
cells_path (const char *dir,
            const char *prefix,
            guint       sheet)
{
  g_autofree char *base = g_strdup_printf ("%s-%s.cells", prefix, sheet_names[sheet]);

  return g_build_filename (dir, base, NULL);
}

/* Reads the two sheets of the workbook @xlsx into cells files in @dir
 * whose names start with @prefix. */
static gboolean
extract_workbook (const char  *xlsx,
                  const char  *dir,
                  const char  *prefix,
                  SheetInfo    info[N_SHEETS],
                  GError     **error)
{
  zip_t *zip = open_workbook (xlsx, error);
  gboolean ok = zip != NULL;

  for (guint i = 0; ok && i < N_SHEETS; i++)
    {
      g_autofree char *path = cells_path (dir, prefix, i);

      ok = extract_sheet (zip, sheet_names[i], path, &info[i], error);
    }
  if (zip != NULL)
    zip_discard (zip);

  if (!ok)
    g_prefix_error (error, "%s: ", xlsx);
  return ok;
}

/* Writes the cells of the cells file @path into a new sheet @name. */
static gboolean
write_sheet (lxw_workbook  *workbook,
             const char    *name,
             const char    *path,
             GError       **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  g_autoptr(GString) text = g_string_new (NULL);
  Cell cell = { .text = text };
  lxw_error err = LXW_NO_ERROR;
  FILE *in = g_fopen (path, "rb");
  int got = -1;

  if (in == NULL || sheet == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "failed to write the sheet %s from %s", name, path);
      if (in != NULL)
        fclose (in);
      return FALSE;
    }

  while (err == LXW_NO_ERROR && (got = read_record (in, &cell)) == 1)
    err = cell.rec.kind == 'n'
          ? worksheet_write_number (sheet, cell.rec.row, cell.rec.col, cell.number, NULL)
          : worksheet_write_string (sheet, cell.rec.row, cell.rec.col, text->str, NULL);
  fclose (in);

  if (err != LXW_NO_ERROR)
    g_set_error (error, MW_ERROR, 0, "sheet %s: %s", name, lxw_strerror (err));
  else if (got < 0)
    g_set_error (error, MW_ERROR, 0, "invalid cells file %s: it ends inside a record", path);
  return err == LXW_NO_ERROR && got == 0;
}

/* Writes the workbook @out from the cells files in @dir, the timed part. */
static gboolean
write_workbook (const char       *out,
                const char       *dir,
                const SheetInfo   info[N_SHEETS],
                GError          **error)
{
  g_autofree char *out_dir = g_path_get_dirname (out);
  /* The header is row 0, so the last row's index is the number of
   * accounts. */
  lxw_workbook_options options = {
    .constant_memory = LXW_TRUE,
    .tmpdir = out_dir,
    .use_zip64 = info[0].last_row > ZIP64_ROWS,
  };
  double start = seconds ();
  double cpu_start = cpu_seconds ();
  lxw_workbook *workbook = workbook_new_opt (out, &options);
  lxw_error err;
  gboolean ok = TRUE;

  if (workbook == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "failed to create %s", out);
      return FALSE;
    }

  for (guint i = 0; ok && i < N_SHEETS; i++)
    {
      g_autofree char *path = cells_path (dir, "in", i);

      ok = write_sheet (workbook, sheet_names[i], path, error);
    }

  err = workbook_close (workbook);
  if (ok && err != LXW_NO_ERROR)
    g_set_error (error, MW_ERROR, 0, "%s: %s", out, lxw_strerror (err));
  ok = ok && err == LXW_NO_ERROR;

  if (ok)
    printf ("write-seconds %.4f\nwrite-cpu %.4f\n", seconds () - start,
            cpu_seconds () - cpu_start);
  return ok;
}

/* Creates an empty folder for the cells files beside @path. */
static char *
make_work_dir (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *work = g_build_filename (dir, ".minimal-writer-XXXXXX", NULL);

  if (g_mkdtemp (work) == NULL)
    {
      g_set_error (error, MW_ERROR, 0, "failed to create a folder in %s: %s", dir,
                   g_strerror (errno));
      return NULL;
    }

  return g_steal_pointer (&work);
}

static void
remove_work_dir (const char *dir)
{
  const char *prefixes[] = { "in", "a", "b" };

  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    for (guint i = 0; i < N_SHEETS; i++)
      {
        g_autofree char *path = cells_path (dir, prefixes[p], i);

        g_unlink (path);
      }
  g_rmdir (dir);
}

static gboolean
copy_cells (const char  *source,
            const char  *out,
            GError     **error)
{
  g_autofree char *dir = make_work_dir (out, error);
  SheetInfo info[N_SHEETS];
  double start = seconds ();
  gboolean ok;

  if (dir == NULL)
    return FALSE;

  ok = extract_workbook (source, dir, "in", info, error);
  if (ok)
    printf ("extract-seconds %.4f\n", seconds () - start);

  ok = ok && write_workbook (out, dir, info, error);
  remove_work_dir (dir);

  return ok;
}

static gboolean
same_cell (const Cell *a,
           const Cell *b)
{
  if (a->rec.row != b->rec.row || a->rec.col != b->rec.col || a->rec.kind != b->rec.kind)
    return FALSE;
  if (a->rec.kind == 'n')
    return memcmp (&a->number, &b->number, sizeof a->number) == 0;

  return a->rec.len == b->rec.len && memcmp (a->text->str, b->text->str, a->rec.len) == 0;
}

/* Describes a cell for a mismatch, such as "C12 number 2". */
static char *
describe_cell (const Cell *cell,
               int         got)
{
  char ref[LXW_MAX_CELL_NAME_LENGTH];

  if (got != 1)
    return g_strdup (got == 0 ? "no more cells" : "a truncated record");

  lxw_rowcol_to_cell (ref, cell->rec.row, cell->rec.col);
  if (cell->rec.kind == 'n')
    return g_strdup_printf ("%s number %.17g", ref, cell->number);

  return g_strdup_printf ("%s string \"%.80s\"", ref, cell->text->str);
}

/* Compares two cells files record by record. */
static gboolean
compare_files (const char  *name,
               FILE        *in_a,
               FILE        *in_b,
               GError     **error)
{
  g_autoptr(GString) text_a = g_string_new (NULL);
  g_autoptr(GString) text_b = g_string_new (NULL);
  Cell a = { .text = text_a }, b = { .text = text_b };
  guint64 n = 0;

  for (;; n++)
    {
      int got_a = read_record (in_a, &a);
      int got_b = read_record (in_b, &b);
      g_autofree char *shown_a = NULL;
      g_autofree char *shown_b = NULL;

      if (got_a == 0 && got_b == 0)
        break;
      if (got_a == 1 && got_b == 1 && same_cell (&a, &b))
        continue;

      shown_a = describe_cell (&a, got_a);
      shown_b = describe_cell (&b, got_b);
      g_set_error (error, MW_ERROR, 0, "sheet %s differs at cell %" G_GUINT64_FORMAT
                   ": %s against %s", name, n + 1, shown_a, shown_b);
      return FALSE;
    }

  printf ("%s: the same %" G_GUINT64_FORMAT " cells\n", name, n);
  return TRUE;
}

static gboolean
compare_sheet (const char  *dir,
               guint        sheet,
               GError     **error)
{
  g_autofree char *path_a = cells_path (dir, "a", sheet);
  g_autofree char *path_b = cells_path (dir, "b", sheet);
  FILE *in_a = g_fopen (path_a, "rb");
  FILE *in_b = g_fopen (path_b, "rb");
  gboolean ok = in_a != NULL && in_b != NULL;

  if (!ok)
    g_set_error (error, MW_ERROR, 0, "failed to open the cells files in %s", dir);
  ok = ok && compare_files (sheet_names[sheet], in_a, in_b, error);
  if (in_a != NULL)
    fclose (in_a);
  if (in_b != NULL)
    fclose (in_b);

  return ok;
}

static gboolean
compare_workbooks (const char  *xlsx_a,
                   const char  *xlsx_b,
                   GError     **error)
{
  g_autofree char *dir = make_work_dir (xlsx_b, error);
  SheetInfo info_a[N_SHEETS], info_b[N_SHEETS];
  gboolean ok;

  if (dir == NULL)
    return FALSE;

  ok = extract_workbook (xlsx_a, dir, "a", info_a, error)
       && extract_workbook (xlsx_b, dir, "b", info_b, error);
  for (guint i = 0; ok && i < N_SHEETS; i++)
    ok = compare_sheet (dir, i, error);
  remove_work_dir (dir);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (argc == 4 && strcmp (argv[1], "--compare") == 0)
    ok = compare_workbooks (argv[2], argv[3], &error);
  else if (argc == 3)
    ok = copy_cells (argv[1], argv[2], &error);
  else
    {
      fprintf (stderr, "usage: minimal-writer TIERLINE.xlsx OUT.xlsx\n"
                       "       minimal-writer --compare A.xlsx B.xlsx\n");
      return 2;
    }

  if (!ok)
    {
      fprintf (stderr, "minimal-writer: %s\n", error->message);
      return 1;
    }
  return 0;
}
