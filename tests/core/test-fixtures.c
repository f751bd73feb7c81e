/* test-fixtures.c — the real schedules in ../shared/fixtures/schedules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "oc3-schedule.h"
#include "test-util.h"

static void
assert_sizes (Oc3Conference *conference,
              guint          n_days,
              guint          n_rooms,
              guint          n_tracks,
              guint          n_talks,
              guint          n_persons)
{
  g_assert_cmpuint (test_n_items (oc3_conference_get_days (conference)), ==, n_days);
  g_assert_cmpuint (test_n_items (oc3_conference_get_rooms (conference)), ==, n_rooms);
  g_assert_cmpuint (test_n_items (oc3_conference_get_tracks (conference)), ==, n_tracks);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, n_talks);
  g_assert_cmpuint (test_n_items (oc3_conference_get_persons (conference)), ==, n_persons);
}

/* Invariants every parsed schedule keeps. */
static void
assert_consistent (Oc3Conference *conference)
{
  GListModel *talks = oc3_conference_get_talks (conference);
  GListModel *days = oc3_conference_get_days (conference);
  guint n_in_days = 0;

  for (guint i = 0; i < test_n_items (talks); i++)
    {
      Oc3Talk *talk = test_item (talks, i);

      g_assert_true (oc3_conference_lookup_talk (conference, oc3_talk_get_guid (talk)) == talk);
      GDateTime *start = oc3_talk_get_start (talk);

      g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==,
                       oc3_conference_get_time_zone_identifier (conference));
      g_assert_cmpint (g_date_time_compare (oc3_talk_get_end (talk), start), >=, 0);
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (oc3_talk_get_start (test_item (talks, i - 1)),
                                              oc3_talk_get_start (talk)), <=, 0);
    }

  for (guint i = 0; i < test_n_items (days); i++)
    n_in_days += test_n_items (oc3_day_get_talks (test_item (days, i)));
  g_assert_cmpuint (n_in_days, ==, test_n_items (talks));
}

static void
test_camp2019 (void)
{
  g_autoptr (Oc3Conference) conference = test_load_fixture ("voc-schedule_frab-camp2019.json");
  Oc3Talk *talk;
  Oc3Person *person;
  GPtrArray *links;

  if (conference == NULL)
    return;

  assert_sizes (conference, 5, 2, 7, 79, 90);
  assert_consistent (conference);
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "Chaos Communication Camp 2019");
  g_assert_cmpstr (oc3_conference_get_acronym (conference), ==, "Camp2019");
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Berlin");
  g_assert_cmpstr (oc3_conference_get_version (conference), ==, "Gacrux");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) { NULL }));
  /* Dates mean whole days: from the midnight before to the midnight after. */
  test_assert_iso (oc3_conference_get_start (conference), "2019-08-21T00:00:00+02:00");
  test_assert_iso (oc3_conference_get_end (conference), "2019-08-27T00:00:00+02:00");

  /* A non-ASCII title that came with two trailing spaces. */
  talk = oc3_conference_lookup_talk (conference, "df91b683-2f32-4400-8043-b1d88aa0b454");
  g_assert_nonnull (talk);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Die 5G-Überwachungsstandards");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "10211");
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (talk)), ==,
                   "Ethics, Society & Politics");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Curie");
  test_assert_iso (oc3_talk_get_start (talk), "2019-08-22T20:00:00+02:00");
  test_assert_iso (oc3_talk_get_end (talk), "2019-08-22T20:45:00+02:00");
  g_assert_cmpint (oc3_talk_get_duration (talk), ==, 45 * G_TIME_SPAN_MINUTE);
  g_assert_cmpstr (oc3_talk_get_url (talk), ==,
                   "https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10211.html");
  links = oc3_talk_get_links (talk);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((Oc3Link *) links->pdata[0])->url, ==, "https://fm4.orf.at/stories/2982836/");
  g_assert_cmpstr (((Oc3Link *) links->pdata[0])->title, ==,
                   "EU-Telekoms überstimmten EU-Strafverfolger bei 5G-Überwachung");

  /* Persons as {id, public_name}. */
  person = oc3_conference_lookup_person (conference, "5097");
  g_assert_nonnull (person);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Erich Moechel");
  g_assert_null (oc3_person_get_guid (person));
  g_assert_true (test_item (oc3_talk_get_persons (talk), 0) == (gpointer) person);
  g_assert_true (test_item (oc3_person_get_talks (person), 0) == (gpointer) talk);

  /* The end of an "HH:MM" duration across midnight, and a relative logo. */
  talk = oc3_conference_lookup_talk (conference, "ed4b6c75-14f4-49fe-a11e-3762bd6b54e3");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Achtung, Datenpannen!");
  test_assert_iso (oc3_talk_get_start (talk), "2019-08-22T23:00:00+02:00");
  test_assert_iso (oc3_talk_get_end (talk), "2019-08-23T00:30:00+02:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 2);
  g_assert_cmpstr (oc3_talk_get_logo (talk), ==,
                   "https://fahrplan.events.ccc.de/system/events/logos/000/010/344/large/"
                   "dsgvo-pannen-show-logo-quadrat.jpg?1560288198");
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 2);
  g_assert_cmpstr (oc3_person_get_name (test_item (oc3_talk_get_persons (talk), 0)), ==,
                   "Alvar C.H. Freude");
  g_assert_cmpstr (oc3_person_get_name (test_item (oc3_talk_get_persons (talk), 1)), ==,
                   "Stefan Brink");
  links = oc3_talk_get_links (talk);
  g_assert_cmpstr (((Oc3Link *) links->pdata[1])->title, ==, "FAQ zu Cookies und Tracking");
}

static void
test_pretalx_rc3 (void)
{
  g_autoptr (Oc3Conference) conference = test_load_fixture ("voc-schedule_pretalx-rc3.json");
  Oc3Talk *talk;
  Oc3Person *person;

  if (conference == NULL)
    return;

  assert_sizes (conference, 4, 5, 5, 48, 56);
  assert_consistent (conference);
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "rC3 Channels");
  /* No time_zone_name: the zone comes from the offsets. */
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "+01:00");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference),
                    ((const char *[]) {
                      "schedule.conference.time_zone_name: missing; using +01:00, "
                      "from the offsets of the times (+01:00)",
                      NULL }));

  talk = oc3_conference_lookup_talk (conference, "c3642671-4c1f-5109-81ba-0535c1cc8428");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==,
                   "Der faule Admin automatisiert: Gluon auf echter Hardware testen");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "r3s - Monheim/Rhein");
  test_assert_iso (oc3_talk_get_start (talk), "2020-12-27T11:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2020-12-27T12:10:00+01:00");

  /* pretalx persons: {id, code, public_name, biography}; the id wins over the code. */
  person = test_item (oc3_talk_get_persons (talk), 0);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Chris Fiege");
  g_assert_cmpstr (oc3_person_get_id (person), ==, "20");
  g_assert_null (oc3_person_get_biography (person));
  g_assert_true (oc3_conference_lookup_person (conference, "20") == person);

  person = oc3_conference_lookup_person (conference, "188");
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Stefania Maurizi");
  g_assert_true (g_str_has_prefix (oc3_person_get_biography (person),
                                   "Stefania Maurizi  is an Italian investig"));
}

static void
test_pretalx_democon (void)
{
  g_autoptr (Oc3Conference) conference = test_load_fixture ("voc-schedule_pretalx-democon.json");
  Oc3Talk *talk;

  if (conference == NULL)
    return;

  assert_sizes (conference, 3, 2, 2, 36, 27);
  assert_consistent (conference);
  /* time_zone_name says "UTC", every offset says +01:00: the offsets win. */
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "+01:00");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference),
                    ((const char *[]) {
                      "schedule.conference.time_zone_name: \"UTC\" contradicts the offsets of "
                      "the times (+01:00); using +01:00",
                      "schedule.conference.rooms[1]: room “Tan Room” has the same guid as "
                      "room “Gray Room”; both are kept",
                      NULL }));

  talk = oc3_conference_lookup_talk (conference, "8079583e-8321-506c-95af-fd2903a5f075");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Focused 5thgeneration hardware");
  test_assert_iso (oc3_talk_get_start (talk), "2020-12-14T09:00:00+01:00");
  g_assert_cmpint (g_date_time_get_hour (oc3_talk_get_start (talk)), ==, 9);
  g_assert_cmpstr (oc3_room_get_guid (oc3_talk_get_room (talk)), ==,
                   "b379c473-93b9-4eae-9a09-d482e86cede3");
  g_assert_cmpstr (oc3_room_get_guid (oc3_conference_lookup_room (conference, "Tan Room")), ==,
                   "b379c473-93b9-4eae-9a09-d482e86cede3");
  g_assert_cmpstr (oc3_person_get_name (test_item (oc3_talk_get_persons (talk), 0)), ==,
                   "Brian Robinson");
}

static void
test_39c3 (void)
{
  g_autoptr (Oc3Conference) conference = test_load_fixture ("c3voc-39C3_everything.schedule.json");
  GListModel *days;
  GListModel *persons;
  Oc3Talk *talk;
  Oc3Person *person;
  Oc3Track *track;

  if (conference == NULL)
    return;

  assert_sizes (conference, 4, 58, 9, 895, 709);
  assert_consistent (conference);
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "39th Chaos Communications Congress");
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Berlin");
  g_assert_cmpstr (oc3_conference_get_url (conference), ==,
                   "https://events.ccc.de/congress/2025/hub/");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) { NULL }));
  test_assert_iso (oc3_conference_get_start (conference), "2025-12-27T11:00:00+01:00");

  days = oc3_conference_get_days (conference);
  g_assert_cmpuint (test_n_items (oc3_day_get_talks (test_item (days, 0))), ==, 251);
  g_assert_cmpuint (test_n_items (oc3_day_get_talks (test_item (days, 1))), ==, 293);
  g_assert_cmpuint (test_n_items (oc3_day_get_talks (test_item (days, 2))), ==, 259);
  g_assert_cmpuint (test_n_items (oc3_day_get_talks (test_item (days, 3))), ==, 92);

  /* The opening starts at 10:30, before day_start (11:00), and comes first. */
  talk = test_item (oc3_conference_get_talks (conference), 0);
  g_assert_cmpstr (oc3_talk_get_guid (talk), ==, "0c8b0cb4-6cf9-5ff8-928a-0a0f49558c48");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Opening Ceremony");
  test_assert_iso (oc3_talk_get_start (talk), "2025-12-27T10:30:00+01:00");

  /* After midnight, filed under the day before. */
  talk = oc3_conference_lookup_talk (conference, "341961a3-599d-52b9-8262-34c1757c9698");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==,
                   "Unnecessarily Complicated Kitchen – Die Wissenschaft des guten Geschmacks");
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==, 1766877600);
  test_assert_iso (oc3_talk_get_start (talk), "2025-12-28T00:20:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2025-12-28T01:20:00+01:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 1);
  g_assert_cmpint (oc3_day_get_index (test_item (days, 0)), ==, 1);
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "One");
  g_assert_cmpstr (oc3_talk_get_language (talk), ==, "de");
  g_assert_cmpstr (oc3_talk_get_talk_type (talk), ==, "Talk");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "1431");
  /* Persons as {name, public_name, guid, …}. */
  person = test_item (oc3_talk_get_persons (talk), 0);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "LukasQ");
  g_assert_cmpstr (oc3_person_get_guid (person), ==, "729a86f4-8e9e-5569-bf42-507fd2149072");
  g_assert_true (oc3_conference_lookup_person (conference,
                                               "729a86f4-8e9e-5569-bf42-507fd2149072") == person);
  /* The track's colour came as "#4D4D4C". */
  track = oc3_talk_get_track (talk);
  g_assert_cmpstr (oc3_track_get_name (track), ==, "Entertainment");
  g_assert_cmpstr (oc3_track_get_color (track), ==, "#4d4d4c");
  g_assert_true (oc3_conference_lookup_track (conference, "Entertainment") == track);

  /* Emoji that arrived as surrogate-pair escapes ("\ud83d\ude48 …"). */
  talk = oc3_conference_lookup_talk (conference, "a41e6c1b-a057-4204-af66-856241cff20b");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "🙈 🙉 🙊 Nerd Game Show 😸 😹 😻");
  g_assert_null (oc3_talk_get_track (talk));
  g_assert_null (oc3_talk_get_subtitle (talk));
  g_assert_cmpstr (oc3_talk_get_talk_type (talk), ==, "other");

  /* An id that is a string in the file. */
  talk = oc3_conference_lookup_talk (conference, "4512cefa-d24c-55ae-864a-fad644182449");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "1526599157");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "cleanup");

  /* U+2028 LINE SEPARATOR in a biography becomes a line feed. */
  person = oc3_conference_lookup_person (conference, "7d9c8ca5-b42f-4310-9dfd-3e1e2bd8cd4a");
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Pez (he/they)");
  g_assert_nonnull (strstr (oc3_person_get_biography (person),
                           "hacker/software engineer.\n\n4-PEZ on DECT.\n\nFediverse:"));
  /* The trailing line feed is trimmed. */
  g_assert_true (g_str_has_suffix (oc3_person_get_biography (person),
                                   "Rope lessons and sales: http://tsurineko.org"));

  /* A room with a non-ASCII name, and its description in the user's language. */
  g_assert_nonnull (oc3_conference_lookup_room (conference, "Am Spätverkauf"));
  g_assert_cmpstr (oc3_room_get_description (oc3_conference_lookup_room (conference, "One")), ==,
                   "Lecture hall in CCH central, Level +2 to +4");

  /* People sorted by name, case-insensitively. */
  persons = oc3_conference_get_persons (conference);
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 0)), ==, "-");
  for (guint i = 1; i < test_n_items (persons); i++)
    {
      g_autofree char *a = g_utf8_casefold (oc3_person_get_name (test_item (persons, i - 1)), -1);
      g_autofree char *b = g_utf8_casefold (oc3_person_get_name (test_item (persons, i)), -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Collation follows the locale, as in the app (the tests run in C.UTF-8). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fixtures/camp2019", test_camp2019);
  g_test_add_func ("/fixtures/pretalx-rc3", test_pretalx_rc3);
  g_test_add_func ("/fixtures/pretalx-democon", test_pretalx_democon);
  g_test_add_func ("/fixtures/39c3", test_39c3);

  return g_test_run ();
}
