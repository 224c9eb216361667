/* tl-workbook-check.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-workbook"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <zip.h>

#include "tl-workbook-private.h"

/* In constant-memory mode libxlsxwriter 1.1.4 streams each sheet's rows to
 * a temporary file, and on closing copies them into a second temporary
 * file with the sheet's head and tail, which goes into the zip. It ignores
 * a failed write to either file, so on a full drive it would close a
 * workbook whose sheets stop mid-row. The checks below catch that. Before
 * the close, the rows must have been written and the drive must have room
 * for the copies. After it, each sheet in the zip must be at least as long
 * as its rows. */

/* Sheet XML compresses to about a tenth of its size in the zip, so a
 * quarter leaves a margin. */
#define ZIP_SHARE 4

/* Room for the heads and tails of the sheets and the other parts. */
#define PARTS_BYTES (256 * 1024)

/* Room for a sheet's last row, which is written during the close.
 * NOTE: a last row wider than this, with dozens of cells of 32,767
 * characters, could still be cut by a file size limit unnoticed. */
#define LAST_ROW_BYTES (4 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (zip_t, zip_discard)

/**
 * _tl_workbook_set_write_error:
 * @path: the workbook being written
 * @saved: the errno of the failed write, or 0
 * @detail: what failed, for other errors
 * @error: return location for the error
 *
 * Sets @error for a failed write: a full drive and a file past the size
 * limit get their own message.
 */
void
_tl_workbook_set_write_error (const char  *path,
                              int          saved,
                              const char  *detail,
                              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display_dir = g_filename_display_name (dir);

  if (saved == ENOSPC || saved == EDQUOT)
    g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                 _("The drive of the folder “%s” is full. Free some space there or export "
                   "to another folder, then try again."), display_dir);
  else if (saved == EFBIG)
    g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                 _("The workbook is larger than one file may be in the folder “%s”, on "
                   "its drive or under the system's file size limit (ulimit -f). Export "
                   "to another drive, or raise the limit."), display_dir);
  else
    g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
                 _("Writing the workbook failed: %s"), detail);
}

/* Fails unless the drive of @path has @needed bytes free. */
static gboolean
check_free_space (const char  *path,
                  guint64      needed,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display_dir = NULL;
  g_autofree char *free_text = NULL;
  g_autofree char *more_text = NULL;
  struct statvfs fs;
  guint64 available;

  if (statvfs (dir, &fs) != 0)
    return TRUE;

  available = (guint64) fs.f_bavail * fs.f_frsize;
  g_debug ("%" G_GUINT64_FORMAT " bytes free for %" G_GUINT64_FORMAT " to write",
           available, needed);
  if (available >= needed)
    return TRUE;

  display_dir = g_filename_display_name (dir);
  free_text = g_format_size (available);
  more_text = g_format_size (needed - available);
  /* Translators: a folder, then two sizes such as "12.5 MB" */
  g_set_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED,
               _("The drive of the folder “%s” has %s free, and the export needs about %s "
                 "more. Free some space there or export to another folder, then try "
                 "again."),
               display_dir, free_text, more_text);

  return FALSE;
}

/* Returns the largest file the system lets Tierline write in @dir: the
 * smaller of the process's file size limit and the file system's. */
static guint64
largest_file (const char *dir)
{
  guint64 largest = G_MAXUINT64;
  struct rlimit limit;
  long bits;

  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    largest = limit.rlim_cur;

  bits = pathconf (dir, _PC_FILESIZEBITS);
  if (bits > 0 && bits < 64)
    largest = MIN (largest, (G_GUINT64_CONSTANT (1) << (bits - 1)) - 1);

  return largest;
}

/* Fails unless a file of @size bytes may be written in the folder of
 * @path. The close copies each sheet into a file of its own, which must
 * fit as a whole. */
static gboolean
check_file_size (const char  *path,
                 guint64      size,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  guint64 largest = largest_file (dir);

  g_debug ("Files up to %" G_GUINT64_FORMAT " bytes, %" G_GUINT64_FORMAT " needed",
           largest, size);
  if (size <= largest)
    return TRUE;

  _tl_workbook_set_write_error (path, EFBIG, NULL, error);

  return FALSE;
}

/**
 * _tl_workbook_check_rows:
 * @workbook: the workbook, not closed yet
 * @path: the workbook's file
 * @row_bytes: (out caller-allocates): one guint64 per sheet, in the order
 *   of the sheets: the bytes of rows written so far
 * @error: return location for the error
 *
 * Checks that the rows of every sheet were written, that a file as large
 * as the largest sheet may be written beside @path, and that the drive
 * has room for the close to copy that sheet and zip them all.
 *
 * Returns: %FALSE with @error set when the close would fail or lose rows
 */
gboolean
_tl_workbook_check_rows (lxw_workbook  *workbook,
                         const char    *path,
                         GArray        *row_bytes,
                         GError       **error)
{
  lxw_worksheet *sheet;
  guint64 total = 0, largest = 0;

  STAILQ_FOREACH (sheet, workbook->worksheets, list_pointers)
    {
      FILE *file = sheet->optimize_tmpfile;
      guint64 bytes = 0;

      errno = 0;
      if (file != NULL && (fflush (file) != 0 || ferror (file)))
        {
          g_debug ("Writing the rows of a sheet failed, errno %d", errno);
          _tl_workbook_set_write_error (path, errno, g_strerror (errno), error);
          return FALSE;
        }
      if (file != NULL && ftello (file) > 0)
        bytes = ftello (file);

      g_array_append_val (row_bytes, bytes);
      total += bytes;
      largest = MAX (largest, bytes);
    }

  /* The close copies one sheet at a time, then adds the copy to the zip. */
  return check_file_size (path, largest + LAST_ROW_BYTES + PARTS_BYTES, error)
         && check_free_space (path, largest + total / ZIP_SHARE + PARTS_BYTES, error);
}

/**
 * _tl_workbook_check_written:
 * @tmp: the closed workbook
 * @path: the file it will replace
 * @row_bytes: (element-type guint64): the bytes of rows of each sheet, as
 *   _tl_workbook_check_rows() measured them
 * @error: return location for the error
 *
 * Checks that each sheet in the zip is at least as long as its rows.
 *
 * Returns: %FALSE with @error set when a sheet was cut short
 */
gboolean
_tl_workbook_check_written (const char  *tmp,
                            const char  *path,
                            GArray      *row_bytes,
                            GError     **error)
{
  g_autoptr(zip_t) zip = NULL;
  int zip_code = 0;

  zip = zip_open (tmp, ZIP_RDONLY, &zip_code);
  if (zip == NULL)
    {
      g_debug ("The closed workbook cannot be opened: libzip error %d", zip_code);
      _tl_workbook_set_write_error (path, 0, _("the written file is not a complete zip archive"),
                                    error);
      return FALSE;
    }

  for (guint i = 0; i < row_bytes->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      guint64 rows = g_array_index (row_bytes, guint64, i);
      zip_stat_t stat;

      if (zip_stat (zip, name, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)
          && stat.size >= rows)
        continue;

      g_debug ("%s is shorter than its %" G_GUINT64_FORMAT " bytes of rows", name, rows);
      _tl_workbook_set_write_error (path, ENOSPC, NULL, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tl_workbook_discard:
 * @workbook: a workbook that will not be closed
 *
 * Frees @workbook after a failed or cancelled export. lxw_workbook_free()
 * leaves the temporary files of the sheets' rows open, and those files,
 * already unlinked, would keep their space on the drive until Tierline
 * quits, so they are closed first.
 */
void
_tl_workbook_discard (lxw_workbook *workbook)
{
  lxw_worksheet *sheet;

  STAILQ_FOREACH (sheet, workbook->worksheets, list_pointers)
    {
      if (sheet->optimize_tmpfile != NULL)
        fclose (g_steal_pointer (&sheet->optimize_tmpfile));
    }

  lxw_workbook_free (workbook);
}
