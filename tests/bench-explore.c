/* bench-explore.c
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


#define G_LOG_DOMAIN "bench-explore"

#include <string.h>

#include "gui-test-util.h"

/* Times the search entry and the tier filter on a large file in a real
 * window: from the filter bar's change to the end of filtering, and to
 * the end of the next frame, which draws the new table. It then times a
 * change of the health weights, which segments every account again. Run
 * it with TIERLINE_BENCH_FILE naming an accounts file, under xvfb-run, as
 * `meson test --benchmark explore`. */

typedef struct
{
  gint64   changed;     /* the filter bar emitted TlFilterBar::changed */
  gint64   filtered;    /* the window applied the filter */
  gint64   painted;     /* the next frame was drawn */
  gboolean waiting;
} Timing;

static Timing timing;

static gboolean
changed_hook (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  timing.changed = g_get_monotonic_time ();

  return TRUE;
}

static void
filtered_cb (TlFilterBar *bar)
{
  timing.filtered = g_get_monotonic_time ();
  timing.waiting = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  if (!timing.waiting)
    return;

  timing.painted = g_get_monotonic_time ();
  timing.waiting = FALSE;
}

static gboolean
painted (gpointer data)
{
  return timing.painted != 0;
}

static gboolean
job_done (gpointer data)
{
  return !tl_window_is_loading (data);
}

/* Waits for the frame that shows the filter's result, and prints the
 * times. @typed is when the user typed, for a search, else 0. */
static void
report (TlWindow   *window,
        const char *label,
        gint64      typed)
{
  gui_test_spin_until (painted, NULL, 60000);
  if (typed != 0)
    g_print ("# %-26s keystroke to filter: %6.1f ms (search delay)\n", label,
             (timing.changed - typed) / 1000.0);
  g_print ("# %-26s filter: %6.1f ms, to the drawn table: %6.1f ms, %u shown\n", label,
           (timing.filtered - timing.changed) / 1000.0,
           (timing.painted - timing.changed) / 1000.0,
           gui_test_get_n_shown (window));
  memset (&timing, 0, sizeof timing);
}

/* Types @key at the end of the search entry, as one keystroke does. */
static void
type_key (TlWindow   *window,
          const char *key)
{
  GtkEditable *entry = GTK_EDITABLE (tl_filter_bar_get_search_entry (
    tl_window_get_filter_bar (window)));
  int position = -1;
  gint64 typed = g_get_monotonic_time ();
  g_autofree char *label = NULL;

  gtk_editable_insert_text (entry, key, -1, &position);
  label = g_strdup_printf ("search “%s”", gtk_editable_get_text (entry));
  report (window, label, typed);
}

/* Deletes the last character of the search entry, as Backspace does. */
static void
type_backspace (TlWindow *window)
{
  GtkEditable *entry = GTK_EDITABLE (tl_filter_bar_get_search_entry (
    tl_window_get_filter_bar (window)));
  int length = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  gint64 typed = g_get_monotonic_time ();
  g_autofree char *label = NULL;

  gtk_editable_delete_text (entry, length - 1, length);
  label = g_strdup_printf ("search “%s”", gtk_editable_get_text (entry));
  report (window, label, typed);
}

static void
choose_tier (TlWindow *window,
             guint     tier)
{
  g_autofree char *label = g_strdup_printf ("tier filter %u", tier);

  tl_filter_bar_set_tier (tl_window_get_filter_bar (window), tier);
  report (window, label, 0);
}

/* Applies new health weights, as the health dialog does, and times the
 * segmentation and the redraw of the table that follow. */
static void
change_weights (TlWindow *window)
{
  TlDocument *document = tl_window_get_document (window);
  g_autoptr(TlModel) model = tl_model_copy (tl_document_get_model (document));
  gint64 start;

  model->weights[TL_COMPONENT_USAGE] = model->weights[TL_COMPONENT_USAGE] == 40 ? 30 : 40;
  model->weights[TL_COMPONENT_ADOPTION] = 100 - model->weights[TL_COMPONENT_USAGE]
                                          - model->weights[TL_COMPONENT_SUPPORT]
                                          - model->weights[TL_COMPONENT_RELATIONSHIP]
                                          - model->weights[TL_COMPONENT_NPS];
  start = g_get_monotonic_time ();
  timing.waiting = TRUE;
  tl_document_set_model (document, model);
  gui_test_spin_until (painted, NULL, 60000);
  g_print ("# %-26s segment and draw: %6.1f ms, %u shown\n", "new health weights",
           (timing.painted - start) / 1000.0, gui_test_get_n_shown (window));
  memset (&timing, 0, sizeof timing);
}

int
main (int    argc,
      char **argv)
{
  const char *path = g_getenv ("TIERLINE_BENCH_FILE");
  g_autoptr(GFile) file = NULL;
  TlWindow *window;
  TlFilterBar *bar;
  gint64 start;

  if (path == NULL || *path == '\0')
    {
      g_print ("1..0 # SKIP set TIERLINE_BENCH_FILE to an accounts file\n");
      return 0;
    }
  if (!gui_test_init (&argc, &argv))
    return 0;

  window = tl_window_new (gui_test_app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  tl_window_open_file (window, file);
  gui_test_spin_until (job_done, window, 600000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_print ("# loaded %u accounts in %.1f s\n", gui_test_get_n_shown (window),
           (g_get_monotonic_time () - start) / 1e6);

  bar = tl_window_get_filter_bar (window);
  g_signal_add_emission_hook (g_signal_lookup ("changed", TL_TYPE_FILTER_BAR), 0,
                              changed_hook, NULL, NULL);
  g_signal_connect (bar, "changed", G_CALLBACK (filtered_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);

  /* Select an account far down the list, so that each filter looks for it. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (tl_window_get_visible_model (window)),
                                     gui_test_get_n_shown (window) / 2);

  type_key (window, "9");
  type_key (window, "9");
  type_key (window, "9");
  type_backspace (window);
  type_backspace (window);
  type_backspace (window);
  choose_tier (window, 2);
  choose_tier (window, 1);
  type_key (window, "5");
  choose_tier (window, 0);
  type_backspace (window);
  change_weights (window);
  change_weights (window);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin_pending ();

  return gui_test_run ();
}
