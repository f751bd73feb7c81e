/* test-window.c — the main window in a real headless GNOME session: it opens
 * with the bundled OC3 program, shows the timeline, opens a talk, survives a
 * phone-sized width, and closes without leaking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-application.h"
#include "test-isolation.h"
#include "ui-test-helpers.h"
#include "oc3-schedule-view.h"
#include "oc3-screenshot.h"
#include "oc3-talk-block.h"
#include "oc3-timeline.h"
#include "oc3-window.h"

/* One application for all tests, as in the real app: windows come and go. */
static Oc3Application *app;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  g_assert_true (ui_test_wait_until (done, data));

  /* A few more frames, so that anything deferred to the next layout runs too. */
  for (int i = 0; i < 30; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets animations (the split view's page transition) finish. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
has_blocks (gpointer timeline)
{
  return oc3_timeline_get_n_built_blocks (timeline) > 0;
}

static void
save_artifact (GtkWidget  *window,
               const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("MESON_BUILD_ROOT") ? g_getenv ("MESON_BUILD_ROOT") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  if (!oc3_screenshot_save_now (window, path, &error))
    g_test_message ("no screenshot %s: %s", name, error->message);
}

static Oc3ScheduleView *
find_schedule_view (GtkWidget *widget)
{
  if (OC3_IS_SCHEDULE_VIEW (widget))
    return OC3_SCHEDULE_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Oc3ScheduleView *found = find_schedule_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_shows_the_program (void)
{
  Oc3Window *window;
  Oc3ScheduleView *schedule;
  Oc3Timeline *timeline;
  GtkWidget *block;
  Oc3Agenda *agenda;
  const char *guid;

  window = oc3_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (is_mapped, window);
  iterate_until (ui_test_window_has_conference, window);

  g_assert_cmpstr (oc3_window_get_view (window), ==, "schedule");
  schedule = find_schedule_view (GTK_WIDGET (window));
  g_assert_nonnull (schedule);
  timeline = oc3_schedule_view_get_timeline (schedule);
  /* The bundled 2024 edition: 30 talks on one day. */
  g_assert_cmpuint (oc3_timeline_get_n_talks (timeline), ==, 30);
  /* Their blocks come with the first layout. */
  iterate_until (has_blocks, timeline);
  save_artifact (GTK_WIDGET (window), "test-window-schedule.png");

  block = oc3_timeline_get_block (timeline, 0);
  g_assert_true (gtk_widget_get_mapped (block));
  g_assert_cmpint (gtk_widget_get_height (block), >, 40);

  /* Ctrl+D on a focused block stars its talk; the block shows it, and so
   * does the agenda. */
  gtk_widget_grab_focus (block);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-star", NULL));
  agenda = oc3_application_peek_agenda (app);
  g_assert_nonnull (agenda);
  guid = oc3_talk_get_guid (oc3_talk_block_get_talk (OC3_TALK_BLOCK (block)));
  g_assert_true (oc3_agenda_is_starred (agenda, guid));
  g_assert_cmpuint (g_list_model_get_n_items (oc3_agenda_get_starred (agenda)), ==, 1);

  /* Enter opens the talk page: its tag is the talk's GUID. */
  g_signal_emit_by_name (block, "clicked");
  wait_ms (100);
  g_assert_cmpstr (oc3_window_get_visible_page_tag (window), ==, guid);

  /* Unstarring from the page's action, with an undo toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-star", NULL));
  g_assert_false (oc3_agenda_is_starred (agenda, guid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.star", "s", guid));
  g_assert_true (oc3_agenda_is_starred (agenda, guid));

  oc3_window_show_view (window, "starred");
  wait_ms (100);
  save_artifact (GTK_WIDGET (window), "test-window-starred.png");

  oc3_window_show_view (window, "tracks");
  g_assert_cmpstr (oc3_window_get_view (window), ==, "tracks");
  oc3_window_show_view (window, "schedule");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* A phone: below 600 px the split view collapses to one stack, and the
 * window still fits 360 px. */
static void
test_window_narrow (void)
{
  Oc3Window *window;
  AdwNavigationSplitView *split_view;
  int minimum_width;

  /* Not filling the screen as the previous test's window did. */
  window = ui_test_open_app_window (app, 360, 720);
  iterate_until (ui_test_window_has_conference, window);

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
  g_assert_cmpint (minimum_width, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  save_artifact (GTK_WIDGET (window), "test-window-360-sidebar.png");

  oc3_window_show_view (window, "schedule");
  wait_ms (600);
  save_artifact (GTK_WIDGET (window), "test-window-360-schedule.png");

  /* Back to the sidebar (the back button), another view, and the window
   * closed at once: libadwaita still has work queued for the split view, which
   * must find it alive (the memcheck suite sees any write to freed memory). */
  split_view = ADW_NAVIGATION_SPLIT_VIEW (ui_test_find_descendant (GTK_WIDGET (window),
                                                                   ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  g_assert_true (gtk_widget_activate_action (ui_test_find_descendant (GTK_WIDGET (window), OC3_TYPE_SCHEDULE_VIEW),
                                             "navigation.pop", NULL));
  g_assert_false (adw_navigation_split_view_get_show_content (split_view));
  oc3_window_show_view (window, "tracks");
  g_assert_true (adw_navigation_split_view_get_show_content (split_view));
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  wait_ms (100);
}

static gboolean
shows_39c3 (gpointer window)
{
  Oc3Conference *conference = oc3_window_get_conference (window);

  return conference != NULL && g_strcmp0 (oc3_conference_get_title (conference), "39th Chaos Communications Congress") == 0;
}

/* Every block built is one of the day's talks, in or near the view. */
static void
assert_built_blocks_in_view (Oc3Timeline *timeline,
                             Oc3Day      *day)
{
  graphene_rect_t view = GRAPHENE_RECT_INIT (-200, -200, gtk_widget_get_width (GTK_WIDGET (timeline)) + 400,
                                             gtk_widget_get_height (GTK_WIDGET (timeline)) + 400);
  g_autoptr (GHashTable) day_talks = g_hash_table_new (NULL, NULL);
  GListModel *talks = oc3_day_get_talks (day);
  guint n_shown = 0;

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);

      g_hash_table_add (day_talks, talk);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (timeline)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!OC3_IS_TALK_BLOCK (child) || !gtk_widget_get_child_visible (child))
        continue;
      g_assert_true (g_hash_table_contains (day_talks, oc3_talk_block_get_talk (OC3_TALK_BLOCK (child))));
      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (timeline), &bounds));
      g_assert_true (graphene_rect_intersection (&bounds, &view, NULL));
      n_shown++;
    }
  g_assert_cmpuint (n_shown, ==, oc3_timeline_get_n_built_blocks (timeline));
}

static gboolean
press_key (Oc3Timeline *timeline,
           guint        keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (timeline));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The 39C3 program (58 rooms, 895 talks): each day shows all its talks, but
 * only those in view have a widget; scrolling and the keyboard reach the
 * rest. */
static void
test_window_big_day (void)
{
  const char *fixtures = g_getenv ("OC3_FIXTURES");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  Oc3Window *window;
  Oc3ScheduleView *schedule;
  Oc3Timeline *timeline;
  GListModel *days;
  GtkAdjustment *vadjustment;
  GtkWidget *focus;
  GDateTime *start;

  if (fixtures == NULL || !g_file_test (fixtures, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared fixtures are not beside this checkout");
      return;
    }

  path = g_build_filename (fixtures, "c3voc-39C3_everything.schedule.json", NULL);
  file = g_file_new_for_path (path);
  window = ui_test_open_app_window (app, 1200, 800);
  oc3_window_open_file (window, file);
  iterate_until (shows_39c3, window);

  schedule = oc3_window_get_schedule_view (window);
  timeline = oc3_schedule_view_get_timeline (schedule);
  days = oc3_conference_get_days (oc3_window_get_conference (window));
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 4);

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr (Oc3Day) day = g_list_model_get_item (days, i);
      guint n_talks = g_list_model_get_n_items (oc3_day_get_talks (day));

      oc3_schedule_view_show_day (schedule, i);
      g_assert_cmpuint (oc3_timeline_get_n_talks (timeline), ==, n_talks);
      iterate_until (has_blocks, timeline);
      /* A screenful, not the day. */
      g_assert_cmpuint (oc3_timeline_get_n_built_blocks (timeline), <, MIN (n_talks, 120));
      assert_built_blocks_in_view (timeline, day);
    }
  save_artifact (GTK_WIDGET (window), "test-window-39c3-day4.png");

  /* Scrolled to the end of the day, the blocks there are built. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (timeline));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  wait_ms (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  {
    g_autoptr (Oc3Day) day = g_list_model_get_item (days, 3);

    assert_built_blocks_in_view (timeline, day);
  }
  save_artifact (GTK_WIDGET (window), "test-window-39c3-day4-end.png");

  /* Down, from the first talk of a room, walks through that room's talks,
   * scrolling as it goes. */
  gtk_adjustment_set_value (vadjustment, 0);
  wait_ms (50);
  focus = oc3_timeline_get_block (timeline, 0);
  gtk_widget_grab_focus (focus);
  start = oc3_talk_get_start (oc3_talk_block_get_talk (OC3_TALK_BLOCK (focus)));
  for (int i = 0; i < 12; i++)
    g_assert_true (press_key (timeline, GDK_KEY_Down));
  wait_ms (50);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (OC3_IS_TALK_BLOCK (focus));
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_cmpint (g_date_time_compare (oc3_talk_get_start (oc3_talk_block_get_talk (OC3_TALK_BLOCK (focus))),
                                        start), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (focus, GTK_WIDGET (timeline), &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (timeline)));
  }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  oc3_test_isolate_user_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Screenshots show where pages end up, not half-way through a slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/window/shows-the-program", test_window_shows_the_program);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/big-day", test_window_big_day);

  status = ui_test_run_with_application (&app);

  return status;
}
