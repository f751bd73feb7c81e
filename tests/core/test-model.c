/* test-model.c — the model: order, lookups, lists, lifetime, loading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "oc3-schedule.h"
#include "test-util.h"

static void
test_order (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");

  /* By start, then by room in the program's order (Zeta before Alpha, then
   * Beta, which only a talk names), then by end. */
  test_assert_guids (oc3_conference_get_talks (conference), "m-5 m-1 m-2 m-3 m-4 m-6");
  g_assert_true (g_list_model_get_item_type (oc3_conference_get_talks (conference)) ==
                 OC3_TYPE_TALK);
  g_assert_null (g_list_model_get_item (oc3_conference_get_talks (conference), 6));
}

static void
test_days (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  GListModel *days = oc3_conference_get_days (conference);
  Oc3Day *day;

  /* Sorted by date, whatever the file's order. */
  g_assert_cmpuint (test_n_items (days), ==, 2);
  g_assert_true (g_list_model_get_item_type (days) == OC3_TYPE_DAY);
  day = test_item (days, 0);
  g_assert_cmpint (oc3_day_get_index (day), ==, 1);
  test_assert_iso (oc3_day_get_date (day), "2024-06-01T00:00:00+02:00");
  test_assert_iso (oc3_day_get_start (day), "2024-06-01T09:00:00+02:00");
  test_assert_iso (oc3_day_get_end (day), "2024-06-01T18:00:00+02:00");
  test_assert_guids (oc3_day_get_talks (day), "m-5 m-1 m-2 m-3 m-4");

  day = test_item (days, 1);
  g_assert_cmpint (oc3_day_get_index (day), ==, 2);
  /* No day_start or day_end: from the talks. */
  test_assert_iso (oc3_day_get_start (day), "2024-06-02T09:30:00+02:00");
  test_assert_iso (oc3_day_get_end (day), "2024-06-02T10:00:00+02:00");
  test_assert_guids (oc3_day_get_talks (day), "m-6");

  /* No start or end in the schedule: from the days. */
  test_assert_iso (oc3_conference_get_start (conference), "2024-06-01T09:00:00+02:00");
  test_assert_iso (oc3_conference_get_end (conference), "2024-06-02T10:00:00+02:00");
}

static void
test_rooms (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  GListModel *rooms = oc3_conference_get_rooms (conference);

  g_assert_cmpuint (test_n_items (rooms), ==, 3);
  g_assert_true (g_list_model_get_item_type (rooms) == OC3_TYPE_ROOM);
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 0)), ==, "Zeta");
  g_assert_cmpstr (oc3_room_get_guid (test_item (rooms, 0)), ==, "room-zeta");
  test_assert_guids (oc3_room_get_talks (test_item (rooms, 0)), "m-1 m-2");
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 1)), ==, "Alpha");
  test_assert_guids (oc3_room_get_talks (test_item (rooms, 1)), "m-3 m-4 m-6");
  g_assert_cmpstr (oc3_room_get_name (test_item (rooms, 2)), ==, "Beta");
  g_assert_null (oc3_room_get_guid (test_item (rooms, 2)));
  test_assert_guids (oc3_room_get_talks (test_item (rooms, 2)), "m-5");

  g_assert_true (oc3_conference_lookup_room (conference, "Alpha") == test_item (rooms, 1));
  g_assert_null (oc3_conference_lookup_room (conference, "alpha"));
}

static void
test_tracks (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  GListModel *tracks = oc3_conference_get_tracks (conference);

  g_assert_cmpuint (test_n_items (tracks), ==, 3);
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 0)), ==, "T1");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 0)), ==, "#111111");
  test_assert_guids (oc3_track_get_talks (test_item (tracks, 0)), "m-1 m-2 m-3");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 1)), ==, "T2");
  g_assert_cmpstr (oc3_track_get_color (test_item (tracks, 1)), ==,
                   oc3_track_color_for_name ("T2"));
  test_assert_guids (oc3_track_get_talks (test_item (tracks, 1)), "m-4 m-6");
  g_assert_cmpstr (oc3_track_get_name (test_item (tracks, 2)), ==, "T3");
  test_assert_guids (oc3_track_get_talks (test_item (tracks, 2)), "m-5");
  g_assert_true (oc3_conference_lookup_track (conference, "T3") == test_item (tracks, 2));
}

static void
test_persons (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  GListModel *persons = oc3_conference_get_persons (conference);
  Oc3Talk *talk;

  /* Sorted by name without regard to case. */
  g_assert_cmpuint (test_n_items (persons), ==, 3);
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 0)), ==, "adam");
  test_assert_guids (oc3_person_get_talks (test_item (persons, 0)), "m-1 m-2");
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 1)), ==, "Bea");
  test_assert_guids (oc3_person_get_talks (test_item (persons, 1)), "m-4 m-6");
  g_assert_cmpstr (oc3_person_get_name (test_item (persons, 2)), ==, "Zoe");
  test_assert_guids (oc3_person_get_talks (test_item (persons, 2)), "m-3 m-4");

  /* By guid or by id. */
  g_assert_true (oc3_conference_lookup_person (conference, "p-adam") == test_item (persons, 0));
  g_assert_true (oc3_conference_lookup_person (conference, "2") == test_item (persons, 1));
  g_assert_true (oc3_conference_lookup_person (conference, "1") == test_item (persons, 2));
  g_assert_null (oc3_conference_lookup_person (conference, "Zoe"));

  /* A talk's speakers in the schedule's order. */
  talk = oc3_conference_lookup_talk (conference, "m-4");
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 2);
  g_assert_true (test_item (oc3_talk_get_persons (talk), 0) == test_item (persons, 1));
  g_assert_true (test_item (oc3_talk_get_persons (talk), 1) == test_item (persons, 2));
}

static void
test_lookup (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  GListModel *talks = oc3_conference_get_talks (conference);

  for (guint i = 0; i < test_n_items (talks); i++)
    {
      Oc3Talk *talk = test_item (talks, i);

      g_assert_true (oc3_conference_lookup_talk (conference, oc3_talk_get_guid (talk)) == talk);
    }
  g_assert_null (oc3_conference_lookup_talk (conference, "m-7"));
  g_assert_null (oc3_conference_lookup_talk (conference, ""));
}

static void
test_properties (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("model.json");
  Oc3Talk *talk = oc3_conference_lookup_talk (conference, "m-4");
  g_autofree char *title = NULL;
  g_autofree char *time_zone = NULL;
  g_autoptr (Oc3Room) room = NULL;
  g_autoptr (GListModel) persons = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_auto (GStrv) warnings = NULL;
  gint64 duration;

  /* What the UI binds to. */
  g_object_get (talk, "title", &title, "room", &room, "persons", &persons, "start", &start,
                "duration", &duration, NULL);
  g_assert_cmpstr (title, ==, "Four");
  g_assert_true (room == oc3_talk_get_room (talk));
  g_assert_true (persons == oc3_talk_get_persons (talk));
  g_assert_true (g_date_time_equal (start, oc3_talk_get_start (talk)));
  g_assert_cmpint (duration, ==, 30 * G_TIME_SPAN_MINUTE);

  g_object_get (conference, "time-zone-identifier", &time_zone, "warnings", &warnings, NULL);
  g_assert_cmpstr (time_zone, ==, "Europe/Berlin");
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_removed)
{
  *n_removed += removed;
}

/* Parts outlive their conference safely: a talk keeps its room and speakers;
 * a room's list of talks empties (with items-changed) when the conference
 * goes; and once nothing is held, everything is freed: no reference cycles. */
static void
test_lifetime (void)
{
  Oc3Conference *conference = test_load_data ("model.json");
  g_autoptr (Oc3Talk) talk = g_object_ref (oc3_conference_lookup_talk (conference, "m-4"));
  g_autoptr (Oc3Room) room = g_object_ref (oc3_conference_lookup_room (conference, "Alpha"));
  Oc3Person *person = oc3_conference_lookup_person (conference, "2");
  Oc3Track *track = oc3_conference_lookup_track (conference, "T2");
  Oc3Day *day = test_item (oc3_conference_get_days (conference), 0);
  Oc3Talk *other = oc3_conference_lookup_talk (conference, "m-1");
  guint n_removed = 0;

  g_signal_connect (oc3_room_get_talks (room), "items-changed",
                    G_CALLBACK (items_changed_cb), &n_removed);
  g_object_add_weak_pointer (G_OBJECT (person), (gpointer *) &person);
  g_object_add_weak_pointer (G_OBJECT (track), (gpointer *) &track);
  g_object_add_weak_pointer (G_OBJECT (day), (gpointer *) &day);
  g_object_add_weak_pointer (G_OBJECT (other), (gpointer *) &other);

  g_assert_finalize_object (conference);

  g_assert_null (day);
  g_assert_null (other);
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Four");
  g_assert_true (oc3_talk_get_room (talk) == room);
  g_assert_cmpstr (oc3_track_get_name (oc3_talk_get_track (talk)), ==, "T2");
  g_assert_cmpstr (oc3_person_get_name (test_item (oc3_talk_get_persons (talk), 0)), ==, "Bea");
  g_assert_cmpuint (test_n_items (oc3_room_get_talks (room)), ==, 0);
  g_assert_cmpuint (n_removed, ==, 3);

  g_assert_finalize_object (g_steal_pointer (&talk));
  g_assert_null (person);
  g_assert_null (track);
  g_assert_finalize_object (g_steal_pointer (&room));
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static Oc3Conference *
wait_for (GAsyncResult   **result,
          Oc3Conference *(*finish) (GAsyncResult *, GError **),
          GError         **error)
{
  Oc3Conference *conference;

  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  conference = finish (*result, error);
  g_clear_object (result);

  return conference;
}

static void
test_load_async (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "model.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing = g_file_new_for_path ("/nonexistent/schedule.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  GAsyncResult *result = NULL;

  oc3_schedule_load_async (file, NULL, async_done_cb, &result);
  conference = wait_for (&result, oc3_schedule_load_finish, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, 6);

  oc3_schedule_load_async (missing, NULL, async_done_cb, &result);
  g_assert_null (wait_for (&result, oc3_schedule_load_finish, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_parse_async (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), "model.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) broken = g_bytes_new_static ("{\"schedule\": 1}", 15);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  GAsyncResult *result = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  oc3_schedule_parse_async (bytes, NULL, async_done_cb, &result);
  conference = wait_for (&result, oc3_schedule_parse_finish, &error);
  g_assert_no_error (error);
  g_assert_nonnull (oc3_conference_lookup_talk (conference, "m-6"));

  oc3_schedule_parse_async (broken, NULL, async_done_cb, &result);
  g_assert_null (wait_for (&result, oc3_schedule_parse_finish, &error));
  g_assert_error (error, OC3_SCHEDULE_ERROR, OC3_SCHEDULE_ERROR_TYPE);
  g_clear_error (&error);

  /* A window closed before the parse finished. */
  g_cancellable_cancel (cancellable);
  oc3_schedule_parse_async (bytes, cancellable, async_done_cb, &result);
  g_assert_null (wait_for (&result, oc3_schedule_parse_finish, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Thousands of copies of one guid, and a speaker listed many times. */
static void
test_duplicates (void)
{
  GString *json = g_string_new ("{\"schedule\": {\"conference\": {\"time_zone_name\": \"UTC\", "
                                "\"days\": [{\"date\": \"2024-01-01\", \"rooms\": {\"R\": [");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Oc3Conference) conference = NULL;
  Oc3Talk *talk;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (json, "%s{\"guid\": \"same\", \"title\": \"Copy %u\", "
                              "\"date\": \"2024-01-01T10:00:00Z\", \"duration\": \"0:30\", "
                              "\"persons\": [", i > 0 ? ", " : "", i + 1);
      for (guint p = 0; p < 20; p++)
        g_string_append_printf (json, "%s{\"id\": 7, \"public_name\": \"Seven\"}",
                                p > 0 ? ", " : "");
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}}]}}}");
  bytes = g_string_free_to_bytes (json);

  conference = oc3_schedule_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (test_n_items (oc3_conference_get_talks (conference)), ==, 3000);
  g_assert_cmpstr (oc3_talk_get_title (oc3_conference_lookup_talk (conference, "same")), ==,
                   "Copy 1");
  talk = oc3_conference_lookup_talk (conference, "same#3000");
  g_assert_cmpstr (oc3_talk_get_title (talk), ==, "Copy 3000");
  g_assert_cmpuint (test_n_items (oc3_talk_get_persons (talk)), ==, 1);
  g_assert_cmpuint (test_n_items (oc3_conference_get_persons (conference)), ==, 1);
  /* Warnings stop at a limit, with a last one saying so. */
  g_assert_cmpuint (g_strv_length ((GStrv) oc3_conference_get_warnings (conference)), ==, 1001);
  g_assert_cmpstr (oc3_conference_get_warnings (conference)[1000], ==,
                   "(root): more than 1000 warnings; the rest were left out");
}

/* The UI thread and a worker read one conference at once. */
static gpointer
read_everything (gpointer data)
{
  Oc3Conference *conference = data;
  GListModel *talks = oc3_conference_get_talks (conference);
  gsize total = 0;

  for (guint round = 0; round < 200; round++)
    for (guint i = 0; i < test_n_items (talks); i++)
      {
        g_autoptr (Oc3Talk) talk = g_list_model_get_item (talks, i);
        Oc3Talk *found = oc3_conference_lookup_talk (conference, oc3_talk_get_guid (talk));

        total += strlen (oc3_talk_get_title (found));
        total += test_n_items (oc3_talk_get_persons (talk));
      }

  return GSIZE_TO_POINTER (total);
}

static void
test_threads (void)
{
  g_autoptr (Oc3Conference) conference = test_load_data ("oddities.json");
  GThread *worker = g_thread_new ("reader", read_everything, conference);
  gpointer mine = read_everything (conference);

  g_assert_true (g_thread_join (worker) == mine);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/order", test_order);
  g_test_add_func ("/model/days", test_days);
  g_test_add_func ("/model/rooms", test_rooms);
  g_test_add_func ("/model/tracks", test_tracks);
  g_test_add_func ("/model/persons", test_persons);
  g_test_add_func ("/model/lookup", test_lookup);
  g_test_add_func ("/model/properties", test_properties);
  g_test_add_func ("/model/lifetime", test_lifetime);
  g_test_add_func ("/model/load-async", test_load_async);
  g_test_add_func ("/model/parse-async", test_parse_async);
  g_test_add_func ("/model/duplicates", test_duplicates);
  g_test_add_func ("/model/threads", test_threads);

  return g_test_run ();
}
