/* test-recent-files.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "tl-recent-files.h"

static void
assert_list (char               **actual,
             const char * const  *expected)
{
  g_assert_cmpuint (g_strv_length (actual), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

static void
test_recent_add_to_empty (void)
{
  g_auto(GStrv) list = tl_recent_files_add (NULL, "file:///a.csv", TL_RECENT_FILES_MAX);

  assert_list (list, (const char *[]) { "file:///a.csv", NULL });
}

static void
test_recent_add_puts_first (void)
{
  const char *before[] = { "file:///a.csv", "file:///b.csv", NULL };
  g_auto(GStrv) list = tl_recent_files_add (before, "file:///c.xlsx", TL_RECENT_FILES_MAX);

  assert_list (list, (const char *[]) { "file:///c.xlsx", "file:///a.csv", "file:///b.csv",
                                        NULL });
}

static void
test_recent_add_moves_repeat (void)
{
  const char *before[] = { "file:///a.csv", "file:///b.csv", "file:///c.csv", NULL };
  g_auto(GStrv) list = tl_recent_files_add (before, "file:///c.csv", TL_RECENT_FILES_MAX);

  assert_list (list, (const char *[]) { "file:///c.csv", "file:///a.csv", "file:///b.csv",
                                        NULL });
}

static void
test_recent_add_drops_oldest (void)
{
  const char *before[] = { "file:///1", "file:///2", "file:///3", NULL };
  g_auto(GStrv) list = tl_recent_files_add (before, "file:///0", 3);

  assert_list (list, (const char *[]) { "file:///0", "file:///1", "file:///2", NULL });
}

static void
test_recent_add_caps_at_max (void)
{
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///accounts-%u.csv", i);
      char **next = tl_recent_files_add ((const char * const *) list, uri, TL_RECENT_FILES_MAX);

      g_strfreev (list);
      list = next;
    }

  g_assert_cmpuint (g_strv_length (list), ==, TL_RECENT_FILES_MAX);
  g_assert_cmpstr (list[0], ==, "file:///accounts-24.csv");
  g_assert_cmpstr (list[TL_RECENT_FILES_MAX - 1], ==, "file:///accounts-15.csv");
}

static void
test_recent_add_skips_empty (void)
{
  const char *before[] = { "", "file:///a.csv", NULL };
  g_auto(GStrv) list = tl_recent_files_add (before, "file:///b.csv", TL_RECENT_FILES_MAX);

  assert_list (list, (const char *[]) { "file:///b.csv", "file:///a.csv", NULL });
}

static void
test_recent_remove (void)
{
  const char *before[] = { "file:///a.csv", "file:///b.csv", "file:///c.csv", NULL };
  g_auto(GStrv) list = tl_recent_files_remove (before, "file:///b.csv");
  g_auto(GStrv) unchanged = tl_recent_files_remove (before, "file:///z.csv");

  assert_list (list, (const char *[]) { "file:///a.csv", "file:///c.csv", NULL });
  assert_list (unchanged, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/recent-files/add-to-empty", test_recent_add_to_empty);
  g_test_add_func ("/tierline/recent-files/add-puts-first", test_recent_add_puts_first);
  g_test_add_func ("/tierline/recent-files/add-moves-repeat", test_recent_add_moves_repeat);
  g_test_add_func ("/tierline/recent-files/add-drops-oldest", test_recent_add_drops_oldest);
  g_test_add_func ("/tierline/recent-files/add-caps-at-max", test_recent_add_caps_at_max);
  g_test_add_func ("/tierline/recent-files/add-skips-empty", test_recent_add_skips_empty);
  g_test_add_func ("/tierline/recent-files/remove", test_recent_remove);

  return g_test_run ();
}
