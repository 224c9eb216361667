/* tl-filter-bar.c
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


#define G_LOG_DOMAIN "tl-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-accessible.h"
#include "tl-filter-bar.h"
#include "tl-movement.h"
#include "tl-segmentation.h"

/* The row between the tier summary and the table: a search entry over
 * the accounts' names, ids and owners, and drop-downs for the tier, the
 * health status, the expansion level and the kind of move. It only gathers the choices and
 * emits TlFilterBar::changed, and the window applies them to the table. The
 * search entry waits SEARCH_DELAY_MS after the last keystroke, so that
 * typing a word filters a large file once, not once a letter. */

#define SEARCH_DELAY_MS 150

struct _TlFilterBar
{
  GtkWidget       parent_instance;

  GtkSearchEntry *search_entry;
  GtkDropDown    *tier_drop;
  GtkDropDown    *health_drop;
  GtkDropDown    *expansion_drop;
  GtkDropDown    *movement_drop;
  GtkStringList  *tier_names;
  GtkWidget      *clear_button;

  char           *text;           /* the search text applied */
  guint           blocked;        /* changes that emit no signal */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TlFilterBar, tl_filter_bar, GTK_TYPE_WIDGET)

/* The TlExpansionLevel of each expansion choice after "All". */
static const TlExpansionLevel expansion_levels[] = {
  [TL_FILTER_EXPANSION_HIGH] = TL_EXPANSION_HIGH,
  [TL_FILTER_EXPANSION_MEDIUM] = TL_EXPANSION_MEDIUM,
  [TL_FILTER_EXPANSION_LOW] = TL_EXPANSION_LOW,
  [TL_FILTER_EXPANSION_NONE] = TL_EXPANSION_NONE,
};

/* The TlMoveKind of each movement choice after "All". */
static const TlMoveKind movement_kinds[] = {
  [TL_FILTER_MOVEMENT_PROMOTE] = TL_MOVE_KIND_PROMOTE,
  [TL_FILTER_MOVEMENT_DEMOTE] = TL_MOVE_KIND_DEMOTE,
  [TL_FILTER_MOVEMENT_REVIEW] = TL_MOVE_KIND_REVIEW,
  [TL_FILTER_MOVEMENT_WATCH] = TL_MOVE_KIND_WATCH,
  [TL_FILTER_MOVEMENT_NONE] = TL_MOVE_KIND_NONE,
};

/* Returns the choice of @drop, or TL_FILTER_ALL while it has none. */
static guint
get_choice (GtkDropDown *drop,
            guint        last)
{
  guint choice = gtk_drop_down_get_selected (drop);

  return choice <= last ? choice : TL_FILTER_ALL;
}

static void
emit_changed (TlFilterBar *self)
{
  gtk_widget_set_visible (self->clear_button, tl_filter_bar_is_active (self));

  if (self->blocked == 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
search_changed_cb (TlFilterBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_strcmp0 (text, self->text != NULL ? self->text : "") == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  emit_changed (self);
}

/* Escape in the search entry clears it. */
static void
stop_search_cb (TlFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

static void
choice_changed_cb (TlFilterBar *self)
{
  emit_changed (self);
}

static void
clear_clicked_cb (TlFilterBar *self)
{
  tl_filter_bar_clear (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
tl_filter_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TL_TYPE_FILTER_BAR);

  /* The template's unnamed boxes are children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tl_filter_bar_parent_class)->dispose (object);
}

static void
tl_filter_bar_finalize (GObject *object)
{
  TlFilterBar *self = TL_FILTER_BAR (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (tl_filter_bar_parent_class)->finalize (object);
}

static void
tl_filter_bar_class_init (TlFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_filter_bar_dispose;
  object_class->finalize = tl_filter_bar_finalize;

  /**
   * TlFilterBar::changed:
   *
   * Emitted when the user changed a choice, or the search text after a
   * short pause in typing.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tierline/Tierline/tl-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, tier_drop);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, health_drop);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, expansion_drop);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, movement_drop);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, tier_names);
  gtk_widget_class_bind_template_child (widget_class, TlFilterBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "filterbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tl_filter_bar_init (TlFilterBar *self)
{
  g_autoptr(TlModel) defaults = tl_model_new_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  tl_accessible_set_label (GTK_WIDGET (self), _("Filters"));
  tl_accessible_label_drop_down (self->tier_drop, _("Tier"));
  tl_accessible_label_drop_down (self->health_drop, _("Health Status"));
  tl_accessible_label_drop_down (self->expansion_drop, _("Expansion Potential"));
  tl_accessible_label_drop_down (self->movement_drop, _("Movement"));
  tl_filter_bar_set_model (self, defaults);
}

/**
 * tl_filter_bar_set_model:
 * @self: a #TlFilterBar
 * @model: the model whose tier names the tier drop-down shows
 *
 * Names the tiers in the tier drop-down, keeping the choice.
 */
void
tl_filter_bar_set_model (TlFilterBar   *self,
                         const TlModel *model)
{
  const char *names[TL_N_TIERS + 1];
  char *labels[TL_N_TIERS];
  guint choice;

  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (model != NULL);

  for (guint t = 0; t < TL_N_TIERS; t++)
    {
      /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
      labels[t] = g_strdup_printf (_("%u · %s"), t + 1, model->tiers[t].name);
      names[t] = labels[t];
    }
  names[TL_N_TIERS] = NULL;

  choice = gtk_drop_down_get_selected (self->tier_drop);
  self->blocked++;
  gtk_string_list_splice (self->tier_names, 1, TL_N_TIERS, names);
  gtk_drop_down_set_selected (self->tier_drop, choice);
  self->blocked--;

  for (guint t = 0; t < TL_N_TIERS; t++)
    g_free (labels[t]);
}

/**
 * tl_filter_bar_get_filter:
 * @self: a #TlFilterBar
 * @filter: (out caller-allocates): the filter to fill, to clear after use
 *
 * Gets the accounts that the choices let through.
 */
void
tl_filter_bar_get_filter (TlFilterBar     *self,
                          TlAccountFilter *filter)
{
  guint tier;
  guint health;
  guint expansion;
  guint movement;

  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  tier = tl_filter_bar_get_tier (self);
  health = tl_filter_bar_get_health (self);
  expansion = tl_filter_bar_get_expansion (self);
  movement = tl_filter_bar_get_movement (self);

  filter->text = self->text != NULL && *self->text != '\0' ? g_strdup (self->text) : NULL;
  filter->tiers = 0;
  if (tier == TL_FILTER_TIER_NEEDS_DATA)
    filter->tiers = 1u << TL_TIER_NONE;
  else if (tier != TL_FILTER_ALL)
    filter->tiers = 1u << tier;
  filter->health = health != TL_FILTER_ALL ? 1u << (health - 1) : 0;
  filter->expansion = expansion != TL_FILTER_ALL ? 1u << expansion_levels[expansion] : 0;
  filter->movement = movement != TL_FILTER_ALL ? 1u << movement_kinds[movement] : 0;
}

/**
 * tl_filter_bar_is_active:
 * @self: a #TlFilterBar
 *
 * Returns: whether the choices hide any account
 */
gboolean
tl_filter_bar_is_active (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), FALSE);

  return (self->text != NULL && *self->text != '\0')
         || tl_filter_bar_get_tier (self) != TL_FILTER_ALL
         || tl_filter_bar_get_health (self) != TL_FILTER_ALL
         || tl_filter_bar_get_expansion (self) != TL_FILTER_ALL
         || tl_filter_bar_get_movement (self) != TL_FILTER_ALL;
}

/**
 * tl_filter_bar_clear:
 * @self: a #TlFilterBar
 *
 * Empties the search entry and sets every drop-down to "All", then emits
 * TlFilterBar::changed once if anything changed.
 */
void
tl_filter_bar_clear (TlFilterBar *self)
{
  gboolean was_active;

  g_return_if_fail (TL_IS_FILTER_BAR (self));

  was_active = tl_filter_bar_is_active (self);

  self->blocked++;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->text, g_free);
  gtk_drop_down_set_selected (self->tier_drop, TL_FILTER_ALL);
  gtk_drop_down_set_selected (self->health_drop, TL_FILTER_ALL);
  gtk_drop_down_set_selected (self->expansion_drop, TL_FILTER_ALL);
  gtk_drop_down_set_selected (self->movement_drop, TL_FILTER_ALL);
  self->blocked--;

  if (was_active)
    emit_changed (self);
}

/**
 * tl_filter_bar_focus_search:
 * @self: a #TlFilterBar
 *
 * Moves the keyboard focus to the search entry and selects its text.
 */
void
tl_filter_bar_focus_search (TlFilterBar *self)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * tl_filter_bar_set_search:
 * @self: a #TlFilterBar
 * @text: (nullable): the text to search for; %NULL or "" searches nothing
 *
 * Puts @text in the search entry and filters by it at once, without the
 * pause that follows typing.
 */
void
tl_filter_bar_set_search (TlFilterBar *self,
                          const char  *text)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));

  if (text == NULL)
    text = "";

  /* The entry's delayed "search-changed" then finds the text applied. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * tl_filter_bar_get_search_entry:
 * @self: a #TlFilterBar
 *
 * Returns: (transfer none): the search entry
 */
GtkSearchEntry *
tl_filter_bar_get_search_entry (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), NULL);

  return self->search_entry;
}

/**
 * tl_filter_bar_get_tier:
 * @self: a #TlFilterBar
 *
 * Returns: the tier chosen: %TL_FILTER_ALL, a tier from 1 to 4, or
 *   %TL_FILTER_TIER_NEEDS_DATA
 */
guint
tl_filter_bar_get_tier (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), TL_FILTER_ALL);

  return get_choice (self->tier_drop, TL_FILTER_TIER_NEEDS_DATA);
}

/**
 * tl_filter_bar_set_tier:
 * @self: a #TlFilterBar
 * @choice: %TL_FILTER_ALL, a tier from 1 to 4, or %TL_FILTER_TIER_NEEDS_DATA
 *
 * Chooses the tier to show, as the tier drop-down does.
 */
void
tl_filter_bar_set_tier (TlFilterBar *self,
                        guint        choice)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (choice <= TL_FILTER_TIER_NEEDS_DATA);

  gtk_drop_down_set_selected (self->tier_drop, choice);
}

/**
 * tl_filter_bar_get_health:
 * @self: a #TlFilterBar
 *
 * Returns: the health status chosen: %TL_FILTER_ALL, or 1 + a
 *   #TlHealthStatus
 */
guint
tl_filter_bar_get_health (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), TL_FILTER_ALL);

  return get_choice (self->health_drop, TL_HEALTH_NONE + 1);
}

/**
 * tl_filter_bar_set_health:
 * @self: a #TlFilterBar
 * @choice: %TL_FILTER_ALL, or 1 + a #TlHealthStatus
 *
 * Chooses the health status to show, as the health drop-down does.
 */
void
tl_filter_bar_set_health (TlFilterBar *self,
                          guint        choice)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (choice <= TL_HEALTH_NONE + 1);

  gtk_drop_down_set_selected (self->health_drop, choice);
}

/**
 * tl_filter_bar_get_expansion:
 * @self: a #TlFilterBar
 *
 * Returns: the expansion level chosen, from %TL_FILTER_ALL to
 *   %TL_FILTER_EXPANSION_NONE
 */
guint
tl_filter_bar_get_expansion (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), TL_FILTER_ALL);

  return get_choice (self->expansion_drop, TL_FILTER_EXPANSION_NONE);
}

/**
 * tl_filter_bar_set_expansion:
 * @self: a #TlFilterBar
 * @choice: from %TL_FILTER_ALL to %TL_FILTER_EXPANSION_NONE
 *
 * Chooses the expansion level to show, as the expansion drop-down does.
 */
void
tl_filter_bar_set_expansion (TlFilterBar *self,
                             guint        choice)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (choice <= TL_FILTER_EXPANSION_NONE);

  gtk_drop_down_set_selected (self->expansion_drop, choice);
}

/**
 * tl_filter_bar_get_movement:
 * @self: a #TlFilterBar
 *
 * Returns: the kind of move chosen, from %TL_FILTER_ALL to
 *   %TL_FILTER_MOVEMENT_NONE
 */
guint
tl_filter_bar_get_movement (TlFilterBar *self)
{
  g_return_val_if_fail (TL_IS_FILTER_BAR (self), TL_FILTER_ALL);

  return get_choice (self->movement_drop, TL_FILTER_MOVEMENT_NONE);
}

/**
 * tl_filter_bar_set_movement:
 * @self: a #TlFilterBar
 * @choice: from %TL_FILTER_ALL to %TL_FILTER_MOVEMENT_NONE
 *
 * Chooses the kind of move to show, as the movement drop-down does.
 */
void
tl_filter_bar_set_movement (TlFilterBar *self,
                            guint        choice)
{
  g_return_if_fail (TL_IS_FILTER_BAR (self));
  g_return_if_fail (choice <= TL_FILTER_MOVEMENT_NONE);

  gtk_drop_down_set_selected (self->movement_drop, choice);
}
