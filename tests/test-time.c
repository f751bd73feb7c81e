/* test-time.c — times as attendees read them, the OC3_NOW override, and the
 * time zones offered when adding a conference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

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

static char *
make_tz_dir (const char *table,
             const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("oc3-tzdir-XXXXXX", &error);

  g_assert_no_error (error);
  if (table != NULL)
    {
      g_autofree char *path = g_build_filename (dir, table, NULL);

      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_tz_dir (const char *dir)
{
  const char *tables[] = { "zone.tab", "zone1970.tab", "tzdata.zi" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *path = g_build_filename (dir, tables[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
assert_zones (char       **zones,
              const char  *expected)
{
  g_autofree char *joined = g_strjoinv (" ", zones);

  g_assert_cmpstr (joined, ==, expected);
}

/* The zones offered when adding a conference: zone.tab first (one for each
 * country's regions), then zone1970.tab, then tzdata.zi's zones (not its
 * links); always UTC and the local zone, sorted, each once. */
static void
test_list_zones (void)
{
  static const char zone_tab[] =
    "# tzdb timezone descriptions (deprecated version)\n"
    "#\n"
    "#country-\n"
    "#code\tcoordinates\tTZ\tcomments\n"
    "NL\t+5222+00454\tEurope/Amsterdam\n"
    "US\t+404251-0740023\tAmerica/New_York\tEastern (most areas)\n"
    "BE\t+5050+00420\tEurope/Brussels\n"
    "GB,GG,IM,JE\t+513030-0000731\tEurope/London\n";
  static const char tzdata_zi[] =
    "# version 2025b\n"
    "R d 1916 o - May 14 23 1 S\n"
    "Z Asia/Tokyo 9:18:59 - LMT 1887 D 31 15u\n"
    "9 JP J%sT\n"
    "Z Europe/Brussels 0:17:30 - LMT 1880\n"
    "L Asia/Tokyo Japan\n"
    "L Europe/Brussels Europe/Amsterdam\n";
  g_autofree char *with_tab = make_tz_dir ("zone.tab", zone_tab);
  g_autofree char *with_zi = make_tz_dir ("tzdata.zi", tzdata_zi);
  g_autofree char *empty = make_tz_dir (NULL, NULL);
  g_auto (GStrv) from_tab = NULL;
  g_auto (GStrv) from_zi = NULL;
  g_auto (GStrv) fallback = NULL;
  g_auto (GStrv) with_local = NULL;
  g_auto (GStrv) system = NULL;

  /* The test runs with TZ=UTC: the local zone is UTC, listed once. */
  from_tab = oc3_time_list_zones (with_tab);
  assert_zones (from_tab, "America/New_York Europe/Amsterdam Europe/Brussels Europe/London UTC");
  from_zi = oc3_time_list_zones (with_zi);
  assert_zones (from_zi, "Asia/Tokyo Europe/Brussels UTC");
  fallback = oc3_time_list_zones (empty);
  assert_zones (fallback, "UTC");

  /* Another local zone is offered too, even when no table lists it. */
  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  with_local = oc3_time_list_zones (empty);
  g_setenv ("TZ", "UTC", TRUE);
  assert_zones (with_local, "Asia/Kolkata UTC");

  /* The system's database (the dev root's and the Flatpak runtime's have
   * one) names hundreds, among them the one the UI test picks. */
  system = oc3_time_list_zones (NULL);
  g_assert_cmpuint (g_strv_length (system), >, 300);
  g_assert_true (g_strv_contains ((const char * const *) system, "America/New_York"));
  g_assert_true (g_strv_contains ((const char * const *) system, "UTC"));

  remove_tz_dir (with_tab);
  remove_tz_dir (with_zi);
  remove_tz_dir (empty);
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
  g_test_add_func ("/time/list-zones", test_list_zones);

  return g_test_run ();
}
