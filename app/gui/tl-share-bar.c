/* tl-share-bar.c
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


#define G_LOG_DOMAIN "tl-share-bar"

#include "config.h"

#include <math.h>

#include "tl-share-bar.h"

/* Space between two segments, in pixels. */
#define SEGMENT_GAP 2

/* A thin horizontal bar split into one segment per tier, each as wide as
 * the tier's share. The segments are plain widgets with the CSS classes
 * "share-segment" and "tier-N", so the style sheet gives their colours. */
struct _TlShareBar
{
  GtkWidget  parent_instance;

  GtkWidget *segments[TL_N_TIERS];
  double     shares[TL_N_TIERS];
};

G_DEFINE_FINAL_TYPE (TlShareBar, tl_share_bar, GTK_TYPE_WIDGET)

static void
tl_share_bar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  TlShareBar *self = TL_SHARE_BAR (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;

  for (guint i = 0; i < TL_N_TIERS; i++)
    {
      int child_min;
      int child_nat;

      gtk_widget_measure (self->segments[i], orientation, -1,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/* Gives each visible segment its share of the width, less the gaps. The
 * edges come from the running total, so rounding never leaves a gap at the
 * end of the bar. */
static void
tl_share_bar_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  TlShareBar *self = TL_SHARE_BAR (widget);
  double total = 0;
  double done = 0;
  guint n_visible = 0;
  int gaps = 0;
  int room;

  for (guint i = 0; i < TL_N_TIERS; i++)
    {
      total += self->shares[i];
      n_visible += self->shares[i] > 0;
    }

  room = MAX (0, width - SEGMENT_GAP * ((int) MAX (n_visible, 1) - 1));

  for (guint i = 0; i < TL_N_TIERS; i++)
    {
      gboolean visible = total > 0 && self->shares[i] > 0;
      int start;
      int end;

      gtk_widget_set_child_visible (self->segments[i], visible);
      if (!visible)
        continue;

      start = (int) round (room * done / total) + gaps;
      done += self->shares[i];
      end = (int) round (room * done / total) + gaps;
      gtk_widget_size_allocate (self->segments[i],
                                &(GtkAllocation) { start, 0, MAX (end - start, 1), height },
                                -1);
      gaps += SEGMENT_GAP;
    }
}

static void
tl_share_bar_dispose (GObject *object)
{
  TlShareBar *self = TL_SHARE_BAR (object);

  for (guint i = 0; i < TL_N_TIERS; i++)
    g_clear_pointer (&self->segments[i], gtk_widget_unparent);

  G_OBJECT_CLASS (tl_share_bar_parent_class)->dispose (object);
}

static void
tl_share_bar_class_init (TlShareBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tl_share_bar_dispose;
  widget_class->measure = tl_share_bar_measure;
  widget_class->size_allocate = tl_share_bar_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "sharebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_share_bar_init (TlShareBar *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  for (guint i = 0; i < TL_N_TIERS; i++)
    {
      g_autofree char *tier_class = g_strdup_printf ("tier-%u", i + 1);

      self->segments[i] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_set_css_classes (self->segments[i],
                                  (const char *[]) { "share-segment", tier_class, NULL });
      gtk_widget_set_parent (self->segments[i], GTK_WIDGET (self));
    }
}

/**
 * tl_share_bar_new:
 *
 * Returns: (transfer floating): a new, empty #TlShareBar
 */
GtkWidget *
tl_share_bar_new (void)
{
  return g_object_new (TL_TYPE_SHARE_BAR, NULL);
}

/**
 * tl_share_bar_set_share:
 * @self: a #TlShareBar
 * @tier: a tier, 1 to 4
 * @share: the tier's share, 0..1
 * @tooltip: (nullable): the segment's tooltip
 *
 * Sets how much of the bar the tier's segment takes.
 */
void
tl_share_bar_set_share (TlShareBar *self,
                        guint       tier,
                        double      share,
                        const char *tooltip)
{
  g_return_if_fail (TL_IS_SHARE_BAR (self));
  g_return_if_fail (tier >= 1 && tier <= TL_N_TIERS);

  self->shares[tier - 1] = isfinite (share) ? CLAMP (share, 0.0, 1.0) : 0.0;
  gtk_widget_set_tooltip_text (self->segments[tier - 1], tooltip);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * tl_share_bar_get_share:
 * @self: a #TlShareBar
 * @tier: a tier, 1 to 4
 *
 * Returns: the tier's share, 0..1
 */
double
tl_share_bar_get_share (TlShareBar *self,
                        guint       tier)
{
  g_return_val_if_fail (TL_IS_SHARE_BAR (self), 0.0);
  g_return_val_if_fail (tier >= 1 && tier <= TL_N_TIERS, 0.0);

  return self->shares[tier - 1];
}
