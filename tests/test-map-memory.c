/* test-map-memory.c
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

#define G_LOG_DOMAIN "test-map-memory"

#include <string.h>

#include "tl-map-memory.h"

static TlFieldMap *
new_map (const char * const *headers)
{
  return tl_field_map_new (headers, g_strv_length ((char **) headers));
}

static void
test_map_memory_key (void)
{
  const char * const first[] = { "Account", "Yearly Fee", NULL };
  const char * const same[] = { "Account", "Yearly Fee", NULL };
  const char * const moved[] = { "AccountYearly", " Fee", NULL };
  const char * const other[] = { "Account", "Yearly fee", NULL };
  g_autoptr(TlFieldMap) first_map = new_map (first);
  g_autoptr(TlFieldMap) same_map = new_map (same);
  g_autoptr(TlFieldMap) moved_map = new_map (moved);
  g_autoptr(TlFieldMap) other_map = new_map (other);
  g_autofree char *first_key = tl_map_memory_get_key (first_map);
  g_autofree char *same_key = tl_map_memory_get_key (same_map);
  g_autofree char *moved_key = tl_map_memory_get_key (moved_map);
  g_autofree char *other_key = tl_map_memory_get_key (other_map);

  g_assert_cmpuint (strlen (first_key), ==, 64);
  g_assert_cmpstr (first_key, ==, same_key);
  g_assert_cmpstr (first_key, !=, moved_key);
  g_assert_cmpstr (first_key, !=, other_key);
}

static void
test_map_memory_round_trip (void)
{
  const char * const headers[] = { "Customer", "Yearly\nFee", "Seats", "CSM", NULL };
  g_autoptr(TlFieldMap) automatic = new_map (headers);
  g_autoptr(TlFieldMap) chosen = tl_field_map_copy (automatic);
  g_autoptr(TlFieldMap) restored = NULL;
  g_autofree char *lines = NULL;

  /* The line break of a quoted header does not end its line. */
  tl_field_map_set_column (chosen, TL_FIELD_ARR, 1);
  tl_field_map_set_column (chosen, TL_FIELD_OWNER, -1);
  lines = tl_map_memory_describe (chosen);
  g_assert_cmpstr (lines, ==, "name=Customer\narr=Yearly Fee\nseats_licensed=Seats\n");

  /* Fields that the lines leave out get no column, even when the headers
   * match them. */
  restored = tl_map_memory_restore (automatic, lines);
  g_assert_nonnull (restored);
  g_assert_cmpint (tl_field_map_get_column (restored, TL_FIELD_NAME), ==, 0);
  g_assert_cmpint (tl_field_map_get_column (restored, TL_FIELD_ARR), ==, 1);
  g_assert_cmpint (tl_field_map_get_column (restored, TL_FIELD_SEATS_LICENSED), ==, 2);
  g_assert_cmpint (tl_field_map_get_column (restored, TL_FIELD_OWNER), ==, -1);
}

static void
test_map_memory_restore_rejects (void)
{
  const char * const headers[] = { "Customer", "Yearly Fee", NULL };
  g_autoptr(TlFieldMap) automatic = new_map (headers);
  g_autoptr(TlFieldMap) unknown_field = NULL;

  /* A header the file lacks, or a map without revenue, is not applied. */
  g_assert_null (tl_map_memory_restore (automatic, "name=Customer\narr=Fee\n"));
  g_assert_null (tl_map_memory_restore (automatic, "name=Customer\n"));

  /* A field this version does not know is passed over. */
  unknown_field = tl_map_memory_restore (automatic,
                                         "name=Customer\narr=Yearly Fee\nshoe_size=Customer\n");
  g_assert_nonnull (unknown_field);
  g_assert_cmpint (tl_field_map_get_column (unknown_field, TL_FIELD_ARR), ==, 1);
}

static void
test_map_memory_lookup (void)
{
  const char * const headers[] = { "Customer", "Yearly Fee", NULL };
  const char * const others[] = { "Customer", "Yearly Fee", "Notes", NULL };
  g_autoptr(TlFieldMap) automatic = new_map (headers);
  g_autoptr(TlFieldMap) other_automatic = new_map (others);
  g_autoptr(TlFieldMap) chosen = tl_field_map_copy (automatic);
  g_autoptr(GVariant) maps = NULL;
  g_autoptr(TlFieldMap) found = NULL;

  g_assert_null (tl_map_memory_lookup (NULL, automatic));

  tl_field_map_set_column (chosen, TL_FIELD_ARR, 1);
  maps = g_variant_ref_sink (tl_map_memory_remember (NULL, chosen));
  found = tl_map_memory_lookup (maps, automatic);
  g_assert_nonnull (found);
  g_assert_cmpint (tl_field_map_get_column (found, TL_FIELD_ARR), ==, 1);

  /* Another header row has nothing remembered. */
  g_assert_null (tl_map_memory_lookup (maps, other_automatic));
}

static void
test_map_memory_remember_order (void)
{
  g_autoptr(GVariant) maps = NULL;
  g_autofree char *newest_key = NULL;
  const char *first_key = NULL;

  /* 120 header rows: only the last 100 are kept, the newest first. */
  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *fee = g_strdup_printf ("Fee %u", i);
      const char * const headers[] = { "Customer", fee, NULL };
      g_autoptr(TlFieldMap) map = new_map (headers);
      GVariant *next;

      tl_field_map_set_column (map, TL_FIELD_ARR, 1);
      next = g_variant_ref_sink (tl_map_memory_remember (maps, map));
      g_clear_pointer (&maps, g_variant_unref);
      maps = next;

      if (i == 119)
        newest_key = tl_map_memory_get_key (map);
    }

  g_assert_cmpuint (g_variant_n_children (maps), ==, 100);
  g_variant_get_child (maps, 0, "{&s&s}", &first_key, NULL);
  g_assert_cmpstr (first_key, ==, newest_key);
}

static void
test_map_memory_remember_replaces (void)
{
  const char * const headers[] = { "Customer", "Yearly Fee", "Monthly Fee", NULL };
  g_autoptr(TlFieldMap) first = new_map (headers);
  g_autoptr(TlFieldMap) second = new_map (headers);
  g_autoptr(GVariant) once = NULL;
  g_autoptr(GVariant) twice = NULL;
  g_autoptr(TlFieldMap) found = NULL;

  tl_field_map_set_column (first, TL_FIELD_ARR, 1);
  tl_field_map_set_column (second, TL_FIELD_MRR, 2);
  once = g_variant_ref_sink (tl_map_memory_remember (NULL, first));
  twice = g_variant_ref_sink (tl_map_memory_remember (once, second));

  g_assert_cmpuint (g_variant_n_children (twice), ==, 1);
  found = tl_map_memory_lookup (twice, first);
  g_assert_nonnull (found);
  g_assert_cmpint (tl_field_map_get_column (found, TL_FIELD_ARR), ==, -1);
  g_assert_cmpint (tl_field_map_get_column (found, TL_FIELD_MRR), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tierline/map-memory/key", test_map_memory_key);
  g_test_add_func ("/tierline/map-memory/round-trip", test_map_memory_round_trip);
  g_test_add_func ("/tierline/map-memory/restore-rejects", test_map_memory_restore_rejects);
  g_test_add_func ("/tierline/map-memory/lookup", test_map_memory_lookup);
  g_test_add_func ("/tierline/map-memory/remember-order", test_map_memory_remember_order);
  g_test_add_func ("/tierline/map-memory/remember-replaces", test_map_memory_remember_replaces);

  return g_test_run ();
}
