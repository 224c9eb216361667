/* tl-recent-files.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The maximum number of recently opened files that the list keeps. */
#define TL_RECENT_FILES_MAX 10

char **tl_recent_files_add    (const char * const *uris,
                               const char         *uri,
                               guint               max_files);
char **tl_recent_files_remove (const char * const *uris,
                               const char         *uri);

G_END_DECLS
