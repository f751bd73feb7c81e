/* test-oddities.c — every oddity of real schedules, in tests/core/data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "oc3-schedule.h"
#include "test-util.h"

static void
assert_link (GPtrArray  *links,
             guint       index,
             const char *url,
             const char *title)
{
  Oc3Link *link;

  g_assert_cmpuint (index, <, links->len);
  link = links->pdata[index];
  g_assert_cmpstr (link->url, ==, url);
  g_assert_cmpstr (link->title, ==, title);
}

static void
test_conference (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");
  GListModel *tracks = oc3_conference_get_tracks (conference);
  GListModel *rooms = oc3_conference_get_rooms (conference);
  GListModel *days = oc3_conference_get_days (conference);
  Oc3Day *day;

  /* A bell character, surrounding spaces and a tab, cleaned away. */
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "Ödd Cön 2024");
  g_assert_cmpstr (oc3_conference_get_acronym (conference), ==, "oddcon");
  g_assert_cmpstr (oc3_conference_get_venue (conference), ==, "Hall & Annex");
  g_assert_cmpstr (oc3_conference_get_version (conference), ==, "odd 1.0");
  g_assert_cmpstr (oc3_conference_get_base_url (conference), ==, "https://example.org/oddcon/");
  g_assert_cmpstr (oc3_conference_get_url (conference), ==, "https://example.org/oddcon/");
  /* "\r\n", "\r", U+2028 and U+2029 become line feeds; DEL and U+0085 go. */
  g_assert_cmpstr (oc3_conference_get_description (conference), ==,
                   "Line one\nLine two\nLine three\nLine four\n\nPara end");
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Berlin");
  test_assert_iso (oc3_conference_get_start (conference), "2024-03-09T00:00:00+01:00");
  test_assert_iso (oc3_conference_get_end (conference), "2024-03-12T00:00:00+01:00");

  /* Tracks: the program's colours normalised, derived ones where it has none. */
  g_assert_cmpuint (test_n_items (tracks), ==, 6);
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 0)), ==, "Security");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 0)), ==, "#0347b4");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 1)), ==, "Art");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 1)), ==, "#ff00aa");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 2)), ==, "Broken");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 2)), ==, "#6f8396");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 3)), ==, "Uncoloured");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 3)), ==, "#6f8396");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 4)), ==, "Plain");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 4)), ==, "#d56199");
  /* Named only by a talk. */
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 5)), ==, "New Track");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 5)), ==, "#d56199");

  /* Rooms: descriptions as a string, {lang: text} and description_<lang>. */
  g_assert_cmpuint (test_n_items (rooms), ==, 4);
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 0)), ==, "Hall 1");
  g_assert_cmpstr (oc3_room_get_guid (test_item (rooms, 0)), ==, "room-hall-1");
  g_assert_cmpstr (oc3_room_get_description (test_item (rooms, 0)), ==, "The big one");
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 1)), ==, "Hall 2");
  g_assert_cmpstr (oc3_room_get_description (test_item (rooms, 1)), ==, "The small one");
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 2)), ==, "Workshop Ü/1: A&B");
  g_assert_cmpstr (oc3_room_get_description (test_item (rooms, 2)), ==, "Workshop room");
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 3)), ==, "Annex");
  g_assert_cmpstr (oc3_room_get_guid (test_item (rooms, 3)), ==, "room-hall-2");
  g_assert_null (oc3_room_get_description (test_item (rooms, 3)));
  g_assert_null (oc3_conference_lookup_room (conference, "Hall Two Key"));
  g_assert_cmpuint (test_n_items (oc3_room_get_talks (test_item (rooms, 3))), ==, 0);

  /* Days: index as a number or a string; a day with "rooms": [] and no day_start. */
  g_assert_cmpuint (test_n_items (days), ==, 3);
  day = test_item (days, 0);
  g_assert_cmpint (oc3_day_get_index (day), ==, 1);
  test_assert_iso (oc3_day_get_date (day), "2024-03-09T00:00:00+01:00");
  test_assert_iso (oc3_day_get_start (day), "2024-03-09T10:00:00+01:00");
  test_assert_iso (oc3_day_get_end (day), "2024-03-10T03:00:00+01:00");
  test_assert_guids (oc3_day_get_talks (day), "talk-b talk-a talk-e talk-a#2 talk-c");
  day = test_item (days, 1);
  g_assert_cmpint (oc3_day_get_index (day), ==, 2);
  test_assert_guids (oc3_day_get_talks (day), "id:g-7 talk-a#3");
  day = test_item (days, 2);
  g_assert_cmpint (oc3_day_get_index (day), ==, 3);
  test_assert_iso (oc3_day_get_start (day), "2024-03-11T00:00:00+01:00");
  test_assert_iso (oc3_day_get_end (day), "2024-03-12T00:00:00+01:00");
  g_assert_cmpuint (test_n_items (oc3_day_get_talks (day)), ==, 0);

  test_assert_guids (oc3_conference_get_talks (conference),
                     "talk-b talk-a talk-e talk-a#2 talk-c id:g-7 talk-a#3");
}

static void
test_talks (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");
  Oc3Talk *talk;
  GListModel *persons;
  Oc3Person *person;

  /* Everything set, and the "date" wins over a contradicting "start". */
  talk = oc3_conference_lookup_talk (conference, "talk-a");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "101");
  /* The rocket came as "\ud83d\ude80"; DEL and the trailing NBSP went. */
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "🚀 Rockets & Q&A");
  g_assert_null (oc3_talk_get_subtitle (talk));
  g_assert_null (oc3_talk_get_slug (talk));
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (talk)), ==, "Security");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Hall 1");
  g_assert_cmpstr (oc3_talk_get_talk_type (talk), ==, "Talk 30 min + 10min Q&A");
  g_assert_cmpstr (oc3_talk_get_language (talk), ==, "de, en");
  /* HTML and Markdown stay as they are. */
  g_assert_cmpstr (oc3_talk_get_abstract (talk), ==, "<p>**Bold** and <em>em</em></p>\n\n- item");
  g_assert_cmpstr (oc3_talk_get_description (talk), ==, "Tabbed\there");
  g_assert_cmpstr (oc3_talk_get_logo (talk), ==, "https://example.org/system/logo.png");
  g_assert_cmpstr (oc3_talk_get_url (talk), ==, "https://example.org/oddcon/events/a.html");
  g_assert_cmpstr (oc3_talk_get_recording_license (talk), ==, "CC BY 4.0");
  g_assert_true (oc3_talk_get_do_not_record (talk));
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-09T10:00:00+01:00");
  /* "1:30": an "H:MM" duration. */
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-09T11:30:00+01:00");
  g_assert_cmpint (oc3_talk_get_duration (talk), ==, 90 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 1);

  /* Persons as {id, public_name}, {name}, and both (public_name wins). */
  persons = oc3_talk_get_persons (talk);
  g_assert_cmpuint (test_n_items (persons), ==, 3);
  person = test_item (persons, 0);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Alice");
  g_assert_cmpstr (oc3_person_get_id (person), ==, "1");
  person = test_item (persons, 1);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Bob");
  g_assert_null (oc3_person_get_id (person));
  person = test_item (persons, 2);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Carol");
  g_assert_cmpstr (oc3_person_get_affiliation (person), ==, "Microsoft Azure");
  g_assert_cmpstr (oc3_person_get_role (person), ==, "CTO");
  /* Her biography comes from a later talk's entry. */
  g_assert_cmpstr (oc3_person_get_biography (person), ==, "Bio of Carol");
  test_assert_guids (oc3_person_get_talks (person), "talk-a id:g-7");

  /* Links as objects and bare strings, relative ones resolved; javascript: dropped. */
  g_assert_cmpuint (oc3_talk_get_links (talk)->len, ==, 4);
  assert_link (oc3_talk_get_links (talk), 0, "https://example.org/a", "Slides");
  assert_link (oc3_talk_get_links (talk), 1, "https://example.org/bare", NULL);
  assert_link (oc3_talk_get_links (talk), 2, "https://example.org/files/a.pdf", "PDF");
  assert_link (oc3_talk_get_links (talk), 3, "https://example.org/href", NULL);
  g_assert_cmpuint (oc3_talk_get_attachments (talk)->len, ==, 1);
  assert_link (oc3_talk_get_attachments (talk), 0,
               "https://example.org/oddcon/slides.pdf", "Slides");

  /* Before day_start, zero length, a string id, a lone surrogate, "" and null. */
  talk = oc3_conference_lookup_talk (conference, "talk-b");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "b-2");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-09T09:00:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-09T09:00:00+01:00");
  g_assert_cmpstr (oc3_talk_get_subtitle (talk), ==, "broken \xef\xbf\xbd pair");
  g_assert_null (oc3_talk_get_track (talk));
  g_assert_null (oc3_talk_get_language (talk));
  g_assert_null (oc3_talk_get_url (talk));
  g_assert_false (oc3_talk_get_do_not_record (talk));
  g_assert_cmpuint (oc3_talk_get_links (talk)->len, ==, 0);
  person = test_item (oc3_talk_get_persons (talk), 0);
  g_assert_cmpstr (oc3_person_get_affiliation (person), ==, "Uni Bonn");

  /* After midnight, filed under the day before; ends after day_end. Its
   * title comes twice: the last one counts. */
  talk = oc3_conference_lookup_talk (conference, "talk-c");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "After midnight");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-10T01:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-10T03:30:00+01:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 1);
  person = oc3_conference_lookup_person (conference, "1");
  test_assert_guids (oc3_person_get_talks (person), "talk-a talk-c");

  /* A repeated guid: both talks kept, the second one renamed. */
  talk = oc3_conference_lookup_talk (conference, "talk-a#2");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Across midnight");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "104");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-09T23:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-10T00:30:00+01:00");
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (talk)), ==, "New Track");

  /* No "date": the day's date and "start"; "D:HH:MM"; the rooms{} key differs. */
  talk = oc3_conference_lookup_talk (conference, "talk-e");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-09T11:00:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-10T13:00:00+01:00");
  g_assert_cmpint (oc3_talk_get_duration (talk), ==, 26 * G_TIME_SPAN_HOUR);
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Hall 2");
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 0);

  /* "start" before day_start: after midnight, on the next calendar day. */
  talk = oc3_conference_lookup_talk (conference, "talk-a#3");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Filed under the day before");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-11T01:15:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-11T02:00:00+01:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 2);
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Workshop Ü/1: A&B");
  /* Persons as a bare string, {name, affiliation}, {public_name, company}; null skipped. */
  persons = oc3_talk_get_persons (talk);
  g_assert_cmpuint (test_n_items (persons), ==, 3);
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 0)), ==, "Dana");
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 1)), ==, "Eve");
  g_assert_cmpstr (oc3_person_get_affiliation (test_item (persons, 1)), ==, "Uni");
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 2)), ==, "Frank");
  g_assert_cmpstr (oc3_person_get_affiliation (test_item (persons, 2)), ==, "ACME");
  g_assert_cmpuint (oc3_talk_get_links (talk)->len, ==, 0);

  /* No guid, no title, no duration but an "end", "room": null. */
  talk = oc3_conference_lookup_talk (conference, "id:g-7");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Untitled");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-10T11:00:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-10T12:00:00+01:00");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Workshop Ü/1: A&B");
}

static void
test_warnings (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");

  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule.conference.days[0].rooms[\"Hall 1\"][1].subtitle: a lone UTF-16 surrogate in a "
    "string was replaced by U+FFFD",
    "schedule.conference.tracks[2].color: not a colour (#rrggbb): \"blue\"; using one derived "
    "from the name",
    "schedule.conference.tracks[5]: a second track named “Security” was left out",
    "schedule.conference.tracks[6]: a track without a name was left out",
    "schedule.conference.rooms[3]: room “Annex” has the same guid as room “Hall 2”; both are kept",
    "schedule.conference.days[0].rooms[\"Hall 1\"][0].links[3]: a URL with the unsupported "
    "scheme “javascript:” was left out",
    "schedule.conference.days[0].rooms[\"Hall 1\"][3].guid: “talk-a” is also an earlier talk’s "
    "guid; this talk’s is “talk-a#2”",
    "schedule.conference.days[0].rooms[\"Hall Two Key\"][0].date: missing; the start is the "
    "day's date and “start”, 11:00",
    "schedule.conference.days[0].rooms[\"Hall Two Key\"][0].room: “Hall 2” differs from the key "
    "of its list in rooms{}, “Hall Two Key”; using “Hall 2”",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][0].date: missing; the start is "
    "the day's date and “start”, 01:15",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][0].persons[3]: an empty entry "
    "was left out",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][0].links[1]: a link without a "
    "URL was left out",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][0].guid: “talk-a” is also an "
    "earlier talk’s guid; this talk’s is “talk-a#3”",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][1].date: missing; the start is "
    "the day's date and “start”, 11:00",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][1].guid: missing; using “id:g-7”",
    "schedule.conference.days[1].rooms[\"Workshop Ü/1: A&B\"][1].title: missing",
    NULL }));
}

static void
test_persons (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");
  GListModel *persons = oc3_conference_get_persons (conference);
  const char *names[] = { "Alice", "Bob", "Carol", "Dana", "Dave", "Eve", "Frank" };

  g_assert_cmpuint (test_n_items (persons), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (oc3_person_get_name (test_item (persons, i)), ==, names[i]);

  /* The same id in three talks is one person. */
  g_assert_cmpstr (oc3_person_get_name (oc3_conference_lookup_person (conference, "3")), ==,
                   "Carol");
  g_assert_null (oc3_conference_lookup_person (conference, "Bob"));
}

static void
test_zone_contradiction (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("zone-contradiction.json");
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, "z-1");

  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "+01:00");
  test_assert_iso (oc3_talk_get_start (talk), "2020-12-14T09:00:00+01:00");
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==, 1607932800);
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule.conference.time_zone_name: \"UTC\" contradicts the offsets of the times (+01:00); "
    "using +01:00",
    NULL }));
}

static void
test_zone_daylight_saving (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("zone-dst.json");
  Oc3Talk *summer = oc3_conference_lookup_talk (conference, "dst-1");
  Oc3Talk *winter = oc3_conference_lookup_talk (conference, "dst-2");

  /* +02:00 then +01:00 across 27 October 2024: a named zone fits both. */
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Berlin");
  test_assert_iso (oc3_talk_get_start (summer), "2024-10-26T10:00:00+02:00");
  test_assert_iso (oc3_talk_get_start (winter), "2024-10-27T10:00:00+01:00");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule.conference.time_zone_name: missing; using Europe/Berlin, from the offsets of the "
    "times (+02:00, +01:00)",
    NULL }));
}

static void
test_zone_unknown (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("zone-unknown.json");
  Oc3Talk *local = oc3_conference_lookup_talk (conference, "mars-1");
  Oc3Talk *utc = oc3_conference_lookup_talk (conference, "mars-2");

  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "+05:30");
  test_assert_iso (oc3_talk_get_start (local), "2024-01-15T10:00:00+05:30");
  test_assert_iso (oc3_talk_get_start (utc), "2024-01-15T10:00:00+05:30");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule.conference.time_zone_name: unknown time zone \"Mars/Olympus_Mons\"; using +05:30, "
    "from the offsets of the times (+05:30, +00:00)",
    NULL }));
}

static void
test_zone_utc (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("zone-utc.json");
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, "utc-1");
  Oc3Day *day = test_item (oc3_conference_get_days (conference), 0);

  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "UTC");
  test_assert_iso (oc3_talk_get_start (talk), "2024-01-15T23:30:00+00:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-01-16T00:30:00+00:00");
  /* No index: the position; no day_start or day_end: the talks' times. */
  g_assert_cmpint (oc3_day_get_index (day), ==, 1);
  test_assert_iso (oc3_day_get_start (day), "2024-01-15T23:30:00+00:00");
  test_assert_iso (oc3_day_get_end (day), "2024-01-16T00:30:00+00:00");
}

static void
test_raw_bytes (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("raw-bytes.json");
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, "raw-1");

  /* A byte order mark, and raw control characters JSON forbids in strings. */
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "Raw\ttab\nand CR LF");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Raw\nline");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) { NULL }));
}

/* Found by the fuzzer: a day without date or day_start, whose talk's date
 * has spaces around it, once had no date at all. */
static void
test_day_without_date (void)
{
  const char *json =
    "{\"schedule\": {\"conference\": {\"time_zone_name\": \"UTC\", \"days\": ["
    "{\"rooms\": {\"R\": [{\"guid\": \"x\", \"date\": \" 2024-02-29T23:30:00Z \", "
    "\"duration\": \"1:00\"}]}}]}}}";
  g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_parse (bytes, &error);
  Oc3Day *day;

  g_assert_no_error (error);
  day = test_item (oc3_conference_get_days (conference), 0);
  test_assert_iso (oc3_day_get_date (day), "2024-02-29T00:00:00+00:00");
  test_assert_iso (oc3_day_get_end (day), "2024-03-01T00:30:00+00:00");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule.conference.title: missing",
    "schedule.conference.days[0].date: missing; using the date of the first talk",
    "schedule.conference.days[0].rooms.R[0].title: missing",
    NULL }));
}

/* A time zone name is never a file to read. */
static void
test_zone_file (void)
{
  const char *names[] = { "/dev/stdin", ":/etc/localtime", "Europe/../../../../dev/zero" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"schedule\": {\"conference\": {\"title\": \"T\", \"time_zone_name\": \"%s\", "
        "\"days\": [{\"date\": \"2024-01-01\", \"rooms\": {\"R\": [{\"guid\": \"x\", "
        "\"title\": \"X\", \"date\": \"2024-01-01T10:00:00+01:00\", \"duration\": \"1:00\"}]}}]}}}",
        names[i]);
      g_autofree char *warning = g_strdup_printf (
        "schedule.conference.time_zone_name: unknown time zone \"%s\"; using +01:00, from "
        "the offsets of the times (+01:00)", names[i]);
      g_autoptr (GBytes) bytes = g_bytes_new_static (json, strlen (json));
      g_autoptr (GError) error = NULL;
      g_autoptr (Oc3Conference) conference = oc3_schedule_parse (bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "+01:00");
      g_assert_cmpstrv (oc3_conference_get_warnings (conference),
                        ((const char *[]) { warning, NULL }));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oddities/conference", test_conference);
  g_test_add_func ("/oddities/talks", test_talks);
  g_test_add_func ("/oddities/warnings", test_warnings);
  g_test_add_func ("/oddities/persons", test_persons);
  g_test_add_func ("/oddities/zone/contradiction", test_zone_contradiction);
  g_test_add_func ("/oddities/zone/daylight-saving", test_zone_daylight_saving);
  g_test_add_func ("/oddities/zone/unknown", test_zone_unknown);
  g_test_add_func ("/oddities/zone/utc", test_zone_utc);
  g_test_add_func ("/oddities/zone/file", test_zone_file);
  g_test_add_func ("/oddities/raw-bytes", test_raw_bytes);
  g_test_add_func ("/oddities/day-without-date", test_day_without_date);

  return g_test_run ();
}
