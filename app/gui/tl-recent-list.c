/* tl-recent-list.c
 *
 * Copyright 2026 The Tierline developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tl-recent-list"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-recent-list.h"

/* The list of recently opened accounts files on the window's empty page.
 * A row opens its file through the win.open-recent action. A file that is
 * no longer where it was opened shows why it cannot be opened, and a
 * button that removes it from the list through win.forget-recent. */
struct _TlRecentList
{
  GtkWidget   parent_instance;

  GtkWidget  *heading;
  GtkListBox *list_box;
  GPtrArray  *rows;       /* AdwActionRow, in the order of the list */
  GPtrArray  *missing;    /* GINT_TO_POINTER: whether each row's file is gone */
};

G_DEFINE_FINAL_TYPE (TlRecentList, tl_recent_list, GTK_TYPE_WIDGET)

/* Returns the folder of @file for display, with the home folder as "~". */
static char *
get_display_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    {
      g_autofree char *shown = g_filename_display_name (relative);

      return g_build_filename ("~", shown, NULL);
    }

  return g_file_get_parse_name (parent);
}

static GtkWidget *
create_forget_button (const char *uri)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove From the List"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.forget-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);

  return button;
}

/* Creates the row of the file at @uri. A file that exists opens when the
 * row is activated, and a missing one is marked missing in its subtitle. */
static GtkWidget *
create_row (const char *uri,
            gboolean   *missing)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown_name = g_filename_display_name (name != NULL ? name : uri);
  g_autofree char *folder = get_display_folder (file);
  g_autofree char *full_name = g_file_get_parse_name (file);
  GtkWidget *row = adw_action_row_new ();

  /* NOTE: a file on an unresponsive mount blocks this check. The list
   * contains only files that were opened by local path. */
  *missing = !g_file_query_exists (file, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_name);
  gtk_widget_set_tooltip_text (row, full_name);

  if (*missing)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a folder, such as ~/Downloads */
      subtitle = g_strdup_printf (_("Not found in %s: moved, renamed or deleted"), folder);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_forget_button (uri));
      gtk_widget_add_css_class (row, "recent-missing");
      return row;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);

  return row;
}

static void
tl_recent_list_dispose (GObject *object)
{
  TlRecentList *self = TL_RECENT_LIST (object);

  g_clear_pointer (&self->heading, gtk_widget_unparent);
  if (self->list_box != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->list_box));
  self->list_box = NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);

  G_OBJECT_CLASS (tl_recent_list_parent_class)->dispose (object);
}

static void
tl_recent_list_class_init (TlRecentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_recent_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recentlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_recent_list_init (TlRecentList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->heading = gtk_label_new (_("Recent Files"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0.0);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->heading, NULL, -1);

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL,
                                  -1);

  self->rows = g_ptr_array_new ();
  self->missing = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * tl_recent_list_new:
 *
 * Returns: (transfer floating): a new, empty #TlRecentList, hidden until
 *   it has files
 */
GtkWidget *
tl_recent_list_new (void)
{
  return g_object_new (TL_TYPE_RECENT_LIST, NULL);
}

/**
 * tl_recent_list_set_uris:
 * @self: a #TlRecentList
 * @uris: (nullable): the recently opened files, most recent first
 *
 * Shows a row for each file, in place of the rows shown, and checks again
 * which files are missing. The list hides itself when @uris is empty.
 */
void
tl_recent_list_set_uris (TlRecentList       *self,
                         const char * const *uris)
{
  g_return_if_fail (TL_IS_RECENT_LIST (self));

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list_box, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->missing, 0);

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      gboolean missing = FALSE;
      GtkWidget *row = create_row (uris[i], &missing);

      gtk_list_box_append (self->list_box, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->missing, GINT_TO_POINTER (missing));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

/**
 * tl_recent_list_get_n_rows:
 * @self: a #TlRecentList
 *
 * Returns: the number of files listed, missing ones included
 */
guint
tl_recent_list_get_n_rows (TlRecentList *self)
{
  g_return_val_if_fail (TL_IS_RECENT_LIST (self), 0);

  return self->rows->len;
}

/**
 * tl_recent_list_get_row:
 * @self: a #TlRecentList
 * @index: the position in the list, 0 for the most recent file
 *
 * Returns: (transfer none): the row of the file
 */
AdwActionRow *
tl_recent_list_get_row (TlRecentList *self,
                        guint         index)
{
  g_return_val_if_fail (TL_IS_RECENT_LIST (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}

/**
 * tl_recent_list_row_is_missing:
 * @self: a #TlRecentList
 * @index: the position in the list
 *
 * Returns: whether the file of the row was not found when the list was
 *   last set
 */
gboolean
tl_recent_list_row_is_missing (TlRecentList *self,
                               guint         index)
{
  g_return_val_if_fail (TL_IS_RECENT_LIST (self), FALSE);
  g_return_val_if_fail (index < self->missing->len, FALSE);

  return GPOINTER_TO_INT (g_ptr_array_index (self->missing, index));
}
