/* test-opens-on-now.c — during the conference the schedule opens on the
 * current time, with the "now" line a third of the way down, in a wide
 * window and on a phone. The clock is moved with OC3_NOW (read once per
 * process, hence a test program of its own); the window is real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-application.h"
#include "oc3-schedule-view.h"
#include "oc3-timeline.h"
#include "oc3-window.h"
#include "test-isolation.h"
#include "ui-test-helpers.h"

static Oc3Application *app;

static gboolean
shows_blocks (gpointer window)
{
  Oc3ScheduleView *schedule = oc3_window_get_schedule_view (window);

  return oc3_window_get_conference (window) != NULL &&
         oc3_timeline_get_n_built_blocks (oc3_schedule_view_get_timeline (schedule)) > 0;
}

static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  g_assert_true (ui_test_wait_until (done, data));
  /* A few more frames: the scroll happens in the timeline's layout. */
  ui_test_wait_frames (data, 3);
}

static void
check_opens_on_now (int width,
                    int height)
{
  Oc3Window *window = oc3_window_new (app);
  Oc3Timeline *timeline;
  GtkAdjustment *vadjustment;
  GtkWidget *block;
  graphene_rect_t bounds;
  double view_height;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  oc3_window_present_when_ready (window);
  wait_until (shows_blocks, window);
  /* At 360 px the schedule is a page of its own, on top of the sidebar. */
  oc3_window_show_view (window, "schedule");
  wait_until (shows_blocks, window);

  timeline = oc3_schedule_view_get_timeline (oc3_window_get_schedule_view (window));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  view_height = gtk_widget_get_height (GTK_WIDGET (timeline));
  g_assert_cmpfloat (view_height, >, 100);
  /* OC3 2024's day starts at 09:00; 13:35 is far below the first screenful. */
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, view_height / 2);

  /* The talk running at 13:35 (13:30–14:00) is in view, in the upper half. */
  block = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      /* Blocks carry "title\nstart–end" as their tooltip. */
      if (!gtk_widget_get_child_visible (child) || tooltip == NULL)
        continue;
      if (g_str_has_suffix (tooltip, "13:30–14:00") &&
          gtk_widget_compute_bounds (child, GTK_WIDGET (timeline), &bounds))
        {
          block = child;
          break;
        }
    }
  g_assert_nonnull (block);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, <, view_height / 2);

  ui_test_destroy_window (GTK_WINDOW (window));
}

static void
test_opens_on_now_wide (void)
{
  check_opens_on_now (1200, 800);
}

static void
test_opens_on_now_narrow (void)
{
  check_opens_on_now (360, 720);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The conference day of the bundled 2024 edition, in the afternoon. */
  g_setenv ("OC3_NOW", "2024-03-13T13:35:00+01:00", TRUE);
  oc3_test_isolate_user_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/opens-on-now/wide", test_opens_on_now_wide);
  g_test_add_func ("/opens-on-now/narrow", test_opens_on_now_narrow);

  status = ui_test_run_with_application (&app);

  return status;
}
