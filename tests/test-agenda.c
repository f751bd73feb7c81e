/* test-agenda.c — starred talks joined with the program: conflicts, talks
 * that leave the program, what a refresh changed, and the calendar export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "oc3-agenda.h"
#include "oc3-program-change.h"
#include "oc3-schedule.h"

typedef struct
{
  const char *guid;
  const char *title;
  const char *room;
  const char *date;
  const char *duration;
} TalkSpec;

/* A small schedule.json v1 (one day, in Europe/Berlin) from a list of talks. */
static Oc3Conference *
conference_from (const TalkSpec *talks,
                 guint           n_talks)
{
  g_autoptr (GString) json = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  const char *rooms[] = { "Main Stage", "Room B" };
  Oc3Conference *conference;

  g_string_append (json, "{\"schedule\": {\"version\": \"1\", \"conference\": {\"acronym\": \"t\", "
                         "\"title\": \"Test\", \"start\": \"2024-03-13\", \"end\": \"2024-03-13\", "
                         "\"daysCount\": 1, \"timeslot_duration\": \"00:15\", "
                         "\"time_zone_name\": \"Europe/Berlin\", \"days\": [{\"index\": 1, "
                         "\"date\": \"2024-03-13\", \"day_start\": \"2024-03-13T08:00:00+01:00\", "
                         "\"day_end\": \"2024-03-13T20:00:00+01:00\", \"rooms\": {");
  for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
    {
      gboolean first = TRUE;

      g_string_append_printf (json, "%s\"%s\": [", r > 0 ? ", " : "", rooms[r]);
      for (guint i = 0; i < n_talks; i++)
        {
          if (g_strcmp0 (talks[i].room, rooms[r]) != 0)
            continue;
          g_string_append_printf (json, "%s{\"guid\": \"%s\", \"id\": %u, \"title\": \"%s\", "
                                        "\"room\": \"%s\", \"date\": \"%s\", \"start\": \"00:00\", "
                                        "\"duration\": \"%s\", \"type\": \"Talk\", \"language\": \"en\", "
                                        "\"abstract\": \"About %s\", \"url\": \"https://example.org/%s\", "
                                        "\"persons\": [{\"id\": 1, \"public_name\": \"Ada\"}], \"links\": []}",
                                  first ? "" : ", ", talks[i].guid, i + 1, talks[i].title, talks[i].room,
                                  talks[i].date, talks[i].duration, talks[i].title, talks[i].guid);
          first = FALSE;
        }
      g_string_append (json, "]");
    }
  g_string_append (json, "}}]}}}");

  bytes = g_bytes_new (json->str, json->len);
  conference = oc3_schedule_parse (bytes, &error);
  g_assert_no_error (error);
  return conference;
}

static const TalkSpec program[] = {
  { "a", "Attestation basics", "Main Stage", "2024-03-13T10:00:00+01:00", "00:45" },
  { "b", "Confidential AI", "Room B", "2024-03-13T10:30:00+01:00", "00:30" },
  { "c", "Closing panel", "Main Stage", "2024-03-13T11:00:00+01:00", "00:30" },
  { "d", "Kernel hardening", "Room B", "2024-03-13T14:00:00+01:00", "00:30" },
};

typedef struct
{
  char          *dir;
  Oc3Clock      *clock;
  Oc3UserStore  *store;
  Oc3Conference *conference;
  Oc3Agenda     *agenda;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr (GDateTime) morning = g_date_time_new_from_iso8601 ("2024-03-13T07:00:00+01:00", NULL);

  fixture->dir = g_dir_make_tmp ("oc3-agenda-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "user.json", NULL);
  fixture->store = oc3_user_store_new_for_path (path);
  g_assert_true (oc3_user_store_load (fixture->store, NULL));
  /* A fake clock (the morning of the conference), so no real timer runs. */
  fixture->clock = oc3_clock_new_manual (oc3_clock_instant_from_date_time (morning));
  fixture->conference = conference_from (program, G_N_ELEMENTS (program));
  fixture->agenda = oc3_agenda_new (fixture->conference, fixture->store, fixture->clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "user.json", NULL);

  g_clear_object (&fixture->agenda);
  g_clear_object (&fixture->conference);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_starred_in_order_with_conflicts (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *starred = oc3_agenda_get_starred (fixture->agenda);
  g_autoptr (Oc3Talk) first = NULL;
  g_autoptr (GPtrArray) conflicts_a = NULL;
  g_autoptr (GPtrArray) conflicts_b = NULL;
  g_autoptr (GPtrArray) conflicts_c = NULL;
  Oc3Talk *a = oc3_conference_lookup_talk (fixture->conference, "a");
  Oc3Talk *b = oc3_conference_lookup_talk (fixture->conference, "b");
  Oc3Talk *c = oc3_conference_lookup_talk (fixture->conference, "c");

  oc3_agenda_set_starred (fixture->agenda, "c", TRUE);
  oc3_agenda_set_starred (fixture->agenda, "b", TRUE);
  oc3_agenda_set_starred (fixture->agenda, "a", TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (starred), ==, 3);
  first = g_list_model_get_item (starred, 0);
  g_assert_cmpstr (oc3_talk_get_guid (first), ==, "a");

  /* a (10:00–10:45) overlaps b (10:30–11:00); b touches c (11:00) but does not overlap it. */
  conflicts_a = oc3_agenda_get_conflicts (fixture->agenda, a);
  conflicts_b = oc3_agenda_get_conflicts (fixture->agenda, b);
  conflicts_c = oc3_agenda_get_conflicts (fixture->agenda, c);
  g_assert_cmpuint (conflicts_a->len, ==, 1);
  g_assert_cmpstr (oc3_talk_get_guid (g_ptr_array_index (conflicts_a, 0)), ==, "b");
  g_assert_cmpuint (conflicts_b->len, ==, 1);
  g_assert_cmpstr (oc3_talk_get_guid (g_ptr_array_index (conflicts_b, 0)), ==, "a");
  g_assert_cmpuint (conflicts_c->len, ==, 0);

  /* Starring turns the reminder on. */
  g_assert_true (oc3_user_store_get_reminder_enabled (fixture->store, "a"));
  g_assert_true (oc3_reminder_scheduler_get_has_pending (oc3_agenda_get_scheduler (fixture->agenda)));

  oc3_agenda_set_starred (fixture->agenda, "b", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (starred), ==, 2);
  g_clear_pointer (&conflicts_a, g_ptr_array_unref);
  conflicts_a = oc3_agenda_get_conflicts (fixture->agenda, a);
  g_assert_cmpuint (conflicts_a->len, ==, 0);
}

static void
test_refresh_keeps_stars_and_lists_changes (Fixture       *fixture,
                                            gconstpointer  data)
{
  /* The refreshed program: a moved to 12:00, b to another room, c renamed, d cancelled, e new. */
  static const TalkSpec refreshed[] = {
    { "a", "Attestation basics", "Main Stage", "2024-03-13T12:00:00+01:00", "00:45" },
    { "b", "Confidential AI", "Main Stage", "2024-03-13T10:30:00+01:00", "00:30" },
    { "c", "Closing panel: the future", "Main Stage", "2024-03-13T11:00:00+01:00", "00:30" },
    { "e", "Late addition", "Room B", "2024-03-13T15:00:00+01:00", "00:30" },
  };
  g_autoptr (Oc3Conference) after = conference_from (refreshed, G_N_ELEMENTS (refreshed));
  g_autoptr (GListModel) changes = oc3_program_changes_compare (fixture->conference, after);
  g_autoptr (GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_auto (GStrv) missing = NULL;
  g_autofree char *moved_text = NULL;
  Oc3ProgramChange *change;

  oc3_agenda_set_starred (fixture->agenda, "a", TRUE);
  oc3_agenda_set_starred (fixture->agenda, "d", TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 5);
  /* In the new program's order: b (10:30), c (11:00), a (12:00), e (15:00), then cancelled d. */
  {
    const char *expected_guids[] = { "b", "c", "a", "e", "d" };
    Oc3ProgramChangeKind expected_kinds[] = {
      OC3_PROGRAM_CHANGE_ROOM, OC3_PROGRAM_CHANGE_RETITLED, OC3_PROGRAM_CHANGE_MOVED,
      OC3_PROGRAM_CHANGE_ADDED, OC3_PROGRAM_CHANGE_CANCELLED,
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected_guids); i++)
      {
        g_autoptr (Oc3ProgramChange) item = g_list_model_get_item (changes, i);

        g_assert_cmpstr (oc3_program_change_get_guid (item), ==, expected_guids[i]);
        g_assert_cmpint (oc3_program_change_get_kinds (item), ==, expected_kinds[i]);
      }
  }
  change = g_list_model_get_item (changes, 2);
  moved_text = oc3_program_change_describe (change, berlin);
  g_assert_cmpstr (moved_text, ==, "Now at 12:00, was 10:00");
  g_object_unref (change);

  /* The stars stay: a moved with its star; d is kept as "no longer in the program". */
  oc3_agenda_set_conference (fixture->agenda, after);
  g_assert_true (oc3_agenda_is_starred (fixture->agenda, "a"));
  g_assert_true (oc3_agenda_is_starred (fixture->agenda, "d"));
  g_assert_cmpuint (g_list_model_get_n_items (oc3_agenda_get_starred (fixture->agenda)), ==, 1);
  missing = oc3_agenda_dup_missing_guids (fixture->agenda);
  g_assert_cmpstrv (missing, ((const char *[]) { "d", NULL }));
}

static void
test_calendar_export (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  gsize length = 0;

  oc3_agenda_set_starred (fixture->agenda, "a", TRUE);
  oc3_agenda_set_starred (fixture->agenda, "d", TRUE);

  all = oc3_agenda_export_ical (fixture->agenda, NULL, &length);
  g_assert_cmpuint (length, ==, strlen (all));
  g_assert_nonnull (strstr (all, "BEGIN:VCALENDAR\r\n"));
  /* Berlin 10:00 in March is 09:00 UTC. */
  g_assert_nonnull (strstr (all, "DTSTART:20240313T090000Z\r\n"));
  g_assert_nonnull (strstr (all, "DTEND:20240313T094500Z\r\n"));
  g_assert_nonnull (strstr (all, "SUMMARY:Attestation basics\r\n"));
  g_assert_nonnull (strstr (all, "LOCATION:Main Stage\r\n"));
  g_assert_nonnull (strstr (all, "SUMMARY:Kernel hardening\r\n"));
  g_assert_nonnull (strstr (all, "URL:https://example.org/a\r\n"));

  one = oc3_agenda_export_ical (fixture->agenda, oc3_conference_lookup_talk (fixture->conference, "c"), NULL);
  g_assert_nonnull (strstr (one, "SUMMARY:Closing panel\r\n"));
  g_assert_null (strstr (one, "Attestation basics"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/agenda/starred-in-order-with-conflicts", Fixture, NULL,
              fixture_set_up, test_starred_in_order_with_conflicts, fixture_tear_down);
  g_test_add ("/agenda/refresh-keeps-stars-and-lists-changes", Fixture, NULL,
              fixture_set_up, test_refresh_keeps_stars_and_lists_changes, fixture_tear_down);
  g_test_add ("/agenda/calendar-export", Fixture, NULL,
              fixture_set_up, test_calendar_export, fixture_tear_down);

  return g_test_run ();
}
