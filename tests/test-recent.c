/* test-recent.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-recent"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "tl-recent-files.h"

#define APP_SCHEMA "io.github.tierline.Tierline"

/* A folder of the test's own with a copy of an accounts file, so that the
 * test can delete the file. */
typedef struct
{
  char *folder;
  char *path;
  char *uri;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(GFile) file = NULL;

  g_settings_reset (settings, "recent-files");

  fixture->folder = g_dir_make_tmp ("tierline-recent-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "renewals_q4.csv", NULL);

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "gui-accounts.csv", NULL),
                       &text, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, text, length, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (fixture->path);
  fixture->uri = g_file_get_uri (file);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);

  g_settings_reset (settings, "recent-files");
  g_remove (fixture->path);
  g_rmdir (fixture->folder);
  g_free (fixture->uri);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static gboolean
job_done (gpointer data)
{
  return !tl_window_is_loading (TL_WINDOW (data));
}

/* GtkRecentManager records a file asynchronously, and has no list at all
 * until its first item is written. */
static gboolean
recent_manager_lists (gpointer data)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found = found || g_strcmp0 (gtk_recent_info_get_uri (l->data), data) == 0;

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  return found;
}

static TlWindow *
create_empty_window (void)
{
  TlWindow *window = tl_window_new (gui_test_app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
open_and_wait (TlWindow *window,
               GFile    *file)
{
  tl_window_open_file (window, file);
  gui_test_spin_until (job_done, window, 20000);
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Returns the submenu labelled "Open _Recent" in the sections of the
 * window's main menu, or NULL when the menu has none. */
static GMenuModel *
find_recent_submenu (TlWindow *window)
{
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (label, "Open _Recent") == 0)
            return g_menu_model_get_item_link (section, j, G_MENU_LINK_SUBMENU);
        }
    }

  return NULL;
}

/* Returns the target of the first item of the submenu's first section,
 * after checking that it opens a recent file and shows @label. */
static char *
get_first_recent_item_target (GMenuModel *submenu,
                              const char *label)
{
  g_autoptr(GMenuModel) files = g_menu_model_get_item_link (submenu, 0, G_MENU_LINK_SECTION);
  g_autofree char *item_label = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_nonnull (files);
  g_assert_cmpint (g_menu_model_get_n_items (files), >=, 1);
  g_menu_model_get_item_attribute (files, 0, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
  g_menu_model_get_item_attribute (files, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  target = g_menu_model_get_item_attribute_value (files, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (item_label, ==, label);
  g_assert_cmpstr (action, ==, "win.open-recent");
  g_assert_nonnull (target);

  return g_variant_dup_string (target, NULL);
}

static void
test_recent_open_adds_file (Fixture       *fixture,
                            gconstpointer  data)
{
  TlWindow *window = create_empty_window ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);
  g_auto(GStrv) recent = NULL;
  TlRecentList *list = tl_window_get_recent_list (window);

  g_assert_cmpuint (tl_recent_list_get_n_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_null (find_recent_submenu (window));

  open_and_wait (window, file);
  g_assert_nonnull (tl_window_get_document (window));

  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, fixture->uri);
  gui_test_spin_until (recent_manager_lists, fixture->uri, 5000);

  gui_test_destroy_window (window);
}

static void
test_recent_list_reopens_file (Fixture       *fixture,
                               gconstpointer  data)
{
  TlWindow *first = create_empty_window ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  TlWindow *window;
  TlRecentList *list;
  AdwActionRow *row;

  open_and_wait (first, file);
  gui_test_destroy_window (first);

  /* A new window shows the file on its empty page. */
  window = create_empty_window ();
  g_assert_cmpstr (tl_window_get_page (window), ==, "empty");
  list = tl_window_get_recent_list (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpuint (tl_recent_list_get_n_rows (list), ==, 1);
  g_assert_false (tl_recent_list_row_is_missing (list, 0));

  row = tl_recent_list_get_row (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "renewals_q4.csv");
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  /* Activating the row, as a click does, opens the file. */
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_true (tl_window_is_loading (window));
  gui_test_spin_until (job_done, window, 20000);
  g_assert_nonnull (tl_window_get_document (window));
  g_assert_cmpstr (tl_document_get_path (tl_window_get_document (window)), ==, fixture->path);
  g_assert_cmpstr (tl_window_get_page (window), ==, "accounts");
  g_assert_cmpuint (gui_test_get_n_shown (window), ==, 12);

  gui_test_destroy_window (window);
}

static void
test_recent_menu_reopens_file (Fixture       *fixture,
                               gconstpointer  data)
{
  TlWindow *window = create_empty_window ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) sample = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                      "books.csv", NULL));
  g_autoptr(GMenuModel) submenu = NULL;
  g_autofree char *target = NULL;

  open_and_wait (window, file);
  open_and_wait (window, sample);

  /* The underscore is doubled so that the menu shows it. */
  submenu = find_recent_submenu (window);
  g_assert_nonnull (submenu);
  target = get_first_recent_item_target (submenu, "books.csv");
  g_clear_pointer (&target, g_free);
  g_clear_object (&submenu);

  open_and_wait (window, file);
  submenu = find_recent_submenu (window);
  target = get_first_recent_item_target (submenu, "renewals__q4.csv");
  g_assert_cmpstr (target, ==, fixture->uri);

  /* The menu item's action, as a click runs it, opens the file again. */
  open_and_wait (window, sample);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", target);
  g_assert_true (tl_window_is_loading (window));
  gui_test_spin_until (job_done, window, 20000);
  g_assert_cmpstr (tl_document_get_path (tl_window_get_document (window)), ==, fixture->path);

  gui_test_destroy_window (window);
}

static void
test_recent_missing_file (Fixture       *fixture,
                          gconstpointer  data)
{
  TlWindow *first = create_empty_window ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);
  g_auto(GStrv) recent = NULL;
  TlWindow *window;
  TlRecentList *list;
  AdwActionRow *row;

  open_and_wait (first, file);
  gui_test_destroy_window (first);
  g_assert_cmpint (g_remove (fixture->path), ==, 0);

  window = create_empty_window ();
  list = tl_window_get_recent_list (window);
  g_assert_cmpuint (tl_recent_list_get_n_rows (list), ==, 1);
  g_assert_true (tl_recent_list_row_is_missing (list, 0));

  row = tl_recent_list_get_row (list, 0);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), "Not found in "));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row),
                                   ": moved, renamed or deleted"));
  /* The menu lists only files that can be opened. */
  g_assert_null (find_recent_submenu (window));

  /* The row's remove button drops the file from the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forget-recent", "s", fixture->uri);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  g_assert_cmpuint (tl_recent_list_get_n_rows (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  gui_test_destroy_window (window);
}

static void
test_recent_list_capped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) many = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  TlWindow *window;

  for (guint i = 0; i < TL_RECENT_FILES_MAX; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///nowhere/accounts-%u.csv", i);

      g_strv_builder_add (builder, uri);
    }
  many = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) many);

  window = create_empty_window ();
  g_assert_cmpuint (tl_recent_list_get_n_rows (tl_window_get_recent_list (window)), ==,
                    TL_RECENT_FILES_MAX);
  open_and_wait (window, file);

  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, TL_RECENT_FILES_MAX);
  g_assert_cmpstr (recent[0], ==, fixture->uri);
  g_assert_cmpstr (recent[1], ==, "file:///nowhere/accounts-0.csv");
  g_assert_cmpstr (recent[TL_RECENT_FILES_MAX - 1], ==, "file:///nowhere/accounts-8.csv");

  g_settings_reset (settings, "recent-files");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-recent", NULL);
  gui_test_destroy_window (window);
}

static void
test_recent_clear (Fixture       *fixture,
                   gconstpointer  data)
{
  TlWindow *window = create_empty_window ();
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GSettings) settings = g_settings_new (APP_SCHEMA);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GMenuModel) submenu = NULL;
  g_autofree char *action = NULL;

  open_and_wait (window, file);
  submenu = find_recent_submenu (window);
  g_assert_nonnull (submenu);
  g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 2);
  g_menu_model_get_item_attribute (submenu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action);
  g_assert_cmpstr (action, ==, "win.clear-recent");

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  g_clear_object (&submenu);
  submenu = find_recent_submenu (window);
  g_assert_null (submenu);

  gui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/tierline/recent/open-adds-file", Fixture, NULL,
              fixture_set_up, test_recent_open_adds_file, fixture_tear_down);
  g_test_add ("/tierline/recent/list-reopens-file", Fixture, NULL,
              fixture_set_up, test_recent_list_reopens_file, fixture_tear_down);
  g_test_add ("/tierline/recent/menu-reopens-file", Fixture, NULL,
              fixture_set_up, test_recent_menu_reopens_file, fixture_tear_down);
  g_test_add ("/tierline/recent/missing-file", Fixture, NULL,
              fixture_set_up, test_recent_missing_file, fixture_tear_down);
  g_test_add ("/tierline/recent/list-capped", Fixture, NULL,
              fixture_set_up, test_recent_list_capped, fixture_tear_down);
  g_test_add ("/tierline/recent/clear", Fixture, NULL,
              fixture_set_up, test_recent_clear, fixture_tear_down);

  return gui_test_run ();
}
