/* tl-window-recent.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-window-recent"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-recent-files.h"
#include "tl-window-private.h"

/* Recently opened accounts files: the list on the empty page, the Open
 * Recent submenu of the main menu, and their actions. The list is the
 * GSettings key "recent-files", most recent first, so every window shows
 * the same files. Each file is also added to GtkRecentManager, which the
 * file manager and the file chooser read. */

static char **
get_recent_uris (TlWindow *self)
{
  if (self->settings == NULL)
    return g_new0 (char *, 1);

  return g_settings_get_strv (self->settings, "recent-files");
}

static void
set_recent_uris (TlWindow           *self,
                 const char * const *uris)
{
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "recent-files", uris);
}

/* Returns @text with each underscore doubled, so that a menu does not read
 * it as a mnemonic. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static GMenuItem *
create_file_item (GFile      *file,
                  const char *uri)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown = g_filename_display_name (name);
  g_autofree char *label = escape_mnemonics (shown);
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);

  return item;
}

/* Creates the Open Recent submenu with the files of @uris that exist, or
 * returns NULL when none does. */
static GMenu *
create_recent_menu (const char * const *uris)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) files = g_menu_new ();

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_query_exists (file, NULL))
        continue;

      item = create_file_item (file, uris[i]);
      g_menu_append_item (files, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (files)) == 0)
    return NULL;

  g_menu_append_section (menu, NULL, G_MENU_MODEL (files));
  g_menu_append (menu, _("_Clear List"), "win.clear-recent");

  return g_steal_pointer (&menu);
}

/* Shows the stored list in the empty page and the main menu, checking
 * again which files are missing. */
static void
update_recent (TlWindow *self)
{
  g_auto(GStrv) uris = get_recent_uris (self);
  g_autoptr(GMenu) menu = create_recent_menu ((const char * const *) uris);

  tl_recent_list_set_uris (self->recent_list, (const char * const *) uris);

  if (self->recent_in_menu)
    g_menu_remove (self->file_section, 0);
  self->recent_in_menu = menu != NULL;
  if (menu != NULL)
    g_menu_insert_submenu (self->file_section, 0, _("Open _Recent"), G_MENU_MODEL (menu));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-recent", uris[0] != NULL);
}

static void
recent_files_changed_cb (GSettings  *settings,
                         const char *key,
                         TlWindow   *self)
{
  update_recent (self);
}

static void
active_changed_cb (TlWindow   *self,
                   GParamSpec *pspec)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    update_recent (self);
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  if (self->job_kind == TL_JOB_EXPORT)
    return;

  tl_window_open_file (self, file);
}

static void
forget_recent_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TlWindow *self = TL_WINDOW (widget);
  g_auto(GStrv) uris = get_recent_uris (self);
  g_auto(GStrv) kept = NULL;

  kept = tl_recent_files_remove ((const char * const *) uris,
                                 g_variant_get_string (parameter, NULL));
  set_recent_uris (self, (const char * const *) kept);
}

static void
clear_recent_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *none[] = { NULL };

  set_recent_uris (TL_WINDOW (widget), none);
}

/* Installs the actions of the recent files. The window's class_init
 * calls it. */
void
_tl_window_class_init_recent (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.forget-recent", "s",
                                   forget_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.clear-recent", NULL,
                                   clear_recent_action_cb);
}

/* Shows the recent files and follows changes to them, also those made by
 * other windows. The list is checked again for missing files each time the
 * window becomes active, for a file deleted while Tierline was in the
 * background. */
void
_tl_window_init_recent (TlWindow *self)
{
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-files",
                             G_CALLBACK (recent_files_changed_cb), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);

  update_recent (self);
}

/* Enables opening a recent file while no export runs. */
void
_tl_window_update_recent_actions (TlWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent",
                                 self->job_kind != TL_JOB_EXPORT);
}

/* Puts the file at @path first in the recent files, after it was read. */
void
_tl_window_add_recent (TlWindow   *self,
                       const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) uris = get_recent_uris (self);
  g_auto(GStrv) updated = NULL;

  updated = tl_recent_files_add ((const char * const *) uris, uri, TL_RECENT_FILES_MAX);
  set_recent_uris (self, (const char * const *) updated);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * tl_window_get_recent_list:
 * @self: a #TlWindow
 *
 * Returns: (transfer none): the list of recent files on the empty page
 */
TlRecentList *
tl_window_get_recent_list (TlWindow *self)
{
  g_return_val_if_fail (TL_IS_WINDOW (self), NULL);

  return self->recent_list;
}
