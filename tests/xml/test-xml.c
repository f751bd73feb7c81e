/* test-xml.c — Pentabarf schedule.xml (FOSDEM, wafer, frab): the model it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-check.h"
#include "oc3-schedule.h"
#include "test-util.h"

static GBytes *
load_bytes (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), name, NULL);
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static Oc3Conference *
parse_in_zone (const char *name,
               const char *zone)
{
  g_autoptr (GBytes) bytes = load_bytes (name);
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference;

  g_assert_nonnull (tz);
  conference = oc3_schedule_parse_with_zone (bytes, tz, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

static Oc3Talk *
talk_by_slug (Oc3Conference *conference,
              const char    *slug)
{
  GListModel *talks = oc3_conference_get_talks (conference);

  for (guint i = 0; i < test_n_items (talks); i++)
    {
      Oc3Talk *talk = test_item (talks, i);

      if (g_strcmp0 (oc3_talk_get_slug (talk), slug) == 0)
        return talk;
    }

  g_assert_not_reached ();
}

static char *
person_names (GListModel *persons)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < test_n_items (persons); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, oc3_person_get_name (test_item (persons, i)));
    }

  return g_string_free (out, FALSE);
}

#define assert_person_names(persons, expected) \
  G_STMT_START { \
    g_autofree char *_names = person_names (persons); \
    g_assert_cmpstr (_names, ==, expected); \
  } G_STMT_END

static char *
format_links (GPtrArray *links)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < links->len; i++)
    {
      Oc3Link *link = links->pdata[i];

      g_string_append_printf (out, "%s%s <%s>", i > 0 ? "; " : "",
                              link->title != NULL ? link->title : "(none)", link->url);
    }

  return g_string_free (out, FALSE);
}

#define assert_links(links, expected) \
  G_STMT_START { \
    g_autofree char *_links = format_links (links); \
    g_assert_cmpstr (_links, ==, expected); \
  } G_STMT_END

/* --- FOSDEM: no zone, no <date> ---------------------------------------------- */

static void
test_fosdem_conference (void)
{
  g_autoptr (Oc3Conference) conference = parse_in_zone ("fosdem-style.xml", "Europe/Brussels");
  const char * const *warnings = oc3_conference_get_warnings (conference);

  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "FOSDEM 2024");
  g_assert_cmpstr (oc3_conference_get_acronym (conference), ==, "fosdem24");
  g_assert_cmpstr (oc3_conference_get_venue (conference), ==,
                   "ULB (Université Libre de Bruxelles), Brussels");
  g_assert_cmpstr (oc3_conference_get_description (conference), ==,
                   "Free and Open source Software Developers' European Meeting");
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Brussels");
  test_assert_iso (oc3_conference_get_start (conference), "2024-02-03T00:00:00+01:00");
  test_assert_iso (oc3_conference_get_end (conference), "2024-02-05T00:00:00+01:00");

  g_assert_cmpuint (test_n_items (oc3_conference_get_days (conference)), ==, 2);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, 5);
  g_assert_cmpuint (test_n_items (oc3_conference_get_rooms (conference)), ==, 2);
  g_assert_cmpuint (test_n_items (oc3_conference_get_tracks (conference)), ==, 3);
  g_assert_cmpuint (test_n_items (oc3_conference_get_persons (conference)), ==, 4);

  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 2);
  g_assert_cmpstr (warnings[0], ==,
                   "schedule/conference/time_zone_name: missing, and no time has an offset; "
                   "using Europe/Brussels");
  g_assert_true (g_str_has_prefix (warnings[1], "schedule/day[1]/room[@name=\"Janson\"]/event[2]"
                                                "/@guid: missing; using “"));
}

static void
test_fosdem_times (void)
{
  g_autoptr (Oc3Conference) conference = parse_in_zone ("fosdem-style.xml", "Europe/Brussels");
  g_autoptr (Oc3Conference) in_utc = parse_in_zone ("fosdem-style.xml", "UTC");
  Oc3Talk *talk;

  /* Local to the venue, as the caller says the venue is. */
  talk = talk_by_slug (conference, "keynotes_welcome");
  test_assert_iso (oc3_talk_get_start (talk), "2024-02-03T09:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-02-03T09:55:00+01:00");
  talk = talk_by_slug (in_utc, "keynotes_welcome");
  test_assert_iso (oc3_talk_get_start (talk), "2024-02-03T09:30:00+00:00");

  /* "10:00:00" and "00:50:00". */
  talk = talk_by_slug (conference, "keynotes_matrix");
  test_assert_iso (oc3_talk_get_start (talk), "2024-02-03T10:00:00+01:00");
  g_assert_cmpint (oc3_talk_get_duration (talk), ==, 50 * G_TIME_SPAN_MINUTE);

  /* Before the day_change (09:00): after midnight, on the next date, but
   * still the first day's talk. */
  talk = talk_by_slug (conference, "beer_event");
  test_assert_iso (oc3_talk_get_start (talk), "2024-02-04T00:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-02-04T02:00:00+01:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 1);
  test_assert_guids (oc3_day_get_talks (test_item (oc3_conference_get_days (conference), 0)),
                     "7a1c1a4e-1f6b-5b1e-9c3d-000000002001 "
                     "8bc89fbd-aff2-504b-8c38-c25dd786a581 "
                     "7a1c1a4e-1f6b-5b1e-9c3d-000000002004 "
                     "7a1c1a4e-1f6b-5b1e-9c3d-000000002003");

  talk = talk_by_slug (conference, "keynotes_closing");
  test_assert_iso (oc3_talk_get_start (talk), "2024-02-04T17:00:00+01:00");
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 2);
}

static void
test_fosdem_talk (void)
{
  g_autoptr (Oc3Conference) conference = parse_in_zone ("fosdem-style.xml", "Europe/Brussels");
  Oc3Talk *talk = talk_by_slug (conference, "keynotes_welcome");

  g_assert_cmpstr (oc3_talk_get_guid (talk), ==, "7a1c1a4e-1f6b-5b1e-9c3d-000000002001");
  g_assert_cmpstr (oc3_talk_get_id (talk), ==, "2001");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Welcome to FOSDEM 2024");
  g_assert_null (oc3_talk_get_subtitle (talk));
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (talk)), ==, "Keynotes");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Janson");
  g_assert_cmpstr (oc3_talk_get_talk_type (talk), ==, "keynote");
  g_assert_cmpstr (oc3_talk_get_language (talk), ==, "en");
  /* HTML escaped once is HTML source; escaped twice, an entity in it. */
  g_assert_cmpstr (oc3_talk_get_abstract (talk), ==, "<p>FOSDEM welcome &amp; opening talk.</p>");
  g_assert_cmpstr (oc3_talk_get_description (talk), ==, "<p>Stay <em>until</em> the end.</p>");
  assert_person_names (oc3_talk_get_persons (talk), "FOSDEM Staff, Richard Hartmann");
  assert_links (oc3_talk_get_links (talk),
                "Video recording (WebM/VP9) "
                "<https://video.fosdem.org/2024/janson/fosdem-2024-2001-welcome.webm>; "
                "Submit feedback <https://submission.fosdem.org/feedback/2001.php>");
  /* The second has no title but its type, and a URL relative to base_url. */
  assert_links (oc3_talk_get_attachments (talk),
                "Slides <https://fosdem.org/2024/schedule/event/keynotes_welcome/attachments/"
                "slides/6700/export/events/attachments/keynotes_welcome/slides/6700/"
                "FOSDEM_2024_Welcome.pdf>; "
                "paper <https://fosdem.org/2024/schedule/event/keynotes_welcome/attachments/"
                "paper.pdf>");

  talk = talk_by_slug (conference, "rust_async");
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "K.1.105 (La Fontaine)");
  assert_person_names (oc3_talk_get_persons (talk), "Zoë Müller");
  g_assert_cmpuint (oc3_talk_get_links (talk)->len, ==, 0);
  g_assert_cmpuint (oc3_talk_get_attachments (talk)->len, ==, 0);
}

/* A person in several talks is one person, found again by id. */
static void
test_fosdem_persons (void)
{
  g_autoptr (Oc3Conference) conference = parse_in_zone ("fosdem-style.xml", "Europe/Brussels");
  GListModel *persons = oc3_conference_get_persons (conference);
  Oc3Person *person;

  assert_person_names (persons, "FOSDEM Staff, Matthew Hodgson, Richard Hartmann, Zoë Müller");
  person = oc3_conference_lookup_person (conference, "1137");
  g_assert_nonnull (person);
  g_assert_cmpstr (oc3_person_get_name (person), ==, "Richard Hartmann");
  g_assert_cmpuint (test_n_items (oc3_person_get_talks (person)), ==, 2);
  person = oc3_conference_lookup_person (conference, "6");
  g_assert_cmpuint (test_n_items (oc3_person_get_talks (person)), ==, 2);
}

/* An event without a guid gets one made up from the conference and its id:
 * a UUIDv5, the same on every parse. */
static void
test_derived_guid (void)
{
  g_autoptr (Oc3Conference) first = parse_in_zone ("fosdem-style.xml", "Europe/Brussels");
  g_autoptr (Oc3Conference) second = parse_in_zone ("fosdem-style.xml", "UTC");
  const char *guid = oc3_talk_get_guid (talk_by_slug (first, "keynotes_matrix"));

  g_assert_cmpstr (guid, ==, "8bc89fbd-aff2-504b-8c38-c25dd786a581");
  g_assert_true (g_uuid_string_is_valid (guid));
  g_assert_cmpint (guid[14], ==, '5');
  g_assert_cmpstr (oc3_talk_get_guid (talk_by_slug (second, "keynotes_matrix")), ==, guid);
  g_assert_true (oc3_conference_lookup_talk (first, guid) == talk_by_slug (first,
                                                                           "keynotes_matrix"));
}

/* --- frab and pretalx: <date> with offsets, and the same model as JSON ------------ */

static void
test_frab_zone (void)
{
  g_autoptr (Oc3Conference) conference = parse_in_zone ("frab-style.xml", "Asia/Tokyo");
  Oc3Talk *talk;

  /* The schedule's zone, not the default; across the change to summer time. */
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Europe/Berlin");
  g_assert_cmpuint (g_strv_length ((GStrv) oc3_conference_get_warnings (conference)), ==, 0);
  talk = talk_by_slug (conference, "pair24-102-night");
  test_assert_iso (oc3_talk_get_start (talk), "2024-03-31T01:30:00+01:00");
  test_assert_iso (oc3_talk_get_end (talk), "2024-03-31T03:30:00+02:00");
  g_assert_true (oc3_talk_get_do_not_record (talk));
  g_assert_null (oc3_talk_get_recording_license (talk));

  talk = talk_by_slug (conference, "pair24-101-soldering");
  g_assert_false (oc3_talk_get_do_not_record (talk));
  g_assert_cmpstr (oc3_talk_get_recording_license (talk), ==, "CC BY 4.0");
  g_assert_cmpstr (oc3_track_get_color (oc3_talk_get_track (talk)), ==, "#1e90ff");
  g_assert_cmpstr (oc3_room_get_guid (oc3_talk_get_room (talk)), ==,
                   "b0c05a3d-0000-4000-8000-000000000001");
}

static void
assert_same_talk (Oc3Talk *a,
                  Oc3Talk *b)
{
  g_autofree char *links_a = format_links (oc3_talk_get_links (a));
  g_autofree char *links_b = format_links (oc3_talk_get_links (b));
  g_autofree char *attachments_a = format_links (oc3_talk_get_attachments (a));
  g_autofree char *attachments_b = format_links (oc3_talk_get_attachments (b));
  g_autofree char *persons_a = person_names (oc3_talk_get_persons (a));
  g_autofree char *persons_b = person_names (oc3_talk_get_persons (b));

  g_assert_cmpstr (oc3_talk_get_guid (a), ==, oc3_talk_get_guid (b));
  g_assert_cmpstr (oc3_talk_get_id (a), ==, oc3_talk_get_id (b));
  g_assert_cmpstr (oc3_talk_get_title (a), ==, oc3_talk_get_title (b));
  g_assert_cmpstr (oc3_talk_get_subtitle (a), ==, oc3_talk_get_subtitle (b));
  g_assert_cmpstr (oc3_talk_get_slug (a), ==, oc3_talk_get_slug (b));
  g_assert_cmpstr (oc3_talk_get_abstract (a), ==, oc3_talk_get_abstract (b));
  g_assert_cmpstr (oc3_talk_get_description (a), ==, oc3_talk_get_description (b));
  g_assert_cmpstr (oc3_talk_get_talk_type (a), ==, oc3_talk_get_talk_type (b));
  g_assert_cmpstr (oc3_talk_get_language (a), ==, oc3_talk_get_language (b));
  g_assert_cmpstr (oc3_talk_get_recording_license (a), ==, oc3_talk_get_recording_license (b));
  g_assert_cmpint (oc3_talk_get_do_not_record (a), ==, oc3_talk_get_do_not_record (b));
  g_assert_cmpstr (oc3_talk_get_url (a), ==, oc3_talk_get_url (b));
  g_assert_cmpint (oc3_talk_get_day_index (a), ==, oc3_talk_get_day_index (b));
  g_assert_true (g_date_time_equal (oc3_talk_get_start (a), oc3_talk_get_start (b)));
  g_assert_true (g_date_time_equal (oc3_talk_get_end (a), oc3_talk_get_end (b)));
  g_assert_cmpint (g_date_time_get_utc_offset (oc3_talk_get_start (a)), ==,
                   g_date_time_get_utc_offset (oc3_talk_get_start (b)));
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (a)), ==,
                   oc3_room_get_name (oc3_talk_get_room (b)));
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (a)), ==,
                   oc3_track_get_name (oc3_talk_get_track (b)));
  g_assert_cmpstr (links_a, ==, links_b);
  g_assert_cmpstr (attachments_a, ==, attachments_b);
  g_assert_cmpstr (persons_a, ==, persons_b);
}

/* The same program as schedule.json and schedule.xml gives the same model. */
static void
test_same_model_as_json (void)
{
  g_autoptr (Oc3Conference) xml = parse_in_zone ("frab-style.xml", "UTC");
  g_autoptr (Oc3Conference) json = parse_in_zone ("pair.json", "UTC");
  GListModel *days_xml = oc3_conference_get_days (xml);
  GListModel *days_json = oc3_conference_get_days (json);
  GListModel *list_xml;
  GListModel *list_json;

  g_assert_cmpstr (oc3_conference_get_title (xml), ==, oc3_conference_get_title (json));
  g_assert_cmpstr (oc3_conference_get_acronym (xml), ==, oc3_conference_get_acronym (json));
  g_assert_cmpstr (oc3_conference_get_url (xml), ==, oc3_conference_get_url (json));
  g_assert_cmpstr (oc3_conference_get_base_url (xml), ==, oc3_conference_get_base_url (json));
  g_assert_cmpstr (oc3_conference_get_version (xml), ==, oc3_conference_get_version (json));
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (xml), ==,
                   oc3_conference_get_time_zone_identifier (json));
  g_assert_true (g_date_time_equal (oc3_conference_get_start (xml),
                                    oc3_conference_get_start (json)));
  g_assert_true (g_date_time_equal (oc3_conference_get_end (xml), oc3_conference_get_end (json)));
  g_assert_cmpstrv (oc3_conference_get_warnings (xml), oc3_conference_get_warnings (json));

  g_assert_cmpuint (test_n_items (days_xml), ==, test_n_items (days_json));
  for (guint i = 0; i < test_n_items (days_xml); i++)
    {
      Oc3Day *a = test_item (days_xml, i);
      Oc3Day *b = test_item (days_json, i);
      g_autofree char *guids_a = test_guids (oc3_day_get_talks (a));
      g_autofree char *guids_b = test_guids (oc3_day_get_talks (b));

      g_assert_cmpint (oc3_day_get_index (a), ==, oc3_day_get_index (b));
      g_assert_true (g_date_time_equal (oc3_day_get_date (a), oc3_day_get_date (b)));
      g_assert_true (g_date_time_equal (oc3_day_get_start (a), oc3_day_get_start (b)));
      g_assert_true (g_date_time_equal (oc3_day_get_end (a), oc3_day_get_end (b)));
      g_assert_cmpstr (guids_a, ==, guids_b);
    }

  list_xml = oc3_conference_get_talks (xml);
  list_json = oc3_conference_get_talks (json);
  g_assert_cmpuint (test_n_items (list_xml), ==, 3);
  g_assert_cmpuint (test_n_items (list_xml), ==, test_n_items (list_json));
  for (guint i = 0; i < test_n_items (list_xml); i++)
    assert_same_talk (test_item (list_xml, i), test_item (list_json, i));

  list_xml = oc3_conference_get_rooms (xml);
  list_json = oc3_conference_get_rooms (json);
  g_assert_cmpuint (test_n_items (list_xml), ==, test_n_items (list_json));
  for (guint i = 0; i < test_n_items (list_xml); i++)
    {
      Oc3Room *a = test_item (list_xml, i);
      Oc3Room *b = test_item (list_json, i);

      g_assert_cmpstr (oc3_room_get_name (a), ==, oc3_room_get_name (b));
      g_assert_cmpstr (oc3_room_get_guid (a), ==, oc3_room_get_guid (b));
    }

  list_xml = oc3_conference_get_tracks (xml);
  list_json = oc3_conference_get_tracks (json);
  g_assert_cmpuint (test_n_items (list_xml), ==, test_n_items (list_json));
  for (guint i = 0; i < test_n_items (list_xml); i++)
    {
      Oc3Track *a = test_item (list_xml, i);
      Oc3Track *b = test_item (list_json, i);

      g_assert_cmpstr (oc3_track_get_name (a), ==, oc3_track_get_name (b));
      g_assert_cmpstr (oc3_track_get_color (a), ==, oc3_track_get_color (b));
    }

  list_xml = oc3_conference_get_persons (xml);
  list_json = oc3_conference_get_persons (json);
  g_assert_cmpuint (test_n_items (list_xml), ==, test_n_items (list_json));
  for (guint i = 0; i < test_n_items (list_xml); i++)
    {
      Oc3Person *a = test_item (list_xml, i);
      Oc3Person *b = test_item (list_json, i);

      g_assert_cmpstr (oc3_person_get_name (a), ==, oc3_person_get_name (b));
      g_assert_cmpstr (oc3_person_get_id (a), ==, oc3_person_get_id (b));
      g_assert_cmpstr (oc3_person_get_guid (a), ==, oc3_person_get_guid (b));
      g_assert_cmpuint (test_n_items (oc3_person_get_talks (a)), ==,
                        test_n_items (oc3_person_get_talks (b)));
    }
}

/* --- oddities: what is read with a warning ---------------------------------------- */

static Oc3Conference *
parse_text (const char *text,
            const char *zone)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr (GError) error = NULL;
  Oc3Conference *conference = oc3_schedule_parse_with_zone (bytes, tz, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

static void
test_oddities (void)
{
  g_autoptr (Oc3Conference) conference = parse_text (
    "<schedule>"
    "<conference><title>Odd</title><time_zone_name>Europe/Paris</time_zone_name></conference>"
    "<day index=\"1\">"
    "<room name=\"Hall\" guid=\"r-1\">"
    "<event id=\"1\" guid=\"same\"><date>2024-05-04T10:00:00+02:00</date>"
    "<duration>00:30</duration><room>Hall A</room>"
    "<links><link href=\"javascript:alert(1)\">Click</link><link>No URL</link>"
    "<link href=\"/relative\">Relative</link></links></event>"
    "<event id=\"2\" guid=\"same\"><date>2024-05-04T11:00:00+02:00</date><title>Second</title>"
    "</event>"
    "</room>"
    "<room name=\"Annex\" guid=\"r-1\">"
    "<event guid=\"a-1\"><date>2024-05-04T12:00:00+02:00</date><duration>1:00</duration>"
    "<title>Annex</title><persons><person id=\"9\"/></persons></event>"
    "</room>"
    "</day>"
    "</schedule>", "UTC");
  GListModel *talks = oc3_conference_get_talks (conference);
  Oc3Talk *talk;

  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule/day[1]/@date: missing; using the date of the first talk",
    "schedule/day[1]/room[@name=\"Hall\"]/event[1]/links/link[1]/@href: a URL with the "
    "unsupported scheme “javascript:” was left out",
    "schedule/day[1]/room[@name=\"Hall\"]/event[1]/links/link[2]: a link without a URL was "
    "left out",
    "schedule/day[1]/room[@name=\"Hall\"]/event[1]/links/link[3]/@href: the relative URL "
    "\"/relative\" was left out: the schedule has no base_url",
    "schedule/day[1]/room[@name=\"Hall\"]/event[1]/room: “Hall A” differs from the room it is "
    "listed in, “Hall”; using “Hall”",
    "schedule/day[1]/room[@name=\"Hall\"]/event[1]/title: missing",
    "schedule/day[1]/room[@name=\"Hall\"]/event[2]/duration: missing; taken as zero",
    "schedule/day[1]/room[@name=\"Hall\"]/event[2]/@guid: “same” is also an earlier talk’s "
    "guid; this talk’s is “same#2”",
    "schedule/day[1]/room[@name=\"Annex\"]/event[1]/persons/person[1]: a person without a name "
    "was left out",
    "schedule/day[1]/room[@name=\"Annex\"]/event[1]: room “Annex” has the same guid as room "
    "“Hall”; both are kept",
    NULL }));

  test_assert_guids (talks, "same same#2 a-1");
  talk = test_item (talks, 0);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Untitled");
  g_assert_cmpuint (oc3_talk_get_links (talk)->len, ==, 0);
  test_assert_iso (oc3_day_get_date (test_item (oc3_conference_get_days (conference), 0)),
                   "2024-05-04T00:00:00+02:00");
  g_assert_cmpstr (oc3_room_get_guid (oc3_talk_get_room (talk)), ==, "r-1");
  g_assert_null (oc3_room_get_guid (oc3_talk_get_room (test_item (talks, 2))));
  g_assert_cmpint (oc3_talk_get_duration (test_item (talks, 1)), ==, 0);
}

/* A time zone name is never a file to read; without offsets to go by, the
 * caller's zone stands in for it. */
static void
test_zone_file (void)
{
  const char *names[] = { "/dev/stdin", ":/etc/localtime", "Europe/../../../../dev/zero" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<schedule><conference><title>T</title><time_zone_name>%s</time_zone_name>"
        "</conference><day index=\"1\" date=\"2024-01-01\"><room name=\"R\">"
        "<event guid=\"x\"><start>10:00</start><duration>1:00</duration><title>X</title>"
        "</event></room></day></schedule>", names[i]);
      g_autofree char *warning = g_strdup_printf (
        "schedule/conference/time_zone_name: unknown time zone \"%s\", and no time has an "
        "offset; using Europe/Brussels", names[i]);
      g_autoptr (Oc3Conference) conference = parse_text (xml, "Europe/Brussels");

      g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==,
                       "Europe/Brussels");
      g_assert_cmpstrv (oc3_conference_get_warnings (conference),
                        ((const char *[]) { warning, NULL }));
      test_assert_iso (oc3_talk_get_start (test_item (oc3_conference_get_talks (conference), 0)),
                       "2024-01-01T10:00:00+01:00");
    }
}

/* Offsets but no zone name: a zone from the offsets, as for JSON. */
static void
test_zone_from_offsets (void)
{
  g_autoptr (Oc3Conference) conference = parse_text (
    "<schedule><conference><title>T</title></conference>"
    "<day index=\"1\" date=\"2024-01-01\"><room name=\"R\">"
    "<event guid=\"x\"><date>2024-01-01T10:00:00-05:00</date><start>10:00</start>"
    "<duration>1:00</duration><title>X</title></event></room></day></schedule>", "UTC");

  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "-05:00");
  g_assert_cmpstrv (oc3_conference_get_warnings (conference), ((const char *[]) {
    "schedule/conference/time_zone_name: missing; using -05:00, from the offsets of the times "
    "(-05:00)",
    NULL }));
}

/* --- DebConf 23, as wafer writes it (the shared fixture) -------------------------- */

static gint64
unix_of (const char *iso)
{
  g_autoptr (GDateTime) date_time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (date_time);

  return g_date_time_to_unix (date_time);
}

static void
test_debconf (void)
{
  g_autoptr (Oc3Conference) conference = test_load_fixture ("giggity_debconf23.xml");
  Oc3Talk *talk;

  if (conference == NULL)
    return;

  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "DebConf 23");
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, 117);
  g_assert_cmpuint (test_n_items (oc3_conference_get_days (conference)), ==, 8);
  g_assert_cmpuint (test_n_items (oc3_conference_get_rooms (conference)), ==, 5);
  /* Its <date>s are in UTC, its <start>s local to Kochi, and they agree on
   * the venue's zone: no warning. */
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "Asia/Kolkata");
  g_assert_cmpuint (g_strv_length ((GStrv) oc3_conference_get_warnings (conference)), ==, 0);

  /* <date>2023-09-10T05:00:00+00:00</date> <start>10:30</start>: the date
   * wins; 10:30 is the local time it stands for, never 10:30 UTC. */
  talk = oc3_conference_lookup_talk (conference, "455d075f-48c0-2ec2-24b3-f5add30c383a");
  g_assert_nonnull (talk);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Opening Ceremony");
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==,
                   unix_of ("2023-09-10T05:00:00Z"));
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), !=,
                   unix_of ("2023-09-10T10:30:00Z"));
  test_assert_iso (oc3_talk_get_start (talk), "2023-09-10T10:30:00+05:30");
  g_assert_cmpint (oc3_talk_get_duration (talk), ==, 20 * G_TIME_SPAN_MINUTE);
  g_assert_cmpstr (oc3_room_get_name (oc3_talk_get_room (talk)), ==, "Anamudi");
  assert_person_names (oc3_talk_get_persons (talk), "Sruthi Chandran");
  g_assert_cmpstr (oc3_talk_get_recording_license (talk), ==, "DebConf Video License (MIT-like)");
  g_assert_false (oc3_talk_get_do_not_record (talk));
  g_assert_cmpstr (oc3_talk_get_url (talk), ==,
                   "https://debconf23.debconf.org/talks/18-opening-ceremony/");

  /* Non-ASCII, and a character reference. */
  talk = oc3_conference_lookup_talk (conference, "c7e54c2e-239c-11b7-2e75-b9d6d8c26e4a");
  g_assert_nonnull (talk);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==,
                   "From 5 to 100: The Debian Brasília Community's Story");
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==,
                   unix_of ("2023-09-10T12:30:00Z"));
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 7);
  g_assert_cmpstr (oc3_person_get_name (test_item (oc3_talk_get_persons (talk), 4)), ==,
                   "Thais Rebouças");

  /* The last one: dinner on the last day, no speakers, 3½ hours. */
  talk = oc3_conference_lookup_talk (conference, "23a3b685-5fa6-83c6-caff-8b48c81063ff");
  g_assert_nonnull (talk);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Dinner");
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_start (talk)), ==,
                   unix_of ("2023-09-17T13:30:00Z"));
  g_assert_cmpint (g_date_time_to_unix (oc3_talk_get_end (talk)), ==,
                   unix_of ("2023-09-17T17:00:00Z"));
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 0);
  g_assert_cmpint (oc3_talk_get_day_index (talk), ==, 8);
  g_assert_true (talk == test_item (oc3_conference_get_talks (conference), 116));

  /* The first one. */
  talk = test_item (oc3_conference_get_talks (conference), 0);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Breakfast");
  test_assert_iso (oc3_talk_get_start (talk), "2023-09-10T07:00:00+05:30");
}

/* --- telling the formats apart ----------------------------------------------------- */

static void
assert_parses_as_xml (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (oc3_conference_get_title (conference), ==, "Sniffed");
}

#define MINIMAL "<schedule><conference><title>Sniffed</title></conference></schedule>"

static void
test_sniffing (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  const char *html = "<!DOCTYPE html><html><body>Log in</body></html>";

  assert_parses_as_xml (MINIMAL);
  assert_parses_as_xml ("\xef\xbb\xbf \n<?xml version=\"1.0\"?>" MINIMAL);
  assert_parses_as_xml ("<!-- exported by hand -->\n<!DOCTYPE schedule>\n" MINIMAL);
  assert_parses_as_xml ("<schedule\n><conference><title>Sniffed</title></conference></schedule>");

  /* A captive portal's page is still explained as such. */
  bytes = g_bytes_new_static (html, strlen (html));
  g_assert_null (oc3_schedule_parse (bytes, &error));
  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_NOT_JSON);
  g_assert_cmpstr (error->message, ==, "(root): not JSON but an HTML page (from a captive portal "
                                       "or a web server error?)");
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Oc3Conference **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = oc3_schedule_load_finish (result, &error);
  g_assert_no_error (error);
}

/* Files, and files in a worker thread, go the same way. */
static void
test_load_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "frab-style.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = oc3_schedule_load_file (file, NULL, &error);
  g_autoptr (Oc3Conference) loaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, 3);

  oc3_schedule_load_async (file, NULL, loaded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (loaded)), ==, 3);
}

/* A zone-less file loaded with a zone, in the caller's thread or a worker:
 * its wall times are in that zone (the test runs with TZ=UTC, so the local
 * zone would give +00:00). */
static void
test_load_file_with_zone (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "fosdem-style.xml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  g_autoptr (Oc3Conference) loaded = NULL;
  g_autoptr (Oc3Conference) local = NULL;

  conference = oc3_schedule_load_file_with_zone (file, new_york, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (conference), ==, "America/New_York");
  test_assert_iso (oc3_talk_get_start (talk_by_slug (conference, "keynotes_welcome")),
                   "2024-02-03T09:30:00-05:00");

  oc3_schedule_load_with_zone_async (file, new_york, NULL, loaded_cb, &loaded);
  while (loaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (oc3_conference_get_time_zone_identifier (loaded), ==, "America/New_York");
  test_assert_iso (oc3_talk_get_start (talk_by_slug (loaded, "keynotes_welcome")),
                   "2024-02-03T09:30:00-05:00");

  /* Without a zone, the local one. */
  local = oc3_schedule_load_file (file, NULL, &error);
  g_assert_no_error (error);
  test_assert_iso (oc3_talk_get_start (talk_by_slug (local, "keynotes_welcome")),
                   "2024-02-03T09:30:00+00:00");
}

/* `oc3 --check FILE.xml`, in a child whose output is checked. */
static void
test_check (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "frab-style.xml",
                                                NULL);

      exit (oc3_check_main (path, FALSE));
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Title: Pair Conference\nDays: 2\nRooms: 2\nTracks: 2\nTalks: 3\n"
                             "Persons: 2\nTime zone: Europe/Berlin\nWarnings: 0\n");
  g_test_trap_assert_stderr ("");
}

static void
test_check_fosdem (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "fosdem-style.xml",
                                                NULL);

      exit (oc3_check_main (path, FALSE));
    }

  /* TZ=UTC in the tests: the local zone is UTC. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Title: FOSDEM 2024\nDays: 2\nRooms: 2\nTracks: 3\nTalks: 5\n"
                             "Persons: 4\nTime zone: UTC\nWarnings: 2\n"
                             "  schedule/conference/time_zone_name: missing, and no time has an "
                             "offset; using UTC\n"
                             "  schedule/day[1]/room[@name=\"Janson\"]/event[2]/@guid: missing; "
                             "using “8bc89fbd-aff2-504b-8c38-c25dd786a581”\n");
}

int
main (int   argc,
      char *argv[])
{
  /* oc3 --check prints in the locale's character set. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/fosdem/conference", test_fosdem_conference);
  g_test_add_func ("/xml/fosdem/times", test_fosdem_times);
  g_test_add_func ("/xml/fosdem/talk", test_fosdem_talk);
  g_test_add_func ("/xml/fosdem/persons", test_fosdem_persons);
  g_test_add_func ("/xml/fosdem/derived-guid", test_derived_guid);
  g_test_add_func ("/xml/frab/zone", test_frab_zone);
  g_test_add_func ("/xml/frab/same-model-as-json", test_same_model_as_json);
  g_test_add_func ("/xml/oddities", test_oddities);
  g_test_add_func ("/xml/zone/file", test_zone_file);
  g_test_add_func ("/xml/zone/from-offsets", test_zone_from_offsets);
  g_test_add_func ("/xml/debconf23", test_debconf);
  g_test_add_func ("/xml/sniffing", test_sniffing);
  g_test_add_func ("/xml/load-file", test_load_file);
  g_test_add_func ("/xml/load-file-with-zone", test_load_file_with_zone);
  g_test_add_func ("/xml/check", test_check);
  g_test_add_func ("/xml/check-fosdem", test_check_fosdem);

  return g_test_run ();
}
