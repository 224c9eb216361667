/* test-workbook.c
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

#define G_LOG_DOMAIN "test-workbook"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tl-workbook-private.h"

/* The workbook is read back with unzip and its sheet XML parsed here.
 * libxlsxwriter, in the constant-memory mode the export uses, writes text
 * as inline strings (<c t="inlineStr"><is><t>...</t></is></c>) and numbers
 * as <c><v>...</v></c> without a t attribute. */

/* Helpers: files */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tierline-workbook-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Returns the names in @dir, sorted and joined by spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDir *dir = g_dir_open (path, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Reads a CSV and segments it with the default bounds 250,000 / 50,000 /
 * 10,000 set by hand, so that no calibration moves them. */
static TlDocument *
load_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlModel) model = tl_model_new_default ();
  const double bounds[3] = { 250000, 50000, 10000 };

  tl_model_set_thresholds (model, bounds);
  doc = tl_document_read (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&doc);
}

static TlDocument *
load_csv (const char *dir,
          const char *name,
          const char *contents,
          gssize      length)
{
  g_autofree char *path = write_file (dir, name, contents, length);

  return load_document (path);
}

static char *
export_document (TlDocument *doc,
                 const char *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "out.xlsx", NULL);

  g_assert_true (tl_workbook_export (doc, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* Helpers: reading the workbook */

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* Returns one member of the zip, as `unzip -p` prints it. */
static char *
unzip_member (const char *xlsx,
              const char *member)
{
  const char *argv[] = { "unzip", "-p", xlsx, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* Whether every character of @xml may appear in an XML 1.0 document:
 * tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and
 * U+10000-U+10FFFF. */
static gboolean
xml_chars_valid (const char *xml)
{
  if (!g_utf8_validate (xml, -1, NULL))
    return FALSE;

  for (const char *p = xml; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
        return FALSE;
    }

  return TRUE;
}

/* Runs xmllint on @xml when it is installed; returns TRUE without it. */
static gboolean
xmllint_accepts (const char *dir,
                 const char *xml)
{
  g_autofree char *path = NULL;
  const char *argv[] = { "xmllint", "--noout", NULL, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!have_program ("xmllint"))
    return TRUE;

  path = write_file (dir, "check.xml", xml, -1);
  argv[2] = path;
  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return g_spawn_check_wait_status (status, NULL);
}

typedef struct
{
  char    *type;      /* the t attribute, NULL without one */
  int      style;     /* the s attribute, 0 without one */
  GString *value;     /* the text of <v> */
  GString *text;      /* the text of <is><t> */
  gboolean formula;   /* the cell has an <f> */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->type);
  g_string_free (cell->value, TRUE);
  g_string_free (cell->text, TRUE);
  g_free (cell);
}

typedef struct
{
  GHashTable *cells;        /* cell reference such as "B2" -> Cell */
  GPtrArray  *sheet_names;  /* the name of each <sheet> of workbook.xml */
  guint       n_formulas;   /* <f> elements anywhere */
  char       *autofilter;   /* the ref of <autoFilter> */
  char       *frozen_rows;  /* the ySplit of a frozen <pane> */
  char       *orientation;  /* the orientation of <pageSetup> */
  char       *fit_to_page;  /* the fitToPage of <pageSetUpPr> */
  GHashTable *num_formats;  /* styles.xml: numFmtId -> formatCode */
  GArray     *xf_formats;   /* styles.xml: the numFmtId of each cell format */
  gboolean    in_cell_xfs;
  Cell       *cell;         /* the <c> being read */
  GString    *target;       /* where text goes */
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_hash_table_unref (sheet->cells);
  g_ptr_array_unref (sheet->sheet_names);
  g_hash_table_unref (sheet->num_formats);
  g_array_unref (sheet->xf_formats);
  g_free (sheet->autofilter);
  g_free (sheet->frozen_rows);
  g_free (sheet->orientation);
  g_free (sheet->fit_to_page);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];

  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Sheet *sheet = data;

  if (strcmp (element, "c") == 0)
    {
      Cell *cell = g_new0 (Cell, 1);
      const char *style = find_attribute (names, values, "s");

      cell->type = g_strdup (find_attribute (names, values, "t"));
      cell->style = style != NULL ? atoi (style) : 0;
      cell->value = g_string_new (NULL);
      cell->text = g_string_new (NULL);
      g_hash_table_replace (sheet->cells, g_strdup (find_attribute (names, values, "r")), cell);
      sheet->cell = cell;
    }
  else if (strcmp (element, "v") == 0 && sheet->cell != NULL)
    sheet->target = sheet->cell->value;
  else if (strcmp (element, "t") == 0 && sheet->cell != NULL)
    sheet->target = sheet->cell->text;
  else if (strcmp (element, "f") == 0)
    {
      sheet->n_formulas++;
      if (sheet->cell != NULL)
        sheet->cell->formula = TRUE;
    }
  else if (strcmp (element, "sheet") == 0)
    g_ptr_array_add (sheet->sheet_names, g_strdup (find_attribute (names, values, "name")));
  else if (strcmp (element, "autoFilter") == 0)
    sheet->autofilter = g_strdup (find_attribute (names, values, "ref"));
  else if (strcmp (element, "pane") == 0
           && g_strcmp0 (find_attribute (names, values, "state"), "frozen") == 0)
    sheet->frozen_rows = g_strdup (find_attribute (names, values, "ySplit"));
  else if (strcmp (element, "pageSetup") == 0)
    sheet->orientation = g_strdup (find_attribute (names, values, "orientation"));
  else if (strcmp (element, "pageSetUpPr") == 0)
    sheet->fit_to_page = g_strdup (find_attribute (names, values, "fitToPage"));
  else if (strcmp (element, "numFmt") == 0)
    g_hash_table_insert (sheet->num_formats,
                         GINT_TO_POINTER (atoi (find_attribute (names, values, "numFmtId"))),
                         g_strdup (find_attribute (names, values, "formatCode")));
  else if (strcmp (element, "cellXfs") == 0)
    sheet->in_cell_xfs = TRUE;
  else if (strcmp (element, "xf") == 0 && sheet->in_cell_xfs)
    {
      const char *id = find_attribute (names, values, "numFmtId");
      int format = id != NULL ? atoi (id) : 0;

      g_array_append_val (sheet->xf_formats, format);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Sheet *sheet = data;

  if (strcmp (element, "c") == 0)
    sheet->cell = NULL;
  else if (strcmp (element, "cellXfs") == 0)
    sheet->in_cell_xfs = FALSE;
  else if (strcmp (element, "v") == 0 || strcmp (element, "t") == 0)
    sheet->target = NULL;
}

static void
text (GMarkupParseContext  *context,
      const char           *text_,
      gsize                 length,
      gpointer              data,
      GError              **error)
{
  Sheet *sheet = data;

  if (sheet->target != NULL)
    g_string_append_len (sheet->target, text_, length);
}

/* Reads one XML member of @xlsx: each cell by reference, the formulas,
 * the autofilter and frozen rows, the sheet names of workbook.xml and the
 * number formats of styles.xml. Fails the test on malformed XML. */
static Sheet *
read_member (const char *xlsx,
             const char *member)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autofree char *xml = unzip_member (xlsx, member);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  sheet->sheet_names = g_ptr_array_new_with_free_func (g_free);
  sheet->num_formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  sheet->xf_formats = g_array_new (FALSE, FALSE, sizeof (int));
  context = g_markup_parse_context_new (&parser, 0, sheet, NULL);
  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return sheet;
}

static Sheet *
read_sheet (const char *xlsx,
            guint       number)
{
  g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", number);

  return read_member (xlsx, member);
}

static const Cell *
get_cell (Sheet      *sheet,
          const char *ref)
{
  return g_hash_table_lookup (sheet->cells, ref);
}

static char *
cell_ref (guint column,
          guint row)
{
  GString *ref = g_string_new (NULL);

  /* Column 0 is A, 25 is Z, 26 is AA. */
  for (guint c = column + 1; c > 0; c = (c - 1) / 26)
    g_string_prepend_c (ref, 'A' + (c - 1) % 26);
  g_string_append_printf (ref, "%u", row);

  return g_string_free (ref, FALSE);
}

/* Asserts that @ref is an inline string cell that contains exactly @expected. */
static void
assert_text_cell (Sheet      *sheet,
                  const char *ref,
                  const char *expected)
{
  const Cell *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("cell %s is missing, expected the text “%s”", ref, expected);
  if (g_strcmp0 (cell->type, "inlineStr") != 0 || cell->formula
      || strcmp (cell->text->str, expected) != 0)
    g_error ("cell %s of type %s contains “%s”%s, expected the text “%s”", ref,
             cell->type != NULL ? cell->type : "(none)", cell->text->str,
             cell->formula ? " and a formula" : "", expected);
}

/* Asserts that @ref is a number cell that contains @expected. */
static void
assert_number_cell (Sheet      *sheet,
                    const char *ref,
                    double      expected)
{
  const Cell *cell = get_cell (sheet, ref);
  double value;

  if (cell == NULL)
    g_error ("cell %s is missing, expected the number %g", ref, expected);
  value = cell->value->len > 0 ? g_ascii_strtod (cell->value->str, NULL) : NAN;
  if ((cell->type != NULL && strcmp (cell->type, "n") != 0) || cell->formula
      || !(fabs (value - expected) <= 1e-9 * MAX (1, fabs (expected))))
    g_error ("cell %s of type %s contains “%s”%s, expected the number %.10g", ref,
             cell->type != NULL ? cell->type : "(none)", cell->value->str,
             cell->formula ? " and a formula" : "", expected);
}

/* Returns the number format code of the cell @ref, such as "0.0%"; "" for
 * the built-in formats. */
static const char *
get_format_code (Sheet      *sheet,
                 Sheet      *styles,
                 const char *ref)
{
  const Cell *cell = get_cell (sheet, ref);
  const char *code;
  int id;

  g_assert_nonnull (cell);
  g_assert_cmpuint (cell->style, <, styles->xf_formats->len);
  id = g_array_index (styles->xf_formats, int, cell->style);
  code = g_hash_table_lookup (styles->num_formats, GINT_TO_POINTER (id));

  return code != NULL ? code : "";
}

static void
assert_no_cell (Sheet      *sheet,
                const char *ref)
{
  g_assert_null (get_cell (sheet, ref));
}

/* Skips the test when unzip is missing. Returns whether the test may go on. */
static gboolean
need_unzip (void)
{
  /* The workbook is read back with unzip; build-aux/setup.sh installs it,
   * so its absence is a failure, not a reason to skip. */
  if (!have_program ("unzip"))
    g_error ("unzip is not installed: install it to read exported workbooks back");

  return TRUE;
}

/* Accounts for the basic export. With bounds 250,000 / 50,000 / 10,000:
 *
 *  Northwind  $912,000 -> tier 1; health from DAU/MAU 45 / 100 alone:
 *             0.45 / 0.5 = 0.9, 27 of 30 = 90 -> Healthy; seats 92 of 100
 *             fire (MEDIUM, "Seats 92 % used")
 *  Contoso    1,200 -> tier 4; no health data; no signal
 *  Fabrikam   12.5K = 12,500 -> tier 3; DAU/MAU 20 / 100 = 0.2 -> 12 of 30
 *             = 40 -> At Risk; seats 2 of 10 do not fire (LOW)
 *  Tailspin   no ARR -> no tier ("Needs data"), no motion
 *
 * Tiers: 1, 0, 1, 1 accounts; the 3 with a tier have 925,700 of ARR. */
static const char basic_csv[] =
  "Account ID,Account Name,ARR,Seats,Seats Used,DAU,MAU,Notes\n"
  "N-1,Northwind Traders,\"$912,000\",100,92,45,100,renewal in March\n"
  "N-2,Contoso,\"1,200\",,,,,\n"
  "N-3,Fabrikam,12.5K,10,2,20,100,\n"
  "N-4,Tailspin,,,,,,no revenue yet\n";

static void
test_workbook_sheet_names (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) workbook = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "basic.csv", basic_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  workbook = read_member (xlsx, "xl/workbook.xml");

  g_assert_cmpuint (workbook->sheet_names->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 0), ==, "Accounts");
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 1), ==, "Tiers");
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 2), ==, "Health");
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 3), ==, "Motion");
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 4), ==, "Capacity");
  g_assert_cmpstr (g_ptr_array_index (workbook->sheet_names, 5), ==, "Movements");
}


static void
test_workbook_accounts_header (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *const expected[] = {
    "Account", "Account ID", "Tier", "Tier Name", "Health Score", "Health", "Expansion",
    "Expansion Signals", "Movement", "CS Motion",
    /* The input's own "Account ID" is told apart from the result column. */
    "Account ID (from file)", "Account Name", "ARR", "Seats", "Seats Used", "DAU", "MAU",
    "Notes",
  };
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) accounts = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "basic.csv", basic_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);

  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    {
      g_autofree char *ref = cell_ref (c, 1);

      assert_text_cell (accounts, ref, expected[c]);
    }
  assert_no_cell (accounts, "S1");

  /* The header row is frozen and filters the 18 columns of 4 accounts. */
  g_assert_cmpstr (accounts->frozen_rows, ==, "1");
  g_assert_cmpstr (accounts->autofilter, ==, "A1:R5");

  /* It prints in landscape at its own size, over as many pages as needed. */
  g_assert_cmpstr (accounts->orientation, ==, "landscape");
  g_assert_null (accounts->fit_to_page);
}

static void
test_workbook_accounts_rows (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) accounts = NULL;
  g_autoptr(Sheet) styles = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "basic.csv", basic_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);

  /* Northwind */
  assert_text_cell (accounts, "A2", "Northwind Traders");
  assert_text_cell (accounts, "B2", "N-1");
  assert_number_cell (accounts, "C2", 1);
  assert_text_cell (accounts, "D2", "Strategic");
  assert_number_cell (accounts, "E2", 90);
  assert_text_cell (accounts, "F2", "Healthy");
  assert_text_cell (accounts, "G2", "MEDIUM");
  assert_text_cell (accounts, "H2", "Seats 92 % used");
  assert_text_cell (accounts, "J2", "High-touch: 1 CSM for 5-8 accounts");
  assert_text_cell (accounts, "K2", "N-1");
  assert_text_cell (accounts, "L2", "Northwind Traders");
  assert_number_cell (accounts, "M2", 912000);   /* "$912,000" */
  assert_number_cell (accounts, "N2", 100);
  assert_number_cell (accounts, "O2", 92);
  assert_number_cell (accounts, "P2", 45);
  assert_number_cell (accounts, "Q2", 100);
  assert_text_cell (accounts, "R2", "renewal in March");

  /* Contoso: no score, no signal, empty cells stay empty */
  assert_number_cell (accounts, "C3", 4);
  assert_text_cell (accounts, "D3", "Long Tail");
  assert_no_cell (accounts, "E3");
  assert_no_cell (accounts, "F3");
  assert_no_cell (accounts, "G3");
  assert_number_cell (accounts, "M3", 1200);     /* "1,200" */
  assert_no_cell (accounts, "N3");

  /* Fabrikam */
  assert_number_cell (accounts, "C4", 3);
  assert_number_cell (accounts, "E4", 40);
  assert_text_cell (accounts, "F4", "At Risk");
  assert_text_cell (accounts, "G4", "LOW");
  assert_no_cell (accounts, "H4");
  assert_number_cell (accounts, "M4", 12500);    /* "12.5K" */

  /* Tailspin: no tier */
  assert_no_cell (accounts, "C5");
  assert_text_cell (accounts, "D5", "Needs data");
  assert_no_cell (accounts, "J5");
  assert_no_cell (accounts, "M5");
  assert_text_cell (accounts, "R5", "no revenue yet");

  assert_no_cell (accounts, "A6");
  g_assert_cmpuint (accounts->n_formulas, ==, 0);

  /* ARR is in a currency format; seats are not. */
  styles = read_member (xlsx, "xl/styles.xml");
  g_assert_nonnull (strchr (get_format_code (accounts, styles, "M2"), '$'));
  g_assert_nonnull (strchr (get_format_code (accounts, styles, "M4"), '$'));
  g_assert_null (strchr (get_format_code (accounts, styles, "N2"), '$'));
}

/* Returns the dxfId of the conditional format rule of @xml over @sqref
 * that matches cells equal to @label, or -1. */
static int
find_label_rule (const char *xml,
                 const char *sqref,
                 const char *label)
{
  g_autofree char *start = g_strdup_printf ("<conditionalFormatting sqref=\"%s\">", sqref);
  g_autofree char *formula = g_strdup_printf ("<formula>\"%s\"</formula>", label);
  const char *block = strstr (xml, start);
  const char *end = block != NULL ? strstr (block, "</conditionalFormatting>") : NULL;
  const char *match = block != NULL ? g_strstr_len (block, end - block, formula) : NULL;
  const char *id = NULL;

  if (match == NULL)
    return -1;
  for (const char *p = block; (p = g_strstr_len (p, match - p, "dxfId=\"")) != NULL; p++)
    id = p;

  return id != NULL ? atoi (id + strlen ("dxfId=\"")) : -1;
}

/* Returns the XML of the differential format @index of styles.xml. */
static char *
get_dxf (const char *styles,
         int         index)
{
  const char *p = strstr (styles, "<dxfs");

  g_assert_nonnull (p);
  for (int i = 0; i <= index; i++)
    {
      p = strstr (p + 1, "<dxf>");
      g_assert_nonnull (p);
    }

  return g_strndup (p, strstr (p, "</dxf>") - p);
}

/* Asserts that the cells of @sqref equal to @label take a fill of @fill,
 * text of @font, and bold text when @bold. */
static void
assert_label_colour (const char *sheet_xml,
                     const char *styles,
                     const char *sqref,
                     const char *label,
                     const char *fill,
                     const char *font,
                     gboolean    bold)
{
  int id = find_label_rule (sheet_xml, sqref, label);
  g_autofree char *dxf = NULL;
  g_autofree char *fill_attr = g_strdup_printf ("<bgColor rgb=\"FF%s\"/>", fill);
  g_autofree char *font_attr = g_strdup_printf ("<color rgb=\"FF%s\"/>", font);

  g_test_message ("%s in %s", label, sqref);
  g_assert_cmpint (id, >=, 0);
  dxf = get_dxf (styles, id);
  g_assert_nonnull (strstr (dxf, fill_attr));
  g_assert_nonnull (strstr (dxf, font_attr));
  g_assert_true ((strstr (dxf, "<b/>") != NULL) == bold);
}

/* Converts the workbook to Gnumeric's own format and checks that the
 * rule for "Healthy" there has a solid green fill and dark green text. */
static void
assert_gnumeric_band_colour (Fixture    *fixture,
                             const char *xlsx)
{
  g_autofree char *out = g_build_filename (fixture->dir, "out.gnumeric", NULL);
  const char *argv[] = { "ssconvert", xlsx, out, NULL };
  const char *zcat[] = { "zcat", out, NULL };
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  const char *rule;
  int status;

  if (!have_program ("ssconvert"))
    {
      g_test_message ("ssconvert (Gnumeric) is not installed: Gnumeric not checked");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) zcat, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &xml, NULL,
                &status, &error);
  g_assert_no_error (error);

  rule = strstr (xml, "<gnm:Expression0>&quot;Healthy&quot;</gnm:Expression0>");
  g_assert_nonnull (rule);
  rule = strstr (rule, "<gnm:Style ");
  g_assert_nonnull (rule);
  g_assert_true (g_str_has_prefix (rule, "<gnm:Style Shade=\"1\" Fore=\"0:6161:0\" "
                                         "Back=\"C6C6:EFEF:CECE\""));
}

/* The Health and Expansion labels of the Accounts sheet keep their band
 * colours through one conditional format per label, not a format per cell.
 * Gnumeric reads the rules back with their solid fills. */
static void
test_workbook_band_colours (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *sheet_xml = NULL;
  g_autofree char *styles = NULL;
  g_autoptr(Sheet) accounts = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "basic.csv", basic_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  sheet_xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  styles = unzip_member (xlsx, "xl/styles.xml");

  assert_label_colour (sheet_xml, styles, "F2:F5", "Healthy", "C6EFCE", "006100", FALSE);
  assert_label_colour (sheet_xml, styles, "F2:F5", "Stable", "FFEB9C", "7A5B00", FALSE);
  assert_label_colour (sheet_xml, styles, "F2:F5", "At Risk", "FFD2A6", "8A3B00", FALSE);
  assert_label_colour (sheet_xml, styles, "F2:F5", "Critical", "FFC7CE", "9C0006", FALSE);
  assert_label_colour (sheet_xml, styles, "G2:G5", "LOW", "E7E6E6", "3A3A3A", TRUE);
  assert_label_colour (sheet_xml, styles, "G2:G5", "MEDIUM", "DDEBF7", "1F4E79", TRUE);
  assert_label_colour (sheet_xml, styles, "G2:G5", "HIGH", "D9D2E9", "4B2C82", TRUE);

  /* The labels themselves need no format. */
  accounts = read_sheet (xlsx, 1);
  assert_text_cell (accounts, "F2", "Healthy");
  g_assert_cmpint (get_cell (accounts, "F2")->style, ==, 0);
  assert_text_cell (accounts, "G2", "MEDIUM");
  g_assert_cmpint (get_cell (accounts, "G2")->style, ==, 0);

  assert_gnumeric_band_colour (fixture, xlsx);
}

/* The Expansion Signals texts reach the Accounts sheet from another thread
 * in chunks of 4,096 accounts. Each of 10,000 rows, in three chunks, shows
 * the text of its own account. */
static void
test_workbook_signals_in_order (Fixture       *fixture,
                                gconstpointer  data)
{
  const guint n = 10000;
  g_autoptr(GString) csv = g_string_new ("Account ID,Account Name,ARR,Seats,Seats Used\n");
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) accounts = NULL;
  const TlSegmentation *seg;
  guint n_texts = 0;

  if (!need_unzip ())
    return;
  /* Seats used run from 50 to 99 of 100, so some accounts fire the seats
   * signal and some do not. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "A-%u,Account %u,%u,100,%u\n", i, i, 5000 + i, 50 + i % 50);
  doc = load_csv (fixture->dir, "many.csv", csv->str, csv->len);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);
  seg = tl_document_get_segmentation (doc);

  for (guint r = 0; r < n; r++)
    {
      g_autofree char *ref = cell_ref (7, r + 2);
      g_autofree char *expected = NULL;
      TlExpansionDetail detail;

      if (seg->expansion[r] != TL_EXPANSION_NONE)
        {
          tl_expansion_explain (tl_document_get_table (doc), tl_document_get_model (doc), r,
                                &detail);
          expected = tl_expansion_describe_fired (&detail);
        }
      if (expected == NULL)
        {
          assert_no_cell (accounts, ref);
          continue;
        }
      g_strdelimit (expected, "\n", ';');
      assert_text_cell (accounts, ref, expected);
      n_texts++;
    }
  g_assert_cmpuint (n_texts, >, 0);
  g_assert_cmpuint (n_texts, <, n);
}

/* Tiers: accounts 1 / 0 / 1 / 1 with 912,000 / 0 / 12,500 / 1,200, 3
 * accounts and 925,700 in all. Health: Northwind Healthy, Fabrikam At
 * Risk, two without a score. */
static void
test_workbook_summary_sheets (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) tiers = NULL;
  g_autoptr(Sheet) health = NULL;
  g_autoptr(Sheet) motion = NULL;
  g_autoptr(Sheet) styles = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "basic.csv", basic_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  styles = read_member (xlsx, "xl/styles.xml");
  tiers = read_sheet (xlsx, 2);
  health = read_sheet (xlsx, 3);
  motion = read_sheet (xlsx, 4);

  /* The summary sheets print in landscape, fitted to the page's width. */
  g_assert_cmpstr (tiers->orientation, ==, "landscape");
  g_assert_cmpstr (tiers->fit_to_page, ==, "1");
  g_assert_cmpstr (health->fit_to_page, ==, "1");
  g_assert_cmpstr (motion->fit_to_page, ==, "1");

  assert_text_cell (tiers, "B1", "Name");
  assert_number_cell (tiers, "A2", 1);
  assert_text_cell (tiers, "B2", "Strategic");
  assert_number_cell (tiers, "E2", 1);
  assert_number_cell (tiers, "G2", 912000);
  assert_number_cell (tiers, "E3", 0);
  assert_number_cell (tiers, "E4", 1);
  assert_number_cell (tiers, "G4", 12500);
  assert_text_cell (tiers, "B5", "Long Tail");
  assert_number_cell (tiers, "G5", 1200);
  assert_number_cell (tiers, "E6", 3);
  assert_number_cell (tiers, "G6", 925700);
  assert_number_cell (tiers, "F2", 1.0 / 3);
  assert_number_cell (tiers, "H2", 912000.0 / 925700);
  g_assert_nonnull (strchr (get_format_code (tiers, styles, "G2"), '$'));
  g_assert_nonnull (strchr (get_format_code (tiers, styles, "F2"), '%'));

  assert_text_cell (health, "A2", "Usage");
  assert_number_cell (health, "B2", 30);
  assert_text_cell (health, "A6", "NPS");
  assert_number_cell (health, "B6", 15);
  assert_text_cell (health, "A11", "Healthy");
  assert_text_cell (health, "B11", "80-100");
  assert_number_cell (health, "C11", 1);
  assert_text_cell (health, "B12", "60-79");
  assert_number_cell (health, "C12", 0);
  assert_text_cell (health, "A13", "At Risk");
  assert_number_cell (health, "C13", 1);
  assert_text_cell (health, "B14", "0-39");
  assert_number_cell (health, "C15", 2);

  assert_text_cell (motion, "C1", "Coverage");
  assert_text_cell (motion, "B2", "Strategic");
  assert_text_cell (motion, "C2", "High-touch: 1 CSM for 5-8 accounts");
  assert_text_cell (motion, "B5", "Long Tail");
}

/* Six accounts with ARR 712,200 in all and the file's own health scores
 * 72, 55, 90, 61, 80 and 54 (mean 68.67). The sheets are written row by
 * row, so the totals after the accounts must not be lost. Tiers: 250,000
 * is tier 1; 180,000, 120,000 and 90,000 tier 2; 42,200 and 30,000 tier 3.
 * Health: 90 and 80 Healthy, 72 and 61 Stable, 55 and 54 At Risk. */
static void
test_workbook_totals (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char csv[] =
    "Account,ARR,Health\n"
    "Ada Mills,250000,72\n"
    "Birch Bank,180000,55\n"
    "Cedar Air,120000,90\n"
    "Dune Foods,90000,61\n"
    "Elm Audio,42200,80\n"
    "Fir Legal,30000,54\n";
  const double arr[] = { 250000, 180000, 120000, 90000, 42200, 30000 };
  const double health[] = { 72, 55, 90, 61, 80, 54 };
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) accounts = NULL;
  g_autoptr(Sheet) tiers = NULL;
  g_autoptr(Sheet) health_sheet = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "totals.csv", csv, -1);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);
  tiers = read_sheet (xlsx, 2);
  health_sheet = read_sheet (xlsx, 3);

  for (guint r = 0; r < G_N_ELEMENTS (arr); r++)
    {
      g_autofree char *score_ref = cell_ref (4, r + 2);
      g_autofree char *arr_ref = cell_ref (11, r + 2);
      g_autofree char *health_ref = cell_ref (12, r + 2);

      assert_number_cell (accounts, score_ref, health[r]);
      assert_number_cell (accounts, arr_ref, arr[r]);
      assert_number_cell (accounts, health_ref, health[r]);
    }

  assert_number_cell (tiers, "E2", 1);
  assert_number_cell (tiers, "E3", 3);
  assert_number_cell (tiers, "E4", 2);
  assert_number_cell (tiers, "E5", 0);
  assert_number_cell (tiers, "E6", 6);
  assert_number_cell (tiers, "G6", 712200);

  assert_number_cell (health_sheet, "C11", 2);
  assert_number_cell (health_sheet, "C12", 2);
  assert_number_cell (health_sheet, "C13", 2);
  assert_number_cell (health_sheet, "C14", 0);
  assert_number_cell (health_sheet, "C15", 0);
}

/* Text that a spreadsheet would take for a formula, beside real negative
 * numbers. */
static const char formula_csv[] =
  "Account,Contact Note,MRR Change,ARR\n"
  "\"=HYPERLINK(\"\"http://example.invalid/\"\",\"\"Open\"\")\",renewal call,-1200,1000\n"
  "+SUM(1+1),@SUM(B2:B3),350,2000\n"
  "-Dash Analytics,=1+1,-0.5,3000\n"
  "Cobalt Mining,\"=CMD|' /C calc'!A0\",0,4000\n";

static void
test_workbook_formula_text (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *const names[] = {
    "=HYPERLINK(\"http://example.invalid/\",\"Open\")", "+SUM(1+1)", "-Dash Analytics",
    "Cobalt Mining",
  };
  const char *const notes[] = { "renewal call", "@SUM(B2:B3)", "=1+1", "=CMD|' /C calc'!A0" };
  const double changes[] = { -1200, 350, -0.5, 0 };
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(Sheet) accounts = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "formula.csv", formula_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);
  xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");

  for (guint r = 0; r < G_N_ELEMENTS (names); r++)
    {
      g_autofree char *name_ref = cell_ref (0, r + 2);     /* Account */
      g_autofree char *input_ref = cell_ref (10, r + 2);   /* the input's Account */
      g_autofree char *note_ref = cell_ref (11, r + 2);
      g_autofree char *change_ref = cell_ref (12, r + 2);

      assert_text_cell (accounts, name_ref, names[r]);
      assert_text_cell (accounts, input_ref, names[r]);
      assert_text_cell (accounts, note_ref, notes[r]);
      assert_number_cell (accounts, change_ref, changes[r]);
    }

  g_assert_cmpuint (accounts->n_formulas, ==, 0);
  g_assert_null (strstr (xml, "<f>"));
  g_assert_null (strstr (xml, "<f "));
}

/* A 40,000-character note whose character 32,767 is an emoji (two UTF-16
 * units). Excel's cell limit is 32,767 units, so the cell keeps the first
 * 32,766 characters: with the emoji it would need 32,768 units. */
#define NOTE_CHARS 40000
#define EMOJI_AT 32767        /* 1-based character position */

static char *
make_long_note (void)
{
  const char *words = "Call log entry; customer asked about seat pricing. ";
  GString *note = g_string_new (NULL);
  guint chars = 0;

  for (guint i = 0; chars < NOTE_CHARS; i++, chars++)
    {
      if (chars + 1 == EMOJI_AT)
        g_string_append (note, "\xF0\x9F\x93\x9E");      /* U+1F4DE */
      else
        g_string_append_c (note, words[i % strlen (words)]);
    }

  return g_string_free (note, FALSE);
}

/* A name cut to the cell limit is quoted in the note shortened, with an
 * ellipsis, not whole. */
static void
test_workbook_long_name (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *name = g_strnfill (40000, 'N');
  g_autofree char *csv = g_strdup_printf ("Account,ARR\n%s,56000\n", name);
  g_autoptr(TlDocument) doc = load_csv (fixture->dir, "name.csv", csv, -1);
  g_autofree char *xlsx = g_build_filename (fixture->dir, "name.xlsx", NULL);
  g_autofree char *expected = NULL;
  g_auto(TlExportNotes) notes = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (tl_workbook_export (doc, xlsx, &notes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The name is in the results and among the file's own columns. */
  g_assert_cmpuint (notes.n_cut_cells, ==, 2);

  name[80] = '\0';
  expected = g_strconcat (name, "…", NULL);
  g_assert_cmpstr (notes.first_cut, ==, expected);
}

static void
test_workbook_long_note (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *note = make_long_note ();
  g_autofree char *csv = g_strdup_printf ("Account,ARR,Notes\n"
                                          "Delta Freight,56000,\"%s\"\n"
                                          "Echo Farms,7000,short note\n", note);
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(Sheet) accounts = NULL;
  const Cell *cell;
  const char *imported;
  g_auto(TlExportNotes) notes = { 0 };
  g_autofree char *described = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_unzip ())
    return;
  g_assert_cmpint (g_utf8_strlen (note, -1), ==, NOTE_CHARS);

  doc = load_csv (fixture->dir, "note.csv", csv, -1);
  imported = tl_account_table_get_cell (tl_document_get_table (doc), 0, 2);
  g_assert_cmpint (g_utf8_strlen (imported, -1), ==, NOTE_CHARS);

  xlsx = g_build_filename (fixture->dir, "note.xlsx", NULL);
  g_assert_true (tl_workbook_export (doc, xlsx, &notes, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notes.n_cut_cells, ==, 1);
  g_assert_cmpstr (notes.first_cut, ==, "Delta Freight");
  described = tl_export_notes_describe (&notes);
  g_assert_nonnull (strstr (described, "Delta Freight"));

  accounts = read_sheet (xlsx, 1);
  cell = get_cell (accounts, "M2");
  g_assert_nonnull (cell);
  g_assert_cmpstr (cell->type, ==, "inlineStr");
  g_assert_cmpint (g_utf8_strlen (cell->text->str, -1), ==, EMOJI_AT - 1);
  g_assert_true (strncmp (cell->text->str, note, cell->text->len) == 0);
  g_assert_null (strstr (cell->text->str, "\xF0\x9F\x93\x9E"));
  g_assert_true (g_utf8_validate (cell->text->str, -1, NULL));

  assert_text_cell (accounts, "A3", "Echo Farms");
  assert_text_cell (accounts, "M3", "short note");

  xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");
  g_assert_true (xml_chars_valid (xml));
  g_assert_true (xmllint_accepts (fixture->dir, xml));
}

/* C0 control characters inside text (DC4, VT, SOH, US) and bytes that are
 * not UTF-8 (FF FE): XML 1.0 may hold neither. The control characters are
 * dropped; the stray bytes become U+FFFD, or the whole file is read as
 * Windows-1252, where FF FE are "ÿþ". Tab and line feed are allowed in XML
 * and kept. */
static const char control_csv[] =
  "Account,Comment,ARR\n"
  "Kappa Tools,Order ref\x14" "A-77 confirmed,1000\n"
  "Lambda Boats,Line one\x0b" "Line two,2000\n"
  "Mu Apparel,Price list \xff\xfe broken bytes,3000\n"
  "Nu Robotics,a\x01" "b\x1f" "c,4000\n"
  "Omicron Co,\"tab\there\nnext line\",6000\n"
  "Pi Systems,Clean text,7000\n";

static void
test_workbook_control_chars (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(Sheet) accounts = NULL;
  const Cell *cell;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "control.csv", control_csv, -1);
  xlsx = export_document (doc, fixture->dir);
  xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");

  g_assert_true (xml_chars_valid (xml));
  g_assert_true (xmllint_accepts (fixture->dir, xml));

  accounts = read_sheet (xlsx, 1);
  assert_text_cell (accounts, "L2", "Order refA-77 confirmed");
  assert_text_cell (accounts, "L3", "Line oneLine two");
  assert_text_cell (accounts, "L5", "abc");
  assert_text_cell (accounts, "L6", "tab\there\nnext line");
  assert_text_cell (accounts, "A7", "Pi Systems");
  assert_text_cell (accounts, "L7", "Clean text");
  assert_number_cell (accounts, "M7", 7000);

  cell = get_cell (accounts, "L4");
  g_assert_nonnull (cell);
  if (strcmp (cell->text->str, "Price list \xc3\xbf\xc3\xbe broken bytes") != 0)
    g_assert_cmpstr (cell->text->str, ==, "Price list \xef\xbf\xbd\xef\xbf\xbd broken bytes");
}

/* The noncharacters U+FFFE and U+FFFF are valid UTF-8 but not allowed in
 * XML 1.0, so they cannot reach the sheet. */
static void
test_workbook_noncharacters (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char csv[] =
    "Account,Comment,ARR\n"
    "Xi Labs,ok\xef\xbf\xbf" "bad\xef\xbf\xbe" "end,5000\n"
    "Rho Co,fine,6000\n";
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(Sheet) accounts = NULL;
  const Cell *cell;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "nonchar.csv", csv, -1);
  xlsx = export_document (doc, fixture->dir);
  xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");

  g_assert_true (xml_chars_valid (xml));
  g_assert_true (xmllint_accepts (fixture->dir, xml));

  accounts = read_sheet (xlsx, 1);
  cell = get_cell (accounts, "L2");
  g_assert_nonnull (cell);
  g_assert_true (g_str_has_prefix (cell->text->str, "ok"));
  g_assert_nonnull (strstr (cell->text->str, "bad"));
  g_assert_true (g_str_has_suffix (cell->text->str, "end"));
  assert_text_cell (accounts, "L3", "fine");
}

/* A header cell with a control character or a noncharacter is written so
 * that the XML stays valid. */
static void
test_workbook_control_chars_header (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char csv[] = "Account,ARR,No\x01tes,Odd\xef\xbf\xbf\n" "Alpha,1000,ok,x\n";
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *xml = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "header.csv", csv, -1);
  xlsx = export_document (doc, fixture->dir);
  xml = unzip_member (xlsx, "xl/worksheets/sheet1.xml");

  g_assert_true (xml_chars_valid (xml));
  g_assert_true (xmllint_accepts (fixture->dir, xml));
}

/* A UTF-8 byte order mark and CRLF line ends: the first header is exactly
 * "Account ID" in the workbook (marked as the file's, because a result
 * column has the same name), and it still maps to the id. */
static void
test_workbook_bom_header (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char csv[] =
    "\xef\xbb\xbf" "Account ID,Account,ARR\r\n"
    "B-1,Bom Corp,1000\r\n";
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(Sheet) accounts = NULL;

  if (!need_unzip ())
    return;
  doc = load_csv (fixture->dir, "bom.csv", csv, -1);
  xlsx = export_document (doc, fixture->dir);
  accounts = read_sheet (xlsx, 1);

  assert_text_cell (accounts, "K1", "Account ID (from file)");
  assert_text_cell (accounts, "B2", "B-1");
  assert_text_cell (accounts, "A2", "Bom Corp");
}

static const char small_csv[] = "Account,ARR\nAlpha,1000\nBeta,2000\n";
static const char old_contents[] = "an older workbook that must survive";

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

/* Tries an export as another user when running as root, whom directory
 * permissions do not stop. Returns the GError code in the TL_EXPORT_ERROR
 * domain, -1 when the export succeeded and -2 for any other error. */
static int
export_without_privileges (TlDocument *doc,
                           const char *path)
{
  pid_t pid;
  int status;

  if (geteuid () != 0)
    {
      g_autoptr(GError) error = NULL;

      if (tl_workbook_export (doc, path, NULL, NULL, NULL, NULL, &error))
        return -1;
      return error->domain == TL_EXPORT_ERROR ? error->code : -2;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      GError *error = NULL;

      /* 65534 is the usual id of the unprivileged user "nobody". */
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (100);
      if (tl_workbook_export (doc, path, NULL, NULL, NULL, NULL, &error))
        _exit (101);
      _exit (error->domain == TL_EXPORT_ERROR ? error->code : 102);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 100)
    return -3;

  return WEXITSTATUS (status) == 101 ? -1 : WEXITSTATUS (status) == 102 ? -2
         : WEXITSTATUS (status);
}

/* Exporting into a folder that cannot be written fails with an export
 * error, leaves no temporary file and keeps the file already there. */
static void
test_workbook_read_only_dir (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *target = g_build_filename (locked, "out.xlsx", NULL);
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *listing = NULL;
  int code;

  doc = load_document (csv);
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_free (write_file (locked, "out.xlsx", old_contents, -1));
  /* The unprivileged user must reach the folder to be refused there. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  code = export_without_privileges (doc, target);
  if (code == -3)
    {
      g_test_skip ("cannot drop root privileges to test a read-only folder");
      return;
    }
  g_assert_cmpint (code, ==, TL_EXPORT_ERROR_FAILED);

  listing = list_dir (locked);
  g_assert_cmpstr (listing, ==, "out.xlsx");
  assert_file_contents (target, old_contents);
}

/* Exports @doc to @path in a child process whose files may not grow past
 * @limit bytes, as on a drive that allows no larger file, and returns the
 * export's error message, or NULL when it succeeded. */
static char *
export_with_file_limit (TlDocument *doc,
                        const char *path,
                        rlim_t      limit)
{
  int fds[2];
  pid_t pid;
  int status;
  char message[1024];
  gssize n;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };
      GError *error = NULL;

      close (fds[0]);
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &rl) != 0)
        _exit (100);
      if (!tl_workbook_export (doc, path, NULL, NULL, NULL, NULL, &error))
        {
          if (write (fds[1], error->message, strlen (error->message)) < 0)
            _exit (101);
        }
      _exit (0);
    }

  close (fds[1]);
  n = read (fds[0], message, sizeof message - 1);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  if (n <= 0)
    return NULL;
  message[n] = '\0';

  return g_strdup (message);
}

/* An export past the file size limit fails with a message that names the
 * limit and the folder. The file already there stays as it was, and no
 * temporary file is left. */
static void
test_workbook_file_too_large (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) csv_text = g_string_new ("Account,ARR,CSM\n");
  g_autofree char *csv = NULL;
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(TlDocument) doc = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv_text, "Account %u,%u,Owner %u\n", i, 1000 + i * 37, i % 9);
  csv = write_file (fixture->dir, "large.csv", csv_text->str, -1);
  target = write_file (fixture->dir, "out.xlsx", old_contents, -1);
  doc = load_document (csv);

  message = export_with_file_limit (doc, target, 64 * 1024);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "The workbook is larger than one file may be"));
  g_assert_nonnull (strstr (message, fixture->dir));
  assert_file_contents (target, old_contents);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "large.csv out.xlsx");
}

/* Returns the number of files this process has open. */
static guint
count_open_files (void)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (fds);
  while (g_dir_read_name (fds) != NULL)
    n++;

  return n;
}

/* A closed workbook whose sheets are shorter than the rows written for
 * them, as when the drive filled while the close copied them, is caught
 * before it replaces anything. */
static void
test_workbook_check_written (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  guint64 bytes = 0;

  g_assert_true (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 6; i++)
    g_array_append_val (rows, bytes);
  g_assert_true (_tl_workbook_check_written (target, target, rows, &error));
  g_assert_no_error (error);

  /* The Accounts sheet, the first, would need a million bytes of rows. */
  g_array_index (rows, guint64, 0) = 1000000;
  g_assert_false (_tl_workbook_check_written (target, target, rows, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "is full"));
}

/* An export to a drive too small for it fails as a full drive. The file
 * already there stays, and no temporary file is left. The drive is a real
 * 3 MB tmpfs, so the test runs only as root where mounting is allowed. */
static void
test_workbook_full_drive (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GString) csv_text = g_string_new ("Account,ARR,CSM\n");
  g_autofree char *csv = NULL;
  g_autofree char *drive = g_build_filename (fixture->dir, "drive", NULL);
  g_autofree char *target = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (drive, 0755), ==, 0);
  if (geteuid () != 0 || mount ("tierline-test", drive, "tmpfs", 0, "size=3000k") != 0)
    {
      g_test_skip ("mounting a small tmpfs needs root and a system that allows it");
      return;
    }

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv_text, "Account %u,%u,Owner %u\n", i, 1000 + i * 37, i % 9);
  csv = write_file (fixture->dir, "large.csv", csv_text->str, -1);
  target = write_file (drive, "out.xlsx", old_contents, -1);
  doc = load_document (csv);

  g_assert_false (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_true (strstr (error->message, "is full") != NULL
                 || strstr (error->message, "free, and the export needs about") != NULL);
  g_assert_nonnull (strstr (error->message, drive));
  assert_file_contents (target, old_contents);
  listing = list_dir (drive);
  g_assert_cmpstr (listing, ==, "out.xlsx");

  /* The drive is busy while a temporary file of the export stays open. */
  g_assert_cmpint (umount (drive), ==, 0);
}

/* An export of a document that was read but never segmented fails before
 * it touches the file already at the target. */
static void
test_workbook_not_ready_keeps_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = write_file (fixture->dir, "out.xlsx", old_contents, -1);
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  doc = tl_document_read (csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_NOT_READY);
  assert_file_contents (target, old_contents);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.xlsx small.csv");
}

/* A cancelled export stops after creating its temporary file: the
 * temporary file goes and the old file stays. */
static void
test_workbook_cancelled_keeps_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = write_file (fixture->dir, "out.xlsx", old_contents, -1);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  guint open_before = count_open_files ();

  g_cancellable_cancel (cancellable);
  g_assert_false (tl_workbook_export (doc, target, NULL, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_contents (target, old_contents);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.xlsx small.csv");

  /* The sheets' temporary files, unlinked at once, are closed too. */
  g_assert_cmpuint (count_open_files (), ==, open_before);
}

/* A target that is a folder cannot be replaced: the rename at the end
 * fails, and the finished temporary file is removed. */
static void
test_workbook_target_is_dir (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_free (write_file (target, "keep.txt", old_contents, -1));

  g_assert_false (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.xlsx small.csv");
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
}

static void
test_workbook_missing_dir (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = g_build_filename (fixture->dir, "absent", "out.xlsx", NULL);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GError) error = NULL;

  g_assert_false (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_FAILED);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* A successful export replaces the file at the target and leaves nothing
 * else behind. */
static void
test_workbook_replaces_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *csv = write_file (fixture->dir, "small.csv", small_csv, -1);
  g_autofree char *target = write_file (fixture->dir, "out.xlsx", old_contents, -1);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(Sheet) accounts = NULL;
  gsize length;

  g_assert_true (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_file_get_contents (target, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "out.xlsx small.csv");

  if (!need_unzip ())
    return;
  accounts = read_sheet (target, 1);
  assert_text_cell (accounts, "A3", "Beta");
}

/* Writes a CSV of @n accounts "A1,1" .. "An,n". */
static char *
write_many_accounts (const char *dir,
                     guint       n)
{
  g_autoptr(GString) csv = g_string_sized_new (16 * (gsize) n);

  g_string_append (csv, "Account,ARR\n");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (csv, "A%u,%u\n", i, i);

  return write_file (dir, "many.csv", csv->str, csv->len);
}

/* A sheet has at most 1,048,576 rows with the header, so 1,048,576
 * accounts are one too many. The export stops before writing anything. */
static void
test_workbook_too_many (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = write_many_accounts (fixture->dir, TL_XLSX_MAX_ROWS);
  g_autofree char *target = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autoptr(TlDocument) doc = load_document (csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpuint (tl_account_table_get_n_rows (tl_document_get_table (doc)), ==,
                    TL_XLSX_MAX_ROWS);
  g_assert_false (tl_workbook_export (doc, target, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TL_EXPORT_ERROR, TL_EXPORT_ERROR_TOO_MANY);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "many.csv");
}

/* 1,048,575 accounts fill the sheet exactly. */
static void
test_workbook_max_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *dimension = NULL;
  g_autofree char *xml = NULL;

  if (!need_unzip ())
    return;

  csv = write_many_accounts (fixture->dir, TL_XLSX_MAX_ROWS - 1);
  doc = load_document (csv);
  xlsx = export_document (doc, fixture->dir);
  xml = unzip_member (xlsx, "xl/workbook.xml");
  /* The autofilter covers the header and every account row. */
  dimension = g_strdup_printf ("$%u", TL_XLSX_MAX_ROWS);
  g_assert_nonnull (strstr (xml, dimension));
}

static char *
find_sample (void)
{
  const char *dir = g_getenv ("TIERLINE_SAMPLE_DIR");

  if (dir != NULL)
    return g_build_filename (dir, "accounts.csv", NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "accounts.csv", NULL);
}

/* Gnumeric's converter reads the exported sample and writes its first
 * sheet as CSV. */
static void
test_workbook_ssconvert (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *sample = find_sample ();
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *out = g_build_filename (fixture->dir, "accounts-out.csv", NULL);
  g_autofree char *converted = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "ssconvert", NULL, NULL, NULL };
  int status;

  if (!have_program ("ssconvert"))
    {
      g_test_skip ("ssconvert (Gnumeric) is not installed");
      return;
    }
  if (!g_file_test (sample, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the sample accounts file is not found");
      return;
    }

  doc = load_document (sample);
  xlsx = export_document (doc, fixture->dir);
  argv[1] = xlsx;
  argv[2] = out;
  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (out, &converted, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (converted, "Account,\"Account ID\",Tier,\"Tier Name\""));
  /* The header, 200 accounts, and the empty string after the last line break. */
  lines = g_strsplit (converted, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 202);
  /* ACC-1024 scores 48.5, rounded to 49 (At Risk), has no expansion signal
   * (LOW), ARR 2,000 (tier 4, as its Segment says, and far from any bound:
   * no move), as Gnumeric reads the cells back. */
  g_assert_nonnull (strstr (converted, "\"Alderbrook Software\",ACC-1024,4,\"Long Tail\",49,"
                                       "\"At Risk\",LOW,,,\"Self-serve: no CSM\",ACC-1024,"
                                       "\"Alderbrook Software\",2000,"));
}

/* The bundled sample with 8 CSMs: its tiers hold 18, 48, 64 and 68
 * accounts, so the minimums are 3, 2 and 1 and the comfortable numbers 4,
 * 4 and 2; 8 CSMs give 4, 3 and 1. */
static void
test_workbook_capacity_and_movements (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *sample = find_sample ();
  g_autoptr(TlDocument) doc = NULL;
  g_autoptr(TlModel) model = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *chart = NULL;
  g_autoptr(Sheet) capacity = NULL;
  g_autoptr(Sheet) movements = NULL;

  need_unzip ();
  /* Calibrated bounds, as the window and the command line use them. */
  doc = tl_document_read (sample, NULL, NULL, NULL, NULL);
  g_assert_true (tl_document_apply_map (doc, NULL, NULL, NULL));
  model = tl_model_copy (tl_document_get_model (doc));
  model->headcount = 8;
  tl_document_set_model (doc, model);
  xlsx = export_document (doc, fixture->dir);
  capacity = read_sheet (xlsx, 5);
  movements = read_sheet (xlsx, 6);

  assert_text_cell (capacity, "B2", "Strategic");
  assert_number_cell (capacity, "C2", 18);
  assert_number_cell (capacity, "F2", 3);
  assert_number_cell (capacity, "G2", 4);
  assert_number_cell (capacity, "H2", 4);
  assert_number_cell (capacity, "H3", 3);
  assert_number_cell (capacity, "H4", 1);
  assert_number_cell (capacity, "H5", 0);
  /* $4,113,600 for 3 Growth CSMs: $1,371,200 each. */
  assert_number_cell (capacity, "J3", 1371200);
  assert_number_cell (capacity, "C8", 8);

  assert_text_cell (movements, "A1", "Account");
  assert_text_cell (movements, "J1", "Rule");
  /* ACC-1001, the first flagged account, is near the Growth bound. */
  assert_text_cell (movements, "B2", "ACC-1001");
  assert_text_cell (movements, "G2", "Watch");

  chart = unzip_member (xlsx, "xl/charts/chart3.xml");
  g_assert_nonnull (strstr (chart, "CSMs per tier"));
}

/* Amounts written in euros keep the euro in the workbook's money format. */
static void
test_workbook_input_currency (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char csv[] = "Account,ARR\nAnkerwerk,\"1.200,50 €\"\nBrückner,\"3.400 €\"\n";
  g_autoptr(TlDocument) doc = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *styles = NULL;

  need_unzip ();
  doc = load_csv (fixture->dir, "euros.csv", csv, -1);
  xlsx = export_document (doc, fixture->dir);
  styles = unzip_member (xlsx, "xl/styles.xml");

  g_assert_cmpstr (tl_account_table_get_currency (tl_document_get_table (doc), TL_FIELD_ARR),
                   ==, "€");
  g_assert_nonnull (strstr (styles, "&quot;€&quot;#,##0.00"));
  g_assert_null (strstr (styles, "&quot;$&quot;"));
}

static void
add_test (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/tierline/workbook/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("sheet-names", test_workbook_sheet_names);
  add_test ("accounts-header", test_workbook_accounts_header);
  add_test ("accounts-rows", test_workbook_accounts_rows);
  add_test ("band-colours", test_workbook_band_colours);
  add_test ("signals-in-order", test_workbook_signals_in_order);
  add_test ("summary-sheets", test_workbook_summary_sheets);
  add_test ("totals", test_workbook_totals);
  add_test ("formula-text", test_workbook_formula_text);
  add_test ("long-note", test_workbook_long_note);
  add_test ("long-name", test_workbook_long_name);
  add_test ("control-chars", test_workbook_control_chars);
  add_test ("noncharacters", test_workbook_noncharacters);
  add_test ("control-chars-header", test_workbook_control_chars_header);
  add_test ("bom-header", test_workbook_bom_header);
  add_test ("read-only-dir", test_workbook_read_only_dir);
  add_test ("file-too-large", test_workbook_file_too_large);
  add_test ("check-written", test_workbook_check_written);
  add_test ("full-drive", test_workbook_full_drive);
  add_test ("not-ready-keeps-file", test_workbook_not_ready_keeps_file);
  add_test ("cancelled-keeps-file", test_workbook_cancelled_keeps_file);
  add_test ("target-is-dir", test_workbook_target_is_dir);
  add_test ("missing-dir", test_workbook_missing_dir);
  add_test ("replaces-file", test_workbook_replaces_file);
  add_test ("too-many", test_workbook_too_many);
  add_test ("max-rows", test_workbook_max_rows);
  add_test ("ssconvert", test_workbook_ssconvert);
  add_test ("capacity-and-movements", test_workbook_capacity_and_movements);
  add_test ("input-currency", test_workbook_input_currency);

  return g_test_run ();
}
