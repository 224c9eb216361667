/* tl-map-memory.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tl-field-map.h"

G_BEGIN_DECLS

char       *tl_map_memory_get_key  (const TlFieldMap *map);
char       *tl_map_memory_describe (const TlFieldMap *map);
TlFieldMap *tl_map_memory_restore  (const TlFieldMap *map,
                                    const char       *lines);
TlFieldMap *tl_map_memory_lookup   (GVariant         *maps,
                                    const TlFieldMap *map);
GVariant   *tl_map_memory_remember (GVariant         *maps,
                                    const TlFieldMap *map);

G_END_DECLS
