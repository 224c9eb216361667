/* test-cli.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* The output of one run of the tierline program. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs tierline with @args, without any display, so that a headless
 * command that touched GTK would fail. */
static void
run_tierline (Run                *run,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("TIERLINE_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

/* Asserts that the summary lists @count accounts for the tier @name. */
static void
assert_tier_count (const char *out,
                   const char *name,
                   guint       count)
{
  g_autofree char *pattern = g_strdup_printf ("^ +[1-4]? +%s +%u$", name, count);

  if (!g_regex_match_simple (pattern, out, G_REGEX_MULTILINE, 0))
    g_error ("no line “%s %u” in:\n%s", name, count, out);
}

static int
exit_code (const Run *run)
{
  return g_spawn_check_wait_status (run->status, NULL) ? 0 : WEXITSTATUS (run->status);
}

static void
test_cli_export_writes_workbook (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (input, &before, NULL, NULL));
  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, "5 accounts"));
  /* Defaults apply below 20 accounts: 312,000 is tier 1, 64,500 tier 2,
   * 18,000 tier 3 and 4,800 tier 4; Elm Logistics has no ARR. */
  assert_tier_count (run.out, "Strategic", 1);
  assert_tier_count (run.out, "Needs data", 1);
  g_assert_nonnull (strstr (run.err, "Line 6: No ARR or MRR"));

  g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_unlink (out);
  g_rmdir (dir);
}

/* Writes the accounts of cli-accounts.csv as a workbook, ARR as numbers. */
static void
write_accounts_workbook (const char *path)
{
  static const char *rows[][4] = {
    { "Account ID", "Account Name", "ARR", "CSM" },
    { "C-1", "Aster Freight", "312000", "Dana Whit" },
    { "C-2", "Basil Dental", "64500", "Omar Reyes" },
    { "C-3", "Cedar Analytics", "18000", "Dana Whit" },
    { "C-4", "Dune Print", "4800", "Omar Reyes" },
    { "C-5", "Elm Logistics", "", "Omar Reyes" },
  };
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 4; c++)
      {
        if (r > 0 && c == 2 && *rows[r][c] != '\0')
          worksheet_write_number (sheet, r, c, g_ascii_strtod (rows[r][c], NULL), NULL);
        else if (*rows[r][c] != '\0')
          worksheet_write_string (sheet, r, c, rows[r][c], NULL);
      }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
test_cli_export_reads_xlsx (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "accounts.xlsx", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  write_accounts_workbook (input);
  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (run.out, "5 accounts"));
  assert_tier_count (run.out, "Strategic", 1);
  assert_tier_count (run.out, "Growth", 1);
  assert_tier_count (run.out, "Scale", 1);
  assert_tier_count (run.out, "Long Tail", 1);
  assert_tier_count (run.out, "Needs data", 1);
  /* Line 6 is the workbook's row 6. */
  g_assert_nonnull (strstr (run.err, "Line 6: No ARR or MRR"));

  g_unlink (out);
  g_unlink (input);
  g_rmdir (dir);
}

static void
test_cli_thresholds_set_tiers (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  /* With bounds 60k, 15k and 4k: 312,000 and 64,500 are tier 1, 18,000
   * tier 2, 4,800 tier 3, none tier 4. */
  run_tierline (&run, (const char *[]) { "--thresholds", "60k,15k,$4,000", "--export", out,
                                         input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "Invalid thresholds"));
  run_clear (&run);

  run_tierline (&run, (const char *[]) { "--thresholds", "60k,15k,4k", "--export", out,
                                         input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 0);
  assert_tier_count (run.out, "Strategic", 2);
  assert_tier_count (run.out, "Growth", 1);
  assert_tier_count (run.out, "Scale", 1);
  assert_tier_count (run.out, "Long Tail", 0);

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_cli_thresholds_must_descend (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--thresholds", "10k,50k,250k", "--export",
                                         "/nonexistent/out.xlsx", input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "must descend"));
}

static void
test_cli_missing_revenue_lists_headers (void)
{
  g_autofree char *input = data_path ("cli-no-arr.csv");
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "cli-no-arr.csv"));
  g_assert_nonnull (strstr (run.err, "No column holds ARR or MRR"));
  g_assert_nonnull (strstr (run.err, "“AnnualRevenue”"));
  g_assert_nonnull (strstr (run.err, "“Monthly Fee”"));
  g_assert_nonnull (strstr (run.err, "--map arr=HEADER"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

static void
test_cli_map_option_chooses_column (void)
{
  g_autofree char *input = data_path ("cli-no-arr.csv");
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  /* MRR 2,500 is ARR 30,000 (tier 3); MRR 800 is ARR 9,600 (tier 4). */
  run_tierline (&run, (const char *[]) { "--map", "mrr=Monthly Fee", "--export", out,
                                         input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 0);
  assert_tier_count (run.out, "Scale", 1);
  assert_tier_count (run.out, "Long Tail", 1);
  run_clear (&run);

  run_tierline (&run, (const char *[]) { "--map", "revenue=Monthly Fee", "--export", out,
                                         input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown field “revenue”"));

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_cli_missing_input (void)
{
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--export", "/tmp/never.xlsx",
                                         "/nonexistent/accounts.csv", NULL });

  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/accounts.csv"));
  g_assert_nonnull (strstr (run.err, "No such file"));
}

static void
test_cli_help_lists_options (void)
{
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--help", NULL });

  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "--export=OUT"));
  g_assert_nonnull (strstr (run.out, "--thresholds=T1,T2,T3"));
  g_assert_nonnull (strstr (run.out, "in dollars"));
  g_assert_nonnull (strstr (run.out, "--map=FIELD=HEADER"));
  g_assert_nonnull (strstr (run.out, "--summary"));
  g_assert_nonnull (strstr (run.out, "--headcount=N"));
  g_assert_nonnull (strstr (run.out, "--model=MODEL"));
}

static char *
copy_to_dir (const char *dir,
             const char *name)
{
  g_autofree char *source = data_path (name);
  g_autofree char *contents = NULL;
  gsize len;
  char *copy = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));

  return copy;
}

static void
test_cli_export_never_replaces_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = copy_to_dir (dir, "cli-accounts.csv");
  g_autofree char *as_xlsx = g_build_filename (dir, "accounts.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_get_contents (input, &before, NULL, NULL));

  /* The input under another name, through a hard link. */
  g_assert_cmpint (link (input, as_xlsx), ==, 0);
  run_tierline (&run, (const char *[]) { "--export", as_xlsx, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "is the accounts file that was opened"));
  g_assert_true (g_file_get_contents (input, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  g_unlink (as_xlsx);
  g_unlink (input);
  g_rmdir (dir);
}

static void
test_cli_export_needs_xlsx_name (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--export", "out.csv", input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "must end in .xlsx"));
}

static void
test_cli_export_refuses_special_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *fifo = g_build_filename (dir, "pipe.xlsx", NULL);
  GStatBuf st;
  g_auto(Run) run = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_tierline (&run, (const char *[]) { "--export", fifo, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "not a regular file"));
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_cli_export_through_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *link_path = g_build_filename (dir, "latest.xlsx", NULL);
  g_autofree char *real = g_build_filename (dir, "q4.xlsx", NULL);
  g_autofree char *target = NULL;
  GStatBuf st;
  g_auto(Run) run = { 0 };

  g_assert_cmpint (symlink ("q4.xlsx", link_path), ==, 0);
  run_tierline (&run, (const char *[]) { "--export", link_path, input, NULL });

  /* The link stays a link and the workbook lands at its target. */
  g_assert_cmpint (exit_code (&run), ==, 0);
  target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (target, ==, "q4.xlsx");
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  g_unlink (link_path);
  g_unlink (real);
  g_rmdir (dir);
}

static void
test_cli_export_keeps_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *out = g_build_filename (dir, "private.xlsx", NULL);
  GStatBuf st;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (g_chmod (out, 0600), ==, 0);
  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 3);

  g_unlink (out);
  g_rmdir (dir);
}

static void
test_cli_map_move_is_noted (void)
{
  g_autofree char *input = data_path ("cli-no-arr.csv");
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--map", "arr=Name", "--export", "/tmp/never.xlsx",
                                         input, NULL });

  /* Name was the name column; taking it leaves only the id for names,
   * so the export works and says what moved. */
  g_assert_nonnull (strstr (run.err, "takes the column “Name” from name"));
}

static void
test_cli_report_escapes_controls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "escape.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (input, "Account,ARR\nAcme,\x1b[2Jlots\n", -1, NULL));
  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "\\x1B[2Jlots"));

  g_unlink (out);
  g_unlink (input);
  g_rmdir (dir);
}

/* A name column chosen as ARR stops the command with a usage error that
 * names the column and how to choose another. */
static void
test_cli_map_text_as_arr (void)
{
  g_autofree char *sample = g_build_filename (g_getenv ("TIERLINE_SAMPLE_DIR"), "accounts.csv",
                                              NULL);
  g_auto(Run) run = { 0 };

  run_tierline (&run, (const char *[]) { "--summary", "--map", "arr=Industry", sample, NULL });

  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "The column “Industry” has no amounts"));
  g_assert_nonnull (strstr (run.err, "--map arr=HEADER"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_cli_no_accounts_fails (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (input, "Account,ARR\n", -1, NULL));
  run_tierline (&run, (const char *[]) { "--export", out, input, NULL });

  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_nonnull (strstr (run.err, "no account rows"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_unlink (input);
  g_rmdir (dir);
}

static void
test_cli_model_option (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_autofree char *model = data_path ("model-changed.tierline");
  g_autofree char *dir = g_dir_make_tmp ("tierline-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *future = g_build_filename (dir, "future.tierline", NULL);
  g_auto(Run) run = { 0 };

  /* The model's bounds 60k, 15k and 4k and its tier 1 name apply. */
  run_tierline (&run, (const char *[]) { "--model", model, "--export", out, input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 0);
  assert_tier_count (run.out, "Enterprise", 2);
  assert_tier_count (run.out, "Growth", 1);
  assert_tier_count (run.out, "Scale", 1);
  run_clear (&run);

  /* --thresholds wins over the model's bounds. */
  run_tierline (&run, (const char *[]) { "--model", model, "--thresholds", "300k,50k,10k",
                                         "--export", out, input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 0);
  assert_tier_count (run.out, "Enterprise", 1);
  run_clear (&run);

  g_assert_true (g_file_set_contents (future, "[Tierline Model]\nVersion=7\n", -1, NULL));
  run_tierline (&run, (const char *[]) { "--model", future, "--export", out, input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 2);
  g_assert_nonnull (strstr (run.err, "future.tierline"));
  g_assert_nonnull (strstr (run.err, "newer version"));

  g_unlink (future);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_cli_summary_prints (void)
{
  g_autofree char *input = data_path ("cli-accounts.csv");
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };

  /* run_tierline sets the C.UTF-8 locale, so tables are drawn with boxes. */
  run_tierline (&run, (const char *[]) { "--summary", input, NULL });
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "┌"));
  g_assert_nonnull (strstr (run.out, "cli-accounts.csv: 5 accounts"));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), <=, 41);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/cli/export-writes-workbook", test_cli_export_writes_workbook);
  g_test_add_func ("/tierline/cli/export-reads-xlsx", test_cli_export_reads_xlsx);
  g_test_add_func ("/tierline/cli/thresholds-set-tiers", test_cli_thresholds_set_tiers);
  g_test_add_func ("/tierline/cli/thresholds-must-descend", test_cli_thresholds_must_descend);
  g_test_add_func ("/tierline/cli/missing-revenue-lists-headers",
                   test_cli_missing_revenue_lists_headers);
  g_test_add_func ("/tierline/cli/map-option-chooses-column", test_cli_map_option_chooses_column);
  g_test_add_func ("/tierline/cli/missing-input", test_cli_missing_input);
  g_test_add_func ("/tierline/cli/help-lists-options", test_cli_help_lists_options);

  g_test_add_func ("/tierline/cli/export-never-replaces-input",
                   test_cli_export_never_replaces_input);
  g_test_add_func ("/tierline/cli/export-needs-xlsx-name", test_cli_export_needs_xlsx_name);
  g_test_add_func ("/tierline/cli/export-refuses-special-file",
                   test_cli_export_refuses_special_file);
  g_test_add_func ("/tierline/cli/export-through-symlink", test_cli_export_through_symlink);
  g_test_add_func ("/tierline/cli/export-keeps-permissions", test_cli_export_keeps_permissions);
  g_test_add_func ("/tierline/cli/map-move-is-noted", test_cli_map_move_is_noted);
  g_test_add_func ("/tierline/cli/report-escapes-controls", test_cli_report_escapes_controls);
  g_test_add_func ("/tierline/cli/map-text-as-arr", test_cli_map_text_as_arr);
  g_test_add_func ("/tierline/cli/no-accounts-fails", test_cli_no_accounts_fails);
  g_test_add_func ("/tierline/cli/model-option", test_cli_model_option);
  g_test_add_func ("/tierline/cli/summary", test_cli_summary_prints);

  return g_test_run ();
}
