/* bench-gui-latency.c
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


#define G_LOG_DOMAIN "bench-gui-latency"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "gui-test-util.h"
#include "tl-account-list.h"

/* Measures how responsive a real window stays while it loads a large
 * accounts file and while it exports the workbook. Two probes run on the
 * main loop:
 *
 * - a G_PRIORITY_HIGH timeout every 10 ms, whose lateness (the time past
 *   10 ms since its last wake-up) is how long the main loop was blocked;
 * - a tick callback on the window, which keeps the frame clock running, so
 *   the interval between two frames shows how long drawing stopped.
 *
 * It prints the maximum and the 99th percentile of both for each phase,
 * the time from the open request to the first frame that shows rows, and
 * how often the progress bar changed. Run it under Xvfb with the
 * environment of the GUI tests; tests/bench/run-bench.sh does:
 *
 *   bench-gui-latency ACCOUNTS.csv [SCREENSHOT-DIR]
 *
 * After the load it sorts the table by several columns and measures each
 * sort, then exports. TIERLINE_BENCH_PHASES, such as "sort" or
 * "sort,export", picks the phases after the load, and without it all run.
 * With G_MESSAGES_DEBUG=all, each stall of 50 ms or more is logged among
 * the window's own messages, which shows what ran before it.
 *
 * With SCREENSHOT-DIR, it saves loading.png when the load is about half
 * done and loaded.png after the load. The main loop time spent on each
 * screenshot is left out of the numbers. */

#define PROBE_INTERVAL_MS 10

typedef struct
{
  const char *name;
  GArray     *probe_lateness;   /* gint64 microseconds past the interval */
  GArray     *frame_intervals;  /* gint64 microseconds between two ticks */
  gint64      last_probe;
  gint64      last_frame;
  gint64      start;
  gint64      frame_start;        /* when the current frame's update began */
  gint64      layout_done;
  gint64      paint_done;
  gint64      longest_frame;      /* the maximum time from update to after-paint */
  gint64      longest_layout;     /* its layout and paint parts */
  gint64      longest_paint;
  double      last_fraction;
  guint       n_progress_changes;
  gboolean    progress_shown;
} Phase;

typedef struct
{
  TlWindow   *window;
  Phase      *phase;             /* the phase being measured, or NULL */
  GtkWidget  *progress_bar;
  const char *screenshot_dir;
  gboolean    loading_shot_due;  /* the next frame saves loading.png */
  gboolean    took_loading_shot;
  gint64      first_rows_frame;  /* when a frame first showed rows */
} Bench;

static Bench bench;

static void
phase_init (Phase      *phase,
            const char *name)
{
  phase->name = name;
  phase->probe_lateness = g_array_new (FALSE, FALSE, sizeof (gint64));
  phase->frame_intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  phase->start = g_get_monotonic_time ();
  phase->last_probe = phase->start;
  phase->last_frame = 0;
  phase->last_fraction = -1.0;
}

static void
phase_clear (Phase *phase)
{
  g_clear_pointer (&phase->probe_lateness, g_array_unref);
  g_clear_pointer (&phase->frame_intervals, g_array_unref);
}

/* Restarts both probes' clocks, so that time the benchmark itself spent
 * on the main loop is not counted as a stall. */
static void
phase_skip_time (Phase *phase)
{
  gint64 now = g_get_monotonic_time ();

  phase->last_probe = now;
  if (phase->last_frame != 0)
    phase->last_frame = now;
}

static gboolean
probe_cb (gpointer user_data)
{
  Phase *phase = bench.phase;
  gint64 now = g_get_monotonic_time ();
  gint64 lateness;

  if (phase == NULL)
    return G_SOURCE_CONTINUE;

  lateness = MAX (0, now - phase->last_probe - PROBE_INTERVAL_MS * 1000);
  g_array_append_val (phase->probe_lateness, lateness);
  if (lateness >= 50000)
    g_debug ("The main loop was blocked for %" G_GINT64_FORMAT " ms", lateness / 1000);
  phase->last_probe = now;

  return G_SOURCE_CONTINUE;
}

static GtkWidget *
find_progress_bar (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_PROGRESS_BAR (widget))
    return widget;

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Saves a PNG of the window as it is drawn now. */
static void
save_screenshot (const char *name)
{
  GtkWidget *widget = GTK_WIDGET (bench.window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (bench.screenshot_dir, name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_warning ("The window drew nothing for the screenshot %s", path);
      return;
    }
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_warning ("Could not save the screenshot %s", path);
  else
    g_print ("# saved %s\n", path);
}

static gboolean
shows_rows (void)
{
  GtkWidget *view = GTK_WIDGET (tl_window_get_column_view (bench.window));

  return gtk_widget_get_mapped (view)
         && g_strcmp0 (tl_window_get_page (bench.window), "accounts") == 0
         && gui_test_get_n_shown (bench.window) > 0;
}

/* Returns whether a stack around @widget is cross-fading between pages: a
 * screenshot then shows the page that goes more than the one that comes. */
static gboolean
stack_in_transition (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_STACK (w) && gtk_stack_get_transition_running (GTK_STACK (w)))
        return TRUE;
    }

  return FALSE;
}

/* Counts the progress bar's changes while its page is shown, and requests
 * the mid-load screenshot once the page has faded in. */
static void
watch_progress (Phase *phase)
{
  double fraction;

  if (bench.progress_bar == NULL || !gtk_widget_get_mapped (bench.progress_bar))
    return;

  phase->progress_shown = TRUE;
  fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bench.progress_bar));
  if (fraction != phase->last_fraction)
    phase->n_progress_changes++;
  phase->last_fraction = fraction;

  if (bench.screenshot_dir != NULL && !bench.took_loading_shot && fraction >= 0.45
      && !stack_in_transition (bench.progress_bar))
    bench.loading_shot_due = TRUE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  Phase *phase = bench.phase;
  gint64 now = g_get_monotonic_time ();

  if (phase == NULL)
    return G_SOURCE_CONTINUE;

  if (phase->last_frame != 0)
    {
      gint64 interval = now - phase->last_frame;

      g_array_append_val (phase->frame_intervals, interval);
    }
  phase->last_frame = now;
  phase->frame_start = now;

  watch_progress (phase);

  return G_SOURCE_CONTINUE;
}

/* The window's own handlers of the frame clock's layout and paint signals
 * were connected first, at realization, so these run after them. */
static void
layout_cb (GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  if (bench.phase != NULL)
    bench.phase->layout_done = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *frame_clock,
          gpointer       user_data)
{
  if (bench.phase != NULL)
    bench.phase->paint_done = g_get_monotonic_time ();
}

/* Keeps the longest frame's time with its layout and paint parts. */
static void
record_frame_time (Phase *phase)
{
  gint64 now = g_get_monotonic_time ();

  if (phase->frame_start == 0 || now - phase->frame_start <= phase->longest_frame)
    return;

  phase->longest_frame = now - phase->frame_start;
  phase->longest_layout = phase->layout_done >= phase->frame_start
                          ? phase->layout_done - phase->frame_start : 0;
  phase->longest_paint = phase->paint_done >= phase->layout_done
                         ? phase->paint_done - phase->layout_done : 0;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs the main loop for half a second, which ends the transitions of the
 * stack and the window title. */
static void
wait_for_transitions (void)
{
  gboolean done = FALSE;

  g_timeout_add (500, quit_cb, &done);
  gui_test_spin_until (is_set, &done, 5000);
}

/* Records the frame's time, then takes the screenshots, after the paint
 * when the window's layout is done. */
static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  if (bench.phase != NULL)
    record_frame_time (bench.phase);

  if (bench.loading_shot_due && !bench.took_loading_shot)
    {
      bench.took_loading_shot = TRUE;
      save_screenshot ("loading.png");
      if (bench.phase != NULL)
        phase_skip_time (bench.phase);
    }

  if (bench.first_rows_frame == 0 && shows_rows ())
    bench.first_rows_frame = g_get_monotonic_time ();
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Prints the maximum, the 99th percentile and the median of @values in
 * milliseconds. */
static void
print_distribution (const char *phase_name,
                    const char *label,
                    GArray     *values)
{
  guint n = values->len;
  gint64 *sorted;

  if (n == 0)
    {
      g_print ("%-7s %-22s no samples\n", phase_name, label);
      return;
    }

  g_array_sort (values, compare_int64);
  sorted = (gint64 *) (gpointer) values->data;
  g_print ("%-7s %-22s max %7.1f ms  p99 %6.1f ms  median %5.1f ms  (%u samples)\n",
           phase_name, label,
           sorted[n - 1] / 1000.0,
           sorted[MIN (n - 1, (guint) (n * 0.99))] / 1000.0,
           sorted[n / 2] / 1000.0, n);
}

static void
print_phase (Phase *phase)
{
  double seconds = (g_get_monotonic_time () - phase->start) / 1e6;

  print_distribution (phase->name, "main loop stall", phase->probe_lateness);
  print_distribution (phase->name, "frame interval", phase->frame_intervals);
  g_print ("%-7s %-22s %.1f ms (layout %.1f ms, paint %.1f ms)\n", phase->name,
           "longest frame", phase->longest_frame / 1000.0, phase->longest_layout / 1000.0,
           phase->longest_paint / 1000.0);
  g_print ("%-7s %-22s %.2f s, progress bar %s, %u changes\n", phase->name, "duration",
           seconds, phase->progress_shown ? "shown" : "not shown",
           phase->n_progress_changes);
}

static gboolean
first_rows_shown (gpointer data)
{
  return bench.first_rows_frame != 0;
}

static gboolean
export_done (gpointer data)
{
  return !tl_window_is_exporting (bench.window);
}

/* Opens @path in the window and measures until a frame shows its rows. */
static void
measure_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Phase phase = { 0 };

  phase_init (&phase, "load");
  bench.phase = &phase;
  tl_window_open_file (bench.window, file);
  gui_test_spin_until (first_rows_shown, NULL, 600000);
  bench.phase = NULL;

  g_print ("load    %-22s %.2f s (%u accounts)\n", "first rows shown",
           (bench.first_rows_frame - phase.start) / 1e6, gui_test_get_n_shown (bench.window));
  print_phase (&phase);
  phase_clear (&phase);
}

typedef struct
{
  const char *name;
  TlSortKey   key;
  gboolean    descending;
} SortRequest;

static gboolean
sort_applied (gpointer data)
{
  const SortRequest *request = data;
  GtkSelectionModel *model = gtk_column_view_get_model (tl_window_get_column_view (bench.window));
  TlAccountList *list;

  /* The list is attached again once sorted. */
  if (model == NULL)
    return FALSE;

  list = TL_ACCOUNT_LIST (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)));

  return tl_account_list_get_sort_key (list) == request->key
         && tl_account_list_get_descending (list) == request->descending;
}

static gboolean
time_reached (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Runs the main loop for @ms milliseconds, as a user pauses between two
 * clicks. */
static void
pause_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  gui_test_spin_until (time_reached, &end, ms + 1000);
}

/* Sorts the loaded table by each column a user is likely to click, the
 * names first, right after the load, and measures until each sort is
 * drawn, with a pause of 300 ms between two sorts. The names may wait for
 * their ranks. */
static void
measure_sorts (void)
{
  static const SortRequest requests[] = {
    { "name", TL_SORT_NAME, FALSE }, { "arr", TL_SORT_ARR, FALSE },
    { "health", TL_SORT_HEALTH, TRUE }, { "owner", TL_SORT_OWNER, FALSE },
    { "name", TL_SORT_NAME, TRUE }, { "renewal", TL_SORT_RENEWAL, FALSE },
  };
  Phase phase = { 0 };

  phase_init (&phase, "sort");
  bench.phase = &phase;
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s%s", requests[i].name,
                                                requests[i].descending ? " descending" : "");
      gint64 start = g_get_monotonic_time ();

      gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.sort-by", "(sb)",
                                  requests[i].name, requests[i].descending);
      gui_test_spin_until (sort_applied, (gpointer) &requests[i], 60000);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (tl_window_get_column_view (bench.window)));
      g_print ("sort    %-22s %.1f ms to the drawn table\n", label,
               (g_get_monotonic_time () - start) / 1000.0);
      pause_ms (300);
    }
  bench.phase = NULL;

  print_phase (&phase);
  phase_clear (&phase);
}

/* Exports the loaded document to a temporary file and measures until the
 * export has ended and the window has drawn the result. */
static void
measure_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("tierline-latency-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  Phase phase = { 0 };

  g_assert_no_error (error);
  path = g_build_filename (folder, "export.xlsx", NULL);
  file = g_file_new_for_path (path);

  phase_init (&phase, "export");
  bench.phase = &phase;
  tl_window_export_to (bench.window, file);
  gui_test_spin_until (export_done, NULL, 1800000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (bench.window));
  bench.phase = NULL;

  print_phase (&phase);
  phase_clear (&phase);

  g_remove (path);
  g_rmdir (folder);
}

/* Returns whether TIERLINE_BENCH_PHASES is unset or names @phase. */
static gboolean
wants_phase (const char *phase)
{
  const char *phases = g_getenv ("TIERLINE_BENCH_PHASES");
  g_auto(GStrv) names = NULL;

  if (phases == NULL)
    return TRUE;

  names = g_strsplit (phases, ",", -1);

  return g_strv_contains ((const char * const *) names, phase);
}

int
main (int    argc,
      char **argv)
{
  GdkFrameClock *frame_clock;
  guint probe;

  if (argc < 2)
    {
      g_printerr ("Usage: %s ACCOUNTS-FILE [SCREENSHOT-DIR]\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (!gui_test_init (&argc, &argv))
    return EXIT_FAILURE;

  bench.screenshot_dir = argc > 2 ? argv[2] : NULL;
  bench.window = tl_window_new (gui_test_app);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1300, 800);
  gtk_window_present (GTK_WINDOW (bench.window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (bench.window));
  bench.progress_bar = find_progress_bar (GTK_WIDGET (bench.window));

  probe = g_timeout_add_full (G_PRIORITY_HIGH, PROBE_INTERVAL_MS, probe_cb, NULL, NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (bench.window), tick_cb, NULL, NULL);
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  g_signal_connect (frame_clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (frame_clock, "paint", G_CALLBACK (paint_cb), NULL);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  measure_load (argv[1]);
  if (bench.screenshot_dir != NULL)
    {
      /* The page and the title cross-fade for a few hundred ms. */
      wait_for_transitions ();
      save_screenshot ("loaded.png");
    }
  if (wants_phase ("sort"))
    measure_sorts ();
  if (wants_phase ("export"))
    measure_export ();

  g_source_remove (probe);
  gtk_window_destroy (GTK_WINDOW (bench.window));
  gui_test_spin_pending ();

  return gui_test_run ();
}
