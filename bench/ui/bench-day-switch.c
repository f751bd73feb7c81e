/* bench-day-switch.c — switching days in the timeline of the 39C3 program
 * (58 rooms, 895 talks): time from the switch to the new day's first frame.
 * Runs in a headless GNOME session; target ≤ 50 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-application.h"
#include "oc3-schedule-view.h"
#include "oc3-timeline.h"
#include "oc3-window.h"

#define ROUNDS 5

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (Oc3Application) app = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  Oc3Window *window;
  Oc3ScheduleView *schedule;
  GdkFrameClock *frame_clock;
  guint n_days;
  gint64 deadline;

  if (argc != 2)
    {
      g_printerr ("usage: %s SCHEDULE.json\n", argv[0]);
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_print ("skipped: %s is missing\n", argv[1]);
      return 0;
    }

  gtk_init ();
  adw_init ();
  app = oc3_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = oc3_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_commandline_arg (argv[1]);
  oc3_window_open_file (window, file);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((oc3_window_get_conference (window) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (oc3_window_get_conference (window));

  schedule = oc3_window_get_schedule_view (window);
  n_days = g_list_model_get_n_items (oc3_conference_get_days (oc3_window_get_conference (window)));
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (guint round = 0; round < ROUNDS; round++)
    for (guint day = 0; day < n_days; day++)
      {
        gint64 start;
        double ms;

        painted = FALSE;
        start = g_get_monotonic_time ();
        oc3_schedule_view_show_day (schedule, (day + 1) % n_days);
        while (!painted)
          g_main_context_iteration (NULL, TRUE);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (samples, ms);
      }

  g_array_sort (samples, compare_doubles);
  g_print ("day switch in the 39C3 timeline (%u days, %u switches): median %.1f ms, max %.1f ms "
           "(target ≤ 50 ms) — the last day: %u talks, %u blocks built\n",
           n_days, samples->len, g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, samples->len - 1),
           oc3_timeline_get_n_talks (oc3_schedule_view_get_timeline (schedule)),
           oc3_timeline_get_n_built_blocks (oc3_schedule_view_get_timeline (schedule)));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
