/* tl-field-map.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-field.h"

G_BEGIN_DECLS

#define TL_FIELD_MAP_ERROR (tl_field_map_error_quark ())

typedef enum
{
  TL_FIELD_MAP_ERROR_NO_NAME,       /* neither a name nor an id column */
  TL_FIELD_MAP_ERROR_NO_REVENUE,    /* neither an ARR nor an MRR column */
  TL_FIELD_MAP_ERROR_AMBIGUOUS,     /* two columns match one field equally well */
  TL_FIELD_MAP_ERROR_UNKNOWN_FIELD, /* an override names no field */
  TL_FIELD_MAP_ERROR_UNKNOWN_HEADER,/* an override names no column */
  TL_FIELD_MAP_ERROR_NO_AMOUNTS,    /* the revenue columns hold text, not amounts */
} TlFieldMapError;

/* How a column was chosen for a field. */
typedef enum
{
  TL_MATCH_NONE,
  TL_MATCH_WEAK,    /* the header's words contain a synonym's words */
  TL_MATCH_EXACT,   /* the header equals a synonym */
  TL_MATCH_MANUAL,  /* chosen by the user */
} TlMatch;

typedef struct _TlFieldMap TlFieldMap;

GQuark      tl_field_map_error_quark       (void);
TlFieldMap *tl_field_map_new               (const char * const *headers,
                                            guint               n_headers);
TlFieldMap *tl_field_map_copy              (const TlFieldMap   *map);
void        tl_field_map_free              (TlFieldMap         *map);
guint       tl_field_map_get_n_headers     (const TlFieldMap   *map);
const char *tl_field_map_get_header        (const TlFieldMap   *map,
                                            guint               column);
int         tl_field_map_get_column        (const TlFieldMap   *map,
                                            TlField             field);
TlMatch     tl_field_map_get_match         (const TlFieldMap   *map,
                                            TlField             field);
const int  *tl_field_map_get_candidates    (const TlFieldMap   *map,
                                            TlField             field,
                                            guint              *n_candidates);
int         tl_field_map_get_field_of      (const TlFieldMap   *map,
                                            guint               column);
void        tl_field_map_set_column        (TlFieldMap         *map,
                                            TlField             field,
                                            int                 column);
gboolean    tl_field_map_apply_override    (TlFieldMap         *map,
                                            const char         *assignment,
                                            GError            **error);
gboolean    tl_field_map_validate          (const TlFieldMap   *map,
                                            GError            **error);
char       *tl_field_map_list_headers      (const TlFieldMap   *map);
char       *tl_header_normalize            (const char         *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TlFieldMap, tl_field_map_free)

G_END_DECLS
