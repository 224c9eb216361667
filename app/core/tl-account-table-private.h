/* tl-account-table-private.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tl-account-table.h"

G_BEGIN_DECLS

/* The table is split over tl-account-table.c (rows and cells) and
 * tl-account-table-parse.c (typed values under a map). */
struct _TlAccountTable
{
  guint       n_columns;
  GPtrArray  *headers;        /* NULL-terminated */
  GArray     *has_content;    /* gboolean per column */

  GPtrArray  *blocks;
  gsize       block_used;
  GArray     *row_offsets;    /* guint64: block index << 32 | offset */
  GArray     *lines;          /* guint32 line of each row; larger lines are capped */

  TlFieldMap *map;
  double     *values[TL_N_FIELDS];   /* every typed field, NAN when absent */
  float      *floats[TL_N_FIELDS];   /* the same, for columns exact as floats */
  guint32    *text_offsets[TL_N_FIELDS];  /* text fields: the cell's offset in its row */
  TlScale     scale[TL_N_FIELDS];
  char       *currency[TL_N_FIELDS];      /* money fields: the one currency named */
  double     *arr;
  guint8     *arr_source;
};

const char *_tl_account_table_row_start (const TlAccountTable *self,
                                         guint                 row);
void       *_tl_account_table_alloc_large (gsize size);

G_END_DECLS
