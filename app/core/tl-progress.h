/* tl-progress.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called from the working thread with the fraction done, 0..1. */
typedef void (*TlProgressFunc) (double   fraction,
                                gpointer user_data);

G_END_DECLS
