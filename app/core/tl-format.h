/* tl-format.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-value.h"

G_BEGIN_DECLS

/* Numbers, amounts and dates as the user's locale writes them, for the
 * window and the text of the workbook. */

char          *tl_format_count             (guint64       n);
char          *tl_format_number            (double        value,
                                            guint         decimals);
char          *tl_format_money             (double        value,
                                            const char   *currency);
char          *tl_format_money_short       (double        value,
                                            const char   *currency);
char          *tl_format_date              (guint32       julian_day);
char          *tl_format_date_time         (GDateTime    *time);
char          *tl_format_tier_range        (const double  bounds[3],
                                            guint         tier_index,
                                            const char   *currency);
TlDecimalMark  tl_format_get_decimal_mark  (void);

G_END_DECLS
