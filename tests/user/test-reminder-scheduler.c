/* test-reminder-scheduler.c — reminders for starred talks come once, on time,
 * across DST changes, time zones, suspends, moves, cancellations and restarts
 *
 * Every test but the last runs on the manual clock: a conference day takes
 * milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "oc3-reminder-scheduler.h"

#define MINUTE (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)

typedef struct
{
  char                 *dir;
  char                 *path;
  GTimeZone            *zone;
  Oc3Clock             *clock;
  Oc3UserStore         *store;
  Oc3ReminderScheduler *scheduler;
  GPtrArray            *reminders;  /* every Oc3Reminder emitted */
  GArray               *times;      /* the clock's time at each emission */
} Fixture;

static gint64
at (const char *iso8601)
{
  g_autoptr (GDateTime) date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);

  return oc3_clock_instant_from_date_time (date_time);
}

static Oc3ReminderPlan
plan (const char *guid,
      const char *room,
      const char *start,
      const char *end,
      int         lead_minutes)
{
  Oc3ReminderPlan result = {
    .guid = guid,
    .title = guid,
    .room = room,
    .start = at (start),
    .end = at (end),
    .lead_minutes = lead_minutes,
    .enabled = TRUE,
  };

  return result;
}

static void
reminder_due_cb (Oc3ReminderScheduler *scheduler,
                 Oc3Reminder          *reminder,
                 Fixture              *fixture)
{
  gint64 now = oc3_clock_get_now (fixture->clock);

  g_ptr_array_add (fixture->reminders, g_object_ref (reminder));
  g_array_append_val (fixture->times, now);
}

/* Starts "the app": loads the store and makes a scheduler, as after a launch. */
static void
start_app (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  fixture->store = oc3_user_store_new_for_path (fixture->path);
  oc3_user_store_load (fixture->store, &error);
  g_assert_no_error (error);

  fixture->scheduler = oc3_reminder_scheduler_new (fixture->clock, fixture->store);
  oc3_reminder_scheduler_set_display_zone (fixture->scheduler, fixture->zone);
  g_signal_connect (fixture->scheduler, "reminder-due", G_CALLBACK (reminder_due_cb), fixture);
}

static void
stop_app (Fixture *fixture)
{
  g_assert_finalize_object (fixture->scheduler);
  fixture->scheduler = NULL;
  g_assert_finalize_object (fixture->store);
  fixture->store = NULL;
}

static void
restart_app (Fixture *fixture)
{
  stop_app (fixture);
  start_app (fixture);
}

static void
fixture_set_up_at (Fixture    *fixture,
                   const char *now,
                   const char *zone)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("oc3-reminders-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "user.json", NULL);
  fixture->zone = zone != NULL ? g_time_zone_new_identifier (zone) : g_time_zone_new_utc ();
  g_assert_nonnull (fixture->zone);
  fixture->clock = oc3_clock_new_manual (at (now));
  fixture->reminders = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->times = g_array_new (FALSE, FALSE, sizeof (gint64));

  start_app (fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_at (fixture, "2024-06-10T09:00:00Z", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  stop_app (fixture);
  g_assert_finalize_object (fixture->clock);
  g_ptr_array_unref (fixture->reminders);
  g_array_unref (fixture->times);
  g_time_zone_unref (fixture->zone);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
star (Fixture *fixture,
      const char *guid)
{
  oc3_user_store_set_starred (fixture->store, guid, TRUE);
}

static void
set_talks (Fixture               *fixture,
           const Oc3ReminderPlan *plans,
           gsize                  n_plans)
{
  oc3_reminder_scheduler_set_talks (fixture->scheduler, plans, n_plans);
}

static void
assert_reminder (Fixture         *fixture,
                 guint            index,
                 Oc3ReminderKind  kind,
                 const char      *guid,
                 const char      *title,
                 const char      *body,
                 const char      *shown_at)
{
  Oc3Reminder *reminder;
  g_autofree char *notification_id = g_strconcat ("talk-", guid, NULL);

  g_assert_cmpuint (index, <, fixture->reminders->len);
  reminder = g_ptr_array_index (fixture->reminders, index);

  g_assert_cmpstr (oc3_reminder_get_guid (reminder), ==, guid);
  g_assert_cmpint (oc3_reminder_get_kind (reminder), ==, kind);
  g_assert_cmpstr (oc3_reminder_get_title (reminder), ==, title);
  if (body != NULL)
    g_assert_cmpstr (oc3_reminder_get_body (reminder), ==, body);
  g_assert_cmpstr (oc3_reminder_get_notification_id (reminder), ==, notification_id);
  g_assert_cmpint (g_array_index (fixture->times, gint64, index), ==, at (shown_at));
}

/* Time zones and DST -------------------------------------------------------- */

/* 2024-03-31 in Berlin: 02:00 CET becomes 03:00 CEST. A talk at 03:30 CEST
 * is 01:30 UTC; ten minutes before is 01:20 UTC (03:20 CEST), not "02:20",
 * which does not exist that night. */
static void
test_dst_spring_forward (void)
{
  Fixture fixture = { 0 };
  Oc3ReminderPlan plans[2];

  fixture_set_up_at (&fixture, "2024-03-30T23:00:00Z", "Europe/Berlin");

  plans[0] = plan ("spring", "Room 1", "2024-03-31T03:30:00+02:00",
                   "2024-03-31T04:00:00+02:00", 10);
  /* Starts before the gap and ends after it. */
  plans[1] = plan ("gap", "Hall", "2024-03-31T01:50:00+01:00", "2024-03-31T03:30:00+02:00", 30);
  star (&fixture, "spring");
  star (&fixture, "gap");
  set_talks (&fixture, plans, G_N_ELEMENTS (plans));

  g_assert_true (oc3_reminder_scheduler_get_has_pending (fixture.scheduler));
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture.scheduler), ==,
                   at ("2024-03-31T00:20:00Z"));

  oc3_clock_advance (fixture.clock, 24 * HOUR);

  g_assert_cmpuint (fixture.reminders->len, ==, 2);
  assert_reminder (&fixture, 0, OC3_REMINDER_UPCOMING, "gap", "In 30 min: gap",
                   "Hall · 01:50–03:30", "2024-03-31T00:20:00Z");
  assert_reminder (&fixture, 1, OC3_REMINDER_UPCOMING, "spring", "In 10 min: spring",
                   "Room 1 · 03:30–04:00", "2024-03-31T01:20:00Z");
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture.scheduler));
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture.scheduler), ==, 0);

  fixture_tear_down (&fixture, NULL);
}

/* 2024-10-27 in Berlin: 02:30 happens twice. The program gives instants, and
 * each talk is reminded of at its own. */
static void
test_dst_fall_back (void)
{
  Fixture fixture = { 0 };
  Oc3ReminderPlan plans[2];

  fixture_set_up_at (&fixture, "2024-10-26T22:00:00Z", "Europe/Berlin");

  plans[0] = plan ("first", "R", "2024-10-27T02:30:00+02:00", "2024-10-27T02:50:00+02:00", 10);
  plans[1] = plan ("second", "R", "2024-10-27T02:30:00+01:00", "2024-10-27T02:50:00+01:00", 10);
  star (&fixture, "first");
  star (&fixture, "second");
  set_talks (&fixture, plans, G_N_ELEMENTS (plans));

  oc3_clock_advance (fixture.clock, 24 * HOUR);

  g_assert_cmpuint (fixture.reminders->len, ==, 2);
  assert_reminder (&fixture, 0, OC3_REMINDER_UPCOMING, "first", "In 10 min: first",
                   "R · 02:30–02:50", "2024-10-27T00:20:00Z");
  assert_reminder (&fixture, 1, OC3_REMINDER_UPCOMING, "second", "In 10 min: second",
                   "R · 02:30–02:50", "2024-10-27T01:20:00Z");

  fixture_tear_down (&fixture, NULL);
}

/* A conference in New York, a user anywhere: the display zone changes the
 * text only, never the due instant. */
static void
test_other_zone (void)
{
  const struct {
    const char *zone;
    const char *body;
  } cases[] = {
    { "America/New_York", "Main · 09:00–10:00" },
    { "Europe/Berlin", "Main · 15:00–16:00" },
    { NULL, "Main · 14:00–15:00" },  /* the local zone: TZ=UTC in the tests */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };
      Oc3ReminderPlan plans[1];
      g_autoptr (GTimeZone) zone = NULL;

      fixture_set_up_at (&fixture, "2024-11-05T12:00:00Z", "America/New_York");
      if (cases[i].zone != NULL)
        zone = g_time_zone_new_identifier (cases[i].zone);
      oc3_reminder_scheduler_set_display_zone (fixture.scheduler, zone);

      plans[0] = plan ("nyc", "Main", "2024-11-05T09:00:00-05:00", "2024-11-05T10:00:00-05:00",
                       15);
      star (&fixture, "nyc");
      set_talks (&fixture, plans, 1);
      g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture.scheduler), ==,
                       at ("2024-11-05T13:45:00Z"));

      oc3_clock_advance (fixture.clock, 6 * HOUR);
      g_assert_cmpuint (fixture.reminders->len, ==, 1);
      assert_reminder (&fixture, 0, OC3_REMINDER_UPCOMING, "nyc", "In 15 min: nyc",
                       cases[i].body, "2024-11-05T13:45:00Z");

      fixture_tear_down (&fixture, NULL);
    }
}

/* Suspend, missed reminders --------------------------------------------------- */

static const Oc3ReminderPlan *
day_plans (gsize *n_plans)
{
  static Oc3ReminderPlan plans[5];

  plans[0] = plan ("t1", "A", "2024-06-10T09:30:00Z", "2024-06-10T10:00:00Z", 10);
  plans[1] = plan ("t2", "A", "2024-06-10T10:00:00Z", "2024-06-10T11:30:00Z", 10);
  plans[2] = plan ("t3", "B", "2024-06-10T11:00:00Z", "2024-06-10T11:45:00Z", 10);
  plans[3] = plan ("t4", "C", "2024-06-10T11:10:00Z", "2024-06-10T12:00:00Z", 10);
  plans[4] = plan ("t5", "A", "2024-06-10T12:00:00Z", "2024-06-10T12:30:00Z", 10);
  *n_plans = G_N_ELEMENTS (plans);

  return plans;
}

/* The machine sleeps from 09:00 to 11:05 through four due times: each talk
 * not over yet gets exactly one reminder at wake-up, saying how things
 * stand; the one that ended gets none. */
static void
test_suspend_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  const Oc3ReminderPlan *plans;
  gsize n_plans;

  plans = day_plans (&n_plans);
  for (gsize i = 0; i < n_plans; i++)
    star (fixture, plans[i].guid);
  set_talks (fixture, plans, n_plans);
  g_assert_cmpuint (fixture->reminders->len, ==, 0);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:20:00Z"));

  oc3_clock_set_now (fixture->clock, at ("2024-06-10T11:05:00Z"));

  g_assert_cmpuint (fixture->reminders->len, ==, 3);
  assert_reminder (fixture, 0, OC3_REMINDER_STARTED, "t2", "Started 65 min ago: t2",
                   "A · 10:00–11:30", "2024-06-10T11:05:00Z");
  assert_reminder (fixture, 1, OC3_REMINDER_STARTED, "t3", "Started 5 min ago: t3",
                   "B · 11:00–11:45", "2024-06-10T11:05:00Z");
  assert_reminder (fixture, 2, OC3_REMINDER_UPCOMING, "t4", "In 5 min: t4",
                   "C · 11:10–12:00", "2024-06-10T11:05:00Z");
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T11:50:00Z"));

  /* Waking up again, or the next alarm, repeats none of them. */
  oc3_clock_set_now (fixture->clock, at ("2024-06-10T11:06:00Z"));
  oc3_clock_advance (fixture->clock, 2 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 4);
  assert_reminder (fixture, 3, OC3_REMINDER_UPCOMING, "t5", "In 10 min: t5", NULL,
                   "2024-06-10T11:50:00Z");

  restart_app (fixture);
  set_talks (fixture, plans, n_plans);
  g_assert_cmpuint (fixture->reminders->len, ==, 4);
}

/* OC3 was not running at the due time: started at 10:04. */
static void
test_missed_at_start_up (Fixture       *fixture,
                         gconstpointer  data)
{
  Oc3ReminderPlan plans[4];

  plans[0] = plan ("started", "A", "2024-06-10T10:00:00Z", "2024-06-10T11:00:00Z", 10);
  plans[1] = plan ("soon", "B", "2024-06-10T10:06:00Z", "2024-06-10T10:30:00Z", 10);
  plans[2] = plan ("over", "A", "2024-06-10T09:00:00Z", "2024-06-10T09:30:00Z", 10);
  plans[3] = plan ("later", "A", "2024-06-10T12:00:00Z", "2024-06-10T13:00:00Z", 10);

  /* Starred in an earlier run. */
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    star (fixture, plans[i].guid);
  stop_app (fixture);

  oc3_clock_set_now (fixture->clock, at ("2024-06-10T10:04:00Z"));
  start_app (fixture);
  set_talks (fixture, plans, G_N_ELEMENTS (plans));

  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 0, OC3_REMINDER_STARTED, "started", "Started 4 min ago: started",
                   "A · 10:00–11:00", "2024-06-10T10:04:00Z");
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "soon", "In 2 min: soon",
                   "B · 10:06–10:30", "2024-06-10T10:04:00Z");
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T11:50:00Z"));

  /* Delivered once: not again after another restart. */
  restart_app (fixture);
  set_talks (fixture, plans, G_N_ELEMENTS (plans));
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
}

static void
test_no_duplicate_after_restart (Fixture       *fixture,
                                 gconstpointer  data)
{
  Oc3ReminderPlan plans[2];

  plans[0] = plan ("t", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  plans[1] = plan ("v", "A", "2024-06-10T11:00:00Z", "2024-06-10T11:30:00Z", 10);
  star (fixture, "t");
  star (fixture, "v");
  set_talks (fixture, plans, 2);

  oc3_clock_advance (fixture->clock, 55 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);

  /* Quit and start again at once, and an hour later. */
  restart_app (fixture);
  set_talks (fixture, plans, 2);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T10:50:00Z"));

  oc3_clock_advance (fixture->clock, 55 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "v", "In 10 min: v", NULL,
                   "2024-06-10T10:50:00Z");

  restart_app (fixture);
  set_talks (fixture, plans, 2);
  oc3_clock_advance (fixture->clock, 2 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));
}

/* Program changes ------------------------------------------------------------- */

static void
test_moved (Fixture       *fixture,
            gconstpointer  data)
{
  Oc3ReminderPlan before[2], later[1], other_room[1], other_day[1];

  before[0] = plan ("moving", "Room A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  before[1] = plan ("staying", "Room B", "2024-06-10T16:00:00Z", "2024-06-10T16:30:00Z", 10);
  later[0] = plan ("moving", "Room A", "2024-06-10T10:30:00Z", "2024-06-10T11:00:00Z", 10);
  other_room[0] = plan ("moving", "Room B", "2024-06-10T10:30:00Z", "2024-06-10T11:00:00Z", 10);
  other_day[0] = plan ("moving", "Room B", "2024-06-11T10:30:00Z", "2024-06-11T11:00:00Z", 10);

  star (fixture, "moving");
  set_talks (fixture, before, 2);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:50:00Z"));

  /* Half an hour later: one notice, and the reminder moves along. */
  oc3_clock_advance (fixture->clock, 30 * MINUTE);
  set_talks (fixture, later, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  assert_reminder (fixture, 0, OC3_REMINDER_MOVED, "moving", "Starred talk moved: moving",
                   "Room A · 10:30–11:00", "2024-06-10T09:30:00Z");
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T10:20:00Z"));

  /* The same program again: nothing new. */
  set_talks (fixture, later, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);

  oc3_clock_advance (fixture->clock, 55 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "moving", "In 10 min: moving", NULL,
                   "2024-06-10T10:20:00Z");

  /* Another room, same time: a notice; the reminder was already shown. */
  set_talks (fixture, other_room, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 3);
  assert_reminder (fixture, 2, OC3_REMINDER_MOVED, "moving", "Starred talk moved: moving",
                   "Room B · 10:30–11:00", "2024-06-10T10:25:00Z");

  /* Moved by a day: the body says which. */
  set_talks (fixture, other_day, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 4);
  assert_reminder (fixture, 3, OC3_REMINDER_MOVED, "moving", "Starred talk moved: moving",
                   "Room B · Tue 10:30–11:00", "2024-06-10T10:25:00Z");

  /* Not announced again after a restart. */
  restart_app (fixture);
  set_talks (fixture, other_day, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 4);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-11T10:20:00Z"));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  Oc3ReminderPlan both[2], without[1];
  g_autofree char *title = NULL;

  both[0] = plan ("gone", "Room A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  both[1] = plan ("kept", "Room B", "2024-06-10T11:00:00Z", "2024-06-10T11:30:00Z", 10);
  without[0] = both[1];

  star (fixture, "gone");
  star (fixture, "kept");
  set_talks (fixture, both, 2);

  set_talks (fixture, without, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  assert_reminder (fixture, 0, OC3_REMINDER_CANCELLED, "gone", "Cancelled: gone",
                   "Room A · 10:00–10:30", "2024-06-10T09:00:00Z");

  /* Still starred and remembered, for "no longer in the program". */
  g_assert_true (oc3_user_store_is_starred (fixture->store, "gone"));
  g_assert_true (oc3_user_store_lookup_talk (fixture->store, "gone", &title, NULL, NULL, NULL));
  g_assert_cmpstr (title, ==, "gone");

  /* Once: not for the same program again, nor after a restart. */
  set_talks (fixture, without, 1);
  restart_app (fixture);
  set_talks (fixture, without, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);

  /* An empty program is no program, not every talk cancelled. */
  set_talks (fixture, NULL, 0);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  set_talks (fixture, without, 1);

  /* No reminder for it either; the other one still comes. */
  oc3_clock_advance (fixture->clock, 3 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "kept", "In 10 min: kept", NULL,
                   "2024-06-10T10:50:00Z");
}

/* Back in the program, unchanged: no notice, and its reminder comes again. */
static void
test_cancelled_and_back (Fixture       *fixture,
                         gconstpointer  data)
{
  Oc3ReminderPlan both[2], without[1];

  both[0] = plan ("flaky", "Room A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  both[1] = plan ("kept", "Room B", "2024-06-10T11:00:00Z", "2024-06-10T11:30:00Z", 10);
  without[0] = both[1];

  star (fixture, "flaky");
  set_talks (fixture, both, 2);
  set_talks (fixture, without, 1);
  set_talks (fixture, both, 2);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  g_assert_false (oc3_user_store_get_cancel_notified (fixture->store, "flaky"));

  oc3_clock_advance (fixture->clock, HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "flaky", "In 10 min: flaky", NULL,
                   "2024-06-10T09:50:00Z");
}

/* What the user sets ---------------------------------------------------------- */

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  Oc3ReminderPlan plans[1];

  plans[0] = plan ("t", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  star (fixture, "t");
  set_talks (fixture, plans, 1);

  oc3_clock_advance (fixture->clock, 50 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));

  g_assert_true (oc3_reminder_scheduler_snooze (fixture->scheduler, "t", 5));
  g_assert_true (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:55:00Z"));

  oc3_clock_advance (fixture->clock, 10 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_SNOOZED, "t", "In 5 min: t", "A · 10:00–10:30",
                   "2024-06-10T09:55:00Z");

  /* Snoozed again, then OC3 restarts before it is due: it still comes, once. */
  g_assert_true (oc3_reminder_scheduler_snooze (fixture->scheduler, "t", 5));
  restart_app (fixture);
  set_talks (fixture, plans, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  oc3_clock_advance (fixture->clock, 10 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 3);
  assert_reminder (fixture, 2, OC3_REMINDER_SNOOZED, "t", "Started 5 min ago: t", NULL,
                   "2024-06-10T10:05:00Z");
  restart_app (fixture);
  set_talks (fixture, plans, 1);
  g_assert_cmpuint (fixture->reminders->len, ==, 3);

  /* Not past the end, not for unknown talks. */
  g_assert_false (oc3_reminder_scheduler_snooze (fixture->scheduler, "t", 30));
  g_assert_false (oc3_reminder_scheduler_snooze (fixture->scheduler, "unknown", 5));
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  Oc3ReminderPlan plans[3];

  plans[0] = plan ("off", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  plans[1] = plan ("app-off", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  plans[1].enabled = FALSE;
  plans[2] = plan ("not-starred", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);

  star (fixture, "off");
  star (fixture, "app-off");
  oc3_user_store_set_reminder_enabled (fixture->store, "off", FALSE);
  set_talks (fixture, plans, G_N_ELEMENTS (plans));
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));

  oc3_clock_advance (fixture->clock, 30 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 0);

  /* Turned on again before it is due. */
  oc3_user_store_set_reminder_enabled (fixture->store, "off", TRUE);
  g_assert_true (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:50:00Z"));
  oc3_clock_advance (fixture->clock, 2 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  assert_reminder (fixture, 0, OC3_REMINDER_UPCOMING, "off", "In 10 min: off", NULL,
                   "2024-06-10T09:50:00Z");
}

static void
test_lead_time (Fixture       *fixture,
                gconstpointer  data)
{
  Oc3ReminderPlan plans[4];

  plans[0] = plan ("t", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", -1);
  plans[1] = plan ("default", "A", "2024-06-10T12:00:00Z", "2024-06-10T12:30:00Z", -1);
  plans[2] = plan ("app-lead", "A", "2024-06-10T13:00:00Z", "2024-06-10T13:30:00Z", 15);
  plans[3] = plan ("at-start", "A", "2024-06-10T14:00:00Z", "2024-06-10T14:30:00Z", 0);
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    star (fixture, plans[i].guid);
  set_talks (fixture, plans, G_N_ELEMENTS (plans));

  /* The default is 10 minutes. */
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:50:00Z"));

  /* The user's choice for the talk re-plans at once. */
  oc3_user_store_set_lead_minutes (fixture->store, "t", 30);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T09:30:00Z"));
  oc3_clock_advance (fixture->clock, 35 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  assert_reminder (fixture, 0, OC3_REMINDER_UPCOMING, "t", "In 30 min: t", NULL,
                   "2024-06-10T09:30:00Z");

  /* Longer still, after it was shown: it is not shown a second time… */
  oc3_user_store_set_lead_minutes (fixture->store, "t", 45);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  /* …but a later reminder the user asks for comes. */
  oc3_user_store_set_lead_minutes (fixture->store, "t", 5);
  oc3_clock_advance (fixture->clock, 25 * MINUTE);
  g_assert_cmpuint (fixture->reminders->len, ==, 2);
  assert_reminder (fixture, 1, OC3_REMINDER_UPCOMING, "t", "In 5 min: t", NULL,
                   "2024-06-10T09:55:00Z");

  /* A new default re-plans the talks without a choice of their own. */
  oc3_reminder_scheduler_set_default_lead_minutes (fixture->scheduler, 20);
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T11:40:00Z"));

  oc3_clock_advance (fixture->clock, 6 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 5);
  assert_reminder (fixture, 2, OC3_REMINDER_UPCOMING, "default", "In 20 min: default", NULL,
                   "2024-06-10T11:40:00Z");
  assert_reminder (fixture, 3, OC3_REMINDER_UPCOMING, "app-lead", "In 15 min: app-lead", NULL,
                   "2024-06-10T12:45:00Z");
  /* Lead 0: at the start. */
  assert_reminder (fixture, 4, OC3_REMINDER_UPCOMING, "at-start", "Starting now: at-start",
                   NULL, "2024-06-10T14:00:00Z");
}

/* Starring a talk whose reminder time has come: the user is looking at it,
 * so no reminder pops up; later talks are planned as usual. */
static void
test_starred_late (Fixture       *fixture,
                   gconstpointer  data)
{
  Oc3ReminderPlan plans[2];

  oc3_clock_set_now (fixture->clock, at ("2024-06-10T09:55:00Z"));
  plans[0] = plan ("now", "A", "2024-06-10T10:00:00Z", "2024-06-10T10:30:00Z", 10);
  plans[1] = plan ("later", "A", "2024-06-10T11:00:00Z", "2024-06-10T11:30:00Z", 10);
  set_talks (fixture, plans, 2);
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));

  star (fixture, "now");
  star (fixture, "later");
  g_assert_cmpuint (fixture->reminders->len, ==, 0);
  g_assert_true (oc3_user_store_lookup_talk (fixture->store, "now", NULL, NULL, NULL, NULL));
  g_assert_cmpint (oc3_reminder_scheduler_get_next_due (fixture->scheduler), ==,
                   at ("2024-06-10T10:50:00Z"));

  oc3_clock_advance (fixture->clock, 2 * HOUR);
  g_assert_cmpuint (fixture->reminders->len, ==, 1);
  assert_reminder (fixture, 0, OC3_REMINDER_UPCOMING, "later", "In 10 min: later", NULL,
                   "2024-06-10T10:50:00Z");
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A whole conference day at once: every starred talk's reminder exactly at
 * its due instant, in order; has-pending follows. */
static void
test_whole_day (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) guids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) plans = g_array_new (FALSE, FALSE, sizeof (Oc3ReminderPlan));
  gint64 day = at ("2024-06-10T09:00:00Z");
  guint notified = 0;
  guint n_starred = 0;

  oc3_clock_set_now (fixture->clock, at ("2024-06-10T00:00:00Z"));
  g_signal_connect (fixture->scheduler, "notify::has-pending", G_CALLBACK (notify_cb), &notified);

  for (int i = 0; i < 20; i++)
    {
      Oc3ReminderPlan talk = { 0 };
      char *guid = g_strdup_printf ("talk-%02d", i);

      g_ptr_array_add (guids, guid);
      talk.guid = guid;
      talk.title = guid;
      talk.room = i % 2 ? "Room A" : "Room B";
      talk.start = day + i * 30 * MINUTE;
      talk.end = talk.start + 25 * MINUTE;
      talk.lead_minutes = -1;
      talk.enabled = TRUE;
      g_array_append_val (plans, talk);

      if (i % 3 == 0)
        {
          star (fixture, guid);
          oc3_user_store_set_lead_minutes (fixture->store, guid, (i % 4) * 5);
          n_starred++;
        }
    }

  set_talks (fixture, (Oc3ReminderPlan *) plans->data, plans->len);
  g_assert_true (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));
  g_assert_cmpuint (notified, ==, 1);

  oc3_clock_advance (fixture->clock, 24 * HOUR);

  g_assert_cmpuint (fixture->reminders->len, ==, n_starred);
  for (guint k = 0; k < fixture->reminders->len; k++)
    {
      Oc3Reminder *reminder = g_ptr_array_index (fixture->reminders, k);
      int i = (int) k * 3;
      gint64 due = day + i * 30 * MINUTE - (i % 4) * 5 * MINUTE;

      g_assert_cmpstr (oc3_reminder_get_guid (reminder), ==, g_ptr_array_index (guids, i));
      g_assert_cmpint (oc3_reminder_get_due (reminder), ==, due);
      g_assert_cmpint (g_array_index (fixture->times, gint64, k), ==, due);
      g_assert_cmpint (oc3_reminder_get_kind (reminder), ==, OC3_REMINDER_UPCOMING);
    }
  g_assert_false (oc3_reminder_scheduler_get_has_pending (fixture->scheduler));
  g_assert_cmpuint (notified, ==, 2);
}

static void
collect_cb (Oc3ReminderScheduler *scheduler,
            Oc3Reminder          *reminder,
            GPtrArray            *reminders)
{
  g_ptr_array_add (reminders, g_object_ref (reminder));
}

/* The system clock: a reminder due in 200 ms comes from the main loop. */
static void
test_system_clock (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = g_dir_make_tmp ("oc3-reminders-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "user.json", NULL);
  g_autoptr (Oc3Clock) clock = oc3_clock_new ();
  g_autoptr (Oc3UserStore) store = oc3_user_store_new_for_path (path);
  g_autoptr (Oc3ReminderScheduler) scheduler = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 start = oc3_clock_get_now (clock) + 10 * MINUTE + 200 * 1000;
  Oc3ReminderPlan plans[1] = {
    { "t", "t", "A", start, start + 30 * MINUTE, 10, TRUE },
  };

  g_assert_no_error (error);
  scheduler = oc3_reminder_scheduler_new (clock, store);
  g_signal_connect (scheduler, "reminder-due", G_CALLBACK (collect_cb), reminders);
  oc3_user_store_set_starred (store, "t", TRUE);
  oc3_reminder_scheduler_set_talks (scheduler, plans, 1);
  g_assert_cmpuint (reminders->len, ==, 0);

  while (reminders->len == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (oc3_reminder_get_title (g_ptr_array_index (reminders, 0)), ==,
                   "In 10 min: t");
  g_assert_cmpint (g_get_real_time (), >=, start - 10 * MINUTE);

  g_clear_object (&scheduler);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reminders/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/reminders/dst/spring-forward", test_dst_spring_forward);
  g_test_add_func ("/reminders/dst/fall-back", test_dst_fall_back);
  g_test_add_func ("/reminders/other-zone", test_other_zone);
  ADD ("suspend-gap", test_suspend_gap);
  ADD ("missed-at-start-up", test_missed_at_start_up);
  ADD ("no-duplicate-after-restart", test_no_duplicate_after_restart);
  ADD ("moved", test_moved);
  ADD ("cancelled", test_cancelled);
  ADD ("cancelled-and-back", test_cancelled_and_back);
  ADD ("snooze", test_snooze);
  ADD ("disabled", test_disabled);
  ADD ("lead-time", test_lead_time);
  ADD ("starred-late", test_starred_late);
  ADD ("whole-day", test_whole_day);
  g_test_add_func ("/reminders/system-clock", test_system_clock);

#undef ADD

  return g_test_run ();
}
