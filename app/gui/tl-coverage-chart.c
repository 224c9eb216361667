/* tl-coverage-chart.c
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

#define G_LOG_DOMAIN "tl-coverage-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "tl-coverage-chart.h"

/* How the CSMs cover each tier, drawn so that a gap shows without reading
 * a number. Each tier with a CSM motion gets a bar as long as its
 * comfortable number of CSMs, one block per CSM. The allocated CSMs are
 * filled in the tier's colour. The CSMs missing to reach the minimum are
 * tinted and outlined in the error colour, and those missing to reach the
 * comfortable number are outlined only. A tick marks the minimum. The
 * CSMs left after every comfortable number get a last bar of their own.
 * Every bar uses the same scale, so lengths compare across tiers. With
 * more CSMs than fit as blocks, the bars are drawn as plain segments. */

#define ROW_HEIGHT     38
#define BAR_HEIGHT     18
#define LEGEND_HEIGHT  34
#define COLUMN_GAP     16
#define BLOCK_GAP      3
#define MIN_BLOCK      7      /* narrower blocks are drawn as one segment */
#define MIN_TRACK      160
#define CORNER         3.0f

typedef struct
{
  char  *name;        /* "1 · Strategic", or "Spare" */
  guint  tier;        /* 1..3, or 0 for the spare CSMs */
  guint  needed_min;
  guint  needed_comfortable;
  guint  allocated;
} Bar;

struct _TlCoverageChart
{
  GtkWidget  parent_instance;

  Bar        bars[TL_N_TIERS + 1];
  guint      n_bars;
  guint      scale;     /* the CSMs the width of the track stands for */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (TlCoverageChart, tl_coverage_chart, GTK_TYPE_WIDGET)

/* The colours of one snapshot, looked up in the style sheet. Only the
 * high contrast style sheet defines coverage_dim_color,
 * coverage_outline_color, coverage_spare_color and
 * coverage_block_border_color. Without them, the chart derives the first
 * three from the text colour and draws allocated blocks without a border. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA error;
  GdkRGBA error_tint;
  GdkRGBA outline;
  GdkRGBA spare;
  GdkRGBA block_border;
  gboolean has_block_border;
  GdkRGBA tiers[TL_N_TIERS + 1];
} Palette;

static void
clear_bars (TlCoverageChart *self)
{
  for (guint i = 0; i < self->n_bars; i++)
    g_clear_pointer (&self->bars[i].name, g_free);
  self->n_bars = 0;
}

static char *
describe_right (const Bar *bar)
{
  if (bar->tier == 0)
    /* Translators: the CSMs left after every tier has its comfortable
     * number, at the end of the chart's last bar */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u spare", "%u spare",
                                         bar->allocated),
                            bar->allocated);

  /* Translators: CSMs allocated of the comfortable number, as in "3 of 4" */
  return g_strdup_printf (_("%u of %u"), bar->allocated, bar->needed_comfortable);
}

static char *
describe_bar (const Bar *bar)
{
  if (bar->tier == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u CSM is left after every tier has its "
                                         "comfortable number",
                                         "%u CSMs are left after every tier has its "
                                         "comfortable number", bar->allocated),
                            bar->allocated);

  if (bar->allocated < bar->needed_min)
    /* Translators: one bar of the coverage chart; the name is a tier's */
    return g_strdup_printf (_("%s: %u CSMs allocated, %u short of the minimum of %u; "
                              "%u comfortably"),
                            bar->name, bar->allocated, bar->needed_min - bar->allocated,
                            bar->needed_min, bar->needed_comfortable);

  return g_strdup_printf (_("%s: %u CSMs allocated; at least %u, %u comfortably"),
                          bar->name, bar->allocated, bar->needed_min,
                          bar->needed_comfortable);
}

static void
update_summary (TlCoverageChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *line = describe_bar (&self->bars[i]);

      if (text->len > 0)
        g_string_append (text, ". ");
      g_string_append (text, line);
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
}

static PangoLayout *
create_layout (TlCoverageChart *self,
               const char      *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static int
measure_text (TlCoverageChart *self,
              const char      *text,
              int             *height)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, height);

  return width;
}

/* Returns the widths of the name column and of the count column. */
static void
measure_columns (TlCoverageChart *self,
                 int             *name_width,
                 int             *count_width)
{
  *name_width = 0;
  *count_width = 0;

  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *right = describe_right (&self->bars[i]);

      *name_width = MAX (*name_width, measure_text (self, self->bars[i].name, NULL));
      *count_width = MAX (*count_width, measure_text (self, right, NULL));
    }
}

static void
tl_coverage_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  TlCoverageChart *self = TL_COVERAGE_CHART (widget);
  int name_width, count_width;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = self->n_bars * ROW_HEIGHT + (self->n_bars > 0 ? LEGEND_HEIGHT : 0);
      return;
    }

  measure_columns (self, &name_width, &count_width);
  *minimum = name_width + count_width + 2 * COLUMN_GAP + MIN_TRACK;
  *natural = *minimum + 240;
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

/* Looks up the named colour @name, or else gives @fg with its alpha
 * scaled by @alpha. */
static void
lookup_color_or_fg (GtkStyleContext *context,
                    const char      *name,
                    const GdkRGBA   *fg,
                    float            alpha,
                    GdkRGBA         *color)
{
  if (gtk_style_context_lookup_color (context, name, color))
    return;

  *color = *fg;
  color->alpha *= alpha;
}

static void
get_palette (TlCoverageChart *self,
             Palette         *palette)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &palette->fg);
  lookup_color_or_fg (context, "coverage_dim_color", &palette->fg, 0.6f, &palette->dim);
  lookup_color_or_fg (context, "coverage_outline_color", &palette->fg, 0.35f, &palette->outline);
  lookup_color_or_fg (context, "coverage_spare_color", &palette->fg, 0.3f, &palette->spare);
  palette->has_block_border = gtk_style_context_lookup_color (context,
                                                              "coverage_block_border_color",
                                                              &palette->block_border);

  lookup_color (context, "error_color", "#c01c28", &palette->error);
  palette->error_tint = palette->error;
  palette->error_tint.alpha = 0.16f;

  palette->tiers[0] = palette->spare;
  lookup_color (context, "tier_1_color", "#7a5fd0", &palette->tiers[1]);
  lookup_color (context, "tier_2_color", "#2e7bcf", &palette->tiers[2]);
  lookup_color (context, "tier_3_color", "#1b9484", &palette->tiers[3]);
  lookup_color (context, "tier_4_color", "#8b94a3", &palette->tiers[4]);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                const GdkRGBA         *fill,
                const GdkRGBA         *border,
                float                  border_width)
{
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, rect, CORNER);

  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, fill, rect);
      gtk_snapshot_pop (snapshot);
    }

  if (border != NULL)
    {
      const float widths[4] = { border_width, border_width, border_width, border_width };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* The three states a CSM's place in a bar can be in. */
typedef enum
{
  PLACE_ALLOCATED,
  PLACE_BELOW_MINIMUM,
  PLACE_BELOW_COMFORTABLE,
} Place;

static void
append_place (GtkSnapshot           *snapshot,
              const Palette         *palette,
              const Bar             *bar,
              Place                  place,
              const graphene_rect_t *rect)
{
  switch (place)
    {
    case PLACE_ALLOCATED:
      append_rounded (snapshot, rect, &palette->tiers[bar->tier],
                      palette->has_block_border ? &palette->block_border : NULL, 1.0f);
      break;
    case PLACE_BELOW_MINIMUM:
      append_rounded (snapshot, rect, &palette->error_tint, &palette->error, 1.5f);
      break;
    case PLACE_BELOW_COMFORTABLE:
    default:
      append_rounded (snapshot, rect, NULL, &palette->outline, 1.0f);
      break;
    }
}

static Place
place_of (const Bar *bar,
          guint      csm)
{
  if (csm < bar->allocated)
    return PLACE_ALLOCATED;
  if (csm < bar->needed_min)
    return PLACE_BELOW_MINIMUM;

  return PLACE_BELOW_COMFORTABLE;
}

/* Draws one block per CSM when the blocks are wide enough to tell apart,
 * else one segment per state. */
static void
append_bar (GtkSnapshot   *snapshot,
            const Palette *palette,
            const Bar     *bar,
            float          x,
            float          y,
            float          unit)
{
  guint length = MAX (bar->needed_comfortable, bar->allocated);
  gboolean blocks = unit >= MIN_BLOCK + BLOCK_GAP;

  if (blocks)
    {
      for (guint csm = 0; csm < length; csm++)
        {
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x + csm * unit, y, unit - BLOCK_GAP,
                                                     BAR_HEIGHT);

          append_place (snapshot, palette, bar, place_of (bar, csm), &rect);
        }
    }
  else
    {
      guint start = 0;

      while (start < length)
        {
          Place place = place_of (bar, start);
          guint end = start + 1;
          graphene_rect_t rect;

          while (end < length && place_of (bar, end) == place)
            end++;
          rect = GRAPHENE_RECT_INIT (x + start * unit, y, (end - start) * unit - 1, BAR_HEIGHT);
          append_place (snapshot, palette, bar, place, &rect);
          start = end;
        }
    }

  if (bar->tier != 0 && bar->needed_min > 0)
    {
      float tick = x + bar->needed_min * unit - (blocks ? BLOCK_GAP / 2.0f : 0.5f) - 1.0f;
      graphene_rect_t rect = GRAPHENE_RECT_INIT (tick, y - 5, 2, BAR_HEIGHT + 10);

      gtk_snapshot_append_color (snapshot, &palette->fg, &rect);
    }
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static float
append_legend_item (TlCoverageChart *self,
                    GtkSnapshot     *snapshot,
                    const Palette   *palette,
                    Place            place,
                    const char      *text,
                    float            x,
                    float            y)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  Bar bar = { NULL, 1, 1, 1, place == PLACE_ALLOCATED ? 1 : 0 };
  graphene_rect_t swatch = GRAPHENE_RECT_INIT (x, y + 2, 14, 12);
  int width, height;

  if (place == PLACE_BELOW_COMFORTABLE)
    bar.needed_min = 0;

  /* Allocated CSMs take their tier's colour: the swatch shows all three. */
  if (place == PLACE_ALLOCATED)
    {
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &swatch, CORNER);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      for (guint t = 1; t < TL_N_TIERS; t++)
        {
          graphene_rect_t third = GRAPHENE_RECT_INIT (x + (t - 1) * 14 / 3.0f, y + 2,
                                                      14 / 3.0f + 0.5f, 12);

          gtk_snapshot_append_color (snapshot, &palette->tiers[t], &third);
        }
      gtk_snapshot_pop (snapshot);
      if (palette->has_block_border)
        append_rounded (snapshot, &swatch, NULL, &palette->block_border, 1.0f);
    }
  else
    append_place (snapshot, palette, &bar, place, &swatch);

  pango_layout_get_pixel_size (layout, &width, &height);
  append_text (snapshot, layout, &palette->dim, x + 20, y + 8 - height / 2.0f);

  return x + 20 + width + 18;
}

static void
append_legend (TlCoverageChart *self,
               GtkSnapshot     *snapshot,
               const Palette   *palette,
               float            x,
               float            y)
{
  g_autoptr(PangoLayout) layout = create_layout (self, _("Minimum"));
  graphene_rect_t tick;
  int width, height;

  x = append_legend_item (self, snapshot, palette, PLACE_ALLOCATED, _("Allocated"), x, y);
  x = append_legend_item (self, snapshot, palette, PLACE_BELOW_MINIMUM,
                          _("Missing to reach the minimum"), x, y);
  x = append_legend_item (self, snapshot, palette, PLACE_BELOW_COMFORTABLE,
                          _("Missing to be comfortable"), x, y);

  tick = GRAPHENE_RECT_INIT (x + 6, y - 1, 2, 18);
  gtk_snapshot_append_color (snapshot, &palette->fg, &tick);
  pango_layout_get_pixel_size (layout, &width, &height);
  append_text (snapshot, layout, &palette->dim, x + 20, y + 8 - height / 2.0f);
}

static void
tl_coverage_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TlCoverageChart *self = TL_COVERAGE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int name_width, count_width;
  float track_x, track_width, unit;
  Palette palette;

  if (self->n_bars == 0 || self->scale == 0)
    return;

  get_palette (self, &palette);
  measure_columns (self, &name_width, &count_width);
  track_x = name_width + COLUMN_GAP;
  track_width = MAX (width - track_x - COLUMN_GAP - count_width, MIN_TRACK);
  unit = track_width / self->scale;

  for (guint i = 0; i < self->n_bars; i++)
    {
      const Bar *bar = &self->bars[i];
      float top = i * ROW_HEIGHT;
      g_autoptr(PangoLayout) name = create_layout (self, bar->name);
      g_autofree char *right_text = describe_right (bar);
      g_autoptr(PangoLayout) right = create_layout (self, right_text);
      int text_width, text_height;

      pango_layout_get_pixel_size (name, &text_width, &text_height);
      append_text (snapshot, name, bar->tier != 0 ? &palette.fg : &palette.dim, 0,
                   top + (ROW_HEIGHT - text_height) / 2.0f);

      append_bar (snapshot, &palette, bar, track_x, top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0f, unit);

      pango_layout_get_pixel_size (right, &text_width, &text_height);
      append_text (snapshot, right, bar->allocated < bar->needed_min ? &palette.error : &palette.dim,
                   width - text_width, top + (ROW_HEIGHT - text_height) / 2.0f);
    }

  append_legend (self, snapshot, &palette, track_x, self->n_bars * ROW_HEIGHT + 12);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  TlCoverageChart *self = TL_COVERAGE_CHART (widget);
  g_autofree char *text = NULL;
  guint row;

  if (keyboard_mode)
    {
      gtk_tooltip_set_text (tooltip, self->summary);
      return self->summary != NULL && *self->summary != '\0';
    }

  row = y >= 0 ? (guint) y / ROW_HEIGHT : G_MAXUINT;
  if (row >= self->n_bars)
    return FALSE;

  text = describe_bar (&self->bars[row]);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Redraws the chart on any style change. The palette comes from named
 * colours, which change with the style sheets in effect even where the
 * chart's own style does not. */
static void
tl_coverage_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tl_coverage_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
tl_coverage_chart_finalize (GObject *object)
{
  TlCoverageChart *self = TL_COVERAGE_CHART (object);

  clear_bars (self);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (tl_coverage_chart_parent_class)->finalize (object);
}

static void
tl_coverage_chart_class_init (TlCoverageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tl_coverage_chart_finalize;
  widget_class->measure = tl_coverage_chart_measure;
  widget_class->snapshot = tl_coverage_chart_snapshot;
  widget_class->css_changed = tl_coverage_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "coveragechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tl_coverage_chart_init (TlCoverageChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("CSM Coverage per Tier"), -1);
}

GtkWidget *
tl_coverage_chart_new (void)
{
  return g_object_new (TL_TYPE_COVERAGE_CHART, NULL);
}

/**
 * tl_coverage_chart_set_allocation:
 * @self: a #TlCoverageChart
 * @allocation: (nullable): how the headcount covers the tiers, or %NULL
 *   to draw nothing
 * @model: (nullable): the tier names and ratios; needed with @allocation
 *
 * Draws a bar for each tier that has a CSM motion and accounts, and one
 * for the spare CSMs when there are any.
 */
void
tl_coverage_chart_set_allocation (TlCoverageChart    *self,
                                  const TlAllocation *allocation,
                                  const TlModel      *model)
{
  g_return_if_fail (TL_IS_COVERAGE_CHART (self));
  g_return_if_fail (allocation == NULL || model != NULL);

  clear_bars (self);
  self->scale = 0;

  for (guint t = 0; allocation != NULL && t < TL_N_TIERS; t++)
    {
      const TlTierAllocation *tier = &allocation->tiers[t];
      Bar *bar;

      if (model->tiers[t].accounts_per_csm[1] == 0 || tier->needed_comfortable == 0)
        continue;

      bar = &self->bars[self->n_bars++];
      /* Translators: a tier number and the tier's name, as in "1 · Strategic" */
      bar->name = g_strdup_printf (_("%u · %s"), t + 1, model->tiers[t].name);
      bar->tier = t + 1;
      bar->needed_min = tier->needed_min;
      bar->needed_comfortable = tier->needed_comfortable;
      bar->allocated = tier->allocated;
      self->scale = MAX (self->scale, MAX (tier->needed_comfortable, tier->allocated));
    }

  if (allocation != NULL && allocation->surplus > 0)
    {
      Bar *bar = &self->bars[self->n_bars++];

      bar->name = g_strdup (C_("coverage chart", "Spare"));
      bar->tier = 0;
      bar->allocated = allocation->surplus;
      self->scale = MAX (self->scale, allocation->surplus);
    }

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tl_coverage_chart_get_n_bars:
 * @self: a #TlCoverageChart
 *
 * Returns: the bars drawn: one per tier with CSMs to cover, and one for
 *   the spare CSMs when there are any
 */
guint
tl_coverage_chart_get_n_bars (TlCoverageChart *self)
{
  g_return_val_if_fail (TL_IS_COVERAGE_CHART (self), 0);

  return self->n_bars;
}

/**
 * tl_coverage_chart_get_summary:
 * @self: a #TlCoverageChart
 *
 * Returns: what the chart shows, in words, one sentence per bar; screen
 *   readers read it as the chart's description
 */
const char *
tl_coverage_chart_get_summary (TlCoverageChart *self)
{
  g_return_val_if_fail (TL_IS_COVERAGE_CHART (self), NULL);

  return self->summary != NULL ? self->summary : "";
}
