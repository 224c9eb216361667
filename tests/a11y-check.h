/* a11y-check.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Checks on the accessible tree that GTK's test backend (GTK_A11Y=test)
 * records. */

GPtrArray *a11y_check_find_unnamed (GtkWidget *root);
char      *a11y_check_get_label    (GtkWidget *widget);
gboolean   a11y_check_has_name     (GtkWidget *widget);

G_END_DECLS
