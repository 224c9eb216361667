/* tl-application.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TL_TYPE_APPLICATION (tl_application_get_type ())

G_DECLARE_FINAL_TYPE (TlApplication, tl_application, TL, APPLICATION, AdwApplication)

TlApplication *tl_application_new         (GApplicationFlags extra_flags);
GFile         *tl_application_find_sample (void);

G_END_DECLS
