/* test-refresh-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-refresh-policy.h"

static GTimeZone *berlin;

static GDateTime *
at (const char *iso8601)
{
  GDateTime *when = g_date_time_new_from_iso8601 (iso8601, berlin);

  g_assert_nonnull (when);
  return when;
}

static void
assert_time (GDateTime  *actual,
             const char *expected_iso8601)
{
  g_autoptr(GDateTime) expected = at (expected_iso8601);
  g_autofree char *actual_text = g_date_time_format_iso8601 (actual);
  g_autofree char *expected_text = g_date_time_format_iso8601 (expected);

  if (!g_date_time_equal (actual, expected))
    g_error ("expected %s, got %s", expected_text, actual_text);
}

static void
assert_next (Oc3RefreshPolicy *policy,
             const char       *now_iso8601,
             const char       *expected_iso8601)
{
  g_autoptr(GDateTime) now = at (now_iso8601);
  g_autoptr(GDateTime) next = oc3_refresh_policy_get_next_refresh (policy, now);

  assert_time (next, expected_iso8601);
}

/* 38C3-like: four days in Hamburg, in December (CET, UTC+1). */
static Oc3RefreshPolicy *
conference_policy (void)
{
  Oc3RefreshPolicy *policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) start = at ("2024-12-27T10:30:00");
  g_autoptr(GDateTime) end = at ("2024-12-30T18:00:00");

  oc3_refresh_policy_set_conference_dates (policy, start, end);
  return policy;
}

static void
test_never_fetched (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) now = at ("2024-06-01T12:00:00");

  g_assert_cmpint (oc3_refresh_policy_get_interval (policy), ==, G_TIME_SPAN_HOUR);
  g_assert_true (oc3_refresh_policy_is_due (policy, now));
  assert_next (policy, "2024-06-01T12:00:00", "2024-06-01T12:00:00");
}

static void
test_hourly (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) success = at ("2024-06-01T12:00:00");
  g_autoptr(GDateTime) before = at ("2024-06-01T12:59:59");
  g_autoptr(GDateTime) on_time = at ("2024-06-01T13:00:00");
  g_autoptr(GDateTime) later = at ("2024-06-02T09:00:00");

  oc3_refresh_policy_record_success (policy, success);
  g_assert_false (oc3_refresh_policy_is_due (policy, success));
  g_assert_false (oc3_refresh_policy_is_due (policy, before));
  g_assert_true (oc3_refresh_policy_is_due (policy, on_time));
  g_assert_true (oc3_refresh_policy_is_due (policy, later));
  assert_next (policy, "2024-06-01T12:10:00", "2024-06-01T13:00:00");
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, before), ==,
                   G_TIME_SPAN_HOUR);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_configured_interval (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) success = at ("2024-06-01T12:00:00");
  guint notified = 0;

  g_signal_connect (policy, "notify::interval", G_CALLBACK (count_cb), &notified);

  oc3_refresh_policy_set_interval (policy, 6 * G_TIME_SPAN_HOUR);
  oc3_refresh_policy_set_interval (policy, 6 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (notified, ==, 1);

  oc3_refresh_policy_record_success (policy, success);
  assert_next (policy, "2024-06-01T12:00:00", "2024-06-01T18:00:00");
}

static void
test_conference_days (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = conference_policy ();
  g_autoptr(GDateTime) success = at ("2024-12-28T12:00:00");
  g_autoptr(GDateTime) first_midnight = at ("2024-12-27T00:00:00");
  g_autoptr(GDateTime) last_minute = at ("2024-12-30T23:59:59");
  g_autoptr(GDateTime) day_after = at ("2024-12-31T00:00:00");
  g_autoptr(GDateTime) day_before = at ("2024-12-26T23:59:59");
  /* 23:30 UTC on the last day is already the next day in Hamburg. */
  g_autoptr(GDateTime) utc_late = g_date_time_new_from_iso8601 ("2024-12-30T23:30:00Z", NULL);

  oc3_refresh_policy_record_success (policy, success);
  assert_next (policy, "2024-12-28T12:05:00", "2024-12-28T12:15:00");

  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, first_midnight), ==,
                   15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, last_minute), ==,
                   15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, day_after), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, day_before), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, utc_late), ==,
                   G_TIME_SPAN_HOUR);
}

static void
test_conference_begins (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = conference_policy ();
  g_autoptr(GDateTime) evening_before = at ("2024-12-26T23:30:00");
  g_autoptr(GDateTime) last_evening = at ("2024-12-30T23:50:00");

  /* The first day's first refresh is at its midnight, not at 00:30. */
  oc3_refresh_policy_record_success (policy, evening_before);
  assert_next (policy, "2024-12-26T23:31:00", "2024-12-27T00:00:00");

  /* A refresh late on the last day still comes 15 minutes later; after
   * that, hourly again. */
  oc3_refresh_policy_record_success (policy, last_evening);
  assert_next (policy, "2024-12-30T23:51:00", "2024-12-31T00:05:00");
}

static void
test_short_configured_interval_wins (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = conference_policy ();
  g_autoptr(GDateTime) success = at ("2024-12-28T12:00:00");

  oc3_refresh_policy_set_interval (policy, 5 * G_TIME_SPAN_MINUTE);
  oc3_refresh_policy_record_success (policy, success);
  assert_next (policy, "2024-12-28T12:00:00", "2024-12-28T12:05:00");
}

static void
test_backoff (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) success = at ("2024-06-01T10:00:00");
  g_autoptr(GDateTime) attempt = at ("2024-06-01T11:00:00");
  const int expected_minutes[] = { 1, 2, 4, 8, 16, 32, 60, 60, 60 };

  oc3_refresh_policy_record_success (policy, success);

  for (guint i = 0; i < G_N_ELEMENTS (expected_minutes); i++)
    {
      g_autoptr(GDateTime) next = NULL;
      g_autoptr(GDateTime) almost = NULL;
      g_autoptr(GDateTime) expected = NULL;

      oc3_refresh_policy_record_failure (policy, attempt);
      g_assert_cmpuint (oc3_refresh_policy_get_consecutive_errors (policy), ==, i + 1);

      next = oc3_refresh_policy_get_next_refresh (policy, attempt);
      expected = g_date_time_add_minutes (attempt, expected_minutes[i]);
      g_assert_true (g_date_time_equal (next, expected));

      almost = g_date_time_add_seconds (expected, -1);
      g_assert_false (oc3_refresh_policy_is_due (policy, almost));
      g_assert_true (oc3_refresh_policy_is_due (policy, expected));
    }

  /* One success ends the back-off. */
  oc3_refresh_policy_record_success (policy, attempt);
  g_assert_cmpuint (oc3_refresh_policy_get_consecutive_errors (policy), ==, 0);
  assert_next (policy, "2024-06-01T11:00:00", "2024-06-01T12:00:00");
}

static void
test_backoff_during_conference (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = conference_policy ();
  g_autoptr(GDateTime) attempt = at ("2024-12-28T12:00:00");
  const int expected_minutes[] = { 1, 2, 4, 8, 15, 15 };

  for (guint i = 0; i < G_N_ELEMENTS (expected_minutes); i++)
    {
      g_autoptr(GDateTime) next = NULL;
      g_autoptr(GDateTime) expected = NULL;

      oc3_refresh_policy_record_failure (policy, attempt);
      next = oc3_refresh_policy_get_next_refresh (policy, attempt);
      expected = g_date_time_add_minutes (attempt, expected_minutes[i]);
      g_assert_true (g_date_time_equal (next, expected));
    }
}

static void
test_backoff_no_overflow (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) attempt = at ("2024-06-01T11:00:00");

  oc3_refresh_policy_set_last_attempt (policy, attempt, G_MAXUINT);
  assert_next (policy, "2024-06-01T11:00:00", "2024-06-01T12:00:00");

  oc3_refresh_policy_record_failure (policy, attempt);
  g_assert_cmpuint (oc3_refresh_policy_get_consecutive_errors (policy), ==, G_MAXUINT);
}

static void
test_failure_without_success (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) attempt = at ("2024-06-01T11:00:00");

  /* The first start ever, offline: retry soon, not in an hour. */
  oc3_refresh_policy_record_failure (policy, attempt);
  g_assert_null (oc3_refresh_policy_get_last_success (policy));
  assert_next (policy, "2024-06-01T11:00:00", "2024-06-01T11:01:00");
}

static void
test_clock_set_back (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) future = at ("2030-01-01T00:00:00");
  g_autoptr(GDateTime) now = at ("2024-06-01T11:00:00");

  oc3_refresh_policy_record_success (policy, future);
  g_assert_true (oc3_refresh_policy_is_due (policy, now));

  oc3_refresh_policy_record_failure (policy, future);
  g_assert_true (oc3_refresh_policy_is_due (policy, now));
}

static void
test_daylight_saving (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  /* Clocks in Berlin go forward at 02:00 on 2024-03-31, so the conference's
   * last day ends at 22:00 UTC, not 23:00. */
  g_autoptr(GDateTime) start = at ("2024-03-30T09:00:00");
  g_autoptr(GDateTime) end = at ("2024-03-31T17:00:00");
  g_autoptr(GDateTime) inside = g_date_time_new_from_iso8601 ("2024-03-31T21:59:59Z", NULL);
  g_autoptr(GDateTime) outside = g_date_time_new_from_iso8601 ("2024-03-31T22:00:00Z", NULL);
  g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 ("2024-03-29T23:00:00Z", NULL);
  g_autoptr(GDateTime) before_first = g_date_time_new_from_iso8601 ("2024-03-29T22:59:59Z", NULL);

  oc3_refresh_policy_set_conference_dates (policy, start, end);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, inside), ==,
                   15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, outside), ==,
                   G_TIME_SPAN_HOUR);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, first), ==,
                   15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, before_first), ==,
                   G_TIME_SPAN_HOUR);
}

static void
test_no_dates (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = conference_policy ();
  g_autoptr(GDateTime) during = at ("2024-12-28T12:00:00");

  oc3_refresh_policy_set_conference_dates (policy, NULL, NULL);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, during), ==,
                   G_TIME_SPAN_HOUR);
}

static void
test_reversed_dates (void)
{
  g_autoptr(Oc3RefreshPolicy) policy = oc3_refresh_policy_new ();
  g_autoptr(GDateTime) start = at ("2024-12-28T10:00:00");
  g_autoptr(GDateTime) end = at ("2024-12-27T10:00:00");
  g_autoptr(GDateTime) start_day = at ("2024-12-28T20:00:00");
  g_autoptr(GDateTime) next_day = at ("2024-12-29T00:00:00");

  /* A broken program must not disable the faster refresh, nor crash. */
  oc3_refresh_policy_set_conference_dates (policy, start, end);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, start_day), ==,
                   15 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_refresh_policy_get_effective_interval (policy, next_day), ==,
                   G_TIME_SPAN_HOUR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/refresh-policy/never-fetched", test_never_fetched);
  g_test_add_func ("/refresh-policy/hourly", test_hourly);
  g_test_add_func ("/refresh-policy/configured-interval", test_configured_interval);
  g_test_add_func ("/refresh-policy/conference-days", test_conference_days);
  g_test_add_func ("/refresh-policy/conference-begins", test_conference_begins);
  g_test_add_func ("/refresh-policy/short-interval-wins", test_short_configured_interval_wins);
  g_test_add_func ("/refresh-policy/backoff", test_backoff);
  g_test_add_func ("/refresh-policy/backoff-during-conference", test_backoff_during_conference);
  g_test_add_func ("/refresh-policy/backoff-no-overflow", test_backoff_no_overflow);
  g_test_add_func ("/refresh-policy/failure-without-success", test_failure_without_success);
  g_test_add_func ("/refresh-policy/clock-set-back", test_clock_set_back);
  g_test_add_func ("/refresh-policy/daylight-saving", test_daylight_saving);
  g_test_add_func ("/refresh-policy/no-dates", test_no_dates);
  g_test_add_func ("/refresh-policy/reversed-dates", test_reversed_dates);

  return g_test_run ();
}
