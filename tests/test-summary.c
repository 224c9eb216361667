/* test-summary.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "tl-summary.h"

static TlDocument *
load (const char *path,
      guint       headcount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TlModel) model = tl_model_new_default ();
  TlDocument *doc = tl_document_read (path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  model->headcount = headcount;
  g_assert_true (tl_document_apply_map (doc, NULL, model, &error));

  return doc;
}

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("TIERLINE_SAMPLE_DIR"), "accounts.csv", NULL);
}

static void
assert_fits (const char *summary)
{
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);
  guint n = g_strv_length (lines);

  /* The text ends with a line break, so the last piece is empty. */
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_assert_cmpuint (n - 1, <=, TL_SUMMARY_MAX_LINES);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_test_message ("line %u: %s", i + 1, lines[i]);
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, TL_SUMMARY_MAX_COLUMNS);
    }
}

static void
test_summary_fits_terminal (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TlDocument) doc = load (path, 8);
  g_autofree char *unicode = tl_summary_format (doc, TRUE);
  g_autofree char *ascii = tl_summary_format (doc, FALSE);

  assert_fits (unicode);
  assert_fits (ascii);
}

static void
test_summary_ascii_has_no_box_drawing (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TlDocument) doc = load (path, 0);
  g_autofree char *ascii = tl_summary_format (doc, FALSE);
  g_autofree char *unicode = tl_summary_format (doc, TRUE);

  for (const guchar *p = (const guchar *) ascii; *p != '\0'; p++)
    g_assert_cmpuint (*p, <, 0x80);
  g_assert_nonnull (strstr (ascii, "+--------------+"));
  g_assert_nonnull (strstr (unicode, "┌──────────────┬"));
}

static void
test_summary_content (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TlDocument) doc = load (path, 8);
  g_autofree char *text = tl_summary_format (doc, TRUE);

  /* The sample's calibrated tiers: 18, 48, 64 and 68 accounts; tier 1 holds
   * 49.3 % of ARR, below its 50-60 % target, so it is marked. */
  g_assert_nonnull (strstr (text, "accounts.csv: 200 accounts, $12.7M ARR, 2 without ARR"));
  g_assert_nonnull (strstr (text, "Tier bounds: calibrated from the file's ARR"));
  g_assert_true (g_regex_match_simple ("1 Strategic +│ +\\$160K │ +18 │ +9\\.1 %  5-10 │ +\\$6\\.3M "
                                       "│ 49\\.3 %\\* 50-60 │", text, 0, 0));
  g_assert_nonnull (strstr (text, "Healthy 35 · Stable 78 · At Risk 58 · Critical 29"));
  g_assert_nonnull (strstr (text, "HIGH 36 · MEDIUM 154 · LOW 10"));
  g_assert_nonnull (strstr (text, "  4 Long Tail: Self-serve: no CSM"));
  /* 8 CSMs: 4, 3 and 1; 10 are comfortable. */
  g_assert_true (g_regex_match_simple ("2 Growth +│ +2 │ +4 │ +3 │", text, 0, 0));
  g_assert_nonnull (strstr (text, "8 CSMs: minimums covered, 2 short of comfortable"));
}

static void
test_summary_without_headcount (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(TlDocument) doc = load (path, 0);
  g_autofree char *text = tl_summary_format (doc, TRUE);

  g_assert_nonnull (strstr (text, "Headcount 0: 6 CSMs needed at least, 10 comfortably"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/summary/fits-terminal", test_summary_fits_terminal);
  g_test_add_func ("/tierline/summary/ascii-has-no-box-drawing",
                   test_summary_ascii_has_no_box_drawing);
  g_test_add_func ("/tierline/summary/content", test_summary_content);
  g_test_add_func ("/tierline/summary/without-headcount", test_summary_without_headcount);

  return g_test_run ();
}
