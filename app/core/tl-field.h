/* tl-field.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The model fields an accounts file can provide. The order is the order
 * of the field list in the user guide and in the mapping dialog. */
typedef enum
{
  TL_FIELD_ID,
  TL_FIELD_NAME,
  TL_FIELD_ARR,
  TL_FIELD_MRR,
  TL_FIELD_SEATS_LICENSED,
  TL_FIELD_SEATS_USED,
  TL_FIELD_DAU,
  TL_FIELD_MAU,
  TL_FIELD_DAU_MAU,
  TL_FIELD_FEATURES_USED,
  TL_FIELD_FEATURES_AVAILABLE,
  TL_FIELD_ADOPTION,
  TL_FIELD_CSAT,
  TL_FIELD_ESCALATIONS,
  TL_FIELD_EXEC_SPONSOR,
  TL_FIELD_CHAMPION,
  TL_FIELD_NPS,
  TL_FIELD_FEATURE_REQUESTS,
  TL_FIELD_GROWTH,
  TL_FIELD_TEAMS,
  TL_FIELD_API_CALLS,
  TL_FIELD_API_CALLS_PREV,
  TL_FIELD_OWNER,
  TL_FIELD_RENEWAL,
  TL_FIELD_CURRENT_TIER,
  TL_FIELD_HEALTH_EXTERNAL,
  TL_N_FIELDS
} TlField;

/* How a field's cells are parsed. */
typedef enum
{
  TL_FIELD_KIND_TEXT,     /* kept as text only */
  TL_FIELD_KIND_MONEY,    /* currency amount */
  TL_FIELD_KIND_COUNT,    /* plain number (seats, users, calls) */
  TL_FIELD_KIND_RATIO,    /* 0.35, 35 % or 35: a plain value above 1 is a percent */
  TL_FIELD_KIND_PERCENT,  /* 12.5 or 12.5 %: both mean 12.5 percent */
  TL_FIELD_KIND_SCORE,    /* number whose scale the column decides */
  TL_FIELD_KIND_BOOLEAN,  /* yes/no */
  TL_FIELD_KIND_DATE,     /* calendar date */
} TlFieldKind;

const char         *tl_field_get_key      (TlField     field);
const char         *tl_field_get_label    (TlField     field);
TlFieldKind         tl_field_get_kind     (TlField     field);
const char * const *tl_field_get_synonyms (TlField     field);
gboolean            tl_field_from_key     (const char *key,
                                           TlField    *field);

G_END_DECLS
