/* test-time.c — times as attendees read them, and the OC3_NOW override.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-time.h"

static GDateTime *
instant (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static void
test_clock_and_range_follow_the_zone (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GDateTime) start = instant ("2024-03-13T09:00:00Z");
  g_autoptr (GDateTime) end = instant ("2024-03-13T09:45:00Z");
  g_autofree char *berlin_range = oc3_time_format_range (start, end, berlin);
  g_autofree char *new_york_range = oc3_time_format_range (start, end, new_york);
  g_autofree char *zero_length = oc3_time_format_range (start, start, berlin);

  g_assert_cmpstr (berlin_range, ==, "10:00–10:45");
  g_assert_cmpstr (new_york_range, ==, "05:00–05:45");
  g_assert_cmpstr (zero_length, ==, "10:00");
}

static void
test_zone_label_and_dst (void)
{
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) winter = instant ("2024-03-13T09:00:00Z");
  g_autoptr (GDateTime) summer = instant ("2024-04-02T09:00:00Z");
  g_autofree char *winter_label = oc3_time_format_zone (berlin, winter);
  g_autofree char *summer_label = oc3_time_format_zone (berlin, summer);
  g_autofree char *after_switch = NULL;
  g_autoptr (GDateTime) just_after = instant ("2024-03-31T01:30:00Z");

  g_assert_cmpstr (winter_label, ==, "CET (UTC+01:00)");
  g_assert_cmpstr (summer_label, ==, "CEST (UTC+02:00)");

  /* 01:30 UTC on the spring-forward day is 03:30 in Berlin, not 02:30. */
  after_switch = oc3_time_format_clock (just_after, berlin);
  g_assert_cmpstr (after_switch, ==, "03:30");

  g_assert_true (oc3_time_zones_differ_at (berlin, utc, winter));
  g_assert_false (oc3_time_zones_differ_at (utc, utc, winter));
}

static void
test_now_override (void)
{
  g_autoptr (GDateTime) parsed = NULL;
  g_autoptr (GDateTime) expected = instant ("2024-03-13T09:55:00Z");

  g_assert_true (oc3_time_parse_now_override ("2024-03-13T10:55:00+01:00", &parsed));
  g_assert_true (g_date_time_equal (parsed, expected));

  g_assert_false (oc3_time_parse_now_override ("13 March 2024", &parsed));
  g_assert_false (oc3_time_parse_now_override ("", &parsed));
  g_assert_false (oc3_time_parse_now_override (NULL, &parsed));
}

static void
test_now_flows_from_the_override (void)
{
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autoptr (GDateTime) override = instant ("2024-03-13T10:55:00+01:00");
  GTimeSpan drift;

  g_setenv ("OC3_NOW", "2024-03-13T10:55:00+01:00", TRUE);
  first = oc3_time_now ();
  g_usleep (20 * 1000);
  later = oc3_time_now ();

  drift = g_date_time_difference (first, override);
  g_assert_cmpint (drift, >=, 0);
  g_assert_cmpint (drift, <, 5 * G_TIME_SPAN_SECOND);
  /* Time goes on from the override: reminders due after it still come. */
  g_assert_cmpint (g_date_time_difference (later, first), >=, 15 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/clock-and-range-follow-the-zone", test_clock_and_range_follow_the_zone);
  g_test_add_func ("/time/zone-label-and-dst", test_zone_label_and_dst);
  g_test_add_func ("/time/now-override", test_now_override);
  g_test_add_func ("/time/now-flows-from-the-override", test_now_flows_from_the_override);

  return g_test_run ();
}
