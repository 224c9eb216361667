/* tl-model-fields.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Helpers shared by the dialogs that edit the segmentation model. */

double tl_model_fields_get_value     (GtkSpinButton *spin);
void   tl_model_fields_set_value     (GtkSpinButton *spin,
                                      double         value);
void   tl_model_fields_set_row_error (AdwActionRow  *row,
                                      const char    *message,
                                      const char    *subtitle);
void   tl_model_fields_enter_applies (GtkWidget     *root);

G_END_DECLS
