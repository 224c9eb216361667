/* gui-test-util.h
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tl-application.h"
#include "tl-window.h"

G_BEGIN_DECLS

/* Helpers shared by the GUI tests that drive a real window. */

extern TlApplication *gui_test_app;

gboolean    gui_test_init           (int          *argc,
                                     char       ***argv);
int         gui_test_run            (void);
void        gui_test_spin_until     (gboolean     (*condition) (gpointer),
                                     gpointer      data,
                                     guint         timeout_ms);
void        gui_test_spin_pending   (void);
TlWindow   *gui_test_open_window    (const char   *data_file);
TlWindow   *gui_test_open_path      (const char   *path);
TlWindow   *gui_test_open_sample    (int           width,
                                     int           height);
GtkWidget  *gui_test_find_widget    (GtkWidget    *widget,
                                     GType         type);
void        gui_test_destroy_window (TlWindow     *window);
guint       gui_test_get_n_shown    (TlWindow     *window);
guint       gui_test_get_row_at     (TlWindow     *window,
                                     guint         position);
const char *gui_test_get_name_at    (TlWindow     *window,
                                     guint         position);
guint       gui_test_find_row       (TlWindow     *window,
                                     const char   *name);
void        gui_test_select_name    (TlWindow     *window,
                                     const char   *name);
guint       gui_test_get_selected_row (TlWindow   *window);
GPtrArray  *gui_test_collect_labels (GtkWidget    *widget);
GPtrArray  *gui_test_collect_cells  (TlWindow     *window);
GtkWidget  *gui_test_find_action_button (GtkWidget  *widget,
                                         const char *action_name);
char       *gui_test_get_snapshot_path (void);

G_END_DECLS
