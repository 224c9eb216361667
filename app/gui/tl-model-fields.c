/* tl-model-fields.c
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

#define G_LOG_DOMAIN "tl-model-fields"

#include "config.h"

#include <math.h>

#include "tl-model-fields.h"

/* The most decimals a spin button shows for a value from a model file. */
#define MAX_DIGITS 3

/**
 * tl_model_fields_get_value:
 * @spin: a spin button
 *
 * Reads the number typed in @spin, as the spin button will once the user
 * leaves it: clamped to its range and rounded to its decimals. A spin
 * button only updates its value on Enter or when it loses the focus, so
 * this lets a dialog check a field at each key press.
 *
 * Returns: the number typed, or the spin button's value when the text is
 *   not a number
 */
double
tl_model_fields_get_value (GtkSpinButton *spin)
{
  GtkAdjustment *adjustment;
  const char *text;
  char *end = NULL;
  double value;
  double scale;

  g_return_val_if_fail (GTK_IS_SPIN_BUTTON (spin), 0);

  adjustment = gtk_spin_button_get_adjustment (spin);
  text = gtk_editable_get_text (GTK_EDITABLE (spin));
  /* GtkSpinButton reads and writes its text in the locale's format too. */
  value = g_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || end == NULL || *end != '\0' || !isfinite (value))
    return gtk_spin_button_get_value (spin);

  value = CLAMP (value, gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment));
  scale = pow (10.0, gtk_spin_button_get_digits (spin));

  return round (value * scale) / scale;
}

/**
 * tl_model_fields_set_value:
 * @spin: a spin button
 * @value: the value to show
 *
 * Shows @value, with more decimals than @spin has when @value needs them,
 * so that a value read from a model file, such as a weight of 7.5, is not
 * rounded away.
 */
void
tl_model_fields_set_value (GtkSpinButton *spin,
                           double         value)
{
  guint digits;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  digits = gtk_spin_button_get_digits (spin);
  while (digits < MAX_DIGITS)
    {
      double scale = pow (10.0, digits);

      if (fabs (round (value * scale) / scale - value) < 1e-9)
        break;
      digits++;
    }

  gtk_spin_button_set_digits (spin, digits);
  gtk_spin_button_set_value (spin, value);
}

/**
 * tl_model_fields_set_row_error:
 * @row: the row of a field
 * @message: (nullable): what is wrong with the field, or %NULL
 * @subtitle: (nullable): the subtitle the row shows when the field is valid
 *
 * Marks @row with the "error" style class and shows @message as its
 * subtitle, or clears the mark and shows @subtitle.
 */
void
tl_model_fields_set_row_error (AdwActionRow *row,
                               const char   *message,
                               const char   *subtitle)
{
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  adw_action_row_set_subtitle (row, message != NULL ? message : subtitle != NULL ? subtitle : "");
}

/**
 * tl_model_fields_enter_applies:
 * @root: a dialog, or a widget in one
 *
 * Lets Enter in every spin button under @root take its value and then
 * activate the dialog's default button, as Enter in an entry does.
 */
void
tl_model_fields_enter_applies (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SPIN_BUTTON (root))
    {
      GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (root));

      if (GTK_IS_TEXT (text))
        gtk_text_set_activates_default (GTK_TEXT (text), TRUE);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tl_model_fields_enter_applies (child);
}
