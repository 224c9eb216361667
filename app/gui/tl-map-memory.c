/* tl-map-memory.c
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

#define G_LOG_DOMAIN "tl-map-memory"

#include "config.h"

#include <string.h>

#include "tl-map-memory.h"

/* The columns a user chose by hand, remembered per header row in the
 * "column-maps" setting, an a{ss} from the checksum of a header row to
 * "field=header" lines. These functions touch no GSettings object, so the
 * lookup can run in the thread that reads a file. */

/* Header rows remembered before the oldest choices are dropped. */
#define MAX_REMEMBERED_MAPS 100

/* Returns @header on one line, as it is stored: a line break in a quoted
 * header would end the "field=header" line early. */
static char *
flatten_header (const char *header)
{
  char *flat = g_strdup (header);

  g_strdelimit (flat, "\r\n", ' ');

  return flat;
}

/**
 * tl_map_memory_get_key:
 * @map: a map of a file's headers
 *
 * Returns: (transfer full): the SHA-256 checksum of the header row, the
 *   key under which its columns are remembered
 */
char *
tl_map_memory_get_key (const TlFieldMap *map)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint n_headers;

  g_return_val_if_fail (map != NULL, NULL);

  /* Each header ends with a NUL, so that "a,bc" and "ab,c" differ. */
  n_headers = tl_field_map_get_n_headers (map);
  for (guint c = 0; c < n_headers; c++)
    {
      const char *header = tl_field_map_get_header (map, c);

      g_checksum_update (checksum, (const guchar *) header, strlen (header) + 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * tl_map_memory_describe:
 * @map: a map
 *
 * Returns: (transfer full): one "field=header" line for each field that
 *   has a column, in the order of the fields
 */
char *
tl_map_memory_describe (const TlFieldMap *map)
{
  GString *lines;

  g_return_val_if_fail (map != NULL, NULL);

  lines = g_string_new (NULL);
  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      int column = tl_field_map_get_column (map, f);
      g_autofree char *header = NULL;

      if (column < 0)
        continue;

      header = flatten_header (tl_field_map_get_header (map, column));
      g_string_append_printf (lines, "%s=%s\n", tl_field_get_key (f), header);
    }

  return g_string_free (lines, FALSE);
}

static int
find_column (const TlFieldMap *map,
             const char       *header)
{
  guint n_headers = tl_field_map_get_n_headers (map);

  for (guint c = 0; c < n_headers; c++)
    {
      g_autofree char *flat = flatten_header (tl_field_map_get_header (map, c));

      if (strcmp (flat, header) == 0)
        return c;
    }

  return -1;
}

/**
 * tl_map_memory_restore:
 * @map: the automatic map of a file's headers
 * @lines: "field=header" lines, as tl_map_memory_describe() writes them
 *
 * Builds the map that @lines describe over the headers of @map. Fields
 * that @lines do not name get no column; a field unknown to this version
 * is passed over.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL when a header is
 *   missing or the map lacks a name or revenue column
 */
TlFieldMap *
tl_map_memory_restore (const TlFieldMap *map,
                       const char       *lines)
{
  g_autoptr(TlFieldMap) restored = NULL;
  g_auto(GStrv) entries = NULL;

  g_return_val_if_fail (map != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);

  restored = tl_field_map_copy (map);
  for (guint f = 0; f < TL_N_FIELDS; f++)
    tl_field_map_set_column (restored, f, -1);

  entries = g_strsplit (lines, "\n", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      const char *eq = strchr (entries[i], '=');
      g_autofree char *key = NULL;
      TlField field;
      int column;

      if (eq == NULL)
        continue;

      key = g_strndup (entries[i], eq - entries[i]);
      if (!tl_field_from_key (key, &field))
        {
          g_debug ("Passing over the unknown field “%s” of a remembered map", key);
          continue;
        }

      column = find_column (restored, eq + 1);
      if (column < 0)
        return NULL;
      tl_field_map_set_column (restored, field, column);
    }

  if (!tl_field_map_validate (restored, NULL))
    return NULL;

  return g_steal_pointer (&restored);
}

/**
 * tl_map_memory_lookup:
 * @maps: (nullable): the remembered maps, an a{ss} variant
 * @map: the automatic map of a file's headers
 *
 * Finds the map remembered for the header row of @map. Safe to call in any
 * thread.
 *
 * Returns: (transfer full) (nullable): the remembered map, or %NULL when
 *   none is remembered or it no longer validates
 */
TlFieldMap *
tl_map_memory_lookup (GVariant         *maps,
                      const TlFieldMap *map)
{
  g_autofree char *key = NULL;
  const char *lines;

  g_return_val_if_fail (map != NULL, NULL);

  if (maps == NULL || !g_variant_is_of_type (maps, G_VARIANT_TYPE ("a{ss}")))
    return NULL;

  key = tl_map_memory_get_key (map);
  if (!g_variant_lookup (maps, key, "&s", &lines))
    return NULL;

  return tl_map_memory_restore (map, lines);
}

/**
 * tl_map_memory_remember:
 * @maps: (nullable): the remembered maps, an a{ss} variant
 * @map: the map the user chose
 *
 * Builds the remembered maps with @map first, in place of an older map of the
 * same header row. Past MAX_REMEMBERED_MAPS header rows, the oldest are
 * dropped.
 *
 * Returns: (transfer floating): the new remembered maps
 */
GVariant *
tl_map_memory_remember (GVariant         *maps,
                        const TlFieldMap *map)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  g_autofree char *key = NULL;
  g_autofree char *lines = NULL;
  guint n_kept = 1;
  GVariantIter iter;
  const char *old_key;
  const char *old_lines;

  g_return_val_if_fail (map != NULL, NULL);

  key = tl_map_memory_get_key (map);
  lines = tl_map_memory_describe (map);
  g_variant_builder_add (&builder, "{ss}", key, lines);

  if (maps != NULL && g_variant_is_of_type (maps, G_VARIANT_TYPE ("a{ss}")))
    {
      g_variant_iter_init (&iter, maps);
      while (n_kept < MAX_REMEMBERED_MAPS
             && g_variant_iter_next (&iter, "{&s&s}", &old_key, &old_lines))
        {
          if (strcmp (old_key, key) == 0)
            continue;
          g_variant_builder_add (&builder, "{ss}", old_key, old_lines);
          n_kept++;
        }
    }

  return g_variant_builder_end (&builder);
}
