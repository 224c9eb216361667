/* tl-application.c
 *
 * Copyright 2026 The Tierline developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "tl-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-application.h"
#include "tl-window.h"

struct _TlApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TlApplication, tl_application, ADW_TYPE_APPLICATION)

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing each window lets it save its size and cancel its work. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (application);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Tierline developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "modal", TRUE,
                        "application-name", _("Tierline"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Tier customer accounts by ARR, score their health "
                                      "and rate their expansion potential."),
                        "developer-name", _("The Tierline developers"),
                        "developers", developers,
                        "copyright", _("© 2026 The Tierline developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/tierline/tierline",
                        "issue-url", "https://github.com/tierline/tierline/issues",
                        "release-notes-version", "0.1.0",
                        /* Translators: AppStream description markup; keep <p> and </p> */
                        "release-notes", _("<p>The first release. Tierline reads CSV exports and "
                                           "Excel workbooks of customer accounts and assigns "
                                           "each account a tier, a health score and an "
                                           "expansion potential. It shows the capacity each "
                                           "tier needs and the accounts to move between tiers, "
                                           "keeps quarterly snapshots, and exports the result "
                                           "to an XLSX workbook.</p>"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static void
set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.view::accounts", { "<Alt>1", NULL } },
    { "win.view::capacity", { "<Alt>2", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static void
tl_application_startup (GApplication *application)
{
  G_APPLICATION_CLASS (tl_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  set_accels (GTK_APPLICATION (application));
  gtk_window_set_default_icon_name (APP_ID);
}

static void
tl_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (tl_window_new (TL_APPLICATION (application)));

  gtk_window_present (window);
}

/* Returns the active window if it shows nothing yet, else a new window. */
static TlWindow *
get_window_for_file (TlApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TL_IS_WINDOW (active) && tl_window_is_empty (TL_WINDOW (active)))
    return TL_WINDOW (active);

  return tl_window_new (self);
}

static void
tl_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TlApplication *self = TL_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      TlWindow *window = get_window_for_file (self);

      tl_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
tl_application_class_init (TlApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  application_class->startup = tl_application_startup;
  application_class->activate = tl_application_activate;
  application_class->open = tl_application_open;
}

static void
tl_application_init (TlApplication *self)
{
}

/**
 * tl_application_new:
 * @extra_flags: flags besides %G_APPLICATION_HANDLES_OPEN, such as
 *   %G_APPLICATION_NON_UNIQUE for tests
 *
 * Returns: (transfer full): a new #TlApplication
 */
TlApplication *
tl_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (TL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/io/github/tierline/Tierline",
                       NULL);
}

static GFile *
find_sample_in (const char *folder)
{
  g_autofree char *path = NULL;

  if (folder == NULL || *folder == '\0')
    return NULL;

  path = g_build_filename (folder, "accounts.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_file_new_for_path (path);
}

/**
 * tl_application_find_sample:
 *
 * Finds the sample accounts file: in the folder that the environment
 * variable TIERLINE_SAMPLE_DIR names, else where Tierline installs it,
 * else in the source tree it was built from.
 *
 * Returns: (transfer full) (nullable): the sample file, or %NULL if none
 *   of these places has it
 */
GFile *
tl_application_find_sample (void)
{
  const char * const folders[] = {
    g_getenv ("TIERLINE_SAMPLE_DIR"),
    PKGDATADIR "/samples",
    SOURCE_SAMPLE_DIR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      GFile *sample = find_sample_in (folders[i]);

      if (sample != NULL)
        return sample;
    }

  return NULL;
}
