/* tl-motion-dialog.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "tl-model.h"

G_BEGIN_DECLS

#define TL_TYPE_MOTION_DIALOG (tl_motion_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TlMotionDialog, tl_motion_dialog, TL, MOTION_DIALOG, AdwWindow)

TlMotionDialog *tl_motion_dialog_new                (GtkWindow      *parent,
                                                     const TlModel  *model);
TlModel        *tl_motion_dialog_get_model          (TlMotionDialog *self);
GtkTextView    *tl_motion_dialog_get_text_view      (TlMotionDialog *self,
                                                     guint           tier,
                                                     TlMotionText    text);
GtkSpinButton  *tl_motion_dialog_get_coverage_spin  (TlMotionDialog *self,
                                                     guint           tier,
                                                     gboolean        maximum);
const char     *tl_motion_dialog_get_coverage_error (TlMotionDialog *self,
                                                     guint           tier);
void            tl_motion_dialog_show_tier          (TlMotionDialog *self,
                                                     guint           tier);

G_END_DECLS
