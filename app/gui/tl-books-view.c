/* tl-books-view.c
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

#define G_LOG_DOMAIN "tl-books-view"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-book-row.h"
#include "tl-books-view.h"
#include "tl-format.h"
#include "tl-value.h"

/* The table of the CSMs' books of business: one row per CSM, with the
 * accounts in each tier, the accounts and ARR in all, the load and the
 * state. Overloaded and underused books carry a badge with an icon and a
 * label. A few hundred owners at most make a GListStore of small row
 * objects under GTK's own sorters fast enough. A click on a CSM emits
 * TlBooksView::show-owner. */

struct _TlBooksView
{
  GtkWidget            parent_instance;

  GtkColumnView       *column_view;

  GListStore          *books;
  GtkSortListModel    *sorted_books;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *tier_columns[TL_N_TIERS];

  char                *currency;       /* of the books' ARR, NULL for dollars */
};

enum
{
  SHOW_OWNER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlBooksView, tl_books_view, GTK_TYPE_WIDGET)

/* The columns of the books table: the sort key that tl_book_row_compare()
 * takes, the title, and the fixed width, or -1 for the column that
 * expands. The tier columns take their titles from the model. */
typedef struct
{
  const char *key;
  const char *title;
  int         width;
} BookColumn;

static const BookColumn book_columns[] = {
  { "owner", N_("CSM"), -1 },
  { "tier-1", NULL, 96 },
  { "tier-2", NULL, 96 },
  { "tier-3", NULL, 96 },
  { "tier-4", NULL, 96 },
  { "accounts", N_("Accounts"), 92 },
  { "arr", N_("ARR"), 96 },
  { "load", N_("Load"), 80 },
  { "state", N_("State"), 140 },
};

static void
book_activated_cb (TlBooksView *self,
                   guint        position)
{
  g_autoptr(TlBookRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted_books), position);

  if (row == NULL || tl_book_row_get_owner (row) == NULL)
    return;

  g_signal_emit (self, signals[SHOW_OWNER], 0, tl_book_row_get_owner (row));
}

static void
book_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const char               *key)
{
  GtkWidget *child;

  if (g_str_equal (key, "state"))
    {
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *label = gtk_label_new (NULL);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
      gtk_box_append (GTK_BOX (child), icon);
      gtk_box_append (GTK_BOX (child), label);
    }
  else
    {
      gboolean text = g_str_equal (key, "owner");

      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), text ? 0.0 : 1.0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      if (!text)
        gtk_widget_add_css_class (child, "numeric");
    }

  gtk_list_item_set_child (item, child);
}

static void
bind_state (GtkWidget    *box,
            const TlBook *book)
{
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  const char *icon_name = NULL;
  const char *css_class = "book-balanced";
  g_autofree char *name = NULL;

  switch (book->state)
    {
    case TL_BOOK_OVERLOADED:
      icon_name = "dialog-warning-symbolic";
      css_class = "book-overloaded";
      break;
    case TL_BOOK_UNDERUSED:
      icon_name = "dialog-information-symbolic";
      css_class = "book-underused";
      break;
    case TL_BOOK_UNASSIGNED:
      css_class = "book-unassigned";
      break;
    case TL_BOOK_BALANCED:
    default:
      break;
    }

  gtk_label_set_text (GTK_LABEL (label), tl_book_state_get_label (book->state));
  /* Translators: the state of a CSM's book, as in "State: Overloaded" */
  name = g_strdup_printf (_("State: %s"), tl_book_state_get_label (book->state));
  tl_accessible_set_label (box, name);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);
  gtk_widget_set_css_classes (box, (const char *[]) {
                                "book-state", css_class, icon_name != NULL ? "badge" : NULL, NULL
                              });
}

/* Names the table row of @book for screen readers, as in "Dana Kim: 42
 * accounts, $3.1M ARR, load 112 %, Overloaded". */
static void
label_book_row (TlBooksView  *self,
                GtkWidget    *cell,
                const TlBook *book)
{
  g_autofree char *count = tl_format_count (book->total_accounts);
  g_autofree char *arr = tl_format_money_short (book->total_arr, self->currency);
  g_autofree char *accounts = NULL;
  g_autofree char *name = NULL;

  accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts",
                                           book->total_accounts),
                              count);
  /* Translators: what a screen reader reads for a row of the books table:
   * the CSM, the accounts, the ARR, the load and the state, as in "Dana
   * Kim: 42 accounts, $3.1M ARR, load 112 %, Overloaded" */
  name = g_strdup_printf (_("%s: %s, %s ARR, load %.0f %%, %s"),
                          book->owner != NULL ? book->owner : C_("books", "No owner"),
                          accounts, arr, book->load * 100.0,
                          tl_book_state_get_label (book->state));
  tl_accessible_label_table_row (cell, name);
}

/* What a column's bind handler needs: the view, for the currency, and the
 * column's key. */
typedef struct
{
  TlBooksView *self;
  const char  *key;
} CellBinding;

static void
book_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CellBinding        *binding)
{
  TlBooksView *self = binding->self;
  const char *key = binding->key;
  TlBookRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const TlBook *book;
  g_autofree char *text = NULL;
  gboolean dim = FALSE;

  if (row == NULL)
    return;
  book = tl_book_row_get_book (row);

  if (g_str_equal (key, "state"))
    {
      bind_state (child, book);
      return;
    }

  if (g_str_equal (key, "owner"))
    {
      g_autofree char *tooltip = NULL;

      if (book->owner != NULL)
        /* Translators: the tooltip of a CSM in the books table */
        tooltip = g_strdup_printf (_("List the accounts of %s"), book->owner);
      text = g_strdup (book->owner != NULL ? book->owner : C_("books", "No owner"));
      dim = book->owner == NULL;
      gtk_widget_set_tooltip_text (child, tooltip);
      /* The CSM column is always shown, so its cell names the row. */
      label_book_row (self, child, book);
    }
  else if (g_str_has_prefix (key, "tier-"))
    {
      guint tier = key[5] - '0';

      text = tl_format_count (book->accounts[tier]);
      dim = book->accounts[tier] == 0;
    }
  else if (g_str_equal (key, "accounts"))
    text = tl_format_count (book->total_accounts);
  else if (g_str_equal (key, "arr"))
    text = tl_format_money_short (book->total_arr, self->currency);
  else if (g_str_equal (key, "load"))
    text = g_strdup_printf ("%.0f %%", book->load * 100.0);

  gtk_label_set_text (GTK_LABEL (child), text);
  gtk_widget_set_css_classes (child, (const char *[]) {
                                g_str_equal (key, "owner") ? "book-owner" : "numeric",
                                dim ? "dim-label" : NULL, NULL
                              });
  if (g_str_equal (key, "load") && book->state == TL_BOOK_OVERLOADED)
    gtk_widget_add_css_class (child, "off-target");
}

static int
compare_books_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      key)
{
  return tl_book_row_compare (TL_BOOK_ROW ((gpointer) a), TL_BOOK_ROW ((gpointer) b), key);
}

static void
build_books_view (TlBooksView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (book_columns); i++)
    {
      const BookColumn *spec = &book_columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      CellBinding *binding = g_new (CellBinding, 1);

      g_signal_connect (factory, "setup", G_CALLBACK (book_setup_cb), (gpointer) spec->key);
      binding->self = self;
      binding->key = spec->key;
      g_signal_connect_data (factory, "bind", G_CALLBACK (book_bind_cb), binding,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      column = gtk_column_view_column_new (spec->title != NULL ? _(spec->title) : NULL, factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_books_cb, (gpointer) spec->key, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (spec->width > 0)
        gtk_column_view_column_set_fixed_width (column, spec->width);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);

      if (i == 0)
        self->owner_column = column;
      else if (i <= TL_N_TIERS)
        self->tier_columns[i - 1] = column;
    }

  self->books = g_list_store_new (TL_TYPE_BOOK_ROW);
  self->sorted_books = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->books)),
                                                g_object_ref (gtk_column_view_get_sorter (
                                                  self->column_view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted_books)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_sort_by_column (self->column_view, self->owner_column, GTK_SORT_ASCENDING);
}

static void
tl_books_view_dispose (GObject *object)
{
  TlBooksView *self = TL_BOOKS_VIEW (object);
  GtkWidget *child;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->sorted_books);
  g_clear_object (&self->books);
  g_clear_pointer (&self->currency, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_BOOKS_VIEW);

  /* The template's unnamed scrolled window is a child too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_books_view_parent_class)->dispose (object);
}

static void
tl_books_view_class_init (TlBooksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_books_view_dispose;

  /**
   * TlBooksView::show-owner:
   * @owner: the CSM
   *
   * Emitted when the user clicks a CSM, to list the CSM's accounts.
   */
  signals[SHOW_OWNER] = g_signal_new ("show-owner", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-books-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TlBooksView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, book_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "booksview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_books_view_init (TlBooksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tl_accessible_set_label (GTK_WIDGET (self), _("Books of Business"));
  build_books_view (self);
}

/**
 * tl_books_view_set_books:
 * @self: a #TlBooksView
 * @books: (element-type TlBook): the books, as tl_books_compute() gives
 *   them
 * @model: (nullable): the model, whose tier names title the tier columns;
 *   %NULL keeps the titles
 * @currency: (nullable): the currency of the books' ARR, %NULL for dollars
 *
 * Shows @books in the table's sort order.
 */
void
tl_books_view_set_books (TlBooksView   *self,
                         GPtrArray     *books,
                         const TlModel *model,
                         const char    *currency)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TL_IS_BOOKS_VIEW (self));
  g_return_if_fail (books != NULL);

  g_free (self->currency);
  self->currency = g_strdup (currency);
  for (guint t = 0; model != NULL && t < TL_N_TIERS; t++)
    gtk_column_view_column_set_title (self->tier_columns[t], model->tiers[t].name);

  for (guint i = 0; i < books->len; i++)
    g_ptr_array_add (rows, tl_book_row_new (g_ptr_array_index (books, i)));
  g_list_store_splice (self->books, 0, g_list_model_get_n_items (G_LIST_MODEL (self->books)),
                       rows->pdata, rows->len);
}

/**
 * tl_books_view_get_column_view:
 * @self: a #TlBooksView
 *
 * Returns: (transfer none): the table
 */
GtkColumnView *
tl_books_view_get_column_view (TlBooksView *self)
{
  g_return_val_if_fail (TL_IS_BOOKS_VIEW (self), NULL);

  return self->column_view;
}

/**
 * tl_books_view_get_books:
 * @self: a #TlBooksView
 *
 * Returns: (transfer none): the books in the order the table shows them,
 *   as #TlBookRow items
 */
GListModel *
tl_books_view_get_books (TlBooksView *self)
{
  g_return_val_if_fail (TL_IS_BOOKS_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted_books);
}
