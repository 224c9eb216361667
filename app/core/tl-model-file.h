/* tl-model-file.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tl-model.h"

G_BEGIN_DECLS

/* The model file format this version writes and reads. */
#define TL_MODEL_FILE_VERSION 1

gboolean  tl_model_validate        (const TlModel  *model,
                                    GError        **error);
char     *tl_model_to_data         (const TlModel  *model,
                                    gsize          *length);
TlModel  *tl_model_new_from_data   (const char     *data,
                                    gssize          length,
                                    GError        **error);
gboolean  tl_model_save_file       (const TlModel  *model,
                                    const char     *path,
                                    GError        **error);
TlModel  *tl_model_new_from_file   (const char     *path,
                                    GError        **error);

G_END_DECLS
