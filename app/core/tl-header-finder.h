/* tl-header-finder.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-csv-reader.h"

G_BEGIN_DECLS

/* Rows looked at for the header row. */
#define TL_HEADER_FINDER_MAX_ROWS 10

typedef struct _TlHeaderFinder TlHeaderFinder;

TlHeaderFinder *tl_header_finder_new       (void);
void            tl_header_finder_free      (TlHeaderFinder       *finder);
gboolean        tl_header_finder_add       (TlHeaderFinder       *finder,
                                            const TlCsvRow       *row);
guint           tl_header_finder_get_n_rows (const TlHeaderFinder *finder);
const TlCsvRow *tl_header_finder_get_row   (const TlHeaderFinder *finder,
                                            guint                 index);
guint           tl_header_finder_choose    (const TlHeaderFinder *finder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlHeaderFinder, tl_header_finder_free)

G_END_DECLS
