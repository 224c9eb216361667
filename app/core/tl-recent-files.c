/* tl-recent-files.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-recent-files"

#include "tl-recent-files.h"

/* The list of recently opened accounts files, as URIs, most recent first.
 * The window stores it in GSettings; these functions only compute the new
 * list, so that they can be tested without a display. */

/**
 * tl_recent_files_add:
 * @uris: (nullable): the list, most recent first
 * @uri: the URI of the file just opened
 * @max_files: the maximum length of the new list, at least 1
 *
 * Puts @uri at the front of the list. An earlier entry for the same URI is
 * dropped, and so are the oldest entries beyond @max_files.
 *
 * Returns: (transfer full): the new list
 */
char **
tl_recent_files_add (const char * const *uris,
                     const char         *uri,
                     guint               max_files)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 1;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (max_files > 0, NULL);

  g_strv_builder_add (builder, uri);

  for (guint i = 0; uris != NULL && uris[i] != NULL && n < max_files; i++)
    {
      if (g_strcmp0 (uris[i], uri) == 0 || *uris[i] == '\0')
        continue;

      g_strv_builder_add (builder, uris[i]);
      n++;
    }

  return g_strv_builder_end (builder);
}

/**
 * tl_recent_files_remove:
 * @uris: (nullable): the list, most recent first
 * @uri: the URI to drop
 *
 * Returns: (transfer full): the list without @uri, in the same order
 */
char **
tl_recent_files_remove (const char * const *uris,
                        const char         *uri)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (uri != NULL, NULL);

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      if (g_strcmp0 (uris[i], uri) != 0)
        g_strv_builder_add (builder, uris[i]);
    }

  return g_strv_builder_end (builder);
}
