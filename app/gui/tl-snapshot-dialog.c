/* tl-snapshot-dialog.c
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

#define G_LOG_DOMAIN "tl-snapshot-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-snapshot-dialog.h"

/* The dialog of Save Snapshot, which requests the quarter that the open
 * accounts describe, out of a list that the window gives. The window
 * handles the "save" response, and the dialog saves nothing itself. */

struct _TlSnapshotDialog
{
  AdwMessageDialog  parent_instance;

  GtkDropDown      *quarter_drop;
  GtkStringList    *quarters;
};

G_DEFINE_FINAL_TYPE (TlSnapshotDialog, tl_snapshot_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
tl_snapshot_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_SNAPSHOT_DIALOG);

  G_OBJECT_CLASS (tl_snapshot_dialog_parent_class)->dispose (object);
}

static void
tl_snapshot_dialog_class_init (TlSnapshotDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_snapshot_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-snapshot-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotDialog, quarter_drop);
  gtk_widget_class_bind_template_child (widget_class, TlSnapshotDialog, quarters);
}

static void
tl_snapshot_dialog_init (TlSnapshotDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tl_accessible_label_drop_down (self->quarter_drop, _("Quarter"));
}

/**
 * tl_snapshot_dialog_new:
 * @parent: the window the dialog is modal for
 * @quarters: the quarters to offer, such as "2026-Q4", newest first
 * @chosen: (nullable): the quarter chosen at first; %NULL or one not in
 *   @quarters chooses the first
 *
 * Returns: (transfer none): a new dialog, owned by GTK until it closes
 */
TlSnapshotDialog *
tl_snapshot_dialog_new (GtkWindow          *parent,
                        const char * const *quarters,
                        const char         *chosen)
{
  TlSnapshotDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (quarters != NULL && quarters[0] != NULL, NULL);

  self = g_object_new (TL_TYPE_SNAPSHOT_DIALOG, "transient-for", parent, NULL);
  gtk_string_list_splice (self->quarters, 0, 0, quarters);
  if (chosen == NULL || !tl_snapshot_dialog_set_quarter (self, chosen))
    gtk_drop_down_set_selected (self->quarter_drop, 0);

  return self;
}

/**
 * tl_snapshot_dialog_get_quarter:
 * @self: a #TlSnapshotDialog
 *
 * Returns: the quarter chosen, such as "2026-Q4"
 */
const char *
tl_snapshot_dialog_get_quarter (TlSnapshotDialog *self)
{
  guint selected;

  g_return_val_if_fail (TL_IS_SNAPSHOT_DIALOG (self), NULL);

  selected = gtk_drop_down_get_selected (self->quarter_drop);
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;

  return gtk_string_list_get_string (self->quarters, selected);
}

/**
 * tl_snapshot_dialog_set_quarter:
 * @self: a #TlSnapshotDialog
 * @quarter: a quarter such as "2026-Q3"
 *
 * Chooses @quarter, as the drop-down does.
 *
 * Returns: %TRUE when @quarter is one of the quarters offered
 */
gboolean
tl_snapshot_dialog_set_quarter (TlSnapshotDialog *self,
                                const char       *quarter)
{
  guint n;

  g_return_val_if_fail (TL_IS_SNAPSHOT_DIALOG (self), FALSE);
  g_return_val_if_fail (quarter != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->quarters));
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_strcasecmp (gtk_string_list_get_string (self->quarters, i), quarter) == 0)
        {
          gtk_drop_down_set_selected (self->quarter_drop, i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * tl_snapshot_dialog_get_drop_down:
 * @self: a #TlSnapshotDialog
 *
 * Returns: (transfer none): the drop-down of quarters
 */
GtkDropDown *
tl_snapshot_dialog_get_drop_down (TlSnapshotDialog *self)
{
  g_return_val_if_fail (TL_IS_SNAPSHOT_DIALOG (self), NULL);

  return self->quarter_drop;
}
