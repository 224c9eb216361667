/* tl-mapping-dialog.c
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

#define G_LOG_DOMAIN "tl-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tl-mapping-dialog.h"

/* A dialog that lets the user choose the column of each field, with a
 * preview of the first values of the chosen column. It only builds a map.
 * The handler of TlMappingDialog::apply applies the map to the document. */

/* Values a preview shows, and the characters kept of each. */
#define PREVIEW_VALUES 3
#define PREVIEW_VALUE_CHARS 24

/* Rows searched for the values of a preview. */
#define PREVIEW_MAX_ROWS 10000

/* Matching columns named in the subtitle of an ambiguous field. */
#define MAX_LISTED_CANDIDATES 3

/* The column of a field without a choice, which is how ambiguous fields start. */
#define NO_CHOICE (-2)

struct _TlMappingDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkLabel            *intro_label;
  GtkWidget           *problem_box;
  GtkLabel            *problem_label;
  GtkWidget           *apply_button;
  AdwPreferencesGroup *account_group;
  AdwPreferencesGroup *revenue_group;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *expansion_group;
  AdwPreferencesGroup *other_group;

  TlDocument          *document;
  TlFieldMap          *map;          /* the map the dialog started from */
  GtkStringList       *choices;      /* "Not in this file", then each header */
  AdwComboRow         *rows[TL_N_FIELDS];
  char               **previews;     /* one per column, filled when first shown */
  guint                n_columns;
  char                *problem;      /* why Apply is off, or NULL */
};

G_DEFINE_FINAL_TYPE (TlMappingDialog, tl_mapping_dialog, ADW_TYPE_WINDOW)

enum
{
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields of each group, in the order the dialog lists them. */
static const TlField account_fields[] = {
  TL_FIELD_NAME, TL_FIELD_ID,
};
static const TlField revenue_fields[] = {
  TL_FIELD_ARR, TL_FIELD_MRR,
};
static const TlField health_fields[] = {
  TL_FIELD_DAU, TL_FIELD_MAU, TL_FIELD_DAU_MAU, TL_FIELD_FEATURES_USED,
  TL_FIELD_FEATURES_AVAILABLE, TL_FIELD_ADOPTION, TL_FIELD_CSAT, TL_FIELD_ESCALATIONS,
  TL_FIELD_EXEC_SPONSOR, TL_FIELD_CHAMPION, TL_FIELD_NPS,
};
static const TlField expansion_fields[] = {
  TL_FIELD_SEATS_LICENSED, TL_FIELD_SEATS_USED, TL_FIELD_FEATURE_REQUESTS, TL_FIELD_GROWTH,
  TL_FIELD_TEAMS, TL_FIELD_API_CALLS, TL_FIELD_API_CALLS_PREV,
};
static const TlField other_fields[] = {
  TL_FIELD_OWNER, TL_FIELD_RENEWAL, TL_FIELD_CURRENT_TIER, TL_FIELD_HEALTH_EXTERNAL,
};

static void
tl_mapping_dialog_dispose (GObject *object)
{
  TlMappingDialog *self = TL_MAPPING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TL_TYPE_MAPPING_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->choices);

  G_OBJECT_CLASS (tl_mapping_dialog_parent_class)->dispose (object);
}

static void
tl_mapping_dialog_finalize (GObject *object)
{
  TlMappingDialog *self = TL_MAPPING_DIALOG (object);

  g_clear_pointer (&self->map, tl_field_map_free);
  if (self->previews != NULL)
    {
      for (guint c = 0; c < self->n_columns; c++)
        g_free (self->previews[c]);
      g_clear_pointer (&self->previews, g_free);
    }
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (tl_mapping_dialog_parent_class)->finalize (object);
}

static void
apply_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TlMappingDialog *self = TL_MAPPING_DIALOG (widget);

  if (self->problem != NULL)
    return;

  g_signal_emit (self, signals[APPLY], 0);
}

static void
tl_mapping_dialog_class_init (TlMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_mapping_dialog_dispose;
  object_class->finalize = tl_mapping_dialog_finalize;

  /**
   * TlMappingDialog::apply:
   *
   * Emitted when the user applies a map that has a name or id and an ARR
   * or MRR column, and no column twice. Get it with
   * tl_mapping_dialog_get_map(). The dialog stays open until the handler
   * closes it.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, revenue_group);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, health_group);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, expansion_group);
  gtk_widget_class_bind_template_child (widget_class, TlMappingDialog, other_group);

  gtk_widget_class_install_action (widget_class, "mapping.apply", NULL, apply_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tl_mapping_dialog_init (TlMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns the column chosen for @field, -1 for "Not in this file", or
 * NO_CHOICE. */
static int
get_chosen_column (TlMappingDialog *self,
                   TlField          field)
{
  guint selected = adw_combo_row_get_selected (self->rows[field]);

  if (selected == GTK_INVALID_LIST_POSITION || selected > self->n_columns)
    return NO_CHOICE;

  return (int) selected - 1;
}

/* Returns the header of @column for display. A blank header is named by
 * its position. */
static char *
describe_header (TlMappingDialog *self,
                 guint            column)
{
  g_autofree char *header = g_strstrip (g_strdup (tl_field_map_get_header (self->map, column)));

  if (*header == '\0')
    {
      /* Translators: a column whose header cell is blank; %u counts from 1 */
      return g_strdup_printf (_("Column %u, no header"), column + 1);
    }

  g_strdelimit (header, "\r\n", ' ');

  return g_steal_pointer (&header);
}

/* Returns @value on one line and cut to a few characters. */
static char *
clip_value (const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  g_strdelimit (copy, "\r\n\t", ' ');
  if (g_utf8_strlen (copy, -1) > PREVIEW_VALUE_CHARS)
    {
      char *cut = g_utf8_offset_to_pointer (copy, PREVIEW_VALUE_CHARS);

      *cut = '\0';
      return g_strconcat (g_strchomp (copy), "…", NULL);
    }

  return g_steal_pointer (&copy);
}

/* Lists the first non-empty values of @column, as "48000, 125500, 9600",
 * or "$48,000 · $125,500 · $9,600" when a value has a comma itself. */
static char *
build_preview (TlMappingDialog *self,
               guint            column)
{
  const TlAccountTable *table = tl_document_get_table (self->document);
  guint n_rows = tl_account_table_get_n_rows (table);
  guint n_searched = MIN (n_rows, PREVIEW_MAX_ROWS);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *separator = ", ";

  for (guint r = 0; r < n_searched && values->len < PREVIEW_VALUES; r++)
    {
      const char *cell = tl_account_table_get_cell (table, r, column);
      g_autofree char *value = NULL;

      if (cell == NULL)
        continue;
      value = clip_value (cell);
      if (*value == '\0')
        continue;

      if (strchr (value, ',') != NULL)
        separator = " · ";
      g_ptr_array_add (values, g_steal_pointer (&value));
    }

  if (values->len > 0)
    {
      g_ptr_array_add (values, NULL);
      return g_strjoinv (separator, (char **) values->pdata);
    }

  if (n_searched < n_rows)
    return g_strdup (_("No values in the first rows"));

  return g_strdup (_("No values in this column"));
}

static const char *
get_preview (TlMappingDialog *self,
             guint            column)
{
  g_assert (column < self->n_columns);

  if (self->previews[column] == NULL)
    self->previews[column] = build_preview (self, column);

  return self->previews[column];
}

/* Names the columns that matched an ambiguous field, as "“ARR 2025”,
 * “ARR 2026”". */
static char *
list_candidates (TlMappingDialog *self,
                 TlField          field)
{
  guint n_candidates = 0;
  const int *candidates = tl_field_map_get_candidates (self->map, field, &n_candidates);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_candidates && i < MAX_LISTED_CANDIDATES; i++)
    {
      g_autofree char *header = describe_header (self, candidates[i]);

      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", header);
    }

  if (n_candidates > MAX_LISTED_CANDIDATES)
    g_string_append (names, ", …");

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Returns the other field of a pair that fulfils a requirement together. */
static TlField
get_alternative (TlField field)
{
  switch (field)
    {
    case TL_FIELD_NAME:
      return TL_FIELD_ID;
    case TL_FIELD_ID:
      return TL_FIELD_NAME;
    case TL_FIELD_ARR:
      return TL_FIELD_MRR;
    case TL_FIELD_MRR:
      return TL_FIELD_ARR;
    case TL_FIELD_SEATS_LICENSED:
    case TL_FIELD_SEATS_USED:
    case TL_FIELD_DAU:
    case TL_FIELD_MAU:
    case TL_FIELD_DAU_MAU:
    case TL_FIELD_FEATURES_USED:
    case TL_FIELD_FEATURES_AVAILABLE:
    case TL_FIELD_ADOPTION:
    case TL_FIELD_CSAT:
    case TL_FIELD_ESCALATIONS:
    case TL_FIELD_EXEC_SPONSOR:
    case TL_FIELD_CHAMPION:
    case TL_FIELD_NPS:
    case TL_FIELD_FEATURE_REQUESTS:
    case TL_FIELD_GROWTH:
    case TL_FIELD_TEAMS:
    case TL_FIELD_API_CALLS:
    case TL_FIELD_API_CALLS_PREV:
    case TL_FIELD_OWNER:
    case TL_FIELD_RENEWAL:
    case TL_FIELD_CURRENT_TIER:
    case TL_FIELD_HEALTH_EXTERNAL:
    case TL_N_FIELDS:
    default:
      return TL_N_FIELDS;
    }
}

/* Returns the other field that has @column, or TL_N_FIELDS. */
static TlField
find_other_field (const int *columns,
                  TlField    field)
{
  for (guint f = 0; f < TL_N_FIELDS; f++)
    if (f != field && columns[f] == columns[field])
      return f;

  return TL_N_FIELDS;
}

static void
set_row_state (AdwComboRow *row,
               const char  *state_class,
               const char  *subtitle)
{
  const char * const classes[] = { "mapping-conflict", "mapping-ambiguous", "mapping-required" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], state_class) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (row), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), classes[i]);
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

/* Shows in the subtitle of @field's row the preview of its column, or what
 * is wrong with the choice. */
static void
update_row (TlMappingDialog *self,
            TlField          field,
            const int       *columns)
{
  AdwComboRow *row = self->rows[field];
  TlField alternative = get_alternative (field);
  g_autofree char *text = NULL;

  if (columns[field] >= 0)
    {
      TlField other = find_other_field (columns, field);

      if (other == TL_N_FIELDS)
        {
          set_row_state (row, NULL, get_preview (self, columns[field]));
          return;
        }

      /* Translators: %s is the name of another field, such as "MRR" */
      text = g_strdup_printf (_("Also chosen for %s"), tl_field_get_label (other));
      set_row_state (row, "mapping-conflict", text);
      return;
    }

  if (columns[field] == NO_CHOICE)
    {
      g_autofree char *names = list_candidates (self, field);

      /* Translators: %s lists the columns that match the field, as in
       * "“ARR 2025”, “ARR 2026”" */
      text = g_strdup_printf (_("Choose one of %s"), names);
      set_row_state (row, "mapping-ambiguous", text);
      return;
    }

  if (alternative != TL_N_FIELDS && columns[alternative] < 0)
    {
      /* Translators: %s is the name of the other field that would do, such
       * as "MRR" for the ARR field */
      text = g_strdup_printf (_("Required, unless %s is chosen"),
                              tl_field_get_label (alternative));
      set_row_state (row, "mapping-required", text);
      return;
    }

  set_row_state (row, NULL, NULL);
}

/* Returns why the map cannot be applied yet, or NULL. */
static char *
find_problem (TlMappingDialog *self,
              const int       *columns)
{
  if (columns[TL_FIELD_NAME] < 0 && columns[TL_FIELD_ID] < 0)
    return g_strdup (_("Choose the column of account names or of account ids."));

  if (columns[TL_FIELD_ARR] < 0 && columns[TL_FIELD_MRR] < 0)
    return g_strdup (_("Choose the ARR or the MRR column."));

  for (guint f = 0; f < TL_N_FIELDS; f++)
    {
      TlField other;
      g_autofree char *header = NULL;

      if (columns[f] < 0)
        continue;
      other = find_other_field (columns, f);
      if (other == TL_N_FIELDS)
        continue;

      header = describe_header (self, columns[f]);
      /* Translators: a column chosen for two fields, as in "“Seats” is
       * chosen for both Licensed seats and ARR: keep it for one." */
      return g_strdup_printf (_("“%s” is chosen for both %s and %s: keep it for one."),
                              header, tl_field_get_label (f), tl_field_get_label (other));
    }

  for (guint f = 0; f < TL_N_FIELDS; f++)
    if (columns[f] == NO_CHOICE)
      {
        /* Translators: %s is the name of a field, such as "Renewal date" */
        return g_strdup_printf (_("Choose one of the matching columns for %s, or “Not in "
                                  "this file”."), tl_field_get_label (f));
      }

  return NULL;
}

/* Updates the subtitles, the problem line and Apply after a change. */
static void
update_state (TlMappingDialog *self)
{
  int columns[TL_N_FIELDS];

  for (guint f = 0; f < TL_N_FIELDS; f++)
    columns[f] = get_chosen_column (self, f);

  for (guint f = 0; f < TL_N_FIELDS; f++)
    update_row (self, f, columns);

  g_free (self->problem);
  self->problem = find_problem (self, columns);

  gtk_widget_set_visible (self->problem_box, self->problem != NULL);
  gtk_label_set_text (self->problem_label, self->problem != NULL ? self->problem : "");
  gtk_widget_set_tooltip_text (self->apply_button, self->problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.apply", self->problem == NULL);
}

static void
row_selected_cb (TlMappingDialog *self)
{
  update_state (self);
}

static void
fill_choices (TlMappingDialog *self)
{
  self->choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->choices, _("Not in this file"));

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *header = describe_header (self, c);

      gtk_string_list_append (self->choices, header);
    }
}

/* Returns the row position the field starts on: its column, "Not in this
 * file", or no choice when several columns matched. */
static guint
get_initial_position (TlMappingDialog *self,
                      TlField          field)
{
  int column = tl_field_map_get_column (self->map, field);
  guint n_candidates = 0;

  tl_field_map_get_candidates (self->map, field, &n_candidates);
  if (n_candidates > 1)
    return GTK_INVALID_LIST_POSITION;

  return column >= 0 ? (guint) column + 1 : 0;
}

static void
add_rows (TlMappingDialog     *self,
          AdwPreferencesGroup *group,
          const TlField       *fields,
          guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      TlField field = fields[i];
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      g_assert (self->rows[field] == NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tl_field_get_label (field));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->choices));
      adw_combo_row_set_selected (row, get_initial_position (self, field));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (row_selected_cb), self);

      self->rows[field] = row;
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static void
build_rows (TlMappingDialog *self)
{
  add_rows (self, self->account_group, account_fields, G_N_ELEMENTS (account_fields));
  add_rows (self, self->revenue_group, revenue_fields, G_N_ELEMENTS (revenue_fields));
  add_rows (self, self->health_group, health_fields, G_N_ELEMENTS (health_fields));
  add_rows (self, self->expansion_group, expansion_fields, G_N_ELEMENTS (expansion_fields));
  add_rows (self, self->other_group, other_fields, G_N_ELEMENTS (other_fields));

  for (guint f = 0; f < TL_N_FIELDS; f++)
    g_assert (self->rows[f] != NULL);
}

/* Returns the first field that several columns matched, or TL_N_FIELDS. */
static TlField
find_ambiguous_field (const TlFieldMap *map)
{
  for (guint f = 0; f < TL_N_FIELDS; f++)
    if (tl_field_map_get_candidates (map, f, NULL) != NULL)
      return f;

  return TL_N_FIELDS;
}

/* Says in one sentence what is missing, or what the dialog is for. */
static char *
describe_intro (TlMappingDialog *self,
                const GError    *error,
                const char      *name)
{
  TlField ambiguous = find_ambiguous_field (self->map);

  if (error == NULL || error->domain != TL_FIELD_MAP_ERROR)
    {
      /* Translators: %s is a file name */
      return g_strdup_printf (_("Choose the column of “%s” that holds each field. The "
                                "accounts are segmented again when you apply."), name);
    }

  if (error->code == TL_FIELD_MAP_ERROR_NO_NAME)
    {
      /* Translators: %s is a file name */
      return g_strdup_printf (_("Tierline could not find the account name or id column "
                                "in “%s”. Choose the columns below."), name);
    }

  if (error->code == TL_FIELD_MAP_ERROR_NO_REVENUE)
    {
      /* Translators: %s is a file name */
      return g_strdup_printf (_("Tierline could not find the ARR or MRR column in “%s”. "
                                "Choose the columns below."), name);
    }

  if (error->code == TL_FIELD_MAP_ERROR_NO_AMOUNTS)
    {
      /* Translators: the reason, which names the column, then what to do */
      return g_strdup_printf (_("%s Choose the ARR or MRR column below."), error->message);
    }

  if (error->code == TL_FIELD_MAP_ERROR_AMBIGUOUS && ambiguous != TL_N_FIELDS)
    {
      /* Translators: the first %s is a file name, the second a field, such
       * as "ARR" */
      return g_strdup_printf (_("Several columns in “%s” look like %s. Choose the columns "
                                "below."), name, tl_field_get_label (ambiguous));
    }

  /* Translators: %s is a file name */
  return g_strdup_printf (_("Tierline could not match the columns of “%s”. Choose the "
                            "columns below."), name);
}

/**
 * tl_mapping_dialog_new:
 * @parent: the window the dialog belongs to
 * @document: a document that was read, segmented or not
 * @error: (nullable): why the automatic map failed, or %NULL when the user
 *   asked to choose the columns
 *
 * Creates a modal dialog that starts from the map of @document.
 *
 * Returns: (transfer full): a new #TlMappingDialog
 */
TlMappingDialog *
tl_mapping_dialog_new (GtkWindow    *parent,
                       TlDocument   *document,
                       const GError *error)
{
  TlMappingDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TL_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (tl_document_get_map (document) != NULL, NULL);

  self = g_object_new (TL_TYPE_MAPPING_DIALOG,
                       "transient-for", parent,
                       NULL);

  self->document = g_object_ref (document);
  self->map = tl_field_map_copy (tl_document_get_map (document));
  self->n_columns = tl_field_map_get_n_headers (self->map);
  self->previews = g_new0 (char *, MAX (self->n_columns, 1));

  name = tl_document_get_basename (document);
  intro = describe_intro (self, error, name);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_text (self->intro_label, intro);

  fill_choices (self);
  build_rows (self);
  update_state (self);

  return self;
}

/**
 * tl_mapping_dialog_get_document:
 * @self: a #TlMappingDialog
 *
 * Returns: (transfer none): the document whose columns are chosen
 */
TlDocument *
tl_mapping_dialog_get_document (TlMappingDialog *self)
{
  g_return_val_if_fail (TL_IS_MAPPING_DIALOG (self), NULL);

  return self->document;
}

/**
 * tl_mapping_dialog_get_map:
 * @self: a #TlMappingDialog
 *
 * Builds the map the rows show. A field without a choice gets no column.
 *
 * Returns: (transfer full): the map
 */
TlFieldMap *
tl_mapping_dialog_get_map (TlMappingDialog *self)
{
  TlFieldMap *map;

  g_return_val_if_fail (TL_IS_MAPPING_DIALOG (self), NULL);

  map = tl_field_map_copy (self->map);
  for (guint f = 0; f < TL_N_FIELDS; f++)
    tl_field_map_set_column (map, f, MAX (get_chosen_column (self, f), -1));

  return map;
}

/**
 * tl_mapping_dialog_get_row:
 * @self: a #TlMappingDialog
 * @field: a field
 *
 * Gets the row of @field. Its position 0 is "Not in this file" and
 * position n + 1 the column n of the file.
 *
 * Returns: (transfer none): the row
 */
AdwComboRow *
tl_mapping_dialog_get_row (TlMappingDialog *self,
                           TlField          field)
{
  g_return_val_if_fail (TL_IS_MAPPING_DIALOG (self), NULL);
  g_return_val_if_fail (field < TL_N_FIELDS, NULL);

  return self->rows[field];
}

/**
 * tl_mapping_dialog_get_intro:
 * @self: a #TlMappingDialog
 *
 * Returns: the sentence at the top, which states what is missing
 */
const char *
tl_mapping_dialog_get_intro (TlMappingDialog *self)
{
  g_return_val_if_fail (TL_IS_MAPPING_DIALOG (self), NULL);

  return gtk_label_get_text (self->intro_label);
}

/**
 * tl_mapping_dialog_get_problem:
 * @self: a #TlMappingDialog
 *
 * Returns: (nullable): why Apply is off, as the dialog shows it, or %NULL
 *   when the map can be applied
 */
const char *
tl_mapping_dialog_get_problem (TlMappingDialog *self)
{
  g_return_val_if_fail (TL_IS_MAPPING_DIALOG (self), NULL);

  return self->problem;
}
