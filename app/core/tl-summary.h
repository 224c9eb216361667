/* tl-summary.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tl-document.h"

G_BEGIN_DECLS

/* The widest and longest the command-line summary gets. */
#define TL_SUMMARY_MAX_COLUMNS 80
#define TL_SUMMARY_MAX_LINES 40

char *tl_summary_format (TlDocument *document,
                         gboolean    unicode);

G_END_DECLS
