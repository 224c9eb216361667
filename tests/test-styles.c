/* test-styles.c
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

#define G_LOG_DOMAIN "test-styles"

#include <adwaita.h>

#include "gui-test-util.h"
#include "tl-capacity-view.h"
#include "tl-coverage-chart.h"

/* The style sheets that libadwaita loads from the resource base path,
 * checked on the window with the bundled sample. meson runs this program
 * twice: once as is, and once with ADW_DEBUG_HIGH_CONTRAST=1, the only
 * way libadwaita 1.2 lets a program turn the high contrast setting on.
 * Each test expects the rules of style-hc.css exactly when that variable
 * is 1. The colour scheme is forced through AdwStyleManager. */

/* The colour of tier 1 in each of style.css, style-dark.css,
 * style-hc.css and style-hc-dark.css. */
#define TIER_1_LIGHT    "#7a5fd0"
#define TIER_1_DARK     "#9d87e8"
#define TIER_1_HC       "#5e3fc4"
#define TIER_1_HC_DARK  "#b9a6f4"

/* With 5 CSMs, the sample's tiers 1 and 2 get 3 and 2 CSMs, drawn as one
 * block each. The legend adds one swatch of allocated CSMs. */
#define HEADCOUNT          5
#define ALLOCATED_BLOCKS   (3 + 2 + 1)

static gboolean
expects_high_contrast (void)
{
  return g_strcmp0 (g_getenv ("ADW_DEBUG_HIGH_CONTRAST"), "1") == 0;
}

static void
set_color_scheme (TlWindow       *window,
                  AdwColorScheme  scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

static void
assert_named_color (GtkWidget  *widget,
                    const char *name,
                    const char *expected)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color, parsed;

  g_assert_true (gdk_rgba_parse (&parsed, expected));
  g_assert_true (gtk_style_context_lookup_color (context, name, &color));
  if (!gdk_rgba_equal (&color, &parsed))
    {
      g_autofree char *found = gdk_rgba_to_string (&color);

      g_error ("@%s is %s, expected %s", name, found, expected);
    }
}

/* Returns the first mapped widget under @widget with @css_class. */
static GtkWidget *
find_mapped_with_class (GtkWidget  *widget,
                        const char *css_class)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Counts the border nodes under @node drawn all in @color. */
static guint
count_borders (GskRenderNode *node,
               const GdkRGBA *color)
{
  guint count = 0;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_BORDER_NODE:
      {
        const GdkRGBA *colors = gsk_border_node_get_colors (node);

        for (guint side = 0; side < 4; side++)
          if (!gdk_rgba_equal (&colors[side], color))
            return 0;
        return 1;
      }
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count += count_borders (gsk_container_node_get_child (node, i), color);
      return count;
    case GSK_TRANSFORM_NODE:
      return count_borders (gsk_transform_node_get_child (node), color);
    case GSK_CLIP_NODE:
      return count_borders (gsk_clip_node_get_child (node), color);
    case GSK_ROUNDED_CLIP_NODE:
      return count_borders (gsk_rounded_clip_node_get_child (node), color);
    case GSK_OPACITY_NODE:
      return count_borders (gsk_opacity_node_get_child (node), color);
    case GSK_DEBUG_NODE:
      return count_borders (gsk_debug_node_get_child (node), color);
    default:
      return 0;
    }
}

/* Returns how many shapes the chart outlines in coverage_block_border_color
 * or, where the style sheets leave that colour out, in the chart's text
 * colour. */
static guint
count_chart_outlines (TlCoverageChart *chart)
{
  GtkWidget *widget = GTK_WIDGET (chart);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GdkRGBA outline;

  if (!gtk_style_context_lookup_color (context, "coverage_block_border_color", &outline))
    gtk_style_context_get_color (context, &outline);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return count_borders (node, &outline);
}

/* The tier colours follow the colour scheme, and in high contrast come
 * from style-hc.css and style-hc-dark.css. */
static void
test_styles_color_scheme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean high_contrast = expects_high_contrast ();
  TlWindow *window = gui_test_open_sample (1300, 900);

  g_assert_cmpint (adw_style_manager_get_high_contrast (manager), ==, high_contrast);

  set_color_scheme (window, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  assert_named_color (GTK_WIDGET (window), "tier_1_color",
                      high_contrast ? TIER_1_HC : TIER_1_LIGHT);

  set_color_scheme (window, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  assert_named_color (GTK_WIDGET (window), "tier_1_color",
                      high_contrast ? TIER_1_HC_DARK : TIER_1_DARK);

  set_color_scheme (window, ADW_COLOR_SCHEME_FORCE_LIGHT);
  assert_named_color (GTK_WIDGET (window), "tier_1_color",
                      high_contrast ? TIER_1_HC : TIER_1_LIGHT);

  set_color_scheme (window, ADW_COLOR_SCHEME_DEFAULT);
  gui_test_destroy_window (window);
}

/* The "partial" note of a health score is dimmed, except in high
 * contrast, where it takes the full text colour. */
static void
test_styles_health_note (void)
{
  gboolean high_contrast = expects_high_contrast ();
  TlWindow *window = gui_test_open_sample (1300, 900);
  GtkWidget *note = find_mapped_with_class (GTK_WIDGET (tl_window_get_column_view (window)),
                                            "health-note");
  GdkRGBA color, window_fg;

  g_assert_nonnull (note);
  gtk_style_context_get_color (gtk_widget_get_style_context (note), &color);
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (note),
                                                 "window_fg_color", &window_fg));

  if (high_contrast)
    g_assert_true (gdk_rgba_equal (&color, &window_fg));
  else
    g_assert_cmpfloat (color.alpha, <, window_fg.alpha - 0.1);

  gui_test_destroy_window (window);
}

/* The coverage chart outlines its allocated blocks in the text colour
 * in high contrast only, following the colours of style-hc.css. */
static void
test_styles_coverage_chart (void)
{
  gboolean high_contrast = expects_high_contrast ();
  TlWindow *window = gui_test_open_sample (1300, 900);
  TlCapacityView *view = tl_window_get_capacity_view (window);
  TlCoverageChart *chart = tl_capacity_view_get_chart (view);
  GdkRGBA border;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "capacity");
  tl_capacity_view_set_headcount (view, HEADCOUNT);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));

  g_assert_cmpint (gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (chart)),
                                                   "coverage_block_border_color", &border),
                   ==, high_contrast);
  g_assert_cmpuint (count_chart_outlines (chart), ==, high_contrast ? ALLOCATED_BLOCKS : 0);

  set_color_scheme (window, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpuint (count_chart_outlines (chart), ==, high_contrast ? ALLOCATED_BLOCKS : 0);

  set_color_scheme (window, ADW_COLOR_SCHEME_DEFAULT);
  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/styles/color-scheme", test_styles_color_scheme);
  g_test_add_func ("/styles/health-note", test_styles_health_note);
  g_test_add_func ("/styles/coverage-chart", test_styles_coverage_chart);

  return gui_test_run ();
}
