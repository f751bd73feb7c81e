/* test-now-view.c — the "Now" view: what runs, how far it has got, what
 * starts within the hour, and what it says when nothing is on.
 *
 * oc3_time_now() reads OC3_NOW once per process, so this binary sets it
 * before anything asks for the time, and the first test checks the view with
 * the real clock path at that instant. The other tests give the view a "now"
 * of their own with oc3_now_view_set_now_func(), so that one binary covers
 * several instants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "oc3-now-row.h"
#include "oc3-now-view.h"
#include "oc3-resources.h"
#include "oc3-schedule.h"
#include "oc3-time.h"

/* In tests/search/data/oc3-search.schedule.json (Europe/Berlin, UTC+1). */
#define OPENING  "5e4a7c1e-0000-4000-8000-000000000001"
#define RUST_TEE "5e4a7c1e-0000-4000-8000-000000000002"
#define ATTEST   "5e4a7c1e-0000-4000-8000-000000000003"
#define CC_PRACT "5e4a7c1e-0000-4000-8000-000000000004"
#define CLOSING  "5e4a7c1e-0000-4000-8000-000000000007"

#define OC3_NOW_VALUE "2026-03-11T10:20:00+01:00"

static Oc3Conference *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_SOURCE_DIR"), "tests", "search", "data",
                                            "oc3-search.schedule.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference = oc3_schedule_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return conference;
}

static void
wait_for_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

static GDateTime *
fixed_now_cb (gpointer user_data)
{
  return g_date_time_new_from_iso8601 (user_data, NULL);
}

typedef struct
{
  Oc3Conference *conference;
  GtkWindow     *window;
  Oc3NowView    *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->conference = load_fixture ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = OC3_NOW_VIEW (oc3_now_view_new ());

  /* The instant the test names, or the real clock (OC3_NOW) for none. */
  if (data != NULL)
    oc3_now_view_set_now_func (fixture->view, fixed_now_cb, (gpointer) data, NULL);

  gtk_window_set_default_size (fixture->window, 600, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  oc3_now_view_set_conference (fixture->view, fixture->conference, NULL);
  gtk_window_present (fixture->window);
  wait_for_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *window = g_object_ref (fixture->window);

  gtk_window_destroy (window);
  g_assert_finalize_object (window);
  g_clear_object (&fixture->conference);
}

static char *
guids_of (GListModel *talks)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, oc3_talk_get_guid (talk));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The shown row of a talk, or NULL. */
static Oc3NowRow *
find_row (GtkWidget  *widget,
          const char *guid)
{
  if (OC3_IS_NOW_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (oc3_talk_get_guid (oc3_now_row_get_talk (OC3_NOW_ROW (widget))), guid) == 0)
    return OC3_NOW_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Oc3NowRow *row = find_row (child, guid);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The first shown widget of @type under @widget. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_mapped_label (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_mapped_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static AdwStatusPage *
shown_status_page (Fixture *fixture)
{
  return ADW_STATUS_PAGE (find_mapped (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE));
}

static void
talk_activated_cb (Oc3NowView  *view,
                   Oc3Talk     *talk,
                   Oc3Talk    **out)
{
  g_set_object (out, talk);
}

/* With OC3_NOW at 10:20 on the first day: two talks run, one starts at
 * 10:50; the workshop at 11:30 is more than an hour away. */
static void
test_now_from_oc3_now (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autofree char *running = guids_of (oc3_now_view_get_running (fixture->view));
  g_autofree char *upcoming = guids_of (oc3_now_view_get_upcoming (fixture->view));
  g_autoptr (Oc3Talk) activated = NULL;
  Oc3NowRow *rust_row;
  Oc3NowRow *practice_row;
  GtkProgressBar *progress;

  g_assert_cmpstr (running, ==, RUST_TEE " " ATTEST);
  g_assert_cmpstr (upcoming, ==, CC_PRACT);

  g_assert_true (has_mapped_label (view, "Now"));
  g_assert_true (has_mapped_label (view, "Next"));
  /* A test takes seconds, not minutes: rounded up, the counts still hold. */
  g_assert_true (has_mapped_label (view, "ends in 25 min"));
  g_assert_true (has_mapped_label (view, "ends in 40 min"));
  g_assert_true (has_mapped_label (view, "in 30 min"));
  g_assert_null (find_mapped (view, ADW_TYPE_STATUS_PAGE));

  /* 20 of 45 minutes. */
  rust_row = find_row (view, RUST_TEE);
  g_assert_nonnull (rust_row);
  progress = GTK_PROGRESS_BAR (find_mapped (GTK_WIDGET (rust_row), GTK_TYPE_PROGRESS_BAR));
  g_assert_nonnull (progress);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (progress), 20.0 / 45.0, 0.01);

  /* A talk that has not started has no progress bar. */
  practice_row = find_row (view, CC_PRACT);
  g_assert_nonnull (practice_row);
  g_assert_null (find_mapped (GTK_WIDGET (practice_row), GTK_TYPE_PROGRESS_BAR));

  g_signal_connect (fixture->view, "talk-activated", G_CALLBACK (talk_activated_cb), &activated);
  g_signal_emit_by_name (practice_row, "activate");
  g_assert_nonnull (activated);
  g_assert_cmpstr (oc3_talk_get_guid (activated), ==, CC_PRACT);
}

/* Between the first day's last talk and the second day: the next talk, by
 * weekday. */
static void
test_nothing_on_names_next_talk (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwStatusPage *status = shown_status_page (fixture);

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Nothing On Right Now");
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Next: “Why Rust?” on Thursday at 10:00");
  g_assert_cmpuint (g_list_model_get_n_items (oc3_now_view_get_running (fixture->view)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (oc3_now_view_get_upcoming (fixture->view)), ==, 0);
}

static void
test_nothing_on_next_talk_today (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwStatusPage *status = shown_status_page (fixture);

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Next: “Closing” today at 16:00");
}

/* Only "Next": the "Now" heading is not shown. */
static void
test_only_next (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autofree char *upcoming = guids_of (oc3_now_view_get_upcoming (fixture->view));

  g_assert_cmpstr (upcoming, ==, CLOSING);
  g_assert_false (has_mapped_label (view, "Now"));
  g_assert_true (has_mapped_label (view, "Next"));
  g_assert_true (has_mapped_label (view, "in 30 min"));
}

static void
test_conference_over (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwStatusPage *status = shown_status_page (fixture);

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Nothing On Right Now");
  g_assert_cmpstr (adw_status_page_get_description (status), ==, "The conference is over");
}

/* Before the conference, the opening is next. */
static void
test_before_conference (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwStatusPage *status = shown_status_page (fixture);

  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Next: “Opening” on Wednesday at 09:30");
}

static void
test_status_texts (void)
{
  g_autoptr (Oc3Conference) conference = load_fixture ();
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, ATTEST); /* 10:00–11:00 */
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  const struct {
    const char *now;
    const char *status;
  } cases[] = {
    { "2026-03-11T08:30:00+01:00", "at 10:00" },
    { "2026-03-11T09:00:00+01:00", "in 60 min" },
    { "2026-03-11T09:59:30+01:00", "in 1 min" },
    { "2026-03-11T10:00:00+01:00", "ends in 60 min" },
    { "2026-03-11T10:59:01+01:00", "ends in 1 min" },
    { "2026-03-11T11:00:00+01:00", "ended" },
  };

  g_assert_nonnull (talk);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GDateTime) now = g_date_time_new_from_iso8601 (cases[i].now, NULL);
      g_autofree char *status = oc3_now_row_format_status (talk, now, berlin);

      g_assert_cmpstr (status, ==, cases[i].status);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the clock: oc3_time_now() reads it once. */
  g_setenv ("OC3_NOW", OC3_NOW_VALUE, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  oc3_register_resource ();

  g_test_add ("/now-view/from-oc3-now", Fixture, NULL,
              fixture_set_up, test_now_from_oc3_now, fixture_tear_down);
  g_test_add ("/now-view/nothing-on-names-next-talk", Fixture, "2026-03-11T13:30:00+01:00",
              fixture_set_up, test_nothing_on_names_next_talk, fixture_tear_down);
  g_test_add ("/now-view/nothing-on-next-talk-today", Fixture, "2026-03-12T12:00:00+01:00",
              fixture_set_up, test_nothing_on_next_talk_today, fixture_tear_down);
  g_test_add ("/now-view/only-next", Fixture, "2026-03-12T15:30:00+01:00",
              fixture_set_up, test_only_next, fixture_tear_down);
  g_test_add ("/now-view/conference-over", Fixture, "2026-03-12T17:00:00+01:00",
              fixture_set_up, test_conference_over, fixture_tear_down);
  g_test_add ("/now-view/before-conference", Fixture, "2026-03-01T12:00:00+01:00",
              fixture_set_up, test_before_conference, fixture_tear_down);
  g_test_add_func ("/now-view/status-texts", test_status_texts);

  return g_test_run ();
}
