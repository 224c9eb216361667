/* tl-tier-preview.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tl-calibration.h"
#include "tl-model.h"

G_BEGIN_DECLS

/* The columns of the preview that hold a share. */
typedef enum
{
  TL_PREVIEW_SHARE_ACCOUNTS,
  TL_PREVIEW_SHARE_ARR,
} TlPreviewShare;

#define TL_TYPE_TIER_PREVIEW (tl_tier_preview_get_type ())

G_DECLARE_FINAL_TYPE (TlTierPreview, tl_tier_preview, TL, TIER_PREVIEW, GtkWidget)

void        tl_tier_preview_update          (TlTierPreview      *self,
                                             const TlModel      *model,
                                             const char * const *names,
                                             const double        bounds[3],
                                             const TlTierShares *shares,
                                             const char         *currency);
const char *tl_tier_preview_get_accounts    (TlTierPreview      *self,
                                             guint               tier);
const char *tl_tier_preview_get_share       (TlTierPreview      *self,
                                             guint               tier,
                                             TlPreviewShare      share);
gboolean    tl_tier_preview_is_share_marked (TlTierPreview      *self,
                                             guint               tier,
                                             TlPreviewShare      share);

G_END_DECLS
